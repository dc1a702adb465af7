/*
 * Deterministic generator of FAKE secrets for hush's tests: every value has
 * the shape (and, where the format has one, a valid checksum) of a real
 * secret, but is drawn from a seeded PRNG, so the same seed always gives the
 * same values and none of them was ever issued by a provider.
 *
 * Every fake_* writer puts a NUL-terminated value into `out` and
 * returns its length, or 0 (with out[0] = '\0' when cap > 0) when `cap`
 * cannot hold the value and its terminator.  FAKE_MAX_SIZE is enough
 * for every fixed-shape value.
 */
#ifndef FAKE_SECRETS_H
#define FAKE_SECRETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FAKE_MAX_SIZE 1024

/* splitmix64 state; no hidden globals, so tests can run in parallel. */
typedef struct fake_rng {
    uint64_t state;
} fake_rng_t;

void fake_rng_init(fake_rng_t *rng, uint64_t seed);
uint64_t fake_rng_next(fake_rng_t *rng);
/* Uniform in [0, bound); bound must be > 0. */
uint32_t fake_rng_below(fake_rng_t *rng, uint32_t bound);
void fake_bytes(fake_rng_t *rng, unsigned char *out, size_t size);

/* GitHub classic token: prefix ("ghp_", "gho_", "ghu_", "ghs_" or "ghr_";
 * NULL means "ghp_") + 30 base62 + 6 base62 CRC32.  0 for another prefix. */
size_t fake_github_token(fake_rng_t *rng, const char *prefix, char *out, size_t cap);

/* Entra ID client secret, current 40-character "xxx8Q~" form with a valid
 * checksum, and the legacy 37-character "xxx7Q~" form (no checksum). */
size_t fake_entra_secret(fake_rng_t *rng, char *out, size_t cap);
size_t fake_entra_secret_legacy(fake_rng_t *rng, char *out, size_t cap);

/* JWT: header {"alg":"RS256","typ":"JWT"}, payload with iss/tid/aud/exp
 * (v2 Entra issuer for a random tenant id, aud "api://hush-test", the given
 * exp in seconds since the epoch) and a random 256-byte "signature". */
size_t fake_jwt(fake_rng_t *rng, int64_t exp, char *out, size_t cap);

/* AWS: access key id "AKIA" + 16 of [A-Z2-7]; secret key 40 of base64. */
size_t fake_aws_access_key_id(fake_rng_t *rng, char *out, size_t cap);
size_t fake_aws_secret_key(fake_rng_t *rng, char *out, size_t cap);

/* Azure storage account key: 64 random bytes in base64 (88 chars, "=="). */
size_t fake_storage_key(fake_rng_t *rng, char *out, size_t cap);
/* SAS `sig`: 32 random bytes in base64 (44 chars, one '='), not percent-encoded. */
size_t fake_sas_sig(fake_rng_t *rng, char *out, size_t cap);

/* Slack bot token: "xoxb-" + 11 digits + "-" + 13 digits + "-" + 24 alnum. */
size_t fake_slack_bot_token(fake_rng_t *rng, char *out, size_t cap);
/* Stripe secret key: "sk_live_" or "sk_test_" + 24 alnum. */
size_t fake_stripe_key(fake_rng_t *rng, bool live, char *out, size_t cap);
/* Google API key: "AIza" + 35 of [0-9A-Za-z_-]. */
size_t fake_google_api_key(fake_rng_t *rng, char *out, size_t cap);
/* npm token: "npm_" + 30 base62 + 6 base62 CRC32 (same scheme as GitHub). */
size_t fake_npm_token(fake_rng_t *rng, char *out, size_t cap);

/* A PEM "PRIVATE KEY" block (PKCS#8: version 0, rsaEncryption, an OCTET
 * STRING of `key_bytes` random bytes, 1 to 600): DER of its type, so the
 * structure validator accepts it, but no usable key.  Base64 in lines of
 * 64 characters; every line but the END line ends in `newline` ("\n" or
 * "\r\n"), the END line in nothing. */
size_t fake_pem_private_key(fake_rng_t *rng, size_t key_bytes, const char *newline, char *out,
                            size_t cap);

/* A random lower-case GUID (a fake tenant or client id), FAKE_GUID_SIZE
 * characters: 8-4-4-4-12 hex digits. */
#define FAKE_GUID_SIZE 36
size_t fake_guid(fake_rng_t *rng, char *out, size_t cap);

/* Random strings of exactly `len` characters: base64 (standard or url-safe
 * alphabet, no padding), lower-case hex, and [0-9A-Za-z]. */
size_t fake_base64(fake_rng_t *rng, size_t len, bool url_safe, char *out, size_t cap);
size_t fake_hex(fake_rng_t *rng, size_t len, char *out, size_t cap);
size_t fake_alnum(fake_rng_t *rng, size_t len, char *out, size_t cap);

/* Base64 of `size` bytes (standard or url-safe alphabet, with or without
 * '=' padding), for tests that build encoded inputs such as JWT parts. */
size_t fake_base64_encode(const void *data, size_t size, bool url_safe, bool pad, char *out,
                          size_t cap);

/* Replaces value[pos] with a different character of `alphabet` (a checksum
 * that held must then fail). */
void fake_flip(fake_rng_t *rng, char *value, size_t pos, const char *alphabet);

#endif
