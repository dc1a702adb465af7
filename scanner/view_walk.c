/*
 * The event walk of views (views_internal.h): for each string value the
 * tokenizer reports, the texts it has (unescaped, percent-decoded, base64,
 * JSON inside it), each scanned by view_text.c, and the member facts the
 * structural rules wait for.
 */
#include <stddef.h>
#include <string.h>

#include "views.h"
#include "views_internal.h"

/* Bytes of a decoded text looked at to tell text from binary. */
#define HUSHI_BINARY_SAMPLE 4096u

/* ---- triggers: which layers a value has -------------------------------------- */

/* Holds a '%' followed by two hex digits: the percent layer applies. */
static bool has_percent_escape(const unsigned char *p, size_t n)
{
    static const char hex[] = "0123456789abcdefABCDEF";
    for (const unsigned char *q = p; (q = memchr(q, '%', n - (size_t)(q - p))) != NULL; q++)
        if ((size_t)(q - p) + 2 < n && q[1] && q[2] && strchr(hex, q[1]) && strchr(hex, q[2]))
            return true;
    return false;
}

/* Starts, after whitespace, with '{' or '[' (and has a byte more): the
 * text is walked as JSON. */
static bool looks_like_json(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    return i + 1 < n && (p[i] == '{' || p[i] == '[');
}

/* Bytes a person would not write in text: a NUL, or many control bytes.
 * Base64 of such bytes (an image) is not a view. */
static bool looks_binary(const unsigned char *p, size_t n)
{
    size_t sample = n < HUSHI_BINARY_SAMPLE ? n : HUSHI_BINARY_SAMPLE, control = 0;
    for (size_t i = 0; i < sample; i++) {
        if (p[i] == 0)
            return true;
        control += p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t';
    }
    return control * 16 > sample;
}

/* ---- values ------------------------------------------------------------------- */

/* Copies a NUL-terminated string into a buffer of `size` (cut to fit). */
static void copy_string(char *out, size_t size, const char *in)
{
    size_t n = strlen(in);
    if (n >= size)
        n = size - 1;
    memcpy(out, in, n);
    out[n] = '\0';
}

static const unsigned char *stream_at(const hushi_views_t *v, uint64_t offset)
{
    return v->region->bytes + (offset - v->region->base);
}

/* The chain for value [s, e) of what `lx` tokenizes, and the value's span
 * in the chain's top text. */
static void value_chain(const hushi_view_walk_t *lx, uint64_t s, uint64_t e,
                        hushi_layer_kind_t container, hushi_view_chain_t *chain, size_t *ts,
                        size_t *te)
{
    if (lx->nest == 0) {
        memset(chain, 0, offsetof(hushi_view_chain_t, layers));
        chain->raw = stream_at(lx->v, s);
        chain->container_start = s;
        chain->container_end = e;
        chain->count = 0;
        copy_string(chain->label, sizeof chain->label, hushi_layer_name(container));
        *ts = 0;
        *te = (size_t)(e - s);
    } else {
        *chain = *lx->chain;
        *ts = (size_t)s;
        *te = (size_t)e;
    }
}

/* ---- layers ------------------------------------------------------------------- */

/* Decodes [ts, te) of the chain's top text as a layer of `kind`, into the
 * pool buffer of the chain's next level (the chain has room for it). */
static hush_status_t decode_layer(hushi_views_t *v, const hushi_view_chain_t *chain,
                                  hushi_layer_kind_t kind, size_t ts, size_t te,
                                  hushi_decoded_t **out)
{
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    *out = &v->pool[chain->count];
    return hushi_layer_codec(kind)->decode(text + ts, te - ts, *out);
}

/* Adds an unescaping layer (JSON string or CSV field) when the value has
 * escapes: [*ts, *te) becomes the whole decoded text. */
