/*
 * ASCII character classes for byte strings.  Unlike <ctype.h> they ignore
 * the locale and take any byte without a cast to unsigned char.
 */
#ifndef HUSHI_ASCII_H
#define HUSHI_ASCII_H

#include <stdbool.h>

static inline bool hushi_ascii_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool hushi_ascii_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool hushi_ascii_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool hushi_ascii_is_alpha(unsigned char c)
{
    return hushi_ascii_is_lower(c) || hushi_ascii_is_upper(c);
}
static inline bool hushi_ascii_is_alnum(unsigned char c)
{
    return hushi_ascii_is_alpha(c) || hushi_ascii_is_digit(c);
}
/* A character of a C-like identifier: letter, digit or '_'. */
static inline bool hushi_ascii_is_ident(unsigned char c) { return hushi_ascii_is_alnum(c) || c == '_'; }
static inline bool hushi_ascii_is_hex(unsigned char c)
{
    return hushi_ascii_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
/* Space, tab, carriage return, line feed: JSON's whitespace. */
static inline bool hushi_ascii_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
static inline unsigned char hushi_ascii_to_lower(unsigned char c)
{
    return hushi_ascii_is_upper(c) ? (unsigned char)(c + 32) : c;
}

#endif
