/*
 * titlelint(1): the command-line front end.  It reads titles from files,
 * stdin or -t, and prints what libtitlelint reports; it sees nothing of the
 * library but the public header.
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
#include <sys/stat.h>
#include <unistd.h>

#include <titlelint/titlelint.h>

#include "configfile.h"
#include "input-text.h"

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2

struct options {
    const char **titles;
    size_t n_titles;
    const char **lexicon_dirs;
    size_t n_lexicon_dirs;
    const char *brand;
    const char *category;
    const char *select;
    const char *ignore;
    const char *config_path;
    bool no_config;
    enum titlelint_format format;
    int fail_level;         /* enum titlelint_severity, or -1: not given */
    int lang;               /* enum titlelint_lang, or -1: not given */
    int color;              /* -1 auto, 0 never, 1 always */
    bool exit_zero;
    bool statistics;
    bool suggest;
    bool fix, diff;
    const char *output;     /* -o FILE with --fix */
    bool no_default_lexicons;
};

/* What a run saw, for the exit status and --statistics. */
struct run {
    const struct options *opt;
    struct titlelint_checker *checker;
    size_t *rule_counts;
    size_t titles;
    size_t titles_with_findings;
    size_t empty_lines;
    enum titlelint_severity max_severity;
    bool trouble;           /* an input could not be read: exit 2 */
    size_t fixed;           /* titles rewritten by --fix or --diff */
    bool json_started;      /* an object was written to the JSON array */
};

static const char usage_text[] =
    "Usage: titlelint [OPTIONS] [FILE...]\n"
    "Lint product titles against the WeChat Store (微信小店) title guide.\n"
    "FILE holds one title per line; with no FILE and no --title, or with -,\n"
    "titles are read from standard input.\n"
    "\n"
    "Input:\n"
    "  -t, --title TEXT        lint TEXT as a title (repeatable)\n"
    "      --brand NAME        the product's own brand (never reported as riding)\n"
    "      --category NAME     the product's category, a leaf or a path (a>b>c)\n"
    "Rules:\n"
    "      --select RULES      only these rules (comma-separated names or codes)\n"
    "      --ignore RULES      not these rules\n"
    "      --lexicon-dir DIR   also load the lexicons in DIR (repeatable)\n"
    "      --config FILE       read settings from FILE instead of the nearest\n"
    "                          .titlelint.ini (searched upward from the first FILE)\n"
    "      --no-config         read no configuration file\n"
    "      --no-default-lexicons  load only the --lexicon-dir directories\n"
    "Output:\n"
    "  -f, --format FORMAT     text (default), json or jsonl\n"
    "      --lang LANG         messages in zh (default) or en\n"
    "      --color[=WHEN]      colour text output: always (default WHEN), never,\n"
    "                          auto (the default: only when stdout is a terminal)\n"
    "      --statistics        print the count of findings per rule at the end\n"
    "      --suggest           text output: a suggested title under each title with\n"
    "                          findings (JSON output always carries it)\n"
    "Fixing:\n"
    "      --fix               replace each title that has a suggestion by it, in\n"
    "                          place (atomically) or into -o FILE\n"
    "  -o, --output FILE       with --fix and one input FILE: write the result here\n"
    "      --diff              print a unified diff of what --fix would change\n"
    "Exit status:\n"
    "      --fail-level LEVEL  exit 1 when a finding is at LEVEL or above:\n"
    "                          error (default), warning or info\n"
    "      --exit-zero         exit 0 even when findings reach the fail level\n"
    "Information:\n"
    "      --list-rules        list every rule with its code and severity\n"
    "      --explain RULE      explain a rule (name or code)\n"
    "  -V, --version           print the version\n"
    "  -h, --help              print this help\n"
    "\n"
    "Exit status: 0 nothing reached the fail level, 1 something did,\n"
    "2 usage or input error.  See titlelint(1).\n";

static void
die_usage(const char *what, const char *arg, const char *choices)
{
    fprintf(stderr, "titlelint: unknown %s '%s' (%s)\n"
            "Try 'titlelint --help' for more information.\n", what, arg, choices);
    exit(EXIT_TROUBLE);
}

static void
log_to_stderr(void *ud, enum titlelint_log_level level, const char *message)
{
    (void) ud;
    fprintf(stderr, "titlelint: %s%s\n",
            level == TITLELINT_LOG_ERROR ? "error: " :
            level == TITLELINT_LOG_WARNING ? "warning: " : "", message);
}

