/*
 * Stage 1: normalization.  A title is decoded from UTF-8, normalized with
 * ICU's NFKC_Casefold (full-width to half-width, upper to lower case,
 * compatibility forms folded, default-ignorables such as zero-width spaces
 * removed), control characters are dropped, and the result is kept as UTF-8
 * with a map from every normalized byte back to the original characters, so
 * a match in the normalized text points at what the user wrote.
 */
#ifndef TL_NORMALIZE_H
#define TL_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/unorm2.h>

enum tl_norm_result {
    TL_NORM_OK = 0,
    TL_NORM_INVALID_UTF8,  /* *bad_byte is the offset of the bad sequence */
    TL_NORM_NUL,           /* *bad_byte is the offset of the NUL byte */
    TL_NORM_NOMEM,
    TL_NORM_ICU,
};

/* One title, reused from call to call (buffers only grow). */
struct tl_text {
    const char *orig;        /* borrowed from the caller during a check */
    size_t orig_len;
    size_t n_chars;          /* code points in the original */
    uint32_t *char_byte;     /* [n_chars + 1] byte offset of each original char */
    uint32_t *char_utf16;    /* [n_chars + 1] UTF-16 offset of each original char */

    char *norm;              /* normalized UTF-8, NUL-terminated */
    size_t norm_len;
    uint32_t *src_start;     /* [norm_len] first original char of each byte */
    uint32_t *src_end;       /* [norm_len] end (exclusive) original char */

    /* scratch */
    uint16_t *u16;           /* the original as UTF-16 */
    uint32_t *u16_char;      /* original char index of each UTF-16 unit */
    uint16_t *seg;           /* one normalized segment */
    size_t cap_chars, cap_u16, cap_norm, cap_seg;
    /* capacities of the arrays that follow another's (char_utf16,
     * u16_char, src_start and src_end) */
    size_t cap_char_utf16, cap_u16_char, cap_src;
};

/* The NFKC_Casefold normalizer (owned by ICU, never freed); NULL on error. */
const UNormalizer2 *tl_normalizer_get(void);

enum tl_norm_result
tl_normalize(const UNormalizer2 *n2, struct tl_text *t, const char *s,
             size_t len, size_t *bad_byte);

/* Maps normalized bytes [nstart, nend) to original chars [*cstart, *cend). */
void
tl_text_orig_span(const struct tl_text *t, size_t nstart, size_t nend,
                  size_t *cstart, size_t *cend);

void tl_text_finish(struct tl_text *t);

#endif
