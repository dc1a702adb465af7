/* Byte spans (span.h). */
#include "span.h"

#include <string.h>
#include <strings.h>

#include "ascii.h"

bool hushi_span_all(hushi_span_t s, bool (*ok)(unsigned char))
{
    for (size_t i = 0; i < s.n; i++)
        if (!ok(s.p[i]))
            return false;
    return true;
}

bool hushi_span_all_nonempty(hushi_span_t s, bool (*ok)(unsigned char))
{
    return s.n > 0 && hushi_span_all(s, ok);
}

bool hushi_span_equals(hushi_span_t s, const char *word)
{
    return strlen(word) == s.n && memcmp(word, s.p, s.n) == 0;
}

bool hushi_span_equals_lower(hushi_span_t s, const char *lower_word)
{
    if (strlen(lower_word) != s.n)
        return false;
    for (size_t i = 0; i < s.n; i++)
        if (hushi_ascii_to_lower(s.p[i]) != (unsigned char)lower_word[i])
            return false;
    return true;
}

bool hushi_span_contains(hushi_span_t s, const char *word)
{
    size_t w = strlen(word);
    return w <= s.n && memmem(s.p, s.n, word, w) != NULL;
}

bool hushi_span_contains_ci(hushi_span_t s, const char *word)
{
    size_t w = strlen(word);
    for (size_t i = 0; w && i + w <= s.n; i++)
        if (strncasecmp((const char *)s.p + i, word, w) == 0)
            return true;
    return false;
}

bool hushi_span_starts_with(hushi_span_t s, const char *prefix)
{
    size_t w = strlen(prefix);
    return w <= s.n && memcmp(s.p, prefix, w) == 0;
}

bool hushi_span_ends_with(hushi_span_t s, const char *suffix)
{
    size_t w = strlen(suffix);
    return w <= s.n && memcmp(s.p + s.n - w, suffix, w) == 0;
}

bool hushi_span_starts_with_ci(hushi_span_t s, const char *prefix)
{
    size_t w = strlen(prefix);
    return w <= s.n && strncasecmp((const char *)s.p, prefix, w) == 0;
}

static hushi_span_t unquote(hushi_span_t s)
{
    if (s.n >= 2 && (s.p[0] == '"' || s.p[0] == '\'') && s.p[s.n - 1] == s.p[0]) {
        s.p++;
        s.n -= 2;
    }
    return s;
}

hushi_span_t hushi_span_trim_blanks_unquote(const unsigned char *value, size_t size)
{
    hushi_span_t s = {value, size};
    while (s.n && (s.p[0] == ' ' || s.p[0] == '\t')) {
        s.p++;
        s.n--;
    }
    while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\t' || s.p[s.n - 1] == '\r'))
        s.n--;
    return unquote(s);
}

hushi_span_t hushi_span_trim_whitespace_unquote(const unsigned char *value, size_t size)
{
    hushi_span_t s = {value, size};
    while (s.n > 0 && hushi_ascii_is_space(s.p[0])) {
        s.p++;
        s.n--;
    }
    while (s.n > 0 && hushi_ascii_is_space(s.p[s.n - 1]))
        s.n--;
    return unquote(s);
}
