#!/usr/bin/env python3
"""Fake secret generators for hush tests, rule examples and corpus samples.

Every value is generated here: format-valid (lengths, alphabets, checksums
computed) but random and never issued by any provider.  Callers should also make
the surrounding text obviously fake (hosts under example.com / contoso, user
names like hush-example, a "hush test" comment).

Values never contain the substring "EXAMPLE": hush treats it as the marker of
vendor documentation examples and would suppress the finding.

Library use:
    import fakes
    rng = fakes.make_rng(7)          # or rely on the module default (seed 4711)
    token = fakes.github_token(rng=rng)

Command line:
    python3 scripts/fakes.py list
    python3 scripts/fakes.py github-pat [--seed N] [--count N]   (default seed 4711)

Only the standard library is used.
"""

import base64
import hashlib
import json
import random
import string
import sys
import zlib

DEFAULT_SEED = 4711

BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
BASE32_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
BASE32_LOWER = BASE32_UPPER.lower()
BASE64_STD = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
ENTRA_ALPHABET = string.ascii_lowercase + string.ascii_uppercase + "1234567890.-_~"
ENTRA_SEED = int.from_bytes(b"AadPwd00", "big")

_default_rng = random.Random(DEFAULT_SEED)


def make_rng(seed=DEFAULT_SEED):
    """A private random.Random with a fixed seed, for reproducible fixtures."""
    return random.Random(seed)


def _rng(rng):
    return rng if rng is not None else _default_rng


def _choose(rng, alphabet, n):
    rng = _rng(rng)
    while True:
        value = "".join(rng.choice(alphabet) for _ in range(n))
        # Keep values clear of the placeholder markers hush suppresses.
        if "EXAMPLE" not in value.upper() and "XXXX" not in value.upper():
            return value


def _bytes(rng, n):
    rng = _rng(rng)
    return bytes(rng.getrandbits(8) for _ in range(n))


def _b64(rng, nbytes, urlsafe=False, pad=True):
    while True:
        raw = _bytes(rng, nbytes)
        text = (base64.urlsafe_b64encode(raw) if urlsafe else base64.b64encode(raw)).decode()
        if not pad:
            text = text.rstrip("=")
        if "EXAMPLE" not in text.upper() and "XXXX" not in text.upper():
            return text


