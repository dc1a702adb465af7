/* See stream_match.h. */
#include <stdlib.h>
#include <string.h>

#include "array_internal.h"
#include "stream_match.h"

/* Sanity bound on clusters waiting for bytes; by construction there are at
 * most a few per rule, so reaching it means a bug, reported as a limit. */
#define HUSHI_MAX_PENDING_CLUSTERS (1u << 20)
/* A cluster never spans more match ends than this, so a rule that matches
 * at every byte is still confirmed in bounded pieces. */
#define HUSHI_CLUSTER_MAX_SPAN (32u << 10)

/* Match ends of one rule close enough together for one PCRE2 search:
 * matches starting in [first_end - max width, last_end) are decided by it. */
typedef struct cluster {
    uint32_t rule;
    uint64_t first_end, last_end;
} cluster_t;

struct hushi_stream_match {
    const hush_rules_t *rules;
    hs_scratch_t *scratch;
    uint64_t scanned_to;       /* Hyperscan has covered every match ending up to here */
    bool ended;

    uint64_t *next_start;      /* per rule: end of its last accepted match */
    uint8_t *reported;         /* per rule: detect reported it in the scan under way */
    uint32_t *reported_rules;
    size_t reported_count;
    cluster_t *open;           /* per rule, during a locate scan: its open cluster */
    uint8_t *open_flag;
    cluster_t *clusters;       /* waiting for bytes, in scan order */
    size_t cluster_count, cluster_capacity;

    uint64_t holds[HUSHI_MAX_OPENER_HOLDS]; /* where pending multiline matches may start */
    size_t hold_count;
    uint64_t flush_blocked_until;          /* holds overflowed: no early flush */
};

static uint64_t width_of(const hushi_stream_match_t *m, uint32_t rule)
{
    return m->rules->rules[rule].info.max_width;
}

static uint64_t sat_sub(uint64_t a, uint64_t b) { return a > b ? a - b : 0; }

/* The earliest start a match of cluster c can have: one max width before
 * its first end. */
static uint64_t cluster_floor(const hushi_stream_match_t *m, const cluster_t *c)
{
    return sat_sub(c->first_end, width_of(m, c->rule));
}

/* Where confirming cluster c starts reading; no match found later can start
 * before it. */
static uint64_t cluster_origin(const hushi_stream_match_t *m, const cluster_t *c)
{
    uint64_t origin = cluster_floor(m, c);
    return m->next_start[c->rule] > origin ? m->next_start[c->rule] : origin;
}

/* ---- scanning ---------------------------------------------------------------- */

typedef struct scan_ctx {
    hushi_stream_match_t *m;
    uint64_t base;        /* stream offset of the scanned buffer's first byte */
    uint64_t to;          /* end of the range; the byte after it is context only */
    hush_status_t status; /* failure inside a callback */
} scan_ctx_t;

static void on_opener(hushi_stream_match_t *m, uint32_t rule, uint64_t end)
{
    /* Openers in the overlap were seen by the previous scan. */
    if (end <= m->scanned_to)
        return;
    if (m->hold_count == HUSHI_MAX_OPENER_HOLDS) {
        uint64_t until = end + m->rules->max_width + HUSHI_CONTEXT_LEN;
        if (until > m->flush_blocked_until)
            m->flush_blocked_until = until;
        return;
    }
    m->holds[m->hold_count++] = sat_sub(end, m->rules->rules[rule].opener_width);
}

static int on_hit(unsigned int id, unsigned long long from, unsigned long long to,
                  unsigned int flags, void *ctx)
{
    (void)from;
    (void)flags;
    scan_ctx_t *sc = ctx;
    hushi_stream_match_t *m = sc->m;
    if (id >= m->rules->count) {
        if (sc->base + to <= sc->to)
            on_opener(m, m->rules->opener_rule[id - m->rules->count], sc->base + to);
    } else if (!m->reported[id]) {
        m->reported[id] = 1;
        m->reported_rules[m->reported_count++] = id;
    }
    return 0;
}

static hush_status_t add_cluster(hushi_stream_match_t *m, const cluster_t *c)
{
    hush_status_t st = HUSHI_ARRAY_RESERVE(m->clusters, m->cluster_count, m->cluster_capacity, 64,
                                           HUSHI_MAX_PENDING_CLUSTERS);
    if (st != HUSH_OK)
        return st;
    m->clusters[m->cluster_count++] = *c;
    return HUSH_OK;
}

