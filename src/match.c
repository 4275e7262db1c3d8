#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#if HAVE_VALGRIND_H
#include <valgrind/valgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#endif

#include <unicode/uset.h>
#include <unicode/utf8.h>

#include "match.h"
#include "util.h"

/* ---- Aho-Corasick ------------------------------------------------------ */

/*
 * Node 0 is the root.  Children of a node are contiguous in edge_label /
 * edge_target, sorted by label; the root also has a dense table.  out is
 * the pattern ending at the node (or -1), dict the nearest node on the
 * failure chain that ends a pattern (0 when none).
 */
struct tl_ac {
    uint32_t root_next[256];
    uint32_t *edge_start;     /* [n_nodes + 1] */
    uint8_t *edge_label;
    uint32_t *edge_target;
    uint32_t *fail;
    uint32_t *dict;
    int32_t *out;
    uint32_t *pat_len;
    size_t n_nodes;
};

struct build_node {
    uint32_t first_child, next_sibling;
    int32_t out;
    uint8_t label;
};

static uint32_t
build_child(const struct build_node *nodes, uint32_t u, uint8_t c)
{
    for (uint32_t v = nodes[u].first_child; v; v = nodes[v].next_sibling) {
        if (nodes[v].label == c)
            return v;
        if (nodes[v].label > c)
            break;
    }
    return 0;
}

