/*
 * Escaping text from untrusted input for the places the command line writes
 * it: JSON strings, a terminal, CSV fields.  CLI-only.
 */
#ifndef CLI_REPORT_ESCAPE_H
#define CLI_REPORT_ESCAPE_H

#include <stdbool.h>
#include <stdio.h>

/* Writes `text` as a JSON string (quotes included): control characters
 * escaped, invalid UTF-8 replaced by U+FFFD so the output always parses.
 * NULL is written as "".  Returns false if a write failed. */
bool cli_write_json_string(FILE *out, const char *text);

/* Writes `text` for a terminal: control bytes and broken UTF-8 as \xNN, so
 * text from untrusted input cannot drive the terminal.  NULL writes nothing.
 * Returns false if a write failed. */
bool cli_write_terminal_safe(FILE *out, const char *text);

/* Writes `text` as one CSV field (RFC 4180): quoted when it holds a
 * separator, quote or line break.  NULL writes nothing.  Returns false if a
 * write failed. */
bool cli_write_csv_field(FILE *out, const char *text);

#endif
