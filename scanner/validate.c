/*
 * Offline checks on a candidate secret: the checksums GitHub and Entra ID
 * embed in their secrets, JWT structure, entropy, and placeholder detection.
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
 *   random part in base62) as summarised in FORMATS.md; npm classic tokens
 *   ("npm_" + 36) use the same scheme (npm's token format announcement).
 * Microsoft's identifiable keys and Azure DevOps PATs are checked in
 * validate_microsoft.c, PEM keys and PyPI tokens in validate_structure.c.
 */
#include "decode.h"
#include "jwt.h"
#include "validate.h"
#include "validate_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Longer values are not decoded: no real JWT is this large, and decoding
 * costs a copy of the value. */

#define HUSHI_GITHUB_PREFIX_SIZE 4
#define HUSHI_GITHUB_BODY_SIZE (HUSHI_GITHUB_RANDOM_SIZE + HUSHI_GITHUB_CHECKSUM_SIZE)
#define HUSHI_GITHUB_TOKEN_SIZE (HUSHI_GITHUB_PREFIX_SIZE + HUSHI_GITHUB_BODY_SIZE)

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

/* ---- validators ---------------------------------------------------------- */

static bool is_base62(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_entra_char(unsigned char c)
{
    return is_base62(c) || c == '.' || c == '-' || c == '_' || c == '~';
}

static bool all_chars(const unsigned char *v, size_t n, bool (*ok)(unsigned char))
{
    for (size_t i = 0; i < n; i++)
        if (!ok(v[i]))
            return false;
    return true;
}

static bool has_github_prefix(const unsigned char *v)
{
    static const char *const prefixes[] = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (memcmp(v, prefixes[i], HUSHI_GITHUB_PREFIX_SIZE) == 0)
            return true;
    return false;
}

/* Accepts the whole token (ghp_ + 36) or just the 36 characters after the
 * prefix, so a rule may capture either. */
static hushi_validation_t validate_github(const unsigned char *v, size_t n)
{
    if (n == HUSHI_GITHUB_TOKEN_SIZE && has_github_prefix(v)) {
        v += HUSHI_GITHUB_PREFIX_SIZE;
        n -= HUSHI_GITHUB_PREFIX_SIZE;
    }
    if (n != HUSHI_GITHUB_BODY_SIZE || !all_chars(v, n, is_base62))
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    char want[HUSHI_GITHUB_CHECKSUM_SIZE];
    hushi_github_checksum(v, HUSHI_GITHUB_RANDOM_SIZE, want);
    return memcmp(want, v + HUSHI_GITHUB_RANDOM_SIZE, sizeof want) == 0 ? HUSHI_VALIDATION_CHECKSUM
                                                                       : HUSHI_VALIDATION_FAILED;
}

#define HUSHI_NPM_PREFIX "npm_"
#define HUSHI_NPM_PREFIX_SIZE 4

/* npm tokens use GitHub's scheme after "npm_": the whole token or just the
 * 36 characters after the prefix. */
static hushi_validation_t validate_npm(const unsigned char *v, size_t n)
{
    if (n == HUSHI_NPM_PREFIX_SIZE + HUSHI_GITHUB_BODY_SIZE &&
        memcmp(v, HUSHI_NPM_PREFIX, HUSHI_NPM_PREFIX_SIZE) == 0) {
        v += HUSHI_NPM_PREFIX_SIZE;
        n -= HUSHI_NPM_PREFIX_SIZE;
    }
    return n == HUSHI_GITHUB_BODY_SIZE ? validate_github(v, n) : HUSHI_VALIDATION_NOT_APPLICABLE;
}

/* Only the current "8Q~" form carries a checksum; the legacy 37-character
 * "7Q~" form and anything else is not applicable. */
static hushi_validation_t validate_entra(const unsigned char *v, size_t n)
{
    if (n != HUSHI_ENTRA_SECRET_SIZE || memcmp(v + 3, "8Q~", 3) != 0 ||
        !all_chars(v, n, is_entra_char))
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    char want[HUSHI_ENTRA_CHECKSUM_SIZE];
    hushi_entra_checksum(v, HUSHI_ENTRA_CHECKSUMMED_SIZE, want);
    return memcmp(want, v + HUSHI_ENTRA_CHECKSUMMED_SIZE, sizeof want) == 0
               ? HUSHI_VALIDATION_CHECKSUM
               : HUSHI_VALIDATION_FAILED;
}

/* header.payload.signature (jwt.h); a token too long to be one is not judged. */
static hushi_validation_t validate_jwt(const unsigned char *v, size_t n)
{
    if (n > HUSHI_JWT_MAX_SIZE)
        return HUSHI_VALIDATION_NOT_APPLICABLE;
    hushi_jwt_t jwt;
    if (!hushi_jwt_decode(v, n, &jwt))
        return HUSHI_VALIDATION_FAILED;
    hushi_jwt_free(&jwt);
    return HUSHI_VALIDATION_STRUCTURE;
}

/* ---- lookup --------------------------------------------------------------- */

typedef struct validator_entry {
    const char *name;
    hushi_validator_fn fn;
} validator_entry_t;

static const validator_entry_t validators[] = {
    {"github-crc32", validate_github},
    {"entra-client-secret", validate_entra},
    {"jwt", validate_jwt},
    {"npm-crc32", validate_npm},
    {"ms-identifiable-key", hushi_validate_ms_identifiable_key},
    {"ms-common-annotated-key", hushi_validate_ms_common_annotated_key},
    {"azure-devops-pat", hushi_validate_azure_devops_pat},
    {"pem-private-key", hushi_validate_pem_private_key},
    {"pypi-macaroon", hushi_validate_pypi_token},
};

static const char *const validator_names[] = {
    "github-crc32",       "entra-client-secret", "jwt",
    "npm-crc32",          "ms-identifiable-key", "ms-common-annotated-key",
    "azure-devops-pat",   "pem-private-key",     "pypi-macaroon",
    NULL};

hushi_validator_fn hushi_validator_lookup(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof validators / sizeof validators[0]; i++)
        if (strcmp(validators[i].name, name) == 0)
            return validators[i].fn;
    return NULL;
}

