/*
 * gen_log — writes a realistic application log that contains NO secrets, for
 * measuring how fast hush and ripgrep get through ordinary traffic.
 *
 *   gen_log BYTES [SEED] > app.log
 *
 * The output is deterministic for a given BYTES and SEED.  Line shapes mimic
 * App Service / ASP.NET style logs: request lines with URLs and harmless query
 * strings, GUIDs, trace ids, sha256 hashes, JSON fragments, stack traces, IPs,
 * user agents and base64 payloads of plain text.  Nothing here may look like a
 * credential: no key=/sig=/code= parameters, no eyJ prefixes, no "password".
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_DEFAULT_SEED 0x6875736862656e63ull /* "hushbenc" */
#define GEN_BUFFER_SIZE (1u << 20)
#define GEN_LINE_MAX 4096u
#define GEN_BASE64_MAX_INPUT 600u

typedef struct gen {
    uint64_t state;
    char *buf;
    size_t used;
    uint64_t written;
    uint64_t limit;
    uint64_t millis; /* log clock, advances a few ms per line */
} gen_t;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const levels[] = {"INFO", "INFO", "INFO", "INFO", "DEBUG", "DEBUG", "WARN",
                                     "ERROR"};
static const char *const components[] = {
    "Microsoft.AspNetCore.Hosting.Diagnostics", "Contoso.Orders.Api.OrdersController",
    "Contoso.Orders.Worker.QueueProcessor", "Contoso.Billing.InvoiceService",
    "Microsoft.EntityFrameworkCore.Database.Command", "Contoso.Catalog.SearchService",
    "System.Net.Http.HttpClient.catalog.LogicalHandler", "Contoso.Shipping.RateCalculator",
    "Microsoft.Azure.WebJobs.Host.Executors.FunctionExecutor", "Contoso.Notifications.Mailer"};
static const char *const methods[] = {"GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"};
static const char *const resources[] = {"orders", "customers", "products", "invoices",
                                        "shipments", "carts", "reviews", "warehouses"};
static const char *const params[] = {"page", "pageSize", "sort", "include", "filter", "lang",
                                     "currency", "region", "view", "expand", "fields", "since"};
static const char *const values[] = {"asc", "desc", "items", "en-US", "de-DE", "EUR", "USD",
                                     "westeurope", "summary", "details", "name,price", "true",
                                     "false", "2024-05-01", "lines", "status%20eq%20open"};
static const char *const agents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "okhttp/4.12.0", "python-requests/2.31.0", "AzureLogicApps/1.0 (workflow run)",
    "Contoso.Mobile/3.8.2 (iPhone; iOS 17.4.1; Scale/3.00)", "curl/8.5.0",
    "Microsoft.Azure.WebJobs/3.0.39"};
static const char *const events[] = {"order.created", "order.paid", "order.shipped",
                                     "invoice.issued", "cart.abandoned", "customer.updated",
                                     "stock.reserved", "refund.requested"};
static const char *const frames[] = {
    "Contoso.Orders.Api.OrdersController.GetAsync(Guid id, CancellationToken ct) in "
    "/src/Orders.Api/Controllers/OrdersController.cs:line",
    "Contoso.Orders.Domain.OrderService.PlaceAsync(PlaceOrder command) in "
    "/src/Orders.Domain/OrderService.cs:line",
    "Microsoft.EntityFrameworkCore.Storage.RelationalCommand.ExecuteReaderAsync("
    "RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)",
    "Contoso.Billing.InvoiceService.RenderAsync(Invoice invoice) in "
    "/src/Billing/InvoiceService.cs:line",
    "System.Net.Http.HttpConnection.SendAsyncCore(HttpRequestMessage request, Boolean async)",
    "Contoso.Shipping.RateCalculator.Quote(Parcel parcel, Address destination) in "
    "/src/Shipping/RateCalculator.cs:line"};
static const char *const exceptions[] = {
    "System.TimeoutException: The operation has timed out after 00:00:30",
    "System.InvalidOperationException: Sequence contains no matching element",
    "Microsoft.Data.SqlClient.SqlException (0x80131904): Transaction (Process ID 71) was "
    "deadlocked on lock resources with another process",
    "System.Net.Http.HttpRequestException: Response status code does not indicate success: "
    "503 (Service Unavailable)",
    "System.ArgumentNullException: Value cannot be null. (Parameter 'shippingAddress')"};
static const char *const words[] = {"order",    "line",   "blue",  "widget", "large",
                                    "express",  "parcel", "north", "green",  "priority",
                                    "standard", "gift",   "spare", "box",    "return"};

static uint64_t gen_next(gen_t *g) {
    /* xorshift64*: fast, deterministic, good enough for text shapes */
    g->state ^= g->state >> 12;
    g->state ^= g->state << 25;
    g->state ^= g->state >> 27;
    return g->state * 0x2545F4914F6CDD1Dull;
}

static unsigned gen_below(gen_t *g, unsigned n) {
    return (unsigned)((gen_next(g) >> 32) % n);
}

static const char *gen_pick(gen_t *g, const char *const *list, size_t n) {
    return list[gen_below(g, (unsigned)n)];
}

