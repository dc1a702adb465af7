/*
 * Masks: what replaces a secret's bytes in redacted output.
 *   label   [REDACTED:<rule-id>]
 *   stars   '*' for every byte (offsets of everything else stay put)
 *   partial the first 4 bytes kept when the secret has 16 or more, then '*';
 *           shorter secrets are all stars, since 4 of 6 characters would
 *           give most of the secret away
 *   hash    [REDACTED:<rule-id>:<first 8 hex of the fingerprint>]
 *
 * Every mask keeps the secret's line breaks, so redacted text has as many
 * lines as its input and every later line keeps its number:
 *   stars, partial  each '\r' and '\n' of the secret stays in place, every
 *                   other byte becomes '*' (partial: but the kept first
 *                   bytes, which stop before a line break);
 *   label, hash     the label, then the secret's '\r' and '\n' bytes in their
 *                   order and nothing else: the label ends the first line,
 *                   the masked part of every following line is empty
 *                   ("[REDACTED:id]\r\n\r\n" for a secret of three CR LF
 *                   lines), and whatever followed the secret on its last
 *                   line follows the last kept break.
 * A secret in a decoded view is masked as decoded text and re-encoded, so
 * in a JSON string the kept breaks are "\n" escapes (the raw bytes hold no
 * newline, before or after); see view_text.c.
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
    const unsigned char *secret;    /* the bytes being replaced (every mask reads
                                       them: their line breaks are kept) */
    size_t size;
    bool continuation;              /* the secret's start was already masked by an
                                       overlapping finding: mask only, keep nothing */
} hushi_mask_request_t;

/* Writes the mask through `emit`; returns emit's non-zero result, else 0. */
int hushi_mask_emit(const hushi_mask_request_t *req, hush_output_fn emit, void *ctx);

#endif
