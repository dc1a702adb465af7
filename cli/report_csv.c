/*
 * The CSV report (RFC 4180): a header line, then one finding per line, the
 * columns those of cli_report_field_names.  An empty report is the header
 * alone, so a spreadsheet still sees the columns.
 */
#include "report_sink.h"

static void csv_begin(cli_report_t *report, const hush_rules_t *rules)
{
    (void)rules;
    for (size_t i = 0; i < CLI_REPORT_FIELD_COUNT; i++) {
        if (i)
            cli_report_put_char(report, ',');
        cli_report_put_text(report, cli_report_field_names[i]);
    }
    cli_report_put_char(report, '\n');
}

/* An absent value is an empty field. */
static void csv_finding(cli_report_t *report, const char *path, const hush_finding_t *f)
{
    cli_report_value_t values[CLI_REPORT_FIELD_COUNT];
    cli_report_finding_values(path, f, values);
    for (size_t i = 0; i < CLI_REPORT_FIELD_COUNT; i++) {
        if (i)
            cli_report_put_char(report, ',');
        if (values[i].is_number)
            cli_report_put_u64(report, values[i].number);
        else
            cli_report_put_csv_field(report, values[i].text);
    }
    cli_report_put_char(report, '\n');
}

/* Skipped inputs and errors are not rows: they reach people on stderr. */
const cli_report_sink_t cli_report_csv_sink = {
    .name = "csv",
    .begin = csv_begin,
    .finding = csv_finding,
};
