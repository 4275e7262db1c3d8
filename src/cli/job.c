#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "job.h"

static int
to_buf(void *ud, const char *data, size_t len)
{
    return buf_append(ud, data, len) ? 0 : -1;
}

/* ---- one job ----------------------------------------------------------- */

static const char *
level_of(enum titlelint_severity s)
{
    return s == TITLELINT_SEVERITY_ERROR ? "error" :
           s == TITLELINT_SEVERITY_WARNING ? "warning" : "note";
}

/* The findings as one cell: "TL501 香奈儿同款; TL201 !!!". */
static bool
findings_cell(struct titlelint_checker *chk, struct buf *cell)
{
    bool ok = true;
    for (size_t i = 0; i < titlelint_checker_get_diagnostic_count(chk); i++) {
        const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, i);
        const char *text = titlelint_diagnostic_get_text(d);
        if (!*text)
            text = titlelint_diagnostic_get_message(d);
        ok &= buf_printf(cell, "%s%s %s%s%s", i ? "; " : "",
                         titlelint_rule_get_code(titlelint_diagnostic_get_rule(d)),
                         titlelint_rule_get_name(titlelint_diagnostic_get_rule(d)),
                         *text ? ": " : "", text);
    }
    return ok;
}

/* One SARIF result per finding, comma-separated. */
static bool
sarif_results(struct titlelint_checker *chk, const struct job *job, const char *file,
              struct buf *out)
{
    bool ok = true;
    for (size_t i = 0; i < titlelint_checker_get_diagnostic_count(chk); i++) {
        const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, i);
        const struct titlelint_rule *r = titlelint_diagnostic_get_rule(d);
        struct titlelint_position start, end;
        titlelint_diagnostic_get_span(d, &start, &end);
        size_t index = 0;
        while (titlelint_rule_get(index) != r)
            index++;
        /* Columns count code points (columnKind); a table row's region
         * is its title cell's line. */
        json_t *region = json_pack("{s:I, s:I, s:I}",
                                   "startLine", (json_int_t) job->phys_line,
                                   "startColumn", (json_int_t) start.chars + 1,
                                   "endColumn", (json_int_t) (end.chars > start.chars
                                                              ? end.chars + 1 : start.chars + 2));
        json_t *res = json_pack("{s:s, s:I, s:s, s:{s:s}, s:[{s:{s:{s:s}, s:o}}], s:{s:s}}",
                                "ruleId", titlelint_rule_get_code(r),
                                "ruleIndex", (json_int_t) index,
                                "level", level_of(titlelint_diagnostic_get_severity(d)),
                                "message", "text", titlelint_diagnostic_get_message(d),
                                "locations", "physicalLocation", "artifactLocation",
                                "uri", file, "region", region,
                                "properties", "title", job->title.data ? job->title.data : "");
        if (!res)
            return false;
        if (job->id)
            json_object_set_new(json_object_get(res, "properties"), "id", json_string(job->id));
        char *s = json_dumps(res, JSON_COMPACT);
        ok &= s && buf_printf(out, "%s%s", out->len ? ",\n" : "", s);
        free(s);
        json_decref(res);
    }
    return ok;
}

/* GitHub's workflow commands escape %, CR and LF (and , : in properties). */
static bool
github_escape(struct buf *b, const char *s, bool property)
{
    bool ok = true;
    for (; *s && ok; s++) {
        switch (*s) {
        case '%': ok = buf_append(b, "%25", 3); break;
        case '\r': ok = buf_append(b, "%0D", 3); break;
        case '\n': ok = buf_append(b, "%0A", 3); break;
        case ':': ok = property ? buf_append(b, "%3A", 3) : buf_append(b, s, 1); break;
        case ',': ok = property ? buf_append(b, "%2C", 3) : buf_append(b, s, 1); break;
        default: ok = buf_append(b, s, 1);
        }
    }
    return ok;
}

