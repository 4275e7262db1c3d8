/* Stage 3b: the Aho-Corasick automaton and the PCRE2 pattern set. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "match.h"
#include "test-common.h"

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
    suite_add_tcase(s, tc);
    return test_run(s);
}
