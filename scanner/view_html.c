/*
 * HTML inside a value (views_internal.h): a page that a HAR response, a run
 * output or a ticket holds.  A single-page app carries its configuration in
 * an inline script object, a form its tokens in hidden inputs, a page its
 * keys in <meta> and data-* attributes; the same values are found elsewhere
 * (a URL, a header) and must not stay readable here.
 *
 * A small tokenizer, not a parser: it reads tags and their attributes, the
 * body of each inline <script>, and inside a script the string literals and
 * the name before each of them.  What it finds becomes views like any
 * other value's:
 *
 *   <input name="X" value="Y">, <meta name="X" content="Y">,
 *   data-X="Y"                        a member named X       "json+html"
 *   href, src, action, formaction     URL parameters         "json+html"
 *   an attribute holding JSON or
 *   references                        scanned (and walked)   "json+html(+json)"
 *   <script> key: "v", key = 'v',
 *   "key": `v` (no ${...})            a member named key     "json+js"
 *   a script string with escapes, or
 *   JSON (JSON.parse('...'))          scanned (and walked)   "json+js(+json)"
 *   <script type="application/json">
 *   (ld+json, importmap)              JSON, walked           "json+json"
 *
 * The labels name the decoding each text went through: HTML decodes
 * character references in attributes but not in a script's text, so a
 * script string is "js" over the page's own layers, never "html+js".
 *
 * Bounded whatever the page: every step moves forward; an unterminated
 * string, comment, tag or regular expression ends at the page's (or the
 * line's) end; a script ends at the first "</script" as HTML says, even
 * inside a string; JavaScript pairs are read from a flat run of tokens, so
 * nesting needs no stack; and at most HUSHI_HTML_MAX_VALUES values of one
 * page are looked at (the raw and JSON scans still see the rest).
 */
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "views.h"
#include "views_internal.h"

/* Attributes of one tag remembered (later ones are read past). */
#define HUSHI_HTML_MAX_ATTRIBUTES 32u
/* Attribute values, script strings and pairs looked at in one page. */
#define HUSHI_HTML_MAX_VALUES 4096u
/* Shorter attribute values and script strings are not scanned by pattern
 * rules (no rule's secret is this short); a listed name's value still is
 * judged. */
#define HUSHI_HTML_MIN_SCANNED 8u
/* JavaScript tokens remembered before a string: `[ "key" ] =` is four. */
#define HUSHI_JS_HISTORY 4u

typedef struct html_page {
    hushi_views_t *v;
    const hushi_view_chain_t *chain; /* its top text holds the page */
    const unsigned char *text;       /* that text */
    size_t end;                      /* the page's end in it */
    unsigned nest;
    size_t budget;                   /* values still looked at */
    hush_status_t status;
} html_page_t;

typedef struct html_attribute {
    size_t name, name_end;   /* offsets in the page's text */
    size_t value, value_end; /* the value without its quotes; empty when none */
} html_attribute_t;

typedef struct html_tag {
    size_t name, name_end;
    html_attribute_t attributes[HUSHI_HTML_MAX_ATTRIBUTES];
    size_t count;
} html_tag_t;

/* ---- the trigger ---------------------------------------------------------------- */

static bool starts_with_nocase(const unsigned char *p, size_t n, const char *word)
{
    size_t k = strlen(word);
    return n >= k && strncasecmp((const char *)p, word, k) == 0;
}

static bool contains_nocase(const unsigned char *p, size_t n, const char *word)
{
    for (size_t i = 0, k = strlen(word); i + k <= n; i++)
        if (strncasecmp((const char *)p + i, word, k) == 0)
            return true;
    return false;
}

/* A '<' opening a script, input or meta tag, or any tag when the text
 * holds a data- attribute: what the page walk looks at.  One memchr for a
 * value without '<', so JSON without HTML pays nothing measurable. */
static bool looks_like_html(const unsigned char *p, size_t n)
{
    static const char *const tags[] = {"script", "input", "meta"};
    int data = -1; /* unknown */
    for (const unsigned char *q = memchr(p, '<', n); q; q = memchr(q, '<', n - (size_t)(q - p))) {
        q++;
        size_t rest = n - (size_t)(q - p);
        for (size_t k = 0; k < sizeof tags / sizeof *tags; k++)
            if (starts_with_nocase(q, rest, tags[k]))
                return true;
        if (rest > 0 && hushi_ascii_is_alpha(*q) && data < 0)
            data = memmem(p, n, " data-", 6) != NULL;
        if (data > 0)
            return true;
        if (rest == 0)
            break;
    }
    return false;
}

