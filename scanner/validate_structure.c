/*
 * Structure checks on encoded secrets: a PEM private key block must hold
 * DER (or an openssh-key-v1 blob) that parses, a PyPI upload token must
 * hold a binary v2 macaroon issued for PyPI.  Random text in the right
 * envelope fails them, which is how hand-made fakes and truncated pastes
 * drop to low confidence.
 *
 * Sources of the formats (facts only, no code copied):
 * - PEM labels and base64 body: RFC 7468; legacy encrypted PEM headers
 *   (Proc-Type, DEK-Info): RFC 1421.
 * - DER: ITU-T X.690 (definite lengths, short and long form).
 * - Key structures: RSAPrivateKey (RFC 8017 A.1.2), ECPrivateKey (RFC 5915),
 *   PrivateKeyInfo and EncryptedPrivateKeyInfo (RFC 5208 / 5958), OpenSSL's
 *   DSA private key (version, p, q, g, y, x).
 * - openssh-key-v1: OpenSSH's PROTOCOL.key (magic, then ciphername, kdfname,
 *   kdfoptions as uint32-length strings, uint32 number of keys, public key).
 * - Macaroon v2 binary format: libmacaroons' serialization (version byte 2;
 *   fields as type byte, varint length, data; 1 location, 2 identifier,
 *   4 verification id, 6 signature; 0 ends a section), as pymacaroons and
 *   PyPI's warehouse write it; PyPI tokens are "pypi-" + unpadded base64url.
 */
#include "validate_structure.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "decode.h"
#include "span.h"

/* ---- PEM private keys ------------------------------------------------------ */

/* No private key is this large; longer values are not decoded. */
#define HUSHI_PEM_MAX_SIZE (64u * 1024u)
#define HUSHI_PEM_DASHES "-----"
#define HUSHI_PEM_BEGIN "-----BEGIN "
#define HUSHI_PEM_END "-----END "
#define HUSHI_DER_SEQUENCE 0x30
#define HUSHI_DER_INTEGER 0x02
#define HUSHI_DER_OCTET_STRING 0x04
/* Long-form DER lengths up to 4 bytes (4 GiB) are read. */
#define HUSHI_DER_MAX_LENGTH_BYTES 4
#define HUSHI_OPENSSH_MAGIC "openssh-key-v1"
#define HUSHI_OPENSSH_MAGIC_SIZE 15 /* with its NUL */
/* OpenSSH writes one key per file; a few more are allowed. */
#define HUSHI_OPENSSH_MAX_KEYS 16

typedef enum pem_kind {
    PEM_UNKNOWN,
    PEM_RSA,       /* RSAPrivateKey: version, n, e, d, p, q, ... */
    PEM_EC,        /* ECPrivateKey: version 1, privateKey OCTET STRING, ... */
    PEM_DSA,       /* version, p, q, g, y, x */
    PEM_PKCS8,     /* PrivateKeyInfo: version, AlgorithmIdentifier, OCTET STRING */
    PEM_ENCRYPTED, /* EncryptedPrivateKeyInfo: AlgorithmIdentifier, OCTET STRING */
    PEM_OPENSSH
} pem_kind_t;

