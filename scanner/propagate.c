/*
 * Propagation: a value found once is found everywhere.
 *
 * hush_values_t is a hash set of the values a first pass found (open
 * addressing on a 64-bit FNV-1a hash; equal hashes are compared byte by
 * byte), each with the id of the rule that found it first.  hush_copies_t
 * indexes every form of every value (as written, JSON-, percent- and
 * HTML-escaped) by its first 8 bytes: a bitmap of their hashes rejects
 * nearly every offset of the input with one bit test, and the few left are
 * looked up in a hash table and compared byte by byte.  Nothing is compiled:
 * a Hyperscan database of the same literals took about 0.4 s for 6,000
 * values, the same values as known-secret patterns (an alternation of
 * escapes per byte) tens of seconds, and Hyperscan 5.4's literal API scans
 * some literal sets into HS_UNKNOWN_ERROR (intel/hyperscan#303).  The rule
 * pack's databases stay as they are (and cached).  Every value, form and
 * buffered input byte is wiped when freed.
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
    hush_confidence_t confidence; /* the highest it was found at */
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

hush_status_t hushi_values_add(hush_values_t *v, const char *rule_id, hush_confidence_t confidence,
                               const unsigned char *value, size_t size)
{
    if (size < HUSH_KNOWN_SECRET_MIN || size > HUSH_KNOWN_SECRET_MAX)
        return HUSH_OK;
    uint64_t hash = fnv1a(value, size);
    size_t at = v->slot_count ? (size_t)hash & (v->slot_count - 1) : 0;
    for (; v->slot_count && v->slots[at]; at = (at + 1) & (v->slot_count - 1)) {
        value_entry_t *e = &v->entries[v->slots[at] - 1];
        if (e->hash == hash && e->size == size && memcmp(e->bytes, value, size) == 0) {
            if (confidence > e->confidence)
                e->confidence = confidence;
            return HUSH_OK;
        }
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
    v->entries[v->count] = (value_entry_t){.bytes = copy, .size = size, .hash = hash, .id = id,
                                           .confidence = confidence};
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
    hush_confidence_t confidence; /* the value's, from the values set */
} copy_entry_t;

/* One form of one value: the bytes a copy's span holds. */
typedef struct copy_literal {
    uint32_t entry;
    uint32_t next;        /* next literal with the same first 8 bytes, + 1; 0: none */
    size_t offset, size;  /* in hush_copies.forms */
} copy_literal_t;

/* Every form starts with 8 bytes (a value has HUSH_KNOWN_SECRET_MIN = 8 or
 * more): the first 8 are the key of a hash table, and a bitmap of their
 * hashes (32 KiB, in the first-level cache) rejects nearly every offset with
 * one bit test. */
#define COPY_KEY_BYTES 8u
#define COPY_FILTER_BITS 18u

struct hush_copies {
    unsigned char *arena; /* every value, one after the other */
    size_t arena_size;
    copy_entry_t *entries;
    size_t count;
    unsigned char *forms; /* every literal's bytes */
    size_t forms_size, forms_capacity;
    copy_literal_t *literals;
    size_t literal_count;
    uint64_t *keys;       /* hash table of first 8 bytes: key, and first literal + 1 */
    uint32_t *heads;
    unsigned table_bits;
    uint64_t *filter;     /* 2^COPY_FILTER_BITS bits */
    size_t longest;       /* longest literal */
};

void hush_copies_destroy(hush_copies_t *c)
{
    if (!c)
        return;
    if (c->arena)
        OPENSSL_cleanse(c->arena, c->arena_size);
    if (c->forms)
        OPENSSL_cleanse(c->forms, c->forms_capacity);
    if (c->keys)
        OPENSSL_cleanse(c->keys, ((size_t)1 << c->table_bits) * sizeof *c->keys);
    free(c->arena);
    free(c->forms);
    free(c->entries);
    free(c->literals);
    free(c->keys);
    free(c->heads);
    free(c->filter);
    free(c);
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

static uint64_t key_at(const unsigned char *p)
{
    uint64_t k;
    memcpy(&k, p, sizeof k);
    return k;
}

static uint64_t key_hash(uint64_t k) { return k * 0x9E3779B97F4A7C15ull; }

static bool filter_has(const uint64_t *filter, uint64_t h)
{
    uint64_t bit = h >> (64 - COPY_FILTER_BITS);
    return (filter[bit >> 6] >> (bit & 63)) & 1;
}

/* The slot of key k: where it is, or the empty one where it goes. */
static size_t slot_of(const hush_copies_t *c, uint64_t k)
{
    size_t mask = ((size_t)1 << c->table_bits) - 1;
    size_t at = (size_t)(key_hash(k) >> (64 - c->table_bits));
    while (c->heads[at] && c->keys[at] != k)
        at = (at + 1) & mask;
    return at;
}

static hush_status_t add_literal(hush_copies_t *c, uint32_t entry, const unsigned char *form,
                                 size_t size)
{
    size_t k = c->literal_count;
    memcpy(c->forms + c->forms_size, form, size);
    c->literals[k] = (copy_literal_t){.entry = entry, .offset = c->forms_size, .size = size};
    c->forms_size += size;
    uint64_t key = key_at(form);
    size_t at = slot_of(c, key);
    /* Chained in front: the order of literals sharing a key does not matter. */
    c->literals[k].next = c->heads[at];
    c->keys[at] = key;
    c->heads[at] = (uint32_t)k + 1;
    uint64_t bit = key_hash(key) >> (64 - COPY_FILTER_BITS);
    c->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
    if (size > c->longest)
        c->longest = size;
    c->literal_count++;
    return HUSH_OK;
}

/* The index of every distinct form of every value (copy_form_t).  No
 * compilation: a Hyperscan database of the same literals took about 0.4 s
 * for 6,000 values (bench/RESULTS.md), longer than scanning the files. */
static hush_status_t copies_index(hush_copies_t *c)
{
    size_t most = c->count * FORM_COUNT;
    c->table_bits = 4;
    while (((size_t)1 << c->table_bits) < 2 * most)
        c->table_bits++;
    size_t slots = (size_t)1 << c->table_bits;
    unsigned char *forms = malloc(FORM_COUNT * 6 * HUSH_KNOWN_SECRET_MAX);
    /* The forms' total size first, so that their buffer is allocated once
     * (growing it by realloc would leave copies behind). */
    c->forms_capacity = 1;
    for (size_t i = 0; forms && i < c->count; i++)
        for (unsigned f = 0; f < FORM_COUNT; f++)
            c->forms_capacity += write_form((copy_form_t)f, c->arena + c->entries[i].offset,
                                            c->entries[i].size, forms);
    c->forms = malloc(c->forms_capacity);
    c->literals = calloc(most, sizeof *c->literals);
    c->keys = calloc(slots, sizeof *c->keys);
    c->heads = calloc(slots, sizeof *c->heads);
    c->filter = calloc((size_t)1 << (COPY_FILTER_BITS - 6), sizeof *c->filter);
    hush_status_t st = c->forms && c->literals && c->keys && c->heads && c->filter && forms
                           ? HUSH_OK
                           : HUSH_ERR_NOMEM;
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
            if (!seen)
                st = add_literal(c, (uint32_t)i, form, sizes[f]);
        }
    }
    if (forms)
        OPENSSL_cleanse(forms, FORM_COUNT * 6 * HUSH_KNOWN_SECRET_MAX);
    free(forms);
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
                                       .rule = (uint32_t)rule_of_id[e->id],
                                       .confidence = e->confidence};
        c->arena_size += e->size;
        c->count++;
    }
    free(rule_of_id);
    if (st == HUSH_OK && c->count)
        st = copies_index(c);
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
    unsigned char *buf;    /* the last longest-1 bytes seen, then the new ones */
    size_t capacity, tail;
    uint64_t fed;          /* stream bytes scanned so far */
};

