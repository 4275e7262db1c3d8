/*
 * The parsed title: its brand, category, attributes and markers, worked out
 * once from the hits before the rules run, and the context (--brand,
 * --category) resolved to lexicon entries.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

struct resolve {
    struct titlelint_checker *chk;
    struct tl_entry_set *set;
    enum tl_kind kind;
    size_t len;
    bool oom;
};

static bool
on_whole_name(void *ud, uint32_t pattern, size_t start, size_t end)
{
    struct resolve *r = ud;
    const struct tl_lexicon *lex = r->chk->lex;

    if (start != 0 || end != r->len)
        return true;
    for (uint32_t i = lex->term_first[pattern]; i < lex->term_first[pattern + 1]; i++) {
        const struct tl_term *t = &lex->terms[i];
        if (t->clear || lex->entries[t->entry].kind != r->kind ||
            tl_entry_set_has(r->set, t->entry))
            continue;
        if (!grow_array(&r->set->ids, &r->set->cap, r->set->n + 1, sizeof(uint32_t))) {
            r->oom = true;
            return false;
        }
        r->set->ids[r->set->n++] = t->entry;
    }
    return true;
}

bool
tl_resolve_name(struct titlelint_checker *chk, const char *name, enum tl_kind kind,
                struct tl_entry_set *set)
{
    size_t bad;

    if (!name || !*name ||
        tl_normalize(chk->n2, &chk->scratch, name, strlen(name), &bad) != TL_NORM_OK)
        return true;
    struct resolve r = { chk, set, kind, chk->scratch.norm_len, false };
    tl_ac_scan(chk->lex->ac, chk->scratch.norm, chk->scratch.norm_len, on_whole_name, &r);
    return !r.oom;
}

/* --category: a leaf name or a path (服饰内衣>女装>连衣裙).  The deepest
 * element the lexicon knows is the product's category. */
static int32_t
resolve_category(struct titlelint_checker *chk, const char *category)
{
    char part[256];
    struct tl_entry_set set = { 0 };
    int32_t found = -1;

    if (!category || !*category)
        return -1;
    const char *end = category + strlen(category);
    while (end > category && found < 0) {
        const char *start = end;
        while (start > category && start[-1] != '>')
            start--;
        size_t n = (size_t) (end - start);
        if (n && n < sizeof(part)) {
            memcpy(part, start, n);
            part[n] = '\0';
            set.n = 0;
            if (tl_resolve_name(chk, part, TL_KIND_CATEGORY, &set) && set.n)
                found = (int32_t) set.ids[0];
        }
        end = start > category ? start - 1 : category;
    }
    free(set.ids);
    return found;
}

bool
tl_hit_covered(const struct titlelint_checker *chk, const struct tl_hit *h, unsigned kinds,
               bool strictly_longer)
{
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *o = &chk->hits[i];
        if (o == h || !tl_live(o) || !(kinds & TL_MASK(o->kind)))
            continue;
        if (o->start <= h->start && h->end <= o->end &&
            (!strictly_longer || o->end - o->start > h->end - h->start))
            return true;
    }
    return false;
}

/* Whether a word of @kinds at least as long as @h overlaps it partly and
 * ends after it.  Of two such words one was cut out of the other's
 * characters, and Chinese puts the head last: in 圆领针织衫 the 领针 that
 * 针织 overlaps is no word, in 羊毛衫 the 毛衫 that 羊毛 overlaps is. */
static bool
crossed_by_later(const struct titlelint_checker *chk, const struct tl_hit *h, unsigned kinds)
{
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *o = &chk->hits[i];
        if (o == h || !tl_live(o) || !(kinds & TL_MASK(o->kind)))
            continue;
        if (h->start < o->start && o->start < h->end && h->end < o->end &&
            o->end - o->start >= h->end - h->start)
            return true;
    }
    return false;
}

