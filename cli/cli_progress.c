/*
 * The progress line on stderr.  CLI-only.
 */
#include <stdio.h>
#include <string.h>

#include "cli_progress.h"
#include "cli_report.h"

#define PROGRESS_INTERVAL_NS 200000000L
#define PROGRESS_PATH_MAX 48

void cli_progress_clear(cli_progress_t *p)
{
    if (p->drawn) {
        fputs("\r\033[K", stderr);
        p->drawn = false;
    }
}

static long elapsed_ns(const struct timespec *from, const struct timespec *to)
{
    return (long)(to->tv_sec - from->tv_sec) * 1000000000L + (to->tv_nsec - from->tv_nsec);
}

void cli_progress_draw(cli_progress_t *p, size_t files, const char *path)
{
    struct timespec now;
    if (!p->enabled)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (p->drawn && elapsed_ns(&p->last, &now) < PROGRESS_INTERVAL_NS)
        return;
    p->last = now;
    const char *shown = cli_report_display_path(path);
    size_t len = strlen(shown);
    /* Paths come from the file system: show only printable bytes of the tail. */
    char tail[PROGRESS_PATH_MAX + 1];
    const char *from = len > PROGRESS_PATH_MAX ? shown + len - PROGRESS_PATH_MAX : shown;
    size_t n = 0;
    for (; *from && n < PROGRESS_PATH_MAX; from++)
        tail[n++] = (*from >= 0x20 && *from < 0x7f) ? *from : '?';
    tail[n] = '\0';
    fprintf(stderr, "\r\033[Khush: %zu files, %.1f MiB: %s%s", files,
            (double)p->bytes / (1024.0 * 1024.0), len > PROGRESS_PATH_MAX ? "..." : "", tail);
    p->drawn = true;
}
