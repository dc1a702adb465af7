/*
 * The JSON reports.  jsonl: one finding object per line, nothing else, so a
 * stream can be read line by line.  json: one document,
 * {"findings":[...],"skipped":[...],"errors":[...]}, each finding on its own
 * line.  Both write a finding as the same object: the keys of
 * cli_report_field_names (an absent value as null), then "meta" for a token
 * whose claims were read, then "copy":true for a copy of a value found
 * before (propagation).
 */
#include "report_sink.h"

/* ,"key":"value" for a claim that is present. */
static void put_meta_string(cli_report_t *report, bool *first, const char *key, const char *value)
{
    if (!value[0])
        return;
    cli_report_put_text(report, *first ? "\"" : ",\"");
    cli_report_put_text(report, key);
    cli_report_put_text(report, "\":");
    cli_report_put_json_string(report, value);
    *first = false;
}

/* "meta":{...}: only the claims the token has, "expired" only with "exp". */
static void put_meta(cli_report_t *report, const hush_finding_meta_t *m)
{
    bool first = true;
    cli_report_put_text(report, ",\"meta\":{");
    put_meta_string(report, &first, "alg", m->alg);
    put_meta_string(report, &first, "iss", m->iss);
    put_meta_string(report, &first, "tid", m->tid);
    put_meta_string(report, &first, "aud", m->aud);
    put_meta_string(report, &first, "appid", m->appid);
    put_meta_string(report, &first, "azp", m->azp);
    if (m->has_exp) {
        cli_report_put_text(report, first ? "\"exp\":" : ",\"exp\":");
        cli_report_put_i64(report, m->exp);
        cli_report_put_text(report, m->expired ? ",\"expired\":true" : ",\"expired\":false");
    }
    cli_report_put_char(report, '}');
}

static void put_finding(cli_report_t *report, const char *path, const hush_finding_t *f)
{
    cli_report_value_t values[CLI_REPORT_FIELD_COUNT];
    cli_report_finding_values(path, f, values);
    for (size_t i = 0; i < CLI_REPORT_FIELD_COUNT; i++) {
        cli_report_put_text(report, i == 0 ? "{\"" : ",\"");
        cli_report_put_text(report, cli_report_field_names[i]);
        cli_report_put_text(report, "\":");
        if (values[i].is_number)
            cli_report_put_u64(report, values[i].number);
        else if (values[i].text)
            cli_report_put_json_string(report, values[i].text);
        else
            cli_report_put_text(report, "null");
    }
    if (f->meta)
        put_meta(report, f->meta);
    /* Only when true: a finding by a rule reads as it always did. */
    if (f->copy)
        cli_report_put_text(report, ",\"copy\":true");
    cli_report_put_char(report, '}');
}

/* ---- jsonl ------------------------------------------------------------------ */

static void jsonl_finding(cli_report_t *report, const char *path, const hush_finding_t *f)
{
    put_finding(report, path, f);
    cli_report_put_char(report, '\n');
}

/* Skipped inputs and errors are not findings: they reach people on stderr. */
const cli_report_sink_t cli_report_jsonl_sink = {
    .name = "jsonl",
    .finding = jsonl_finding,
};

/* ---- json ------------------------------------------------------------------- */

static void json_begin(cli_report_t *report, const hush_rules_t *rules)
{
    (void)rules;
    cli_report_put_text(report, "{\"findings\":[");
}

static void json_finding(cli_report_t *report, const char *path, const hush_finding_t *f)
{
    cli_report_put_text(report, cli_report_finding_count(report) == 0 ? "\n" : ",\n");
    put_finding(report, path, f);
}

/* [{"path":...,"<text_key>":...},...] of the skipped inputs or errors. */
static void put_entries(cli_report_t *report, const cli_report_entry_t *entries, size_t count,
                        const char *text_key)
{
    for (size_t i = 0; i < count; i++) {
        cli_report_put_text(report, i == 0 ? "{\"path\":" : ",{\"path\":");
        cli_report_put_json_string(report, cli_report_display_path(entries[i].path));
        cli_report_put_text(report, ",\"");
        cli_report_put_text(report, text_key);
        cli_report_put_text(report, "\":");
        cli_report_put_json_string(report, entries[i].text);
        cli_report_put_char(report, '}');
    }
}

/* The document lists skipped inputs and errors at its end, from the
 * dispatcher's lists, so they need no hook of their own. */
static void json_finish(cli_report_t *report)
{
    size_t count;
    const cli_report_entry_t *entries;
    bool any_findings = cli_report_finding_count(report) > 0;

    cli_report_put_text(report, any_findings ? "\n],\"skipped\":[" : "],\"skipped\":[");
    entries = cli_report_skipped_entries(report, &count);
    put_entries(report, entries, count, "reason");
    cli_report_put_text(report, "],\"errors\":[");
    entries = cli_report_error_entries(report, &count);
    put_entries(report, entries, count, "message");
    cli_report_put_text(report, "]}\n");
}

const cli_report_sink_t cli_report_json_sink = {
    .name = "json",
    .begin = json_begin,
    .finding = json_finding,
    .finish = json_finish,
};
