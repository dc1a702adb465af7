/*
 * Unit tests for the validators (scanner/validate.c, checksum.c, entropy.c,
 * decode.c's plain base64, placeholder.c): checksums, JWT structure, entropy,
 * base64 and placeholder detection.
 *
 * Every secret-shaped value here is FAKE: drawn from tests/fake_secrets.c
 * with a fixed seed, or built from text that says "hush test".  Failure
 * messages name the kind and index of a value, never the value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fake_secrets.h"
#include "checksum.h"
#include "decode.h"
#include "entropy.h"
#include "placeholder.h"
#include "validate.h"

#define GENERATED_PER_KIND 10000
#define TEST_SEED UINT64_C(0x6875736874657374) /* "hushtest" */
/* 2100-01-01, so generated tokens read as unexpired wherever they end up. */
#define FAR_FUTURE_EXP INT64_C(4102444800)

static hushi_validation_t run(const char *validator, const char *value)
{
    hushi_validator_fn fn = hushi_validator_lookup(validator);
    assert_non_null(fn);
    return fn((const unsigned char *)value, strlen(value));
}

static bool placeholder(const char *value)
{
    return hushi_is_placeholder((const unsigned char *)value, strlen(value));
}

/* ---- Marvin32 known answers ------------------------------------------------
 * Vectors from .NET's own Marvin tests: dotnet/runtime (formerly
 * dotnet/corefx) MarvinTests.cs, class Tests.System.MarvinTests, data
 * "TestDataAndExpectedHashes" (seeds Seed1/Seed2/Seed3).  Expected values
 * are the 64-bit Marvin.ComputeHash results: high half p1, low half p0. */

typedef struct marvin_vector {
    uint64_t seed;
    const char *hex;
    uint64_t expected;
} marvin_vector_t;

#define SEED1 UINT64_C(0x004FB61A001BDBCC)
#define SEED2 UINT64_C(0x804FB61A001BDBCC)
#define SEED3 UINT64_C(0x804FB61A801BDBCC)

static const marvin_vector_t marvin_vectors[] = {
    {SEED1, "", UINT64_C(0x30ED35C100CD3C7D)},
    {SEED1, "af", UINT64_C(0x48E73FC77D75DDC1)},
    {SEED1, "e70f", UINT64_C(0xB5F6E1FC485DBFF8)},
    {SEED1, "37f495", UINT64_C(0xF0B07C789B8CF7E8)},
    {SEED1, "8642dc59", UINT64_C(0x7008F2E87E9CF556)},
    {SEED1, "153fb79826", UINT64_C(0xE6C08C6DA2AFA997)},
    {SEED1, "0932e6246c47", UINT64_C(0x6F04BF1A5EA24060)},
    {SEED1, "ab427ea8d10fc7", UINT64_C(0xE11847E4F0678C41)},
    {SEED2, "", UINT64_C(0x10A9D5D3996FD65D)},
    {SEED2, "af", UINT64_C(0x68201F91960EBF91)},
    {SEED2, "e70f", UINT64_C(0x64B581631F6AB378)},
    {SEED2, "37f495", UINT64_C(0xE1F2DFA6E5131408)},
    {SEED2, "8642dc59", UINT64_C(0x36289D9654FB49F6)},
    {SEED2, "153fb79826", UINT64_C(0x0A06114B13464DBD)},
    {SEED2, "0932e6246c47", UINT64_C(0xD6DD5E40AD1BC2ED)},
    {SEED2, "ab427ea8d10fc7", UINT64_C(0xE203987DBA252FB3)},
    {SEED3, "00", UINT64_C(0xA37FB0DA2ECAE06C)},
    {SEED3, "FF", UINT64_C(0xFECEF370701AE054)},
    {SEED3, "00FF", UINT64_C(0xA638E75700048880)},
    {SEED3, "FF00", UINT64_C(0xBDFB46D969730E2A)},
    {SEED3, "FF00FF", UINT64_C(0x9D8577C0FE0D30BF)},
    {SEED3, "00FF00", UINT64_C(0x4F9FBDDE15099497)},
    {SEED3, "00FF00FF", UINT64_C(0x24EAA279D9A529CA)},
    {SEED3, "FF00FF00", UINT64_C(0xD3BEC7726B057943)},
    {SEED3, "FF00FF00FF", UINT64_C(0x920B62BBCA3E0B72)},
    {SEED3, "00FF00FF00", UINT64_C(0x1D7DDF9DFDF3C1BF)},
    {SEED3, "00FF00FF00FF", UINT64_C(0xEC21276A17E821A5)},
    {SEED3, "FF00FF00FF00", UINT64_C(0x6911A53CA8C12254)},
    {SEED3, "FF00FF00FF00FF", UINT64_C(0xFDFD187B1D3CE784)},
    {SEED3, "00FF00FF00FF00", UINT64_C(0x71876F2EFB1B0EE8)},
};

