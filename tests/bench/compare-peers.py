#!/usr/bin/python3
# compare-peers.py: time "open a map until the screen is drawn and still" for Impact Mapper, a bare
# libadwaita window (the floor), VYM and Minder, on the same generated tree, in one run.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/compare-peers.py [--build DIR] [--sizes examples,1000,5000,10000] [--runs 5]
#                                     [--states cairo,gl-warm,gl-cold] [--programs ours,bare,vym,minder]
#                                     [--base BUILD (then --programs ours,base,...: a before/after)]
#                                     [--json OUT] [--shots DIR] [--quick] [--generate DIR]
# Needs build-aux/deps.sh peers (minder, vym, Xvfb, xwd, xdotool, time, dbus) and a built app.
# Plain python3 standard library.
#
# Every size is one tree written in each program's own format: .impactmap (JSON), .minder (XML),
# .vym (a zip of XML) and .opml; "examples" is data/examples/edtech-weekly-learners.impactmap,
# opened as it is by the app and the bare window, its cards and links turned into the same tree
# for the peers. A run of one program starts its own Xvfb (1280x800x24, on a display Xvfb picks),
# fresh HOME and XDG dirs, a private D-Bus session, and
#     dbus-run-session -- /usr/bin/time -v PROGRAM FILE
# then reads the screen with `xwd -root` every --poll seconds. "Drawn" is the time of the last
# screen change, or of the window being seen mapped if that came later, accepted once the screen
# has been still for --settle seconds and the program used under 10 % of a core in that span.
# Peak RSS comes from time -v. Only the processes it started are signalled, by pid.
#
# States: cairo (GSK_RENDERER=cairo, fresh cache), gl-cold (GTK's default renderer, a fresh
# $XDG_CACHE_HOME every run: a first launch compiling shaders), gl-warm (a cache kept per program
# across the runs, after one uncounted warm-up run). VYM (Qt) and Minder (GTK 3) have no GSK
# renderer, so they run only in the two cache states, or in cairo's fresh-cache state when no GL
# state is asked for. Programs alternate run by run; each cell is the median with the spread.

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from xml.sax.saxutils import escape, quoteattr

LEVELS = ["goal", "actor", "impact", "deliverable", "experiment"]
EXAMPLE = os.path.join("data", "examples", "edtech-weekly-learners.impactmap")
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "shu", "dra", "quo"]

BARE_WINDOW_C = r"""
/* The floor: an AdwApplicationWindow with a header bar and a label, opening any file. */
#include <adwaita.h>

static void
show_window (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("bare"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (AdwApplication) app = adw_application_new ("org.example.BareWindow",
                                                         G_APPLICATION_HANDLES_OPEN |
                                                         G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (show_window), NULL);
  g_signal_connect (app, "open", G_CALLBACK (show_window), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
"""


# ---- the tree and its formats (pure: no display, no peers needed) ----

def generate_tree(n, seed=1):
    """A tree of n cards in the five levels, breadth first, about the same fan-out at every level.
    Each node is {"title": str, "level": str, "children": [...]}."""
    rnd = random.Random(seed)

    def word():
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))

    fanout = 1
    while sum(fanout ** k for k in range(len(LEVELS))) < n:
        fanout += 1
    root = {"title": "Central topic", "level": LEVELS[0], "children": []}
    frontier, count = [root], 1
    for depth in range(1, len(LEVELS)):
        following = []
        for parent in frontier:
            for _ in range(fanout):
                if count >= n:
                    break
                child = {"title": "%d %s %s" % (count, word(), word()), "level": LEVELS[depth],
                         "children": []}
                parent["children"].append(child)
                following.append(child)
                count += 1
        frontier = following
    return root


