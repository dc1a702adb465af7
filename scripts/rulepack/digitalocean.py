"""DigitalOcean tokens (patterns/digitalocean.json)."""

from rulepack.common import *  # noqa: F401,F403

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# `name value` as on a command line (`-vaultToken s.xxx`, `--token abc.def`), besides ASSIGN.
SEP = r"(?:" + ASSIGN + r"""|["']?[ \t]{1,4}["'`]?)"""

# Values continue the sequence of the "cloud" RNG these rules once shared.
R = rng_for("cloud", skip=3034)
h, an, uuid = drawers(R)


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
