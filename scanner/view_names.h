/*
 * The names structural rules list (rule.h: member names, HTTP
 * headers, URL parameters), indexed for the views: one lookup per member
 * key, {"name": ...} value and URL parameter, so a hash table of exact
 * names and excluded names ("!secretname"), then the few wildcard names
 * ("*_api_key", "*secret*") in order.
 */
#ifndef HUSHI_VIEW_NAMES_H
#define HUSHI_VIEW_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "rules_internal.h"

typedef struct hushi_name_index {
    struct hushi_name_slot *slots;          /* exact names, open addressing */
    struct hushi_name_wildcard *wildcards;  /* names with a '*' at either end or both */
    size_t wildcard_count;
    /* wildcards of kind k: [wildcard_end[k - 1] (0 for k = 0), wildcard_end[k]) */
    size_t wildcard_end[HUSHI_STRUCTURE_KEYVAULT_VALUE + 1];
    int32_t keyvault_rule;                  /* first Key Vault value rule, or -1 */
} hushi_name_index_t;

/* Indexes every name of the rules' structural rules; when several rules of
 * one kind list a name, the first names it.  HUSH_ERR_LIMIT (with a
 * message, unless one is there already) past 512 names.  Free with
 * hushi_name_index_free, also after a failure. */
hush_status_t hushi_name_index_build(hushi_name_index_t *index, const hush_rules_t *rules,
                                     char *message, size_t message_size);
/* Frees what the index holds (NULL is fine). */
void hushi_name_index_free(hushi_name_index_t *index);

/* The rule of kind `kind` naming `name` (normalised:
 * hushi_structure_name_normalize), or -1. */
int32_t hushi_name_index_rule(const hushi_name_index_t *index, hushi_structure_kind_t kind,
                              const char *name);

#endif
