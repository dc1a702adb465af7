/*
 * Random documents with planted fake secrets (see gen_documents.h): encoding
 * layers that track the secret's span, JSON trees, CSV tables.
 *
 * This file is over 800 lines on purpose: it is one generator whose parts
 * (layers, secrets, trees, documents) share the span bookkeeping, and every
 * random draw is in a fixed order so a seed keeps giving the same document.
 */
#include "gen_documents.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "require.h"

/* JSON values in one generated tree, at most. */
#define MAX_NODES 256

/* ---- encoding layers with a tracked span ---------------------------------------- */

/* Text being encoded layer by layer, and where the secret is in it
 * ([a, e); SIZE_MAX when it holds none). */
typedef struct marked {
    buf_t b;
    size_t a, e;
} marked_t;

static void marked_init(marked_t *m)
{
    memset(m, 0, sizeof *m);
    m->a = m->e = SIZE_MAX;
}

/* Before writing input byte i (or at the end, i == size): the span's ends. */
static void mark(const marked_t *in, marked_t *out, size_t i)
{
    if (i == in->a)
        out->a = out->b.size;
    if (i == in->e)
        out->e = out->b.size;
}

static size_t utf8_length(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static uint32_t utf8_decode(const unsigned char *p, size_t n)
{
    if (n == 1)
        return p[0];
    uint32_t cp = p[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t i = 1; i < n; i++)
        cp = (cp << 6) | (p[i] & 0x3F);
    return cp;
}

static void put_u_escape(fake_rng_t *rng, buf_t *b, uint32_t unit)
{
    buf_fmt(b, roll(rng, 50) ? "\\u%04X" : "\\u%04x", (unsigned)unit);
}

/* Chances, in percent, that the JSON layer writes a character escaped. */
typedef struct escaping {
    unsigned secret_pct; /* a character of the secret as \uXXXX */
    unsigned other_pct;  /* any other character as \uXXXX */
    unsigned slash_pct;  /* '/' as "\/" */
} escaping_t;

/* Writes `in` as JSON string content.  Returns true when it wrote any
 * backslash escape (what the tokenizer calls an escaped string). */
static bool json_layer(fake_rng_t *rng, const marked_t *in, const escaping_t *esc,
                       marked_t *out)
{
    static const char *const shorts[] = {"\\b", "\\t", "\\n", "\\f", "\\r"};
    bool escaped = false;
    const unsigned char *p = (const unsigned char *)buf_text(&in->b);
    size_t n = in->b.size;
    marked_init(out);
    buf_put(&out->b, "", 0);
    for (size_t i = 0; i < n;) {
        mark(in, out, i);
        size_t len = utf8_length(p[i]);
        bool secret = i >= in->a && i < in->e;
        unsigned pct = secret ? esc->secret_pct : esc->other_pct;
        uint32_t cp = utf8_decode(p + i, len);
        bool as_unit = roll(rng, pct);
        if (p[i] == '"' || p[i] == '\\') {
            if (as_unit)
                put_u_escape(rng, &out->b, p[i]);
            else
                buf_fmt(&out->b, "\\%c", p[i]);
            escaped = true;
        } else if (p[i] < 0x20) {
            size_t k = p[i] == '\b' ? 0 : p[i] == '\t' ? 1 : p[i] == '\n' ? 2 : p[i] == '\f' ? 3
                       : p[i] == '\r' ? 4 : 5;
            if (k < 5 && !as_unit)
                buf_str(&out->b, shorts[k]);
            else
                put_u_escape(rng, &out->b, p[i]);
            escaped = true;
        } else if (p[i] == '/' && roll(rng, esc->slash_pct)) {
            buf_str(&out->b, "\\/");
            escaped = true;
        } else if (as_unit) {
            if (cp > 0xFFFF) {
                put_u_escape(rng, &out->b, 0xD800 + ((cp - 0x10000) >> 10));
                put_u_escape(rng, &out->b, 0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                put_u_escape(rng, &out->b, cp);
            }
            escaped = true;
        } else {
            buf_put(&out->b, p + i, len);
        }
        i += len;
    }
    mark(in, out, n);
    return escaped;
}

/* Percent-encodes characters of the secret (only) with chance `pct`.
 * Returns true when it wrote any %XX. */
static bool percent_layer(fake_rng_t *rng, const marked_t *in, unsigned pct, marked_t *out)
{
    bool wrote = false;
    const unsigned char *p = (const unsigned char *)buf_text(&in->b);
    marked_init(out);
    buf_put(&out->b, "", 0);
    for (size_t i = 0; i < in->b.size; i++) {
        mark(in, out, i);
        if (i >= in->a && i < in->e && roll(rng, pct)) {
            buf_fmt(&out->b, roll(rng, 50) ? "%%%02X" : "%%%02x", p[i]);
            wrote = true;
        } else {
            buf_put(&out->b, p + i, 1);
        }
    }
    mark(in, out, in->b.size);
    return wrote;
}

/* Writes `text` as quoted-CSV-field content ('"' doubled); pos[i] is where
 * input byte i starts in the output (pos[size] its end). */
static void csv_layer(const char *text, size_t size, buf_t *out, size_t *pos)
{
    for (size_t i = 0; i < size; i++) {
        pos[i] = out->size;
        buf_put(out, text[i] == '"' ? "\"\"" : text + i, text[i] == '"' ? 2 : 1);
    }
    pos[size] = out->size;
}

/* ---- fake secrets and how they are written ------------------------------------- */

static const char *const style_names[] = {"bare", "url-path", "url-query"};

static void make_secret(fake_rng_t *rng, planted_t *p)
{
    switch (below(rng, 6)) {
    case 5: /* a secret of several lines: its mask must keep them */
        p->secret_size = fake_pem_private_key(rng, 40 + below(rng, 260),
                                              roll(rng, 50) ? "\r\n" : "\n", p->secret,
                                              sizeof p->secret);
        p->rule = "pem.private-key";
        break;
    case 0:
        p->secret_size = fake_github_token(rng, NULL, p->secret, sizeof p->secret);
        p->rule = "github.pat.classic";
        break;
    case 1:
        p->secret_size = fake_slack_bot_token(rng, p->secret, sizeof p->secret);
        p->rule = "slack.bot-token";
        break;
    case 2:
        p->secret_size = fake_stripe_key(rng, true, p->secret, sizeof p->secret);
        p->rule = "stripe.secret-key.live";
        break;
    case 3:
        p->secret_size = fake_stripe_key(rng, false, p->secret, sizeof p->secret);
        p->rule = "stripe.secret-key.test";
        break;
    default:
        p->secret_size = fake_npm_token(rng, p->secret, sizeof p->secret);
        p->rule = "npm.access-token";
        break;
    }
    REQUIRE(p->secret_size > 0);
}

/* What a document generator carries: randomness, and the labels of the
 * views a string of this document is seen through. */
typedef struct gen {
    fake_rng_t *rng;
    const char *ctx;     /* chain label of a string value: "json", "csv+json" */
    const char *parent;  /* label of the text around it: "json" (raw), "csv" */
    unsigned other_pct;  /* this document's chance of escaping other characters */
    buf_t long_text;     /* one long harmless value, sometimes */
} gen_t;

/* Decoded text put right before / after a bare secret: none of these ends
 * in a word character, so the secret still starts and ends a word. */
static const char *const bare_pre[] = {"", "", " ", "note ", "\n", "\t", "\xc3\xa9",
                                       "\xf0\x9f\x98\x80", "(", "x=", "\"", "\\"};
static const char *const bare_post[] = {"", "", " ", ".", "\n", "\xc3\xa9", "\xf0\x9f\x98\x80",
                                        ")", " end", "\"", "\\"};

static void expect_label(const gen_t *g, planted_t *p)
{
    char own[32], parent[32];
    if (p->base64) {
        snprintf(own, sizeof own, "%s+base64+json", g->ctx);
        snprintf(parent, sizeof parent, "%s+base64", g->ctx);
    } else if (p->embedded) {
        snprintf(own, sizeof own, "%s+json", g->ctx);
        snprintf(parent, sizeof parent, "%s", g->ctx);
    } else {
        snprintf(own, sizeof own, "%s", g->ctx);
        snprintf(parent, sizeof parent, "%s", g->parent);
    }
    /* A secret that needs no decoding of its own string is found in the
     * text around it; percent-encoding is only undone in its own string. */
    if (p->percent)
        snprintf(p->label, sizeof p->label, "%s+percent", own);
    else
        snprintf(p->label, sizeof p->label, "%s", p->escaped ? own : parent);
}

/* A JSON document holding the secret, as a HAR body in base64 (standard
 * with or without padding, or URL-safe), '/' maybe written "\/"; out's
 * span is the quads that hold the secret's bytes.  Remembers what those
 * quads must become (the secret's bytes '*', re-encoded) and the body
 * that must then decode. */
static void base64_layer(fake_rng_t *rng, planted_t *p, const marked_t *doc, marked_t *out)
{
    bool url_safe = roll(rng, 30), pad = !url_safe && roll(rng, 60);
    size_t n = doc->b.size, cap = 4 * (n / 3 + 2) + 1;
    marked_t body;
    marked_init(&body);
    char *b64 = malloc(cap);
    p->b64_plain = malloc(n + 1);
    p->b64_mask = malloc(cap);
    REQUIRE(b64 && p->b64_plain && p->b64_mask);
    size_t len = fake_base64_encode(doc->b.data, n, url_safe, pad, b64, cap);
    buf_put(&body.b, b64, len);
    size_t qa = doc->a / 3, qb = (doc->e + 2) / 3;
    body.a = 4 * qa;
    body.e = 4 * qb < len ? 4 * qb : len;
    memcpy(p->b64_plain, doc->b.data, n);
    for (size_t i = doc->a; i < doc->e; i++) /* line breaks stay, as in hush */
        if (p->b64_plain[i] != '\n' && p->b64_plain[i] != '\r')
            p->b64_plain[i] = '*';
    p->b64_plain[n] = '\0';
    size_t pb = 3 * qb < n ? 3 * qb : n;
    fake_base64_encode(p->b64_plain + 3 * qa, pb - 3 * qa, url_safe, pad, p->b64_mask, cap);
    escaping_t esc = {.slash_pct = PICK(rng, 0, 0, 50, 100)};
    json_layer(rng, &body, &esc, out);
    free(b64);
    buf_free(&body.b);
}

static const char *const header_names[] = {"X-Functions-Key", "Ocp-Apim-Subscription-Key",
                                           "api-key", "X-Api-Key", "Authorization"};
static const char *const member_names[] = {"password", "clientSecret", "client_secret", "apiKey",
                                           "accessToken", "SasToken", "dbPassword", "privateKey"};

/* A value only its place makes a secret: random, JSON-escaped at random. */
static void encode_structural(gen_t *g, planted_t *p, marked_t *out)
{
    fake_rng_t *rng = g->rng;
    p->style = STYLE_BARE;
    if (p->structure == STRUCT_HEADER) {
        snprintf(p->name, sizeof p->name, "%s", header_names[below(rng, 5)]);
        snprintf(p->pre, sizeof p->pre, "%s", strcmp(p->name, "Authorization") ? "" : "Bearer ");
        p->secret_size = fake_alnum(rng, 32 + below(rng, 9), p->secret, sizeof p->secret);
        p->rule = "http.secret-header";
    } else {
        /* Spaces and punctuation: pattern rules stop early in it, the
         * member's finding must still cover all of it.  Nothing that JSON
         * must escape, and no \u escapes below: a pattern rule that
         * matches escaped bytes is test_escaped_member_fingerprint's and
         * test_partial_mask_inside_escape's subject.  No '@' '{' '$' '*'
         * either: "@{", "${...}" and "***" mark expressions and
         * placeholders, not secrets. */
        static const char chars[] = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"
                                    " !()-.:[]^_|~',/";
        snprintf(p->name, sizeof p->name, "%s", member_names[below(rng, 8)]);
        p->secret_size = 16 + below(rng, 9);
        for (size_t i = 0; i < p->secret_size; i++)
            p->secret[i] = chars[below(rng, sizeof chars - 1)];
        /* a letter first and last: no value starts as an expression or ends in blanks */
        p->secret[0] = 'Q';
        p->secret[p->secret_size - 1] = 'z';
        p->secret[p->secret_size] = '\0';
        p->rule = "json.secret-field";
    }
    marked_t logical;
    marked_init(&logical);
    buf_str(&logical.b, p->pre);
    logical.a = logical.b.size;
    buf_put(&logical.b, p->secret, p->secret_size);
    logical.e = logical.b.size;
    escaping_t esc = {.secret_pct = p->structure == STRUCT_MEMBER ? 0 : PICK(rng, 0, 0, 20, 100),
                      .other_pct = PICK(rng, 0, 20)};
    p->escaped = json_layer(rng, &logical, &esc, out);
    snprintf(p->label, sizeof p->label, "%s", g->ctx);
    buf_free(&logical.b);
}

/* A small JSON document whose string value is `content` (JSON string
 * content already). */
static void wrap_in_document(fake_rng_t *rng, const marked_t *content, marked_t *out)
{
    bool flat = roll(rng, 50);
    marked_init(out);
    buf_str(&out->b, flat ? "{\"data\": \"" : "{\"meta\":{\"note\":\"");
    out->a = out->b.size + content->a;
    out->e = out->b.size + content->e;
    buf_put(&out->b, content->b.data, content->b.size);
    buf_str(&out->b, flat ? "\", \"n\": 1}" : "\"},\"n\":[1,2]}");
}

/* The content of the JSON string that holds secret p as written in its
 * document; out's span is the secret's raw span in it. */
static void encode_planted(gen_t *g, planted_t *p, marked_t *out)
{
    fake_rng_t *rng = g->rng;
    p->structure = roll(rng, 12) ? (roll(rng, 50) ? STRUCT_HEADER : STRUCT_MEMBER) : STRUCT_NONE;
    if (p->structure != STRUCT_NONE) {
        encode_structural(g, p, out);
        return;
    }
    p->style = (int)below(rng, STYLE_COUNT);
    bool lines = memchr(p->secret, '\n', p->secret_size) != NULL;
    if (lines) /* a key block is a value of its own, not part of a URL */
        p->style = STYLE_BARE;
    switch (p->style) {
    case STYLE_URL_PATH:
        snprintf(p->pre, sizeof p->pre, "https://hush-example.contoso.com/x/");
        snprintf(p->post, sizeof p->post, "%s", roll(rng, 50) ? "/y" : "");
        break;
    case STYLE_URL_QUERY:
        snprintf(p->pre, sizeof p->pre, "https://hush-example.contoso.com/cb?x=1&t=");
        snprintf(p->post, sizeof p->post, "%s", roll(rng, 50) ? "&y=2" : "");
        break;
    default:
        snprintf(p->pre, sizeof p->pre, "%s", bare_pre[below(rng, COUNT(bare_pre))]);
        snprintf(p->post, sizeof p->post, "%s", bare_post[below(rng, COUNT(bare_post))]);
        break;
    }
    /* A long value now and then: the secret crosses the scanner's slices. */
    p->filler = 0;
    if (p->style == STYLE_BARE && roll(rng, 5))
        p->filler = roll(rng, 20) ? 5000 + below(rng, 7000) : 20 + below(rng, 500);
    marked_t logical, percented, inner;
    marked_init(&logical);
    marked_init(&percented);
    for (unsigned i = 0; i < p->filler; i++)
        buf_str(&logical.b, "lorem ipsum ");
    buf_str(&logical.b, p->pre);
    logical.a = logical.b.size;
    buf_put(&logical.b, p->secret, p->secret_size);
    logical.e = logical.b.size;
    buf_str(&logical.b, p->post);
    const marked_t *cur = &logical;
    p->percent = false;
    if (p->style == STYLE_URL_QUERY) {
        p->percent = percent_layer(rng, &logical, PICK(rng, 0, 30, 100), &percented);
        cur = &percented;
    }
    escaping_t esc = {.secret_pct = PICK(rng, 0, 0, 20, 60, 100),
                      .other_pct = PICK(rng, 0, g->other_pct),
                      .slash_pct = PICK(rng, 0, 50, 100)};
    p->escaped = json_layer(rng, cur, &esc, &inner);
    p->base64 = roll(rng, 10);
    /* Not a key block inside JSON inside a JSON string: its line breaks
     * would be written "\\n", which the checker's stars do not follow. */
    p->embedded = !p->base64 && !lines && roll(rng, 15);
    if (!p->embedded && !p->base64) {
        *out = inner;
    } else {
        marked_t wrapped;
        wrap_in_document(rng, &inner, &wrapped);
        if (p->base64) {
            base64_layer(rng, p, &wrapped, out);
        } else {
            escaping_t outer = {.secret_pct = PICK(rng, 0, 30), .other_pct = PICK(rng, 0, 10),
                                .slash_pct = PICK(rng, 0, 50)};
            json_layer(rng, &wrapped, &outer, out);
        }
        buf_free(&wrapped.b);
        buf_free(&inner.b);
    }
    expect_label(g, p);
    buf_free(&logical.b);
    buf_free(&percented.b);
}

/* ---- random JSON trees ------------------------------------------------------------ */

enum node_type { N_OBJECT, N_ARRAY, N_STRING, N_NUMBER, N_TRUE, N_FALSE, N_NULL };

typedef struct node {
    uint8_t type;
    const char *key;  /* member name, when the parent is an object */
    const char *text; /* string: decoded value; number: as written */
    int planted;      /* index of the secret planted here, or -1 */
    int first, last, next;
} node_t;

typedef struct tree {
    node_t n[MAX_NODES];
    int count;
} tree_t;

/* Member names that no structural or keyword rule knows. */
static const char *const keys[] = {"data", "items", "note", "meta", "x1", "list", "info", "count",
                                   "label", "kind", "tags", "entries", "misc", "alpha", "beta",
                                   "links"};
#define KEY_COUNT (sizeof keys / sizeof *keys)

static const char *const harmless[] = {
    "hello", "alpha beta", "2026-11-22T04:05:06Z", "a \"quoted\" word", "back\\slash",
    "line one\nline two", "tab\there", "caf\xc3\xa9 cr\xc3\xa8me", "smile \xf0\x9f\x98\x80 ok",
    "https://hush-example.contoso.com/items?page=2&sort=name", "50% off", "100%25 sure",
    "{not json", "", "x", "\xe2\x82\xac 12", "C:\\temp\\file.txt", "a/b/c", "<b>bold</b>",
    "{\"a\":1,\"b\":[true,null,\"c\\\"d\"]}", "[\"x\", {\"y\": \"z\"}]",
    "\xf0\x9f\x8e\x89\xf0\x9f\x8e\x89"};
static const char *const numbers[] = {"0", "42", "-7", "3.25", "1e3", "-0.5", "123456789"};

static int tree_add(tree_t *t, int parent, uint8_t type, const char *key, const char *text)
{
    REQUIRE(t->count < MAX_NODES);
    int i = t->count++;
    t->n[i] = (node_t){.type = type, .key = key, .text = text, .planted = -1,
                       .first = -1, .last = -1, .next = -1};
    if (parent >= 0) {
        if (t->n[parent].last >= 0)
            t->n[t->n[parent].last].next = i;
        else
            t->n[parent].first = i;
        t->n[parent].last = i;
    }
    return i;
}

static void shuffle_keys(fake_rng_t *rng, const char **out)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        out[i] = keys[i];
    for (size_t i = KEY_COUNT - 1; i > 0; i--) {
        size_t j = below(rng, (uint32_t)i + 1);
        const char *t = out[i];
        out[i] = out[j];
        out[j] = t;
    }
}

static void gen_children(gen_t *g, tree_t *t, int parent, int depth, int max_depth);

static void gen_node(gen_t *g, tree_t *t, int parent, const char *key, int depth, int max_depth)
{
    fake_rng_t *rng = g->rng;
    unsigned r = below(rng, 12);
    if (depth >= max_depth || t->count > MAX_NODES - 16)
        r = 3 + below(rng, 9);
    if (r < 3) {
        int i = tree_add(t, parent, r < 2 ? N_OBJECT : N_ARRAY, key, NULL);
        gen_children(g, t, i, depth + 1, max_depth);
    } else if (r < 8) {
        const char *text = harmless[below(rng, COUNT(harmless))];
        if (g->long_text.size == 0 && roll(rng, 2)) {
            size_t n = 5000 + below(rng, 30000);
            while (g->long_text.size < n)
                buf_str(&g->long_text, roll(rng, 90) ? "lorem ipsum " : "caf\xc3\xa9 \"q\" ");
            text = g->long_text.data;
        }
        tree_add(t, parent, N_STRING, key, text);
    } else if (r < 10) {
        tree_add(t, parent, N_NUMBER, key, numbers[below(rng, COUNT(numbers))]);
    } else {
        uint8_t type = (uint8_t)PICK(rng, N_TRUE, N_FALSE, N_NULL);
        tree_add(t, parent, type, key,
                 type == N_TRUE ? "true" : type == N_FALSE ? "false" : "null");
    }
}

static void gen_children(gen_t *g, tree_t *t, int parent, int depth, int max_depth)
{
    const char *order[KEY_COUNT];
    shuffle_keys(g->rng, order);
    unsigned count = below(g->rng, 5);
    for (unsigned k = 0; k < count; k++)
        gen_node(g, t, parent, t->n[parent].type == N_OBJECT ? order[k] : NULL, depth, max_depth);
}

/* A random object (or array of objects) with `plants` string values
 * chosen to hold planted[first..]. */
static void gen_tree(gen_t *g, tree_t *t, size_t first, size_t plants, bool array)
{
    t->count = 0;
    int max_depth = 1 + (int)below(g->rng, 6);
    int root = tree_add(t, -1, array ? N_ARRAY : N_OBJECT, NULL, NULL);
    if (array) { /* objects only: "[1, ..." is not sniffed as JSON */
        for (unsigned i = 1 + below(g->rng, 3); i > 0; i--)
            gen_children(g, t, tree_add(t, root, N_OBJECT, NULL, NULL), 2, max_depth + 1);
        root = t->n[root].first;
    } else {
        gen_children(g, t, root, 1, max_depth);
    }
    int strings[MAX_NODES], n = 0;
    for (int i = 0; i < t->count; i++)
        if (t->n[i].type == N_STRING)
            strings[n++] = i;
    /* Too few strings: add members to the root, with names it does not use. */
    for (size_t k = 0; (size_t)n < plants && k < KEY_COUNT; k++) {
        bool used = false;
        for (int c = t->n[root].first; c >= 0; c = t->n[c].next)
            used = used || strcmp(t->n[c].key, keys[k]) == 0;
        if (!used)
            strings[n++] = tree_add(t, root, N_STRING, keys[k], "hello");
    }
    REQUIRE((size_t)n >= plants);
    for (size_t k = 0; k < plants; k++) {
        int j = (int)k + (int)below(g->rng, (uint32_t)(n - (int)k));
        int chosen = strings[j];
        strings[j] = strings[k];
        strings[k] = chosen;
        t->n[chosen].planted = (int)(first + k);
    }
}

typedef struct writer {
    gen_t *g;
    buf_t *out;
    planted_t *planted;
    bool pretty, spaced;
    const char *nl;
} writer_t;

static void write_indent(writer_t *w, int level)
{
    if (!w->pretty)
        return;
    buf_str(w->out, w->nl);
    for (int i = 0; i < level; i++)
        buf_str(w->out, "  ");
}

/* A string value; a secret in a base64 body becomes a HAR content object. */
static void write_string(writer_t *w, const node_t *node)
{
    marked_t m;
    bool encoding_first = roll(w->g->rng, 50);
    if (node->planted >= 0) {
        planted_t *p = &w->planted[node->planted];
        encode_planted(w->g, p, &m);
        if (p->base64)
            buf_fmt(w->out, "{%s\"mimeType\": \"application/json\", \"text\": ",
                    encoding_first ? "\"encoding\": \"base64\", " : "");
        else if (p->structure == STRUCT_HEADER)
            buf_str(w->out, "{\"value\": ");
        else if (p->structure == STRUCT_MEMBER)
            buf_fmt(w->out, "{%s\"%s\": ", encoding_first ? "\"note\": \"x\", " : "", p->name);
        buf_str(w->out, "\"");
        p->start = w->out->size + m.a;
        p->end = w->out->size + m.e;
        buf_put(w->out, m.b.data, m.b.size);
        buf_free(&m.b);
        buf_str(w->out, "\"");
        if (p->base64)
            buf_str(w->out, encoding_first ? "}" : ", \"encoding\": \"base64\"}");
        else if (p->structure == STRUCT_HEADER)
            buf_fmt(w->out, ", \"name\": \"%s\"}", p->name);
        else if (p->structure == STRUCT_MEMBER)
            buf_str(w->out, "}");
        return;
    } else {
        buf_str(w->out, "\"");
        marked_t plain;
        marked_init(&plain);
        buf_str(&plain.b, node->text);
        escaping_t esc = {.other_pct = PICK(w->g->rng, 0, w->g->other_pct),
                          .slash_pct = PICK(w->g->rng, 0, 50)};
        json_layer(w->g->rng, &plain, &esc, &m);
        buf_free(&plain.b);
    }
    buf_put(w->out, m.b.data, m.b.size);
    buf_free(&m.b);
    buf_str(w->out, "\"");
}

/* A member name, now and then with \u escapes (names are compared decoded). */
static void write_key(writer_t *w, const char *key)
{
    marked_t plain, m;
    marked_init(&plain);
    buf_str(&plain.b, key);
    escaping_t esc = {.other_pct = roll(w->g->rng, 10) ? 30 : 0};
    json_layer(w->g->rng, &plain, &esc, &m);
    buf_fmt(w->out, "\"%s\":%s", m.b.data, w->spaced || w->pretty ? " " : "");
    buf_free(&plain.b);
    buf_free(&m.b);
}

static void write_node(writer_t *w, const tree_t *t, int i, int level)
{
    const node_t *node = &t->n[i];
    if (node->type == N_STRING) {
        write_string(w, node);
        return;
    }
    if (node->type != N_OBJECT && node->type != N_ARRAY) {
        buf_str(w->out, node->text);
        return;
    }
    buf_str(w->out, node->type == N_OBJECT ? "{" : "[");
    for (int c = node->first; c >= 0; c = t->n[c].next) {
        if (c != node->first)
            buf_str(w->out, w->spaced && !w->pretty ? ", " : ",");
        write_indent(w, level + 1);
        if (node->type == N_OBJECT)
            write_key(w, t->n[c].key);
        write_node(w, t, c, level + 1);
    }
    if (node->first >= 0)
        write_indent(w, level);
    buf_str(w->out, node->type == N_OBJECT ? "}" : "]");
}

/* ---- documents ------------------------------------------------------------------- */

void doc_free(doc_t *d)
{
    for (size_t k = 0; k < d->planted_count; k++) {
        free(d->planted[k].b64_mask);
        free(d->planted[k].b64_plain);
    }
    buf_free(&d->text);
    memset(d, 0, sizeof *d);
}

static void plant_secrets(fake_rng_t *rng, doc_t *d)
{
    d->planted_count = 1 + below(rng, MAX_PLANTED);
    for (size_t k = 0; k < d->planted_count; k++)
        make_secret(rng, &d->planted[k]);
}

/* Lines that break JSON Lines; the tokenizer starts again after each.  A
 * record cut where a newline is allowed ("{\"items\": [1, 2") is left out:
 * see test_truncated_jsonl_record. */
static const char *const broken_lines[] = {"not json at all", "{\"data\": \"unterminated",
                                           "{\"items\": [1, \"cut", "]", "}}", "{\"a\" 1}"};

/* A JSON document, or JSON Lines (some lines broken), with secrets at
 * random string values. */
void make_json_doc(uint64_t seed, doc_t *d)
{
    fake_rng_t rng;
    fake_rng_init(&rng, seed);
    memset(d, 0, sizeof *d);
    plant_secrets(&rng, d);
    gen_t g = {.rng = &rng, .ctx = "json", .parent = "json",
               .other_pct = PICK(&rng, 5, 20, 100)};
    unsigned roots = roll(&rng, 30) ? 2 + below(&rng, 3) : 1;
    bool pretty = roots == 1 ? roll(&rng, 50) : roll(&rng, 15);
    bool array = roots == 1 && roll(&rng, 25), bom = roll(&rng, 5);
    const char *nl = roll(&rng, 25) ? "\r\n" : "\n";
    unsigned broken = 0;
    if (bom)
        buf_str(&d->text, "\xEF\xBB\xBF");
    /* Every root gets some of the secrets; the first at least one. */
    size_t first = 0;
    tree_t *t = malloc(sizeof *t);
    REQUIRE(t);
    for (unsigned r = 0; r < roots; r++) {
        size_t left = d->planted_count - first;
        size_t here = r + 1 == roots ? left : left ? below(&rng, (uint32_t)left + 1) : 0;
        if (r == 0 && here == 0 && left)
            here = 1;
        gen_tree(&g, t, first, here, array);
        writer_t w = {.g = &g, .out = &d->text, .planted = d->planted, .pretty = pretty,
                      .spaced = roll(&rng, 50), .nl = nl};
        if (r == 0 && roll(&rng, 10))
            buf_str(&d->text, nl); /* a blank first line: still JSON */
        write_node(&w, t, 0, 0);
        buf_str(&d->text, nl);
        first += here;
        if (r + 1 < roots && roll(&rng, 25)) {
            buf_fmt(&d->text, "%s%s", broken_lines[below(&rng, COUNT(broken_lines))], nl);
            broken++;
        }
    }
    if (roll(&rng, 10)) /* the stream ends without a line end */
        d->text.size -= strlen(nl);
    snprintf(d->shape, sizeof d->shape, "json%s, %u %s%s, %u broken lines, %s, %s line ends",
             bom ? " with BOM" : "", roots, array ? "array" : "object", roots > 1 ? "s" : "",
             broken, pretty ? "pretty" : "compact", nl[0] == '\r' ? "CRLF" : "LF");
    free(t);
    buf_free(&g.long_text);
}

static const char *const csv_names[] = {"Id", "CreationDate", "RecordType", "Operation", "UserId",
                                        "Workload", "ClientIP", "AuditData", "ResultIndex",
                                        "Result Count"};
static const char *const csv_fields[] = {"42", "MailItemsAccessed", "", "2026-11-22T04:05:06Z",
                                         "Exchange", "user@hush-example.contoso.com", "10.0.0.1",
                                         "\"a, b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"",
                                         "\"plain quoted\"", "\"\""};

/* A secret alone in a CSV field: unquoted (a raw finding), quoted, or
 * quoted between doubled quotes. */
static void write_csv_secret(fake_rng_t *rng, buf_t *out, planted_t *p)
{
    unsigned form = below(rng, 3);
    if (form == 0 && memchr(p->secret, '\n', p->secret_size))
        form = 1; /* a field of several lines is quoted */
    p->csv_field = true;
    p->style = STYLE_BARE;
    snprintf(p->pre, sizeof p->pre, "%s", form == 0 ? "" : form == 1 ? "note " : "say \"");
    snprintf(p->post, sizeof p->post, "%s", form == 2 ? "\"" : "");
    snprintf(p->label, sizeof p->label, "%s", form == 0 ? "raw" : "csv");
    buf_str(out, form == 0 ? "" : form == 1 ? "\"note " : "\"say \"\"");
    p->start = out->size;
    buf_put(out, p->secret, p->secret_size);
    p->end = out->size;
    buf_str(out, form == 0 ? "" : form == 1 ? "\"" : "\"\"\"");
}

/* The JSON cell of row r: a random object holding the secrets placed in
 * it, quotes doubled. */
static void write_json_cell(gen_t *g, tree_t *t, doc_t *d, const size_t *cell_of, size_t cell,
                            bool pretty)
{
    /* The secrets of this cell, moved to the front of a scratch list. */
    planted_t mine[MAX_PLANTED];
    size_t owner[MAX_PLANTED], here = 0;
    for (size_t k = 0; k < d->planted_count; k++)
        if (cell_of[k] == cell) {
            mine[here] = d->planted[k];
            owner[here++] = k;
        }
    gen_tree(g, t, 0, here, roll(g->rng, 20));
    buf_t json = {0};
    writer_t w = {.g = g, .out = &json, .planted = mine, .pretty = pretty,
                  .spaced = roll(g->rng, 50), .nl = "\n"};
    write_node(&w, t, 0, 0);
    size_t *pos = calloc(json.size + 1, sizeof *pos);
    REQUIRE(pos);
    buf_str(&d->text, "\"");
    csv_layer(json.data, json.size, &d->text, pos);
    buf_str(&d->text, "\"");
    /* csv_layer wrote into the document: pos[] holds document offsets. */
    for (size_t k = 0; k < here; k++) {
        mine[k].start = pos[mine[k].start];
        mine[k].end = pos[mine[k].end];
        d->planted[owner[k]] = mine[k];
    }
    free(pos);
    buf_free(&json);
}

/* A Purview-style CSV export: one column holds a JSON object, quotes
 * doubled; now and then a secret sits in a field of its own. */
void make_csv_doc(uint64_t seed, doc_t *d)
{
    fake_rng_t rng;
    fake_rng_init(&rng, seed);
    memset(d, 0, sizeof *d);
    d->csv = true;
    plant_secrets(&rng, d);
    gen_t g = {.rng = &rng, .ctx = "csv+json", .parent = "csv",
               .other_pct = PICK(&rng, 5, 20, 100)};
    unsigned cols = 3 + below(&rng, 4), rows = 1 + below(&rng, 4), json_col = below(&rng, cols);
    const char *nl = roll(&rng, 50) ? "\r\n" : "\n";
    bool quoted_header = roll(&rng, 25), pretty = roll(&rng, 30), bom = roll(&rng, 5);
    snprintf(d->shape, sizeof d->shape, "csv%s, %u columns, %u rows, JSON in column %u%s, %s",
             bom ? " with BOM" : "", cols, rows, json_col, pretty ? " (pretty)" : "",
             nl[0] == '\r' ? "CRLF" : "LF");
    if (bom)
        buf_str(&d->text, "\xEF\xBB\xBF");
    size_t name_count = COUNT(csv_names), first_name = below(&rng, 4);
    for (unsigned c = 0; c < cols; c++)
        buf_fmt(&d->text, "%s%s%s%s", c ? "," : "", quoted_header ? "\"" : "",
                csv_names[(first_name + c) % name_count], quoted_header ? "\"" : "");
    buf_str(&d->text, nl);
    /* Cell (row * cols + column) of each secret; a cell other than the
     * JSON one holds one secret at most. */
    size_t cell_of[MAX_PLANTED];
    for (size_t k = 0; k < d->planted_count; k++) {
        size_t r = below(&rng, rows), c = roll(&rng, 20) ? below(&rng, cols) : json_col;
        for (size_t j = 0; j < k && c != json_col; j++)
            if (cell_of[j] == r * cols + c)
                c = json_col;
        cell_of[k] = r * cols + c;
    }
    tree_t *t = malloc(sizeof *t);
    REQUIRE(t);
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            size_t cell = r * cols + c, k = 0;
            while (k < d->planted_count && cell_of[k] != cell)
                k++;
            if (c)
                buf_str(&d->text, ",");
            if (c == json_col)
                write_json_cell(&g, t, d, cell_of, cell, pretty);
            else if (k < d->planted_count)
                write_csv_secret(&rng, &d->text, &d->planted[k]);
            else
                buf_str(&d->text, csv_fields[below(&rng, COUNT(csv_fields))]);
        }
        if (r + 1 < rows || !roll(&rng, 10)) /* sometimes no line end at the end */
            buf_str(&d->text, nl);
    }
    free(t);
    buf_free(&g.long_text);
}

void describe_doc(FILE *f, uint64_t seed, const doc_t *d)
{
    fprintf(f, "  seed %llu: %s, %zu bytes, %zu planted:\n", (unsigned long long)seed, d->shape,
            d->text.size, d->planted_count);
    for (size_t k = 0; k < d->planted_count; k++) {
        const planted_t *p = &d->planted[k];
        const char *kind = p->structure == STRUCT_HEADER   ? "header value before its name, "
                           : p->structure == STRUCT_MEMBER ? "secret-named member, "
                           : p->csv_field                  ? "CSV field, "
                                                           : "";
        const char *inside = p->embedded ? " inside JSON-in-a-string"
                             : p->base64 ? " in JSON in a base64 body"
                                         : "";
        fprintf(f, "    #%zu %s, %s%s%s, after %u bytes of filler, string escaped=%d, "
                   "percent=%d, raw span %llu+%llu, expected encoding %s\n",
                k, p->rule, kind, style_names[p->style], inside, p->filler * 12, p->escaped,
                p->percent, (unsigned long long)p->start, (unsigned long long)(p->end - p->start),
                p->label);
    }
}
