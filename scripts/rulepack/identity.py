"""Identity providers (patterns/identity.json): Okta, Auth0, OneLogin, Duo,
Keycloak, Stytch.

Okta API tokens are `00` + 40 base64url characters and Auth0 client secrets
64 base64url characters without a prefix, so both are tied to context: the
`SSWS` scheme or the word `okta` nearby, and for Auth0 a tenant domain
(`*.auth0.com`) above the secret."""

from rulepack.common import *  # noqa: F401,F403

RI = rng_for("identity")


def _id_alnum(n):
    return fakes._choose(RI, fakes.ALNUM, n)


def _id_hex(n):
    return fakes._choose(RI, fakes.HEX, n)


def _id_b64url(n):
    while True:
        v = fakes._choose(RI, fakes.ALNUM + "_-", n)
        if v[0] not in "-_" and v[-1] not in "-_":
            return v


def okta_token():
    return "00" + _id_b64url(40)


def add_identity_rules():
    okta_refs = ["https://developer.okta.com/docs/guides/create-an-api-token/main/",
                 "https://developer.okta.com/docs/api/openapi/okta-management/guides/overview/#authentication"]
    rule("okta.api-token.ssws", "Okta API token (SSWS authorization)", "high",
         r"\bSSWS[ \t]{1,4}(?<secret>00[A-Za-z0-9_-]{40})\b",
         ["Authorization: SSWS %s" % okta_token(),
          'curl -H "Authorization: SSWS %s" https://contoso.okta.com/api/v1/users' % okta_token(),
          'requests.get(url, headers={"Authorization": f"SSWS %s"})' % okta_token()],
         ["Authorization: SSWS ${OKTA_API_TOKEN}",
          "Authorization: SSWS %s" % okta_token()[:30],
          "Authorization: SSWS %s-" % okta_token()[:41]],
         okta_refs)
    rule("okta.api-token", "Okta API token (Okta named nearby)", "medium",
         r"(?i:okta)[^\r\n]{0,64}?(?:\r?\n[^\r\n]{0,64}?)?\b(?<secret>00[A-Za-z0-9_-]{40})\b",
         ["OKTA_API_TOKEN=%s" % okta_token(),
          "okta_secret:  %s" % okta_token(),
          'variable "okta_api_token" {\n  default = "%s"\n}' % okta_token(),
          '{"okta": {"orgUrl": "https://contoso.okta.com", "token": "%s"}}' % okta_token()],
         ["%s" % okta_token(),
          "okta: %s-" % okta_token()[:41],
          "okta_api_token: %s" % (okta_token() + "ab"),
          "okta_api_token: 00%s" % ("0" * 40)],
         okta_refs, multiline=True, opener=r"(?i:okta)")
    rule("okta.client-secret", "Okta OAuth client secret", "medium",
         r"(?i:okta[a-z0-9_.-]{0,24}?client_?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9_-]{40,64})\b",
         ["OKTA_CLIENT_SECRET=%s" % _id_b64url(40),
          '{"oktaClientSecret": "%s"}' % _id_b64url(64)],
         ["OKTA_CLIENT_SECRET={clientSecret}",
          "OKTA_CLIENT_ID=0oa%s" % _id_alnum(17)],
         ["https://developer.okta.com/docs/guides/implement-grant-type/clientcreds/main/"])

    auth0_domain = r"[A-Za-z0-9-]{1,63}(?:\.[a-z]{2,3})?\.auth0\.com"
    rule("auth0.client-secret", "Auth0 application client secret (below its tenant domain)", "high",
         auth0_domain + r"[^\x00]{0,800}?(?i:client_?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9_-]{64})",
         ["AUTH0_DOMAIN='hush-test.us.auth0.com'\nAUTH0_CLIENT_ID='%s'\nAUTH0_CLIENT_SECRET='%s'\n"
          % (_id_alnum(32), _id_b64url(64)),
          "AUTH0_ISSUER_BASE_URL='https://dev-%s.eu.auth0.com'\nAUTH0_BASE_URL='http://localhost:3000'\n"
          "AUTH0_CLIENT_ID='%s'\nAUTH0_CLIENT_SECRET='%s'\n" % (_id_alnum(16).lower(), _id_alnum(32), _id_b64url(64)),
          '{"domain": "contoso.auth0.com", "clientId": "%s", "clientSecret": "%s"}' % (_id_alnum(32), _id_b64url(64))],
         ["export AUTH0_CLIENT_ID='%s'\nexport AUTH0_CLIENT_SECRET='%s'\nexport AUTH0_DOMAIN='contoso.auth0.com'\n"
          % (_id_alnum(32), _id_b64url(64)),
          "AUTH0_DOMAIN='hush-test.auth0.com'\nAUTH0_CLIENT_SECRET='{yourClientSecret}'\n",
          "AUTH0_DOMAIN='hush-test.auth0.com'\nAUTH0_CLIENT_ID='%s'\n" % _id_alnum(32)],
         ["https://auth0.com/docs/get-started/applications/application-settings",
          "https://auth0.com/docs/secure/application-credentials"],
         multiline=True, opener=r"\.auth0\.com")

    rule("onelogin.client-secret", "OneLogin API client secret", "medium",
         r"(?i:onelogin[a-z0-9_.-]{0,24}?(?:client_?)?secret)" + ASSIGN + r"(?<secret>[0-9a-f]{64})\b",
         ["ONELOGIN_CLIENT_SECRET=%s" % _id_hex(64),
          '{"onelogin_secret": "%s"}' % _id_hex(64)],
         ["ONELOGIN_CLIENT_SECRET=%s" % _id_hex(40),
          "ONELOGIN_CLIENT_ID=%s" % _id_hex(64)],
         ["https://developers.onelogin.com/api-docs/2/getting-started/working-with-api-credentials"])
    rule("duo.secret-key", "Duo Security application secret key", "medium",
         r"(?i:duo[a-z0-9_.-]{0,24}?(?:skey|secret_?key|client_?secret)|\bskey)" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{40})\b",
         ["DUO_SECRET_KEY=%s" % _id_alnum(40),
          "[duo]\nikey = DI%s\nskey = %s\napi_host = api-%s.duosecurity.com"
          % (_id_alnum(18).upper(), _id_alnum(40), _id_hex(8)),
          '{"duoClientSecret": "%s"}' % _id_alnum(40)],
         ["DUO_SECRET_KEY=%s" % _id_alnum(30),
          "DUO_INTEGRATION_KEY=DI%s" % _id_alnum(18).upper()],
         ["https://duo.com/docs/authapi#first-steps"])
    rule("keycloak.client-secret", "Keycloak client secret", "medium",
         r"(?i:keycloak[a-z0-9_.-]{0,24}?(?:client_?)?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{32})\b",
         ["KEYCLOAK_CLIENT_SECRET=%s" % _id_alnum(32),
          '{"keycloak": {"realm": "hush-test"}, "keycloakClientSecret": "%s"}' % _id_alnum(32)],
         ["KEYCLOAK_CLIENT_SECRET=**********",
          "KEYCLOAK_CLIENT_SECRET=%s" % _id_alnum(20)],
         ["https://www.keycloak.org/docs/latest/server_admin/#_client-credentials"])
    rule("stytch.secret", "Stytch project secret", "high",
         r"\b(?<secret>secret-(?:live|test)-[A-Za-z0-9_-]{30,40}=?)",
         ["STYTCH_SECRET=secret-live-%s=" % _id_b64url(35),
          "curl -u project-live-%s:secret-test-%s= https://test.stytch.com/v1/users"
          % (fakes.guid(RI), _id_b64url(35))],
         ["STYTCH_SECRET=secret-live-<secret>",
          "STYTCH_PROJECT_ID=project-live-%s" % fakes.guid(RI)],
         ["https://stytch.com/docs/api/authentication"])


def add_rules():
    add_identity_rules()
