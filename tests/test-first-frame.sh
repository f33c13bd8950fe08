#!/usr/bin/env bash
# test-first-frame.sh: IMP_FIRST_FRAME_EXIT=1 times the real app from start
# to its first painted map, prints it and quits on its own (issue 8).
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints TAP. Needs IMP_BINARY and IMP_SOURCE_ROOT (set by tests/meson.build)
# and a display (Xvfb in CI); skips without one.

set -u

bin=${IMP_BINARY:?IMP_BINARY not set}
root=${IMP_SOURCE_ROOT:?IMP_SOURCE_ROOT not set}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "1..0 # SKIP no display"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
for example in "$root"/data/examples/*.impactmap; do
  n=$((n + 1))
  name=$(basename "$example")
  # A hook that never fires leaves the window open: the timeout fails it.
  IMP_FIRST_FRAME_EXIT=1 timeout 60 "$bin" "$example" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    failed=$((failed + 1))
    echo "not ok $n - $name: exits by itself after the first frame"
    echo "# exit $rc"; sed 's/^/# /' "$tmp/err"
  elif ! grep -qE '^first frame: [0-9]+ ms$' "$tmp/err"; then
    failed=$((failed + 1))
    echo "not ok $n - $name: reports the time to the first frame"
    sed 's/^/# /' "$tmp/err"
  else
    echo "ok $n - $name: $(grep -E '^first frame' "$tmp/err")"
  fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
