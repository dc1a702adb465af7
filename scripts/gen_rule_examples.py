#!/usr/bin/env python3
"""Writes the default rule pack, patterns/*.json, with generated fake examples.

The rules of the first pack are written here, later families in
scripts/rulepack/<family>.py (see rulepack/common.py); patterns as Python raw
strings are easier to read than JSON-escaped ones.  Every example value comes
from a generator with a fixed seed, so re-running gives byte-identical files.

    python3 scripts/gen_rule_examples.py            # rewrite patterns/*.json
    python3 scripts/gen_rule_examples.py --check    # exit 1 if a file would change

A rule author may also edit patterns/*.json by hand (the JSON is what hush
loads); then keep this script in step or drop the rule from it.
"""

import base64
import importlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakes  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATTERN_DIR = os.path.join(ROOT, "patterns")

R = fakes.make_rng(20240611)

from rulepack.common import *  # noqa: E402,F401,F403
from rulepack import common  # noqa: E402


# ---- Azure Key Vault ---------------------------------------------------------

def keyvault():
    v1 = fakes.keyvault_url(vault="hush-fake-kv", rng=R)
    v2 = fakes.keyvault_url(vault="hush-fake-gov", suffix="vault.usgovcloudapi.net",
                            port=True, name="sql-admin-password", rng=R)
    # Low: a Key Vault URL is the address of a secret, not the secret (the
    # responder's lead in --min-confidence low); at medium every SDK call
    # and audit record would be a finding.
    rule("azure.json", "azure.keyvault.secret-url", "Azure Key Vault secret URL", "low",
         r"(?<secret>https://[0-9A-Za-z-]{3,24}\." + KV_SUFFIX +
         r"(?::443)?/secrets/[0-9A-Za-z-]{1,127}(?:/[0-9a-fA-F]{32})?)",
         ['{"id": "%s", "attributes": {"enabled": true}}' % v1,
          '"SqlPassword": "@Microsoft.KeyVault(SecretUri=%s)"' % v2,
          "GET https://contoso-hush-kv.vault.azure.cn/secrets/api-key?api-version=7.4 200"],
         ["https://hush-example-kv.vault.azure.com/secrets/api-key (wrong suffix, hush test)",
          "https://hush-example-kv.vault.azure.net/keys/signing-key",
          "https://{vault-name}.vault.azure.net/secrets/{secret-name}"],
         ["https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates"],
         redact=False)
    k1 = fakes.keyvault_url(vault="hush-fake-kv", kind="keys", name="hush-fake-signing", rng=R)
    rule("azure.json", "azure.keyvault.object-url", "Azure Key Vault key or certificate URL",
         "low",
         r"(?<secret>https://[0-9A-Za-z-]{3,24}\." + KV_SUFFIX +
         r"(?::443)?/(?:keys|certificates)/[0-9A-Za-z-]{1,127}(?:/[0-9a-fA-F]{32})?)",
         ['"kid": "%s"' % k1,
          "cert=https://contoso-hush-hsm.managedhsm.azure.net:443/certificates/tls-fake"],
         ["https://hush-example-kv.vault.azure.net/secrets/api-key",
          "https://hush-example-kv.vault.azure.net/deletedkeys/old-key"],
         ["https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates"],
         redact=False)


# ---- Logic Apps / Power Automate ----------------------------------------------

def logic_apps():
    tail = QCHAR + r"{0,600}?" + QSEP + r"sig=(?<secret>" + B64URL + r"{43})"
    u1 = fakes.logic_apps_trigger_url(rng=R)
    u2 = fakes.logic_apps_trigger_url(region="eastus2", rng=R).replace("&", "\\u0026")
    rule("powerplatform.json", "powerplatform.logicapps.trigger-sig",
         "Logic Apps trigger URL signature", "high",
         r"\.logic\.azure\.(?:com|us|cn)(?::443)?/workflows/[0-9a-fA-F]{32}/triggers/"
         r"[^/?#\"' \t\r\n]{1,80}/paths/invoke\?" + tail,
         ['POST %s HTTP/1.1' % u1,
          '{"value": "%s"}' % u2],
         ["https://prod-12.westeurope.logic.azure.com:443/workflows/%s/triggers/manual/paths/invoke"
          "?api-version=2016-10-01&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=tooShortForASig"
          % fakes._choose(R, fakes.HEX, 32),
          "https://prod-12.westeurope.logic.azure.com:443/workflows/%s/triggers/manual/paths/invoke"
          "?api-version=2016-10-01&sp=%%2Ftriggers%%2Fmanual%%2Frun&sv=1.0&sig=@{parameters('sig')}"
          % fakes._choose(R, fakes.HEX, 32)],
         ["https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-securing-a-logic-app"])
    u3 = fakes.power_automate_trigger_url(rng=R)
    rule("powerplatform.json", "powerplatform.flow.trigger-sig",
         "Power Automate HTTP trigger URL signature", "high",
         r"\.environment\.api\.powerplatform\.com(?::443)?/powerautomate/automations/direct/"
         r"workflows/[0-9a-fA-F]{32}/triggers/[^/?#\"' \t\r\n]{1,80}/paths/invoke\?" + tail,
         ['"HTTP_URL": "%s"' % u3],
         ["https://hush-example.environment.api.powerplatform.com/powerautomate/flows/%s/details"
          % fakes.guid(R),
          "https://%s.environment.api.powerplatform.com:443/powerautomate/automations/direct/"
          "workflows/%s/triggers/manual/paths/invoke?api-version=1&sv=1.0&sig=REDACTED"
          % (fakes._choose(R, fakes.HEX, 30), fakes._choose(R, fakes.HEX, 32))],
         ["https://learn.microsoft.com/en-us/power-automate/oauth-authentication"])
    u4 = fakes.logic_apps_standard_trigger_url(rng=R)
    rule("powerplatform.json", "powerplatform.logicapps-standard.trigger-sig",
         "Logic Apps Standard trigger URL signature", "high",
         r"\.azurewebsites\.net(?::443)?/api/[^/?#\"' \t\r\n]{1,80}/triggers/"
         r"[^/?#\"' \t\r\n]{1,80}/invoke\?" + tail,
         ["2024-05-02T10:11:12Z callback url %s (hush test)" % u4],
         ["https://hush-example-la.azurewebsites.net/api/order-flow/triggers/manual/invoke"
          "?api-version=2022-05-01&sv=1.0",
          "https://hush-example-fn.azurewebsites.net/api/HttpTrigger?code=%s" % fakes.function_key(R)],
         ["https://learn.microsoft.com/en-us/azure/logic-apps/create-single-tenant-workflows-azure-portal"])
    c1 = fakes.run_content_link(rng=R)
    c2 = fakes.run_content_link(kind="ActionInputs", rng=R).replace("&", "\\u0026")
    rule("powerplatform.json", "powerplatform.logicapps.content-link-sig",
         "Logic Apps / Power Automate run-history content link signature", "high",
         r"/contents/(?:Action|Trigger)[A-Za-z]{0,24}(?:Inputs|Outputs)\?" + tail,
         ['"outputsLink": {"uri": "%s", "contentVersion": "fake"}' % c1,
          '"inputsLink":{"uri":"%s"}' % c2],
         ['"outputsLink": {"uri": "https://prod-07.westeurope.logic.azure.com/workflows/x/runs/y/'
          'actions/HTTP/contents/ActionOutputs?api-version=2016-10-01", "contentSize": 120}',
          "/contents/ActionOutputs?sig=abc"],
         ["https://learn.microsoft.com/en-us/rest/api/logic/workflow-run-actions/get"])


