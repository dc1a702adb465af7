/*
 * Input sources: a file or stdin, gzip decompressed transparently.
 *
 * Memory is fixed whatever the input: one read buffer for raw (compressed)
 * bytes, one small buffer for the binary sniff, and zlib's own state.  Inflate
 * writes straight into the caller's buffer, so a gzip bomb costs no memory,
 * only time.
 *
 * Errors are sticky and delayed: bytes already decoded when something goes
 * wrong are returned first, the error on the next call and every call after.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "error_internal.h"
#include "hush.h"

/* Raw bytes read from the descriptor per read(2). */
#define HUSHI_SOURCE_READ_BUFFER (256u * 1024u)
/* Longest "<fd N>" name. */
#define HUSHI_SOURCE_FD_NAME_MAX 32u
/* zlib window bits for "gzip only, largest window". */
#define HUSHI_GZIP_WINDOW_BITS (16 + MAX_WBITS)

static const unsigned char gzip_magic[2] = {0x1f, 0x8b};

typedef enum source_state {
    SOURCE_PLAIN,        /* copying bytes through */
    SOURCE_GZIP_MEMBER,  /* inside a gzip member */
    SOURCE_GZIP_BETWEEN, /* a member ended: another, zero padding or the end follows */
    SOURCE_GZIP_PADDING, /* only zero bytes may follow */
    SOURCE_DONE          /* end of input reported */
} source_state_t;

struct hush_source {
    int fd;
    bool owns_fd;
    char *name;
    hush_source_kind_t kind;
    source_state_t state;

    unsigned char *in;  /* HUSHI_SOURCE_READ_BUFFER raw bytes */
    size_t in_pos;      /* first unconsumed byte */
    size_t in_len;      /* end of valid bytes */
    bool eof;           /* read(2) returned 0 */
    bool regular;       /* a regular file: reads never wait for a writer */

    z_stream zs;
    bool zs_ready;

    /* Decompressed bytes taken by hush_source_is_binary, handed out again
     * by hush_source_read before anything else. */
    unsigned char *peek;
    size_t peek_pos;
    size_t peek_len;
    bool sniffed;
    bool binary;

    hush_status_t error; /* HUSH_OK, or the error every later read returns */
    char error_message[HUSH_ERROR_MAX];
};

/* ---- errors ------------------------------------------------------------- */

/* Records "name: reason" as the sticky error and returns it. */
__attribute__((format(printf, 3, 4))) static hush_status_t
source_fail(hush_source_t *source, hush_status_t status, const char *format, ...)
{
    char reason[HUSH_ERROR_MAX / 2]; /* reasons are short; the path gets the rest */
    va_list args;
    va_start(args, format);
    vsnprintf(reason, sizeof reason, format, args);
    va_end(args);
    snprintf(source->error_message, sizeof source->error_message, "%s: %s", source->name,
             reason);
    source->error = status;
    return status;
}

static hush_status_t source_fail_errno(hush_source_t *source, int errnum)
{
    char text[128];
    /* GNU strerror_r (we build with _GNU_SOURCE): thread-safe, returns the text. */
    return source_fail(source, HUSH_ERR_IO, "%s", strerror_r(errnum, text, sizeof text));
}

/* ---- raw input ---------------------------------------------------------- */

/* Waits until a non-blocking descriptor (an inherited O_NONBLOCK stdin) has data. */
static int wait_readable(int fd)
{
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    int rc;
    do {
        rc = poll(&pfd, 1, -1);
    } while (rc < 0 && errno == EINTR);
    return rc < 0 ? -1 : 0;
}

/* One read(2), retried on EINTR and EAGAIN.  Returns bytes read, 0 at end, -1
 * with errno set. */
static ssize_t read_some(int fd, void *buffer, size_t capacity)
{
    for (;;) {
        ssize_t n = read(fd, buffer, capacity);
        if (n >= 0)
            return n;
        if (errno == EINTR)
            continue;
        if ((errno == EAGAIN || errno == EWOULDBLOCK) && wait_readable(fd) == 0)
            continue;
        return -1;
    }
}

/* Moves unconsumed raw bytes to the front and reads more after them. */
static hush_status_t refill(hush_source_t *source)
{
    if (source->eof)
        return HUSH_OK;
    if (source->in_pos > 0) {
        memmove(source->in, source->in + source->in_pos, source->in_len - source->in_pos);
        source->in_len -= source->in_pos;
        source->in_pos = 0;
    }
    if (source->in_len == HUSHI_SOURCE_READ_BUFFER)
        return HUSH_OK;
    ssize_t n = read_some(source->fd, source->in + source->in_len,
                          HUSHI_SOURCE_READ_BUFFER - source->in_len);
    if (n < 0)
        return source_fail_errno(source, errno);
    if (n == 0)
        source->eof = true;
    source->in_len += (size_t)n;
    return HUSH_OK;
}

