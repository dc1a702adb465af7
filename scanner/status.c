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

/* A name table of an enum whose values are 0 .. count-1. */
typedef struct name_table {
    const char *const *names;
    unsigned count;
} name_table_t;

#define NAME_COUNT(names) ((unsigned)(sizeof(names) / sizeof *(names)))

static const char *const confidence_names[] = {"low", "medium", "high"};
static const char *const mask_names[] = {"label", "stars", "partial", "hash"};
_Static_assert(NAME_COUNT(confidence_names) == HUSH_CONFIDENCE_HIGH + 1,
               "a name for every hush_confidence_t");
_Static_assert(NAME_COUNT(mask_names) == HUSH_MASK_HASH + 1, "a name for every hush_mask_t");
static const name_table_t confidences = {confidence_names, NAME_COUNT(confidence_names)};
static const name_table_t masks = {mask_names, NAME_COUNT(mask_names)};

static const char *name_of(const name_table_t *table, unsigned value)
{
    return value < table->count ? table->names[value] : "unknown";
}

/* The value named `name`, or -1. */
static int value_of(const name_table_t *table, const char *name)
{
    for (unsigned i = 0; name && i < table->count; i++)
        if (strcmp(name, table->names[i]) == 0)
            return (int)i;
    return -1;
}

const char *hush_confidence_name(hush_confidence_t confidence)
{
    return name_of(&confidences, (unsigned)confidence);
}

bool hush_confidence_parse(const char *name, hush_confidence_t *out)
{
    int value = value_of(&confidences, name);
    if (value >= 0)
        *out = (hush_confidence_t)value;
    return value >= 0;
}

const char *hush_mask_name(hush_mask_t mask) { return name_of(&masks, (unsigned)mask); }

bool hush_mask_parse(const char *name, hush_mask_t *out)
{
    int value = value_of(&masks, name);
    if (value >= 0)
        *out = (hush_mask_t)value;
    return value >= 0;
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
