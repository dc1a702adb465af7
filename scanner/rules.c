/* The rule set handle: load every file, build the database, answer queries. */
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "known_secrets.h"
#include "rules_compile.h"
#include "rules_internal.h"
#include "rules_load.h"

static hush_status_t check_unique_ids(const struct hush_rules *rules, hush_error_t *err)
{
    /* Quadratic, but rule counts are small and this runs once per start-up;
     * a hash set would be more code than the few microseconds it saves. */
    for (size_t i = 0; i < rules->count; i++) {
        if (rules->rules[i].known_value)
            continue; /* every form of every known secret is "known-secret" */
        if (strcmp(rules->rules[i].info.id, HUSH_KNOWN_SECRET_RULE) == 0) {
            hushi_error_set(err, "%s: %s: this id is reserved for --known-secrets findings",
                            rules->rules[i].info.file, rules->rules[i].info.id);
            return HUSH_ERR_RULE;
        }
        for (size_t j = 0; j < i && !rules->rules[j].known_value; j++) {
            if (strcmp(rules->rules[i].info.id, rules->rules[j].info.id) == 0) {
                hushi_error_set(err, "%s: %s: duplicate rule id (first defined in %s)",
                                rules->rules[i].info.file, rules->rules[i].info.id,
                                rules->rules[j].info.file);
                return HUSH_ERR_RULE;
            }
        }
    }
    return HUSH_OK;
}

hush_status_t hush_rules_create(const hush_rules_config_t *config, hush_rules_t **out,
                                hush_error_t *err)
{
    hush_error_t scratch_err;
    if (!err)
        err = &scratch_err;
    err->message[0] = '\0';
    if (!config || !out || (config->file_count > 0 && !config->files)) {
        hushi_error_set(err, "invalid arguments to hush_rules_create");
        return HUSH_ERR_ARGUMENT;
    }
    *out = NULL;
    struct hush_rules *rules = calloc(1, sizeof *rules);
    if (!rules)
        return HUSH_ERR_NOMEM;
    size_t capacity = 0;
    hush_status_t st = HUSH_OK;
    for (size_t i = 0; st == HUSH_OK && i < config->file_count; i++)
        st = hushi_rules_parse_file(&config->files[i], &rules->rules, &rules->count, &capacity,
                                    err);
    if (st == HUSH_OK && config->known_secret_count)
        st = hushi_known_secrets_append(config, &rules->rules, &rules->count, &capacity, err);
    if (st == HUSH_OK)
        st = check_unique_ids(rules, err);
    if (st == HUSH_OK)
        st = hushi_rules_build_database(rules, config, err);
    if (st != HUSH_OK) {
        if (st == HUSH_ERR_NOMEM && !err->message[0])
            hushi_error_set(err, "out of memory while loading rules");
        hush_rules_destroy(rules);
        return st;
    }
    *out = rules;
    return HUSH_OK;
}

void hush_rules_destroy(hush_rules_t *rules)
{
    if (!rules)
        return;
    for (size_t i = 0; i < rules->count; i++)
        hushi_rule_free(&rules->rules[i]);
    free(rules->rules);
    free(rules->opener_rule);
    hs_free_database(rules->detect_db);
    hs_free_database(rules->locate_db);
    free(rules);
}

bool hush_rules_from_cache(const hush_rules_t *rules) { return rules && rules->from_cache; }

size_t hush_rules_count(const hush_rules_t *rules) { return rules ? rules->count : 0; }

hush_status_t hush_rules_info(const hush_rules_t *rules, size_t index, hush_rule_info_t *out)
{
    if (!rules || !out || index >= rules->count)
        return HUSH_ERR_ARGUMENT;
    *out = rules->rules[index].info;
    return HUSH_OK;
}

long hush_rules_find(const hush_rules_t *rules, const char *id)
{
    for (size_t i = 0; rules && id && i < rules->count; i++)
        if (strcmp(rules->rules[i].info.id, id) == 0)
            return (long)i;
    return -1;
}
