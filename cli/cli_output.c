/*
 * Redacted output: stdout, a mirror tree (--out-dir) or the file itself
 * (--in-place).  CLI-only; uses the public API and zlib.
 *
 * Files are never written in place.  Bytes go to a temporary file next to the
 * target (same directory, so same file system and rename is atomic), which is
 * fsync'ed and then renamed over the target.  The rename is the only step that
 * changes the target, so a crash or SIGKILL at any moment leaves the original
 * intact; at worst a stray ".<name>.hush-XXXXXX" file remains.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cli_output.h"

/* Bytes collected before one write(2): large enough that a pipe to `tee` or a
 * file costs a handful of system calls per megabyte. */
#define CLI_OUTPUT_BUFFER_SIZE (256u << 10)
/* zlib's avail_in is 32-bit: larger writes are fed in pieces of this size. */
#define CLI_OUTPUT_GZIP_CHUNK (1u << 30)
#define CLI_OUTPUT_GZIP_LEVEL 6
#define CLI_OUTPUT_GZIP_MEM_LEVEL 8
/* Appended to ".<base>" to name the temporary file; mkstemp fills the X's. */
#define CLI_OUTPUT_TEMP_SUFFIX ".hush-XXXXXX"
/* Name used under --out-dir for standard input. */
#define CLI_OUTPUT_STDIN_NAME "stdin"
#define CLI_OUTPUT_STDOUT_LABEL "<stdout>"
/* Mode of a mirrored copy of standard input (there is no source mode to copy). */
#define CLI_OUTPUT_STDIN_MODE 0644

/* ---- registry of temporary files (for the signal handler) --------------- */

/*
 * A signal handler cannot take locks or call malloc, so the temporaries live
 * in fixed slots whose state is a lock-free atomic.  A slot is claimed with a
 * compare-and-swap (several threads may open outputs at once), filled, then
 * published as ACTIVE; the handler only reads ACTIVE slots and calls unlink.
 * This is the one piece of global state in the CLI output module.
 */
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "signal handler needs lock-free atomics");

enum { SLOT_FREE = 0, SLOT_CLAIMED, SLOT_ACTIVE };

static _Atomic int temp_slot_state[CLI_OUTPUT_MAX_TEMPORARIES];
static char temp_slot_path[CLI_OUTPUT_MAX_TEMPORARIES][PATH_MAX];

static int temp_slot_claim(void)
{
    for (int i = 0; i < CLI_OUTPUT_MAX_TEMPORARIES; i++) {
        int expected = SLOT_FREE;
        if (atomic_compare_exchange_strong(&temp_slot_state[i], &expected, SLOT_CLAIMED))
            return i;
    }
    return -1;
}

static void temp_slot_publish(int slot, const char *path)
{
    memcpy(temp_slot_path[slot], path, strlen(path) + 1);
    atomic_store(&temp_slot_state[slot], SLOT_ACTIVE);
}

static void temp_slot_release(int slot)
{
    if (slot >= 0)
        atomic_store(&temp_slot_state[slot], SLOT_FREE);
}

void cli_output_remove_temporaries(void)
{
    for (int i = 0; i < CLI_OUTPUT_MAX_TEMPORARIES; i++) {
        if (atomic_load(&temp_slot_state[i]) == SLOT_ACTIVE)
            unlink(temp_slot_path[i]);
    }
}

/* ---- the output handle -------------------------------------------------- */

typedef enum output_kind { OUTPUT_STDOUT, OUTPUT_FILE } output_kind_t;

struct cli_output {
    output_kind_t kind;
    int fd;
    unsigned char *buffer; /* CLI_OUTPUT_BUFFER_SIZE bytes waiting for write(2) */
    size_t used;
    bool gzip;
    z_stream zs;
    bool failed;           /* a write failed: later writes are refused */
    bool broken_pipe;
    hush_status_t status;  /* first failure, reported by close */
    char message[HUSH_ERROR_MAX];
    int temp_slot;         /* registry slot of `temp`, or -1 */
    char name[PATH_MAX];   /* the path named in messages */
    char target[PATH_MAX]; /* the file the rename replaces */
    char temp[PATH_MAX];
    char backup[PATH_MAX]; /* "" without --backup */
};

