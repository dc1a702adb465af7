/*
 * Known leaked values (`--known-secrets`) as rules.  Each value becomes a few
 * literal patterns compiled into the same Hyperscan database as the rule
 * pack, so finding them costs no extra pass over the input:
 *
 *   - the value as written, where every byte other than A-Z a-z 0-9 - . _ ~
 *     may also appear escaped the way JSON (\u0026, \", \/, \t), .NET, XML
 *     (&amp; &#38; &#x26;) or a URL (%26, + for a space) writes it (a long
 *     value full of punctuation in fewer of these forms, see escape_tier_t);
 *   - base64 and base64url of the value at each of the three byte alignments
 *     it can have inside a longer base64 text, keeping only the characters
 *     that depend on the value's bytes alone.
 *
 * Decoded views (JSON strings, CSV fields, HAR bodies) are scanned with the
 * same database, so nested encodings are covered by the first form.
 *
 * Every form is its own rule (a Hyperscan id is a rule index) with id
 * HUSH_KNOWN_SECRET_RULE and a copy of the value, whose fingerprint is the
 * one reported.  Patterns and copies are wiped when the rule set goes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "known_secrets.h"

#include "decode.h"
#include "error_internal.h"

/* A base64 form shorter than this would match unrelated base64 text (so a
 * value under about 10 bytes is not found inside base64 at every alignment). */
#define KNOWN_BASE64_MIN_CHARS 12u
/* Longest text-form pattern: both PCRE2 (64 KiB compiled) and Hyperscan
 * refuse much longer ones.  A long value full of punctuation falls back to
 * fewer escaped forms per byte (escape_tier_t) until its pattern fits. */
#define KNOWN_PATTERN_MAX 12000u
/* One value gives at most: the text form and 3 alignments x 2 alphabets. */
#define KNOWN_FORMS_MAX 7u

static const char hex_digits[] = "0123456789ABCDEF";

/* RFC 3986 unreserved: no encoder escapes these, so they match as written. */
static bool is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '~' || c == '.';
}

/* How many escaped forms each byte of the text form accepts. */
typedef enum escape_tier {
    ESCAPE_ALL = 0, /* raw, percent, JSON, XML */
    ESCAPE_PERCENT, /* raw and percent-encoding */
    ESCAPE_NONE,    /* raw only */
    ESCAPE_TIERS
} escape_tier_t;

/* JSON's short escape of a control byte (\t, \n, ...), 0 when none. */
static char json_short_escape(unsigned char c)
{
    switch (c) {
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    default: return 0;
    }
}

static hush_status_t append_str(hushi_bytes_t *b, const char *s)
{
    return hushi_bytes_append(b, s, strlen(s), 0);
}

/* `\xHH`: a byte as a regex literal, whatever it is. */
static hush_status_t append_literal(hushi_bytes_t *b, unsigned char c)
{
    char lit[5] = {'\\', 'x', hex_digits[c >> 4], hex_digits[c & 15], 0};
    return append_str(b, lit);
}

/* A hex digit as a regex accepting either case: "2", "[Bb]". */
static hush_status_t append_hex_digit(hushi_bytes_t *b, unsigned nibble)
{
    char d = hex_digits[nibble];
    if (d <= '9')
        return hushi_bytes_append(b, &d, 1, 0);
    char cls[5] = {'[', d, (char)(d - 'A' + 'a'), ']', 0};
    return append_str(b, cls);
}

static hush_status_t append_hex_byte(hushi_bytes_t *b, unsigned char c)
{
    hush_status_t st = append_hex_digit(b, c >> 4);
    return st == HUSH_OK ? append_hex_digit(b, c & 15) : st;
}

static const char *xml_entity(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    default: return NULL;
    }
}

/* One byte of the text form: itself, or an escape of it the tier allows. */
static hush_status_t append_text_byte(hushi_bytes_t *b, unsigned char c, escape_tier_t tier)
{
    if (is_unreserved(c))
        return c == '.' ? append_literal(b, c) : hushi_bytes_append(b, &c, 1, 0);
    if (tier == ESCAPE_NONE)
        return append_literal(b, c);
    hush_status_t st = append_str(b, "(?:");
    if (st == HUSH_OK)
        st = append_literal(b, c);
    if (st == HUSH_OK) /* percent-encoding */
        st = append_str(b, "|%");
    if (st == HUSH_OK)
        st = append_hex_byte(b, c);
    if (st == HUSH_OK && c == ' ')
        st = append_str(b, "|\\+");
    if (tier == ESCAPE_PERCENT)
        return st == HUSH_OK ? append_str(b, ")") : st;
    if (st == HUSH_OK && json_short_escape(c)) {
        char esc[5] = {'|', '\\', '\\', json_short_escape(c), 0};
        st = append_str(b, esc);
    }
    if (st == HUSH_OK && c < 0x80) { /* JSON \u00HH and XML &#NN; &#xHH; */
        char dec[32];
        snprintf(dec, sizeof dec, "|&#%u;|&#[xX]", c);
        st = append_str(b, "|\\\\u00");
        if (st == HUSH_OK)
            st = append_hex_byte(b, c);
        if (st == HUSH_OK)
            st = append_str(b, dec);
        if (st == HUSH_OK)
            st = append_hex_byte(b, c);
        if (st == HUSH_OK)
            st = append_str(b, ";");
    }
    if (st == HUSH_OK && (c == '"' || c == '\\' || c == '/')) { /* JSON \" \\ \/ */
        st = append_str(b, "|\\\\");
        if (st == HUSH_OK)
            st = append_literal(b, c);
    }
    const char *entity = xml_entity(c);
    if (st == HUSH_OK && entity) {
        st = append_str(b, "|");
        if (st == HUSH_OK)
            st = append_str(b, entity);
    }
    return st == HUSH_OK ? append_str(b, ")") : st;
}