static bool
github_annotations(struct titlelint_checker *chk, const struct job *job, const char *file,
                   struct buf *out)
{
    bool ok = true;
    for (size_t i = 0; i < titlelint_checker_get_diagnostic_count(chk) && ok; i++) {
        const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, i);
        const struct titlelint_rule *r = titlelint_diagnostic_get_rule(d);
        enum titlelint_severity s = titlelint_diagnostic_get_severity(d);
        struct titlelint_position start, end;
        titlelint_diagnostic_get_span(d, &start, &end);
        ok &= buf_printf(out, "::%s file=", s == TITLELINT_SEVERITY_ERROR ? "error" :
                                            s == TITLELINT_SEVERITY_WARNING ? "warning" : "notice");
        ok &= github_escape(out, file, true);
        ok &= buf_printf(out, ",line=%zu,col=%zu,endColumn=%zu,title=", job->phys_line,
                         start.chars + 1, end.chars + 1);
        ok &= github_escape(out, titlelint_rule_get_code(r), true);
        ok &= buf_append(out, " ", 1) && github_escape(out, titlelint_rule_get_name(r), true);
        ok &= buf_append(out, "::", 2) &&
              github_escape(out, titlelint_diagnostic_get_message(d), false);
        ok &= buf_append(out, "\n", 1);
    }
    return ok;
}

/* UTF-16 units of @n bytes of UTF-8 at @s. */
static size_t
utf16_units(const char *s, size_t n)
{
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char) s[i];
        if ((c & 0xC0) != 0x80)
            u += c >= 0xF0 ? 2 : 1;
    }
    return u;
}

/* Where the title starts in its line, in UTF-16 units: 0 for a text
 * line; in a CSV record, where its cell's text is first found (exact but
 * for titles with doubled quotes or line breaks). */
static size_t
title_column16(const struct job *job)
{
    if (!job->row || !job->raw.data || !job->title.data || !job->title.len)
        return 0;
    const char *at = strstr(job->raw.data, job->title.data);
    if (!at)
        return 0;
    const char *line = at;
    while (line > job->raw.data && line[-1] != '\n')
        line--;
    return utf16_units(line, (size_t) (at - line));
}

/* LSP Diagnostic objects, comma-separated (the file's wrapper is main's). */
static bool
lsp_diagnostics(struct titlelint_checker *chk, const struct job *job, struct buf *out)
{
    bool ok = true;
    const char *s = titlelint_suggest(chk);
    size_t col = title_column16(job);
    for (size_t i = 0; i < titlelint_checker_get_diagnostic_count(chk) && ok; i++) {
        const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, i);
        const struct titlelint_rule *r = titlelint_diagnostic_get_rule(d);
        enum titlelint_severity sev = titlelint_diagnostic_get_severity(d);
        struct titlelint_position start, end;
        titlelint_diagnostic_get_span(d, &start, &end);
        json_t *o = json_pack(
            "{s:{s:{s:I, s:I}, s:{s:I, s:I}}, s:i, s:s, s:{s:s}, s:s, s:s, s:{s:s?, s:s}}",
            "range", "start", "line", (json_int_t) job->phys_line - 1,
            "character", (json_int_t) (col + start.utf16),
            "end", "line", (json_int_t) job->phys_line - 1,
            "character", (json_int_t) (col + end.utf16),
            "severity", sev == TITLELINT_SEVERITY_ERROR ? 1 : sev == TITLELINT_SEVERITY_WARNING ? 2 : 3,
            "code", titlelint_rule_get_code(r),
            "codeDescription", "href", "man:titlelint-rules(7)",
            "source", "titlelint",
            "message", titlelint_diagnostic_get_message(d),
            "data", "suggestion", s, "rule", titlelint_rule_get_name(r));
        char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
        ok = text && buf_printf(out, "%s%s", out->len ? "," : "", text);
        free(text);
        json_decref(o);
    }
    return ok;
}

