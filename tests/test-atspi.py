#!/usr/bin/python3
# tests/test-atspi.py
#
# Copyright 2026 The Impact Mapper developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a screen reader hears, read off the real accessibility bus: starts the
# app on an example map with accessibility on (the other tests run with
# GTK_A11Y=none), walks its accessible tree through AT-SPI, and checks that
# no accessible is named after its widget type, that every card shown is a
# tree item named by its title with its level described, that the arrow keys
# move the focus from card to card, and that the outline's rows are there.
#
# Run by tests/test-atspi.sh inside dbus-run-session; needs a display (Xvfb
# in CI), xdotool, and the Atspi GObject bindings. Prints TAP.
#
# Usage: test-atspi.py IMPACT_MAPPER_BINARY EXAMPLE.impactmap [--dump]
# --dump prints the whole accessible tree (as TAP comments) once the outline is
# shown; IMP_ATSPI_QUICK=1 waits 10 s instead of 30 s for each effect, for
# running it again and again by hand.

import json
import os
import re
import subprocess
import shutil
import sys
import tempfile
import time

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:
    print('1..0 # SKIP no Atspi bindings: %s' % e)
    sys.exit(0)

TIMEOUT = 10.0 if os.environ.get('IMP_ATSPI_QUICK') else 30.0
LEVELS = {'goal': 'Goal', 'actor': 'Actor', 'impact': 'Impact',
          'deliverable': 'Deliverable', 'experiment': 'Experiment'}
# What GTK 4.8 names an accessible it knows no name for.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Gdk|Imp)[A-Z][A-Za-z]*$')

results = []


def check(ok, what, details=()):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), what))
    for line in details:
        print('# %s' % line)
    sys.stdout.flush()
    return ok


APP = None


def pause(seconds):
    """Sleeps in GLib's main loop. Under the suite's moved clock (libfaketime,
    .ci/run) Python's own sleeps fail with EINVAL; GLib's poll timeouts run
    on the real monotonic clock, as in the C tests."""
    done = []

    def stop():
        done.append(True)
        return False

    GLib.timeout_add(max(1, int(seconds * 1000)), stop)
    context = GLib.MainContext.default()
    while not done:
        context.iteration(True)


