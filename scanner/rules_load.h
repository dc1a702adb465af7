/*
 * Rule files: JSON {"rules":[...]} into rules (rules_load.c).  Every field
 * is checked, so a bad file is reported and never half-loaded.
 */
#ifndef HUSHI_RULES_LOAD_H
#define HUSHI_RULES_LOAD_H

#include "hush.h"
#include "rule.h"

/* Parses one rule file, appending to *rules (grown as needed).  On error fills
 * err with "file: rule-id: reason". */
hush_status_t hushi_rules_parse_file(const hush_rule_file_t *file, hushi_rule_t **rules,
                                     size_t *count, size_t *capacity, hush_error_t *err);

#endif
