/*
 * titlelint — product-title compliance linting for WeChat Store (微信小店).
 *
 * This is the only public header of libtitlelint.  Every type is opaque and
 * every name starts with titlelint_.
 *
 * Objects and their rules:
 *
 *   struct titlelint_context   The lexicons, compiled once into one matcher.
 *                              Built with titlelint_context_new(), configured
 *                              with the *_append_* and *_set_* calls, then
 *                              frozen by titlelint_context_compile().  After
 *                              a successful compile it is immutable: any
 *                              number of threads may share it, each through
 *                              its own checker.  Reference counted.
 *
 *   struct titlelint_checker   Per-thread linting state: the ICU word break
 *                              iterator, match and token buffers, the
 *                              diagnostics of the last title.  Never share a
 *                              checker between threads without a lock; make
 *                              one per thread instead (it is cheap).
 *
 *   struct titlelint_diagnostic
 *                              One finding of the last checked title, owned
 *                              by its checker and valid until the next
 *                              titlelint_checker_check() on that checker or
 *                              its destruction.
 *
 *   struct titlelint_rule      A rule descriptor: static, immutable, valid
 *                              for the life of the program.
 *
 * Destructors and unref accept NULL and do nothing with it.
 */
#ifndef TITLELINT_H
#define TITLELINT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define TITLELINT_EXPORT __attribute__((visibility("default")))
#else
#define TITLELINT_EXPORT
#endif

/**
 * Status of a library call.  Success is 0; every other value is an error
 * whose details went to the context's log function.
 */
enum titlelint_status {
    TITLELINT_OK = 0,
    TITLELINT_ERROR_NOMEM,        /* an allocation failed */
    TITLELINT_ERROR_INVALID_ARG,  /* a NULL or out-of-range argument */
    TITLELINT_ERROR_IO,           /* a lexicon file or directory unreadable */
    TITLELINT_ERROR_LEXICON,      /* a lexicon line is malformed (file:line logged) */
    TITLELINT_ERROR_PATTERN,      /* a lexicon regular expression does not compile */
    TITLELINT_ERROR_ICU,          /* ICU refused (missing data, ...) */
    TITLELINT_ERROR_STATE,        /* call not allowed now (e.g. context not compiled) */
};

/** A static English description of @status; never NULL. */
TITLELINT_EXPORT const char *
titlelint_status_to_str(enum titlelint_status status);

/** Severity of a rule or diagnostic, in increasing order. */
enum titlelint_severity {
    TITLELINT_SEVERITY_OFF = 0,   /* rule disabled (only for configuration) */
    TITLELINT_SEVERITY_INFO = 1,
    TITLELINT_SEVERITY_WARNING = 2,
    TITLELINT_SEVERITY_ERROR = 3,
};

/** "off", "info", "warning" or "error"; NULL for an unknown value. */
TITLELINT_EXPORT const char *
titlelint_severity_to_str(enum titlelint_severity severity);

/** Language of messages and explanations.  Chinese is the default. */
enum titlelint_lang {
    TITLELINT_LANG_ZH = 0,
    TITLELINT_LANG_EN = 1,
};

/* ------------------------------------------------------------------------ */
/* Context                                                                   */
/* ------------------------------------------------------------------------ */

struct titlelint_context;

enum titlelint_context_flags {
    TITLELINT_CONTEXT_NO_FLAGS = 0,
    /**
     * Do not load the default lexicons: the directory named by the
     * environment variable TITLELINT_LEXICON_DIR when it is set and not
     * empty, else the installed $datadir/titlelint/lexicons.
     */
    TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS = 1 << 0,
};

enum titlelint_log_level {
    TITLELINT_LOG_ERROR = 1,
    TITLELINT_LOG_WARNING = 2,
    TITLELINT_LOG_INFO = 3,
    TITLELINT_LOG_DEBUG = 4,
};

