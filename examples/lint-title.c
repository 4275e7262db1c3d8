/*
 * The smallest complete use of libtitlelint: lint the titles given as
 * arguments and print each finding.  Build it against the installed
 * library:
 *
 *     cc lint-title.c $(pkg-config --cflags --libs titlelint) -o lint-title
 *     ./lint-title '香奈儿同款小香风外套'
 */
#include <stdio.h>
#include <string.h>

#include <titlelint/titlelint.h>

int
main(int argc, char **argv)
{
    /* The installed lexicons (or $TITLELINT_LEXICON_DIR), compiled once;
     * the context can then be shared between threads. */
    struct titlelint_context *ctx = titlelint_context_new(TITLELINT_CONTEXT_NO_FLAGS);
    if (!ctx)
        return 2;
    if (titlelint_context_compile(ctx) != TITLELINT_OK) {
        titlelint_context_unref(ctx);
        return 2;
    }

    /* One checker per thread. */
    struct titlelint_checker *checker = titlelint_checker_new(ctx);
    int findings = 0;
    for (int i = 1; i < argc; i++) {
        if (titlelint_checker_check(checker, argv[i], strlen(argv[i]), NULL, NULL))
            continue;
        for (size_t k = 0; k < titlelint_checker_get_diagnostic_count(checker); k++) {
            const struct titlelint_diagnostic *d =
                titlelint_checker_get_diagnostic(checker, k);
            struct titlelint_position start;
            titlelint_diagnostic_get_span(d, &start, NULL);
            printf("%s:%zu: %s [%s]\n", argv[i], start.chars + 1,
                   titlelint_diagnostic_get_message(d),
                   titlelint_rule_get_code(titlelint_diagnostic_get_rule(d)));
            findings++;
        }
    }
    titlelint_checker_destroy(checker);
    titlelint_context_unref(ctx);
    return findings ? 1 : 0;
}
