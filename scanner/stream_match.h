/*
 * The streaming matcher: Hyperscan in stream mode finds where rules may end,
 * PCRE2 (confirm.h) decides, and the result never depends on how the input
 * was split into reads.
 *
 * Hyperscan reports (rule, end offset) without the start.  Hits of one rule
 * that lie close together are gathered into a cluster [a, b] of end offsets.
 * Once the window holds b + max width + context bytes, the cluster is
 * confirmed: PCRE2 searches from a - max width (or the end of the rule's
 * last accepted match, whichever is later) and accepts matches that start
 * before b.  Every match PCRE2 would find scanning the whole input ends at
 * a Hyperscan hit, so it lies in exactly one cluster's range; how hits are
 * grouped changes only the work done, never the result.  Hyperscan's own
 * hits do not depend on read boundaries, clusters depend only on hits, and
 * confirmation only on bytes at fixed stream offsets: hence invariance.
 *
 * The matcher also says up to where no future match can start (the safe
 * point), which is how far findings can be released and output written.
 */
#ifndef HUSH_STREAM_MATCH_H
#define HUSH_STREAM_MATCH_H

#include "confirm.h"
#include "window.h"

/* A cluster never spans more end offsets than this, so a rule that hits at
 * every byte still gets confirmed in bounded pieces. */
#define HUSH_CLUSTER_MAX_SPAN (32u << 10)
/* Hyperscan may report a match this many bytes after its end (\b, $). */
#define HUSH_REPORT_LAG HUSH_CONTEXT_LEN
/* Pending multiline openers remembered for flushing; past this, flushing
 * waits until the oldest resolve. */
#define HUSH_MAX_OPENER_HOLDS 256u
/* Bytes the window must be able to keep beyond one fed slice. */
#define HUSH_LOOKBACK_BOUND \
    (HUSH_CLUSTER_MAX_SPAN + 2u * HUSH_MAX_MATCH_LEN + 4u * HUSH_CONTEXT_LEN + HUSH_KEYWORD_WINDOW)

typedef struct hush_stream_match hush_stream_match_t;

hush_status_t hush_stream_match_create(const hush_rules_t *rules, hush_stream_match_t **out);
void hush_stream_match_destroy(hush_stream_match_t *m);
/* Forgets the current stream (a new one starts at offset 0). */
hush_status_t hush_stream_match_reset(hush_stream_match_t *m);

/* Scans the bytes just appended to the window (stream offsets continue). */
hush_status_t hush_stream_match_scan(hush_stream_match_t *m, const unsigned char *bytes,
                                     size_t size);
/* Tells Hyperscan the stream ended (reports matches anchored at the end). */
hush_status_t hush_stream_match_end(hush_stream_match_t *m);

typedef struct hush_process_request {
    const hush_region_t *region;  /* the window's bytes */
    uint64_t flush_line_end;      /* 0, or offset just after the last '\n' to flush to */
    hush_candidate_fn accept;
    void *accept_ctx;
} hush_process_request_t;

/* Confirms every cluster that can be decided with the bytes in the window
 * (all of them at stream end), passing accepted matches to `accept`, and
 * returns in *safe the offset before which no match can start any more. */
hush_status_t hush_stream_match_process(hush_stream_match_t *m, hush_confirm_t *confirm,
                                        const hush_process_request_t *req, uint64_t *safe);

/* Earliest offset a pending cluster may still read (for discarding bytes). */
uint64_t hush_stream_match_oldest_needed(const hush_stream_match_t *m);

#endif
