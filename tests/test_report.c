/*
 * Report rendering: every format, byte for byte, from crafted findings.  The
 * findings hold only masked previews (hush_finding_t has no secret field), so
 * these tests need no fake secrets at all.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli_report.h"

typedef struct capture {
    FILE *file;
    char *text;
    size_t size;
} capture_t;

static void capture_open(capture_t *c)
{
    c->text = NULL;
    c->size = 0;
    c->file = open_memstream(&c->text, &c->size);
    assert_non_null(c->file);
}

/* Closes the stream and returns what was written (owned by c). */
static const char *capture_close(capture_t *c)
{
    assert_int_equal(fclose(c->file), 0);
    return c->text;
}

static hush_finding_t make_finding(const char *rule, const char *preview)
{
    hush_finding_t f;
    memset(&f, 0, sizeof f);
    f.rule_id = rule;
    f.rule_name = "Test rule, \"quoted\"";
    f.confidence = HUSH_CONFIDENCE_HIGH;
    f.validated = NULL;
    f.encoding = "json";
    f.offset = 40211;
    f.length = 58;
    f.line = 88;
    f.column = 31;
    snprintf(f.fingerprint, sizeof f.fingerprint, "3f9a0c5be2d17a44");
    snprintf(f.preview, sizeof f.preview, "%s", preview);
    return f;
}

static const char *render_one(capture_t *c, cli_report_format_t format, bool color,
                              const char *path, const hush_finding_t *f)
{
    capture_open(c);
    cli_report_t *r = cli_report_create(c->file, format, color, NULL);
    assert_non_null(r);
    assert_true(cli_report_finding(r, path, f));
    assert_true(cli_report_finish(r));
    assert_int_equal(cli_report_finding_count(r), 1);
    cli_report_destroy(r);
    return capture_close(c);
}

static void test_jsonl_fields_in_contract_order(void **state)
{
    (void)state;
    capture_t c;
    hush_finding_t f = make_finding("azure.storage.connection-string",
                                    "\"AccountKey=[REDACTED:azure.storage.connection-string]\"");
    const char *out = render_one(&c, CLI_REPORT_JSONL, false, "exports/run-0412.json", &f);
    assert_string_equal(out,
                        "{\"path\":\"exports/run-0412.json\",\"line\":88,\"column\":31,"
                        "\"offset\":40211,\"length\":58,"
                        "\"rule\":\"azure.storage.connection-string\","
                        "\"name\":\"Test rule, \\\"quoted\\\"\",\"confidence\":\"high\","
                        "\"encoding\":\"json\",\"validated\":null,"
                        "\"fingerprint\":\"3f9a0c5be2d17a44\","
                        "\"preview\":\"\\\"AccountKey=[REDACTED:azure.storage.connection-string]"
                        "\\\"\"}\n");
    free(c.text);
}

static void test_jsonl_escapes_controls_and_bad_utf8(void **state)
{
    (void)state;
    capture_t c;
    /* tab, newline, CR, \x01, ESC, backslash, valid "é", a lone 0xff byte */
    hush_finding_t f = make_finding("r", "a\tb\nc\rd\x01" "e\x1b[31m\\ caf\xc3\xa9 \xff!");
    f.validated = "checksum";
    const char *out = render_one(&c, CLI_REPORT_JSONL, false, "-", &f);
    assert_non_null(strstr(out, "\"path\":\"<stdin>\""));
    assert_non_null(strstr(out, "\"validated\":\"checksum\""));
    assert_non_null(strstr(out, "\"preview\":\"a\\tb\\nc\\rd\\u0001e\\u001b[31m\\\\ "
                                "caf\xc3\xa9 \\ufffd!\"}\n"));
    free(c.text);
}

static void test_jsonl_without_key_has_null_fingerprint(void **state)
{
    (void)state;
    capture_t c;
    hush_finding_t f = make_finding("r", "x");
    f.fingerprint[0] = '\0';
    const char *out = render_one(&c, CLI_REPORT_JSONL, false, "a.log", &f);
    assert_non_null(strstr(out, "\"fingerprint\":null,"));
    free(c.text);
}

