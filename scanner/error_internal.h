/* Filling a hush_error_t, for library modules (the CLI formats its own). */
#ifndef HUSHI_ERROR_INTERNAL_H
#define HUSHI_ERROR_INTERNAL_H

#include "hush.h"

/* Fills err->message like snprintf; err may be NULL. */
void hushi_error_set(hush_error_t *err, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#endif
