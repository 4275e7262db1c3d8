/*
 * titlelint(1): the command-line front end.  It reads titles from text
 * files, CSV/TSV exports, stdin or -t, hands them in batches to the job
 * engine (job.c), and writes what comes back in input order.  It sees
 * nothing of the library but the public header.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <titlelint/titlelint.h>

#include "baseline.h"
#include "cli.h"
#include "configfile.h"
#include "input-csv.h"
#include "input-text.h"
#include "input.h"
#include "job.h"
#include "lsp.h"
#include "setup.h"

#define BATCH 2048

/* How many times each offending term was reported (--statistics). */
struct term_count {
    char *term;
    size_t count;
};

/* duplicate-title: the groups of rows of one file with the same key. */
struct dups {
    uint64_t *keys;
    char **ids;                   /* how each row is named in the message */
    size_t n, cap;
    uint32_t *group_of;           /* per row: 1 + group, or 0 */
    uint32_t *members;            /* rows of each group, group by group */
    uint32_t *group_start;        /* [groups + 1] */
    size_t n_groups;
};

/* What a run saw, for the exit status and --statistics. */
struct run {
    const struct options *opt;
    struct engine engine;
    size_t rule_counts[MAX_RULES];
    size_t titles;
    size_t titles_with_findings;
    size_t titles_with_errors, titles_with_warnings;
    size_t empty_lines;
    enum titlelint_severity max_severity;
    bool trouble;           /* an input could not be read: exit 2 */
    size_t fixed;           /* titles rewritten by --fix or --diff */
    bool json_started;      /* an object was written to the JSON array or SARIF results */
    struct term_count *terms;
    size_t n_terms, cap_terms;
    /* the file being read: for --fix and --diff, and the progress line */
    const char *file;
    FILE *fix_out;
    size_t fix_changed;
    bool diff_header;
    struct input *input;
    off_t input_size;
    time_t started;
    bool progress;
    /* duplicate-title over the file being read */
    struct dups *dups;
    size_t row_index;
    /* --baseline and --write-baseline */
    struct string_set baseline, written;
    size_t accepted, new_findings;
    enum titlelint_severity max_new_severity;
};

static const char usage_text[] =
    "Usage: titlelint [OPTIONS] [FILE...]\n"
    "       titlelint lsp [OPTIONS]   (a language server on stdin/stdout)\n"
    "Lint product titles against the WeChat Store (微信小店) title guide.\n"
    "A text FILE holds one title per line; a .csv or .tsv FILE is a product\n"
    "export, its titles found by the header.  With no FILE and no --title, or\n"
    "with -, titles are read from standard input.\n"
    "\n"
    "Input:\n"
    "  -t, --title TEXT        lint TEXT as a title (repeatable)\n"
    "      --brand NAME        the product's own brand (never reported as riding)\n"
    "      --category NAME     the product's category, a leaf or a path (a>b>c)\n"
    "      --input-format FMT  auto (default: by extension), text, csv, tsv or jsonl\n"
    "      --encoding ENC      utf-8 or gb18030 (default: detected)\n"
    "      --column COL        the title column of a CSV (a name or a 1-based index)\n"
    "      --category-column COL, --brand-column COL, --id-column COL\n"
    "                          the other columns of a CSV\n"
    "      --no-header         the CSV has no header row\n"
    "Rules:\n"
    "      --select RULES      only these rules (comma-separated names or codes)\n"
    "      --ignore RULES      not these rules\n"
    "      --lexicon-dir DIR   also load the lexicons in DIR (repeatable)\n"
    "      --config FILE       read settings from FILE instead of the nearest\n"
    "                          .titlelint.ini (searched upward from the first FILE)\n"
    "      --no-config         read no configuration file\n"
    "      --no-default-lexicons  load only the --lexicon-dir directories\n"
    "Output:\n"
    "  -f, --format FORMAT     text (default), json, jsonl, csv, sarif, github\n"
    "                          (Actions annotations) or lsp (LSP diagnostics)\n"
    "      --lang LANG         messages in zh (default) or en\n"
    "      --color[=WHEN]      colour text output: always (default WHEN), never,\n"
    "                          auto (the default: only when stdout is a terminal)\n"
    "      --statistics        print counts per rule and the most frequent\n"
    "                          offending terms at the end\n"
    "      --suggest           text output: a suggested title under each title with\n"
    "                          findings (JSON output always carries it)\n"
    "  -q, --quiet             no progress line on a terminal\n"
    "  -j, --jobs N            lint with N threads (default: the number of cores)\n"
    "Fixing:\n"
    "      --fix               replace each title that has a suggestion by it, in\n"
    "                          place (atomically) or into -o FILE; a CSV gets a\n"
    "                          suggestion column instead\n"
    "  -o, --output FILE       with --fix and one input FILE: write the result here\n"
    "      --diff              print a unified diff of what --fix would change\n"
    "Exit status:\n"
    "      --baseline FILE     findings recorded in FILE (by product id and rule)\n"
    "                          are accepted: only new ones count; stale ones are listed\n"
    "      --write-baseline FILE  record every finding of this run in FILE\n"
    "      --fail-level LEVEL  exit 1 when a finding is at LEVEL or above:\n"
    "                          error (default), warning or info\n"
    "      --exit-zero         exit 0 even when findings reach the fail level\n"
    "Editors:\n"
    "      --lsp               run as a language server on stdin/stdout (the\n"
    "                          same as the lsp command); the Input and Rules\n"
    "                          options and --lang apply to every document\n"
    "Information:\n"
    "      --list-rules        list every rule with its code and severity\n"
    "      --explain RULE      explain a rule (name or code)\n"
    "  -V, --version           print the version\n"
    "  -h, --help              print this help\n"
    "\n"
    "Exit status: 0 nothing reached the fail level, 1 something did,\n"
    "2 usage or input error.  See titlelint(1).\n";

static _Noreturn void
die_usage(const char *what, const char *arg, const char *choices)
{
    fprintf(stderr, "titlelint: unknown %s '%s' (%s)\n"
            "Try 'titlelint --help' for more information.\n", what, arg, choices);
    exit(EXIT_TROUBLE);
}

/* One accepted value of an option taking a word, and what it sets. */
struct choice {
    const char *name;
    int value;
};

/* The value of the choice named @arg; else exits with a usage error that
 * lists the accepted names, taken from the same table. */
static int
choose(const char *what, const char *arg, const struct choice *choices, size_t n)
{
    char list[256] = "";
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(arg, choices[i].name) == 0)
            return choices[i].value;
        const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
        int w = snprintf(list + len, sizeof(list) - len, "%s%s", sep, choices[i].name);
        if (w > 0 && (size_t) w < sizeof(list) - len)
            len += (size_t) w;
    }
    die_usage(what, arg, list);
}

#define CHOOSE(what, arg, table) choose(what, arg, table, sizeof(table) / sizeof((table)[0]))

