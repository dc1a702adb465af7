/*
 * hush command line: parses options and wires the library's stages together.
 * Only the public API (hush.h) and the cli_*.h modules are used here.
 *
 * Error policy: every input is tried even when an earlier one failed; a
 * failure is printed as "hush: <path>: <reason>" and makes the exit status 2.
 * A reader that goes away (EPIPE) is not a failure: hush stops quietly.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_allow.h"
#include "cli_keyfile.h"
#include "cli_options.h"
#include "cli_output.h"
#include "cli_progress.h"
#include "cli_report.h"
#include "cli_rules.h"
#include "cli_walk.h"
#include "hush.h"

typedef struct app {
    const cli_options_t *opt;
    hush_rules_t *rules;
    hush_scanner_t *scanner;
    cli_report_t *report;     /* scan: the report; redact: --report or NULL */
    FILE *report_file;
    const char *report_name;   /* for messages */
    cli_output_t *stdout_out; /* redact to stdout */
    cli_allow_list_t *allow;  /* --allow, NULL without */
    unsigned char key[HUSH_FINGERPRINT_KEY_MAX];
    size_t key_size;
    hush_copies_t *copies;     /* propagation: values found by the first pass */
    bool failed;               /* exit status 2 */
    bool stopped;              /* no more input: the reader went away or output failed */
    size_t files_scanned;
    cli_progress_t progress;
} app_t;

/* One input being read: the scanner's callback context. */
typedef struct job {
    app_t *app;
    const char *path;          /* as walked; "-" for stdin */
    cli_output_t *out;        /* redacted bytes go here; NULL for scan */
    bool report_failed;
    int report_errno;
    /* --verbose: the last allowed finding said, so that one seen in both
     * the raw bytes and a decoded view is said once. */
    char last_allowed[HUSH_FINGERPRINT_HEX + 1];
    const char *last_allowed_rule;
    bool silent;               /* the propagation pass: the second one says it all */
} job_t;

/* ---- messages -------------------------------------------------------------- */