static pem_kind_t pem_kind(hushi_span_t label)
{
    static const struct {
        const char *label;
        pem_kind_t kind;
    } kinds[] = {
        {"RSA PRIVATE KEY", PEM_RSA},         {"EC PRIVATE KEY", PEM_EC},
        {"DSA PRIVATE KEY", PEM_DSA},         {"PRIVATE KEY", PEM_PKCS8},
        {"ENCRYPTED PRIVATE KEY", PEM_ENCRYPTED}, {"OPENSSH PRIVATE KEY", PEM_OPENSSH},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (hushi_span_equals(label, kinds[i].label))
            return kinds[i].kind;
    return PEM_UNKNOWN;
}

typedef enum pem_split {
    PEM_SPLIT_OK,        /* "-----BEGIN <label>-----<body>-----END <label>-----" */
    PEM_SPLIT_CUT_SHORT, /* a BEGIN line and a body, no END: a block cut off */
    PEM_SPLIT_OTHER      /* no BEGIN line, or labels that differ */
} pem_split_t;

/* Splits a PEM block into its label and body. */
static pem_split_t split_pem(const unsigned char *v, size_t n, hushi_span_t *label,
                             hushi_span_t *body)
{
    size_t begin = strlen(HUSHI_PEM_BEGIN), dashes = strlen(HUSHI_PEM_DASHES);
    if (n < begin || memcmp(v, HUSHI_PEM_BEGIN, begin) != 0)
        return PEM_SPLIT_OTHER;
    const unsigned char *l = v + begin;
    const unsigned char *l_end = memmem(l, n - begin, HUSHI_PEM_DASHES, dashes);
    if (!l_end)
        return PEM_SPLIT_OTHER;
    *label = (hushi_span_t){l, (size_t)(l_end - l)};
    const unsigned char *b = l_end + dashes;
    size_t rest = n - (size_t)(b - v);
    const unsigned char *end = memmem(b, rest, HUSHI_PEM_END, strlen(HUSHI_PEM_END));
    if (!end)
        return PEM_SPLIT_CUT_SHORT;
    *body = (hushi_span_t){b, (size_t)(end - b)};
    const unsigned char *end_label = end + strlen(HUSHI_PEM_END);
    size_t tail = n - (size_t)(end_label - v);
    return tail == label->n + dashes && memcmp(end_label, label->p, label->n) == 0 &&
                   memcmp(end_label + label->n, HUSHI_PEM_DASHES, dashes) == 0
               ? PEM_SPLIT_OK
               : PEM_SPLIT_OTHER;
}

/* The base64 characters of a body, without line breaks, indentation and the
 * "\n" / "\r" escapes of JSON or shell strings.  False on any other byte. */
static bool collect_base64(hushi_span_t body, char *out, size_t *out_n)
{
    size_t o = 0;
    for (size_t i = 0; i < body.n; i++) {
        unsigned char c = body.p[i];
        if (hushi_ascii_is_space(c))
            continue;
        if (c == '\\') {
            /* One or more backslashes (escaped escapes) then n or r. */
            size_t j = i;
            while (j < body.n && body.p[j] == '\\')
                j++;
            if (j < body.n && (body.p[j] == 'n' || body.p[j] == 'r')) {
                i = j;
                continue;
            }
            return false;
        }
        bool b64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '+' || c == '/' || c == '=';
        if (!b64)
            return false;
        out[o++] = (char)c;
    }
    *out_n = o;
    return true;
}

typedef struct der_tlv {
    unsigned char tag;
    size_t header, length; /* header bytes, content bytes */
} der_tlv_t;

/* One definite-length TLV at the start of p[0..n); false when it does not
 * fit or uses a form DER forbids. */
static bool der_read(const unsigned char *p, size_t n, der_tlv_t *t)
{
    if (n < 2 || (p[0] & 0x1f) == 0x1f) /* high tag numbers never occur in keys */
        return false;
    t->tag = p[0];
    size_t len = p[1];
    size_t header = 2;
    if (len & 0x80) {
        size_t count = len & 0x7f;
        if (count == 0 || count > HUSHI_DER_MAX_LENGTH_BYTES || n < 2 + count || p[2] == 0)
            return false;
        len = 0;
        for (size_t i = 0; i < count; i++)
            len = (len << 8) | p[2 + i];
        if (len < 0x80)
            return false;
        header += count;
    }
    if (len > n - header)
        return false;
    t->header = header;
    t->length = len;
    return true;
}

/* The tags of the elements that exactly fill a SEQUENCE's content, up to
 * `max`; false when they do not tile it. */
static bool der_children(const unsigned char *p, size_t n, unsigned char *tags, size_t max,
                         size_t *count)
{
    size_t c = 0;
    while (n > 0) {
        der_tlv_t t;
        if (!der_read(p, n, &t))
            return false;
        if (c < max)
            tags[c] = t.tag;
        c++;
        p += t.header + t.length;
        n -= t.header + t.length;
    }
    *count = c;
    return true;
}

#define HUSHI_DER_MAX_CHILDREN 12

static bool der_key_ok(const unsigned char *der, size_t n, pem_kind_t kind)
{
    der_tlv_t outer;
    if (!der_read(der, n, &outer) || outer.tag != HUSHI_DER_SEQUENCE ||
        outer.header + outer.length != n)
        return false;
    unsigned char tags[HUSHI_DER_MAX_CHILDREN];
    size_t count = 0;
    if (!der_children(der + outer.header, outer.length, tags, HUSHI_DER_MAX_CHILDREN, &count))
        return false;
    switch (kind) {
    case PEM_RSA:
        return count >= 9 && tags[0] == HUSHI_DER_INTEGER && tags[1] == HUSHI_DER_INTEGER &&
               tags[8] == HUSHI_DER_INTEGER;
    case PEM_DSA:
        return count == 6 && tags[0] == HUSHI_DER_INTEGER && tags[5] == HUSHI_DER_INTEGER;
    case PEM_EC:
        return count >= 2 && tags[0] == HUSHI_DER_INTEGER && tags[1] == HUSHI_DER_OCTET_STRING;
    case PEM_PKCS8:
        return count >= 3 && tags[0] == HUSHI_DER_INTEGER && tags[1] == HUSHI_DER_SEQUENCE &&
               tags[2] == HUSHI_DER_OCTET_STRING;
    case PEM_ENCRYPTED:
        return count == 2 && tags[0] == HUSHI_DER_SEQUENCE && tags[1] == HUSHI_DER_OCTET_STRING;
    default:
        return false;
    }
}

static bool read_be32(const unsigned char *p, size_t n, size_t *at, uint32_t *out)
{
    if (n - *at < 4)
        return false;
    const unsigned char *q = p + *at;
    *out = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3];
    *at += 4;
    return true;
}

