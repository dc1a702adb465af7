/* See views.h. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array_internal.h"
#include "view_lex.h"
#include "view_text.h"
#include "views.h"

/* JSON tokenized inside a value inside a value...: the stream, a CSV field's
 * AuditData, a HAR body inside it. */
#define HUSHI_VIEW_MAX_NESTING 4u
/* Slots of the structural-name table (a power of two, over twice the names). */
#define HUSHI_VIEW_NAME_SLOTS 1024u
/* Characters of a member or header name shown in a preview. */
#define HUSHI_VIEW_SHOWN_NAME 40u
/* Top-level values remembered for labelling raw findings; a sanity bound
 * (they are dropped as output is released). */
#define HUSHI_VIEW_MAX_LABELS (1u << 24)
#define NO_OFFSET UINT64_MAX

typedef enum format {
    FORMAT_UNDECIDED = 0,
    FORMAT_PLAIN,
    FORMAT_JSON,
    FORMAT_CSV
} format_t;

typedef struct span {
    uint64_t start, end;
    bool set, escaped;
} span_t;

/* What is known about one open JSON container. */
typedef struct frame {
    bool is_object;
    char key[HUSHI_MAX_STRUCTURE_NAME + 1];           /* member being read, normalised */
    char shown_key[HUSHI_VIEW_SHOWN_NAME + 1];        /* ...as written */
    char container_key[HUSHI_MAX_STRUCTURE_NAME + 1]; /* the member this container is */
    int32_t key_rule;                                /* json-key rule for `key`, or -1 */
    int32_t name_rule;                               /* rule for this object's "name" */
    char shown_name[HUSHI_VIEW_SHOWN_NAME + 1];
    span_t value;       /* "value" member, decided when the object closes */
    span_t body_value;  /* outputs.body.value of an action (this object) */
    span_t text;        /* "text" member, base64 when "encoding" says so */
    bool kv_id;         /* "id" is a Key Vault secret URL */
    bool kv_path;       /* inputs.path is /secrets/{name}/value */
    bool base64;
} frame_t;

typedef struct lexing {
    hushi_views_t *v;
    unsigned nest;                    /* 0: the stream itself */
    const hushi_view_chain_t *chain;   /* nest > 0: the text being tokenized */
    frame_t *frames;                  /* HUSHI_LEX_MAX_DEPTH + 1 */
    uint32_t depth;
    hush_status_t status;
    hushi_lex_t lex;
} lexing_t;

typedef struct name_slot {
    char name[HUSHI_MAX_STRUCTURE_NAME + 1];
    int32_t rule[HUSHI_STRUCTURE_KEYVAULT_VALUE + 1]; /* per kind, -1 for none */
} name_slot_t;

typedef struct label_span {
    uint64_t start, end;
    const char *label;
} label_span_t;

struct hushi_views {
    hushi_views_config_t config;
    hushi_view_sink_t *sink;
    format_t format;
    const hushi_region_t *region;       /* during feed/end */
    uint64_t end;                      /* stream bytes read so far */
    uint64_t open_start;               /* content start of the open top-level value */
    lexing_t top;
    lexing_t nested[HUSHI_VIEW_MAX_NESTING];
    hushi_decoded_t pool[HUSHI_VIEW_MAX_CHAIN + 1]; /* a layer's bytes, by chain depth */
    hushi_decoded_t name_scratch;       /* short values decoded for comparisons */

    name_slot_t *names;                /* HUSHI_VIEW_NAME_SLOTS */
    struct wildcard {
        const char *name;
        hushi_structure_kind_t kind;
        int32_t rule;
    } *wildcards;
    size_t wildcard_count;
    int32_t keyvault_rule;

    label_span_t *labels;
    size_t label_head, label_count, label_capacity;
};

/* Copies a NUL-terminated string into a buffer of `size` (cut to fit). */
static void copy_string(char *out, size_t size, const char *in)
{
    size_t n = strlen(in);
    if (n >= size)
        n = size - 1;
    memcpy(out, in, n);
    out[n] = '\0';
}

static hush_status_t fail(hushi_views_t *v, hush_status_t st, const char *why)
{
    if (st != HUSH_OK && why && v->config.message && !v->config.message[0])
        snprintf(v->config.message, v->config.message_size, "%s", why);
    return st;
}

/* ---- structural names ------------------------------------------------------ */

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static name_slot_t *name_slot(name_slot_t *table, const char *name, bool create)
{
    for (uint32_t i = name_hash(name), n = 0; n < HUSHI_VIEW_NAME_SLOTS; i++, n++) {
        name_slot_t *slot = &table[i & (HUSHI_VIEW_NAME_SLOTS - 1)];
        if (!slot->name[0]) {
            if (!create)
                return NULL;
            snprintf(slot->name, sizeof slot->name, "%s", name);
            return slot;
        }
        if (strcmp(slot->name, name) == 0)
            return slot;
    }
    return NULL;
}

