"""SendGrid API keys (patterns/sendgrid.json)."""

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=12863)


def sendgrid():
    rule("sendgrid.api-key", "SendGrid API key", "high",
         r"\b(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})",
         ["SENDGRID_API_KEY=%s" % fakes.sendgrid_key(R)],
         ["SENDGRID_API_KEY=SG.<your-key>", "SG.%s.short" % fakes._choose(R, fakes.ALNUM, 22)],
         ["https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys"])


def add_rules():
    sendgrid()
