#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "input-text.h"

void
line_reader_init(struct line_reader *lr, struct input *in)
{
    memset(lr, 0, sizeof(*lr));
    lr->in = in;
}

ssize_t
line_reader_next(struct line_reader *lr, const char **line)
{
    ssize_t n = input_getline(lr->in, &lr->buf, &lr->cap);

    if (n < 0)
        return -1;
    lr->lineno++;
    char *p = lr->buf;
    if (lr->lineno == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
        n -= 3;
        lr->bom = true;
    }
    lr->ending = "";
    if (n > 0 && p[n - 1] == '\n') {
        n--;
        lr->ending = "\n";
        if (n > 0 && p[n - 1] == '\r') {
            n--;
            lr->ending = "\r\n";
        }
    }
    *line = p;
    return n;
}

void
line_reader_finish(struct line_reader *lr)
{
    free(lr->buf);
    lr->buf = NULL;
    lr->cap = 0;
}
