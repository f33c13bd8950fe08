#!/usr/bin/env python3
# check-examples.py
#
# Copyright 2026 The Impact Mapper developers
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks that the shipped example maps are in the canonical form the writer
produces (README, "File format") and that they show every part of an impact
map (DOMAIN.md), so the app opens them without a diff on save. TAP output."""

import json
import re
import sys

LEVELS = ["goal", "actor", "impact", "deliverable", "experiment"]
VOCABULARIES = ["classic", "five-questions", "three-tiers", "product-chain"]
TOP_ORDER = ["format", "version", "title", "vocabulary", "nodes", "links", "parking_lot"]
NODE_ORDER = ["id", "level", "title", "notes", "position", "collapsed", "metric", "ice",
              "votes", "experiment", "delivery"]
METRIC_ORDER = ["name", "unit", "baseline", "current", "target", "direction", "deadline",
                "indicator"]
# Readings are optional, so not part of a "complete" metric.
METRIC_MEMBERS = METRIC_ORDER + ["readings"]
ICE_ORDER = ["impact", "confidence", "ease"]
EXPERIMENT_ORDER = ["kind", "aspect", "status", "result", "start", "end", "evidence"]
LINK_ORDER = ["from", "to", "assumption", "confidence", "status"]
KINDS = ["usability-interview", "fake-door", "wizard-of-oz", "kano-survey",
         "technical-spike", "ab-test", "other"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A reading as json.dumps(indent=2) spreads it over lines.
READING = re.compile(r'\{\n\s*("date": "[^"]*",\n\s*"value": [^,\n]*(?:,\n\s*"note": "(?:[^"\\]|\\.)*")?)\n\s*\}')


def in_order(keys, order):
    """The keys are known ones, each once, in the fixed order."""
    idx = [order.index(k) if k in order else -1 for k in keys]
    return -1 not in idx and idx == sorted(idx)


def check(path):
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    doc = json.loads(text, object_pairs_hook=lambda pairs: pairs)

    def as_dict(pairs):
        return dict(pairs)

    # Byte form: two-space indent, a final newline, nothing else.
    canon = json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    # ...except that the writer puts each reading on one line.
    canon = READING.sub(lambda m: "{" + ", ".join(
        re.sub(r"\s+", " ", part.strip()) for part in m.group(1).split(",\n")) + "}", canon)
    need(text == canon, "not in two-space-indent canonical form with a final newline")

    top = as_dict(doc)
    need(in_order([k for k, _ in doc], TOP_ORDER), "top-level members out of order")
    need(top.get("format") == "impactmap", "format is not impactmap")
    need(top.get("version") == 1, "version is not 1")
    need(top.get("vocabulary", "classic") in VOCABULARIES, "unknown vocabulary")

    nodes = [as_dict(n) for n in top["nodes"]]
    links = [as_dict(link) for link in top["links"]]
    need(15 <= len(nodes) <= 35, "%d nodes, expected 15-35" % len(nodes))

    by_id = {}
    for i, (pairs, node) in enumerate(zip(top["nodes"], nodes)):
        where = "node %d (%s)" % (i, node.get("id"))
        need(node.get("id") == "n%d" % (i + 1), where + ": id is not n%d" % (i + 1))
        need(in_order([k for k, _ in pairs], NODE_ORDER), where + ": members out of order")
        need(node.get("level") in LEVELS, where + ": unknown level")
        title = node.get("title", "")
        need(0 < len(title) <= 60, where + ": title empty or longer than 60 characters")
        by_id[node["id"]] = node
        if "metric" in node:
            need(node["level"] in ("goal", "impact"), where + ": metric on a " + node["level"])
            m = node["metric"]
            need(in_order([k for k, _ in m], METRIC_MEMBERS), where + ": metric out of order")
            m = as_dict(m)
            need(m.get("direction", "increase") in ("increase", "decrease"),
                 where + ": bad direction")
            need(m.get("indicator", "lagging") in ("lagging", "leading"),
                 where + ": bad indicator")
            need("deadline" not in m or DATE.match(m["deadline"]), where + ": bad deadline")
        if "ice" in node:
            need(node["level"] == "deliverable", where + ": ICE on a " + node["level"])
            ice = node["ice"]
            need([k for k, _ in ice] == ICE_ORDER, where + ": ICE incomplete or out of order")
            need(all(isinstance(v, int) and 1 <= v <= 10 for _, v in ice),
                 where + ": ICE value out of 1-10")
        if "experiment" in node:
            need(node["level"] == "experiment", where + ": experiment on a " + node["level"])
            e = node["experiment"]
            need(in_order([k for k, _ in e], EXPERIMENT_ORDER),
                 where + ": experiment out of order")
            e = as_dict(e)
            need(e.get("kind", "other") in KINDS, where + ": bad kind")
            need(e.get("aspect", "validity") in ("validity", "usability", "feasibility"),
                 where + ": bad aspect")
            need(e.get("status", "planned") in ("planned", "running", "done"),
                 where + ": bad status")
            need(e.get("result", "none") in ("none", "supports", "refutes", "inconclusive"),
                 where + ": bad result")
            need(e.get("result", "none") == "none" or e.get("status") == "done",
                 where + ": a result before the experiment is done")
            for k in ("start", "end"):
                need(k not in e or DATE.match(e[k]), where + ": bad " + k)
    need(len(by_id) == len(nodes), "duplicate ids")

    # Links: one level to the right, no duplicates, tree links first.
    parents = {}
    children = {}
    seen = set()
    for i, (pairs, link) in enumerate(zip(top["links"], links)):
        where = "link %d (%s -> %s)" % (i, link.get("from"), link.get("to"))
        need(in_order([k for k, _ in pairs], LINK_ORDER), where + ": members out of order")
        a, b = by_id.get(link.get("from")), by_id.get(link.get("to"))
        if a is None or b is None:
            need(False, where + ": dangling")
            continue
        step = LEVELS.index(b["level"]) - LEVELS.index(a["level"])
        need(step == 1, where + ": does not go one level to the right")
        need((a["id"], b["id"]) not in seen, where + ": duplicate")
        seen.add((a["id"], b["id"]))
        need(link.get("confidence", "low") in ("low", "medium", "high"),
             where + ": bad confidence")
        need(link.get("status", "supported") in ("supported", "refuted"),
             where + ": status missing or written although it is the default")
        parents.setdefault(b["id"], []).append(i)
        children.setdefault(a["id"], []).append(b["id"])

    # The writer's order: nodes depth-first along tree parents, then every tree
    # link depth-first, then the cross-links.
    tree_children = {}
    for nid, idxs in parents.items():
        tree_children.setdefault(links[idxs[0]]["from"], []).append(nid)
    order = []

    def walk(nid):
        order.append(nid)
        for c in tree_children.get(nid, []):
            walk(c)

    for node in nodes:
        if node["id"] not in parents:
            walk(node["id"])
    need(order == [n["id"] for n in nodes], "nodes are not in depth-first tree order")
    tree_links = [(links[parents[nid][0]]["from"], nid) for nid in order if nid in parents]
    n_tree = len(tree_links)
    need([(link["from"], link["to"]) for link in links[:n_tree]] == tree_links,
         "tree links are not first and depth-first")
    cross = links[n_tree:]
    need(all(parents[link["to"]][0] < links.index(link) for link in cross),
         "a cross-link comes before the tree link of its child")

    # The map uses everything the app can show.
    levels = {n["level"] for n in nodes}
    need(levels == set(LEVELS), "not all five levels are used")
    need(sum(1 for n in nodes if n["level"] == "goal") == 1, "expected exactly one goal")
    for n in nodes:
        if n["level"] == "goal":
            m = n.get("metric", {})
            need(all(k in dict(m) for k in METRIC_ORDER), n["id"] + ": goal metric incomplete")
        if n["level"] != "goal":
            need(n["id"] in parents, n["id"] + ": has no parent")
        if n["level"] in ("goal", "actor", "impact"):
            need(children.get(n["id"]), n["id"] + ": " + n["level"] + " with no children")
    impacts = [n for n in nodes if n["level"] == "impact"]
    metrics = [dict(n["metric"]) for n in impacts if "metric" in n]
    need(sum(1 for m in metrics if all(k in m for k in METRIC_ORDER)) >= 2,
         "fewer than two impacts with a complete metric")
    need(any("target" not in m for m in metrics), "no direction-only impact metric")
    deliverables = [n for n in nodes if n["level"] == "deliverable"]
    need(sum(1 for n in deliverables if "ice" in n) * 2 > len(deliverables),
         "ICE scores on half the deliverables or fewer")
    need(cross, "no cross-link (one deliverable serving two impacts)")
    need(any(n.get("notes") for n in nodes), "no notes")
    with_assumption = [link for link in links if "assumption" in link]
    need(len(with_assumption) >= 3, "fewer than three links with an assumption")
    need(any(link.get("status") == "refuted" for link in links), "no refuted link")
    exps = [dict(n["experiment"]) for n in nodes if n["level"] == "experiment"]
    need(len({e.get("kind") for e in exps}) >= 3, "fewer than three experiment kinds")
    need(len({e.get("aspect") for e in exps}) >= 2, "fewer than two experiment aspects")
    need(len({e.get("status", "planned") for e in exps}) >= 2,
         "fewer than two experiment statuses")
    return problems


def main(paths):
    print("1..%d" % len(paths))
    failed = 0
    for i, path in enumerate(paths, 1):
        try:
            problems = check(path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            problems = ["cannot check: %s" % e]
        if problems:
            failed += 1
            print("not ok %d - %s" % (i, path))
            for p in problems:
                print("# " + p)
        else:
            print("ok %d - %s" % (i, path))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
