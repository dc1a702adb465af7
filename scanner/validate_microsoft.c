/*
 * Checksums Microsoft embeds in its keys: the "identifiable" base64 keys of
 * Azure services, the 84/88-character common annotated keys, and Azure
 * DevOps legacy personal access tokens.
 *
 * Sources of the formats (facts only, no code copied), all from
 * microsoft/security-utilities:
 * - IdentifiableSecrets.ValidateBase64Key / ValidateChecksum and
 *   GenerateKeyWithAppendedSignatureAndChecksum: an identifiable key of L
 *   bytes ends with a 4-byte checksum, Marvin32 of the first L-4 bytes
 *   folded to 32 bits (high XOR low), stored little-endian; the 4-character
 *   signature is the encoded text just before the 6 checksum characters;
 *   the bits between signature and checksum are zero, which limits the
 *   first checksum character to A-P or A-D, or the last to A, Q, g, w.
 * - IdentifiableMetadata: signatures and seeds per service; the
 *   HighConfidenceMicrosoftSecurityModels classes: key length per service
 *   (32, 39, 40 or 64 bytes; Functions keys use the URL-safe alphabet).
 * - IdentifiableSecrets.ComputeDerivedIdentifiableKey: derived keys are 42
 *   bytes with "deri" before the signature, checksummed the same way.
 * - Not checked: AzureCacheForRedisWithSpecialCharacterChecksum, a second
 *   form the library accepts for Redis keys (checksum over all bytes, '+'
 *   and '/' written as 'P' and 'F'); no key of that form could be built to
 *   test it, so such a key fails here.
 * - CommonAnnotatedKey.TryCreate / IdentifiableSecrets.
 *   TryValidateCommonAnnotatedKey: 84-character keys checksum the 60 bytes
 *   of their first 80 characters with seed "Default0" and keep the base64 of
 *   the checksum's first 3 little-endian bytes; 88-character keys carry all
 *   4 bytes as an identifiable key does.  Derived keys ("JQQJ9D") encode
 *   their checksum differently and are not checked.
 * - AdoPat.IsChecksumValid: a 52-character PAT is base32 ("a-z2-7") of 32
 *   bytes; bytes 2, 7, 8 and 22 hold CRC32 (IEEE) of the other 28, XORed
 *   with a per-kind constant, most significant byte first.
 */
#include "validate_microsoft.h"

#include <string.h>
#include <zlib.h>

#include "ascii.h"
#include "checksum.h"
#include "decode.h"

/* ---- identifiable base64 keys ------------------------------------------- */

#define HUSHI_MS_SIGNATURE_SIZE 4
#define HUSHI_MS_CHECKSUM_BYTES 4
#define HUSHI_MS_CHECKSUM_CHARS 6
/* Signature and checksum characters at the end of the unpadded text. */
#define HUSHI_MS_TAIL_CHARS (HUSHI_MS_SIGNATURE_SIZE + HUSHI_MS_CHECKSUM_CHARS)
/* Bytes the 3 signature bytes and the checksum take from the key. */
#define HUSHI_MS_FIXED_BYTES 7
#define HUSHI_MS_DERIVED_BYTES 42
#define HUSHI_MS_MAX_KEY_BYTES 64
#define HUSHI_MS_MAX_SEEDS 8

/* Seeds are 8 ASCII characters read as a big-endian integer. */
#define SEED_DEFAULT0 UINT64_C(0x44656661756c7430) /* "Default0" */

typedef struct ms_key_kind {
    char signature[HUSHI_MS_SIGNATURE_SIZE + 1]; /* as encoded, standard alphabet */
    unsigned key_bytes;
    uint64_t seeds[HUSHI_MS_MAX_SEEDS]; /* zero-terminated */
} ms_key_kind_t;