static const struct choice input_formats[] = {
    { "auto", IN_AUTO }, { "text", IN_TEXT }, { "csv", IN_CSV }, { "tsv", IN_TSV },
    { "jsonl", IN_JSONL },
};
static const struct choice output_formats[] = {
    { "text", OUT_TEXT }, { "json", OUT_JSON }, { "jsonl", OUT_JSONL }, { "csv", OUT_CSV },
    { "sarif", OUT_SARIF }, { "github", OUT_GITHUB }, { "lsp", OUT_LSP },
};
static const struct choice fail_levels[] = {
    { "error", TITLELINT_SEVERITY_ERROR }, { "warning", TITLELINT_SEVERITY_WARNING },
    { "info", TITLELINT_SEVERITY_INFO },
};
static const struct choice languages[] = {
    { "zh", TITLELINT_LANG_ZH }, { "en", TITLELINT_LANG_EN },
};
static const struct choice colors[] = {
    { "always", 1 }, { "never", 0 }, { "auto", -1 },
};

/* The configuration: --config, else the nearest .titlelint.ini above the
 * first input file (or the working directory). */
static bool
load_config(struct config *cfg, struct options *opt, int argc, char **argv)
{
    char err[PATH_MAX + 512];
    char *path = NULL;

    config_init(cfg);
    if (opt->no_config)
        return true;
    if (opt->config_path) {
        path = strdup(opt->config_path);
    } else {
        char file[PATH_MAX];
        const char *dir = ".";
        if (optind < argc && strcmp(argv[optind], "-") != 0) {
            snprintf(file, sizeof(file), "%s", argv[optind]);
            dir = dirname(file);
        }
        path = config_find(dir);
    }
    if (!path)
        return true;
    bool ok = config_load(cfg, path, err, sizeof(err));
    free(path);
    if (!ok) {
        fprintf(stderr, "titlelint: %s\n", err);
        return false;
    }
    if (opt->lang < 0 && cfg->lang)
        opt->lang = strcmp(cfg->lang, "en") == 0 ? TITLELINT_LANG_EN : TITLELINT_LANG_ZH;
    if (opt->fail_level < 0 && cfg->fail_level)
        opt->fail_level = (int) severity_from_str(cfg->fail_level);
    return true;
}

/* ---- writing out a batch ----------------------------------------------- */

static void
out_write(struct run *run, const char *data, size_t len)
{
    if (len && fwrite(data, 1, len, stdout) != len) {
        fprintf(stderr, "titlelint: cannot write the report: %s\n", strerror(errno));
        exit(EXIT_TROUBLE);
    }
    (void) run;
}

static void
count_term(struct run *run, const char *term)
{
    for (size_t i = 0; i < run->n_terms; i++)
        if (strcmp(run->terms[i].term, term) == 0) {
            run->terms[i].count++;
            return;
        }
    if (run->n_terms == run->cap_terms) {
        size_t cap = run->cap_terms ? run->cap_terms * 2 : 64;
        struct term_count *t = realloc(run->terms, cap * sizeof(*t));
        if (!t)
            die_nomem();
        run->terms = t;
        run->cap_terms = cap;
    }
    char *copy = strdup(term);
    if (!copy)
        die_nomem();
    run->terms[run->n_terms++] = (struct term_count){ copy, 1 };
}

static void
diff_hunk(struct run *run, const struct job *job)
{
    const char *file = run->file;
    const char *a = file[0] == '/' ? "" : "a/", *b = file[0] == '/' ? "" : "b/";
    const char *old = job->row ? job->raw.data : job->old_title.data;
    size_t old_len = job->row ? job->raw.len : job->old_title.len;
    const char *nl = job->ending && *job->ending ? "" : "\n\\ No newline at end of file";

    if (!run->diff_header)
        printf("--- %s%s\n+++ %s%s\n", a, file, b, file);
    run->diff_header = true;
    printf("@@ -%zu +%zu @@\n-%.*s%s\n+%.*s%s\n", job->phys_line, job->phys_line,
           (int) old_len, old ? old : "", nl, (int) job->fixed.len,
           job->fixed.data ? job->fixed.data : "", nl);
}

/* Lints the batch and writes it out in order. */
static void
flush_batch(struct run *run)
{
    struct engine *e = &run->engine;
    const struct options *opt = run->opt;

    if (!e->n_jobs)
        return;
    engine_run(e);
    for (size_t i = 0; i < e->n_jobs; i++) {
        struct job *job = &e->jobs[i];
        if (job->failed) {
            run->trouble = true;
            continue;
        }
        run->titles++;
        if (job->n_diags)
            run->titles_with_findings++;
        run->titles_with_errors += job->max_severity == TITLELINT_SEVERITY_ERROR;
        run->titles_with_warnings += job->max_severity == TITLELINT_SEVERITY_WARNING;
        if (job->max_severity > run->max_severity)
            run->max_severity = job->max_severity;
        for (size_t r = 0; r < MAX_RULES; r++) {
            run->rule_counts[r] += job->rule_hits[r];
            if (!job->rule_hits[r] || (!opt->baseline && !opt->write_baseline))
                continue;
            char *key = baseline_key(job->id ? job->id : (job->title.data ? job->title.data : ""),
                                     titlelint_rule_get_code(titlelint_rule_get(r)));
            if (!key)
                die_nomem();
            long slot = opt->baseline ? set_find(&run->baseline, key) : -1;
            if (slot >= 0) {
                run->baseline.seen[slot] = true;
                run->accepted += job->rule_hits[r];
            } else {
                run->new_findings += job->rule_hits[r];
            }
            if (opt->write_baseline && !set_add(&run->written, key))
                die_nomem();
            free(key);
        }
        if (job->max_new_severity > run->max_new_severity)
            run->max_new_severity = job->max_new_severity;
        if (opt->statistics)
            for (const char *t = job->terms.data; t && t < job->terms.data + job->terms.len;
                 t += strlen(t) + 1)
                count_term(run, t);
        if (job->changed) {
            run->fixed++;
            run->fix_changed++;
        }
        if (opt->diff) {
            if (job->changed || (job->row && job->fixed.len))
                diff_hunk(run, job);
            continue;
        }
        if (run->fix_out) {
            fwrite(job->fixed.data ? job->fixed.data : "", 1, job->fixed.len, run->fix_out);
            fputs(job->ending ? job->ending : "\n", run->fix_out);
        }
        bool sep = (opt->format == OUT_JSON || opt->format == OUT_SARIF ||
                    opt->format == OUT_LSP) && job->out.len;
        if (sep && run->json_started)
            out_write(run, ",\n", 2);
        run->json_started |= sep;
        out_write(run, job->out.data, job->out.len);
    }
    engine_clear(e);

    if (run->progress && run->input) {
        double secs = difftime(time(NULL), run->started);
        double rate = secs > 0 ? (double) run->titles / secs : 0;
        off_t at = ftello(run->input->f);
        if (run->input_size > 0 && at >= 0) {
            double frac = (double) at / (double) run->input_size;
            double left = frac > 0 ? secs * (1 - frac) / frac : 0;
            fprintf(stderr, "\r%s: %zu rows, %.0f rows/s, %3.0f%%, %.0fs left   ", run->file,
                    run->titles, rate, 100 * frac, left);
        } else {
            fprintf(stderr, "\r%s: %zu rows, %.0f rows/s   ", run->file, run->titles, rate);
        }
    }
}

