/*
 * Decoders with an offset map (see decode.h); the matching encoders are in
 * encode.c.
 *
 * Past the ~800 lines a file may have: the six decoders share the segment
 * helpers (decode_begin, add_copy, add_unit, decode_finish) and the UTF-8
 * and hex helpers, which a split would have to export to every decoder.
 *
 * Every decoder walks the input once, appending decoded bytes and a segment
 * each time the kind of mapping changes.  Escapes are rare in real values,
 * so the text decoders jump between escape characters with memchr and copy
 * the runs between them whole: a JSON string without a backslash costs one
 * memchr and one memcpy, and any run of plain bytes is one COPY segment.
 *
 * No escape decodes to more bytes than it takes (JSON \uXXXX: 6 -> at most
 * 3, a surrogate pair 12 -> 4; %XX 3 -> 1; "" 2 -> 1; base64 4 -> 3), so the
 * byte buffer is sized to the input once and never checked per byte.
 *
 * Base64 and whitespace.  A run of whole quads written without whitespace is
 * one BASE64 segment (decoded byte i of it comes from quad i/3).  Whitespace
 * between quads is its own UNIT segment that decodes to no byte, so no
 * decoded byte ever maps into it.  A quad with whitespace inside it ("QU\nJD",
 * also "QQ=\n=") is a UNIT of its own, from its first character to its last,
 * so every decoded byte still maps to exactly the characters of its quad.
 * Bits below the last decoded byte of a short quad ("QR==") are ignored, as
 * most decoders do.
 */
#include "decode.h"

#include <string.h>

#include "array_internal.h"

#define HUSHI_SEGMENTS_INITIAL 16
/* Segments never outnumber input bytes + 1; this bound only keeps the byte
 * count of the array from overflowing. */
#define HUSHI_SEGMENTS_LIMIT (SIZE_MAX / sizeof(hushi_segment_t))

#define UTF8_REPLACEMENT 0xFFFDu

/* ---- decoded output ------------------------------------------------------ */

void hushi_decoded_free(hushi_decoded_t *d)
{
    if (!d)
        return;
    free(d->bytes);
    free(d->segments);
    memset(d, 0, sizeof *d);
}

/* Checks the arguments and resets *out for a new input of `size` bytes,
 * with room for all of its decoded bytes. */
static hush_status_t decode_begin(const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    if (!out || (!in && size > 0))
        return HUSH_ERR_ARGUMENT;
    out->size = 0;
    out->segment_count = 0;
    out->input_size = 0;
    out->changed = false;
    out->url_safe = false;
    out->padded = false;
    if (size > HUSHI_DECODE_MAX_INPUT)
        return HUSH_ERR_LIMIT;
    size_t need = size ? size : 1;
    if (out->capacity < need) {
        /* Doubling, so a caller feeding ever longer values reallocates
         * O(log n) times. */
        size_t capacity = out->capacity * 2 > need ? out->capacity * 2 : need;
        unsigned char *grown = realloc(out->bytes, capacity);
        if (!grown)
            return HUSH_ERR_NOMEM;
        out->bytes = grown;
        out->capacity = capacity;
    }
    out->input_size = size;
    return HUSH_OK;
}

/* Leaves *out empty (no sentinel: the result of a failed call is not a map). */
static hush_status_t decode_fail(hushi_decoded_t *out, hush_status_t status)
{
    out->size = 0;
    out->segment_count = 0;
    out->input_size = 0;
    return status;
}

/* Opens a segment of `kind` at input offset `raw` and the current decoded size. */
static hush_status_t push_segment(hushi_decoded_t *out, hushi_segment_kind_t kind, size_t raw)
{
    hush_status_t status = HUSHI_ARRAY_RESERVE(out->segments, out->segment_count,
                                               out->segment_capacity, HUSHI_SEGMENTS_INITIAL,
                                               HUSHI_SEGMENTS_LIMIT);
    if (status != HUSH_OK)
        return status;
    out->segments[out->segment_count++] = (hushi_segment_t){
        .dec = (uint32_t)out->size, .raw = (uint32_t)raw, .kind = (uint8_t)kind};
    return HUSH_OK;
}

static bool last_segment_is(const hushi_decoded_t *out, hushi_segment_kind_t kind)
{
    return out->segment_count > 0 && out->segments[out->segment_count - 1].kind == kind;
}

