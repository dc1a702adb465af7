/*
 * Redacted-output writers: in place (mode, backup, atomicity), mirror tree,
 * gzip round trip, stdout buffering and broken pipes.  Every test works in its
 * own directory under /tmp, removed afterwards.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "cli_output.h"

#define ORIGINAL "hush test: this line held a generated fake secret value 0123456789\n"
#define REDACTED "hush test: this line held a [REDACTED:hush.test]\n"
/* More than the writer's 256 KiB buffer, so direct and buffered paths both run. */
#define BIG_SIZE (1u << 20)

typedef struct fixture {
    char dir[PATH_MAX];
    char cwd[PATH_MAX];
} fixture_t;

static void path_in(const fixture_t *f, char *dst, const char *name)
{
    int n = snprintf(dst, PATH_MAX, "%s/%s", f->dir, name);
    assert_true(n > 0 && n < PATH_MAX);
}

static void write_file(const char *path, const void *data, size_t size, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, size), (ssize_t)size);
    assert_int_equal(fchmod(fd, mode), 0);
    assert_int_equal(close(fd), 0);
}

/* Whole file in a malloc'ed buffer (NUL-terminated for string asserts). */
static char *read_file(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    long len = ftell(fp);
    assert_true(len >= 0);
    rewind(fp);
    char *data = malloc((size_t)len + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)len, fp), (size_t)len);
    data[len] = '\0';
    fclose(fp);
    if (size)
        *size = (size_t)len;
    return data;
}

static void assert_file_equals(const char *path, const char *expected)
{
    char *data = read_file(path, NULL);
    assert_string_equal(data, expected);
    free(data);
}

/* Entries of `dir` whose name contains ".hush-": the writer's temporaries. */
static int count_temporaries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        count += strstr(e->d_name, ".hush-") != NULL;
    closedir(d);
    return count;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static int setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/hush-test-output-XXXXXX");
    if (!mkdtemp(f->dir) || !getcwd(f->cwd, sizeof f->cwd)) {
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    int rc = chdir(f->cwd);
    rc |= nftw(f->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(f);
    return rc == 0 ? 0 : -1;
}

static void write_all_or_fail(cli_output_t *out, const void *data, size_t size)
{
    assert_int_equal(cli_output_write(out, data, size), 0);
}

/* ---- in place ----------------------------------------------------------- */

static void test_in_place_replaces_content_and_keeps_mode(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX];
    path_in(f, path, "app.log");
    write_file(path, ORIGINAL, strlen(ORIGINAL), 0640);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(path, NULL, false, &out, &err), HUSH_OK);
    /* While writing, the original is still there, untouched. */
    assert_int_equal(count_temporaries(f->dir), 1);
    write_all_or_fail(out, REDACTED, 20);
    write_all_or_fail(out, REDACTED + 20, strlen(REDACTED) - 20);
    assert_file_equals(path, ORIGINAL);
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);

    assert_file_equals(path, REDACTED);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_int_equal(count_temporaries(f->dir), 0);
}

static void test_in_place_backup_keeps_original(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX], backup[PATH_MAX];
    path_in(f, path, "app.log");
    path_in(f, backup, "app.log.bak");
    write_file(path, ORIGINAL, strlen(ORIGINAL), 0600);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(path, ".bak", false, &out, &err), HUSH_OK);
    write_all_or_fail(out, REDACTED, strlen(REDACTED));
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);

    assert_file_equals(path, REDACTED);
    assert_file_equals(backup, ORIGINAL);
    assert_int_equal(count_temporaries(f->dir), 0);
}

static void test_in_place_existing_backup_is_an_error(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX], backup[PATH_MAX];
    path_in(f, path, "app.log");
    path_in(f, backup, "app.log.bak");
    write_file(path, ORIGINAL, strlen(ORIGINAL), 0600);
    write_file(backup, "older backup\n", 13, 0600);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(path, ".bak", false, &out, &err), HUSH_ERR_IO);
    assert_null(out);
    assert_non_null(strstr(err.message, "backup exists"));
    assert_true(strncmp(err.message, path, strlen(path)) == 0);
    assert_file_equals(path, ORIGINAL);
    assert_file_equals(backup, "older backup\n");
    assert_int_equal(count_temporaries(f->dir), 0);
}

