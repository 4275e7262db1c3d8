/*
 * Stage 3a: lexicons.  Loads every "*.tsv" of the lexicon directories,
 * validates each line (errors name file:line), normalizes every term with
 * the title normalizer and compiles all terms into one Aho-Corasick
 * automaton plus a list of PCRE2 patterns.  The result is immutable and
 * shared read-only between threads.  Formats: titlelint-lexicon(5).
 */
#ifndef TL_LEXICON_H
#define TL_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "match.h"
#include "util.h"

enum tl_kind {
    TL_KIND_BRAND,
    TL_KIND_PERSON,
    TL_KIND_CATEGORY,
    TL_KIND_ATTRIBUTE,
    TL_KIND_MARKER,
    TL_KIND_HOTWORD,
    TL_KIND_ABSOLUTE,
    TL_KIND_CONTACT,
    TL_KIND_PRICE,
    TL_KIND_PATTERN,
    TL_KIND_HOMOPHONE,       /* evasion aids: used while loading */
    TL_KIND_LOOKALIKE,
    TL_KIND_VARIANT,
    TL_KIND_COUNT
};

/* How a surface form disguises its entry's name (evasion, TL401). */
enum tl_variant {
    TL_VARIANT_NONE,         /* the name itself or a real alias */
    TL_VARIANT_SHORT,        /* a truncation: 阿迪 */
    TL_VARIANT_HOMOPHONE,    /* a near-homophone character: 香奈家 */
    TL_VARIANT_PLACEHOLDER,  /* a character replaced by 某: 某印良品 */
    TL_VARIANT_LATIN_TAIL,   /* the last syllable in Latin: 雅诗兰dai */
    TL_VARIANT_PINYIN,       /* xiangnaier */
    TL_VARIANT_INITIALS,
    TL_VARIANT_LOOKALIKE,    /* look-alike letters or digits: n1ke */
    TL_VARIANT_TRADITIONAL,  /* traditional characters: 香奈兒 */
    TL_VARIANT_OTHER,
    TL_VARIANT_SEPARATED,    /* separators inside: 香*奈*儿 (found at run time) */
    TL_VARIANT_FULLWIDTH,    /* full-width letters: ＣＨＡＮＥＬ (found at run time) */
};

/* people: type */
enum tl_person_type {
    TL_PERSON_ACTOR, TL_PERSON_SINGER, TL_PERSON_ATHLETE, TL_PERSON_HOST,
    TL_PERSON_INFLUENCER, TL_PERSON_FILM, TL_PERSON_CARTOON, TL_PERSON_GAME,
    TL_PERSON_MUSEUM, TL_PERSON_CHARACTER,
};
#define TL_PERSON_IS_IP(t) ((t) >= TL_PERSON_FILM)

/* markers: type and side */
enum tl_marker_type {
    TL_MARKER_RIDING,   /* 同款 平替 同厂 ...: rides a brand or a person */
    TL_MARKER_ENDORSE,  /* 代言 联名 在逃 周边 推荐: rides a person or IP */
    TL_MARKER_COMPAT,   /* 适用 兼容 for ...: honest compatibility */
    TL_MARKER_GENERIC,  /* 情侣同款 ...: 同款 that names nobody */
    TL_MARKER_SET,      /* 套装 整套 礼盒 ...: one product of several pieces */
};
enum tl_marker_side { TL_SIDE_AFTER, TL_SIDE_BEFORE, TL_SIDE_EITHER };

/* attributes (and patterns): kind */
enum tl_attr_kind {
    TL_ATTR_MATERIAL, TL_ATTR_FUNCTION, TL_ATTR_SEASON, TL_ATTR_CROWD,
    TL_ATTR_SCENARIO, TL_ATTR_STYLE, TL_ATTR_COLOR, TL_ATTR_VARIETY,
    TL_ATTR_ORIGIN, TL_ATTR_GRADE, TL_ATTR_FLAVOR, TL_ATTR_SPEC,
    TL_ATTR_MODEL, TL_ATTR_COUNT
};
/* pattern kinds beyond the attribute kinds */
enum { TL_PATTERN_CONTACT = TL_ATTR_COUNT, TL_PATTERN_PRICE, TL_PATTERN_SET };

enum tl_hotword_type { TL_HOTWORD_PLATFORM, TL_HOTWORD_TREND };

#define TL_MAX_FIELDS 5

struct tl_entry {
    uint8_t kind;            /* enum tl_kind */
    uint8_t sub;             /* person type, marker type, attribute kind, ... */
    uint8_t side;            /* markers only */
    uint16_t file;           /* index into lexicon->files */
    uint32_t line;
    uint32_t dir;            /* index of the lexicon directory */
    uint32_t name;           /* canonical name as written (pool offset) */
    uint32_t norm_name;      /* normalized canonical name (pool offset) */
    uint32_t field[TL_MAX_FIELDS]; /* raw fields as written (pool offsets) */
};

/* One surface form of an entry as matched in normalized text. */
struct tl_term {
    uint32_t entry;
    bool clear;              /* a clearing word: suppresses its entry inside it */
    bool generated;          /* a variant guessed while loading, not written */
    uint8_t variant;         /* enum tl_variant */
};

/* A character that imitates a Latin letter (lookalikes.tsv), sorted by
 * from; the first mapping of a character wins. */
struct tl_lookalike {
    uint32_t from, to;
};

struct tl_lexicon {
    struct strbuf pool;      /* every string, NUL-separated */
    struct tl_entry *entries;
    size_t n_entries, cap_entries;
    char **files;            /* paths as opened, for messages */
    size_t n_files;
    /* terms grouped by pattern: pattern p owns terms[term_first[p] ..
     * term_first[p + 1]) */
    struct tl_term *terms;
    uint32_t *term_first;
    uint32_t *pattern_str;   /* pool offset of each pattern's normalized string */
    size_t n_terms, n_patterns;
    struct tl_ac *ac;
    struct tl_regex_set *regexes;
    struct tl_lookalike *lookalikes;
    size_t n_lookalikes;
};

typedef void (*tl_lexicon_log_fn)(void *ud, int level, const char *fmt, ...) TL_PRINTF(3, 4);

/*
 * Loads the directories in order into a new lexicon.  Every error is logged
 * through @log (level 1 = error) with its file:line; loading goes on to
 * report all of them.  Returns NULL on any error, with *@status set.
 */
struct tl_lexicon *
tl_lexicon_load(const char *const *dirs, size_t n_dirs, tl_lexicon_log_fn log,
                void *log_ud, int *status);

void tl_lexicon_free(struct tl_lexicon *lex);

static inline const char *
tl_lexicon_str(const struct tl_lexicon *lex, uint32_t off)
{
    return lex->pool.data + off;
}

/* The look-alike Latin letter @c imitates, or 0. */
uint32_t tl_lexicon_lookalike(const struct tl_lexicon *lex, uint32_t c);

/* Names of the enumerations as written in lexicon files. */
const char *tl_variant_name(unsigned variant);
const char *tl_attr_kind_name(unsigned kind);
int tl_attr_kind_from_name(const char *name);

#endif
