#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <titlelint/titlelint.h>

#include "lexicon.h"
#include "normalize.h"

static const char *const person_types[] = {
    "actor", "singer", "athlete", "host", "influencer",
    "film", "cartoon", "game", "museum", "character", NULL
};
static const char *const marker_types[] = {
    "riding", "endorse", "compat", "generic", "set", "offer", NULL
};
static const char *const marker_sides[] = { "after", "before", "either", NULL };
static const char *const hotword_types[] = { "platform", "trend", NULL };
static const char *const variant_kinds[] = { "brand", "person", "contact", NULL };
/* In enum tl_variant order; only the hand-writable ones are accepted. */
static const char *const variant_names[] = {
    "none", "short", "homophone", "placeholder", "latin-tail", "pinyin",
    "initials", "lookalike", "traditional", "other", "separated", "full-width", NULL
};
/* Attribute kinds, then the pattern-only kinds, in enum order. */
static const char *const attr_kinds[] = {
    "material", "function", "season", "crowd", "scenario", "style", "color",
    "variety", "origin", "grade", "flavor", "spec", "model",
    "contact", "price", "set", NULL
};

/*
 * One row per file kind.  A file belongs to a kind when its name is
 * "<prefix>.tsv" or "<prefix>-<anything>.tsv".  name_col is the canonical
 * name, alias_col a "|"-list of further surface forms (-1: none),
 * clear_col the "|"-list of clearing words (-1: none).
 */
static const struct kind_desc {
    const char *prefix;
    enum tl_kind kind;
    int min_fields, max_fields;
    int name_col, alias_col, clear_col;
    const char *columns;   /* for error messages */
} kind_descs[] = {
    { "brands", TL_KIND_BRAND, 1, 4, 0, 1, 3, "name, aliases, categories, clear" },
    { "people", TL_KIND_PERSON, 2, 4, 0, 2, 3, "name, type, aliases, clear" },
    { "categories", TL_KIND_CATEGORY, 1, 5, 0, 1, 4, "path, synonyms, requires, for, clear" },
    { "attributes", TL_KIND_ATTRIBUTE, 2, 4, 1, 2, -1, "kind, term, aliases, group" },
    { "markers", TL_KIND_MARKER, 2, 4, 1, -1, 3, "type, term, side, clear" },
    { "hotwords", TL_KIND_HOTWORD, 2, 3, 0, -1, 2, "term, type, clear" },
    { "absolute", TL_KIND_ABSOLUTE, 1, 2, 0, -1, 1, "term, clear" },
    { "contact", TL_KIND_CONTACT, 1, 2, 0, -1, 1, "term, clear" },
    { "price", TL_KIND_PRICE, 1, 2, 0, -1, 1, "term, clear" },
    { "patterns", TL_KIND_PATTERN, 3, 3, 1, -1, -1, "kind, name, pattern" },
    { "homophones", TL_KIND_HOMOPHONE, 2, 2, 0, -1, -1, "char, variants" },
    { "lookalikes", TL_KIND_LOOKALIKE, 2, 2, 0, -1, -1, "char, looks-like" },
    { "variants", TL_KIND_VARIANT, 3, 4, 1, -1, -1, "kind, name, variant, how" },
};

const char *
tl_variant_name(unsigned variant)
{
    return variant < TL_ARRAY_SIZE(variant_names) - 1 ? variant_names[variant] : "?";
}

const char *
tl_attr_kind_name(unsigned kind)
{
    return kind < TL_ARRAY_SIZE(attr_kinds) - 1 ? attr_kinds[kind] : "?";
}

static int
lookup(const char *const *names, const char *s)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

int
tl_attr_kind_from_name(const char *name)
{
    int k = lookup(attr_kinds, name);
    return k < TL_ATTR_COUNT ? k : -1;
}

/* A term before grouping: a normalized string and what it stands for. */
struct raw_term {
    const char *s;       /* the normalized form, set once the pool is final */
    uint32_t str, len;   /* pool offset and length of the normalized form */
    uint32_t entry;
    bool clear;
    bool generated;
    uint8_t variant;
};

/* variants.tsv lines, resolved to entries once everything is loaded. */
struct variant_line {
    uint8_t kind;                 /* TL_KIND_BRAND, _PERSON or _CONTACT */
    uint8_t how;                  /* enum tl_variant */
    bool generated;               /* from variants-generated*.tsv (the build's) */
    uint32_t name, variant;       /* pool offsets, normalized */
    uint16_t file;
    uint32_t line;
};

/* homophones.tsv: a character and the characters that stand in for it. */
struct homophone {
    UChar32 c;
    uint32_t variants;            /* pool offset: the variant characters, concatenated */
};

