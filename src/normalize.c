#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "normalize.h"
#include "util.h"

const UNormalizer2 *
tl_normalizer_get(void)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n2 = unorm2_getNFKCCasefoldInstance(&err);

    return U_FAILURE(err) ? NULL : n2;
}

/* Appends @c to the normalized text, mapped to original chars [cs, ce). */
static void
emit(struct tl_text *t, UChar32 c, uint32_t cs, uint32_t ce)
{
    if (u_charType(c) == U_CONTROL_CHAR)
        return;
    size_t at = t->norm_len;
    U8_APPEND_UNSAFE(t->norm, t->norm_len, c);
    for (; at < t->norm_len; at++) {
        t->src_start[at] = cs;
        t->src_end[at] = ce;
    }
}

static UChar32
u16_at(const uint16_t *s, size_t i, size_t len)
{
    UChar32 c;

    U16_GET(s, 0, i, len, c);
    return c;
}

/*
 * Gives *@array, which follows another array's capacity @cap, that
 * capacity; reallocates only when it changed (*@have).  Reallocating to
 * the same size at every call cost nothing with glibc but copied every
 * array under ASan: after a 1 MB lexicon term, each later term copied
 * 16 MB, and loading 10,000 more took minutes.
 */
static bool
follow(void *array, size_t *have, size_t cap, size_t size)
{
    void **p = array;

    if (*have >= cap && *p)
        return true;
    void *q = realloc(*p, cap * size);
    if (!q)
        return false;
    *p = q;
    *have = cap;
    return true;
}

/* Both src arrays follow norm's capacity. */
static bool
follow_src(struct tl_text *t)
{
    size_t have = t->cap_src;

    if (!follow(&t->src_start, &have, t->cap_norm, sizeof(uint32_t)))
        return false;
    have = t->cap_src;
    if (!follow(&t->src_end, &have, t->cap_norm, sizeof(uint32_t)))
        return false;
    t->cap_src = have;
    return true;
}

/* Decodes the UTF-8 input into t->u16 and the per-char offset tables. */
static enum tl_norm_result
decode(struct tl_text *t, const char *s, size_t len, size_t *bad_byte)
{
    /* A UTF-8 input of len bytes has at most len chars and len UTF-16 units. */
    if (!grow_array(&t->char_byte, &t->cap_chars, len + 1, sizeof(uint32_t)))
        return TL_NORM_NOMEM;
    if (!follow(&t->char_utf16, &t->cap_char_utf16, t->cap_chars, sizeof(uint32_t)))
        return TL_NORM_NOMEM;
    if (!grow_array(&t->u16, &t->cap_u16, len + 1, sizeof(uint16_t)))
        return TL_NORM_NOMEM;
    if (!follow(&t->u16_char, &t->cap_u16_char, t->cap_u16, sizeof(uint32_t)))
        return TL_NORM_NOMEM;

    const uint8_t *p = (const uint8_t *) s;
    int32_t i = 0, n = 0;
    size_t u = 0;
    while ((size_t) i < len) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, (int32_t) len, c);
        if (c < 0 || c == 0) {
            /* Record where decoding stopped, for the diagnostic. */
            t->char_byte[n] = (uint32_t) start;
            t->char_utf16[n] = (uint32_t) u;
            t->n_chars = (size_t) n;
            *bad_byte = (size_t) start;
            return c < 0 ? TL_NORM_INVALID_UTF8 : TL_NORM_NUL;
        }
        t->char_byte[n] = (uint32_t) start;
        t->char_utf16[n] = (uint32_t) u;
        size_t u0 = u;
        U16_APPEND_UNSAFE(t->u16, u, c);
        for (; u0 < u; u0++)
            t->u16_char[u0] = (uint32_t) n;
        n++;
    }
    t->char_byte[n] = (uint32_t) len;
    t->char_utf16[n] = (uint32_t) u;
    t->n_chars = (size_t) n;
    return TL_NORM_OK;
}

