/*
 * The option table and everything derived from it: getopt_long's arrays, the
 * help text and the check that an option belongs to the command it was given
 * to.  Adding an option means adding one row here and handling its id.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <pcre2.h>

#include "cli_options.h"

#define FOR_REDACT (1u << CLI_COMMAND_REDACT)
#define FOR_SCAN (1u << CLI_COMMAND_SCAN)
#define FOR_RULES (1u << CLI_COMMAND_RULES)
#define FOR_INPUTS (FOR_SCAN | FOR_REDACT)
#define FOR_ALL (FOR_SCAN | FOR_REDACT | FOR_RULES)

/* -j beyond this is surely a typo. */
#define MAX_JOBS 1024
#define HELP_WIDTH 79
#define HELP_LEFT 26

/* Long-only options get ids above every character value. */
enum option_id {
    OPT_RULES = 256,
    OPT_NO_DEFAULT_RULES,
    OPT_MIN_CONFIDENCE,
    OPT_INCLUDE,
    OPT_EXCLUDE,
    OPT_FINGERPRINT_KEY,
    OPT_CACHE_DIR,
    OPT_NO_CACHE,
    OPT_BASELINE,
    OPT_ALLOW,
    OPT_KNOWN_SECRETS,
    OPT_FORMAT,
    OPT_OUT_DIR,
    OPT_IN_PLACE,
    OPT_BACKUP,
    OPT_REPORT,
    OPT_MASK,
    OPT_LINE_BUFFERED,
    OPT_PROPAGATE,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
    OPT_VERSION,
    OPT_OUTPUT = 'o',
    OPT_JOBS = 'j',
    OPT_QUIET = 'q',
    OPT_VERBOSE = 'v',
    OPT_HELP = 'h',
};

typedef struct cli_option {
    const char *name;      /* long name */
    int id;                /* getopt_long value; a character when it has a short form */
    bool has_short;
    const char *argument;  /* argument name, NULL when it takes none */
    unsigned commands;     /* FOR_* bits */
    const char *help;
} cli_option_t;

