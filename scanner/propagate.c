/*
 * Propagation: a value found once is found everywhere.
 *
 * hush_values_t is a hash set of the values a first pass found (open
 * addressing on a 64-bit FNV-1a hash; equal hashes are compared byte by
 * byte), each with the id of the rule that found it first.  hush_copies_t
 * compiles them into a Hyperscan database of plain literals (every byte
 * that is not a letter or digit written \xHH): thousands compile in about
 * a second, where the same values as known-secret patterns (an alternation
 * of escapes per byte) took tens of seconds.
 * It is a stream-mode database of its own, so the rule pack's databases keep
 * coming from the cache, and a literal's start is its end less its length
 * (no start-of-match tracking).  Every value and copy is wiped when freed.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "array_internal.h"
#include "error_internal.h"
#include "propagate.h"

/* Smallest hash table; it doubles at half full. */
#define VALUES_MIN_SLOTS 64u

typedef struct value_entry {
    unsigned char *bytes;
    size_t size;
    uint64_t hash;
    uint32_t id;          /* index in ids */
} value_entry_t;

struct hush_values {
    size_t max_values, max_bytes;
    value_entry_t *entries;
    size_t count, capacity;
    size_t bytes_total;
    uint32_t *slots;      /* entry index + 1; 0: empty */
    size_t slot_count;    /* a power of two */
    char **ids;           /* distinct rule ids, owned */
    size_t id_count, id_capacity;
    uint64_t dropped;
};

static uint64_t fnv1a(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

hush_status_t hush_values_create(const hush_values_config_t *config, hush_values_t **out)
{
    if (!out)
        return HUSH_ERR_ARGUMENT;
    *out = NULL;
    size_t max_values = config && config->max_values ? config->max_values : HUSH_VALUES_MAX;
    size_t max_bytes = config && config->max_bytes ? config->max_bytes : HUSH_VALUES_MAX_BYTES;
    if (max_values > HUSH_VALUES_MAX || max_bytes > HUSH_VALUES_MAX_BYTES)
        return HUSH_ERR_ARGUMENT;
    hush_values_t *v = calloc(1, sizeof *v);
    if (!v)
        return HUSH_ERR_NOMEM;
    v->max_values = max_values;
    v->max_bytes = max_bytes;
    *out = v;
    return HUSH_OK;
}

void hush_values_destroy(hush_values_t *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->count; i++) {
        OPENSSL_cleanse(v->entries[i].bytes, v->entries[i].size);
        free(v->entries[i].bytes);
    }
    /* The hashes say little, but nothing of the values stays behind. */
    if (v->entries)
        OPENSSL_cleanse(v->entries, v->capacity * sizeof *v->entries);
    free(v->entries);
    free(v->slots);
    for (size_t i = 0; i < v->id_count; i++)
        free(v->ids[i]);
    free(v->ids);
    free(v);
}

size_t hush_values_count(const hush_values_t *v) { return v ? v->count : 0; }

uint64_t hush_values_dropped(const hush_values_t *v) { return v ? v->dropped : 0; }

static hush_status_t intern_id(hush_values_t *v, const char *rule_id, uint32_t *out)
{
    for (size_t i = v->id_count; i-- > 0;) {
        if (strcmp(v->ids[i], rule_id) == 0) {
            *out = (uint32_t)i;
            return HUSH_OK;
        }
    }
    hush_status_t st = HUSHI_ARRAY_RESERVE(v->ids, v->id_count, v->id_capacity, 16, UINT32_MAX);
    if (st != HUSH_OK)
        return st;
    if (!(v->ids[v->id_count] = strdup(rule_id)))
        return HUSH_ERR_NOMEM;
    *out = (uint32_t)v->id_count++;
    return HUSH_OK;
}

static hush_status_t grow_slots(hush_values_t *v)
{
    size_t n = v->slot_count ? v->slot_count * 2 : VALUES_MIN_SLOTS;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return HUSH_ERR_NOMEM;
    for (size_t i = 0; i < v->count; i++) {
        size_t at = (size_t)v->entries[i].hash & (n - 1);
        while (slots[at])
            at = (at + 1) & (n - 1);
        slots[at] = (uint32_t)i + 1;
    }
    free(v->slots);
    v->slots = slots;
    v->slot_count = n;
    return HUSH_OK;
}