/* ---- views of a part of the page ----------------------------------------------- */

/* Takes one value from the page's budget; false once it is spent. */
static bool take_budget(html_page_t *page)
{
    if (page->budget == 0)
        return false;
    page->budget--;
    return true;
}

/* The page's chain with a layer of `kind` decoding [s, e) of its text.
 * False when the chain is full. */
static bool push_layer(html_page_t *page, hushi_layer_kind_t kind, size_t s, size_t e,
                       hushi_view_chain_t *out)
{
    hushi_views_t *v = page->v;
    *out = *page->chain;
    if (out->count == HUSHI_VIEW_MAX_CHAIN)
        return false;
    hushi_decoded_t *dec = &v->pool[out->count];
    hush_status_t st = hushi_layer_codec(kind)->decode(page->text + s, e - s, dec);
    if (st != HUSH_OK) {
        page->status = st == HUSH_ERR_NOMEM ? st : HUSH_OK;
        return false;
    }
    return hushi_chain_push(out, kind, dec, s) && hushi_label_append(out->label, kind);
}

/* The structural rule for a member, form field or meta name, or -1.
 * json_key_only: a script object's member (JSON_KEY rules); otherwise the
 * kinds a {"name": ..., "value": ...} pair tries. */
static int32_t name_rule(const html_page_t *page, const unsigned char *p, size_t n,
                         bool json_key_only)
{
    char name[HUSHI_MAX_STRUCTURE_NAME + 1];
    if (n > HUSHI_MAX_STRUCTURE_NAME * 2 || !hushi_structure_name_normalize(p, n, name, sizeof name))
        return -1;
    if (json_key_only)
        return hushi_name_index_rule(&page->v->names, HUSHI_STRUCTURE_JSON_KEY, name);
    static const hushi_structure_kind_t kinds[] = {HUSHI_STRUCTURE_NAME_VALUE,
                                                  HUSHI_STRUCTURE_QUERY_PARAMETER,
                                                  HUSHI_STRUCTURE_JSON_KEY};
    int32_t rule = -1;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds && rule < 0; k++)
        rule = hushi_name_index_rule(&page->v->names, kinds[k], name);
    return rule;
}

/* Starts, after whitespace, with '{' or '[': JSON to walk. */
static bool starts_like_json(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n && hushi_ascii_is_space(p[i]))
        i++;
    return i < n && (p[i] == '{' || p[i] == '[');
}

/* Value [s, e) of the page's text under a layer of `kind`: judged as the
 * member `rule` names (when >= 0), and, when `scan`, long enough, and the
 * layer changed it or it is JSON, scanned (and walked when JSON).  Text
 * the layer left as it is was scanned with the page already, as for every
 * other view. */
static void examine_part(html_page_t *page, hushi_layer_kind_t kind, size_t s, size_t e,
                         int32_t rule, const unsigned char *name, size_t name_size, bool scan)
{
    hushi_view_chain_t chain;
    if (!take_budget(page) || !push_layer(page, kind, s, e, &chain))
        return;
    hushi_views_t *v = page->v;
    size_t size;
    const unsigned char *text = hushi_chain_text(&chain, &size);
    scan = scan && size >= HUSHI_HTML_MIN_SCANNED &&
           (chain.layers[chain.count - 1].dec->changed || starts_like_json(text, size));
    /* Copied first: `name` may be the views' scratch, which a walk reuses. */
    char shown[HUSHI_VIEW_SHOWN_NAME + 1] = "";
    if (rule >= 0)
        hushi_walk_copy_shown(shown, name, name_size);
    hush_status_t st = HUSH_OK;
    if (scan)
        st = hushi_walk_examine_text(v, &chain, page->nest);
    if (st == HUSH_OK && rule >= 0)
        st = hushi_view_structural(v->sink, &chain, 0, size, (uint32_t)rule, shown, false);
    page->status = st;
}

/* ---- JavaScript ----------------------------------------------------------------- */

