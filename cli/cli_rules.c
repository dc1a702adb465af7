/*
 * Loading the rules a run uses: the built-in pack (unless --no-default-rules)
 * and every --rules file or directory (its *.json files in name order),
 * compiled with the database cache the options and environment name.
 * CLI-only.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "cli_array.h"
#include "cli_rules.h"
#include "cli_textfile.h"

/* A rule file larger than this is surely not a rule file. */
#define MAX_RULE_FILE_SIZE (16u << 20)
/* One value per line, each at most HUSH_KNOWN_SECRET_MAX bytes. */
#define MAX_KNOWN_SECRETS_FILE_SIZE (2u << 20)
/* First allocation of the list of rule files. */
#define RULE_FILES_INITIAL 16
/* The cache holds nothing secret, but nobody else needs to read it. */
#define CACHE_DIR_MODE 0700

__attribute__((format(printf, 2, 3))) static void set_error(hush_error_t *err, const char *format,
                                                            ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(err->message, sizeof err->message, format, args);
    va_end(args);
}

typedef struct rule_files {
    hush_rule_file_t *files;
    size_t count;
    size_t capacity;
    cli_string_list_t owned;   /* names and contents we allocated */
} rule_files_t;

static void rule_files_free(rule_files_t *rf)
{
    cli_string_list_free(&rf->owned);
    free(rf->files);
}

static bool add_rule_file(rule_files_t *rf, const char *name, const char *data, size_t size)
{
    if (!CLI_ARRAY_RESERVE(rf->files, rf->count, rf->capacity, RULE_FILES_INITIAL))
        return false;
    rf->files[rf->count++] = (hush_rule_file_t){.name = name, .data = data, .size = size};
    return true;
}

static bool load_rule_file(hush_error_t *err, rule_files_t *rf, const char *path)
{
    size_t size;
    char *data = cli_read_file(path, MAX_RULE_FILE_SIZE, "rule file", &size, err);
    if (!data)
        return false;
    /* The rule set copies what it needs: the list keeps the file's bytes and
     * name alive only until the rules are compiled. */
    bool ok = cli_string_list_take(&rf->owned, data);
    if (!ok)
        free(data);
    ok = ok && cli_string_list_add_copy(&rf->owned, path) &&
         add_rule_file(rf, rf->owned.items[rf->owned.count - 1], data, size);
    if (!ok)
        set_error(err, "%s: %s", path, hush_strerror(HUSH_ERR_NOMEM));
    return ok;
}

static int select_json(const struct dirent *entry)
{
    size_t len = strlen(entry->d_name);
    return entry->d_name[0] != '.' && len > 5 && strcmp(entry->d_name + len - 5, ".json") == 0;
}

/* Byte order, not the locale's, so every machine loads rules alike. */
static int compare_names(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static bool load_rule_dir(hush_error_t *err, rule_files_t *rf, const char *dir)
{
    struct dirent **entries;
    int n = scandir(dir, &entries, select_json, compare_names);
    if (n < 0) {
        set_error(err, "%s: %s", dir, strerror(errno));
        return false;
    }
    bool ok = n > 0;
    if (n == 0)
        set_error(err, "%s: no *.json rule files in this directory", dir);
    for (int i = 0; i < n; i++) {
        char path[4096];
        int len = snprintf(path, sizeof path, "%s%s%s", dir,
                           dir[strlen(dir) - 1] == '/' ? "" : "/", entries[i]->d_name);
        if (ok && (len < 0 || (size_t)len >= sizeof path)) {
            set_error(err, "%s: path too long", dir);
            ok = false;
        }
        if (ok)
            ok = load_rule_file(err, rf, path);
        free(entries[i]);
    }
    free(entries);
    return ok;
}

static bool collect_rule_files(const cli_options_t *opt, rule_files_t *rf, hush_error_t *err)
{
    if (!opt->no_default_rules) {
        const hush_rule_file_t *files;
        size_t count;
        hush_default_rule_files(&files, &count);
        for (size_t i = 0; i < count; i++) {
            if (!add_rule_file(rf, files[i].name, files[i].data, files[i].size)) {
                set_error(err, "rules: %s", hush_strerror(HUSH_ERR_NOMEM));
                return false;
            }
        }
    }
    for (size_t i = 0; i < opt->rule_path_count; i++) {
        const char *path = opt->rule_paths[i];
        struct stat st;
        if (stat(path, &st) != 0) {
            set_error(err, "%s: %s", path, strerror(errno));
            return false;
        }
        bool ok = S_ISDIR(st.st_mode) ? load_rule_dir(err, rf, path) : load_rule_file(err, rf, path);
        if (!ok)
            return false;
    }
    return true;
}

/* Creates every missing directory of `path`; failures are ignored, because a
 * cache that cannot be written only costs time. */
static void make_cache_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, CACHE_DIR_MODE);
            *p = '/';
        }
    }
    mkdir(path, CACHE_DIR_MODE);
}

