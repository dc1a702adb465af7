/*
 * Known secrets (hush_rules_config_t.known_secrets, `hush --known-secrets`):
 * what a user sweeping for leaked values notices.  A value is found as
 * written, JSON-, XML- and percent-escaped, and inside base64 or base64url
 * text at each byte alignment; every finding has rule `known-secret`, high
 * confidence and the fingerprint of the value itself, whichever form
 * matched; values that cannot be used are refused with a message that
 * names where they are and never quotes them.
 *
 * Values are FAKE: drawn from a seeded generator, with the punctuation the
 * encoders escape (& " / and a space) around random letters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "fake_secrets.h"
#include "hush.h"
#include "scan_fixture.h"

#define TEST_SEED 0x6b6eu
#define VALUE_MAX 64
#define FORM_MAX 1024
#define TEXT_MAX 4096
/* Bytes of random base64 content before the value, plus 0, 1 or 2. */
#define BASE64_LEAD 30u
#define BASE64_TAIL 20u
#define LABEL "[REDACTED:" HUSH_KNOWN_SECRET_RULE "]"

static const unsigned char test_key[32] = "hush known-secret test key 32byt";

/* "hf&<6 letters>\"q/<6 letters> z": & " / and a space, which every
 * escaping writes differently. */
static size_t make_value(uint64_t seed, char *out)
{
    fake_rng_t rng;
    fake_rng_init(&rng, seed);
    char a[8], b[8];
    fake_alnum(&rng, 6, a, sizeof a);
    fake_alnum(&rng, 6, b, sizeof b);
    return (size_t)snprintf(out, VALUE_MAX, "hf&%s\"q/%s z", a, b);
}

/* The value with each of & " / and space written by `esc`. */
static void escape_value(const char *value, const char *const esc[4], char *out, size_t cap)
{
    static const char special[] = "&\"/ ";
    size_t o = 0;
    for (const char *p = value; *p; p++) {
        const char *at = strchr(special, *p);
        const char *piece = at ? esc[at - special] : NULL;
        char one[2] = {*p, 0};
        o += (size_t)snprintf(out + o, cap - o, "%s", piece ? piece : one);
    }
}

/* The fingerprint a finding of `value` must carry: HMAC-SHA256 of it. */
static void fingerprint_of(const char *value, char out[HUSH_FINGERPRINT_HEX + 1])
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    assert_non_null(HMAC(EVP_sha256(), test_key, sizeof test_key, (const unsigned char *)value,
                         strlen(value), mac, &size));
    for (unsigned i = 0; i < HUSH_FINGERPRINT_HEX / 2; i++)
        snprintf(out + 2 * i, 3, "%02x", mac[i]);
}

typedef struct fixture {
    char value[VALUE_MAX];
    hush_rules_t *rules; /* only the known value, no rule file */
} fixture_t;

/* Rules of the known values only (err as for rules_from_config). */
static hush_status_t known_rules(const hush_known_secret_t *known, size_t count, const char *name,
                                 hush_rules_t **out, hush_error_t *err)
{
    hush_rules_config_t config = {.known_secrets = known, .known_secret_count = count,
                                  .known_secrets_name = name};
    return rules_from_config(&config, out, err);
}

static int setup(void **state)
{
    static fixture_t fx;
    size_t n = make_value(TEST_SEED, fx.value);
    hush_known_secret_t known = {(const unsigned char *)fx.value, n};
    assert_int_equal(known_rules(&known, 1, "leaked.txt", &fx.rules, NULL), HUSH_OK);
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    hush_rules_destroy(((fixture_t *)*state)->rules);
    return 0;
}

/* Scans `text` with the label mask; raw_only: the known-secret patterns
 * alone, without decoded views. */
static void scan(const hush_rules_t *rules, hush_engine_t engine, bool raw_only, const char *text,
                 capture_t *cap)
{
    capture_reset(cap);
    hush_scanner_config_t config = {.engine = engine,
                                    .min_confidence = HUSH_CONFIDENCE_LOW,
                                    .mask = HUSH_MASK_LABEL,
                                    .fingerprint_key = test_key,
                                    .fingerprint_key_size = sizeof test_key,
                                    .on_finding = capture_finding,
                                    .finding_ctx = cap,
                                    .on_output = capture_output,
                                    .output_ctx = cap,
                                    .raw_only = raw_only};
    assert_int_equal(scan_whole(rules, &config, text, strlen(text)), HUSH_OK);
}

/* One finding, known-secret, high, with the value's fingerprint, at
 * [start, start + length) of `text`; the output is `text` with that span
 * replaced by the label.  With both engines, with and without views. */
