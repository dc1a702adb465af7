/*
 * Input sources: plain files, stdin, gzip (single, multi-member, damaged),
 * the binary sniff and bounded memory.  Every gzip stream is made here with
 * zlib; the text is generated "hush test" filler, no secrets.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "hush.h"

#define BIG_READ (1u << 20)

typedef struct bytes {
    unsigned char *data;
    size_t size;
} bytes_t;

/* ---- helpers ------------------------------------------------------------ */

static void bytes_append(bytes_t *b, const void *data, size_t size)
{
    b->data = realloc(b->data, b->size + size + 1);
    assert_non_null(b->data);
    if (size)
        memcpy(b->data + b->size, data, size);
    b->size += size;
}

/* Varied text, so the compressed form is not trivially short. */
static bytes_t make_text(size_t size)
{
    bytes_t b = {0};
    char line[128];
    for (size_t i = 0; b.size < size; i++) {
        int n = snprintf(line, sizeof line, "hush test line %zu value %08zx end\n", i,
                         (i * 2654435761u) & 0xffffffffu);
        size_t take = size - b.size < (size_t)n ? size - b.size : (size_t)n;
        bytes_append(&b, line, take);
    }
    return b;
}

static bytes_t gzip_bytes(const void *data, size_t size)
{
    z_stream zs = {0};
    assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
                     Z_OK);
    bytes_t out = {0};
    out.data = malloc(deflateBound(&zs, size) + 64);
    assert_non_null(out.data);
    zs.next_in = (unsigned char *)data;
    zs.avail_in = (uInt)size;
    zs.next_out = out.data;
    zs.avail_out = (uInt)(deflateBound(&zs, size) + 64);
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    out.size = zs.total_out;
    deflateEnd(&zs);
    return out;
}

static char *write_temp(const void *data, size_t size)
{
    char *path = strdup("/tmp/hush-test-source-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, size), (ssize_t)size);
    close(fd);
    return path;
}

static void remove_temp(char *path)
{
    unlink(path);
    free(path);
}

typedef struct read_result {
    bytes_t content;
    hush_status_t status;
    char message[HUSH_ERROR_MAX];
    size_t reads;
} read_result_t;

/* Reads to the end or the first error, `capacity` bytes at a time. */
static read_result_t read_all(hush_source_t *source, size_t capacity)
{
    read_result_t r = {0};
    unsigned char *buffer = malloc(capacity);
    assert_non_null(buffer);
    for (;;) {
        hush_error_t err = {{0}};
        size_t got = 99;
        r.status = hush_source_read(source, buffer, capacity, &got, &err);
        if (r.status != HUSH_OK) {
            assert_int_equal(got, 0);
            snprintf(r.message, sizeof r.message, "%s", err.message);
            break;
        }
        if (got == 0)
            break;
        assert_true(got <= capacity);
        bytes_append(&r.content, buffer, got);
        r.reads++;
    }
    free(buffer);
    return r;
}

static read_result_t read_path(const char *path, size_t capacity, hush_source_kind_t kind)
{
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_OK);
    assert_int_equal(hush_source_kind(source), kind);
    read_result_t r = read_all(source, capacity);
    hush_source_destroy(source);
    return r;
}

static void assert_content(const read_result_t *r, const bytes_t *expected)
{
    assert_int_equal(r->content.size, expected->size);
    if (expected->size)
        assert_memory_equal(r->content.data, expected->data, expected->size);
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("\"%s\" does not contain \"%s\"", haystack, needle);
}

/* ---- plain -------------------------------------------------------------- */

static void test_plain_file(void **state)
{
    bytes_t text = make_text(300000); /* more than one read buffer */
    char *path = write_temp(text.data, text.size);
    read_result_t r = read_path(path, BIG_READ, HUSH_SOURCE_PLAIN);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &text);
    free(r.content.data);
    free(text.data);
    remove_temp(path);
}

