/*
 * platform-format (TL002): what the WeChat Store product API refuses
 * outright; irrelevant-symbols (TL201): family 2 of the title guide,
 * accepted characters used with no product meaning.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "rules.h"

static bool
is_han(UChar32 c)
{
    UErrorCode err = U_ZERO_ERROR;
    return uscript_getScript(c, &err) == USCRIPT_HAN;
}

static bool
is_latin(UChar32 c)
{
    UErrorCode err = U_ZERO_ERROR;
    return u_isalpha(c) && uscript_getScript(c, &err) == USCRIPT_LATIN;
}

/* The special characters the product API accepts besides Chinese
 * characters, letters and digits (and their full-width forms). */
static bool
accepted_symbol(UChar32 c)
{
    static const char ascii[] = " ~!@#$%^&()*-_=+[]\\{}|;':\",./<>?";
    static const UChar32 other[] = {
        0x00A0, 0x3000,            /* no-break and ideographic spaces */
        0x00B7, 0x00A5, 0xFFE5,    /* · ¥ ￥ */
        0x2026, 0x2014,            /* … — (as in …… and ——) */
        0x3010, 0x3011, 0x3001,    /* 【 】 、 */
        0x2018, 0x2019, 0x201C, 0x201D, /* ‘ ’ “ ” */
        0x3002, 0x300A, 0x300B,    /* 。 《 》 */
    };
    if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;               /* a full-width form */
    if (c > 0 && c < 0x80)
        return strchr(ascii, (int) c) != NULL;
    for (size_t i = 0; i < TL_ARRAY_SIZE(other); i++)
        if (other[i] == c)
            return true;
    return false;
}

static bool
is_digit(UChar32 c)
{
    return u_isdigit(c);
}

bool
tl_char_accepted(int32_t c)
{
    return is_han(c) || is_latin(c) || is_digit(c) || accepted_symbol(c);
}

static UChar32
char_at(const struct tl_text *t, size_t i)
{
    UChar32 c;
    int32_t b = (int32_t) t->char_byte[i];
    U8_NEXT((const uint8_t *) t->orig, b, (int32_t) t->orig_len, c);
    return c;
}

void
tl_check_platform_format(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const struct tl_text *t = &chk->text;
    size_t valid = 0, han = 0, latin_or_digit = 0;

    for (size_t i = 0; i < t->n_chars;) {
        UChar32 c = char_at(t, i);
        bool h = is_han(c), l = is_latin(c), d = is_digit(c);
        valid += h || u_isalpha(c) || d;
        han += h;
        latin_or_digit += l || d;
        if (h || l || d || accepted_symbol(c)) {
            i++;
            continue;
        }
        /* A run of refused characters: one diagnostic naming each
         * character once, as many as fit, and how many there are when
         * that is not all (a run of 16,000 emoji is one line). */
        size_t j = i;
        char names[256] = "";
        bool all_named = true;
        while (j < t->n_chars) {
            UChar32 x = char_at(t, j);
            if (is_han(x) || is_latin(x) || is_digit(x) || accepted_symbol(x))
                break;
            size_t len = strlen(names);
            char one[8] = "", code[16];
            int32_t k = 0;
            U8_APPEND_UNSAFE((uint8_t *) one, k, x);
            one[k] = '\0';
            snprintf(code, sizeof(code), "”(U+%04X)", (unsigned) x);
            if (strstr(names, code)) {
                all_named = false;
            } else if (len < sizeof(names) - 32) {
                snprintf(names + len, sizeof(names) - len, "%s“%s%s",
                         len ? TL_MSG(chk, "、", ", ") : "", one, code);
            } else {
                all_named = false;
            }
            valid += u_isalpha(x) != 0;   /* Cyrillic, kana... are letters */
            j++;
        }
        if (all_named)
            tl_diag_add_chars(chk, rule, i, j, NULL,
                              TL_MSG(chk, "含平台不接受的字符：%s",
                                     "holds characters the platform refuses: %s"), names);
        else
            tl_diag_add_chars(chk, rule, i, j, NULL,
                              TL_MSG(chk, "含平台不接受的字符：%s，共 %zu 个",
                                     "holds characters the platform refuses: %s (%zu in all)"),
                              names, j - i);
        i = j;
    }
    if (t->n_chars > chk->max_chars)
        tl_diag_add_chars(chk, rule, chk->max_chars, t->n_chars, NULL,
                          TL_MSG(chk, "标题共 %zu 个字符，超过平台上限 %zu 个",
                                 "the title has %zu characters, over the platform's limit of %zu"),
                          t->n_chars, chk->max_chars);
    if (valid < chk->min_valid_chars)
        tl_diag_add_chars(chk, rule, 0, t->n_chars, NULL,
                          TL_MSG(chk, "标题只有 %zu 个有效字符（汉字、字母、数字），少于平台要求的 %zu 个",
                                 "the title has %zu valid characters (Chinese characters, letters, digits), fewer than the platform's %zu"),
                          valid, chk->min_valid_chars);
    else if (han == 0 && latin_or_digit == valid)
        tl_diag_add_chars(chk, rule, 0, t->n_chars, NULL, "%s",
                          TL_MSG(chk, "标题只有英文字母和数字，平台不接受，请写明中文品名",
                                 "the title has only English letters and digits, which the platform refuses: name the goods in Chinese"));
}

