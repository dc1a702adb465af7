/* See view_sniff.h. */
#include "view_sniff.h"

#include <string.h>

#include "ascii.h"
#include "rule.h"

/* A CSV header: two or more short names, separated by commas. */
static bool is_csv_header(const unsigned char *p, size_t n)
{
    size_t fields = 0, i = 0;
    while (i <= n) {
        bool quoted = i < n && p[i] == '"';
        size_t start = i + quoted, j = start;
        while (j < n && (p[j] == '_' || p[j] == ' ' || p[j] == '.' || p[j] == '-' ||
                         (p[j] >= '0' && p[j] <= '9') || ((p[j] | 0x20) >= 'a' && (p[j] | 0x20) <= 'z')))
            j++;
        bool named = j > start && j - start <= HUSHI_MAX_STRUCTURE_NAME && p[start] != ' ' &&
                     !(p[start] >= '0' && p[start] <= '9');
        if (quoted && (j >= n || p[j] != '"'))
            return false;
        j += quoted;
        if (!named || (j < n && p[j] != ','))
            return false;
        fields++;
        i = j + 1;
    }
    return fields >= 2;
}

hushi_view_format_t hushi_view_sniff(const unsigned char *p, size_t n, bool complete)
{
    size_t i = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && hushi_ascii_is_space(p[i]))
        i++;
    if (i == n)
        return complete || n >= HUSHI_VIEW_SNIFF_MAX ? HUSHI_VIEW_FORMAT_PLAIN
                                                     : HUSHI_VIEW_FORMAT_UNDECIDED;
    const unsigned char *nl = memchr(p + i, '\n', n - i);
    if (!nl && !complete && n < HUSHI_VIEW_SNIFF_MAX)
        return HUSHI_VIEW_FORMAT_UNDECIDED;
    size_t line_end = nl ? (size_t)(nl - p) : n;
    if (p[i] == '{')
        return HUSHI_VIEW_FORMAT_JSON;
    if (p[i] == '[') {
        size_t j = i + 1;
        while (j < line_end && (p[j] == ' ' || p[j] == '\t' || p[j] == '\r'))
            j++;
        return j == line_end || strchr("{[\"]", p[j]) ? HUSHI_VIEW_FORMAT_JSON
                                                      : HUSHI_VIEW_FORMAT_PLAIN;
    }
    size_t header_end = line_end > i && p[line_end - 1] == '\r' ? line_end - 1 : line_end;
    return is_csv_header(p + i, header_end - i) ? HUSHI_VIEW_FORMAT_CSV : HUSHI_VIEW_FORMAT_PLAIN;
}
