#!/usr/bin/python3
# check-schema.py: every example map validates against data/impactmap.schema.json,
# and the schema rejects what the reader rejects at the member level.
#
# Copyright 2026 The Impact Mapper developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-schema.py SCHEMA EXAMPLES_DIR   (prints TAP)

import copy
import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("1..0 # SKIP python3-jsonschema is not installed")
    sys.exit(0)

schema_path, examples_dir = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)

validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema)

n = 0
failed = 0


def report(ok, description, detail=""):
    global n, failed
    n += 1
    if ok:
        print(f"ok {n} - {description}")
    else:
        failed += 1
        print(f"not ok {n} - {description}")
        for line in detail.splitlines():
            print(f"# {line}")


examples = sorted(glob.glob(os.path.join(examples_dir, "*.impactmap")))
report(len(examples) >= 3, "there are at least three example maps")

for path in examples:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    report(not errors, f"{os.path.basename(path)} validates against the schema",
           "\n".join(f"{list(e.path)}: {e.message}" for e in errors))

# The schema must be able to fail: each mutation of a valid map is refused.
base = json.load(open(examples[0], encoding="utf-8"))


def mutated(fn):
    doc = copy.deepcopy(base)
    fn(doc)
    return doc


mutations = {
    "a wrong format name": lambda d: d.update(format="mindmap"),
    "a newer version": lambda d: d.update(version=2),
    "an unknown level": lambda d: d["nodes"][0].update(level="strategy"),
    "a node without id": lambda d: d["nodes"][0].pop("id"),
    "an id with a space": lambda d: d["nodes"][0].update(id="n 1"),
    "an ICE score of 11": lambda d: next(n for n in d["nodes"] if "ice" in n)["ice"].update(impact=11),
    "an ICE score of 0": lambda d: next(n for n in d["nodes"] if "ice" in n)["ice"].update(ease=0),
    "a deadline in another format": lambda d: next(n for n in d["nodes"] if "metric" in n)["metric"].update(deadline="31/12/2026"),
    "a metric value as a string": lambda d: next(n for n in d["nodes"] if "metric" in n)["metric"].update(target="48000"),
    "an unknown link status": lambda d: d["links"][0].update(status="maybe"),
    "links that are not an array": lambda d: d.update(links={}),
    "votes of -1": lambda d: d["nodes"][0].update(votes=-1),
    "votes of 0": lambda d: d["nodes"][0].update(votes=0),
    "votes of 1000": lambda d: d["nodes"][0].update(votes=1000),
    "votes as a string": lambda d: d["nodes"][0].update(votes="3"),
    "votes of 2.5": lambda d: d["nodes"][0].update(votes=2.5),
    "a parking lot that is not an array": lambda d: d.update(parking_lot="Idea"),
    "an empty parked idea": lambda d: d.update(parking_lot=["Idea", ""]),
    "a blank parked idea": lambda d: d.update(parking_lot=["  "]),
    "a parked idea that is not a string": lambda d: d.update(parking_lot=["Idea", 3]),
    # Issue 15: what the reader and the inspector refuse.
    "a deadline with a leading space": lambda d: next(n for n in d["nodes"] if "metric" in n)["metric"].update(deadline=" 202-01-01"),
    "a deadline with a negative year": lambda d: next(n for n in d["nodes"] if "metric" in n)["metric"].update(deadline="-001-01-01"),
    "a deadline with signs": lambda d: next(n for n in d["nodes"] if "metric" in n)["metric"].update(deadline="2026-+1-+1"),
    "an id of non-breaking spaces": lambda d: d["nodes"][0].update(id="\u00a0\u00a0"),
    "an id with a zero-width space": lambda d: d["nodes"][0].update(id="a\u200bb"),
    "a parked idea of non-breaking spaces": lambda d: d.update(parking_lot=["\u00a0\u202f"]),
    "a parked idea of zero-width spaces": lambda d: d.update(parking_lot=["\u200b"]),
    "a NUL in a title": lambda d: d["nodes"][0].update(title="x\u0000y"),
    "a NUL in the map's title": lambda d: d.update(title="x\u0000y"),
    "a map title over 10000 characters": lambda d: d.update(title="x" * 10001),
    "a title over 5000 characters": lambda d: d["nodes"][0].update(title="x" * 5001),
    "notes over 100000 characters": lambda d: d["nodes"][0].update(notes="x" * 100001),
    "a metric name over 10000 characters": lambda d: next(n for n in d["nodes"] if "metric" in n)["metric"].update(name="x" * 10001),
    "a version beyond 2^63": lambda d: d.update(version=2**63),
    "an ICE score on a goal": lambda d: next(n for n in d["nodes"] if n["level"] == "goal").update(ice={"impact": 3}),
    "a metric on an actor": lambda d: next(n for n in d["nodes"] if n["level"] == "actor").update(metric={"name": "m"}),
    "an experiment plan on a deliverable": lambda d: next(n for n in d["nodes"] if n["level"] == "deliverable").update(experiment={"kind": "other"}),
}

# The limits may be reached, not passed.
at_limits = mutated(lambda d: (d["nodes"][0].update(title="x" * 5000, notes="y" * 100000)))
report(validator.is_valid(at_limits), "the schema accepts a title and notes exactly at the limits")
for description, fn in mutations.items():
    report(not validator.is_valid(mutated(fn)), f"the schema rejects {description}")

print(f"1..{n}")
sys.exit(1 if failed else 0)
