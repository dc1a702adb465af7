/*
 * Whole-file reads and line iteration for the command line's small inputs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_textfile.h"

static char *fail_read(hush_error_t *err, const char *path, const char *reason, int fd, char *data,
                       size_t size)
{
    snprintf(err->message, sizeof err->message, "%s: %s", path, reason);
    if (data) /* part of a known-secrets file, maybe */
        explicit_bzero(data, size);
    free(data);
    if (fd >= 0)
        close(fd);
    return NULL;
}

char *cli_read_file(const char *path, size_t max_size, const char *what, size_t *size,
                    hush_error_t *err)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) != 0)
        return fail_read(err, path, strerror(errno), fd, NULL, 0);
    if (!S_ISREG(st.st_mode))
        return fail_read(err, path, "not a regular file", fd, NULL, 0);
    if ((unsigned long long)st.st_size > max_size) {
        char reason[128];
        if (max_size % (1u << 20) == 0)
            snprintf(reason, sizeof reason, "%s larger than %zu MiB", what, max_size >> 20);
        else
            snprintf(reason, sizeof reason, "%s larger than %zu bytes", what, max_size);
        return fail_read(err, path, reason, fd, NULL, 0);
    }
    size_t want = (size_t)st.st_size, got = 0;
    char *data = malloc(want + 1);
    if (!data)
        return fail_read(err, path, hush_strerror(HUSH_ERR_NOMEM), fd, NULL, 0);
    while (got < want) {
        ssize_t n = read(fd, data + got, want - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail_read(err, path, n < 0 ? strerror(errno) : "file shrank while reading", fd,
                             data, want);
        got += (size_t)n;
    }
    close(fd);
    data[want] = '\0';
    *size = want;
    return data;
}

bool cli_next_line(cli_line_cursor_t *c, const char **line, size_t *length)
{
    if (c->pos >= c->size)
        return false;
    const char *start = c->data + c->pos;
    const char *nl = memchr(start, '\n', c->size - c->pos);
    size_t n = nl ? (size_t)(nl - start) : c->size - c->pos;
    c->pos += n + (nl != NULL);
    if (n > 0 && start[n - 1] == '\r')
        n--;
    *line = start;
    *length = n;
    c->number++;
    return true;
}
