/*
 * The language server (lsp.h).  One thread, one client: a message is read,
 * handled and answered before the next.  Each open document keeps its
 * text, an index of its line starts, and what its last lint found (the
 * titles and their findings, as byte offsets in the text), from which the
 * published diagnostics and the code actions are both made.
 *
 * Positions are byte offsets inside; they become LSP positions (line and
 * character in the negotiated encoding: UTF-16 by default, UTF-8 or
 * UTF-32 when the client offers them) only on the way out, and back on
 * the way in.
 *
 * Each document is checked with the configuration found from its path, as
 * the command line finds it for a file; a "profile" is such a
 * configuration with the checker set up from it, re-read when the file
 * changes on disk.
 */
#define _GNU_SOURCE             /* memmem, strcasestr */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <stdint.h>
#include <unistd.h>

#include <jansson.h>
#include <titlelint/titlelint.h>

#include "configfile.h"
#include "input-csv.h"
#include "input.h"
#include "lsp.h"
#include "setup.h"

/* JSON-RPC and LSP error codes. */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    LSP_SERVER_NOT_INITIALIZED = -32002,
};

enum encoding { ENC_UTF16, ENC_UTF8, ENC_UTF32 };
static const char *const encoding_names[] = { "utf-16", "utf-8", "utf-32" };

enum doc_kind { DOC_TEXT, DOC_CSV, DOC_TSV };

/* A configuration in effect for some documents, and its checker. */
struct profile {
    char *config_path;              /* NULL: no configuration file */
    struct timespec mtime;          /* of the file when read */
    off_t size;
    struct config cfg;
    struct titlelint_context *ctx;  /* the base lexicons, or its own */
    struct titlelint_checker *chk;
    bool en;                        /* messages in English */
    unsigned generation;            /* counts the loads */
};

/* A finding of the last lint of a document. */
struct finding {
    size_t title;                   /* index into doc->titles */
    size_t start, end;              /* bytes of the text */
    const struct titlelint_rule *rule;
    enum titlelint_severity severity;
    char *message;
    char *text;                     /* as written */
    char *canonical;                /* the lexicon's name, or "" */
};

/* A title of the last lint of a document. */
struct title {
    size_t start, end;              /* bytes of the text */
    char *suggestion;               /* NULL: none, or the title itself */
    bool quoted;                    /* a CSV cell written in quotes */
    bool located;                   /* the span is the title's (not a row's) */
    char *key;                      /* what was checked: title and context */
    size_t key_len;
    size_t first, count;            /* its findings */
};

/* What a lint of a document found. */
struct results {
    struct title *titles;
    size_t n_titles;
    struct finding *findings;
    size_t n_findings;
    const struct profile *profile;  /* checked with */
    unsigned generation;            /* of the profile's configuration */
};

struct doc {
    char *uri;
    char *path;                     /* the file of a file: URI, or NULL */
    enum doc_kind kind;
    json_int_t version;
    char *text;                     /* NUL-terminated */
    size_t len;
    size_t *lines;                  /* byte offset of each line's start */
    size_t n_lines;
    struct results res;
};

struct server {
    const struct options *opt;
    bool lang_given;                /* --lang, over the configuration's */
    struct titlelint_context *base;
    FILE *in, *out;
    enum encoding enc;
    bool initialized, shut_down, exited;
    bool can_create_files;          /* the client's workspace edits create files */
    char *root;                     /* the workspace folder, or NULL */
    struct doc **docs;
    size_t n_docs;
    struct profile **profiles;
    size_t n_profiles;
};

/* Messages of the server itself: in the language of the command line;
 * those about a document, in its configuration's (en_for). */
static bool en(const struct server *s) { return s->opt->lang == TITLELINT_LANG_EN; }

/* ---- writing messages -------------------------------------------------- */

static void
send_message(struct server *s, json_t *msg)
{
    char *body = json_dumps(msg, JSON_COMPACT);

    json_decref(msg);
    if (!body)
        die_nomem();
    fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
    fflush(s->out);
    free(body);
}

/* A response: @result (stolen) or, when @code is not 0, an error. */
static void
respond(struct server *s, json_t *id, json_t *result, int code, const char *message)
{
    json_t *msg = json_pack("{s:s, s:O}", "jsonrpc", "2.0", "id", id ? id : json_null());

    if (!msg)
        die_nomem();
    if (code)
        json_object_set_new(msg, "error", json_pack("{s:i, s:s}", "code", code,
                                                     "message", message));
    else
        json_object_set_new(msg, "result", result ? result : json_null());
    if (code && result)
        json_decref(result);
    send_message(s, msg);
}

static void
notify(struct server *s, const char *method, json_t *params)
{
    json_t *msg = json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method,
                            "params", params);
    if (!msg)
        die_nomem();
    send_message(s, msg);
}

/* window/showMessage: 1 error, 2 warning, 3 info. */
static void
show_message(struct server *s, int type, const char *text)
{
    fprintf(stderr, "titlelint lsp: %s\n", text);
    notify(s, "window/showMessage", json_pack("{s:i, s:s}", "type", type, "message", text));
}

/* ---- reading messages -------------------------------------------------- */

enum read_result { READ_MESSAGE, READ_END, READ_BAD };

/* Discards @n bytes of input; false at the end of the input. */
static bool
skip_bytes(FILE *in, unsigned long long n)
{
    char sink[65536];
    while (n) {
        size_t want = n < sizeof(sink) ? (size_t) n : sizeof(sink);
        size_t got = fread(sink, 1, want, in);
        n -= got;
        if (got < want)
            return false;
    }
    return true;
}

/*
 * Reads the next message's body into @body (NUL-terminated).  The
 * headers end at an empty line; Content-Length is required, Content-Type
 * ignored.  A header block without a usable Content-Length, or announcing
 * a body over LSP_MAX_MESSAGE (then skipped), is READ_BAD with the reason
 * in @why: the caller answers it and reads on.
 */
