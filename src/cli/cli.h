/* What the parts of the titlelint command share. */
#ifndef TL_CLI_H
#define TL_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <titlelint/titlelint.h>

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2

enum out_format {
    OUT_TEXT,      /* the library's text report */
    OUT_JSON,      /* the library's objects, in one array */
    OUT_JSONL,     /* the library's objects, one a line */
    OUT_CSV,       /* the input's columns, then count, findings, suggestion */
    OUT_SARIF,     /* SARIF 2.1.0 */
    OUT_GITHUB,    /* GitHub Actions workflow annotations */
    OUT_LSP,       /* per file: {"uri", "diagnostics": [LSP Diagnostic]} */
};

enum in_format { IN_AUTO, IN_TEXT, IN_CSV, IN_TSV, IN_JSONL };

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
    enum out_format format;
    enum in_format input_format;
    const char *encoding;         /* NULL: detect */
    const char *column, *category_column, *brand_column, *id_column;
    bool no_header;
    int fail_level;               /* enum titlelint_severity, or -1: not given */
    int lang;                     /* enum titlelint_lang, or -1: not given */
    int color;                    /* -1 auto, 0 never, 1 always */
    bool exit_zero;
    bool statistics;
    bool suggest;
    bool fix, diff;
    const char *output;           /* -o FILE with --fix */
    bool no_default_lexicons;
    int jobs;                     /* worker threads (-j) */
    const char *baseline;         /* --baseline FILE */
    const char *write_baseline;   /* --write-baseline FILE */
    bool quiet;
};

/* Growable bytes of the CLI, always NUL-terminated (buf.c; the library's
 * strbuf is internal). */
struct buf {
    char *data;
    size_t len, cap;
};

bool buf_append(struct buf *b, const char *s, size_t n);
bool buf_printf(struct buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Appends @s as one CSV cell (quoted, quotes doubled), after @delim
 * unless it is 0 (the first cell). */
bool buf_csv_cell(struct buf *b, const char *s, char delim);

#endif
