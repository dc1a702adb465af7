/*
 * Random JSON, JSON Lines and CSV documents with FAKE secrets planted in
 * random encodings, for the property tests of views (test_views.c).
 *
 * Secrets are written through random layers: JSON \u escapes (either case,
 * surrogate pairs), "\/", percent-encoding in a URL, JSON inside a JSON
 * string, JSON inside a CSV field with doubled quotes, a HAR body in base64,
 * a HAR header written value first, a member named like a secret.  Some
 * secrets are PEM private-key blocks of several lines (LF or CR LF).  While
 * writing, the generator records the raw span of every secret in the
 * document and the encoding label a finding must carry, so a checker can
 * tell exactly where each secret is and what the redacted output must be
 * (check_redaction.h).
 *
 * The same seed always gives the same document.
 */
#ifndef TESTS_GEN_DOCUMENTS_H
#define TESTS_GEN_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "fake_secrets.h"
#include "text_buffer.h"

/* Secrets planted in one document, at most. */
#define MAX_PLANTED 3u

/* Uniform in [0, n). */
static inline uint32_t below(fake_rng_t *rng, uint32_t n) { return fake_rng_below(rng, n); }

/* True with a chance of `percent` in 100. */
static inline bool roll(fake_rng_t *rng, unsigned percent)
{
    return percent > 0 && below(rng, 100) < percent;
}

/* One of `choices`, uniformly; PICK(rng, a, b, ...) for a literal list. */
static inline unsigned pick(fake_rng_t *rng, const unsigned *choices, size_t count)
{
    return choices[below(rng, (uint32_t)count)];
}
#define PICK(rng, ...)                                 \
    pick(rng, (const unsigned[]){__VA_ARGS__},         \
         sizeof((const unsigned[]){__VA_ARGS__}) / sizeof(unsigned))
/* Elements in an array. */
#define COUNT(array) (sizeof(array) / sizeof *(array))

/* How a secret sits in its string: alone, in a URL path, in a URL query. */
enum style { STYLE_BARE, STYLE_URL_PATH, STYLE_URL_QUERY, STYLE_COUNT };
/* Secrets that only their place names: a HAR header written value first
 * ({"value": ..., "name": "X-Functions-Key"}), or a member named like a
 * secret ({"clientSecret": ...}, where pattern rules may see it too). */
enum structure { STRUCT_NONE, STRUCT_HEADER, STRUCT_MEMBER };

/* One planted secret: its value, how it was written and where it landed. */
typedef struct planted {
    char secret[FAKE_MAX_SIZE];
    size_t secret_size;
    const char *rule;
    int style;
    bool embedded; /* inside a JSON document written as a string value */
    bool escaped;  /* its own JSON string holds an escape */
    bool percent;  /* some characters of the secret are %XX */
    bool csv_field; /* a CSV field of its own, not JSON */
    bool base64;    /* in a JSON document that is a HAR body in base64 */
    int structure;  /* found by its place, not its shape: STRUCT_* */
    char name[32];  /* STRUCT_HEADER: header name; STRUCT_MEMBER: member name */
    char *b64_mask;  /* base64: what the quads holding it become */
    char *b64_plain; /* base64: the body decoded, the secret's bytes '*' */
    unsigned filler; /* times "lorem ipsum " comes first in its string */
    char pre[96], post[32]; /* decoded text around it in its string (not embedded) */
    char label[48];         /* the finding's expected encoding */
    uint64_t start, end;    /* raw span in the document */
} planted_t;

/* A generated document and the secrets planted in it. */
typedef struct doc {
    bool csv;
    char shape[96];
    buf_t text;
    planted_t planted[MAX_PLANTED];
    size_t planted_count;
} doc_t;

/* A JSON or JSON Lines document (some lines broken on purpose) from `seed`. */
void make_json_doc(uint64_t seed, doc_t *d);
/* A CSV export with JSON in quoted fields, or secrets as fields, from `seed`. */
void make_csv_doc(uint64_t seed, doc_t *d);
void doc_free(doc_t *d);
/* Prints the seed, shape and how each secret was planted; never a value. */
void describe_doc(FILE *f, uint64_t seed, const doc_t *d);

#endif
