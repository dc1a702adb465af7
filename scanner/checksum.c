/*
 * Checksums that vendors embed in their secrets (checksum.h).
 *
 * Sources of the formats (facts only, no code copied):
 * - Marvin32: .NET's System.Marvin (dotnet/runtime), checked against the
 *   vectors of its MarvinTests in tests/test_validate.c.
 * - Entra client secret checksum: microsoft/security-utilities,
 *   IdentifiableMetadata.IsAzureAadClientAppIdentifiableSecret (seed constant
 *   AadClientAppChecksumSeed = 0x4161645077643030, character set, "first 3 of
 *   6" checksum characters) and CustomAlphabetEncoder.Encode (most significant
 *   digit first, padded to 6 with the first character of the alphabet).
 * - GitHub token checksum: GitHub's token format announcement (CRC32 of the
 *   random part in base62, six base62 characters at the end); npm classic tokens
 *   ("npm_" + 36) use the same scheme (npm's token format announcement).
 */
#include "checksum.h"

#include <string.h>
#include <zlib.h>

/* The bytes "AadPwd00" taken as a big-endian integer, exactly as Microsoft
 * declares the seed (the first character is the most significant byte). */
#define HUSHI_ENTRA_SEED UINT64_C(0x4161645077643030)
#define HUSHI_ENTRA_DIGITS 6

static const char base62_alphabet[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
static const char entra_alphabet[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890.-_~";

/* ---- Marvin32 ------------------------------------------------------------ */

static uint32_t rotl32(uint32_t x, unsigned k)
{
    return (x << k) | (x >> (32u - k));
}

static void marvin_block(uint32_t *p0, uint32_t *p1)
{
    *p1 ^= *p0;
    *p0 = rotl32(*p0, 20);
    *p0 += *p1;
    *p1 = rotl32(*p1, 9);
    *p1 ^= *p0;
    *p0 = rotl32(*p0, 27);
    *p0 += *p1;
    *p1 = rotl32(*p1, 19);
}

static uint32_t load_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint64_t hushi_marvin32(const unsigned char *data, size_t size, uint64_t seed)
{
    uint32_t p0 = (uint32_t)seed;
    uint32_t p1 = (uint32_t)(seed >> 32);
    for (; size >= 4; data += 4, size -= 4) {
        p0 += load_le32(data);
        marvin_block(&p0, &p1);
    }
    /* The 0-3 leftover bytes, little-endian, followed by a 0x80 byte. */
    uint32_t last = 0x80;
    for (size_t i = size; i-- > 0;)
        last = (last << 8) | data[i];
    p0 += last;
    marvin_block(&p0, &p1);
    marvin_block(&p0, &p1);
    return (uint64_t)p1 << 32 | p0;
}

/* ---- checksum encodings ------------------------------------------------- */

/* Writes `value` as `digits` digits of `alphabet` (its length is the base),
 * most significant first, left-padded with alphabet[0]. */
static void encode_fixed(uint32_t value, const char *alphabet, uint32_t base, char *out,
                         size_t digits)
{
    for (size_t i = digits; i-- > 0;) {
        out[i] = alphabet[value % base];
        value /= base;
    }
}

void hushi_entra_checksum(const unsigned char *data, size_t size, char out[HUSHI_ENTRA_CHECKSUM_SIZE])
{
    uint64_t hash = hushi_marvin32(data, size, HUSHI_ENTRA_SEED);
    uint32_t folded = (uint32_t)(hash >> 32) ^ (uint32_t)hash;
    char digits[HUSHI_ENTRA_DIGITS];
    encode_fixed(folded, entra_alphabet, sizeof entra_alphabet - 1, digits, sizeof digits);
    memcpy(out, digits, HUSHI_ENTRA_CHECKSUM_SIZE);
}

void hushi_github_checksum(const unsigned char *data, size_t size, char out[HUSHI_GITHUB_CHECKSUM_SIZE])
{
    uLong crc = crc32(0L, Z_NULL, 0);
    /* Callers pass 30 bytes; the loop only keeps uInt from truncating. */
    while (size > 0) {
        uInt chunk = size > 0x40000000u ? 0x40000000u : (uInt)size;
        crc = crc32(crc, data, chunk);
        data += chunk;
        size -= chunk;
    }
    encode_fixed((uint32_t)crc, base62_alphabet, sizeof base62_alphabet - 1, out,
                 HUSHI_GITHUB_CHECKSUM_SIZE);
}
