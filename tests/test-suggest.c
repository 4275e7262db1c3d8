/*
 * The properties of suggestions, over every title of the fixture files and
 * a generated corpus of 10,000+ titles built from the real lexicons'
 * words: a suggestion (1) has no error when linted itself, (2) suggests
 * itself again (idempotent), (3) is made of words of the title and its
 * context only, (4) is never longer than the limit.
 * Usage: test-suggest TITLES_FILE... -- LEXICON_DIR...
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <titlelint/titlelint.h>

static size_t checked, suggested, failures;
static struct titlelint_checker *chk;

static size_t
chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char) *s & 0xC0) != 0x80;
    return n;
}

/* Whether @hay (title, brand or category) holds the @n bytes at @p. */
static bool
found_in(const char *p, size_t n, const char *title, const char *brand, const char *category)
{
    const char *hay[] = { title, brand, category };
    char needle[512];

    if (n >= sizeof(needle))
        return false;
    memcpy(needle, p, n);
    needle[n] = '\0';
    for (int i = 0; i < 3; i++)
        if (hay[i] && strstr(hay[i], needle))
            return true;
    return false;
}

/*
 * The suggestion is made of the title's and the context's text: cut
 * greedily into the longest pieces found there, every piece is found
 * (spaces and the 【】 around the brand aside).
 */
static bool
made_of(const char *s, const char *title, const char *brand, const char *category)
{
    size_t len = strlen(s);

    for (size_t at = 0; at < len;) {
        if (s[at] == ' ') {
            at++;
            continue;
        }
        if (strncmp(s + at, "【", 3) == 0 || strncmp(s + at, "】", 3) == 0) {
            at += 3;
            continue;
        }
        size_t best = 0;
        for (size_t n = 1; at + n <= len; n++) {
            if (((unsigned char) s[at + n - 1] & 0xC0) == 0x80 && at + n < len &&
                ((unsigned char) s[at + n] & 0xC0) == 0x80)
                continue;   /* not at a character boundary */
            if (at + n < len && ((unsigned char) s[at + n] & 0xC0) == 0x80)
                continue;
            if (found_in(s + at, n, title, brand, category))
                best = n;
            else
                break;
        }
        if (!best)
            return false;
        at += best;
    }
    return true;
}

static void
fail(const char *what, const char *title, const char *s)
{
    if (failures++ < 20)
        printf("FAIL %s: '%s' -> '%s'\n", what, title, s ? s : "(null)");
}

static void
check_one(const char *title, const char *brand, const char *category)
{
    char s[1024], again[1024];

    titlelint_checker_check(chk, title, strlen(title), brand, category);
    checked++;
    const char *sug = titlelint_suggest(chk);
    if (!sug)
        return;
    suggested++;
    snprintf(s, sizeof(s), "%s", sug);
    if (chars(s) > 60)
        fail("longer than 60", title, s);
    if (!made_of(s, title, brand, category))
        fail("word not in the title or context", title, s);
    titlelint_checker_check(chk, s, strlen(s), brand, category);
    for (size_t i = 0; i < titlelint_checker_get_diagnostic_count(chk); i++) {
        const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, i);
        if (titlelint_diagnostic_get_severity(d) == TITLELINT_SEVERITY_ERROR) {
            char why[1200];
            snprintf(why, sizeof(why), "error %s (%s)",
                     titlelint_rule_get_name(titlelint_diagnostic_get_rule(d)),
                     titlelint_diagnostic_get_message(d));
            fail(why, title, s);
        }
    }
    const char *second = titlelint_suggest(chk);
    snprintf(again, sizeof(again), "%s", second ? second : "(null)");
    if (strcmp(s, again) != 0)
        fail("not idempotent", s, again);
}

/* A deterministic generator (xorshift) of titles from lexicon words. */
static uint64_t seed = 88172645463325252ULL;

static uint64_t
next_rand(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

struct words {
    char **w;
    size_t n;
};

static void
words_free(struct words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->w[i]);
    free(w->w);
}

static void
load_column(struct words *out, const char *path, int column, bool leaf)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;

    if (!f)
        return;
    while (getline(&line, &cap, f) > 0) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *field = line;
        for (int c = 0; c < column && field; c++) {
            field = strchr(field, '\t');
            if (field)
                field++;
        }
        if (!field || !*field)
            continue;
        field[strcspn(field, "\t|")] = '\0';
        if (leaf && strrchr(field, '>'))
            field = strrchr(field, '>') + 1;
        out->w = realloc(out->w, (out->n + 1) * sizeof(char *));
        out->w[out->n++] = strdup(field);
    }
    free(line);
    fclose(f);
}

