/*
 * Reports: findings as text, jsonl, json or csv on a FILE.  One file per
 * format (report_*.c) behind the sink table of cli_report.c; report_sink.h
 * says how to add one.  CLI-only.  A report never contains a secret value:
 * hush_finding_t has none.
 */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "hush.h"

typedef enum cli_report_format {
    CLI_REPORT_TEXT = 0, /* for people, on a terminal */
    CLI_REPORT_JSONL,    /* one finding per line */
    CLI_REPORT_JSON,     /* {"findings":[...],"skipped":[...],"errors":[...]} */
    CLI_REPORT_CSV
} cli_report_format_t;

bool cli_report_format_parse(const char *name, cli_report_format_t *out);
const char *cli_report_format_name(cli_report_format_t format);

typedef struct cli_report cli_report_t;

/* `color`: ANSI colours (text format only).  `rules`: the rule set of the
 * run, handed to the format's begin for formats that list rules (NULL: none);
 * not owned, it must outlive the report.  NULL for an unknown format or when
 * out of memory. */
cli_report_t *cli_report_create(FILE *out, cli_report_format_t format, bool color,
                                const hush_rules_t *rules);
/* Writes the closing part (json object end, csv header of an empty report)
 * and flushes; returns false if any write of the report failed (errno kept). */
bool cli_report_finish(cli_report_t *report);
void cli_report_destroy(cli_report_t *report);

/* One finding of the file `path` ("-" shown as "<stdin>"). */
bool cli_report_finding(cli_report_t *report, const char *path, const hush_finding_t *finding);
/* A file passed over (binary found by walking, special file): reason. */
bool cli_report_skipped(cli_report_t *report, const char *path, const char *reason);
/* An input that could not be read completely; kept for the json format's
 * "errors" array and the summary.  `message` is the reason without the path. */
bool cli_report_error(cli_report_t *report, const char *path, const char *message);

/* Totals for the summary and exit status. */
size_t cli_report_finding_count(const cli_report_t *report);

/* Writes the one-line summary for people, e.g. "3 findings in 2 files
 * (5 scanned); 1 file skipped (binary)", followed by a newline. */
void cli_report_write_summary(const cli_report_t *report, size_t files_scanned, FILE *out);

/* Name shown for a path: "<stdin>" for "-" or NULL. */
const char *cli_report_display_path(const char *path);

#endif