static const ms_key_kind_t ms_key_kinds[] = {
    /* 64-byte keys: 88 characters, "==" */
    {"+ASt", 64, {SEED_DEFAULT0}},                                /* Storage */
    {"ACDb", 64, {UINT64_C(0x456e637279703030), UINT64_C(0x4d617374524f3030),
                  UINT64_C(0x4d61737452573030), UINT64_C(0x5265736f75723030),
                  UINT64_C(0x537973416c6c3030), UINT64_C(0x53797374524f3030),
                  UINT64_C(0x5379737452573030)}},                 /* Cosmos DB */
    {"+ABa", 64, {UINT64_C(0x4162416363743030)}},                 /* Batch "AbAcct00" */
    {"+AMC", 64, {UINT64_C(0x436c617373696330)}},                 /* ML classic "Classic0" */
    {"/AM7", 64, {UINT64_C(0x436c617373696330)}},
    {"APIM", 64, {UINT64_C(0x54656e616e743030), UINT64_C(0x496f544875623030),
                  UINT64_C(0x4761746577793030), UINT64_C(0x4769744b65793030)}}, /* API Management */
    /* 32-byte keys: 44 characters, "=" */
    {"+ASb", 32, {UINT64_C(0x53656e6430303030), UINT64_C(0x4c697374656e3030),
                  UINT64_C(0x4d616e6167653030), UINT64_C(0x53797374656d3030)}}, /* Service Bus */
    {"+AEh", 32, {UINT64_C(0x53656e6430303030), UINT64_C(0x4c697374656e3030),
                  UINT64_C(0x4d616e6167653030), UINT64_C(0x53797374656d3030)}}, /* Event Hubs */
    {"+ARm", 32, {UINT64_C(0x53656e6430303030), UINT64_C(0x4c697374656e3030),
                  UINT64_C(0x4d616e6167653030)}},                 /* Relay */
    {"AIoT", 32, {UINT64_C(0x496f544875623030), UINT64_C(0x4470734b65793030),
                  UINT64_C(0x4465766963653030)}},                 /* IoT Hub, DPS, device */
    {"AzCa", 32, {UINT64_C(0x4163636573733030)}},                 /* Cache for Redis */
    {"AZEG", 32, {SEED_DEFAULT0}},                                /* Event Grid */
    /* 39-byte keys: 52 characters, no padding */
    {"AzSe", 39, {UINT64_C(0x5175657279303030), UINT64_C(0x5041646d696e3030)}}, /* AI Search */
    {"+ACR", 39, {UINT64_C(0x41435244666c7430)}},                 /* Container Registry */
    /* 40-byte URL-safe keys: 56 characters, "==" */
    {"AzFu", 40, {UINT64_C(0x46756e6374693030), UINT64_C(0x4d61737465723030),
                  UINT64_C(0x53797374656d3030)}},                 /* Functions */
};

static unsigned char standard_b64(unsigned char c)
{
    return c == '-' ? '+' : c == '_' ? '/' : c;
}

static const ms_key_kind_t *find_kind(const unsigned char *sig, unsigned key_bytes)
{
    char normal[HUSHI_MS_SIGNATURE_SIZE];
    for (size_t i = 0; i < HUSHI_MS_SIGNATURE_SIZE; i++)
        normal[i] = (char)standard_b64(sig[i]);
    for (size_t i = 0; i < sizeof ms_key_kinds / sizeof ms_key_kinds[0]; i++) {
        const ms_key_kind_t *k = &ms_key_kinds[i];
        if (memcmp(k->signature, normal, HUSHI_MS_SIGNATURE_SIZE) == 0 &&
            (k->key_bytes == key_bytes || key_bytes == HUSHI_MS_DERIVED_BYTES))
            return k;
    }
    return NULL;
}

static uint32_t marvin_folded(const unsigned char *data, size_t size, uint64_t seed)
{
    uint64_t h = hushi_marvin32(data, size, seed);
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

static uint32_t load_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The zero bits between signature and checksum, as the encoded text shows
 * them: `text` is the key without padding, `n` its length. */
static bool spill_bits_zero(const unsigned char *text, size_t n, unsigned key_bytes)
{
    unsigned spill = ((key_bytes - HUSHI_MS_FIXED_BYTES) * 8u) % 6u;
    unsigned char first = text[n - HUSHI_MS_CHECKSUM_CHARS], last = text[n - 1];
    if (spill == 2)
        return first >= 'A' && first <= 'P';
    if (spill == 4)
        return first >= 'A' && first <= 'D';
    return last == 'A' || last == 'Q' || last == 'g' || last == 'w';
}

static bool checksum_matches(const unsigned char *bytes, size_t size, const uint64_t *seeds,
                             bool also_inverted)
{
    uint32_t stored = load_le32(bytes + size - HUSHI_MS_CHECKSUM_BYTES);
    for (size_t i = 0; i < HUSHI_MS_MAX_SEEDS && seeds[i]; i++) {
        if (marvin_folded(bytes, size - HUSHI_MS_CHECKSUM_BYTES, seeds[i]) == stored)
            return true;
        /* Derived keys may be checksummed with the seed's complement. */
        if (also_inverted &&
            marvin_folded(bytes, size - HUSHI_MS_CHECKSUM_BYTES, ~seeds[i]) == stored)
            return true;
    }
    return false;
}

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Standard base64 of `size` bytes into out, without padding; returns the
 * number of characters (4 per 3 bytes, 2 or 3 for a last 1 or 2). */
static size_t encode_b64(const unsigned char *in, size_t size, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < size; i += 3) {
        size_t left = size - i;
        uint32_t w = (uint32_t)in[i] << 16 | (left > 1 ? (uint32_t)in[i + 1] << 8 : 0) |
                     (left > 2 ? in[i + 2] : 0);
        size_t chars = left >= 3 ? 4 : left + 1;
        for (size_t j = 0; j < chars; j++)
            out[o++] = b64_alphabet[(w >> (18 - 6 * j)) & 63];
    }
    return o;
}