static const cli_option_t option_table[] = {
    {"rules", OPT_RULES, false, "PATH", FOR_ALL,
     "also load rules from PATH: a rule file, or a directory whose *.json files are "
     "loaded in name order; repeatable"},
    {"no-default-rules", OPT_NO_DEFAULT_RULES, false, NULL, FOR_ALL,
     "do not load the built-in rule pack (needs --rules)"},
    {"cache-dir", OPT_CACHE_DIR, false, "DIR", FOR_ALL,
     "keep the compiled rule database in DIR (see Files below)"},
    {"no-cache", OPT_NO_CACHE, false, NULL, FOR_ALL,
     "compile the rules on every run, read and write no cache"},
    {"format", OPT_FORMAT, false, "FORMAT", FOR_ALL,
     "report format: text, jsonl, json or csv (sarif: not supported yet). scan: default "
     "text when the report goes to a terminal, else jsonl; redact: format of --report, "
     "default jsonl; rules list/show: text or jsonl"},
    {"quiet", OPT_QUIET, true, NULL, FOR_ALL,
     "no notices or summary on stderr, only errors"},
    {"help", OPT_HELP, true, NULL, FOR_ALL, "show this help (hush COMMAND --help: one command)"},
    {"version", OPT_VERSION, false, NULL, FOR_ALL,
     "show the version of hush, Hyperscan and PCRE2"},
    {"min-confidence", OPT_MIN_CONFIDENCE, false, "LEVEL", FOR_INPUTS,
     "report and redact findings of LEVEL or above: low, medium (default) or high"},
    {"include", OPT_INCLUDE, false, "GLOB", FOR_INPUTS,
     "when walking directories, read only files whose name matches GLOB; repeatable"},
    {"exclude", OPT_EXCLUDE, false, "GLOB", FOR_INPUTS,
     "skip files and directories whose name matches GLOB; repeatable"},
    {"fingerprint-key", OPT_FINGERPRINT_KEY, false, "FILE", FOR_INPUTS,
     "key for finding fingerprints: a file of 16 to 64 raw bytes (see Files below)"},
    {"jobs", OPT_JOBS, true, "N", FOR_INPUTS,
     "accepted for scripts that pass it; this version scans with one thread "
     "whatever N is"},
    {"progress", OPT_PROGRESS, false, NULL, FOR_INPUTS,
     "show a progress line on stderr when stderr is a terminal (default: when stderr "
     "is a terminal and stdout is not)"},
    {"no-progress", OPT_NO_PROGRESS, false, NULL, FOR_INPUTS, "never show a progress line"},
    {"baseline", OPT_BASELINE, false, "FILE", FOR_INPUTS,
     "report only findings not in FILE (not supported yet)"},
    {"allow", OPT_ALLOW, false, "FILE", FOR_INPUTS,
     "ignore findings FILE allows: by rule, path glob, fingerprint or a regex on the "
     "value, each entry with a reason (see Files below)"},
    {"known-secrets", OPT_KNOWN_SECRETS, false, "FILE", FOR_INPUTS,
     "also find the values in FILE, one per line, as written and JSON-, XML-, "
     "percent- or base64-encoded; reported as rule known-secret (see Files below)"},
    {"propagate", OPT_PROPAGATE, false, NULL, FOR_INPUTS,
     "read the input files twice: find the values found in any of them as copies in "
     "every file, wherever no rule would (files only; see Propagation in the README)"},
    {"verbose", OPT_VERBOSE, true, NULL, FOR_INPUTS,
     "also say on stderr which findings --allow dropped, and why"},
    {"output", OPT_OUTPUT, true, "FILE", FOR_SCAN, "write the report to FILE instead of stdout"},
    {"out-dir", OPT_OUT_DIR, false, "DIR", FOR_REDACT,
     "write a redacted copy of every input file under DIR, same tree (gzip stays gzip)"},
    {"in-place", OPT_IN_PLACE, false, NULL, FOR_REDACT,
     "rewrite each file atomically (temporary file, fsync, rename; mode kept); an "
     "interrupted run leaves every original intact"},
    {"backup", OPT_BACKUP, false, "SUFFIX", FOR_REDACT,
     "with --in-place, keep each original as FILE+SUFFIX"},
    {"report", OPT_REPORT, false, "FILE", FOR_REDACT,
     "also write the findings to FILE (format from --format, default jsonl)"},
    {"mask", OPT_MASK, false, "KIND", FOR_REDACT,
     "how a secret is replaced: label (default), stars, partial or hash (see Masks below)"},
    {"line-buffered", OPT_LINE_BUFFERED, false, NULL, FOR_REDACT,
     "write out each line as soon as it is complete (for tail -f | hush)"},
};

#define OPTION_COUNT (sizeof option_table / sizeof option_table[0])

static const char *const command_names[] = {
    [CLI_COMMAND_REDACT] = "redact",
    [CLI_COMMAND_SCAN] = "scan",
    [CLI_COMMAND_RULES] = "rules",
};

/* ---- parsing --------------------------------------------------------------- */

typedef struct parse_state {
    cli_options_t *options;
    hush_error_t *err;
    const char *unsupported;   /* first "not supported yet" option */
    const char **positional;
    size_t positional_count;
} parse_state_t;

static cli_result_t usage(hush_error_t *err, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static cli_result_t usage(hush_error_t *err, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int n = vsnprintf(err->message, sizeof err->message, format, args);
    va_end(args);
    if (n < 0)
        err->message[0] = '\0';
    return CLI_USAGE;
}

static const cli_option_t *find_option(int id)
{
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        if (option_table[i].id == id)
            return &option_table[i];
    }
    return NULL;
}

static void build_getopt_tables(struct option *longs, char *shorts)
{
    char *s = shorts;
    *s++ = ':'; /* missing arguments reported as ':' so the message is ours */
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        const cli_option_t *o = &option_table[i];
        longs[i] = (struct option){o->name, o->argument ? required_argument : no_argument, NULL,
                                   o->id};
        if (o->has_short) {
            *s++ = (char)o->id;
            if (o->argument)
                *s++ = ':';
        }
    }
    longs[OPTION_COUNT] = (struct option){NULL, 0, NULL, 0};
    *s = '\0';
}

static cli_result_t parse_jobs(const char *text, long *out, hush_error_t *err)
{
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || n < 1 || n > MAX_JOBS)
        return usage(err, "invalid -j '%s' (a whole number from 1 to 1024)", text);
    *out = n;
    return CLI_RUN;
}

