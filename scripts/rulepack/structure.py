"""Structural rules (patterns/structure.json): values found by where they sit
in a JSON document, see scanner/views.h."""

import base64

from rulepack.common import *  # noqa: F401,F403

R = first_pack_rng(skip=14005)


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
               ["ESTSAUTH*", ".AspNetCore.*", "FedAuth", "rtFa"],
               ['{"value": "%s", "name": "ESTSAUTHLIGHT"}' % fakes._choose(R, fakes.ALNUM + "-_", 40)],
               ['{"name": "ESTSAUTH", "value": "REDACTED"}'],
               ["https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-web-browser-cookies"])
    structural("url.secret-parameter", "Secret URL or form parameter",
               "high", "query-parameter",
               ["sig", "code", "access_token", "refresh_token", "id_token", "client_secret",
                "client_assertion", "assertion", "password", "subscription-key", "api-key",
                "sastoken"],
               ['{"url": "https://hush-example.contoso.com/hook?sig=%s&se=2030-01-01"}' % fakes._choose(R, fakes.ALNUM, 43),
                '{"value": "%s", "name": "client_assertion"}' % fakes._choose(R, fakes.ALNUM, 40)],
               ['{"url": "https://hush-example.contoso.com/hook?sig=****"}',
                '{"url": "https://hush-example.contoso.com/items?page=2&sort=name"}'],
               ["https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow"])
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
