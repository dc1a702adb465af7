/*
 * Fuzz target: the JSON and CSV push tokenizers (scanner/view_lex.h).
 *
 * Input: byte 0 chooses how to run, the rest is the input.
 *   bit 0     format: 0 JSON, 1 CSV
 *   bits 1-4  feed size, from feed_sizes[] (0: pseudo-random sizes, empty
 *             feeds included)
 *   bit 5     base offset 2^40 + 3 instead of 0
 *
 * The input is tokenized twice, fed in pieces and fed whole.  What must hold:
 *   - both runs give exactly the same events;
 *   - every event lies inside the input, and starts never go backwards;
 *   - JSON: depths are consistent (each OPEN one deeper, each CLOSE matches
 *     the innermost OPEN, tokens carry the current depth, never beyond
 *     HUSHI_LEX_MAX_DEPTH) except that an ERROR resets to depth 0, after
 *     which nothing is reported before the next '\n'; KEY/STRING follow their
 *     STRING_OPEN, sit between quotes, and say `escaped` exactly when the
 *     content holds a backslash; a KEY is only inside an object; a SCALAR is
 *     a literal or a number;
 *   - CSV: columns count up from 0 within a record, records count up from 0,
 *     every record has a field; a quoted field sits between quotes (the
 *     closing one may be cut off by the end of input) and says `escaped`
 *     exactly when it holds a quote; an unquoted field holds no ',' or '\n'.
 * A violated invariant aborts with a message naming it and offsets, never
 * content.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "view_lex.h"

static const size_t feed_sizes[16] = {0, 1, 2, 3, 4, 5, 7, 8, 13, 16, 17, 31, 64, 100, 255, 4096};

#define FUZZ_BASE_HIGH ((1ull << 40) + 3)

/* Every invariant here is about one event or feed: the message names its
 * offset. */
#define REQUIRE_AT(cond, what, offset) \
    FUZZ_REQUIRE(cond, "%s at offset %llu", what, (unsigned long long)(offset))

typedef struct fuzz_events {
    hushi_lex_event_t *items;
    size_t count, capacity;
} fuzz_events_t;

static int on_event(void *ctx, const hushi_lex_event_t *event)
{
    fuzz_events_t *events = ctx;
    if (events->count == events->capacity) {
        size_t capacity = events->capacity ? events->capacity * 2 : 64;
        hushi_lex_event_t *grown = realloc(events->items, capacity * sizeof *grown);
        REQUIRE_AT(grown != NULL, "out of memory in the harness", 0);
        events->items = grown;
        events->capacity = capacity;
    }
    events->items[events->count++] = *event;
    return 0;
}

/* feed == 0: pseudo-random piece sizes from the input's length. */
static void run(hushi_lex_format_t format, uint64_t base, const uint8_t *data, size_t size,
                size_t feed, fuzz_events_t *out)
{
    hushi_lex_t lex;
    hushi_lex_init(&lex, format, base, on_event, out);
    uint64_t rng = size * 0x9e3779b97f4a7c15ull + 1;
    size_t pos = 0;
    do {
        size_t piece = feed;
        if (piece == 0) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            piece = (size_t)(rng >> 33) % 67;
        }
        if (piece > size - pos)
            piece = size - pos;
        REQUIRE_AT(hushi_lex_feed(&lex, data + pos, piece) == 0, "feed returned non-zero",
                   base + pos);
        pos += piece;
        REQUIRE_AT(lex.offset == base + pos, "offset does not follow the bytes fed", base + pos);
    } while (pos < size);
    REQUIRE_AT(hushi_lex_end(&lex) == 0, "end returned non-zero", base + size);
}

static bool same_event(const hushi_lex_event_t *a, const hushi_lex_event_t *b)
{
    return a->kind == b->kind && a->start == b->start && a->end == b->end &&
           a->depth == b->depth && a->is_key == b->is_key && a->escaped == b->escaped &&
           a->quoted == b->quoted && a->column == b->column && a->record == b->record;
}

static bool is_scalar(const uint8_t *s, size_t n)
{
    static const char *const literals[] = {"true", "false", "null"};
    for (size_t i = 0; i < 3; i++)
        if (n == strlen(literals[i]) && memcmp(s, literals[i], n) == 0)
            return true;
    if (n == 0 || (s[0] != '-' && (s[0] < '0' || s[0] > '9')))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("-+.0123456789eE", s[i]) || s[i] == '\0')
            return false;
    return true;
}

