/*
 * Lexicon load time, in process: builds a context over the given lexicon
 * directories RUNS times (titlelint_context_new to compile) and prints the
 * median in milliseconds.  Process start-up and ICU's own initialisation
 * (paid once) stay out of the figure, unlike timing `titlelint -t x`.
 * Usage: bench-load RUNS LEXICON_DIR...
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "titlelint/titlelint.h"

static double
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s RUNS LEXICON_DIR...\n", argv[0]);
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1)
        runs = 1;
    double *ms = calloc((size_t) runs, sizeof(*ms));
    if (!ms)
        return 1;
    /* One unmeasured build first: ICU data and the page cache warm up. */
    for (int r = -1; r < runs; r++) {
        double t0 = now_ms();
        struct titlelint_context *ctx =
            titlelint_context_new(TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS);
        for (int i = 2; ctx && i < argc; i++)
            titlelint_context_append_lexicon_dir(ctx, argv[i]);
        if (!ctx || titlelint_context_compile(ctx) != TITLELINT_OK) {
            fprintf(stderr, "bench-load: the lexicons do not compile\n");
            titlelint_context_unref(ctx);
            free(ms);
            return 1;
        }
        double t1 = now_ms();
        titlelint_context_unref(ctx);
        if (r >= 0)
            ms[r] = t1 - t0;
    }
    qsort(ms, (size_t) runs, sizeof(*ms), cmp_double);
    printf("%.1f\n", runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2);
    free(ms);
    return 0;
}
