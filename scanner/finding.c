/* See finding.h. */
#include <ctype.h>
#include <openssl/hmac.h>
#include <string.h>

#include <stdlib.h>

#include "entropy.h"
#include "finding.h"
#include "jwt_meta.h"
#include "placeholder.h"

void hushi_pending_release(hushi_pending_t *p)
{
    free(p->preview);
    free(p->replacement);
    p->preview = NULL;
    p->replacement = NULL;
    p->replacement_size = 0;
}

/* Context bytes shown on each side of the masked secret in a preview. */
#define HUSHI_PREVIEW_CONTEXT 40u

static bool contains_keyword(const hush_rule_info_t *info, const unsigned char *text, size_t size)
{
    for (size_t k = 0; k < info->keyword_count; k++) {
        const char *kw = info->keywords[k];
        size_t n = strlen(kw);
        for (size_t i = 0; n && i + n <= size; i++) {
            if (strncasecmp((const char *)text + i, kw, n) == 0)
                return true;
        }
    }
    return false;
}

void hushi_finding_fingerprint(const hushi_finding_policy_t *policy, const unsigned char *secret,
                               size_t size, char out[HUSH_FINGERPRINT_HEX + 1])
{
    out[0] = '\0';
    if (!policy->key)
        return;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    if (!HMAC(EVP_sha256(), policy->key, (int)policy->key_size, secret, size, mac, &mac_size) ||
        mac_size < HUSH_FINGERPRINT_HEX / 2)
        return;
    for (unsigned i = 0; i < HUSH_FINGERPRINT_HEX / 2; i++)
        snprintf(out + 2 * i, 3, "%02x", mac[i]);
}

bool hushi_finding_identify(const hushi_finding_policy_t *policy, const char *rule_id,
                            const unsigned char *value, size_t size, hushi_pending_t *p)
{
    hushi_finding_fingerprint(policy, value, size, p->fingerprint);
    if (policy->allow) {
        hush_allow_query_t query = {.rule_id = rule_id, .fingerprint = p->fingerprint,
                                    .value = value, .size = size};
        if (policy->allow(*policy->allow_ctx, &query))
            return false;
    }
    p->has_meta = hushi_jwt_meta_read(value, size, policy->now, &p->meta);
    /* Out of memory only drops the value (counted): propagation is best effort. */
    if (policy->collect && p->redact && p->confidence >= policy->min_confidence)
        (void)hushi_values_add(policy->collect, rule_id, p->confidence, value, size);
    return true;
}

/* Context shown before a copy in its preview. */
#define HUSHI_COPY_CONTEXT 40u

bool hushi_finding_copy(const hushi_finding_policy_t *policy, const hush_rules_t *rules,
                        uint32_t rule, hush_confidence_t confidence, uint64_t start, uint64_t end,
                        const unsigned char *value, size_t size, hushi_pending_t *out)
{
    *out = (hushi_pending_t){
        .c = {.rule = rule, .match_start = start > HUSHI_COPY_CONTEXT ? start - HUSHI_COPY_CONTEXT : 0,
              .match_end = end, .secret_start = start, .secret_end = end},
        .confidence = confidence, .redact = true, .copy = true};
    return hushi_finding_identify(policy, rules->rules[rule].info.id, value, size, out);
}

/* Generic rules (score.h): the value's shape and the key name before it
 * decide the confidence, or drop the candidate. */
static bool score_candidate(const hushi_rule_t *rule, const hushi_region_t *region,
                            const hushi_candidate_t *c, hush_confidence_t *confidence)
{
    uint64_t from = c->secret_start - region->base > HUSHI_KEYWORD_WINDOW
                        ? c->secret_start - HUSHI_KEYWORD_WINDOW
                        : region->base;
    /* Confirm windows keep context after a match (for look-ahead), so the
     * bytes after the secret are there unless the stream ended. */
    hushi_score_context_t context = {
        .before = region->bytes + (from - region->base),
        .before_size = (size_t)(c->secret_start - from),
        .after = region->bytes + (c->secret_end - region->base),
        .after_size = region->end > c->secret_end ? (size_t)(region->end - c->secret_end) : 0};
    hushi_score_t score = hushi_score_candidate(
        rule->score, region->bytes + (c->secret_start - region->base),
        (size_t)(c->secret_end - c->secret_start), &context, rule->info.confidence);
    *confidence = score.confidence;
    return score.keep;
}

