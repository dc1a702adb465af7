/*
 * See score.h.  The order of the checks matters: values that are certainly
 * not secrets (templates, code, paths) are dropped first; values that may be
 * real but weak (a default password, plain words, a keyboard run) are kept
 * at low confidence, hidden by default but there for `--min-confidence low`;
 * everything else is graded on entropy relative to its own alphabet, length
 * and character classes.  The shapes themselves (what a template, a path or
 * a name made of words looks like) are recognised in score_shape.c; this
 * file decides what each means for a candidate, and does the arithmetic.
 */
#include "score.h"

#include <math.h>
#include <string.h>

#include "ascii.h"
#include "entropy.h"
#include "placeholder.h"
#include "score_shape.h"
#include "span.h"

/* Shortest value each profile scores at all: people choose 4-character
 * passwords, no machine-made key is under 8. */
#define HUSHI_SCORE_MIN_PASSWORD 4
#define HUSHI_SCORE_MIN_GENERIC 8
/* Entropy ratios (see hushi_score_entropy_ratio): random values give about
 * 1.0, with 5% of them under 0.88 at 16 characters. */
#define HUSHI_SCORE_RATIO_RANDOM 0.88
#define HUSHI_SCORE_RATIO_MIXED 0.78
#define HUSHI_SCORE_RATIO_LOW 0.62
/* A term of the expected-entropy sum this small changes nothing. */
#define HUSHI_SCORE_NEGLIGIBLE 1e-12
/* Points at which a scored candidate reaches medium and high. */
#define HUSHI_SCORE_POINTS_MEDIUM 2
#define HUSHI_SCORE_POINTS_HIGH 4

static const char *const reason_names[] = {
    "ok",   "too short", "placeholder", "weak or documented value", "repeated", "sequence",
    "hash", "uuid",      "path or url", "code reference", "identifier", "words",
    "phrase", "public", "low entropy",
};

const char *hushi_score_reason_name(hushi_score_reason_t reason)
{
    return (size_t)reason < sizeof reason_names / sizeof *reason_names ? reason_names[reason] : "?";
}

bool hushi_score_profile_parse(const char *name, hushi_score_profile_t *out)
{
    if (strcmp(name, "generic") == 0)
        *out = HUSHI_SCORE_GENERIC;
    else if (strcmp(name, "password") == 0)
        *out = HUSHI_SCORE_PASSWORD;
    else
        return false;
    return true;
}

const char *hushi_score_profile_name(hushi_score_profile_t profile)
{
    switch (profile) {
    case HUSHI_SCORE_GENERIC:
        return "generic";
    case HUSHI_SCORE_PASSWORD:
        return "password";
    case HUSHI_SCORE_NONE:
        break;
    }
    return NULL;
}

/* Only the last line of the context is about this value. */
static hushi_span_t last_line(const unsigned char *context, size_t size)
{
    hushi_span_t s = {context, context ? size : 0};
    for (size_t i = s.n; i-- > 0;)
        if (s.p[i] == '\n') {
            s.p += i + 1;
            s.n -= i + 1;
            break;
        }
    return s;
}

/* ---- entropy relative to the alphabet ------------------------------------ */

static unsigned alphabet_size(hushi_span_t s)
{
    bool lower = false, upper = false, digit = false, b64 = false, other = false;
    bool hex_lower = true, hex_upper = true;
    for (size_t i = 0; i < s.n; i++) {
        unsigned char c = s.p[i];
        lower |= hushi_ascii_is_lower(c);
        upper |= hushi_ascii_is_upper(c);
        digit |= hushi_ascii_is_digit(c);
        b64 |= c == '+' || c == '/' || c == '-' || c == '_' || c == '=';
        other |= !hushi_ascii_is_alnum(c) && !(c == '+' || c == '/' || c == '-' || c == '_' || c == '=');
        hex_lower &= hushi_ascii_is_digit(c) || (c >= 'a' && c <= 'f');
        hex_upper &= hushi_ascii_is_digit(c) || (c >= 'A' && c <= 'F');
    }
    if (other)
        return 94;
    if (b64)
        return 64;
    if (!lower && !upper)
        return 10;
    if (hex_lower || hex_upper)
        return 16;
    if (lower && upper)
        return 62;
    return digit ? 36 : 26;
}

/* Expected Shannon entropy (bits per character) of n characters drawn
 * uniformly from k: each character's count is Binomial(n, 1/k). */
