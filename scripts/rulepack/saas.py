"""Credentials of SaaS APIs (patterns/saas.json): Salesforce, Adobe, Dropbox,
Mapbox, NASA, Airtable, Notion, Asana, HubSpot, Zendesk, Algolia, Contentful,
Typeform, ClickUp, Pipedrive (Linear, Figma, Shopify and Intercom are in
other files)."""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("saas")

_fake = Fakes(R)
_alnum, _hex, _b64url = _fake.alnum, _fake.hex, _fake.b64url


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


def add_saas_rules():
    # ---- Salesforce ----------------------------------------------------------
    sf_refs = ["https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm",
               "https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_oauth_and_connected_apps.htm"]
    rule("salesforce.access-token", "Salesforce access token (session ID)", "high",
         r"\b(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,200})",
         ["Access Token      %s" % salesforce_session(),
          'curl https://contoso.my.salesforce.com/services/data/v60.0/ -H "Authorization: Bearer %s"'
          % salesforce_session(),
          '{"access_token": "%s", "instance_url": "https://contoso.my.salesforce.com"}' % salesforce_session()],
         ["Id                %s" % salesforce_org_id(),
          "%s!short" % salesforce_org_id(),
          "Access Token      00D000000000000!<token>"],
         sf_refs)
    rule("salesforce.refresh-token", "Salesforce OAuth refresh token", "high",
         r"(?i:refresh_?token)" + ASSIGN + r"(?<secret>5Aep8[A-Za-z0-9._]{60,120})",
         ['{"refresh_token": "5Aep861%s"}' % fakes._choose(R, fakes.ALNUM + ".", 80),
          "SF_REFRESH_TOKEN=5Aep861%s" % _alnum(80)],
         ['{"refresh_token": "5Aep861..."}',
          '{"refresh_token": "%s"}' % _alnum(80)],
         ["https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm"])
    rule("salesforce.consumer-secret", "Salesforce connected app consumer secret", "medium",
         provider_key(r"(?:salesforce|sfdc|\bsf)[a-z0-9_.-]{0,24}?(?:consumer|client)_?secret") +
         r"(?<secret>[A-F0-9]{64}|[0-9]{19})\b",
         ["SALESFORCE_CONSUMER_SECRET=%s" % _hex(64).upper(),
          "SF_CLIENT_SECRET=%s" % fakes._choose(R, fakes.string.digits[1:], 19)],
         ["SALESFORCE_CONSUMER_SECRET=<secret>",
          "SALESFORCE_CONSUMER_KEY=3MVG9%s" % _alnum(80)],
         ["https://help.salesforce.com/s/articleView?id=sf.connected_app_rotate_consumer_details.htm"])

    # ---- Adobe ---------------------------------------------------------------
    rule("adobe.client-secret", "Adobe Developer Console OAuth client secret", "high",
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
    rule("dropbox.access-token", "Dropbox short-lived access token", "high",
         r"\b(?<secret>sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400})",
         ['curl -X POST https://api.dropboxapi.com/2/users/get_current_account --header "Authorization: Bearer sl.%s"'
          % _b64url(140),
          '{"access_token": "sl.u.%s", "token_type": "bearer", "expires_in": 14400}' % _b64url(600)],
         ["Authorization: Bearer sl.<token>",
          "sl.%s" % _b64url(60),
          "import sl.utils.%s" % _alnum(20)],
         dbx_refs)
    rule("dropbox.app-secret", "Dropbox app secret", "medium",
         provider_key(r"dropbox[a-z0-9_.-]{0,24}?(?:app_?|client_?)secret") + r"(?<secret>[a-z0-9]{15})\b",
         ["DROPBOX_APP_SECRET=%s" % fakes._choose(R, LOWER_ALNUM, 15),
          '{"dropboxClientSecret": "%s"}' % fakes._choose(R, LOWER_ALNUM, 15)],
         ["DROPBOX_APP_SECRET=<app secret>",
          "DROPBOX_APP_KEY=%s" % fakes._choose(R, LOWER_ALNUM, 15)],
         dbx_refs)

    # ---- Mapbox --------------------------------------------------------------
    mapbox_refs = ["https://docs.mapbox.com/help/dive-deeper/access-tokens/",
                   "https://docs.mapbox.com/api/accounts/tokens/"]
    rule("mapbox.secret-token", "Mapbox secret access token", "high",
         r"\b(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{20,40})",
         ["MAPBOX_SECRET_TOKEN=%s" % mapbox_token("sk"),
          "mapboxgl.accessToken = '%s';" % mapbox_token("sk"),
          "https://api.mapbox.com/tokens/v2/hush-test?access_token=%s" % mapbox_token("sk")],
         ["mapboxgl.accessToken = '%s';" % mapbox_token("pk"),
          "MAPBOX_SECRET_TOKEN=sk.<token>",
          "MAPBOX_SECRET_TOKEN=sk.eyJ1Ijoi"],
         mapbox_refs)
    rule("mapbox.temporary-token", "Mapbox temporary access token", "high",
         r"\b(?<secret>tk\.eyJ[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{20,40})",
         ["MAPBOX_TOKEN=%s" % mapbox_token("tk"),
          "mapboxgl.accessToken = '%s';" % mapbox_token("tk")],
         ["mapboxgl.accessToken = '%s';" % mapbox_token("pk"),
          "MAPBOX_TOKEN=tk.<token>"],
         mapbox_refs)

    # ---- NASA ----------------------------------------------------------------
    nasa_refs = ["https://api.nasa.gov/"]
    rule("nasa.api-key.url", "NASA Open APIs key in a URL", "high",
         r"(?i:api\.nasa\.gov)/[^ \t\r\n\"'<>#?]{0,100}\?(?:[^ \t\r\n\"'<>#]{0,200}&)?api_key="
         r"(?<secret>[A-Za-z0-9]{40})\b",
         ["fetch('https://api.nasa.gov/planetary/apod?api_key=%s')" % _alnum(40),
          "GET https://api.nasa.gov/neo/rest/v1/feed?start_date=2031-01-01&api_key=%s" % _alnum(40)],
         ["https://api.nasa.gov/planetary/apod?api_key=DEMO_KEY",
          "https://api.nasa.gov/planetary/apod?api_key=%s" % _alnum(20)],
         nasa_refs)
    rule("nasa.api-key", "NASA Open APIs key (key name)", "medium",
         provider_key(r"nasa[a-z0-9_.-]{0,24}?key") + r"(?<secret>[A-Za-z0-9]{40})\b",
         ["NASA_API_KEY=%s" % _alnum(40),
          '{"nasaApiKey": "%s"}' % _alnum(40)],
         ["NASA_API_KEY=DEMO_KEY",
          "NASA_API_KEY=%s" % _alnum(30)],
         nasa_refs)

    # ---- Airtable ------------------------------------------------------------
    rule("airtable.pat", "Airtable personal access token", "high",
         r"\b(?<secret>pat[A-Za-z0-9]{14}\.[0-9a-f]{64})\b",
         ["AIRTABLE_API_KEY=pat%s.%s" % (_alnum(14), _hex(64)),
          'curl https://api.airtable.com/v0/meta/bases -H "Authorization: Bearer pat%s.%s"' % (_alnum(14), _hex(64))],
         ["AIRTABLE_API_KEY=pat%s.<secret>" % _alnum(14),
          "AIRTABLE_API_KEY=pat%s.%s" % (_alnum(14), _hex(40))],
         ["https://airtable.com/developers/web/guides/personal-access-tokens"])
    rule("airtable.api-key", "Airtable API key (legacy)", "medium",
         r"(?i:airtable)[^\r\n]{0,64}?\b(?<secret>key[A-Za-z0-9]{14})\b",
         ["AIRTABLE_API_KEY=key%s" % _alnum(14),
          "new Airtable({apiKey: 'key%s'}).base('app%s')" % (_alnum(14), _alnum(14))],
         ["AIRTABLE_API_KEY=key%s" % _alnum(10),
          "AIRTABLE_BASE=app%s" % _alnum(14)],
         ["https://support.airtable.com/docs/airtable-api-key-deprecation-notice"])

    # ---- Notion --------------------------------------------------------------
    notion_refs = ["https://developers.notion.com/docs/authorization"]
    rule("notion.integration-token", "Notion integration token", "high",
         r"\b(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})\b",
         ["NOTION_TOKEN=ntn_%s%s" % (fakes._choose(R, fakes.string.digits, 11), _alnum(35)),
          'curl https://api.notion.com/v1/users -H "Authorization: Bearer ntn_%s%s"'
          % (fakes._choose(R, fakes.string.digits, 11), _alnum(35))],
         ["NOTION_TOKEN=ntn_<token>",
          "NOTION_TOKEN=ntn_%s" % _alnum(20)],
         notion_refs)
    rule("notion.integration-token.legacy", "Notion integration token (secret_ form)", "medium",
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
    rule("asana.pat", "Asana personal access token", "high",
         r"\b(?<secret>[12]/[0-9]{10,20}(?:/[0-9]{10,20})?:[0-9a-f]{32})\b",
         ["ASANA_ACCESS_TOKEN=%s" % asana_pat(),
          'curl https://app.asana.com/api/1.0/users/me -H "Authorization: Bearer %s"' % asana_pat(False)],
         ["ASANA_ACCESS_TOKEN=2/<workspace>/<user>:<secret>",
          "ratio 1/%s:%s" % (fakes._choose(R, fakes.string.digits, 12), _hex(20))],
         ["https://developers.asana.com/docs/personal-access-token"])

    # ---- HubSpot -------------------------------------------------------------
    rule("hubspot.private-app-token", "HubSpot private app / service key token", "high",
         r"\b(?<secret>pat-(?:na|eu|ap)[0-9]{1,2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
         ["HUBSPOT_ACCESS_TOKEN=pat-na1-%s" % fakes.guid(R),
          'curl https://api.hubapi.com/crm/v3/objects/contacts -H "Authorization: Bearer pat-eu1-%s"' % fakes.guid(R)],
         ["HUBSPOT_ACCESS_TOKEN=pat-na1-<token>",
          "HUBSPOT_ACCESS_TOKEN=pat-na1-%s" % _hex(16)],
         ["https://developers.hubspot.com/docs/api/private-apps"])
    rule("hubspot.api-key", "HubSpot API key (legacy hapikey)", "medium",
         r"(?:(?i:hapikey)=|" + provider_key(r"hubspot[a-z0-9_.-]{0,24}?key") + r")"
         r"(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
         ["https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=%s" % fakes.guid(R),
          "HUBSPOT_API_KEY=%s" % fakes.guid(R)],
         ["https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=demo",
          "HUBSPOT_PORTAL_ID=1234567"],
         ["https://developers.hubspot.com/changelog/upcoming-api-key-sunset"])

    # ---- Zendesk, Algolia, Contentful ------------------------------------------
    rule("zendesk.api-token", "Zendesk API token", "medium",
         provider_key(r"zendesk[a-z0-9_.-]{0,24}?(?:token|key)") + r"(?<secret>[A-Za-z0-9]{40})\b",
         ["ZENDESK_API_TOKEN=%s" % _alnum(40),
          '{"zendesk": {"subdomain": "contoso"}, "zendeskApiToken": "%s"}' % _alnum(40)],
         ["ZENDESK_API_TOKEN=<token>",
          "ZENDESK_API_TOKEN=%s" % _alnum(24)],
         ["https://developer.zendesk.com/api-reference/introduction/security-and-auth/"])
    rule("algolia.admin-api-key", "Algolia admin / write API key", "medium",
         provider_key(r"algolia[a-z0-9_.-]{0,24}?(?:admin|write|secret|private)[a-z0-9_.-]{0,16}?key") +
         r"(?<secret>[0-9a-f]{32})\b",
         ["ALGOLIA_ADMIN_API_KEY=%s" % _hex(32),
          '{"algoliaWriteKey": "%s", "appId": "%s"}' % (_hex(32), fakes._choose(R, UPPER_ALNUM, 10))],
         ["ALGOLIA_SEARCH_API_KEY=%s" % _hex(32),
          "ALGOLIA_ADMIN_API_KEY=%s" % _hex(20)],
         ["https://www.algolia.com/doc/guides/security/api-keys/"])
    contentful_refs = ["https://www.contentful.com/developers/docs/references/authentication/"]
    rule("contentful.pat", "Contentful personal access token (CMA)", "high",
         r"\b(?<secret>CFPAT-[A-Za-z0-9_-]{43})",
         ["CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-%s" % _b64url(43),
          'contentful space list --management-token "CFPAT-%s"' % _b64url(43)],
         ["CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-<token>",
          "CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-%s" % _b64url(20)],
         contentful_refs)
    rule("contentful.api-token", "Contentful delivery / preview / management token (key name)", "medium",
         provider_key(r"contentful[a-z0-9_.-]{0,32}?(?:token|key)") + r"(?<secret>[A-Za-z0-9_-]{43})",
         ["CONTENTFUL_PREVIEW_ACCESS_TOKEN=%s" % _b64url(43),
          '{"contentfulDeliveryToken": "%s", "spaceId": "%s"}' % (_b64url(43), fakes._choose(R, LOWER_ALNUM, 12))],
         ["CONTENTFUL_SPACE_ID=%s" % fakes._choose(R, LOWER_ALNUM, 12),
          "CONTENTFUL_ACCESS_TOKEN=<token>"],
         contentful_refs)

    # ---- Typeform, ClickUp --------------------------------------------------
    rule("typeform.pat", "Typeform personal access token", "high",
         r"\b(?<secret>tfp_[A-Za-z0-9_-]{40,70})",
         ["TYPEFORM_TOKEN=tfp_%s_%s" % (_alnum(44), _alnum(14)),
          'curl https://api.typeform.com/me -H "Authorization: Bearer tfp_%s_%s"' % (_alnum(44), _alnum(14))],
         ["TYPEFORM_TOKEN=tfp_<token>",
          "TYPEFORM_TOKEN=tfp_%s" % _alnum(20)],
         ["https://www.typeform.com/developers/get-started/personal-access-token/"])
    rule("clickup.api-token", "ClickUp personal API token", "high",
         r"\b(?<secret>pk_[0-9]{4,12}_[A-Z0-9]{32})\b",
         ["CLICKUP_API_TOKEN=pk_%s_%s" % (fakes._choose(R, fakes.string.digits, 8), fakes._choose(R, UPPER_ALNUM, 32)),
          'curl https://api.clickup.com/api/v2/user -H "Authorization: pk_%s_%s"'
          % (fakes._choose(R, fakes.string.digits, 8), fakes._choose(R, UPPER_ALNUM, 32))],
         ["CLICKUP_API_TOKEN=pk_<token>",
          "pk_live_%s" % _alnum(24)],
         ["https://developer.clickup.com/docs/authentication"])

    # ---- Pipedrive ------------------------------------------------
    rule("pipedrive.api-token", "Pipedrive API token", "medium",
         r"(?:(?i:api\.pipedrive\.com)/[^ \t\r\n\"'<>#?]{0,100}\?(?:[^ \t\r\n\"'<>#]{0,200}&)?api_token=|" +
         provider_key(r"pipedrive[a-z0-9_.-]{0,24}?(?:token|key)") + r")(?<secret>[0-9a-f]{40})\b",
         ["https://api.pipedrive.com/v1/deals?api_token=%s" % _hex(40),
          "PIPEDRIVE_API_TOKEN=%s" % _hex(40)],
         ["https://api.pipedrive.com/v1/deals?api_token=<token>",
          "PIPEDRIVE_API_TOKEN=%s" % _hex(32)],
         ["https://pipedrive.readme.io/docs/how-to-find-the-api-token"])

    # ---- Trello, Smartsheet ---------------------------------------------------
    rule("trello.api-token", "Trello API token", "high",
         r"\b(?<secret>ATTA[0-9a-f]{64}[0-9A-F]{8})\b",
         ["TRELLO_TOKEN=ATTA%s%s" % (_hex(64), _hex(8).upper()),
          "https://api.trello.com/1/members/me/boards?key=%s&token=ATTA%s%s" % (_hex(32), _hex(64), _hex(8).upper())],
         ["TRELLO_TOKEN=ATTA<token>",
          "TRELLO_API_KEY=%s" % _hex(32),
          "TRELLO_TOKEN=ATTA%s" % _hex(40)],
         ["https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/"])
    rule("smartsheet.access-token", "Smartsheet API access token", "medium",
         provider_key(r"smartsheet[a-z0-9_.-]{0,24}?(?:token|key)") + r"(?<secret>[A-Za-z0-9]{37}|[A-Za-z0-9]{26})\b",
         ["SMARTSHEET_ACCESS_TOKEN=%s" % _alnum(37),
          '{"smartsheetToken": "%s"}' % _alnum(26)],
         ["SMARTSHEET_ACCESS_TOKEN=<token>",
          "SMARTSHEET_SHEET_ID=3084190078947204"],
         ["https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication"])


def add_rules():
    add_saas_rules()
