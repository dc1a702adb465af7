/*
 * Walks the paths named on the command line: files, directories (recursively,
 * following symbolic links but never around a loop) and "-" for stdin.
 * CLI-only: uses the public API.
 */
#ifndef HUSH_CLI_WALK_H
#define HUSH_CLI_WALK_H

#include <stdbool.h>
#include <stddef.h>

/* Deepest directory nesting followed; deeper directories are reported. */
#define HUSH_WALK_MAX_DEPTH 256

typedef struct hush_walk_options {
    const char *const *include_globs; /* --include: a file must match one (if any) */
    size_t include_count;
    const char *const *exclude_globs; /* --exclude: files and directories matching are skipped */
    size_t exclude_count;
} hush_walk_options_t;

typedef enum hush_walk_event {
    HUSH_WALK_FILE,        /* a file to scan; explicit: named on the command line */
    HUSH_WALK_STDIN,       /* "-" or no path */
    HUSH_WALK_ERROR,       /* could not be read (missing, permission, ...): message set */
    HUSH_WALK_LOOP,        /* a directory link back to an ancestor: skipped, message set */
    HUSH_WALK_SKIPPED      /* not a regular file (socket, fifo found by walking, ...) */
} hush_walk_event_t;

typedef struct hush_walk_entry {
    hush_walk_event_t event;
    const char *path;      /* as the user would name it: "dir/sub/file.log" */
    bool explicit_path;    /* named on the command line rather than found by walking */
    const char *message;   /* for ERROR/LOOP/SKIPPED: the reason, e.g. "Permission denied" */
} hush_walk_entry_t;

/* Return non-zero to stop the walk (the value is returned by hush_walk). */
typedef int (*hush_walk_fn)(void *ctx, const hush_walk_entry_t *entry);

/* Visits every path in order; directories in sorted name order, so output is
 * the same from run to run.  No paths: one HUSH_WALK_STDIN event. */
int hush_walk(const char *const *paths, size_t path_count, const hush_walk_options_t *options,
              hush_walk_fn visit, void *ctx);

#endif
