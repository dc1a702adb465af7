#!/usr/bin/env python3
"""Writes a realistic mixed log with NO secrets, for measuring how often hush
reports something that is not a credential (bench/falsepositives.sh).

    python3 bench/gen_noise_log.py [--seed N] MIB PATH     (PATH '-': stdout)

Whole lines, at most MIB MiB (the file ends a little under).  Deterministic:
the same MIB, seed and Python version give the same bytes.  Standard library
only; about 20 MB/s on a free core (128 MiB in 7 s or so).

What is in it, each in many random variants: HTTP access logs with harmless
query strings (page, sort, utm_*, correlation ids) and user agents; Azure
Monitor / App Service / Kubernetes JSON logs; Serilog-style structured logs;
Logic Apps / Power Automate run-history actions with secured inputs and
outputs ("Content not shown due to security configuration."); Key Vault
*references* and audit records (secret names and URLs, never a value); Java,
.NET, Python and Go stack traces; SQL statements and ORM command logs; build
logs (npm, pip, NuGet, Maven, Go modules, Docker, git) with package versions,
commit hashes, digests and `integrity sha512-...`; md5/sha1/sha256 hex next to
words like sha256=, etag, commit; base64 blobs (PNG/JPEG/PDF bytes, protobuf-
like payloads, gzip'd JSON, base64 JSON message bodies); OAuth/OIDC flow logs
without any token; syslog lines with SSH key fingerprints; connection strings
that carry no key (managed identity, emulator, masked); and key names such as
password/token/secret/api_key whose values are not secrets (policies, types,
lengths, placeholders, masks, parameter and secret *names*).

Nothing here is a credential: no token, key, password, signature or cookie
value appears anywhere, not even encoded.  A finding in this log is a false
positive by construction (or a random blob that by chance matches a rule's
exact shape, which a reviewer can tell from the preview).
"""
import argparse
import base64
import gzip
import json
import random
import sys
import time

DEFAULT_SEED = 20261206
START_EPOCH = 1796083200  # 2026-12-01T00:00:00Z
CHUNK_BYTES = 1 << 20  # lines are joined and written a megabyte at a time

# ---- vocabulary ---------------------------------------------------------------
SERVICES = ["orders-api", "billing-worker", "catalog-svc", "identity-gw", "shipping-api",
            "notifications", "search-indexer", "payments-api", "inventory-sync", "reporting"]
NAMESPACES = ["prod", "staging", "orders", "platform", "monitoring", "ingress-nginx", "kube-system"]
DOMAINS = ["contoso.com", "fabrikam.com", "example.com", "example.org", "northwind.example",
           "adventure-works.example", "tailspin.example"]
WORDS = ("order invoice customer shipment pending approved rejected north south east west blue "
         "green amber large small express standard warehouse basket refund coupon catalog review "
         "account profile address delivery return label batch nightly report export import").split()
FIRST = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
         "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"]
LAST = ["smith", "jones", "garcia", "miller", "davis", "martinez", "lopez", "wilson", "anderson",
        "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "white", "harris"]
REGIONS = ["westeurope", "northeurope", "eastus", "eastus2", "westus3", "uksouth",
           "germanywestcentral", "swedencentral", "australiaeast", "japaneast"]
METHODS = ["GET"] * 8 + ["POST"] * 3 + ["PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
STATUSES = [200] * 20 + [201, 204, 301, 302, 304, 304, 400, 401, 403, 404, 404, 409, 429, 500, 502, 503]
RESOURCES = ["orders", "customers", "products", "invoices", "shipments", "carts", "reviews",
             "categories", "stores", "users", "reports", "webhooks", "events", "files"]
SORTS = ["price_asc", "price_desc", "name", "-createdAt", "updated_at:desc", "relevance", "rating"]
UTM_SOURCES = ["newsletter", "google", "bing", "linkedin", "twitter", "facebook", "partner-portal"]
UTM_MEDIUMS = ["email", "cpc", "social", "referral", "display", "organic"]
UTM_CAMPAIGNS = ["winter-sale", "black_friday_2026", "spring-launch", "q4-retention",
                 "brand-awareness", "webinar-nov", "cart-reminder"]
BROWSERS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.{b}.{p} Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{p} Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{p} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.{b}.{p} Safari/537.36 Edg/{v}.0.{b}.{p}",
    "okhttp/4.{p}.0", "python-requests/2.{p}.0", "curl/8.{p}.0", "Go-http-client/2.0",
    "AzureDevOps/1.0 (Build Agent {b})", "Azure-Logic-Apps/1.0 (workflow {b}; version 08585{b})",
    "kube-probe/1.{p}", "Microsoft.Azure.WebJobs/3.0.{b}", "Apache-HttpClient/5.{p} (Java/17.0.{p})",
]
PACKAGES_NPM = ["react", "react-dom", "lodash", "express", "axios", "typescript", "webpack", "jest",
                "@babel/core", "@types/node", "eslint", "next", "rxjs", "zod", "date-fns",
                "@azure/identity", "@azure/storage-blob", "uuid", "chalk", "semver"]
PACKAGES_PY = ["requests", "urllib3", "certifi", "idna", "charset-normalizer", "pydantic",
               "fastapi", "uvicorn", "sqlalchemy", "azure-identity", "azure-keyvault-secrets",
               "numpy", "pandas", "pyyaml", "cryptography", "cffi", "jinja2"]
PACKAGES_GO = ["github.com/spf13/cobra", "github.com/stretchr/testify", "go.uber.org/zap",
               "golang.org/x/sys", "golang.org/x/net", "google.golang.org/grpc",
               "github.com/Azure/azure-sdk-for-go/sdk/azidentity", "k8s.io/client-go",
               "github.com/prometheus/client_golang", "gopkg.in/yaml.v3"]
PACKAGES_NUGET = ["Newtonsoft.Json", "Serilog.AspNetCore", "Azure.Identity", "Azure.Security.KeyVault.Secrets",
                  "Microsoft.EntityFrameworkCore.SqlServer", "Polly", "Dapper", "AutoMapper",
                  "Microsoft.Extensions.Http", "xunit", "FluentAssertions", "Swashbuckle.AspNetCore"]
PACKAGES_MVN = ["org/springframework/spring-core", "com/fasterxml/jackson/core/jackson-databind",
                "org/apache/commons/commons-lang3", "io/micrometer/micrometer-core",
                "org/slf4j/slf4j-api", "com/azure/azure-identity", "org/postgresql/postgresql"]
SECRET_NAMES = ["db-password", "sql-admin-password", "storage-connection", "servicebus-conn",
                "smtp-password", "stripe-api-key", "graph-client-secret", "jwt-signing-key",
                "redis-password", "cosmos-primary-key", "webhook-secret", "sendgrid-api-key"]
SECRET_SETTING_NAMES = ["DbPassword", "SqlConnectionString", "StorageConnection", "ServiceBus__ConnectionString",
                        "Smtp__Password", "Stripe__ApiKey", "AzureAd__ClientSecret", "Redis__Password",
                        "Jwt__SigningKey", "SendGrid__ApiKey"]
TABLES = ["Orders", "Customers", "OrderLines", "Products", "Invoices", "Users", "AuditLog", "Shipments"]
JAVA_PKGS = ["com.contoso.orders", "com.contoso.billing", "com.fabrikam.catalog", "org.example.shipping"]
DOTNET_NS = ["Contoso.Orders.Api", "Contoso.Billing.Worker", "Fabrikam.Catalog.Service", "Northwind.Identity"]
EXCEPTIONS_JAVA = ["java.lang.NullPointerException", "java.lang.IllegalStateException: order {n} already shipped",
                   "java.net.SocketTimeoutException: Read timed out",
                   "org.springframework.dao.DataIntegrityViolationException: could not execute statement",
                   "java.util.concurrent.TimeoutException: Timeout waiting for task",
                   "com.azure.core.exception.ResourceNotFoundException: Status code 404, secret 'db-password' not found"]
EXCEPTIONS_DOTNET = ["System.InvalidOperationException: Sequence contains no elements",
                     "System.NullReferenceException: Object reference not set to an instance of an object.",
                     "Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'app_orders'.",
                     "System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).",
                     "Azure.RequestFailedException: The specified blob does not exist.",
                     "System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.",
                     "Microsoft.Identity.Client.MsalServiceException: AADSTS700016: Application with identifier '{g}' was not found in the directory."]
EXCEPTIONS_PY = ["KeyError: 'order_id'", "ValueError: invalid literal for int() with base 10: 'abc'",
                 "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.contoso.com', port=443): Max retries exceeded",
                 "sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint \"users_email_key\"",
                 "azure.core.exceptions.ResourceNotFoundError: (SecretNotFound) A secret with (name/id) smtp-password was not found in this key vault.",
                 "TimeoutError: [Errno 110] Connection timed out"]
GO_PANICS = ["runtime error: invalid memory address or nil pointer dereference",
             "runtime error: index out of range [5] with length 5",
             "assignment to entry in nil map", "send on closed channel"]

# base32 alphabet -> the 27 characters Kubernetes uses in generated names.
K8S_NAME_CHARS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "bcdfghjklmnpqrstvwxz2456789bcdfg")

