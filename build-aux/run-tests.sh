#!/usr/bin/env bash
# run-tests.sh: install what is missing, build with warnings as errors, run every test.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The display tests run under Xvfb. Ends with the counts of test programs and
# of their subtests, the last line "subtests: N passed, N failed, N skipped".
#
# IMP_TEST_CLOCK=+1500d (or -1500d, any faketime offset) runs the suite that
# is already built once more with the wall clock moved by that much: the
# build and the package install stay on the real clock, and the monotonic
# clock stays real so that GLib's timeouts keep running.

set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/deps.sh test

builddir=${BUILDDIR:-build-tests}
if [ -f "$builddir/build.ninja" ]; then
  meson configure "$builddir" -Dwerror=true >/dev/null
else
  meson setup "$builddir" -Dwerror=true
fi
ninja -C "$builddir"

clock=()
label=""
if [ -n "${IMP_TEST_CLOCK:-}" ]; then
  clock=(env FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "$IMP_TEST_CLOCK")
  label="clock $IMP_TEST_CLOCK"
  echo "Running the built suite with the clock moved by $IMP_TEST_CLOCK (today is $("${clock[@]}" date -u +%F) for it)"
fi

export GTK_A11Y=none
export GSETTINGS_BACKEND=memory
status=0
xvfb-run -a -s "-screen 0 1600x1000x24" "${clock[@]}" \
  meson test -C "$builddir" --no-rebuild --print-errorlogs "$@" || status=$?

# Counts of programs and subtests, the last line read by CI.
log="$builddir/meson-logs/testlog.json"
if [ -f "$log" ]; then
  /usr/bin/python3 build-aux/test-summary.py "$log" "$label"
fi
exit $status