#define PICK(g, list) gen_pick((g), (list), COUNT(list))

static void gen_flush(gen_t *g) {
    if (g->used > 0 && fwrite(g->buf, 1, g->used, stdout) != g->used) {
        perror("gen_log: write");
        exit(1);
    }
    g->used = 0;
}

/* Appends one finished line, cut short at the byte limit. */
static void gen_emit(gen_t *g, const char *line, size_t len) {
    if (g->written + len > g->limit)
        len = (size_t)(g->limit - g->written);
    if (g->used + len > GEN_BUFFER_SIZE)
        gen_flush(g);
    memcpy(g->buf + g->used, line, len);
    g->used += len;
    g->written += len;
}

static size_t put_hex(gen_t *g, char *out, size_t n) {
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++)
        out[i] = hex[gen_below(g, 16)];
    return n;
}

static size_t put_guid(gen_t *g, char *out) {
    size_t n = 0;
    static const size_t groups[] = {8, 4, 4, 4, 12};
    for (size_t i = 0; i < COUNT(groups); i++) {
        if (i > 0)
            out[n++] = '-';
        n += put_hex(g, out + n, groups[i]);
    }
    return n;
}

static size_t put_timestamp(gen_t *g, char *out) {
    /* 2024-05-14 plus the log clock; a day of logs wraps, which is fine */
    g->millis += 1 + gen_below(g, 9);
    uint64_t ms = g->millis % 86400000ull;
    return (size_t)sprintf(out, "2024-05-14T%02u:%02u:%02u.%03uZ", (unsigned)(ms / 3600000),
                           (unsigned)(ms / 60000 % 60), (unsigned)(ms / 1000 % 60),
                           (unsigned)(ms % 1000));
}

static size_t put_base64(const unsigned char *in, size_t len, char *out) {
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = 0;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < len)
            v |= in[i + 2];
        out[n++] = tab[(v >> 18) & 63];
        out[n++] = tab[(v >> 12) & 63];
        out[n++] = i + 1 < len ? tab[(v >> 6) & 63] : '=';
        out[n++] = i + 2 < len ? tab[v & 63] : '=';
    }
    return n;
}

static size_t line_request(gen_t *g, char *p) {
    char *s = p;
    p += sprintf(p, " %-5s [%s] %s /api/v2/%s/%u", PICK(g, levels),
                 "Microsoft.AspNetCore.Hosting.Diagnostics", PICK(g, methods), PICK(g, resources),
                 100000 + gen_below(g, 900000));
    unsigned nparams = gen_below(g, 4);
    for (unsigned i = 0; i < nparams; i++)
        p += sprintf(p, "%c%s=%s", i == 0 ? '?' : '&', PICK(g, params), PICK(g, values));
    p += sprintf(p, " responded %u in %u.%04u ms client=%u.%u.%u.%u traceparent=00-",
                 gen_below(g, 8) ? 200 : 404, gen_below(g, 900), gen_below(g, 10000),
                 10 + gen_below(g, 200), gen_below(g, 256), gen_below(g, 256),
                 1 + gen_below(g, 254));
    p += put_hex(g, p, 32);
    *p++ = '-';
    p += put_hex(g, p, 16);
    p += sprintf(p, "-01 ua=\"%s\"\n", PICK(g, agents));
    return (size_t)(p - s);
}

static size_t line_sql(gen_t *g, char *p) {
    return (size_t)sprintf(p,
                           " INFO  [Microsoft.EntityFrameworkCore.Database.Command] Executed "
                           "DbCommand (%ums) [Parameters=[@__id_0='%u'], CommandType='Text', "
                           "CommandTimeout='30'] SELECT TOP(1) [o].[Id], [o].[Status], "
                           "[o].[Total] FROM [Orders] AS [o] WHERE [o].[CustomerId] = @__id_0\n",
                           gen_below(g, 120), gen_below(g, 5000000));
}

static size_t line_json(gen_t *g, char *p) {
    char *s = p;
    p += sprintf(p, " INFO  [%s] audit {\"event\":\"%s\",\"orderId\":\"", PICK(g, components),
                 PICK(g, events));
    p += put_guid(g, p);
    p += sprintf(p, "\",\"amount\":%u.%02u,\"currency\":\"%s\",\"items\":%u,\"tags\":[\"%s\",\"%s\"]"
                    ",\"region\":\"westeurope\",\"correlationId\":\"",
                 gen_below(g, 2000), gen_below(g, 100), gen_below(g, 2) ? "EUR" : "USD",
                 1 + gen_below(g, 9), PICK(g, words), PICK(g, words));
    p += put_guid(g, p);
    p += sprintf(p, "\"}\n");
    return (size_t)(p - s);
}

static size_t line_blob(gen_t *g, char *p) {
    char *s = p;
    p += sprintf(p, " INFO  [Contoso.Billing.InvoiceService] uploaded blob invoices/2024/05/");
    p += put_guid(g, p);
    p += sprintf(p, ".pdf bytes=%u sha256=", 20000 + gen_below(g, 2000000));
    p += put_hex(g, p, 64);
    p += sprintf(p, " etag=\"0x8DC7");
    for (int i = 0; i < 11; i++)
        *p++ = "0123456789ABCDEF"[gen_below(g, 16)];
    p += sprintf(p, "\"\n");
    return (size_t)(p - s);
}

