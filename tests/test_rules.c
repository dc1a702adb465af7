/*
 * Rule sets: loading, the query API, and the compiled-database cache (a
 * stale or damaged cache entry must never be used, a good one always).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "hush.h"
#include "scan_fixture.h"

#define RULE(id, secret_pattern)                                                              \
    "{\"id\":\"" id "\",\"name\":\"" id " rule\",\"confidence\":\"high\","                   \
    "\"pattern\":\"" secret_pattern "\",\"examples\":[\"x\"],\"negative_examples\":[\"y\"]," \
    "\"references\":[\"https://example.invalid/" id "\"]}"

static const char rules_a[] =
    "{\"rules\":[" RULE("test.alpha", "alpha=(?<secret>[a-z]{8})") "," RULE(
        "test.beta", "beta=(?<secret>[0-9]{6})") "]}";
static const char rules_b[] = "{\"rules\":[" RULE("test.gamma", "gamma=(?<secret>[A-Z]{5})") "]}";
/* Same rules as rules_a but beta's pattern changed: a different database. */
static const char rules_a_changed[] =
    "{\"rules\":[" RULE("test.alpha", "alpha=(?<secret>[a-z]{8})") "," RULE(
        "test.beta", "beta=(?<secret>[0-9]{7})") "]}";

typedef struct fixture {
    char dir[64];
} fixture_t;

static int setup(void **state)
{
    static fixture_t fx;
    snprintf(fx.dir, sizeof fx.dir, "/tmp/hush-test-rules-XXXXXX");
    assert_non_null(mkdtemp(fx.dir));
    *state = &fx;
    return 0;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static int teardown(void **state)
{
    remove_tree(((fixture_t *)*state)->dir);
    return 0;
}

static hush_rules_t *load(const char *cache_dir, const char *json, const char *json2)
{
    hush_rule_file_t files[2] = {{"a.json", json, strlen(json)}, {"b.json", json2, json2 ? strlen(json2) : 0}};
    hush_rules_config_t config = {.files = files, .file_count = json2 ? 2 : 1, .cache_dir = cache_dir};
    hush_rules_t *rules = NULL;
    assert_int_equal(rules_from_config(&config, &rules, NULL), HUSH_OK);
    return rules;
}

static int count_only(void *ctx, const hush_finding_t *f)
{
    (void)f;
    (*(int *)ctx)++;
    return 0;
}

static int findings_in(const hush_rules_t *rules, const char *text)
{
    int n = 0;
    hush_scanner_config_t config = {.min_confidence = HUSH_CONFIDENCE_LOW,
                                    .on_finding = count_only,
                                    .finding_ctx = &n};
    assert_int_equal(scan_whole(rules, &config, text, strlen(text)), HUSH_OK);
    return n;
}

static size_t cache_entries(const char *dir)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strstr(e->d_name, ".hsdb") != NULL;
    if (d)
        closedir(d);
    return n;
}

/* First load compiles and stores; the second is served from the cache and
 * scans the same. */
static void test_cache_hit_after_miss(void **state)
{
    fixture_t *fx = *state;
    hush_rules_t *first = load(fx->dir, rules_a, rules_b);
    assert_false(hush_rules_from_cache(first));
    assert_int_equal(cache_entries(fx->dir), 1);
    hush_rules_t *second = load(fx->dir, rules_a, rules_b);
    assert_true(hush_rules_from_cache(second));
    const char *text = "alpha=qwertyui beta=123456 gamma=ABCDE\n";
    assert_int_equal(findings_in(first, text), 3);
    assert_int_equal(findings_in(second, text), 3);
    hush_rule_info_t info;
    assert_int_equal(hush_rules_info(second, 1, &info), HUSH_OK);
    assert_int_equal(info.max_width, strlen("beta=123456"));
    hush_rules_destroy(first);
    hush_rules_destroy(second);
}

/* Any change to a rule file is a different cache entry, never a stale hit. */
static void test_changed_rules_miss_the_cache(void **state)
{
    fixture_t *fx = *state;
    hush_rules_destroy(load(fx->dir, rules_a, NULL));
    hush_rules_t *changed = load(fx->dir, rules_a_changed, NULL);
    assert_false(hush_rules_from_cache(changed));
    /* beta now wants 7 digits: a stale database would still find 6. */
    assert_int_equal(findings_in(changed, "beta=123456 \n"), 0);
    assert_int_equal(findings_in(changed, "beta=1234567\n"), 1);
    hush_rules_destroy(changed);
}

/* A damaged cache entry is ignored (and rewritten), not trusted. */
static void test_damaged_cache_entry_is_ignored(void **state)
{
    fixture_t *fx = *state;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/damaged", fx->dir);
    hush_rules_destroy(load(sub, rules_b, NULL));
    DIR *d = opendir(sub);
    assert_non_null(d);
    struct dirent *e;
    char path[512] = "";
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, ".hsdb"))
            snprintf(path, sizeof path, "%s/%s", sub, e->d_name);
    closedir(d);
    assert_true(path[0] != '\0');
    /* One byte in the facts table (max widths), then one in the database. */
    static const long damaged_at[] = {16, 200};
    for (size_t i = 0; i < 2; i++) {
        FILE *f = fopen(path, "r+b");
        assert_non_null(f);
        fseek(f, damaged_at[i], SEEK_SET);
        int c = fgetc(f);
        fseek(f, damaged_at[i], SEEK_SET);
        fputc(c ^ 0x5a, f);
        fclose(f);
        hush_rules_t *rules = load(sub, rules_b, NULL);
        assert_false(hush_rules_from_cache(rules));
        assert_int_equal(findings_in(rules, "gamma=QWERT\n"), 1);
        hush_rules_destroy(rules);
    }
    hush_rules_t *again = load(sub, rules_b, NULL);
    assert_true(hush_rules_from_cache(again));
    hush_rules_destroy(again);
    remove_tree(sub);
}

