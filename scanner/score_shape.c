/*
 * Shapes of values (score_shape.h): the checks that tell a value a person
 * or a program wrote from one drawn at random.  What a shape means for a
 * candidate (dropped, or kept at low confidence) is decided in score.c.
 */
#include "score_shape.h"

#include <string.h>
#include <strings.h>

#include "ascii.h"

/* A value made of one unit of at most this many characters, repeated. */
#define HUSHI_SCORE_MAX_PERIOD 8
/* Longest word-like token, and the longest consonant run a word has
 * ("strengths" has 4). */
#define HUSHI_SCORE_MAX_WORD 64
#define HUSHI_SCORE_MAX_CONSONANT_RUN 4
/* Share of vowels (with y) a word has, in percent: English words sit near
 * 40 ("string" 17, "strength" 13), random letters near 23: the consonant
 * pair and rare letter checks tell those apart. */
#define HUSHI_SCORE_MIN_VOWEL_PERCENT 12
#define HUSHI_SCORE_MAX_VOWEL_PERCENT 75
/* At most one in this many letters may be rare (j x z v, q without u), and as many
 * consonant pairs uncommon in English. */
#define HUSHI_SCORE_RARE_SHARE 8
/* Tokens this short pass as words (acronyms: smtp, ldap, db). */
#define HUSHI_SCORE_SHORT_WORD 4
/* Segments of an absolute path this short pass as names ("/u/x1"). */
#define HUSHI_SCORE_SHORT_SEGMENT 8
/* Identifiers: at most this many digits, all at the end ("password2"). */
#define HUSHI_SCORE_IDENT_DIGITS 4
/* Characters that separate the words of a name or a phrase. */
#define HUSHI_SCORE_WORD_SEPARATORS "_-.$ #:"
/* Symbols people tack onto a word to satisfy a password policy. */
#define HUSHI_SCORE_EDGE_SYMBOLS 3
/* Shortest name taken for a function in a call ("get("). */
#define HUSHI_SCORE_MIN_CALL 3
/* Shortest upper-case name taken for a variable after '$' ("$API"). */
#define HUSHI_SCORE_MIN_VARIABLE 3

/* ---- values people write ----------------------------------------------- */

/* Defaults and values published in documentation (RFC 6749/6750/7617
 * examples, database docs, vendor quick-starts).  A real system may still
 * use one, so they stay findings, at low confidence. */
bool hushi_shape_is_weak_or_documented(hushi_span_t s)
{
    static const char *const values[] = {
        "password", "passwd", "pass", "pwd", "secret", "changeme", "changeit", "admin",
        "administrator", "root", "toor", "guest", "letmein", "welcome", "qwerty", "default",
        "test", "testing", "hunter2", "trustno1", "master", "login", "mypassword",
        "mysecret", "mypass", "mysecretpassword", "my-secret-pw", "secretpassword",
        "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "pa$$word", "pa$$w0rd",
        "opensesame", "open sesame", "open_sesame", "open-sesame", "vmware1!",
        "mF_9.B5f-4.1JqM", "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA",
        "SplxlOBeZQQYbYS6WxSbIA", "7Fjfp0ZBr1KtDRbnfVdmIw", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        "D1fficult", "D1fficultP%40ssw0rd", "D1fficultP@ssw0rd", "foobared", "tiger",
    };
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        if (strlen(values[i]) == s.n && strncasecmp((const char *)s.p, values[i], s.n) == 0)
            return true;
    return false;
}

/* Written by a person or a program, never drawn at random: a template slot
 * in HTML or XML ("&lt;your-password&gt;"), an elided or format-string
 * value, a doubled-percent setting reference. */