bool
tl_is_category_word(const struct titlelint_checker *chk, const struct tl_hit *h)
{
    /* 图书 in 图书馆 (a scenario) or 芝士 in 芝士味 (a flavour) names no goods */
    unsigned words = TL_MASK(TL_KIND_CATEGORY) | TL_MASK(TL_KIND_ATTRIBUTE);
    return h->kind == TL_KIND_CATEGORY && tl_live(h) &&
           !tl_hit_covered(chk, h, TL_MASK(TL_KIND_BRAND) | TL_MASK(TL_KIND_PERSON), false) &&
           !tl_hit_covered(chk, h, words, true) && !crossed_by_later(chk, h, words);
}

bool
tl_is_generic_category(const struct titlelint_checker *chk, uint32_t entry)
{
    const char *path = tl_lexicon_str(chk->lex, chk->lex->entries[entry].field[0]);
    const char *gt = strchr(path, '>');
    return !gt || !strchr(gt + 1, '>');
}

static bool
has_for(const struct titlelint_checker *chk, uint32_t entry)
{
    return tl_lexicon_str(chk->lex, chk->lex->entries[entry].field[3])[0] != '\0';
}

/* Walks back from @at over spaces, brand names and model numbers; true
 * when a compatibility marker stands there (适用 苹果 15 | 手机). */
static bool
compat_before(const struct titlelint_checker *chk, size_t at)
{
    for (int step = 0; step < 4; step++) {
        while (at > 0 && chk->text.norm[at - 1] == ' ')
            at--;
        const struct tl_hit *next = NULL;
        for (size_t i = 0; i < chk->n_hits; i++) {
            const struct tl_hit *h = &chk->hits[i];
            if (h->end != at || !tl_live(h))
                continue;
            if (h->kind == TL_KIND_MARKER && h->sub == TL_MARKER_COMPAT)
                return true;
            if (h->kind == TL_KIND_BRAND ||
                (h->kind == TL_KIND_PATTERN && (h->sub == TL_ATTR_MODEL || h->sub == TL_ATTR_SPEC)))
                if (!next || h->start < next->start)
                    next = h;
        }
        if (!next)
            return false;
        at = next->start;
    }
    return false;
}

/* Walks forward from @at over spaces, slashes, Latin model names, digits,
 * brand names and patterns; true when an accessory category comes next
 * (华为荣耀10手机壳: 华为 names the phone the case fits). */
static bool
accessory_after(const struct titlelint_checker *chk, size_t at)
{
    const char *s = chk->text.norm;
    size_t len = chk->text.norm_len, limit = at + 48;
    int unknown = 0;   /* characters no lexicon knows: a model name (畅玩7A) */

    while (at < len && at < limit) {
        unsigned char c = (unsigned char) s[at];
        if (c == ' ' || c == '/' || c == '-' || c == '+' || (c < 0x80 && (c >= '0' && c <= '9')) ||
            (c >= 'a' && c <= 'z')) {
            at++;
            continue;
        }
        const struct tl_hit *next = NULL;
        for (size_t i = 0; i < chk->n_hits; i++) {
            const struct tl_hit *h = &chk->hits[i];
            if (h->start != at || !tl_live(h))
                continue;
            if (h->kind == TL_KIND_CATEGORY && has_for(chk, h->entry))
                return true;
            /* brands, models, and the device itself (华为 笔记本 保护膜) */
            if ((h->kind == TL_KIND_BRAND || h->kind == TL_KIND_PATTERN ||
                 h->kind == TL_KIND_CATEGORY) && (!next || h->end > next->end))
                next = h;
        }
        if (next) {
            at = next->end;
        } else if (c >= 0xE0 && unknown < 3) {
            unknown++;
            at += 3;
        } else {
            return false;
        }
    }
    return false;
}

/* The live brand hit starting (or, backwards, ending) at @at, skipping
 * list separators and Latin model names; NULL if none. */