static size_t hex_to_bytes(const char *hex, unsigned char *out)
{
    size_t n = strlen(hex) / 2;
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        assert_int_equal(sscanf(hex + 2 * i, "%2x", &v), 1);
        out[i] = (unsigned char)v;
    }
    return n;
}

static void test_marvin32_dotnet_vectors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof marvin_vectors / sizeof marvin_vectors[0]; i++) {
        unsigned char data[16];
        size_t n = hex_to_bytes(marvin_vectors[i].hex, data);
        uint64_t got = hushi_marvin32(data, n, marvin_vectors[i].seed);
        if (got != marvin_vectors[i].expected)
            fail_msg("Marvin32 vector %zu (%s): got %016llx, want %016llx", i,
                     marvin_vectors[i].hex, (unsigned long long)got,
                     (unsigned long long)marvin_vectors[i].expected);
    }
}

/* Longer inputs take the 4-bytes-at-a-time path many times; the hash must
 * still depend on every byte. */
static void test_marvin32_every_byte_counts(void **state)
{
    (void)state;
    unsigned char data[37];
    memset(data, 'z', sizeof data);
    uint64_t base = hushi_marvin32(data, sizeof data, SEED1);
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = 'y';
        assert_true(hushi_marvin32(data, sizeof data, SEED1) != base);
        data[i] = 'z';
    }
    assert_true(hushi_marvin32(data, sizeof data - 1, SEED1) != base);
}

/* ---- Entra ID client secrets -------------------------------------------- */

/* Microsoft's own published sample of the current form, from
 * microsoft/security-utilities (AadClientAppIdentifiableCredentials,
 * GenerateTruePositiveExamples): "zzz8Q~" + 31 'z' + checksum "blP". */
static void test_entra_microsoft_sample(void **state)
{
    (void)state;
    char sample[HUSHI_ENTRA_SECRET_SIZE + 1];
    memcpy(sample, "zzz8Q~", 6);
    memset(sample + 6, 'z', 31);
    memcpy(sample + 37, "blP", 4);
    char sum[HUSHI_ENTRA_CHECKSUM_SIZE];
    hushi_entra_checksum((const unsigned char *)sample, HUSHI_ENTRA_CHECKSUMMED_SIZE, sum);
    assert_memory_equal(sum, "blP", 3);
    assert_int_equal(run("entra-client-secret", sample), HUSHI_VALIDATION_CHECKSUM);
    sample[39] = 'Q';
    assert_int_equal(run("entra-client-secret", sample), HUSHI_VALIDATION_FAILED);

    /* Microsoft's legacy sample: "yyy7Q~" + 31 'y', no checksum to check. */
    char legacy[38];
    memcpy(legacy, "yyy7Q~", 6);
    memset(legacy + 6, 'y', 31);
    legacy[37] = '\0';
    assert_int_equal(run("entra-client-secret", legacy), HUSHI_VALIDATION_NOT_APPLICABLE);
}

/* A checksum whose base-66 value needs fewer than 6 digits is left-padded
 * with 'a' before the first 3 are kept (Microsoft's CustomAlphabetEncoder
 * pads to 6).  Expected values from an independent Python implementation
 * that also reproduces "blP" above. */
static void test_entra_checksum_padding(void **state)
{
    (void)state;
    assert_int_equal(run("entra-client-secret", "hus8Q~hush.test.fake.entra.0000000002a3c"),
                     HUSHI_VALIDATION_CHECKSUM);
    /* The same value without padding would end "3c0": that must not pass. */
    assert_int_equal(run("entra-client-secret", "hus8Q~hush.test.fake.entra.00000000023c0"),
                     HUSHI_VALIDATION_FAILED);
    assert_int_equal(run("entra-client-secret", "hus8Q~hush.test.fake.entra.0000000000bUp"),
                     HUSHI_VALIDATION_CHECKSUM);
}

static const char entra_chars[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890.-_~";


static void test_entra_generated(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED);
    char s[FAKE_MAX_SIZE];
    for (int i = 0; i < GENERATED_PER_KIND; i++) {
        assert_int_equal(fake_entra_secret(&rng, s, sizeof s), HUSHI_ENTRA_SECRET_SIZE);
        if (run("entra-client-secret", s) != HUSHI_VALIDATION_CHECKSUM)
            fail_msg("generated Entra secret %d does not validate", i);
        /* Any position but the "8Q~" signature, which makes it another form. */
        size_t pos = fake_rng_below(&rng, 37);
        pos = pos < 3 ? pos : pos + 3;
        fake_flip(&rng, s, pos, entra_chars);
        if (run("entra-client-secret", s) != HUSHI_VALIDATION_FAILED)
            fail_msg("Entra secret %d with position %zu changed still validates", i, pos);
    }
}

