/*
 * The scanner (hush_scanner_t): bytes in, findings and redacted bytes out, in
 * stream order.
 *
 *   feed ─► window ─► matcher (Hyperscan detect/locate, PCRE2 confirm)
 *        ─► evaluate ─► pending findings, sorted ─► redacted output up to
 *        the safe point ─► finding callback once its preview is final
 *
 * The safe point is the offset before which the matcher can find nothing
 * more.  Output before it is final and written, with every secret masked;
 * a finding is reported once the safe point has passed its preview too, so
 * the preview masks every other secret it shows.  Then the bytes are
 * dropped, which keeps memory bounded whatever the input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array_internal.h"
#include "finding.h"
#include "lines.h"
#include "redact.h"
#include "stream_match.h"
#include "propagate.h"
#include "views.h"

/* Most bytes taken in one commit (the input buffer's size): big enough to
 * amortise per-call costs, small enough that the window stays small. */
#define HUSHI_FEED_SLICE (256u << 10)
/* The window holds the look-back plus a few slices, so that compaction
 * (moving the look-back to the front) happens rarely. */
#define HUSHI_WINDOW_CAPACITY (HUSHI_LOOKBACK_BOUND + 4u * HUSHI_FEED_SLICE)
/* While a structured value is open (views.h) the window keeps it whole, up
 * to this size. */
#define HUSHI_WINDOW_MAX_CAPACITY (HUSHI_WINDOW_CAPACITY + HUSHI_VIEW_MAX_VALUE + 2u * HUSHI_FEED_SLICE)
/* Distinct view names a scanner keeps; the chain depth and the four layer
 * kinds bound them far below this, so past it a name reads "mixed". */
#define HUSHI_MAX_ENCODINGS 64u
/* Findings waiting for release; by construction far fewer (they are all
 * within the look-back), so reaching this means a bug. */
#define HUSHI_MAX_PENDING_FINDINGS (1u << 20)

struct hush_scanner {
    const hush_rules_t *rules;
    hush_scanner_config_t config;
    unsigned char key[HUSH_FINGERPRINT_KEY_MAX];
    hushi_finding_policy_t policy;
    hushi_confirm_t confirm;
    hushi_stream_match_t *matcher; /* NULL for the reference engine */
    hushi_views_t *views;          /* NULL when scanning raw bytes only */
    hushi_copy_stream_t *copies;   /* NULL without propagated values */
    /* View names reported so far ("json", "csv+json+percent"), so that a
     * finding's `encoding` lives as long as the scanner, like its rule id. */
    char encodings[HUSHI_MAX_ENCODINGS][HUSHI_ENCODING_MAX];
    size_t encoding_count;
    hushi_window_t window;

    hushi_pending_t *pending;      /* not yet reported, sorted by hushi_pending_compare */
    size_t pending_count, pending_capacity;
    size_t emitted;               /* leading pending findings already masked in the output */
    hushi_pending_t *recent;       /* reported findings that may reach into later previews */
    size_t recent_count, recent_capacity;

    uint64_t released_to;         /* the safe point reached so far */
    uint64_t emit_pos;            /* redacted output written up to here */
    hushi_lines_t lines;
    bool stream_end;
    hush_status_t failed;         /* sticky until the stream is finished */
    char message[HUSH_ERROR_MAX];
};

static hush_status_t fail(hush_scanner_t *s, hush_status_t st, const char *why)
{
    if (st == HUSH_OK)
        return st;
    if (s->failed == HUSH_OK) {
        s->failed = st;
        if (why)
            snprintf(s->message, sizeof s->message, "%s", why);
        else if (!s->message[0])
            snprintf(s->message, sizeof s->message, "%s", hush_strerror(st));
    }
    return s->failed;
}

static hushi_region_t region_of(const hush_scanner_t *s)
{
    return (hushi_region_t){.bytes = s->window.data,
                           .base = s->window.base,
                           .end = hushi_window_end(&s->window),
                           .stream_end = s->stream_end};
}

/* ---- pending findings ------------------------------------------------------ */