static void assert_found_at(const fixture_t *fx, const char *text, size_t start, size_t length)
{
    char want_fp[HUSH_FINGERPRINT_HEX + 1];
    fingerprint_of(fx->value, want_fp);
    char want_out[TEXT_MAX];
    snprintf(want_out, sizeof want_out, "%.*s%s%s", (int)start, text, LABEL, text + start + length);
    static const hush_engine_t engines[] = {HUSH_ENGINE_HYPERSCAN, HUSH_ENGINE_REFERENCE};
    capture_t cap = {0};
    for (size_t e = 0; e < 2; e++) {
        for (int raw_only = 1; raw_only >= 0; raw_only--) {
            scan(fx->rules, engines[e], raw_only, text, &cap);
            if (cap.count != 1)
                fail_msg("engine %zu raw_only %d: %zu findings:\n%s", e, raw_only, cap.count,
                         buf_text(&cap.findings));
            assert_string_equal(cap.seen[0].rule, HUSH_KNOWN_SECRET_RULE);
            assert_int_equal(cap.seen[0].confidence, HUSH_CONFIDENCE_HIGH);
            assert_string_equal(cap.seen[0].fingerprint, want_fp);
            assert_int_equal(cap.seen[0].offset, start);
            assert_int_equal(cap.seen[0].length, length);
            assert_string_equal(buf_text(&cap.output), want_out);
            /* Nothing reported quotes the value. */
            assert_null(strstr(buf_text(&cap.findings), fx->value));
        }
    }
    capture_free(&cap);
}

/* A log line holding `form`: found at exactly its bytes. */
static void assert_form_found(const fixture_t *fx, const char *form)
{
    char text[TEXT_MAX];
    snprintf(text, sizeof text, "2026-11-22T04:05:06 INFO leaked %s end\n", form);
    assert_found_at(fx, text, strlen("2026-11-22T04:05:06 INFO leaked "), strlen(form));
}

/* The value written in each escaping style: found every time. */
static void assert_styles_found(const fixture_t *fx, const char *const (*styles)[4], size_t count)
{
    char form[FORM_MAX];
    for (size_t i = 0; i < count; i++) {
        escape_value(fx->value, styles[i], form, sizeof form);
        assert_form_found(fx, form);
    }
}

static void test_found_as_written(void **state)
{
    fixture_t *fx = *state;
    assert_form_found(fx, fx->value);
}

/* JSON as .NET writes it (\u0026), "\"" and "\/" escapes, every byte as \u. */
static void test_found_json_escaped(void **state)
{
    fixture_t *fx = *state;
    static const char *const styles[][4] = {
        {"\\u0026", "\\\"", "\\/", " "},
        {"&", "\\\"", "/", " "},
        {"\\u0026", "\\u0022", "\\u002F", "\\u0020"},
        {"\\u0026", "\\u0022", "\\u002f", " "},
    };
    assert_styles_found(fx, styles, sizeof styles / sizeof *styles);
}

/* XML and HTML: named, decimal and hex character references. */
static void test_found_xml_escaped(void **state)
{
    fixture_t *fx = *state;
    static const char *const styles[][4] = {
        {"&amp;", "&quot;", "/", " "},
        {"&#38;", "&#34;", "&#47;", "&#32;"},
        {"&#x26;", "&#X22;", "&#x2f;", " "},
    };
    assert_styles_found(fx, styles, sizeof styles / sizeof *styles);
}

/* In a URL: %XX in either case, '+' for a space. */
static void test_found_percent_encoded(void **state)
{
    fixture_t *fx = *state;
    static const char *const styles[][4] = {
        {"%26", "%22", "%2F", "%20"},
        {"%26", "%22", "%2f", "+"},
        {"&", "%22", "/", "+"},
    };
    assert_styles_found(fx, styles, sizeof styles / sizeof *styles);
}

/* Inside a longer base64 (or base64url) text, the value starting 0, 1 or 2
 * bytes into a group of three: found at the characters that depend on the
 * value alone. */
static void test_found_inside_base64(void **state)
{
    fixture_t *fx = *state;
    size_t size = strlen(fx->value);
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 1);
    for (int url_safe = 0; url_safe < 2; url_safe++) {
        for (size_t align = 0; align < 3; align++) {
            unsigned char data[BASE64_LEAD + 2 + VALUE_MAX + BASE64_TAIL];
            size_t lead = BASE64_LEAD + align;
            fake_bytes(&rng, data, lead);
            memcpy(data + lead, fx->value, size);
            fake_bytes(&rng, data + lead + size, BASE64_TAIL);
            char b64[FORM_MAX];
            assert_true(fake_base64_encode(data, lead + size + BASE64_TAIL, url_safe, !url_safe,
                                           b64, sizeof b64) > 0);
            char text[TEXT_MAX];
            snprintf(text, sizeof text, "body: %s\n", b64);
            /* ceil(8 * lead / 6) to floor(8 * (lead + size) / 6). */
            size_t first = (8 * lead + 5) / 6, end = 8 * (lead + size) / 6;
            assert_found_at(fx, text, strlen("body: ") + first, end - first);
        }
    }
}

