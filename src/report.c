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

/* The suggestion lines under a title that has findings. */
static bool
write_suggestion(struct titlelint_checker *chk, bool color, struct strbuf *sb)
{
    const char *s = titlelint_suggest(chk), *t = titlelint_suggestion_get_template(chk);
    const char *green = color ? "\033[32m" : "", *reset = color ? "\033[0m" : "";
    bool ok = true;

    if (s && (strlen(s) != chk->text.orig_len || memcmp(s, chk->text.orig, chk->text.orig_len)))
        ok &= strbuf_printf(sb, "    suggestion: %s%s%s\n", green, s, reset);
    for (size_t i = 0; i < titlelint_suggestion_get_missing_count(chk); i++)
        ok &= strbuf_printf(sb, "%s%s\n", i ? "             " : "    missing:    ",
                            titlelint_suggestion_get_missing(chk, i));
    if ((!s || titlelint_suggestion_get_missing_count(chk)) && t)
        ok &= strbuf_printf(sb, "    template:   %s\n", t);
    return ok;
}

static bool
write_text(struct titlelint_checker *chk, enum titlelint_report_flags flags,
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
    if ((flags & TITLELINT_REPORT_SUGGEST) && chk->n_diags)
        ok &= write_suggestion(chk, color, sb);
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

static const char *const marker_type_names[] = {
    "riding", "endorse", "compat", "generic", "set", "offer",
};

static json_t *
hit_text(const struct titlelint_checker *chk, const struct tl_hit *h)
{
    char buf[256];
    return json_string(tl_orig_text(chk, h->start, h->end, buf, sizeof(buf)));
}

static json_t *
category_json(const struct titlelint_checker *chk, uint32_t entry)
{
    const struct tl_entry *e = &chk->lex->entries[entry];
    return json_pack("{s:s, s:s}", "name", tl_lexicon_str(chk->lex, e->name),
                     "path", tl_lexicon_str(chk->lex, e->field[0]));
}

/* The parsed title (titlelint(1), "parsed"): what the rules saw. */
static json_t *
build_parsed(const struct titlelint_checker *chk)
{
    const struct tl_parse *p = &chk->parse;
    const struct tl_lexicon *lex = chk->lex;
    json_t *brands = json_array(), *categories = json_array(), *markers = json_array();
    json_t *hotwords = json_array(), *symbols = json_array(), *attributes = json_object();
    json_t *brand = json_null(), *category = json_null();

    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h))
            continue;
        const char *name = tl_lexicon_str(lex, tl_hit_entry(chk, h)->name);
        switch (h->kind) {
        case TL_KIND_BRAND: {
            bool own = tl_is_own_brand(chk, h->entry) || (int32_t) i == p->inferred_own_hit;
            json_array_append_new(brands, json_pack("{s:s, s:o, s:b, s:b}", "name", name,
                                                    "text", hit_text(chk, h), "own", own,
                                                    "compatible", tl_brand_is_compat(chk, h)));
            if (own && json_is_null(brand))
                brand = json_pack("{s:s, s:o, s:s}", "name", name, "text", hit_text(chk, h),
                                  "from", p->has_own_brand ? "context" : "title");
            break;
        }
        case TL_KIND_CATEGORY:
            if (tl_is_category_word(chk, h)) {
                json_t *c = category_json(chk, h->entry);
                json_object_set_new(c, "text", hit_text(chk, h));
                json_array_append_new(categories, c);
            }
            break;
        case TL_KIND_ATTRIBUTE:
        case TL_KIND_PATTERN: {
            /* 羊毛 inside 纯羊毛 is the same attribute. */
            if ((h->kind == TL_KIND_PATTERN && h->sub >= TL_ATTR_COUNT) ||
                tl_hit_covered(chk, h, TL_MASK(h->kind), true))
                break;
            const char *kind = tl_attr_kind_name(h->sub);
            json_t *list = json_object_get(attributes, kind);
            if (!list) {
                list = json_array();
                json_object_set_new(attributes, kind, list);
            }
            json_array_append_new(list, hit_text(chk, h));
            break;
        }
        case TL_KIND_MARKER:
            json_array_append_new(markers, json_pack("{s:s, s:o}", "type",
                                                     marker_type_names[h->sub],
                                                     "text", hit_text(chk, h)));
            break;
        case TL_KIND_HOTWORD:
            json_array_append_new(hotwords, hit_text(chk, h));
            break;
        default:
            break;
        }
    }
    if (json_is_null(brand) && chk->context_brand.len)
        brand = json_pack("{s:s, s:n, s:s}", "name", chk->context_brand.data, "text",
                          "from", "context");
    if (p->core_category >= 0) {
        category = category_json(chk, (uint32_t) p->core_category);
        json_object_set_new(category, "from", json_string(p->context_category >= 0 ? "context" : "title"));
    }
    /* Symbols: what is neither a letter, a digit nor a space. */
    const uint8_t *t = (const uint8_t *) chk->text.norm;
    for (int32_t i = 0; (size_t) i < chk->text.norm_len;) {
        int32_t b = i;
        UChar32 c;
        U8_NEXT(t, i, (int32_t) chk->text.norm_len, c);
        if (c > 0 && !u_isalnum(c) && !u_isspace(c) && u_charType(c) != U_OTHER_LETTER) {
            char buf[256];
            json_array_append_new(symbols, json_string(tl_orig_text(chk, (size_t) b, (size_t) i,
                                                                    buf, sizeof(buf))));
        }
    }
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "brand", brand,
                     "brands", brands, "category", category, "categories", categories,
                     "attributes", attributes, "markers", markers, "hotwords", hotwords,
                     "symbols", symbols);
}