static hush_status_t index_names(hushi_views_t *v)
{
    const hush_rules_t *rules = v->config.rules;
    v->keyvault_rule = -1;
    v->names = calloc(HUSHI_VIEW_NAME_SLOTS, sizeof *v->names);
    size_t wildcards = 0, names = 0;
    for (size_t r = 0; r < rules->count; r++)
        for (size_t i = 0; i < rules->rules[r].structure_name_count; i++, names++)
            wildcards += strchr(rules->rules[r].structure_names[i], '*') != NULL;
    v->wildcards = calloc(wildcards + 1, sizeof *v->wildcards);
    if (!v->names || !v->wildcards)
        return HUSH_ERR_NOMEM;
    if (names * 2 > HUSHI_VIEW_NAME_SLOTS)
        return fail(v, HUSH_ERR_LIMIT, "structural rules list more than 512 names");
    for (uint32_t r = 0; r < rules->count; r++) {
        const hushi_rule_t *rule = &rules->rules[r];
        if (rule->structure == HUSHI_STRUCTURE_KEYVAULT_VALUE && v->keyvault_rule < 0)
            v->keyvault_rule = (int32_t)r;
        for (size_t i = 0; i < rule->structure_name_count; i++) {
            const char *name = rule->structure_names[i];
            if (strchr(name, '*')) {
                v->wildcards[v->wildcard_count++] =
                    (struct wildcard){.name = name, .kind = rule->structure, .rule = (int32_t)r};
                continue;
            }
            name_slot_t *slot = name_slot(v->names, name, true);
            if (slot->rule[0] == 0 && slot->rule[1] == 0) /* fresh */
                for (size_t k = 0; k <= HUSHI_STRUCTURE_KEYVAULT_VALUE; k++)
                    slot->rule[k] = -1;
            if (slot->rule[rule->structure] < 0) /* the first rule listing it names it */
                slot->rule[rule->structure] = (int32_t)r;
        }
    }
    return HUSH_OK;
}

static bool wildcard_match(const char *pattern, const char *name)
{
    size_t p = strlen(pattern), n = strlen(name);
    if (pattern[0] == '*')
        return n >= p - 1 && memcmp(name + n - (p - 1), pattern + 1, p - 1) == 0;
    if (pattern[p - 1] == '*')
        return n >= p - 1 && memcmp(name, pattern, p - 1) == 0;
    return false;
}

/* The rule of kind `kind` naming `name` (normalised), or -1. */
static int32_t rule_named(const hushi_views_t *v, hushi_structure_kind_t kind, const char *name)
{
    if (!name[0])
        return -1;
    const name_slot_t *slot = name_slot(v->names, name, false);
    if (slot && slot->rule[kind] >= 0)
        return slot->rule[kind];
    for (size_t i = 0; i < v->wildcard_count; i++)
        if (v->wildcards[i].kind == kind && wildcard_match(v->wildcards[i].name, name))
            return v->wildcards[i].rule;
    return -1;
}

/* ---- labels for raw findings ------------------------------------------------- */

static hush_status_t label_add(hushi_views_t *v, uint64_t start, uint64_t end, const char *label)
{
    if (end <= start)
        return HUSH_OK;
    if (v->label_head > 0 && v->label_head + v->label_count == v->label_capacity) {
        memmove(v->labels, v->labels + v->label_head, v->label_count * sizeof *v->labels);
        v->label_head = 0;
    }
    if (v->label_head + v->label_count == v->label_capacity) {
        hush_status_t st;
        label_span_t *grown = hushi_array_grow(v->labels, &v->label_capacity, sizeof *grown, 256,
                                              HUSHI_VIEW_MAX_LABELS, &st);
        if (!grown)
            return st;
        v->labels = grown;
    }
    v->labels[v->label_head + v->label_count++] =
        (label_span_t){.start = start, .end = end, .label = label};
    return HUSH_OK;
}