static bool overlaps(const hushi_pending_t *a, const hushi_pending_t *b)
{
    return a->c.secret_start < b->c.secret_end && b->c.secret_start < a->c.secret_end;
}

static bool within(const hushi_pending_t *inner, const hushi_pending_t *outer)
{
    return outer->c.secret_start <= inner->c.secret_start &&
           inner->c.secret_end <= outer->c.secret_end;
}

/* True when finding `a` makes finding `b` (overlapping it) redundant.
 * Structural against pattern: the one that covers more replaces the other
 * (a pattern match over more than the value, or a structural value over a
 * pattern match that took only part of it).  Exactly the same bytes are one
 * span group, where the surer rule names them (ranks_higher).
 * Pattern against pattern: a view that decoded more sees the value better
 * than the bytes that encode it. */
static bool supersedes(const hushi_pending_t *a, const hushi_pending_t *b)
{
    if (!overlaps(a, b))
        return false;
    /* A copy of a value (propagate.h) inside a rule's finding, or inside a
     * longer copy, is part of a secret already found; a copy never replaces
     * a rule's finding. */
    if (b->copy && within(b, a) && (!a->copy || !within(a, b)))
        return true;
    if (a->copy && !b->copy)
        return false;
    if (a->structural != b->structural)
        return within(b, a) && !within(a, b);
    if (a->structural || a->view_depth <= b->view_depth)
        return false;
    return b->view_depth == 0 ? a->container_start <= b->c.secret_start &&
                                    b->c.secret_end <= a->container_end
                              : b->container_start <= a->container_start &&
                                    a->container_end <= b->container_end;
}

/* Inserts a finding in order, unless one already pending makes it redundant;
 * drops those it makes redundant.  Only views and copies make findings
 * overlap this way, so plain text skips the comparisons. */
static hush_status_t insert_pending(hush_scanner_t *s, hushi_pending_t *p)
{
    if ((s->views && hushi_views_active(s->views)) || s->copies) {
        for (size_t i = 0; i < s->pending_count; i++) {
            if (supersedes(&s->pending[i], p)) {
                hushi_pending_release(p);
                return HUSH_OK;
            }
        }
        size_t kept = s->emitted;
        for (size_t i = s->emitted; i < s->pending_count; i++) {
            if (supersedes(p, &s->pending[i]))
                hushi_pending_release(&s->pending[i]);
            else
                s->pending[kept++] = s->pending[i];
        }
        s->pending_count = kept;
    }
    hush_status_t st = HUSHI_ARRAY_RESERVE(s->pending, s->pending_count, s->pending_capacity, 64,
                                           HUSHI_MAX_PENDING_FINDINGS);
    if (st != HUSH_OK) {
        hushi_pending_release(p);
        return st;
    }
    /* Usually appended at the end: findings arrive nearly in order. */
    size_t at = s->pending_count;
    while (at > 0 && hushi_pending_compare(&s->pending[at - 1], p) > 0)
        at--;
    memmove(&s->pending[at + 1], &s->pending[at], (s->pending_count - at) * sizeof *p);
    s->pending[at] = *p;
    s->pending_count++;
    return HUSH_OK;
}

static hush_status_t on_candidate(void *ctx, const hushi_candidate_t *c)
{
    hush_scanner_t *s = ctx;
    hushi_region_t region = region_of(s);
    hushi_pending_t p;
    if (!hushi_finding_evaluate(s->rules, &s->policy, &region, c, &p))
        return HUSH_OK;
    const char *label = hushi_views_label(s->views, c->secret_start, c->secret_end);
    if (label)
        snprintf(p.encoding, sizeof p.encoding, "%s", label);
    return insert_pending(s, &p);
}

/* A finding made in a decoded view; the scanner takes what it owns. */
static hush_status_t on_view_finding(void *ctx, hushi_pending_t *finding)
{
    hushi_pending_t p = *finding;
    finding->preview = NULL;
    finding->replacement = NULL;
    return insert_pending(ctx, &p);
}

