/* See view_lex.h.
 *
 * Each tokenizer is a state machine whose whole state lives in hushi_lex_t,
 * so a feed may end between any two bytes.  Only bytes that change the state
 * are looked at one by one: runs of string content, field content and
 * whitespace are skipped by a 16-byte vector scan, memchr or a class table.
 */
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "view_lex.h"

enum {
    LEX_BOM = 0,          /* at base, matching a possible byte order mark */
    /* JSON between tokens: what may come next */
    JSON_VALUE,           /* top level, after ':' or after ',' in an array */
    JSON_VALUE_OR_CLOSE,  /* after '[' */
    JSON_KEY,             /* after ',' in an object */
    JSON_KEY_OR_CLOSE,    /* after '{' */
    JSON_COLON,           /* after a key */
    JSON_COMMA_OR_CLOSE,  /* after a value inside a container */
    /* JSON inside a token */
    JSON_STRING,
    JSON_STRING_ESCAPE,   /* the byte before was a backslash */
    JSON_NUMBER,
    JSON_LITERAL,
    JSON_SKIP_LINE,       /* after an error, up to and including the next '\n' */
    /* CSV */
    CSV_FIELD_START,
    CSV_UNQUOTED,
    CSV_QUOTED,
    CSV_QUOTE_SEEN,       /* the byte before was a quote inside a quoted field */
    CSV_AFTER_QUOTE       /* the field's closing quote was seen */
};

static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
static const char *const literals[3] = {"true", "false", "null"};

/* ---- scanning runs of bytes that change nothing ------------------------- */

typedef unsigned char lex_v16 __attribute__((vector_size(16)));
#define LEX_SPLAT(c) {c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c}

/* Index of the first all-ones byte of a comparison result, 16 if none. */
static inline unsigned first_flagged(lex_v16 flags)
{
#if defined(__SSE2__)
    unsigned bits = (unsigned)_mm_movemask_epi8((__m128i)flags);
    return bits ? (unsigned)__builtin_ctz(bits) : 16u;
#else
    uint64_t half[2];
    memcpy(half, &flags, sizeof half);
    for (unsigned k = 0; k < 2; k++) {
        if (half[k] == 0)
            continue;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        return k * 8 + (unsigned)__builtin_ctzll(half[k]) / 8;
#else
        return k * 8 + (unsigned)__builtin_clzll(half[k]) / 8;
#endif
    }
    return 16u;
#endif
}

/* Bytes that end a run of JSON string content: '"', '\\', control bytes. */
static const unsigned char json_string_stops[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};

static const unsigned char json_spaces[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1};

static const unsigned char json_number_bytes[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1, ['-'] = 1, ['+'] = 1, ['.'] = 1, ['e'] = 1, ['E'] = 1,
};

static const unsigned char *json_string_stop(const unsigned char *p, const unsigned char *end)
{
    const lex_v16 quote = LEX_SPLAT('"'), backslash = LEX_SPLAT('\\'), space = LEX_SPLAT(0x20);
    while (end - p >= 16) {
        lex_v16 chunk;
        memcpy(&chunk, p, sizeof chunk);
        unsigned i = first_flagged((lex_v16)((chunk == quote) | (chunk == backslash) |
                                             (chunk < space)));
        if (i < 16)
            return p + i;
        p += 16;
    }
    while (p < end && !json_string_stops[*p])
        p++;
    return p;
}

/* The next ',' or '\n': the end of an unquoted CSV field, or of the bytes
 * ignored after a closing quote. */
static const unsigned char *csv_field_stop(const unsigned char *p, const unsigned char *end)
{
    const lex_v16 comma = LEX_SPLAT(','), newline = LEX_SPLAT('\n');
    while (end - p >= 16) {
        lex_v16 chunk;
        memcpy(&chunk, p, sizeof chunk);
        unsigned i = first_flagged((lex_v16)((chunk == comma) | (chunk == newline)));
        if (i < 16)
            return p + i;
        p += 16;
    }
    while (p < end && *p != ',' && *p != '\n')
        p++;
    return p;
}