/* A backup that appears while redacting (another run) is found at link time. */
static void test_in_place_backup_appearing_late_is_an_error(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX], backup[PATH_MAX];
    path_in(f, path, "app.log");
    path_in(f, backup, "app.log.bak");
    write_file(path, ORIGINAL, strlen(ORIGINAL), 0600);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(path, ".bak", false, &out, &err), HUSH_OK);
    write_all_or_fail(out, REDACTED, strlen(REDACTED));
    write_file(backup, "older backup\n", 13, 0600);
    assert_int_equal(cli_output_close(out, true, &err), HUSH_ERR_IO);
    assert_non_null(strstr(err.message, "backup exists"));
    assert_file_equals(path, ORIGINAL);
    assert_file_equals(backup, "older backup\n");
    assert_int_equal(count_temporaries(f->dir), 0);
}

static void test_close_without_commit_leaves_original(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX], backup[PATH_MAX];
    path_in(f, path, "app.log");
    path_in(f, backup, "app.log.orig");
    write_file(path, ORIGINAL, strlen(ORIGINAL), 0644);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(path, ".orig", false, &out, &err), HUSH_OK);
    write_all_or_fail(out, REDACTED, strlen(REDACTED));
    assert_int_equal(cli_output_close(out, false, &err), HUSH_OK);

    assert_file_equals(path, ORIGINAL);
    assert_int_equal(access(backup, F_OK), -1);
    assert_int_equal(count_temporaries(f->dir), 0);
}

/* What a SIGTERM handler does: the temporary is gone, and closing then
 * fails cleanly with the original intact. */
static void test_remove_temporaries_cleans_up(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX];
    path_in(f, path, "app.log");
    write_file(path, ORIGINAL, strlen(ORIGINAL), 0644);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(path, NULL, false, &out, &err), HUSH_OK);
    write_all_or_fail(out, REDACTED, strlen(REDACTED));
    assert_int_equal(count_temporaries(f->dir), 1);
    cli_output_remove_temporaries();
    assert_int_equal(count_temporaries(f->dir), 0);

    assert_int_equal(cli_output_close(out, true, &err), HUSH_ERR_IO);
    assert_true(strncmp(err.message, path, strlen(path)) == 0);
    assert_file_equals(path, ORIGINAL);
    /* The slot was released: a later run of the handler removes nothing new. */
    cli_output_remove_temporaries();
    assert_file_equals(path, ORIGINAL);
}

static void test_in_place_through_symlink_keeps_link(void **state)
{
    fixture_t *f = *state;
    char real[PATH_MAX], link_path[PATH_MAX];
    path_in(f, real, "real.log");
    path_in(f, link_path, "link.log");
    write_file(real, ORIGINAL, strlen(ORIGINAL), 0644);
    assert_int_equal(symlink("real.log", link_path), 0);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(link_path, NULL, false, &out, &err), HUSH_OK);
    write_all_or_fail(out, REDACTED, strlen(REDACTED));
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);

    struct stat st;
    assert_int_equal(lstat(link_path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_file_equals(real, REDACTED);
}

static void test_in_place_refuses_stdin_and_directories(void **state)
{
    fixture_t *f = *state;
    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place("-", NULL, false, &out, &err), HUSH_ERR_ARGUMENT);
    assert_null(out);
    assert_int_equal(cli_output_open_in_place(f->dir, NULL, false, &out, &err),
                     HUSH_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "not a regular file"));
    assert_null(out);

    char missing[PATH_MAX];
    path_in(f, missing, "missing.log");
    assert_int_equal(cli_output_open_in_place(missing, NULL, false, &out, &err), HUSH_ERR_IO);
    assert_non_null(strstr(err.message, strerror(ENOENT)));
}

/* ---- mirror ------------------------------------------------------------- */

