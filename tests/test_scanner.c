/*
 * The scanner's central promise: findings and redacted output do not depend
 * on how the input is split into reads, agree with the PCRE2-only reference
 * engine, and memory stays bounded.  Rules here are small test rules defined
 * inline, so these tests hold whatever the shipped rule pack contains.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <cmocka.h>

#include "hush.h"
#include "fake_secrets.h"
#include "scan_fixture.h"

static const char test_rules_json[] =
    "{\"rules\":["
    "{\"id\":\"test.token\",\"name\":\"test token\",\"confidence\":\"high\","
    " \"pattern\":\"\\\\btok_(?<secret>[A-Za-z0-9]{20})\\\\b\","
    " \"examples\":[\"x tok_AbCdEfGhIjKlMnOpQrSt y\"],\"negative_examples\":[\"tok_short\"]},"
    "{\"id\":\"test.any-token\",\"name\":\"weaker rule, same bytes\",\"confidence\":\"low\","
    " \"pattern\":\"tok_(?<secret>[A-Za-z0-9]{20})\","
    " \"examples\":[\"x tok_AbCdEfGhIjKlMnOpQrSt y\"],\"negative_examples\":[\"tok_short\"]},"
    "{\"id\":\"test.not-boundary\",\"name\":\"ends inside a word\",\"confidence\":\"high\","
    " \"pattern\":\"nb_(?<secret>[A-Za-z0-9]{10})\\\\B\","
    " \"examples\":[\"x nb_Qz8kLm2Vx7Zrest\"],\"negative_examples\":[\"nb_Qz8kLm2Vx7 \"]},"
    "{\"id\":\"test.password\",\"name\":\"test password\",\"confidence\":\"medium\","
    " \"pattern\":\"(?i)password[ \\\\t]{0,4}=[ \\\\t]{0,4}(?<secret>[^ \\\\t\\\\r\\\\n;&]{6,64})\","
    " \"entropy_min\":2.0,"
    " \"examples\":[\"password=Zq8#kLm2Vx\"],\"negative_examples\":[\"password=aaaaaaaa\"]},"
    "{\"id\":\"test.line-key\",\"name\":\"anchored key\",\"confidence\":\"medium\","
    " \"pattern\":\"^key: (?<secret>[a-z]{12})$\","
    " \"examples\":[\"key: qwertyuiopas\"],\"negative_examples\":[\" key: qwertyuiopas\"]},"
    "{\"id\":\"test.block\",\"name\":\"test key block\",\"confidence\":\"high\","
    " \"multiline\":true,\"opener\":\"-----BEGIN TEST KEY-----\","
    " \"pattern\":\"-----BEGIN TEST KEY-----\\\\r?\\\\n"
    "(?<secret>[A-Za-z0-9+/=\\\\r\\\\n]{16,4000}?)\\\\r?\\\\n-----END TEST KEY-----\","
    " \"examples\":[\"-----BEGIN TEST KEY-----\\nQUJDREVGR0hJSktMTU5PUA==\\n-----END TEST "
    "KEY-----\"],"
    " \"negative_examples\":[\"-----BEGIN TEST KEY-----\\nshort\\n-----END TEST KEY-----\"]}"
    "]}";

typedef struct fixture {
    hush_rules_t *rules;
} fixture_t;

static int setup(void **state)
{
    static fixture_t fx;
    assert_int_equal(rules_from_json("tests/inline.json", test_rules_json, &fx.rules, NULL),
                     HUSH_OK);
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    hush_rules_destroy(((fixture_t *)*state)->rules);
    return 0;
}

/* splitmix64: deterministic, seedable, no global state. */
static uint64_t next_random(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* Log-like text with fake test secrets planted at random places, some lines
 * very long, a multiline key block now and then. */
static char *make_input(uint64_t seed, size_t target, size_t *size_out)
{
    buf_t text = {0};
    uint64_t rng = seed;
    while (text.size < target) {
        char line[8192];
        size_t n = 0;
        n += (size_t)snprintf(line + n, sizeof line - n, "2026-11-22T04:%02u:%02u INFO req=%llu ",
                              (unsigned)(next_random(&rng) % 60), (unsigned)(next_random(&rng) % 60),
                              (unsigned long long)(next_random(&rng) % 100000));
        unsigned kind = (unsigned)(next_random(&rng) % 10);
        if (kind == 0) {
            n += (size_t)snprintf(line + n, sizeof line - n, "auth tok_");
            for (int i = 0; i < 20; i++)
                line[n++] = alnum[next_random(&rng) % 62];
            n += (size_t)snprintf(line + n, sizeof line - n, " done");
        } else if (kind == 1) {
            n += (size_t)snprintf(line + n, sizeof line - n, "db password=");
            for (int i = 0; i < 12; i++)
                line[n++] = alnum[next_random(&rng) % 62];
            n += (size_t)snprintf(line + n, sizeof line - n, ";timeout=30");
        } else if (kind == 2) {
            n = 0;
            n += (size_t)snprintf(line + n, sizeof line - n, "key: ");
            for (int i = 0; i < 12; i++)
                line[n++] = (char)('a' + next_random(&rng) % 26);
        } else if (kind == 3 && next_random(&rng) % 4 == 0) {
            const char *nl = next_random(&rng) % 2 ? "\r\n" : "\n";
            n += (size_t)snprintf(line + n, sizeof line - n, "%s-----BEGIN TEST KEY-----%s", nl,
                                  nl);
            for (int l = 0; l < 3; l++) {
                for (int i = 0; i < 64; i++)
                    line[n++] = alnum[next_random(&rng) % 62];
                n += (size_t)snprintf(line + n, sizeof line - n, "%s", nl);
            }
            n += (size_t)snprintf(line + n, sizeof line - n, "-----END TEST KEY-----");
        } else if (kind == 4) {
            /* a long line of filler with a token in its middle */
            size_t fill = 2000 + next_random(&rng) % 4000;
            for (size_t i = 0; i < fill; i++)
                line[n++] = alnum[next_random(&rng) % 62];
            n += (size_t)snprintf(line + n, sizeof line - n, " tok_");
            for (int i = 0; i < 20; i++)
                line[n++] = alnum[next_random(&rng) % 62];
            line[n++] = ' ';
        } else {
            n += (size_t)snprintf(line + n, sizeof line - n, "GET /api/items?id=%llu ok",
                                  (unsigned long long)next_random(&rng));
        }
        line[n++] = '\n';
        buf_put(&text, line, n);
    }
    *size_out = text.size;
    return text.data;
}

static const unsigned char test_key[32] = "hush test fingerprint key 32byte";

static hush_scanner_t *make_scanner(const hush_rules_t *rules, hush_engine_t engine,
                                    hush_mask_t mask, capture_t *cap)
{
    hush_scanner_t *s = NULL;
    assert_int_equal(
        capture_scanner_create(rules, engine, mask, test_key, sizeof test_key, cap, &s), HUSH_OK);
    return s;
}

/* Feeds `input` in pieces chosen by `split` (0: random sizes from seed). */
static void scan_split(hush_scanner_t *s, const char *input, size_t size, size_t split,
                       uint64_t seed, bool flush_each)
{
    size_t pos = 0;
    uint64_t rng = seed;
    while (pos < size) {
        size_t n = split ? split : 1 + (size_t)(next_random(&rng) % 9000);
        if (n > size - pos)
            n = size - pos;
        assert_int_equal(hush_scanner_feed(s, input + pos, n), HUSH_OK);
        if (flush_each)
            assert_int_equal(hush_scanner_flush(s), HUSH_OK);
        pos += n;
    }
    assert_int_equal(hush_scanner_finish(s), HUSH_OK);
}

static void assert_same(const capture_t *a, const capture_t *b, const char *what)
{
    if (a->findings.size != b->findings.size ||
        (a->findings.size && strcmp(a->findings.data, b->findings.data) != 0)) {
        fprintf(stderr, "%s: findings differ (%zu vs %zu findings)\n", what, a->count, b->count);
        fail();
    }
    if (a->output.size != b->output.size ||
        (a->output.size && memcmp(a->output.data, b->output.data, a->output.size) != 0)) {
        fprintf(stderr, "%s: redacted output differs (%zu vs %zu bytes)\n", what, a->output.size,
                b->output.size);
        fail();
    }
}

static size_t count_lines(const char *text, size_t size)
{
    size_t lines = 0;
    for (size_t i = 0; i < size; i++)
        lines += text[i] == '\n';
    return lines;
}

/* Redacted text has exactly as many lines as its input, whatever the mask. */
static void assert_same_lines(const char *input, size_t size, const capture_t *cap,
                              const char *what)
{
    size_t want = count_lines(input, size), got = count_lines(cap->output.data, cap->output.size);
    if (want != got) {
        fprintf(stderr, "%s: redacted output has %zu lines, input %zu\n", what, got, want);
        fail();
    }
}

/* Feeding `input` as two pieces cut at `cut` gives what one read gave. */
static void assert_two_feeds_same(hush_scanner_t *s, const char *input, size_t size, size_t cut,
                                  const capture_t *whole, const char *what)
{
    capture_t piece = {0};
    hush_scanner_set_context(s, &piece, &piece);
    assert_int_equal(hush_scanner_feed(s, input, cut), HUSH_OK);
    assert_int_equal(hush_scanner_feed(s, input + cut, size - cut), HUSH_OK);
    assert_int_equal(hush_scanner_finish(s), HUSH_OK);
    assert_same(whole, &piece, what);
    capture_free(&piece);
}

static void check_invariance(const hush_rules_t *rules, const char *input, size_t size,
                             const size_t *splits, size_t split_count, hush_mask_t mask)
{
    capture_t whole = {0}, ref = {0};
    hush_scanner_t *fast = make_scanner(rules, HUSH_ENGINE_HYPERSCAN, mask, &whole);
    hush_scanner_t *reference = make_scanner(rules, HUSH_ENGINE_REFERENCE, mask, &ref);
    scan_split(fast, input, size, size, 0, false);
    scan_split(reference, input, size, size, 0, false);
    assert_true(whole.count > 0);
    assert_same(&whole, &ref, "hyperscan vs reference");
    assert_same_lines(input, size, &whole, hush_mask_name(mask));
    for (size_t i = 0; i < split_count; i++) {
        capture_t piece = {0};
        hush_scanner_set_context(fast, &piece, &piece);
        scan_split(fast, input, size, splits[i], 0, false);
        char what[64];
        snprintf(what, sizeof what, "split %zu", splits[i]);
        assert_same(&whole, &piece, what);
        capture_free(&piece);
    }
    for (uint64_t seed = 1; seed <= 8; seed++) {
        capture_t piece = {0};
        hush_scanner_set_context(fast, &piece, &piece);
        scan_split(fast, input, size, 0, seed, seed % 2 == 0);
        assert_same(&whole, &piece, seed % 2 ? "random split" : "random split + flush");
        capture_free(&piece);
    }
    hush_scanner_destroy(fast);
    hush_scanner_destroy(reference);
    capture_free(&whole);
    capture_free(&ref);
}

/* Every split size from 1 byte up to 257 on a small input. */
static void test_every_small_split(void **state)
{
    fixture_t *fx = *state;
    size_t size;
    char *input = make_input(42, 6000, &size);
    size_t splits[257];
    for (size_t i = 0; i < 257; i++)
        splits[i] = i + 1;
    check_invariance(fx->rules, input, size, splits, 257, HUSH_MASK_LABEL);
    check_invariance(fx->rules, input, size, splits, 64, HUSH_MASK_STARS);
    check_invariance(fx->rules, input, size, splits, 32, HUSH_MASK_PARTIAL);
    check_invariance(fx->rules, input, size, splits, 32, HUSH_MASK_HASH);
    free(input);
}

/* Byte-sized reads across the engine's first internal slice (256 KiB). */
static void test_tiny_splits_across_slices(void **state)
{
    fixture_t *fx = *state;
    size_t size;
    char *input = make_input(11, 300u << 10, &size);
    static const size_t splits[] = {1, 3};
    check_invariance(fx->rules, input, size, splits, 2, HUSH_MASK_PARTIAL);
    free(input);
}

/* Larger input: crosses many internal slices and window compactions. */
static void test_large_input_splits(void **state)
{
    fixture_t *fx = *state;
    size_t size;
    char *input = make_input(7, 3u << 20, &size);
    static const size_t splits[] = {4095, 4096, 65536, 262143, 262144, 262145, 1u << 20};
    check_invariance(fx->rules, input, size, splits, sizeof splits / sizeof *splits,
                     HUSH_MASK_HASH);
    free(input);
}

/* A secret that straddles a read boundary, at every position: found once,
 * masked completely. */
static void test_straddling_secret(void **state)
{
    fixture_t *fx = *state;
    const char *secret = "Zx9Qw3Er7Ty1Ui5Op2As";
    char input[128];
    int n = snprintf(input, sizeof input, "before tok_%s after\n", secret);
    for (int cut = 1; cut < n; cut++) {
        capture_t cap = {0};
        hush_scanner_t *s = make_scanner(fx->rules, HUSH_ENGINE_HYPERSCAN, HUSH_MASK_LABEL, &cap);
        assert_int_equal(hush_scanner_feed(s, input, (size_t)cut), HUSH_OK);
        assert_int_equal(hush_scanner_feed(s, input + cut, (size_t)(n - cut)), HUSH_OK);
        assert_int_equal(hush_scanner_finish(s), HUSH_OK);
        assert_int_equal(cap.count, 1);
        assert_string_equal(buf_text(&cap.output), "before tok_[REDACTED:test.token] after\n");
        assert_null(strstr(buf_text(&cap.findings), secret));
        hush_scanner_destroy(s);
        capture_free(&cap);
    }
}

/* Every byte outside a secret passes through unchanged; stars keep length. */
static void test_passthrough_and_masks(void **state)
{
    fixture_t *fx = *state;
    const char *input = "a tok_AAAABBBBCCCCDDDDEEEE b\npassword = Qx7!pLm9Zr\nplain line\n";
    static const struct {
        hush_mask_t mask;
        const char *expected;
    } cases[] = {
        {HUSH_MASK_LABEL,
         "a tok_[REDACTED:test.token] b\npassword = [REDACTED:test.password]\nplain line\n"},
        {HUSH_MASK_STARS, "a tok_******************** b\npassword = **********\nplain line\n"},
        {HUSH_MASK_PARTIAL, "a tok_AAAA**************** b\npassword = **********\nplain line\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        capture_t cap = {0};
        hush_scanner_t *s = make_scanner(fx->rules, HUSH_ENGINE_HYPERSCAN, cases[i].mask, &cap);
        scan_split(s, input, strlen(input), 5, 0, false);
        assert_string_equal(buf_text(&cap.output), cases[i].expected);
        assert_int_equal(cap.count, 2);
        hush_scanner_destroy(s);
        capture_free(&cap);
    }
}

/* `text` with every "|" replaced by `nl` and every "#" by the first 8 hex of
 * `fingerprint` (the hash mask). */
static void expand(const char *text, const char *nl, const char *fingerprint, buf_t *out)
{
    out->size = 0;
    buf_put(out, "", 0);
    for (const char *c = text; *c; c++) {
        if (*c == '|')
            buf_str(out, nl);
        else if (*c == '#')
            buf_put(out, fingerprint, 8);
        else
            buf_put(out, c, 1);
    }
}

/* A multi-line secret keeps its line breaks with every mask, LF or CR LF:
 * two blocks in one input, the second at the very end with no line end
 * after it; each secret's last line has no line break of its own. */
static void test_multiline_masks_keep_lines(void **state)
{
    fixture_t *fx = *state;
    static const char input[] = "a|-----BEGIN TEST KEY-----|QUJDREVGR0hJSktM|TU5PUA==|"
                                "-----END TEST KEY-----|mid|-----BEGIN TEST KEY-----|"
                                "AAAABBBBCCCCDDDD|EEEEFFFF|GGGG|-----END TEST KEY-----";
    static const struct {
        hush_mask_t mask;
        const char *expected;
    } cases[] = {
        {HUSH_MASK_LABEL, "a|-----BEGIN TEST KEY-----|[REDACTED:test.block]||"
                          "-----END TEST KEY-----|mid|-----BEGIN TEST KEY-----|"
                          "[REDACTED:test.block]|||-----END TEST KEY-----"},
        {HUSH_MASK_HASH, "a|-----BEGIN TEST KEY-----|[REDACTED:test.block:#]||"
                         "-----END TEST KEY-----|mid|-----BEGIN TEST KEY-----|"
                         "[REDACTED:test.block:#]|||-----END TEST KEY-----"},
        {HUSH_MASK_STARS, "a|-----BEGIN TEST KEY-----|****************|********|"
                          "-----END TEST KEY-----|mid|-----BEGIN TEST KEY-----|"
                          "****************|********|****|-----END TEST KEY-----"},
        {HUSH_MASK_PARTIAL, "a|-----BEGIN TEST KEY-----|QUJD************|********|"
                            "-----END TEST KEY-----|mid|-----BEGIN TEST KEY-----|"
                            "AAAA************|********|****|-----END TEST KEY-----"},
    };
    static const char *const line_ends[] = {"\n", "\r\n"};
    static const size_t splits[] = {1, 2, 7, 64, 4096};
    for (size_t e = 0; e < 2; e++) {
        buf_t in = {0}, want = {0};
        expand(input, line_ends[e], "", &in);
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            capture_t whole = {0};
            hush_scanner_t *s = make_scanner(fx->rules, HUSH_ENGINE_HYPERSCAN, cases[i].mask,
                                             &whole);
            scan_split(s, in.data, in.size, in.size, 0, false);
            assert_int_equal(whole.count, 2);
            /* the hash mask: the first label shows the first secret's
             * fingerprint, the second label (after "mid") the second's */
            expand(cases[i].expected, line_ends[e], whole.seen[0].fingerprint, &want);
            if (cases[i].mask == HUSH_MASK_HASH) {
                char *second = strstr(strstr(want.data, "mid"), "test.block:");
                assert_non_null(second);
                memcpy(second + strlen("test.block:"), whole.seen[1].fingerprint, 8);
            }
            assert_int_equal(whole.output.size, want.size);
            assert_memory_equal(whole.output.data, want.data, want.size);
            assert_same_lines(in.data, in.size, &whole, hush_mask_name(cases[i].mask));
            for (size_t f = 0; f < whole.count; f++) {
                /* a preview is one line and never shows the secret */
                assert_null(strchr(whole.seen[f].preview, '\n'));
                assert_null(strchr(whole.seen[f].preview, '\r'));
                assert_null(strstr(whole.seen[f].preview, f ? "AAAABBBB" : "QUJDREVG"));
                assert_non_null(strstr(whole.seen[f].preview, "[REDACTED:test.block]"));
            }
            assert_int_equal(whole.seen[0].line, 3);
            assert_int_equal(whole.seen[1].line, 8);
            for (size_t k = 0; k < sizeof splits / sizeof *splits; k++) {
                capture_t piece = {0};
                hush_scanner_set_context(s, &piece, &piece);
                scan_split(s, in.data, in.size, splits[k], 0, k % 2 == 1);
                assert_same(&whole, &piece, "multi-line secret, split");
                capture_free(&piece);
            }
            hush_scanner_destroy(s);
            capture_free(&whole);
        }
        buf_free(&in);
        buf_free(&want);
    }
}

/* Line and column of findings are 1-based and count bytes. */
static void test_line_and_column(void **state)
{
    fixture_t *fx = *state;
    const char *input = "first\nsecond line tok_AAAABBBBCCCCDDDDEEEE\nkey: qwertyuiopas\n";
    capture_t cap = {0};
    hush_scanner_t *s = make_scanner(fx->rules, HUSH_ENGINE_HYPERSCAN, HUSH_MASK_LABEL, &cap);
    scan_split(s, input, strlen(input), 1, 0, false);
    assert_int_equal(cap.count, 2);
    assert_non_null(strstr(buf_text(&cap.findings), "test.token 22+20 2:17 high"));
    assert_non_null(strstr(buf_text(&cap.findings), "test.line-key 48+12 3:6 medium"));
    assert_non_null(strstr(buf_text(&cap.findings), "tok_[REDACTED:test.token]"));
    hush_scanner_destroy(s);
    capture_free(&cap);
}

/* Flushing writes every complete line at once (tail -f | hush), except while
 * a multiline block may still be open. */
static void test_flush_latency(void **state)
{
    fixture_t *fx = *state;
    capture_t cap = {0};
    hush_scanner_t *s = make_scanner(fx->rules, HUSH_ENGINE_HYPERSCAN, HUSH_MASK_LABEL, &cap);
    const char *line1 = "login tok_AAAABBBBCCCCDDDDEEEE ok\n";
    const char *partial = "next line without end";
    assert_int_equal(hush_scanner_feed(s, line1, strlen(line1)), HUSH_OK);
    assert_int_equal(hush_scanner_feed(s, partial, strlen(partial)), HUSH_OK);
    assert_int_equal(hush_scanner_flush(s), HUSH_OK);
    assert_int_equal(cap.count, 1);
    assert_string_equal(buf_text(&cap.output), "login tok_[REDACTED:test.token] ok\n");

    const char *block = "\n-----BEGIN TEST KEY-----\nQUJDREVGR0hJSktMTU5PUA==\n";
    assert_int_equal(hush_scanner_feed(s, block, strlen(block)), HUSH_OK);
    assert_int_equal(hush_scanner_flush(s), HUSH_OK);
    /* The key block has begun: nothing of it may be written yet. */
    assert_null(strstr(buf_text(&cap.output), "QUJDREVG"));
    assert_null(strstr(buf_text(&cap.output), "BEGIN TEST KEY"));
    const char *end = "-----END TEST KEY-----\n";
    assert_int_equal(hush_scanner_feed(s, end, strlen(end)), HUSH_OK);
    assert_int_equal(hush_scanner_finish(s), HUSH_OK);
    assert_null(strstr(buf_text(&cap.output), "QUJDREVG"));
    assert_non_null(strstr(buf_text(&cap.output), "[REDACTED:test.block]"));
    hush_scanner_destroy(s);
    capture_free(&cap);
}

/* A short key block, then a long line still without its newline: flushing
 * must not write the block before Hyperscan has scanned it (found in
 * review: holds used to expire by bytes received, not bytes scanned). */
static void test_flush_holds_until_scanned(void **state)
{
    fixture_t *fx = *state;
    /* The line runs past the hold's horizon (the rules' max width plus
     * context, about 4.4 KiB here) but stays below one scan chunk. */
    char input[12000];
    int n = snprintf(input, sizeof input,
                     "-----BEGIN TEST KEY-----\nQUJDREVGR0hJSktMTU5PUA==\n-----END TEST KEY-----");
    memset(input + n, 'x', 10000);
    n += 10000;
    for (int flush_at = 1000; flush_at <= n; flush_at += 1500) {
        capture_t cap = {0};
        hush_scanner_t *s = make_scanner(fx->rules, HUSH_ENGINE_HYPERSCAN, HUSH_MASK_LABEL, &cap);
        assert_int_equal(hush_scanner_feed(s, input, (size_t)flush_at), HUSH_OK);
        assert_int_equal(hush_scanner_flush(s), HUSH_OK);
        assert_null(strstr(buf_text(&cap.output), "QUJDREVG"));
        assert_int_equal(hush_scanner_feed(s, input + flush_at, (size_t)(n - flush_at)), HUSH_OK);
        assert_int_equal(hush_scanner_finish(s), HUSH_OK);
        assert_null(strstr(buf_text(&cap.output), "QUJDREVG"));
        assert_non_null(strstr(buf_text(&cap.output), "[REDACTED:test.block]"));
        hush_scanner_destroy(s);
        capture_free(&cap);
    }
}

/* A match that ends exactly where a scan range ends, for a rule whose last
 * assertion needs the next byte (\B): found whatever the split (found in
 * review: Hyperscan took the range end for the end of the data). */
static void test_assertion_at_scan_range_end(void **state)
{
    fixture_t *fx = *state;
    static char input[80000];
    size_t n = 0;
    while (n < 70000)
        n += (size_t)snprintf(input + n, sizeof input - n, "filler line %zu\n", n);
    size_t at = n;
    n += (size_t)snprintf(input + n, sizeof input - n, "a nb_Qz8kLm2Vx7Zrest\n");
    capture_t whole = {0}, ref = {0};
    hush_scanner_t *fast = make_scanner(fx->rules, HUSH_ENGINE_HYPERSCAN, HUSH_MASK_LABEL, &whole);
    hush_scanner_t *reference = make_scanner(fx->rules, HUSH_ENGINE_REFERENCE, HUSH_MASK_LABEL, &ref);
    scan_split(fast, input, n, n, 0, false);
    scan_split(reference, input, n, n, 0, false);
    assert_int_equal(whole.count, 1);
    assert_same(&whole, &ref, "hyperscan vs reference");
    for (size_t cut = at; cut <= at + strlen("a nb_Qz8kLm2Vx7Zr"); cut++)
        assert_two_feeds_same(fast, input, n, cut, &whole, "split at the match end");
    hush_scanner_destroy(fast);
    hush_scanner_destroy(reference);
    capture_free(&whole);
    capture_free(&ref);
}

/* A preview that shows the start of another secret masks it, whatever the
 * split: the other rule's match is longer, so it is confirmed later (found
 * in review: the preview depended on which finding was known first, and
 * could show the other secret in clear). */
static void test_preview_masks_later_secret(void **state)
{
    (void)state;
    static const char json[] =
        "{\"rules\":["
        "{\"id\":\"t.user\",\"name\":\"user\",\"confidence\":\"high\",\"examples\":[\"x\"],"
        "\"negative_examples\":[\"y\"],\"pattern\":\"user=(?<secret>[a-z]{8}) pass=[a-z]{8}\"},"
        "{\"id\":\"t.pass\",\"name\":\"pass\",\"confidence\":\"high\",\"examples\":[\"x\"],"
        "\"negative_examples\":[\"y\"],\"pattern\":\"pass=(?<secret>[a-z]{8}) Z{300}END\"}]}";
    hush_rules_t *rules = NULL;
    assert_int_equal(rules_from_json("inline.json", json, &rules, NULL), HUSH_OK);
    static char input[90000];
    size_t n = 0;
    while (n < 70000)
        n += (size_t)snprintf(input + n, sizeof input - n, "filler line %zu\n", n);
    size_t at = n;
    n += (size_t)snprintf(input + n, sizeof input - n, "user=qmzkrwpx pass=hvtbnjdc ");
    memset(input + n, 'Z', 300);
    n += 300;
    n += (size_t)snprintf(input + n, sizeof input - n, "END\nthe end\n");
    capture_t whole = {0};
    hush_scanner_t *s = make_scanner(rules, HUSH_ENGINE_HYPERSCAN, HUSH_MASK_LABEL, &whole);
    scan_split(s, input, n, n, 0, false);
    assert_int_equal(whole.count, 2);
    assert_null(strstr(buf_text(&whole.findings), "hvtbnjdc"));
    for (size_t cut = at; cut < at + 340; cut += 5)
        assert_two_feeds_same(s, input, n, cut, &whole, "split near the two secrets");
    hush_scanner_destroy(s);
    capture_free(&whole);
    hush_rules_destroy(rules);
}

static int count_only(void *ctx, const hush_finding_t *f)
{
    (void)f;
    (*(size_t *)ctx)++;
    return 0;
}

static int discard_output(void *ctx, const void *data, size_t size)
{
    (void)data;
    *(uint64_t *)ctx += size;
    return 0;
}

/* 256 MiB in one line without a newline: memory stays at the window. */
static void test_memory_bounded_on_huge_line(void **state)
{
    fixture_t *fx = *state;
    size_t findings = 0;
    uint64_t written = 0;
    hush_scanner_config_t config = {.min_confidence = HUSH_CONFIDENCE_MEDIUM,
                                    .on_finding = count_only,
                                    .finding_ctx = &findings,
                                    .on_output = discard_output,
                                    .output_ctx = &written};
    hush_scanner_t *s = NULL;
    assert_int_equal(hush_scanner_create(fx->rules, &config, &s), HUSH_OK);
    size_t chunk = 1u << 20;
    char *buf = malloc(chunk);
    assert_non_null(buf);
    for (size_t i = 0; i < chunk; i++)
        buf[i] = alnum[i % 61];
    memcpy(buf + 5000, " tok_AAAABBBBCCCCDDDDEEEE ", 26);
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    const size_t total_chunks = 256;
    for (size_t i = 0; i < total_chunks; i++)
        assert_int_equal(hush_scanner_feed(s, buf, chunk), HUSH_OK);
    assert_int_equal(hush_scanner_finish(s), HUSH_OK);
    getrusage(RUSAGE_SELF, &after);
    assert_int_equal(findings, total_chunks);
    assert_int_equal(written, total_chunks * (chunk - 20 + strlen("[REDACTED:test.token]")));
    /* ru_maxrss is in KiB: growth must stay far below the input size. */
    assert_true(after.ru_maxrss - before.ru_maxrss < 32 * 1024);
    free(buf);
    hush_scanner_destroy(s);
}

/* Two rules that find the same bytes give one finding, the surer rule's,
 * unless every rule's finding is asked for. */
static void test_one_finding_per_secret(void **state)
{
    fixture_t *fx = *state;
    const char *input = "x tok_QwErTyUiOpAsDfGhJkLz y\n";
    for (int every = 0; every <= 1; every++) {
        capture_t cap = {0};
        hush_scanner_config_t config = {.min_confidence = HUSH_CONFIDENCE_LOW,
                                        .on_finding = capture_finding, .finding_ctx = &cap,
                                        .on_output = capture_output, .output_ctx = &cap,
                                        .report_every_rule = every};
        hush_scanner_t *s = NULL;
        assert_int_equal(hush_scanner_create(fx->rules, &config, &s), HUSH_OK);
        scan_split(s, input, strlen(input), 3, 0, false);
        assert_int_equal(cap.count, every ? 2 : 1);
        assert_non_null(strstr(buf_text(&cap.findings), "test.token 6+20"));
        assert_true((strstr(buf_text(&cap.findings), "test.any-token") != NULL) == (every == 1));
        assert_string_equal(buf_text(&cap.output), "x tok_[REDACTED:test.token] y\n");
        hush_scanner_destroy(s);
        capture_free(&cap);
    }
}

/* A callback that asks to stop stops the scan with HUSH_ERR_CALLBACK. */
static int stop_now(void *ctx, const void *data, size_t size)
{
    (void)ctx;
    (void)data;
    (void)size;
    return 1;
}

static void test_callback_stops(void **state)
{
    fixture_t *fx = *state;
    hush_scanner_config_t config = {.on_output = stop_now};
    hush_scanner_t *s = NULL;
    assert_int_equal(hush_scanner_create(fx->rules, &config, &s), HUSH_OK);
    const char *text = "hello\n";
    assert_int_equal(hush_scanner_feed(s, text, strlen(text)), HUSH_OK);
    assert_int_equal(hush_scanner_finish(s), HUSH_ERR_CALLBACK);
    hush_scanner_destroy(s);
}

/* Bad rule files name the file and the rule. */
static void test_bad_rule_messages(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        const char *message;
    } cases[] = {
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"high\",\"pattern\":\"x+(?<secret>y)\","
         "\"examples\":[\"xy\"],\"negative_examples\":[\"y\"]}]}",
         "bad.json: a.b: pattern can match more than"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"sure\",\"pattern\":\"x\"}]}",
         "bad.json: a.b: confidence must be low, medium or high: sure"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"high\",\"pattern\":\"ab(c\","
         "\"examples\":[\"x\"],\"negative_examples\":[\"y\"]}]}",
         "bad.json: a.b: PCRE2: missing closing parenthesis"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"high\",\"pattern\":\"abc\","
         "\"examples\":[\"x\"],\"negative_examples\":[\"y\"]}]}",
         "bad.json: a.b: pattern has no named group (?<secret>...)"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"high\",\"pattern\":\"a(?<secret>b)\","
         "\"examples\":[\"x\"],\"negative_example\":[\"y\"]}]}",
         "bad.json: a.b: unknown field: negative_example"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"high\",\"pattern\":\"\\\\Atok(?<secret>x)\","
         "\"examples\":[\"x\"],\"negative_examples\":[\"y\"]}]}",
         "bad.json: a.b: \\A, \\G, \\Z and \\z are not supported"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"high\","
         "\"pattern\":\"tok_(?<secret>[a-z]{8})(?=[ ]{0,600}END)\","
         "\"examples\":[\"x\"],\"negative_examples\":[\"y\"]}]}",
         "bad.json: a.b: a look-ahead may read more than 256 bytes past the match"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"high\",\"pattern\":\"a(?<secret>b)\","
         "\"failed_confidence\":\"medium\",\"examples\":[\"x\"],\"negative_examples\":[\"y\"]}]}",
         "bad.json: a.b: failed_confidence needs a validator"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"medium\",\"pattern\":\"a(?<secret>b)\","
         "\"validator\":\"jwt\",\"failed_confidence\":\"high\",\"examples\":[\"x\"],"
         "\"negative_examples\":[\"y\"]}]}",
         "bad.json: a.b: failed_confidence is above the rule's confidence: high"},
        {"{\"rules\":[{\"id\":\"a.b\",\"name\":\"n\",\"confidence\":\"high\",\"pattern\":\"a(?<secret>b)\","
         "\"validator\":\"jwt\",\"failed_confidence\":\"some\",\"examples\":[\"x\"],"
         "\"negative_examples\":[\"y\"]}]}",
         "bad.json: a.b: failed_confidence must be low, medium or high: some"},
        {"{\"rules\":[{\"id\":\"Bad Id\"}]}", "bad.json: Bad Id: id must be lowercase"},
        {"{\"rules\":[", "bad.json: not valid JSON"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        hush_rules_t *rules = NULL;
        hush_error_t err;
        assert_int_equal(rules_from_json("bad.json", cases[i].json, &rules, &err), HUSH_ERR_RULE);
        assert_null(rules);
        if (strncmp(err.message, cases[i].message, strlen(cases[i].message)) != 0) {
            fprintf(stderr, "case %zu: got \"%s\"\n", i, err.message);
            fail();
        }
    }
}

