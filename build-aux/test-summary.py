#!/usr/bin/python3
# test-summary.py: what a meson test run did, counted by program and by subtest.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/test-summary.py BUILDDIR/meson-logs/testlog.json [LABEL]
#
# Reads the TAP output each program printed, so that a subtest skipped inside
# a passing program (say, SVG rasterisation without rsvg-convert) is counted
# and named instead of hiding behind the program's "OK". Ends with the plain
# line "subtests: N passed, N failed, N skipped" that CI reads.

import json
import re
import sys

TAP_RESULT = re.compile(r"^(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?([^#]*)(?:#\s*(\S+)\s*(.*))?$")
TAP_PLAN_SKIP = re.compile(r"^1\.\.0\s*#\s*SKIP\s*(.*)$", re.IGNORECASE)


def main():
    if len(sys.argv) < 2:
        print("usage: test-summary.py TESTLOG.json [LABEL]", file=sys.stderr)
        return 2
    label = sys.argv[2] if len(sys.argv) > 2 else ""

    programs = {"passed": 0, "failed": 0, "skipped": 0}
    subtests = {"passed": 0, "failed": 0, "skipped": 0}
    skipped = []
    failed = []

    with open(sys.argv[1], encoding="utf-8") as log:
        for line in log:
            record = json.loads(line)
            name = record.get("name", "?")
            result = record.get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                programs["passed"] += 1
            elif result == "SKIP":
                programs["skipped"] += 1
            else:
                programs["failed"] += 1
                failed.append(f"{name}: {result}")

            failures_before = subtests["failed"]
            for out in (record.get("stdout") or "").splitlines():
                plan = TAP_PLAN_SKIP.match(out.strip())
                if plan:
                    skipped.append(f"{name}: whole program ({plan.group(1).strip()})")
                    continue
                m = TAP_RESULT.match(out.strip())
                if not m:
                    continue
                status, _number, desc, directive, reason = m.groups()
                directive = (directive or "").upper()
                desc = desc.strip()
                if directive == "SKIP":
                    subtests["skipped"] += 1
                    skipped.append(f"{name}: {desc} ({(reason or '').strip()})")
                elif directive == "TODO":
                    # A known failure marked as such is neither a pass nor a failure.
                    subtests["skipped"] += 1
                    skipped.append(f"{name}: {desc} (todo {(reason or '').strip()})")
                elif status == "ok":
                    subtests["passed"] += 1
                else:
                    subtests["failed"] += 1
                    failed.append(f"{name}: {desc}")
            # A program that crashed or timed out after its last "ok" failed
            # a subtest all the same, even if TAP never said "not ok".
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and subtests["failed"] == failures_before:
                subtests["failed"] += 1

    prefix = f"{label}: " if label else ""
    for s in skipped:
        print(f"{prefix}skipped: {s}")
    for f in failed:
        print(f"{prefix}failed: {f}")
    print(f"{prefix}programs: {programs['passed']} passed, {programs['failed']} failed, "
          f"{programs['skipped']} skipped")
    print(f"{prefix}subtests: {subtests['passed']} passed, {subtests['failed']} failed, "
          f"{subtests['skipped']} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
