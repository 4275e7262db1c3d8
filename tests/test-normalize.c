/* Stage 1: NFKC_Casefold, dropped characters, and the map back to the
 * original text. */
#include "config.h"

#include <string.h>

#include "normalize.h"
#include "test-common.h"

static const struct {
    const char *in, *out;
} cases[] = {
    { "香奈儿同款", "香奈儿同款" },
    { "ＣＨＡＮＥＬ同款", "chanel同款" },          /* full-width to half-width, folded */
    { "Estée Lauder", "estée lauder" },             /* precomposed kept */
    { "Este\xcc\x81""e", "estée" },                 /* e + U+0301 composed */
    { "香\xe2\x80\x8b奈\xe2\x80\x8d儿", "香奈儿" },   /* zero-width space and joiner */
    { "a\tb\x01" "c", "abc" },                         /* control characters dropped */
    { "【品牌】５００ｍｌ", "【品牌】500ml" },
    { "香　奈", "香 奈" },                           /* ideographic space */
    { "ﬁne", "fine" },                              /* ligature */
    { "😀ok", "😀ok" },                             /* outside the BMP */
    { "", "" },
};

START_TEST(test_normalize_table)
{
    struct tl_text t = { 0 };
    size_t bad = 0;
    const char *in = cases[_i].in;

    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, in, strlen(in), &bad), TL_NORM_OK);
    ck_assert_str_eq(t.norm, cases[_i].out);
    ck_assert_uint_eq(t.norm_len, strlen(cases[_i].out));
    tl_text_finish(&t);
}
END_TEST

START_TEST(test_offset_map)
{
    struct tl_text t = { 0 };
    size_t bad, cs, ce;
    /* "Ｘ😀ＣＨＡＮＥＬ同款": 1 + 1 (2 UTF-16 units) + 6 + 2 chars */
    const char *in = "Ｘ😀ＣＨＡＮＥＬ同款";

    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, in, strlen(in), &bad), TL_NORM_OK);
    ck_assert_str_eq(t.norm, "x😀chanel同款");
    const char *p = strstr(t.norm, "chanel");
    size_t ns = (size_t) (p - t.norm), ne = ns + strlen("chanel同款");
    tl_text_orig_span(&t, ns, ne, &cs, &ce);
    ck_assert_uint_eq(cs, 2);
    ck_assert_uint_eq(ce, 10);
    ck_assert_uint_eq(t.char_byte[cs], 3 + 4);
    ck_assert_uint_eq(t.char_utf16[cs], 3);
    ck_assert_uint_eq(t.char_utf16[ce], 11);
    ck_assert_uint_eq(t.char_byte[ce], strlen(in));
    tl_text_finish(&t);
}
END_TEST

START_TEST(test_offset_map_expansion)
{
    struct tl_text t = { 0 };
    size_t bad, cs, ce;
    /* U+3231 ㈱ expands to "(株)": every output byte maps to char 1. */
    const char *in = "a㈱b";

    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, in, strlen(in), &bad), TL_NORM_OK);
    ck_assert_str_eq(t.norm, "a(株)b");
    tl_text_orig_span(&t, 1, 1 + strlen("(株)"), &cs, &ce);
    ck_assert_uint_eq(cs, 1);
    ck_assert_uint_eq(ce, 2);
    tl_text_finish(&t);
}
END_TEST

START_TEST(test_invalid)
{
    struct tl_text t = { 0 };
    size_t bad = 0;

    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, "ab\xff", 3, &bad),
                     TL_NORM_INVALID_UTF8);
    ck_assert_uint_eq(bad, 2);
    ck_assert_uint_eq(t.n_chars, 2);
    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, "香\xe5\xa5", 5, &bad),
                     TL_NORM_INVALID_UTF8);
    ck_assert_uint_eq(bad, 3);
    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, "a\0b", 3, &bad), TL_NORM_NUL);
    ck_assert_uint_eq(bad, 1);
    /* an encoded surrogate is not UTF-8 */
    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, "\xed\xa0\x80", 3, &bad),
                     TL_NORM_INVALID_UTF8);
    ck_assert_uint_eq(bad, 0);
    tl_text_finish(&t);
}
END_TEST

START_TEST(test_reuse_grows)
{
    struct tl_text t = { 0 };
    size_t bad;
    char big[3000];

    /* A long title after a short one reuses and grows the buffers. */
    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, "Ａ", 3, &bad), TL_NORM_OK);
    for (size_t i = 0; i < 1000; i++)
        memcpy(big + 3 * i, "Ａ", 3);
    ck_assert_int_eq(tl_normalize(tl_normalizer_get(), &t, big, sizeof(big), &bad), TL_NORM_OK);
    ck_assert_uint_eq(t.norm_len, 1000);
    ck_assert_uint_eq(t.n_chars, 1000);
    ck_assert_int_eq(t.norm[999], 'a');
    tl_text_finish(&t);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("normalize");
    TCase *tc = tcase_create("normalize");

    tcase_add_loop_test(tc, test_normalize_table, 0, (int) (sizeof(cases) / sizeof(cases[0])));
    tcase_add_test(tc, test_offset_map);
    tcase_add_test(tc, test_offset_map_expansion);
    tcase_add_test(tc, test_invalid);
    tcase_add_test(tc, test_reuse_grows);
    suite_add_tcase(s, tc);
    return test_run(s);
}
