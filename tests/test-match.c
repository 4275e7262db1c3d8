/* Stage 3b: the Aho-Corasick automaton and the PCRE2 pattern set. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "match.h"
#include "test-common.h"
#include "util.h"

struct found {
    char list[1024];
    size_t n;
};

static bool
collect(void *ud, uint32_t id, size_t start, size_t end)
{
    struct found *f = ud;
    size_t len = strlen(f->list);
    snprintf(f->list + len, sizeof(f->list) - len, "%u@%zu-%zu ", id, start, end);
    f->n++;
    return true;
}

static struct tl_ac *
build(const char *const *pats, size_t n)
{
    uint32_t lens[16] = { 0 };
    for (size_t i = 0; i < n; i++)
        lens[i] = (uint32_t) strlen(pats[i]);
    struct tl_ac *ac = tl_ac_build(pats, lens, n);
    ck_assert_ptr_nonnull(ac);
    return ac;
}

START_TEST(test_ac_overlapping)
{
    /* The classic example: every occurrence, overlapping ones included. */
    const char *pats[] = { "he", "she", "his", "hers" };
    struct tl_ac *ac = build(pats, 4);
    struct found f = { "", 0 };

    tl_ac_scan(ac, "ushers", 6, collect, &f);
    ck_assert_str_eq(f.list, "1@1-4 0@2-4 3@2-6 ");
    tl_ac_free(ac);
}
END_TEST

START_TEST(test_ac_utf8)
{
    const char *pats[] = { "同款", "香奈儿", "香奈儿同款", "奈" };
    struct tl_ac *ac = build(pats, 4);
    struct found f = { "", 0 };
    const char *text = "小香奈儿同款";

    tl_ac_scan(ac, text, strlen(text), collect, &f);
    /* By end offset; at one end, the longest first. */
    ck_assert_str_eq(f.list, "3@6-9 1@3-12 2@3-18 0@12-18 ");
    tl_ac_free(ac);
}
END_TEST

START_TEST(test_ac_empty)
{
    struct tl_ac *ac = build(NULL, 0);
    struct found f = { "", 0 };

    tl_ac_scan(ac, "anything", 8, collect, &f);
    ck_assert_uint_eq(f.n, 0);
    ck_assert_uint_eq(tl_ac_node_count(ac), 1);
    tl_ac_free(ac);
}
END_TEST

static bool
stop_at_first(void *ud, uint32_t id, size_t start, size_t end)
{
    (void) id, (void) start, (void) end;
    ++*(int *) ud;
    return false;
}

START_TEST(test_ac_stop)
{
    const char *pats[] = { "a" };
    struct tl_ac *ac = build(pats, 1);
    int calls = 0;

    tl_ac_scan(ac, "aaaa", 4, stop_at_first, &calls);
    ck_assert_int_eq(calls, 1);
    tl_ac_free(ac);
}
END_TEST

START_TEST(test_regex)
{
    struct tl_regex_set *set = tl_regex_set_new();
    char err[256];

    ck_assert(tl_regex_set_add(set, "\\d+(?:ml|l)", 7, err, sizeof(err)));
    ck_assert(tl_regex_set_add(set, "1[3-9]\\d{9}", 9, err, sizeof(err)));
    ck_assert(!tl_regex_set_add(set, "(unclosed", 1, err, sizeof(err)));
    ck_assert_ptr_nonnull(strstr(err, "offset"));
    ck_assert_uint_eq(tl_regex_set_count(set), 2);

    struct tl_regex_scratch *scratch = tl_regex_scratch_new(set);
    struct found f = { "", 0 };
    const char *text = "500ml 2l 电话13812345678";
    ck_assert_uint_eq(tl_regex_scan(set, scratch, text, strlen(text), collect, NULL, &f), 0);
    ck_assert_str_eq(f.list, "7@0-5 7@6-8 9@15-26 ");
    tl_regex_scratch_free(scratch);
    tl_regex_set_free(set);
}
END_TEST

START_TEST(test_regex_limits)
{
    /* A catastrophic pattern gives up within the limits instead of
     * hanging, and says so. */
    struct tl_regex_set *set = tl_regex_set_new();
    char err[256], text[64];

    ck_assert(tl_regex_set_add(set, "(a+)+$", 1, err, sizeof(err)));
    memset(text, 'a', sizeof(text) - 1);
    text[sizeof(text) - 2] = '!';
    text[sizeof(text) - 1] = '\0';
    struct tl_regex_scratch *scratch = tl_regex_scratch_new(set);
    struct found f = { "", 0 };
    ck_assert_uint_eq(tl_regex_scan(set, scratch, text, strlen(text), collect, NULL, &f), 1);
    ck_assert_uint_eq(f.n, 0);
    tl_regex_scratch_free(scratch);
    tl_regex_set_free(set);
}
END_TEST

