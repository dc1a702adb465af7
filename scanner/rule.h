/*
 * One rule as the engine holds it: what callers see (hush_rule_info_t), and
 * what the engine needs besides: its validator, score profile, multiline
 * opener, structural names, known-secret value, and PCRE2 code.
 */
#ifndef HUSHI_RULE_H
#define HUSHI_RULE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>

#include "hush.h"
#include "score.h"
#include "validator.h"

/* Rules found by document structure rather than by a pattern (views.h). */
typedef enum hushi_structure_kind {
    HUSHI_STRUCTURE_NONE = 0,        /* a pattern rule */
    HUSHI_STRUCTURE_JSON_KEY,        /* the string value of a member with one of `names` */
    HUSHI_STRUCTURE_NAME_VALUE,      /* `value` of a {"name": one of `names`, "value"} object */
    HUSHI_STRUCTURE_QUERY_PARAMETER, /* a URL query or form parameter named one of `names`
                                       (also as a name/value object) */
    HUSHI_STRUCTURE_KEYVAULT_VALUE   /* a Key Vault Get-secret result's value */
} hushi_structure_kind_t;

/* Longest name a structural rule may list, normalised. */
#define HUSHI_MAX_STRUCTURE_NAME 64u

typedef struct hushi_rule {
    hush_rule_info_t info;        /* what callers see; strings below are owned here */
    char **owned;                 /* every string the rule owns, freed together */
    size_t owned_count;
    hushi_validator_fn validator;
    hushi_score_profile_t score;   /* HUSHI_SCORE_NONE unless the rule opts in */
    char *opener;                 /* multiline rules: regex for how a match begins */
    unsigned opener_width;        /* Hyperscan max width of the opener */
    hushi_structure_kind_t structure;
    /* Structural rules: names normalised (lower case, without '_', '-', '.'
     * and spaces); a leading or trailing '*' matches any suffix / prefix,
     * both any part; "!name" is a name no wildcard of the kind takes. */
    const char *const *structure_names;
    size_t structure_name_count;
    /* Known-secret rules (known_secrets.c): the value this rule finds in one
     * of its forms, owned and wiped on free; its fingerprint is reported,
     * whatever the form.  NULL for every other rule. */
    unsigned char *known_value;
    size_t known_value_size;
    /* PCRE2 code compiled on first use; shared by threads, so published with
     * an atomic compare-exchange (a thread that loses the race frees its copy). */
    _Atomic(pcre2_code *) code;
} hushi_rule_t;

/* Returns the rule's compiled PCRE2 code, compiling it on first use.
 * NULL on failure with `message` filled. */
const pcre2_code *hushi_rule_code(const hushi_rule_t *rule, uint32_t *secret_group,
                                  char *message, size_t message_size);

/* Frees everything the rule owns (wiping a known secret) and zeroes it. */
void hushi_rule_free(hushi_rule_t *rule);

/* Makes room for one more zeroed rule at (*rules)[*count] (the caller
 * increments *count); HUSH_ERR_LIMIT when *count has reached `limit`. */
hush_status_t hushi_rule_append(hushi_rule_t **rules, size_t *count, size_t *capacity,
                                size_t limit);

/* Keeps `s` in the rule's list of owned strings, freed with the rule;
 * returns it, or NULL (and frees it) when out of memory. */
char *hushi_rule_own(hushi_rule_t *rule, char *s);

/* Normalises a member, header or parameter name for structural rules: lower
 * case, without '_', '-', '.' and spaces.  Writes a NUL-terminated string;
 * returns its length, or 0 when it would not fit in `capacity`. */
size_t hushi_structure_name_normalize(const unsigned char *in, size_t size, char *out,
                                      size_t capacity);

#endif
