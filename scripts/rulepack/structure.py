"""Structural rules (patterns/structure.json): values found by where they sit
in a JSON document, see scanner/views.h."""

import base64

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=14005)
# Examples of the names added later (issue 10) draw from their own stream,
# so the values above stay as they were.
N = rng_for("structure-names")

# Cookies that carry a signed-in session: Entra ID (ESTSAUTH, ESTSAUTHPERSISTENT,
# ESTSAUTHLIGHT, the primary refresh token's x-ms-RefreshTokenCredential),
# SharePoint (FedAuth, rtFa), App Service authentication (AppServiceAuthSession),
# ASP.NET (.AspNetCore.*, .ASPXAUTH, ASP.NET_SessionId) and the session ids
# of Java, PHP, Express, Django, Laravel, Rails and CodeIgniter.
SESSION_COOKIES = ["ESTSAUTH*", ".AspNetCore.*", "FedAuth", "rtFa",
                   "x-ms-RefreshTokenCredential", "AppServiceAuthSession*",
                   ".ASPXAUTH", "ASP.NET_SessionId", "JSESSIONID", "PHPSESSID",
                   "connect.sid", "sessionid", "laravel_session", "_session_id",
                   "ci_session"]

# Names that only suggest a secret: the value's shape decides (score
# "generic": long and random; words, GUIDs, numbers, dates, URLs, paths and
# names of settings stay quiet).  "*_key" is "*key" once normalised.
SECRET_LIKE = ["sig", "*key", "*secret*", "*token*", "*cookie", "*sessionid"]
# People choose passwords: score "password".
PASSWORD_LIKE = ["*password*", "*passwd*", "*pwd", "*passphrase*"]
# Names the wildcards above take that hold no secret: key names, ids, URLs,
# versions, lifetimes, policies, paging cursors, public halves, nonces.
NOT_SECRETS = [
    "!key", "!publickey", "!partitionkey", "!rowkey", "!sortkey", "!foreignkey",
    "!idempotencykey", "!cachekey", "!objectkey", "!routingkey", "!hotkey", "!lookupkey",
    "!resourcekey", "!translationkey", "!localizationkey", "!i18nkey", "!messagekey",
    "!instrumentationkey", "!secwebsocketkey", "!dedupkey", "!deduplicationkey", "!userkey",
    "!secretname", "!secreturi", "!secreturl", "!secretid", "!secretversion", "!secretref",
    "!secretkeyref", "!secrettype", "!secretstore", "!secretpath", "!secretlocation",
    "!secretprovider", "!secretsprovider", "!secretproviderclass", "!secretexpiry",
    "!secretexpiration", "!secretcount",
    "!tokentype", "!tokenendpoint", "!tokenurl", "!tokenuri", "!tokenlifetime",
    "!tokenexpiry", "!tokenexpiration", "!tokenexpiresin", "!tokenissuer",
    "!tokenaudience", "!tokenversion", "!tokenname", "!tokenid", "!tokenprovider",
    "!tokenizer", "!tokencache", "!tokencount", "!tokenlimit", "!maxtokens",
    "!maxoutputtokens", "!prompttokens", "!completiontokens", "!totaltokens",
    "!accesstokenacceptedversion", "!tokenissuancepolicy",
    "!skiptoken", "!$skiptoken", "!deltatoken", "!$deltatoken", "!pagetoken",
    "!nextpagetoken", "!continuationtoken", "!synctoken", "!resumetoken",
    "!xmscontinuationtoken",
    "!cookiename", "!samesitecookie",
]
NOT_PASSWORDS = [
    "!passwordpolicy", "!passwordlastset", "!passwordlastchanged", "!passwordexpiry",
    "!passwordexpiration", "!passwordexpires", "!passwordneverexpires", "!passwordlength",
    "!passwordminlength", "!passwordprofile", "!passwordreset", "!passwordreseturl",
    "!passwordrequired", "!passwordnotrequired", "!passwordchangerequired",
    "!forcechangepasswordnextsignin", "!passwordstrength", "!passwordcomplexity",
    "!passwordtype", "!passwordhint", "!passwordhash", "!passwordcredentials",
    "!disablepasswordauthentication", "!passwordauthenticationenabled",
]


