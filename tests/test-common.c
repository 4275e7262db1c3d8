#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test-common.h"

char test_log[8192];

const char *
test_path(const char *rel)
{
    static char buf[4096];
    const char *top = getenv("top_srcdir");

    snprintf(buf, sizeof(buf), "%s/tests/%s", top ? top : ".", rel);
    return buf;
}

void
test_capture_log(void *ud, enum titlelint_log_level level, const char *message)
{
    (void) ud;
    (void) level;
    size_t n = strlen(test_log);
    snprintf(test_log + n, sizeof(test_log) - n, "%s\n", message);
}

struct titlelint_context *
test_context(void)
{
    struct titlelint_context *ctx =
        titlelint_context_new(TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS);
    ck_assert_ptr_nonnull(ctx);
    ck_assert_int_eq(titlelint_context_append_lexicon_dir(ctx, test_path("data/lexicons")),
                     TITLELINT_OK);
    ck_assert_int_eq(titlelint_context_compile(ctx), TITLELINT_OK);
    return ctx;
}

const char *
test_mkdir(size_t n, const char *const *names, const char *const *contents)
{
    static char dir[256];

    snprintf(dir, sizeof(dir), "%s/titlelint-test-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    for (size_t i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        fputs(contents[i], f);
        fclose(f);
    }
    return dir;
}

void
test_rmdir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;

    if (!d)
        return;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

int
test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);

    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