def tree_from_impactmap(path):
    """The tree of an .impactmap file: its first goal and everything linked below it."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    nodes = {nd["id"]: {"title": nd["title"], "level": nd["level"], "children": []}
             for nd in doc["nodes"]}
    has_parent = set()
    for link in doc.get("links", []):
        if link["from"] in nodes and link["to"] in nodes and link["to"] not in has_parent:
            nodes[link["from"]]["children"].append(nodes[link["to"]])
            has_parent.add(link["to"])
    roots = [nd["id"] for nd in doc["nodes"] if nd["id"] not in has_parent and nd["level"] == "goal"]
    if not roots:
        raise SystemExit("%s: no goal to start the tree from" % path)
    return nodes[roots[0]]


def count_nodes(tree):
    return 1 + sum(count_nodes(c) for c in tree["children"])


def to_impactmap(tree):
    nodes, links = [], []

    def walk(nd, parent):
        nid = "n%d" % (len(nodes) + 1)
        nodes.append({"id": nid, "level": nd["level"], "title": nd["title"]})
        if parent:
            links.append({"from": parent, "to": nid})
        for c in nd["children"]:
            walk(c, nid)

    walk(tree, None)
    doc = {"format": "impactmap", "version": 1, "title": "Peer comparison",
           "vocabulary": "five-questions", "nodes": nodes, "links": links}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def to_opml(tree):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
           "<head><title>Peer comparison</title></head>", "<body>"]

    def walk(nd):
        if nd["children"]:
            out.append("<outline text=%s>" % quoteattr(nd["title"]))
            for c in nd["children"]:
                walk(c)
            out.append("</outline>")
        else:
            out.append("<outline text=%s/>" % quoteattr(nd["title"]))

    walk(tree)
    out += ["</body>", "</opml>"]
    return "\n".join(out) + "\n"


def to_minder(tree):
    """Minder 1.14's own plain XML; no positions, so Minder lays the map out itself."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<minder version="1.14.0">', "<nodes>"]
    ids = [0]

    def walk(nd, depth, side):
        attrs = 'id="%d" side="%s" fold="false" layout="Horizontal"' % (ids[0], side)
        ids[0] += 1
        out.append("<node %s><nodename>%s</nodename><nodenote></nodenote>" % (attrs, escape(nd["title"])))
        if nd["children"]:
            out.append("<nodes>")
            for k, c in enumerate(nd["children"]):
                walk(c, depth + 1, side if depth > 0 else ("right" if k % 2 == 0 else "left"))
            out.append("</nodes>")
        out.append("</node>")

    walk(tree, 0, "right")
    out += ["</nodes>", "</minder>"]
    return "\n".join(out) + "\n"


def to_vym_xml(tree):
    out = ['<?xml version="1.0" encoding="utf-8"?><!DOCTYPE vymmap>',
           '<vymmap version="2.6.11" branchCount="%d" backgroundColor="#ffffff" mapZoomFactor="1" '
           'linkStyle="StylePolyParabel" linkColor="#0000ff" linkColorHint="DefaultColor">'
           % count_nodes(tree),
           '<mapcenter absPosX="0" absPosY="0">',
           '<heading textColor="#000000">%s</heading>' % escape(tree["title"])]

    def walk(nd):
        for c in nd["children"]:
            out.append('<branch><heading textColor="#000000">%s</heading>' % escape(c["title"]))
            walk(c)
            out.append("</branch>")

    walk(tree)
    out += ["</mapcenter>", "</vymmap>"]
    return "\n".join(out) + "\n"


def write_maps(tree, directory, name):
    """Writes DIRECTORY/NAME.{impactmap,opml,minder,vym}; returns {format: path}."""
    os.makedirs(directory, exist_ok=True)
    base = os.path.join(directory, name)
    paths = {fmt: base + "." + fmt for fmt in ("impactmap", "opml", "minder", "vym")}
    for fmt, text in (("impactmap", to_impactmap(tree)), ("opml", to_opml(tree)),
                      ("minder", to_minder(tree))):
        with open(paths[fmt], "w", encoding="utf-8") as f:
            f.write(text)
    with zipfile.ZipFile(paths["vym"], "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name + ".xml", to_vym_xml(tree))
    return paths


def parse_sizes(text):
    sizes = []
    for item in text.split(","):
        item = item.strip()
        if item == "examples":
            sizes.append(item)
        elif item.isdigit() and int(item) >= 1:
            sizes.append(int(item))
        else:
            raise SystemExit("--sizes: “%s” is neither “examples” nor a number of cards" % item)
    return sizes


def summarise(values):
    """(median, lowest, highest) of the numbers that are there, or None."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def format_cell(times, rss_kib, timed_out):
    s = summarise(times)
    if s is None:
        return "failed"
    text = "%.2f s" % s[0]
    if len(times) > 1:
        text += " (%.2f–%.2f)" % (s[1], s[2])
    rss = summarise(rss_kib)
    if rss is not None:
        text += ", %.0f MiB" % (rss[0] / 1024)
    if timed_out:
        text += ", %d timed out" % timed_out
    return text


# ---- measuring (needs Xvfb and the programs) ----

def start_xvfb():
    """A new Xvfb on a display it picks itself (-displayfd), so runs beside other X servers never race."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as f:
        number = f.readline().strip()
    if not number.isdigit():
        xvfb.wait()
        raise SystemExit("Xvfb did not start (exit status %s)" % xvfb.returncode)
    return xvfb, int(number)


def child_pids(pid):
    out = []
    try:
        for task in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, task)) as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return ""


