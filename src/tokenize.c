#include "config.h"

#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "tokenize.h"
#include "util.h"

struct tl_tokenizer {
    UBreakIterator *bi;
    UText ut;
};

struct tl_tokenizer *
tl_tokenizer_new(void)
{
    struct tl_tokenizer *tok = calloc(1, sizeof(*tok));
    UErrorCode err = U_ZERO_ERROR;

    if (!tok)
        return NULL;
    tok->ut = (UText) UTEXT_INITIALIZER;
    tok->bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
    if (U_FAILURE(err)) {
        free(tok);
        return NULL;
    }
    return tok;
}

void
tl_tokenizer_free(struct tl_tokenizer *tok)
{
    if (!tok)
        return;
    ubrk_close(tok->bi);
    utext_close(&tok->ut);
    free(tok);
}

static enum tl_token_type
type_of_status(int32_t status)
{
    if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT)
        return TL_TOKEN_IDEO;
    if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT)
        return TL_TOKEN_KANA;
    if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT)
        return TL_TOKEN_LETTER;
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
        return TL_TOKEN_NUMBER;
    return TL_TOKEN_NONE;
}

static bool
push(struct tl_token **tokens, size_t *n, size_t *cap, struct tl_token t)
{
    if (!grow_array(tokens, cap, *n + 1, sizeof(**tokens)))
        return false;
    (*tokens)[(*n)++] = t;
    return true;
}

/* ICU's word breaks of text[from, to). */
static bool
break_gap(struct tl_tokenizer *tok, const char *text, size_t from, size_t to,
          struct tl_token **tokens, size_t *n, size_t *cap)
{
    UErrorCode err = U_ZERO_ERROR;

    utext_openUTF8(&tok->ut, text + from, (int64_t) (to - from), &err);
    ubrk_setUText(tok->bi, &tok->ut, &err);
    if (U_FAILURE(err))
        return false;
    int32_t start = ubrk_first(tok->bi);
    for (int32_t end = ubrk_next(tok->bi); end != UBRK_DONE;
         start = end, end = ubrk_next(tok->bi)) {
        struct tl_token t = {
            .start = (uint32_t) (from + (size_t) start),
            .end = (uint32_t) (from + (size_t) end),
            .type = (uint8_t) type_of_status(ubrk_getRuleStatus(tok->bi)),
            .hit = -1,
        };
        if (!push(tokens, n, cap, t))
            return false;
    }
    return true;
}

bool
tl_tokenize(struct tl_tokenizer *tok, const char *text, size_t len,
            const struct tl_span *spans, size_t n_spans,
            struct tl_token **tokens, size_t *n, size_t *cap)
{
    size_t at = 0;

    *n = 0;
    for (size_t i = 0; i <= n_spans; i++) {
        size_t gap_end = i < n_spans ? spans[i].start : len;
        if (gap_end > at && !break_gap(tok, text, at, gap_end, tokens, n, cap))
            return false;
        if (i == n_spans)
            break;
        struct tl_token t = {
            .start = spans[i].start,
            .end = spans[i].end,
            .type = TL_TOKEN_LEXICON,
            .hit = spans[i].hit,
        };
        if (!push(tokens, n, cap, t))
            return false;
        at = spans[i].end;
    }
    return true;
}
