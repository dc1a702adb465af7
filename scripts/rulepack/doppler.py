"""Doppler tokens (patterns/doppler.json)."""

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "cloud" RNG these rules once shared.
R = rng_for("cloud", skip=8740)
_, an, _ = drawers(R)


def doppler():
    ref = ["https://docs.doppler.com/docs/Auth-token-formats"]
    kinds = (("ct", "cli-token", "Doppler CLI token"),
             ("pt", "personal-token", "Doppler personal token"),
             ("sa", "service-account-token", "Doppler service account token"),
             ("said", "service-account-identity-token", "Doppler service account identity token"),
             ("scim", "scim-token", "Doppler SCIM token"),
             ("audit", "audit-token", "Doppler audit token"))
    for short, kind, name in kinds:
        rule("doppler." + kind, name, "high",
             r"\b(?<secret>dp\." + short + r"\.[A-Za-z0-9]{40,44})\b",
             ["DOPPLER_TOKEN=dp.%s.%s" % (short, an(43)),
              '{"doppler_token": "dp.%s.%s"}' % (short, an(40))],
             ["dp.%s.%s" % (short, an(30)), "dp.%s.%s" % (short, an(50))],
             ref)
    rule("doppler.service-token", "Doppler service token", "high",
         r"\b(?<secret>dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})\b",
         ["DOPPLER_TOKEN=dp.st.prd.%s" % an(43),
          "docker run -e DOPPLER_TOKEN='dp.st.%s' hush-fake/app" % an(44)],
         ["dp.st.dev.%s" % an(20), "dp.xt.dev.%s" % an(43)],
         ref)


def add_rules():
    doppler()
