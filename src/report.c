/*
 * Stage 5: reports.  Text for people (location, message, the title with a
 * caret line under the span, aligned by display width), JSON and JSON Lines
 * for programs, written directly (see struct jw).  The JSON schema is public
 * (titlelint(1), OUTPUT).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

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

/*
 * JSON output, written directly into the report buffer.  It used to be
 * built as a jansson tree and dumped, which cost more than linting the
 * title; the output is byte for byte what json_dump_callback() wrote with
 * JSON_COMPACT or JSON_INDENT(2): keys in insertion order, "[]" and "{}"
 * for empty containers, only '"', '\\' and control characters escaped, and
 * a string that is not UTF-8 fails the report as json_string() did.
 */
struct jw {
    struct strbuf *sb;
    int indent;              /* 0: compact */
    int depth;
    size_t count[16];        /* members so far, per open container */
    bool ok;
};

static void
jw_raw(struct jw *w, const char *s, size_t n)
{
    if (!strbuf_append(w->sb, s, n))
        w->ok = false;
}

static void
jw_newline(struct jw *w, int depth)
{
    if (w->indent) {
        jw_raw(w, "\n", 1);
        for (int i = 0; i < depth * w->indent; i++)
            jw_raw(w, " ", 1);
    }
}

/* Before a member (array) or a key (object): the separator. */
static void
jw_next(struct jw *w)
{
    if (w->depth == 0)
        return;
    if (w->count[w->depth]++)
        jw_raw(w, ",", 1);
    jw_newline(w, w->depth);
}

static void
jw_open(struct jw *w, const char *brace)
{
    jw_raw(w, brace, 1);
    if (w->depth + 1 >= (int) TL_ARRAY_SIZE(w->count)) {
        w->ok = false;
        return;
    }
    w->count[++w->depth] = 0;
}

static void
jw_close(struct jw *w, const char *brace)
{
    if (w->count[w->depth--])
        jw_newline(w, w->depth);
    jw_raw(w, brace, 1);
}

static void
jw_string_raw(struct jw *w, const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *) s;
    size_t run = 0;
    int32_t i = 0;

    jw_raw(w, "\"", 1);
    while ((size_t) i < n) {
        UChar32 c;
        int32_t b = i;
        U8_NEXT(p, i, (int32_t) n, c);
        if (c < 0) {
            w->ok = false;   /* json_string() refused it */
            return;
        }
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        jw_raw(w, s + run, (size_t) b - run);
        run = (size_t) i;
        char esc[8];
        switch (c) {
        case '"': jw_raw(w, "\\\"", 2); break;
        case '\\': jw_raw(w, "\\\\", 2); break;
        case '\b': jw_raw(w, "\\b", 2); break;
        case '\f': jw_raw(w, "\\f", 2); break;
        case '\n': jw_raw(w, "\\n", 2); break;
        case '\r': jw_raw(w, "\\r", 2); break;
        case '\t': jw_raw(w, "\\t", 2); break;
        default:
            snprintf(esc, sizeof(esc), "\\u%04X", (unsigned) c);
            jw_raw(w, esc, 6);
            break;
        }
    }
    jw_raw(w, s + run, n - run);
    jw_raw(w, "\"", 1);
}

static void
jw_key(struct jw *w, const char *key)
{
    jw_next(w);
    jw_string_raw(w, key, strlen(key));
    jw_raw(w, w->indent ? ": " : ":", w->indent ? 2 : 1);
}

static void
jw_str(struct jw *w, const char *key, const char *s)
{
    if (key)
        jw_key(w, key);
    else
        jw_next(w);   /* an array member */
    if (s)
        jw_string_raw(w, s, strlen(s));
    else
        jw_raw(w, "null", 4);
}

static void
jw_int(struct jw *w, const char *key, size_t v)
{
    char buf[32];
    jw_key(w, key);
    int n = snprintf(buf, sizeof(buf), "%zu", v);
    jw_raw(w, buf, (size_t) n);
}

static void
jw_bool(struct jw *w, const char *key, bool v)
{
    jw_key(w, key);
    jw_raw(w, v ? "true" : "false", v ? 4 : 5);
}

/* Opens an object or array: a member when @key is NULL. */
static void
jw_begin(struct jw *w, const char *key, const char *brace)
{
    if (key)
        jw_key(w, key);
    else
        jw_next(w);   /* an array member */
    jw_open(w, brace);
}

static void
jw_position(struct jw *w, const char *key, const struct titlelint_position *p)
{
    jw_begin(w, key, "{");
    jw_int(w, "char", p->chars);
    jw_int(w, "byte", p->bytes);
    jw_int(w, "utf16", p->utf16);
    jw_close(w, "}");
}