/* A copy of a propagated value: a finding of the rule that found the value,
 * named by the value's fingerprint, sure because the value was. */
static hush_status_t on_copy(void *ctx, uint32_t rule, hush_confidence_t confidence,
                             uint64_t start, uint64_t end, const unsigned char *value,
                             size_t size)
{
    hush_scanner_t *s = ctx;
    hushi_pending_t p;
    if (!hushi_finding_copy(&s->policy, s->rules, rule, confidence, start, end, value, size, &p))
        return HUSH_OK;
    const char *label = hushi_views_label(s->views, start, end);
    if (label)
        snprintf(p.encoding, sizeof p.encoding, "%s", label);
    return insert_pending(s, &p);
}

/* ---- output ---------------------------------------------------------------- */

static hush_status_t emit_raw_to(hush_scanner_t *s, uint64_t to)
{
    uint64_t end = hushi_window_end(&s->window);
    if (to > end)
        to = end;
    if (!s->config.on_output || to <= s->emit_pos)
        return HUSH_OK;
    const unsigned char *from = hushi_window_at(&s->window, s->emit_pos);
    size_t size = (size_t)(to - s->emit_pos);
    s->emit_pos = to;
    return s->config.on_output(s->config.output_ctx, from, size) ? HUSH_ERR_CALLBACK : HUSH_OK;
}

static hush_status_t emit_mask(hush_scanner_t *s, const hushi_pending_t *p)
{
    hush_status_t st = emit_raw_to(s, p->c.secret_start);
    if (st != HUSH_OK || !s->config.on_output || p->c.secret_end <= s->emit_pos)
        return st;
    uint64_t from = s->emit_pos > p->c.secret_start ? s->emit_pos : p->c.secret_start;
    if (p->replacement && from == p->c.secret_start) {
        s->emit_pos = p->c.secret_end;
        return s->config.on_output(s->config.output_ctx, p->replacement, p->replacement_size)
                   ? HUSH_ERR_CALLBACK
                   : HUSH_OK;
    }
    hushi_mask_request_t req = {
        .mask = s->config.mask,
        .rule_id = s->rules->rules[p->c.rule].info.id,
        .fingerprint = p->fingerprint,
        .secret = hushi_window_at(&s->window, from),
        .size = (size_t)(p->c.secret_end - from),
        .continuation = from > p->c.secret_start,
    };
    s->emit_pos = p->c.secret_end;
    return hushi_mask_emit(&req, s->config.on_output, s->config.output_ctx) ? HUSH_ERR_CALLBACK
                                                                         : HUSH_OK;
}

/* ---- release -------------------------------------------------------------- */

static const char *interned_encoding(hush_scanner_t *s, const char *name)
{
    if (!name[0])
        return "raw";
    for (size_t i = 0; i < s->encoding_count; i++)
        if (strcmp(s->encodings[i], name) == 0)
            return s->encodings[i];
    if (s->encoding_count == HUSHI_MAX_ENCODINGS)
        return "mixed";
    memcpy(s->encodings[s->encoding_count], name, HUSHI_ENCODING_MAX);
    return s->encodings[s->encoding_count++];
}

static hush_status_t report(hush_scanner_t *s, const hushi_pending_t *p, size_t group_end)
{
    if (!s->config.on_finding)
        return HUSH_OK;
    const hushi_rule_t *rule = &s->rules->rules[p->c.rule];
    hush_finding_t f = {
        .rule_id = rule->info.id,
        .rule_name = rule->info.name,
        .confidence = p->confidence,
        .validated = p->validated,
        .encoding = interned_encoding(s, p->encoding),
        .offset = p->c.secret_start,
        .length = p->c.secret_end - p->c.secret_start,
        .copy = p->copy,
    };
    hushi_lines_locate(&s->lines, &s->window, p->c.secret_start, &f.line, &f.column);
    memcpy(f.fingerprint, p->fingerprint, sizeof f.fingerprint);
    f.meta = p->has_meta ? &p->meta : NULL; /* p stays pending until the callback returns */
    /* Other secrets in the preview are masked: those reported before that
     * reach into it, and those after it that start inside it (all known by
     * now, see report_ready). */
    uint64_t preview_end = hushi_finding_preview_end(p);
    size_t later = 0;
    while (group_end + later < s->pending_count &&
           s->pending[group_end + later].c.secret_start < preview_end)
        later++;
    hushi_finding_others_t others = {.before = s->recent, .before_count = s->recent_count,
                                    .after = s->pending + group_end, .after_count = later};
    hushi_region_t region = region_of(s);
    if (p->preview)
        snprintf(f.preview, sizeof f.preview, "%s", p->preview);
    else
        hushi_finding_preview(s->rules, &region, p, &others, f.preview);
    return s->config.on_finding(s->config.finding_ctx, &f) ? HUSH_ERR_CALLBACK : HUSH_OK;
}

