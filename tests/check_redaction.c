/*
 * The redaction checker of the views property tests (see check_redaction.h):
 * scans a generated document every way it can be fed, with both engines and
 * every mask, and checks findings, redacted output and what can be read
 * back from it.
 *
 * This file is over 800 lines on purpose: it is one checker; what it checks
 * (findings, exact output, JSON and CSV shape, nothing readable after any
 * decoding, the same result whatever the feeding) shares its problem
 * reporting and its readers of the output.
 */
#include "check_redaction.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "require.h"

const unsigned char check_fingerprint_key[32] = "hush views test fingerprint key!";

/* ---- scanning every way --------------------------------------------------------- */

/* Indexed by enum feeding, for messages. */
static const char *const feeding_names[] = {"whole input", "random pieces", "byte by byte",
                                            "line by line with flush",
                                            "random pieces through input_buffer/commit",
                                            "two pieces"};

static bool output_holds_planted(const buf_t *out, const doc_t *d)
{
    for (size_t k = 0; k < d->planted_count; k++) {
        const planted_t *p = &d->planted[k];
        if (out->size && memmem(out->data, out->size, d->text.data + p->start,
                                (size_t)(p->end - p->start)))
            return true;
    }
    return false;
}

/* Scans `text` into *cap; false (with the scanner's message printed) when
 * a call failed. */
bool scan_feeding(hush_scanner_t *s, capture_t *cap, const char *text, size_t size,
                  enum feeding feeding, uint64_t seed, guard_t *guard)
{
    capture_reset(cap);
    hush_scanner_set_context(s, cap, cap);
    fake_rng_t rng;
    fake_rng_init(&rng, seed ^ 0x5eed);
    hush_status_t st = HUSH_OK;
    size_t pos = 0;
    while (st == HUSH_OK && pos < size) {
        size_t n = size - pos;
        if (feeding == FEED_BYTES) {
            n = 1;
        } else if (feeding == FEED_TWO_PIECES) {
            n = pos == 0 ? (size_t)seed : size - pos; /* seed: where to cut */
        } else if (feeding == FEED_PIECES || feeding == FEED_ZERO_COPY) {
            size_t most = PICK(&rng, 16, 256, 4096);
            n = 1 + below(&rng, (uint32_t)most);
        } else if (feeding == FEED_LINES_FLUSHED) {
            const char *nl = memchr(text + pos, '\n', size - pos);
            n = nl ? (size_t)(nl - (text + pos)) + 1 : size - pos;
        }
        if (n > size - pos)
            n = size - pos;
        if (feeding == FEED_ZERO_COPY) {
            void *into = NULL;
            size_t capacity = 0;
            st = hush_scanner_input_buffer(s, &into, &capacity);
            if (st == HUSH_OK) {
                n = n < capacity ? n : capacity;
                memcpy(into, text + pos, n);
                st = hush_scanner_commit(s, n);
            }
            pos += n;
            continue;
        }
        st = hush_scanner_feed(s, text + pos, n);
        if (st == HUSH_OK && feeding == FEED_LINES_FLUSHED) {
            st = hush_scanner_flush(s);
            if (guard && output_holds_planted(&cap->output, guard->doc))
                guard->leaked = true;
        }
        pos += n;
    }
    if (st == HUSH_OK)
        st = hush_scanner_finish(s);
    if (st != HUSH_OK) {
        fprintf(stderr, "  scan (%s) failed: %s: %s\n", feeding_names[feeding], hush_strerror(st),
                hush_scanner_message(s));
        hush_scanner_reset(s);
    }
    return st == HUSH_OK;
}
/* ---- checking a redacted document ----------------------------------------------- */

