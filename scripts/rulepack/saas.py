"""Credentials of SaaS APIs (patterns/saas.json) and identity providers
(patterns/identity.json).

SaaS: Salesforce, Adobe, Dropbox, Mapbox, NASA, Airtable, Notion, Asana,
HubSpot, Zendesk, Algolia, Contentful, Typeform, ClickUp, Pipedrive (Linear,
Figma, Shopify and Intercom are in other families' files).

Identity: Okta, Auth0, OneLogin, Duo, Keycloak, Stytch.  Okta API tokens are
`00` + 40 base64url characters and Auth0 client secrets 64 base64url
characters without a prefix, so both are tied to context: the `SSWS` scheme
or the word `okta` nearby, and for Auth0 a tenant domain (`*.auth0.com`)
above the secret.
"""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("saas")



_fake = Fakes(R)
_alnum, _hex, _b64url = _fake.alnum, _fake.hex, _fake.b64url


def provider_key(names):
    return r"(?i:" + names + r")" + ASSIGN


def salesforce_org_id():
    return "00D" + fakes._choose(R, UPPER_ALNUM, 12)


def salesforce_session():
    return salesforce_org_id() + "!" + "AQ" + fakes._choose(R, fakes.ALNUM + "._", 94)


def mapbox_token(prefix):
    import base64
    import json
    payload = json.dumps({"u": "hush-test", "a": fakes._choose(R, LOWER_ALNUM, 25)},
                         separators=(",", ":")).encode()
    body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    return "%s.%s.%s" % (prefix, body, _b64url(22))


def add_rules():
    add_saas_rules()
    add_identity_rules()
    add_google_rules()


