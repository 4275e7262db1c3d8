/* Stage 3a: loading lexicons, and every error naming file:line. */
#include "config.h"

#include <string.h>

#include "lexicon.h"
#include "test-common.h"

static struct titlelint_context *
load(const char *dir, enum titlelint_status expect)
{
    struct titlelint_context *ctx =
        titlelint_context_new(TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS);
    test_log[0] = '\0';
    titlelint_context_set_log_fn(ctx, test_capture_log, NULL);
    ck_assert_int_eq(titlelint_context_append_lexicon_dir(ctx, dir), TITLELINT_OK);
    ck_assert_int_eq(titlelint_context_compile(ctx), expect);
    return ctx;
}

START_TEST(test_fixture_loads)
{
    struct titlelint_context *ctx = load(test_path("data/lexicons"), TITLELINT_OK);
    ck_assert_uint_gt(titlelint_context_get_entry_count(ctx), 20);
    ck_assert_str_eq(test_log, "");
    titlelint_context_unref(ctx);
}
END_TEST

static const struct {
    const char *file, *content, *message;
} bad[] = {
    { "brands.tsv", "# c\n香奈儿\tChanel\tx\ty\tz\n",
      "brands.tsv:2: expected 1 to 4 tab-separated fields (name, aliases, categories, clear), found 5" },
    { "people.tsv", "杨幂\tpainter\n", "people.tsv:1: unknown type 'painter' (expected one of: actor," },
    { "brands.tsv", "小米\tXiaomi\t\t大米粥\n",
      "brands.tsv:1: clearing word '大米粥' contains none of the entry's names" },
    { "brands.tsv", "耐克\n\n耐克\tNIKE\n", "brands.tsv:3: duplicate entry '耐克', first defined at " },
    { "colours.tsv", "red\n", "colours.tsv: unknown lexicon kind" },
    { "patterns.tsv", "spec\tbroken\t(ml\n", "patterns.tsv:1: pattern '(ml' does not compile: missing closing parenthesis" },
    { "markers.tsv", "riding\t同款\tabove\n", "markers.tsv:1: unknown side 'above'" },
    { "categories.tsv", "服饰>>裙\n", "categories.tsv:1: malformed category path" },
    { "categories.tsv", "服饰>连衣裙\t\tfabric\n", "categories.tsv:1: unknown attribute kind 'fabric' in requires" },
    { "attributes.tsv", "fabric\t纯棉\n", "attributes.tsv:1: unknown attribute kind 'fabric'" },
    { "brands.tsv", "a\xff\n", "brands.tsv:1: invalid UTF-8" },
    { "brands.tsv", "耐克\tNike||NK\n", "brands.tsv:1: empty item in the alias list" },
    { "hotwords.tsv", "网红\tcelebrity\n", "hotwords.tsv:1: unknown hot word type 'celebrity'" },
};

START_TEST(test_errors_name_file_and_line)
{
    const char *names[] = { bad[_i].file };
    const char *contents[] = { bad[_i].content };
    const char *dir = test_mkdir(1, names, contents);
    struct titlelint_context *ctx = load(dir, TITLELINT_ERROR_LEXICON);

    if (!strstr(test_log, bad[_i].message))
        ck_abort_msg("expected '%s' in log:\n%s", bad[_i].message, test_log);
    /* A failed context cannot make checkers. */
    ck_assert_ptr_null(titlelint_checker_new(ctx));
    titlelint_context_unref(ctx);
    test_rmdir(dir);
}
END_TEST

START_TEST(test_all_errors_reported)
{
    const char *names[] = { "brands.tsv" };
    const char *contents[] = { "a\tb\tc\td\te\n好\n" "x\ty\tz\tw\tv\n" };
    const char *dir = test_mkdir(1, names, contents);
    struct titlelint_context *ctx = load(dir, TITLELINT_ERROR_LEXICON);

    ck_assert_ptr_nonnull(strstr(test_log, "brands.tsv:1:"));
    ck_assert_ptr_nonnull(strstr(test_log, "brands.tsv:3:"));
    titlelint_context_unref(ctx);
    test_rmdir(dir);
}
END_TEST

START_TEST(test_missing_dir)
{
    struct titlelint_context *ctx = load("/nonexistent/titlelint", TITLELINT_ERROR_IO);
    ck_assert_ptr_nonnull(strstr(test_log, "/nonexistent/titlelint: cannot open lexicon directory"));
    titlelint_context_unref(ctx);
}
END_TEST

START_TEST(test_comments_bom_crlf)
{
    const char *names[] = { "brands-extra.tsv", "README.md" };
    const char *contents[] = { "\xEF\xBB\xBF# comment\r\n  # indented comment\r\n\r\n耐克\tNike\r\n",
                               "not a lexicon\n" };
    const char *dir = test_mkdir(2, names, contents);
    struct titlelint_context *ctx = load(dir, TITLELINT_OK);

    ck_assert_uint_eq(titlelint_context_get_entry_count(ctx), 1);
    titlelint_context_unref(ctx);
    test_rmdir(dir);
}
END_TEST

/* Kinds with no entries, no homophones or no look-alikes leave their
 * arrays NULL: found by fuzz-lexicon, qsort and bsearch were given NULL
 * (undefined; the sanitizer build stops on it).  An empty directory, one
 * of look-alikes only, one of homophones only. */
START_TEST(test_sparse_lexicons)
{
    const char *only[][2] = {
        { "brands-none.tsv", "# nothing\n" },
        { "lookalikes.tsv", "1\tl\n0\to\n" },
        { "homophones.tsv", "奈\t耐|乃\n" },
    };
    for (size_t i = 0; i < sizeof(only) / sizeof(only[0]); i++) {
        const char *names[] = { only[i][0] };
        const char *contents[] = { only[i][1] };
        const char *dir = test_mkdir(1, names, contents);
        struct titlelint_context *ctx = load(dir, TITLELINT_OK);
        ck_assert_uint_eq(titlelint_context_get_entry_count(ctx), 0);
        struct titlelint_checker *chk = titlelint_checker_new(ctx);
        const char *title = "n1ke耐克香奈儿同款纯棉T恤";
        ck_assert_int_eq(titlelint_checker_check(chk, title, strlen(title), NULL, NULL),
                         TITLELINT_OK);
        titlelint_checker_destroy(chk);
        titlelint_context_unref(ctx);
        test_rmdir(dir);
    }
}
END_TEST

START_TEST(test_compile_twice)
{
    struct titlelint_context *ctx = load(test_path("data/lexicons"), TITLELINT_OK);
    ck_assert_int_eq(titlelint_context_compile(ctx), TITLELINT_ERROR_STATE);
    ck_assert_int_eq(titlelint_context_append_lexicon_dir(ctx, "/tmp"), TITLELINT_ERROR_STATE);
    titlelint_context_unref(ctx);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("lexicon");

    tcase_add_test(tc, test_fixture_loads);
    tcase_add_loop_test(tc, test_errors_name_file_and_line, 0, (int) (sizeof(bad) / sizeof(bad[0])));
    tcase_add_test(tc, test_all_errors_reported);
    tcase_add_test(tc, test_missing_dir);
    tcase_add_test(tc, test_comments_bom_crlf);
    tcase_add_test(tc, test_compile_twice);
    tcase_add_test(tc, test_sparse_lexicons);
    suite_add_tcase(s, tc);
    return test_run(s);
}
