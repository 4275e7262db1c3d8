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
    bool has_first;          /* first[] holds the bytes a match can start with */
    uint8_t first[32];
};

struct tl_regex_set {
    struct regex *items;
    size_t n, cap;
};

struct tl_regex_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
};

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
    for (size_t i = 0; i < set->n; i++)
        pcre2_code_free(set->items[i].code);
    free(set->items);
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
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
                                   &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof(msg));
        snprintf(err, errlen, "%s at offset %zu", (const char *) msg, (size_t) off);
        return false;
    }
    if (!grow_array(&set->items, &set->cap, set->n + 1, sizeof(*set->items))) {
        pcre2_code_free(re);
        snprintf(err, errlen, "out of memory");
        return false;
    }
    /* JIT is an optimization: without it (no JIT on this CPU, or under
     * valgrind, which takes JIT code for reads of uninitialised memory)
     * the interpreter gives the same matches. */
    bool jit = !RUNNING_ON_VALGRIND && pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
    struct regex r = { .code = re, .id = id, .jit = jit };
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

struct tl_regex_scratch *
tl_regex_scratch_new(const struct tl_regex_set *set)
{
    struct tl_regex_scratch *s = calloc(1, sizeof(*s));

    if (!s)
        return NULL;
    s->md = pcre2_match_data_create(16, NULL);
    s->mctx = pcre2_match_context_create(NULL);
    if (!s->md || !s->mctx) {
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
    free(scratch);
}

size_t
tl_regex_scan(const struct tl_regex_set *set, struct tl_regex_scratch *scratch,
              const char *text, size_t len, tl_match_fn fn, tl_limit_fn limit, void *ud)
{
    size_t gave_up = 0;
    uint8_t present[32] = { 0 };

    for (size_t i = 0; i < len; i++)
        present[(uint8_t) text[i] / 8] |= (uint8_t) (1u << ((uint8_t) text[i] % 8));
    for (size_t i = 0; i < set->n; i++) {
        const struct regex *re = &set->items[i];
        PCRE2_SIZE at = 0;
        if (re->has_first) {
            bool possible = false;
            for (size_t k = 0; k < 32 && !possible; k++)
                possible = (re->first[k] & present[k]) != 0;
            if (!possible)
                continue;
        }
        while (at <= len) {
            int rc = pcre2_match(re->code, (PCRE2_SPTR) text, len, at, 0,
                                 scratch->md, scratch->mctx);
            if (rc < 0) {
                if (rc != PCRE2_ERROR_NOMATCH) {
                    gave_up++;
                    if (limit)
                        limit(ud, re->id, rc == PCRE2_ERROR_MATCHLIMIT
                                              ? TL_REGEX_GAVE_UP_MATCH_LIMIT
                                              : rc == PCRE2_ERROR_DEPTHLIMIT
                                              ? TL_REGEX_GAVE_UP_DEPTH_LIMIT
                                              : TL_REGEX_GAVE_UP_OTHER);
                }
                break;
            }
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(scratch->md);
            if (ov[1] > ov[0] && !fn(ud, re->id, ov[0], ov[1]))
                return gave_up;
            if (ov[1] > ov[0]) {
                at = ov[1];
            } else {
                /* Empty match: step over one UTF-8 character. */
                at = ov[1] + 1;
                while (at < len && ((uint8_t) text[at] & 0xC0) == 0x80)
                    at++;
            }
        }
    }
    return gave_up;
}
