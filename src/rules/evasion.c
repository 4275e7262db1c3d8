/*
 * Family 4 of the title guide, information evasion (TL401): a lexicon name
 * spelled so that review misses it.  The lexicon already holds the
 * generated spellings (某印良品, 香奈家, 香奈兒, xiangnaier, 雅诗兰dai) as
 * variants of their names; this file adds what can only be seen in the
 * title itself: separators inside a name (香*奈*儿, N.I.K.E), look-alike
 * letters (n1ke, Cyrillic), full-width letters, and 某 standing for a
 * name before 同款 (杨某同款).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "rules.h"

enum { FOLD_GAP = 1, FOLD_MAPPED = 2 };

/* Characters sellers put between the letters of a name. */
static bool
separator(UChar32 c)
{
    return c == ' ' || c == '*' || c == '.' || c == '-' || c == '_' || c == '/' ||
           c == '|' || c == '~' || c == '+' || c == ',' || c == '\'' || c == '"' ||
           c == 0x00B7 || c == 0x3001 || c == 0x30FB || c == 0x2014 || c == 0x2026;
}

static bool
same_script(UChar32 a, UChar32 b)
{
    UErrorCode e1 = U_ZERO_ERROR, e2 = U_ZERO_ERROR;

    if (tl_is_latin_letter(a) || tl_is_latin_letter(b))
        return tl_is_latin_letter(a) && tl_is_latin_letter(b);
    return uscript_getScript(a, &e1) == USCRIPT_HAN && uscript_getScript(b, &e2) == USCRIPT_HAN;
}

static bool
fold_reserve(struct titlelint_checker *chk, size_t need)
{
    if (!strbuf_reserve(&chk->fold, need))
        return false;
    size_t cap = chk->cap_fold;
    if (!grow_array(&chk->fold_start, &cap, need + 1, sizeof(uint32_t)))
        return false;
    uint32_t *e = realloc(chk->fold_end, cap * sizeof(uint32_t));
    if (!e)
        return false;
    chk->fold_end = e;
    uint8_t *f = realloc(chk->fold_flags, cap);
    if (!f)
        return false;
    chk->fold_flags = f;
    chk->cap_fold = cap;
    return true;
}

struct fold_scan {
    struct titlelint_checker *chk;
    size_t n_main;               /* hits of the plain scan */
};

static bool
on_folded(void *ud, uint32_t pattern, size_t fs, size_t fe)
{
    struct fold_scan *fsc = ud;
    struct titlelint_checker *chk = fsc->chk;
    const struct tl_lexicon *lex = chk->lex;
    const char *f = chk->fold.data;

    /* Something was hidden inside the name: a gap after its first byte,
     * or a mapped look-alike anywhere in it. */
    uint8_t flags = 0;
    size_t gaps = 0;
    for (size_t i = fs; i < fe; i++) {
        flags |= i == fs ? (chk->fold_flags[i] & FOLD_MAPPED) : chk->fold_flags[i];
        gaps += i > fs && (chk->fold_flags[i] & FOLD_GAP);
    }
    /* In Latin, one space or hyphen is ordinary spacing (One plus, XD-S);
     * letters pulled apart (N.I.K.E) take two separators or more. */
    bool contact = false;
    for (uint32_t i = lex->term_first[pattern]; i < lex->term_first[pattern + 1]; i++)
        contact |= lex->entries[lex->terms[i].entry].kind == TL_KIND_CONTACT;
    if (!(flags & FOLD_MAPPED) && gaps < (contact ? 1u : 2u) && tl_is_latin_letter((uint8_t) f[fs]))
        return true;
    /* Look-alikes need a longer name: 2mi is not ZMI, r0g not ROG. */
    size_t min = (flags & FOLD_MAPPED) ? 4 : 3;
    if (!flags || utf8_count(f + fs, fe - fs) < min ||
        !tl_word_edges_ok(f, chk->fold.len, fs, fe))
        return true;
    size_t ns = chk->fold_start[fs], ne = chk->fold_end[fe - 1];

    for (uint32_t i = lex->term_first[pattern]; i < lex->term_first[pattern + 1]; i++) {
        const struct tl_term *t = &lex->terms[i];
        uint8_t kind = lex->entries[t->entry].kind;
        /* Separators around a guess are two guesses (办公 中号 is not
         * 公众号): only names and written variants are looked for here. */
        if (t->clear || t->generated || (kind != TL_KIND_BRAND && kind != TL_KIND_PERSON &&
                                         kind != TL_KIND_CONTACT))
            continue;
        bool known = false;
        for (size_t k = 0; k < fsc->n_main && !known; k++) {
            const struct tl_hit *h = &chk->hits[k];
            known = h->entry == t->entry && h->start < ne && ns < h->end;
        }
        if (known)
            continue;
        uint8_t how = t->variant != TL_VARIANT_NONE ? t->variant
                      : (flags & FOLD_MAPPED) ? TL_VARIANT_LOOKALIKE : TL_VARIANT_SEPARATED;
        if (!tl_push_hit(chk, t, how, ns, ne))
            return false;
    }
    return true;
}