/* Copies in[raw, raw + n) through unchanged, extending an open COPY segment. */
static hush_status_t add_copy(hushi_decoded_t *out, const unsigned char *in, size_t raw, size_t n)
{
    if (n == 0)
        return HUSH_OK;
    if (!last_segment_is(out, HUSHI_SEGMENT_COPY)) {
        hush_status_t status = push_segment(out, HUSHI_SEGMENT_COPY, raw);
        if (status)
            return status;
    }
    memcpy(out->bytes + out->size, in + raw, n);
    out->size += n;
    return HUSH_OK;
}

/* One escape starting at input offset `raw` that decodes to bytes[0, n). */
static hush_status_t add_unit(hushi_decoded_t *out, size_t raw, const unsigned char *bytes, size_t n)
{
    hush_status_t status = push_segment(out, HUSHI_SEGMENT_UNIT, raw);
    if (status)
        return status;
    memcpy(out->bytes + out->size, bytes, n);
    out->size += n;
    out->changed = true;
    return HUSH_OK;
}

/* Appends the sentinel that holds the totals. */
static hush_status_t decode_finish(hushi_decoded_t *out)
{
    hush_status_t status = push_segment(out, HUSHI_SEGMENT_COPY, out->input_size);
    return status ? decode_fail(out, status) : HUSH_OK;
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Offset of the first `c` in in[from, size), or size. */
static size_t find_byte(const unsigned char *in, size_t from, size_t size, unsigned char c)
{
    if (from >= size)
        return size; /* also keeps a NULL `in` of an empty input from memchr */
    const unsigned char *p = memchr(in + from, c, size - from);
    return p ? (size_t)(p - in) : size;
}

/* ---- JSON ---------------------------------------------------------------- */

/* The value of 4 hex digits at p, or -1. */
static long hex4(const unsigned char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(p[i]);
        if (h < 0)
            return -1;
        v = v << 4 | h;
    }
    return v;
}

static size_t utf8_encode(uint32_t cp, unsigned char *o)
{
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | cp >> 6);
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | cp >> 12);
        o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | cp >> 18);
    o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* \uXXXX at p (n bytes available), with the low half when p holds a high
 * surrogate followed by one.  Returns the input bytes taken (6 or 12), 0
 * when the escape is not valid. */
static size_t json_unicode(const unsigned char *p, size_t n, unsigned char *utf8, size_t *out_n)
{
    long cp = n >= 6 ? hex4(p + 2) : -1;
    if (cp < 0)
        return 0;
    size_t used = 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        long low = n >= 12 && p[6] == '\\' && p[7] == 'u' ? hex4(p + 8) : -1;
        if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            used = 12;
        } else {
            cp = UTF8_REPLACEMENT;
        }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = UTF8_REPLACEMENT;
    }
    *out_n = utf8_encode((uint32_t)cp, utf8);
    return used;
}

/* The escape at p[0] == '\\' (n bytes available): decoded into utf8[0,
 * *out_n), returns the input bytes it takes, 0 when it is not an escape. */
static size_t json_escape(const unsigned char *p, size_t n, unsigned char *utf8, size_t *out_n)
{
    if (n < 2)
        return 0;
    unsigned char c;
    switch (p[1]) {
    case '"':
    case '\\':
    case '/':
        c = p[1];
        break;
    case 'b':
        c = '\b';
        break;
    case 'f':
        c = '\f';
        break;
    case 'n':
        c = '\n';
        break;
    case 'r':
        c = '\r';
        break;
    case 't':
        c = '\t';
        break;
    case 'u':
        return json_unicode(p, n, utf8, out_n);
    default:
        return 0;
    }
    utf8[0] = c;
    *out_n = 1;
    return 2;
}

/* One escape at p (p[0] is the escape's first character) decoded into
 * utf8[0..*out_n); returns the bytes it takes, or 0 when it is no valid escape. */
typedef size_t (*escape_fn)(const unsigned char *p, size_t n, unsigned char *utf8,
                            size_t *out_n);

