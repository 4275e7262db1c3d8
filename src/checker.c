#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "private.h"

TITLELINT_EXPORT struct titlelint_checker *
titlelint_checker_new(struct titlelint_context *ctx)
{
    if (!ctx || !ctx->lex)
        return NULL;
    struct titlelint_checker *chk = calloc(1, sizeof(*chk));
    if (!chk)
        return NULL;
    chk->ctx = titlelint_context_ref(ctx);
    chk->lex = ctx->lex;
    chk->n2 = tl_normalizer_get();
    chk->tokenizer = tl_tokenizer_new();
    chk->regex = tl_regex_scratch_new(ctx->lex->regexes);
    chk->severity = malloc(tl_n_rules * sizeof(*chk->severity));
    if (!chk->n2 || !chk->tokenizer || !chk->regex || !chk->severity) {
        titlelint_checker_destroy(chk);
        return NULL;
    }
    for (size_t i = 0; i < tl_n_rules; i++)
        chk->severity[i] = tl_rules[i].severity;
    chk->min_valid_chars = 5;
    chk->max_chars = 60;
    /* A few terms of each attribute kind, for the messages of
     * missing-attributes: the first ones of the lexicon. */
    int count[TL_ATTR_COUNT] = { 0 };
    for (size_t i = 0; i < chk->lex->n_entries; i++) {
        const struct tl_entry *e = &chk->lex->entries[i];
        if (e->kind != TL_KIND_ATTRIBUTE || count[e->sub] == 3)
            continue;
        char *ex = chk->examples[e->sub];
        size_t len = strlen(ex);
        snprintf(ex + len, sizeof(chk->examples[0]) - len, "%s%s", count[e->sub] ? "、" : "",
                 tl_lexicon_str(chk->lex, e->name));
        count[e->sub]++;
    }
    return chk;
}

TITLELINT_EXPORT void
titlelint_checker_destroy(struct titlelint_checker *chk)
{
    if (!chk)
        return;
    tl_tokenizer_free(chk->tokenizer);
    tl_regex_scratch_free(chk->regex);
    free(chk->severity);
    tl_text_finish(&chk->text);
    tl_text_finish(&chk->scratch);
    free(chk->hits);
    free(chk->spans);
    free(chk->tokens);
    free(chk->own.ids);
    free(chk->cfg_own.ids);
    free(chk->cfg_authorized.ids);
    strbuf_finish(&chk->cfg_allowed);
    free(chk->diags);
    strbuf_finish(&chk->strings);
    strbuf_finish(&chk->fold);
    strbuf_finish(&chk->context_brand);
    strbuf_finish(&chk->suggestion);
    strbuf_finish(&chk->sugg_missing);
    strbuf_finish(&chk->sugg_template);
    titlelint_checker_destroy(chk->verifier);
    free(chk->fold_start);
    free(chk->fold_end);
    free(chk->fold_flags);
    titlelint_context_unref(chk->ctx);
    free(chk);
}

TITLELINT_EXPORT void
titlelint_checker_set_lang(struct titlelint_checker *chk, enum titlelint_lang lang)
{
    chk->lang = lang == TITLELINT_LANG_EN ? TITLELINT_LANG_EN : TITLELINT_LANG_ZH;
}

TITLELINT_EXPORT void
titlelint_checker_set_rule_severity(struct titlelint_checker *chk,
                                    const struct titlelint_rule *rule,
                                    enum titlelint_severity severity)
{
    if (chk && rule && severity <= TITLELINT_SEVERITY_ERROR)
        chk->severity[tl_rule_index(rule)] = severity;
}