/* Keeps reported findings that may still reach into a later preview: those
 * ending after the earliest byte a preview from `from` on can show. */
static hush_status_t remember(hush_scanner_t *s, const hushi_pending_t *p)
{
    uint64_t horizon = hushi_finding_preview_start_bound(p);
    size_t kept = 0;
    for (size_t i = 0; i < s->recent_count; i++)
        if (s->recent[i].c.secret_end > horizon)
            s->recent[kept++] = s->recent[i];
    s->recent_count = kept;
    hush_status_t st = HUSHI_ARRAY_RESERVE(s->recent, s->recent_count, s->recent_capacity, 16,
                                           HUSHI_MAX_PENDING_FINDINGS);
    if (st != HUSH_OK)
        return st;
    s->recent[s->recent_count] = *p;
    /* Only the span is needed there; what it owns stays with the original. */
    s->recent[s->recent_count].preview = NULL;
    s->recent[s->recent_count].replacement = NULL;
    s->recent_count++;
    return HUSH_OK;
}

static bool same_span(const hushi_pending_t *a, const hushi_pending_t *b)
{
    return a->c.secret_start == b->c.secret_start && a->c.secret_end == b->c.secret_end;
}

/* Which of several rules that found the same bytes names them: the surer
 * one, then a validated one, then the one that saw the decoded secret, then
 * a pattern rule, then the one whose match saw more context
 * (`Password=` inside a SQL connection string beats a bare `password=`). */
static bool ranks_higher(const hush_rules_t *rules, const hushi_pending_t *a,
                         const hushi_pending_t *b)
{
    /* Where a rule finds the value itself, its finding names it, not the copy. */
    if (a->copy != b->copy)
        return !a->copy;
    if (a->confidence != b->confidence)
        return a->confidence > b->confidence;
    if ((a->validated != NULL) != (b->validated != NULL))
        return a->validated != NULL;
    /* A provider's rule names the secret; a scored generic one (a key name
     * and a value's shape) or a structural one only says it looks like one. */
    bool a_generic = a->structural || rules->rules[a->c.rule].score != HUSHI_SCORE_NONE;
    bool b_generic = b->structural || rules->rules[b->c.rule].score != HUSHI_SCORE_NONE;
    if (a_generic != b_generic)
        return !a_generic;
    /* Where decoding changed the secret, the view that decoded more saw the
     * value itself: its fingerprint is of the secret, not of its escapes. */
    if (a->view_depth != b->view_depth && strcmp(a->fingerprint, b->fingerprint) != 0)
        return a->view_depth > b->view_depth;
    /* A pattern rule names the provider; a structural one only the place. */
    if (a->structural != b->structural)
        return !a->structural;
    uint64_t a_len = a->c.match_end - a->c.match_start, b_len = b->c.match_end - b->c.match_start;
    if (a_len != b_len)
        return a_len > b_len;
    return a->c.rule < b->c.rule;
}

/* One secret, one finding: rules that found exactly the same bytes sit next
 * to each other in the sorted list (and are all known together, as they
 * start at the same offset).  Returns the group's end; *best is the finding
 * to report, *best_redacting the one whose mask to write (SIZE_MAX: none). */