/* The text decoders that differ only in their escapes (JSON and JavaScript
 * strings: `\`; HTML character references: `&`; CSV's doubled quote: `"`):
 * runs between escapes are copied whole, each escape is one UNIT.  An
 * invalid escape keeps its first character; what follows it is read again
 * as ordinary content. */
static hush_status_t decode_escaped(const unsigned char *in, size_t size, unsigned char marker,
                                    escape_fn decode_one, hushi_decoded_t *out)
{
    hush_status_t status = decode_begin(in, size, out);
    if (status)
        return status;
    size_t i = 0;
    while (i < size) {
        size_t escape = find_byte(in, i, size, marker);
        if ((status = add_copy(out, in, i, escape - i)))
            return decode_fail(out, status);
        if (escape == size)
            break;
        unsigned char utf8[4];
        size_t n = 0;
        size_t used = decode_one(in + escape, size - escape, utf8, &n);
        status = used ? add_unit(out, escape, utf8, n) : add_copy(out, in, escape, 1);
        if (status)
            return decode_fail(out, status);
        i = escape + (used ? used : 1);
    }
    return decode_finish(out);
}

hush_status_t hushi_decode_json_string(const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    return decode_escaped(in, size, '\\', json_escape, out);
}

/* ---- CSV ----------------------------------------------------------------- */

/* A doubled quote is one quote; a lone quote stays as it is. */
static size_t csv_escape(const unsigned char *p, size_t n, unsigned char *utf8, size_t *out_n)
{
    if (n < 2 || p[1] != '"')
        return 0;
    utf8[0] = '"';
    *out_n = 1;
    return 2;
}

hush_status_t hushi_decode_csv_field(const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    return decode_escaped(in, size, '"', csv_escape, out);
}

/* ---- percent-encoding ---------------------------------------------------- */

hush_status_t hushi_decode_percent(const unsigned char *in, size_t size, bool form,
                                   hushi_decoded_t *out)
{
    static const unsigned char space = ' ';
    hush_status_t status = decode_begin(in, size, out);
    if (status)
        return status;
    /* The next '%' and '+' are searched separately and remembered, so form
     * bodies keep memchr speed too. */
    size_t next_percent = find_byte(in, 0, size, '%');
    size_t next_plus = form ? find_byte(in, 0, size, '+') : size;
    size_t i = 0;
    while (i < size) {
        if (next_percent < i)
            next_percent = find_byte(in, i, size, '%');
        if (next_plus < i)
            next_plus = find_byte(in, i, size, '+');
        size_t special = next_percent < next_plus ? next_percent : next_plus;
        if ((status = add_copy(out, in, i, special - i)))
            return decode_fail(out, status);
        if (special == size)
            break;
        size_t used = 1;
        if (in[special] == '+') {
            status = add_unit(out, special, &space, 1);
        } else if (special + 2 < size && hex_value(in[special + 1]) >= 0 &&
                   hex_value(in[special + 2]) >= 0) {
            unsigned char byte =
                (unsigned char)(hex_value(in[special + 1]) << 4 | hex_value(in[special + 2]));
            status = add_unit(out, special, &byte, 1);
            used = 3;
        } else {
            status = add_copy(out, in, special, 1);
        }
        if (status)
            return decode_fail(out, status);
        i = special + used;
    }
    return decode_finish(out);
}

/* ---- HTML character references ------------------------------------------ */

/* Named references an attribute value really uses (escapers write these for
 * the characters that matter in HTML, URLs and JSON); the rest of HTML's
 * 2,000 names are kept as they are. */
static const struct html_named {
    const char *name;
    uint32_t cp;
} html_named[] = {
    {"amp", '&'},     {"lt", '<'},       {"gt", '>'},      {"quot", '"'},    {"apos", '\''},
    {"nbsp", 0xA0},   {"sol", '/'},      {"bsol", '\\'},   {"equals", '='},  {"colon", ':'},
    {"semi", ';'},    {"comma", ','},    {"period", '.'},  {"lowbar", '_'},  {"plus", '+'},
    {"num", '#'},     {"percnt", '%'},   {"quest", '?'},   {"excl", '!'},    {"lpar", '('},
    {"rpar", ')'},    {"lsqb", '['},     {"rsqb", ']'},    {"lcub", '{'},    {"rcub", '}'},
    {"ast", '*'},     {"dollar", '$'},   {"commat", '@'},  {"grave", '`'},   {"Hat", '^'},
    {"verbar", '|'},  {"Tab", '\t'},     {"NewLine", '\n'},
};