def guid(rng=None):
    h = _choose(rng, HEX, 32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


# ---- checksums -------------------------------------------------------------

def base62_encode(value, width):
    """Most significant digit first, left-padded with '0' to `width`."""
    digits = []
    while value:
        value, r = divmod(value, 62)
        digits.append(BASE62[r])
    return "".join(reversed(digits)).rjust(width, "0")


def crc32_base62(body):
    """GitHub / npm token checksum: CRC32 (IEEE) of the random part, base62, 6 chars."""
    return base62_encode(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)


_M32 = 0xFFFFFFFF


def _rotl(v, s):
    return ((v << s) | (v >> (32 - s))) & _M32


def _marvin_block(p0, p1):
    p1 ^= p0
    p0 = _rotl(p0, 20)
    p0 = (p0 + p1) & _M32
    p1 = _rotl(p1, 9)
    p1 ^= p0
    p0 = _rotl(p0, 27)
    p0 = (p0 + p1) & _M32
    p1 = _rotl(p1, 19)
    return p0, p1


def marvin32(data, seed):
    """Marvin32 as in .NET / Microsoft.Security.Utilities: 64-bit result (p1 << 32 | p0)."""
    p0 = seed & _M32
    p1 = (seed >> 32) & _M32
    full = len(data) // 4
    for i in range(full):
        p0 = (p0 + int.from_bytes(data[4 * i:4 * i + 4], "little")) & _M32
        p0, p1 = _marvin_block(p0, p1)
    tail = data[4 * full:]
    # The final partial word is padded with a 0x80 marker byte.
    p0 = (p0 + int.from_bytes(tail + b"\x80", "little")) & _M32
    p0, p1 = _marvin_block(p0, p1)
    p0, p1 = _marvin_block(p0, p1)
    return (p1 << 32) | p0


def marvin32_fold(data, seed):
    """The 32-bit form: high half XOR low half."""
    h = marvin32(data, seed)
    return (h >> 32) ^ (h & _M32)


def entra_checksum(first37):
    """Three checksum chars of a current-form Entra client secret.

    Checked against the public test vector
    zzz8Q~zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzblP (Microsoft.Security.Utilities):
    seed = ASCII "AadPwd00" read big-endian, Marvin32 folded to 32 bits,
    six base-66 digits most significant first, the first three kept.
    """
    value = marvin32_fold(first37.encode(), ENTRA_SEED)
    digits = []
    for _ in range(6):
        value, r = divmod(value, 66)
        digits.append(ENTRA_ALPHABET[r])
    return "".join(reversed(digits))[:3]


# ---- Microsoft / Azure / Power Platform ------------------------------------

def entra_client_secret(rng=None):
    """40 chars: 3 random, '8Q~', 31 random, 3 checksum chars."""
    rng = _rng(rng)
    while True:
        body = _choose(rng, ENTRA_ALPHABET[:62], 3) + "8Q~" + _choose(rng, ENTRA_ALPHABET, 31)
        # Values whose folded hash has the top bit set would checksum
        # differently if an implementation treated it as a signed int; avoid
        # them so fixtures hold under either reading.
        if marvin32_fold(body.encode(), ENTRA_SEED) < 0x80000000:
            return body + entra_checksum(body)


def entra_client_secret_bad_checksum(rng=None):
    good = entra_client_secret(rng)
    last = good[-1]
    return good[:-1] + ("a" if last != "a" else "b")


def entra_client_secret_legacy(rng=None):
    """Legacy 37-char form: 3 random, '7Q~', 31 random; no checksum."""
    return _choose(rng, ENTRA_ALPHABET[:62], 3) + "7Q~" + _choose(rng, ENTRA_ALPHABET, 31)


def storage_account_key(rng=None):
    """88 base64 chars ending '==' (64 random bytes)."""
    return _b64(rng, 64)


def sas_signature(rng=None):
    """Storage SAS `sig`: base64 of 32 bytes (44 chars, one '=')."""
    return _b64(rng, 32)


def sas_signature_percent(rng=None):
    """The same, percent-encoded as it appears in URLs."""
    sig = sas_signature(rng)
    return sig.replace("%", "%25").replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def logic_apps_sig(rng=None):
    """Logic Apps / Power Automate trigger `sig`: 43 base64url chars (32 bytes, unpadded)."""
    return _b64(rng, 32, urlsafe=True, pad=False)


def shared_access_key(rng=None):
    """Service Bus / Event Hubs / Relay / IoT SharedAccessKey: 44 base64 chars."""
    return _b64(rng, 32)


def cosmos_key(rng=None):
    return _b64(rng, 64)


def function_key(rng=None):
    """Azure Functions key: 56 url-safe base64 chars (54 + '==')."""
    return _b64(rng, 40, urlsafe=True)


def apim_key(rng=None):
    return _choose(rng, HEX, 32)


def openai_key(rng=None):
    return _choose(rng, HEX, 32)


ADO_USER_PAT_MAGIC = 0xE0B9692D


def _base32_decode_pat(text):
    """52 base32 chars (a-z2-7) to 32 bytes, most significant bit first; the
    last 4 bits are dropped, as Azure DevOps reads them."""
    acc = bits = 0
    out = bytearray()
    for ch in text:
        acc = (acc << 5) | BASE32_LOWER.index(ch)
        bits += 5
        if bits >= 8 and len(out) < 32:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
            acc &= (1 << bits) - 1
    return out, acc, bits


def _base32_encode_pat(data, tail_bits, tail_count):
    acc = bits = 0
    out = []
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append(BASE32_LOWER[(acc >> bits) & 31])
            acc &= (1 << bits) - 1
    acc = (acc << tail_count) | tail_bits
    bits += tail_count
    out.append(BASE32_LOWER[acc & 31])
    return "".join(out)


def ado_pat_checksum(data, magic=ADO_USER_PAT_MAGIC):
    """CRC32 of the 28 bytes around bytes 2, 7, 8, 22, XOR magic (Microsoft.Security.Utilities AdoPat)."""
    token = bytes(data[0:2] + data[3:7] + data[9:22] + data[23:32])
    return (zlib.crc32(token) & 0xFFFFFFFF) ^ magic


def devops_pat_legacy(rng=None):
    """Legacy 52-char Azure DevOps PAT: base32 of 32 bytes whose bytes 2, 7,
    8 and 22 carry the checksum (user-PAT constant).  Same RNG draws as the
    earlier random-only version; only the checksum characters differ."""
    text = _choose(rng, BASE32_LOWER, 52)
    data, tail, tail_n = _base32_decode_pat(text)
    c = ado_pat_checksum(data)
    data[2], data[7], data[8], data[22] = c >> 24, (c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF
    return _base32_encode_pat(data, tail, tail_n)


def devops_pat_legacy_bad_checksum(rng=None):
    good = devops_pat_legacy(rng)
    # Character 4 holds bits of byte 2, one of the checksum bytes.
    return good[:4] + ("a" if good[4] != "a" else "b") + good[5:]


MS_SEED_DEFAULT = int.from_bytes(b"Default0", "big")


def _b64_no_plus_slash(text):
    return "+" not in text and "/" not in text


def ms_common_annotated_key(signature="AZDO", rng=None):
    """New-style 84-char Microsoft key: 52 random, 'JQQJ99', year (A = 2024),
    month A-L, 16 reserved, 4-char provider signature, then 4 checksum chars:
    base64 of the first 3 little-endian bytes of Marvin32 (seed "Default0")
    of the 60 bytes the first 80 characters encode.  Same RNG draws as the
    earlier version (year char now read as years since 2024)."""
    rng = _rng(rng)
    year = BASE64_STD[rng.randrange(24, 30) - 24]
    month = "ABCDEFGHIJKL"[rng.randrange(12)]
    body = _choose(rng, ALNUM, 52) + "JQQJ99" + year + month + _choose(rng, ALNUM, 16) + signature
    _choose(rng, ALNUM, 4)  # the draw the random checksum used to take
    # Base64 may give '+' or '/', which the format leaves out: step one
    # reserved character deterministically until the checksum is alphanumeric.
    for step in range(len(ALNUM)):
        c = marvin32_fold(base64.b64decode(body), MS_SEED_DEFAULT)
        check = base64.b64encode(c.to_bytes(4, "little")[:3]).decode()
        if _b64_no_plus_slash(check):
            return body + check
        i = ALNUM.index(body[75])
        body = body[:75] + ALNUM[(i + 1) % len(ALNUM)] + body[76:]
    raise AssertionError("no alphanumeric checksum")


def ms_common_annotated_key_bad_checksum(signature="AZDO", rng=None):
    good = ms_common_annotated_key(signature, rng)
    return good[:-1] + ("A" if good[-1] != "A" else "B")


# Identifiable keys (Microsoft.Security.Utilities IdentifiableMetadata):
# signature, key length in bytes, URL-safe alphabet, checksum seed name.
MS_IDENTIFIABLE_KINDS = {
    "storage": ("+ASt", 64, False, b"Default0"),
    "cosmos": ("ACDb", 64, False, b"MastRW00"),
    "batch": ("+ABa", 64, False, b"AbAcct00"),
    "apim": ("APIM", 64, False, b"Tenant00"),
    "ml-classic": ("/AM7", 64, False, b"Classic0"),
    "servicebus": ("+ASb", 32, False, b"Manage00"),
    "eventhubs": ("+AEh", 32, False, b"Send0000"),
    "relay": ("+ARm", 32, False, b"Listen00"),
    "iothub": ("AIoT", 32, False, b"IoTHub00"),
    "redis": ("AzCa", 32, False, b"Access00"),
    "eventgrid": ("AZEG", 32, False, b"Default0"),
    "search": ("AzSe", 39, False, b"Query000"),
    "acr": ("+ACR", 39, False, b"ACRDflt0"),
    "functions": ("AzFu", 40, True, b"Functi00"),
}


def ms_identifiable_key(kind="storage", rng=None):
    """A Microsoft identifiable key: random bytes, the signature placed so it
    shows in the encoded text just before the 6 checksum characters, then
    the Marvin32 checksum of all but the last 4 bytes, little-endian."""
    signature, size, url, seed_name = MS_IDENTIFIABLE_KINDS[kind]
    seed = int.from_bytes(seed_name, "big")
    while True:
        data = bytearray(_bytes(rng, size))
        spill = ((size - 7) * 8) % 6
        sig = int.from_bytes(base64.b64decode(signature), "big")
        word = (data[size - 8] << 24) & ~((1 << (24 + spill)) - (1 << 24)) & 0xFFFFFFFF
        word |= sig << spill
        data[size - 8:size - 4] = word.to_bytes(4, "big")
        c = marvin32_fold(bytes(data[:size - 4]), seed)
        data[size - 4:] = c.to_bytes(4, "little")
        text = (base64.urlsafe_b64encode(data) if url else base64.b64encode(data)).decode()
        if "EXAMPLE" not in text.upper() and "XXXX" not in text.upper():
            return text


def ms_identifiable_key_bad_checksum(kind="storage", rng=None):
    """The same with one random character (not signature or checksum) changed."""
    good = ms_identifiable_key(kind, rng)
    return ("B" if good[0] != "B" else "C") + good[1:]


def keyvault_url(vault="hush-example-kv", suffix="vault.azure.net", kind="secrets",
                 name="hush-fake-secret", version=True, port=False, rng=None):
    url = "https://%s.%s%s/%s/%s" % (vault, suffix, ":443" if port else "", kind, name)
    if version:
        url += "/" + _choose(rng, HEX, 32)
    return url


def logic_apps_trigger_url(region="westeurope", rng=None):
    wf = _choose(rng, HEX, 32)
    n = _rng(rng).randrange(10, 99)
    return ("https://prod-%02d.%s.logic.azure.com:443/workflows/%s/triggers/manual/paths/invoke"
            "?api-version=2016-10-01&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=%s"
            % (n, region, wf, logic_apps_sig(rng)))


def power_automate_trigger_url(rng=None):
    env = _choose(rng, HEX, 32)
    wf = _choose(rng, HEX, 32)
    return ("https://%s.%s.environment.api.powerplatform.com:443/powerautomate/automations/direct"
            "/workflows/%s/triggers/manual/paths/invoke?api-version=1&sp=%%2Ftriggers%%2Fmanual"
            "%%2Frun&sv=1.0&sig=%s" % (env[:30], env[30:], wf, logic_apps_sig(rng)))


def logic_apps_standard_trigger_url(site="hush-example-la", rng=None):
    return ("https://%s.azurewebsites.net:443/api/order-flow/triggers/When_a_HTTP_request_is_received"
            "/invoke?api-version=2022-05-01&sp=%%2Ftriggers%%2FWhen_a_HTTP_request_is_received%%2Frun"
            "&sv=1.0&sig=%s" % (site, logic_apps_sig(rng)))


def run_content_link(kind="ActionOutputs", rng=None):
    run = "08585" + _choose(rng, string.digits, 20) + "CU" + _choose(rng, string.digits, 2)
    wf = _choose(rng, HEX, 32)
    return ("https://prod-07.westeurope.logic.azure.com:443/workflows/%s/runs/%s/actions/HTTP"
            "/contents/%s?api-version=2016-10-01&se=2031-01-01T00%%3A00%%3A00.0000000Z"
            "&sp=%%2Fruns%%2F%s%%2Factions%%2FHTTP%%2Fcontents%%2F%s%%2Fread&sv=1.0&sig=%s"
            % (wf, run, kind, run, kind, logic_apps_sig(rng)))


def run_content_link_url(workflow, run, action=None, kind="ActionOutputs",
                         host="prod-07.westeurope.logic.azure.com", api_version="2016-06-01",
                         expires="2026-05-21T09:00:00.0000000Z", rng=None):
    """A run-history content link for a given workflow id (32 hex), run and
    action (None: the trigger), as the list-run-actions API returns it; the
    `sig` is a fresh 43-char base64url signature."""
    where = "/actions/%s" % action if action else ""
    sp = "/runs/%s%s/contents/%s/read" % (run, where, kind)
    return ("https://%s:443/workflows/%s/runs/%s%s/contents/%s?api-version=%s&se=%s&sp=%s"
            "&sv=1.0&sig=%s" % (host, workflow, run, where, kind, api_version,
                                expires.replace(":", "%3A"), sp.replace("/", "%2F"),
                                logic_apps_sig(rng)))


def entra_client_info(rng=None):
    """MSAL `client_info`: base64url of {"uid","utid"} (not a secret: two ids)."""
    return _b64url_json({"uid": guid(rng), "utid": guid(rng)})


def form_urlencode(value):
    """application/x-www-form-urlencoded serialization of one value, as
    browsers' URLSearchParams write it: A-Z a-z 0-9 * - . _ kept, space as
    '+', every other byte %XX (so '~' of an Entra secret becomes %7E)."""
    keep = set(ALNUM + "*-._")
    out = []
    for byte in value.encode():
        ch = chr(byte)
        out.append(ch if ch in keep else "+" if ch == " " else "%%%02X" % byte)
    return "".join(out)


def teams_webhook_url(org="contoso", rng=None):
    return ("https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s"
            % (org, guid(rng), guid(rng), _choose(rng, HEX, 32), guid(rng)))


def teams_webhook_url_legacy(rng=None):
    return ("https://outlook.office.com/webhook/%s@%s/IncomingWebhook/%s/%s"
            % (guid(rng), guid(rng), _choose(rng, HEX, 32), guid(rng)))


def entra_refresh_token(rng=None):
    """Opaque refresh-token-like value: '0.A' + a few hundred base64url chars."""
    rng = _rng(rng)
    return "0.A" + _b64(rng, 240, urlsafe=True, pad=False)


def password(rng=None, length=16):
    """A random password-looking value (mixed classes, high entropy)."""
    rng = _rng(rng)
    return _choose(rng, ALNUM + "!#$%*+-.?@^_", length)


# ---- common providers -------------------------------------------------------

def aws_access_key_id(prefix="AKIA", rng=None):
    return prefix + _choose(rng, BASE32_UPPER, 16)


def aws_secret_access_key(rng=None):
    return _choose(rng, ALNUM + "+/", 40)


def github_token(prefix="ghp_", rng=None):
    """Classic GitHub token: prefix + 30 base62 + 6-char base62 CRC32 of the 30."""
    body = _choose(rng, ALNUM, 30)
    return prefix + body + crc32_base62(body)


def github_token_bad_checksum(prefix="ghp_", rng=None):
    good = github_token(prefix, rng)
    last = good[-1]
    return good[:-1] + ("0" if last != "0" else "1")


def github_fine_grained_pat(rng=None):
    return "github_pat_" + _choose(rng, ALNUM, 22) + "_" + _choose(rng, ALNUM, 59)


def npm_token(rng=None):
    """npm_ + 30 base62 + 6-char base62 CRC32 (same scheme as GitHub)."""
    body = _choose(rng, ALNUM, 30)
    return "npm_" + body + crc32_base62(body)


def npm_token_bad_checksum(rng=None):
    good = npm_token(rng)
    return good[:-1] + ("0" if good[-1] != "0" else "1")


def _macaroon_field(kind, data):
    n = len(data)
    varint = bytearray()
    while True:
        varint.append((n & 0x7F) | (0x80 if n >= 0x80 else 0))
        n >>= 7
        if not varint[-1] & 0x80:
            break
    return bytes([kind]) + bytes(varint) + data


def pypi_token(location="pypi.org", rng=None):
    """PyPI upload token: "pypi-" + unpadded base64url of a binary v2
    macaroon (version 2; location and identifier; one caveat; signature of
    32 random bytes), as PyPI issues them.  Fake: nothing signed it."""
    rng = _rng(rng)
    ident = guid(rng).encode()
    caveat = json.dumps({"version": 1, "permissions": "user"}).encode()
    macaroon = (b"\x02" + _macaroon_field(1, location.encode()) + _macaroon_field(2, ident) +
                b"\x00" + _macaroon_field(2, caveat) + b"\x00" + b"\x00" +
                _macaroon_field(6, _bytes(rng, 32)))
    return "pypi-" + base64.urlsafe_b64encode(macaroon).decode().rstrip("=")


def pypi_token_bad_structure(rng=None):
    """A PyPI-shaped token whose macaroon is cut short (the signature lost)."""
    return pypi_token(rng=rng)[:-20]


def slack_token(prefix="xoxb", rng=None):
    rng = _rng(rng)
    a = _choose(rng, string.digits, 12)
    b = _choose(rng, string.digits, 13)
    if prefix == "xoxp":
        return "xoxp-%s-%s-%s-%s" % (a, b, _choose(rng, string.digits, 13), _choose(rng, HEX, 32))
    return "%s-%s-%s-%s" % (prefix, a, b, _choose(rng, ALNUM, 24))


def slack_webhook_url(rng=None):
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (
        _choose(rng, BASE32_UPPER, 10), _choose(rng, BASE32_UPPER, 10), _choose(rng, ALNUM, 24))


def stripe_key(prefix="sk_live_", rng=None):
    return prefix + _choose(rng, ALNUM, 99 if prefix.startswith("rk") else 24)


def google_api_key(rng=None):
    return "AIza" + _choose(rng, ALNUM + "_-", 35)


def google_oauth_client_secret(rng=None):
    return "GOCSPX-" + _choose(rng, ALNUM + "_-", 28)


def sendgrid_key(rng=None):
    return "SG." + _choose(rng, ALNUM + "_-", 22) + "." + _choose(rng, ALNUM + "_-", 43)


def twilio_api_key_sid(rng=None):
    return "SK" + _choose(rng, HEX, 32)


def twilio_account_sid(rng=None):
    return "AC" + _choose(rng, HEX, 32)


def twilio_auth_token(rng=None):
    return _choose(rng, HEX, 32)


def _b64url_json(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def jwt(rng=None, tenant=None, exp=1893456000, issuer_v2=True):
    """An Entra-shaped JWT with fake claims and a random (invalid) RS256 signature."""
    rng = _rng(rng)
    tid = tenant or guid(rng)
    header = {"typ": "JWT", "alg": "RS256", "kid": _choose(rng, ALNUM, 27)}
    iss = ("https://login.microsoftonline.com/%s/v2.0" % tid if issuer_v2
           else "https://sts.windows.net/%s/" % tid)
    payload = {"aud": "api://hush-example-api", "iss": iss, "iat": exp - 3600,
               "nbf": exp - 3600, "exp": exp, "appid": guid(rng), "tid": tid,
               "oid": guid(rng), "name": "hush test user", "ver": "2.0"}
    sig = _b64(rng, 256, urlsafe=True, pad=False)
    return "%s.%s.%s" % (_b64url_json(header), _b64url_json(payload), sig)


def basic_auth_header_value(user="hush-example", rng=None):
    return base64.b64encode(("%s:%s" % (user, password(rng))).encode()).decode()


def _der(tag, content):
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        size = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(size)]) + size
    return bytes([tag]) + length + content


def _der_int(raw):
    """A positive, minimally encoded INTEGER with random content."""
    return _der(0x02, bytes([(raw[0] & 0x7F) | 0x01]) + raw[1:])


_OID_RSA = bytes.fromhex("06092a864886f70d010101")
_OID_PRIME256V1 = bytes.fromhex("06082a8648ce3d030107")
_OID_PBES2 = bytes.fromhex("06092a864886f70d01050d")
_OID_PBKDF2 = bytes.fromhex("06092a864886f70d01050c")
_OID_AES256_CBC = bytes.fromhex("0609608648016503040102")


def _ssh_string(data):
    return len(data).to_bytes(4, "big") + data


def _key_structure(kind, raw, filler):
    """The structure of a `kind` key with random parts from `raw` and one
    variable-size random part of `filler` bytes (sized by the caller)."""
    pos = [0]
    cycled = raw * 2

    def rand(n):
        start = pos[0]
        pos[0] = (start + n) % len(raw)
        return cycled[start:start + n]
    if kind == "RSA PRIVATE KEY":
        ints = [bytes([0]), rand(64), bytes([1, 0, 1]), rand(filler)] + [rand(16) for _ in range(5)]
        return _der(0x30, b"".join(_der(0x02, i) if len(i) < 4 else _der_int(i) for i in ints))
    if kind == "DSA PRIVATE KEY":
        ints = [rand(filler)] + [rand(20) for _ in range(4)]
        return _der(0x30, _der(0x02, b"\0") + b"".join(_der_int(i) for i in ints))
    if kind == "EC PRIVATE KEY":
        return _der(0x30, _der(0x02, b"\1") + _der(0x04, rand(32)) + _der(0xA0, _OID_PRIME256V1) +
                    _der(0xA1, _der(0x03, b"\0\4" + rand(filler))))
    if kind == "PRIVATE KEY":
        return _der(0x30, _der(0x02, b"\0") + _der(0x30, _OID_RSA + b"\5\0") +
                    _der(0x04, rand(filler)))
    if kind == "ENCRYPTED PRIVATE KEY":
        kdf = _der(0x30, _OID_PBKDF2 + _der(0x30, _der(0x04, rand(8)) + _der(0x02, b"\x08\x00")))
        cipher = _der(0x30, _OID_AES256_CBC + _der(0x04, rand(16)))
        alg = _der(0x30, _OID_PBES2 + _der(0x30, kdf + cipher))
        return _der(0x30, alg + _der(0x04, rand(filler)))
    if kind == "OPENSSH PRIVATE KEY":
        public = _ssh_string(b"ssh-ed25519") + _ssh_string(rand(32))
        return (b"openssh-key-v1\0" + _ssh_string(b"none") + _ssh_string(b"none") +
                _ssh_string(b"") + (1).to_bytes(4, "big") + _ssh_string(public) +
                _ssh_string(rand(filler)))
    return None


def _key_of_size(kind, raw):
    """A structure exactly len(raw) bytes long, or None for kinds without one."""
    for filler in range(len(raw), 0, -1):
        der = _key_structure(kind, raw, filler)
        if der is None:
            return None
        if len(der) == len(raw):
            return der
    return None


def pem_private_key(kind="RSA PRIVATE KEY", lines=12, rng=None):
    """A PEM block whose body is random content inside the structure of its
    kind (DER for RSA, EC, DSA, PKCS#8, encrypted PKCS#8; openssh-key-v1),
    so it parses but is not a usable key.  Other kinds (PGP) get random
    bytes.  The same RNG draws as the earlier random-only version."""
    rng = _rng(rng)
    raw = _bytes(rng, 48 * lines)
    raw = _key_of_size(kind, raw) or raw
    body = base64.b64encode(raw).decode()
    chunks = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, "\n".join(chunks), kind)