static cli_result_t parse_format(parse_state_t *st, const char *text)
{
    cli_options_t *o = st->options;
    if (strcmp(text, "sarif") == 0) {
        if (!st->unsupported)
            st->unsupported = "--format sarif";
        return CLI_RUN;
    }
    if (!cli_report_format_parse(text, &o->format))
        return usage(st->err, "invalid --format '%s' (say text, jsonl, json or csv)", text);
    o->format_given = true;
    return CLI_RUN;
}

/* Handles one option whose argument (if any) is `arg`. */
static cli_result_t apply_option(parse_state_t *st, int id, const char *arg)
{
    cli_options_t *o = st->options;
    switch (id) {
    case OPT_RULES: o->rule_paths[o->rule_path_count++] = arg; break;
    case OPT_NO_DEFAULT_RULES: o->no_default_rules = true; break;
    case OPT_CACHE_DIR: o->cache_dir = arg; break;
    case OPT_NO_CACHE: o->no_cache = true; break;
    case OPT_FORMAT: return parse_format(st, arg);
    case OPT_QUIET: o->quiet = true; break;
    case OPT_HELP: o->help = true; break;
    case OPT_VERSION: o->version = true; break;
    case OPT_MIN_CONFIDENCE:
        if (!hush_confidence_parse(arg, &o->min_confidence))
            return usage(st->err, "invalid --min-confidence '%s' (say low, medium or high)", arg);
        break;
    case OPT_INCLUDE: o->include_globs[o->include_count++] = arg; break;
    case OPT_EXCLUDE: o->exclude_globs[o->exclude_count++] = arg; break;
    case OPT_FINGERPRINT_KEY: o->fingerprint_key = arg; break;
    case OPT_JOBS: return parse_jobs(arg, &o->jobs, st->err);
    case OPT_PROGRESS: o->progress = 1; break;
    case OPT_NO_PROGRESS: o->progress = 0; break;
    case OPT_BASELINE:
        if (!st->unsupported)
            st->unsupported = "--baseline";
        break;
    case OPT_ALLOW:
    case OPT_KNOWN_SECRETS: {
        const char **slot = id == OPT_ALLOW ? &o->allow_file : &o->known_secrets_file;
        if (*slot)
            return usage(st->err, "%s given twice (one file each)",
                         id == OPT_ALLOW ? "--allow" : "--known-secrets");
        *slot = arg;
        break;
    }
    case OPT_VERBOSE: o->verbose = true; break;
    case OPT_OUTPUT: o->output = arg; break;
    case OPT_OUT_DIR: o->out_dir = arg; break;
    case OPT_IN_PLACE: o->in_place = true; break;
    case OPT_BACKUP: o->backup_suffix = arg; break;
    case OPT_REPORT: o->report = arg; break;
    case OPT_MASK:
        if (!hush_mask_parse(arg, &o->mask))
            return usage(st->err, "invalid --mask '%s' (say label, stars, partial or hash)", arg);
        break;
    case OPT_LINE_BUFFERED: o->line_buffered = true; break;
    case OPT_PROPAGATE: o->propagate = true; break;
    default: return usage(st->err, "internal error: option %d not handled", id);
    }
    return CLI_RUN;
}

/* getopt's error returns, turned into our messages. */
static cli_result_t bad_option(parse_state_t *st, int rc, char **argv, int argc)
{
    const char *text = optind - 1 < argc ? argv[optind - 1] : "?";
    char short_text[3] = {'-', (char)optopt, '\0'};
    const cli_option_t *o = optopt ? find_option(optopt) : NULL;

    if (rc == ':') {
        if (o)
            return usage(st->err, "option '--%s' needs an argument %s", o->name, o->argument);
        return usage(st->err, "option '%s' needs an argument", text);
    }
    if (optopt && optopt < 256)
        return usage(st->err, "unknown option '%s'", short_text);
    if (strncmp(text, "--", 2) == 0 && strchr(text, '='))
        return usage(st->err, "option '%s' takes no argument, or is unknown", text);
    return usage(st->err, "unknown or ambiguous option '%s'", text);
}

