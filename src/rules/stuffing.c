/*
 * Family 3 of the title guide, keyword stuffing (TL301): a word repeated,
 * piled-up near-synonyms of one attribute or of one category, and bags of
 * space-separated keywords.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "rules.h"

/* A token worth counting as a word: two characters or more, not a number,
 * size or model, not punctuation. */
static bool
word_token(const struct titlelint_checker *chk, const struct tl_token *t)
{
    if (t->type == TL_TOKEN_NONE || t->type == TL_TOKEN_NUMBER)
        return false;
    if (t->type == TL_TOKEN_LEXICON && chk->hits[t->hit].kind == TL_KIND_PATTERN)
        return false;
    return utf8_count(chk->text.norm + t->start, t->end - t->start) >= 2;
}

static void
repeated_words(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const char *s = chk->text.norm;

    for (size_t i = 0; i < chk->n_tokens; i++) {
        const struct tl_token *a = &chk->tokens[i];
        if (!word_token(chk, a))
            continue;
        size_t len = a->end - a->start;
        bool seen_before = false;
        for (size_t k = 0; k < i && !seen_before; k++) {
            const struct tl_token *b = &chk->tokens[k];
            seen_before = b->end - b->start == len && memcmp(s + a->start, s + b->start, len) == 0;
        }
        if (seen_before)
            continue;
        /* Report the second occurrence, once per word. */
        size_t count = 1;
        const struct tl_token *second = NULL;
        for (size_t k = i + 1; k < chk->n_tokens; k++) {
            const struct tl_token *b = &chk->tokens[k];
            if (b->end - b->start == len && memcmp(s + a->start, s + b->start, len) == 0) {
                count++;
                if (!second)
                    second = b;
            }
        }
        if (!second)
            continue;
        char word[128];
        tl_orig_text(chk, second->start, second->end, word, sizeof(word));
        tl_diag_add(chk, rule, second->start, second->end, NULL,
                    TL_MSG(chk, "重复堆砌的词“%s”（出现 %zu 次）", "the word “%s” is repeated (%zu times)"),
                    word, count);
    }
}

/* Three or more different words of one group: attribute near-synonyms
 * (百搭 时尚 潮流) or names of one category (连衣裙 裙子 长裙). */
static void
piled_synonyms(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const struct tl_lexicon *lex = chk->lex;
    bool done[256] = { false };

    for (size_t i = 0; i < chk->n_hits && i < TL_ARRAY_SIZE(done); i++) {
        const struct tl_hit *a = &chk->hits[i];
        if (done[i] || !tl_live(a) ||
            (a->kind != TL_KIND_ATTRIBUTE && !tl_is_category_word(chk, a)))
            continue;
        const char *group = a->kind == TL_KIND_ATTRIBUTE
            ? tl_lexicon_str(lex, tl_hit_entry(chk, a)->field[3]) : NULL;
        if (group && !group[0])
            continue;
        /* Members: the same group, or the same category entry; distinct
         * surface forms only. */
        const struct tl_hit *members[16];
        size_t n = 0;
        for (size_t k = i; k < chk->n_hits && k < TL_ARRAY_SIZE(done) && n < 16; k++) {
            const struct tl_hit *b = &chk->hits[k];
            if (!tl_live(b) || b->kind != a->kind)
                continue;
            bool same = group ? strcmp(group, tl_lexicon_str(lex, tl_hit_entry(chk, b)->field[3])) == 0
                              : b->entry == a->entry && tl_is_category_word(chk, b);
            if (!same)
                continue;
            done[k] = true;
            /* Distinct words only: the same word again, or a word that
             * overlaps one already counted (S925 in S925银), is not one
             * more synonym.  Hits come longest first at each position. */
            bool dup = false;
            for (size_t m = 0; m < n && !dup; m++)
                dup = (members[m]->start < b->end && b->start < members[m]->end) ||
                      (members[m]->end - members[m]->start == b->end - b->start &&
                       memcmp(chk->text.norm + members[m]->start, chk->text.norm + b->start,
                              b->end - b->start) == 0);
            if (!dup)
                members[n++] = b;
        }
        if (n < 3)
            continue;
        char words[256] = "";
        for (size_t m = 0; m < n; m++) {
            char w[64];
            size_t len = strlen(words);
            tl_orig_text(chk, members[m]->start, members[m]->end, w, sizeof(w));
            snprintf(words + len, sizeof(words) - len, "%s%s", m ? TL_MSG(chk, "、", ", ") : "", w);
        }
        tl_diag_add(chk, rule, members[0]->start, members[n - 1]->end, NULL,
                    TL_MSG(chk, "堆砌意思相近的词：%s；保留最准确的一个", "near-synonyms piled up: %s; keep the most precise one"),
                    words);
    }
}

static int
cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *) a, y = *(const size_t *) b;
    return x < y ? -1 : x > y;
}

/* A bag of keywords: five or more space-separated chunks, most of them
 * four characters or less. */
static void
keyword_bag(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const char *s = chk->text.norm;
    size_t lens[64], n = 0;

    for (size_t i = 0; i < chk->text.norm_len && n < TL_ARRAY_SIZE(lens);) {
        while (i < chk->text.norm_len && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < chk->text.norm_len && s[i] != ' ')
            i++;
        if (i > start)
            lens[n++] = utf8_count(s + start, i - start);
    }
    if (n < 5)
        return;
    tl_qsort(lens, n, sizeof(size_t), cmp_size);
    if (lens[(n - 1) / 2] > 4)
        return;
    tl_diag_add_chars(chk, rule, 0, chk->text.n_chars, NULL,
                      TL_MSG(chk, "用空格隔开堆砌了 %zu 个关键词；请写成通顺的一句话",
                             "%zu space-separated keywords piled up; write the title as one phrase"),
                      n);
}

void
tl_check_keyword_stuffing(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    repeated_words(chk, rule);
    piled_synonyms(chk, rule);
    keyword_bag(chk, rule);
}
