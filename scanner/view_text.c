/* See view_text.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array_internal.h"
#include "entropy.h"
#include "placeholder.h"
#include "redact.h"
#include "view_text.h"

/* Findings of one text are gathered before any is emitted, so that each
 * preview can mask the others; a sanity bound, far above any real text. */
#define HUSHI_VIEW_MAX_TEXT_FINDINGS (1u << 16)
/* Context shown before a structural finding's mask ("Authorization: "). */
#define HUSHI_VIEW_CONTEXT_SHOWN 40u

struct hushi_view_sink {
    hushi_view_sink_config_t config;
    hs_scratch_t *scratch;
    hushi_copy_stream_t *copies;    /* NULL without propagated values */
    hushi_confirm_t confirm;
    uint8_t *reported;              /* per rule: detect reported it in this text */
    hushi_pending_t *found;
    size_t found_count, found_capacity;
    const hushi_region_t *region;    /* the text being scanned */
    hushi_bytes_t mask, encoded;     /* replacement being built, and its next encoding */
    hushi_layer_style_t style;      /* how the raw container writes its text */
    hushi_decoded_t value;           /* a percent-encoded parameter, decoded */
};

/* ---- chains ---------------------------------------------------------------- */

const unsigned char *hushi_chain_text(const hushi_view_chain_t *chain, size_t *size)
{
    if (chain->count == 0) {
        *size = (size_t)(chain->container_end - chain->container_start);
        return chain->raw;
    }
    const hushi_decoded_t *top = chain->layers[chain->count - 1].dec;
    *size = top->size;
    return top->bytes;
}

bool hushi_chain_push(hushi_view_chain_t *chain, hushi_layer_kind_t kind, const hushi_decoded_t *dec,
                      uint64_t input_offset)
{
    if (chain->count == HUSHI_VIEW_MAX_CHAIN)
        return false;
    chain->layers[chain->count++] =
        (hushi_layer_t){.kind = kind, .dec = dec, .input_offset = input_offset};
    return true;
}

bool hushi_label_append(char label[HUSHI_ENCODING_MAX], hushi_layer_kind_t kind)
{
    const char *name = hushi_layer_name(kind);
    size_t used = strlen(label), n = strlen(name);
    if (used + 1 + n + 1 > HUSHI_ENCODING_MAX)
        return false;
    label[used] = '+';
    memcpy(label + used + 1, name, n + 1);
    return true;
}

/* Maps text span [*a, *b) of level `from` down to level `to` (< from). */
static void map_down(const hushi_view_chain_t *chain, size_t from, size_t to, uint64_t *a,
                     uint64_t *b)
{
    for (size_t k = from; k > to; k--) {
        const hushi_layer_t *layer = &chain->layers[k - 1];
        uint64_t start = layer->input_offset + hushi_map_start(layer->dec, (size_t)*a);
        uint64_t end = *b > 0 ? layer->input_offset + hushi_map_end(layer->dec, (size_t)*b)
                              : layer->input_offset;
        *a = start;
        *b = end;
    }
}

/* ---- sink ------------------------------------------------------------------ */

hush_status_t hushi_view_sink_create(const hushi_view_sink_config_t *config,
                                     hushi_view_sink_t **out)
{
    *out = NULL;
    hushi_view_sink_t *sink = calloc(1, sizeof *sink);
    if (!sink)
        return HUSH_ERR_NOMEM;
    sink->config = *config;
    hush_status_t st = HUSH_OK;
    sink->reported = calloc(config->rules->count + 1, 1);
    if (!sink->reported ||
        !hushi_confirm_init(&sink->confirm, config->rules, config->message, config->message_size))
        st = HUSH_ERR_NOMEM;
    if (st == HUSH_OK && config->use_hyperscan &&
        hs_alloc_scratch(config->rules->detect_db, &sink->scratch) != HS_SUCCESS)
        st = HUSH_ERR_HYPERSCAN;
    if (st == HUSH_OK && config->copies)
        st = hushi_copy_stream_create(config->copies, &sink->copies);
    if (st != HUSH_OK) {
        hushi_view_sink_destroy(sink);
        return st;
    }
    *out = sink;
    return HUSH_OK;
}

