/*
 * LD_PRELOAD shim that makes chosen system calls fail, for hush's fault tests.
 *
 *   HUSH_FAULT="write:ENOSPC:3"          fail the 3rd matching write(2)
 *   HUSH_FAULT="write:ENOSPC:3+"         ... and every matching write after it
 *   HUSH_FAULT="fsync:EIO:1,rename:EXDEV:1"   several faults, comma-separated
 *   HUSH_FAULT_PATH=".hush-"             a call matches when its file's path
 *                                        contains this; unset: any fd > 2 (and
 *                                        every rename/link)
 *   HUSH_FAULT_VERBOSE=1                 note each injected fault on stderr
 *   HUSH_FAULT_DELAY_MS=20               sleep before every matching write, so
 *                                        a kill test can catch a run mid-way
 *
 * Calls: write, fsync, fdatasync, close (by the descriptor's path, read from
 * /proc/self/fd), rename, link (by either path).  The error is an errno name
 * (ENOSPC, EIO, EXDEV, EDQUOT, EROFS, EACCES, EPERM, EEXIST, EINTR, EAGAIN,
 * EFBIG, ENOENT) or number; for write, "short" instead writes only half the
 * bytes (at least one) and succeeds, as a full pipe or a signal would.
 *
 * A wrong HUSH_FAULT spec aborts the process with a message: a fault test
 * that silently injects nothing would pass for the wrong reason.
 *
 * Build: gcc -shared -fPIC -o fault_shim.so tests/fault/fault_shim.c -ldl
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define FAULT_MAX_RULES 8
#define FAULT_SPEC_MAX 512
#define FAULT_SHORT (-1) /* pseudo-errno: a short write, no error */

typedef enum fault_call {
    CALL_WRITE,
    CALL_FSYNC,
    CALL_FDATASYNC,
    CALL_CLOSE,
    CALL_RENAME,
    CALL_LINK,
    CALL_COUNT
} fault_call_t;

static const char *const call_names[CALL_COUNT] = {"write", "fsync", "fdatasync",
                                                   "close", "rename", "link"};

typedef struct fault_rule {
    fault_call_t call;
    int error;          /* errno to fail with, or FAULT_SHORT */
    unsigned long nth;  /* 1-based index among matching calls */
    bool onwards;       /* also every later matching call */
} fault_rule_t;

static struct {
    fault_rule_t rules[FAULT_MAX_RULES];
    int rule_count;
    const char *path_filter;
    bool verbose;
    long delay_ms;
    unsigned long seen[CALL_COUNT]; /* matching calls so far, per call */
} fault;

static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_close)(int);
static int (*real_rename)(const char *, const char *);
static int (*real_link)(const char *, const char *);

static const struct {
    const char *name;
    int value;
} errno_names[] = {
    {"ENOSPC", ENOSPC}, {"EIO", EIO},       {"EXDEV", EXDEV},   {"EDQUOT", EDQUOT},
    {"EROFS", EROFS},   {"EACCES", EACCES}, {"EPERM", EPERM},   {"EEXIST", EEXIST},
    {"EINTR", EINTR},   {"EAGAIN", EAGAIN}, {"EFBIG", EFBIG},   {"ENOENT", ENOENT},
    {"short", FAULT_SHORT},
};

/* Raw message to fd 2 through the real write, so it is never itself faulted. */
static void say(const char *text)
{
    if (real_write)
        real_write(STDERR_FILENO, text, strlen(text));
}

static void die(const char *spec, const char *reason)
{
    char message[FAULT_SPEC_MAX + 128];
    snprintf(message, sizeof message, "fault_shim: HUSH_FAULT '%s': %s\n", spec, reason);
    say(message);
    abort();
}

static int parse_error(const char *text, const char *spec)
{
    for (size_t i = 0; i < sizeof errno_names / sizeof errno_names[0]; i++) {
        if (strcmp(text, errno_names[i].name) == 0)
            return errno_names[i].value;
    }
    char *end;
    long value = strtol(text, &end, 10);
    if (*text && !*end && value > 0 && value < 4096)
        return (int)value;
    die(spec, "unknown errno name");
    return 0;
}

static fault_rule_t parse_rule(char *item, const char *spec)
{
    fault_rule_t rule = {0};
    char *call = strtok(item, ":");
    char *error = strtok(NULL, ":");
    char *nth = strtok(NULL, ":");
    if (!call || !error || !nth || strtok(NULL, ":"))
        die(spec, "expected call:ERRNO:N[+]");
    int c = 0;
    while (c < CALL_COUNT && strcmp(call, call_names[c]) != 0)
        c++;
    if (c == CALL_COUNT)
        die(spec, "unknown call (write, fsync, fdatasync, close, rename, link)");
    rule.call = (fault_call_t)c;
    rule.error = parse_error(error, spec);
    if (rule.error == FAULT_SHORT && rule.call != CALL_WRITE)
        die(spec, "'short' applies to write only");
    char *end;
    rule.nth = strtoul(nth, &end, 10);
    rule.onwards = *end == '+';
    if (rule.nth == 0 || (*end && strcmp(end, "+") != 0))
        die(spec, "N must be a positive number, optionally followed by '+'");
    return rule;
}

