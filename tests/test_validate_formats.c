/*
 * Unit tests for the validators of scanner/validate_microsoft.c and
 * scanner/validate_structure.c (and npm-crc32 in validate.c): Microsoft
 * identifiable keys, common annotated keys, Azure DevOps legacy PATs, PEM
 * private keys, PyPI upload tokens, npm tokens.
 *
 * Every value is FAKE: random bytes from a seeded generator, put in the
 * layout each format documents (the builders below follow the generation
 * code of microsoft/security-utilities, RFC 8017/5208/5915, OpenSSH's
 * PROTOCOL.key and the macaroon v2 format), with "hush test" text where a
 * format has room for text.  Failure messages name the kind and index of a
 * value, never the value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "fake_secrets.h"
#include "checksum.h"
#include "decode.h"
#include "validate.h"

#define GENERATED_PER_KIND 2000
#define TEST_SEED UINT64_C(0x6875736874657374) /* "hushtest" */
#define KEY_MAX 512
#define PEM_MAX 8192

static hushi_validation_t run(const char *validator, const char *value)
{
    hushi_validator_fn fn = hushi_validator_lookup(validator);
    assert_non_null(fn);
    return fn((const unsigned char *)value, strlen(value));
}

static const char b64_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64url_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";


static uint32_t folded(const unsigned char *data, size_t size, uint64_t seed)
{
    uint64_t h = hushi_marvin32(data, size, seed);
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

static void store_le32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* ---- identifiable keys ------------------------------------------------------ */

typedef struct id_kind {
    const char *name, *signature;
    size_t bytes;
    bool url_safe;
    uint64_t seed;
} id_kind_t;

/* One seed per service (several services accept more). */
static const id_kind_t id_kinds[] = {
    {"storage", "+ASt", 64, false, UINT64_C(0x44656661756c7430)},    /* "Default0" */
    {"cosmos", "ACDb", 64, false, UINT64_C(0x4d61737452573030)},     /* "MastRW00" */
    {"batch", "+ABa", 64, false, UINT64_C(0x4162416363743030)},      /* "AbAcct00" */
    {"apim", "APIM", 64, false, UINT64_C(0x4769744b65793030)},       /* "GitKey00" */
    {"ml", "/AM7", 64, false, UINT64_C(0x436c617373696330)},         /* "Classic0" */
    {"servicebus", "+ASb", 32, false, UINT64_C(0x4c697374656e3030)}, /* "Listen00" */
    {"eventhubs", "+AEh", 32, false, UINT64_C(0x53656e6430303030)},  /* "Send0000" */
    {"relay", "+ARm", 32, false, UINT64_C(0x4d616e6167653030)},      /* "Manage00" */
    {"iot", "AIoT", 32, false, UINT64_C(0x4465766963653030)},        /* "Device00" */
    {"redis", "AzCa", 32, false, UINT64_C(0x4163636573733030)},      /* "Access00" */
    {"eventgrid", "AZEG", 32, false, UINT64_C(0x44656661756c7430)},  /* "Default0" */
    {"search", "AzSe", 39, false, UINT64_C(0x5041646d696e3030)},     /* "PAdmin00" */
    {"acr", "+ACR", 39, false, UINT64_C(0x41435244666c7430)},        /* "ACRDflt0" */
    {"functions", "AzFu", 40, true, UINT64_C(0x4d61737465723030)},   /* "Master00" */
};

static int b64_value(char c)
{
    const char *p = strchr(b64_chars, c);
    return p ? (int)(p - b64_chars) : -1;
}

/* As the library generates them: random bytes; the 3 signature bytes
 * shifted into the 4 bytes before the checksum so that they encode to the
 * signature characters, with the bits below them cleared; the checksum of
 * the first size-4 bytes last, little-endian. */
static void make_identifiable(fake_rng_t *rng, const id_kind_t *k, uint64_t seed, char *out)
{
    unsigned char b[64];
    fake_bytes(rng, b, k->bytes);
    unsigned spill = (unsigned)(((k->bytes - 7) * 8) % 6);
    uint32_t sig = 0;
    for (int i = 0; i < 4; i++)
        sig = (sig << 6) | (uint32_t)b64_value(k->signature[i]);
    uint32_t prefix = (uint32_t)b[k->bytes - 8] << 24;
    prefix &= ~(((UINT32_C(1) << spill) - 1u) << 24);
    uint32_t word = prefix | sig << spill;
    for (int i = 0; i < 4; i++)
        b[k->bytes - 8 + i] = (unsigned char)(word >> (24 - 8 * i));
    store_le32(b + k->bytes - 4, folded(b, k->bytes - 4, seed));
    fake_base64_encode(b, k->bytes, k->url_safe, true, out, KEY_MAX);
}

static void test_identifiable_generated(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 20);
    char key[KEY_MAX];
    for (size_t k = 0; k < sizeof id_kinds / sizeof id_kinds[0]; k++) {
        const id_kind_t *kind = &id_kinds[k];
        for (int i = 0; i < GENERATED_PER_KIND; i++) {
            make_identifiable(&rng, kind, kind->seed, key);
            size_t n = strlen(key);
            size_t text_n = n;
            while (key[text_n - 1] == '=')
                text_n--;
            if (memcmp(key + text_n - 10, kind->signature, 4) != 0)
                fail_msg("%s key %d: signature not where the format puts it", kind->name, i);
            if (run("ms-identifiable-key", key) != HUSHI_VALIDATION_CHECKSUM)
                fail_msg("generated %s key %d does not validate", kind->name, i);
            /* Any character but the signature changed: the checksum fails
             * (a changed last character may only touch zero padding bits). */
            size_t pos = fake_rng_below(&rng, (uint32_t)(text_n - 1));
            if (pos >= text_n - 10 && pos < text_n - 6)
                pos = 0;
            fake_flip(&rng, key, pos, kind->url_safe ? b64url_chars : b64_chars);
            if (run("ms-identifiable-key", key) != HUSHI_VALIDATION_FAILED)
                fail_msg("%s key %d with position %zu changed still validates", kind->name, i, pos);
        }
    }
}

