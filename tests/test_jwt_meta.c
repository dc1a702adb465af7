/*
 * JWT triage metadata: what a responder reads about a leaked token (issuer,
 * tenant, audience, client, expiry) and what must never show (the signature,
 * claims about a person).  Tokens are generated here: fake tenant GUIDs from
 * a seeded generator, an obviously fake client id, a random "signature".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "cli_report.h"
#include "fake_secrets.h"
#include "hush.h"
#include "jwt_meta.h"
#include "scan_fixture.h"

#define TEST_SEED 0x4a57u
#define TOKEN_MAX 4096
#define JSON_MAX 2048
/* 2001-09-09T01:46:40Z and 2100-01-01T00:00:00Z. */
#define PAST_EXP INT64_C(1000000000)
#define FUTURE_EXP INT64_C(4102444800)
#define FAKE_APPID "00000000-hush-test-fake-appid0000000"
#define FAKE_SIGNATURE_CHARS 342 /* 256 bytes, as an RS256 signature */

typedef struct fake_token {
    char tid[40];
    char iss[128];
    char text[TOKEN_MAX];
    char signature[FAKE_SIGNATURE_CHARS + 1];
} fake_token_t;

/* header.payload.signature from JSON texts; the signature is random. */
static void make_jwt(fake_rng_t *rng, const char *header, const char *payload,
                     fake_token_t *t)
{
    assert_true(fake_base64(rng, FAKE_SIGNATURE_CHARS, true, t->signature,
                            sizeof t->signature) > 0);
    size_t o = fake_base64_encode(header, strlen(header), true, false, t->text, TOKEN_MAX);
    assert_true(o > 0);
    t->text[o++] = '.';
    size_t p = fake_base64_encode(payload, strlen(payload), true, false, t->text + o,
                                  TOKEN_MAX - o);
    assert_true(p > 0);
    o += p;
    snprintf(t->text + o, TOKEN_MAX - o, ".%s", t->signature);
}

/* An Entra v2 access token for a fake tenant, with the claims about a
 * person that a real one carries (which must never be copied). */
static void make_entra_token(fake_rng_t *rng, int64_t exp, fake_token_t *t)
{
    fake_guid(rng, t->tid, sizeof t->tid);
    snprintf(t->iss, sizeof t->iss, "https://login.microsoftonline.com/%s/v2.0", t->tid);
    char payload[JSON_MAX];
    snprintf(payload, sizeof payload,
             "{\"aud\":\"api://hush-example-api\",\"iss\":\"%s\",\"iat\":%lld,\"nbf\":%lld,"
             "\"exp\":%lld,\"appid\":\"" FAKE_APPID "\",\"tid\":\"%s\","
             "\"oid\":\"hush-test-oid\",\"name\":\"hush test user\","
             "\"upn\":\"hush.test.user@hush-example.test\",\"ver\":\"2.0\"}",
             t->iss, (long long)(exp - 3600), (long long)(exp - 3600), (long long)exp, t->tid);
    make_jwt(rng, "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"hush-test-kid\"}", payload, t);
}

static bool read_meta(const char *value, int64_t now, hush_finding_meta_t *m)
{
    return hushi_jwt_meta_read((const unsigned char *)value, strlen(value), now, m);
}

/* Meta of a token made from these JSON texts, at time 1000. */
static bool meta_of(const char *header, const char *payload, hush_finding_meta_t *m)
{
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED);
    fake_token_t t;
    make_jwt(&rng, header, payload, &t);
    return read_meta(t.text, 1000, m);
}

/* ---- hushi_jwt_meta_read ---------------------------------------------------- */

static void test_entra_token_claims(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED);
    fake_token_t t;
    make_entra_token(&rng, FUTURE_EXP, &t);
    hush_finding_meta_t m;
    assert_true(read_meta(t.text, FUTURE_EXP - 1, &m));
    assert_string_equal(m.alg, "RS256");
    assert_string_equal(m.iss, t.iss);
    assert_string_equal(m.tid, t.tid);
    assert_string_equal(m.aud, "api://hush-example-api");
    assert_string_equal(m.appid, FAKE_APPID);
    assert_string_equal(m.azp, "");
    assert_true(m.has_exp);
    assert_int_equal(m.exp, FUTURE_EXP);
    assert_false(m.expired);
    /* RFC 7519: not valid on or after exp. */
    assert_true(read_meta(t.text, FUTURE_EXP, &m));
    assert_true(m.expired);
    assert_true(read_meta(t.text, FUTURE_EXP + 1, &m));
    assert_true(m.expired);
}

