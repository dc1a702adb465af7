/*
 * Reports: the dispatcher.  It picks the format's sink from a table, calls
 * its hooks in order, and keeps what every format shares: the first write
 * failure, the counts, the skipped inputs and errors, and the summary for
 * people.  Every format writes from hush_finding_t, which holds no secret
 * bytes, so no format can leak one.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli_array.h"
#include "report_escape.h"
#include "report_sink.h"

#define STDIN_DISPLAY_NAME "<stdin>"
/* Distinct skip reasons counted separately in the summary; more are lumped. */
#define MAX_SKIP_REASONS 8
/* First allocation of a list of skipped inputs or errors. */
#define ENTRY_LIST_INITIAL 16

/* Indexed by cli_report_format_t: adding a format is one row here. */
static const cli_report_sink_t *const sinks[] = {
    [CLI_REPORT_TEXT] = &cli_report_text_sink,
    [CLI_REPORT_JSONL] = &cli_report_jsonl_sink,
    [CLI_REPORT_JSON] = &cli_report_json_sink,
    [CLI_REPORT_CSV] = &cli_report_csv_sink,
};

#define SINK_COUNT (sizeof sinks / sizeof sinks[0])

typedef struct entry_list {
    cli_report_entry_t *items;
    size_t count;
    size_t capacity;
} entry_list_t;

typedef struct skip_reason {
    char *reason;
    size_t count;
} skip_reason_t;

struct cli_report {
    FILE *out;
    const cli_report_sink_t *sink;
    const hush_rules_t *rules;
    bool color;
    bool write_failed;
    int saved_errno;
    bool started;            /* the sink's begin has run */
    size_t findings;
    size_t files_with_findings;
    char *last_path;         /* file of the previous finding, to count files */
    entry_list_t skipped;
    entry_list_t errors;
    skip_reason_t reasons[MAX_SKIP_REASONS];
    size_t reason_count;
    size_t other_skips;      /* skips whose reason did not fit in `reasons` */
};

bool cli_report_format_parse(const char *name, cli_report_format_t *out)
{
    for (size_t i = 0; name && i < SINK_COUNT; i++) {
        if (strcmp(name, sinks[i]->name) == 0) {
            *out = (cli_report_format_t)i;
            return true;
        }
    }
    return false;
}

const char *cli_report_format_name(cli_report_format_t format)
{
    if ((unsigned)format >= SINK_COUNT)
        return "unknown";
    return sinks[format]->name;
}

const char *cli_report_display_path(const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return STDIN_DISPLAY_NAME;
    return path;
}

/* ---- writing, for the sinks ------------------------------------------------ */

/* Remembers the first failed write; later writes are still attempted so the
 * code stays simple, and the caller learns of the failure from the return. */
static void note_result(cli_report_t *report, bool ok)
{
    if (!ok && !report->write_failed) {
        report->write_failed = true;
        report->saved_errno = errno;
    }
}

void cli_report_put_text(cli_report_t *report, const char *text)
{
    note_result(report, fputs(text, report->out) != EOF);
}

void cli_report_put_char(cli_report_t *report, char c)
{
    note_result(report, putc(c, report->out) != EOF);
}

void cli_report_put_u64(cli_report_t *report, uint64_t value)
{
    note_result(report, fprintf(report->out, "%" PRIu64, value) >= 0);
}

void cli_report_put_i64(cli_report_t *report, int64_t value)
{
    note_result(report, fprintf(report->out, "%" PRId64, value) >= 0);
}

void cli_report_put_json_string(cli_report_t *report, const char *text)
{
    note_result(report, cli_write_json_string(report->out, text));
}

void cli_report_put_terminal_safe(cli_report_t *report, const char *text)
{
    note_result(report, cli_write_terminal_safe(report->out, text));
}

void cli_report_put_csv_field(cli_report_t *report, const char *text)
{
    note_result(report, cli_write_csv_field(report->out, text));
}

bool cli_report_color(const cli_report_t *report)
{
    return report->color;
}

/* ---- the fields of a finding ------------------------------------------------ */

const char *const cli_report_field_names[CLI_REPORT_FIELD_COUNT] = {
    "path", "line", "column", "offset", "length", "rule", "name", "confidence",
    "encoding", "validated", "fingerprint", "preview",
};

static cli_report_value_t number_value(uint64_t number)
{
    return (cli_report_value_t){.is_number = true, .number = number};
}

static cli_report_value_t text_value(const char *text)
{
    return (cli_report_value_t){.text = text};
}

void cli_report_finding_values(const char *path, const hush_finding_t *f,
                               cli_report_value_t values[CLI_REPORT_FIELD_COUNT])
{
    /* In the order of cli_report_field_names. */
    const cli_report_value_t row[CLI_REPORT_FIELD_COUNT] = {
        text_value(path),
        number_value(f->line),
        number_value(f->column),
        number_value(f->offset),
        number_value(f->length),
        text_value(f->rule_id ? f->rule_id : ""),
        text_value(f->rule_name ? f->rule_name : ""),
        text_value(hush_confidence_name(f->confidence)),
        text_value(f->encoding ? f->encoding : "raw"),
        text_value(f->validated),                           /* NULL: not validated */
        text_value(f->fingerprint[0] ? f->fingerprint : NULL), /* NULL: no key */
        text_value(f->preview),
    };
    memcpy(values, row, sizeof row);
}

/* ---- lifecycle ------------------------------------------------------------- */

cli_report_t *cli_report_create(FILE *out, cli_report_format_t format, bool color,
                                const hush_rules_t *rules)
{
    if ((unsigned)format >= SINK_COUNT)
        return NULL;
    cli_report_t *report = calloc(1, sizeof *report);
    if (!report)
        return NULL;
    report->out = out;
    report->sink = sinks[format];
    report->color = color && format == CLI_REPORT_TEXT;
    report->rules = rules;
    return report;
}

