#!/usr/bin/env bash
# build-aux/check-hostile.sh: run `check` and every export on hostile files
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/check-hostile.sh [OUTPUT-FOLDER]
#
# Builds a release build (build-release, or $BUILDDIR), writes the hostile
# files of build-aux/hostile-maps.py, then runs `impact-mapper check FILE` and
# `impact-mapper export FILE -o OUT --format F` for each format (and PNG
# again with --title-line, as png-title), each under a
# timeout, and prints one row per run: file, size, command, exit code,
# seconds, budget, verdict. A run passes when it ends, refusing (non-zero
# exit, not killed) or succeeding, within its budget: twice the time the
# same command takes on the benchmark's generated map of as many cards as
# the file has cards or links, whichever is more (imp-bench --write-map N:
# about one link a card), and never less than 0.5 s, so a refusal in
# under 0.5 s always passes.
# A timeout, a crash or a slow refusal fails. Exits 1 when a run fails.
#
# This is a script on purpose, not a test in the suite: speed is shown by a
# script on a quiet machine, never by a timed test.
#
# Environment: HOSTILE_TIMEOUT (seconds per run, default 30); HOSTILE_BIG=0
# leaves out the files of hundreds of MiB; HOSTILE_FORMATS (default all).
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${BUILDDIR:-build-release}
limit=${HOSTILE_TIMEOUT:-30}
formats=${HOSTILE_FORMATS:-"png svg pdf json markdown mermaid csv png-title"}

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --buildtype=release >/dev/null
fi
ninja -C "$builddir" src/impact-mapper tests/bench/imp-bench >/dev/null
app=$builddir/src/impact-mapper
bench=$builddir/tests/bench/imp-bench

folder=${1:-$(mktemp -d)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

big=()
if [ "${HOSTILE_BIG:-1}" = 0 ]; then
  big=(--no-big)
fi
python3 build-aux/hostile-maps.py "$folder" "${big[@]}" >"$work/list"

export GSETTINGS_BACKEND=memory

# Runs the command for FILE and CMD (check or a format name) under the
# timeout; sets rc and secs.
run () {
  local file=$1 cmd=$2 start end
  local out=$work/out
  rm -rf "$out".*
  start=$(date +%s%N)
  set +e
  if [ "$cmd" = check ]; then
    timeout -k 5 "$limit" "$app" check "$file" >/dev/null 2>&1
  elif [ "$cmd" = png-title ]; then
    # The title line draws the map's title above the picture in one line.
    timeout -k 5 "$limit" "$app" export "$file" -o "$out.png" --format png --title-line \
      >/dev/null 2>&1
  else
    timeout -k 5 "$limit" "$app" export "$file" -o "$out.$cmd" --format "$cmd" >/dev/null 2>&1
  fi
  rc=$?
  set -e
  end=$(date +%s%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}

# The reference: the same command on the benchmark's map of N cards, once.
declare -A reference
reference_secs () {
  local n=$1 cmd=$2 key="$1 $2"
  if [ -z "${reference[$key]:-}" ]; then
    if [ ! -f "$work/ref-$n.impactmap" ]; then
      "$bench" --write-map "$n" "$work/ref-$n.impactmap" >/dev/null 2>&1
    fi
    run "$work/ref-$n.impactmap" "$cmd"
    # A refusal of the reference (a PNG too large) counts with its time.
    reference[$key]=$secs
  fi
  ref=${reference[$key]}
}

failed=0
printf '%-28s %10s %-9s %4s %8s %8s  %s\n' file bytes command exit seconds budget verdict
while read -r name cards; do
  file=$folder/$name.impactmap
  size=$(stat -c %s "$file")
  for cmd in check $formats; do
    reference_secs "$cards" "$cmd"
    run "$file" "$cmd"
    budget=$(awk -v r="$ref" 'BEGIN { b = 2 * r; if (b < 0.5) b = 0.5; printf "%.3f", b }')
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      verdict="FAIL timeout after ${limit} s"
    elif [ "$rc" -ge 128 ]; then
      verdict="FAIL crashed (signal $((rc - 128)))"
    elif [ "$rc" -ne 0 ]; then
      if awk -v s="$secs" -v b="$budget" 'BEGIN { exit !(s <= b) }'; then
        verdict="pass refused"
      else
        verdict="FAIL slow refusal (the benchmark's map of $cards cards: ${ref} s)"
      fi
    elif awk -v s="$secs" -v b="$budget" 'BEGIN { exit !(s <= b) }'; then
      verdict="pass"
    else
      verdict="FAIL slower than 2x the benchmark's map of $cards cards (${ref} s)"
    fi
    case $verdict in FAIL*) failed=$((failed + 1)) ;; esac
    printf '%-28s %10s %-9s %4s %8s %8s  %s\n' "$name" "$size" "$cmd" "$rc" "$secs" "$budget" "$verdict"
  done
done <"$work/list"

echo "hostile files: $failed runs failed"
[ "$failed" -eq 0 ]