TITLELINT_EXPORT enum titlelint_severity
titlelint_checker_get_rule_severity(const struct titlelint_checker *chk,
                                    const struct titlelint_rule *rule)
{
    return chk->severity[tl_rule_index(rule)];
}

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_add_own_brand(struct titlelint_checker *chk, const char *name)
{
    size_t before = chk->cfg_own.n;

    if (!tl_resolve_name(chk, name, TL_KIND_BRAND, &chk->cfg_own))
        return TITLELINT_ERROR_NOMEM;
    return chk->cfg_own.n > before ? TITLELINT_OK : TITLELINT_ERROR_INVALID_ARG;
}

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_add_authorized(struct titlelint_checker *chk, const char *name)
{
    size_t before = chk->cfg_authorized.n;

    if (!tl_resolve_name(chk, name, TL_KIND_BRAND, &chk->cfg_authorized) ||
        !tl_resolve_name(chk, name, TL_KIND_PERSON, &chk->cfg_authorized))
        return TITLELINT_ERROR_NOMEM;
    return chk->cfg_authorized.n > before ? TITLELINT_OK : TITLELINT_ERROR_INVALID_ARG;
}

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_add_allowed_word(struct titlelint_checker *chk, const char *word)
{
    size_t bad;

    if (!word || !*word ||
        tl_normalize(chk->n2, &chk->scratch, word, strlen(word), &bad) != TL_NORM_OK ||
        chk->scratch.norm_len == 0)
        return TITLELINT_ERROR_INVALID_ARG;
    if (!strbuf_append(&chk->cfg_allowed, chk->scratch.norm, chk->scratch.norm_len + 1))
        return TITLELINT_ERROR_NOMEM;
    return TITLELINT_OK;
}

TITLELINT_EXPORT void
titlelint_checker_set_length_limits(struct titlelint_checker *chk,
                                    size_t min_valid_chars, size_t max_chars)
{
    chk->min_valid_chars = min_valid_chars;
    chk->max_chars = max_chars;
}

/* ---- diagnostics ------------------------------------------------------- */

/* Stores @n bytes of @s in the string arena; original text may hold bytes
 * that are not UTF-8 only in invalid-input spans, shown as U+FFFD. */
static uint32_t
store_string(struct titlelint_checker *chk, const char *s, size_t n)
{
    uint32_t off = (uint32_t) chk->strings.len;
    const uint8_t *p = (const uint8_t *) s;
    int32_t i = 0;

    while ((size_t) i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, (int32_t) n, c);
        bool ok = c > 0 ? strbuf_append(&chk->strings, s + start, (size_t) (i - start))
                        : strbuf_append(&chk->strings, "\xEF\xBF\xBD", 3);
        if (!ok)
            chk->oom = true;
    }
    if (!strbuf_append(&chk->strings, "", 1))
        chk->oom = true;
    return off;
}

static void
position_of_char(const struct tl_text *t, size_t c, struct titlelint_position *pos)
{
    pos->chars = c;
    pos->bytes = t->char_byte[c];
    pos->utf16 = t->char_utf16[c];
}

static struct titlelint_diagnostic *
new_diag(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    if (!grow_array(&chk->diags, &chk->cap_diags, chk->n_diags + 1,
                    sizeof(*chk->diags))) {
        chk->oom = true;
        return NULL;
    }
    struct titlelint_diagnostic *d = &chk->diags[chk->n_diags++];
    *d = (struct titlelint_diagnostic){
        .rule = rule,
        .owner = chk,
        .severity = chk->severity[tl_rule_index(rule)],
    };
    return d;
}

static void TL_PRINTF(3, 0)
set_message(struct titlelint_checker *chk, struct titlelint_diagnostic *d,
            const char *fmt, va_list ap)
{
    d->message = (uint32_t) chk->strings.len;
    if (!strbuf_vprintf(&chk->strings, fmt, ap) ||
        !strbuf_append(&chk->strings, "", 1))
        chk->oom = true;
}

/* Adds a diagnostic over original chars [cs, ce); [ns, ne) is the same
 * span in normalized bytes, for the rules that compare spans. */