static size_t raw_available(const hush_source_t *source)
{
    return source->in_len - source->in_pos;
}

/* Reads until at least `want` raw bytes are buffered or the input ends. */
static hush_status_t fill_at_least(hush_source_t *source, size_t want)
{
    while (raw_available(source) < want && !source->eof) {
        hush_status_t status = refill(source);
        if (status != HUSH_OK)
            return status;
    }
    return HUSH_OK;
}

static bool starts_with_gzip_magic(const hush_source_t *source)
{
    return raw_available(source) >= sizeof gzip_magic &&
           memcmp(source->in + source->in_pos, gzip_magic, sizeof gzip_magic) == 0;
}

/* ---- plain ------------------------------------------------------------ */

static hush_status_t read_plain(hush_source_t *source, unsigned char *buffer, size_t capacity,
                                size_t *size)
{
    /* Bytes buffered while detecting the format go out first. */
    size_t buffered = raw_available(source);
    if (buffered > 0) {
        size_t n = buffered < capacity ? buffered : capacity;
        memcpy(buffer, source->in + source->in_pos, n);
        source->in_pos += n;
        *size = n;
        return HUSH_OK;
    }
    if (source->eof) {
        source->state = SOURCE_DONE;
        return HUSH_OK;
    }
    /* One read(2) straight into the caller's buffer: no copy, and a pipe's
     * bytes are handed on as soon as they arrive (tail -f | hush). */
    ssize_t n = read_some(source->fd, buffer, capacity);
    if (n < 0)
        return source_fail_errno(source, errno);
    if (n == 0) {
        source->eof = true;
        source->state = SOURCE_DONE;
    }
    *size = (size_t)n;
    return HUSH_OK;
}

/* ---- gzip ------------------------------------------------------------- */

/* Decides what follows the end of a member.  Like gzip(1), zero padding after
 * the last member is accepted (tape blocks); anything else that is not a new
 * member is refused rather than silently dropped. */
static hush_status_t gzip_after_member(hush_source_t *source)
{
    hush_status_t status = fill_at_least(source, sizeof gzip_magic);
    if (status != HUSH_OK)
        return status;
    if (raw_available(source) == 0) {
        source->state = SOURCE_DONE;
        return HUSH_OK;
    }
    if (starts_with_gzip_magic(source)) {
        if (inflateReset(&source->zs) != Z_OK)
            return source_fail(source, HUSH_ERR_FORMAT, "cannot restart gzip decoder");
        source->state = SOURCE_GZIP_MEMBER;
        return HUSH_OK;
    }
    if (source->in[source->in_pos] == 0) {
        source->state = SOURCE_GZIP_PADDING;
        return HUSH_OK;
    }
    return source_fail(source, HUSH_ERR_FORMAT, "trailing data after gzip stream");
}

static hush_status_t gzip_skip_padding(hush_source_t *source)
{
    for (;;) {
        while (source->in_pos < source->in_len) {
            if (source->in[source->in_pos] != 0)
                return source_fail(source, HUSH_ERR_FORMAT, "trailing data after gzip stream");
            source->in_pos++;
        }
        if (source->eof) {
            source->state = SOURCE_DONE;
            return HUSH_OK;
        }
        hush_status_t status = refill(source);
        if (status != HUSH_OK)
            return status;
    }
}

/* Inflates into buffer until some output exists, the member ends or an error
 * happens.  *size counts the bytes written even when an error is returned. */