static inline uint32_t
ac_next(const struct tl_ac *ac, uint32_t s, uint8_t c)
{
    if (s == 0)
        return ac->root_next[c];
    uint32_t lo = ac->edge_start[s], hi = ac->edge_start[s + 1];
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        uint8_t l = ac->edge_label[mid];
        if (l == c)
            return ac->edge_target[mid];
        if (l < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

struct tl_ac *
tl_ac_build(const char *const *patterns, const uint32_t *lens, size_t n)
{
    struct build_node *nodes = NULL;
    size_t n_nodes = 1, cap = 0;
    uint32_t *queue = NULL;
    struct tl_ac *ac = calloc(1, sizeof(*ac));

    if (!ac || !grow_array(&nodes, &cap, 1, sizeof(*nodes)))
        goto fail;
    memset(&nodes[0], 0, sizeof(nodes[0]));
    nodes[0].out = -1;

    /* The trie, children kept sorted by label.  The root has thousands
     * of children: a direct table keeps building linear. */
    uint32_t root_child[256] = { 0 };
    for (size_t p = 0; p < n; p++) {
        uint32_t u = 0;
        for (uint32_t i = 0; i < lens[p]; i++) {
            uint8_t c = (uint8_t) patterns[p][i];
            uint32_t v = u == 0 ? root_child[c] : build_child(nodes, u, c);
            if (!v) {
                if (!grow_array(&nodes, &cap, n_nodes + 1, sizeof(*nodes)))
                    goto fail;
                v = (uint32_t) n_nodes++;
                nodes[v] = (struct build_node){ .out = -1, .label = c };
                uint32_t *link = &nodes[u].first_child;
                while (*link && nodes[*link].label < c)
                    link = &nodes[*link].next_sibling;
                nodes[v].next_sibling = *link;
                *link = v;
                if (u == 0)
                    root_child[c] = v;
            }
            u = v;
        }
        nodes[u].out = (int32_t) p;
    }

    ac->n_nodes = n_nodes;
    ac->edge_start = calloc(n_nodes + 1, sizeof(uint32_t));
    ac->edge_label = malloc(n_nodes);
    ac->edge_target = calloc(n_nodes, sizeof(uint32_t));
    ac->fail = calloc(n_nodes, sizeof(uint32_t));
    ac->dict = calloc(n_nodes, sizeof(uint32_t));
    ac->out = malloc(n_nodes * sizeof(int32_t));
    ac->pat_len = malloc((n ? n : 1) * sizeof(uint32_t));
    queue = malloc(n_nodes * sizeof(uint32_t));
    if (!ac->edge_start || !ac->edge_label || !ac->edge_target || !ac->fail ||
        !ac->dict || !ac->out || !ac->pat_len || !queue)
        goto fail;
    if (n)
        memcpy(ac->pat_len, lens, n * sizeof(uint32_t));

    /* Flatten the child lists (edges of node u stay contiguous). */
    uint32_t e = 0;
    for (uint32_t u = 0; u < n_nodes; u++) {
        ac->edge_start[u] = e;
        ac->out[u] = nodes[u].out;
        for (uint32_t v = nodes[u].first_child; v; v = nodes[v].next_sibling) {
            ac->edge_label[e] = nodes[v].label;
            ac->edge_target[e++] = v;
        }
    }
    ac->edge_start[n_nodes] = e;
    for (uint32_t v = nodes[0].first_child; v; v = nodes[v].next_sibling)
        ac->root_next[nodes[v].label] = v;

    /* Failure and dictionary links, breadth first. */
    size_t head = 0, tail = 0;
    for (uint32_t v = nodes[0].first_child; v; v = nodes[v].next_sibling)
        queue[tail++] = v;
    while (head < tail) {
        uint32_t u = queue[head++];
        for (uint32_t i = ac->edge_start[u]; i < ac->edge_start[u + 1]; i++) {
            uint32_t v = ac->edge_target[i];
            uint8_t c = ac->edge_label[i];
            uint32_t f = ac->fail[u];
            uint32_t t;
            while ((t = ac_next(ac, f, c)) == 0 && f != 0)
                f = ac->fail[f];
            ac->fail[v] = t;
            ac->dict[v] = ac->out[t] >= 0 ? t : ac->dict[t];
            queue[tail++] = v;
        }
    }
    free(queue);
    free(nodes);
    return ac;

fail:
    free(queue);
    free(nodes);
    tl_ac_free(ac);
    return NULL;
}

void
tl_ac_free(struct tl_ac *ac)
{
    if (!ac)
        return;
    free(ac->edge_start);
    free(ac->edge_label);
    free(ac->edge_target);
    free(ac->fail);
    free(ac->dict);
    free(ac->out);
    free(ac->pat_len);
    free(ac);
}

size_t
tl_ac_node_count(const struct tl_ac *ac)
{
    return ac->n_nodes;
}

static bool
ascii_letter(uint8_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool
ascii_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

static void
scan(const struct tl_ac *ac, const char *text, size_t len, bool words,
     tl_match_fn fn, void *ud)
{
    uint32_t s = 0;

    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t) text[i];
        uint32_t t;
        while ((t = ac_next(ac, s, c)) == 0 && s != 0)
            s = ac->fail[s];
        s = t;
        if (words && i + 1 < len) {
            uint8_t n = (uint8_t) text[i + 1];
            if ((ascii_letter(c) && ascii_letter(n)) || (ascii_digit(c) && ascii_digit(n)))
                continue;
        }
        for (uint32_t u = ac->out[s] >= 0 ? s : ac->dict[s]; u; u = ac->dict[u]) {
            uint32_t p = (uint32_t) ac->out[u];
            if (!fn(ud, p, i + 1 - ac->pat_len[p], i + 1))
                return;
        }
    }
}

void
tl_ac_scan(const struct tl_ac *ac, const char *text, size_t len,
           tl_match_fn fn, void *ud)
{
    scan(ac, text, len, false, fn, ud);
}

void
tl_ac_scan_words(const struct tl_ac *ac, const char *text, size_t len,
                 tl_match_fn fn, void *ud)
{
    scan(ac, text, len, true, fn, ud);
}

/* ---- PCRE2 ------------------------------------------------------------- */

struct regex {
    pcre2_code *code;
    uint32_t id;
    bool jit;
    /* anchored: the characters a match can start with are known (the set
     * table holds them) and code was compiled PCRE2_ANCHORED: it is run
     * only at those characters of a title.  Otherwise code is run as an
     * ordinary search, skipped when has_first says no byte of the title
     * can start a match. */
    bool anchored;
    bool has_first;          /* first[] holds the bytes a match can start with */
    uint8_t first[32];
    USet *start;             /* anchored: the start characters, until finish */
};

/*
 * The start-character table of the anchored patterns (tl_regex_set_finish):
 * for a character, a bit mask of the patterns that may match from it, in
 * rows of `words` 64-bit words.  ASCII characters index ascii directly;
 * other characters are found by binary search in cps (sorted), rows in
 * cp_rows; a character not listed gets other_row (the patterns whose start
 * set is too large to list, e.g. any non-ASCII letter), NULL if none.
 */
struct tl_regex_set {
    struct regex *items;
    size_t n, cap;
    size_t words;
    uint64_t *ascii;         /* [128 * words] */
    uint32_t *cps;           /* [n_cps] */
    uint64_t *cp_rows;       /* [n_cps * words] */
    size_t n_cps;
    uint64_t *other_row;     /* [words] or NULL */
    bool finished;
};

struct tl_regex_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    /* Per title: byte offset and start-table row of each character. */
    uint32_t *pos;
    const uint64_t **row;
    size_t cap_pos, cap_row;
    uint64_t *title_mask;    /* [words]: OR of the rows of the title */
    size_t words;            /* of the set's table when the scratch was made */
    bool use_table;          /* this title: the set's table is in force */
    /* This title is valid UTF-8 (checked while splitting it into
     * characters): PCRE2 need not check it again at every call, which
     * costs a pass over the title each time. */
    bool valid_utf8;
};