/* Locate: every match end of a rule detect reported, gathered in clusters. */
static int on_located(unsigned int id, unsigned long long from, unsigned long long to,
                      unsigned int flags, void *ctx)
{
    (void)from;
    (void)flags;
    scan_ctx_t *sc = ctx;
    hushi_stream_match_t *m = sc->m;
    uint64_t end = sc->base + to;
    /* Ends in the overlap belong to ranges already searched, ends on the
     * context byte to the next range. */
    if (end <= m->scanned_to || end > sc->to || !m->reported[id])
        return 0;
    cluster_t *c = &m->open[id];
    if (m->open_flag[id]) {
        uint64_t first = end < c->first_end ? end : c->first_end;
        uint64_t last = end > c->last_end ? end : c->last_end;
        if (end + width_of(m, id) >= c->last_end && end <= c->last_end + width_of(m, id) &&
            last - first <= HUSHI_CLUSTER_MAX_SPAN) {
            c->first_end = first;
            c->last_end = last;
            return 0;
        }
        if ((sc->status = add_cluster(m, c)) != HUSH_OK)
            return 1;
    }
    *c = (cluster_t){.rule = id, .first_end = end, .last_end = end};
    m->open_flag[id] = 1;
    return 0;
}

static int compare_clusters(const void *pa, const void *pb)
{
    const cluster_t *a = pa, *b = pb;
    if (a->first_end != b->first_end)
        return a->first_end < b->first_end ? -1 : 1;
    if (a->last_end != b->last_end)
        return a->last_end < b->last_end ? -1 : 1;
    return a->rule < b->rule ? -1 : a->rule > b->rule;
}

/* Scans the range (scanned_to, to], reading from scanned_to - max width:
 * detect over all of it, then locate only if detect reported a rule. */
static hush_status_t scan_to(hushi_stream_match_t *m, const hushi_region_t *region, uint64_t to)
{
    if (to <= m->scanned_to)
        return HUSH_OK;
    uint64_t from = sat_sub(m->scanned_to, m->rules->max_width);
    if (from < region->base || to > region->end)
        return HUSH_ERR_LIMIT; /* the window lost bytes it had to keep: a bug */
    const char *bytes = (const char *)region->bytes + (from - region->base);
    /* One byte past the range when there is one: Hyperscan takes the end of
     * what it is given for the end of the data, where \b, \B and $ would be
     * decided wrongly for a match ending exactly at `to`. */
    uint64_t context_end = to < region->end ? to + 1 : to;
    unsigned size = (unsigned)(context_end - from);
    scan_ctx_t sc = {.m = m, .base = from, .to = to, .status = HUSH_OK};
    size_t first_new = m->cluster_count;
    m->reported_count = 0;
    hs_error_t rc = hs_scan(m->rules->detect_db, bytes, size, 0, m->scratch, on_hit, &sc);
    if (rc == HS_SUCCESS && m->reported_count > 0)
        rc = hs_scan(m->rules->locate_db, bytes, size, 0, m->scratch, on_located, &sc);
    hush_status_t st = sc.status != HUSH_OK ? sc.status
                       : rc == HS_SUCCESS    ? HUSH_OK
                                             : HUSH_ERR_HYPERSCAN;
    for (size_t i = 0; i < m->reported_count; i++) {
        uint32_t rule = m->reported_rules[i];
        m->reported[rule] = 0;
        if (m->open_flag[rule] && st == HUSH_OK)
            st = add_cluster(m, &m->open[rule]);
        m->open_flag[rule] = 0;
    }
    /* Each rule's clusters must be searched in order of their ends; sorting
     * makes that so whatever order Hyperscan reported matches in. */
    if (m->cluster_count - first_new > 1)
        qsort(m->clusters + first_new, m->cluster_count - first_new, sizeof *m->clusters,
              compare_clusters);
    m->scanned_to = to;
    return st;
}

/* ---- lifecycle ------------------------------------------------------------------ */

hush_status_t hushi_stream_match_create(const hush_rules_t *rules, hushi_stream_match_t **out)
{
    hushi_stream_match_t *m = calloc(1, sizeof *m);
    *out = NULL;
    if (!m)
        return HUSH_ERR_NOMEM;
    m->rules = rules;
    m->next_start = calloc(rules->count, sizeof *m->next_start);
    m->reported = calloc(rules->count, 1);
    m->reported_rules = calloc(rules->count, sizeof *m->reported_rules);
    m->open = calloc(rules->count, sizeof *m->open);
    m->open_flag = calloc(rules->count, 1);
    if (!m->next_start || !m->reported || !m->reported_rules || !m->open || !m->open_flag) {
        hushi_stream_match_destroy(m);
        return HUSH_ERR_NOMEM;
    }
    /* One scratch serves both databases. */
    if (hs_alloc_scratch(rules->detect_db, &m->scratch) != HS_SUCCESS ||
        hs_alloc_scratch(rules->locate_db, &m->scratch) != HS_SUCCESS) {
        hushi_stream_match_destroy(m);
        return HUSH_ERR_HYPERSCAN;
    }
    *out = m;
    return HUSH_OK;
}

void hushi_stream_match_destroy(hushi_stream_match_t *m)
{
    if (!m)
        return;
    hs_free_scratch(m->scratch);
    free(m->next_start);
    free(m->reported);
    free(m->reported_rules);
    free(m->open);
    free(m->open_flag);
    free(m->clusters);
    free(m);
}

void hushi_stream_match_reset(hushi_stream_match_t *m)
{
    m->scanned_to = 0;
    m->ended = false;
    memset(m->next_start, 0, m->rules->count * sizeof *m->next_start);
    m->cluster_count = 0;
    m->hold_count = 0;
    m->flush_blocked_until = 0;
}

