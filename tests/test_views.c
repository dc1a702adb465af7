/*
 * Views (views.h): a secret written through the encodings of a JSON or CSV
 * export is found at exactly the raw bytes that encode it, masked so the
 * container stays valid, and cannot be read back from the redacted output.
 *
 * The property tests build random documents with FAKE secrets planted in
 * random encodings (JSON \u escapes, "\/", percent-encoding in a URL, JSON
 * inside a JSON string, JSON inside a CSV field with doubled quotes) and
 * record, while writing, the raw span of every secret; then they check the
 * findings, the redacted text, and that every way of feeding the input and
 * both engines agree.  The focused tests pin what a user sees for the
 * export shapes views exist for (run exports, HAR files, Key Vault results).
 *
 * The document generator is gen_documents.c, the checker check_redaction.c;
 * this file holds the property tests that drive them and the focused tests.
 *
 * No secret value is ever printed: failures name seeds, offsets, rule ids
 * and encodings only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <cmocka.h>
#include <cjson/cJSON.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "check_redaction.h"
#include "fake_secrets.h"
#include "gen_documents.h"
#include "hush.h"
#include "redact.h"
#include "scan_fixture.h"

/* Seeds of the property tests: enough to meet every combination of
 * encodings many times, few enough for the ASan run. */
#define JSON_SEEDS 300u
#define CSV_SEEDS 200u

/* A capturing scanner with the checker's fingerprint key. */
static hush_scanner_t *make_scanner(const hush_rules_t *rules, hush_engine_t engine,
                                    hush_mask_t mask)
{
    hush_scanner_t *s = NULL;
    assert_int_equal(capture_scanner_create(rules, engine, mask, check_fingerprint_key,
                                            sizeof check_fingerprint_key, NULL, &s),
                     HUSH_OK);
    return s;
}

/* ---- fixture ------------------------------------------------------------------ */

typedef struct fixture {
    hush_rules_t *rules;
} fixture_t;

/* BUILD/cache, next to BUILD/tests/ where this binary lives: the cache
 * `make test-rules` fills for the CLI.  Compiling the whole pack takes
 * seconds; a cache that cannot be used is ignored by the library. */
static char cache_dir[4096];

static int setup(void **state)
{
    static fixture_t fx;
    const hush_rule_file_t *files;
    size_t count;
    hush_default_rule_files(&files, &count);
    hush_rules_config_t config = {.files = files, .file_count = count,
                                  .cache_dir = cache_dir[0] ? cache_dir : NULL};
    assert_int_equal(rules_from_config(&config, &fx.rules, NULL), HUSH_OK);
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    hush_rules_destroy(((fixture_t *)*state)->rules);
    return 0;
}

/* ---- property tests ---------------------------------------------------------------- */

static void run_property(const fixture_t *fx, const char *name, bool csv, unsigned seeds)
{
    engines_t e;
    assert_int_equal(engines_create(fx->rules, &e), HUSH_OK);
    unsigned total = 0, failing_docs = 0;
    for (uint64_t seed = 1; seed <= seeds; seed++) {
        doc_t d;
        if (csv)
            make_csv_doc(seed, &d);
        else
            make_json_doc(seed, &d);
        checker_t ck = {.test = name, .seed = seed, .doc = &d, .total = &total};
        expected_fingerprints(&ck);
        for (size_t m = 0; m < MASK_COUNT; m++)
            check_document(&ck, &e, m);
        failing_docs += ck.problems > 0;
        doc_free(&d);
    }
    engines_destroy(&e);
    if (total) {
        fprintf(stderr, "%s: %u problems in %u of %u documents (the first %u printed)\n", name,
                total, failing_docs, seeds, MAX_PRINTED_PROBLEMS);
        fail();
    }
}

/* Random JSON and JSON Lines documents with fake secrets in random
 * encodings: found at their raw spans, masked validly, nowhere readable,
 * the same whatever the split and engine. */
static void test_property_json(void **state)
{
    run_property(*state, "property json", false, JSON_SEEDS);
}

/* The same for CSV exports holding JSON in a quoted field. */
static void test_property_csv(void **state)
{
    run_property(*state, "property csv", true, CSV_SEEDS);
}

/* ---- focused tests --------------------------------------------------------------- */

/* The capture of the focused test running; freed by its teardown, also
 * when an assertion ends the test early. */
static capture_t focused;

static int free_focused(void **state)
{
    (void)state;
    capture_free(&focused);
    return 0;
}

/* Scans a text with both engines and in 1-byte and 7-byte pieces, asserts
 * they agree, and returns the whole-input capture. */
static void scan_checked(const fixture_t *fx, hush_mask_t mask, const char *text, capture_t *cap)
{
    size_t size = strlen(text);
    hush_scanner_t *fast = make_scanner(fx->rules, HUSH_ENGINE_HYPERSCAN, mask);
    hush_scanner_t *ref = make_scanner(fx->rules, HUSH_ENGINE_REFERENCE, mask);
    assert_true(scan_feeding(fast, cap, text, size, FEED_WHOLE, 1, NULL));
    capture_t other = {0};
    unsigned total = 0;
    doc_t none = {0};
    checker_t ck = {.test = "focused", .doc = &none, .total = &total};
    assert_true(scan_feeding(ref, &other, text, size, FEED_WHOLE, 1, NULL));
    check_same(&ck, cap, &other, "reference engine");
    assert_true(scan_feeding(fast, &other, text, size, FEED_BYTES, 1, NULL));
    check_same(&ck, cap, &other, "byte by byte");
    assert_true(scan_feeding(fast, &other, text, size, FEED_PIECES, 7, NULL));
    check_same(&ck, cap, &other, "random pieces");
    assert_true(scan_feeding(fast, &other, text, size, FEED_LINES_FLUSHED, 1, NULL));
    check_same(&ck, cap, &other, "line by line with flush");
    assert_int_equal(total, 0);
    capture_free(&other);
    hush_scanner_destroy(fast);
    hush_scanner_destroy(ref);
}

static size_t offset_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    return (size_t)(at - text);
}

static void assert_json_valid(const buf_t *out)
{
    cJSON *roots[MAX_ROOTS];
    size_t at = 0;
    int n = parse_roots(buf_text(out), out->size, roots, &at, NULL);
    if (n < 0)
        fprintf(stderr, "redacted output is not JSON at byte %zu\n", at);
    assert_true(n > 0);
    for (int i = 0; i < n; i++)
        cJSON_Delete(roots[i]);
}

/* The output is the text with [start, start+len) replaced by `mask`. */
static void assert_replaced(const buf_t *out, const char *text, size_t start, size_t len,
                            const char *mask)
{
    buf_t want = {0};
    buf_put(&want, text, start);
    buf_str(&want, mask);
    buf_str(&want, text + start + len);
    assert_int_equal(out->size, want.size);
    assert_memory_equal(out->data, want.data, want.size);
    buf_free(&want);
}

static void random_of(fake_rng_t *rng, const char *alphabet, size_t n, char *out)
{
    size_t k = strlen(alphabet);
    for (size_t i = 0; i < n; i++)
        out[i] = alphabet[below(rng, (uint32_t)k)];
    out[n] = '\0';
}

/* A Logic Apps run export as .NET writes it ('&' as \u0026): the trigger
 * URL's sig is one finding, at exactly its raw bytes. */
