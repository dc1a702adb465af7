/*
 * Unit tests for scanner/decode.c: JSON, CSV, percent, base64, HTML
 * character reference and JavaScript string decoding,
 * the offset map back to the input; and for the encoders (scanner/encode.c).
 *
 * Known answers pin each escape; generated tests build inputs token by token
 * (a token is a literal byte or one escape, with what it decodes to), so the
 * expected map comes from the generator, not from the code under test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fake_secrets.h"

#define TEST_SEED UINT64_C(0x6875736874657374) /* "hushtest" */
#define ROUND_TRIP_CASES 2000
#define ROUND_TRIP_MAX_SIZE 300
#define PROPERTY_CASES 400
#define PROPERTY_MAX_TOKENS 40
/* Room for the raw and decoded bytes of PROPERTY_MAX_TOKENS tokens. */
#define PROPERTY_MAX_BYTES (PROPERTY_MAX_TOKENS * 12)

typedef hush_status_t (*decoder_fn)(const unsigned char *in, size_t size, hushi_decoded_t *out);

static hush_status_t decode_percent_plain(const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    return hushi_decode_percent(in, size, false, out);
}

static hush_status_t decode_percent_form(const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    return hushi_decode_percent(in, size, true, out);
}

/* Decodes the string `in` with `fn` into *d and checks status and bytes. */
static void expect_decode(decoder_fn fn, hushi_decoded_t *d, const char *in, const void *want,
                          size_t want_size)
{
    /* An exact-size copy, so ASan sees any read past the input. */
    size_t in_size = strlen(in);
    unsigned char *copy = malloc(in_size ? in_size : 1);
    assert_non_null(copy);
    memcpy(copy, in, in_size);
    hush_status_t status = fn(copy, in_size, d);
    free(copy);
    assert_int_equal(status, HUSH_OK);
    assert_int_equal(d->size, want_size);
    if (want_size)
        assert_memory_equal(d->bytes, want, want_size);
    assert_int_equal(d->input_size, strlen(in));
    assert_true(d->segment_count >= 1);
    const hushi_segment_t *sentinel = &d->segments[d->segment_count - 1];
    assert_int_equal(sentinel->dec, d->size);
    assert_int_equal(sentinel->raw, d->input_size);
    bool equal = d->size == d->input_size && (d->size == 0 || memcmp(d->bytes, in, d->size) == 0);
    assert_int_equal(d->changed, !equal);
}

#define EXPECT(fn, d, in, want) expect_decode(fn, d, in, want, sizeof(want) - 1)

/* Segment k is {kind, dec, raw}. */
static void expect_segment(const hushi_decoded_t *d, size_t k, hushi_segment_kind_t kind, size_t dec,
                           size_t raw)
{
    assert_true(k < d->segment_count);
    if (k + 1 < d->segment_count)
        assert_int_equal(d->segments[k].kind, kind);
    assert_int_equal(d->segments[k].dec, dec);
    assert_int_equal(d->segments[k].raw, raw);
}

/* The input span of the decoded span [a, b). */
static void expect_map(const hushi_decoded_t *d, size_t a, size_t b, size_t start, size_t end)
{
    if (hushi_map_start(d, a) != start || hushi_map_end(d, b) != end)
        fail_msg("decoded [%zu, %zu) mapped to [%zu, %zu), want [%zu, %zu)", a, b,
                 hushi_map_start(d, a), hushi_map_end(d, b), start, end);
}

/* ---- JSON ---------------------------------------------------------------- */

static void test_json_without_escape_is_one_copy(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_json_string, &d, "hush test value", "hush test value");
    assert_false(d.changed);
    assert_int_equal(d.segment_count, 2);
    expect_segment(&d, 0, HUSHI_SEGMENT_COPY, 0, 0);
    expect_map(&d, 5, 9, 5, 9);

    /* A long string, and a long run after an escape: still one segment each. */
    size_t n = 100000;
    unsigned char *big = malloc(n);
    assert_non_null(big);
    memset(big, 'x', n);
    assert_int_equal(hushi_decode_json_string(big, n, &d), HUSH_OK);
    assert_int_equal(d.segment_count, 2);
    assert_false(d.changed);
    big[0] = '\\';
    big[1] = 'n';
    assert_int_equal(hushi_decode_json_string(big, n, &d), HUSH_OK);
    assert_int_equal(d.segment_count, 3);
    assert_int_equal(d.size, n - 1);
    expect_segment(&d, 1, HUSHI_SEGMENT_COPY, 1, 2);
    free(big);
    hushi_decoded_free(&d);
}

static void test_json_short_escapes(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        char out;
    } cases[] = {{"\\\"", '"'},  {"\\\\", '\\'}, {"\\/", '/'},  {"\\b", '\b'},
                 {"\\f", '\f'}, {"\\n", '\n'},  {"\\r", '\r'}, {"\\t", '\t'}};
    hushi_decoded_t d = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char in[16], want[4] = {'a', cases[i].out, 'b', 0};
        snprintf(in, sizeof in, "a%sb", cases[i].in);
        expect_decode(hushi_decode_json_string, &d, in, want, 3);
        assert_int_equal(d.segment_count, 4);
        expect_segment(&d, 0, HUSHI_SEGMENT_COPY, 0, 0);
        expect_segment(&d, 1, HUSHI_SEGMENT_UNIT, 1, 1);
        expect_segment(&d, 2, HUSHI_SEGMENT_COPY, 2, 3);
        expect_segment(&d, 3, HUSHI_SEGMENT_COPY, 3, 4);
    }
    /* Consecutive escapes: a unit each. */
    EXPECT(hushi_decode_json_string, &d, "\\n\\t\\\\\\\"", "\n\t\\\"");
    assert_int_equal(d.segment_count, 5);
    for (size_t k = 0; k < 4; k++)
        expect_segment(&d, k, HUSHI_SEGMENT_UNIT, k, 2 * k);
    hushi_decoded_free(&d);
}

static void test_json_unicode_escapes(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_json_string, &d, "\\u0041", "A");
    EXPECT(hushi_decode_json_string, &d, "\\u0026", "&");
    EXPECT(hushi_decode_json_string, &d, "\\u00e9\\u00E9", "\xC3\xA9\xC3\xA9");
    EXPECT(hushi_decode_json_string, &d, "\\u20AC\\u20ac", "\xE2\x82\xAC\xE2\x82\xAC");
    EXPECT(hushi_decode_json_string, &d, "\\u07FF\\u0800", "\xDF\xBF\xE0\xA0\x80");
    EXPECT(hushi_decode_json_string, &d, "\\uFFFF", "\xEF\xBF\xBF");
    expect_decode(hushi_decode_json_string, &d, "\\u0000", "", 1);
    assert_int_equal(d.segment_count, 2);
    expect_segment(&d, 0, HUSHI_SEGMENT_UNIT, 0, 0);
    hushi_decoded_free(&d);
}