bool hushi_finding_evaluate(const hush_rules_t *rules, const hushi_finding_policy_t *policy,
                            const hushi_region_t *region, const hushi_candidate_t *c,
                            hushi_pending_t *out)
{
    const hushi_rule_t *rule = &rules->rules[c->rule];
    const unsigned char *secret = region->bytes + (c->secret_start - region->base);
    size_t size = (size_t)(c->secret_end - c->secret_start);

    /* A value the user listed as leaked is never a placeholder; scored rules
     * judge placeholders themselves (score.c). */
    hushi_placeholder_t placeholder = rule->known_value || rule->score != HUSHI_SCORE_NONE
                                         ? HUSHI_PLACEHOLDER_NONE
                                         : hushi_placeholder_kind(secret, size);
    if (placeholder == HUSHI_PLACEHOLDER_SLOT)
        return false;
    if (rule->info.entropy_min > 0 && hushi_entropy_bits(secret, size) < rule->info.entropy_min)
        return false;
    if (rule->info.keyword_count) {
        uint64_t from = c->match_start - region->base > HUSHI_KEYWORD_WINDOW
                            ? c->match_start - HUSHI_KEYWORD_WINDOW
                            : region->base;
        if (!contains_keyword(&rule->info, region->bytes + (from - region->base),
                              (size_t)(c->match_end - from)))
            return false;
    }
    hush_confidence_t confidence = rule->info.confidence;
    if (rule->score != HUSHI_SCORE_NONE && !rule->known_value &&
        !score_candidate(rule, region, c, &confidence))
        return false;
    const char *validated = NULL;
    switch (rule->validator ? rule->validator(secret, size) : HUSHI_VALIDATION_NOT_APPLICABLE) {
    case HUSHI_VALIDATION_CHECKSUM:
        validated = "checksum";
        confidence = HUSH_CONFIDENCE_HIGH;
        break;
    case HUSHI_VALIDATION_STRUCTURE:
        validated = "structure";
        confidence = HUSH_CONFIDENCE_HIGH;
        break;
    case HUSHI_VALIDATION_FAILED:
        /* Right shape, wrong checksum: often a fake or a typo, rarely live (low,
         * by default).  A rule may keep more: a PEM key block cut short is a
         * leaked key all the same. */
        if (confidence > rule->info.failed_confidence)
            confidence = rule->info.failed_confidence;
        break;
    case HUSHI_VALIDATION_NOT_APPLICABLE:
        break;
    }
    /* A filler body in a real format: a fake or a doc sample, unless its
     * checksum holds. */
    if (placeholder == HUSHI_PLACEHOLDER_LOOKALIKE && !validated)
        confidence = HUSH_CONFIDENCE_LOW;
    if (confidence < policy->min_confidence)
        return false;
    *out = (hushi_pending_t){.c = *c, .confidence = confidence, .validated = validated,
                            .redact = rule->info.redact};
    /* A known secret is named by its value, whichever encoded form matched. */
    if (rule->known_value) {
        secret = rule->known_value;
        size = rule->known_value_size;
    }
    return hushi_finding_identify(policy, rule->info.id, secret, size, out);
}

static bool inside_any(uint64_t offset, const hushi_pending_t *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (offset >= list[i].c.secret_start && offset < list[i].c.secret_end)
            return true;
    return false;
}

static bool inside_other(uint64_t offset, const hushi_finding_others_t *others)
{
    return inside_any(offset, others->before, others->before_count) ||
           inside_any(offset, others->after, others->after_count);
}

uint64_t hushi_finding_preview_start_bound(const hushi_pending_t *p)
{
    return p->c.secret_start > HUSHI_PREVIEW_CONTEXT ? p->c.secret_start - HUSHI_PREVIEW_CONTEXT : 0;
}

uint64_t hushi_finding_preview_end(const hushi_pending_t *p)
{
    uint64_t tail = p->c.secret_end + HUSHI_PREVIEW_CONTEXT;
    return p->c.match_end < tail ? p->c.match_end : tail;
}

typedef struct preview_buf {
    char *out;
    size_t len;
} preview_buf_t;

static void put(preview_buf_t *b, char ch)
{
    if (b->len < HUSH_PREVIEW_MAX)
        b->out[b->len++] = ch;
}

static void put_str(preview_buf_t *b, const char *s)
{
    while (*s)
        put(b, *s++);
}

static void put_bytes(preview_buf_t *b, const hushi_region_t *region, uint64_t from, uint64_t to,
                      const hushi_finding_others_t *others)
{
    for (uint64_t o = from; o < to; o++) {
        unsigned char ch = region->bytes[o - region->base];
        if (inside_other(o, others))
            put(b, '*');
        else
            put(b, isprint(ch) ? (char)ch : '.');
    }
}

void hushi_finding_preview(const hush_rules_t *rules, const hushi_region_t *region,
                           const hushi_pending_t *p, const hushi_finding_others_t *others,
                           char out[HUSH_PREVIEW_MAX + 1])
{
    const hushi_candidate_t *c = &p->c;
    preview_buf_t b = {.out = out, .len = 0};
    uint64_t from = c->match_start, to = c->match_end;
    if (c->secret_start - from > HUSHI_PREVIEW_CONTEXT) {
        from = c->secret_start - HUSHI_PREVIEW_CONTEXT;
        put_str(&b, "...");
    }
    bool cut_tail = to - c->secret_end > HUSHI_PREVIEW_CONTEXT;
    if (cut_tail)
        to = c->secret_end + HUSHI_PREVIEW_CONTEXT;
    if (from < region->base)
        from = region->base;
    put_bytes(&b, region, from, c->secret_start, others);
    put_str(&b, "[REDACTED:");
    put_str(&b, rules->rules[c->rule].info.id);
    put(&b, ']');
    put_bytes(&b, region, c->secret_end, to, others);
    if (cut_tail)
        put_str(&b, "...");
    out[b.len] = '\0';
}

int hushi_pending_compare(const hushi_pending_t *a, const hushi_pending_t *b)
{
    if (a->c.secret_start != b->c.secret_start)
        return a->c.secret_start < b->c.secret_start ? -1 : 1;
    if (a->c.secret_end != b->c.secret_end)
        return a->c.secret_end < b->c.secret_end ? -1 : 1;
    return a->c.rule < b->c.rule ? -1 : a->c.rule > b->c.rule;
}