static void test_clock_when_now_is_zero(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 1);
    fake_token_t past, future;
    make_entra_token(&rng, PAST_EXP, &past);
    make_entra_token(&rng, FUTURE_EXP, &future);
    hush_finding_meta_t m;
    assert_true(read_meta(past.text, 0, &m));
    assert_true(m.expired);
    assert_true(read_meta(future.text, 0, &m));
    assert_false(m.expired);
}

static void test_bearer_scheme_skipped(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 2);
    fake_token_t t;
    make_entra_token(&rng, FUTURE_EXP, &t);
    /* What comes before and after the token. */
    static const char *const ok[][2] = {{"Bearer ", ""}, {"bearer\t", " "}, {"  BEARER   ", ""}};
    static const char *const not_jwt[][2] = {{"Bearerx", ""}, {"Basic ", ""}, {"x ", ""},
                                             {"", " x"}};
    char value[TOKEN_MAX + 32];
    hush_finding_meta_t m;
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        snprintf(value, sizeof value, "%s%s%s", ok[i][0], t.text, ok[i][1]);
        if (!read_meta(value, 1, &m) || strcmp(m.tid, t.tid) != 0)
            fail_msg("no meta for \"%s<token>%s\"", ok[i][0], ok[i][1]);
    }
    for (size_t i = 0; i < sizeof not_jwt / sizeof *not_jwt; i++) {
        snprintf(value, sizeof value, "%s%s%s", not_jwt[i][0], t.text, not_jwt[i][1]);
        if (read_meta(value, 1, &m))
            fail_msg("meta for \"%s<token>%s\"", not_jwt[i][0], not_jwt[i][1]);
        assert_string_equal(m.alg, "");
    }
    assert_false(read_meta("Bearer ", 1, &m));
}

static void test_not_a_jwt(void **state)
{
    (void)state;
    hush_finding_meta_t m;
    static const char payload[] = "{\"iss\":\"https://hush-example.test\",\"exp\":1}";
    assert_true(meta_of("{\"alg\":\"HS256\"}", payload, &m));
    assert_false(meta_of("{\"typ\":\"JWT\"}", payload, &m));   /* no alg */
    assert_false(meta_of("{\"alg\":256}", payload, &m));       /* alg not a string */
    assert_false(meta_of("[\"alg\",\"HS256\"]", payload, &m)); /* header not an object */
    assert_false(meta_of("{\"alg\":\"HS256\"} x", payload, &m));
    assert_false(meta_of("{\"alg\":\"HS256\"}", "\"just a string\"", &m));
    assert_false(meta_of("{\"alg\":\"HS256\"}", "{\"iss\":", &m));
    assert_string_equal(m.iss, "");
    static const char *const shapes[] = {
        "", "..", "eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0",
        "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln.c2ln", ".eyJpc3MiOiJ4In0.c2ln",
        "eyJhbGciOiJIUzI1NiJ9..c2ln", "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2l*",
        "eyJhbGciOiJIUzI1NiJ9.eyJpc3Mi+iJ4In0.c2ln",
    };
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++)
        if (read_meta(shapes[i], 1, &m))
            fail_msg("meta for \"%s\"", shapes[i]);
    /* The signature may be empty (alg "none"). */
    assert_true(read_meta("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.", 1, &m));
    assert_string_equal(m.alg, "none");
    assert_string_equal(m.iss, "x");
}

