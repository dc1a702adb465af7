/*
 * Validators for Microsoft's key formats (validate_microsoft.c), registered
 * by name in validate.c: the identifiable keys (Marvin32 checksums), the
 * 84/88-character common annotated keys, Azure DevOps legacy PATs.
 */
#ifndef HUSHI_VALIDATE_MICROSOFT_H
#define HUSHI_VALIDATE_MICROSOFT_H

#include "validator.h"

hushi_validation_t hushi_validate_ms_identifiable_key(const unsigned char *v, size_t n);
hushi_validation_t hushi_validate_ms_common_annotated_key(const unsigned char *v, size_t n);
hushi_validation_t hushi_validate_azure_devops_pat(const unsigned char *v, size_t n);

#endif
