/*
 * Report sinks.  Every format writes from hush_finding_t, which holds no secret
 * bytes, so no format can leak one.  Text escapes control bytes because a
 * preview comes from untrusted input and must not drive the user's terminal;
 * JSON replaces invalid UTF-8 so every line stays parseable.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_report.h"

#define STDIN_DISPLAY_NAME "<stdin>"
#define COLOR_PATH "\033[35m"
#define COLOR_RESET "\033[0m"
/* Distinct skip reasons counted separately in the summary; more are lumped. */
#define MAX_SKIP_REASONS 8
/* "9999-12-31T23:59:59Z" and its NUL, with room to spare. */
#define META_DATE_MAX 32

typedef struct report_entry {
    char *path;
    char *text;
} report_entry_t;

typedef struct entry_list {
    report_entry_t *items;
    size_t count;
    size_t capacity;
} entry_list_t;

typedef struct skip_reason {
    char *reason;
    size_t count;
} skip_reason_t;

struct cli_report {
    FILE *out;
    cli_report_format_t format;
    bool color;
    bool write_failed;
    int saved_errno;
    bool started;            /* json opening / csv header written */
    size_t findings;
    size_t files_with_findings;
    char *last_path;         /* file of the previous finding, to count files */
    entry_list_t skipped;
    entry_list_t errors;
    skip_reason_t reasons[MAX_SKIP_REASONS];
    size_t reason_count;
    size_t other_skips;      /* skips whose reason did not fit in `reasons` */
};

static const char *const format_names[] = {
    [CLI_REPORT_TEXT] = "text",
    [CLI_REPORT_JSONL] = "jsonl",
    [CLI_REPORT_JSON] = "json",
    [CLI_REPORT_CSV] = "csv",
};

bool cli_report_format_parse(const char *name, cli_report_format_t *out)
{
    for (size_t i = 0; name && i < sizeof format_names / sizeof format_names[0]; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *out = (cli_report_format_t)i;
            return true;
        }
    }
    return false;
}

const char *cli_report_format_name(cli_report_format_t format)
{
    if ((unsigned)format >= sizeof format_names / sizeof format_names[0])
        return "unknown";
    return format_names[format];
}

const char *cli_report_display_path(const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return STDIN_DISPLAY_NAME;
    return path;
}

/* ---- low-level writing ----------------------------------------------------- */

/* Remembers the first failed write; later writes are still attempted so the
 * code stays simple, and the caller learns of the failure from the return. */
static void note_result(cli_report_t *report, bool ok)
{
    if (!ok && !report->write_failed) {
        report->write_failed = true;
        report->saved_errno = errno;
    }
}

static void put_text(cli_report_t *report, const char *text)
{
    note_result(report, fputs(text, report->out) != EOF);
}

static void put_char(cli_report_t *report, char c)
{
    note_result(report, putc(c, report->out) != EOF);
}

static void put_u64(cli_report_t *report, uint64_t value)
{
    note_result(report, fprintf(report->out, "%" PRIu64, value) >= 0);
}

/* Length of the valid UTF-8 sequence at s (at most `left` bytes), 0 if invalid. */
static size_t utf8_sequence_length(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        return 0;
    }
    if (left < need || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < need; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    }
    return need;
}

static void json_string(FILE *out, const char *text, bool *ok)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t left = strlen(text);
    bool good = putc('"', out) != EOF;

    while (left > 0) {
        size_t n = utf8_sequence_length(s, left);
        unsigned char c = s[0];
        if (n == 0) {
            good = fputs("\\ufffd", out) != EOF && good;
            n = 1;
        } else if (c == '"' || c == '\\') {
            good = putc('\\', out) != EOF && putc(c, out) != EOF && good;
        } else if (c == '\n') {
            good = fputs("\\n", out) != EOF && good;
        } else if (c == '\r') {
            good = fputs("\\r", out) != EOF && good;
        } else if (c == '\t') {
            good = fputs("\\t", out) != EOF && good;
        } else if (c < 0x20) {
            good = fprintf(out, "\\u%04x", c) >= 0 && good;
        } else {
            good = fwrite(s, 1, n, out) == n && good;
        }
        s += n;
        left -= n;
    }
    good = putc('"', out) != EOF && good;
    if (ok)
        *ok = good;
}

void cli_report_write_json_string(FILE *out, const char *text)
{
    json_string(out, text ? text : "", NULL);
}

static void put_json_string(cli_report_t *report, const char *text)
{
    bool ok;
    json_string(report->out, text, &ok);
    note_result(report, ok);
}

