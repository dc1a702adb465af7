"""Azure rules (patterns/azure.json): Key Vault URLs, Storage, Service Bus,
Event Hubs, IoT Hub, Cosmos DB and SQL connection strings, SAS tokens,
Functions and API Management keys, Azure OpenAI and DevOps keys, and the
Microsoft identifiable keys of Azure services.

Since 2022 Azure issues base64 keys that carry a 4-character service
signature right before a Marvin32 checksum (Microsoft.Security.Utilities,
IdentifiableMetadata and the HighConfidenceMicrosoftSecurityModels classes):
such a key is found wherever it appears, without a key name or connection
string around it, and the ms-identifiable-key validator checks the checksum
(one that fails drops to low confidence).  Keys of the older random form are
left to the context rules (azure.storage.connection-string, ...)."""

from rulepack.common import *  # noqa: F401,F403

# Before the key: not a base64 or base64url character (the signature's
# place is counted from the key's first character); "=" may be (KEY=value).
BOUND = r"(?:^|[^A-Za-z0-9+/_-])"
B64C = r"[A-Za-z0-9+/]"
URLC = r"[A-Za-z0-9_-]"
MSU = "https://github.com/microsoft/security-utilities"

# fakes kind, rule id, name, signature regex, key bytes, vendor page
KINDS = [
    ("storage", "azure.storage.identifiable-key", "Azure Storage account key (identifiable)",
     r"\+ASt", 64, "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage"),
    ("cosmos", "azure.cosmosdb.identifiable-key", "Azure Cosmos DB key (identifiable)",
     r"ACDb", 64, "https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data"),
    ("batch", "azure.batch.identifiable-key", "Azure Batch account key (identifiable)",
     r"\+ABa", 64, "https://learn.microsoft.com/en-us/azure/batch/security-best-practices"),
    ("apim", "azure.apim.identifiable-key", "Azure API Management key (identifiable)",
     r"APIM", 64, "https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions"),
    ("ml-classic", "azure.ml-classic.identifiable-key",
     "Azure ML classic web service key (identifiable)", r"(?:/AM7|\+AMC)", 64,
     "https://learn.microsoft.com/en-us/previous-versions/azure/machine-learning/classic/"),
    ("servicebus", "azure.servicebus.identifiable-key", "Azure Service Bus key (identifiable)",
     r"\+ASb", 32, "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas"),
    ("eventhubs", "azure.eventhubs.identifiable-key", "Azure Event Hubs key (identifiable)",
     r"\+AEh", 32, "https://learn.microsoft.com/en-us/azure/event-hubs/authenticate-shared-access-signature"),
    ("relay", "azure.relay.identifiable-key", "Azure Relay key (identifiable)",
     r"\+ARm", 32, "https://learn.microsoft.com/en-us/azure/azure-relay/relay-authentication-and-authorization"),
    ("iothub", "azure.iot.identifiable-key", "Azure IoT Hub / DPS / device key (identifiable)",
     r"AIoT", 32, "https://learn.microsoft.com/en-us/azure/iot-hub/iot-hub-dev-guide-sas"),
    ("redis", "azure.redis.identifiable-key", "Azure Cache for Redis access key (identifiable)",
     r"AzCa", 32, "https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure"),
    ("eventgrid", "azure.eventgrid.identifiable-key", "Azure Event Grid access key (identifiable)",
     r"AZEG", 32, "https://learn.microsoft.com/en-us/azure/event-grid/authenticate-with-access-keys-shared-access-signatures"),
    ("search", "azure.search.identifiable-key", "Azure AI Search key (identifiable)",
     r"AzSe", 39, "https://learn.microsoft.com/en-us/azure/search/search-security-api-keys"),
    ("acr", "azure.containerregistry.identifiable-key",
     "Azure Container Registry password (identifiable)", r"\+ACR", 39,
     "https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication"),
    ("functions", "azure.functions.identifiable-key", "Azure Functions key (identifiable)",
     r"AzFu", 40, "https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to"),
]


