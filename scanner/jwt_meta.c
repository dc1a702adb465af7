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

#include "jwt_meta.h"
#include "validate.h"

/* Longer values are not decoded: no real JWT is this large (the same bound
 * as the jwt validator), and decoding costs a copy of the value. */
#define HUSH_JWT_META_MAX_INPUT (256u * 1024u)
/* The auth scheme a header value carries before its token. */
#define HUSH_BEARER_SCHEME "bearer"
#define HUSH_BEARER_SCHEME_SIZE (sizeof HUSH_BEARER_SCHEME - 1)
/* 9999-12-31T23:59:59Z: a larger "exp" is no date anyone issues, and would
 * not fit a calendar date when printed. */
#define HUSH_JWT_EXP_MAX 253402300799.0
/* A claim longer than its field is cut and ends with this. */
#define HUSH_META_CUT_MARK "..."
#define HUSH_META_CUT_MARK_SIZE (sizeof HUSH_META_CUT_MARK - 1)

typedef struct jwt_parts {
    const unsigned char *header, *payload;
    size_t header_size, payload_size;
} jwt_parts_t;

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
    if (*n > HUSH_BEARER_SCHEME_SIZE && is_blank(v[HUSH_BEARER_SCHEME_SIZE]) &&
        strncasecmp((const char *)v, HUSH_BEARER_SCHEME, HUSH_BEARER_SCHEME_SIZE) == 0) {
        v += HUSH_BEARER_SCHEME_SIZE;
        *n -= HUSH_BEARER_SCHEME_SIZE;
        while (*n > 0 && is_blank(v[0])) {
            v++;
            (*n)--;
        }
    }
    while (*n > 0 && is_blank(v[*n - 1]))
        (*n)--;
    return v;
}

static bool is_base64url_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           c == '-' || c == '_';
}

/* Base64url characters, optionally followed by '=' padding. */
static bool is_part(const unsigned char *v, size_t n)
{
    while (n > 0 && v[n - 1] == '=')
        n--;
    for (size_t i = 0; i < n; i++)
        if (!is_base64url_char(v[i]))
            return false;
    return true;
}

/* header.payload.signature, as the jwt validator accepts it (the signature
 * may be empty: alg "none"). */
static bool split_jwt(const unsigned char *v, size_t n, jwt_parts_t *out)
{
    if (n == 0 || n > HUSH_JWT_META_MAX_INPUT)
        return false;
    const unsigned char *dot1 = memchr(v, '.', n);
    if (!dot1)
        return false;
    const unsigned char *payload = dot1 + 1;
    const unsigned char *dot2 = memchr(payload, '.', n - (size_t)(payload - v));
    if (!dot2)
        return false;
    const unsigned char *sig = dot2 + 1;
    size_t sig_size = n - (size_t)(sig - v);
    *out = (jwt_parts_t){.header = v, .header_size = (size_t)(dot1 - v),
                         .payload = payload, .payload_size = (size_t)(dot2 - payload)};
    return out->header_size > 0 && out->payload_size > 0 && !memchr(sig, '.', sig_size) &&
           is_part(out->header, out->header_size) && is_part(out->payload, out->payload_size) &&
           is_part(sig, sig_size);
}

static bool is_json_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* One part decoded and parsed; NULL unless it is exactly one JSON object
 * (trailing whitespace allowed). */
static cJSON *decode_object(const unsigned char *v, size_t n)
{
    unsigned char *buf = malloc(n * 3 / 4 + 3);
    if (!buf)
        return NULL;
    size_t len = 0;
    cJSON *json = NULL;
    if (hush_base64_decode((const char *)v, n, buf, &len)) {
        const char *end = NULL;
        json = cJSON_ParseWithLengthOpts((const char *)buf, len, &end, false);
        if (json) {
            size_t used = (size_t)(end - (const char *)buf);
            while (used < len && is_json_space(buf[used]))
                used++;
            if (used != len || !cJSON_IsObject(json)) {
                cJSON_Delete(json);
                json = NULL;
            }
        }
    }
    free(buf);
    return json;
}

/* Copies at most size-1 bytes of `text`: printable ASCII as it is, any other
 * byte as '.', like a preview; a longer text is cut and ends with "...". */
static void copy_text(char *dst, size_t size, const char *text)
{
    size_t n = strlen(text);
    size_t max = size - 1;
    size_t keep = n <= max ? n : max - HUSH_META_CUT_MARK_SIZE;
    for (size_t i = 0; i < keep; i++) {
        unsigned char c = (unsigned char)text[i];
        dst[i] = c >= 0x20 && c < 0x7f ? (char)c : '.';
    }
    if (keep < n) {
        memcpy(dst + keep, HUSH_META_CUT_MARK, HUSH_META_CUT_MARK_SIZE);
        keep += HUSH_META_CUT_MARK_SIZE;
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
    if (!(seconds >= 0.0 && seconds <= HUSH_JWT_EXP_MAX))
        return;
    if (now == 0)
        now = (int64_t)time(NULL);
    out->has_exp = true;
    out->exp = (int64_t)seconds;
    out->expired = (double)now >= seconds;
}

bool hush_jwt_meta_read(const unsigned char *value, size_t size, int64_t now,
                        hush_finding_meta_t *out)
{
    memset(out, 0, sizeof *out);
    jwt_parts_t parts;
    const unsigned char *token = token_of(value, &size);
    if (!split_jwt(token, size, &parts))
        return false;
    cJSON *header = decode_object(parts.header, parts.header_size);
    cJSON *payload = header ? decode_object(parts.payload, parts.payload_size) : NULL;
    const cJSON *alg = member(header, "alg");
    bool ok = payload && cJSON_IsString(alg) && alg->valuestring;
    if (ok) {
        copy_text(out->alg, sizeof out->alg, alg->valuestring);
        read_string(payload, "iss", out->iss, sizeof out->iss);
        read_string(payload, "tid", out->tid, sizeof out->tid);
        read_audience(payload, out->aud, sizeof out->aud);
        read_string(payload, "appid", out->appid, sizeof out->appid);
        read_string(payload, "azp", out->azp, sizeof out->azp);
        read_expiry(payload, now, out);
    }
    cJSON_Delete(header);
    cJSON_Delete(payload);
    return ok;
}
