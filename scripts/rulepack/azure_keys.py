"""Microsoft identifiable keys of Azure services (patterns/azure.json).

Since 2022 Azure issues base64 keys that carry a 4-character service
signature right before a Marvin32 checksum (Microsoft.Security.Utilities,
IdentifiableMetadata and the HighConfidenceMicrosoftSecurityModels classes):
a key is found wherever it appears, without a key name or connection string
around it, and the ms-identifiable-key validator checks the checksum (one
that fails drops to low confidence).  Keys of the older random form are
left to the context rules (azure.storage.connection-string, ...).
"""

from rulepack.common import *  # noqa: F401,F403

R = rng_for("azure_keys")

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


def add_rules():
    for kind, rid, name, signature, size, page in KINDS:
        key1 = fakes.ms_identifiable_key(kind, R)
        key2 = fakes.ms_identifiable_key(kind, R)
        bad = fakes.ms_identifiable_key_bad_checksum(kind, R)
        rule("azure.json", rid, name, "high", _pattern(signature, size),
             [_contexts(kind, key1)[0], _contexts(kind, key2)[1]],
             ['{"primaryKey": "%s", "note": "hush test: checksum broken"}' % bad,
              '{"primaryKey": "%s"}' % key1[1:],  # one character short
              '{"primaryKey": "%s"}' % fakes._b64(R, size, urlsafe=size == 40)],  # older random form
             [page, MSU],
             validator="ms-identifiable-key")
