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
# about one link a card) or as many cards as that map has in the file's
# bytes, whichever is more; for a picture whose reference map is too large
# to draw, the benchmark's map with a picture as tall; and never less than
# 0.5 s, so a refusal in under 0.5 s always passes.
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
declare -A reference reference_rc
reference_secs () {
  local n=$1 cmd=$2 key="$1 $2"
  if [ -z "${reference[$key]:-}" ]; then
    if [ ! -f "$work/ref-$n.impactmap" ]; then
      "$bench" --write-map "$n" "$work/ref-$n.impactmap" >/dev/null 2>&1
    fi
    run "$work/ref-$n.impactmap" "$cmd"
    # A refusal of the reference (a PNG too large) counts with its time.
    reference[$key]=$secs
    reference_rc[$key]=$rc
  fi
  ref=${reference[$key]}
}

# A file's size in cards for the reference: its cards or links, or, for a
# file padded with white space or long notes, as many cards as the
# benchmark's map has in that many bytes, whichever is more.
"$bench" --write-map 1000 "$work/ref-bytes.impactmap" >/dev/null 2>&1
bytes_per_card=$(( $(stat -c %s "$work/ref-bytes.impactmap") / 1000 ))

# For a picture, the reference must be a picture too: when the benchmark's
# map of that many cards is too large to draw (a refusal in no time), the
# reference is the benchmark's map whose picture is as tall as this one's.
png_height () {
  python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print(struct.unpack(">I", d[20:24])[0])' "$1"
}
"$bench" --write-map 100 "$work/ref-100.impactmap" >/dev/null 2>&1
"$app" export "$work/ref-100.impactmap" -o "$work/ref-100.png" --format png >/dev/null 2>&1
px_per_card=$(( $(png_height "$work/ref-100.png") / 100 ))

failed=0
printf '%-28s %10s %-9s %4s %8s %8s  %s\n' file bytes command exit seconds budget verdict
while read -r name cards; do
  file=$folder/$name.impactmap
  size=$(stat -c %s "$file")
  by_size=$(( size / bytes_per_card ))
  [ "$by_size" -gt "$cards" ] && cards=$by_size
  for cmd in check $formats; do
    reference_secs "$cards" "$cmd"
    ref_cards=$cards
    run "$file" "$cmd"
    if [ "$rc" -eq 0 ] && [ "$cmd" != check ] && [ "${reference_rc[$cards $cmd]:-0}" -ne 0 ]; then
      case $cmd in png|png-title|pdf)
        # This file's picture, drawn as PNG, says how tall it is.
        "$app" export "$file" -o "$work/pic.png" --format png >/dev/null 2>&1 || true
        if [ -f "$work/pic.png" ]; then
          ref_cards=$(( $(png_height "$work/pic.png") / px_per_card + 1 ))
          rm -f "$work/pic.png"
          reference_secs "$ref_cards" "$cmd"
          run "$file" "$cmd"
        fi ;;
      esac
    fi
    budget=$(awk -v r="$ref" 'BEGIN { b = 2 * r; if (b < 0.5) b = 0.5; printf "%.3f", b }')
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      verdict="FAIL timeout after ${limit} s"
    elif [ "$rc" -ge 128 ]; then
      verdict="FAIL crashed (signal $((rc - 128)))"
    elif [ "$rc" -ne 0 ]; then
      if awk -v s="$secs" -v b="$budget" 'BEGIN { exit !(s <= b) }'; then
        verdict="pass refused"
      else
        verdict="FAIL slow refusal (the benchmark's map of $ref_cards cards: ${ref} s)"
      fi
    elif awk -v s="$secs" -v b="$budget" 'BEGIN { exit !(s <= b) }'; then
      verdict="pass"
    else
      verdict="FAIL slower than 2x the benchmark's map of $ref_cards cards (${ref} s)"
    fi
    case $verdict in FAIL*) failed=$((failed + 1)) ;; esac
    printf '%-28s %10s %-9s %4s %8s %8s  %s\n' "$name" "$size" "$cmd" "$rc" "$secs" "$budget" "$verdict"
  done
done <"$work/list"

echo "hostile files: $failed runs failed"
[ "$failed" -eq 0 ]
