/*
 * The bytes of the current stream still needed: a linear buffer that holds
 * stream offsets [base, base + size).  Bytes are written at the end (the
 * scanner hands that space out as its input buffer) and
 * dropped from the front once nothing can refer to them any more, so its
 * capacity, fixed at creation, bounds the memory of a scan.
 */
#ifndef HUSHI_WINDOW_H
#define HUSHI_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hushi_window {
    unsigned char *data;
    size_t capacity;
    size_t size;
    uint64_t base;           /* stream offset of data[0] */
} hushi_window_t;

bool hushi_window_init(hushi_window_t *w, size_t capacity);
void hushi_window_free(hushi_window_t *w);
void hushi_window_reset(hushi_window_t *w);

static inline uint64_t hushi_window_end(const hushi_window_t *w) { return w->base + w->size; }
static inline size_t hushi_window_room(const hushi_window_t *w) { return w->capacity - w->size; }
/* Pointer to stream offset `offset`, which must lie in [base, end]. */
static inline const unsigned char *hushi_window_at(const hushi_window_t *w, uint64_t offset)
{
    return w->data + (offset - w->base);
}

/* Gives the window `capacity` bytes (no fewer than its size), keeping them;
 * false when memory ran out, the window then being left as it was. */
bool hushi_window_resize(hushi_window_t *w, size_t capacity);

/* Drops every byte before `offset` (no-op when offset <= base). */
void hushi_window_discard_before(hushi_window_t *w, uint64_t offset);

#endif
