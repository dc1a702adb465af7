"""Shared pieces of the rule pack generator: pattern fragments, the rule()
and structural() constructors, and one seeded RNG per family module.

Family modules (scripts/rulepack/<family>.py, every file here but this one)
each define add_rules(); scripts/gen_rule_examples.py imports them in name
order and calls it.  Each module takes its RNG from rng_for(<module name>), so
adding an example to one family never shifts the fake values of another.
"""

import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import fakes  # noqa: E402,F401  (re-exported for family modules)

# Shared pattern pieces.  No \s anywhere (it matches newlines); every repeat bounded.
B64 = r"[A-Za-z0-9+/]"
B64URL = r"[A-Za-z0-9_-]"
# Characters of a URL query that stop at whitespace, quotes and markup.
QCHAR = r"""[^ \t\r\n"'<>#]"""
# Separator before a query parameter, raw or JSON-escaped (\u0026) as .NET writes it.
QSEP = r"(?:[?&;]|\\u0026)"
# A percent-encoded or raw base64 character of a signature.
SIGCHAR = r"(?:[A-Za-z0-9+/]|%2[BbFf])"
# `name = value`, `name: value`, `"name": "value"`, `name => value`, `name := value`, HAR `"name":"x","value":"`.
ASSIGN = (r"""(?:["']?[ \t]{0,16}(?:=>|:=|[:=])[ \t]{0,4}["']?"""
          r"""|",[ \t]{0,2}"value"[ \t]{0,2}:[ \t]{0,2}")""")
# A header `Name: value` (also as a JSON/HAR pair).
HEADER = (r"""(?:["']?[ \t]{0,4}:[ \t]{0,4}["']?"""
          r"""|",[ \t]{0,2}"value"[ \t]{0,2}:[ \t]{0,2}")""")
# Same, also accepting `=` (e.g. `authorization=Basic ...` in logs).
HEADER_EQ = (r"""(?:["']?[ \t]{0,4}[:=][ \t]{0,4}["']?"""
             r"""|",[ \t]{0,2}"value"[ \t]{0,2}:[ \t]{0,2}")""")
# A connection-string value: quoted with the quote doubled inside, or up to ';'.
# (At most one doubled quote: a repeated group would be too large for Hyperscan.)
CSVALUE = (r"""(?:'(?:[^'\r\n]{1,128}|[^'\r\n]{0,64}''[^'\r\n]{0,64})'"""
           r"""|"(?:[^"\r\n]{1,128}|[^"\r\n]{0,64}""[^"\r\n]{0,64})\""""
           r"""|[^;'" \t\r\n][^;\r\n"]{0,127})""")

KV_SUFFIX = (r"(?:vault\.azure\.net|vault\.azure\.cn|vault\.usgovcloudapi\.net"
             r"|vault\.microsoftazure\.de|managedhsm\.azure\.net|managedhsm\.azure\.cn"
             r"|managedhsm\.usgovcloudapi\.net)")

MS_SECRET_SCANNING = "https://learn.microsoft.com/en-us/purview/sit-defn-all-creds"

# Alphabets and regex pieces several families use.
LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
B64URL_CHARS = fakes.ALNUM + "_-"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# Like ASSIGN, but also allows aligned values (`key:           "value"`).
ASSIGN_WIDE = (r"""(?:["']?[ \t]{0,16}(?:=>|:=|[:=])[ \t]{0,16}["']?"""
               r"""|",[ \t]{0,2}"value"[ \t]{0,2}:[ \t]{0,2}")""")

FILES = {}


class Fakes:
    """Random values from one family's RNG (values never contain the
    placeholder markers, see fakes._choose)."""

    def __init__(self, rng):
        self.rng = rng

    def choose(self, alphabet, n):
        return fakes._choose(self.rng, alphabet, n)

    def alnum(self, n):
        return fakes._choose(self.rng, fakes.ALNUM, n)

    def hex(self, n):
        return fakes._choose(self.rng, fakes.HEX, n)

    def b64url(self, n):
        """Base64url characters, never starting or ending with '-' or '_', so
        a \\b-delimited pattern sees the whole value."""
        while True:
            v = fakes._choose(self.rng, B64URL_CHARS, n)
            if v[0] not in "-_" and v[-1] not in "-_":
                return v

RULE_FIELDS = ("secret_group", "keywords", "entropy_min", "validator", "score", "multiline",
               "opener", "redact")


def rng_for(family):
    """The fixed-seed RNG of one family module (seed: CRC32 of its name)."""
    return fakes.make_rng(zlib.crc32(family.encode()))


def rule(file, id, name, confidence, pattern, examples, negatives, references,
         **extra):
    r = {"id": id, "name": name, "confidence": confidence, "pattern": pattern}
    for key in RULE_FIELDS:
        if key in extra:
            r[key] = extra.pop(key)
    if extra:
        raise SystemExit("unknown fields in %s: %s" % (id, sorted(extra)))
    r["examples"] = examples
    r["negative_examples"] = negatives
    r["references"] = references
    FILES.setdefault(file, []).append(r)


def structural(file, id, name, confidence, kind, names, examples, negatives, references):
    r = {"id": id, "name": name, "confidence": confidence,
         "structure": {"kind": kind, "names": names} if names else {"kind": kind},
         "examples": examples, "negative_examples": negatives, "references": references}
    FILES.setdefault(file, []).append(r)