/*
 * A finished set runs most patterns only at the characters that can start
 * them (worked out from the pattern text): it must find exactly what two
 * unfinished sets find, one pattern each, tried everywhere.
 */
static const char *const start_patterns[] = {
    "(?<![0-9.])(?<![a-wyz])[0-9]+(?:\\.[0-9]+)?\\s?(?:ml|l|升(?![级降]))(?![a-z0-9])",
    "(?:(?<=[0-9])\\s?(?:ml|kg)|克|斤)\\s?[*×x]\\s?[1-9][0-9]{0,2}(?![0-9.])",
    "(?<![a-z0-9])(?:[sml]|(?:[2-9]x|x{1,4})[sl])(?![a-z0-9])|均码",
    "(?<!王者)(?:荣耀|honor)\\s?[0-9]{2,3}",
    "k[0-9]",                      /* caseless: K, and the Kelvin sign */
    "(?:\\x{4e00}|\\(0)[0-9]",     /* escapes at the start */
    "[\\s¥$]?[0-9]+元",          /* \\s at the start */
    "(?!a)[a-c]{2}+d",              /* possessive, look-ahead first */
    "\\d+x",                        /* not followed: an ordinary search */
    "x*y?",                         /* can match empty: an ordinary search */
};

static const char *const start_texts[] = {
    "500ml 2l 1.5升级版 3升 500ml*2 克*3 斤 x 12",
    "S/M/L xl 3xl 均码 xxxl",
    "荣耀 50 王者荣耀50 honor90 HONOR 80",
    "K9 \xE2\x84\xAA" "9 k 9",
    "一2 (01 \xC2\xA0" "9元 ¥99元 abd bcd cccd",
    "",
};

START_TEST(test_regex_start_chars)
{
    char err[256];
    struct tl_regex_set *set = tl_regex_set_new();
    for (uint32_t i = 0; i < TL_ARRAY_SIZE(start_patterns); i++)
        ck_assert_msg(tl_regex_set_add(set, start_patterns[i], i, err, sizeof(err)),
                      "%s: %s", start_patterns[i], err);
    ck_assert(tl_regex_set_finish(set));
    struct tl_regex_scratch *scratch = tl_regex_scratch_new(set);

    for (size_t t = 0; t < TL_ARRAY_SIZE(start_texts); t++) {
        const char *text = start_texts[t];
        struct found got = { "", 0 }, want = { "", 0 };
        tl_regex_scan(set, scratch, text, strlen(text), collect, NULL, &got);
        /* The reference: PCRE2's own search, match after match. */
        for (uint32_t i = 0; i < TL_ARRAY_SIZE(start_patterns); i++) {
            int code;
            PCRE2_SIZE off, at = 0, len = strlen(text);
            pcre2_code *re = pcre2_compile((PCRE2_SPTR) start_patterns[i],
                                           PCRE2_ZERO_TERMINATED,
                                           PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
                                           &code, &off, NULL);
            pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
            while (at <= len && pcre2_match(re, (PCRE2_SPTR) text, len, at, 0, md, NULL) >= 0) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                if (ov[1] > ov[0])
                    collect(&want, i, ov[0], ov[1]);
                at = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
                while (at < len && ((uint8_t) text[at] & 0xC0) == 0x80)
                    at++;
            }
            pcre2_match_data_free(md);
            pcre2_code_free(re);
        }
        ck_assert_str_eq(got.list, want.list);
    }
    tl_regex_scratch_free(scratch);
    tl_regex_set_free(set);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("match");
    TCase *tc = tcase_create("match");

    tcase_add_test(tc, test_ac_overlapping);
    tcase_add_test(tc, test_ac_utf8);
    tcase_add_test(tc, test_ac_empty);
    tcase_add_test(tc, test_ac_stop);
    tcase_add_test(tc, test_regex);
    tcase_add_test(tc, test_regex_limits);
    tcase_add_test(tc, test_regex_start_chars);
    suite_add_tcase(s, tc);
    return test_run(s);
}