/* Every form in one text: each found, all with the same fingerprint, so
 * they join the findings of other rules for the same secret. */
static void test_same_fingerprint_whichever_form(void **state)
{
    fixture_t *fx = *state;
    static const char *const json[4] = {"\\u0026", "\\\"", "\\/", " "};
    static const char *const xml[4] = {"&amp;", "&quot;", "/", " "};
    static const char *const url[4] = {"%26", "%22", "%2F", "+"};
    char a[FORM_MAX], b[FORM_MAX], c[FORM_MAX], b64[FORM_MAX], text[6 * FORM_MAX];
    escape_value(fx->value, json, a, sizeof a);
    escape_value(fx->value, xml, b, sizeof b);
    escape_value(fx->value, url, c, sizeof c);
    assert_true(fake_base64_encode(fx->value, strlen(fx->value), false, true, b64, sizeof b64) > 0);
    snprintf(text, sizeof text, "raw %s\njson %s\nxml %s\nurl %s\nb64 %s\n", fx->value, a, b, c,
             b64);
    char want_fp[HUSH_FINGERPRINT_HEX + 1];
    fingerprint_of(fx->value, want_fp);
    capture_t cap = {0};
    scan(fx->rules, HUSH_ENGINE_HYPERSCAN, true, text, &cap);
    assert_int_equal(cap.count, 5);
    for (size_t i = 0; i < cap.count; i++) {
        assert_string_equal(cap.seen[i].rule, HUSH_KNOWN_SECRET_RULE);
        assert_string_equal(cap.seen[i].fingerprint, want_fp);
        assert_int_equal(cap.seen[i].line, i + 1);
    }
    capture_free(&cap);
}

/* A value that differs in one character is another value: not found. */
static void test_other_value_not_found(void **state)
{
    fixture_t *fx = *state;
    char other[VALUE_MAX];
    snprintf(other, sizeof other, "%s", fx->value);
    other[5] = other[5] == 'x' ? 'y' : 'x';
    char text[TEXT_MAX];
    snprintf(text, sizeof text, "leaked %s end\n", other);
    capture_t cap = {0};
    scan(fx->rules, HUSH_ENGINE_HYPERSCAN, false, text, &cap);
    assert_int_equal(cap.count, 0);
    assert_string_equal(buf_text(&cap.output), text);
    capture_free(&cap);
}

/* Refused: status, message starting with `want`, and the value nowhere in
 * the message. */
static void assert_refused(const hush_known_secret_t *known, size_t count, const char *name,
                           hush_status_t status, const char *want, const char *value)
{
    hush_rules_t *rules = NULL;
    hush_error_t err;
    assert_int_equal(known_rules(known, count, name, &rules, &err), status);
    assert_null(rules);
    if (strncmp(err.message, want, strlen(want)) != 0)
        fail_msg("message \"%s\", want it to start \"%s\"", err.message, want);
    if (value && strstr(err.message, value))
        fail_msg("the message quotes the value");
}

static void test_length_limits(void **state)
{
    fixture_t *fx = *state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 2);
    static char value[HUSH_KNOWN_SECRET_MAX + 2];
    /* 7 bytes: too short; 8 bytes: the shortest accepted. */
    fake_alnum(&rng, HUSH_KNOWN_SECRET_MIN - 1, value, sizeof value);
    hush_known_secret_t known[2] = {{(const unsigned char *)fx->value, strlen(fx->value)},
                                    {(const unsigned char *)value, HUSH_KNOWN_SECRET_MIN - 1}};
    assert_refused(known, 2, "leaked.txt", HUSH_ERR_ARGUMENT,
                   "leaked.txt: known secret #2: 7 bytes; a known secret must be 8 to 1024 bytes "
                   "long",
                   value);
    /* Without a name, the message says what the values are. */
    assert_refused(known + 1, 1, NULL, HUSH_ERR_ARGUMENT, "known secrets: known secret #1: 7 bytes",
                   value);
    fake_alnum(&rng, HUSH_KNOWN_SECRET_MIN, value, sizeof value);
    known[1].size = HUSH_KNOWN_SECRET_MIN;
    hush_rules_t *rules = NULL;
    hush_error_t err;
    assert_int_equal(known_rules(known + 1, 1, "leaked.txt", &rules, &err), HUSH_OK);
    hush_rules_destroy(rules);

    /* 1025 bytes: too long; 1024 bytes: the longest accepted. */
    fake_alnum(&rng, HUSH_KNOWN_SECRET_MAX + 1, value, sizeof value);
    known[1].size = HUSH_KNOWN_SECRET_MAX + 1;
    char slice[33] = {0};
    memcpy(slice, value + 500, sizeof slice - 1);
    assert_refused(known + 1, 1, "leaked.txt", HUSH_ERR_ARGUMENT,
                   "leaked.txt: known secret #1: 1025 bytes; a known secret must be 8 to 1024",
                   slice);
    known[1].size = HUSH_KNOWN_SECRET_MAX;
    assert_int_equal(known_rules(known + 1, 1, "leaked.txt", &rules, &err), HUSH_OK);
    hush_rules_destroy(rules);

    /* No value at all. */
    hush_known_secret_t none = {NULL, 12};
    assert_refused(&none, 1, "leaked.txt", HUSH_ERR_ARGUMENT,
                   "leaked.txt: known secret #1: 0 bytes; a known secret must be", NULL);
}

