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


def devops_pat_legacy(rng=None):
    return _choose(rng, BASE32_LOWER, 52)


def ms_common_annotated_key(signature="AZDO", rng=None):
    """New-style 84-char Microsoft key: 52 random, 'JQQJ99', year, month A-L,
    16 random, 4-char provider signature, 4-char checksum.  The checksum part
    is random here (hush checks this format by structure only)."""
    rng = _rng(rng)
    year = BASE62[rng.randrange(24, 30)]  # a plausible year char
    month = "ABCDEFGHIJKL"[rng.randrange(12)]
    return (_choose(rng, ALNUM, 52) + "JQQJ99" + year + month + _choose(rng, ALNUM, 16) +
            signature + _choose(rng, ALNUM, 4))


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


def pem_private_key(kind="RSA PRIVATE KEY", lines=12, rng=None):
    """A PEM block with a random body (shape only; not a usable key)."""
    rng = _rng(rng)
    raw = _bytes(rng, 48 * lines)
    body = base64.b64encode(raw).decode()
    chunks = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, "\n".join(chunks), kind)


def pem_private_key_json_escaped(kind="PRIVATE KEY", lines=8, rng=None):
    return pem_private_key(kind, lines, rng).replace("\n", "\\n")


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
    "ms-84-key": ms_common_annotated_key,
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
