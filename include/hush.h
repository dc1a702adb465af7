/*
 * hush — find leaked credentials in logs and exported artifacts, and redact them.
 *
 * The library is the whole engine; the `hush` command line only parses options
 * and wires these calls together.  Two kinds of handle:
 *
 *   hush_rules_t    compiled rule set: one Hyperscan database for every rule plus
 *                   the PCRE2 patterns that confirm hits.  Immutable once created
 *                   and safe to share between threads.
 *   hush_scanner_t  one per thread: Hyperscan scratch and stream, PCRE2 match data
 *                   and the bounded look-back window.  Scans one stream at a time.
 *
 * The library keeps no global state, never prints and never exits.  Every call
 * returns a hush_status_t; detail for the user is in hush_error_t (rules) or
 * hush_scanner_message() (scanner).
 *
 * Secret values never leave the library: a finding carries its position, a
 * masked preview and a keyed fingerprint, never the bytes of the secret.
 */
#ifndef HUSH_H
#define HUSH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HUSH_VERSION_STRING "0.1.0"

/* ---- status ------------------------------------------------------------ */

typedef enum hush_status {
    HUSH_OK = 0,
    HUSH_ERR_NOMEM,        /* out of memory */
    HUSH_ERR_ARGUMENT,     /* a NULL handle or an impossible argument */
    HUSH_ERR_RULE,         /* a rule file or rule is invalid */
    HUSH_ERR_HYPERSCAN,    /* Hyperscan refused a database, scratch or stream */
    HUSH_ERR_PCRE2,        /* PCRE2 failed while confirming a match */
    HUSH_ERR_IO,           /* reading or writing failed (errno kept in message) */
    HUSH_ERR_FORMAT,       /* input is damaged (e.g. truncated gzip) */
    HUSH_ERR_LIMIT,        /* a named size limit was reached */
    HUSH_ERR_STATE,        /* call out of order (feed after finish, ...) */
    HUSH_ERR_CALLBACK,     /* a callback returned non-zero: scanning stopped */
    HUSH_STATUS_COUNT
} hush_status_t;

/* Short fixed description of a status code ("out of memory", ...). */
const char *hush_strerror(hush_status_t status);

/* Library version, HUSH_VERSION_STRING of the build. */
const char *hush_version(void);

/* Detailed message for errors that happen before a handle exists. */
#define HUSH_ERROR_MAX 512
typedef struct hush_error {
    char message[HUSH_ERROR_MAX]; /* "patterns/x.json: rule-id: reason", or "" */
} hush_error_t;

/* ---- confidence and masks ---------------------------------------------- */

typedef enum hush_confidence {
    HUSH_CONFIDENCE_LOW = 0,
    HUSH_CONFIDENCE_MEDIUM = 1,
    HUSH_CONFIDENCE_HIGH = 2
} hush_confidence_t;

/* "low", "medium", "high". */
const char *hush_confidence_name(hush_confidence_t confidence);
/* Parses a confidence name; returns false for anything else. */
bool hush_confidence_parse(const char *name, hush_confidence_t *out);

typedef enum hush_mask {
    HUSH_MASK_LABEL = 0, /* [REDACTED:<rule-id>] */
    HUSH_MASK_STARS,     /* '*' for every byte: offsets do not move */
    HUSH_MASK_PARTIAL,   /* first 4 characters kept (secrets of 16+ bytes), rest '*' */
    HUSH_MASK_HASH       /* [REDACTED:<rule-id>:<8 hex of fingerprint>] */
} hush_mask_t;

const char *hush_mask_name(hush_mask_t mask);
bool hush_mask_parse(const char *name, hush_mask_t *out);

/* ---- rules ------------------------------------------------------------- */

typedef struct hush_rules hush_rules_t;

/* One rule file's contents.  `name` is used in messages (a path, or
 * "patterns/azure.json" for the built-in pack). */
typedef struct hush_rule_file {
    const char *name;
    const char *data;
    size_t size;
} hush_rule_file_t;

/* A value known to have leaked (`hush --known-secrets`). */
typedef struct hush_known_secret {
    const unsigned char *value;
    size_t size;  /* HUSH_KNOWN_SECRET_MIN .. HUSH_KNOWN_SECRET_MAX bytes */
} hush_known_secret_t;

