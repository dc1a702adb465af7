"""Observability and incident-response providers (observability.json):
Dynatrace, Grafana, New Relic (and Pixie), Datadog, Sentry, Honeycomb, Splunk,
PagerDuty, Opsgenie, Axiom, Rollbar, Elastic, Sumo Logic, and TrueNAS API keys (a storage appliance
whose keys turn up in the same monitoring configs and scripts).

Formats come from each vendor's documentation (see `references`).  Values
without a vendor prefix are anchored on a key or header name in the pattern.
"""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("observability")

h, an, uuid = drawers(R)


def dynatrace():
    def tok(prefix="dt0c01"):
        return "%s.%s.%s" % (prefix, an(24, UPPER_ALNUM), an(64, UPPER_ALNUM))
    # The prefix and public part form the token identifier, which Dynatrace
    # documents as safe to log; only the 64-char secret portion is captured.
    rule("dynatrace.token", "Dynatrace access token", "high",
         r"\bdt0[a-z][0-9]{2}\.[A-Z0-9]{24}\.(?<secret>[A-Z0-9]{64})\b",
         ["apiToken: %s\npaasToken: %s" % (tok(), tok()),
          "GET /api/v1/deployment/installer/agent/unix/paas/latest?Api-Token=%s" % tok(),
          'Authorization: Api-Token %s' % tok("dt0s16")],
         ["dt0c01.%s" % an(24, UPPER_ALNUM),
          "dt0c01.%s.%s" % (an(24, UPPER_ALNUM), an(40, UPPER_ALNUM)),
          "dt0c01.%s.%s" % (an(24, UPPER_ALNUM), an(64, LOWER_ALNUM))],
         ["https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication",
          "https://docs.dynatrace.com/docs/manage/access-control/access-tokens-legacy"])


def grafana():
    legacy = "eyJrIjoi" + an(64, ALNUM) + "=="
    rule("grafana.api-key", "Grafana API key (legacy)", "high",
         r"\b(?<secret>eyJrIjoi[A-Za-z0-9]{40,120}={0,2})",
         ["Authorization: Bearer %s" % legacy,
          'grafana_api_key = "eyJrIjoi%s"' % an(72, ALNUM)],
         ["eyJrIjoi%s" % an(20), "eyJhbGciOi%s" % an(60)],
         ["https://grafana.com/docs/grafana/latest/administration/api-keys/"])
    rule("grafana.cloud-token", "Grafana Cloud access policy token", "high",
         r"\b(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2})",
         ['"token": "glc_eyJvIjoi%s"' % an(120, ALNUM),
          "GRAFANA_CLOUD_TOKEN=glc_eyJvIjoi%s==" % an(90, B64CHARS)],
         ["glc_%s" % an(20), "glb_eyJvIjoi%s" % an(80)],
         ["https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/"])
    rule("grafana.service-account-token", "Grafana service account token", "high",
         r"\b(?<secret>glsa_[A-Za-z0-9]{32}_[0-9a-f]{8})\b",
         ["curl -H \"Authorization: Bearer glsa_%s_%s\" https://grafana.hush-example.internal/api/search"
          % (an(32), h(8)),
          "GF_TOKEN=glsa_%s_%s" % (an(32), h(8))],
         ["glsa_%s_%s" % (an(32), an(8, UPPER_ALNUM)), "glsa_%s" % an(32)],
         ["https://grafana.com/docs/grafana/latest/administration/service-accounts/",
          "https://grafana.com/docs/grafana/latest/setup-grafana/configure-security/secret-scan/"])