static void TL_PRINTF(8, 0)
diag_add_chars(struct titlelint_checker *chk, const struct titlelint_rule *rule,
               size_t cs, size_t ce, size_t ns, size_t ne, const char *canonical,
               const char *fmt, va_list ap)
{
    struct titlelint_diagnostic *d = new_diag(chk, rule);
    if (!d)
        return;
    d->nstart = (uint32_t) ns;
    d->nend = (uint32_t) ne;
    const struct tl_text *t = &chk->text;
    position_of_char(t, cs, &d->start);
    position_of_char(t, ce, &d->end);
    d->text = store_string(chk, t->orig + d->start.bytes, d->end.bytes - d->start.bytes);
    d->canonical = store_string(chk, canonical ? canonical : "",
                                canonical ? strlen(canonical) : 0);
    set_message(chk, d, fmt, ap);
}

void
tl_diag_add(struct titlelint_checker *chk, const struct titlelint_rule *rule,
            size_t nstart, size_t nend, const char *canonical,
            const char *fmt, ...)
{
    size_t cs, ce;
    va_list ap;

    tl_text_orig_span(&chk->text, nstart, nend, &cs, &ce);
    va_start(ap, fmt);
    diag_add_chars(chk, rule, cs, ce, nstart, nend, canonical, fmt, ap);
    va_end(ap);
}

void
tl_diag_add_chars(struct titlelint_checker *chk, const struct titlelint_rule *rule,
                  size_t cstart, size_t cend, const char *canonical,
                  const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    diag_add_chars(chk, rule, cstart, cend, 0, chk->text.norm_len, canonical, fmt, ap);
    va_end(ap);
}

void
tl_diag_soften_last(struct titlelint_checker *chk, const struct titlelint_rule *rule)
{
    if (!chk->n_diags)
        return;
    struct titlelint_diagnostic *d = &chk->diags[chk->n_diags - 1];
    if (d->rule == rule && d->severity > TITLELINT_SEVERITY_INFO)
        d->severity--;
}

/* invalid-input: the title cannot be linted; the span is the bad byte. */
static void TL_PRINTF(3, 4)
diag_invalid(struct titlelint_checker *chk, size_t bad_byte, const char *fmt, ...)
{
    const struct titlelint_rule *rule = titlelint_rule_find("invalid-input");
    if (chk->severity[tl_rule_index(rule)] == TITLELINT_SEVERITY_OFF)
        return;
    struct titlelint_diagnostic *d = new_diag(chk, rule);
    if (!d)
        return;
    /* The decoder stopped at the bad byte: its char index is n_chars. */
    const struct tl_text *t = &chk->text;
    bool decoded = bad_byte < t->orig_len && t->char_byte &&
                   t->char_byte[t->n_chars] == bad_byte;
    d->start.chars = decoded ? t->n_chars : 0;
    d->start.bytes = decoded ? bad_byte : 0;
    d->start.utf16 = decoded ? t->char_utf16[t->n_chars] : 0;
    d->end = d->start;
    if (decoded) {
        d->end.chars++;
        d->end.bytes++;
        d->end.utf16++;
    }
    d->text = store_string(chk, t->orig + d->start.bytes, d->end.bytes - d->start.bytes);
    d->canonical = store_string(chk, "", 0);
    va_list ap;
    va_start(ap, fmt);
    set_message(chk, d, fmt, ap);
    va_end(ap);
}

const char *
tl_hit_text(const struct titlelint_checker *chk, const struct tl_hit *hit,
            char *buf, size_t size)
{
    size_t n = hit->end - hit->start;
    if (n >= size)
        n = size - 1;
    memcpy(buf, chk->text.norm + hit->start, n);
    buf[n] = '\0';
    return buf;
}

bool
tl_entry_set_has(const struct tl_entry_set *set, uint32_t entry)
{
    for (size_t i = 0; i < set->n; i++)
        if (set->ids[i] == entry)
            return true;
    return false;
}