/* Shorter values would match ordinary text; longer ones would exceed the
 * longest match a rule may have once every byte may be escaped. */
#define HUSH_KNOWN_SECRET_MIN 8u
#define HUSH_KNOWN_SECRET_MAX 1024u
#define HUSH_KNOWN_SECRETS_MAX 1000u
/* Rule id of every known-secret finding. */
#define HUSH_KNOWN_SECRET_RULE "known-secret"

typedef struct hush_rules_config {
    const hush_rule_file_t *files;
    size_t file_count;
    /* Directory for the serialized Hyperscan database, keyed by a hash of the
     * rule files, the Hyperscan version and the CPU features.  NULL: no cache.
     * A cache that cannot be read or written is ignored, never an error. */
    const char *cache_dir;
    /* Known leaked values: each is found as written and in its encoded forms
     * (JSON, XML and percent escapes; base64 and base64url at all three byte
     * alignments, so inside a longer base64 text too), compiled into the same
     * database as the rules and reported as rule HUSH_KNOWN_SECRET_RULE with
     * the fingerprint of the value itself.  The values are copied; hush's
     * copies and patterns are wiped when the rule set is destroyed (the
     * compiled PCRE2 and Hyperscan code holds them too, and is freed
     * unwiped).  A rule set with known secrets is never read from or
     * written to the cache: the database would hold them. */
    const hush_known_secret_t *known_secrets;
    size_t known_secret_count;
    const char *known_secrets_name;  /* their "file" in messages, e.g. the path */
} hush_rules_config_t;

/* The rule pack built into the library (the patterns folder, at build time). */
void hush_default_rule_files(const hush_rule_file_t **files, size_t *count);

/* Parses and compiles every rule of every file into one rule set.  On
 * HUSH_ERR_RULE, err->message reads "file: rule-id: reason". */
hush_status_t hush_rules_create(const hush_rules_config_t *config, hush_rules_t **out,
                                hush_error_t *err);
void hush_rules_destroy(hush_rules_t *rules);

/* True when the Hyperscan database came from the cache (for tests/benchmarks). */
bool hush_rules_from_cache(const hush_rules_t *rules);

/* Read-only description of one rule.  Pointers live as long as the rule set. */
typedef struct hush_rule_info {
    const char *id;          /* "azure.storage.account-key" */
    const char *name;        /* "Azure Storage account key" */
    const char *file;        /* rule file it came from */
    const char *pattern;     /* the PCRE2 pattern: the truth; NULL for a structural rule */
    const char *structure;   /* structural rules: "json-key", "name-value",
                                "query-parameter" or "keyvault-value"; else NULL */
    const char *secret_group;
    const char *validator;   /* NULL when none */
    hush_confidence_t confidence;
    double entropy_min;      /* bits per character; 0 = no minimum */
    const char *score;       /* scoring profile of a generic rule ("generic",
                                "password"): confidence then comes from the
                                value's shape, at most `confidence`; NULL = none */
    bool multiline;          /* may match across a newline (has an opener) */
    bool redact;             /* false: reported but kept in redacted output
                                (sensitive configuration, e.g. Key Vault URLs) */
    bool prefilter;          /* Hyperscan runs it in prefilter mode */
    unsigned max_width;      /* longest possible match, bytes */
    const char *const *keywords;
    size_t keyword_count;
    const char *const *examples;
    size_t example_count;
    const char *const *negative_examples;
    size_t negative_example_count;
    const char *const *references;
    size_t reference_count;
    hush_confidence_t failed_confidence; /* the most a match keeps when its validator
                                            fails (low unless the rule says more) */
} hush_rule_info_t;

size_t hush_rules_count(const hush_rules_t *rules);
/* Fills *out for rule `index` (0 <= index < count). */
hush_status_t hush_rules_info(const hush_rules_t *rules, size_t index, hush_rule_info_t *out);
/* Index of the rule with this id, or -1. */
long hush_rules_find(const hush_rules_t *rules, const char *id);

/* ---- propagation: values found once, found everywhere ------------------ */

/* A set of secret values found by a first pass (hush_scanner_config_t.collect),
 * deduplicated, each with the id of the rule that found it first.  The values
 * never leave the library: no call returns them.  They are held in memory
 * only and wiped when the set is destroyed.  Not thread-safe. */