static void test_identifiable_seeds_and_shapes(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 21);
    char key[KEY_MAX], copy[KEY_MAX];
    /* A seed of another service: the signature is right, the checksum not. */
    make_identifiable(&rng, &id_kinds[0], UINT64_C(0x4d61737452573030), key);
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_FAILED);
    /* Other Service Bus seeds ("Send0000", "Manage00") pass too. */
    make_identifiable(&rng, &id_kinds[5], UINT64_C(0x53656e6430303030), key);
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_CHECKSUM);
    make_identifiable(&rng, &id_kinds[5], UINT64_C(0x4d616e6167653030), key);
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_CHECKSUM);

    /* Derived keys: 42 bytes, checksummed with the seed or its complement. */
    const id_kind_t derived = {"derived storage", "+ASt", 42, false, UINT64_C(0x44656661756c7430)};
    make_identifiable(&rng, &derived, derived.seed, key);
    assert_int_equal(strlen(key), 56);
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_CHECKSUM);
    make_identifiable(&rng, &derived, ~derived.seed, key);
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_CHECKSUM);
    key[10] = key[10] == 'A' ? 'B' : 'A';
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_FAILED);

    /* Old random keys (no signature) and other lengths: nothing to check. */
    fake_storage_key(&rng, key, sizeof key);
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_NOT_APPLICABLE);
    fake_sas_sig(&rng, key, sizeof key);
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_NOT_APPLICABLE);
    make_identifiable(&rng, &id_kinds[0], id_kinds[0].seed, key);
    strcpy(copy, key + 4); /* 84 characters: not a 64-byte key any more */
    assert_int_equal(run("ms-identifiable-key", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    /* A 64-byte signature in a 32-byte key. */
    make_identifiable(&rng, &id_kinds[5], id_kinds[5].seed, key);
    memcpy(key + 33, "+ASt", 4);
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_NOT_APPLICABLE);
    assert_int_equal(run("ms-identifiable-key", ""), HUSHI_VALIDATION_NOT_APPLICABLE);
    assert_int_equal(run("ms-identifiable-key", "hush test"), HUSHI_VALIDATION_NOT_APPLICABLE);

    /* Without its padding the key still validates (URL-safe keys often
     * lose it); with a character outside base64 it fails. */
    make_identifiable(&rng, &id_kinds[13], id_kinds[13].seed, key);
    key[strlen(key) - 2] = '\0';
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_CHECKSUM);
    key[3] = '!';
    assert_int_equal(run("ms-identifiable-key", key), HUSHI_VALIDATION_FAILED);
}