static void check_json(const uint8_t *data, size_t size, uint64_t base, const fuzz_events_t *ev)
{
    uint8_t objects[HUSHI_LEX_MAX_DEPTH + 1]; /* per depth: 1 object, 0 array */
    uint32_t depth = 0;
    uint64_t quiet_until = 0;    /* after an ERROR: no event may start before this */
    const hushi_lex_event_t *open = NULL; /* STRING_OPEN awaiting its KEY/STRING */
    for (size_t i = 0; i < ev->count; i++) {
        const hushi_lex_event_t *e = &ev->items[i];
        const uint8_t *at = data + (e->start - base);
        size_t len = (size_t)(e->end - e->start);
        REQUIRE_AT(e->start >= quiet_until, "event before the line after an error", e->start);
        REQUIRE_AT(e->column == 0 && e->record == 0 && !e->quoted, "CSV fields set in JSON",
                   e->start);
        if (open && e->kind != HUSHI_LEX_ERROR) {
            REQUIRE_AT(e->kind == (open->is_key ? HUSHI_LEX_KEY : HUSHI_LEX_STRING) &&
                           e->start == open->start,
                       "STRING_OPEN not followed by its KEY/STRING", e->start);
        }
        if (e->kind == HUSHI_LEX_KEY || e->kind == HUSHI_LEX_STRING)
            REQUIRE_AT(open != NULL, "KEY/STRING without STRING_OPEN", e->start);
        open = NULL;
        switch (e->kind) {
        case HUSHI_LEX_OBJECT_OPEN:
        case HUSHI_LEX_ARRAY_OPEN:
            REQUIRE_AT(len == 1 && *at == (e->kind == HUSHI_LEX_OBJECT_OPEN ? '{' : '['),
                       "OPEN not on its bracket", e->start);
            REQUIRE_AT(e->depth == depth + 1 && e->depth <= HUSHI_LEX_MAX_DEPTH,
                       "OPEN depth is not one deeper", e->start);
            depth++;
            objects[depth] = e->kind == HUSHI_LEX_OBJECT_OPEN;
            break;
        case HUSHI_LEX_OBJECT_CLOSE:
        case HUSHI_LEX_ARRAY_CLOSE:
            REQUIRE_AT(len == 1 && *at == (e->kind == HUSHI_LEX_OBJECT_CLOSE ? '}' : ']'),
                       "CLOSE not on its bracket", e->start);
            REQUIRE_AT(depth > 0 && e->depth == depth, "CLOSE depth differs from the OPEN's",
                       e->start);
            REQUIRE_AT(objects[depth] == (e->kind == HUSHI_LEX_OBJECT_CLOSE),
                       "CLOSE of the other container kind", e->start);
            depth--;
            break;
        case HUSHI_LEX_STRING_OPEN:
            REQUIRE_AT(len == 0 && e->start > base && at[-1] == '"',
                       "STRING_OPEN not after a quote", e->start);
            REQUIRE_AT(e->depth == depth, "STRING_OPEN depth", e->start);
            REQUIRE_AT(!e->is_key || (depth > 0 && objects[depth]), "key outside an object",
                       e->start);
            open = e;
            break;
        case HUSHI_LEX_KEY:
        case HUSHI_LEX_STRING:
            REQUIRE_AT(e->depth == depth, "KEY/STRING depth", e->start);
            REQUIRE_AT(e->end < base + size && at[len] == '"', "string not closed by a quote",
                       e->end);
            REQUIRE_AT(e->escaped == (len > 0 && memchr(at, '\\', len) != NULL),
                       "escaped flag differs from the content", e->start);
            break;
        case HUSHI_LEX_SCALAR:
            REQUIRE_AT(e->depth == depth, "SCALAR depth", e->start);
            REQUIRE_AT(is_scalar(at, len), "SCALAR is not a literal or a number", e->start);
            break;
        case HUSHI_LEX_ERROR: {
            REQUIRE_AT(len == 1, "ERROR is not one byte", e->start);
            REQUIRE_AT(e->depth == depth, "ERROR depth", e->start);
            depth = 0;
            const uint8_t *nl = memchr(at, '\n', size - (size_t)(e->start - base));
            quiet_until = nl ? base + (uint64_t)(nl - data) + 1 : base + size + 1;
            break;
        }
        default:
            REQUIRE_AT(false, "CSV event from the JSON lexer", e->start);
        }
        if (e->kind != HUSHI_LEX_STRING_OPEN)
            REQUIRE_AT(!e->is_key, "is_key set outside STRING_OPEN", e->start);
        if (e->kind != HUSHI_LEX_KEY && e->kind != HUSHI_LEX_STRING)
            REQUIRE_AT(!e->escaped, "escaped set outside KEY/STRING", e->start);
    }
}

