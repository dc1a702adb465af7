/*
 * The bytes of the current stream still needed: a linear buffer that holds
 * stream offsets [base, base + size).  Bytes are written at the end (the
 * scanner hands that space out as its input buffer) and
 * dropped from the front once nothing can refer to them any more, so its
 * capacity, fixed at creation, bounds the memory of a scan.
 */
#ifndef HUSH_WINDOW_H
#define HUSH_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hush_window {
    unsigned char *data;
    size_t capacity;
    size_t size;
    uint64_t base;           /* stream offset of data[0] */
} hush_window_t;

bool hush_window_init(hush_window_t *w, size_t capacity);
void hush_window_free(hush_window_t *w);
void hush_window_reset(hush_window_t *w);

static inline uint64_t hush_window_end(const hush_window_t *w) { return w->base + w->size; }
static inline size_t hush_window_room(const hush_window_t *w) { return w->capacity - w->size; }
/* Pointer to stream offset `offset`, which must lie in [base, end]. */
static inline const unsigned char *hush_window_at(const hush_window_t *w, uint64_t offset)
{
    return w->data + (offset - w->base);
}

/* Drops every byte before `offset` (no-op when offset <= base). */
void hush_window_discard_before(hush_window_t *w, uint64_t offset);

#endif