static void test_wrong_types_ignored(void **state)
{
    (void)state;
    hush_finding_meta_t m;
    assert_true(meta_of("{\"alg\":\"RS256\"}",
                        "{\"iss\":42,\"tid\":{\"x\":1},\"aud\":true,\"appid\":null,\"azp\":[],"
                        "\"exp\":\"4102444800\"}",
                        &m));
    assert_string_equal(m.alg, "RS256");
    assert_string_equal(m.iss, "");
    assert_string_equal(m.tid, "");
    assert_string_equal(m.aud, "");
    assert_string_equal(m.appid, "");
    assert_string_equal(m.azp, "");
    assert_false(m.has_exp);
    assert_false(m.expired);
}

static void test_audience_string_or_array(void **state)
{
    (void)state;
    hush_finding_meta_t m;
    assert_true(meta_of("{\"alg\":\"RS256\"}", "{\"aud\":[\"api://first\",\"api://second\"]}", &m));
    assert_string_equal(m.aud, "api://first");
    assert_true(meta_of("{\"alg\":\"RS256\"}", "{\"aud\":[7,null,\"api://second\"]}", &m));
    assert_string_equal(m.aud, "api://second");
    assert_true(meta_of("{\"alg\":\"RS256\"}", "{\"aud\":[]}", &m));
    assert_string_equal(m.aud, "");
    assert_true(meta_of("{\"alg\":\"RS256\"}", "{\"aud\":\"https://graph.microsoft.com\","
                                                "\"azp\":\"hush-test-fake-client\"}",
                        &m));
    assert_string_equal(m.aud, "https://graph.microsoft.com");
    assert_string_equal(m.azp, "hush-test-fake-client");
}

static void test_exp_bounds(void **state)
{
    (void)state;
    hush_finding_meta_t m;
    static const char *const ignored[] = {"{\"exp\":-1}", "{\"exp\":1e300}",
                                          "{\"exp\":253402300800}", "{\"exp\":true}"};
    for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++) {
        assert_true(meta_of("{\"alg\":\"RS256\"}", ignored[i], &m));
        if (m.has_exp)
            fail_msg("exp kept for %s", ignored[i]);
    }
    assert_true(meta_of("{\"alg\":\"RS256\"}", "{\"exp\":253402300799}", &m));
    assert_true(m.has_exp);
    assert_int_equal(m.exp, INT64_C(253402300799));
    assert_false(m.expired); /* meta_of reads at time 1000 */
    /* A fractional NumericDate: at 1000 a token valid until 1000.5 still works. */
    assert_true(meta_of("{\"alg\":\"RS256\"}", "{\"exp\":1000.5}", &m));
    assert_int_equal(m.exp, 1000);
    assert_false(m.expired);
    assert_true(meta_of("{\"alg\":\"RS256\"}", "{\"exp\":999.5}", &m));
    assert_true(m.expired);
}

static void test_long_and_odd_claims_are_cut_and_cleaned(void **state)
{
    (void)state;
    char payload[JSON_MAX];
    char long_iss[HUSH_META_URI_MAX * 3];
    memset(long_iss, 'i', sizeof long_iss - 1);
    long_iss[sizeof long_iss - 1] = '\0';
    snprintf(payload, sizeof payload,
             "{\"iss\":\"%s\",\"tid\":\"hush\\u001b[31mtest\\n\\u00e9\",\"aud\":\"%.*s\"}",
             long_iss, HUSH_META_URI_MAX, long_iss);
    hush_finding_meta_t m;
    assert_true(meta_of("{\"alg\":\"RS256-hush-test-with-a-long-name\"}", payload, &m));
    assert_int_equal(strlen(m.iss), HUSH_META_URI_MAX);
    assert_memory_equal(m.iss, long_iss, HUSH_META_URI_MAX - 3);
    assert_string_equal(m.iss + HUSH_META_URI_MAX - 3, "...");
    /* Exactly the maximum is kept whole. */
    assert_int_equal(strlen(m.aud), HUSH_META_URI_MAX);
    assert_null(strchr(m.aud, '.'));
    assert_int_equal(strlen(m.alg), HUSH_META_ALG_MAX);
    assert_string_equal(m.alg, "RS256-hush-te...");
    /* Control bytes and non-ASCII read '.', like a preview. */
    assert_string_equal(m.tid, "hush.[31mtest...");
}