static void test_json_document_with_skips_and_errors(void **state)
{
    (void)state;
    capture_t c;
    capture_open(&c);
    cli_report_t *r = cli_report_create(c.file, CLI_REPORT_JSON, false, NULL);
    hush_finding_t f1 = make_finding("one", "p1");
    hush_finding_t f2 = make_finding("two", "p2");
    f2.confidence = HUSH_CONFIDENCE_LOW;
    assert_true(cli_report_finding(r, "a.log", &f1));
    assert_true(cli_report_skipped(r, "dir/blob.bin", "binary"));
    assert_true(cli_report_finding(r, "b.log", &f2));
    assert_true(cli_report_error(r, "nope.log", "No such file or directory"));
    assert_true(cli_report_finish(r));
    assert_int_equal(cli_report_finding_count(r), 2);
    cli_report_destroy(r);
    const char *out = capture_close(&c);
    const char *common = "\"line\":88,\"column\":31,\"offset\":40211,\"length\":58,";
    char expected[2048];
    snprintf(expected, sizeof expected,
             "{\"findings\":[\n"
             "{\"path\":\"a.log\",%s\"rule\":\"one\",\"name\":\"Test rule, \\\"quoted\\\"\","
             "\"confidence\":\"high\",\"encoding\":\"json\",\"validated\":null,"
             "\"fingerprint\":\"3f9a0c5be2d17a44\",\"preview\":\"p1\"},\n"
             "{\"path\":\"b.log\",%s\"rule\":\"two\",\"name\":\"Test rule, \\\"quoted\\\"\","
             "\"confidence\":\"low\",\"encoding\":\"json\",\"validated\":null,"
             "\"fingerprint\":\"3f9a0c5be2d17a44\",\"preview\":\"p2\"}\n"
             "],\"skipped\":[{\"path\":\"dir/blob.bin\",\"reason\":\"binary\"}],"
             "\"errors\":[{\"path\":\"nope.log\",\"message\":\"No such file or directory\"}]}\n",
             common, common);
    assert_string_equal(out, expected);
    free(c.text);
}

static void test_json_empty_report_is_still_a_document(void **state)
{
    (void)state;
    capture_t c;
    capture_open(&c);
    cli_report_t *r = cli_report_create(c.file, CLI_REPORT_JSON, false, NULL);
    assert_true(cli_report_finish(r));
    cli_report_destroy(r);
    assert_string_equal(capture_close(&c), "{\"findings\":[],\"skipped\":[],\"errors\":[]}\n");
    free(c.text);
}

static void test_csv_quotes_fields_that_need_it(void **state)
{
    (void)state;
    capture_t c;
    hush_finding_t f = make_finding("r.id", "key=\"[REDACTED:r.id]\", more");
    const char *out = render_one(&c, CLI_REPORT_CSV, false, "dir,with comma/x.csv", &f);
    assert_string_equal(out,
                        "path,line,column,offset,length,rule,name,confidence,encoding,validated,"
                        "fingerprint,preview\n"
                        "\"dir,with comma/x.csv\",88,31,40211,58,r.id,"
                        "\"Test rule, \"\"quoted\"\"\",high,json,,3f9a0c5be2d17a44,"
                        "\"key=\"\"[REDACTED:r.id]\"\", more\"\n");
    free(c.text);
}

static void test_csv_empty_report_has_header(void **state)
{
    (void)state;
    capture_t c;
    capture_open(&c);
    cli_report_t *r = cli_report_create(c.file, CLI_REPORT_CSV, false, NULL);
    assert_true(cli_report_finish(r));
    cli_report_destroy(r);
    assert_string_equal(capture_close(&c),
                        "path,line,column,offset,length,rule,name,confidence,encoding,validated,"
                        "fingerprint,preview\n");
    free(c.text);
}

static void test_text_like_ripgrep(void **state)
{
    (void)state;
    capture_t c;
    hush_finding_t f = make_finding("github.pat.classic", "token=[REDACTED:github.pat.classic]");
    const char *out = render_one(&c, CLI_REPORT_TEXT, false, "logs/app.log", &f);
    assert_string_equal(out,
                        "logs/app.log:88:31: github.pat.classic [high] "
                        "token=[REDACTED:github.pat.classic]\n");
    free(c.text);
}

static void test_text_color_only_around_path(void **state)
{
    (void)state;
    capture_t c;
    hush_finding_t f = make_finding("r", "p");
    const char *out = render_one(&c, CLI_REPORT_TEXT, true, "-", &f);
    assert_string_equal(out, "\033[35m<stdin>\033[0m:88:31: r [high] p\n");
    free(c.text);
}

