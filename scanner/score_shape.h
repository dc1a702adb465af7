/*
 * Shapes of values that scoring recognises before it grades entropy
 * (score.c decides what each one means for a candidate): defaults and
 * documentation values, templates, repeats, keyboard runs, UUIDs, digests,
 * names made of words, code, paths and URLs.  Pure functions, no state.
 */
#ifndef HUSHI_SCORE_SHAPE_H
#define HUSHI_SCORE_SHAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "span.h"

/* Entropy and word checks look at this many bytes; longer values are keys
 * or tokens whose first bytes show their nature. */
#define HUSHI_SCORE_MAX_SCORED 256
/* A keyboard or alphabet run this long is typed by a person (odds in a
 * random base62 value: about 1 in 62^5 per position). */
#define HUSHI_SCORE_SEQUENCE_RUN 6

/* Words of a name, split at separators and camelCase boundaries. */
typedef struct hushi_words {
    size_t count, naming;
    /* Pieces cut off by a change of case ("hTxKNtrS" -> h, Tx, KNtr, S):
     * random mixed case makes many short ones, which would pass as
     * acronyms; names written apart ("SMTP_PASSWORD") have none. */
    size_t case_short;  /* one or two letters */
    size_t case_odd;    /* three or four letters that are no plain word */
    bool all_pronounceable;
} hushi_words_t;

/* A default or a value published in documentation (RFC 6749/6750/7617
 * examples, database docs, vendor quick-starts), case ignored. */
bool hushi_shape_is_weak_or_documented(hushi_span_t s);

/* A template slot in HTML or XML, an elided or format-string value, a
 * doubled-percent setting reference. */
bool hushi_shape_is_escaped_template(hushi_span_t s);

/* One unit repeated ("abcabcabc"), or two or fewer distinct characters. */
bool hushi_shape_is_repeated(hushi_span_t s);

/* Length of the longest keyboard or alphabet run in s (also among its
 * letters alone). */
size_t hushi_shape_longest_sequence(hushi_span_t s);

/* UUID / GUID shaped (optionally in braces). */
bool hushi_shape_is_uuid(hushi_span_t s);

/* A digest: hex of a hash's length with a word naming one in `context`, or
 * an algorithm-prefixed value ("sha256:...", "sha512-..."). */
bool hushi_shape_is_hash(hushi_span_t s, hushi_span_t context);

/* True when s is a name made of words (`passwordPolicy`, `smtp_password`,
 * `open sesame`); *w receives the words' counts either way. */
bool hushi_shape_split_words(hushi_span_t s, hushi_words_t *w);

/* s without up to HUSHI_SCORE_EDGE_SYMBOLS punctuation characters at each
 * end ("busybox@", "Hush2024!"). */
hushi_span_t hushi_shape_without_edge_symbols(hushi_span_t s);

/* Code, not a value: a variable, a property path, a call, a cast. */
bool hushi_shape_is_code_reference(hushi_span_t s);

/* A file path, URL, ARN or file name: where a secret is, not what it is. */
bool hushi_shape_is_path_or_url(hushi_span_t s);

#endif
