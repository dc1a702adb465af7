/* See view_names.h. */
#include "view_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Slots of the structural-name table (a power of two, over twice the names). */
#define HUSHI_VIEW_NAME_SLOTS 1024u

/* One listed name and, per kind of structural rule, the rule naming it;
 * `excluded` marks a name a rule listed as "!name": no wildcard of that
 * kind takes it ("secretName" is not a secret though "*secret*" matches). */
struct hushi_name_slot {
    char name[HUSHI_MAX_STRUCTURE_NAME + 1];
    int32_t rule[HUSHI_STRUCTURE_KEYVAULT_VALUE + 1]; /* per kind, -1 for none */
    bool excluded[HUSHI_STRUCTURE_KEYVAULT_VALUE + 1];
};

/* A name with a '*' at its start, its end or both ("*_api_key", "x-api-*",
 * "*secret*"): `part` is the name without them. */
struct hushi_name_wildcard {
    const char *part;
    size_t part_size;
    bool any_prefix, any_suffix;
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
            for (size_t k = 0; k <= HUSHI_STRUCTURE_KEYVAULT_VALUE; k++)
                slot->rule[k] = -1;
            return slot;
        }
        if (strcmp(slot->name, name) == 0)
            return slot;
    }
    return NULL;
}

static void add_wildcards(hushi_name_index_t *index, const hushi_rule_t *rule, int32_t r)
{
    for (size_t i = 0; i < rule->structure_name_count; i++) {
        const char *name = rule->structure_names[i];
        size_t size = strlen(name);
        if (name[0] == '!' || !strchr(name, '*'))
            continue;
        bool any_prefix = name[0] == '*', any_suffix = name[size - 1] == '*';
        index->wildcards[index->wildcard_count++] = (struct hushi_name_wildcard){
            .part = name + any_prefix,
            .part_size = size - any_prefix - any_suffix,
            .any_prefix = any_prefix,
            .any_suffix = any_suffix,
            .kind = rule->structure,
            .rule = r};
    }
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
    /* Wildcards grouped by kind (rule order within one): a lookup walks
     * only its kind's. */
    for (size_t kind = 0; kind <= HUSHI_STRUCTURE_KEYVAULT_VALUE; kind++)
        for (uint32_t r = 0; r < rules->count; r++) {
            const hushi_rule_t *rule = &rules->rules[r];
            if ((size_t)rule->structure == kind)
                add_wildcards(index, rule, (int32_t)r);
        }
    for (size_t kind = 0; kind <= HUSHI_STRUCTURE_KEYVAULT_VALUE; kind++) {
        size_t end = 0;
        for (size_t i = 0; i < index->wildcard_count; i++)
            if ((size_t)index->wildcards[i].kind <= kind)
                end = i + 1;
        index->wildcard_end[kind] = end;
    }
    for (uint32_t r = 0; r < rules->count; r++) {
        const hushi_rule_t *rule = &rules->rules[r];
        if (rule->structure == HUSHI_STRUCTURE_KEYVAULT_VALUE && index->keyvault_rule < 0)
            index->keyvault_rule = (int32_t)r;
        for (size_t i = 0; i < rule->structure_name_count; i++) {
            const char *name = rule->structure_names[i];
            bool excluded = name[0] == '!'; /* rules_load.c checked the shape */
            if (!excluded && strchr(name, '*'))
                continue; /* add_wildcards took it */
            name_slot_t *slot = name_slot(index->slots, name + excluded, true);
            if (!slot)
                return fail(message, message_size, HUSH_ERR_LIMIT, "structure name table full");
            if (excluded)
                slot->excluded[rule->structure] = true;
            else if (slot->rule[rule->structure] < 0) /* the first rule listing it names it */
                slot->rule[rule->structure] = (int32_t)r;
        }
    }
    return HUSH_OK;
}

static bool wildcard_match(const struct hushi_name_wildcard *w, const char *name, size_t n)
{
    if (n < w->part_size)
        return false;
    if (w->any_prefix && w->any_suffix) { /* "*secret*": anywhere */
        /* Names are short: a plain loop beats memmem's set-up. */
        for (size_t i = 0; i + w->part_size <= n; i++)
            if (name[i] == w->part[0] && (w->part_size < 2 || name[i + 1] == w->part[1]) &&
                memcmp(name + i, w->part, w->part_size) == 0)
                return true;
        return false;
    }
    /* Most names fail on the first byte compared: test it before memcmp. */
    if (w->any_prefix)
        return name[n - 1] == w->part[w->part_size - 1] &&
               memcmp(name + n - w->part_size, w->part, w->part_size) == 0;
    return name[0] == w->part[0] && memcmp(name, w->part, w->part_size) == 0;
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
    if (slot && slot->excluded[kind])
        return -1;
    size_t n = strlen(name);
    for (size_t i = kind ? index->wildcard_end[kind - 1] : 0; i < index->wildcard_end[kind]; i++)
        if (wildcard_match(&index->wildcards[i], name, n))
            return index->wildcards[i].rule;
    return -1;
}
