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

# --- merge -------------------------------------------------------------
sed -e 's/"title": "Bulk grading view"/"title": "Bulk grading"/' "$canonical" >"$tmp/theirs.impactmap"
run "$bin" merge "$tmp/old.impactmap" "$tmp/new.impactmap" "$tmp/theirs.impactmap" -o "$tmp/merged.impactmap"
check "merge of independent edits exits 0" 0
run "$bin" diff "$tmp/old.impactmap" "$tmp/merged.impactmap"
check "the merge holds both sides' edits" 1 'renamed from "Teachers"' 'metric.target: 48000 → 50000' \
  'renamed from "Bulk grading view"'
sed -e 's/"title": "Teachers"/"title": "Tutors"/' "$canonical" >"$tmp/rival.impactmap"
run "$bin" merge "$tmp/old.impactmap" "$tmp/new.impactmap" "$tmp/rival.impactmap" -o "$tmp/conflicted.impactmap"
if [ "$rc" -eq 1 ] && grep -q "1 conflict" <<<"$err" && "$bin" check "$tmp/conflicted.impactmap" >/dev/null &&
   python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
c = d["conflicts"]
assert c == [{"kind": "card", "card": "n2", "member": "title", "base": "Teachers",
              "ours": "Lecturers", "theirs": "Tutors"}], c
' "$tmp/conflicted.impactmap"; then ok "a conflicting merge exits 1 with a loadable file holding the record"
else not_ok "conflicting merge" "$rc" "$err"; fi

# Hostile sides: nothing written, a message naming the side.
rm -f "$tmp/out.impactmap"
sed -e 's/"version": 1/"version": 2/' "$canonical" >"$tmp/v2.impactmap"
python3 - "$canonical" "$tmp/dup.impactmap" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["nodes"].append(dict(d["nodes"][1]))
json.dump(d, open(sys.argv[2], "w"))
PY
printf '[1, 2, 3]\n' >"$tmp/array.impactmap"
for bad in v2 dup array broken; do
  for side in 1 2 3; do
    args=("$tmp/old.impactmap" "$tmp/new.impactmap" "$tmp/theirs.impactmap")
    args[$((side - 1))]=$tmp/$bad.impactmap
    run "$bin" merge "${args[@]}" -o "$tmp/out.impactmap"
    name=$(case $side in 1) echo base ;; 2) echo ours ;; 3) echo theirs ;; esac)
    if [ "$rc" -eq 1 ] && [ ! -e "$tmp/out.impactmap" ] && grep -q "^$name (.*$bad.impactmap)" <<<"$err" &&
       grep -q "Nothing was written" <<<"$err"; then
      ok "merge with $bad.impactmap as $name exits 1, names it and writes nothing"
    else
      not_ok "merge with $bad.impactmap as $name" "exit $rc" "$err" "$(ls "$tmp")"
    fi
  done
done
run "$bin" merge "$tmp/old.impactmap" "$tmp/new.impactmap"
check "merge with two files is a usage error" 2
run "$bin" merge --help
check "merge --help gives the git driver line" 0 "impact-mapper merge %O %A %B -o %A"

# --- combine -------------------------------------------------------------
example=$root/data/examples/edtech-weekly-learners.impactmap
mkdir -p "$tmp/groups"
cp "$example" "$tmp/groups/red.impactmap"
sed -e 's/"title": "Faster upload pipeline"/"title": "faster   UPLOAD pipeline"/' \
    -e 's/"title": "OCR of handwritten answers"/"title": "Peer marking"/' \
  "$example" >"$tmp/groups/blue.impactmap"
run "$bin" combine "$tmp/groups/red.impactmap" "$tmp/groups/blue.impactmap" -o "$tmp/combined.impactmap"
check "combine of two breakout maps exits 0 and says what it wrote" 0 "from 2 maps into"
if "$bin" check "$tmp/combined.impactmap" >/dev/null && python3 - "$tmp/combined.impactmap" "$example" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
n = json.load(open(sys.argv[2]))
by = {c["title"]: c["proposed-by"] for c in d["nodes"]}
assert len(d["nodes"]) == len(n["nodes"]) + 2, (len(d["nodes"]), len(n["nodes"]))
assert by["Faster upload pipeline"] == ["red", "blue"], by
assert by["OCR of handwritten answers"] == ["red"], by
assert by["Peer marking"] == ["blue"], by
PY
then ok "the combined map: one card for the same title, each card names the maps that proposed it"
else not_ok "the combined map"; fi
run "$bin" export "$tmp/combined.impactmap" -o "$tmp/combined.csv"
if [ "$rc" -eq 0 ] && head -n1 "$tmp/combined.csv" | grep -q ',status,delivery,shipped,proposed_by' &&
   grep -q ',"red, blue"' "$tmp/combined.csv"; then ok "the CSV export has a proposed_by column"
else not_ok "the CSV export has a proposed_by column" "$(head -n3 "$tmp/combined.csv")"; fi
rm -f "$tmp/out.impactmap"
run "$bin" combine "$tmp/groups/red.impactmap" "$tmp/broken.impactmap" -o "$tmp/out.impactmap"
if [ "$rc" -eq 1 ] && [ ! -e "$tmp/out.impactmap" ] && grep -q "broken.impactmap" <<<"$err"; then
  ok "combine with a broken map exits 1 naming it, nothing written"
else not_ok "combine with a broken map" "$rc" "$err"; fi
run "$bin" combine "$tmp/groups/red.impactmap" -o "$tmp/out.impactmap"
check "combine of one map is a usage error" 2
run "$bin" combine a b c d e f g -o "$tmp/out.impactmap"
check "combine of seven maps is a usage error" 2

