#!/usr/bin/env bash
# test-cli.sh: the headless commands, run as a user would, with no display.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints TAP. Needs IMP_BINARY and IMP_SOURCE_ROOT (set by tests/meson.build).

set -u

bin=${IMP_BINARY:?IMP_BINARY not set}
root=${IMP_SOURCE_ROOT:?IMP_SOURCE_ROOT not set}
examples=("$root"/data/examples/*.impactmap)
example=${examples[0]}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

unset DISPLAY WAYLAND_DISPLAY

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
# Every line of a diagnostic is a TAP comment, even when it holds a multi-line output.
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; printf '%s\n' "$@" | sed 's/^/# /'; }

# run CMD...: sets $rc, $out, $err
run () {
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

expect () { # expect DESCRIPTION RC [STDERR-PATTERN]
  local desc=$1 want=$2 pattern=${3:-}
  if [ "$rc" -ne "$want" ]; then
    not_ok "$desc" "exit $rc, wanted $want" "stdout: $out" "stderr: $err"
  elif [ -n "$pattern" ] && ! grep -qiE -- "$pattern" <<<"$err"; then
    not_ok "$desc" "stderr does not match /$pattern/: $err"
  else
    ok "$desc"
  fi
}

png_size () { # prints "W H" of a PNG from its IHDR chunk
  od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

# --- check ---------------------------------------------------------------
for f in "${examples[@]}"; do
  run "$bin" check "$f"
  # One summary line, then map-health findings, one a line, and what a workshop left.
  if [ "$rc" -eq 0 ] && head -n1 <<<"$out" | grep -q "valid impact map" &&
     ! tail -n +2 <<<"$out" | grep -v "^health: " | grep -qv "^workshop: " && [ -z "$err" ]; then
    ok "check accepts $(basename "$f") with a one-line summary"
  else
    not_ok "check accepts $(basename "$f")" "exit $rc" "stdout: $out" "stderr: $err"
  fi
done

printf '{ "format": "impactmap", "version": 1,\n  "nodes": [ }' >"$tmp/syntax.impactmap"
run "$bin" check "$tmp/syntax.impactmap"
expect "check rejects a syntax error with line and column" 1 "line 2|2:"

printf '{ "format": "impactmap", "version": 1, "nodes": [ { "id": "a", "level": "goal", "title": "G" } ],
  "links": [ { "from": "a", "to": "ghost" } ] }' >"$tmp/dangling.impactmap"
run "$bin" check "$tmp/dangling.impactmap"
expect "check rejects a dangling link, naming the missing id" 1 "ghost"

: >"$tmp/empty.impactmap"
run "$bin" check "$tmp/empty.impactmap"
expect "check rejects an empty file" 1 "empty"

run "$bin" check "$tmp/does-not-exist.impactmap"
expect "check reports a missing file" 1 "does-not-exist"

# A named pipe with no writer never makes check or export wait.
mkfifo "$tmp/pipe.impactmap"
run timeout 20 "$bin" check "$tmp/pipe.impactmap"
expect "check refuses a named pipe at once" 1 "FIFO"
run timeout 20 "$bin" export "$tmp/pipe.impactmap" -o "$tmp/pipe.png"
expect "export refuses a named pipe at once" 1 "FIFO"
[ ! -e "$tmp/pipe.png" ] && ok "no file is left after refusing a pipe" || not_ok "no file is left after refusing a pipe"

run "$bin" check
expect "check without a file is a usage error" 2 "FILE"

run "$bin" check "$example" "$example"
expect "check with two files is a usage error" 2

run "$bin" check --bogus "$example"
expect "check with an unknown option is a usage error" 2 "bogus"

# --- check: map health and ICE ranking -----------------------------------
edtech=$root/data/examples/edtech-weekly-learners.impactmap
# Judged as of a day before every deadline of the example, whatever today is.
run "$bin" check --today 2026-06-01 "$edtech"
if [ "$rc" -eq 0 ] &&
   grep -qx 'health: The link from “Set homework on the platform every week” to “Homework templates from the curriculum” has been refuted' <<<"$out" &&
   grep -qx 'health: “OCR of handwritten answers” is eliminated: its experiments refute it' <<<"$out" &&
   ! grep -q "overdue" <<<"$out"; then
  ok "check prints map-health findings naming nodes by title"
else
  not_ok "check prints map-health findings naming nodes by title" "exit $rc" "stdout: $out"
fi

run "$bin" check --today 2027-01-01 "$edtech"
if [ "$rc" -eq 0 ] && grep -q '^health: “Increase weekly active learners by 20% by end of Q4” is overdue' <<<"$out"; then
  ok "check --today flags a metric past its deadline as overdue"
else
  not_ok "check --today flags a metric past its deadline as overdue" "exit $rc" "stdout: $out"
fi

# IMP_TODAY says which day the app judges by when no --today is given.
IMP_TODAY=2027-01-01 run "$bin" check "$edtech"
if [ "$rc" -eq 0 ] && grep -q '^health: “Increase weekly active learners by 20% by end of Q4” is overdue' <<<"$out"; then
  ok "check judges deadlines by IMP_TODAY when it is set"
else
  not_ok "check judges deadlines by IMP_TODAY when it is set" "exit $rc" "stdout: $out"
fi
IMP_TODAY=2026-06-01 run "$bin" check "$edtech"
if [ "$rc" -eq 0 ] && ! grep -q "overdue" <<<"$out"; then
  ok "check finds nothing overdue before the deadlines"
else
  not_ok "check finds nothing overdue before the deadlines" "exit $rc" "stdout: $out"
fi

facilitator="$IMP_SOURCE_ROOT/tests/data/facilitator-outcomes.impactmap"
run "$bin" check --ranked --today 2026-06-01 "$facilitator"
if [ "$rc" -eq 0 ] &&
   grep -q '^1\. ICE 315 (5 × 7 × 9) Show the marking rubric with each result$' <<<"$out" &&
   grep -q '^   We build “Upload pipeline 20s to 5s” so that the outcome “Results delivered in under 1 minute” comes true for students, which moves the goal “Increase active learner engagement” (Weekly active learners: 48000 learners by 2026-12-31)\.$' <<<"$out" &&
   ! grep -q '^[0-9]*\. ICE .*OCR' <<<"$out" &&
   grep -q '^- OCR of handwritten answers (eliminated: its experiments refute it)$' <<<"$out" &&
   grep -q '^workshop: 3 dot votes of 15 (5 participants × 3 dots, 12 left), 0 ideas in the parking lot$' <<<"$out"; then
  ok "check --ranked quotes outcome-style titles and sets eliminated work apart"
else
  not_ok "check --ranked quotes outcome-style titles and sets eliminated work apart" "exit $rc" "stdout: $out"
fi

run "$bin" check --today 2027-02-30 "$edtech"
expect "check rejects --today that is not a date" 2 "today"

printf '{ "format": "impactmap", "version": 1, "nodes": [ { "id": "g", "level": "goal", "title": "Grow" },
  { "id": "d", "level": "deliverable", "title": "Stray feature" } ], "links": [] }' >"$tmp/orphan.impactmap"
run "$bin" check "$tmp/orphan.impactmap"
if [ "$rc" -eq 0 ] && grep -q '^health: “Stray feature” (Deliverable) is not connected to a goal$' <<<"$out" &&
   grep -q '^health: “Grow” has no actors$' <<<"$out"; then
  ok "check flags an orphan deliverable and a goal with no actors"
else
  not_ok "check flags an orphan deliverable and a goal with no actors" "exit $rc" "stdout: $out"
fi

run "$bin" check --ranked "$edtech"
ranked_line2=$(sed -n 2p <<<"$out")
ranked_line3=$(sed -n 3p <<<"$out")
if [ "$rc" -eq 0 ] && [ "$ranked_line2" = "1. ICE 315 (5 × 7 × 9) Show the marking rubric with each result" ] &&
   [ "$ranked_line3" = "   We build “Show the marking rubric with each result” so that teachers will raise fewer complaints about assessment, which moves the goal “Increase weekly active learners by 20% by end of Q4” (Weekly active learners: 48000 learners by 2026-12-31)." ] &&
   ! grep -q '^[0-9]*\. ICE .* Streak reminders on mobile' <<<"$out" &&
   grep -q '^- Streak reminders on mobile (shipped on 2026-02-02)$' <<<"$out" &&
   ! grep -q '^[0-9]*\. ICE .* OCR of handwritten answers' <<<"$out" &&
   grep -q '^- OCR of handwritten answers (eliminated: its experiments refute it)$' <<<"$out" &&
   grep -q '^- Homework templates from the curriculum (refuted: ' <<<"$out"; then
  ok "check --ranked prints deliverables by ICE score with their litmus sentences"
else
  not_ok "check --ranked prints deliverables by ICE score with their litmus sentences" "exit $rc" "stdout: $out"
fi

# A workshop's dot votes and parking lot are counted; a map without them says nothing.
run "$bin" check "$edtech"
if [ "$rc" -eq 0 ] && [ "$(tail -n1 <<<"$out")" = "workshop: 15 dot votes, 2 ideas in the parking lot" ]; then
  ok "check counts dot votes and parked ideas"
else
  not_ok "check counts dot votes and parked ideas" "exit $rc" "stdout: $out"
fi
run "$bin" check "$tmp/orphan.impactmap"
if [ "$rc" -eq 0 ] && ! grep -q "workshop" <<<"$out"; then
  ok "check says nothing of a workshop when there was none"
else
  not_ok "check says nothing of a workshop when there was none" "exit $rc" "stdout: $out"
fi

# --- export --------------------------------------------------------------
run "$bin" export "$example" -o "$tmp/map.png"
if [ "$rc" -eq 0 ] && [ "$(od -An -tx1 -N8 "$tmp/map.png" | tr -d ' ')" = "89504e470d0a1a0a" ]; then
  ok "export writes a PNG with no display"
else
  not_ok "export writes a PNG with no display" "exit $rc" "stderr: $err"
fi

read -r w1 h1 < <(png_size "$tmp/map.png")
run "$bin" export "$example" -o "$tmp/map2x.png" --scale 2
read -r w2 h2 < <(png_size "$tmp/map2x.png")
if [ "$rc" -eq 0 ] && [ "$w1" -gt 200 ] && [ "$h1" -gt 100 ] &&
   [ $((w2 - 2 * w1)) -ge -2 ] && [ $((w2 - 2 * w1)) -le 2 ] &&
   [ $((h2 - 2 * h1)) -ge -2 ] && [ $((h2 - 2 * h1)) -le 2 ]; then
  ok "--scale 2 doubles the PNG's pixel size (${w1}x${h1} -> ${w2}x${h2})"
else
  not_ok "--scale 2 doubles the PNG's pixel size" "1x: ${w1}x${h1}, 2x: ${w2}x${h2}, exit $rc" "stderr: $err"
fi

# --layout draws another layout than the saved one: balanced is wider and
# shorter than right (both sides of the goal), down is taller; a map saved
# balanced exports balanced without the option.
run "$bin" export "$example" -o "$tmp/balanced.png" --layout balanced
read -r wb hb < <(png_size "$tmp/balanced.png")
run "$bin" export "$example" -o "$tmp/down.png" --layout down
read -r wd hd < <(png_size "$tmp/down.png")
sed 's/"vocabulary": "\([a-z-]*\)",/"vocabulary": "\1",\n  "layout": "balanced",/' "$example" > "$tmp/saved-balanced.impactmap"
run "$bin" export "$tmp/saved-balanced.impactmap" -o "$tmp/saved-balanced.png"
read -r ws hs < <(png_size "$tmp/saved-balanced.png")
run "$bin" export "$tmp/saved-balanced.impactmap" -o "$tmp/saved-right.png" --layout right
read -r wr hr < <(png_size "$tmp/saved-right.png")
if [ "$rc" -eq 0 ] && [ "$wb" -gt "$w1" ] && [ "$hb" -lt "$h1" ] && [ "$hd" -gt "$hb" ] &&
   [ "$ws" -eq "$wb" ] && [ "$hs" -eq "$hb" ] && [ "$wr" -eq "$w1" ] && [ "$hr" -eq "$h1" ]; then
  ok "export draws the map's layout and --layout overrides it"
else
  not_ok "export draws the map's layout and --layout overrides it" \
    "right ${w1}x${h1}, balanced ${wb}x${hb}, down ${wd}x${hd}, saved balanced ${ws}x${hs}, --layout right ${wr}x${hr}" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/down.mmd" --layout down
if [ "$rc" -eq 0 ] && grep -qx "flowchart TD" "$tmp/down.mmd" &&
   "$bin" export "$tmp/saved-balanced.impactmap" -o "$tmp/lr.mmd" && grep -qx "flowchart LR" "$tmp/lr.mmd"; then
  ok "a Mermaid export follows the layout: top-down for down, left to right otherwise"
else
  not_ok "a Mermaid export follows the layout" "exit $rc" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/spiral.png" --layout spiral
expect "export rejects an unknown layout" 2 "spiral"

run "$bin" export "$example" -o "$tmp/map.svg" --theme dark
if [ "$rc" -eq 0 ] && grep -q "<svg" "$tmp/map.svg" && grep -q "<text" "$tmp/map.svg" &&
   { ! command -v xmllint >/dev/null || xmllint --noout "$tmp/map.svg" 2>/dev/null; }; then
  ok "export writes well-formed SVG with <text>"
else
  not_ok "export writes well-formed SVG with <text>" "exit $rc" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/map.json"
if [ "$rc" -eq 0 ] && cmp -s "$example" "$tmp/map.json"; then
  ok "export to JSON reproduces the example file byte for byte"
else
  not_ok "export to JSON reproduces the example file byte for byte" "exit $rc" "stderr: $err" \
    "$(diff "$example" "$tmp/map.json" | head -20 | tr '\n' '|')"
fi

# An export never destroys a map: not its own input, whatever the path's
# spelling, nor another map under a picture or text.
mkdir -p "$tmp/own/sub"
cp "$example" "$tmp/own/plan.impactmap"
ln -s plan.impactmap "$tmp/own/link.impactmap"
ln "$tmp/own/plan.impactmap" "$tmp/own/hard.impactmap"
for spelling in "$tmp/own/plan.impactmap" "$tmp/own/sub/../plan.impactmap" \
                "$tmp/own//plan.impactmap" "$tmp/own/link.impactmap" "$tmp/own/hard.impactmap"; do
  for f in png json; do
    run "$bin" export "$tmp/own/plan.impactmap" -o "$spelling" --format "$f"
    if [ "$rc" -eq 2 ] && grep -q "map being exported" <<<"$err" && cmp -s "$example" "$tmp/own/plan.impactmap" &&
       [ -L "$tmp/own/link.impactmap" ]; then
      ok "export --format $f refuses to write over its input as ${spelling#"$tmp"/}"
    else
      not_ok "export --format $f refuses to write over its input as ${spelling#"$tmp"/}" "exit $rc" "stderr: $err"
    fi
  done
done
cp "$example" "$tmp/own/other.impactmap"
run "$bin" export "$tmp/own/plan.impactmap" -o "$tmp/own/other.impactmap" --format png
if [ "$rc" -eq 2 ] && grep -q "named as an impact map" <<<"$err" && cmp -s "$example" "$tmp/own/other.impactmap"; then
  ok "export refuses a PNG over another .impactmap"
else
  not_ok "export refuses a PNG over another .impactmap" "exit $rc" "stderr: $err"
fi
cp "$example" "$tmp/own/renamed.txt"
run "$bin" export "$tmp/own/plan.impactmap" -o "$tmp/own/renamed.txt" --format csv
if [ "$rc" -eq 2 ] && grep -q "is an impact map" <<<"$err" && cmp -s "$example" "$tmp/own/renamed.txt"; then
  ok "export refuses a CSV over a map whatever its name"
else
  not_ok "export refuses a CSV over a map whatever its name" "exit $rc" "stderr: $err"
fi
run "$bin" export "$tmp/own/plan.impactmap" -o "$tmp/own/new.IMPACTMAP" --format md
if [ "$rc" -eq 2 ] && grep -q "named as an impact map" <<<"$err" && [ ! -e "$tmp/own/new.IMPACTMAP" ]; then
  ok "export refuses Markdown into a new .impactmap name"
else
  not_ok "export refuses Markdown into a new .impactmap name" "exit $rc" "stderr: $err"
fi
run "$bin" export "$tmp/own/plan.impactmap" -o "$tmp/own/other.impactmap"
if [ "$rc" -eq 0 ] && cmp -s "$example" "$tmp/own/other.impactmap"; then
  ok "export writes a map as another .impactmap"
else
  not_ok "export writes a map as another .impactmap" "exit $rc" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/map.xyz"
expect "export to an unknown extension is a usage error" 2 "xyz"
[ ! -e "$tmp/map.xyz" ] && ok "no file is left for an unknown format" || not_ok "no file is left for an unknown format"

for s in 0 100 -1 abc; do
  run "$bin" export "$example" -o "$tmp/s.png" --scale "$s"
  expect "export rejects --scale $s" 2 "scale"
done
[ ! -e "$tmp/s.png" ] && ok "no file is left for a bad scale" || not_ok "no file is left for a bad scale"

run "$bin" export "$example" -o "$tmp/t.png" --theme purple
expect "export rejects an unknown theme" 2 "purple"

run "$bin" export "$example"
expect "export without -o is a usage error" 2 "OUTPUT"

run "$bin" export "$tmp/syntax.impactmap" -o "$tmp/broken.png"
expect "export of a broken file fails cleanly" 1 "syntax.impactmap"
[ ! -e "$tmp/broken.png" ] && ok "no output file for a broken input" || not_ok "no output file for a broken input"

run "$bin" export "$example" -o "$tmp/no/such/dir/map.png"
expect "export to an unwritable path fails with a message" 1 "map.png"

cp "$tmp/map.png" "$tmp/keep.png"
run "$bin" export "$tmp/syntax.impactmap" -o "$tmp/keep.png"
if [ "$rc" -eq 1 ] && cmp -s "$tmp/map.png" "$tmp/keep.png"; then
  ok "a failed export leaves an existing output file untouched"
else
  not_ok "a failed export leaves an existing output file untouched" "exit $rc"
fi

# --- more formats ----------------------------------------------------------
png_ppm () { # prints the pHYs pixels per metre of a PNG, or nothing
  od -An -tx1 -v "$1" | tr -d ' \n' | grep -o '70485973[0-9a-f]\{8\}' | head -1 |
    sed 's/^70485973//' | { read -r hex && echo $((16#$hex)); }
}

ppm=$(png_ppm "$tmp/map2x.png")
if [ "$ppm" = 7559 ]; then
  ok "a 2x PNG records 192 dpi (7559 pixels per metre)"
else
  not_ok "a 2x PNG records 192 dpi" "pHYs: '$ppm'"
fi

run "$bin" export "$example" -o "$tmp/dpi.png" --dpi 192
read -r w3 h3 < <(png_size "$tmp/dpi.png")
if [ "$rc" -eq 0 ] && [ "$w3" = "$w2" ] && [ "$h3" = "$h2" ] && [ "$(png_ppm "$tmp/dpi.png")" = 7559 ]; then
  ok "--dpi 192 is --scale 2"
else
  not_ok "--dpi 192 is --scale 2" "exit $rc, ${w3}x${h3} vs ${w2}x${h2}" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/both.png" --dpi 192 --scale 2
expect "--dpi and --scale together are a usage error" 2 "dpi"

run "$bin" export "$example" -o "$tmp/map.pdf" --page a4 --landscape --theme print --title-line
if [ "$rc" -eq 0 ] && [ "$(head -c 5 "$tmp/map.pdf")" = "%PDF-" ] &&
   grep -aq "/MediaBox \[ 0 0 841.89 595.276 \]" "$tmp/map.pdf"; then
  ok "export writes a landscape A4 PDF"
else
  not_ok "export writes a landscape A4 PDF" "exit $rc" "stderr: $err"
fi
if command -v pdftotext >/dev/null; then
  title=$(grep -m1 '"title"' "$example" | sed 's/.*"title": "\(.*\)",*/\1/')
  if pdftotext "$tmp/map.pdf" - | grep -qF "$title"; then
    ok "the PDF keeps its text as text"
  else
    not_ok "the PDF keeps its text as text" "no '$title' in pdftotext output"
  fi
fi

run "$bin" export "$example" -o "$tmp/map.md"
if [ "$rc" -eq 0 ] && head -1 "$tmp/map.md" | grep -q '^# ' && grep -q '^- \*\*Goal:\*\* ' "$tmp/map.md"; then
  ok "export writes a Markdown outline"
else
  not_ok "export writes a Markdown outline" "exit $rc" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/map.mmd"
if [ "$rc" -eq 0 ] && grep -q '^flowchart LR$' "$tmp/map.mmd" &&
   [ "$(grep -c ':::' "$tmp/map.mmd")" -eq "$(grep -c '"level"' "$example")" ]; then
  ok "export writes a Mermaid flowchart with one statement per node"
else
  not_ok "export writes a Mermaid flowchart" "exit $rc" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/map.csv"
if [ "$rc" -eq 0 ] && head -1 "$tmp/map.csv" | grep -q '^rank,id,deliverable,' &&
   [ "$(($(wc -l <"$tmp/map.csv") - 1))" -eq "$(grep -c '"level": "deliverable"' "$example")" ]; then
  ok "export writes a CSV row per deliverable"
else
  not_ok "export writes a CSV row per deliverable" "exit $rc" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/forced.txt" --format mermaid
if [ "$rc" -eq 0 ] && grep -q '^flowchart LR$' "$tmp/forced.txt"; then
  ok "--format wins over the extension"
else
  not_ok "--format wins over the extension" "exit $rc" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/f.png" --format docx
expect "export rejects an unknown --format" 2 "docx"
[ ! -e "$tmp/f.png" ] && ok "no file is left for an unknown --format" || not_ok "no file is left for an unknown --format"

run "$bin" export "$example" -o "$tmp/p.pdf" --page a5
expect "export rejects an unknown page" 2 "a5"

goal=$(grep -m1 '"id"' "$example" | sed 's/.*"id": "\([^"]*\)".*/\1/')
run "$bin" export "$example" -o "$tmp/branch.md" --branch "$goal" --alone
if [ "$rc" -eq 0 ] && cmp -s <(grep -c ':\*\* ' "$tmp/map.md") <(grep -c ':\*\* ' "$tmp/branch.md"); then
  ok "--branch on the goal keeps the whole tree"
else
  not_ok "--branch on the goal keeps the whole tree" "exit $rc" "stderr: $err"
fi

run "$bin" export "$example" -o "$tmp/ghost.png" --branch no-such-node
expect "export rejects a missing node id, naming it" 1 "no-such-node"
[ ! -e "$tmp/ghost.png" ] && ok "no file is left for a missing node id" || not_ok "no file is left for a missing node id"

run "$bin" export "$example" -o "$tmp/alone.png" --alone
expect "--alone without --branch is a usage error" 2 "branch"

run "$bin" export --help
if [ "$rc" -eq 0 ] && [ "$(grep -o INPUT <<<"$(head -2 <<<"$out")" | wc -l)" -eq 1 ] &&
   ( for o in --format --scale --dpi --theme --layout --transparent --branch --alone --page --landscape; do
       grep -q -- "$o" <<<"$out" || exit 1; done ); then
  ok "export --help lists every option and names INPUT once"
else
  not_ok "export --help lists every option and names INPUT once" "exit $rc" "$out"
fi

for f in pdf md mmd csv svg; do
  run "$bin" export "$example" -o "$tmp/no/such/dir/map.$f"
  expect "export of .$f to an unwritable path fails with a message" 1 "map.$f"
done

mkdir "$tmp/folder.png"
run "$bin" export "$example" -o "$tmp/folder.png"
expect "export onto a folder is refused, saying it is a folder" 1 "is a folder"
if [ -z "$(ls -A "$tmp/folder.png")" ]; then
  ok "export onto a folder writes nothing into it"
else
  not_ok "export onto a folder writes nothing into it" "$(ls -A "$tmp/folder.png" | tr '\n' ' ')"
fi
rmdir "$tmp/folder.png"

# --- track -----------------------------------------------------------------
cp "$root/tests/data/format/canonical.impactmap" "$tmp/track.impactmap"
run "$bin" track "$tmp/track.impactmap" n1 44000 --date 2026-03-08 --note "after launch"
if [ "$rc" -eq 0 ] && grep -qF '{"date": "2026-03-08", "value": 44000, "note": "after launch"}' "$tmp/track.impactmap" &&
   grep -qF '"current": 44000,' "$tmp/track.impactmap"; then
  ok "track adds a dated reading with a note and makes it the current value"
else
  not_ok "track adds a dated reading" "exit $rc" "stdout: $out" "stderr: $err"
fi
run env IMP_TODAY=2026-04-01 "$bin" track "$tmp/track.impactmap" "Grade assignments within a day" -3.5
if [ "$rc" -eq 0 ] && grep -qF '{"date": "2026-04-01", "value": -3.5}' "$tmp/track.impactmap"; then
  ok "track finds a card by its title, takes a negative value and dates it today"
else
  not_ok "track by title, today" "exit $rc" "stdout: $out" "stderr: $err"
fi
cp "$tmp/track.impactmap" "$tmp/track-before.impactmap"
run "$bin" track "$tmp/track.impactmap" n2 3
expect "track refuses a card without a metric" 1 "Teachers.*has no metric"
run "$bin" track "$tmp/track.impactmap" n1 4O00
expect "track refuses a bad number" 1 "4O00.*not a number"
run "$bin" track "$tmp/track.impactmap" n1 1 --date 2026-02-30
expect "track refuses a date that does not exist" 1 "2026-02-30"
run "$bin" track "$tmp/track.impactmap" n1
expect "track without a VALUE is a usage error" 2 "NODE_ID VALUE"
run "$bin" track "$tmp/track.impactmap" n1 1 --bogus
expect "track with an unknown option is a usage error" 2 "bogus"
if cmp -s "$tmp/track.impactmap" "$tmp/track-before.impactmap"; then
  ok "a refused track leaves the file as it was"
else
  not_ok "a refused track leaves the file as it was"
fi
printf 'date,node,value,note\n2026-04-08,n1,"44,500",weekly\n2026-02-30,n1,1\nnope-date,nowhere,1\n2026-04-08,n2,5\n' >"$tmp/bad.csv"
run "$bin" track "$tmp/track.impactmap" --csv "$tmp/bad.csv"
expect "track --csv names every refused row with its line" 1 "3 rows refused"
if grep -q "^line 3: .2026-02-30" <<<"$err" && grep -q "^line 4: .*nowhere" <<<"$err" &&
   grep -q "^line 5: .*Teachers" <<<"$err" && cmp -s "$tmp/track.impactmap" "$tmp/track-before.impactmap"; then
  ok "track --csv with bad rows adds none of them"
else
  not_ok "track --csv with bad rows adds none" "stderr: $err"
fi
printf '\xef\xbb\xbfDate,Node,Value\r\n2026-04-08,n1,"44,500"\r\n2026-04-15,Grade assignments within a day,30\r\n' >"$tmp/good.csv"
run "$bin" track "$tmp/track.impactmap" --csv "$tmp/good.csv"
if [ "$rc" -eq 0 ] && grep -q "added 2 readings" <<<"$out" &&
   grep -qF '{"date": "2026-04-08", "value": 44500}' "$tmp/track.impactmap" &&
   grep -qF '{"date": "2026-04-15", "value": 30}' "$tmp/track.impactmap"; then
  ok "track --csv adds every row of an exported CSV"
else
  not_ok "track --csv adds every row" "exit $rc" "stdout: $out" "stderr: $err"
fi
printf 'when,what\n1,2\n' >"$tmp/other.csv"
run "$bin" track "$tmp/track.impactmap" --csv "$tmp/other.csv"
expect "track --csv refuses a CSV that is not readings" 1 "header must be date,node,value"

run "$bin" check --diagnose --today 2026-04-20 "$tmp/track.impactmap"
if [ "$rc" -eq 0 ] && grep -q '^diagnosis: “Faster upload pipeline” → “Grade assignments within a day” → “Teachers” → .*shipped on 2026-02-09' <<<"$out" &&
   grep -q '^proxy: .*correlation' <<<"$out" && grep -q '^pace: “Increase weekly active learners' <<<"$out"; then
  ok "check --diagnose prints a diagnosis line per chain, the proxy correlation and the pace"
else
  not_ok "check --diagnose" "exit $rc" "stdout: $out" "stderr: $err"
fi
# --- reviews --------------------------------------------------------------
run "$bin" check --since "Q1 review" "$root/tests/data/format/review.impactmap"
if [ "$rc" -eq 0 ] && grep -q '^since: review “Q1 review” of 2026-03-31: 5 changes$' <<<"$out" &&
   grep -qF 'since: “More weekly learners” moved from 120 to 150 (▲ +30)' <<<"$out" &&
   grep -qF 'since: “Class chat” is Shipped, it was Planned' <<<"$out" &&
   grep -qF 'since: “Parent newsletter” is new' <<<"$out" &&
   grep -qF 'since: “Guided tour” was removed' <<<"$out" &&
   grep -qF 'since: The primary goal is “Fewer complaints”, it was “More weekly learners”' <<<"$out"; then
  ok "check --since prints every change since a review"
else
  not_ok "check --since" "exit $rc" "stdout: $out" "stderr: $err"
fi
run "$bin" check --since "Q2" "$root/tests/data/format/review.impactmap"
expect "check --since an unknown review fails, naming the reviews there are" 1 \
  'No review named “Q2”; the map.s reviews are “Q1 review”'
run "$bin" check --since "Q1 review" "$root/tests/data/format/canonical.impactmap"
expect "check --since on a map without reviews says so" 1 "the map has no reviews"
run "$bin" check --since
expect "check --since without a name is a usage error" 2
# --- posters --------------------------------------------------------------
run "$bin" export "$example" -o "$tmp/poster.pdf" --tiles 3x2 --sheet a4 --overlap 12 --theme print
pages=$(pdfinfo "$tmp/poster.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [ "$rc" -eq 0 ] && [ "$pages" = 7 ] && pdfinfo "$tmp/poster.pdf" | grep -q "(A4)" &&
   pdftotext -f 2 -l 2 "$tmp/poster.pdf" - | grep -q "A1: row 1, column 1"; then
  ok "export --tiles 3x2 writes an overview and six labelled A4 sheets"
else
  not_ok "export --tiles 3x2 writes an overview and six labelled A4 sheets" "exit $rc" "pages: $pages" "$err"
fi
run "$bin" export "$example" -o "$tmp/a1.pdf" --poster a1 --sheet a3 --landscape
if [ "$rc" -eq 0 ] && pdfinfo "$tmp/a1.pdf" | grep -q "1190.55 x 841.89"; then
  ok "export --poster a1 --sheet a3 --landscape prints on landscape A3"
else
  not_ok "export --poster a1 --sheet a3 --landscape prints on landscape A3" "exit $rc" "$err"
fi
for bad in "--tiles 0x2|--tiles" "--tiles 3|--tiles" "--tiles 3x2x1|--tiles" "--poster b5|poster size" \
           "--poster a1 --tiles 2x2|not both" "--tiles 2x2 --sheet a5|sheet" \
           "--tiles 2x2 --overlap 80|--overlap" "--tiles 2x2 --overlap -1|--overlap" \
           "--overlap 5|need --poster" "--sheet a3|need --poster" "--tiles 2x2 --page a4|--page"; do
  args=${bad%%|*}
  # shellcheck disable=SC2086
  run "$bin" export "$example" -o "$tmp/bad-poster.pdf" $args
  expect "export $args is a usage error" 2 "${bad#*|}"
done
run "$bin" export "$example" -o "$tmp/poster.png" --tiles 2x2
expect "a poster into a PNG is a usage error" 2 "PDF"
if [ ! -e "$tmp/bad-poster.pdf" ] && [ ! -e "$tmp/poster.png" ]; then
  ok "refused posters write nothing"
else
  not_ok "refused posters write nothing"
fi
rm -f "$tmp/poster.pdf" "$tmp/a1.pdf"
run "$bin" export "$example" -o "$tmp/handouts.pdf" --handouts
actors=$(grep -c '"level": "actor"' "$example")
pages=$(pdfinfo "$tmp/handouts.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [ "$rc" -eq 0 ] && [ "$pages" -ge "$actors" ] && pdftotext "$tmp/handouts.pdf" - | grep -q "We build"; then
  ok "export --handouts writes a page per actor with litmus sentences"
else
  not_ok "export --handouts writes a page per actor with litmus sentences" "exit $rc" "pages $pages, actors $actors" "$err"
fi
rm -f "$tmp/handouts.pdf"
for bad in "--handouts-per goal|needs --handouts" "--handouts --handouts-per team|actor or goal" \
           "--handouts --tiles 2x2|not both"; do
  args=${bad%%|*}
  # shellcheck disable=SC2086
  run "$bin" export "$example" -o "$tmp/bad-handouts.pdf" $args
  expect "export $args is a usage error" 2 "${bad#*|}"
done

# --- import --------------------------------------------------------------
samples=$root/tests/data/import
run "$bin" import "$samples/launch.mm" -o "$tmp/launch.impactmap"
if [ "$rc" -eq 0 ] && [ -z "$err" ] &&
   grep -q "^Imported 9 nodes from FreeMind / Freeplane as 8 cards" <<<"$out" &&
   grep -q "^1 node below the last level became notes of its nearest card: “Answer within a day”.$" <<<"$out" &&
   grep -q "^1 icon ignored, on “Members”.$" <<<"$out"; then
  ok "import of a .mm prints its counts and what changed, with names"
else
  not_ok "import of a .mm prints its report" "exit $rc" "stdout: $out" "stderr: $err"
fi
run "$bin" check "$tmp/launch.impactmap"
if [ "$rc" -eq 0 ] && grep -q "8 nodes (1 goal, 2 actors, 3 impacts, 1 deliverable, 1 experiment), 8 links (1 cross-link)" <<<"$out"; then
  ok "an imported map is a valid impact map with its cross-link"
else
  not_ok "an imported map is a valid impact map" "exit $rc" "stdout: $out" "stderr: $err"
fi

for f in planning.opml outline.md chains.csv freeplane-applications.mm; do
  run "$bin" import "$samples/$f" -o "$tmp/imported.impactmap"
  expect "import of $f succeeds" 0
done

# --from wins over the name; --levels shifts the mapping; --vocabulary sets the map's.
cp "$samples/launch.mm" "$tmp/launch.txt"
run "$bin" import "$tmp/launch.txt" --from freemind --levels title,goal,actor -o "$tmp/shifted.impactmap"
if [ "$rc" -eq 0 ] && grep -q "^“Launch the member app” became the map’s title.$" <<<"$out" &&
   grep -q "^Imported 9 nodes from FreeMind / Freeplane as 5 cards (2 goals, 3 actors)" <<<"$out"; then
  ok "import --from freemind --levels title,goal,actor makes the root the map's title"
else
  not_ok "import --from freemind --levels title,goal,actor" "exit $rc" "stdout: $out" "stderr: $err"
fi
run "$bin" import "$samples/outline.md" --vocabulary three-tiers -o "$tmp/tiers.impactmap"
run "$bin" check "$tmp/tiers.impactmap"
expect "import --vocabulary three-tiers makes a valid three-tier map" 0

# A broken or hostile input: exit 1, a message naming file and line, no OUTPUT.
for f in xxe.opml billion-laughs.mm truncated.opml invalid-utf8.md open-quote.csv; do
  run "$bin" import "$root/tests/data/bad/import/$f" -o "$tmp/bad.impactmap"
  expect "import refuses $f, naming the file and the line" 1 "$f: .*line [0-9]+"
  if [ -e "$tmp/bad.impactmap" ]; then not_ok "a refused import of $f writes nothing"; else ok "a refused import of $f writes nothing"; fi
done

# An existing OUTPUT survives a failed import untouched.
printf 'keep me\n' >"$tmp/keep.impactmap"
run "$bin" import "$root/tests/data/bad/import/xxe.opml" -o "$tmp/keep.impactmap"
if [ "$rc" -eq 1 ] && [ "$(cat "$tmp/keep.impactmap")" = "keep me" ]; then
  ok "a failed import leaves an existing OUTPUT as it was"
else
  not_ok "a failed import leaves an existing OUTPUT as it was" "exit $rc" "$(cat "$tmp/keep.impactmap")"
fi
rm -f "$tmp/keep.impactmap"

# Wrong command lines: exit 2, and INPUT is never the OUTPUT.
cp "$samples/chains.csv" "$tmp/same.impactmap"
run "$bin" import "$tmp/same.impactmap" --from csv -o "$tmp/same.impactmap"
expect "import refuses to write over its INPUT" 2 "is the file being imported"
if cmp -s "$samples/chains.csv" "$tmp/same.impactmap"; then ok "the INPUT is left as it was"; else not_ok "the INPUT is left as it was"; fi
rm -f "$tmp/same.impactmap"
run "$bin" import "$samples/chains.csv" -o "$tmp/out.csv"
expect "import refuses an OUTPUT that is not .impactmap" 2 "must be a .impactmap file"
run "$bin" import "$samples/chains.csv"
expect "import without -o is a usage error" 2 "missing -o"
run "$bin" import "$samples/chains.csv" --from word -o "$tmp/x.impactmap"
expect "import --from with an unknown format is a usage error" 2 "unknown format “word”"
run "$bin" import "$samples/chains.csv" --levels goal,deliverable -o "$tmp/x.impactmap"
expect "import --levels that skip a level is a usage error" 2 "cannot follow"
run "$bin" import "$samples/chains.csv" --sheet 0 -o "$tmp/x.impactmap"
expect "import --sheet 0 is a usage error" 2 "--sheet must be 1 or more"
run "$bin" import "$samples/chains.csv" --sheet 2 -o "$tmp/x.impactmap"
expect "import --sheet past the last sheet fails, saying how many there are" 1 "no sheet 2: the file has 1 sheet"
run "$bin" import "$tmp/no-such-file.opml" -o "$tmp/x.impactmap"
expect "import of a missing file fails with a message" 1 "no-such-file.opml"
for f in "${examples[@]}"; do
  for ext in opml mm; do
    run "$bin" export "$f" -o "$tmp/round.$ext"
    run "$bin" import "$tmp/round.$ext" -o "$tmp/round.impactmap"
    if [ "$rc" -eq 0 ] && xmllint --noout "$tmp/round.$ext" 2>/dev/null &&
       [ "$("$bin" check "$f" | head -n1 | sed 's/.*”: //; s/, [0-9]* links.*//')" = \
         "$("$bin" check "$tmp/round.impactmap" | head -n1 | sed 's/.*”: //; s/, [0-9]* links.*//')" ]; then
      ok "export to .$ext and import back keeps $(basename "$f")'s cards per level"
    else
      not_ok "export to .$ext and import back keeps $(basename "$f")" "exit $rc" "$out" "$err"
    fi
  done
done
rm -f "$tmp"/round.*

# The importers and the outline exports live in a module loaded on first use
# (src/core/imp-module.h): without it, both say which file is missing and
# write nothing; everything else still works.
IMP_MODULE_DIR=$tmp/no-modules run "$bin" import "$samples/launch.mm" -o "$tmp/nomod.impactmap"
expect "import without its module fails, naming the missing module file" 1 \
  "module .impact-mapper-io. is missing: no file .*no-modules/libimpact-mapper-io"
if [ -e "$tmp/nomod.impactmap" ]; then not_ok "an import without its module writes nothing"; else ok "an import without its module writes nothing"; fi
IMP_MODULE_DIR=$tmp/no-modules run "$bin" export "${examples[0]}" -o "$tmp/nomod.opml"
expect "export to .opml without the module fails, naming the missing module file" 1 \
  "nomod.opml: The module .impact-mapper-io. is missing"
if [ -e "$tmp/nomod.opml" ]; then not_ok "an OPML export without its module writes nothing"; else ok "an OPML export without its module writes nothing"; fi
IMP_MODULE_DIR=$tmp/no-modules run "$bin" export "${examples[0]}" -o "$tmp/nomod.md"
expect "export to .md needs no module" 0
rm -f "$tmp"/nomod.*
rm -f "$tmp"/*.impactmap "$tmp"/*.impactmap~ "$tmp/launch.txt"

# The writer (src/core/imp-writer.c) writes .NAME.imp-XXXXXX next to the target, then renames it.
if ls -A "$tmp" | grep -qE '^\.|~$|\.[A-Za-z0-9]{6}$'; then
  not_ok "no temporary files are left behind" "$(ls -A "$tmp" | tr '\n' ' ')"
else
  ok "no temporary files are left behind"
fi

echo "1..$n"
exit $((failed > 0))
