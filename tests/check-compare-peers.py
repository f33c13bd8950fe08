#!/usr/bin/python3
# check-compare-peers.py: the peer comparison's generator writes one tree, the same titles in the
# same shape, to every format it hands a program (.impactmap, .opml, .minder, .vym); no display
# and no peers needed.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-compare-peers.py SOURCE_ROOT   (prints TAP)

import importlib.util
import os
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

root = sys.argv[1]
sys.dont_write_bytecode = True      # no __pycache__ left in the source tree
spec = importlib.util.spec_from_file_location(
    "compare_peers", os.path.join(root, "tests", "bench", "compare-peers.py"))
peers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peers)

results = []


def ok(cond, what):
    results.append((bool(cond), what))


def shape(tree):
    return (tree["title"], [shape(c) for c in tree["children"]])


def levels_by_depth(tree, depth=0, out=None):
    out = set() if out is None else out
    out.add((depth, tree["level"]))
    for c in tree["children"]:
        levels_by_depth(c, depth + 1, out)
    return out


def from_opml(path):
    def walk(el):
        return (el.get("text"), [walk(c) for c in el.findall("outline")])
    body = ET.parse(path).getroot().find("body")
    return [walk(el) for el in body.findall("outline")]


def from_minder(path):
    def walk(el):
        kids = el.find("nodes")
        return (el.findtext("nodename"), [walk(c) for c in kids.findall("node")] if kids is not None else [])
    return [walk(el) for el in ET.parse(path).getroot().find("nodes").findall("node")]


def from_vym(path):
    def walk(el):
        return (el.findtext("heading"), [walk(c) for c in el.findall("branch")])
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        doc = ET.fromstring(z.read(names[0]))
    return names, [walk(el) for el in doc.findall("mapcenter")]


with tempfile.TemporaryDirectory() as tmp:
    for n in (1, 100, 1000):
        tree = peers.generate_tree(n, seed=3)
        ok(peers.count_nodes(tree) == n, "a generated map of %d cards has %d cards" % (n, n))
        ok(levels_by_depth(tree) <= {(d, lv) for d, lv in enumerate(peers.LEVELS)},
           "%d cards: every card's level is the one of its depth" % n)
        paths = peers.write_maps(tree, tmp, "map-%d" % n)
        want = shape(tree)
        ok(shape(peers.tree_from_impactmap(paths["impactmap"])) == want, "%d cards: .impactmap holds the tree" % n)
        ok(from_opml(paths["opml"]) == [want], "%d cards: .opml holds the same tree" % n)
        ok(from_minder(paths["minder"]) == [want], "%d cards: .minder holds the same tree" % n)
        names, vym = from_vym(paths["vym"])
        ok(names == ["map-%d.xml" % n] and vym == [want], "%d cards: .vym holds the same tree" % n)
    ok(shape(peers.generate_tree(500, seed=3)) == shape(peers.generate_tree(500, seed=3)),
       "the same seed generates the same map")

    example = peers.tree_from_impactmap(os.path.join(root, peers.EXAMPLE))
    ok(peers.count_nodes(example) > 10 and example["level"] == "goal", "the example becomes a tree from its goal")
    paths = peers.write_maps(example, tmp, "map-examples")
    ok(from_opml(paths["opml"]) == [shape(example)] and from_minder(paths["minder"]) == [shape(example)],
       "the example's tree reaches the peers' formats")

try:
    peers.parse_sizes("examples,10k")
    ok(False, "--sizes 10k is refused")
except SystemExit as e:
    ok("10k" in str(e), "--sizes 10k is refused, naming 10k")
ok(peers.parse_sizes("examples, 1000") == ["examples", 1000], "--sizes takes examples and numbers")
ok(peers.format_cell([0.5, 0.4, 0.9], [102400, 204800, 153600], 0) == "0.50 s (0.40–0.90), 150 MiB",
   "a cell is the median, the spread and the median peak")

print("1..%d" % len(results))
for i, (good, what) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if good else "not ok", i, what))
sys.exit(0 if all(g for g, _ in results) else 1)