/* ---- common annotated keys --------------------------------------------------- */

static const char alnum_chars[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* 52 random, "JQQJ99", year and month, 16 reserved, the signature, then
 * base64 of the first 3 little-endian bytes of the checksum of the 60 bytes
 * the first 80 characters encode; redrawn until that has no '+' or '/'. */
static void make_cask(fake_rng_t *rng, const char *signature, bool long_form, char *out)
{
    for (;;) {
        fake_alnum(rng, 52, out, KEY_MAX);
        memcpy(out + 52, "JQQJ99", 6);
        out[58] = (char)('A' + fake_rng_below(rng, 6));
        out[59] = (char)('A' + fake_rng_below(rng, 12));
        fake_alnum(rng, 16, out + 60, KEY_MAX - 60);
        memcpy(out + 76, signature, 4);
        out[80] = '\0';
        unsigned char bytes[64];
        size_t got = 0;
        assert_true(hushi_base64_decode(out, 80, bytes, &got));
        assert_int_equal(got, 60);
        store_le32(bytes + 60, folded(bytes, 60, UINT64_C(0x44656661756c7430)));
        char full[KEY_MAX];
        fake_base64_encode(bytes, 64, false, true, full, sizeof full);
        if (strpbrk(full + 80, "+/"))
            continue;
        memcpy(out, full, 88);
        out[long_form ? 88 : 84] = '\0';
        return;
    }
}

static void test_cask_generated(void **state)
{
    (void)state;
    static const char *const signatures[] = {"AZDO", "ACOG", "AWPS", "APIM"};
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 22);
    char key[KEY_MAX];
    for (int i = 0; i < GENERATED_PER_KIND; i++) {
        bool long_form = i % 4 == 3;
        make_cask(&rng, signatures[i % 4], long_form, key);
        if (run("ms-common-annotated-key", key) != HUSHI_VALIDATION_CHECKSUM)
            fail_msg("generated common annotated key %d does not validate", i);
        /* A random or reserved character changed: the checksum fails. */
        size_t pos = fake_rng_below(&rng, 52);
        if (i % 2)
            pos = 60 + fake_rng_below(&rng, 20);
        fake_flip(&rng, key, pos, alnum_chars);
        if (run("ms-common-annotated-key", key) != HUSHI_VALIDATION_FAILED)
            fail_msg("common annotated key %d with position %zu changed still validates", i, pos);
    }
}