typedef struct hush_values hush_values_t;

/* Values outside HUSH_KNOWN_SECRET_MIN..HUSH_KNOWN_SECRET_MAX bytes are not
 * kept: a shorter one would match ordinary text.  Past either cap a value is
 * not kept and is counted by hush_values_dropped(). */
#define HUSH_VALUES_MAX 100000u
#define HUSH_VALUES_MAX_BYTES (64u << 20)

typedef struct hush_values_config {
    size_t max_values;  /* 0: HUSH_VALUES_MAX; at most that */
    size_t max_bytes;   /* total bytes of the values; 0: HUSH_VALUES_MAX_BYTES; at most that */
} hush_values_config_t;

/* config may be NULL (the defaults). */
hush_status_t hush_values_create(const hush_values_config_t *config, hush_values_t **out);
/* Wipes every value, then frees the set.  NULL is fine. */
void hush_values_destroy(hush_values_t *values);
/* Distinct values kept. */
size_t hush_values_count(const hush_values_t *values);
/* Distinct values of a propagable size not kept because a cap was reached
 * (a value dropped twice counts twice: the set cannot know it saw it). */
uint64_t hush_values_dropped(const hush_values_t *values);

/* The matcher of every copy of a set of values: each value as written and
 * JSON-, percent- and HTML-escaped, found in the raw bytes and in every
 * decoded view, beside the rules' databases (which it leaves as they are).
 * Immutable and shareable between threads like the rule set, which it
 * refers to (by the rule ids the values carry) and which must outlive it.
 * It keeps copies of the values, wiped when it is destroyed. */
typedef struct hush_copies hush_copies_t;

/* HUSH_ERR_ARGUMENT when a value's rule id is not in `rules`.  An empty set
 * gives a matcher that finds nothing. */
hush_status_t hush_copies_create(const hush_rules_t *rules, const hush_values_t *values,
                                 hush_copies_t **out, hush_error_t *err);
void hush_copies_destroy(hush_copies_t *copies);

/* ---- findings ---------------------------------------------------------- */

#define HUSH_FINGERPRINT_HEX 16
#define HUSH_PREVIEW_MAX 160

/* Triage facts of a finding whose secret is a JWT (the `meta` of the JSON
 * report): whose token leaked and whether it still works.  Only these are
 * read from the token; never its signature, never a claim about a person
 * (name, upn, email, oid).  A string is "" when its claim is absent or not a
 * string; bytes outside printable ASCII read '.', and a longer claim is cut
 * to the field's size and ends with "...". */
#define HUSH_META_ALG_MAX 16   /* "RS256", "HS256", "none" */
#define HUSH_META_URI_MAX 128  /* iss, aud: URLs or app id URIs */
#define HUSH_META_ID_MAX 64    /* tid, appid, azp: GUIDs in Entra tokens */

typedef struct hush_finding_meta {
    char alg[HUSH_META_ALG_MAX + 1];  /* header "alg" */
    char iss[HUSH_META_URI_MAX + 1];  /* issuer */
    char tid[HUSH_META_ID_MAX + 1];   /* Entra tenant id */
    char aud[HUSH_META_URI_MAX + 1];  /* audience; of an array, its first string */
    char appid[HUSH_META_ID_MAX + 1]; /* client id (Entra v1 tokens) */
    char azp[HUSH_META_ID_MAX + 1];   /* client id (v2 / OpenID tokens) */
    bool has_exp;                     /* "exp" is a number from 0 to year 9999 */
    int64_t exp;                      /* seconds since the epoch */
    bool expired;                     /* now >= exp; now: hush_scanner_config_t.now */
} hush_finding_meta_t;

typedef struct hush_finding {
    const char *rule_id;
    const char *rule_name;
    hush_confidence_t confidence;  /* after validation */
    const char *validated;         /* "checksum", "structure" or NULL */
    const char *encoding;          /* view it was found in: "raw", "json", "csv",
                                      nested "csv+json+percent", ...; like
                                      rule_id, valid as long as the scanner */
    uint64_t offset;               /* raw byte span of the secret, 0-based */
    uint64_t length;
    uint64_t line;                 /* 1-based line of `offset` */
    uint64_t column;               /* 1-based byte column of `offset` */
    char fingerprint[HUSH_FINGERPRINT_HEX + 1]; /* "" when no key was given */
    char preview[HUSH_PREVIEW_MAX + 1];         /* the match with the secret masked */
    /* NULL unless the secret is a JWT (optionally after "Bearer "); valid
     * only during the callback, like the finding. */
    const hush_finding_meta_t *meta;
    /* True when the secret was found as a copy of a value another finding
     * found before (hush_copies_t): rule_id and fingerprint are those of the
     * finding that found the value, confidence the highest the value was
     * found at. */
    bool copy;
} hush_finding_t;

