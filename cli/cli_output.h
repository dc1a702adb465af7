/*
 * Where redacted text goes: stdout, a mirror tree (--out-dir) or the file
 * itself (--in-place).  Files are written to a temporary name in the target
 * directory, fsync'ed and renamed over the target, so an interrupted run never
 * leaves a partial file and the original stays intact until the rename.
 * Gzip input is written back as gzip.
 *
 * Messages (hush_error_t and cli_output_message) read "path: reason", e.g.
 * "app.log: No space left on device"; the CLI prefixes "hush: ".
 * CLI-only: the temporaries registry is global (see remove_temporaries).
 */
#ifndef CLI_OUTPUT_H
#define CLI_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "hush.h"

typedef struct cli_output cli_output_t;

/* Temporary files that can be open at once (one per output being written;
 * more gives HUSH_ERR_LIMIT at open). */
#define CLI_OUTPUT_MAX_TEMPORARIES 128

/* Redacted bytes to stdout (buffered; flushed by cli_output_flush).  The CLI
 * must ignore SIGPIPE so a vanished reader shows up as EPIPE. */
hush_status_t cli_output_open_stdout(cli_output_t **out, hush_error_t *err);

/* Redacted copy of input `path` at `out_dir`/`path` (relative paths kept,
 * absolute ones placed under out_dir without their leading '/', "-" or NULL
 * as out_dir/stdin, a path with ".." by its real absolute path).  Missing
 * directories are created; the copy gets the input's permission bits.  A
 * target that is the input itself (same device and inode) is refused:
 * "path: output would overwrite the input". */
hush_status_t cli_output_open_mirror(const char *out_dir, const char *path, bool gzip,
                                     cli_output_t **out, hush_error_t *err);

/* Replaces `path` itself; with backup_suffix, the original is kept as
 * path+suffix (hard link made before the rename; an existing one is an error,
 * "path: backup exists: path+suffix").  Mode and owner are kept (owner only
 * when allowed; setuid/setgid are dropped if it cannot be).  Through a
 * symbolic link the file it points to is replaced and the link kept. */
hush_status_t cli_output_open_in_place(const char *path, const char *backup_suffix, bool gzip,
                                       cli_output_t **out, hush_error_t *err);

/* A hush_output_fn: write redacted bytes (ctx is the cli_output_t).  Returns
 * non-zero once a write failed (the failure is kept for close and
 * cli_output_message), so the scanner stops with HUSH_ERR_CALLBACK. */
int cli_output_write(void *ctx, const void *data, size_t size);
/* Writes what is buffered now (for --line-buffered; gzip: a sync flush). */
hush_status_t cli_output_flush(cli_output_t *out, hush_error_t *err);

/* Finishes the file: flush, fsync, (backup link), rename into place, fsync
 * the directory.  Without commit (an error happened), the temporary file is
 * removed and the target untouched.  Any failure, including a write that
 * failed earlier (also when commit is false), is returned as HUSH_ERR_IO with
 * err "path: reason", and the target is untouched.  For stdout, buffered
 * bytes are written (also without commit) and fd 1 stays open.  A broken pipe
 * is not an error here (HUSH_OK, no message): ask cli_output_broken_pipe
 * before closing.  NULL is ignored. */
hush_status_t cli_output_close(cli_output_t *out, bool commit, hush_error_t *err);

/* True once a write failed because the reader went away (EPIPE). */
bool cli_output_broken_pipe(const cli_output_t *out);

/* The first write failure, "path: reason", or "" (also after a broken pipe). */
const char *cli_output_message(const cli_output_t *out);

/* Removes every temporary file still open (for a SIGINT/SIGTERM handler:
 * async-signal-safe, uses only unlink). */
void cli_output_remove_temporaries(void);

#endif
