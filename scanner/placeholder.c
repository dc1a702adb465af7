/*
 * Placeholder detection (placeholder.h): the whole value is a slot (a
 * template, an expression, a mask, a word naming the secret, a published
 * emulator key), or it has a secret's shape around a filler body.
 */
#include "placeholder.h"

#include <string.h>

#include "ascii.h"
#include "span.h"

/* A run this long of one character, or of consecutive characters
 * ("12345678", "abcdefgh"), is typed by a person, not drawn at random:
 * a random base62 value shows one with odds near 40 * 62^-7. */
#define HUSHI_PLACEHOLDER_MIN_RUN 8
/* ...and covers at least 1/3 of the value. */
#define HUSHI_PLACEHOLDER_RUN_SHARE 3
/* "xxxx" / "XXXX" stand for masked characters.  Four in a row anywhere
 * would hit about 1 random 40-character secret in 200,000, so a run of 4
 * counts only at an edge or next to punctuation; 6 count anywhere. */
#define HUSHI_PLACEHOLDER_MIN_X_RUN 4
#define HUSHI_PLACEHOLDER_LONG_X_RUN 6
/* Longest marker word below. */
#define HUSHI_PLACEHOLDER_MAX_WORD 16
/* People type placeholders short.  In longer values (JWTs, PEM bodies) the
 * short markers and short x-runs are skipped: over thousands of random
 * characters their odds of appearing by chance stop being negligible. */
#define HUSHI_PLACEHOLDER_TYPED_MAX 128
#define HUSHI_PLACEHOLDER_LONG_WORD 8

static bool all_one_char(hushi_span_t s)
{
    for (size_t i = 1; i < s.n; i++)
        if (s.p[i] != s.p[0])
            return false;
    return true;
}

/* Longest run where each character equals the previous plus `step`. */
static size_t longest_run(hushi_span_t s, int step)
{
    size_t best = s.n > 0 ? 1 : 0, run = 1;
    for (size_t i = 1; i < s.n; i++) {
        run = ((int)s.p[i] - (int)s.p[i - 1] == step) ? run + 1 : 1;
        if (run > best)
            best = run;
    }
    return best;
}

/* "%NAME%" (Windows), "$NAME" / "$env:NAME" (shells; upper case only, so a
 * password like "$ecret1" still counts). */