/* A preview comes from untrusted input: it must not reach the terminal raw. */
static void test_text_neutralises_terminal_escapes(void **state)
{
    (void)state;
    capture_t c;
    hush_finding_t f = make_finding("r", "a\x1b]0;pwned\x07\tb\xc2\x9b" "c\xff");
    const char *out = render_one(&c, CLI_REPORT_TEXT, false, "x\nlog", &f);
    assert_string_equal(out, "x\\x0alog:88:31: r [high] a\\x1b]0;pwned\\x07\\tb\\xc2\\x9bc\\xff\n");
    free(c.text);
}

static void test_summary_counts_files_skips_and_errors(void **state)
{
    (void)state;
    capture_t sink, c;
    capture_open(&sink);
    cli_report_t *r = cli_report_create(sink.file, CLI_REPORT_JSONL, false, NULL);
    hush_finding_t f = make_finding("r", "p");
    assert_true(cli_report_finding(r, "a.log", &f));
    assert_true(cli_report_finding(r, "a.log", &f));
    assert_true(cli_report_finding(r, "b.log", &f));
    assert_true(cli_report_skipped(r, "c.bin", "binary"));
    assert_true(cli_report_error(r, "d.gz", "truncated gzip data"));
    capture_open(&c);
    cli_report_write_summary(r, 5, c.file);
    assert_string_equal(capture_close(&c),
                        "3 findings in 2 files (5 scanned); 1 file skipped (binary); 1 error\n");
    free(c.text);

    assert_true(cli_report_skipped(r, "e.sock", "not a regular file"));
    assert_true(cli_report_skipped(r, "f.bin", "binary"));
    capture_open(&c);
    cli_report_write_summary(r, 5, c.file);
    assert_string_equal(capture_close(&c), "3 findings in 2 files (5 scanned); 3 files skipped "
                                           "(2 binary, 1 not a regular file); 1 error\n");
    free(c.text);
    cli_report_destroy(r);
    fclose(sink.file);
    free(sink.text);
}

static void test_summary_without_findings(void **state)
{
    (void)state;
    capture_t c;
    cli_report_t *r = cli_report_create(stdout, CLI_REPORT_JSONL, false, NULL);
    capture_open(&c);
    cli_report_write_summary(r, 1, c.file);
    assert_string_equal(capture_close(&c), "no findings in 1 file\n");
    free(c.text);
    cli_report_destroy(r);
}

/* A full disk must be noticed, not silently produce a short report. */
static void test_write_failure_is_reported(void **state)
{
    (void)state;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    cli_report_t *r = cli_report_create(full, CLI_REPORT_JSONL, false, NULL);
    hush_finding_t f = make_finding("r", "p");
    cli_report_finding(r, "a.log", &f); /* may still sit in the stdio buffer */
    errno = 0;
    assert_false(cli_report_finish(r));
    assert_int_equal(errno, ENOSPC);
    cli_report_destroy(r);
    fclose(full);
}

static void test_format_names(void **state)
{
    (void)state;
    cli_report_format_t f;
    const char *names[] = {"text", "jsonl", "json", "csv"};
    for (size_t i = 0; i < 4; i++) {
        assert_true(cli_report_format_parse(names[i], &f));
        assert_int_equal(f, (cli_report_format_t)i);
        assert_string_equal(cli_report_format_name(f), names[i]);
    }
    assert_false(cli_report_format_parse("sarif", &f));
    assert_false(cli_report_format_parse("JSON", &f));
    assert_false(cli_report_format_parse(NULL, &f));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_fields_in_contract_order),
        cmocka_unit_test(test_jsonl_escapes_controls_and_bad_utf8),
        cmocka_unit_test(test_jsonl_without_key_has_null_fingerprint),
        cmocka_unit_test(test_json_document_with_skips_and_errors),
        cmocka_unit_test(test_json_empty_report_is_still_a_document),
        cmocka_unit_test(test_csv_quotes_fields_that_need_it),
        cmocka_unit_test(test_csv_empty_report_has_header),
        cmocka_unit_test(test_text_like_ripgrep),
        cmocka_unit_test(test_text_color_only_around_path),
        cmocka_unit_test(test_text_neutralises_terminal_escapes),
        cmocka_unit_test(test_summary_counts_files_skips_and_errors),
        cmocka_unit_test(test_summary_without_findings),
        cmocka_unit_test(test_write_failure_is_reported),
        cmocka_unit_test(test_format_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
