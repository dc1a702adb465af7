/*
 * The compiled rule set as the engine sees it.  Only the rule modules and the
 * scanner include this; everyone else goes through hush.h.
 */
#ifndef HUSHI_RULES_INTERNAL_H
#define HUSHI_RULES_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <pcre2.h>
#include <stdatomic.h>

#include "error_internal.h"
#include "hush.h"
#include "score.h"
#include "validate.h"

/* Longest match any rule may produce.  Rules whose Hyperscan max width is
 * larger (or unbounded) are rejected at load: the streaming window holds
 * about three times this, so it bounds memory. */
#define HUSHI_MAX_MATCH_LEN 8192u
/* Bytes of context kept on each side of a confirm window, for \b, look-behind
 * and look-ahead.  Rules whose PCRE2 look-behind is longer are rejected. */
#define HUSHI_CONTEXT_LEN 256u
/* Keywords must appear within this many bytes before the match (or in it). */
#define HUSHI_KEYWORD_WINDOW 64u
/* Rule-file limits, each with a clear error when exceeded. */
#define HUSHI_MAX_RULES 4096u
#define HUSHI_MAX_ID_LEN 96u
#define HUSHI_MAX_PATTERN_LEN 8192u

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
     * and spaces); a leading or trailing '*' matches any suffix / prefix. */
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

struct hush_rules {
    hushi_rule_t *rules;
    size_t count;
    /* Two block-mode databases over the same rules (see stream_match.h):
     * `detect` has every rule SINGLEMATCH plus the multiline openers, and
     * says cheaply whether a range holds anything; `locate` reports every
     * match end, and runs only over ranges where detect reported a rule. */
    hs_database_t *detect_db;
    hs_database_t *locate_db;
    bool from_cache;
    size_t opener_count;          /* Hyperscan ids count .. count+opener_count-1 */
    uint32_t *opener_rule;        /* opener index -> rule index */
    unsigned max_width;           /* largest max_width over all rules */
};

/* Returns the rule's compiled PCRE2 code, compiling it on first use.
 * NULL on failure with `message` filled. */
const pcre2_code *hushi_rule_code(const hushi_rule_t *rule, uint32_t *secret_group,
                                 char *message, size_t message_size);

/* Parses one rule file, appending to *rules (grown as needed).  On error fills
 * err with "file: rule-id: reason". */
hush_status_t hushi_rules_parse_file(const hush_rule_file_t *file, hushi_rule_t **rules,
                                    size_t *count, size_t *capacity, hush_error_t *err);
void hushi_rule_free(hushi_rule_t *rule);

/* Makes room for one more zeroed rule at (*rules)[*count] (the caller
 * increments *count); HUSH_ERR_LIMIT when *count has reached `limit`. */
hush_status_t hushi_rule_append(hushi_rule_t **rules, size_t *count, size_t *capacity,
                               size_t limit);

/* Keeps `s` in the rule's list of owned strings, freed with the rule;
 * returns it, or NULL (and frees it) when out of memory. */
char *hushi_rule_own(hushi_rule_t *rule, char *s);

/* Appends the rules that find config->known_secrets (known_secrets.c). */
hush_status_t hushi_known_secrets_append(const hush_rules_config_t *config, hushi_rule_t **rules,
                                        size_t *count, size_t *capacity, hush_error_t *err);

/* Normalises a member, header or parameter name for structural rules: lower
 * case, without '_', '-', '.' and spaces.  Writes a NUL-terminated string;
 * returns its length, or 0 when it would not fit in `capacity`. */
size_t hushi_structure_name_normalize(const unsigned char *in, size_t size, char *out,
                                     size_t capacity);

/* Compiles the Hyperscan database of all rules (prefilter mode where needed,
 * max widths filled in), using and filling the cache when cache_dir is set. */
hush_status_t hushi_rules_build_database(struct hush_rules *rules, const hush_rules_config_t *config,
                                        hush_error_t *err);

#endif
