/*
 * JSON Web Tokens: header.payload.signature, each part base64url.  Shared by
 * the "jwt" validator (validate.c) and the triage metadata (jwt_meta.c), so
 * both agree on what a JWT is.
 */
#ifndef HUSHI_JWT_H
#define HUSHI_JWT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/* Longer values are not decoded (a token this long is not a login token). */
#define HUSHI_JWT_MAX_SIZE (256u * 1024u)

typedef struct hushi_jwt {
    cJSON *header;  /* a JSON object with a string "alg" */
    cJSON *payload; /* a JSON object */
} hushi_jwt_t;

/* True when value[0..size) is a JWT: three base64url parts (the signature
 * may be empty: alg "none"), a header object with a string "alg" and a
 * payload object, each exactly one JSON object.  Free *out with
 * hushi_jwt_free; on false nothing needs freeing. */
bool hushi_jwt_decode(const unsigned char *value, size_t size, hushi_jwt_t *out);
void hushi_jwt_free(hushi_jwt_t *jwt);

#endif
