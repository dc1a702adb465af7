/*
 * Confirmation: runs a rule's PCRE2 pattern over bytes where Hyperscan saw a
 * hit (or, for the reference engine, over the whole input) and extracts the
 * secret span of each match.  Both engines use this one routine, so they can
 * differ only in which bytes they look at, never in how they match.
 *
 * Matching semantics (the contract `rules check` verifies):
 *  - per rule, leftmost-first, non-overlapping matches (like a PCRE2 loop over
 *    the whole input);
 *  - a rule that is not multiline matches within one line: the subject is the
 *    line without its '\n', so ^ and $ are line anchors;
 *  - a match longer than the rule's max width or without a non-empty secret
 *    group is skipped, and the search goes on one byte further.
 */
#ifndef HUSHI_CONFIRM_H
#define HUSHI_CONFIRM_H

#include "rules_internal.h"

typedef struct hushi_candidate {
    uint32_t rule;
    uint64_t match_start, match_end;    /* stream offsets */
    uint64_t secret_start, secret_end;
} hushi_candidate_t;

typedef hush_status_t (*hushi_candidate_fn)(void *ctx, const hushi_candidate_t *candidate);

/* Bytes available to the matcher: stream offsets [base, end). */
typedef struct hushi_region {
    const unsigned char *bytes; /* the byte at stream offset `base` */
    uint64_t base;
    uint64_t end;
    bool stream_end;            /* `end` is the end of the stream */
} hushi_region_t;

typedef struct hushi_confirm {
    pcre2_match_data *match_data;
    pcre2_match_context *match_context;
    char *message;              /* filled on error */
    size_t message_size;
} hushi_confirm_t;

bool hushi_confirm_init(hushi_confirm_t *c, const hush_rules_t *rules, char *message,
                        size_t message_size);
void hushi_confirm_free(hushi_confirm_t *c);

/* Accepts every match of `rule` that starts in [max(*next_start, from), until),
 * in order, calling `accept` for each; *next_start becomes the end of the last
 * accepted match.  The region must cover [from - HUSHI_CONTEXT_LEN, until +
 * max width + HUSHI_CONTEXT_LEN) unless it ends at a line end or the stream end. */
hush_status_t hushi_confirm_range(hushi_confirm_t *c, const hush_rules_t *rules, uint32_t rule,
                                  const hushi_region_t *region, uint64_t from, uint64_t until,
                                  uint64_t *next_start, hushi_candidate_fn accept, void *ctx);

#endif