void
tl_evasion_scan(struct titlelint_checker *chk)
{
    const struct tl_text *t = &chk->text;
    const uint8_t *s = (const uint8_t *) t->norm;
    int32_t len = (int32_t) t->norm_len;
    bool hidden = false, gap = false;
    UChar32 prev = 0, prev_orig = 0;

    strbuf_reset(&chk->fold);
    if (!fold_reserve(chk, t->norm_len + 1)) {
        chk->oom = true;
        return;
    }
    for (int32_t i = 0; i < len;) {
        int32_t b = i;
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (separator(c)) {
            gap = chk->fold.len > 0;
            continue;
        }
        /* A gap hides something only inside a word of one script:
         * 香 奈 儿, N.I.K.E, not 哪吒 2. */
        if (gap && !same_script(prev, c))
            gap = false;
        /* A look-alike counts only beside a Latin letter (n1ke, not 2024). */
        UChar32 out = c;
        uint8_t flags = gap ? FOLD_GAP : 0;
        if (!(c < 0x80 && tl_is_latin_letter(c))) {
            UChar32 next = 0;
            int32_t j = i;
            while (j < len) {
                U8_NEXT(s, j, len, next);
                if (!separator(next))
                    break;
                next = 0;
            }
            uint32_t m = tl_lexicon_lookalike(chk->lex, (uint32_t) c);
            /* A digit beside another digit is a number (k40, m51). */
            bool lone = !(u_isdigit(c) && (u_isdigit(prev_orig) || u_isdigit(next)));
            if (m && lone && (tl_is_latin_letter(prev) || tl_is_latin_letter(next))) {
                out = (UChar32) m;
                flags |= FOLD_MAPPED;
            }
        }
        hidden |= flags != 0;
        size_t at = chk->fold.len;
        char buf[4];
        int32_t n = 0;
        U8_APPEND_UNSAFE((uint8_t *) buf, n, out);
        strbuf_append(&chk->fold, buf, (size_t) n);
        for (size_t k = at; k < chk->fold.len; k++) {
            chk->fold_start[k] = (uint32_t) b;
            chk->fold_end[k] = (uint32_t) i;
            chk->fold_flags[k] = k == at ? flags : 0;
        }
        prev = out;
        prev_orig = c;
        gap = false;
    }
    if (!hidden)
        return;
    struct fold_scan fsc = { chk, chk->n_hits };
    tl_ac_scan(chk->lex->ac, chk->fold.data, chk->fold.len, on_folded, &fsc);
}

static const char *
how_text(const struct titlelint_checker *chk, uint8_t how)
{
    switch (how) {
    case TL_VARIANT_SHORT: return TL_MSG(chk, "简写", "a shortened form");
    case TL_VARIANT_HOMOPHONE: return TL_MSG(chk, "谐音或形近字", "a homophone or look-alike character");
    case TL_VARIANT_PLACEHOLDER: return TL_MSG(chk, "用“某”等代替其中一字", "a character replaced by 某");
    case TL_VARIANT_LATIN_TAIL: return TL_MSG(chk, "末字改写成拼音或字母", "the last syllable in Latin letters");
    case TL_VARIANT_PINYIN: return TL_MSG(chk, "拼音", "pinyin");
    case TL_VARIANT_INITIALS: return TL_MSG(chk, "拼音首字母", "pinyin initials");
    case TL_VARIANT_LOOKALIKE: return TL_MSG(chk, "形近的字母或数字", "look-alike letters or digits");
    case TL_VARIANT_TRADITIONAL: return TL_MSG(chk, "繁体字", "traditional characters");
    case TL_VARIANT_SEPARATED: return TL_MSG(chk, "在字中间插入符号或空格", "symbols or spaces inside the name");
    case TL_VARIANT_FULLWIDTH: return TL_MSG(chk, "全角字母", "full-width letters");
    default: return TL_MSG(chk, "变体写法", "a variant spelling");
    }
}

static void
report(struct titlelint_checker *chk, const struct titlelint_rule *rule, size_t ns,
       size_t ne, uint32_t entry, uint8_t how)
{
    const char *canon = tl_lexicon_str(chk->lex, chk->lex->entries[entry].name);
    char span[256];

    tl_orig_text(chk, ns, ne, span, sizeof(span));
    tl_diag_add(chk, rule, ns, ne, canon,
                TL_MSG(chk, "“%s”疑似“%s”的规避写法（%s），规避审核",
                       "“%s” looks like %s disguised to dodge review (%s)"),
                span, canon, how_text(chk, how));
}

