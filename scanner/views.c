/*
 * Views (see views.h): the object, the stream's format, what is held, and
 * the labels of raw findings.  The walk over the tokenizer's events is in
 * view_walk.c, the structural rules in view_structural.c (views_internal.h).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "array_internal.h"
#include "views.h"
#include "views_internal.h"

/* Top-level values remembered for labelling raw findings; a sanity bound
 * (they are dropped as output is released). */
#define HUSHI_VIEW_MAX_LABELS (1u << 24)

/* ---- labels for raw findings ------------------------------------------------- */

hush_status_t hushi_views_label_add(hushi_views_t *v, uint64_t start, uint64_t end,
                                    const char *label)
{
    if (end <= start)
        return HUSH_OK;
    if (v->label_head > 0 && v->label_head + v->label_count == v->label_capacity) {
        memmove(v->labels, v->labels + v->label_head, v->label_count * sizeof *v->labels);
        v->label_head = 0;
    }
    hush_status_t st = HUSHI_ARRAY_RESERVE(v->labels, v->label_head + v->label_count,
                                           v->label_capacity, 256, HUSHI_VIEW_MAX_LABELS);
    if (st != HUSH_OK)
        return st;
    v->labels[v->label_head + v->label_count++] =
        (hushi_view_label_t){.start = start, .end = end, .label = label};
    return HUSH_OK;
}