# Key names that contain password/token/secret/key with values that are not
# secrets: policies, types, sizes, dates, names, placeholders and masks.
def _harmless_settings():
    return [
        ("password_policy", ["strict", "default", "legacy", "nist-800-63b"]),
        ("min_password_length", ["8", "12", "14", "16"]),
        ("password_expiry_days", ["0", "90", "180", "365"]),
        ("password_reset_enabled", ["true", "false"]),
        ("password_hash_algorithm", ["argon2id", "bcrypt", "pbkdf2-sha256", "scrypt"]),
        ("passwordComplexity", ["High", "Medium", "Low"]),
        ("token_type", ["Bearer", "bearer", "PoP", "mac"]),
        ("token_lifetime", ["3600", "3599", "86400", "900"]),
        ("token_endpoint_auth_method", ["client_secret_post", "private_key_jwt", "client_secret_basic", "none"]),
        ("token_cache", ["enabled", "disabled", "memory", "distributed"]),
        ("access_token_ttl", ["1h", "15m", "3600s"]),
        ("secret_rotation_days", ["30", "60", "90"]),
        ("secret_store", ["keyvault", "k8s", "vault", "file"]),
        ("secretName", SECRET_NAMES),
        ("secret_ref", SECRET_NAMES),
        ("client_secret_expiry", ["2027-01-31", "2027-06-30", "2026-12-31"]),
        ("api_key_header", ["X-Api-Key", "Ocp-Apim-Subscription-Key", "x-functions-key"]),
        ("api_key_location", ["header", "query"]),
        ("apiKeyName", ["orders-reader", "billing-writer", "catalog-readonly", "partner-feed"]),
        ("keyvault_name", ["kv-orders-prod", "kv-platform-weu", "kv-billing-dev"]),
        ("auth_mode", ["managed-identity", "workload-identity", "oidc"]),
        ("pwd", ["/home/runner/work/orders/orders", "/app", "/srv/releases/current", "/var/lib/jenkins/workspace/billing"]),
        ("password", ["********", "[REDACTED]", "<hidden>", "***", "(not logged)", "null", "REDACTED"]),
        ("token", ["[Filtered]", "<redacted>", "***", "null", "(none)"]),
        ("secret", ["[hidden]", "***", "null"]),
    ]

HARMLESS_SETTINGS = _harmless_settings()

# Placeholders people write where a secret would go: references, not values.
PLACEHOLDERS = [
    "${{DB_PASSWORD}}", "${{env:API_KEY}}", "{{{{ .Values.db.password }}}}", "$(cat /run/secrets/{name})",
    "@parameters('{setting}')", "[parameters('sqlAdminPassword')]", "%%{setting}%%", "<your-{name}-here>",
    "{{{{ secrets.DEPLOY_TOKEN }}}}", "@Microsoft.KeyVault(SecretUri=https://{vault}.vault.azure.net/secrets/{name}/)",
    "$({setting})", "#{{{setting}}}#", "<set-in-keyvault>", "secretref:{name}", "${{env:SECRET_{upper}}}",
]


