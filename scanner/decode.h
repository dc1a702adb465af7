/*
 * Decoders that remember where every decoded byte came from.
 *
 * A view of a value (a JSON string's content, a CSV field, a percent-encoded
 * URL, a base64 body, an HTML attribute, a JavaScript string) is its
 * decoded bytes plus an offset map back to the encoded input, so that a
 * secret found in the decoded bytes can be reported, and replaced, as the
 * exact input span that encodes it.
 *
 * The map is a list of segments.  Segment k covers decoded [dec_k, dec_k+1)
 * and input [raw_k, raw_k+1), where k+1 is the next segment (the last entry is
 * a sentinel holding the totals).  Kinds:
 *   COPY    decoded bytes are the input bytes: both lengths equal, linear;
 *   UNIT    one escape (`\u0026`, `%2B`, `""`, `&amp;`): the decoded bytes cannot be
 *           split from each other, a span touching any of them covers all of
 *           the input bytes of the unit;
 *   BASE64  a run of whole base64 quads: decoded byte i comes from quad i/3.
 * Mapping a decoded span [a, b) gives the smallest input span whose decoding
 * contains it: hushi_map_start(a) .. hushi_map_end(b).
 */
#ifndef HUSHI_DECODE_H
#define HUSHI_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "encode.h" /* the inverse of each decoder; also for callers of both */
#include "hush.h"

/* Largest input a decoder takes (offsets in a map are 32-bit). */
#define HUSHI_DECODE_MAX_INPUT (64u << 20)

typedef enum hushi_segment_kind {
    HUSHI_SEGMENT_COPY = 0,
    HUSHI_SEGMENT_UNIT,
    HUSHI_SEGMENT_BASE64
} hushi_segment_kind_t;

typedef struct hushi_segment {
    uint32_t dec;  /* first decoded byte of the segment */
    uint32_t raw;  /* first input byte of the segment */
    uint8_t kind;  /* hushi_segment_kind_t; unused in the sentinel */
} hushi_segment_t;

/* Decoded bytes and their map.  Zero-initialise, reuse across calls (the
 * buffers grow and are kept), free with hushi_decoded_free. */
typedef struct hushi_decoded {
    unsigned char *bytes;
    size_t size, capacity;
    hushi_segment_t *segments;      /* count entries, the last one the sentinel */
    size_t segment_count, segment_capacity;
    size_t input_size;             /* length of the input that was decoded */
    bool changed;                  /* false: bytes equal the input (no escape decoded) */
    bool url_safe;                 /* base64 only: the input used the - _ alphabet */
    bool padded;                   /* base64 only: the input ended with '=' padding */
} hushi_decoded_t;

void hushi_decoded_free(hushi_decoded_t *d);

/* JSON string content (between the quotes, escapes still in).  Every escape
 * of RFC 8259 is decoded, \uXXXX to UTF-8, a surrogate pair to one 4-byte
 * sequence (one UNIT), a lone surrogate to U+FFFD.  An invalid escape is
 * kept as it is (COPY): a damaged export still gets scanned. */
hush_status_t hushi_decode_json_string(const unsigned char *in, size_t size, hushi_decoded_t *out);

/* CSV quoted-field content (between the outer quotes): "" becomes ". */
hush_status_t hushi_decode_csv_field(const unsigned char *in, size_t size, hushi_decoded_t *out);

/* Percent-encoding: %XX (either case of hex) becomes the byte; a '%' not
 * followed by two hex digits is kept.  form: '+' becomes ' ' (a UNIT), as in
 * application/x-www-form-urlencoded bodies. */
hush_status_t hushi_decode_percent(const unsigned char *in, size_t size, bool form,
                                   hushi_decoded_t *out);

/* HTML character references, as in an attribute value: &#N; and &#xH;
 * (NUL, surrogates and values past U+10FFFF become U+FFFD) and the named
 * references that escapers write (&amp; &lt; &gt; &quot; &apos; &nbsp;
 * &sol; &equals; ... see decode.c), each one UNIT decoded to UTF-8.  A
 * reference without its ';', or a name not in that list, is kept as it is. */
hush_status_t hushi_decode_html_references(const unsigned char *in, size_t size,
                                           hushi_decoded_t *out);

/* JavaScript string literal content (between the quotes or backticks):
 * \n \r \t \b \f \v, \xNN, \uNNNN (surrogate pairs as in JSON), \u{N...},
 * legacy octal \0 to \377, a line continuation (backslash before a line
 * break: decodes to nothing), and a backslash before any other character,
 * which stands for that character (\" \' \\ \/ \`).  A malformed \x or
 * \u, or a lone backslash at the end, is kept as it is. */
hush_status_t hushi_decode_js_string(const unsigned char *in, size_t size, hushi_decoded_t *out);

/* Base64, standard or URL-safe alphabet (not mixed within one input),
 * padding optional; ASCII whitespace (space, \t, \r, \n) between any two
 * characters is skipped: between quads it is an empty UNIT, inside a quad
 * it makes that quad one UNIT.  Returns HUSH_ERR_FORMAT, with *out empty
 * and not a map, when the input is not base64. */
hush_status_t hushi_decode_base64(const unsigned char *in, size_t size, hushi_decoded_t *out);

/* 0-63 for a base64 character of either alphabet ('+' and '-' are 62, '/'
 * and '_' 63), -1 for anything else. */
int hushi_base64_digit(unsigned char c);

/* Base64 without a map, into a caller's buffer (room for size*3/4+3 bytes),
 * for validators that decode a value whole: either alphabet, even mixed;
 * no whitespace; up to two trailing '=' are dropped whatever the length
 * ("QQ=" and "QUJD=" decode).  False on any other character, or when one
 * character is left over after the last whole byte.  It differs from
 * hushi_decode_base64 (whitespace, one alphabet, padding that completes a
 * quad) because each keeps what its callers have always accepted; both
 * share the alphabet and the quad arithmetic. */
bool hushi_base64_decode(const char *in, size_t size, unsigned char *out, size_t *out_size);

/* Input offset where the decoded byte `dec` starts (dec <= size; dec == size
 * gives the input size). */
size_t hushi_map_start(const hushi_decoded_t *d, size_t dec);
/* Input offset just after the input that encodes decoded byte dec_end - 1
 * (dec_end > 0; 0 gives hushi_map_start(d, 0)), rounded out to a whole
 * unit / quad. */
size_t hushi_map_end(const hushi_decoded_t *d, size_t dec_end);

#endif
