/*
 * Suggested titles in the form the title guide recommends:
 *
 *     【品牌】 核心品类 材质 功能 款式 季节 颜色 … 规格 适用型号 ␠ 场景 人群
 *
 * assembled from the parts of the last checked title that no rule flagged,
 * and from its context (brand, category).  Nothing is invented: a part
 * that is not in the title or its context is listed as missing instead,
 * with a template.  Words the lexicons do not know are left out; riding
 * names with their markers, disguises, hot words, other goods, symbols,
 * repeats, contact details, absolute and price claims never get in.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "private.h"

/* Where each kind of part goes (a part's place in the suggestion). */
enum slot {
    SLOT_BRAND,
    SLOT_CATEGORY,
    SLOT_MATERIAL,
    SLOT_FUNCTION,
    SLOT_STYLE,
    SLOT_SEASON,
    SLOT_DETAIL,      /* colour, variety, origin, grade, flavour */
    SLOT_SPEC,
    SLOT_MODEL,       /* model numbers and 适用 + device */
    SLOT_SCENARIO,    /* after the one space */
    SLOT_CROWD,
    SLOT_COUNT
};

struct part {
    uint8_t slot;
    uint32_t start, end;          /* normalized bytes of the title */
    uint32_t group;               /* pool offset of an attribute group, or 0 */
};

static enum slot
slot_of_kind(int kind)
{
    switch (kind) {
    case TL_ATTR_MATERIAL: return SLOT_MATERIAL;
    case TL_ATTR_FUNCTION: return SLOT_FUNCTION;
    case TL_ATTR_STYLE: return SLOT_STYLE;
    case TL_ATTR_SEASON: return SLOT_SEASON;
    case TL_ATTR_SPEC: return SLOT_SPEC;
    case TL_ATTR_MODEL: return SLOT_MODEL;
    case TL_ATTR_SCENARIO: return SLOT_SCENARIO;
    case TL_ATTR_CROWD: return SLOT_CROWD;
    default: return SLOT_DETAIL;
    }
}

/* Whether normalized bytes [start, end) overlap a span some rule flagged
 * for removal (not missing-attributes, which removes nothing). */
static bool
flagged(const struct titlelint_checker *chk, size_t start, size_t end)
{
    for (size_t i = 0; i < chk->n_diags; i++) {
        const struct titlelint_diagnostic *d = &chk->diags[i];
        const char *code = d->rule->code;
        if (strcmp(code, "TL103") == 0 || strcmp(code, "TL101") == 0 ||
            strcmp(code, "TL002") == 0 || strcmp(code, "TL102") == 0 ||
            strcmp(code, "TL301") == 0)
            continue;   /* whole-title findings: what is kept decides */
        if (d->nstart < end && start < d->nend)
            return true;
    }
    return false;
}

/* True when the title needs no rewriting: nothing but missing attributes. */
static bool
nothing_to_remove(const struct titlelint_checker *chk)
{
    for (size_t i = 0; i < chk->n_diags; i++)
        if (strcmp(chk->diags[i].rule->code, "TL103") != 0)
            return false;
    return true;
}

static size_t
count_valid(const char *s)
{
    size_t n = 0;
    int32_t i = 0, len = (int32_t) strlen(s);
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *) s, i, len, c);
        n += c > 0 && (u_isalpha(c) || u_isdigit(c));
    }
    return n;
}