/* Longest reference decoded: "&#x" + 8 digits + ';'. */
#define HUSHI_HTML_REFERENCE_MAX 12u

/* A code point a reference may stand for: NUL, surrogates and values past
 * U+10FFFF become U+FFFD, as in HTML. */
static uint32_t checked_code_point(uint32_t cp)
{
    return cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ? UTF8_REPLACEMENT : cp;
}

/* The reference at p[0] == '&' (n bytes available): its code point in *cp,
 * returns the input bytes it takes, 0 when it is not one decoded here. */
static size_t html_reference(const unsigned char *p, size_t n, uint32_t *cp)
{
    size_t limit = n < HUSHI_HTML_REFERENCE_MAX ? n : HUSHI_HTML_REFERENCE_MAX;
    size_t semi = 1;
    while (semi < limit && p[semi] != ';')
        semi++;
    if (semi >= limit || semi < 2)
        return 0;
    if (p[1] == '#') {
        bool hex = semi > 2 && (p[2] == 'x' || p[2] == 'X');
        size_t i = hex ? 3 : 2;
        if (i == semi)
            return 0;
        uint32_t v = 0;
        for (; i < semi; i++) {
            int d = hex ? hex_value(p[i]) : (p[i] >= '0' && p[i] <= '9' ? p[i] - '0' : -1);
            if (d < 0)
                return 0;
            v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + (uint32_t)d; /* stays past the range */
        }
        *cp = checked_code_point(v);
        return semi + 1;
    }
    for (size_t k = 0; k < sizeof html_named / sizeof *html_named; k++) {
        size_t len = strlen(html_named[k].name);
        if (len == semi - 1 && memcmp(p + 1, html_named[k].name, len) == 0) {
            *cp = html_named[k].cp;
            return semi + 1;
        }
    }
    return 0;
}

/* html_reference as an escape_fn. */
static size_t html_escape(const unsigned char *p, size_t n, unsigned char *utf8, size_t *out_n)
{
    uint32_t cp = 0;
    size_t used = html_reference(p, n, &cp);
    if (used)
        *out_n = utf8_encode(cp, utf8);
    return used;
}

hush_status_t hushi_decode_html_references(const unsigned char *in, size_t size,
                                           hushi_decoded_t *out)
{
    return decode_escaped(in, size, '&', html_escape, out);
}

/* ---- JavaScript strings --------------------------------------------------- */

/* \u{X...}: up to this many hex digits (leading zeros included). */
#define HUSHI_JS_BRACED_DIGITS 8u

/* \u{X...} at p (n bytes available, p[2] == '{'): its code point in *cp,
 * returns the input bytes it takes, 0 when malformed. */
static size_t js_braced(const unsigned char *p, size_t n, uint32_t *cp)
{
    uint32_t v = 0;
    size_t i = 3;
    for (; i < n && i < 3 + HUSHI_JS_BRACED_DIGITS && hex_value(p[i]) >= 0; i++)
        v = v << 4 | (uint32_t)hex_value(p[i]);
    if (i == 3 || i >= n || p[i] != '}' || v > 0x10FFFF)
        return 0;
    *cp = v >= 0xD800 && v <= 0xDFFF ? UTF8_REPLACEMENT : v;
    return i + 1;
}

/* A legacy octal escape (\1, \77, \377) at p: at most three digits, value
 * up to 0377. */
static size_t js_octal(const unsigned char *p, size_t n, uint32_t *cp)
{
    size_t max = p[1] <= '3' ? 4 : 3, i = 1;
    uint32_t v = 0;
    for (; i < n && i < max && p[i] >= '0' && p[i] <= '7'; i++)
        v = v * 8 + (uint32_t)(p[i] - '0');
    *cp = v;
    return i;
}

/* A line continuation after the backslash at p: the bytes it takes
 * (LF, CR, CR LF, U+2028, U+2029), or 0. */
static size_t js_line_break(const unsigned char *p, size_t n)
{
    if (n >= 2 && p[1] == '\n')
        return 2;
    if (n >= 2 && p[1] == '\r')
        return n >= 3 && p[2] == '\n' ? 3 : 2;
    if (n >= 4 && p[1] == 0xE2 && p[2] == 0x80 && (p[3] == 0xA8 || p[3] == 0xA9))
        return 4;
    return 0;
}

