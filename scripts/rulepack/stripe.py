"""Stripe keys (patterns/stripe.json)."""

from rulepack.common import *  # noqa: F401,F403


def api_keys():
    R = first_pack_rng(skip=11712)
    rule("stripe.secret-key.live", "Stripe live secret key", "high",
         r"\b(?<secret>sk_live_[A-Za-z0-9]{24,247})\b",
         ["STRIPE_SECRET_KEY=%s" % fakes.stripe_key("sk_live_", R)],
         ["STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "STRIPE_PUBLISHABLE=pk_live_%s"
          % fakes._choose(R, fakes.ALNUM, 24)],
         ["https://docs.stripe.com/keys"])
    rule("stripe.restricted-key.live", "Stripe live restricted key", "high",
         r"\b(?<secret>rk_live_[A-Za-z0-9]{24,247})\b",
         ["stripe.api_key = '%s'" % fakes.stripe_key("rk_live_", R)],
         ["rk_live_short", "rk_test_%s" % fakes._choose(R, fakes.ALNUM, 24)],
         ["https://docs.stripe.com/keys"])
    rule("stripe.secret-key.test", "Stripe test-mode secret key", "medium",
         r"\b(?<secret>[sr]k_test_[A-Za-z0-9]{24,247})\b",
         ["STRIPE_KEY=%s" % fakes.stripe_key("sk_test_", R)],
         ["STRIPE_KEY=sk_test_<your-key>", "pk_test_%s" % fakes._choose(R, fakes.ALNUM, 24)],
         ["https://docs.stripe.com/keys"])


def webhook_secret():
    R = rng_for("commerce")
    ch = Fakes(R).choose
    rule("stripe.webhook-secret", "Stripe webhook signing secret", "high",
         r"\b(?<secret>whsec_[A-Za-z0-9+/]{32,88}={0,2})",
         ["STRIPE_WEBHOOK_SECRET=whsec_%s" % ch(ALNUM, 32),
          "stripe listen --forward-to localhost:4242/webhook  # Ready! secret is whsec_%s" % ch(ALNUM, 64)],
         ["STRIPE_WEBHOOK_SECRET=whsec_...",
          "STRIPE_WEBHOOK_SECRET=whsec_%s" % ch(ALNUM, 16)],
         ["https://docs.stripe.com/webhooks#verify-official-libraries"])


def add_rules():
    api_keys()
    webhook_secret()
