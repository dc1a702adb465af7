/*
 * Encoders, the inverse of the decoders in decode.c (see encode.h).
 *
 * Each one counts the bytes its output needs first, reserves them once, and
 * then writes without checking per byte.
 */
#include "encode.h"

#include <stdlib.h>
#include <string.h>

#define HUSHI_BYTES_INITIAL 64

/* ---- byte buffer ---------------------------------------------------------- */

void hushi_bytes_free(hushi_bytes_t *b)
{
    if (!b)
        return;
    free(b->data);
    memset(b, 0, sizeof *b);
}

/* Room for `extra` more bytes in *b. */
static hush_status_t bytes_reserve(hushi_bytes_t *b, size_t extra)
{
    if (extra > SIZE_MAX - b->size)
        return HUSH_ERR_NOMEM;
    size_t need = b->size + extra;
    /* A buffer even for nothing: callers compute b->data + b->size. */
    if (need <= b->capacity && b->data)
        return HUSH_OK;
    size_t capacity = b->capacity ? b->capacity : HUSHI_BYTES_INITIAL;
    while (capacity < need)
        capacity = capacity > SIZE_MAX / 2 ? need : capacity * 2;
    unsigned char *grown = realloc(b->data, capacity);
    if (!grown)
        return HUSH_ERR_NOMEM;
    b->data = grown;
    b->capacity = capacity;
    return HUSH_OK;
}

hush_status_t hushi_bytes_append(hushi_bytes_t *b, const void *data, size_t size, unsigned char fill)
{
    hush_status_t status = bytes_reserve(b, size);
    if (status)
        return status;
    if (data)
        memcpy(b->data + b->size, data, size);
    else
        memset(b->data + b->size, fill, size);
    b->size += size;
    return HUSH_OK;
}

/* ---- encoders ------------------------------------------------------------ */

static const char hex_upper[] = "0123456789ABCDEF";

/* The letter of c's two-character JSON escape (\n, \", ...), or 0. */
static unsigned char json_short_escape(unsigned char c)
{
    switch (c) {
    case '"':
    case '\\':
        return c;
    case '\b':
        return 'b';
    case '\f':
        return 'f';
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    case '\t':
        return 't';
    default:
        return 0;
    }
}

/* Writes the encoding of one byte `c` at o (at most HUSHI_ENCODED_BYTE_MAX
 * bytes) and returns its length; `ctx` is the encoder's setting. */
#define HUSHI_ENCODED_BYTE_MAX 6
typedef size_t (*byte_encoder_fn)(unsigned char c, const void *ctx, unsigned char *o);

/* The encoders that write each byte on its own (JSON, JavaScript, HTML,
 * percent, CSV): measure the whole output once, reserve it, then write. */
static hush_status_t encode_bytes(const unsigned char *in, size_t size, byte_encoder_fn encode_one,
                                  const void *ctx, hushi_bytes_t *out)
{
    if (!out || (!in && size > 0))
        return HUSH_ERR_ARGUMENT;
    unsigned char scratch[HUSHI_ENCODED_BYTE_MAX];
    size_t need = 0;
    for (size_t i = 0; i < size; i++)
        need += encode_one(in[i], ctx, scratch);
    hush_status_t status = bytes_reserve(out, need);
    if (status)
        return status;
    unsigned char *o = out->data + out->size;
    for (size_t i = 0; i < size; i++)
        o += encode_one(in[i], ctx, o);
    out->size += need;
    return HUSH_OK;
}

/* A byte written as itself. */
static size_t put_plain(unsigned char c, unsigned char *o)
{
    o[0] = c;
    return 1;
}

/* `prefix` then c as two upper-case hex digits ("%2B", "\x2B", "\u002B"). */
static size_t put_hex(const char *prefix, unsigned char c, unsigned char *o)
{
    size_t n = strlen(prefix);
    memcpy(o, prefix, n);
    o[n] = (unsigned char)hex_upper[c >> 4];
    o[n + 1] = (unsigned char)hex_upper[c & 0xF];
    return n + 2;
}

/* A backslash and a letter ("\n"). */
static size_t put_short_escape(unsigned char letter, unsigned char *o)
{
    o[0] = '\\';
    o[1] = letter;
    return 2;
}

static size_t json_byte(unsigned char c, const void *ctx, unsigned char *o)
{
    (void)ctx;
    unsigned char letter = json_short_escape(c);
    if (letter)
        return put_short_escape(letter, o);
    return c < 0x20 ? put_hex("\\u00", c, o) : put_plain(c, o);
}