/* ---- events ------------------------------------------------------------- */

/* A byte order mark that breaks off is an error at base. */
static int json_bom_error(hushi_lex_t *lex)
{
    hushi_lex_event_t event = {.kind = HUSHI_LEX_ERROR, .start = lex->token_start,
                              .end = lex->token_start + 1};
    lex->state = JSON_SKIP_LINE;
    return lex->on_event(lex->ctx, &event);
}

static int csv_field(hushi_lex_t *lex, uint64_t start, uint64_t end, bool quoted)
{
    hushi_lex_event_t event = {.kind = HUSHI_LEX_FIELD,
                              .start = start,
                              .end = end,
                              .escaped = quoted && lex->escaped,
                              .quoted = quoted,
                              .column = lex->column,
                              .record = lex->record};
    return lex->on_event(lex->ctx, &event);
}

static void csv_next_column(hushi_lex_t *lex)
{
    if (lex->column != UINT32_MAX)
        lex->column++;
    lex->state = CSV_FIELD_START;
}

/* `end` is at + 1 for a '\n', at for the end of input. */
static int csv_record_end(hushi_lex_t *lex, uint64_t at, uint64_t end)
{
    hushi_lex_event_t event = {.kind = HUSHI_LEX_RECORD_END, .start = at, .end = end,
                              .record = lex->record};
    lex->record++;
    lex->column = 0;
    lex->state = CSV_FIELD_START;
    return lex->on_event(lex->ctx, &event);
}

/* ---- JSON --------------------------------------------------------------- */

/* True when only JSON whitespace lies between the last '\n' (or the start
 * of the input) and p; bytes of earlier pieces are summed up in line_fresh,
 * so the answer does not depend on how the input was split. */
