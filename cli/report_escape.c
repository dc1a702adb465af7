/*
 * Escaping for reports and rule printers.  Text escapes control bytes because
 * a preview comes from untrusted input and must not drive the user's
 * terminal; JSON replaces invalid UTF-8 so every line stays parseable.
 */
#include <string.h>

#include "report_escape.h"

/* Length of the valid UTF-8 sequence at s (at most `left` bytes), 0 if invalid. */
static size_t utf8_sequence_length(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        return 0;
    }
    if (left < need || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < need; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    }
    return need;
}

bool cli_write_json_string(FILE *out, const char *text)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t left = strlen((const char *)s);
    bool good = putc('"', out) != EOF;

    while (left > 0) {
        size_t n = utf8_sequence_length(s, left);
        unsigned char c = s[0];
        if (n == 0) {
            good = fputs("\\ufffd", out) != EOF && good;
            n = 1;
        } else if (c == '"' || c == '\\') {
            good = putc('\\', out) != EOF && putc(c, out) != EOF && good;
        } else if (c == '\n') {
            good = fputs("\\n", out) != EOF && good;
        } else if (c == '\r') {
            good = fputs("\\r", out) != EOF && good;
        } else if (c == '\t') {
            good = fputs("\\t", out) != EOF && good;
        } else if (c < 0x20) {
            good = fprintf(out, "\\u%04x", c) >= 0 && good;
        } else {
            good = fwrite(s, 1, n, out) == n && good;
        }
        s += n;
        left -= n;
    }
    return putc('"', out) != EOF && good;
}

/* Printable bytes and valid multi-byte UTF-8 as they are, everything else
 * (control bytes, C1 controls, broken UTF-8) as \xNN. */
bool cli_write_terminal_safe(FILE *out, const char *text)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t left = strlen((const char *)s);
    bool good = true;

    while (left > 0) {
        size_t n = utf8_sequence_length(s, left);
        bool c1_control = n == 2 && s[0] == 0xC2 && s[1] < 0xA0;
        if (n == 1 && s[0] == '\t') {
            good = fputs("\\t", out) != EOF && good;
        } else if (n == 0 || c1_control || (n == 1 && (s[0] < 0x20 || s[0] == 0x7F))) {
            n = 1;
            good = fprintf(out, "\\x%02x", s[0]) >= 0 && good;
        } else {
            good = fwrite(s, 1, n, out) == n && good;
        }
        s += n;
        left -= n;
    }
    return good;
}

bool cli_write_csv_field(FILE *out, const char *text)
{
    if (!text)
        return true;
    if (strpbrk(text, ",\"\r\n") == NULL)
        return fputs(text, out) != EOF;
    bool good = putc('"', out) != EOF;
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            good = putc('"', out) != EOF && good;
        good = putc(*p, out) != EOF && good;
    }
    return putc('"', out) != EOF && good;
}