/**
 * Log callback.  @message is one complete line without the trailing
 * newline, e.g. "lexicons/brands.tsv:12: expected 1 to 4 fields, found 6".
 * Called only from the thread that calls into the context while it is being
 * built; a compiled context does not log.
 */
typedef void (*titlelint_log_fn)(void *userdata, enum titlelint_log_level level,
                                 const char *message);

/**
 * Creates a context.  Returns a new reference (release it with
 * titlelint_context_unref()) or NULL when out of memory.
 * The default log function prints errors and warnings to stderr.
 */
TITLELINT_EXPORT struct titlelint_context *
titlelint_context_new(enum titlelint_context_flags flags);

/** Takes a reference; returns @ctx.  Thread-safe once compiled. */
TITLELINT_EXPORT struct titlelint_context *
titlelint_context_ref(struct titlelint_context *ctx);

/** Drops a reference; frees the context with the last one.  NULL is fine. */
TITLELINT_EXPORT void
titlelint_context_unref(struct titlelint_context *ctx);

/** Replaces the log function (NULL silences logging).  Before compile only. */
TITLELINT_EXPORT void
titlelint_context_set_log_fn(struct titlelint_context *ctx, titlelint_log_fn fn,
                             void *userdata);

/** Only messages at @level or more severe reach the log function. */
TITLELINT_EXPORT void
titlelint_context_set_log_level(struct titlelint_context *ctx,
                                enum titlelint_log_level level);

/**
 * Adds a directory of lexicon files (every "*.tsv" in it, in name order; see
 * titlelint-lexicon(5)).  Directories load after the default one, in the
 * order appended.  The path is copied.  Before compile only.
 * Returns TITLELINT_OK, TITLELINT_ERROR_NOMEM or TITLELINT_ERROR_STATE.
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_context_append_lexicon_dir(struct titlelint_context *ctx,
                                     const char *path);

/**
 * Loads every lexicon and compiles the matcher.  On success the context is
 * frozen and may be shared between threads.  On failure every problem has
 * been logged (file:line first) and the context stays unusable; unref it.
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_context_compile(struct titlelint_context *ctx);

/** Number of lexicon entries loaded (all kinds); 0 before compile. */
TITLELINT_EXPORT size_t
titlelint_context_get_entry_count(const struct titlelint_context *ctx);

/* ------------------------------------------------------------------------ */
/* Rules                                                                     */
/* ------------------------------------------------------------------------ */

struct titlelint_rule;

/** Number of rules known to this library. */
TITLELINT_EXPORT size_t
titlelint_rule_count(void);

/** The @index-th rule, in code order; NULL when out of range. */
TITLELINT_EXPORT const struct titlelint_rule *
titlelint_rule_get(size_t index);

/** The rule named @name ("brand-riding") or coded @name ("TL501"); NULL if none. */
TITLELINT_EXPORT const struct titlelint_rule *
titlelint_rule_find(const char *name);

/** The rule's permanent name, e.g. "brand-riding". */
TITLELINT_EXPORT const char *
titlelint_rule_get_name(const struct titlelint_rule *rule);

/** The rule's permanent code, e.g. "TL501".  Codes are never reused. */
TITLELINT_EXPORT const char *
titlelint_rule_get_code(const struct titlelint_rule *rule);

TITLELINT_EXPORT enum titlelint_severity
titlelint_rule_get_default_severity(const struct titlelint_rule *rule);

/** One-line summary in @lang (static string). */
TITLELINT_EXPORT const char *
titlelint_rule_get_summary(const struct titlelint_rule *rule,
                           enum titlelint_lang lang);

/**
 * Long explanation in @lang (static string, several lines): which clause of
 * the title guide it enforces, what it leaves alone, how to fix a title.
 */
TITLELINT_EXPORT const char *
titlelint_rule_get_explanation(const struct titlelint_rule *rule,
                               enum titlelint_lang lang);