/* Text for a terminal: printable bytes and valid multi-byte UTF-8 as they are,
 * everything else (control bytes, C1 controls, broken UTF-8) as \xNN. */
static bool terminal_safe(FILE *out, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t left = strlen(text);
    bool good = true;

    while (left > 0) {
        size_t n = utf8_sequence_length(s, left);
        bool c1_control = n == 2 && s[0] == 0xC2 && s[1] < 0xA0;
        if (n == 1 && s[0] == '\t') {
            good = fputs("\\t", out) != EOF && good;
        } else if (n == 0 || c1_control || (n == 1 && (s[0] < 0x20 || s[0] == 0x7F))) {
            n = 1;
            good = fprintf(out, "\\x%02x", s[0]) >= 0 && good;
        } else {
            good = fwrite(s, 1, n, out) == n && good;
        }
        s += n;
        left -= n;
    }
    return good;
}

void cli_report_write_terminal_safe(FILE *out, const char *text)
{
    terminal_safe(out, text ? text : "");
}

static void put_terminal_safe(cli_report_t *report, const char *text)
{
    note_result(report, terminal_safe(report->out, text));
}

/* RFC 4180: quoted when it holds a separator, quote or line break. */
static void put_csv_field(cli_report_t *report, const char *text)
{
    if (strpbrk(text, ",\"\r\n") == NULL) {
        put_text(report, text);
        return;
    }
    put_char(report, '"');
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            put_char(report, '"');
        put_char(report, *p);
    }
    put_char(report, '"');
}

/* ---- lifecycle ------------------------------------------------------------- */