def add_saas_rules():
    # ---- Salesforce ----------------------------------------------------------
    sf_refs = ["https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm",
               "https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_oauth_and_connected_apps.htm"]
    rule("saas.json", "salesforce.access-token", "Salesforce access token (session ID)", "high",
         r"\b(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,200})",
         ["Access Token      %s" % salesforce_session(),
          'curl https://contoso.my.salesforce.com/services/data/v60.0/ -H "Authorization: Bearer %s"'
          % salesforce_session(),
          '{"access_token": "%s", "instance_url": "https://contoso.my.salesforce.com"}' % salesforce_session()],
         ["Id                %s" % salesforce_org_id(),
          "%s!short" % salesforce_org_id(),
          "Access Token      00D000000000000!<token>"],
         sf_refs)
    rule("saas.json", "salesforce.refresh-token", "Salesforce OAuth refresh token", "high",
         r"(?i:refresh_?token)" + ASSIGN + r"(?<secret>5Aep8[A-Za-z0-9._]{60,120})",
         ['{"refresh_token": "5Aep861%s"}' % fakes._choose(R, fakes.ALNUM + ".", 80),
          "SF_REFRESH_TOKEN=5Aep861%s" % _alnum(80)],
         ['{"refresh_token": "5Aep861..."}',
          '{"refresh_token": "%s"}' % _alnum(80)],
         ["https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm"])
    rule("saas.json", "salesforce.consumer-secret", "Salesforce connected app consumer secret", "medium",
         provider_key(r"(?:salesforce|sfdc|\bsf)[a-z0-9_.-]{0,24}?(?:consumer|client)_?secret") +
         r"(?<secret>[A-F0-9]{64}|[0-9]{19})\b",
         ["SALESFORCE_CONSUMER_SECRET=%s" % _hex(64).upper(),
          "SF_CLIENT_SECRET=%s" % fakes._choose(R, fakes.string.digits[1:], 19)],
         ["SALESFORCE_CONSUMER_SECRET=<secret>",
          "SALESFORCE_CONSUMER_KEY=3MVG9%s" % _alnum(80)],
         ["https://help.salesforce.com/s/articleView?id=sf.connected_app_rotate_consumer_details.htm"])

    # ---- Adobe ---------------------------------------------------------------
    rule("saas.json", "adobe.client-secret", "Adobe Developer Console OAuth client secret", "high",
         r"\b(?<secret>p8e-[A-Za-z0-9_-]{32})",
         ['{"client_credentials": {"client_id": "%s", "client_secret": "p8e-%s"}}' % (_hex(32), _b64url(32)),
          "ADOBE_CLIENT_SECRET=p8e-%s" % _b64url(32),
          "curl -X POST https://ims-na1.adobelogin.com/ims/token/v3 -d 'client_id=%s&client_secret=p8e-%s'"
          % (_hex(32), _b64url(32))],
         ["ADOBE_CLIENT_SECRET=p8e-<secret>",
          "ADOBE_CLIENT_SECRET=p8e-%s" % _b64url(20),
          "ADOBE_CLIENT_ID=%s" % _hex(32)],
         ["https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation"])

    # ---- Dropbox -------------------------------------------------------------
    dbx_refs = ["https://developers.dropbox.com/oauth-guide",
                "https://www.dropbox.com/developers/reference/auth-types"]
    rule("saas.json", "dropbox.access-token", "Dropbox short-lived access token", "high",
         r"\b(?<secret>sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400})",
         ['curl -X POST https://api.dropboxapi.com/2/users/get_current_account --header "Authorization: Bearer sl.%s"'
          % _b64url(140),
          '{"access_token": "sl.u.%s", "token_type": "bearer", "expires_in": 14400}' % _b64url(600)],
         ["Authorization: Bearer sl.<token>",
          "sl.%s" % _b64url(60),
          "import sl.utils.%s" % _alnum(20)],
         dbx_refs)
    rule("saas.json", "dropbox.app-secret", "Dropbox app secret", "medium",
         provider_key(r"dropbox[a-z0-9_.-]{0,24}?(?:app_?|client_?)secret") + r"(?<secret>[a-z0-9]{15})\b",
         ["DROPBOX_APP_SECRET=%s" % fakes._choose(R, LOWER_ALNUM, 15),
          '{"dropboxClientSecret": "%s"}' % fakes._choose(R, LOWER_ALNUM, 15)],
         ["DROPBOX_APP_SECRET=<app secret>",
          "DROPBOX_APP_KEY=%s" % fakes._choose(R, LOWER_ALNUM, 15)],
         dbx_refs)

    # ---- Mapbox --------------------------------------------------------------
    mapbox_refs = ["https://docs.mapbox.com/help/dive-deeper/access-tokens/",
                   "https://docs.mapbox.com/api/accounts/tokens/"]
    rule("saas.json", "mapbox.secret-token", "Mapbox secret access token", "high",
         r"\b(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{20,40})",
         ["MAPBOX_SECRET_TOKEN=%s" % mapbox_token("sk"),
          "mapboxgl.accessToken = '%s';" % mapbox_token("sk"),
          "https://api.mapbox.com/tokens/v2/hush-test?access_token=%s" % mapbox_token("sk")],
         ["mapboxgl.accessToken = '%s';" % mapbox_token("pk"),
          "MAPBOX_SECRET_TOKEN=sk.<token>",
          "MAPBOX_SECRET_TOKEN=sk.eyJ1Ijoi"],
         mapbox_refs)
    rule("saas.json", "mapbox.temporary-token", "Mapbox temporary access token", "high",
         r"\b(?<secret>tk\.eyJ[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{20,40})",
         ["MAPBOX_TOKEN=%s" % mapbox_token("tk"),
          "mapboxgl.accessToken = '%s';" % mapbox_token("tk")],
         ["mapboxgl.accessToken = '%s';" % mapbox_token("pk"),
          "MAPBOX_TOKEN=tk.<token>"],
         mapbox_refs)

    # ---- NASA ----------------------------------------------------------------
    nasa_refs = ["https://api.nasa.gov/"]
    rule("saas.json", "nasa.api-key.url", "NASA Open APIs key in a URL", "high",
         r"(?i:api\.nasa\.gov)/[^ \t\r\n\"'<>#?]{0,100}\?(?:[^ \t\r\n\"'<>#]{0,200}&)?api_key="
         r"(?<secret>[A-Za-z0-9]{40})\b",
         ["fetch('https://api.nasa.gov/planetary/apod?api_key=%s')" % _alnum(40),
          "GET https://api.nasa.gov/neo/rest/v1/feed?start_date=2031-01-01&api_key=%s" % _alnum(40)],
         ["https://api.nasa.gov/planetary/apod?api_key=DEMO_KEY",
          "https://api.nasa.gov/planetary/apod?api_key=%s" % _alnum(20)],
         nasa_refs)
    rule("saas.json", "nasa.api-key", "NASA Open APIs key (key name)", "medium",
         provider_key(r"nasa[a-z0-9_.-]{0,24}?key") + r"(?<secret>[A-Za-z0-9]{40})\b",
         ["NASA_API_KEY=%s" % _alnum(40),
          '{"nasaApiKey": "%s"}' % _alnum(40)],
         ["NASA_API_KEY=DEMO_KEY",
          "NASA_API_KEY=%s" % _alnum(30)],
         nasa_refs)

    # ---- Airtable ------------------------------------------------------------
    rule("saas.json", "airtable.pat", "Airtable personal access token", "high",
         r"\b(?<secret>pat[A-Za-z0-9]{14}\.[0-9a-f]{64})\b",
         ["AIRTABLE_API_KEY=pat%s.%s" % (_alnum(14), _hex(64)),
          'curl https://api.airtable.com/v0/meta/bases -H "Authorization: Bearer pat%s.%s"' % (_alnum(14), _hex(64))],
         ["AIRTABLE_API_KEY=pat%s.<secret>" % _alnum(14),
          "AIRTABLE_API_KEY=pat%s.%s" % (_alnum(14), _hex(40))],
         ["https://airtable.com/developers/web/guides/personal-access-tokens"])
    rule("saas.json", "airtable.api-key", "Airtable API key (legacy)", "medium",
         r"(?i:airtable)[^\r\n]{0,64}?\b(?<secret>key[A-Za-z0-9]{14})\b",
         ["AIRTABLE_API_KEY=key%s" % _alnum(14),
          "new Airtable({apiKey: 'key%s'}).base('app%s')" % (_alnum(14), _alnum(14))],
         ["AIRTABLE_API_KEY=key%s" % _alnum(10),
          "AIRTABLE_BASE=app%s" % _alnum(14)],
         ["https://support.airtable.com/docs/airtable-api-key-deprecation-notice"])

    # ---- Notion --------------------------------------------------------------
    notion_refs = ["https://developers.notion.com/docs/authorization"]
    rule("saas.json", "notion.integration-token", "Notion integration token", "high",
         r"\b(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})\b",
         ["NOTION_TOKEN=ntn_%s%s" % (fakes._choose(R, fakes.string.digits, 11), _alnum(35)),
          'curl https://api.notion.com/v1/users -H "Authorization: Bearer ntn_%s%s"'
          % (fakes._choose(R, fakes.string.digits, 11), _alnum(35))],
         ["NOTION_TOKEN=ntn_<token>",
          "NOTION_TOKEN=ntn_%s" % _alnum(20)],
         notion_refs)
    rule("saas.json", "notion.integration-token.legacy", "Notion integration token (secret_ form)", "medium",
         r"\b(?<secret>secret_[A-Za-z0-9]{43})\b",
         ["NOTION_TOKEN=secret_%s" % _alnum(43),
          'const notion = new Client({ auth: "secret_%s" })' % _alnum(43)],
         ["NOTION_TOKEN=secret_%s" % _alnum(30),
          "secret_key_base_%s" % _alnum(43)],
         notion_refs)

    # ---- Asana ---------------------------------------------------------------
    def asana_pat(v2=True):
        ws = fakes._choose(R, fakes.string.digits, 16)
        if v2:
            return "2/%s/%s:%s" % (ws, fakes._choose(R, fakes.string.digits, 16), _hex(32))
        return "1/%s:%s" % (ws, _hex(32))
    rule("saas.json", "asana.pat", "Asana personal access token", "high",
         r"\b(?<secret>[12]/[0-9]{10,20}(?:/[0-9]{10,20})?:[0-9a-f]{32})\b",
         ["ASANA_ACCESS_TOKEN=%s" % asana_pat(),
          'curl https://app.asana.com/api/1.0/users/me -H "Authorization: Bearer %s"' % asana_pat(False)],
         ["ASANA_ACCESS_TOKEN=2/<workspace>/<user>:<secret>",
          "ratio 1/%s:%s" % (fakes._choose(R, fakes.string.digits, 12), _hex(20))],
         ["https://developers.asana.com/docs/personal-access-token"])

    # ---- HubSpot -------------------------------------------------------------
    rule("saas.json", "hubspot.private-app-token", "HubSpot private app / service key token", "high",
         r"\b(?<secret>pat-(?:na|eu|ap)[0-9]{1,2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
         ["HUBSPOT_ACCESS_TOKEN=pat-na1-%s" % fakes.guid(R),
          'curl https://api.hubapi.com/crm/v3/objects/contacts -H "Authorization: Bearer pat-eu1-%s"' % fakes.guid(R)],
         ["HUBSPOT_ACCESS_TOKEN=pat-na1-<token>",
          "HUBSPOT_ACCESS_TOKEN=pat-na1-%s" % _hex(16)],
         ["https://developers.hubspot.com/docs/api/private-apps"])
    rule("saas.json", "hubspot.api-key", "HubSpot API key (legacy hapikey)", "medium",
         r"(?:(?i:hapikey)=|" + provider_key(r"hubspot[a-z0-9_.-]{0,24}?key") + r")"
         r"(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
         ["https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=%s" % fakes.guid(R),
          "HUBSPOT_API_KEY=%s" % fakes.guid(R)],
         ["https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=demo",
          "HUBSPOT_PORTAL_ID=1234567"],
         ["https://developers.hubspot.com/changelog/upcoming-api-key-sunset"])

    # ---- Zendesk, Algolia, Contentful ------------------------------------------
    rule("saas.json", "zendesk.api-token", "Zendesk API token", "medium",
         provider_key(r"zendesk[a-z0-9_.-]{0,24}?(?:token|key)") + r"(?<secret>[A-Za-z0-9]{40})\b",
         ["ZENDESK_API_TOKEN=%s" % _alnum(40),
          '{"zendesk": {"subdomain": "contoso"}, "zendeskApiToken": "%s"}' % _alnum(40)],
         ["ZENDESK_API_TOKEN=<token>",
          "ZENDESK_API_TOKEN=%s" % _alnum(24)],
         ["https://developer.zendesk.com/api-reference/introduction/security-and-auth/"])
    rule("saas.json", "algolia.admin-api-key", "Algolia admin / write API key", "medium",
         provider_key(r"algolia[a-z0-9_.-]{0,24}?(?:admin|write|secret|private)[a-z0-9_.-]{0,16}?key") +
         r"(?<secret>[0-9a-f]{32})\b",
         ["ALGOLIA_ADMIN_API_KEY=%s" % _hex(32),
          '{"algoliaWriteKey": "%s", "appId": "%s"}' % (_hex(32), fakes._choose(R, UPPER_ALNUM, 10))],
         ["ALGOLIA_SEARCH_API_KEY=%s" % _hex(32),
          "ALGOLIA_ADMIN_API_KEY=%s" % _hex(20)],
         ["https://www.algolia.com/doc/guides/security/api-keys/"])
    contentful_refs = ["https://www.contentful.com/developers/docs/references/authentication/"]
    rule("saas.json", "contentful.pat", "Contentful personal access token (CMA)", "high",
         r"\b(?<secret>CFPAT-[A-Za-z0-9_-]{43})",
         ["CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-%s" % _b64url(43),
          'contentful space list --management-token "CFPAT-%s"' % _b64url(43)],
         ["CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<token>",
          "CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-%s" % _b64url(20)],
         contentful_refs)
    rule("saas.json", "contentful.api-token", "Contentful delivery / preview / management token (key name)", "medium",
         provider_key(r"contentful[a-z0-9_.-]{0,32}?(?:token|key)") + r"(?<secret>[A-Za-z0-9_-]{43})",
         ["CONTENTFUL_PREVIEW_ACCESS_TOKEN=%s" % _b64url(43),
          '{"contentfulDeliveryToken": "%s", "spaceId": "%s"}' % (_b64url(43), fakes._choose(R, LOWER_ALNUM, 12))],
         ["CONTENTFUL_SPACE_ID=%s" % fakes._choose(R, LOWER_ALNUM, 12),
          "CONTENTFUL_ACCESS_TOKEN=<token>"],
         contentful_refs)

    # ---- Typeform, ClickUp --------------------------------------------------
    rule("saas.json", "typeform.pat", "Typeform personal access token", "high",
         r"\b(?<secret>tfp_[A-Za-z0-9_-]{40,70})",
         ["TYPEFORM_TOKEN=tfp_%s_%s" % (_alnum(44), _alnum(14)),
          'curl https://api.typeform.com/me -H "Authorization: Bearer tfp_%s_%s"' % (_alnum(44), _alnum(14))],
         ["TYPEFORM_TOKEN=tfp_<token>",
          "TYPEFORM_TOKEN=tfp_%s" % _alnum(20)],
         ["https://www.typeform.com/developers/get-started/personal-access-token/"])
    rule("saas.json", "clickup.api-token", "ClickUp personal API token", "high",
         r"\b(?<secret>pk_[0-9]{4,12}_[A-Z0-9]{32})\b",
         ["CLICKUP_API_TOKEN=pk_%s_%s" % (fakes._choose(R, fakes.string.digits, 8), fakes._choose(R, UPPER_ALNUM, 32)),
          'curl https://api.clickup.com/api/v2/user -H "Authorization: pk_%s_%s"'
          % (fakes._choose(R, fakes.string.digits, 8), fakes._choose(R, UPPER_ALNUM, 32))],
         ["CLICKUP_API_TOKEN=pk_<token>",
          "pk_live_%s" % _alnum(24)],
         ["https://developer.clickup.com/docs/authentication"])

    # ---- Pipedrive ------------------------------------------------
    rule("saas.json", "pipedrive.api-token", "Pipedrive API token", "medium",
         r"(?:(?i:api\.pipedrive\.com)/[^ \t\r\n\"'<>#?]{0,100}\?(?:[^ \t\r\n\"'<>#]{0,200}&)?api_token=|" +
         provider_key(r"pipedrive[a-z0-9_.-]{0,24}?(?:token|key)") + r")(?<secret>[0-9a-f]{40})\b",
         ["https://api.pipedrive.com/v1/deals?api_token=%s" % _hex(40),
          "PIPEDRIVE_API_TOKEN=%s" % _hex(40)],
         ["https://api.pipedrive.com/v1/deals?api_token=<token>",
          "PIPEDRIVE_API_TOKEN=%s" % _hex(32)],
         ["https://pipedrive.readme.io/docs/how-to-find-the-api-token"])

    # ---- Trello, Smartsheet ---------------------------------------------------
    rule("saas.json", "trello.api-token", "Trello API token", "high",
         r"\b(?<secret>ATTA[0-9a-f]{64}[0-9A-F]{8})\b",
         ["TRELLO_TOKEN=ATTA%s%s" % (_hex(64), _hex(8).upper()),
          "https://api.trello.com/1/members/me/boards?key=%s&token=ATTA%s%s" % (_hex(32), _hex(64), _hex(8).upper())],
         ["TRELLO_TOKEN=ATTA<token>",
          "TRELLO_API_KEY=%s" % _hex(32),
          "TRELLO_TOKEN=ATTA%s" % _hex(40)],
         ["https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/"])
    rule("saas.json", "smartsheet.access-token", "Smartsheet API access token", "medium",
         provider_key(r"smartsheet[a-z0-9_.-]{0,24}?(?:token|key)") + r"(?<secret>[A-Za-z0-9]{37}|[A-Za-z0-9]{26})\b",
         ["SMARTSHEET_ACCESS_TOKEN=%s" % _alnum(37),
          '{"smartsheetToken": "%s"}' % _alnum(26)],
         ["SMARTSHEET_ACCESS_TOKEN=<token>",
          "SMARTSHEET_SHEET_ID=3084190078947204"],
         ["https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication"])