static bool
ascii_alnum(uint8_t c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether every original character of normalized bytes [ns, ne) is one
 * the product API accepts. */
static bool
accepted(const struct titlelint_checker *chk, size_t ns, size_t ne)
{
    size_t cs, ce;

    tl_text_orig_span(&chk->text, ns, ne, &cs, &ce);
    for (size_t i = cs; i < ce; i++) {
        UChar32 c;
        int32_t b = (int32_t) chk->text.char_byte[i];
        U8_NEXT((const uint8_t *) chk->text.orig, b, (int32_t) chk->text.orig_len, c);
        if (!tl_char_accepted(c))
            return false;
    }
    return true;
}

/* Collects the parts of the title worth keeping into @parts. */
static size_t
collect_parts(const struct titlelint_checker *chk, struct part *parts, size_t max)
{
    const struct tl_parse *p = &chk->parse;
    size_t n = 0;

    if (p->core_hit >= 0) {
        const struct tl_hit *h = &chk->hits[p->core_hit];
        parts[n++] = (struct part){ SLOT_CATEGORY, h->start, h->end, 0 };
    }
    for (size_t i = 0; i < chk->n_hits && n < max; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h) || flagged(chk, h->start, h->end))
            continue;
        struct part part = { 0, h->start, h->end, 0 };
        if (h->kind == TL_KIND_ATTRIBUTE) {
            if (tl_hit_covered(chk, h, TL_MASK(TL_KIND_ATTRIBUTE) | TL_MASK(TL_KIND_CATEGORY), true))
                continue;
            part.slot = (uint8_t) slot_of_kind(h->sub);
            part.group = tl_hit_entry(chk, h)->field[3];
        } else if (h->kind == TL_KIND_PATTERN && (h->sub == TL_ATTR_SPEC || h->sub == TL_ATTR_MODEL)) {
            if (tl_hit_covered(chk, h, TL_MASK(TL_KIND_PATTERN), true))
                continue;
            part.slot = (uint8_t) slot_of_kind(h->sub);
        } else if (h->kind == TL_KIND_MARKER && h->sub == TL_MARKER_COMPAT) {
            /* 适用 + the device's brand (+ model): one part. */
            const struct tl_hit *dev = NULL;
            for (size_t k = 0; k < chk->n_hits; k++) {
                const struct tl_hit *b = &chk->hits[k];
                size_t gap = b->start;
                while (gap > h->end && chk->text.norm[gap - 1] == ' ')
                    gap--;
                if (b->kind == TL_KIND_BRAND && tl_live(b) && gap == h->end &&
                    b->variant == TL_VARIANT_NONE)
                    dev = b;
            }
            if (!dev)
                continue;
            part.slot = SLOT_MODEL;
            part.end = dev->end;
            /* a model number right after the brand (适用苹果15) */
            for (size_t k = 0; k < chk->n_hits; k++) {
                const struct tl_hit *m = &chk->hits[k];
                if (m->kind == TL_KIND_PATTERN && m->start == dev->end && m->end > part.end)
                    part.end = m->end;
            }
            if (part.end == dev->end) {
                size_t e = dev->end;
                while (e < chk->text.norm_len && ascii_alnum((uint8_t) chk->text.norm[e]))
                    e++;
                part.end = (uint32_t) e;
            }
        } else {
            continue;
        }
        /* Each word once; one word per synonym group; no overlaps; no
         * character the platform refuses (20℃). */
        bool skip = !accepted(chk, part.start, part.end);
        for (size_t k = 0; k < n && !skip; k++) {
            const struct part *o = &parts[k];
            size_t la = part.end - part.start, lb = o->end - o->start;
            skip = (o->start < part.end && part.start < o->end) ||
                   (la == lb && memcmp(chk->text.norm + part.start, chk->text.norm + o->start, la) == 0) ||
                   (part.group && o->group == part.group &&
                    tl_lexicon_str(chk->lex, part.group)[0]);
        }
        if (!skip)
            parts[n++] = part;
    }
    return n;
}

static void
append_part(struct strbuf *out, const char *text, bool *ok)
{
    /* Latin or digits meeting Latin or digits would run together. */
    if (out->len && ascii_alnum((uint8_t) out->data[out->len - 1]) && ascii_alnum((uint8_t) text[0]))
        *ok &= strbuf_append(out, " ", 1);
    *ok &= strbuf_append_str(out, text);
}

/* The own brand to put in 【】: the context's, a configured own brand or
 * the inferred one found in the title; never another brand. */
