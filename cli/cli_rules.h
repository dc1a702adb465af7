/*
 * Rules on the command line: loading the rule set a command line asks for
 * (cli_rules.c) and the `hush rules list|show|check` subcommand with its
 * printers (cli_rules_command.c).  CLI-only.
 */
#ifndef CLI_RULES_H
#define CLI_RULES_H

#include "cli_options.h"
#include "hush.h"

/* The built-in pack (unless opt->no_default_rules) plus every --rules path,
 * compiled with the cache directory from --cache-dir / --no-cache,
 * $HUSH_CACHE_DIR, $XDG_CACHE_HOME/hush or ~/.cache/hush.  On failure
 * err->message reads "path: reason" (or "file: rule-id: reason"). */
hush_status_t cli_load_rules(const cli_options_t *opt, hush_rules_t **out,
                             hush_error_t *err);

/* Runs `hush rules list`, `rules show ID` or `rules check` (opt->rules_action)
 * on `rules`: the result on stdout (text, or JSON lines with --format jsonl),
 * failures on stderr as "hush: rules ...: reason".  Returns the exit status:
 * CLI_EXIT_OK, CLI_EXIT_FINDINGS when an example failed its check, or
 * CLI_EXIT_ERROR. */
int cli_rules_command(const cli_options_t *opt, const hush_rules_t *rules);

#endif