/* "与另外 2 行标题重复或近似重复：商品ID 1002、1006" for a row of a group. */
static char *
duplicate_message(const struct run *run, size_t row)
{
    const struct dups *d = run->dups;
    if (!d || row >= d->n || !d->group_of[row])
        return NULL;
    bool en = run->opt->lang == TITLELINT_LANG_EN;
    uint32_t g = d->group_of[row] - 1;
    size_t others = d->group_start[g + 1] - d->group_start[g] - 1;
    struct buf b = { 0 };
    bool ok = buf_printf(&b, en ? "the same or nearly the same title as %zu other row%s: "
                                : "与另外 %zu 行的标题重复或近似重复%s：",
                         others, en && others > 1 ? "s" : "");
    size_t shown = 0;
    for (uint32_t k = d->group_start[g]; k < d->group_start[g + 1]; k++) {
        uint32_t m = d->members[k];
        if (m == row)
            continue;
        if (shown == 8) {
            ok &= buf_printf(&b, en ? " and %zu more" : " 等 %zu 个", others - shown);
            break;
        }
        ok &= buf_printf(&b, "%s%s", shown ? (en ? ", " : "、") : "", d->ids[m]);
        shown++;
    }
    if (!ok)
        die_nomem();
    return b.data;
}

static struct job *
add_job(struct run *run)
{
    if (run->engine.n_jobs == BATCH)
        flush_batch(run);
    struct job *j = engine_add(&run->engine);
    if (!j)
        die_nomem();
    j->duplicate = duplicate_message(run, run->row_index++);
    return j;
}

static char *
dup_or_null(const char *s, size_t n)
{
    if (!n)
        return NULL;
    char *d = strndup(s, n);
    if (!d)
        die_nomem();
    return d;
}

/* ---- text inputs ------------------------------------------------------- */

/*
 * Bytes of a GB18030 input that are no GB18030 (a sequence cut by the end
 * of the file, a bad trail byte) come out of the converter as U+FFFD.  A
 * title holding one is reported as invalid-input with its offset, never
 * linted as if the character were there.  Returns false when the title is
 * clean (always for UTF-8 input, whose bad bytes the library finds).
 */
static bool
undecodable(const struct input *in, const struct options *opt, const char *s, size_t n,
            char *why, size_t size)
{
    if (!in->from)
        return false;
    for (size_t i = 0; i + 3 <= n; i++) {
        if (memcmp(s + i, "\xEF\xBF\xBD", 3) == 0) {
            snprintf(why, size, opt->lang == TITLELINT_LANG_EN
                     ? "bytes at offset %zu are not valid %s (a truncated or invalid sequence); title not checked"
                     : "字节偏移 %zu 处不是有效的 %s 编码（字节序列被截断或无效），此标题未检查",
                     i, in->encoding);
            return true;
        }
    }
    return false;
}

static void
lint_lines(struct run *run, struct input *in, const char *name)
{
    struct line_reader lr;
    const char *line;
    ssize_t len;

    line_reader_init(&lr, in);
    while ((len = line_reader_next(&lr, &line)) >= 0) {
        if (lr.lineno == 1 && lr.bom && run->fix_out)
            fputs("\xEF\xBB\xBF", run->fix_out);
        if (len == 0) {
            run->empty_lines++;
            if (run->fix_out) {
                flush_batch(run);   /* keep the file's order */
                fputs(lr.ending, run->fix_out);
            }
            continue;
        }
        struct job *j = add_job(run);
        if (!buf_append(&j->title, line, (size_t) len))
            die_nomem();
        j->line = j->phys_line = lr.lineno;
        j->ending = lr.ending;
        char why[256];
        if (undecodable(in, run->opt, line, (size_t) len, why, sizeof(why)) &&
            !(j->invalid = strdup(why)))
            die_nomem();
    }
    flush_batch(run);
    if (in->error) {
        fprintf(stderr, "titlelint: %s:%zu: read error: %s\n", name, lr.lineno + 1,
                strerror(errno));
        run->trouble = true;
    }
    line_reader_finish(&lr);
}

/* ---- JSON Lines inputs ------------------------------------------------- */

