/*
 * Validators for secrets that carry a binary structure (validate_structure.c),
 * registered by name in validate.c: PEM private key blocks (DER or
 * openssh-key-v1 inside) and PyPI upload tokens (a binary v2 macaroon).
 */
#ifndef HUSHI_VALIDATE_STRUCTURE_H
#define HUSHI_VALIDATE_STRUCTURE_H

#include "validator.h"

hushi_validation_t hushi_validate_pem_private_key(const unsigned char *v, size_t n);
hushi_validation_t hushi_validate_pypi_token(const unsigned char *v, size_t n);

#endif
