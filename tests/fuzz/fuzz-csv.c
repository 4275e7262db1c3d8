/*
 * libFuzzer harness: the input readers of the CLI (src/cli/input.c with
 * input-csv.c or input-text.c) over a file's bytes, read through
 * fmemopen(3) as the CLI reads a FILE.  input.c is built here with a chunk
 * of INPUT_CHUNK bytes (see meson.build) so that chunk boundaries, and
 * multi-byte sequences cut by them, fall everywhere in small inputs.
 *
 * The first byte picks the mode: bits 0-1 the encoding (detected, UTF-8,
 * GB18030), bit 2 TSV, bit 3 no header, bit 4 plain text lines.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input-csv.h"
#include "input-text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t sum;

static void
touch(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sum += (unsigned char) s[i];
}

static void
read_csv(struct input *in, char delim, bool header)
{
    struct csv_reader r;
    char err[512];
    struct csv_columns cols;
    bool first = true;
    int rc;

    csv_reader_init(&r, in, "fuzz.csv", delim);
    while ((rc = csv_reader_next(&r, err, sizeof(err))) == 1) {
        if (first) {
            first = false;
            csv_find_columns(&r, header, NULL, NULL, NULL, NULL, &cols, err, sizeof(err));
            csv_find_columns(&r, header, "2", "类目", "9", "id", &cols, err, sizeof(err));
        }
        for (size_t i = 0; i <= r.n_cells; i++) {
            const char *c = csv_cell(&r, i);
            size_t n = csv_cell_len(&r, i);
            if (c[n] != '\0')
                abort();   /* every cell is NUL-terminated */
            touch(c, n);
        }
        const char *ending;
        size_t body = csv_record_body(&r, &ending);
        touch(r.raw, body);
        touch(ending, strlen(ending));
    }
    if (rc < 0 && !memchr(err, '\0', sizeof(err)))
        abort();
    csv_reader_finish(&r);
}

static void
read_text(struct input *in)
{
    struct line_reader lr;
    const char *line;
    ssize_t n;

    line_reader_init(&lr, in);
    while ((n = line_reader_next(&lr, &line)) >= 0)
        touch(line, (size_t) n);
    line_reader_finish(&lr);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const encodings[] = { NULL, "utf-8", "gb18030", "gbk" };

    if (size < 2)
        return 0;   /* fmemopen(3) needs a byte */
    uint8_t mode = data[0];
    /* a copy of exactly the file's size: ASan sees a read past its end */
    char *buf = malloc(size - 1);
    memcpy(buf, data + 1, size - 1);
    FILE *f = fmemopen(buf, size - 1, "r");
    if (!f) {
        free(buf);
        return 0;
    }
    struct input in;
    char err[256];
    /* the detection message goes to stderr: keep the fuzzer's output quiet */
    if (input_open(&in, f, "fuzz", encodings[mode & 3], err, sizeof(err))) {
        if (mode & 16)
            read_text(&in);
        else
            read_csv(&in, mode & 4 ? '\t' : ',', !(mode & 8));
        input_close(&in);
    }
    fclose(f);
    free(buf);
    return 0;
}
