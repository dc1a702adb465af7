/*
 * Masks: what replaces a secret's bytes in redacted output.
 *   label   [REDACTED:<rule-id>]
 *   stars   '*' for every byte (offsets of everything else stay put)
 *   partial the first 4 bytes kept when the secret has 16 or more, then '*';
 *           shorter secrets are all stars, since 4 of 6 characters would
 *           give most of the secret away
 *   hash    [REDACTED:<rule-id>:<first 8 hex of the fingerprint>]
 */
#ifndef HUSHI_REDACT_H
#define HUSHI_REDACT_H

#include "hush.h"

#define HUSHI_PARTIAL_KEEP 4u
#define HUSHI_PARTIAL_MIN_LEN 16u

typedef struct hushi_mask_request {
    hush_mask_t mask;
    const char *rule_id;
    const char *fingerprint;        /* "" when none */
    const unsigned char *secret;    /* the bytes being replaced */
    size_t size;
    bool continuation;              /* the secret's start was already masked by an
                                       overlapping finding: mask only, keep nothing */
} hushi_mask_request_t;

/* Writes the mask through `emit`; returns emit's non-zero result, else 0. */
int hushi_mask_emit(const hushi_mask_request_t *req, hush_output_fn emit, void *ctx);

#endif
