/*
 * Propagation (propagate.c): the set of secret values a first pass found
 * (hush_values_t), and the matcher of their copies (hush_copies_t): an
 * index of the values' forms by their first 8 bytes, run by the scanner over
 * the raw bytes and every decoded view text beside the rules.
 */
#ifndef HUSHI_PROPAGATE_H
#define HUSHI_PROPAGATE_H

#include "rules_internal.h"

/* Adds a value found by rule `rule_id` (a string that lives as long as the
 * rule set).  A value already there, or of a size that cannot be propagated,
 * changes nothing; past a cap it is counted as dropped.  Only out of memory
 * fails (the value is then counted as dropped too). */
hush_status_t hushi_values_add(hush_values_t *values, const char *rule_id,
                               hush_confidence_t confidence, const unsigned char *value,
                               size_t size);

/* A copy found: stream offsets [start, end) hold `value`, first found by
 * rule index `rule`; `confidence` is the highest the value was found at, so a
 * copy is never surer than its original. */
typedef hush_status_t (*hushi_copy_fn)(void *ctx, uint32_t rule, hush_confidence_t confidence,
                                       uint64_t start, uint64_t end, const unsigned char *value,
                                       size_t size);

/* One stream's matching state (the last bytes seen, so that a copy may
 * cross two scans): one per scanner and per view sink. */
typedef struct hushi_copy_stream hushi_copy_stream_t;

hush_status_t hushi_copy_stream_create(const hush_copies_t *copies, hushi_copy_stream_t **out);
void hushi_copy_stream_destroy(hushi_copy_stream_t *cs);
/* Scans the next bytes of the current stream, calling `fn` for every copy
 * that ends in them (offsets count from the stream's first byte). */
hush_status_t hushi_copy_stream_scan(hushi_copy_stream_t *cs, const unsigned char *bytes,
                                     size_t size, hushi_copy_fn fn, void *ctx);
/* Ends the current stream; the next scan starts a new one at offset 0. */
void hushi_copy_stream_reset(hushi_copy_stream_t *cs);
/* Size of the longest value: a copy ending after the bytes scanned so far
 * starts no earlier than this many bytes, less one, before their end. */
size_t hushi_copies_longest(const hush_copies_t *copies);

#endif