__attribute__((format(printf, 3, 4)))
static hush_status_t error_set(hush_error_t *err, hush_status_t status, const char *format, ...)
{
    if (err) {
        va_list args;
        va_start(args, format);
        vsnprintf(err->message, sizeof err->message, format, args);
        va_end(args);
    }
    return status;
}

/* Keeps the first failure only: later ones are usually consequences. */
__attribute__((format(printf, 2, 3)))
static void output_failf(cli_output_t *out, const char *format, ...)
{
    if (out->failed)
        return;
    out->failed = true;
    out->status = HUSH_ERR_IO;
    va_list args;
    va_start(args, format);
    vsnprintf(out->message, sizeof out->message, format, args);
    va_end(args);
}

static void output_fail(cli_output_t *out, int errnum)
{
    output_failf(out, "%s: %s", out->name, strerror(errnum));
}

static hush_status_t output_create(output_kind_t kind, bool gzip, const char *name,
                                   cli_output_t **out, hush_error_t *err)
{
    cli_output_t *o = calloc(1, sizeof *o);
    if (!o || !(o->buffer = malloc(CLI_OUTPUT_BUFFER_SIZE))) {
        free(o);
        return error_set(err, HUSH_ERR_NOMEM, "%s: %s", name, strerror(ENOMEM));
    }
    o->kind = kind;
    o->fd = -1;
    o->temp_slot = -1;
    snprintf(o->name, sizeof o->name, "%s", name);
    if (gzip) {
        if (deflateInit2(&o->zs, CLI_OUTPUT_GZIP_LEVEL, Z_DEFLATED, 16 + MAX_WBITS,
                         CLI_OUTPUT_GZIP_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) {
            free(o->buffer);
            free(o);
            return error_set(err, HUSH_ERR_NOMEM, "%s: cannot start gzip compression", name);
        }
        o->gzip = true;
    }
    *out = o;
    return HUSH_OK;
}

static void output_free(cli_output_t *out)
{
    if (out->gzip)
        deflateEnd(&out->zs);
    free(out->buffer);
    free(out);
}

/* ---- writing ------------------------------------------------------------ */

/* Waits until a non-blocking descriptor (a stdout someone set O_NONBLOCK on)
 * can take more bytes. */
static void wait_writable(int fd)
{
    struct pollfd p = {.fd = fd, .events = POLLOUT};
    while (poll(&p, 1, -1) < 0 && errno == EINTR) {
    }
}

static bool write_all(cli_output_t *out, const unsigned char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(out->fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                wait_writable(out->fd);
                continue;
            }
            if (errno == EPIPE && out->kind == OUTPUT_STDOUT) {
                /* The reader went away (`hush | head`): stop quietly. */
                out->broken_pipe = true;
                out->failed = true;
                return false;
            }
            output_fail(out, errno);
            return false;
        }
        if (n == 0) {
            output_fail(out, EIO);
            return false;
        }
        data += n;
        size -= (size_t)n;
    }
    return true;
}

static bool output_drain(cli_output_t *out)
{
    size_t used = out->used;
    out->used = 0;
    return write_all(out, out->buffer, used);
}

static bool write_plain(cli_output_t *out, const unsigned char *data, size_t size)
{
    if (size <= CLI_OUTPUT_BUFFER_SIZE - out->used) {
        memcpy(out->buffer + out->used, data, size);
        out->used += size;
        return true;
    }
    if (!output_drain(out))
        return false;
    if (size >= CLI_OUTPUT_BUFFER_SIZE)
        return write_all(out, data, size);
    memcpy(out->buffer, data, size);
    out->used = size;
    return true;
}

/* Runs deflate with `flush` over whatever is in zs.next_in, draining the
 * buffer whenever it fills.  Z_NO_FLUSH stops when the input is consumed;
 * Z_SYNC_FLUSH when deflate leaves room in the buffer; Z_FINISH at the end of
 * the gzip member. */
static bool deflate_run(cli_output_t *out, int flush)
{
    for (;;) {
        if (out->used == CLI_OUTPUT_BUFFER_SIZE && !output_drain(out))
            return false;
        out->zs.next_out = out->buffer + out->used;
        out->zs.avail_out = (uInt)(CLI_OUTPUT_BUFFER_SIZE - out->used);
        int rc = deflate(&out->zs, flush);
        out->used = CLI_OUTPUT_BUFFER_SIZE - out->zs.avail_out;
        if (rc == Z_STREAM_ERROR) {
            output_failf(out, "%s: gzip compression failed", out->name);
            return false;
        }
        if (flush == Z_FINISH) {
            if (rc == Z_STREAM_END)
                return true;
        } else if (flush == Z_NO_FLUSH) {
            if (out->zs.avail_in == 0)
                return true;
        } else if (out->zs.avail_out != 0) {
            return true;
        }
    }
}

