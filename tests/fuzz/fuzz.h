/*
 * What every fuzz target shares: its entry point and the check that stops a
 * run when an invariant is broken.  Header only, so a target builds with
 * libFuzzer from its own .c file (see README.md) as well as with
 * replay_main.c.
 */
#ifndef TESTS_FUZZ_H
#define TESTS_FUZZ_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs one input; libFuzzer and replay_main.c call it. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints "<target>: invariant violated: <message> (<file>:<line>)" and
 * aborts, so libFuzzer keeps the input and tests/fuzz/replay.sh names it.
 * The target is the file name without ".c" (fuzz_scanner, ...).  Messages
 * name invariants and offsets, never input content. */
__attribute__((noreturn, format(printf, 3, 4))) static inline void
fuzz_violated(const char *file, int line, const char *fmt, ...)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    const char *dot = strrchr(base, '.');
    int name_len = dot ? (int)(dot - base) : (int)strlen(base);
    fprintf(stderr, "%.*s: invariant violated: ", name_len, base);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (%s:%d)\n", file, line);
    abort();
}

/* Aborts with a printf-style message unless `cond` holds. */
#define FUZZ_REQUIRE(cond, ...)                                  \
    do {                                                         \
        if (!(cond))                                             \
            fuzz_violated(__FILE__, __LINE__, __VA_ARGS__);      \
    } while (0)

/* Byte 0 of every input picks how the rest is run (see README.md): takes
 * it into *mode and leaves the content in *data, *size.  False for an empty
 * input, which a target skips. */
static inline bool fuzz_take_mode(const uint8_t **data, size_t *size, uint8_t *mode)
{
    if (*size == 0)
        return false;
    *mode = (*data)[0];
    (*data)++;
    (*size)--;
    return true;
}

#endif