hush_status_t hushi_encode_json_string(const unsigned char *in, size_t size, hushi_bytes_t *out)
{
    return encode_bytes(in, size, json_byte, NULL, out);
}

static size_t csv_byte(unsigned char c, const void *ctx, unsigned char *o)
{
    (void)ctx;
    if (c != '"')
        return put_plain(c, o);
    o[0] = o[1] = '"';
    return 2;
}

hush_status_t hushi_encode_csv_field(const unsigned char *in, size_t size, hushi_bytes_t *out)
{
    return encode_bytes(in, size, csv_byte, NULL, out);
}

static bool percent_keeps(unsigned char c, hushi_percent_keep_t keep)
{
    if (keep == HUSHI_PERCENT_KEEP_QUERY_VALUE)
        return c > 0x20 && c < 0x7f && !strchr("%&=#+?\"\\", c);
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~' || c == '*';
}

static size_t percent_byte(unsigned char c, const void *ctx, unsigned char *o)
{
    const hushi_percent_keep_t *keep = ctx;
    return percent_keeps(c, *keep) ? put_plain(c, o) : put_hex("%", c, o);
}

hush_status_t hushi_encode_percent(const unsigned char *in, size_t size, hushi_percent_keep_t keep,
                                   hushi_bytes_t *out)
{
    return encode_bytes(in, size, percent_byte, &keep, out);
}

hush_status_t hushi_encode_base64(const unsigned char *in, size_t size, bool url_safe,
                                  hushi_bytes_t *out)
{
    static const char standard[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    if (!out || (!in && size > 0))
        return HUSH_ERR_ARGUMENT;
    if (size / 3 >= SIZE_MAX / 4)
        return HUSH_ERR_NOMEM;
    size_t need = 4 * ((size + 2) / 3);
    hush_status_t status = bytes_reserve(out, need);
    if (status)
        return status;
    const char *alphabet = url_safe ? url : standard;
    unsigned char *o = out->data + out->size;
    for (size_t i = 0; i < size; i += 3) {
        size_t n = size - i < 3 ? size - i : 3;
        uint32_t bits = (uint32_t)in[i] << 16;
        if (n > 1)
            bits |= (uint32_t)in[i + 1] << 8;
        if (n > 2)
            bits |= in[i + 2];
        o[0] = (unsigned char)alphabet[bits >> 18];
        o[1] = (unsigned char)alphabet[bits >> 12 & 0x3F];
        o[2] = n > 1 ? (unsigned char)alphabet[bits >> 6 & 0x3F] : '=';
        o[3] = n > 2 ? (unsigned char)alphabet[bits & 0x3F] : '=';
        o += 4;
    }
    out->size += need;
    return HUSH_OK;
}

/* The reference HTML writes for c, or NULL for a byte written as it is. */
static const char *html_reference_of(unsigned char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return NULL;
    }
}

static size_t html_byte(unsigned char c, const void *ctx, unsigned char *o)
{
    (void)ctx;
    const char *ref = html_reference_of(c);
    if (!ref)
        return put_plain(c, o);
    size_t n = strlen(ref);
    memcpy(o, ref, n);
    return n;
}

hush_status_t hushi_encode_html(const unsigned char *in, size_t size, hushi_bytes_t *out)
{
    return encode_bytes(in, size, html_byte, NULL, out);
}

/* The letter of c's two-character JavaScript escape, or 0. */
static unsigned char js_short_escape(unsigned char c)
{
    switch (c) {
    case '"':
    case '\'':
    case '`':
    case '\\':
        return c;
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    case '\t':
        return 't';
    case '\b':
        return 'b';
    case '\f':
        return 'f';
    case '\v':
        return 'v';
    default:
        return 0;
    }
}

/* Written as \xNN: other control bytes, and what could end the script or
 * start a template substitution around the string ("</script>", "${"). */
static bool js_hex_escaped(unsigned char c)
{
    return c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&' || c == '$';
}

static size_t js_byte(unsigned char c, const void *ctx, unsigned char *o)
{
    (void)ctx;
    unsigned char letter = js_short_escape(c);
    if (letter)
        return put_short_escape(letter, o);
    return js_hex_escaped(c) ? put_hex("\\x", c, o) : put_plain(c, o);
}

hush_status_t hushi_encode_js_string(const unsigned char *in, size_t size, hushi_bytes_t *out)
{
    return encode_bytes(in, size, js_byte, NULL, out);
}
