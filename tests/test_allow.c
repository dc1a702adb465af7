/*
 * The --allow file: which candidates an entry allows (criteria combine with
 * AND, first entry wins, globs on paths and archive members), and that a
 * hostile value regex gives up instead of hanging a scan.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli_allow.h"

static char allow_path[64];

static cli_allow_list_t *load(const char *text)
{
    snprintf(allow_path, sizeof allow_path, "/tmp/hush-allow-XXXXXX");
    int fd = mkstemp(allow_path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    cli_allow_list_t *list = NULL;
    hush_error_t err = {{0}};
    hush_status_t st = cli_allow_list_load(allow_path, &list, &err);
    unlink(allow_path);
    if (st != HUSH_OK)
        fail_msg("load failed: %s", err.message);
    return list;
}

static hush_allow_query_t query(const char *rule, const char *fingerprint, const char *value)
{
    return (hush_allow_query_t){.rule_id = rule, .fingerprint = fingerprint,
                                .value = (const unsigned char *)value, .size = strlen(value)};
}

/* The line of the entry that allows it, 0 when none does. */
static size_t allowed_by(cli_allow_list_t *list, const char *path, const char *rule,
                         const char *fingerprint, const char *value)
{
    hush_allow_query_t q = query(rule, fingerprint, value);
    cli_allow_entry_info_t info = {0};
    return cli_allow_list_match(list, path, &q, &info) ? info.line : 0;
}

static void test_criteria_combine_and_first_entry_wins(void **state)
{
    (void)state;
    cli_allow_list_t *list = load("# reviewed exceptions (hush test)\n"
                                   "rule=generic.password path=tests/* fixture passwords\n"
                                   "\n"
                                   "  fingerprint=00112233AABBCCDD rotated in SEC-1 (hush test)\n"
                                   "rule=generic.* value=^hushfake- fake values of the hush test\n");
    assert_int_equal(allowed_by(list, "tests/fixtures/db.env", "generic.password", "", "pw"), 2);
    /* rule holds, path does not */
    assert_int_equal(allowed_by(list, "src/db.env", "generic.password", "", "pw"), 0);
    /* fingerprints compare without case */
    assert_int_equal(allowed_by(list, "src/a.log", "github.pat.classic", "00112233aabbccdd", "x"),
                     4);
    assert_int_equal(allowed_by(list, "src/a.log", "generic.token", "", "hushfake-123"), 5);
    assert_int_equal(allowed_by(list, "src/a.log", "generic.token", "", "real-123"), 0);
    assert_int_equal(allowed_by(list, "src/a.log", "aws.secret-access-key", "", "hushfake-1"), 0);
    cli_allow_list_free(list);
}

static void test_path_globs(void **state)
{
    (void)state;
    cli_allow_list_t *list = load("path=*.har HAR files of the hush test\n"
                                   "path=exports/*/run-*.json run exports of the hush test\n");
    /* without '/': the file name, also of an archive member */
    assert_int_equal(allowed_by(list, "/tickets/123/session.har", "r", "", "v"), 1);
    assert_int_equal(allowed_by(list, "bundle.zip!logs/session.har", "r", "", "v"), 1);
    assert_int_equal(allowed_by(list, "session.har.txt", "r", "", "v"), 0);
    /* with '/': the whole path, '*' crossing '/', a leading ./ ignored */
    assert_int_equal(allowed_by(list, "./exports/2026/11/run-7.json", "r", "", "v"), 2);
    assert_int_equal(allowed_by(list, "old/exports/2026/run-7.json", "r", "", "v"), 0);
    cli_allow_list_free(list);
    /* a leading ./ in the glob is ignored as in the path */
    list = load("path=./exports/*.json written relative (hush test)\n");
    assert_int_equal(allowed_by(list, "exports/run-7.json", "r", "", "v"), 1);
    cli_allow_list_free(list);
}

static void test_value_regex_gives_up_instead_of_hanging(void **state)
{
    (void)state;
    cli_allow_list_t *list = load("value=^(a|aa)+$ catastrophic on purpose (hush test)\n");
    char value[64];
    memset(value, 'a', sizeof value - 2);
    value[sizeof value - 2] = 'b';
    value[sizeof value - 1] = '\0';
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(allowed_by(list, "a.log", "r", "", value), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    /* Unbounded, this backtracking takes minutes; the limit ends it in ms. */
    assert_true(t1.tv_sec - t0.tv_sec < 5);
    assert_int_equal(allowed_by(list, "a.log", "r", "", "aaaa"), 1);
    cli_allow_list_free(list);
}

static void test_values_are_bytes(void **state)
{
    (void)state;
    cli_allow_list_t *list = load("value=\\x00\\xff bytes, not text (hush test)\n");
    hush_allow_query_t q = {.rule_id = "r", .fingerprint = "",
                            .value = (const unsigned char *)"k\0\xffz", .size = 4};
    cli_allow_entry_info_t info;
    assert_true(cli_allow_list_match(list, "a", &q, &info));
    assert_string_equal(info.reason, "bytes, not text (hush test)");
    cli_allow_list_free(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_criteria_combine_and_first_entry_wins),
        cmocka_unit_test(test_path_globs),
        cmocka_unit_test(test_value_regex_gives_up_instead_of_hanging),
        cmocka_unit_test(test_values_are_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
