/* See view_names.h. */
#include "view_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Slots of the structural-name table (a power of two, over twice the names). */
#define HUSHI_VIEW_NAME_SLOTS 1024u

/* One listed name and, per kind of structural rule, the rule naming it. */
struct hushi_name_slot {
    char name[HUSHI_MAX_STRUCTURE_NAME + 1];
    int32_t rule[HUSHI_STRUCTURE_KEYVAULT_VALUE + 1]; /* per kind, -1 for none */
};

/* A name with a leading or trailing '*' ("*_api_key", "x-api-*"). */
struct hushi_name_wildcard {
    const char *name;
    hushi_structure_kind_t kind;
    int32_t rule;
};

typedef struct hushi_name_slot name_slot_t;

/* Copies `why` into the caller's message buffer unless it already holds one. */
static hush_status_t fail(char *message, size_t message_size, hush_status_t st, const char *why)
{
    if (st != HUSH_OK && why && message && !message[0])
        snprintf(message, message_size, "%s", why);
    return st;
}

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static name_slot_t *name_slot(name_slot_t *table, const char *name, bool create)
{
    for (uint32_t i = name_hash(name), n = 0; n < HUSHI_VIEW_NAME_SLOTS; i++, n++) {
        name_slot_t *slot = &table[i & (HUSHI_VIEW_NAME_SLOTS - 1)];
        if (!slot->name[0]) {
            if (!create)
                return NULL;
            snprintf(slot->name, sizeof slot->name, "%s", name);
            return slot;
        }
        if (strcmp(slot->name, name) == 0)
            return slot;
    }
    return NULL;
}

hush_status_t hushi_name_index_build(hushi_name_index_t *index, const hush_rules_t *rules,
                                     char *message, size_t message_size)
{
    memset(index, 0, sizeof *index);
    index->keyvault_rule = -1;
    index->slots = calloc(HUSHI_VIEW_NAME_SLOTS, sizeof *index->slots);
    size_t wildcards = 0, names = 0;
    for (size_t r = 0; r < rules->count; r++)
        for (size_t i = 0; i < rules->rules[r].structure_name_count; i++, names++)
            wildcards += strchr(rules->rules[r].structure_names[i], '*') != NULL;
    index->wildcards = calloc(wildcards + 1, sizeof *index->wildcards);
    if (!index->slots || !index->wildcards)
        return HUSH_ERR_NOMEM;
    if (names * 2 > HUSHI_VIEW_NAME_SLOTS)
        return fail(message, message_size, HUSH_ERR_LIMIT,
                    "structural rules list more than 512 names");
    for (uint32_t r = 0; r < rules->count; r++) {
        const hushi_rule_t *rule = &rules->rules[r];
        if (rule->structure == HUSHI_STRUCTURE_KEYVAULT_VALUE && index->keyvault_rule < 0)
            index->keyvault_rule = (int32_t)r;
        for (size_t i = 0; i < rule->structure_name_count; i++) {
            const char *name = rule->structure_names[i];
            if (strchr(name, '*')) {
                index->wildcards[index->wildcard_count++] = (struct hushi_name_wildcard){
                    .name = name, .kind = rule->structure, .rule = (int32_t)r};
                continue;
            }
            name_slot_t *slot = name_slot(index->slots, name, true);
            if (slot->rule[0] == 0 && slot->rule[1] == 0) /* fresh */
                for (size_t k = 0; k <= HUSHI_STRUCTURE_KEYVAULT_VALUE; k++)
                    slot->rule[k] = -1;
            if (slot->rule[rule->structure] < 0) /* the first rule listing it names it */
                slot->rule[rule->structure] = (int32_t)r;
        }
    }
    return HUSH_OK;
}

static bool wildcard_match(const char *pattern, const char *name)
{
    size_t p = strlen(pattern), n = strlen(name);
    if (pattern[0] == '*')
        return n >= p - 1 && memcmp(name + n - (p - 1), pattern + 1, p - 1) == 0;
    if (pattern[p - 1] == '*')
        return n >= p - 1 && memcmp(name, pattern, p - 1) == 0;
    return false;
}

void hushi_name_index_free(hushi_name_index_t *index)
{
    if (!index)
        return;
    free(index->slots);
    free(index->wildcards);
    memset(index, 0, sizeof *index);
    index->keyvault_rule = -1;
}

int32_t hushi_name_index_rule(const hushi_name_index_t *index, hushi_structure_kind_t kind,
                              const char *name)
{
    if (!name[0])
        return -1;
    const name_slot_t *slot = name_slot(index->slots, name, false);
    if (slot && slot->rule[kind] >= 0)
        return slot->rule[kind];
    for (size_t i = 0; i < index->wildcard_count; i++)
        if (index->wildcards[i].kind == kind && wildcard_match(index->wildcards[i].name, name))
            return index->wildcards[i].rule;
    return -1;
}
