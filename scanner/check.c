/*
 * `hush rules check`: every rule's examples through both engines.  The
 * Hyperscan engine must agree byte for byte with the PCRE2-only reference
 * (same findings, same redacted text), positives must be found at medium
 * confidence or above (low for a low-confidence rule) and negatives must not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_internal.h"

typedef struct text_buf {
    char *data;
    size_t size, capacity;
    bool failed;
} text_buf_t;

static void text_append(text_buf_t *t, const void *data, size_t size)
{
    if (t->failed)
        return;
    if (t->size + size + 1 > t->capacity) {
        size_t capacity = t->capacity ? t->capacity : 256;
        while (capacity < t->size + size + 1)
            capacity *= 2;
        char *grown = realloc(t->data, capacity);
        if (!grown) {
            t->failed = true;
            return;
        }
        t->data = grown;
        t->capacity = capacity;
    }
    memcpy(t->data + t->size, data, size);
    t->size += size;
    t->data[t->size] = '\0';
}

typedef struct run_result {
    text_buf_t findings; /* one line per finding, every field */
    text_buf_t output;   /* redacted text */
    size_t own_found;    /* findings of the rule under test at the threshold or above */
    const char *rule_id;
    hush_confidence_t threshold;
} run_result_t;

static int collect_finding(void *ctx, const hush_finding_t *f)
{
    run_result_t *r = ctx;
    char line[HUSH_PREVIEW_MAX + 256];
    int n = snprintf(line, sizeof line, "%s %llu+%llu %llu:%llu %s %s %s %s\n", f->rule_id,
                     (unsigned long long)f->offset, (unsigned long long)f->length,
                     (unsigned long long)f->line, (unsigned long long)f->column,
                     hush_confidence_name(f->confidence), f->validated ? f->validated : "-",
                     f->fingerprint, f->preview);
    text_append(&r->findings, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    if (strcmp(f->rule_id, r->rule_id) == 0 && f->confidence >= r->threshold)
        r->own_found++;
    return 0;
}

static int collect_output(void *ctx, const void *data, size_t size)
{
    text_append(&((run_result_t *)ctx)->output, data, size);
    return 0;
}

static hush_status_t run_engine(hush_scanner_t *scanner, const char *text, run_result_t *r)
{
    hush_scanner_set_context(scanner, r, r);
    hush_status_t st = hush_scanner_feed(scanner, text, strlen(text));
    if (st == HUSH_OK)
        st = hush_scanner_finish(scanner);
    else
        hush_scanner_reset(scanner);
    if (st == HUSH_OK && (r->findings.failed || r->output.failed))
        st = HUSH_ERR_NOMEM;
    return st;
}

static void run_free(run_result_t *r)
{
    free(r->findings.data);
    free(r->output.data);
}

typedef struct check_ctx {
    hush_scanner_t *fast, *reference;
    hush_check_fn on_failure;
    void *cb_ctx;
    size_t failures;
} check_ctx_t;

static hush_status_t check_example(check_ctx_t *cx, const hush_rule_info_t *info, bool negative,
                                   size_t index, const char *text)
{
    /* A low-confidence rule's examples count at low; every other rule's
     * must reach medium, the default a user sees (a checksum that fails
     * drops a finding to low). */
    hush_confidence_t threshold =
        info->confidence < HUSH_CONFIDENCE_MEDIUM ? info->confidence : HUSH_CONFIDENCE_MEDIUM;
    run_result_t fast = {.rule_id = info->id, .threshold = threshold};
    run_result_t ref = {.rule_id = info->id, .threshold = threshold};
    hush_status_t st = run_engine(cx->fast, text, &fast);
    if (st == HUSH_OK)
        st = run_engine(cx->reference, text, &ref);
    const char *reason = NULL;
    char detail[HUSH_ERROR_MAX];
    if (st != HUSH_OK) {
        snprintf(detail, sizeof detail, "scanning failed: %s: %s", hush_strerror(st),
                 hush_scanner_message(cx->fast)[0] ? hush_scanner_message(cx->fast)
                                                   : hush_scanner_message(cx->reference));
        reason = detail;
    } else if ((fast.findings.size != ref.findings.size ||
                (fast.findings.size && strcmp(fast.findings.data, ref.findings.data) != 0))) {
        reason = "Hyperscan and the PCRE2 reference disagree on the findings";
    } else if (fast.output.size != ref.output.size ||
               (fast.output.size && memcmp(fast.output.data, ref.output.data, fast.output.size))) {
        reason = "Hyperscan and the PCRE2 reference disagree on the redacted text";
    } else if (!negative && fast.own_found == 0) {
        reason = threshold == HUSH_CONFIDENCE_LOW ? "not found"
                                                  : "not found (at medium confidence or above)";
    } else if (negative && fast.own_found > 0) {
        reason = "found, but it is a negative example";
    }
    if (reason) {
        cx->failures++;
        if (cx->on_failure)
            cx->on_failure(cx->cb_ctx, info, negative, index, reason);
    }
    run_free(&fast);
    run_free(&ref);
    return st == HUSH_ERR_NOMEM ? st : HUSH_OK;
}

static hush_status_t check_rule(check_ctx_t *cx, const hush_rule_info_t *info)
{
    hush_status_t st = HUSH_OK;
    for (size_t i = 0; st == HUSH_OK && i < info->example_count; i++)
        st = check_example(cx, info, false, i, info->examples[i]);
    for (size_t i = 0; st == HUSH_OK && i < info->negative_example_count; i++)
        st = check_example(cx, info, true, i, info->negative_examples[i]);
    return st;
}

hush_status_t hush_rules_check(const hush_rules_t *rules, hush_check_fn on_failure, void *ctx,
                               size_t *failures)
{
    if (!rules || !failures)
        return HUSH_ERR_ARGUMENT;
    *failures = 0;
    /* A fixed key: fingerprints must agree between engines, not be secret. */
    static const unsigned char check_key[16] = "hush-rules-check";
    hush_scanner_config_t config = {
        .engine = HUSH_ENGINE_HYPERSCAN,
        .min_confidence = HUSH_CONFIDENCE_LOW,
        .mask = HUSH_MASK_LABEL,
        .fingerprint_key = check_key,
        .fingerprint_key_size = sizeof check_key,
        .on_finding = collect_finding,
        .on_output = collect_output,
        .report_every_rule = true,
    };
    check_ctx_t cx = {.on_failure = on_failure, .cb_ctx = ctx};
    hush_status_t st = hush_scanner_create(rules, &config, &cx.fast);
    config.engine = HUSH_ENGINE_REFERENCE;
    if (st == HUSH_OK)
        st = hush_scanner_create(rules, &config, &cx.reference);
    for (size_t i = 0; st == HUSH_OK && i < rules->count; i++)
        st = check_rule(&cx, &rules->rules[i].info);
    hush_scanner_destroy(cx.fast);
    hush_scanner_destroy(cx.reference);
    *failures = cx.failures;
    return st;
}