class FastRandom(random.Random):
    """choice() and randint() from one random() call each: three times
    cheaper than the exact versions, which draw bits until a value fits.
    The bias (under 1e-15) does not matter for a log."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


class Noise:
    """One generator: a seeded random source and a clock that moves forward."""

    def __init__(self, seed):
        self.r = FastRandom(seed)
        self.t = float(START_EPOCH)
        self.lines = 0
        self._blob_pool = [self._make_gzip_blob() for _ in range(64)]
        self.kinds, self.weights = zip(*[
            (self.access_log, 14), (self.app_service_http, 6), (self.k8s_container, 9),
            (self.serilog_json, 9), (self.dotnet_ilogger, 7), (self.logic_apps_action, 5),
            (self.keyvault_reference, 1), (self.keyvault_audit, 1), (self.stack_trace, 3),
            (self.sql_statement, 6), (self.build_log, 8), (self.hash_line, 6),
            (self.base64_blob, 4), (self.settings_line, 5), (self.oauth_flow, 3),
            (self.syslog_line, 4), (self.http_client, 5), (self.metrics_line, 3),
            (self.k8s_event, 2), (self.connection_string, 2),
        ])
        cumulative, total = [], 0
        for w in self.weights:
            total += w
            cumulative.append(total)
        self.cum_weights = cumulative

    # ---- small values ----------------------------------------------------------
    def hexs(self, n):
        return "%0*x" % (n, self.r.getrandbits(4 * n))

    def guid(self):
        """A version-4 GUID, as .NET and most SDKs make them."""
        h = "%032x" % self.r.getrandbits(128)
        variant = "89ab"[int(h[16], 16) & 3]
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], variant, h[17:20], h[20:])

    def b64(self, nbytes, urlsafe=False):
        raw = self.r.randbytes(nbytes)
        return (base64.urlsafe_b64encode(raw) if urlsafe else base64.b64encode(raw)).decode()

    def ip(self):
        r = self.r
        kind = r.random()
        if kind < 0.45:
            return "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
        if kind < 0.55:
            return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(1, 254))
        if kind < 0.9:
            return "%d.%d.%d.%d" % (r.choice([20, 40, 52, 81, 94, 185, 198, 203]), r.randint(0, 255),
                                    r.randint(0, 255), r.randint(1, 254))
        return "2001:db8:%x:%x::%x" % (r.getrandbits(16), r.getrandbits(16), r.getrandbits(16))

    def user(self):
        return "%s.%s" % (self.r.choice(FIRST), self.r.choice(LAST))

    def email(self):
        return "%s@%s" % (self.user(), self.r.choice(DOMAINS))

    def words(self, n):
        return " ".join(self.r.choice(WORDS) for _ in range(n))

    def host(self):
        r = self.r
        return "%s.%s" % (r.choice(["api", "www", "shop", "portal", "orders", "cdn", "static", "auth"]),
                          r.choice(DOMAINS))

    def user_agent(self):
        r = self.r
        return r.choice(BROWSERS).format(v=r.randint(110, 131), b=r.randint(1000, 6999), p=r.randint(0, 200))

    def version(self):
        r = self.r
        return "%d.%d.%d" % (r.randint(0, 12), r.randint(0, 40), r.randint(0, 30))

    def pod(self, svc=None):
        svc = svc or self.r.choice(SERVICES)
        # replica-set hash (8 to 10 characters) and pod suffix, as Kubernetes names them
        return "%s-%s-%s" % (svc, self.k8s_suffix(self.r.randint(8, 10)), self.k8s_suffix(5))

    def k8s_suffix(self, n):
        """n characters of Kubernetes' generated-name alphabet (no vowels)."""
        return base64.b32encode(self.r.randbytes(5 * ((n + 7) // 8))).decode()[:n].translate(K8S_NAME_CHARS)

    def path(self):
        r = self.r
        res = r.choice(RESOURCES)
        kind = r.random()
        if kind < 0.4:
            return "/api/v%d/%s/%d" % (r.randint(1, 3), res, r.randint(1, 9999999))
        if kind < 0.6:
            return "/api/v%d/%s/%s" % (r.randint(1, 3), res, self.guid())
        if kind < 0.8:
            return "/%s/%s-%s" % (res, r.choice(WORDS), r.choice(WORDS))
        return "/api/v%d/%s" % (r.randint(1, 3), res)

    def query(self):
        r = self.r
        parts = []
        if r.random() < 0.5:
            parts.append("page=%d" % r.randint(1, 60))
            parts.append("pageSize=%d" % r.choice([10, 20, 25, 50, 100]))
        if r.random() < 0.35:
            parts.append("sort=%s" % r.choice(SORTS))
        if r.random() < 0.2:
            parts.append("q=%s" % "+".join(r.choice(WORDS) for _ in range(r.randint(1, 3))))
        if r.random() < 0.2:
            parts.append("utm_source=%s&utm_medium=%s&utm_campaign=%s" % (
                r.choice(UTM_SOURCES), r.choice(UTM_MEDIUMS), r.choice(UTM_CAMPAIGNS)))
            if r.random() < 0.3:
                parts.append("utm_content=%s&utm_term=%s" % (r.choice(WORDS), r.choice(WORDS)))
        if r.random() < 0.12:
            parts.append(r.choice(["correlationId", "correlation_id", "requestId", "x-request-id"])
                         + "=" + self.guid())
        if r.random() < 0.05:
            parts.append("gclid=%s" % self.b64(24, urlsafe=True).rstrip("="))
        if r.random() < 0.05:
            parts.append("fbclid=IwAR%s" % self.b64(30, urlsafe=True).rstrip("="))
        if r.random() < 0.08:
            parts.append("api-version=%s" % r.choice(["2016-06-01", "2022-09-01", "7.4", "2023-11-03", "1.0"]))
        if r.random() < 0.05:
            parts.append("$filter=status%%20eq%%20%%27%s%%27&$top=%d" % (r.choice(WORDS), r.randint(1, 500)))
        if r.random() < 0.04:
            parts.append("v=%s" % self.hexs(8))
        return ("?" + "&".join(parts)) if parts else ""

    def traceparent(self):
        return "00-%s-%s-0%d" % (self.hexs(32), self.hexs(16), self.r.randint(0, 1))

    # ---- time --------------------------------------------------------------------
    def tick(self):
        self.t += self.r.random() * 0.04  # 128 MiB span about a working day
        return self.t

    def iso(self, digits=3):
        t = self.tick()
        frac = ("%.7f" % (t % 1))[2:2 + digits]
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + "." + frac + "Z"

    def clf_time(self):
        return time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(self.tick()))

    def plain_time(self, sep=","):
        t = self.tick()
        return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t)) + sep + "%03d" % int((t % 1) * 1000)

    def level(self):
        return self.r.choice(["INFO"] * 12 + ["DEBUG"] * 4 + ["WARN"] * 2 + ["ERROR"])

    # ---- blobs ---------------------------------------------------------------------
    def _make_gzip_blob(self):
        doc = {"items": [{"sku": "SKU-%05d" % self.r.randint(0, 99999), "qty": self.r.randint(1, 9),
                          "note": self.words(4)} for _ in range(self.r.randint(3, 30))],
               "generatedAt": self.iso(), "region": self.r.choice(REGIONS)}
        return base64.b64encode(gzip.compress(json.dumps(doc).encode(), mtime=0)).decode()

    def image_b64(self):
        r = self.r
        kind = r.random()
        if kind < 0.5:  # PNG: signature and IHDR, then compressed-looking bytes
            head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + r.randint(16, 512).to_bytes(4, "big") \
                + r.randint(16, 512).to_bytes(4, "big") + b"\x08\x06\x00\x00\x00"
            return "image/png", base64.b64encode(head + r.randbytes(r.randint(60, 1400))).decode()
        if kind < 0.8:
            head = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            return "image/jpeg", base64.b64encode(head + r.randbytes(r.randint(200, 2400))).decode()
        head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        return "application/pdf", base64.b64encode(head + r.randbytes(r.randint(300, 3000))).decode()

    def protobuf_b64(self):
        r = self.r
        out = bytearray()
        for field in range(1, r.randint(3, 9)):
            kind = r.random()
            if kind < 0.4:
                text = (r.choice([self.guid(), self.words(2), "SKU-%05d" % r.randint(0, 99999), self.email()])).encode()
                out += bytes([(field << 3) | 2, len(text)]) + text
            elif kind < 0.8:
                out += bytes([(field << 3) | 0, r.randint(1, 127)])
            else:
                out += bytes([(field << 3) | 1]) + r.randbytes(8)
        return base64.b64encode(bytes(out)).decode()

    def json_body_b64(self):
        r = self.r
        body = '{"orderId":%d,"customer":"%s","status":"%s","lines":%d,"traceId":"%s"}' % (
            r.randint(1, 10**7), self.email(), r.choice(WORDS), r.randint(1, 30), self.hexs(32))
        return base64.b64encode(body.encode()).decode()

    # ---- line kinds ------------------------------------------------------------
    def access_log(self):
        r = self.r
        url = self.path() + self.query()
        referer = "-" if r.random() < 0.4 else "https://%s%s" % (self.host(), self.path() + self.query())
        line = '%s - %s [%s] "%s %s HTTP/%s" %d %d "%s" "%s"' % (
            self.ip(), "-" if r.random() < 0.9 else self.user(), self.clf_time(), r.choice(METHODS), url,
            r.choice(["1.1", "1.1", "2.0"]), r.choice(STATUSES), r.randint(0, 250000), referer, self.user_agent())
        if r.random() < 0.5:
            line += " rt=%.3f uct=%.3f upstream=%s:%d request_id=%s" % (
                r.random(), r.random() / 10, self.ip(), r.choice([80, 8080, 5000, 3000]), self.hexs(32))
        return line + "\n"

    def app_service_http(self):
        r = self.r
        site = "%s-%s" % (r.choice(SERVICES), r.choice(["prod", "stg", "weu", "eus"]))
        sub, rg = self.guid().upper(), "RG-%s-%s" % (r.choice(WORDS).upper(), r.choice(["PROD", "DEV"]))
        props = {
            "CsHost": "%s.azurewebsites.net" % site, "CIp": self.ip(), "SPort": "443",
            "CsUriStem": self.path(), "CsUriQuery": self.query().lstrip("?") or "X-ARR-LOG-ID=" + self.guid(),
            "CsMethod": r.choice(METHODS), "TimeTaken": r.randint(1, 4000), "ScStatus": str(r.choice(STATUSES)),
            "Result": "Success", "CsBytes": str(r.randint(200, 9000)), "ScBytes": str(r.randint(200, 90000)),
            "UserAgent": self.user_agent(), "Cookie": "-", "CsUsername": "-",
            "Referer": "https://%s/" % self.host(), "ComputerName": "RD%s" % self.hexs(12).upper(),
        }
        rec = {"time": self.iso(7), "resourceId": "/SUBSCRIPTIONS/%s/RESOURCEGROUPS/%s/PROVIDERS/MICROSOFT.WEB/SITES/%s"
               % (sub, rg, site.upper()), "category": "AppServiceHTTPLogs", "operationName": "Microsoft.Web/sites/log",
               "properties": props, "location": r.choice(REGIONS)}
        return json.dumps(rec, separators=(",", ":")) + "\n"

    def k8s_container(self):
        r = self.r
        svc = r.choice(SERVICES)
        # A tuple of lambdas, here and below: only the message chosen is built.
        msg = r.choice((
            lambda: "handled %s %s in %dms" % (r.choice(METHODS), self.path(), r.randint(1, 900)),
            lambda: "cache miss for key %s:%d" % (r.choice(RESOURCES), r.randint(1, 10**6)),
            lambda: "published %d events to topic %s (partition %d, offset %d)" % (
                r.randint(1, 50), r.choice(WORDS), r.randint(0, 11), r.randint(10**5, 10**9)),
            lambda: "connected to postgres host=%s port=5432 dbname=%s user=%s sslmode=require" % (
                "pg-%s.postgres.database.azure.com" % r.choice(WORDS), r.choice(WORDS), "app_" + r.choice(WORDS)),
            lambda: "loaded secret reference %s from volume /mnt/secrets-store (%d bytes)" % (
                r.choice(SECRET_NAMES), r.randint(16, 90)),
            lambda: "token refreshed for workload identity, expires_in=%d" % r.randint(3000, 86399),
            lambda: "readiness probe ok after %dms" % r.randint(1, 90),
        ))()
        rec = {"log": "%s %s %s\n" % (self.iso(), self.level(), msg), "stream": r.choice(["stdout", "stderr"]),
               "time": self.iso(9), "kubernetes": {
                   "pod_name": self.pod(svc), "namespace_name": r.choice(NAMESPACES),
                   "pod_id": self.guid(), "labels": {"app": svc, "pod-template-hash": self.hexs(10),
                                                     "version": "v" + self.version()},
                   "host": "aks-nodepool%d-%d-vmss%06X" % (r.randint(1, 3), r.randint(10**7, 10**8), r.getrandbits(20)),
                   "container_name": svc, "docker_id": self.hexs(64),
                   "container_hash": "contosoacr.azurecr.io/%s@sha256:%s" % (svc, self.hexs(64)),
                   "container_image": "contosoacr.azurecr.io/%s:%s" % (svc, self.version())}}
        return json.dumps(rec, separators=(",", ":")) + "\n"

    def serilog_json(self):
        r = self.r
        kind = r.random()
        rec = {"@t": self.iso(7), "@l": r.choice(["Information"] * 8 + ["Warning", "Debug", "Error"])}
        if kind < 0.3:
            rec.update({"@mt": "Order {OrderId} for {Customer} moved to {Status}", "OrderId": r.randint(1, 10**7),
                        "Customer": self.email(), "Status": r.choice(WORDS)})
        elif kind < 0.5:
            rec.update({"@mt": "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms",
                        "RequestMethod": r.choice(METHODS), "RequestPath": self.path(),
                        "StatusCode": r.choice(STATUSES), "Elapsed": round(r.random() * 900, 4)})
        elif kind < 0.6:
            rec.update({"@mt": "Acquired token for {Resource} from {TokenSource}", "Resource": r.choice(
                ["https://vault.azure.net", "https://graph.microsoft.com", "https://database.windows.net",
                 "https://storage.azure.com"]), "TokenSource": r.choice(["Cache", "IdentityProvider", "Broker"]),
                "ExpiresOn": self.iso(), "TokenType": "Bearer", "CorrelationId": self.guid()})
        elif kind < 0.7:
            rec.update({"@mt": "Password policy {PolicyName} applied to {UserId}", "PolicyName": r.choice(
                ["strict", "default", "contractors"]), "UserId": self.guid(), "PasswordLastSet": self.iso(),
                "PasswordNeverExpires": r.random() < 0.1, "MinPasswordLength": r.choice([12, 14, 16])})
        elif kind < 0.8:
            rec.update({"@mt": "Blob {BlobName} uploaded ({Length} bytes)", "BlobName": "exports/%s/%s.csv.gz" % (
                r.choice(WORDS), self.guid()), "Length": r.randint(100, 10**8), "ContentMD5": self.b64(16),
                "ETag": "\"0x8DC%s\"" % self.hexs(12).upper(), "VersionId": self.iso(7)})
        else:
            rec.update({"@mt": "Message {MessageId} processed from {Queue}", "MessageId": self.hexs(32),
                        "Queue": r.choice(WORDS) + "-queue", "DeliveryCount": r.randint(1, 5),
                        "SessionId": self.guid(), "SequenceNumber": r.randint(1, 10**12)})
        rec.update({"TraceId": self.hexs(32), "SpanId": self.hexs(16), "SourceContext": r.choice(DOTNET_NS) + "."
                    + r.choice(["OrderService", "Worker", "TokenProvider", "BlobExporter", "Startup"]),
                    "MachineName": "%s-%s" % (r.choice(SERVICES), self.hexs(5)), "EnvironmentName": "Production"})
        return json.dumps(rec, separators=(",", ":")) + "\n"

    def dotnet_ilogger(self):
        r = self.r
        ns = r.choice(DOTNET_NS)
        msg = r.choice((
            lambda: "info: Microsoft.AspNetCore.Hosting.Diagnostics[1]\n      Request starting HTTP/1.1 %s https://%s%s%s - - -"
            % (r.choice(METHODS), self.host(), self.path(), self.query()),
            lambda: "info: Microsoft.AspNetCore.Hosting.Diagnostics[2]\n      Request finished HTTP/1.1 GET https://%s%s - %d %d application/json;+charset=utf-8 %.4fms"
            % (self.host(), self.path(), r.choice(STATUSES), r.randint(10, 90000), r.random() * 900),
            lambda: "info: Microsoft.EntityFrameworkCore.Database.Command[20101]\n      Executed DbCommand (%dms) [Parameters=[@__id_0='%d', @__p_1='?' (Size = 4000)], CommandType='Text', CommandTimeout='30']\n      SELECT TOP(1) [u].[Id], [u].[Email], [u].[PasswordHash], [u].[SecurityStamp] FROM [Users] AS [u] WHERE [u].[Id] = @__id_0"
            % (r.randint(1, 300), r.randint(1, 10**6)),
            lambda: "warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]\n      No XML encryptor configured. Key {%s} may be persisted to storage in unencrypted form."
            % self.guid(),
            lambda: "info: Azure.Identity[1]\n      DefaultAzureCredential credential selected: ManagedIdentityCredential (client id %s)"
            % self.guid(),
            lambda: "info: %s.TokenProvider[0]\n      GetToken invoked. Scopes: [ https://vault.azure.net/.default ] ParentRequestId: %s"
            % (ns, self.guid()),
            lambda: "info: Azure.Core[1]\n      Request [%s] GET https://%s.vault.azure.net/secrets/%s/?api-version=7.4\n      Accept:application/json\n      x-ms-client-request-id:%s\n      x-ms-return-client-request-id:true\n      Authorization:REDACTED\n      User-Agent:azsdk-net-Security.KeyVault.Secrets/4.6.0 (.NET 8.0.%d; Ubuntu 22.04)\n      client assembly: Azure.Security.KeyVault.Secrets"
            % (self.guid(), r.choice(["kv-orders-prod", "kv-platform-weu", "kv-billing-dev"]), r.choice(SECRET_NAMES),
               self.guid(), r.randint(1, 11)),
            lambda: "info: Azure.Core[5]\n      Response [%s] 200 OK (%.1fs)\n      ETag:\"0x8DC%s\"\n      Content-MD5:%s\n      x-ms-request-id:%s\n      x-ms-version:2023-11-03"
            % (self.guid(), r.random() * 3, self.hexs(12).upper(), self.b64(16), self.guid()),
        ))()
        return msg + "\n"

    def logic_apps_action(self):
        r = self.r
        wf, run = self.hexs(32), "08584%015dCU%02d" % (r.getrandbits(48), r.randint(0, 99))
        secured = "Content not shown due to security configuration."
        kind = r.random()
        if kind < 0.35:
            action = {"name": "Get_secret", "type": "ApiConnection",
                      "inputs": {"host": {"connection": {"name": "@parameters('$connections')['keyvault']['connectionId']"}},
                                 "method": "get", "path": "/secrets/@{encodeURIComponent('%s')}/value" % r.choice(SECRET_NAMES)},
                      "outputs": secured, "runtimeConfiguration": {"secureData": {"properties": ["inputs", "outputs"]}}}
        elif kind < 0.6:
            action = {"name": "HTTP_%d" % r.randint(1, 9), "type": "Http",
                      "inputs": secured, "outputs": secured,
                      "runtimeConfiguration": {"secureData": {"properties": ["inputs", "outputs"]}}}
        elif kind < 0.8:
            action = {"name": "Parse_JSON", "type": "ParseJson", "inputs": {"content": "@body('HTTP')", "schema": {
                "type": "object", "properties": {"orderId": {"type": "integer"}, "token_type": {"type": "string"},
                                                 "expires_in": {"type": "integer"}}}},
                      "outputs": {"body": {"orderId": r.randint(1, 10**7), "token_type": "Bearer",
                                           "expires_in": r.choice([3599, 3600, 86399])}}}
        else:
            action = {"name": "Send_an_email_(V2)", "type": "ApiConnection",
                      "inputs": {"host": {"connection": {"name": "@parameters('$connections')['office365']['connectionId']"}},
                                 "method": "post", "body": {"To": self.email(), "Subject": "Order %d %s" % (
                                     r.randint(1, 10**7), r.choice(WORDS)), "Body": "<p>%s</p>" % self.words(8),
                                     "Importance": "Normal"}, "path": "/v2/Mail"},
                      "outputs": {"statusCode": 200, "headers": {"x-ms-request-id": self.guid(),
                                                                   "Date": time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(self.t))}}}
        rec = {"id": "/subscriptions/%s/resourceGroups/rg-%s/providers/Microsoft.Logic/workflows/%s/runs/%s/actions/%s"
               % (self.guid(), r.choice(WORDS), r.choice(WORDS) + "-flow", run, action["name"]),
               "name": action.pop("name"), "type": "Microsoft.Logic/workflows/runs/actions",
               "properties": dict(action, startTime=self.iso(7), endTime=self.iso(7), status="Succeeded", code="OK",
                                  correlation={"actionTrackingId": self.guid(), "clientTrackingId": run},
                                  trackedProperties={"workflowId": wf})}
        return json.dumps(rec, separators=(",", ":")) + "\n"

    def keyvault_reference(self):
        r = self.r
        vault = r.choice(["kv-orders-prod", "kv-platform-weu", "kv-billing-dev", "contoso-shared-kv"])
        name, setting = r.choice(SECRET_NAMES), r.choice(SECRET_SETTING_NAMES)
        kind = r.random()
        if kind < 0.4:
            ref = "@Microsoft.KeyVault(SecretUri=https://%s.vault.azure.net/secrets/%s/%s)" % (
                vault, name, "" if r.random() < 0.5 else self.hexs(32))
        elif kind < 0.7:
            ref = "@Microsoft.KeyVault(VaultName=%s;SecretName=%s%s)" % (
                vault, name, "" if r.random() < 0.6 else ";SecretVersion=" + self.hexs(32))
        else:
            ref = "@Microsoft.KeyVault(SecretUri=https://%s.vault.azure.net/secrets/%s)" % (vault, name)
        if r.random() < 0.5:
            return '{"name": "%s", "value": "%s", "slotSetting": %s}\n' % (setting, ref, r.choice(["false", "true"]))
        return "%s [%s] Key Vault reference for app setting '%s' resolved: status=%s, source=%s, identity=%s\n" % (
            self.plain_time("."), "INFO", setting, r.choice(["Resolved", "Resolved", "AccessToKeyVaultDenied"]),
            ref, r.choice(["SystemAssigned", "UserAssigned:" + self.guid()]))

    def keyvault_audit(self):
        r = self.r
        vault, name = r.choice(["kv-orders-prod", "kv-platform-weu", "kv-billing-dev"]), r.choice(SECRET_NAMES)
        op = r.choice(["SecretGet", "SecretGet", "SecretList", "SecretSet", "VaultGet", "KeySign"])
        rec = {"time": self.iso(7), "category": "AuditEvent", "operationName": op, "operationVersion": "7.4",
               "resultType": "Success", "resultSignature": "OK", "durationMs": str(r.randint(1, 90)),
               "callerIpAddress": self.ip(), "correlationId": self.guid(),
               "identity": {"claim": {"oid": self.guid(), "appid": self.guid(),
                                      "http://schemas.microsoft.com/identity/claims/tenantid": self.guid()}},
               "properties": {"id": "https://%s.vault.azure.net/secrets/%s/%s" % (vault, name, self.hexs(32)),
                              "clientInfo": "azsdk-net-Security.KeyVault.Secrets/4.6.0",
                              "requestUri": "https://%s.vault.azure.net/secrets/%s/?api-version=7.4" % (vault, name),
                              "httpStatusCode": 200, "isAccessPolicyMatch": True, "tlsVersion": "TLS1.2"},
               "resourceId": "/SUBSCRIPTIONS/%s/RESOURCEGROUPS/RG-SECURITY/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/%s"
               % (self.guid().upper(), vault.upper())}
        return json.dumps(rec, separators=(",", ":")) + "\n"

    def stack_trace(self):
        r = self.r
        kind = r.random()
        out = []
        if kind < 0.3:
            pkg = r.choice(JAVA_PKGS)
            out.append("%s ERROR [%s,%s,%s] %d --- [nio-8080-exec-%d] %s.web.ErrorHandler : Request failed"
                       % (self.plain_time("."), r.choice(SERVICES), self.hexs(32), self.hexs(16), r.randint(1, 9),
                          r.randint(1, 200), pkg))
            out.append(r.choice(EXCEPTIONS_JAVA).format(n=r.randint(1, 10**6)))
            for _ in range(r.randint(4, 14)):
                cls = r.choice(["OrderService", "PaymentClient", "Repository", "Controller", "TokenCache", "Mapper"])
                out.append("\tat %s.%s.%s(%s.java:%d)" % (pkg, cls, r.choice(
                    ["handle", "process", "lambda$submit$%d" % r.randint(0, 9), "findById", "apply"]), cls, r.randint(20, 900)))
            out.append("\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:%d)" % r.randint(800, 900))
            out.append("\t... %d common frames omitted" % r.randint(10, 90))
        elif kind < 0.6:
            ns = r.choice(DOTNET_NS)
            out.append("%s [ERR] Unhandled exception. TraceId: %s" % (self.iso(), self.hexs(32)))
            out.append(r.choice(EXCEPTIONS_DOTNET).format(g=self.guid()))
            for _ in range(r.randint(4, 12)):
                cls = r.choice(["OrderService", "TokenProvider", "SecretResolver", "BlobExporter", "Handler"])
                out.append("   at %s.%s.%sAsync(%s) in /src/%s/%s.cs:line %d" % (
                    ns, cls, r.choice(["Get", "Process", "Resolve", "Send", "Export"]),
                    r.choice(["String name, CancellationToken ct", "Int32 id", "OrderRequest request"]),
                    ns.replace(".", "/"), cls, r.randint(10, 600)))
            out.append("   at Microsoft.AspNetCore.Routing.EndpointMiddleware.<Invoke>g__AwaitRequestTask|6_0(Endpoint endpoint, Task requestTask, ILogger logger)")
            out.append("ClientConnectionId:%s" % self.guid())
        elif kind < 0.8:
            out.append("%s ERROR [%s] request failed" % (self.plain_time(), r.choice(SERVICES)))
            out.append("Traceback (most recent call last):")
            for _ in range(r.randint(3, 9)):
                mod = r.choice(["app/services/orders.py", "app/api/routes.py", "app/clients/secrets.py",
                                "/usr/local/lib/python3.11/site-packages/requests/adapters.py",
                                "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py"])
                out.append('  File "%s", line %d, in %s' % (mod, r.randint(10, 2000), r.choice(
                    ["get_order", "send", "_execute_context", "fetch_secret", "handle"])))
                out.append("    %s" % r.choice(["resp = self.session.get(url, timeout=10)",
                                                  "secret = client.get_secret(name)",
                                                  "return self._execute(stmt, params)",
                                                  "order = repo.get(order_id)",
                                                  "api_key = os.environ[\"ORDERS_API_KEY\"]",
                                                  "password = request.form.get(\"password\", \"\")",
                                                  "token = self._cache.get(cache_key)"]))
            out.append(r.choice(EXCEPTIONS_PY))
        else:
            out.append("panic: %s" % r.choice(GO_PANICS))
            out.append("")
            out.append("goroutine %d [running]:" % r.randint(1, 9000))
            for _ in range(r.randint(3, 8)):
                fn = r.choice(["main.(*Server).handleOrder", "github.com/contoso/orders/internal/store.(*DB).Get",
                               "net/http.HandlerFunc.ServeHTTP", "github.com/contoso/orders/internal/auth.(*TokenCache).Refresh"])
                out.append("%s(0xc%09x, 0x%x)" % (fn, r.getrandbits(36), r.randint(1, 4096)))
                out.append("\t/app/%s.go:%d +0x%x" % (r.choice(["main", "internal/store/db", "internal/auth/cache"]),
                                                     r.randint(10, 800), r.randint(16, 4096)))
            out.append("exit status 2")
        return "\n".join(out) + "\n"

    def sql_statement(self):
        r = self.r
        table = r.choice(TABLES)
        stmt = r.choice((
            lambda: "SELECT o.id, o.status, o.total FROM orders o WHERE o.customer_id = $1 AND o.created_at > $2 ORDER BY o.created_at DESC LIMIT %d" % r.choice([20, 50, 100]),
            lambda: "UPDATE users SET password_hash = $1, password_changed_at = now(), failed_logins = 0 WHERE id = $2",
            lambda: "INSERT INTO audit_log (id, actor, action, target, at) VALUES ('%s', '%s', '%s', '%s', '%s')" % (
                self.guid(), self.email(), r.choice(["login", "password_reset_requested", "token_revoked", "export"]),
                r.choice(RESOURCES), self.iso()),
            lambda: "SELECT COUNT(*) FROM [dbo].[%s] WITH (NOLOCK) WHERE [Status] = N'%s'" % (table, r.choice(WORDS)),
            lambda: "DELETE FROM sessions WHERE expires_at < now() - interval '%d days'" % r.randint(1, 30),
            lambda: "SELECT id, name, secret_name, rotated_at FROM app_secrets_metadata WHERE vault = '%s'" % r.choice(
                ["kv-orders-prod", "kv-platform-weu"]),
            lambda: "ALTER TABLE users ADD COLUMN password_reset_token_expires_at timestamptz NULL",
            lambda: "CREATE INDEX CONCURRENTLY ix_%s_%s ON %s (%s)" % (table.lower(), self.hexs(6), table.lower(), r.choice(
                ["customer_id", "created_at", "status, updated_at"])),
            lambda: "SELECT * FROM pg_stat_activity WHERE state = 'idle in transaction' AND query_start < now() - interval '5 minutes'",
        ))()
        if r.random() < 0.5:
            return "%s UTC [%d] %s@%s LOG:  duration: %.3f ms  statement: %s\n" % (
                self.plain_time("."), r.randint(100, 99999), "app_" + r.choice(WORDS), r.choice(WORDS),
                r.random() * 300, stmt)
        return "%s %s [%s] sql=\"%s\" rows=%d elapsed_ms=%d\n" % (
            self.iso(), self.level(), r.choice(SERVICES), stmt.replace('"', '\\"'), r.randint(0, 5000), r.randint(0, 900))

    def build_log(self):
        r = self.r
        ts = self.iso(7)
        kind = r.randint(0, 15)
        if kind == 0:
            pkg = r.choice(PACKAGES_NPM)
            return '%s       "node_modules/%s": {\n%s         "version": "%s",\n%s         "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz",\n%s         "integrity": "sha512-%s",\n' % (
                ts, pkg, ts, self.version(), ts, pkg, pkg.split("/")[-1], self.version(), ts, self.b64(64))
        if kind == 1:
            return "%s npm WARN deprecated %s@%s: This version is no longer supported. Please upgrade.\n%s added %d packages, and audited %d packages in %ds\n" % (
                ts, r.choice(PACKAGES_NPM), self.version(), ts, r.randint(100, 2000), r.randint(100, 2000), r.randint(2, 90))
        if kind == 2:
            pkg = r.choice(PACKAGES_PY)
            v = self.version()
            return "%s Collecting %s==%s\n%s   Downloading %s-%s-py3-none-any.whl (%d kB)\n%s Successfully installed %s-%s\n%s %s==%s --hash=sha256:%s\n" % (
                ts, pkg, v, ts, pkg.replace("-", "_"), v, r.randint(10, 900), ts, pkg, v, ts, pkg, v, self.hexs(64))
        if kind == 3:
            pkg, v = r.choice(PACKAGES_GO), "v" + self.version()
            return "%s go: downloading %s %s\n%s %s %s h1:%s\n%s %s %s/go.mod h1:%s\n" % (
                ts, pkg, v, ts, pkg, v, self.b64(32), ts, pkg, v, self.b64(32))
        if kind == 4:
            return "%s   Restored /src/%s/%s.csproj (in %d ms).\n%s   %s -> /src/bin/Release/net8.0/%s.dll\n%s info : Package '%s' %s is already installed. Content hash: %s\n" % (
                ts, r.choice(DOTNET_NS), r.choice(DOTNET_NS), r.randint(50, 9000), ts, r.choice(DOTNET_NS),
                r.choice(DOTNET_NS), ts, r.choice(PACKAGES_NUGET), self.version(), self.b64(64))
        if kind == 5:
            art = r.choice(PACKAGES_MVN)
            name, v = art.split("/")[-1], self.version()
            return "%s [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/%s/%s/%s-%s.jar (%d kB at %.1f MB/s)\n%s [INFO] %s-%s.jar.sha1: %s\n" % (
                ts, art, v, name, v, r.randint(10, 4000), r.random() * 20, ts, name, v, self.hexs(40))
        if kind == 6:
            return "%s #%d [build %d/%d] RUN dotnet publish -c Release -o /app\n%s #%d DONE %.1fs\n%s #%d writing image sha256:%s done\n%s #%d naming to contosoacr.azurecr.io/%s:%s done\n" % (
                ts, r.randint(1, 30), r.randint(1, 9), 9, ts, r.randint(1, 30), r.random() * 60, ts, r.randint(1, 30),
                self.hexs(64), ts, r.randint(1, 30), r.choice(SERVICES), self.version())
        if kind == 7:
            return "%s %s: digest: sha256:%s size: %d\n%s %s: Pushed\n%s %s: Layer already exists\n" % (
                ts, self.version(), self.hexs(64), r.randint(500, 9000), ts, self.hexs(12), ts, self.hexs(12))
        if kind == 8:
            return "%s commit %s\n%s Author: %s <%s>\n%s Date:   %s\n%s \n%s     %s (#%d)\n" % (
                ts, self.hexs(40), ts, self.user().replace(".", " ").title(), self.email(), ts,
                time.strftime("%a %b %d %H:%M:%S %Y +0000", time.gmtime(self.t - r.randint(0, 10**7))), ts, ts,
                r.choice(["Fix", "Add", "Bump", "Refactor", "Remove"]) + " " + self.words(3), r.randint(100, 9999))
        if kind == 9:
            return "%s HEAD is now at %s Merge pull request #%d from contoso/feature/%s\n%s From https://github.com/contoso/%s\n%s  * branch            %s -> FETCH_HEAD\n%s    %s..%s  main       -> origin/main\n" % (
                ts, self.hexs(7), r.randint(100, 9999), r.choice(WORDS), ts, r.choice(SERVICES), ts, self.hexs(40),
                ts, self.hexs(7), self.hexs(7))
        if kind == 10:
            return "%s ##[section]Starting: %s\n%s Task         : %s\n%s Version      : %s\n%s Author       : Microsoft Corporation\n%s ##[command]git checkout --progress --force refs/remotes/origin/%s\n" % (
                ts, r.choice(["Build", "Test", "Publish artifact", "Deploy to App Service"]), ts,
                r.choice(["Azure CLI", "Docker", ".NET Core", "Azure Key Vault"]), ts, self.version(), ts, ts, self.hexs(40))
        if kind == 11:
            return "%s ##[group]Run azure/login@v2\n%s with:\n%s   client-id: %s\n%s   tenant-id: %s\n%s   subscription-id: %s\n%s   enable-AzPSSession: false\n%s ##[endgroup]\n" % (
                ts, ts, ts, self.guid(), ts, self.guid(), ts, self.guid(), ts, ts)
        if kind == 12:
            return "%s Downloading secrets from Key Vault %s: %s\n%s ##[warning]Secret values are masked in the log (***).\n%s env: DB_PASSWORD=***\n" % (
                ts, r.choice(["kv-orders-prod", "kv-platform-weu"]), ",".join(r.sample(SECRET_NAMES, 3)), ts, ts)
        if kind == 13:
            return "%s   - Installing %s (%s): Downloading (%d%%)\n%s Lock file hash: %s\n" % (
                ts, r.choice(["symfony/console", "guzzlehttp/guzzle", "monolog/monolog"]), self.version(),
                r.randint(0, 100), ts, self.hexs(32))
        if kind == 14:
            return "%s cache hit for key: %s-node-modules-%s\n%s Cache restored from key: Linux-pip-%s\n" % (
                ts, r.choice(["Linux", "Windows"]), self.hexs(64), ts, self.hexs(64))
        return "%s   %s@%s:\n%s     resolution: {integrity: sha512-%s}\n%s     engines: {node: '>=%d'}\n" % (
            ts, r.choice(PACKAGES_NPM), self.version(), ts, self.b64(64), ts, r.choice([14, 16, 18, 20]))

    def hash_line(self):
        r = self.r
        kind = r.randint(0, 9)
        ts = self.iso()
        if kind == 0:
            return "%s INFO  upload complete file=%s.zip size=%d sha256=%s md5=%s\n" % (
                ts, r.choice(WORDS), r.randint(10**3, 10**9), self.hexs(64), self.hexs(32))
        if kind == 1:
            return '%s DEBUG blob response: ETag: "0x8DC%s", Last-Modified: %s, x-ms-content-crc64: %s, Content-MD5: %s\n' % (
                ts, self.hexs(12).upper(), time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(self.t)),
                self.b64(8), self.b64(16))
        if kind == 2:
            return '%s DEBUG s3 PutObject bucket=%s key=%s/%s ETag="%s" VersionId=%s\n' % (
                ts, r.choice(WORDS) + "-exports", r.choice(WORDS), self.guid(), self.hexs(32), self.b64(24, urlsafe=True).rstrip("="))
        if kind == 3:
            return "%s INFO  deployed commit=%s branch=main build=%d image=contosoacr.azurecr.io/%s@sha256:%s\n" % (
                ts, self.hexs(40), r.randint(1000, 99999), r.choice(SERVICES), self.hexs(64))
        if kind == 4:
            return "%s INFO  verified artifact sha1=%s sha512=%s\n" % (ts, self.hexs(40), self.hexs(128))
        if kind == 5:
            return '%s INFO  HTTP/1.1 200 OK etag: W/"%x-%s" cache-control: public, max-age=%d digest: SHA-256=%s\n' % (
                ts, r.randint(100, 99999), self.b64(20).rstrip("="), r.choice([60, 300, 3600, 86400]), self.b64(32))
        if kind == 6:
            return "%s INFO  Accepted publickey for deploy from %s port %d ssh2: ED25519 SHA256:%s\n" % (
                ts, self.ip(), r.randint(1024, 65535), self.b64(32).rstrip("="))
        if kind == 7:
            return '%s INFO  subresource <script src="https://cdn.%s/lib/%s.min.js" integrity="sha384-%s" crossorigin="anonymous">\n' % (
                ts, r.choice(DOMAINS), r.choice(WORDS), self.b64(48))
        if kind == 8:
            return "%s INFO  dedupe cache key=%s fingerprint=%s checksum=%08x\n" % (
                ts, self.hexs(40), self.hexs(16), r.getrandbits(32))
        return "%s INFO  tls handshake ok peer=%s cipher=TLS_AES_256_GCM_SHA384 cert_thumbprint=%s serial=%s\n" % (
            ts, self.host(), self.hexs(40).upper(), self.hexs(32).upper())

    def base64_blob(self):
        r = self.r
        kind = r.randint(0, 5)
        ts = self.iso()
        if kind == 0:
            mime, data = self.image_b64()
            return '{"timestamp":"%s","type":"attachment","name":"%s.%s","contentType":"%s","contentBytes":"%s"}\n' % (
                ts, r.choice(WORDS), mime.split("/")[1], mime, data)
        if kind == 1:
            mime, data = self.image_b64()
            return '%s DEBUG rendered avatar for %s: <img src="data:%s;base64,%s" alt="%s">\n' % (
                ts, self.email(), mime, data, self.user())
        if kind == 2:
            return "%s DEBUG grpc %s/%s request payload=%s (%s)\n" % (
                ts, r.choice(["orders.v1.OrderService", "catalog.v2.Catalog", "billing.v1.Ledger"]),
                r.choice(["GetOrder", "ListItems", "Post"]), self.protobuf_b64(), r.choice(["proto", "application/grpc"]))
        if kind == 3:
            return '%s INFO  export chunk=%d encoding=gzip+base64 data="%s"\n' % (
                ts, r.randint(0, 999), r.choice(self._blob_pool))
        if kind == 4:
            return '{"time":"%s","messageId":"%s","enqueuedTime":"%s","contentType":"application/json","body":"%s","properties":{"Diagnostic-Id":"%s"}}\n' % (
                ts, self.hexs(32), self.iso(), self.json_body_b64(), self.traceparent())
        return '%s DEBUG viewstate __VIEWSTATE=%s __EVENTVALIDATION=%s\n' % (
            ts, self.b64(r.randint(40, 600)), self.b64(r.randint(20, 120)))

    def settings_line(self):
        r = self.r
        kind = r.random()
        if kind < 0.5:
            picked = r.sample(HARMLESS_SETTINGS, r.randint(2, 5))
            pairs = ["%s=%s" % (k, r.choice(vals)) for k, vals in picked]
            return "%s INFO  [%s] config loaded: %s\n" % (self.plain_time(), r.choice(SERVICES), " ".join(pairs))
        if kind < 0.8:
            picked = r.sample(HARMLESS_SETTINGS, r.randint(2, 5))
            doc = {k: r.choice(vals) for k, vals in picked}
            return "%s DEBUG settings %s\n" % (self.iso(), json.dumps(doc))
        name = r.choice(SECRET_NAMES)
        setting = r.choice(SECRET_SETTING_NAMES)
        placeholder = r.choice(PLACEHOLDERS).format(
            name=name, setting=setting, vault=r.choice(["kv-orders-prod", "kv-billing-dev"]), upper=name.upper().replace("-", "_"))
        key = r.choice(["password", "DB_PASSWORD", "client_secret", "apiKey", "token", "SMTP_PASSWORD",
                        "connectionString", "secret", "API_TOKEN"])
        style = r.random()
        if style < 0.4:
            return "%s: %s\n" % (key, placeholder)
        if style < 0.7:
            return '"%s": "%s",\n' % (key, placeholder.replace('"', '\\"'))
        return "%s=%s\n" % (key, placeholder)

    def oauth_flow(self):
        r = self.r
        tenant, client = self.guid(), self.guid()
        kind = r.random()
        if kind < 0.35:
            return "%s INFO  redirecting to https://login.microsoftonline.com/%s/oauth2/v2.0/authorize?client_id=%s&response_type=code&redirect_uri=https%%3A%%2F%%2F%s%%2Fsignin-oidc&response_mode=form_post&scope=openid%%20profile%%20offline_access&state=%s&nonce=%s&code_challenge=%s&code_challenge_method=S256&x-client-SKU=ID_NET8_0&x-client-ver=7.%d.0.0\n" % (
                self.iso(), tenant, client, self.host(), self.b64(24, urlsafe=True).rstrip("="),
                self.hexs(32), self.b64(32, urlsafe=True).rstrip("="), r.randint(0, 6))
        if kind < 0.6:
            return '%s DEBUG token response: {"token_type":"Bearer","scope":"%s","expires_in":%d,"ext_expires_in":%d,"access_token":"[redacted, %d chars]"}\n' % (
                self.iso(), r.choice(["https://graph.microsoft.com/.default", "api://%s/.default" % client, "User.Read Mail.Send"]),
                r.choice([3599, 3600, 4799]), r.choice([3599, 3600]), r.randint(1200, 2600))
        if kind < 0.8:
            return "%s [MSAL:%04d] INFO %s [%s] Acquired token from %s, Scopes: https://%s/.default, TokenType: Bearer, ExpiresOn: %s, ClientId: %s, Authority: https://login.microsoftonline.com/%s/\n" % (
                self.iso(), r.randint(1, 9999), self.iso(), self.guid(), r.choice(["cache", "identity provider"]),
                r.choice(["vault.azure.net", "management.azure.com", "database.windows.net"]), self.iso(), client, tenant)
        return "%s INFO  openid configuration fetched issuer=https://login.microsoftonline.com/%s/v2.0 token_endpoint=https://login.microsoftonline.com/%s/oauth2/v2.0/token jwks_uri=https://login.microsoftonline.com/%s/discovery/v2.0/keys kid=%s\n" % (
            self.iso(), tenant, tenant, tenant, self.b64(20, urlsafe=True).rstrip("="))

    def syslog_line(self):
        r = self.r
        t = time.gmtime(self.tick())
        stamp = time.strftime("%b %e %H:%M:%S", t)
        host = "%s-%02d" % (r.choice(["web", "db", "bastion", "worker"]), r.randint(1, 40))
        kind = r.random()
        if kind < 0.3:
            msg = "sshd[%d]: Failed password for invalid user %s from %s port %d ssh2" % (
                r.randint(1000, 99999), r.choice(["admin", "oracle", "test", "ubuntu", "git"]), self.ip(), r.randint(1024, 65535))
        elif kind < 0.5:
            msg = "sshd[%d]: Accepted publickey for %s from %s port %d ssh2: RSA SHA256:%s" % (
                r.randint(1000, 99999), r.choice(["deploy", "azureuser", "ops"]), self.ip(), r.randint(1024, 65535),
                self.b64(32).rstrip("="))
        elif kind < 0.7:
            msg = "sudo: %s : TTY=pts/%d ; PWD=/home/%s ; USER=root ; COMMAND=/usr/bin/systemctl restart %s" % (
                r.choice(FIRST), r.randint(0, 9), r.choice(FIRST), r.choice(SERVICES))
        elif kind < 0.85:
            msg = "CRON[%d]: (root) CMD (/usr/local/bin/rotate-logs --keep %d)" % (r.randint(1000, 99999), r.randint(3, 30))
        else:
            msg = "kernel: [%d.%06d] IPv4: martian source %s from %s, on dev eth0" % (
                r.randint(1000, 999999), r.randint(0, 999999), self.ip(), self.ip())
        return "%s %s %s\n" % (stamp, host, msg)

    def http_client(self):
        r = self.r
        ts = self.iso()
        kind = r.random()
        if kind < 0.4:
            return "%s INFO  outbound %s https://%s%s%s -> %d in %dms traceparent=%s x-ms-client-request-id=%s\n" % (
                ts, r.choice(METHODS), self.host(), self.path(), self.query(), r.choice(STATUSES), r.randint(1, 3000),
                self.traceparent(), self.guid())
        if kind < 0.7:
            return ('%s DEBUG request headers: {"Accept":"application/json","Content-Type":"application/json",'
                    '"Authorization":"[REDACTED]","traceparent":"%s","x-correlation-id":"%s","User-Agent":"%s"}\n') % (
                ts, self.traceparent(), self.guid(), self.user_agent())
        if kind < 0.85:
            return "%s DEBUG response headers: Date=%s; Server=Kestrel; Request-Context=appId=cid-v1:%s; x-ms-request-id=%s; Set-Cookie=ARRAffinity=<redacted>; path=/; HttpOnly\n" % (
                ts, time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(self.t)), self.guid(), self.guid())
        return "%s INFO  Authorization header present (scheme=Bearer, length=%d) for %s %s\n" % (
            ts, r.randint(800, 2600), r.choice(METHODS), self.path())

    def metrics_line(self):
        r = self.r
        svc = r.choice(SERVICES)
        return ('http_requests_total{service="%s",method="%s",code="%d",pod="%s"} %d %d\n'
                'http_request_duration_seconds_bucket{service="%s",le="%s"} %d\n'
                'process_resident_memory_bytes{service="%s"} %d\n') % (
            svc, r.choice(METHODS), r.choice(STATUSES), self.pod(svc), r.randint(1, 10**7), int(self.tick() * 1000),
            svc, r.choice(["0.005", "0.01", "0.05", "0.1", "0.5", "1", "+Inf"]), r.randint(1, 10**6),
            svc, r.randint(10**7, 10**9))

    def k8s_event(self):
        r = self.r
        svc = r.choice(SERVICES)
        pod = self.pod(svc)
        msg = r.choice((
            lambda: 'MountVolume.SetUp succeeded for volume "kube-api-access-%s"' % self.k8s_suffix(5),
            lambda: 'MountVolume.SetUp succeeded for volume "default-token-%s"' % self.k8s_suffix(5),
            lambda: 'MountVolume.SetUp succeeded for volume "secrets-store-inline" (secretProviderClass "%s-kv")' % svc,
            lambda: 'Successfully pulled image "contosoacr.azurecr.io/%s:%s" in %.3fs' % (svc, self.version(), r.random() * 20),
            lambda: 'Container image "contosoacr.azurecr.io/%s@sha256:%s" already present on machine' % (svc, self.hexs(64)),
            lambda: 'secret "%s-credentials" not found; env var DB_PASSWORD references secretKeyRef name=%s-credentials key=password' % (svc, svc),
            lambda: "Readiness probe failed: HTTP probe failed with statuscode: %d" % r.choice([500, 503]),
            lambda: "Scaled up replica set %s-%s to %d" % (svc, self.hexs(10), r.randint(1, 12)),
        ))()
        return "%s  %s  %s  pod/%s  %s\n" % (
            self.iso(), r.choice(["Normal", "Normal", "Warning"]), r.choice(["Pulled", "SuccessfulMountVolume", "Scheduled", "Unhealthy", "Failed"]),
            pod, msg)

    def connection_string(self):
        """Connection strings that carry no key: managed identity, Entra ID
        authentication, the storage emulator, and masked ones."""
        r = self.r
        db, server = r.choice(WORDS), "sql-%s-%s" % (r.choice(WORDS), r.choice(["prod", "dev", "weu"]))
        conn = r.choice((
            lambda: "Server=tcp:%s.database.windows.net,1433;Initial Catalog=%s;Encrypt=True;TrustServerCertificate=False;"
            "Connection Timeout=30;Authentication=Active Directory Managed Identity;User Id=%s" % (server, db, self.guid()),
            lambda: "Server=tcp:%s.database.windows.net,1433;Database=%s;Authentication=Active Directory Default;" % (server, db),
            lambda: "Data Source=%s.database.windows.net;Initial Catalog=%s;Integrated Security=False;Password=******;"
            "MultipleActiveResultSets=True" % (server, db),
            lambda: "Endpoint=sb://%s-bus.servicebus.windows.net/;Authentication=Managed Identity" % r.choice(WORDS),
            lambda: "UseDevelopmentStorage=true",
            lambda: "AccountEndpoint=https://%s-cosmos.documents.azure.com:443/;Database=%s" % (r.choice(WORDS), db),
            lambda: "Host=pg-%s.postgres.database.azure.com;Database=%s;Username=%s;Ssl Mode=Require;"
            "Password=(from managed identity token)" % (r.choice(WORDS), db, "mi-" + r.choice(SERVICES)),
            lambda: "redis-%s.redis.cache.windows.net:6380,ssl=True,abortConnect=False" % r.choice(WORDS),
        ))()
        if r.random() < 0.5:
            return "%s INFO  [%s] using connection '%s': %s\n" % (self.plain_time(), r.choice(SERVICES),
                                                                r.choice(["Default", "Orders", "Bus", "Cache"]), conn)
        return '{"name": "ConnectionStrings__%s", "value": "%s", "slotSetting": false}\n' % (
            r.choice(["Default", "Orders", "Bus", "Cache"]), conn)

    # ---- driver ----------------------------------------------------------------------
    def next_line(self):
        kind = self.r.choices(self.kinds, cum_weights=self.cum_weights)[0]
        self.lines += 1
        return kind()