static size_t span_group(const hush_scanner_t *s, size_t first, size_t *best,
                         size_t *best_redacting)
{
    size_t end = first;
    *best = first;
    *best_redacting = SIZE_MAX;
    for (; end < s->pending_count && same_span(&s->pending[first], &s->pending[end]); end++) {
        const hushi_pending_t *q = &s->pending[end];
        if (ranks_higher(s->rules, q, &s->pending[*best]))
            *best = end;
        if (q->redact &&
            (*best_redacting == SIZE_MAX || ranks_higher(s->rules, q, &s->pending[*best_redacting])))
            *best_redacting = end;
    }
    return end;
}

/* Masks, in the output, every finding that starts before `safe`: nothing can
 * start before it any more, so the bytes up to it are final. */
static hush_status_t emit_before(hush_scanner_t *s, uint64_t safe)
{
    hush_status_t st = HUSH_OK;
    while (st == HUSH_OK && s->emitted < s->pending_count &&
           s->pending[s->emitted].c.secret_start < safe) {
        size_t best, best_redacting;
        size_t end = span_group(s, s->emitted, &best, &best_redacting);
        if (best_redacting != SIZE_MAX)
            st = emit_mask(s, &s->pending[best_redacting]);
        s->emitted = end;
    }
    return st == HUSH_OK ? emit_raw_to(s, safe) : st;
}

/* Reports findings, in order, once their preview is final: every finding
 * that could show in it starts before its end, so before `safe`.  Reporting
 * sooner would mask other secrets in a preview or not depending on how the
 * input was split, and could show one in clear. */
static hush_status_t report_before(hush_scanner_t *s, uint64_t safe)
{
    hush_status_t st = HUSH_OK;
    size_t done = 0;
    while (st == HUSH_OK && done < s->emitted) {
        size_t best, best_redacting;
        size_t end = span_group(s, done, &best, &best_redacting);
        uint64_t preview_end = 0;
        for (size_t i = done; i < end; i++) {
            uint64_t e = hushi_finding_preview_end(&s->pending[i]);
            preview_end = e > preview_end ? e : preview_end;
        }
        if (preview_end > safe)
            break;
        for (size_t i = done; st == HUSH_OK && i < end; i++)
            if (i == best || s->config.report_every_rule)
                st = report(s, &s->pending[i], end);
        if (st == HUSH_OK)
            st = remember(s, &s->pending[best]);
        done = end;
    }
    if (done) {
        for (size_t i = 0; i < done; i++)
            hushi_pending_release(&s->pending[i]);
        memmove(s->pending, s->pending + done, (s->pending_count - done) * sizeof *s->pending);
        s->pending_count -= done;
        s->emitted -= done;
    }
    return st;
}

static hush_status_t release_before(hush_scanner_t *s, uint64_t safe)
{
    if (safe > s->released_to)
        s->released_to = safe;
    hush_status_t st = emit_before(s, safe);
    return st == HUSH_OK ? report_before(s, safe) : st;
}

/* Drops bytes nothing can refer to any more: before the output position,
 * the pending findings and the matcher's pending clusters, less context. */
static void discard_settled(hush_scanner_t *s)
{
    uint64_t keep = s->released_to;
    if (s->config.on_output && s->emit_pos < keep)
        keep = s->emit_pos;
    if (s->pending_count && s->pending[0].c.match_start < keep)
        keep = s->pending[0].c.match_start;
    uint64_t needed = hushi_stream_match_oldest_needed(s->matcher);
    if (needed < keep)
        keep = needed;
    uint64_t held = hushi_views_hold(s->views);
    if (held < keep)
        keep = held;
    hushi_views_forget_before(s->views, s->released_to);
    uint64_t margin = HUSHI_CONTEXT_LEN + HUSHI_KEYWORD_WINDOW;
    keep = keep > margin ? keep - margin : 0;
    if (keep <= s->window.base)
        return;
    hushi_lines_before_discard(&s->lines, &s->window, keep);
    hushi_window_discard_before(&s->window, keep);
}