static hush_status_t gzip_inflate(hush_source_t *source, unsigned char *buffer, size_t capacity,
                                  size_t *size)
{
    z_stream *zs = &source->zs;
    /* avail_out is a uInt: a larger capacity is simply used in part. */
    uInt out_capacity = capacity > UINT_MAX ? UINT_MAX : (uInt)capacity;
    zs->next_out = buffer;
    zs->avail_out = out_capacity;
    for (;;) {
        if (raw_available(source) == 0 && !source->eof) {
            hush_status_t status = refill(source);
            if (status != HUSH_OK)
                return status;
        }
        zs->next_in = source->in + source->in_pos;
        zs->avail_in = (uInt)raw_available(source);
        int rc = inflate(zs, Z_NO_FLUSH);
        source->in_pos = (size_t)(zs->next_in - source->in);
        *size = out_capacity - zs->avail_out;
        switch (rc) {
        case Z_STREAM_END:
            source->state = SOURCE_GZIP_BETWEEN;
            return HUSH_OK;
        case Z_OK:
        case Z_BUF_ERROR:
            if (*size > 0)
                return HUSH_OK;
            if (raw_available(source) == 0 && source->eof)
                return source_fail(source, HUSH_ERR_FORMAT, "truncated gzip data");
            break;
        case Z_MEM_ERROR:
            return source_fail(source, HUSH_ERR_NOMEM, "out of memory in gzip decoder");
        default: /* Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR */
            return source_fail(source, HUSH_ERR_FORMAT, "corrupt gzip data (%s)",
                               zs->msg ? zs->msg : "invalid stream");
        }
    }
}

static hush_status_t read_gzip(hush_source_t *source, unsigned char *buffer, size_t capacity,
                               size_t *size)
{
    for (;;) {
        hush_status_t status = HUSH_OK;
        switch (source->state) {
        case SOURCE_GZIP_MEMBER:
            status = gzip_inflate(source, buffer, capacity, size);
            if (*size > 0)
                return HUSH_OK; /* an error stays recorded for the next call */
            break;
        case SOURCE_GZIP_BETWEEN:
            status = gzip_after_member(source);
            break;
        case SOURCE_GZIP_PADDING:
            status = gzip_skip_padding(source);
            break;
        default:
            return HUSH_OK;
        }
        if (status != HUSH_OK)
            return status;
    }
}

/* ---- reading ---------------------------------------------------------- */

/* Produces the next decompressed bytes, ignoring the peek buffer. */
static hush_status_t read_content(hush_source_t *source, unsigned char *buffer, size_t capacity,
                                  size_t *size)
{
    *size = 0;
    if (source->error != HUSH_OK)
        return source->error;
    if (source->state == SOURCE_DONE)
        return HUSH_OK;
    if (source->state == SOURCE_PLAIN)
        return read_plain(source, buffer, capacity, size);
    return read_gzip(source, buffer, capacity, size);
}

hush_status_t hush_source_read(hush_source_t *source, void *buffer, size_t capacity,
                               size_t *size, hush_error_t *err)
{
    if (size)
        *size = 0;
    if (!source || !buffer || capacity == 0 || !size) {
        hushi_error_set(err, "hush_source_read: invalid argument");
        return HUSH_ERR_ARGUMENT;
    }
    if (source->peek_pos < source->peek_len) {
        size_t left = source->peek_len - source->peek_pos;
        size_t n = left < capacity ? left : capacity;
        memcpy(buffer, source->peek + source->peek_pos, n);
        source->peek_pos += n;
        *size = n;
        return HUSH_OK;
    }
    hush_status_t status = read_content(source, buffer, capacity, size);
    if (*size > 0)
        return HUSH_OK;
    if (status != HUSH_OK)
        hushi_error_set(err, "%s", source->error_message);
    return status;
}

hush_status_t hush_source_is_binary(hush_source_t *source, bool *binary, hush_error_t *err)
{
    if (!source || !binary) {
        hushi_error_set(err, "hush_source_is_binary: invalid argument");
        return HUSH_ERR_ARGUMENT;
    }
    if (!source->sniffed) {
        source->peek = malloc(HUSH_BINARY_SNIFF);
        if (!source->peek) {
            hushi_error_set(err, "%s: out of memory", source->name);
            return HUSH_ERR_NOMEM;
        }
        while (source->peek_len < HUSH_BINARY_SNIFF) {
            size_t n = 0;
            read_content(source, source->peek + source->peek_len,
                         HUSH_BINARY_SNIFF - source->peek_len, &n);
            if (n == 0)
                break; /* end, or an error that reads report after these bytes */
            source->peek_len += n;
            /* On a pipe or terminal, waiting for a full sniff would hold back
             * lines already written (tail -f | hush): judge what arrived. */
            if (!source->regular)
                break;
        }
        source->binary = memchr(source->peek, 0, source->peek_len) != NULL;
        source->sniffed = true;
    }
    /* With nothing peeked there is no byte to hand out first: say it now. */
    if (source->peek_len == source->peek_pos && source->error != HUSH_OK) {
        hushi_error_set(err, "%s", source->error_message);
        return source->error;
    }
    *binary = source->binary;
    return HUSH_OK;
}

hush_source_kind_t hush_source_kind(const hush_source_t *source)
{
    return source ? source->kind : HUSH_SOURCE_PLAIN;
}