/*
 * Start characters.  Most patterns of patterns.tsv open with a look-behind
 * ((?<![0-9.])[0-9]+...), which hides from PCRE2 what a match starts with:
 * it then tries every position of every title.  start_chars() works the
 * set out itself from the pattern text: assertions match no characters and
 * are skipped (leaving one out only widens the set), groups, alternatives,
 * classes, literals and quantifiers are followed, and anything else (\d,
 * ., options, back-references ...) gives up, leaving the pattern to the
 * ordinary search.  The set is closed over case as PCRE2_CASELESS needs.
 * Only what must be exact is exact: a larger set costs time, never matches.
 */
struct start_parser {
    const char *p, *end;
    bool fail;
};

static bool sp_alt(struct start_parser *sp, USet *first);

static UChar32
sp_utf8(struct start_parser *sp)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT((const uint8_t *) sp->p, i, (int32_t) (sp->end - sp->p), c);
    sp->p += i;
    if (c < 0)
        sp->fail = true;
    return c;
}

static void
sp_add_space(USet *set)
{
    /* \s with PCRE2_UCP: Unicode white space, plus U+180E (\h). */
    UErrorCode err = U_ZERO_ERROR;
    USet *ws = uset_openPattern(u"[[:White_Space:]\\u180E]", -1, &err);
    if (U_SUCCESS(err))
        uset_addAll(set, ws);
    uset_close(ws);
    uset_addRange(set, '\t', '\r');
    uset_add(set, ' ');
}

/*
 * One escape after the backslash: a character (returned), \s (-2, added to
 * @set when not NULL), an assertion such as \b (-3), or anything else:
 * sp->fail.  Inside a class \b is a backspace.
 */
static UChar32
sp_escape(struct start_parser *sp, bool in_class)
{
    if (sp->p >= sp->end) {
        sp->fail = true;
        return -1;
    }
    char c = *sp->p;
    if ((uint8_t) c >= 0x80)
        return sp_utf8(sp);
    sp->p++;
    switch (c) {
    case 's': return -2;
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'e': return 0x1B;
    case 'a': return 0x07;
    case 'b': return in_class ? 0x08 : -3;
    case 'B': case 'A': case 'z': case 'Z': case 'G':
        if (!in_class)
            return -3;
        break;
    case 'x': {
        uint32_t v = 0;
        int digits = 0;
        bool brace = sp->p < sp->end && *sp->p == '{';
        if (brace)
            sp->p++;
        while (sp->p < sp->end && digits < (brace ? 8 : 2)) {
            char h = *sp->p;
            int d = h >= '0' && h <= '9' ? h - '0'
                  : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10 : -1;
            if (d < 0)
                break;
            v = v * 16 + (uint32_t) d;
            digits++;
            sp->p++;
        }
        if (brace && (sp->p >= sp->end || *sp->p++ != '}'))
            break;
        if (v > 0x10FFFF)
            break;
        return (UChar32) v;
    }
    default:
        /* An escaped punctuation character is itself. */
        if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
            !(c >= 'A' && c <= 'Z'))
            return (UChar32) (uint8_t) c;
        break;
    }
    sp->fail = true;
    return -1;
}

