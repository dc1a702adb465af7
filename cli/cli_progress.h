/*
 * The progress line on stderr ("hush: 12 files, 3.4 MiB: dir/file.log"),
 * redrawn at most a few times a second and erased before any message, so
 * messages never mix with it.  CLI-only.
 */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef struct cli_progress {
    bool enabled;             /* set by the caller: --progress and terminals */
    bool drawn;               /* a progress line is on the screen */
    struct timespec last;     /* when it was last drawn */
    unsigned long long bytes; /* read so far; the caller adds to it */
} cli_progress_t;

/* Erases the line if one is drawn (before a message, and at the end). */
void cli_progress_clear(cli_progress_t *progress);

/* Draws the line for `files` files and the input `path` ("-": stdin) when
 * enabled and the last drawing is old enough. */
void cli_progress_draw(cli_progress_t *progress, size_t files, const char *path);

#endif
