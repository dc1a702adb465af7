/*
 * From a confirmed match to a finding: the checks that can drop or re-grade
 * it (placeholder, entropy, keywords, validator), its fingerprint, and the
 * masked preview shown to people.  The secret bytes are read here and never
 * copied anywhere else.
 */
#ifndef HUSH_FINDING_H
#define HUSH_FINDING_H

#include "confirm.h"

/* A finding between confirmation and release. */
typedef struct hush_pending {
    hush_candidate_t c;
    hush_confidence_t confidence;
    const char *validated;
    bool redact;
    char fingerprint[HUSH_FINGERPRINT_HEX + 1];
} hush_pending_t;

typedef struct hush_finding_policy {
    hush_confidence_t min_confidence;
    const unsigned char *key;     /* fingerprint key, NULL for none */
    size_t key_size;
} hush_finding_policy_t;

/* Decides whether the candidate is a finding; fills *out when it is.
 * The region must hold HUSH_KEYWORD_WINDOW bytes before the match. */
bool hush_finding_evaluate(const hush_rules_t *rules, const hush_finding_policy_t *policy,
                           const hush_region_t *region, const hush_candidate_t *c,
                           hush_pending_t *out);

/* Other findings whose secrets may show in a preview. */
typedef struct hush_finding_others {
    const hush_pending_t *before, *after;
    size_t before_count, after_count;
} hush_finding_others_t;

/* Renders the preview: the rule's match around the secret with the secret
 * replaced by [REDACTED:<rule-id>], bytes of other findings' secrets
 * replaced by '*', non-printable bytes by '.', long context cut. */
void hush_finding_preview(const hush_rules_t *rules, const hush_region_t *region,
                          const hush_pending_t *p, const hush_finding_others_t *others,
                          char out[HUSH_PREVIEW_MAX + 1]);

/* The preview shows bytes from no earlier than this... */
uint64_t hush_finding_preview_start_bound(const hush_pending_t *p);
/* ...and up to this offset (exclusive). */
uint64_t hush_finding_preview_end(const hush_pending_t *p);

/* Total order of findings: by secret start, end, then rule. */
int hush_pending_compare(const hush_pending_t *a, const hush_pending_t *b);

#endif