static enum read_result
read_message(FILE *in, struct buf *body, char *why, size_t why_size)
{
    char line[1024];
    long long length = -1;
    bool headers = false;

    for (;;) {
        if (!fgets(line, sizeof(line), in))
            return READ_END;
        size_t n = strlen(line);
        if (n == sizeof(line) - 1 && line[n - 1] != '\n') {
            /* a header line longer than any real one: drop it */
            int c;
            while ((c = fgetc(in)) != EOF && c != '\n')
                ;
            headers = true;
            continue;
        }
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0') {
            if (headers)
                break;
            continue;       /* blank lines between messages */
        }
        headers = true;
        /* Found anywhere in the line, so that a body sent without its
         * own header does not also lose the next message's header. */
        char *at = strcasestr(line, "content-length:");
        if (at) {
            char *p = at + strlen("content-length:"), *end;
            p += strspn(p, " \t");
            errno = 0;
            long long v = strtoll(p, &end, 10);
            length = (p == end || *end != '\0' || errno || v < 0) ? -2 : v;
        }
    }
    if (length == -1) {
        snprintf(why, why_size, "missing Content-Length header");
        return READ_BAD;
    }
    if (length == -2) {
        snprintf(why, why_size, "invalid Content-Length header");
        return READ_BAD;
    }
    if ((unsigned long long) length > LSP_MAX_MESSAGE) {
        snprintf(why, why_size, "message of %lld bytes is over the limit of %u MiB; skipped",
                 length, LSP_MAX_MESSAGE >> 20);
        return skip_bytes(in, (unsigned long long) length) ? READ_BAD : READ_END;
    }
    body->len = 0;
    if (!buf_append(body, "", 0) || (size_t) length + 1 > body->cap) {
        char *d = realloc(body->data, (size_t) length + 1);
        if (!d)
            die_nomem();
        body->data = d;
        body->cap = (size_t) length + 1;
    }
    if (fread(body->data, 1, (size_t) length, in) != (size_t) length)
        return READ_END;
    body->len = (size_t) length;
    body->data[length] = '\0';
    return READ_MESSAGE;
}

/* ---- text and positions ------------------------------------------------ */

static void
index_lines(struct doc *d)
{
    size_t n = 1;
    for (size_t i = 0; i < d->len; i++)
        n += d->text[i] == '\n';
    size_t *lines = realloc(d->lines, n * sizeof(*lines));
    if (!lines)
        die_nomem();
    d->lines = lines;
    d->n_lines = 0;
    lines[d->n_lines++] = 0;
    for (size_t i = 0; i < d->len; i++)
        if (d->text[i] == '\n')
            lines[d->n_lines++] = i + 1;
}

/* The units of @enc in @n bytes of UTF-8 at @p. */
static size_t
units(enum encoding enc, const char *p, size_t n)
{
    if (enc == ENC_UTF8)
        return n;
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char) p[i];
        if ((c & 0xC0) != 0x80)
            u += enc == ENC_UTF16 && c >= 0xF0 ? 2 : 1;
    }
    return u;
}

/* The line holding byte @off. */
static size_t
line_of(const struct doc *d, size_t off)
{
    size_t lo = 0, hi = d->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static json_t *
position(const struct server *s, const struct doc *d, size_t off)
{
    size_t line = line_of(d, off);
    return json_pack("{s:I, s:I}", "line", (json_int_t) line, "character",
                     (json_int_t) units(s->enc, d->text + d->lines[line], off - d->lines[line]));
}

static json_t *
range(const struct server *s, const struct doc *d, size_t start, size_t end)
{
    return json_pack("{s:o, s:o}", "start", position(s, d, start), "end", position(s, d, end));
}

/* Where line and character @line, @ch of a position are in the text; a
 * position past a line's end is its end, past the last line the text's
 * end (as LSP says).  False for a position that is not one. */
static bool
offset_of(const struct server *s, const struct doc *d, json_t *pos, size_t *off)
{
    json_t *l = json_object_get(pos, "line"), *c = json_object_get(pos, "character");
    if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 ||
        json_integer_value(c) < 0)
        return false;
    json_int_t line = json_integer_value(l), ch = json_integer_value(c);
    if ((size_t) line >= d->n_lines) {
        *off = d->len;
        return true;
    }
    size_t i = d->lines[(size_t) line];
    size_t end = (size_t) line + 1 < d->n_lines ? d->lines[line + 1] - 1 : d->len;
    if (end > i && d->text[end - 1] == '\r')
        end--;
    json_int_t u = 0;
    while (i < end && u < ch) {
        size_t k = 1;
        while (i + k < end && ((unsigned char) d->text[i + k] & 0xC0) == 0x80)
            k++;
        u += (json_int_t) units(s->enc, d->text + i, k);
        i += k;
    }
    *off = i;
    return true;
}

static bool
offsets_of_range(const struct server *s, const struct doc *d, json_t *r, size_t *a, size_t *b)
{
    return json_is_object(r) && offset_of(s, d, json_object_get(r, "start"), a) &&
           offset_of(s, d, json_object_get(r, "end"), b) && *a <= *b;
}

/* ---- URIs -------------------------------------------------------------- */