static bool
has_fullwidth_letter(const struct titlelint_checker *chk, const struct tl_hit *h)
{
    size_t cs, ce;

    tl_text_orig_span(&chk->text, h->start, h->end, &cs, &ce);
    for (size_t i = chk->text.char_byte[cs]; i + 2 < chk->text.char_byte[ce]; i++) {
        const uint8_t *p = (const uint8_t *) chk->text.orig + i;
        /* U+FF21..U+FF3A and U+FF41..U+FF5A: EF BC A1..BA, EF BD 81..9A */
        if (p[0] == 0xEF && ((p[1] == 0xBC && p[2] >= 0xA1 && p[2] <= 0xBA) ||
                             (p[1] == 0xBD && p[2] >= 0x81 && p[2] <= 0x9A)))
            return true;
    }
    return false;
}

/* Generated guesses (a homophone, 某 for one character, a single Latin
 * letter for the last syllable) and short forms are often real words or
 * other real brands (维克多 and 威克多, 无印灰色): they count only beside a
 * riding marker, where the intent is plain (香奈家同款, 无印风).  Other
 * written variants always count. */
static bool
fuzzy(const struct titlelint_checker *chk, const struct tl_hit *h)
{
    /* A contact word disguised is plain enough on its own (联系方试). */
    if (h->generated && h->kind != TL_KIND_CONTACT &&
        (h->variant == TL_VARIANT_HOMOPHONE || h->variant == TL_VARIANT_PLACEHOLDER))
        return true;
    /* A short form (无印) is often a plain word too (无印灰色). */
    if (h->variant == TL_VARIANT_SHORT)
        return true;
    if (!h->generated || h->variant != TL_VARIANT_LATIN_TAIL)
        return false;
    size_t letters = 0;
    for (size_t i = h->end; i > h->start && tl_is_latin_letter((uint8_t) chk->text.norm[i - 1]); i--)
        letters++;
    return letters < 2;
}

static bool
contact_word_inside(const struct titlelint_checker *chk, const struct tl_hit *h)
{
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *o = &chk->hits[i];
        if (o != h && o->kind == TL_KIND_CONTACT && tl_live(o) &&
            o->variant == TL_VARIANT_NONE && o->start < h->end && h->start < o->end)
            return true;
    }
    return false;
}

void
tl_check_evasion(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    size_t last_start = SIZE_MAX, last_end = SIZE_MAX;

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h) || (h->kind != TL_KIND_BRAND && h->kind != TL_KIND_PERSON &&
                            h->kind != TL_KIND_CONTACT) ||
            tl_is_own_brand(chk, h->entry) || tl_is_authorized(chk, h->entry))
            continue;
        uint8_t how = h->variant;
        if (how == TL_VARIANT_NONE && h->kind != TL_KIND_CONTACT && has_fullwidth_letter(chk, h))
            how = TL_VARIANT_FULLWIDTH;
        if (how == TL_VARIANT_NONE || (h->start == last_start && h->end == last_end))
            continue;
        /* 薇信下单 holds 薇信, a contact word of its own: reported once,
         * by off-platform-contact. */
        if (h->kind == TL_KIND_CONTACT && contact_word_inside(chk, h))
            continue;
        unsigned riding = TL_MASK(TL_MARKER_RIDING) | TL_MASK(TL_MARKER_ENDORSE);
        if (fuzzy(chk, h) && !tl_marker_after(chk, h, riding) && !tl_marker_before(chk, h, riding))
            continue;
        last_start = h->start;
        last_end = h->end;
        report(chk, rule, h->start, h->end, h->entry, how);
    }

    /* 杨某同款: 某 standing for a name right before a riding marker. */
    const char *s = chk->text.norm;
    for (const char *at = strstr(s, "某"); at; at = strstr(at + 3, "某")) {
        size_t b = (size_t) (at - s);
        if (b < 3)
            continue;
        UChar32 prev;
        int32_t k = (int32_t) b;
        U8_PREV((const uint8_t *) s, 0, k, prev);
        UErrorCode err = U_ZERO_ERROR;
        if (uscript_getScript(prev, &err) != USCRIPT_HAN || prev == 0x67D0)
            continue;
        size_t after = b + 3;
        while (after < chk->text.norm_len && s[after] == ' ')
            after++;
        const struct tl_hit *marker = NULL, *name = NULL;
        for (size_t i = 0; i < chk->n_hits; i++) {
            const struct tl_hit *h = &chk->hits[i];
            if (!tl_live(h))
                continue;
            if (h->kind == TL_KIND_MARKER && h->start == after &&
                (h->sub == TL_MARKER_RIDING || h->sub == TL_MARKER_ENDORSE))
                marker = h;
            if ((h->kind == TL_KIND_BRAND || h->kind == TL_KIND_PERSON) &&
                h->start <= b && b < h->end)
                name = h;   /* already a placeholder variant of a name */
        }
        if (!marker || name)
            continue;
        char span[128];
        tl_orig_text(chk, (size_t) k, marker->end, span, sizeof(span));
        tl_diag_add(chk, rule, (size_t) k, marker->end, NULL,
                    TL_MSG(chk, "“%s”用“某”代替名字，规避审核", "“%s” hides a name behind 某 to dodge review"),
                    span);
    }
}
