/*
 * Growable arrays of the command line: one way to make room for one more
 * element, instead of a doubling loop written out at every list.  CLI-only.
 */
#ifndef CLI_ARRAY_H
#define CLI_ARRAY_H

#include <stdbool.h>
#include <stddef.h>

/* Makes sure the array `items` (a pointer variable, NULL when empty), holding
 * `count` of `capacity` allocated elements, has room for one more: grows it by
 * doubling, from `initial` elements, and updates `items` and `capacity`.
 * Evaluates to false when memory ran out; the array is then left as it was. */
#define CLI_ARRAY_RESERVE(items, count, capacity, initial)                                    \
    ((count) < (capacity) ||                                                                  \
     cli_array_grow((void *)&(items), &(capacity), sizeof *(items), (initial)))

/* What CLI_ARRAY_RESERVE calls when the array is full: `items_ptr` is the
 * address of the array's pointer variable.  Use the macro instead. */
bool cli_array_grow(void *items_ptr, size_t *capacity, size_t element_size, size_t initial);

/* A list of strings (or any malloc'd bytes) that the list owns: freed with it. */
typedef struct cli_string_list {
    char **items;
    size_t count;
    size_t capacity;
} cli_string_list_t;

/* Appends `s`, which the list owns from now on; false when memory ran out
 * (`s` is then still the caller's). */
bool cli_string_list_take(cli_string_list_t *list, char *s);
/* Appends a copy of `s`; false when memory ran out. */
bool cli_string_list_add_copy(cli_string_list_t *list, const char *s);
/* Frees every string and the list's array (the struct itself is the caller's). */
void cli_string_list_free(cli_string_list_t *list);

#endif
