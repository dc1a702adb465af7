/*
 * Deterministic FAKE secrets for tests (see fake_secrets.h).  Checksums come
 * from the library's own hushi_entra_checksum / hushi_github_checksum; the
 * known-answer tests in test_validate.c pin those to published values, so a
 * fault there cannot hide behind generator and validator agreeing.
 */
#include "fake_secrets.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "checksum.h"

#define ALNUM "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#define BASE64_STD "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
#define BASE64_URL "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
#define ENTRA_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890.-_~"
#define BASE32_UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
#define HEX_LOWER "0123456789abcdef"
#define DIGITS "0123456789"

#define STORAGE_KEY_BYTES 64
#define SAS_SIG_BYTES 32
#define JWT_SIGNATURE_BYTES 256
#define JWT_JSON_MAX 512

void fake_rng_init(fake_rng_t *rng, uint64_t seed)
{
    rng->state = seed;
}

uint64_t fake_rng_next(fake_rng_t *rng)
{
    uint64_t z = (rng->state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Rejection sampling keeps every character equally likely, which matters:
 * the placeholder tests reason about the odds of random values. */
uint32_t fake_rng_below(fake_rng_t *rng, uint32_t bound)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t x;
    do
        x = fake_rng_next(rng);
    while (x >= limit);
    return (uint32_t)(x % bound);
}

void fake_bytes(fake_rng_t *rng, unsigned char *out, size_t size)
{
    for (size_t i = 0; i < size; i++)
        out[i] = (unsigned char)fake_rng_next(rng);
}

/* ---- building blocks ------------------------------------------------------ */

static bool fits(size_t len, char *out, size_t cap)
{
    if (len < cap)
        return true;
    if (cap > 0)
        out[0] = '\0';
    return false;
}

static void random_chars(fake_rng_t *rng, const char *alphabet, char *out, size_t n)
{
    uint32_t base = (uint32_t)strlen(alphabet);
    for (size_t i = 0; i < n; i++)
        out[i] = alphabet[fake_rng_below(rng, base)];
}

/* Value made of `prefix` then `n` characters of `alphabet`. */
static size_t prefixed(fake_rng_t *rng, const char *prefix, const char *alphabet, size_t n,
                       char *out, size_t cap)
{
    size_t p = strlen(prefix), len = p + n;
    if (!fits(len, out, cap))
        return 0;
    memcpy(out, prefix, p);
    random_chars(rng, alphabet, out + p, n);
    out[len] = '\0';
    return len;
}

static size_t base64_size(size_t bytes, bool pad)
{
    return pad ? (bytes + 2) / 3 * 4 : (bytes * 4 + 2) / 3;
}

/* Base64 of `in` into out (room for base64_size + 1 checked by callers). */
static size_t base64_encode(const unsigned char *in, size_t size, const char *alphabet, bool pad,
                            char *out)
{
    size_t o = 0, i = 0;
    for (; i + 3 <= size; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[o++] = alphabet[v >> 18];
        out[o++] = alphabet[(v >> 12) & 63];
        out[o++] = alphabet[(v >> 6) & 63];
        out[o++] = alphabet[v & 63];
    }
    size_t rest = size - i;
    if (rest > 0) {
        uint32_t v = (uint32_t)in[i] << 16 | (rest == 2 ? (uint32_t)in[i + 1] << 8 : 0);
        out[o++] = alphabet[v >> 18];
        out[o++] = alphabet[(v >> 12) & 63];
        if (rest == 2)
            out[o++] = alphabet[(v >> 6) & 63];
        else if (pad)
            out[o++] = '=';
        if (pad)
            out[o++] = '=';
    }
    out[o] = '\0';
    return o;
}

size_t fake_base64_encode(const void *data, size_t size, bool url_safe, bool pad, char *out,
                          size_t cap)
{
    if (!fits(base64_size(size, pad), out, cap))
        return 0;
    return base64_encode(data, size, url_safe ? BASE64_URL : BASE64_STD, pad, out);
}

static size_t random_base64_bytes(fake_rng_t *rng, size_t bytes, char *out, size_t cap)
{
    unsigned char raw[STORAGE_KEY_BYTES];
    if (bytes > sizeof raw || !fits(base64_size(bytes, true), out, cap))
        return 0;
    fake_bytes(rng, raw, bytes);
    return base64_encode(raw, bytes, BASE64_STD, true, out);
}

/* prefix + 30 base62 + 6 base62 CRC32 of those 30. */
static size_t crc32_token(fake_rng_t *rng, const char *prefix, char *out, size_t cap)
{
    if (!fits(strlen(prefix) + HUSHI_GITHUB_RANDOM_SIZE + HUSHI_GITHUB_CHECKSUM_SIZE, out, cap))
        return 0;
    size_t len = prefixed(rng, prefix, ALNUM, HUSHI_GITHUB_RANDOM_SIZE, out, cap);
    const unsigned char *random = (const unsigned char *)out + strlen(prefix);
    hushi_github_checksum(random, HUSHI_GITHUB_RANDOM_SIZE, out + len);
    len += HUSHI_GITHUB_CHECKSUM_SIZE;
    out[len] = '\0';
    return len;
}

/* ---- providers ------------------------------------------------------------ */

size_t fake_github_token(fake_rng_t *rng, const char *prefix, char *out, size_t cap)
{
    static const char *const prefixes[] = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
    if (!prefix)
        prefix = prefixes[0];
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strcmp(prefix, prefixes[i]) == 0)
            return crc32_token(rng, prefix, out, cap);
    if (cap > 0)
        out[0] = '\0';
    return 0;
}