static void test_empty_file(void **state)
{
    char *path = write_temp("", 0);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_OK);
    assert_int_equal(hush_source_kind(source), HUSH_SOURCE_PLAIN);
    bool binary = true;
    assert_int_equal(hush_source_is_binary(source, &binary, &err), HUSH_OK);
    assert_false(binary);
    char buffer[16];
    size_t got = 1;
    for (int i = 0; i < 2; i++) { /* end stays the end */
        assert_int_equal(hush_source_read(source, buffer, sizeof buffer, &got, &err), HUSH_OK);
        assert_int_equal(got, 0);
    }
    hush_source_destroy(source);
    remove_temp(path);
}

/* One byte that happens to be the first gzip magic byte is plain text. */
static void test_short_plain_not_gzip(void **state)
{
    const unsigned char one[] = {0x1f};
    bytes_t expected = {(unsigned char *)one, 1};
    char *path = write_temp(one, 1);
    read_result_t r = read_path(path, 8, HUSH_SOURCE_PLAIN);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &expected);
    free(r.content.data);
    remove_temp(path);
}

/* ---- stdin and descriptors -------------------------------------------------- */

/* A pipe already holding `data` (small enough for the pipe buffer), write end closed. */
static int pipe_with(const void *data, size_t size)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], data, size), (ssize_t)size);
    close(fds[1]);
    return fds[0];
}

static void test_pipe_fd(void **state)
{
    bytes_t text = make_text(20000);
    int fd = pipe_with(text.data, text.size);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open_fd(fd, "<stdin>", &source, &err), HUSH_OK);
    assert_int_equal(hush_source_kind(source), HUSH_SOURCE_PLAIN);
    read_result_t r = read_all(source, 4096);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &text);
    hush_source_destroy(source);
    /* The descriptor belongs to the caller: still open after destroy. */
    assert_int_not_equal(fcntl(fd, F_GETFD), -1);
    close(fd);
    free(r.content.data);
    free(text.data);
}

static void test_pipe_fd_gzip(void **state)
{
    bytes_t text = make_text(30000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    assert_true(gz.size < 60000); /* fits the pipe buffer */
    int fd = pipe_with(gz.data, gz.size);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open_fd(fd, "<stdin>", &source, &err), HUSH_OK);
    assert_int_equal(hush_source_kind(source), HUSH_SOURCE_GZIP);
    read_result_t r = read_all(source, 1000);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &text);
    hush_source_destroy(source);
    close(fd);
    free(r.content.data);
    free(gz.data);
    free(text.data);
}