# ---- Entra ID ------------------------------------------------------------------

def entra():
    s1 = fakes.entra_client_secret(R)
    s2 = fakes.entra_client_secret(R)
    bad = fakes.entra_client_secret_bad_checksum(R)
    rule("entra.json", "entra.client-secret", "Microsoft Entra ID client secret", "high",
         r"(?<secret>[A-Za-z0-9._~-]{3}8Q~[A-Za-z0-9._~-]{34})",
         ["client_id=%s&client_secret=%s&grant_type=client_credentials" % (fakes.guid(R), s1),
          '{"authentication": {"type": "ActiveDirectoryOAuth", "secret": "%s"}}' % s2],
         ["client_secret=%s  # hush test: last char altered, checksum fails" % bad,
          "client_secret=abc8Q~tooShortToBeASecret"],
         ["https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret",
          "https://github.com/microsoft/security-utilities"],
         validator="entra-client-secret")
    legacy = fakes.entra_client_secret_legacy(R)
    rule("entra.json", "entra.client-secret.legacy", "Microsoft Entra ID client secret (legacy 37-char)",
         "medium",
         r"(?<secret>[A-Za-z0-9._~-]{3}7Q~[A-Za-z0-9._~-]{31})",
         ['"AzureAd": {"ClientSecret": "%s"}' % legacy],
         ["ClientSecret=abc7Q~shortvalue",
          "ClientSecret=xxx7Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"],
         ["https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret"])
    rt = fakes.entra_refresh_token(R)
    rule("entra.json", "entra.refresh-token", "Microsoft Entra ID refresh token", "high",
         r"""(?:"refresh_token"[ \t]{0,4}:[ \t]{0,4}"|\brefresh_token=|"credential_type"[ \t]{0,2}:"""
         r"""[ \t]{0,2}"RefreshToken",[^\r\n]{0,200}?"secret"[ \t]{0,2}:[ \t]{0,2}")"""
         r"(?<secret>[A-Za-z0-9._~*%+/-]{40,3000}={0,2})",
         ['{"token_type":"Bearer","scope":"User.Read","refresh_token":"%s"}' % rt,
          "grant_type=refresh_token&client_id=%s&refresh_token=%s" % (fakes.guid(R), rt[:300]),
          '{"credential_type":"RefreshToken","home_account_id":"hush-example","secret":"%s"}' % rt[:200]],
         ['{"refresh_token":"<refresh-token>"}',
          "grant_type=refresh_token&refresh_token=${REFRESH_TOKEN}",
          '{"refresh_token":"0.Ashort"}'],
         ["https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens"],
         entropy_min=3.5)
    cookie = "0.A" + fakes._b64(R, 150, urlsafe=True, pad=False)
    rule("entra.json", "entra.session-cookie", "Microsoft Entra ID session cookie", "high",
         r"\bESTSAUTH(?:PERSISTENT|LIGHT)?=(?<secret>[A-Za-z0-9._~*%+/-]{20,3000}={0,2})",
         ["Cookie: buid=hush-fake; ESTSAUTHPERSISTENT=%s; x-ms-gateway-slice=estsfd" % cookie],
         ["Set-Cookie: ESTSAUTH=; expires=Thu, 01 Jan 1970 00:00:00 GMT",
          "Cookie: ESTSAUTHLIGHT=+" + "a" * 30],
         ["https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-web-browser-cookies"],
         entropy_min=3.0)


# ---- Azure Storage, messaging, Cosmos, SQL --------------------------------------

