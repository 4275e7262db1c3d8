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
    bool token;                 /* chosen as a token (leftmost-longest) */
    bool generated;             /* the variant was guessed, not written */
    uint8_t variant;            /* enum tl_variant: a disguised spelling */
};

/* Names resolved to lexicon entries (own brands, authorized names). */
struct tl_entry_set {
    uint32_t *ids;
    size_t n, cap;
};

/* The title's parts, as the rules see them (JSON "parsed"). */
struct tl_parse {
    int32_t context_category;   /* entry of --category, or -1 */
    int32_t core_category;      /* the product's category entry, or -1 */
    int32_t core_hit;           /* its hit in the title, or -1 */
    uint32_t attr_kinds;        /* bit per enum tl_attr_kind found */
    bool has_set;               /* 套装 整套 N件套 ...: one product of several goods */
    bool has_leaf_category;     /* a category word of a leaf (not a generic head) */
    bool has_own_brand;         /* own brands are known (context or config) */
    int32_t inferred_own_hit;   /* without one: the first brand, taken as own,
                                 * unless the title opens with 【X】 of a brand
                                 * the lexicons do not know */
    uint32_t leading_start, leading_end; /* that X (normalized bytes), if any */
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
    struct tl_entry_set own;             /* this title's brand (context) */
    struct strbuf context_brand;         /* ... as given, for the parse */
    struct tl_entry_set cfg_own;         /* configured own brands */
    struct tl_entry_set cfg_authorized;  /* configured authorized brands and IPs */
    struct strbuf cfg_allowed;           /* allowed words, normalized, NUL-separated */
    size_t min_valid_chars, max_chars;
    char examples[TL_ATTR_COUNT][96];    /* a few terms of each attribute kind */
    struct tl_parse parse;
    bool parsed;                         /* parse is the last title's */