/* A class after its '['; adds its members to @first (when not NULL). */
static void
sp_class(struct start_parser *sp, USet *first)
{
    bool at_start = true;

    if (sp->p < sp->end && *sp->p == '^') {
        sp->fail = true;   /* negated: nearly everything */
        return;
    }
    while (!sp->fail) {
        if (sp->p >= sp->end) {
            sp->fail = true;
            return;
        }
        if (*sp->p == ']' && !at_start) {
            sp->p++;
            return;
        }
        at_start = false;
        if (*sp->p == '[' && sp->p + 1 < sp->end && sp->p[1] == ':') {
            sp->fail = true;   /* POSIX class */
            return;
        }
        UChar32 lo;
        if (*sp->p == '\\') {
            sp->p++;
            lo = sp_escape(sp, true);
            if (lo == -2) {
                if (first)
                    sp_add_space(first);
                continue;
            }
        } else {
            lo = sp_utf8(sp);
        }
        if (sp->fail || lo < 0) {
            sp->fail = true;
            return;
        }
        UChar32 hi = lo;
        if (sp->p + 1 < sp->end && sp->p[0] == '-' && sp->p[1] != ']') {
            sp->p++;
            if (*sp->p == '\\') {
                sp->p++;
                hi = sp_escape(sp, true);
            } else {
                hi = sp_utf8(sp);
            }
            if (sp->fail || hi < lo) {
                sp->fail = true;
                return;
            }
        }
        if (first)
            uset_addRange(first, lo, hi);
    }
}

/* A quantifier after an item, if any; returns whether it allows zero. */
static bool
sp_quantifier(struct start_parser *sp, bool nullable)
{
    if (sp->p >= sp->end)
        return nullable;
    char c = *sp->p;
    if (c == '?' || c == '*') {
        sp->p++;
        nullable = true;
    } else if (c == '+') {
        sp->p++;
    } else if (c == '{') {
        /* {n}, {n,} or {n,m}; anything else is a literal '{' in PCRE2
         * 10.42, too rare here to be worth following: give up. */
        const char *q = sp->p + 1;
        unsigned min = 0;
        bool digits = false;
        while (q < sp->end && *q >= '0' && *q <= '9') {
            min = min * 10 + (unsigned) (*q++ - '0');
            digits = true;
        }
        if (q < sp->end && *q == ',')
            for (q++; q < sp->end && *q >= '0' && *q <= '9'; q++)
                ;
        if (!digits || q >= sp->end || *q != '}') {
            sp->fail = true;
            return nullable;
        }
        sp->p = q + 1;
        if (min == 0)
            nullable = true;
    } else {
        return nullable;
    }
    if (sp->p < sp->end && (*sp->p == '?' || *sp->p == '+'))
        sp->p++;   /* lazy or possessive */
    return nullable;
}

/* One item and its quantifier; returns whether it can match empty. */
static bool
sp_item(struct start_parser *sp, USet *first)
{
    char c = *sp->p;
    bool nullable = false;

    if (c == '(') {
        sp->p++;
        bool assertion = false;
        if (sp->p < sp->end && *sp->p == '?') {
            const char *q = sp->p + 1;
            if (q < sp->end && (*q == ':' || *q == '>')) {
                sp->p = q + 1;
            } else if (q < sp->end && (*q == '=' || *q == '!')) {
                sp->p = q + 1;
                assertion = true;
            } else if (q + 1 < sp->end && *q == '<' && (q[1] == '=' || q[1] == '!')) {
                sp->p = q + 2;
                assertion = true;
            } else {
                sp->fail = true;   /* options, names, conditions, comments */
                return false;
            }
        } else if (sp->p < sp->end && *sp->p == '*') {
            sp->fail = true;       /* verbs and (*pla: ...) */
            return false;
        }
        /* An assertion's characters are not the match's: parsed, not kept. */
        nullable = sp_alt(sp, assertion ? NULL : first) || assertion;
        if (sp->p >= sp->end || *sp->p != ')') {
            sp->fail = true;
            return false;
        }
        sp->p++;
    } else if (c == '[') {
        sp->p++;
        sp_class(sp, first);
    } else if (c == '\\') {
        sp->p++;
        UChar32 e = sp_escape(sp, false);
        if (e == -2 && first)
            sp_add_space(first);
        else if (e == -3)
            nullable = true;
        else if (e >= 0 && first)
            uset_add(first, e);
    } else if (c == '^' || c == '$') {
        sp->p++;
        nullable = true;
    } else if (c == '.' || c == '*' || c == '+' || c == '?' || c == '{') {
        sp->fail = true;
        return false;
    } else {
        UChar32 ch = sp_utf8(sp);
        if (!sp->fail && first)
            uset_add(first, ch);
    }
    return sp_quantifier(sp, nullable);
}

