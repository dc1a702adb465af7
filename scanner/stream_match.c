/* See stream_match.h. */
#include <stdlib.h>
#include <string.h>

#include "stream_match.h"

/* Sanity bound on clusters waiting for bytes; by construction there are a
 * few per rule at most, so reaching it means a bug, reported as a limit. */
#define HUSH_MAX_PENDING_CLUSTERS (1u << 20)

typedef struct cluster {
    uint32_t rule;
    uint64_t first_end, last_end; /* a and b: the hits' end offsets */
} cluster_t;

struct hush_stream_match {
    const hush_rules_t *rules;
    hs_scratch_t *scratch;
    hs_stream_t *stream;
    uint64_t scanned;          /* stream bytes given to Hyperscan */
    bool ended;
    hush_status_t hit_status;  /* failure inside the Hyperscan callback */

    uint64_t *next_start;      /* per rule: end of its last accepted match */
    cluster_t *open;           /* per rule: its open cluster, if open_flag */
    uint8_t *open_flag;
    uint32_t *open_rules;      /* rules with an open cluster */
    size_t open_count;
    cluster_t *closed;         /* closed clusters in closing order */
    size_t closed_count, closed_capacity;

    uint64_t holds[HUSH_MAX_OPENER_HOLDS]; /* FIFO of multiline match starts */
    size_t hold_head, hold_count;
    uint64_t flush_blocked_until;          /* hold FIFO overflowed: no early flush */
};

static uint64_t width_of(const hush_stream_match_t *m, uint32_t rule)
{
    return m->rules->rules[rule].info.max_width;
}

static uint64_t sat_sub(uint64_t a, uint64_t b) { return a > b ? a - b : 0; }

/* Where confirmation of cluster c starts reading; no match found later can
 * start before it. */
static uint64_t cluster_origin(const hush_stream_match_t *m, const cluster_t *c)
{
    uint64_t origin = sat_sub(c->first_end, width_of(m, c->rule));
    return m->next_start[c->rule] > origin ? m->next_start[c->rule] : origin;
}

static int close_cluster(hush_stream_match_t *m, uint32_t rule)
{
    if (m->closed_count == m->closed_capacity) {
        if (m->closed_capacity >= HUSH_MAX_PENDING_CLUSTERS) {
            m->hit_status = HUSH_ERR_LIMIT;
            return 1;
        }
        size_t grown = m->closed_capacity ? m->closed_capacity * 2 : 64;
        cluster_t *p = realloc(m->closed, grown * sizeof *p);
        if (!p) {
            m->hit_status = HUSH_ERR_NOMEM;
            return 1;
        }
        m->closed = p;
        m->closed_capacity = grown;
    }
    m->closed[m->closed_count++] = m->open[rule];
    m->open_flag[rule] = 0;
    return 0;
}

static void remove_open(hush_stream_match_t *m, size_t index)
{
    m->open_rules[index] = m->open_rules[--m->open_count];
}

static int on_rule_hit(hush_stream_match_t *m, uint32_t rule, uint64_t end)
{
    cluster_t *c = &m->open[rule];
    if (m->open_flag[rule]) {
        /* Close enough to the last hit that one confirm pass covers both. */
        if (end - c->last_end <= width_of(m, rule) &&
            end - c->first_end <= HUSH_CLUSTER_MAX_SPAN) {
            if (end > c->last_end)
                c->last_end = end;
            return 0;
        }
        if (close_cluster(m, rule))
            return 1;
        for (size_t i = 0; i < m->open_count; i++) {
            if (m->open_rules[i] == rule) {
                remove_open(m, i);
                break;
            }
        }
    }
    *c = (cluster_t){.rule = rule, .first_end = end, .last_end = end};
    m->open_flag[rule] = 1;
    m->open_rules[m->open_count++] = rule;
    return 0;
}