def program_pids(session_pid):
    """The measured program: the child of /usr/bin/time under dbus-run-session (not dbus-daemon)."""
    return [p for t in child_pids(session_pid) if comm(t) == "time" for p in child_pids(t)]


def cpu_ticks(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return None


def screen_hash(env):
    p = subprocess.run(["xwd", "-root", "-silent"], env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    if p.returncode != 0 or len(p.stdout) < 4:
        return None
    header = int.from_bytes(p.stdout[:4], "big")      # the header holds window names: skip it
    return hashlib.md5(p.stdout[header:]).hexdigest()


def window_visible(env, wm_class):
    p = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", wm_class], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return p.returncode == 0 and p.stdout.strip() != b""


def signal_all(pids, sig):
    for p in pids:
        try:
            os.kill(p, sig)
        except ProcessLookupError:
            pass


def one_run(program, path, state, cache_dir, args, shot=None):
    xvfb, display = start_xvfb()
    home = tempfile.mkdtemp(prefix="imp-peers-home-")
    os.makedirs(os.path.join(home, ".config", "gtk-3.0"))
    with open(os.path.join(home, ".config", "gtk-3.0", "settings.ini"), "w") as f:
        f.write("[Settings]\ngtk-cursor-blink=false\ngtk-enable-animations=false\n")
    work = os.path.join(home, os.path.basename(path))
    shutil.copy(path, work)
    env = dict(os.environ, DISPLAY=":%d" % display, HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"),
               XDG_CACHE_HOME=cache_dir or os.path.join(home, ".cache"),
               XDG_RUNTIME_DIR=home, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1", GTK_A11Y="none")
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("GSK_RENDERER", None)
    if state == "cairo":
        env["GSK_RENDERER"] = "cairo"
    env.update(program.get("env", {}))
    time_file = os.path.join(home, "time.txt")
    log_path = os.path.join(home, "program.log")
    log = open(log_path, "w")
    t0 = time.monotonic()
    session = subprocess.Popen(["dbus-run-session", "--", "/usr/bin/time", "-v", "-o", time_file]
                               + program["cmd"] + [work], env=env, stdout=log, stderr=subprocess.STDOUT)
    t_window, last_hash, last_change = None, None, None
    pid, samples = None, []
    hz = os.sysconf("SC_CLK_TCK")
    deadline = t0 + args.timeout
    while time.monotonic() < deadline:
        now = time.monotonic()
        if pid is None:
            pids = program_pids(session.pid)
            pid = pids[0] if pids else None
        if pid is not None:
            ticks = cpu_ticks(pid)
            if ticks is not None:
                samples.append((now, ticks))
        if t_window is None and window_visible(env, program["class"]):
            t_window = now - t0
        h = screen_hash(env)
        if h != last_hash:
            last_hash, last_change = h, now
        # the window may be drawn one read before xdotool sees it mapped: count from the later of the two
        elif t_window is not None and now - max(last_change, t0 + t_window) >= args.settle:
            before = [s for s in samples if s[0] <= now - args.settle]
            if before and (samples[-1][1] - before[-1][1]) / hz < 0.1 * args.settle:
                break
        if session.poll() is not None:
            break
        time.sleep(args.poll)
    timed_out = time.monotonic() >= deadline
    exited_early = session.poll() is not None
    if shot:
        subprocess.run(["import", "-window", "root", shot], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pids = program_pids(session.pid)
    signal_all(pids, signal.SIGTERM)
    try:
        session.wait(timeout=15)
    except subprocess.TimeoutExpired:
        signal_all(pids, signal.SIGKILL)
        session.wait()
    xvfb.terminate()
    xvfb.wait()
    log.close()
    rss = None
    try:
        with open(time_file) as f:
            for line in f:
                if "Maximum resident set size" in line:
                    rss = int(line.split(":")[1])
    except (OSError, ValueError):
        pass
    with open(log_path, errors="replace") as f:
        log_tail = f.read()[-600:]
    shutil.rmtree(home, ignore_errors=True)
    drawn = None
    if t_window is not None and last_change is not None and not timed_out and not exited_early:
        drawn = max(last_change - t0, t_window)
    return {"window_s": t_window, "drawn_s": drawn, "peak_rss_kib": rss, "timed_out": timed_out,
            "exited_early": exited_early, "log_tail": log_tail}


def build_bare_window(directory):
    source = os.path.join(directory, "bare-window.c")
    binary = os.path.join(directory, "bare-window")
    with open(source, "w") as f:
        f.write(BARE_WINDOW_C)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libadwaita-1"], check=True,
                           stdout=subprocess.PIPE, text=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", binary, source] + flags, check=True)
    return binary


def programs_for(names, build, tmp, base=None):
    table = {
        "ours": {"name": "Impact Mapper", "gsk": True, "format": "impactmap", "class": "impact-mapper",
                 "cmd": [os.path.join(build, "src", "impact-mapper")],
                 "env": {"GSETTINGS_SCHEMA_DIR": os.path.join(build, "data")}},
        "base": {"name": "Impact Mapper (--base)", "gsk": True, "format": "impactmap",
                 "class": "impact-mapper",
                 "cmd": [os.path.join(base or build, "src", "impact-mapper")],
                 "env": {"GSETTINGS_SCHEMA_DIR": os.path.join(base or build, "data")}},
        "bare": {"name": "bare libadwaita window", "gsk": True, "format": "impactmap", "class": "bare-window"},
        "vym": {"name": "VYM", "gsk": False, "format": "vym", "class": "vym",
                # --locale en: under C.UTF-8 VYM 2.6 waits on a modal "Couldn't load translations" dialog
                "cmd": ["vym", "--locale", "en"]},
        "minder": {"name": "Minder", "gsk": False, "format": "minder", "class": "com.github.phase1geo.minder",
                   "cmd": ["com.github.phase1geo.minder"]},
    }
    out = []
    for name in names:
        if name not in table:
            raise SystemExit("--programs: no program “%s” (ours, base, bare, vym, minder)" % name)
        if name == "base" and base is None:
            raise SystemExit("--programs: base needs --base BUILD")
        program = dict(table[name], key=name)
        if name == "bare":
            program["cmd"] = [build_bare_window(tmp)]
        if shutil.which(program["cmd"][0]) is None:
            raise SystemExit("%s: %s is not there (build the app; build-aux/deps.sh peers for the rest)"
                             % (name, program["cmd"][0]))
        out.append(program)
    return out


def states_for(program, states):
    if program["gsk"]:
        return states
    gl = [s for s in states if s != "cairo"]
    return gl if gl else states


def measure(args, programs, maps):
    results = []                       # one entry a (size, state, program)
    for size, paths in maps:
        for state in args.states:
            active = [p for p in programs if state in states_for(p, args.states)]
            caches = {}
            if state == "gl-warm":
                for p in active:
                    caches[p["key"]] = tempfile.mkdtemp(prefix="imp-peers-cache-")
                    print("# warm-up: %s, %s" % (p["name"], size), flush=True)
                    one_run(p, paths[p["format"]], state, caches[p["key"]], args)
            runs = {p["key"]: [] for p in active}
            for i in range(args.runs):
                for p in active:
                    shot = None
                    if args.shots and i == 0:
                        shot = os.path.join(args.shots, "%s-%s-%s.png" % (p["key"], size, state))
                    r = one_run(p, paths[p["format"]], state, caches.get(p["key"]), args, shot)
                    runs[p["key"]].append(r)
                    print("# %s, %s, %s, run %d: window %s, drawn %s, peak %s%s" % (
                        p["name"], size, state, i + 1,
                        "%.2f s" % r["window_s"] if r["window_s"] is not None else "never",
                        "%.2f s" % r["drawn_s"] if r["drawn_s"] is not None else "never",
                        "%.0f MiB" % (r["peak_rss_kib"] / 1024) if r["peak_rss_kib"] else "?",
                        " (timed out)" if r["timed_out"] else
                        " (exited early: %s)" % r["log_tail"].strip()[-200:] if r["exited_early"] else ""),
                        flush=True)
            for cache in caches.values():
                shutil.rmtree(cache, ignore_errors=True)
            for p in active:
                rs = runs[p["key"]]
                results.append({"size": size, "state": state, "program": p["key"], "name": p["name"],
                                "runs": rs,
                                "drawn": summarise([r["drawn_s"] for r in rs]),
                                "cell": format_cell([r["drawn_s"] for r in rs],
                                                    [r["peak_rss_kib"] for r in rs],
                                                    sum(1 for r in rs if r["timed_out"]))})
    return results


def markdown_table(results, args, programs, cards):
    lines = ["| map | program | " + " | ".join(args.states) + " |",
             "|---|---|" + "---|" * len(args.states)]
    for size in args.sizes:
        label = "edtech example (%d cards)" % cards[size] if size == "examples" else "{:,} cards".format(size)
        for p in programs:
            cells = []
            for state in args.states:
                found = [r for r in results if r["size"] == size and r["state"] == state
                         and r["program"] == p["key"]]
                cells.append(found[0]["cell"] if found else "")
            lines.append("| %s | %s | %s |" % (label, p["name"], " | ".join(cells)))
        ours = {r["state"]: r["drawn"] for r in results if r["size"] == size and r["program"] == "ours"}
        bare = {r["state"]: r["drawn"] for r in results if r["size"] == size and r["program"] == "bare"}
        if ours and bare:
            cells = []
            for state in args.states:
                o, b = ours.get(state), bare.get(state)
                cells.append("%.2f× (+%.2f s)" % (o[0] / b[0], o[0] - b[0]) if o and b and b[0] > 0 else "")
            lines.append("| %s | ours ÷ bare | %s |" % (label, " | ".join(cells)))
    return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source_root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description="Time open-to-still for Impact Mapper, a bare window, VYM "
                                             "and Minder on the same tree.")
    ap.add_argument("--build", default=os.path.join(source_root, "build"),
                    help="the app's build directory (default: build; a release build is fairer)")
    ap.add_argument("--base", metavar="BUILD",
                    help="another build of the app, run as the program “base” (a before/after in one run)")
    ap.add_argument("--sizes", default="examples,1000,5000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--states", default="cairo,gl-warm,gl-cold")
    ap.add_argument("--programs", default="ours,bare,vym,minder")
    ap.add_argument("--settle", type=float, default=2.0, help="seconds the screen must stay still")
    ap.add_argument("--poll", type=float, default=0.1, help="seconds between screen reads")
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a run is given up")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="also write every run and the summary here")
    ap.add_argument("--shots", help="save a screenshot of every first run in this directory")
    ap.add_argument("--quick", action="store_true", help="smoke run: 1,000 cards, one run, cairo only")
    ap.add_argument("--generate", metavar="DIR", help="only write the maps to DIR, measure nothing")
    args = ap.parse_args()
    if args.quick:
        args.sizes, args.runs, args.states = "1000", 1, "cairo"
    args.sizes = parse_sizes(args.sizes)
    args.states = [s.strip() for s in args.states.split(",")]
    for s in args.states:
        if s not in ("cairo", "gl-warm", "gl-cold"):
            raise SystemExit("--states: no state “%s” (cairo, gl-warm, gl-cold)" % s)
    if args.runs < 1:
        raise SystemExit("--runs: at least 1")

    tmp = tempfile.mkdtemp(prefix="imp-peers-")
    try:
        maps, cards = [], {}
        for size in args.sizes:
            if size == "examples":
                tree = tree_from_impactmap(os.path.join(source_root, EXAMPLE))
            else:
                tree = generate_tree(size, args.seed)
            cards[size] = count_nodes(tree)
            paths = write_maps(tree, args.generate or tmp, "map-%s" % size)
            if size == "examples":     # the app opens the example itself, notes and metrics too
                shutil.copy(os.path.join(source_root, EXAMPLE), paths["impactmap"])
            maps.append((size, paths))
        if args.generate:
            for size, paths in maps:
                print("%s: %s" % (size, " ".join(sorted(paths.values()))))
            return 0
        if args.shots:
            os.makedirs(args.shots, exist_ok=True)
        programs = programs_for([s.strip() for s in args.programs.split(",")], args.build, tmp, args.base)
        started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        load = os.getloadavg()[0]
        results = measure(args, programs, maps)
        print()
        print("Open until drawn and still, %s; %d run%s each, programs alternating; median (lowest–highest), "
              "peak RSS; load average %.1f at the start, %d cores." % (
                  started, args.runs, "" if args.runs == 1 else "s", load, os.cpu_count()))
        print()
        print(markdown_table(results, args, programs, cards), end="")
        if "cairo" in args.states and any(not p["gsk"] and "cairo" in states_for(p, args.states)
                                          for p in programs):
            print("\nVYM and Minder have no GSK renderer: under cairo they ran with a fresh cache.")
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"started": started, "load": load, "runs": args.runs, "states": args.states,
                           "sizes": args.sizes, "results": results}, f, indent=1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
