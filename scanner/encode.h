/*
 * Encoders: the inverse of each decoder of decode.h, to write a replacement
 * back into its container (a JSON string, a CSV field, a URL parameter, a
 * base64 body, an HTML attribute, a JavaScript string) without breaking
 * it; and the byte buffer they append to.
 */
#ifndef HUSHI_ENCODE_H
#define HUSHI_ENCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hush.h"

/* A growable byte buffer.  Zero-initialise, reuse (the buffer is kept),
 * free with hushi_bytes_free. */
typedef struct hushi_bytes {
    unsigned char *data;
    size_t size, capacity;
} hushi_bytes_t;

/* Appends `size` bytes of `data`, or `size` copies of `fill` when data is
 * NULL. */
hush_status_t hushi_bytes_append(hushi_bytes_t *b, const void *data, size_t size,
                                 unsigned char fill);
/* Frees the buffer and zeroes *b (NULL is fine). */
void hushi_bytes_free(hushi_bytes_t *b);

/* Encoders, to write a replacement back into a container without breaking
 * it.  Each appends to *out (grown as needed; out->size and out->capacity
 * track it) and returns HUSH_ERR_NOMEM on failure, HUSH_ERR_ARGUMENT for a
 * NULL input of non-zero size. */

/* Escapes '"', '\\' and control bytes as JSON requires; other bytes as they are. */
hush_status_t hushi_encode_json_string(const unsigned char *in, size_t size, hushi_bytes_t *out);
/* Doubles '"'. */
hush_status_t hushi_encode_csv_field(const unsigned char *in, size_t size, hushi_bytes_t *out);
/* Which bytes percent-encoding leaves as they are. */
typedef enum hushi_percent_keep {
    /* A-Z a-z 0-9 - . _ ~ and '*' (kept: masks use it) */
    HUSHI_PERCENT_KEEP_UNRESERVED = 0,
    /* every printable ASCII byte but "%&=#+?\" and '\\': only what would
     * change how a query or form value splits or decodes is encoded, so a
     * mask such as "[REDACTED:rule]" stays readable in a redacted URL */
    HUSHI_PERCENT_KEEP_QUERY_VALUE
} hushi_percent_keep_t;

/* Percent-encodes (%XX, upper-case hex) every byte `keep` does not keep. */
hush_status_t hushi_encode_percent(const unsigned char *in, size_t size, hushi_percent_keep_t keep,
                                   hushi_bytes_t *out);
/* Base64 with padding; url_safe selects the - _ alphabet. */
hush_status_t hushi_encode_base64(const unsigned char *in, size_t size, bool url_safe,
                                  hushi_bytes_t *out);
/* HTML attribute value: & < > " ' as &amp; &lt; &gt; &quot; &#39;. */
hush_status_t hushi_encode_html(const unsigned char *in, size_t size, hushi_bytes_t *out);
/* JavaScript string content, valid between any of " ' ` and inside a
 * <script>: \" \' \` \\ and \n \r \t \b \f \v; other control bytes and
 * < > & $ as \xNN. */
hush_status_t hushi_encode_js_string(const unsigned char *in, size_t size, hushi_bytes_t *out);

#endif
