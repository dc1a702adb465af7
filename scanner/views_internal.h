/*
 * What the files of the views module share; views.h is its interface.
 *
 *   views.c            the object, the stream's format, what is held, and
 *                      the labels of raw findings
 *   view_walk.c        the walk over the tokenizer's JSON and CSV events:
 *                      which texts a value has, each scanned (view_text.h)
 *   view_structural.c  the structural rules: member names, {"name","value"}
 *                      pairs (headers, cookies, settings), URL parameters,
 *                      Key Vault values
 *   view_html.c        HTML in a value: inline scripts, form fields, meta
 *                      and data-* attributes, URLs in attributes
 *   view_names.h       the index from a listed name to its rule
 *   view_sniff.h       the stream's format, from its first line
 *   view_layers.h      the decoding layers: label, decoder, encoder
 *
 * The walk and the structural rules call each other, so both are declared
 * here rather than each in a header of its own: a value the structural
 * rules decode (a HAR base64 body) is walked again (JSON inside it), and
 * the walk hands every member to the structural rules.
 *
 * This header does not include views.h, so that no file of the module
 * depends on the module's interface in a circle.
 */
#ifndef HUSHI_VIEWS_INTERNAL_H
#define HUSHI_VIEWS_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "view_lex.h"
#include "view_names.h"
#include "view_sniff.h"
#include "view_text.h"

/* JSON tokenized inside a value inside a value...: the stream, a CSV field's
 * AuditData, a HAR body inside it. */
#define HUSHI_VIEW_MAX_NESTING 4u
/* Characters of a member or header name shown in a preview. */
#define HUSHI_VIEW_SHOWN_NAME 40u
/* No offset: nothing open, nothing held. */
#define HUSHI_VIEW_NO_OFFSET UINT64_MAX

/* Same typedef as views.h (C11 allows the repeat). */
typedef struct hushi_views hushi_views_t;

/* Where a member's string value is, in the text being tokenized, while its
 * object waits for a sibling that decides about it. */
typedef struct hushi_member_value {
    uint64_t start, end;  /* the string's content, without its quotes */
    bool set, escaped;
} hushi_member_value_t;

/* What is known about one open JSON container. */
typedef struct hushi_view_frame {
    bool is_object;
    char key[HUSHI_MAX_STRUCTURE_NAME + 1];           /* member being read, normalised */
    char shown_key[HUSHI_VIEW_SHOWN_NAME + 1];        /* ...as written */
    char container_key[HUSHI_MAX_STRUCTURE_NAME + 1]; /* the member this container is */
    int32_t key_rule;                                /* json-key rule for `key`, or -1 */
    int32_t name_rule;                               /* rule for this object's "name" */
    char shown_name[HUSHI_VIEW_SHOWN_NAME + 1];
    hushi_member_value_t value;       /* "value" member, decided when the object closes */
    hushi_member_value_t body_value;  /* outputs.body.value of an action (this object) */
    hushi_member_value_t text;        /* "text" member, base64 when "encoding" says so */
    bool kv_id;         /* "id" is a Key Vault secret URL */
    bool kv_path;       /* inputs.path is /secrets/{name}/value */
    bool base64;
} hushi_view_frame_t;

/* One tokenizing walk: over the stream (nest 0) or over JSON text found
 * inside a value (nest > 0). */
typedef struct hushi_view_walk {
    hushi_views_t *v;
    unsigned nest;                    /* 0: the stream itself */
    const hushi_view_chain_t *chain;   /* nest > 0: the text being tokenized */
    hushi_view_frame_t *frames;       /* HUSHI_LEX_MAX_DEPTH + 1 */
    uint32_t depth;
    hush_status_t status;
    hushi_lex_t lex;
} hushi_view_walk_t;

/* A top-level value's raw span and the view holding it, for raw findings. */
typedef struct hushi_view_label {
    uint64_t start, end;
    const char *label;
} hushi_view_label_t;

