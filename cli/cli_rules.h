/*
 * Loading the rule set a command line asks for.  CLI-only.
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

#endif
