/*
 * Rule files: JSON objects {"rules":[...]} parsed with cJSON into hushi_rule_t.
 * Every field is checked here so that a bad file is reported as
 * "file: rule-id: reason" and never half-loaded.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "rules_internal.h"
#include "rules_load.h"
#include "validate.h"

typedef struct rule_parse {
    const char *file;
    const char *id;          /* for messages; "rule #N" until the id is known */
    char fallback_id[32];
    hush_error_t *err;
    hushi_rule_t *rule;
} rule_parse_t;

static hush_status_t fail(rule_parse_t *p, const char *reason, const char *detail)
{
    hushi_error_set(p->err, "%s: %s: %s%s%s", p->file, p->id, reason, detail ? ": " : "",
                    detail ? detail : "");
    return HUSH_ERR_RULE;
}

static hush_status_t get_string(rule_parse_t *p, const cJSON *obj, const char *key,
                                bool required, const char **out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!item || cJSON_IsNull(item)) {
        if (required)
            return fail(p, "missing field", key);
        return HUSH_OK;
    }
    if (!cJSON_IsString(item) || item->valuestring[0] == '\0')
        return fail(p, "field must be a non-empty string", key);
    char *copy = hushi_rule_own(p->rule, strdup(item->valuestring));
    if (!copy)
        return HUSH_ERR_NOMEM;
    *out = copy;
    return HUSH_OK;
}

/* An array of strings: stored as a NULL-terminated owned array. */
static hush_status_t get_string_array(rule_parse_t *p, const cJSON *obj, const char *key,
                                      size_t min_count, const char *const **out, size_t *count)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    *count = 0;
    if (!item || cJSON_IsNull(item)) {
        if (min_count > 0)
            return fail(p, "missing field", key);
        return HUSH_OK;
    }
    if (!cJSON_IsArray(item))
        return fail(p, "field must be an array of strings", key);
    size_t n = (size_t)cJSON_GetArraySize(item);
    if (n < min_count)
        return fail(p, "needs at least one entry", key);
    const char **array = calloc(n + 1, sizeof *array);
    if (!array || !hushi_rule_own(p->rule, (char *)array)) {
        return HUSH_ERR_NOMEM;
    }
    size_t i = 0;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, item) {
        if (!cJSON_IsString(entry) || entry->valuestring[0] == '\0')
            return fail(p, "entries must be non-empty strings", key);
        array[i] = hushi_rule_own(p->rule, strdup(entry->valuestring));
        if (!array[i])
            return HUSH_ERR_NOMEM;
        i++;
    }
    *out = array;
    *count = n;
    return HUSH_OK;
}

static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > HUSHI_MAX_ID_LEN || !strchr(id, '.'))
        return false;
    char prev = '.';
    for (const char *c = id; *c; c++) {
        bool segment_char = islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-';
        if (*c == '.' ? prev == '.' : !segment_char)
            return false;
        prev = *c;
    }
    return prev != '.';
}

static hush_status_t parse_confidence(rule_parse_t *p, const cJSON *obj)
{
    const char *name;
    hush_status_t st = get_string(p, obj, "confidence", true, &name);
    if (st != HUSH_OK)
        return st;
    if (!hush_confidence_parse(name, &p->rule->info.confidence))
        return fail(p, "confidence must be low, medium or high", name);
    return HUSH_OK;
}

static hush_status_t parse_flags(rule_parse_t *p, const cJSON *obj)
{
    static const char *const bool_fields[] = {"multiline", "redact"};
    bool values[2] = {false, true};
    for (size_t i = 0; i < 2; i++) {
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, bool_fields[i]);
        if (!item || cJSON_IsNull(item))
            continue;
        if (!cJSON_IsBool(item))
            return fail(p, "field must be true or false", bool_fields[i]);
        values[i] = cJSON_IsTrue(item);
    }
    p->rule->info.multiline = values[0];
    p->rule->info.redact = values[1];

    const cJSON *entropy = cJSON_GetObjectItemCaseSensitive(obj, "entropy_min");
    if (entropy && !cJSON_IsNull(entropy)) {
        if (!cJSON_IsNumber(entropy) || entropy->valuedouble < 0 || entropy->valuedouble > 8)
            return fail(p, "entropy_min must be a number from 0 to 8 (bits per byte)", NULL);
        p->rule->info.entropy_min = entropy->valuedouble;
    }
    return HUSH_OK;
}

static hush_status_t parse_validator(rule_parse_t *p, const cJSON *obj)
{
    const char *name;
    hush_status_t st = get_string(p, obj, "validator", false, &name);
    if (st != HUSH_OK || !name)
        return st;
    p->rule->validator = hushi_validator_lookup(name);
    if (!p->rule->validator)
        return fail(p, "unknown validator", name);
    p->rule->info.validator = name;
    return HUSH_OK;
}

/* "failed_confidence": what a match keeps when its validator fails.  Low
 * unless the rule says more; never above the rule's own confidence, and
 * meaningless without a validator (a misplaced field is an error, not a
 * silent no-op). */