/* ------------------------------------------------------------------------ */
/* Checker                                                                   */
/* ------------------------------------------------------------------------ */

struct titlelint_checker;
struct titlelint_diagnostic;

/**
 * Creates a checker over a compiled @ctx (it takes a reference on @ctx).
 * Returns NULL when @ctx is not compiled, out of memory, or ICU fails.
 * Caller destroys it with titlelint_checker_destroy().  One per thread.
 */
TITLELINT_EXPORT struct titlelint_checker *
titlelint_checker_new(struct titlelint_context *ctx);

/** Frees the checker and drops its context reference.  NULL is fine. */
TITLELINT_EXPORT void
titlelint_checker_destroy(struct titlelint_checker *checker);

/** Language of the messages of later checks (default Chinese). */
TITLELINT_EXPORT void
titlelint_checker_set_lang(struct titlelint_checker *checker,
                           enum titlelint_lang lang);

/**
 * Sets the severity of @rule for later checks; TITLELINT_SEVERITY_OFF
 * disables it.  Every rule starts at its default severity.
 */
TITLELINT_EXPORT void
titlelint_checker_set_rule_severity(struct titlelint_checker *checker,
                                    const struct titlelint_rule *rule,
                                    enum titlelint_severity severity);

TITLELINT_EXPORT enum titlelint_severity
titlelint_checker_get_rule_severity(const struct titlelint_checker *checker,
                                    const struct titlelint_rule *rule);

/**
 * Declares @name (any of its lexicon names) a brand of the merchant's own,
 * for every later check: it is never reported as riding.  Returns
 * TITLELINT_OK, or TITLELINT_ERROR_INVALID_ARG when no brand of the
 * lexicons has that name (nothing changes then: a brand the lexicons do
 * not know is never reported anyway).
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_checker_add_own_brand(struct titlelint_checker *checker, const char *name);

/**
 * Declares the brand, person or IP @name authorized (licensed), for every
 * later check: brand-riding, celebrity-riding and evasion leave it alone.
 * Returns as titlelint_checker_add_own_brand().
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_checker_add_authorized(struct titlelint_checker *checker, const char *name);

/**
 * Declares @word allowed: no diagnostic whose span overlaps an occurrence
 * of it is reported, for every later check.  The word is copied.
 * Returns TITLELINT_OK, TITLELINT_ERROR_INVALID_ARG for an empty or
 * invalid word, or TITLELINT_ERROR_NOMEM.
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_checker_add_allowed_word(struct titlelint_checker *checker, const char *word);

/**
 * The platform's length limits for platform-format: at least
 * @min_valid_chars valid characters (Chinese characters, letters, digits)
 * and at most @max_chars characters.  The defaults are the WeChat Store
 * product API's, 5 and 60.
 */
TITLELINT_EXPORT void
titlelint_checker_set_length_limits(struct titlelint_checker *checker,
                                    size_t min_valid_chars, size_t max_chars);