bool hushi_shape_is_escaped_template(hushi_span_t s)
{
    if (s.n > 8 && hushi_span_starts_with_ci(s, "&lt;") &&
        strncasecmp((const char *)s.p + s.n - 4, "&gt;", 4) == 0)
        return true;
    /* An elided value ("sk-...T3Bl...") or a format string ("k%s-%s"). */
    for (size_t i = 0; i + 1 < s.n; i++) {
        if ((s.p[i] == '.' && i + 2 < s.n && s.p[i + 1] == '.' && s.p[i + 2] == '.') ||
            (s.p[i] == '%' && s.p[i + 1] == 's'))
            return true;
        if (s.p[i] == 0xe2 && i + 2 < s.n && s.p[i + 1] == 0x80 && s.p[i + 2] == 0xa6)
            return true; /* "…" in UTF-8 */
    }
    /* "%%DB_PASSWORD%%": a setting reference written with doubled percents. */
    if (s.n > 4 && s.p[0] == '%' && s.p[1] == '%' && s.p[s.n - 1] == '%' && s.p[s.n - 2] == '%') {
        hushi_span_t inner = {s.p + 2, s.n - 4};
        return hushi_span_all_nonempty(inner, hushi_ascii_is_ident);
    }
    return false;
}

/* One unit repeated ("abcabcabc"), or two or fewer distinct characters. */
bool hushi_shape_is_repeated(hushi_span_t s)
{
    for (size_t period = 1; period <= HUSHI_SCORE_MAX_PERIOD && 2 * period <= s.n; period++) {
        size_t i = period;
        while (i < s.n && s.p[i] == s.p[i - period])
            i++;
        if (i == s.n)
            return true;
    }
    unsigned char a = s.p[0], b = 0;
    bool two = false;
    for (size_t i = 1; i < s.n; i++) {
        if (s.p[i] == a || (two && s.p[i] == b))
            continue;
        if (two)
            return false;
        b = s.p[i];
        two = true;
    }
    return s.n >= HUSHI_SCORE_SEQUENCE_RUN;
}

/* Longest stretch of `s` that runs along `seq` (either direction, case
 * ignored). */
static size_t run_along(const unsigned char *v, size_t n, const char *seq)
{
    size_t best = 0, len = strlen(seq);
    for (size_t i = 0; i < n; i++) {
        const char *at = memchr(seq, hushi_ascii_to_lower(v[i]), len);
        if (!at)
            continue;
        size_t pos = (size_t)(at - seq);
        for (int dir = -1; dir <= 1; dir += 2) {
            size_t k = 1;
            long p = (long)pos + dir;
            while (i + k < n && p >= 0 && (size_t)p < len && hushi_ascii_to_lower(v[i + k]) == (unsigned char)seq[p]) {
                k++;
                p += dir;
            }
            if (k > best)
                best = k;
        }
    }
    return best;
}

/* Longest keyboard or alphabet run, also among the letters alone, which
 * catches made-up values like "a1b2c3d4e5f6". */
size_t hushi_shape_longest_sequence(hushi_span_t s)
{
    static const char *const rows[] = {"abcdefghijklmnopqrstuvwxyz", "01234567890",
                                       "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop",
                                       "azertyuiop", "1qaz2wsx3edc4rfv"};
    size_t best = 0;
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        size_t run = run_along(s.p, s.n, rows[r]);
        if (run > best)
            best = run;
    }
    /* Hex has six letters only: in order by chance too often. */
    if (hushi_span_all_nonempty(s, hushi_ascii_is_hex))
        return best;
    unsigned char letters[HUSHI_SCORE_MAX_SCORED];
    size_t count = 0;
    for (size_t i = 0; i < s.n && count < sizeof letters; i++)
        if (hushi_ascii_is_alpha(s.p[i]))
            letters[count++] = s.p[i];
    size_t run = run_along(letters, count, rows[0]);
    return run > best ? run : best;
}

bool hushi_shape_is_uuid(hushi_span_t s)
{
    static const size_t dashes[] = {8, 13, 18, 23};
    if (s.n == 38 && s.p[0] == '{' && s.p[37] == '}') {
        s.p++;
        s.n -= 2;
    }
    if (s.n != 36)
        return false;
    for (size_t i = 0, d = 0; i < s.n; i++) {
        if (d < 4 && i == dashes[d]) {
            if (s.p[i] != '-')
                return false;
            d++;
        } else if (!hushi_ascii_is_hex(s.p[i])) {
            return false;
        }
    }
    return true;
}

/* A digest: hex of a hash's length beside a word naming one, or an
 * algorithm-prefixed value ("sha256:...", Subresource Integrity "sha512-..."). */