typedef enum js_kind {
    JS_NONE = 0,
    JS_NAME,          /* identifier or keyword */
    JS_STRING,        /* '...', "..." or `...` */
    JS_COLON,
    JS_ASSIGN,        /* '=' alone, not == => += */
    JS_OPEN_BRACKET,
    JS_CLOSE_BRACKET,
    JS_VALUE_END,     /* ')' a number or a regular expression: a '/' after it divides */
    JS_OTHER
} js_kind_t;

typedef struct js_token {
    js_kind_t kind;
    size_t start, end;  /* a name, or a string's content without its quotes */
    bool substitution;  /* a template literal with ${...} */
} js_token_t;

static bool js_name_byte(unsigned char c)
{
    return hushi_ascii_is_ident(c) || c == '$' || c >= 0x80;
}

static bool js_operator_byte(unsigned char c)
{
    return c && strchr("=!<>+-*%&|^~", c) != NULL;
}

/* The end of the string literal opened by quote p[i] (the offset of its
 * closing quote), or of the line or text when it is not closed; sets
 * *closed and, for templates, *substitution. */
static size_t js_string_end(const unsigned char *p, size_t i, size_t end, bool *closed,
                            bool *substitution)
{
    unsigned char quote = p[i];
    *closed = *substitution = false;
    for (size_t j = i + 1; j < end; j++) {
        unsigned char c = p[j];
        if (c == '\\') {
            j++; /* the escaped byte; CR LF of a continuation is two */
            if (j + 1 < end && p[j] == '\r' && p[j + 1] == '\n')
                j++;
        } else if (c == quote) {
            *closed = true;
            return j;
        } else if (quote != '`' && (c == '\n' || c == '\r')) {
            return j;
        } else if (c == '$' && j + 1 < end && p[j + 1] == '{') {
            *substitution = true;
        }
    }
    return end;
}

/* The end of the regular expression literal opened by p[i] == '/'. */
static size_t js_regex_end(const unsigned char *p, size_t i, size_t end)
{
    bool in_class = false;
    size_t j = i + 1;
    for (; j < end && p[j] != '\n' && p[j] != '\r'; j++) {
        if (p[j] == '\\')
            j++;
        else if (p[j] == '[')
            in_class = true;
        else if (p[j] == ']')
            in_class = false;
        else if (p[j] == '/' && !in_class)
            break;
    }
    j = j < end ? j + 1 : end;
    while (j < end && js_name_byte(p[j])) /* flags */
        j++;
    return j;
}

/* The key a string token is the value of: `key: "v"`, `"key": 'v'`,
 * `key = "v"`, `x["key"] = "v"`; false when the string is not a value. */
static bool js_key(const js_token_t *history, js_token_t *key)
{
    if (history[0].kind != JS_COLON && history[0].kind != JS_ASSIGN)
        return false;
    const js_token_t *k = &history[1];
    if (k->kind == JS_CLOSE_BRACKET && history[0].kind == JS_ASSIGN &&
        history[2].kind == JS_STRING && history[3].kind == JS_OPEN_BRACKET)
        k = &history[2];
    if ((k->kind != JS_NAME && k->kind != JS_STRING) || k->substitution)
        return false;
    *key = *k;
    return true;
}

/* A string literal of the script: judged as the member its key names, and
 * scanned when it has escapes or is JSON. */
static void js_string(html_page_t *page, const js_token_t *history, const js_token_t *value)
{
    js_token_t key;
    int32_t rule = -1;
    const unsigned char *name = NULL;
    size_t name_size = 0;
    if (!value->substitution && js_key(history, &key)) {
        name = page->text + key.start;
        name_size = key.end - key.start;
        hushi_decoded_t *scratch = &page->v->name_scratch;
        if (key.kind == JS_STRING && memchr(name, '\\', name_size) &&
            name_size <= HUSHI_MAX_STRUCTURE_NAME * 2 &&
            hushi_decode_js_string(name, name_size, scratch) == HUSH_OK) {
            name = scratch->bytes;
            name_size = scratch->size;
        }
        rule = name_rule(page, name, name_size, true);
    }
    const unsigned char *p = page->text + value->start;
    size_t n = value->end - value->start;
    bool scan = n >= HUSHI_HTML_MIN_SCANNED && (memchr(p, '\\', n) || starts_like_json(p, n));
    if (rule >= 0 || scan)
        examine_part(page, HUSHI_LAYER_JS, value->start, value->end, rule, name, name_size, scan);
}

