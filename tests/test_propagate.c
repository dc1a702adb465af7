/*
 * Propagation (hush_values_t, hush_copies_t): a value a rule found once is
 * found wherever it is copied, in a later stream too, as a finding of that
 * rule with the value's fingerprint and `copy` set; decoded views find its
 * JSON-escaped and base64 copies.  The set keeps each value once, keeps to
 * its caps and counts what it drops; no message quotes a value.
 *
 * Values are FAKE, written here.
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

#include "hush.h"
#include "scan_fixture.h"

static const char rules_json[] =
    "{\"rules\":["
    "{\"id\":\"test.password\",\"name\":\"test password\",\"confidence\":\"medium\","
    " \"pattern\":\"password=(?<secret>[^ \\\\t\\\\r\\\\n;&\\\"]{6,64})\","
    " \"examples\":[\"password=Zq8#kLm2Vx\"],\"negative_examples\":[\"password=\"]},"
    "{\"id\":\"test.weak\",\"name\":\"weak\",\"confidence\":\"low\","
    " \"pattern\":\"weak=(?<secret>[A-Za-z0-9/]{8,40})\","
    " \"examples\":[\"weak=AbCdEfGh12\"],\"negative_examples\":[\"weak=\"]}"
    "]}";

static const unsigned char key[32] = "hush propagation test key 32byte";
/* FAKE: no service issued it; '/' so that JSON may write it "\/". */
#define VALUE "Zq8/kLm2Vx9AhushFAKE"

typedef struct fixture {
    hush_rules_t *rules;
} fixture_t;

static int setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    if (!f || rules_from_json("propagate.json", rules_json, &f->rules, NULL) != HUSH_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    if (!f)
        return 0;
    hush_rules_destroy(f->rules);
    free(f);
    return 0;
}

/* Scans `text` with a scanner of this config, findings and output in `cap`. */
static void scan_into(const hush_rules_t *rules, hush_scanner_config_t config, const char *text,
                      size_t step, capture_t *cap)
{
    config.fingerprint_key = key;
    config.fingerprint_key_size = sizeof key;
    config.on_finding = capture_finding;
    config.finding_ctx = cap;
    config.on_output = capture_output;
    config.output_ctx = cap;
    hush_scanner_t *s = NULL;
    assert_int_equal(hush_scanner_create(rules, &config, &s), HUSH_OK);
    size_t size = strlen(text);
    if (step == 0)
        step = size ? size : 1;
    for (size_t at = 0; at < size; at += step)
        assert_int_equal(hush_scanner_feed(s, text + at, size - at < step ? size - at : step),
                         HUSH_OK);
    assert_int_equal(hush_scanner_finish(s), HUSH_OK);
    hush_scanner_destroy(s);
}

/* Collects the values `text` holds (at medium confidence or above). */
static hush_values_t *collect(const hush_rules_t *rules, const hush_values_config_t *vc,
                              const char *text, capture_t *cap)
{
    hush_values_t *values = NULL;
    assert_int_equal(hush_values_create(vc, &values), HUSH_OK);
    hush_scanner_config_t config = {.min_confidence = HUSH_CONFIDENCE_MEDIUM, .collect = values};
    scan_into(rules, config, text, 0, cap);
    return values;
}

static void test_collects_each_value_once(void **state)
{
    fixture_t *f = *state;
    capture_t cap = {0};
    /* Twice the same value, one too short to propagate, one found only at
     * low confidence (below the minimum): one value kept. */
    hush_values_t *values = collect(f->rules, NULL,
                                    "a password=" VALUE "\nb password=" VALUE "\n"
                                    "c password=short1\nd weak=AbCdEfGh12345\n",
                                    &cap);
    assert_int_equal(hush_values_count(values), 1);
    assert_int_equal(hush_values_dropped(values), 0);
    hush_values_destroy(values);
    hush_values_destroy(NULL);
    hush_copies_destroy(NULL);
    capture_free(&cap);
}