def key_vault():
    R = first_pack_rng(skip=0)
    v1 = fakes.keyvault_url(vault="hush-fake-kv", rng=R)
    v2 = fakes.keyvault_url(vault="hush-fake-gov", suffix="vault.usgovcloudapi.net",
                            port=True, name="sql-admin-password", rng=R)
    # Medium and redacted: a Key Vault secret URL is not the secret, but it
    # names the vault, the secret and its version; a support bundle should
    # not hand that map out (sensitive configuration).  The whole URL is the
    # span: the vault host and the secret name are what it reveals.  Teams
    # that want them visible allow the rule (README.md).
    rule("azure.keyvault.secret-url", "Azure Key Vault secret URL", "medium",
         r"(?<secret>https://[0-9A-Za-z-]{3,24}\." + KV_SUFFIX +
         r"(?::443)?/secrets/[0-9A-Za-z-]{1,127}(?:/[0-9a-fA-F]{32})?)",
         ['{"id": "%s", "attributes": {"enabled": true}}' % v1,
          '"SqlPassword": "@Microsoft.KeyVault(SecretUri=%s)"' % v2,
          "GET https://contoso-hush-kv.vault.azure.cn/secrets/api-key?api-version=7.4 200"],
         ["https://hush-example-kv.vault.azure.com/secrets/api-key (wrong suffix, hush test)",
          "https://hush-example-kv.vault.azure.net/keys/signing-key",
          "https://contoso-hush-kv.vault.azure.net/deletedsecrets/api-key (hush test)",
          "https://{vault-name}.vault.azure.net/secrets/{secret-name}"],
         ["https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates"])
    # Keys and certificates stay low and unredacted: a key URL is the "kid"
    # of every token it signs and of public JWKS documents, and a
    # certificate is public; neither addresses a secret value.
    k1 = fakes.keyvault_url(vault="hush-fake-kv", kind="keys", name="hush-fake-signing", rng=R)
    rule("azure.keyvault.object-url", "Azure Key Vault key or certificate URL",
         "low",
         r"(?<secret>https://[0-9A-Za-z-]{3,24}\." + KV_SUFFIX +
         r"(?::443)?/(?:keys|certificates)/[0-9A-Za-z-]{1,127}(?:/[0-9a-fA-F]{32})?)",
         ['"kid": "%s"' % k1,
          "cert=https://contoso-hush-hsm.managedhsm.azure.net:443/certificates/tls-fake"],
         ["https://hush-example-kv.vault.azure.net/secrets/api-key",
          "https://hush-example-kv.vault.azure.net/deletedkeys/old-key"],
         ["https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates"],
         redact=False)


