/*
 * See jwt_meta.h.  A responder who finds a leaked token first asks whose it
 * is and whether it still works; the header and payload answer that without
 * anyone decoding the token by hand (and so copying it somewhere).
 *
 * Claims (RFC 7519 and the Entra ID access token reference): "iss", "aud",
 * "exp" (NumericDate: seconds since the epoch, a JSON number), and Entra's
 * "tid" (tenant), "appid" (v1 client id) and "azp" (v2 client id).
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "jwt.h"
#include "jwt_meta.h"

/* The auth scheme a header value carries before its token. */
#define HUSHI_BEARER_SCHEME "bearer"
#define HUSHI_BEARER_SCHEME_SIZE (sizeof HUSHI_BEARER_SCHEME - 1)
/* 9999-12-31T23:59:59Z: a larger "exp" is no date anyone issues, and would
 * not fit a calendar date when printed. */
#define HUSHI_JWT_EXP_MAX 253402300799.0
/* A claim longer than its field is cut and ends with this. */
#define HUSHI_META_CUT_MARK "..."
#define HUSHI_META_CUT_MARK_SIZE (sizeof HUSHI_META_CUT_MARK - 1)

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* The token without surrounding blanks and a leading "Bearer ". */
static const unsigned char *token_of(const unsigned char *v, size_t *n)
{
    while (*n > 0 && is_blank(v[0])) {
        v++;
        (*n)--;
    }
    if (*n > HUSHI_BEARER_SCHEME_SIZE && is_blank(v[HUSHI_BEARER_SCHEME_SIZE]) &&
        strncasecmp((const char *)v, HUSHI_BEARER_SCHEME, HUSHI_BEARER_SCHEME_SIZE) == 0) {
        v += HUSHI_BEARER_SCHEME_SIZE;
        *n -= HUSHI_BEARER_SCHEME_SIZE;
        while (*n > 0 && is_blank(v[0])) {
            v++;
            (*n)--;
        }
    }
    while (*n > 0 && is_blank(v[*n - 1]))
        (*n)--;
    return v;
}

/* Copies at most size-1 bytes of `text`: printable ASCII as it is, any other
 * byte as '.', like a preview; a longer text is cut and ends with "...". */
static void copy_text(char *dst, size_t size, const char *text)
{
    size_t n = strlen(text);
    size_t max = size - 1;
    size_t keep = n <= max ? n : max - HUSHI_META_CUT_MARK_SIZE;
    for (size_t i = 0; i < keep; i++) {
        unsigned char c = (unsigned char)text[i];
        dst[i] = c >= 0x20 && c < 0x7f ? (char)c : '.';
    }
    if (keep < n) {
        memcpy(dst + keep, HUSHI_META_CUT_MARK, HUSHI_META_CUT_MARK_SIZE);
        keep += HUSHI_META_CUT_MARK_SIZE;
    }
    dst[keep] = '\0';
}

static const cJSON *member(const cJSON *object, const char *name)
{
    return cJSON_GetObjectItemCaseSensitive(object, name);
}

/* A claim of any other type than string is ignored: its field stays "". */
static void read_string(const cJSON *object, const char *name, char *dst, size_t size)
{
    const cJSON *item = member(object, name);
    if (cJSON_IsString(item) && item->valuestring)
        copy_text(dst, size, item->valuestring);
}

/* "aud" is a string or an array of them: the first string of an array is
 * kept, which is the only one in the tokens Entra issues. */
static void read_audience(const cJSON *payload, char *dst, size_t size)
{
    const cJSON *aud = member(payload, "aud");
    if (cJSON_IsArray(aud)) {
        const cJSON *item = NULL;
        const cJSON *first = NULL;
        cJSON_ArrayForEach(item, aud) {
            if (cJSON_IsString(item)) {
                first = item;
                break;
            }
        }
        aud = first;
    }
    if (cJSON_IsString(aud) && aud->valuestring)
        copy_text(dst, size, aud->valuestring);
}

/* Expired when now >= exp (RFC 7519 4.1.4: the token must not be accepted
 * on or after that time); no clock-skew allowance, the time is a fact. */
static void read_expiry(const cJSON *payload, int64_t now, hush_finding_meta_t *out)
{
    const cJSON *exp = member(payload, "exp");
    if (!cJSON_IsNumber(exp))
        return;
    double seconds = exp->valuedouble;
    if (!(seconds >= 0.0 && seconds <= HUSHI_JWT_EXP_MAX))
        return;
    if (now == 0)
        now = (int64_t)time(NULL);
    out->has_exp = true;
    out->exp = (int64_t)seconds;
    out->expired = (double)now >= seconds;
}

bool hushi_jwt_meta_read(const unsigned char *value, size_t size, int64_t now,
                         hush_finding_meta_t *out)
{
    memset(out, 0, sizeof *out);
    hushi_jwt_t jwt;
    const unsigned char *token = token_of(value, &size);
    if (!hushi_jwt_decode(token, size, &jwt))
        return false;
    /* hushi_jwt_decode checked that "alg" is a string. */
    copy_text(out->alg, sizeof out->alg, member(jwt.header, "alg")->valuestring);
    read_string(jwt.payload, "iss", out->iss, sizeof out->iss);
    read_string(jwt.payload, "tid", out->tid, sizeof out->tid);
    read_audience(jwt.payload, out->aud, sizeof out->aud);
    read_string(jwt.payload, "appid", out->appid, sizeof out->appid);
    read_string(jwt.payload, "azp", out->azp, sizeof out->azp);
    read_expiry(jwt.payload, now, out);
    hushi_jwt_free(&jwt);
    return true;
}
