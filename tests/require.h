/*
 * REQUIRE for test-support code.  Support objects are linked into the fuzz
 * targets too, which have no cmocka, so they cannot use its assertions.  A
 * broken requirement there (out of memory, a bug in a test generator) prints
 * where it happened and aborts: the test binary dies, and tests/run-unit.sh
 * counts it as failed.  Tests themselves keep using cmocka's assertions.
 */
#ifndef TESTS_REQUIRE_H
#define TESTS_REQUIRE_H

#include <stdio.h>
#include <stdlib.h>

/* Aborts with "file:line: requirement failed: cond" unless `cond` holds. */
#define REQUIRE(cond)                                                                    \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: requirement failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

#endif