/* NULL and "-" read the process's stdin, named "<stdin>" in messages. */
static void test_stdin_named_in_messages(void **state)
{
    bytes_t text = make_text(5000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    int saved = dup(STDIN_FILENO);
    assert_true(saved >= 0);
    const char *names[] = {NULL, "-"};
    for (size_t i = 0; i < 2; i++) {
        int fd = pipe_with(gz.data, gz.size / 2); /* truncated on purpose */
        assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
        close(fd);
        hush_source_t *source = NULL;
        hush_error_t err = {{0}};
        assert_int_equal(hush_source_open(names[i], &source, &err), HUSH_OK);
        read_result_t r = read_all(source, 4096);
        assert_int_equal(r.status, HUSH_ERR_FORMAT);
        assert_string_equal(r.message, "<stdin>: truncated gzip data");
        hush_source_destroy(source);
        free(r.content.data);
    }
    assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
    close(saved);
    free(gz.data);
    free(text.data);
}

static void noop_handler(int signal_number) { (void)signal_number; }

/* The data arrives late, while a timer keeps interrupting read(2) and, in the
 * second round, the descriptor is non-blocking: both must be waited out. */
static void test_interrupted_and_nonblocking_reads(void **state)
{
    bytes_t text = make_text(20000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    struct sigaction action = {0}, old_action;
    action.sa_handler = noop_handler; /* no SA_RESTART: read(2) fails with EINTR */
    sigemptyset(&action.sa_mask);
    assert_int_equal(sigaction(SIGALRM, &action, &old_action), 0);
    for (int nonblocking = 0; nonblocking < 2; nonblocking++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        if (nonblocking)
            assert_int_equal(fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);
        pid_t child = fork();
        assert_true(child >= 0);
        if (child == 0) {
            close(fds[0]);
            usleep(150 * 1000);
            size_t half = gz.size / 2;
            ssize_t a = write(fds[1], gz.data, half);
            usleep(50 * 1000);
            ssize_t b = write(fds[1], gz.data + half, gz.size - half);
            _exit(a == (ssize_t)half && b == (ssize_t)(gz.size - half) ? 0 : 1);
        }
        close(fds[1]);
        struct itimerval timer = {{0, 5000}, {0, 5000}};
        assert_int_equal(setitimer(ITIMER_REAL, &timer, NULL), 0);
        hush_source_t *source = NULL;
        hush_error_t err = {{0}};
        assert_int_equal(hush_source_open_fd(fds[0], "<stdin>", &source, &err), HUSH_OK);
        read_result_t r = read_all(source, 4096);
        struct itimerval off = {{0, 0}, {0, 0}};
        setitimer(ITIMER_REAL, &off, NULL);
        assert_int_equal(r.status, HUSH_OK);
        assert_content(&r, &text);
        hush_source_destroy(source);
        close(fds[0]);
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR)
            ;
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        free(r.content.data);
    }
    sigaction(SIGALRM, &old_action, NULL);
    free(gz.data);
    free(text.data);
}

static void test_read_error_message(void **state)
{
    char *path = write_temp("hush test\n", 10);
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    /* The format is detected at open, so the failing read shows there. */
    assert_int_equal(hush_source_open_fd(fd, "log.txt", &source, &err), HUSH_ERR_IO);
    assert_null(source);
    assert_string_equal(err.message, "log.txt: Bad file descriptor");
    close(fd);
    remove_temp(path);
}

/* ---- gzip --------------------------------------------------------------- */

static void test_gzip_single_member(void **state)
{
    bytes_t text = make_text(200000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    char *path = write_temp(gz.data, gz.size);
    read_result_t r = read_path(path, BIG_READ, HUSH_SOURCE_GZIP);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &text);
    free(r.content.data);
    free(gz.data);
    free(text.data);
    remove_temp(path);
}

/* Named like plain text, still gzip: the magic bytes decide. */
static void test_gzip_detected_by_magic_not_name(void **state)
{
    bytes_t text = make_text(1000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    char *path = write_temp(gz.data, gz.size); /* no .gz suffix */
    read_result_t r = read_path(path, BIG_READ, HUSH_SOURCE_GZIP);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &text);
    free(r.content.data);
    free(gz.data);
    free(text.data);
    remove_temp(path);
}

static bytes_t two_members(const bytes_t *a, const bytes_t *b)
{
    bytes_t ga = gzip_bytes(a->data, a->size);
    bytes_t gb = gzip_bytes(b->data, b->size);
    bytes_t both = {0};
    bytes_append(&both, ga.data, ga.size);
    bytes_append(&both, gb.data, gb.size);
    free(ga.data);
    free(gb.data);
    return both;
}

static void test_gzip_multi_member(void **state)
{
    bytes_t a = make_text(70000);
    bytes_t b = {0};
    bytes_append(&b, "hush test: second member\n", 25);
    bytes_t gz = two_members(&a, &b);
    bytes_t expected = {0};
    bytes_append(&expected, a.data, a.size);
    bytes_append(&expected, b.data, b.size);
    char *path = write_temp(gz.data, gz.size);
    read_result_t r = read_path(path, BIG_READ, HUSH_SOURCE_GZIP);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &expected);
    free(r.content.data);
    remove_temp(path);

    /* An empty member in between changes nothing. */
    bytes_t empty = gzip_bytes("", 0);
    bytes_t three = {0};
    bytes_t ga = gzip_bytes(a.data, a.size);
    bytes_t gb = gzip_bytes(b.data, b.size);
    bytes_append(&three, ga.data, ga.size);
    bytes_append(&three, empty.data, empty.size);
    bytes_append(&three, gb.data, gb.size);
    path = write_temp(three.data, three.size);
    r = read_path(path, 4096, HUSH_SOURCE_GZIP);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &expected);
    free(r.content.data);
    remove_temp(path);

    free(three.data);
    free(ga.data);
    free(gb.data);
    free(empty.data);
    free(expected.data);
    free(gz.data);
    free(a.data);
    free(b.data);
}