/* The title as a JSON string: bad bytes and NUL bytes as U+FFFD. */
static void
jw_title(struct jw *w, const char *key, const struct tl_text *t)
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
    jw_key(w, key);
    if (ok)
        jw_string_raw(w, sb.data, sb.len);
    else
        w->ok = false;
    strbuf_finish(&sb);
}

static const char *const marker_type_names[] = {
    "riding", "endorse", "compat", "generic", "set", "offer",
};

static void
jw_hit_text(struct jw *w, const char *key, const struct titlelint_checker *chk,
            const struct tl_hit *h)
{
    char buf[256];
    jw_str(w, key, tl_orig_text(chk, h->start, h->end, buf, sizeof(buf)));
}

static void
jw_category(struct jw *w, const struct titlelint_checker *chk, uint32_t entry)
{
    const struct tl_entry *e = &chk->lex->entries[entry];
    jw_str(w, "name", tl_lexicon_str(chk->lex, e->name));
    jw_str(w, "path", tl_lexicon_str(chk->lex, e->field[0]));
}

static bool
is_own(const struct titlelint_checker *chk, size_t i)
{
    return tl_is_own_brand(chk, chk->hits[i].entry) ||
           (int32_t) i == chk->parse.inferred_own_hit;
}

/* An attribute hit of "parsed": 羊毛 inside 纯羊毛 is the same attribute. */
static bool
is_listed_attribute(const struct titlelint_checker *chk, const struct tl_hit *h)
{
    if (!tl_live(h) || (h->kind != TL_KIND_ATTRIBUTE && h->kind != TL_KIND_PATTERN))
        return false;
    if (h->kind == TL_KIND_PATTERN && h->sub >= TL_ATTR_COUNT)
        return false;
    return !tl_hit_covered(chk, h, TL_MASK(h->kind), true);
}

/* The parsed title (titlelint(1), "parsed"): what the rules saw.  Each
 * list is one pass over the hits, in hit order as before. */
static void
jw_parsed(struct jw *w, const struct titlelint_checker *chk)
{
    const struct tl_parse *p = &chk->parse;
    const struct tl_lexicon *lex = chk->lex;

    jw_begin(w, "parsed", "{");
    /* brand: the first own brand of the title, else the context's */
    size_t own = chk->n_hits;
    for (size_t i = 0; i < chk->n_hits && own == chk->n_hits; i++)
        if (tl_live(&chk->hits[i]) && chk->hits[i].kind == TL_KIND_BRAND && is_own(chk, i))
            own = i;
    if (own < chk->n_hits) {
        const struct tl_hit *h = &chk->hits[own];
        jw_begin(w, "brand", "{");
        jw_str(w, "name", tl_lexicon_str(lex, tl_hit_entry(chk, h)->name));
        jw_hit_text(w, "text", chk, h);
        jw_str(w, "from", p->has_own_brand ? "context" : "title");
        jw_close(w, "}");
    } else if (chk->context_brand.len) {
        jw_begin(w, "brand", "{");
        jw_str(w, "name", chk->context_brand.data);
        jw_str(w, "text", NULL);
        jw_str(w, "from", "context");
        jw_close(w, "}");
    } else {
        jw_str(w, "brand", NULL);
    }

    jw_begin(w, "brands", "[");
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h) || h->kind != TL_KIND_BRAND)
            continue;
        jw_begin(w, NULL, "{");
        jw_str(w, "name", tl_lexicon_str(lex, tl_hit_entry(chk, h)->name));
        jw_hit_text(w, "text", chk, h);
        jw_bool(w, "own", is_own(chk, i));
        jw_bool(w, "compatible", tl_brand_is_compat(chk, h));
        jw_close(w, "}");
    }
    jw_close(w, "]");

    if (p->core_category >= 0) {
        jw_begin(w, "category", "{");
        jw_category(w, chk, (uint32_t) p->core_category);
        jw_str(w, "from", p->context_category >= 0 ? "context" : "title");
        jw_close(w, "}");
    } else {
        jw_str(w, "category", NULL);
    }

    jw_begin(w, "categories", "[");
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h) || h->kind != TL_KIND_CATEGORY || !tl_is_category_word(chk, h))
            continue;
        jw_begin(w, NULL, "{");
        jw_category(w, chk, h->entry);
        jw_hit_text(w, "text", chk, h);
        jw_close(w, "}");
    }
    jw_close(w, "]");

    /* attributes: one list per kind, the kinds in order of first hit */
    jw_begin(w, "attributes", "{");
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!is_listed_attribute(chk, h))
            continue;
        const char *kind = tl_attr_kind_name(h->sub);
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = is_listed_attribute(chk, &chk->hits[j]) &&
                   strcmp(tl_attr_kind_name(chk->hits[j].sub), kind) == 0;
        if (seen)
            continue;
        jw_begin(w, kind, "[");
        for (size_t j = i; j < chk->n_hits; j++)
            if (is_listed_attribute(chk, &chk->hits[j]) &&
                strcmp(tl_attr_kind_name(chk->hits[j].sub), kind) == 0)
                jw_hit_text(w, NULL, chk, &chk->hits[j]);
        jw_close(w, "]");
    }
    jw_close(w, "}");

    jw_begin(w, "markers", "[");
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (!tl_live(h) || h->kind != TL_KIND_MARKER)
            continue;
        jw_begin(w, NULL, "{");
        jw_str(w, "type", marker_type_names[h->sub]);
        jw_hit_text(w, "text", chk, h);
        jw_close(w, "}");
    }
    jw_close(w, "]");

    jw_begin(w, "hotwords", "[");
    for (size_t i = 0; i < chk->n_hits; i++)
        if (tl_live(&chk->hits[i]) && chk->hits[i].kind == TL_KIND_HOTWORD)
            jw_hit_text(w, NULL, chk, &chk->hits[i]);
    jw_close(w, "]");

    /* Symbols: what is neither a letter, a digit nor a space. */
    jw_begin(w, "symbols", "[");
    const uint8_t *t = (const uint8_t *) chk->text.norm;
    for (int32_t i = 0; (size_t) i < chk->text.norm_len;) {
        int32_t b = i;
        UChar32 c;
        U8_NEXT(t, i, (int32_t) chk->text.norm_len, c);
        if (c > 0 && !u_isalnum(c) && !u_isspace(c) && u_charType(c) != U_OTHER_LETTER) {
            char buf[256];
            jw_str(w, NULL, tl_orig_text(chk, (size_t) b, (size_t) i, buf, sizeof(buf)));
        }
    }
    jw_close(w, "]");
    jw_close(w, "}");
}

