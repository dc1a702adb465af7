/*
 * The validator registry (validate.h) and the validators of formats that
 * carry a checksum of their own (GitHub, npm, Entra ID client secrets) or a
 * structure jwt.c knows (JWTs).  The checksums are computed in checksum.c;
 * Microsoft's identifiable keys and Azure DevOps PATs are checked in
 * validate_microsoft.c, PEM keys and PyPI tokens in validate_structure.c.
 */
#include "validate.h"

#include <stdbool.h>
#include <string.h>

#include "ascii.h"
#include "checksum.h"
#include "jwt.h"
#include "span.h"
#include "validate_microsoft.h"
#include "validate_structure.h"

#define HUSHI_GITHUB_PREFIX_SIZE 4
#define HUSHI_GITHUB_BODY_SIZE (HUSHI_GITHUB_RANDOM_SIZE + HUSHI_GITHUB_CHECKSUM_SIZE)
#define HUSHI_GITHUB_TOKEN_SIZE (HUSHI_GITHUB_PREFIX_SIZE + HUSHI_GITHUB_BODY_SIZE)

/* ---- validators ---------------------------------------------------------- */

static bool is_entra_char(unsigned char c)
{
    return hushi_ascii_is_alnum(c) || c == '.' || c == '-' || c == '_' || c == '~';
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
    if (n != HUSHI_GITHUB_BODY_SIZE || !hushi_span_all((hushi_span_t){v, n}, hushi_ascii_is_alnum))
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
        !hushi_span_all((hushi_span_t){v, n}, is_entra_char))
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