void hushi_stream_match_end(hushi_stream_match_t *m) { m->ended = true; }

/* ---- deciding ------------------------------------------------------------------ */

static bool cluster_ready(const hushi_stream_match_t *m, const cluster_t *c,
                          const hushi_process_request_t *req)
{
    if (m->ended)
        return true;
    if (c->last_end + width_of(m, c->rule) + HUSHI_CONTEXT_LEN <= req->region->end)
        return true;
    /* Flushing: a single-line rule's matches before the last newline are
     * final, because no match of it can cross that newline. */
    return req->flush_line_end && !m->rules->rules[c->rule].info.multiline &&
           c->last_end <= req->flush_line_end;
}

/* The flush point, held back to the earliest multiline match that may have
 * begun.  A hold goes only once Hyperscan has scanned past every end a match
 * from it could have: that match then sits in a cluster, which bounds the
 * safe point itself.  (Bytes merely in the window are not enough: they may
 * not be scanned yet.) */
static uint64_t holds_bound(hushi_stream_match_t *m, uint64_t flush_line_end)
{
    uint64_t horizon = m->rules->max_width + HUSHI_CONTEXT_LEN;
    uint64_t bound = m->scanned_to < m->flush_blocked_until ? 0 : flush_line_end;
    size_t kept = 0;
    for (size_t i = 0; i < m->hold_count; i++) {
        if (m->holds[i] + horizon <= m->scanned_to)
            continue;
        m->holds[kept++] = m->holds[i];
        if (m->holds[i] < bound)
            bound = m->holds[i];
    }
    m->hold_count = kept;
    return bound;
}

/* Where PCRE2 starts looking for the cluster's matches: one max width before
 * its first end, but for a single-line rule no earlier than the line that
 * end is on (a match of it cannot start on an earlier line, and any match
 * that did lie wholly on an earlier line ended before this cluster, so an
 * earlier cluster accepted it).  That keeps the search to a line or so
 * instead of up to 8 KiB of lines before every cluster. */
static uint64_t search_from(const hushi_stream_match_t *m, const hushi_region_t *region,
                            const cluster_t *c)
{
    uint64_t from = cluster_floor(m, c);
    if (from < region->base)
        from = region->base;
    if (m->rules->rules[c->rule].info.multiline || c->first_end <= from)
        return from;
    const unsigned char *nl = memrchr(region->bytes + (from - region->base), '\n',
                                      (size_t)(c->first_end - 1 - from));
    return nl ? region->base + (uint64_t)(nl - region->bytes) + 1 : from;
}

hush_status_t hushi_stream_match_process(hushi_stream_match_t *m, hushi_confirm_t *confirm,
                                         const hushi_process_request_t *req, uint64_t *safe)
{
    const hushi_region_t *region = req->region;
    hush_status_t st = HUSH_OK;
    if (m->ended)
        st = scan_to(m, region, region->end);
    else if (req->flush_line_end > m->scanned_to)
        st = scan_to(m, region, req->flush_line_end);
    else if (region->end - m->scanned_to > HUSHI_SCAN_CHUNK)
        st = scan_to(m, region, region->end - 1); /* the last byte stays context */

    /* Clusters of one rule are kept in scan order, and a later one is never
     * ready before an earlier one, so each rule's searches run in order. */
    size_t kept = 0;
    for (size_t i = 0; i < m->cluster_count; i++) {
        cluster_t c = m->clusters[i];
        if (st != HUSH_OK || !cluster_ready(m, &c, req)) {
            m->clusters[kept++] = c;
            continue;
        }
        st = hushi_confirm_range(confirm, m->rules, c.rule, region, search_from(m, region, &c),
                                 c.last_end,
                                 &m->next_start[c.rule], req->accept, req->accept_ctx);
    }
    m->cluster_count = kept;
    if (st != HUSH_OK)
        return st;

    /* No match in bytes not yet scanned can start before this... */
    uint64_t bound = m->ended ? UINT64_MAX : sat_sub(m->scanned_to, m->rules->max_width);
    if (!m->ended && req->flush_line_end) {
        uint64_t flush_bound = holds_bound(m, req->flush_line_end);
        if (flush_bound > bound)
            bound = flush_bound;
    }
    /* ...nor can a match of a cluster still waiting for bytes. */
    for (size_t i = 0; i < m->cluster_count; i++) {
        uint64_t origin = cluster_origin(m, &m->clusters[i]);
        if (origin < bound)
            bound = origin;
    }
    *safe = bound;
    return HUSH_OK;
}

uint64_t hushi_stream_match_oldest_needed(const hushi_stream_match_t *m)
{
    uint64_t oldest = sat_sub(m->scanned_to, m->rules->max_width);
    for (size_t i = 0; i < m->cluster_count; i++) {
        uint64_t from = cluster_floor(m, &m->clusters[i]);
        if (from < oldest)
            oldest = from;
    }
    return oldest;
}