static hush_status_t parse_failed_confidence(rule_parse_t *p, const cJSON *obj)
{
    const char *name;
    hush_status_t st = get_string(p, obj, "failed_confidence", false, &name);
    p->rule->info.failed_confidence = HUSH_CONFIDENCE_LOW;
    if (st != HUSH_OK || !name)
        return st;
    if (!hush_confidence_parse(name, &p->rule->info.failed_confidence))
        return fail(p, "failed_confidence must be low, medium or high", name);
    if (!p->rule->validator)
        return fail(p, "failed_confidence needs a validator", NULL);
    if (p->rule->info.failed_confidence > p->rule->info.confidence)
        return fail(p, "failed_confidence is above the rule's confidence", name);
    return HUSH_OK;
}

/* "score": a scoring profile for generic rules (score.h). */
static hush_status_t parse_score(rule_parse_t *p, const cJSON *obj)
{
    const char *name;
    hush_status_t st = get_string(p, obj, "score", false, &name);
    if (st != HUSH_OK || !name)
        return st;
    if (!hushi_score_profile_parse(name, &p->rule->score))
        return fail(p, "score must be generic or password", name);
    p->rule->info.score = name;
    return HUSH_OK;
}

/* Rejects unknown fields: a misspelt "negative_example" would otherwise
 * silently disable a check. */
static hush_status_t check_known_fields(rule_parse_t *p, const cJSON *obj)
{
    static const char *const known[] = {
        "id", "name", "confidence", "pattern", "secret_group", "keywords", "entropy_min",
        "validator", "multiline", "opener", "redact", "examples", "negative_examples",
        "references", "description", "structure", "score", "failed_confidence", NULL};
    const cJSON *field;
    cJSON_ArrayForEach(field, obj) {
        size_t i = 0;
        while (known[i] && strcmp(known[i], field->string) != 0)
            i++;
        if (!known[i])
            return fail(p, "unknown field", field->string);
    }
    return HUSH_OK;
}

static const struct {
    const char *name;
    hushi_structure_kind_t kind;
} structure_kinds[] = {
    {"json-key", HUSHI_STRUCTURE_JSON_KEY},
    {"name-value", HUSHI_STRUCTURE_NAME_VALUE},
    {"query-parameter", HUSHI_STRUCTURE_QUERY_PARAMETER},
    {"keyvault-value", HUSHI_STRUCTURE_KEYVAULT_VALUE},
};

/* "structure": {"kind": ..., "names": [...]} instead of a pattern. */
/* "name", "*suffix", "prefix*", "*part*", or "!name": a name no wildcard
 * of the rule's kind takes (view_names.c). */
static bool structure_name_shape_ok(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '!')
        return n > 1 && !strchr(name, '*') && !strchr(name + 1, '!');
    if (strchr(name, '!') || strspn(name, "*") == n)
        return false;
    return n <= 2 || !memchr(name + 1, '*', n - 2);
}

static hush_status_t parse_structure(rule_parse_t *p, const cJSON *structure)
{
    hushi_rule_t *rule = p->rule;
    if (!cJSON_IsObject(structure))
        return fail(p, "structure must be an object", NULL);
    const char *kind;
    hush_status_t st = get_string(p, structure, "kind", true, &kind);
    if (st != HUSH_OK)
        return st;
    for (size_t i = 0; i < sizeof structure_kinds / sizeof *structure_kinds; i++)
        if (strcmp(kind, structure_kinds[i].name) == 0)
            rule->structure = structure_kinds[i].kind;
    if (!rule->structure)
        return fail(p, "structure kind must be json-key, name-value, query-parameter or "
                       "keyvault-value",
                    kind);
    rule->info.structure = kind;
    const cJSON *field;
    cJSON_ArrayForEach(field, structure) {
        if (strcmp(field->string, "kind") != 0 && strcmp(field->string, "names") != 0)
            return fail(p, "unknown field in structure", field->string);
    }
    size_t needed = rule->structure == HUSHI_STRUCTURE_KEYVAULT_VALUE ? 0 : 1;
    const char *const *names;
    size_t count;
    if ((st = get_string_array(p, structure, "names", needed, &names, &count)) != HUSH_OK)
        return st;
    for (size_t i = 0; i < count; i++) {
        char *normal = hushi_rule_own(rule, malloc(HUSHI_MAX_STRUCTURE_NAME + 1));
        if (!normal)
            return HUSH_ERR_NOMEM;
        if (!hushi_structure_name_normalize((const unsigned char *)names[i], strlen(names[i]),
                                            normal, HUSHI_MAX_STRUCTURE_NAME + 1))
            return fail(p, "structure name empty or longer than 64 bytes", names[i]);
        if (!structure_name_shape_ok(normal))
            return fail(p, "structure name: '*' only at its start or end, '!' only at the "
                           "start of a name without '*'",
                        names[i]);
        ((const char **)names)[i] = normal;
    }
    rule->structure_names = names;
    rule->structure_name_count = count;
    return HUSH_OK;
}

