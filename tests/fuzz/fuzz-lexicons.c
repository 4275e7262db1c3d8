/* The lexicons of the harnesses that lint with the real ones. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-lexicons.h"

struct titlelint_context *
fuzz_real_lexicons(const char *harness)
{
    struct titlelint_context *ctx =
        titlelint_context_new(TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS);
    const char *env = getenv("TITLELINT_FUZZ_LEXICONS");
    char *dirs = strdup(env ? env : FUZZ_LEXICON_DIRS);
    char *save = NULL;
    for (char *d = strtok_r(dirs, ":", &save); ctx && d; d = strtok_r(NULL, ":", &save))
        titlelint_context_append_lexicon_dir(ctx, d);
    free(dirs);
    if (!ctx || titlelint_context_compile(ctx) != TITLELINT_OK) {
        fprintf(stderr, "%s: the lexicons do not load\n", harness);
        abort();
    }
    return ctx;
}