/* Alternatives up to ')' or the end; returns whether one can match empty.
 * The start characters go to @first, NULL to only parse. */
static bool
sp_alt(struct start_parser *sp, USet *first)
{
    bool nullable = false;

    for (;;) {
        bool open = true;   /* every item so far can match empty */
        while (!sp->fail && sp->p < sp->end && *sp->p != '|' && *sp->p != ')')
            open = sp_item(sp, open ? first : NULL) && open;
        nullable = nullable || open;
        if (sp->fail || sp->p >= sp->end || *sp->p != '|')
            return nullable;
        sp->p++;
    }
}

/* The start characters of @pattern (caseless), or NULL when unknown or
 * when the pattern can match the empty string. */
static USet *
start_chars(const char *pattern)
{
    struct start_parser sp = { .p = pattern, .end = pattern + strlen(pattern) };
    USet *first = uset_openEmpty();

    if (!first)
        return NULL;
    bool nullable = sp_alt(&sp, first);
    if (sp.fail || nullable || sp.p != sp.end) {
        uset_close(first);
        return NULL;
    }
    uset_closeOver(first, USET_CASE_INSENSITIVE);
    uset_removeAllStrings(first);
    return first;
}

struct tl_regex_set *
tl_regex_set_new(void)
{
    return calloc(1, sizeof(struct tl_regex_set));
}

void
tl_regex_set_free(struct tl_regex_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++) {
        pcre2_code_free(set->items[i].code);
        uset_close(set->items[i].start);
    }
    free(set->items);
    free(set->ascii);
    free(set->cps);
    free(set->cp_rows);
    free(set->other_row);
    free(set);
}

size_t
tl_regex_set_count(const struct tl_regex_set *set)
{
    return set->n;
}

bool
tl_regex_set_add(struct tl_regex_set *set, const char *pattern, uint32_t id,
                 char *err, size_t errlen)
{
    int code;
    PCRE2_SIZE off;
    USet *start = set->finished ? NULL : start_chars(pattern);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
                                   (start ? PCRE2_ANCHORED : 0),
                                   &code, &off, NULL);
    if (!re) {
        uset_close(start);
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof(msg));
        snprintf(err, errlen, "%s at offset %zu", (const char *) msg, (size_t) off);
        return false;
    }
    if (!grow_array(&set->items, &set->cap, set->n + 1, sizeof(*set->items))) {
        pcre2_code_free(re);
        uset_close(start);
        snprintf(err, errlen, "out of memory");
        return false;
    }
    /* JIT is an optimization: without it (no JIT on this CPU, or under
     * valgrind, which takes JIT code for reads of uninitialised memory)
     * the interpreter gives the same matches. */
    bool jit = !RUNNING_ON_VALGRIND && pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
    struct regex r = { .code = re, .id = id, .jit = jit, .anchored = start != NULL,
                       .start = start };
    /* PCRE2's start-of-match bitmap doubles as a prefilter: a title with
     * none of those bytes cannot match, and is not scanned at all. */
    const uint8_t *map = NULL;
    uint32_t type = 0;
    if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &map) == 0 && map) {
        memcpy(r.first, map, sizeof(r.first));
        r.has_first = true;
    } else if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 && type == 1) {
        uint32_t cu;
        pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &cu);
        r.first[(cu & 0xFF) / 8] |= (uint8_t) (1u << (cu % 8));
        /* caseless: the other case may start a match too */
        if (cu < 0x80 && ((cu | 0x20) >= 'a' && (cu | 0x20) <= 'z'))
            r.first[((cu ^ 0x20) & 0xFF) / 8] |= (uint8_t) (1u << ((cu ^ 0x20) % 8));
        r.has_first = true;
    }
    set->items[set->n++] = r;
    return true;
}

