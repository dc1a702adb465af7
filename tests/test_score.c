/*
 * Unit tests for scanner/score.c: how generic candidates are graded.
 *
 * Random values come from tests/fake_secrets.c with a fixed seed; the
 * hand-written values are the shapes people leave in code and docs
 * (placeholders, identifiers, paths), fake by construction.  Failure
 * messages name the case, never a generated value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "fake_secrets.h"
#include "scan_fixture.h"
#include "score.h"

#define TEST_SEED UINT64_C(0x73636f7265746573) /* "scoretes" */
#define GENERATED 2000

static hushi_score_t score_in(hushi_score_profile_t profile, const char *context, const char *value)
{
    hushi_score_context_t around = {.before = (const unsigned char *)context,
                                   .before_size = strlen(context)};
    return hushi_score_candidate(profile, (const unsigned char *)value, strlen(value), &around,
                                 HUSH_CONFIDENCE_HIGH);
}

static hushi_score_t generic(const char *value)
{
    return score_in(HUSHI_SCORE_GENERIC, "api_key = ", value);
}

static hushi_score_t password(const char *value)
{
    return score_in(HUSHI_SCORE_PASSWORD, "password = ", value);
}

static void expect_drop(hushi_score_t s, hushi_score_reason_t reason, const char *what)
{
    if (s.keep || s.reason != reason)
        fail_msg("%s: want dropped as %s, got %s (%s)", what, hushi_score_reason_name(reason),
                 s.keep ? hush_confidence_name(s.confidence) : "dropped",
                 hushi_score_reason_name(s.reason));
}

static void expect_low(hushi_score_t s, hushi_score_reason_t reason, const char *what)
{
    if (!s.keep || s.confidence != HUSH_CONFIDENCE_LOW || s.reason != reason)
        fail_msg("%s: want low as %s, got %s (%s)", what, hushi_score_reason_name(reason),
                 s.keep ? hush_confidence_name(s.confidence) : "dropped",
                 hushi_score_reason_name(s.reason));
}

static void expect_at_least(hushi_score_t s, hush_confidence_t min, const char *what)
{
    if (!s.keep || s.confidence < min)
        fail_msg("%s: want %s or more, got %s (%s)", what, hush_confidence_name(min),
                 s.keep ? hush_confidence_name(s.confidence) : "dropped",
                 hushi_score_reason_name(s.reason));
}

static void test_profile_names(void **state)
{
    (void)state;
    hushi_score_profile_t p;
    assert_true(hushi_score_profile_parse("generic", &p));
    assert_int_equal(p, HUSHI_SCORE_GENERIC);
    assert_true(hushi_score_profile_parse("password", &p));
    assert_int_equal(p, HUSHI_SCORE_PASSWORD);
    assert_false(hushi_score_profile_parse("Generic", &p));
    assert_false(hushi_score_profile_parse("", &p));
    assert_string_equal(hushi_score_profile_name(HUSHI_SCORE_PASSWORD), "password");
    assert_null(hushi_score_profile_name(HUSHI_SCORE_NONE));
}

/* Without a profile the rule's declared confidence stands. */
static void test_no_profile_keeps_declared_confidence(void **state)
{
    (void)state;
    hushi_score_t s = hushi_score_candidate(HUSHI_SCORE_NONE, (const unsigned char *)"x", 1, NULL,
                                            HUSH_CONFIDENCE_MEDIUM);
    assert_true(s.keep);
    assert_int_equal(s.confidence, HUSH_CONFIDENCE_MEDIUM);
}

/* Random keys of every common alphabet reach medium or high, and a score
 * never exceeds the rule's ceiling. */
static void test_random_values_score_high(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED);
    char value[128];
    size_t below_medium = 0, below_high = 0;
    for (int i = 0; i < GENERATED; i++) {
        switch (i % 3) {
        case 0:
            fake_hex(&rng, 40, value, sizeof value);
            break;
        case 1:
            fake_alnum(&rng, 32, value, sizeof value);
            break;
        default:
            fake_base64(&rng, 44, i % 2, value, sizeof value);
            break;
        }
        hushi_score_t s = generic(value);
        below_medium += !s.keep || s.confidence < HUSH_CONFIDENCE_MEDIUM;
        below_high += !s.keep || s.confidence < HUSH_CONFIDENCE_HIGH;
        hushi_score_t capped = hushi_score_candidate(HUSHI_SCORE_GENERIC, (const unsigned char *)value,
                                                     strlen(value), NULL, HUSH_CONFIDENCE_MEDIUM);
        assert_true(capped.confidence <= HUSH_CONFIDENCE_MEDIUM);
    }
    /* A random value may by chance hold a 6-character run ("bcdefg"). */
    if (below_medium > GENERATED / 500)
        fail_msg("%zu of %d random keys scored below medium", below_medium, GENERATED);
    if (below_high > GENERATED / 20)
        fail_msg("%zu of %d random keys scored below high", below_high, GENERATED);
}