/* Called once per finding, in order of offset.  The pointer is valid only
 * during the call.  Return non-zero to stop scanning (HUSH_ERR_CALLBACK). */
typedef int (*hush_finding_fn)(void *ctx, const hush_finding_t *finding);

/* Called with redacted output, in order, as soon as it is final.  Every byte
 * that is not part of a secret is passed through unchanged; the secret of
 * every reported finding is masked unless its rule's `redact` is false.  Return non-zero
 * to stop (HUSH_ERR_CALLBACK), e.g. on a broken pipe. */
typedef int (*hush_output_fn)(void *ctx, const void *data, size_t size);

/* ---- scanner ----------------------------------------------------------- */

typedef enum hush_engine {
    HUSH_ENGINE_HYPERSCAN = 0, /* streaming: Hyperscan finds, PCRE2 confirms */
    HUSH_ENGINE_REFERENCE      /* PCRE2 alone over the whole input held in memory
                                  (at most HUSH_REFERENCE_MAX_INPUT bytes); for
                                  `rules check` and tests */
} hush_engine_t;

#define HUSH_REFERENCE_MAX_INPUT (64u << 20)
#define HUSH_FINGERPRINT_KEY_MAX 64

/* What an allow callback sees of a candidate finding. */
typedef struct hush_allow_query {
    const char *rule_id;
    const char *fingerprint;    /* "" when no fingerprint key was given */
    const unsigned char *value; /* the secret: decoded when found in a decoded view */
    size_t size;
} hush_allow_query_t;

/* Returns true to drop a candidate: it is then neither reported nor
 * redacted (an allow list, `hush --allow`).  Called with finding_ctx. */
typedef bool (*hush_allow_fn)(void *ctx, const hush_allow_query_t *query);

typedef struct hush_scanner_config {
    hush_engine_t engine;
    hush_confidence_t min_confidence; /* findings below are neither reported nor redacted */
    hush_mask_t mask;
    const unsigned char *fingerprint_key; /* HMAC-SHA256 key; NULL: no fingerprints */
    size_t fingerprint_key_size;          /* at most HUSH_FINGERPRINT_KEY_MAX */
    hush_finding_fn on_finding;           /* may be NULL */
    void *finding_ctx;
    hush_allow_fn allow;                  /* may be NULL; called with finding_ctx */
    hush_output_fn on_output;             /* NULL: scan only, no redacted output */
    void *output_ctx;
    /* When several rules find exactly the same bytes, one finding is
     * reported (the surest rule).  true: report every rule's finding
     * (for `rules check`); the text is masked once either way. */
    bool report_every_rule;
    /* true: match the raw bytes only, without decoded views of JSON, CSV,
     * percent-encoded and base64 values or structural rules. */
    bool raw_only;
    /* The time a JWT's `exp` is compared with (meta.expired), in seconds
     * since the epoch; 0: the clock when the finding is made. */
    int64_t now;
    /* NULL, or a set that receives the secret value (decoded, as its
     * fingerprint is computed) of every finding at or above min_confidence,
     * not allowed, whose rule redacts, with its rule id (propagation: first
     * pass).  Also candidates a later finding replaces are added: each was
     * found by a rule.  One scanner at a time may collect into a set. */
    hush_values_t *collect;
    /* NULL, or the values whose every copy is found (hush_copies_t), as a finding
     * of the rule that found the value with `copy` set (propagation: second
     * pass); built from the same rule set.  Shared, not copied: it must
     * outlive the scanner.  Redacted output is then held back by the longest
     * form of a value (at most 4 KiB), also by hush_scanner_flush. */
    const hush_copies_t *copies;
} hush_scanner_config_t;

typedef struct hush_scanner hush_scanner_t;

