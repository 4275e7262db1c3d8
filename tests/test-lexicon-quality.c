/*
 * The real lexicons (tests/../lexicons and the generated ones): they load;
 * every attribute kind a category requires has terms or patterns; and no
 * brand or person name sits inside a category, attribute, marker or hot
 * word (where it would be found by mistake) unless that word is listed
 * among the name's clearing words.
 * Usage: test-lexicon-quality LEXICON_DIR...
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

struct trap_scan {
    const struct tl_lexicon *lex;
    const char *word;            /* a word of another kind */
    size_t len;
    uint32_t word_entry;
    size_t traps;
};

static bool
on_match(void *ud, uint32_t pattern, size_t start, size_t end)
{
    struct trap_scan *ts = ud;
    const struct tl_lexicon *lex = ts->lex;

    if (start == 0 && end == ts->len)
        return true;                 /* the same word: a deliberate homonym */
    for (uint32_t i = lex->term_first[pattern]; i < lex->term_first[pattern + 1]; i++) {
        const struct tl_term *t = &lex->terms[i];
        const struct tl_entry *e = &lex->entries[t->entry];
        if (t->clear || t->variant != TL_VARIANT_NONE ||
            (e->kind != TL_KIND_BRAND && e->kind != TL_KIND_PERSON))
            continue;
        /* Latin names follow the whole-word rule; a Chinese name inside a
         * word is a trap unless one of its clear words is that word. */
        bool cleared = false;
        for (uint32_t p = 0; p < lex->n_patterns && !cleared; p++) {
            if (strcmp(tl_lexicon_str(lex, lex->pattern_str[p]), ts->word) != 0)
                continue;
            for (uint32_t k = lex->term_first[p]; k < lex->term_first[p + 1]; k++)
                cleared |= lex->terms[k].clear && lex->terms[k].entry == t->entry;
        }
        if (!cleared && (uint8_t) tl_lexicon_str(lex, lex->pattern_str[pattern])[0] >= 0x80) {
            if (ts->traps < 30)
                printf("trap: %s '%s' (%s:%u) inside '%s' (%s:%u)\n",
                       e->kind == TL_KIND_BRAND ? "brand" : "person",
                       tl_lexicon_str(lex, e->name), lex->files[e->file], e->line, ts->word,
                       lex->files[lex->entries[ts->word_entry].file],
                       lex->entries[ts->word_entry].line);
            ts->traps++;
        }
    }
    return true;
}

int
main(int argc, char **argv)
{
    int status;
    struct tl_lexicon *lex = tl_lexicon_load((const char *const *) argv + 1, (size_t) argc - 1,
                                             tl_log_to_stderr, NULL, &status);
    if (!lex) {
        printf("the lexicons do not load (status %d)\n", status);
        return 1;
    }
    int failed = 0;

    /* Required kinds have terms. */
    unsigned have = 0;
    for (size_t i = 0; i < lex->n_entries; i++)
        if (lex->entries[i].kind == TL_KIND_ATTRIBUTE || lex->entries[i].kind == TL_KIND_PATTERN)
            have |= 1u << lex->entries[i].sub;
    for (size_t i = 0; i < lex->n_entries; i++) {
        const struct tl_entry *e = &lex->entries[i];
        if (e->kind != TL_KIND_CATEGORY)
            continue;
        char req[256];
        snprintf(req, sizeof(req), "%s", tl_lexicon_str(lex, e->field[2]));
        for (char *save, *k = strtok_r(req, ",|", &save); k; k = strtok_r(NULL, ",|", &save)) {
            int kind = tl_attr_kind_from_name(k);
            if (kind >= 0 && !(have & (1u << kind))) {
                printf("%s:%u: requires '%s', but no attribute or pattern has that kind\n",
                       lex->files[e->file], e->line, k);
                failed = 1;
            }
        }
    }

    /* Name traps inside other kinds' words. */
    struct trap_scan ts = { .lex = lex };
    size_t words = 0;
    for (uint32_t p = 0; p < lex->n_patterns; p++) {
        for (uint32_t k = lex->term_first[p]; k < lex->term_first[p + 1]; k++) {
            const struct tl_term *t = &lex->terms[k];
            uint8_t kind = lex->entries[t->entry].kind;
            if (t->clear || (kind != TL_KIND_CATEGORY && kind != TL_KIND_ATTRIBUTE &&
                             kind != TL_KIND_MARKER && kind != TL_KIND_HOTWORD))
                continue;
            ts.word = tl_lexicon_str(lex, lex->pattern_str[p]);
            ts.len = strlen(ts.word);
            ts.word_entry = t->entry;
            tl_ac_scan(lex->ac, ts.word, ts.len, on_match, &ts);
            words++;
            break;
        }
    }
    printf("%zu entries, %zu patterns; %zu category/attribute/marker/hot words scanned, "
           "%zu name traps\n", lex->n_entries, lex->n_patterns, words, ts.traps);
    if (ts.traps)
        failed = 1;
    tl_lexicon_free(lex);
    return failed;
}
