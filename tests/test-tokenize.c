/* Stage 2: ICU word breaks merged with lexicon spans. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokenize.h"
#include "test-common.h"

/* Tokens as "text/type" joined by spaces. */
static void
render(const char *text, const struct tl_token *t, size_t n, char *out, size_t size)
{
    static const char types[] = "-NLIKX";
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%.*s/%c", i ? " " : "",
                 (int) (t[i].end - t[i].start), text + t[i].start, types[t[i].type]);
    }
}

START_TEST(test_icu_alone)
{
    struct tl_tokenizer *tok = tl_tokenizer_new();
    struct tl_token *tokens = NULL;
    size_t n = 0, cap = 0;
    char out[512];
    const char *text = "杨幂同款 iphone15 500ml";

    ck_assert_ptr_nonnull(tok);
    ck_assert(tl_tokenize(tok, text, strlen(text), NULL, 0, &tokens, &n, &cap));
    render(text, tokens, n, out, sizeof(out));
    /* ICU's dictionary does not know the name: it shreds it. */
    ck_assert_ptr_nonnull(strstr(out, "杨/I"));
    ck_assert_ptr_nonnull(strstr(out, " /-"));
    ck_assert_ptr_nonnull(strstr(out, " iphone15/"));
    ck_assert_ptr_nonnull(strstr(out, " 500ml/L"));
    ck_assert_ptr_nonnull(strstr(out, "500ml/"));
    free(tokens);
    tl_tokenizer_free(tok);
}
END_TEST

START_TEST(test_lexicon_spans_win)
{
    struct tl_tokenizer *tok = tl_tokenizer_new();
    struct tl_token *tokens = NULL;
    size_t n = 0, cap = 0;
    char out[512];
    const char *text = "杨幂同款针织";
    /* 杨幂 [0,6) and 同款 [6,12) from the lexicon; ICU knows 针织. */
    struct tl_span spans[] = { { 0, 6, 0 }, { 6, 12, 1 } };

    ck_assert(tl_tokenize(tok, text, strlen(text), spans, 2, &tokens, &n, &cap));
    render(text, tokens, n, out, sizeof(out));
    ck_assert_str_eq(out, "杨幂/X 同款/X 针织/I");
    ck_assert_int_eq(tokens[1].hit, 1);
    ck_assert_int_eq(tokens[2].hit, -1);

    /* Reuse: a second title replaces the tokens. */
    const char *text2 = "2024新款";
    ck_assert(tl_tokenize(tok, text2, strlen(text2), NULL, 0, &tokens, &n, &cap));
    render(text2, tokens, n, out, sizeof(out));
    ck_assert_str_eq(out, "2024/N 新/I 款/I");
    free(tokens);
    tl_tokenizer_free(tok);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("tokenize");
    TCase *tc = tcase_create("tokenize");

    tcase_add_test(tc, test_icu_alone);
    tcase_add_test(tc, test_lexicon_spans_win);
    suite_add_tcase(s, tc);
    return test_run(s);
}
