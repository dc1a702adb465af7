/*
 * The fixture most scanner tests share: rules compiled from JSON written in
 * the test, and a scanner that captures every finding (all fields) and the
 * redacted output, so a test can assert on them or compare two scans.
 *
 * Nothing here asserts: functions return the library's status and the test
 * asserts on it, so a failure points at the test's own line.
 */
#ifndef TESTS_SCAN_FIXTURE_H
#define TESTS_SCAN_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hush.h"
#include "text_buffer.h"

/* hush_rules_create, except that with err NULL the message of a failure
 * is printed to stderr ("rules: ..."), for tests that expect success. */
hush_status_t rules_from_config(const hush_rules_config_t *config, hush_rules_t **out,
                                hush_error_t *err);
/* Compiles one rule file given as JSON text, named `name` in messages
 * (err as for rules_from_config). */
hush_status_t rules_from_json(const char *name, const char *json, hush_rules_t **out,
                              hush_error_t *err);

/* Creates a scanner from `config`, feeds it `size` bytes of `text` in one
 * read and finishes; the first status that is not HUSH_OK, or HUSH_OK. */
hush_status_t scan_whole(const hush_rules_t *rules, const hush_scanner_config_t *config,
                         const char *text, size_t size);

/* One finding as reported, copied out of the callback. */
typedef struct captured_finding {
    char rule[64];
    char encoding[48];
    uint64_t offset, length, line, column;
    hush_confidence_t confidence;
    char fingerprint[HUSH_FINGERPRINT_HEX + 1];
    char preview[HUSH_PREVIEW_MAX + 1];
    bool copy;
} captured_finding_t;

/* What one scan reported.  Start from {0}; capture_free when done. */
typedef struct capture {
    /* Every field of every finding, one line each:
     * "rule offset+length line:column confidence fingerprint preview|name|validated|encoding" */
    buf_t findings;
    captured_finding_t *seen; /* the findings in the order reported */
    size_t count, cap;
    buf_t output; /* the redacted output */
} capture_t;

/* hush_finding_fn and hush_output_fn that record into a capture_t context. */
int capture_finding(void *ctx, const hush_finding_t *f);
int capture_output(void *ctx, const void *data, size_t size);
/* Empties a capture for the next scan (findings and output become ""). */
void capture_reset(capture_t *c);
void capture_free(capture_t *c);

/* A scanner that writes findings and output into `cap` (may be NULL: set it
 * later with hush_scanner_set_context), every confidence reported,
 * fingerprints keyed with `key`. */
hush_status_t capture_scanner_create(const hush_rules_t *rules, hush_engine_t engine,
                                     hush_mask_t mask, const unsigned char *key,
                                     size_t key_size, capture_t *cap, hush_scanner_t **out);

#endif