static int
hex(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
           c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The path of a file: URI (percent-decoded), or NULL. */
static char *
uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL;
    char *path = malloc(strlen(p) + 1), *o = path;
    if (!path)
        die_nomem();
    for (; *p; p++) {
        if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            *o = (char) (hex(p[1]) * 16 + hex(p[2]));
            p += 2;
            if (*o == '\0') {
                free(path);
                return NULL;
            }
            o++;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return path;
}

static char *
path_to_uri(const char *path)
{
    struct buf u = { 0 };
    bool ok = buf_append(&u, "file://", 7);
    for (const unsigned char *p = (const unsigned char *) path; *p && ok; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            ok = buf_append(&u, (const char *) p, 1);
        else
            ok = buf_printf(&u, "%%%02X", *p);
    }
    if (!ok)
        die_nomem();
    return u.data;
}

/* ---- configurations ---------------------------------------------------- */

static void
profile_free(struct profile *p)
{
    if (p->chk)
        titlelint_checker_destroy(p->chk);
    if (p->ctx)
        titlelint_context_unref(p->ctx);
    config_finish(&p->cfg);
    free(p->config_path);
    free(p);
}

/* (Re)reads @p's configuration file and sets up its checker.  A file
 * that cannot be read is said to the user, and the defaults are used. */
static void
profile_load(struct server *s, struct profile *p)
{
    struct stat st;
    char err[PATH_MAX + 512];

    if (p->chk)
        titlelint_checker_destroy(p->chk);
    if (p->ctx)
        titlelint_context_unref(p->ctx);
    p->chk = NULL;
    p->ctx = NULL;
    config_finish(&p->cfg);
    config_init(&p->cfg);
    p->generation++;
    if (p->config_path) {
        if (stat(p->config_path, &st) == 0) {
            p->mtime = st.st_mtim;
            p->size = st.st_size;
        }
        if (!config_load(&p->cfg, p->config_path, err, sizeof(err))) {
            show_message(s, 1, err);
            config_finish(&p->cfg);
            config_init(&p->cfg);
        }
    }
    if (p->cfg.lexicon_dirs.n) {
        p->ctx = setup_context(s->opt, &p->cfg);
        if (!p->ctx)
            show_message(s, 1, en(s) ? "cannot load the lexicon directories of the configuration"
                                     : "无法加载配置文件中的词库目录");
    }
    if (!p->ctx)
        p->ctx = titlelint_context_ref(s->base);
    p->chk = titlelint_checker_new(p->ctx);
    if (!p->chk)
        die_nomem();
    struct setup su = { s->opt, &p->cfg, false };
    configure_checker(p->chk, &su);
    p->en = s->lang_given ? en(s) : p->cfg.lang && !strcmp(p->cfg.lang, "en");
    titlelint_checker_set_lang(p->chk, p->en ? TITLELINT_LANG_EN : TITLELINT_LANG_ZH);
}

/* Whether @p's file changed (or went) since it was read. */
static bool
profile_stale(const struct profile *p)
{
    struct stat st;
    if (!p->config_path)
        return false;
    if (stat(p->config_path, &st) != 0)
        return true;
    return st.st_size != p->size || st.st_mtim.tv_sec != p->mtime.tv_sec ||
           st.st_mtim.tv_nsec != p->mtime.tv_nsec;
}

/* The configuration file in effect for @d: --config, else the nearest
 * .titlelint.ini above the document (or the workspace folder, or the
 * working directory, for a document that is not a file).  NULL: none. */
static char *
config_for(const struct server *s, const struct doc *d)
{
    if (s->opt->no_config)
        return NULL;
    if (s->opt->config_path)
        return strdup(s->opt->config_path);
    char dir[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s", d->path ? d->path : s->root ? s->root : ".");
    if (d->path) {
        const char *parent = dirname(dir);
        memmove(dir, parent, strlen(parent) + 1);
    }
    return config_find(dir);
}

static struct profile *
profile_for(struct server *s, const struct doc *d)
{
    char *path = config_for(s, d);
    for (size_t i = 0; i < s->n_profiles; i++) {
        struct profile *p = s->profiles[i];
        if ((!path && !p->config_path) || (path && p->config_path && !strcmp(path, p->config_path))) {
            free(path);
            if (profile_stale(p))
                profile_load(s, p);
            return p;
        }
    }
    struct profile *p = calloc(1, sizeof(*p));
    struct profile **list = realloc(s->profiles, (s->n_profiles + 1) * sizeof(*list));
    if (!p || !list)
        die_nomem();
    s->profiles = list;
    s->profiles[s->n_profiles++] = p;
    p->config_path = path;
    config_init(&p->cfg);
    profile_load(s, p);
    return p;
}

/* ---- linting a document ------------------------------------------------ */

static void
clear_results(struct results *r)
{
    for (size_t i = 0; i < r->n_titles; i++) {
        free(r->titles[i].suggestion);
        free(r->titles[i].key);
    }
    for (size_t i = 0; i < r->n_findings; i++) {
        free(r->findings[i].message);
        free(r->findings[i].text);
        free(r->findings[i].canonical);
    }
    free(r->titles);
    free(r->findings);
    memset(r, 0, sizeof(*r));
}

static char *
xstrdup(const char *s)
{
    char *c = strdup(s ? s : "");
    if (!c)
        die_nomem();
    return c;
}

/*
 * A lint reuses what the last one found for every title whose text and
 * context did not change (most of them, while typing), so an edit costs
 * one check, not one per row: the last results are looked up by key.
 */
struct lint {
    struct server *s;
    struct doc *d;
    struct titlelint_checker *chk;
    bool english;
    struct results old;
    size_t *slots;                  /* old title + 1 by key hash, 0 empty */
    size_t n_slots;                 /* a power of two */
};

static uint64_t
hash(const char *p, size_t n)
{
    uint64_t h = 14695981039346656037u;     /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char) p[i]) * 1099511628211u;
    return h;
}

static void
index_old(struct lint *l)
{
    for (l->n_slots = 16; l->n_slots < 2 * l->old.n_titles; l->n_slots *= 2)
        ;
    l->slots = calloc(l->n_slots, sizeof(*l->slots));
    if (!l->slots)
        die_nomem();
    for (size_t i = 0; i < l->old.n_titles; i++) {
        size_t k = hash(l->old.titles[i].key, l->old.titles[i].key_len) & (l->n_slots - 1);
        while (l->slots[k])
            k = (k + 1) & (l->n_slots - 1);
        l->slots[k] = i + 1;
    }
}

static const struct title *
find_old(const struct lint *l, const char *key, size_t len)
{
    size_t k = hash(key, len) & (l->n_slots - 1);
    for (; l->slots[k]; k = (k + 1) & (l->n_slots - 1)) {
        const struct title *t = &l->old.titles[l->slots[k] - 1];
        if (t->key_len == len && !memcmp(t->key, key, len))
            return t;
    }
    return NULL;
}

static struct title *
new_title(struct results *r)
{
    struct title *t = realloc(r->titles, (r->n_titles + 1) * sizeof(*t));
    if (!t)
        die_nomem();
    r->titles = t;
    t = &r->titles[r->n_titles++];
    memset(t, 0, sizeof(*t));
    return t;
}

static struct finding *
new_findings(struct results *r, size_t n)
{
    struct finding *f = realloc(r->findings, (r->n_findings + n) * sizeof(*f));
    if (!f && n)
        die_nomem();
    r->findings = f;
    r->n_findings += n;
    return f + r->n_findings - n;
}

/* Records what the checker found in title @t. */
static void
take_checker(struct lint *l, struct title *t, size_t title_index)
{
    const char *sug = titlelint_suggest(l->chk);
    const char *text = l->d->text + t->start;
    size_t len = t->end - t->start;
    if (t->located && sug && (strlen(sug) != len || memcmp(sug, text, len)))
        t->suggestion = xstrdup(sug);
    size_t n = titlelint_checker_get_diagnostic_count(l->chk);
    t->first = l->d->res.n_findings;
    t->count = n;
    struct finding *f = new_findings(&l->d->res, n);
    for (size_t i = 0; i < n; i++, f++) {
        const struct titlelint_diagnostic *diag = titlelint_checker_get_diagnostic(l->chk, i);
        struct titlelint_position a, b;
        titlelint_diagnostic_get_span(diag, &a, &b);
        f->title = title_index;
        f->start = t->located ? t->start + a.bytes : t->start;
        f->end = t->located ? t->start + b.bytes : t->end;
        f->rule = titlelint_diagnostic_get_rule(diag);
        f->severity = titlelint_diagnostic_get_severity(diag);
        f->message = xstrdup(titlelint_diagnostic_get_message(diag));
        f->text = xstrdup(titlelint_diagnostic_get_text(diag));
        f->canonical = xstrdup(titlelint_diagnostic_get_canonical(diag));
    }
}

