/*
 * The JSON and CSV push tokenizers: exact event sequences for small inputs
 * (offsets, depths, columns, flags), and the promise that matters most to
 * the scanner: the events do not depend on how the input is split.
 *
 * Events are compared as text, one token per event:
 *   {@S/D }@S/D [@S/D ]@S/D  brackets at S, depth D (end = S + 1 is checked)
 *   "k@S/D "v@S/D            STRING_OPEN of a key / a value (end = S checked)
 *   KS-E/D SS-E/D            KEY / STRING content [S, E), "\" appended if escaped
 *   NS-E/D                   SCALAR
 *   !@S/D                    ERROR at S (end = S + 1 checked)
 *   FS-E:C:R                 CSV FIELD, column C, record R; "q" quoted, "e" escaped
 *   R@S:R  R$S:R             RECORD_END at a '\n' / at the end of input
 * Fields an event kind does not use are checked to be zero.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "view_lex.h"

typedef struct recorder {
    hushi_lex_event_t *events;
    size_t count, capacity;
    size_t stop_at;  /* return 7 from this event on (SIZE_MAX: never) */
} recorder_t;

static int record_event(void *ctx, const hushi_lex_event_t *event)
{
    recorder_t *r = ctx;
    if (r->count == r->capacity) {
        r->capacity = r->capacity ? r->capacity * 2 : 256;
        r->events = realloc(r->events, r->capacity * sizeof *r->events);
        assert_non_null(r->events);
    }
    r->events[r->count++] = *event;
    return r->count > r->stop_at ? 7 : 0;
}

static void recorder_free(recorder_t *r)
{
    free(r->events);
    memset(r, 0, sizeof *r);
}

/* Feeds `input` in pieces: step > 0 gives pieces of that size, step == 0
 * pieces of pseudo-random sizes from `seed` (empty pieces included). */
static void run_lex(hushi_lex_format_t format, uint64_t base, const void *input, size_t size,
                    size_t step, uint64_t seed, recorder_t *out)
{
    memset(out, 0, sizeof *out);
    out->stop_at = SIZE_MAX;
    hushi_lex_t lex;
    hushi_lex_init(&lex, format, base, record_event, out);
    const unsigned char *bytes = input;
    size_t pos = 0;
    uint64_t rng = seed;
    while (pos < size) {
        size_t piece = step;
        if (piece == 0) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            piece = (size_t)(rng >> 33) % 97;
        }
        if (piece > size - pos)
            piece = size - pos;
        assert_int_equal(hushi_lex_feed(&lex, bytes + pos, piece), 0);
        pos += piece;
        assert_int_equal(lex.offset, base + pos);
    }
    assert_int_equal(hushi_lex_end(&lex), 0);
}

static void append_text(char **buf, size_t *size, size_t *capacity, const char *text)
{
    size_t n = strlen(text);
    if (*size + n + 1 > *capacity) {
        *capacity = (*size + n + 1) * 2;
        *buf = realloc(*buf, *capacity);
        assert_non_null(*buf);
    }
    memcpy(*buf + *size, text, n + 1);
    *size += n;
}

/* One event as text (see the top of the file); checks the unused fields. */
static void format_event(const hushi_lex_event_t *e, char *out, size_t cap)
{
    unsigned long long s = e->start, t = e->end;
    bool csv = e->kind == HUSHI_LEX_FIELD || e->kind == HUSHI_LEX_RECORD_END;
    if (csv) {
        assert_int_equal(e->depth, 0);
        assert_false(e->is_key);
    } else {
        assert_int_equal(e->column, 0);
        assert_int_equal(e->record, 0);
        assert_false(e->quoted);
    }
    if (e->kind != HUSHI_LEX_STRING_OPEN)
        assert_false(e->is_key);
    if (e->kind != HUSHI_LEX_KEY && e->kind != HUSHI_LEX_STRING && e->kind != HUSHI_LEX_FIELD)
        assert_false(e->escaped);
    switch (e->kind) {
    case HUSHI_LEX_OBJECT_OPEN:
    case HUSHI_LEX_OBJECT_CLOSE:
    case HUSHI_LEX_ARRAY_OPEN:
    case HUSHI_LEX_ARRAY_CLOSE:
    case HUSHI_LEX_ERROR:
        assert_int_equal(t, s + 1);
        snprintf(out, cap, "%c@%llu/%u", "{}[]....!"[e->kind < 4 ? e->kind : 8], s, e->depth);
        break;
    case HUSHI_LEX_STRING_OPEN:
        assert_int_equal(t, s);
        snprintf(out, cap, "\"%c@%llu/%u", e->is_key ? 'k' : 'v', s, e->depth);
        break;
    case HUSHI_LEX_KEY:
    case HUSHI_LEX_STRING:
    case HUSHI_LEX_SCALAR:
        assert_true(s <= t);
        snprintf(out, cap, "%c%llu-%llu/%u%s", "KSN"[e->kind - HUSHI_LEX_KEY], s, t, e->depth,
                 e->escaped ? "\\" : "");
        break;
    case HUSHI_LEX_FIELD:
        assert_true(s <= t);
        assert_true(e->quoted || !e->escaped);
        snprintf(out, cap, "F%llu-%llu:%u:%llu%s%s", s, t, e->column,
                 (unsigned long long)e->record, e->quoted ? "q" : "", e->escaped ? "e" : "");
        break;
    case HUSHI_LEX_RECORD_END:
        assert_int_equal(e->column, 0);
        assert_true(t == s || t == s + 1);
        snprintf(out, cap, "R%c%llu:%llu", t == s ? '$' : '@', s, (unsigned long long)e->record);
        break;
    default:
        fail_msg("unknown event kind %d", (int)e->kind);
    }
}

