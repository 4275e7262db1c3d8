/* The library's objects, shared by its source files; never installed. */
#ifndef TL_PRIVATE_H
#define TL_PRIVATE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <titlelint/titlelint.h>

#include "lexicon.h"
#include "normalize.h"
#include "tokenize.h"
#include "util.h"

/* Titles longer than this are reported as invalid input, not linted: no
 * product title is 64 KiB, and the per-title buffers stay bounded. */
#define TL_MAX_TITLE_BYTES 65536

struct titlelint_context {
    atomic_int refcount;
    enum titlelint_context_flags flags;
    titlelint_log_fn log_fn;
    void *log_ud;
    enum titlelint_log_level log_level;
    char **dirs;
    size_t n_dirs;
    struct tl_lexicon *lex;     /* NULL until compiled */
};

struct titlelint_rule {
    const char *name;
    const char *code;
    enum titlelint_severity severity;
    /* Adds the rule's diagnostics for the checked title; NULL for rules
     * the pipeline itself reports (invalid-input). */
    void (*check)(struct titlelint_checker *chk,
                  const struct titlelint_rule *rule);
    const char *summary[2];      /* by enum titlelint_lang */
    const char *explanation[2];
};

/* A lexicon or pattern match in the normalized text. */
struct tl_hit {
    uint32_t start, end;        /* normalized byte offsets */
    uint32_t entry;             /* lexicon entry */
    uint8_t kind;               /* enum tl_kind of the entry */
    uint8_t sub;                /* the entry's sub-type */
    bool clear;                 /* a clearing word */
    bool dropped;               /* suppressed by a clearing word */
};

struct titlelint_diagnostic {
    const struct titlelint_rule *rule;
    const struct titlelint_checker *owner;
    enum titlelint_severity severity;
    uint32_t nstart, nend;      /* normalized byte span, for ordering */
    struct titlelint_position start, end;
    uint32_t message, text, canonical;   /* offsets into owner->strings */
};

struct titlelint_checker {
    struct titlelint_context *ctx;
    const struct tl_lexicon *lex;
    const UNormalizer2 *n2;
    struct tl_tokenizer *tokenizer;
    struct tl_regex_scratch *regex;
    enum titlelint_lang lang;
    enum titlelint_severity *severity;   /* per rule */

    /* the last title */
    struct tl_text text;
    struct tl_hit *hits;
    size_t n_hits, cap_hits;
    struct tl_span *spans;
    size_t n_spans, cap_spans;
    struct tl_token *tokens;
    size_t n_tokens, cap_tokens;
    uint32_t *own_brands;                /* entries naming the product's brand */
    size_t n_own, cap_own;
    struct titlelint_diagnostic *diags;
    size_t n_diags, cap_diags;
    struct strbuf strings;               /* messages and texts of diags */
    struct tl_text scratch;              /* normalizing the context strings */
    bool oom;
};

/* The rule table (rules.c), in code order. */
extern const struct titlelint_rule tl_rules[];
extern const size_t tl_n_rules;

/* Index of @rule in tl_rules. */
size_t tl_rule_index(const struct titlelint_rule *rule);

/*
 * Adds a diagnostic of @rule over normalized bytes [nstart, nend) of the
 * current title, with @canonical the matched term's canonical form (may be
 * NULL).  The message is printf-formatted; callers pass both languages as
 * a conditional of two literals so the compiler checks both formats.
 */
void tl_diag_add(struct titlelint_checker *chk, const struct titlelint_rule *rule,
                 size_t nstart, size_t nend, const char *canonical,
                 const char *fmt, ...) TL_PRINTF(6, 7);

#define TL_MSG(chk, zh, en) ((chk)->lang == TITLELINT_LANG_EN ? (en) : (zh))

/* The normalized text of a hit as a NUL-terminated copy in @buf. */
const char *tl_hit_text(const struct titlelint_checker *chk,
                        const struct tl_hit *hit, char *buf, size_t size);

static inline const struct tl_entry *
tl_hit_entry(const struct titlelint_checker *chk, const struct tl_hit *hit)
{
    return &chk->lex->entries[hit->entry];
}

bool tl_is_own_brand(const struct titlelint_checker *chk, uint32_t entry);

#endif