struct hushi_views {
    const hush_rules_t *rules;
    hushi_view_sink_t *sink;
    hushi_view_format_t format;
    const hushi_region_t *region;       /* during feed/end */
    uint64_t end;                      /* stream bytes read so far */
    uint64_t open_start;               /* content start of the open top-level value */
    hushi_view_walk_t top;
    hushi_view_walk_t nested[HUSHI_VIEW_MAX_NESTING];
    hushi_decoded_t pool[HUSHI_VIEW_MAX_CHAIN + 1]; /* a layer's bytes, by chain depth */
    hushi_decoded_t name_scratch;       /* short values decoded for comparisons */
    hushi_name_index_t names;

    hushi_view_label_t *labels;
    size_t label_head, label_count, label_capacity;
};

/* ---- views.c ---------------------------------------------------------------- */

/* Remembers that raw bytes [start, end) of the stream are inside a value of
 * view `label` (a string that lives for ever). */
hush_status_t hushi_views_label_add(hushi_views_t *v, uint64_t start, uint64_t end,
                                    const char *label);

/* ---- view_walk.c ------------------------------------------------------------ */

/* Tokenizer callbacks (view_lex.h) for a JSON text and for a CSV stream;
 * ctx is the hushi_view_walk_t.  Non-zero stops the tokenizer, with the
 * walk's status set. */
int hushi_walk_json_event(void *ctx, const hushi_lex_event_t *ev);
int hushi_walk_csv_event(void *ctx, const hushi_lex_event_t *ev);

/* The view of value [s, e) of what `lx` tokenizes: its chain, unescaped
 * (JSON string or CSV field, by `kind`) when it has escapes, and its span
 * [*ts, *te) in the chain's top text. */
hush_status_t hushi_walk_value_view(hushi_view_walk_t *lx, uint64_t s, uint64_t e, bool escaped,
                                    hushi_layer_kind_t kind, hushi_view_chain_t *chain, size_t *ts,
                                    size_t *te);

/* Adds a layer decoding [ts, te) of the chain's top text as base64, when it
 * is base64 of text (not of an image).  False when it is not, or when the
 * chain is full. */
bool hushi_walk_push_base64(hushi_views_t *v, hushi_view_chain_t *chain, size_t ts, size_t te);

/* Scans a text that decoding changed, and walks it when it is JSON. */
hush_status_t hushi_walk_examine_text(hushi_views_t *v, const hushi_view_chain_t *chain,
                                      unsigned nest);

/* Walks [start, end) of the chain's top text as JSON, at nesting `nest`
 * (below HUSHI_VIEW_MAX_NESTING); the chain's label already names it. */
hush_status_t hushi_walk_json_range(hushi_views_t *v, const hushi_view_chain_t *chain,
                                    unsigned nest, size_t start, size_t end);

/* A short value as text (decoded when escaped), for comparisons; NULL when
 * longer than `max`.  Valid until the next call. */
const unsigned char *hushi_walk_short_value(hushi_view_walk_t *lx, uint64_t s, uint64_t e,
                                            bool escaped, size_t max, size_t *size);

/* A name as shown in a preview: its first HUSHI_VIEW_SHOWN_NAME bytes. */
void hushi_walk_copy_shown(char *out, const unsigned char *p, size_t n);

/* ---- view_structural.c ------------------------------------------------------ */

/* Facts a member's string value [s, e) gives its object `f` (at `depth`):
 * names, Key Vault ids and paths, base64. */
void hushi_structural_note_member(hushi_view_walk_t *lx, hushi_view_frame_t *f, uint32_t depth,
                                  uint64_t s, uint64_t e, bool escaped);

/* Object `f` closed at `close`: the decisions that waited for its members. */
hush_status_t hushi_structural_decide(hushi_view_walk_t *lx, hushi_view_frame_t *f,
                                      uint64_t close);

/* URL query or form parameters named by a query-parameter rule: in every
 * URL query of [ts, te) of the chain's top text, or in all of it when it
 * is a form body. */
hush_status_t hushi_structural_parameters(hushi_views_t *v, const hushi_view_chain_t *chain,
                                          size_t ts, size_t te);

/* ---- view_html.c ------------------------------------------------------------ */

/* [ts, te) of the chain's top text (a decoded value at nesting `nest`),
 * when it looks like HTML: inline scripts, form fields, meta and data-*
 * attributes and URLs in attributes, each a view of its own. */
hush_status_t hushi_html_examine(hushi_views_t *v, const hushi_view_chain_t *chain, size_t ts,
                                 size_t te, unsigned nest);

#endif