static void test_mirror_creates_nested_directories(void **state)
{
    fixture_t *f = *state;
    assert_int_equal(chdir(f->dir), 0);
    assert_int_equal(mkdir("in", 0755), 0);
    assert_int_equal(mkdir("in/sub", 0755), 0);
    write_file("in/sub/private.log", ORIGINAL, strlen(ORIGINAL), 0600);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_mirror("out/clean", "./in//sub/private.log", false, &out,
                                            &err),
                     HUSH_OK);
    write_all_or_fail(out, REDACTED, strlen(REDACTED));
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);

    assert_file_equals("out/clean/in/sub/private.log", REDACTED);
    assert_file_equals("in/sub/private.log", ORIGINAL);
    struct stat st;
    assert_int_equal(stat("out/clean/in/sub/private.log", &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(count_temporaries("out/clean/in/sub"), 0);
}

static void test_mirror_places_absolute_and_stdin_paths(void **state)
{
    fixture_t *f = *state;
    char input[PATH_MAX], out_dir[PATH_MAX], expected[2 * PATH_MAX];
    path_in(f, input, "abs.log");
    path_in(f, out_dir, "mirror");
    write_file(input, ORIGINAL, strlen(ORIGINAL), 0644);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_mirror(out_dir, input, false, &out, &err), HUSH_OK);
    write_all_or_fail(out, REDACTED, strlen(REDACTED));
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);
    snprintf(expected, sizeof expected, "%s%s", out_dir, input);
    assert_file_equals(expected, REDACTED);

    assert_int_equal(cli_output_open_mirror(out_dir, "-", false, &out, &err), HUSH_OK);
    write_all_or_fail(out, "from stdin\n", 11);
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);
    snprintf(expected, sizeof expected, "%s/stdin", out_dir);
    assert_file_equals(expected, "from stdin\n");
}

/* "../x" would climb out of the mirror: it is placed by its absolute path. */
static void test_mirror_keeps_dotdot_inside_out_dir(void **state)
{
    fixture_t *f = *state;
    char expected[2 * PATH_MAX];
    assert_int_equal(chdir(f->dir), 0);
    assert_int_equal(mkdir("work", 0755), 0);
    write_file("up.log", ORIGINAL, strlen(ORIGINAL), 0644);
    assert_int_equal(chdir("work"), 0);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_mirror("m", "../up.log", false, &out, &err), HUSH_OK);
    write_all_or_fail(out, REDACTED, strlen(REDACTED));
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);

    char real_dir[PATH_MAX];
    assert_non_null(realpath(f->dir, real_dir));
    snprintf(expected, sizeof expected, "m%s/up.log", real_dir);
    assert_file_equals(expected, REDACTED);
    assert_file_equals("../up.log", ORIGINAL);
}

static void test_mirror_refuses_to_overwrite_input(void **state)
{
    fixture_t *f = *state;
    char input[PATH_MAX];
    path_in(f, input, "same.log");
    write_file(input, ORIGINAL, strlen(ORIGINAL), 0644);

    /* --out-dir / maps an absolute path onto itself. */
    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_mirror("/", input, false, &out, &err), HUSH_ERR_ARGUMENT);
    assert_null(out);
    char expected[PATH_MAX + 64];
    snprintf(expected, sizeof expected, "%s: output would overwrite the input", input);
    assert_string_equal(err.message, expected);

    /* A hard link of the input at the mirror position is the input too. */
    assert_int_equal(chdir(f->dir), 0);
    assert_int_equal(mkdir("m", 0755), 0);
    assert_int_equal(link("same.log", "m/same.log"), 0);
    assert_int_equal(cli_output_open_mirror("m", "same.log", false, &out, &err),
                     HUSH_ERR_ARGUMENT);
    assert_string_equal(err.message, "same.log: output would overwrite the input");
    assert_file_equals("same.log", ORIGINAL);
    assert_int_equal(count_temporaries("m"), 0);
}

/* ---- gzip --------------------------------------------------------------- */

