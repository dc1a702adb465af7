/*
 * Path walking for the command line.
 *
 * Symbolic links are followed (a link to a log directory is what the user
 * means), so loops are cut by remembering the device and inode of every
 * directory from the walked root down to the current one: a directory that
 * is its own ancestor is reported once and not entered.  A link to a sibling
 * is not a loop and is walked again under its own name.
 *
 * Each directory is read completely and closed before its children are
 * visited, so at most one directory stream is open at a time, and the names
 * are sorted so the order never depends on the file system.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "cli_array.h"
#include "cli_walk.h"

/* Room for any message this file builds (paths may be longer: truncated). */
#define CLI_WALK_MESSAGE_MAX 1024u
#define CLI_WALK_STDIN_PATH "-"

typedef struct walk_ancestor {
    dev_t dev;
    ino_t ino;
    const char *path;
} walk_ancestor_t;

typedef struct walk {
    const cli_walk_options_t *options;
    cli_walk_fn visit;
    void *ctx;
    /* Directories from the walked root down to the one being read. */
    walk_ancestor_t ancestors[CLI_WALK_MAX_DEPTH + 1];
    size_t depth;
    char message[CLI_WALK_MESSAGE_MAX];
} walk_t;

static const cli_walk_options_t no_options;

/* ---- events ------------------------------------------------------------- */

static int emit(walk_t *walk, cli_walk_event_t event, const char *path, bool explicit_path,
                const char *message)
{
    cli_walk_entry_t entry = {
        .event = event, .path = path, .explicit_path = explicit_path, .message = message};
    return walk->visit(walk->ctx, &entry);
}

static int emit_errno(walk_t *walk, const char *path, bool explicit_path, int errnum)
{
    char text[128];
    return emit(walk, CLI_WALK_ERROR, path, explicit_path, strerror_r(errnum, text, sizeof text));
}

/* stat(2) failed on path: a dangling link is worth saying so, since `ls`
 * shows the name and the bare ENOENT would look like a bug. */
static int emit_stat_error(walk_t *walk, const char *path, bool explicit_path, int errnum)
{
    struct stat link;
    if (errnum == ENOENT && lstat(path, &link) == 0 && S_ISLNK(link.st_mode))
        return emit(walk, CLI_WALK_ERROR, path, explicit_path,
                    "No such file or directory (dangling symbolic link)");
    return emit_errno(walk, path, explicit_path, errnum);
}

/* ---- paths and globs ------------------------------------------------------ */

/* "dir" + "x" -> "dir/x"; "dir/" + "x" -> "dir/x"; "" + "x" -> "x". */
static char *path_join(const char *dir, const char *name)
{
    size_t dir_len = strlen(dir);
    size_t name_len = strlen(name);
    bool slash = dir_len > 0 && dir[dir_len - 1] != '/';
    char *joined = malloc(dir_len + slash + name_len + 1);
    if (!joined)
        return NULL;
    memcpy(joined, dir, dir_len);
    if (slash)
        joined[dir_len] = '/';
    memcpy(joined + dir_len + slash, name, name_len + 1);
    return joined;
}

/* A glob matches the base name or the path below the walked root, so both
 * `--exclude '*.gz'` and `--exclude 'vendor/cache'` work.  No FNM_PATHNAME:
 * a star may cross '/', so one glob can cover a whole subtree. */
static bool any_glob_matches(const char *const *globs, size_t count, const char *name,
                             const char *relative)
{
    for (size_t i = 0; i < count; i++) {
        if (fnmatch(globs[i], name, 0) == 0 || fnmatch(globs[i], relative, 0) == 0)
            return true;
    }
    return false;
}

static bool is_excluded(const walk_t *walk, const char *name, const char *relative)
{
    return any_glob_matches(walk->options->exclude_globs, walk->options->exclude_count, name,
                            relative);
}

static bool is_included(const walk_t *walk, const char *name, const char *relative)
{
    if (walk->options->include_count == 0)
        return true;
    return any_glob_matches(walk->options->include_globs, walk->options->include_count, name,
                            relative);
}

/* ---- reading a directory --------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads every name in dir but "." and "..", sorted.  Returns 0, or an errno. */
static int read_names(const char *dir, cli_string_list_t *list)
{
    DIR *stream = opendir(dir);
    if (!stream)
        return errno;
    int failure = 0;
    for (;;) {
        errno = 0;
        struct dirent *entry = readdir(stream);
        if (!entry) {
            failure = errno;
            break;
        }
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        if (!cli_string_list_add_copy(list, entry->d_name)) {
            failure = ENOMEM;
            break;
        }
    }
    closedir(stream);
    if (failure == 0 && list->count > 1)
        qsort(list->items, list->count, sizeof *list->items, compare_names);
    return failure;
}

/* ---- walking ------------------------------------------------------------- */