static cli_result_t check_applies(parse_state_t *st, int id)
{
    const cli_option_t *o = find_option(id);
    cli_command_t c = st->options->command;
    if (!o || (o->commands & (1u << c)))
        return CLI_RUN;
    if (!st->options->command_given)
        return usage(st->err, "option '--%s' does not apply to 'hush redact' (the default "
                              "command)%s", o->name,
                     (o->commands & FOR_SCAN) ? "; did you mean 'hush scan'?" : "");
    return usage(st->err, "option '--%s' does not apply to 'hush %s'", o->name, command_names[c]);
}

static cli_result_t run_getopt(parse_state_t *st, int argc, char **argv)
{
    struct option longs[OPTION_COUNT + 1];
    char shorts[2 * OPTION_COUNT + 2];
    build_getopt_tables(longs, shorts);

    opterr = 0;
    optind = 1;
    for (;;) {
        int rc = getopt_long(argc, argv, shorts, longs, NULL);
        if (rc == -1)
            break;
        if (rc == '?' || rc == ':')
            return bad_option(st, rc, argv, argc);
        cli_result_t r = check_applies(st, rc);
        if (r == CLI_RUN)
            r = apply_option(st, rc, optarg);
        if (r != CLI_RUN)
            return r;
    }
    for (int i = optind; i < argc; i++)
        st->positional[st->positional_count++] = argv[i];
    return CLI_RUN;
}

static cli_result_t finish_rules(parse_state_t *st)
{
    cli_options_t *o = st->options;
    const char *action = st->positional_count > 0 ? st->positional[0] : NULL;
    size_t extra = st->positional_count > 0 ? st->positional_count - 1 : 0;

    if (!action)
        return usage(st->err, "rules: say 'list', 'show ID' or 'check'");
    if (strcmp(action, "list") == 0) {
        o->rules_action = CLI_RULES_LIST;
    } else if (strcmp(action, "check") == 0) {
        o->rules_action = CLI_RULES_CHECK;
    } else if (strcmp(action, "show") == 0) {
        o->rules_action = CLI_RULES_SHOW;
        if (extra != 1)
            return usage(st->err, "rules show: give exactly one rule id");
        o->rule_id = st->positional[1];
        return CLI_RUN;
    } else {
        return usage(st->err, "rules: unknown action '%s' (say list, show ID or check)", action);
    }
    if (extra > 0)
        return usage(st->err, "rules %s: unexpected argument '%s'", action, st->positional[1]);
    if (o->format_given && o->format != CLI_REPORT_TEXT && o->format != CLI_REPORT_JSONL)
        return usage(st->err, "rules: --format must be text or jsonl");
    return CLI_RUN;
}

static bool reads_stdin(const cli_options_t *o)
{
    if (o->path_count == 0)
        return true;
    for (size_t i = 0; i < o->path_count; i++) {
        if (strcmp(o->paths[i], "-") == 0)
            return true;
    }
    return false;
}

static cli_result_t finish_redact(parse_state_t *st)
{
    cli_options_t *o = st->options;
    if (o->in_place && o->out_dir)
        return usage(st->err, "--in-place and --out-dir cannot be used together");
    if (o->backup_suffix && !o->in_place)
        return usage(st->err, "--backup needs --in-place");
    if (o->backup_suffix && (!o->backup_suffix[0] || strchr(o->backup_suffix, '/')))
        return usage(st->err, "invalid --backup '%s' (a non-empty suffix without '/')",
                     o->backup_suffix);
    if ((o->in_place || o->out_dir) && reads_stdin(o))
        return usage(st->err, "%s needs file or directory paths, not standard input",
                     o->in_place ? "--in-place" : "--out-dir");
    if (o->format_given && !o->report)
        return usage(st->err, "--format in 'hush redact' is the format of --report FILE; "
                              "add --report or use 'hush scan'");
    return CLI_RUN;
}

static cli_result_t finish(parse_state_t *st)
{
    cli_options_t *o = st->options;
    cli_result_t r = CLI_RUN;

    if (o->command == CLI_COMMAND_RULES) {
        r = finish_rules(st);
    } else {
        o->paths = st->positional;
        o->path_count = st->positional_count;
        st->positional = NULL;
        if (o->command == CLI_COMMAND_REDACT)
            r = finish_redact(st);
    }
    if (r == CLI_RUN && o->propagate && reads_stdin(o))
        r = usage(st->err, "--propagate needs file or directory paths: standard input "
                           "is read once");
    if (r == CLI_RUN && o->propagate && o->line_buffered)
        r = usage(st->err, "--propagate reads every file before writing any: not with "
                           "--line-buffered");
    if (r == CLI_RUN && o->no_default_rules && o->rule_path_count == 0)
        r = usage(st->err, "--no-default-rules needs --rules PATH");
    if (r == CLI_RUN && st->unsupported) {
        snprintf(st->err->message, sizeof st->err->message, "%s: not supported yet",
                 st->unsupported);
        r = CLI_FAIL;
    }
    return r;
}

