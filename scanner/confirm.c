/* See confirm.h. */
#include <stdio.h>
#include <string.h>

#include "confirm.h"

/* Bounds on PCRE2 backtracking: a rule that explodes on some input fails
 * that input with a message instead of hanging the scan. */
#define HUSHI_PCRE2_MATCH_LIMIT 2000000u
#define HUSHI_PCRE2_DEPTH_LIMIT 100000u

bool hushi_confirm_init(hushi_confirm_t *c, const hush_rules_t *rules, char *message,
                        size_t message_size)
{
    (void)rules;
    memset(c, 0, sizeof *c);
    c->message = message;
    c->message_size = message_size;
    /* 64 pairs covers any rule we accept; extra groups are simply not captured. */
    c->match_data = pcre2_match_data_create(64, NULL);
    c->match_context = pcre2_match_context_create(NULL);
    if (!c->match_data || !c->match_context) {
        hushi_confirm_free(c);
        return false;
    }
    pcre2_set_match_limit(c->match_context, HUSHI_PCRE2_MATCH_LIMIT);
    pcre2_set_depth_limit(c->match_context, HUSHI_PCRE2_DEPTH_LIMIT);
    return true;
}

void hushi_confirm_free(hushi_confirm_t *c)
{
    pcre2_match_data_free(c->match_data);
    pcre2_match_context_free(c->match_context);
    c->match_data = NULL;
    c->match_context = NULL;
}

typedef struct subject {
    uint64_t start, end;
    uint32_t options;
} subject_t;

static unsigned char byte_at(const hushi_region_t *r, uint64_t offset)
{
    return r->bytes[offset - r->base];
}

/* The subject PCRE2 sees when searching from `pos`: the line around it for
 * single-line rules, else everything available; never more than
 * HUSHI_CONTEXT_LEN bytes of look-behind.  NOTBOL/NOTEOL where the subject is
 * cut somewhere other than a line or stream boundary. */
static subject_t subject_for(const hushi_region_t *r, uint64_t pos, bool single_line)
{
    subject_t s;
    uint64_t floor = pos - r->base > HUSHI_CONTEXT_LEN ? pos - HUSHI_CONTEXT_LEN : r->base;
    s.start = floor;
    s.end = r->end;
    if (single_line && pos > floor) {
        const unsigned char *nl = memrchr(r->bytes + (floor - r->base), '\n', pos - floor);
        if (nl)
            s.start = r->base + (uint64_t)(nl - r->bytes) + 1;
    }
    if (single_line && pos < r->end) {
        const unsigned char *nl = memchr(r->bytes + (pos - r->base), '\n', r->end - pos);
        if (nl)
            s.end = r->base + (uint64_t)(nl - r->bytes);
    }
    bool bol = s.start == 0 || (s.start > r->base && byte_at(r, s.start - 1) == '\n');
    bool eol = (s.end == r->end && r->stream_end) || (s.end < r->end && byte_at(r, s.end) == '\n');
    s.options = (bol ? 0 : PCRE2_NOTBOL) | (eol ? 0 : PCRE2_NOTEOL);
    return s;
}

hush_status_t hushi_confirm_range(hushi_confirm_t *c, const hush_rules_t *rules, uint32_t rule_index,
                                  const hushi_region_t *region, uint64_t from, uint64_t until,
                                  uint64_t *next_start, hushi_candidate_fn accept, void *ctx)
{
    const hushi_rule_t *rule = &rules->rules[rule_index];
    uint32_t group = 0;
    const pcre2_code *code = hushi_rule_code(rule, &group, c->message, c->message_size);
    if (!code)
        return HUSH_ERR_RULE;
    bool single_line = !rule->info.multiline;
    uint64_t pos = *next_start > from ? *next_start : from;
    if (until > region->end)
        until = region->end;
    /* No match starting before `until` reads further than this (the loader
     * bounds widths and look-aheads): a search that finds nothing stops here
     * instead of running to the end of a long line or of the window. */
    hushi_region_t bounded = *region;
    uint64_t reach = until + rule->info.max_width + HUSHI_CONTEXT_LEN;
    if (reach < region->end) {
        bounded.end = reach;
        bounded.stream_end = false;
    }
    region = &bounded;
    while (pos < until) {
        if (single_line && byte_at(region, pos) == '\n') {
            pos++;
            continue;
        }
        subject_t s = subject_for(region, pos, single_line);
        int rc = pcre2_match(code, region->bytes + (s.start - region->base), s.end - s.start,
                             pos - s.start, s.options, c->match_data, c->match_context);
        if (rc == PCRE2_ERROR_NOMATCH) {
            if (!single_line || s.end >= region->end)
                break;
            pos = s.end + 1; /* the next line */
            continue;
        }
        if (rc < 0) {
            PCRE2_UCHAR text[120];
            pcre2_get_error_message(rc, text, sizeof text);
            snprintf(c->message, c->message_size, "%s: PCRE2 matching failed near offset %llu: %s",
                     rule->info.id, (unsigned long long)pos, (char *)text);
            return HUSH_ERR_PCRE2;
        }
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->match_data);
        uint64_t m_start = s.start + ov[0], m_end = s.start + ov[1];
        if (m_start >= until)
            break;
        bool has_secret = (uint32_t)rc > group && ov[2 * group] != PCRE2_UNSET &&
                          ov[2 * group + 1] > ov[2 * group];
        if (m_end <= m_start || !has_secret || m_end - m_start > rule->info.max_width) {
            pos = m_start + 1;
            continue;
        }
        hushi_candidate_t cand = {
            .rule = rule_index,
            .match_start = m_start,
            .match_end = m_end,
            .secret_start = s.start + ov[2 * group],
            .secret_end = s.start + ov[2 * group + 1],
        };
        *next_start = m_end;
        pos = m_end;
        hush_status_t st = accept(ctx, &cand);
        if (st != HUSH_OK)
            return st;
    }
    return HUSH_OK;
}
