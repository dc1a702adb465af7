/*
 * The --allow file (format in cli_allow.h): parsed once, matched for every
 * candidate finding.  Entries are few (a team's reviewed exceptions), so
 * matching tries each in file order; the first that holds wins.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <fnmatch.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_allow.h"
#include "cli_textfile.h"

/* A value regex gets this much backtracking per candidate, then gives up
 * (and allows nothing): an allow file must not be able to hang a scan. */
#define VALUE_MATCH_LIMIT 100000u
#define VALUE_DEPTH_LIMIT 1000u

typedef struct allow_entry {
    char *rule_glob;        /* NULL: any rule */
    char *path_glob;        /* NULL: any path */
    bool path_has_slash;
    char fingerprint[HUSH_FINGERPRINT_HEX + 1]; /* "": any */
    pcre2_code *value_re;   /* NULL: any value */
    char *reason;
    size_t line;
} allow_entry_t;

struct cli_allow_list {
    char *file;
    allow_entry_t *entries;
    size_t count;
    pcre2_match_data *match_data;
    pcre2_match_context *match_context;
};

typedef struct parse {
    const char *path;
    size_t line;
    hush_error_t *err;
} parse_t;

__attribute__((format(printf, 2, 3))) static hush_status_t fail(parse_t *p, const char *format,
                                                                ...)
{
    char reason[256];
    va_list args;
    va_start(args, format);
    vsnprintf(reason, sizeof reason, format, args);
    va_end(args);
    snprintf(p->err->message, sizeof p->err->message, "%s:%zu: %s", p->path, p->line, reason);
    return HUSH_ERR_ARGUMENT;
}

static void entry_free(allow_entry_t *e)
{
    free(e->rule_glob);
    free(e->path_glob);
    pcre2_code_free(e->value_re);
    free(e->reason);
}

void cli_allow_list_free(cli_allow_list_t *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        entry_free(&list->entries[i]);
    free(list->entries);
    pcre2_match_data_free(list->match_data);
    pcre2_match_context_free(list->match_context);
    free(list->file);
    free(list);
}

static hush_status_t set_fingerprint(parse_t *p, allow_entry_t *e, const char *v, size_t n)
{
    if (n != HUSH_FINGERPRINT_HEX)
        return fail(p, "fingerprint= needs the %u hex digits hush reports", HUSH_FINGERPRINT_HEX);
    for (size_t i = 0; i < n; i++) {
        if (!isxdigit((unsigned char)v[i]))
            return fail(p, "fingerprint= needs the %u hex digits hush reports",
                        HUSH_FINGERPRINT_HEX);
        e->fingerprint[i] = (char)tolower((unsigned char)v[i]);
    }
    e->fingerprint[n] = '\0';
    return HUSH_OK;
}

static hush_status_t set_value_regex(parse_t *p, allow_entry_t *e, const char *v, size_t n)
{
    int code;
    PCRE2_SIZE offset;
    /* Bytes, not UTF-8: secrets are matched as the bytes they are. */
    e->value_re = pcre2_compile((PCRE2_SPTR)v, n, 0, &code, &offset, NULL);
    if (e->value_re)
        return HUSH_OK;
    PCRE2_UCHAR message[128];
    pcre2_get_error_message(code, message, sizeof message);
    return fail(p, "value=: %s (at offset %zu of the regex)", (const char *)message,
                (size_t)offset);
}