/* A cache directory that cannot be created is no error: rules still load. */
static void test_unusable_cache_dir(void **state)
{
    (void)state;
    hush_rules_t *rules = load("/proc/hush-cannot-exist/cache", rules_b, NULL);
    assert_false(hush_rules_from_cache(rules));
    assert_int_equal(findings_in(rules, "gamma=QWERT\n"), 1);
    hush_rules_destroy(rules);
}

/* The query API: count, info, find, and the built-in pack's file table. */
static void test_rule_queries(void **state)
{
    (void)state;
    hush_rules_t *rules = load(NULL, rules_a, rules_b);
    assert_int_equal(hush_rules_count(rules), 3);
    assert_int_equal(hush_rules_find(rules, "test.gamma"), 2);
    assert_int_equal(hush_rules_find(rules, "test.nope"), -1);
    hush_rule_info_t info;
    assert_int_equal(hush_rules_info(rules, 2, &info), HUSH_OK);
    assert_string_equal(info.id, "test.gamma");
    assert_string_equal(info.file, "b.json");
    assert_string_equal(info.secret_group, "secret");
    assert_true(info.redact);
    assert_int_equal(info.reference_count, 1);
    assert_int_equal(hush_rules_info(rules, 3, &info), HUSH_ERR_ARGUMENT);
    hush_rules_destroy(rules);

    const hush_rule_file_t *files = NULL;
    size_t count = 0;
    hush_default_rule_files(&files, &count);
    assert_true(count > 0);
    for (size_t i = 0; i < count; i++)
        assert_non_null(strstr(files[i].name, "patterns/"));
}

/* Two files defining one id: an error naming both files. */
static void test_duplicate_ids_across_files(void **state)
{
    (void)state;
    hush_rule_file_t files[2] = {{"a.json", rules_a, strlen(rules_a)},
                                 {"c.json", rules_a_changed, strlen(rules_a_changed)}};
    hush_rules_config_t config = {.files = files, .file_count = 2};
    hush_rules_t *rules = NULL;
    hush_error_t err;
    assert_int_equal(hush_rules_create(&config, &rules, &err), HUSH_ERR_RULE);
    assert_string_equal(err.message, "c.json: test.alpha: duplicate rule id (first defined in a.json)");
}

/* Structural names: '*' at the start, the end or both, "!name" without
 * '*'; any other shape is an error naming the rule and the name. */
static void test_structure_name_shapes(void **state)
{
    (void)state;
    static const char *const good[] = {"hushkey", "*hushkey", "hush*", "*hush*", "!hushname"};
    static const char *const bad[] = {"hu*sh", "!*hush", "*", "**", "hu!sh", "!"};
    for (size_t i = 0; i < sizeof good / sizeof *good + sizeof bad / sizeof *bad; i++) {
        bool ok = i < sizeof good / sizeof *good;
        const char *name = ok ? good[i] : bad[i - sizeof good / sizeof *good];
        char text[768];
        snprintf(text, sizeof text,
                 "{\"rules\": [{\"id\": \"test.names\", \"name\": \"hush test\", "
                 "\"confidence\": \"medium\", \"structure\": {\"kind\": \"json-key\", "
                 "\"names\": [\"hushsecret\", \"%s\"]}, \"examples\": [\"x\"], "
                 "\"negative_examples\": [\"y\"]}, {\"id\": \"test.pattern\", "
                 "\"name\": \"hush test\", \"confidence\": \"medium\", "
                 "\"pattern\": \"hush_(?<secret>[0-9]{8})\", \"examples\": [\"hush_12345678\"], "
                 "\"negative_examples\": [\"hush_1\"]}]}",
                 name);
        hush_rule_file_t file = {"n.json", text, strlen(text)};
        hush_rules_config_t config = {.files = &file, .file_count = 1};
        hush_rules_t *rules = NULL;
        hush_error_t err;
        hush_status_t st = hush_rules_create(&config, &rules, &err);
        if ((st == HUSH_OK) != ok)
            fprintf(stderr, "  name %s: %s: %s\n", name, hush_strerror(st), err.message);
        assert_int_equal(st, ok ? HUSH_OK : HUSH_ERR_RULE);
        if (!ok)
            assert_non_null(strstr(err.message, "n.json: test.names: structure name:"));
        hush_rules_destroy(rules);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cache_hit_after_miss),
        cmocka_unit_test(test_changed_rules_miss_the_cache),
        cmocka_unit_test(test_damaged_cache_entry_is_ignored),
        cmocka_unit_test(test_unusable_cache_dir),
        cmocka_unit_test(test_rule_queries),
        cmocka_unit_test(test_duplicate_ids_across_files),
        cmocka_unit_test(test_structure_name_shapes),
    };
    return cmocka_run_group_tests_name("rules", tests, setup, teardown);
}