/* Copies what the last lint found for @old into title @t, moved to where
 * @t is now. */
static void
take_old(struct lint *l, struct title *t, size_t title_index, const struct title *old)
{
    t->suggestion = old->suggestion ? xstrdup(old->suggestion) : NULL;
    t->first = l->d->res.n_findings;
    t->count = old->count;
    struct finding *f = new_findings(&l->d->res, old->count);
    for (size_t i = 0; i < old->count; i++, f++) {
        const struct finding *o = &l->old.findings[old->first + i];
        *f = *o;
        f->title = title_index;
        f->start = t->located ? o->start - old->start + t->start : t->start;
        f->end = t->located ? o->end - old->start + t->start : t->end;
        f->message = xstrdup(o->message);
        f->text = xstrdup(o->text);
        f->canonical = xstrdup(o->canonical);
    }
}

/*
 * The title @title (@len bytes) at bytes @start..@end of the text, with
 * its context (@invalid: why it cannot be checked); @located: the span is
 * the title's own, so findings can point inside it.
 */
static void
check_title(struct lint *l, size_t start, size_t end, const char *title, size_t len,
            const char *brand, const char *category, const char *invalid, bool located,
            bool quoted)
{
    struct server *s = l->s;
    struct results *r = &l->d->res;
    struct buf key = { 0 };
    brand = brand ? brand : s->opt->brand ? s->opt->brand : "";
    category = category ? category : s->opt->category ? s->opt->category : "";
    invalid = invalid ? invalid : "";
    /* lengths first, so that no two contexts make the same key */
    if (!(buf_printf(&key, "%d:%zu:%zu:%zu:%zu:", located, len, strlen(brand), strlen(category),
                     strlen(invalid)) &&
          buf_append(&key, title, len) && buf_append(&key, brand, strlen(brand)) &&
          buf_append(&key, category, strlen(category)) &&
          buf_append(&key, invalid, strlen(invalid))))
        die_nomem();

    size_t index = r->n_titles;
    struct title *t = new_title(r);
    t->start = start;
    t->end = end;
    t->located = located;
    t->quoted = quoted;
    t->key = key.data;
    t->key_len = key.len;
    const struct title *old = find_old(l, key.data, key.len);
    if (old) {
        take_old(l, t, index, old);
        return;
    }
    enum titlelint_status st = *invalid
        ? titlelint_checker_set_invalid(l->chk, title, len, invalid)
        : titlelint_checker_check(l->chk, title, len, *brand ? brand : NULL,
                                  *category ? category : NULL);
    if (st == TITLELINT_ERROR_NOMEM)
        die_nomem();
    if (st != TITLELINT_OK)
        fprintf(stderr, "titlelint lsp: %s\n", titlelint_status_to_str(st));
    take_checker(l, t, index);
}

/* A title a line; empty lines are not titles. */
static void
lint_text(struct lint *l)
{
    const struct doc *d = l->d;
    for (size_t i = 0; i < d->n_lines; i++) {
        size_t start = d->lines[i];
        size_t end = i + 1 < d->n_lines ? d->lines[i + 1] - 1 : d->len;
        if (i == 0 && d->len >= 3 && !memcmp(d->text, "\xEF\xBB\xBF", 3))
            start = 3;
        if (end > start && d->text[end - 1] == '\r')
            end--;
        if (end > start)
            check_title(l, start, end, d->text + start, end - start, NULL, NULL, NULL, true,
                        false);
    }
}

/* The title cell of each row, with the row's context; found in the text
 * where its cell's text is (a cell with doubled quotes is not as
 * written: its findings cover the row's first line, without a fix). */
static void
lint_table(struct lint *l)
{
    const struct options *opt = l->s->opt;
    const struct doc *d = l->d;
    char err[PATH_MAX + 256], why[256];
    struct input in;
    struct csv_reader r;
    struct csv_columns cols;
    FILE *f = fmemopen(d->text, d->len ? d->len : 1, "r");

    if (!f)
        die_nomem();
    if (!d->len || !input_open(&in, f, d->path ? d->path : d->uri, "utf-8", err, sizeof(err))) {
        fclose(f);
        return;
    }
    csv_reader_init(&r, &in, d->path ? d->path : d->uri, d->kind == DOC_TSV ? '\t' : ',');
    int got = csv_reader_next(&r, err, sizeof(err));
    if (got > 0 && !csv_find_columns(&r, !opt->no_header, opt->column, opt->category_column,
                                     opt->brand_column, opt->id_column, &cols, err, sizeof(err)))
        got = -1;
    size_t n_header = opt->no_header ? 0 : r.n_cells;
    if (got > 0 && !opt->no_header)
        got = csv_reader_next(&r, err, sizeof(err));
    for (; got > 0; got = csv_reader_next(&r, err, sizeof(err))) {
        const char *title = csv_cell(&r, (size_t) cols.title);
        size_t len = csv_cell_len(&r, (size_t) cols.title);
        size_t rec = d->lines[r.record_line - 1 < d->n_lines ? r.record_line - 1 : 0];
        size_t rec_end = rec + r.raw_len + 3 < d->len ? rec + r.raw_len + 3 : d->len;
        const char *at = len ? memmem(d->text + rec, rec_end - rec, title, len) : NULL;
        size_t start = at ? (size_t) (at - d->text) : rec;
        size_t end = at ? start + len : (line_of(d, rec) + 1 < d->n_lines
                                         ? d->lines[line_of(d, rec) + 1] - 1 : d->len);
        if (!at && end > start && d->text[end - 1] == '\r')
            end--;
        bool oom;
        char *category = csv_row_category(&r, &cols, &oom);
        if (oom)
            die_nomem();
        const char *brand = cols.brand >= 0 && csv_cell_len(&r, (size_t) cols.brand)
            ? csv_cell(&r, (size_t) cols.brand) : NULL;
        bool bad = csv_row_problem(&r, &cols, n_header, l->english, why, sizeof(why));
        check_title(l, start, end, title, len, brand, category, bad ? why : NULL, at != NULL,
                    at && at > d->text && at[-1] == '"');
        free(category);
    }
    if (got < 0) {
        /* the file as a whole (no title column, an unterminated quote):
         * one finding on the line where reading stopped */
        size_t line = r.record_line ? r.record_line - 1 : 0;
        line = line < d->n_lines ? line : d->n_lines - 1;
        check_title(l, d->lines[line], line + 1 < d->n_lines ? d->lines[line + 1] - 1 : d->len,
                    "", 0, NULL, NULL, err, false, false);
    }
    csv_reader_finish(&r);
    input_close(&in);
    fclose(f);
}