/* ---- through the scanner and the report ------------------------------------- */

typedef struct fixture {
    hush_rules_t *rules;
} fixture_t;

static int setup(void **state)
{
    static fixture_t fx;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 9);
    fake_token_t example;
    make_entra_token(&rng, FUTURE_EXP, &example);
    static char rules_json[TOKEN_MAX * 2];
    snprintf(rules_json, sizeof rules_json,
             "{\"rules\":["
             "{\"id\":\"test.jwt\",\"name\":\"test JWT\",\"confidence\":\"high\","
             " \"pattern\":\"\\\\b(?<secret>eyJ[A-Za-z0-9_-]{10,500}\\\\.eyJ[A-Za-z0-9_-]{10,2000}"
             "\\\\.[A-Za-z0-9_-]{16,500})\",\"validator\":\"jwt\","
             " \"examples\":[\"hush test %s\"],\"negative_examples\":[\"eyJhbGciOi\"]},"
             "{\"id\":\"test.member\",\"name\":\"test member\",\"confidence\":\"high\","
             " \"structure\":{\"kind\":\"json-key\",\"names\":[\"idtoken\"]},"
             " \"examples\":[\"{\\\"idToken\\\": \\\"hush test Qz8kLm2Vx7\\\"}\"],"
             " \"negative_examples\":[\"{\\\"name\\\": \\\"hush test\\\"}\"]},"
             "{\"id\":\"test.token\",\"name\":\"test token\",\"confidence\":\"high\","
             " \"pattern\":\"\\\\btok_(?<secret>[A-Za-z0-9]{20})\\\\b\","
             " \"examples\":[\"x tok_AbCdEfGhIjKlMnOpQrSt y\"],\"negative_examples\":[\"tok_x\"]}"
             "]}",
             example.text);
    assert_int_equal(rules_from_json("tests/jwt_meta_inline.json", rules_json, &fx.rules, NULL),
                     HUSH_OK);
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    hush_rules_destroy(((fixture_t *)*state)->rules);
    return 0;
}

#define MAX_SEEN 8

typedef struct seen {
    size_t count;
    char rule[MAX_SEEN][64];
    bool has_meta[MAX_SEEN];
    hush_finding_meta_t meta[MAX_SEEN];
    cli_report_t *report; /* also rendered, while the meta pointer is valid */
} seen_t;

static int on_finding(void *ctx, const hush_finding_t *f)
{
    seen_t *s = ctx;
    assert_true(s->count < MAX_SEEN);
    snprintf(s->rule[s->count], sizeof s->rule[0], "%s", f->rule_id);
    s->has_meta[s->count] = f->meta != NULL;
    if (f->meta)
        s->meta[s->count] = *f->meta;
    s->count++;
    if (s->report)
        assert_true(cli_report_finding(s->report, "hush-test.log", f));
    return 0;
}

static void scan_text(const hush_rules_t *rules, hush_engine_t engine, int64_t now,
                      const char *text, seen_t *seen)
{
    hush_scanner_config_t config = {.engine = engine, .on_finding = on_finding,
                                    .finding_ctx = seen, .now = now};
    assert_int_equal(scan_whole(rules, &config, text, strlen(text)), HUSH_OK);
}

/* A log line, a JSON member (structural rule) and a token that is no JWT. */
static void make_input(const fake_token_t *a, const fake_token_t *b, char *out, size_t cap)
{
    snprintf(out, cap,
             "hush test: Authorization: Bearer %s\n"
             "{\"idToken\": \"%s\"}\n"
             "hush test: tok_AbCdEfGhIjKlMnOpQrSt\n",
             a->text, b->text);
}

