/*
 * Scoring of generic candidates: values found only because of the name they
 * are assigned to (`password = ...`, `"apiKey": ...`), with no prefix or
 * checksum of their own.  Such a rule opts in with "score": <profile>; the
 * score then decides the confidence of each candidate (or drops it), from
 * the value's shape and the text just before it.  Pure functions, no state.
 */
#ifndef HUSHI_SCORE_H
#define HUSHI_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "hush.h"

typedef enum hushi_score_profile {
    HUSHI_SCORE_NONE = 0, /* the rule's confidence as declared */
    HUSHI_SCORE_GENERIC,  /* machine-made secrets: keys, tokens, client secrets */
    HUSHI_SCORE_PASSWORD  /* secrets people choose: passwords, passphrases */
} hushi_score_profile_t;

/* Why a candidate got its verdict: for tests and `rules check` messages,
 * never shown with the value. */
typedef enum hushi_score_reason {
    HUSHI_SCORE_OK = 0,          /* scored on entropy, length and character classes */
    HUSHI_SCORE_TOO_SHORT,       /* below the profile's minimum length */
    HUSHI_SCORE_PLACEHOLDER,     /* template, masked value, marker word (placeholder.h) */
    HUSHI_SCORE_WEAK_WORD,       /* a default or documentation value ("changeme", RFC examples) */
    HUSHI_SCORE_REPEATED,        /* one short unit repeated ("abcabcabc") */
    HUSHI_SCORE_SEQUENCE,        /* a keyboard or alphabet run ("123456", "qwerty") */
    HUSHI_SCORE_HASH,            /* a hex digest next to a hash keyword, or "sha256-..." */
    HUSHI_SCORE_UUID,            /* UUID / GUID shaped */
    HUSHI_SCORE_PATH,            /* a file path, URL or ARN */
    HUSHI_SCORE_CODE,            /* a variable, property path or call: `env.X`, `getKey()` */
    HUSHI_SCORE_IDENTIFIER,      /* a name made of words: `passwordPolicy`, `smtp_password` */
    HUSHI_SCORE_WORDS,           /* plain words: a weak password or a label */
    HUSHI_SCORE_PHRASE,          /* the first word of a quoted phrase ("Content not shown...") */
    HUSHI_SCORE_PUBLIC,          /* named as the public half (`public_key`, `publishable`) */
    HUSHI_SCORE_LOW_ENTROPY      /* too little entropy for its alphabet and length */
} hushi_score_reason_t;

typedef struct hushi_score {
    bool keep;                     /* false: not a finding at all */
    hush_confidence_t confidence;  /* when kept; never above the rule's ceiling */
    hushi_score_reason_t reason;
} hushi_score_t;

/* Profile by the name a rule file uses ("generic", "password"); false for
 * any other name. */
bool hushi_score_profile_parse(const char *name, hushi_score_profile_t *out);

/* "generic", "password", or NULL for HUSHI_SCORE_NONE. */
const char *hushi_score_profile_name(hushi_score_profile_t profile);

/* Short name of a reason ("placeholder", "hash", ...). */
const char *hushi_score_reason_name(hushi_score_reason_t reason);

/* The text around a candidate: `before` holds the bytes before the value
 * (key name, operator; only its last line is used), `after` the bytes that
 * follow it (only the first two are looked at).  Either may be empty. */
typedef struct hushi_score_context {
    const unsigned char *before;
    size_t before_size;
    const unsigned char *after;
    size_t after_size;
} hushi_score_context_t;

/* Scores a candidate `value` (the secret group of a match, or a structural
 * value).  `ceiling` is the rule's declared confidence, which a score never
 * exceeds. */
hushi_score_t hushi_score_candidate(hushi_score_profile_t profile, const unsigned char *value,
                                    size_t size, const hushi_score_context_t *context,
                                    hush_confidence_t ceiling);

/* Shannon entropy of `value` divided by the entropy expected of a value of
 * the same length drawn at random from the smallest alphabet holding it
 * (digits, hex, one-case alphanumeric, alphanumeric, base64, printable).
 * About 1.0 for random values, well below for words and patterns. */
double hushi_score_entropy_ratio(const unsigned char *value, size_t size);

#endif
