/*
 * The decoding layers of a view, in one table.  Each kind of layer has the
 * name it adds to a finding's view label (the `encoding` field: "json",
 * "csv+json+percent"), the decoder that makes its text from the text below
 * (decode.h) and the encoder that writes a replacement back into that text
 * (encode.h).
 *
 * A new decoded view is a decoder/encoder pair (decode.c, encode.c), one
 * kind and one row here, and one trigger that says which values it applies
 * to: in the event walk (view_walk.c) when the value's own bytes decide, as
 * for percent-encoding, or in the structural rules (view_structural.c) when
 * its container decides, as for a HAR body marked base64.
 */
#ifndef HUSHI_VIEW_LAYERS_H
#define HUSHI_VIEW_LAYERS_H

#include <stdbool.h>
#include <stddef.h>

#include "decode.h"

typedef enum hushi_layer_kind {
    HUSHI_LAYER_JSON = 0,  /* JSON string escapes (the name also marks JSON text in a value) */
    HUSHI_LAYER_CSV,       /* CSV doubled quotes */
    HUSHI_LAYER_PERCENT,   /* percent-encoding in a URL or form value */
    HUSHI_LAYER_BASE64,    /* base64 where the container says so */
    HUSHI_LAYER_HTML,      /* HTML character references in an attribute value */
    HUSHI_LAYER_JS,        /* JavaScript string escapes in an inline script */
    HUSHI_LAYER_KIND_COUNT
} hushi_layer_kind_t;

/* How the raw container around a replacement writes its text, where an
 * encoder must follow it to keep the replacement's length. */
typedef struct hushi_layer_style {
    bool escape_slash;  /* the container writes '/' as "\/" (JSON from .NET) */
} hushi_layer_style_t;

/* One row of the table. */
typedef struct hushi_layer_codec {
    const char *name;  /* in view labels; a string literal, valid for ever */
    /* Decodes the layer's input into its text and offset map. */
    hush_status_t (*decode)(const unsigned char *in, size_t size, hushi_decoded_t *out);
    /* Appends `in` (a replacement in the layer's text) to *out encoded as
     * the layer's input. */
    hush_status_t (*encode)(const unsigned char *in, size_t size, const hushi_layer_style_t *style,
                            hushi_bytes_t *out);
} hushi_layer_codec_t;

/* The table, one row per kind (view_layers.c). */
extern const hushi_layer_codec_t hushi_layer_codecs[HUSHI_LAYER_KIND_COUNT];

/* The row of `kind` (below HUSHI_LAYER_KIND_COUNT).  Inline: the walk looks
 * up a name for every string value of a JSON stream. */
static inline const hushi_layer_codec_t *hushi_layer_codec(hushi_layer_kind_t kind)
{
    return &hushi_layer_codecs[kind];
}

/* The name of `kind` in view labels ("json", "percent", ...). */
static inline const char *hushi_layer_name(hushi_layer_kind_t kind)
{
    return hushi_layer_codecs[kind].name;
}

#endif