static void test_caps_drop_and_count(void **state)
{
    fixture_t *f = *state;
    capture_t cap = {0};
    hush_values_config_t vc = {.max_values = 2};
    hush_values_t *values = collect(f->rules, &vc,
                                    "password=AAAAbbbb1111\npassword=CCCCdddd2222\n"
                                    "password=EEEEffff3333\npassword=GGGGhhhh4444\n",
                                    &cap);
    assert_int_equal(hush_values_count(values), 2);
    assert_int_equal(hush_values_dropped(values), 2);
    hush_values_destroy(values);
    hush_values_config_t bytes = {.max_bytes = 20};
    values = collect(f->rules, &bytes, "password=AAAAbbbb1111\npassword=CCCCdddd2222\n", &cap);
    assert_int_equal(hush_values_count(values), 1);
    assert_int_equal(hush_values_dropped(values), 1);
    hush_values_destroy(values);
    hush_values_config_t too_many = {.max_values = HUSH_VALUES_MAX + 1};
    assert_int_equal(hush_values_create(&too_many, &values), HUSH_ERR_ARGUMENT);
    capture_free(&cap);
}

static hush_copies_t *copies_of(const hush_rules_t *rules, const char *text, capture_t *first)
{
    hush_values_t *values = collect(rules, NULL, text, first);
    hush_copies_t *copies = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_copies_create(rules, values, &copies, &err), HUSH_OK);
    hush_values_destroy(values); /* the matcher keeps its own copies */
    return copies;
}

/* A copy in a stream where no rule finds it: the first finding's rule,
 * fingerprint and confidence (a copy is never surer than its original),
 * `copy` set, masked; the same with both engines and whatever the reads. */
static void test_copy_in_second_stream(void **state)
{
    fixture_t *f = *state;
    capture_t first = {0}, cap = {0};
    hush_copies_t *copies = copies_of(f->rules, "login password=" VALUE " ok\n", &first);
    assert_int_equal(first.count, 1);
    const char *text = "note: pasted " VALUE " into the ticket\n";
    const char *want = "note: pasted [REDACTED:test.password] into the ticket\n";
    buf_t reference = {0};
    hush_engine_t engines[] = {HUSH_ENGINE_HYPERSCAN, HUSH_ENGINE_REFERENCE};
    for (size_t e = 0; e < 2; e++) {
        static const size_t steps[] = {0, 1, 7, 13};
        for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
            size_t step = steps[k];
            capture_reset(&cap);
            hush_scanner_config_t config = {.engine = engines[e], .copies = copies};
            scan_into(f->rules, config, text, step, &cap);
            assert_int_equal(cap.count, 1);
            assert_string_equal(cap.seen[0].rule, "test.password");
            assert_string_equal(cap.seen[0].fingerprint, first.seen[0].fingerprint);
            assert_true(cap.seen[0].copy);
            assert_int_equal(first.seen[0].confidence, HUSH_CONFIDENCE_MEDIUM);
            assert_int_equal(cap.seen[0].confidence, first.seen[0].confidence);
            assert_int_equal(cap.seen[0].offset, strlen("note: pasted "));
            assert_int_equal(cap.seen[0].length, strlen(VALUE));
            assert_string_equal(cap.output.data, want);
            assert_null(strstr(cap.seen[0].preview, VALUE));
            if (!reference.data)
                buf_fmt(&reference, "%s", cap.findings.data);
            else
                assert_string_equal(cap.findings.data, reference.data);
        }
    }
    /* Where the rule finds the value itself, its finding is the one: no copy. */
    capture_reset(&cap);
    hush_scanner_config_t config = {.copies = copies};
    scan_into(f->rules, config, "again password=" VALUE "\n", 0, &cap);
    assert_int_equal(cap.count, 1);
    assert_false(cap.seen[0].copy);
    assert_int_equal(cap.seen[0].confidence, HUSH_CONFIDENCE_MEDIUM);
    buf_free(&reference);
    hush_copies_destroy(copies);
    capture_free(&first);
    capture_free(&cap);
}

static char *base64_of(const char *text)
{
    size_t n = strlen(text);
    char *out = malloc(4 * (n + 2) / 3 + 1);
    assert_non_null(out);
    EVP_EncodeBlock((unsigned char *)out, (const unsigned char *)text, (int)n);
    return out;
}

/* Copies the raw bytes do not show: "\/"-escaped in a JSON string, and in a
 * HAR body in base64, found through the decoded views. */