const char *hushi_views_label(const hushi_views_t *v, uint64_t start, uint64_t end)
{
    if (!v)
        return NULL;
    const label_span_t *l = v->labels + v->label_head;
    size_t lo = 0, hi = v->label_count;
    while (lo < hi) { /* first span starting after `start` */
        size_t mid = lo + (hi - lo) / 2;
        if (l[mid].start <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && l[lo - 1].end >= end ? l[lo - 1].label : NULL;
}

void hushi_views_forget_before(hushi_views_t *v, uint64_t offset)
{
    while (v && v->label_count && v->labels[v->label_head].end <= offset) {
        v->label_head++;
        v->label_count--;
    }
}

/* ---- values ------------------------------------------------------------------ */

static const unsigned char *stream_at(const hushi_views_t *v, uint64_t offset)
{
    return v->region->bytes + (offset - v->region->base);
}

/* The chain for value [s, e) of what `lx` tokenizes, and the value's span
 * in the chain's top text. */
static void value_chain(const lexing_t *lx, uint64_t s, uint64_t e, hushi_layer_kind_t container,
                        hushi_view_chain_t *chain, size_t *ts, size_t *te)
{
    if (lx->nest == 0) {
        memset(chain, 0, offsetof(hushi_view_chain_t, layers));
        chain->raw = stream_at(lx->v, s);
        chain->container_start = s;
        chain->container_end = e;
        chain->count = 0;
        copy_string(chain->label, sizeof chain->label, hushi_layer_name(container));
        *ts = 0;
        *te = (size_t)(e - s);
    } else {
        *chain = *lx->chain;
        *ts = (size_t)s;
        *te = (size_t)e;
    }
}

/* Decodes [ts, te) of the chain's top text as a layer of `kind`, into the
 * pool buffer of the chain's next level (the chain has room for it). */
static hush_status_t decode_layer(hushi_views_t *v, const hushi_view_chain_t *chain,
                                  hushi_layer_kind_t kind, size_t ts, size_t te,
                                  hushi_decoded_t **out)
{
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    *out = &v->pool[chain->count];
    return hushi_layer_codec(kind)->decode(text + ts, te - ts, *out);
}

/* Adds an unescaping layer (JSON string or CSV field) when the value has
 * escapes: [*ts, *te) becomes the whole decoded text. */
static hush_status_t unescape_layer(hushi_views_t *v, hushi_view_chain_t *chain, size_t *ts,
                                    size_t *te, bool escaped, hushi_layer_kind_t kind)
{
    if (!escaped)
        return HUSH_OK;
    if (chain->count == HUSHI_VIEW_MAX_CHAIN)
        return HUSH_ERR_LIMIT;
    hushi_decoded_t *dec;
    hush_status_t st = decode_layer(v, chain, kind, *ts, *te, &dec);
    if (st != HUSH_OK)
        return st;
    hushi_chain_push(chain, kind, dec, *ts);
    *ts = 0;
    *te = dec->size;
    return HUSH_OK;
}

static bool has_percent_escape(const unsigned char *p, size_t n)
{
    static const char hex[] = "0123456789abcdefABCDEF";
    for (const unsigned char *q = p; (q = memchr(q, '%', n - (size_t)(q - p))) != NULL; q++)
        if ((size_t)(q - p) + 2 < n && q[1] && q[2] && strchr(hex, q[1]) && strchr(hex, q[2]))
            return true;
    return false;
}

static bool looks_like_json(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    return i + 1 < n && (p[i] == '{' || p[i] == '[');
}

/* Bytes a person would not write in text: a NUL, or many control bytes. */
static bool looks_binary(const unsigned char *p, size_t n)
{
    size_t sample = n < 4096 ? n : 4096, control = 0;
    for (size_t i = 0; i < sample; i++) {
        if (p[i] == 0)
            return true;
        control += p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t';
    }
    return control * 16 > sample;
}

/* The view of value [s, e) of what `lx` tokenizes: its chain, unescaped
 * (JSON string or CSV field, by `kind`) when it has escapes, and its span
 * [*ts, *te) in the chain's top text. */
static hush_status_t value_view(lexing_t *lx, uint64_t s, uint64_t e, bool escaped,
                                hushi_layer_kind_t kind, hushi_view_chain_t *chain, size_t *ts,
                                size_t *te)
{
    value_chain(lx, s, e, kind, chain, ts, te);
    return unescape_layer(lx->v, chain, ts, te, escaped, kind);
}

/* Adds a layer decoding [ts, te) of the chain's top text as base64, when it
 * is base64 of text (not of an image).  False when it is not, or when the
 * chain is full. */
static bool push_base64_layer(hushi_views_t *v, hushi_view_chain_t *chain, size_t ts, size_t te)
{
    if (chain->count == HUSHI_VIEW_MAX_CHAIN)
        return false;
    hushi_decoded_t *dec;
    if (decode_layer(v, chain, HUSHI_LAYER_BASE64, ts, te, &dec) != HUSH_OK || dec->size == 0 ||
        looks_binary(dec->bytes, dec->size))
        return false;
    char label[HUSHI_ENCODING_MAX];
    memcpy(label, chain->label, sizeof label);
    if (!hushi_label_append(label, HUSHI_LAYER_BASE64))
        return false;
    hushi_chain_push(chain, HUSHI_LAYER_BASE64, dec, ts);
    memcpy(chain->label, label, sizeof label);
    return true;
}


static hush_status_t lex_nested(hushi_views_t *v, const hushi_view_chain_t *chain, unsigned nest);

/* Scans a text that decoding changed, and tokenizes it when it is JSON. */
static hush_status_t examine_text(hushi_views_t *v, const hushi_view_chain_t *chain, unsigned nest)
{
    hush_status_t st = hushi_view_scan(v->sink, chain);
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    if (st == HUSH_OK && nest + 1 < HUSHI_VIEW_MAX_NESTING && looks_like_json(text, size)) {
        hushi_view_chain_t inner = *chain;
        if (hushi_label_append(inner.label, HUSHI_LAYER_JSON))
            st = lex_nested(v, &inner, nest + 1);
    }
    return st;
}

/* Bytes that end a URL: a URL inside text (JSON in a value, a log message)
 * stops at the first of them. */
static bool ends_url(unsigned char c)
{
    return c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' ||
           c == '\\' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`';
}

/* Parameters of the query starting at p[i] (just after '?', or the start of
 * a form body), up to the end of the URL. */
static hush_status_t query_parameters(hushi_views_t *v, const hushi_view_chain_t *chain, size_t ts,
                                      const unsigned char *p, size_t n, size_t i)
{
    hush_status_t st = HUSH_OK;
    while (st == HUSH_OK && i < n && !ends_url(p[i])) {
        size_t name_start = i;
        while (i < n && p[i] != '=' && p[i] != '&' && p[i] != '#' && !ends_url(p[i]))
            i++;
        size_t name_end = i;
        if (i < n && p[i] == '&') { /* a name without a value */
            i++;
            continue;
        }
        if (i >= n || p[i] != '=')
            break; /* '#' or the URL's end: no more parameters */
        size_t value_start = ++i;
        while (i < n && p[i] != '&' && p[i] != '#' && !ends_url(p[i]))
            i++;
        char name[HUSHI_MAX_STRUCTURE_NAME + 1];
        int32_t rule = -1;
        if (hushi_structure_name_normalize(p + name_start, name_end - name_start, name,
                                          sizeof name))
            rule = rule_named(v, HUSHI_STRUCTURE_QUERY_PARAMETER, name);
        if (rule >= 0) {
            char shown[HUSHI_VIEW_SHOWN_NAME + 1];
            size_t k = name_end - name_start < HUSHI_VIEW_SHOWN_NAME ? name_end - name_start
                                                                     : HUSHI_VIEW_SHOWN_NAME;
            memcpy(shown, p + name_start, k);
            shown[k] = '\0';
            st = hushi_view_structural(v->sink, chain, ts + value_start, ts + i, (uint32_t)rule,
                                      shown, true);
        }
        if (i >= n || p[i] != '&')
            break;
        i++;
    }
    return st;
}

/* URL query or form parameters named by a query-parameter rule: in every
 * URL query of the value, or in the whole value when it is a form body. */
static hush_status_t find_parameters(hushi_views_t *v, const hushi_view_chain_t *chain, size_t ts,
                                     size_t te)
{
    size_t size;
    const unsigned char *p = hushi_chain_text(chain, &size) + ts;
    size_t n = te - ts;
    const unsigned char *q = memchr(p, '?', n);
    if (!q) {
        for (size_t i = 0; i < n; i++)
            if (ends_url(p[i]) || p[i] == '/')
                return HUSH_OK; /* neither a URL with a query nor a form body */
        return query_parameters(v, chain, ts, p, n, 0);
    }
    hush_status_t st = HUSH_OK;
    for (; st == HUSH_OK && q; q = memchr(q + 1, '?', n - (size_t)(q + 1 - p)))
        st = query_parameters(v, chain, ts, p, n, (size_t)(q - p) + 1);
    return st;
}

/* Everything about one string value: its decoded and percent-decoded
 * views, JSON inside it, its member name and its URL parameters. */
static hush_status_t examine_value(lexing_t *lx, const frame_t *f, uint64_t s, uint64_t e,
                                   bool escaped)
{
    hushi_views_t *v = lx->v;
    if (e - s > HUSHI_VIEW_MAX_VALUE)
        return HUSH_OK;
    hushi_view_chain_t chain;
    size_t ts, te;
    hush_status_t st = value_view(lx, s, e, escaped, HUSHI_LAYER_JSON, &chain, &ts, &te);
    if (st == HUSH_OK && escaped && chain.layers[chain.count - 1].dec->changed)
        st = examine_text(v, &chain, lx->nest);
    size_t size;
    const unsigned char *text = hushi_chain_text(&chain, &size);
    if (st == HUSH_OK && has_percent_escape(text + ts, te - ts) &&
        chain.count < HUSHI_VIEW_MAX_CHAIN) {
        hushi_view_chain_t decoded = chain;
        hushi_decoded_t *dec;
        st = decode_layer(v, &decoded, HUSHI_LAYER_PERCENT, ts, te, &dec);
        if (st == HUSH_OK && hushi_chain_push(&decoded, HUSHI_LAYER_PERCENT, dec, ts) &&
            hushi_label_append(decoded.label, HUSHI_LAYER_PERCENT))
            st = hushi_view_scan(v->sink, &decoded);
    }
    if (st == HUSH_OK && f && f->key_rule >= 0)
        st = hushi_view_structural(v->sink, &chain, ts, te, (uint32_t)f->key_rule, f->shown_key,
                                  false);
    if (st == HUSH_OK && memchr(text + ts, '=', te - ts))
        st = find_parameters(v, &chain, ts, te);
    return st;
}

/* A short value as text (decoded when escaped), for comparisons; NULL when
 * longer than `max`. */
static const unsigned char *short_value(lexing_t *lx, uint64_t s, uint64_t e, bool escaped,
                                        size_t max, size_t *size)
{
    if (e - s > max)
        return NULL;
    const unsigned char *p;
    if (lx->nest == 0) {
        p = stream_at(lx->v, s);
    } else {
        size_t n;
        p = hushi_chain_text(lx->chain, &n) + s;
    }
    *size = (size_t)(e - s);
    if (!escaped)
        return p;
    if (hushi_decode_json_string(p, *size, &lx->v->name_scratch) != HUSH_OK)
        return NULL;
    *size = lx->v->name_scratch.size;
    return lx->v->name_scratch.bytes;
}

static void copy_shown(char *out, const unsigned char *p, size_t n)
{
    if (n > HUSHI_VIEW_SHOWN_NAME)
        n = HUSHI_VIEW_SHOWN_NAME;
    memcpy(out, p, n);
    out[n] = '\0';
}

static bool contains(const unsigned char *p, size_t n, const char *needle)
{
    return memmem(p, n, needle, strlen(needle)) != NULL;
}

/* https://{vault}.vault.azure.net/secrets/{name}[/{version}] and the other clouds. */
static bool is_keyvault_secret_url(const unsigned char *p, size_t n)
{
    return (contains(p, n, ".vault.") || contains(p, n, ".managedhsm.")) &&
           contains(p, n, "/secrets/");
}

/* /secrets/{name}/value: the Key Vault connector's Get secret request. */
static bool is_keyvault_value_path(const unsigned char *p, size_t n)
{
    const unsigned char *s = memmem(p, n, "/secrets/", 9);
    if (!s)
        return false;
    size_t rest = n - (size_t)(s - p) - 9;
    const unsigned char *name = s + 9, *slash = memchr(name, '/', rest);
    return slash && slash > name && (size_t)(name + rest - slash) >= 6 &&
           memcmp(slash, "/value", 6) == 0;
}

static void remember(span_t *span, uint64_t s, uint64_t e, bool escaped)
{
    *span = (span_t){.start = s, .end = e, .set = true, .escaped = escaped};
}

/* Facts a member gives its object: names, Key Vault ids and paths, base64. */
static void note_member(lexing_t *lx, frame_t *f, uint32_t depth, uint64_t s, uint64_t e,
                        bool escaped)
{
    hushi_views_t *v = lx->v;
    const char *key = f->key;
    size_t n;
    const unsigned char *p;
    if (strcmp(key, "value") == 0) {
        remember(&f->value, s, e, escaped);
        if (depth >= 2 && strcmp(f->container_key, "body") == 0 &&
            strcmp(lx->frames[depth - 1].container_key, "outputs") == 0)
            remember(&lx->frames[depth - 2].body_value, s, e, escaped);
    } else if (strcmp(key, "text") == 0) {
        remember(&f->text, s, e, escaped);
    } else if (strcmp(key, "name") == 0 &&
               (p = short_value(lx, s, e, escaped, HUSHI_MAX_STRUCTURE_NAME * 2, &n))) {
        char name[HUSHI_MAX_STRUCTURE_NAME + 1];
        copy_shown(f->shown_name, p, n);
        f->name_rule = -1;
        if (hushi_structure_name_normalize(p, n, name, sizeof name)) {
            static const hushi_structure_kind_t kinds[] = {HUSHI_STRUCTURE_NAME_VALUE,
                                                          HUSHI_STRUCTURE_QUERY_PARAMETER,
                                                          HUSHI_STRUCTURE_JSON_KEY};
            for (size_t k = 0; k < 3 && f->name_rule < 0; k++)
                f->name_rule = rule_named(v, kinds[k], name);
        }
    } else if (strcmp(key, "id") == 0 && (p = short_value(lx, s, e, escaped, 512, &n))) {
        f->kv_id = is_keyvault_secret_url(p, n);
    } else if ((strcmp(key, "path") == 0 || strcmp(key, "uri") == 0) && depth >= 1 &&
               strcmp(f->container_key, "inputs") == 0 &&
               (p = short_value(lx, s, e, escaped, 2048, &n)) && is_keyvault_value_path(p, n)) {
        lx->frames[depth - 1].kv_path = true;
    } else if (strcmp(key, "encoding") == 0 && (p = short_value(lx, s, e, escaped, 16, &n))) {
        f->base64 = n == 6 && memcmp(p, "base64", 6) == 0;
    }
}

/* Leading auth scheme word of a header value ("Bearer ", "Basic "). */
static size_t scheme_length(const unsigned char *p, size_t n)
{
    /* ApiKey: Elasticsearch; SSWS: Okta. */
    static const char *const schemes[] = {"bearer ", "basic ", "digest ", "negotiate ",
                                          "ntlm ", "token ", "apikey ", "ssws "};
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++) {
        size_t k = strlen(schemes[i]);
        if (n > k && strncasecmp((const char *)p, schemes[i], k) == 0)
            return k;
    }
    return 0;
}

/* Authorization: Basic base64(user:password).  The password is the secret:
 * the base64 quads holding it are the finding (the user name's stay
 * readable), and the decoded pair is scanned, so a token used as the
 * password (an Azure DevOps PAT) is named by its own rule.  *done is false
 * when the value does not decode to such a pair. */
static hush_status_t basic_credential(lexing_t *lx, const hushi_view_chain_t *outer, size_t ts,
                                      size_t te, int32_t rule, const char *context, bool *done)
{
    hushi_views_t *v = lx->v;
    hushi_view_chain_t chain = *outer;
    *done = false;
    if (!push_base64_layer(v, &chain, ts, te))
        return HUSH_OK;
    const hushi_decoded_t *dec = chain.layers[chain.count - 1].dec;
    const unsigned char *colon = memchr(dec->bytes, ':', dec->size);
    if (!colon)
        return HUSH_OK;
    *done = true;
    hush_status_t st = hushi_view_scan(v->sink, &chain);
    size_t password = (size_t)(colon - dec->bytes) + 1;
    if (st == HUSH_OK)
        st = hushi_view_structural(v->sink, &chain, password, dec->size, (uint32_t)rule, context,
                                  false);
    return st;
}

static hush_status_t structural_value(lexing_t *lx, const span_t *span, int32_t rule,
                                      const char *context)
{
    hushi_views_t *v = lx->v;
    hushi_view_chain_t chain;
    size_t ts, te;
    hush_status_t st =
        value_view(lx, span->start, span->end, span->escaped, HUSHI_LAYER_JSON, &chain, &ts, &te);
    if (st != HUSH_OK)
        return st;
    hushi_structure_kind_t kind = v->config.rules->rules[rule].structure;
    if (kind == HUSHI_STRUCTURE_NAME_VALUE) {
        size_t size;
        const unsigned char *text = hushi_chain_text(&chain, &size);
        size_t scheme = scheme_length(text + ts, te - ts);
        if (scheme == 6 && strncasecmp((const char *)text + ts, "basic ", 6) == 0) {
            bool done = false;
            st = basic_credential(lx, &chain, ts + scheme, te, rule, context, &done);
            if (st != HUSH_OK || done)
                return st;
        }
        ts += scheme;
    }
    return hushi_view_structural(v->sink, &chain, ts, te, (uint32_t)rule, context,
                                kind == HUSHI_STRUCTURE_QUERY_PARAMETER);
}

/* A HAR body whose "encoding" is base64: decoded, and scanned when text. */
static hush_status_t base64_value(lexing_t *lx, const span_t *span)
{
    hushi_view_chain_t chain;
    size_t ts, te;
    hush_status_t st =
        value_view(lx, span->start, span->end, span->escaped, HUSHI_LAYER_JSON, &chain, &ts, &te);
    if (st != HUSH_OK || !push_base64_layer(lx->v, &chain, ts, te))
        return st; /* not base64 after all, or an image */
    return examine_text(lx->v, &chain, lx->nest);
}

/* In the stream, bytes older than the longest wait may be gone: whether a
 * decision is made depends on offsets alone, so it is the same for any
 * split of the input. */
static bool waited_too_long(const lexing_t *lx, const span_t *span, uint64_t close)
{
    return lx->nest == 0 && close - span->start > HUSHI_VIEW_MAX_VALUE;
}

/* An object closed: decisions that waited for its siblings. */
static hush_status_t decide(lexing_t *lx, frame_t *f, uint64_t close)
{
    hushi_views_t *v = lx->v;
    hush_status_t st = HUSH_OK;
    if (f->value.set && !waited_too_long(lx, &f->value, close)) {
        if (f->name_rule >= 0)
            st = structural_value(lx, &f->value, f->name_rule, f->shown_name);
        else if (f->kv_id && v->keyvault_rule >= 0)
            st = structural_value(lx, &f->value, v->keyvault_rule, "value");
    }
    if (st == HUSH_OK && f->body_value.set && f->kv_path && v->keyvault_rule >= 0 &&
        !waited_too_long(lx, &f->body_value, close))
        st = structural_value(lx, &f->body_value, v->keyvault_rule, "body.value");
    if (st == HUSH_OK && f->text.set && f->base64 && !waited_too_long(lx, &f->text, close))
        st = base64_value(lx, &f->text);
    return st;
}

static void open_frame(lexing_t *lx, uint32_t depth, bool is_object)
{
    if (depth > HUSHI_LEX_MAX_DEPTH)
        return;
    const frame_t *parent = &lx->frames[depth - 1];
    frame_t *f = &lx->frames[depth];
    /* Cheaper than clearing the whole frame, at every container. */
    f->key[0] = f->shown_key[0] = f->shown_name[0] = '\0';
    f->value.set = f->body_value.set = f->text.set = false;
    f->kv_id = f->kv_path = f->base64 = false;
    f->is_object = is_object;
    copy_string(f->container_key, sizeof f->container_key,
                parent->is_object ? parent->key : parent->container_key);
    f->key_rule = f->name_rule = -1;
    lx->depth = depth;
}

static void set_key(lexing_t *lx, frame_t *f, const hushi_lex_event_t *ev)
{
    size_t n;
    const unsigned char *p =
        short_value(lx, ev->start, ev->end, ev->escaped, HUSHI_MAX_STRUCTURE_NAME * 2, &n);
    f->key[0] = '\0';
    f->shown_key[0] = '\0';
    f->key_rule = -1;
    if (!p || !hushi_structure_name_normalize(p, n, f->key, sizeof f->key))
        return;
    copy_shown(f->shown_key, p, n);
    f->key_rule = rule_named(lx->v, HUSHI_STRUCTURE_JSON_KEY, f->key);
}

static int on_json_event(void *ctx, const hushi_lex_event_t *ev)
{
    lexing_t *lx = ctx;
    hushi_views_t *v = lx->v;
    frame_t *f = ev->depth <= HUSHI_LEX_MAX_DEPTH ? &lx->frames[ev->depth] : NULL;
    hush_status_t st = HUSH_OK;
    switch (ev->kind) {
    case HUSHI_LEX_OBJECT_OPEN:
    case HUSHI_LEX_ARRAY_OPEN:
        open_frame(lx, ev->depth, ev->kind == HUSHI_LEX_OBJECT_OPEN);
        break;
    case HUSHI_LEX_OBJECT_CLOSE:
        if (f)
            st = decide(lx, f, ev->start);
        lx->depth = ev->depth ? ev->depth - 1 : 0;
        break;
    case HUSHI_LEX_ARRAY_CLOSE:
        lx->depth = ev->depth ? ev->depth - 1 : 0;
        break;
    case HUSHI_LEX_STRING_OPEN:
        if (lx->nest == 0)
            v->open_start = ev->start;
        break;
    case HUSHI_LEX_KEY:
        if (lx->nest == 0)
            v->open_start = NO_OFFSET;
        if (f && f->is_object)
            set_key(lx, f, ev);
        break;
    case HUSHI_LEX_STRING: {
        if (lx->nest == 0) {
            v->open_start = NO_OFFSET;
            st = label_add(v, ev->start, ev->end, hushi_layer_name(HUSHI_LAYER_JSON));
        }
        const frame_t *holder = f && ev->depth > 0 && f->is_object ? f : NULL;
        if (st == HUSH_OK)
            st = examine_value(lx, holder, ev->start, ev->end, ev->escaped);
        if (st == HUSH_OK && holder)
            note_member(lx, f, ev->depth, ev->start, ev->end, ev->escaped);
        break;
    }
    case HUSHI_LEX_ERROR:
        lx->depth = 0;
        if (lx->nest == 0)
            v->open_start = NO_OFFSET;
        break;
    default:
        break;
    }
    lx->status = st;
    return st != HUSH_OK;
}

/* ---- CSV ---------------------------------------------------------------------- */

/* The tokenizer does not say where a field opens, so the hold is where the
 * next field can start at the earliest: just after the previous one (or
 * record) ended.  A quoted field's content starts one byte later, hence the
 * strict bound on what is decoded. */
static int on_csv_event(void *ctx, const hushi_lex_event_t *ev)
{
    lexing_t *lx = ctx;
    hushi_views_t *v = lx->v;
    hush_status_t st = HUSH_OK;
    if (ev->kind == HUSHI_LEX_RECORD_END) {
        v->open_start = ev->start + 1;
    } else if (ev->kind == HUSHI_LEX_FIELD) {
        v->open_start = ev->end + 1;
        if (ev->quoted)
            st = label_add(v, ev->start, ev->end, hushi_layer_name(HUSHI_LAYER_CSV));
        if (st == HUSH_OK && ev->quoted && ev->escaped &&
            ev->end - ev->start < HUSHI_VIEW_MAX_VALUE) {
            hushi_view_chain_t chain;
            size_t ts, te;
            st = value_view(lx, ev->start, ev->end, true, HUSHI_LAYER_CSV, &chain, &ts, &te);
            if (st == HUSH_OK)
                st = examine_text(v, &chain, 0);
        }
    }
    lx->status = st;
    return st != HUSH_OK;
}

/* ---- tokenizing --------------------------------------------------------------- */

static hush_status_t lex_nested(hushi_views_t *v, const hushi_view_chain_t *chain, unsigned nest)
{
    lexing_t *lx = &v->nested[nest];
    lx->chain = chain;
    lx->depth = 0;
    lx->status = HUSH_OK;
    memset(&lx->frames[0], 0, sizeof lx->frames[0]);
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    hushi_lex_init(&lx->lex, HUSHI_LEX_JSON, 0, on_json_event, lx);
    if (!hushi_lex_feed(&lx->lex, text, size))
        hushi_lex_end(&lx->lex);
    return lx->status;
}

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* A CSV header: two or more short names, separated by commas. */
static bool is_csv_header(const unsigned char *p, size_t n)
{
    size_t fields = 0, i = 0;
    while (i <= n) {
        bool quoted = i < n && p[i] == '"';
        size_t start = i + quoted, j = start;
        while (j < n && (p[j] == '_' || p[j] == ' ' || p[j] == '.' || p[j] == '-' ||
                         (p[j] >= '0' && p[j] <= '9') || ((p[j] | 0x20) >= 'a' && (p[j] | 0x20) <= 'z')))
            j++;
        bool named = j > start && j - start <= HUSHI_MAX_STRUCTURE_NAME && p[start] != ' ' &&
                     !(p[start] >= '0' && p[start] <= '9');
        if (quoted && (j >= n || p[j] != '"'))
            return false;
        j += quoted;
        if (!named || (j < n && p[j] != ','))
            return false;
        fields++;
        i = j + 1;
    }
    return fields >= 2;
}

/* The format, from the first line; FORMAT_UNDECIDED until it is complete. */
static format_t sniff(const unsigned char *p, size_t n, bool complete)
{
    size_t i = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && is_space(p[i]))
        i++;
    if (i == n)
        return complete || n >= HUSHI_VIEW_SNIFF_MAX ? FORMAT_PLAIN : FORMAT_UNDECIDED;
    const unsigned char *nl = memchr(p + i, '\n', n - i);
    if (!nl && !complete && n < HUSHI_VIEW_SNIFF_MAX)
        return FORMAT_UNDECIDED;
    size_t line_end = nl ? (size_t)(nl - p) : n;
    if (p[i] == '{')
        return FORMAT_JSON;
    if (p[i] == '[') {
        size_t j = i + 1;
        while (j < line_end && (p[j] == ' ' || p[j] == '\t' || p[j] == '\r'))
            j++;
        return j == line_end || strchr("{[\"]", p[j]) ? FORMAT_JSON : FORMAT_PLAIN;
    }
    size_t header_end = line_end > i && p[line_end - 1] == '\r' ? line_end - 1 : line_end;
    return is_csv_header(p + i, header_end - i) ? FORMAT_CSV : FORMAT_PLAIN;
}

static hush_status_t lex_stream(hushi_views_t *v, const hushi_region_t *region, uint64_t from)
{
    v->region = region;
    if (v->format == FORMAT_UNDECIDED) {
        v->format = sniff(region->bytes + (0 - region->base), (size_t)(region->end - region->base),
                          region->stream_end);
        if (v->format == FORMAT_UNDECIDED || v->format == FORMAT_PLAIN) {
            v->end = region->end;
            return HUSH_OK;
        }
        hushi_lex_init(&v->top.lex, v->format == FORMAT_CSV ? HUSHI_LEX_CSV : HUSHI_LEX_JSON, 0,
                      v->format == FORMAT_CSV ? on_csv_event : on_json_event, &v->top);
        v->open_start = v->format == FORMAT_CSV ? 0 : NO_OFFSET;
        from = 0;
    }
    if (v->format == FORMAT_PLAIN || from >= region->end) {
        v->end = region->end;
        return HUSH_OK;
    }
    v->top.status = HUSH_OK;
    hushi_lex_feed(&v->top.lex, region->bytes + (from - region->base),
                  (size_t)(region->end - from));
    v->end = region->end;
    return v->top.status;
}

/* ---- public -------------------------------------------------------------------- */

hush_status_t hushi_views_create(const hushi_views_config_t *config, hushi_views_t **out)
{
    *out = NULL;
    hushi_views_t *v = calloc(1, sizeof *v);
    if (!v)
        return HUSH_ERR_NOMEM;
    v->config = *config;
    hushi_view_sink_config_t sink = {.rules = config->rules, .policy = config->policy,
                                    .mask = config->mask, .use_hyperscan = config->use_hyperscan,
                                    .emit = config->on_finding, .ctx = config->ctx,
                                    .message = config->message,
                                    .message_size = config->message_size};
    hush_status_t st = hushi_view_sink_create(&sink, &v->sink);
    lexing_t *all[HUSHI_VIEW_MAX_NESTING + 1] = {&v->top};
    for (unsigned i = 0; i < HUSHI_VIEW_MAX_NESTING; i++)
        all[i + 1] = &v->nested[i];
    /* nested[0] is unused: nest 0 is the stream (top). */
    for (unsigned i = 0; st == HUSH_OK && i <= HUSHI_VIEW_MAX_NESTING; i++) {
        all[i]->v = v;
        all[i]->nest = i == 0 ? 0 : i - 1; /* nested[k] tokenizes at nest k */
        all[i]->frames = calloc(HUSHI_LEX_MAX_DEPTH + 1, sizeof *all[i]->frames);
        if (!all[i]->frames)
            st = HUSH_ERR_NOMEM;
    }
    if (st == HUSH_OK)
        st = index_names(v);
    if (st != HUSH_OK) {
        hushi_views_destroy(v);
        return st;
    }
    hushi_views_reset(v);
    *out = v;
    return HUSH_OK;
}

void hushi_views_destroy(hushi_views_t *v)
{
    if (!v)
        return;
    hushi_view_sink_destroy(v->sink);
    free(v->top.frames);
    for (unsigned i = 0; i < HUSHI_VIEW_MAX_NESTING; i++)
        free(v->nested[i].frames);
    for (size_t i = 0; i <= HUSHI_VIEW_MAX_CHAIN; i++)
        hushi_decoded_free(&v->pool[i]);
    hushi_decoded_free(&v->name_scratch);
    free(v->names);
    free(v->wildcards);
    free(v->labels);
    free(v);
}

void hushi_views_reset(hushi_views_t *v)
{
    if (!v)
        return;
    v->format = FORMAT_UNDECIDED;
    v->end = 0;
    v->open_start = NO_OFFSET;
    v->top.depth = 0;
    memset(&v->top.frames[0], 0, sizeof v->top.frames[0]);
    v->label_head = v->label_count = 0;
    v->region = NULL;
}

hush_status_t hushi_views_feed(hushi_views_t *v, const hushi_region_t *region, uint64_t from)
{
    hush_status_t st = lex_stream(v, region, from);
    v->region = NULL;
    return st;
}

hush_status_t hushi_views_end(hushi_views_t *v, const hushi_region_t *region)
{
    hush_status_t st = lex_stream(v, region, v->end);
    if (st == HUSH_OK && (v->format == FORMAT_JSON || v->format == FORMAT_CSV)) {
        v->region = region;
        v->top.status = HUSH_OK;
        hushi_lex_end(&v->top.lex);
        st = v->top.status;
    }
    v->region = NULL;
    v->format = FORMAT_PLAIN; /* nothing more is held */
    v->open_start = NO_OFFSET;
    return st;
}

static uint64_t earlier(uint64_t hold, uint64_t end, const span_t *span)
{
    if (span->set && end - span->start <= HUSHI_VIEW_MAX_VALUE && span->start < hold)
        return span->start;
    return hold;
}

uint64_t hushi_views_hold(const hushi_views_t *v)
{
    if (!v || v->format == FORMAT_PLAIN)
        return NO_OFFSET;
    if (v->format == FORMAT_UNDECIDED)
        return 0;
    uint64_t hold = NO_OFFSET;
    if (v->open_start != NO_OFFSET && v->open_start <= v->end &&
        v->end - v->open_start <= HUSHI_VIEW_MAX_VALUE)
        hold = v->open_start;
    for (uint32_t d = 1; d <= v->top.depth && d <= HUSHI_LEX_MAX_DEPTH; d++) {
        const frame_t *f = &v->top.frames[d];
        hold = earlier(hold, v->end, &f->value);
        hold = earlier(hold, v->end, &f->body_value);
        hold = earlier(hold, v->end, &f->text);
    }
    return hold;
}

bool hushi_views_active(const hushi_views_t *v)
{
    return v && (v->format == FORMAT_JSON || v->format == FORMAT_CSV || v->label_count);
}