bool
tl_entry_set_add(struct tl_entry_set *set, uint32_t entry)
{
    if (tl_entry_set_has(set, entry))
        return true;
    if (!grow_array(&set->ids, &set->cap, set->n + 1, sizeof(uint32_t)))
        return false;
    set->ids[set->n++] = entry;
    return true;
}

bool
tl_is_own_brand(const struct titlelint_checker *chk, uint32_t entry)
{
    return tl_entry_set_has(&chk->own, entry) || tl_entry_set_has(&chk->cfg_own, entry);
}

bool
tl_is_authorized(const struct titlelint_checker *chk, uint32_t entry)
{
    return tl_entry_set_has(&chk->cfg_authorized, entry);
}

const char *
tl_orig_text(const struct titlelint_checker *chk, size_t ns, size_t ne,
             char *buf, size_t size)
{
    size_t cs, ce;

    tl_text_orig_span(&chk->text, ns, ne, &cs, &ce);
    size_t b0 = chk->text.char_byte[cs], n = chk->text.char_byte[ce] - b0;
    if (n >= size)
        n = size - 1;
    memcpy(buf, chk->text.orig + b0, n);
    buf[n] = '\0';
    return buf;
}

/* ---- matching ---------------------------------------------------------- */

bool
tl_is_latin_letter(UChar32 c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    UErrorCode err = U_ZERO_ERROR;
    return u_isalpha(c) && uscript_getScript(c, &err) == USCRIPT_LATIN;
}

static bool
is_digit(UChar32 c)
{
    return c >= '0' && c <= '9';
}

/*
 * Whole-word rule for Latin terms: a term that starts (ends) with a Latin
 * letter does not match right after (before) another Latin letter, and one
 * that starts (ends) with a digit not next to another digit.  So "nike"
 * matches in "nike2024" and "耐克nike" but not in "nikelab".
 */
bool
tl_word_edges_ok(const char *s, size_t len, size_t start, size_t end)
{
    const uint8_t *p = (const uint8_t *) s;
    UChar32 first, last, before = 0, after = 0;
    int32_t i;

    i = (int32_t) start;
    U8_NEXT_UNSAFE(p, i, first);
    i = (int32_t) end;
    U8_PREV_UNSAFE(p, i, last);
    if (start > 0) {
        i = (int32_t) start;
        U8_PREV_UNSAFE(p, i, before);
    }
    if (end < len) {
        i = (int32_t) end;
        U8_NEXT_UNSAFE(p, i, after);
    }
    if (tl_is_latin_letter(first) && tl_is_latin_letter(before))
        return false;
    if (is_digit(first) && is_digit(before))
        return false;
    if (tl_is_latin_letter(last) && tl_is_latin_letter(after))
        return false;
    if (is_digit(last) && is_digit(after))
        return false;
    return true;
}

/* Adds a hit of @term's entry (a clearing word when the term is one); a
 * @variant other than none overrides the term's own. */
bool
tl_push_hit(struct titlelint_checker *chk, const struct tl_term *term, uint8_t variant,
            size_t start, size_t end)
{
    if (!grow_array(&chk->hits, &chk->cap_hits, chk->n_hits + 1, sizeof(*chk->hits))) {
        chk->oom = true;
        return false;
    }
    const struct tl_entry *e = &chk->lex->entries[term->entry];
    chk->hits[chk->n_hits++] = (struct tl_hit){
        .start = (uint32_t) start,
        .end = (uint32_t) end,
        .entry = term->entry,
        .kind = e->kind,
        .sub = e->sub,
        .clear = term->clear,
        .generated = term->generated,
        .variant = variant != TL_VARIANT_NONE ? variant : term->variant,
    };
    return true;
}

static bool
on_term(void *ud, uint32_t pattern, size_t start, size_t end)
{
    struct titlelint_checker *chk = ud;
    const struct tl_lexicon *lex = chk->lex;

    if (!tl_word_edges_ok(chk->text.norm, chk->text.norm_len, start, end))
        return true;
    for (uint32_t i = lex->term_first[pattern]; i < lex->term_first[pattern + 1]; i++)
        if (!tl_push_hit(chk, &lex->terms[i], TL_VARIANT_NONE, start, end))
            return false;
    return true;
}

