/*
 * Precision and recall of every rule over the hand-labeled titles of
 * tests/data/labeled.tsv (title, brand, category, expected rule names),
 * with the real lexicons.  Prints a table; fails when a rule with enough
 * labeled titles falls below the floor (0.9, or --floor X) in either.
 * The rules were tuned on tests/data/labeled.tsv (floor 0.9); the held-out
 * tests/data/heldout.tsv, written blind, gets a lower floor that only
 * guards against getting worse: its figures are the honest ones.
 * Usage: test-labeled [--floor X] LABELED.tsv LEXICON_DIR...
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <titlelint/titlelint.h>

#define MIN_POSITIVES 10
#define DEFAULT_FLOOR 0.9

struct counts {
    size_t tp, fp, fn;
};

static bool
listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; (p = strstr(p, name)); p += n)
        if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return true;
    return false;
}

int
main(int argc, char **argv)
{
    double floor = DEFAULT_FLOOR;
    if (argc > 2 && strcmp(argv[1], "--floor") == 0) {
        floor = atof(argv[2]);
        argv += 2;
        argc -= 2;
    }
    if (argc < 3 || floor <= 0 || floor > 1) {
        fprintf(stderr, "usage: test-labeled [--floor X] LABELED.tsv LEXICON_DIR...\n");
        return 2;
    }
    struct titlelint_context *ctx = titlelint_context_new(TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS);
    for (int i = 2; i < argc; i++)
        titlelint_context_append_lexicon_dir(ctx, argv[i]);
    if (titlelint_context_compile(ctx) != TITLELINT_OK)
        return 2;
    struct titlelint_checker *chk = titlelint_checker_new(ctx);
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t n_rules = titlelint_rule_count(), titles = 0, exact = 0;
    struct counts *c = calloc(n_rules, sizeof(*c));
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    bool verbose = getenv("TITLELINT_LABELED_VERBOSE") != NULL;

    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *field[4] = { line, "", "", "" };
        for (int k = 1; k < 4; k++) {
            char *tab = strchr(field[k - 1], '\t');
            if (!tab) {
                if (k < 3) {
                    fprintf(stderr, "%s:%zu: expected 4 tab-separated fields\n", argv[1], lineno);
                    return 2;
                }
                break;
            }
            *tab = '\0';
            field[k] = tab + 1;
        }
        const char *expected = field[3];
        titlelint_checker_check(chk, field[0], strlen(field[0]),
                                field[1][0] ? field[1] : NULL, field[2][0] ? field[2] : NULL);
        titles++;
        char got[512] = "";
        bool same = true;
        for (size_t r = 0; r < n_rules; r++) {
            const char *name = titlelint_rule_get_name(titlelint_rule_get(r));
            bool found = false;
            for (size_t d = 0; d < titlelint_checker_get_diagnostic_count(chk) && !found; d++)
                found = titlelint_diagnostic_get_rule(titlelint_checker_get_diagnostic(chk, d)) ==
                        titlelint_rule_get(r);
            bool want = listed(expected, name);
            c[r].tp += found && want;
            c[r].fp += found && !want;
            c[r].fn += !found && want;
            same &= found == want;
            if (found) {
                size_t l = strlen(got);
                snprintf(got + l, sizeof(got) - l, "%s%s", l ? "," : "", name);
            }
        }
        exact += same;
        if (!same && verbose)
            printf("%s:%zu: %s\n    expected: %s\n    got:      %s\n", argv[1], lineno,
                   field[0], expected, got);
    }
    free(line);
    fclose(f);

    int status = 0;
    printf("%-22s %5s %5s %5s %9s %7s\n", "rule", "tp", "fp", "fn", "precision", "recall");
    for (size_t r = 0; r < n_rules; r++) {
        const char *name = titlelint_rule_get_name(titlelint_rule_get(r));
        size_t pos = c[r].tp + c[r].fn, flagged = c[r].tp + c[r].fp;
        double precision = flagged ? (double) c[r].tp / (double) flagged : 1.0;
        double recall = pos ? (double) c[r].tp / (double) pos : 1.0;
        bool judged = pos >= MIN_POSITIVES;
        bool ok = !judged || (precision >= floor && recall >= floor);
        printf("%-22s %5zu %5zu %5zu %9.3f %7.3f%s\n", name, c[r].tp, c[r].fp, c[r].fn,
               precision, recall, !judged ? "  (too few labeled titles)" : ok ? "" : "  BELOW");
        if (!ok)
            status = 1;
    }
    printf("floor %.2f\n%zu titles, %zu labeled exactly right (%.1f%%)\n", floor, titles, exact,
           titles ? 100.0 * (double) exact / (double) titles : 0.0);
    if (titles < 400) {
        printf("fewer than 400 labeled titles\n");
        status = 1;
    }
    free(c);
    titlelint_checker_destroy(chk);
    titlelint_context_unref(ctx);
    return status;
}