static void test_scanner_attaches_meta(void **state)
{
    const hush_rules_t *rules = ((fixture_t *)*state)->rules;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 3);
    fake_token_t past, future;
    make_entra_token(&rng, PAST_EXP, &past);
    make_entra_token(&rng, FUTURE_EXP, &future);
    static char text[TOKEN_MAX * 3];
    make_input(&past, &future, text, sizeof text);
    const hush_engine_t engines[] = {HUSH_ENGINE_HYPERSCAN, HUSH_ENGINE_REFERENCE};
    for (size_t e = 0; e < 2; e++) {
        /* Injected "now" between the two expiry times. */
        seen_t seen = {0};
        scan_text(rules, engines[e], PAST_EXP + 1, text, &seen);
        assert_int_equal(seen.count, 3);
        assert_string_equal(seen.rule[0], "test.jwt");
        assert_true(seen.has_meta[0]);
        assert_string_equal(seen.meta[0].tid, past.tid);
        assert_string_equal(seen.meta[0].iss, past.iss);
        assert_true(seen.meta[0].expired);
        assert_true(seen.has_meta[1]); /* whichever rule names the member value */
        assert_string_equal(seen.meta[1].tid, future.tid);
        assert_int_equal(seen.meta[1].exp, FUTURE_EXP);
        assert_false(seen.meta[1].expired);
        assert_string_equal(seen.rule[2], "test.token");
        assert_false(seen.has_meta[2]);
        /* Later, both have expired. */
        seen = (seen_t){0};
        scan_text(rules, engines[e], FUTURE_EXP, text, &seen);
        assert_int_equal(seen.count, 3);
        assert_true(seen.meta[0].expired && seen.meta[1].expired);
    }
}

static void test_structural_bearer_value(void **state)
{
    const hush_rules_t *rules = ((fixture_t *)*state)->rules;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 4);
    fake_token_t t;
    /* A short signature: no pattern rule here takes it, only the member. */
    char payload[JSON_MAX];
    snprintf(payload, sizeof payload, "{\"iss\":\"https://sts.windows.net/hush-test/\",\"exp\":%lld}",
             (long long)PAST_EXP);
    make_jwt(&rng, "{\"alg\":\"none\"}", payload, &t);
    char *dot = strrchr(t.text, '.');
    dot[1] = '\0';
    char text[TOKEN_MAX + 64];
    snprintf(text, sizeof text, "{\"idToken\": \"Bearer %s\"}\n", t.text);
    seen_t seen = {0};
    scan_text(rules, HUSH_ENGINE_HYPERSCAN, FUTURE_EXP, text, &seen);
    assert_int_equal(seen.count, 1);
    assert_string_equal(seen.rule[0], "test.member");
    assert_true(seen.has_meta[0]);
    assert_string_equal(seen.meta[0].alg, "none");
    assert_string_equal(seen.meta[0].iss, "https://sts.windows.net/hush-test/");
    assert_true(seen.meta[0].expired);
}

/* Scans the input with a report of `format` attached; returns what it wrote. */
static char *render(const hush_rules_t *rules, cli_report_format_t format, const char *text)
{
    char *out = NULL;
    size_t size = 0;
    FILE *file = open_memstream(&out, &size);
    assert_non_null(file);
    seen_t seen = {.report = cli_report_create(file, format, false, NULL)};
    assert_non_null(seen.report);
    scan_text(rules, HUSH_ENGINE_HYPERSCAN, PAST_EXP + 1, text, &seen);
    assert_true(cli_report_finish(seen.report));
    cli_report_destroy(seen.report);
    assert_int_equal(fclose(file), 0);
    return out;
}

static void assert_nothing_personal(const char *report, const fake_token_t *t)
{
    static const char *const never[] = {"hush test user", "hush.test.user", "hush-test-oid",
                                        "hush-test-kid", "\"iat\"", "\"nbf\"", "\"ver\""};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (strstr(report, never[i]))
            fail_msg("report shows %s:\n%s", never[i], report);
    /* Neither the signature nor any other part of the token. */
    if (strstr(report, t->signature) || strstr(report, "eyJ"))
        fail_msg("report shows the token:\n%s", report);
}