static void free_entries(entry_list_t *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].path);
        free(list->items[i].text);
    }
    free(list->items);
}

void cli_report_destroy(cli_report_t *report)
{
    if (!report)
        return;
    free(report->last_path);
    free_entries(&report->skipped);
    free_entries(&report->errors);
    for (size_t i = 0; i < report->reason_count; i++)
        free(report->reasons[i].reason);
    free(report);
}

/* The sink's begin, once, before its first write. */
static void start(cli_report_t *report)
{
    if (report->started)
        return;
    report->started = true;
    if (report->sink->begin)
        report->sink->begin(report, report->rules);
}

static bool result(cli_report_t *report)
{
    if (report->write_failed)
        errno = report->saved_errno;
    return !report->write_failed;
}

bool cli_report_finish(cli_report_t *report)
{
    start(report);
    if (report->sink->finish)
        report->sink->finish(report);
    note_result(report, fflush(report->out) == 0);
    return result(report);
}

/* ---- findings -------------------------------------------------------------- */

static void count_file(cli_report_t *report, const char *path)
{
    if (report->last_path && strcmp(report->last_path, path) == 0)
        return;
    report->files_with_findings++;
    free(report->last_path);
    report->last_path = strdup(path);
}

bool cli_report_finding(cli_report_t *report, const char *path, const hush_finding_t *finding)
{
    const char *shown = cli_report_display_path(path);

    start(report);
    count_file(report, shown);
    if (report->sink->finding)
        report->sink->finding(report, shown, finding);
    report->findings++;
    return result(report);
}

size_t cli_report_finding_count(const cli_report_t *report)
{
    return report ? report->findings : 0;
}

/* ---- skipped files and errors --------------------------------------------- */

static bool append_entry(entry_list_t *list, const char *path, const char *text)
{
    if (!CLI_ARRAY_RESERVE(list->items, list->count, list->capacity, ENTRY_LIST_INITIAL))
        return false;
    cli_report_entry_t *e = &list->items[list->count];
    e->path = strdup(path ? path : "-");
    e->text = strdup(text ? text : "");
    if (!e->path || !e->text) {
        free(e->path);
        free(e->text);
        return false;
    }
    list->count++;
    return true;
}

const cli_report_entry_t *cli_report_skipped_entries(const cli_report_t *report, size_t *count)
{
    *count = report->skipped.count;
    return report->skipped.items;
}

const cli_report_entry_t *cli_report_error_entries(const cli_report_t *report, size_t *count)
{
    *count = report->errors.count;
    return report->errors.items;
}

static void count_reason(cli_report_t *report, const char *reason)
{
    for (size_t i = 0; i < report->reason_count; i++) {
        if (strcmp(report->reasons[i].reason, reason) == 0) {
            report->reasons[i].count++;
            return;
        }
    }
    if (report->reason_count < MAX_SKIP_REASONS) {
        char *copy = strdup(reason);
        if (copy) {
            report->reasons[report->reason_count].reason = copy;
            report->reasons[report->reason_count++].count = 1;
            return;
        }
    }
    report->other_skips++;
}

/* Keeps the entry; then lets a format that writes it at once do so. */
static bool record(cli_report_t *report, entry_list_t *list, const char *path, const char *text,
                   void (*hook)(cli_report_t *, const char *, const char *))
{
    if (!append_entry(list, path, text)) {
        errno = ENOMEM;
        return false;
    }
    if (!hook)
        return true;
    start(report);
    hook(report, cli_report_display_path(path), text);
    return result(report);
}

bool cli_report_skipped(cli_report_t *report, const char *path, const char *reason)
{
    if (!reason)
        reason = "skipped";
    count_reason(report, reason);
    return record(report, &report->skipped, path, reason, report->sink->skipped);
}

bool cli_report_error(cli_report_t *report, const char *path, const char *message)
{
    return record(report, &report->errors, path, message ? message : "",
                  report->sink->error);
}

/* ---- summary --------------------------------------------------------------- */

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void write_skip_summary(const cli_report_t *report, FILE *out)
{
    size_t total = report->skipped.count;
    size_t kinds = report->reason_count + (report->other_skips > 0);

    fprintf(out, "; %zu %s skipped", total, plural(total, "file", "files"));
    if (kinds == 1 && report->reason_count == 1) {
        fprintf(out, " (%s)", report->reasons[0].reason);
        return;
    }
    fputs(" (", out);
    for (size_t i = 0; i < report->reason_count; i++)
        fprintf(out, "%s%zu %s", i ? ", " : "", report->reasons[i].count, report->reasons[i].reason);
    if (report->other_skips)
        fprintf(out, "%s%zu other", report->reason_count ? ", " : "", report->other_skips);
    fputc(')', out);
}

void cli_report_write_summary(const cli_report_t *report, size_t files_scanned, FILE *out)
{
    if (report->findings == 0)
        fprintf(out, "no findings in %zu %s", files_scanned, plural(files_scanned, "file", "files"));
    else
        fprintf(out, "%zu %s in %zu %s (%zu scanned)", report->findings,
                plural(report->findings, "finding", "findings"), report->files_with_findings,
                plural(report->files_with_findings, "file", "files"), files_scanned);
    if (report->skipped.count > 0)
        write_skip_summary(report, out);
    if (report->errors.count > 0)
        fprintf(out, "; %zu %s", report->errors.count, plural(report->errors.count, "error", "errors"));
    fputc('\n', out);
}
