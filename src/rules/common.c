/* What several rules need: markers next to a name. */
#include "config.h"

#include "rules.h"

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
    if (h->kind != TL_KIND_MARKER || !(types & TL_MASK(h->sub)))
        return false;
    enum tl_marker_side s = tl_hit_entry(chk, h)->side;
    return s == side || s == TL_SIDE_EITHER;
}

static bool
hit_starts_at(const struct titlelint_checker *chk, size_t at)
{
    for (size_t i = 0; i < chk->n_hits; i++)
        if (chk->hits[i].start == at && tl_live(&chk->hits[i]))
            return true;
    return false;
}

/* A marker after the name, across at most a few category and attribute
 * words (王薇薇 婚纱 平替). */
const struct tl_hit *
tl_marker_after(const struct titlelint_checker *chk, const struct tl_hit *name,
                unsigned types)
{
    size_t at = skip_spaces_forward(&chk->text, name->end);
    bool unknown_used = false;

    for (int step = 0; step < 4; step++) {
        const struct tl_hit *bridge = NULL;
        for (size_t i = 0; i < chk->n_hits; i++) {
            const struct tl_hit *h = &chk->hits[i];
            if (h->start != at || !tl_live(h))
                continue;
            if (marker_fits(chk, h, types, TL_SIDE_AFTER))
                return h;
            if ((h->kind == TL_KIND_CATEGORY || h->kind == TL_KIND_ATTRIBUTE) &&
                (!bridge || h->end > bridge->end))
                bridge = h;
        }
        if (bridge) {
            at = skip_spaces_forward(&chk->text, bridge->end);
            continue;
        }
        /* A product nickname no lexicon knows (雅诗兰黛小棕瓶平替): up to
         * four Chinese characters, once, when nothing matched there. */
        size_t run = 0, end = at;
        while (run < 4 && end + 3 <= chk->text.norm_len &&
               (uint8_t) chk->text.norm[end] >= 0xE0 && !hit_starts_at(chk, end)) {
            end += 3;
            run++;
        }
        if (run == 0 || unknown_used)
            return NULL;
        unknown_used = true;
        at = skip_spaces_forward(&chk->text, end);
    }
    return NULL;
}

/* A marker right before the name (媲美香奈儿, 适用苹果). */
const struct tl_hit *
tl_marker_before(const struct titlelint_checker *chk, const struct tl_hit *name,
                 unsigned types)
{
    size_t at = skip_spaces_back(&chk->text, name->start);

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (h->end == at && tl_live(h) && marker_fits(chk, h, types, TL_SIDE_BEFORE))
            return h;
    }
    return NULL;
}