static const struct tl_hit *
adjacent_brand(const struct titlelint_checker *chk, size_t at, bool forward)
{
    const char *s = chk->text.norm;

    for (;;) {
        if (forward ? at >= chk->text.norm_len : at == 0)
            return NULL;
        unsigned char c = (unsigned char) s[forward ? at : at - 1];
        if (c == ' ' || c == '/' || c == '+' || c == ',' || (c >= '0' && c <= '9')) {
            at += forward ? 1 : -1;
            continue;
        }
        for (size_t i = 0; i < chk->n_hits; i++) {
            const struct tl_hit *h = &chk->hits[i];
            if (h->kind == TL_KIND_BRAND && tl_live(h) && (forward ? h->start : h->end) == at)
                return h;
        }
        return NULL;
    }
}

/* A compatibility marker right after @at (苹果华为小米通用). */
static bool
compat_after(const struct titlelint_checker *chk, size_t at)
{
    while (at < chk->text.norm_len && chk->text.norm[at] == ' ')
        at++;
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (h->start == at && tl_live(h) && h->kind == TL_KIND_MARKER &&
            h->sub == TL_MARKER_COMPAT && tl_hit_entry(chk, h)->side != TL_SIDE_BEFORE)
            return true;
    }
    return false;
}

bool
tl_brand_is_compat(const struct titlelint_checker *chk, const struct tl_hit *h)
{
    /* A list of brands (oppo华为vivo苹果) shares its compatibility. */
    const struct tl_hit *first = h, *last = h, *b;
    for (int n = 0; n < 16 && (b = adjacent_brand(chk, first->start, false)); n++)
        first = b;
    for (int n = 0; n < 16 && (b = adjacent_brand(chk, last->end, true)); n++)
        last = b;
    return compat_before(chk, first->start) || accessory_after(chk, last->end) ||
           compat_after(chk, last->end);
}

bool
tl_is_compat_target(const struct titlelint_checker *chk, const struct tl_hit *h)
{
    /* An accessory is the product itself (适用苹果15手机壳), never the
     * device it fits. */
    return !has_for(chk, h->entry) && compat_before(chk, h->start);
}

/* Whether "|"-list @list holds @name. */
static bool
list_has(const char *list, const char *name)
{
    size_t n = strlen(name);

    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t) (bar - p) : strlen(p);
        if (len == n && memcmp(p, name, n) == 0)
            return true;
        if (!bar)
            break;
        p = bar + 1;
    }
    return false;
}

/* Length of a category path without its leaf (服饰内衣>女装 of
 * 服饰内衣>女装>开衫). */
static size_t
parent_len(const char *path)
{
    const char *gt = strrchr(path, '>');
    return gt ? (size_t) (gt - path) : 0;
}

bool
tl_categories_related(const struct titlelint_checker *chk, uint32_t a, uint32_t b,
                      bool siblings)
{
    const struct tl_lexicon *lex = chk->lex;
    const struct tl_entry *ea = &lex->entries[a], *eb = &lex->entries[b];

    if (a == b)
        return true;
    if (list_has(tl_lexicon_str(lex, ea->field[3]), tl_lexicon_str(lex, eb->name)) ||
        list_has(tl_lexicon_str(lex, eb->field[3]), tl_lexicon_str(lex, ea->name)))
        return true;
    /* One is a kind of the other: Chinese compounds end with their head,
     * so 磁吸手机壳 is a 手机壳 and 儿童睡衣 a 睡衣. */
    const char *na = tl_lexicon_str(lex, ea->name), *nb = tl_lexicon_str(lex, eb->name);
    size_t lna = strlen(na), lnb = strlen(nb);
    if ((lna > lnb && !strcmp(na + lna - lnb, nb)) || (lnb > lna && !strcmp(nb + lnb - lna, na)))
        return true;
    if (!siblings)
        return false;
    const char *pa = tl_lexicon_str(lex, ea->field[0]), *pb = tl_lexicon_str(lex, eb->field[0]);
    size_t la = parent_len(pa), lb = parent_len(pb);
    return la && la == lb && memcmp(pa, pb, la) == 0;
}