/* Entropy is judged against the value's own alphabet: 40 random hex
 * characters are as random as 40 base64 ones, though they carry fewer bits
 * per character. */
static void test_entropy_ratio_is_relative_to_alphabet(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 1);
    char hex[64], b64[64];
    fake_hex(&rng, 40, hex, sizeof hex);
    fake_base64(&rng, 40, false, b64, sizeof b64);
    double rh = hushi_score_entropy_ratio((const unsigned char *)hex, strlen(hex));
    double rb = hushi_score_entropy_ratio((const unsigned char *)b64, strlen(b64));
    assert_true(rh > 0.85 && rh < 1.15);
    assert_true(rb > 0.85 && rb < 1.15);
    const char *word = "hello-world-hello";
    assert_true(hushi_score_entropy_ratio((const unsigned char *)word, strlen(word)) < 0.8);
}

static void test_placeholders_and_templates_are_dropped(void **state)
{
    (void)state;
    expect_drop(generic("${API_KEY}"), HUSHI_SCORE_PLACEHOLDER, "shell template");
    expect_drop(generic("<your-api-key>"), HUSHI_SCORE_PLACEHOLDER, "angle placeholder");
    expect_drop(generic("@parameters('apiKey')"), HUSHI_SCORE_PLACEHOLDER, "workflow expression");
    expect_drop(password("%nothing%"), HUSHI_SCORE_PLACEHOLDER, "batch variable");
    expect_drop(password("123"), HUSHI_SCORE_TOO_SHORT, "three characters");
    expect_drop(generic("hushtest"), HUSHI_SCORE_WORDS, "one word as a key");
}

/* Defaults and documented values may be in use: kept, but only at low. */
static void test_weak_and_documented_values_are_low(void **state)
{
    (void)state;
    expect_low(password("secret"), HUSHI_SCORE_WEAK_WORD, "secret");
    expect_low(password("changeme"), HUSHI_SCORE_WEAK_WORD, "changeme");
    expect_low(password("open sesame"), HUSHI_SCORE_WEAK_WORD, "RFC 7617 password");
    expect_low(generic("QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), HUSHI_SCORE_WEAK_WORD,
               "RFC 7617 credentials");
    expect_low(password("D1fficultP%40ssw0rd"), HUSHI_SCORE_WEAK_WORD, "MongoDB docs password");
}

static void test_repeats_and_sequences(void **state)
{
    (void)state;
    expect_drop(generic("abcabcabcabc"), HUSHI_SCORE_REPEATED, "repeated unit");
    expect_drop(generic("abababababab"), HUSHI_SCORE_REPEATED, "two characters");
    expect_drop(generic("qwertyuiop12"), HUSHI_SCORE_SEQUENCE, "keyboard row");
    expect_drop(generic("a1b2c3d4e5f6g7h8"), HUSHI_SCORE_SEQUENCE, "interleaved alphabet");
    /* A run in part of a longer value: typed by a person, so low. */
    expect_low(generic("Hq7Zr2Wv9Kp3Tn8Lm4Xc123456"), HUSHI_SCORE_SEQUENCE, "digit run in a key");
    expect_low(password("hushtest123456"), HUSHI_SCORE_SEQUENCE, "password with a run");
}

static void test_hashes_need_a_hash_keyword(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 2);
    char hex[80];
    fake_hex(&rng, 64, hex, sizeof hex);
    expect_drop(score_in(HUSHI_SCORE_GENERIC, "\"sha256_secret\": \"", hex), HUSHI_SCORE_HASH,
                "sha256 beside a hash keyword");
    expect_drop(score_in(HUSHI_SCORE_GENERIC, "commit token = ", hex), HUSHI_SCORE_HASH,
                "commit id");
    expect_drop(generic("sha512-hushtestZmFrZQ"), HUSHI_SCORE_HASH, "integrity value");
    expect_at_least(score_in(HUSHI_SCORE_GENERIC, "webhook_secret = ", hex), HUSH_CONFIDENCE_MEDIUM,
                    "hex secret without a hash keyword");
    /* Only the line of the value counts. */
    expect_at_least(score_in(HUSHI_SCORE_GENERIC, "# sha256 below\nwebhook_secret = ", hex),
                    HUSH_CONFIDENCE_MEDIUM, "hash keyword on an earlier line");
}