static char *format_events(const recorder_t *r)
{
    char *text = NULL;
    size_t size = 0, capacity = 0;
    append_text(&text, &size, &capacity, "");
    for (size_t i = 0; i < r->count; i++) {
        char one[96];
        format_event(&r->events[i], one, sizeof one);
        if (i > 0)
            append_text(&text, &size, &capacity, " ");
        append_text(&text, &size, &capacity, one);
    }
    return text;
}

static bool same_event(const hushi_lex_event_t *a, const hushi_lex_event_t *b)
{
    return a->kind == b->kind && a->start == b->start && a->end == b->end &&
           a->depth == b->depth && a->is_key == b->is_key && a->escaped == b->escaped &&
           a->quoted == b->quoted && a->column == b->column && a->record == b->record;
}

static void assert_same_events(const recorder_t *want, const recorder_t *got, const char *how)
{
    size_t n = want->count < got->count ? want->count : got->count;
    for (size_t i = 0; i < n; i++) {
        if (!same_event(&want->events[i], &got->events[i])) {
            char a[96], b[96];
            format_event(&want->events[i], a, sizeof a);
            format_event(&got->events[i], b, sizeof b);
            fail_msg("%s: event %zu is %s, fed whole it is %s", how, i, b, a);
        }
    }
    if (want->count != got->count)
        fail_msg("%s: %zu events, fed whole %zu", how, got->count, want->count);
}

/* The events of `input` (fed whole, then byte by byte: both must match). */
static void expect_events_n(hushi_lex_format_t format, const char *input, size_t size,
                            const char *expected)
{
    recorder_t whole, bytewise;
    run_lex(format, 0, input, size, size ? size : 1, 0, &whole);
    char *text = format_events(&whole);
    assert_string_equal(text, expected);
    run_lex(format, 0, input, size, 1, 0, &bytewise);
    assert_same_events(&whole, &bytewise, "fed byte by byte");
    free(text);
    recorder_free(&whole);
    recorder_free(&bytewise);
}

static void expect_json(const char *input, const char *expected)
{
    expect_events_n(HUSHI_LEX_JSON, input, strlen(input), expected);
}

static void expect_csv(const char *input, const char *expected)
{
    expect_events_n(HUSHI_LEX_CSV, input, strlen(input), expected);
}

/* ---- JSON --------------------------------------------------------------- */

static void test_json_nesting(void **state)
{
    (void)state;
    /*          0123456789012345678901234567890 */
    expect_json("{\"a\":{\"b\":[1,[],{}]},\"c\":\"d\"}",
                "{@0/1 \"k@2/1 K2-3/1 {@5/2 \"k@7/2 K7-8/2 [@10/3 N11-12/3 [@13/4 ]@14/4 "
                "{@16/4 }@17/4 ]@18/3 }@19/2 \"k@22/1 K22-23/1 \"v@26/1 S26-27/1 }@28/1");
    /* Arrays at the top, strings in arrays are values, empty containers. */
    expect_json("[\"x\",[\"y\"]] {} []",
                "[@0/1 \"v@2/1 S2-3/1 [@5/2 \"v@7/2 S7-8/2 ]@9/2 ]@10/1 {@12/1 }@13/1 "
                "[@15/1 ]@16/1");
}

static void test_json_keys_and_values(void **state)
{
    (void)state;
    /* Keys and values stay apart whatever their text: a value that looks
     * like a key, a key after a nested value, strings at the top level. */
    expect_json("{\"k\":\"v\",\"k2\":[\"v2\",{\"k3\":\"v3\"}],\"k4\":\"k\"}",
                "{@0/1 \"k@2/1 K2-3/1 \"v@6/1 S6-7/1 \"k@10/1 K10-12/1 [@14/2 \"v@16/2 "
                "S16-18/2 {@20/3 \"k@22/3 K22-24/3 \"v@27/3 S27-29/3 }@30/3 ]@31/2 "
                "\"k@34/1 K34-36/1 \"v@39/1 S39-40/1 }@41/1");
    expect_json("\"top\" \"level\"\n\"\"", "\"v@1/0 S1-4/0 \"v@7/0 S7-12/0 \"v@15/0 S15-15/0");
    /* Whitespace of every kind between tokens. */
    expect_json(" {\r\n\t\"a\" :\n 1 ,\"b\"\t:[ ] } ",
                "{@1/1 \"k@6/1 K6-7/1 N12-13/1 \"k@16/1 K16-17/1 [@20/2 ]@22/2 }@24/1");
}

