"""DigitalOcean tokens (patterns/digitalocean.json)."""

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "cloud" RNG these rules once shared.
R = rng_for("cloud", skip=3034)
h, an, _ = drawers(R)


def digitalocean():
    refs = ["https://docs.digitalocean.com/reference/api/create-personal-access-token/",
            "https://docs.digitalocean.com/reference/api/oauth/"]
    for prefix, rid, name in (("dop_v1_", "digitalocean.pat", "DigitalOcean personal access token"),
                              ("doo_v1_", "digitalocean.oauth-token", "DigitalOcean OAuth access token"),
                              ("dor_v1_", "digitalocean.refresh-token", "DigitalOcean OAuth refresh token")):
        rule(rid, name, "high",
             r"\b(?<secret>" + prefix + r"[a-f0-9]{64})\b",
             ["DIGITALOCEAN_TOKEN=%s%s" % (prefix, h(64)),
              'curl -H "Authorization: Bearer %s%s" https://api.digitalocean.com/v2/droplets' % (prefix, h(64)),
              '{"access_token": "doo_v1_%s", "refresh_token": "%s%s"}' % (h(64), prefix, h(64))],
             ["%s%s" % (prefix, h(63)), "%s%s" % (prefix.replace("v1", "v2"), h(64)),
              "%s%s" % (prefix, an(64, ALNUM))],
             refs)


def add_rules():
    digitalocean()
