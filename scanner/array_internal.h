/* Growable arrays of the library: one way to make room, with a limit. */
#ifndef HUSHI_ARRAY_INTERNAL_H
#define HUSHI_ARRAY_INTERNAL_H

#include <stdlib.h>

#include "hush.h"

/* Returns `array` grown to hold at least one element more than *capacity
 * (doubling, from `initial`), and updates *capacity; NULL with *status set
 * when the capacity already reached `limit` elements (HUSH_ERR_LIMIT) or
 * memory ran out (HUSH_ERR_NOMEM), `array` then being left as it was. */
static inline void *hushi_array_grow(void *array, size_t *capacity, size_t element_size,
                                    size_t initial, size_t limit, hush_status_t *status)
{
    if (*capacity >= limit) {
        *status = HUSH_ERR_LIMIT;
        return NULL;
    }
    size_t grown = *capacity ? *capacity * 2 : initial;
    void *p = realloc(array, grown * element_size);
    if (!p) {
        *status = HUSH_ERR_NOMEM;
        return NULL;
    }
    *capacity = grown;
    return p;
}

#endif