size_t fake_npm_token(fake_rng_t *rng, char *out, size_t cap)
{
    return crc32_token(rng, "npm_", out, cap);
}

/* A DER tag and length (short form, or long form of one or two bytes). */
static size_t der_header(unsigned char *o, unsigned char tag, size_t len)
{
    o[0] = tag;
    if (len < 0x80) {
        o[1] = (unsigned char)len;
        return 2;
    }
    if (len < 0x100) {
        o[1] = 0x81;
        o[2] = (unsigned char)len;
        return 3;
    }
    o[1] = 0x82;
    o[2] = (unsigned char)(len >> 8);
    o[3] = (unsigned char)len;
    return 4;
}

size_t fake_pem_private_key(fake_rng_t *rng, size_t key_bytes, const char *newline, char *out,
                            size_t cap)
{
    static const unsigned char version_and_alg[] = {
        0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48,
        0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    static const char begin[] = "-----BEGIN PRIVATE KEY-----", end[] = "-----END PRIVATE KEY-----";
    unsigned char der[4 + sizeof version_and_alg + 4 + 600], octets[4];
    char b64[4 * (sizeof der / 3 + 1) + 1];
    if (key_bytes < 1 || key_bytes > 600)
        return 0;
    size_t octets_n = der_header(octets, 0x04, key_bytes);
    size_t inner = sizeof version_and_alg + octets_n + key_bytes;
    size_t n = der_header(der, 0x30, inner);
    memcpy(der + n, version_and_alg, sizeof version_and_alg);
    n += sizeof version_and_alg;
    memcpy(der + n, octets, octets_n);
    n += octets_n;
    fake_bytes(rng, der + n, key_bytes);
    n += key_bytes;
    size_t b64_n = fake_base64_encode(der, n, false, true, b64, sizeof b64);
    size_t lines = (b64_n + 63) / 64, nl = strlen(newline);
    size_t len = strlen(begin) + nl + b64_n + lines * nl + strlen(end);
    if (!fits(len, out, cap))
        return 0;
    size_t o = (size_t)snprintf(out, cap, "%s%s", begin, newline);
    for (size_t i = 0; i < b64_n; i += 64)
        o += (size_t)snprintf(out + o, cap - o, "%.64s%s", b64 + i, newline);
    snprintf(out + o, cap - o, "%s", end);
    return len;
}

static size_t entra_form(fake_rng_t *rng, char version, size_t random_tail, char *out,
                         size_t cap)
{
    size_t len = 3 + 3 + random_tail;
    if (!fits(len, out, cap))
        return 0;
    random_chars(rng, ENTRA_CHARS, out, 3);
    out[3] = version;
    out[4] = 'Q';
    out[5] = '~';
    random_chars(rng, ENTRA_CHARS, out + 6, random_tail);
    out[len] = '\0';
    return len;
}

size_t fake_entra_secret(fake_rng_t *rng, char *out, size_t cap)
{
    if (!fits(HUSHI_ENTRA_SECRET_SIZE, out, cap))
        return 0;
    size_t len = entra_form(rng, '8', HUSHI_ENTRA_CHECKSUMMED_SIZE - 6, out, cap);
    hushi_entra_checksum((const unsigned char *)out, len, out + len);
    out[HUSHI_ENTRA_SECRET_SIZE] = '\0';
    return HUSHI_ENTRA_SECRET_SIZE;
}

size_t fake_entra_secret_legacy(fake_rng_t *rng, char *out, size_t cap)
{
    return entra_form(rng, '7', 37 - 6, out, cap);
}

size_t fake_guid(fake_rng_t *rng, char *out, size_t cap)
{
    unsigned char b[16];
    fake_bytes(rng, b, sizeof b);
    if (cap < FAKE_GUID_SIZE + 1) {
        if (cap)
            out[0] = '\0';
        return 0;
    }
    snprintf(out, cap, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
    return FAKE_GUID_SIZE;
}

size_t fake_jwt(fake_rng_t *rng, int64_t exp, char *out, size_t cap)
{
    static const char header[] = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    char tid[37], payload[JWT_JSON_MAX];
    fake_guid(rng, tid, sizeof tid);
    int n = snprintf(payload, sizeof payload,
                     "{\"iss\":\"https://login.microsoftonline.com/%s/v2.0\",\"tid\":\"%s\","
                     "\"aud\":\"api://hush-test\",\"exp\":%" PRId64
                     ",\"sub\":\"hush test fake token\"}",
                     tid, tid, exp);
    if (n < 0 || (size_t)n >= sizeof payload)
        return 0;
    size_t len = base64_size(sizeof header - 1, false) + 1 + base64_size((size_t)n, false) + 1 +
                 base64_size(JWT_SIGNATURE_BYTES, false);
    if (!fits(len, out, cap))
        return 0;
    unsigned char sig[JWT_SIGNATURE_BYTES];
    fake_bytes(rng, sig, sizeof sig);
    size_t o = base64_encode((const unsigned char *)header, sizeof header - 1, BASE64_URL, false, out);
    out[o++] = '.';
    o += base64_encode((const unsigned char *)payload, (size_t)n, BASE64_URL, false, out + o);
    out[o++] = '.';
    o += base64_encode(sig, sizeof sig, BASE64_URL, false, out + o);
    return o;
}

size_t fake_aws_access_key_id(fake_rng_t *rng, char *out, size_t cap)
{
    return prefixed(rng, "AKIA", BASE32_UPPER, 16, out, cap);
}

size_t fake_aws_secret_key(fake_rng_t *rng, char *out, size_t cap)
{
    return prefixed(rng, "", BASE64_STD, 40, out, cap);
}

size_t fake_storage_key(fake_rng_t *rng, char *out, size_t cap)
{
    return random_base64_bytes(rng, STORAGE_KEY_BYTES, out, cap);
}

size_t fake_sas_sig(fake_rng_t *rng, char *out, size_t cap)
{
    return random_base64_bytes(rng, SAS_SIG_BYTES, out, cap);
}

size_t fake_slack_bot_token(fake_rng_t *rng, char *out, size_t cap)
{
    size_t len = 5 + 11 + 1 + 13 + 1 + 24;
    if (!fits(len, out, cap))
        return 0;
    memcpy(out, "xoxb-", 5);
    char *p = out + 5;
    /* Slack ids never start with 0. */
    random_chars(rng, "123456789", p, 1);
    random_chars(rng, DIGITS, p + 1, 10);
    p[11] = '-';
    random_chars(rng, "123456789", p + 12, 1);
    random_chars(rng, DIGITS, p + 13, 12);
    p[25] = '-';
    random_chars(rng, ALNUM, p + 26, 24);
    out[len] = '\0';
    return len;
}

size_t fake_stripe_key(fake_rng_t *rng, bool live, char *out, size_t cap)
{
    return prefixed(rng, live ? "sk_live_" : "sk_test_", ALNUM, 24, out, cap);
}

size_t fake_google_api_key(fake_rng_t *rng, char *out, size_t cap)
{
    return prefixed(rng, "AIza", ALNUM "-_", 35, out, cap);
}

size_t fake_base64(fake_rng_t *rng, size_t len, bool url_safe, char *out, size_t cap)
{
    return prefixed(rng, "", url_safe ? BASE64_URL : BASE64_STD, len, out, cap);
}

size_t fake_hex(fake_rng_t *rng, size_t len, char *out, size_t cap)
{
    return prefixed(rng, "", HEX_LOWER, len, out, cap);
}

size_t fake_alnum(fake_rng_t *rng, size_t len, char *out, size_t cap)
{
    return prefixed(rng, "", ALNUM, len, out, cap);
}

void fake_flip(fake_rng_t *rng, char *value, size_t pos, const char *alphabet)
{
    size_t n = strlen(alphabet);
    char c;
    do
        c = alphabet[fake_rng_below(rng, (uint32_t)n)];
    while (c == value[pos]);
    value[pos] = c;
}