static json_t *
finding_json(const struct server *s, const struct doc *d, const struct finding *f)
{
    const struct title *t = &d->res.titles[f->title];
    json_t *data = json_pack("{s:s}", "rule", titlelint_rule_get_name(f->rule));
    if (t->suggestion)
        json_object_set_new(data, "suggestion", json_string(t->suggestion));
    json_t *o = json_pack("{s:o, s:i, s:s, s:{s:s}, s:s, s:s, s:o}",
        "range", range(s, d, f->start, f->end),
        "severity", f->severity == TITLELINT_SEVERITY_ERROR ? 1 :
                    f->severity == TITLELINT_SEVERITY_WARNING ? 2 : 3,
        "code", titlelint_rule_get_code(f->rule),
        "codeDescription", "href", "man:titlelint-rules(7)",
        "source", "titlelint",
        "message", f->message,
        "data", data);
    if (!o)
        die_nomem();
    return o;
}

static void
publish(struct server *s, struct doc *d, bool clear)
{
    json_t *list = json_array();
    for (size_t i = 0; !clear && i < d->res.n_findings; i++)
        json_array_append_new(list, finding_json(s, d, &d->res.findings[i]));
    json_t *params = json_pack("{s:s, s:o}", "uri", d->uri, "diagnostics", list);
    if (!clear)
        json_object_set_new(params, "version", json_integer(d->version));
    notify(s, "textDocument/publishDiagnostics", params);
}

static void
lint(struct server *s, struct doc *d)
{
    struct profile *p = profile_for(s, d);
    struct lint l = { s, d, p->chk, p->en, d->res, NULL, 0 };

    memset(&d->res, 0, sizeof(d->res));
    if (l.old.profile != p || l.old.generation != p->generation)
        clear_results(&l.old);          /* another configuration: nothing to reuse */
    index_old(&l);
    d->res.profile = p;
    d->res.generation = p->generation;
    if (d->kind == DOC_TEXT)
        lint_text(&l);
    else
        lint_table(&l);
    clear_results(&l.old);
    free(l.slots);
    publish(s, d, false);
}

/* ---- documents --------------------------------------------------------- */

/* The open document named by params.textDocument.uri, or NULL. */
static struct doc *
find_doc(struct server *s, json_t *params, size_t *index)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"),
                                                        "uri"));
    for (size_t i = 0; uri && i < s->n_docs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0) {
            if (index)
                *index = i;
            return s->docs[i];
        }
    return NULL;
}

static void
doc_free(struct doc *d)
{
    clear_results(&d->res);
    free(d->uri);
    free(d->path);
    free(d->text);
    free(d->lines);
    free(d);
}

static void
set_text(struct doc *d, const char *text, size_t len)
{
    char *t = malloc(len + 1);
    if (!t)
        die_nomem();
    memcpy(t, text, len);
    t[len] = '\0';
    free(d->text);
    d->text = t;
    d->len = len;
    index_lines(d);
}

static enum doc_kind
kind_of(const char *uri, const char *language)
{
    const char *dot = strrchr(uri, '.');
    if ((dot && !strcasecmp(dot, ".tsv")) || (language && !strcmp(language, "tsv")))
        return DOC_TSV;
    if ((dot && !strcasecmp(dot, ".csv")) || (language && !strcmp(language, "csv")))
        return DOC_CSV;
    return DOC_TEXT;
}

static void
did_open(struct server *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text)) {
        fprintf(stderr, "titlelint lsp: didOpen without textDocument.uri and text\n");
        return;
    }
    size_t old;
    struct doc *d = find_doc(s, params, &old);
    if (!d) {
        struct doc **docs = realloc(s->docs, (s->n_docs + 1) * sizeof(*docs));
        d = calloc(1, sizeof(*d));
        if (!docs || !d)
            die_nomem();
        s->docs = docs;
        s->docs[s->n_docs++] = d;
        d->uri = xstrdup(uri);
        d->path = uri_to_path(uri);
    }
    d->kind = kind_of(uri, json_string_value(json_object_get(td, "languageId")));
    d->version = json_integer_value(json_object_get(td, "version"));
    set_text(d, json_string_value(text), json_string_length(text));
    lint(s, d);
}

/* Applies one content change: the whole text, or a range replaced. */
static bool
apply_change(struct server *s, struct doc *d, json_t *change)
{
    json_t *text = json_object_get(change, "text");
    json_t *r = json_object_get(change, "range");
    size_t a, b;

    if (!json_is_string(text))
        return false;
    if (!r) {
        set_text(d, json_string_value(text), json_string_length(text));
        return true;
    }
    if (!offsets_of_range(s, d, r, &a, &b))
        return false;
    size_t n = json_string_length(text);
    char *t = malloc(d->len - (b - a) + n + 1);
    if (!t)
        die_nomem();
    memcpy(t, d->text, a);
    memcpy(t + a, json_string_value(text), n);
    memcpy(t + a + n, d->text + b, d->len - b);
    d->len = d->len - (b - a) + n;
    t[d->len] = '\0';
    free(d->text);
    d->text = t;
    index_lines(d);
    return true;
}

static void
did_change(struct server *s, json_t *params)
{
    struct doc *d = find_doc(s, params, NULL);
    json_t *changes = json_object_get(params, "contentChanges");
    size_t i;
    json_t *c;

    if (!d || !json_is_array(changes)) {
        fprintf(stderr, "titlelint lsp: didChange of a document that is not open, "
                "or without contentChanges\n");
        return;
    }
    json_array_foreach(changes, i, c) {
        if (!apply_change(s, d, c)) {
            /* the text is no longer known: say so and wait for a full one */
            show_message(s, 2, en(s) ? "titlelint: a change could not be applied; reopen the file"
                                     : "titlelint：无法应用编辑，请重新打开文件");
            return;
        }
    }
    json_t *v = json_object_get(json_object_get(params, "textDocument"), "version");
    if (json_is_integer(v))
        d->version = json_integer_value(v);
    lint(s, d);
}