static bool write_gzip(cli_output_t *out, const unsigned char *data, size_t size)
{
    while (size > 0) {
        size_t chunk = size < CLI_OUTPUT_GZIP_CHUNK ? size : CLI_OUTPUT_GZIP_CHUNK;
        /* zlib's next_in is not const-qualified but is only read. */
        out->zs.next_in = (Bytef *)(uintptr_t)data;
        out->zs.avail_in = (uInt)chunk;
        if (!deflate_run(out, Z_NO_FLUSH))
            return false;
        data += chunk;
        size -= chunk;
    }
    return true;
}

int cli_output_write(void *ctx, const void *data, size_t size)
{
    cli_output_t *out = ctx;
    if (!out || out->failed)
        return -1;
    if (size == 0)
        return 0;
    bool ok = out->gzip ? write_gzip(out, data, size) : write_plain(out, data, size);
    return ok ? 0 : -1;
}

static hush_status_t report_failure(const cli_output_t *out, hush_error_t *err)
{
    if (out->broken_pipe)
        return HUSH_OK;
    return error_set(err, out->status, "%s", out->message);
}

hush_status_t cli_output_flush(cli_output_t *out, hush_error_t *err)
{
    if (!out)
        return error_set(err, HUSH_ERR_ARGUMENT, "output: no handle");
    if (out->failed)
        return report_failure(out, err);
    if (out->gzip && !deflate_run(out, Z_SYNC_FLUSH))
        return report_failure(out, err);
    if (!output_drain(out))
        return report_failure(out, err);
    return HUSH_OK;
}

bool cli_output_broken_pipe(const cli_output_t *out) { return out && out->broken_pipe; }

const char *cli_output_message(const cli_output_t *out)
{
    return out && out->failed ? out->message : "";
}

/* ---- opening ------------------------------------------------------------ */

hush_status_t cli_output_open_stdout(cli_output_t **out, hush_error_t *err)
{
    if (!out)
        return error_set(err, HUSH_ERR_ARGUMENT, "%s: no handle", CLI_OUTPUT_STDOUT_LABEL);
    *out = NULL;
    cli_output_t *o;
    hush_status_t status = output_create(OUTPUT_STDOUT, false, CLI_OUTPUT_STDOUT_LABEL, &o, err);
    if (status != HUSH_OK)
        return status;
    o->fd = STDOUT_FILENO;
    *out = o;
    return HUSH_OK;
}

__attribute__((format(printf, 3, 4)))
static bool path_format(char *dst, size_t capacity, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int n = vsnprintf(dst, capacity, format, args);
    va_end(args);
    return n >= 0 && (size_t)n < capacity;
}

/* Splits `path` into its directory ("." when there is none) and base name. */
static void path_split(const char *path, char *dir, size_t dir_capacity, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(dir, dir_capacity, ".");
        *base = path;
    } else if (slash == path) {
        snprintf(dir, dir_capacity, "/");
        *base = slash + 1;
    } else {
        snprintf(dir, dir_capacity, "%.*s", (int)(slash - path), path);
        *base = slash + 1;
    }
}

/* Creates ".<base>.hush-XXXXXX" next to out->target and registers it, so a
 * signal handler can remove it. */
