/*
 * Masks (scanner/redact.c) on their own: what each one writes for a secret,
 * and that a secret spanning several lines keeps its line breaks (LF, CR LF,
 * a last line without one) and nothing else of its bytes.  The scanner and
 * views tests check the same through whole scans.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "redact.h"
#include "text_buffer.h"

static int collect(void *ctx, const void *data, size_t size)
{
    buf_put(ctx, data, size);
    return 0;
}

/* The mask of `secret`; the caller frees out. */
static void mask_of(hush_mask_t mask, const char *secret, bool continuation, buf_t *out)
{
    out->size = 0;
    buf_put(out, "", 0);
    hushi_mask_request_t req = {.mask = mask, .rule_id = "test.block",
                                .fingerprint = "0123456789abcdef",
                                .secret = (const unsigned char *)secret,
                                .size = strlen(secret), .continuation = continuation};
    assert_int_equal(hushi_mask_emit(&req, collect, out), 0);
}

static size_t count_byte(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

static const struct {
    const char *secret;
    hush_mask_t mask;
    const char *expected;
} cases[] = {
    /* one line: as always */
    {"AbCdEfGhIjKlMnOpQrSt", HUSH_MASK_LABEL, "[REDACTED:test.block]"},
    {"AbCdEfGhIjKlMnOpQrSt", HUSH_MASK_STARS, "********************"},
    {"AbCdEfGhIjKlMnOpQrSt", HUSH_MASK_PARTIAL, "AbCd****************"},
    {"AbCdEfGhIjKlMnOpQrSt", HUSH_MASK_HASH, "[REDACTED:test.block:01234567]"},
    /* LF; the last line has no line break of its own */
    {"QUJDREVGR0hJ\nSktMTU5P\nUA==", HUSH_MASK_LABEL, "[REDACTED:test.block]\n\n"},
    {"QUJDREVGR0hJ\nSktMTU5P\nUA==", HUSH_MASK_HASH, "[REDACTED:test.block:01234567]\n\n"},
    {"QUJDREVGR0hJ\nSktMTU5P\nUA==", HUSH_MASK_STARS, "************\n********\n****"},
    {"QUJDREVGR0hJ\nSktMTU5P\nUA==", HUSH_MASK_PARTIAL, "QUJD********\n********\n****"},
    /* CR LF stays CR LF */
    {"QUJDREVGR0hJ\r\nSktMTU5P\r\nUA==", HUSH_MASK_LABEL, "[REDACTED:test.block]\r\n\r\n"},
    {"QUJDREVGR0hJ\r\nSktMTU5P\r\nUA==", HUSH_MASK_STARS, "************\r\n********\r\n****"},
    {"QUJDREVGR0hJ\r\nSktMTU5P\r\nUA==", HUSH_MASK_PARTIAL, "QUJD********\r\n********\r\n****"},
    {"QUJDREVGR0hJ\r\nSktMTU5P\r\nUA==", HUSH_MASK_HASH,
     "[REDACTED:test.block:01234567]\r\n\r\n"},
    /* a secret that ends with its line break, and one that starts with one */
    {"QUJDREVGR0hJSktM\n", HUSH_MASK_LABEL, "[REDACTED:test.block]\n"},
    {"\nQUJDREVGR0hJSktM", HUSH_MASK_LABEL, "[REDACTED:test.block]\n"},
    {"\nQUJDREVGR0hJSktM", HUSH_MASK_PARTIAL, "\n****************"},
    /* partial keeps no more than the first line's characters */
    {"QU\nJDREVGR0hJSktMTU5P", HUSH_MASK_PARTIAL, "QU\n******************"},
    /* a lone CR is a line break too: kept, never starred */
    {"QUJDREVG\rR0hJSktMTU5P", HUSH_MASK_STARS, "********\r************"},
    {"QUJDREVG\rR0hJSktMTU5P", HUSH_MASK_LABEL, "[REDACTED:test.block]\r"},
    /* blank lines inside the secret */
    {"QUJDREVG\n\n\nR0hJSktM", HUSH_MASK_LABEL, "[REDACTED:test.block]\n\n\n"},
    {"QUJDREVG\n\n\nR0hJSktM", HUSH_MASK_STARS, "********\n\n\n********"},
};

static void test_masks(void **state)
{
    (void)state;
    buf_t out = {0};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mask_of(cases[i].mask, cases[i].secret, false, &out);
        if (out.size != strlen(cases[i].expected) ||
            memcmp(out.data, cases[i].expected, out.size) != 0) {
            print_error("case %zu (%s): wrong mask\n", i, hush_mask_name(cases[i].mask));
            fail();
        }
    }
    buf_free(&out);
}

/* Every mask of every multi-line case keeps each CR and LF, in order, and
 * no other byte of the secret's lines after the first; stars and partial
 * keep the length. */
static void test_every_mask_keeps_line_breaks(void **state)
{
    (void)state;
    static const hush_mask_t masks[] = {HUSH_MASK_LABEL, HUSH_MASK_STARS, HUSH_MASK_PARTIAL,
                                        HUSH_MASK_HASH};
    buf_t out = {0};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *secret = cases[i].secret;
        size_t n = strlen(secret);
        for (size_t m = 0; m < 4; m++) {
            for (int cont = 0; cont < 2; cont++) {
                mask_of(masks[m], secret, cont, &out);
                char breaks_in[64] = {0}, breaks_out[64] = {0};
                size_t a = 0, b = 0;
                for (size_t k = 0; k < n; k++)
                    if (secret[k] == '\n' || secret[k] == '\r')
                        breaks_in[a++] = secret[k];
                for (size_t k = 0; k < out.size; k++)
                    if (out.data[k] == '\n' || out.data[k] == '\r')
                        breaks_out[b++] = out.data[k];
                assert_string_equal(breaks_in, breaks_out);
                assert_int_equal(count_byte(out.data, out.size, '\n'),
                                 count_byte(secret, n, '\n'));
                if (masks[m] == HUSH_MASK_STARS || masks[m] == HUSH_MASK_PARTIAL)
                    assert_int_equal(out.size, n);
                /* nothing of a line after the first survives */
                const char *second = strpbrk(secret, "\r\n");
                while (second && (*second == '\r' || *second == '\n'))
                    second++;
                if (second && *second)
                    assert_null(strstr(out.data, second));
                /* a continuation keeps no characters at all */
                if (cont && masks[m] == HUSH_MASK_PARTIAL)
                    assert_null(strpbrk(out.data, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                  "abcdefghijklmnopqrstuvwxyz0123456789="));
            }
        }
    }
    buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_masks),
        cmocka_unit_test(test_every_mask_keeps_line_breaks),
    };
    return cmocka_run_group_tests_name("redact", tests, NULL, NULL);
}