def newrelic():
    ref = ["https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/"]
    rule("newrelic.license-key", "New Relic license (ingest) key", "high",
         r"\b(?<secret>(?:eu01xx[0-9a-f]{30}|[0-9a-f]{36})NRAL)\b",
         ["license_key: %sNRAL" % h(36),
          "NEW_RELIC_LICENSE_KEY=eu01xx%sNRAL" % h(30),
          '{"X-License-Key": "%sNRAL"}' % h(36)],
         ["license_key: %sNRAL" % h(30), "license_key: %sNRAL" % an(36, LOWER_ALNUM),
          "--set global.licenseKey=<license-key>"],
         ref)
    rule("newrelic.license-key.legacy", "New Relic license key (40 hex, by key name)", "medium",
         r"(?i:\b(?:new_?relic[a-z_.-]{0,16}license[a-z_-]{0,8}|license_?key))" + ASSIGN +
         r"(?<secret>[0-9a-f]{40})\b",
         ["# newrelic.yml, hush test\nlicense_key: %s\n" % h(40),
          "NEW_RELIC_LICENSE_KEY=%s" % h(40)],
         ["license_key: %s" % an(40, "0123456789abcdefghijklmnopqrstuvwxyz"),
          "license_key: '<%= ENV[\"NEW_RELIC_LICENSE_KEY\"] %>'", "license_key: %s" % h(32)],
         ref)
    rule("newrelic.user-api-key", "New Relic user API key", "high",
         r"\b(?<secret>NRAK-[A-Z0-9]{27})\b",
         ["NEW_RELIC_API_KEY=NRAK-%s" % an(27, UPPER_ALNUM),
          "curl -H 'API-Key: NRAK-%s' https://api.newrelic.com/graphql" % an(27, UPPER_ALNUM)],
         ["NRAK-%s" % an(20, UPPER_ALNUM), "NRAK-%s" % an(27, LOWER_ALNUM)],
         ref)
    rule("newrelic.admin-api-key", "New Relic admin API key", "high",
         r"\b(?<secret>NRAA-[a-f0-9]{27})\b",
         ["admin_api_key: NRAA-%s" % h(27), '{"adminKey": "NRAA-%s"}' % h(27)],
         ["NRAA-%s" % h(20), "NRAX-%s" % h(27)],
         ref)
    rule("newrelic.insights-insert-key", "New Relic Insights insert key", "high",
         r"\b(?<secret>NRII-[A-Za-z0-9_-]{32})",
         ['"X-Insert-Key": "NRII-%s"' % an(32, B64URL_CHARS), "insertKey: 'NRII-%s'" % an(32, B64URL_CHARS)],
         ["NRII-%s" % an(20), "NRIZ-%s" % an(32)],
         ref)
    rule("newrelic.insights-query-key", "New Relic Insights query key", "high",
         r"\b(?<secret>NRIQ-[A-Za-z0-9_-]{32})",
         ['"X-Query-Key": "NRIQ-%s"' % an(32, B64URL_CHARS), "querykey=NRIQ-%s" % an(32, B64URL_CHARS)],
         ["NRIQ-%s" % an(16), "NRIX-%s" % an(32)],
         ref)
    rule("newrelic.rest-api-key", "New Relic REST API key", "high",
         r"\b(?<secret>NRRA-[a-f0-9]{42})\b",
         ["curl -H 'X-Api-Key:NRRA-%s' https://api.newrelic.com/v2/applications.json" % h(42),
          "NEWRELIC_REST_KEY=NRRA-%s" % h(42)],
         ["NRRA-%s" % h(30), "NRRA-%s" % an(42, UPPER_ALNUM)],
         ref)
    px_ref = ["https://docs.px.dev/reference/admin/api-keys/",
              "https://docs.px.dev/reference/admin/deploy-keys/"]
    rule("newrelic.pixie.api-key", "Pixie API key", "high",
         r"\b(?<secret>px-api-" + UUID + r")\b",
         ["PX_API_KEY=px-api-%s" % uuid(), "MW_PX_API_KEY=px-api-%s" % uuid()],
         ["px-api-a1b2c3d4-e5f6-g7h8-i9j0-k1l2m3n4o5p6", "px-api-%s" % uuid()[:20]],
         px_ref)
    rule("newrelic.pixie.deploy-key", "Pixie deploy key", "high",
         r"\b(?<secret>px-dep-" + UUID + r")\b",
         ["PX_DEPLOY_KEY=px-dep-%s" % uuid(), "--set deployKey=px-dep-%s" % uuid()],
         ["px-dep-a1b2c3d4-e5f6-g7h8-i9j0-k1l2m3n4o5p6", "px-dep-%s" % uuid()[:20]],
         px_ref)


