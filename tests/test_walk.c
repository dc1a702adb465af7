/*
 * Path walking: builds a real tree under /tmp (files, nested directories, a
 * symlink loop, a dangling link, an unreadable directory, a fifo) and checks
 * the exact sequence of events.  Each walk is recorded as one line per event,
 * with the temp directory shown as ROOT, and compared as a whole.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli_walk.h"

#define UNPRIVILEGED_UID 65534 /* nobody */
#define DEEP_LEVELS (CLI_WALK_MAX_DEPTH + 1)

typedef struct tree {
    char root[64];
} tree_t;

typedef struct transcript {
    char *text;
    size_t size;
    const char *root;
    int stop_after; /* return this event's number to stop; 0: never */
    int events;
} transcript_t;

/* ---- recording ----------------------------------------------------------- */

static const char *event_name(cli_walk_event_t event)
{
    switch (event) {
    case CLI_WALK_FILE: return "FILE";
    case CLI_WALK_STDIN: return "STDIN";
    case CLI_WALK_ERROR: return "ERROR";
    case CLI_WALK_LOOP: return "LOOP";
    case CLI_WALK_SKIPPED: return "SKIPPED";
    }
    return "?";
}

static void append(transcript_t *t, const char *text)
{
    size_t n = strlen(text);
    t->text = realloc(t->text, t->size + n + 1);
    assert_non_null(t->text);
    memcpy(t->text + t->size, text, n + 1);
    t->size += n;
}

/* Appends text with every occurrence of the temp root shown as "ROOT". */
static void append_rooted(transcript_t *t, const char *text)
{
    size_t root_len = strlen(t->root);
    while (*text) {
        const char *at = root_len ? strstr(text, t->root) : NULL;
        if (!at) {
            append(t, text);
            return;
        }
        char *head = strndup(text, (size_t)(at - text));
        append(t, head);
        free(head);
        append(t, "ROOT");
        text = at + root_len;
    }
}

/* "FILE ROOT/a.log", "FILE! x" when named explicitly, ": reason" when set. */
static int record(void *ctx, const cli_walk_entry_t *entry)
{
    transcript_t *t = ctx;
    append(t, event_name(entry->event));
    append(t, entry->explicit_path ? "! " : " ");
    append_rooted(t, entry->path);
    if (entry->message) {
        append(t, ": ");
        append_rooted(t, entry->message);
    }
    append(t, "\n");
    t->events++;
    return t->stop_after && t->events == t->stop_after ? 40 + t->events : 0;
}

static char *walk_transcript(const tree_t *tree, const char *const *paths, size_t count,
                             const cli_walk_options_t *options, int *rc)
{
    transcript_t t = {.root = tree ? tree->root : ""};
    append(&t, "");
    int result = cli_walk(paths, count, options, record, &t);
    if (rc)
        *rc = result;
    return t.text;
}

static void assert_walk(const tree_t *tree, const char *const *paths, size_t count,
                        const cli_walk_options_t *options, const char *expected)
{
    int rc = -1;
    char *got = walk_transcript(tree, paths, count, options, &rc);
    if (strcmp(got, expected) != 0)
        fail_msg("walk gave:\n%s\nexpected:\n%s", got, expected);
    assert_int_equal(rc, 0);
    free(got);
}

/* ---- the tree ------------------------------------------------------------- */

static void make_file(const tree_t *tree, const char *relative, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tree->root, relative);
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(content, file);
    assert_int_equal(fclose(file), 0);
}

static void make_dir(const tree_t *tree, const char *relative)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tree->root, relative);
    assert_int_equal(mkdir(path, 0755), 0);
}

static void make_link(const tree_t *tree, const char *target, const char *relative)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tree->root, relative);
    assert_int_equal(symlink(target, path), 0);
}

static void set_mode(const tree_t *tree, const char *relative, mode_t mode)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tree->root, relative);
    assert_int_equal(chmod(path, mode), 0);
}

/*
 * ROOT/
 *   Z.log  a.log  b.txt.gz  dangling -> nowhere  fifo
 *   locked/ (mode 000) secret.log
 *   loop/ back -> ..  inner.log
 *   node_modules/ x.log
 *   sub/ again -> ../node_modules  deeper/c.log  link-to-a.log -> ../a.log
 */