static void test_gzip_zero_padding_accepted(void **state)
{
    bytes_t text = make_text(5000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    unsigned char zeros[1000] = {0};
    bytes_append(&gz, zeros, sizeof zeros);
    char *path = write_temp(gz.data, gz.size);
    read_result_t r = read_path(path, BIG_READ, HUSH_SOURCE_GZIP);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, &text);
    free(r.content.data);
    free(gz.data);
    free(text.data);
    remove_temp(path);
}

static void check_trailing_garbage(const char *garbage, size_t garbage_size)
{
    bytes_t text = make_text(5000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    bytes_append(&gz, garbage, garbage_size);
    char *path = write_temp(gz.data, gz.size);
    read_result_t r = read_path(path, BIG_READ, HUSH_SOURCE_GZIP);
    assert_int_equal(r.status, HUSH_ERR_FORMAT);
    char expected[HUSH_ERROR_MAX];
    snprintf(expected, sizeof expected, "%s: trailing data after gzip stream", path);
    assert_string_equal(r.message, expected);
    assert_content(&r, &text); /* the whole good member came first */
    free(r.content.data);
    free(gz.data);
    free(text.data);
    remove_temp(path);
}

static void test_gzip_trailing_garbage_refused(void **state)
{
    check_trailing_garbage("hush test garbage", 17);
    check_trailing_garbage("\0\0\0x", 4); /* padding that is not all zero */
    check_trailing_garbage("\x1f", 1);    /* half a magic */
}

static void test_gzip_truncated(void **state)
{
    bytes_t text = make_text(400000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    const size_t cuts[] = {gz.size / 2, gz.size - 4 /* only the length lost */, 3};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        char *path = write_temp(gz.data, cuts[i]);
        read_result_t r = read_path(path, 65536, HUSH_SOURCE_GZIP);
        assert_int_equal(r.status, HUSH_ERR_FORMAT);
        char expected[HUSH_ERROR_MAX];
        snprintf(expected, sizeof expected, "%s: truncated gzip data", path);
        assert_string_equal(r.message, expected);
        /* What came out is the real beginning of the text ... */
        assert_true(r.content.size <= text.size);
        if (r.content.size)
            assert_memory_equal(r.content.data, text.data, r.content.size);
        /* ... and it is all that could be decoded. */
        if (i == 0)
            assert_true(r.content.size > text.size / 3);
        if (i == 1)
            assert_int_equal(r.content.size, text.size);
        if (i == 2)
            assert_int_equal(r.content.size, 0);
        free(r.content.data);
        remove_temp(path);
    }
    free(gz.data);
    free(text.data);
}

/* Recovered bytes do not depend on how they are read: 1-byte reads get
 * exactly as much of a truncated stream as one big read. */
static void test_gzip_truncated_tiny_reads(void **state)
{
    bytes_t text = make_text(50000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    char *path = write_temp(gz.data, gz.size * 2 / 3);
    read_result_t big = read_path(path, BIG_READ, HUSH_SOURCE_GZIP);
    read_result_t tiny = read_path(path, 1, HUSH_SOURCE_GZIP);
    assert_int_equal(big.status, HUSH_ERR_FORMAT);
    assert_int_equal(tiny.status, HUSH_ERR_FORMAT);
    assert_true(big.content.size > 0);
    assert_content(&tiny, &big.content);
    free(big.content.data);
    free(tiny.content.data);
    free(gz.data);
    free(text.data);
    remove_temp(path);
}

static void test_gzip_corrupt(void **state)
{
    bytes_t text = make_text(100000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    /* Damage the deflate data, then separately the CRC of the trailer. */
    for (int what = 0; what < 2; what++) {
        bytes_t bad = {0};
        bytes_append(&bad, gz.data, gz.size);
        if (what == 0)
            memset(bad.data + bad.size / 2, 0xff, 64);
        else
            bad.data[bad.size - 8] ^= 0x55;
        char *path = write_temp(bad.data, bad.size);
        read_result_t r = read_path(path, 8192, HUSH_SOURCE_GZIP);
        assert_int_equal(r.status, HUSH_ERR_FORMAT);
        char prefix[HUSH_ERROR_MAX];
        snprintf(prefix, sizeof prefix, "%s: corrupt gzip data (", path);
        assert_memory_equal(r.message, prefix, strlen(prefix));
        if (what == 1) {
            assert_contains(r.message, "incorrect data check");
            assert_content(&r, &text);
        } else if (r.content.size) {
            assert_true(r.content.size < text.size);
        }
        free(r.content.data);
        free(bad.data);
        remove_temp(path);
    }
    free(gz.data);
    free(text.data);
}

/* Once damaged, every later read says so again rather than "end of input". */
static void test_error_is_sticky(void **state)
{
    bytes_t text = make_text(1000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    char *path = write_temp(gz.data, gz.size - 2);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_OK);
    read_result_t r = read_all(source, 4096);
    assert_int_equal(r.status, HUSH_ERR_FORMAT);
    char buffer[16];
    size_t got = 5;
    err.message[0] = '\0';
    assert_int_equal(hush_source_read(source, buffer, sizeof buffer, &got, &err), HUSH_ERR_FORMAT);
    assert_int_equal(got, 0);
    assert_string_equal(err.message, r.message);
    hush_source_destroy(source);
    free(r.content.data);
    free(gz.data);
    free(text.data);
    remove_temp(path);
}

/* ---- open errors -------------------------------------------------------- */

static void test_missing_file(void **state)
{
    const char *path = "/tmp/hush-test-source-does-not-exist/x.log";
    hush_source_t *source = (hush_source_t *)&source; /* must be reset to NULL */
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_ERR_IO);
    assert_null(source);
    assert_string_equal(err.message,
                        "/tmp/hush-test-source-does-not-exist/x.log: No such file or directory");
}

static void test_directory(void **state)
{
    char dir[] = "/tmp/hush-test-source-dir-XXXXXX";
    assert_non_null(mkdtemp(dir));
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(dir, &source, &err), HUSH_ERR_IO);
    assert_null(source);
    char expected[HUSH_ERROR_MAX];
    snprintf(expected, sizeof expected, "%s: Is a directory", dir);
    assert_string_equal(err.message, expected);
    rmdir(dir);
}

static void test_bad_arguments(void **state)
{
    hush_source_destroy(NULL);
    char *path = write_temp("hush test\n", 10);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_OK);
    char buffer[4];
    size_t got = 7;
    /* A zero capacity would look like the end of input: refused. */
    assert_int_equal(hush_source_read(source, buffer, 0, &got, &err), HUSH_ERR_ARGUMENT);
    assert_int_equal(got, 0);
    assert_int_equal(hush_source_read(source, NULL, 4, &got, &err), HUSH_ERR_ARGUMENT);
    read_result_t r = read_all(source, 4);
    assert_int_equal(r.content.size, 10);
    free(r.content.data);
    hush_source_destroy(source);
    remove_temp(path);
}

