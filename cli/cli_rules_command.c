/*
 * `hush rules list`, `hush rules show ID` and `hush rules check`: what the
 * loaded rule set holds, one rule in full, and every rule's examples run
 * through both engines.  CLI-only.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli_rules.h"
#include "report_escape.h"

/* ---- printers -------------------------------------------------------------- */

/* ,"key":["item",...] */
static void put_json_list(FILE *out, const char *key, const char *const *items, size_t count)
{
    fprintf(out, ",\"%s\":[", key);
    for (size_t i = 0; i < count; i++) {
        if (i)
            fputc(',', out);
        cli_write_json_string(out, items[i]);
    }
    fputc(']', out);
}

/* ,"key":"value" or ,"key":null */
static void put_json_optional(FILE *out, const char *key, const char *value)
{
    fprintf(out, ",\"%s\":", key);
    if (value)
        cli_write_json_string(out, value);
    else
        fputs("null", out);
}

/* One rule as a JSON object line: id, name, confidence, file; with `full`
 * every field including the (fake by convention) examples. */
static void write_rule_json(FILE *out, const hush_rule_info_t *r, bool full)
{
    fputs("{\"id\":", out);
    cli_write_json_string(out, r->id);
    fputs(",\"name\":", out);
    cli_write_json_string(out, r->name);
    fprintf(out, ",\"confidence\":\"%s\",\"file\":", hush_confidence_name(r->confidence));
    cli_write_json_string(out, r->file);
    if (full) {
        fputs(",\"pattern\":", out);
        cli_write_json_string(out, r->pattern);
        put_json_optional(out, "secret_group", r->secret_group);
        put_json_optional(out, "validator", r->validator);
        if (r->validator)
            fprintf(out, ",\"failed_confidence\":\"%s\"",
                    hush_confidence_name(r->failed_confidence));
        put_json_optional(out, "score", r->score);
        fprintf(out, ",\"entropy_min\":%g,\"multiline\":%s,\"prefilter\":%s,\"max_width\":%u",
                r->entropy_min, r->multiline ? "true" : "false", r->prefilter ? "true" : "false",
                r->max_width);
        put_json_list(out, "keywords", r->keywords, r->keyword_count);
        put_json_list(out, "examples", r->examples, r->example_count);
        put_json_list(out, "negative_examples", r->negative_examples, r->negative_example_count);
        put_json_list(out, "references", r->references, r->reference_count);
    }
    fputs("}\n", out);
}

static void put_text_list(FILE *out, const char *title, const char *const *items, size_t count)
{
    fprintf(out, "%s:%s\n", title, count ? "" : " none");
    for (size_t i = 0; i < count; i++) {
        fprintf(out, "  %zu. ", i + 1);
        cli_write_terminal_safe(out, items[i]);
        fputc('\n', out);
    }
}

/* One rule for people, every field on its own line. */
static void write_rule_text(FILE *out, const hush_rule_info_t *r)
{
    fprintf(out, "id:                %s\n", r->id);
    fprintf(out, "name:              %s\n", r->name);
    fprintf(out, "file:              %s\n", r->file);
    fprintf(out, "confidence:        %s%s\n", hush_confidence_name(r->confidence),
            r->score ? " (at most: each value is scored)" : "");
    fputs("pattern:           ", out);
    cli_write_terminal_safe(out, r->pattern);
    fprintf(out, "\nsecret group:      %s\n", r->secret_group ? r->secret_group : "(whole match)");
    fprintf(out, "validator:         %s", r->validator ? r->validator : "none");
    if (r->validator)
        fprintf(out, " (a value that fails it: at most %s)",
                hush_confidence_name(r->failed_confidence));
    fputc('\n', out);
    fprintf(out, "score:             %s\n",
            r->score ? r->score : "none (confidence as declared)");
    fprintf(out, "entropy minimum:   %g bits per character%s\n", r->entropy_min,
            r->entropy_min > 0 ? "" : " (none)");
    fprintf(out, "multiline:         %s\n", r->multiline ? "yes" : "no");
    fprintf(out, "hyperscan mode:    %s\n", r->prefilter ? "prefilter (PCRE2 confirms)" : "exact");
    fprintf(out, "longest match:     %u bytes\n", r->max_width);
    put_text_list(out, "keywords", r->keywords, r->keyword_count);
    put_text_list(out, "examples (fake)", r->examples, r->example_count);
    put_text_list(out, "negative examples", r->negative_examples, r->negative_example_count);
    put_text_list(out, "references", r->references, r->reference_count);
}

