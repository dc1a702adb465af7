/*
 * The inside of the report module: what one report format provides (a sink,
 * one file each: report_text.c, report_json.c, report_csv.c) and what the
 * dispatcher (cli_report.c) offers the formats.  A new format is one file
 * defining a cli_report_sink_t, one value in cli_report_format_t and one row
 * in the dispatcher's table.  CLI-only; include from report_*.c only.
 */
#ifndef CLI_REPORT_SINK_H
#define CLI_REPORT_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli_report.h"
#include "hush.h"

/* A report format.  The dispatcher calls begin once, before the first hook
 * that writes (lazily, so a run that ends before any output writes none),
 * then finding / skipped / error as they come, and finish once at the end.
 * A NULL hook writes nothing at that point.  Hooks write with the
 * cli_report_put_* functions, which remember the first failure for the
 * caller; the dispatcher keeps the counts and the lists of skipped inputs and
 * errors, for the summary and for formats that list them at the end. */
typedef struct cli_report_sink {
    const char *name; /* the --format value */
    /* `rules`: the rule set given to cli_report_create (may be NULL), for
     * formats that list the rules (SARIF). */
    void (*begin)(cli_report_t *report, const hush_rules_t *rules);
    /* cli_report_finding_count() counts the findings before this one. */
    void (*finding)(cli_report_t *report, const char *path, const hush_finding_t *finding);
    void (*skipped)(cli_report_t *report, const char *path, const char *reason);
    void (*error)(cli_report_t *report, const char *path, const char *message);
    void (*finish)(cli_report_t *report);
} cli_report_sink_t;

/* The formats, one file each. */
extern const cli_report_sink_t cli_report_text_sink;  /* report_text.c */
extern const cli_report_sink_t cli_report_jsonl_sink; /* report_json.c */
extern const cli_report_sink_t cli_report_json_sink;  /* report_json.c */
extern const cli_report_sink_t cli_report_csv_sink;   /* report_csv.c */

/* ---- writing: the first failed write is kept for the caller ---------------- */

void cli_report_put_text(cli_report_t *report, const char *text);
void cli_report_put_char(cli_report_t *report, char c);
void cli_report_put_u64(cli_report_t *report, uint64_t value);
void cli_report_put_i64(cli_report_t *report, int64_t value);
/* Escaped as report_escape.h says. */
void cli_report_put_json_string(cli_report_t *report, const char *text);
void cli_report_put_terminal_safe(cli_report_t *report, const char *text);
void cli_report_put_csv_field(cli_report_t *report, const char *text);

/* True when the report may use ANSI colours (text on a terminal). */
bool cli_report_color(const cli_report_t *report);

/* ---- the fields of a finding, shared by the tabular formats ------------------ */

/* path, line, column, offset, length, rule, name, confidence, encoding,
 * validated, fingerprint, preview: the JSON keys and the CSV columns. */
#define CLI_REPORT_FIELD_COUNT 12
extern const char *const cli_report_field_names[CLI_REPORT_FIELD_COUNT];

/* One field's value: a number, a text, or absent (text NULL and not a
 * number: JSON null, an empty CSV field). */
typedef struct cli_report_value {
    bool is_number;
    uint64_t number;
    const char *text;
} cli_report_value_t;

/* The values of `finding` in the order of cli_report_field_names; `path` is
 * the name shown for its file.  Texts point into `finding` or are literals. */
void cli_report_finding_values(const char *path, const hush_finding_t *finding,
                               cli_report_value_t values[CLI_REPORT_FIELD_COUNT]);

/* ---- what was passed over, for formats that list it at the end ---------------- */

/* A skipped input (text: the reason) or an input error (text: the message);
 * path as given ("-" for stdin). */
typedef struct cli_report_entry {
    char *path;
    char *text;
} cli_report_entry_t;

/* The skipped inputs / the input errors so far, in order; *count of them. */
const cli_report_entry_t *cli_report_skipped_entries(const cli_report_t *report, size_t *count);
const cli_report_entry_t *cli_report_error_entries(const cli_report_t *report, size_t *count);

#endif
