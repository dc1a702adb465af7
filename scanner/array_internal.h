/* Growable arrays of the library: one way to make room, with a limit.  The
 * command line has its own twin (cli/cli_array.h): it may not include this
 * header, and its arrays need no limit. */
#ifndef HUSHI_ARRAY_INTERNAL_H
#define HUSHI_ARRAY_INTERNAL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hush.h"

/* Makes sure the array `items` (a pointer variable, NULL when empty), holding
 * `count` of `capacity` allocated elements, has room for one more: grows it
 * by doubling, from `initial` elements, and updates `items` and `capacity`.
 * Evaluates to HUSH_OK, or to HUSH_ERR_LIMIT when `capacity` already reached
 * `limit` elements, or HUSH_ERR_NOMEM; the array is then left as it was. */
#define HUSHI_ARRAY_RESERVE(items, count, capacity, initial, limit)                            \
    ((count) < (capacity) ? HUSH_OK                                                            \
                          : hushi_array_grow((void *)&(items), &(capacity), sizeof *(items),   \
                                             (initial), (limit)))

/* What HUSHI_ARRAY_RESERVE calls when the array is full: `items_ptr` is the
 * address of the array's pointer variable (copied through memcpy, so any
 * element type works).  Use the macro instead. */
static inline hush_status_t hushi_array_grow(void *items_ptr, size_t *capacity,
                                             size_t element_size, size_t initial, size_t limit)
{
    if (*capacity >= limit)
        return HUSH_ERR_LIMIT;
    size_t grown = *capacity ? *capacity * 2 : initial;
    if (grown > SIZE_MAX / element_size)
        return HUSH_ERR_NOMEM;
    void *items;
    memcpy(&items, items_ptr, sizeof items);
    items = realloc(items, grown * element_size);
    if (!items)
        return HUSH_ERR_NOMEM;
    memcpy(items_ptr, &items, sizeof items);
    *capacity = grown;
    return HUSH_OK;
}

#endif