static hush_status_t process(hush_scanner_t *s, uint64_t flush_line_end)
{
    hushi_region_t region = region_of(s);
    hushi_process_request_t req = {.region = &region,
                                  .flush_line_end = flush_line_end,
                                  .accept = on_candidate,
                                  .accept_ctx = s};
    uint64_t safe = 0;
    hush_status_t st = hushi_stream_match_process(s->matcher, &s->confirm, &req, &safe);
    uint64_t held = hushi_views_hold(s->views);
    if (held < safe)
        safe = held;
    /* A copy ending in bytes not fed yet may start this far back. */
    uint64_t end = hushi_window_end(&s->window);
    size_t longest = s->copies ? hushi_copies_longest(s->config.copies) : 0;
    if (longest && !s->stream_end) {
        uint64_t bound = end >= longest ? end - longest + 1 : 0;
        if (bound < safe)
            safe = bound;
    }
    if (st == HUSH_OK)
        st = release_before(s, safe);
    return st;
}

/* ---- public API -------------------------------------------------------------- */

hush_status_t hush_scanner_create(const hush_rules_t *rules, const hush_scanner_config_t *config,
                                  hush_scanner_t **out)
{
    if (!out)
        return HUSH_ERR_ARGUMENT;
    *out = NULL;
    if (!rules || !config || config->fingerprint_key_size > HUSH_FINGERPRINT_KEY_MAX ||
        (config->fingerprint_key_size && !config->fingerprint_key) ||
        (unsigned)config->min_confidence > HUSH_CONFIDENCE_HIGH ||
        (unsigned)config->mask > HUSH_MASK_HASH)
        return HUSH_ERR_ARGUMENT;
    hush_scanner_t *s = calloc(1, sizeof *s);
    if (!s)
        return HUSH_ERR_NOMEM;
    s->rules = rules;
    s->config = *config;
    if (config->fingerprint_key_size) {
        memcpy(s->key, config->fingerprint_key, config->fingerprint_key_size);
        s->policy.key = s->key;
        s->policy.key_size = config->fingerprint_key_size;
    }
    s->config.fingerprint_key = NULL; /* never keep the caller's pointer */
    s->policy.min_confidence = config->min_confidence;
    s->policy.now = config->now;
    s->policy.allow = config->allow;
    s->policy.allow_ctx = &s->config.finding_ctx;
    s->policy.collect = config->collect;
    hush_status_t st = HUSH_OK;
    size_t capacity = config->engine == HUSH_ENGINE_REFERENCE ? 64u << 10 : HUSHI_WINDOW_CAPACITY;
    if (!hushi_confirm_init(&s->confirm, rules, s->message, sizeof s->message) ||
        !hushi_window_init(&s->window, capacity))
        st = HUSH_ERR_NOMEM;
    if (st == HUSH_OK && config->engine != HUSH_ENGINE_REFERENCE)
        st = hushi_stream_match_create(rules, &s->matcher);
    if (st == HUSH_OK && config->copies)
        st = hushi_copy_stream_create(config->copies, &s->copies);
    if (st == HUSH_OK && !config->raw_only) {
        hushi_views_config_t views = {.rules = rules, .policy = &s->policy, .mask = config->mask,
                                     .use_hyperscan = config->engine != HUSH_ENGINE_REFERENCE,
                                     .on_finding = on_view_finding, .ctx = s,
                                     .copies = config->copies,
                                     .message = s->message, .message_size = sizeof s->message};
        st = hushi_views_create(&views, &s->views);
    }
    if (st != HUSH_OK) {
        hush_scanner_destroy(s);
        return st;
    }
    *out = s;
    return HUSH_OK;
}

void hush_scanner_destroy(hush_scanner_t *s)
{
    if (!s)
        return;
    hush_scanner_reset(s);
    hushi_stream_match_destroy(s->matcher);
    hushi_views_destroy(s->views);
    hushi_copy_stream_destroy(s->copies);
    hushi_confirm_free(&s->confirm);
    hushi_window_free(&s->window);
    free(s->pending);
    free(s->recent);
    memset(s->key, 0, sizeof s->key);
    free(s);
}

