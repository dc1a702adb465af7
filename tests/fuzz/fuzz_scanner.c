/*
 * Fuzz target: the scanner in redact mode, built-in rule pack.
 *
 * Input: byte 0 chooses how to feed, the rest is the stream.
 *   bits 0-3  feed size, from feed_sizes[]
 *   bit 4     hush_scanner_flush() after every feed (tail -f | hush)
 *
 * Every input runs three times: Hyperscan engine fed in pieces, Hyperscan fed
 * whole, and the PCRE2-only reference engine.  With --mask stars what a user
 * relies on must hold for each run:
 *   - the output has exactly the input's length;
 *   - every byte outside a finding's [offset, offset+length) is unchanged and
 *     every byte inside is '*' but the bytes that write a line break, which
 *     stay (a CR or LF, or an escape of one: \n, \u000a, %0A, in a view),
 *     so the output has the input's lines (findings of report-only rules
 *     aside, see rule_redacts(); inside base64 views, re-encoded quads);
 *   - findings come in offset order, lie within the input, and their line and
 *     column match the newlines before them;
 * and all three runs give the same findings and the same output.
 * A violated invariant aborts with a message naming it (offsets only, never
 * content: a fuzz input may hold a real-looking secret).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "hush.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static const size_t feed_sizes[16] = {1,   2,   3,    5,    8,    13,    31,     64,
                                      100, 255, 1000, 4096, 4097, 65536, 100000, SIZE_MAX};

/* A fixed key so fingerprints are computed (and compared) on every run. */
static const unsigned char fuzz_key[] = "hush fuzz fingerprint key";

typedef struct fuzz_run {
    unsigned char *output;
    size_t output_size;
    size_t output_capacity;
    hush_finding_t *findings; /* rule_id/rule_name/validated point into the rules;
                                 encoding is stale after the scanner: see encodings */
    size_t finding_count;
    size_t finding_capacity;
    char (*encodings)[64];    /* findings[i].encoding, copied */
    size_t encoding_capacity;
} fuzz_run_t;

static void *grow(void *data, size_t *capacity, size_t need, size_t item)
{
    if (need <= *capacity)
        return data;
    size_t next = *capacity ? *capacity : 16;
    while (next < need)
        next *= 2;
    void *grown = realloc(data, next * item);
    FUZZ_REQUIRE(grown != NULL, "out of memory in the harness");
    *capacity = next;
    return grown;
}

static int on_output(void *ctx, const void *data, size_t size)
{
    fuzz_run_t *run = ctx;
    if (size == 0)
        return 0;
    run->output = grow(run->output, &run->output_capacity, run->output_size + size, 1);
    memcpy(run->output + run->output_size, data, size);
    run->output_size += size;
    return 0;
}

static int on_finding(void *ctx, const hush_finding_t *finding)
{
    fuzz_run_t *run = ctx;
    FUZZ_REQUIRE(finding->rule_id != NULL && finding->rule_name != NULL,
                 "finding without a rule");
    FUZZ_REQUIRE(memchr(finding->preview, 0, sizeof finding->preview) != NULL,
                 "preview not terminated");
    FUZZ_REQUIRE(strlen(finding->fingerprint) == HUSH_FINGERPRINT_HEX &&
                     strspn(finding->fingerprint, "0123456789abcdef") == HUSH_FINGERPRINT_HEX,
                 "fingerprint is not 16 lowercase hex digits");
    run->findings = grow(run->findings, &run->finding_capacity, run->finding_count + 1,
                         sizeof *run->findings);
    run->findings[run->finding_count] = *finding;
    /* `encoding` lives as long as the scanner, which is gone when the runs
     * are compared: keep it with the run, as the only name not from the rules. */
    size_t need = run->finding_count + 1, cap = run->encoding_capacity;
    run->encodings = grow(run->encodings, &cap, need, sizeof *run->encodings);
    run->encoding_capacity = cap;
    FUZZ_REQUIRE(strlen(finding->encoding) < sizeof *run->encodings, "encoding name too long");
    strcpy(run->encodings[run->finding_count], finding->encoding);
    run->finding_count++;
    return 0;
}

static const hush_rules_t *fuzz_rules(void)
{
    /* Compiled once per process: compiling every rule per input would leave
     * no time for fuzzing.  Never freed; it lives as long as the process. */
    static hush_rules_t *rules;
    if (!rules) {
        hush_rules_config_t config = {0};
        hush_default_rule_files(&config.files, &config.file_count);
        hush_error_t err = {{0}};
        hush_status_t status = hush_rules_create(&config, &rules, &err);
        if (status != HUSH_OK) {
            fprintf(stderr, "fuzz_scanner: built-in rules: %s: %s\n", hush_strerror(status),
                    err.message);
            abort();
        }
    }
    return rules;
}

