/*
 * Growable arrays and string lists of the command line.  CLI-only.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_array.h"

/* First allocation of a string list. */
#define STRING_LIST_INITIAL 16

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

bool cli_string_list_take(cli_string_list_t *list, char *s)
{
    if (!CLI_ARRAY_RESERVE(list->items, list->count, list->capacity, STRING_LIST_INITIAL))
        return false;
    list->items[list->count++] = s;
    return true;
}

bool cli_string_list_add_copy(cli_string_list_t *list, const char *s)
{
    char *copy = strdup(s);
    if (copy && cli_string_list_take(list, copy))
        return true;
    free(copy);
    return false;
}

void cli_string_list_free(cli_string_list_t *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
}