/* Makes room for `capacity` bytes at once: a buffer that grew by realloc
 * would leave copies of the value behind in freed memory. */
static hush_status_t reserve(hushi_bytes_t *b, size_t capacity)
{
    hush_status_t st = hushi_bytes_append(b, NULL, capacity, 0);
    b->size = 0;
    return st;
}

/* The value with each byte in every form the first tier that fits allows. */
static hush_status_t text_pattern(const unsigned char *value, size_t size, hushi_bytes_t *out)
{
    hush_status_t st = reserve(out, KNOWN_PATTERN_MAX + 64);
    for (escape_tier_t tier = ESCAPE_ALL; st == HUSH_OK && tier < ESCAPE_TIERS; tier++) {
        OPENSSL_cleanse(out->data, out->size);
        out->size = 0;
        st = append_str(out, "(?<secret>");
        for (size_t i = 0; st == HUSH_OK && i < size && out->size <= KNOWN_PATTERN_MAX; i++)
            st = append_text_byte(out, value[i], tier);
        if (st == HUSH_OK && out->size <= KNOWN_PATTERN_MAX)
            return hushi_bytes_append(out, ")", 2, 0); /* with the NUL */
    }
    return st == HUSH_OK ? HUSH_ERR_LIMIT : st; /* raw only always fits: not reached */
}

/* The base64 characters that depend on `value` alone when it starts
 * `align` bytes into a group of three: skip the characters that share bits
 * with the bytes before it, and the last one if it shares bits with the
 * bytes after it. */
static hush_status_t base64_core(const unsigned char *value, size_t size, unsigned align,
                                 bool url_safe, hushi_bytes_t *core)
{
    hushi_bytes_t padded = {0}, encoded = {0};
    hush_status_t st = reserve(&padded, size + 3);
    if (st == HUSH_OK)
        st = reserve(&encoded, 4 * (size + 3) / 3 + 8);
    if (st == HUSH_OK)
        st = reserve(core, 4 * (size + 3) / 3 + 8);
    if (st == HUSH_OK)
        st = hushi_bytes_append(&padded, NULL, align, 0);
    if (st == HUSH_OK)
        st = hushi_bytes_append(&padded, value, size, 0);
    if (st == HUSH_OK)
        st = hushi_encode_base64(padded.data, padded.size, url_safe, &encoded);
    size_t first = (8 * align + 5) / 6;      /* ceil(8*align / 6) */
    size_t end = 8 * (align + size) / 6;     /* floor: whole characters only */
    if (st == HUSH_OK && end > first)
        st = hushi_bytes_append(core, encoded.data + first, end - first, 0);
    OPENSSL_cleanse(padded.data, padded.capacity);
    OPENSSL_cleanse(encoded.data, encoded.capacity);
    hushi_bytes_free(&padded);
    hushi_bytes_free(&encoded);
    return st;
}

static hush_status_t base64_pattern(const hushi_bytes_t *core, hushi_bytes_t *out)
{
    hush_status_t st = reserve(out, 10 * core->size + 16);
    if (st == HUSH_OK)
        st = append_str(out, "(?<secret>");
    for (size_t i = 0; st == HUSH_OK && i < core->size; i++) {
        unsigned char c = core->data[i];
        /* '/' may come JSON-escaped as "\/". */
        st = c == '/' ? append_str(out, "(?:/|\\\\/)")
             : c == '+' || c == '-' ? append_literal(out, c)
                                    : hushi_bytes_append(out, &c, 1, 0);
    }
    return st == HUSH_OK ? hushi_bytes_append(out, ")", 2, 0) : st;
}

typedef struct forms {
    hushi_bytes_t pattern[KNOWN_FORMS_MAX];
    size_t count;
} forms_t;

static void forms_free(forms_t *f)
{
    for (size_t i = 0; i < KNOWN_FORMS_MAX; i++) {
        OPENSSL_cleanse(f->pattern[i].data, f->pattern[i].capacity);
        hushi_bytes_free(&f->pattern[i]);
    }
}

