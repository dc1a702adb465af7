/*
 * The streaming matcher: Hyperscan says where rules may match, PCRE2
 * (confirm.h) decides, and the result never depends on how the input was
 * split into reads.
 *
 * Each new range (scanned_to, end] is scanned from scanned_to - max width,
 * so every match that ends in the range lies wholly inside what Hyperscan
 * sees.  Two block-mode databases (rules_internal.h): `detect`, with every
 * rule SINGLEMATCH, only says whether a rule matches somewhere in what it
 * saw, which nearly halves Hyperscan's work on clean input; where it reports
 * a rule, `locate` reports every match end of that rule in the range.  Ends
 * of one rule close together form a cluster [a, b]; once the window holds
 * b + max width + context bytes, PCRE2 searches from a - max width (or from
 * the end of the rule's last accepted match, if later) and accepts matches
 * that start before b.
 *
 * Why that finds exactly what a PCRE2 loop over the whole input finds: each
 * match of that loop ends at some offset e, in exactly one scanned range,
 * where detect reports its rule and locate reports e; the cluster holding e
 * searches from no later than the match's start and accepts it, because
 * every earlier match of the rule was accepted by earlier clusters (by
 * induction), so the search resumes where the loop would.  An end in the
 * overlap, or a report for bytes already searched, only repeats a search
 * that accepts nothing new.  So the findings depend on the bytes alone, even
 * though where ranges begin depends on how the input arrived.
 *
 * The matcher also says up to where no future match can start (the safe
 * point), which is how far findings can be released and output written.
 */
#ifndef HUSHI_STREAM_MATCH_H
#define HUSHI_STREAM_MATCH_H

#include "confirm.h"
#include "window.h"

/* Bytes gathered before Hyperscan scans them: each scan re-reads up to a
 * max width of overlap, so scanning much smaller pieces would cost more. */
#define HUSHI_SCAN_CHUNK (64u << 10)
/* Pending multiline openers remembered for flushing; past this, flushing
 * waits until the oldest resolve. */
#define HUSHI_MAX_OPENER_HOLDS 256u
/* Bytes the window must keep, besides the bytes of the ranges still being
 * confirmed (each at most HUSHI_SCAN_CHUNK plus one fed slice). */
#define HUSHI_LOOKBACK_BOUND \
    (HUSHI_SCAN_CHUNK + 2u * HUSHI_MAX_MATCH_LEN + 4u * HUSHI_CONTEXT_LEN + HUSHI_KEYWORD_WINDOW)

typedef struct hushi_stream_match hushi_stream_match_t;

hush_status_t hushi_stream_match_create(const hush_rules_t *rules, hushi_stream_match_t **out);
void hushi_stream_match_destroy(hushi_stream_match_t *m);
/* Forgets the current stream (a new one starts at offset 0). */
void hushi_stream_match_reset(hushi_stream_match_t *m);
/* The stream has ended: the next process scans and decides everything. */
void hushi_stream_match_end(hushi_stream_match_t *m);

typedef struct hushi_process_request {
    const hushi_region_t *region;  /* the window's bytes */
    uint64_t flush_line_end;      /* 0, or offset just after the last '\n' to flush to */
    hushi_candidate_fn accept;
    void *accept_ctx;
} hushi_process_request_t;

/* Scans what has gathered (at least HUSHI_SCAN_CHUNK bytes, or up to the
 * flush point, or everything at the end), confirms every cluster that can be
 * decided with the bytes in the window, passing accepted matches to
 * `accept`, and returns in *safe the offset before which no match can start
 * any more. */
hush_status_t hushi_stream_match_process(hushi_stream_match_t *m, hushi_confirm_t *confirm,
                                         const hushi_process_request_t *req, uint64_t *safe);

/* Earliest offset the matcher may still read (for discarding bytes). */
uint64_t hushi_stream_match_oldest_needed(const hushi_stream_match_t *m);

#endif