bool hushi_shape_is_hash(hushi_span_t s, hushi_span_t context)
{
    static const char *const prefixes[] = {"sha1:", "sha256:", "sha384:", "sha512:", "md5:",
                                           "sha1-", "sha256-", "sha384-", "sha512-"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (hushi_span_starts_with_ci(s, prefixes[i]))
            return true;
    static const size_t lengths[] = {32, 40, 56, 64, 96, 128};
    bool hash_length = false;
    for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++)
        hash_length |= s.n == lengths[i];
    if (!hash_length || !hushi_span_all_nonempty(s, hushi_ascii_is_hex))
        return false;
    static const char *const words[] = {"sha1", "sha2", "sha256", "sha512", "md5", "hash",
                                        "digest", "checksum", "etag", "commit", "integrity",
                                        "fingerprint", "revision"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (hushi_span_contains_ci(context, words[i]))
            return true;
    return false;
}

/* ---- words and identifiers ------------------------------------------------ */

static bool is_vowel(unsigned char c)
{
    return strchr("aeiouy", hushi_ascii_to_lower(c)) != NULL;
}

/* Consonant pairs common in English words; a random string of letters
 * has many others ("qz", "xk", "vb"). */
static const char common_consonant_pairs[] =
    "th st nd ng ch sh ck ll ss tt rd rt rs nt ns ts ld lt pr tr br cr dr fr gr pl bl cl fl "
    "gl sl sp sc sk sm sn sw wh ph gh wr kn mp mb nc nk rk rm rn rp rl lk lm lp ft pt ct xt "
    "ff pp mm nn rr dd gg bb cc ls ks ds ms ps gs ws rg rc rv rb nf nl nv lf lv lb mn gn dg "
    "tw dw ht xp xc rf rw lc";

static bool common_pair(unsigned char a, unsigned char b)
{
    /* Pairs sit at every third character: "th st nd ...". */
    for (size_t i = 0; i + 1 < sizeof common_consonant_pairs - 1; i += 3)
        if ((unsigned char)common_consonant_pairs[i] == a &&
            (unsigned char)common_consonant_pairs[i + 1] == b)
            return true;
    return false;
}

/* A letters-only token that reads like a word: vowels in proportion, no
 * long consonant cluster, few uncommon consonant pairs and few of the
 * letters English rarely uses.  About 2% of random 16-letter strings pass. */
static bool pronounceable(const unsigned char *t, size_t n)
{
    if (n <= HUSHI_SCORE_SHORT_WORD)
        return true;
    size_t vowels = 0, run = 0, longest = 0, rare = 0, odd = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = hushi_ascii_to_lower(t[i]);
        bool v = is_vowel(c);
        vowels += v;
        run = v ? 0 : run + 1;
        longest = run > longest ? run : longest;
        rare += strchr("jxzv", c) != NULL || (c == 'q' && (i + 1 == n || hushi_ascii_to_lower(t[i + 1]) != 'u'));
        if (i > 0 && !v && !is_vowel(t[i - 1]) && !common_pair(hushi_ascii_to_lower(t[i - 1]), c))
            odd++;
    }
    return vowels * 100 >= n * HUSHI_SCORE_MIN_VOWEL_PERCENT &&
           vowels * 100 <= n * HUSHI_SCORE_MAX_VOWEL_PERCENT &&
           longest <= HUSHI_SCORE_MAX_CONSONANT_RUN && (rare <= 1 || rare * HUSHI_SCORE_RARE_SHARE <= n) &&
           odd * HUSHI_SCORE_RARE_SHARE <= n;
}

/* Words that name a secret or a setting rather than being one. */
static bool is_naming_word(const unsigned char *t, size_t n)
{
    static const char *const names[] = {
        "password", "passwords", "passwd", "pwd", "pass", "secret", "secrets", "key", "keys",
        "token", "tokens", "user", "username", "auth", "credential", "credentials", "api",
        "policy", "field", "label", "input", "hash", "salt", "config", "setting", "settings",
        "env", "name", "value", "get", "set", "new", "change", "reset", "forgot", "login",
        "default", "private", "public", "client", "access", "db", "database", "smtp", "mail",
        /* acronyms camelCase writes in lower case ("jwtSecret", "sqlUser") */
        "jwt", "url", "uri", "sql", "http", "ssh", "tls", "ssl", "aws", "gcp", "sas", "ldap",
        "oidc", "saml", "mfa", "otp", "pin", "ftp", "sftp", "vpn", "iam", "id", "pw"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && strncasecmp((const char *)t, names[i], n) == 0)
            return true;
    return false;
}

