#!/usr/bin/env python3
# build-aux/hostile-maps.py: write hostile but otherwise valid .impactmap files
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/hostile-maps.py OUTPUT-FOLDER [--no-big]
#
# Every file follows the README's file format and data/impactmap.schema.json
# except in the one way its name says: a 1 MB title in each script, 100,000
# siblings, JSON nested deeply in a kept unknown member, dense cross-links,
# maximal notes, huge numbers, many links, and files just under and just over
# the plausible size limits. build-aux/check-hostile.sh runs `check` and each
# export on them. For each file a line on stdout says "NAME SIZE": the node
# count, or the link count when it has more links, which the timing
# reference is taken for (the benchmark's maps have about one link a node).
#
# Python 3 standard library only; the output is the same on every run.

import json
import os
import sys

MB = 1024 * 1024

# The limits of src/core/imp-limits.h: a file just under and one just
# over each.
TITLE_LIMIT = 5000
NOTES_LIMIT = 100000
TEXT_LIMIT = 10000
SIZE_LIMITS = [128 * MB, 256 * MB]

LEVELS = ["goal", "actor", "impact", "deliverable", "experiment"]

# One MB of text in each script: a repeated phrase, so that line fitting
# has words to break at (or, for CJK and the zero-width run, none).
SCRIPTS = {
    "latin": "Increase weekly active learners by twenty percent ",
    "arabic": "زيادة عدد المتعلمين النشطين أسبوعيا بنسبة عشرين بالمئة ",
    "hebrew": "להגדיל את מספר הלומדים הפעילים בכל שבוע בעשרים אחוז ",
    "devanagari": "साप्ताहिक सक्रिय शिक्षार्थियों को बीस प्रतिशत बढ़ाएँ ",
    "cjk": "每周活跃学习者增加百分之二十週間アクティブ学習者を増やす주간활성학습자증가",
    "combining": "e\u0301\u0302\u0303\u0304a\u0308\u0323\u0330o\u0336\u0337\u20dd ",
    "emoji-zwj": "\U0001F469\u200D\U0001F4BB\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D"
                 "\U0001F466\U0001F3F3\uFE0F\u200D\U0001F308\U0001F44D\U0001F3FD ",
    "zero-width": "\u200B\u200C\u200D\u2060\uFEFF\u00AD",
    "mixed": "Goal \u202Eعكس\u202C שלום \u0915\u094D\u0937 漢字 e\u0301\u20dd "
             "\U0001F469\u200D\U0001F4BB \u200B\u200F\u200E ",
}