static bool skip_ssh_string(const unsigned char *p, size_t n, size_t *at)
{
    uint32_t len;
    if (!read_be32(p, n, at, &len) || len > n - *at)
        return false;
    *at += len;
    return true;
}

/* Magic, three strings, a key count, that many public keys, then the
 * private section as one string that ends the blob. */
static bool openssh_ok(const unsigned char *p, size_t n)
{
    if (n < HUSHI_OPENSSH_MAGIC_SIZE || memcmp(p, HUSHI_OPENSSH_MAGIC, HUSHI_OPENSSH_MAGIC_SIZE) != 0)
        return false;
    size_t at = HUSHI_OPENSSH_MAGIC_SIZE;
    uint32_t keys;
    for (int i = 0; i < 3; i++)
        if (!skip_ssh_string(p, n, &at))
            return false;
    if (!read_be32(p, n, &at, &keys) || keys == 0 || keys > HUSHI_OPENSSH_MAX_KEYS)
        return false;
    for (uint32_t i = 0; i < keys; i++)
        if (!skip_ssh_string(p, n, &at))
            return false;
    return skip_ssh_string(p, n, &at) && at == n;
}

hushi_validation_t hushi_validate_pem_private_key(const unsigned char *v, size_t n)
{
    hushi_span_t label, body;
    if (n > HUSHI_PEM_MAX_SIZE)
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    switch (split_pem(v, n, &label, &body)) {
    case PEM_SPLIT_OK:
        break;
    case PEM_SPLIT_CUT_SHORT:
        /* A key cut off by a log line limit: not a whole key, still a leak
         * (the rule's failed_confidence says how sure). */
        return HUSHI_VALIDATION_FAILED;
    case PEM_SPLIT_OTHER:
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    }
    pem_kind_t kind = pem_kind(label);
    /* Legacy encrypted PEM has headers ("Proc-Type: 4,ENCRYPTED") and a
     * ciphertext body: nothing to parse.  Any other ':' (a log prefix on
     * every line) fails the base64 below. */
    static const char proc_type[] = "Proc-Type:";
    if (kind == PEM_UNKNOWN || memmem(body.p, body.n, proc_type, strlen(proc_type)))
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    char *text = malloc(body.n + 1);
    unsigned char *der = malloc(body.n * 3 / 4 + 3);
    hushi_validation_t result = HUSHI_VALIDATION_FAILED;
    size_t text_n = 0, der_n = 0;
    if (!text || !der)
        result = HUSHI_VALIDATION_NOT_APPLICABLE;
    else if (collect_base64(body, text, &text_n) && text_n > 0 &&
             hushi_base64_decode(text, text_n, der, &der_n) &&
             (kind == PEM_OPENSSH ? openssh_ok(der, der_n) : der_key_ok(der, der_n, kind)))
        result = HUSHI_VALIDATION_STRUCTURE;
    free(text);
    free(der);
    return result;
}

/* ---- PyPI upload tokens ------------------------------------------------------ */

