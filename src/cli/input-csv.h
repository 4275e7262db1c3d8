/*
 * Reading CSV and TSV product exports with libcsv, streamed: the file is
 * fed to the parser a line at a time, so each record's raw bytes are known
 * (the csv output and --fix copy them unchanged) and memory holds one
 * record, whatever the size of the file.
 */
#ifndef TL_CLI_INPUT_CSV_H
#define TL_CLI_INPUT_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <csv.h>

#include "cli.h"
#include "input.h"

struct csv_reader {
    struct input *in;
    const char *name;            /* for messages */
    struct csv_parser parser;
    char *line;                  /* getline buffer */
    size_t line_cap;
    size_t lineno;               /* physical lines read */
    bool bom;                    /* the file started with a UTF-8 BOM */
    bool eof;

    /* the record being read */
    char *raw;                   /* its bytes as in the file, line end included */
    size_t raw_len, raw_cap;
    char *cells;                 /* its cells, each NUL-terminated */
    size_t cells_len, cells_cap;
    size_t *cell_off, *cell_len;
    size_t n_cells, cells_n_cap;
    bool complete;
    bool oom;
    size_t record_line;          /* line where it starts */
    size_t records;              /* records read, header included */
};

void csv_reader_init(struct csv_reader *r, struct input *in, const char *name, char delim);
void csv_reader_finish(struct csv_reader *r);

/*
 * Reads the next record.  Returns 1 with a record, 0 at the end, -1 on an
 * error, with its message ("FILE:LINE: ...") in @err: an unterminated
 * quoted field at the end of the file, a read error, out of memory.
 */
int csv_reader_next(struct csv_reader *r, char *err, size_t errlen);

static inline const char *
csv_cell(const struct csv_reader *r, size_t i)
{
    return i < r->n_cells ? r->cells + r->cell_off[i] : "";
}

static inline size_t
csv_cell_len(const struct csv_reader *r, size_t i)
{
    return i < r->n_cells ? r->cell_len[i] : 0;
}

/* The record's raw bytes without the line end, and the line end. */
size_t csv_record_body(const struct csv_reader *r, const char **ending);

/*
 * Columns of an export, found from its header by their usual names
 * (商品标题, title ...) or named by the user (a name or a 1-based index).
 */
struct csv_columns {
    long title, brand, id;          /* -1: none */
    long category[3];               /* up to three, joined top > leaf */
    size_t n_category;
};

/* Finds the columns in the header record @r (or, for a file without a
 * header, takes the user's indexes).  @title_arg etc. are the options
 * (NULL when not given).  Returns false, with the reason in @err, when
 * there is no title column. */
bool csv_find_columns(const struct csv_reader *r, bool header, const char *title_arg,
                      const char *category_arg, const char *brand_arg, const char *id_arg,
                      struct csv_columns *cols, char *err, size_t errlen);

/* The category path of the record: its category cells joined top > leaf
 * ("服饰内衣>女装>连衣裙"), or NULL when they are empty (and when out of
 * memory: then *@oom).  Caller frees. */
char *csv_row_category(const struct csv_reader *r, const struct csv_columns *cols, bool *oom);

/* Whether the record cannot be checked, and why, in @why: it does not fit
 * the header of @n_header cells (0: no header), or its title is empty. */
bool csv_row_problem(const struct csv_reader *r, const struct csv_columns *cols, size_t n_header,
                     bool en, char *why, size_t size);

#endif
