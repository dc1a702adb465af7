/*
 * Line and column of an offset in a stream whose early bytes are gone.
 *
 * Newlines are counted as bytes arrive, while they are still in cache
 * (counting them when they leave the window cost 6% of a scan: they were
 * cold by then).  A finding's line is then found from a cursor that moves
 * forward from the previous finding, or back from the end of the window,
 * whichever reads fewer bytes.
 */
#ifndef HUSHI_LINES_H
#define HUSHI_LINES_H

#include "window.h"

typedef struct hushi_lines {
    uint64_t newlines;            /* '\n' in [0, window end) */
    uint64_t cursor_pos;          /* newlines in [0, cursor_pos) ... */
    uint64_t cursor_newlines;     /* ... are cursor_newlines */
    uint64_t cursor_line_start;   /* where the cursor's line starts */
    uint64_t line_start_at_base;  /* offset where the window's first line starts */
} hushi_lines_t;

void hushi_lines_reset(hushi_lines_t *lines);
/* Counts the newlines of bytes just appended to the window. */
void hushi_lines_count(hushi_lines_t *lines, const unsigned char *bytes, size_t size);
/* Call before dropping the window's bytes before `keep`. */
void hushi_lines_before_discard(hushi_lines_t *lines, const hushi_window_t *w, uint64_t keep);
/* 1-based line and byte column of `offset` (in the window); offsets asked
 * for must not decrease, as findings are released in order. */
void hushi_lines_locate(hushi_lines_t *lines, const hushi_window_t *w, uint64_t offset,
                        uint64_t *line, uint64_t *column);

#endif
