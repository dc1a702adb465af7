#!/usr/bin/env python3
"""Recall and false-positive rate of hush on Nosey Parker's rule examples.

Usage: noseyparker_eval.py BUILD_DIR EXAMPLES_JSONL REPO_DIR COMMAND_LINE

Reads the examples at run time (nothing of them is kept in the repository),
writes each text to its own file in a temporary directory, scans each
directory with one hush invocation and maps findings back through the `path`
field of hush's jsonl report.  Prints a markdown block.  Only rule ids,
counts and percentages are printed: never an example text or a finding's
preview.
"""

import collections
import datetime
import json
import os
import shlex
import subprocess
import sys
import tempfile


def load(path):
    records = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            rec["_line"] = lineno
            records.append(rec)
    return records


def scan_dir(hush, key, cache, directory, min_low):
    cmd = [hush, "scan", "--format", "jsonl"]
    if min_low:
        cmd += ["--min-confidence", "low"]
    # HUSH_NP_ARGS: extra options, e.g. "--no-default-rules --rules patterns/x.json"
    # to measure one rule family while it is written.
    cmd += shlex.split(os.environ.get("HUSH_NP_ARGS", ""))
    cmd += ["--no-progress", "-q", "--fingerprint-key", key, directory]
    env = dict(os.environ, HUSH_CACHE_DIR=cache)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, check=False)
    if proc.returncode not in (0, 1):
        # stderr may quote an input; print only the status.
        sys.exit("hush scan exited %d" % proc.returncode)
    hits = collections.defaultdict(list)  # file name -> [hush rule id]
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        finding = json.loads(line)
        name = os.path.basename(finding["path"])
        hits[name].append(finding["rule"])
    return hits


def write_set(directory, records):
    """One file per record, named after its line in the jsonl."""
    names = {}
    for rec in records:
        name = "ex-%04d.txt" % rec["_line"]
        with open(os.path.join(directory, name), "wb") as f:
            f.write(rec["text"].encode("utf-8"))
        names[name] = rec
    return names


def pct(n, d):
    return "%.1f%%" % (100.0 * n / d) if d else "n/a"


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    build, examples, repo, command = sys.argv[1:5]
    hush = os.path.join(build, "hush")
    cache = os.path.join(build, "cache")
    key = os.path.join(repo, "tests", "data", "test.key")

    records = [r for r in load(examples) if "default" in r.get("rulesets", [])]
    positives = [r for r in records if r["label"] == "positive"]
    negatives_all = [r for r in records if r["label"] == "negative"]
    negatives = [r for r in negatives_all if not r.get("also_positive_for")]

    with tempfile.TemporaryDirectory(prefix="hush-np-") as tmp:
        pos_dir = os.path.join(tmp, "pos")
        neg_dir = os.path.join(tmp, "neg")
        os.mkdir(pos_dir)
        os.mkdir(neg_dir)
        pos_names = write_set(pos_dir, positives)
        neg_names = write_set(neg_dir, negatives)
        pos_hits = scan_dir(hush, key, cache, pos_dir, True)
        neg_hits = scan_dir(hush, key, cache, neg_dir, False)

    unknown = [n for n in list(pos_hits) + list(neg_hits)
               if n not in pos_names and n not in neg_names]
    if unknown:
        sys.exit("findings in %d unexpected files" % len(unknown))

    # Recall, overall and by upstream rule id.
    by_rule = collections.defaultdict(lambda: [0, 0])  # rule -> [found, total]
    found = 0
    for name, rec in pos_names.items():
        hit = bool(pos_hits.get(name))
        found += hit
        by_rule[rec["rule_id"]][0] += hit
        by_rule[rec["rule_id"]][1] += 1
    missed = sorted(((r, t) for r, (f, t) in by_rule.items() if f == 0),
                    key=lambda x: (-x[1], x[0]))
    partial = sorted(((r, f, t) for r, (f, t) in by_rule.items() if 0 < f < t),
                     key=lambda x: (-(x[2] - x[1]), x[0]))
    rules_full = sum(1 for f, t in by_rule.values() if f == t)

    # False positives on negatives that are positives for no other rule.
    fp_files = [n for n in neg_names if neg_hits.get(n)]
    fp_rules = collections.Counter()
    fp_upstream = collections.Counter()
    for name in fp_files:
        for rule in set(neg_hits[name]):
            fp_rules[rule] += 1
        fp_upstream[neg_names[name]["rule_id"]] += 1

    version = subprocess.run([hush, "--version"], stdout=subprocess.PIPE,
                             check=True).stdout.decode().strip()
    out = []
    w = out.append
    w("Command: `%s`  " % command)
    w("Date: %s  " % datetime.datetime.now().strftime("%Y-%m-%d %H:%M %Z").strip())
    w("Version: `%s`  " % version)
    w("Examples: `%s` (ruleset `default`: %d positive, %d negative, of which "
      "%d with empty `also_positive_for`)" % (
          os.path.basename(examples), len(positives), len(negatives_all),
          len(negatives)))
    w("")
    w("| measurement | settings | result |")
    w("|---|---|---|")
    w("| recall | `--min-confidence low` | %d / %d = %s (%.3f) |" % (
        found, len(positives), pct(found, len(positives)),
        found / len(positives) if positives else 0.0))
    w("| upstream rules fully found | `--min-confidence low` | %d / %d "
      "(%d with none found, %d partly) |" % (
          rules_full, len(by_rule), len(missed), len(partial)))
    w("| false-positive rate | default confidence (medium) | %d / %d = %s |" % (
        len(fp_files), len(negatives), pct(len(fp_files), len(negatives))))
    w("")
    w("Upstream rules with 0 of N positives found (top 40 by N, of %d):"
      % len(missed))
    w("")
    w("| upstream rule | found / N |")
    w("|---|---|")
    for rule, total in missed[:40]:
        w("| `%s` | 0 / %d |" % (rule, total))
    w("")
    if partial:
        w("Upstream rules partly found:")
        w("")
        w("| upstream rule | found / N |")
        w("|---|---|")
        for rule, f, t in partial:
            w("| `%s` | %d / %d |" % (rule, f, t))
        w("")
    w("hush rules that fired on negatives (negatives with >= 1 finding of "
      "that rule):")
    w("")
    w("| hush rule | negatives |")
    w("|---|---|")
    for rule, n in sorted(fp_rules.items(), key=lambda x: (-x[1], x[0])):
        w("| `%s` | %d |" % (rule, n))
    if not fp_rules:
        w("| (none) | 0 |")
    w("")
    w("Upstream rules of those negatives: %s" % (", ".join(
        "`%s` %d" % (r, n) for r, n in
        sorted(fp_upstream.items(), key=lambda x: (-x[1], x[0]))) or "none"))
    print("\n".join(out))


if __name__ == "__main__":
    main()