static void test_uuid_is_low(void **state)
{
    (void)state;
    expect_low(generic("3f2a9c1e-7b4d-4e8a-9c2f-1d6b8e4a7c30"), HUSHI_SCORE_UUID, "uuid");
    expect_low(generic("{3F2A9C1E-7B4D-4E8A-9C2F-1D6B8E4A7C30}"), HUSHI_SCORE_UUID, "braced guid");
}

static void test_paths_and_urls_are_dropped(void **state)
{
    (void)state;
    expect_drop(generic("~/.config/hush/token.json"), HUSHI_SCORE_PATH, "home path");
    expect_drop(generic("C:\\hush\\secrets\\api.key"), HUSHI_SCORE_PATH, "windows path");
    expect_drop(generic("https://hush-test.contoso.com/keys"), HUSHI_SCORE_PATH, "url");
    expect_drop(password("cms/sites/passwords#edit"), HUSHI_SCORE_PATH, "route");
    expect_drop(password("arn:aws:iam::aws:policy/IAMUserChangePassword"), HUSHI_SCORE_PATH, "arn");
    expect_drop(generic("hush-test-service-account.json"), HUSHI_SCORE_PATH, "key file name");
}

static void test_code_references_are_dropped(void **state)
{
    (void)state;
    expect_drop(password("$dbPassword"), HUSHI_SCORE_CODE, "php variable");
    expect_drop(password("\\$_POST[\\\"password\\\"]"), HUSHI_SCORE_CODE, "escaped php variable");
    expect_drop(password("env.HUSH_TEST_PASSWORD"), HUSHI_SCORE_CODE, "env property");
    expect_drop(password("process.env.REACT_APP_PASSWORD"), HUSHI_SCORE_CODE, "node env");
    expect_drop(password("getPassword()"), HUSHI_SCORE_CODE, "getter call");
    expect_drop(password("request.form["), HUSHI_SCORE_CODE, "form index");
    expect_drop(password("(size_t)(colon"), HUSHI_SCORE_CODE, "C cast");
    expect_drop(generic("glptt-$TRIGGER_TOKEN"), HUSHI_SCORE_CODE, "shell variable at the end");
    expect_drop(generic("@parameters("), HUSHI_SCORE_CODE, "workflow expression cut at a quote");
    expect_drop(generic("process.env.MAILGUN_API"), HUSHI_SCORE_CODE, "constant name");
}

/* Values a program or a person writes in place of a secret. */
static void test_written_placeholders(void **state)
{
    (void)state;
    expect_drop(generic("sk-...T3BlbkFJ..."), HUSHI_SCORE_PLACEHOLDER, "elided value");
    expect_drop(generic("tskey-client-k%s-%s"), HUSHI_SCORE_PLACEHOLDER, "format string");
    expect_drop(password("%%DB_PASSWORD%%"), HUSHI_SCORE_PLACEHOLDER, "doubled-percent setting");
    expect_drop(password("&lt;YOURPASSWORD&gt;"), HUSHI_SCORE_PLACEHOLDER, "escaped template");
}

/* A pattern that stops at a space sees only the first word of a quoted
 * phrase such as Power Automate's secured-input text. */
static void test_first_word_of_a_quoted_phrase(void **state)
{
    (void)state;
    const char *after = " not shown due to security configuration.\"";
    const char *key = "\"password\": \"";
    hushi_score_context_t quoted = {.before = (const unsigned char *)key,
                                   .before_size = strlen(key),
                                   .after = (const unsigned char *)after,
                                   .after_size = strlen(after)};
    hushi_score_t s = hushi_score_candidate(HUSHI_SCORE_PASSWORD, (const unsigned char *)"Content", 7,
                                            &quoted, HUSH_CONFIDENCE_HIGH);
    expect_drop(s, HUSHI_SCORE_PHRASE, "quoted phrase");
    hushi_score_context_t bare = quoted;
    bare.before = (const unsigned char *)"password = ";
    bare.before_size = strlen("password = ");
    expect_low(hushi_score_candidate(HUSHI_SCORE_PASSWORD, (const unsigned char *)"Content", 7, &bare,
                                     HUSH_CONFIDENCE_HIGH),
               HUSHI_SCORE_WORDS, "unquoted word");
}