/* libFuzzer calls this once before the first input, so compiling the rules
 * (seconds) does not count against the per-input timeout.  The replay driver
 * does not call it; the first input compiles them there. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_rules();
    return 0;
}

/* Scans data in pieces of `piece` bytes; false when the scanner ran out of
 * memory (not a finding of the fuzzer). */
static bool scan(hush_engine_t engine, const uint8_t *data, size_t size, size_t piece,
                 bool flush, fuzz_run_t *run)
{
    memset(run, 0, sizeof *run);
    hush_scanner_config_t config = {
        .engine = engine,
        .min_confidence = HUSH_CONFIDENCE_LOW,
        .mask = HUSH_MASK_STARS,
        .fingerprint_key = fuzz_key,
        .fingerprint_key_size = sizeof fuzz_key - 1,
        .on_finding = on_finding,
        .finding_ctx = run,
        .on_output = on_output,
        .output_ctx = run,
    };
    hush_scanner_t *scanner = NULL;
    hush_status_t status = hush_scanner_create(fuzz_rules(), &config, &scanner);
    if (status == HUSH_ERR_NOMEM)
        return false;
    FUZZ_REQUIRE(status == HUSH_OK, "scanner_create failed");
    for (size_t at = 0; at < size && status == HUSH_OK;) {
        size_t n = size - at < piece ? size - at : piece;
        status = hush_scanner_feed(scanner, data + at, n);
        if (status == HUSH_OK && flush)
            status = hush_scanner_flush(scanner);
        at += n;
    }
    if (status == HUSH_OK) {
        FUZZ_REQUIRE(hush_scanner_offset(scanner) == size, "scanner_offset differs from bytes fed");
        status = hush_scanner_finish(scanner);
    }
    hush_scanner_destroy(scanner);
    if (status == HUSH_ERR_NOMEM)
        return false;
    /* No line length limit and bounded memory: no input may make it fail. */
    FUZZ_REQUIRE(status == HUSH_OK, "feed, flush or finish failed");
    return true;
}

/* The length of the line break written at data[0..n): a CR or LF, or, in a
 * view, an escape of one (backslashes then n, r or u000a/u000d; %0A, %0D);
 * 0 when none starts there. */
static size_t line_break_length(const uint8_t *data, size_t n)
{
    if (n >= 1 && (data[0] == '\n' || data[0] == '\r'))
        return 1;
    if (n >= 3 && data[0] == '%' && data[1] == '0' && strchr("aAdD", data[2]) && data[2])
        return 3;
    size_t slashes = 0;
    while (slashes < n && data[slashes] == '\\')
        slashes++;
    if (slashes == 0 || slashes == n)
        return 0;
    if (data[slashes] == 'n' || data[slashes] == 'r')
        return slashes + 1;
    if (n - slashes >= 5 && memcmp(data + slashes, "u000", 4) == 0 && data[slashes + 4] &&
        strchr("aAdD", data[slashes + 4]))
        return slashes + 5;
    return 0;
}

static bool span_masked(const uint8_t *data, const fuzz_run_t *run, const hush_finding_t *f)
{
    /* Inside base64 the secret's decoded bytes become '*' and the quads
     * holding them are re-encoded: base64 characters, not stars. */
    if (strstr(run->encodings[f - run->findings], "base64"))
        return true;
    uint64_t end = f->offset + f->length;
    for (uint64_t at = f->offset; at < end;) {
        if (run->output[at] == '*') {
            at++;
            continue;
        }
        /* a line break kept as the input wrote it */
        size_t kept = line_break_length(data + at, (size_t)(end - at));
        if (!kept || memcmp(run->output + at, data + at, kept) != 0)
            return false;
        at += kept;
    }
    return true;
}

/* A rule file may mark a rule report-only ("redact": false, e.g. Key Vault
 * URLs): its findings are reported and left in the output.  The public API
 * does not say which rules those are, so they are recognised by behaviour: a
 * rule with any finding not wholly masked is report-only in this run.  Every
 * finding of the other rules must be all stars, and no byte outside them may
 * change -- so a redacting rule that leaves one finding unmasked still fails,
 * unless other findings cover exactly the stars it left. */
