#!/usr/bin/env python3
"""Checks hush on a recorded HAR against its truth file: every copy found, every
copy gone after redaction, the HAR's structure kept.

    python3 tests/browser/check_har.py --hush build/hush --har FILE --truth FILE
        [--marks-from TRUTH] [--write-marks REASON] [--workdir DIR]

A *copy* is one occurrence in the HAR, as stored, of a planted value in one of
its forms: raw, JSON-escaped (with or without `\\/`), percent-encoded (form and
URI style), base64 and base64url at the three alignments (the characters that
only the value's bytes determine).  The check:

  1. `hush scan --format jsonl` reports every copy: each lies inside the span of
     a finding (so the count per value is at least the number of copies);
  2. `hush redact` leaves no copy of any value in any form;
  3. the redacted HAR parses, with the same keys, arrays and entry count.

A copy hush misses today may be marked in the truth file's `expected_miss`
(kind, form, where: the JSON path of the string holding it, entries named by
method and URL path; count; reason).  Marked copies must be missed exactly as
marked: when hush finds one, the check fails and asks for the mark to be
dropped.  `--marks-from` takes the marks from another truth file (a fresh
recording has the committed one's), `--write-marks REASON` stores the misses
of this run as marks (to start a truth file; review them).

Output names values by index, kind and fingerprint (HMAC-SHA256 with
tests/data/test.key, first 16 hex), never a value.  Exit 0 when everything
holds, 1 on any miss, 2 on a usage or run error.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KEY_FILE = os.path.join(ROOT, "tests", "data", "test.key")


def fingerprint(value):
    with open(KEY_FILE, "rb") as fh:
        key = fh.read()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:16]


def base64_forms(raw):
    """The base64 characters only `raw` determines, at each of the 3 alignments."""
    forms = []
    for shift in range(3):
        text = base64.b64encode(b"\0" * shift + raw + b"\0\0").decode()
        first = -(-8 * shift // 6)               # first char with no prefix bit
        last = (8 * (shift + len(raw))) // 6     # chars before this one hold no suffix bit
        forms.append(text[first:last])
    return forms


ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
RFC3986_UNRESERVED = ALNUM + "-._~"
WHATWG_FORM_SAFE = ALNUM + "*-._"          # URLSearchParams: '~' becomes %7E
JS_COMPONENT_SAFE = ALNUM + "-_.!~*'()"     # encodeURIComponent


def percent(value, safe, plus=False):
    """Percent-encoding keeping `safe` (urllib's quote always keeps '~')."""
    out = []
    for byte in value.encode():
        ch = chr(byte)
        if ch in safe:
            out.append(ch)
        elif plus and ch == " ":
            out.append("+")
        else:
            out.append("%%%02X" % byte)
    return "".join(out).encode()


def forms_of(value):
    """form name -> bytes, distinct forms only (the first name wins)."""
    raw = value.encode()
    candidates = [
        ("raw", raw),
        ("json", json.dumps(value)[1:-1].encode()),
        ("json-slash", json.dumps(value)[1:-1].replace("/", "\\/").encode()),
        ("json-ascii", json.dumps(value, ensure_ascii=True)[1:-1].encode()),
        ("percent", percent(value, RFC3986_UNRESERVED)),
        ("percent-form", percent(value, WHATWG_FORM_SAFE, plus=True)),
        ("percent-component", percent(value, JS_COMPONENT_SAFE)),
        ("percent-uri", percent(value, RFC3986_UNRESERVED + "/:")),
    ]
    candidates += [(name + "-lower", re.sub(rb"%[0-9A-F]{2}", lambda m: m.group().lower(), data))
                   for name, data in candidates if name.startswith("percent")]
    for i, text in enumerate(base64_forms(raw)):
        candidates.append(("base64-%d" % i, text.encode()))
        candidates.append(("base64url-%d" % i,
                           text.replace("+", "-").replace("/", "_").encode()))
    seen, forms = set(), []
    for name, data in candidates:
        if data not in seen:
            seen.add(data)
            forms.append((name, data))
    return forms


# ---- where a byte of the HAR sits: the JSON path of the string holding it ----

TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


def string_paths(data):
    """[(start, end, path)] of every JSON string value, in file order."""
    out, stack = [], []          # frame: [kind, key or index, expecting_key]
    for m in TOKEN.finditer(data):
        tok = m.group()
        if tok in (b"{", b"["):
            stack.append(["obj" if tok == b"{" else "arr", None if tok == b"{" else 0, tok == b"{"])
        elif tok in (b"}", b"]"):
            stack.pop()
        elif tok == b",":
            if stack and stack[-1][0] == "arr":
                stack[-1][1] += 1
            elif stack:
                stack[-1][2] = True
        elif tok == b":":
            stack[-1][2] = False
        elif tok.startswith(b'"'):
            if stack and stack[-1][0] == "obj" and stack[-1][2]:
                stack[-1][1] = json.loads(tok)
            else:
                out.append((m.start(), m.end(), [f[1] for f in stack]))
    return out


def entry_names(har):
    names = []
    for e in har["log"]["entries"]:
        # Ids (a workflow's, a secret version) vary with the seed: named <id>.
        path = re.sub(r"[0-9a-f]{16,}", "<id>", urlsplit(e["request"]["url"]).path)
        names.append("%s %s" % (e["request"]["method"], path))
    return names


def where(path, names):
    """A readable, stable path: entries[i] named by method and URL path."""
    parts = []
    for i, p in enumerate(path):
        if i == 2 and path[:2] == ["log", "entries"] and isinstance(p, int):
            parts.append("[%s]" % names[p])
        elif isinstance(p, int):
            parts.append("[]")
        else:
            parts.append(("." if parts else "") + p)
    return "".join(parts)


def locate(offset, spans):
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo][0] <= offset:
        return spans[lo][2]
    return None


