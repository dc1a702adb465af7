/*
 * One Hyperscan database for every rule, and its on-disk cache.
 *
 * Compiling hundreds of patterns takes seconds while a pipeline filter is
 * started often, so the serialized database is cached under a key that
 * changes whenever anything that could change it changes: the rule files'
 * bytes, the hush version, the Hyperscan version and the CPU features.
 * A cache hit also proves that every pattern was validated when the entry
 * was written, so no PCRE2 pattern is compiled at start-up: each one is
 * compiled the first time its rule fires.
 */
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "rules_compile.h"

#include "error_internal.h"

#define CACHE_MAGIC "HUSHDB5\n"
#define CACHE_MAGIC_LEN 8
/* A serialized database larger than this is not a database we wrote. */
#define CACHE_MAX_BYTES (512u << 20)

/* ^ and $ are line anchors, as PCRE2_MULTILINE makes them for confirmation. */
#define HUSHI_HS_FLAGS HS_FLAG_MULTILINE

/* What compiling tells us about each expression, stored in the cache with
 * the database so that a cache hit needs no compile at all. */
typedef struct expr_facts {
    uint32_t max_width;
    uint32_t prefilter;
} expr_facts_t;

/* ---- cache key ------------------------------------------------------- */

static bool cache_key(const hush_rules_config_t *config, char hex[65])
{
    hs_platform_info_t platform;
    if (hs_populate_platform(&platform) != HS_SUCCESS)
        return false;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    if (!md || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(md);
        return false;
    }
    const char *hs_ver = hs_version();
    EVP_DigestUpdate(md, CACHE_MAGIC, CACHE_MAGIC_LEN);
    EVP_DigestUpdate(md, HUSH_VERSION_STRING, sizeof HUSH_VERSION_STRING);
    EVP_DigestUpdate(md, hs_ver, strlen(hs_ver) + 1);
    EVP_DigestUpdate(md, &platform, sizeof platform);
    for (size_t i = 0; i < config->file_count; i++) {
        const hush_rule_file_t *f = &config->files[i];
        uint64_t sizes[2] = {strlen(f->name), f->size};
        EVP_DigestUpdate(md, sizes, sizeof sizes);
        EVP_DigestUpdate(md, f->name, sizes[0]);
        EVP_DigestUpdate(md, f->data, f->size);
    }
    unsigned char digest[32];
    unsigned int len = 0;
    bool ok = EVP_DigestFinal_ex(md, digest, &len) == 1 && len == 32;
    EVP_MD_CTX_free(md);
    for (unsigned i = 0; ok && i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    return ok;
}

static char *cache_path(const char *dir, const char *key, const char *suffix)
{
    size_t n = strlen(dir) + strlen(key) + strlen(suffix) + 3;
    char *path = malloc(n);
    if (path)
        snprintf(path, n, "%s/%s%s", dir, key, suffix);
    return path;
}

/* ---- cache read/write -------------------------------------------------- */

static unsigned char *read_whole_file(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    unsigned char *data = NULL;
    if (fstat(fd, &st) == 0 && st.st_size > 0 && (uint64_t)st.st_size <= CACHE_MAX_BYTES &&
        (data = malloc((size_t)st.st_size))) {
        size_t done = 0;
        while (done < (size_t)st.st_size) {
            ssize_t got = read(fd, data + done, (size_t)st.st_size - done);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            done += (size_t)got;
        }
        if (done != (size_t)st.st_size) {
            free(data);
            data = NULL;
        }
        *size = done;
    }
    close(fd);
    return data;
}

/* Layout: magic, u32 CRC32 of everything after it, u32 expression count,
 * expr_facts_t[count], u64 size of the detect database, its bytes, then the
 * locate database's bytes.  Hyperscan checks its own bytes, but the facts
 * bound the scan window and must not be trusted damaged either. */
#define CACHE_HEADER (CACHE_MAGIC_LEN + sizeof(uint32_t))
static bool cache_load(struct hush_rules *rules, const char *path, size_t expr_count,
                       expr_facts_t *facts)
{
    size_t size = 0;
    unsigned char *data = read_whole_file(path, &size);
    if (!data)
        return false;
    size_t header = CACHE_HEADER + sizeof(uint32_t) + expr_count * sizeof *facts + sizeof(uint64_t);
    uint32_t stored_crc = 0, stored_count = 0;
    bool ok = size > header && memcmp(data, CACHE_MAGIC, CACHE_MAGIC_LEN) == 0;
    if (ok) {
        memcpy(&stored_crc, data + CACHE_MAGIC_LEN, sizeof stored_crc);
        memcpy(&stored_count, data + CACHE_HEADER, sizeof stored_count);
        ok = stored_count == expr_count &&
             stored_crc == crc32(0, data + CACHE_HEADER, (uInt)(size - CACHE_HEADER));
    }
    uint64_t detect_size = 0;
    if (ok) {
        memcpy(facts, data + CACHE_HEADER + sizeof stored_count, expr_count * sizeof *facts);
        memcpy(&detect_size, data + header - sizeof detect_size, sizeof detect_size);
        ok = detect_size < size - header;
    }
    if (ok) {
        const char *dbs = (const char *)data + header;
        ok = hs_deserialize_database(dbs, (size_t)detect_size, &rules->detect_db) == HS_SUCCESS &&
             hs_deserialize_database(dbs + detect_size, size - header - (size_t)detect_size,
                                     &rules->locate_db) == HS_SUCCESS;
    }
    if (!ok) {
        hs_free_database(rules->detect_db);
        hs_free_database(rules->locate_db);
        rules->detect_db = rules->locate_db = NULL;
    }
    free(data);
    return ok;
}

static bool write_all(int fd, const void *data, size_t size)
{
    const char *p = data;
    while (size > 0) {
        ssize_t put = write(fd, p, size);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        p += put;
        size -= (size_t)put;
    }
    return true;
}

static void make_dirs(const char *dir)
{
    char *copy = strdup(dir);
    if (!copy)
        return;
    for (char *p = copy + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(copy, 0700);
            *p = '/';
        }
    }
    mkdir(copy, 0700);
    free(copy);
}