enum tl_norm_result
tl_normalize(const UNormalizer2 *n2, struct tl_text *t, const char *s,
             size_t len, size_t *bad_byte)
{
    t->orig = s;
    t->orig_len = len;
    t->n_chars = 0;
    t->norm_len = 0;
    if (len > INT32_MAX / 4)
        return TL_NORM_NOMEM;

    enum tl_norm_result r = decode(t, s, len, bad_byte);
    if (r != TL_NORM_OK)
        return r;

    const uint16_t *u16 = t->u16;
    size_t n16 = t->char_utf16[t->n_chars];
    /* NFKC_Casefold expands a UTF-16 unit to at most 18 units in UTF-16;
     * reserve generously and grow per segment below when needed. */
    size_t need = len * 3 + 16;
    if (!grow_array(&t->norm, &t->cap_norm, need + 1, 1))
        return TL_NORM_NOMEM;
    if (!follow_src(t))
        return TL_NORM_NOMEM;

    size_t pos = 0;
    while (pos < n16) {
        UErrorCode err = U_ZERO_ERROR;
        size_t yes = pos + (size_t) unorm2_spanQuickCheckYes(
            n2, u16 + pos, (int32_t) (n16 - pos), &err);
        if (U_FAILURE(err))
            return TL_NORM_ICU;
        /* The text after the already-normalized prefix may combine with its
         * last characters: back up to a normalization boundary. */
        size_t b = yes;
        while (b > pos && b < n16 && !unorm2_hasBoundaryBefore(n2, u16_at(u16, b, n16)))
            U16_BACK_1(u16, 0, b);

        for (size_t k = pos; k < b;) {
            size_t k0 = k;
            UChar32 c;
            U16_NEXT(u16, k, b, c);
            uint32_t ch = t->u16_char[k0];
            emit(t, c, ch, ch + 1);
        }
        if (b >= n16)
            break;

        /* One segment from boundary b to the next boundary. */
        size_t e = b;
        U16_FWD_1(u16, e, n16);
        while (e < n16 && !unorm2_hasBoundaryBefore(n2, u16_at(u16, e, n16)))
            U16_FWD_1(u16, e, n16);

        int32_t out_len;
        for (;;) {
            err = U_ZERO_ERROR;
            out_len = unorm2_normalize(n2, u16 + b, (int32_t) (e - b), t->seg,
                                       (int32_t) t->cap_seg, &err);
            if (err != U_BUFFER_OVERFLOW_ERROR)
                break;
            if (!grow_array(&t->seg, &t->cap_seg, (size_t) out_len + 1,
                            sizeof(uint16_t)))
                return TL_NORM_NOMEM;
        }
        if (U_FAILURE(err))
            return TL_NORM_ICU;
        /* Each UTF-16 unit becomes at most 3 UTF-8 bytes. */
        size_t room = t->norm_len + (size_t) out_len * 3 + (len - t->char_byte[t->u16_char[e - 1]]) * 3 + 16;
        if (room >= t->cap_norm) {
            if (!grow_array(&t->norm, &t->cap_norm, room + 1, 1) || !follow_src(t))
                return TL_NORM_NOMEM;
        }
        uint32_t cs = t->u16_char[b], ce = t->u16_char[e - 1] + 1;
        for (int32_t k = 0; k < out_len;) {
            UChar32 c;
            U16_NEXT(t->seg, k, out_len, c);
            emit(t, c, cs, ce);
        }
        pos = e;
    }
    t->norm[t->norm_len] = '\0';
    return TL_NORM_OK;
}

void
tl_text_orig_span(const struct tl_text *t, size_t nstart, size_t nend,
                  size_t *cstart, size_t *cend)
{
    if (nstart >= t->norm_len || nend <= nstart) {
        *cstart = *cend = nstart >= t->norm_len ? t->n_chars : t->src_start[nstart];
        return;
    }
    *cstart = t->src_start[nstart];
    *cend = t->src_end[nend - 1];
    if (*cend < *cstart)
        *cend = *cstart;
}

void
tl_text_finish(struct tl_text *t)
{
    free(t->char_byte);
    free(t->char_utf16);
    free(t->norm);
    free(t->src_start);
    free(t->src_end);
    free(t->u16);
    free(t->u16_char);
    free(t->seg);
    memset(t, 0, sizeof(*t));
}