static void test_cask_shapes(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 23);
    char key[KEY_MAX], copy[KEY_MAX];
    make_cask(&rng, "AZDO", false, key);
    /* A checksum character changed. */
    strcpy(copy, key);
    fake_flip(&rng, copy, 82, alnum_chars);
    assert_int_equal(run("ms-common-annotated-key", copy), HUSHI_VALIDATION_FAILED);
    /* Not the format: wrong fixed signature, month, length, alphabet. */
    strcpy(copy, key);
    copy[55] = 'K';
    assert_int_equal(run("ms-common-annotated-key", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    strcpy(copy, key);
    copy[59] = 'M';
    assert_int_equal(run("ms-common-annotated-key", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    strcpy(copy, key);
    copy[83] = '\0';
    assert_int_equal(run("ms-common-annotated-key", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    strcpy(copy, key);
    copy[10] = '+';
    assert_int_equal(run("ms-common-annotated-key", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    /* Another character after "JQQJ9": an altered key. */
    strcpy(copy, key);
    copy[57] = '8';
    assert_int_equal(run("ms-common-annotated-key", copy), HUSHI_VALIDATION_FAILED);
    /* Derived keys ("JQQJ9D") carry a differently encoded checksum. */
    strcpy(copy, key);
    copy[57] = 'D';
    assert_int_equal(run("ms-common-annotated-key", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    /* The long form's last checksum character only has 2 data bits. */
    make_cask(&rng, "AZDO", true, key);
    strcpy(copy, key);
    copy[85] = copy[85] == 'A' ? 'B' : 'A';
    assert_int_equal(run("ms-common-annotated-key", copy), HUSHI_VALIDATION_FAILED);
}

/* ---- Azure DevOps legacy PATs --------------------------------------------------- */

static const char base32_chars[] = "abcdefghijklmnopqrstuvwxyz234567";

/* 32 random bytes with the checksum in bytes 2, 7, 8, 22, in base32
 * (the 4 bits after the last byte are zero). */
static void make_pat(fake_rng_t *rng, uint32_t magic, char *out)
{
    unsigned char b[32];
    fake_bytes(rng, b, sizeof b);
    unsigned char token[28];
    memcpy(token, b, 2);
    memcpy(token + 2, b + 3, 4);
    memcpy(token + 6, b + 9, 13);
    memcpy(token + 19, b + 23, 9);
    uint32_t c = (uint32_t)crc32(crc32(0L, Z_NULL, 0), token, sizeof token) ^ magic;
    b[2] = (unsigned char)(c >> 24);
    b[7] = (unsigned char)(c >> 16);
    b[8] = (unsigned char)(c >> 8);
    b[22] = (unsigned char)c;
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t o = 0;
    for (size_t i = 0; i < sizeof b; i++) {
        acc = (acc << 8) | b[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out[o++] = base32_chars[(acc >> bits) & 31];
        }
        acc &= (1u << bits) - 1u;
    }
    out[o++] = base32_chars[(acc << (5 - bits)) & 31];
    out[o] = '\0';
}

static void test_ado_pat_generated(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 24);
    char pat[KEY_MAX];
    for (int i = 0; i < GENERATED_PER_KIND; i++) {
        /* User and application PATs differ in the constant. */
        make_pat(&rng, i % 2 ? UINT32_C(0x1019F92E) : UINT32_C(0xE0B9692D), pat);
        assert_int_equal(strlen(pat), 52);
        if (run("azure-devops-pat", pat) != HUSHI_VALIDATION_CHECKSUM)
            fail_msg("generated Azure DevOps PAT %d does not validate", i);
        size_t pos = fake_rng_below(&rng, 51); /* the last char holds unused bits */
        fake_flip(&rng, pat, pos, base32_chars);
        if (run("azure-devops-pat", pat) != HUSHI_VALIDATION_FAILED)
            fail_msg("Azure DevOps PAT %d with position %zu changed still validates", i, pos);
    }
    make_pat(&rng, UINT32_C(0x12345678), pat); /* another constant */
    assert_int_equal(run("azure-devops-pat", pat), HUSHI_VALIDATION_FAILED);
    pat[51] = '\0';
    assert_int_equal(run("azure-devops-pat", pat), HUSHI_VALIDATION_NOT_APPLICABLE);
    make_pat(&rng, UINT32_C(0xE0B9692D), pat);
    pat[7] = '1'; /* not base32 */
    assert_int_equal(run("azure-devops-pat", pat), HUSHI_VALIDATION_NOT_APPLICABLE);
}

/* ---- PEM private keys -------------------------------------------------------------- */

typedef struct der_buf {
    unsigned char b[4096];
    size_t n;
} der_buf_t;

static void der_header(der_buf_t *d, unsigned char tag, size_t len)
{
    d->b[d->n++] = tag;
    if (len < 0x80) {
        d->b[d->n++] = (unsigned char)len;
    } else if (len < 0x100) {
        d->b[d->n++] = 0x81;
        d->b[d->n++] = (unsigned char)len;
    } else {
        d->b[d->n++] = 0x82;
        d->b[d->n++] = (unsigned char)(len >> 8);
        d->b[d->n++] = (unsigned char)len;
    }
}

/* An element with random content (INTEGERs kept positive). */
static void der_random(fake_rng_t *rng, der_buf_t *d, unsigned char tag, size_t len)
{
    der_header(d, tag, len);
    fake_bytes(rng, d->b + d->n, len);
    if (tag == 0x02)
        d->b[d->n] = (unsigned char)(d->b[d->n] & 0x7f) | 0x01;
    d->n += len;
}

static void der_bytes(der_buf_t *d, const void *p, size_t len)
{
    memcpy(d->b + d->n, p, len);
    d->n += len;
}

/* SEQUENCE around the content built in `inner`. */
static void der_wrap(der_buf_t *out, const der_buf_t *inner)
{
    out->n = 0;
    der_header(out, 0x30, inner->n);
    der_bytes(out, inner->b, inner->n);
}

static void make_der(fake_rng_t *rng, const char *label, der_buf_t *out)
{
    static const unsigned char version0[] = {0x02, 0x01, 0x00}, version1[] = {0x02, 0x01, 0x01};
    static const unsigned char alg[] = {0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
                                        0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    der_buf_t in = {.n = 0};
    if (strcmp(label, "RSA PRIVATE KEY") == 0) {
        static const size_t sizes[] = {257, 3, 256, 129, 129, 128, 128, 128};
        der_bytes(&in, version0, sizeof version0);
        for (size_t i = 0; i < 8; i++)
            der_random(rng, &in, 0x02, sizes[i]);
    } else if (strcmp(label, "EC PRIVATE KEY") == 0) {
        der_bytes(&in, version1, sizeof version1);
        der_random(rng, &in, 0x04, 32);
        der_random(rng, &in, 0xa1, 68);
    } else if (strcmp(label, "PRIVATE KEY") == 0) {
        der_bytes(&in, version0, sizeof version0);
        der_bytes(&in, alg, sizeof alg);
        der_random(rng, &in, 0x04, 600);
    } else { /* ENCRYPTED PRIVATE KEY */
        der_bytes(&in, alg, sizeof alg);
        der_random(rng, &in, 0x04, 640);
    }
    der_wrap(out, &in);
}

static void put_be32(der_buf_t *d, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        d->b[d->n++] = (unsigned char)(v >> (24 - 8 * i));
}

static void put_ssh_string(der_buf_t *d, const char *s, size_t len)
{
    put_be32(d, (uint32_t)len);
    der_bytes(d, s, len);
}

static void make_openssh(fake_rng_t *rng, der_buf_t *out)
{
    out->n = 0;
    der_bytes(out, "openssh-key-v1", 15);
    put_ssh_string(out, "none", 4);
    put_ssh_string(out, "none", 4);
    put_ssh_string(out, "", 0);
    put_be32(out, 1);
    put_be32(out, 51);
    fake_bytes(rng, out->b + out->n, 51);
    out->n += 51;
    put_be32(out, 144);
    fake_bytes(rng, out->b + out->n, 144);
    out->n += 144;
}

/* BEGIN line, base64 in 64-character lines joined by `newline`, END line. */
static void make_pem(const char *label, const der_buf_t *der, const char *newline, char *out)
{
    char b64[PEM_MAX];
    size_t b64_n = fake_base64_encode(der->b, der->n, false, true, b64, sizeof b64);
    size_t o = (size_t)snprintf(out, PEM_MAX, "-----BEGIN %s-----%s", label, newline);
    for (size_t i = 0; i < b64_n; i += 64)
        o += (size_t)snprintf(out + o, PEM_MAX - o, "%.64s%s", b64 + i, newline);
    snprintf(out + o, PEM_MAX - o, "-----END %s-----", label);
}

static const char *const pem_labels[] = {"RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY",
                                         "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY"};

static void make_pem_kind(fake_rng_t *rng, size_t kind, const char *newline, char *out)
{
    der_buf_t der;
    if (kind == 4)
        make_openssh(rng, &der);
    else
        make_der(rng, pem_labels[kind], &der);
    make_pem(pem_labels[kind], &der, newline, out);
}

static void test_pem_generated(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 25);
    static char pem[PEM_MAX];
    for (size_t kind = 0; kind < 5; kind++) {
        for (int i = 0; i < 50; i++) {
            const char *newline = i % 3 == 0 ? "\n" : i % 3 == 1 ? "\r\n" : "\\n";
            make_pem_kind(&rng, kind, newline, pem);
            if (run("pem-private-key", pem) != HUSHI_VALIDATION_STRUCTURE)
                fail_msg("generated %s %d does not parse", pem_labels[kind], i);
            /* The structure's first bytes changed: it no longer parses. */
            size_t body = strlen("-----BEGIN -----") + strlen(pem_labels[kind]) + strlen(newline);
            pem[body + fake_rng_below(&rng, 2)] ^= 0x01;
            if (run("pem-private-key", pem) != HUSHI_VALIDATION_FAILED)
                fail_msg("%s %d with its header changed still parses", pem_labels[kind], i);
        }
    }
}

static void test_pem_shapes(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 26);
    static char pem[PEM_MAX], copy[PEM_MAX];
    make_pem_kind(&rng, 0, "\n", pem);
    /* A line missing: the outer length no longer matches. */
    strcpy(copy, pem);
    char *second = strchr(strchr(copy, '\n') + 1, '\n') + 1;
    memmove(second, strchr(second, '\n') + 1, strlen(strchr(second, '\n') + 1) + 1);
    assert_int_equal(run("pem-private-key", copy), HUSHI_VALIDATION_FAILED);
    /* Cut short by a log line limit: no END line. */
    strcpy(copy, pem);
    *strstr(copy, "\n-----END ") = '\0';
    assert_int_equal(run("pem-private-key", copy), HUSHI_VALIDATION_FAILED);
    /* Logged line by line: a prefix with ':' before every body line is not
     * a legacy header (which keeps the rule's confidence, below). */
    size_t o = 0;
    for (const char *line = pem; *line;) {
        const char *eol = strchr(line, '\n');
        size_t n = eol ? (size_t)(eol - line) : strlen(line);
        o += (size_t)snprintf(copy + o, PEM_MAX - o, "%s%.*s%s",
                              line == pem ? "" : "2026-12-08T10:00:00Z app[123]: ", (int)n, line,
                              eol ? "\n" : "");
        line += n + (eol != NULL);
    }
    assert_true(o < PEM_MAX);
    assert_int_equal(run("pem-private-key", copy), HUSHI_VALIDATION_FAILED);
    /* Random bytes in the envelope, as older fakes made them. */
    unsigned char raw[480];
    fake_bytes(&rng, raw, sizeof raw);
    der_buf_t random_der = {.n = sizeof raw};
    memcpy(random_der.b, raw, sizeof raw);
    random_der.b[0] = 0x04; /* never a SEQUENCE */
    make_pem("RSA PRIVATE KEY", &random_der, "\n", copy);
    assert_int_equal(run("pem-private-key", copy), HUSHI_VALIDATION_FAILED);
    /* Dots, as documentation elides a key. */
    assert_int_equal(run("pem-private-key",
                         "-----BEGIN RSA PRIVATE KEY-----\nMIIEhush...test\n-----END RSA PRIVATE KEY-----"),
                     HUSHI_VALIDATION_FAILED);
    /* Legacy encrypted PEM, PGP, mismatched labels: nothing to check. */
    assert_int_equal(run("pem-private-key",
                         "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                         "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                         "aHVzaCB0ZXN0IGNpcGhlcnRleHQ=\n-----END RSA PRIVATE KEY-----"),
                     HUSHI_VALIDATION_NOT_APPLICABLE);
    assert_int_equal(run("pem-private-key", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n"
                                            "aHVzaCB0ZXN0\n-----END PGP PRIVATE KEY BLOCK-----"),
                     HUSHI_VALIDATION_NOT_APPLICABLE);
    strcpy(copy, pem);
    memcpy(strstr(copy, "-----END ") + 9, "DSA", 3);
    assert_int_equal(run("pem-private-key", copy), HUSHI_VALIDATION_NOT_APPLICABLE);
    assert_int_equal(run("pem-private-key", "hush test"), HUSHI_VALIDATION_NOT_APPLICABLE);
    /* An OpenSSH blob with a key count of zero. */
    der_buf_t ssh;
    make_openssh(&rng, &ssh);
    memset(ssh.b + 15 + 8 + 8 + 4, 0, 4); /* after magic and three strings */
    make_pem("OPENSSH PRIVATE KEY", &ssh, "\n", copy);
    assert_int_equal(run("pem-private-key", copy), HUSHI_VALIDATION_FAILED);
}

/* ---- PyPI upload tokens ------------------------------------------------------------ */

static void put_field(der_buf_t *d, unsigned char type, const void *data, size_t len)
{
    d->b[d->n++] = type;
    for (size_t v = len;; v >>= 7) { /* varint, low 7 bits first */
        d->b[d->n++] = (unsigned char)((v & 0x7f) | (v >= 0x80 ? 0x80 : 0));
        if (v < 0x80)
            break;
    }
    der_bytes(d, data, len);
}

/* "pypi-" + base64url of: version 2, location, identifier, EOS, one
 * first-party caveat, EOS, EOS, 32-byte signature. */
static void make_pypi(fake_rng_t *rng, const char *location, char *out)
{
    static const char caveat[] = "{\"version\": 1, \"permissions\": \"user\", \"hush\": \"test\"}";
    der_buf_t m = {.n = 0};
    m.b[m.n++] = 2;
    put_field(&m, 1, location, strlen(location));
    char id[40];
    fake_hex(rng, 32, id, sizeof id);
    put_field(&m, 2, id, 32);
    m.b[m.n++] = 0;
    put_field(&m, 2, caveat, strlen(caveat));
    m.b[m.n++] = 0;
    m.b[m.n++] = 0;
    unsigned char sig[32];
    fake_bytes(rng, sig, sizeof sig);
    put_field(&m, 6, sig, sizeof sig);
    memcpy(out, "pypi-", 5);
    fake_base64_encode(m.b, m.n, true, false, out + 5, KEY_MAX - 5);
}

static void test_pypi_generated(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 27);
    char token[KEY_MAX];
    for (int i = 0; i < GENERATED_PER_KIND; i++) {
        make_pypi(&rng, i % 2 ? "pypi.org" : "test.pypi.org", token);
        if (strncmp(token, "pypi-AgE", 8) != 0)
            fail_msg("PyPI token %d does not start as PyPI's do", i);
        if (run("pypi-macaroon", token) != HUSHI_VALIDATION_STRUCTURE)
            fail_msg("generated PyPI token %d does not parse", i);
        if (run("pypi-macaroon", token + 5) != HUSHI_VALIDATION_STRUCTURE)
            fail_msg("generated PyPI token %d without prefix does not parse", i);
    }
    /* Another location, a cut token, a changed field type. */
    make_pypi(&rng, "pypi.hush-test.org", token);
    assert_int_equal(run("pypi-macaroon", token), HUSHI_VALIDATION_FAILED);
    make_pypi(&rng, "pypi.org", token);
    char copy[KEY_MAX];
    strcpy(copy, token);
    copy[strlen(copy) - 10] = '\0';
    assert_int_equal(run("pypi-macaroon", copy), HUSHI_VALIDATION_FAILED);
    strcpy(copy, token);
    copy[5] = 'B'; /* version byte 2 -> 6 */
    assert_int_equal(run("pypi-macaroon", copy), HUSHI_VALIDATION_FAILED);
    assert_int_equal(run("pypi-macaroon", "pypi-hush-test"), HUSHI_VALIDATION_FAILED);
    assert_int_equal(run("pypi-macaroon", "pypi-"), HUSHI_VALIDATION_NOT_APPLICABLE);
}

/* ---- npm ------------------------------------------------------------------------- */

static void test_npm(void **state)
{
    (void)state;
    fake_rng_t rng;
    fake_rng_init(&rng, TEST_SEED + 28);
    char token[KEY_MAX];
    for (int i = 0; i < GENERATED_PER_KIND; i++) {
        assert_int_equal(fake_npm_token(&rng, token, sizeof token), 40);
        if (run("npm-crc32", token) != HUSHI_VALIDATION_CHECKSUM)
            fail_msg("generated npm token %d does not validate", i);
        if (run("npm-crc32", token + 4) != HUSHI_VALIDATION_CHECKSUM)
            fail_msg("body of generated npm token %d does not validate", i);
        size_t pos = 4 + fake_rng_below(&rng, 36);
        fake_flip(&rng, token, pos, alnum_chars);
        if (run("npm-crc32", token) != HUSHI_VALIDATION_FAILED)
            fail_msg("npm token %d with position %zu changed still validates", i, pos);
    }
    /* github-crc32 knows GitHub's prefixes only: the whole npm token is
     * not for it, its last 36 characters are. */
    fake_npm_token(&rng, token, sizeof token);
    assert_int_equal(run("github-crc32", token), HUSHI_VALIDATION_NOT_APPLICABLE);
    assert_int_equal(run("github-crc32", token + 4), HUSHI_VALIDATION_CHECKSUM);
    assert_int_equal(run("npm-crc32", "npm_hushtest"), HUSHI_VALIDATION_NOT_APPLICABLE);
    token[39] = '\0';
    assert_int_equal(run("npm-crc32", token), HUSHI_VALIDATION_NOT_APPLICABLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identifiable_generated),
        cmocka_unit_test(test_identifiable_seeds_and_shapes),
        cmocka_unit_test(test_cask_generated),
        cmocka_unit_test(test_cask_shapes),
        cmocka_unit_test(test_ado_pat_generated),
        cmocka_unit_test(test_pem_generated),
        cmocka_unit_test(test_pem_shapes),
        cmocka_unit_test(test_pypi_generated),
        cmocka_unit_test(test_npm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