def wait_exit(process, timeout):
    """process.wait(timeout), without Python's sleeps; None if still running."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        pause(0.05)
    return process.poll()


def wait_for(what, timeout=TIMEOUT):
    """Polls what() until it returns something true, or gives up. The main
    loop runs in between: libatspi learns of new applications and changes
    from D-Bus signals it dispatches there."""
    deadline = time.monotonic() + timeout
    context = GLib.MainContext.default()
    while True:
        while context.pending():
            context.iteration(False)
        try:
            value = what()
        except GLib.GError:
            value = None
        # An app that died is waited for no longer.
        if value or time.monotonic() > deadline or (APP is not None and APP.poll() is not None):
            return value
        pause(0.05)


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_process_id() == pid and app.get_child_count() > 0:
            return app
    return None


def apps_on_bus():
    desktop = Atspi.get_desktop(0)
    apps = []
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None:
            apps.append('%s pid %s, %d children' % (app.get_name(), app.get_process_id(),
                                                    app.get_child_count()))
    return apps


def walk(node, depth=0):
    """Every accessible under node, with its depth."""
    yield node, depth
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, depth + 1)


def describe(node):
    return '[%s] "%s" (%s)' % (node.get_role_name(), node.get_name(), node.get_description())


def focused(app):
    for node, _ in walk(app):
        if node.get_state_set().contains(Atspi.StateType.FOCUSED):
            return node
    return None


def by_role(app, role):
    return [node for node, _ in walk(app) if node.get_role() == role]


def visible_cards(path):
    """(title, level name) of every card the example shows: all but those
    under a collapsed card."""
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    nodes = {n['id']: n for n in doc['nodes']}
    parents = {}
    for link in doc.get('links', []):
        parents.setdefault(link['to'] if 'to' in link else link['child'], []).append(
            link['from'] if 'from' in link else link['parent'])

    def hidden(node_id, seen=()):
        for parent in parents.get(node_id, [])[:1]:
            if nodes[parent].get('collapsed') or (parent not in seen and
                                                   hidden(parent, seen + (node_id,))):
                return True
        return False

    return [(n['title'], LEVELS[n['level']]) for n in doc['nodes'] if not hidden(n['id'])]


def goal_title(path):
    with open(path, encoding='utf-8') as f:
        return next(n['title'] for n in json.load(f)['nodes'] if n['level'] == 'goal')


def xdotool(window, *args):
    # No timeout here: subprocess's would sleep the Python way (see pause());
    # the suite's own timeout bounds the test.
    subprocess.run(['xdotool', 'windowfocus', '--sync', window] + list(args), check=True)


def start_app(binary, example, env, scratch):
    """Starts the app; again, up to twice, if it could not reach the X server
    at all. Now and then Xvfb turns away a client that connects while the
    accessibility bus starts (GTK: "cannot open display"), which says
    nothing about the app; any other early exit is kept, for the test to fail."""
    for attempt in range(3):
        log = open(os.path.join(scratch, 'app-%d.log' % attempt), 'w+')
        process = subprocess.Popen([binary, example], env=env, stdin=subprocess.DEVNULL,
                                   stderr=log)
        if wait_exit(process, 2) is None:
            log.close()
            return process
        log.seek(0)
        text = log.read()
        log.close()
        sys.stderr.write(text)
        if 'cannot open display' not in text:
            return process
        print('# the app could not open the display (attempt %d), starting it again' % (attempt + 1))
    return process


def main():
    binary, example = sys.argv[1], sys.argv[2]
    dump = '--dump' in sys.argv[3:]

    env = dict(os.environ)
    # This test needs what the others turn off.
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    # Drafts left by other tests would open the recovery dialog over the map.
    scratch = tempfile.mkdtemp(prefix='imp-atspi-')
    env['IMP_DRAFTS_DIR'] = os.path.join(scratch, 'drafts')
    env['XDG_DATA_HOME'] = os.path.join(scratch, 'data')
    global APP
    app_process = start_app(binary, example, env, scratch)
    APP = app_process
    try:
        # Under a loaded CI machine the start alone can take long.
        app = wait_for(lambda: find_app(app_process.pid), timeout=3 * TIMEOUT)
        if not check(app is not None, 'the app shows up on the accessibility bus',
                     ['on the bus: %s' % apps_on_bus(), 'app exit status: %s' % app_process.poll()]):
            return
        frame = wait_for(lambda: [n for n in by_role(app, Atspi.Role.FRAME)])
        check(bool(frame), 'its window is a frame')
        # Loading is asynchronous: the map is there once the canvas is a tree.
        tree = wait_for(lambda: by_role(app, Atspi.Role.TREE))

        typed = [describe(n) for n, _ in walk(app) if TYPE_NAME.match(n.get_name() or '')]
        check(not typed, 'no accessible is named after its widget type', typed)
        doubled = [describe(n) for n, _ in walk(app) if '_' in (n.get_name() or '') and
                   n.get_role() == Atspi.Role.PUSH_BUTTON]
        check(not doubled, 'no button is named with its mnemonic underline', doubled)
        buttons = [n for n in by_role(app, Atspi.Role.PUSH_BUTTON)]
        unnamed = [describe(n) for n in buttons if not (n.get_name() or '').strip()]
        check(not unnamed, 'every button has a name', unnamed)
        names = {n.get_name() for n in buttons}
        wanted = ['Save', 'Undo', 'Redo', 'Zoom In', 'Zoom Out', 'Presentation Mode',
                  'Parking Lot', 'Inspector', 'Main Menu', 'Layout', 'Open']
        check(all(w in names for w in wanted), 'the header bar buttons are named',
              [w for w in wanted if w not in names])

        # The canvas: a tree whose items are the cards, each named by its
        # title, with its level first in its description.
        check(len(tree) == 1 and tree[0].get_name().startswith('Impact map'),
              'the canvas is one tree named after the map',
              [describe(t) for t in tree])
        if not tree:
            return
        items = {}
        for node, _ in walk(tree[0]):
            if node.get_role() == Atspi.Role.TREE_ITEM:
                items.setdefault(node.get_name(), node)
        missing = []
        for title, level in visible_cards(example):
            item = items.get(title)
            if item is None or not item.get_description().startswith(level + ','):
                missing.append('%s (%s): %s' % (title, level,
                                                describe(item) if item else 'no tree item'))
        check(not missing, 'every card shown is a tree item with its title and level', missing)
        positions = [describe(i) for i in items.values()
                     if not re.search(r', \d+ of \d+', i.get_description())]
        check(not positions, 'every card says its place among its siblings', positions)
        expandable = [i for i in items.values()
                      if i.get_state_set().contains(Atspi.StateType.EXPANDABLE)]
        check(bool(expandable) and all(i.get_state_set().contains(Atspi.StateType.EXPANDED)
                                       for i in expandable),
              'cards with cards under them are expandable and expanded')

        # The keyboard: the arrows move the focus from card to card, and a
        # screen reader, which follows the focus, reads each one.
        window = subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--pid',
                                 str(app_process.pid)], capture_output=True, text=True,
                                check=True).stdout.split()[0]
        steps = [('Right', goal_title(example)), ('Right', 'Students'), ('Down', 'Teachers'),
                 ('Up', 'Students'), ('Right', 'Get results within a minute of handing in')]
        for key, title in steps:
            xdotool(window, 'key', key)
            now = wait_for(lambda: (lambda f: f if f is not None and f.get_name() == title
                                    else None)(focused(app)))
            last = focused(app)
            check(now is not None and now.get_role() == Atspi.Role.TREE_ITEM,
                  '%s moves the focus to the card “%s”' % (key, title),
                  [describe(last) if last is not None else 'nothing focused'])

        # The outline (F8): a list whose rows are the cards, named by title.
        xdotool(window, 'key', 'F8')

        def outline_rows():
            for node, _ in walk(app):
                if node.get_role() == Atspi.Role.LIST and node.get_name() == 'Outline':
                    names = {n.get_name(): n for n, _ in walk(node)
                             if n.get_role() != Atspi.Role.LABEL}
                    if all(title in names for title, _ in visible_cards(example)[:8]):
                        return names
            return None

        rows = wait_for(outline_rows)
        check(rows is not None, 'F8 shows the outline, its rows named by the cards’ titles',
              [] if rows else ['no list named “Outline” with the first cards’ rows'])
        typed = [describe(n) for n, _ in walk(app) if TYPE_NAME.match(n.get_name() or '')]
        check(not typed, 'with the outline shown, still no accessible named after its type', typed)
        if rows:
            row = rows.get(goal_title(example))
            check(row is not None and row.get_description().startswith('Goal,'),
                  'an outline row describes its card’s level like the canvas',
                  [describe(row)] if row is not None else [])
        if dump:
            # The whole tree as a screen reader meets it, outline shown.
            for node, depth in walk(app):
                print('#%s %s' % ('  ' * depth, describe(node)))
    finally:
        app_process.terminate()
        if wait_exit(app_process, 10) is None:
            app_process.kill()
            app_process.wait()
        # What the app said, when something failed.
        if not all(results):
            for name in sorted(os.listdir(scratch)):
                if name.startswith('app-') and name.endswith('.log'):
                    with open(os.path.join(scratch, name), encoding='utf-8', errors='replace') as f:
                        for line in f:
                            print('# %s: %s' % (name, line.rstrip()))
        shutil.rmtree(scratch, ignore_errors=True)

    print('1..%d' % len(results))
    sys.exit(0 if all(results) else 1)


if __name__ == '__main__':
    main()