static void on_opener_hit(hush_stream_match_t *m, uint32_t rule, uint64_t end)
{
    uint64_t start = sat_sub(end, m->rules->rules[rule].opener_width);
    if (m->hold_count == HUSH_MAX_OPENER_HOLDS) {
        uint64_t until = end + m->rules->max_width + HUSH_REPORT_LAG;
        if (until > m->flush_blocked_until)
            m->flush_blocked_until = until;
        return;
    }
    m->holds[(m->hold_head + m->hold_count++) % HUSH_MAX_OPENER_HOLDS] = start;
}

static int on_hit(unsigned int id, unsigned long long from, unsigned long long to,
                  unsigned int flags, void *ctx)
{
    (void)from;
    (void)flags;
    hush_stream_match_t *m = ctx;
    if (id < m->rules->count)
        return on_rule_hit(m, id, to);
    on_opener_hit(m, m->rules->opener_rule[id - m->rules->count], to);
    return 0;
}

hush_status_t hush_stream_match_create(const hush_rules_t *rules, hush_stream_match_t **out)
{
    hush_stream_match_t *m = calloc(1, sizeof *m);
    *out = NULL;
    if (!m)
        return HUSH_ERR_NOMEM;
    m->rules = rules;
    size_t n = rules->count;
    m->next_start = calloc(n, sizeof *m->next_start);
    m->open = calloc(n, sizeof *m->open);
    m->open_flag = calloc(n, 1);
    m->open_rules = calloc(n, sizeof *m->open_rules);
    if (!m->next_start || !m->open || !m->open_flag || !m->open_rules) {
        hush_stream_match_destroy(m);
        return HUSH_ERR_NOMEM;
    }
    if (hs_alloc_scratch(rules->db, &m->scratch) != HS_SUCCESS ||
        hs_open_stream(rules->db, 0, &m->stream) != HS_SUCCESS) {
        hush_stream_match_destroy(m);
        return HUSH_ERR_HYPERSCAN;
    }
    *out = m;
    return HUSH_OK;
}

void hush_stream_match_destroy(hush_stream_match_t *m)
{
    if (!m)
        return;
    if (m->stream)
        hs_close_stream(m->stream, m->scratch, NULL, NULL);
    hs_free_scratch(m->scratch);
    free(m->next_start);
    free(m->open);
    free(m->open_flag);
    free(m->open_rules);
    free(m->closed);
    free(m);
}

hush_status_t hush_stream_match_reset(hush_stream_match_t *m)
{
    if (!m->ended && hs_reset_stream(m->stream, 0, m->scratch, NULL, NULL) != HS_SUCCESS)
        return HUSH_ERR_HYPERSCAN;
    m->scanned = 0;
    m->ended = false;
    m->hit_status = HUSH_OK;
    memset(m->next_start, 0, m->rules->count * sizeof *m->next_start);
    memset(m->open_flag, 0, m->rules->count);
    m->open_count = 0;
    m->closed_count = 0;
    m->hold_head = m->hold_count = 0;
    m->flush_blocked_until = 0;
    return HUSH_OK;
}

hush_status_t hush_stream_match_scan(hush_stream_match_t *m, const unsigned char *bytes,
                                     size_t size)
{
    if (m->ended)
        return HUSH_ERR_STATE;
    hs_error_t rc = hs_scan_stream(m->stream, (const char *)bytes, (unsigned)size, 0,
                                   m->scratch, on_hit, m);
    m->scanned += size;
    if (m->hit_status != HUSH_OK)
        return m->hit_status;
    return rc == HS_SUCCESS ? HUSH_OK : HUSH_ERR_HYPERSCAN;
}

hush_status_t hush_stream_match_end(hush_stream_match_t *m)
{
    if (m->ended)
        return HUSH_OK;
    /* Resetting reports end-of-data matches ($ at the very end) and leaves
     * the stream ready for the next input without a new allocation. */
    hs_error_t rc = hs_reset_stream(m->stream, 0, m->scratch, on_hit, m);
    m->ended = true;
    if (m->hit_status != HUSH_OK)
        return m->hit_status;
    return rc == HS_SUCCESS ? HUSH_OK : HUSH_ERR_HYPERSCAN;
}

/* Closes open clusters that no future hit can join (or all, at the end or
 * when flushing: any grouping of hits gives the same result). */