static void
format_job(struct titlelint_checker *chk, const struct options *opt, const char *file,
           char delim, struct job *job)
{
    bool ok = true;
    unsigned flags = (opt->color > 0 ? TITLELINT_REPORT_COLOR : 0) |
                     (opt->suggest ? TITLELINT_REPORT_SUGGEST : 0);

    switch (opt->format) {
    case OUT_TEXT:
    case OUT_JSON:
    case OUT_JSONL: {
        enum titlelint_format f = opt->format == OUT_TEXT ? TITLELINT_FORMAT_TEXT :
                                  opt->format == OUT_JSON ? TITLELINT_FORMAT_JSON
                                                          : TITLELINT_FORMAT_JSONL;
        enum titlelint_status st = job->row
            ? titlelint_checker_write_row_report(chk, f, (enum titlelint_report_flags) flags,
                                                 file, job->line, job->id, to_buf, &job->out)
            : titlelint_checker_write_report(chk, f, (enum titlelint_report_flags) flags,
                                             file, job->line, to_buf, &job->out);
        ok = st == TITLELINT_OK;
        break;
    }
    case OUT_CSV: {
        /* the input's cells as they were, then ours */
        struct buf cell = { 0 };
        const char *s = titlelint_suggest(chk);
        ok &= job->row ? buf_append(&job->out, job->raw.data, job->raw.len)
                       : buf_csv_cell(&job->out, job->title.data ? job->title.data : "", 0);
        ok &= buf_printf(&job->out, "%c%zu", delim, titlelint_checker_get_diagnostic_count(chk));
        ok &= findings_cell(chk, &cell) && buf_csv_cell(&job->out, cell.data ? cell.data : "", delim);
        ok &= buf_csv_cell(&job->out, s ? s : "", delim);
        ok &= buf_append(&job->out, job->ending && *job->ending ? job->ending : "\n",
                         job->ending && *job->ending ? strlen(job->ending) : 1);
        free(cell.data);
        break;
    }
    case OUT_SARIF:
        ok = sarif_results(chk, job, file, &job->out);
        break;
    case OUT_GITHUB:
        ok = github_annotations(chk, job, file, &job->out);
        break;
    case OUT_LSP:
        ok = lsp_diagnostics(chk, job, &job->out);
        break;
    }
    if (!ok)
        job->failed = true;
}

static void
count_findings(struct titlelint_checker *chk, const struct string_set *baseline,
               struct job *job)
{
    job->n_diags = titlelint_checker_get_diagnostic_count(chk);
    job->max_severity = titlelint_checker_get_max_severity(chk);
    job->max_new_severity = TITLELINT_SEVERITY_OFF;
    memset(job->rule_hits, 0, sizeof(job->rule_hits));
    job->terms.len = 0;
    for (size_t i = 0; i < job->n_diags; i++) {
        const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(chk, i);
        size_t r = 0;
        while (titlelint_rule_get(r) != titlelint_diagnostic_get_rule(d))
            r++;
        if (r < MAX_RULES)
            job->rule_hits[r]++;
        enum titlelint_severity sev = titlelint_diagnostic_get_severity(d);
        if (sev > job->max_new_severity) {
            bool accepted = false;
            if (baseline) {
                char *key = baseline_key(job->id ? job->id : (job->title.data ? job->title.data : ""),
                                         titlelint_rule_get_code(titlelint_diagnostic_get_rule(d)));
                accepted = key && set_find(baseline, key) >= 0;
                free(key);
            }
            if (!accepted)
                job->max_new_severity = sev;
        }
        /* the term as the lexicon names it, else as written; findings
         * about the whole title (length, category, attributes, stuffing)
         * have no offending term */
        const char *code = titlelint_rule_get_code(titlelint_diagnostic_get_rule(d));
        if (strcmp(code, "TL001") == 0 || strcmp(code, "TL002") == 0 ||
            strncmp(code, "TL1", 3) == 0 || strcmp(code, "TL301") == 0 ||
            strncmp(code, "TL7", 3) == 0)
            continue;
        const char *term = titlelint_diagnostic_get_canonical(d);
        if (!*term)
            term = titlelint_diagnostic_get_text(d);
        if (*term && !buf_append(&job->terms, term, strlen(term) + 1))
            job->failed = true;
    }
}