hush_status_t hushi_values_add(hush_values_t *v, const char *rule_id, const unsigned char *value,
                               size_t size)
{
    if (size < HUSH_KNOWN_SECRET_MIN || size > HUSH_KNOWN_SECRET_MAX)
        return HUSH_OK;
    uint64_t hash = fnv1a(value, size);
    size_t at = v->slot_count ? (size_t)hash & (v->slot_count - 1) : 0;
    for (; v->slot_count && v->slots[at]; at = (at + 1) & (v->slot_count - 1)) {
        const value_entry_t *e = &v->entries[v->slots[at] - 1];
        if (e->hash == hash && e->size == size && memcmp(e->bytes, value, size) == 0)
            return HUSH_OK;
    }
    if (v->count >= v->max_values || v->bytes_total + size > v->max_bytes) {
        v->dropped++;
        return HUSH_OK;
    }
    hush_status_t st = HUSH_OK;
    if (2 * (v->count + 1) > v->slot_count)
        st = grow_slots(v);
    /* Entries hold pointers and hashes, never value bytes: growing them by
     * realloc leaves no value behind. */
    if (st == HUSH_OK)
        st = HUSHI_ARRAY_RESERVE(v->entries, v->count, v->capacity, 256, v->max_values);
    uint32_t id = 0;
    if (st == HUSH_OK)
        st = intern_id(v, rule_id, &id);
    unsigned char *copy = st == HUSH_OK ? malloc(size) : NULL;
    if (!copy) {
        v->dropped++; /* not kept, as past a cap */
        return st == HUSH_OK ? HUSH_ERR_NOMEM : st;
    }
    memcpy(copy, value, size);
    v->entries[v->count] = (value_entry_t){.bytes = copy, .size = size, .hash = hash, .id = id};
    at = (size_t)hash & (v->slot_count - 1);
    while (v->slots[at])
        at = (at + 1) & (v->slot_count - 1);
    v->slots[at] = (uint32_t)v->count + 1;
    v->count++;
    v->bytes_total += size;
    return HUSH_OK;
}

/* ---- copies ---------------------------------------------------------------- */

/* The forms a value is matched in, where the raw bytes show it escaped (a
 * plain log line quoting JSON, a URL, HTML); decoded views see the value
 * itself.  Forms equal to an earlier one are left out. */
typedef enum copy_form {
    FORM_RAW = 0,
    FORM_JSON,         /* " \ and control bytes escaped, as most writers do */
    FORM_JSON_SLASH,   /* also / as \/ (.NET, PHP) */
    FORM_PERCENT,      /* every byte but A-Z a-z 0-9 - . _ ~ as %XX */
    FORM_HTML,         /* & < > " ' as &amp; &lt; &gt; &quot; &#39; */
    FORM_COUNT
} copy_form_t;
/* An escaped form longer than this is left out (only its value's other
 * forms are found): it would hold output back that much longer. */
#define COPY_FORM_MAX 4096u

typedef struct copy_entry {
    size_t offset, size;  /* the value, in hush_copies.arena */
    uint32_t rule;
} copy_entry_t;

/* One literal of the database (its Hyperscan id is its index). */
typedef struct copy_literal {
    uint32_t entry;
    size_t size;          /* bytes of the form: a copy's span */
} copy_literal_t;

struct hush_copies {
    hs_database_t *db;    /* NULL when there are no values */
    unsigned char *arena; /* every value, one after the other */
    size_t arena_size;
    copy_entry_t *entries;
    size_t count;
    copy_literal_t *literals;
    size_t literal_count;
    size_t longest;       /* longest literal */
};

void hush_copies_destroy(hush_copies_t *c)
{
    if (!c)
        return;
    hs_free_database(c->db);
    if (c->arena)
        OPENSSL_cleanse(c->arena, c->arena_size);
    free(c->arena);
    free(c->entries);
    free(c->literals);
    free(c);
}

/* A value as a regex that matches exactly its bytes: letters and digits as
 * written, every other byte as \xHH (NUL-terminated, wiped by the caller). */
static char *literal_pattern(const unsigned char *value, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    char *p = malloc(4 * size + 1), *w = p;
    if (!p)
        return NULL;
    for (size_t i = 0; i < size; i++) {
        unsigned char ch = value[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
            *w++ = (char)ch;
        } else {
            *w++ = '\\';
            *w++ = 'x';
            *w++ = hex[ch >> 4];
            *w++ = hex[ch & 15];
        }
    }
    *w = '\0';
    return p;
}

static bool unreserved(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '.' || ch == '_' || ch == '~';
}