/* Text with no long repeats, so compression cannot hide a lost block. */
static unsigned char *make_text(size_t size)
{
    unsigned char *data = malloc(size);
    assert_non_null(data);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < size; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        data[i] = (i % 80 == 79) ? '\n' : (unsigned char)('a' + x % 26);
    }
    return data;
}

static unsigned char *gunzip_file(const char *path, size_t capacity, size_t *size)
{
    gzFile gz = gzopen(path, "rb");
    assert_non_null(gz);
    unsigned char *data = malloc(capacity + 1);
    assert_non_null(data);
    int n = gzread(gz, data, (unsigned)capacity + 1);
    assert_true(n >= 0);
    assert_int_equal(gzclose(gz), Z_OK);
    *size = (size_t)n;
    return data;
}

static void test_gzip_output_decompresses_to_what_was_written(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX];
    path_in(f, path, "rotated.log.gz");
    write_file(path, "not really gzip\n", 16, 0644);

    unsigned char *text = make_text(BIG_SIZE);
    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(path, NULL, true, &out, &err), HUSH_OK);
    /* Small writes, an empty one, a --line-buffered flush, then one large write. */
    write_all_or_fail(out, text, 100);
    write_all_or_fail(out, text + 100, 0);
    assert_int_equal(cli_output_flush(out, &err), HUSH_OK);
    write_all_or_fail(out, text + 100, 1000);
    write_all_or_fail(out, text + 1100, BIG_SIZE - 1100);
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);

    size_t raw_size;
    char *raw = read_file(path, &raw_size);
    assert_true(raw_size > 2);
    assert_int_equal((unsigned char)raw[0], 0x1f);
    assert_int_equal((unsigned char)raw[1], 0x8b);
    assert_true(raw_size < BIG_SIZE);
    free(raw);

    size_t size;
    unsigned char *back = gunzip_file(path, BIG_SIZE, &size);
    assert_int_equal(size, BIG_SIZE);
    assert_memory_equal(back, text, BIG_SIZE);
    free(back);
    free(text);
}

static void test_plain_output_is_byte_identical_for_any_write_sizes(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX];
    path_in(f, path, "big.log");
    write_file(path, ORIGINAL, strlen(ORIGINAL), 0644);

    unsigned char *text = make_text(3 * BIG_SIZE);
    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(cli_output_open_in_place(path, NULL, false, &out, &err), HUSH_OK);
    /* Sizes that fill the buffer exactly, overflow it and bypass it. */
    static const size_t steps[] = {1, 7, 262143, 1, 262144, 300000, 4096, 1u << 20};
    size_t at = 0;
    for (size_t i = 0; at < 3 * BIG_SIZE; i = (i + 1) % (sizeof steps / sizeof steps[0])) {
        size_t n = steps[i] < 3 * BIG_SIZE - at ? steps[i] : 3 * BIG_SIZE - at;
        write_all_or_fail(out, text + at, n);
        at += n;
    }
    assert_int_equal(cli_output_close(out, true, &err), HUSH_OK);

    size_t size;
    char *back = read_file(path, &size);
    assert_int_equal(size, 3 * BIG_SIZE);
    assert_memory_equal(back, text, size);
    free(back);
    free(text);
}

/* ---- stdout ------------------------------------------------------------- */

/* Points fd 1 at `fd` for the duration of a test; returns the saved fd 1. */
static int redirect_stdout(int fd)
{
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    assert_true(saved >= 0);
    assert_true(dup2(fd, STDOUT_FILENO) >= 0);
    return saved;
}

static void restore_stdout(int saved)
{
    dup2(saved, STDOUT_FILENO);
    close(saved);
}