static double expected_entropy(size_t n, unsigned k)
{
    double p = 1.0 / k, sum = 0.0, mean = (double)n * p;
    for (size_t c = 1; c <= n; c++) {
        /* lgamma_r: plain lgamma writes the global signgam (a race between
         * scanners on several threads). */
        int sign;
        double log_pmf = lgamma_r((double)n + 1, &sign) - lgamma_r((double)c + 1, &sign) -
                         lgamma_r((double)(n - c) + 1, &sign) + c * log(p) +
                         (double)(n - c) * log1p(-p);
        double share = (double)c / (double)n;
        double term = exp(log_pmf) * share * log2(share);
        sum -= term;
        /* Past the mean the terms only shrink: stop once they no longer count. */
        if ((double)c > mean && -term < HUSHI_SCORE_NEGLIGIBLE)
            break;
    }
    return sum * k;
}

double hushi_score_entropy_ratio(const unsigned char *value, size_t size)
{
    hushi_span_t s = {value, size < HUSHI_SCORE_MAX_SCORED ? size : HUSHI_SCORE_MAX_SCORED};
    if (s.n < 2)
        return 0.0;
    double expected = expected_entropy(s.n, alphabet_size(s));
    return expected > 0 ? hushi_entropy_bits(s.p, s.n) / expected : 0.0;
}

/* ---- grading -------------------------------------------------------------- */

static unsigned class_count(hushi_span_t s)
{
    bool lower = false, upper = false, digit = false, symbol = false;
    for (size_t i = 0; i < s.n; i++) {
        lower |= hushi_ascii_is_lower(s.p[i]);
        upper |= hushi_ascii_is_upper(s.p[i]);
        digit |= hushi_ascii_is_digit(s.p[i]);
        symbol |= !hushi_ascii_is_alnum(s.p[i]);
    }
    return (unsigned)lower + upper + digit + symbol;
}