void hushi_view_sink_destroy(hushi_view_sink_t *sink)
{
    if (!sink)
        return;
    hs_free_scratch(sink->scratch);
    hushi_copy_stream_destroy(sink->copies);
    hushi_confirm_free(&sink->confirm);
    free(sink->reported);
    for (size_t i = 0; i < sink->found_count; i++)
        hushi_pending_release(&sink->found[i]);
    free(sink->found);
    hushi_bytes_free(&sink->mask);
    hushi_bytes_free(&sink->encoded);
    hushi_decoded_free(&sink->value);
    free(sink);
}

/* ---- replacements -------------------------------------------------------------- */

static int collect_mask(void *ctx, const void *data, size_t size)
{
    return hushi_bytes_append(ctx, data, size, 0) != HUSH_OK;
}

/* Re-encodes sink->mask for the input of a layer of kind `kind`. */
static hush_status_t encode_for(hushi_view_sink_t *sink, hushi_layer_kind_t kind)
{
    hushi_bytes_t *in = &sink->mask, *out = &sink->encoded;
    out->size = 0;
    hush_status_t st = hushi_layer_codec(kind)->encode(in->data, in->size, &sink->style, out);
    if (st == HUSH_OK) {
        hushi_bytes_t t = *in;
        *in = *out;
        *out = t;
    }
    return st;
}

typedef struct masked_span {
    uint64_t a, b;                  /* secret span in the top text */
    const unsigned char *secret;    /* its decoded bytes */
    size_t secret_size;
    uint32_t rule;
    const char *fingerprint;
    bool percent_value;             /* the top text's bytes are percent-encoded */
} masked_span_t;

static int deepest_base64(const hushi_view_chain_t *chain)
{
    for (size_t k = chain->count; k > 0; k--)
        if (chain->layers[k - 1].kind == HUSHI_LAYER_BASE64)
            return (int)k - 1;
    return -1;
}

/* The bytes of level `level` of the chain: the raw container, or a layer's
 * decoded text. */
static const unsigned char *level_text(const hushi_view_chain_t *chain, size_t level)
{
    return level == 0 ? chain->raw : chain->layers[level - 1].dec->bytes;
}

static bool is_line_break(unsigned char c)
{
    return c == '\n' || c == '\r';
}

/* The whitespace that wrapped the original quads `text` (a body cut into
 * lines) put back between the re-encoded characters in sink->mask, so the
 * quads keep their line breaks (redact.h). */
static hush_status_t keep_base64_layout(hushi_view_sink_t *sink, const unsigned char *text,
                                        size_t size)
{
    size_t chars = 0;
    for (size_t i = 0; i < size; i++)
        chars += hushi_base64_digit(text[i]) >= 0 || text[i] == '=';
    if (chars == size || chars != sink->mask.size)
        return HUSH_OK;
    hushi_bytes_t *laid = &sink->encoded;
    laid->size = 0;
    hush_status_t st = hushi_bytes_append(laid, text, size, 0);
    for (size_t i = 0, next = 0; st == HUSH_OK && i < size; i++)
        if (hushi_base64_digit(text[i]) >= 0 || text[i] == '=')
            laid->data[i] = sink->mask.data[next++];
    if (st == HUSH_OK) {
        hushi_bytes_t t = sink->mask;
        sink->mask = *laid;
        *laid = t;
    }
    return st;
}

/* Inside base64 the secret's bytes but its line breaks become '*' and the
 * quads holding them are re-encoded: the body keeps its length, its lines and
 * stays base64 whatever the mask (a label would shift every later quad).
 * Leaves the quads' span at level kb in *a, *b and their text in sink->mask. */