struct loader {
    struct tl_lexicon *lex;
    struct raw_term *raw;
    size_t n_raw, cap_raw;
    struct variant_line *vlines;
    size_t n_vlines, cap_vlines;
    struct homophone *homophones;
    size_t n_homophones, cap_homophones;
    size_t cap_lookalikes;
    struct tl_text text;          /* normalizer scratch */
    const UNormalizer2 *n2;
    tl_lexicon_log_fn log;
    void *log_ud;
    size_t errors;
    int status;
    /* where we are, for messages */
    const char *path;
    size_t line;
    uint32_t dir;
};

#define LOAD_ERROR(ld, ...) load_error((ld), __VA_ARGS__)

static void TL_PRINTF(2, 3)
load_error(struct loader *ld, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (ld->line)
        ld->log(ld->log_ud, 1, "%s:%zu: %s", ld->path, ld->line, msg);
    else
        ld->log(ld->log_ud, 1, "%s: %s", ld->path, msg);
    ld->errors++;
    if (!ld->status)
        ld->status = TITLELINT_ERROR_LEXICON;
}

static uint32_t
pool_add(struct loader *ld, const char *s, size_t n)
{
    struct strbuf *pool = &ld->lex->pool;
    uint32_t off = (uint32_t) pool->len;

    if (!strbuf_append(pool, s, n) || !strbuf_append(pool, "", 1)) {
        ld->status = TITLELINT_ERROR_NOMEM;
        return 0;
    }
    return off;
}

/* Normalizes @s into the pool; returns false (error logged) when it cannot. */
static bool
normalize_term(struct loader *ld, const char *s, uint32_t *off, uint32_t *len)
{
    size_t bad;

    if (tl_normalize(ld->n2, &ld->text, s, strlen(s), &bad) != TL_NORM_OK) {
        LOAD_ERROR(ld, "cannot normalize '%s'", s);
        return false;
    }
    /* Surrounding spaces are never part of a term. */
    const char *p = ld->text.norm;
    size_t n = ld->text.norm_len;
    while (n && *p == ' ')
        p++, n--;
    while (n && p[n - 1] == ' ')
        n--;
    if (n == 0) {
        LOAD_ERROR(ld, "'%s' is empty once normalized", s);
        return false;
    }
    *off = pool_add(ld, p, n);
    *len = (uint32_t) n;
    return true;
}

static bool
add_term(struct loader *ld, const char *s, uint32_t entry, bool clear)
{
    struct raw_term t = { .entry = entry, .clear = clear };

    if (!normalize_term(ld, s, &t.str, &t.len))
        return false;
    if (!grow_array(&ld->raw, &ld->cap_raw, ld->n_raw + 1, sizeof(*ld->raw))) {
        ld->status = TITLELINT_ERROR_NOMEM;
        return false;
    }
    ld->raw[ld->n_raw++] = t;
    return true;
}

/* Calls @fn on each non-empty "|"-separated item of @list (modified). */
static bool
each_item(struct loader *ld, char *list, const char *what,
          bool (*fn)(struct loader *, const char *, void *), void *ud)
{
    bool ok = true;
    char *p = list;

    while (p) {
        char *bar = strchr(p, '|');
        if (bar)
            *bar = '\0';
        if (*p == '\0') {
            if (bar || p != list) {
                LOAD_ERROR(ld, "empty item in the %s list", what);
                ok = false;
            }
        } else if (!fn(ld, p, ud)) {
            ok = false;
        }
        p = bar ? bar + 1 : NULL;
    }
    return ok;
}

struct term_ud {
    uint32_t entry;
    bool clear;
};

static bool
add_term_cb(struct loader *ld, const char *s, void *ud)
{
    struct term_ud *t = ud;
    return add_term(ld, s, t->entry, t->clear);
}

/* A clearing word must contain one of its entry's terms, or it clears
 * nothing: that is a mistake in the lexicon worth reporting. */
static bool
check_clear(struct loader *ld, size_t first_term, size_t first_clear)
{
    bool ok = true;
    const char *pool = ld->lex->pool.data;

    for (size_t c = first_clear; c < ld->n_raw; c++) {
        bool found = false;
        for (size_t t = first_term; t < first_clear && !found; t++)
            found = strstr(pool + ld->raw[c].str, pool + ld->raw[t].str) != NULL;
        if (!found) {
            LOAD_ERROR(ld, "clearing word '%s' contains none of the entry's names",
                       pool + ld->raw[c].str);
            ok = false;
        }
    }
    return ok;
}

static bool
check_enum(struct loader *ld, const char *const *names, const char *value,
           const char *column, int *out)
{
    *out = lookup(names, value);
    if (*out >= 0)
        return true;
    char list[256] = "";
    for (int i = 0; names[i]; i++) {
        strncat(list, i ? ", " : "", sizeof(list) - strlen(list) - 1);
        strncat(list, names[i], sizeof(list) - strlen(list) - 1);
    }
    LOAD_ERROR(ld, "unknown %s '%s' (expected one of: %s)", column, value, list);
    return false;
}