static bool
own_brand_text(const struct titlelint_checker *chk, char *buf, size_t size)
{
    const struct tl_parse *p = &chk->parse;

    if (chk->context_brand.len) {
        snprintf(buf, size, "%s", chk->context_brand.data);
        return true;
    }
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (h->kind == TL_KIND_BRAND && tl_live(h) && h->variant == TL_VARIANT_NONE &&
            (tl_is_own_brand(chk, h->entry) || (int32_t) i == p->inferred_own_hit)) {
            tl_orig_text(chk, h->start, h->end, buf, size);
            return true;
        }
    }
    /* 【X】 of a brand the lexicons do not know opens the title. */
    if (p->leading_end > p->leading_start &&
        accepted(chk, p->leading_start, p->leading_end)) {
        tl_orig_text(chk, p->leading_start, p->leading_end, buf, size);
        return true;
    }
    return false;
}

static void
build_template(struct titlelint_checker *chk, const uint32_t *groups, size_t n_groups,
               bool have_brand, const char *brand, bool have_scene)
{
    struct strbuf *t = &chk->sugg_template;
    bool ok = true;
    const struct tl_parse *p = &chk->parse;

    strbuf_reset(t);
    if (have_brand)
        ok &= strbuf_printf(t, "【%s】", brand);
    else
        ok &= strbuf_append_str(t, TL_MSG(chk, "【品牌】", "【brand】"));
    if (p->core_category >= 0)
        ok &= strbuf_append_str(t, tl_lexicon_str(chk->lex, chk->lex->entries[p->core_category].name));
    else
        ok &= strbuf_append_str(t, TL_MSG(chk, "【核心品类】", "【category】"));
    for (size_t i = 0; i < n_groups; i++) {
        int kind = 0;
        while (kind < TL_ATTR_COUNT && !(groups[i] & TL_MASK(kind)))
            kind++;
        ok &= strbuf_printf(t, "【%s】", tl_kind_label(chk, kind));
    }
    if (!have_scene)
        ok &= strbuf_append_str(t, TL_MSG(chk, "【场景/人群】", "【scenario/crowd】"));
    if (!ok)
        chk->oom = true;
}

/* The checker that lints suggestions: the same context and settings. */
static struct titlelint_checker *
verifier(struct titlelint_checker *chk)
{
    if (!chk->verifier) {
        struct titlelint_checker *v = titlelint_checker_new(chk->ctx);
        if (!v)
            return NULL;
        chk->verifier = v;
    }
    struct titlelint_checker *v = chk->verifier;
    v->lang = chk->lang;
    memcpy(v->severity, chk->severity, tl_n_rules * sizeof(*v->severity));
    v->min_valid_chars = chk->min_valid_chars;
    v->max_chars = chk->max_chars;
    v->cfg_own.n = v->cfg_authorized.n = 0;
    for (size_t i = 0; i < chk->cfg_own.n; i++)
        if (!tl_entry_set_add(&v->cfg_own, chk->cfg_own.ids[i]))
            return NULL;
    for (size_t i = 0; i < chk->cfg_authorized.n; i++)
        if (!tl_entry_set_add(&v->cfg_authorized, chk->cfg_authorized.ids[i]))
            return NULL;
    strbuf_reset(&v->cfg_allowed);
    if (chk->cfg_allowed.len &&
        !strbuf_append(&v->cfg_allowed, chk->cfg_allowed.data, chk->cfg_allowed.len))
        return NULL;
    return v;
}

static const char *
brand_ctx(const struct titlelint_checker *chk)
{
    return chk->context_brand.len ? chk->context_brand.data : NULL;
}

static const char *
category_ctx(const struct titlelint_checker *chk)
{
    return chk->parse.context_category >= 0
        ? tl_lexicon_str(chk->lex, chk->lex->entries[chk->parse.context_category].field[0])
        : NULL;
}