/* Only spaces and tabs would match every run of blanks. */
static void test_blank_value_refused(void **state)
{
    (void)state;
    static const char *const blanks[] = {"        ", " \t \t \t \t", "\t\t\t\t\t\t\t\t\t\t"};
    for (size_t i = 0; i < sizeof blanks / sizeof *blanks; i++) {
        hush_known_secret_t known = {(const unsigned char *)blanks[i], strlen(blanks[i])};
        assert_refused(&known, 1, "leaked.txt", HUSH_ERR_ARGUMENT,
                       "leaked.txt: known secret #1: only spaces; it would match every run of "
                       "spaces",
                       NULL);
    }
}

/* More than HUSH_KNOWN_SECRETS_MAX values: refused before any is compiled. */
static void test_too_many_refused(void **state)
{
    (void)state;
    enum { COUNT = HUSH_KNOWN_SECRETS_MAX + 1 };
    static char values[COUNT][VALUE_MAX];
    static hush_known_secret_t known[COUNT];
    for (size_t i = 0; i < COUNT; i++) {
        size_t n = make_value(TEST_SEED + 100 + i, values[i]);
        known[i] = (hush_known_secret_t){(const unsigned char *)values[i], n};
    }
    assert_refused(known, COUNT, "leaked.txt", HUSH_ERR_LIMIT,
                   "leaked.txt: more than 1000 known secrets", NULL);
    hush_rules_t *rules = NULL;
    hush_error_t err;
    assert_int_equal(known_rules(known, COUNT, "leaked.txt", &rules, &err), HUSH_ERR_LIMIT);
    for (size_t i = 0; i < COUNT; i++)
        if (strstr(err.message, values[i]))
            fail_msg("the message quotes value #%zu", i + 1);
}

/* A rule file cannot take the rule id of known secrets. */
static void test_rule_id_not_for_rule_files(void **state)
{
    (void)state;
    static const char json[] =
        "{\"rules\":[{\"id\":\"" HUSH_KNOWN_SECRET_RULE "\",\"name\":\"n\",\"confidence\":\"high\","
        "\"pattern\":\"tok_(?<secret>[a-z]{8})\",\"examples\":[\"tok_abcdefgh\"],"
        "\"negative_examples\":[\"tok_\"]}]}";
    hush_rules_t *rules = NULL;
    hush_error_t err;
    assert_int_equal(rules_from_json("mine.json", json, &rules, &err), HUSH_ERR_RULE);
    assert_null(rules);
    assert_non_null(strstr(err.message, "mine.json: " HUSH_KNOWN_SECRET_RULE ": "));
}

int main(void)
{
    const struct CMUnitTest found[] = {
        cmocka_unit_test(test_found_as_written),
        cmocka_unit_test(test_found_json_escaped),
        cmocka_unit_test(test_found_xml_escaped),
        cmocka_unit_test(test_found_percent_encoded),
        cmocka_unit_test(test_found_inside_base64),
        cmocka_unit_test(test_same_fingerprint_whichever_form),
        cmocka_unit_test(test_other_value_not_found),
    };
    const struct CMUnitTest refused[] = {
        cmocka_unit_test(test_length_limits),
        cmocka_unit_test(test_blank_value_refused),
        cmocka_unit_test(test_too_many_refused),
        cmocka_unit_test(test_rule_id_not_for_rule_files),
    };
    int failed = cmocka_run_group_tests_name("known_secrets", found, setup, teardown);
    failed += cmocka_run_group_tests_name("known_secrets_limits", refused, setup, teardown);
    return failed;
}
