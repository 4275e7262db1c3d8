#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/utf8.h>

#include "input.h"

/* Whether @s holds valid UTF-8, a sequence cut at the end excepted. */
static bool
valid_utf8(const char *s, size_t n, bool cut_ok)
{
    int32_t i = 0;
    while ((size_t) i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT((const uint8_t *) s, i, (int32_t) n, c);
        if (c < 0)
            return cut_ok && (size_t) i == n && n - (size_t) start < 4 &&
                   ((uint8_t) s[start] & 0xC0) == 0xC0;
    }
    return true;
}

/* Whether @s decodes as GB18030 without a substitution. */
static bool
valid_gb18030(const char *s, size_t n)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open("GB18030", &err);
    if (U_FAILURE(err))
        return false;
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    UChar buf[1024];
    const char *src = s, *end = s + n;
    while (U_SUCCESS(err) && src < end) {
        UChar *t = buf;
        ucnv_toUnicode(c, &t, buf + 1024, &src, end, NULL, false, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR)
            err = U_ZERO_ERROR;
    }
    ucnv_close(c);
    return U_SUCCESS(err);
}

static bool
fill(struct input *in)
{
    if (in->in_eof)
        return false;
    if (in->in_pos > 0) {
        memmove(in->in, in->in + in->in_pos, in->in_len - in->in_pos);
        in->in_len -= in->in_pos;
        in->in_pos = 0;
    }
    size_t got = fread(in->in + in->in_len, 1, sizeof(in->in) - in->in_len, in->f);
    in->in_len += got;
    if (got == 0) {
        if (ferror(in->f))
            in->error = true;
        in->in_eof = true;
    }
    return got > 0;
}

bool
input_open(struct input *in, FILE *f, const char *name, const char *encoding,
           char *err, size_t errlen)
{
    memset(in, 0, sizeof(*in));
    in->f = f;
    in->name = name;
    in->encoding = "UTF-8";
    in->pivot_source = in->pivot_target = in->pivot;

    bool gb = false;
    if (encoding && strcasecmp(encoding, "gb18030") != 0 && strcasecmp(encoding, "gbk") != 0 &&
        strcasecmp(encoding, "utf-8") != 0 && strcasecmp(encoding, "utf8") != 0) {
        snprintf(err, errlen, "unknown encoding '%s' (utf-8 or gb18030)", encoding);
        return false;
    }
    if (encoding) {
        gb = strcasecmp(encoding, "gb18030") == 0 || strcasecmp(encoding, "gbk") == 0;
    } else {
        fill(in);
        gb = !valid_utf8(in->in, in->in_len, !in->in_eof) && valid_gb18030(in->in, in->in_len);
        if (gb)
            fprintf(stderr, "titlelint: %s: not UTF-8; read as GB18030 (--encoding to say so)\n",
                    name);
    }
    if (gb) {
        UErrorCode e = U_ZERO_ERROR;
        in->from = ucnv_open("GB18030", &e);
        in->to = ucnv_open("UTF-8", &e);
        if (U_FAILURE(e)) {
            snprintf(err, errlen, "%s: cannot open the GB18030 converter: %s", name,
                     u_errorName(e));
            input_close(in);
            return false;
        }
        in->encoding = "GB18030";
    }
    return true;
}

/* Moves more input into in->out: copied, or converted. */
static bool
more(struct input *in)
{
    if (in->out_pos > 0) {
        memmove(in->out, in->out + in->out_pos, in->out_len - in->out_pos);
        in->out_len -= in->out_pos;
        in->out_scanned -= in->out_pos;
        in->out_pos = 0;
    }
    if (in->in_pos == in->in_len && !fill(in) && !in->from)
        return false;
    size_t room = in->in_len * 4 + 64;
    if (in->out_len + room > in->out_cap) {
        size_t cap = in->out_cap ? in->out_cap : INPUT_CHUNK;
        while (cap < in->out_len + room)
            cap *= 2;
        char *o = realloc(in->out, cap);
        if (!o) {
            in->error = true;
            return false;
        }
        in->out = o;
        in->out_cap = cap;
    }
    if (!in->from) {
        memcpy(in->out + in->out_len, in->in + in->in_pos, in->in_len - in->in_pos);
        in->out_len += in->in_len - in->in_pos;
        in->in_pos = in->in_len;
        return true;
    }
    const char *src = in->in + in->in_pos, *src_end = in->in + in->in_len;
    char *dst = in->out + in->out_len;
    UErrorCode e = U_ZERO_ERROR;
    size_t before = in->out_len;
    /* flush only at the end: a sequence cut at the chunk's end waits in
     * the converter for its other bytes */
    ucnv_convertEx(in->to, in->from, &dst, in->out + in->out_cap, &src, src_end,
                   in->pivot, &in->pivot_source, &in->pivot_target, in->pivot + 1024,
                   false, in->in_eof, &e);
    if (U_FAILURE(e) && e != U_BUFFER_OVERFLOW_ERROR) {
        in->error = true;
        return false;
    }
    in->in_pos = (size_t) (src - in->in);
    in->out_len = (size_t) (dst - in->out);
    return in->out_len > before || !in->in_eof;
}

ssize_t
input_getline(struct input *in, char **line, size_t *cap)
{
    for (;;) {
        /* each byte is searched once: a line of 100 MB comes in 1,600
         * chunks, and searching it from its start after each was quadratic */
        if (in->out_scanned < in->out_pos)
            in->out_scanned = in->out_pos;
        char *nl = in->out_len > in->out_scanned
            ? memchr(in->out + in->out_scanned, '\n', in->out_len - in->out_scanned) : NULL;
        in->out_scanned = nl ? (size_t) (nl - in->out) + 1 : in->out_len;
        size_t n;
        if (nl) {
            n = (size_t) (nl - (in->out + in->out_pos)) + 1;
        } else if (more(in)) {
            continue;
        } else if (in->out_len > in->out_pos) {
            n = in->out_len - in->out_pos;   /* the last line, without "\n" */
        } else {
            return -1;
        }
        if (n + 1 > *cap) {
            char *l = realloc(*line, n + 1);
            if (!l) {
                in->error = true;
                return -1;
            }
            *line = l;
            *cap = n + 1;
        }
        memcpy(*line, in->out + in->out_pos, n);
        (*line)[n] = '\0';
        in->out_pos += n;
        return (ssize_t) n;
    }
}

void
input_close(struct input *in)
{
    if (in->from)
        ucnv_close(in->from);
    if (in->to)
        ucnv_close(in->to);
    free(in->out);
    in->from = in->to = NULL;
    in->out = NULL;
}
