#!/usr/bin/python3
# tests/check-translations.py
#
# Copyright 2026 The Impact Mapper developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every language in po/LINGUAS translates every string of the sources as they
# are now: the template is extracted afresh from the files in po/POTFILES.in
# with the keywords of meson's 'glib' gettext preset (the impact-mapper-pot
# target writes into the source tree, so a test cannot use it), and each
# po/LANG.po must pass `msgfmt --check`, hold every msgid of that template,
# and have no fuzzy or untranslated entry. Prints TAP.
#
# Usage: check-translations.py SOURCE_ROOT

import os
import shutil
import subprocess
import sys
import tempfile

# The keywords and flags of meson's i18n 'glib' preset (po/meson.build).
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_print:1:c-format',
]


def run(args):
    return subprocess.run(args, capture_output=True, text=True)


def languages(root):
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        langs = []
        for line in f:
            line = line.split('#', 1)[0]
            langs.extend(line.split())
        return langs


def entries_of(output):
    """The msgids of a msgattrib listing, one line each, for the report."""
    found = []
    for line in output.splitlines():
        if line.startswith('msgid "') and line != 'msgid ""':
            found.append(line[len('msgid '):])
    return found


def main():
    root = sys.argv[1]
    tools = ['xgettext', 'msgfmt', 'msgcmp', 'msgattrib']
    if not all(shutil.which(t) for t in tools):
        print('1..0 # SKIP gettext tools are not installed')
        return 0

    langs = languages(root)
    print('1..%d' % (1 + 3 * len(langs)))

    tmp = tempfile.mkdtemp(prefix='imp-po-')
    try:
        pot = os.path.join(tmp, 'impact-mapper.pot')
        r = run(['xgettext', *XGETTEXT_ARGS, '--package-name=impact-mapper',
                 '-D', root, '-f', os.path.join(root, 'po', 'POTFILES.in'), '-o', pot])
        if r.returncode != 0 or not os.path.isfile(pot):
            print('not ok 1 - extract the template from po/POTFILES.in')
            for line in (r.stderr or '').splitlines():
                print('# ' + line)
            return 1
        print('ok 1 - extract the template from po/POTFILES.in')

        n = 1
        failed = False
        for lang in langs:
            po = os.path.join(root, 'po', lang + '.po')

            n += 1
            r = run(['msgfmt', '--check', '-o', os.devnull, po])
            if r.returncode == 0:
                print('ok %d - po/%s.po passes msgfmt --check' % (n, lang))
            else:
                failed = True
                print('not ok %d - po/%s.po passes msgfmt --check' % (n, lang))
                for line in r.stderr.splitlines():
                    print('# ' + line)

            # msgcmp reports every msgid of the template that the catalogue
            # lacks or leaves untranslated or fuzzy.
            n += 1
            r = run(['msgcmp', po, pot])
            if r.returncode == 0:
                print('ok %d - po/%s.po holds every string of the sources' % (n, lang))
            else:
                failed = True
                print('not ok %d - po/%s.po holds every string of the sources' % (n, lang))
                for line in r.stderr.splitlines():
                    print('# ' + line)

            n += 1
            fuzzy = entries_of(run(['msgattrib', '--only-fuzzy', '--no-obsolete', po]).stdout)
            untranslated = entries_of(run(['msgattrib', '--untranslated', '--no-obsolete',
                                           po]).stdout)
            if not fuzzy and not untranslated:
                print('ok %d - po/%s.po has no fuzzy or untranslated entry' % (n, lang))
            else:
                failed = True
                print('not ok %d - po/%s.po has no fuzzy or untranslated entry' % (n, lang))
                for msgid in fuzzy:
                    print('# fuzzy: ' + msgid)
                for msgid in untranslated:
                    print('# untranslated: ' + msgid)

        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp)


if __name__ == '__main__':
    sys.exit(main())