static void js_remember(js_token_t *history, js_kind_t kind, size_t start, size_t end,
                        bool substitution)
{
    memmove(history + 1, history, (HUSHI_JS_HISTORY - 1) * sizeof *history);
    history[0] = (js_token_t){.kind = kind, .start = start, .end = end,
                              .substitution = substitution};
}

/* The string literals of script text [i, end) and the names before them. */
static void js_scan(html_page_t *page, size_t i, size_t end)
{
    const unsigned char *p = page->text;
    js_token_t history[HUSHI_JS_HISTORY] = {{0}};
    while (i < end && page->status == HUSH_OK && page->budget > 0) {
        unsigned char c = p[i];
        size_t next = i + 1;
        if (hushi_ascii_is_space(c)) {
            i++;
            continue;
        }
        if (c == '/' && i + 1 < end && p[i + 1] == '/') {
            const unsigned char *nl = memchr(p + i, '\n', end - i);
            i = nl ? (size_t)(nl - p) + 1 : end;
            continue;
        }
        if (c == '/' && i + 1 < end && p[i + 1] == '*') {
            const unsigned char *close = memmem(p + i + 2, end - i - 2, "*/", 2);
            i = close ? (size_t)(close - p) + 2 : end;
            continue;
        }
        if (c == '"' || c == '\'' || c == '`') {
            bool closed, substitution;
            size_t close = js_string_end(p, i, end, &closed, &substitution);
            if (closed) {
                js_token_t value = {.kind = JS_STRING, .start = i + 1, .end = close,
                                    .substitution = substitution};
                js_string(page, history, &value);
            }
            js_remember(history, closed ? JS_STRING : JS_NONE, i + 1, close, substitution);
            i = close < end ? close + 1 : end;
            continue;
        }
        js_kind_t kind = JS_OTHER;
        if (c == '/') {
            js_kind_t before = history[0].kind;
            bool divides = before == JS_NAME || before == JS_STRING ||
                           before == JS_CLOSE_BRACKET || before == JS_VALUE_END;
            if (!divides) {
                next = js_regex_end(p, i, end);
                kind = JS_VALUE_END;
            }
        } else if (hushi_ascii_is_digit(c)) {
            while (next < end && (js_name_byte(p[next]) || p[next] == '.'))
                next++;
            kind = JS_VALUE_END;
        } else if (js_name_byte(c)) {
            while (next < end && js_name_byte(p[next]))
                next++;
            kind = JS_NAME;
        } else if (js_operator_byte(c)) {
            while (next < end && js_operator_byte(p[next]))
                next++;
            kind = next == i + 1 && c == '=' ? JS_ASSIGN : JS_OTHER;
        } else if (c == ':') {
            kind = JS_COLON;
        } else if (c == '[') {
            kind = JS_OPEN_BRACKET;
        } else if (c == ']') {
            kind = JS_CLOSE_BRACKET;
        } else if (c == ')') {
            kind = JS_VALUE_END;
        }
        js_remember(history, kind, i, next, false);
        i = next;
    }
}

/* ---- tags ------------------------------------------------------------------------ */

static bool attribute_is(const html_page_t *page, const html_attribute_t *a, const char *name)
{
    size_t n = strlen(name);
    return a->name_end - a->name == n &&
           strncasecmp((const char *)page->text + a->name, name, n) == 0;
}

static const html_attribute_t *attribute(const html_page_t *page, const html_tag_t *tag,
                                         const char *name)
{
    for (size_t k = 0; k < tag->count; k++)
        if (attribute_is(page, &tag->attributes[k], name))
            return &tag->attributes[k];
    return NULL;
}

static bool tag_is(const html_page_t *page, const html_tag_t *tag, const char *name)
{
    size_t n = strlen(name);
    return tag->name_end - tag->name == n &&
           strncasecmp((const char *)page->text + tag->name, name, n) == 0;
}

/* Reads the attributes of the tag whose name ends at i; returns the offset
 * just after its '>' (or the page's end). */