/**
 * Lints one title: @len bytes at @title, which need not be NUL-terminated
 * and may hold any bytes (invalid UTF-8 or NUL bytes become an
 * invalid-input diagnostic).  @brand and @category describe the product
 * (its own brand; its category as a leaf name or a path such as
 * "服饰内衣>女装>连衣裙"); either may be NULL when unknown.  The strings are
 * only read during the call.
 *
 * The diagnostics replace those of the previous check.  Returns TITLELINT_OK,
 * or TITLELINT_ERROR_NOMEM / TITLELINT_ERROR_ICU, after which the checker
 * holds no diagnostics but stays usable.
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_checker_check(struct titlelint_checker *checker,
                        const char *title, size_t len,
                        const char *brand, const char *category);

/**
 * Records @title (@len bytes, may be empty) as input that could not be
 * checked, for a reason only the front end knows (a CSV row with too many
 * cells, an empty title cell): the checker then holds one invalid-input
 * diagnostic with @message (copied) over the whole title, as if
 * titlelint_checker_check() had found it, so reports treat it alike.
 * Returns TITLELINT_OK or TITLELINT_ERROR_NOMEM.
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_checker_set_invalid(struct titlelint_checker *checker, const char *title,
                              size_t len, const char *message);

/**
 * Adds a finding of a whole-catalog rule, which a front end decides from
 * many titles (duplicate-title), to the last check, over the whole title,
 * with @message (copied), at the rule's configured severity; nothing when
 * the rule is off.  Returns TITLELINT_OK, TITLELINT_ERROR_INVALID_ARG for a
 * rule that is not a whole-catalog rule, or TITLELINT_ERROR_NOMEM.
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_checker_add_catalog_finding(struct titlelint_checker *checker,
                                      const struct titlelint_rule *rule,
                                      const char *message);

/**
 * A 64-bit key of @title (@len bytes) for finding near-duplicates: titles
 * that differ only in symbols, spaces, the order of their words or a spec
 * (digits and units) have the same key.  Uses the checker's scratch
 * space, not the last check's state; 0 for a title with nothing left.
 */
TITLELINT_EXPORT uint64_t
titlelint_title_key(struct titlelint_checker *checker, const char *title, size_t len);

/** Whether the rule is decided by a front end over a whole catalog. */
TITLELINT_EXPORT int
titlelint_rule_is_catalog(const struct titlelint_rule *rule);

/** Number of diagnostics of the last check, in order of position. */
TITLELINT_EXPORT size_t
titlelint_checker_get_diagnostic_count(const struct titlelint_checker *checker);

/** The @index-th diagnostic of the last check (borrowed); NULL if out of range. */
TITLELINT_EXPORT const struct titlelint_diagnostic *
titlelint_checker_get_diagnostic(const struct titlelint_checker *checker,
                                 size_t index);

/** The most severe diagnostic's severity of the last check, OFF when clean. */
TITLELINT_EXPORT enum titlelint_severity
titlelint_checker_get_max_severity(const struct titlelint_checker *checker);

/* ------------------------------------------------------------------------ */
/* Diagnostics (borrowed from their checker; strings valid as long as it)   */
/* ------------------------------------------------------------------------ */

/**
 * A place in the title as the user wrote it (before normalization), in three
 * units, all 0-based: Unicode code points, UTF-8 bytes, UTF-16 code units.
 */
struct titlelint_position {
    size_t chars;
    size_t bytes;
    size_t utf16;
};

TITLELINT_EXPORT const struct titlelint_rule *
titlelint_diagnostic_get_rule(const struct titlelint_diagnostic *diag);

/** Severity after configuration (never OFF). */
TITLELINT_EXPORT enum titlelint_severity
titlelint_diagnostic_get_severity(const struct titlelint_diagnostic *diag);

/** The message, in the checker's language, one line. */
TITLELINT_EXPORT const char *
titlelint_diagnostic_get_message(const struct titlelint_diagnostic *diag);

/**
 * The offending text exactly as written in the title (valid UTF-8; for an
 * invalid-input diagnostic the bytes are shown with U+FFFD replacements).
 */
TITLELINT_EXPORT const char *
titlelint_diagnostic_get_text(const struct titlelint_diagnostic *diag);

/** Canonical form of the matched term ("香奈儿" for "Chanel"); "" if none. */
TITLELINT_EXPORT const char *
titlelint_diagnostic_get_canonical(const struct titlelint_diagnostic *diag);

/** Start (inclusive) and end (exclusive) of the span in the original title. */
TITLELINT_EXPORT void
titlelint_diagnostic_get_span(const struct titlelint_diagnostic *diag,
                              struct titlelint_position *start,
                              struct titlelint_position *end);

/* ------------------------------------------------------------------------ */
/* Suggestions                                                               */
/* ------------------------------------------------------------------------ */

