/*
 * Placeholders: values that stand where a secret would be but are not one.
 * Pure functions, no state.
 */
#ifndef HUSHI_PLACEHOLDER_H
#define HUSHI_PLACEHOLDER_H

#include <stdbool.h>
#include <stddef.h>

/* True for values that are obviously not secrets: documentation examples
 * (AKIAIOSFODNN7EXAMPLE), placeholders (<your-key>, ${VAR}, {{x}}, %VAR%,
 * REDACTED, ****, xxxx…, changeme), Power Automate's secured-data text,
 * workflow expressions (@parameters('x'), @{...}), runs of one character. */
bool hushi_is_placeholder(const unsigned char *value, size_t size);

/* Which kind of placeholder, for rules with a format of their own: a slot
 * is no value at all (a template, an expression, a mask, a word naming the
 * secret, a published emulator key) and is never a finding; a look-alike
 * has the format's shape but a filler body (xxxx, runs, 12345678, "example"
 * inside) and is kept at low confidence, below the default: documentation
 * fakes and test keys still surface in a --min-confidence low sweep. */
typedef enum hushi_placeholder {
    HUSHI_PLACEHOLDER_NONE = 0,
    HUSHI_PLACEHOLDER_SLOT,
    HUSHI_PLACEHOLDER_LOOKALIKE
} hushi_placeholder_t;

hushi_placeholder_t hushi_placeholder_kind(const unsigned char *value, size_t size);

#endif