static hush_status_t close_settled(hush_stream_match_t *m, bool close_all)
{
    for (size_t i = 0; i < m->open_count;) {
        uint32_t rule = m->open_rules[i];
        if (close_all || m->scanned - m->open[rule].last_end > width_of(m, rule)) {
            if (close_cluster(m, rule))
                return m->hit_status;
            remove_open(m, i);
        } else {
            i++;
        }
    }
    return HUSH_OK;
}

static bool cluster_ready(const hush_stream_match_t *m, const cluster_t *c,
                          const hush_process_request_t *req)
{
    if (m->ended)
        return true;
    if (c->last_end + width_of(m, c->rule) + HUSH_CONTEXT_LEN <= m->scanned)
        return true;
    /* Flushing: a single-line rule's matches before the last newline are
     * final, because no match of it can cross that newline. */
    return req->flush_line_end && !m->rules->rules[c->rule].info.multiline &&
           c->last_end < req->flush_line_end;
}

static uint64_t holds_bound(hush_stream_match_t *m, uint64_t flush_line_end)
{
    uint64_t horizon = m->rules->max_width + HUSH_REPORT_LAG;
    while (m->hold_count && m->holds[m->hold_head] + horizon <= m->scanned) {
        m->hold_head = (m->hold_head + 1) % HUSH_MAX_OPENER_HOLDS;
        m->hold_count--;
    }
    if (m->scanned < m->flush_blocked_until)
        return 0;
    uint64_t bound = flush_line_end;
    if (m->hold_count && m->holds[m->hold_head] < bound)
        bound = m->holds[m->hold_head];
    return bound;
}

hush_status_t hush_stream_match_process(hush_stream_match_t *m, hush_confirm_t *confirm,
                                        const hush_process_request_t *req, uint64_t *safe)
{
    hush_status_t st = close_settled(m, m->ended || req->flush_line_end);
    size_t kept = 0;
    for (size_t i = 0; i < m->closed_count; i++) {
        cluster_t c = m->closed[i];
        if (st != HUSH_OK || !cluster_ready(m, &c, req)) {
            m->closed[kept++] = c;
            continue;
        }
        uint64_t from = sat_sub(c.first_end, width_of(m, c.rule));
        st = hush_confirm_range(confirm, m->rules, c.rule, req->region, from, c.last_end,
                                &m->next_start[c.rule], req->accept, req->accept_ctx);
    }
    m->closed_count = kept;
    if (st != HUSH_OK)
        return st;

    /* No future hit's match can start before this... */
    uint64_t bound = m->ended ? UINT64_MAX
                              : sat_sub(m->scanned, HUSH_REPORT_LAG + m->rules->max_width);
    if (!m->ended && req->flush_line_end) {
        uint64_t flush_bound = holds_bound(m, req->flush_line_end);
        if (flush_bound > bound)
            bound = flush_bound;
    }
    /* ...nor can a match of a cluster still waiting for bytes. */
    for (size_t i = 0; i < m->closed_count; i++) {
        uint64_t origin = cluster_origin(m, &m->closed[i]);
        if (origin < bound)
            bound = origin;
    }
    for (size_t i = 0; i < m->open_count; i++) {
        uint64_t origin = cluster_origin(m, &m->open[m->open_rules[i]]);
        if (origin < bound)
            bound = origin;
    }
    *safe = bound;
    return HUSH_OK;
}

uint64_t hush_stream_match_oldest_needed(const hush_stream_match_t *m)
{
    uint64_t oldest = UINT64_MAX;
    for (size_t i = 0; i < m->closed_count; i++) {
        uint64_t from = sat_sub(m->closed[i].first_end, width_of(m, m->closed[i].rule));
        if (from < oldest)
            oldest = from;
    }
    for (size_t i = 0; i < m->open_count; i++) {
        const cluster_t *c = &m->open[m->open_rules[i]];
        uint64_t from = sat_sub(c->first_end, width_of(m, c->rule));
        if (from < oldest)
            oldest = from;
    }
    return oldest;
}