static hush_status_t temp_create(cli_output_t *out, hush_error_t *err)
{
    char dir[PATH_MAX];
    const char *base;
    path_split(out->target, dir, sizeof dir, &base);
    /* Keep the temporary name within NAME_MAX however long the base is. */
    int base_max = (int)(NAME_MAX - 1 - (sizeof CLI_OUTPUT_TEMP_SUFFIX - 1));
    if (!path_format(out->temp, sizeof out->temp, "%s/.%.*s" CLI_OUTPUT_TEMP_SUFFIX, dir,
                     base_max, base))
        return error_set(err, HUSH_ERR_LIMIT, "%s: path longer than %d bytes", out->name,
                         PATH_MAX - 1);
    int slot = temp_slot_claim();
    if (slot < 0)
        return error_set(err, HUSH_ERR_LIMIT, "%s: more than %d output files open at once",
                         out->name, CLI_OUTPUT_MAX_TEMPORARIES);
    out->fd = mkostemp(out->temp, O_CLOEXEC);
    if (out->fd < 0) {
        int saved = errno;
        temp_slot_release(slot);
        out->temp[0] = '\0';
        return error_set(err, HUSH_ERR_IO, "%s: cannot create a temporary file in %s: %s",
                         out->name, dir, strerror(saved));
    }
    temp_slot_publish(slot, out->temp);
    out->temp_slot = slot;
    return HUSH_OK;
}

/* Removes the temporary file and forgets it; the target is not touched. */
static void temp_discard(cli_output_t *out)
{
    if (out->fd >= 0) {
        close(out->fd);
        out->fd = -1;
    }
    if (out->temp[0])
        unlink(out->temp);
    out->temp[0] = '\0';
    temp_slot_release(out->temp_slot);
    out->temp_slot = -1;
}

/* Gives the temporary file the original's owner and mode.  Without the right
 * to chown (not root), the file stays ours, and then setuid/setgid bits are
 * dropped rather than handed to a different owner (as cp -p does). */
static hush_status_t temp_copy_attributes(cli_output_t *out, const struct stat *st,
                                          hush_error_t *err)
{
    mode_t mode = st->st_mode & 07777;
    if (fchown(out->fd, st->st_uid, st->st_gid) != 0) {
        if (errno != EPERM)
            return error_set(err, HUSH_ERR_IO, "%s: cannot set owner: %s", out->name,
                             strerror(errno));
        mode &= ~(mode_t)(S_ISUID | S_ISGID);
    }
    if (fchmod(out->fd, mode) != 0)
        return error_set(err, HUSH_ERR_IO, "%s: cannot set mode: %s", out->name,
                         strerror(errno));
    return HUSH_OK;
}

static bool is_stdin_name(const char *path)
{
    return !path || strcmp(path, "-") == 0 || strcmp(path, "<stdin>") == 0;
}

hush_status_t cli_output_open_in_place(const char *path, const char *backup_suffix, bool gzip,
                                       cli_output_t **out, hush_error_t *err)
{
    if (!out)
        return error_set(err, HUSH_ERR_ARGUMENT, "%s: no handle", path ? path : "-");
    *out = NULL;
    if (is_stdin_name(path))
        return error_set(err, HUSH_ERR_ARGUMENT, "%s: --in-place needs a file, not stdin",
                         path ? path : "-");
    if (backup_suffix && !backup_suffix[0])
        return error_set(err, HUSH_ERR_ARGUMENT, "%s: empty backup suffix", path);

    cli_output_t *o;
    hush_status_t status = output_create(OUTPUT_FILE, gzip, path, &o, err);
    if (status != HUSH_OK)
        return status;

    /* Through a symbolic link, the file it points to is redacted and the link
     * kept; renaming over the link would replace it with a plain file. */
    struct stat st;
    bool ok = lstat(path, &st) == 0;
    if (ok && S_ISLNK(st.st_mode))
        ok = realpath(path, o->target) != NULL && stat(o->target, &st) == 0;
    else if (ok)
        snprintf(o->target, sizeof o->target, "%s", path);
    if (!ok)
        status = error_set(err, HUSH_ERR_IO, "%s: %s", path, strerror(errno));
    else if (!S_ISREG(st.st_mode))
        status = error_set(err, HUSH_ERR_ARGUMENT, "%s: not a regular file", path);
    else if (backup_suffix &&
             !path_format(o->backup, sizeof o->backup, "%s%s", o->target, backup_suffix))
        status = error_set(err, HUSH_ERR_LIMIT, "%s: backup path longer than %d bytes", path,
                           PATH_MAX - 1);
    else if (o->backup[0] && access(o->backup, F_OK) == 0)
        /* Checked now so no time is spent redacting; link() checks again. */
        status = error_set(err, HUSH_ERR_IO, "%s: backup exists: %s", path, o->backup);
    if (status == HUSH_OK)
        status = temp_create(o, err);
    if (status == HUSH_OK)
        status = temp_copy_attributes(o, &st, err);
    if (status != HUSH_OK) {
        temp_discard(o);
        output_free(o);
        return status;
    }
    *out = o;
    return HUSH_OK;
}