void hush_scanner_reset(hush_scanner_t *s)
{
    if (!s)
        return;
    hushi_window_reset(&s->window);
    for (size_t i = 0; i < s->pending_count; i++)
        hushi_pending_release(&s->pending[i]);
    s->pending_count = s->recent_count = s->emitted = 0;
    hushi_views_reset(s->views);
    s->released_to = s->emit_pos = 0;
    hushi_lines_reset(&s->lines);
    s->stream_end = false;
    s->failed = HUSH_OK;
    s->message[0] = '\0';
    if (s->matcher)
        hushi_stream_match_reset(s->matcher);
    hushi_copy_stream_reset(s->copies);
}

void hush_scanner_set_context(hush_scanner_t *s, void *finding_ctx, void *output_ctx)
{
    if (!s)
        return;
    s->config.finding_ctx = finding_ctx;
    s->config.output_ctx = output_ctx;
}

const char *hush_scanner_message(const hush_scanner_t *s) { return s ? s->message : ""; }

uint64_t hush_scanner_offset(const hush_scanner_t *s)
{
    return s ? hushi_window_end(&s->window) : 0;
}

/* The reference engine keeps the whole input, up to its limit. */
static hush_status_t reference_room(hush_scanner_t *s, size_t wanted)
{
    if (s->window.size + wanted > HUSH_REFERENCE_MAX_INPUT)
        wanted = HUSH_REFERENCE_MAX_INPUT - s->window.size;
    if (wanted == 0)
        return fail(s, HUSH_ERR_LIMIT, "input larger than the reference engine's 64 MiB");
    if (hushi_window_room(&s->window) < wanted) {
        size_t capacity = s->window.capacity;
        while (capacity - s->window.size < wanted)
            capacity *= 2;
        if (!hushi_window_resize(&s->window, capacity))
            return fail(s, HUSH_ERR_NOMEM, NULL);
    }
    return HUSH_OK;
}

/* An open structured value keeps its bytes in the window (views.h), which
 * then grows, within HUSHI_WINDOW_MAX_CAPACITY. */
static hush_status_t window_grow(hush_scanner_t *s)
{
    if (hushi_window_room(&s->window) >= HUSHI_FEED_SLICE)
        return HUSH_OK;
    size_t capacity = s->window.capacity;
    while (capacity - s->window.size < HUSHI_FEED_SLICE && capacity < HUSHI_WINDOW_MAX_CAPACITY)
        capacity = capacity * 2 < HUSHI_WINDOW_MAX_CAPACITY ? capacity * 2 : HUSHI_WINDOW_MAX_CAPACITY;
    if (capacity - s->window.size < HUSHI_FEED_SLICE)
        return fail(s, HUSH_ERR_LIMIT, "look-back window exhausted (internal limit)");
    if (!hushi_window_resize(&s->window, capacity))
        return fail(s, HUSH_ERR_NOMEM, NULL);
    return HUSH_OK;
}

hush_status_t hush_scanner_input_buffer(hush_scanner_t *s, void **buffer, size_t *capacity)
{
    if (!s || !buffer || !capacity)
        return HUSH_ERR_ARGUMENT;
    *buffer = NULL;
    *capacity = 0;
    if (s->failed)
        return s->failed;
    if (!s->matcher) {
        hush_status_t st = reference_room(s, HUSHI_FEED_SLICE);
        if (st != HUSH_OK)
            return st;
    } else if (hushi_window_room(&s->window) < HUSHI_FEED_SLICE) {
        discard_settled(s);
        hush_status_t st = window_grow(s);
        if (st != HUSH_OK)
            return st;
    }
    size_t room = hushi_window_room(&s->window);
    *buffer = s->window.data + s->window.size;
    *capacity = room < HUSHI_FEED_SLICE ? room : HUSHI_FEED_SLICE;
    return HUSH_OK;
}