static int setup_tree(void **state)
{
    tree_t *tree = calloc(1, sizeof *tree);
    assert_non_null(tree);
    snprintf(tree->root, sizeof tree->root, "/tmp/hush-test-walk-XXXXXX");
    assert_non_null(mkdtemp(tree->root));
    /* Readable by the unprivileged user of test_unreadable_directory. */
    assert_int_equal(chmod(tree->root, 0755), 0);
    make_file(tree, "Z.log", "hush test\n");
    make_file(tree, "a.log", "hush test\n");
    make_file(tree, "b.txt.gz", "hush test\n");
    make_link(tree, "nowhere", "dangling");
    char fifo[512];
    snprintf(fifo, sizeof fifo, "%s/fifo", tree->root);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    make_dir(tree, "locked");
    make_file(tree, "locked/secret.log", "hush test\n");
    set_mode(tree, "locked", 0);
    make_dir(tree, "loop");
    make_link(tree, "..", "loop/back");
    make_file(tree, "loop/inner.log", "hush test\n");
    make_dir(tree, "node_modules");
    make_file(tree, "node_modules/x.log", "hush test\n");
    make_dir(tree, "sub");
    make_link(tree, "../node_modules", "sub/again");
    make_dir(tree, "sub/deeper");
    make_file(tree, "sub/deeper/c.log", "hush test\n");
    make_link(tree, "../a.log", "sub/link-to-a.log");
    *state = tree;
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    if (type == FTW_DP || type == FTW_D || type == FTW_DNR) {
        chmod(path, 0755);
        return rmdir(path) == 0 || errno == ENOENT ? 0 : -1;
    }
    return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
}

static void remove_tree(const char *root)
{
    char locked[512];
    snprintf(locked, sizeof locked, "%s/locked", root);
    chmod(locked, 0755);
    nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int teardown_tree(void **state)
{
    tree_t *tree = *state;
    remove_tree(tree->root);
    free(tree);
    return 0;
}

/* Whether this process can list a mode-000 directory (root usually can). */
static bool can_read_locked(const tree_t *tree)
{
    char path[512];
    snprintf(path, sizeof path, "%s/locked", tree->root);
    DIR *dir = opendir(path);
    if (dir)
        closedir(dir);
    return dir != NULL;
}

static size_t open_fd_count(void)
{
    DIR *dir = opendir("/proc/self/fd");
    assert_non_null(dir);
    size_t count = 0;
    while (readdir(dir))
        count++;
    closedir(dir);
    return count;
}

/* ---- tests ------------------------------------------------------------- */

#define TREE_HEAD                                                                  \
    "FILE ROOT/Z.log\n"                                                            \
    "FILE ROOT/a.log\n"                                                            \
    "FILE ROOT/b.txt.gz\n"                                                         \
    "ERROR ROOT/dangling: No such file or directory (dangling symbolic link)\n"    \
    "SKIPPED ROOT/fifo: not a regular file\n"
#define TREE_TAIL                                                                  \
    "LOOP ROOT/loop/back: directory loop (already visited as ROOT), skipped\n"     \
    "FILE ROOT/loop/inner.log\n"                                                   \
    "FILE ROOT/node_modules/x.log\n"                                               \
    "FILE ROOT/sub/again/x.log\n"                                                  \
    "FILE ROOT/sub/deeper/c.log\n"                                                 \
    "FILE ROOT/sub/link-to-a.log\n"
#define LOCKED_DENIED "ERROR ROOT/locked: Permission denied\n"
#define LOCKED_READ "FILE ROOT/locked/secret.log\n"

static void test_whole_tree(void **state)
{
    const tree_t *tree = *state;
    const char *paths[] = {tree->root};
    size_t fds_before = open_fd_count();
    /* Root can list a mode-000 directory; anyone else is told why not. */
    assert_walk(tree, paths, 1, NULL,
                can_read_locked(tree) ? TREE_HEAD LOCKED_READ TREE_TAIL
                                      : TREE_HEAD LOCKED_DENIED TREE_TAIL);
    assert_int_equal(open_fd_count(), fds_before);
}

/* As root, the permission error is checked in a child that gives up root. */
static void test_unreadable_directory(void **state)
{
    const tree_t *tree = *state;
    const char *paths[] = {tree->root};
    if (geteuid() != 0) {
        if (can_read_locked(tree))
            skip(); /* a file system that ignores modes */
        assert_walk(tree, paths, 1, NULL, TREE_HEAD LOCKED_DENIED TREE_TAIL);
        return;
    }
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        close(fds[0]);
        if (setgid(UNPRIVILEGED_UID) != 0 || setuid(UNPRIVILEGED_UID) != 0)
            _exit(3);
        char *got = walk_transcript(tree, paths, 1, NULL, NULL);
        size_t size = strlen(got);
        _exit(write(fds[1], got, size) == (ssize_t)size ? 0 : 4);
    }
    close(fds[1]);
    char got[4096] = {0};
    size_t size = 0;
    ssize_t n;
    while ((n = read(fds[0], got + size, sizeof got - 1 - size)) > 0)
        size += (size_t)n;
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status) == 3)
        skip(); /* cannot drop privileges here */
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_string_equal(got, TREE_HEAD LOCKED_DENIED TREE_TAIL);
}

