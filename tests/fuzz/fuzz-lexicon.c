/*
 * libFuzzer harness: a user lexicon file through the public API.  The
 * first byte picks the file's kind (brands, people, ... variants: the
 * file-name prefixes of titlelint-lexicon(5)); the rest is the file, written
 * to a directory of its own and compiled into a context.  When it
 * compiles, a few titles and the file's own bytes are linted with it, so
 * that fuzzed terms and patterns meet text.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <titlelint/titlelint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const kinds[] = {
    "brands", "people", "categories", "attributes", "markers", "hotwords",
    "absolute", "contact", "price", "patterns", "homophones", "lookalikes",
    "variants",
};
#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))

static char dir[64];
static char path[128];

static void
quiet(void *ud, enum titlelint_log_level level, const char *message)
{
    (void) ud;
    (void) level;
    if (!strchr(message, ':'))
        abort();   /* every lexicon message names its file (and line) */
}

static void
cleanup(void)
{
    if (path[0])
        unlink(path);
    rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof(dir), "%s/fuzz-lexicon-XXXXXX",
             tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(dir))
        abort();
    atexit(cleanup);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const titles[] = {
        "香奈儿同款小香风粗花呢短外套女秋冬新款",
        "杨幂同款碎花雪纺连衣裙 加微13812345678 500ml 原价99",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
    };

    if (size < 1)
        return 0;
    if (path[0])
        unlink(path);
    snprintf(path, sizeof(path), "%s/%s.tsv", dir, kinds[data[0] % N_KINDS]);
    FILE *f = fopen(path, "w");
    if (!f)
        abort();
    fwrite(data + 1, 1, size - 1, f);
    if (fclose(f) != 0)
        abort();

    struct titlelint_context *ctx =
        titlelint_context_new(TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS);
    titlelint_context_set_log_fn(ctx, quiet, NULL);
    titlelint_context_append_lexicon_dir(ctx, dir);
    if (titlelint_context_compile(ctx) == TITLELINT_OK) {
        struct titlelint_checker *chk = titlelint_checker_new(ctx);
        if (chk) {
            for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
                titlelint_checker_check(chk, titles[i], strlen(titles[i]), NULL, NULL);
                titlelint_suggest(chk);
            }
            size_t n = size - 1 < 512 ? size - 1 : 512;
            titlelint_checker_check(chk, (const char *) data + 1, n, NULL, NULL);
            titlelint_suggest(chk);
            titlelint_checker_destroy(chk);
        }
    }
    titlelint_context_unref(ctx);
    return 0;
}