static bool is_variable_reference(hushi_span_t s)
{
    if (s.n >= 3 && s.p[0] == '%' && s.p[s.n - 1] == '%') {
        hushi_span_t inner = {s.p + 1, s.n - 2};
        return hushi_span_all(inner, hushi_ascii_is_ident) && !(inner.p[0] >= '0' && inner.p[0] <= '9');
    }
    if (s.n >= 2 && s.p[0] == '$') {
        hushi_span_t name = {s.p + 1, s.n - 1};
        if (hushi_span_starts_with(name, "env:")) {
            name.p += 4;
            name.n -= 4;
            return name.n > 0 && hushi_span_all(name, hushi_ascii_is_ident);
        }
        for (size_t i = 0; i < name.n; i++) {
            unsigned char c = name.p[i];
            if (!((c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9')))
                return false;
        }
        return true;
    }
    return false;
}

/* "@parameters('x')", "@body('Get_secret')?['value']", "@{outputs('x')}",
 * "@Microsoft.KeyVault(SecretUri=...)", and ARM "[parameters('x')]". */
static bool is_workflow_expression(hushi_span_t s)
{
    if (hushi_span_starts_with(s, "@{") && hushi_span_ends_with(s, "}"))
        return true;
    if (s.n == 0 || (s.p[0] != '@' && s.p[0] != '[') || (s.p[0] == '[' && !hushi_span_ends_with(s, "]")))
        return false;
    /* A function name (dots allowed: Microsoft.KeyVault), then "(" ... ")". */
    size_t i = 1;
    while (i < s.n && (hushi_ascii_is_ident(s.p[i]) || s.p[i] == '.'))
        i++;
    bool named = i > 1 && !(s.p[1] >= '0' && s.p[1] <= '9');
    return named && i < s.n && s.p[i] == '(' && memchr(s.p + i, ')', s.n - i) != NULL;
}

/* The whole value is a template slot: <your-key>, ${VAR}, {{ var }}, $(VAR),
 * #{VAR}#, {name}, or one of the expression forms above. */
static bool is_template(hushi_span_t s)
{
    if (s.n < 2)
        return false;
    if (s.p[0] == '<' && s.p[s.n - 1] == '>')
        return true;
    if ((hushi_span_starts_with(s, "${") || hushi_span_starts_with(s, "#{") || hushi_span_starts_with(s, "{")) &&
        (hushi_span_ends_with(s, "}") || hushi_span_ends_with(s, "}#")))
        return true;
    if (hushi_span_starts_with(s, "$(") && hushi_span_ends_with(s, ")"))
        return true;
    /* References a platform resolves at run time: Azure Container Apps
     * (secretref:, keyvaultref:) and App Service Key Vault references. */
    if (hushi_span_starts_with(s, "secretref:") || hushi_span_starts_with(s, "keyvaultref:") ||
        hushi_span_starts_with(s, "@Microsoft.KeyVault("))
        return true;
    return is_variable_reference(s) || is_workflow_expression(s);
}

/* Whole values that name a secret instead of being one. */
static bool is_placeholder_word(hushi_span_t s)
{
    static const char *const words[] = {
        "password", "passwd", "pass",  "pwd",       "secret",   "changeme", "placeholder",
        "dummy",    "example", "sample", "null",    "none",     "nil",      "undefined",
        "empty",    "todo",    "tbd",    "string",  "value",    "token",    "key",
        "apikey",   "api_key", "api-key", "true",   "false",    "hidden",   "masked",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (hushi_span_equals_lower(s, words[i]))
            return true;
    return false;
}

/* True when `word` (given in lower case) occurs as written, Capitalised or
 * in UPPER case.  Mixed case is left out on purpose: random secrets mix
 * case, people writing a placeholder rarely do, and each extra form would
 * raise the odds of hitting a real secret. */
static bool contains_word(hushi_span_t s, const char *word)
{
    char forms[3][HUSHI_PLACEHOLDER_MAX_WORD + 1];
    size_t w = strlen(word);
    if (w > HUSHI_PLACEHOLDER_MAX_WORD || w > s.n)
        return false;
    bool capitalised = false;
    for (size_t i = 0; i <= w; i++) {
        unsigned char c = (unsigned char)word[i];
        bool letter = c >= 'a' && c <= 'z';
        forms[0][i] = (char)c;
        forms[1][i] = (char)(letter && !capitalised ? c - 'a' + 'A' : c);
        forms[2][i] = (char)(letter ? c - 'a' + 'A' : c);
        capitalised = capitalised || letter;
    }
    for (size_t f = 0; f < 3; f++)
        if (memmem(s.p, s.n, forms[f], w) != NULL)
            return true;
    return false;
}

/* A run of x's standing for masked characters: long, or short but set off
 * by punctuation or the value's ends ("sk_live_xxxx", "xxxx-xxxx"). */
static bool has_x_mask(hushi_span_t s, unsigned char x, bool short_runs)
{
    for (size_t i = 0; i < s.n;) {
        if (s.p[i] != x) {
            i++;
            continue;
        }
        size_t end = i;
        while (end < s.n && s.p[end] == x)
            end++;
        size_t run = end - i;
        bool open_left = i == 0 || !hushi_ascii_is_alnum(s.p[i - 1]);
        bool open_right = end == s.n || !hushi_ascii_is_alnum(s.p[end]);
        if (run >= HUSHI_PLACEHOLDER_LONG_X_RUN ||
            (short_runs && run >= HUSHI_PLACEHOLDER_MIN_X_RUN && (open_left || open_right)))
            return true;
        i = end;
    }
    return false;
}

/* True for a short marker made only of characters random secrets use,
 * which a long random value may contain by chance. */
static bool could_be_random(const char *marker)
{
    size_t n = strlen(marker);
    if (n >= HUSHI_PLACEHOLDER_LONG_WORD)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)marker[i];
        if (!hushi_ascii_is_alnum(c) && !strchr("+/-_.~=", c))
            return false;
    }
    return true;
}

/* Substrings that only a person writes into a value, each long enough (5+
 * characters) or made of punctuation no random alphabet has, so that a
 * random secret contains one with negligible odds.
 * "test" is deliberately absent: it is short, and real secrets are often
 * used in test systems. */
static bool has_placeholder_marker(hushi_span_t s)
{
    static const char *const words[] = {
        "redacted",    "changeme",   "change_me",  "change-me",  "placeholder", "dummy",
        "example",     "your_",      "your-",      "your.",      "yourpassword", "yoursecret",
        "yourkey",     "yourtoken",  "yourapi",    "yourclient", "youraccess",  "yourapp",
        "youraccount", "[filtered",  "[masked",    "[hidden",    "[removed",    "not_a_real",
        "not-a-real",  "notareal",   "insert_",    "insert-",    "_here",       "-here",
    };
    /* CamelCase spellings people use, matched exactly as written. */
    static const char *const markers[] = {
        "ChangeMe",  "changeMe",   "YourApi",    "YourPass",   "YourSecret", "YourKey",
        "YourToken", "YourClient", "YourAccess", "YourApp",    "YourAccount",
        "Content not shown due to security configuration",
        "***",
        "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2", /* three bullets, as password fields show */
    };
    bool typed = s.n <= HUSHI_PLACEHOLDER_TYPED_MAX;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if ((typed || !could_be_random(words[i])) && contains_word(s, words[i]))
            return true;
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        if ((typed || !could_be_random(markers[i])) && hushi_span_contains(s, markers[i]))
            return true;
    return has_x_mask(s, 'x', typed) || has_x_mask(s, 'X', typed);
}

/* Keys that vendors publish for their local emulators: they open nothing
 * but a developer's own emulator, and they appear in countless samples. */
static const char *const published_emulator_keys[] = {
    /* Azurite / Azure Storage emulator, account devstoreaccount1 */
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    /* Azure Cosmos DB emulator */
    "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
};

static bool is_published_emulator_key(hushi_span_t s)
{
    for (size_t i = 0; i < sizeof published_emulator_keys / sizeof *published_emulator_keys; i++)
        if (hushi_span_equals(s, published_emulator_keys[i]))
            return true;
    return false;
}

/* What a masking tool or a form leaves where the value was. */
static bool is_mask(hushi_span_t s)
{
    static const char *const masks[] = {
        "Content not shown due to security configuration", "***",
        "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2", "[filtered", "[masked", "[hidden", "[removed",
    };
    for (size_t i = 0; i < sizeof masks / sizeof masks[0]; i++)
        if (hushi_span_contains(s, masks[i]))
            return true;
    return contains_word(s, "redacted");
}

hushi_placeholder_t hushi_placeholder_kind(const unsigned char *value, size_t size)
{
    hushi_span_t s = hushi_span_trim_whitespace_unquote(value, size);
    if (s.n == 0 || is_published_emulator_key(s) || is_template(s) || is_placeholder_word(s) ||
        is_mask(s))
        return HUSHI_PLACEHOLDER_SLOT;
    if (all_one_char(s) || has_placeholder_marker(s))
        return HUSHI_PLACEHOLDER_LOOKALIKE;
    /* A run only marks a placeholder when it is a large part of the value:
     * real encoded keys contain long runs too (an OpenSSH key's header
     * decodes to zero bytes, "AAAAAAAA"). */
    size_t run = longest_run(s, 0), ascending = longest_run(s, 1);
    if (ascending > run)
        run = ascending;
    return run >= HUSHI_PLACEHOLDER_MIN_RUN && run * HUSHI_PLACEHOLDER_RUN_SHARE >= s.n
               ? HUSHI_PLACEHOLDER_LOOKALIKE
               : HUSHI_PLACEHOLDER_NONE;
}

bool hushi_is_placeholder(const unsigned char *value, size_t size)
{
    return hushi_placeholder_kind(value, size) != HUSHI_PLACEHOLDER_NONE;
}
