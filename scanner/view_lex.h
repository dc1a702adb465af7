/*
 * Push tokenizers for JSON (also JSON Lines and concatenated documents) and
 * CSV.  They say where strings, keys, fields and containers are, as offsets
 * in the input they were fed; they never copy a value, so the caller reads
 * the bytes from wherever it keeps them (the scanner's window, or a decoded
 * buffer for a nested view).
 *
 * Input may be fed in pieces of any size, split anywhere: the events and
 * their offsets are the same whatever the split.  No allocation after init;
 * memory is O(1) (the container stack is a fixed array).
 *
 * The tokenizers are lenient, like the exports they read: a JSON syntax
 * error produces one HUSHI_LEX_ERROR event, then the lexer skips to the next
 * '\n' and starts again at depth 0 (so one bad JSON Lines record does not
 * lose the rest).  CSV has no errors: a stray quote inside an unquoted field
 * is part of the field; bytes between a closing quote and the next delimiter
 * are ignored.
 *
 * Both formats skip a UTF-8 byte order mark at the first byte fed (`base`).
 * Events come in input order: their `start` offsets never decrease.
 *
 * JSON: top-level values follow each other, separated by whitespace or not
 * (JSON Lines, concatenated documents, one pretty-printed document).  Inside
 * a string escapes are not checked; raw bytes >= 0x20 and raw tabs are
 * content, any other control byte (a raw '\n' too) is an error, and the skip
 * to the next line then ends at that very '\n'.  A number is any run of
 * [-+.0-9eE] that starts with '-' or a digit.  At hushi_lex_end a pending
 * number is reported; a truncated string, literal or container is not.
 *
 * CSV: delimiter ',', records end at '\n'; a '\r' right before it (or right
 * before the end of input) is not part of an unquoted field.  A quote opens
 * a quoted field only as the field's first byte; inside quotes ',' '\r' and
 * '\n' are content and "" is an escaped quote.  Every record has at least
 * one field: an empty line is one empty FIELD, then RECORD_END.  At
 * hushi_lex_end a last record without its '\n' is completed, a quoted field
 * still open ending at the end of input.
 */
#ifndef HUSHI_VIEW_LEX_H
#define HUSHI_VIEW_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Deepest JSON nesting followed; deeper is an error (and a resync). */
#define HUSHI_LEX_MAX_DEPTH 256u

typedef enum hushi_lex_format {
    HUSHI_LEX_JSON = 0,
    HUSHI_LEX_CSV
} hushi_lex_format_t;

typedef enum hushi_lex_event_kind {
    HUSHI_LEX_OBJECT_OPEN,   /* JSON '{' at `start` (end = start + 1, as for the other
                               brackets); depth is the new depth (1 = top level) */
    HUSHI_LEX_OBJECT_CLOSE,  /* JSON '}' at `start`; depth is the depth being closed */
    HUSHI_LEX_ARRAY_OPEN,
    HUSHI_LEX_ARRAY_CLOSE,
    HUSHI_LEX_STRING_OPEN,   /* a key's or string value's opening quote was seen;
                               its content starts at `start` (end == start) */
    HUSHI_LEX_KEY,           /* JSON member name: content [start, end) between the quotes */
    HUSHI_LEX_STRING,        /* JSON string value: content [start, end) between the quotes */
    HUSHI_LEX_SCALAR,        /* JSON number, true, false or null: [start, end) */
    HUSHI_LEX_FIELD,         /* CSV field: [start, end) is the content (inside the quotes
                               when quoted, without a trailing '\r' when not) */
    HUSHI_LEX_RECORD_END,    /* CSV: the record ended (at `start`: the '\n', end = start + 1,
                               or the end of input, end = start) */
    HUSHI_LEX_ERROR          /* JSON syntax error at the byte [start, start + 1), depth
                               where it was found; skipping to the next line, then on
                               at depth 0 */
} hushi_lex_event_kind_t;

typedef struct hushi_lex_event {
    hushi_lex_event_kind_t kind;
    uint64_t start, end;   /* offsets in the fed input (the first byte fed is `base`) */
    uint32_t depth;        /* JSON: container depth of the token (0 = top level value) */
    bool is_key;           /* STRING_OPEN: the string is a member name */
    bool escaped;          /* KEY/STRING: content holds a backslash escape;
                              FIELD: quoted and holds a doubled quote */
    bool quoted;           /* FIELD: the field was quoted */
    uint32_t column;       /* FIELD: 0-based column in its record */
    uint64_t record;       /* FIELD, RECORD_END: 0-based record number */
} hushi_lex_event_t;

/* Return non-zero to stop: hushi_lex_feed (or hushi_lex_end) returns that
 * value at once; the lexer must then be initialised again before reuse. */
typedef int (*hushi_lex_fn)(void *ctx, const hushi_lex_event_t *event);

typedef struct hushi_lex {
    hushi_lex_format_t format;
    hushi_lex_fn on_event;
    void *ctx;
    uint64_t offset;       /* offset of the next byte to be fed */
    /* private: see view_lex.c */
    uint8_t state;
    uint8_t partial;       /* bytes of the BOM or of a literal matched so far */
    uint8_t literal;       /* which of true/false/null is being matched */
    bool is_key;           /* the open JSON string is a member name */
    bool escaped;          /* the open string or quoted field holds an escape */
    bool pending_cr;       /* the open unquoted CSV field ends with '\r' so far */
    bool line_fresh;       /* JSON: no token since the last '\n' (or the start) */
    uint32_t depth;
    uint32_t column;
    uint64_t record;
    uint64_t token_start;  /* open string, number, literal or field; during the BOM: base */
    uint8_t objects[HUSHI_LEX_MAX_DEPTH / 8]; /* bit d-1 set: the container at depth d is
                                                an object, else an array */
} hushi_lex_t;

/* Starts a tokenizer over input whose first byte has offset `base`. */
void hushi_lex_init(hushi_lex_t *lex, hushi_lex_format_t format, uint64_t base, hushi_lex_fn on_event,
                    void *ctx);
/* Feeds the next bytes.  Returns 0, or the callback's non-zero value. */
int hushi_lex_feed(hushi_lex_t *lex, const unsigned char *bytes, size_t size);
/* End of input: completes a pending scalar, an unterminated CSV record. */
int hushi_lex_end(hushi_lex_t *lex);

#endif