/* One KEY=VALUE criterion; *is_criterion false when the token starts the reason. */
static hush_status_t parse_criterion(parse_t *p, allow_entry_t *e, const char *tok, size_t len,
                                     bool *is_criterion)
{
    size_t key_len = 0;
    while (key_len < len && islower((unsigned char)tok[key_len]))
        key_len++;
    *is_criterion = key_len > 0 && key_len < len && tok[key_len] == '=';
    if (!*is_criterion)
        return HUSH_OK;
    const char *v = tok + key_len + 1;
    size_t n = len - key_len - 1;
    char **glob = NULL;
    bool taken;
    if (n == 0)
        return fail(p, "%.*s= needs a value", (int)key_len, tok);
    if (key_len == 4 && memcmp(tok, "path", 4) == 0) {
        /* Paths are compared without a leading "./": so are globs. */
        while (n > 2 && v[0] == '.' && v[1] == '/') {
            v += 2;
            n -= 2;
        }
    }
    if (key_len == 4 && memcmp(tok, "rule", 4) == 0) {
        glob = &e->rule_glob;
        taken = *glob;
    } else if (key_len == 4 && memcmp(tok, "path", 4) == 0) {
        glob = &e->path_glob;
        taken = *glob;
        e->path_has_slash = memchr(v, '/', n) != NULL;
    } else if (key_len == 11 && memcmp(tok, "fingerprint", 11) == 0) {
        if (e->fingerprint[0])
            return fail(p, "fingerprint= given twice in one entry");
        return set_fingerprint(p, e, v, n);
    } else if (key_len == 5 && memcmp(tok, "value", 5) == 0) {
        if (e->value_re)
            return fail(p, "value= given twice in one entry");
        return set_value_regex(p, e, v, n);
    } else {
        return fail(p, "unknown criterion '%.*s' (say rule=, path=, fingerprint= or value=)",
                    (int)key_len, tok);
    }
    if (taken)
        return fail(p, "%.*s= given twice in one entry", (int)key_len, tok);
    *glob = strndup(v, n);
    return *glob ? HUSH_OK : HUSH_ERR_NOMEM;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

static hush_status_t parse_entry(parse_t *p, const char *s, size_t n, allow_entry_t *e)
{
    size_t i = 0, criteria = 0;
    hush_status_t st = HUSH_OK;
    for (;;) {
        while (i < n && is_blank(s[i]))
            i++;
        size_t start = i;
        while (i < n && !is_blank(s[i]))
            i++;
        bool is_criterion = false;
        if (start < n && (st = parse_criterion(p, e, s + start, i - start, &is_criterion)))
            return st;
        if (!is_criterion) {
            i = start;
            break;
        }
        criteria++;
    }
    while (n > i && is_blank(s[n - 1]))
        n--;
    if (criteria == 0)
        return fail(p, "an entry needs at least one of rule=, path=, fingerprint=, value=");
    if (i == n)
        return fail(p, "an entry needs a reason after its criteria (--verbose shows it)");
    e->reason = strndup(s + i, n - i);
    e->line = p->line;
    return e->reason ? HUSH_OK : HUSH_ERR_NOMEM;
}

static hush_status_t parse_lines(cli_allow_list_t *list, const char *data, size_t size,
                                 parse_t *p)
{
    cli_line_cursor_t cursor = {.data = data, .size = size};
    const char *line;
    size_t length;
    while (cli_next_line(&cursor, &line, &length)) {
        p->line = cursor.number;
        while (length > 0 && is_blank(*line)) {
            line++;
            length--;
        }
        if (length == 0 || line[0] == '#')
            continue;
        if (memchr(line, '\0', length))
            return fail(p, "a NUL byte in an entry (is this a text file?)");
        if (list->count == CLI_ALLOW_MAX_ENTRIES)
            return fail(p, "more than %u entries", CLI_ALLOW_MAX_ENTRIES);
        allow_entry_t *e = &list->entries[list->count++];
        hush_status_t st = parse_entry(p, line, length, e);
        if (st != HUSH_OK)
            return st;
    }
    return HUSH_OK;
}

hush_status_t cli_allow_list_load(const char *path, cli_allow_list_t **out, hush_error_t *err)
{
    *out = NULL;
    size_t size;
    char *data = cli_read_file(path, CLI_ALLOW_MAX_FILE_SIZE, "allow file", &size, err);
    if (!data)
        return HUSH_ERR_IO;
    /* At most one entry per line: count lines to size the array once. */
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    if (lines > CLI_ALLOW_MAX_ENTRIES)
        lines = CLI_ALLOW_MAX_ENTRIES;
    cli_allow_list_t *list = calloc(1, sizeof *list);
    hush_status_t st = HUSH_ERR_NOMEM;
    if (list) {
        list->file = strdup(path);
        list->entries = calloc(lines, sizeof *list->entries);
        list->match_data = pcre2_match_data_create(1, NULL);
        list->match_context = pcre2_match_context_create(NULL);
    }
    if (list && list->file && list->entries && list->match_data && list->match_context) {
        pcre2_set_match_limit(list->match_context, VALUE_MATCH_LIMIT);
        pcre2_set_depth_limit(list->match_context, VALUE_DEPTH_LIMIT);
        parse_t p = {.path = path, .err = err};
        st = parse_lines(list, data, size, &p);
    }
    if (st == HUSH_ERR_NOMEM)
        snprintf(err->message, sizeof err->message, "%s: %s", path, hush_strerror(st));
    free(data);
    if (st != HUSH_OK) {
        cli_allow_list_free(list);
        return st;
    }
    *out = list;
    return HUSH_OK;
}

/* The part of a path a glob without '/' is matched against: the file name,
 * or an archive member's name after '!'. */
static const char *file_name(const char *path)
{
    const char *name = path;
    for (const char *c = path; *c; c++)
        if (*c == '/' || *c == '!')
            name = c + 1;
    return name;
}

static bool path_matches(const allow_entry_t *e, const char *path)
{
    if (!e->path_glob)
        return true;
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    return fnmatch(e->path_glob, e->path_has_slash ? path : file_name(path), 0) == 0;
}

static bool value_matches(cli_allow_list_t *list, const allow_entry_t *e,
                          const hush_allow_query_t *q)
{
    if (!e->value_re)
        return true;
    int rc = pcre2_match(e->value_re, q->value, q->size, 0, 0, list->match_data,
                         list->match_context);
    return rc >= 0;
}

bool cli_allow_list_match(cli_allow_list_t *list, const char *path,
                          const hush_allow_query_t *q, cli_allow_entry_info_t *info)
{
    for (size_t i = 0; list && i < list->count; i++) {
        const allow_entry_t *e = &list->entries[i];
        if ((e->rule_glob && fnmatch(e->rule_glob, q->rule_id, 0) != 0) ||
            (e->fingerprint[0] && strcmp(e->fingerprint, q->fingerprint) != 0) ||
            !path_matches(e, path) || !value_matches(list, e, q))
            continue;
        *info = (cli_allow_entry_info_t){.file = list->file, .line = e->line,
                                          .reason = e->reason};
        return true;
    }
    return false;
}