def datadog():
    ref = ["https://docs.datadoghq.com/account_management/api-app-keys/"]
    rule("datadog.api-key", "Datadog API key", "medium",
         r"(?i:\b(?:dd-api-key|(?:datadog|dd)[a-z_-]{0,16}api[_-]?key))" + HEADER_EQ +
         r"(?<secret>[0-9a-f]{32})\b",
         ["DD_API_KEY=%s" % h(32),
          "curl -H 'DD-API-KEY: %s' https://api.datadoghq.eu/api/v1/validate" % h(32),
          '{"datadog_api_key": "%s"}' % h(32)],
         ["DD_API_KEY=%s" % h(30), "DD_API_KEY=<DATADOG_API_KEY>", "DD_SITE=datadoghq.eu"],
         ref)
    rule("datadog.app-key", "Datadog application key", "medium",
         r"(?i:\b(?:dd-application-key|(?:datadog|dd)[a-z_-]{0,16}app(?:lication)?[_-]?key))" + HEADER_EQ +
         r"(?<secret>[0-9a-f]{40})\b",
         ["DD_APP_KEY=%s" % h(40),
          "curl -H 'DD-APPLICATION-KEY: %s' https://api.datadoghq.com/api/v1/dashboard" % h(40)],
         ["DD_APP_KEY=%s" % h(32), "DD_APPLICATION_KEY=${DD_APP_KEY}"],
         ref)


def sentry():
    ref = ["https://docs.sentry.io/security-legal-pii/security/token-formats/",
           "https://docs.sentry.io/account/auth-tokens/"]
    rule("sentry.user-token", "Sentry user auth token", "high",
         r"\b(?<secret>sntryu_[0-9a-f]{64})\b",
         ["SENTRY_AUTH_TOKEN=sntryu_%s" % h(64),
          "curl -H 'Authorization: Bearer sntryu_%s' https://sentry.io/api/0/organizations/" % h(64)],
         ["sntryu_%s" % h(40), "sntryu_YOUR_TOKEN_HERE"],
         ref)
    import base64
    import json as _json
    payload = base64.b64encode(_json.dumps(
        {"iat": 1735064623.5, "url": "https://sentry.io", "region_url": "https://us.sentry.io",
         "org": "hush-fake"}).encode()).decode()
    rule("sentry.org-token", "Sentry organization auth token", "high",
         r"\b(?<secret>sntrys_eyJ[A-Za-z0-9+/=]{20,600}_[A-Za-z0-9+/]{43})",
         ["SENTRY_AUTH_TOKEN=sntrys_%s_%s" % (payload, an(43, B64CHARS)),
          "[auth]\ntoken=sntrys_%s_%s" % (payload, an(43, B64CHARS))],
         ["sntrys_%s" % payload, "sntrys_%s_%s" % (payload, an(20))],
         ref)


def honeycomb():
    ref = ["https://docs.honeycomb.io/api/authentication",
           "https://docs.honeycomb.io/configure/environments/manage-api-keys"]
    rule("honeycomb.ingest-key", "Honeycomb ingest key", "high",
         r"\b(?<secret>hc[a-z]ik_[A-Za-z0-9]{58})\b",
         ["X-Honeycomb-Team: hcaik_%s" % an(58, LOWER_ALNUM),
          "OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=hcxik_%s" % an(58, LOWER_ALNUM)],
         ["hcaik_%s" % an(26, LOWER_ALNUM), "hcaxk_%s" % an(58, LOWER_ALNUM)],
         ref)
    rule("honeycomb.api-key", "Honeycomb configuration or classic API key", "medium",
         r"(?i:\b(?:x-honeycomb-team|honeycomb[a-z_-]{0,16}(?:api_?key|write_?key|key)))" + HEADER_EQ +
         r"(?<secret>[A-Za-z0-9]{22}|[0-9a-f]{32})\b",
         ["X-Honeycomb-Team: %s" % an(22), "HONEYCOMB_API_KEY=%s" % h(32),
          "OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=%s" % an(22)],
         ["X-Honeycomb-Dataset: %s" % an(22), "HONEYCOMB_API_KEY=%s" % an(26)],
         ref)


