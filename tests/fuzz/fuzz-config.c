/*
 * libFuzzer harness: the configuration file parser (src/cli/configfile.c,
 * titlelint.ini(5)) over a file's bytes.  An error must name the file
 * and a line.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "configfile.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void
cleanup(void)
{
    unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof(path), "%s/fuzz-config-XXXXXX",
             tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    close(fd);
    atexit(cleanup);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "w");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    if (fclose(f) != 0)
        abort();

    struct config cfg;
    char err[512];
    config_init(&cfg);
    if (config_load(&cfg, path, err, sizeof(err))) {
        size_t sum = 0;
        for (size_t i = 0; i < cfg.lexicon_dirs.n; i++)
            sum += strlen(cfg.lexicon_dirs.items[i]);
        for (size_t i = 0; i < cfg.own.n; i++)
            sum += strlen(cfg.own.items[i]);
        for (size_t i = 0; i < cfg.authorized.n; i++)
            sum += strlen(cfg.authorized.items[i]);
        for (size_t i = 0; i < cfg.allowed.n; i++)
            sum += strlen(cfg.allowed.items[i]);
        for (size_t i = 0; i < cfg.n_severities; i++)
            sum += strlen(cfg.severities[i].rule) + strlen(cfg.severities[i].severity);
        (void) sum;
    } else if (strncmp(err, path, strlen(path)) != 0 || err[strlen(path)] != ':') {
        abort();   /* an error names the file (and the line) */
    }
    config_finish(&cfg);
    return 0;
}