static size_t line_queue(gen_t *g, char *p) {
    /* base64 of ordinary text, as queue triggers log message bodies */
    unsigned char text[GEN_BASE64_MAX_INPUT];
    size_t n = 0;
    unsigned count = 4 + gen_below(g, 40);
    for (unsigned i = 0; i < count && n + 24 < sizeof text; i++)
        n += (size_t)sprintf((char *)text + n, "%s%s", i ? " " : "", PICK(g, words));
    char *s = p;
    p += sprintf(p, " DEBUG [Contoso.Orders.Worker.QueueProcessor] dequeued message id=");
    p += put_guid(g, p);
    p += sprintf(p, " dequeueCount=%u body=", 1 + gen_below(g, 3));
    p += put_base64(text, n, p);
    *p++ = '\n';
    return (size_t)(p - s);
}

static size_t line_exception(gen_t *g, char *p) {
    char *s = p;
    p += sprintf(p, " ERROR [%s] Unhandled exception while processing request ",
                 PICK(g, components));
    p += put_guid(g, p);
    p += sprintf(p, "\n%s\n", PICK(g, exceptions));
    unsigned depth = 3 + gen_below(g, 8);
    for (unsigned i = 0; i < depth; i++) {
        const char *frame = PICK(g, frames);
        size_t flen = strlen(frame);
        if (flen > 5 && strcmp(frame + flen - 5, ":line") == 0)
            p += sprintf(p, "   at %s %u\n", frame, 10 + gen_below(g, 400));
        else
            p += sprintf(p, "   at %s\n", frame);
    }
    p += sprintf(p, "--- End of stack trace from previous location ---\n");
    return (size_t)(p - s);
}

static size_t line_outbound(gen_t *g, char *p) {
    return (size_t)sprintf(p,
                           " INFO  [System.Net.Http.HttpClient.catalog.LogicalHandler] Sending "
                           "HTTP request GET https://catalog.contoso-internal.example/v1/items/"
                           "%u?lang=%s&view=%s\n",
                           gen_below(g, 100000), gen_below(g, 2) ? "en-US" : "fr-FR",
                           gen_below(g, 2) ? "summary" : "full");
}

static size_t line_metric(gen_t *g, char *p) {
    return (size_t)sprintf(p,
                           " DEBUG [Contoso.Orders.Worker.QueueProcessor] metrics "
                           "cpu=%u.%u%% workingSet=%uMB gen0=%u gen1=%u gen2=%u threads=%u "
                           "queueLength=%u host=web-%u.contoso.internal\n",
                           gen_below(g, 100), gen_below(g, 10), 200 + gen_below(g, 800),
                           gen_below(g, 5000), gen_below(g, 500), gen_below(g, 50),
                           20 + gen_below(g, 60), gen_below(g, 300), gen_below(g, 16));
}

/* Mentions credentials without carrying one, as real logs do: these lines reach
 * the confirm stage of keyword-anchored rules and must give no finding. */
static size_t line_auth(gen_t *g, char *p) {
    static const char *const notes[] = {
        "access token acquired for resource https://graph.microsoft.com expiresIn=3599 "
        "cached=true",
        "request rejected: Authorization header missing",
        "client credentials flow succeeded for app contoso-orders-api (certificate thumbprint "
        "not logged)",
        "refreshing signing keys from https://login.microsoftonline.com/common/discovery/v2.0/"
        "keys"};
    return (size_t)sprintf(p, " %s [Contoso.Orders.Api.Authentication] %s user=%u\n",
                           gen_below(g, 4) ? "INFO " : "WARN ", PICK(g, notes),
                           gen_below(g, 100000));
}

typedef size_t (*line_fn)(gen_t *g, char *p);

/* Weights roughly follow a busy web API: mostly requests, some SQL and audit. */
static const line_fn shapes[] = {line_request, line_request, line_request, line_request,
                                 line_sql,     line_sql,     line_json,    line_json,
                                 line_blob,    line_queue,   line_outbound, line_metric,
                                 line_metric,  line_exception, line_auth};

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: gen_log BYTES [SEED] > file\n");
        return 2;
    }
    gen_t g = {0};
    g.limit = strtoull(argv[1], NULL, 10);
    g.state = argc == 3 ? strtoull(argv[2], NULL, 0) : GEN_DEFAULT_SEED;
    if (g.state == 0)
        g.state = GEN_DEFAULT_SEED;
    g.buf = malloc(GEN_BUFFER_SIZE);
    if (g.buf == NULL) {
        perror("gen_log");
        return 1;
    }
    char line[GEN_LINE_MAX];
    while (g.written < g.limit) {
        size_t n = put_timestamp(&g, line);
        n += shapes[gen_below(&g, COUNT(shapes))](&g, line + n);
        gen_emit(&g, line, n);
    }
    gen_flush(&g);
    free(g.buf);
    return fflush(stdout) == 0 ? 0 : 1;
}