static void test_run_export_sig(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 101);
    char hex[33], sig[44];
    fake_hex(&rng, 32, hex, sizeof hex);
    fake_base64(&rng, 43, true, sig, sizeof sig);
    char text[1024];
    snprintf(text, sizeof text,
             "{\"properties\":{\"trigger\":{\"name\":\"manual\",\"outputsLink\":{\"uri\":"
             "\"https://prod-07.westus.logic.azure.com:443/workflows/%s/triggers/manual/paths/"
             "invoke?api-version=2016-10-01\\u0026sp=%%2Ftriggers%%2Fmanual%%2Frun\\u0026sv=1.0"
             "\\u0026sig=%s\",\"contentSize\":129}}}}\n",
             hex, sig);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, text, cap);
    assert_int_equal(cap->count, 1);
    assert_int_equal(cap->seen[0].offset, offset_of(text, sig));
    assert_int_equal(cap->seen[0].length, 43);
    assert_string_equal(cap->seen[0].rule, "powerplatform.logicapps.trigger-sig");
    char mask[80];
    snprintf(mask, sizeof mask, "[REDACTED:%s]", cap->seen[0].rule);
    assert_replaced(&cap->output, text, offset_of(text, sig), 43, mask);
    assert_json_valid(&cap->output);
}

/* "\/" inside a URL: a Slack webhook URL, escaped slashes and all, is one
 * finding whose span is the whole raw URL; a token between escaped slashes
 * is found at its own bytes. */
static void test_escaped_slashes(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 102);
    char team[11], bot[11], key[25], token[64];
    random_of(&rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10, team);
    random_of(&rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10, bot);
    fake_alnum(&rng, 24, key, sizeof key);
    fake_github_token(&rng, NULL, token, sizeof token);
    char url[256], text[1024];
    snprintf(url, sizeof url, "https:\\/\\/hooks.slack.com\\/services\\/T%s\\/B%s\\/%s", team, bot,
             key);
    snprintf(text, sizeof text,
             "{\"hook\": \"%s\", "
             "\"links\": [\"https:\\/\\/hush-example.contoso.com\\/x\\/%s\\/y\"]}\n",
             url, token);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, text, cap);
    assert_int_equal(cap->count, 2);
    assert_string_equal(cap->seen[0].rule, "slack.webhook.url");
    assert_string_equal(cap->seen[0].encoding, "json");
    assert_int_equal(cap->seen[0].offset, offset_of(text, url));
    assert_int_equal(cap->seen[0].length, strlen(url));
    assert_string_equal(cap->seen[1].rule, "github.pat.classic");
    assert_int_equal(cap->seen[1].offset, offset_of(text, token));
    assert_int_equal(cap->seen[1].length, strlen(token));
    cJSON *out = cJSON_Parse(cap->output.data);
    assert_non_null(out);
    assert_string_equal(cJSON_GetObjectItem(out, "hook")->valuestring,
                        "[REDACTED:slack.webhook.url]");
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(out, "links"), 0)->valuestring,
                        "https://hush-example.contoso.com/x/[REDACTED:github.pat.classic]/y");
    cJSON_Delete(out);
}

/* A surrogate-pair escape right before and after a secret: the raw bytes
 * show no word boundary ("...\ude00ghp_"), the decoded text does. */
static void test_surrogate_pair_next_to_secret(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 103);
    char token[64], text[512];
    fake_github_token(&rng, NULL, token, sizeof token);
    snprintf(text, sizeof text, "{\"note\":\"\\ud83d\\ude00%s\\uD83D\\uDE00 done\"}\n", token);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, text, cap);
    assert_int_equal(cap->count, 1);
    assert_string_equal(cap->seen[0].rule, "github.pat.classic");
    assert_string_equal(cap->seen[0].encoding, "json");
    assert_int_equal(cap->seen[0].offset, offset_of(text, token));
    assert_int_equal(cap->seen[0].length, strlen(token));
    assert_replaced(&cap->output, text, offset_of(text, token), strlen(token),
                    "[REDACTED:github.pat.classic]");
    cJSON *out = cJSON_Parse(cap->output.data);
    assert_non_null(out);
    assert_string_equal(cJSON_GetObjectItem(out, "note")->valuestring,
                        "\xf0\x9f\x98\x80[REDACTED:github.pat.classic]\xf0\x9f\x98\x80 done");
    cJSON_Delete(out);
}

static void check_header_pair(const fixture_t *fx, bool value_first)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 104);
    char secret[41], text[512];
    fake_alnum(&rng, 40, secret, sizeof secret);
    if (value_first)
        snprintf(text, sizeof text,
                 "{\"headers\":[\n  {\"value\": \"Bearer %s\",\n"
                 "   \"name\": \"Authorization\"}\n]}\n",
                 secret);
    else
        snprintf(text, sizeof text,
                 "{\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer %s\"}]}\n", secret);
    capture_t *cap = &focused;
    scan_checked(fx, HUSH_MASK_LABEL, text, cap);
    for (size_t i = 0; i < cap->count; i++)
        fprintf(stderr, "  header pair: finding %s (%s, %s) at %llu+%llu\n", cap->seen[i].rule,
                cap->seen[i].encoding, hush_confidence_name(cap->seen[i].confidence),
                (unsigned long long)cap->seen[i].offset, (unsigned long long)cap->seen[i].length);
    assert_int_equal(cap->count, 1);
    assert_int_equal(cap->seen[0].offset, offset_of(text, secret));
    assert_int_equal(cap->seen[0].length, 40);
    assert_string_equal(cap->seen[0].rule, "http.secret-header");
    assert_int_equal(cap->seen[0].confidence, HUSH_CONFIDENCE_HIGH);
    assert_replaced(&cap->output, text, offset_of(text, secret), 40,
                    "[REDACTED:http.secret-header]");
}

/* A HAR header {"name","value"}: http.secret-header, the scheme word kept.
 * Regression (fixed): the raw pattern auth.bearer.header (medium) finds exactly the
 * same bytes, and the structural finding (high) is dropped in its favour
 * (scan.c supersedes()), though hush.h promises that of rules finding
 * the same bytes the surest is reported.  Expected http.secret-header,
 * high; got auth.bearer.header, medium. */
static void test_har_header_name_first(void **state)
{
    check_header_pair(*state, false);
}

/* The same pair written value first: decided when the object closes. */
static void test_har_header_value_first(void **state)
{
    check_header_pair(*state, true);
}

/* A Key Vault "get secret" REST result: the value is the secret. */
static void test_keyvault_result(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 105);
    char hex[33], value[64], url[128], text[512];
    fake_hex(&rng, 32, hex, sizeof hex);
    char tail[17];
    fake_alnum(&rng, 16, tail, sizeof tail);
    snprintf(value, sizeof value, "hush test value %s", tail);
    snprintf(url, sizeof url, "https://contoso-hush-kv.vault.azure.net/secrets/x/%s", hex);
    snprintf(text, sizeof text,
             "{\"value\":\"%s\",\"id\":\"%s\",\"attributes\":{\"enabled\":true}}\n", value,
             url);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, text, cap);
    size_t kv = SIZE_MAX, id = SIZE_MAX;
    for (size_t i = 0; i < cap->count; i++) {
        size_t *slot = strcmp(cap->seen[i].rule, "azure.keyvault.secret-value") == 0 ? &kv : &id;
        if (slot == &id)
            assert_string_equal(cap->seen[i].rule, "azure.keyvault.secret-url");
        assert_int_equal(*slot, SIZE_MAX);
        *slot = i;
    }
    assert_int_not_equal(kv, SIZE_MAX);
    assert_int_equal(cap->seen[kv].offset, offset_of(text, value));
    assert_int_equal(cap->seen[kv].length, strlen(value));
    /* The id beside it is a finding of its own (sensitive configuration, at
     * the default confidence), on other bytes: both are masked. */
    assert_int_not_equal(id, SIZE_MAX);
    assert_int_equal(cap->seen[id].offset, offset_of(text, url));
    assert_int_equal(cap->seen[id].length, strlen(url));
    assert_int_equal(cap->seen[id].confidence, HUSH_CONFIDENCE_MEDIUM);
    char want[512];
    snprintf(want, sizeof want,
             "{\"value\":\"[REDACTED:azure.keyvault.secret-value]\",\"id\":\"[REDACTED:"
             "azure.keyvault.secret-url]\",\"attributes\":{\"enabled\":true}}\n");
    assert_int_equal(cap->output.size, strlen(want));
    assert_memory_equal(cap->output.data, want, strlen(want));
}