static bool
on_regex(void *ud, uint32_t entry, size_t start, size_t end)
{
    struct tl_term term = { .entry = entry };
    return tl_push_hit(ud, &term, TL_VARIANT_NONE, start, end);
}

/* A pattern of a (user) lexicon that gave up on this title: the title gets
 * a pattern-limit finding naming it, and the check goes on without it. */
static void
on_regex_limit(void *ud, uint32_t entry, enum tl_regex_gave_up why)
{
    struct titlelint_checker *chk = ud;
    const struct titlelint_rule *rule = titlelint_rule_find("pattern-limit");
    if (chk->severity[tl_rule_index(rule)] == TITLELINT_SEVERITY_OFF)
        return;
    const struct tl_entry *e = &chk->lex->entries[entry];
    const char *name = tl_lexicon_str(chk->lex, e->name);
    const char *file = chk->lex->files[e->file];
    bool depth = why == TL_REGEX_GAVE_UP_DEPTH_LIMIT;
    bool match = why == TL_REGEX_GAVE_UP_MATCH_LIMIT;
    tl_diag_add_chars(chk, rule, 0, chk->text.n_chars, NULL, TL_MSG(chk,
                      "词库模式“%s”（%s:%u）%s，此标题未按它检查",
                      "lexicon pattern '%s' (%s:%u) %s; this title was not checked against it"),
                      name, file, e->line,
                      depth ? TL_MSG(chk, "超出 PCRE2 的回溯深度上限", "hit PCRE2's depth limit") :
                      match ? TL_MSG(chk, "超出 PCRE2 的匹配步数上限", "hit PCRE2's match limit") :
                      TL_MSG(chk, "匹配出错", "failed to match"));
}

static int
cmp_hit(const void *a, const void *b)
{
    const struct tl_hit *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind - y->kind;
    return x->entry < y->entry ? -1 : (x->entry > y->entry);
}

static bool
covers(const struct tl_hit *outer, const struct tl_hit *inner)
{
    return outer->start <= inner->start && inner->end <= outer->end;
}

/*
 * A clearing word hides its own entry's matches inside it (小米 in 小米粥),
 * a generic 同款 phrase (情侣同款) hides the riding markers inside it, and
 * a longer form of a name hides the shorter disguises inside it (香奈 in
 * 香奈儿).
 */
static void
suppress_hits(struct titlelint_checker *chk)
{
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *c = &chk->hits[i];
        bool generic = c->kind == TL_KIND_MARKER && c->sub == TL_MARKER_GENERIC;
        bool name = !c->clear && c->kind != TL_KIND_MARKER;
        if (!c->clear && !generic && !name)
            continue;
        for (size_t j = 0; j < chk->n_hits; j++) {
            struct tl_hit *h = &chk->hits[j];
            if (j == i || h->clear || !covers(c, h))
                continue;
            if (c->clear && h->entry == c->entry)
                h->dropped = true;
            if (generic && h->kind == TL_KIND_MARKER &&
                (h->sub == TL_MARKER_RIDING || h->sub == TL_MARKER_ENDORSE))
                h->dropped = true;
            /* A disguise inside another form of its own name: the
             * longer one tells the story (香奈 in 香奈儿 or in 香奈家). */
            if (!c->clear && h->variant != TL_VARIANT_NONE && h->entry == c->entry &&
                c->end - c->start > h->end - h->start)
                h->dropped = true;
        }
    }
}

