#include "config.h"

#include <string.h>

#include "rules.h"

/*
 * The rule table.  Codes are permanent: a retired rule keeps its code
 * reserved forever (TL0xx input, TL1xx core information, TL2xx symbols,
 * TL3xx stuffing, TL4xx evasion, TL5xx improper traffic, TL6xx platform
 * rules and the Advertising Law, TL7xx whole-catalog checks).  Summaries
 * and explanations are the one source of --list-rules, --explain and
 * titlelint-rules(7).
 */
const struct titlelint_rule tl_rules[] = {
    {
        .name = "invalid-input",
        .code = "TL001",
        .severity = TITLELINT_SEVERITY_ERROR,
        .check = NULL,
        .summary = {
            "标题不是有效的 UTF-8 文本（无效字节、NUL 字节或过长），无法检查",
            "the title is not valid UTF-8 text (bad bytes, NUL bytes or far too long) and cannot be checked",
        },
        .explanation = {
            "规则：输入检查（titlelint 自身）。\n"
            "标题必须是 UTF-8 编码的文本。含有无效字节序列、NUL 空字符，或长度超过 65536 字节的标题"
            "无法可靠地检查，titlelint 报告出错的字节位置，然后继续检查下一个标题。\n"
            "不报告：有效的 UTF-8 标题，无论内容为何。\n"
            "修复：用 UTF-8 重新保存文件（Excel 导出的 GBK 文件先转换编码），删除标题中的不可见控制字符。",
            "Rule: input check (titlelint itself).\n"
            "A title must be UTF-8 text. A title with an invalid byte sequence, a NUL byte, or more\n"
            "than 65536 bytes cannot be checked reliably: titlelint names the offending byte offset\n"
            "and goes on with the next title.\n"
            "Leaves alone: any valid UTF-8 title, whatever it says.\n"
            "Fix: save the file as UTF-8 (convert GBK exports from Excel first) and remove invisible\n"
            "control characters from the title.",
        },
    },
    {
        .name = "brand-riding",
        .code = "TL501",
        .severity = TITLELINT_SEVERITY_ERROR,
        .check = tl_check_brand_riding,
        .summary = {
            "借用其他品牌名蹭流量（香奈儿同款、大牌平替）",
            "another brand's name used to draw traffic (香奈儿同款, 平替)",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第五类“不当获取流量”之品牌蹭流。\n"
            "标题中故意使用其他品牌的名称为本店商品引流，例如“香奈儿同款”“雅诗兰黛平替”“爱马仕级”"
            "“媲美戴森”，实际与所售商品的品牌无关。品牌名后跟同款、平替、同厂、代工、原单、风、级，"
            "或前有媲美、不输等词时报告为错误。\n"
            "不报告：商品自己的品牌（--brand 或 CSV 品牌列）；配件与零件的适配写法"
            "（适用于/适配/兼容/专用/for + 品牌，如“适用苹果15手机壳”“兼容戴森吸尘器滤网”）。\n"
            "修复：删除他人品牌及“同款/平替”等字样，用商品自身的材质、功能、款式描述商品。",
            "Rule: title guide, family 5 (improper traffic), brand riding.\n"
            "The title uses another brand's name to draw that brand's search traffic: 香奈儿同款,\n"
            "雅诗兰黛平替, 爱马仕级, 媲美戴森, while the product is not of that brand. A brand name\n"
            "followed by 同款, 平替, 同厂, 代工, 原单, 风, 级, or preceded by 媲美, 不输, is an error.\n"
            "Leaves alone: the product's own brand (--brand, the CSV brand column), and compatibility\n"
            "wording for accessories and parts (适用于/适配/兼容/专用/for + brand: 适用苹果15手机壳,\n"
            "兼容戴森吸尘器滤网).\n"
            "Fix: drop the other brand and the 同款/平替 wording; describe the product by its own\n"
            "material, function and style.",
        },
    },
    {
        .name = "celebrity-riding",
        .code = "TL502",
        .severity = TITLELINT_SEVERITY_ERROR,
        .check = tl_check_celebrity_riding,
        .summary = {
            "未经授权借用名人、影视或动漫 IP 蹭流量（杨幂同款、迪士尼在逃公主）",
            "a celebrity, film or cartoon IP used without authorization (杨幂同款, 迪士尼在逃公主)",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第五类“不当获取流量”之仿冒名人。\n"
            "未经授权在标题中使用明星、网红、影视或动漫 IP 等名称搭配“同款”“代言”“联名”“推荐”"
            "“在逃”“周边”“平替”等字样，意图攀附他人商誉或热度引流，例如“杨幂同款”“迪士尼在逃公主”。\n"
            "不报告：不指向任何人的泛称同款（情侣同款、亲子同款、男女同款、闺蜜同款、母女同款）。\n"
            "修复：删除名人或 IP 名称及“同款”等字样；若已获授权，在配置文件中登记授权。",
            "Rule: title guide, family 5 (improper traffic), celebrity imitation.\n"
            "The title names a celebrity, influencer, film, cartoon or game IP with 同款, 代言, 联名,\n"
            "推荐, 在逃, 周边 or 平替 without authorization, to ride their fame: 杨幂同款,\n"
            "迪士尼在逃公主.\n"
            "Leaves alone: generic 同款 that names nobody (情侣同款, 亲子同款, 男女同款, 闺蜜同款,\n"
            "母女同款).\n"
            "Fix: drop the name and the 同款 wording; if the IP is licensed, record the authorization\n"
            "in the configuration file.",
        },
    },
};

const size_t tl_n_rules = TL_ARRAY_SIZE(tl_rules);

size_t
tl_rule_index(const struct titlelint_rule *rule)
{
    return (size_t) (rule - tl_rules);
}

TITLELINT_EXPORT size_t
titlelint_rule_count(void)
{
    return tl_n_rules;
}

TITLELINT_EXPORT const struct titlelint_rule *
titlelint_rule_get(size_t index)
{
    return index < tl_n_rules ? &tl_rules[index] : NULL;
}

static int
ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
        int y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
        if (x != y || !x)
            return x - y;
    }
}

TITLELINT_EXPORT const struct titlelint_rule *
titlelint_rule_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < tl_n_rules; i++)
        if (strcmp(tl_rules[i].name, name) == 0 ||
            ascii_casecmp(tl_rules[i].code, name) == 0)
            return &tl_rules[i];
    return NULL;
}

TITLELINT_EXPORT const char *
titlelint_rule_get_name(const struct titlelint_rule *rule)
{
    return rule->name;
}

TITLELINT_EXPORT const char *
titlelint_rule_get_code(const struct titlelint_rule *rule)
{
    return rule->code;
}

TITLELINT_EXPORT enum titlelint_severity
titlelint_rule_get_default_severity(const struct titlelint_rule *rule)
{
    return rule->severity;
}

TITLELINT_EXPORT const char *
titlelint_rule_get_summary(const struct titlelint_rule *rule, enum titlelint_lang lang)
{
    return rule->summary[lang == TITLELINT_LANG_EN];
}

TITLELINT_EXPORT const char *
titlelint_rule_get_explanation(const struct titlelint_rule *rule,
                               enum titlelint_lang lang)
{
    return rule->explanation[lang == TITLELINT_LANG_EN];
}