static int
write_stdout(void *ud, const char *data, size_t len)
{
    (void) ud;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

/*
 * Run from the build tree, the binary has titlelint-builddir.txt beside it
 * naming the source tree's lexicons and the generated ones, one directory
 * a line; installed, it has not, and the library's compiled-in lexicon
 * directory is used.  Writes the marker's path to @marker and returns true
 * when it exists.
 */
static bool
builddir_marker(char *marker, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

    if (n <= 0)
        return false;
    exe[n] = '\0';
    snprintf(marker, size, "%s/titlelint-builddir.txt", dirname(exe));
    return access(marker, R_OK) == 0;
}

/* Appends the directories listed in @path, one a line. */
static void
append_listed_dirs(struct titlelint_context *ctx, const char *path)
{
    FILE *f = fopen(path, "re");
    char *line = NULL;
    size_t cap = 0;

    if (!f)
        return;
    while (getline(&line, &cap, f) > 0) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0])
            titlelint_context_append_lexicon_dir(ctx, line);
    }
    free(line);
    fclose(f);
}

static const struct titlelint_rule *
find_rule_or_die(const char *name)
{
    const struct titlelint_rule *rule = titlelint_rule_find(name);

    if (!rule) {
        fprintf(stderr, "titlelint: unknown rule '%s'; known rules:", name);
        for (size_t i = 0; i < titlelint_rule_count(); i++) {
            const struct titlelint_rule *r = titlelint_rule_get(i);
            fprintf(stderr, " %s (%s)", titlelint_rule_get_name(r),
                    titlelint_rule_get_code(r));
        }
        fprintf(stderr, "\n");
        exit(EXIT_TROUBLE);
    }
    return rule;
}

/* Applies a comma-separated rule list, setting each to @severity or, when
 * @severity is negative, to its default. */
static void
apply_rule_list(struct titlelint_checker *chk, const char *list, int severity)
{
    char *copy = strdup(list), *save = NULL;

    if (!copy) {
        perror("titlelint");
        exit(EXIT_TROUBLE);
    }
    for (char *name = strtok_r(copy, ", ", &save); name;
         name = strtok_r(NULL, ", ", &save)) {
        const struct titlelint_rule *rule = find_rule_or_die(name);
        titlelint_checker_set_rule_severity(chk, rule, severity < 0
            ? titlelint_rule_get_default_severity(rule)
            : (enum titlelint_severity) severity);
    }
    free(copy);
}

static enum titlelint_severity
severity_from_str(const char *s)
{
    return strcmp(s, "error") == 0 ? TITLELINT_SEVERITY_ERROR :
           strcmp(s, "warning") == 0 ? TITLELINT_SEVERITY_WARNING :
           strcmp(s, "info") == 0 ? TITLELINT_SEVERITY_INFO : TITLELINT_SEVERITY_OFF;
}

static void
select_ignore(struct titlelint_checker *chk, const char *select, const char *ignore)
{
    if (select) {
        for (size_t i = 0; i < titlelint_rule_count(); i++)
            titlelint_checker_set_rule_severity(chk, titlelint_rule_get(i),
                                                TITLELINT_SEVERITY_OFF);
        apply_rule_list(chk, select, -1);
    }
    if (ignore)
        apply_rule_list(chk, ignore, TITLELINT_SEVERITY_OFF);
}

/* Names from the configuration the lexicons do not know are worth a
 * warning (a typo would silently change nothing). */
static void
add_names(struct titlelint_checker *chk, const struct config *cfg,
          const struct string_list *names, const char *what,
          enum titlelint_status (*add)(struct titlelint_checker *, const char *))
{
    for (size_t i = 0; i < names->n; i++)
        if (add(chk, names->items[i]) == TITLELINT_ERROR_INVALID_ARG)
            fprintf(stderr, "titlelint: warning: %s: %s '%s' is not in the lexicons\n",
                    cfg->path, what, names->items[i]);
}