static bool
check(struct titlelint_checker *chk, const struct options *opt, struct job *job,
      const char *title, size_t len)
{
    enum titlelint_status st = job->invalid
        ? titlelint_checker_set_invalid(chk, title, len, job->invalid)
        : titlelint_checker_check(chk, title, len, job->brand ? job->brand : opt->brand,
                                  job->category ? job->category : opt->category);
    if (st != TITLELINT_OK) {
        fprintf(stderr, "titlelint: line %zu: %s\n", job->line, titlelint_status_to_str(st));
        job->failed = true;
        return false;
    }
    return true;
}

static void
add_duplicate(struct titlelint_checker *chk, struct job *job)
{
    if (job->duplicate &&
        titlelint_checker_add_catalog_finding(chk, titlelint_rule_find("duplicate-title"),
                                              job->duplicate) != TITLELINT_OK)
        job->failed = true;
}

static void
process(struct titlelint_checker *chk, const struct options *opt, const char *file,
        char delim, const struct string_set *baseline, struct job *job)
{
    const char *title = job->title.data ? job->title.data : "";
    size_t len = job->title.len;

    if (!check(chk, opt, job, title, len))
        return;
    if (opt->fix || opt->diff) {
        /* the suggestion replaces the title; the report is about it */
        const char *s = titlelint_suggest(chk);
        job->fixed.len = 0;
        if (s && !job->invalid && (strlen(s) != len || memcmp(s, title, len) != 0)) {
            job->changed = true;
            if (!buf_append(&job->old_title, title, len) ||
                !buf_append(&job->fixed, s, strlen(s))) {
                job->failed = true;
                return;
            }
            job->title.len = 0;
            if (!buf_append(&job->title, job->fixed.data, job->fixed.len) ||
                !check(chk, opt, job, job->title.data, job->title.len))
                return;
        }
        if (job->row) {
            /* a table keeps its cells and gets a suggestion column */
            struct buf row = { 0 };
            bool ok = buf_append(&row, job->raw.data, job->raw.len) &&
                      buf_csv_cell(&row, job->changed ? job->fixed.data : "", delim);
            free(job->fixed.data);
            job->fixed = row;
            job->failed |= !ok;
        } else if (!job->changed) {
            job->failed |= !buf_append(&job->fixed, title, len);
        }
    }
    add_duplicate(chk, job);
    count_findings(chk, baseline, job);
    if (!opt->diff)
        format_job(chk, opt, file, delim, job);
}

/* ---- the batch --------------------------------------------------------- */

struct worker_arg {
    struct engine *e;
    int index;
};

static void
work(struct engine *e, struct titlelint_checker *chk)
{
    for (;;) {
        size_t i = atomic_fetch_add_explicit(&e->next, 1, memory_order_relaxed);
        if (i >= e->n_jobs)
            return;
        struct job *j = &e->jobs[i];
        if (e->keys_only)
            j->key = j->title.len ? titlelint_title_key(chk, j->title.data, j->title.len) : 0;
        else
            process(chk, e->opt, e->file, e->delim, e->baseline, j);
    }
}

static void *
worker(void *arg)
{
    struct worker_arg *wa = arg;
    struct engine *e = wa->e;
    struct titlelint_checker *chk = e->checkers[wa->index];

    for (;;) {
        pthread_barrier_wait(&e->start);
        if (e->stop)
            break;
        work(e, chk);
        pthread_barrier_wait(&e->done);
    }
    free(wa);
    return NULL;
}