static void check_failure(void *ctx, const hush_rule_info_t *rule, bool negative, size_t index,
                          const char *reason)
{
    (void)ctx;
    fprintf(stderr, "%s %s %zu: %s\n", rule->id, negative ? "negative" : "example", index, reason);
}

/* "failed_confidence": a value that fails its rule's validator keeps that
 * confidence (medium here: still reported and masked at the default), and
 * low without the field, as before; a value that passes is high. */
static void test_failed_confidence(void **state)
{
    (void)state;
    static const char json[] =
        "{\"rules\":["
        "{\"id\":\"test.kept\",\"name\":\"kept\",\"confidence\":\"high\",\"validator\":\"jwt\","
        " \"failed_confidence\":\"medium\",\"pattern\":\"kept=(?<secret>eyJ[A-Za-z0-9._-]{10,900})\","
        " \"examples\":[\"x\"],\"negative_examples\":[\"y\"]},"
        "{\"id\":\"test.dropped\",\"name\":\"dropped\",\"confidence\":\"high\","
        " \"validator\":\"jwt\",\"pattern\":\"dropped=(?<secret>eyJ[A-Za-z0-9._-]{10,900})\","
        " \"examples\":[\"x\"],\"negative_examples\":[\"y\"]}]}";
    hush_rules_t *rules = NULL;
    assert_int_equal(rules_from_json("tests/failed.json", json, &rules, NULL), HUSH_OK);
    hush_rule_info_t info;
    assert_int_equal(hush_rules_info(rules, 0, &info), HUSH_OK);
    assert_int_equal(info.failed_confidence, HUSH_CONFIDENCE_MEDIUM);
    assert_int_equal(hush_rules_info(rules, 1, &info), HUSH_OK);
    assert_int_equal(info.failed_confidence, HUSH_CONFIDENCE_LOW);

    /* {"alg":"none"} . "not json" . "sig": the payload fails the JWT check. */
    static const char bad[] = "eyJhbGciOiJub25lIn0.bm90IGpzb24.c2ln";
    fake_rng_t rng;
    fake_rng_init(&rng, 4242);
    char good[1024];
    fake_jwt(&rng, 2000000000, good, sizeof good);
    char text[4096];
    snprintf(text, sizeof text, "kept=%s\ndropped=%s\nkept=%s\n", bad, bad, good);

    const unsigned char key[] = "hush test key";
    capture_t cap = {0};
    hush_scanner_t *s = NULL;
    assert_int_equal(capture_scanner_create(rules, HUSH_ENGINE_HYPERSCAN, HUSH_MASK_LABEL, key,
                                            sizeof key - 1, &cap, &s),
                     HUSH_OK);
    assert_int_equal(hush_scanner_feed(s, text, strlen(text)), HUSH_OK);
    assert_int_equal(hush_scanner_finish(s), HUSH_OK);
    hush_scanner_destroy(s);
    assert_int_equal(cap.count, 3);
    assert_string_equal(cap.seen[0].rule, "test.kept");
    assert_int_equal(cap.seen[0].confidence, HUSH_CONFIDENCE_MEDIUM);
    assert_string_equal(cap.seen[1].rule, "test.dropped");
    assert_int_equal(cap.seen[1].confidence, HUSH_CONFIDENCE_LOW);
    assert_string_equal(cap.seen[2].rule, "test.kept");
    assert_int_equal(cap.seen[2].confidence, HUSH_CONFIDENCE_HIGH);
    assert_non_null(strstr(buf_text(&cap.findings), "|structure|"));
    capture_free(&cap);
    hush_rules_destroy(rules);
}

/* The inline rules' own examples pass the two-engine check. */
static void test_rules_check(void **state)
{
    fixture_t *fx = *state;
    size_t failures = 99;
    assert_int_equal(hush_rules_check(fx->rules, check_failure, NULL, &failures), HUSH_OK);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_small_split),
        cmocka_unit_test(test_tiny_splits_across_slices),
        cmocka_unit_test(test_large_input_splits),
        cmocka_unit_test(test_straddling_secret),
        cmocka_unit_test(test_passthrough_and_masks),
        cmocka_unit_test(test_multiline_masks_keep_lines),
        cmocka_unit_test(test_line_and_column),
        cmocka_unit_test(test_flush_latency),
        cmocka_unit_test(test_flush_holds_until_scanned),
        cmocka_unit_test(test_assertion_at_scan_range_end),
        cmocka_unit_test(test_preview_masks_later_secret),
        cmocka_unit_test(test_memory_bounded_on_huge_line),
        cmocka_unit_test(test_one_finding_per_secret),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_bad_rule_messages),
        cmocka_unit_test(test_failed_confidence),
        cmocka_unit_test(test_rules_check),
    };
    return cmocka_run_group_tests_name("scanner", tests, setup, teardown);
}