static hush_status_t base64_replacement(hushi_view_sink_t *sink, const hushi_view_chain_t *chain,
                                        size_t kb, uint64_t *a, uint64_t *b)
{
    map_down(chain, chain->count, kb + 1, a, b);
    const hushi_decoded_t *dec = chain->layers[kb].dec;
    size_t qa = hushi_map_start(dec, (size_t)*a), qb = hushi_map_end(dec, (size_t)*b);
    size_t da = (size_t)*a, db = (size_t)*b;
    while (da > 0 && hushi_map_start(dec, da - 1) >= qa)
        da--;
    while (db < dec->size && hushi_map_end(dec, db + 1) <= qb)
        db++;
    hushi_bytes_t *plain = &sink->encoded;
    plain->size = 0;
    hush_status_t st = hushi_bytes_append(plain, dec->bytes + da, db - da, 0);
    if (st != HUSH_OK)
        return st;
    memset(plain->data + (*a - da), '*', (size_t)(*b - *a));
    for (size_t i = (size_t)*a; i < (size_t)*b; i++) /* the secret's lines stay lines */
        if (is_line_break(dec->bytes[i]))
            plain->data[i - da] = dec->bytes[i];
    sink->mask.size = 0;
    if ((st = hushi_encode_base64(plain->data, plain->size, dec->url_safe, &sink->mask)) != HUSH_OK)
        return st;
    while (!dec->padded && sink->mask.size && sink->mask.data[sink->mask.size - 1] == '=')
        sink->mask.size--;
    *a = chain->layers[kb].input_offset + qa;
    *b = chain->layers[kb].input_offset + qb;
    return keep_base64_layout(sink, level_text(chain, kb) + *a, (size_t)(*b - *a));
}

/* Stars and partial keep the secret's line breaks (redact.h): in `out`, the
 * raw-level mask of raw span [ra, rb), every raw CR and LF byte, and the raw
 * bytes that encode each CR and LF of the decoded secret (a JSON "\n" escape,
 * a CSV field's own newline), are written back as they are. */
static void keep_line_breaks(const hushi_view_chain_t *chain, const masked_span_t *m, uint64_t ra,
                             uint64_t rb, hushi_bytes_t *out)
{
    const unsigned char *raw = chain->raw + (ra - chain->container_start);
    size_t raw_len = (size_t)(rb - ra);
    for (size_t i = 0; i < raw_len && i < out->size; i++)
        if (is_line_break(raw[i]))
            out->data[i] = raw[i];
    size_t size;
    const unsigned char *top = hushi_chain_text(chain, &size);
    if (top + m->a != m->secret) /* a percent-decoded value: no map to its bytes */
        return;
    for (size_t i = 0; i < m->secret_size; i++) {
        if (!is_line_break(m->secret[i]))
            continue;
        uint64_t a = m->a + i, b = a + 1;
        map_down(chain, chain->count, 0, &a, &b);
        a += chain->container_start;
        b += chain->container_start;
        for (uint64_t o = a; o < b; o++)
            if (o >= ra && o < rb && (size_t)(o - ra) < out->size)
                out->data[o - ra] = raw[o - ra];
    }
}

/* The mask text of a secret outside base64, as decoded text (label, hash)
 * or directly as raw bytes (stars, partial: same length as the raw span).
 * Sets *raw_level when the text needs no re-encoding. */
static hush_status_t plain_mask(hushi_view_sink_t *sink, const hushi_view_chain_t *chain,
                                const masked_span_t *m, uint64_t ra, uint64_t rb, bool *raw_level)
{
    hushi_bytes_t *out = &sink->mask;
    out->size = 0;
    *raw_level = true;
    size_t raw_len = (size_t)(rb - ra);
    if (sink->config.mask == HUSH_MASK_STARS ||
        (sink->config.mask == HUSH_MASK_PARTIAL &&
         (m->secret_size < HUSHI_PARTIAL_MIN_LEN || m->percent_value))) {
        hush_status_t st = hushi_bytes_append(out, NULL, raw_len, '*');
        if (st == HUSH_OK)
            keep_line_breaks(chain, m, ra, rb, out);
        return st;
    }
    if (sink->config.mask == HUSH_MASK_PARTIAL) {
        /* The raw bytes that encode the first characters, whole, stopping
         * before a line break (the following lines are stars). */
        size_t kept = 0;
        while (kept < HUSHI_PARTIAL_KEEP && !is_line_break(m->secret[kept]))
            kept++;
        uint64_t ka = m->a + kept, kb = ka + 1;
        map_down(chain, chain->count, 0, &ka, &kb);
        size_t keep = (size_t)(chain->container_start + ka - ra);
        if (keep > raw_len)
            keep = raw_len;
        hush_status_t st =
            hushi_bytes_append(out, chain->raw + (ra - chain->container_start), keep, 0);
        if (st == HUSH_OK)
            st = hushi_bytes_append(out, NULL, raw_len - keep, '*');
        if (st == HUSH_OK)
            keep_line_breaks(chain, m, ra, rb, out);
        return st;
    }
    *raw_level = false;
    hushi_mask_request_t req = {
        .mask = sink->config.mask,
        .rule_id = sink->config.rules->rules[m->rule].info.id,
        .fingerprint = m->fingerprint,
        .secret = m->secret,
        .size = m->secret_size,
    };
    return hushi_mask_emit(&req, collect_mask, out) ? HUSH_ERR_NOMEM : HUSH_OK;
}

