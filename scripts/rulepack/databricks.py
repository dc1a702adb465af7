"""Databricks tokens (patterns/databricks.json)."""

from rulepack.common import *  # noqa: F401,F403

# Values continue the sequence of the "cloud" RNG these rules once shared.
R = rng_for("cloud", skip=9900)
h, an, _ = drawers(R)


def databricks():
    rule("databricks.pat", "Databricks personal access token", "high",
         r"\b(?<secret>dapi[0-9a-f]{32}(?:-[0-9]{1,2})?)\b",
         ["DATABRICKS_TOKEN=dapi%s" % h(32),
          "databricks_token: 'dapi%s-2'" % h(32),
          'curl -H "Authorization: Bearer dapi%s" https://hush-fake.cloud.databricks.com/api/2.0/clusters/list'
          % h(32)],
         ["dapiDataGetter%s" % an(20), "dapi%s" % h(31), "dapi%s" % an(32, UPPER_ALNUM)],
         ["https://docs.databricks.com/en/dev-tools/auth/pat.html"])


def add_rules():
    databricks()
