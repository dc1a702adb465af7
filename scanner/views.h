/*
 * Views: the matcher's second look at structured input, through its
 * encodings.
 *
 * The raw scan (stream_match.h) sees every byte as stored, which is enough
 * for plain logs and for values that no encoding changed.  A JSON, JSON
 * Lines or CSV stream (recognised by its first line, whatever its name) is
 * also tokenized (view_lex.h), and each value that an encoding changed is
 * decoded and scanned again:
 *
 *   JSON string escapes (\u0026, \/, \n, surrogate pairs)    "json"
 *   CSV doubled quotes                                       "csv"
 *   percent-encoding in a value                              "+percent"
 *   JSON text inside a value (Purview AuditData, HAR bodies) "+json"
 *   base64 where the container says so (HAR "encoding")      "+base64"
 *   HTML in a value: attribute values, references decoded    "+html"
 *   ...and inline script strings, JavaScript escapes decoded "+js"
 *
 * Nested views chain (csv+json+percent); every finding made in one is mapped
 * back through the chain to the raw span that encodes it (decode.h), which
 * is what the report shows and what the redactor replaces, with a
 * replacement encoded for its container so the artifact stays valid.
 *
 * Views also apply the structural rules (rule.h): member names,
 * {"name","value"} pairs, URL parameters and Key Vault results, which need
 * a value's siblings rather than its bytes.  A decision that waits for a
 * sibling is made when its object closes.
 *
 * Why findings do not depend on how input was split: the tokenizer's events
 * do not, and every decision is made on whole values (or whole objects) from
 * their bytes.  The scanner keeps the bytes of an open value in its window:
 * hushi_views_hold() says from where.  A value longer than
 * HUSHI_VIEW_MAX_VALUE (or an object waited on for longer) is left to the
 * raw scan, decided by its length alone.
 */
#ifndef HUSHI_VIEWS_H
#define HUSHI_VIEWS_H

#include "finding.h"

/* Longest value decoded (and object waited on for a sibling); the window
 * grows by up to this much while one is open. */
#define HUSHI_VIEW_MAX_VALUE (8u << 20)

typedef struct hushi_views hushi_views_t;

/* Receives a finding made in a view; takes ownership of what it owns. */
typedef hush_status_t (*hushi_view_finding_fn)(void *ctx, hushi_pending_t *finding);

typedef struct hushi_views_config {
    const hush_rules_t *rules;
    const hushi_finding_policy_t *policy;
    hush_mask_t mask;
    bool use_hyperscan;          /* false: PCRE2 alone (the reference engine) */
    hushi_view_finding_fn on_finding;
    void *ctx;
    char *message;               /* filled on error */
    size_t message_size;
    const hush_copies_t *copies;    /* NULL, or propagated values to find in texts */
} hushi_views_config_t;

hush_status_t hushi_views_create(const hushi_views_config_t *config, hushi_views_t **out);
void hushi_views_destroy(hushi_views_t *v);
/* Forgets the current stream. */
void hushi_views_reset(hushi_views_t *v);

/* Reads the stream bytes [from, region->end): region must hold every byte
 * from hushi_views_hold() (as returned before this call) on. */
hush_status_t hushi_views_feed(hushi_views_t *v, const hushi_region_t *region, uint64_t from);
/* The stream ended at region->end: completes what is open. */
hush_status_t hushi_views_end(hushi_views_t *v, const hushi_region_t *region);

/* Earliest stream offset a future view finding may touch (UINT64_MAX when
 * none: plain text, or nothing open). */
uint64_t hushi_views_hold(const hushi_views_t *v);

/* The view holding raw bytes [start, end), for findings of the raw scan:
 * "json" inside a JSON string, "csv" inside a quoted CSV field, else NULL.
 * Valid for spans after the last hushi_views_forget_before. */
const char *hushi_views_label(const hushi_views_t *v, uint64_t start, uint64_t end);
/* Raw findings will not start before `offset` any more. */
void hushi_views_forget_before(hushi_views_t *v, uint64_t offset);

/* True once the stream was recognised as JSON or CSV. */
bool hushi_views_active(const hushi_views_t *v);

#endif