/* ---- binary sniff ------------------------------------------------------- */

/* Sniffs, then reads everything: the peeked bytes must not be lost. */
static void check_sniff(const bytes_t *file, const bytes_t *content, hush_source_kind_t kind,
                        bool expect_binary, size_t capacity)
{
    char *path = write_temp(file->data, file->size);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_OK);
    assert_int_equal(hush_source_kind(source), kind);
    bool binary = !expect_binary;
    assert_int_equal(hush_source_is_binary(source, &binary, &err), HUSH_OK);
    assert_int_equal(binary, expect_binary);
    binary = !expect_binary; /* asking twice gives the same answer */
    assert_int_equal(hush_source_is_binary(source, &binary, &err), HUSH_OK);
    assert_int_equal(binary, expect_binary);
    read_result_t r = read_all(source, capacity);
    assert_int_equal(r.status, HUSH_OK);
    assert_content(&r, content);
    free(r.content.data);
    hush_source_destroy(source);
    remove_temp(path);
}

static void test_binary_plain(void **state)
{
    bytes_t text = make_text(50000);
    check_sniff(&text, &text, HUSH_SOURCE_PLAIN, false, BIG_READ);
    check_sniff(&text, &text, HUSH_SOURCE_PLAIN, false, 7);

    text.data[100] = '\0';
    check_sniff(&text, &text, HUSH_SOURCE_PLAIN, true, BIG_READ);
    check_sniff(&text, &text, HUSH_SOURCE_PLAIN, true, 3);
    text.data[100] = 'x';

    /* A NUL just inside and just past the sniffed bytes. */
    text.data[HUSH_BINARY_SNIFF - 1] = '\0';
    check_sniff(&text, &text, HUSH_SOURCE_PLAIN, true, BIG_READ);
    text.data[HUSH_BINARY_SNIFF - 1] = 'x';
    text.data[HUSH_BINARY_SNIFF] = '\0';
    check_sniff(&text, &text, HUSH_SOURCE_PLAIN, false, BIG_READ);
    free(text.data);
}