/* A string member of @o as a new string, or NULL. */
static char *
member(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (json_is_integer(v)) {
        char n[32];
        snprintf(n, sizeof(n), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return strdup(n);
    }
    return json_is_string(v) ? strndup(json_string_value(v), json_string_length(v)) : NULL;
}

/*
 * One JSON object a line, {"title": ..., "brand": ..., "category": ...,
 * "id": ...}: titlelint as a filter in a pipeline (Spark's RDD.pipe,
 * Hadoop Streaming).  A line that is not such an object is reported as
 * invalid-input; every line gives one record.
 */
static void
lint_jsonl(struct run *run, struct input *in, const char *name)
{
    bool en = run->opt->lang == TITLELINT_LANG_EN;
    struct line_reader lr;
    const char *line;
    ssize_t len;

    line_reader_init(&lr, in);
    while ((len = line_reader_next(&lr, &line)) >= 0) {
        if (len == 0) {
            run->empty_lines++;
            continue;
        }
        struct job *j = add_job(run);
        j->row = true;
        j->line = j->phys_line = lr.lineno;
        json_error_t je;
        json_t *o = json_loadb(line, (size_t) len, 0, &je);
        json_t *title = json_object_get(o, "title");
        if (!json_is_string(title)) {
            char why[300];
            snprintf(why, sizeof(why), en ? "not a JSON object with a \"title\" string: %s"
                                          : "不是带 \"title\" 字符串的 JSON 对象：%s",
                     o ? (en ? "no title" : "没有 title") : je.text);
            if (!(j->invalid = strdup(why)))
                die_nomem();
        } else if (!buf_append(&j->title, json_string_value(title), json_string_length(title))) {
            die_nomem();
        }
        if (o) {
            j->id = member(o, "id");
            j->brand = member(o, "brand");
            j->category = member(o, "category");
        }
        json_decref(o);
    }
    flush_batch(run);
    if (in->error) {
        fprintf(stderr, "titlelint: %s:%zu: read error: %s\n", name, lr.lineno + 1,
                strerror(errno));
        run->trouble = true;
    }
    line_reader_finish(&lr);
}

/* ---- CSV inputs -------------------------------------------------------- */

static void
lint_csv(struct run *run, struct input *in, const char *name, char delim)
{
    const struct options *opt = run->opt;
    struct csv_reader r;
    struct csv_columns cols;
    char err[4096];
    int got;
    size_t n_header = 0;

    csv_reader_init(&r, in, name, delim);
    run->engine.delim = delim;
    got = csv_reader_next(&r, err, sizeof(err));
    if (got < 0) {
        fprintf(stderr, "titlelint: %s\n", err);
        run->trouble = true;
        goto out;
    }
    if (got == 0)
        goto out;   /* an empty file */
    if (!csv_find_columns(&r, !opt->no_header, opt->column, opt->category_column,
                          opt->brand_column, opt->id_column, &cols, err, sizeof(err))) {
        fprintf(stderr, "titlelint: %s\n", err);
        run->trouble = true;
        goto out;
    }
    n_header = r.n_cells;
    if (!opt->no_header) {
        /* the header goes on, with the new columns */
        const char *ending;
        size_t body = csv_record_body(&r, &ending);
        bool en = opt->lang == TITLELINT_LANG_EN;
        struct buf h = { 0 };
        if (r.bom && (run->fix_out || opt->format == OUT_CSV))
            buf_append(&h, "\xEF\xBB\xBF", 3);
        if (!buf_append(&h, r.raw, body))
            die_nomem();
        if (opt->format == OUT_CSV && !opt->fix && !opt->diff) {
            buf_csv_cell(&h, en ? "finding_count" : "违规数", delim);
            buf_csv_cell(&h, en ? "findings" : "违规项", delim);
            buf_csv_cell(&h, en ? "suggested_title" : "建议标题", delim);
            buf_append(&h, *ending ? ending : "\n", *ending ? strlen(ending) : 1);
            out_write(run, h.data, h.len);
        }
        if (run->fix_out || opt->diff) {
            h.len = 0;
            if (r.bom && run->fix_out)
                buf_append(&h, "\xEF\xBB\xBF", 3);
            buf_append(&h, r.raw, body);
            buf_csv_cell(&h, en ? "suggested_title" : "建议标题", delim);
            if (run->fix_out) {
                fwrite(h.data, 1, h.len, run->fix_out);
                fputs(*ending ? ending : "\n", run->fix_out);
            }
        }
        free(h.data);
        got = csv_reader_next(&r, err, sizeof(err));
    }
    for (; got > 0; got = csv_reader_next(&r, err, sizeof(err))) {
        struct job *j = add_job(run);
        const char *ending;
        size_t body = csv_record_body(&r, &ending);
        if (!buf_append(&j->raw, r.raw, body))
            die_nomem();
        j->ending = ending;
        j->row = true;
        j->line = r.records;          /* as a spreadsheet numbers it */
        j->phys_line = r.record_line;
        j->title.len = 0;
        if (!buf_append(&j->title, csv_cell(&r, (size_t) cols.title),
                        csv_cell_len(&r, (size_t) cols.title)))
            die_nomem();
        if (cols.id >= 0)
            j->id = dup_or_null(csv_cell(&r, (size_t) cols.id), csv_cell_len(&r, (size_t) cols.id));
        if (cols.brand >= 0)
            j->brand = dup_or_null(csv_cell(&r, (size_t) cols.brand),
                                   csv_cell_len(&r, (size_t) cols.brand));
        bool oom;
        j->category = csv_row_category(&r, &cols, &oom);
        if (oom)
            die_nomem();
        /* a row that does not fit the header is reported, not linted */
        char why[256] = "";
        if (!csv_row_problem(&r, &cols, opt->no_header ? 0 : n_header,
                             opt->lang == TITLELINT_LANG_EN, why, sizeof(why)))
            undecodable(in, opt, j->title.data, j->title.len, why, sizeof(why));
        if (why[0] && !(j->invalid = strdup(why)))
            die_nomem();
    }
    flush_batch(run);
    if (got < 0) {
        fprintf(stderr, "titlelint: %s\n", err);
        run->trouble = true;
    }
out:
    csv_reader_finish(&r);
}

/* ---- files ------------------------------------------------------------- */

static enum in_format
format_of(const struct options *opt, const char *path)
{
    if (opt->input_format != IN_AUTO)
        return opt->input_format;
    const char *dot = strrchr(path, '.');
    if (dot && strcasecmp(dot, ".csv") == 0)
        return IN_CSV;
    if (dot && strcasecmp(dot, ".tsv") == 0)
        return IN_TSV;
    if (dot && strcasecmp(dot, ".jsonl") == 0)
        return IN_JSONL;
    return IN_TEXT;
}

/* --fix writes into a temporary file beside the target, renamed over it
 * at the end: an interruption never leaves a half-written file. */
static bool
fix_begin(struct run *run, FILE *in, const char *target, char *tmp, size_t size)
{
    char dir[PATH_MAX], base[PATH_MAX];

    snprintf(dir, sizeof(dir), "%s", target);
    snprintf(base, sizeof(base), "%s", target);
    snprintf(tmp, size, "%s/.%s.titlelint-XXXXXX", dirname(dir), basename(base));
    int fd = mkstemp(tmp);
    if (fd < 0 || !(run->fix_out = fdopen(fd, "w"))) {
        fprintf(stderr, "titlelint: %s: cannot write: %s\n", target, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        return false;
    }
    struct stat st;
    if (fstat(fileno(in), &st) == 0)
        fchmod(fd, st.st_mode & 07777);
    return true;
}

static void
fix_end(struct run *run, const char *target, const char *tmp, bool trouble_before)
{
    bool ok = fflush(run->fix_out) == 0 && fsync(fileno(run->fix_out)) == 0;
    ok &= fclose(run->fix_out) == 0;
    run->fix_out = NULL;
    if (!ok || run->trouble != trouble_before || rename(tmp, target) != 0) {
        fprintf(stderr, "titlelint: %s: not written%s%s\n", target,
                ok && run->trouble == trouble_before ? ": " : " (an error came first)",
                ok && run->trouble == trouble_before ? strerror(errno) : "");
        unlink(tmp);
        run->trouble = true;
        return;
    }
    if (run->fix_changed)
        fprintf(stderr, "titlelint: %s: %zu %s\n", target, run->fix_changed,
                run->fix_changed == 1 ? "title fixed" : "titles fixed");
}

static void
dups_push(struct dups *d, uint64_t key, char *id)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 1024;
        uint64_t *k = realloc(d->keys, cap * sizeof(*k));
        if (!k)
            die_nomem();
        d->keys = k;
        char **ids = realloc(d->ids, cap * sizeof(*ids));
        if (!ids)
            die_nomem();
        d->ids = ids;
        d->cap = cap;
    }
    d->keys[d->n] = key;
    d->ids[d->n++] = id;
}

static void
dups_free(struct dups *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->ids[i]);
    free(d->ids);
    free(d->keys);
    free(d->group_of);
    free(d->members);
    free(d->group_start);
}

static const uint64_t *sort_keys;

static int
cmp_by_key(const void *a, const void *b)
{
    uint64_t x = sort_keys[*(const uint32_t *) a], y = sort_keys[*(const uint32_t *) b];
    if (x != y)
        return x < y ? -1 : 1;
    return *(const uint32_t *) a < *(const uint32_t *) b ? -1 : 1;
}