/* Expressions and the "secure inputs" placeholder are not secrets; a real
 * value under the same name is. */
static void test_password_member_values(void **state)
{
    static const char *const quiet[] = {
        "{\"password\":\"@parameters('x')\"}\n",
        "{\"password\": \"Content not shown due to security configuration.\"}\n",
        "{\"inputs\":{\"password\":\"@{parameters('sqlPassword')}\",\"user\":\"a\"}}\n",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++) {
        capture_t *cap = &focused;
        scan_checked(*state, HUSH_MASK_LABEL, quiet[i], cap);
        for (size_t k = 0; k < cap->count; k++)
            fprintf(stderr, "  case %zu: finding %s at %llu+%llu\n", i, cap->seen[k].rule,
                    (unsigned long long)cap->seen[k].offset,
                    (unsigned long long)cap->seen[k].length);
        assert_int_equal(cap->count, 0);
        assert_string_equal(cap->output.data, quiet[i]);
    }
    const char *real = "{\"password\":\"hT9#kq2LmZ8vX w\"}\n";
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, real, cap);
    assert_int_equal(cap->count, 1);
    assert_string_equal(cap->seen[0].rule, "json.secret-field");
    assert_int_equal(cap->seen[0].offset, offset_of(real, "hT9"));
    assert_int_equal(cap->seen[0].length, 15);
}

/* Regression (fixed): a secret-named member whose value has a JSON escape is matched
 * by a keyword pattern (generic.password) on the raw, still escaped
 * bytes, and that finding replaces json.secret-field's: its fingerprint
 * is of the escaped text.  Input: {"password": "Xy7\u00e9Qpr92mZk"} and
 * the same value with the 'e' acute written as UTF-8.  Expected: the
 * same fingerprint (HMAC of the decoded value) for both, as promised for
 * following a secret across files; got: two different fingerprints. */
static void test_escaped_member_fingerprint(void **state)
{
    static const char *const texts[] = {"{\"password\": \"Xy7\\u00e9Qpr92mZk\"}\n",
                                        "{\"password\": \"Xy7\xc3\xa9Qpr92mZk\"}\n"};
    const char *decoded = "Xy7\xc3\xa9Qpr92mZk";
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    char want[HUSH_FINGERPRINT_HEX + 1];
    assert_non_null(HMAC(EVP_sha256(), check_fingerprint_key, sizeof check_fingerprint_key,
                         (const unsigned char *)decoded, strlen(decoded), mac, &size));
    for (unsigned i = 0; i < HUSH_FINGERPRINT_HEX / 2; i++)
        snprintf(want + 2 * i, 3, "%02x", mac[i]);
    for (size_t i = 0; i < 2; i++) {
        capture_t *cap = &focused;
        scan_checked(*state, HUSH_MASK_LABEL, texts[i], cap);
        assert_int_equal(cap->count, 1);
        assert_int_equal(cap->seen[0].offset, offset_of(texts[i], "Xy7"));
        assert_int_equal(cap->seen[0].length, strlen(texts[i]) - 3 - offset_of(texts[i], "Xy7"));
        if (strcmp(cap->seen[0].fingerprint, want) != 0)
            fprintf(stderr, "  %s value: %s finding, fingerprint not of the decoded value\n",
                    i ? "UTF-8" : "escaped", cap->seen[0].rule);
        assert_string_equal(cap->seen[0].fingerprint, want);
    }
}

/* Regression (fixed): the partial mask keeps the first 4 raw bytes of a match made on
 * escaped bytes, cutting a JSON escape in two.  Input:
 * {"password": "Xy7\u00e9Qpr92mZk"} with --mask partial.  Expected:
 * valid JSON; got {"password": "Xy7\*************"} ("\*" is no JSON
 * escape).  The same happens in a CSV export's JSON column. */
static void test_partial_mask_inside_escape(void **state)
{
    static const char *const texts[] = {
        "{\"password\": \"Xy7\\u00e9Qpr92mZk\"}\n",
        "Id,AuditData\n1,\"{\"\"apiKey\"\": \"\"QeS\\u005aFkdj28dhHjdkA9x\"\"}\"\n",
    };
    for (size_t i = 0; i < 2; i++) {
        capture_t *cap = &focused;
        scan_checked(*state, HUSH_MASK_PARTIAL, texts[i], cap);
        assert_int_equal(cap->count, 1);
        assert_int_equal(cap->output.size, strlen(texts[i]));
        const char *json = i == 0 ? cap->output.data : NULL;
        buf_t field = {0};
        if (i == 1) { /* the JSON column, quotes undoubled */
            csv_table_t t;
            assert_true(csv_parse(cap->output.data, cap->output.size, &t));
            assert_int_equal(t.field_count, 4);
            buf_put(&field, t.fields[3].data, t.fields[3].size);
            csv_free(&t);
            json = field.data;
        }
        cJSON *parsed = cJSON_Parse(json);
        if (!parsed)
            fprintf(stderr, "  case %zu: the redacted JSON no longer parses\n", i);
        assert_non_null(parsed);
        cJSON_Delete(parsed);
        buf_free(&field);
    }
}

/* The bytes that write `pem` in a container (JSON: line breaks as \n and
 * \r escapes), as written (keep 0), or masked: every byte but the line
 * breaks as '*' after the first `keep` - 1 (keep > 0), or only the line
 * breaks (keep < 0). */
static void write_pem_form(const char *pem, bool json, int keep, buf_t *out)
{
    for (size_t i = 0; pem[i]; i++) {
        bool line_break = pem[i] == '\n' || pem[i] == '\r';
        if (line_break && json)
            buf_str(out, pem[i] == '\n' ? "\\n" : "\\r");
        else if (line_break || keep == 0 || (keep > 0 && i + 1 < (size_t)keep))
            buf_put(out, pem + i, 1);
        else if (keep > 0)
            buf_str(out, "*");
    }
}

/* A secret of several lines, in a log, a JSON string and a quoted CSV
 * field, LF and CR LF: every mask keeps its line breaks as the container
 * writes them, so the output has as many lines as the input. */
static void test_multiline_secret_every_view(void **state)
{
    static const char *const before[] = {"hush test key: ", "{\"note\": \"hush test\", \"key\": \"",
                                         "Id,Key\r\n1,\""};
    static const char *const after[] = {" tail\nhush test\n", "\"}\n", "\"\r\n2,none\r\n"};
    static const hush_mask_t masks[] = {HUSH_MASK_LABEL, HUSH_MASK_STARS, HUSH_MASK_PARTIAL,
                                        HUSH_MASK_HASH};
    fake_rng_t rng;
    fake_rng_init(&rng, 610);
    for (int crlf = 0; crlf < 2; crlf++) {
        char pem[FAKE_MAX_SIZE];
        assert_true(fake_pem_private_key(&rng, 180, crlf ? "\r\n" : "\n", pem, sizeof pem) > 0);
        for (size_t c = 0; c < 3; c++) {
            bool json = c == 1;
            buf_t in = {0}, want = {0};
            buf_str(&in, before[c]);
            write_pem_form(pem, json, 0, &in);
            buf_str(&in, after[c]);
            for (size_t m = 0; m < 4; m++) {
                capture_t *cap = &focused;
                scan_checked(*state, masks[m], in.data, cap);
                assert_int_equal(cap->count, 1);
                assert_string_equal(cap->seen[0].rule, "pem.private-key");
                assert_string_equal(cap->seen[0].encoding, c == 0 ? "raw" : json ? "json" : "csv");
                want.size = 0;
                buf_str(&want, before[c]);
                if (masks[m] == HUSH_MASK_LABEL)
                    buf_str(&want, "[REDACTED:pem.private-key]");
                else if (masks[m] == HUSH_MASK_HASH)
                    buf_fmt(&want, "[REDACTED:pem.private-key:%.8s]", cap->seen[0].fingerprint);
                write_pem_form(pem, json,
                               masks[m] == HUSH_MASK_STARS     ? 1
                               : masks[m] == HUSH_MASK_PARTIAL ? 1 + (int)HUSHI_PARTIAL_KEEP
                                                                : -1,
                               &want);
                buf_str(&want, after[c]);
                if (cap->output.size != want.size ||
                    memcmp(cap->output.data, want.data, want.size) != 0)
                    fprintf(stderr, "  %s, %s line ends, container %zu: wrong output\n",
                            hush_mask_name(masks[m]), crlf ? "CR LF" : "LF", c);
                assert_int_equal(cap->output.size, want.size);
                assert_memory_equal(cap->output.data, want.data, want.size);
                assert_null(strchr(cap->seen[0].preview, '\n'));
                capture_free(cap);
            }
            buf_free(&in);
            buf_free(&want);
        }
    }
}