const char *hushi_views_label(const hushi_views_t *v, uint64_t start, uint64_t end)
{
    /* No labels yet: labels may still be NULL, and NULL + 0 is undefined. */
    if (!v || v->label_count == 0)
        return NULL;
    const hushi_view_label_t *l = v->labels + v->label_head;
    size_t lo = 0, hi = v->label_count;
    while (lo < hi) { /* first span starting after `start` */
        size_t mid = lo + (hi - lo) / 2;
        if (l[mid].start <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && l[lo - 1].end >= end ? l[lo - 1].label : NULL;
}

void hushi_views_forget_before(hushi_views_t *v, uint64_t offset)
{
    while (v && v->label_count && v->labels[v->label_head].end <= offset) {
        v->label_head++;
        v->label_count--;
    }
}

/* ---- the stream ----------------------------------------------------------------- */

static hush_status_t lex_stream(hushi_views_t *v, const hushi_region_t *region, uint64_t from)
{
    v->region = region;
    if (v->format == HUSHI_VIEW_FORMAT_UNDECIDED) {
        v->format = hushi_view_sniff(region->bytes + (0 - region->base),
                                     (size_t)(region->end - region->base), region->stream_end);
        if (v->format == HUSHI_VIEW_FORMAT_UNDECIDED || v->format == HUSHI_VIEW_FORMAT_PLAIN) {
            v->end = region->end;
            return HUSH_OK;
        }
        bool csv = v->format == HUSHI_VIEW_FORMAT_CSV;
        hushi_lex_init(&v->top.lex, csv ? HUSHI_LEX_CSV : HUSHI_LEX_JSON, 0,
                       csv ? hushi_walk_csv_event : hushi_walk_json_event, &v->top);
        v->open_start = csv ? 0 : HUSHI_VIEW_NO_OFFSET;
        from = 0;
    }
    if (v->format == HUSHI_VIEW_FORMAT_PLAIN || from >= region->end) {
        v->end = region->end;
        return HUSH_OK;
    }
    v->top.status = HUSH_OK;
    hushi_lex_feed(&v->top.lex, region->bytes + (from - region->base),
                   (size_t)(region->end - from));
    v->end = region->end;
    return v->top.status;
}

/* ---- public -------------------------------------------------------------------- */

hush_status_t hushi_views_create(const hushi_views_config_t *config, hushi_views_t **out)
{
    *out = NULL;
    hushi_views_t *v = calloc(1, sizeof *v);
    if (!v)
        return HUSH_ERR_NOMEM;
    v->rules = config->rules;
    hushi_view_sink_config_t sink = {.rules = config->rules, .policy = config->policy,
                                    .mask = config->mask, .use_hyperscan = config->use_hyperscan,
                                    .emit = config->on_finding, .ctx = config->ctx,
                                    .message = config->message,
                                    .message_size = config->message_size,
                                    .copies = config->copies};
    hush_status_t st = hushi_view_sink_create(&sink, &v->sink);
    hushi_view_walk_t *all[HUSHI_VIEW_MAX_NESTING + 1] = {&v->top};
    for (unsigned i = 0; i < HUSHI_VIEW_MAX_NESTING; i++)
        all[i + 1] = &v->nested[i];
    /* nested[0] is unused: nest 0 is the stream (top). */
    for (unsigned i = 0; st == HUSH_OK && i <= HUSHI_VIEW_MAX_NESTING; i++) {
        all[i]->v = v;
        all[i]->nest = i == 0 ? 0 : i - 1; /* nested[k] tokenizes at nest k */
        all[i]->frames = calloc(HUSHI_LEX_MAX_DEPTH + 1, sizeof *all[i]->frames);
        if (!all[i]->frames)
            st = HUSH_ERR_NOMEM;
    }
    if (st == HUSH_OK)
        st = hushi_name_index_build(&v->names, config->rules, config->message,
                                    config->message_size);
    if (st != HUSH_OK) {
        hushi_views_destroy(v);
        return st;
    }
    hushi_views_reset(v);
    *out = v;
    return HUSH_OK;
}

void hushi_views_destroy(hushi_views_t *v)
{
    if (!v)
        return;
    hushi_view_sink_destroy(v->sink);
    free(v->top.frames);
    for (unsigned i = 0; i < HUSHI_VIEW_MAX_NESTING; i++)
        free(v->nested[i].frames);
    for (size_t i = 0; i <= HUSHI_VIEW_MAX_CHAIN; i++)
        hushi_decoded_free(&v->pool[i]);
    hushi_decoded_free(&v->name_scratch);
    hushi_name_index_free(&v->names);
    free(v->labels);
    free(v);
}

void hushi_views_reset(hushi_views_t *v)
{
    if (!v)
        return;
    v->format = HUSHI_VIEW_FORMAT_UNDECIDED;
    v->end = 0;
    v->open_start = HUSHI_VIEW_NO_OFFSET;
    v->top.depth = 0;
    memset(&v->top.frames[0], 0, sizeof v->top.frames[0]);
    v->label_head = v->label_count = 0;
    v->region = NULL;
}

hush_status_t hushi_views_feed(hushi_views_t *v, const hushi_region_t *region, uint64_t from)
{
    hush_status_t st = lex_stream(v, region, from);
    v->region = NULL;
    return st;
}

hush_status_t hushi_views_end(hushi_views_t *v, const hushi_region_t *region)
{
    hush_status_t st = lex_stream(v, region, v->end);
    if (st == HUSH_OK &&
        (v->format == HUSHI_VIEW_FORMAT_JSON || v->format == HUSHI_VIEW_FORMAT_CSV)) {
        v->region = region;
        v->top.status = HUSH_OK;
        hushi_lex_end(&v->top.lex);
        st = v->top.status;
    }
    v->region = NULL;
    v->format = HUSHI_VIEW_FORMAT_PLAIN; /* nothing more is held */
    v->open_start = HUSHI_VIEW_NO_OFFSET;
    return st;
}

static uint64_t earlier(uint64_t hold, uint64_t end, const hushi_member_value_t *member)
{
    if (member->set && end - member->start <= HUSHI_VIEW_MAX_VALUE && member->start < hold)
        return member->start;
    return hold;
}

uint64_t hushi_views_hold(const hushi_views_t *v)
{
    if (!v || v->format == HUSHI_VIEW_FORMAT_PLAIN)
        return HUSHI_VIEW_NO_OFFSET;
    if (v->format == HUSHI_VIEW_FORMAT_UNDECIDED)
        return 0;
    uint64_t hold = HUSHI_VIEW_NO_OFFSET;
    if (v->open_start != HUSHI_VIEW_NO_OFFSET && v->open_start <= v->end &&
        v->end - v->open_start <= HUSHI_VIEW_MAX_VALUE)
        hold = v->open_start;
    for (uint32_t d = 1; d <= v->top.depth && d <= HUSHI_LEX_MAX_DEPTH; d++) {
        const hushi_view_frame_t *f = &v->top.frames[d];
        hold = earlier(hold, v->end, &f->value);
        hold = earlier(hold, v->end, &f->body_value);
        hold = earlier(hold, v->end, &f->text);
    }
    return hold;
}

bool hushi_views_active(const hushi_views_t *v)
{
    return v && (v->format == HUSHI_VIEW_FORMAT_JSON || v->format == HUSHI_VIEW_FORMAT_CSV ||
                 v->label_count);
}