static bool rule_redacts(const uint8_t *data, const fuzz_run_t *run, const char *rule_id)
{
    for (size_t i = 0; i < run->finding_count; i++) {
        const hush_finding_t *f = &run->findings[i];
        if (strcmp(f->rule_id, rule_id) == 0 && !span_masked(data, run, f))
            return false;
    }
    return true;
}

static void check_positions(const uint8_t *data, size_t size, const fuzz_run_t *run)
{
    uint64_t line = 1, line_start = 0, scanned = 0;
    for (size_t i = 0; i < run->finding_count; i++) {
        const hush_finding_t *f = &run->findings[i];
        FUZZ_REQUIRE(f->length > 0, "empty finding");
        FUZZ_REQUIRE(f->offset <= size && f->length <= size - f->offset,
                     "finding outside the input");
        FUZZ_REQUIRE(i == 0 || f->offset >= run->findings[i - 1].offset,
                     "findings not in offset order");
        for (; scanned < f->offset; scanned++) {
            if (data[scanned] == '\n') {
                line++;
                line_start = scanned + 1;
            }
        }
        FUZZ_REQUIRE(f->line == line, "finding line differs from newlines before it");
        FUZZ_REQUIRE(f->column == f->offset - line_start + 1, "finding column is wrong");
    }
}

static void check_run(const uint8_t *data, size_t size, const fuzz_run_t *run)
{
    FUZZ_REQUIRE(run->output_size == size, "stars output length differs from input length");
    check_positions(data, size, run);
    if (size == 0)
        return;
    /* Bytes the redactor may change: the spans of redacting rules' findings. */
    bool *masked = calloc(size, sizeof *masked);
    FUZZ_REQUIRE(masked != NULL, "out of memory in the harness");
    for (size_t i = 0; i < run->finding_count; i++) {
        const hush_finding_t *f = &run->findings[i];
        if (rule_redacts(data, run, f->rule_id))
            memset(masked + f->offset, 1, f->length);
    }
    for (size_t at = 0; at < size; at++)
        FUZZ_REQUIRE(masked[at] || run->output[at] == data[at],
                     "byte outside every redacted finding changed");
    free(masked);
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static void check_same(const fuzz_run_t *a, const fuzz_run_t *b, const char *what)
{
    /* Both lengths equal the input's (checked before); an empty output may be NULL. */
    if (a->finding_count != b->finding_count ||
        (a->output_size > 0 && memcmp(a->output, b->output, a->output_size) != 0)) {
        fprintf(stderr, "fuzz_scanner: %zu vs %zu findings\n", a->finding_count,
                b->finding_count);
        FUZZ_REQUIRE(false, "%s", what);
    }
    for (size_t i = 0; i < a->finding_count; i++) {
        const hush_finding_t *x = &a->findings[i], *y = &b->findings[i];
        if (x->offset != y->offset || x->length != y->length ||
            !same_text(x->rule_id, y->rule_id) || x->confidence != y->confidence ||
            !same_text(x->validated, y->validated) || strcmp(a->encodings[i], b->encodings[i]) != 0 ||
            strcmp(x->fingerprint, y->fingerprint) != 0 || strcmp(x->preview, y->preview) != 0) {
            fprintf(stderr, "fuzz_scanner: finding %zu differs: %s@%llu+%llu vs %s@%llu+%llu\n",
                    i, x->rule_id, (unsigned long long)x->offset, (unsigned long long)x->length,
                    y->rule_id, (unsigned long long)y->offset, (unsigned long long)y->length);
            FUZZ_REQUIRE(false, "%s", what);
        }
    }
}

static void run_free(fuzz_run_t *run)
{
    free(run->output);
    free(run->findings);
    free(run->encodings);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t mode;
    if (!fuzz_take_mode(&data, &size, &mode))
        return 0;
    size_t piece = feed_sizes[mode & 15];
    bool flush = (mode & 16) != 0;

    fuzz_run_t pieces = {0}, whole = {0}, reference = {0};
    bool ok = scan(HUSH_ENGINE_HYPERSCAN, data, size, piece, flush, &pieces) &&
              scan(HUSH_ENGINE_HYPERSCAN, data, size, SIZE_MAX, false, &whole) &&
              scan(HUSH_ENGINE_REFERENCE, data, size, SIZE_MAX, false, &reference);
    if (ok) {
        check_run(data, size, &pieces);
        check_run(data, size, &whole);
        check_run(data, size, &reference);
        check_same(&pieces, &whole, "split feeding changed findings or output");
        check_same(&whole, &reference, "Hyperscan and reference engines disagree");
    }
    run_free(&pieces);
    run_free(&whole);
    run_free(&reference);
    return 0;
}