/* The configuration file first, then the command line over it. */
static void
configure_checker(struct titlelint_checker *chk, const struct options *opt,
                  const struct config *cfg)
{
    titlelint_checker_set_lang(chk, (enum titlelint_lang) opt->lang);
    select_ignore(chk, cfg->select, cfg->ignore);
    for (size_t i = 0; i < cfg->n_severities; i++)
        titlelint_checker_set_rule_severity(chk, find_rule_or_die(cfg->severities[i].rule),
                                            severity_from_str(cfg->severities[i].severity));
    select_ignore(chk, opt->select, opt->ignore);
    add_names(chk, cfg, &cfg->own, "own brand", titlelint_checker_add_own_brand);
    add_names(chk, cfg, &cfg->authorized, "authorized name", titlelint_checker_add_authorized);
    for (size_t i = 0; i < cfg->allowed.n; i++)
        titlelint_checker_add_allowed_word(chk, cfg->allowed.items[i]);
    titlelint_checker_set_length_limits(chk,
        cfg->min_valid_chars >= 0 ? (size_t) cfg->min_valid_chars : 5,
        cfg->max_chars >= 0 ? (size_t) cfg->max_chars : 60);
}

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

/* Checks one title; false (reported) when the library failed. */
static bool
check_title(struct run *run, const char *file, size_t line, const char *title, size_t len)
{
    const struct options *opt = run->opt;
    enum titlelint_status st = titlelint_checker_check(run->checker, title, len,
                                                       opt->brand, opt->category);
    if (st != TITLELINT_OK) {
        fprintf(stderr, "titlelint: %s:%zu: %s\n", file, line,
                titlelint_status_to_str(st));
        run->trouble = true;
        return false;
    }
    return true;
}

/* Counts and prints the findings of the title just checked. */
static void
report_title(struct run *run, const char *file, size_t line)
{
    const struct options *opt = run->opt;

    run->titles++;
    size_t n = titlelint_checker_get_diagnostic_count(run->checker);
    if (n)
        run->titles_with_findings++;
    for (size_t i = 0; i < n; i++) {
        const struct titlelint_diagnostic *d =
            titlelint_checker_get_diagnostic(run->checker, i);
        size_t r = 0;
        while (titlelint_rule_get(r) != titlelint_diagnostic_get_rule(d))
            r++;
        run->rule_counts[r]++;
        if (titlelint_diagnostic_get_severity(d) > run->max_severity)
            run->max_severity = titlelint_diagnostic_get_severity(d);
    }
    if (opt->diff)
        return;   /* standard output is the diff */

    if (opt->format == TITLELINT_FORMAT_JSON)
        fputs(run->json_started ? ",\n" : "", stdout);
    run->json_started = true;
    bool color = opt->color > 0 || (opt->color < 0 && isatty(STDOUT_FILENO) &&
                                    !getenv("NO_COLOR"));
    unsigned flags = (color ? TITLELINT_REPORT_COLOR : 0) |
                     (opt->suggest ? TITLELINT_REPORT_SUGGEST : 0);
    enum titlelint_status st = titlelint_checker_write_report(
        run->checker, opt->format, (enum titlelint_report_flags) flags, file, line,
        write_stdout, NULL);
    if (st != TITLELINT_OK) {
        fprintf(stderr, "titlelint: cannot write the report: %s\n",
                st == TITLELINT_ERROR_IO ? strerror(errno) : titlelint_status_to_str(st));
        exit(EXIT_TROUBLE);
    }
}

static void
lint_one(struct run *run, const char *file, size_t line, const char *title, size_t len)
{
    if (check_title(run, file, line, title, len))
        report_title(run, file, line);
}

/*
 * --fix and --diff: each line becomes its suggestion when it has one that
 * differs; the findings printed are those of the new line.  The new text
 * goes to @out (NULL with --diff, which prints hunks instead).
 */
struct fixer {
    FILE *out;
    const char *name;
    size_t changed;
};

static void
diff_hunk(struct fixer *fx, size_t line, const char *old, size_t old_len, const char *new,
          const char *ending)
{
    /* git's a/ b/ prefixes for relative paths, as patch -p1 expects */
    const char *a = fx->name[0] == '/' ? "" : "a/", *b = fx->name[0] == '/' ? "" : "b/";
    if (fx->changed == 0)
        printf("--- %s%s\n+++ %s%s\n", a, fx->name, b, fx->name);
    const char *nl = *ending ? "" : "\n\\ No newline at end of file";
    printf("@@ -%zu +%zu @@\n-%.*s%s\n+%s%s\n", line, line, (int) old_len, old, nl, new, nl);
}

