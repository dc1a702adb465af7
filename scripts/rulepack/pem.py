"""PEM private keys, as written and JSON-escaped (patterns/pem.json)."""

import json

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=7811)


def pem():
    PV = rng_for("pem-structure")  # keeps R's sequence unchanged
    pem = fakes.pem_private_key("RSA PRIVATE KEY", 10, R)
    pem2 = fakes.pem_private_key("OPENSSH PRIVATE KEY", 6, R)
    pem3 = fakes.pem_private_key("ENCRYPTED PRIVATE KEY", 6, R)
    # The body allows what a log writer puts before every line of a logged
    # block ("2026-12-08T10:00:00Z app[123]: ", "[INFO] (main) | "), so a
    # log-prefixed block is still one match; its body is then no longer
    # base64 and the structure check fails (medium).  The second branch is a
    # block cut short (a log line limit, a truncated paste): base64 lines
    # after the BEGIN line and no END, ending at the end of a base64 line.
    # The body is lazy, so a block ends at its own END line and two blocks
    # with log lines between them stay two findings.
    D = rng_for("pem-damaged")  # keeps R's and PV's sequences unchanged
    damaged = fakes.pem_private_key("RSA PRIVATE KEY", 10, D)
    damaged8 = fakes.pem_private_key("PRIVATE KEY", 8, D)
    rule("pem.private-key", "PEM private key", "high",
         r"(?<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
         r"(?:[A-Za-z0-9+/=\r\n\t :,.\[\]_()|<>@-]{20,6500}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?"
         r"PRIVATE KEY(?: BLOCK)?-----|\r?\n[A-Za-z0-9+/=\r\n]{40,6500}[A-Za-z0-9+/=]\r?$))",
         ["# hush test key (random content in an RSA key's structure, not a usable key)\n" + pem,
          pem2, pem3,
          fakes.pem_private_key("PRIVATE KEY", 4, R),
          # JSON-escaped: found in the JSON string view, decoded
          '{"type": "service_account", "private_key": %s}' % json.dumps(pem2),
          # random bytes, not DER: the structure check fails, the block is
          # still a private key (failed_confidence: medium)
          "# hush test\n-----BEGIN RSA PRIVATE KEY-----\n%s\n%s\n-----END RSA PRIVATE KEY-----"
          % (fakes._b64(PV, 48), fakes._b64(PV, 48)),
          # damaged blocks (medium): cut short by a log line limit, lines
          # missing, logged line by line with a prefix
          "# hush test: key cut short\n%s\n2026-12-08T10:00:01Z app[123]: request done"
          % fakes.pem_cut_short(damaged, 4),
          "# hush test: two lines missing\n" + fakes.pem_lines_missing(damaged8, 2, 2),
          fakes.pem_log_prefixed(damaged8, "2026-12-08T10:00:00Z hush-test[42]: ")],
         ["-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----" % fakes._b64(R, 48),
          "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
          "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----" % fakes._b64(R, 48),
          # documentation that elides the key, without an END line
          "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n(hush test: the rest elided)",
          "-----BEGIN PRIVATE KEY-----\n<paste the hush test key here>"],
         ["https://datatracker.ietf.org/doc/html/rfc7468",
          "https://datatracker.ietf.org/doc/html/rfc5208",
          "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key"],
         multiline=True, opener=r"-----BEGIN [A-Z ]{0,30}PRIVATE KEY", validator="pem-private-key",
         failed_confidence="medium")
    rule("pem.private-key.escaped", "PEM private key (escaped one-line form)", "high",
         r"(?<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"
         r"(?:[A-Za-z0-9+/= :,.\\-]{20,6500}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?"
         r"PRIVATE KEY-----|(?:\\r)?\\n[A-Za-z0-9+/=\\]{40,6500}[A-Za-z0-9+/=]))",
         ['GOOGLE_PRIVATE_KEY="%s\\n"'
          % fakes.pem_private_key_json_escaped("PRIVATE KEY", 6, R),
          "SSH_KEY='%s'" % fakes.pem_private_key_json_escaped("OPENSSH PRIVATE KEY", 5, R),
          # not DER, and cut short (no END): medium (failed_confidence)
          'KEY="-----BEGIN PRIVATE KEY-----\\n%s\\n%s\\n-----END PRIVATE KEY-----"  # hush test: not DER'
          % (fakes._b64(PV, 48), fakes._b64(PV, 48)),
          'level=error msg="hush test: %s" (cut at 256 bytes)'
          % fakes.pem_cut_short(damaged8, 3).replace("\n", "\\n")],
         ['{"public_key": "-----BEGIN PUBLIC KEY-----\\n%s\\n-----END PUBLIC KEY-----"}' % fakes._b64(R, 48),
          '{"private_key": "-----BEGIN PRIVATE KEY-----\\n<key>\\n-----END PRIVATE KEY-----"}',
          '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B...\\n"}  # hush test'],
         ["https://datatracker.ietf.org/doc/html/rfc7468"], validator="pem-private-key",
         failed_confidence="medium")


def add_rules():
    pem()