/*
 * Writes the first @limit parts into @out in slot order (title order
 * within a slot): 【brand】, the category word and @leaf, material ...
 * spec, model, then one space and scenario, crowd.  Parts are dropped from
 * the end while the title is over the length limit; @at receives each
 * part's byte span in @out ([0, 0) when not written).
 */
static bool
assemble(const struct titlelint_checker *chk, struct part *parts, size_t *n_parts,
         const char *brand, const char *leaf, struct strbuf *out, uint32_t (*at)[2])
{
    bool ok = true;
    size_t limit = *n_parts;

    for (;;) {
        strbuf_reset(out);
        for (size_t i = 0; i < limit; i++)
            at[i][0] = at[i][1] = 0;
        if (brand)
            ok &= strbuf_printf(out, "【%s】", brand);
        bool spaced = false;
        for (int slot = SLOT_CATEGORY; slot < SLOT_COUNT; slot++) {
            if (slot == SLOT_MATERIAL && leaf)
                ok &= strbuf_append_str(out, leaf);
            for (size_t i = 0; i < limit; i++) {
                if (parts[i].slot != slot)
                    continue;
                char text[256];
                tl_orig_text(chk, parts[i].start, parts[i].end, text, sizeof(text));
                if ((slot == SLOT_SCENARIO || slot == SLOT_CROWD) && !spaced) {
                    ok &= strbuf_append(out, " ", 1);
                    spaced = true;
                    at[i][0] = (uint32_t) out->len;
                    ok &= strbuf_append_str(out, text);
                } else {
                    append_part(out, text, &ok);
                    at[i][0] = (uint32_t) (out->len - strlen(text));
                }
                at[i][1] = (uint32_t) out->len;
            }
        }
        if (!ok || utf8_count(out->data, out->len) <= chk->max_chars || limit <= 1)
            break;
        /* drop the part that comes last in the suggestion */
        size_t worst = 0;
        for (size_t i = 1; i < limit; i++)
            if (parts[i].slot > parts[worst].slot ||
                (parts[i].slot == parts[worst].slot && parts[i].start > parts[worst].start))
                worst = i;
        if (parts[worst].slot == SLOT_CATEGORY)
            break;
        parts[worst] = parts[--limit];
    }
    *n_parts = limit;
    return ok;
}