def storage():
    # Identifiable-key examples draw from their own RNG so R's sequence (and
    # every later example) stays as it was.
    V = rng_for("storage-identifiable")
    k = fakes.storage_account_key(R)
    rule("azure.json", "azure.storage.connection-string", "Azure Storage connection string key",
         "high",
         # AccountName directly before AccountKey, as the portal and SDKs write it: a
         # literal prefix keeps Hyperscan fast (a long optional prefix did not).
         r"(?i:AccountName=[a-z0-9]{3,24};AccountKey=)(?<secret>" + B64 + r"{86}==)",
         ["DefaultEndpointsProtocol=https;AccountName=hushexample;AccountKey=%s;EndpointSuffix=core.windows.net" % k,
          '"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=hushfake01;AccountKey=%s"'
          % fakes.storage_account_key(R),
          "BlobEndpoint=https://hushexample.blob.core.windows.net/;AccountName=hushexample;AccountKey=%s"
          % fakes.storage_account_key(R),
          # identifiable form: "+ASt" and a Marvin32 checksum (validated)
          "DefaultEndpointsProtocol=https;AccountName=hushfake02;AccountKey=%s;EndpointSuffix=core.windows.net"
          % fakes.ms_identifiable_key("storage", V)],
         ["DefaultEndpointsProtocol=https;AccountName=hushexample;AccountKey=%s;"
          % fakes.storage_account_key(R)[:60],
          "DefaultEndpointsProtocol=https;AccountName=hushexample;AccountKey=<storage-account-key>;",
          "UseDevelopmentStorage=true",
          "DefaultEndpointsProtocol=https;AccountName=hushfake02;AccountKey=%s;  # hush test: checksum broken"
          % fakes.ms_identifiable_key_bad_checksum("storage", V)],
         ["https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string",
          "https://github.com/microsoft/security-utilities"],
         validator="ms-identifiable-key")
    rule("azure.json", "azure.storage.account-key", "Azure Storage account key", "high",
         r"(?i:\b(?:azure_storage_(?:account_)?(?:access_)?key|storage_?account_?(?:access_?)?key"
         r"|storage_?key)[\"']?[ \t]{0,4}(?:=>|[:=])|\baccount_?key[\"']?[ \t]{0,4}(?::|=>)"
         r"|\baccount_?key[\"'][ \t]{0,4}=)[ \t]{0,4}[\"']?"
         r"(?<secret>" + B64 + r"{86}==)",
         ["export AZURE_STORAGE_KEY=%s  # hush test" % fakes.storage_account_key(R),
          '{"storageAccountName": "hushexample", "storageAccountKey": "%s"}' % fakes.storage_account_key(R),
          "accountKey: '%s'" % fakes.storage_account_key(R)],
         ["export AZURE_STORAGE_KEY=$STORAGE_KEY",
          '"storageAccountKey": "%s"' % fakes.storage_account_key(R)[:80]],
         ["https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage"],
         validator="ms-identifiable-key")
    sig1 = fakes.sas_signature_percent(R)
    sig2 = fakes.sas_signature(R)
    rule("azure.json", "azure.storage.sas-sig", "Azure Storage SAS token signature", "high",
         r"\bsv=20[0-9]{2}-[0-9]{2}-[0-9]{2}" + QCHAR + r"{0,400}?" + QSEP +
         r"sig=(?<secret>" + SIGCHAR + r"{43}(?:=|%3[Dd]))",
         ["GET https://hushexample.blob.core.windows.net/exports/run.json?sv=2022-11-02&ss=b&srt=sco"
          "&sp=rl&se=2031-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=%s HTTP/1.1" % sig1,
          '"url": "https://hushexample.blob.core.windows.net/c/f.txt?sp=r&st=2024-05-01T08:00:00Z'
          '&se=2031-05-01T16:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=%s"' % sig2],
         ["https://hushexample.blob.core.windows.net/c/f.txt?sv=2022-11-02&sr=b&sig=abc%3D",
          "https://prod-01.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke"
          "?sv=1.0&sig=" + fakes.logic_apps_sig(R)],
         ["https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas"])
    ek = fakes.shared_access_key(R)
    rule("azure.json", "azure.servicebus.connection-string",
         "Azure Service Bus / Event Hubs / Relay connection string key", "high",
         r"(?i:Endpoint=sb://)[^ \t\r\n\"'<>;]{1,100};[^ \t\r\n\"'<>]{0,300}?(?i:SharedAccessKey=)"
         r"(?<secret>" + B64 + r"{43}=)",
         ["Endpoint=sb://hush-example.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
          "SharedAccessKey=%s" % ek,
          '"EventHubConnection": "Endpoint=sb://hush-fake-eh.servicebus.windows.net/;SharedAccessKeyName=send;'
          'SharedAccessKey=%s;EntityPath=orders"' % fakes.shared_access_key(R)],
         ["Endpoint=sb://hush-example.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>",
          "Endpoint=sb://hush-example.servicebus.windows.net/;Authentication=Managed Identity",
          "Endpoint=sb://hush-fake-eh.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=%s"
          " (hush test: checksum broken)" % fakes.ms_identifiable_key_bad_checksum("eventhubs", V)],
         ["https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas"],
         validator="ms-identifiable-key")
    rule("azure.json", "azure.iothub.connection-string", "Azure IoT Hub connection string key", "high",
         r"(?i:HostName=)[a-z0-9-]{1,64}\.azure-devices(?:-provisioning)?\.(?:net|cn|us|de)"
         r"[^ \t\r\n\"'<>]{0,300}?(?i:SharedAccessKey=)(?<secret>" + B64 + r"{20,86}={0,2})",
         ["HostName=hush-example.azure-devices.net;DeviceId=fake-device-01;SharedAccessKey=%s"
          % fakes.shared_access_key(R),
          "HostName=hush-example.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=%s"
          % fakes.shared_access_key(R)],
         ["HostName=hush-example.azure-devices.net;DeviceId=fake-device-01;x509=true",
          "HostName=hush-example.azure-devices.net;DeviceId=d;SharedAccessKey={device-key}"],
         ["https://learn.microsoft.com/en-us/azure/iot-hub/iot-hub-dev-guide-sas"],
         validator="ms-identifiable-key")
    rule("azure.json", "azure.servicebus.sas-token", "Azure SharedAccessSignature token", "high",
         r"SharedAccessSignature (?:[^ \t\r\n\"'<>]{0,400}?(?:&|\\u0026))?sig=(?<secret>" + SIGCHAR +
         r"{43}(?:=|%3[Dd]))",
         ["Authorization: SharedAccessSignature sr=hush-example.servicebus.windows.net%%2Forders&sig=%s"
          "&se=1924992000&skn=RootManageSharedAccessKey" % fakes.sas_signature_percent(R),
          '"sasToken": "SharedAccessSignature sr=hush-example.azure-devices.net%%2Fdevices%%2Ffake'
          '&sig=%s&se=1924992000"' % fakes.sas_signature_percent(R)],
         ["Authorization: SharedAccessSignature sr=hush-example.servicebus.windows.net&sig=short&se=1",
          "SharedAccessSignature sr={resource}&sig={signature}&se={expiry}&skn={policy}"],
         ["https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas"])
    rule("azure.json", "azure.cosmosdb.connection-string", "Azure Cosmos DB connection string key",
         "high",
         r"(?i:AccountEndpoint=https://)[a-z0-9-]{3,50}\.documents\.azure\.(?:com|cn|us)(?::443)?/?;"
         r"(?i:AccountKey=)(?<secret>" + B64 + r"{86}==)",
         ["AccountEndpoint=https://hush-example.documents.azure.com:443/;AccountKey=%s;" % fakes.cosmos_key(R)],
         ["AccountEndpoint=https://localhost:8081/;AccountKey=%s" % fakes.cosmos_key(R),
          "AccountEndpoint=https://hush-example.documents.azure.com:443/;AccountKey=<primary-key>"],
         ["https://learn.microsoft.com/en-us/azure/cosmos-db/nosql/how-to-dotnet-get-started"],
         validator="ms-identifiable-key")
    rule("azure.json", "azure.sql.connection-string-password",
         "SQL / ADO.NET connection string password", "high",
         r"(?i:\b(?:Server|Data Source|Address|Addr)[ \t]{0,2}=)[^;\r\n]{1,128};[^\r\n]{0,256}?"
         r"(?i:\b(?:Password|Pwd)[ \t]{0,2}=)[ \t]{0,2}(?<secret>" + CSVALUE + r")",
         ["Server=tcp:hush-example.database.windows.net,1433;Initial Catalog=fake;User ID=hush;"
          "Password=%s;Encrypt=True;" % fakes.password(R).replace(";", "!"),
          '"ConnectionStrings": {"Db": "Data Source=sql01.contoso.example;Database=orders;User Id=app;'
          "Pwd='%s';\"}" % fakes.password(R).replace("'", "^").replace('"', "^").replace(";", "!")],
         ["Server=hush-example.database.windows.net;Database=fake;Authentication=Active Directory Default;",
          "Server=hush-example.database.windows.net;User ID=app;Password=<your-password>;",
          "Password=%s (no server in this hush test line)" % fakes.password(R)],
         ["https://learn.microsoft.com/en-us/dotnet/api/system.data.sqlclient.sqlconnection.connectionstring"])


# ---- Dataverse ------------------------------------------------------------------