/* Sets are small (tens of characters) but for \s and the like: past this
 * many non-ASCII characters a set is taken as "every non-ASCII one". */
#define TL_REGEX_MAX_LISTED 4096

static uint64_t *
row_of_cp(const struct tl_regex_set *set, uint32_t cp)
{
    size_t lo = 0, hi = set->n_cps;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (set->cps[mid] == cp)
            return &set->cp_rows[mid * set->words];
        if (set->cps[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int
cmp_cp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
    return x < y ? -1 : x > y;
}

/* Appends the code points of @set above ASCII to @cps (no duplicates
 * removed); returns false when they are too many to list. */
static bool
list_cps(const USet *set, uint32_t **cps, size_t *n, size_t *cap)
{
    UErrorCode err = U_ZERO_ERROR;
    size_t count = 0;
    for (int32_t i = 0; i < uset_getItemCount(set); i++) {
        UChar32 lo, hi;
        if (uset_getItem(set, i, &lo, &hi, NULL, 0, &err) != 0 || U_FAILURE(err))
            continue;   /* a string */
        if (hi < 0x80)
            continue;
        if (lo < 0x80)
            lo = 0x80;
        count += (size_t) (hi - lo) + 1;
        if (count > TL_REGEX_MAX_LISTED)
            return false;
        for (UChar32 c = lo; c <= hi; c++) {
            if (!grow_array(cps, cap, *n + 1, sizeof(**cps)))
                return false;
            (*cps)[(*n)++] = (uint32_t) c;
        }
    }
    return true;
}

bool
tl_regex_set_finish(struct tl_regex_set *set)
{
    uint32_t *cps = NULL;
    size_t n_cps = 0, cap = 0;
    size_t words = (set->n + 63) / 64;

    if (set->finished)
        return true;
    set->words = words ? words : 1;
    set->ascii = calloc(128 * set->words, sizeof(uint64_t));
    set->other_row = calloc(set->words, sizeof(uint64_t));
    if (!set->ascii || !set->other_row)
        goto fail;
    /* First pass: the listed characters, and the patterns that take any. */
    bool any_other = false;
    for (size_t i = 0; i < set->n; i++) {
        const struct regex *re = &set->items[i];
        if (!re->anchored)
            continue;
        for (uint32_t c = 0; c < 128; c++)
            if (uset_contains(re->start, (UChar32) c))
                set->ascii[c * set->words + i / 64] |= UINT64_C(1) << (i % 64);
        size_t before = n_cps;
        if (!list_cps(re->start, &cps, &n_cps, &cap)) {
            n_cps = before;
            set->other_row[i / 64] |= UINT64_C(1) << (i % 64);
            any_other = true;
        }
    }
    if (n_cps)
        qsort(cps, n_cps, sizeof(*cps), cmp_cp);
    size_t k = 0;
    for (size_t i = 0; i < n_cps; i++)
        if (k == 0 || cps[k - 1] != cps[i])
            cps[k++] = cps[i];
    set->cps = cps;
    set->n_cps = k;
    set->cp_rows = calloc(k ? k * set->words : 1, sizeof(uint64_t));
    if (!set->cp_rows)
        goto fail;
    /* Second pass: each listed character's row, with the "any" patterns. */
    for (size_t c = 0; c < k; c++) {
        uint64_t *row = &set->cp_rows[c * set->words];
        for (size_t w = 0; w < set->words; w++)
            row[w] = set->other_row[w];
    }
    for (size_t i = 0; i < set->n; i++) {
        struct regex *re = &set->items[i];
        if (!re->anchored)
            continue;
        if (!(set->other_row[i / 64] & (UINT64_C(1) << (i % 64)))) {
            UErrorCode err = U_ZERO_ERROR;
            for (int32_t j = 0; j < uset_getItemCount(re->start); j++) {
                UChar32 lo, hi;
                if (uset_getItem(re->start, j, &lo, &hi, NULL, 0, &err) != 0 ||
                    U_FAILURE(err) || hi < 0x80)
                    continue;
                for (UChar32 ch = lo < 0x80 ? 0x80 : lo; ch <= hi; ch++)
                    row_of_cp(set, (uint32_t) ch)[i / 64] |= UINT64_C(1) << (i % 64);
            }
        }
        uset_close(re->start);
        re->start = NULL;
    }
    if (!any_other) {
        free(set->other_row);
        set->other_row = NULL;
    }
    set->finished = true;
    return true;

fail:
    free(cps);
    free(set->ascii);
    free(set->other_row);
    set->ascii = NULL;
    set->other_row = NULL;
    set->cps = NULL;
    return false;
}

struct tl_regex_scratch *
tl_regex_scratch_new(const struct tl_regex_set *set)
{
    struct tl_regex_scratch *s = calloc(1, sizeof(*s));

    if (!s)
        return NULL;
    s->md = pcre2_match_data_create(16, NULL);
    s->mctx = pcre2_match_context_create(NULL);
    s->words = set->finished ? set->words : 0;
    s->title_mask = calloc(set->words ? set->words : 1, sizeof(uint64_t));
    if (!s->md || !s->mctx || !s->title_mask) {
        tl_regex_scratch_free(s);
        return NULL;
    }
    pcre2_set_match_limit(s->mctx, TL_REGEX_MATCH_LIMIT);
    pcre2_set_depth_limit(s->mctx, TL_REGEX_DEPTH_LIMIT);
    return s;
}

void
tl_regex_scratch_free(struct tl_regex_scratch *scratch)
{
    if (!scratch)
        return;
    pcre2_match_data_free(scratch->md);
    pcre2_match_context_free(scratch->mctx);
    free(scratch->pos);
    free(scratch->row);
    free(scratch->title_mask);
    free(scratch);
}

/* @re gave up on the text with PCRE2's error @rc: counted, and said
 * through @limit (may be NULL). */
static void
give_up(const struct regex *re, int rc, tl_limit_fn limit, void *ud, size_t *gave_up)
{
    (*gave_up)++;
    if (limit)
        limit(ud, re->id, rc == PCRE2_ERROR_MATCHLIMIT ? TL_REGEX_GAVE_UP_MATCH_LIMIT
                          : rc == PCRE2_ERROR_DEPTHLIMIT ? TL_REGEX_GAVE_UP_DEPTH_LIMIT
                          : TL_REGEX_GAVE_UP_OTHER);
}

/* Reports each non-overlapping match of @re: an ordinary search.
 * Returns false when @fn asked to stop. */
static bool
search(const struct regex *re, struct tl_regex_scratch *scratch, const char *text,
       size_t len, tl_match_fn fn, tl_limit_fn limit, void *ud, size_t *gave_up)
{
    uint32_t opts = scratch->valid_utf8 ? PCRE2_NO_UTF_CHECK : 0;
    PCRE2_SIZE at = 0;

    while (at <= len) {
        int rc = pcre2_match(re->code, (PCRE2_SPTR) text, len, at, opts,
                             scratch->md, scratch->mctx);
        if (rc < 0) {
            if (rc != PCRE2_ERROR_NOMATCH)
                give_up(re, rc, limit, ud, gave_up);
            break;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(scratch->md);
        if (ov[1] > ov[0] && !fn(ud, re->id, ov[0], ov[1]))
            return false;
        if (ov[1] > ov[0]) {
            at = ov[1];
        } else {
            /* Empty match: step over one UTF-8 character. */
            at = ov[1] + 1;
            while (at < len && ((uint8_t) text[at] & 0xC0) == 0x80)
                at++;
        }
    }
    return true;
}

/*
 * The same for an anchored pattern, tried only at the characters that can
 * start it: what an ordinary search finds, since a search is an anchored
 * match tried at each position in turn (the patterns use no backtracking
 * verbs, which could tell the two apart).  @bit selects the pattern in the
 * rows; with @bit 0 every character is tried (the set is not finished).
 */
static bool
search_anchored(const struct regex *re, size_t index, struct tl_regex_scratch *scratch,
                size_t n_chars, const char *text, size_t len, tl_match_fn fn,
                tl_limit_fn limit, void *ud, size_t *gave_up)
{
    size_t word = index / 64;
    uint64_t bit = UINT64_C(1) << (index % 64);
    size_t at = 0;
    uint32_t opts = scratch->valid_utf8 ? PCRE2_NO_UTF_CHECK : 0;

    for (size_t k = 0; k < n_chars; k++) {
        const uint64_t *row = scratch->row[k];
        size_t p = scratch->pos[k];
        if (p < at || (scratch->use_table && !(row && (row[word] & bit))))
            continue;
        /* Valid UTF-8 and JIT code: pcre2_jit_match() skips the checks
         * pcre2_match() makes at each of these many short calls. */
        int rc = re->jit && scratch->valid_utf8
            ? pcre2_jit_match(re->code, (PCRE2_SPTR) text, len, p, 0,
                              scratch->md, scratch->mctx)
            : pcre2_match(re->code, (PCRE2_SPTR) text, len, p, opts,
                          scratch->md, scratch->mctx);
        if (rc < 0) {
            if (rc == PCRE2_ERROR_NOMATCH)
                continue;
            /* A limit: the pattern is given up for this title, as the
             * ordinary search gives it up. */
            give_up(re, rc, limit, ud, gave_up);
            return true;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(scratch->md);
        if (ov[1] > ov[0]) {
            if (!fn(ud, re->id, ov[0], ov[1]))
                return false;
            at = ov[1];
        }
    }
    return true;
}

size_t
tl_regex_scan(const struct tl_regex_set *set, struct tl_regex_scratch *scratch,
              const char *text, size_t len, tl_match_fn fn, tl_limit_fn limit, void *ud)
{
    size_t gave_up = 0;
    uint8_t present[32] = { 0 };

    for (size_t i = 0; i < len; i++)
        present[(uint8_t) text[i] / 8] |= (uint8_t) (1u << ((uint8_t) text[i] % 8));

    /* The characters of the title and which patterns each can start. */
    scratch->use_table = set->finished && scratch->words == set->words;
    size_t n_chars = 0;
    if (!grow_array(&scratch->pos, &scratch->cap_pos, len + 1, sizeof(*scratch->pos)) ||
        !grow_array(&scratch->row, &scratch->cap_row, len + 1, sizeof(*scratch->row)))
        return set->n;   /* out of memory: every pattern lost */
    for (size_t w = 0; w < scratch->words; w++)
        scratch->title_mask[w] = 0;
    scratch->valid_utf8 = true;
    for (size_t i = 0; i < len; ) {
        const uint64_t *row = NULL;
        uint8_t b = (uint8_t) text[i];
        scratch->pos[n_chars] = (uint32_t) i;
        if (b < 0x80) {
            row = scratch->use_table ? &set->ascii[b * set->words] : NULL;
            i++;
        } else {
            int32_t k = (int32_t) i;
            UChar32 c;
            U8_NEXT((const uint8_t *) text, k, (int32_t) len, c);
            i = (size_t) k;
            if (c < 0)
                scratch->valid_utf8 = false;
            if (scratch->use_table) {
                row = c >= 0 ? row_of_cp(set, (uint32_t) c) : NULL;
                if (!row)
                    row = set->other_row;
            }
        }
        if (row)
            for (size_t w = 0; w < scratch->words; w++)
                scratch->title_mask[w] |= row[w];
        scratch->row[n_chars++] = row;
    }

    for (size_t i = 0; i < set->n; i++) {
        const struct regex *re = &set->items[i];
        if (re->anchored) {
            if (scratch->use_table &&
                !(scratch->title_mask[i / 64] & (UINT64_C(1) << (i % 64))))
                continue;
            if (!search_anchored(re, i, scratch, n_chars, text, len, fn, limit, ud, &gave_up))
                return gave_up;
            continue;
        }
        if (re->has_first) {
            bool possible = false;
            for (size_t k = 0; k < 32 && !possible; k++)
                possible = (re->first[k] & present[k]) != 0;
            if (!possible)
                continue;
        }
        if (!search(re, scratch, text, len, fn, limit, ud, &gave_up))
            return gave_up;
    }
    return gave_up;
}