static void test_report_jsonl_meta(void **state)
{
    const hush_rules_t *rules = ((fixture_t *)*state)->rules;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 5);
    fake_token_t past, future;
    make_entra_token(&rng, PAST_EXP, &past);
    make_entra_token(&rng, FUTURE_EXP, &future);
    static char text[TOKEN_MAX * 3];
    make_input(&past, &future, text, sizeof text);
    char *report = render(rules, CLI_REPORT_JSONL, text);
    assert_nothing_personal(report, &past);
    assert_nothing_personal(report, &future);

    char *line = strtok(report, "\n");
    assert_non_null(line);
    cJSON *row = cJSON_Parse(line);
    assert_non_null(row);
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(row, "meta");
    assert_true(cJSON_IsObject(meta));
    /* Exactly these keys, in this order: only claims the token has. */
    static const char *const keys[] = {"alg", "iss", "tid", "aud", "appid", "exp", "expired"};
    const cJSON *item = meta->child;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++, item = item->next) {
        assert_non_null(item);
        assert_string_equal(item->string, keys[i]);
    }
    assert_null(item);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(meta, "tid")->valuestring, past.tid);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(meta, "expired")));
    assert_true(cJSON_GetObjectItemCaseSensitive(meta, "exp")->valuedouble == (double)PAST_EXP);
    cJSON_Delete(row);

    line = strtok(NULL, "\n");
    row = cJSON_Parse(line);
    assert_non_null(row);
    meta = cJSON_GetObjectItemCaseSensitive(row, "meta");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(meta, "expired")));
    cJSON_Delete(row);

    line = strtok(NULL, "\n");
    row = cJSON_Parse(line);
    assert_non_null(row);
    assert_null(cJSON_GetObjectItemCaseSensitive(row, "meta")); /* no JWT, no meta */
    cJSON_Delete(row);
    free(report);
}

static void test_report_text_and_csv(void **state)
{
    const hush_rules_t *rules = ((fixture_t *)*state)->rules;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 6);
    fake_token_t past, future;
    make_entra_token(&rng, PAST_EXP, &past);
    make_entra_token(&rng, FUTURE_EXP, &future);
    static char text[TOKEN_MAX * 3];
    make_input(&past, &future, text, sizeof text);

    char *report = render(rules, CLI_REPORT_TEXT, text);
    assert_nothing_personal(report, &past);
    char want[256];
    snprintf(want, sizeof want, "[REDACTED:test.jwt] (exp 2001-09-09T01:46:40Z expired, iss %s)\n",
             past.iss);
    if (!strstr(report, want))
        fail_msg("text lacks \"%s\":\n%s", want, report);
    snprintf(want, sizeof want, " (exp 2100-01-01T00:00:00Z not expired, iss %s)\n", future.iss);
    if (!strstr(report, want))
        fail_msg("text lacks \"%s\":\n%s", want, report);
    assert_non_null(strstr(report, "[REDACTED:test.token]\n"));
    free(report);

    /* CSV keeps its columns: meta is left out. */
    report = render(rules, CLI_REPORT_CSV, text);
    assert_nothing_personal(report, &past);
    assert_null(strstr(report, past.tid));
    assert_non_null(strstr(report, "path,line,column,offset,length,rule,name,confidence,encoding,"
                                   "validated,fingerprint,preview\n"));
    free(report);
}

int main(void)
{
    const struct CMUnitTest unit[] = {
        cmocka_unit_test(test_entra_token_claims),
        cmocka_unit_test(test_clock_when_now_is_zero),
        cmocka_unit_test(test_bearer_scheme_skipped),
        cmocka_unit_test(test_not_a_jwt),
        cmocka_unit_test(test_wrong_types_ignored),
        cmocka_unit_test(test_audience_string_or_array),
        cmocka_unit_test(test_exp_bounds),
        cmocka_unit_test(test_long_and_odd_claims_are_cut_and_cleaned),
    };
    const struct CMUnitTest scanning[] = {
        cmocka_unit_test(test_scanner_attaches_meta),
        cmocka_unit_test(test_structural_bearer_value),
        cmocka_unit_test(test_report_jsonl_meta),
        cmocka_unit_test(test_report_text_and_csv),
    };
    int failed = cmocka_run_group_tests_name("jwt_meta", unit, NULL, NULL);
    failed += cmocka_run_group_tests_name("jwt_meta_scanning", scanning, setup, teardown);
    return failed;
}
