/* A growable byte buffer for tests (see text_buffer.h). */
#include "text_buffer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "require.h"

void buf_reserve(buf_t *b, size_t n)
{
    if (b->size + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->size + n + 1)
        cap *= 2;
    b->data = realloc(b->data, cap);
    REQUIRE(b->data != NULL);
    b->cap = cap;
}

void buf_put(buf_t *b, const void *p, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->size, p, n);
    b->size += n;
    b->data[b->size] = '\0';
}

void buf_str(buf_t *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_fmt(buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    REQUIRE(n >= 0);
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->size, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->size += (size_t)n;
}

void buf_free(buf_t *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

const char *buf_text(const buf_t *b) { return b->data ? b->data : ""; }
