/*
 * Growable arrays of the command line.  CLI-only.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_array.h"

bool cli_array_grow(void *items_ptr, size_t *capacity, size_t element_size, size_t initial)
{
    size_t grown = *capacity ? *capacity * 2 : initial;
    if (grown < *capacity || grown > SIZE_MAX / element_size)
        return false;
    /* The array's pointer is read and written as bytes, whatever its type,
     * so no element type has to pass through a void ** cast. */
    void *old;
    memcpy(&old, items_ptr, sizeof old);
    void *items = realloc(old, grown * element_size);
    if (!items)
        return false;
    memcpy(items_ptr, &items, sizeof items);
    *capacity = grown;
    return true;
}
