/*
 * Family 1 of the title guide, core product information missing:
 * missing-category (TL101), multiple-subjects (TL102), missing-attributes
 * (TL103).  They read the category tree of categories.tsv.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rules.h"

void
tl_check_missing_category(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    for (size_t i = 0; i < chk->n_hits; i++)
        if (tl_is_category_word(chk, &chk->hits[i]))
            return;
    tl_diag_add_chars(chk, rule, 0, chk->text.n_chars, NULL, "%s",
                      TL_MSG(chk, "标题没有核心品类词，买家看不出卖的是什么商品",
                             "no core category word: a buyer cannot tell what is sold"));
}

void
tl_check_multiple_subjects(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const struct tl_parse *p = &chk->parse;
    const struct tl_hit *subjects[8];
    size_t n = 0;

    /* With the category from context, other goods are hotword-riding's. */
    if (p->context_category >= 0 || p->has_set)
        return;
    for (size_t i = 0; i < chk->n_hits && n < TL_ARRAY_SIZE(subjects); i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_is_category_word(chk, h) || tl_is_compat_target(chk, h))
            continue;
        /* A generic head (配件, 支架) goes with the leaf it is named with,
         * and is never a second subject: it names no goods of its own. */
        if (tl_is_generic_category(chk, h->entry) && (p->has_leaf_category || n > 0))
            continue;
        bool related = false;
        for (size_t k = 0; k < n && !related; k++)
            related = tl_categories_related(chk, subjects[k]->entry, h->entry, true);
        if (!related)
            subjects[n++] = h;
    }
    if (n < 2)
        return;
    char names[512] = "";
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(names);
        snprintf(names + len, sizeof(names) - len, "%s%s", k ? TL_MSG(chk, "、", ", ") : "",
                 tl_lexicon_str(chk->lex, tl_hit_entry(chk, subjects[k])->name));
    }
    tl_diag_add(chk, rule, subjects[0]->start, subjects[n - 1]->end, NULL,
                TL_MSG(chk, "标题有多个商品主体：%s；一个标题只写一个商品（套装请写明“套装”）",
                       "several products in one title: %s; a title names one product (write 套装 for a set)"),
                names);
}

static const struct {
    const char *zh, *en, *examples;
} kind_names[TL_ATTR_COUNT] = {
    [TL_ATTR_MATERIAL] = { "材质", "material", NULL },
    [TL_ATTR_FUNCTION] = { "功能", "function", NULL },
    [TL_ATTR_SEASON] = { "季节", "season", NULL },
    [TL_ATTR_CROWD] = { "适用人群", "crowd", NULL },
    [TL_ATTR_SCENARIO] = { "使用场景", "scenario", NULL },
    [TL_ATTR_STYLE] = { "款式风格", "style", NULL },
    [TL_ATTR_COLOR] = { "颜色", "colour", NULL },
    [TL_ATTR_VARIETY] = { "品种", "variety", NULL },
    [TL_ATTR_ORIGIN] = { "产地", "origin", NULL },
    [TL_ATTR_GRADE] = { "等级", "grade", NULL },
    [TL_ATTR_FLAVOR] = { "口味", "flavour", NULL },
    [TL_ATTR_SPEC] = { "规格", "spec", "500ml、2kg、20寸" },
    [TL_ATTR_MODEL] = { "适用型号", "model", "适用iPhone 15、Mate60" },
};

/* Appends "材质（如 纯棉）" for @kind to @out. */
static void
describe_kind(const struct titlelint_checker *chk, int kind, char *out, size_t size)
{
    bool en = chk->lang == TITLELINT_LANG_EN;
    const char *ex = kind_names[kind].examples ? kind_names[kind].examples : chk->examples[kind];
    size_t len = strlen(out);

    if (ex[0])
        snprintf(out + len, size - len, en ? "%s (e.g. %s)" : "%s（如 %s）",
                 en ? kind_names[kind].en : kind_names[kind].zh, ex);
    else
        snprintf(out + len, size - len, "%s", en ? kind_names[kind].en : kind_names[kind].zh);
}

size_t
tl_missing_groups(const struct titlelint_checker *chk, uint32_t *groups, size_t max)
{
    const struct tl_parse *p = &chk->parse;
    char requires[256];
    size_t n = 0;

    if (p->core_category < 0)
        return 0;
    const struct tl_entry *e = &chk->lex->entries[p->core_category];
    snprintf(requires, sizeof(requires), "%s", tl_lexicon_str(chk->lex, e->field[2]));
    /* Groups separated by ',' are all needed; '|' separates alternatives. */
    char *save = NULL;
    for (char *group = strtok_r(requires, ",", &save); group && n < max;
         group = strtok_r(NULL, ",", &save)) {
        uint32_t kinds = 0;
        char *save2 = NULL;
        for (char *k = strtok_r(group, "|", &save2); k; k = strtok_r(NULL, "|", &save2)) {
            int kind = tl_attr_kind_from_name(k);
            if (kind >= 0)
                kinds |= TL_MASK(kind);
        }
        if (kinds && !(kinds & p->attr_kinds))
            groups[n++] = kinds;
    }
    return n;
}

void
tl_describe_group(const struct titlelint_checker *chk, uint32_t kinds, char *out, size_t size)
{
    bool first = true;

    out[0] = '\0';
    for (int kind = 0; kind < TL_ATTR_COUNT; kind++) {
        if (!(kinds & TL_MASK(kind)))
            continue;
        if (!first) {
            size_t len = strlen(out);
            snprintf(out + len, size - len, "%s", TL_MSG(chk, "或", " or "));
        }
        describe_kind(chk, kind, out, size);
        first = false;
    }
}

const char *
tl_kind_label(const struct titlelint_checker *chk, int kind)
{
    return chk->lang == TITLELINT_LANG_EN ? kind_names[kind].en : kind_names[kind].zh;
}

void
tl_check_missing_attributes(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const struct tl_parse *p = &chk->parse;
    uint32_t groups[8];
    char missing[512] = "", one[256];
    size_t n = tl_missing_groups(chk, groups, TL_ARRAY_SIZE(groups));

    if (!n)
        return;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(missing);
        tl_describe_group(chk, groups[i], one, sizeof(one));
        snprintf(missing + len, sizeof(missing) - len, "%s%s", i ? TL_MSG(chk, "；", "; ") : "", one);
    }
    const struct tl_entry *e = &chk->lex->entries[p->core_category];
    const char *name = tl_lexicon_str(chk->lex, e->name);
    if (p->core_hit >= 0) {
        const struct tl_hit *h = &chk->hits[p->core_hit];
        tl_diag_add(chk, rule, h->start, h->end, name,
                    TL_MSG(chk, "“%s”的标题缺少关键属性：%s", "a %s title lacks key attributes: %s"),
                    name, missing);
    } else {
        tl_diag_add_chars(chk, rule, 0, chk->text.n_chars, name,
                          TL_MSG(chk, "“%s”的标题缺少关键属性：%s", "a %s title lacks key attributes: %s"),
                          name, missing);
    }
}