def copies(data, values, spans, names):
    """[(value index, form, offset, length, where)] of every copy in data."""
    found = []
    for v in values:
        for form, needle in forms_of(v["value"]):
            start = data.find(needle)
            while start >= 0:
                path = locate(start, spans)
                found.append((v["index"], form, start, len(needle),
                              where(path, names) if path is not None else "(outside strings)"))
                start = data.find(needle, start + 1)
    return found


def shape(node):
    """The structure of a JSON document: keys, array lengths, types; no values."""
    if isinstance(node, dict):
        return {k: shape(v) for k, v in node.items()}
    if isinstance(node, list):
        return [shape(v) for v in node]
    return type(node).__name__


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout, proc.stderr.decode(errors="replace")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hush", required=True)
    ap.add_argument("--har", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--marks-from")
    ap.add_argument("--write-marks", metavar="REASON")
    ap.add_argument("--workdir")
    args = ap.parse_args(argv)

    with open(args.truth) as fh:
        truth = json.load(fh)
    marks_truth = truth
    if args.marks_from:
        with open(args.marks_from) as fh:
            marks_truth = json.load(fh)
    values = truth["values"]
    kinds = {v["index"]: v["kind"] for v in values}
    with open(args.har, "rb") as fh:
        data = fh.read()
    har = json.loads(data)
    names = entry_names(har)
    all_copies = copies(data, values, string_paths(data), names)

    # 1. scan: every copy inside a finding's span.
    # --propagate: a value found once must be gone everywhere, also where only
    # its value says it is a secret (the standard for a HAR).
    status, out, err = run([args.hush, "scan", "--propagate", "--format", "jsonl", "--no-progress",
                            "--fingerprint-key", KEY_FILE, args.har])
    if status not in (0, 1):
        print("check_har: hush scan: exit %d: %s" % (status, err.strip()))
        return 2
    findings = [json.loads(line) for line in out.splitlines() if line.strip()]
    spans = [(f["offset"], f["offset"] + f["length"]) for f in findings]
    missed = [c for c in all_copies
              if not any(s <= c[2] and c[2] + c[3] <= e for s, e in spans)]

    # 2. redact: no copy left, in any form.
    # As a file (`--out-dir`), the way a person redacts a HAR: the whole file is
    # hush's to read before it writes (a pipe only allows what was seen so far).
    workdir = os.path.abspath(args.workdir or tempfile.mkdtemp(prefix="hush-har-"))
    out_dir = os.path.join(workdir, "redacted")
    har_dir, har_name = os.path.split(os.path.abspath(args.har))
    redacted_path = os.path.join(out_dir, har_name)
    if os.path.exists(redacted_path):
        os.remove(redacted_path)
    proc = subprocess.run([os.path.abspath(args.hush), "redact", "--propagate", "--no-progress",
                           "--out-dir", out_dir, har_name], cwd=har_dir,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0 or not os.path.exists(redacted_path):
        print("check_har: hush redact: exit %d: %s"
              % (proc.returncode, proc.stderr.decode(errors="replace").strip()))
        return 2
    with open(redacted_path, "rb") as fh:
        redacted = fh.read()
    problems = []
    try:
        red_har = json.loads(redacted)
    except ValueError as exc:
        problems.append("redacted HAR does not parse: %s" % exc)
        red_har = None
    if red_har is not None:
        if shape(red_har) != shape(har):
            problems.append("redacted HAR has another structure (keys, arrays or types)")
        if len(red_har["log"]["entries"]) != len(har["log"]["entries"]):
            problems.append("redacted HAR has %d entries, the recording %d"
                            % (len(red_har["log"]["entries"]), len(har["log"]["entries"])))
    left = Counter()
    for v in values:
        for form, needle in forms_of(v["value"]):
            n = redacted.count(needle)
            if n:
                left[(v["index"], form)] += n

    # Misses grouped by (kind, form, where), against the marks.
    got = Counter((kinds[c[0]], c[1], c[4]) for c in missed)
    marks = {(m["kind"], m["form"], m["where"]): m for m in marks_truth.get("expected_miss", [])}
    for key in sorted(set(got) | set(marks)):
        want = marks[key]["count"] if key in marks else 0
        if got[key] > want:
            problems.append("MISSED %d copy(ies) of %s (%s) at %s"
                            % (got[key] - want, key[0], key[1], key[2]))
        elif got[key] < want:
            problems.append("FOUND %d copy(ies) marked expected-to-miss: %s (%s) at %s: "
                            "drop or lower the mark in the truth file"
                            % (want - got[key], key[0], key[1], key[2]))
    marked_left = Counter()
    for (kind, form, _), m in marks.items():
        marked_left[(kind, form)] += m["count"]
    for (index, form), n in sorted(left.items()):
        allowed = marked_left[(kinds[index], form)]
        if n > allowed:
            problems.append("LEFT %d copy(ies) of value %d (%s) as %s after redact"
                            % (n - allowed, index, kinds[index], form))
    for (kind, form), allowed in sorted(marked_left.items()):
        index = next(i for i, k in kinds.items() if k == kind)
        if left[(index, form)] < allowed:
            problems.append("REDACTED %d copy(ies) of %s (%s) marked expected-to-miss: "
                            "drop or lower the mark in the truth file"
                            % (allowed - left[(index, form)], kind, form))

    # Summary: by index, kind and fingerprint only.
    print("%s: %d entries, %d values, %d copies, %d findings"
          % (os.path.basename(args.har), len(har["log"]["entries"]), len(values),
             len(all_copies), len(findings)))
    for v in values:
        mine = [c for c in all_copies if c[0] == v["index"]]
        forms = Counter(c[1] for c in mine)
        not_found = [c for c in missed if c[0] == v["index"]]
        fp = fingerprint(v["value"])
        by_fp = sum(1 for f in findings if f.get("fingerprint") == fp)
        print("  value %d %-24s fp %s: %2d copies (%s); scan covers %d, %d findings with its "
              "fingerprint; left after redact %d"
              % (v["index"], v["kind"], fp, len(mine),
                 ", ".join("%s %d" % kv for kv in sorted(forms.items())),
                 len(mine) - len(not_found), by_fp,
                 sum(n for (i, _), n in left.items() if i == v["index"])))
        for c in not_found:
            mark = marks.get((v["kind"], c[1], c[4]))
            note = " [expected: %s]" % mark["reason"] if mark else ""
            print("      missed (%s) at %s%s" % (c[1], c[4], note))

    if args.write_marks is not None:
        truth["expected_miss"] = [
            {"kind": k, "form": f, "where": w, "count": n, "reason": args.write_marks}
            for (k, f, w), n in sorted(got.items())]
        with open(args.truth, "w") as fh:
            json.dump(truth, fh, indent=2)
            fh.write("\n")
        print("check_har: %d marks written to %s" % (len(truth["expected_miss"]), args.truth))
        return 0

    for p in problems:
        print("check_har: " + p)
    print("check_har: %s" % ("FAIL" if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