static void test_json_surrogate_pairs(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_json_string, &d, "x\\uD83D\\uDE00y", "x\xF0\x9F\x98\x80y");
    assert_int_equal(d.segment_count, 4);
    expect_segment(&d, 1, HUSHI_SEGMENT_UNIT, 1, 1);
    expect_segment(&d, 2, HUSHI_SEGMENT_COPY, 5, 13);
    /* Any decoded byte of the emoji maps to both escapes. */
    expect_map(&d, 2, 3, 1, 13);
    expect_map(&d, 0, 2, 0, 13);
    expect_map(&d, 4, 6, 1, 14);
    EXPECT(hushi_decode_json_string, &d, "\\ud83d\\ude00", "\xF0\x9F\x98\x80");
    EXPECT(hushi_decode_json_string, &d, "\\uD800\\uDC00", "\xF0\x90\x80\x80");
    EXPECT(hushi_decode_json_string, &d, "\\uDBFF\\uDFFF", "\xF4\x8F\xBF\xBF");
    assert_int_equal(d.segment_count, 2);
    hushi_decoded_free(&d);
}

static void test_json_lone_surrogates(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_json_string, &d, "\\uD800", "\xEF\xBF\xBD");
    assert_int_equal(d.segment_count, 2);
    expect_map(&d, 1, 2, 0, 6);
    EXPECT(hushi_decode_json_string, &d, "\\uDC00", "\xEF\xBF\xBD");
    EXPECT(hushi_decode_json_string, &d, "\\uD800x", "\xEF\xBF\xBDx");
    /* High then not-a-low: two units. */
    EXPECT(hushi_decode_json_string, &d, "\\uD800\\u0041", "\xEF\xBF\xBD" "A");
    assert_int_equal(d.segment_count, 3);
    expect_segment(&d, 1, HUSHI_SEGMENT_UNIT, 3, 6);
    EXPECT(hushi_decode_json_string, &d, "\\uD800\\uD800", "\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT(hushi_decode_json_string, &d, "\\uDC00\\uD800", "\xEF\xBF\xBD\xEF\xBF\xBD");
    /* High followed by a damaged \u: replacement, then the damage as it is. */
    EXPECT(hushi_decode_json_string, &d, "\\uD800\\uDC0", "\xEF\xBF\xBD\\uDC0");
    EXPECT(hushi_decode_json_string, &d, "\\uD800\\n", "\xEF\xBF\xBD\n");
    hushi_decoded_free(&d);
}

static void test_json_invalid_escapes_kept(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_json_string, &d, "\\x", "\\x");
    assert_false(d.changed);
    assert_int_equal(d.segment_count, 2);
    EXPECT(hushi_decode_json_string, &d, "a\\", "a\\");
    EXPECT(hushi_decode_json_string, &d, "\\u12", "\\u12");
    EXPECT(hushi_decode_json_string, &d, "\\u", "\\u");
    EXPECT(hushi_decode_json_string, &d, "\\u12G4", "\\u12G4");
    EXPECT(hushi_decode_json_string, &d, "\\U0041", "\\U0041");
    assert_false(d.changed);
    /* What follows an invalid escape is still decoded. */
    EXPECT(hushi_decode_json_string, &d, "\\x\\n", "\\x\n");
    assert_true(d.changed);
    assert_int_equal(d.segment_count, 3);
    EXPECT(hushi_decode_json_string, &d, "\\u12\\u0041", "\\u12A");
    EXPECT(hushi_decode_json_string, &d, "\\\\u0041", "\\u0041");
    hushi_decoded_free(&d);
}

static void test_json_map_inside_units(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    /* "ab" E2 82 AC "cd": decoded 0..6, the euro sign is input [2, 8). */
    EXPECT(hushi_decode_json_string, &d, "ab\\u20ACcd", "ab\xE2\x82\xAC" "cd");
    expect_map(&d, 3, 4, 2, 8);   /* half of the sequence: the whole escape */
    expect_map(&d, 2, 3, 2, 8);
    expect_map(&d, 4, 5, 2, 8);
    expect_map(&d, 1, 3, 1, 8);
    expect_map(&d, 4, 6, 2, 9);
    expect_map(&d, 0, 7, 0, 10);
    expect_map(&d, 5, 7, 8, 10);
    expect_map(&d, 6, 7, 9, 10);
    assert_int_equal(hushi_map_start(&d, 7), 10);
    assert_int_equal(hushi_map_end(&d, 0), 0);
    hushi_decoded_free(&d);
}

/* ---- CSV ----------------------------------------------------------------- */

static void test_csv_doubled_quotes(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_csv_field, &d, "plain, text", "plain, text");
    assert_int_equal(d.segment_count, 2);
    EXPECT(hushi_decode_csv_field, &d, "a\"\"b", "a\"b");
    assert_int_equal(d.segment_count, 4);
    expect_segment(&d, 1, HUSHI_SEGMENT_UNIT, 1, 1);
    expect_segment(&d, 2, HUSHI_SEGMENT_COPY, 2, 3);
    expect_map(&d, 1, 2, 1, 3);
    expect_map(&d, 0, 3, 0, 4);
    EXPECT(hushi_decode_csv_field, &d, "\"\"\"\"", "\"\"");
    assert_int_equal(d.segment_count, 3);
    /* A lone quote is kept: a damaged field is still scanned. */
    EXPECT(hushi_decode_csv_field, &d, "a\"b", "a\"b");
    assert_false(d.changed);
    EXPECT(hushi_decode_csv_field, &d, "\"", "\"");
    EXPECT(hushi_decode_csv_field, &d, "\"\"\"", "\"\"");
    expect_segment(&d, 0, HUSHI_SEGMENT_UNIT, 0, 0);
    expect_segment(&d, 1, HUSHI_SEGMENT_COPY, 1, 2);
    hushi_decoded_free(&d);
}

/* ---- percent ------------------------------------------------------------- */

static void test_percent_escapes(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(decode_percent_plain, &d, "%41%2b%2B%7e", "A++~");
    assert_int_equal(d.segment_count, 5);
    for (size_t k = 0; k < 4; k++)
        expect_segment(&d, k, HUSHI_SEGMENT_UNIT, k, 3 * k);
    expect_map(&d, 1, 3, 3, 9);
    expect_decode(decode_percent_plain, &d, "a%00b", "a\0b", 3);
    EXPECT(decode_percent_plain, &d, "%FF%fe", "\xFF\xFE");
    /* Invalid: kept as they are. */
    EXPECT(decode_percent_plain, &d, "100%", "100%");
    assert_false(d.changed);
    EXPECT(decode_percent_plain, &d, "%4", "%4");
    EXPECT(decode_percent_plain, &d, "%G1%4g", "%G1%4g");
    assert_false(d.changed);
    EXPECT(decode_percent_plain, &d, "%%41", "%A");
    EXPECT(decode_percent_plain, &d, "%2%41", "%2A");
    /* '+' is a space only in form bodies. */
    EXPECT(decode_percent_plain, &d, "a+b", "a+b");
    assert_false(d.changed);
    EXPECT(decode_percent_form, &d, "a+b", "a b");
    assert_true(d.changed);
    assert_int_equal(d.segment_count, 4);
    expect_segment(&d, 1, HUSHI_SEGMENT_UNIT, 1, 1);
    expect_map(&d, 1, 2, 1, 2);
    EXPECT(decode_percent_form, &d, "++%2B+", "  + ");
    assert_int_equal(d.segment_count, 5);
    EXPECT(decode_percent_form, &d, "%+", "% ");
    hushi_decoded_free(&d);
}

