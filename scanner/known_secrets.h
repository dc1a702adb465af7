/*
 * Rules for values the caller knows are secret (known_secrets.c): one rule
 * per form the value may be written in, all reported as one rule id.
 */
#ifndef HUSHI_KNOWN_SECRETS_H
#define HUSHI_KNOWN_SECRETS_H

#include "hush.h"
#include "rule.h"

/* Appends the rules that find config->known_secrets. */
hush_status_t hushi_known_secrets_append(const hush_rules_config_t *config, hushi_rule_t **rules,
                                         size_t *count, size_t *capacity, hush_error_t *err);

#endif
