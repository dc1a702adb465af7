"""Shared pieces of the rule pack generator: pattern fragments, the rule()
and structural() constructors, and the seeded RNGs the examples come from.

Each scripts/rulepack/<name>.py (every file here but this one) writes
patterns/<name>.json and nothing else: it defines add_rules(), which calls
rule() and structural() once per rule, in file order.
scripts/gen_rule_examples.py calls collect(module.add_rules) and writes the
rules it returns.

Example values come from fixed-seed RNGs (rng_for), so a re-run gives the
same bytes.  Several files used to share one RNG, in one long sequence of
draws; a part of such a file now starts its RNG at the position that
sequence had reached (`skip`), so its values stayed byte-identical when the
rules moved, and a new draw in one file no longer shifts the values of
another.  Stream names ("cloud", "devtools_cicd", "commerce", ...) are the
names of the modules that first drew from them: they are seeds, not files.
"""

import os
import string
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
ALNUM = fakes.ALNUM
HEX = fakes.HEX
B64CHARS = fakes.ALNUM + "+/"
LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
B64URL_CHARS = fakes.ALNUM + "_-"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UUID_ANYCASE = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# `name value` as on a command line (`-vaultToken s.xxx`, `--token abc.def`), besides ASSIGN.
SEP = r"(?:" + ASSIGN + r"""|["']?[ \t]{1,4}["'`]?)"""
# A separator that also accepts a positional argument pair such as
# `('sonar.login', 'value')` besides everything ASSIGN takes.
ASSIGN_OR_COMMA = (r"""(?:["']?[ \t]{0,4}(?:=>|:=|[:=,])[ \t]{0,4}["']?"""
                   r"""|",[ \t]{0,2}"value"[ \t]{0,2}:[ \t]{0,2}")""")
# The rest of a key name after a vendor word (`SLACK_SIGNING_`, `.Api`, `-server-`).
NAME = r"[a-z0-9_.-]{0,24}"
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Like ASSIGN, but also allows aligned values (`key:           "value"`).
ASSIGN_WIDE = (r"""(?:["']?[ \t]{0,16}(?:=>|:=|[:=])[ \t]{0,16}["']?"""
               r"""|",[ \t]{0,2}"value"[ \t]{0,2}:[ \t]{0,2}")""")

# The seed of the RNG that the first pack's rules (Azure, Entra, Power
# Platform, Teams, auth, PEM and the first AWS, GitHub, Slack, Stripe,
# Google, SendGrid, Twilio, npm, generic and structural rules) shared.
FIRST_PACK_SEED = 20240611

_collected = None


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

    def digits(self, n):
        """n decimal digits, the first not 0 (an id, not a zero-padded number)."""
        return str(self.rng.randint(1, 9)) + fakes._choose(self.rng, string.digits, n - 1)

    def b64url(self, n):
        """Base64url characters, never starting or ending with '-' or '_', so
        a \\b-delimited pattern sees the whole value."""
        while True:
            v = fakes._choose(self.rng, B64URL_CHARS, n)
            if v[0] not in "-_" and v[-1] not in "-_":
                return v

RULE_FIELDS = ("secret_group", "keywords", "entropy_min", "validator", "score", "multiline",
               "opener", "redact", "failed_confidence")


def skipped(rng, words):
    """rng after `words` 32-bit draws, discarded.  Every draw of
    random.Random (choice, randrange, randint, getrandbits) consumes whole
    32-bit words, so this is the state the RNG had after that many."""
    for _ in range(words):
        rng.getrandbits(32)
    return rng


def rng_for(stream, skip=0):
    """The fixed-seed RNG named `stream` (seed: CRC32 of the name), `skip`
    words into its sequence (see skipped())."""
    return skipped(fakes.make_rng(zlib.crc32(stream.encode())), skip)


def first_pack_rng(skip):
    """The first pack's RNG, `skip` words into its sequence: where the old
    single generator had got to when it wrote the rules that use it."""
    return skipped(fakes.make_rng(FIRST_PACK_SEED), skip)


def provider_key(names):
    """A key name that contains the provider word: `MISTRAL_API_KEY=`,
    `"mistralApiKey": "`, `mistral.api_key = '`."""
    return r"(?i:" + names + r")" + ASSIGN


def alnum(rng, n):
    return fakes._choose(rng, fakes.ALNUM, n)


def hexs(rng, n):
    return fakes._choose(rng, fakes.HEX, n)


def urlsafe(rng, n):
    """Random URL-safe characters that start and end alphanumeric (so a word
    boundary after the value holds in examples)."""
    if n < 3:
        return alnum(rng, n)
    return alnum(rng, 1) + fakes._choose(rng, fakes.ALNUM + "-_", n - 2) + alnum(rng, 1)


def drawers(rng):
    """h(n), an(n, alphabet) and uuid(): hex, alphanumeric (or `alphabet`)
    and GUID fake values drawn from rng, short for examples that need many."""
    def h(n):
        return fakes._choose(rng, fakes.HEX, n)

    def an(n, alphabet=fakes.ALNUM):
        return fakes._choose(rng, alphabet, n)

    def uuid():
        return fakes.guid(rng)

    return h, an, uuid


def end_not(cls):
    """The end of a value whose alphabet is `cls` (a character-class body,
    '-' last): the next byte is not in it, or the line ends.  Keeps a
    fixed-length value from matching the front of a longer one without
    pulling in a newline."""
    return r"(?:[^\r\n" + cls + r"]|$)"


END_B64 = end_not(r"A-Za-z0-9+/=")
END_B64URL = end_not(r"A-Za-z0-9_=-")


def collect(add_rules):
    """The rules add_rules() makes with rule() and structural(), in order."""
    global _collected
    _collected = []
    try:
        add_rules()
        return _collected
    finally:
        _collected = None


def _add(r):
    if _collected is None:
        raise SystemExit("rule %s made outside collect()" % r["id"])
    _collected.append(r)


def rule(id, name, confidence, pattern, examples, negatives, references,
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
    _add(r)


def structural(id, name, confidence, kind, names, examples, negatives, references,
               score=None):
    r = {"id": id, "name": name, "confidence": confidence,
         "structure": {"kind": kind, "names": names} if names else {"kind": kind}}
    if score:
        r["score"] = score
    r.update({"examples": examples, "negative_examples": negatives, "references": references})
    _add(r)