def incident():
    rule("splunk.hec-token", "Splunk HTTP Event Collector token", "medium",
         r"(?:(?i:\bSplunk)[ \t]{1,4}|(?i:\b(?:splunk|hec)[a-z_-]{0,16}token)" + ASSIGN + r")"
         r"(?<secret>" + UUID_ANYCASE + r")\b",
         ["curl -H 'Authorization: Splunk %s' https://hec.hush-example.internal:8088/services/collector/event"
          % uuid().upper(),
          "SPLUNK_HEC_TOKEN=%s" % uuid()],
         ["Authorization: Splunk <hec-token>", "splunk_index=%s" % uuid()],
         ["https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector",
          "https://docs.splunk.com/Documentation/Splunk/latest/Data/FormateventsforHTTPEventCollector"])
    rule("pagerduty.api-key", "PagerDuty REST API key", "medium",
         r"(?:(?i:\bToken[ \t]{1,4}token=)|(?i:\bpagerduty[a-z_-]{0,16}(?:api_?)?(?:key|token))" + ASSIGN + r")"
         r"(?<secret>[A-Za-z0-9_+-]{20})" + end_not(r"A-Za-z0-9_+-"),
         ["curl -H 'Authorization: Token token=%s' https://api.pagerduty.com/incidents" % an(20, B64URL_CHARS),
          "PAGERDUTY_API_TOKEN=u+%s" % an(18)],
         ["Authorization: Token token=%s" % an(32), "PAGERDUTY_API_TOKEN=${PD_TOKEN}"],
         ["https://developer.pagerduty.com/docs/authentication",
          "https://support.pagerduty.com/main/docs/api-access-keys"])
    rule("opsgenie.api-key", "Opsgenie API key", "medium",
         r"(?:(?i:\bGenieKey)[ \t]{1,4}|(?i:\bopsgenie[a-z_-]{0,16}(?:api_?)?key)" + ASSIGN + r")"
         r"(?<secret>" + UUID_ANYCASE + r")\b",
         ["curl -H 'Authorization: GenieKey %s' https://api.opsgenie.com/v2/alerts" % uuid(),
          "OPSGENIE_API_KEY=%s" % uuid()],
         ["Authorization: GenieKey <api-key>", "opsgenie_team_id=%s" % uuid()],
         ["https://docs.opsgenie.com/docs/authentication",
          "https://support.atlassian.com/opsgenie/docs/api-key-management/"])
    rule("axiom.token", "Axiom API or personal token", "high",
         r"\b(?<secret>xa(?:at|pt)-" + UUID + r")\b",
         ["AXIOM_TOKEN=xaat-%s" % uuid(),
          "curl -H 'Authorization: Bearer xapt-%s' https://api.axiom.co/v1/datasets" % uuid()],
         ["xaat-%s" % uuid()[:18], "xabt-%s" % uuid()],
         ["https://axiom.co/docs/reference/tokens"])
    rule("rollbar.access-token", "Rollbar access token", "medium",
         r"(?i:\b(?:x-rollbar-access-token|rollbar[a-z_-]{0,20}(?:access_?)?token))" + HEADER_EQ +
         r"(?<secret>[0-9a-f]{32})\b",
         ["ROLLBAR_ACCESS_TOKEN=%s" % h(32),
          "curl -H 'X-Rollbar-Access-Token: %s' https://api.rollbar.com/api/1/items" % h(32)],
         ["ROLLBAR_ACCESS_TOKEN=%s" % h(24), "ROLLBAR_ENV=production"],
         ["https://docs.rollbar.com/docs/access-tokens"])