static bool
check_requires_item(struct loader *ld, const char *kind, void *ud)
{
    (void) ud;
    if (tl_attr_kind_from_name(kind) >= 0)
        return true;
    LOAD_ERROR(ld, "unknown attribute kind '%s' in requires", kind);
    return false;
}

/* requires: groups separated by ',' (all needed), alternatives by '|'. */
static bool
check_requires(struct loader *ld, const char *requires)
{
    char buf[256];
    bool ok = true;

    if (strlen(requires) >= sizeof(buf)) {
        LOAD_ERROR(ld, "requires column too long");
        return false;
    }
    strcpy(buf, requires);
    for (char *g = strtok(buf, ","); g; g = strtok(NULL, ","))
        ok &= each_item(ld, g, "requires", check_requires_item, NULL);
    return ok;
}

/* The single code point of @s in *@c; false when @s is not one character. */
static bool
single_char(const char *s, UChar32 *c)
{
    int32_t i = 0, n = (int32_t) strlen(s);

    if (n == 0)
        return false;
    U8_NEXT((const uint8_t *) s, i, n, *c);
    return *c > 0 && i == n;
}

static bool
push_homophone_char(struct loader *ld, const char *item, void *ud)
{
    struct strbuf *chars = ud;
    UChar32 c;

    if (!single_char(item, &c)) {
        LOAD_ERROR(ld, "'%s' is not one character", item);
        return false;
    }
    return strbuf_append_str(chars, item);
}

/* homophones, lookalikes and variants: aids for the evasion rule, not
 * entries of their own. */
static void
load_aid(struct loader *ld, enum tl_kind kind, char **fields, uint16_t file_index)
{
    struct tl_lexicon *lex = ld->lex;
    UChar32 from, to;

    switch (kind) {
    case TL_KIND_HOMOPHONE: {
        struct strbuf chars = { 0 };
        if (!single_char(fields[0], &from)) {
            LOAD_ERROR(ld, "expected one character, found '%s'", fields[0]);
            return;
        }
        if (each_item(ld, fields[1], "variants", push_homophone_char, &chars) && chars.len &&
            grow_array(&ld->homophones, &ld->cap_homophones, ld->n_homophones + 1,
                       sizeof(*ld->homophones)))
            ld->homophones[ld->n_homophones++] = (struct homophone){
                from, pool_add(ld, chars.data, chars.len) };
        strbuf_finish(&chars);
        return;
    }
    case TL_KIND_LOOKALIKE:
        if (!single_char(fields[0], &from) || !single_char(fields[1], &to)) {
            LOAD_ERROR(ld, "expected one character in each field");
            return;
        }
        to = u_tolower(to);
        if (to < 'a' || to > 'z') {
            LOAD_ERROR(ld, "'%s' is not a Latin letter", fields[1]);
            return;
        }
        if (!grow_array(&lex->lookalikes, &ld->cap_lookalikes, lex->n_lookalikes + 1,
                        sizeof(*lex->lookalikes))) {
            ld->status = TITLELINT_ERROR_NOMEM;
            return;
        }
        lex->lookalikes[lex->n_lookalikes++] = (struct tl_lookalike){
            (uint32_t) u_foldCase(from, U_FOLD_CASE_DEFAULT), (uint32_t) to };
        return;
    case TL_KIND_VARIANT: {
        int k, how = TL_VARIANT_OTHER;
        const char *base = strrchr(ld->path, '/');
        struct variant_line v = {
            .file = file_index,
            .line = (uint32_t) ld->line,
            .generated = strncmp(base ? base + 1 : ld->path, "variants-generated", 18) == 0,
        };
        uint32_t len;
        if (!check_enum(ld, variant_kinds, fields[0], "variant kind", &k))
            return;
        if (fields[3][0] && (!check_enum(ld, variant_names, fields[3], "variant", &how) ||
                             how < TL_VARIANT_SHORT || how > TL_VARIANT_OTHER)) {
            if (how >= 0)
                LOAD_ERROR(ld, "'%s' is found by titlelint itself, not listed", fields[3]);
            return;
        }
        if (!fields[2][0]) {
            LOAD_ERROR(ld, "empty variant");
            return;
        }
        v.kind = (uint8_t) (k == 0 ? TL_KIND_BRAND : k == 1 ? TL_KIND_PERSON : TL_KIND_CONTACT);
        v.how = (uint8_t) how;
        if (!normalize_term(ld, fields[1], &v.name, &len) ||
            !normalize_term(ld, fields[2], &v.variant, &len))
            return;
        if (!grow_array(&ld->vlines, &ld->cap_vlines, ld->n_vlines + 1, sizeof(*ld->vlines))) {
            ld->status = TITLELINT_ERROR_NOMEM;
            return;
        }
        ld->vlines[ld->n_vlines++] = v;
        return;
    }
    default:
        return;
    }
}