/* Fills p's raw span and replacement for secret span m of the chain's top text. */
static hush_status_t place(hushi_view_sink_t *sink, const hushi_view_chain_t *chain,
                           const masked_span_t *m, hushi_pending_t *p)
{
    uint64_t a = m->a, b = m->b;
    int kb = deepest_base64(chain);
    hush_status_t st = HUSH_OK;
    size_t encode_from; /* layers below this one re-encode the replacement */
    size_t container_size = (size_t)(chain->container_end - chain->container_start);
    sink->style.escape_slash = memmem(chain->raw, container_size, "\\/", 2) != NULL;
    if (kb >= 0) {
        st = base64_replacement(sink, chain, (size_t)kb, &a, &b);
        encode_from = (size_t)kb;
        map_down(chain, (size_t)kb, 0, &a, &b);
    } else {
        map_down(chain, chain->count, 0, &a, &b);
        bool raw_level = false;
        st = plain_mask(sink, chain, m, chain->container_start + a, chain->container_start + b,
                        &raw_level);
        encode_from = raw_level ? 0 : chain->count;
        if (st == HUSH_OK && !raw_level && m->percent_value)
            st = encode_for(sink, HUSHI_LAYER_PERCENT);
    }
    for (size_t k = encode_from; st == HUSH_OK && k > 0; k--)
        st = encode_for(sink, chain->layers[k - 1].kind);
    if (st != HUSH_OK)
        return st;
    p->c.secret_start = chain->container_start + a;
    p->c.secret_end = chain->container_start + b;
    p->replacement = malloc(sink->mask.size ? sink->mask.size : 1);
    if (!p->replacement)
        return HUSH_ERR_NOMEM;
    memcpy(p->replacement, sink->mask.data, sink->mask.size);
    p->replacement_size = sink->mask.size;
    memcpy(p->encoding, chain->label, sizeof p->encoding);
    if (m->percent_value && sink->value.changed)
        hushi_label_append(p->encoding, HUSHI_LAYER_PERCENT);
    p->view_depth = (uint8_t)(1 + chain->count);
    p->container_start = chain->container_start;
    p->container_end = chain->container_end;
    return HUSH_OK;
}

static hush_status_t emit(hushi_view_sink_t *sink, hushi_pending_t *p)
{
    hush_status_t st = sink->config.emit(sink->config.ctx, p);
    hushi_pending_release(p);
    return st;
}

/* ---- pattern rules over a text ------------------------------------------------------ */

static int on_detect(unsigned int id, unsigned long long from, unsigned long long to,
                     unsigned int flags, void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    hushi_view_sink_t *sink = ctx;
    if (id < sink->config.rules->count)
        sink->reported[id] = 1;
    return 0;
}

/* Adds a finding of the text to those the sink holds for the scanner. */
static hush_status_t keep_found(hushi_view_sink_t *sink, const hushi_pending_t *p)
{
    hush_status_t st = HUSHI_ARRAY_RESERVE(sink->found, sink->found_count, sink->found_capacity,
                                           16, HUSHI_VIEW_MAX_TEXT_FINDINGS);
    if (st != HUSH_OK)
        return st;
    sink->found[sink->found_count++] = *p;
    return HUSH_OK;
}

static hush_status_t on_text_candidate(void *ctx, const hushi_candidate_t *c)
{
    hushi_view_sink_t *sink = ctx;
    hushi_pending_t p;
    if (!hushi_finding_evaluate(sink->config.rules, sink->config.policy, sink->region, c, &p))
        return HUSH_OK;
    return keep_found(sink, &p);
}

/* A copy of a propagated value in the text (propagate.h), at text offsets
 * like a rule's candidate; the scanner prefers a rule's finding of it. */