static void test_names_made_of_words(void **state)
{
    (void)state;
    expect_drop(password("passwordPolicy"), HUSHI_SCORE_IDENTIFIER, "camelCase setting name");
    expect_drop(password("smtp_password"), HUSHI_SCORE_IDENTIFIER, "snake_case name");
    expect_drop(password("IAMUserChangePassword"), HUSHI_SCORE_IDENTIFIER, "acronym and words");
    /* Words as a password are weak but real. */
    expect_low(password("whiteduke"), HUSHI_SCORE_WORDS, "one word");
    expect_low(password("super$ecret"), HUSHI_SCORE_WORDS, "word with a symbol");
    expect_low(password("Secret123"), HUSHI_SCORE_WORDS, "word and digits");
    /* Random letters do not read as words. */
    expect_at_least(password("vzihlaquknriqlht"), HUSH_CONFIDENCE_MEDIUM, "random lowercase");
}

static void test_public_half_is_low(void **state)
{
    (void)state;
    expect_low(score_in(HUSHI_SCORE_GENERIC, "stripe_publishable_key = ", "Hq7Zr2Wv9Kp3Tn8Lm4Xc"),
               HUSHI_SCORE_PUBLIC, "publishable key");
    expect_at_least(score_in(HUSHI_SCORE_GENERIC, "stripe_secret_key = ", "Hq7Zr2Wv9Kp3Tn8Lm4Xc"),
                    HUSH_CONFIDENCE_MEDIUM, "secret key");
}

static void test_passwords_graded_by_strength(void **state)
{
    (void)state;
    expect_at_least(password("52VeZqtHDCdAr5yM"), HUSH_CONFIDENCE_MEDIUM, "random mixed");
    expect_at_least(password("Hush!Test#42x"), HUSH_CONFIDENCE_MEDIUM, "four classes");
    hushi_score_t s = password("hush1234x");
    assert_true(s.keep);
    /* A password assigned to no secret-like name is worth less. */
    hushi_score_t elsewhere = score_in(HUSHI_SCORE_PASSWORD, "value = ", "52VeZqtHDCdAr5yM");
    hushi_score_t named = password("52VeZqtHDCdAr5yM");
    assert_true(elsewhere.confidence <= named.confidence);
}

/* ---- through the engine: a rule file with "score" ------------------------- */

static const char scored_rules[] =
    "{\"rules\": ["
    "{\"id\": \"test.password\", \"name\": \"hush test password\", \"confidence\": \"medium\","
    " \"score\": \"password\", \"pattern\": \"(?i:hush_pass)=(?<secret>[^ \\\\t\\\\r\\\\n]{1,64})\","
    " \"examples\": [\"hush_pass=Hq7!Zr2#Wv9Kp3\"], \"negative_examples\": [\"hush_pass=changeme\"]},"
    "{\"id\": \"test.member\", \"name\": \"hush test member\", \"confidence\": \"medium\","
    " \"score\": \"generic\", \"structure\": {\"kind\": \"json-key\", \"names\": [\"hushkey\"]},"
    " \"examples\": [\"{\\\"hushkey\\\": \\\"Hq7Zr2Wv9Kp3Tn8Lm4XcB6\\\"}\"],"
    " \"negative_examples\": [\"{\\\"hushkey\\\": \\\"passwordPolicyName\\\"}\"]}"
    "]}";

typedef struct seen {
    char rule[32];
    hush_confidence_t confidence;
    size_t count;
} seen_t;

static int on_finding(void *ctx, const hush_finding_t *f)
{
    seen_t *seen = ctx;
    snprintf(seen->rule, sizeof seen->rule, "%s", f->rule_id);
    seen->confidence = f->confidence;
    seen->count++;
    return 0;
}

static hush_rules_t *load_rules(const char *text, hush_status_t want, hush_error_t *err)
{
    hush_rules_t *rules = NULL;
    assert_int_equal(rules_from_json("hush-test.json", text, &rules, err), want);
    return rules;
}

static seen_t scan_text(const hush_rules_t *rules, hush_confidence_t min, const char *text)
{
    seen_t seen = {{0}, HUSH_CONFIDENCE_LOW, 0};
    hush_scanner_config_t config = {.engine = HUSH_ENGINE_HYPERSCAN, .min_confidence = min,
                                    .on_finding = on_finding, .finding_ctx = &seen};
    assert_int_equal(scan_whole(rules, &config, text, strlen(text)), HUSH_OK);
    return seen;
}

