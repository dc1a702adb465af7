/*
 * What a validator is: a pure function from a candidate secret to a
 * verdict.  The registry (validate.h) names them; each family of formats
 * defines its own (validate.c, validate_microsoft.h, validate_structure.h).
 */
#ifndef HUSHI_VALIDATOR_H
#define HUSHI_VALIDATOR_H

#include <stddef.h>

typedef enum hushi_validation {
    HUSHI_VALIDATION_NOT_APPLICABLE = 0, /* the format has nothing to check here */
    HUSHI_VALIDATION_CHECKSUM,           /* a checksum embedded in the value holds */
    HUSHI_VALIDATION_STRUCTURE,          /* the value decodes to its declared structure */
    HUSHI_VALIDATION_FAILED              /* a check that applies does not hold */
} hushi_validation_t;

/* NOT_APPLICABLE when the value is not in the form the check knows, FAILED
 * when it is and the check does not hold. */
typedef hushi_validation_t (*hushi_validator_fn)(const unsigned char *value, size_t size);

#endif