def dataverse():
    rule("powerplatform.json", "powerplatform.dataverse.client-secret",
         "Dataverse connection string client secret", "high",
         r"(?i:AuthType[ \t]{0,2}=[ \t]{0,2}ClientSecret)[^\r\n]{0,400}?"
         r"(?i:\b(?:ClientSecret|Secret)[ \t]{0,2}=)[ \t]{0,2}(?<secret>" + CSVALUE + r")",
         ["AuthType=ClientSecret;Url=https://hush-example.crm4.dynamics.com;ClientId=%s;ClientSecret=%s"
          % (fakes.guid(R), fakes.password(R, 24).replace(";", "!")),
          "AuthType=ClientSecret; Url=https://contoso-fake.crm.dynamics.com; ClientId=%s; Secret='%s'"
          % (fakes.guid(R), fakes.password(R, 20).replace("'", "!").replace(";", "!"))],
         ["AuthType=ClientSecret;Url=https://hush-example.crm.dynamics.com;ClientId=%s" % fakes.guid(R),
          "AuthType=Certificate;Url=https://hush-example.crm.dynamics.com;Thumbprint=ABC;ClientSecret=x1"],
         ["https://learn.microsoft.com/en-us/power-apps/developer/data-platform/xrm-tooling/use-connection-strings-xrm-tooling-connect"])
    rule("powerplatform.json", "powerplatform.dataverse.password",
         "Dataverse connection string password", "high",
         r"(?i:AuthType[ \t]{0,2}=[ \t]{0,2}(?:OAuth|Office365))[^\r\n]{0,400}?"
         r"(?i:\b(?:Password|Pwd)[ \t]{0,2}=)[ \t]{0,2}(?<secret>" + CSVALUE + r")",
         ["AuthType=OAuth;Username=hush@contoso.example;Password=%s;Url=https://hush-example.crm.dynamics.com;"
          "AppId=51f81489-12ee-4a9e-aaae-a2591f45987d;RedirectUri=app://58145B91-0C36-4500-8554-080854F2AC97"
          % fakes.password(R).replace(";", "!")],
         ["AuthType=OAuth;Username=hush@contoso.example;Url=https://hush-example.crm.dynamics.com;LoginPrompt=Auto",
          "AuthType=OAuth;Username=hush@contoso.example;Password=********;Url=https://x.crm.dynamics.com"],
         ["https://learn.microsoft.com/en-us/power-apps/developer/data-platform/xrm-tooling/use-connection-strings-xrm-tooling-connect"])


# ---- Functions, APIM, OpenAI, DevOps, 84-char keys --------------------------------

def azure_keys():
    V = rng_for("azure-keys-checksummed")  # keeps R's sequence unchanged
    fk = fakes.function_key(R)
    rule("azure.json", "azure.functions.code-url", "Azure Functions key in URL", "high",
         r"\.azurewebsites\.net(?::443)?/api/[^?#\"' \t\r\n<>]{0,200}\?(?:" + QCHAR +
         r"{0,400}?(?:&|\\u0026))?code=(?<secret>(?:[A-Za-z0-9_/+-]|%2[BbFf]){30,100}"
         r"(?:==|%3[Dd]%3[Dd]|=|%3[Dd])?)",
         ["GET https://hush-example-fn.azurewebsites.net/api/HttpTrigger1?code=%s&name=fake 200" % fk,
          '"uri": "https://hush-fake.azurewebsites.net/api/orders?clientId=default\\u0026code=%s"'
          % fakes.function_key(R).replace("=", "%3D")],
         ["https://hush-example-fn.azurewebsites.net/api/HttpTrigger1?name=fake",
          "https://hush-example.azurewebsites.net/.auth/login/aad/callback?code=0.AQ4Ahush",
          "https://hush-example-fn.azurewebsites.net/api/HttpTrigger1?code=%7Bfunction-key%7D"],
         ["https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to"],
         validator="ms-identifiable-key")
    rule("azure.json", "azure.functions.key-header", "Azure Functions key header", "high",
         r"(?i:x-functions-key)" + HEADER + r"(?<secret>[A-Za-z0-9_/+-]{30,100}={0,2})",
         ["x-functions-key: %s" % fakes.function_key(R),
          '{"name": "x-functions-key", "value": "%s"}' % fakes.function_key(R),
          "x-functions-key: %s" % fakes.ms_identifiable_key("functions", V)],
         ["x-functions-key: <function-key>", "x-functions-key: shortkey",
          "x-functions-key: %s (hush test: checksum broken)" % fakes.ms_identifiable_key_bad_checksum("functions", V)],
         ["https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to"],
         validator="ms-identifiable-key")
    apim = fakes.apim_key(R)
    rule("azure.json", "azure.apim.subscription-key-header", "Azure API Management subscription key header",
         "high",
         r"(?i:ocp-apim-subscription-key)" + HEADER +
         r"(?<secret>[0-9a-fA-F]{32}|" + B64 + r"{76}APIM" + r"[A-Za-z0-9+/=]{8})",
         ["Ocp-Apim-Subscription-Key: %s" % apim,
          '{"name":"ocp-apim-subscription-key","value":"%s"}' % fakes.apim_key(R),
          "Ocp-Apim-Subscription-Key: %s" % fakes.ms_identifiable_key("apim", V)],
         ["Ocp-Apim-Subscription-Key: {{subscription-key}}",
          "Ocp-Apim-Subscription-Key: 1234abcd",
          "Ocp-Apim-Subscription-Key: %s (hush test: checksum broken)" % fakes.ms_identifiable_key_bad_checksum("apim", V)],
         ["https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions"],
         validator="ms-identifiable-key")
    rule("azure.json", "azure.apim.subscription-key-query", "Azure API Management subscription key in URL",
         "high",
         QSEP + r"subscription-key=(?<secret>[0-9a-fA-F]{32})\b",
         ["GET https://hush-example.azure-api.net/orders/v1/list?subscription-key=%s HTTP/1.1" % fakes.apim_key(R)],
         ["https://hush-example.azure-api.net/orders?subscription-key=ABCDEF",
          "https://hush-example.azure-api.net/orders?subscription-key-header=ocp-apim"],
         ["https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions"])
    rule("azure.json", "azure.openai.api-key-header", "Azure OpenAI / AI services api-key header", "medium",
         r"(?i:\bapi-key)" + HEADER + r"(?<secret>[0-9a-fA-F]{32})\b",
         ["api-key: %s" % fakes.openai_key(R),
          '"headers": {"Content-Type": "application/json", "api-key": "%s"}' % fakes.openai_key(R)],
         ["api-key: $AZURE_OPENAI_API_KEY", "api-key: 0123abcd"],
         ["https://learn.microsoft.com/en-us/azure/ai-services/openai/reference"])
    pat = fakes.devops_pat_legacy(R)
    rule("azure.json", "azure.devops.pat", "Azure DevOps personal access token (legacy, in context)",
         "medium",
         r"(?i:\b(?:azure_?devops_?(?:ext_)?pat|ado_?pat|azdo_?(?:pat|token)|devops_?(?:pat|token)|vsts_?(?:pat|token)"
         r"|system_accesstoken|personal_?access_?token|pat))" + ASSIGN + r"(?<secret>[a-z2-7]{52})\b",
         ["AZURE_DEVOPS_EXT_PAT=%s" % pat,
          '{"devopsPat": "%s", "org": "https://dev.azure.com/hush-example"}' % fakes.devops_pat_legacy(R)],
         ["AZURE_DEVOPS_EXT_PAT=%s" % fakes.devops_pat_legacy(R)[:40],
          "build_id=%s" % fakes.devops_pat_legacy(R),
          "AZURE_DEVOPS_EXT_PAT=%s  # hush test: checksum broken" % fakes.devops_pat_legacy_bad_checksum(V)],
         ["https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
          "https://github.com/microsoft/security-utilities"],
         validator="azure-devops-pat")
    rule("azure.json", "azure.devops.pat-url", "Azure DevOps personal access token in a git URL", "high",
         # Anchored on the host, not on "://": every URL in a log has the latter.
         r"[/:](?<secret>[a-z2-7]{52})@(?:dev\.azure\.com|[a-z0-9-]{1,64}\.visualstudio\.com)",
         ["git clone https://%s@dev.azure.com/hush-example/fake/_git/repo" % fakes.devops_pat_legacy(R),
          "remote: https://build:%s@hush-example.visualstudio.com/fake/_git/repo" % fakes.devops_pat_legacy(R)],
         ["git clone https://hush-example@dev.azure.com/hush-example/fake/_git/repo",
          "https://%s@github.com/hush-example/repo" % fakes.devops_pat_legacy(R),
          "git clone https://%s@dev.azure.com/hush-example/fake/_git/repo (hush test: checksum broken)"
          % fakes.devops_pat_legacy_bad_checksum(V)],
         ["https://learn.microsoft.com/en-us/azure/devops/repos/git/auth-overview"],
         validator="azure-devops-pat")
    ak = fakes.ms_common_annotated_key("AZDO", R)
    ai = fakes.ms_common_annotated_key("ACOG", R)
    rule("azure.json", "azure.common-annotated-key", "Microsoft identifiable key (84-char)", "high",
         # Signature case follows the key's owner (upper: customer-managed).
         # Any character after "JQQJ9" matches; the validator fails all but
         # '9' (and leaves derived 'D' keys unchecked).
         r"\b(?<secret>[A-Za-z0-9]{52}JQQJ9[A-Za-z0-9]{2}[A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}"
         r"(?:[A-Za-z0-9]{2}==)?)",
         ["AZURE_DEVOPS_EXT_PAT=%s" % ak,
          "api-key: %s" % ai,
          "AZURE_OPENAI_API_KEY=%s  # hush test" % fakes.ms_common_annotated_key("acog", V)],
         ["token=%s" % (fakes._choose(R, fakes.ALNUM, 52) + "JQQJ88" + fakes._choose(R, fakes.ALNUM, 26)),
          "token=%s" % ak[:80],
          "token=%s  # hush test: checksum broken" % fakes.ms_common_annotated_key_bad_checksum("AZDO", V)],
         ["https://github.com/microsoft/security-utilities/blob/main/docs/ReleaseHistory.md",
          "https://github.com/microsoft/security-utilities/blob/main/src/Microsoft.Security.Utilities.Core/CommonAnnotatedKey.cs"],
         validator="ms-common-annotated-key")