/* The escape at p[0] == '\\' (n bytes available): decoded into utf8[0,
 * *out_n), returns the input bytes it takes, 0 when it is malformed (a
 * lone backslash at the end, a bad \x or \u). */
static size_t js_escape(const unsigned char *p, size_t n, unsigned char *utf8, size_t *out_n)
{
    if (n < 2)
        return 0;
    uint32_t cp;
    size_t used = 2;
    switch (p[1]) {
    case 'n': cp = '\n'; break;
    case 'r': cp = '\r'; break;
    case 't': cp = '\t'; break;
    case 'b': cp = '\b'; break;
    case 'f': cp = '\f'; break;
    case 'v': cp = '\v'; break;
    case 'x':
        if (n < 4 || hex_value(p[2]) < 0 || hex_value(p[3]) < 0)
            return 0;
        cp = (uint32_t)(hex_value(p[2]) << 4 | hex_value(p[3]));
        used = 4;
        break;
    case 'u':
        if (n >= 3 && p[2] == '{')
            used = js_braced(p, n, &cp);
        else
            return json_unicode(p, n, utf8, out_n);
        if (!used)
            return 0;
        break;
    default:
        if ((used = js_line_break(p, n)) != 0) {
            *out_n = 0;
            return used;
        }
        if (p[1] >= '0' && p[1] <= '7') {
            used = js_octal(p, n, &cp);
            break;
        }
        /* Any other character stands for itself ("\'", "\"", "\/", "\`"). */
        utf8[0] = p[1];
        *out_n = 1;
        return 2;
    }
    *out_n = utf8_encode(cp, utf8);
    return used;
}

hush_status_t hushi_decode_js_string(const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    return decode_escaped(in, size, '\\', js_escape, out);
}

/* ---- base64 -------------------------------------------------------------- */

enum {
    B64_SPACE = 64, /* ASCII whitespace: skipped */
    B64_PAD,        /* '=' */
    B64_BAD         /* anything else: not base64 */
};

enum { B64_ALPHABET_UNKNOWN, B64_ALPHABET_STANDARD, B64_ALPHABET_URL };

#define B64_NO_POSITION SIZE_MAX

typedef struct b64_state {
    uint32_t bits;         /* values of the quad's characters so far */
    unsigned chars;        /* data characters in the current quad */
    unsigned pads;         /* '=' in the current quad */
    size_t quad_start;     /* input offset of the quad's first character */
    bool split;            /* whitespace between characters of the quad */
    size_t pending_space;  /* first whitespace after the quad's last character */
    bool done;             /* a padded quad ended the data */
    int alphabet;          /* B64_ALPHABET_* of the - _ + / seen so far */
} b64_state_t;

/* The 6-bit value of c (both alphabets: '+' and '-' are 62, '/' and '_'
 * 63), or B64_SPACE, B64_PAD, B64_BAD. */
static unsigned b64_class(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    switch (c) {
    case '+':
    case '-':
        return 62;
    case '/':
    case '_':
        return 63;
    case '=':
        return B64_PAD;
    case ' ':
    case '\t':
    case '\r':
    case '\n':
        return B64_SPACE;
    default:
        return B64_BAD;
    }
}

int hushi_base64_digit(unsigned char c)
{
    unsigned v = b64_class(c);
    return v < 64 ? (int)v : -1;
}

/* Writes the bytes of one quad whose `chars` data characters (2 to 4; fewer
 * than 4 only at the end of the data) hold the 6-bit values in `bits`, the
 * first character highest; returns their count, chars - 1.  Bits below the
 * last whole byte are ignored.  The arithmetic of both decoders. */
static size_t b64_put_quad(uint32_t bits, unsigned chars, unsigned char *o)
{
    bits <<= 6 * (4 - chars);
    o[0] = (unsigned char)(bits >> 16);
    if (chars > 2)
        o[1] = (unsigned char)(bits >> 8);
    if (chars > 3)
        o[2] = (unsigned char)bits;
    return chars - 1;
}