/* Best effort: a cache that cannot be written only costs the next start-up
 * a compile.  Written under a temporary name and renamed, so a concurrent
 * reader sees either nothing or a whole entry. */
static void cache_store(const struct hush_rules *rules, const char *dir, const char *path,
                        size_t expr_count, const expr_facts_t *facts)
{
    char *bytes = NULL, *locate = NULL;
    size_t length = 0, locate_length = 0;
    if (hs_serialize_database(rules->detect_db, &bytes, &length) != HS_SUCCESS ||
        hs_serialize_database(rules->locate_db, &locate, &locate_length) != HS_SUCCESS) {
        free(bytes);
        return;
    }
    uint64_t detect_size = length;
    make_dirs(dir);
    char *tmp = cache_path(dir, ".tmp-XXXXXX", "");
    int fd = tmp ? mkstemp(tmp) : -1;
    if (fd >= 0) {
        uint32_t count = (uint32_t)expr_count;
        uLong crc = crc32(0, (const Bytef *)&count, sizeof count);
        crc = crc32(crc, (const Bytef *)facts, (uInt)(expr_count * sizeof *facts));
        crc = crc32(crc, (const Bytef *)&detect_size, sizeof detect_size);
        crc = crc32(crc, (const Bytef *)bytes, (uInt)length);
        crc = crc32(crc, (const Bytef *)locate, (uInt)locate_length);
        uint32_t crc32_value = (uint32_t)crc;
        bool ok = write_all(fd, CACHE_MAGIC, CACHE_MAGIC_LEN) &&
                  write_all(fd, &crc32_value, sizeof crc32_value) &&
                  write_all(fd, &count, sizeof count) &&
                  write_all(fd, facts, expr_count * sizeof *facts) &&
                  write_all(fd, &detect_size, sizeof detect_size) &&
                  write_all(fd, bytes, length) && write_all(fd, locate, locate_length);
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp, path) != 0)
            unlink(tmp);
    }
    free(tmp);
    free(bytes);
    free(locate);
}

/* ---- compile ------------------------------------------------------------- */

/* Max width (and whether prefilter mode is needed) of one expression, or an
 * error message for the rule. */
static bool expression_facts(const char *pattern, expr_facts_t *facts, char *message,
                             size_t message_size)
{
    hs_expr_info_t *info = NULL;
    hs_compile_error_t *error = NULL;
    facts->prefilter = 0;
    if (hs_expression_info(pattern, HUSHI_HS_FLAGS, &info, &error) != HS_SUCCESS) {
        hs_free_compile_error(error);
        error = NULL;
        facts->prefilter = 1;
        if (hs_expression_info(pattern, HUSHI_HS_FLAGS | HS_FLAG_PREFILTER, &info, &error) !=
            HS_SUCCESS) {
            snprintf(message, message_size, "Hyperscan cannot compile the pattern: %s",
                     error ? error->message : "unknown error");
            hs_free_compile_error(error);
            return false;
        }
    }
    facts->max_width = info->max_width;
    free(info);
    if (facts->max_width > HUSHI_MAX_MATCH_LEN) {
        snprintf(message, message_size,
                 "pattern can match more than %u bytes; bound every repetition "
                 "(e.g. {1,64} instead of + or *)",
                 HUSHI_MAX_MATCH_LEN);
        return false;
    }
    return true;
}