# --- git -----------------------------------------------------------------
# A map edited on two branches, merged by git with the driver registered.
repo=$tmp/repo
git init -q -b main "$repo"
cd "$repo" || exit 1
git config user.name "Test User"
git config user.email "test@example.org"
printf '*.impactmap merge=impactmap diff=impactmap\n' >.gitattributes
git config merge.impactmap.name "Impact Mapper three-way merge"
git config merge.impactmap.driver "$bin merge %O %A %B -o %A"
git config diff.impactmap.command "$bin diff --git"
git config diff.impactmap.textconv "$bin diff --textconv"
cp "$canonical" plan.impactmap
git add .gitattributes plan.impactmap && git commit -qm base

add_card () { # add_card FILE ID TITLE PARENT: a deliverable under an impact, by hand
  python3 - "$@" <<'PY'
import json, sys
path, id, title, parent = sys.argv[1:]
d = json.load(open(path))
d["nodes"].append({"id": id, "level": "deliverable", "title": title})
d["links"].append({"from": parent, "to": id})
json.dump(d, open(path, "w"), indent=1, ensure_ascii=False)
PY
}

git checkout -qb ours
sed -i 's/"title": "Teachers"/"title": "Lecturers"/' plan.impactmap
add_card plan.impactmap k7fq3xm "Peer grading" n3
git commit -qam "ours: rename, a card"
git checkout -q main
git checkout -qb theirs
sed -i 's/"target": 48000/"target": 50000/' plan.impactmap
add_card plan.impactmap pz4w8da "Grading rubrics" n3
git commit -qam "theirs: target, a card"
git checkout -q ours
git merge -q --no-edit theirs >"$tmp/merge-out" 2>"$tmp/merge-err"
merge_rc=$?
run "$bin" diff "$canonical" plan.impactmap
if [ "$merge_rc" -eq 0 ] && [ -z "$(git status --porcelain)" ] &&
   grep -qF 'renamed from "Teachers"' <<<"$out" && grep -qF 'metric.target: 48000 → 50000' <<<"$out" &&
   grep -qF '+ card deliverable “Peer grading” (k7fq3xm) under impact' <<<"$out" &&
   grep -qF '+ card deliverable “Grading rubrics” (pz4w8da) under impact' <<<"$out"; then
  ok "git merge with the driver: exit 0, both branches' edits and new cards"
else
  not_ok "git merge with the driver" "exit $merge_rc" "$(cat "$tmp/merge-err")" "$out" "$(git status --porcelain)"
fi
# Both new cards under one parent: ours first, then theirs, whichever way it is merged.
if python3 -c '
import json
d = json.load(open("plan.impactmap"))
kids = [l["to"] for l in d["links"] if l["from"] == "n3"]
assert kids[-2:] == ["k7fq3xm", "pz4w8da"], kids
assert "conflicts" not in d
'; then ok "both new children of one parent are kept, ours first"; else not_ok "order of new children"; fi

# A conflicting pair: the same card renamed two ways.
git checkout -q main
git checkout -qb left
sed -i 's/"title": "Teachers"/"title": "Tutors"/' plan.impactmap
git commit -qam "left: Tutors"
git checkout -q main
git checkout -qb right
sed -i 's/"title": "Teachers"/"title": "Mentors"/' plan.impactmap
git commit -qam "right: Mentors"
git checkout -q left
git merge -q --no-edit right >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -ne 0 ] && git status --porcelain | grep -q '^UU plan.impactmap' &&
   ! grep -q '<<<<<<<' plan.impactmap && "$bin" check plan.impactmap >/dev/null &&
   python3 -c '
import json
d = json.load(open("plan.impactmap"))
assert [n["title"] for n in d["nodes"] if n["id"] == "n2"] == ["Tutors"]
assert d["conflicts"] == [{"kind": "card", "card": "n2", "member": "title",
  "base": "Teachers", "ours": "Tutors", "theirs": "Mentors"}], d["conflicts"]
'; then
  ok "git merge of a conflicting pair: conflict reported, the file loads and holds the record"
else
  not_ok "git merge of a conflicting pair" "exit $rc" "$(cat "$tmp/err")" "$(git status --porcelain)"
fi
ls -A | grep -q '~$' && not_ok "no plan.impactmap~ is left in the work tree" "$(ls -A)" ||
  ok "no plan.impactmap~ is left in the work tree"
git merge --abort

# git diff (external) and git log -p (textconv), with an added and a deleted map.
git checkout -q ours
run git diff main ours -- plan.impactmap
check "git diff runs the external driver" 0 "diff --impactmap a/plan.impactmap b/plan.impactmap" \
  '~ card actor “Lecturers” (n2): renamed from "Teachers"'
run git log -p -1 --format=%s main -- plan.impactmap
check "git log -p shows the textconv form" 0 '+  [actor] Teachers (n2)' '+    metric.target: 48000'
cp "$tmp/new.impactmap" added.impactmap
git add added.impactmap && git commit -qm "add a map"
run git diff HEAD~1 HEAD
check "git diff of an added map: every card added" 0 "new map" '+ card goal “Cut support cost” (n20)'
run git log -p -1 --format=%s
check "git log -p of an added map" 0 '+[goal] Cut support cost (n20)'
git rm -q added.impactmap && git commit -qm "delete a map"
run git diff HEAD~1 HEAD
check "git diff of a deleted map: every card removed" 0 "deleted map" '- card goal “Cut support cost” (n20)'
run git log -p -1 --format=%s
check "git log -p of a deleted map" 0 '-[goal] Cut support cost (n20)'
cd "$tmp" || exit 1

echo "1..$n"
exit $((failed > 0))