/* Groups the rows with one key (two or more, key not 0). */
static void
dups_group(struct dups *d)
{
    uint32_t *order = malloc((d->n + 1) * sizeof(uint32_t));
    d->group_of = calloc(d->n + 1, sizeof(uint32_t));
    d->members = malloc((d->n + 1) * sizeof(uint32_t));
    d->group_start = malloc((d->n + 2) * sizeof(uint32_t));
    if (!order || !d->group_of || !d->members || !d->group_start)
        die_nomem();
    for (size_t i = 0; i < d->n; i++)
        order[i] = (uint32_t) i;
    sort_keys = d->keys;   /* the main thread only */
    qsort(order, d->n, sizeof(uint32_t), cmp_by_key);
    size_t m = 0;
    for (size_t i = 0; i < d->n;) {
        size_t j = i + 1;
        while (j < d->n && d->keys[order[j]] == d->keys[order[i]])
            j++;
        if (j - i >= 2 && d->keys[order[i]]) {
            d->group_start[d->n_groups] = (uint32_t) m;
            for (size_t k = i; k < j; k++) {
                d->members[m++] = order[k];
                d->group_of[order[k]] = (uint32_t) d->n_groups + 1;
            }
            d->n_groups++;
        }
        i = j;
    }
    d->group_start[d->n_groups] = (uint32_t) m;
    free(order);
}

/* The keys of the batch, computed by the workers, to @d in row order. */
static void
key_batch(struct run *run, struct dups *d)
{
    run->engine.keys_only = true;
    engine_run(&run->engine);
    run->engine.keys_only = false;
    for (size_t i = 0; i < run->engine.n_jobs; i++) {
        struct job *j = &run->engine.jobs[i];
        dups_push(d, j->key, j->id);
        j->id = NULL;       /* now d's */
    }
    engine_clear(&run->engine);
}

static void
key_add(struct run *run, struct dups *d, const char *title, size_t len, const char *id)
{
    if (run->engine.n_jobs == BATCH)
        key_batch(run, d);
    struct job *j = engine_add(&run->engine);
    if (!j || !buf_append(&j->title, title, len) || !(j->id = strdup(id)))
        die_nomem();
}

/*
 * duplicate-title's first pass: the key of every row, read with the same
 * readers as the linting pass.  Returns false when the file cannot be
 * read (the linting pass reports it).
 */
static bool
key_pass(struct run *run, struct input *in, const char *name, enum in_format fmt,
         struct dups *d)
{
    const struct options *opt = run->opt;
    bool en = opt->lang == TITLELINT_LANG_EN;
    char err[4096], id[64];
    bool ok = true;

    if (fmt == IN_TEXT) {
        struct line_reader lr;
        const char *line;
        ssize_t len;
        line_reader_init(&lr, in);
        while ((len = line_reader_next(&lr, &line)) >= 0) {
            if (!len)
                continue;
            snprintf(id, sizeof(id), en ? "line %zu" : "第 %zu 行", lr.lineno);
            key_add(run, d, line, (size_t) len, id);
        }
        line_reader_finish(&lr);
        ok = !in->error;
    } else {
        struct csv_reader r;
        struct csv_columns cols;
        csv_reader_init(&r, in, name, fmt == IN_TSV ? '\t' : ',');
        int got = csv_reader_next(&r, err, sizeof(err));
        ok = got > 0 && csv_find_columns(&r, !opt->no_header, opt->column, opt->category_column,
                                         opt->brand_column, opt->id_column, &cols, err,
                                         sizeof(err));
        if (ok && !opt->no_header)
            got = csv_reader_next(&r, err, sizeof(err));
        for (; ok && got > 0; got = csv_reader_next(&r, err, sizeof(err))) {
            if (cols.id >= 0 && csv_cell_len(&r, (size_t) cols.id))
                snprintf(id, sizeof(id), "%s %s", en ? "id" : "商品ID",
                         csv_cell(&r, (size_t) cols.id));
            else
                snprintf(id, sizeof(id), en ? "row %zu" : "第 %zu 行", r.records);
            key_add(run, d, csv_cell(&r, (size_t) cols.title),
                    csv_cell_len(&r, (size_t) cols.title), id);
        }
        csv_reader_finish(&r);
        ok = ok && got == 0;
    }
    key_batch(run, d);
    return ok;
}

/* --format lsp: one object per input, its diagnostics inside. */
static void
lsp_begin(struct run *run, const char *path)
{
    if (run->opt->format != OUT_LSP || run->opt->diff)
        return;
    char abs[PATH_MAX];
    json_t *uri;
    if (strcmp(path, "-") == 0 || strcmp(path, "<title>") == 0) {
        uri = json_string(strcmp(path, "-") == 0 ? "stdin:" : "untitled:titles");
    } else {
        struct buf u = { 0 };
        buf_append(&u, "file://", 7);
        buf_append(&u, realpath(path, abs) ? abs : path, strlen(realpath(path, abs) ? abs : path));
        uri = json_string(u.data);
        free(u.data);
    }
    char *text = json_dumps(uri, JSON_ENCODE_ANY);
    printf("{\"uri\":%s,\"diagnostics\":[", text ? text : "\"\"");
    free(text);
    json_decref(uri);
    run->json_started = false;
}

static void
lsp_end(struct run *run)
{
    if (run->opt->format == OUT_LSP && !run->opt->diff)
        fputs("]}\n", stdout);
}

/* A copy of @f (standard input, a pipe) in an unlinked temporary file,
 * for duplicate-title's two passes: on disk, not in memory.  NULL, said,
 * when it cannot be made. */
