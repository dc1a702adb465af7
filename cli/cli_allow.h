/*
 * The --allow file: findings a team has looked at and decided to ignore.
 * CLI-only; the scanner asks through hush_scanner_config_t.allow, before a
 * finding is reported or redacted.
 *
 * One entry per line; blank lines and lines starting with '#' are ignored:
 *
 *     CRITERION... REASON
 *
 * CRITERION is KEY=VALUE without spaces, and every criterion of an entry
 * must hold:
 *     rule=GLOB         rule id, e.g. generic.password or generic.*
 *     path=GLOB         a glob with '/' matches the whole path as hush names
 *                       it (`*` also matches '/'); without '/', the file name
 *     fingerprint=HEX   the 16 hex digits of a finding's fingerprint
 *     value=REGEX       PCRE2, searched in the secret value (anchor with ^ $;
 *                       write a space as \x20)
 * REASON is the rest of the line, required: it is what --verbose shows.
 */
#ifndef CLI_ALLOW_H
#define CLI_ALLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "hush.h"

#define CLI_ALLOW_MAX_ENTRIES 10000u
#define CLI_ALLOW_MAX_FILE_SIZE (4u << 20)

typedef struct cli_allow_list cli_allow_list_t;

typedef struct cli_allow_entry_info {
    const char *file;
    size_t line;
    const char *reason;
} cli_allow_entry_info_t;

/* Parses FILE; on error err->message reads "FILE:LINE: reason". */
hush_status_t cli_allow_list_load(const char *path, cli_allow_list_t **out, hush_error_t *err);
void cli_allow_list_free(cli_allow_list_t *list);

/* True when an entry allows the candidate found in `path`; *info then names
 * the entry.  A value regex that hits its match limit allows nothing. */
bool cli_allow_list_match(cli_allow_list_t *list, const char *path,
                          const hush_allow_query_t *query, cli_allow_entry_info_t *info);

#endif
