#!/usr/bin/env python3
"""Writes the default rule pack, patterns/*.json, with generated fake examples.

Every scripts/rulepack/<name>.py but common.py writes patterns/<name>.json
and nothing else (see rulepack/common.py); patterns as Python raw strings are
easier to read than JSON-escaped ones.  Every example value comes from a
generator with a fixed seed, so re-running gives byte-identical files.

    python3 scripts/gen_rule_examples.py            # rewrite patterns/*.json
    python3 scripts/gen_rule_examples.py --check    # exit 1 if a file would change

The JSON files are output: edit the module and re-run.  `make test` runs
--check, so a hand edit to patterns/*.json fails it.
"""

import importlib
import json
import os
import sys

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, SCRIPTS)
from rulepack import common  # noqa: E402

PATTERN_DIR = os.path.join(os.path.dirname(SCRIPTS), "patterns")
RULEPACK_DIR = os.path.join(SCRIPTS, "rulepack")
NOT_RULE_FILES = ("common.py", "__init__.py")


def module_names():
    """The rule file modules, scripts/rulepack/<name>.py, in name order."""
    return sorted(f[:-3] for f in os.listdir(RULEPACK_DIR)
                  if f.endswith(".py") and f not in NOT_RULE_FILES)


def build():
    """{"<name>.json": text} for every rule file module."""
    files = {}
    for name in module_names():
        module = importlib.import_module("rulepack." + name)
        rules = common.collect(module.add_rules)
        files[name + ".json"] = json.dumps({"rules": rules}, indent=2, ensure_ascii=True) + "\n"
    return files


def duplicate_ids(files):
    seen, dups = set(), []
    for text in files.values():
        for r in json.loads(text)["rules"]:
            if r["id"] in seen:
                dups.append(r["id"])
            seen.add(r["id"])
    return dups, len(seen)


def main(argv):
    if argv[1:] not in ([], ["--check"]):
        print("usage: gen_rule_examples.py [--check]", file=sys.stderr)
        return 2
    check = argv[1:] == ["--check"]
    files = build()
    dups, count = duplicate_ids(files)
    if dups:
        print("gen_rule_examples: duplicate rule ids: " + ", ".join(dups), file=sys.stderr)
        return 1
    orphans = sorted(f for f in os.listdir(PATTERN_DIR) if f.endswith(".json") and f not in files)
    for name in orphans:
        print("gen_rule_examples: patterns/%s has no generator, scripts/rulepack/%s.py"
              % (name, name[:-5]), file=sys.stderr)
    changed = []
    for name, text in files.items():
        path = os.path.join(PATTERN_DIR, name)
        old = open(path).read() if os.path.exists(path) else None
        if old != text:
            changed.append(name)
            if not check:
                with open(path, "w") as f:
                    f.write(text)
    if check:
        for name in changed:
            print("gen_rule_examples: patterns/%s differs from what scripts/rulepack/%s.py writes"
                  % (name, name[:-5]), file=sys.stderr)
        if changed:
            print("gen_rule_examples: patterns/*.json are generated; change the module and run "
                  "python3 scripts/gen_rule_examples.py", file=sys.stderr)
        return 1 if changed or orphans else 0
    print("%d rules in %d files%s" % (count, len(files),
                                      (", rewrote " + ", ".join(changed)) if changed else ""))
    return 1 if orphans else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