static void test_no_paths_is_stdin(void **state)
{
    assert_walk(NULL, NULL, 0, NULL, "STDIN! -\n");
    const char *dash[] = {"-"};
    assert_walk(NULL, dash, 1, NULL, "STDIN! -\n");
}

/* Command-line order is kept, and what the user named is always visited. */
static void test_explicit_paths(void **state)
{
    const tree_t *tree = *state;
    char file[512], fifo[512], missing[512], dangling[512], slashed[512];
    snprintf(file, sizeof file, "%s/a.log", tree->root);
    snprintf(fifo, sizeof fifo, "%s/fifo", tree->root);
    snprintf(missing, sizeof missing, "%s/missing.log", tree->root);
    snprintf(dangling, sizeof dangling, "%s/dangling", tree->root);
    snprintf(slashed, sizeof slashed, "%s/sub/deeper/", tree->root);
    const char *paths[] = {fifo, "-", missing, file, dangling, slashed};
    const char *excludes[] = {"a.log", "deeper"};
    const char *includes[] = {"*.gz"};
    cli_walk_options_t options = {.include_globs = includes, .include_count = 1,
                                   .exclude_globs = excludes, .exclude_count = 2};
    const char *expected = "FILE! ROOT/fifo\n"
                           "STDIN! -\n"
                           "ERROR! ROOT/missing.log: No such file or directory\n"
                           "FILE! ROOT/a.log\n"
                           "ERROR! ROOT/dangling: No such file or directory (dangling symbolic link)\n";
    /* The globs still apply below a named directory: c.log is not *.gz. */
    assert_walk(tree, paths, 6, &options, expected);
    /* Without globs the trailing slash does not double: ROOT/sub/deeper/c.log. */
    const char *only_slashed[] = {slashed};
    assert_walk(tree, only_slashed, 1, NULL, "FILE ROOT/sub/deeper/c.log\n");
}

static void test_exclude(void **state)
{
    const tree_t *tree = *state;
    const char *paths[] = {tree->root};
    /* Base names, a directory name, and a path relative to the walked root. */
    const char *excludes[] = {"*.gz", "node_modules", "sub/deeper", "dangling", "locked", "loop"};
    cli_walk_options_t options = {.exclude_globs = excludes, .exclude_count = 6};
    assert_walk(tree, paths, 1, &options,
                "FILE ROOT/Z.log\n"
                "FILE ROOT/a.log\n"
                "SKIPPED ROOT/fifo: not a regular file\n"
                /* the same directory under another name is not excluded */
                "FILE ROOT/sub/again/x.log\n"
                "FILE ROOT/sub/link-to-a.log\n");
    /* "sub/deeper" is relative to the walked root: walking sub itself, the
     * relative path is "deeper", so only a base-name glob can hit it. */
    char sub[512];
    snprintf(sub, sizeof sub, "%s/sub", tree->root);
    const char *sub_paths[] = {sub};
    const char *relative_only[] = {"sub/deeper"};
    cli_walk_options_t relative = {.exclude_globs = relative_only, .exclude_count = 1};
    assert_walk(tree, sub_paths, 1, &relative,
                "FILE ROOT/sub/again/x.log\n"
                "FILE ROOT/sub/deeper/c.log\n"
                "FILE ROOT/sub/link-to-a.log\n");
}

/* Include filters files only: directories are still entered, and neither a
 * fifo nor a dangling link that does not match is mentioned. */
static void test_include(void **state)
{
    const tree_t *tree = *state;
    const char *paths[] = {tree->root};
    const char *includes[] = {"c.log", "node_modules/*"};
    const char *excludes[] = {"locked", "loop"};
    cli_walk_options_t options = {.include_globs = includes, .include_count = 2,
                                   .exclude_globs = excludes, .exclude_count = 2};
    assert_walk(tree, paths, 1, &options,
                "FILE ROOT/node_modules/x.log\n"
                "FILE ROOT/sub/deeper/c.log\n");
    const char *dangling_too[] = {"*.log", "dangl*"};
    options.include_globs = dangling_too;
    assert_walk(tree, paths, 1, &options,
                "FILE ROOT/Z.log\n"
                "FILE ROOT/a.log\n"
                "ERROR ROOT/dangling: No such file or directory (dangling symbolic link)\n"
                "FILE ROOT/node_modules/x.log\n"
                "FILE ROOT/sub/again/x.log\n"
                "FILE ROOT/sub/deeper/c.log\n"
                "FILE ROOT/sub/link-to-a.log\n");
}

