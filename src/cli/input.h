/*
 * Input files as UTF-8 lines, whatever they were saved as.  Exports saved
 * by Excel on Chinese Windows are GB18030 (GBK): they are detected (not
 * valid UTF-8, valid GB18030) or named with --encoding, and converted with
 * ICU's converters, in chunks: a multi-byte sequence cut by a chunk
 * boundary is carried to the next.  Memory holds a chunk and a line.
 */
#ifndef TL_CLI_INPUT_H
#define TL_CLI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include <unicode/ucnv.h>

/* The fuzz harness builds this file with a tiny chunk, so that chunk
 * boundaries fall everywhere. */
#ifndef INPUT_CHUNK
#define INPUT_CHUNK 65536
#endif

struct input {
    FILE *f;
    const char *name;
    const char *encoding;        /* "UTF-8" or "GB18030" */
    UConverter *from, *to;       /* NULL when the input is UTF-8 */
    UChar pivot[1024];
    UChar *pivot_source, *pivot_target;
    char in[INPUT_CHUNK];        /* raw bytes read, not yet converted */
    size_t in_len, in_pos;
    bool in_eof;
    char *out;                   /* UTF-8 bytes not yet returned */
    size_t out_len, out_pos, out_cap;
    size_t out_scanned;          /* out[out_pos, out_scanned) holds no "\n" */
    bool error;
};

/*
 * Starts reading @f.  @encoding is "utf-8", "gb18030" or NULL to detect.
 * Returns false with a message in @err (an unknown encoding, ICU missing
 * its converter data).
 */
bool input_open(struct input *in, FILE *f, const char *name, const char *encoding,
                char *err, size_t errlen);

/* Like getline(3), in UTF-8: the line with its "\n"; -1 at the end or on
 * a read error (then in->error). */
ssize_t input_getline(struct input *in, char **line, size_t *cap);

void input_close(struct input *in);

#endif