/* A 3-4 letter word as camelCase writes it ("get", "Test", "Name"): a
 * vowel, no uncommon consonant pair, no rare letter. */
static bool plain_short_word(const unsigned char *t, size_t n)
{
    if (n <= 2 || is_naming_word(t, n))
        return true;
    bool vowel = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = hushi_ascii_to_lower(t[i]);
        vowel |= strchr("aeiou", c) != NULL;
        if (strchr("jqxzv", c) ||
            (i > 0 && !is_vowel(c) && !is_vowel(t[i - 1]) && !common_pair(hushi_ascii_to_lower(t[i - 1]), c)))
            return false;
    }
    return vowel;
}

static void add_word(hushi_words_t *w, const unsigned char *t, size_t n, bool by_case)
{
    if (n == 0)
        return;
    w->count++;
    w->case_short += by_case && n <= 2;
    w->case_odd += by_case && n > 2 && n <= HUSHI_SCORE_SHORT_WORD && !plain_short_word(t, n);
    w->naming += is_naming_word(t, n);
    w->all_pronounceable &= n <= HUSHI_SCORE_MAX_WORD && (pronounceable(t, n) || is_naming_word(t, n));
}

/* True when `s` is a name made of words (`passwordPolicy`, `smtp_password`,
 * `open sesame`, `IAMUserChangePassword`): letters split by `_ - . $` or
 * spaces or case changes, digits only at the very end. */
bool hushi_shape_split_words(hushi_span_t s, hushi_words_t *w)
{
    *w = (hushi_words_t){.all_pronounceable = true};
    size_t end = s.n, digits = 0;
    while (end > 0 && hushi_ascii_is_digit(s.p[end - 1]) && digits < HUSHI_SCORE_IDENT_DIGITS + 1) {
        end--;
        digits++;
    }
    if (digits > HUSHI_SCORE_IDENT_DIGITS || end == 0)
        return false;
    size_t start = 0;
    bool started_by_case = false;
    for (size_t i = 0; i <= end; i++) {
        unsigned char c = i < end ? s.p[i] : ' ';
        /* "Root%20CA": a percent-encoded space between words. */
        if (c == '%' && i + 2 < end && hushi_ascii_is_hex(s.p[i + 1]) && hushi_ascii_is_hex(s.p[i + 2])) {
            add_word(w, s.p + start, i - start, started_by_case);
            started_by_case = false;
            i += 2;
            start = i + 1;
            continue;
        }
        if (i < end && hushi_ascii_is_digit(c))
            return false;
        if (i < end && !hushi_ascii_is_alpha(c) && !strchr(HUSHI_SCORE_WORD_SEPARATORS, c))
            return false;
        /* fooBar: a capital after a small letter; HTTPServer: a capital
         * followed by a small letter after capitals. */
        bool by_case = hushi_ascii_is_alpha(c) && i > start && hushi_ascii_is_upper(c) &&
                       (hushi_ascii_is_lower(s.p[i - 1]) || (i + 1 < end && hushi_ascii_is_lower(s.p[i + 1])));
        if (!hushi_ascii_is_alpha(c) || by_case) {
            /* A piece is cut by case when a case change starts or ends it. */
            add_word(w, s.p + start, i - start, started_by_case || by_case);
            started_by_case = by_case;
            start = hushi_ascii_is_alpha(c) ? i : i + 1;
        }
    }
    return w->count > 0 && w->case_short * 3 <= w->count && w->case_odd == 0 &&
           w->all_pronounceable;
}

/* Without up to HUSHI_SCORE_EDGE_SYMBOLS punctuation characters at each
 * end: "busybox@" and "Hush2024!" are words with a symbol tacked on. */
