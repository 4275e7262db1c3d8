/*
 * Family 5 of the title guide, improper traffic: brand-riding (TL501),
 * celebrity-riding (TL502) and hotword-riding (TL503).  A name (brand,
 * person or IP) next to a riding marker rides it: "香奈儿同款",
 * "王薇薇婚纱平替", "媲美香奈儿".
 */
#include "config.h"

#include "rules.h"

/* Whether another hit has exactly the span of @h with kind @kind. */
static bool
same_span_as(const struct titlelint_checker *chk, const struct tl_hit *h, enum tl_kind kind)
{
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *o = &chk->hits[i];
        if (o->kind == kind && tl_live(o) && o->start == h->start && o->end == h->end)
            return true;
    }
    return false;
}

/* The riding marker beside @name, or NULL. */
static const struct tl_hit *
riding_marker(const struct titlelint_checker *chk, const struct tl_hit *name, unsigned types)
{
    const struct tl_hit *m = tl_marker_after(chk, name, types);
    return m ? m : tl_marker_before(chk, name, types);
}

void
tl_check_brand_riding(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const struct tl_parse *p = &chk->parse;
    size_t last_start = SIZE_MAX, last_end = SIZE_MAX;
    int32_t inferred = p->inferred_own_hit >= 0
        ? (int32_t) chk->hits[p->inferred_own_hit].entry : -1;

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *name = &chk->hits[i];
        if (name->kind != TL_KIND_BRAND || !tl_live(name) ||
            tl_is_own_brand(chk, name->entry) || tl_is_authorized(chk, name->entry))
            continue;
        /* 马丁 in 马丁靴 or 博士 in 马汀博士: part of a longer word. */
        if (tl_hit_covered(chk, name, TL_MASK(TL_KIND_CATEGORY) | TL_MASK(TL_KIND_ATTRIBUTE) |
                                      TL_MASK(TL_KIND_BRAND), true))
            continue;
        /* 适用苹果 / 兼容戴森: honest compatibility, not riding. */
        if (tl_marker_before(chk, name, TL_MASK(TL_MARKER_COMPAT)))
            continue;
        const struct tl_hit *m = riding_marker(chk, name, TL_MASK(TL_MARKER_RIDING));
        /* Without a marker, a brand naming the device an accessory fits
         * (华为荣耀10手机壳) is compatibility wording too. */
        if (!m && tl_brand_is_compat(chk, name))
            continue;
        size_t ns = name->start, ne = name->end;
        if (m) {
            ns = name->start < m->start ? name->start : m->start;
            ne = name->end > m->end ? name->end : m->end;
        } else if ((int32_t) name->entry == inferred ||
                   same_span_as(chk, name, TL_KIND_CATEGORY) ||
                   same_span_as(chk, name, TL_KIND_PERSON)) {
            /* The product's own brand as inferred; a word that is also a
             * category (苹果 the fruit) or a person.  A disguised name is
             * never the shop's own: it is reported here and by evasion. */
            continue;
        }
        /* One diagnostic per span, whichever entries share it. */
        if (ns == last_start && ne == last_end)
            continue;
        last_start = ns;
        last_end = ne;

        const char *canon = tl_lexicon_str(chk->lex, tl_hit_entry(chk, name)->name);
        char span[256];
        tl_orig_text(chk, ns, ne, span, sizeof(span));
        if (m) {
            tl_diag_add(chk, rule, ns, ne, canon,
                        TL_MSG(chk, "借用其他品牌“%s”引流：%s",
                               "uses another brand, %s, to draw traffic: %s"),
                        canon, span);
        } else {
            /* Without a marker it may be honest (a reseller's title):
             * one level below the rule's severity. */
            tl_diag_add(chk, rule, ns, ne, canon,
                        TL_MSG(chk, "标题出现非本商品的品牌“%s”：%s",
                               "names a brand that is not the product's own, %s: %s"),
                        canon, span);
            tl_diag_soften_last(chk, rule);
        }
    }
}

void
tl_check_celebrity_riding(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    size_t last_start = SIZE_MAX, last_end = SIZE_MAX;

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *name = &chk->hits[i];
        if (name->kind != TL_KIND_PERSON || !tl_live(name) ||
            tl_is_authorized(chk, name->entry))
            continue;
        const struct tl_hit *m = riding_marker(
            chk, name, TL_MASK(TL_MARKER_RIDING) | TL_MASK(TL_MARKER_ENDORSE));
        if (!m)
            continue;
        size_t ns = name->start < m->start ? name->start : m->start;
        size_t ne = name->end > m->end ? name->end : m->end;
        if (ns == last_start && ne == last_end)
            continue;
        last_start = ns;
        last_end = ne;

        const struct tl_entry *e = tl_hit_entry(chk, name);
        const char *canon = tl_lexicon_str(chk->lex, e->name);
        bool ip = TL_PERSON_IS_IP(e->sub);
        char span[256];
        tl_orig_text(chk, ns, ne, span, sizeof(span));
        tl_diag_add(chk, rule, ns, ne, canon,
                    TL_MSG(chk, "未经授权借用%s“%s”引流：%s",
                           "uses the %s %s without authorization to draw traffic: %s"),
                    TL_MSG(chk, ip ? "IP" : "名人", ip ? "IP" : "celebrity"),
                    canon, span);
    }
}

void
tl_check_hotword_riding(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const struct tl_parse *p = &chk->parse;
    const struct tl_lexicon *lex = chk->lex;
    char span[256];

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h))
            continue;
        if (h->kind == TL_KIND_HOTWORD) {
            /* 平替 is a hot word of its own, also when it rides a name;
             * 抖音 inside 抖音同款 is the same finding. */
            if (tl_hit_covered(chk, h, TL_MASK(TL_KIND_HOTWORD), true))
                continue;
            const char *canon = tl_lexicon_str(lex, tl_hit_entry(chk, h)->name);
            tl_orig_text(chk, h->start, h->end, span, sizeof(span));
            tl_diag_add(chk, rule, h->start, h->end, canon,
                        TL_MSG(chk, "蹭平台或流行热词“%s”，与商品本身无关",
                               "rides a platform or trending hot word unrelated to the product: %s"),
                        span);
            /* A hot word is one level below another category's goods. */
            tl_diag_soften_last(chk, rule);
            continue;
        }
        /* Another category's goods, when the product's category is known
         * from its context (a trousers title saying 裙子). */
        if (p->context_category < 0 || p->has_set || !tl_is_category_word(chk, h) ||
            tl_is_compat_target(chk, h) || tl_is_generic_category(chk, h->entry) ||
            tl_categories_related(chk, (uint32_t) p->context_category, h->entry, false))
            continue;
        const char *canon = tl_lexicon_str(lex, tl_hit_entry(chk, h)->name);
        const char *own = tl_lexicon_str(lex, lex->entries[p->context_category].name);
        tl_orig_text(chk, h->start, h->end, span, sizeof(span));
        tl_diag_add(chk, rule, h->start, h->end, canon,
                    TL_MSG(chk, "标题出现其他品类的商品词“%s”（本商品是“%s”），蹭其他商品的流量",
                           "names goods of another category, %s (the product is %s), to draw their traffic"),
                    span, own);
    }
}