static hush_status_t unescape_layer(hushi_views_t *v, hushi_view_chain_t *chain, size_t *ts,
                                    size_t *te, bool escaped, hushi_layer_kind_t kind)
{
    if (!escaped)
        return HUSH_OK;
    if (chain->count == HUSHI_VIEW_MAX_CHAIN)
        return HUSH_ERR_LIMIT;
    hushi_decoded_t *dec;
    hush_status_t st = decode_layer(v, chain, kind, *ts, *te, &dec);
    if (st != HUSH_OK)
        return st;
    hushi_chain_push(chain, kind, dec, *ts);
    *ts = 0;
    *te = dec->size;
    return HUSH_OK;
}

hush_status_t hushi_walk_value_view(hushi_view_walk_t *lx, uint64_t s, uint64_t e, bool escaped,
                                    hushi_layer_kind_t kind, hushi_view_chain_t *chain, size_t *ts,
                                    size_t *te)
{
    value_chain(lx, s, e, kind, chain, ts, te);
    return unescape_layer(lx->v, chain, ts, te, escaped, kind);
}

bool hushi_walk_push_base64(hushi_views_t *v, hushi_view_chain_t *chain, size_t ts, size_t te)
{
    if (chain->count == HUSHI_VIEW_MAX_CHAIN)
        return false;
    hushi_decoded_t *dec;
    if (decode_layer(v, chain, HUSHI_LAYER_BASE64, ts, te, &dec) != HUSH_OK || dec->size == 0 ||
        looks_binary(dec->bytes, dec->size))
        return false;
    char label[HUSHI_ENCODING_MAX];
    memcpy(label, chain->label, sizeof label);
    if (!hushi_label_append(label, HUSHI_LAYER_BASE64))
        return false;
    hushi_chain_push(chain, HUSHI_LAYER_BASE64, dec, ts);
    memcpy(chain->label, label, sizeof label);
    return true;
}

static hush_status_t lex_nested(hushi_views_t *v, const hushi_view_chain_t *chain, unsigned nest);

hush_status_t hushi_walk_examine_text(hushi_views_t *v, const hushi_view_chain_t *chain,
                                      unsigned nest)
{
    hush_status_t st = hushi_view_scan(v->sink, chain);
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    if (st == HUSH_OK && nest + 1 < HUSHI_VIEW_MAX_NESTING &&
        looks_like_json(text, size)) {
        hushi_view_chain_t inner = *chain;
        if (hushi_label_append(inner.label, HUSHI_LAYER_JSON))
            st = lex_nested(v, &inner, nest + 1);
    }
    return st;
}

/* Everything about one string value: its decoded and percent-decoded
 * views, JSON inside it, its member name and its URL parameters. */
static hush_status_t examine_value(hushi_view_walk_t *lx, const hushi_view_frame_t *f,
                                   uint64_t s, uint64_t e, bool escaped)
{
    hushi_views_t *v = lx->v;
    if (e - s > HUSHI_VIEW_MAX_VALUE)
        return HUSH_OK;
    hushi_view_chain_t chain;
    size_t ts, te;
    hush_status_t st =
        hushi_walk_value_view(lx, s, e, escaped, HUSHI_LAYER_JSON, &chain, &ts, &te);
    if (st == HUSH_OK && escaped && chain.layers[chain.count - 1].dec->changed)
        st = hushi_walk_examine_text(v, &chain, lx->nest);
    size_t size;
    const unsigned char *text = hushi_chain_text(&chain, &size);
    if (st == HUSH_OK && has_percent_escape(text + ts, te - ts) &&
        chain.count < HUSHI_VIEW_MAX_CHAIN) {
        hushi_view_chain_t decoded = chain;
        hushi_decoded_t *dec;
        st = decode_layer(v, &decoded, HUSHI_LAYER_PERCENT, ts, te, &dec);
        if (st == HUSH_OK && hushi_chain_push(&decoded, HUSHI_LAYER_PERCENT, dec, ts) &&
            hushi_label_append(decoded.label, HUSHI_LAYER_PERCENT))
            st = hushi_view_scan(v->sink, &decoded);
    }
    if (st == HUSH_OK && f && f->key_rule >= 0)
        st = hushi_view_structural(v->sink, &chain, ts, te, (uint32_t)f->key_rule, f->shown_key,
                                   false);
    if (st == HUSH_OK && memchr(text + ts, '=', te - ts))
        st = hushi_structural_parameters(v, &chain, ts, te);
    if (st == HUSH_OK)
        st = hushi_html_examine(v, &chain, ts, te, lx->nest);
    return st;
}