/* \A, \G, \Z and \z depend on where a search starts or a subject ends,
 * which differ between confirming a cluster and scanning a whole input. */
static bool uses_subject_anchor(const char *pattern)
{
    for (const char *p = pattern; *p; p++) {
        if (*p != '\\')
            continue;
        if (p[1] == 'A' || p[1] == 'G' || p[1] == 'Z' || p[1] == 'z')
            return true;
        if (p[1])
            p++; /* skip the escaped character (\\ included) */
    }
    return false;
}

/* How far past the end of a match a look-ahead can read: the width of the
 * pattern with every look-ahead made to consume, less the match's own.  A
 * look-ahead reaching past the confirm window's context would be decided
 * on truncated bytes.  (A literal "(?=" written as "\\(?=" would only make
 * this estimate larger.) */
static bool lookahead_fits(const char *pattern, unsigned max_width, char *message,
                           size_t message_size)
{
    if (!strstr(pattern, "(?=") && !strstr(pattern, "(?!"))
        return true;
    char *consuming = strdup(pattern);
    if (!consuming) {
        snprintf(message, message_size, "out of memory");
        return false;
    }
    for (char *p = consuming; (p = strstr(p, "(?")) != NULL; p += 2)
        if (p[2] == '=' || p[2] == '!')
            p[2] = ':';
    expr_facts_t facts;
    char ignored[64];
    bool ok = expression_facts(consuming, &facts, ignored, sizeof ignored) &&
              facts.max_width <= max_width + HUSHI_CONTEXT_LEN;
    free(consuming);
    if (!ok)
        snprintf(message, message_size,
                 "a look-ahead may read more than %u bytes past the match; bound it",
                 HUSHI_CONTEXT_LEN);
    return ok;
}

/* Checks everything about a rule's patterns that needs compiling them. */
static hush_status_t validate_rule(const hushi_rule_t *rule, expr_facts_t *facts,
                                   expr_facts_t *opener_facts, hush_error_t *err)
{
    char message[256];
    uint32_t group;
    const pcre2_code *code = hushi_rule_code(rule, &group, message, sizeof message);
    if (code) {
        uint32_t lookbehind = 0;
        pcre2_pattern_info(code, PCRE2_INFO_MAXLOOKBEHIND, &lookbehind);
        if (lookbehind > HUSHI_CONTEXT_LEN) {
            snprintf(message, sizeof message, "look-behind longer than %u bytes",
                     HUSHI_CONTEXT_LEN);
            code = NULL;
        }
    }
    if (code && uses_subject_anchor(rule->info.pattern)) {
        snprintf(message, sizeof message,
                 "\\A, \\G, \\Z and \\z are not supported (use ^ and $, which match at "
                 "line boundaries)");
        code = NULL;
    }
    if (!code || !expression_facts(rule->info.pattern, facts, message, sizeof message) ||
        !lookahead_fits(rule->info.pattern, facts->max_width, message, sizeof message) ||
        (rule->opener &&
         !expression_facts(rule->opener, opener_facts, message, sizeof message))) {
        hushi_error_set(err, "%s: %s: %s", rule->info.file, rule->info.id, message);
        return HUSH_ERR_RULE;
    }
    return HUSH_OK;
}

/* Names the rule (or opener) Hyperscan refused. */
static hush_status_t compile_failed(struct hush_rules *rules, hs_compile_error_t *error,
                                    const unsigned *ids, hush_error_t *err)
{
    int which = error && error->expression >= 0 ? (int)ids[error->expression] : -1;
    const char *what = error ? error->message : "unknown error";
    if (which >= 0 && (size_t)which < rules->count)
        hushi_error_set(err, "%s: %s: Hyperscan: %s", rules->rules[which].info.file,
                        rules->rules[which].info.id, what);
    else if (which >= 0)
        hushi_error_set(err, "%s: opener: Hyperscan: %s",
                        rules->rules[rules->opener_rule[(size_t)which - rules->count]].info.id,
                        what);
    else
        hushi_error_set(err, "Hyperscan: %s", what);
    hs_free_compile_error(error);
    return which >= 0 ? HUSH_ERR_RULE : HUSH_ERR_HYPERSCAN;
}