/**
 * The suggested title for the last check, in the form the title guide
 * recommends: 【brand】 core category, material, function, style, season,
 * other details, spec, compatible model, then after one space scenario and
 * crowd (titlelint(1), SUGGESTIONS).  It is made only of words of the
 * title and of its context (brand, category), never of an invented fact,
 * and leaves out everything a rule flagged.  A title with nothing to
 * remove is its own suggestion.
 *
 * Returns a string owned by the checker, valid until its next check, or
 * NULL when no title free of errors can be made without inventing (no
 * category word, too few characters) or the title could not be read; then
 * the missing kinds and the template say what to add.
 */
TITLELINT_EXPORT const char *
titlelint_suggest(struct titlelint_checker *checker);

/** The number of attribute kinds the last title lacks (see missing-attributes). */
TITLELINT_EXPORT size_t
titlelint_suggestion_get_missing_count(struct titlelint_checker *checker);

/**
 * The @index-th missing kind with examples, e.g. "材质（如 纯棉、针织）",
 * in the checker's language (owned by the checker, valid until its next
 * check); NULL when out of range.
 */
TITLELINT_EXPORT const char *
titlelint_suggestion_get_missing(struct titlelint_checker *checker, size_t index);

/**
 * A template of the suggested form with the missing parts in brackets,
 * e.g. "【品牌】连衣裙【材质】【场景/人群】" (owned by the checker, valid until
 * its next check); NULL when the title could not be read.
 */
TITLELINT_EXPORT const char *
titlelint_suggestion_get_template(struct titlelint_checker *checker);

/* ------------------------------------------------------------------------ */
/* Reports                                                                   */
/* ------------------------------------------------------------------------ */

enum titlelint_format {
    TITLELINT_FORMAT_TEXT = 0,  /* FILE:LINE:COL: severity: message [rule] + caret lines */
    TITLELINT_FORMAT_JSON,      /* one object (the caller writes the enclosing array) */
    TITLELINT_FORMAT_JSONL,     /* one object and a newline */
};

enum titlelint_report_flags {
    TITLELINT_REPORT_NO_FLAGS = 0,
    TITLELINT_REPORT_COLOR = 1 << 0,    /* ANSI colour in text output */
    TITLELINT_REPORT_SUGGEST = 1 << 1,  /* text output: the suggestion lines */
};

/** Receives output bytes; returns 0, or -1 to stop (e.g. write error). */
typedef int (*titlelint_write_fn)(void *userdata, const char *data, size_t len);

/**
 * Writes the last check's report for the title at @file:@line (either may
 * be NULL/0 when unknown; @file is only printed).  Text output writes
 * nothing for a clean title (with TITLELINT_REPORT_SUGGEST, the suggestion
 * lines under a title that has findings); JSON forms write an object for
 * every title, with its suggestion.
 * The schema is documented in titlelint(1).  Returns TITLELINT_OK,
 * TITLELINT_ERROR_NOMEM, or TITLELINT_ERROR_IO when @write failed.
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_checker_write_report(struct titlelint_checker *checker,
                               enum titlelint_format format,
                               enum titlelint_report_flags flags,
                               const char *file, size_t line,
                               titlelint_write_fn write, void *userdata);

/**
 * The same for a row of a table (a CSV export): text output names
 * FILE:ROW:COLUMN, JSON carries "row" and "id" (the product's id, may be
 * NULL) instead of "line".
 */
TITLELINT_EXPORT enum titlelint_status
titlelint_checker_write_row_report(struct titlelint_checker *checker,
                                   enum titlelint_format format,
                                   enum titlelint_report_flags flags,
                                   const char *file, size_t row, const char *id,
                                   titlelint_write_fn write, void *userdata);

/** The library version, e.g. "0.1.0" (static string). */
TITLELINT_EXPORT const char *
titlelint_version(void);

#ifdef __cplusplus
}
#endif

#endif /* TITLELINT_H */