/* ---- the subcommands ------------------------------------------------------- */

/* Text unless --format jsonl was asked for. */
static bool json_output(const cli_options_t *opt)
{
    return opt->format_given && opt->format == CLI_REPORT_JSONL;
}

static int rules_list(const cli_options_t *opt, const hush_rules_t *rules)
{
    size_t count = hush_rules_count(rules);
    for (size_t i = 0; i < count; i++) {
        hush_rule_info_t r;
        if (hush_rules_info(rules, i, &r) != HUSH_OK)
            continue;
        if (json_output(opt))
            write_rule_json(stdout, &r, false);
        else
            printf("%-44s %-6s  %s\n", r.id, hush_confidence_name(r.confidence), r.name);
    }
    return CLI_EXIT_OK;
}

static int rules_show(const cli_options_t *opt, const hush_rules_t *rules)
{
    hush_rule_info_t r;
    long index = hush_rules_find(rules, opt->rule_id);
    if (index < 0 || hush_rules_info(rules, (size_t)index, &r) != HUSH_OK) {
        fprintf(stderr, "hush: rules show: no rule '%s' (see 'hush rules list')\n", opt->rule_id);
        return CLI_EXIT_ERROR;
    }
    if (json_output(opt))
        write_rule_json(stdout, &r, true);
    else
        write_rule_text(stdout, &r);
    return CLI_EXIT_OK;
}

static void on_check_failure(void *ctx, const hush_rule_info_t *rule, bool negative, size_t index,
                             const char *reason)
{
    (void)ctx;
    fprintf(stderr, "hush: rules check: %s: %s: %sexample %zu: %s\n", rule->file, rule->id,
            negative ? "negative " : "", index + 1, reason);
}

static int rules_check(const hush_rules_t *rules)
{
    size_t failures = 0, examples = 0, negatives = 0;
    size_t count = hush_rules_count(rules);
    for (size_t i = 0; i < count; i++) {
        hush_rule_info_t r;
        if (hush_rules_info(rules, i, &r) == HUSH_OK) {
            examples += r.example_count;
            negatives += r.negative_example_count;
        }
    }
    hush_status_t status = hush_rules_check(rules, on_check_failure, NULL, &failures);
    if (status != HUSH_OK) {
        fprintf(stderr, "hush: rules check: %s\n", hush_strerror(status));
        return CLI_EXIT_ERROR;
    }
    printf("%zu rules, %zu examples, %zu negative examples: ", count, examples, negatives);
    if (failures == 0)
        printf("all pass\n");
    else
        printf("%zu %s\n", failures, failures == 1 ? "failure" : "failures");
    return failures ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

int cli_rules_command(const cli_options_t *opt, const hush_rules_t *rules)
{
    int status = CLI_EXIT_OK;
    switch (opt->rules_action) {
    case CLI_RULES_LIST: status = rules_list(opt, rules); break;
    case CLI_RULES_SHOW: status = rules_show(opt, rules); break;
    case CLI_RULES_CHECK: status = rules_check(rules); break;
    }
    if (fflush(stdout) != 0 && errno != EPIPE) {
        fprintf(stderr, "hush: <stdout>: %s\n", strerror(errno));
        return CLI_EXIT_ERROR;
    }
    return status;
}
