/*
 * Structural rules in views (views_internal.h): secrets found by where they
 * are rather than by what they look like.  A member a json-key rule names,
 * the "value" of a {"name","value"} pair whose name a rule lists (an HTTP
 * header, a cookie, a setting), URL query and form parameters, and Key
 * Vault secret values; Authorization: Basic credentials and HAR base64
 * bodies are decoded first.
 */
#include <string.h>
#include <strings.h>

#include "views.h"
#include "views_internal.h"

/* Bytes that end a URL: a URL inside text (JSON in a value, a log message)
 * stops at the first of them. */
static bool ends_url(unsigned char c)
{
    return c <= 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' ||
           c == '\\' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`';
}

/* Parameters of the query starting at p[i] (just after '?', or the start of
 * a form body), up to the end of the URL. */
static hush_status_t query_parameters(hushi_views_t *v, const hushi_view_chain_t *chain, size_t ts,
                                      const unsigned char *p, size_t n, size_t i)
{
    hush_status_t st = HUSH_OK;
    while (st == HUSH_OK && i < n && !ends_url(p[i])) {
        size_t name_start = i;
        while (i < n && p[i] != '=' && p[i] != '&' && p[i] != '#' && !ends_url(p[i]))
            i++;
        size_t name_end = i;
        if (i < n && p[i] == '&') { /* a name without a value */
            i++;
            continue;
        }
        if (i >= n || p[i] != '=')
            break; /* '#' or the URL's end: no more parameters */
        size_t value_start = ++i;
        while (i < n && p[i] != '&' && p[i] != '#' && !ends_url(p[i]))
            i++;
        char name[HUSHI_MAX_STRUCTURE_NAME + 1];
        int32_t rule = -1;
        if (hushi_structure_name_normalize(p + name_start, name_end - name_start, name,
                                           sizeof name))
            rule = hushi_name_index_rule(&v->names, HUSHI_STRUCTURE_QUERY_PARAMETER, name);
        if (rule >= 0) {
            char shown[HUSHI_VIEW_SHOWN_NAME + 1];
            size_t k = name_end - name_start < HUSHI_VIEW_SHOWN_NAME ? name_end - name_start
                                                                     : HUSHI_VIEW_SHOWN_NAME;
            memcpy(shown, p + name_start, k);
            shown[k] = '\0';
            st = hushi_view_structural(v->sink, chain, ts + value_start, ts + i, (uint32_t)rule,
                                       shown, true);
        }
        if (i >= n || p[i] != '&')
            break;
        i++;
    }
    return st;
}

hush_status_t hushi_structural_parameters(hushi_views_t *v, const hushi_view_chain_t *chain,
                                          size_t ts, size_t te)
{
    size_t size;
    const unsigned char *p = hushi_chain_text(chain, &size) + ts;
    size_t n = te - ts;
    const unsigned char *q = memchr(p, '?', n);
    if (!q) {
        for (size_t i = 0; i < n; i++)
            if (ends_url(p[i]) || p[i] == '/')
                return HUSH_OK; /* neither a URL with a query nor a form body */
        return query_parameters(v, chain, ts, p, n, 0);
    }
    hush_status_t st = HUSH_OK;
    for (; st == HUSH_OK && q; q = memchr(q + 1, '?', n - (size_t)(q + 1 - p)))
        st = query_parameters(v, chain, ts, p, n, (size_t)(q - p) + 1);
    return st;
}

static bool contains(const unsigned char *p, size_t n, const char *needle)
{
    return memmem(p, n, needle, strlen(needle)) != NULL;
}

/* https://{vault}.vault.azure.net/secrets/{name}[/{version}] and the other clouds. */
static bool is_keyvault_secret_url(const unsigned char *p, size_t n)
{
    return (contains(p, n, ".vault.") || contains(p, n, ".managedhsm.")) &&
           contains(p, n, "/secrets/");
}

/* /secrets/{name}/value: the Key Vault connector's Get secret request. */
static bool is_keyvault_value_path(const unsigned char *p, size_t n)
{
    const unsigned char *s = memmem(p, n, "/secrets/", 9);
    if (!s)
        return false;
    size_t rest = n - (size_t)(s - p) - 9;
    const unsigned char *name = s + 9, *slash = memchr(name, '/', rest);
    return slash && slash > name && (size_t)(name + rest - slash) >= 6 &&
           memcmp(slash, "/value", 6) == 0;
}

static void remember(hushi_member_value_t *member, uint64_t s, uint64_t e, bool escaped)
{
    *member = (hushi_member_value_t){.start = s, .end = e, .set = true, .escaped = escaped};
}

void hushi_structural_note_member(hushi_view_walk_t *lx, hushi_view_frame_t *f, uint32_t depth,
                                  uint64_t s, uint64_t e, bool escaped)
{
    hushi_views_t *v = lx->v;
    const char *key = f->key;
    size_t n;
    const unsigned char *p;
    if (strcmp(key, "value") == 0) {
        remember(&f->value, s, e, escaped);
        if (depth >= 2 && strcmp(f->container_key, "body") == 0 &&
            strcmp(lx->frames[depth - 1].container_key, "outputs") == 0)
            remember(&lx->frames[depth - 2].body_value, s, e, escaped);
    } else if (strcmp(key, "text") == 0) {
        remember(&f->text, s, e, escaped);
    } else if (strcmp(key, "name") == 0 &&
               (p = hushi_walk_short_value(lx, s, e, escaped, HUSHI_MAX_STRUCTURE_NAME * 2,
                                           &n))) {
        char name[HUSHI_MAX_STRUCTURE_NAME + 1];
        hushi_walk_copy_shown(f->shown_name, p, n);
        f->name_rule = -1;
        if (hushi_structure_name_normalize(p, n, name, sizeof name)) {
            static const hushi_structure_kind_t kinds[] = {HUSHI_STRUCTURE_NAME_VALUE,
                                                          HUSHI_STRUCTURE_QUERY_PARAMETER,
                                                          HUSHI_STRUCTURE_JSON_KEY};
            for (size_t k = 0; k < 3 && f->name_rule < 0; k++)
                f->name_rule = hushi_name_index_rule(&v->names, kinds[k], name);
        }
    } else if (strcmp(key, "id") == 0 &&
               (p = hushi_walk_short_value(lx, s, e, escaped, 512, &n))) {
        f->kv_id = is_keyvault_secret_url(p, n);
    } else if ((strcmp(key, "path") == 0 || strcmp(key, "uri") == 0) && depth >= 1 &&
               strcmp(f->container_key, "inputs") == 0 &&
               (p = hushi_walk_short_value(lx, s, e, escaped, 2048, &n)) &&
               is_keyvault_value_path(p, n)) {
        lx->frames[depth - 1].kv_path = true;
    } else if (strcmp(key, "encoding") == 0 &&
               (p = hushi_walk_short_value(lx, s, e, escaped, 16, &n))) {
        f->base64 = n == 6 && memcmp(p, "base64", 6) == 0;
    }
}

/* Leading auth scheme word of a header value ("Bearer ", "Basic "). */
static size_t scheme_length(const unsigned char *p, size_t n)
{
    /* ApiKey: Elasticsearch; SSWS: Okta. */
    static const char *const schemes[] = {"bearer ", "basic ", "digest ", "negotiate ",
                                          "ntlm ", "token ", "apikey ", "ssws "};
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++) {
        size_t k = strlen(schemes[i]);
        if (n > k && strncasecmp((const char *)p, schemes[i], k) == 0)
            return k;
    }
    return 0;
}

/* Authorization: Basic base64(user:password).  The password is the secret:
 * the base64 quads holding it are the finding (the user name's stay
 * readable), and the decoded pair is scanned, so a token used as the
 * password (an Azure DevOps PAT) is named by its own rule.  *done is false
 * when the value does not decode to such a pair. */
static hush_status_t basic_credential(hushi_view_walk_t *lx, const hushi_view_chain_t *outer,
                                      size_t ts, size_t te, int32_t rule, const char *context,
                                      bool *done)
{
    hushi_views_t *v = lx->v;
    hushi_view_chain_t chain = *outer;
    *done = false;
    if (!hushi_walk_push_base64(v, &chain, ts, te))
        return HUSH_OK;
    const hushi_decoded_t *dec = chain.layers[chain.count - 1].dec;
    const unsigned char *colon = memchr(dec->bytes, ':', dec->size);
    if (!colon)
        return HUSH_OK;
    *done = true;
    hush_status_t st = hushi_view_scan(v->sink, &chain);
    size_t password = (size_t)(colon - dec->bytes) + 1;
    if (st == HUSH_OK)
        st = hushi_view_structural(v->sink, &chain, password, dec->size, (uint32_t)rule, context,
                                   false);
    return st;
}

static hush_status_t structural_value(hushi_view_walk_t *lx, const hushi_member_value_t *member,
                                      int32_t rule, const char *context)
{
    hushi_views_t *v = lx->v;
    hushi_view_chain_t chain;
    size_t ts, te;
    hush_status_t st = hushi_walk_value_view(lx, member->start, member->end, member->escaped,
                                             HUSHI_LAYER_JSON, &chain, &ts, &te);
    if (st != HUSH_OK)
        return st;
    hushi_structure_kind_t kind = v->rules->rules[rule].structure;
    if (kind == HUSHI_STRUCTURE_NAME_VALUE) {
        size_t size;
        const unsigned char *text = hushi_chain_text(&chain, &size);
        size_t scheme = scheme_length(text + ts, te - ts);
        if (scheme == 6 && strncasecmp((const char *)text + ts, "basic ", 6) == 0) {
            bool done = false;
            st = basic_credential(lx, &chain, ts + scheme, te, rule, context, &done);
            if (st != HUSH_OK || done)
                return st;
        }
        ts += scheme;
    }
    return hushi_view_structural(v->sink, &chain, ts, te, (uint32_t)rule, context,
                                 kind == HUSHI_STRUCTURE_QUERY_PARAMETER);
}

/* A HAR body whose "encoding" is base64: decoded, and scanned when text. */
static hush_status_t base64_value(hushi_view_walk_t *lx, const hushi_member_value_t *member)
{
    hushi_view_chain_t chain;
    size_t ts, te;
    hush_status_t st = hushi_walk_value_view(lx, member->start, member->end, member->escaped,
                                             HUSHI_LAYER_JSON, &chain, &ts, &te);
    if (st != HUSH_OK || !hushi_walk_push_base64(lx->v, &chain, ts, te))
        return st; /* not base64 after all, or an image */
    st = hushi_walk_examine_text(lx->v, &chain, lx->nest);
    size_t size;
    hushi_chain_text(&chain, &size);
    return st == HUSH_OK ? hushi_html_examine(lx->v, &chain, 0, size, lx->nest) : st;
}

/* In the stream, bytes older than the longest wait may be gone: whether a
 * decision is made depends on offsets alone, so it is the same for any
 * split of the input. */
static bool waited_too_long(const hushi_view_walk_t *lx, const hushi_member_value_t *member,
                            uint64_t close)
{
    return lx->nest == 0 && close - member->start > HUSHI_VIEW_MAX_VALUE;
}

hush_status_t hushi_structural_decide(hushi_view_walk_t *lx, hushi_view_frame_t *f,
                                      uint64_t close)
{
    hushi_views_t *v = lx->v;
    hush_status_t st = HUSH_OK;
    if (f->value.set && !waited_too_long(lx, &f->value, close)) {
        if (f->name_rule >= 0)
            st = structural_value(lx, &f->value, f->name_rule, f->shown_name);
        else if (f->kv_id && v->names.keyvault_rule >= 0)
            st = structural_value(lx, &f->value, v->names.keyvault_rule, "value");
    }
    if (st == HUSH_OK && f->body_value.set && f->kv_path && v->names.keyvault_rule >= 0 &&
        !waited_too_long(lx, &f->body_value, close))
        st = structural_value(lx, &f->body_value, v->names.keyvault_rule, "body.value");
    if (st == HUSH_OK && f->text.set && f->base64 && !waited_too_long(lx, &f->text, close))
        st = base64_value(lx, &f->text);
    return st;
}
