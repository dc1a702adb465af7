/*
 * Fuzz target: the decoders of scanner/decode.c, their offset map and the
 * encoders (scanner/encode.c).
 *
 * Input: byte 0 chooses the decoder (value % 7: JSON string, CSV field,
 * percent, percent as a form body, base64, HTML character references,
 * JavaScript string); the rest is the encoded text.
 *
 * What must hold (else abort with a message naming the invariant and
 * offsets, never content):
 *   - the segments start at 0/0, never go backwards, end in a sentinel
 *     holding the totals; a COPY segment is the input bytes themselves and
 *     is never followed by another COPY;
 *   - `changed` is false exactly when the decoded bytes equal the input;
 *   - hushi_map_start / hushi_map_end stay inside the input, never decrease,
 *     and a decoded byte's span is not empty;
 *   - the input span a decoded span maps to decodes, alone, to bytes that
 *     contain it;
 *   - base64 is refused exactly when a plain reference check says it is
 *     not base64;
 *   - encoding the decoded bytes (and the raw content) and decoding the
 *     result gives them back.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fuzz.h"

enum { MODE_JSON, MODE_CSV, MODE_PERCENT, MODE_FORM, MODE_BASE64, MODE_HTML, MODE_JS, MODE_COUNT };

/* Span checks decode a slice per decoded byte; past this many decoded bytes
 * only a prefix is checked, so a large input stays quick. */
#define FUZZ_SPAN_CHECK_MAX 2048u
#define FUZZ_SPAN_WIDTH 9u

static hush_status_t decode(int mode, const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    switch (mode) {
    case MODE_JSON:
        return hushi_decode_json_string(in, size, out);
    case MODE_CSV:
        return hushi_decode_csv_field(in, size, out);
    case MODE_PERCENT:
    case MODE_FORM:
        return hushi_decode_percent(in, size, mode == MODE_FORM, out);
    case MODE_HTML:
        return hushi_decode_html_references(in, size, out);
    case MODE_JS:
        return hushi_decode_js_string(in, size, out);
    default:
        return hushi_decode_base64(in, size, out);
    }
}

static hush_status_t encode(int mode, const unsigned char *in, size_t size, bool url_safe,
                            hushi_bytes_t *out)
{
    switch (mode) {
    case MODE_JSON:
        return hushi_encode_json_string(in, size, out);
    case MODE_CSV:
        return hushi_encode_csv_field(in, size, out);
    case MODE_PERCENT:
    case MODE_FORM:
        return hushi_encode_percent(in, size, HUSHI_PERCENT_KEEP_UNRESERVED, out);
    case MODE_HTML:
        return hushi_encode_html(in, size, out);
    case MODE_JS:
        return hushi_encode_js_string(in, size, out);
    default:
        return hushi_encode_base64(in, size, url_safe, out);
    }
}

