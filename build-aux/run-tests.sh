#!/usr/bin/env bash
# run-tests.sh: install what is missing, build with warnings as errors, run every test.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The display tests run under Xvfb. Ends with a line "N passed, N failed".

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

export GTK_A11Y=none
export GSETTINGS_BACKEND=memory
status=0
xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C "$builddir" --print-errorlogs "$@" || status=$?

# One plain summary line, read by CI.
log="$builddir/meson-logs/testlog.json"
if [ -f "$log" ]; then
  /usr/bin/python3 - "$log" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    r = json.loads(line).get("result")
    if r in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif r == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
fi
exit $status
