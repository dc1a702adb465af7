/* See lines.h. */
#include <string.h>

#include "lines.h"

/* 16 lanes of byte counters, summed before any lane can overflow.  GCC and
 * Clang vector extensions compile to SSE2/AVX or NEON alike, so this stays
 * portable to the Vectorscan platforms. */
typedef unsigned char hushi_v16 __attribute__((vector_size(16)));
#define HUSHI_LANE_ROUNDS 255u

static uint64_t count_newlines(const unsigned char *p, size_t n)
{
    const hushi_v16 newline = {'\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n',
                              '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n'};
    uint64_t count = 0;
    size_t i = 0;
    while (n - i >= 16) {
        hushi_v16 lanes = {0};
        size_t rounds = (n - i) / 16;
        if (rounds > HUSHI_LANE_ROUNDS)
            rounds = HUSHI_LANE_ROUNDS;
        for (size_t r = 0; r < rounds; r++, i += 16) {
            hushi_v16 chunk;
            memcpy(&chunk, p + i, sizeof chunk);
            lanes -= (hushi_v16)(chunk == newline); /* a match is all ones: -1 */
        }
        for (int k = 0; k < 16; k++)
            count += lanes[k];
    }
    for (; i < n; i++)
        count += p[i] == '\n';
    return count;
}

void hushi_lines_reset(hushi_lines_t *lines) { memset(lines, 0, sizeof *lines); }

void hushi_lines_count(hushi_lines_t *lines, const unsigned char *bytes, size_t size)
{
    lines->newlines += count_newlines(bytes, size);
}

void hushi_lines_before_discard(hushi_lines_t *lines, const hushi_window_t *w, uint64_t keep)
{
    if (keep <= w->base)
        return;
    const unsigned char *nl = memrchr(w->data, '\n', (size_t)(keep - w->base));
    if (nl)
        lines->line_start_at_base = w->base + (uint64_t)(nl - w->data) + 1;
}

void hushi_lines_locate(hushi_lines_t *lines, const hushi_window_t *w, uint64_t offset,
                        uint64_t *line, uint64_t *column)
{
    uint64_t end = hushi_window_end(w);
    uint64_t from = lines->cursor_pos;
    bool forward = from >= w->base && from <= offset && offset - from <= end - offset;
    uint64_t line_start;
    if (forward) {
        uint64_t crossed = count_newlines(hushi_window_at(w, from), (size_t)(offset - from));
        lines->cursor_newlines += crossed;
        /* Still on the cursor's line: no need to look back for its start,
         * which keeps many findings on one huge line linear. */
        const unsigned char *nl =
            crossed ? memrchr(hushi_window_at(w, from), '\n', (size_t)(offset - from)) : NULL;
        line_start = nl ? w->base + (uint64_t)(nl - w->data) + 1 : lines->cursor_line_start;
    } else {
        lines->cursor_newlines =
            lines->newlines - count_newlines(hushi_window_at(w, offset), (size_t)(end - offset));
        const unsigned char *nl = memrchr(w->data, '\n', (size_t)(offset - w->base));
        line_start = nl ? w->base + (uint64_t)(nl - w->data) + 1 : lines->line_start_at_base;
    }
    lines->cursor_pos = offset;
    lines->cursor_line_start = line_start;
    *line = lines->cursor_newlines + 1;
    *column = offset - line_start + 1;
}
