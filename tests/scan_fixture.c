/* Rules from inline JSON and a capturing scanner (see scan_fixture.h). */
#include "scan_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "require.h"

hush_status_t rules_from_config(const hush_rules_config_t *config, hush_rules_t **out,
                                hush_error_t *err)
{
    hush_error_t own;
    hush_status_t st = hush_rules_create(config, out, err ? err : &own);
    if (st != HUSH_OK && !err)
        fprintf(stderr, "rules: %s\n", own.message);
    return st;
}

hush_status_t rules_from_json(const char *name, const char *json, hush_rules_t **out,
                              hush_error_t *err)
{
    hush_rule_file_t file = {name, json, strlen(json)};
    hush_rules_config_t config = {.files = &file, .file_count = 1};
    return rules_from_config(&config, out, err);
}

hush_status_t scan_whole(const hush_rules_t *rules, const hush_scanner_config_t *config,
                         const char *text, size_t size)
{
    hush_scanner_t *s = NULL;
    hush_status_t st = hush_scanner_create(rules, config, &s);
    if (st == HUSH_OK)
        st = hush_scanner_feed(s, text, size);
    if (st == HUSH_OK)
        st = hush_scanner_finish(s);
    hush_scanner_destroy(s);
    return st;
}

int capture_finding(void *ctx, const hush_finding_t *f)
{
    capture_t *c = ctx;
    buf_fmt(&c->findings, "%s %llu+%llu %llu:%llu %s %s %s|%s|%s|%s\n", f->rule_id,
            (unsigned long long)f->offset, (unsigned long long)f->length,
            (unsigned long long)f->line, (unsigned long long)f->column,
            hush_confidence_name(f->confidence), f->fingerprint, f->preview, f->rule_name,
            f->validated ? f->validated : "-", f->encoding);
    if (c->count == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        c->seen = realloc(c->seen, c->cap * sizeof *c->seen);
        REQUIRE(c->seen != NULL);
    }
    captured_finding_t *s = &c->seen[c->count++];
    memset(s, 0, sizeof *s);
    snprintf(s->rule, sizeof s->rule, "%s", f->rule_id);
    snprintf(s->encoding, sizeof s->encoding, "%s", f->encoding);
    s->offset = f->offset;
    s->length = f->length;
    s->line = f->line;
    s->column = f->column;
    s->confidence = f->confidence;
    snprintf(s->fingerprint, sizeof s->fingerprint, "%s", f->fingerprint);
    snprintf(s->preview, sizeof s->preview, "%s", f->preview);
    s->copy = f->copy;
    return 0;
}

int capture_output(void *ctx, const void *data, size_t size)
{
    buf_put(&((capture_t *)ctx)->output, data, size);
    return 0;
}

void capture_reset(capture_t *c)
{
    c->findings.size = 0;
    c->output.size = 0;
    c->count = 0;
    buf_put(&c->findings, "", 0);
    buf_put(&c->output, "", 0);
}

void capture_free(capture_t *c)
{
    buf_free(&c->findings);
    buf_free(&c->output);
    free(c->seen);
    memset(c, 0, sizeof *c);
}

hush_status_t capture_scanner_create(const hush_rules_t *rules, hush_engine_t engine,
                                     hush_mask_t mask, const unsigned char *key,
                                     size_t key_size, capture_t *cap, hush_scanner_t **out)
{
    hush_scanner_config_t config = {
        .engine = engine,
        .min_confidence = HUSH_CONFIDENCE_LOW,
        .mask = mask,
        .fingerprint_key = key,
        .fingerprint_key_size = key_size,
        .on_finding = capture_finding,
        .finding_ctx = cap,
        .on_output = capture_output,
        .output_ctx = cap,
    };
    *out = NULL;
    return hush_scanner_create(rules, &config, out);
}