/* A HAR body in base64 wrapped into lines of 76 characters (written "\n" in
 * the JSON string), of a text holding a PEM key: the quads re-encoded
 * around the key keep the wrapping, and decoded, the key's bytes are '*'
 * but its line breaks, so the body keeps its lines too. */
static void test_har_base64_wrapped_multiline(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 611);
    char pem[FAKE_MAX_SIZE], plain[2048], b64[4096];
    assert_true(fake_pem_private_key(&rng, 200, "\n", pem, sizeof pem) > 0);
    snprintf(plain, sizeof plain, "hush test page\nconfig:\n%s\nend of hush test page\n", pem);
    size_t n = fake_base64_encode(plain, strlen(plain), false, true, b64, sizeof b64);
    buf_t wrapped = {0}, text = {0};
    for (size_t i = 0; i < n; i += 76) {
        if (i)
            buf_str(&wrapped, "\\n");
        buf_put(&wrapped, b64 + i, n - i < 76 ? n - i : 76);
    }
    buf_fmt(&text, "{\"log\":{\"entries\":[{\"response\":{\"content\":{\"mimeType\":"
                   "\"text/plain\",\"encoding\":\"base64\",\"text\":\"%s\"}}}]}}\n",
            wrapped.data);
    for (size_t m = 0; m < 2; m++) {
        capture_t *cap = &focused;
        scan_checked(*state, m ? HUSH_MASK_STARS : HUSH_MASK_LABEL, text.data, cap);
        assert_int_equal(cap->count, 1);
        assert_string_equal(cap->seen[0].rule, "pem.private-key");
        assert_string_equal(cap->seen[0].encoding, "json+base64");
        assert_int_equal(cap->output.size, text.size);
        cJSON *in = cJSON_Parse(text.data), *out = cJSON_Parse(cap->output.data);
        assert_non_null(out);
        const char *a = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(
            cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(in, "log"), "entries"), 0),
            "response"), "content"), "text")->valuestring;
        const char *b = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(
            cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(out, "log"), "entries"), 0),
            "response"), "content"), "text")->valuestring;
        assert_int_equal(strlen(a), strlen(b));
        for (size_t i = 0; a[i]; i++) /* the wrapping is where it was */
            assert_int_equal(a[i] == '\n', b[i] == '\n');
        char joined[4096];
        size_t j = 0;
        for (size_t i = 0; b[i]; i++)
            if (b[i] != '\n')
                joined[j++] = b[i];
        unsigned char decoded[4096];
        size_t d = 0;
        assert_true(base64_decode_any(joined, j, decoded, &d));
        assert_int_equal(d, strlen(plain));
        size_t at = offset_of(plain, pem), len = strlen(pem);
        assert_memory_equal(decoded, plain, at);
        for (size_t i = at; i < at + len; i++)
            assert_int_equal(decoded[i], pem[i - at] == '\n' ? '\n' : '*');
        assert_memory_equal(decoded + at + len, plain + at + len, d - at - len);
        cJSON_Delete(in);
        cJSON_Delete(out);
        capture_free(cap);
    }
    buf_free(&wrapped);
    buf_free(&text);
}

/* A HAR body with "encoding":"base64": the secret inside is found at the
 * base64 quads that hold it, which are re-encoded with '*' for its bytes. */
static void check_har_base64(const fixture_t *fx, bool escape_inside, const char *want_encoding)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 106);
    char token[64], inner[512], secret_as_written[80];
    fake_github_token(&rng, NULL, token, sizeof token);
    if (escape_inside)
        snprintf(secret_as_written, sizeof secret_as_written, "\\u0067%s", token + 1);
    else
        snprintf(secret_as_written, sizeof secret_as_written, "%s", token);
    snprintf(inner, sizeof inner, "{\"data\":{\"note\":\"%s\",\"n\":[1,2,3]},\"ok\":true}",
             secret_as_written);
    char b64[1024], text[2048];
    fake_base64_encode(inner, strlen(inner), false, true, b64, sizeof b64);
    snprintf(text, sizeof text,
             escape_inside
                 ? "{\"log\":{\"entries\":[{\"response\":{\"content\":{\"encoding\":\"base64\","
                   "\"mimeType\":\"application/json\",\"text\":\"%s\"}}}]}}\n"
                 : "{\"log\":{\"entries\":[{\"response\":{\"content\":{\"mimeType\":"
                   "\"application/json\",\"text\":\"%s\",\"encoding\":\"base64\"}}}]}}\n",
             b64);
    capture_t *cap = &focused;
    scan_checked(fx, HUSH_MASK_LABEL, text, cap);
    assert_int_equal(cap->count, 1);
    assert_string_equal(cap->seen[0].rule, "github.pat.classic");
    assert_string_equal(cap->seen[0].encoding, want_encoding);
    /* The span: the quads that hold the secret's bytes. */
    size_t body = offset_of(text, b64), d = offset_of(inner, secret_as_written);
    size_t d_end = d + strlen(secret_as_written);
    size_t q_end = 4 * ((d_end + 2) / 3);
    if (q_end > strlen(b64))
        q_end = strlen(b64);
    assert_int_equal(cap->seen[0].offset, body + 4 * (d / 3));
    assert_int_equal(cap->seen[0].offset + cap->seen[0].length, body + q_end);
    /* Still base64 of the same length; decoded, the secret is '*'. */
    assert_int_equal(cap->output.size, strlen(text));
    cJSON *out = cJSON_Parse(cap->output.data);
    assert_non_null(out);
    const cJSON *content = cJSON_GetObjectItem(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(out, "log"),
                                                                   "entries"),
                                               0),
                            "response"),
        "content");
    const char *redacted = cJSON_GetObjectItem(content, "text")->valuestring;
    assert_int_equal(strlen(redacted), strlen(b64));
    unsigned char decoded[1024];
    size_t n = 0;
    assert_true(base64_decode_any(redacted, strlen(redacted), decoded, &n));
    assert_int_equal(n, strlen(inner));
    assert_memory_equal(decoded, inner, d);
    for (size_t i = d; i < d_end; i++)
        assert_int_equal(decoded[i], '*');
    assert_memory_equal(decoded + d_end, inner + d_end, n - d_end);
    assert_null(memmem(decoded, n, token, strlen(token)));
    cJSON_Delete(out);
}

static void test_har_base64_body(void **state)
{
    check_har_base64(*state, false, "json+base64");
}

/* The same with the secret \u-escaped inside the decoded JSON, and
 * "encoding" written before "text". */
static void test_har_base64_body_escaped(void **state)
{
    check_har_base64(*state, true, "json+base64+json");
}

/* Regression (fixed): the stars mask promises that offsets do not move, but a base64
 * body written with "\/" (as .NET and PHP write '/') loses the escape in
 * the re-encoded quads: the output is one byte shorter per "\/" in the
 * quads that hold the secret.  Input: a HAR content object whose base64
 * text has '/' (written "\/") in the last quad holding a GitHub token
 * ("??" right after the token).  Expected: output length equal to the
 * input's; got: one byte less.  The label mask is fine (length may change). */