static bool has_secret_keyword(hushi_span_t context)
{
    static const char *const words[] = {"pass", "pwd", "secret", "token", "key", "auth",
                                        "credential", "private", "bearer", "session"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (hushi_span_contains_ci(context, words[i]))
            return true;
    return false;
}

static int entropy_points(double ratio)
{
    if (ratio >= HUSHI_SCORE_RATIO_RANDOM)
        return 2;
    if (ratio >= HUSHI_SCORE_RATIO_MIXED)
        return 1;
    return ratio < HUSHI_SCORE_RATIO_LOW ? -2 : 0;
}

static int generic_points(hushi_span_t s, hushi_span_t context, double ratio)
{
    int points = entropy_points(ratio);
    points += (s.n >= 20) + (s.n >= 32);
    unsigned classes = class_count(s);
    bool hex = hushi_span_all_nonempty(s, hushi_ascii_is_hex) && !hushi_span_all_nonempty(s, hushi_ascii_is_digit);
    points += classes >= 3 || (hex && s.n >= 32);
    points -= hushi_span_all_nonempty(s, hushi_ascii_is_digit);
    points += has_secret_keyword(context);
    return points;
}

static int password_points(hushi_span_t s, hushi_span_t context, double ratio)
{
    int points = entropy_points(ratio) > 0 ? 1 : 0;
    points += (s.n >= 8) + (s.n >= 12);
    unsigned classes = class_count(s);
    points += (classes >= 3) + (classes == 4) - (classes == 1);
    points -= !has_secret_keyword(context);
    return points;
}

static hushi_score_t verdict(bool keep, hush_confidence_t confidence, hushi_score_reason_t reason,
                             hush_confidence_t ceiling)
{
    return (hushi_score_t){.keep = keep,
                          .confidence = confidence < ceiling ? confidence : ceiling,
                          .reason = reason};
}

/* Checks that end the scoring early; true when *out is the verdict. */
static bool suppressed(hushi_score_profile_t profile, hushi_span_t s, hushi_span_t context,
                       hush_confidence_t ceiling, hushi_score_t *out)
{
    bool password = profile == HUSHI_SCORE_PASSWORD;
    size_t min = password ? HUSHI_SCORE_MIN_PASSWORD : HUSHI_SCORE_MIN_GENERIC;
    hushi_score_reason_t drop = HUSHI_SCORE_OK, low = HUSHI_SCORE_OK;
    hushi_words_t w;
    size_t run;
    if (s.n < min)
        drop = HUSHI_SCORE_TOO_SHORT;
    else if (hushi_shape_is_weak_or_documented(s))
        low = HUSHI_SCORE_WEAK_WORD;
    else if (hushi_shape_is_uuid(s))
        low = HUSHI_SCORE_UUID;
    else if (hushi_is_placeholder(s.p, s.n) || hushi_shape_is_escaped_template(s))
        drop = HUSHI_SCORE_PLACEHOLDER;
    else if (hushi_shape_is_repeated(s))
        drop = HUSHI_SCORE_REPEATED;
    else if (hushi_shape_is_hash(s, context))
        drop = HUSHI_SCORE_HASH;
    else if (hushi_shape_is_code_reference(s))
        drop = HUSHI_SCORE_CODE;
    else if (hushi_shape_is_path_or_url(s))
        drop = HUSHI_SCORE_PATH;
    else if ((run = hushi_shape_longest_sequence(s)) >= HUSHI_SCORE_SEQUENCE_RUN) {
        if (!password && run * 2 >= s.n)
            drop = HUSHI_SCORE_SEQUENCE;
        else
            low = HUSHI_SCORE_SEQUENCE;
    } else if (hushi_shape_split_words(s, &w) || hushi_shape_split_words(hushi_shape_without_edge_symbols(s), &w)) {
        /* A name of a setting is dropped, a phrase ("development#product")
         * may be a weak secret, one word is not a key. */
        if (w.naming > 0 && w.count > 1)
            drop = HUSHI_SCORE_IDENTIFIER;
        else if (password || w.count > 1)
            low = HUSHI_SCORE_WORDS;
        else
            drop = HUSHI_SCORE_WORDS;
    } else if (hushi_span_contains_ci(context, "public") || hushi_span_contains_ci(context, "publishable")) {
        low = HUSHI_SCORE_PUBLIC;
    }
    if (drop != HUSHI_SCORE_OK)
        *out = verdict(false, HUSH_CONFIDENCE_LOW, drop, ceiling);
    else if (low != HUSHI_SCORE_OK)
        *out = verdict(true, HUSH_CONFIDENCE_LOW, low, ceiling);
    return drop != HUSHI_SCORE_OK || low != HUSHI_SCORE_OK;
}

/* A pattern stops a value at a space: a quoted value that goes on with
 * another word after it is a phrase, and the candidate only its first word
 * ("password": "Content not shown due to security configuration."). */
static bool is_phrase_start(hushi_span_t before, const hushi_score_context_t *context)
{
    if (!context || context->after_size < 2 || before.n == 0)
        return false;
    unsigned char open = before.p[before.n - 1];
    const unsigned char *a = context->after;
    return (open == '"' || open == '\'') && (a[0] == ' ' || a[0] == '\t') && hushi_ascii_is_alpha(a[1]);
}

hushi_score_t hushi_score_candidate(hushi_score_profile_t profile, const unsigned char *value,
                                    size_t size, const hushi_score_context_t *context,
                                    hush_confidence_t ceiling)
{
    if (profile == HUSHI_SCORE_NONE)
        return verdict(true, ceiling, HUSHI_SCORE_OK, ceiling);
    hushi_span_t s = hushi_span_trim_blanks_unquote(value, size);
    hushi_span_t ctx = context ? last_line(context->before, context->before_size) : (hushi_span_t){NULL, 0};
    hushi_score_t out;
    if (s.n == 0)
        return verdict(false, HUSH_CONFIDENCE_LOW, HUSHI_SCORE_TOO_SHORT, ceiling);
    if (is_phrase_start(ctx, context))
        return verdict(false, HUSH_CONFIDENCE_LOW, HUSHI_SCORE_PHRASE, ceiling);
    if (suppressed(profile, s, ctx, ceiling, &out))
        return out;
    double ratio = hushi_score_entropy_ratio(s.p, s.n);
    int points = profile == HUSHI_SCORE_PASSWORD ? password_points(s, ctx, ratio)
                                                : generic_points(s, ctx, ratio);
    hush_confidence_t confidence = points >= HUSHI_SCORE_POINTS_HIGH     ? HUSH_CONFIDENCE_HIGH
                                   : points >= HUSHI_SCORE_POINTS_MEDIUM ? HUSH_CONFIDENCE_MEDIUM
                                                                        : HUSH_CONFIDENCE_LOW;
    hushi_score_reason_t reason = HUSHI_SCORE_OK;
    if (confidence == HUSH_CONFIDENCE_LOW && profile == HUSHI_SCORE_GENERIC &&
        entropy_points(ratio) < 0)
        reason = HUSHI_SCORE_LOW_ENTROPY;
    return verdict(true, confidence, reason, ceiling);
}