static void check_csv(const uint8_t *data, size_t size, uint64_t base, const fuzz_events_t *ev)
{
    uint32_t column = 0;
    uint64_t record = 0;
    for (size_t i = 0; i < ev->count; i++) {
        const hushi_lex_event_t *e = &ev->items[i];
        const uint8_t *at = data + (e->start - base);
        size_t len = (size_t)(e->end - e->start);
        REQUIRE_AT(e->depth == 0 && !e->is_key, "JSON fields set in CSV", e->start);
        REQUIRE_AT(e->record == record, "record number", e->start);
        if (e->kind == HUSHI_LEX_RECORD_END) {
            REQUIRE_AT(column > 0, "record without a field", e->start);
            if (e->start == base + size)
                REQUIRE_AT(len == 0, "RECORD_END at the end of input is not empty", e->start);
            else
                REQUIRE_AT(len == 1 && *at == '\n', "RECORD_END not on a newline", e->start);
            REQUIRE_AT(!e->quoted && !e->escaped && e->column == 0, "RECORD_END flags",
                       e->start);
            record++;
            column = 0;
            continue;
        }
        REQUIRE_AT(e->kind == HUSHI_LEX_FIELD, "JSON event from the CSV lexer", e->start);
        REQUIRE_AT(e->column == column, "column number", e->start);
        column++;
        bool has_quote = len > 0 && memchr(at, '"', len) != NULL;
        if (e->quoted) {
            REQUIRE_AT(e->start > base && at[-1] == '"', "quoted field not after a quote",
                       e->start);
            REQUIRE_AT(e->end == base + size || at[len] == '"',
                       "quoted field not closed by a quote", e->end);
            REQUIRE_AT(e->escaped == has_quote, "escaped flag differs from the content",
                       e->start);
        } else {
            REQUIRE_AT(!e->escaped, "unquoted field marked escaped", e->start);
            REQUIRE_AT(len == 0 || (!memchr(at, ',', len) && !memchr(at, '\n', len)),
                       "unquoted field holds a delimiter", e->start);
            REQUIRE_AT(len == 0 || at[0] != '"', "unquoted field starts with a quote", e->start);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t mode;
    if (!fuzz_take_mode(&data, &size, &mode))
        return 0;
    hushi_lex_format_t format = (mode & 1) ? HUSHI_LEX_CSV : HUSHI_LEX_JSON;
    size_t feed = feed_sizes[(mode >> 1) & 15];
    uint64_t base = (mode & 32) ? FUZZ_BASE_HIGH : 0;

    fuzz_events_t pieces = {0}, whole = {0};
    run(format, base, data, size, feed, &pieces);
    run(format, base, data, size, size ? size : 1, &whole);

    size_t n = pieces.count < whole.count ? pieces.count : whole.count;
    for (size_t i = 0; i < n; i++)
        REQUIRE_AT(same_event(&pieces.items[i], &whole.items[i]),
                   "events differ between pieces and whole", whole.items[i].start);
    REQUIRE_AT(pieces.count == whole.count, "event counts differ between pieces and whole",
               base + size);

    uint64_t last = base;
    for (size_t i = 0; i < whole.count; i++) {
        const hushi_lex_event_t *e = &whole.items[i];
        REQUIRE_AT(e->start >= base && e->start <= e->end && e->end <= base + size,
                   "event outside the input", e->start);
        REQUIRE_AT(e->start >= last, "event starts go backwards", e->start);
        last = e->start;
    }
    if (format == HUSHI_LEX_JSON)
        check_json(data, size, base, &whole);
    else
        check_csv(data, size, base, &whole);

    free(pieces.items);
    free(whole.items);
    return 0;
}