bool hushi_base64_decode(const char *in, size_t size, unsigned char *out, size_t *out_size)
{
    size_t n = size;
    for (int pad = 0; pad < 2 && n > 0 && in[n - 1] == '='; pad++)
        n--;
    /* One leftover character carries only 6 bits: never a whole byte. */
    if (n % 4 == 1)
        return false;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 4) {
        unsigned chars = n - i < 4 ? (unsigned)(n - i) : 4;
        uint32_t bits = 0;
        for (unsigned k = 0; k < chars; k++) {
            unsigned v = b64_class((unsigned char)in[i + k]);
            if (v >= 64)
                return false;
            bits = bits << 6 | v;
        }
        o += b64_put_quad(bits, chars, out + o);
    }
    *out_size = o;
    return true;
}

/* False when c (value 62 or 63) belongs to the other alphabet than the
 * characters seen before it. */
static bool b64_alphabet_ok(b64_state_t *st, unsigned char c)
{
    int alphabet = c == '-' || c == '_' ? B64_ALPHABET_URL : B64_ALPHABET_STANDARD;
    if (st->alphabet == B64_ALPHABET_UNKNOWN)
        st->alphabet = alphabet;
    return st->alphabet == alphabet;
}

/* Whitespace from input offset `raw` on, between quads: an empty UNIT,
 * merged with the whitespace just before it.  (A quad's UNIT never has
 * dec == out->size: every quad decodes to at least one byte.) */
static hush_status_t b64_add_space(hushi_decoded_t *out, size_t raw)
{
    if (last_segment_is(out, HUSHI_SEGMENT_UNIT) &&
        out->segments[out->segment_count - 1].dec == out->size)
        return HUSH_OK;
    return push_segment(out, HUSHI_SEGMENT_UNIT, raw);
}

/* Writes the decoded bytes of the current (complete or final) quad. */
static hush_status_t b64_emit_quad(hushi_decoded_t *out, b64_state_t *st)
{
    hush_status_t status = HUSH_OK;
    if (st->split)
        status = push_segment(out, HUSHI_SEGMENT_UNIT, st->quad_start);
    else if (!last_segment_is(out, HUSHI_SEGMENT_BASE64))
        status = push_segment(out, HUSHI_SEGMENT_BASE64, st->quad_start);
    if (status)
        return status;
    out->size += b64_put_quad(st->bits, st->chars, out->bytes + out->size);
    if (st->pads) {
        out->padded = true;
        st->done = true;
    }
    st->bits = 0;
    st->chars = 0;
    st->pads = 0;
    st->split = false;
    return HUSH_OK;
}

/* Decodes whole quads of data characters from in[i] on, while there are;
 * returns the offset where it stopped.  The common case, kept tight. */
static size_t b64_whole_quads(const unsigned char *in, size_t size, size_t i, hushi_decoded_t *out,
                              b64_state_t *st, hush_status_t *status)
{
    while (size - i >= 4) {
        unsigned v0 = b64_class(in[i]), v1 = b64_class(in[i + 1]);
        unsigned v2 = b64_class(in[i + 2]), v3 = b64_class(in[i + 3]);
        if ((v0 | v1 | v2 | v3) >= 64)
            break;
        if (v0 >= 62 || v1 >= 62 || v2 >= 62 || v3 >= 62) {
            bool ok = true;
            for (int k = 0; k < 4; k++)
                if (b64_class(in[i + k]) >= 62 && !b64_alphabet_ok(st, in[i + k]))
                    ok = false;
            if (!ok)
                break; /* the per-character path reports it */
        }
        if (!last_segment_is(out, HUSHI_SEGMENT_BASE64) &&
            (*status = push_segment(out, HUSHI_SEGMENT_BASE64, i)))
            return i;
        out->size += b64_put_quad(v0 << 18 | v1 << 12 | v2 << 6 | v3, 4, out->bytes + out->size);
        i += 4;
    }
    return i;
}