static size_t read_attributes(const html_page_t *page, size_t i, html_tag_t *tag)
{
    const unsigned char *p = page->text;
    size_t end = page->end;
    tag->count = 0;
    while (i < end) {
        while (i < end && (hushi_ascii_is_space(p[i]) || p[i] == '/' || p[i] == '\f'))
            i++;
        if (i >= end || p[i] == '>')
            return i < end ? i + 1 : end;
        html_attribute_t a = {.name = i};
        do
            i++;
        while (i < end && !hushi_ascii_is_space(p[i]) && p[i] != '/' && p[i] != '>' &&
               p[i] != '=');
        a.name_end = i;
        while (i < end && hushi_ascii_is_space(p[i]))
            i++;
        a.value = a.value_end = i;
        if (i < end && p[i] == '=') {
            i++;
            while (i < end && hushi_ascii_is_space(p[i]))
                i++;
            if (i < end && (p[i] == '"' || p[i] == '\'')) {
                const unsigned char *close = memchr(p + i + 1, p[i], end - i - 1);
                if (!close)
                    return end; /* unterminated: nothing after it is markup */
                a.value = i + 1;
                a.value_end = (size_t)(close - p);
                i = a.value_end + 1;
            } else {
                a.value = i;
                while (i < end && !hushi_ascii_is_space(p[i]) && p[i] != '>')
                    i++;
                a.value_end = i;
            }
        }
        if (tag->count < HUSHI_HTML_MAX_ATTRIBUTES)
            tag->attributes[tag->count++] = a;
    }
    return end;
}

/* Offset of the first "</name" (any case) at or after i, or the page's end. */
static size_t find_end_tag(const html_page_t *page, size_t i, const char *name)
{
    const unsigned char *p = page->text;
    size_t n = strlen(name);
    for (const unsigned char *q; i < page->end && (q = memchr(p + i, '<', page->end - i)) != NULL;
         i = (size_t)(q - p) + 1) {
        size_t at = (size_t)(q - p), rest = page->end - at;
        if (rest > n + 1 && q[1] == '/' && strncasecmp((const char *)q + 2, name, n) == 0)
            return at;
    }
    return page->end;
}

/* A name/value attribute pair (an input's name and value, a meta's name
 * and content) as a member. */
static void named_value(html_page_t *page, const html_attribute_t *name,
                        const html_attribute_t *value)
{
    if (!name || !value || value->value_end == value->value)
        return;
    const unsigned char *n = page->text + name->value;
    size_t size = name->value_end - name->value;
    int32_t rule = name_rule(page, n, size, false);
    if (rule >= 0)
        examine_part(page, HUSHI_LAYER_HTML, value->value, value->value_end, rule, n, size,
                     false);
}

static bool is_url_attribute(const html_page_t *page, const html_attribute_t *a)
{
    return attribute_is(page, a, "href") || attribute_is(page, a, "src") ||
           attribute_is(page, a, "action") || attribute_is(page, a, "formaction");
}

/* Every attribute of a tag: data-X as member X, URLs, JSON or references
 * in a value. */
static void tag_attributes(html_page_t *page, const html_tag_t *tag)
{
    for (size_t k = 0; k < tag->count && page->status == HUSH_OK; k++) {
        const html_attribute_t *a = &tag->attributes[k];
        size_t s = a->value, e = a->value_end;
        if (e == s)
            continue;
        const unsigned char *name = page->text + a->name;
        size_t name_size = a->name_end - a->name;
        int32_t rule = -1;
        if (name_size > 5 && strncasecmp((const char *)name, "data-", 5) == 0)
            rule = name_rule(page, name + 5, name_size - 5, false);
        bool references = memchr(page->text + s, '&', e - s) != NULL;
        bool json = starts_like_json(page->text + s, e - s);
        if (is_url_attribute(page, a) && memchr(page->text + s, '?', e - s)) {
            hushi_view_chain_t chain;
            size_t size;
            if (take_budget(page) && push_layer(page, HUSHI_LAYER_HTML, s, e, &chain)) {
                hushi_chain_text(&chain, &size);
                page->status = hushi_structural_parameters(page->v, &chain, 0, size);
            }
        }
        if (page->status == HUSH_OK && (rule >= 0 || references || json))
            examine_part(page, HUSHI_LAYER_HTML, s, e, rule, name, name_size,
                         references || json);
    }
}

/* A <script>'s type: JavaScript (none, or a JavaScript or module type),
 * JSON (application/json, ld+json, importmap), or neither (a template). */
typedef enum script_kind { SCRIPT_OTHER, SCRIPT_JS, SCRIPT_JSON } script_kind_t;

