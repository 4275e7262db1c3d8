/* The public API as a client sees it: NULL handling, rule lookup,
 * sharing one compiled context between threads. */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "test-common.h"

START_TEST(test_null_and_strings)
{
    titlelint_context_unref(NULL);
    titlelint_checker_destroy(NULL);
    ck_assert_ptr_null(titlelint_checker_new(NULL));
    ck_assert_str_eq(titlelint_status_to_str(TITLELINT_OK), "success");
    ck_assert_str_eq(titlelint_status_to_str(TITLELINT_ERROR_LEXICON), "malformed lexicon");
    ck_assert_str_eq(titlelint_severity_to_str(TITLELINT_SEVERITY_WARNING), "warning");
    ck_assert_ptr_null(titlelint_severity_to_str((enum titlelint_severity) 9));
    ck_assert_str_eq(titlelint_version(), TITLELINT_VERSION);
    ck_assert_int_eq(titlelint_context_compile(NULL), TITLELINT_ERROR_INVALID_ARG);
}
END_TEST

START_TEST(test_rules_lookup)
{
    ck_assert_uint_ge(titlelint_rule_count(), 3);
    const struct titlelint_rule *r = titlelint_rule_find("brand-riding");
    ck_assert_ptr_nonnull(r);
    ck_assert_ptr_eq(titlelint_rule_find("TL501"), r);
    ck_assert_ptr_eq(titlelint_rule_find("tl501"), r);
    ck_assert_ptr_null(titlelint_rule_find("no-such-rule"));
    ck_assert_ptr_null(titlelint_rule_find(NULL));
    ck_assert_ptr_null(titlelint_rule_get(titlelint_rule_count()));
    /* Codes are unique and ordered; every rule explains itself. */
    for (size_t i = 0; i < titlelint_rule_count(); i++) {
        const struct titlelint_rule *a = titlelint_rule_get(i);
        if (i > 0)
            ck_assert_int_lt(strcmp(titlelint_rule_get_code(titlelint_rule_get(i - 1)),
                                    titlelint_rule_get_code(a)), 0);
        ck_assert_ptr_eq(titlelint_rule_find(titlelint_rule_get_name(a)), a);
        ck_assert_uint_gt(strlen(titlelint_rule_get_summary(a, TITLELINT_LANG_ZH)), 0);
        ck_assert_ptr_nonnull(strstr(titlelint_rule_get_explanation(a, TITLELINT_LANG_EN),
                                     "Leaves alone"));
        ck_assert_ptr_nonnull(strstr(titlelint_rule_get_explanation(a, TITLELINT_LANG_ZH),
                                     "不报告"));
    }
}
END_TEST

START_TEST(test_uncompiled_context)
{
    struct titlelint_context *ctx =
        titlelint_context_new(TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS);
    ck_assert_ptr_null(titlelint_checker_new(ctx));
    ck_assert_uint_eq(titlelint_context_get_entry_count(ctx), 0);
    titlelint_context_unref(ctx);
}
END_TEST

START_TEST(test_checker_outlives_caller_reference)
{
    struct titlelint_context *ctx = test_context();
    struct titlelint_checker *chk = titlelint_checker_new(ctx);
    titlelint_context_unref(ctx);   /* the checker keeps its own reference */
    const char *title = "杨幂同款纯棉T恤";
    ck_assert_int_eq(titlelint_checker_check(chk, title, strlen(title), NULL, NULL),
                     TITLELINT_OK);
    ck_assert_uint_eq(titlelint_checker_get_diagnostic_count(chk), 1);
    ck_assert_str_eq(titlelint_rule_get_code(titlelint_diagnostic_get_rule(
        titlelint_checker_get_diagnostic(chk, 0))), "TL502");
    ck_assert_ptr_null(titlelint_checker_get_diagnostic(chk, 1));
    titlelint_checker_destroy(chk);
}
END_TEST

struct worker {
    struct titlelint_context *ctx;
    size_t found;
    int rounds;
};

static void *
work(void *arg)
{
    struct worker *w = arg;
    struct titlelint_checker *chk = titlelint_checker_new(w->ctx);
    const char *titles[] = { "香奈儿同款外套", "纯棉T恤", "杨幂同款", "情侣同款" };

    for (int round = 0; round < w->rounds; round++) {
        const char *t = titles[round % 4];
        titlelint_checker_check(chk, t, strlen(t), NULL, NULL);
        w->found += titlelint_checker_get_diagnostic_count(chk);
    }
    titlelint_checker_destroy(chk);
    return NULL;
}

START_TEST(test_threads_share_context)
{
    struct titlelint_context *ctx = test_context();
    struct worker w[4], alone = { ctx, 0, 2000 };
    pthread_t th[4];

    /* Four threads sharing the context find what one finds alone. */
    work(&alone);
    ck_assert_uint_gt(alone.found, 1000);
    for (int i = 0; i < 4; i++) {
        w[i] = (struct worker){ ctx, 0, 2000 };
        ck_assert_int_eq(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        ck_assert_uint_eq(w[i].found, alone.found);
    }
    titlelint_context_unref(ctx);
}
END_TEST

static int
count_bytes(void *ud, const char *data, size_t len)
{
    (void) data;
    *(size_t *) ud += len;
    return 0;
}

/* With invalid-input off, an unreadable title gets no finding: its
 * suggestion and JSON parse read the parse state of no title (on a new
 * checker, core hit 0 of no hits: a crash found by the hostile-input
 * tests), or of the title before.  Now they have none. */
START_TEST(test_unread_title_has_no_suggestion)
{
    struct titlelint_context *ctx = test_context();
    struct titlelint_checker *chk = titlelint_checker_new(ctx);
    titlelint_checker_set_rule_severity(chk, titlelint_rule_find("invalid-input"),
                                        TITLELINT_SEVERITY_OFF);
    static char big[70000];
    memset(big, 'x', sizeof(big));
    const char *titles[] = { big, "bad\xff", "香奈儿同款纯棉T恤", big };
    size_t lens[] = { sizeof(big), 4, strlen(titles[2]), sizeof(big) };
    for (size_t i = 0; i < 4; i++) {
        ck_assert_int_eq(titlelint_checker_check(chk, titles[i], lens[i], NULL, NULL), TITLELINT_OK);
        if (i == 2) {
            titlelint_suggest(chk);   /* a parse of its own */
            continue;
        }
        ck_assert_uint_eq(titlelint_checker_get_diagnostic_count(chk), 0);
        ck_assert_ptr_null(titlelint_suggest(chk));
        size_t n = 0;
        ck_assert_int_eq(titlelint_checker_write_report(chk, TITLELINT_FORMAT_JSONL, 0, NULL, 0,
                                                        count_bytes, &n), TITLELINT_OK);
        ck_assert_uint_gt(n, 0);
    }
    titlelint_checker_destroy(chk);
    titlelint_context_unref(ctx);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_null_and_strings);
    tcase_add_test(tc, test_rules_lookup);
    tcase_add_test(tc, test_uncompiled_context);
    tcase_add_test(tc, test_checker_outlives_caller_reference);
    tcase_add_test(tc, test_threads_share_context);
    tcase_add_test(tc, test_unread_title_has_no_suggestion);
    suite_add_tcase(s, tc);
    return test_run(s);
}
