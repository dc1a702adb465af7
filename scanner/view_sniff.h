/*
 * The format of a stream, for views: judged on its first line whatever the
 * file is called (JSON, JSON Lines, CSV with a header, or plain).  A cheap
 * check on bytes; the tokenizer (view_lex.h) does the real parsing.
 */
#ifndef HUSHI_VIEW_SNIFF_H
#define HUSHI_VIEW_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* The format is decided on the first line, or this many bytes of it. */
#define HUSHI_VIEW_SNIFF_MAX 4096u

typedef enum hushi_view_format {
    HUSHI_VIEW_FORMAT_UNDECIDED = 0,  /* the first line is not complete yet */
    HUSHI_VIEW_FORMAT_PLAIN,
    HUSHI_VIEW_FORMAT_JSON,           /* JSON or JSON Lines */
    HUSHI_VIEW_FORMAT_CSV
} hushi_view_format_t;

/* The format of a stream from its first bytes p[0, n); complete: n is the
 * whole stream.  HUSHI_VIEW_FORMAT_UNDECIDED until the first line is
 * complete or HUSHI_VIEW_SNIFF_MAX bytes long.  A UTF-8 BOM and leading
 * whitespace are skipped; a first line of two or more short names
 * separated by commas is a CSV header. */
hushi_view_format_t hushi_view_sniff(const unsigned char *p, size_t n, bool complete);

#endif
