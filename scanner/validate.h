/*
 * Offline checks on a candidate secret, by the name a rule file gives them:
 * checksums and structure that a format defines.  Pure functions, no state.
 */
#ifndef HUSHI_VALIDATE_H
#define HUSHI_VALIDATE_H

#include "validator.h"

/* Validator by the name a rule file uses ("github-crc32", "entra-client-secret",
 * "jwt", "npm-crc32", "ms-identifiable-key", "ms-common-annotated-key",
 * "azure-devops-pat", "pem-private-key", "pypi-macaroon"); NULL when no
 * validator has that name. */
hushi_validator_fn hushi_validator_lookup(const char *name);

/* Names of every validator, NULL-terminated (for `rules show` and errors). */
const char *const *hushi_validator_names(void);

#endif