bool
engine_start(struct engine *e, const struct options *opt, struct titlelint_context *ctx,
             int n, void (*configure)(struct titlelint_checker *, void *), void *arg)
{
    memset(e, 0, sizeof(*e));
    e->opt = opt;
    e->delim = ',';
    e->n_workers = n > 1 ? n : 0;
    int n_checkers = e->n_workers ? e->n_workers : 1;
    e->checkers = calloc((size_t) n_checkers, sizeof(*e->checkers));
    if (!e->checkers)
        return false;
    for (int i = 0; i < n_checkers; i++) {
        if (!(e->checkers[i] = titlelint_checker_new(ctx)))
            return false;
        configure(e->checkers[i], arg);
    }
    if (!e->n_workers)
        return true;
    e->threads = calloc((size_t) e->n_workers, sizeof(pthread_t));
    if (!e->threads || pthread_barrier_init(&e->start, NULL, (unsigned) e->n_workers + 1) ||
        pthread_barrier_init(&e->done, NULL, (unsigned) e->n_workers + 1))
        return false;
    for (int i = 0; i < e->n_workers; i++) {
        struct worker_arg *wa = malloc(sizeof(*wa));
        if (!wa)
            return false;
        *wa = (struct worker_arg){ e, i };
        if (pthread_create(&e->threads[i], NULL, worker, wa) != 0) {
            free(wa);
            e->n_workers = i;   /* the ones started are stopped normally */
            return false;
        }
    }
    return true;
}

static void
job_free(struct job *j)
{
    free(j->title.data);
    free(j->brand);
    free(j->category);
    free(j->id);
    free(j->invalid);
    free(j->duplicate);
    free(j->raw.data);
    free(j->out.data);
    free(j->fixed.data);
    free(j->old_title.data);
    free(j->terms.data);
}

void
engine_stop(struct engine *e)
{
    if (e->n_workers) {
        e->stop = true;
        pthread_barrier_wait(&e->start);
        for (int i = 0; i < e->n_workers; i++)
            pthread_join(e->threads[i], NULL);
        pthread_barrier_destroy(&e->start);
        pthread_barrier_destroy(&e->done);
    }
    int n_checkers = e->n_workers ? e->n_workers : 1;
    for (int i = 0; e->checkers && i < n_checkers; i++)
        titlelint_checker_destroy(e->checkers[i]);
    free(e->checkers);
    free(e->threads);
    for (size_t i = 0; i < e->cap_jobs; i++)
        job_free(&e->jobs[i]);
    free(e->jobs);
}

struct job *
engine_add(struct engine *e)
{
    if (e->n_jobs == e->cap_jobs) {
        size_t cap = e->cap_jobs ? e->cap_jobs * 2 : 256;
        struct job *j = realloc(e->jobs, cap * sizeof(*j));
        if (!j)
            return NULL;
        memset(j + e->cap_jobs, 0, (cap - e->cap_jobs) * sizeof(*j));
        e->jobs = j;
        e->cap_jobs = cap;
    }
    struct job *j = &e->jobs[e->n_jobs++];
    /* keep the buffers, forget the contents */
    struct buf keep[7] = { j->title, j->raw, j->out, j->fixed, j->old_title, j->terms };
    free(j->brand);
    free(j->category);
    free(j->id);
    free(j->invalid);
    free(j->duplicate);
    memset(j, 0, sizeof(*j));
    j->title = keep[0];
    j->raw = keep[1];
    j->out = keep[2];
    j->fixed = keep[3];
    j->old_title = keep[4];
    j->terms = keep[5];
    j->title.len = j->raw.len = j->out.len = j->fixed.len = j->old_title.len = j->terms.len = 0;
    j->ending = "\n";
    return j;
}

void
engine_run(struct engine *e)
{
    atomic_store(&e->next, 0);
    if (!e->n_workers) {
        work(e, e->checkers[0]);
        return;
    }
    pthread_barrier_wait(&e->start);
    pthread_barrier_wait(&e->done);
}

void
engine_clear(struct engine *e)
{
    e->n_jobs = 0;
}