static bool resolve_cache_dir(const cli_options_t *opt, char *dir, size_t capacity)
{
    const char *env = getenv("HUSH_CACHE_DIR");
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (opt->no_cache)
        return false;
    if (opt->cache_dir)
        n = snprintf(dir, capacity, "%s", opt->cache_dir);
    else if (env && env[0])
        n = snprintf(dir, capacity, "%s", env);
    else if (xdg && xdg[0] == '/')
        n = snprintf(dir, capacity, "%s/hush", xdg);
    else if (home && home[0])
        n = snprintf(dir, capacity, "%s/.cache/hush", home);
    else
        return false;
    if (n <= 0 || (size_t)n >= capacity)
        return false;
    make_cache_dirs(dir);
    return true;
}

/* The --known-secrets file: one value per line, taken as written (only the
 * line end is removed); empty lines are skipped. */
typedef struct known_secrets {
    char *data;
    size_t size;
    hush_known_secret_t *values;
    size_t count;
} known_secrets_t;

static void known_secrets_free(known_secrets_t *ks)
{
    if (ks->data)
        OPENSSL_cleanse(ks->data, ks->size);
    free(ks->data);
    free(ks->values);
}

static bool load_known_secrets(const char *path, known_secrets_t *ks, hush_error_t *err)
{
    ks->data = cli_read_file(path, MAX_KNOWN_SECRETS_FILE_SIZE, "known-secrets file",
                             &ks->size, err);
    if (!ks->data)
        return false;
    ks->values = calloc(HUSH_KNOWN_SECRETS_MAX, sizeof *ks->values);
    if (!ks->values) {
        set_error(err, "%s: %s", path, hush_strerror(HUSH_ERR_NOMEM));
        return false;
    }
    cli_line_cursor_t cursor = {.data = ks->data, .size = ks->size};
    const char *line;
    size_t length;
    while (cli_next_line(&cursor, &line, &length)) {
        if (length == 0)
            continue;
        /* Never quote the value: say where it is and what is wrong. */
        if (length < HUSH_KNOWN_SECRET_MIN || length > HUSH_KNOWN_SECRET_MAX) {
            set_error(err, "%s:%zu: a known secret must be %u to %u bytes long (this one has %zu)",
                      path, cursor.number, HUSH_KNOWN_SECRET_MIN, HUSH_KNOWN_SECRET_MAX, length);
            return false;
        }
        if (strspn(line, " \t") >= length) {
            set_error(err, "%s:%zu: a known secret of only spaces would match every run of spaces",
                      path, cursor.number);
            return false;
        }
        if (ks->count == HUSH_KNOWN_SECRETS_MAX) {
            set_error(err, "%s:%zu: more than %u known secrets", path, cursor.number,
                      HUSH_KNOWN_SECRETS_MAX);
            return false;
        }
        ks->values[ks->count++] =
            (hush_known_secret_t){.value = (const unsigned char *)line, .size = length};
    }
    if (ks->count == 0) {
        set_error(err, "%s: no known secrets in this file (one per line)", path);
        return false;
    }
    return true;
}

hush_status_t cli_load_rules(const cli_options_t *opt, hush_rules_t **out,
                             hush_error_t *err)
{
    char cache[4096];
    rule_files_t rf = {0};
    known_secrets_t ks = {0};
    *out = NULL;
    hush_status_t status = HUSH_ERR_RULE;
    const char *ks_path = opt->command == CLI_COMMAND_RULES ? NULL : opt->known_secrets_file;
    if (collect_rule_files(opt, &rf, err) && (!ks_path || load_known_secrets(ks_path, &ks, err))) {
        hush_rules_config_t config = {
            .files = rf.files,
            .file_count = rf.count,
            .cache_dir = resolve_cache_dir(opt, cache, sizeof cache) ? cache : NULL,
            .known_secrets = ks.values,
            .known_secret_count = ks.count,
            .known_secrets_name = ks_path,
        };
        /* The rule set keeps its own copies: the files can go right after. */
        status = hush_rules_create(&config, out, err);
        if (status != HUSH_OK && !err->message[0])
            set_error(err, "%s", hush_strerror(status));
    }
    known_secrets_free(&ks);
    rule_files_free(&rf);
    return status;
}