/* Leftmost-longest disjoint hits become the lexicon's tokens. */
static bool
select_spans(struct titlelint_checker *chk)
{
    uint32_t at = 0;

    chk->n_spans = 0;
    for (size_t i = 0; i < chk->n_hits; i++) {
        const struct tl_hit *h = &chk->hits[i];
        if (h->clear || h->dropped || h->start < at)
            continue;
        if (!grow_array(&chk->spans, &chk->cap_spans, chk->n_spans + 1,
                        sizeof(*chk->spans)))
            return false;
        chk->spans[chk->n_spans++] = (struct tl_span){ h->start, h->end, (int32_t) i };
        chk->hits[i].token = true;
        at = h->end;
    }
    return true;
}

/* Allowed words (configuration) are never flagged: diagnostics that
 * overlap one of their occurrences go. */
static void
drop_allowed(struct titlelint_checker *chk)
{
    const struct tl_text *t = &chk->text;
    size_t keep = 0;

    if (!chk->cfg_allowed.len)
        return;
    for (size_t i = 0; i < chk->n_diags; i++) {
        const struct titlelint_diagnostic *d = &chk->diags[i];
        bool drop = false;
        for (const char *w = chk->cfg_allowed.data; !drop && w < chk->cfg_allowed.data +
             chk->cfg_allowed.len; w += strlen(w) + 1) {
            for (const char *at = strstr(t->norm, w); at && !drop; at = strstr(at + 1, w)) {
                size_t cs, ce;
                tl_text_orig_span(t, (size_t) (at - t->norm),
                                  (size_t) (at - t->norm) + strlen(w), &cs, &ce);
                drop = cs < d->end.chars && d->start.chars < ce;
            }
        }
        if (!drop)
            chk->diags[keep++] = *d;
    }
    chk->n_diags = keep;
}

static int
cmp_diag(const void *a, const void *b)
{
    const struct titlelint_diagnostic *x = a, *y = b;

    if (x->start.chars != y->start.chars)
        return x->start.chars < y->start.chars ? -1 : 1;
    return strcmp(x->rule->code, y->rule->code);
}