static void test_stdout_buffers_until_flush_and_close(void **state)
{
    fixture_t *f = *state;
    char path[PATH_MAX];
    path_in(f, path, "stdout.txt");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    int saved = redirect_stdout(fd);
    close(fd);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    hush_status_t open_status = cli_output_open_stdout(&out, &err);
    int w1 = cli_output_write(out, "line one\n", 9);
    struct stat before_flush;
    int st1 = stat(path, &before_flush);
    hush_status_t flush_status = cli_output_flush(out, &err);
    struct stat after_flush;
    int st2 = stat(path, &after_flush);
    int w2 = cli_output_write(out, "line two\n", 9);
    hush_status_t close_status = cli_output_close(out, true, &err);
    restore_stdout(saved);

    assert_int_equal(open_status, HUSH_OK);
    assert_int_equal(w1, 0);
    assert_int_equal(w2, 0);
    assert_int_equal(st1 | st2, 0);
    assert_int_equal(before_flush.st_size, 0);
    assert_int_equal(after_flush.st_size, 9);
    assert_int_equal(flush_status, HUSH_OK);
    assert_int_equal(close_status, HUSH_OK);
    assert_file_equals(path, "line one\nline two\n");
}

static void test_stdout_broken_pipe_stops_quietly(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    close(fds[0]); /* the reader went away, like `hush | head -1` after one line */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
    assert_int_equal(sigaction(SIGPIPE, &ignore, &old), 0);
    int saved = redirect_stdout(fds[1]);
    close(fds[1]);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    hush_status_t open_status = cli_output_open_stdout(&out, &err);
    int w1 = cli_output_write(out, "buffered\n", 9);
    hush_status_t flush_status = cli_output_flush(out, &err);
    bool broken = cli_output_broken_pipe(out);
    int w2 = cli_output_write(out, "more\n", 5);
    const char *message = cli_output_message(out);
    bool message_empty = message[0] == '\0';
    hush_status_t close_status = cli_output_close(out, true, &err);
    restore_stdout(saved);
    sigaction(SIGPIPE, &old, NULL);

    assert_int_equal(open_status, HUSH_OK);
    assert_int_equal(w1, 0);
    assert_int_equal(flush_status, HUSH_OK);
    assert_true(broken);
    assert_int_not_equal(w2, 0);
    assert_true(message_empty);
    assert_int_equal(close_status, HUSH_OK);
}

/* /dev/full fails every write with ENOSPC: the writer must say so. */
static void test_stdout_disk_full_is_reported(void **state)
{
    (void)state;
    int fd = open("/dev/full", O_WRONLY);
    if (fd < 0)
        skip();
    int saved = redirect_stdout(fd);
    close(fd);

    cli_output_t *out = NULL;
    hush_error_t err = {{0}};
    hush_status_t open_status = cli_output_open_stdout(&out, &err);
    int w1 = cli_output_write(out, "x\n", 2);
    hush_status_t flush_status = cli_output_flush(out, &err);
    bool broken = cli_output_broken_pipe(out);
    int w2 = cli_output_write(out, "y\n", 2);
    hush_status_t close_status = cli_output_close(out, true, &err);
    restore_stdout(saved);

    assert_int_equal(open_status, HUSH_OK);
    assert_int_equal(w1, 0);
    assert_int_equal(flush_status, HUSH_ERR_IO);
    assert_false(broken);
    assert_int_not_equal(w2, 0);
    assert_int_equal(close_status, HUSH_ERR_IO);
    char expected[128];
    snprintf(expected, sizeof expected, "<stdout>: %s", strerror(ENOSPC));
    assert_string_equal(err.message, expected);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_in_place_replaces_content_and_keeps_mode, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_in_place_backup_keeps_original, setup, teardown),
        cmocka_unit_test_setup_teardown(test_in_place_existing_backup_is_an_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_in_place_backup_appearing_late_is_an_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_close_without_commit_leaves_original, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_remove_temporaries_cleans_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_in_place_through_symlink_keeps_link, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_in_place_refuses_stdin_and_directories, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_mirror_creates_nested_directories, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mirror_places_absolute_and_stdin_paths, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_mirror_keeps_dotdot_inside_out_dir, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_mirror_refuses_to_overwrite_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_output_decompresses_to_what_was_written, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_plain_output_is_byte_identical_for_any_write_sizes,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_stdout_buffers_until_flush_and_close, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_stdout_broken_pipe_stops_quietly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stdout_disk_full_is_reported, setup, teardown),
    };
    return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