static const char *html_escape(unsigned char ch)
{
    switch (ch) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

/* Writes form `form` of the value into out (room for 6 bytes per byte);
 * returns its size. */
static size_t write_form(copy_form_t form, const unsigned char *v, size_t n, unsigned char *out)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = v[i];
        const char *esc = NULL;
        char buf[8] = {0};
        if ((form == FORM_JSON || form == FORM_JSON_SLASH) &&
            (ch == '"' || ch == '\\' || ch < 0x20 || (ch == '/' && form == FORM_JSON_SLASH))) {
            const char *shorts = ch == '\n' ? "\\n" : ch == '\t' ? "\\t" : ch == '\r' ? "\\r"
                                 : NULL;
            if (!shorts)
                snprintf(buf, sizeof buf, ch < 0x20 ? "\\u%04x" : "\\%c", ch);
            esc = shorts ? shorts : buf;
        } else if (form == FORM_PERCENT && !unreserved(ch)) {
            snprintf(buf, sizeof buf, "%%%c%c", hex[ch >> 4], hex[ch & 15]);
            esc = buf;
        } else if (form == FORM_HTML) {
            esc = html_escape(ch);
        }
        if (esc) {
            size_t k = strlen(esc);
            memcpy(out + o, esc, k);
            o += k;
            OPENSSL_cleanse(buf, sizeof buf);
        } else {
            out[o++] = ch;
        }
    }
    return o;
}

/* hs_compile_multi on escaped literals rather than hs_compile_lit_multi:
 * Hyperscan 5.4's literal API scans some sets of literals (one a prefix of
 * another) into HS_UNKNOWN_ERROR (intel/hyperscan#303, #353), and a corpus
 * here hit it.  Each value gives its distinct forms (copy_form_t). */
static hush_status_t copies_compile(hush_copies_t *c, hush_error_t *err)
{
    size_t most = c->count * FORM_COUNT;
    char **exprs = calloc(most, sizeof *exprs);
    unsigned *flags = calloc(most, sizeof *flags);
    unsigned *ids = calloc(most, sizeof *ids);
    c->literals = calloc(most, sizeof *c->literals);
    unsigned char *forms = malloc(FORM_COUNT * 6 * HUSH_KNOWN_SECRET_MAX);
    hush_status_t st = exprs && flags && ids && c->literals && forms ? HUSH_OK : HUSH_ERR_NOMEM;
    for (size_t i = 0; st == HUSH_OK && i < c->count; i++) {
        const unsigned char *value = c->arena + c->entries[i].offset;
        size_t size = c->entries[i].size, sizes[FORM_COUNT];
        for (unsigned f = 0; st == HUSH_OK && f < FORM_COUNT; f++) {
            unsigned char *form = forms + (size_t)f * 6 * HUSH_KNOWN_SECRET_MAX;
            sizes[f] = write_form((copy_form_t)f, value, size, form);
            bool seen = sizes[f] > COPY_FORM_MAX;
            for (unsigned g = 0; !seen && g < f; g++)
                seen = sizes[g] == sizes[f] &&
                       memcmp(forms + (size_t)g * 6 * HUSH_KNOWN_SECRET_MAX, form, sizes[f]) == 0;
            if (seen)
                continue;
            size_t k = c->literal_count;
            if (!(exprs[k] = literal_pattern(form, sizes[f]))) {
                st = HUSH_ERR_NOMEM;
                break;
            }
            ids[k] = (unsigned)k;
            c->literals[k] = (copy_literal_t){.entry = (uint32_t)i, .size = sizes[f]};
            if (sizes[f] > c->longest)
                c->longest = sizes[f];
            c->literal_count++;
        }
    }
    if (forms)
        OPENSSL_cleanse(forms, FORM_COUNT * 6 * HUSH_KNOWN_SECRET_MAX);
    free(forms);
    hs_compile_error_t *error = NULL;
    if (st == HUSH_OK &&
        hs_compile_multi((const char *const *)exprs, flags, ids, (unsigned)c->literal_count,
                         HS_MODE_STREAM, NULL, &c->db, &error) != HS_SUCCESS) {
        /* Never the value: Hyperscan's message may quote the expression. */
        hushi_error_set(err, "propagated values: Hyperscan refused the literal database");
        hs_free_compile_error(error);
        st = HUSH_ERR_HYPERSCAN;
    }
    for (size_t i = 0; exprs && i < c->literal_count; i++) {
        OPENSSL_cleanse(exprs[i], strlen(exprs[i]));
        free(exprs[i]);
    }
    free(exprs);
    free(flags);
    free(ids);
    return st;
}