# ---- identity providers (patterns/identity.json) ----------------------------

RI = rng_for("identity")  # identity.json keeps its own fixed-seed values


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
    rule("identity.json", "okta.api-token.ssws", "Okta API token (SSWS authorization)", "high",
         r"\bSSWS[ \t]{1,4}(?<secret>00[A-Za-z0-9_-]{40})\b",
         ["Authorization: SSWS %s" % okta_token(),
          'curl -H "Authorization: SSWS %s" https://contoso.okta.com/api/v1/users' % okta_token(),
          'requests.get(url, headers={"Authorization": f"SSWS %s"})' % okta_token()],
         ["Authorization: SSWS ${OKTA_API_TOKEN}",
          "Authorization: SSWS %s" % okta_token()[:30],
          "Authorization: SSWS %s-" % okta_token()[:41]],
         okta_refs)
    rule("identity.json", "okta.api-token", "Okta API token (Okta named nearby)", "medium",
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
    rule("identity.json", "okta.client-secret", "Okta OAuth client secret", "medium",
         r"(?i:okta[a-z0-9_.-]{0,24}?client_?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9_-]{40,64})\b",
         ["OKTA_CLIENT_SECRET=%s" % _id_b64url(40),
          '{"oktaClientSecret": "%s"}' % _id_b64url(64)],
         ["OKTA_CLIENT_SECRET={clientSecret}",
          "OKTA_CLIENT_ID=0oa%s" % _id_alnum(17)],
         ["https://developer.okta.com/docs/guides/implement-grant-type/clientcreds/main/"])

    auth0_domain = r"[A-Za-z0-9-]{1,63}(?:\.[a-z]{2,3})?\.auth0\.com"
    rule("identity.json", "auth0.client-secret", "Auth0 application client secret (below its tenant domain)", "high",
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

    rule("identity.json", "onelogin.client-secret", "OneLogin API client secret", "medium",
         r"(?i:onelogin[a-z0-9_.-]{0,24}?(?:client_?)?secret)" + ASSIGN + r"(?<secret>[0-9a-f]{64})\b",
         ["ONELOGIN_CLIENT_SECRET=%s" % _id_hex(64),
          '{"onelogin_secret": "%s"}' % _id_hex(64)],
         ["ONELOGIN_CLIENT_SECRET=%s" % _id_hex(40),
          "ONELOGIN_CLIENT_ID=%s" % _id_hex(64)],
         ["https://developers.onelogin.com/api-docs/2/getting-started/working-with-api-credentials"])
    rule("identity.json", "duo.secret-key", "Duo Security application secret key", "medium",
         r"(?i:duo[a-z0-9_.-]{0,24}?(?:skey|secret_?key|client_?secret)|\bskey)" + ASSIGN +
         r"(?<secret>[A-Za-z0-9]{40})\b",
         ["DUO_SECRET_KEY=%s" % _id_alnum(40),
          "[duo]\nikey = DI%s\nskey = %s\napi_host = api-%s.duosecurity.com"
          % (_id_alnum(18).upper(), _id_alnum(40), _id_hex(8)),
          '{"duoClientSecret": "%s"}' % _id_alnum(40)],
         ["DUO_SECRET_KEY=%s" % _id_alnum(30),
          "DUO_INTEGRATION_KEY=DI%s" % _id_alnum(18).upper()],
         ["https://duo.com/docs/authapi#first-steps"])
    rule("identity.json", "keycloak.client-secret", "Keycloak client secret", "medium",
         r"(?i:keycloak[a-z0-9_.-]{0,24}?(?:client_?)?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9]{32})\b",
         ["KEYCLOAK_CLIENT_SECRET=%s" % _id_alnum(32),
          '{"keycloak": {"realm": "hush-test"}, "keycloakClientSecret": "%s"}' % _id_alnum(32)],
         ["KEYCLOAK_CLIENT_SECRET=**********",
          "KEYCLOAK_CLIENT_SECRET=%s" % _id_alnum(20)],
         ["https://www.keycloak.org/docs/latest/server_admin/#_client-credentials"])
    rule("identity.json", "stytch.secret", "Stytch project secret", "high",
         r"\b(?<secret>secret-(?:live|test)-[A-Za-z0-9_-]{30,40}=?)",
         ["STYTCH_SECRET=secret-live-%s=" % _id_b64url(35),
          "curl -u project-live-%s:secret-test-%s= https://test.stytch.com/v1/users"
          % (fakes.guid(RI), _id_b64url(35))],
         ["STYTCH_SECRET=secret-live-<secret>",
          "STYTCH_PROJECT_ID=project-live-%s" % fakes.guid(RI)],
         ["https://stytch.com/docs/api/authentication"])


# ---- Google (appended to patterns/google.json) ---------------------------------

RG = rng_for("google-extra")  # own fixed-seed values for the Google additions


def _g_b64url(n):
    while True:
        v = fakes._choose(RG, fakes.ALNUM + "_-", n)
        if v[0] not in "-_" and v[-1] not in "-_":
            return v


def google_client_id():
    return "%s-%s.apps.googleusercontent.com" % (fakes._choose(RG, fakes.string.digits, 12),
                                                fakes._choose(RG, fakes.string.ascii_lowercase + fakes.string.digits, 32))


def add_google_rules():
    oauth_refs = ["https://developers.google.com/identity/protocols/oauth2"]
    rule("google.json", "google.oauth-client-secret.legacy", "Google OAuth client secret (legacy 24-char form)", "medium",
         r"(?i:google[a-z0-9_.-]{0,24}?client_?secret)" + ASSIGN + r"(?<secret>[A-Za-z0-9_-]{24})\b",
         ["$google_client_secret = '%s';" % _g_b64url(24),
          "GOOGLE_CLIENT_SECRET=%s" % _g_b64url(24),
          '{"googleClientSecret": "%s"}' % _g_b64url(24)],
         ["GOOGLE_CLIENT_SECRET=<client secret>",
          "GOOGLE_CLIENT_SECRET=%s" % _g_b64url(16),
          "GOOGLE_CLIENT_ID=%s" % google_client_id()],
         oauth_refs)
    rule("google.json", "google.oauth-client-secret.with-client-id",
         "Google OAuth client secret (legacy form, below its client ID)", "high",
         r"[0-9]{6,20}-[a-z0-9]{32}\.apps\.googleusercontent\.com[^\x00]{0,400}?(?i:client_?secret)" + ASSIGN +
         r"(?<secret>[A-Za-z0-9_-]{24})\b",
         ["const CLIENT_ID = '%s';\nconst CLIENT_SECRET = '%s';\n" % (google_client_id(), _g_b64url(24)),
          '{"web": {"client_id": "%s", "project_id": "hush-test", "client_secret": "%s"}}'
          % (google_client_id(), _g_b64url(24))],
         ["const CLIENT_ID = '%s';\nconst CLIENT_SECRET = process.env.SECRET;\n" % google_client_id(),
          "const CLIENT_ID = 'hush-test.apps.googleusercontent.com';\nconst CLIENT_SECRET = '%s';\n" % _g_b64url(24)],
         oauth_refs, multiline=True, opener=r"\.apps\.googleusercontent\.com")
    rule("google.json", "google.oauth-refresh-token", "Google OAuth refresh token", "high",
         r"\b(?<secret>1//0[A-Za-z0-9_-]{60,250})",
         ['{"access_token": "ya29.%s", "refresh_token": "1//0%s"}' % (_g_b64url(150), _g_b64url(99)),
          "GOOGLE_REFRESH_TOKEN=1//0%s" % _g_b64url(99)],
         ["GOOGLE_REFRESH_TOKEN=1//0<token>",
          "GOOGLE_REFRESH_TOKEN=1//0%s" % _g_b64url(30)],
         ["https://developers.google.com/identity/protocols/oauth2/web-server#offline"])
    rule("google.json", "google.fcm.server-key", "Firebase Cloud Messaging legacy server key", "high",
         r"\b(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{120,160})",
         ["FCM_SERVER_KEY=AAAA%s:APA91b%s" % (_g_b64url(7), _g_b64url(134)),
          'curl https://fcm.googleapis.com/fcm/send -H "Authorization: key=AAAA%s:APA91b%s"'
          % (_g_b64url(7), _g_b64url(134))],
         ["FCM_SERVER_KEY=AAAA%s:APA91b<rest>" % _g_b64url(7),
          "registration_token=%s:APA91b%s" % (_g_b64url(11), _g_b64url(134))],
         ["https://firebase.google.com/docs/cloud-messaging/auth-server#authorize-http-requests"])
    rule("google.json", "google.recaptcha.secret-key", "Google reCAPTCHA secret key", "medium",
         r"(?:" + r"(?i:recaptcha[a-z0-9_.-]{0,24}?secret[a-z0-9_.-]{0,8})" + ASSIGN +
         r"|(?i:recaptcha/api/siteverify)\?(?:[^ \t\r\n\"'<>#]{0,200}&)?secret=)(?<secret>6L[A-Za-z0-9_-]{38})\b",
         ["RECAPTCHA_SECRET_KEY=6L%s" % _g_b64url(38),
          "POST https://www.google.com/recaptcha/api/siteverify?secret=6L%s&response=hush-test" % _g_b64url(38)],
         ["RECAPTCHA_SITE_KEY=6L%s" % _g_b64url(38),
          "RECAPTCHA_SECRET_KEY=6L%s" % _g_b64url(20)],
         ["https://developers.google.com/recaptcha/docs/verify"])