/* Parses one data line of the file of kind @kd. */
static void
load_line(struct loader *ld, const struct kind_desc *kd, char *line,
          uint16_t file_index)
{
    char *fields[TL_MAX_FIELDS + 8];
    int n = 0;

    for (char *p = line;;) {
        if (n == (int) TL_ARRAY_SIZE(fields))
            break;
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    if (n < kd->min_fields || n > kd->max_fields) {
        LOAD_ERROR(ld, "expected %d to %d tab-separated fields (%s), found %d%s",
                   kd->min_fields, kd->max_fields, kd->columns, n,
                   n == (int) TL_ARRAY_SIZE(fields) ? " or more" : "");
        return;
    }
    for (int i = n; i < TL_MAX_FIELDS; i++)
        fields[i] = "";
    if (fields[kd->name_col][0] == '\0') {
        LOAD_ERROR(ld, "empty %s", kd->name_col ? "term" : "name");
        return;
    }
    if (kd->kind >= TL_KIND_HOMOPHONE) {
        load_aid(ld, kd->kind, fields, file_index);
        return;
    }

    struct tl_lexicon *lex = ld->lex;
    if (!grow_array(&lex->entries, &lex->cap_entries, lex->n_entries + 1,
                    sizeof(*lex->entries))) {
        ld->status = TITLELINT_ERROR_NOMEM;
        return;
    }
    uint32_t id = (uint32_t) lex->n_entries;
    struct tl_entry e = {
        .kind = (uint8_t) kd->kind,
        .file = file_index,
        .line = (uint32_t) ld->line,
        .dir = ld->dir,
    };
    for (int i = 0; i < TL_MAX_FIELDS; i++)
        e.field[i] = pool_add(ld, fields[i], strlen(fields[i]));

    int v = 0;
    const char *name = fields[kd->name_col];
    switch (kd->kind) {
    case TL_KIND_PERSON:
        if (!check_enum(ld, person_types, fields[1], "type", &v))
            return;
        break;
    case TL_KIND_CATEGORY: {
        /* The leaf is the last element of the path. */
        const char *gt = strrchr(name, '>');
        name = gt ? gt + 1 : name;
        if (*name == '\0' || strstr(fields[0], ">>") || fields[0][0] == '>') {
            LOAD_ERROR(ld, "malformed category path '%s'", fields[0]);
            return;
        }
        if (fields[2][0] && !check_requires(ld, fields[2]))
            return;
        break;
    }
    case TL_KIND_ATTRIBUTE:
        v = tl_attr_kind_from_name(fields[0]);
        if (v < 0) {
            check_enum(ld, attr_kinds, fields[0], "attribute kind", &v);
            return;
        }
        break;
    case TL_KIND_MARKER: {
        int side = 0;
        if (!check_enum(ld, marker_types, fields[0], "marker type", &v))
            return;
        if (fields[2][0] && !check_enum(ld, marker_sides, fields[2], "side", &side))
            return;
        e.side = (uint8_t) side;
        break;
    }
    case TL_KIND_HOTWORD:
        if (!check_enum(ld, hotword_types, fields[1], "hot word type", &v))
            return;
        break;
    case TL_KIND_PATTERN: {
        char err[300];
        if (!check_enum(ld, attr_kinds, fields[0], "pattern kind", &v))
            return;
        if (!tl_regex_set_add(lex->regexes, fields[2], id, err, sizeof(err))) {
            LOAD_ERROR(ld, "pattern '%s' does not compile: %s", fields[2], err);
            return;
        }
        break;
    }
    default:
        break;
    }
    e.sub = (uint8_t) v;
    e.name = pool_add(ld, name, strlen(name));
    uint32_t norm_len;
    if (!normalize_term(ld, name, &e.norm_name, &norm_len))
        return;

    size_t first_term = ld->n_raw;
    if (kd->kind != TL_KIND_PATTERN) {
        struct term_ud tu = { .entry = id, .clear = false };
        if (!add_term(ld, name, id, false))
            return;
        if (kd->alias_col >= 0 && fields[kd->alias_col][0] &&
            !each_item(ld, fields[kd->alias_col], "alias", add_term_cb, &tu))
            return;
        size_t first_clear = ld->n_raw;
        tu.clear = true;
        if (kd->clear_col >= 0 && fields[kd->clear_col][0] &&
            !each_item(ld, fields[kd->clear_col], "clear", add_term_cb, &tu))
            return;
        if (!check_clear(ld, first_term, first_clear))
            return;
    }
    lex->entries[lex->n_entries++] = e;
}

static const struct kind_desc *
kind_for_file(const char *name)
{
    for (size_t i = 0; i < TL_ARRAY_SIZE(kind_descs); i++) {
        size_t n = strlen(kind_descs[i].prefix);
        if (strncmp(name, kind_descs[i].prefix, n) == 0 &&
            (strcmp(name + n, ".tsv") == 0 || name[n] == '-'))
            return &kind_descs[i];
    }
    return NULL;
}

static bool
valid_utf8(const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *) s;
    int32_t i = 0;

    while ((size_t) i < n) {
        UChar32 c;
        U8_NEXT(p, i, (int32_t) n, c);
        if (c <= 0)
            return false;
    }
    return true;
}

