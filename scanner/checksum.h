/*
 * Checksums that vendors embed in their secrets, computed here so that the
 * validators (validate.c, validate_microsoft.c) and the test fakes agree on
 * them.  Pure functions, no state.
 */
#ifndef HUSHI_CHECKSUM_H
#define HUSHI_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* Marvin32 (the keyed hash .NET uses for string hashing) of `data` with a
 * 64-bit seed; returns the 64-bit result (high 32 bits: state p1, low: p0). */
uint64_t hushi_marvin32(const unsigned char *data, size_t size, uint64_t seed);

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