#define HUSHI_PYPI_PREFIX "pypi-"
/* Tokens are a few hundred characters; longer values are not decoded. */
#define HUSHI_PYPI_MAX_SIZE 8192u
#define HUSHI_MACAROON_V2 2
#define HUSHI_MACAROON_EOS 0
#define HUSHI_MACAROON_LOCATION 1
#define HUSHI_MACAROON_IDENTIFIER 2
#define HUSHI_MACAROON_VID 4
#define HUSHI_MACAROON_SIGNATURE 6
#define HUSHI_MACAROON_SIGNATURE_SIZE 32
/* A varint of a field length: 4 bytes (28 bits) is far beyond any token. */
#define HUSHI_MACAROON_MAX_VARINT 4

typedef struct macaroon_field {
    unsigned char type;
    hushi_span_t data;
} macaroon_field_t;

typedef struct reader {
    const unsigned char *p;
    size_t n, at;
} reader_t;

static bool read_field(reader_t *r, macaroon_field_t *f)
{
    if (r->at >= r->n)
        return false;
    f->type = r->p[r->at++];
    f->data = (hushi_span_t){NULL, 0};
    if (f->type == HUSHI_MACAROON_EOS)
        return true;
    size_t len = 0;
    for (int i = 0;; i++) {
        if (i == HUSHI_MACAROON_MAX_VARINT || r->at >= r->n)
            return false;
        unsigned char c = r->p[r->at++];
        len |= (size_t)(c & 0x7f) << (7 * i);
        if (!(c & 0x80))
            break;
    }
    if (len > r->n - r->at)
        return false;
    f->data = (hushi_span_t){r->p + r->at, len};
    r->at += len;
    return true;
}

static bool is_pypi_location(hushi_span_t s)
{
    static const char *const hosts[] = {"pypi.org", "test.pypi.org"};
    for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++)
        if (hushi_span_equals(s, hosts[i]))
            return true;
    return false;
}

/* Fields of increasing type up to an EOS; `allowed` is a bit set of types. */
static bool read_section(reader_t *r, unsigned allowed, macaroon_field_t *location,
                         bool *has_identifier)
{
    int last = -1;
    *has_identifier = false;
    for (;;) {
        macaroon_field_t f;
        if (!read_field(r, &f))
            return false;
        if (f.type == HUSHI_MACAROON_EOS)
            return true;
        if (f.type <= last || f.type > 7 || !(allowed & (1u << f.type)))
            return false;
        last = f.type;
        if (f.type == HUSHI_MACAROON_LOCATION && location)
            *location = f;
        if (f.type == HUSHI_MACAROON_IDENTIFIER)
            *has_identifier = true;
    }
}

/* version, header (location, identifier), caveats, EOS, signature. */
static bool macaroon_for_pypi(const unsigned char *p, size_t n)
{
    reader_t r = {p, n, 0};
    if (n == 0 || p[r.at++] != HUSHI_MACAROON_V2)
        return false;
    macaroon_field_t location = {0};
    bool id = false;
    unsigned header = 1u << HUSHI_MACAROON_LOCATION | 1u << HUSHI_MACAROON_IDENTIFIER;
    unsigned caveat = header | 1u << HUSHI_MACAROON_VID;
    if (!read_section(&r, header, &location, &id) || !id || location.type != HUSHI_MACAROON_LOCATION ||
        !is_pypi_location(location.data))
        return false;
    /* Caveats until an empty section. */
    for (;;) {
        if (r.at < r.n && r.p[r.at] == HUSHI_MACAROON_EOS) {
            r.at++;
            break;
        }
        if (!read_section(&r, caveat, NULL, &id) || !id)
            return false;
    }
    macaroon_field_t sig;
    return read_field(&r, &sig) && sig.type == HUSHI_MACAROON_SIGNATURE &&
           sig.data.n == HUSHI_MACAROON_SIGNATURE_SIZE && r.at == r.n;
}

/* Accepts the whole token or the part after "pypi-". */
hushi_validation_t hushi_validate_pypi_token(const unsigned char *v, size_t n)
{
    size_t prefix = strlen(HUSHI_PYPI_PREFIX);
    if (n >= prefix && memcmp(v, HUSHI_PYPI_PREFIX, prefix) == 0) {
        v += prefix;
        n -= prefix;
    }
    if (n == 0 || n > HUSHI_PYPI_MAX_SIZE)
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    unsigned char *bytes = malloc(n * 3 / 4 + 3);
    if (!bytes)
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    size_t got = 0;
    bool ok = hushi_base64_decode((const char *)v, n, bytes, &got) && macaroon_for_pypi(bytes, got);
    free(bytes);
    return ok ? HUSHI_VALIDATION_STRUCTURE : HUSHI_VALIDATION_FAILED;
}