/* A configuration file may have changed: relint what it applies to. */
static void
relint_stale(struct server *s)
{
    for (size_t i = 0; i < s->n_docs; i++) {
        struct doc *d = s->docs[i];
        char *path = config_for(s, d);
        bool stale = true;
        for (size_t k = 0; k < s->n_profiles; k++) {
            struct profile *p = s->profiles[k];
            if ((!path && !p->config_path) ||
                (path && p->config_path && !strcmp(path, p->config_path)))
                stale = profile_stale(p);
        }
        free(path);
        if (stale)
            lint(s, d);
    }
}

static void
did_save(struct server *s, json_t *params)
{
    (void) params;
    relint_stale(s);
}

static void
did_close(struct server *s, json_t *params)
{
    size_t i;
    struct doc *d = find_doc(s, params, &i);
    if (!d)
        return;
    publish(s, d, true);
    doc_free(d);
    s->docs[i] = s->docs[--s->n_docs];
}

/* ---- code actions ------------------------------------------------------ */

/* @text as the content of its cell: quoted when the cell was, or when it
 * now needs quotes. */
static char *
cell_text(const struct doc *d, const struct title *t, const char *text)
{
    char delim = d->kind == DOC_TSV ? '\t' : ',';
    struct buf b = { 0 };
    bool needs = d->kind != DOC_TEXT && strpbrk(text, "\"\r\n") != NULL;
    if (d->kind != DOC_TEXT && strchr(text, delim))
        needs = true;
    if (!t->quoted && !needs)
        return xstrdup(text);
    bool ok = t->quoted || buf_append(&b, "\"", 1);
    for (const char *p = text; *p && ok; p++)
        ok = buf_append(&b, p, *p == '"' ? 0 : 1) && (*p != '"' || buf_append(&b, "\"\"", 2));
    ok = ok && (t->quoted || buf_append(&b, "\"", 1)) && buf_append(&b, "", 0);
    if (!ok)
        die_nomem();
    return b.data;
}

static json_t *
text_edit(const struct server *s, const struct doc *d, const struct title *t)
{
    char *text = cell_text(d, t, t->suggestion);
    json_t *e = json_pack("{s:o, s:s}", "range", range(s, d, t->start, t->end), "newText", text);
    free(text);
    return e;
}

static json_t *
title_diagnostics(const struct server *s, const struct doc *d, size_t title)
{
    const struct title *t = &d->res.titles[title];
    json_t *list = json_array();
    for (size_t i = t->first; i < t->first + t->count; i++)
        json_array_append_new(list, finding_json(s, d, &d->res.findings[i]));
    return list;
}

static json_t *
action(const char *title, const char *kind, json_t *diagnostics, json_t *edit)
{
    json_t *a = json_pack("{s:s, s:s, s:o}", "title", title, "kind", kind, "edit", edit);
    if (!a)
        die_nomem();
    if (diagnostics)
        json_object_set_new(a, "diagnostics", diagnostics);
    return a;
}

static json_t *
changes_edit(const char *uri, json_t *edits)
{
    return json_pack("{s:{s:o}}", "changes", uri, edits);
}

/* Where a new line goes in @text for @section: after the section's last
 * line that is not blank, or at the end with the section's header.
 * With @key, a line of the section starting with it is extended instead
 * (@key's list gets ", WORD"). */
struct ini_edit {
    size_t at;                  /* byte offset */
    char *insert;
};

static struct ini_edit
ini_add(const char *text, const char *section, const char *key, const char *line_text,
        const char *word)
{
    struct ini_edit e = { strlen(text), NULL };
    struct buf b = { 0 };
    bool in = false, found = false, ok = true;
    size_t after = 0;           /* end of the section's last real line */

    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t) (eol - p) : strlen(p);
        const char *q = p + strspn(p, " \t");
        size_t end = (size_t) (p - text) + n;
        if (end > (size_t) (p - text) && text[end - 1] == '\r')
            end--;
        if (*q == '[') {
            if (in)
                break;
            const char *close = memchr(q, ']', n - (size_t) (q - p));
            in = close && (size_t) (close - q - 1) == strlen(section) &&
                 !strncasecmp(q + 1, section, strlen(section));
            if (in) {
                found = true;
                after = end;
            }
        } else if (in && q < p + n && *q != ';' && *q != '#' && *q != '\r') {
            after = end;
            char next = key && !strncasecmp(q, key, strlen(key)) ? q[strlen(key)] : '\0';
            if (next == ' ' || next == '\t' || next == '=') {
                const char *eq = strchr(q, '=');
                bool empty = eq && (size_t) (eq - text) < end &&
                             strspn(eq + 1, " \t") == end - (size_t) (eq + 1 - text);
                e.at = end;
                ok = buf_printf(&b, empty ? " %s" : ", %s", word);
                e.insert = b.data;
                if (!ok)
                    die_nomem();
                return e;
            }
        }
        p += n + (eol != NULL);
    }
    if (found) {
        e.at = after;
        ok = buf_printf(&b, "\n%s", line_text);
    } else {
        size_t n = strlen(text);
        ok = buf_printf(&b, "%s%s[%s]\n%s\n", n && text[n - 1] != '\n' ? "\n" : "",
                        n ? "\n" : "", section, line_text);
    }
    if (!ok)
        die_nomem();
    e.insert = b.data;
    return e;
}

/* A file's whole text, or NULL when it cannot be read (@missing: it is
 * not there). */
static char *
read_file(const char *path, bool *missing)
{
    FILE *f = fopen(path, "re");
    *missing = !f && errno == ENOENT;
    if (!f)
        return NULL;
    struct buf b = { 0 };
    char chunk[4096];
    size_t n;
    bool ok = buf_append(&b, "", 0);
    while (ok && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        ok = buf_append(&b, chunk, n);
    fclose(f);
    if (!ok)
        die_nomem();
    if (memchr(b.data, '\0', b.len)) {
        free(b.data);
        return NULL;
    }
    return b.data;
}

/* The position of byte @off of @text, in the server's encoding. */
static json_t *
text_position(const struct server *s, const char *text, size_t off)
{
    size_t line = 0, start = 0;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n') {
            line++;
            start = i + 1;
        }
    return json_pack("{s:I, s:I}", "line", (json_int_t) line, "character",
                     (json_int_t) units(s->enc, text + start, off - start));
}

/* An edit of the configuration file in effect for @d (creating
 * .titlelint.ini in the workspace folder or the document's directory
 * when there is none) that adds @word to @section; NULL when it cannot
 * be made. */
