/* Stage 4: the rules, through the public API over the fixture lexicons. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "test-common.h"

/*
 * Each case: a title, its context, and the expected diagnostics rendered
 * as "code:start-end:canonical" (chars, 0-based), space-separated.
 */
static const struct {
    const char *title, *brand, *expect;
} cases[] = {
    /* brand-riding */
    { "香奈儿同款小香风外套", NULL, "TL501:0-5:香奈儿" },
    { "【香奈儿同款】外套", NULL, "TL501:1-6:香奈儿" },
    { "CHANEL同款外套", NULL, "TL501:0-8:香奈儿" },
    { "Ｃｈａｎｅｌ 同款", NULL, "TL501:0-9:香奈儿" },
    { "香奈尔平替口红", NULL, "TL501:0-5:香奈儿" },
    { "王薇薇婚纱平替!炸街仙女裙", NULL, "TL501:0-7:王薇薇" },
    { "媲美戴森的吹风机", NULL, "TL501:0-4:戴森" },
    { "雅诗兰黛同款精华", "雅诗兰黛", "" },            /* own brand */
    { "Estée Lauder同款", "雅诗兰黛", "" },            /* own brand by alias */
    { "适用苹果15手机壳", NULL, "" },                  /* compatibility */
    { "兼容戴森吸尘器滤网", NULL, "" },
    { "小米粥同款", NULL, "" },                        /* 小米 cleared inside 小米粥 */
    { "小米同款", NULL, "TL501:0-4:小米" },
    { "nikelab同款", NULL, "" },                       /* Latin whole word */
    { "nike2024同款", NULL, "" },                      /* marker not beside the name */
    { "nike同款2024", NULL, "TL501:0-6:耐克" },
    { "香奈儿外套", NULL, "" },                        /* a brand alone: no marker */
    { "香奈儿风衣", NULL, "" },                        /* 风 cleared inside 风衣 */
    { "香奈儿风外套", NULL, "TL501:0-4:香奈儿" },
    /* celebrity-riding */
    { "杨幂同款连衣裙", NULL, "TL502:0-4:杨幂" },
    { "大幂幂同款", NULL, "TL502:0-5:杨幂" },
    { "迪士尼在逃公主裙", NULL, "TL502:0-5:迪士尼" },
    { "联名迪士尼T恤", NULL, "TL502:0-5:迪士尼" },
    { "李佳琦推荐面膜", NULL, "TL502:0-5:李佳琦" },
    { "情侣同款卫衣", NULL, "" },                      /* generic 同款 */
    { "亲子同款 母女同款", NULL, "" },
    { "王薇薇婚纱平替!炸街仙女裙,迪士尼在逃公主必备", NULL,
      "TL501:0-7:王薇薇 TL502:14-19:迪士尼" },
    /* invalid input */
    { "ab\xff", NULL, "TL001:2-3:" },
    { "", NULL, "" },
};

static void
render(struct titlelint_checker *chk, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < titlelint_checker_get_diagnostic_count(chk); i++) {
        const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, i);
        struct titlelint_position s, e;
        titlelint_diagnostic_get_span(d, &s, &e);
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s:%zu-%zu:%s", i ? " " : "",
                 titlelint_rule_get_code(titlelint_diagnostic_get_rule(d)),
                 s.chars, e.chars, titlelint_diagnostic_get_canonical(d));
    }
}

START_TEST(test_rule_table)
{
    struct titlelint_context *ctx = test_context();
    struct titlelint_checker *chk = titlelint_checker_new(ctx);
    char out[1024];

    ck_assert_int_eq(titlelint_checker_check(chk, cases[_i].title, strlen(cases[_i].title),
                                             cases[_i].brand, NULL), TITLELINT_OK);
    render(chk, out, sizeof(out));
    if (strcmp(out, cases[_i].expect) != 0)
        ck_abort_msg("title '%s': expected '%s', got '%s'", cases[_i].title,
                     cases[_i].expect, out);
    titlelint_checker_destroy(chk);
    titlelint_context_unref(ctx);
}
END_TEST