static script_kind_t script_kind(const html_page_t *page, const html_tag_t *tag)
{
    const html_attribute_t *type = attribute(page, tag, "type");
    if (!type || type->value == type->value_end)
        return SCRIPT_JS;
    const unsigned char *t = page->text + type->value;
    size_t n = type->value_end - type->value;
    if ((n >= 4 && strncasecmp((const char *)t + n - 4, "json", 4) == 0) ||
        starts_with_nocase(t, n, "importmap"))
        return SCRIPT_JSON;
    if (contains_nocase(t, n, "javascript") || contains_nocase(t, n, "ecmascript") ||
        starts_with_nocase(t, n, "module"))
        return SCRIPT_JS;
    return SCRIPT_OTHER;
}

/* An inline script's body [s, e). */
static void script_body(html_page_t *page, const html_tag_t *tag, size_t s, size_t e)
{
    if (e <= s || attribute(page, tag, "src"))
        return;
    script_kind_t kind = script_kind(page, tag);
    if (kind == SCRIPT_JS) {
        js_scan(page, s, e);
    } else if (kind == SCRIPT_JSON && page->nest + 1 < HUSHI_VIEW_MAX_NESTING &&
               take_budget(page)) {
        hushi_view_chain_t inner = *page->chain;
        if (hushi_label_append(inner.label, HUSHI_LAYER_JSON))
            page->status = hushi_walk_json_range(page->v, &inner, page->nest + 1, s, e);
    }
}

/* The markup starting at p[i] == '<'; returns where to look next (> i). */
static size_t read_markup(html_page_t *page, size_t i)
{
    const unsigned char *p = page->text;
    size_t end = page->end;
    if (end - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
        const unsigned char *close = memmem(p + i + 4, end - i - 4, "-->", 3);
        return close ? (size_t)(close - p) + 3 : end;
    }
    if (i + 1 >= end || !hushi_ascii_is_alpha(p[i + 1])) {
        if (i + 1 < end && (p[i + 1] == '!' || p[i + 1] == '?' || p[i + 1] == '/')) {
            const unsigned char *close = memchr(p + i, '>', end - i);
            return close ? (size_t)(close - p) + 1 : end;
        }
        return i + 1; /* a '<' in text */
    }
    html_tag_t tag;
    tag.name = i + 1;
    size_t j = i + 2;
    while (j < end && !hushi_ascii_is_space(p[j]) && p[j] != '/' && p[j] != '>')
        j++;
    tag.name_end = j;
    j = read_attributes(page, j, &tag);
    if (tag_is(page, &tag, "input"))
        named_value(page, attribute(page, &tag, "name"), attribute(page, &tag, "value"));
    else if (tag_is(page, &tag, "meta"))
        named_value(page,
                    attribute(page, &tag, "name") ? attribute(page, &tag, "name")
                                                   : attribute(page, &tag, "property"),
                    attribute(page, &tag, "content"));
    if (page->status == HUSH_OK)
        tag_attributes(page, &tag);
    static const char *const raw_text[] = {"script", "style", "textarea", "title"};
    for (size_t k = 0; k < sizeof raw_text / sizeof *raw_text; k++) {
        if (!tag_is(page, &tag, raw_text[k]))
            continue;
        size_t close = find_end_tag(page, j, raw_text[k]);
        if (k == 0 && page->status == HUSH_OK)
            script_body(page, &tag, j, close);
        return close > i ? close : i + 1;
    }
    return j > i ? j : i + 1;
}

hush_status_t hushi_html_examine(hushi_views_t *v, const hushi_view_chain_t *chain, size_t ts,
                                 size_t te, unsigned nest)
{
    size_t size;
    const unsigned char *text = hushi_chain_text(chain, &size);
    if (te <= ts || !looks_like_html(text + ts, te - ts))
        return HUSH_OK;
    html_page_t page = {.v = v, .chain = chain, .text = text, .end = te, .nest = nest,
                        .budget = HUSHI_HTML_MAX_VALUES, .status = HUSH_OK};
    for (size_t i = ts; i < te && page.status == HUSH_OK && page.budget > 0;) {
        const unsigned char *q = memchr(text + i, '<', te - i);
        if (!q)
            break;
        i = read_markup(&page, (size_t)(q - text));
    }
    return page.status;
}