static void test_har_base64_escaped_slash_stars(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 111);
    char token[64], inner[256], b64[512], text[1024];
    fake_github_token(&rng, NULL, token, sizeof token);
    /* Align so that the token's last byte starts a 3-byte group: the '?'
     * that ends the group then encodes as '/'. */
    for (int pad = 0; pad < 3; pad++) {
        snprintf(inner, sizeof inner, "{\"note\":\"%*s%s?? ok\"}", pad, "", token);
        if ((offset_of(inner, token) + strlen(token) - 1) % 3 == 0)
            break;
    }
    fake_base64_encode(inner, strlen(inner), false, true, b64, sizeof b64);
    size_t n = (size_t)snprintf(text, sizeof text,
                                "{\"content\":{\"mimeType\":\"application/json\",\"text\":\"");
    for (const char *c = b64; *c; c++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%s", *c == '/' ? "\\/" : (char[]){*c, 0});
    snprintf(text + n, sizeof text - n, "\",\"encoding\":\"base64\"}}\n");
    size_t token_quad_end = 4 * ((offset_of(inner, token) + strlen(token) + 2) / 3);
    assert_non_null(memchr(b64 + token_quad_end - 4, '/', 4)); /* the case under test */
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_STARS, text, cap);
    assert_int_equal(cap->count, 1);
    assert_json_valid(&cap->output);
    assert_null(memmem(cap->output.data, cap->output.size, token, strlen(token)));
    if (cap->output.size != strlen(text))
        fprintf(stderr, "  stars output %zu bytes, input %zu\n", cap->output.size, strlen(text));
    assert_int_equal(cap->output.size, strlen(text));
}

/* A base64 image body is not decoded text: nothing found, nothing changed. */
static void test_har_base64_binary(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 107);
    unsigned char png[620];
    memcpy(png, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    fake_bytes(&rng, png + 16, sizeof png - 16);
    char b64[1024], text[2048];
    fake_base64_encode(png, sizeof png, false, true, b64, sizeof b64);
    snprintf(text, sizeof text,
             "{\"content\":{\"mimeType\":\"image/png\",\"text\":\"%s\",\"encoding\":\"base64\"}}\n",
             b64);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, text, cap);
    assert_int_equal(cap->count, 0);
    assert_string_equal(cap->output.data, text);
}

/* Plain text is not tokenized, even when a line holds JSON: its findings
 * are "raw". */
static void test_plain_log_is_raw(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 108);
    char token[64], text[512];
    fake_npm_token(&rng, token, sizeof token);
    static const char *const first_lines[] = {"2026-11-22T04:05:06Z INFO start\n",
                                              "[2026-11-22T04:05:06Z] INFO start\n"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(text, sizeof text,
                 "%s2026-11-22T04:05:07Z INFO sent {\"note\":\"a\\u0026b\",\"data\":\"%s\"}\n",
                 first_lines[i], token);
        capture_t *cap = &focused;
        scan_checked(*state, HUSH_MASK_LABEL, text, cap);
        assert_int_equal(cap->count, 1);
        assert_string_equal(cap->seen[0].rule, "npm.access-token");
        assert_string_equal(cap->seen[0].encoding, "raw");
        assert_int_equal(cap->seen[0].offset, offset_of(text, token));
        assert_replaced(&cap->output, text, offset_of(text, token), strlen(token),
                        "[REDACTED:npm.access-token]");
    }
}

/* Regression (fixed): a JSON Lines record cut short where a newline may follow
 * ("{\"items\": [1, 2" then '\n') hides the NEXT record from the views: the
 * syntax error is only seen at that record's first byte, and the
 * tokenizer then skips to the end of that line.  An escaped secret in the
 * next record is neither found nor masked.  Expected: one finding at the
 * escaped token's raw span, as without the cut record (checked first). */
static void test_truncated_jsonl_record(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 110);
    char token[64], text[512], escaped[80];
    fake_github_token(&rng, NULL, token, sizeof token);
    snprintf(escaped, sizeof escaped, "\\u0067%s", token + 1);
    static const char *const middles[] = {"{\"note\": \"complete\"}", "{\"items\": [1, 2"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(text, sizeof text, "{\"note\": \"first\"}\n%s\n{\"data\": \"%s\"}\n", middles[i],
                 escaped);
        capture_t *cap = &focused;
        scan_checked(*state, HUSH_MASK_LABEL, text, cap);
        if (cap->count != 1)
            fprintf(stderr, "  %s second record: %zu findings\n", i ? "cut" : "complete",
                    cap->count);
        assert_int_equal(cap->count, 1);
        assert_int_equal(cap->seen[0].offset, offset_of(text, escaped));
        assert_int_equal(cap->seen[0].length, strlen(escaped));
        assert_string_equal(cap->seen[0].encoding, "json");
    }
}

/* Regression (fixed): a URL whose query has a name without '=' before a
 * fragment ("?v#top") made the parameter scan spin forever: a real 40 KB
 * documentation JSON hung hush.  A fragment ends the query; parameters
 * before it are still found.  The alarm turns a hang into a failure. */
static void test_url_fragment_ends_query(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 111);
    char sig[48], text[512];
    fake_alnum(&rng, 43, sig, sizeof sig);
    snprintf(text, sizeof text,
             "{\"doc\": \"see https://hush-example.contoso.com/a?v#top and "
             "https://hush-example.contoso.com/b?x&sig=%s#frag\"}\n",
             sig);
    alarm(10);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, text, cap);
    alarm(0);
    assert_int_equal(cap->count, 1);
    assert_string_equal(cap->seen[0].rule, "url.secret-parameter");
    assert_int_equal(cap->seen[0].offset, offset_of(text, sig));
}

/* Names that only suggest a secret (issue 10): the same random value under
 * such a name in each place a name can sit is one finding, at exactly its
 * bytes, by the rule of that place. */
static void test_secret_named_places(void **state)
{
    /* Each text is written with "%s" standing for the value. */
    static const struct {
        const char *format, *rule;
    } cases[] = {
        {"{\"function_key\": \"%s\"}\n", "json.secret-named-member"},
        {"{\"appConfig\": {\"sig\": \"%s\"}}\n", "json.secret-named-member"},
        {"{\"session_cookie\": \"%s\"}\n", "json.secret-named-member"},
        {"{\"clientSecretValue\": \"%s\"}\n", "json.secret-named-member"},
        {"{\"Ocp-Apim-Subscription-Key\": \"%s\"}\n", "json.secret-named-member"},
        {"{\"adminPassword2\": \"%s\"}\n", "json.password-named-member"},
        {"{\"name\": \"X-Auth-Token\", \"value\": \"%s\"}\n", "url.secret-named-parameter"},
        {"{\"value\": \"%s\", \"name\": \"x-ms-RefreshTokenCredential\"}\n",
         "http.session-cookie"},
        {"{\"name\": \"ESTSAUTHPERSISTENT\", \"value\": \"%s\"}\n", "http.session-cookie"},
        {"{\"name\": \".AspNetCore.Cookies\", \"value\": \"%s\"}\n", "http.session-cookie"},
        {"{\"name\": \"AppServiceAuthSession\", \"value\": \"%s\"}\n", "http.session-cookie"},
        {"{\"url\": \"https://hush-example.contoso.com/in?v=2&hook_secret=%s\"}\n",
         "url.secret-named-parameter"},
        {"{\"text\": \"client_id=hush&app_token=%s&scope=a\"}\n", "url.secret-named-parameter"},
        {"{\"url\": \"https://hush-example.contoso.com/cb?code=%s&state=hush\"}\n",
         "url.secret-named-parameter"},
        {"{\"name\": \"code\", \"value\": \"%s\"}\n", "url.secret-named-parameter"},
        {"{\"text\": \"user=hush&db_password=%s\"}\n", "url.password-named-parameter"},
    };
    fake_rng_t rng;
    fake_rng_init(&rng, 131);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char value[48], text[256];
        fake_alnum(&rng, 40, value, sizeof value);
        const char *slot = strstr(cases[i].format, "%s");
        assert_non_null(slot);
        snprintf(text, sizeof text, "%.*s%s%s", (int)(slot - cases[i].format), cases[i].format,
                 value, slot + 2);
        capture_t *cap = &focused;
        scan_checked(*state, HUSH_MASK_LABEL, text, cap);
        for (size_t k = 0; k < cap->count; k++)
            if (cap->count != 1 || strcmp(cap->seen[k].rule, cases[i].rule) != 0)
                fprintf(stderr, "  case %zu: finding %s at %llu+%llu\n", i, cap->seen[k].rule,
                        (unsigned long long)cap->seen[k].offset,
                        (unsigned long long)cap->seen[k].length);
        if (cap->count == 0)
            fprintf(stderr, "  case %zu: no finding\n", i);
        assert_int_equal(cap->count, 1);
        assert_string_equal(cap->seen[0].rule, cases[i].rule);
        assert_int_equal(cap->seen[0].offset, offset_of(text, value));
        assert_int_equal(cap->seen[0].length, 40);
        assert_json_valid(&cap->output);
        capture_free(cap);
    }
}

