/* struct buf (cli.h): growable bytes, always NUL-terminated. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static bool
buf_reserve(struct buf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d)
            return false;
        b->data = d;
        b->cap = cap;
    }
    return true;
}

bool
buf_append(struct buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool
buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    /* room only: appending n bytes of "" read past its end (ASan) */
    if (n < 0 || !buf_reserve(b, (size_t) n))
        return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t) n;
    return true;
}

bool
buf_csv_cell(struct buf *b, const char *s, char delim)
{
    bool ok = (!delim || buf_append(b, &delim, 1)) && buf_append(b, "\"", 1);
    for (const char *p = s; ok && *p; p++)
        ok = *p == '"' ? buf_append(b, "\"\"", 2) : buf_append(b, p, 1);
    return ok && buf_append(b, "\"", 1);
}