# ---- Teams ------------------------------------------------------------------------

def teams():
    rule("msteams.json", "msteams.webhook.url", "Microsoft Teams incoming webhook URL", "high",
         r"(?<secret>https://[a-z0-9-]{1,64}\.webhook\.office\.com/webhookb2/[0-9a-fA-F-]{36}@[0-9a-fA-F-]{36}"
         r"/IncomingWebhook/[0-9a-fA-F]{32}/[0-9a-fA-F-]{36}(?:/[A-Za-z0-9_-]{10,80})?)",
         ['"webhookUrl": "%s"' % fakes.teams_webhook_url(rng=R),
          "POST %s/V2%s HTTP/1.1" % (fakes.teams_webhook_url(org="contoso-hushtest", rng=R),
                                     fakes._choose(R, fakes.ALNUM + "_-", 45))],
         ["https://contoso.webhook.office.com/webhookb2/{group-id}@{tenant-id}/IncomingWebhook/{id}/{owner}",
          "https://contoso.webhook.office.com/"],
         ["https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"])
    rule("msteams.json", "msteams.webhook.legacy-url", "Microsoft Teams incoming webhook URL (legacy host)",
         "high",
         r"(?<secret>https://outlook\.office(?:365)?\.com/webhook/[0-9a-fA-F-]{36}@[0-9a-fA-F-]{36}"
         r"/IncomingWebhook/[0-9a-fA-F]{32}/[0-9a-fA-F-]{36})",
         ["TEAMS_HOOK=%s # hush test" % fakes.teams_webhook_url_legacy(R)],
         ["https://outlook.office.com/webhook/",
          "https://outlook.office.com/mail/inbox"],
         ["https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"])


# ---- Auth headers, JWT, URLs, PEM ---------------------------------------------------

