/*
 * Walks the paths named on the command line: files, directories (recursively,
 * following symbolic links but never around a loop) and "-" for stdin.
 * CLI-only: uses the public API.
 */
#ifndef CLI_WALK_H
#define CLI_WALK_H

#include <stdbool.h>
#include <stddef.h>

/* Deepest directory nesting followed; deeper directories are reported. */
#define CLI_WALK_MAX_DEPTH 256

typedef struct cli_walk_options {
    const char *const *include_globs; /* --include: a file must match one (if any) */
    size_t include_count;
    const char *const *exclude_globs; /* --exclude: files and directories matching are skipped */
    size_t exclude_count;
} cli_walk_options_t;

typedef enum cli_walk_event {
    CLI_WALK_FILE,        /* a file to scan; explicit: named on the command line */
    CLI_WALK_STDIN,       /* "-" or no path */
    CLI_WALK_ERROR,       /* could not be read (missing, permission, ...): message set */
    CLI_WALK_LOOP,        /* a directory link back to an ancestor: skipped, message set */
    CLI_WALK_SKIPPED      /* not a regular file (socket, fifo found by walking, ...) */
} cli_walk_event_t;

typedef struct cli_walk_entry {
    cli_walk_event_t event;
    const char *path;      /* as the user would name it: "dir/sub/file.log" */
    bool explicit_path;    /* named on the command line rather than found by walking */
    const char *message;   /* for ERROR/LOOP/SKIPPED: the reason, e.g. "Permission denied" */
} cli_walk_entry_t;

/* Return non-zero to stop the walk (the value is returned by cli_walk). */
typedef int (*cli_walk_fn)(void *ctx, const cli_walk_entry_t *entry);

/* Visits every path in order; directories in sorted name order, so output is
 * the same from run to run.  No paths: one CLI_WALK_STDIN event. */
int cli_walk(const char *const *paths, size_t path_count, const cli_walk_options_t *options,
             cli_walk_fn visit, void *ctx);

#endif