static json_t *
build_json(struct titlelint_checker *chk, const char *file, size_t line, bool row,
           const char *id)
{
    json_t *diags = json_array();
    /* A title that could not be read has no parse. */
    bool parsed = chk->parsed;
    for (size_t i = 0; i < chk->n_diags; i++)
        parsed &= strcmp(chk->diags[i].rule->code, "TL001") != 0;
    json_t *missing = json_array();
    const char *suggestion = titlelint_suggest(chk), *template = titlelint_suggestion_get_template(chk);
    for (size_t i = 0; i < titlelint_suggestion_get_missing_count(chk); i++)
        json_array_append_new(missing, json_string(titlelint_suggestion_get_missing(chk, i)));
    json_t *root = json_pack("{s:o, s:o, s:o*, s:o, s:o, s:o, s:o, s:o}",
                             "file", file ? json_string(file) : json_null(),
                             row ? "row" : "line",
                             line ? json_integer((json_int_t) line) : json_null(),
                             "title", json_title(&chk->text),
                             "diagnostics", diags,
                             "parsed", parsed ? build_parsed(chk) : json_null(),
                             "suggestion", suggestion ? json_string(suggestion) : json_null(),
                             "missing", missing,
                             "template", template ? json_string(template) : json_null());
    if (!root)
        return NULL;
    if (row && json_object_set_new(root, "id", id ? json_string(id) : json_null())) {
        json_decref(root);
        return NULL;
    }
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

static enum titlelint_status
write_report(struct titlelint_checker *chk, enum titlelint_format format,
             enum titlelint_report_flags flags, const char *file, size_t line, bool row,
             const char *id, titlelint_write_fn write, void *userdata)
{
    struct strbuf sb = { 0 };
    bool ok;

    if (!chk || !write)
        return TITLELINT_ERROR_INVALID_ARG;
    if (format == TITLELINT_FORMAT_TEXT) {
        ok = write_text(chk, flags, file, line, &sb);
    } else {
        json_t *j = build_json(chk, file, line, row, id);
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

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_write_report(struct titlelint_checker *chk, enum titlelint_format format,
                               enum titlelint_report_flags flags, const char *file,
                               size_t line, titlelint_write_fn write, void *userdata)
{
    return write_report(chk, format, flags, file, line, false, NULL, write, userdata);
}

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_write_row_report(struct titlelint_checker *chk,
                                   enum titlelint_format format,
                                   enum titlelint_report_flags flags, const char *file,
                                   size_t row, const char *id, titlelint_write_fn write,
                                   void *userdata)
{
    return write_report(chk, format, flags, file, row, true, id, write, userdata);
}