def pem_private_key_json_escaped(kind="PRIVATE KEY", lines=8, rng=None):
    return pem_private_key(kind, lines, rng).replace("\n", "\\n")


def pem_cut_short(pem, keep=4):
    """A PEM block cut off as a log line limit cuts it: the BEGIN line and
    the first `keep` body lines, no END line."""
    return "\n".join(pem.split("\n")[:1 + keep])


def pem_lines_missing(pem, first=2, count=2):
    """A PEM block with `count` body lines missing from body line `first`
    on (1-based): its DER no longer parses."""
    lines = pem.split("\n")
    return "\n".join(lines[:first] + lines[first + count:])


def pem_log_prefixed(pem, prefix="2026-12-08T10:00:00Z app[123]: "):
    """A PEM block logged line by line: `prefix` before every line."""
    return "\n".join(prefix + line for line in pem.split("\n"))


def fingerprint_hint(value):
    """Short non-reversible tag of a value, for logs in generator scripts."""
    return hashlib.sha256(value.encode()).hexdigest()[:8]


GENERATORS = {
    "entra-client-secret": entra_client_secret,
    "entra-client-secret-bad": entra_client_secret_bad_checksum,
    "entra-client-secret-legacy": entra_client_secret_legacy,
    "storage-account-key": storage_account_key,
    "sas-sig": sas_signature,
    "sas-sig-percent": sas_signature_percent,
    "logic-apps-sig": logic_apps_sig,
    "logic-apps-url": logic_apps_trigger_url,
    "power-automate-url": power_automate_trigger_url,
    "logic-apps-standard-url": logic_apps_standard_trigger_url,
    "run-content-link": run_content_link,
    "shared-access-key": shared_access_key,
    "cosmos-key": cosmos_key,
    "function-key": function_key,
    "apim-key": apim_key,
    "openai-key": openai_key,
    "devops-pat-legacy": devops_pat_legacy,
    "devops-pat-legacy-bad": devops_pat_legacy_bad_checksum,
    "ms-84-key": ms_common_annotated_key,
    "ms-84-key-bad": ms_common_annotated_key_bad_checksum,
    "ms-identifiable-key": ms_identifiable_key,
    "ms-identifiable-key-bad": ms_identifiable_key_bad_checksum,
    "pypi-token": pypi_token,
    "pypi-token-bad": pypi_token_bad_structure,
    "npm-token-bad": npm_token_bad_checksum,
    "keyvault-url": keyvault_url,
    "teams-webhook": teams_webhook_url,
    "teams-webhook-legacy": teams_webhook_url_legacy,
    "refresh-token": entra_refresh_token,
    "password": password,
    "aws-access-key-id": aws_access_key_id,
    "aws-secret-access-key": aws_secret_access_key,
    "github-pat": github_token,
    "github-pat-bad": github_token_bad_checksum,
    "github-fine-grained": github_fine_grained_pat,
    "npm-token": npm_token,
    "slack-bot-token": slack_token,
    "slack-webhook": slack_webhook_url,
    "stripe-secret-key": stripe_key,
    "google-api-key": google_api_key,
    "google-oauth-secret": google_oauth_client_secret,
    "sendgrid-key": sendgrid_key,
    "twilio-api-key": twilio_api_key_sid,
    "twilio-account-sid": twilio_account_sid,
    "twilio-auth-token": twilio_auth_token,
    "jwt": jwt,
    "basic-auth": basic_auth_header_value,
    "pem-private-key": pem_private_key,
    "pem-private-key-json": pem_private_key_json_escaped,
    "guid": guid,
}