/* ---- base64 -------------------------------------------------------------- */

static void test_base64_known_answers(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_base64, &d, "aGVsbG8=", "hello");
    assert_true(d.padded);
    assert_false(d.url_safe);
    assert_true(d.changed);
    assert_int_equal(d.segment_count, 2);
    expect_segment(&d, 0, HUSHI_SEGMENT_BASE64, 0, 0);
    EXPECT(hushi_decode_base64, &d, "aGVsbG8", "hello");
    assert_false(d.padded);
    EXPECT(hushi_decode_base64, &d, "aGVsbA==", "hell");
    assert_true(d.padded);
    EXPECT(hushi_decode_base64, &d, "aGVsbA", "hell");
    EXPECT(hushi_decode_base64, &d, "aGVs", "hel");
    assert_false(d.padded);
    EXPECT(hushi_decode_base64, &d, "+/+/", "\xFB\xFF\xBF");
    assert_false(d.url_safe);
    EXPECT(hushi_decode_base64, &d, "-_-_", "\xFB\xFF\xBF");
    assert_true(d.url_safe);
    EXPECT(hushi_decode_base64, &d, "-_8", "\xFB\xFF");
    assert_true(d.url_safe);
    EXPECT(hushi_decode_base64, &d, "AAAA", "\0\0\0");
    hushi_decoded_free(&d);
}

static void test_base64_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "+_AA",      /* alphabets mixed */
        "AAAA-AA/",  /* mixed across quads */
        "AA*A",      /* not base64 */
        "AAAA.",
        "QUJDR",     /* one character left over */
        "Q",
        "QQ==QUJD",  /* padding before the end */
        "QQ=A",
        "QQ=",       /* padding that does not complete the quad */
        "QUJD=",
        "Q===",
        "=",
        "QQ===",
        "AAAA\v",    /* vertical tab is not among the whitespace taken */
        "QQ==\nA",
    };
    hushi_decoded_t d = {0};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (hushi_decode_base64((const unsigned char *)bad[i], strlen(bad[i]), &d) !=
            HUSH_ERR_FORMAT)
            fail_msg("base64 case %zu was accepted", i);
    /* The struct is reusable after a failure. */
    EXPECT(hushi_decode_base64, &d, "aGk=", "hi");
    hushi_decoded_free(&d);
}

static void test_base64_whitespace(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    /* Between quads: its own empty segment, never mapped to. */
    EXPECT(hushi_decode_base64, &d, "QUJD\r\nREVG", "ABCDEF");
    assert_int_equal(d.segment_count, 4);
    expect_segment(&d, 0, HUSHI_SEGMENT_BASE64, 0, 0);
    expect_segment(&d, 1, HUSHI_SEGMENT_UNIT, 3, 4);
    expect_segment(&d, 2, HUSHI_SEGMENT_BASE64, 3, 6);
    expect_map(&d, 0, 3, 0, 4);
    expect_map(&d, 3, 4, 6, 10);
    expect_map(&d, 2, 4, 0, 10);
    /* Inside a quad: the quad is one unit, whitespace included. */
    EXPECT(hushi_decode_base64, &d, "QU JDREVG", "ABCDEF");
    expect_segment(&d, 0, HUSHI_SEGMENT_UNIT, 0, 0);
    expect_segment(&d, 1, HUSHI_SEGMENT_BASE64, 3, 5);
    expect_map(&d, 1, 2, 0, 5);
    expect_map(&d, 4, 5, 5, 9);
    /* Leading and trailing whitespace, whitespace only, inside the padding. */
    EXPECT(hushi_decode_base64, &d, "\t QUJD \n", "ABC");
    expect_map(&d, 0, 3, 2, 6);
    EXPECT(hushi_decode_base64, &d, " \n ", "");
    assert_true(d.changed);
    assert_int_equal(d.segment_count, 2);
    EXPECT(hushi_decode_base64, &d, "QQ=\n=\n", "A");
    assert_true(d.padded);
    expect_map(&d, 0, 1, 0, 5);
    EXPECT(hushi_decode_base64, &d, "QUJDRA==\n", "ABCD");
    expect_map(&d, 3, 4, 4, 8);
    /* A short last quad followed by whitespace. */
    EXPECT(hushi_decode_base64, &d, "QUJDRA \n", "ABCD");
    expect_map(&d, 3, 4, 4, 6);
    EXPECT(hushi_decode_base64, &d, "QUJDR A\n", "ABCD");
    expect_map(&d, 3, 4, 4, 7);
    assert_int_equal(hushi_map_start(&d, 4), 8);
    hushi_decoded_free(&d);
}

static void test_base64_map_quads(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_base64, &d, "QUJDREVGRw==", "ABCDEFG");
    for (size_t a = 0; a < 7; a++)
        assert_int_equal(hushi_map_start(&d, a), 4 * (a / 3));
    assert_int_equal(hushi_map_end(&d, 3), 4);
    assert_int_equal(hushi_map_end(&d, 4), 8);
    assert_int_equal(hushi_map_end(&d, 7), 12); /* the padding belongs to the quad */
    EXPECT(hushi_decode_base64, &d, "QUJDREVGRw", "ABCDEFG");
    assert_int_equal(hushi_map_end(&d, 7), 10);
    hushi_decoded_free(&d);
}

/* ---- HTML character references -------------------------------------------- */

static void test_html_references(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_html_references, &d, "a&amp;b", "a&b");
    assert_int_equal(d.segment_count, 4);
    expect_segment(&d, 1, HUSHI_SEGMENT_UNIT, 1, 1);
    expect_segment(&d, 2, HUSHI_SEGMENT_COPY, 2, 6);
    expect_map(&d, 1, 2, 1, 6);
    expect_map(&d, 0, 3, 0, 7);
    EXPECT(hushi_decode_html_references, &d, "&lt;&gt;&quot;&apos;&#39;&#38;&#x26;&#X2f;",
           "<>\"''&&/");
    assert_int_equal(d.segment_count, 9);
    EXPECT(hushi_decode_html_references, &d, "&sol;&equals;&nbsp;&#233;&#x20AC;&#128512;",
           "/=\xC2\xA0\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    /* NUL, surrogates and values past U+10FFFF are U+FFFD, as in HTML. */
    EXPECT(hushi_decode_html_references, &d, "&#0;&#xD800;&#x110000;&#99999999;",
           "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    hushi_decoded_free(&d);
}

static void test_html_unknown_references_kept(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    static const char *const kept[] = {"&", "a & b", "&amp", "&AMP;", "&copy;", "&#;", "&#x;",
                                       "&#12", "&#1a;", "&#xG;", "&;", "&verylongnamehere;"};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        expect_decode(hushi_decode_html_references, &d, kept[i], kept[i], strlen(kept[i]));
        assert_false(d.changed);
    }
    /* A kept '&' does not hide the reference after it. */
    EXPECT(hushi_decode_html_references, &d, "&&amp;&amp &lt;", "&&&amp <");
    hushi_decoded_free(&d);
}

/* ---- JavaScript strings ----------------------------------------------------- */