/* One character at in[i] (value or class v) through the quad state. */
static hush_status_t b64_step(const unsigned char *in, size_t i, unsigned v, hushi_decoded_t *out,
                              b64_state_t *st)
{
    if (v == B64_SPACE) {
        if (st->chars == 0)
            return b64_add_space(out, i);
        if (st->pending_space == B64_NO_POSITION)
            st->pending_space = i;
        return HUSH_OK;
    }
    if (v == B64_BAD || st->done)
        return HUSH_ERR_FORMAT;
    if (v == B64_PAD) {
        if (st->chars < 2)
            return HUSH_ERR_FORMAT;
        st->pads++;
    } else {
        if (st->pads > 0 || (v >= 62 && !b64_alphabet_ok(st, in[i])))
            return HUSH_ERR_FORMAT;
        if (st->chars == 0)
            st->quad_start = i;
        st->bits = st->bits << 6 | v;
        st->chars++;
    }
    if (st->pending_space != B64_NO_POSITION) {
        st->split = true;
        st->pending_space = B64_NO_POSITION;
    }
    return st->chars + st->pads == 4 ? b64_emit_quad(out, st) : HUSH_OK;
}

/* The quad left open at the end of the input: 2 or 3 characters without
 * padding decode to 1 or 2 bytes; anything else is not base64. */
static hush_status_t b64_end(hushi_decoded_t *out, b64_state_t *st)
{
    if (st->chars == 0)
        return HUSH_OK;
    if (st->chars < 2 || st->pads > 0)
        return HUSH_ERR_FORMAT;
    hush_status_t status = b64_emit_quad(out, st);
    if (!status && st->pending_space != B64_NO_POSITION)
        status = b64_add_space(out, st->pending_space);
    return status;
}

hush_status_t hushi_decode_base64(const unsigned char *in, size_t size, hushi_decoded_t *out)
{
    hush_status_t status = decode_begin(in, size, out);
    if (status)
        return status;
    b64_state_t st = {.pending_space = B64_NO_POSITION};
    size_t i = 0;
    while (i < size) {
        if (st.chars == 0 && !st.done) {
            i = b64_whole_quads(in, size, i, out, &st, &status);
            if (status)
                return decode_fail(out, status);
            if (i == size)
                break;
        }
        if ((status = b64_step(in, i, b64_class(in[i]), out, &st)))
            return decode_fail(out, status);
        i++;
    }
    if ((status = b64_end(out, &st)))
        return decode_fail(out, status);
    out->url_safe = st.alphabet == B64_ALPHABET_URL;
    /* Base64 decodes to fewer bytes than it takes, so the bytes equal the
     * input only when both are empty. */
    out->changed = size > 0;
    return decode_finish(out);
}

/* ---- map ----------------------------------------------------------------- */

/* The segment holding decoded byte dec (dec < d->size): the last one with
 * .dec <= dec, so segments without decoded bytes are passed over. */
static size_t segment_of(const hushi_decoded_t *d, size_t dec)
{
    size_t lo = 0, hi = d->segment_count - 1; /* segments[lo].dec <= dec < segments[hi].dec */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->segments[mid].dec <= dec)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t hushi_map_start(const hushi_decoded_t *d, size_t dec)
{
    if (dec >= d->size || d->segment_count < 2)
        return d->input_size;
    size_t k = segment_of(d, dec);
    const hushi_segment_t *s = &d->segments[k];
    size_t offset = dec - s->dec;
    switch (s->kind) {
    case HUSHI_SEGMENT_COPY:
        return s->raw + offset;
    case HUSHI_SEGMENT_BASE64:
        return s->raw + 4 * (offset / 3);
    default:
        return s->raw;
    }
}

size_t hushi_map_end(const hushi_decoded_t *d, size_t dec_end)
{
    if (dec_end == 0)
        return hushi_map_start(d, 0);
    if (dec_end > d->size || d->segment_count < 2)
        return d->input_size;
    size_t k = segment_of(d, dec_end - 1);
    const hushi_segment_t *s = &d->segments[k];
    size_t segment_end = d->segments[k + 1].raw;
    size_t offset = dec_end - 1 - s->dec;
    switch (s->kind) {
    case HUSHI_SEGMENT_COPY:
        return s->raw + offset + 1;
    case HUSHI_SEGMENT_BASE64: {
        /* The last quad of a segment may be short or padded: capping at the
         * segment's end keeps its '=' and nothing after them. */
        size_t quad_end = s->raw + 4 * (offset / 3 + 1);
        return quad_end < segment_end ? quad_end : segment_end;
    }
    default:
        return segment_end;
    }
}