static hush_status_t on_text_copy(void *ctx, uint32_t rule, hush_confidence_t confidence,
                                  uint64_t start, uint64_t end, const unsigned char *value,
                                  size_t size)
{
    hushi_view_sink_t *sink = ctx;
    hushi_pending_t p;
    if (!hushi_finding_copy(sink->config.policy, sink->config.rules, rule, confidence, start, end,
                            value, size, &p))
        return HUSH_OK;
    return keep_found(sink, &p);
}

static hush_status_t find_in_text(hushi_view_sink_t *sink, const unsigned char *text, size_t size)
{
    const hush_rules_t *rules = sink->config.rules;
    if (sink->scratch) {
        memset(sink->reported, 0, rules->count);
        if (hs_scan(rules->detect_db, (const char *)text, (unsigned)size, 0, sink->scratch,
                    on_detect, sink) != HS_SUCCESS)
            return HUSH_ERR_HYPERSCAN;
    }
    hush_status_t st = HUSH_OK;
    for (uint32_t r = 0; st == HUSH_OK && r < rules->count; r++) {
        if (rules->rules[r].structure || (sink->scratch && !sink->reported[r]))
            continue;
        uint64_t next_start = 0;
        st = hushi_confirm_range(&sink->confirm, rules, r, sink->region, 0, size, &next_start,
                                 on_text_candidate, sink);
    }
    if (st == HUSH_OK && sink->copies) {
        st = hushi_copy_stream_scan(sink->copies, text, size, on_text_copy, sink);
        hushi_copy_stream_reset(sink->copies);
    }
    return st;
}

hush_status_t hushi_view_scan(hushi_view_sink_t *sink, const hushi_view_chain_t *chain)
{
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    if (size == 0 || size > UINT32_MAX)
        return HUSH_OK;
    hushi_region_t region = {.bytes = text, .base = 0, .end = size, .stream_end = true};
    sink->region = &region;
    sink->found_count = 0;
    hush_status_t st = find_in_text(sink, text, size);
    hushi_finding_others_t others = {.before = sink->found, .before_count = sink->found_count};
    for (size_t i = 0; st == HUSH_OK && i < sink->found_count; i++) {
        hushi_pending_t *p = &sink->found[i];
        char preview[HUSH_PREVIEW_MAX + 1];
        hushi_finding_preview(sink->config.rules, &region, p, &others, preview);
        masked_span_t m = {.a = p->c.secret_start, .b = p->c.secret_end,
                           .secret = text + p->c.secret_start,
                           .secret_size = (size_t)(p->c.secret_end - p->c.secret_start),
                           .rule = p->c.rule, .fingerprint = p->fingerprint};
        uint64_t ma = p->c.match_start, mb = p->c.match_end;
        map_down(chain, chain->count, 0, &ma, &mb);
        hushi_pending_t out = *p;
        out.preview = strdup(preview);
        st = out.preview ? place(sink, chain, &m, &out) : HUSH_ERR_NOMEM;
        out.c.match_start = chain->container_start + ma;
        out.c.match_end = chain->container_start + mb;
        if (out.c.match_start > out.c.secret_start)
            out.c.match_start = out.c.secret_start;
        if (out.c.match_end < out.c.secret_end)
            out.c.match_end = out.c.secret_end;
        st = st == HUSH_OK ? emit(sink, &out) : (hushi_pending_release(&out), st);
    }
    sink->found_count = 0;
    sink->region = NULL;
    return st;
}

/* ---- structural findings ------------------------------------------------------- */

/* A workflow expression is evaluated at run time: its text is not the
 * secret ("@parameters('ApiKey')", "@{body('Get_secret')?['value']}",
 * "Bearer @{variables('token')}"). */
static bool is_expression(const unsigned char *v, size_t n)
{
    while (n && (*v == ' ' || *v == '\t')) {
        v++;
        n--;
    }
    if (n >= 2 && v[0] == '@' && (v[1] == '{' || (v[1] >= 'a' && v[1] <= 'z')))
        return true;
    for (size_t i = 0; i + 1 < n; i++)
        if (v[i] == '@' && v[i + 1] == '{')
            return true;
    return false;
}