/* ---- irrelevant-symbols ------------------------------------------------ */

/* Marks that carry no product meaning on their own. */
static bool
decorative(UChar32 c)
{
    return c == '!' || c == '?' || c == '~' || c == '#' || c == '@' || c == '$' ||
           c == '^' || c == '|' || c == '\\';
}

/* Punctuation, in the normalized text (full-width forms are half-width). */
static bool
punct(UChar32 c)
{
    return decorative(c) || (c > 0 && c < 0x80 && strchr("*.,;:'\"-_=+/<>&%", (int) c)) ||
           c == 0x3001 || c == 0x3002 || c == 0x2026 || c == 0x2014 || c == 0x00B7 ||
           c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

/* Whether the original text of normalized bytes [ns, ne) is one Chinese
 * mark: … or …… or — or ——. */
static bool
written_as_one_mark(const struct titlelint_checker *chk, size_t ns, size_t ne)
{
    const struct tl_text *t = &chk->text;
    size_t cs, ce;

    tl_text_orig_span(t, ns, ne, &cs, &ce);
    if (ce - cs < 1 || ce - cs > 2)
        return false;
    UChar32 first = char_at(t, cs);
    if (first != 0x2026 && first != 0x2014)
        return false;
    return ce - cs == 1 || char_at(t, cs + 1) == first;
}

struct cp {
    UChar32 c;
    uint32_t start, end;     /* normalized bytes */
};

#define MAX_CPS 512

void
tl_check_irrelevant_symbols(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    const struct tl_text *t = &chk->text;
    struct cp cps[MAX_CPS];
    size_t n = 0;
    char span[256];

    for (int32_t i = 0; (size_t) i < t->norm_len && n < MAX_CPS;) {
        int32_t b = i;
        U8_NEXT((const uint8_t *) t->norm, i, (int32_t) t->norm_len, cps[n].c);
        cps[n].start = (uint32_t) b;
        cps[n].end = (uint32_t) i;
        n++;
    }

    /* Runs of punctuation (!!!, ？？, ~~~, !?), and decorative marks. */
    for (size_t i = 0; i < n;) {
        /* A bracket doubled, (( or )), decorates; a single one encloses. */
        if ((cps[i].c == '(' || cps[i].c == ')') && i + 1 < n && cps[i + 1].c == cps[i].c) {
            size_t j = i + 1;
            while (j < n && cps[j].c == cps[i].c)
                j++;
            tl_orig_text(chk, cps[i].start, cps[j - 1].end, span, sizeof(span));
            tl_diag_add(chk, rule, cps[i].start, cps[j - 1].end, NULL,
                        TL_MSG(chk, "与商品无关的符号“%s”", "a symbol with no product meaning: “%s”"),
                        span);
            i = j;
            continue;
        }
        if (!punct(cps[i].c)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && punct(cps[j].c))
            j++;
        size_t len = j - i;
        /* …… and —— are one Chinese mark each; NFKC spells … as "...",
         * so look at what was written. */
        bool one_mark = written_as_one_mark(chk, cps[i].start, cps[j - 1].end);
        bool between_digits = i > 0 && j < n && is_digit(cps[i - 1].c) && is_digit(cps[j].c);
        bool flag = false;
        if (len >= 2 && !one_mark) {
            flag = true;
        } else if (len == 1 && decorative(cps[i].c)) {
            /* 3~6岁 and #3 keep their meaning. */
            flag = !(cps[i].c == '~' && between_digits) &&
                   !(cps[i].c == '#' && j < n && is_digit(cps[j].c));
        }
        if (flag) {
            tl_orig_text(chk, cps[i].start, cps[j - 1].end, span, sizeof(span));
            tl_diag_add(chk, rule, cps[i].start, cps[j - 1].end, NULL,
                        TL_MSG(chk, "与商品无关的符号“%s”", "a symbol with no product meaning: “%s”"),
                        span);
        }
        i = j;
    }

    /* Brackets: one leading 【品牌】 and one more 【…】 are fine. */
    size_t pairs = 0;
    bool leading = false;
    for (size_t i = 0; i < n; i++) {
        UChar32 open = cps[i].c;
        if (open != 0x3010 && open != '[')
            continue;
        UChar32 close = open == '[' ? ']' : 0x3011;
        size_t j = i + 1;
        while (j < n && cps[j].c != close && cps[j].c != open)
            j++;
        if (j == n || cps[j].c != close)
            continue;
        size_t first = 0;
        while (first < n && cps[first].c == ' ')
            first++;
        bool empty = j == i + 1;
        if (i == first)
            leading = true;
        pairs++;
        if (empty || pairs > (leading ? 2u : 1u)) {
            tl_orig_text(chk, cps[i].start, cps[j].end, span, sizeof(span));
            tl_diag_add(chk, rule, cps[i].start, cps[j].end, NULL,
                        TL_MSG(chk, "多余的装饰性括号“%s”：最多一个开头的【品牌】和一个【规格/活动】",
                               "decorative brackets “%s”: at most one leading 【brand】 and one 【spec/offer】"),
                        span);
        }
        i = j;
    }
}
