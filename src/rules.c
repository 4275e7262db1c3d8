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
        .name = "platform-format",
        .code = "TL002",
        .severity = TITLELINT_SEVERITY_ERROR,
        .check = tl_check_platform_format,
        .summary = {
            "平台商品接口直接拒绝的标题：有效字符少于 5 个、超过 60 个字符、只有字母数字、含不接受的字符",
            "a title the platform API refuses: under 5 valid characters, over 60 characters, only letters and digits, refused characters",
        },
        .explanation = {
            "规则：微信小店商品接口对标题的硬性校验（添加/更新商品）。\n"
            "标题至少 5 个有效字符（汉字、字母、数字各算 1 个），至多 60 个字符；不能只有数字和英文字母；\n"
            "除汉字、字母、数字外，只接受这些符号及其全角形式：· ~ ! @ # $ % ^ & ( ) ¥ …… * - _ —— = + [ ] \\ 【 】 、 { } | ; ' ’ : \" ‘ “ ” , . / 。 < > ? 《 》，以及空格。\n"
            "√、Ⅲ、★、表情符号等会被拒绝，每个都以码位列出。上下限可在配置文件中修改。\n"
            "不报告：上述字符组成的标题，如“糖醋排骨【预订价10元】”“CheddarCheese切达干酪”“百岁山天然矿泉水1L*15瓶”。\n"
            "修复：删除不接受的字符（用文字代替符号，如“第3代”代替“第Ⅲ代”），补足或精简标题，写明中文品名。",
            "Rule: the WeChat Store product API's hard checks on a title (add/update product).\n"
            "At least 5 valid characters (a Chinese character, a letter or a digit counts 1), at most 60\n"
            "characters; not only digits and English letters; besides Chinese characters, letters and\n"
            "digits only these symbols and their full-width forms: · ~ ! @ # $ % ^ & ( ) ¥ …… * - _ —— = + [ ]\n"
            "\\ 【 】 、 { } | ; ' ’ : \" ‘ “ ” , . / 。 < > ? 《 》, and spaces. √, Ⅲ, ★, emoji are refused and\n"
            "named with their code points. The limits can be changed in the configuration file.\n"
            "Leaves alone: titles of those characters, e.g. 糖醋排骨【预订价10元】, CheddarCheese切达干酪,\n"
            "百岁山天然矿泉水1L*15瓶.\n"
            "Fix: remove the refused characters (write 第3代 for 第Ⅲ代), lengthen or shorten the title, name\n"
            "the goods in Chinese.",
        },
    },
    {
        .name = "pattern-limit",
        .code = "TL003",
        .severity = TITLELINT_SEVERITY_WARNING,
        .check = NULL,
        .summary = {
            "词库中的正则模式在此标题上超出 PCRE2 的匹配上限，标题未按该模式检查",
            "a lexicon pattern hit PCRE2's match or depth limit on the title, which was not checked against it",
        },
        .explanation = {
            "规则：输入检查（titlelint 自身）。\n"
            "patterns 词库中的正则表达式在每个标题上的匹配受 PCRE2 上限约束：至多 200000 步回溯、5000 层嵌套回溯。"
            "写法有灾难性回溯的模式（如 (a+)+$）在某些标题上会超出上限；这时该模式放弃这个标题，"
            "titlelint 报告模式的名称和它所在的词库文件与行号，用其余的词和模式继续检查这个标题和后面的标题。\n"
            "不报告：在上限内完成的匹配，无论是否匹配到。\n"
            "修复：改写词库中的模式，去掉嵌套的量词和可以互相重叠的分支（如把 (a+)+$ 写成 a+$）。",
            "Rule: input check (titlelint itself).\n"
            "Each regular expression of a patterns lexicon runs on each title within PCRE2's limits: at\n"
            "most 200000 backtracking steps and 5000 levels of nested backtracking. A pattern that\n"
            "backtracks catastrophically (such as (a+)+$) exceeds them on some titles: it then gives up on\n"
            "that title, and titlelint names the pattern with its lexicon file and line and goes on with\n"
            "the other terms and patterns, and with the next titles.\n"
            "Leaves alone: any match attempt that ends within the limits, matching or not.\n"
            "Fix: rewrite the pattern in the lexicon without nested quantifiers or alternatives that\n"
            "overlap (write a+$ for (a+)+$).",
        },
    },
    {
        .name = "missing-category",
        .code = "TL101",
        .severity = TITLELINT_SEVERITY_ERROR,
        .check = tl_check_missing_category,
        .summary = {
            "标题没有核心品类词，买家看不出卖的是什么",
            "no core category word: a buyer cannot tell what is sold",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第一类“核心商品信息缺失”之品类缺失。\n"
            "标题未清晰标注商品的核心品类，用户无法直观知晓售卖的是什么，例如“黄汝敦煌繁花套组-ZH1520”（什么的套组？）。\n"
            "品类词来自品类词库（categories.tsv 的叶子品类及同义词）；“套组”“礼盒”等套装词不算品类。\n"
            "不报告：写明了品类的标题，如“黄汝敦煌繁花陶瓷茶具套组”。词库未收录的品类也会被报告：可把它加入自己的词库目录。\n"
            "修复：写出商品是什么，如“茶具”“连衣裙”“手机壳”。",
            "Rule: title guide, family 1 (core product information missing), no category.\n"
            "The title does not say what is sold, e.g. 黄汝敦煌繁花套组-ZH1520 (a set of what?). Category words\n"
            "are the leaves and synonyms of categories.tsv; set words such as 套组 or 礼盒 are not categories.\n"
            "Leaves alone: titles that name their goods, e.g. 黄汝敦煌繁花陶瓷茶具套组. A category the lexicon\n"
            "lacks is reported too: add it to a lexicon directory of your own.\n"
            "Fix: say what the product is: 茶具, 连衣裙, 手机壳.",
        },
    },
    {
        .name = "multiple-subjects",
        .code = "TL102",
        .severity = TITLELINT_SEVERITY_WARNING,
        .check = tl_check_multiple_subjects,
        .summary = {
            "一个标题写了多个不相关的商品主体",
            "two or more unrelated products in one title",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第一类“核心商品信息缺失”之多个商品主体。\n"
            "标题出现两个或以上互不相关的品类（如“台灯 手机支架 数据线”），用户无法判断卖的是哪一个。只在未提供商品品类（--category 或 CSV 品类列）时检查；提供了品类时，其他品类词由 hotword-riding 报告。\n"
            "不报告：套装、整套、N件套、礼盒等明确的组合商品（“精致茶壶茶杯整套功夫茶具”）；配件与其主体（手机壳与手机）；“适用/兼容”后面的设备；同一父类目下的品类。\n"
            "修复：一个标题只写一个商品；组合销售请写明“套装”并说明内容。",
            "Rule: title guide, family 1 (core product information missing), several subjects.\n"
            "The title names two or more unrelated categories (台灯 手机支架 数据线), so a buyer cannot tell\n"
            "which is sold. Checked only when the product's category is not given (--category, the CSV\n"
            "category column); when it is, other categories are hotword-riding's.\n"
            "Leaves alone: explicit sets (套装, 整套, N件套, 礼盒: 精致茶壶茶杯整套功夫茶具); an accessory with\n"
            "its goods (手机壳 and 手机); the device after 适用/兼容; categories under one parent.\n"
            "Fix: one product per title; for a bundle write 套装 and its contents.",
        },
    },
    {
        .name = "missing-attributes",
        .code = "TL103",
        .severity = TITLELINT_SEVERITY_WARNING,
        .check = tl_check_missing_attributes,
        .summary = {
            "标题只有品名，缺少该品类必需的关键属性（材质、功能、季节、人群、场景等）",
            "key attributes the category needs (material, function, season, crowd, scenario...) are missing",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第一类“核心商品信息缺失”之关键属性缺失。\n"
            "商品标题仅有品名，缺少该品类的关键属性，如“开衫”缺材质（应写“针织开衫”），“女鞋”缺款式和功能（应写“透气老爹鞋”）。\n"
            "每个品类需要的属性种类写在品类词库的 requires 列；核心品类取 --category，否则取标题中最后一个品类词。\n"
            "不报告：属性齐全的标题；品类词库没有要求属性的品类。\n"
            "修复：按提示补上属性，如“纯棉”“透气”“秋冬”“通勤”“500ml”。",
            "Rule: title guide, family 1 (core product information missing), key attributes missing.\n"
            "The title names the goods but not what a buyer needs to choose them: 开衫 without a material\n"
            "(write 针织开衫), 女鞋 without style and function (write 透气老爹鞋). Each category's required\n"
            "kinds are in the requires column of the category lexicon; the core category is --category, else\n"
            "the last category word of the title.\n"
            "Leaves alone: titles with the attributes; categories that require none.\n"
            "Fix: add the attributes named, e.g. 纯棉, 透气, 秋冬, 通勤, 500ml.",
        },
    },
    {
        .name = "irrelevant-symbols",
        .code = "TL201",
        .severity = TITLELINT_SEVERITY_WARNING,
        .check = tl_check_irrelevant_symbols,
        .summary = {
            "与商品无关的符号：连串标点、装饰符号、多余的括号",
            "symbols with no product meaning: runs of punctuation, decorative marks, extra brackets",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第二类“与商品无关联的字符/符号”。\n"
            "连串的标点（!!!、？？、~~~、###）、单独的装饰符号（! ? ~ # @ $ ^ | \\），以及超出一个开头【品牌】和一个【规格/活动】的括号，都与商品无关。\n"
            "不报告：单位、尺码和型号（500ml、2.5kg、iPhone 15、S/M/L、37-42码、95%棉、1L*15瓶），数字之间的 ~（3~6岁），# 加数字（#3）；平台不接受的字符由 platform-format 报告。\n"
            "修复：删除这些符号，用文字表达。",
            "Rule: title guide, family 2 (characters and symbols unrelated to the product).\n"
            "Runs of punctuation (!!!, ？？, ~~~, ###), lone decorative marks (! ? ~ # @ $ ^ | \\), and\n"
            "brackets beyond one leading 【brand】 and one 【spec/offer】 carry no product meaning.\n"
            "Leaves alone: units, sizes and models (500ml, 2.5kg, iPhone 15, S/M/L, 37-42码, 95%棉,\n"
            "1L*15瓶), ~ between digits (3~6岁), # before digits (#3). Characters the platform refuses are\n"
            "platform-format's.\n"
            "Fix: remove the symbols; say it in words.",
        },
    },
    {
        .name = "keyword-stuffing",
        .code = "TL301",
        .severity = TITLELINT_SEVERITY_WARNING,
        .check = tl_check_keyword_stuffing,
        .summary = {
            "关键词堆砌：重复的词、成串的近义词、空格隔开的关键词",
            "keyword stuffing: repeated words, piled-up synonyms, bags of space-separated keywords",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第三类“关键词堆砌”。\n"
            "同一个词出现两次或以上；同一属性的近义词三个或以上（百搭 时尚 潮流 ins风 韩版 洋气）；同一品类的多种叫法三个或以上（连衣裙 裙子 长裙）；五个或以上用空格隔开的短关键词。\n"
            "不报告：一个空格分开的商品部分与场景部分（“夏季法式方领泡泡袖连衣裙收腰显瘦 约会度假穿搭”）；数字和规格的重复；两个近义词。\n"
            "修复：每种意思保留最准确的一个词，写成通顺的一句话。",
            "Rule: title guide, family 3 (keyword stuffing).\n"
            "The same word twice or more; three or more near-synonyms of one attribute (百搭 时尚 潮流 ins风\n"
            "韩版 洋气); three or more names of one category (连衣裙 裙子 长裙); five or more short\n"
            "space-separated keywords.\n"
            "Leaves alone: one space between the product part and the scenario part (夏季法式方领泡泡袖连衣裙\n"
            "收腰显瘦 约会度假穿搭); repeated numbers and specs; two near-synonyms.\n"
            "Fix: keep the most precise word for each meaning and write one phrase.",
        },
    },
    {
        .name = "evasion",
        .code = "TL401",
        .severity = TITLELINT_SEVERITY_ERROR,
        .check = tl_check_evasion,
        .summary = {
            "用变体写法规避审核：插入符号、某字代替、谐音字、拼音、形近字母、繁体、全角、字母代替末字",
            "a lexicon name disguised to dodge review: separators, 某, homophones, pinyin, look-alikes, traditional, full-width",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第四类“信息规避”。\n"
            "把品牌、名人或联系方式用变体写法藏起来，以逃过审核：字中间插符号或空格（香*奈*儿、N.I.K.E）、用“某”代替一字（某印良品、杨某同款）、谐音或形近字（香奈家）、拼音（xiangnaier）、形近字母或数字（n1ke、西里尔字母）、繁体（香奈兒）、全角字母、末字写成字母（雅诗兰D、雅诗兰dai）。提示会指出它像哪个词。\n"
            "不报告：本商品自己的品牌和已授权的名称；两个字的名字的“某”“谐音”变体（无法判断指谁），但“X某同款”仍会报告。\n"
            "修复：删除这些词；若是自己的品牌，用正确写法并在配置中登记。",
            "Rule: title guide, family 4 (information evasion).\n"
            "A brand, person or contact word spelled to slip past review: separators inside it (香*奈*儿,\n"
            "N.I.K.E), a character replaced by 某 (某印良品, 杨某同款), homophones (香奈家), pinyin\n"
            "(xiangnaier), look-alike letters or digits (n1ke, Cyrillic letters), traditional characters\n"
            "(香奈兒), full-width letters, a Latin last syllable (雅诗兰D, 雅诗兰dai). The message names the\n"
            "word it resembles.\n"
            "Leaves alone: the product's own brand and authorized names; 某 and homophone forms of\n"
            "two-character names (they could be anyone), though X某同款 is still reported.\n"
            "Fix: remove the word; for your own brand, spell it right and declare it in the configuration.",
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
            "或前有媲美、不输等词时报告为错误；没有这些词时，非本商品的品牌报告为警告"
            "（未提供品牌时，标题中第一个品牌视为本商品品牌）。\n"
            "不报告：商品自己的品牌（--brand 或 CSV 品牌列）；配件与零件的适配写法"
            "（适用于/适配/兼容/专用/for + 品牌，如“适用苹果15手机壳”“兼容戴森吸尘器滤网”）。\n"
            "修复：删除他人品牌及“同款/平替”等字样，用商品自身的材质、功能、款式描述商品。",
            "Rule: title guide, family 5 (improper traffic), brand riding.\n"
            "The title uses another brand's name to draw that brand's search traffic: 香奈儿同款,\n"
            "雅诗兰黛平替, 爱马仕级, 媲美戴森, while the product is not of that brand. A brand name\n"
            "followed by 同款, 平替, 同厂, 代工, 原单, 风, 级, or preceded by 媲美, 不输, is an error; any\n"
            "other brand that is not the product's own is a warning (without --brand, the first brand\n"
            "of the title is taken as the product's own).\n"
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
    {
        .name = "hotword-riding",
        .code = "TL503",
        .severity = TITLELINT_SEVERITY_ERROR,
        .check = tl_check_hotword_riding,
        .summary = {
            "蹭热词：平台或流行热词，以及与本商品无关的其他品类商品词",
            "hot-word riding: platform and trending words, and goods of other categories",
        },
        .explanation = {
            "规则：《商品标题搜推运营指南》第五类“不当获取流量”之热词蹭流。\n"
            "标题使用与商品实际不符的热词、类目名称或关键词：平台与流行热词（抖音同款、小红书爆款、网红、直播间专属、热搜）报告为警告；提供了商品品类（--category 或 CSV 品类列）时，标题中其他品类的商品词（卖裤子的标题写“裙子”“外套”，无关的“擦鞋湿巾”）报告为错误。\n"
            "不报告：本品类的名称和同义词；配件与其主体；“适用/兼容”后面的设备；套装商品的内容。未提供品类时，多个品类由 multiple-subjects 报告。\n"
            "修复：删除与商品无关的热词和其他品类的词。",
            "Rule: title guide, family 5 (improper traffic), hot-word riding.\n"
            "Words that do not describe the product, used for their traffic: platform and trending hot words\n"
            "(抖音同款, 小红书爆款, 网红, 直播间专属, 热搜) are warnings; when the product's category is given\n"
            "(--category, the CSV category column), another category's goods in the title (a trousers title\n"
            "saying 裙子 or 外套, an unrelated 擦鞋湿巾) are errors.\n"
            "Leaves alone: the category's own names and synonyms; an accessory with its goods; the device\n"
            "after 适用/兼容; the contents of a set. Without a given category, several categories are\n"
            "multiple-subjects'.\n"
            "Fix: remove the hot words and the other goods.",
        },
    },
    {
        .name = "absolute-claims",
        .code = "TL601",
        .severity = TITLELINT_SEVERITY_WARNING,
        .check = tl_check_absolute_claims,
        .summary = {
            "《广告法》禁止的绝对化用语（最好、第一、顶级、国家级、全网最低）",
            "absolute claims the Advertising Law forbids (最好, 第一, 顶级, 国家级, 全网最低)",
        },
        .explanation = {
            "规则：《中华人民共和国广告法》第九条与平台违规规则：不得使用“国家级”“最高级”“最佳”等用语。\n"
            "报告绝对化用语词库（absolute.tsv）中的词：最好、最佳、第一、顶级、极品、国家级、全网最低、100%有效等。\n"
            "不报告：普通词语中的同样字样，由词库的 clear 列列出，如“第一次”“第一季”“最新款”（“最新款”只说明上新时间，视为可用；单独的“最新”仍报告）。\n"
            "修复：删除绝对化用语，用可以证明的具体事实代替。",
            "Rule: China's Advertising Law, article 9, and the platform's violation rules: no \"national\n"
            "level\", \"highest\", \"best\" claims.\n"
            "Reports the words of absolute.tsv: 最好, 最佳, 第一, 顶级, 极品, 国家级, 全网最低, 100%有效 ...\n"
            "Leaves alone: the same characters inside ordinary words, listed in the lexicon's clear column:\n"
            "第一次, 第一季, 最新款 (最新款 only says the item is new this season, and is accepted; 最新 alone\n"
            "is still reported).\n"
            "Fix: remove the claim; state a concrete fact you can prove.",
        },
    },
    {
        .name = "off-platform-contact",
        .code = "TL602",
        .severity = TITLELINT_SEVERITY_ERROR,
        .check = tl_check_off_platform_contact,
        .summary = {
            "引导买家到平台外联系或交易：微信号、QQ、手机号、网址、加V、私聊、扫码",
            "leads buyers off the platform: WeChat or QQ ids, phone numbers, URLs, 加V, 私聊, 扫码",
        },
        .explanation = {
            "规则：微信小店违规规则之“引导私下交易”。\n"
            "标题中出现微信号、QQ 号、手机号、网址，或“加V”“加微”“vx”“薇信”“私聊”“扫码”等引导买家离开平台联系、交易的内容。\n"
            "不报告：普通词语中的同样字样（如“扫码枪”），由词库 clear 列列出；型号中的数字。\n"
            "修复：删除联系方式；与买家沟通请使用平台客服。",
            "Rule: WeChat Store violation rules, guiding private trades.\n"
            "WeChat or QQ ids, phone numbers, URLs, or 加V, 加微, vx, 薇信, 私聊, 扫码 and the like, which lead\n"
            "buyers to contact or pay outside the platform.\n"
            "Leaves alone: the same characters in ordinary words (扫码枪), listed in the lexicon's clear\n"
            "column; digits of model numbers.\n"
            "Fix: remove the contact details; talk to buyers through the platform's customer service.",
        },
    },
    {
        .name = "price-claim",
        .code = "TL603",
        .severity = TITLELINT_SEVERITY_WARNING,
        .check = tl_check_price_claim,
        .summary = {
            "标题中的原价、专柜价、吊牌价说法，平台视为虚构原价",
            "original-price or counter-price claims, treated as fictitious original prices",
        },
        .explanation = {
            "规则：平台违规规则之“虚构原价”（直播与商品管理规范）。\n"
            "标题写“原价999现价99”“专柜价”“吊牌价”“市场价”等，平台在无法证明时视为虚构原价。\n"
            "不报告：不表示原价的同样字样（由词库 clear 列列出）。\n"
            "修复：删除原价说法；价格信息请填写在商品价格字段。",
            "Rule: the platform's violation rules on fictitious original prices.\n"
            "原价999现价99, 专柜价, 吊牌价, 市场价 in a title are treated as a fictitious original price unless\n"
            "proven.\n"
            "Leaves alone: the same characters where they state no original price (listed in the lexicon's\n"
            "clear column).\n"
            "Fix: remove the claim; put prices in the product's price fields.",
        },
    },
    {
        .name = "duplicate-title",
        .code = "TL701",
        .severity = TITLELINT_SEVERITY_WARNING,
        .check = NULL,   /* decided over a whole export by the front end */
        .summary = {
            "同一份导出中的重复或近似重复标题（只差符号、空格、词序或一个规格）",
            "the same title, or a near-duplicate, on several rows of one export",
        },
        .explanation = {
            "规则：平台对重复铺货的管理（同款商品用多个链接重复发布）。\n"
            "同一份商品导出中，多行的标题相同，或只在符号、空格、词的顺序或一个规格上不同，"
            "是用复制的商品堆满店铺的做法。每一行都会被报告，并列出同组其他行的商品ID。\n"
            "不报告：标题实际不同的商品（不同的品类、材质、款式等），也不比较不同文件之间的标题。\n"
            "修复：合并为一个商品，用规格（SKU）区分颜色、尺码和容量，而不是重复发布。",
            "Rule: the platform's rules on duplicate listings (one product listed again and again).\n"
            "In one export, several rows whose titles are the same, or differ only in symbols,\n"
            "spaces, the order of their words or one spec, pad a catalog with copies. Every row of\n"
            "the group is reported with the ids of the others.\n"
            "Leaves alone: products whose titles really differ (category, material, style), and\n"
            "titles of different files.\n"
            "Fix: merge them into one product, with SKUs for colours, sizes and volumes.",
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

TITLELINT_EXPORT int
titlelint_rule_is_catalog(const struct titlelint_rule *rule)
{
    return rule && !rule->check && strcmp(rule->code, "TL001") != 0;
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