hush_status_t hushi_copy_stream_create(const hush_copies_t *copies, hushi_copy_stream_t **out)
{
    *out = NULL;
    hushi_copy_stream_t *cs = calloc(1, sizeof *cs);
    if (!cs)
        return HUSH_ERR_NOMEM;
    cs->copies = copies;
    *out = cs;
    return HUSH_OK;
}

void hushi_copy_stream_destroy(hushi_copy_stream_t *cs)
{
    if (!cs)
        return;
    if (cs->buf)
        OPENSSL_cleanse(cs->buf, cs->capacity);
    free(cs->buf);
    free(cs);
}

void hushi_copy_stream_reset(hushi_copy_stream_t *cs)
{
    if (!cs)
        return;
    if (cs->buf)
        OPENSSL_cleanse(cs->buf, cs->tail);
    cs->tail = 0;
    cs->fed = 0;
}

/* Makes room for `size` bytes after the tail; the old bytes are wiped
 * (they are input, which may hold secrets). */
static hush_status_t reserve(hushi_copy_stream_t *cs, size_t size)
{
    if (cs->tail + size <= cs->capacity)
        return HUSH_OK;
    size_t capacity = cs->capacity ? cs->capacity : 64u << 10;
    while (capacity < cs->tail + size)
        capacity *= 2;
    unsigned char *buf = malloc(capacity);
    if (!buf)
        return HUSH_ERR_NOMEM;
    if (cs->buf) {
        memcpy(buf, cs->buf, cs->tail);
        OPENSSL_cleanse(cs->buf, cs->capacity);
        free(cs->buf);
    }
    cs->buf = buf;
    cs->capacity = capacity;
    return HUSH_OK;
}

hush_status_t hushi_copy_stream_scan(hushi_copy_stream_t *cs, const unsigned char *bytes,
                                     size_t size, hushi_copy_fn fn, void *ctx)
{
    const hush_copies_t *c = cs->copies;
    if (!c->literal_count || size == 0)
        return HUSH_OK;
    hush_status_t st = reserve(cs, size);
    if (st != HUSH_OK)
        return st;
    memcpy(cs->buf + cs->tail, bytes, size);
    size_t total = cs->tail + size;
    uint64_t base = cs->fed - cs->tail; /* stream offset of buf[0] */
    const unsigned char *b = cs->buf;
    /* Every copy that ends in the new bytes starts within the buffer: the
     * tail holds the longest literal's size less one. */
    for (size_t i = 0; st == HUSH_OK && i + COPY_KEY_BYTES <= total; i++) {
        uint64_t key = key_at(b + i);
        if (!filter_has(c->filter, key_hash(key)))
            continue;
        size_t at = slot_of(c, key);
        for (uint32_t l = c->heads[at]; st == HUSH_OK && l; l = c->literals[l - 1].next) {
            const copy_literal_t *lit = &c->literals[l - 1];
            if (i + lit->size > total || i + lit->size <= cs->tail ||
                memcmp(b + i, c->forms + lit->offset, lit->size) != 0)
                continue;
            const copy_entry_t *e = &c->entries[lit->entry];
            st = fn(ctx, e->rule, e->confidence, base + i, base + i + lit->size,
                    c->arena + e->offset, e->size);
        }
    }
    size_t keep = c->longest - 1 < total ? c->longest - 1 : total;
    memmove(cs->buf, cs->buf + total - keep, keep);
    cs->tail = keep;
    cs->fed += size;
    return st;
}