static void problem(checker_t *ck, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(checker_t *ck, const char *fmt, ...)
{
    ck->problems++;
    if (++*ck->total > MAX_PRINTED_PROBLEMS)
        return;
    if (ck->problems == 1) {
        fprintf(stderr, "%s: problem with document\n", ck->test);
        describe_doc(stderr, ck->seed, ck->doc);
    }
    va_list ap;
    va_start(ap, fmt);
    fputs("    -> ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static size_t percent_decode(const char *s, size_t n, char *out)
{
    static const char hex[] = "0123456789abcdef0123456789ABCDEF";
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        const char *h1, *h2;
        if (s[i] == '%' && i + 2 < n && (h1 = memchr(hex, s[i + 1], 32)) &&
            (h2 = memchr(hex, s[i + 2], 32))) {
            out[o++] = (char)((((h1 - hex) & 15) << 4) | ((h2 - hex) & 15));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return o;
}

/* Base64 in either alphabet, padded or not; false when s is not base64. */
bool base64_decode_any(const char *s, size_t n, unsigned char *out, size_t *out_size)
{
    static const char std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    while (n > 0 && s[n - 1] == '=')
        n--;
    if (n % 4 == 1)
        return false;
    uint32_t acc = 0;
    int bits = 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        const char *c = s[i] ? memchr(std, s[i], 64) : NULL;
        if (!c && s[i] && (c = memchr(url, s[i], 64)) != NULL)
            c = std + (c - url);
        if (!c)
            return false;
        acc = (acc << 6) | (uint32_t)(c - std);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
        }
    }
    *out_size = o;
    return true;
}

static int secret_in_json(const cJSON *item, const doc_t *d, int depth);

/* Which planted secret can be read back from decoded text s: as it is,
 * percent-decoded, or in a JSON document it holds.  -1: none. */
static int secret_in_text(const char *s, size_t n, const doc_t *d, int depth)
{
    char *decoded = malloc(n + 1);
    REQUIRE(decoded);
    size_t dn = percent_decode(s, n, decoded);
    int found = -1;
    for (size_t k = 0; found < 0 && k < d->planted_count; k++) {
        const planted_t *p = &d->planted[k];
        if (memmem(s, n, p->secret, p->secret_size) ||
            memmem(decoded, dn, p->secret, p->secret_size))
            found = (int)k;
    }
    free(decoded);
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    if (found < 0 && depth < 4 && i < n && (s[i] == '{' || s[i] == '[')) {
        cJSON *inner = cJSON_ParseWithLength(s, n);
        if (inner)
            found = secret_in_json(inner, d, depth + 1);
        cJSON_Delete(inner);
    }
    unsigned char *bytes = malloc(n + 1);
    REQUIRE(bytes);
    size_t bn = 0;
    if (found < 0 && depth < 4 && n >= 8 && base64_decode_any(s, n, bytes, &bn))
        found = secret_in_text((const char *)bytes, bn, d, depth + 1);
    free(bytes);
    return found;
}

static int secret_in_json(const cJSON *item, const doc_t *d, int depth)
{
    if (cJSON_IsString(item))
        return secret_in_text(item->valuestring, strlen(item->valuestring), d, depth);
    for (const cJSON *c = item->child; c; c = c->next) {
        int found = secret_in_json(c, d, depth);
        if (found >= 0)
            return found;
    }
    return -1;
}

/* The length of the JSON escape at s[0] (a backslash) and whether it
 * writes a line break (\n, \r, \u000A, \u000d). */
static size_t json_escape(const char *s, size_t n, bool *line_break)
{
    *line_break = false;
    if (n >= 6 && s[1] == 'u') {
        *line_break = strncmp(s + 2, "000", 3) == 0 && strchr("aAdD", s[5]);
        return 6;
    }
    *line_break = n >= 2 && (s[1] == 'n' || s[1] == 'r');
    return n >= 2 ? 2 : 1;
}

/* Stars over raw span [start, end), but for the bytes that write a line
 * break (a CSV field's own CR and LF, a JSON string's escapes of them),
 * which every mask keeps. */
static void stars_keeping_lines(const char *raw, size_t size, bool json, buf_t *out)
{
    for (size_t i = 0; i < size;) {
        size_t len = 1;
        bool keep = raw[i] == '\n' || raw[i] == '\r';
        if (json && raw[i] == '\\')
            len = json_escape(raw + i, size - i, &keep);
        for (size_t j = 0; j < len; j++)
            buf_put(out, keep ? raw + i + j : "*", 1);
        i += len;
    }
}

/* The mask secret k's raw span becomes, as written in the document.  The
 * partial mask keeps the raw bytes of the first characters, which this
 * test does not track: no expectation (false). */
static bool expected_mask(const checker_t *ck, int k, hush_mask_t mask, buf_t *out)
{
    const planted_t *p = &ck->doc->planted[k];
    out->size = 0;
    buf_put(out, "", 0);
    if (p->base64) { /* whatever the mask */
        buf_str(out, p->b64_mask);
        return true;
    }
    if (mask == HUSH_MASK_PARTIAL)
        return false;
    if (mask == HUSH_MASK_STARS) {
        stars_keeping_lines(ck->doc->text.data + p->start, (size_t)(p->end - p->start),
                            !p->csv_field, out);
        return true;
    }
    /* In a percent-encoded value only what would change how a query splits
     * or decodes is encoded: a label stays readable. */
    char label[96];
    const char *rule = ck->found_rule[k][0] ? ck->found_rule[k] : p->rule;
    if (mask == HUSH_MASK_HASH)
        snprintf(label, sizeof label, "[REDACTED:%s:%.8s]", rule, ck->fingerprints[k]);
    else
        snprintf(label, sizeof label, "[REDACTED:%s]", rule);
    for (const char *c = label; *c; c++) {
        bool keep = *c > 0x20 && *c < 0x7f && !strchr("%&=#+?\"\\", *c);
        if (p->percent && !keep)
            buf_fmt(out, "%%%02X", (unsigned char)*c);
        else
            buf_put(out, c, 1);
    }
    /* then the secret's line breaks, as its container writes them */
    for (size_t i = 0; i < p->secret_size; i++)
        if (p->secret[i] == '\n' || p->secret[i] == '\r')
            buf_str(out, p->csv_field ? (p->secret[i] == '\n' ? "\n" : "\r")
                                      : (p->secret[i] == '\n' ? "\\n" : "\\r"));
    return true;
}

/* A mask as written in a JSON string (expected_mask), decoded: its only
 * escapes are the kept line breaks.  Returns the decoded size. */
static size_t unescape_line_breaks(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        bool line_break = false;
        size_t len = s[i] == '\\' ? json_escape(s + i, n - i, &line_break) : 1;
        if (line_break)
            out[o++] = s[i + 1] == 'n' || strchr("aA", s[i + len - 1]) ? '\n' : '\r';
        else
            memmove(out + o, s + i, len), o += len; /* out may be s */
        i += len;
    }
    out[o] = '\0';
    return o;
}

static bool same_shape(checker_t *ck, const cJSON *in, const cJSON *out, hush_mask_t mask,
                       char *path, size_t path_size);

/* Decoded, the value that held secret k is what it was with the secret
 * replaced by the mask. */
static bool same_decoded_value(checker_t *ck, int k, const char *got, size_t got_size,
                               hush_mask_t mask, const char *where)
{
    const planted_t *p = &ck->doc->planted[k];
    buf_t mask_text = {0}, want = {0};
    if (!expected_mask(ck, k, mask, &mask_text)) {
        buf_free(&mask_text);
        return true;
    }
    char *decoded = malloc(mask_text.size + 1), *value = malloc(got_size + 1);
    REQUIRE(decoded);
    REQUIRE(value);
    size_t decoded_size = mask_text.size;
    if (!p->csv_field)
        decoded_size = unescape_line_breaks(mask_text.data, mask_text.size, mask_text.data);
    percent_decode(mask_text.data, decoded_size, decoded);
    for (unsigned i = 0; i < p->filler; i++)
        buf_str(&want, "lorem ipsum ");
    buf_fmt(&want, "%s%s%s", p->pre, decoded, p->post);
    size_t n = percent_decode(got, got_size, value);
    bool ok = n == want.size && memcmp(value, want.data, n) == 0;
    if (!ok)
        problem(ck, "%s: the value holding #%d decodes to %zu bytes, not the expected %zu "
                    "(text around the secret plus the mask)",
                where, k, n, want.size);
    free(value);
    free(decoded);
    buf_free(&mask_text);
    buf_free(&want);
    return ok;
}

/* A string value of the input and of the output: equal, unless a secret
 * was planted in it. */
static bool same_string(checker_t *ck, const cJSON *in, const cJSON *out, hush_mask_t mask,
                        char *path, size_t path_size)
{
    const char *a = in->valuestring, *b = out->valuestring;
    if (strcmp(a, b) == 0)
        return true;
    int k = secret_in_text(a, strlen(a), ck->doc, 0);
    if (k < 0) {
        problem(ck, "%s: a string without a secret changed", path);
        return false;
    }
    const planted_t *p = &ck->doc->planted[k];
    if (p->base64) { /* still base64, of the body with the secret's bytes '*' */
        unsigned char *body = malloc(strlen(b) + 1);
        REQUIRE(body);
        size_t n = 0;
        bool ok = base64_decode_any(b, strlen(b), body, &n) && n == strlen(p->b64_plain) &&
                  memcmp(body, p->b64_plain, n) == 0;
        if (!ok)
            problem(ck, "%s: the base64 body holding #%d does not decode to itself with the "
                        "secret's bytes as '*'",
                    path, k);
        free(body);
        return ok;
    }
    if (p->embedded) { /* the JSON document inside must survive too */
        cJSON *ia = cJSON_Parse(a), *ib = cJSON_Parse(b);
        bool ok = ia != NULL;
        if (ia && !ib)
            problem(ck, "%s: the JSON text inside this string no longer parses", path);
        size_t used = strlen(path);
        snprintf(path + used, path_size - used, "<json>");
        ok = ok && ib && same_shape(ck, ia, ib, mask, path, path_size);
        path[used] = '\0';
        cJSON_Delete(ia);
        cJSON_Delete(ib);
        return ok;
    }
    return same_decoded_value(ck, k, b, strlen(b), mask, path);
}

static bool same_shape(checker_t *ck, const cJSON *in, const cJSON *out, hush_mask_t mask,
                       char *path, size_t path_size)
{
    if ((in->type & 0xFF) != (out->type & 0xFF)) {
        problem(ck, "%s: type changed", path);
        return false;
    }
    if (cJSON_IsString(in))
        return same_string(ck, in, out, mask, path, path_size);
    if (cJSON_IsNumber(in) && in->valuedouble != out->valuedouble) {
        problem(ck, "%s: number changed", path);
        return false;
    }
    if (!cJSON_IsObject(in) && !cJSON_IsArray(in))
        return true;
    const cJSON *a = in->child, *b = out->child;
    size_t used = strlen(path);
    bool ok = true;
    for (int i = 0; ok && a && b; i++, a = a->next, b = b->next) {
        if (cJSON_IsObject(in))
            snprintf(path + used, path_size - used, ".%s", a->string);
        else
            snprintf(path + used, path_size - used, "[%d]", i);
        if (cJSON_IsObject(in) && strcmp(a->string, b->string) != 0) {
            problem(ck, "%s: member name changed", path);
            ok = false;
        }
        ok = ok && same_shape(ck, a, b, mask, path, path_size);
    }
    path[used] = '\0';
    if (ok && (a || b)) {
        problem(ck, "%s: %s", path,
                cJSON_IsObject(in) ? "member count changed" : "array length changed");
        ok = false;
    }
    return ok;
}

/* Every top-level value of a JSON or JSON Lines text; -1 on a syntax error
 * (*error_at: its offset).  With `skipped`, a line that does not parse is
 * skipped and counted instead. */
int parse_roots(const char *text, size_t size, cJSON **roots, size_t *error_at,
                       unsigned *skipped)
{
    int count = 0;
    size_t i = size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (;;) {
        while (i < size && strchr(" \t\r\n", text[i]))
            i++;
        if (i >= size)
            return count;
        const char *end = NULL;
        cJSON *v = cJSON_ParseWithLengthOpts(text + i, size - i, &end, false);
        if (!v && skipped && count < MAX_ROOTS) {
            const char *nl = memchr(text + i, '\n', size - i);
            i = nl ? (size_t)(nl - text) + 1 : size;
            (*skipped)++;
            continue;
        }
        if (!v || count == MAX_ROOTS) {
            const char *at = cJSON_GetErrorPtr();
            *error_at = at && at >= text && at <= text + size ? (size_t)(at - text) : i;
            cJSON_Delete(v);
            for (int r = 0; r < count; r++)
                cJSON_Delete(roots[r]);
            return -1;
        }
        roots[count++] = v;
        i = (size_t)(end - text);
    }
}

void csv_free(csv_table_t *t)
{
    for (size_t i = 0; i < t->field_count; i++)
        buf_free(&t->fields[i]);
    free(t->fields);
    free(t->widths);
    memset(t, 0, sizeof *t);
}

static buf_t *csv_new_field(csv_table_t *t)
{
    if (t->field_count == t->field_cap) {
        t->field_cap = t->field_cap ? t->field_cap * 2 : 32;
        t->fields = realloc(t->fields, t->field_cap * sizeof *t->fields);
        REQUIRE(t->fields);
    }
    buf_t *f = &t->fields[t->field_count++];
    memset(f, 0, sizeof *f);
    buf_put(f, "", 0);
    return f;
}

/* False when the text is not valid CSV (an unclosed quote, or bytes after
 * a closing quote). */
bool csv_parse(const char *p, size_t n, csv_table_t *t)
{
    memset(t, 0, sizeof *t);
    size_t i = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n) {
        size_t width = 0;
        for (;;) {
            buf_t *f = csv_new_field(t);
            width++;
            if (i < n && p[i] == '"') {
                bool closed = false;
                for (i++; i < n; i++) {
                    if (p[i] == '"' && i + 1 < n && p[i + 1] == '"') {
                        buf_put(f, "\"", 1);
                        i++;
                    } else if (p[i] == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        buf_put(f, p + i, 1);
                    }
                }
                if (i < n && p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
                    i++;
                if (!closed || (i < n && p[i] != ',' && p[i] != '\n'))
                    return false;
            } else {
                size_t s = i;
                while (i < n && p[i] != ',' && p[i] != '\n')
                    i++;
                size_t e = i;
                if (e > s && p[e - 1] == '\r')
                    e--;
                buf_put(f, p + s, e - s);
            }
            if (i < n && p[i] == ',') {
                i++;
                continue;
            }
            if (i < n)
                i++; /* the '\n' */
            break;
        }
        if (t->records == t->record_cap) {
            t->record_cap = t->record_cap ? t->record_cap * 2 : 16;
            t->widths = realloc(t->widths, t->record_cap * sizeof *t->widths);
            REQUIRE(t->widths);
        }
        t->widths[t->records++] = width;
    }
    return true;
}

/* (b) and (c) for a JSON document. */
static void check_json_output(checker_t *ck, const buf_t *out, hush_mask_t mask)
{
    const doc_t *d = ck->doc;
    cJSON *in_roots[MAX_ROOTS], *out_roots[MAX_ROOTS];
    size_t at = 0;
    unsigned in_skipped = 0, out_skipped = 0;
    int in_count = parse_roots(d->text.data, d->text.size, in_roots, &at, &in_skipped);
    if (in_count < 0) {
        problem(ck, "test generator bug: the input is not valid JSON at byte %zu", at);
        return;
    }
    int out_count = parse_roots(buf_text(out), out->size, out_roots, &at, &out_skipped);
    if (out_count < 0) {
        problem(ck, "redacted output is not valid JSON (syntax error at output byte %zu)", at);
    } else if (out_count != in_count || out_skipped != in_skipped) {
        problem(ck, "redacted output has %d JSON documents and %u broken lines, input %d and %u",
                out_count, out_skipped, in_count, in_skipped);
    } else {
        for (int r = 0; r < in_count; r++) {
            char path[512];
            snprintf(path, sizeof path, "doc[%d]$", r);
            same_shape(ck, in_roots[r], out_roots[r], mask, path, sizeof path);
            int k = secret_in_json(out_roots[r], d, 0);
            if (k >= 0)
                problem(ck, "planted #%d can be read back from a decoded string of the output", k);
        }
    }
    for (int r = 0; r < in_count; r++)
        cJSON_Delete(in_roots[r]);
    for (int r = 0; r < out_count; r++)
        cJSON_Delete(out_roots[r]);
}

/* (b) and (c) for a CSV document. */
static void check_csv_output(checker_t *ck, const buf_t *out, hush_mask_t mask)
{
    const doc_t *d = ck->doc;
    csv_table_t in, got;
    if (!csv_parse(d->text.data, d->text.size, &in)) {
        problem(ck, "test generator bug: the input is not valid CSV");
        csv_free(&in);
        return;
    }
    if (!csv_parse(buf_text(out), out->size, &got)) {
        problem(ck, "redacted output is not valid CSV");
    } else if (got.records != in.records) {
        problem(ck, "redacted output has %zu records, input %zu", got.records, in.records);
    } else {
        size_t f = 0;
        for (size_t r = 0; r < in.records; r++) {
            if (got.widths[r] != in.widths[r]) {
                problem(ck, "record %zu has %zu fields, input %zu", r, got.widths[r], in.widths[r]);
                break;
            }
            for (size_t c = 0; c < in.widths[r]; c++, f++) {
                const buf_t *a = &in.fields[f], *b = &got.fields[f];
                int k = secret_in_text(buf_text(b), b->size, d, 0);
                if (k >= 0)
                    problem(ck, "planted #%d can be read back from field %zu,%zu of the output", k,
                            r, c);
                if (a->size == b->size && memcmp(buf_text(a), buf_text(b), a->size) == 0)
                    continue;
                int held = secret_in_text(buf_text(a), a->size, d, 0);
                if (held < 0) {
                    problem(ck, "field %zu,%zu changed but held no secret", r, c);
                    continue;
                }
                if (d->planted[held].csv_field) {
                    char where[64];
                    snprintf(where, sizeof where, "field %zu,%zu", r, c);
                    same_decoded_value(ck, held, buf_text(b), b->size, mask, where);
                    continue;
                }
                cJSON *ja = cJSON_ParseWithLength(a->data, a->size);
                cJSON *jb = cJSON_ParseWithLength(b->data, b->size);
                if (!ja)
                    problem(ck, "test generator bug: field %zu,%zu is not JSON", r, c);
                else if (!jb)
                    problem(ck, "field %zu,%zu: the JSON inside no longer parses", r, c);
                else {
                    char path[512];
                    snprintf(path, sizeof path, "field %zu,%zu $", r, c);
                    same_shape(ck, ja, jb, mask, path, sizeof path);
                }
                cJSON_Delete(ja);
                cJSON_Delete(jb);
            }
        }
    }
    csv_free(&in);
    csv_free(&got);
}

/* Where a finding at `offset` is: 1-based line and byte column. */
static void line_and_column(const doc_t *d, uint64_t offset, uint64_t *line, uint64_t *column)
{
    *line = 1;
    uint64_t line_start = 0;
    for (uint64_t i = 0; i < offset && i < d->text.size; i++)
        if (d->text.data[i] == '\n') {
            (*line)++;
            line_start = i + 1;
        }
    *column = offset - line_start + 1;
}

/* The fingerprint each planted secret must have: HMAC-SHA256 of its
 * decoded value, whatever encoded it, so it can be followed across files. */
void expected_fingerprints(checker_t *ck)
{
    for (size_t k = 0; k < ck->doc->planted_count; k++) {
        const planted_t *p = &ck->doc->planted[k];
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        REQUIRE(HMAC(EVP_sha256(), check_fingerprint_key, sizeof check_fingerprint_key,
                             (const unsigned char *)p->secret, p->secret_size, mac, &size));
        for (unsigned i = 0; i < HUSH_FINGERPRINT_HEX / 2; i++)
            snprintf(ck->fingerprints[k] + 2 * i, 3, "%02x", mac[i]);
    }
}

/* (a): one finding per planted secret, at its raw span, and nothing else;
 * its position, fingerprint and preview right. */
static void check_findings(checker_t *ck, const capture_t *cap)
{
    char (*fingerprints)[HUSH_FINGERPRINT_HEX + 1] = ck->fingerprints;
    const doc_t *d = ck->doc;
    for (size_t i = 0; i < cap->count; i++) {
        const captured_finding_t *s = &cap->seen[i];
        uint64_t line, column;
        line_and_column(d, s->offset, &line, &column);
        if (s->line != line || s->column != column)
            problem(ck, "finding at %llu: line %llu column %llu, expected %llu:%llu",
                    (unsigned long long)s->offset, (unsigned long long)s->line,
                    (unsigned long long)s->column, (unsigned long long)line,
                    (unsigned long long)column);
        for (size_t k = 0; k < d->planted_count; k++)
            if (strstr(s->preview, d->planted[k].secret))
                problem(ck, "the preview of the finding at %llu shows planted #%zu",
                        (unsigned long long)s->offset, k);
    }
    bool *matched = calloc(cap->count + 1, sizeof *matched);
    REQUIRE(matched);
    for (size_t k = 0; k < d->planted_count; k++) {
        const planted_t *p = &d->planted[k];
        size_t exact = 0;
        for (size_t i = 0; i < cap->count; i++) {
            const captured_finding_t *s = &cap->seen[i];
            uint64_t s_end = s->offset + s->length;
            if (s->offset >= p->end || s_end <= p->start)
                continue;
            matched[i] = true;
            if (s->offset != p->start || s_end != p->end) {
                problem(ck, "#%zu: finding %s (%s) at %llu+%llu overlaps its span but differs",
                        k, s->rule, s->encoding, (unsigned long long)s->offset,
                        (unsigned long long)s->length);
                continue;
            }
            exact++;
            if (strcmp(s->fingerprint, fingerprints[k]) != 0)
                problem(ck, "#%zu: fingerprint is not that of the decoded secret", k);
            snprintf(ck->found_rule[k], sizeof ck->found_rule[k], "%s", s->rule);
            if (p->structure == STRUCT_MEMBER) /* a pattern rule may name it */
                continue;
            if (strcmp(s->rule, p->rule) != 0)
                problem(ck, "#%zu: found by rule %s", k, s->rule);
            if (strcmp(s->encoding, p->label) != 0)
                problem(ck, "#%zu: encoding %s, expected %s", k, s->encoding, p->label);
        }
        if (exact != 1)
            problem(ck, "#%zu: %zu findings at exactly its span", k, exact);
    }
    for (size_t i = 0; i < cap->count; i++)
        if (!matched[i])
            problem(ck, "unexpected finding %s (%s) at %llu+%llu", cap->seen[i].rule,
                    cap->seen[i].encoding, (unsigned long long)cap->seen[i].offset,
                    (unsigned long long)cap->seen[i].length);
    free(matched);
}

/* The output is the input with every planted span replaced by its mask. */
static void check_exact_output(checker_t *ck, const buf_t *out, hush_mask_t mask)
{
    const doc_t *d = ck->doc;
    size_t order[MAX_PLANTED];
    for (size_t k = 0; k < d->planted_count; k++)
        order[k] = k;
    for (size_t i = 1; i < d->planted_count; i++)
        for (size_t j = i; j > 0 && d->planted[order[j - 1]].start > d->planted[order[j]].start;
             j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    buf_t want = {0}, m = {0};
    size_t at = 0;
    bool exact = true;
    for (size_t i = 0; i < d->planted_count; i++) {
        const planted_t *p = &d->planted[order[i]];
        buf_put(&want, d->text.data + at, (size_t)p->start - at);
        exact = expected_mask(ck, (int)order[i], mask, &m) && exact;
        buf_put(&want, m.data, m.size);
        at = (size_t)p->end;
    }
    buf_put(&want, d->text.data + at, d->text.size - at);
    if (exact && (want.size != out->size || memcmp(want.data, buf_text(out), want.size) != 0)) {
        size_t i = 0;
        while (i < want.size && i < out->size && want.data[i] == out->data[i])
            i++;
        problem(ck, "%s output is not the input with each planted span masked: %zu bytes, "
                    "expected %zu, first difference at output byte %zu",
                hush_mask_name(mask), out->size, want.size, i);
    }
    if ((mask == HUSH_MASK_STARS || mask == HUSH_MASK_PARTIAL) && out->size != d->text.size)
        problem(ck, "%s output has %zu bytes, input %zu", hush_mask_name(mask), out->size,
                d->text.size);
    for (size_t k = 0; k < d->planted_count; k++)
        if (out->size &&
            memmem(out->data, out->size, d->planted[k].secret, d->planted[k].secret_size))
            problem(ck, "planted #%zu is in the %s output as it is", k, hush_mask_name(mask));
    buf_free(&want);
    buf_free(&m);
}

/* Findings (every field) and output equal to a first scan's. */
void check_same(checker_t *ck, const capture_t *want, const capture_t *got, const char *what)
{
    if (want->findings.size != got->findings.size ||
        memcmp(buf_text(&want->findings), buf_text(&got->findings), want->findings.size) != 0) {
        size_t i = 0;
        while (i < want->count && i < got->count &&
               memcmp(&want->seen[i], &got->seen[i], sizeof want->seen[i]) == 0)
            i++;
        if (i < want->count && i < got->count)
            problem(ck, "%s: findings differ from a whole-input scan at #%zu: %s (%s) %llu+%llu "
                        "vs %s (%s) %llu+%llu",
                    what, i, want->seen[i].rule, want->seen[i].encoding,
                    (unsigned long long)want->seen[i].offset,
                    (unsigned long long)want->seen[i].length, got->seen[i].rule,
                    got->seen[i].encoding, (unsigned long long)got->seen[i].offset,
                    (unsigned long long)got->seen[i].length);
        else
            problem(ck, "%s: %zu findings, whole-input scan %zu (or a field other than rule, "
                        "encoding and span differs)",
                    what, got->count, want->count);
    }
    if (want->output.size != got->output.size ||
        memcmp(buf_text(&want->output), buf_text(&got->output), want->output.size) != 0)
        problem(ck, "%s: redacted output differs from a whole-input scan (%zu vs %zu bytes)", what,
                got->output.size, want->output.size);
}

/* Label first: its scan is the one checked for findings. */
static const hush_mask_t masks[] = {HUSH_MASK_LABEL, HUSH_MASK_STARS, HUSH_MASK_HASH,
                                    HUSH_MASK_PARTIAL};
_Static_assert(sizeof masks / sizeof *masks == MASK_COUNT, "one scanner pair per mask");

hush_status_t engines_create(const hush_rules_t *rules, engines_t *e)
{
    memset(e, 0, sizeof *e);
    hush_status_t st = HUSH_OK;
    for (size_t i = 0; i < MASK_COUNT && st == HUSH_OK; i++) {
        st = capture_scanner_create(rules, HUSH_ENGINE_HYPERSCAN, masks[i], check_fingerprint_key,
                                    sizeof check_fingerprint_key, NULL, &e->fast[i]);
        if (st == HUSH_OK)
            st = capture_scanner_create(rules, HUSH_ENGINE_REFERENCE, masks[i],
                                        check_fingerprint_key, sizeof check_fingerprint_key, NULL,
                                        &e->reference[i]);
    }
    return st;
}

void engines_destroy(engines_t *e)
{
    for (size_t i = 0; i < MASK_COUNT; i++) {
        hush_scanner_destroy(e->fast[i]);
        hush_scanner_destroy(e->reference[i]);
    }
}

/* Everything the property promises, for one document and one mask. */
void check_document(checker_t *ck, const engines_t *e, size_t m)
{
    const doc_t *d = ck->doc;
    hush_mask_t mask = masks[m];
    capture_t whole = {0}, other = {0};
    if (!scan_feeding(e->fast[m], &whole, d->text.data, d->text.size, FEED_WHOLE, ck->seed, NULL)) {
        problem(ck, "%s scan failed", hush_mask_name(mask));
        capture_free(&whole);
        return;
    }
    if (mask == HUSH_MASK_LABEL || mask == HUSH_MASK_STARS)
        check_findings(ck, &whole);
    check_exact_output(ck, &whole.output, mask);
    size_t lines_in = 0, lines_out = 0;
    for (size_t i = 0; i < d->text.size; i++)
        lines_in += d->text.data[i] == '\n';
    for (size_t i = 0; i < whole.output.size; i++)
        lines_out += whole.output.data[i] == '\n';
    if (lines_in != lines_out)
        problem(ck, "%s output has %zu lines, input %zu", hush_mask_name(mask), lines_out,
                lines_in);
    if (d->csv)
        check_csv_output(ck, &whole.output, mask);
    else
        check_json_output(ck, &whole.output, mask);

    if (scan_feeding(e->reference[m], &other, d->text.data, d->text.size,
                     FEED_WHOLE, ck->seed, NULL))
        check_same(ck, &whole, &other, "reference engine");
    else
        problem(ck, "reference engine scan failed");
    if (scan_feeding(e->fast[m], &other, d->text.data, d->text.size, FEED_PIECES, ck->seed, NULL))
        check_same(ck, &whole, &other, "random pieces");
    else
        problem(ck, "scan in random pieces failed");
    if (m == 0 && d->text.size <= BYTEWISE_MAX) {
        if (scan_feeding(e->fast[m], &other, d->text.data, d->text.size,
                         FEED_BYTES, ck->seed, NULL))
            check_same(ck, &whole, &other, "byte by byte");
        else
            problem(ck, "byte-by-byte scan failed");
    }
    if (m == 1) {
        if (scan_feeding(e->fast[m], &other, d->text.data, d->text.size,
                         FEED_ZERO_COPY, ck->seed, NULL))
            check_same(ck, &whole, &other, "input_buffer/commit");
        else
            problem(ck, "input_buffer/commit scan failed");
    }
    /* Every cut into two reads, on some small documents. */
    for (size_t cut = 1; m == 0 && ck->seed % 10 == 0 && d->text.size <= TWO_PIECES_MAX &&
                         cut < d->text.size;
         cut++) {
        char what[64];
        snprintf(what, sizeof what, "two pieces cut at %zu", cut);
        if (scan_feeding(e->fast[m], &other, d->text.data, d->text.size,
                         FEED_TWO_PIECES, cut, NULL))
            check_same(ck, &whole, &other, what);
        else
            problem(ck, "scan in two pieces failed");
    }
    if (m == 0 && ck->seed % 3 == 0) {
        guard_t guard = {.doc = d};
        if (scan_feeding(e->fast[m], &other, d->text.data, d->text.size,
                         FEED_LINES_FLUSHED, ck->seed, &guard))
            check_same(ck, &whole, &other, "line by line with flush");
        else
            problem(ck, "line-by-line scan failed");
        if (guard.leaked)
            problem(ck, "a flush wrote the raw bytes of a planted secret");
    }
    capture_free(&whole);
    capture_free(&other);
}