def storage():
    R = first_pack_rng(skip=2047)
    # Identifiable-key examples draw from their own RNG so R's sequence (and
    # every later example) stays as it was.
    V = rng_for("storage-identifiable")
    k = fakes.storage_account_key(R)
    rule("azure.storage.connection-string", "Azure Storage connection string key",
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
    rule("azure.storage.account-key", "Azure Storage account key", "high",
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
    rule("azure.storage.sas-sig", "Azure Storage SAS token signature", "high",
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
    rule("azure.servicebus.connection-string",
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
    rule("azure.iothub.connection-string", "Azure IoT Hub connection string key", "high",
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
    rule("azure.servicebus.sas-token", "Azure SharedAccessSignature token", "high",
         r"SharedAccessSignature (?:[^ \t\r\n\"'<>]{0,400}?(?:&|\\u0026))?sig=(?<secret>" + SIGCHAR +
         r"{43}(?:=|%3[Dd]))",
         ["Authorization: SharedAccessSignature sr=hush-example.servicebus.windows.net%%2Forders&sig=%s"
          "&se=1924992000&skn=RootManageSharedAccessKey" % fakes.sas_signature_percent(R),
          '"sasToken": "SharedAccessSignature sr=hush-example.azure-devices.net%%2Fdevices%%2Ffake'
          '&sig=%s&se=1924992000"' % fakes.sas_signature_percent(R)],
         ["Authorization: SharedAccessSignature sr=hush-example.servicebus.windows.net&sig=short&se=1",
          "SharedAccessSignature sr={resource}&sig={signature}&se={expiry}&skn={policy}"],
         ["https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas"])
    rule("azure.cosmosdb.connection-string", "Azure Cosmos DB connection string key",
         "high",
         r"(?i:AccountEndpoint=https://)[a-z0-9-]{3,50}\.documents\.azure\.(?:com|cn|us)(?::443)?/?;"
         r"(?i:AccountKey=)(?<secret>" + B64 + r"{86}==)",
         ["AccountEndpoint=https://hush-example.documents.azure.com:443/;AccountKey=%s;" % fakes.cosmos_key(R)],
         ["AccountEndpoint=https://localhost:8081/;AccountKey=%s" % fakes.cosmos_key(R),
          "AccountEndpoint=https://hush-example.documents.azure.com:443/;AccountKey=<primary-key>"],
         ["https://learn.microsoft.com/en-us/azure/cosmos-db/nosql/how-to-dotnet-get-started"],
         validator="ms-identifiable-key")
    rule("azure.sql.connection-string-password",
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


def service_keys():
    R = first_pack_rng(skip=3334)
    V = rng_for("azure-keys-checksummed")  # keeps R's sequence unchanged
    fk = fakes.function_key(R)
    rule("azure.functions.code-url", "Azure Functions key in URL", "high",
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
    rule("azure.functions.key-header", "Azure Functions key header", "high",
         r"(?i:x-functions-key)" + HEADER + r"(?<secret>[A-Za-z0-9_/+-]{30,100}={0,2})",
         ["x-functions-key: %s" % fakes.function_key(R),
          '{"name": "x-functions-key", "value": "%s"}' % fakes.function_key(R),
          "x-functions-key: %s" % fakes.ms_identifiable_key("functions", V)],
         ["x-functions-key: <function-key>", "x-functions-key: shortkey",
          "x-functions-key: %s (hush test: checksum broken)" % fakes.ms_identifiable_key_bad_checksum("functions", V)],
         ["https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to"],
         validator="ms-identifiable-key")
    apim = fakes.apim_key(R)
    rule("azure.apim.subscription-key-header", "Azure API Management subscription key header",
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
    rule("azure.apim.subscription-key-query", "Azure API Management subscription key in URL",
         "high",
         QSEP + r"subscription-key=(?<secret>[0-9a-fA-F]{32})\b",
         ["GET https://hush-example.azure-api.net/orders/v1/list?subscription-key=%s HTTP/1.1" % fakes.apim_key(R)],
         ["https://hush-example.azure-api.net/orders?subscription-key=ABCDEF",
          "https://hush-example.azure-api.net/orders?subscription-key-header=ocp-apim"],
         ["https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions"])
    rule("azure.openai.api-key-header", "Azure OpenAI / AI services api-key header", "medium",
         r"(?i:\bapi-key)" + HEADER + r"(?<secret>[0-9a-fA-F]{32})\b",
         ["api-key: %s" % fakes.openai_key(R),
          '"headers": {"Content-Type": "application/json", "api-key": "%s"}' % fakes.openai_key(R)],
         ["api-key: $AZURE_OPENAI_API_KEY", "api-key: 0123abcd"],
         ["https://learn.microsoft.com/en-us/azure/ai-services/openai/reference"])
    pat = fakes.devops_pat_legacy(R)
    rule("azure.devops.pat", "Azure DevOps personal access token (legacy, in context)",
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
    rule("azure.devops.pat-url", "Azure DevOps personal access token in a git URL", "high",
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
    rule("azure.common-annotated-key", "Microsoft identifiable key (84-char)", "high",
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


def _pattern(signature, size):
    """Random part, signature, 6 checksum characters, padding: the zero
    bits between signature and checksum fix one character's range."""
    if size == 64:
        body = B64C + "{76}" + signature + B64C + "{5}[AQgw]=="
    elif size == 32:
        body = B64C + "{33}" + signature + "[A-P]" + B64C + "{5}="
    elif size == 39:
        body = B64C + "{42}" + signature + "[A-D]" + B64C + "{5}"
    else:  # 40 bytes, URL-safe; the padding is often dropped
        body = URLC + "{44}" + signature + URLC + "{5}[AQgw](?:==)?"
    return BOUND + "(?<secret>" + body + ")"


def _contexts(kind, key):
    if kind == "functions":
        return ["GET https://hush-fake-fn.azurewebsites.net/api/orders?code=%s&name=hush-test" % key,
                '{"functionKeys": {"default": "%s"}}' % key]
    if kind == "storage":
        return ['{"keyName": "key1", "value": "%s", "permissions": "FULL"}' % key,
                "az storage blob list --account-name hushfake --account-key '%s'" % key]
    return ['{"primaryKey": "%s", "note": "hush test"}' % key,
            "%s_KEY=%s" % (kind.upper().replace("-", "_"), key)]


def identifiable_keys():
    R = rng_for("azure_keys")
    for kind, rid, name, signature, size, page in KINDS:
        key1 = fakes.ms_identifiable_key(kind, R)
        key2 = fakes.ms_identifiable_key(kind, R)
        bad = fakes.ms_identifiable_key_bad_checksum(kind, R)
        rule(rid, name, "high", _pattern(signature, size),
             [_contexts(kind, key1)[0], _contexts(kind, key2)[1]],
             ['{"primaryKey": "%s", "note": "hush test: checksum broken"}' % bad,
              '{"primaryKey": "%s"}' % key1[1:],  # one character short
              '{"primaryKey": "%s"}' % fakes._b64(R, size, urlsafe=size == 40)],  # older random form
             [page, MSU],
             validator="ms-identifiable-key")


def add_rules():
    key_vault()
    storage()
    service_keys()
    identifiable_keys()