static bool line_fresh_before(const hushi_lex_t *lex, const unsigned char *bytes,
                              const unsigned char *p)
{
    while (p > bytes) {
        unsigned char c = *--p;
        if (c == '\n')
            return true;
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return lex->line_fresh;
}

/* The hot state lives in locals while a piece is fed: the callback is
 * opaque, so state kept in *lex would be reloaded after every event. */
static int json_feed(hushi_lex_t *lex, const unsigned char *bytes, size_t size)
{
    const unsigned char *p = bytes;
    const unsigned char *const end = bytes + size;
    const uint64_t origin = lex->offset;
    unsigned state = lex->state;
    uint32_t depth = lex->depth;
    uint64_t token_start = lex->token_start;
    bool is_key = lex->is_key, escaped = lex->escaped;
    int rc = 0;
#define AT(q) (origin + (uint64_t)((q) - bytes))
#define AFTER_VALUE (depth ? JSON_COMMA_OR_CLOSE : JSON_VALUE)
#define IN_OBJECT (lex->objects[(depth - 1) / 8] >> ((depth - 1) % 8) & 1u)
#define EMIT(...)                                         \
    do {                                                  \
        hushi_lex_event_t event_ = {__VA_ARGS__};          \
        if ((rc = lex->on_event(lex->ctx, &event_)) != 0) \
            goto out;                                     \
    } while (0)

next:
    while (p < end) {
        switch (state) {
        case JSON_STRING:
        string:
            p = json_string_stop(p, end);
            if (p == end)
                goto out;
            if (*p == '"') {
                uint64_t at = AT(p++);
                state = is_key ? JSON_COLON : AFTER_VALUE;
                EMIT(.kind = is_key ? HUSHI_LEX_KEY : HUSHI_LEX_STRING, .start = token_start,
                     .end = at, .depth = depth, .escaped = escaped);
                goto between;
            }
            if (*p == '\\') {
                escaped = true;
                if (++p == end) {
                    state = JSON_STRING_ESCAPE;
                    goto out;
                }
            }
            /* Raw tabs are tolerated; escapes are not checked beyond this. */
            if (*p < 0x20 && *p != '\t')
                goto error;
            p++;
            goto string;
        case JSON_STRING_ESCAPE:
            if (*p < 0x20 && *p != '\t')
                goto error;
            p++;
            state = JSON_STRING;
            goto string;
        case JSON_NUMBER:
            while (json_number_bytes[*p])
                if (++p == end)
                    goto out;
            state = AFTER_VALUE;
            EMIT(.kind = HUSHI_LEX_SCALAR, .start = token_start, .end = AT(p), .depth = depth);
            goto between;
        case JSON_LITERAL: {
            const char *word = literals[lex->literal];
            while (word[lex->partial] != '\0') {
                if (*p != (unsigned char)word[lex->partial])
                    goto error;
                lex->partial++;
                if (++p == end && word[lex->partial] != '\0')
                    goto out;
            }
            state = AFTER_VALUE;
            EMIT(.kind = HUSHI_LEX_SCALAR, .start = token_start, .end = AT(p), .depth = depth);
            goto between;
        }
        case JSON_SKIP_LINE: {
            const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl + 1 : end;
            if (nl)
                state = JSON_VALUE;
            break;
        }
        default: /* between tokens; stays here as long as the tokens are structural */
        between:
            if (p == end)
                goto out;
            while (json_spaces[*p])
                if (++p == end)
                    goto out;
            unsigned char c = *p;
            /* Most structural bytes are ':' and ','; plain branches for them
             * are cheaper than the switch, and the token after them follows. */
            if (c == ':' || c == ',') {
                if (c == ':' ? state != JSON_COLON : state != JSON_COMMA_OR_CLOSE)
                    goto error;
                state = c == ':' || !IN_OBJECT ? JSON_VALUE : JSON_KEY;
                do
                    if (++p == end)
                        goto out;
                while (json_spaces[*p]);
                c = *p;
            }
            uint64_t at = AT(p);
            bool value_ok = state == JSON_VALUE || state == JSON_VALUE_OR_CLOSE;
            if (c == '"') {
                if (value_ok)
                    is_key = false;
                else if (state == JSON_KEY || state == JSON_KEY_OR_CLOSE)
                    is_key = true;
                else
                    goto error;
                p++;
                token_start = at + 1;
                escaped = false;
                state = JSON_STRING;
                EMIT(.kind = HUSHI_LEX_STRING_OPEN, .start = at + 1, .end = at + 1, .depth = depth,
                     .is_key = is_key);
                goto string;
            }
            switch (c) {
            case '{':
            case '[': {
                if (!value_ok || depth == HUSHI_LEX_MAX_DEPTH)
                    goto error;
                uint8_t bit = (uint8_t)(1u << (depth % 8));
                if (c == '{')
                    lex->objects[depth / 8] |= bit;
                else
                    lex->objects[depth / 8] &= (uint8_t)~bit;
                depth++;
                p++;
                state = c == '{' ? JSON_KEY_OR_CLOSE : JSON_VALUE_OR_CLOSE;
                EMIT(.kind = c == '{' ? HUSHI_LEX_OBJECT_OPEN : HUSHI_LEX_ARRAY_OPEN, .start = at,
                     .end = at + 1, .depth = depth);
                goto between;
            }
            case '}':
            case ']': {
                bool object = c == '}';
                unsigned empty_state = object ? JSON_KEY_OR_CLOSE : JSON_VALUE_OR_CLOSE;
                if (depth == 0 || (bool)IN_OBJECT != object ||
                    (state != JSON_COMMA_OR_CLOSE && state != empty_state))
                    goto error;
                depth--;
                p++;
                state = AFTER_VALUE;
                EMIT(.kind = object ? HUSHI_LEX_OBJECT_CLOSE : HUSHI_LEX_ARRAY_CLOSE, .start = at,
                     .end = at + 1, .depth = depth + 1);
                goto between;
            }
            case 't':
            case 'f':
            case 'n':
                if (!value_ok)
                    goto error;
                p++;
                token_start = at;
                lex->literal = c == 't' ? 0 : c == 'f' ? 1 : 2;
                lex->partial = 1;
                state = JSON_LITERAL;
                break;
            case '-':
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
                if (!value_ok)
                    goto error;
                p++;
                token_start = at;
                state = JSON_NUMBER;
                break;
            default:
                goto error;
            }
            break;
        }
    }
    goto out;

error:
    /* The offending byte is left to JSON_SKIP_LINE: when it is a '\n' (raw,
     * inside a string) the skip ends right there.  A '{' or '[' opening its
     * line starts a new value at once: a JSON Lines record cut short then
     * costs only itself, not the record after it. */
    {
        uint32_t error_depth = depth;
        bool restart = (*p == '{' || *p == '[') && line_fresh_before(lex, bytes, p);
        depth = 0;
        state = restart ? JSON_VALUE : JSON_SKIP_LINE;
        EMIT(.kind = HUSHI_LEX_ERROR, .start = AT(p), .end = AT(p) + 1, .depth = error_depth);
    }
    goto next;

out:
    lex->line_fresh = line_fresh_before(lex, bytes, end);
    lex->state = (uint8_t)state;
    lex->depth = depth;
    lex->token_start = token_start;
    lex->is_key = is_key;
    lex->escaped = escaped;
    return rc;
#undef EMIT
#undef IN_OBJECT
#undef AFTER_VALUE
#undef AT
}

/* ---- CSV ---------------------------------------------------------------- */

static int csv_feed(hushi_lex_t *lex, const unsigned char *bytes, size_t size)
{
    const unsigned char *p = bytes, *end = bytes + size;
    const uint64_t origin = lex->offset;
#define AT(q) (origin + (uint64_t)((q) - bytes))
    int rc = 0;
    while (p < end && rc == 0) {
        switch (lex->state) {
        case CSV_FIELD_START:
            if (*p == '"') {
                lex->state = CSV_QUOTED;
                lex->escaped = false;
                lex->token_start = AT(p) + 1;
                p++;
                break;
            }
            /* Anything else starts an unquoted field, an empty one at ',' or '\n'. */
            lex->token_start = AT(p);
            lex->pending_cr = false;
            lex->state = CSV_UNQUOTED;
            /* fall through */
        case CSV_UNQUOTED: {
            const unsigned char *stop = csv_field_stop(p, end);
            if (stop == end) {
                lex->pending_cr = stop[-1] == '\r'; /* p < end: a byte of this field */
                p = end;
                break;
            }
            if (*stop == ',') {
                rc = csv_field(lex, lex->token_start, AT(stop), false);
                csv_next_column(lex);
            } else {
                bool cr = stop > p ? stop[-1] == '\r' : lex->pending_cr;
                rc = csv_field(lex, lex->token_start, AT(stop) - cr, false);
                if (rc == 0)
                    rc = csv_record_end(lex, AT(stop), AT(stop) + 1);
            }
            p = stop + 1;
            break;
        }
        case CSV_QUOTED:
            /* Doubled quotes are taken here, without a trip through the
             * switch each: an audit log's JSON column is full of them. */
            for (;;) {
                const unsigned char *quote = memchr(p, '"', (size_t)(end - p));
                if (!quote) {
                    p = end;
                    break;
                }
                p = quote + 1;
                if (p == end || *p != '"') {
                    lex->state = CSV_QUOTE_SEEN;
                    break;
                }
                lex->escaped = true;
                if (++p == end)
                    break;
            }
            break;
        case CSV_QUOTE_SEEN:
            if (*p == '"') {
                lex->escaped = true;
                lex->state = CSV_QUOTED;
                p++;
                break;
            }
            lex->state = CSV_AFTER_QUOTE;
            rc = csv_field(lex, lex->token_start, AT(p) - 1, true);
            break;
        case CSV_AFTER_QUOTE: {
            const unsigned char *stop = csv_field_stop(p, end);
            if (stop == end) {
                p = end;
                break;
            }
            if (*stop == ',')
                csv_next_column(lex);
            else
                rc = csv_record_end(lex, AT(stop), AT(stop) + 1);
            p = stop + 1;
            break;
        }
        default:
            break;
        }
    }
#undef AT
    return rc;
}

/* ---- entry points ------------------------------------------------------- */

void hushi_lex_init(hushi_lex_t *lex, hushi_lex_format_t format, uint64_t base, hushi_lex_fn on_event,
                    void *ctx)
{
    memset(lex, 0, sizeof *lex);
    lex->format = format;
    lex->on_event = on_event;
    lex->ctx = ctx;
    lex->offset = base;
    lex->token_start = base;
    lex->line_fresh = true;
    lex->state = LEX_BOM;
}

/* Consumes what matches a byte order mark at base.  On a mismatch after a
 * partial match, those bytes are a JSON error or the start of a CSV field. */
static int lex_bom(hushi_lex_t *lex, const unsigned char *bytes, size_t size, size_t *used)
{
    size_t i = 0;
    while (i < size && lex->partial < sizeof bom && bytes[i] == bom[lex->partial]) {
        lex->partial++;
        i++;
    }
    *used = i;
    bool csv = lex->format == HUSHI_LEX_CSV;
    if (lex->partial == sizeof bom || (i < size && lex->partial == 0)) {
        lex->partial = 0;
        lex->state = csv ? CSV_FIELD_START : JSON_VALUE;
        return 0;
    }
    if (i == size)
        return 0;
    lex->partial = 0;
    if (csv) {
        lex->pending_cr = false;
        lex->state = CSV_UNQUOTED; /* token_start is still base */
        return 0;
    }
    return json_bom_error(lex);
}

int hushi_lex_feed(hushi_lex_t *lex, const unsigned char *bytes, size_t size)
{
    if (size == 0)
        return 0;
    int rc = 0;
    if (lex->state == LEX_BOM) {
        size_t used;
        rc = lex_bom(lex, bytes, size, &used);
        lex->offset += used;
        bytes += used;
        size -= used;
        if (rc != 0 || size == 0)
            return rc;
    }
    rc = lex->format == HUSHI_LEX_CSV ? csv_feed(lex, bytes, size) : json_feed(lex, bytes, size);
    lex->offset += size;
    return rc;
}

static int csv_end(hushi_lex_t *lex)
{
    uint64_t at = lex->offset;
    int rc = 0;
    switch (lex->state) {
    case LEX_BOM:
        if (lex->partial == 0)
            return 0;
        lex->partial = 0;
        rc = csv_field(lex, lex->token_start, at, false);
        break;
    case CSV_FIELD_START:
        if (lex->column == 0)
            return 0;
        rc = csv_field(lex, at, at, false);
        break;
    case CSV_UNQUOTED:
        rc = csv_field(lex, lex->token_start, at - lex->pending_cr, false);
        break;
    case CSV_QUOTED:
        rc = csv_field(lex, lex->token_start, at, true);
        break;
    case CSV_QUOTE_SEEN:
        rc = csv_field(lex, lex->token_start, at - 1, true);
        break;
    default:
        break;
    }
    return rc ? rc : csv_record_end(lex, at, at);
}

int hushi_lex_end(hushi_lex_t *lex)
{
    if (lex->format == HUSHI_LEX_CSV)
        return csv_end(lex);
    if (lex->state != JSON_NUMBER)
        return 0;
    lex->state = lex->depth ? JSON_COMMA_OR_CLOSE : JSON_VALUE;
    hushi_lex_event_t event = {.kind = HUSHI_LEX_SCALAR, .start = lex->token_start,
                              .end = lex->offset, .depth = lex->depth};
    return lex->on_event(lex->ctx, &event);
}