/* Builds the suggestion of the last check into the checker. */
static void
suggest(struct titlelint_checker *chk)
{
    const struct tl_parse *p = &chk->parse;
    struct strbuf *out = &chk->suggestion;
    bool ok = true;

    chk->has_suggestion = false;
    chk->n_missing = 0;
    strbuf_reset(out);
    strbuf_reset(&chk->sugg_missing);
    strbuf_reset(&chk->sugg_template);
    /* A title that was not read (invalid input, reported or not: with
     * invalid-input off a reader of the parse found the previous title's,
     * or on a new checker a core hit 0 of no hits) has no suggestion. */
    if (!chk->parsed)
        return;
    for (size_t i = 0; i < chk->n_diags; i++)
        if (strcmp(chk->diags[i].rule->code, "TL001") == 0)
            return;

    uint32_t groups[8];
    size_t n_groups = tl_missing_groups(chk, groups, TL_ARRAY_SIZE(groups));
    for (size_t i = 0; i < n_groups; i++) {
        char one[256];
        tl_describe_group(chk, groups[i], one, sizeof(one));
        ok &= strbuf_append(&chk->sugg_missing, one, strlen(one) + 1);
    }
    chk->n_missing = n_groups;

    struct part parts[64];
    size_t n = collect_parts(chk, parts, TL_ARRAY_SIZE(parts));
    bool have_scene = false;
    for (size_t i = 0; i < n; i++)
        have_scene |= parts[i].slot == SLOT_SCENARIO || parts[i].slot == SLOT_CROWD;
    char brand[128];
    bool have_brand = own_brand_text(chk, brand, sizeof(brand));
    build_template(chk, groups, n_groups, have_brand, brand, have_scene);

    if (nothing_to_remove(chk)) {
        /* Only whitespace is tidied: the title is the merchant's. */
        ok &= strbuf_append(out, chk->text.orig, chk->text.orig_len);
        chk->has_suggestion = ok && count_valid(out->data) >= chk->min_valid_chars;
        if (!ok)
            chk->oom = true;
        return;
    }
    if (p->core_hit < 0 && p->context_category < 0)
        return;   /* no category: nothing to build on */

    /* With the category from context, its standard name follows the
     * title's own word for it, unless they are the same (仙女裙连衣裙). */
    const char *leaf = NULL;
    if (p->context_category >= 0) {
        leaf = tl_lexicon_str(chk->lex, chk->lex->entries[p->context_category].name);
        if (p->core_hit >= 0) {
            /* 睡衣套装 already says 睡衣; 外套 is said by 休闲外套's leaf */
            char word[128];
            const struct tl_hit *h = &chk->hits[p->core_hit];
            tl_orig_text(chk, h->start, h->end, word, sizeof(word));
            if (strstr(word, leaf) || strstr(leaf, word))
                leaf = NULL;
        }
    }

    /* Assemble, then lint the result: a part that makes a finding (two
     * words joined can make a third: 醋酸+牛奶绒 holds 酸牛奶) goes, and
     * the title is assembled again, until it is clean but for missing
     * attributes.  So a suggestion never has an error and suggests
     * itself again. */
    struct titlelint_checker *v = verifier(chk);
    if (!v) {
        chk->oom = true;
        return;
    }
    size_t limit = n;
    for (int round = 0; round < 16; round++) {
        uint32_t at[64][2];
        ok &= assemble(chk, parts, &limit, have_brand ? brand : NULL, leaf, out, at);
        if (!ok) {
            chk->oom = true;
            return;
        }
        if (titlelint_checker_check(v, out->data, out->len, brand_ctx(chk), category_ctx(chk)) !=
            TITLELINT_OK)
            return;
        /* The worst finding: drop the last part it touches that is not the
         * brand or the category; none, and there is no suggestion. */
        const struct titlelint_diagnostic *bad = NULL;
        for (size_t i = 0; i < v->n_diags; i++)
            if (strcmp(v->diags[i].rule->code, "TL103") != 0)
                bad = &v->diags[i];
        if (!bad) {
            chk->has_suggestion = true;
            return;
        }
        size_t drop = SIZE_MAX;
        for (size_t i = 0; i < limit; i++) {
            if (parts[i].slot == SLOT_CATEGORY)
                continue;
            bool whole = bad->start.bytes == 0 && bad->end.bytes >= out->len;
            if (whole || (at[i][0] < bad->end.bytes && bad->start.bytes < at[i][1]))
                if (drop == SIZE_MAX || at[i][0] > at[drop][0])
                    drop = i;
        }
        if (drop == SIZE_MAX)
            return;
        parts[drop] = parts[--limit];
    }
}

TITLELINT_EXPORT const char *
titlelint_suggest(struct titlelint_checker *chk)
{
    if (!chk)
        return NULL;
    if (!chk->suggested) {
        suggest(chk);
        chk->suggested = true;
    }
    return chk->has_suggestion ? chk->suggestion.data : NULL;
}

TITLELINT_EXPORT size_t
titlelint_suggestion_get_missing_count(struct titlelint_checker *chk)
{
    titlelint_suggest(chk);
    return chk->n_missing;
}

TITLELINT_EXPORT const char *
titlelint_suggestion_get_missing(struct titlelint_checker *chk, size_t index)
{
    titlelint_suggest(chk);
    if (index >= chk->n_missing)
        return NULL;
    const char *s = chk->sugg_missing.data;
    for (size_t i = 0; i < index; i++)
        s += strlen(s) + 1;
    return s;
}

TITLELINT_EXPORT const char *
titlelint_suggestion_get_template(struct titlelint_checker *chk)
{
    titlelint_suggest(chk);
    return chk->sugg_template.len ? chk->sugg_template.data : NULL;
}