/* ---- opening ---------------------------------------------------------- */

static hush_status_t detect_format(hush_source_t *source)
{
    hush_status_t status = fill_at_least(source, sizeof gzip_magic);
    if (status != HUSH_OK)
        return status;
    if (!starts_with_gzip_magic(source)) {
        source->kind = HUSH_SOURCE_PLAIN;
        source->state = SOURCE_PLAIN;
        return HUSH_OK;
    }
    if (inflateInit2(&source->zs, HUSHI_GZIP_WINDOW_BITS) != Z_OK)
        return source_fail(source, HUSH_ERR_NOMEM, "cannot start gzip decoder");
    source->zs_ready = true;
    source->kind = HUSH_SOURCE_GZIP;
    source->state = SOURCE_GZIP_MEMBER;
    return HUSH_OK;
}

/* Builds the handle around fd; on failure fd is left to the caller. */
static hush_status_t source_create(int fd, const char *name, hush_source_t **out,
                                   hush_error_t *err)
{
    hush_source_t *source = calloc(1, sizeof *source);
    if (!source) {
        hushi_error_set(err, "out of memory");
        return HUSH_ERR_NOMEM;
    }
    source->fd = fd;
    source->name = strdup(name);
    source->in = malloc(HUSHI_SOURCE_READ_BUFFER);
    if (!source->name || !source->in) {
        free(source->name);
        free(source->in);
        free(source);
        hushi_error_set(err, "%s: out of memory", name);
        return HUSH_ERR_NOMEM;
    }
    *out = source;
    return HUSH_OK;
}

/* A directory opens fine on Linux and fails only at read(2): refuse it here
 * so the message names the real problem. */
static hush_status_t check_not_directory(hush_source_t *source)
{
    struct stat st;
    if (fstat(source->fd, &st) != 0)
        return source_fail_errno(source, errno);
    if (S_ISDIR(st.st_mode))
        return source_fail_errno(source, EISDIR);
    source->regular = S_ISREG(st.st_mode);
    return HUSH_OK;
}

static hush_status_t source_start(hush_source_t *source, hush_source_t **out, hush_error_t *err)
{
    hush_status_t status = check_not_directory(source);
    if (status == HUSH_OK)
        status = detect_format(source);
    if (status != HUSH_OK) {
        hushi_error_set(err, "%s", source->error_message);
        hush_source_destroy(source);
        return status;
    }
    *out = source;
    return HUSH_OK;
}

static int open_retrying(const char *path)
{
    int fd;
    do {
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

hush_status_t hush_source_open(const char *path, hush_source_t **out, hush_error_t *err)
{
    if (!out) {
        hushi_error_set(err, "hush_source_open: invalid argument");
        return HUSH_ERR_ARGUMENT;
    }
    *out = NULL;
    if (!path || strcmp(path, "-") == 0)
        return hush_source_open_fd(STDIN_FILENO, "<stdin>", out, err);

    int fd = open_retrying(path);
    if (fd < 0) {
        char text[128];
        int errnum = errno;
        hushi_error_set(err, "%s: %s", path, strerror_r(errnum, text, sizeof text));
        return errnum == ENOMEM ? HUSH_ERR_NOMEM : HUSH_ERR_IO;
    }
    hush_source_t *source = NULL;
    hush_status_t status = source_create(fd, path, &source, err);
    if (status != HUSH_OK) {
        close(fd);
        return status;
    }
    source->owns_fd = true;
    return source_start(source, out, err);
}

hush_status_t hush_source_open_fd(int fd, const char *name, hush_source_t **out,
                                  hush_error_t *err)
{
    if (!out || fd < 0) {
        hushi_error_set(err, "hush_source_open_fd: invalid argument");
        return HUSH_ERR_ARGUMENT;
    }
    *out = NULL;
    char fd_name[HUSHI_SOURCE_FD_NAME_MAX];
    if (!name) {
        if (fd == STDIN_FILENO)
            name = "<stdin>";
        else {
            snprintf(fd_name, sizeof fd_name, "<fd %d>", fd);
            name = fd_name;
        }
    }
    hush_source_t *source = NULL;
    hush_status_t status = source_create(fd, name, &source, err);
    if (status != HUSH_OK)
        return status;
    return source_start(source, out, err);
}

void hush_source_destroy(hush_source_t *source)
{
    if (!source)
        return;
    if (source->zs_ready)
        inflateEnd(&source->zs);
    if (source->owns_fd)
        close(source->fd);
    free(source->peek);
    free(source->in);
    free(source->name);
    free(source);
}