static void test_json_escapes(void **state)
{
    (void)state;
    /* \" and \\ at the end of strings, an escaped key, \u, empty string. */
    expect_json("[\"x\\\"\",\"\\\\\",\"a\\\\\\\"\",\"\\u0041\",\"\",\"plain\"]",
                "[@0/1 \"v@2/1 S2-5/1\\ \"v@8/1 S8-10/1\\ \"v@13/1 S13-18/1\\ \"v@21/1 "
                "S21-27/1\\ \"v@30/1 S30-30/1 \"v@33/1 S33-38/1 ]@39/1");
    expect_json("{\"k\\\"ey\":\"\\\\\"}",
                "{@0/1 \"k@2/1 K2-7/1\\ \"v@10/1 S10-12/1\\ }@13/1");
    /* A raw tab, raw UTF-8 and DEL are content; an escaped tab too. */
    expect_json("[\"a\tb\",\"\xc3\xa9\x7f\",\"\\\t\"]",
                "[@0/1 \"v@2/1 S2-5/1 \"v@8/1 S8-11/1 \"v@14/1 S14-16/1\\ ]@17/1");
}

static void test_json_scalars(void **state)
{
    (void)state;
    expect_json("[1,-2.5e+3,true,false,null,0]",
                "[@0/1 N1-2/1 N3-10/1 N11-15/1 N16-21/1 N22-26/1 N27-28/1 ]@28/1");
    expect_json("{\"a\":-0.5E-7,\"b\":null}",
                "{@0/1 \"k@2/1 K2-3/1 N5-12/1 \"k@14/1 K14-15/1 N17-21/1 }@21/1");
    /* Top-level scalars; the last number ends only at the end of input. */
    expect_json("1 2\ntrue 42", "N0-1/0 N2-3/0 N4-8/0 N9-11/0");
    expect_json("{\"a\":1} 42", "{@0/1 \"k@2/1 K2-3/1 N5-6/1 }@6/1 N8-10/0");
    expect_json("7", "N0-1/0");
    /* A literal that completes with the last byte of the input or piece. */
    expect_json("true", "N0-4/0");
    expect_json("[1] null", "[@0/1 N1-2/1 ]@2/1 N4-8/0");

    /* Without hushi_lex_end the trailing number is not reported. */
    recorder_t r = {.stop_at = SIZE_MAX};
    hushi_lex_t lex;
    hushi_lex_init(&lex, HUSHI_LEX_JSON, 0, record_event, &r);
    assert_int_equal(hushi_lex_feed(&lex, (const unsigned char *)"[1] 23", 6), 0);
    assert_int_equal(r.count, 3);
    assert_int_equal(hushi_lex_end(&lex), 0);
    assert_int_equal(r.count, 4);
    assert_int_equal(r.events[3].kind, HUSHI_LEX_SCALAR);
    assert_int_equal(r.events[3].start, 4);
    assert_int_equal(r.events[3].end, 6);
    assert_int_equal(hushi_lex_end(&lex), 0); /* a second end adds nothing */
    assert_int_equal(r.count, 4);
    recorder_free(&r);
}

static void test_json_bom(void **state)
{
    (void)state;
    expect_json("\xEF\xBB\xBF{\"a\":1}", "{@3/1 \"k@5/1 K5-6/1 N8-9/1 }@9/1");
    expect_json("\xEF\xBB\xBF", "");
    /* A broken BOM is an error at the first byte; the next line parses. */
    expect_json("\xEF\xBB{}\n[]", "!@0/0 [@5/1 ]@6/1");
    expect_json("\xEF\n[]", "!@0/0 [@2/1 ]@3/1");
    /* Only at the first byte. */
    expect_json("{}\xEF\xBB\xBF{}\n{}", "{@0/1 }@1/1 !@2/0 {@8/1 }@9/1");
}

static void test_json_lines_resync(void **state)
{
    (void)state;
    /* A bad line in the middle costs that line only. */
    expect_json("{\"a\":1}\n{\"b\" 2}\n{\"c\":[3]}\nhello world\n[true]\n",
                "{@0/1 \"k@2/1 K2-3/1 N5-6/1 }@6/1 {@8/1 \"k@10/1 K10-11/1 !@13/1 "
                "{@16/1 \"k@18/1 K18-19/1 [@21/2 N22-23/2 ]@23/2 }@24/1 !@26/0 [@38/1 "
                "N39-43/1 ]@43/1");
    /* A raw newline in a string: the error is at that '\n' and the next line
     * is read from its first byte. */
    expect_json("{\"a\":\"open\n{\"b\":1}\n",
                "{@0/1 \"k@2/1 K2-3/1 \"v@6/1 !@10/1 {@11/1 \"k@13/1 K13-14/1 N16-17/1 "
                "}@17/1");
    /* A line cut short is seen only at the next line's first token (JSON
     * allows newlines between tokens); a '{' or '[' opening that line starts
     * a new value at once, so the record after it is kept. */
    expect_json("{\"a\":1\n{\"b\":2}\n[]\n",
                "{@0/1 \"k@2/1 K2-3/1 N5-6/1 !@7/1 {@7/1 \"k@9/1 K9-10/1 N12-13/1 }@13/1 [@15/1 "
                "]@16/1");
    /* Not at the start of its line: the rest of the line is skipped. */
    expect_json("{\"a\":1 {\"b\":2}\n[]\n",
                "{@0/1 \"k@2/1 K2-3/1 N5-6/1 !@7/1 [@15/1 ]@16/1");
    /* A truncated literal, a control byte in a string, an escaped newline. */
    expect_json("[tru]\n[\"a\x01\"]\n[\"\\\n[null]",
                "[@0/1 !@4/1 [@6/1 \"v@8/1 !@9/1 [@13/1 \"v@15/1 !@16/1 [@17/1 N18-22/1 "
                "]@22/1");
    /* What follows the newline that ended a skip is a new line, even the
     * rest of a broken string. */
    expect_json("\"a\n\"\n1", "\"v@1/0 !@2/0 \"v@4/0 !@4/0 N5-6/0");
}