hush_status_t hush_scanner_commit(hush_scanner_t *s, size_t size)
{
    if (!s)
        return HUSH_ERR_ARGUMENT;
    if (s->failed)
        return s->failed;
    if (size > hushi_window_room(&s->window) || (s->matcher && size > HUSHI_FEED_SLICE))
        return fail(s, HUSH_ERR_ARGUMENT, "commit larger than the input buffer");
    const unsigned char *bytes = s->window.data + s->window.size;
    uint64_t from = hushi_window_end(&s->window);
    s->window.size += size;
    /* Counted now, while the bytes are in cache. */
    hushi_lines_count(&s->lines, bytes, size);
    if (!s->matcher)
        return HUSH_OK;
    hush_status_t st = HUSH_OK;
    if (s->views) {
        hushi_region_t region = region_of(s);
        st = hushi_views_feed(s->views, &region, from);
    }
    if (st == HUSH_OK && s->copies)
        st = hushi_copy_stream_scan(s->copies, bytes, size, on_copy, s);
    return fail(s, st == HUSH_OK ? process(s, 0) : st, NULL);
}

hush_status_t hush_scanner_feed(hush_scanner_t *s, const void *data, size_t size)
{
    if (!s || (!data && size))
        return HUSH_ERR_ARGUMENT;
    const unsigned char *bytes = data;
    while (size > 0) {
        void *buffer;
        size_t capacity;
        hush_status_t st = hush_scanner_input_buffer(s, &buffer, &capacity);
        if (st != HUSH_OK)
            return st;
        size_t n = size < capacity ? size : capacity;
        memcpy(buffer, bytes, n);
        if ((st = hush_scanner_commit(s, n)) != HUSH_OK)
            return st;
        bytes += n;
        size -= n;
    }
    return s->failed;
}

hush_status_t hush_scanner_flush(hush_scanner_t *s)
{
    if (!s)
        return HUSH_ERR_ARGUMENT;
    if (s->failed || !s->matcher)
        return s->failed;
    uint64_t from = s->emit_pos > s->window.base ? s->emit_pos : s->window.base;
    uint64_t end = hushi_window_end(&s->window);
    if (end <= from)
        return HUSH_OK;
    const unsigned char *nl = memrchr(hushi_window_at(&s->window, from), '\n', end - from);
    if (!nl)
        return HUSH_OK;
    uint64_t line_end = s->window.base + (uint64_t)(nl - s->window.data) + 1;
    return fail(s, process(s, line_end), NULL);
}

static hush_status_t finish_reference(hush_scanner_t *s)
{
    hushi_region_t region = region_of(s);
    hush_status_t st = s->views ? hushi_views_end(s->views, &region) : HUSH_OK;
    if (st == HUSH_OK && s->copies)
        st = hushi_copy_stream_scan(s->copies, region.bytes, (size_t)(region.end - region.base),
                                    on_copy, s);
    for (uint32_t r = 0; st == HUSH_OK && r < s->rules->count; r++) {
        if (s->rules->rules[r].structure)
            continue;
        uint64_t next_start = 0;
        st = hushi_confirm_range(&s->confirm, s->rules, r, &region, 0, region.end, &next_start,
                                 on_candidate, s);
    }
    if (st == HUSH_OK)
        st = release_before(s, UINT64_MAX);
    return st;
}

hush_status_t hush_scanner_finish(hush_scanner_t *s)
{
    if (!s)
        return HUSH_ERR_ARGUMENT;
    hush_status_t st = s->failed;
    s->stream_end = true;
    if (st == HUSH_OK && !s->matcher)
        st = finish_reference(s);
    if (st == HUSH_OK && s->matcher) {
        hushi_stream_match_end(s->matcher);
        if (s->views) {
            hushi_region_t region = region_of(s);
            st = hushi_views_end(s->views, &region);
        }
        if (st == HUSH_OK)
            st = process(s, 0);
    }
    if (st != HUSH_OK) {
        fail(s, st, NULL);
        char message[HUSH_ERROR_MAX];
        memcpy(message, s->message, sizeof message);
        hush_scanner_reset(s);
        memcpy(s->message, message, sizeof message);
        return st;
    }
    hush_scanner_reset(s);
    return HUSH_OK;
}
