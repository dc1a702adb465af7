/*
 * JWT structure (jwt.h): split, base64url-decode and parse with cJSON.
 */
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "jwt.h"

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
    if (n > 0 && hushi_base64_decode((const char *)v, n, buf, &len)) {
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

bool hushi_jwt_decode(const unsigned char *v, size_t n, hushi_jwt_t *out)
{
    *out = (hushi_jwt_t){0};
    if (n == 0 || n > HUSHI_JWT_MAX_SIZE)
        return false;
    const unsigned char *dot1 = memchr(v, '.', n);
    if (!dot1)
        return false;
    size_t header_n = (size_t)(dot1 - v);
    const unsigned char *payload = dot1 + 1;
    size_t rest = n - header_n - 1;
    const unsigned char *dot2 = memchr(payload, '.', rest);
    if (!dot2)
        return false;
    size_t payload_n = (size_t)(dot2 - payload);
    const unsigned char *sig = dot2 + 1;
    size_t sig_n = rest - payload_n - 1;
    if (memchr(sig, '.', sig_n) || !is_part(v, header_n) || !is_part(payload, payload_n) ||
        !is_part(sig, sig_n))
        return false;
    out->header = decode_object(v, header_n);
    const cJSON *alg = cJSON_GetObjectItemCaseSensitive(out->header, "alg");
    if (cJSON_IsString(alg) && alg->valuestring)
        out->payload = decode_object(payload, payload_n);
    if (!out->payload) {
        hushi_jwt_free(out);
        return false;
    }
    return true;
}

void hushi_jwt_free(hushi_jwt_t *jwt)
{
    cJSON_Delete(jwt->header);
    cJSON_Delete(jwt->payload);
    *jwt = (hushi_jwt_t){0};
}