static void
lint_stream(struct run *run, FILE *f, const char *name, struct fixer *fx)
{
    struct line_reader lr;
    const char *line;
    ssize_t len;
    char *fixed = NULL;

    line_reader_init(&lr, f);
    while ((len = line_reader_next(&lr, &line)) >= 0) {
        if (fx && fx->out) {
            if (lr.lineno == 1 && lr.bom)
                fputs("\xEF\xBB\xBF", fx->out);
        }
        if (len == 0) {
            run->empty_lines++;
            if (fx && fx->out)
                fputs(lr.ending, fx->out);
            continue;
        }
        if (!fx) {
            lint_one(run, name, lr.lineno, line, (size_t) len);
            continue;
        }
        if (!check_title(run, name, lr.lineno, line, (size_t) len))
            continue;
        const char *s = titlelint_suggest(run->checker);
        if (s && (strlen(s) != (size_t) len || memcmp(s, line, (size_t) len) != 0)) {
            free(fixed);
            fixed = strdup(s);   /* the checker's copy goes with the next check */
            if (!fixed) {
                perror("titlelint");
                exit(EXIT_TROUBLE);
            }
            if (!fx->out)
                diff_hunk(fx, lr.lineno, line, (size_t) len, fixed, lr.ending);
            fx->changed++;
            if (!check_title(run, name, lr.lineno, fixed, strlen(fixed)))
                continue;
            line = fixed;
            len = (ssize_t) strlen(fixed);
        }
        if (fx->out) {
            fwrite(line, 1, (size_t) len, fx->out);
            fputs(lr.ending, fx->out);
        }
        report_title(run, name, lr.lineno);
    }
    if (ferror(f)) {
        fprintf(stderr, "titlelint: %s:%zu: read error: %s\n", name, lr.lineno + 1,
                strerror(errno));
        run->trouble = true;
    }
    free(fixed);
    line_reader_finish(&lr);
}

/*
 * Writes the fixed @path to @target (the file itself by default) through
 * a temporary file beside it and an atomic rename: a crash never leaves a
 * half-written catalog.
 */
static void
fix_path(struct run *run, FILE *in, const char *path, const char *target)
{
    struct fixer fx = { .name = path };
    char tmp[PATH_MAX];
    int fd = -1;

    if (!run->opt->diff) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof(dir), "%s", target);
        char *d = dirname(dir);
        char base[PATH_MAX];
        snprintf(base, sizeof(base), "%s", target);
        snprintf(tmp, sizeof(tmp), "%s/.%s.titlelint-XXXXXX", d, basename(base));
        fd = mkstemp(tmp);
        if (fd < 0 || !(fx.out = fdopen(fd, "w"))) {
            fprintf(stderr, "titlelint: %s: cannot write: %s\n", target, strerror(errno));
            if (fd >= 0) {
                close(fd);
                unlink(tmp);
            }
            run->trouble = true;
            return;
        }
        struct stat st;
        if (fstat(fileno(in), &st) == 0)
            fchmod(fd, st.st_mode & 07777);
    }
    lint_stream(run, in, path, &fx);
    if (fx.out) {
        bool ok = fflush(fx.out) == 0 && fsync(fileno(fx.out)) == 0;
        ok &= fclose(fx.out) == 0;
        if (!ok || run->trouble || rename(tmp, target) != 0) {
            fprintf(stderr, "titlelint: %s: not written%s%s\n", target,
                    ok && !run->trouble ? ": " : " (an error came first)",
                    ok && !run->trouble ? strerror(errno) : "");
            unlink(tmp);
            run->trouble = true;
            return;
        }
        if (fx.changed)
            fprintf(stderr, "titlelint: %s: %zu %s\n", target, fx.changed,
                    fx.changed == 1 ? "title fixed" : "titles fixed");
    }
    run->fixed += fx.changed;
}

static void
lint_path(struct run *run, const char *path)
{
    const struct options *opt = run->opt;

    if (strcmp(path, "-") == 0) {
        if (opt->fix || opt->diff) {
            fprintf(stderr, "titlelint: --fix and --diff need a file, not standard input\n");
            run->trouble = true;
            return;
        }
        lint_stream(run, stdin, "<stdin>", NULL);
        return;
    }
    FILE *f = fopen(path, "re");
    if (!f) {
        fprintf(stderr, "titlelint: %s: %s\n", path, strerror(errno));
        run->trouble = true;
        return;
    }
    if (opt->fix || opt->diff)
        fix_path(run, f, path, opt->output ? opt->output : path);
    else
        lint_stream(run, f, path, NULL);
    fclose(f);
}