/* ---- mirror ------------------------------------------------------------- */

/* Appends the components of `rel` to dst (which holds out_dir), dropping
 * empty and "." components so "./a//b" and "/a/b" both land at DIR/a/b. */
static bool mirror_append(char *dst, size_t capacity, const char *rel)
{
    size_t len = strlen(dst);
    while (len > 1 && dst[len - 1] == '/')
        dst[--len] = '\0';
    while (*rel) {
        size_t n = strcspn(rel, "/");
        if (n > 0 && !(n == 1 && rel[0] == '.')) {
            if (len + 1 + n >= capacity)
                return false;
            if (dst[len - 1] != '/') /* out_dir "/" */
                dst[len++] = '/';
            memcpy(dst + len, rel, n);
            len += n;
            dst[len] = '\0';
        }
        rel += n;
        rel += *rel == '/';
    }
    return true;
}

static bool has_dotdot(const char *path)
{
    for (const char *p = path; (p = strstr(p, "..")) != NULL; p += 2) {
        bool starts = p == path || p[-1] == '/';
        bool ends = p[2] == '\0' || p[2] == '/';
        if (starts && ends)
            return true;
    }
    return false;
}

/* out_dir/path for a mirrored copy.  A path with ".." would climb out of
 * out_dir, so it is placed by its real absolute path instead. */
static hush_status_t mirror_target(cli_output_t *o, const char *out_dir, const char *path,
                                   hush_error_t *err)
{
    char resolved[PATH_MAX];
    const char *rel = path;
    if (is_stdin_name(path)) {
        rel = CLI_OUTPUT_STDIN_NAME;
    } else if (has_dotdot(path)) {
        if (!realpath(path, resolved))
            return error_set(err, HUSH_ERR_IO, "%s: %s", path, strerror(errno));
        rel = resolved;
    }
    if (!path_format(o->target, sizeof o->target, "%s", out_dir) ||
        !mirror_append(o->target, sizeof o->target, rel))
        return error_set(err, HUSH_ERR_LIMIT, "%s: output path longer than %d bytes",
                         path ? path : "-", PATH_MAX - 1);
    if (strcmp(o->target, out_dir) == 0)
        return error_set(err, HUSH_ERR_ARGUMENT, "%s: no file name to mirror", path);
    return HUSH_OK;
}

/* mkdir -p of the directory holding `file`; new directories get 0777 less
 * the umask, as mkdir(1) gives them. */
