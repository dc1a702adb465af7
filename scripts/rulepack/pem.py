"""PEM private keys, as written and JSON-escaped (patterns/pem.json)."""

import json

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=7811)


def pem():
    PV = rng_for("pem-structure")  # keeps R's sequence unchanged
    pem = fakes.pem_private_key("RSA PRIVATE KEY", 10, R)
    pem2 = fakes.pem_private_key("OPENSSH PRIVATE KEY", 6, R)
    pem3 = fakes.pem_private_key("ENCRYPTED PRIVATE KEY", 6, R)
    rule("pem.private-key", "PEM private key", "high",
         r"(?<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
         r"[A-Za-z0-9+/=\r\n :,.-]{20,6500}-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?"
         r"PRIVATE KEY(?: BLOCK)?-----)",
         ["# hush test key (random content in an RSA key's structure, not a usable key)\n" + pem,
          pem2, pem3,
          fakes.pem_private_key("PRIVATE KEY", 4, R),
          # JSON-escaped: found in the JSON string view, decoded
          '{"type": "service_account", "private_key": %s}' % json.dumps(pem2)],
         ["-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----" % fakes._b64(R, 48),
          "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
          "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----" % fakes._b64(R, 48),
          # random bytes, not DER: the structure check fails (low confidence)
          "# hush test\n-----BEGIN RSA PRIVATE KEY-----\n%s\n%s\n-----END RSA PRIVATE KEY-----"
          % (fakes._b64(PV, 48), fakes._b64(PV, 48))],
         ["https://datatracker.ietf.org/doc/html/rfc7468",
          "https://datatracker.ietf.org/doc/html/rfc5208",
          "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key"],
         multiline=True, opener=r"-----BEGIN [A-Z ]{0,30}PRIVATE KEY", validator="pem-private-key")
    rule("pem.private-key.escaped", "PEM private key (escaped one-line form)", "high",
         r"(?<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"
         r"[A-Za-z0-9+/= :,.\\-]{20,6500}-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?"
         r"PRIVATE KEY-----)",
         ['GOOGLE_PRIVATE_KEY="%s\\n"'
          % fakes.pem_private_key_json_escaped("PRIVATE KEY", 6, R),
          "SSH_KEY='%s'" % fakes.pem_private_key_json_escaped("OPENSSH PRIVATE KEY", 5, R)],
         ['{"public_key": "-----BEGIN PUBLIC KEY-----\\n%s\\n-----END PUBLIC KEY-----"}' % fakes._b64(R, 48),
          '{"private_key": "-----BEGIN PRIVATE KEY-----\\n<key>\\n-----END PRIVATE KEY-----"}',
          'KEY="-----BEGIN PRIVATE KEY-----\\n%s\\n%s\\n-----END PRIVATE KEY-----"  # hush test: not DER'
          % (fakes._b64(PV, 48), fakes._b64(PV, 48))],
         ["https://datatracker.ietf.org/doc/html/rfc7468"], validator="pem-private-key")


def add_rules():
    pem()