cli_report_t *cli_report_create(FILE *out, cli_report_format_t format, bool color)
{
    cli_report_t *report = calloc(1, sizeof *report);
    if (!report)
        return NULL;
    report->out = out;
    report->format = format;
    report->color = color && format == CLI_REPORT_TEXT;
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

static const char *const csv_header =
    "path,line,column,offset,length,rule,name,confidence,encoding,validated,fingerprint,preview\n";

static void start(cli_report_t *report)
{
    if (report->started)
        return;
    report->started = true;
    if (report->format == CLI_REPORT_JSON)
        put_text(report, "{\"findings\":[");
    else if (report->format == CLI_REPORT_CSV)
        put_text(report, csv_header);
}

static bool result(cli_report_t *report)
{
    if (report->write_failed)
        errno = report->saved_errno;
    return !report->write_failed;
}

static void put_entries_json(cli_report_t *report, const entry_list_t *list, const char *text_key)
{
    for (size_t i = 0; i < list->count; i++) {
        put_text(report, i == 0 ? "{\"path\":" : ",{\"path\":");
        put_json_string(report, cli_report_display_path(list->items[i].path));
        put_text(report, ",\"");
        put_text(report, text_key);
        put_text(report, "\":");
        put_json_string(report, list->items[i].text);
        put_char(report, '}');
    }
}

bool cli_report_finish(cli_report_t *report)
{
    start(report);
    if (report->format == CLI_REPORT_JSON) {
        put_text(report, report->findings > 0 ? "\n],\"skipped\":[" : "],\"skipped\":[");
        put_entries_json(report, &report->skipped, "reason");
        put_text(report, "],\"errors\":[");
        put_entries_json(report, &report->errors, "message");
        put_text(report, "]}\n");
    }
    note_result(report, fflush(report->out) == 0);
    return result(report);
}

/* ---- findings -------------------------------------------------------------- */

/* ,"key":"value" for a claim that is present. */
static void put_meta_string(cli_report_t *report, bool *first, const char *key, const char *value)
{
    if (!value[0])
        return;
    put_text(report, *first ? "\"" : ",\"");
    put_text(report, key);
    put_text(report, "\":");
    put_json_string(report, value);
    *first = false;
}

/* "meta":{...}: only the claims the token has, "expired" only with "exp". */
static void put_meta_json(cli_report_t *report, const hush_finding_meta_t *m)
{
    bool first = true;
    put_text(report, ",\"meta\":{");
    put_meta_string(report, &first, "alg", m->alg);
    put_meta_string(report, &first, "iss", m->iss);
    put_meta_string(report, &first, "tid", m->tid);
    put_meta_string(report, &first, "aud", m->aud);
    put_meta_string(report, &first, "appid", m->appid);
    put_meta_string(report, &first, "azp", m->azp);
    if (m->has_exp) {
        put_text(report, first ? "\"exp\":" : ",\"exp\":");
        note_result(report, fprintf(report->out, "%" PRId64, m->exp) >= 0);
        put_text(report, m->expired ? ",\"expired\":true" : ",\"expired\":false");
    }
    put_char(report, '}');
}

/* " (exp 2026-01-01T00:00:00Z expired, iss https://...)" after a text
 * finding: enough for a person to see whose token it is and whether it
 * still works; the JSON formats carry the rest. */
static void put_meta_text(cli_report_t *report, const hush_finding_meta_t *m)
{
    if (!m->has_exp && !m->iss[0])
        return;
    put_text(report, " (");
    if (m->has_exp) {
        char when[META_DATE_MAX];
        time_t t = (time_t)m->exp;
        struct tm tm;
        if (!gmtime_r(&t, &tm) || strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
            snprintf(when, sizeof when, "%" PRId64, m->exp);
        put_text(report, "exp ");
        put_text(report, when);
        put_text(report, m->expired ? " expired" : " not expired");
    }
    if (m->iss[0]) {
        put_text(report, m->has_exp ? ", iss " : "iss ");
        put_terminal_safe(report, m->iss);
    }
    put_char(report, ')');
}

static void put_finding_json(cli_report_t *report, const char *path, const hush_finding_t *f)
{
    put_text(report, "{\"path\":");
    put_json_string(report, path);
    put_text(report, ",\"line\":");
    put_u64(report, f->line);
    put_text(report, ",\"column\":");
    put_u64(report, f->column);
    put_text(report, ",\"offset\":");
    put_u64(report, f->offset);
    put_text(report, ",\"length\":");
    put_u64(report, f->length);
    put_text(report, ",\"rule\":");
    put_json_string(report, f->rule_id ? f->rule_id : "");
    put_text(report, ",\"name\":");
    put_json_string(report, f->rule_name ? f->rule_name : "");
    put_text(report, ",\"confidence\":");
    put_json_string(report, hush_confidence_name(f->confidence));
    put_text(report, ",\"encoding\":");
    put_json_string(report, f->encoding ? f->encoding : "raw");
    put_text(report, ",\"validated\":");
    if (f->validated)
        put_json_string(report, f->validated);
    else
        put_text(report, "null");
    put_text(report, ",\"fingerprint\":");
    if (f->fingerprint[0])
        put_json_string(report, f->fingerprint);
    else
        put_text(report, "null");
    put_text(report, ",\"preview\":");
    put_json_string(report, f->preview);
    if (f->meta)
        put_meta_json(report, f->meta);
    put_char(report, '}');
}

static void put_finding_text(cli_report_t *report, const char *path, const hush_finding_t *f)
{
    if (report->color)
        put_text(report, COLOR_PATH);
    put_terminal_safe(report, path);
    if (report->color)
        put_text(report, COLOR_RESET);
    put_char(report, ':');
    put_u64(report, f->line);
    put_char(report, ':');
    put_u64(report, f->column);
    put_text(report, ": ");
    put_terminal_safe(report, f->rule_id ? f->rule_id : "");
    put_text(report, " [");
    put_text(report, hush_confidence_name(f->confidence));
    put_text(report, "] ");
    put_terminal_safe(report, f->preview);
    if (f->meta)
        put_meta_text(report, f->meta);
    put_char(report, '\n');
}

static void put_finding_csv(cli_report_t *report, const char *path, const hush_finding_t *f)
{
    put_csv_field(report, path);
    put_char(report, ',');
    put_u64(report, f->line);
    put_char(report, ',');
    put_u64(report, f->column);
    put_char(report, ',');
    put_u64(report, f->offset);
    put_char(report, ',');
    put_u64(report, f->length);
    put_char(report, ',');
    put_csv_field(report, f->rule_id ? f->rule_id : "");
    put_char(report, ',');
    put_csv_field(report, f->rule_name ? f->rule_name : "");
    put_char(report, ',');
    put_text(report, hush_confidence_name(f->confidence));
    put_char(report, ',');
    put_csv_field(report, f->encoding ? f->encoding : "raw");
    put_char(report, ',');
    put_csv_field(report, f->validated ? f->validated : "");
    put_char(report, ',');
    put_csv_field(report, f->fingerprint);
    put_char(report, ',');
    put_csv_field(report, f->preview);
    put_char(report, '\n');
}

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
    switch (report->format) {
    case CLI_REPORT_TEXT:
        put_finding_text(report, shown, finding);
        break;
    case CLI_REPORT_JSONL:
        put_finding_json(report, shown, finding);
        put_char(report, '\n');
        break;
    case CLI_REPORT_JSON:
        put_text(report, report->findings == 0 ? "\n" : ",\n");
        put_finding_json(report, shown, finding);
        break;
    case CLI_REPORT_CSV:
        put_finding_csv(report, shown, finding);
        break;
    }
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
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 16;
        report_entry_t *items = realloc(list->items, capacity * sizeof *items);
        if (!items)
            return false;
        list->items = items;
        list->capacity = capacity;
    }
    report_entry_t *e = &list->items[list->count];
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

bool cli_report_skipped(cli_report_t *report, const char *path, const char *reason)
{
    if (!reason)
        reason = "skipped";
    count_reason(report, reason);
    if (!append_entry(&report->skipped, path, reason)) {
        errno = ENOMEM;
        return false;
    }
    return true;
}

bool cli_report_error(cli_report_t *report, const char *path, const char *message)
{
    if (!append_entry(&report->errors, path, message)) {
        errno = ENOMEM;
        return false;
    }
    return true;
}

/* ---- rules (hush rules list/show) ---------------------------------------- */

static void rule_json_list(FILE *out, const char *key, const char *const *items, size_t count)
{
    fprintf(out, ",\"%s\":[", key);
    for (size_t i = 0; i < count; i++) {
        if (i)
            fputc(',', out);
        cli_report_write_json_string(out, items[i]);
    }
    fputc(']', out);
}

void cli_report_write_rule_json(FILE *out, const hush_rule_info_t *r, bool full)
{
    fputs("{\"id\":", out);
    cli_report_write_json_string(out, r->id);
    fputs(",\"name\":", out);
    cli_report_write_json_string(out, r->name);
    fprintf(out, ",\"confidence\":\"%s\",\"file\":", hush_confidence_name(r->confidence));
    cli_report_write_json_string(out, r->file);
    if (full) {
        fputs(",\"pattern\":", out);
        cli_report_write_json_string(out, r->pattern);
        fputs(",\"secret_group\":", out);
        if (r->secret_group)
            cli_report_write_json_string(out, r->secret_group);
        else
            fputs("null", out);
        fputs(",\"validator\":", out);
        if (r->validator)
            cli_report_write_json_string(out, r->validator);
        else
            fputs("null", out);
        fputs(",\"score\":", out);
        if (r->score)
            cli_report_write_json_string(out, r->score);
        else
            fputs("null", out);
        fprintf(out, ",\"entropy_min\":%g,\"multiline\":%s,\"prefilter\":%s,\"max_width\":%u",
                r->entropy_min, r->multiline ? "true" : "false", r->prefilter ? "true" : "false",
                r->max_width);
        rule_json_list(out, "keywords", r->keywords, r->keyword_count);
        rule_json_list(out, "examples", r->examples, r->example_count);
        rule_json_list(out, "negative_examples", r->negative_examples, r->negative_example_count);
        rule_json_list(out, "references", r->references, r->reference_count);
    }
    fputs("}\n", out);
}

static void rule_text_list(FILE *out, const char *title, const char *const *items, size_t count)
{
    fprintf(out, "%s:%s\n", title, count ? "" : " none");
    for (size_t i = 0; i < count; i++) {
        fprintf(out, "  %zu. ", i + 1);
        cli_report_write_terminal_safe(out, items[i]);
        fputc('\n', out);
    }
}

void cli_report_write_rule_text(FILE *out, const hush_rule_info_t *r)
{
    fprintf(out, "id:                %s\n", r->id);
    fprintf(out, "name:              %s\n", r->name);
    fprintf(out, "file:              %s\n", r->file);
    fprintf(out, "confidence:        %s%s\n", hush_confidence_name(r->confidence),
            r->score ? " (at most: each value is scored)" : "");
    fputs("pattern:           ", out);
    cli_report_write_terminal_safe(out, r->pattern);
    fprintf(out, "\nsecret group:      %s\n", r->secret_group ? r->secret_group : "(whole match)");
    fprintf(out, "validator:         %s\n", r->validator ? r->validator : "none");
    fprintf(out, "score:             %s\n",
            r->score ? r->score : "none (confidence as declared)");
    fprintf(out, "entropy minimum:   %g bits per character%s\n", r->entropy_min,
            r->entropy_min > 0 ? "" : " (none)");
    fprintf(out, "multiline:         %s\n", r->multiline ? "yes" : "no");
    fprintf(out, "hyperscan mode:    %s\n", r->prefilter ? "prefilter (PCRE2 confirms)" : "exact");
    fprintf(out, "longest match:     %u bytes\n", r->max_width);
    rule_text_list(out, "keywords", r->keywords, r->keyword_count);
    rule_text_list(out, "examples (fake)", r->examples, r->example_count);
    rule_text_list(out, "negative examples", r->negative_examples, r->negative_example_count);
    rule_text_list(out, "references", r->references, r->reference_count);
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