static hush_status_t parse_rule(rule_parse_t *p, const cJSON *obj)
{
    hush_rule_info_t *info = &p->rule->info;
    hush_status_t st;
    if (!cJSON_IsObject(obj))
        return fail(p, "rule must be a JSON object", NULL);
    const cJSON *structure = cJSON_GetObjectItemCaseSensitive(obj, "structure");
    if ((st = get_string(p, obj, "id", true, &info->id)) != HUSH_OK)
        return st;
    p->id = info->id;
    if (!valid_id(info->id))
        return fail(p, "id must be lowercase segments of [a-z0-9-] joined by '.', "
                       "like provider.kind",
                    NULL);
    if ((st = check_known_fields(p, obj)) != HUSH_OK ||
        (st = get_string(p, obj, "name", true, &info->name)) != HUSH_OK ||
        (st = parse_confidence(p, obj)) != HUSH_OK ||
        (st = get_string(p, obj, "pattern", !structure, &info->pattern)) != HUSH_OK ||
        (st = get_string(p, obj, "secret_group", false, &info->secret_group)) != HUSH_OK ||
        (st = get_string(p, obj, "opener", false, (const char **)&p->rule->opener)) != HUSH_OK ||
        (st = parse_flags(p, obj)) != HUSH_OK || (st = parse_validator(p, obj)) != HUSH_OK ||
        (st = parse_failed_confidence(p, obj)) != HUSH_OK ||
        (st = parse_score(p, obj)) != HUSH_OK ||
        (st = get_string_array(p, obj, "keywords", 0, &info->keywords, &info->keyword_count)) ||
        (st = get_string_array(p, obj, "examples", 1, &info->examples, &info->example_count)) ||
        (st = get_string_array(p, obj, "negative_examples", 1, &info->negative_examples,
                               &info->negative_example_count)) ||
        (st = get_string_array(p, obj, "references", 0, &info->references,
                               &info->reference_count)))
        return st;
    if (structure) {
        if (info->pattern || p->rule->opener || info->multiline || info->secret_group)
            return fail(p, "a structural rule has no pattern, opener, multiline or "
                           "secret_group",
                        NULL);
        if ((st = parse_structure(p, structure)) != HUSH_OK)
            return st;
    }
    if (!info->secret_group)
        info->secret_group = "secret";
    if (info->pattern && strlen(info->pattern) > HUSHI_MAX_PATTERN_LEN)
        return fail(p, "pattern longer than 8192 bytes", NULL);
    if (info->multiline && !p->rule->opener)
        return fail(p, "a multiline rule needs an \"opener\" regex", NULL);
    if (!info->multiline && p->rule->opener)
        return fail(p, "\"opener\" is only for multiline rules", NULL);
    info->file = hushi_rule_own(p->rule, strdup(p->file));
    if (!info->file)
        return HUSH_ERR_NOMEM;
    /* The PCRE2 pattern is compiled when the database is built (a cache miss)
     * to catch errors, and otherwise only when the rule first fires. */
    return HUSH_OK;
}

hush_status_t hushi_rules_parse_file(const hush_rule_file_t *file, hushi_rule_t **rules,
                                     size_t *count, size_t *capacity, hush_error_t *err)
{
    cJSON *root = cJSON_ParseWithLength(file->data, file->size);
    if (!root) {
        const char *where = cJSON_GetErrorPtr();
        long offset = where && where >= file->data && where <= file->data + file->size
                          ? (long)(where - file->data)
                          : -1;
        hushi_error_set(err, "%s: not valid JSON (near byte %ld)", file->name, offset);
        return HUSH_ERR_RULE;
    }
    hush_status_t st = HUSH_OK;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "rules");
    if (!cJSON_IsObject(root) || !cJSON_IsArray(list)) {
        hushi_error_set(err, "%s: expected an object with a \"rules\" array", file->name);
        st = HUSH_ERR_RULE;
    }
    size_t index = 0;
    const cJSON *obj;
    const cJSON *rule_list = st == HUSH_OK ? list : NULL;
    cJSON_ArrayForEach(obj, rule_list) {
        if ((st = hushi_rule_append(rules, count, capacity, HUSHI_MAX_RULES)) != HUSH_OK) {
            if (st == HUSH_ERR_LIMIT)
                hushi_error_set(err, "%s: more than %u rules in all", file->name, HUSHI_MAX_RULES);
            break;
        }
        rule_parse_t p = {.file = file->name, .err = err, .rule = &(*rules)[*count]};
        snprintf(p.fallback_id, sizeof p.fallback_id, "rule #%zu", index + 1);
        p.id = p.fallback_id;
        st = parse_rule(&p, obj);
        if (st != HUSH_OK) {
            if (st == HUSH_ERR_NOMEM)
                hushi_error_set(err, "%s: out of memory", file->name);
            hushi_rule_free(p.rule);
            break;
        }
        (*count)++;
        index++;
    }
    cJSON_Delete(root);
    return st;
}
