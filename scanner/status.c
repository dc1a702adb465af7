/* Status strings and the small name tables of the public API. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hush.h"
#include "error_internal.h"

static const char *const status_text[HUSH_STATUS_COUNT] = {
    [HUSH_OK] = "success",
    [HUSH_ERR_NOMEM] = "out of memory",
    [HUSH_ERR_ARGUMENT] = "invalid argument",
    [HUSH_ERR_RULE] = "invalid rule",
    [HUSH_ERR_HYPERSCAN] = "Hyperscan error",
    [HUSH_ERR_PCRE2] = "PCRE2 error",
    [HUSH_ERR_IO] = "input/output error",
    [HUSH_ERR_FORMAT] = "damaged input",
    [HUSH_ERR_LIMIT] = "size limit reached",
    [HUSH_ERR_STATE] = "call out of order",
    [HUSH_ERR_CALLBACK] = "stopped by callback",
};

const char *hush_strerror(hush_status_t status)
{
    if ((unsigned)status >= HUSH_STATUS_COUNT)
        return "unknown status";
    return status_text[status];
}

const char *hush_version(void) { return HUSH_VERSION_STRING; }

static const char *const confidence_names[] = {"low", "medium", "high"};

const char *hush_confidence_name(hush_confidence_t confidence)
{
    if ((unsigned)confidence > HUSH_CONFIDENCE_HIGH)
        return "unknown";
    return confidence_names[confidence];
}

bool hush_confidence_parse(const char *name, hush_confidence_t *out)
{
    for (unsigned i = 0; name && i <= HUSH_CONFIDENCE_HIGH; i++) {
        if (strcmp(name, confidence_names[i]) == 0) {
            *out = (hush_confidence_t)i;
            return true;
        }
    }
    return false;
}

static const char *const mask_names[] = {"label", "stars", "partial", "hash"};

const char *hush_mask_name(hush_mask_t mask)
{
    if ((unsigned)mask > HUSH_MASK_HASH)
        return "unknown";
    return mask_names[mask];
}

bool hush_mask_parse(const char *name, hush_mask_t *out)
{
    for (unsigned i = 0; name && i <= HUSH_MASK_HASH; i++) {
        if (strcmp(name, mask_names[i]) == 0) {
            *out = (hush_mask_t)i;
            return true;
        }
    }
    return false;
}

void hushi_error_set(hush_error_t *err, const char *format, ...)
{
    if (!err)
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(err->message, sizeof err->message, format, args);
    va_end(args);
}