static bool allocate_lists(cli_options_t *o, parse_state_t *st, int argc)
{
    size_t n = (size_t)argc + 1;
    o->rule_paths = calloc(n, sizeof *o->rule_paths);
    o->include_globs = calloc(n, sizeof *o->include_globs);
    o->exclude_globs = calloc(n, sizeof *o->exclude_globs);
    st->positional = calloc(n, sizeof *st->positional);
    return o->rule_paths && o->include_globs && o->exclude_globs && st->positional;
}

static void set_defaults(cli_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->command = CLI_COMMAND_REDACT;
    o->min_confidence = HUSH_CONFIDENCE_MEDIUM;
    o->progress = CLI_AUTO;
    o->jobs = 1;
    o->format = CLI_REPORT_JSONL;
    o->mask = HUSH_MASK_LABEL;
}

cli_result_t cli_parse(int argc, char **argv, cli_options_t *options,
                                 hush_error_t *err)
{
    parse_state_t st = {.options = options, .err = err};
    int skip = 0;

    set_defaults(options);
    err->message[0] = '\0';
    for (int c = 0; argc > 1 && c < (int)(sizeof command_names / sizeof command_names[0]); c++) {
        if (strcmp(argv[1], command_names[c]) == 0) {
            options->command = (cli_command_t)c;
            options->command_given = true;
            skip = 1;
        }
    }
    if (!allocate_lists(options, &st, argc)) {
        free(st.positional);
        snprintf(err->message, sizeof err->message, "%s", hush_strerror(HUSH_ERR_NOMEM));
        return CLI_FAIL;
    }
    /* getopt sees the command word as its argv[0]. */
    cli_result_t r = run_getopt(&st, argc - skip, argv + skip);
    if (r == CLI_RUN && !options->help && !options->version)
        r = finish(&st);
    free(st.positional);
    return r;
}

void cli_options_free(cli_options_t *options)
{
    if (!options)
        return;
    free(options->paths);
    free(options->rule_paths);
    free(options->include_globs);
    free(options->exclude_globs);
    options->paths = options->rule_paths = options->include_globs = options->exclude_globs = NULL;
}

/* ---- help ------------------------------------------------------------------ */

/* Writes `text` from column `indent`, wrapped at HELP_WIDTH, ending the line. */
static void print_wrapped(FILE *out, const char *text, int column, int indent)
{
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *end = p;
        while (*end && *end != ' ')
            end++;
        int word = (int)(end - p);
        if (column > indent && column + 1 + word > HELP_WIDTH) {
            fprintf(out, "\n%*s", indent, "");
            column = indent;
        } else if (column > indent) {
            fputc(' ', out);
            column++;
        }
        fwrite(p, 1, (size_t)word, out);
        column += word;
        p = end;
    }
    fputc('\n', out);
}

static void print_option(FILE *out, const cli_option_t *o)
{
    char left[64];
    int n;
    if (o->has_short)
        n = snprintf(left, sizeof left, "  -%c, --%s%s%s", o->id, o->name, o->argument ? " " : "",
                     o->argument ? o->argument : "");
    else
        n = snprintf(left, sizeof left, "      --%s%s%s", o->name, o->argument ? " " : "",
                     o->argument ? o->argument : "");
    fputs(left, out);
    if (n >= HELP_LEFT - 1) {
        fprintf(out, "\n%*s", HELP_LEFT, "");
        n = HELP_LEFT;
    } else {
        fprintf(out, "%*s", HELP_LEFT - n, "");
        n = HELP_LEFT;
    }
    print_wrapped(out, o->help, n, HELP_LEFT);
}

static void print_option_group(FILE *out, const char *title, unsigned commands, unsigned exact)
{
    bool any = false;
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        const cli_option_t *o = &option_table[i];
        bool match = exact ? o->commands == exact : (o->commands & commands) != 0;
        if (!match)
            continue;
        if (!any)
            fprintf(out, "\n%s:\n", title);
        any = true;
        print_option(out, o);
    }
}

