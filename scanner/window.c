/* See window.h. */
#include <stdlib.h>
#include <string.h>

#include "window.h"

bool hushi_window_init(hushi_window_t *w, size_t capacity)
{
    memset(w, 0, sizeof *w);
    w->data = malloc(capacity);
    w->capacity = w->data ? capacity : 0;
    return w->data != NULL;
}

void hushi_window_free(hushi_window_t *w)
{
    free(w->data);
    memset(w, 0, sizeof *w);
}

bool hushi_window_resize(hushi_window_t *w, size_t capacity)
{
    unsigned char *data = realloc(w->data, capacity);
    if (!data)
        return false;
    w->data = data;
    w->capacity = capacity;
    return true;
}

void hushi_window_reset(hushi_window_t *w)
{
    w->size = 0;
    w->base = 0;
}

void hushi_window_discard_before(hushi_window_t *w, uint64_t offset)
{
    if (offset <= w->base)
        return;
    uint64_t end = hushi_window_end(w);
    if (offset > end)
        offset = end;
    size_t drop = (size_t)(offset - w->base);
    /* Moving the kept tail is cheap: it is bounded by the look-back, while
     * discards happen once per fed slice. */
    memmove(w->data, w->data + drop, w->size - drop);
    w->size -= drop;
    w->base = offset;
}