static void
reset(struct titlelint_checker *chk)
{
    chk->n_hits = chk->n_spans = chk->n_tokens = chk->own.n = chk->n_diags = 0;
    strbuf_reset(&chk->strings);
    chk->oom = false;
    chk->suggested = false;
    chk->parsed = false;
}

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_check(struct titlelint_checker *chk, const char *title,
                        size_t len, const char *brand, const char *category)
{
    if (!chk || (!title && len))
        return TITLELINT_ERROR_INVALID_ARG;
    reset(chk);
    if (!title)
        title = "";

    size_t bad = 0;
    enum tl_norm_result nr = len > TL_MAX_TITLE_BYTES
        ? TL_NORM_OK : tl_normalize(chk->n2, &chk->text, title, len, &bad);
    if (len > TL_MAX_TITLE_BYTES) {
        /* Not decoded: the report shows the title but no position. */
        chk->text.orig = title;
        chk->text.orig_len = len;
        chk->text.n_chars = 0;
        chk->text.norm_len = 0;
        diag_invalid(chk, SIZE_MAX, TL_MSG(chk,
                     "标题长 %zu 字节，超过可检查的上限 %d 字节，未检查",
                     "title is %zu bytes long, over the %d bytes titlelint checks; not checked"),
                     len, TL_MAX_TITLE_BYTES);
        goto out;
    }
    switch (nr) {
    case TL_NORM_OK:
        break;
    case TL_NORM_INVALID_UTF8:
        diag_invalid(chk, bad, TL_MSG(chk,
                     "字节偏移 %zu 处不是有效的 UTF-8 编码，此标题未检查",
                     "invalid UTF-8 at byte offset %zu; title not checked"), bad);
        goto out;
    case TL_NORM_NUL:
        diag_invalid(chk, bad, TL_MSG(chk,
                     "字节偏移 %zu 处是 NUL 空字符，此标题未检查",
                     "NUL byte at byte offset %zu; title not checked"), bad);
        goto out;
    case TL_NORM_NOMEM:
        reset(chk);
        return TITLELINT_ERROR_NOMEM;
    case TL_NORM_ICU:
        reset(chk);
        return TITLELINT_ERROR_ICU;
    }

    strbuf_reset(&chk->context_brand);
    if (brand && *brand && (!strbuf_append_str(&chk->context_brand, brand) ||
                            !tl_resolve_name(chk, brand, TL_KIND_BRAND, &chk->own)))
        goto nomem;
    const struct tl_text *t = &chk->text;
    tl_ac_scan_words(chk->lex->ac, t->norm, t->norm_len, on_term, chk);
    tl_regex_scan(chk->lex->regexes, chk->regex, t->norm, t->norm_len, on_regex,
                  on_regex_limit, chk);
    tl_evasion_scan(chk);
    if (chk->oom)
        goto nomem;
    if (chk->n_hits)
        tl_qsort(chk->hits, chk->n_hits, sizeof(*chk->hits), cmp_hit);
    suppress_hits(chk);
    if (!select_spans(chk))
        goto nomem;
    if (!tl_tokenize(chk->tokenizer, t->norm, t->norm_len, chk->spans, chk->n_spans,
                     &chk->tokens, &chk->n_tokens, &chk->cap_tokens)) {
        reset(chk);
        return TITLELINT_ERROR_ICU;
    }

    tl_parse_title(chk, category);
    chk->parsed = true;
    for (size_t i = 0; i < tl_n_rules; i++) {
        if (tl_rules[i].check && chk->severity[i] != TITLELINT_SEVERITY_OFF)
            tl_rules[i].check(chk, &tl_rules[i]);
    }
    drop_allowed(chk);

out:
    if (chk->oom)
        goto nomem;
    if (chk->n_diags)
        tl_qsort(chk->diags, chk->n_diags, sizeof(*chk->diags), cmp_diag);
    return TITLELINT_OK;

nomem:
    reset(chk);
    return TITLELINT_ERROR_NOMEM;
}

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_set_invalid(struct titlelint_checker *chk, const char *title, size_t len,
                              const char *message)
{
    if (!chk || !message || (!title && len))
        return TITLELINT_ERROR_INVALID_ARG;
    reset(chk);
    chk->text.orig = title ? title : "";
    chk->text.orig_len = len;
    chk->text.n_chars = 0;
    chk->text.norm_len = 0;
    struct titlelint_diagnostic *d = new_diag(chk, titlelint_rule_find("invalid-input"));
    if (d) {
        d->text = store_string(chk, "", 0);
        d->canonical = d->text;
        d->message = (uint32_t) chk->strings.len;
        if (!strbuf_append(&chk->strings, message, strlen(message) + 1))
            chk->oom = true;
    }
    if (chk->oom) {
        reset(chk);
        return TITLELINT_ERROR_NOMEM;
    }
    return TITLELINT_OK;
}

TITLELINT_EXPORT enum titlelint_status
titlelint_checker_add_catalog_finding(struct titlelint_checker *chk,
                                      const struct titlelint_rule *rule, const char *message)
{
    if (!chk || !message || !titlelint_rule_is_catalog(rule))
        return TITLELINT_ERROR_INVALID_ARG;
    if (chk->severity[tl_rule_index(rule)] == TITLELINT_SEVERITY_OFF)
        return TITLELINT_OK;
    struct titlelint_diagnostic *d = new_diag(chk, rule);
    if (!d)
        return TITLELINT_ERROR_NOMEM;
    position_of_char(&chk->text, 0, &d->start);
    if (chk->text.char_byte)
        position_of_char(&chk->text, chk->text.n_chars, &d->end);
    d->nend = (uint32_t) chk->text.norm_len;
    d->text = store_string(chk, chk->text.orig, d->end.bytes);
    d->canonical = store_string(chk, "", 0);
    d->message = (uint32_t) chk->strings.len;
    if (!strbuf_append(&chk->strings, message, strlen(message) + 1))
        chk->oom = true;
    return chk->oom ? TITLELINT_ERROR_NOMEM : TITLELINT_OK;
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
    return x < y ? -1 : x > y;
}