/* Whether the title opens with 【X】 and X is no brand the lexicons know:
 * then X is the shop's own brand (the guide's form 【品牌】...), and every
 * known brand of the title is someone else's. */
static bool
leading_unknown_brand(const struct titlelint_checker *chk, uint32_t *lstart, uint32_t *lend)
{
    const char *s = chk->text.norm;
    size_t at = 0;

    while (at < chk->text.norm_len && s[at] == ' ')
        at++;
    if (strncmp(s + at, "【", 3) != 0)
        return false;
    const char *close = strstr(s + at + 3, "】");
    if (!close || close == s + at + 3)
        return false;
    size_t start = at + 3, end = (size_t) (close - s);
    /* Any lexicon word inside (a known brand, 包邮, 新款, 500ml) and X is
     * no unknown brand. */
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (tl_live(h) && h->start < end && start < h->end)
            return false;
    }
    *lstart = (uint32_t) start;
    *lend = (uint32_t) end;
    return true;
}

void
tl_parse_title(struct titlelint_checker *chk, const char *category)
{
    struct tl_parse *p = &chk->parse;

    *p = (struct tl_parse){
        .context_category = resolve_category(chk, category),
        .core_category = -1,
        .core_hit = -1,
        .inferred_own_hit = -1,
        .has_own_brand = chk->own.n > 0 || chk->cfg_own.n > 0,
    };
    bool leading_unknown = leading_unknown_brand(chk, &p->leading_start, &p->leading_end);
    int32_t generic_hit = -1;   /* the last generic head (配件), if no leaf */
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h))
            continue;
        switch (h->kind) {
        case TL_KIND_ATTRIBUTE:
            p->attr_kinds |= TL_MASK(h->sub);
            break;
        case TL_KIND_PATTERN:
            if (h->sub == TL_PATTERN_SET)
                p->has_set = true;
            else if (h->sub < TL_ATTR_COUNT)
                p->attr_kinds |= TL_MASK(h->sub);
            break;
        case TL_KIND_MARKER:
            if (h->sub == TL_MARKER_SET)
                p->has_set = true;
            break;
        case TL_KIND_BRAND:
            /* A compatible device's brand is its model (适用苹果15). */
            if (tl_brand_is_compat(chk, h))
                p->attr_kinds |= TL_MASK(TL_ATTR_MODEL);
            else if (!p->has_own_brand && !leading_unknown && p->inferred_own_hit < 0 &&
                     h->variant == TL_VARIANT_NONE &&
                     !tl_marker_after(chk, h, TL_MASK(TL_MARKER_RIDING)) &&
                     !tl_marker_before(chk, h, TL_MASK(TL_MARKER_RIDING)))
                p->inferred_own_hit = (int32_t) i;
            break;
        case TL_KIND_CATEGORY:
            /* The core category: the last leaf named, unless it is the
             * device an accessory fits; a generic head (玩具, 支架) only
             * when the title names no leaf. */
            if (!tl_is_category_word(chk, h) || tl_is_compat_target(chk, h))
                break;
            if (tl_is_generic_category(chk, h->entry)) {
                generic_hit = (int32_t) i;
            } else {
                p->has_leaf_category = true;
                p->core_hit = (int32_t) i;
                p->core_category = (int32_t) h->entry;
            }
            break;
        default:
            break;
        }
    }
    if (!p->has_leaf_category && generic_hit >= 0) {
        p->core_hit = generic_hit;
        p->core_category = (int32_t) chk->hits[generic_hit].entry;
    }
    if (p->context_category >= 0) {
        /* The product is what the context says; its word in the title is
         * the last one naming that category, if any. */
        p->core_category = p->context_category;
        p->core_hit = -1;
        for (size_t i = 0; i < chk->n_hits; i++)
            if (chk->hits[i].entry == (uint32_t) p->context_category &&
                tl_is_category_word(chk, &chk->hits[i]))
                p->core_hit = (int32_t) i;
    }
}