static int walk_directory(walk_t *walk, const char *path, const char *relative,
                          const struct stat *st, bool explicit_path);

static const walk_ancestor_t *find_ancestor(const walk_t *walk, const struct stat *st)
{
    for (size_t i = 0; i < walk->depth; i++) {
        if (walk->ancestors[i].dev == st->st_dev && walk->ancestors[i].ino == st->st_ino)
            return &walk->ancestors[i];
    }
    return NULL;
}

/* A directory met while walking: loop and depth checks, then into it. */
static int walk_subdirectory(walk_t *walk, const char *path, const char *relative,
                             const struct stat *st)
{
    const walk_ancestor_t *ancestor = find_ancestor(walk, st);
    if (ancestor) {
        snprintf(walk->message, sizeof walk->message,
                 "directory loop (already visited as %s), skipped", ancestor->path);
        return emit(walk, CLI_WALK_LOOP, path, false, walk->message);
    }
    if (walk->depth > CLI_WALK_MAX_DEPTH) {
        snprintf(walk->message, sizeof walk->message,
                 "directory nesting deeper than %d, skipped", CLI_WALK_MAX_DEPTH);
        return emit(walk, CLI_WALK_ERROR, path, false, walk->message);
    }
    return walk_directory(walk, path, relative, st, false);
}

/* One name found in a directory: excluded names are passed over silently,
 * before stat, so an excluded broken link makes no noise. */
static int walk_entry(walk_t *walk, const char *dir, const char *dir_relative, const char *name)
{
    char *path = path_join(dir, name);
    char *relative = path_join(dir_relative, name);
    int rc = 0;
    if (!path || !relative) {
        rc = emit_errno(walk, path ? path : dir, false, ENOMEM);
        goto done;
    }
    if (is_excluded(walk, name, relative))
        goto done;
    struct stat st;
    if (stat(path, &st) != 0) {
        int errnum = errno;
        /* --include concerns files only; what is surely no directory (a
         * dangling link, say) and is not included makes no noise either. */
        struct stat link;
        bool not_directory = lstat(path, &link) == 0 && !S_ISDIR(link.st_mode);
        if (!not_directory || is_included(walk, name, relative))
            rc = emit_stat_error(walk, path, false, errnum);
        goto done;
    }
    if (S_ISDIR(st.st_mode)) {
        rc = walk_subdirectory(walk, path, relative, &st);
        goto done;
    }
    if (!is_included(walk, name, relative))
        goto done;
    if (S_ISREG(st.st_mode))
        rc = emit(walk, CLI_WALK_FILE, path, false, NULL);
    else
        rc = emit(walk, CLI_WALK_SKIPPED, path, false, "not a regular file");
done:
    free(path);
    free(relative);
    return rc;
}

static int walk_directory(walk_t *walk, const char *path, const char *relative,
                          const struct stat *st, bool explicit_path)
{
    cli_string_list_t names = {0};
    int failure = read_names(path, &names);
    if (failure != 0) {
        cli_string_list_free(&names);
        return emit_errno(walk, path, explicit_path, failure);
    }
    walk->ancestors[walk->depth] = (walk_ancestor_t){st->st_dev, st->st_ino, path};
    walk->depth++;
    int rc = 0;
    for (size_t i = 0; i < names.count && rc == 0; i++)
        rc = walk_entry(walk, path, relative, names.items[i]);
    walk->depth--;
    cli_string_list_free(&names);
    return rc;
}

/* A path from the command line: always visited, whatever the globs say,
 * and anything readable is a file since the user asked for it. */
static int walk_root(walk_t *walk, const char *path)
{
    if (strcmp(path, CLI_WALK_STDIN_PATH) == 0)
        return emit(walk, CLI_WALK_STDIN, path, true, NULL);
    struct stat st;
    if (stat(path, &st) != 0)
        return emit_stat_error(walk, path, true, errno);
    if (S_ISDIR(st.st_mode))
        return walk_directory(walk, path, "", &st, true);
    return emit(walk, CLI_WALK_FILE, path, true, NULL);
}

int cli_walk(const char *const *paths, size_t path_count, const cli_walk_options_t *options,
             cli_walk_fn visit, void *ctx)
{
    if (!visit)
        return 0;
    walk_t *walk = calloc(1, sizeof *walk);
    if (!walk) {
        cli_walk_entry_t entry = {.event = CLI_WALK_ERROR, .path = "", .message = "out of memory"};
        return visit(ctx, &entry);
    }
    walk->options = options ? options : &no_options;
    walk->visit = visit;
    walk->ctx = ctx;
    int rc = 0;
    if (path_count == 0)
        rc = emit(walk, CLI_WALK_STDIN, CLI_WALK_STDIN_PATH, true, NULL);
    for (size_t i = 0; i < path_count && rc == 0; i++)
        rc = walk_root(walk, paths[i]);
    free(walk);
    return rc;
}
