"""Private keys that are not PEM blocks: age identities, WireGuard keys,
base64-encoded PEM, PuTTY .ppk files, JSON Web Keys, signify and minisign
secret keys.  PEM itself is in pem.json (pem.py)."""

import base64

from rulepack.common import *  # noqa: F401,F403

R = rng_for("keys")

# ---- fake generators ----------------------------------------------------------

BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _bech32(hrp, data):
    """BIP-173 Bech32 of `data` (bytes) with human-readable part `hrp`."""
    bits, acc, five = 0, 0, []
    for b in data:
        acc = acc << 8 | b
        bits += 8
        while bits >= 5:
            bits -= 5
            five.append(acc >> bits & 31)
    if bits:
        five.append(acc << (5 - bits) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    poly = _bech32_polymod(expanded + five + [0] * 6) ^ 1
    five += [poly >> 5 * (5 - i) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in five)


def age_identity():
    """An age X25519 identity: Bech32, HRP "age-secret-key-", upper case."""
    return _bech32("age-secret-key-", fakes._bytes(R, 32)).upper()


def age_recipient():
    return _bech32("age", fakes._bytes(R, 32))


def wg_key():
    """A WireGuard key: 32 bytes, base64 with padding (44 characters)."""
    return base64.b64encode(fakes._bytes(R, 32)).decode()


def b64_pem(header):
    body = fakes._b64(R, 600)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    pem = "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (header, "\n".join(lines), header)
    return base64.b64encode(pem.encode()).decode()


def ppk(version=3, encryption="none"):
    pub = fakes._b64(R, 51)
    priv = fakes._b64(R, 96)
    lines = lambda b: [b[i:i + 64] for i in range(0, len(b), 64)]  # noqa: E731
    text = ["PuTTY-User-Key-File-%d: ssh-ed25519" % version,
            "Encryption: %s" % encryption,
            "Comment: hush-test-key",
            "Public-Lines: %d" % len(lines(pub))] + lines(pub)
    text += ["Private-Lines: %d" % len(lines(priv))] + lines(priv)
    text += ["Private-MAC: %s" % fakes._choose(R, fakes.HEX, 64)]
    return "\n".join(text) + "\n"


def signify_secret():
    raw = b"EdBK" + (42).to_bytes(4, "big") + fakes._bytes(R, 16 + 8 + 8 + 64)
    return base64.b64encode(raw).decode()


def minisign_secret(encrypted=True):
    head = b"EdScB2" if encrypted else b"Ed\x00\x00B2"
    raw = head + fakes._bytes(R, 32) + (33554432).to_bytes(8, "little") \
        + (1073741824).to_bytes(8, "little") + fakes._bytes(R, 104)
    return base64.b64encode(raw).decode()


def b64url(nbytes):
    return base64.urlsafe_b64encode(fakes._bytes(R, nbytes)).decode().rstrip("=")


# ---- rules --------------------------------------------------------------------

# Full base64 quads of each PEM private-key header ("-----BEGIN RSA PRIVATE
# KEY-----"): the encoding of a whole PEM file starts with one of them.
PEM_HEADERS = ("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY",
               "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK")


def _pem_header_b64(name):
    header = "-----BEGIN %s-----" % name
    whole = len(header) // 3 * 3
    return base64.b64encode(header[:whole].encode()).decode()


def add_rules():
    ident = age_identity()
    rule("age.secret-key", "age identity (X25519 secret key)", "high",
         r"\b(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b",
         ["# created: 2030-01-01T00:00:00Z (hush test)\n# public key: %s\n%s\n"
          % (age_recipient(), ident),
          'SOPS_AGE_KEY="%s"' % age_identity(),
          '{"age_identity": "%s"}' % age_identity()],
         ["AGE-SECRET-KEY-1%s (one character short)" % ident[16:-1],
          "# public key: %s" % age_recipient(),
          "AGE-SECRET-KEY-1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"],
         ["https://github.com/C2SP/C2SP/blob/main/age.md",
          "https://age-encryption.org/v1"])

    rule("wireguard.private-key", "WireGuard private key", "high",
         r"(?i:\bPrivateKey)[ \t]{0,8}=[ \t]{0,8}(?<secret>[A-Za-z0-9+/]{42}[A-Za-z0-9+/]=)",
         ["[Interface]\nAddress = 10.200.200.3/32\nPrivateKey = %s\nDNS = 10.0.0.1\n" % wg_key(),
          "privatekey=%s  # hush test peer" % wg_key()],
         ["PublicKey = %s" % wg_key(),
          "PrivateKey = %s" % wg_key()[:40],
          "PrivateKey = <contents of privatekey file>"],
         ["https://www.wireguard.com/quickstart/",
          "https://man7.org/linux/man-pages/man8/wg.8.html"])

    rule("wireguard.preshared-key", "WireGuard preshared key", "high",
         r"(?i:\bPresharedKey)[ \t]{0,8}=[ \t]{0,8}(?<secret>[A-Za-z0-9+/]{42}[A-Za-z0-9+/]=)",
         ["[Peer]\nPublicKey = %s\nPresharedKey = %s\nAllowedIPs = 0.0.0.0/0\n"
          % (wg_key(), wg_key()),
          "presharedkey=%s" % wg_key()],
         ["PublicKey = %s" % wg_key(),
          "PresharedKey = %s" % wg_key()[:30]],
         ["https://man7.org/linux/man-pages/man8/wg.8.html"])

    heads = "|".join(_pem_header_b64(h) for h in PEM_HEADERS)
    rule("pem.private-key.base64", "Base64-encoded PEM private key", "high",
         r"(?<secret>(?:" + heads + r")[A-Za-z0-9+/]{100,7000}={0,2})",
         ["PRIVATE_KEY_B64=%s" % b64_pem("RSA PRIVATE KEY"),
          '{"privateKey": "%s"}' % b64_pem("PRIVATE KEY"),
          "ssh_key: %s" % b64_pem("OPENSSH PRIVATE KEY")],
         ["CERT_B64=%s" % base64.b64encode(b"-----BEGIN CERTIFICATE-----\n"
                                           + fakes._b64(R, 300).encode()).decode(),
          "PUBLIC_KEY_B64=%s" % base64.b64encode(b"-----BEGIN PUBLIC KEY-----\n"
                                                 + fakes._b64(R, 200).encode()).decode(),
          "PRIVATE_KEY_B64=%s" % b64_pem("RSA PRIVATE KEY")[:90]],
         ["https://www.rfc-editor.org/rfc/rfc7468",
          "https://www.rfc-editor.org/rfc/rfc4648#section-4"])

    rule("putty.private-key", "PuTTY private key (.ppk)", "high",
         r"PuTTY-User-Key-File-[23]: [a-z0-9@.-]{3,64}\r?\n[ -~\r\n]{0,2000}?"
         r"Private-Lines: [0-9]{1,3}\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{20,5000})\r?\nPrivate-MAC: ",
         [ppk(3), ppk(2, "aes256-cbc")],
         ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: hush-test-key\n"
          "Public-Lines: 2\n%s\n" % fakes._b64(R, 40),
          "Public key (OpenSSH): ssh-ed25519 %s hush-test" % fakes._b64(R, 51)],
         ["https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html"],
         multiline=True, opener=r"PuTTY-User-Key-File-[23]: ")

    x, y, d = b64url(32), b64url(32), b64url(32)
    rule("jwk.private-key", "JSON Web Key with private part", "high",
         r'"kty"[ \t]{0,4}:[ \t]{0,4}"(?:RSA|EC|OKP)"[^\r\n]{0,2048}?'
         r'"d"[ \t]{0,4}:[ \t]{0,4}"(?<secret>[A-Za-z0-9_-]{40,1400})"',
         ['{"kty":"EC","crv":"P-256","x":"%s","y":"%s","d":"%s","kid":"hush-test"}' % (x, y, d),
          '{"kty": "OKP", "crv": "Ed25519", "x": "%s", "d": "%s"}' % (b64url(32), b64url(32))],
         ['{"kty":"EC","crv":"P-256","x":"%s","y":"%s","kid":"hush-test"}' % (x, y),
          '{"kty":"oct","k":"%s"}' % b64url(32)],
         ["https://www.rfc-editor.org/rfc/rfc7517",
          "https://www.rfc-editor.org/rfc/rfc7518#section-6.2.2.1"])

    rule("signify.secret-key", "signify secret key", "high",
         r"\b(?<secret>RWRCSwAA[A-Za-z0-9+/]{131}=)",
         ["untrusted comment: signify secret key\n%s\n" % signify_secret(),
          "SIGNIFY_SECRET_KEY=%s" % signify_secret()],
         ["untrusted comment: signify public key\nRWQ%s\n" % fakes._b64(R, 40)[:53],
          "untrusted comment: signify secret key\n%s\n" % signify_secret()[:100]],
         ["https://man.openbsd.org/signify.1",
          "https://github.com/enkore/zignify/blob/main/signify-format.md"])

    rule("minisign.secret-key", "minisign secret key", "high",
         r"\b(?<secret>(?:RWRTY0Iy|RWQAAEIy)[A-Za-z0-9+/]{203}=)",
         ["untrusted comment: minisign encrypted secret key\n%s\n" % minisign_secret(),
          "MINISIGN_SECRET_KEY=%s" % minisign_secret(False)],
         ["untrusted comment: minisign public key 2F3A\nRWQ%s\n" % fakes._b64(R, 40)[:53],
          "minisign -Vm release.tar.gz -P RWQ%s" % fakes._b64(R, 40)[:53]],
         ["https://jedisct1.github.io/minisign/",
          "https://github.com/jedisct1/minisign/blob/master/src/minisign.h"])
