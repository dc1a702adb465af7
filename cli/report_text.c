/*
 * The text report, for people on a terminal: "path:line:column: rule
 * [confidence] preview", the path in colour when asked.  Everything from the
 * input goes through the terminal-safe escape, so a preview cannot drive the
 * user's terminal.
 */
#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#include "report_sink.h"

#define COLOR_PATH "\033[35m"
#define COLOR_RESET "\033[0m"
/* "9999-12-31T23:59:59Z" and its NUL, with room to spare. */
#define META_DATE_MAX 32

/* " (exp 2026-01-01T00:00:00Z expired, iss https://...)" after a text
 * finding: enough for a person to see whose token it is and whether it
 * still works; the JSON formats carry the rest. */
static void put_meta(cli_report_t *report, const hush_finding_meta_t *m)
{
    if (!m->has_exp && !m->iss[0])
        return;
    cli_report_put_text(report, " (");
    if (m->has_exp) {
        char when[META_DATE_MAX];
        time_t t = (time_t)m->exp;
        struct tm tm;
        if (!gmtime_r(&t, &tm) || strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
            snprintf(when, sizeof when, "%" PRId64, m->exp);
        cli_report_put_text(report, "exp ");
        cli_report_put_text(report, when);
        cli_report_put_text(report, m->expired ? " expired" : " not expired");
    }
    if (m->iss[0]) {
        cli_report_put_text(report, m->has_exp ? ", iss " : "iss ");
        cli_report_put_terminal_safe(report, m->iss);
    }
    cli_report_put_char(report, ')');
}

static void text_finding(cli_report_t *report, const char *path, const hush_finding_t *f)
{
    bool color = cli_report_color(report);
    if (color)
        cli_report_put_text(report, COLOR_PATH);
    cli_report_put_terminal_safe(report, path);
    if (color)
        cli_report_put_text(report, COLOR_RESET);
    cli_report_put_char(report, ':');
    cli_report_put_u64(report, f->line);
    cli_report_put_char(report, ':');
    cli_report_put_u64(report, f->column);
    cli_report_put_text(report, ": ");
    cli_report_put_terminal_safe(report, f->rule_id ? f->rule_id : "");
    cli_report_put_text(report, " [");
    cli_report_put_text(report, hush_confidence_name(f->confidence));
    cli_report_put_text(report, "] ");
    cli_report_put_terminal_safe(report, f->preview);
    if (f->meta)
        put_meta(report, f->meta);
    cli_report_put_char(report, '\n');
}

/* Skipped inputs and errors reach people on stderr and in the summary. */
const cli_report_sink_t cli_report_text_sink = {
    .name = "text",
    .finding = text_finding,
};