def banner(gen):
    """The first line: plain text, as a collector writes when it opens a log,
    so hush sees a plain log (its views start only when line 1 is JSON)."""
    return "%s INFO  log opened: collector=fluent-bit/3.0.%d host=aks-nodepool1-%d-vmss%06X stream=%s\n" % (
        gen.iso(), gen.r.randint(0, 9), gen.r.randint(10**7, 10**8), gen.r.getrandbits(20), gen.hexs(8))


def write_noise(out, limit, seed):
    gen = Noise(seed)
    written, chunk, chunk_bytes = 0, [], 0
    text = banner(gen).encode()
    while True:
        if written + chunk_bytes + len(text) > limit:
            break  # whole lines only: the file ends a little under the limit
        chunk.append(text)
        chunk_bytes += len(text)
        if chunk_bytes >= CHUNK_BYTES:
            out.write(b"".join(chunk))
            written += chunk_bytes
            chunk, chunk_bytes = [], 0
        text = gen.next_line().encode()
    out.write(b"".join(chunk))
    return written + chunk_bytes


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mib", type=float, help="size limit in MiB")
    parser.add_argument("path", help="output file, or - for stdout")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv[1:])
    limit = int(args.mib * 1024 * 1024)
    if args.path == "-":
        write_noise(sys.stdout.buffer, limit, args.seed)
    else:
        with open(args.path, "wb") as out:
            write_noise(out, limit, args.seed)


if __name__ == "__main__":
    main(sys.argv)