static FILE *
spool(FILE *f, const char *name)
{
    const char *dir = getenv("TMPDIR");
    char path[PATH_MAX];
    char chunk[65536];
    size_t n;

    snprintf(path, sizeof(path), "%s/titlelint-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd >= 0)
        unlink(path);
    FILE *t = fd >= 0 ? fdopen(fd, "w+") : NULL;
    if (!t) {
        if (fd >= 0)
            close(fd);
        fprintf(stderr, "titlelint: %s: cannot make a temporary copy: %s\n", name,
                strerror(errno));
        return NULL;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (fwrite(chunk, 1, n, t) != n)
            break;
    if (ferror(f) || ferror(t) || fflush(t) != 0 || fseek(t, 0, SEEK_SET) != 0) {
        fprintf(stderr, "titlelint: %s: cannot make a temporary copy: %s\n", name,
                strerror(errno));
        fclose(t);
        return NULL;
    }
    return t;
}

static void
lint_path(struct run *run, const char *path)
{
    const struct options *opt = run->opt;
    bool std = strcmp(path, "-") == 0;
    const char *name = std ? "<stdin>" : path;
    char err[PATH_MAX + 256], tmp[PATH_MAX + 64];

    if (std && (opt->fix || opt->diff)) {
        fprintf(stderr, "titlelint: --fix and --diff need a file, not standard input\n");
        run->trouble = true;
        return;
    }
    FILE *f = std ? stdin : fopen(path, "re");
    if (!f) {
        fprintf(stderr, "titlelint: %s: %s\n", path, strerror(errno));
        run->trouble = true;
        return;
    }
    struct stat st;
    bool regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    enum in_format fmt = format_of(opt, path);
    const struct titlelint_rule *dup_rule = titlelint_rule_find("duplicate-title");
    bool two_passes = titlelint_checker_get_rule_severity(run->engine.checkers[0], dup_rule) !=
                      TITLELINT_SEVERITY_OFF && fmt != IN_JSONL;
    if (two_passes && !regular) {
        /* a pipe cannot be read twice: copy it to disk first */
        f = spool(f, name);
        if (!f) {
            run->trouble = true;
            return;
        }
        regular = fstat(fileno(f), &st) == 0;
    }
    struct input in;
    if (!input_open(&in, f, name, opt->encoding, err, sizeof(err))) {
        fprintf(stderr, "titlelint: %s\n", err);
        run->trouble = true;
        if (f != stdin)
            fclose(f);
        return;
    }
    struct dups dups = { 0 };
    run->row_index = 0;
    run->dups = NULL;
    if (two_passes) {
        /* two passes: the keys first, then the lint (reading again, with
         * the encoding the first pass found) */
        if (key_pass(run, &in, name, fmt, &dups)) {
            dups_group(&dups);
            run->dups = &dups;
        }
        const char *enc = in.encoding;
        input_close(&in);
        rewind(f);
        if (!input_open(&in, f, name, enc, err, sizeof(err))) {
            fprintf(stderr, "titlelint: %s\n", err);
            run->trouble = true;
            dups_free(&dups);
            if (f != stdin)
                fclose(f);
            return;
        }
    }
    run->input = &in;
    run->input_size = regular ? st.st_size : 0;
    lsp_begin(run, path);
    run->file = name;
    run->diff_header = false;
    run->fix_changed = 0;
    run->engine.file = name;
    bool trouble_before = run->trouble;
    const char *target = opt->output ? opt->output : path;
    bool fixing = opt->fix && fix_begin(run, f, target, tmp, sizeof(tmp));
    if (opt->fix && !fixing)
        run->trouble = true;
    else {
        if (fmt == IN_TEXT)
            lint_lines(run, &in, name);
        else if (fmt == IN_JSONL)
            lint_jsonl(run, &in, name);
        else
            lint_csv(run, &in, name, fmt == IN_TSV ? '\t' : ',');
        if (fixing)
            fix_end(run, target, tmp, trouble_before);
    }
    if (run->progress)
        fputc('\n', stderr);
    lsp_end(run);
    run->input = NULL;
    run->dups = NULL;
    dups_free(&dups);
    input_close(&in);
    if (f != stdin)
        fclose(f);
}

static void
lint_titles(struct run *run)
{
    run->file = run->engine.file = "<title>";
    run->dups = NULL;
    if (!run->opt->n_titles)
        return;
    lsp_begin(run, "<title>");
    for (size_t i = 0; i < run->opt->n_titles; i++) {
        struct job *j = add_job(run);
        const char *t = run->opt->titles[i];
        if (!buf_append(&j->title, t, strlen(t)))
            die_nomem();
        j->line = j->phys_line = i + 1;
    }
    flush_batch(run);
    lsp_end(run);
}

/* ---- the beginning and the end ----------------------------------------- */

static void
sarif_begin(struct run *run)
{
    json_t *rules = json_array();
    bool en = run->opt->lang == TITLELINT_LANG_EN;
    for (size_t i = 0; i < titlelint_rule_count(); i++) {
        const struct titlelint_rule *r = titlelint_rule_get(i);
        enum titlelint_severity s = titlelint_rule_get_default_severity(r);
        json_array_append_new(rules, json_pack(
            "{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}}",
            "id", titlelint_rule_get_code(r),
            "name", titlelint_rule_get_name(r),
            "shortDescription", "text", titlelint_rule_get_summary(r, en ? TITLELINT_LANG_EN
                                                                         : TITLELINT_LANG_ZH),
            "fullDescription", "text", titlelint_rule_get_explanation(r, TITLELINT_LANG_EN),
            "help", "text", titlelint_rule_get_explanation(r, en ? TITLELINT_LANG_EN
                                                                 : TITLELINT_LANG_ZH),
            "defaultConfiguration", "level",
            s == TITLELINT_SEVERITY_ERROR ? "error" : s == TITLELINT_SEVERITY_WARNING
                                                      ? "warning" : "note"));
    }
    json_t *tool = json_pack("{s:{s:s, s:s, s:o}}", "driver", "name", "titlelint",
                             "version", titlelint_version(), "rules", rules);
    char *t = json_dumps(tool, JSON_COMPACT);
    printf("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
           "\"version\":\"2.1.0\",\"runs\":[{\"tool\":%s,"
           "\"columnKind\":\"unicodeCodePoints\",\"results\":[\n", t ? t : "{}");
    free(t);
    json_decref(tool);
}

static int
cmp_terms(const void *a, const void *b)
{
    const struct term_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->term, y->term);
}

static void
print_statistics(struct run *run, FILE *out)
{
    bool en = run->opt->lang == TITLELINT_LANG_EN;

    fprintf(out, en ? "%zu titles checked: %zu with errors, %zu with warnings (worst), "
                      "%zu with findings; %zu empty lines skipped\n"
                    : "共检查 %zu 个标题：%zu 个有错误，%zu 个有警告（以最严重的计），"
                      "%zu 个有问题；跳过 %zu 个空行\n",
            run->titles, run->titles_with_errors, run->titles_with_warnings,
            run->titles_with_findings, run->empty_lines);
    for (size_t i = 0; i < titlelint_rule_count() && i < MAX_RULES; i++) {
        if (!run->rule_counts[i])
            continue;
        const struct titlelint_rule *r = titlelint_rule_get(i);
        fprintf(out, "%8zu  %s  %s\n", run->rule_counts[i],
                titlelint_rule_get_code(r), titlelint_rule_get_name(r));
    }
    if (run->n_terms) {
        qsort(run->terms, run->n_terms, sizeof(*run->terms), cmp_terms);
        fprintf(out, "%s\n", en ? "most frequent offending terms:" : "最常见的问题词：");
        for (size_t i = 0; i < run->n_terms && i < 20; i++)
            fprintf(out, "%8zu  %s\n", run->terms[i].count, run->terms[i].term);
    }
}

static void
list_rules(enum titlelint_lang lang)
{
    for (size_t i = 0; i < titlelint_rule_count(); i++) {
        const struct titlelint_rule *r = titlelint_rule_get(i);
        printf("%s  %-20s %-8s %s\n", titlelint_rule_get_code(r),
               titlelint_rule_get_name(r),
               titlelint_severity_to_str(titlelint_rule_get_default_severity(r)),
               titlelint_rule_get_summary(r, lang));
    }
}

static void
explain(const char *name, enum titlelint_lang lang)
{
    const struct titlelint_rule *r = find_rule_or_die(name);

    printf("%s %s (%s)\n%s\n\n%s\n", titlelint_rule_get_code(r),
           titlelint_rule_get_name(r),
           titlelint_severity_to_str(titlelint_rule_get_default_severity(r)),
           titlelint_rule_get_summary(r, lang),
           titlelint_rule_get_explanation(r, lang));
}

static int
default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int) (n > 64 ? 64 : n) : 1;
}