/* Numbers, dates, times and versions ("4096", "2025-06-30T00:00:00Z",
 * "1.2.3"): what a setting called "tokenLifetime" or "passwordLastSet"
 * holds. */
static bool is_number_or_date(const unsigned char *v, size_t n)
{
    bool digit = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = v[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (!strchr("+-.:/ TZ", c) || c == '\0')
            return false;
    }
    return digit;
}

/* A scored structural rule finds values by a name that only suggests a
 * secret ("*token*", "*key"): its value must look like one.  What the score
 * keeps only at low (a word, a weak or documented value, a GUID, a keyboard
 * run, a public half, too little entropy) is dropped, not kept at low. */
static bool scored_value_fails(const hushi_rule_t *r, hushi_score_t score,
                               const unsigned char *v, size_t n)
{
    if (r->score == HUSHI_SCORE_NONE)
        return false;
    return score.confidence < HUSH_CONFIDENCE_MEDIUM || is_number_or_date(v, n);
}

static void render_context(const char *context, const char *rule_id, char *out)
{
    size_t n = 0;
    for (const char *c = context; *c && n < HUSHI_VIEW_CONTEXT_SHOWN; c++)
        out[n++] = *c >= 0x20 && *c < 0x7f ? *c : '.';
    snprintf(out + n, HUSH_PREVIEW_MAX + 1 - n, "%s[REDACTED:%s]", n ? ": " : "", rule_id);
}

hush_status_t hushi_view_structural(hushi_view_sink_t *sink, const hushi_view_chain_t *chain,
                                    size_t start, size_t end, uint32_t rule, const char *context,
                                    bool percent_value)
{
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    if (end <= start || end > size)
        return HUSH_OK;
    const unsigned char *value = text + start;
    size_t value_size = end - start;
    sink->value.changed = false;
    if (percent_value && memchr(value, '%', value_size)) {
        hush_status_t st =
            hushi_layer_codec(HUSHI_LAYER_PERCENT)->decode(value, value_size, &sink->value);
        if (st != HUSH_OK)
            return st;
        value = sink->value.bytes;
        value_size = sink->value.size;
    }
    const hushi_rule_t *r = &sink->config.rules->rules[rule];
    /* A member value made of parts (a connection string: k=v;k=v) is judged
     * by its parts: pattern rules find its key or password, and one without
     * them (an Application Insights connection string) holds no secret.  A
     * Cookie header is also k=v; k=v, but every part of it is the secret. */
    bool composite = r->structure == HUSHI_STRUCTURE_JSON_KEY && memchr(value, '=', value_size) &&
                     memchr(value, ';', value_size);
    /* A scored rule (score.h) grades the value; its member name is the context. */
    hushi_score_context_t around = {.before = (const unsigned char *)context,
                                   .before_size = context ? strlen(context) : 0};
    hushi_score_t score = hushi_score_candidate(r->score, value, value_size, &around,
                                                r->info.confidence);
    if (value_size == 0 || composite || is_expression(value, value_size) ||
        (r->score == HUSHI_SCORE_NONE && hushi_is_placeholder(value, value_size)) || !score.keep ||
        scored_value_fails(r, score, value, value_size) ||
        (r->info.entropy_min > 0 && hushi_entropy_bits(value, value_size) < r->info.entropy_min) ||
        score.confidence < sink->config.policy->min_confidence)
        return HUSH_OK;
    hushi_pending_t p = {.c = {.rule = rule}, .confidence = score.confidence,
                        .redact = r->info.redact, .structural = true};
    if (!hushi_finding_identify(sink->config.policy, r->info.id, value, value_size, &p))
        return HUSH_OK;
    char preview[HUSH_PREVIEW_MAX + 1];
    render_context(context, r->info.id, preview);
    masked_span_t m = {.a = start, .b = end, .secret = value, .secret_size = value_size,
                       .rule = rule, .fingerprint = p.fingerprint, .percent_value = percent_value};
    p.preview = strdup(preview);
    hush_status_t st = p.preview ? place(sink, chain, &m, &p) : HUSH_ERR_NOMEM;
    p.c.match_start = p.c.secret_start;
    p.c.match_end = p.c.secret_end;
    return st == HUSH_OK ? emit(sink, &p) : (hushi_pending_release(&p), st);
}
