/*
 * Offline checks on a candidate secret: checksums and structure that a format
 * defines, entropy, and placeholder detection.  Pure functions, no state.
 */
#ifndef HUSHI_VALIDATE_H
#define HUSHI_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum hushi_validation {
    HUSHI_VALIDATION_NOT_APPLICABLE = 0, /* the format has nothing to check here */
    HUSHI_VALIDATION_CHECKSUM,           /* a checksum embedded in the value holds */
    HUSHI_VALIDATION_STRUCTURE,          /* the value decodes to its declared structure */
    HUSHI_VALIDATION_FAILED              /* a check that applies does not hold */
} hushi_validation_t;

typedef hushi_validation_t (*hushi_validator_fn)(const unsigned char *value, size_t size);

/* Validator by the name a rule file uses ("github-crc32", "entra-client-secret",
 * "jwt", "npm-crc32", "ms-identifiable-key", "ms-common-annotated-key",
 * "azure-devops-pat", "pem-private-key", "pypi-macaroon"); NULL when no
 * validator has that name. */
hushi_validator_fn hushi_validator_lookup(const char *name);

/* Names of every validator, NULL-terminated (for `rules show` and errors). */
const char *const *hushi_validator_names(void);

/* Marvin32 (the keyed hash .NET uses for string hashing) of `data` with a
 * 64-bit seed; returns the 64-bit result (high 32 bits: state p1, low: p0). */
uint64_t hushi_marvin32(const unsigned char *data, size_t size, uint64_t seed);

/* Shannon entropy of the bytes, in bits per byte (0 for size 0). */
double hushi_entropy_bits(const unsigned char *value, size_t size);

/* True for values that are obviously not secrets: documentation examples
 * (AKIAIOSFODNN7EXAMPLE), placeholders (<your-key>, ${VAR}, {{x}}, %VAR%,
 * REDACTED, ****, xxxx…, changeme), Power Automate's secured-data text,
 * workflow expressions (@parameters('x'), @{...}), runs of one character. */
bool hushi_is_placeholder(const unsigned char *value, size_t size);

/* Which kind of placeholder, for rules with a format of their own: a slot
 * is no value at all (a template, an expression, a mask, a word naming the
 * secret, a published emulator key) and is never a finding; a look-alike
 * has the format's shape but a filler body (xxxx, runs, 12345678, "example"
 * inside) and is kept at low confidence, below the default: documentation
 * fakes and test keys still surface in a --min-confidence low sweep. */
typedef enum hushi_placeholder {
    HUSHI_PLACEHOLDER_NONE = 0,
    HUSHI_PLACEHOLDER_SLOT,
    HUSHI_PLACEHOLDER_LOOKALIKE
} hushi_placeholder_t;

hushi_placeholder_t hushi_placeholder_kind(const unsigned char *value, size_t size);

/* Base64 (standard or url-safe, padding optional) decoding into out
 * (capacity >= size*3/4+3); returns false on a character outside the alphabet. */
bool hushi_base64_decode(const char *in, size_t size, unsigned char *out, size_t *out_size);

/* Entra ID client secret, current form: 3 random characters, "8Q~", 31 random,
 * then a checksum of the first 37 characters (HUSHI_ENTRA_CHECKSUMMED_SIZE). */
#define HUSHI_ENTRA_SECRET_SIZE 40
#define HUSHI_ENTRA_CHECKSUMMED_SIZE 37
#define HUSHI_ENTRA_CHECKSUM_SIZE 3

/* The checksum characters an Entra client secret ends with, computed over
 * `data` (its first 37 characters): Marvin32 with seed 0x4161645077643030
 * ("AadPwd00" read as a big-endian integer), the two 32-bit halves XORed,
 * written in base 66 ("a-zA-Z1234567890.-_~") as 6 digits, most significant
 * first, left-padded with 'a'; the secret keeps the first 3 of those digits. */
void hushi_entra_checksum(const unsigned char *data, size_t size, char out[HUSHI_ENTRA_CHECKSUM_SIZE]);

/* GitHub classic tokens (and npm tokens): 30 random base62 characters, then
 * the CRC32 (zlib) of those 30 in base62 ("0-9A-Za-z"), 6 digits, most
 * significant first, left-padded with '0'. */
#define HUSHI_GITHUB_RANDOM_SIZE 30
#define HUSHI_GITHUB_CHECKSUM_SIZE 6

/* The 6 checksum characters for `data` (the random part of the token). */
void hushi_github_checksum(const unsigned char *data, size_t size, char out[HUSHI_GITHUB_CHECKSUM_SIZE]);

#endif