const unsigned char *hushi_walk_short_value(hushi_view_walk_t *lx, uint64_t s, uint64_t e,
                                            bool escaped, size_t max, size_t *size)
{
    if (e - s > max)
        return NULL;
    const unsigned char *p;
    if (lx->nest == 0) {
        p = stream_at(lx->v, s);
    } else {
        size_t n;
        p = hushi_chain_text(lx->chain, &n) + s;
    }
    *size = (size_t)(e - s);
    if (!escaped)
        return p;
    if (hushi_decode_json_string(p, *size, &lx->v->name_scratch) != HUSH_OK)
        return NULL;
    *size = lx->v->name_scratch.size;
    return lx->v->name_scratch.bytes;
}

void hushi_walk_copy_shown(char *out, const unsigned char *p, size_t n)
{
    if (n > HUSHI_VIEW_SHOWN_NAME)
        n = HUSHI_VIEW_SHOWN_NAME;
    memcpy(out, p, n);
    out[n] = '\0';
}

static void open_frame(hushi_view_walk_t *lx, uint32_t depth, bool is_object)
{
    if (depth > HUSHI_LEX_MAX_DEPTH)
        return;
    const hushi_view_frame_t *parent = &lx->frames[depth - 1];
    hushi_view_frame_t *f = &lx->frames[depth];
    /* Cheaper than clearing the whole frame, at every container. */
    f->key[0] = f->shown_key[0] = f->shown_name[0] = '\0';
    f->value.set = f->body_value.set = f->text.set = false;
    f->kv_id = f->kv_path = f->base64 = false;
    f->is_object = is_object;
    copy_string(f->container_key, sizeof f->container_key,
                parent->is_object ? parent->key : parent->container_key);
    f->key_rule = f->name_rule = -1;
    lx->depth = depth;
}

static void set_key(hushi_view_walk_t *lx, hushi_view_frame_t *f, const hushi_lex_event_t *ev)
{
    size_t n;
    const unsigned char *p = hushi_walk_short_value(lx, ev->start, ev->end, ev->escaped,
                                                    HUSHI_MAX_STRUCTURE_NAME * 2, &n);
    f->key[0] = '\0';
    f->shown_key[0] = '\0';
    f->key_rule = -1;
    if (!p || !hushi_structure_name_normalize(p, n, f->key, sizeof f->key))
        return;
    hushi_walk_copy_shown(f->shown_key, p, n);
    f->key_rule = hushi_name_index_rule(&lx->v->names, HUSHI_STRUCTURE_JSON_KEY, f->key);
}

