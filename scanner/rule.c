/*
 * One compiled rule (rule.h): the strings it owns, its PCRE2 code compiled
 * on first use, and the normalised names of structural rules.
 */
#include "rule.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "array_internal.h"

/* Room for this many rules when the first one is appended. */
#define HUSHI_RULES_INITIAL 64

const pcre2_code *hushi_rule_code(const hushi_rule_t *rule, uint32_t *secret_group, char *message,
                                  size_t message_size)
{
    hushi_rule_t *mutable_rule = (hushi_rule_t *)rule; /* the lazily filled cache only */
    pcre2_code *code = atomic_load_explicit(&mutable_rule->code, memory_order_acquire);
    if (!code) {
        int error = 0;
        PCRE2_SIZE where = 0;
        code = pcre2_compile((PCRE2_SPTR)rule->info.pattern, PCRE2_ZERO_TERMINATED,
                             PCRE2_MULTILINE | PCRE2_NEVER_UTF | PCRE2_NEVER_UCP, &error, &where, NULL);
        if (!code) {
            PCRE2_UCHAR text[160];
            pcre2_get_error_message(error, text, sizeof text);
            snprintf(message, message_size, "PCRE2: %s at pattern offset %zu", (char *)text,
                     (size_t)where);
            return NULL;
        }
        /* JIT is an optimisation: a platform without it still matches. */
        (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        pcre2_code *expected = NULL;
        if (!atomic_compare_exchange_strong_explicit(&mutable_rule->code, &expected, code,
                                                     memory_order_acq_rel,
                                                     memory_order_acquire)) {
            pcre2_code_free(code);
            code = expected;
        }
    }
    int group = pcre2_substring_number_from_name(code, (PCRE2_SPTR)rule->info.secret_group);
    if (group <= 0) {
        snprintf(message, message_size, "pattern has no named group (?<%s>...)",
                 rule->info.secret_group);
        return NULL;
    }
    *secret_group = (uint32_t)group;
    return code;
}

char *hushi_rule_own(hushi_rule_t *rule, char *s)
{
    if (!s)
        return NULL;
    char **grown = realloc(rule->owned, (rule->owned_count + 1) * sizeof *grown);
    if (!grown) {
        free(s);
        return NULL;
    }
    rule->owned = grown;
    rule->owned[rule->owned_count++] = s;
    return s;
}

void hushi_rule_free(hushi_rule_t *rule)
{
    if (!rule)
        return;
    /* A known-secret rule's pattern spells its value: wipe both. */
    if (rule->known_value) {
        OPENSSL_cleanse((char *)rule->info.pattern, strlen(rule->info.pattern));
        OPENSSL_cleanse(rule->known_value, rule->known_value_size);
        free(rule->known_value);
    }
    for (size_t i = 0; i < rule->owned_count; i++)
        free(rule->owned[i]);
    free(rule->owned);
    pcre2_code_free(atomic_load(&rule->code));
    memset(rule, 0, sizeof *rule);
}

hush_status_t hushi_rule_append(hushi_rule_t **rules, size_t *count, size_t *capacity,
                                size_t limit)
{
    if (*count >= limit)
        return HUSH_ERR_LIMIT;
    /* The rule count was checked above: this limit only guards growth. */
    hush_status_t st = HUSHI_ARRAY_RESERVE(*rules, *count, *capacity, HUSHI_RULES_INITIAL, SIZE_MAX);
    if (st != HUSH_OK)
        return st;
    memset(&(*rules)[*count], 0, sizeof **rules);
    atomic_init(&(*rules)[*count].code, NULL);
    return HUSH_OK;
}

/* Lower case without separators, so "client_secret", "ClientSecret" and
 * "client-secret" are one name.  Returns the length, 0 when too long. */
size_t hushi_structure_name_normalize(const unsigned char *in, size_t size, char *out,
                                      size_t capacity)
{
    size_t n = 0;
    for (size_t i = 0; i < size; i++) {
        unsigned char c = in[i];
        if (c == '_' || c == '-' || c == '.' || c == ' ')
            continue;
        if (n + 1 >= capacity)
            return 0;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
    return n;
}