def text_of_bytes(phrase, size):
    """Repeats @phrase to just under @size bytes of UTF-8."""
    unit = len(phrase.encode("utf-8"))
    text = phrase * (size // unit)
    # Fill up to the size with ASCII so that every file is the same size.
    return text + "x" * (size - len(text.encode("utf-8")))


def node(nid, level, title, **members):
    out = {"id": nid, "level": level, "title": title}
    out.update(members)
    return out


def chain_map(title="Hostile map"):
    """A valid map of one goal, actor, impact and deliverable."""
    nodes = [node("n1", "goal", "Grow weekly active learners"),
             node("n2", "actor", "Teachers"),
             node("n3", "impact", "Grade sooner"),
             node("n4", "deliverable", "Faster upload pipeline")]
    links = [{"from": "n1", "to": "n2"}, {"from": "n2", "to": "n3"},
             {"from": "n3", "to": "n4"}]
    return {"format": "impactmap", "version": 1, "title": title,
            "vocabulary": "classic", "nodes": nodes, "links": links}


def layered_map(widths):
    """Full links between adjacent levels: widths[i] cards on level i, each
    linked to every card of the level before: every card has every card of
    the level to its left as a parent, so chains multiply level by level."""
    nodes, links, previous, n = [], [], [], 0
    for level, width in zip(LEVELS, widths):
        current = []
        for i in range(width):
            n += 1
            nid = "n%d" % n
            nodes.append(node(nid, level, "%s %d" % (level.capitalize(), i + 1)))
            current.append(nid)
            for parent in previous:
                links.append({"from": parent, "to": nid})
        previous = current
    return {"format": "impactmap", "version": 1, "title": "Cross-linked",
            "vocabulary": "classic", "nodes": nodes, "links": links}


def write(folder, name, document, nodes=None, padding=0):
    path = os.path.join(folder, name + ".impactmap")
    text = json.dumps(document, ensure_ascii=False, indent=2)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
        # White space after the root object is valid JSON and costs no cards:
        # it brings a file to a given size.
        if padding > 0:
            block = " " * MB
            while padding > 0:
                f.write(block[:min(padding, MB)])
                padding -= min(padding, MB)
        f.write("\n")
    if nodes is None:
        nodes = max(len(document["nodes"]), len(document["links"]))
    print(name, nodes)
    return path


def size_of(document):
    return len(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")) + 1


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        print("usage: hostile-maps.py OUTPUT-FOLDER [--no-big]", file=sys.stderr)
        return 2
    folder = argv[1]
    big = "--no-big" not in argv[2:]
    os.makedirs(folder, exist_ok=True)

    # Titles of 1 MB in every script, on the deliverable.
    for script, phrase in SCRIPTS.items():
        doc = chain_map()
        doc["nodes"][3]["title"] = text_of_bytes(phrase, MB)
        write(folder, "title-1mb-" + script, doc)
    doc = chain_map(title=text_of_bytes(SCRIPTS["mixed"], MB))
    write(folder, "map-title-1mb-mixed", doc)

    # Titles just at and just over the planned limit (characters).
    for name, n in (("title-at-limit", TITLE_LIMIT), ("title-over-limit", TITLE_LIMIT + 1)):
        doc = chain_map()
        doc["nodes"][3]["title"] = ("\u05e9" * n)
        write(folder, name, doc)
    # The map's title, drawn above a picture with --title-line: at its limit
    # in mixed scripts.
    doc = chain_map(title=text_of_bytes(SCRIPTS["mixed"], 4 * TEXT_LIMIT)[:TEXT_LIMIT])
    write(folder, "map-title-at-limit-mixed", doc)

    # Maximal notes: at the planned limit on 100 cards, just over on one,
    # and 10 MB on one.
    doc = layered_map([1, 3, 32, 64])
    for n in doc["nodes"][:100]:
        n["notes"] = text_of_bytes(SCRIPTS["mixed"], NOTES_LIMIT)[:NOTES_LIMIT]
    write(folder, "notes-at-limit-100-cards", doc)
    doc = chain_map()
    doc["nodes"][0]["notes"] = "n" * (NOTES_LIMIT + 1)
    write(folder, "notes-over-limit", doc)
    doc = chain_map()
    doc["nodes"][0]["notes"] = text_of_bytes(SCRIPTS["mixed"], 10 * MB)
    write(folder, "notes-10mb", doc)

    # 100,000 siblings: one goal with 100,000 actors.
    nodes = [node("n1", "goal", "One goal")]
    links = []
    for i in range(2, 100002):
        nodes.append(node("n%d" % i, "actor", "Actor %d" % i))
        links.append({"from": "n1", "to": "n%d" % i})
    write(folder, "siblings-100000",
          {"format": "impactmap", "version": 1, "title": "Siblings", "vocabulary": "classic",
           "nodes": nodes, "links": links})

    # Deep nesting: the map has five levels at most, so depth is in a kept
    # unknown member: just within the reader's 256 levels (the root object
    # and the member's array make two), just over, and far over.
    for name, depth in (("nesting-254", 254), ("nesting-257", 257), ("nesting-100000", 100000)):
        doc = chain_map()
        path = os.path.join(folder, name + ".impactmap")
        head = json.dumps(doc, ensure_ascii=False, indent=2)[:-2]
        with open(path, "w", encoding="utf-8") as f:
            f.write(head + ',\n  "x-nested": ' + "[" * depth + "]" * depth + "\n}\n")
        print(name, len(doc["nodes"]))

    # Deep and many cross-links: every card linked to every card of the
    # level before. 30 a level: 900 chains per deliverable; 100 a level:
    # 10,000 chains for each of 100 deliverables.
    write(folder, "cross-links-30", layered_map([1, 30, 30, 30, 30]))
    write(folder, "cross-links-100", layered_map([1, 100, 100, 100, 100]))
    # Many links: 450 actors by 450 impacts, 202,950 links.
    write(folder, "links-200000", layered_map([1, 450, 450]))

    # Huge numbers where numbers go.
    doc = chain_map()
    doc["nodes"][0]["metric"] = {"name": "Huge", "unit": "u", "baseline": -1.7976931348623157e308,
                                 "current": 1.7976931348623157e308,
                                 "target": 1.7976931348623157e308,
                                 "direction": "increase", "indicator": "lagging"}
    doc["nodes"][2]["metric"] = {"name": "Integers", "baseline": 9223372036854775807,
                                 "current": 18446744073709551616, "target": 2 ** 70,
                                 "direction": "decrease", "indicator": "leading"}
    doc["nodes"][1]["position"] = {"x": 1e15, "y": -1e15}
    doc["nodes"][3]["position"] = {"x": 1e300, "y": 1e300}
    doc["nodes"][3]["votes"] = 999
    write(folder, "huge-numbers", doc)
    # The same pins in the other layouts, drawn in each of them.
    for layout in ("balanced", "down"):
        doc = chain_map()
        doc["layout"] = layout
        doc["nodes"][1]["layout_positions"] = {"balanced": {"x": 1e15, "y": -1e15},
                                               "down": {"x": -1e300, "y": 1e300}}
        doc["nodes"][3]["layout_positions"] = {layout: {"x": 1e300, "y": -1e300}}
        write(folder, "huge-pins-" + layout, doc)

    # A parking lot of 100,000 ideas.
    doc = chain_map()
    doc["parking_lot"] = ["Idea %d" % i for i in range(100000)]
    write(folder, "parking-100000", doc)

    # Just under and just over each plausible size limit, made up with white
    # space after the root object.
    if big:
        for limit in SIZE_LIMITS:
            doc = chain_map()
            base = size_of(doc)
            write(folder, "size-under-%dmib" % (limit // MB), doc, padding=limit - 1024 - base)
            write(folder, "size-over-%dmib" % (limit // MB), doc, padding=limit + 1024 - base)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
