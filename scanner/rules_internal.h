/*
 * The compiled rule set as the engine sees it: the rules (rule.h), the two
 * Hyperscan databases, and the limits every stage keeps to.  Only the rule
 * modules and the scanner include this; everyone else goes through hush.h.
 */
#ifndef HUSHI_RULES_INTERNAL_H
#define HUSHI_RULES_INTERNAL_H

#include <hs/hs.h>

#include "hush.h"
#include "rule.h"

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

#endif