/* What those names hold when it is no secret stays quiet, at the lowest
 * confidence: settings whose names contain the words (tokenType,
 * keyVaultName, passwordPolicy, secretUri, ...), and under secret-like
 * names placeholders, expressions, booleans, numbers, URLs, GUIDs, dates,
 * Key Vault references, masked run history, paging cursors and OAuth
 * error codes. */
static void test_secret_named_quiet(void **state)
{
    static const char *const quiet[] = {
        "{\"tokenType\": \"Bearer\", \"token_type\": \"bearer\"}\n",
        "{\"token_endpoint\": \"https://login.microsoftonline.com/hush/oauth2/v2.0/token\"}\n",
        "{\"tokenLifetime\": \"3600\", \"max_tokens\": \"4096\", \"maxTokens\": \"128000\"}\n",
        "{\"keyVaultName\": \"hush-example-kv\", \"primaryKeyType\": \"StorageAccountKey\"}\n",
        "{\"keyId\": \"5f2b9c0e8a7d41f3b6c2e9a8d7f1c3b4\"}\n",
        "{\"passwordPolicy\": \"DisablePasswordExpiration\", "
        "\"passwordLastSet\": \"2024-11-02T08:15:00Z\"}\n",
        "{\"secretName\": \"hush-db-password\", "
        "\"secretUri\": \"https://hush-example-kv.vault.azure.net/secrets/db\"}\n",
        "{\"secretVersion\": \"0a1b2c3d4e5f60718293a4b5c6d7e8f9\"}\n",
        "{\"functionKey\": \"<your-function-key>\", \"hookSecret\": \"{{HOOK_SECRET}}\"}\n",
        "{\"githubToken\": \"@parameters('GitHubToken')\"}\n",
        "{\"myToken\": \"@{body('Get_secret')?['value']}\"}\n",
        "{\"accessKeyEnabled\": \"true\", \"storageKey\": \"false\", \"appKey\": \"12345678901\"}\n",
        "{\"signingKey\": \"https://hush-example.contoso.com/keys/signing\"}\n",
        "{\"partnerKey\": \"3f2a9c1e-7b4d-4e8a-9c2f-1d6b8e4a7c30\"}\n",
        "{\"secretExpiresOn\": \"2025-06-30T00:00:00Z\", \"apiTokenCreated\": \"2025-06-30\"}\n",
        "{\"dbPassword2\": \"@Microsoft.KeyVault(SecretUri=https://hush-example-kv.vault.azure.net/"
        "secrets/db/)\"}\n",
        "{\"adminPassword1\": \"Content not shown due to security configuration.\"}\n",
        "{\"partitionKey\": \"orders-2025\", \"rowKey\": \"c0ffee42deadbeef\", "
        "\"UserKey\": \"100320030B4446D5\"}\n",
        "{\"nextPageToken\": \"CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA1\"}\n",
        "{\"url\": \"https://graph.microsoft.com/v1.0/users?$skiptoken=RFNwdAIAAQAAAD8\"}\n",
        "{\"url\": \"https://hush-example.contoso.com/status?code=200&lang=en\"}\n",
        "{\"url\": \"https://hush-example.contoso.com/shop?code=SUMMER&x=1\"}\n",
        "{\"url\": \"https://hush-example.contoso.com/cb?error=access_denied&code=invalid_grant\"}\n",
        "{\"name\": \"Sec-WebSocket-Key\", \"value\": \"dGhlIHNhbXBsZSBub25jZQ==\"}\n",
        "{\"name\": \"ESTSAUTHPERSISTENT\", \"value\": \"deleted\"}\n",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++) {
        capture_t *cap = &focused;
        scan_checked(*state, HUSH_MASK_LABEL, quiet[i], cap);
        size_t named = 0;
        /* A Key Vault URL is an address pattern rules find (low): not a
         * finding by name. */
        for (size_t k = 0; k < cap->count; k++)
            if (strcmp(cap->seen[k].rule, "azure.keyvault.secret-url") != 0) {
                named++;
                fprintf(stderr, "  case %zu: finding %s at %llu+%llu\n", i, cap->seen[k].rule,
                        (unsigned long long)cap->seen[k].offset,
                        (unsigned long long)cap->seen[k].length);
            }
        assert_int_equal(named, 0);
        capture_free(cap);
    }
}

/* A pretty-printed export fed line by line with a flush after each: the
 * same findings and output as one read, and no secret is written before
 * its object is decided. */
static void test_flush_every_line(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 109);
    char token[64], bearer[41], text[2048];
    fake_slack_bot_token(&rng, token, sizeof token);
    fake_alnum(&rng, 40, bearer, sizeof bearer);
    snprintf(text, sizeof text,
             "{\n"
             "  \"entries\": [\n"
             "    {\n"
             "      \"request\": {\n"
             "        \"headers\": [\n"
             "          {\n"
             "            \"value\": \"Bearer %s\",\n"
             "            \"name\": \"Authorization\"\n"
             "          }\n"
             "        ],\n"
             "        \"note\": \"\\u0078%s\"\n"
             "      }\n"
             "    }\n"
             "  ]\n"
             "}\n",
             bearer, token + 1);
    hush_scanner_t *s = make_scanner(((fixture_t *)*state)->rules, HUSH_ENGINE_HYPERSCAN,
                                     HUSH_MASK_LABEL);
    capture_t whole = {0}, lines = {0};
    assert_true(scan_feeding(s, &whole, text, strlen(text), FEED_WHOLE, 1, NULL));
    assert_int_equal(whole.count, 2);
    doc_t d = {0};
    buf_str(&d.text, text);
    d.planted_count = 2;
    d.planted[0].start = offset_of(text, bearer);
    d.planted[0].end = d.planted[0].start + 40;
    d.planted[1].start = offset_of(text, "\\u0078");
    d.planted[1].end = d.planted[1].start + 6 + strlen(token) - 1;
    guard_t guard = {.doc = &d};
    assert_true(scan_feeding(s, &lines, text, strlen(text), FEED_LINES_FLUSHED, 1, &guard));
    assert_false(guard.leaked);
    assert_string_equal(lines.findings.data, whole.findings.data);
    assert_string_equal(lines.output.data, whole.output.data);
    assert_int_equal(whole.seen[0].offset, d.planted[0].start);
    assert_int_equal(whole.seen[1].offset, d.planted[1].start);
    assert_int_equal(whole.seen[1].length, d.planted[1].end - d.planted[1].start);
    doc_free(&d);
    capture_free(&whole);
    capture_free(&lines);
    hush_scanner_destroy(s);
}