static void print_paragraph(FILE *out, const char *text)
{
    print_wrapped(out, text, 0, 0);
}

static const char text_intro[] =
    "hush finds leaked credentials (API keys, tokens, connection strings, SAS "
    "signatures, ...) in logs, workflow run exports, audit logs and HAR files, and "
    "redacts them. It never prints a secret it found: reports carry a masked preview "
    "and a keyed fingerprint, so the same secret can be followed across files without "
    "anyone seeing it.";

static const char text_paths[] =
    "PATH is a file, a directory (walked recursively in name order; symbolic link "
    "loops are noticed and skipped) or '-' for standard input, the default. Gzip is "
    "recognised by its content and decompressed. A binary file found while walking "
    "a directory is skipped with a notice; a file named on the command line is always "
    "read. Options may come before or after paths; '--' ends the options. The first "
    "word is a command only when it is exactly scan, redact or rules (to redact a file "
    "called 'scan', write ./scan).";

static const char text_redact[] =
    "hush redact (the default command) copies its input to stdout with every secret "
    "replaced and every other byte unchanged, files concatenated in order, or writes "
    "redacted copies under --out-dir, or rewrites files with --in-place.";

static const char text_scan[] =
    "hush scan reports every finding (path:line:column, rule, confidence, masked "
    "preview; jsonl/json/csv add offset, length, encoding, validation and fingerprint) "
    "and changes nothing. A summary line goes to stderr unless -q.";

static const char text_rules[] =
    "hush rules list prints every rule in use (id, confidence, name); rules show ID "
    "prints one rule with its pattern and examples (examples are fake by convention); "
    "rules check runs every rule's examples and negative examples through both "
    "engines and reports each failure.";

static void print_masks(FILE *out)
{
    fputs("\nMasks (--mask):\n"
          "  label    [REDACTED:<rule-id>] (default)\n"
          "  stars    '*' for every byte: offsets and lengths do not move\n"
          "  partial  first 4 characters kept (secrets of 16 bytes or more), the rest '*'\n"
          "  hash     [REDACTED:<rule-id>:<8 hex of the fingerprint>], so equal secrets\n"
          "           stay recognisable as equal\n",
          out);
}

static void print_exit_status(FILE *out, unsigned commands)
{
    fputs("\nExit status:\n", out);
    if (commands & FOR_SCAN)
        fputs("  scan         0 no findings, 1 findings, 2 error (bad usage, bad rule file,\n"
              "               an input that could not be read). 2 wins over 1; findings\n"
              "               of the inputs that could be read are still reported.\n",
              out);
    if (commands & FOR_REDACT)
        fputs("  redact       0 success, with or without findings (a filter must not fail\n"
              "               a pipeline for doing its job), 2 error\n",
              out);
    if (commands & FOR_RULES)
        fputs("  rules        0 success; rules check: 1 when an example fails; 2 error\n", out);
    fputs("  A closed output pipe (| head) is not an error: hush stops quietly.\n", out);
}

static void print_files(FILE *out)
{
    fputs("\nFiles:\n  ", out);
    print_wrapped(out,
                  "fingerprint key: --fingerprint-key FILE, else "
                  "$XDG_CONFIG_HOME/hush/fingerprint.key, else "
                  "~/.config/hush/fingerprint.key; created on first use with 32 random bytes, "
                  "mode 0600. The same key gives the same fingerprint for the same secret in "
                  "every file and run; keep it private.",
                  2, 4);
    fputs("  ", out);
    print_wrapped(out,
                  "rule cache: the compiled rule database is kept in --cache-dir DIR, else "
                  "$HUSH_CACHE_DIR, else $XDG_CACHE_HOME/hush, else ~/.cache/hush "
                  "(--no-cache: none). Deleting it is always safe.",
                  2, 4);
    fputs("  ", out);
    print_wrapped(out,
                  "known secrets (--known-secrets FILE): one value per line, 8 to 1024 bytes, "
                  "taken exactly as written (only the line end is removed). Each is found as "
                  "written, JSON-, XML- or percent-escaped, and in base64 at any alignment, "
                  "reported as rule known-secret with the value's fingerprint. The rules are "
                  "then compiled on every run (a few seconds) and never cached, since the "
                  "database would hold the values. Keep the file private.",
                  2, 4);
    fputs("  ", out);
    print_wrapped(out,
                  "allow file (--allow FILE): one entry per line, '#' comments. An entry is "
                  "one or more criteria that must all hold, then a reason: rule=GLOB, "
                  "path=GLOB (with '/': the whole path, '*' crossing '/'; without: the file "
                  "name), fingerprint=HEX, value=REGEX (PCRE2, searched in the secret; "
                  "\\x20 for a space). Example: 'rule=generic.password path=tests/* "
                  "fixture passwords are fake'. An allowed finding is neither reported nor "
                  "redacted; -v says which entry allowed it.",
                  2, 4);
    fputs("\nEnvironment: NO_COLOR turns off colour in text reports.\n", out);
}