static void test_rule_field_is_loaded_and_shown(void **state)
{
    (void)state;
    hush_error_t err = {{0}};
    hush_rules_t *rules = load_rules(scored_rules, HUSH_OK, &err);
    hush_rule_info_t info;
    assert_int_equal(hush_rules_info(rules, (size_t)hush_rules_find(rules, "test.password"), &info),
                     HUSH_OK);
    assert_string_equal(info.score, "password");
    assert_int_equal(hush_rules_info(rules, (size_t)hush_rules_find(rules, "test.member"), &info),
                     HUSH_OK);
    assert_string_equal(info.score, "generic");
    hush_rules_destroy(rules);

    char bad[sizeof scored_rules + 16];
    snprintf(bad, sizeof bad, "%s", scored_rules);
    char *at = strstr(bad, "\"password\", \"pattern\"");
    assert_non_null(at);
    memcpy(at, "\"passw0rd\"", 10);
    assert_null(load_rules(bad, HUSH_ERR_RULE, &err));
    assert_non_null(strstr(err.message, "test.password: score must be generic or password"));
}

/* A default password is a finding only for --min-confidence low; a strong
 * one reaches the rule's confidence and no more. */
static void test_pattern_rule_confidence_comes_from_score(void **state)
{
    (void)state;
    hush_error_t err = {{0}};
    hush_rules_t *rules = load_rules(scored_rules, HUSH_OK, &err);
    seen_t weak = scan_text(rules, HUSH_CONFIDENCE_LOW, "hush_pass=changeme\n");
    assert_int_equal(weak.count, 1);
    assert_int_equal(weak.confidence, HUSH_CONFIDENCE_LOW);
    assert_int_equal(scan_text(rules, HUSH_CONFIDENCE_MEDIUM, "hush_pass=changeme\n").count, 0);
    assert_int_equal(scan_text(rules, HUSH_CONFIDENCE_LOW, "hush_pass=$HUSH_PASS\n").count, 0);

    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 3);
    char value[32], text[64];
    fake_alnum(&rng, 20, value, sizeof value);
    snprintf(text, sizeof text, "hush_pass=%s!\n", value);
    seen_t strong = scan_text(rules, HUSH_CONFIDENCE_MEDIUM, text);
    assert_int_equal(strong.count, 1);
    assert_string_equal(strong.rule, "test.password");
    assert_int_equal(strong.confidence, HUSH_CONFIDENCE_MEDIUM);
    hush_rules_destroy(rules);
}

/* Structural rules are scored the same way, with the member name as context. */
static void test_structural_rule_is_scored(void **state)
{
    (void)state;
    hush_error_t err = {{0}};
    hush_rules_t *rules = load_rules(scored_rules, HUSH_OK, &err);
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 4);
    char value[40], text[96];
    fake_alnum(&rng, 32, value, sizeof value);
    snprintf(text, sizeof text, "{\"hushkey\": \"%s\"}\n", value);
    seen_t random = scan_text(rules, HUSH_CONFIDENCE_MEDIUM, text);
    assert_int_equal(random.count, 1);
    assert_string_equal(random.rule, "test.member");
    assert_int_equal(scan_text(rules, HUSH_CONFIDENCE_LOW, "{\"hushkey\": \"passwordPolicyName\"}\n").count,
                     0);
    /* A name only suggests a secret: what the score keeps only at low (a
     * GUID) is no structural finding at all. */
    const char *uuid = "{\"hushkey\": \"3f2a9c1e-7b4d-4e8a-9c2f-1d6b8e4a7c30\"}\n";
    assert_int_equal(scan_text(rules, HUSH_CONFIDENCE_MEDIUM, uuid).count, 0);
    assert_int_equal(scan_text(rules, HUSH_CONFIDENCE_LOW, uuid).count, 0);
    hush_rules_destroy(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_profile_names),
        cmocka_unit_test(test_no_profile_keeps_declared_confidence),
        cmocka_unit_test(test_random_values_score_high),
        cmocka_unit_test(test_entropy_ratio_is_relative_to_alphabet),
        cmocka_unit_test(test_placeholders_and_templates_are_dropped),
        cmocka_unit_test(test_weak_and_documented_values_are_low),
        cmocka_unit_test(test_repeats_and_sequences),
        cmocka_unit_test(test_hashes_need_a_hash_keyword),
        cmocka_unit_test(test_uuid_is_low),
        cmocka_unit_test(test_paths_and_urls_are_dropped),
        cmocka_unit_test(test_code_references_are_dropped),
        cmocka_unit_test(test_names_made_of_words),
        cmocka_unit_test(test_written_placeholders),
        cmocka_unit_test(test_first_word_of_a_quoted_phrase),
        cmocka_unit_test(test_public_half_is_low),
        cmocka_unit_test(test_passwords_graded_by_strength),
        cmocka_unit_test(test_rule_field_is_loaded_and_shown),
        cmocka_unit_test(test_pattern_rule_confidence_comes_from_score),
        cmocka_unit_test(test_structural_rule_is_scored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
