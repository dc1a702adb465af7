/*
 * Triage facts of a JWT (the finding's `meta`): the signing algorithm, who
 * issued the token, for which tenant, audience and client, and whether it
 * has expired.  Only these claims are read; the signature and every claim
 * about a person (name, upn, email, oid, ...) are never copied.
 */
#ifndef HUSHI_JWT_META_H
#define HUSHI_JWT_META_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hush.h"

/* Fills *out and returns true when `value` is a JWT: three base64url parts
 * (the signature may be empty), a header that is a JSON object with a string
 * "alg" and a payload that is a JSON object.  A leading "Bearer " (any case)
 * is skipped, so a structural finding of an Authorization header value gets
 * the meta of its token.  `now` is seconds since the epoch; 0 reads the
 * clock.  Returns false, and leaves *out zeroed, for anything else. */
bool hushi_jwt_meta_read(const unsigned char *value, size_t size, int64_t now,
                         hush_finding_meta_t *out);

#endif