static const char *
pick(const struct words *w)
{
    return w->n ? w->w[next_rand() % w->n] : "";
}

int
main(int argc, char **argv)
{
    int sep = 1;
    while (sep < argc && strcmp(argv[sep], "--") != 0)
        sep++;
    if (sep >= argc - 1) {
        fprintf(stderr, "usage: test-suggest TITLES... -- LEXICON_DIR...\n");
        return 2;
    }
    struct titlelint_context *ctx = titlelint_context_new(TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS);
    for (int i = sep + 1; i < argc; i++)
        titlelint_context_append_lexicon_dir(ctx, argv[i]);
    if (titlelint_context_compile(ctx) != TITLELINT_OK)
        return 2;
    chk = titlelint_checker_new(ctx);

    /* the fixture titles (a TSV's first column, or whole lines) */
    for (int i = 1; i < sep; i++) {
        FILE *f = fopen(argv[i], "r");
        char *line = NULL;
        size_t cap = 0;
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        while (getline(&line, &cap, f) > 0) {
            line[strcspn(line, "\r\n")] = '\0';
            if (!line[0] || line[0] == '#')
                continue;
            char *f2 = strchr(line, '\t'), *brand = NULL, *category = NULL;
            if (f2) {
                *f2++ = '\0';
                brand = f2;
                char *f3 = strchr(f2, '\t');
                if (f3) {
                    *f3++ = '\0';
                    category = f3;
                    char *f4 = strchr(f3, '\t');
                    if (f4)
                        *f4 = '\0';
                }
            }
            check_one(line, brand && *brand ? brand : NULL, category && *category ? category : NULL);
        }
        free(line);
        fclose(f);
    }
    size_t fixtures = checked;

    /* 10,000 generated titles: words of every kind, riding phrases, symbols */
    const char *lex = argv[sep + 1];
    char path[4096];
    struct words cats = { 0 }, attrs = { 0 }, brands = { 0 }, people = { 0 }, hot = { 0 };
    snprintf(path, sizeof(path), "%s/categories.tsv", lex);
    load_column(&cats, path, 0, true);
    snprintf(path, sizeof(path), "%s/attributes.tsv", lex);
    load_column(&attrs, path, 1, false);
    snprintf(path, sizeof(path), "%s/brands-fashion.tsv", lex);
    load_column(&brands, path, 0, false);
    snprintf(path, sizeof(path), "%s/people.tsv", lex);
    load_column(&people, path, 0, false);
    snprintf(path, sizeof(path), "%s/hotwords.tsv", lex);
    load_column(&hot, path, 0, false);
    static const char *const glue[] = { "", " ", "同款", "平替", "!!", "【包邮】", "500ml", "XL", "最好", "原价99" };
    for (int i = 0; i < 10000; i++) {
        char title[512] = "";
        int parts = 3 + (int) (next_rand() % 6);
        for (int k = 0; k < parts; k++) {
            const char *w;
            switch (next_rand() % 8) {
            case 0: w = pick(&brands); break;
            case 1: w = pick(&people); break;
            case 2: w = pick(&hot); break;
            case 3: case 4: w = pick(&cats); break;
            default: w = pick(&attrs); break;
            }
            size_t len = strlen(title);
            snprintf(title + len, sizeof(title) - len, "%s%s", w,
                     glue[next_rand() % (sizeof(glue) / sizeof(glue[0]))]);
        }
        check_one(title, (next_rand() % 3) ? NULL : pick(&brands),
                  (next_rand() % 3) ? NULL : pick(&cats));
    }
    printf("%zu fixture titles, %zu generated; %zu suggestions checked, %zu failures\n",
           fixtures, checked - fixtures, suggested, failures);
    /* freed, so that LeakSanitizer's report stays about the library */
    words_free(&cats);
    words_free(&attrs);
    words_free(&brands);
    words_free(&people);
    words_free(&hot);
    titlelint_checker_destroy(chk);
    titlelint_context_unref(ctx);
    return failures ? 1 : 0;
}