/* ---- HTML in a value ------------------------------------------------------------ */

/* `text` written as the content of a JSON string. */
static void json_escape_into(buf_t *out, const char *text)
{
    for (const char *c = text; *c; c++) {
        if (*c == '"' || *c == '\\')
            buf_fmt(out, "\\%c", *c);
        else if (*c == '\n')
            buf_str(out, "\\n");
        else
            buf_put(out, c, 1);
    }
}

/* Names every finding (rule, view, span) when there are not `count`. */
static void print_findings_unless(const capture_t *cap, size_t count)
{
    for (size_t k = 0; cap->count != count && k < cap->count; k++)
        fprintf(stderr, "  finding %s (%s) at %llu+%llu\n", cap->seen[k].rule,
                cap->seen[k].encoding, (unsigned long long)cap->seen[k].offset,
                (unsigned long long)cap->seen[k].length);
}

/* A HAR whose one response body is `page`. */
static void har_with_page(buf_t *har, const char *page)
{
    buf_str(har, "{\"log\":{\"entries\":[{\"request\":{\"url\":\"https://app.contoso.example/\"},"
                 "\"response\":{\"content\":{\"mimeType\":\"text/html\",\"text\":\"");
    json_escape_into(har, page);
    buf_str(har, "\"}}}]}}\n");
}

/* The response body of a redacted HAR, parsed back (a copy to free). */
static char *har_page(const buf_t *out)
{
    cJSON *root = cJSON_Parse(buf_text(out));
    assert_non_null(root);
    const cJSON *entry =
        cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "log"), "entries"), 0);
    const cJSON *text = cJSON_GetObjectItem(
        cJSON_GetObjectItem(cJSON_GetObjectItem(entry, "response"), "content"), "text");
    assert_true(cJSON_IsString(text));
    char *page = strdup(text->valuestring);
    assert_non_null(page);
    cJSON_Delete(root);
    return page;
}

/* Replaces the one occurrence of `what` in *text by `with`. */
static void replace_once(buf_t *text, const char *what, const char *with)
{
    const char *at = strstr(buf_text(text), what);
    assert_non_null(at);
    buf_t out = {0};
    buf_put(&out, text->data, (size_t)(at - text->data));
    buf_str(&out, with);
    buf_str(&out, at + strlen(what));
    buf_free(text);
    *text = out;
}

typedef struct html_planted {
    const char *page_form;  /* the value as the page writes it */
    const char *rule, *encoding;
} html_planted_t;

/* A single-page app's HTML in a HAR response: every place a page keeps a
 * secret is found by the right rule, with the view that decoded it, at
 * exactly the raw bytes; the redacted HAR parses and its page is the
 * original with only the secrets replaced.  Placeholders, expressions,
 * template substitutions and comments stay quiet. */
static void test_html_page_in_har(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 121);
    char v[10][33], token[64], escaped_key[48], token_js[80], hidden[48];
    for (size_t i = 0; i < 10; i++)
        fake_alnum(&rng, 32, v[i], sizeof v[i]);
    fake_github_token(&rng, NULL, token, sizeof token);
    snprintf(escaped_key, sizeof escaped_key, "ab\\x63%s", v[4]);
    snprintf(token_js, sizeof token_js, "\\x%02x%s", (unsigned char)token[0], token + 1);
    snprintf(hidden, sizeof hidden, "%s&amp;x", v[7]);
    buf_t page = {0};
    buf_fmt(&page,
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            "<meta name=\"api-key\" content=\"%s\">"
            "<script src=\"/app.js\"></script>"
            "<script>window.__CONFIG__ = {\"accountKey\": \"%s\", primaryKey: '%s', "
            "sasToken: `%s`, note: \"@{parameters('k')}\", clientSecret: \"${secret}\", "
            "apiKey: \"YOUR_API_KEY\", privateKey: \"%s\"};\n"
            "// privateKey: \"%s\"\n"
            "var re = /\"[a-z]+\"/g, s = \"</scr\" + \"ipt>\"; var t = \"%s\";\n"
            "</script>"
            "<script type=\"application/json\">{\"accessKey\":\"%s\"}</script>"
            "</head><body><form action=\"/cb?x=1&amp;sig=%s\" method=\"post\">"
            "<input type=\"hidden\" name=\"client_secret\" value=\"%s\">"
            "<input type=\"hidden\" name=\"password\" value=\"changeme\">"
            "<div data-access-key=\"%s\"></div></form></body></html>",
            v[0], v[1], v[2], v[3], escaped_key, v[5], token_js, v[6], v[8], hidden, v[9]);
    const html_planted_t planted[] = {
        {v[0], "http.secret-header", "json+html"},
        {v[1], "json.secret-field", "json+js"},
        {v[2], "json.secret-field", "json+js"},
        {v[3], "json.secret-field", "json+js"},
        {escaped_key, "json.secret-field", "json+js"},
        {token_js, "github.pat.classic", "json+js"},
        {v[6], "json.secret-field", "json+json"},
        {v[8], "url.secret-parameter", "json+html"},
        {hidden, "url.secret-parameter", "json+html"},
        {v[9], "url.secret-named-parameter", "json+html"},
    };
    size_t count = sizeof planted / sizeof *planted;
    buf_t har = {0};
    har_with_page(&har, buf_text(&page));
    const char *text = buf_text(&har);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, text, cap);
    print_findings_unless(cap, count);
    assert_int_equal(cap->count, count);
    buf_t want = {0};
    buf_str(&want, buf_text(&page));
    for (size_t i = 0; i < count; i++) {
        buf_t raw = {0};
        json_escape_into(&raw, planted[i].page_form);
        const char *at = strstr(text, buf_text(&raw));
        assert_non_null(at);
        uint64_t offset = (uint64_t)(at - text);
        size_t k = 0;
        while (k < cap->count && cap->seen[k].offset != offset)
            k++;
        if (k == cap->count)
            fprintf(stderr, "  planted %zu (%s): no finding at %llu\n", i, planted[i].rule,
                    (unsigned long long)offset);
        assert_true(k < cap->count);
        assert_int_equal(cap->seen[k].length, raw.size);
        assert_string_equal(cap->seen[k].rule, planted[i].rule);
        assert_string_equal(cap->seen[k].encoding, planted[i].encoding);
        char mask[80];
        snprintf(mask, sizeof mask, "[REDACTED:%s]", planted[i].rule);
        replace_once(&want, planted[i].page_form, mask);
        buf_free(&raw);
    }
    assert_json_valid(&cap->output);
    char *redacted = har_page(&cap->output);
    assert_string_equal(redacted, buf_text(&want));
    free(redacted);
    /* Every mask keeps the HAR valid and leaves no secret readable in the
     * page, escapes and all (partial keeps an escape whole). */
    char decoded_key[48];
    snprintf(decoded_key, sizeof decoded_key, "abc%s", v[4]);
    for (hush_mask_t mask = HUSH_MASK_STARS; mask <= HUSH_MASK_HASH; mask++) {
        scan_checked(*state, mask, text, cap);
        assert_int_equal(cap->count, count);
        assert_json_valid(&cap->output);
        char *masked = har_page(&cap->output);
        for (size_t i = 0; i < 10; i++)
            if (i != 5) /* v[5] sits in a comment: no finding */
                assert_null(strstr(masked, v[i]));
        assert_null(strstr(masked, decoded_key));
        assert_null(strstr(masked, token + 1));
        assert_null(strstr(masked, "\\x*"));
        assert_non_null(strstr(masked, "</script><script type=\"application/json\">"));
        free(masked);
    }
    buf_free(&want);
    buf_free(&har);
    buf_free(&page);
}

/* The page of a HAR body marked base64: a script pair inside is found at
 * the base64 quads that hold it, and the body still decodes to the page
 * with only the secret's bytes made '*'. */