static void test_json_syntax_errors(void **state)
{
    (void)state;
    static const struct {
        const char *input, *expected;
    } cases[] = {
        {"{\"a\":1,}\n1", "{@0/1 \"k@2/1 K2-3/1 N5-6/1 !@7/1 N9-10/0"},
        {"{\"a\":}\n1", "{@0/1 \"k@2/1 K2-3/1 !@5/1 N7-8/0"},
        {"[1 2]\n1", "[@0/1 N1-2/1 !@3/1 N6-7/0"},
        {"{1:2}\n1", "{@0/1 !@1/1 N6-7/0"},
        {"{\"a\" \"b\"}\n1", "{@0/1 \"k@2/1 K2-3/1 !@5/1 N10-11/0"},
        {"]\n1", "!@0/0 N2-3/0"},
        {"[}\n1", "[@0/1 !@1/1 N3-4/0"},
        {"{]\n1", "{@0/1 !@1/1 N3-4/0"},
        {"[,1]\n1", "[@0/1 !@1/1 N5-6/0"},
        {"{\"a\"::1}\n1", "{@0/1 \"k@2/1 K2-3/1 !@5/1 N9-10/0"},
        {"[1,,2]\n1", "[@0/1 N1-2/1 !@3/1 N7-8/0"},
        {"[falsey]\n1", "[@0/1 N1-6/1 !@6/1 N9-10/0"},
        {"nul1\n1", "!@3/0 N5-6/0"},
        {"[1x]\n1", "[@0/1 N1-2/1 !@2/1 N5-6/0"},
        {"{\"a\":1}}\n1", "{@0/1 \"k@2/1 K2-3/1 N5-6/1 }@6/1 !@7/0 N9-10/0"},
        {"'a'\n1", "!@0/0 N4-5/0"},
        {"{\"a\":1}x{}\n{}", "{@0/1 \"k@2/1 K2-3/1 N5-6/1 }@6/1 !@7/0 {@11/1 }@12/1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_json(cases[i].input, cases[i].expected);
}

static void test_json_truncated_at_end(void **state)
{
    (void)state;
    /* An unterminated string, literal or container reports nothing more. */
    expect_json("{\"a\":\"abc", "{@0/1 \"k@2/1 K2-3/1 \"v@6/1");
    expect_json("{\"a\":\"abc\\", "{@0/1 \"k@2/1 K2-3/1 \"v@6/1");
    expect_json("[tru", "[@0/1");
    expect_json("{\"a\":[1,", "{@0/1 \"k@2/1 K2-3/1 [@5/2 N6-7/2");
    expect_json("", "");
}

static void test_json_depth_limit(void **state)
{
    (void)state;
    char input[2 * HUSHI_LEX_MAX_DEPTH + 16];
    /* Exactly the limit: no error. */
    size_t n = 0;
    for (unsigned i = 0; i < HUSHI_LEX_MAX_DEPTH; i++)
        input[n++] = '[';
    for (unsigned i = 0; i < HUSHI_LEX_MAX_DEPTH; i++)
        input[n++] = ']';
    recorder_t r;
    run_lex(HUSHI_LEX_JSON, 0, input, n, n, 0, &r);
    assert_int_equal(r.count, 2 * HUSHI_LEX_MAX_DEPTH);
    assert_int_equal(r.events[HUSHI_LEX_MAX_DEPTH - 1].depth, HUSHI_LEX_MAX_DEPTH);
    assert_int_equal(r.events[HUSHI_LEX_MAX_DEPTH].kind, HUSHI_LEX_ARRAY_CLOSE);
    assert_int_equal(r.events[HUSHI_LEX_MAX_DEPTH].depth, HUSHI_LEX_MAX_DEPTH);
    assert_int_equal(r.events[2 * HUSHI_LEX_MAX_DEPTH - 1].depth, 1);
    recorder_free(&r);

    /* One deeper: an error at that bracket, then the next line at depth 0. */
    n = 0;
    for (unsigned i = 0; i < HUSHI_LEX_MAX_DEPTH + 1; i++)
        input[n++] = '[';
    memcpy(input + n, "]]\n[]", 5);
    n += 5;
    run_lex(HUSHI_LEX_JSON, 0, input, n, 1, 0, &r);
    assert_int_equal(r.count, HUSHI_LEX_MAX_DEPTH + 3);
    hushi_lex_event_t *e = &r.events[HUSHI_LEX_MAX_DEPTH];
    assert_int_equal(e->kind, HUSHI_LEX_ERROR);
    assert_int_equal(e->start, HUSHI_LEX_MAX_DEPTH);
    assert_int_equal(e->depth, HUSHI_LEX_MAX_DEPTH);
    assert_int_equal(e[1].kind, HUSHI_LEX_ARRAY_OPEN);
    assert_int_equal(e[1].start, HUSHI_LEX_MAX_DEPTH + 4);
    assert_int_equal(e[1].depth, 1);
    assert_int_equal(e[2].kind, HUSHI_LEX_ARRAY_CLOSE);
    recorder_free(&r);
}

/* ---- CSV ---------------------------------------------------------------- */

static void test_csv_basic(void **state)
{
    (void)state;
    expect_csv("a,b,c\n1,22,333\n",
               "F0-1:0:0 F2-3:1:0 F4-5:2:0 R@5:0 F6-7:0:1 F8-10:1:1 F11-14:2:1 R@14:1");
    /* CRLF: the '\r' before '\n' is not content; elsewhere it is. */
    expect_csv("a,b\r\nc,d\r\n", "F0-1:0:0 F2-3:1:0 R@4:0 F5-6:0:1 F7-8:1:1 R@9:1");
    expect_csv("a\rb,c\r,d\n", "F0-3:0:0 F4-6:1:0 F7-8:2:0 R@8:0");
    expect_csv("\"a\"\r\n\"b\"\n", "F1-2:0:0q R@4:0 F6-7:0:1q R@8:1");
}

static void test_csv_quoted(void **state)
{
    (void)state;
    /* Doubled quotes, an empty quoted field, a field of one quote. */
    expect_csv("\"a\"\"b\",\"\",\"\"\"\"\n",
               "F1-5:0:0qe F8-8:1:0q F11-13:2:0qe R@14:0");
    /* Delimiters, CR and LF inside quotes are content. */
    expect_csv("\"a\nb\",c\n\"x,\r\ny\"\r\n",
               "F1-4:0:0q F6-7:1:0 R@7:0 F9-14:0:1q R@16:1");
    /* Bytes after a closing quote up to the delimiter are ignored. */
    expect_csv("\"a\"xyz,b\n\"c\" \"d\",e\n",
               "F1-2:0:0q F7-8:1:0 R@8:0 F10-11:0:1q F17-18:1:1 R@18:1");
}

static void test_csv_empty_fields_and_lines(void **state)
{
    (void)state;
    expect_csv(",a,,\n", "F0-0:0:0 F1-2:1:0 F3-3:2:0 F4-4:3:0 R@4:0");
    /* An empty line is one empty field, LF or CRLF. */
    expect_csv("a\n\nb\n\r\nc\n",
               "F0-1:0:0 R@1:0 F2-2:0:1 R@2:1 F3-4:0:2 R@4:2 F5-5:0:3 R@6:3 F7-8:0:4 R@8:4");
    expect_csv("\n", "F0-0:0:0 R@0:0");
    expect_csv("", "");
}

static void test_csv_stray_quotes(void **state)
{
    (void)state;
    /* A quote opens a quoted field only as the field's first byte. */
    expect_csv("a\"b,c\"\n", "F0-3:0:0 F4-6:1:0 R@6:0");
    expect_csv(" \"x\",y\n", "F0-4:0:0 F5-6:1:0 R@6:0");
    expect_csv("ab\"\"\n\"\"\"\"\n", "F0-4:0:0 R@4:0 F6-8:0:1qe R@9:1");
    /* An odd run of quotes leaves the field open: the newline is content. */
    expect_csv("\"\"\"\nx", "F1-5:0:0qe R$5:0");
}

static void test_csv_end_of_input(void **state)
{
    (void)state;
    expect_csv("a,b", "F0-1:0:0 F2-3:1:0 R$3:0");
    expect_csv("a,", "F0-1:0:0 F2-2:1:0 R$2:0");
    expect_csv("a\r", "F0-1:0:0 R$2:0");
    expect_csv("x\na,\"bc", "F0-1:0:0 R@1:0 F2-3:0:1 F5-7:1:1q R$7:1");
    expect_csv("\"ab\"", "F1-3:0:0q R$4:0");
    expect_csv("\"ab\"\"", "F1-5:0:0qe R$5:0");
    expect_csv("\"ab\"zz", "F1-3:0:0q R$6:0");
}

static void test_csv_bom(void **state)
{
    (void)state;
    expect_csv("\xEF\xBB\xBF\"a\",b\n", "F4-5:0:0q F7-8:1:0 R@8:0");
    /* A broken BOM is field content. */
    expect_csv("\xEF\xBBx,y\n", "F0-3:0:0 F4-5:1:0 R@5:0");
    expect_csv("\xEF,y\n", "F0-1:0:0 F2-3:1:0 R@3:0");
    expect_csv("\xEF\xBB", "F0-2:0:0 R$2:0");
    expect_csv("\xEF\xBB\xBF", "");
}

/* Undoes the CSV quote doubling of [start, end). */
static size_t undouble(const char *in, size_t start, size_t end, char *out)
{
    size_t n = 0;
    for (size_t i = start; i < end; i++) {
        out[n++] = in[i];
        if (in[i] == '"')
            i++;
    }
    return n;
}

/* A Purview audit export: the AuditData column holds a JSON object with
 * every quote doubled.  The CSV lexer finds the field, and the JSON lexer
 * run over its undoubled content finds keys and values. */
static void test_csv_purview_audit(void **state)
{
    (void)state;
    static const char csv[] =
        "RecordId,CreationDate,RecordType,Operation,UserId,AuditData\r\n"
        "1,2024-05-01T10:00:00,21,Update,hush@example.com,"
        "\"{\"\"Fields\"\":[{\"\"Name\"\":\"\"secret\"\",\"\"Value\"\":\"\"a4q8Q~gGfmB\"\"}],"
        "\"\"Note\"\":\"\"hush, test\"\"}\"\r\n";
    recorder_t r;
    run_lex(HUSHI_LEX_CSV, 0, csv, sizeof csv - 1, 1, 0, &r);
    assert_int_equal(r.count, 14);
    for (size_t i = 0; i < 14; i++) {
        const hushi_lex_event_t *e = &r.events[i];
        assert_int_equal(e->kind, i % 7 == 6 ? HUSHI_LEX_RECORD_END : HUSHI_LEX_FIELD);
        assert_int_equal(e->record, i / 7);
        if (e->kind == HUSHI_LEX_FIELD)
            assert_int_equal(e->column, i % 7);
    }
    assert_memory_equal(csv + r.events[5].start, "AuditData", 9);
    assert_int_equal(r.events[5].end - r.events[5].start, 9); /* no '\r' */
    const hushi_lex_event_t *audit = &r.events[12];
    assert_true(audit->quoted);
    assert_true(audit->escaped);
    assert_int_equal(csv[audit->start], '{');
    assert_int_equal(csv[audit->end - 1], '}');
    assert_int_equal(csv[audit->end], '"');

    char json[256];
    size_t n = undouble(csv, (size_t)audit->start, (size_t)audit->end, json);
    recorder_t inner;
    run_lex(HUSHI_LEX_JSON, 0, json, n, 3, 0, &inner);
    char text[512] = "";
    for (size_t i = 0; i < inner.count; i++) {
        const hushi_lex_event_t *e = &inner.events[i];
        if (e->kind != HUSHI_LEX_KEY && e->kind != HUSHI_LEX_STRING)
            continue;
        size_t len = strlen(text);
        snprintf(text + len, sizeof text - len, "%s%.*s/%u ", e->kind == HUSHI_LEX_KEY ? "k:" : "",
                 (int)(e->end - e->start), json + e->start, e->depth);
    }
    assert_string_equal(text, "k:Fields/1 k:Name/3 secret/3 k:Value/3 a4q8Q~gGfmB/3 "
                              "k:Note/1 hush, test/1 ");
    recorder_free(&inner);
    recorder_free(&r);
}

/* ---- both --------------------------------------------------------------- */

/* A non-zero callback value stops the feed at once and is returned. */
static void test_callback_stops(void **state)
{
    (void)state;
    static const char json[] = "[1,2,3,4]";
    recorder_t r = {.stop_at = 2};
    hushi_lex_t lex;
    hushi_lex_init(&lex, HUSHI_LEX_JSON, 0, record_event, &r);
    assert_int_equal(hushi_lex_feed(&lex, (const unsigned char *)json, sizeof json - 1), 7);
    assert_int_equal(r.count, 3);
    recorder_free(&r);

    static const char csv[] = "a,b";
    r = (recorder_t){.stop_at = 1};
    hushi_lex_init(&lex, HUSHI_LEX_CSV, 0, record_event, &r);
    assert_int_equal(hushi_lex_feed(&lex, (const unsigned char *)csv, sizeof csv - 1), 0);
    assert_int_equal(hushi_lex_end(&lex), 7);
    assert_int_equal(r.count, 2); /* the last field, not the record end */
    recorder_free(&r);
}

/* Offsets count from `base`, and 64-bit bases work. */
static void test_base_offset(void **state)
{
    (void)state;
    const uint64_t base = (1ull << 40) + 5;
    recorder_t r;
    run_lex(HUSHI_LEX_JSON, base, "{\"a\":12}", 8, 2, 0, &r);
    assert_int_equal(r.count, 5);
    assert_int_equal(r.events[0].start, base);
    assert_int_equal(r.events[2].start, base + 2);
    assert_int_equal(r.events[3].start, base + 5);
    assert_int_equal(r.events[3].end, base + 7);
    recorder_free(&r);
    run_lex(HUSHI_LEX_CSV, base, "\xEF\xBB\xBFx", 4, 1, 0, &r);
    assert_int_equal(r.count, 2);
    assert_int_equal(r.events[0].start, base + 3);
    assert_int_equal(r.events[1].start, base + 4);
    recorder_free(&r);
}

/* ---- invariance over splits --------------------------------------------- */

/* splitmix64: deterministic, seedable, no global state. */
static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static unsigned pick(uint64_t *rng, unsigned n) { return (unsigned)(next_random(rng) % n); }

typedef struct text {
    char *data;
    size_t size, capacity;
} text_t;

static void put(text_t *t, const char *s) { append_text(&t->data, &t->size, &t->capacity, s); }

/* What the generator expects the lexer to find, in order. */
typedef struct expectation {
    text_t strings;   /* content of every KEY and STRING, each followed by '\0' */
    size_t keys, strings_count, scalars, containers, unclosed, errors, fields, records;
    uint32_t max_depth;
} expectation_t;

/* Adds the content of the next KEY, STRING or FIELD. */
static void expect_content(expectation_t *x, const char *content)
{
    put(&x->strings, content);
    x->strings.size++; /* keep the '\0' as a separator */
    put(&x->strings, "");
}

static void put_space(text_t *t, uint64_t *rng)
{
    static const char *const spaces[] = {"", "", "", " ", "\n", "\r\n", "\t", "  \n    "};
    put(t, spaces[pick(rng, 8)]);
}

static void put_json_string(text_t *t, uint64_t *rng, expectation_t *x, bool key)
{
    static const char *const pieces[] = {"a",      "token",   "\\\"",    "\\\\", "\\n",
                                         "\\u00e9", "\xc3\xa9", "\t",     "/",    "\\/",
                                         " ",      "{[,:]}",  "\\b\\f\\r", "'",    "0"};
    put(t, "\"");
    size_t from = t->size;
    unsigned n = pick(rng, 7);
    for (unsigned i = 0; i < n; i++)
        put(t, pieces[pick(rng, sizeof pieces / sizeof *pieces)]);
    expect_content(x, t->data + from);
    put(t, "\"");
    if (key)
        x->keys++;
    else
        x->strings_count++;
}

/* A value; while depth < spine it is a container whose first member
 * continues the spine, so documents reach the depth asked for without
 * growing wide. */
static void put_json_value(text_t *t, uint64_t *rng, expectation_t *x, unsigned depth,
                           unsigned spine)
{
    static const char *const scalars[] = {"0", "-1", "3.25", "1e9", "-2.5E-3", "true", "false",
                                          "null", "12345678901234567890"};
    unsigned kind = depth < spine ? 2 + pick(rng, 2) : pick(rng, 12);
    if (kind >= 4 && kind < 12) {
        put(t, scalars[pick(rng, sizeof scalars / sizeof *scalars)]);
        x->scalars++;
    } else if (kind < 2) {
        put_json_string(t, rng, x, false);
    } else {
        bool object = kind == 2;
        put(t, object ? "{" : "[");
        x->containers++;
        if (depth + 1 > x->max_depth)
            x->max_depth = depth + 1;
        unsigned n = pick(rng, 5) + (depth < spine);
        for (unsigned i = 0; i < n; i++) {
            put_space(t, rng);
            if (object) {
                put_json_string(t, rng, x, true);
                put_space(t, rng);
                put(t, ":");
                put_space(t, rng);
            }
            put_json_value(t, rng, x, depth + 1, i == 0 ? spine : 0);
            put_space(t, rng);
            if (i + 1 < n)
                put(t, ",");
        }
        put(t, object ? "}" : "]");
    }
}

/* Documents of random depth, one per line or pretty-printed, with a bad
 * line now and then (none of which holds a complete string). */
static void make_json(uint64_t seed, size_t target, text_t *t, expectation_t *x)
{
    static const char *const bad_lines[] = {"hello world", "{1:2}", "[1 2]", "\"open string",
                                            "tru", "]", "{\"k\" 1}", "[\"a\" \"b\"]", ",",
                                            "\x01"};
    uint64_t rng = seed;
    memset(x, 0, sizeof *x);
    memset(t, 0, sizeof *t);
    put(t, "");
    put(&x->strings, "");
    if (pick(&rng, 2))
        put(t, "\xEF\xBB\xBF");
    while (t->size < target) {
        if (pick(&rng, 5) == 0) {
            const char *bad = bad_lines[pick(&rng, sizeof bad_lines / sizeof *bad_lines)];
            put(t, bad);
            x->errors++;
            /* What the lexer reports before the error: a container left
             * open, a key, a string value, a scalar. */
            if (bad[0] == '{' || bad[0] == '[') {
                x->containers++;
                x->unclosed++;
            }
            if (strcmp(bad, "{\"k\" 1}") == 0) {
                expect_content(x, "k");
                x->keys++;
            } else if (strcmp(bad, "[\"a\" \"b\"]") == 0) {
                expect_content(x, "a");
                x->strings_count++;
            } else if (strcmp(bad, "[1 2]") == 0) {
                x->scalars++;
            }
        } else {
            /* Mostly small documents, now and then a deep one. */
            put_json_value(t, &rng, x, 0, pick(&rng, 10) ? pick(&rng, 5) : 40);
        }
        put(t, "\n");
    }
}

/* Records of random fields: unquoted (stray quotes, inner CR), quoted
 * (doubled quotes, delimiters, newlines), empty; LF or CRLF; sometimes no
 * final newline. */
static void make_csv(uint64_t seed, size_t target, text_t *t, expectation_t *x)
{
    static const char *const plain[] = {"a",  "hush", "x\"y",     "1.5",
                                        "\r", " ",    "\xc3\xa9", "{\"k\":1}"};
    static const char *const quoted[] = {"a",    "\"\"", ",", "\n",
                                         "\r\n", "{\"\"k\"\":\"\"v\"\"}", " "};
    uint64_t rng = seed;
    memset(x, 0, sizeof *x);
    memset(t, 0, sizeof *t);
    put(t, "");
    put(&x->strings, "");
    bool lone_empty_field = false;
    while (t->size < target) {
        unsigned fields = 1 + pick(&rng, 6);
        bool crlf = pick(&rng, 2);
        for (unsigned f = 0; f < fields; f++) {
            if (f > 0)
                put(t, ",");
            unsigned kind = pick(&rng, 3);
            size_t from;
            if (kind == 1) {
                put(t, "\"");
                from = t->size;
                unsigned n = pick(&rng, 5);
                for (unsigned i = 0; i < n; i++)
                    put(t, quoted[pick(&rng, sizeof quoted / sizeof *quoted)]);
            } else {
                from = t->size;
                unsigned n = kind == 0 ? 1 + pick(&rng, 4) : 0;
                for (unsigned i = 0; i < n; i++) {
                    /* Not a quote first (it would open a quoted field), not a
                     * '\r' last (it would be taken for a CRLF's). */
                    const char *piece = plain[pick(&rng, sizeof plain / sizeof *plain)];
                    if ((i == 0 && piece[0] == '"') || (i + 1 == n && strcmp(piece, "\r") == 0))
                        piece = "z";
                    put(t, piece);
                }
            }
            expect_content(x, t->data + from);
            if (kind == 1)
                put(t, "\"");
            x->fields++;
            lone_empty_field = fields == 1 && kind == 2;
        }
        put(t, crlf ? "\r\n" : "\n");
        x->records++;
    }
    /* Drop the final newline, unless that would leave an empty last line
     * (no record at all). */
    if (pick(&rng, 2) && !lone_empty_field) {
        t->size -= t->data[t->size - 2] == '\r' ? 2 : 1;
        t->data[t->size] = '\0';
    }
}

/* Checks the whole-feed events against what the generator put in. */
static void check_generated(const text_t *t, const recorder_t *r, const expectation_t *x,
                            uint64_t base)
{
    size_t keys = 0, strings = 0, scalars = 0, opens = 0, closes = 0, errors = 0, fields = 0,
           records = 0;
    uint32_t max_depth = 0;
    const char *want = x->strings.data;
    for (size_t i = 0; i < r->count; i++) {
        const hushi_lex_event_t *e = &r->events[i];
        switch (e->kind) {
        case HUSHI_LEX_KEY:
        case HUSHI_LEX_STRING:
        case HUSHI_LEX_FIELD: {
            keys += e->kind == HUSHI_LEX_KEY;
            strings += e->kind == HUSHI_LEX_STRING;
            fields += e->kind == HUSHI_LEX_FIELD;
            size_t len = (size_t)(e->end - e->start);
            if (len != strlen(want) || memcmp(t->data + (e->start - base), want, len) != 0)
                fail_msg("event %zu: content at %llu differs from the generated one", i,
                         (unsigned long long)e->start);
            want += len + 1;
            break;
        }
        case HUSHI_LEX_SCALAR:
            scalars++;
            break;
        case HUSHI_LEX_OBJECT_OPEN:
        case HUSHI_LEX_ARRAY_OPEN:
            opens++;
            if (e->depth > max_depth)
                max_depth = e->depth;
            break;
        case HUSHI_LEX_OBJECT_CLOSE:
        case HUSHI_LEX_ARRAY_CLOSE:
            closes++;
            break;
        case HUSHI_LEX_ERROR:
            errors++;
            break;
        case HUSHI_LEX_RECORD_END:
            records++;
            break;
        default:
            break;
        }
    }
    assert_int_equal(keys, x->keys);
    assert_int_equal(strings, x->strings_count);
    assert_int_equal(scalars, x->scalars);
    assert_int_equal(opens, x->containers);
    assert_int_equal(closes, x->containers - x->unclosed);
    assert_int_equal(errors, x->errors);
    assert_int_equal(fields, x->fields);
    assert_int_equal(records, x->records);
    assert_int_equal(max_depth, x->max_depth);
}

static void check_every_split(hushi_lex_format_t format, const text_t *t, const expectation_t *x)
{
    const uint64_t base = 1000;
    recorder_t whole;
    run_lex(format, base, t->data, t->size, t->size, 0, &whole);
    check_generated(t, &whole, x, base);
    for (size_t step = 1; step <= 64; step++) {
        recorder_t split;
        run_lex(format, base, t->data, t->size, step, 0, &split);
        char how[64];
        snprintf(how, sizeof how, "fed in pieces of %zu bytes", step);
        assert_same_events(&whole, &split, how);
        recorder_free(&split);
    }
    for (uint64_t seed = 1; seed <= 16; seed++) {
        recorder_t split;
        run_lex(format, base, t->data, t->size, 0, seed, &split);
        char how[64];
        snprintf(how, sizeof how, "fed in random pieces (seed %llu)", (unsigned long long)seed);
        assert_same_events(&whole, &split, how);
        recorder_free(&split);
    }
    recorder_free(&whole);
}

static void test_json_split_invariance(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        text_t t;
        expectation_t x;
        make_json(seed, 24 * 1024, &t, &x);
        assert_true(x.errors > 0 && x.keys > 100 && x.strings_count > 100 && x.max_depth >= 40);
        check_every_split(HUSHI_LEX_JSON, &t, &x);
        free(t.data);
        free(x.strings.data);
    }
}

static void test_csv_split_invariance(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        text_t t;
        expectation_t x;
        make_csv(seed, 24 * 1024, &t, &x);
        check_every_split(HUSHI_LEX_CSV, &t, &x);
        free(t.data);
        free(x.strings.data);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_nesting),
        cmocka_unit_test(test_json_keys_and_values),
        cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_json_scalars),
        cmocka_unit_test(test_json_bom),
        cmocka_unit_test(test_json_lines_resync),
        cmocka_unit_test(test_json_syntax_errors),
        cmocka_unit_test(test_json_truncated_at_end),
        cmocka_unit_test(test_json_depth_limit),
        cmocka_unit_test(test_csv_basic),
        cmocka_unit_test(test_csv_quoted),
        cmocka_unit_test(test_csv_empty_fields_and_lines),
        cmocka_unit_test(test_csv_stray_quotes),
        cmocka_unit_test(test_csv_end_of_input),
        cmocka_unit_test(test_csv_bom),
        cmocka_unit_test(test_csv_purview_audit),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_base_offset),
        cmocka_unit_test(test_json_split_invariance),
        cmocka_unit_test(test_csv_split_invariance),
    };
    return cmocka_run_group_tests_name("view_lex", tests, NULL, NULL);
}