hushi_span_t hushi_shape_without_edge_symbols(hushi_span_t s)
{
    for (size_t k = 0; k < HUSHI_SCORE_EDGE_SYMBOLS && s.n > 1 && !hushi_ascii_is_alnum(s.p[0]); k++) {
        s.p++;
        s.n--;
    }
    for (size_t k = 0; k < HUSHI_SCORE_EDGE_SYMBOLS && s.n > 1 && !hushi_ascii_is_alnum(s.p[s.n - 1]); k++)
        s.n--;
    return s;
}

/* An ALL_CAPS_SNAKE name: a constant or environment variable. */
static bool is_constant_char(unsigned char c)
{
    return hushi_ascii_is_upper(c) || hushi_ascii_is_digit(c) || c == '_';
}

/* Ends in a shell-style reference to an upper-case variable:
 * "glptt-$TRIGGER_TOKEN", "Bearer ${TOKEN}". */
static bool ends_with_variable(hushi_span_t s)
{
    size_t i = s.n;
    while (i > 0 && is_constant_char(s.p[i - 1]))
        i--;
    if (i > 0 && s.n - i >= HUSHI_SCORE_MIN_VARIABLE && s.p[i - 1] == '$')
        return true;
    for (size_t k = 0; k + 1 < s.n; k++)
        if (s.p[k] == '$' && (s.p[k + 1] == '{' || s.p[k + 1] == '('))
            return true;
    return false;
}

/* Two or more "\xNN" escapes: a byte string or regex in source code. */
static bool has_byte_escapes(hushi_span_t s)
{
    size_t count = 0;
    for (size_t i = 0; i + 3 < s.n; i++)
        if (s.p[i] == '\\' && s.p[i + 1] == 'x' && hushi_ascii_is_hex(s.p[i + 2]) && hushi_ascii_is_hex(s.p[i + 3]))
            count++;
    return count >= 2;
}

/* A function call: a name, possibly dotted, then '(' ("getpass.getpass(",
 * "_splitpasswd(user)", "HTTPPasswordMgr()").  A name with digits counts
 * only when '_' or '.' shows it is code, not a password like "Zx9(". */
static bool is_call(hushi_span_t s)
{
    if (!(hushi_ascii_is_alpha(s.p[0]) || s.p[0] == '_'))
        return false;
    size_t i = 0;
    bool digits = false, punct = false;
    /* "::" for Perl, Ruby and C++ ("CPAN::anycwd()"). */
    while (i < s.n && (hushi_ascii_is_ident(s.p[i]) || s.p[i] == '.' || s.p[i] == ':')) {
        digits |= hushi_ascii_is_digit(s.p[i]);
        punct |= s.p[i] == '_' || s.p[i] == '.' || s.p[i] == ':';
        i++;
    }
    return i >= HUSHI_SCORE_MIN_CALL && i < s.n && s.p[i] == '(' && (!digits || punct);
}

/* A C-style cast at the start: "(size_t)(colon", "(uint32_t)rc". */
static bool is_cast(hushi_span_t s)
{
    if (s.n < 3 || s.p[0] != '(' || !(hushi_ascii_is_alpha(s.p[1]) || s.p[1] == '_'))
        return false;
    size_t i = 1;
    while (i < s.n && (hushi_ascii_is_ident(s.p[i]) || s.p[i] == ' ' || s.p[i] == '*'))
        i++;
    return i < s.n && s.p[i] == ')';
}

/* Code, not a value: a variable (`$password`, `\$_POST`), a property path
 * (`env.DB_PASSWORD`, `process.env.X`), a call or index (`getPassword()`,
 * `request.form['password']`). */