static void test_binary_inside_gzip(void **state)
{
    bytes_t text = make_text(50000);
    bytes_t gz = gzip_bytes(text.data, text.size);
    /* The compressed bytes hold NULs; the text they decode to does not. */
    assert_non_null(memchr(gz.data, 0, gz.size));
    check_sniff(&gz, &text, HUSH_SOURCE_GZIP, false, BIG_READ);
    check_sniff(&gz, &text, HUSH_SOURCE_GZIP, false, 1);
    free(gz.data);

    text.data[4000] = '\0';
    gz = gzip_bytes(text.data, text.size);
    check_sniff(&gz, &text, HUSH_SOURCE_GZIP, true, BIG_READ);
    check_sniff(&gz, &text, HUSH_SOURCE_GZIP, true, 7);
    free(gz.data);
    free(text.data);
}

/* The sniff covers the first HUSH_BINARY_SNIFF bytes of a file even when the
 * first gzip member is only a few bytes long. */
static void test_binary_in_second_member(void **state)
{
    bytes_t a = {0};
    bytes_append(&a, "hush test\n", 10);
    bytes_t b = make_text(3000);
    b.data[100] = '\0';
    bytes_t gz = two_members(&a, &b);
    bytes_t both = {0};
    bytes_append(&both, a.data, a.size);
    bytes_append(&both, b.data, b.size);
    check_sniff(&gz, &both, HUSH_SOURCE_GZIP, true, BIG_READ);
    free(both.data);
    free(gz.data);
    free(b.data);
    free(a.data);
}

/* On a pipe whose writer is still there (tail -f | hush), the sniff judges
 * what has arrived instead of waiting for more.  A hang is killed by alarm. */
