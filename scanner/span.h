/*
 * A byte span: a pointer and a length into a buffer someone else owns,
 * never NUL-terminated.  The checks on a candidate value (placeholder
 * detection, scoring, the structure validators) look at slices of it this
 * way, without copying.  Words and prefixes passed to the helpers are
 * NUL-terminated C strings; case folding is ASCII only, whatever the locale.
 */
#ifndef HUSHI_SPAN_H
#define HUSHI_SPAN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct hushi_span {
    const unsigned char *p;
    size_t n;
} hushi_span_t;

/* True when every byte of s satisfies ok (so true for an empty span). */
bool hushi_span_all(hushi_span_t s, bool (*ok)(unsigned char));

/* True when s is not empty and every byte of it satisfies ok. */
bool hushi_span_all_nonempty(hushi_span_t s, bool (*ok)(unsigned char));

/* True when s is exactly `word`. */
bool hushi_span_equals(hushi_span_t s, const char *word);

/* True when s, lower-cased, is exactly `lower_word` (given in lower case). */
bool hushi_span_equals_lower(hushi_span_t s, const char *lower_word);

/* True when `word` occurs in s as written (an empty word always does). */
bool hushi_span_contains(hushi_span_t s, const char *word);

/* True when `word` occurs in s, case ignored (an empty word never does). */
bool hushi_span_contains_ci(hushi_span_t s, const char *word);

/* True when s begins / ends with the given text as written. */
bool hushi_span_starts_with(hushi_span_t s, const char *prefix);
bool hushi_span_ends_with(hushi_span_t s, const char *suffix);

/* True when s begins with `prefix`, case ignored. */
bool hushi_span_starts_with_ci(hushi_span_t s, const char *prefix);

/* Two trims for two jobs; both then drop one layer of matching quotes
 * ("x" or 'x').
 * _blanks: spaces and tabs at the start, spaces, tabs and '\r' at the end;
 * a '\n' stays, so a value cut from one line keeps what ends its line.
 * _whitespace: spaces, tabs, '\r' and '\n' at both ends: the whole value,
 * however it was laid out. */
hushi_span_t hushi_span_trim_blanks_unquote(const unsigned char *value, size_t size);
hushi_span_t hushi_span_trim_whitespace_unquote(const unsigned char *value, size_t size);

#endif