def _self_test():
    assert entra_checksum("zzz8Q~zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz") == "blP"
    assert len(entra_client_secret()) == 40
    tok = github_token()
    assert len(tok) == 40 and crc32_base62(tok[4:34]) == tok[34:]
    assert len(storage_account_key()) == 88 and storage_account_key().endswith("==")
    assert len(function_key()) == 56
    assert len(logic_apps_sig()) == 43
    assert len(sas_signature()) == 44
    assert len(ms_common_annotated_key()) == 84
    for kind in MS_IDENTIFIABLE_KINDS:
        key = ms_identifiable_key(kind).rstrip("=")
        assert key[-10:-6].replace("-", "+").replace("_", "/") == MS_IDENTIFIABLE_KINDS[kind][0]
    pat = devops_pat_legacy()
    data, _, _ = _base32_decode_pat(pat)
    assert len(pat) == 52 and data[2] << 24 | data[7] << 16 | data[8] << 8 | data[22] == ado_pat_checksum(data)
    assert pypi_token().startswith("pypi-AgEIcHlwaS5vcmc")


def main(argv):
    args = list(argv[1:])
    seed = None
    count = 1
    while "--seed" in args or "--count" in args:
        for flag in ("--seed", "--count"):
            if flag in args:
                i = args.index(flag)
                if i + 1 >= len(args):
                    sys.stderr.write("fakes.py: %s needs a number\n" % flag)
                    return 2
                value = int(args[i + 1])
                del args[i:i + 2]
                if flag == "--seed":
                    seed = value
                else:
                    count = value
    if not args or args[0] in ("-h", "--help"):
        sys.stdout.write(__doc__)
        return 0 if args else 2
    if args[0] == "list":
        print("\n".join(sorted(GENERATORS)))
        return 0
    if args[0] == "self-test":
        _self_test()
        print("fakes.py: self-test passed")
        return 0
    gen = GENERATORS.get(args[0])
    if gen is None:
        sys.stderr.write("fakes.py: unknown generator %r (try `list`)\n" % args[0])
        return 2
    rng = make_rng(seed if seed is not None else DEFAULT_SEED)
    for _ in range(count):
        print(gen(rng=rng))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
