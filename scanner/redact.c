/* See redact.h. */
#include <stdio.h>
#include <string.h>

#include "redact.h"

static int emit_stars(size_t count, hush_output_fn emit, void *ctx)
{
    static const char stars[64] = "****************************************************************";
    while (count > 0) {
        size_t n = count < sizeof stars ? count : sizeof stars;
        int rc = emit(ctx, stars, n);
        if (rc)
            return rc;
        count -= n;
    }
    return 0;
}

int hushi_mask_emit(const hushi_mask_request_t *req, hush_output_fn emit, void *ctx)
{
    char label[HUSH_ERROR_MAX];
    int n;
    switch (req->mask) {
    case HUSH_MASK_STARS:
        return emit_stars(req->size, emit, ctx);
    case HUSH_MASK_PARTIAL:
        if (!req->continuation && req->size >= HUSHI_PARTIAL_MIN_LEN) {
            /* Never keep half of an escape (\u00e9, %2B, a doubled quote):
             * the kept bytes stop before the first byte that starts one. */
            size_t keep = 0;
            while (keep < HUSHI_PARTIAL_KEEP && !strchr("\\%\"", req->secret[keep]))
                keep++;
            int rc = emit(ctx, req->secret, keep);
            return rc ? rc : emit_stars(req->size - keep, emit, ctx);
        }
        return emit_stars(req->size, emit, ctx);
    case HUSH_MASK_HASH:
        if (req->fingerprint && req->fingerprint[0]) {
            n = snprintf(label, sizeof label, "[REDACTED:%s:%.8s]", req->rule_id,
                         req->fingerprint);
            break;
        }
        /* without a key there is no fingerprint to show */
        __attribute__((fallthrough));
    case HUSH_MASK_LABEL:
    default:
        n = snprintf(label, sizeof label, "[REDACTED:%s]", req->rule_id);
        break;
    }
    return emit(ctx, label, (size_t)n < sizeof label ? (size_t)n : sizeof label - 1);
}