static hush_status_t compile_database(struct hush_rules *rules, size_t expr_count,
                                      expr_facts_t *facts, hush_error_t *err)
{
    hush_status_t st = HUSH_OK;
    const char **patterns = calloc(expr_count, sizeof *patterns);
    unsigned *flags = calloc(expr_count, sizeof *flags);
    unsigned *ids = calloc(expr_count, sizeof *ids);
    if (!patterns || !flags || !ids)
        st = HUSH_ERR_NOMEM;
    /* Expressions: the pattern rules first (a Hyperscan id is the rule's
     * index), then the openers (id rules->count + opener index).  Structural
     * rules have no pattern: the views find them (views.h). */
    size_t n = 0, opener = rules->count;
    for (size_t i = 0; st == HUSH_OK && i < rules->count; i++) {
        const hushi_rule_t *rule = &rules->rules[i];
        if (rule->structure)
            continue;
        st = validate_rule(rule, &facts[i], rule->opener ? &facts[opener++] : NULL, err);
        patterns[n] = rule->info.pattern;
        ids[n] = (unsigned)i;
        flags[n++] = HUSHI_HS_FLAGS | (facts[i].prefilter ? HS_FLAG_PREFILTER : 0);
    }
    size_t rule_exprs = n;
    for (size_t j = 0; st == HUSH_OK && j < rules->opener_count; j++) {
        const hushi_rule_t *rule = &rules->rules[rules->opener_rule[j]];
        const expr_facts_t *opener_facts = &facts[rules->count + j];
        patterns[n] = rule->opener;
        ids[n] = (unsigned)(rules->count + j);
        flags[n++] = HUSHI_HS_FLAGS | (opener_facts->prefilter ? HS_FLAG_PREFILTER : 0);
    }
    /* locate: every rule, every match end. */
    hs_compile_error_t *error = NULL;
    if (st == HUSH_OK &&
        hs_compile_multi(patterns, flags, ids, (unsigned)rule_exprs, HS_MODE_BLOCK, NULL,
                         &rules->locate_db, &error) != HS_SUCCESS) {
        st = compile_failed(rules, error, ids, err);
        error = NULL;
    }
    /* detect: a rule needs reporting once per scanned range, which spares
     * Hyperscan most of its work; openers at every position, as flushing
     * needs each one. */
    for (size_t i = 0; st == HUSH_OK && i < rule_exprs; i++)
        flags[i] |= HS_FLAG_SINGLEMATCH;
    if (st == HUSH_OK &&
        hs_compile_multi(patterns, flags, ids, (unsigned)n, HS_MODE_BLOCK, NULL,
                         &rules->detect_db, &error) != HS_SUCCESS)
        st = compile_failed(rules, error, ids, err);
    free(patterns);
    free(flags);
    free(ids);
    return st;
}

static hush_status_t index_openers(struct hush_rules *rules)
{
    for (size_t i = 0; i < rules->count; i++)
        rules->opener_count += rules->rules[i].opener != NULL;
    rules->opener_rule = calloc(rules->opener_count + 1, sizeof *rules->opener_rule);
    if (!rules->opener_rule)
        return HUSH_ERR_NOMEM;
    size_t j = 0;
    for (size_t i = 0; i < rules->count; i++)
        if (rules->rules[i].opener)
            rules->opener_rule[j++] = (uint32_t)i;
    return HUSH_OK;
}

hush_status_t hushi_rules_build_database(struct hush_rules *rules,
                                         const hush_rules_config_t *config, hush_error_t *err)
{
    if (rules->count == 0) {
        hushi_error_set(err, "no rules to scan with");
        return HUSH_ERR_RULE;
    }
    hush_status_t st = index_openers(rules);
    size_t expr_count = rules->count + rules->opener_count;
    expr_facts_t *facts = calloc(expr_count, sizeof *facts);
    if (st != HUSH_OK || !facts) {
        free(facts);
        return HUSH_ERR_NOMEM;
    }
    char key[65];
    char *path = NULL;
    /* Known secrets are compiled into the database: it must never reach disk. */
    if (config->cache_dir && config->known_secret_count == 0 && cache_key(config, key))
        path = cache_path(config->cache_dir, key, ".hsdb");
    rules->from_cache = path && cache_load(rules, path, expr_count, facts);
    if (!rules->from_cache) {
        st = compile_database(rules, expr_count, facts, err);
        if (st == HUSH_OK && path)
            cache_store(rules, config->cache_dir, path, expr_count, facts);
    }
    for (size_t i = 0; st == HUSH_OK && i < rules->count; i++) {
        hushi_rule_t *rule = &rules->rules[i];
        rule->info.max_width = facts[i].max_width;
        rule->info.prefilter = facts[i].prefilter != 0;
        if (rule->info.max_width > rules->max_width)
            rules->max_width = rule->info.max_width;
    }
    for (size_t j = 0; st == HUSH_OK && j < rules->opener_count; j++)
        rules->rules[rules->opener_rule[j]].opener_width = facts[rules->count + j].max_width;
    free(path);
    free(facts);
    return st;
}