static void test_callback_stops_walk(void **state)
{
    const tree_t *tree = *state;
    const char *paths[] = {tree->root, "-"};
    transcript_t t = {.root = tree->root, .stop_after = 2};
    append(&t, "");
    assert_int_equal(cli_walk(paths, 2, NULL, record, &t), 42);
    assert_string_equal(t.text, "FILE ROOT/Z.log\nFILE ROOT/a.log\n");
    free(t.text);
}

/* A link to an ancestor two levels up is a loop too; the message names the
 * ancestor as the user would. */
static void test_loop_to_grandparent(void **state)
{
    const tree_t *tree = *state;
    char sub[512];
    snprintf(sub, sizeof sub, "%s/sub", tree->root);
    make_link(tree, "..", "sub/deeper/up"); /* -> ROOT/sub */
    const char *paths[] = {sub};
    char *got = walk_transcript(tree, paths, 1, NULL, NULL);
    char link[512];
    snprintf(link, sizeof link, "%s/sub/deeper/up", tree->root);
    unlink(link); /* the other tests expect the tree as it was */
    assert_string_equal(got,
                        "FILE ROOT/sub/again/x.log\n"
                        "FILE ROOT/sub/deeper/c.log\n"
                        "LOOP ROOT/sub/deeper/up: directory loop (already visited as ROOT/sub), "
                        "skipped\n"
                        "FILE ROOT/sub/link-to-a.log\n");
    free(got);
}

/* Nesting is followed to CLI_WALK_MAX_DEPTH levels below the root; the
 * directory one level deeper is reported, and the walk carries on. */
static void test_depth_limit(void **state)
{
    char root[] = "/tmp/hush-test-walk-deep-XXXXXX";
    assert_non_null(mkdtemp(root));
    size_t cap = sizeof root + 2 * (DEEP_LEVELS + 1) + 16;
    char *path = malloc(cap);
    assert_non_null(path);
    snprintf(path, cap, "%s", root);
    char *expected_deepest = NULL;
    for (int level = 1; level <= DEEP_LEVELS; level++) {
        strcat(path, "/d");
        assert_int_equal(mkdir(path, 0755), 0);
        if (level >= DEEP_LEVELS - 2) {
            char file[2048];
            snprintf(file, sizeof file, "%s/f.log", path);
            FILE *f = fopen(file, "w");
            assert_non_null(f);
            fclose(f);
        }
    }
    expected_deepest = strdup(path);
    assert_non_null(expected_deepest);

    /* Expected, deepest first: the refused directory, then the files of the
     * levels above it as the walk climbs back (d sorts before f.log). */
    transcript_t want = {.root = root};
    append(&want, "");
    char *cut = expected_deepest + strlen(expected_deepest);
    char line[4096];
    snprintf(line, sizeof line, "ERROR %s: directory nesting deeper than %d, skipped\n",
             expected_deepest, CLI_WALK_MAX_DEPTH);
    append(&want, line);
    for (int level = CLI_WALK_MAX_DEPTH; level >= DEEP_LEVELS - 2; level--) {
        cut -= 2;
        *cut = '\0';
        snprintf(line, sizeof line, "FILE %s/f.log\n", expected_deepest);
        append(&want, line);
    }
    const char *paths[] = {root};
    transcript_t plain = {.root = ""};
    append(&plain, "");
    int rc = cli_walk(paths, 1, NULL, record, &plain);
    remove_tree(root); /* before asserting, so a failure leaves nothing behind */
    free(expected_deepest);
    free(path);
    assert_int_equal(rc, 0);
    assert_string_equal(plain.text, want.text);
    free(plain.text);
    free(want.text);
}

static void test_no_visit_callback(void **state)
{
    assert_int_equal(cli_walk(NULL, 0, NULL, NULL, NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_tree),
        cmocka_unit_test(test_unreadable_directory),
        cmocka_unit_test(test_no_paths_is_stdin),
        cmocka_unit_test(test_explicit_paths),
        cmocka_unit_test(test_exclude),
        cmocka_unit_test(test_include),
        cmocka_unit_test(test_callback_stops_walk),
        cmocka_unit_test(test_loop_to_grandparent),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_no_visit_callback),
    };
    return cmocka_run_group_tests(tests, setup_tree, teardown_tree);
}
