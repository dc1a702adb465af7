/*
 * Small text files the command line reads whole: rule files, --known-secrets,
 * --allow.  CLI-only.
 */
#ifndef CLI_TEXTFILE_H
#define CLI_TEXTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "hush.h"

/* Reads the regular file `path` (at most `max_size` bytes) into a
 * NUL-terminated buffer the caller frees.  NULL on failure with
 * err->message "path: reason"; `what` names the file in the size message
 * ("rule file larger than 16 MiB"). */
char *cli_read_file(const char *path, size_t max_size, const char *what, size_t *size,
                    hush_error_t *err);

/* Iterates the lines of data[0..size): on each call sets *line and *length
 * (without "\n" or "\r\n") and increments *number; false at the end. */
typedef struct cli_line_cursor {
    const char *data;
    size_t size;
    size_t pos;
    size_t number;  /* 1-based number of the current line */
} cli_line_cursor_t;

bool cli_next_line(cli_line_cursor_t *cursor, const char **line, size_t *length);

#endif