static void vsay(app_t *app, const char *format, va_list args)
{
    cli_progress_clear(&app->progress);
    fputs("hush: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
}

__attribute__((format(printf, 2, 3))) static void fail(app_t *app, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsay(app, format, args);
    va_end(args);
    app->failed = true;
}

__attribute__((format(printf, 2, 3))) static void notice(app_t *app, const char *format, ...)
{
    if (app->opt->quiet)
        return;
    va_list args;
    va_start(args, format);
    vsay(app, format, args);
    va_end(args);
}

static void note_input_error(app_t *app, const char *path, const char *reason)
{
    fail(app, "%s: %s", cli_report_display_path(path), reason);
    if (app->report)
        cli_report_error(app->report, path, reason);
}

/* A source error: its message already reads "path: reason". */
static void note_source_error(app_t *app, const char *path, const char *message)
{
    if (!message[0])
        message = hush_strerror(HUSH_ERR_IO);
    fail(app, "%s", message);
    if (app->report) {
        const char *reason = strstr(message, ": ");
        cli_report_error(app->report, path, reason ? reason + 2 : message);
    }
}

/* The report could not be written: quiet stop on EPIPE, else an error. */
static void report_write_failed(app_t *app, int errnum)
{
    app->stopped = true;
    if (errnum != EPIPE)
        fail(app, "%s: %s", app->report_name, strerror(errnum));
}

/* ---- rules ------------------------------------------------------------------ */

static bool load_rules(app_t *app)
{
    hush_error_t err = {{0}};
    if (cli_load_rules(app->opt, &app->rules, &err) != HUSH_OK) {
        fail(app, "%s", err.message);
        return false;
    }
    return true;
}

/* ---- scanning one input --------------------------------------------------- */

static int on_finding(void *ctx, const hush_finding_t *finding)
{
    job_t *job = ctx;
    if (cli_report_finding(job->app->report, job->path, finding))
        return 0;
    job->report_failed = true;
    job->report_errno = errno;
    return 1;
}

/* --allow: the scanner asks before reporting or redacting a candidate. */
static bool on_allow(void *ctx, const hush_allow_query_t *query)
{
    job_t *job = ctx;
    cli_allow_entry_info_t entry;
    if (!cli_allow_list_match(job->app->allow, job->path, query, &entry))
        return false;
    bool repeat = job->last_allowed_rule == query->rule_id &&
                  strcmp(job->last_allowed, query->fingerprint) == 0;
    if (!repeat) {
        job->last_allowed_rule = query->rule_id;
        snprintf(job->last_allowed, sizeof job->last_allowed, "%s", query->fingerprint);
        if (job->app->opt->verbose && !job->silent)
            notice(job->app, "%s: allowed %s finding%s%s by %s:%zu: %s",
                   cli_report_display_path(job->path), query->rule_id,
                   query->fingerprint[0] ? " " : "", query->fingerprint, entry.file, entry.line,
                   entry.reason);
    }
    return true;
}

/* A callback stopped the scanner: find out which sink failed and say so. */
static void sink_failed(job_t *job)
{
    app_t *app = job->app;
    hush_error_t err = {{0}};
    if (job->report_failed) {
        report_write_failed(app, job->report_errno);
        return;
    }
    if (job->out == app->stdout_out) {
        app->stopped = true;
        if (!cli_output_broken_pipe(job->out) && cli_output_flush(job->out, &err) != HUSH_OK)
            fail(app, "%s", err.message);
        return;
    }
    if (cli_output_flush(job->out, &err) != HUSH_OK)
        fail(app, "%s", err.message);
    else
        fail(app, "%s: cannot write the redacted copy", job->path);
}

/* After each chunk in --line-buffered mode: everything complete goes out now. */
static bool flush_line_buffered(job_t *job)
{
    app_t *app = job->app;
    hush_error_t err = {{0}};
    hush_status_t status = hush_scanner_flush(app->scanner);
    if (status == HUSH_ERR_CALLBACK) {
        sink_failed(job);
        return false;
    }
    if (job->out && cli_output_flush(job->out, &err) != HUSH_OK) {
        fail(app, "%s", err.message);
        app->stopped = true;
        return false;
    }
    if (cli_output_broken_pipe(job->out)) {
        app->stopped = true;
        return false;
    }
    if (app->report_file && fflush(app->report_file) != 0) {
        report_write_failed(app, errno);
        return false;
    }
    return true;
}

/* Scanner status other than OK: a sink failed, or the engine did. */
static bool scan_status_ok(job_t *job, hush_status_t status)
{
    if (status == HUSH_OK)
        return true;
    if (status == HUSH_ERR_CALLBACK) {
        sink_failed(job);
    } else {
        const char *message = hush_scanner_message(job->app->scanner);
        note_input_error(job->app, job->path, message[0] ? message : hush_strerror(status));
    }
    return false;
}

/* Feeds the whole source through the scanner.  Returns true when every byte
 * was read and scanned and every sink took its output. */
static bool scan_source(job_t *job, hush_source_t *source)
{
    app_t *app = job->app;
    hush_error_t err = {{0}};
    bool read_ok = true;

    for (;;) {
        /* Read straight into the scanner's window: no copy on the way. */
        void *buffer = NULL;
        size_t capacity = 0, n = 0;
        if (!scan_status_ok(job, hush_scanner_input_buffer(app->scanner, &buffer, &capacity))) {
            hush_scanner_reset(app->scanner);
            return false;
        }
        hush_status_t status = hush_source_read(source, buffer, capacity, &n, &err);
        if (n > 0) {
            app->progress.bytes += n;
            if (!scan_status_ok(job, hush_scanner_commit(app->scanner, n))) {
                hush_scanner_reset(app->scanner);
                return false;
            }
            if (app->opt->line_buffered && !flush_line_buffered(job)) {
                hush_scanner_reset(app->scanner);
                return false;
            }
            cli_progress_draw(&app->progress, app->files_scanned, job->path);
        }
        if (status != HUSH_OK) {
            read_ok = false;
            break;
        }
        if (n == 0)
            break;
    }
    /* Even after a read error: report what was found before the damage. */
    if (!scan_status_ok(job, hush_scanner_finish(app->scanner))) {
        hush_scanner_reset(app->scanner);
        if (read_ok)
            return false;
    }
    if (!read_ok)
        note_source_error(app, job->path, err.message);
    return read_ok;
}

static hush_status_t open_output(app_t *app, const char *path, bool gzip, cli_output_t **out,
                                 hush_error_t *err)
{
    const cli_options_t *opt = app->opt;
    *out = NULL;
    if (opt->command == CLI_COMMAND_SCAN)
        return HUSH_OK;
    if (opt->out_dir)
        return cli_output_open_mirror(opt->out_dir, path, gzip, out, err);
    if (opt->in_place)
        return cli_output_open_in_place(path, opt->backup_suffix, gzip, out, err);
    *out = app->stdout_out;
    return HUSH_OK;
}

/* True when the file is not to be read: binary and found by walking (a file
 * named on the command line is always read), or its first bytes failed. */
static bool skip_binary(app_t *app, const cli_walk_entry_t *entry, hush_source_t *source)
{
    hush_error_t err = {{0}};
    bool binary = false;
    if (entry->explicit_path)
        return false;
    if (hush_source_is_binary(source, &binary, &err) != HUSH_OK) {
        note_source_error(app, entry->path, err.message);
        return true;
    }
    if (!binary)
        return false;
    notice(app, "%s: binary file, skipped", entry->path);
    if (app->report)
        cli_report_skipped(app->report, entry->path, "binary");
    return true;
}

static void scan_input(app_t *app, const cli_walk_entry_t *entry)
{
    hush_error_t err = {{0}};
    hush_source_t *source = NULL;
    bool is_stdin = entry->event == CLI_WALK_STDIN;

    if (hush_source_open(is_stdin ? NULL : entry->path, &source, &err) != HUSH_OK) {
        note_source_error(app, entry->path, err.message);
        return;
    }
    if (skip_binary(app, entry, source)) {
        hush_source_destroy(source);
        return;
    }
    job_t job = {.app = app, .path = is_stdin ? "-" : entry->path};
    bool gzip = hush_source_kind(source) == HUSH_SOURCE_GZIP;
    if (open_output(app, entry->path, gzip, &job.out, &err) != HUSH_OK) {
        fail(app, "%s", err.message);
        hush_source_destroy(source);
        return;
    }
    app->files_scanned++;
    cli_progress_draw(&app->progress, app->files_scanned, job.path);
    hush_scanner_set_context(app->scanner, &job, job.out);
    bool ok = scan_source(&job, source);
    hush_scanner_set_context(app->scanner, NULL, NULL);
    hush_source_destroy(source);
    if (job.out && job.out != app->stdout_out) {
        hush_status_t status = cli_output_close(job.out, ok, &err);
        if (ok && status != HUSH_OK)
            fail(app, "%s", err.message);
    }
}

static int visit(void *ctx, const cli_walk_entry_t *entry)
{
    app_t *app = ctx;
    switch (entry->event) {
    case CLI_WALK_FILE:
    case CLI_WALK_STDIN:
        scan_input(app, entry);
        break;
    case CLI_WALK_ERROR:
        note_input_error(app, entry->path, entry->message ? entry->message : "cannot read");
        break;
    case CLI_WALK_LOOP:
        /* Nothing is left unread: the loop's target is walked elsewhere. */
        notice(app, "%s: %s", entry->path, entry->message ? entry->message : "loop, skipped");
        break;
    case CLI_WALK_SKIPPED:
        notice(app, "%s: %s, skipped", entry->path,
               entry->message ? entry->message : "not a regular file");
        if (app->report)
            cli_report_skipped(app->report, entry->path,
                               entry->message ? entry->message : "not a regular file");
        break;
    }
    return app->stopped ? 1 : 0;
}

/* ---- propagation: a first pass that collects found values ---------------- */


typedef struct collect_pass {
    app_t *app;
    hush_scanner_t *scanner;
} collect_pass_t;

/* Reads one input through the collecting scanner.  Nothing is said: an
 * input that fails here fails again in the second pass, which says so. */
static void collect_input(collect_pass_t *pass, const cli_walk_entry_t *entry)
{
    hush_error_t err = {{0}};
    hush_source_t *source = NULL;
    if (hush_source_open(entry->path, &source, &err) != HUSH_OK)
        return;
    bool binary = false;
    if (!entry->explicit_path &&
        (hush_source_is_binary(source, &binary, &err) != HUSH_OK || binary)) {
        hush_source_destroy(source);
        return;
    }
    job_t job = {.app = pass->app, .path = entry->path, .silent = true};
    hush_scanner_set_context(pass->scanner, &job, NULL);
    hush_status_t status = HUSH_OK;
    for (;;) {
        void *buffer = NULL;
        size_t capacity = 0, n = 0;
        status = hush_scanner_input_buffer(pass->scanner, &buffer, &capacity);
        if (status != HUSH_OK)
            break;
        hush_status_t read = hush_source_read(source, buffer, capacity, &n, &err);
        if (n > 0 && (status = hush_scanner_commit(pass->scanner, n)) != HUSH_OK)
            break;
        if (read != HUSH_OK || n == 0)
            break;
    }
    /* What was found before a damaged part propagates too. */
    if (status == HUSH_OK)
        (void)hush_scanner_finish(pass->scanner);
    hush_scanner_reset(pass->scanner);
    hush_scanner_set_context(pass->scanner, NULL, NULL);
    hush_source_destroy(source);
}

static int collect_visit(void *ctx, const cli_walk_entry_t *entry)
{
    if (entry->event == CLI_WALK_FILE)
        collect_input(ctx, entry);
    return 0;
}

/* What both passes' scanners share: the user's confidence, mask, key and
 * allow list. */
static hush_scanner_config_t scanner_config(const app_t *app)
{
    const cli_options_t *opt = app->opt;
    return (hush_scanner_config_t){
        .engine = HUSH_ENGINE_HYPERSCAN,
        .min_confidence = opt->min_confidence,
        .mask = opt->mask,
        .fingerprint_key = app->key_size ? app->key : NULL,
        .fingerprint_key_size = app->key_size,
        .allow = app->allow ? on_allow : NULL,
    };
}

/* Pass 1: every value the rules find in any input becomes a value whose
 * copies the second pass finds in every input (app->copies). */
static bool collect_values(app_t *app, const cli_walk_options_t *walk)
{
    const cli_options_t *opt = app->opt;
    hush_values_t *values = NULL;
    if (hush_values_create(NULL, &values) != HUSH_OK) {
        fail(app, "propagation: %s", hush_strerror(HUSH_ERR_NOMEM));
        return false;
    }
    hush_scanner_config_t config = scanner_config(app);
    config.collect = values;
    collect_pass_t pass = {.app = app};
    hush_status_t status = hush_scanner_create(app->rules, &config, &pass.scanner);
    if (status == HUSH_OK) {
        cli_walk(opt->paths, opt->path_count, walk, collect_visit, &pass);
        hush_scanner_destroy(pass.scanner);
    }
    hush_error_t err = {{0}};
    if (status == HUSH_OK && hush_values_count(values))
        status = hush_copies_create(app->rules, values, &app->copies, &err);
    if (status == HUSH_OK && hush_values_dropped(values))
        notice(app, "%llu found values not propagated: limit reached (%u values, %u MiB)",
               (unsigned long long)hush_values_dropped(values), HUSH_VALUES_MAX,
               HUSH_VALUES_MAX_BYTES >> 20);
    hush_values_destroy(values);
    if (status != HUSH_OK) {
        fail(app, "propagation: %s", err.message[0] ? err.message : hush_strerror(status));
        return false;
    }
    return true;
}

/* ---- scan and redact -------------------------------------------------------- */

static bool needs_fingerprint_key(const cli_options_t *opt)
{
    return opt->command == CLI_COMMAND_SCAN || opt->report || opt->mask == HUSH_MASK_HASH ||
           opt->allow_file;
}

static bool use_color(FILE *out)
{
    const char *no_color = getenv("NO_COLOR");
    return isatty(fileno(out)) && !(no_color && no_color[0]);
}

static bool open_report(app_t *app)
{
    const cli_options_t *opt = app->opt;
    const char *path = opt->command == CLI_COMMAND_SCAN ? opt->output : opt->report;
    if (opt->command == CLI_COMMAND_REDACT && !path)
        return true;
    app->report_file = path ? fopen(path, "w") : stdout;
    app->report_name = path ? path : "<stdout>";
    if (!app->report_file) {
        fail(app, "%s: %s", path, strerror(errno));
        return false;
    }
    cli_report_format_t format = opt->format;
    if (!opt->format_given && opt->command == CLI_COMMAND_SCAN)
        format = isatty(fileno(app->report_file)) ? CLI_REPORT_TEXT : CLI_REPORT_JSONL;
    app->report = cli_report_create(app->report_file, format,
                                    format == CLI_REPORT_TEXT && use_color(app->report_file),
                                    app->rules);
    if (!app->report) {
        fail(app, "%s: %s", app->report_name, hush_strerror(HUSH_ERR_NOMEM));
        return false;
    }
    return true;
}

static bool create_scanner(app_t *app)
{
    const cli_options_t *opt = app->opt;
    hush_scanner_config_t config = scanner_config(app);
    config.on_finding = app->report ? on_finding : NULL;
    config.on_output = opt->command == CLI_COMMAND_REDACT ? cli_output_write : NULL;
    config.copies = app->copies;
    hush_status_t status = hush_scanner_create(app->rules, &config, &app->scanner);
    if (status != HUSH_OK) {
        fail(app, "scanner: %s", hush_strerror(status));
        return false;
    }
    return true;
}

static bool prepare_inputs(app_t *app, const cli_walk_options_t *walk)
{
    const cli_options_t *opt = app->opt;
    hush_error_t err = {{0}};

    if (needs_fingerprint_key(opt)) {
        if (cli_keyfile_load(opt->fingerprint_key, app->key, &app->key_size, &err) != HUSH_OK) {
            fail(app, "%s", err.message);
            return false;
        }
    }
    if (opt->allow_file && cli_allow_list_load(opt->allow_file, &app->allow, &err) != HUSH_OK) {
        fail(app, "%s", err.message);
        return false;
    }
    if (!open_report(app))
        return false;
    if (opt->command == CLI_COMMAND_REDACT && !opt->out_dir && !opt->in_place &&
        cli_output_open_stdout(&app->stdout_out, &err) != HUSH_OK) {
        fail(app, "%s", err.message);
        return false;
    }
    /* Option parsing refused --propagate with standard input (read once) and
     * with --line-buffered. */
    if (opt->propagate && !collect_values(app, walk))
        return false;
    return create_scanner(app);
}

static void finish_outputs(app_t *app)
{
    hush_error_t err = {{0}};
    cli_progress_clear(&app->progress);
    if (app->stdout_out) {
        if (cli_output_close(app->stdout_out, true, &err) != HUSH_OK && err.message[0])
            fail(app, "%s", err.message);
        app->stdout_out = NULL;
    }
    if (app->report) {
        if (!cli_report_finish(app->report))
            report_write_failed(app, errno);
        if (app->report_file != stdout && fclose(app->report_file) != 0 && !app->failed)
            fail(app, "%s: %s", app->report_name, strerror(errno));
        app->report_file = NULL;
    }
}

static int run_inputs(app_t *app)
{
    const cli_options_t *opt = app->opt;
    cli_walk_options_t walk = {
        .include_globs = opt->include_globs,
        .include_count = opt->include_count,
        .exclude_globs = opt->exclude_globs,
        .exclude_count = opt->exclude_count,
    };
    app->progress.enabled = opt->progress == 1 ? isatty(STDERR_FILENO)
                            : opt->progress == CLI_AUTO
                                ? !opt->quiet && isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO)
                                : false;
    if (!prepare_inputs(app, &walk))
        return CLI_EXIT_ERROR;
    /* A bare `hush scan` at a prompt would otherwise seem to hang. */
    if (opt->path_count == 0 && isatty(STDIN_FILENO))
        notice(app, "reading standard input from the terminal (end with Ctrl-D, or give a PATH)");
    cli_walk(opt->paths, opt->path_count, &walk, visit, app);
    size_t findings = cli_report_finding_count(app->report);
    bool stopped_quietly = app->stopped && !app->failed;
    finish_outputs(app);
    if (opt->command == CLI_COMMAND_SCAN && !opt->quiet && !stopped_quietly)
        cli_report_write_summary(app->report, app->files_scanned, stderr);
    if (app->failed)
        return CLI_EXIT_ERROR;
    return opt->command == CLI_COMMAND_SCAN && findings > 0 ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

/* ---- main ------------------------------------------------------------------ */

/* Leaves no temporary file behind, then dies of the same signal so the parent
 * sees how we ended. */
static void on_fatal_signal(int sig)
{
    cli_output_remove_temporaries();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_signal_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    /* EPIPE comes back from write() instead, and we stop quietly. */
    signal(SIGPIPE, SIG_IGN);
}

static int parse_or_explain(int argc, char **argv, cli_options_t *opt)
{
    hush_error_t err = {{0}};
    cli_result_t result = cli_parse(argc, argv, opt, &err);
    if (result == CLI_USAGE) {
        fprintf(stderr, "hush: %s\nTry 'hush --help'.\n", err.message);
        return CLI_EXIT_ERROR;
    }
    if (result == CLI_FAIL) {
        fprintf(stderr, "hush: %s\n", err.message);
        return CLI_EXIT_ERROR;
    }
    if (opt->help) {
        cli_print_help(stdout, opt);
        return fflush(stdout) == 0 || errno == EPIPE ? CLI_EXIT_OK : CLI_EXIT_ERROR;
    }
    if (opt->version) {
        cli_print_version(stdout);
        return fflush(stdout) == 0 || errno == EPIPE ? CLI_EXIT_OK : CLI_EXIT_ERROR;
    }
    return -1;
}

int main(int argc, char **argv)
{
    cli_options_t opt;
    app_t app = {.opt = &opt};
    int status;

    install_signal_handlers();
    status = parse_or_explain(argc, argv, &opt);
    if (status < 0) {
        if (!load_rules(&app))
            status = CLI_EXIT_ERROR;
        else if (opt.command == CLI_COMMAND_RULES)
            status = cli_rules_command(&opt, app.rules);
        else
            status = run_inputs(&app);
    }
    hush_scanner_destroy(app.scanner);
    hush_copies_destroy(app.copies);
    cli_report_destroy(app.report);
    hush_rules_destroy(app.rules);
    cli_allow_list_free(app.allow);
    explicit_bzero(app.key, sizeof app.key);
    cli_options_free(&opt);
    return status;
}