bool hushi_shape_is_code_reference(hushi_span_t s)
{
    /* "\$_POST[...]", a cast "(size_t)(n", "key-$TOKEN" */
    if ((s.n >= 2 && s.p[0] == '\\' && s.p[1] == '$') || is_cast(s) || ends_with_variable(s))
        return true;
    if (s.n >= 2 && s.p[0] == '$' && (hushi_ascii_is_ident(s.p[1]) || s.p[1] == '{' || s.p[1] == '('))
        return true;
    /* A workflow or ARM expression cut at its first quote: "@parameters(",
     * "[parameters(", "@{body(". */
    if (s.n >= 2 && (s.p[0] == '@' || s.p[0] == '[') && (hushi_ascii_is_alpha(s.p[1]) || s.p[1] == '{')) {
        size_t i = 1;
        while (i < s.n && (hushi_ascii_is_ident(s.p[i]) || s.p[i] == '.' || s.p[i] == '{'))
            i++;
        if (i < s.n && s.p[i] == '(')
            return true;
    }
    if (is_call(s) || has_byte_escapes(s))
        return true;
    size_t i = 0, parts = 1;
    bool first = true;
    while (i < s.n) {
        size_t start = i;
        if (!(hushi_ascii_is_alpha(s.p[i]) || s.p[i] == '_' || s.p[i] == '$'))
            return false;
        while (i < s.n && (hushi_ascii_is_ident(s.p[i]) || s.p[i] == '$'))
            i++;
        hushi_words_t w;
        hushi_span_t part = {s.p + start, i - start};
        bool wordy = hushi_shape_split_words(part, &w) || hushi_span_all_nonempty(part, is_constant_char) ||
                     (part.n <= 3 && first);
        if (i == s.n)
            return parts > 1 && wordy;
        if (s.p[i] == '(' || s.p[i] == '[')
            return wordy || parts > 1;
        if (s.p[i] != '.' || !wordy)
            return false;
        i++;
        parts++;
        first = false;
    }
    return false;
}

static bool is_path_segment_char(unsigned char c)
{
    return hushi_ascii_is_ident(c) || c == '-' || c == '.' || c == '#' || c == ':' || c == '@';
}

/* One segment of a path: a name made of words, a file name, or short. */
static bool is_path_segment(hushi_span_t seg, bool absolute)
{
    for (size_t k = 0; k < seg.n; k++)
        if (seg.p[k] == '#' || seg.p[k] == ':')
            seg.n = k;
    hushi_words_t w;
    if (seg.n == 0 || hushi_shape_split_words(seg, &w))
        return true;
    return absolute && (seg.n <= HUSHI_SCORE_SHORT_SEGMENT || memchr(seg.p, '.', seg.n));
}

/* "cms/sites/passwords#edit", "/etc/hush/api.key", "~/.hush/token": a
 * path whose segments read as names.  Base64 may start with '/' or hold
 * several, but its segments are random. */
static bool is_path_of_words(hushi_span_t s)
{
    bool absolute = s.p[0] == '/' || s.p[0] == '~';
    size_t segments = 1, start = 0;
    for (size_t i = 0; i <= s.n; i++) {
        if (i < s.n && s.p[i] != '/') {
            if (!is_path_segment_char(s.p[i]) && !(i == 0 && s.p[i] == '~'))
                return false;
            continue;
        }
        hushi_span_t seg = {s.p + start, i - start};
        if (seg.n && seg.p[0] == '~') {
            seg.p++;
            seg.n--;
        }
        if (!is_path_segment(seg, absolute))
            return false;
        segments += i < s.n;
        start = i + 1;
    }
    return segments >= 2;
}

/* A file path, URL, ARN or file name as the value: it says where a secret
 * is, not what it is. */
bool hushi_shape_is_path_or_url(hushi_span_t s)
{
    if (hushi_span_starts_with_ci(s, "./") || hushi_span_starts_with_ci(s, "../") || hushi_span_starts_with_ci(s, "\\\\") ||
        hushi_span_starts_with_ci(s, "arn:") || hushi_span_starts_with_ci(s, "file:"))
        return true;
    if (s.n >= 3 && hushi_ascii_is_alpha(s.p[0]) && s.p[1] == ':' && (s.p[2] == '\\' || s.p[2] == '/'))
        return true;
    for (size_t i = 0; i + 3 <= s.n; i++)
        if (memcmp(s.p + i, "://", 3) == 0)
            return true;
    static const char *const extensions[] = {".json", ".yaml", ".yml", ".pem", ".key", ".crt",
                                             ".cer", ".pfx", ".p12", ".jks", ".txt", ".env",
                                             ".conf", ".cfg", ".ini", ".xml", ".properties",
                                             ".keystore", ".der", ".gpg", ".asc", ".ppk"};
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
        size_t w = strlen(extensions[i]);
        if (s.n > w && strncasecmp((const char *)s.p + s.n - w, extensions[i], w) == 0)
            return true;
    }
    return is_path_of_words(s);
}
