/* See view_layers.h. */
#include "view_layers.h"

/* Writes every '/' of b from byte `from` on as "\/", in place: re-encoded
 * base64 quads keep the escape of the value they replace, and with it its
 * length. */
static hush_status_t escape_slashes(hushi_bytes_t *b, size_t from)
{
    size_t slashes = 0, size = b->size;
    for (size_t i = from; i < size; i++)
        slashes += b->data[i] == '/';
    hush_status_t st = hushi_bytes_append(b, NULL, slashes, 0);
    for (size_t in = size, to = b->size; st == HUSH_OK && in > from;) {
        unsigned char c = b->data[--in];
        b->data[--to] = c;
        if (c == '/')
            b->data[--to] = '\\';
    }
    return st;
}

static hush_status_t encode_json(const unsigned char *in, size_t size,
                                 const hushi_layer_style_t *style, hushi_bytes_t *out)
{
    size_t from = out->size;
    hush_status_t st = hushi_encode_json_string(in, size, out);
    if (st == HUSH_OK && style->escape_slash)
        st = escape_slashes(out, from);
    return st;
}

static hush_status_t encode_csv(const unsigned char *in, size_t size,
                                const hushi_layer_style_t *style, hushi_bytes_t *out)
{
    (void)style;
    return hushi_encode_csv_field(in, size, out);
}

/* Percent-encoding in a value, read as in a URL: '+' stays '+'. */
static hush_status_t decode_percent(const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    return hushi_decode_percent(in, size, false, out);
}

static hush_status_t encode_percent(const unsigned char *in, size_t size,
                                    const hushi_layer_style_t *style, hushi_bytes_t *out)
{
    (void)style;
    return hushi_encode_percent(in, size, HUSHI_PERCENT_KEEP_QUERY_VALUE, out);
}

/* The deepest base64 layer of a chain re-encodes the quads around the
 * secret itself (view_text.c).  Base64 inside base64: the outer one is not
 * re-encoded; stars keep its container (JSON, CSV) valid. */
static hush_status_t encode_base64_outer(const unsigned char *in, size_t size,
                                         const hushi_layer_style_t *style, hushi_bytes_t *out)
{
    (void)in;
    (void)style;
    return hushi_bytes_append(out, NULL, size, '*');
}

static hush_status_t encode_html(const unsigned char *in, size_t size,
                                 const hushi_layer_style_t *style, hushi_bytes_t *out)
{
    (void)style;
    return hushi_encode_html(in, size, out);
}

static hush_status_t encode_js(const unsigned char *in, size_t size,
                               const hushi_layer_style_t *style, hushi_bytes_t *out)
{
    (void)style;
    return hushi_encode_js_string(in, size, out);
}

const hushi_layer_codec_t hushi_layer_codecs[HUSHI_LAYER_KIND_COUNT] = {
    [HUSHI_LAYER_JSON] = {"json", hushi_decode_json_string, encode_json},
    [HUSHI_LAYER_CSV] = {"csv", hushi_decode_csv_field, encode_csv},
    [HUSHI_LAYER_PERCENT] = {"percent", decode_percent, encode_percent},
    [HUSHI_LAYER_BASE64] = {"base64", hushi_decode_base64, encode_base64_outer},
    [HUSHI_LAYER_HTML] = {"html", hushi_decode_html_references, encode_html},
    [HUSHI_LAYER_JS] = {"js", hushi_decode_js_string, encode_js},
};
