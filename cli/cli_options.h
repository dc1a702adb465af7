/*
 * The command line: one option table drives getopt_long, `hush --help` and
 * `hush <command> --help`, so an option cannot exist without being documented.
 * CLI-only.
 */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli_report.h"
#include "hush.h"

typedef enum cli_command {
    CLI_COMMAND_REDACT = 0, /* the default */
    CLI_COMMAND_SCAN,
    CLI_COMMAND_RULES
} cli_command_t;

typedef enum cli_rules_action {
    CLI_RULES_LIST = 0,
    CLI_RULES_SHOW,
    CLI_RULES_CHECK
} cli_rules_action_t;

/* Exit status of every command, as `hush --help` documents them. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_FINDINGS 1 /* scan: findings; rules check: an example failed */
#define CLI_EXIT_ERROR 2

/* -1 for a tri-state option left to its default. */
#define CLI_AUTO (-1)

typedef struct cli_options {
    cli_command_t command;
    bool command_given;            /* named on the command line (for help) */
    cli_rules_action_t rules_action;
    const char *rule_id;           /* rules show ID */

    const char **paths;            /* PATH operands; none means stdin */
    size_t path_count;
    const char **rule_paths;       /* --rules, in order */
    size_t rule_path_count;
    const char **include_globs;
    size_t include_count;
    const char **exclude_globs;
    size_t exclude_count;

    bool no_default_rules;
    hush_confidence_t min_confidence;
    const char *fingerprint_key;   /* NULL: the default key file */
    const char *cache_dir;         /* --cache-dir, NULL: environment default */
    bool no_cache;
    bool quiet;
    bool verbose;                  /* -v: say what --allow dropped */
    const char *allow_file;        /* --allow FILE */
    const char *known_secrets_file; /* --known-secrets FILE */
    int progress;                  /* CLI_AUTO, 0 or 1 */
    long jobs;

    bool format_given;
    cli_report_format_t format;
    const char *output;            /* scan -o FILE */
    const char *out_dir;           /* redact --out-dir */
    bool in_place;
    const char *backup_suffix;
    const char *report;            /* redact --report FILE */
    hush_mask_t mask;
    bool line_buffered;
    bool propagate;              /* --propagate: two passes, copies by value */

    bool help;
    bool version;
} cli_options_t;

typedef enum cli_result {
    CLI_RUN = 0,   /* options are valid: run the command */
    CLI_USAGE,     /* bad usage: print message and "Try 'hush --help'." */
    CLI_FAIL       /* valid but refused (not supported yet): print message */
} cli_result_t;

/* Parses argv (getopt_long permutes it).  On USAGE/FAIL, err->message holds
 * the reason without the "hush: " prefix.  Free with cli_options_free
 * whatever the result. */
cli_result_t cli_parse(int argc, char **argv, cli_options_t *options,
                                 hush_error_t *err);
void cli_options_free(cli_options_t *options);

/* Full help (no command named) or the help of one command. */
void cli_print_help(FILE *out, const cli_options_t *options);
/* "hush 0.1.0 (Hyperscan x, PCRE2 y)". */
void cli_print_version(FILE *out);

#endif