static void
print_statistics(const struct run *run, FILE *out)
{
    bool en = run->opt->lang == TITLELINT_LANG_EN;

    for (size_t i = 0; i < titlelint_rule_count(); i++) {
        if (!run->rule_counts[i])
            continue;
        const struct titlelint_rule *r = titlelint_rule_get(i);
        fprintf(out, "%8zu  %s  %s\n", run->rule_counts[i],
                titlelint_rule_get_code(r), titlelint_rule_get_name(r));
    }
    if (en)
        fprintf(out, "%zu titles checked, %zu with findings, %zu empty lines skipped\n",
                run->titles, run->titles_with_findings, run->empty_lines);
    else
        fprintf(out, "共检查 %zu 个标题，%zu 个有问题，跳过 %zu 个空行\n",
                run->titles, run->titles_with_findings, run->empty_lines);
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

static void
push_arg(const char ***list, size_t *n, const char *arg)
{
    const char **l = realloc(*list, (*n + 1) * sizeof(char *));

    if (!l) {
        perror("titlelint");
        exit(EXIT_TROUBLE);
    }
    l[(*n)++] = arg;
    *list = l;
}

enum {
    OPT_BRAND = 256, OPT_CATEGORY, OPT_SELECT, OPT_IGNORE, OPT_FAIL_LEVEL,
    OPT_EXIT_ZERO, OPT_STATISTICS, OPT_LEXICON_DIR, OPT_LIST_RULES, OPT_EXPLAIN,
    OPT_LANG, OPT_COLOR, OPT_NO_DEFAULT_LEXICONS, OPT_CONFIG, OPT_NO_CONFIG, OPT_SUGGEST,
    OPT_FIX, OPT_DIFF,
};

static const struct option long_options[] = {
    { "title", required_argument, NULL, 't' },
    { "brand", required_argument, NULL, OPT_BRAND },
    { "category", required_argument, NULL, OPT_CATEGORY },
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
    { "lang", required_argument, NULL, OPT_LANG },
    { "color", optional_argument, NULL, OPT_COLOR },
    { "version", no_argument, NULL, 'V' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Loads the lexicons and lints every input; returns the exit status. */
static int
lint_all(const struct options *opt, const struct config *cfg, int argc, char **argv,
         bool list, const char *explain_rule)
{
    if (list) {
        list_rules(opt->lang);
        return 0;
    }
    if (explain_rule) {
        explain(explain_rule, opt->lang);
        return 0;
    }

    char marker[PATH_MAX + 32];
    bool builddir = !opt->no_default_lexicons && builddir_marker(marker, sizeof(marker));
    struct titlelint_context *ctx = titlelint_context_new(
        builddir || opt->no_default_lexicons ? TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS
                                            : TITLELINT_CONTEXT_NO_FLAGS);
    if (!ctx) {
        fprintf(stderr, "titlelint: out of memory\n");
        return EXIT_TROUBLE;
    }
    titlelint_context_set_log_fn(ctx, log_to_stderr, NULL);
    if (builddir)
        append_listed_dirs(ctx, marker);
    for (size_t i = 0; i < cfg->lexicon_dirs.n; i++)
        titlelint_context_append_lexicon_dir(ctx, cfg->lexicon_dirs.items[i]);
    for (size_t i = 0; i < opt->n_lexicon_dirs; i++)
        titlelint_context_append_lexicon_dir(ctx, opt->lexicon_dirs[i]);
    enum titlelint_status st = titlelint_context_compile(ctx);
    if (st != TITLELINT_OK) {
        fprintf(stderr, "titlelint: cannot load the lexicons: %s\n",
                titlelint_status_to_str(st));
        titlelint_context_unref(ctx);
        return EXIT_TROUBLE;
    }

    struct run run = { .opt = opt };
    run.checker = titlelint_checker_new(ctx);
    run.rule_counts = calloc(titlelint_rule_count(), sizeof(size_t));
    if (!run.checker || !run.rule_counts) {
        fprintf(stderr, "titlelint: cannot create a checker (out of memory or no ICU data)\n");
        titlelint_checker_destroy(run.checker);
        titlelint_context_unref(ctx);
        free(run.rule_counts);
        return EXIT_TROUBLE;
    }
    configure_checker(run.checker, opt, cfg);

    if (opt->format == TITLELINT_FORMAT_JSON)
        fputs("[\n", stdout);
    for (size_t i = 0; i < opt->n_titles; i++)
        lint_one(&run, "<title>", i + 1, opt->titles[i], strlen(opt->titles[i]));
    if (optind == argc && opt->n_titles == 0)
        lint_path(&run, "-");
    for (int i = optind; i < argc; i++)
        lint_path(&run, argv[i]);
    if (opt->format == TITLELINT_FORMAT_JSON)
        fputs(run.json_started ? "\n]\n" : "]\n", stdout);

    if (opt->statistics)
        print_statistics(&run, opt->format == TITLELINT_FORMAT_TEXT ? stdout : stderr);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "titlelint: cannot write to standard output: %s\n",
                strerror(errno));
        run.trouble = true;
    }

    titlelint_checker_destroy(run.checker);
    titlelint_context_unref(ctx);
    free(run.rule_counts);

    if (run.trouble)
        return EXIT_TROUBLE;
    if (opt->diff)
        return run.fixed ? EXIT_FINDINGS : 0;
    if (!opt->exit_zero && run.max_severity != TITLELINT_SEVERITY_OFF &&
        run.max_severity >= (enum titlelint_severity) opt->fail_level)
        return EXIT_FINDINGS;
    return 0;
}

int
main(int argc, char **argv)
{
    struct options opt = {
        .format = TITLELINT_FORMAT_TEXT,
        .fail_level = -1,
        .lang = -1,
        .color = -1,
    };
    bool list = false;
    const char *explain_rule = NULL;
    int c;

    while ((c = getopt_long(argc, argv, "t:f:o:Vh", long_options, NULL)) != -1) {
        switch (c) {
        case 't': push_arg(&opt.titles, &opt.n_titles, optarg); break;
        case OPT_BRAND: opt.brand = optarg; break;
        case OPT_CATEGORY: opt.category = optarg; break;
        case 'f':
            if (strcmp(optarg, "text") == 0)
                opt.format = TITLELINT_FORMAT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                opt.format = TITLELINT_FORMAT_JSON;
            else if (strcmp(optarg, "jsonl") == 0)
                opt.format = TITLELINT_FORMAT_JSONL;
            else
                die_usage("format", optarg, "text, json or jsonl");
            break;
        case OPT_SELECT: opt.select = optarg; break;
        case OPT_IGNORE: opt.ignore = optarg; break;
        case OPT_FAIL_LEVEL:
            if (strcmp(optarg, "error") == 0)
                opt.fail_level = TITLELINT_SEVERITY_ERROR;
            else if (strcmp(optarg, "warning") == 0)
                opt.fail_level = TITLELINT_SEVERITY_WARNING;
            else if (strcmp(optarg, "info") == 0)
                opt.fail_level = TITLELINT_SEVERITY_INFO;
            else
                die_usage("fail level", optarg, "error, warning or info");
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
        case OPT_LANG:
            if (strcmp(optarg, "zh") == 0)
                opt.lang = TITLELINT_LANG_ZH;
            else if (strcmp(optarg, "en") == 0)
                opt.lang = TITLELINT_LANG_EN;
            else
                die_usage("language", optarg, "zh or en");
            break;
        case OPT_COLOR:
            if (!optarg || strcmp(optarg, "always") == 0)
                opt.color = 1;
            else if (strcmp(optarg, "never") == 0)
                opt.color = 0;
            else if (strcmp(optarg, "auto") == 0)
                opt.color = -1;
            else
                die_usage("--color value", optarg, "always, never or auto");
            break;
        case 'V': printf("titlelint %s\n", titlelint_version()); return 0;
        case 'h': fputs(usage_text, stdout); return 0;
        default:
            fprintf(stderr, "Try 'titlelint --help' for more information.\n");
            return EXIT_TROUBLE;
        }
    }
    if (opt.output && (!opt.fix || argc - optind != 1)) {
        fprintf(stderr, "titlelint: -o FILE goes with --fix and exactly one input file\n");
        return EXIT_TROUBLE;
    }
    if (opt.diff && opt.fix) {
        fprintf(stderr, "titlelint: --diff shows what --fix would do: give one of them\n");
        return EXIT_TROUBLE;
    }
    struct config cfg;
    int status = EXIT_TROUBLE;
    if (load_config(&cfg, &opt, argc, argv)) {
        if (opt.lang < 0)
            opt.lang = TITLELINT_LANG_ZH;
        if (opt.fail_level < 0)
            opt.fail_level = TITLELINT_SEVERITY_ERROR;
        status = lint_all(&opt, &cfg, argc, argv, list, explain_rule);
    }
    config_finish(&cfg);
    free(opt.titles);
    free(opt.lexicon_dirs);
    return status;
}