def auth():
    tok = fakes.jwt(R)
    tok2 = fakes.jwt(R, issuer_v2=False)
    rule("auth.json", "auth.jwt", "JSON Web Token", "high",
         r"\b(?<secret>eyJ[A-Za-z0-9_-]{10,1500}\.eyJ[A-Za-z0-9_-]{10,5000}\.[A-Za-z0-9_-]{16,1500})",
         ["Authorization: Bearer %s" % tok,
          '{"access_token": "%s", "token_type": "Bearer"}' % tok2],
         ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0",
          "id=eyJzb21lIjoianVuayJ9.eyJub3QiOiJhIHRva2VuIn0.c2lnbmF0dXJlLWhlcmUtZmFrZQ",
          "token=eyJ" + "A" * 40 + ".eyJ" + "B" * 40 + "." + "C" * 40],
         ["https://datatracker.ietf.org/doc/html/rfc7519",
          "https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference"],
         validator="jwt")
    rule("auth.json", "auth.basic.header", "HTTP Basic authorization header", "high",
         r"(?i:authorization" + HEADER_EQ + r"basic[ \t]{1,4})"
         r"(?<secret>" + B64 + r"{8,1000}={0,2})",
         ["Authorization: Basic %s" % fakes.basic_auth_header_value(rng=R),
          '{"name": "authorization", "value": "Basic %s"}' % fakes.basic_auth_header_value("svc-hush-fake", R)],
         ["Authorization: Basic <base64(user:password)>",
          "Authorization: Bearer %s" % fakes.jwt(R),
          "WWW-Authenticate: Basic realm=\"hush-example\""],
         ["https://datatracker.ietf.org/doc/html/rfc7617"],
         entropy_min=3.0)
    # The first character(s) exclude "eyJ" so a bearer JWT is left to auth.jwt.
    rule("auth.json", "auth.bearer.header", "Bearer token in an Authorization header", "medium",
         r"(?i:authorization" + HEADER_EQ + r"bearer[ \t]{1,4})"
         r"(?<secret>(?:[A-Za-df-z0-9._~+/-]|e[A-Za-xz0-9._~+/-]|ey[A-IK-Za-z0-9._~+/-])"
         r"[A-Za-z0-9._~+/-]{17,2048}={0,2})",
         ["Authorization: Bearer %s" % fakes._choose(R, fakes.ALNUM + "._-", 64),
          '{"name":"Authorization","value":"Bearer %s"}' % fakes.github_token("gho_", R)],
         ["Authorization: Bearer %s" % fakes.jwt(R),
          "Authorization: Bearer ${ACCESS_TOKEN}",
          "Authorization: Bearer abcabcabcabcabcabcabcabc"],
         ["https://datatracker.ietf.org/doc/html/rfc6750"],
         entropy_min=3.5)
    rule("auth.json", "auth.url.password", "Password in URL userinfo", "high",
         # Starts at "://": a scheme prefix made Hyperscan track every word start.
         r"://[^:@/?# \t\r\n\"'<>]{1,64}:(?<secret>[^:@/?# \t\r\n\"'<>]{1,128})@[A-Za-z0-9\[]",
         ["git remote add origin https://hush-example:%s@git.contoso.example/fake.git"
          % fakes.password(R).replace("/", "!").replace("@", "!").replace(":", "!"),
          "DATABASE_URL=postgres://app:%s@db.hush-example.internal:5432/orders"
          % fakes._choose(R, fakes.ALNUM, 20)],
         ["https://hush-example.contoso.example:8443/path/to/file",
          "https://user:${DB_PASSWORD}@db.hush-example.internal/",
          "git@github.com:hush-example/repo.git"],
         ["https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1"])
    PV = rng_for("pem-structure")  # keeps R's sequence unchanged
    pem = fakes.pem_private_key("RSA PRIVATE KEY", 10, R)
    pem2 = fakes.pem_private_key("OPENSSH PRIVATE KEY", 6, R)
    pem3 = fakes.pem_private_key("ENCRYPTED PRIVATE KEY", 6, R)
    rule("pem.json", "pem.private-key", "PEM private key", "high",
         r"(?<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
         r"[A-Za-z0-9+/=\r\n :,.-]{20,6500}-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?"
         r"PRIVATE KEY(?: BLOCK)?-----)",
         ["# hush test key (random content in an RSA key's structure, not a usable key)\n" + pem,
          pem2, pem3,
          fakes.pem_private_key("PRIVATE KEY", 4, R),
          # JSON-escaped: found in the JSON string view, decoded
          '{"type": "service_account", "private_key": %s}' % json.dumps(pem2)],
         ["-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----" % fakes._b64(R, 48),
          "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
          "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----" % fakes._b64(R, 48),
          # random bytes, not DER: the structure check fails (low confidence)
          "# hush test\n-----BEGIN RSA PRIVATE KEY-----\n%s\n%s\n-----END RSA PRIVATE KEY-----"
          % (fakes._b64(PV, 48), fakes._b64(PV, 48))],
         ["https://datatracker.ietf.org/doc/html/rfc7468",
          "https://datatracker.ietf.org/doc/html/rfc5208",
          "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key"],
         multiline=True, opener=r"-----BEGIN [A-Z ]{0,30}PRIVATE KEY", validator="pem-private-key")
    rule("pem.json", "pem.private-key.escaped", "PEM private key (escaped one-line form)", "high",
         r"(?<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"
         r"[A-Za-z0-9+/= :,.\\-]{20,6500}-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?"
         r"PRIVATE KEY-----)",
         ['GOOGLE_PRIVATE_KEY="%s\\n"'
          % fakes.pem_private_key_json_escaped("PRIVATE KEY", 6, R),
          "SSH_KEY='%s'" % fakes.pem_private_key_json_escaped("OPENSSH PRIVATE KEY", 5, R)],
         ['{"public_key": "-----BEGIN PUBLIC KEY-----\\n%s\\n-----END PUBLIC KEY-----"}' % fakes._b64(R, 48),
          '{"private_key": "-----BEGIN PRIVATE KEY-----\\n<key>\\n-----END PRIVATE KEY-----"}',
          'KEY="-----BEGIN PRIVATE KEY-----\\n%s\\n%s\\n-----END PRIVATE KEY-----"  # hush test: not DER'
          % (fakes._b64(PV, 48), fakes._b64(PV, 48))],
         ["https://datatracker.ietf.org/doc/html/rfc7468"], validator="pem-private-key")


# ---- AWS, GitHub, Slack, Stripe, Google, SendGrid, Twilio, npm -----------------------