static hush_status_t make_parents(const char *name, const char *file, hush_error_t *err)
{
    char dir[PATH_MAX];
    const char *base;
    path_split(file, dir, sizeof dir, &base);
    for (char *p = dir + 1;; p++) {
        bool end = *p == '\0';
        if (*p == '/' || end) {
            *p = '\0';
            if (mkdir(dir, 0777) != 0 && errno != EEXIST)
                return error_set(err, HUSH_ERR_IO, "%s: cannot create directory %s: %s", name,
                                 dir, strerror(errno));
            if (end)
                break;
            *p = '/';
        }
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return error_set(err, HUSH_ERR_IO, "%s: %s: %s", name, dir, strerror(ENOTDIR));
    return HUSH_OK;
}

static hush_status_t mirror_prepare(cli_output_t *o, const char *path, mode_t *mode,
                                    hush_error_t *err)
{
    struct stat src, dst;
    *mode = CLI_OUTPUT_STDIN_MODE;
    if (is_stdin_name(path))
        return HUSH_OK;
    if (stat(path, &src) != 0)
        return error_set(err, HUSH_ERR_IO, "%s: %s", path, strerror(errno));
    /* Same permission bits as the input: a private log stays private. */
    *mode = src.st_mode & 0777;
    if (stat(o->target, &dst) == 0 && dst.st_dev == src.st_dev && dst.st_ino == src.st_ino)
        return error_set(err, HUSH_ERR_ARGUMENT, "%s: output would overwrite the input", path);
    return HUSH_OK;
}

hush_status_t cli_output_open_mirror(const char *out_dir, const char *path, bool gzip,
                                     cli_output_t **out, hush_error_t *err)
{
    if (!out || !out_dir || !out_dir[0])
        return error_set(err, HUSH_ERR_ARGUMENT, "%s: no output directory", path ? path : "-");
    *out = NULL;
    cli_output_t *o;
    hush_status_t status = output_create(OUTPUT_FILE, gzip, path ? path : "-", &o, err);
    if (status != HUSH_OK)
        return status;
    mode_t mode = 0;
    status = mirror_target(o, out_dir, path, err);
    if (status == HUSH_OK)
        status = mirror_prepare(o, path, &mode, err);
    /* From here on, messages name the file being written. */
    snprintf(o->name, sizeof o->name, "%s", o->target);
    if (status == HUSH_OK)
        status = make_parents(o->name, o->target, err);
    if (status == HUSH_OK)
        status = temp_create(o, err);
    if (status == HUSH_OK && fchmod(o->fd, mode) != 0)
        status = error_set(err, HUSH_ERR_IO, "%s: cannot set mode: %s", o->name,
                           strerror(errno));
    if (status != HUSH_OK) {
        temp_discard(o);
        output_free(o);
        return status;
    }
    *out = o;
    return HUSH_OK;
}

/* ---- closing ------------------------------------------------------------ */

/* Makes the rename itself durable.  File systems that cannot sync a
 * directory say EINVAL; there is nothing more to do on those. */
static int sync_directory(const char *file)
{
    char dir[PATH_MAX];
    const char *base;
    path_split(file, dir, sizeof dir, &base);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int rc = fsync(fd) == 0 || errno == EINVAL ? 0 : errno;
    close(fd);
    return rc;
}

/* Everything up to (not including) the rename: all bytes on disk. */
static bool temp_finish(cli_output_t *out)
{
    if (out->gzip && !deflate_run(out, Z_FINISH))
        return false;
    if (!output_drain(out))
        return false;
    if (fsync(out->fd) != 0) {
        output_fail(out, errno);
        return false;
    }
    int fd = out->fd;
    out->fd = -1;
    /* NFS and some FUSE file systems report write errors only here. */
    if (close(fd) != 0) {
        output_fail(out, errno);
        return false;
    }
    return true;
}

static bool backup_link(cli_output_t *out, bool *made)
{
    *made = false;
    if (!out->backup[0])
        return true;
    if (link(out->target, out->backup) != 0) {
        if (errno == EEXIST)
            output_failf(out, "%s: backup exists: %s", out->name, out->backup);
        else
            output_failf(out, "%s: cannot create backup %s: %s", out->name, out->backup,
                         strerror(errno));
        return false;
    }
    *made = true;
    return true;
}

static hush_status_t file_commit(cli_output_t *out, hush_error_t *err)
{
    bool backup_made = false;
    if (!temp_finish(out) || !backup_link(out, &backup_made))
        goto fail;
    if (rename(out->temp, out->target) != 0) {
        output_fail(out, errno);
        /* The backup is a second name of the untouched original: drop it so
         * a retry does not stop at "backup exists". */
        if (backup_made)
            unlink(out->backup);
        goto fail;
    }
    out->temp[0] = '\0';
    temp_slot_release(out->temp_slot);
    out->temp_slot = -1;
    int rc = sync_directory(out->target);
    if (rc != 0)
        return error_set(err, HUSH_ERR_IO, "%s: replaced, but syncing its directory failed: %s",
                         out->name, strerror(rc));
    return HUSH_OK;
fail:
    temp_discard(out);
    return report_failure(out, err);
}

static hush_status_t stdout_close(cli_output_t *out, hush_error_t *err)
{
    /* Standard output is a stream: what was produced before an error still
     * goes out, and fd 1 stays open for whoever writes next. */
    if (!out->failed)
        output_drain(out);
    return out->failed ? report_failure(out, err) : HUSH_OK;
}

hush_status_t cli_output_close(cli_output_t *out, bool commit, hush_error_t *err)
{
    if (!out)
        return HUSH_OK;
    hush_status_t status;
    if (out->kind == OUTPUT_STDOUT) {
        status = stdout_close(out, err);
    } else if (commit && !out->failed) {
        status = file_commit(out, err);
    } else {
        temp_discard(out);
        status = out->failed ? report_failure(out, err) : HUSH_OK;
    }
    output_free(out);
    return status;
}
