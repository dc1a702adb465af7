/*
 * Validators that live outside validate.c (one file per family of formats),
 * registered by name in validate.c's table.  Each follows hushi_validator_fn:
 * NOT_APPLICABLE when the value is not in the form the check knows, FAILED
 * when it is and the check does not hold.
 */
#ifndef HUSHI_VALIDATE_INTERNAL_H
#define HUSHI_VALIDATE_INTERNAL_H

#include "validate.h"

/* validate_microsoft.c: Microsoft's identifiable keys (Marvin32 checksums),
 * the 84/88-character common annotated keys, Azure DevOps legacy PATs. */
hushi_validation_t hushi_validate_ms_identifiable_key(const unsigned char *v, size_t n);
hushi_validation_t hushi_validate_ms_common_annotated_key(const unsigned char *v, size_t n);
hushi_validation_t hushi_validate_azure_devops_pat(const unsigned char *v, size_t n);

/* validate_structure.c: PEM private key blocks (DER / openssh-key-v1 inside)
 * and PyPI upload tokens (a binary v2 macaroon). */
hushi_validation_t hushi_validate_pem_private_key(const unsigned char *v, size_t n);
hushi_validation_t hushi_validate_pypi_token(const unsigned char *v, size_t n);

#endif
