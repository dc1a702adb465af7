/*
 * The Hyperscan databases of a rule set (rules_compile.c), built from the
 * loaded rules or read from the cache.
 */
#ifndef HUSHI_RULES_COMPILE_H
#define HUSHI_RULES_COMPILE_H

#include "hush.h"
#include "rules_internal.h"

/* Compiles the Hyperscan database of all rules (prefilter mode where needed,
 * max widths filled in), using and filling the cache when cache_dir is set. */
hush_status_t hushi_rules_build_database(struct hush_rules *rules, const hush_rules_config_t *config,
                                         hush_error_t *err);

#endif