const char *const *hushi_validator_names(void)
{
    return validator_names;
}

/* ---- entropy -------------------------------------------------------------- */

double hushi_entropy_bits(const unsigned char *value, size_t size)
{
    if (size == 0)
        return 0.0;
    size_t counts[256] = {0};
    for (size_t i = 0; i < size; i++)
        counts[value[i]]++;
    double bits = 0.0;
    for (size_t c = 0; c < 256; c++) {
        if (counts[c] == 0)
            continue;
        double p = (double)counts[c] / (double)size;
        bits -= p * log2(p);
    }
    return bits;
}

/* ---- base64 --------------------------------------------------------------- */

bool hushi_base64_decode(const char *in, size_t size, unsigned char *out, size_t *out_size)
{
    size_t n = size;
    for (int pad = 0; pad < 2 && n > 0 && in[n - 1] == '='; pad++)
        n--;
    /* One leftover character carries only 6 bits: never a whole byte. */
    if (n % 4 == 1)
        return false;
    size_t o = 0;
    uint32_t acc = 0;
    unsigned bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = hushi_base64_digit((unsigned char)in[i]);
        if (v < 0)
            return false;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1u;
        }
    }
    *out_size = o;
    return true;
}

/* ---- placeholders --------------------------------------------------------- */

/* A run this long of one character, or of consecutive characters
 * ("12345678", "abcdefgh"), is typed by a person, not drawn at random:
 * a random base62 value shows one with odds near 40 * 62^-7. */
#define HUSHI_PLACEHOLDER_MIN_RUN 8
/* ...and covers at least 1/3 of the value. */
#define HUSHI_PLACEHOLDER_RUN_SHARE 3
/* "xxxx" / "XXXX" stand for masked characters.  Four in a row anywhere
 * would hit about 1 random 40-character secret in 200,000, so a run of 4
 * counts only at an edge or next to punctuation; 6 count anywhere. */