static json_t *
config_edit(struct server *s, const struct doc *d, const char *section, const char *key,
            const char *word, bool english)
{
    if (s->opt->no_config || strchr(word, ',') || strchr(word, '\n') || strchr(word, '='))
        return NULL;
    char *path = config_for(s, d);
    bool missing = false;
    char *text = path ? read_file(path, &missing) : NULL;
    if (path && !text) {
        free(path);
        return NULL;
    }
    if (!path) {
        if (!d->path || !s->can_create_files)
            return NULL;
        char dir[PATH_MAX];
        snprintf(dir, sizeof(dir), "%s", d->path);
        const char *base = dirname(dir);
        size_t rl = s->root ? strlen(s->root) : 0;
        if (s->root && !strncmp(d->path, s->root, rl) && d->path[rl] == '/')
            base = s->root;
        struct buf p = { 0 };
        if (!buf_printf(&p, "%s/.titlelint.ini", base))
            die_nomem();
        path = p.data;
        missing = true;
        text = xstrdup("");
    }
    char line[1024];
    if (key)
        snprintf(line, sizeof(line), "%s = %s", key, word);
    else
        snprintf(line, sizeof(line), "%s = %s", word,
                 english ? "TODO: the licence or contract (added from the editor)"
                       : "待补充：授权书或合同编号（由编辑器添加）");
    struct ini_edit e = ini_add(text, section, key, line, word);
    json_t *pos = text_position(s, text, e.at);
    json_t *edit = json_pack("{s:{s:o, s:O}, s:s}", "range", "start", pos, "end", pos,
                             "newText", e.insert);
    char *uri = path_to_uri(path);
    json_t *we;
    if (missing)
        we = json_pack("{s:[{s:s, s:s, s:{s:b}}, {s:{s:s, s:n}, s:[o]}]}", "documentChanges",
                       "kind", "create", "uri", uri, "options", "ignoreIfExists", 1,
                       "textDocument", "uri", uri, "version", "edits", edit);
    else
        we = changes_edit(uri, json_pack("[o]", edit));
    free(uri);
    free(e.insert);
    free(text);
    free(path);
    return we;
}

static bool
kind_wanted(json_t *only, const char *kind)
{
    size_t i;
    json_t *k;
    if (!json_is_array(only))
        return true;
    json_array_foreach(only, i, k) {
        const char *w = json_string_value(k);
        size_t n = w ? strlen(w) : 0;
        if (w && !strncmp(kind, w, n) && (kind[n] == '\0' || kind[n] == '.'))
            return true;
    }
    return false;
}

/* Rules whose finding names a brand, person or IP: "authorize it". */
static bool
names_someone(const struct finding *f)
{
    const char *n = titlelint_rule_get_name(f->rule);
    return *f->canonical && (!strcmp(n, "brand-riding") || !strcmp(n, "celebrity-riding") ||
                             !strcmp(n, "evasion"));
}

/* A finding over a word (not the whole title): "allow the word". */
static bool
names_word(const struct doc *d, const struct finding *f)
{
    const struct title *t = &d->res.titles[f->title];
    const char *n = titlelint_rule_get_name(f->rule);
    return t->located && *f->text && (f->start > t->start || f->end < t->end) &&
           strcmp(n, "invalid-input") && strcmp(n, "duplicate-title");
}

static json_t *
code_action(struct server *s, json_t *params, int *code, const char **why)
{
    struct doc *d = find_doc(s, params, NULL);
    json_t *ctx = json_object_get(params, "context");
    json_t *only = json_object_get(ctx, "only");
    size_t a, b;
    char title[1024];

    if (!d) {
        *code = RPC_INVALID_PARAMS;
        *why = "the document is not open";
        return NULL;
    }
    if (!offsets_of_range(s, d, json_object_get(params, "range"), &a, &b)) {
        *code = RPC_INVALID_PARAMS;
        *why = "no valid range";
        return NULL;
    }
    /* whole lines: a client asks at the cursor, which may not be on the
     * finding itself */
    size_t first = line_of(d, a), last = line_of(d, b);
    bool english = profile_for(s, d)->en;
    json_t *actions = json_array();
    size_t fixable = 0;
    for (size_t i = 0; i < d->res.n_titles; i++) {
        const struct title *t = &d->res.titles[i];
        fixable += t->suggestion != NULL;
        if (!t->suggestion || line_of(d, t->start) > last || first > line_of(d, t->end) ||
            !kind_wanted(only, "quickfix"))
            continue;
        snprintf(title, sizeof(title), english ? "Replace with the suggested title: %s"
                                             : "改为建议标题：%s", t->suggestion);
        json_t *act = action(title, "quickfix", title_diagnostics(s, d, i),
                             changes_edit(d->uri, json_pack("[o]", text_edit(s, d, t))));
        json_object_set_new(act, "isPreferred", json_true());
        json_array_append_new(actions, act);
    }
    /* adding to the configuration, once a name or word */
    for (size_t i = 0; i < d->res.n_findings && kind_wanted(only, "quickfix"); i++) {
        const struct finding *f = &d->res.findings[i];
        if (line_of(d, f->start) > last || first > line_of(d, f->end))
            continue;
        bool someone = names_someone(f);
        const char *word = someone ? f->canonical : f->text;
        if (!someone && !names_word(d, f))
            continue;
        snprintf(title, sizeof(title),
                 someone ? (english ? "Add “%s” to the authorized names (.titlelint.ini)"
                                  : "将“%s”加入已授权名单（.titlelint.ini）")
                         : (english ? "Add “%s” to the allowed words (.titlelint.ini)"
                                  : "将“%s”加入允许词（.titlelint.ini）"), word);
        bool seen = false;
        size_t k;
        json_t *prev;
        json_array_foreach(actions, k, prev)
            seen |= !strcmp(json_string_value(json_object_get(prev, "title")), title);
        json_t *edit = seen ? NULL : someone ? config_edit(s, d, "authorized", NULL, word, english)
                                             : config_edit(s, d, "allowed", "words", word, english);
        if (edit)
            json_array_append_new(actions, action(title, "quickfix",
                                                  json_pack("[o]", finding_json(s, d, f)), edit));
    }
    if (fixable && kind_wanted(only, "source.fixAll")) {
        json_t *edits = json_array();
        for (size_t i = 0; i < d->res.n_titles; i++)
            if (d->res.titles[i].suggestion)
                json_array_append_new(edits, text_edit(s, d, &d->res.titles[i]));
        snprintf(title, sizeof(title), english ? "Fix all %zu titles in this file"
                                             : "修正本文件全部 %zu 个标题", fixable);
        json_array_append_new(actions, action(title, "source.fixAll", NULL,
                                              changes_edit(d->uri, edits)));
    }
    return actions;
}

