#!/usr/bin/python3
# tests/check-potfiles.py
#
# Copyright 2026 The Impact Mapper developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/POTFILES.in must name every source file with a translatable string, or
# xgettext silently leaves those strings untranslated; and it must name no
# file that is gone, or `ninja impact-mapper-pot` fails. Prints TAP.
#
# Usage: check-potfiles.py SOURCE_ROOT

import os
import re
import sys

MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:N?_|ngettext) ?\(|translatable="yes"')
EXTENSIONS = ('.c', '.h', '.ui')


def listed_files(root):
    listed = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def marked_files(root):
    found = []
    for folder, _dirs, names in os.walk(os.path.join(root, 'src')):
        for name in names:
            if not name.endswith(EXTENSIONS):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                if MARKERS.search(f.read()):
                    found.append(os.path.relpath(path, root))
    return sorted(found)


def main():
    root = sys.argv[1]
    listed = listed_files(root)
    missing = [p for p in marked_files(root) if p not in listed]
    gone = [p for p in listed if not os.path.isfile(os.path.join(root, p))]

    print('1..2')
    if missing:
        print('not ok 1 - files with translatable strings missing from po/POTFILES.in')
        for p in missing:
            print('# missing: ' + p)
    else:
        print('ok 1 - every file with translatable strings is in po/POTFILES.in')
    if gone:
        print('not ok 2 - po/POTFILES.in lists files that do not exist')
        for p in gone:
            print('# does not exist: ' + p)
    else:
        print('ok 2 - every file in po/POTFILES.in exists')
    return 1 if missing or gone else 0


if __name__ == '__main__':
    sys.exit(main())