/* ---- reference: is it base64? ------------------------------------------ */

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_base64_common(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Whitespace ignored: characters of one alphabet, at most two '=' only at
 * the end completing the last quad, and no single character left over.
 * Sets *bytes to the decoded size. */
static bool reference_base64(const unsigned char *in, size_t size, size_t *bytes)
{
    size_t chars = 0, pads = 0;
    bool standard = false, url = false;
    for (size_t i = 0; i < size; i++) {
        unsigned char c = in[i];
        if (is_space(c))
            continue;
        if (c == '=') {
            pads++;
            continue;
        }
        if (pads > 0)
            return false;
        if (c == '+' || c == '/')
            standard = true;
        else if (c == '-' || c == '_')
            url = true;
        else if (!is_base64_common(c))
            return false;
        chars++;
    }
    if (standard && url)
        return false;
    if (chars % 4 == 1 || pads > 2)
        return false;
    if (pads > 0 && (chars % 4 == 0 || (chars + pads) % 4 != 0))
        return false;
    *bytes = chars / 4 * 3 + (chars % 4 ? chars % 4 - 1 : 0);
    return true;
}

/* ---- checks ------------------------------------------------------------- */

static void check_segments(const hushi_decoded_t *d, const unsigned char *in, size_t size)
{
    FUZZ_REQUIRE(d->segment_count >= 1, "no sentinel");
    FUZZ_REQUIRE(d->input_size == size, "input_size %zu for %zu input bytes", d->input_size,
                 size);
    const hushi_segment_t *seg = d->segments;
    size_t last = d->segment_count - 1;
    FUZZ_REQUIRE(seg[last].dec == d->size && seg[last].raw == size,
                 "sentinel %u/%u, totals %zu/%zu", seg[last].dec, seg[last].raw, d->size, size);
    FUZZ_REQUIRE(seg[0].dec == 0 && (last == 0 || seg[0].raw == 0), "first segment at %u/%u",
                 seg[0].dec, seg[0].raw);
    for (size_t k = 0; k < last; k++) {
        size_t dec_len = seg[k + 1].dec - seg[k].dec, raw_len = seg[k + 1].raw - seg[k].raw;
        FUZZ_REQUIRE(seg[k + 1].dec >= seg[k].dec && seg[k + 1].raw > seg[k].raw,
                     "segment %zu goes backwards or is empty", k);
        switch (seg[k].kind) {
        case HUSHI_SEGMENT_COPY:
            FUZZ_REQUIRE(dec_len == raw_len, "COPY segment %zu: %zu decoded for %zu input", k,
                         dec_len, raw_len);
            FUZZ_REQUIRE(memcmp(d->bytes + seg[k].dec, in + seg[k].raw, dec_len) == 0,
                         "COPY segment %zu differs from the input", k);
            FUZZ_REQUIRE(k + 1 == last || seg[k + 1].kind != HUSHI_SEGMENT_COPY,
                         "COPY segments %zu and %zu not merged", k, k + 1);
            break;
        case HUSHI_SEGMENT_UNIT:
            FUZZ_REQUIRE(dec_len <= raw_len, "UNIT segment %zu grows", k);
            break;
        case HUSHI_SEGMENT_BASE64:
            FUZZ_REQUIRE(dec_len > 0 && dec_len <= 3 * ((raw_len + 3) / 4),
                         "BASE64 segment %zu: %zu decoded for %zu input", k, dec_len, raw_len);
            break;
        default:
            FUZZ_REQUIRE(false, "segment %zu of unknown kind %u", k, seg[k].kind);
        }
    }
    bool equal = d->size == size && (size == 0 || memcmp(d->bytes, in, size) == 0);
    FUZZ_REQUIRE(d->changed == !equal, "changed is %d for bytes %s the input", d->changed,
                 equal ? "equal to" : "differing from");
}

static void check_map_order(const hushi_decoded_t *d)
{
    size_t size = d->size;
    FUZZ_REQUIRE(hushi_map_start(d, size) == d->input_size, "map_start(size) %zu, input %zu",
                 hushi_map_start(d, size), d->input_size);
    size_t prev_start = 0, prev_end = 0;
    for (size_t i = 0; i < size; i++) {
        size_t start = hushi_map_start(d, i), end = hushi_map_end(d, i + 1);
        FUZZ_REQUIRE(start < end && end <= d->input_size, "byte %zu maps to [%zu, %zu) of %zu", i,
                     start, end, d->input_size);
        FUZZ_REQUIRE(start >= prev_start && end >= prev_end,
                     "map decreases at byte %zu: [%zu, %zu) after [%zu, %zu)", i, start, end,
                     prev_start, prev_end);
        prev_start = start;
        prev_end = end;
    }
}

/* Decoding the input span of [a, b) alone gives bytes containing it. */
static void check_spans(int mode, const hushi_decoded_t *d, const unsigned char *in,
                        hushi_decoded_t *part)
{
    size_t size = d->size < FUZZ_SPAN_CHECK_MAX ? d->size : FUZZ_SPAN_CHECK_MAX;
    for (size_t a = 0; a < size; a++) {
        size_t widths[2] = {1, FUZZ_SPAN_WIDTH};
        for (int w = 0; w < 2; w++) {
            size_t b = a + widths[w] < d->size ? a + widths[w] : d->size;
            size_t start = hushi_map_start(d, a), end = hushi_map_end(d, b);
            hush_status_t st = decode(mode, in + start, end - start, part);
            FUZZ_REQUIRE(st == HUSH_OK, "span [%zu, %zu) -> [%zu, %zu) does not decode: %d", a, b,
                         start, end, (int)st);
            FUZZ_REQUIRE(memmem(part->bytes, part->size, d->bytes + a, b - a) != NULL,
                         "span [%zu, %zu) -> [%zu, %zu) decodes without it", a, b, start, end);
        }
    }
}

/* encode(bytes) decodes back to bytes. */
static void check_round_trip(int mode, const unsigned char *bytes, size_t size, bool url_safe,
                             hushi_bytes_t *enc, hushi_decoded_t *back, const char *what)
{
    enc->size = 0;
    FUZZ_REQUIRE(encode(mode, bytes, size, url_safe, enc) == HUSH_OK, "encoding %s failed", what);
    hush_status_t st = decode(mode, enc->data, enc->size, back);
    FUZZ_REQUIRE(st == HUSH_OK, "encoded %s does not decode: %d", what, (int)st);
    FUZZ_REQUIRE(back->size == size && (size == 0 || memcmp(back->bytes, bytes, size) == 0),
                 "encoded %s decodes to %zu bytes, not the %zu encoded", what, back->size, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t mode_byte;
    if (!fuzz_take_mode(&data, &size, &mode_byte))
        return 0;
    int mode = mode_byte % MODE_COUNT;
    const unsigned char *in = data;
    size_t in_size = size;
    hushi_decoded_t d = {0}, part = {0};
    hushi_bytes_t enc = {0};

    hush_status_t st = decode(mode, in, in_size, &d);
    if (mode == MODE_BASE64) {
        size_t want = 0;
        bool valid = reference_base64(in, in_size, &want);
        FUZZ_REQUIRE(st == (valid ? HUSH_OK : HUSH_ERR_FORMAT),
                     "base64 status %d, reference says %s", (int)st, valid ? "valid" : "invalid");
        FUZZ_REQUIRE(!valid || d.size == want, "base64 gave %zu bytes, reference %zu", d.size,
                     want);
    } else {
        FUZZ_REQUIRE(st == HUSH_OK, "decoder %d failed: %d", mode, (int)st);
    }
    if (st == HUSH_OK) {
        check_segments(&d, in, in_size);
        check_map_order(&d);
        check_spans(mode, &d, in, &part);
        check_round_trip(mode, d.bytes, d.size, d.url_safe, &enc, &part, "decoded bytes");
    }
    check_round_trip(mode, in, in_size, false, &enc, &part, "input");
    if (mode == MODE_BASE64)
        check_round_trip(mode, in, in_size, true, &enc, &part, "input (url-safe)");

    hushi_decoded_free(&d);
    hushi_decoded_free(&part);
    hushi_bytes_free(&enc);
    return 0;
}