static void
load_file(struct loader *ld, const char *path, const struct kind_desc *kd)
{
    struct tl_lexicon *lex = ld->lex;
    FILE *f = fopen(path, "re");

    ld->path = path;
    ld->line = 0;
    if (!f) {
        LOAD_ERROR(ld, "cannot open: %s", strerror(errno));
        ld->status = TITLELINT_ERROR_IO;
        return;
    }
    char **files = realloc(lex->files, (lex->n_files + 1) * sizeof(char *));
    if (!files || !(files[lex->n_files] = strdup(path))) {
        if (files)
            lex->files = files;
        ld->status = TITLELINT_ERROR_NOMEM;
        fclose(f);
        return;
    }
    lex->files = files;
    uint16_t file_index = (uint16_t) lex->n_files++;
    ld->path = lex->files[file_index];

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
        ld->line++;
        char *p = line;
        size_t n = (size_t) len;
        if (ld->line == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
            p += 3, n -= 3;
        while (n && (p[n - 1] == '\n' || p[n - 1] == '\r'))
            p[--n] = '\0';
        if (memchr(p, '\0', n)) {
            LOAD_ERROR(ld, "NUL byte in line");
            continue;
        }
        if (!valid_utf8(p, n)) {
            LOAD_ERROR(ld, "invalid UTF-8");
            continue;
        }
        size_t lead = strspn(p, " ");
        if (p[lead] == '\0' || p[lead] == '#')
            continue;
        load_line(ld, kd, p, file_index);
        if (ld->status == TITLELINT_ERROR_NOMEM)
            break;
    }
    if (ferror(f))
        LOAD_ERROR(ld, "read error: %s", strerror(errno));
    free(line);
    fclose(f);
    ld->line = 0;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static void
load_dir(struct loader *ld, const char *dir)
{
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t n = 0, cap = 0;

    ld->path = dir;
    ld->line = 0;
    if (!d) {
        LOAD_ERROR(ld, "cannot open lexicon directory: %s", strerror(errno));
        ld->status = TITLELINT_ERROR_IO;
        return;
    }
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".tsv"))
            continue;
        if (!grow_array(&names, &cap, n + 1, sizeof(char *)) ||
            !(names[n] = strdup(de->d_name))) {
            ld->status = TITLELINT_ERROR_NOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    tl_qsort(names, n, sizeof(char *), cmp_str);

    for (size_t i = 0; i < n && ld->status != TITLELINT_ERROR_NOMEM; i++) {
        struct strbuf path = { 0 };
        if (!strbuf_printf(&path, "%s/%s", dir, names[i])) {
            ld->status = TITLELINT_ERROR_NOMEM;
            break;
        }
        const struct kind_desc *kd = kind_for_file(names[i]);
        if (kd) {
            load_file(ld, path.data, kd);
        } else {
            ld->path = path.data;
            ld->line = 0;
            LOAD_ERROR(ld, "unknown lexicon kind (a lexicon file name starts "
                       "with brands, people, categories, attributes, markers, "
                       "hotwords, absolute, contact, price, patterns, "
                       "homophones, lookalikes or variants)");
        }
        strbuf_finish(&path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* Entries of one kind and directory must not share a canonical name. */
struct dup_key {
    const char *norm;
    const struct tl_entry *e;
};

static int
cmp_dup_key(const void *a, const void *b)
{
    const struct dup_key *x = a, *y = b;

    if (x->e->kind != y->e->kind)
        return x->e->kind - y->e->kind;
    if (x->e->dir != y->e->dir)
        return x->e->dir < y->e->dir ? -1 : 1;
    int c = strcmp(x->norm, y->norm);
    if (c)
        return c;
    return x->e < y->e ? -1 : 1;
}

static void
check_duplicates(struct loader *ld)
{
    struct tl_lexicon *lex = ld->lex;
    struct dup_key *keys = malloc((lex->n_entries + 1) * sizeof(*keys));

    if (!keys) {
        ld->status = TITLELINT_ERROR_NOMEM;
        return;
    }
    for (size_t i = 0; i < lex->n_entries; i++)
        keys[i] = (struct dup_key){ lex->pool.data + lex->entries[i].norm_name,
                                    &lex->entries[i] };
    tl_qsort(keys, lex->n_entries, sizeof(*keys), cmp_dup_key);
    for (size_t i = 1; i < lex->n_entries; i++) {
        const struct tl_entry *a = keys[i - 1].e, *b = keys[i].e;
        if (a->kind == b->kind && a->dir == b->dir &&
            strcmp(keys[i - 1].norm, keys[i].norm) == 0) {
            ld->path = lex->files[b->file];
            ld->line = b->line;
            LOAD_ERROR(ld, "duplicate entry '%s', first defined at %s:%u",
                       lex->pool.data + b->name, lex->files[a->file], a->line);
        }
    }
    ld->line = 0;
    free(keys);
}

/* ---- disguised spellings (evasion) ------------------------------------- */

struct name_key {
    const char *norm;
    uint8_t kind;
    uint32_t entry;
};

static int
cmp_name_key(const void *a, const void *b)
{
    const struct name_key *x = a, *y = b;

    if (x->kind != y->kind)
        return x->kind - y->kind;
    return strcmp(x->norm, y->norm);
}

static int
cmp_homophone(const void *a, const void *b)
{
    const struct homophone *x = a, *y = b;
    return x->c < y->c ? -1 : x->c > y->c;
}

static int
cmp_lookalike(const void *a, const void *b)
{
    const struct tl_lookalike *x = a, *y = b;
    return x->from < y->from ? -1 : x->from > y->from;
}

uint32_t
tl_lexicon_lookalike(const struct tl_lexicon *lex, uint32_t c)
{
    struct tl_lookalike key = { c, 0 };
    const struct tl_lookalike *l = tl_bsearch(&key, lex->lookalikes, lex->n_lookalikes,
                                           sizeof(key), cmp_lookalike);
    return l ? l->to : 0;
}

#define MAX_NAME_CHARS 24

struct generator {
    struct loader *ld;
    const char **existing;        /* sorted normal terms: a variant never shadows one */
    size_t n_existing;
};

static int
cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static void
add_variant(struct generator *g, uint32_t entry, const UChar32 *cps, int n, uint8_t how)
{
    char buf[MAX_NAME_CHARS * 4 + 1];
    int32_t len = 0;
    UBool err = false;

    for (int i = 0; i < n; i++)
        U8_APPEND((uint8_t *) buf, len, (int32_t) sizeof(buf) - 1, cps[i], err);
    if (err)
        return;
    buf[len] = '\0';
    const char *key = buf;
    if (tl_bsearch(&key, g->existing, g->n_existing, sizeof(char *), cmp_cstr))
        return;
    struct loader *ld = g->ld;
    struct raw_term t = { .entry = entry, .variant = how, .generated = true,
                          .len = (uint32_t) len };
    t.str = pool_add(ld, buf, (size_t) len);
    if (!grow_array(&ld->raw, &ld->cap_raw, ld->n_raw + 1, sizeof(*ld->raw))) {
        ld->status = TITLELINT_ERROR_NOMEM;
        return;
    }
    ld->raw[ld->n_raw++] = t;
}

static bool
all_han(const UChar32 *cps, int n)
{
    for (int i = 0; i < n; i++) {
        UErrorCode err = U_ZERO_ERROR;
        if (uscript_getScript(cps[i], &err) != USCRIPT_HAN)
            return false;
    }
    return true;
}

/*
 * The spellings sellers use to slip a name past review, generated from the
 * names themselves when loading: one character replaced by 某 (某印良品) or
 * by one of its homophones (香奈家).  Names of brands and people need three
 * characters (杨某 could be anyone).  Contact words of three characters or
 * more get homophones (联系方试); the two-character ones are too short
 * (架微 in 支架微型), and their lexicon lists their disguises (薇信).
 * Traditional characters and pinyin
 * need ICU's transliterators, too slow to open at every load: they are
 * generated when building (tools/gen-variants.c).
 */
static void
generate_for_term(struct generator *g, const struct raw_term *r)
{
    const struct tl_lexicon *lex = g->ld->lex;
    uint8_t kind = lex->entries[r->entry].kind;
    UChar32 cps[MAX_NAME_CHARS], v[MAX_NAME_CHARS];
    int n = 0;
    int32_t i = 0;

    const char *s = g->ld->lex->pool.data + r->str;
    while (i < (int32_t) r->len) {
        if (n == MAX_NAME_CHARS)
            return;
        U8_NEXT((const uint8_t *) s, i, (int32_t) r->len, cps[n]);
        n++;
    }
    if (n < 3 || !all_han(cps, n))
        return;

    for (int pos = 0; pos < n; pos++) {
        memcpy(v, cps, sizeof(UChar32) * (size_t) n);
        if (kind != TL_KIND_CONTACT) {
            v[pos] = 0x67D0; /* 某 */
            add_variant(g, r->entry, v, n, TL_VARIANT_PLACEHOLDER);
        }
        struct homophone key = { cps[pos], 0 };
        const struct homophone *h = tl_bsearch(&key, g->ld->homophones, g->ld->n_homophones,
                                            sizeof(key), cmp_homophone);
        if (!h)
            continue;
        /* A copy: adding variants may move the pool. */
        char alt[64];
        snprintf(alt, sizeof(alt), "%s", lex->pool.data + h->variants);
        int32_t k = 0, alen = (int32_t) strlen(alt);
        while (k < alen) {
            U8_NEXT((const uint8_t *) alt, k, alen, v[pos]);
            add_variant(g, r->entry, v, n, TL_VARIANT_HOMOPHONE);
        }
    }
}

/* Attaches each variants.tsv line to the entry it names. */
static void
resolve_variants(struct loader *ld, const struct generator *g)
{
    struct tl_lexicon *lex = ld->lex;
    struct name_key *keys = malloc((lex->n_entries + 1) * sizeof(*keys));

    if (!keys) {
        ld->status = TITLELINT_ERROR_NOMEM;
        return;
    }
    for (size_t i = 0; i < lex->n_entries; i++)
        keys[i] = (struct name_key){ lex->pool.data + lex->entries[i].norm_name,
                                     lex->entries[i].kind, (uint32_t) i };
    tl_qsort(keys, lex->n_entries, sizeof(*keys), cmp_name_key);
    for (size_t i = 0; i < ld->n_vlines; i++) {
        const struct variant_line *v = &ld->vlines[i];
        struct name_key want = { lex->pool.data + v->name, v->kind, 0 };
        const struct name_key *k = tl_bsearch(&want, keys, lex->n_entries, sizeof(*keys),
                                           cmp_name_key);
        if (!k) {
            ld->path = lex->files[v->file];
            ld->line = v->line;
            LOAD_ERROR(ld, "no %s named '%s' for this variant",
                       v->kind == TL_KIND_BRAND ? "brand" :
                       v->kind == TL_KIND_PERSON ? "person" : "contact word",
                       lex->pool.data + v->name);
            continue;
        }
        const char *variant = lex->pool.data + v->variant;
        if (tl_bsearch(&variant, g->existing, g->n_existing, sizeof(char *), cmp_cstr))
            continue;
        struct raw_term t = { .str = v->variant, .entry = k->entry, .variant = v->how,
                              .generated = v->generated };
        t.len = (uint32_t) strlen(variant);
        if (!grow_array(&ld->raw, &ld->cap_raw, ld->n_raw + 1, sizeof(*ld->raw))) {
            ld->status = TITLELINT_ERROR_NOMEM;
            break;
        }
        ld->raw[ld->n_raw++] = t;
    }
    ld->line = 0;
    free(keys);
}

/* The normal terms, sorted, copied out of the pool (which grows while
 * variants are added): a variant never shadows a real name or alias. */
static bool
collect_existing(struct generator *g, char **copy)
{
    struct loader *ld = g->ld;

    g->existing = malloc((ld->n_raw + 1) * sizeof(char *));
    *copy = malloc(ld->lex->pool.len + 1);
    if (!g->existing || !*copy)
        return false;
    memcpy(*copy, ld->lex->pool.data, ld->lex->pool.len);
    for (size_t i = 0; i < ld->n_raw; i++)
        if (!ld->raw[i].clear && ld->raw[i].variant == TL_VARIANT_NONE)
            g->existing[g->n_existing++] = *copy + ld->raw[i].str;
    tl_qsort(g->existing, g->n_existing, sizeof(char *), cmp_cstr);
    return true;
}

static void
generate_variants(struct loader *ld)
{
    struct generator g = { .ld = ld };
    char *copy = NULL;

    tl_qsort(ld->homophones, ld->n_homophones, sizeof(*ld->homophones), cmp_homophone);
    if (ld->lex->n_lookalikes)
        tl_qsort(ld->lex->lookalikes, ld->lex->n_lookalikes, sizeof(*ld->lex->lookalikes),
              cmp_lookalike);
    if (!collect_existing(&g, &copy)) {
        ld->status = TITLELINT_ERROR_NOMEM;
        goto out;
    }
    size_t n = ld->n_raw;
    resolve_variants(ld, &g);
    for (size_t i = 0; i < n && ld->status != TITLELINT_ERROR_NOMEM; i++) {
        const struct raw_term *r = &ld->raw[i];
        uint8_t kind = ld->lex->entries[r->entry].kind;
        if (!r->clear && r->variant == TL_VARIANT_NONE &&
            (kind == TL_KIND_BRAND || kind == TL_KIND_PERSON || kind == TL_KIND_CONTACT)) {
            struct raw_term copy_r = *r;   /* ld->raw may move while adding */
            generate_for_term(&g, &copy_r);
        }
    }
out:
    free(g.existing);
    free(copy);
}

static int
raw_rank(const struct raw_term *r)
{
    if (r->variant == TL_VARIANT_NONE)
        return 0;
    if (!r->generated)
        return 1;
    return r->variant == TL_VARIANT_HOMOPHONE || r->variant == TL_VARIANT_PLACEHOLDER ? 3 : 2;
}

static int
cmp_raw(const void *a, const void *b)
{
    const struct raw_term *x = a, *y = b;
    int c = strcmp(x->s, y->s);

    if (c)
        return c;
    if (x->entry != y->entry)
        return x->entry < y->entry ? -1 : 1;
    if (x->clear != y->clear)
        return (int) x->clear - (int) y->clear;
    /* One string reached by several routes keeps the surest: a real name,
     * a written variant, a deterministic one (traditional, pinyin), a
     * guess (homophone, 某) last -- 香奈兒 is traditional, not a guess. */
    if (raw_rank(x) != raw_rank(y))
        return raw_rank(x) - raw_rank(y);
    return (int) x->variant - (int) y->variant;
}

/* Groups identical strings into patterns and builds the automaton. */
static bool
compile_terms(struct loader *ld)
{
    struct tl_lexicon *lex = ld->lex;
    const char *pool = lex->pool.data;

    for (size_t i = 0; i < ld->n_raw; i++)
        ld->raw[i].s = pool + ld->raw[i].str;
    tl_qsort(ld->raw, ld->n_raw, sizeof(*ld->raw), cmp_raw);

    lex->terms = malloc((ld->n_raw + 1) * sizeof(*lex->terms));
    lex->term_first = malloc((ld->n_raw + 1) * sizeof(uint32_t));
    lex->pattern_str = malloc((ld->n_raw + 1) * sizeof(uint32_t));
    const char **pats = malloc((ld->n_raw + 1) * sizeof(char *));
    uint32_t *lens = malloc((ld->n_raw + 1) * sizeof(uint32_t));
    if (!lex->terms || !lex->term_first || !lex->pattern_str || !pats || !lens) {
        free(pats);
        free(lens);
        return false;
    }
    size_t np = 0, nt = 0;
    for (size_t i = 0; i < ld->n_raw; i++) {
        const struct raw_term *r = &ld->raw[i];
        bool new_pattern = i == 0 || strcmp(r->s, ld->raw[i - 1].s);
        if (new_pattern) {
            lex->term_first[np] = (uint32_t) nt;
            lex->pattern_str[np] = r->str;
            pats[np] = pool + r->str;
            lens[np] = r->len;
            np++;
        } else if (r->entry == ld->raw[i - 1].entry && r->clear == ld->raw[i - 1].clear) {
            continue;  /* the same alias listed twice for one entry */
        }
        lex->terms[nt++] = (struct tl_term){ .entry = r->entry, .clear = r->clear,
                                             .generated = r->generated,
                                             .variant = r->variant };
    }
    lex->term_first[np] = (uint32_t) nt;
    lex->n_terms = nt;
    lex->n_patterns = np;
    lex->ac = tl_ac_build(pats, lens, np);
    free(pats);
    free(lens);
    return lex->ac != NULL;
}

struct tl_lexicon *
tl_lexicon_load(const char *const *dirs, size_t n_dirs, tl_lexicon_log_fn log,
                void *log_ud, int *status)
{
    struct loader ld = { .log = log, .log_ud = log_ud };

    ld.lex = calloc(1, sizeof(*ld.lex));
    ld.n2 = tl_normalizer_get();
    if (!ld.lex || !(ld.lex->regexes = tl_regex_set_new())) {
        ld.status = TITLELINT_ERROR_NOMEM;
        goto out;
    }
    if (!ld.n2) {
        ld.status = TITLELINT_ERROR_ICU;
        goto out;
    }
    /* Offset 0 of the pool is the empty string. */
    pool_add(&ld, "", 0);
    for (size_t i = 0; i < n_dirs && ld.status != TITLELINT_ERROR_NOMEM; i++) {
        ld.dir = (uint32_t) i;
        load_dir(&ld, dirs[i]);
    }
    if (ld.status != TITLELINT_ERROR_NOMEM)
        check_duplicates(&ld);
    if (!ld.status)
        generate_variants(&ld);

    if (!ld.status && (!compile_terms(&ld) || !tl_regex_set_finish(ld.lex->regexes)))
        ld.status = TITLELINT_ERROR_NOMEM;

out:
    free(ld.raw);
    free(ld.vlines);
    free(ld.homophones);
    tl_text_finish(&ld.text);
    *status = ld.status;
    if (ld.status) {
        tl_lexicon_free(ld.lex);
        return NULL;
    }
    return ld.lex;
}

void
tl_lexicon_free(struct tl_lexicon *lex)
{
    if (!lex)
        return;
    strbuf_finish(&lex->pool);
    free(lex->entries);
    for (size_t i = 0; i < lex->n_files; i++)
        free(lex->files[i]);
    free(lex->files);
    free(lex->terms);
    free(lex->term_first);
    free(lex->pattern_str);
    tl_ac_free(lex->ac);
    tl_regex_set_free(lex->regexes);
    free(lex->lookalikes);
    free(lex);
}
