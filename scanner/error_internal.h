/* Filling a hush_error_t, for library modules (the CLI formats its own). */
#ifndef HUSH_ERROR_INTERNAL_H
#define HUSH_ERROR_INTERNAL_H

#include "hush.h"

/* Fills err->message like snprintf; err may be NULL. */
void hush_error_set(hush_error_t *err, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#endif