static void test_js_escapes(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_js_string, &d, "\\\"\\'\\\\\\/\\`\\n\\r\\t\\b\\f\\v\\0",
           "\"'\\/`\n\r\t\b\f\v\0");
    assert_int_equal(d.segment_count, 13);
    EXPECT(hushi_decode_js_string, &d, "a\\x41\\xe9\\u0042\\uD83D\\uDE00\\u{43}\\u{1F600}\\u{000041}",
           "aA\xC3\xA9" "B\xF0\x9F\x98\x80" "C\xF0\x9F\x98\x80" "A");
    expect_segment(&d, 1, HUSHI_SEGMENT_UNIT, 1, 1);
    expect_segment(&d, 2, HUSHI_SEGMENT_UNIT, 2, 5);
    expect_map(&d, 2, 3, 5, 9);
    /* Legacy octal: up to three digits, at most \377. */
    EXPECT(hushi_decode_js_string, &d, "\\101\\7\\08\\3777\\400", "A\x07\0" "8\xC3\xBF" "7 0");
    /* Any other character stands for itself. */
    EXPECT(hushi_decode_js_string, &d, "\\a\\q\\%\\8", "aq%8");
    hushi_decoded_free(&d);
}

static void test_js_line_continuations(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    static const char *const breaks[] = {"\n", "\r", "\r\n", "\xE2\x80\xA8", "\xE2\x80\xA9"};
    for (size_t i = 0; i < sizeof breaks / sizeof *breaks; i++) {
        char in[16];
        snprintf(in, sizeof in, "ab\\%scd", breaks[i]);
        EXPECT(hushi_decode_js_string, &d, in, "abcd");
        size_t gap = 1 + strlen(breaks[i]);
        /* The continuation decodes to nothing: no decoded byte maps into it. */
        expect_map(&d, 0, 2, 0, 2);
        expect_map(&d, 2, 4, 2 + gap, 4 + gap);
        expect_map(&d, 1, 3, 1, 3 + gap);
    }
    hushi_decoded_free(&d);
}

static void test_js_malformed_escapes_kept(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    static const char *const kept[] = {"\\", "a\\", "\\x", "\\x4", "\\xG1", "\\u12", "\\u{}",
                                       "\\u{110000}", "\\u{41", "\\u{123456789}"};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        expect_decode(hushi_decode_js_string, &d, kept[i], kept[i], strlen(kept[i]));
        assert_false(d.changed);
    }
    EXPECT(hushi_decode_js_string, &d, "\\x4\\n", "\\x4\n");
    hushi_decoded_free(&d);
}

static void test_empty_input(void **state)
{
    (void)state;
    decoder_fn decoders[] = {hushi_decode_json_string, hushi_decode_csv_field,
                             decode_percent_plain, decode_percent_form, hushi_decode_base64,
                             hushi_decode_html_references, hushi_decode_js_string};
    for (size_t i = 0; i < sizeof decoders / sizeof decoders[0]; i++) {
        hushi_decoded_t d = {0};
        assert_int_equal(decoders[i](NULL, 0, &d), HUSH_OK);
        assert_int_equal(d.size, 0);
        assert_int_equal(d.segment_count, 1);
        expect_segment(&d, 0, HUSHI_SEGMENT_COPY, 0, 0);
        assert_false(d.changed);
        assert_int_equal(hushi_map_start(&d, 0), 0);
        assert_int_equal(hushi_map_end(&d, 0), 0);
        hushi_decoded_free(&d);
    }
}

/* ---- all decoders -------------------------------------------------------- */

static void test_limits_and_arguments(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    size_t size = (size_t)HUSHI_DECODE_MAX_INPUT + 1;
    /* Never written or read: the size is refused first. */
    unsigned char *big = malloc(size);
    assert_non_null(big);
    assert_int_equal(hushi_decode_json_string(big, size, &d), HUSH_ERR_LIMIT);
    assert_int_equal(hushi_decode_csv_field(big, size, &d), HUSH_ERR_LIMIT);
    assert_int_equal(hushi_decode_percent(big, size, true, &d), HUSH_ERR_LIMIT);
    assert_int_equal(hushi_decode_base64(big, size, &d), HUSH_ERR_LIMIT);
    assert_int_equal(hushi_decode_html_references(big, size, &d), HUSH_ERR_LIMIT);
    assert_int_equal(hushi_decode_js_string(big, size, &d), HUSH_ERR_LIMIT);
    free(big);
    assert_int_equal(hushi_decode_json_string(NULL, 1, &d), HUSH_ERR_ARGUMENT);
    assert_int_equal(hushi_decode_json_string((const unsigned char *)"x", 1, NULL),
                     HUSH_ERR_ARGUMENT);
    hushi_decoded_free(&d);
    hushi_decoded_free(NULL);
    hushi_bytes_free(NULL);
}

/* The input ends at `size`, even where the bytes after it would complete
 * an escape. */
static void test_input_end_is_respected(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    assert_int_equal(hushi_decode_percent((const unsigned char *)"%41", 2, false, &d), HUSH_OK);
    assert_int_equal(d.size, 2);
    assert_memory_equal(d.bytes, "%4", 2);
    assert_int_equal(hushi_decode_json_string((const unsigned char *)"\\u0041", 5, &d), HUSH_OK);
    assert_int_equal(d.size, 5);
    assert_memory_equal(d.bytes, "\\u004", 5);
    assert_int_equal(hushi_decode_json_string((const unsigned char *)"\\uD83D\\uDE00", 11, &d),
                     HUSH_OK);
    assert_int_equal(d.size, 8);
    assert_memory_equal(d.bytes, "\xEF\xBF\xBD\\uDE0", 8);
    assert_int_equal(hushi_decode_json_string((const unsigned char *)"\\n", 1, &d), HUSH_OK);
    assert_int_equal(d.size, 1);
    assert_int_equal(hushi_decode_csv_field((const unsigned char *)"\"\"", 1, &d), HUSH_OK);
    assert_int_equal(d.size, 1);
    assert_false(d.changed);
    assert_int_equal(hushi_decode_base64((const unsigned char *)"QUJD", 3, &d), HUSH_OK);
    assert_int_equal(d.size, 2);
    assert_int_equal(hushi_decode_base64((const unsigned char *)"QQ==", 3, &d), HUSH_ERR_FORMAT);
    assert_int_equal(hushi_decode_html_references((const unsigned char *)"&amp;", 4, &d), HUSH_OK);
    assert_int_equal(d.size, 4);
    assert_false(d.changed);
    assert_int_equal(hushi_decode_js_string((const unsigned char *)"\\u{41}", 5, &d), HUSH_OK);
    assert_int_equal(d.size, 5);
    assert_int_equal(hushi_decode_js_string((const unsigned char *)"\\\r\n", 2, &d), HUSH_OK);
    assert_int_equal(d.size, 0);
    hushi_decoded_free(&d);
}