static void test_copy_in_views(void **state)
{
    fixture_t *f = *state;
    capture_t first = {0}, cap = {0};
    hush_copies_t *copies = copies_of(f->rules, "password=" VALUE "\n", &first);
    hush_scanner_config_t config = {.copies = copies};

    scan_into(f->rules, config, "{\"note\": \"pasted Zq8\\/kLm2Vx9AhushFAKE here\"}\n", 0, &cap);
    assert_int_equal(cap.count, 1);
    assert_true(cap.seen[0].copy);
    assert_string_equal(cap.seen[0].encoding, "json");
    assert_string_equal(cap.seen[0].fingerprint, first.seen[0].fingerprint);
    assert_null(strstr(cap.output.data, "kLm2Vx9A"));

    char *body = base64_of("<p>key " VALUE " end</p>");
    char har[1024];
    snprintf(har, sizeof har,
             "{\"log\":{\"entries\":[{\"response\":{\"content\":{\"mimeType\":\"text/html\","
             "\"encoding\":\"base64\",\"text\":\"%s\"}}}]}}\n",
             body);
    capture_reset(&cap);
    scan_into(f->rules, config, har, 0, &cap);
    assert_int_equal(cap.count, 1);
    assert_true(cap.seen[0].copy);
    assert_non_null(strstr(cap.seen[0].encoding, "base64"));
    assert_string_equal(cap.seen[0].fingerprint, first.seen[0].fingerprint);
    /* The redacted body decodes to text without the value. */
    const char *t = strstr(cap.output.data, "\"text\":\"") + 8;
    size_t n = (size_t)(strchr(t, '"') - t);
    unsigned char decoded[1024] = {0};
    char encoded[1024] = {0};
    memcpy(encoded, t, n);
    assert_true(EVP_DecodeBlock(decoded, (const unsigned char *)encoded, (int)n) > 0);
    assert_null(strstr((const char *)decoded, VALUE));
    assert_non_null(strstr((const char *)decoded, "<p>key "));
    free(body);
    hush_copies_destroy(copies);
    capture_free(&first);
    capture_free(&cap);
}

/* In a plain log (no view), copies escaped the way JSON, a URL or HTML
 * writes them are found as the whole escaped span. */
static void test_escaped_copies_in_plain_text(void **state)
{
    fixture_t *f = *state;
    capture_t first = {0}, cap = {0};
    hush_copies_t *copies = copies_of(f->rules, "password=" VALUE "&x=1\n", &first);
    hush_scanner_config_t config = {.copies = copies};
    scan_into(f->rules, config,
              "INFO body={\"k\":\"Zq8\\/kLm2Vx9AhushFAKE\"}\n"
              "INFO GET /cb?next=Zq8%2FkLm2Vx9AhushFAKE&y=2\n",
              3, &cap);
    assert_int_equal(cap.count, 2);
    assert_true(cap.seen[0].copy && cap.seen[1].copy);
    assert_int_equal(cap.seen[0].length, strlen(VALUE) + 1);
    assert_int_equal(cap.seen[1].length, strlen(VALUE) + 2);
    assert_string_equal(cap.seen[1].fingerprint, first.seen[0].fingerprint);
    assert_string_equal(cap.output.data,
                        "INFO body={\"k\":\"[REDACTED:test.password]\"}\n"
                        "INFO GET /cb?next=[REDACTED:test.password]&y=2\n");
    hush_copies_destroy(copies);
    capture_free(&first);
    capture_free(&cap);
}

/* Values collected with one rule set name rules another may not have: the
 * matcher refuses, naming the rule, never the value. */
static void test_unknown_rule_refused(void **state)
{
    fixture_t *f = *state;
    capture_t cap = {0};
    hush_values_t *values = collect(f->rules, NULL, "password=" VALUE "\n", &cap);
    hush_rules_t *other = NULL;
    assert_int_equal(rules_from_json("other.json",
                                     "{\"rules\":[{\"id\":\"other.rule\",\"name\":\"o\","
                                     "\"confidence\":\"high\",\"pattern\":\"o=(?<secret>x{8})\","
                                     "\"examples\":[\"o=xxxxxxxx\"],\"negative_examples\":[\"o=\"]}]}",
                                     &other, NULL),
                     HUSH_OK);
    hush_copies_t *copies = NULL;
    hush_error_t err = {{0}};
    assert_int_equal(hush_copies_create(other, values, &copies, &err), HUSH_ERR_ARGUMENT);
    assert_null(copies);
    assert_non_null(strstr(err.message, "test.password"));
    assert_null(strstr(err.message, "kLm2"));
    hush_rules_destroy(other);
    hush_values_destroy(values);
    capture_free(&cap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_collects_each_value_once),
        cmocka_unit_test(test_caps_drop_and_count),
        cmocka_unit_test(test_copy_in_second_stream),
        cmocka_unit_test(test_copy_in_views),
        cmocka_unit_test(test_escaped_copies_in_plain_text),
        cmocka_unit_test(test_unknown_rule_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
