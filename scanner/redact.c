/* See redact.h. */
#include <stdio.h>
#include <string.h>

#include "redact.h"

static bool is_line_break(unsigned char c)
{
    return c == '\n' || c == '\r';
}

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

/* '*' for every byte of `secret` but its line breaks, which stay as they are. */
static int emit_stars_keeping_lines(const unsigned char *secret, size_t size, hush_output_fn emit,
                                    void *ctx)
{
    size_t i = 0;
    while (i < size) {
        size_t run = i;
        while (run < size && !is_line_break(secret[run]))
            run++;
        int rc = emit_stars(run - i, emit, ctx);
        size_t breaks = run;
        while (breaks < size && is_line_break(secret[breaks]))
            breaks++;
        if (!rc && breaks > run)
            rc = emit(ctx, secret + run, breaks - run);
        if (rc)
            return rc;
        i = breaks;
    }
    return 0;
}

/* Only the line breaks of `secret`, in their order (a label's following lines). */
static int emit_line_breaks(const unsigned char *secret, size_t size, hush_output_fn emit,
                            void *ctx)
{
    for (size_t i = 0; i < size; i++) {
        if (!is_line_break(secret[i]))
            continue;
        size_t end = i;
        while (end < size && is_line_break(secret[end]))
            end++;
        int rc = emit(ctx, secret + i, end - i);
        if (rc)
            return rc;
        i = end - 1;
    }
    return 0;
}

int hushi_mask_emit(const hushi_mask_request_t *req, hush_output_fn emit, void *ctx)
{
    char label[HUSH_ERROR_MAX];
    int n;
    switch (req->mask) {
    case HUSH_MASK_STARS:
        return emit_stars_keeping_lines(req->secret, req->size, emit, ctx);
    case HUSH_MASK_PARTIAL:
        if (!req->continuation && req->size >= HUSHI_PARTIAL_MIN_LEN) {
            /* Never keep half of an escape (\u00e9, %2B, a doubled quote):
             * the kept bytes stop before the first byte that starts one,
             * and before a line break (the following lines are stars). */
            size_t keep = 0;
            while (keep < HUSHI_PARTIAL_KEEP && !strchr("\\%\"", req->secret[keep]) &&
                   !is_line_break(req->secret[keep]))
                keep++;
            int rc = emit(ctx, req->secret, keep);
            return rc ? rc
                      : emit_stars_keeping_lines(req->secret + keep, req->size - keep, emit, ctx);
        }
        return emit_stars_keeping_lines(req->secret, req->size, emit, ctx);
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
    int rc = emit(ctx, label, (size_t)n < sizeof label ? (size_t)n : sizeof label - 1);
    return rc ? rc : emit_line_breaks(req->secret, req->size, emit, ctx);
}
