/*
 * Stage 5: reports.  Text for people (location, message, the title with a
 * caret line under the span, aligned by display width), JSON and JSON Lines
 * for programs, built with jansson.  The JSON schema is public
 * (titlelint(1), OUTPUT).
 */
#include "config.h"

#include <string.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "private.h"

/* Longer titles are reported without the snippet and caret lines. */
#define SNIPPET_MAX_BYTES 1024

struct out {
    titlelint_write_fn write;
    void *ud;
    struct strbuf buf;
    bool failed;
};

/* Terminal columns of @c: East Asian wide and full-width characters take
 * two, combining marks none. */
static int
display_width(UChar32 c)
{
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK)
        return 0;
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

/*
 * Appends the title to @line as it will be shown (bad bytes as U+FFFD,
 * control characters as spaces), and the caret line under chars
 * [start, end) to @caret.
 */
static bool
snippet(const char *s, size_t len, size_t start, size_t end,
        struct strbuf *line, struct strbuf *caret)
{
    const uint8_t *p = (const uint8_t *) s;
    int32_t i = 0;
    size_t ch = 0;
    bool ok = true;

    while ((size_t) i < len) {
        int32_t b = i;
        UChar32 c;
        U8_NEXT(p, i, (int32_t) len, c);
        if (c <= 0) {
            c = 0xFFFD;
            ok &= strbuf_append(line, "\xEF\xBF\xBD", 3);
        } else if (u_charType(c) == U_CONTROL_CHAR) {
            c = ' ';
            ok &= strbuf_append(line, " ", 1);
        } else {
            ok &= strbuf_append(line, s + b, (size_t) (i - b));
        }
        int w = display_width(c);
        for (int k = 0; k < w && ch < end; k++)
            ok &= strbuf_append(caret, ch >= start ? "^" : " ", 1);
        ch++;
    }
    if (end <= start || start >= ch)
        ok &= strbuf_append(caret, "^", 1);
    return ok;
}

static const char *
severity_color(enum titlelint_severity s)
{
    switch (s) {
    case TITLELINT_SEVERITY_ERROR: return "\033[1;31m";
    case TITLELINT_SEVERITY_WARNING: return "\033[1;33m";
    default: return "\033[1;36m";
    }
}

static bool
write_text(const struct titlelint_checker *chk, enum titlelint_report_flags flags,
           const char *file, size_t line, struct strbuf *sb)
{
    bool color = flags & TITLELINT_REPORT_COLOR;
    const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
    const char *dim = color ? "\033[2m" : "";
    const struct tl_text *t = &chk->text;
    bool ok = true;

    for (size_t i = 0; i < chk->n_diags; i++) {
        const struct titlelint_diagnostic *d = &chk->diags[i];
        const char *sev_color = color ? severity_color(d->severity) : "";
        ok &= strbuf_printf(sb, "%s%s:%zu:%zu:%s %s%s:%s %s %s[%s]%s\n",
                            bold, file ? file : "-", line, d->start.chars + 1, reset,
                            sev_color, titlelint_severity_to_str(d->severity), reset,
                            titlelint_diagnostic_get_message(d),
                            dim, d->rule->name, reset);
        if (t->orig_len > SNIPPET_MAX_BYTES)
            continue;
        struct strbuf title = { 0 }, caret = { 0 };
        ok &= snippet(t->orig, t->orig_len, d->start.chars, d->end.chars, &title, &caret);
        ok &= strbuf_printf(sb, "    %s\n    %s%s%s\n", title.data ? title.data : "",
                            sev_color, caret.data ? caret.data : "", reset);
        strbuf_finish(&title);
        strbuf_finish(&caret);
    }
    return ok;
}

static json_t *
json_position(const struct titlelint_position *p)
{
    return json_pack("{s:I, s:I, s:I}", "char", (json_int_t) p->chars,
                     "byte", (json_int_t) p->bytes, "utf16", (json_int_t) p->utf16);
}

/* The title as a JSON string: bad bytes and NUL bytes as U+FFFD. */
static json_t *
json_title(const struct tl_text *t)
{
    struct strbuf sb = { 0 };
    const uint8_t *p = (const uint8_t *) t->orig;
    int32_t i = 0;
    bool ok = strbuf_append(&sb, "", 0);

    while ((size_t) i < t->orig_len) {
        int32_t b = i;
        UChar32 c;
        U8_NEXT(p, i, (int32_t) t->orig_len, c);
        ok &= c > 0 ? strbuf_append(&sb, t->orig + b, (size_t) (i - b))
                    : strbuf_append(&sb, "\xEF\xBF\xBD", 3);
    }
    json_t *j = ok ? json_stringn(sb.data, sb.len) : NULL;
    strbuf_finish(&sb);
    return j;
}

static json_t *
build_json(const struct titlelint_checker *chk, const char *file, size_t line)
{
    json_t *diags = json_array();
    json_t *root = json_pack("{s:o, s:o, s:o*, s:o}",
                             "file", file ? json_string(file) : json_null(),
                             "line", line ? json_integer((json_int_t) line) : json_null(),
                             "title", json_title(&chk->text),
                             "diagnostics", diags);
    if (!root)
        return NULL;
    for (size_t i = 0; i < chk->n_diags; i++) {
        const struct titlelint_diagnostic *d = &chk->diags[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o}",
                              "rule", d->rule->name,
                              "code", d->rule->code,
                              "severity", titlelint_severity_to_str(d->severity),
                              "message", titlelint_diagnostic_get_message(d),
                              "text", titlelint_diagnostic_get_text(d),
                              "canonical", titlelint_diagnostic_get_canonical(d),
                              "start", json_position(&d->start),
                              "end", json_position(&d->end));
        if (!o || json_array_append_new(diags, o)) {
            json_decref(root);
            return NULL;
        }
    }
    return root;
}

static int
append_cb(const char *buffer, size_t size, void *data)
{
    return strbuf_append(data, buffer, size) ? 0 : -1;
}

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_write_report(const struct titlelint_checker *chk,
                               enum titlelint_format format,
                               enum titlelint_report_flags flags,
                               const char *file, size_t line,
                               titlelint_write_fn write, void *userdata)
{
    struct strbuf sb = { 0 };
    bool ok;

    if (!chk || !write)
        return TITLELINT_ERROR_INVALID_ARG;
    if (format == TITLELINT_FORMAT_TEXT) {
        ok = write_text(chk, flags, file, line, &sb);
    } else {
        json_t *j = build_json(chk, file, line);
        size_t flags_json = format == TITLELINT_FORMAT_JSON ? JSON_INDENT(2)
                                                            : JSON_COMPACT;
        ok = j && json_dump_callback(j, append_cb, &sb, flags_json) == 0;
        if (ok && format == TITLELINT_FORMAT_JSONL)
            ok = strbuf_append(&sb, "\n", 1);
        json_decref(j);
    }
    enum titlelint_status st = TITLELINT_OK;
    if (!ok)
        st = TITLELINT_ERROR_NOMEM;
    else if (sb.len && write(userdata, sb.data, sb.len) != 0)
        st = TITLELINT_ERROR_IO;
    strbuf_finish(&sb);
    return st;
}