/* True when an earlier form has the same pattern (base64url of a value
 * without '+' and '/' is its base64). */
static bool seen_form(const forms_t *f, const hushi_bytes_t *p)
{
    for (size_t i = 0; i < f->count; i++)
        if (f->pattern[i].size == p->size && memcmp(f->pattern[i].data, p->data, p->size) == 0)
            return true;
    return false;
}

static hush_status_t build_forms(const unsigned char *value, size_t size, forms_t *f)
{
    hush_status_t st = text_pattern(value, size, &f->pattern[f->count++]);
    for (unsigned align = 0; st == HUSH_OK && align < 3; align++) {
        for (int url_safe = 0; st == HUSH_OK && url_safe < 2; url_safe++) {
            hushi_bytes_t core = {0};
            st = base64_core(value, size, align, url_safe, &core);
            hushi_bytes_t *p = &f->pattern[f->count];
            if (st == HUSH_OK && core.size >= KNOWN_BASE64_MIN_CHARS) {
                st = base64_pattern(&core, p);
                if (st == HUSH_OK && !seen_form(f, p))
                    f->count++;
                else {
                    OPENSSL_cleanse(p->data, p->capacity);
                    p->size = 0;
                }
            }
            OPENSSL_cleanse(core.data, core.capacity);
            hushi_bytes_free(&core);
        }
    }
    return st;
}

static bool all_blank(const unsigned char *value, size_t size)
{
    for (size_t i = 0; i < size; i++)
        if (value[i] != ' ' && value[i] != '\t')
            return false;
    return true;
}

static hush_status_t fill_rule(hushi_rule_t *rule, const char *name, const hush_known_secret_t *k,
                               const hushi_bytes_t *pattern)
{
    hush_rule_info_t *info = &rule->info;
    info->id = HUSH_KNOWN_SECRET_RULE;
    info->name = "Known leaked secret";
    info->secret_group = "secret";
    info->confidence = HUSH_CONFIDENCE_HIGH;
    info->redact = true;
    char *file = hushi_rule_own(rule, strdup(name));
    char *text = hushi_rule_own(rule, malloc(pattern->size));
    unsigned char *copy = malloc(k->size);
    if (!file || !text || !copy) {
        free(copy);
        return HUSH_ERR_NOMEM;
    }
    memcpy(text, pattern->data, pattern->size);
    info->file = file;
    info->pattern = text;
    memcpy(copy, k->value, k->size);
    /* Last: a rule with known_value set must have its pattern (to wipe it). */
    rule->known_value = copy;
    rule->known_value_size = k->size;
    return HUSH_OK;
}

hush_status_t hushi_known_secrets_append(const hush_rules_config_t *config, hushi_rule_t **rules,
                                         size_t *count, size_t *capacity, hush_error_t *err)
{
    const char *name = config->known_secrets_name ? config->known_secrets_name : "known secrets";
    if (config->known_secret_count > HUSH_KNOWN_SECRETS_MAX) {
        hushi_error_set(err, "%s: more than %u known secrets", name, HUSH_KNOWN_SECRETS_MAX);
        return HUSH_ERR_LIMIT;
    }
    size_t limit = *count + (size_t)HUSH_KNOWN_SECRETS_MAX * KNOWN_FORMS_MAX;
    hush_status_t st = HUSH_OK;
    for (size_t i = 0; st == HUSH_OK && i < config->known_secret_count; i++) {
        const hush_known_secret_t *k = &config->known_secrets[i];
        if (!k->value || k->size < HUSH_KNOWN_SECRET_MIN || k->size > HUSH_KNOWN_SECRET_MAX) {
            /* Never the value: only where it is and why it cannot be used. */
            hushi_error_set(err, "%s: known secret #%zu: %zu bytes; a known secret must be %u to %u "
                           "bytes long",
                           name, i + 1, k->value ? k->size : 0, HUSH_KNOWN_SECRET_MIN,
                           HUSH_KNOWN_SECRET_MAX);
            return HUSH_ERR_ARGUMENT;
        }
        if (all_blank(k->value, k->size)) {
            hushi_error_set(err, "%s: known secret #%zu: only spaces; it would match every run "
                           "of spaces",
                           name, i + 1);
            return HUSH_ERR_ARGUMENT;
        }
        forms_t forms = {0};
        st = build_forms(k->value, k->size, &forms);
        for (size_t j = 0; st == HUSH_OK && j < forms.count; j++) {
            st = hushi_rule_append(rules, count, capacity, limit);
            if (st == HUSH_OK) {
                st = fill_rule(&(*rules)[*count], name, k, &forms.pattern[j]);
                (*count)++; /* even half-filled: freed with the others */
            }
        }
        forms_free(&forms);
    }
    if (st == HUSH_ERR_NOMEM)
        hushi_error_set(err, "%s: out of memory", name);
    return st;
}