static void print_examples(FILE *out, unsigned commands)
{
    fputs("\nExamples:\n", out);
    if (commands & FOR_REDACT)
        fputs("  kubectl logs app | hush > clean.log\n"
              "  tail -f app.log | hush --line-buffered\n"
              "  hush redact --in-place --backup .orig *.log\n"
              "  hush redact --out-dir clean/ --report findings.jsonl ./ticket-123/\n",
              out);
    if (commands & FOR_SCAN)
        fputs("  hush scan ./incident/\n"
              "  hush scan -q ./incident/ ; echo $?\n"
              "  hush scan --format jsonl -o findings.jsonl /var/log/archive/\n",
              out);
    if (commands & FOR_RULES)
        fputs("  hush rules list\n"
              "  hush rules show azure.storage.account-key\n"
              "  hush rules check --no-default-rules --rules my-rules.json\n",
              out);
}

static void print_full_help(FILE *out)
{
    fputs("Usage: hush [scan|redact|rules] [OPTIONS] [PATH...]\n\n", out);
    print_paragraph(out, text_intro);
    fputs("\nCommands:\n"
          "  redact      (default) write the input with secrets replaced\n"
          "  scan        report findings, change nothing\n"
          "  rules       list | show ID | check: the rules in use\n\n",
          out);
    print_paragraph(out, text_paths);
    print_option_group(out, "Options for every command", 0, FOR_ALL);
    print_option_group(out, "Options for scan and redact", 0, FOR_INPUTS);
    print_option_group(out, "Options for scan", 0, FOR_SCAN);
    print_option_group(out, "Options for redact", 0, FOR_REDACT);
    print_masks(out);
    print_exit_status(out, FOR_ALL);
    print_files(out);
    print_examples(out, FOR_ALL);
}

static void print_command_help(FILE *out, cli_command_t command)
{
    unsigned bit = 1u << command;
    if (command == CLI_COMMAND_RULES) {
        fputs("Usage: hush rules list|show ID|check [OPTIONS]\n\n", out);
        print_paragraph(out, text_rules);
    } else {
        fprintf(out, "Usage: hush %s [OPTIONS] [PATH...]\n\n", command_names[command]);
        print_paragraph(out, command == CLI_COMMAND_SCAN ? text_scan : text_redact);
        fputc('\n', out);
        print_paragraph(out, text_paths);
    }
    print_option_group(out, "Options", bit, 0);
    if (command == CLI_COMMAND_REDACT)
        print_masks(out);
    print_exit_status(out, bit);
    print_files(out);
    print_examples(out, bit);
    fputs("\nAll commands and options: hush --help\n", out);
}

void cli_print_help(FILE *out, const cli_options_t *options)
{
    if (options && options->command_given)
        print_command_help(out, options->command);
    else
        print_full_help(out);
}

/* First word of a version string ("5.4.0 2023-..." -> "5.4.0"). */
static void first_word(char *text)
{
    text[strcspn(text, " ")] = '\0';
}

void cli_print_version(FILE *out)
{
    char hs[64];
    char pcre[64] = "unknown";
    snprintf(hs, sizeof hs, "%s", hs_version());
    first_word(hs);
    if (pcre2_config(PCRE2_CONFIG_VERSION, pcre) > 0)
        first_word(pcre);
    fprintf(out, "hush %s (Hyperscan %s, PCRE2 %s)\n", hush_version(), hs, pcre);
}