/* Buffers grow and are kept; flags of an earlier call do not leak. */
static void test_reuse(void **state)
{
    (void)state;
    hushi_decoded_t d = {0};
    EXPECT(hushi_decode_base64, &d, "-_-_AA==", "\xFB\xFF\xBF\0");
    assert_true(d.url_safe);
    assert_true(d.padded);
    char long_input[4096];
    memset(long_input, 'a', sizeof long_input - 1);
    long_input[sizeof long_input - 1] = 0;
    for (size_t i = 0; i + 2 < sizeof long_input - 1; i += 7)
        memcpy(long_input + i, "\\n", 2);
    assert_int_equal(hushi_decode_json_string((unsigned char *)long_input, strlen(long_input), &d),
                     HUSH_OK);
    assert_false(d.url_safe);
    assert_false(d.padded);
    unsigned char *bytes = d.bytes;
    hushi_segment_t *segments = d.segments;
    size_t capacity = d.capacity, segment_capacity = d.segment_capacity;
    EXPECT(hushi_decode_json_string, &d, "a\\tb", "a\tb");
    assert_ptr_equal(d.bytes, bytes);
    assert_ptr_equal(d.segments, segments);
    assert_int_equal(d.capacity, capacity);
    assert_int_equal(d.segment_capacity, segment_capacity);
    hushi_decoded_free(&d);
    assert_null(d.bytes);
    assert_int_equal(d.segment_count, 0);
}

/* ---- encoders ------------------------------------------------------------ */

static void expect_encoded(const hushi_bytes_t *b, const char *want)
{
    assert_int_equal(b->size, strlen(want));
    assert_memory_equal(b->data, want, b->size);
}

static void test_encoders_known_answers(void **state)
{
    (void)state;
    hushi_bytes_t b = {0};
    static const unsigned char json_in[] = "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f\xC3\xA9";
    assert_int_equal(hushi_encode_json_string(json_in, sizeof json_in - 1, &b), HUSH_OK);
    expect_encoded(&b, "q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001F\x7f\xC3\xA9");
    /* Encoders append. */
    assert_int_equal(hushi_encode_csv_field((const unsigned char *)"a\"b\"\"", 5, &b), HUSH_OK);
    expect_encoded(&b, "q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001F\x7f\xC3\xA9" "a\"\"b\"\"\"\"");
    b.size = 0;
    static const char pct_in[] = "Az09-._~* +/%\x80\xff";
    assert_int_equal(hushi_encode_percent((const unsigned char *)pct_in, sizeof pct_in - 1,
                                          HUSHI_PERCENT_KEEP_UNRESERVED, &b),
                     HUSH_OK);
    expect_encoded(&b, "Az09-._~*%20%2B%2F%25%80%FF");
    b.size = 0;
    /* For a query value: only what splits or decodes differently. */
    static const char query_in[] = "[R:a.b]/x=y&z+%#? \"\\\x80";
    assert_int_equal(hushi_encode_percent((const unsigned char *)query_in, sizeof query_in - 1,
                                          HUSHI_PERCENT_KEEP_QUERY_VALUE, &b),
                     HUSH_OK);
    expect_encoded(&b, "[R:a.b]/x%3Dy%26z%2B%25%23%3F%20%22%5C%80");
    b.size = 0;
    assert_int_equal(hushi_encode_base64((const unsigned char *)"hello", 5, false, &b), HUSH_OK);
    expect_encoded(&b, "aGVsbG8=");
    b.size = 0;
    assert_int_equal(hushi_encode_base64((const unsigned char *)"\xFB\xFF", 2, false, &b), HUSH_OK);
    expect_encoded(&b, "+/8=");
    b.size = 0;
    assert_int_equal(hushi_encode_base64((const unsigned char *)"\xFB\xFF", 2, true, &b), HUSH_OK);
    expect_encoded(&b, "-_8=");
    b.size = 0;
    assert_int_equal(hushi_encode_base64((const unsigned char *)"hell", 4, false, &b), HUSH_OK);
    expect_encoded(&b, "aGVsbA==");
    b.size = 0;
    assert_int_equal(hushi_encode_base64(NULL, 0, false, &b), HUSH_OK);
    assert_int_equal(hushi_encode_json_string(NULL, 0, &b), HUSH_OK);
    assert_int_equal(b.size, 0);
    assert_int_equal(hushi_encode_percent(NULL, 1, HUSHI_PERCENT_KEEP_UNRESERVED, &b), HUSH_ERR_ARGUMENT);
    hushi_bytes_free(&b);
    assert_null(b.data);
    /* Nothing into a fresh buffer, for every encoder. */
    assert_int_equal(hushi_encode_json_string(NULL, 0, &b), HUSH_OK);
    hushi_bytes_free(&b);
    assert_int_equal(hushi_encode_csv_field(NULL, 0, &b), HUSH_OK);
    hushi_bytes_free(&b);
    assert_int_equal(hushi_encode_percent(NULL, 0, HUSHI_PERCENT_KEEP_UNRESERVED, &b), HUSH_OK);
    hushi_bytes_free(&b);
    assert_int_equal(hushi_encode_base64(NULL, 0, true, &b), HUSH_OK);
    assert_int_equal(b.size, 0);
    hushi_bytes_free(&b);
    assert_int_equal(hushi_encode_html(NULL, 0, &b), HUSH_OK);
    hushi_bytes_free(&b);
    assert_int_equal(hushi_encode_js_string(NULL, 0, &b), HUSH_OK);
    hushi_bytes_free(&b);
    assert_int_equal(hushi_encode_html(NULL, 1, &b), HUSH_ERR_ARGUMENT);
    assert_int_equal(hushi_encode_js_string(NULL, 1, &b), HUSH_ERR_ARGUMENT);
}

/* What a replacement may hold comes out escaped for its container: no
 * quote, backslash, '<' or '&' as it is. */
static void test_markup_encoders_known_answers(void **state)
{
    (void)state;
    hushi_bytes_t b = {0};
    static const char html_in[] = "[R:a.b]&<>\"'/=\\\xC3\xA9";
    assert_int_equal(hushi_encode_html((const unsigned char *)html_in, sizeof html_in - 1, &b),
                     HUSH_OK);
    expect_encoded(&b, "[R:a.b]&amp;&lt;&gt;&quot;&#39;/=\\\xC3\xA9");
    b.size = 0;
    static const char js_in[] = "[R:a.b]\"'`\\\n\r\t\b\f\v\x01\x7f</script>${x}&\xC3\xA9";
    assert_int_equal(hushi_encode_js_string((const unsigned char *)js_in, sizeof js_in - 1, &b),
                     HUSH_OK);
    expect_encoded(&b, "[R:a.b]\\\"\\'\\`\\\\\\n\\r\\t\\b\\f\\v\\x01\\x7F"
                       "\\x3C/script\\x3E\\x24{x}\\x26\xC3\xA9");
    hushi_bytes_free(&b);
}