/* Loads the lexicons and lints every input; returns the exit status. */
static int
lint_all(const struct options *opt, const struct config *cfg, int argc, char **argv)
{
    struct titlelint_context *ctx = setup_context(opt, cfg);
    if (!ctx)
        return EXIT_TROUBLE;

    struct run run = { .opt = opt, .started = time(NULL) };
    char berr[4096];
    if (opt->baseline && !baseline_load(&run.baseline, opt->baseline, berr, sizeof(berr))) {
        fprintf(stderr, "titlelint: %s\n", berr);
        titlelint_context_unref(ctx);
        return EXIT_TROUBLE;
    }
    run.engine.baseline = NULL;
    struct setup su = { opt, cfg, false };
    run.progress = !opt->quiet && isatty(STDERR_FILENO) && opt->n_titles == 0 && optind < argc;
    if (!engine_start(&run.engine, opt, ctx, opt->jobs, configure_checker, &su)) {
        fprintf(stderr, "titlelint: cannot start the checkers (out of memory or no ICU data)\n");
        engine_stop(&run.engine);
        titlelint_context_unref(ctx);
        return EXIT_TROUBLE;
    }

    run.engine.baseline = opt->baseline ? &run.baseline : NULL;
    if (opt->format == OUT_JSON && !opt->diff)
        fputs("[\n", stdout);
    if (opt->format == OUT_SARIF && !opt->diff)
        sarif_begin(&run);
    if (opt->format == OUT_CSV && !opt->diff && optind == argc && opt->n_titles)
        fputs(opt->lang == TITLELINT_LANG_EN ? "title,finding_count,findings,suggested_title\n"
                                             : "标题,违规数,违规项,建议标题\n", stdout);
    lint_titles(&run);
    if (optind == argc && opt->n_titles == 0)
        lint_path(&run, "-");
    for (int i = optind; i < argc; i++)
        lint_path(&run, argv[i]);
    if (opt->format == OUT_JSON && !opt->diff)
        fputs(run.json_started ? "\n]\n" : "]\n", stdout);
    if (opt->format == OUT_SARIF && !opt->diff)
        fputs("\n]}]}\n", stdout);

    if (opt->statistics)
        print_statistics(&run, opt->format == OUT_TEXT ? stdout : stderr);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "titlelint: cannot write to standard output: %s\n", strerror(errno));
        run.trouble = true;
    }

    if (opt->baseline) {
        size_t stale = 0;
        for (size_t i = 0; i < run.baseline.cap; i++)
            stale += run.baseline.keys[i] && !run.baseline.seen[i];
        fprintf(stderr, "titlelint: baseline %s: %zu findings accepted, %zu new, %zu stale\n",
                opt->baseline, run.accepted, run.new_findings, stale);
        size_t shown = 0;
        for (size_t i = 0; i < run.baseline.cap && shown < 50; i++) {
            if (!run.baseline.keys[i] || run.baseline.seen[i])
                continue;
            char *sep = strchr(run.baseline.keys[i], '\x1f');
            fprintf(stderr, "titlelint: stale: %.*s %s\n", (int) (sep - run.baseline.keys[i]),
                    run.baseline.keys[i], sep + 1);
            shown++;
        }
        run.max_severity = run.max_new_severity;   /* only new findings count */
    }
    if (opt->write_baseline) {
        if (!baseline_write(&run.written, opt->write_baseline, berr, sizeof(berr))) {
            fprintf(stderr, "titlelint: %s\n", berr);
            run.trouble = true;
        } else {
            fprintf(stderr, "titlelint: baseline %s written: %zu findings\n",
                    opt->write_baseline, run.written.n);
        }
    }
    set_free(&run.baseline);
    set_free(&run.written);
    engine_stop(&run.engine);
    titlelint_context_unref(ctx);
    for (size_t i = 0; i < run.n_terms; i++)
        free(run.terms[i].term);
    free(run.terms);

    if (run.trouble)
        return EXIT_TROUBLE;
    if (opt->diff)
        return run.fixed ? EXIT_FINDINGS : 0;
    if (!opt->exit_zero && run.max_severity != TITLELINT_SEVERITY_OFF &&
        run.max_severity >= (enum titlelint_severity) opt->fail_level)
        return EXIT_FINDINGS;
    return 0;
}

/* titlelint lsp: the lexicons of the command line (a document's
 * configuration may add its own), the rules checked once here so that a
 * bad --select ends the program now, not the server later. */
static int
serve_lsp(const struct options *opt, bool lang_given)
{
    struct config none;
    config_init(&none);
    struct titlelint_context *ctx = setup_context(opt, &none);
    if (!ctx)
        return EXIT_TROUBLE;
    struct titlelint_checker *chk = titlelint_checker_new(ctx);
    if (!chk)
        die_nomem();
    struct setup su = { opt, &none, true };
    configure_checker(chk, &su);
    titlelint_checker_destroy(chk);
    int status = lsp_serve(opt, lang_given, ctx, stdin, stdout);
    titlelint_context_unref(ctx);
    return status;
}

static void
push_arg(const char ***list, size_t *n, const char *arg)
{
    const char **l = realloc(*list, (*n + 1) * sizeof(char *));

    if (!l)
        die_nomem();
    l[(*n)++] = arg;
    *list = l;
}

enum {
    OPT_BRAND = 256, OPT_CATEGORY, OPT_SELECT, OPT_IGNORE, OPT_FAIL_LEVEL,
    OPT_EXIT_ZERO, OPT_STATISTICS, OPT_LEXICON_DIR, OPT_LIST_RULES, OPT_EXPLAIN,
    OPT_LANG, OPT_COLOR, OPT_NO_DEFAULT_LEXICONS, OPT_CONFIG, OPT_NO_CONFIG, OPT_SUGGEST,
    OPT_FIX, OPT_DIFF, OPT_INPUT_FORMAT, OPT_ENCODING, OPT_COLUMN, OPT_CATEGORY_COLUMN,
    OPT_BRAND_COLUMN, OPT_ID_COLUMN, OPT_NO_HEADER, OPT_BASELINE, OPT_WRITE_BASELINE,
    OPT_LSP,
};