static void test_html_page_base64(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 122);
    char key[33];
    fake_alnum(&rng, 32, key, sizeof key);
    char page[512], b64[1024], text[2048];
    snprintf(page, sizeof page,
             "<html><head><script>var cfg = {tenant: 'contoso', accountKey: \"%s\"};</script>"
             "</head><body>hush test page</body></html>",
             key);
    fake_base64_encode(page, strlen(page), false, true, b64, sizeof b64);
    snprintf(text, sizeof text,
             "{\"log\":{\"entries\":[{\"response\":{\"content\":{\"mimeType\":\"text/html\","
             "\"encoding\":\"base64\",\"text\":\"%s\"}}}]}}\n",
             b64);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, text, cap);
    assert_int_equal(cap->count, 1);
    assert_string_equal(cap->seen[0].rule, "json.secret-field");
    assert_string_equal(cap->seen[0].encoding, "json+base64+js");
    size_t body = offset_of(text, b64), d = offset_of(page, key), d_end = d + strlen(key);
    assert_int_equal(cap->seen[0].offset, body + 4 * (d / 3));
    assert_int_equal(cap->seen[0].offset + cap->seen[0].length, body + 4 * ((d_end + 2) / 3));
    assert_int_equal(cap->output.size, strlen(text));
    buf_t out = {0};
    buf_put(&out, cap->output.data, cap->output.size);
    char *redacted = har_page(&out);
    unsigned char decoded[1024];
    size_t n = 0;
    assert_true(base64_decode_any(redacted, strlen(redacted), decoded, &n));
    assert_int_equal(n, strlen(page));
    assert_memory_equal(decoded, page, d);
    for (size_t i = d; i < d_end; i++)
        assert_int_equal(decoded[i], '*');
    assert_memory_equal(decoded + d_end, page + d_end, n - d_end);
    free(redacted);
    buf_free(&out);
}

/* Hostile pages end: unterminated strings, comments, tags, attribute
 * values and regular expressions, "</script>" inside a string (HTML ends
 * the script there, so what follows is markup).  Everything is scanned the
 * same whatever the split, and the input after the damage still counts. */
static void test_html_hostile_pages(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 123);
    char v[33];
    fake_alnum(&rng, 32, v, sizeof v);
    char page[1024];
    snprintf(page, sizeof page,
             "<script>var a = \"</script><input type=hidden name=client_secret value=%s>"
             "<script>x = /[/\"]+/g; y = `a${`b`}c`; z = 'unterminated\n"
             "/* never closed <meta name=\"api-key\" content=\"x\">"
             "</script><div data-api-key='unterminated <!-- never closed"
             "<script type=\"application/json\">{\"a\":",
             v);
    buf_t har = {0};
    har_with_page(&har, page);
    capture_t *cap = &focused;
    scan_checked(*state, HUSH_MASK_LABEL, buf_text(&har), cap);
    print_findings_unless(cap, 1);
    assert_int_equal(cap->count, 1);
    assert_string_equal(cap->seen[0].rule, "url.secret-parameter");
    assert_string_equal(cap->seen[0].encoding, "json+html");
    assert_int_equal(cap->seen[0].offset, offset_of(buf_text(&har), v));
    assert_json_valid(&cap->output);
    buf_free(&har);
    static const char *const endless[] = {
        "<script>'", "<script>/*", "<script>//", "<script>/", "<script>`${", "<script>a:\"",
        "<input name=\"", "<meta name=password content='", "<!--", "<script", "<", "<a href=",
        "<script type=application/json>{\"password\":\"", "<div data-x=\"&",
    };
    for (size_t i = 0; i < sizeof endless / sizeof *endless; i++) {
        buf_t h = {0};
        har_with_page(&h, endless[i]);
        scan_checked(*state, HUSH_MASK_LABEL, buf_text(&h), cap);
        print_findings_unless(cap, 0);
        assert_int_equal(cap->count, 0);
        buf_free(&h);
    }
}

/* Tag and type names in any case; a script with src=, or of a template
 * type, holds no configuration. */
static void test_html_script_kinds(void **state)
{
    fake_rng_t rng;
    fake_rng_init(&rng, 124);
    char v[33];
    fake_alnum(&rng, 32, v, sizeof v);
    static const struct {
        const char *open;
        size_t findings;
    } cases[] = {
        {"<SCRIPT TYPE=\"text/JavaScript\">", 1},
        {"<script type=module>", 1},
        {"<script type=\"text/x-template\">", 0},
        {"<script src=\"/app.js\">", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char page[256];
        snprintf(page, sizeof page, "<html>%svar cfg = {AccountKey: \"%s\"};</script></html>",
                 cases[i].open, v);
        buf_t har = {0};
        har_with_page(&har, page);
        capture_t *cap = &focused;
        scan_checked(*state, HUSH_MASK_LABEL, buf_text(&har), cap);
        print_findings_unless(cap, cases[i].findings);
        assert_int_equal(cap->count, cases[i].findings);
        if (cases[i].findings) {
            assert_string_equal(cap->seen[0].encoding, "json+js");
            assert_int_equal(cap->seen[0].offset, offset_of(buf_text(&har), v));
        }
        buf_free(&har);
    }
}

int main(int argc, char **argv)
{
    /* argv[0] is BUILD/tests/test_views. */
    const char *slash = argc > 0 ? strrchr(argv[0], '/') : NULL;
    if (slash && (size_t)(slash - argv[0]) + 16 < sizeof cache_dir) {
        memcpy(cache_dir, argv[0], (size_t)(slash - argv[0]));
        snprintf(cache_dir + (slash - argv[0]), sizeof cache_dir - (size_t)(slash - argv[0]),
                 "/../cache");
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_property_json),
        cmocka_unit_test(test_property_csv),
        cmocka_unit_test_teardown(test_run_export_sig, free_focused),
        cmocka_unit_test_teardown(test_escaped_slashes, free_focused),
        cmocka_unit_test_teardown(test_surrogate_pair_next_to_secret, free_focused),
        cmocka_unit_test_teardown(test_har_header_name_first, free_focused),
        cmocka_unit_test_teardown(test_har_header_value_first, free_focused),
        cmocka_unit_test_teardown(test_keyvault_result, free_focused),
        cmocka_unit_test_teardown(test_password_member_values, free_focused),
        cmocka_unit_test_teardown(test_escaped_member_fingerprint, free_focused),
        cmocka_unit_test_teardown(test_partial_mask_inside_escape, free_focused),
        cmocka_unit_test_teardown(test_multiline_secret_every_view, free_focused),
        cmocka_unit_test_teardown(test_har_base64_wrapped_multiline, free_focused),
        cmocka_unit_test_teardown(test_har_base64_body, free_focused),
        cmocka_unit_test_teardown(test_har_base64_body_escaped, free_focused),
        cmocka_unit_test_teardown(test_har_base64_escaped_slash_stars, free_focused),
        cmocka_unit_test_teardown(test_har_base64_binary, free_focused),
        cmocka_unit_test_teardown(test_plain_log_is_raw, free_focused),
        cmocka_unit_test_teardown(test_flush_every_line, free_focused),
        cmocka_unit_test_teardown(test_truncated_jsonl_record, free_focused),
        cmocka_unit_test_teardown(test_url_fragment_ends_query, free_focused),
        cmocka_unit_test_teardown(test_secret_named_places, free_focused),
        cmocka_unit_test_teardown(test_secret_named_quiet, free_focused),
        cmocka_unit_test_teardown(test_html_page_in_har, free_focused),
        cmocka_unit_test_teardown(test_html_page_base64, free_focused),
        cmocka_unit_test_teardown(test_html_hostile_pages, free_focused),
        cmocka_unit_test_teardown(test_html_script_kinds, free_focused),
    };
    return cmocka_run_group_tests_name("views", tests, setup, teardown);
}