def named_rules():
    """Members, pairs and parameters whose name only suggests a secret
    (issue 10): `function_key`, `subscription-key`, `clientSecretValue`,
    `x-auth-token`, `dbPassword2`, `sig` in a script object."""
    b64 = fakes.ALNUM + "+/"
    structural("json.secret-named-member", "Member named like a secret (key, secret, token)",
               "medium", "json-key", SECRET_LIKE + NOT_SECRETS,
               ['{"function_key": "%s=="}' % fakes._choose(N, fakes.ALNUM + "-_", 54),
                '{"sig": "%s="}' % fakes._choose(N, b64, 42),
                '{"Ocp-Apim-Subscription-Key": "%s"}' % fakes._choose(N, fakes.HEX, 32),
                '{"session_cookie": "%s"}' % fakes._choose(N, fakes.ALNUM + "-_", 40),
                '{"githubTokenValue": "%s"}' % fakes._choose(N, fakes.ALNUM, 36),
                '{"mySecretValue": "%s~%s"}' % (fakes._choose(N, fakes.ALNUM, 20),
                                                fakes._choose(N, fakes.ALNUM, 12))],
               ['{"tokenType": "Bearer"}',
                '{"token_endpoint": "https://login.microsoftonline.com/hush-example/oauth2/v2.0/token"}',
                '{"tokenLifetime": "3600"}',
                '{"max_tokens": "4096"}',
                '{"keyVaultName": "hush-example-kv"}',
                '{"primaryKeyType": "StorageAccountKey"}',
                '{"keyId": "%s"}' % fakes._choose(N, fakes.HEX, 32),
                '{"secretName": "hush-db-password"}',
                '{"secretUri": "https://hush-example-kv.vault.azure.net/secrets/db"}',
                '{"secretVersion": "%s"}' % fakes._choose(N, fakes.HEX, 32),
                '{"nextPageToken": "%s"}' % fakes._choose(N, b64, 40),
                '{"partitionKey": "orders-2025"}',
                '{"apiKey": "@parameters(\'ApiKey\')"}',
                '{"clientSecretExpiresOn": "2025-06-30T00:00:00Z"}',
                '{"instrumentationKey": "%s"}' % fakes.guid(rng=N),
                '{"accessKey": "true"}',
                '{"secret": "@Microsoft.KeyVault(SecretUri=https://hush-example-kv.vault.azure.net/secrets/db/)"}',
                '{"refreshToken": "<refresh-token>"}'],
               ["https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to",
                "https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions"],
               score="generic")
    structural("json.password-named-member", "Member named like a password",
               "medium", "json-key", PASSWORD_LIKE + NOT_PASSWORDS,
               ['{"adminPassword2": "Hush-%s!%s"}' % (fakes._choose(N, fakes.ALNUM, 8),
                                                     fakes._choose(N, fakes.ALNUM, 4)),
                '{"db_pwd": "%s#%s"}' % (fakes._choose(N, fakes.ALNUM, 10),
                                         fakes._choose(N, fakes.ALNUM, 6))],
               ['{"passwordPolicy": "strong and long"}',
                '{"passwordLastSet": "2024-11-02T08:15:00Z"}',
                '{"userPasswordRequired": "false"}',
                '{"adminPassword1": "@parameters(\'adminPassword\')"}',
                '{"newPasswordText": "Content not shown due to security configuration."}'],
               ["https://learn.microsoft.com/en-us/power-automate/how-tos-use-sensitive-input"],
               score="password")
    structural("url.secret-named-parameter",
               "URL or form parameter, header or cookie named like a secret",
               "high", "query-parameter", ["code"] + SECRET_LIKE + NOT_SECRETS,
               ['{"url": "https://hush-example.contoso.com/callback?code=0.A%s&state=12345"}'
                % fakes._choose(N, fakes.ALNUM + "-_", 120),
                '{"url": "https://hush-example.contoso.com/hooks/in?hookSecretValue=%s&v=2"}'
                % fakes._choose(N, fakes.ALNUM, 32),
                '{"name": "X-Auth-Token", "value": "%s"}' % fakes._choose(N, fakes.ALNUM, 40),
                '{"text": "grant_type=refresh_token&client_id=hush&my_refresh_token=%s"}'
                % fakes._choose(N, fakes.ALNUM + "-_", 48)],
               ['{"url": "https://hush-example.contoso.com/status?code=200"}',
                '{"url": "https://hush-example.contoso.com/shop?code=SUMMER&lang=en"}',
                '{"url": "https://hush-example.contoso.com/login?error=access_denied&code=invalid_grant"}',
                '{"url": "https://graph.microsoft.com/v1.0/users?$skiptoken=%s"}'
                % fakes._choose(N, fakes.ALNUM, 60),
                '{"name": "token_type", "value": "Bearer"}',
                '{"name": "Sec-WebSocket-Key", "value": "%s=="}' % fakes._choose(N, b64, 22)],
               ["https://datatracker.ietf.org/doc/html/rfc6749#section-10.5",
                "https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions"],
               score="generic")
    structural("url.password-named-parameter",
               "URL or form parameter, header or cookie named like a password",
               "high", "query-parameter", PASSWORD_LIKE + NOT_PASSWORDS,
               ['{"text": "username=hush&user_password=%s%%23%s"}'
                % (fakes._choose(N, fakes.ALNUM, 9), fakes._choose(N, fakes.ALNUM, 5))],
               ['{"url": "https://hush-example.contoso.com/reset?passwordResetUrl=https%3A%2F%2Fa"}',
                '{"text": "new_password=@{parameters(\'pw\')}"}'],
               ["https://owasp.org/www-community/vulnerabilities/Information_exposure_through_query_strings_in_url"],
               score="password")