int hushi_walk_json_event(void *ctx, const hushi_lex_event_t *ev)
{
    hushi_view_walk_t *lx = ctx;
    hushi_views_t *v = lx->v;
    hushi_view_frame_t *f = ev->depth <= HUSHI_LEX_MAX_DEPTH ? &lx->frames[ev->depth] : NULL;
    hush_status_t st = HUSH_OK;
    switch (ev->kind) {
    case HUSHI_LEX_OBJECT_OPEN:
    case HUSHI_LEX_ARRAY_OPEN:
        open_frame(lx, ev->depth, ev->kind == HUSHI_LEX_OBJECT_OPEN);
        break;
    case HUSHI_LEX_OBJECT_CLOSE:
        if (f)
            st = hushi_structural_decide(lx, f, ev->start);
        lx->depth = ev->depth ? ev->depth - 1 : 0;
        break;
    case HUSHI_LEX_ARRAY_CLOSE:
        lx->depth = ev->depth ? ev->depth - 1 : 0;
        break;
    case HUSHI_LEX_STRING_OPEN:
        if (lx->nest == 0)
            v->open_start = ev->start;
        break;
    case HUSHI_LEX_KEY:
        if (lx->nest == 0)
            v->open_start = HUSHI_VIEW_NO_OFFSET;
        if (f && f->is_object)
            set_key(lx, f, ev);
        break;
    case HUSHI_LEX_STRING: {
        if (lx->nest == 0) {
            v->open_start = HUSHI_VIEW_NO_OFFSET;
            st = hushi_views_label_add(v, ev->start, ev->end,
                                       hushi_layer_name(HUSHI_LAYER_JSON));
        }
        const hushi_view_frame_t *holder = f && ev->depth > 0 && f->is_object ? f : NULL;
        if (st == HUSH_OK)
            st = examine_value(lx, holder, ev->start, ev->end, ev->escaped);
        if (st == HUSH_OK && holder)
            hushi_structural_note_member(lx, f, ev->depth, ev->start, ev->end, ev->escaped);
        break;
    }
    case HUSHI_LEX_ERROR:
        lx->depth = 0;
        if (lx->nest == 0)
            v->open_start = HUSHI_VIEW_NO_OFFSET;
        break;
    default:
        break;
    }
    lx->status = st;
    return st != HUSH_OK;
}

/* ---- CSV ---------------------------------------------------------------------- */

/* The tokenizer does not say where a field opens, so the hold is where the
 * next field can start at the earliest: just after the previous one (or
 * record) ended.  A quoted field's content starts one byte later, hence the
 * strict bound on what is decoded. */
int hushi_walk_csv_event(void *ctx, const hushi_lex_event_t *ev)
{
    hushi_view_walk_t *lx = ctx;
    hushi_views_t *v = lx->v;
    hush_status_t st = HUSH_OK;
    if (ev->kind == HUSHI_LEX_RECORD_END) {
        v->open_start = ev->start + 1;
    } else if (ev->kind == HUSHI_LEX_FIELD) {
        v->open_start = ev->end + 1;
        if (ev->quoted)
            st = hushi_views_label_add(v, ev->start, ev->end,
                                       hushi_layer_name(HUSHI_LAYER_CSV));
        if (st == HUSH_OK && ev->quoted && ev->escaped &&
            ev->end - ev->start < HUSHI_VIEW_MAX_VALUE) {
            hushi_view_chain_t chain;
            size_t ts, te;
            st = hushi_walk_value_view(lx, ev->start, ev->end, true, HUSHI_LAYER_CSV, &chain,
                                       &ts, &te);
            if (st == HUSH_OK)
                st = hushi_walk_examine_text(v, &chain, 0);
        }
    }
    lx->status = st;
    return st != HUSH_OK;
}

/* ---- tokenizing --------------------------------------------------------------- */

hush_status_t hushi_walk_json_range(hushi_views_t *v, const hushi_view_chain_t *chain,
                                    unsigned nest, size_t start, size_t end)
{
    hushi_view_walk_t *lx = &v->nested[nest];
    lx->chain = chain;
    lx->depth = 0;
    lx->status = HUSH_OK;
    memset(&lx->frames[0], 0, sizeof lx->frames[0]);
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    /* Offsets of the events are in the whole text: the lexer starts at `start`. */
    hushi_lex_init(&lx->lex, HUSHI_LEX_JSON, start, hushi_walk_json_event, lx);
    if (!hushi_lex_feed(&lx->lex, text + start, end - start))
        hushi_lex_end(&lx->lex);
    return lx->status;
}

static hush_status_t lex_nested(hushi_views_t *v, const hushi_view_chain_t *chain, unsigned nest)
{
    size_t size;
    hushi_chain_text(chain, &size);
    return hushi_walk_json_range(v, chain, nest, 0, size);
}