static void test_binary_sniff_does_not_wait_on_pipe(void **state)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    const char line[] = "hush test: first line of a live log\n";
    assert_int_equal(write(fds[1], line, strlen(line)), (ssize_t)strlen(line));
    alarm(10);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open_fd(fds[0], "<stdin>", &source, &err), HUSH_OK);
    bool binary = true;
    assert_int_equal(hush_source_is_binary(source, &binary, &err), HUSH_OK);
    assert_false(binary);
    char buffer[256];
    size_t got = 0;
    assert_int_equal(hush_source_read(source, buffer, sizeof buffer, &got, &err), HUSH_OK);
    alarm(0);
    assert_int_equal(got, strlen(line));
    assert_memory_equal(buffer, line, got);
    close(fds[1]);
    assert_int_equal(hush_source_read(source, buffer, sizeof buffer, &got, &err), HUSH_OK);
    assert_int_equal(got, 0);
    hush_source_destroy(source);
    close(fds[0]);
}

/* A sniff that runs into damage keeps what it decoded; the reads hand it
 * out, then report the damage. */
static void test_binary_sniff_of_truncated_gzip(void **state)
{
    bytes_t text = make_text(4000); /* shorter than the sniff */
    bytes_t gz = gzip_bytes(text.data, text.size);
    char *path = write_temp(gz.data, gz.size - 6);
    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_OK);
    bool binary = true;
    assert_int_equal(hush_source_is_binary(source, &binary, &err), HUSH_OK);
    assert_false(binary);
    read_result_t r = read_all(source, BIG_READ);
    assert_int_equal(r.status, HUSH_ERR_FORMAT);
    assert_contains(r.message, "truncated gzip data");
    assert_content(&r, &text);
    free(r.content.data);
    hush_source_destroy(source);
    free(gz.data);
    free(text.data);
    remove_temp(path);

    /* Nothing decodable at all: the sniff itself reports the damage. */
    path = write_temp("\x1f\x8b\x08", 3);
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_OK);
    assert_int_equal(hush_source_is_binary(source, &binary, &err), HUSH_ERR_FORMAT);
    assert_contains(err.message, "truncated gzip data");
    hush_source_destroy(source);
    remove_temp(path);
}

/* ---- read sizes ------------------------------------------------------- */

static void check_capacities(const bytes_t *file, const bytes_t *content, hush_source_kind_t kind)
{
    char *path = write_temp(file->data, file->size);
    read_result_t whole = read_path(path, BIG_READ, kind);
    assert_int_equal(whole.status, HUSH_OK);
    assert_content(&whole, content);
    const size_t capacities[] = {1, 3, 7, 4096};
    for (size_t i = 0; i < sizeof capacities / sizeof capacities[0]; i++) {
        read_result_t r = read_path(path, capacities[i], kind);
        assert_int_equal(r.status, HUSH_OK);
        assert_content(&r, &whole.content);
        assert_true(r.reads >= content->size / capacities[i]);
        free(r.content.data);
    }
    free(whole.content.data);
    remove_temp(path);
}

static void test_tiny_capacities(void **state)
{
    bytes_t text = make_text(40000);
    check_capacities(&text, &text, HUSH_SOURCE_PLAIN);
    bytes_t b = make_text(777);
    bytes_t gz = two_members(&text, &b);
    bytes_t both = {0};
    bytes_append(&both, text.data, text.size);
    bytes_append(&both, b.data, b.size);
    check_capacities(&gz, &both, HUSH_SOURCE_GZIP);
    free(both.data);
    free(gz.data);
    free(b.data);
    free(text.data);
}

/* ---- bounded memory ------------------------------------------------------ */

#define BOMB_SIZE (20u << 20)
#define BOMB_LINE 100u

/* Line i of the 20 MB text: highly compressible, but each line checkable. */
static void bomb_line(size_t i, char line[BOMB_LINE])
{
    memset(line, '.', BOMB_LINE);
    char head[32];
    int n = snprintf(head, sizeof head, "hush test %09zu ", i);
    memcpy(line, head, (size_t)n);
    line[BOMB_LINE - 1] = '\n';
}