START_TEST(test_messages)
{
    struct titlelint_context *ctx = test_context();
    struct titlelint_checker *chk = titlelint_checker_new(ctx);
    const char *title = "Chanel同款外套";

    titlelint_checker_check(chk, title, strlen(title), NULL, NULL);
    const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, 0);
    ck_assert_str_eq(titlelint_diagnostic_get_message(d), "借用其他品牌“香奈儿”引流：Chanel同款");
    ck_assert_str_eq(titlelint_diagnostic_get_text(d), "Chanel同款");
    ck_assert_int_eq(titlelint_diagnostic_get_severity(d), TITLELINT_SEVERITY_ERROR);

    titlelint_checker_set_lang(chk, TITLELINT_LANG_EN);
    titlelint_checker_check(chk, title, strlen(title), NULL, NULL);
    d = titlelint_checker_get_diagnostic(chk, 0);
    ck_assert_str_eq(titlelint_diagnostic_get_message(d),
                     "uses another brand, 香奈儿, to draw traffic: Chanel同款");
    titlelint_checker_destroy(chk);
    titlelint_context_unref(ctx);
}
END_TEST

START_TEST(test_severity_config)
{
    struct titlelint_context *ctx = test_context();
    struct titlelint_checker *chk = titlelint_checker_new(ctx);
    const struct titlelint_rule *rule = titlelint_rule_find("TL501");
    const char *title = "香奈儿同款";

    titlelint_checker_set_rule_severity(chk, rule, TITLELINT_SEVERITY_WARNING);
    titlelint_checker_check(chk, title, strlen(title), NULL, NULL);
    ck_assert_int_eq(titlelint_checker_get_max_severity(chk), TITLELINT_SEVERITY_WARNING);
    titlelint_checker_set_rule_severity(chk, rule, TITLELINT_SEVERITY_OFF);
    titlelint_checker_check(chk, title, strlen(title), NULL, NULL);
    ck_assert_uint_eq(titlelint_checker_get_diagnostic_count(chk), 0);
    ck_assert_int_eq(titlelint_checker_get_max_severity(chk), TITLELINT_SEVERITY_OFF);
    titlelint_checker_destroy(chk);
    titlelint_context_unref(ctx);
}
END_TEST

START_TEST(test_huge_title)
{
    struct titlelint_context *ctx = test_context();
    struct titlelint_checker *chk = titlelint_checker_new(ctx);
    static char big[70000];

    memset(big, 'a', sizeof(big));
    memcpy(big + 100, "香奈儿同款", strlen("香奈儿同款"));
    ck_assert_int_eq(titlelint_checker_check(chk, big, sizeof(big), NULL, NULL), TITLELINT_OK);
    ck_assert_uint_eq(titlelint_checker_get_diagnostic_count(chk), 1);
    const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, 0);
    ck_assert_str_eq(titlelint_rule_get_code(titlelint_diagnostic_get_rule(d)), "TL001");
    ck_assert_str_eq(titlelint_diagnostic_get_message(d),
                     "标题长 70000 字节，超过可检查的上限 65536 字节，未检查");
    /* The checker is still good for the next title. */
    ck_assert_int_eq(titlelint_checker_check(chk, "杨幂同款", strlen("杨幂同款"), NULL, NULL),
                     TITLELINT_OK);
    ck_assert_uint_eq(titlelint_checker_get_diagnostic_count(chk), 1);
    ck_assert_str_eq(titlelint_rule_get_code(titlelint_diagnostic_get_rule(
        titlelint_checker_get_diagnostic(chk, 0))), "TL502");
    titlelint_checker_destroy(chk);
    titlelint_context_unref(ctx);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("rules");

    tcase_add_loop_test(tc, test_rule_table, 0, (int) (sizeof(cases) / sizeof(cases[0])));
    tcase_add_test(tc, test_messages);
    tcase_add_test(tc, test_severity_config);
    tcase_add_test(tc, test_huge_title);
    suite_add_tcase(s, tc);
    return test_run(s);
}
