/* Stage 5: the text report (caret alignment by display width) and the
 * JSON schema, parsed back with jansson. */
#include "config.h"

#include <string.h>

#include <jansson.h>

#include "test-common.h"
#include "util.h"

static int
to_strbuf(void *ud, const char *data, size_t len)
{
    return strbuf_append(ud, data, len) ? 0 : -1;
}

static char *
report(const char *title, enum titlelint_format format, enum titlelint_report_flags flags)
{
    static struct strbuf sb;
    struct titlelint_context *ctx = test_context();
    struct titlelint_checker *chk = titlelint_checker_new(ctx);

    strbuf_reset(&sb);
    /* The riding rules only: these tests are about the report's form. */
    for (size_t i = 0; i < titlelint_rule_count(); i++) {
        const struct titlelint_rule *r = titlelint_rule_get(i);
        const char *code = titlelint_rule_get_code(r);
        if (strcmp(code, "TL001") && strcmp(code, "TL501") && strcmp(code, "TL502"))
            titlelint_checker_set_rule_severity(chk, r, TITLELINT_SEVERITY_OFF);
    }
    ck_assert_int_eq(titlelint_checker_check(chk, title, strlen(title), NULL, NULL),
                     TITLELINT_OK);
    ck_assert_int_eq(titlelint_checker_write_report(chk, format, flags, "t.txt", 7,
                                                    to_strbuf, &sb), TITLELINT_OK);
    titlelint_checker_destroy(chk);
    titlelint_context_unref(ctx);
    return sb.data ? sb.data : (char *) "";
}

START_TEST(test_text_caret_wide)
{
    /* 新款 takes four columns, so the caret starts at column 5. */
    const char *out = report("新款香奈儿同款外套", TITLELINT_FORMAT_TEXT, 0);
    ck_assert_str_eq(out,
        "t.txt:7:3: error: 借用其他品牌“香奈儿”引流：香奈儿同款 [brand-riding]\n"
        "    新款香奈儿同款外套\n"
        "        ^^^^^^^^^^\n");
}
END_TEST

START_TEST(test_text_caret_mixed)
{
    const char *out = report("ab Chanel同款", TITLELINT_FORMAT_TEXT, 0);
    ck_assert_str_eq(out,
        "t.txt:7:4: error: 借用其他品牌“香奈儿”引流：Chanel同款 [brand-riding]\n"
        "    ab Chanel同款\n"
        "       ^^^^^^^^^^\n");
}
END_TEST

START_TEST(test_text_clean_is_silent)
{
    ck_assert_str_eq(report("纯棉短袖T恤", TITLELINT_FORMAT_TEXT, 0), "");
}
END_TEST

START_TEST(test_text_color)
{
    const char *out = report("香奈儿同款", TITLELINT_FORMAT_TEXT, TITLELINT_REPORT_COLOR);
    ck_assert_ptr_nonnull(strstr(out, "\033[1;31merror:\033[0m"));
}
END_TEST

START_TEST(test_json_schema)
{
    const char *out = report("😀 香奈儿同款", TITLELINT_FORMAT_JSONL, 0);
    json_error_t err;

    ck_assert_int_eq(out[strlen(out) - 1], '\n');
    ck_assert_ptr_null(strchr(out, '\n') == out + strlen(out) - 1 ? NULL : out);
    json_t *j = json_loads(out, 0, &err);
    ck_assert_ptr_nonnull(j);
    ck_assert_str_eq(json_string_value(json_object_get(j, "file")), "t.txt");
    ck_assert_int_eq(json_integer_value(json_object_get(j, "line")), 7);
    ck_assert_str_eq(json_string_value(json_object_get(j, "title")), "😀 香奈儿同款");
    json_t *d = json_array_get(json_object_get(j, "diagnostics"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(d, "rule")), "brand-riding");
    ck_assert_str_eq(json_string_value(json_object_get(d, "code")), "TL501");
    ck_assert_str_eq(json_string_value(json_object_get(d, "severity")), "error");
    ck_assert_str_eq(json_string_value(json_object_get(d, "text")), "香奈儿同款");
    ck_assert_str_eq(json_string_value(json_object_get(d, "canonical")), "香奈儿");
    json_t *start = json_object_get(d, "start"), *end = json_object_get(d, "end");
    /* 😀 is 1 char, 4 bytes, 2 UTF-16 units; then a space. */
    ck_assert_int_eq(json_integer_value(json_object_get(start, "char")), 2);
    ck_assert_int_eq(json_integer_value(json_object_get(start, "byte")), 5);
    ck_assert_int_eq(json_integer_value(json_object_get(start, "utf16")), 3);
    ck_assert_int_eq(json_integer_value(json_object_get(end, "char")), 7);
    ck_assert_int_eq(json_integer_value(json_object_get(end, "byte")), 5 + 15);
    ck_assert_int_eq(json_integer_value(json_object_get(end, "utf16")), 8);
    json_decref(j);
}
END_TEST

START_TEST(test_json_clean_and_invalid)
{
    json_error_t err;
    json_t *j = json_loads(report("ok title", TITLELINT_FORMAT_JSON, 0), 0, &err);

    ck_assert_ptr_nonnull(j);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "diagnostics")), 0);
    json_decref(j);

    /* Invalid bytes become U+FFFD so the JSON stays valid. */
    j = json_loads(report("a\xc3", TITLELINT_FORMAT_JSON, 0), 0, &err);
    ck_assert_ptr_nonnull(j);
    ck_assert_str_eq(json_string_value(json_object_get(j, "title")), "a\xEF\xBF\xBD");
    json_decref(j);
}
END_TEST

START_TEST(test_json_parsed)
{
    json_error_t err;
    json_t *j = json_loads(report("Chanel同款纯棉T恤 500ml!", TITLELINT_FORMAT_JSONL, 0), 0, &err);

    ck_assert_ptr_nonnull(j);
    json_t *p = json_object_get(j, "parsed");
    ck_assert_ptr_nonnull(p);
    json_t *b = json_array_get(json_object_get(p, "brands"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(b, "name")), "香奈儿");
    ck_assert_str_eq(json_string_value(json_object_get(b, "text")), "Chanel");
    json_t *c = json_object_get(p, "category");
    ck_assert_str_eq(json_string_value(json_object_get(c, "name")), "T恤");
    ck_assert_str_eq(json_string_value(json_object_get(c, "path")), "服饰内衣>女装>T恤");
    ck_assert_str_eq(json_string_value(json_object_get(c, "from")), "title");
    json_t *a = json_object_get(p, "attributes");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(a, "material"), 0)), "纯棉");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(a, "spec"), 0)), "500ml");
    json_t *m = json_array_get(json_object_get(p, "markers"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(m, "type")), "riding");
    ck_assert_str_eq(json_string_value(json_object_get(m, "text")), "同款");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(p, "symbols"), 0)), "!");
    json_decref(j);

    /* An unreadable title has no parse. */
    j = json_loads(report("a\xc3", TITLELINT_FORMAT_JSONL, 0), 0, &err);
    ck_assert(json_is_null(json_object_get(j, "parsed")));
    json_decref(j);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("report");

    tcase_add_test(tc, test_text_caret_wide);
    tcase_add_test(tc, test_text_caret_mixed);
    tcase_add_test(tc, test_text_clean_is_silent);
    tcase_add_test(tc, test_text_color);
    tcase_add_test(tc, test_json_schema);
    tcase_add_test(tc, test_json_clean_and_invalid);
    tcase_add_test(tc, test_json_parsed);
    suite_add_tcase(s, tc);
    return test_run(s);
}
