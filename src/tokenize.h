/*
 * Stage 2: tokenization.  ICU's dictionary word break for Chinese does not
 * know brands, people or most product words and shreds them into single
 * characters (杨|幂|同|款).  So the tokens of a title are the lexicon's own
 * matches (chosen longest first, left to right) plus ICU's word breaks of
 * the runs of text that no match covers: ICU only runs where the lexicon
 * left a gap.  One tokenizer per thread, reused for every title.
 */
#ifndef TL_TOKENIZE_H
#define TL_TOKENIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tl_token_type {
    TL_TOKEN_NONE,     /* spaces, punctuation, symbols */
    TL_TOKEN_NUMBER,
    TL_TOKEN_LETTER,   /* Latin and other alphabetic words */
    TL_TOKEN_IDEO,     /* Chinese (ideographic) words */
    TL_TOKEN_KANA,
    TL_TOKEN_LEXICON,  /* a lexicon match (see ->hit) */
};

struct tl_token {
    uint32_t start, end;   /* normalized byte offsets */
    uint8_t type;          /* enum tl_token_type */
    int32_t hit;           /* index of the lexicon hit, or -1 */
};

/* A span the lexicon matched, offered to the tokenizer (sorted, disjoint). */
struct tl_span {
    uint32_t start, end;
    int32_t hit;
};

struct tl_tokenizer;

/* NULL when ICU cannot open the word break iterator (missing data). */
struct tl_tokenizer *tl_tokenizer_new(void);
void tl_tokenizer_free(struct tl_tokenizer *tok);

/*
 * Tokenizes @text (@len bytes of normalized UTF-8) given the disjoint,
 * sorted lexicon spans.  Tokens go to *@tokens (grown as needed, capacity
 * in *@cap), their number to *@n.  Returns false on ENOMEM or ICU failure.
 */
bool tl_tokenize(struct tl_tokenizer *tok, const char *text, size_t len,
                 const struct tl_span *spans, size_t n_spans,
                 struct tl_token **tokens, size_t *n, size_t *cap);

#endif
