/* Stage 4: the rules, through the public API over the fixture lexicons. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "test-common.h"

/*
 * Each case: a title, its context, the rules under test (codes, others
 * off) and the expected diagnostics rendered as "code:start-end:canonical"
 * (chars, 0-based), space-separated.
 */
static const struct {
    const char *title, *brand, *category, *rules, *expect;
} cases[] = {
    /* brand-riding */
    { "香奈儿同款小香风外套", NULL, NULL, "TL501", "TL501:0-5:香奈儿" },
    { "【香奈儿同款】外套", NULL, NULL, "TL501", "TL501:1-6:香奈儿" },
    { "CHANEL同款外套", NULL, NULL, "TL501", "TL501:0-8:香奈儿" },
    { "Ｃｈａｎｅｌ 同款", NULL, NULL, "TL501", "TL501:0-9:香奈儿" },
    { "香奈尔平替口红", NULL, NULL, "TL501", "TL501:0-5:香奈儿" },
    { "王薇薇婚纱平替!炸街仙女裙", NULL, NULL, "TL501", "TL501:0-7:王薇薇" },
    { "媲美戴森的吹风机", NULL, NULL, "TL501", "TL501:0-4:戴森" },
    { "雅诗兰黛同款精华", "雅诗兰黛", NULL, "TL501", "" },            /* own brand */
    { "Estée Lauder同款", "雅诗兰黛", NULL, "TL501", "" },            /* own, by alias */
    { "适用苹果15手机壳", NULL, NULL, "TL501", "" },                  /* compatibility */
    { "兼容戴森吸尘器滤网", NULL, NULL, "TL501", "" },
    { "小米粥同款", NULL, NULL, "TL501", "" },                        /* cleared */
    { "小米同款", NULL, NULL, "TL501", "TL501:0-4:小米" },
    { "nikelab同款", NULL, NULL, "TL501", "" },                       /* whole word */
    { "nike2024同款", NULL, NULL, "TL501", "" },                      /* not beside */
    { "nike同款2024", NULL, NULL, "TL501", "TL501:0-6:耐克" },
    { "香奈儿风衣", NULL, NULL, "TL501", "" },                        /* 风 in 风衣 */
    { "香奈儿风外套", NULL, NULL, "TL501", "TL501:0-4:香奈儿" },
    /* without a marker: another brand than the own one is a warning */
    { "耐克运动外套", NULL, NULL, "TL501", "" },                      /* first: own */
    { "耐克运动外套 戴森", NULL, NULL, "TL501", "TL501:7-9:戴森" },
    { "戴森吹风机", "耐克", NULL, "TL501", "TL501:0-2:戴森" },
    { "华为苹果15手机壳", NULL, NULL, "TL501", "" },                  /* fits a phone */
    /* celebrity-riding */
    { "杨幂同款连衣裙", NULL, NULL, "TL502", "TL502:0-4:杨幂" },
    { "大幂幂同款", NULL, NULL, "TL502", "TL502:0-5:杨幂" },
    { "迪士尼在逃公主裙", NULL, NULL, "TL502", "TL502:0-5:迪士尼" },
    { "联名迪士尼T恤", NULL, NULL, "TL502", "TL502:0-5:迪士尼" },
    { "李佳琦推荐面膜", NULL, NULL, "TL502", "TL502:0-5:李佳琦" },
    { "情侣同款卫衣", NULL, NULL, "TL502", "" },                      /* generic */
    { "亲子同款 母女同款", NULL, NULL, "TL502", "" },
    { "王薇薇婚纱平替!炸街仙女裙,迪士尼在逃公主必备", NULL, NULL, "TL501,TL502",
      "TL501:0-7:王薇薇 TL502:14-19:迪士尼" },
    /* hotword-riding */
    { "抖音同款纯棉T恤", NULL, NULL, "TL503", "TL503:0-4:抖音同款" },
    { "网红炸街卫衣", NULL, NULL, "TL503", "TL503:0-2:网红 TL503:2-4:炸街" },
    { "纯棉休闲裤 百搭外套", NULL, "休闲裤", "TL503", "TL503:8-10:外套" },
    { "纯棉休闲裤 长裤", NULL, "服饰内衣>男装>休闲裤", "TL503", "" }, /* synonym */
    { "陶瓷茶壶茶杯3件套", NULL, "茶具", "TL503", "" },
    { "吸尘器滤网", NULL, "吸尘器滤网", "TL503", "" },                /* its goods */
    /* platform-format */
    { "正宗五指毛桃根√", NULL, NULL, "TL002", "TL002:7-8:" },
    { "便携式折叠扇第Ⅲ代", NULL, NULL, "TL002", "TL002:7-8:" },
    { "iPhone 13", NULL, NULL, "TL002", "TL002:0-9:" },
    { "Mac999", NULL, NULL, "TL002", "TL002:0-6:" },
    { "[五元]扇子", NULL, NULL, "TL002", "TL002:0-6:" },
    { "糖醋排骨【预订价10元】", NULL, NULL, "TL002", "" },
    { "CheddarCheese切达干酪", NULL, NULL, "TL002", "" },
    { "百岁山天然矿泉水1L*15瓶", NULL, NULL, "TL002", "" },
    { "纯棉Ｔ恤（白色）～！", NULL, NULL, "TL002", "" },             /* full-width forms */
    { "好看的T恤😀", NULL, NULL, "TL002", "TL002:5-6:" },
    { "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十X", NULL, NULL, "TL002", "TL002:60-61:" },
    /* missing-category */
    { "黄汝敦煌繁花套组-ZH1520", NULL, NULL, "TL101", "TL101:0-15:" },
    { "黄汝敦煌繁花陶瓷茶具套组", NULL, NULL, "TL101", "" },
    { "香奈儿同款", NULL, NULL, "TL101", "TL101:0-5:" },
    /* multiple-subjects */
    { "护眼台灯 手机支架 数据线", NULL, NULL, "TL102", "TL102:2-9:" },
    { "精致茶壶茶杯整套功夫茶具 ZH1520", NULL, NULL, "TL102", "" },
    { "适用苹果15手机壳", NULL, NULL, "TL102", "" },
    { "针织开衫 纯棉T恤", NULL, NULL, "TL102", "" },                  /* one top level */
    { "护眼台灯 手机支架", NULL, "台灯", "TL102", "" },               /* TL503's then */
    /* missing-attributes */
    { "开衫女宽松", NULL, NULL, "TL103", "TL103:0-2:针织开衫" },
    { "针织开衫女宽松", NULL, NULL, "TL103", "" },
    { "女鞋厚底", NULL, NULL, "TL103", "TL103:0-2:女鞋" },
    { "老爹鞋透气女鞋", NULL, NULL, "TL103", "" },
    { "透气女鞋", NULL, NULL, "TL103", "TL103:2-4:女鞋" },            /* style missing */
    { "纯色宽松", NULL, "针织开衫", "TL103", "TL103:0-4:针织开衫" },  /* from context */
    { "适用苹果15手机壳", NULL, NULL, "TL103", "" },                  /* model */
    { "数据线 1.5l", NULL, NULL, "TL103", "" },                       /* spec */
    /* irrelevant-symbols */
    { "纯棉T恤!!!", NULL, NULL, "TL201", "TL201:4-7:" },
    { "纯棉T恤？？", NULL, NULL, "TL201", "TL201:4-6:" },
    { "平替!炸街", NULL, NULL, "TL201", "TL201:2-3:" },
    { "【新款】【包邮】【特价】纯棉T恤", NULL, NULL, "TL201", "TL201:8-12:" },
    { "【】纯棉T恤", NULL, NULL, "TL201", "TL201:0-2:" },
    { "500ml 2.5kg iPhone 15 S/M/L 37-42码 95%棉 1L*15瓶", NULL, NULL, "TL201", "" },
    { "儿童3~6岁 #3色 夏季……新款——纯棉", NULL, NULL, "TL201", "" },
    { "【暖织】纯棉T恤【买一送一】", NULL, NULL, "TL201", "" },
    /* keyword-stuffing */
    { "纯棉T恤纯棉短袖", NULL, NULL, "TL301", "TL301:4-6:" },
    { "韩版百搭时尚潮流卫衣", NULL, NULL, "TL301", "TL301:0-8:" },
    { "韩版百搭卫衣", NULL, NULL, "TL301", "" },
    { "T恤 短袖 女 夏 宽松", NULL, NULL, "TL301", "TL301:0-12:" },
    { "夏季纯棉T恤 宽松百搭", NULL, NULL, "TL301", "" },
    { "500ml 500ml", NULL, NULL, "TL301", "" },                       /* specs */
    /* evasion */
    { "香奈家同款", NULL, NULL, "TL401", "TL401:0-3:香奈儿" },
    { "香奈家外套", NULL, NULL, "TL401", "" },                        /* a guess alone */
    { "香*奈*儿同款", NULL, NULL, "TL401", "TL401:0-5:香奈儿" },
    { "香 奈 儿 小香风", NULL, NULL, "TL401", "TL401:0-5:香奈儿" },
    { "N.I.K.E运动鞋", NULL, NULL, "TL401", "TL401:0-7:耐克" },
    { "n1ke运动鞋", NULL, NULL, "TL401", "TL401:0-4:耐克" },
    { "xiangnaier外套", NULL, NULL, "TL401", "TL401:0-10:香奈儿" },
    { "雅诗兰dai精华", NULL, NULL, "TL401", "TL401:0-6:雅诗兰黛" },
    { "楊冪同款", NULL, NULL, "TL401", "TL401:0-2:杨幂" },
    { "杨某同款连衣裙", NULL, NULL, "TL401", "TL401:0-4:" },
    { "ＮＩＫＥ运动鞋", NULL, NULL, "TL401", "TL401:0-4:耐克" },
    { "某印良品收纳盒同款", NULL, NULL, "TL401", "" },                /* not in fixture */
    { "耐克 运动鞋 k40手机", NULL, NULL, "TL401", "" },
    { "ＮＩＫＥ运动鞋", "耐克", NULL, "TL401", "" },                  /* own brand */
    /* absolute-claims, off-platform-contact, price-claim */
    { "全网最低价纯棉T恤", NULL, NULL, "TL601", "TL601:0-4:全网最低" },
    { "第一次穿的纯棉T恤", NULL, NULL, "TL601", "" },
    { "最好的纯棉T恤", NULL, NULL, "TL601", "TL601:0-2:最好" },
    { "纯棉T恤加微13812345678", NULL, NULL, "TL602", "TL602:4-6:加微 TL602:6-17:" },
    { "纯棉T恤 VX私聊", NULL, NULL, "TL602", "TL602:5-7:vx TL602:7-9:私聊" },
    { "无线扫码枪", NULL, NULL, "TL602", "" },
    { "原价999现价99纯棉T恤", NULL, NULL, "TL603", "TL603:0-2:原价" },
    /* invalid input */
    { "ab\xff", NULL, NULL, "TL001", "TL001:2-3:" },
    { "", NULL, NULL, "TL001,TL501", "" },
};

/* Only the rules named in @codes (comma-separated) run. */
static void
only(struct titlelint_checker *chk, const char *codes)
{
    char rules[64];

    snprintf(rules, sizeof(rules), "%s", codes);
    for (size_t i = 0; i < titlelint_rule_count(); i++)
        titlelint_checker_set_rule_severity(chk, titlelint_rule_get(i), TITLELINT_SEVERITY_OFF);
    for (char *save, *code = strtok_r(rules, ",", &save); code; code = strtok_r(NULL, ",", &save))
        titlelint_checker_set_rule_severity(chk, titlelint_rule_find(code),
                                            titlelint_rule_get_default_severity(titlelint_rule_find(code)));
}

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

    only(chk, cases[_i].rules);
    ck_assert_int_eq(titlelint_checker_check(chk, cases[_i].title, strlen(cases[_i].title),
                                             cases[_i].brand, cases[_i].category), TITLELINT_OK);
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

    only(chk, "TL501");
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

    only(chk, "TL001,TL501,TL502");
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
