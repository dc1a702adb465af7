/*
 * JWT structure (jwt.h): split, base64url-decode and parse with cJSON.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "decode.h"
#include "jwt.h"
#include "span.h"

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

/* header.payload.signature: false unless there are exactly three parts,
 * each of base64url characters. */
#define HUSHI_JWT_PARTS 3
static bool split_parts(const unsigned char *v, size_t n, hushi_span_t part[HUSHI_JWT_PARTS])
{
    size_t count = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && v[i] != '.')
            continue;
        if (count == HUSHI_JWT_PARTS || !is_part(v + start, i - start))
            return false;
        part[count++] = (hushi_span_t){.p = v + start, .n = i - start};
        start = i + 1;
    }
    return count == HUSHI_JWT_PARTS;
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
            while (used < len && hushi_ascii_is_space(buf[used]))
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
    hushi_span_t part[HUSHI_JWT_PARTS];
    if (!split_parts(v, n, part))
        return false;
    out->header = decode_object(part[0].p, part[0].n);
    const cJSON *alg = cJSON_GetObjectItemCaseSensitive(out->header, "alg");
    if (cJSON_IsString(alg) && alg->valuestring)
        out->payload = decode_object(part[1].p, part[1].n);
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