/* ---- the lifecycle ----------------------------------------------------- */

static json_t *
initialize(struct server *s, json_t *params, int *code, const char **why)
{
    json_t *caps = json_object_get(params, "capabilities");
    json_t *offered = json_object_get(json_object_get(caps, "general"), "positionEncodings");
    size_t i;
    json_t *e;

    if (s->initialized) {
        *code = RPC_INVALID_REQUEST;
        *why = "initialize was already received";
        return NULL;
    }
    /* the client's order is its preference; UTF-16 when it names none */
    s->enc = ENC_UTF16;
    bool chosen = false;
    json_array_foreach(offered, i, e) {
        for (int k = 0; k < 3 && !chosen; k++)
            if (json_is_string(e) && !strcmp(json_string_value(e), encoding_names[k])) {
                s->enc = (enum encoding) k;
                chosen = true;
            }
    }
    json_t *we = json_object_get(json_object_get(caps, "workspace"), "workspaceEdit");
    json_t *ops = json_object_get(we, "resourceOperations");
    s->can_create_files = false;
    json_array_foreach(ops, i, e)
        s->can_create_files |= json_is_true(json_object_get(we, "documentChanges")) &&
                               json_is_string(e) && !strcmp(json_string_value(e), "create");
    json_t *folders = json_object_get(params, "workspaceFolders");
    const char *root = json_string_value(json_object_get(json_array_get(folders, 0), "uri"));
    if (!root)
        root = json_string_value(json_object_get(params, "rootUri"));
    free(s->root);
    s->root = root ? uri_to_path(root) : NULL;
    s->initialized = true;
    return json_pack("{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:{s:[s, s]}}, s:{s:s, s:s}}",
        "capabilities",
            "positionEncoding", encoding_names[s->enc],
            "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
            "codeActionProvider", "codeActionKinds", "quickfix", "source.fixAll",
        "serverInfo", "name", "titlelint", "version", titlelint_version());
}

static json_t *
shutdown_request(struct server *s, json_t *params, int *code, const char **why)
{
    (void) params;
    (void) code;
    (void) why;
    s->shut_down = true;
    return json_null();
}

static void
exit_notification(struct server *s, json_t *params)
{
    (void) params;
    s->exited = true;
}

static void
initialized(struct server *s, json_t *params)
{
    (void) s;
    (void) params;
}

static void
watched_files_changed(struct server *s, json_t *params)
{
    (void) params;
    relint_stale(s);
}

struct method {
    const char *name;
    json_t *(*request)(struct server *, json_t *, int *, const char **);
    void (*notification)(struct server *, json_t *);
};

static const struct method methods[] = {
    { "initialize", initialize, NULL },
    { "initialized", NULL, initialized },
    { "shutdown", shutdown_request, NULL },
    { "exit", NULL, exit_notification },
    { "textDocument/didOpen", NULL, did_open },
    { "textDocument/didChange", NULL, did_change },
    { "textDocument/didSave", NULL, did_save },
    { "textDocument/didClose", NULL, did_close },
    { "textDocument/codeAction", code_action, NULL },
    { "workspace/didChangeWatchedFiles", NULL, watched_files_changed },
};

static void
handle(struct server *s, const char *body, size_t len)
{
    json_error_t jerr;
    char why[512];
    json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &jerr);

    if (!msg) {
        snprintf(why, sizeof(why), "parse error: %s (line %d, column %d)", jerr.text,
                 jerr.line, jerr.column);
        respond(s, NULL, NULL, RPC_PARSE_ERROR, why);
        return;
    }
    json_t *id = json_object_get(msg, "id");
    const char *method = json_string_value(json_object_get(msg, "method"));
    json_t *params = json_object_get(msg, "params");
    bool valid_id = !id || json_is_string(id) || json_is_integer(id) || json_is_null(id);
    if (!json_is_object(msg) || !valid_id ||
        (!method && !json_object_get(msg, "result") && !json_object_get(msg, "error")) ||
        (params && !json_is_object(params) && !json_is_array(params))) {
        respond(s, valid_id ? id : NULL, NULL, RPC_INVALID_REQUEST, "invalid request");
        json_decref(msg);
        return;
    }
    if (!method) {          /* a response to a request of ours: none sent */
        json_decref(msg);
        return;
    }
    const struct method *m = NULL;
    for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
        if (!strcmp(methods[i].name, method))
            m = &methods[i];
    if (!s->initialized && strcmp(method, "initialize") && strcmp(method, "exit")) {
        if (id)
            respond(s, id, NULL, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized");
    } else if (s->shut_down && strcmp(method, "exit")) {
        if (id)
            respond(s, id, NULL, RPC_INVALID_REQUEST, "the server is shut down");
    } else if (m && id && m->request) {
        int code = 0;
        const char *reason = NULL;
        json_t *result = m->request(s, params, &code, &reason);
        respond(s, id, result, code, reason);
    } else if (m && !id && m->notification) {
        m->notification(s, params);
    } else if (id) {
        snprintf(why, sizeof(why), "unknown method '%s'", method);
        respond(s, id, NULL, RPC_METHOD_NOT_FOUND, why);
    } else if (strncmp(method, "$/", 2) != 0) {
        fprintf(stderr, "titlelint lsp: ignored notification '%s'\n", method);
    }
    json_decref(msg);
}

int
lsp_serve(const struct options *opt, bool lang_given, struct titlelint_context *base,
          FILE *in, FILE *out)
{
    struct server s = { .opt = opt, .lang_given = lang_given, .base = base, .in = in,
                        .out = out };
    struct buf body = { 0 };
    char why[256];
    enum read_result r;

    while (!s.exited && (r = read_message(in, &body, why, sizeof(why))) != READ_END) {
        if (r == READ_BAD)
            respond(&s, NULL, NULL, RPC_INVALID_REQUEST, why);
        else
            handle(&s, body.data, body.len);
    }
    for (size_t i = 0; i < s.n_docs; i++)
        doc_free(s.docs[i]);
    for (size_t i = 0; i < s.n_profiles; i++)
        profile_free(s.profiles[i]);
    free(s.docs);
    free(s.profiles);
    free(s.root);
    free(body.data);
    return s.exited && s.shut_down ? 0 : 1;
}