static void test_entra_not_applicable(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 1);
    char s[FAKE_MAX_SIZE];
    for (int i = 0; i < 100; i++) {
        assert_int_equal(fake_entra_secret_legacy(&rng, s, sizeof s), 37);
        assert_int_equal(run("entra-client-secret", s), HUSHI_VALIDATION_NOT_APPLICABLE);
    }
    fake_entra_secret(&rng, s, sizeof s);
    char copy[FAKE_MAX_SIZE];
    strcpy(copy, s);
    copy[39] = '\0'; /* 39 characters */
    assert_int_equal(run("entra-client-secret", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    strcpy(copy, s);
    copy[3] = '9'; /* unknown version */
    assert_int_equal(run("entra-client-secret", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    strcpy(copy, s);
    copy[10] = '+'; /* outside the secret alphabet */
    assert_int_equal(run("entra-client-secret", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    assert_int_equal(run("entra-client-secret", ""), HUSHI_VALIDATION_NOT_APPLICABLE);
}

/* ---- GitHub tokens --------------------------------------------------------- */

/* CRC32 check value of "123456789" is 0xCBF43926 (the published check for
 * CRC-32/ISO-HDLC, which zlib implements); in base62 "3jZRME".  The other
 * expectations come from Python's zlib.crc32 with an independent base62. */
static void test_github_checksum_known_answers(void **state)
{
    (void)state;
    char sum[HUSHI_GITHUB_CHECKSUM_SIZE];
    hushi_github_checksum((const unsigned char *)"123456789", 9, sum);
    assert_memory_equal(sum, "3jZRME", 6);
    assert_int_equal(run("github-crc32", "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"),
                     HUSHI_VALIDATION_CHECKSUM);
    /* A small CRC is left-padded with '0'. */
    assert_int_equal(run("github-crc32", "ghs_hushtestpad00000000000000000010UNRFe"),
                     HUSHI_VALIDATION_CHECKSUM);
    assert_int_equal(run("github-crc32", "ghs_hushtestpad0000000000000000001UNRFe0"),
                     HUSHI_VALIDATION_FAILED);
}

static const char base62_chars[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static void test_github_generated(void **state)
{
    (void)state;
    static const char *const prefixes[] = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 2);
    char s[FAKE_MAX_SIZE];
    for (int i = 0; i < GENERATED_PER_KIND; i++) {
        const char *prefix = prefixes[i % 5];
        assert_int_equal(fake_github_token(&rng, prefix, s, sizeof s), 40);
        assert_memory_equal(s, prefix, 4);
        if (run("github-crc32", s) != HUSHI_VALIDATION_CHECKSUM)
            fail_msg("generated GitHub token %d does not validate", i);
        if (run("github-crc32", s + 4) != HUSHI_VALIDATION_CHECKSUM)
            fail_msg("body of generated GitHub token %d does not validate", i);
        size_t pos = 4 + fake_rng_below(&rng, 36);
        fake_flip(&rng, s, pos, base62_chars);
        if (run("github-crc32", s) != HUSHI_VALIDATION_FAILED)
            fail_msg("GitHub token %d with position %zu changed still validates", i, pos);
    }
}

static void test_github_not_applicable(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 3);
    char s[FAKE_MAX_SIZE], copy[FAKE_MAX_SIZE];
    fake_github_token(&rng, "ghp_", s, sizeof s);
    strcpy(copy, s);
    memcpy(copy, "ghx_", 4); /* unknown prefix */
    assert_int_equal(run("github-crc32", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    strcpy(copy, s);
    copy[39] = '\0';
    assert_int_equal(run("github-crc32", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    strcpy(copy, s);
    copy[20] = '_';
    assert_int_equal(run("github-crc32", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    assert_int_equal(run("github-crc32", "github_pat_hush_test"), HUSHI_VALIDATION_NOT_APPLICABLE);
    assert_int_equal(run("github-crc32", ""), HUSHI_VALIDATION_NOT_APPLICABLE);
}

/* ---- JWT ------------------------------------------------------------------ */

/* header.payload.signature from JSON text; "" signature allowed. */
static void make_jwt(const char *header, const char *payload, const char *sig, char *out,
                     size_t cap)
{
    size_t o = fake_base64_encode(header, strlen(header), true, false, out, cap);
    out[o++] = '.';
    o += fake_base64_encode(payload, strlen(payload), true, false, out + o, cap - o);
    snprintf(out + o, cap - o, ".%s", sig);
}

static const char jwt_payload[] = "{\"iss\":\"hush test\",\"aud\":\"api://hush-test\",\"exp\":1}";
static const char jwt_sig[] = "aHVzaCB0ZXN0IGZha2Ugc2lnbmF0dXJl";

static hushi_validation_t jwt_of(const char *header, const char *payload, const char *sig)
{
    char token[2048];
    make_jwt(header, payload, sig, token, sizeof token);
    return run("jwt", token);
}

static void test_jwt_generated(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 4);
    char s[FAKE_MAX_SIZE];
    for (int i = 0; i < 1000; i++) {
        assert_true(fake_jwt(&rng, FAR_FUTURE_EXP, s, sizeof s) > 0);
        assert_memory_equal(s, "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.", 37);
        if (run("jwt", s) != HUSHI_VALIDATION_STRUCTURE)
            fail_msg("generated JWT %d is not a JWT", i);
    }
}

static void test_jwt_structure(void **state)
{
    (void)state;
    const char *ok_header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    assert_int_equal(jwt_of(ok_header, jwt_payload, jwt_sig), HUSHI_VALIDATION_STRUCTURE);
    /* Unsecured JWT: empty signature. */
    assert_int_equal(jwt_of("{\"alg\":\"none\"}", jwt_payload, ""), HUSHI_VALIDATION_STRUCTURE);
    /* Whitespace inside and after the JSON is still JSON. */
    assert_int_equal(jwt_of("{ \"alg\" : \"HS256\" }\n", jwt_payload, jwt_sig),
                     HUSHI_VALIDATION_STRUCTURE);

    assert_int_equal(jwt_of("{\"typ\":\"JWT\"}", jwt_payload, jwt_sig), HUSHI_VALIDATION_FAILED);
    assert_int_equal(jwt_of("{\"alg\":256}", jwt_payload, jwt_sig), HUSHI_VALIDATION_FAILED);
    assert_int_equal(jwt_of("[\"alg\",\"RS256\"]", jwt_payload, jwt_sig), HUSHI_VALIDATION_FAILED);
    assert_int_equal(jwt_of("hush test, not json", jwt_payload, jwt_sig), HUSHI_VALIDATION_FAILED);
    assert_int_equal(jwt_of("{\"alg\":\"RS256\"} trailing", jwt_payload, jwt_sig),
                     HUSHI_VALIDATION_FAILED);
    assert_int_equal(jwt_of(ok_header, "hush test payload", jwt_sig), HUSHI_VALIDATION_FAILED);
    assert_int_equal(jwt_of(ok_header, "\"a string\"", jwt_sig), HUSHI_VALIDATION_FAILED);
    assert_int_equal(jwt_of(ok_header, "", jwt_sig), HUSHI_VALIDATION_FAILED);
}

static void test_jwt_shape(void **state)
{
    (void)state;
    char token[2048], padded[2048];
    make_jwt("{\"alg\":\"RS256\"}", jwt_payload, jwt_sig, token, sizeof token);
    assert_int_equal(run("jwt", token), HUSHI_VALIDATION_STRUCTURE);

    /* Padding is optional: the same header with its '=' kept still decodes. */
    char header[64];
    const char *spaced = "{\"alg\":\"HS256\"} "; /* 16 bytes: base64 ends "==" */
    fake_base64_encode(spaced, strlen(spaced), true, true, header, sizeof header);
    assert_non_null(strchr(header, '='));
    snprintf(padded, sizeof padded, "%s%s", header, strchr(token, '.'));
    assert_int_equal(run("jwt", padded), HUSHI_VALIDATION_STRUCTURE);

    char *last_dot = strrchr(token, '.');
    *last_dot = '\0'; /* two parts */
    assert_int_equal(run("jwt", token), HUSHI_VALIDATION_FAILED);
    *last_dot = '.';
    strcat(token, ".c2ln"); /* four parts */
    assert_int_equal(run("jwt", token), HUSHI_VALIDATION_FAILED);
    make_jwt("{\"alg\":\"RS256\"}", jwt_payload, "a+b/c", token, sizeof token);
    assert_int_equal(run("jwt", token), HUSHI_VALIDATION_FAILED);
    assert_int_equal(run("jwt", "no dots at all"), HUSHI_VALIDATION_FAILED);
    assert_int_equal(run("jwt", ".."), HUSHI_VALIDATION_FAILED);
    assert_int_equal(run("jwt", ""), HUSHI_VALIDATION_FAILED);
}

/* ---- lookup ---------------------------------------------------------------- */

static void test_validator_lookup(void **state)
{
    (void)state;
    const char *const *names = hushi_validator_names();
    size_t count = 0;
    for (; names[count]; count++)
        assert_non_null(hushi_validator_lookup(names[count]));
    assert_int_equal(count, 9);
    assert_string_equal(names[0], "github-crc32");
    assert_string_equal(names[1], "entra-client-secret");
    assert_string_equal(names[2], "jwt");
    assert_string_equal(names[3], "npm-crc32");
    assert_string_equal(names[8], "pypi-macaroon");
    assert_true(hushi_validator_lookup("github-crc32") != hushi_validator_lookup("jwt"));
    assert_null(hushi_validator_lookup("JWT"));
    assert_null(hushi_validator_lookup("luhn"));
    assert_null(hushi_validator_lookup(""));
    assert_null(hushi_validator_lookup(NULL));
}

/* ---- entropy --------------------------------------------------------------- */

static double entropy(const char *s)
{
    return hushi_entropy_bits((const unsigned char *)s, strlen(s));
}

static void test_entropy(void **state)
{
    (void)state;
    assert_true(entropy("") == 0.0);
    assert_true(entropy("aaaa") == 0.0);
    assert_float_equal(entropy("ab"), 1.0, 1e-12);
    assert_float_equal(entropy("abab"), 1.0, 1e-12);
    assert_float_equal(entropy("0123456789abcdef"), 4.0, 1e-12);
    assert_float_equal(entropy("aab"), -(2.0 / 3 * log2(2.0 / 3) + 1.0 / 3 * log2(1.0 / 3)), 1e-12);
    unsigned char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (unsigned char)i;
    assert_float_equal(hushi_entropy_bits(all, sizeof all), 8.0, 1e-12);

    /* A generated base62 secret sits far above a typed word. */
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 5);
    char s[FAKE_MAX_SIZE];
    fake_alnum(&rng, 40, s, sizeof s);
    assert_true(entropy(s) > 4.5);
    assert_true(entropy("password") < 3.0);
}

/* ---- base64 ---------------------------------------------------------------- */

static bool decode(const char *in, unsigned char *out, size_t *n)
{
    return hushi_base64_decode(in, strlen(in), out, n);
}

static void test_base64_decode(void **state)
{
    (void)state;
    unsigned char out[64];
    size_t n = 99;
    assert_true(decode("aGVsbG8=", out, &n));
    assert_int_equal(n, 5);
    assert_memory_equal(out, "hello", 5);
    assert_true(decode("aGVsbG8", out, &n));
    assert_int_equal(n, 5);
    assert_memory_equal(out, "hello", 5);
    assert_true(decode("QQ==", out, &n));
    assert_int_equal(n, 1);
    assert_int_equal(out[0], 'A');
    assert_true(decode("", out, &n));
    assert_int_equal(n, 0);

    static const unsigned char fb[] = {0xfb, 0xff, 0xbf};
    assert_true(decode("-_-_", out, &n));
    assert_int_equal(n, 3);
    assert_memory_equal(out, fb, 3);
    assert_true(decode("+/+/", out, &n));
    assert_int_equal(n, 3);
    assert_memory_equal(out, fb, 3);

    assert_false(decode("aGVs bG8=", out, &n));
    assert_false(decode("aGVsbG8=\n", out, &n));
    assert_false(decode("aG*sbG8=", out, &n));
    assert_false(decode("aG=sbG8=", out, &n));
    assert_false(decode("aGVsb", out, &n)); /* 5 characters: one is left over */
    assert_false(decode("QQ===", out, &n));

    /* Round trip of random bytes through both alphabets. */
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 6);
    for (size_t len = 0; len < 40; len++) {
        unsigned char raw[40];
        char text[64];
        fake_bytes(&rng, raw, len);
        for (int url = 0; url < 2; url++)
            for (int pad = 0; pad < 2; pad++) {
                size_t t = fake_base64_encode(raw, len, url, pad, text, sizeof text);
                assert_true(hushi_base64_decode(text, t, out, &n));
                assert_int_equal(n, len);
                assert_memory_equal(out, raw, len);
            }
    }
}

/* ---- placeholders ---------------------------------------------------------- */

static void test_placeholders_recognised(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "",
        "   ",
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "<your-api-key>",
        "<client secret>",
        "${CLIENT_SECRET}",
        "{{ client_secret }}",
        "{{secret}}",
        "$(ClientSecret)",
        "#{ClientSecret}#",
        "%CLIENT_SECRET%",
        "$CLIENT_SECRET",
        "$env:CLIENT_SECRET",
        "{password}",
        "@parameters('clientSecret')",
        "@{body('Get_secret')?['value']}",
        "@body('Get_secret')?['value']",
        "@outputs('Get_secret')?['body/value']",
        "@Microsoft.KeyVault(SecretUri=https://hush-test.vault.azure.net/secrets/x/)",
        "[parameters('storageKey')]",
        "Content not shown due to security configuration.",
        "\"Content not shown due to security configuration.\"",
        "REDACTED",
        "[REDACTED]",
        "[REDACTED:azure.storage.key]",
        "<redacted>",
        "[FILTERED]",
        "***",
        "****************",
        "ab***cd",
        "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2",
        "xxxx",
        "XXXXXXXXXXXXXXXXXXXX",
        "AKIAXXXXXXXXXXXXXXXX",
        "sk_live_xxxx",
        "xxxx-xxxx-xxxx-xxxx",
        "abcDEF123xxxxxxx",
        "aaaaaaaaaaaaaaaa",
        "0000000000000000000000000000000000000000",
        "sk_test_0000000000000000000000000000",
        "12345678",
        "abc8Q~defghijklmnopqrstuvwxyz-_.~0123456",
        "changeme",
        "ChangeMe123",
        "CHANGE_ME",
        "password",
        "Password",
        "secret",
        "'secret'",
        "placeholder",
        "my-placeholder-value",
        "dummy",
        "DummySecret42",
        "your_api_key",
        "YOUR-CLIENT-SECRET",
        "yourpassword",
        "your.key.goes.here",
        "insert_key_here",
        "null",
        "None",
        "undefined",
        "x",
    };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (!placeholder(yes[i]))
            fail_msg("placeholder table entry %zu (\"%s\") not recognised", i, yes[i]);
}

static void test_real_looking_values_kept(void **state)
{
    (void)state;
    /* Typed-looking but plausible real credentials: a placeholder verdict
     * here would hide a leak. */
    static const char *const no[] = {
        "Xk9mQ2vL7pZ",
        "hunter2",
        "test1234!",
        "TestPassw0rd!",
        "S3cr3tP4ss",
        "Summer2024!",
        "$ecret1",
        "MyS3cretKey#2024",
        "p@ss-prod-7731",
        "Tx7xxQ9",
        "abxxxcd",
        "qwxxxxz9Lm2",
        "1234567",
        "abcdefg",
        "correct horse battery staple",
        "aGVsbG8gaHVzaCB0ZXN0IGZha2U=",
        "0.AUoA-hush-test-refresh-token-1b9f2c",
        /* encoded keys hold long runs: an OpenSSH key body's zero bytes */
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
        "hushTestFake0123456789xQ7LmZp2Vr",
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (placeholder(no[i]))
            fail_msg("value %zu of the keep table wrongly called a placeholder", i);
}

/* Long random values (JWTs, PEM bodies) may hold a short marker word by
 * chance, so only unambiguous markers count there. */
/* A slot is never a finding; a look-alike keeps a format rule's finding at
 * low confidence (a fake or a doc sample, shown by --min-confidence low). */
static void test_placeholder_kinds(void **state)
{
    (void)state;
    static const char *const slots[] = {
        "${CLIENT_SECRET}", "@parameters('clientSecret')", "secretref:sql-admin-password",
        "keyvaultref:https://hush-test.vault.azure.net/secrets/x,identityref:/sub/id",
        "@Microsoft.KeyVault(SecretName=x)", "[REDACTED]", "***", "password", "changeme",
        "Content not shown due to security configuration.",
    };
    static const char *const lookalikes[] = {
        "xxxx-xxxx-xxxx-xxxx", "aaaaaaaaaaaaaaaa", "AKIAIOSFODNN7EXAMPLE", "12345678",
        "sk_live_xxxx", "hushXXXXXXXXXXXXXXXX",
    };
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++)
        assert_int_equal(hushi_placeholder_kind((const unsigned char *)slots[i], strlen(slots[i])),
                         HUSHI_PLACEHOLDER_SLOT);
    for (size_t i = 0; i < sizeof lookalikes / sizeof *lookalikes; i++)
        assert_int_equal(hushi_placeholder_kind((const unsigned char *)lookalikes[i],
                                                strlen(lookalikes[i])),
                         HUSHI_PLACEHOLDER_LOOKALIKE);
    const char *random = "Zq8vN2kLp4Rw7Ty1";
    assert_int_equal(hushi_placeholder_kind((const unsigned char *)random, strlen(random)),
                     HUSHI_PLACEHOLDER_NONE);
}

static void test_placeholder_markers_in_long_values(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 9);
    char s[FAKE_MAX_SIZE];
    fake_alnum(&rng, 400, s, sizeof s);
    assert_false(placeholder(s));
    memcpy(s + 200, "dummy", 5);
    assert_false(placeholder(s));
    memcpy(s + 200, "qxxxxq", 6);
    assert_false(placeholder(s));
    memcpy(s + 200, "***", 3);
    assert_true(placeholder(s));
    memcpy(s + 200, "REDACTED", 8);
    assert_true(placeholder(s));
    memcpy(s + 200, "xxxxxxx", 7);
    assert_true(placeholder(s));
    /* The same short marker in a short value is a placeholder. */
    fake_alnum(&rng, 20, s, sizeof s);
    memcpy(s + 10, "dummy", 5);
    assert_true(placeholder(s));
}

typedef size_t (*generator_fn)(fake_rng_t *rng, char *out, size_t cap);

static size_t gen_github(fake_rng_t *r, char *o, size_t c)
{
    static const char *const prefixes[] = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
    return fake_github_token(r, prefixes[fake_rng_below(r, 5)], o, c);
}
static size_t gen_jwt(fake_rng_t *r, char *o, size_t c)
{
    return fake_jwt(r, FAR_FUTURE_EXP, o, c);
}
static size_t gen_stripe_live(fake_rng_t *r, char *o, size_t c)
{
    return fake_stripe_key(r, true, o, c);
}
static size_t gen_stripe_test(fake_rng_t *r, char *o, size_t c)
{
    return fake_stripe_key(r, false, o, c);
}
static size_t gen_base64_40(fake_rng_t *r, char *o, size_t c)
{
    return fake_base64(r, 40, false, o, c);
}
static size_t gen_base64url_43(fake_rng_t *r, char *o, size_t c)
{
    return fake_base64(r, 43, true, o, c);
}
static size_t gen_hex_32(fake_rng_t *r, char *o, size_t c)
{
    return fake_hex(r, 32, o, c);
}
static size_t gen_hex_64(fake_rng_t *r, char *o, size_t c)
{
    return fake_hex(r, 64, o, c);
}
static size_t gen_alnum_32(fake_rng_t *r, char *o, size_t c)
{
    return fake_alnum(r, 32, o, c);
}
static size_t gen_alnum_52(fake_rng_t *r, char *o, size_t c)
{
    return fake_alnum(r, 52, o, c);
}

static const struct {
    const char *kind;
    generator_fn fn;
} generators[] = {
    {"github", gen_github},
    {"entra", fake_entra_secret},
    {"entra-legacy", fake_entra_secret_legacy},
    {"jwt", gen_jwt},
    {"aws-access-key-id", fake_aws_access_key_id},
    {"aws-secret-key", fake_aws_secret_key},
    {"storage-key", fake_storage_key},
    {"sas-sig", fake_sas_sig},
    {"slack-bot", fake_slack_bot_token},
    {"stripe-live", gen_stripe_live},
    {"stripe-test", gen_stripe_test},
    {"google-api-key", fake_google_api_key},
    {"npm", fake_npm_token},
    {"base64-40", gen_base64_40},
    {"base64url-43", gen_base64url_43},
    {"hex-32", gen_hex_32},
    {"hex-64", gen_hex_64},
    {"alnum-32", gen_alnum_32},
    {"alnum-52", gen_alnum_52},
};

static void test_generated_secrets_are_not_placeholders(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 7);
    char s[FAKE_MAX_SIZE];
    for (size_t g = 0; g < sizeof generators / sizeof generators[0]; g++)
        for (int i = 0; i < GENERATED_PER_KIND; i++) {
            size_t n = generators[g].fn(&rng, s, sizeof s);
            assert_true(n > 0);
            if (hushi_is_placeholder((const unsigned char *)s, n))
                fail_msg("generated %s value %d called a placeholder", generators[g].kind, i);
        }
}

/* ---- the generator itself -------------------------------------------------- */

static bool all_in(const char *s, size_t n, const char *alphabet)
{
    for (size_t i = 0; i < n; i++)
        if (!s[i] || !strchr(alphabet, s[i]))
            return false;
    return true;
}

static void test_generator_shapes(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 8);
    char s[FAKE_MAX_SIZE];
    const char *b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    assert_int_equal(fake_aws_access_key_id(&rng, s, sizeof s), 20);
    assert_memory_equal(s, "AKIA", 4);
    assert_true(all_in(s + 4, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
    assert_int_equal(fake_aws_secret_key(&rng, s, sizeof s), 40);
    assert_true(all_in(s, 40, b64));
    assert_int_equal(fake_storage_key(&rng, s, sizeof s), 88);
    assert_true(all_in(s, 86, b64));
    assert_string_equal(s + 86, "==");
    assert_int_equal(fake_sas_sig(&rng, s, sizeof s), 44);
    assert_true(all_in(s, 43, b64));
    assert_string_equal(s + 43, "=");
    assert_int_equal(fake_slack_bot_token(&rng, s, sizeof s), 55);
    assert_memory_equal(s, "xoxb-", 5);
    assert_true(all_in(s + 5, 11, "0123456789") && s[16] == '-');
    assert_true(all_in(s + 17, 13, "0123456789") && s[30] == '-');
    assert_true(all_in(s + 31, 24, base62_chars));
    assert_int_equal(fake_stripe_key(&rng, true, s, sizeof s), 32);
    assert_memory_equal(s, "sk_live_", 8);
    assert_int_equal(fake_stripe_key(&rng, false, s, sizeof s), 32);
    assert_memory_equal(s, "sk_test_", 8);
    assert_int_equal(fake_google_api_key(&rng, s, sizeof s), 39);
    assert_memory_equal(s, "AIza", 4);
    assert_int_equal(fake_npm_token(&rng, s, sizeof s), 40);
    assert_memory_equal(s, "npm_", 4);
    /* npm tokens use GitHub's checksum scheme on the part after "npm_". */
    assert_int_equal(run("github-crc32", s + 4), HUSHI_VALIDATION_CHECKSUM);
    assert_int_equal(fake_hex(&rng, 32, s, sizeof s), 32);
    assert_true(all_in(s, 32, "0123456789abcdef"));
    assert_int_equal(fake_base64(&rng, 43, true, s, sizeof s), 43);
    assert_true(all_in(s, 43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"));
    assert_int_equal(fake_entra_secret(&rng, s, sizeof s), 40);
    assert_true(all_in(s, 40, entra_chars));
    assert_memory_equal(s + 3, "8Q~", 3);
    assert_int_equal(fake_entra_secret_legacy(&rng, s, sizeof s), 37);
    assert_memory_equal(s + 3, "7Q~", 3);

    /* The JWT payload carries the claims a report shows. */
    size_t n = fake_jwt(&rng, FAR_FUTURE_EXP, s, sizeof s);
    char *dot1 = strchr(s, '.'), *dot2 = strchr(dot1 + 1, '.');
    unsigned char json[512];
    size_t json_n;
    assert_true(n > 0 && dot2 != NULL);
    assert_true(hushi_base64_decode(dot1 + 1, (size_t)(dot2 - dot1 - 1), json, &json_n));
    json[json_n] = '\0';
    assert_non_null(strstr((char *)json, "\"iss\":\"https://login.microsoftonline.com/"));
    assert_non_null(strstr((char *)json, "\"tid\":\""));
    assert_non_null(strstr((char *)json, "\"aud\":\"api://hush-test\""));
    assert_non_null(strstr((char *)json, "\"exp\":4102444800"));
}

static void test_generator_determinism_and_limits(void **state)
{
    (void)state;
    fake_rng_t a, b;
    char x[FAKE_MAX_SIZE], y[FAKE_MAX_SIZE];
    fake_rng_init(&a, 42);
    fake_rng_init(&b, 42);
    fake_entra_secret(&a, x, sizeof x);
    fake_entra_secret(&b, y, sizeof y);
    assert_string_equal(x, y);
    fake_rng_init(&b, 43);
    fake_entra_secret(&b, y, sizeof y);
    assert_string_not_equal(x, y);

    /* Too small a buffer: 0 and an empty string, never a cut-off secret. */
    char small[40];
    assert_int_equal(fake_github_token(&a, "ghp_", small, sizeof small), 0);
    assert_string_equal(small, "");
    assert_int_equal(fake_entra_secret(&a, small, sizeof small), 0);
    assert_int_equal(fake_jwt(&a, 0, small, sizeof small), 0);
    assert_int_equal(fake_github_token(&a, "ghz_", x, sizeof x), 0);
    char fits41[41];
    assert_int_equal(fake_github_token(&a, NULL, fits41, sizeof fits41), 40);
    assert_memory_equal(fits41, "ghp_", 4);

    for (uint32_t bound = 1; bound < 70; bound++)
        assert_true(fake_rng_below(&a, bound) < bound);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marvin32_dotnet_vectors),
        cmocka_unit_test(test_marvin32_every_byte_counts),
        cmocka_unit_test(test_entra_microsoft_sample),
        cmocka_unit_test(test_entra_checksum_padding),
        cmocka_unit_test(test_entra_generated),
        cmocka_unit_test(test_entra_not_applicable),
        cmocka_unit_test(test_github_checksum_known_answers),
        cmocka_unit_test(test_github_generated),
        cmocka_unit_test(test_github_not_applicable),
        cmocka_unit_test(test_jwt_generated),
        cmocka_unit_test(test_jwt_structure),
        cmocka_unit_test(test_jwt_shape),
        cmocka_unit_test(test_validator_lookup),
        cmocka_unit_test(test_entropy),
        cmocka_unit_test(test_base64_decode),
        cmocka_unit_test(test_placeholders_recognised),
        cmocka_unit_test(test_real_looking_values_kept),
        cmocka_unit_test(test_placeholder_kinds),
        cmocka_unit_test(test_placeholder_markers_in_long_values),
        cmocka_unit_test(test_generated_secrets_are_not_placeholders),
        cmocka_unit_test(test_generator_shapes),
        cmocka_unit_test(test_generator_determinism_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