def providers():
    rule("aws.json", "aws.access-key-id", "AWS access key ID", "high",
         r"\b(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})\b",
         ["aws_access_key_id = %s" % fakes.aws_access_key_id(rng=R),
          '{"AccessKeyId": "%s", "Expiration": "2031-01-01T00:00:00Z"}' % fakes.aws_access_key_id("ASIA", R)],
         ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
          "id=AKIA%s" % fakes._choose(R, fakes.BASE32_UPPER, 12),
          "arn=AROA%s" % fakes._choose(R, fakes.BASE32_UPPER, 16)],
         ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"])
    rule("aws.json", "aws.secret-access-key", "AWS secret access key", "high",
         r"(?i:\b(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key))" + ASSIGN +
         # Exactly 40: the next byte is no base64 character (or the line ends).
         r"(?<secret>[A-Za-z0-9/+]{40})(?:[^\r\nA-Za-z0-9/+=]|$)",
         ["aws_secret_access_key = %s" % fakes.aws_secret_access_key(R),
          '{"AccessKeyId": "%s", "SecretAccessKey": "%s"}' % (fakes.aws_access_key_id("ASIA", R),
                                                             fakes.aws_secret_access_key(R))],
         ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "export AWS_SECRET_ACCESS_KEY=hushTestValueThatIsFortyTwoCharsLong0123ab",
          "aws_secret_access_key = %s" % fakes.aws_secret_access_key(R)[:30]],
         ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"])
    gh = [("ghp_", "github.pat.classic", "GitHub personal access token (classic)"),
          ("gho_", "github.oauth-token", "GitHub OAuth access token"),
          ("ghu_", "github.app-user-token", "GitHub App user-to-server token"),
          ("ghs_", "github.app-installation-token", "GitHub App installation token"),
          ("ghr_", "github.refresh-token", "GitHub App refresh token")]
    for prefix, rid, name in gh:
        rule("github.json", rid, name, "high",
             r"\b(?<secret>" + prefix + r"[A-Za-z0-9]{36})\b",
             ["GITHUB_TOKEN=%s" % fakes.github_token(prefix, R),
              '{"token": "%s", "note": "hush test"}' % fakes.github_token(prefix, R)],
             ["GITHUB_TOKEN=%s  # hush test: checksum altered" % fakes.github_token_bad_checksum(prefix, R),
              "GITHUB_TOKEN=%s" % fakes.github_token(prefix, R)[:30]],
             ["https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/"],
             validator="github-crc32")
    rule("github.json", "github.pat.fine-grained", "GitHub fine-grained personal access token", "high",
         r"\b(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b",
         ["git clone https://x-access-token:%s@github.com/hush-example/repo" % fakes.github_fine_grained_pat(R)],
         ["github_pat_%s" % fakes._choose(R, fakes.ALNUM, 40),
          "github_pat_<your-token>"],
         ["https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens"])
    slack = [("xoxb", "slack.bot-token", "Slack bot token",
              r"xoxb-[0-9]{8,14}(?:-[0-9]{8,14})?-[A-Za-z0-9]{24}"),
             ("xoxp", "slack.user-token", "Slack user token",
              r"xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-fA-F0-9]{32}")]
    for prefix, rid, name, body in slack:
        rule("slack.json", rid, name, "high", r"\b(?<secret>" + body + r")\b",
             ["SLACK_TOKEN=%s" % fakes.slack_token(prefix, R),
              'curl -H "Authorization: Bearer %s" https://slack.com/api/auth.test' % fakes.slack_token(prefix, R)],
             ["SLACK_TOKEN=%s-123-456-abc" % prefix, "SLACK_TOKEN=%s-<token>" % prefix],
             ["https://api.slack.com/authentication/token-types"])
    rule("slack.json", "slack.other-token", "Slack app, refresh or configuration token", "high",
         r"\b(?<secret>(?:xox[aers]|xapp)-[0-9]{1,2}-[A-Za-z0-9-]{20,250})",
         ["SLACK_APP_TOKEN=xoxa-2-%s" % fakes._choose(R, fakes.ALNUM, 60),
          "refresh=xoxe-1-%s" % fakes._choose(R, fakes.ALNUM, 100),
          "SLACK_APP_TOKEN=xapp-1-A%s-%s-%s" % (fakes._choose(R, fakes.BASE32_UPPER, 10),
                                               fakes._choose(R, fakes.string.digits, 13), fakes._choose(R, fakes.HEX, 64))],
         ["xoxa-2-short", "xoxq-2-%s" % fakes._choose(R, fakes.ALNUM, 40)],
         ["https://api.slack.com/authentication/token-types"])
    rule("slack.json", "slack.webhook.url", "Slack incoming webhook URL", "high",
         r"(?<secret>https://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}"
         r"/[A-Za-z0-9]{20,32})",
         ['"slack_webhook": "%s"' % fakes.slack_webhook_url(R)],
         ["https://hooks.slack.com/services/T00000000/B00000000/",
          "https://api.slack.com/messaging/webhooks"],
         ["https://api.slack.com/messaging/webhooks"])
    rule("stripe.json", "stripe.secret-key.live", "Stripe live secret key", "high",
         r"\b(?<secret>sk_live_[A-Za-z0-9]{24,247})\b",
         ["STRIPE_SECRET_KEY=%s" % fakes.stripe_key("sk_live_", R)],
         ["STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "STRIPE_PUBLISHABLE=pk_live_%s"
          % fakes._choose(R, fakes.ALNUM, 24)],
         ["https://docs.stripe.com/keys"])
    rule("stripe.json", "stripe.restricted-key.live", "Stripe live restricted key", "high",
         r"\b(?<secret>rk_live_[A-Za-z0-9]{24,247})\b",
         ["stripe.api_key = '%s'" % fakes.stripe_key("rk_live_", R)],
         ["rk_live_short", "rk_test_%s" % fakes._choose(R, fakes.ALNUM, 24)],
         ["https://docs.stripe.com/keys"])
    rule("stripe.json", "stripe.secret-key.test", "Stripe test-mode secret key", "medium",
         r"\b(?<secret>[sr]k_test_[A-Za-z0-9]{24,247})\b",
         ["STRIPE_KEY=%s" % fakes.stripe_key("sk_test_", R)],
         ["STRIPE_KEY=sk_test_<your-key>", "pk_test_%s" % fakes._choose(R, fakes.ALNUM, 24)],
         ["https://docs.stripe.com/keys"])
    rule("google.json", "google.api-key", "Google API key", "high",
         r"\b(?<secret>AIza[0-9A-Za-z_-]{35})",
         ['"apiKey": "%s"' % fakes.google_api_key(R),
          "https://maps.googleapis.com/maps/api/geocode/json?address=fake&key=%s" % fakes.google_api_key(R)],
         ["apiKey: AIza" + "_" * 10, "AIza%s" % fakes._choose(R, fakes.ALNUM, 20)],
         ["https://cloud.google.com/docs/authentication/api-keys"])
    rule("google.json", "google.oauth-client-secret", "Google OAuth client secret", "high",
         r"\b(?<secret>GOCSPX-[A-Za-z0-9_-]{28})",
         ['{"installed": {"client_id": "hush-example.apps.googleusercontent.com", "client_secret": "%s"}}'
          % fakes.google_oauth_client_secret(R)],
         ["client_secret: GOCSPX-<secret>", "GOCSPX-short"],
         ["https://developers.google.com/identity/protocols/oauth2"])
    rule("google.json", "google.oauth-access-token", "Google OAuth access token", "high",
         r"\b(?<secret>ya29\.[0-9A-Za-z_-]{30,2048})",
         ["Authorization: Bearer ya29.%s" % fakes._choose(R, fakes.ALNUM + "_-", 180),
          '{"access_token": "ya29.%s", "expires_in": 3599}' % fakes._choose(R, fakes.ALNUM + "_-", 160)],
         ["ya29.short", "version ya29.1.2 of the hush test fixture"],
         ["https://developers.google.com/identity/protocols/oauth2"])
    rule("sendgrid.json", "sendgrid.api-key", "SendGrid API key", "high",
         r"\b(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})",
         ["SENDGRID_API_KEY=%s" % fakes.sendgrid_key(R)],
         ["SENDGRID_API_KEY=SG.<your-key>", "SG.%s.short" % fakes._choose(R, fakes.ALNUM, 22)],
         ["https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys"])
    rule("twilio.json", "twilio.api-key", "Twilio API key SID with secret context", "medium",
         r"(?i:twilio)[^\r\n]{0,80}?\b(?<secret>SK[0-9a-fA-F]{32})\b",
         ["TWILIO_API_KEY=%s" % fakes.twilio_api_key_sid(R)],
         ["sku=SK%s" % fakes.twilio_auth_token(R), "TWILIO_API_KEY=SK123"],
         ["https://www.twilio.com/docs/iam/api-keys"])
    rule("twilio.json", "twilio.auth-token", "Twilio auth token", "high",
         r"\bAC[0-9a-fA-F]{32}\b[^\r\n]{0,160}?(?i:\b[a-z0-9_]{0,24}auth_?token)" + ASSIGN +
         r"(?<secret>[0-9a-fA-F]{32})\b",
         ['TWILIO_ACCOUNT_SID=%s TWILIO_AUTH_TOKEN=%s' % (fakes.twilio_account_sid(R), fakes.twilio_auth_token(R)),
          '{"accountSid": "%s", "authToken": "%s"}' % (fakes.twilio_account_sid(R), fakes.twilio_auth_token(R))],
         ['TWILIO_AUTH_TOKEN=%s' % fakes.twilio_auth_token(R),
          '{"accountSid": "%s", "authToken": "<auth-token>"}' % fakes.twilio_account_sid(R)],
         ["https://www.twilio.com/docs/iam/access-tokens"])
    NV = rng_for("npm-checksummed")  # keeps R's sequence unchanged
    rule("npm.json", "npm.access-token", "npm access token", "high",
         r"\b(?<secret>npm_[A-Za-z0-9]{36})\b",
         ["//registry.npmjs.org/:_authToken=%s" % fakes.npm_token(R),
          "NPM_TOKEN=%s  # hush test" % fakes.npm_token(NV)],
         ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "npm_%s" % fakes._choose(R, fakes.ALNUM, 20),
          "//registry.npmjs.org/:_authToken=%s  # hush test: checksum broken" % fakes.npm_token_bad_checksum(NV)],
         ["https://docs.npmjs.com/about-access-tokens",
          "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/"],
         validator="npm-crc32")


# ---- generic assignments ------------------------------------------------------------------

