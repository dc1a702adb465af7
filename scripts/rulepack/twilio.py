"""Twilio credentials (patterns/twilio.json)."""

from rulepack.common import *  # noqa: F401,F403


def keys():
    R = first_pack_rng(skip=13011)
    rule("twilio.api-key", "Twilio API key SID with secret context", "medium",
         r"(?i:twilio)[^\r\n]{0,80}?\b(?<secret>SK[0-9a-fA-F]{32})\b",
         ["TWILIO_API_KEY=%s" % fakes.twilio_api_key_sid(R)],
         ["sku=SK%s" % fakes.twilio_auth_token(R), "TWILIO_API_KEY=SK123"],
         ["https://www.twilio.com/docs/iam/api-keys"])
    rule("twilio.auth-token", "Twilio auth token", "high",
         r"\bAC[0-9a-fA-F]{32}\b[^\r\n]{0,160}?(?i:\b[a-z0-9_]{0,24}auth_?token)" + ASSIGN +
         r"(?<secret>[0-9a-fA-F]{32})\b",
         ['TWILIO_ACCOUNT_SID=%s TWILIO_AUTH_TOKEN=%s' % (fakes.twilio_account_sid(R), fakes.twilio_auth_token(R)),
          '{"accountSid": "%s", "authToken": "%s"}' % (fakes.twilio_account_sid(R), fakes.twilio_auth_token(R))],
         ['TWILIO_AUTH_TOKEN=%s' % fakes.twilio_auth_token(R),
          '{"accountSid": "%s", "authToken": "<auth-token>"}' % fakes.twilio_account_sid(R)],
         ["https://www.twilio.com/docs/iam/access-tokens"])


def key_secrets():
    R = rng_for("messaging", skip=960)
    ch = Fakes(R).choose
    rule("twilio.api-key-secret", "Twilio API key secret", "medium",
         r"(?i:twilio" + NAME + r"(?:api_?key_?secret|api_?secret|key_?secret))" + ASSIGN_WIDE +
         r"(?<secret>[A-Za-z0-9]{32})\b",
         ["TWILIO_API_KEY=SK%s\nTWILIO_API_SECRET=%s" % (ch(HEX, 32), ch(ALNUM, 32)),
          "const twilioApiKeySecret = '%s'  // hush test" % ch(ALNUM, 32)],
         ["TWILIO_API_SECRET=%s" % ch(ALNUM, 20),
          "TWILIO_API_SECRET=<api-key-secret>",
          "TWILIO_API_KEY=SK%s" % ch(HEX, 32)],
         ["https://www.twilio.com/docs/iam/api-keys"])
    rule("twilio.auth-token.named", "Twilio auth token (named)", "medium",
         r"(?i:twilio" + NAME + r"auth_?token)" + ASSIGN_WIDE + r"(?<secret>[0-9a-f]{32})\b",
         ["TWILIO_AUTH_TOKEN=%s" % ch(HEX, 32),
          '{"twilioAuthToken": "%s"}' % ch(HEX, 32)],
         ["TWILIO_AUTH_TOKEN=%s" % ch(HEX, 30),
          "TWILIO_ACCOUNT_SID=AC%s" % ch(HEX, 32),
          "TWILIO_AUTH_TOKEN=%s" % ch("ghijklmnopqrstuvwxyz", 32)],
         ["https://www.twilio.com/docs/iam/api/authtoken"])


def add_rules():
    keys()
    key_secrets()