def logs():
    import base64
    ek = base64.b64encode(("%s:%s" % (an(20, B64URL_CHARS), an(22, B64URL_CHARS))).encode()).decode()
    rule("elastic.api-key-header", "Elasticsearch API key (ApiKey authorization)", "high",
         r"(?i:\bauthorization)" + HEADER + r"ApiKey[ \t]{1,4}(?<secret>[A-Za-z0-9+/]{20,200}={0,2})",
         ["curl -H 'Authorization: ApiKey %s' https://hush-fake.es.westeurope.azure.elastic-cloud.com/_search" % ek,
          '{"name": "Authorization", "value": "ApiKey %s"}' % ek],
         ["Authorization: ApiKey ${ES_API_KEY}", "Authorization: Bearer %s" % ek[:20]],
         ["https://www.elastic.co/docs/api/doc/elasticsearch/operation/operation-security-create-api-key",
          "https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html"])
    rule("elastic.cloud-api-key", "Elastic Cloud API key (by key name)", "medium",
         r"(?i:\b(?:ec_api_key|elastic_?cloud[a-z_-]{0,12}api_?key|es_api_key|elasticsearch_api_key))" + ASSIGN +
         r"(?<secret>[A-Za-z0-9+/]{40,200}={0,2})",
         ["EC_API_KEY=%s" % ek, 'elasticsearch_api_key: "%s"' % ek],
         ["EC_API_KEY=%s" % an(20), "ES_API_KEY_ID=%s" % an(20)],
         ["https://www.elastic.co/docs/deploy-manage/api-keys/elastic-cloud-api-keys"])
    rule("sumologic.access-key", "Sumo Logic access key", "medium",
         r"(?i:\bsumo[a-z_-]{0,16}access_?key)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{64})\b",
         ["SUMO_ACCESS_ID=su%s\nSUMO_ACCESS_KEY=%s" % (an(12), an(64)),
          '{"sumologic_access_key": "%s"}' % an(64)],
         ["SUMO_ACCESS_KEY=%s" % an(40), "SUMO_ACCESS_ID=su%s" % an(12)],
         ["https://help.sumologic.com/docs/manage/security/access-keys/",
          "https://help.sumologic.com/docs/api/getting-started/#authentication"])


def truenas():
    ref = ["https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managingapikeys/",
           "https://www.truenas.com/docs/api/scale_websocket_api.html"]

    def key():
        return "%d-%s" % (R.randint(1, 99), an(64))
    # A key is "<id>-<64 alnum>".  Over WebSocket it is the first parameter of
    # auth.login_with_api_key (params often on the next line of a formatted
    # JSON-RPC call, hence multiline); over REST it is a Bearer token, which
    # auth.bearer.header already reports.
    rule("truenas.api-key", "TrueNAS API key", "high",
         r"\"auth\.login_with_api_key\"[ \t\r\n,]{0,8}\"params\"[ \t]{0,4}:[ \t\r\n]{0,8}\[[ \t\r\n]{0,12}\""
         r"(?<secret>[0-9]{1,6}-[A-Za-z0-9]{64})\"",
         ['{"id": "%s", "msg": "method", "method": "auth.login_with_api_key", "params": ["%s"]}' % (uuid(), key()),
          '{\n  "id": "%s",\n  "msg": "method",\n  "method": "auth.login_with_api_key",\n  "params": [\n    "%s"\n  ]\n}'
          % (uuid(), key())],
         ['{"msg": "method", "method": "auth.login_with_api_key", "params": ["<api-key>"]}',
          '{"msg": "method", "method": "auth.login", "params": ["root", "%s"]}' % an(20)],
         ref,
         multiline=True, opener=r"\"auth\.login_with_api_key\"")


def add_rules():
    dynatrace()
    grafana()
    newrelic()
    datadog()
    sentry()
    honeycomb()
    incident()
    logs()
    truenas()