#define HUSHI_PLACEHOLDER_MIN_X_RUN 4
#define HUSHI_PLACEHOLDER_LONG_X_RUN 6
/* Longest marker word below. */
#define HUSHI_PLACEHOLDER_MAX_WORD 16
/* People type placeholders short.  In longer values (JWTs, PEM bodies) the
 * short markers and short x-runs are skipped: over thousands of random
 * characters their odds of appearing by chance stop being negligible. */
#define HUSHI_PLACEHOLDER_TYPED_MAX 128
#define HUSHI_PLACEHOLDER_LONG_WORD 8

typedef struct span {
    const unsigned char *p;
    size_t n;
} span_t;

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static bool contains(span_t s, const char *word)
{
    size_t w = strlen(word);
    return w <= s.n && memmem(s.p, s.n, word, w) != NULL;
}

static bool equals_ci(span_t s, const char *word)
{
    if (strlen(word) != s.n)
        return false;
    for (size_t i = 0; i < s.n; i++)
        if (lower(s.p[i]) != (unsigned char)word[i])
            return false;
    return true;
}

static bool starts_with(span_t s, const char *prefix)
{
    size_t w = strlen(prefix);
    return w <= s.n && memcmp(s.p, prefix, w) == 0;
}

static bool ends_with(span_t s, const char *suffix)
{
    size_t w = strlen(suffix);
    return w <= s.n && memcmp(s.p + s.n - w, suffix, w) == 0;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Without surrounding whitespace and one layer of matching quotes. */
static span_t trimmed(const unsigned char *value, size_t size)
{
    span_t s = {value, size};
    while (s.n > 0 && is_space(s.p[0])) {
        s.p++;
        s.n--;
    }
    while (s.n > 0 && is_space(s.p[s.n - 1]))
        s.n--;
    if (s.n >= 2 && (s.p[0] == '"' || s.p[0] == '\'') && s.p[s.n - 1] == s.p[0]) {
        s.p++;
        s.n -= 2;
    }
    return s;
}

static bool is_ident_char(unsigned char c)
{
    return is_base62(c) || c == '_';
}

static bool all_one_char(span_t s)
{
    for (size_t i = 1; i < s.n; i++)
        if (s.p[i] != s.p[0])
            return false;
    return true;
}

/* Longest run where each character equals the previous plus `step`. */
static size_t longest_run(span_t s, int step)
{
    size_t best = s.n > 0 ? 1 : 0, run = 1;
    for (size_t i = 1; i < s.n; i++) {
        run = ((int)s.p[i] - (int)s.p[i - 1] == step) ? run + 1 : 1;
        if (run > best)
            best = run;
    }
    return best;
}

/* "%NAME%" (Windows), "$NAME" / "$env:NAME" (shells; upper case only, so a
 * password like "$ecret1" still counts). */
static bool is_variable_reference(span_t s)
{
    if (s.n >= 3 && s.p[0] == '%' && s.p[s.n - 1] == '%') {
        span_t inner = {s.p + 1, s.n - 2};
        return all_chars(inner.p, inner.n, is_ident_char) && !(inner.p[0] >= '0' && inner.p[0] <= '9');
    }
    if (s.n >= 2 && s.p[0] == '$') {
        span_t name = {s.p + 1, s.n - 1};
        if (starts_with(name, "env:")) {
            name.p += 4;
            name.n -= 4;
            return name.n > 0 && all_chars(name.p, name.n, is_ident_char);
        }
        for (size_t i = 0; i < name.n; i++) {
            unsigned char c = name.p[i];
            if (!((c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9')))
                return false;
        }
        return true;
    }
    return false;
}

/* "@parameters('x')", "@body('Get_secret')?['value']", "@{outputs('x')}",
 * "@Microsoft.KeyVault(SecretUri=...)", and ARM "[parameters('x')]". */
static bool is_workflow_expression(span_t s)
{
    if (starts_with(s, "@{") && ends_with(s, "}"))
        return true;
    if (s.n == 0 || (s.p[0] != '@' && s.p[0] != '[') || (s.p[0] == '[' && !ends_with(s, "]")))
        return false;
    /* A function name (dots allowed: Microsoft.KeyVault), then "(" ... ")". */
    size_t i = 1;
    while (i < s.n && (is_ident_char(s.p[i]) || s.p[i] == '.'))
        i++;
    bool named = i > 1 && !(s.p[1] >= '0' && s.p[1] <= '9');
    return named && i < s.n && s.p[i] == '(' && memchr(s.p + i, ')', s.n - i) != NULL;
}

/* The whole value is a template slot: <your-key>, ${VAR}, {{ var }}, $(VAR),
 * #{VAR}#, {name}, or one of the expression forms above. */
static bool is_template(span_t s)
{
    if (s.n < 2)
        return false;
    if (s.p[0] == '<' && s.p[s.n - 1] == '>')
        return true;
    if ((starts_with(s, "${") || starts_with(s, "#{") || starts_with(s, "{")) &&
        (ends_with(s, "}") || ends_with(s, "}#")))
        return true;
    if (starts_with(s, "$(") && ends_with(s, ")"))
        return true;
    /* References a platform resolves at run time: Azure Container Apps
     * (secretref:, keyvaultref:) and App Service Key Vault references. */
    if (starts_with(s, "secretref:") || starts_with(s, "keyvaultref:") ||
        starts_with(s, "@Microsoft.KeyVault("))
        return true;
    return is_variable_reference(s) || is_workflow_expression(s);
}

/* Whole values that name a secret instead of being one. */
static bool is_placeholder_word(span_t s)
{
    static const char *const words[] = {
        "password", "passwd", "pass",  "pwd",       "secret",   "changeme", "placeholder",
        "dummy",    "example", "sample", "null",    "none",     "nil",      "undefined",
        "empty",    "todo",    "tbd",    "string",  "value",    "token",    "key",
        "apikey",   "api_key", "api-key", "true",   "false",    "hidden",   "masked",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (equals_ci(s, words[i]))
            return true;
    return false;
}

/* True when `word` (given in lower case) occurs as written, Capitalised or
 * in UPPER case.  Mixed case is left out on purpose: random secrets mix
 * case, people writing a placeholder rarely do, and each extra form would
 * raise the odds of hitting a real secret. */
static bool contains_word(span_t s, const char *word)
{
    char forms[3][HUSHI_PLACEHOLDER_MAX_WORD + 1];
    size_t w = strlen(word);
    if (w > HUSHI_PLACEHOLDER_MAX_WORD || w > s.n)
        return false;
    bool capitalised = false;
    for (size_t i = 0; i <= w; i++) {
        unsigned char c = (unsigned char)word[i];
        bool letter = c >= 'a' && c <= 'z';
        forms[0][i] = (char)c;
        forms[1][i] = (char)(letter && !capitalised ? c - 'a' + 'A' : c);
        forms[2][i] = (char)(letter ? c - 'a' + 'A' : c);
        capitalised = capitalised || letter;
    }
    for (size_t f = 0; f < 3; f++)
        if (memmem(s.p, s.n, forms[f], w) != NULL)
            return true;
    return false;
}

/* A run of x's standing for masked characters: long, or short but set off
 * by punctuation or the value's ends ("sk_live_xxxx", "xxxx-xxxx"). */
static bool has_x_mask(span_t s, unsigned char x, bool short_runs)
{
    for (size_t i = 0; i < s.n;) {
        if (s.p[i] != x) {
            i++;
            continue;
        }
        size_t end = i;
        while (end < s.n && s.p[end] == x)
            end++;
        size_t run = end - i;
        bool open_left = i == 0 || !is_base62(s.p[i - 1]);
        bool open_right = end == s.n || !is_base62(s.p[end]);
        if (run >= HUSHI_PLACEHOLDER_LONG_X_RUN ||
            (short_runs && run >= HUSHI_PLACEHOLDER_MIN_X_RUN && (open_left || open_right)))
            return true;
        i = end;
    }
    return false;
}

/* True for a short marker made only of characters random secrets use,
 * which a long random value may contain by chance. */
static bool could_be_random(const char *marker)
{
    size_t n = strlen(marker);
    if (n >= HUSHI_PLACEHOLDER_LONG_WORD)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)marker[i];
        if (!is_base62(c) && !strchr("+/-_.~=", c))
            return false;
    }
    return true;
}

/* Substrings that only a person writes into a value, each long enough (5+
 * characters) or made of punctuation no random alphabet has, so that a
 * random secret contains one with negligible odds.
 * "test" is deliberately absent: it is short, and real secrets are often
 * used in test systems. */
static bool has_placeholder_marker(span_t s)
{
    static const char *const words[] = {
        "redacted",    "changeme",   "change_me",  "change-me",  "placeholder", "dummy",
        "example",     "your_",      "your-",      "your.",      "yourpassword", "yoursecret",
        "yourkey",     "yourtoken",  "yourapi",    "yourclient", "youraccess",  "yourapp",
        "youraccount", "[filtered",  "[masked",    "[hidden",    "[removed",    "not_a_real",
        "not-a-real",  "notareal",   "insert_",    "insert-",    "_here",       "-here",
    };
    /* CamelCase spellings people use, matched exactly as written. */
    static const char *const markers[] = {
        "ChangeMe",  "changeMe",   "YourApi",    "YourPass",   "YourSecret", "YourKey",
        "YourToken", "YourClient", "YourAccess", "YourApp",    "YourAccount",
        "Content not shown due to security configuration",
        "***",
        "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2", /* three bullets, as password fields show */
    };
    bool typed = s.n <= HUSHI_PLACEHOLDER_TYPED_MAX;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if ((typed || !could_be_random(words[i])) && contains_word(s, words[i]))
            return true;
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        if ((typed || !could_be_random(markers[i])) && contains(s, markers[i]))
            return true;
    return has_x_mask(s, 'x', typed) || has_x_mask(s, 'X', typed);
}

/* Keys that vendors publish for their local emulators: they open nothing
 * but a developer's own emulator, and they appear in countless samples. */
static const char *const published_emulator_keys[] = {
    /* Azurite / Azure Storage emulator, account devstoreaccount1 */
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    /* Azure Cosmos DB emulator */
    "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
};

static bool is_published_emulator_key(span_t s)
{
    for (size_t i = 0; i < sizeof published_emulator_keys / sizeof *published_emulator_keys; i++) {
        size_t n = strlen(published_emulator_keys[i]);
        if (s.n == n && memcmp(s.p, published_emulator_keys[i], n) == 0)
            return true;
    }
    return false;
}

/* What a masking tool or a form leaves where the value was. */
static bool is_mask(span_t s)
{
    static const char *const masks[] = {
        "Content not shown due to security configuration", "***",
        "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2", "[filtered", "[masked", "[hidden", "[removed",
    };
    for (size_t i = 0; i < sizeof masks / sizeof masks[0]; i++)
        if (contains(s, masks[i]))
            return true;
    return contains_word(s, "redacted");
}

hushi_placeholder_t hushi_placeholder_kind(const unsigned char *value, size_t size)
{
    span_t s = trimmed(value, size);
    if (s.n == 0 || is_published_emulator_key(s) || is_template(s) || is_placeholder_word(s) ||
        is_mask(s))
        return HUSHI_PLACEHOLDER_SLOT;
    if (all_one_char(s) || has_placeholder_marker(s))
        return HUSHI_PLACEHOLDER_LOOKALIKE;
    /* A run only marks a placeholder when it is a large part of the value:
     * real encoded keys contain long runs too (an OpenSSH key's header
     * decodes to zero bytes, "AAAAAAAA"). */
    size_t run = longest_run(s, 0), ascending = longest_run(s, 1);
    if (ascending > run)
        run = ascending;
    return run >= HUSHI_PLACEHOLDER_MIN_RUN && run * HUSHI_PLACEHOLDER_RUN_SHARE >= s.n
               ? HUSHI_PLACEHOLDER_LOOKALIKE
               : HUSHI_PLACEHOLDER_NONE;
}

bool hushi_is_placeholder(const unsigned char *value, size_t size)
{
    return hushi_placeholder_kind(value, size) != HUSHI_PLACEHOLDER_NONE;
}