/* Streams the text through deflate into a file, never holding it whole. */
static char *write_bomb(size_t *compressed_size)
{
    char *path = write_temp("", 0);
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    z_stream zs = {0};
    assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY),
                     Z_OK);
    unsigned char out[65536];
    char line[BOMB_LINE];
    for (size_t i = 0; i <= BOMB_SIZE / BOMB_LINE; i++) {
        bool last = i == BOMB_SIZE / BOMB_LINE;
        if (!last)
            bomb_line(i, line);
        zs.next_in = (unsigned char *)line;
        zs.avail_in = last ? 0 : BOMB_LINE;
        int rc;
        do {
            zs.next_out = out;
            zs.avail_out = sizeof out;
            rc = deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
            fwrite(out, 1, sizeof out - zs.avail_out, file);
        } while (zs.avail_out == 0 || (last && rc != Z_STREAM_END));
    }
    *compressed_size = zs.total_out;
    deflateEnd(&zs);
    assert_int_equal(fclose(file), 0);
    return path;
}

static long max_rss_kib(void)
{
    struct rusage usage;
    assert_int_equal(getrusage(RUSAGE_SELF, &usage), 0);
    return usage.ru_maxrss;
}

static void test_large_gzip_bounded_memory(void **state)
{
    size_t compressed = 0;
    char *path = write_bomb(&compressed);
    assert_true(compressed < BOMB_SIZE / 10); /* a real expansion */
    long before = max_rss_kib();

    hush_source_t *source = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_source_open(path, &source, &err), HUSH_OK);
    static unsigned char buffer[65536];
    char expected[BOMB_LINE];
    size_t total = 0;
    size_t mismatches = 0;
    for (;;) {
        size_t got = 0;
        assert_int_equal(hush_source_read(source, buffer, sizeof buffer, &got, &err), HUSH_OK);
        if (got == 0)
            break;
        for (size_t k = 0; k < got; k++) {
            size_t at = total + k;
            if (at % BOMB_LINE == 0)
                bomb_line(at / BOMB_LINE, expected);
            mismatches += buffer[k] != (unsigned char)expected[at % BOMB_LINE];
        }
        total += got;
    }
    hush_source_destroy(source);
    long growth_kib = max_rss_kib() - before;

    assert_int_equal(total, BOMB_SIZE / BOMB_LINE * BOMB_LINE);
    assert_int_equal(mismatches, 0);
    if (growth_kib >= 16 * 1024)
        fail_msg("max RSS grew by %ld KiB reading 20 MB of gzip", growth_kib);
    remove_temp(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_file),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_short_plain_not_gzip),
        cmocka_unit_test(test_pipe_fd),
        cmocka_unit_test(test_pipe_fd_gzip),
        cmocka_unit_test(test_stdin_named_in_messages),
        cmocka_unit_test(test_interrupted_and_nonblocking_reads),
        cmocka_unit_test(test_read_error_message),
        cmocka_unit_test(test_gzip_single_member),
        cmocka_unit_test(test_gzip_detected_by_magic_not_name),
        cmocka_unit_test(test_gzip_multi_member),
        cmocka_unit_test(test_gzip_zero_padding_accepted),
        cmocka_unit_test(test_gzip_trailing_garbage_refused),
        cmocka_unit_test(test_gzip_truncated),
        cmocka_unit_test(test_gzip_truncated_tiny_reads),
        cmocka_unit_test(test_gzip_corrupt),
        cmocka_unit_test(test_error_is_sticky),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_directory),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_binary_plain),
        cmocka_unit_test(test_binary_inside_gzip),
        cmocka_unit_test(test_binary_in_second_member),
        cmocka_unit_test(test_binary_sniff_does_not_wait_on_pipe),
        cmocka_unit_test(test_binary_sniff_of_truncated_gzip),
        cmocka_unit_test(test_tiny_capacities),
        cmocka_unit_test(test_large_gzip_bounded_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