def structure():
    # Examples hold values no pattern rule takes (spaces, commas, an order a
    # regex cannot see): a pattern finding inside a value names it instead.
    structural("json.secret-field", "Secret-named JSON member", "medium",
               "json-key",
               ["password", "passwd", "pwd", "secret", "clientsecret", "secretkey", "apikey",
                "apisecret", "accesskey", "secretaccesskey", "accountkey", "sharedaccesskey",
                "primarykey", "secondarykey", "connectionstring", "token", "accesstoken",
                "refreshtoken", "idtoken", "authtoken", "bearertoken", "sastoken", "privatekey",
                "*password", "*secret", "*apikey", "*connectionstring", "*accesskey"],
               ['{"Password": "correct horse %s staple"}' % fakes._choose(R, fakes.ALNUM, 10),
                '{"SharedAccessKey": "hush test value %s"}' % fakes._choose(R, fakes.ALNUM, 12),
                '{"client_secret": "Hush\\u0026Test\\u002B %s"}' % fakes._choose(R, fakes.ALNUM, 16)],
               ['{"password": "@parameters(\'sqlPassword\')"}',
                '{"password": "Content not shown due to security configuration."}',
                '{"clientSecret": "<your-client-secret>"}',
                '{"apiKey": "@{body(\'Get_secret\')?[\'value\']}"}',
                '{"passwordPolicy": "strong and long"}'],
               ["https://learn.microsoft.com/en-us/power-automate/how-tos-use-sensitive-input"])
    structural("http.secret-header", "Secret HTTP header (name/value pair)",
               "high", "name-value",
               ["authorization", "proxy-authorization", "cookie", "set-cookie",
                "x-functions-key", "ocp-apim-subscription-key", "api-key", "x-api-key"],
               ['{"value": "session=%s; theme=dark", "name": "cookie"}' % fakes._choose(R, fakes.ALNUM, 24),
                '{"name": "Authorization", "value": "Bearer %s"}' % fakes._choose(R, fakes.ALNUM, 12),
                # Basic: the quads holding the password (base64 view)
                '{"value": "Basic %s", "name": "authorization"}'
                % base64.b64encode(("hush-test:" + fakes._choose(R, fakes.ALNUM, 14)).encode()).decode()],
               ['{"name": "Content-Type", "value": "application/json"}',
                '{"name": "Authorization", "value": "Bearer @{body(\'Get_token\')?[\'access_token\']}"}'],
               ["http://www.softwareishard.com/blog/har-12-spec/"])
    structural("http.session-cookie", "Session cookie (name/value pair)",
               "high", "name-value",
               SESSION_COOKIES,
               ['{"value": "%s", "name": "ESTSAUTHLIGHT"}' % fakes._choose(R, fakes.ALNUM + "-_", 40),
                '{"name": "x-ms-RefreshTokenCredential", "value": "%s"}' % fakes._choose(N, fakes.ALNUM + "-_", 48),
                '{"name": "AppServiceAuthSession", "value": "%s"}' % fakes._choose(N, fakes.ALNUM + "+/", 64),
                '{"name": ".AspNetCore.Cookies", "value": "CfDJ8%s"}' % fakes._choose(N, fakes.ALNUM + "-_", 60),
                '{"name": "JSESSIONID", "value": "%s"}' % fakes._choose(N, "0123456789ABCDEF", 32)],
               ['{"name": "ESTSAUTH", "value": "REDACTED"}',
                '{"name": "ESTSAUTHPERSISTENT", "value": "deleted"}',
                '{"name": "ASP.NET_SessionId", "value": ""}'],
               ["https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-web-browser-cookies",
                "https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization",
                "https://owasp.org/www-community/attacks/Session_hijacking_attack"],
               score="generic")
    structural("url.secret-parameter", "Secret URL or form parameter",
               "high", "query-parameter",
               ["sig", "access_token", "refresh_token", "id_token", "client_secret",
                "client_assertion", "assertion", "password", "pwd", "subscription-key",
                "api-key", "sastoken"],
               ['{"url": "https://hush-example.contoso.com/hook?sig=%s&se=2030-01-01"}' % fakes._choose(R, fakes.ALNUM, 43),
                '{"value": "%s", "name": "client_assertion"}' % fakes._choose(R, fakes.ALNUM, 40)],
               ['{"url": "https://hush-example.contoso.com/hook?sig=****"}',
                '{"url": "https://hush-example.contoso.com/items?page=2&sort=name"}'],
               ["https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow"])
    named_rules()
    structural("azure.keyvault.secret-value", "Azure Key Vault secret value",
               "high", "keyvault-value", None,
               ['{"value": "hush test, not a real secret %s", "id": "%s"}'
                % (fakes._choose(R, fakes.ALNUM, 8),
                   fakes.keyvault_url(name="db-password", rng=R)),
                '{"Get_secret": {"inputs": {"method": "get", "path": "/secrets/hush-db/value"}, '
                '"outputs": {"statusCode": 200, "body": {"value": "hush test value %s", "name": "hush-db"}}}}'
                % fakes._choose(R, fakes.ALNUM, 8)],
               ['{"value": "not a secret", "id": "https://hush-example.contoso.com/items/1"}',
                '{"Get_secret": {"inputs": {"path": "/secrets/hush-db/value"}, "outputs": '
                '{"body": {"value": "Content not shown due to security configuration."}}}}'],
               ["https://learn.microsoft.com/en-us/rest/api/keyvault/secrets/get-secret/get-secret"])


def add_rules():
    structure()
