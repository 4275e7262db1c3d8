/*
 * Family 5 of the title guide, improper traffic: brand-riding (TL501) and
 * celebrity-riding (TL502).  Both look for a name (brand, person or IP)
 * next to a riding marker: "香奈儿同款", "王薇薇婚纱平替" (category and
 * attribute words may stand between the name and a marker that follows
 * it), "媲美香奈儿" (a marker that precedes it).
 */
#include "config.h"

#include <string.h>

#include "rules.h"

#define MASK(t) (1u << (t))

static bool
live(const struct tl_hit *h)
{
    return !h->clear && !h->dropped;
}

static size_t
skip_spaces_forward(const struct tl_text *t, size_t at)
{
    while (at < t->norm_len && t->norm[at] == ' ')
        at++;
    return at;
}

static size_t
skip_spaces_back(const struct tl_text *t, size_t at)
{
    while (at > 0 && t->norm[at - 1] == ' ')
        at--;
    return at;
}

static bool
marker_fits(const struct titlelint_checker *chk, const struct tl_hit *h,
            unsigned types, enum tl_marker_side side)
{
    if (h->kind != TL_KIND_MARKER || !(types & MASK(h->sub)))
        return false;
    enum tl_marker_side s = tl_hit_entry(chk, h)->side;
    return s == side || s == TL_SIDE_EITHER;
}

/* A marker of @types after @name, across at most a few category and
 * attribute words (王薇薇 婚纱 平替). */
static const struct tl_hit *
marker_after(const struct titlelint_checker *chk, const struct tl_hit *name,
             unsigned types)
{
    size_t at = skip_spaces_forward(&chk->text, name->end);

    for (int step = 0; step < 4; step++) {
        const struct tl_hit *bridge = NULL;
        for (size_t i = 0; i < chk->n_hits; i++) {
            const struct tl_hit *h = &chk->hits[i];
            if (h->start != at || !live(h))
                continue;
            if (marker_fits(chk, h, types, TL_SIDE_AFTER))
                return h;
            if ((h->kind == TL_KIND_CATEGORY || h->kind == TL_KIND_ATTRIBUTE) &&
                (!bridge || h->end > bridge->end))
                bridge = h;
        }
        if (!bridge)
            return NULL;
        at = skip_spaces_forward(&chk->text, bridge->end);
    }
    return NULL;
}

/* A marker of @types right before @name (媲美香奈儿, 适用苹果). */
static const struct tl_hit *
marker_before(const struct titlelint_checker *chk, const struct tl_hit *name,
              unsigned types)
{
    size_t at = skip_spaces_back(&chk->text, name->start);

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (h->end == at && live(h) && marker_fits(chk, h, types, TL_SIDE_BEFORE))
            return h;
    }
    return NULL;
}

/* The original text of normalized bytes [ns, ne), for messages. */
static const char *
orig_text(const struct titlelint_checker *chk, size_t ns, size_t ne,
          char *buf, size_t size)
{
    size_t cs, ce;

    tl_text_orig_span(&chk->text, ns, ne, &cs, &ce);
    size_t b0 = chk->text.char_byte[cs], n = chk->text.char_byte[ce] - b0;
    if (n >= size)
        n = size - 1;
    memcpy(buf, chk->text.orig + b0, n);
    buf[n] = '\0';
    return buf;
}

/*
 * Reports each name of @kind that has a riding marker of @types beside
 * it; @report formats the diagnostic.  One diagnostic per span: a surface
 * form shared by several entries is reported once.
 */
static void
check_names(struct titlelint_checker *chk, const struct titlelint_rule *rule,
            enum tl_kind kind, unsigned types,
            void (*report)(struct titlelint_checker *, const struct titlelint_rule *,
                           const struct tl_hit *, size_t, size_t))
{
    size_t last_start = SIZE_MAX, last_end = SIZE_MAX;

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *name = &chk->hits[i];
        if (name->kind != kind || !live(name))
            continue;
        if (kind == TL_KIND_BRAND && tl_is_own_brand(chk, name->entry))
            continue;
        /* 适用苹果 / 兼容戴森: honest compatibility, not riding. */
        if (marker_before(chk, name, MASK(TL_MARKER_COMPAT)))
            continue;
        const struct tl_hit *m = marker_after(chk, name, types);
        if (!m)
            m = marker_before(chk, name, types);
        if (!m)
            continue;
        size_t ns = name->start < m->start ? name->start : m->start;
        size_t ne = name->end > m->end ? name->end : m->end;
        if (ns == last_start && ne == last_end)
            continue;
        last_start = ns;
        last_end = ne;
        report(chk, rule, name, ns, ne);
    }
}

static void
report_brand(struct titlelint_checker *chk, const struct titlelint_rule *rule,
             const struct tl_hit *name, size_t ns, size_t ne)
{
    const char *canon = tl_lexicon_str(chk->lex, tl_hit_entry(chk, name)->name);
    char span[256];

    orig_text(chk, ns, ne, span, sizeof(span));
    tl_diag_add(chk, rule, ns, ne, canon,
                TL_MSG(chk, "借用其他品牌“%s”引流：%s",
                       "uses another brand, %s, to draw traffic: %s"),
                canon, span);
}

static void
report_person(struct titlelint_checker *chk, const struct titlelint_rule *rule,
              const struct tl_hit *name, size_t ns, size_t ne)
{
    const struct tl_entry *e = tl_hit_entry(chk, name);
    const char *canon = tl_lexicon_str(chk->lex, e->name);
    bool ip = TL_PERSON_IS_IP(e->sub);
    char span[256];

    orig_text(chk, ns, ne, span, sizeof(span));
    tl_diag_add(chk, rule, ns, ne, canon,
                TL_MSG(chk, "未经授权借用%s“%s”引流：%s",
                       "uses the %s %s without authorization to draw traffic: %s"),
                TL_MSG(chk, ip ? "IP" : "名人", ip ? "IP" : "celebrity"),
                canon, span);
}

void
tl_check_brand_riding(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    check_names(chk, rule, TL_KIND_BRAND, MASK(TL_MARKER_RIDING), report_brand);
}

void
tl_check_celebrity_riding(struct titlelint_checker *chk,
                          const struct titlelint_rule *rule)
{
    check_names(chk, rule, TL_KIND_PERSON,
                MASK(TL_MARKER_RIDING) | MASK(TL_MARKER_ENDORSE), report_person);
}