TITLELINT_EXPORT uint64_t
titlelint_title_key(struct titlelint_checker *chk, const char *title, size_t len)
{
    size_t bad;

    if (!chk || !title || len > TL_MAX_TITLE_BYTES ||
        tl_normalize(chk->n2, &chk->scratch, title, len, &bad) != TL_NORM_OK)
        return 0;
    /* The characters that make the words, in any order: no symbols,
     * spaces, digits or units (500ml and 1L are one spec apart). */
    static const char *const units = "寸码斤克升毫厘米片瓶支包个件只双套盒袋罐条粒枚";
    uint32_t cps[512];
    size_t n = 0;
    const uint8_t *p = (const uint8_t *) chk->scratch.norm;
    int32_t i = 0, end = (int32_t) chk->scratch.norm_len;
    bool after_digit = false;   /* the letters of 500ml are its unit */
    while (i < end && n < TL_ARRAY_SIZE(cps)) {
        UChar32 c;
        U8_NEXT(p, i, end, c);
        bool digit = c >= '0' && c <= '9';
        bool unit = after_digit && c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        after_digit = digit || unit || (after_digit && c == '.');
        if (c <= 0 || !(u_isalpha(c) || u_isdigit(c)) || digit || unit)
            continue;
        char one[5] = "";
        int32_t k = 0;
        U8_APPEND_UNSAFE((uint8_t *) one, k, c);
        one[k] = '\0';
        if (c >= 0x80 && strstr(units, one))
            continue;
        cps[n++] = (uint32_t) c;
    }
    if (!n)
        return 0;
    tl_qsort(cps, n, sizeof(uint32_t), cmp_u32);
    uint64_t h = 14695981039346656037ULL;   /* FNV-1a */
    for (size_t k = 0; k < n; k++)
        for (int b = 0; b < 4; b++) {
            h ^= (cps[k] >> (8 * b)) & 0xFF;
            h *= 1099511628211ULL;
        }
    return h ? h : 1;
}

TITLELINT_EXPORT size_t
titlelint_checker_get_diagnostic_count(const struct titlelint_checker *chk)
{
    return chk->n_diags;
}

TITLELINT_EXPORT const struct titlelint_diagnostic *
titlelint_checker_get_diagnostic(const struct titlelint_checker *chk, size_t index)
{
    return index < chk->n_diags ? &chk->diags[index] : NULL;
}

TITLELINT_EXPORT enum titlelint_severity
titlelint_checker_get_max_severity(const struct titlelint_checker *chk)
{
    enum titlelint_severity max = TITLELINT_SEVERITY_OFF;

    for (size_t i = 0; i < chk->n_diags; i++)
        if (chk->diags[i].severity > max)
            max = chk->diags[i].severity;
    return max;
}

TITLELINT_EXPORT const struct titlelint_rule *
titlelint_diagnostic_get_rule(const struct titlelint_diagnostic *d)
{
    return d->rule;
}

TITLELINT_EXPORT enum titlelint_severity
titlelint_diagnostic_get_severity(const struct titlelint_diagnostic *d)
{
    return d->severity;
}

TITLELINT_EXPORT const char *
titlelint_diagnostic_get_message(const struct titlelint_diagnostic *d)
{
    return d->owner->strings.data + d->message;
}

TITLELINT_EXPORT const char *
titlelint_diagnostic_get_text(const struct titlelint_diagnostic *d)
{
    return d->owner->strings.data + d->text;
}

TITLELINT_EXPORT const char *
titlelint_diagnostic_get_canonical(const struct titlelint_diagnostic *d)
{
    return d->owner->strings.data + d->canonical;
}

TITLELINT_EXPORT void
titlelint_diagnostic_get_span(const struct titlelint_diagnostic *d,
                              struct titlelint_position *start,
                              struct titlelint_position *end)
{
    if (start)
        *start = d->start;
    if (end)
        *end = d->end;
}