    /* the suggestion of the last title, built on demand (suggest.c) */
    bool suggested, has_suggestion;
    struct strbuf suggestion, sugg_missing, sugg_template;
    size_t n_missing;
    struct titlelint_checker *verifier;  /* lints suggestions; made on demand */
    struct titlelint_diagnostic *diags;
    size_t n_diags, cap_diags;
    struct strbuf strings;               /* messages and texts of diags */
    struct tl_text scratch;              /* normalizing the context strings */
    struct strbuf fold;                  /* evasion: the title folded */
    uint32_t *fold_start, *fold_end;     /* folded byte -> normalized bytes */
    uint8_t *fold_flags;                 /* per folded byte: gap before, mapped */
    size_t cap_fold;
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

/* The same over original characters [cstart, cend). */
void tl_diag_add_chars(struct titlelint_checker *chk, const struct titlelint_rule *rule,
                       size_t cstart, size_t cend, const char *canonical,
                       const char *fmt, ...) TL_PRINTF(6, 7);

/* Lowers the last diagnostic, if it is @rule's, one severity level (never
 * below info): the weaker form of a rule's finding. */
void tl_diag_soften_last(struct titlelint_checker *chk, const struct titlelint_rule *rule);

#define TL_MSG(chk, zh, en) ((chk)->lang == TITLELINT_LANG_EN ? (en) : (zh))

/* The normalized text of a hit as a NUL-terminated copy in @buf. */
const char *tl_hit_text(const struct titlelint_checker *chk,
                        const struct tl_hit *hit, char *buf, size_t size);

static inline const struct tl_entry *
tl_hit_entry(const struct titlelint_checker *chk, const struct tl_hit *hit)
{
    return &chk->lex->entries[hit->entry];
}

bool tl_entry_set_has(const struct tl_entry_set *set, uint32_t entry);
bool tl_entry_set_add(struct tl_entry_set *set, uint32_t entry);
bool tl_is_own_brand(const struct titlelint_checker *chk, uint32_t entry);
bool tl_is_authorized(const struct titlelint_checker *chk, uint32_t entry);

/* A live hit: neither a clearing word nor cleared. */
static inline bool
tl_live(const struct tl_hit *h)
{
    return !h->clear && !h->dropped;
}

/* The original text of normalized bytes [ns, ne) into @buf, for messages. */
const char *tl_orig_text(const struct titlelint_checker *chk, size_t ns, size_t ne,
                         char *buf, size_t size);

/* parse.c: the title's parts, after matching, before the rules. */
void tl_parse_title(struct titlelint_checker *chk, const char *category);
/* Entries of @kind one of whose names is the whole of @name, added to @set. */
bool tl_resolve_name(struct titlelint_checker *chk, const char *name, enum tl_kind kind,
                     struct tl_entry_set *set);
/* True when the brand names the device an accessory fits: after 适用,
 * 兼容 ... (适用苹果15手机壳), or before the accessory (华为荣耀10手机壳). */
bool tl_brand_is_compat(const struct titlelint_checker *chk, const struct tl_hit *h);
/* True when the category hit is the device an accessory fits (适用苹果手机). */
bool tl_is_compat_target(const struct titlelint_checker *chk, const struct tl_hit *h);
/* True when a live hit of one of @kinds (bit per enum tl_kind) covers @h
 * (and is longer, with @strictly_longer). */
bool tl_hit_covered(const struct titlelint_checker *chk, const struct tl_hit *h,
                    unsigned kinds, bool strictly_longer);
/* True when the category hit counts as a category of the title: live, not
 * inside a brand or person name, not inside a longer category word. */
bool tl_is_category_word(const struct titlelint_checker *chk, const struct tl_hit *h);
/* True for a generic head (玩具, 电脑, 配件): a category whose path has one
 * or two elements (玩具乐器>玩具) rather than top>middle>leaf.  It names
 * the goods only when no leaf does, and is never a second subject. */
bool tl_is_generic_category(const struct titlelint_checker *chk, uint32_t entry);
/* Two leaves are one product: the same, an accessory of the other, a kind
 * of the other (磁吸手机壳, 手机壳), or (with @siblings) leaves of one
 * parent (服饰内衣>女装). */
bool tl_categories_related(const struct titlelint_checker *chk, uint32_t a, uint32_t b,
                           bool siblings);

/* checker.c: adds a hit of @entry over normalized bytes [start, end). */
bool tl_push_hit(struct titlelint_checker *chk, const struct tl_term *term,
                 uint8_t variant, size_t start, size_t end);
/* Whole-word rule of Latin terms over [start, end) of @s. */
bool tl_word_edges_ok(const char *s, size_t len, size_t start, size_t end);
bool tl_is_latin_letter(int32_t c);

/* rules/format.c: whether the product API accepts character @c. */
bool tl_char_accepted(int32_t c);

/* rules/category.c: the groups of required attribute kinds (bit per enum
 * tl_attr_kind, any one satisfies a group) the core category lacks. */
size_t tl_missing_groups(const struct titlelint_checker *chk, uint32_t *groups, size_t max);
/* "材质（如 纯棉、针织）或款式风格（如 …）" for a group, in the checker's language. */
void tl_describe_group(const struct titlelint_checker *chk, uint32_t kinds, char *out,
                       size_t size);
/* "材质" or "material". */
const char *tl_kind_label(const struct titlelint_checker *chk, int kind);

/* rules/evasion.c: matches of disguised names with separators or look-alike
 * letters, added to the hits before the rules run. */
void tl_evasion_scan(struct titlelint_checker *chk);
/* rules/common.c: a marker of @types (bit per enum tl_marker_type) beside
 * a name hit. */
const struct tl_hit *tl_marker_after(const struct titlelint_checker *chk,
                                     const struct tl_hit *name, unsigned types);
const struct tl_hit *tl_marker_before(const struct titlelint_checker *chk,
                                      const struct tl_hit *name, unsigned types);
#define TL_MASK(t) (1u << (t))

#endif
