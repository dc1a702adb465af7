/*
 * One decoded text of a view and what is found in it: the chain of decoding
 * layers from the raw bytes to the text, the pattern rules run over the
 * text, and every finding mapped back to raw bytes with a replacement
 * encoded for its container.  view_walk.c decides which texts exist; this file
 * decides what a finding in one of them is.
 */
#ifndef HUSHI_VIEW_TEXT_H
#define HUSHI_VIEW_TEXT_H

#include "finding.h"
#include "view_layers.h"

/* Decoding layers under one raw value (csv, json, percent, base64, json...). */
#define HUSHI_VIEW_MAX_CHAIN 8u

typedef struct hushi_layer {
    hushi_layer_kind_t kind;
    const hushi_decoded_t *dec;  /* the decoded bytes and their map to the text below */
    uint64_t input_offset;      /* where the decoded input starts in the text below */
} hushi_layer_t;

/* A text and how it was made.  Level 0 is the raw value itself:
 * raw bytes [container_start, container_end) of the stream, with text
 * offsets relative to container_start.  Level k > 0 is layers[k-1]'s
 * decoded bytes. */
typedef struct hushi_view_chain {
    const unsigned char *raw;          /* stream bytes of the container */
    uint64_t container_start, container_end;
    hushi_layer_t layers[HUSHI_VIEW_MAX_CHAIN];
    size_t count;
    char label[HUSHI_ENCODING_MAX];     /* "json", "csv+json+percent", ... */
} hushi_view_chain_t;

/* The chain's top text. */
const unsigned char *hushi_chain_text(const hushi_view_chain_t *chain, size_t *size);
/* Adds a layer (false when the chain is full). */
bool hushi_chain_push(hushi_view_chain_t *chain, hushi_layer_kind_t kind, const hushi_decoded_t *dec,
                      uint64_t input_offset);
/* Appends "+" and the name of layer `kind` to a view name such as a chain's
 * label (false when it would not fit). */
bool hushi_label_append(char label[HUSHI_ENCODING_MAX], hushi_layer_kind_t kind);

typedef struct hushi_view_sink hushi_view_sink_t;

typedef struct hushi_view_sink_config {
    const hush_rules_t *rules;
    const hushi_finding_policy_t *policy;
    hush_mask_t mask;
    bool use_hyperscan;
    hush_status_t (*emit)(void *ctx, hushi_pending_t *finding); /* takes ownership */
    void *ctx;
    char *message;
    size_t message_size;
    const hush_copies_t *copies;  /* NULL, or propagated values found in every text */
} hushi_view_sink_config_t;

hush_status_t hushi_view_sink_create(const hushi_view_sink_config_t *config,
                                     hushi_view_sink_t **out);
void hushi_view_sink_destroy(hushi_view_sink_t *sink);

/* Runs every pattern rule over the chain's top text and emits its findings. */
hush_status_t hushi_view_scan(hushi_view_sink_t *sink, const hushi_view_chain_t *chain);

/* A structural finding: the top text's bytes [start, end) are the secret,
 * by structure, found by `rule`.  `context` names where (a member, header
 * or parameter name) for the preview.  percent_value: the bytes are
 * percent-encoded (a URL parameter): evaluated decoded.  Nothing is emitted
 * for a placeholder, an expression or a value below the minimum confidence. */
hush_status_t hushi_view_structural(hushi_view_sink_t *sink, const hushi_view_chain_t *chain,
                                    size_t start, size_t end, uint32_t rule, const char *context,
                                    bool percent_value);

#endif