hushi_validation_t hushi_validate_ms_identifiable_key(const unsigned char *v, size_t n)
{
    size_t text_n = n;
    while (text_n > 0 && n - text_n < 2 && v[text_n - 1] == '=')
        text_n--;
    if (text_n < HUSHI_MS_TAIL_CHARS || text_n % 4 == 1 ||
        (text_n != n && n % 4 != 0))
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    size_t key_bytes = text_n * 3 / 4;
    if (key_bytes > HUSHI_MS_MAX_KEY_BYTES)
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    const ms_key_kind_t *kind =
        find_kind(v + text_n - HUSHI_MS_TAIL_CHARS, (unsigned)key_bytes);
    if (!kind)
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    unsigned char bytes[HUSHI_MS_MAX_KEY_BYTES + 3];
    size_t got = 0;
    if (!hushi_base64_decode((const char *)v, text_n, bytes, &got) || got != key_bytes)
        return HUSHI_VALIDATION_FAILED;
    bool derived = key_bytes == HUSHI_MS_DERIVED_BYTES;
    return spill_bits_zero(v, text_n, (unsigned)key_bytes) &&
                   checksum_matches(bytes, key_bytes, kind->seeds, derived)
               ? HUSHI_VALIDATION_CHECKSUM
               : HUSHI_VALIDATION_FAILED;
}

/* ---- common annotated keys ---------------------------------------------- */

#define HUSHI_CASK_SHORT_SIZE 84
#define HUSHI_CASK_LONG_SIZE 88
#define HUSHI_CASK_RANDOM_CHARS 52
#define HUSHI_CASK_FIXED "JQQJ9"
#define HUSHI_CASK_FIXED_SIZE 5
#define HUSHI_CASK_KIND_AT 57   /* '9': a key, 'D': a derived key */
#define HUSHI_CASK_MONTH_AT 59  /* 'A'..'L' */
#define HUSHI_CASK_SIGNATURE_AT 76
#define HUSHI_CASK_CHECKED_CHARS 80
#define HUSHI_CASK_CHECKED_BYTES 60
#define HUSHI_CASK_LONG_BYTES 64

static bool alnum_run(const unsigned char *v, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!hushi_ascii_is_alnum(v[i]))
            return false;
    return true;
}

/* The fixed parts of the format; false means "some other value". */
static bool cask_shape(const unsigned char *v, size_t n)
{
    if (n != HUSHI_CASK_SHORT_SIZE &&
        !(n == HUSHI_CASK_LONG_SIZE && v[n - 2] == '=' && v[n - 1] == '='))
        return false;
    size_t fixed_at = HUSHI_CASK_RANDOM_CHARS;
    return alnum_run(v, 0, fixed_at) &&
           memcmp(v + fixed_at, HUSHI_CASK_FIXED, HUSHI_CASK_FIXED_SIZE) == 0 &&
           v[HUSHI_CASK_MONTH_AT] >= 'A' && v[HUSHI_CASK_MONTH_AT] <= 'L' &&
           alnum_run(v, HUSHI_CASK_KIND_AT, n == HUSHI_CASK_LONG_SIZE ? n - 2 : n);
}

