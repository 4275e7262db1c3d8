/* Reading titles from text files: one title per line. */
#ifndef TL_CLI_INPUT_TEXT_H
#define TL_CLI_INPUT_TEXT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "input.h"

struct line_reader {
    struct input *in;
    char *buf;
    size_t cap;
    size_t lineno;      /* number of the line last read, 1-based */
    bool bom;           /* the file started with a UTF-8 byte order mark */
    const char *ending; /* the last line's end as read: "\n", "\r\n" or "" */
};

void line_reader_init(struct line_reader *lr, struct input *in);

/*
 * Reads the next line without its "\n" or "\r\n" (and without a UTF-8 BOM
 * on the first line).  Returns its length, or -1 at end of file or on a
 * read error (then lr->in->error).  The line may contain NUL bytes: use
 * the returned length, not strlen().
 */
ssize_t line_reader_next(struct line_reader *lr, const char **line);

void line_reader_finish(struct line_reader *lr);

#endif