hush_status_t hush_copies_create(const hush_rules_t *rules, const hush_values_t *values,
                                 hush_copies_t **out, hush_error_t *err)
{
    hush_error_t scratch_err;
    if (!err)
        err = &scratch_err;
    err->message[0] = '\0';
    if (!out || !rules || !values)
        return HUSH_ERR_ARGUMENT;
    *out = NULL;
    hush_copies_t *c = calloc(1, sizeof *c);
    if (!c)
        return HUSH_ERR_NOMEM;
    long *rule_of_id = calloc(values->id_count + 1, sizeof *rule_of_id);
    hush_status_t st = rule_of_id ? HUSH_OK : HUSH_ERR_NOMEM;
    for (size_t i = 0; st == HUSH_OK && i < values->id_count; i++) {
        rule_of_id[i] = hush_rules_find(rules, values->ids[i]);
        if (rule_of_id[i] < 0) {
            hushi_error_set(err, "propagated values: rule %s is not in the rule set",
                            values->ids[i]);
            st = HUSH_ERR_ARGUMENT;
        }
    }
    if (st == HUSH_OK && values->count) {
        c->arena = malloc(values->bytes_total);
        c->entries = calloc(values->count, sizeof *c->entries);
        if (!c->arena || !c->entries)
            st = HUSH_ERR_NOMEM;
    }
    for (size_t i = 0; st == HUSH_OK && i < values->count; i++) {
        const value_entry_t *e = &values->entries[i];
        memcpy(c->arena + c->arena_size, e->bytes, e->size);
        c->entries[i] = (copy_entry_t){.offset = c->arena_size, .size = e->size,
                                       .rule = (uint32_t)rule_of_id[e->id]};
        c->arena_size += e->size;
        c->count++;
    }
    free(rule_of_id);
    if (st == HUSH_OK && c->count)
        st = copies_compile(c, err);
    if (st != HUSH_OK) {
        if (st == HUSH_ERR_NOMEM && !err->message[0])
            hushi_error_set(err, "propagated values: out of memory");
        hush_copies_destroy(c);
        return st;
    }
    *out = c;
    return HUSH_OK;
}

size_t hushi_copies_longest(const hush_copies_t *c) { return c ? c->longest : 0; }

/* ---- one stream ---------------------------------------------------------------- */

struct hushi_copy_stream {
    const hush_copies_t *copies;
    hs_scratch_t *scratch;
    hs_stream_t *stream;   /* open while a stream is being scanned */
};

hush_status_t hushi_copy_stream_create(const hush_copies_t *copies, hushi_copy_stream_t **out)
{
    *out = NULL;
    hushi_copy_stream_t *cs = calloc(1, sizeof *cs);
    if (!cs)
        return HUSH_ERR_NOMEM;
    cs->copies = copies;
    if (copies->db && hs_alloc_scratch(copies->db, &cs->scratch) != HS_SUCCESS) {
        free(cs);
        return HUSH_ERR_HYPERSCAN;
    }
    *out = cs;
    return HUSH_OK;
}

void hushi_copy_stream_destroy(hushi_copy_stream_t *cs)
{
    if (!cs)
        return;
    hushi_copy_stream_reset(cs);
    hs_free_scratch(cs->scratch);
    free(cs);
}

void hushi_copy_stream_reset(hushi_copy_stream_t *cs)
{
    if (cs && cs->stream) {
        hs_close_stream(cs->stream, cs->scratch, NULL, NULL);
        cs->stream = NULL;
    }
}

typedef struct copy_scan {
    const hush_copies_t *copies;
    hushi_copy_fn fn;
    void *ctx;
    hush_status_t status;
} copy_scan_t;

static int on_literal(unsigned int id, unsigned long long from, unsigned long long to,
                      unsigned int flags, void *ctx)
{
    (void)from; /* 0: no start-of-match tracking; the length gives the start */
    (void)flags;
    copy_scan_t *scan = ctx;
    const copy_literal_t *lit = &scan->copies->literals[id];
    const copy_entry_t *e = &scan->copies->entries[lit->entry];
    scan->status = scan->fn(scan->ctx, e->rule, to - lit->size, to,
                            scan->copies->arena + e->offset, e->size);
    return scan->status == HUSH_OK ? 0 : 1;
}

hush_status_t hushi_copy_stream_scan(hushi_copy_stream_t *cs, const unsigned char *bytes,
                                     size_t size, hushi_copy_fn fn, void *ctx)
{
    if (!cs->copies->db || size == 0)
        return HUSH_OK;
    if (!cs->stream && hs_open_stream(cs->copies->db, 0, &cs->stream) != HS_SUCCESS)
        return HUSH_ERR_HYPERSCAN;
    copy_scan_t scan = {.copies = cs->copies, .fn = fn, .ctx = ctx, .status = HUSH_OK};
    hs_error_t e = hs_scan_stream(cs->stream, (const char *)bytes, (unsigned)size, 0, cs->scratch,
                                  on_literal, &scan);
    if (scan.status != HUSH_OK)
        return scan.status;
    return e == HS_SUCCESS ? HUSH_OK : HUSH_ERR_HYPERSCAN;
}
