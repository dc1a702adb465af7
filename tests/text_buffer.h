/*
 * A growable byte buffer for tests: documents being generated, captured
 * findings, redacted output.  The bytes are always followed by a NUL, so a
 * buffer of text can be used as a C string.
 */
#ifndef TESTS_TEXT_BUFFER_H
#define TESTS_TEXT_BUFFER_H

#include <stddef.h>

typedef struct buf {
    char *data; /* NULL until the first byte is added */
    size_t size, cap;
} buf_t;

/* Makes room for n more bytes and a terminator. */
void buf_reserve(buf_t *b, size_t n);
/* Appends n bytes. */
void buf_put(buf_t *b, const void *p, size_t n);
/* Appends a C string. */
void buf_str(buf_t *b, const char *s);
/* Appends printf-style text. */
void buf_fmt(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Frees the bytes and leaves an empty buffer. */
void buf_free(buf_t *b);
/* The bytes as a C string ("" for a buffer that never held any). */
const char *buf_text(const buf_t *b);

#endif