static bool
write_json(struct titlelint_checker *chk, const char *file, size_t line, bool row,
           const char *id, int indent, struct strbuf *sb)
{
    struct jw w = { .sb = sb, .indent = indent, .ok = true };
    /* A title that could not be read has no parse. */
    bool parsed = chk->text.norm_len > 0 || chk->text.n_chars == 0;
    for (size_t i = 0; i < chk->n_diags; i++)
        parsed &= strcmp(chk->diags[i].rule->code, "TL001") != 0;
    const char *suggestion = titlelint_suggest(chk);
    const char *template = titlelint_suggestion_get_template(chk);

    jw_open(&w, "{");
    jw_str(&w, "file", file);
    if (line)
        jw_int(&w, row ? "row" : "line", line);
    else
        jw_str(&w, row ? "row" : "line", NULL);
    jw_title(&w, "title", &chk->text);
    jw_begin(&w, "diagnostics", "[");
    for (size_t i = 0; i < chk->n_diags; i++) {
        const struct titlelint_diagnostic *d = &chk->diags[i];
        jw_begin(&w, NULL, "{");
        jw_str(&w, "rule", d->rule->name);
        jw_str(&w, "code", d->rule->code);
        jw_str(&w, "severity", titlelint_severity_to_str(d->severity));
        jw_str(&w, "message", titlelint_diagnostic_get_message(d));
        jw_str(&w, "text", titlelint_diagnostic_get_text(d));
        jw_str(&w, "canonical", titlelint_diagnostic_get_canonical(d));
        jw_position(&w, "start", &d->start);
        jw_position(&w, "end", &d->end);
        jw_close(&w, "}");
    }
    jw_close(&w, "]");
    if (parsed)
        jw_parsed(&w, chk);
    else
        jw_str(&w, "parsed", NULL);
    jw_str(&w, "suggestion", suggestion);
    jw_begin(&w, "missing", "[");
    for (size_t i = 0; i < titlelint_suggestion_get_missing_count(chk); i++)
        jw_str(&w, NULL, titlelint_suggestion_get_missing(chk, i));
    jw_close(&w, "]");
    jw_str(&w, "template", template);
    if (row)
        jw_str(&w, "id", id);
    jw_close(&w, "}");
    return w.ok;
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
        ok = write_json(chk, file, line, row, id,
                        format == TITLELINT_FORMAT_JSON ? 2 : 0, &sb);
        if (ok && format == TITLELINT_FORMAT_JSONL)
            ok = strbuf_append(&sb, "\n", 1);
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