/* The rule set must outlive the scanner. */
hush_status_t hush_scanner_create(const hush_rules_t *rules, const hush_scanner_config_t *config,
                                  hush_scanner_t **out);
void hush_scanner_destroy(hush_scanner_t *scanner);

/* Feeds the next bytes of the current stream, split anywhere: the findings and
 * output are the same whatever the split.  Memory stays bounded whatever the
 * input (no line length limit). */
hush_status_t hush_scanner_feed(hush_scanner_t *scanner, const void *data, size_t size);

/* Zero-copy feeding, for callers that read from a file descriptor: *buffer
 * receives where the next bytes of the stream can be written (at most
 * *capacity of them, never 0); hush_scanner_commit(size) then takes the
 * first `size` of them exactly as hush_scanner_feed would.  The buffer is
 * valid until the next call on the scanner. */
hush_status_t hush_scanner_input_buffer(hush_scanner_t *scanner, void **buffer, size_t *capacity);
hush_status_t hush_scanner_commit(hush_scanner_t *scanner, size_t size);

/* Emits everything up to the last complete line now (for `tail -f | hush`),
 * instead of holding back look-back bytes.  Rules match within one line unless
 * marked multiline, so this changes no finding. */
hush_status_t hush_scanner_flush(hush_scanner_t *scanner);

/* Ends the stream: reports the remaining findings and output.  The scanner is
 * then ready for the next stream, with offsets and lines from 0 and 1 again. */
hush_status_t hush_scanner_finish(hush_scanner_t *scanner);

/* Drops the current stream without reporting what is pending. */
void hush_scanner_reset(hush_scanner_t *scanner);

/* Replaces the callbacks' context pointers (e.g. for the next file). */
void hush_scanner_set_context(hush_scanner_t *scanner, void *finding_ctx, void *output_ctx);

/* Detailed message of the last error on this scanner, or "". */
const char *hush_scanner_message(const hush_scanner_t *scanner);

/* Bytes of the current stream fed so far. */
uint64_t hush_scanner_offset(const hush_scanner_t *scanner);

/* ---- rule self-check --------------------------------------------------- */

/* Called for every example that fails: `example` is the rule's own example
 * text (fake by convention), `reason` says what went wrong. */
typedef void (*hush_check_fn)(void *ctx, const hush_rule_info_t *rule, bool negative,
                              size_t index, const char *reason);

/* Runs every example and negative example of every rule through both engines.
 * A positive example must give a finding of its rule at medium confidence or
 * above (at low for a low-confidence rule), a negative example none; both
 * engines must agree exactly on every finding and on the redacted text.
 * *failures counts the failures reported. */
hush_status_t hush_rules_check(const hush_rules_t *rules, hush_check_fn on_failure, void *ctx,
                               size_t *failures);

/* ---- input sources ----------------------------------------------------- */

typedef struct hush_source hush_source_t;

typedef enum hush_source_kind {
    HUSH_SOURCE_PLAIN = 0,
    HUSH_SOURCE_GZIP
} hush_source_kind_t;

/* Opens a file (or stdin when path is NULL or "-") for reading.  Gzip is
 * detected by its magic bytes and decompressed transparently (multi-member). */
hush_status_t hush_source_open(const char *path, hush_source_t **out, hush_error_t *err);
/* Wraps an already open descriptor (not closed by destroy).  `name` for messages. */
hush_status_t hush_source_open_fd(int fd, const char *name, hush_source_t **out,
                                  hush_error_t *err);
void hush_source_destroy(hush_source_t *source);

/* Reads up to `capacity` decompressed bytes; *size 0 means end of input.  A
 * damaged gzip stream gives HUSH_ERR_FORMAT after every byte that could be
 * recovered was returned.  err->message reads "path: reason". */
hush_status_t hush_source_read(hush_source_t *source, void *buffer, size_t capacity,
                               size_t *size, hush_error_t *err);

hush_source_kind_t hush_source_kind(const hush_source_t *source);

/* True when the first bytes of the (decompressed) content look binary: a NUL
 * byte in the first HUSH_BINARY_SNIFF bytes.  Peeks without consuming. */
#define HUSH_BINARY_SNIFF 8192
hush_status_t hush_source_is_binary(hush_source_t *source, bool *binary, hush_error_t *err);

#ifdef __cplusplus
}
#endif

#endif /* HUSH_H */