static void resolve_symbols(void)
{
    real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    real_close = (int (*)(int))dlsym(RTLD_NEXT, "close");
    real_rename = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    real_link = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "link");
}

/* Wrappers may run before the constructor (another library's initializer
 * writing something): resolve the real functions on first use too. */
#define NEED_REAL(fn)                                                                            \
    do {                                                                                         \
        if (!(fn))                                                                               \
            resolve_symbols();                                                                   \
    } while (0)

__attribute__((constructor)) static void fault_init(void)
{
    resolve_symbols();

    const char *spec = getenv("HUSH_FAULT");
    fault.path_filter = getenv("HUSH_FAULT_PATH");
    if (fault.path_filter && !fault.path_filter[0])
        fault.path_filter = NULL;
    fault.verbose = getenv("HUSH_FAULT_VERBOSE") != NULL;
    const char *delay = getenv("HUSH_FAULT_DELAY_MS");
    fault.delay_ms = delay ? strtol(delay, NULL, 10) : 0;
    if (!spec || !spec[0])
        return;
    char copy[FAULT_SPEC_MAX];
    if (strlen(spec) >= sizeof copy)
        die(spec, "too long");
    strcpy(copy, spec);
    char *save = NULL;
    for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        if (fault.rule_count == FAULT_MAX_RULES)
            die(spec, "too many faults");
        fault.rules[fault.rule_count++] = parse_rule(item, spec);
    }
}

static bool path_matches(const char *path)
{
    return !fault.path_filter || (path && strstr(path, fault.path_filter) != NULL);
}

static bool fd_matches(int fd)
{
    if (fd <= STDERR_FILENO)
        return false;
    if (!fault.path_filter)
        return true;
    char link[64], target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0)
        return false;
    target[n] = '\0';
    return path_matches(target);
}

/* The errno to inject for this matching call, or 0 to let it through. */
static int fault_next(fault_call_t call)
{
    unsigned long count = __atomic_add_fetch(&fault.seen[call], 1, __ATOMIC_RELAXED);
    for (int i = 0; i < fault.rule_count; i++) {
        const fault_rule_t *r = &fault.rules[i];
        if (r->call == call && (count == r->nth || (r->onwards && count > r->nth))) {
            if (fault.verbose) {
                char message[128];
                snprintf(message, sizeof message, "fault_shim: %s #%lu -> %s\n",
                         call_names[call], count,
                         r->error == FAULT_SHORT ? "short" : strerrorname_np(r->error));
                say(message);
            }
            return r->error;
        }
    }
    return 0;
}

static bool any_rule_for(fault_call_t call)
{
    for (int i = 0; i < fault.rule_count; i++) {
        if (fault.rules[i].call == call)
            return true;
    }
    return false;
}

ssize_t write(int fd, const void *data, size_t size)
{
    NEED_REAL(real_write);
    if (fault.delay_ms > 0 && fd_matches(fd)) {
        struct timespec pause = {fault.delay_ms / 1000, (fault.delay_ms % 1000) * 1000000L};
        nanosleep(&pause, NULL);
    }
    if (any_rule_for(CALL_WRITE) && fd_matches(fd)) {
        int e = fault_next(CALL_WRITE);
        if (e == FAULT_SHORT && size > 1)
            size /= 2;
        else if (e > 0) {
            errno = e;
            return -1;
        }
    }
    return real_write(fd, data, size);
}

static int fd_call(fault_call_t call, int (*real)(int), int fd)
{
    if (any_rule_for(call) && fd_matches(fd)) {
        int e = fault_next(call);
        if (e > 0) {
            /* A failed close still releases the descriptor (POSIX on Linux). */
            if (call == CALL_CLOSE)
                real(fd);
            errno = e;
            return -1;
        }
    }
    return real(fd);
}

int fsync(int fd)
{
    NEED_REAL(real_fsync);
    return fd_call(CALL_FSYNC, real_fsync, fd);
}

int fdatasync(int fd)
{
    NEED_REAL(real_fdatasync);
    return fd_call(CALL_FDATASYNC, real_fdatasync, fd);
}

int close(int fd)
{
    NEED_REAL(real_close);
    return fd_call(CALL_CLOSE, real_close, fd);
}

static int path_call(fault_call_t call, int (*real)(const char *, const char *),
                     const char *from, const char *to)
{
    if (any_rule_for(call) && (path_matches(from) || path_matches(to))) {
        int e = fault_next(call);
        if (e > 0) {
            errno = e;
            return -1;
        }
    }
    return real(from, to);
}

int rename(const char *from, const char *to)
{
    NEED_REAL(real_rename);
    return path_call(CALL_RENAME, real_rename, from, to);
}

int link(const char *from, const char *to)
{
    NEED_REAL(real_link);
    return path_call(CALL_LINK, real_link, from, to);
}