/* Encoding random bytes and decoding the result gives them back. */
static void test_round_trips(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED);
    hushi_decoded_t d = {0};
    hushi_bytes_t b = {0};
    unsigned char data[ROUND_TRIP_MAX_SIZE];
    for (int c = 0; c < ROUND_TRIP_CASES; c++) {
        size_t n = fake_rng_below(&rng, ROUND_TRIP_MAX_SIZE + 1);
        fake_bytes(&rng, data, n);
        /* Half the cases from a small alphabet (its NUL included), so
         * quotes and escape characters crowd. */
        static const unsigned char crowd[] = "\"\\%+ \n\x01u0aA=\xC3&;#x'`<\r";
        if (c % 2)
            for (size_t i = 0; i < n; i++)
                data[i] = crowd[data[i] % sizeof crowd];
        for (int kind = 0; kind < 8; kind++) {
            b.size = 0;
            hush_status_t st;
            switch (kind) {
            case 0:
                assert_int_equal(hushi_encode_json_string(data, n, &b), HUSH_OK);
                st = hushi_decode_json_string(b.data, b.size, &d);
                break;
            case 1:
                assert_int_equal(hushi_encode_csv_field(data, n, &b), HUSH_OK);
                st = hushi_decode_csv_field(b.data, b.size, &d);
                break;
            case 2:
            case 3:
                assert_int_equal(hushi_encode_percent(data, n, HUSHI_PERCENT_KEEP_UNRESERVED, &b), HUSH_OK);
                st = hushi_decode_percent(b.data, b.size, kind == 3, &d);
                break;
            case 6:
                assert_int_equal(hushi_encode_html(data, n, &b), HUSH_OK);
                st = hushi_decode_html_references(b.data, b.size, &d);
                break;
            case 7:
                assert_int_equal(hushi_encode_js_string(data, n, &b), HUSH_OK);
                st = hushi_decode_js_string(b.data, b.size, &d);
                break;
            default:
                assert_int_equal(hushi_encode_base64(data, n, kind == 5, &b), HUSH_OK);
                assert_int_equal(b.size, 4 * ((n + 2) / 3));
                st = hushi_decode_base64(b.data, b.size, &d);
                break;
            }
            if (st != HUSH_OK || d.size != n || (n && memcmp(d.bytes, data, n) != 0))
                fail_msg("round trip case %d, encoder %d, %zu bytes: status %d, %zu bytes back", c,
                         kind, n, (int)st, d.size);
            if (kind == 4 || kind == 5) {
                assert_int_equal(d.padded, n % 3 != 0);
                bool has_url = memchr(b.data, '-', b.size) || memchr(b.data, '_', b.size);
                assert_int_equal(d.url_safe, kind == 5 && has_url);
            }
        }
    }
    hushi_decoded_free(&d);
    hushi_bytes_free(&b);
}

/* ---- generated inputs: the map against the generator's own record -------- */

typedef struct generated {
    unsigned char raw[PROPERTY_MAX_BYTES];
    size_t raw_size;
    unsigned char dec[PROPERTY_MAX_BYTES];
    size_t dec_size;
    /* For decoded byte i: the input span of the token it comes from, and
     * the decoded span of that token. */
    size_t raw_start[PROPERTY_MAX_BYTES], raw_end[PROPERTY_MAX_BYTES];
    size_t dec_start[PROPERTY_MAX_BYTES], dec_end[PROPERTY_MAX_BYTES];
} generated_t;

static void add_token(generated_t *g, const void *raw, size_t raw_size, const void *dec,
                      size_t dec_size)
{
    size_t r = g->raw_size, s = g->dec_size;
    memcpy(g->raw + r, raw, raw_size);
    memcpy(g->dec + s, dec, dec_size);
    for (size_t i = s; i < s + dec_size; i++) {
        g->raw_start[i] = r;
        g->raw_end[i] = r + raw_size;
        g->dec_start[i] = s;
        g->dec_end[i] = s + dec_size;
    }
    g->raw_size += raw_size;
    g->dec_size += dec_size;
}

/* A literal byte: its own one-byte token (COPY is linear). */
static void add_literal(generated_t *g, unsigned char c)
{
    add_token(g, &c, 1, &c, 1);
}

static unsigned char random_literal(fake_rng_t *rng, const char *excluded)
{
    for (;;) {
        unsigned char c = (unsigned char)fake_rng_below(rng, 256);
        if (c && !strchr(excluded, c))
            return c;
    }
}

static void hex4_random_case(fake_rng_t *rng, unsigned v, char *out)
{
    snprintf(out, 5, fake_rng_below(rng, 2) ? "%04X" : "%04x", v);
}

/* JSON content: literals, short escapes, \u of 1-3 UTF-8 bytes, pairs, lone
 * surrogates (always followed by a literal, so they cannot pair) and
 * invalid escapes. */
