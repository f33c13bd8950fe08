#!/usr/bin/env bash
# test-git.sh: diff and merge from the command line, and as git's drivers
# in a real repository in a temporary folder.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints TAP. Needs IMP_BINARY and IMP_SOURCE_ROOT (set by tests/meson.build).

set -u

bin=${IMP_BINARY:?IMP_BINARY not set}
root=${IMP_SOURCE_ROOT:?IMP_SOURCE_ROOT not set}
canonical=$root/tests/data/format/canonical.impactmap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

unset DISPLAY WAYLAND_DISPLAY
# git must see neither the user's configuration nor the source tree's repository.
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES=$tmp
mkdir -p "$HOME"

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; printf '%s\n' "$@" | sed 's/^/# /'; }

run () {
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

check () { # check DESCRIPTION WANTED-RC GREP-PATTERN-ON-STDOUT...
  local desc=$1 want=$2
  shift 2
  if [ "$rc" -ne "$want" ]; then
    not_ok "$desc" "exit $rc, wanted $want" "stdout: $out" "stderr: $err"
    return
  fi
  for pattern in "$@"; do
    if ! grep -qF -- "$pattern" <<<"$out"; then
      not_ok "$desc" "stdout lacks: $pattern" "stdout: $out" "stderr: $err"
      return
    fi
  done
  ok "$desc"
}

# --- diff --------------------------------------------------------------
cp "$canonical" "$tmp/old.impactmap"
sed -e 's/"title": "Teachers"/"title": "Lecturers"/' -e 's/"target": 48000/"target": 50000/' \
  "$canonical" >"$tmp/new.impactmap"

run "$bin" diff "$tmp/old.impactmap" "$tmp/old.impactmap"
check "diff of a map with itself is empty, exit 0" 0
[ -z "$out" ] || not_ok "diff of equal maps prints nothing" "$out"
run "$bin" diff "$tmp/old.impactmap" "$tmp/new.impactmap"
check "diff names a rename and a metric change, exit 1" 1 \
  '~ card actor “Lecturers” (n2): renamed from "Teachers"' \
  '(n1): metric.target: 48000 → 50000'
run "$bin" diff --format json "$tmp/old.impactmap" "$tmp/new.impactmap"
if [ "$rc" -eq 1 ] && python3 -c '
import json, sys
d = json.load(sys.stdin)
kinds = [(c["kind"], c.get("card"), c.get("member")) for c in d["changes"]]
assert d["equal"] is False, d
assert ("card-renamed", "n2", "title") in kinds, kinds
assert ("card-changed", "n1", "metric.target") in kinds, kinds
' <<<"$out"; then ok "diff --format json lists the changes"; else not_ok "diff --format json" "$rc" "$out" "$err"; fi
run "$bin" diff /dev/null "$tmp/old.impactmap"
check "diff from /dev/null adds every card" 1 '+ card goal “Cut support cost” (n20)'
printf 'not json' >"$tmp/broken.impactmap"
run "$bin" diff "$tmp/old.impactmap" "$tmp/broken.impactmap"
if [ "$rc" -eq 2 ] && grep -q "broken.impactmap" <<<"$err"; then ok "diff of a broken file exits 2 naming it"
else not_ok "diff of a broken file exits 2" "$rc" "$err"; fi
run "$bin" diff "$tmp/old.impactmap"
check "diff with one file is a usage error" 2
run "$bin" diff --git x.impactmap "$tmp/old.impactmap" 0000 100644 "$tmp/broken.impactmap" 1111 100644
check "diff --git always exits 0, saying what it cannot read" 0 "new version of x.impactmap is not a map"
run "$bin" diff --textconv "$tmp/old.impactmap"
check "diff --textconv prints a card a line" 0 '  [actor] Teachers (n2)' '    metric.target: 48000'
run "$bin" diff --help
check "diff --help describes --git and --textconv" 0 "--git" "--textconv" "/dev/null"

echo "1..$n"
exit $((failed > 0))