hushi_validation_t hushi_validate_ms_common_annotated_key(const unsigned char *v, size_t n)
{
    if (!cask_shape(v, n) || v[HUSHI_CASK_KIND_AT] == 'D')
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    /* "JQQJ9" then neither '9' nor 'D': an altered key, not one issued. */
    if (v[HUSHI_CASK_KIND_AT] != '9')
        return HUSHI_VALIDATION_FAILED;
    if (n == HUSHI_CASK_LONG_SIZE) {
        uint64_t seeds[2] = {SEED_DEFAULT0, 0};
        unsigned char bytes[HUSHI_CASK_LONG_BYTES + 3];
        size_t got = 0;
        bool ok = hushi_base64_decode((const char *)v, n, bytes, &got) &&
                  got == HUSHI_CASK_LONG_BYTES && spill_bits_zero(v, n - 2, HUSHI_CASK_LONG_BYTES) &&
                  checksum_matches(bytes, got, seeds, false);
        return ok ? HUSHI_VALIDATION_CHECKSUM : HUSHI_VALIDATION_FAILED;
    }
    unsigned char bytes[HUSHI_CASK_CHECKED_BYTES + 3];
    size_t got = 0;
    if (!hushi_base64_decode((const char *)v, HUSHI_CASK_CHECKED_CHARS, bytes, &got) ||
        got != HUSHI_CASK_CHECKED_BYTES)
        return HUSHI_VALIDATION_FAILED;
    uint32_t sum = marvin_folded(bytes, HUSHI_CASK_CHECKED_BYTES, SEED_DEFAULT0);
    unsigned char le[3] = {(unsigned char)sum, (unsigned char)(sum >> 8),
                           (unsigned char)(sum >> 16)};
    char want[4];
    encode_b64(le, sizeof le, want); /* 3 bytes: exactly 4 characters */
    return memcmp(want, v + HUSHI_CASK_CHECKED_CHARS, sizeof want) == 0 ? HUSHI_VALIDATION_CHECKSUM
                                                                         : HUSHI_VALIDATION_FAILED;
}

/* ---- Azure DevOps legacy PAT ------------------------------------------------ */

#define HUSHI_ADO_PAT_SIZE 52
#define HUSHI_ADO_PAT_BYTES 32
#define HUSHI_ADO_TOKEN_BYTES 28
/* Per-kind constants XORed into the CRC: user PATs, application PATs. */
#define HUSHI_ADO_USER_MAGIC UINT32_C(0xE0B9692D)
#define HUSHI_ADO_APP_MAGIC UINT32_C(0x1019F92E)

static int base32_digit(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return c - 'a';
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= '2' && c <= '7')
        return c - '2' + 26;
    return -1;
}

/* 52 characters of 5 bits fill 32 bytes; the last 4 bits are unused. */
static bool decode_pat(const unsigned char *v, unsigned char out[HUSHI_ADO_PAT_BYTES])
{
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t o = 0;
    for (size_t i = 0; i < HUSHI_ADO_PAT_SIZE; i++) {
        int d = base32_digit(v[i]);
        if (d < 0)
            return false;
        acc = (acc << 5) | (uint32_t)d;
        bits += 5;
        if (bits >= 8 && o < HUSHI_ADO_PAT_BYTES) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1u;
        }
    }
    return o == HUSHI_ADO_PAT_BYTES;
}

hushi_validation_t hushi_validate_azure_devops_pat(const unsigned char *v, size_t n)
{
    unsigned char b[HUSHI_ADO_PAT_BYTES];
    if (n != HUSHI_ADO_PAT_SIZE || !decode_pat(v, b))
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    /* The 28 bytes around the checksum bytes 2, 7, 8 and 22. */
    unsigned char token[HUSHI_ADO_TOKEN_BYTES];
    memcpy(token, b, 2);
    memcpy(token + 2, b + 3, 4);
    memcpy(token + 6, b + 9, 13);
    memcpy(token + 19, b + 23, 9);
    uint32_t crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), token, sizeof token);
    uint32_t stored = (uint32_t)b[2] << 24 | (uint32_t)b[7] << 16 | (uint32_t)b[8] << 8 | b[22];
    return stored == (crc ^ HUSHI_ADO_USER_MAGIC) || stored == (crc ^ HUSHI_ADO_APP_MAGIC)
               ? HUSHI_VALIDATION_CHECKSUM
               : HUSHI_VALIDATION_FAILED;
}