static void generate_json(fake_rng_t *rng, generated_t *g)
{
    static const char shorts[] = "\"\\/bfnrt";
    static const char decoded_shorts[] = "\"\\/\b\f\n\r\t";
    size_t tokens = fake_rng_below(rng, PROPERTY_MAX_TOKENS);
    bool need_literal = false;
    for (size_t t = 0; t < tokens; t++) {
        unsigned kind = need_literal ? 0 : fake_rng_below(rng, 7);
        need_literal = false;
        char raw[16];
        unsigned char dec[4];
        if (kind <= 1) {
            add_literal(g, random_literal(rng, "\\"));
        } else if (kind == 2) {
            unsigned k = fake_rng_below(rng, 8);
            raw[0] = '\\';
            raw[1] = shorts[k];
            add_token(g, raw, 2, &decoded_shorts[k], 1);
        } else if (kind == 3) {
            static const unsigned values[] = {0x00, 0x26, 0x7F, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFF};
            static const char *const utf8[] = {"\x00", "&", "\x7F", "\xC3\xA9", "\xDF\xBF",
                                               "\xE0\xA0\x80", "\xE2\x82\xAC", "\xEF\xBF\xBF"};
            static const size_t lens[] = {1, 1, 1, 2, 2, 3, 3, 3};
            unsigned k = fake_rng_below(rng, 8);
            memcpy(raw, "\\u", 2);
            hex4_random_case(rng, values[k], raw + 2);
            add_token(g, raw, 6, utf8[k], lens[k]);
        } else if (kind == 4) {
            unsigned hi = 0xD800 + fake_rng_below(rng, 0x400);
            unsigned lo = 0xDC00 + fake_rng_below(rng, 0x400);
            memcpy(raw, "\\u", 2);
            hex4_random_case(rng, hi, raw + 2);
            memcpy(raw + 6, "\\u", 2);
            hex4_random_case(rng, lo, raw + 8);
            uint32_t cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            dec[0] = (unsigned char)(0xF0 | cp >> 18);
            dec[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
            dec[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
            dec[3] = (unsigned char)(0x80 | (cp & 0x3F));
            add_token(g, raw, 12, dec, 4);
        } else if (kind == 5) {
            memcpy(raw, "\\u", 2);
            hex4_random_case(rng, 0xD800 + fake_rng_below(rng, 0x800), raw + 2);
            add_token(g, raw, 6, "\xEF\xBF\xBD", 3);
            need_literal = true;
        } else {
            /* Invalid: the backslash and what follows stay, byte by byte. */
            static const char *const invalid[] = {"\\x", "\\uZ", "\\u1G", "\\U"};
            const char *s = invalid[fake_rng_below(rng, 4)];
            for (; *s; s++)
                add_literal(g, (unsigned char)*s);
        }
    }
}

/* CSV content: literals, "" pairs and lone quotes (followed by a literal). */
static void generate_csv(fake_rng_t *rng, generated_t *g)
{
    size_t tokens = fake_rng_below(rng, PROPERTY_MAX_TOKENS);
    bool need_literal = false;
    for (size_t t = 0; t < tokens; t++) {
        unsigned kind = need_literal ? 0 : fake_rng_below(rng, 4);
        need_literal = false;
        if (kind <= 1) {
            add_literal(g, random_literal(rng, "\""));
        } else if (kind == 2) {
            add_token(g, "\"\"", 2, "\"", 1);
        } else {
            add_literal(g, '"');
            need_literal = true;
        }
    }
}

/* Percent-encoded text: literals, %XX of any byte in either case, '+'
 * (a space in form mode) and invalid '%' (its next byte is not hex). */
static void generate_percent(fake_rng_t *rng, bool form, generated_t *g)
{
    size_t tokens = fake_rng_below(rng, PROPERTY_MAX_TOKENS);
    for (size_t t = 0; t < tokens; t++) {
        unsigned kind = fake_rng_below(rng, 5);
        if (kind <= 1) {
            add_literal(g, random_literal(rng, "%+"));
        } else if (kind == 2) {
            unsigned char byte = (unsigned char)fake_rng_below(rng, 256);
            char raw[4];
            snprintf(raw, sizeof raw, fake_rng_below(rng, 2) ? "%%%02X" : "%%%02x", byte);
            add_token(g, raw, 3, &byte, 1);
        } else if (kind == 3) {
            if (form)
                add_token(g, "+", 1, " ", 1);
            else
                add_literal(g, '+');
        } else {
            add_literal(g, '%');
            /* Neither hex nor '%' or '+', which would start an escape. */
            add_literal(g, (unsigned char)"zG ~"[fake_rng_below(rng, 4)]);
        }
    }
}

/* HTML attribute text: literals, named and numeric references (either case
 * of hex) and '&' that starts no reference (followed by a space, so the
 * literals after it cannot complete one). */
static void generate_html(fake_rng_t *rng, generated_t *g)
{
    static const char *const named[] = {"&amp;", "&lt;", "&quot;", "&#39;", "&nbsp;", "&sol;"};
    static const char *const named_dec[] = {"&", "<", "\"", "'", "\xC2\xA0", "/"};
    static const unsigned values[] = {0x26, 0x41, 0xE9, 0x7FF, 0x800, 0x20AC, 0x1F600};
    static const char *const utf8[] = {"&", "A", "\xC3\xA9", "\xDF\xBF", "\xE0\xA0\x80",
                                       "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
    size_t tokens = fake_rng_below(rng, PROPERTY_MAX_TOKENS);
    for (size_t t = 0; t < tokens; t++) {
        unsigned kind = fake_rng_below(rng, 6);
        char raw[16];
        if (kind <= 1) {
            add_literal(g, random_literal(rng, "&"));
        } else if (kind == 2) {
            unsigned k = fake_rng_below(rng, 6);
            add_token(g, named[k], strlen(named[k]), named_dec[k], strlen(named_dec[k]));
        } else if (kind == 3) {
            unsigned k = fake_rng_below(rng, 7);
            int n = fake_rng_below(rng, 2) ? snprintf(raw, sizeof raw, "&#%u;", values[k])
                                           : snprintf(raw, sizeof raw,
                                                      fake_rng_below(rng, 2) ? "&#x%X;" : "&#X%x;",
                                                      values[k]);
            add_token(g, raw, (size_t)n, utf8[k], strlen(utf8[k]));
        } else if (kind == 4) {
            static const char *const kept[] = {"&copy;", "&amp", "&#;", "&"};
            for (const char *s = kept[fake_rng_below(rng, 4)]; *s; s++)
                add_literal(g, (unsigned char)*s);
            add_literal(g, ' ');
        } else {
            add_literal(g, (unsigned char)";#x"[fake_rng_below(rng, 3)]);
        }
    }
}

/* JavaScript string content: literals, short and identity escapes, \xNN,
 * \uNNNN, \u{N}, three-digit octal, line continuations (tokens that decode
 * to nothing) and malformed escapes kept as they are. */
static void generate_js(fake_rng_t *rng, generated_t *g)
{
    static const char shorts[] = "nrtbfv\"'\\/`aq%";
    static const char decoded_shorts[] = "\n\r\t\b\f\v\"'\\/`aq%";
    static const unsigned values[] = {0x00, 0x41, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFF};
    static const char *const utf8[] = {"\x00", "A", "\xC3\xA9", "\xDF\xBF", "\xE0\xA0\x80",
                                       "\xE2\x82\xAC", "\xEF\xBF\xBF"};
    static const size_t lens[] = {1, 1, 2, 2, 3, 3, 3};
    static const char *const breaks[] = {"\\\n", "\\\r\n", "\\\xE2\x80\xA8", "\\\xE2\x80\xA9"};
    size_t tokens = fake_rng_below(rng, PROPERTY_MAX_TOKENS);
    for (size_t t = 0; t < tokens; t++) {
        unsigned kind = fake_rng_below(rng, 9);
        char raw[16];
        unsigned k = fake_rng_below(rng, 7);
        if (kind <= 1) {
            add_literal(g, random_literal(rng, "\\"));
        } else if (kind == 2) {
            unsigned s = fake_rng_below(rng, sizeof shorts - 1);
            raw[0] = '\\';
            raw[1] = shorts[s];
            add_token(g, raw, 2, &decoded_shorts[s], 1);
        } else if (kind == 3) {
            unsigned char byte = (unsigned char)fake_rng_below(rng, 256);
            unsigned char dec[2] = {byte, 0};
            size_t n = 1;
            if (byte >= 0x80) {
                dec[0] = (unsigned char)(0xC0 | byte >> 6);
                dec[1] = (unsigned char)(0x80 | (byte & 0x3F));
                n = 2;
            }
            snprintf(raw, sizeof raw, fake_rng_below(rng, 2) ? "\\x%02X" : "\\x%02x", byte);
            add_token(g, raw, 4, dec, n);
        } else if (kind == 4) {
            memcpy(raw, "\\u", 2);
            hex4_random_case(rng, values[k], raw + 2);
            add_token(g, raw, 6, utf8[k], lens[k]);
        } else if (kind == 5) {
            int n = snprintf(raw, sizeof raw, "\\u{%x}", values[k]);
            add_token(g, raw, (size_t)n, utf8[k], lens[k]);
        } else if (kind == 6) {
            unsigned char byte = (unsigned char)fake_rng_below(rng, 256);
            unsigned char dec[2] = {byte, 0};
            size_t n = 1;
            if (byte >= 0x80) {
                dec[0] = (unsigned char)(0xC0 | byte >> 6);
                dec[1] = (unsigned char)(0x80 | (byte & 0x3F));
                n = 2;
            }
            snprintf(raw, sizeof raw, "\\%03o", byte);
            add_token(g, raw, 4, dec, n);
        } else if (kind == 7) {
            const char *b = breaks[fake_rng_below(rng, 4)];
            add_token(g, b, strlen(b), "", 0);
        } else {
            static const char *const kept[] = {"\\x", "\\xG", "\\u{}", "\\u{110000}", "\\uZ"};
            for (const char *s = kept[fake_rng_below(rng, 5)]; *s; s++)
                add_literal(g, (unsigned char)*s);
            add_literal(g, ' ');
        }
    }
}

/* Checks the map of `d` (decoded from g->raw) for every span [a, b): the
 * exact span the generator recorded, and decoding that input span alone
 * gives the decoded bytes of the same tokens, which contain [a, b). */
static void check_generated_map(const generated_t *g, const hushi_decoded_t *d, decoder_fn fn,
                                int c)
{
    if (d->size != g->dec_size || (d->size && memcmp(d->bytes, g->dec, d->size) != 0))
        fail_msg("case %d: decoded %zu bytes, want %zu", c, d->size, g->dec_size);
    hushi_decoded_t part = {0};
    for (size_t a = 0; a < g->dec_size; a++) {
        for (size_t b = a + 1; b <= g->dec_size; b++) {
            size_t start = hushi_map_start(d, a), end = hushi_map_end(d, b);
            /* Literals are one-byte tokens, so this is also right for COPY. */
            size_t want_start = g->raw_start[a], want_end = g->raw_end[b - 1];
            if (start != want_start || end != want_end)
                fail_msg("case %d: [%zu, %zu) mapped to [%zu, %zu), want [%zu, %zu)", c, a, b,
                         start, end, want_start, want_end);
            assert_int_equal(fn(g->raw + start, end - start, &part), HUSH_OK);
            size_t from = g->dec_start[a], to = g->dec_end[b - 1];
            if (part.size != to - from || memcmp(part.bytes, g->dec + from, part.size) != 0)
                fail_msg("case %d: input span of [%zu, %zu) decodes differently alone", c, a, b);
        }
    }
    assert_int_equal(hushi_map_start(d, g->dec_size), g->raw_size);
    hushi_decoded_free(&part);
}

static void test_generated_text_maps(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 1);
    hushi_decoded_t d = {0};
    generated_t *g = malloc(sizeof *g);
    assert_non_null(g);
    decoder_fn decoders[] = {hushi_decode_json_string, hushi_decode_csv_field,
                             decode_percent_plain, decode_percent_form,
                             hushi_decode_html_references, hushi_decode_js_string};
    for (int c = 0; c < PROPERTY_CASES; c++) {
        for (int kind = 0; kind < 6; kind++) {
            g->raw_size = g->dec_size = 0;
            if (kind == 0)
                generate_json(&rng, g);
            else if (kind == 1)
                generate_csv(&rng, g);
            else if (kind == 4)
                generate_html(&rng, g);
            else if (kind == 5)
                generate_js(&rng, g);
            else
                generate_percent(&rng, kind == 3, g);
            assert_int_equal(decoders[kind](g->raw, g->raw_size, &d), HUSH_OK);
            check_generated_map(g, &d, decoders[kind], c * 6 + kind);
            /* Runs of literals are one segment: no two COPY segments touch. */
            for (size_t k = 0; k + 2 < d.segment_count; k++)
                assert_false(d.segments[k].kind == HUSHI_SEGMENT_COPY &&
                             d.segments[k + 1].kind == HUSHI_SEGMENT_COPY);
        }
    }
    free(g);
    hushi_decoded_free(&d);
}

/* Base64 of random bytes with whitespace put anywhere: every decoded byte
 * maps to exactly the characters of its quad (from the first to the last,
 * '=' included), and decoding a mapped span alone contains the bytes. */
static void test_generated_base64_maps(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 2);
    hushi_decoded_t d = {0}, part = {0};
    hushi_bytes_t b = {0};
    unsigned char data[64], text[512];
    size_t pos[512]; /* input offset of each non-whitespace character */
    for (int c = 0; c < PROPERTY_CASES; c++) {
        size_t n = fake_rng_below(&rng, sizeof data);
        fake_bytes(&rng, data, n);
        b.size = 0;
        bool url = fake_rng_below(&rng, 2);
        assert_int_equal(hushi_encode_base64(data, n, url, &b), HUSH_OK);
        size_t chars = b.size;
        if (fake_rng_below(&rng, 2))
            while (chars > 0 && b.data[chars - 1] == '=')
                chars--;
        size_t len = 0;
        for (size_t i = 0; i < chars; i++) {
            while (fake_rng_below(&rng, 6) == 0)
                text[len++] = (unsigned char)" \t\r\n"[fake_rng_below(&rng, 4)];
            pos[i] = len;
            text[len++] = b.data[i];
        }
        while (fake_rng_below(&rng, 3) == 0)
            text[len++] = '\n';
        assert_int_equal(hushi_decode_base64(text, len, &d), HUSH_OK);
        assert_int_equal(d.size, n);
        if (n)
            assert_memory_equal(d.bytes, data, n);
        assert_int_equal(d.padded, chars == b.size && n % 3 != 0);
        for (size_t a = 0; a < n; a++) {
            size_t q = a / 3;
            size_t last = 4 * q + 3 < chars ? 4 * q + 3 : chars - 1;
            if (hushi_map_start(&d, a) != pos[4 * q] || hushi_map_end(&d, a + 1) != pos[last] + 1)
                fail_msg("base64 case %d: byte %zu mapped to [%zu, %zu), want [%zu, %zu)", c, a,
                         hushi_map_start(&d, a), hushi_map_end(&d, a + 1), pos[4 * q],
                         pos[last] + 1);
            for (size_t e = a + 1; e <= n; e++) {
                size_t start = hushi_map_start(&d, a), end = hushi_map_end(&d, e);
                assert_int_equal(hushi_decode_base64(text + start, end - start, &part), HUSH_OK);
                size_t from = 3 * q, to = 3 * ((e - 1) / 3 + 1) < n ? 3 * ((e - 1) / 3 + 1) : n;
                assert_int_equal(part.size, to - from);
                assert_memory_equal(part.bytes, data + from, part.size);
            }
        }
    }
    hushi_decoded_free(&d);
    hushi_decoded_free(&part);
    hushi_bytes_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_without_escape_is_one_copy),
        cmocka_unit_test(test_json_short_escapes),
        cmocka_unit_test(test_json_unicode_escapes),
        cmocka_unit_test(test_json_surrogate_pairs),
        cmocka_unit_test(test_json_lone_surrogates),
        cmocka_unit_test(test_json_invalid_escapes_kept),
        cmocka_unit_test(test_json_map_inside_units),
        cmocka_unit_test(test_csv_doubled_quotes),
        cmocka_unit_test(test_percent_escapes),
        cmocka_unit_test(test_base64_known_answers),
        cmocka_unit_test(test_base64_rejects),
        cmocka_unit_test(test_base64_whitespace),
        cmocka_unit_test(test_base64_map_quads),
        cmocka_unit_test(test_html_references),
        cmocka_unit_test(test_html_unknown_references_kept),
        cmocka_unit_test(test_js_escapes),
        cmocka_unit_test(test_js_line_continuations),
        cmocka_unit_test(test_js_malformed_escapes_kept),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_limits_and_arguments),
        cmocka_unit_test(test_input_end_is_respected),
        cmocka_unit_test(test_reuse),
        cmocka_unit_test(test_encoders_known_answers),
        cmocka_unit_test(test_markup_encoders_known_answers),
        cmocka_unit_test(test_round_trips),
        cmocka_unit_test(test_generated_text_maps),
        cmocka_unit_test(test_generated_base64_maps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
