/*
 * Beyond the guide, from the platform's violation rules and China's
 * Advertising Law: absolute-claims (TL601), off-platform-contact (TL602),
 * price-claim (TL603).  Each is a list of words (absolute.tsv,
 * contact.tsv, price.tsv) plus, for contact and price, patterns.
 */
#include "config.h"

#include "rules.h"

/* Reports each live hit of @kind, or of patterns of @pattern_kind, as the
 * message @before “text” @after. */
static void
report_words(struct titlelint_checker *chk, const struct titlelint_rule *rule,
             enum tl_kind kind, int pattern_kind, const char *before, const char *after)
{
    size_t last_end = 0;

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h) || h->variant != TL_VARIANT_NONE ||
            !(h->kind == kind || (h->kind == TL_KIND_PATTERN && h->sub == pattern_kind)))
            continue;
        /* Overlapping words (最低 in 全网最低价) are one finding. */
        if (h->start < last_end)
            continue;
        size_t end = h->end;
        for (size_t k = i + 1; k < chk->n_hits && chk->hits[k].start < end; k++) {
            const struct tl_hit *o = &chk->hits[k];
            if (tl_live(o) && (o->kind == kind || (o->kind == TL_KIND_PATTERN &&
                                                   o->sub == pattern_kind)) && o->end > end)
                end = o->end;
        }
        last_end = end;
        char span[256];
        tl_orig_text(chk, h->start, end, span, sizeof(span));
        tl_diag_add(chk, rule, h->start, end,
                    h->kind == TL_KIND_PATTERN ? NULL
                        : tl_lexicon_str(chk->lex, tl_hit_entry(chk, h)->name),
                    "%s“%s”%s", before, span, after);
    }
}

void
tl_check_absolute_claims(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    report_words(chk, rule, TL_KIND_ABSOLUTE, -1,
                 TL_MSG(chk, "绝对化用语", "the absolute claim "),
                 TL_MSG(chk, "，《广告法》禁止使用", ", which the Advertising Law forbids"));
}

void
tl_check_off_platform_contact(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    report_words(chk, rule, TL_KIND_CONTACT, TL_PATTERN_CONTACT,
                 TL_MSG(chk, "引导买家到平台外交易或联系：", "leads buyers off the platform: "), "");
}

void
tl_check_price_claim(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    report_words(chk, rule, TL_KIND_PRICE, TL_PATTERN_PRICE,
                 TL_MSG(chk, "标题中的原价或专柜价说法", "an original-price or counter-price claim, "),
                 TL_MSG(chk, "，平台视为虚构原价",
                        ", which the platform treats as a fictitious original price"));
}
