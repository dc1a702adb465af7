/*
 * Checks what the scanner makes of a document from gen_documents.h, as the
 * views property tests promise it:
 *   (a) one finding per planted secret, exactly at its raw span, with the
 *       right rule, encoding label, line, column and fingerprint (that of
 *       the decoded secret), and no other finding; no preview shows it;
 *   (b) the redacted output is the input with each span masked (a secret's
 *       line breaks kept), has as many lines as the input, and still
 *       parses as the JSON or CSV it was, with the same shape;
 *   (c) no planted value can be read back from the output after any
 *       decoding (JSON strings, percent-encoding, base64, JSON in a string);
 *   (d) findings and output are the same with the reference engine and fed
 *       whole, in random pieces, byte by byte, line by line with a flush
 *       (which never writes a secret's raw bytes), through
 *       input_buffer/commit, and cut in two at every byte.
 *
 * No secret value is ever printed: problems name seeds, offsets, rule ids
 * and encodings only.
 */
#ifndef TESTS_CHECK_REDACTION_H
#define TESTS_CHECK_REDACTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "gen_documents.h"
#include "hush.h"
#include "scan_fixture.h"
#include "text_buffer.h"

/* Documents up to this size are also fed one byte at a time. */
#define BYTEWISE_MAX 2048u
/* Documents up to this size (one seed in ten) are also cut in two at
 * every byte. */
#define TWO_PIECES_MAX 1200u
/* Top-level JSON values in one document, at most. */
#define MAX_ROOTS 16
/* Problems printed per property test before the rest are only counted. */
#define MAX_PRINTED_PROBLEMS 40u
/* Masks checked: label (whose scan is checked for findings), stars, hash,
 * partial. */
#define MASK_COUNT 4u

/* The fingerprint key of every scanner here (fingerprints are checked). */
extern const unsigned char check_fingerprint_key[32];

/* How scan_feeding() feeds a text to the scanner. */
enum feeding { FEED_WHOLE, FEED_PIECES, FEED_BYTES, FEED_LINES_FLUSHED, FEED_ZERO_COPY,
               FEED_TWO_PIECES };

/* Raw spans that must never reach the output, checked after every flush. */
typedef struct guard {
    const doc_t *doc;
    bool leaked;
} guard_t;

/* Checks of one document; problems are printed (the first MAX_PRINTED_PROBLEMS
 * of a test) and counted, so one run reports every broken document. */
typedef struct checker {
    const char *test;
    uint64_t seed;
    const doc_t *doc;
    unsigned problems;    /* of this document */
    unsigned *total;      /* of the whole test */
    /* Each secret's fingerprint when it stands alone in plain text. */
    char fingerprints[MAX_PLANTED][HUSH_FINGERPRINT_HEX + 1];
    /* The rule the label scan reported for each secret (masks name it). */
    char found_rule[MAX_PLANTED][64];
} checker_t;

/* RFC 4180 with LF or CRLF records; fields decoded. */
typedef struct csv_table {
    buf_t *fields;
    size_t field_count, field_cap;
    size_t *widths; /* fields per record */
    size_t records, record_cap;
} csv_table_t;

/* A Hyperscan and a reference scanner per mask, made once per test. */
typedef struct engines {
    hush_scanner_t *fast[MASK_COUNT], *reference[MASK_COUNT];
} engines_t;

/* Scans `text` into *cap, fed as `feeding` says (`seed` picks random piece
 * sizes; for FEED_TWO_PIECES it is where to cut).  With a guard, the output
 * is checked for planted raw bytes after every flush.  False (with the
 * scanner's message printed) when a call failed. */
bool scan_feeding(hush_scanner_t *s, capture_t *cap, const char *text, size_t size,
                  enum feeding feeding, uint64_t seed, guard_t *guard);

/* The scanners of check_document(), one pair per mask; the first status
 * that is not HUSH_OK.  engines_destroy frees what was made. */
hush_status_t engines_create(const hush_rules_t *rules, engines_t *e);
void engines_destroy(engines_t *e);

/* Fills ck->fingerprints: HMAC-SHA256 of each decoded secret. */
void expected_fingerprints(checker_t *ck);
/* Everything the property promises for ck->doc and mask number m. */
void check_document(checker_t *ck, const engines_t *e, size_t m);
/* A problem unless `got` has the findings (every field) and output of `want`. */
void check_same(checker_t *ck, const capture_t *want, const capture_t *got, const char *what);

/* Every top-level value of a JSON or JSON Lines text; -1 on a syntax error
 * (*error_at: its offset).  With `skipped`, a line that does not parse is
 * skipped and counted instead. */
int parse_roots(const char *text, size_t size, cJSON **roots, size_t *error_at,
                unsigned *skipped);
/* Parses CSV into t (free it with csv_free, also after false). */
bool csv_parse(const char *p, size_t n, csv_table_t *t);
void csv_free(csv_table_t *t);
/* Base64 in either alphabet, padded or not; false when s is not base64. */
bool base64_decode_any(const char *s, size_t n, unsigned char *out, size_t *out_size);

#endif