def generic():
    # Values never start with '@' or '[' (workflow / ARM expressions), '$' (shell
    # variables and substitutions), '/' (paths, routes) or '#' (selectors, anchors).
    VALUE = r"""(?<secret>[^@\[$/# \t\r\n"'<>;,&`][^ \t\r\n"'<>;,&`]{%d,%d})"""
    # Values are graded by scanner/score.c ("score"): words, defaults and
    # documented values stay low, code, paths and hashes are dropped.
    G = fakes.make_rng(0x5C0DE)  # negatives' own RNG: R's sequence stays as it was

    rule("generic.json", "generic.password", "Password assignment", "medium",
         r"(?i:\b[a-z0-9_]{0,32}(?:password|passwd|pwd))" + ASSIGN + VALUE % (5, 127),
         ['{"username": "hush-example", "password": "%s"}' % fakes.password(R).replace(",", "!").replace("&", "!"),
          "DB_PASSWORD=%s" % fakes._choose(R, fakes.ALNUM, 18),
          "login failed for user=svc password=%s (hush test)" % fakes._choose(R, fakes.ALNUM, 14)],
         ['"password": "@parameters(\'sqlPassword\')"',
          '"password": "Content not shown due to security configuration."',
          "password: ${DB_PASSWORD}",
          "password=aaaaaaab",
          'export PGPASSWORD="$gdcapi_db_password"',
          "put '/forgot-password' => '/sites/passwords#update'",
          '"passwordPolicy": "strong-and-long"',
          "password = env.HUSH_TEST_PASSWORD",
          "var pwd = getHushTestPassword();",
          'smtp_password: "smtp_password"',
          "password = hushtest (one word: low)",
          'IAMUserChangePassword = "arn:aws:iam::aws:policy/IAMUserChangePassword"'],
         ["https://cwe.mitre.org/data/definitions/798.html"], score="password")
    rule("generic.json", "generic.secret", "Secret assignment", "medium",
         r"(?i:\b[a-z0-9_]{0,32}(?:secret|secret_?key))" + ASSIGN + VALUE % (11, 255),
         ['{"clientSecret": "%s"}' % fakes._choose(R, fakes.ALNUM + "-_.", 32),
          "WEBHOOK_SECRET=%s" % fakes._choose(R, fakes.HEX, 40)],
         ['"clientSecret": "@{body(\'Get_secret\')?[\'value\']}"',
          "secret: <your-secret-here>",
          "secret=hello-world-hello",
          '"secret_sha256": "%s"' % fakes._choose(G, fakes.HEX, 64),
          "client_secret = %s" % fakes.guid(G),
          "CLIENT_SECRET_FILE=~/.config/hush-test/client_secret.json"],
         ["https://cwe.mitre.org/data/definitions/798.html"], score="generic")
    rule("generic.json", "generic.api-key", "API key assignment", "medium",
         r"(?i:\b[a-z0-9_-]{0,32}(?:api_?key|apikey|api-key|api_?secret))" + ASSIGN + VALUE % (15, 255),
         ["X-API-Key: %s" % fakes._choose(R, fakes.ALNUM, 40),
          '{"apiKey": "%s"}' % fakes._choose(R, fakes.ALNUM, 32)],
         ["apiKey: @parameters('apiKey')",
          '"api_key": "%%API_KEY%%"',
          "api_key=1111111111111111",
          "api_key=a1b2c3d4-e5f6-g7h8-i9j0-k1l2m3n4o5p6",
          "publishable_api_key = %s" % fakes._choose(G, fakes.ALNUM, 32)],
         ["https://cwe.mitre.org/data/definitions/798.html"], score="generic")
    rule("generic.json", "generic.token", "Token assignment", "medium",
         r"(?i:\b(?:access_?token|auth_?token|api_?token|secret_?token|token))" + ASSIGN + VALUE % (15, 1023),
         ['{"token": "%s"}' % fakes._choose(R, fakes.ALNUM + "-_", 48),
          "AUTH_TOKEN=%s" % fakes._choose(R, fakes.ALNUM, 32)],
         ["token: {{ secrets.DEPLOY_TOKEN }}",
          '"token": "abcdefabcdefabcdef"',
          '"token_type": "Bearer"',
          'token = "hushTestTokenName"'],
         ["https://cwe.mitre.org/data/definitions/798.html"], score="generic")


# ---- structural rules (found by document structure, see scanner/views.h) ---------

def structure():
    # Examples hold values no pattern rule takes (spaces, commas, an order a
    # regex cannot see): a pattern finding inside a value names it instead.
    structural("structure.json", "json.secret-field", "Secret-named JSON member", "medium",
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
    structural("structure.json", "http.secret-header", "Secret HTTP header (name/value pair)",
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
    structural("structure.json", "http.session-cookie", "Session cookie (name/value pair)",
               "high", "name-value",
               ["ESTSAUTH*", ".AspNetCore.*", "FedAuth", "rtFa"],
               ['{"value": "%s", "name": "ESTSAUTHLIGHT"}' % fakes._choose(R, fakes.ALNUM + "-_", 40)],
               ['{"name": "ESTSAUTH", "value": "REDACTED"}'],
               ["https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-web-browser-cookies"])
    structural("structure.json", "url.secret-parameter", "Secret URL or form parameter",
               "high", "query-parameter",
               ["sig", "code", "access_token", "refresh_token", "id_token", "client_secret",
                "client_assertion", "assertion", "password", "subscription-key", "api-key",
                "sastoken"],
               ['{"url": "https://hush-example.contoso.com/hook?sig=%s&se=2030-01-01"}' % fakes._choose(R, fakes.ALNUM, 43),
                '{"value": "%s", "name": "client_assertion"}' % fakes._choose(R, fakes.ALNUM, 40)],
               ['{"url": "https://hush-example.contoso.com/hook?sig=****"}',
                '{"url": "https://hush-example.contoso.com/items?page=2&sort=name"}'],
               ["https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow"])
    structural("structure.json", "azure.keyvault.secret-value", "Azure Key Vault secret value",
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


def family_modules():
    """Every scripts/rulepack/<family>.py but common.py, in name order."""
    directory = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rulepack")
    names = sorted(f[:-3] for f in os.listdir(directory)
                   if f.endswith(".py") and f not in ("common.py", "__init__.py"))
    return [importlib.import_module("rulepack." + name) for name in names]


def build():
    keyvault()
    logic_apps()
    entra()
    storage()
    dataverse()
    azure_keys()
    teams()
    auth()
    providers()
    generic()
    structure()
    for family in family_modules():
        family.add_rules()
    out = {}
    for name, rules in sorted(FILES.items()):
        out[name] = json.dumps({"rules": rules}, indent=2, ensure_ascii=True) + "\n"
    return out


def main(argv):
    check = "--check" in argv[1:]
    files = build()
    ids = [r["id"] for text in files.values() for r in json.loads(text)["rules"]]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate rule ids")
    changed = []
    for name, text in files.items():
        path = os.path.join(PATTERN_DIR, name)
        old = open(path).read() if os.path.exists(path) else None
        if old != text:
            changed.append(name)
            if not check:
                with open(path, "w") as f:
                    f.write(text)
    if check:
        if changed:
            print("out of date: " + ", ".join(changed))
            return 1
        return 0
    print("%d rules in %d files%s" % (len(ids), len(files),
                                      (", rewrote " + ", ".join(changed)) if changed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
