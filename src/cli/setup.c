/*
 * What every way of running titlelint sets up the same way: the lexicons
 * (the build tree's or the installed ones, the configuration's and the
 * command line's directories) and each checker (the configuration file
 * first, then the command line over it).  Used by the linting run
 * (main.c) and the language server (lsp.c).
 */
#include "config.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <titlelint/titlelint.h>

#include "setup.h"

void
die_nomem(void)
{
    fprintf(stderr, "titlelint: out of memory\n");
    exit(EXIT_TROUBLE);
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

const struct titlelint_rule *
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

    if (!copy)
        die_nomem();
    for (char *name = strtok_r(copy, ", ", &save); name;
         name = strtok_r(NULL, ", ", &save)) {
        const struct titlelint_rule *rule = find_rule_or_die(name);
        titlelint_checker_set_rule_severity(chk, rule, severity < 0
            ? titlelint_rule_get_default_severity(rule)
            : (enum titlelint_severity) severity);
    }
    free(copy);
}

enum titlelint_severity
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
 * warning (a typo would silently change nothing); said by the first
 * checker only. */
static void
add_names(struct titlelint_checker *chk, const struct config *cfg,
          const struct string_list *names, const char *what, bool say,
          enum titlelint_status (*add)(struct titlelint_checker *, const char *))
{
    for (size_t i = 0; i < names->n; i++)
        if (add(chk, names->items[i]) == TITLELINT_ERROR_INVALID_ARG && say)
            fprintf(stderr, "titlelint: warning: %s: %s '%s' is not in the lexicons\n",
                    cfg->path, what, names->items[i]);
}

/* The configuration file first, then the command line over it. */
void
configure_checker(struct titlelint_checker *chk, void *arg)
{
    struct setup *su = arg;
    const struct options *opt = su->opt;
    const struct config *cfg = su->cfg;

    titlelint_checker_set_lang(chk, (enum titlelint_lang) opt->lang);
    select_ignore(chk, cfg->select, cfg->ignore);
    for (size_t i = 0; i < cfg->n_severities; i++)
        titlelint_checker_set_rule_severity(chk, find_rule_or_die(cfg->severities[i].rule),
                                            severity_from_str(cfg->severities[i].severity));
    select_ignore(chk, opt->select, opt->ignore);
    add_names(chk, cfg, &cfg->own, "own brand", !su->said, titlelint_checker_add_own_brand);
    add_names(chk, cfg, &cfg->authorized, "authorized name", !su->said,
              titlelint_checker_add_authorized);
    for (size_t i = 0; i < cfg->allowed.n; i++)
        titlelint_checker_add_allowed_word(chk, cfg->allowed.items[i]);
    titlelint_checker_set_length_limits(chk,
        cfg->min_valid_chars >= 0 ? (size_t) cfg->min_valid_chars : 5,
        cfg->max_chars >= 0 ? (size_t) cfg->max_chars : 60);
    su->said = true;
}

struct titlelint_context *
setup_context(const struct options *opt, const struct config *cfg)
{
    char marker[PATH_MAX + 32];
    bool builddir = !opt->no_default_lexicons && builddir_marker(marker, sizeof(marker));
    struct titlelint_context *ctx = titlelint_context_new(
        builddir || opt->no_default_lexicons ? TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS
                                            : TITLELINT_CONTEXT_NO_FLAGS);
    if (!ctx)
        die_nomem();
    /* the library's own log function says "titlelint: ..." on stderr */
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
        return NULL;
    }
    return ctx;
}
