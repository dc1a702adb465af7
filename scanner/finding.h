/*
 * From a confirmed match to a finding: the checks that can drop or re-grade
 * it (placeholder, entropy, keywords, validator), its fingerprint, and the
 * masked preview shown to people.  The secret bytes are read here and never
 * copied anywhere else.
 */
#ifndef HUSHI_FINDING_H
#define HUSHI_FINDING_H

#include "confirm.h"
#include "propagate.h"

/* Longest view name a finding reports ("csv+json+base64+json+percent"). */
#define HUSHI_ENCODING_MAX 48

/* A finding between confirmation and release.  Offsets are raw stream
 * offsets, also for findings made in a decoded view (views.h). */
typedef struct hushi_pending {
    hushi_candidate_t c;
    hush_confidence_t confidence;
    const char *validated;
    bool redact;
    char fingerprint[HUSH_FINGERPRINT_HEX + 1];
    /* Views: which one it was found in ("" = the raw bytes), how deep, and
     * the raw span of the outermost value holding it. */
    char encoding[HUSHI_ENCODING_MAX];
    uint8_t view_depth;
    bool structural;              /* found by a structural rule, not a pattern */
    uint64_t container_start, container_end;
    /* Owned by the finding (NULL for raw findings): the preview rendered from
     * the decoded view, and the bytes that replace the raw span in redacted
     * output, encoded for their container. */
    char *preview;
    unsigned char *replacement;
    size_t replacement_size;
    /* The secret is a JWT: its triage facts (jwt_meta.h).  Held by value,
     * so copies of a pending finding need no ownership rules. */
    bool has_meta;
    hush_finding_meta_t meta;
    bool copy;                    /* a copy of a propagated value (propagate.h) */
} hushi_pending_t;

/* Frees what a pending finding owns (preview, replacement). */
void hushi_pending_release(hushi_pending_t *p);

typedef struct hushi_finding_policy {
    hush_confidence_t min_confidence;
    const unsigned char *key;     /* fingerprint key, NULL for none */
    size_t key_size;
    int64_t now;                  /* for JWT meta.expired; 0: the clock */
    hush_allow_fn allow;          /* NULL: nothing is allowed */
    void *const *allow_ctx;       /* where the current finding_ctx is kept */
    hush_values_t *collect;       /* NULL, or where found values go (propagate.h) */
} hushi_finding_policy_t;

/* What every kept candidate gets from its secret value: the fingerprint and,
 * for a JWT, its meta.  False when the policy's allow callback drops it
 * (then no meta is read).  A value kept at or above the minimum confidence
 * whose finding redacts goes to policy->collect, when there is one: `p`'s
 * confidence and redact must be set. */
bool hushi_finding_identify(const hushi_finding_policy_t *policy, const char *rule_id,
                            const unsigned char *value, size_t size, hushi_pending_t *p);

/* A copy of a propagated value at offsets [start, end) (propagate.h) as a
 * finding of `rule` at `confidence`, its preview showing the bytes before it
 * (a copy has no match of its own); false when the allow list drops it.
 * Shared by the raw scan and the decoded views. */
bool hushi_finding_copy(const hushi_finding_policy_t *policy, const hush_rules_t *rules,
                        uint32_t rule, hush_confidence_t confidence, uint64_t start, uint64_t end,
                        const unsigned char *value, size_t size, hushi_pending_t *out);

/* Decides whether the candidate is a finding; fills *out when it is.
 * The region must hold HUSHI_KEYWORD_WINDOW bytes before the match. */
bool hushi_finding_evaluate(const hush_rules_t *rules, const hushi_finding_policy_t *policy,
                            const hushi_region_t *region, const hushi_candidate_t *c,
                            hushi_pending_t *out);

/* Keyed fingerprint of a secret value (HMAC-SHA256, first 16 hex), "" when
 * the policy has no key. */
void hushi_finding_fingerprint(const hushi_finding_policy_t *policy, const unsigned char *secret,
                               size_t size, char out[HUSH_FINGERPRINT_HEX + 1]);

/* Other findings whose secrets may show in a preview. */
typedef struct hushi_finding_others {
    const hushi_pending_t *before, *after;
    size_t before_count, after_count;
} hushi_finding_others_t;

/* Renders the preview: the rule's match around the secret with the secret
 * replaced by [REDACTED:<rule-id>], bytes of other findings' secrets
 * replaced by '*', non-printable bytes by '.', long context cut.  A preview
 * is always one line: a secret of several lines is the one label (whatever
 * the mask of the redacted output, which keeps its lines: redact.h), and
 * line breaks in the context read '.'. */
void hushi_finding_preview(const hush_rules_t *rules, const hushi_region_t *region,
                           const hushi_pending_t *p, const hushi_finding_others_t *others,
                           char out[HUSH_PREVIEW_MAX + 1]);

/* The preview shows bytes from no earlier than this... */
uint64_t hushi_finding_preview_start_bound(const hushi_pending_t *p);
/* ...and up to this offset (exclusive). */
uint64_t hushi_finding_preview_end(const hushi_pending_t *p);

/* Total order of findings: by secret start, end, then rule. */
int hushi_pending_compare(const hushi_pending_t *a, const hushi_pending_t *b);

#endif