static const struct option long_options[] = {
    { "title", required_argument, NULL, 't' },
    { "brand", required_argument, NULL, OPT_BRAND },
    { "category", required_argument, NULL, OPT_CATEGORY },
    { "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
    { "encoding", required_argument, NULL, OPT_ENCODING },
    { "column", required_argument, NULL, OPT_COLUMN },
    { "category-column", required_argument, NULL, OPT_CATEGORY_COLUMN },
    { "brand-column", required_argument, NULL, OPT_BRAND_COLUMN },
    { "id-column", required_argument, NULL, OPT_ID_COLUMN },
    { "no-header", no_argument, NULL, OPT_NO_HEADER },
    { "baseline", required_argument, NULL, OPT_BASELINE },
    { "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
    { "format", required_argument, NULL, 'f' },
    { "select", required_argument, NULL, OPT_SELECT },
    { "ignore", required_argument, NULL, OPT_IGNORE },
    { "fail-level", required_argument, NULL, OPT_FAIL_LEVEL },
    { "exit-zero", no_argument, NULL, OPT_EXIT_ZERO },
    { "statistics", no_argument, NULL, OPT_STATISTICS },
    { "suggest", no_argument, NULL, OPT_SUGGEST },
    { "fix", no_argument, NULL, OPT_FIX },
    { "diff", no_argument, NULL, OPT_DIFF },
    { "output", required_argument, NULL, 'o' },
    { "lexicon-dir", required_argument, NULL, OPT_LEXICON_DIR },
    { "no-default-lexicons", no_argument, NULL, OPT_NO_DEFAULT_LEXICONS },
    { "config", required_argument, NULL, OPT_CONFIG },
    { "no-config", no_argument, NULL, OPT_NO_CONFIG },
    { "list-rules", no_argument, NULL, OPT_LIST_RULES },
    { "explain", required_argument, NULL, OPT_EXPLAIN },
    { "lsp", no_argument, NULL, OPT_LSP },
    { "lang", required_argument, NULL, OPT_LANG },
    { "color", optional_argument, NULL, OPT_COLOR },
    { "jobs", required_argument, NULL, 'j' },
    { "quiet", no_argument, NULL, 'q' },
    { "version", no_argument, NULL, 'V' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

int
main(int argc, char **argv)
{
    struct options opt = {
        .format = OUT_TEXT,
        .fail_level = -1,
        .lang = -1,
        .color = -1,
        .jobs = -1,
    };
    bool list = false, lsp = false;
    const char *explain_rule = NULL;
    int c;
    /* every way out goes through "out", which frees what the options
     * hold (LeakSanitizer counts what a return from main leaves) */
    int status = EXIT_TROUBLE;
    struct config cfg;
    config_init(&cfg);

    while ((c = getopt_long(argc, argv, "t:f:o:j:qVh", long_options, NULL)) != -1) {
        switch (c) {
        case 't': push_arg(&opt.titles, &opt.n_titles, optarg); break;
        case OPT_BRAND: opt.brand = optarg; break;
        case OPT_CATEGORY: opt.category = optarg; break;
        case OPT_INPUT_FORMAT:
            opt.input_format = CHOOSE("input format", optarg, input_formats);
            break;
        case OPT_ENCODING: opt.encoding = optarg; break;
        case OPT_COLUMN: opt.column = optarg; break;
        case OPT_CATEGORY_COLUMN: opt.category_column = optarg; break;
        case OPT_BRAND_COLUMN: opt.brand_column = optarg; break;
        case OPT_ID_COLUMN: opt.id_column = optarg; break;
        case OPT_NO_HEADER: opt.no_header = true; break;
        case OPT_BASELINE: opt.baseline = optarg; break;
        case OPT_WRITE_BASELINE: opt.write_baseline = optarg; break;
        case 'f':
            opt.format = CHOOSE("format", optarg, output_formats);
            break;
        case OPT_SELECT: opt.select = optarg; break;
        case OPT_IGNORE: opt.ignore = optarg; break;
        case OPT_FAIL_LEVEL:
            opt.fail_level = CHOOSE("fail level", optarg, fail_levels);
            break;
        case OPT_EXIT_ZERO: opt.exit_zero = true; break;
        case OPT_STATISTICS: opt.statistics = true; break;
        case OPT_SUGGEST: opt.suggest = true; break;
        case OPT_FIX: opt.fix = true; break;
        case OPT_DIFF: opt.diff = true; break;
        case 'o': opt.output = optarg; break;
        case OPT_LEXICON_DIR: push_arg(&opt.lexicon_dirs, &opt.n_lexicon_dirs, optarg); break;
        case OPT_NO_DEFAULT_LEXICONS: opt.no_default_lexicons = true; break;
        case OPT_CONFIG: opt.config_path = optarg; break;
        case OPT_NO_CONFIG: opt.no_config = true; break;
        case OPT_LIST_RULES: list = true; break;
        case OPT_EXPLAIN: explain_rule = optarg; break;
        case OPT_LSP: lsp = true; break;
        case OPT_LANG:
            opt.lang = CHOOSE("language", optarg, languages);
            break;
        case OPT_COLOR:
            opt.color = optarg ? CHOOSE("--color value", optarg, colors) : 1;
            break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || n < 1 || n > 256)
                die_usage("job count", optarg, "1 to 256");
            opt.jobs = (int) n;
            break;
        }
        case 'q': opt.quiet = true; break;
        case 'V':
            printf("titlelint %s\n", titlelint_version());
            status = 0;
            goto out;
        case 'h':
            fputs(usage_text, stdout);
            status = 0;
            goto out;
        default:
            fprintf(stderr, "Try 'titlelint --help' for more information.\n");
            goto out;
        }
    }
    if (!lsp && optind < argc && strcmp(argv[optind], "lsp") == 0) {
        lsp = true;         /* the lsp command; ./lsp is a file */
        optind++;
    }
    if (lsp && (optind < argc || opt.n_titles || opt.fix || opt.diff || opt.baseline ||
                opt.write_baseline)) {
        fprintf(stderr, "titlelint: the language server reads its documents from the client:\n"
                "no FILE, --title, --fix, --diff or baseline with lsp\n");
        goto out;
    }
    if (opt.output && (!opt.fix || argc - optind != 1)) {
        fprintf(stderr, "titlelint: -o FILE goes with --fix and exactly one input file\n");
        goto out;
    }
    if (opt.diff && opt.fix) {
        fprintf(stderr, "titlelint: --diff shows what --fix would do: give one of them\n");
        goto out;
    }
    if (opt.color < 0)
        opt.color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR") ? 1 : 0;
    if (opt.jobs < 0)
        opt.jobs = default_jobs();

    if (lsp && !list && !explain_rule) {
        /* each document's own .titlelint.ini is read by the server */
        bool lang_given = opt.lang >= 0;
        if (!lang_given)
            opt.lang = TITLELINT_LANG_ZH;
        status = serve_lsp(&opt, lang_given);
        goto out;
    }
    if (load_config(&cfg, &opt, argc, argv)) {
        if (opt.lang < 0)
            opt.lang = TITLELINT_LANG_ZH;
        if (opt.fail_level < 0)
            opt.fail_level = TITLELINT_SEVERITY_ERROR;
        if (list) {
            list_rules((enum titlelint_lang) opt.lang);
            status = 0;
        } else if (explain_rule) {
            explain(explain_rule, (enum titlelint_lang) opt.lang);
            status = 0;
        } else {
            status = lint_all(&opt, &cfg, argc, argv);
        }
    }
out:
    config_finish(&cfg);
    free(opt.titles);
    free(opt.lexicon_dirs);
    return status;
}
