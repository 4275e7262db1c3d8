#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <strings.h>

#include "input-csv.h"

static bool
grow(void *array, size_t *cap, size_t need, size_t size)
{
    void **p = array;
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return false;
    *p = q;
    *cap = n;
    return true;
}

void
csv_reader_init(struct csv_reader *r, struct input *in, const char *name, char delim)
{
    memset(r, 0, sizeof(*r));
    r->in = in;
    r->name = name;
    /* Lenient with stray quotes inside a field: a merchant's typo is a
     * bad row, not the end of the file (an unterminated quote at the end
     * is found in csv_reader_next). */
    csv_init(&r->parser, CSV_APPEND_NULL);
    csv_set_delim(&r->parser, (unsigned char) delim);
}

void
csv_reader_finish(struct csv_reader *r)
{
    csv_free(&r->parser);
    free(r->line);
    free(r->raw);
    free(r->cells);
    free(r->cell_off);
    free(r->cell_len);
}

static void
on_field(void *s, size_t len, void *data)
{
    struct csv_reader *r = data;

    /* cell_len follows cell_off's capacity; reallocated only when that
     * grows (once a cell, it made a row of 10^6 cells quadratic) */
    size_t old_cap = r->cells_n_cap;
    if (!grow(&r->cell_off, &r->cells_n_cap, r->n_cells + 1, sizeof(size_t))) {
        r->oom = true;
        return;
    }
    if (r->cells_n_cap != old_cap || !r->cell_len) {
        size_t *l = realloc(r->cell_len, r->cells_n_cap * sizeof(size_t));
        if (!l) {
            r->cells_n_cap = old_cap;   /* both arrays hold old_cap */
            r->oom = true;
            return;
        }
        r->cell_len = l;
    }
    if (!grow(&r->cells, &r->cells_cap, r->cells_len + len + 1, 1)) {
        r->oom = true;
        return;
    }
    r->cell_off[r->n_cells] = r->cells_len;
    r->cell_len[r->n_cells] = len;
    if (len)
        memcpy(r->cells + r->cells_len, s, len);
    r->cells_len += len;
    r->cells[r->cells_len++] = '\0';
    r->n_cells++;
}

static void
on_row(int c, void *data)
{
    (void) c;
    ((struct csv_reader *) data)->complete = true;
}

static bool
blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

int
csv_reader_next(struct csv_reader *r, char *err, size_t errlen)
{
    r->raw_len = r->cells_len = r->n_cells = 0;
    r->complete = false;

    while (!r->complete) {
        if (r->eof)
            return 0;
        ssize_t n = input_getline(r->in, &r->line, &r->line_cap);
        if (n < 0) {
            if (r->in->error) {
                snprintf(err, errlen, "%s:%zu: read error: %s", r->name, r->lineno + 1,
                         strerror(errno));
                return -1;
            }
            r->eof = true;
            /* A newline inside a record that did not end it can only be
             * inside a quoted field; without a last newline, an odd number
             * of quotes says the same.  (libcsv reports this only in its
             * strict mode, which would also stop at every stray quote.) */
            size_t quotes = 0;
            for (size_t i = 0; i < r->raw_len; i++)
                quotes += r->raw[i] == '"';
            bool open = r->raw_len && (r->raw[r->raw_len - 1] == '\n' || quotes % 2);
            if (open || csv_fini(&r->parser, on_field, on_row, r) != 0) {
                snprintf(err, errlen, "%s:%zu: a quoted field that opens in the record "
                         "at line %zu is never closed (missing \")", r->name, r->lineno,
                         r->record_line);
                return -1;
            }
            if (!r->complete)
                return 0;
            break;
        }
        r->lineno++;
        char *p = r->line;
        if (r->lineno == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            r->bom = true;
            p += 3;
            n -= 3;
        }
        /* Blank lines between records are no records (libcsv skips them
         * too); inside a quoted field they are part of it. */
        if (r->raw_len == 0 && blank(p, (size_t) n))
            continue;
        if (r->raw_len == 0)
            r->record_line = r->lineno;
        if (!grow(&r->raw, &r->raw_cap, r->raw_len + (size_t) n + 1, 1)) {
            snprintf(err, errlen, "%s:%zu: out of memory", r->name, r->lineno);
            return -1;
        }
        memcpy(r->raw + r->raw_len, p, (size_t) n);
        r->raw_len += (size_t) n;
        /* libcsv grows its field buffer by blk_size bytes at a time
         * (128 by default): growing by what it holds instead keeps a
         * field of many megabytes linear */
        size_t blk = r->parser.entry_size > (size_t) n ? r->parser.entry_size : (size_t) n;
        csv_set_blk_size(&r->parser, blk > 128 ? blk : 128);
        if (csv_parse(&r->parser, p, (size_t) n, on_field, on_row, r) != (size_t) n) {
            snprintf(err, errlen, "%s:%zu: %s", r->name, r->lineno,
                     csv_strerror(csv_error(&r->parser)));
            return -1;
        }
        if (r->oom) {
            snprintf(err, errlen, "%s:%zu: out of memory", r->name, r->lineno);
            return -1;
        }
    }
    r->records++;
    return 1;
}

size_t
csv_record_body(const struct csv_reader *r, const char **ending)
{
    size_t n = r->raw_len;
    *ending = "";
    if (n && r->raw[n - 1] == '\n') {
        n--;
        *ending = "\n";
        if (n && r->raw[n - 1] == '\r') {
            n--;
            *ending = "\r\n";
        }
    }
    return n;
}

/* ---- columns ----------------------------------------------------------- */

static const char *const title_names[] = {
    "商品标题", "商品名称", "标题", "商品名", "title", "product_title", "product title",
    "name", NULL
};
static const char *const category_names[] = {
    /* top to leaf: joined as a path in this order */
    "一级类目", "二级类目", "末级类目", "三级类目", "商品类目", "类目", "category", NULL
};
static const char *const brand_names[] = { "品牌", "品牌名称", "brand", NULL };
static const char *const id_names[] = {
    "商品id", "商品编号", "spu id", "spuid", "spu_id", "sku id", "skuid", "sku_id", "id",
    "product_id", NULL
};

/* The cell trimmed of spaces, compared without ASCII case. */
static bool
header_is(const struct csv_reader *r, size_t i, const char *name)
{
    const char *s = csv_cell(r, i);
    size_t n = csv_cell_len(r, i);
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return strlen(name) == n && strncasecmp(s, name, n) == 0;
}

static long
find_named(const struct csv_reader *r, const char *const *names)
{
    for (size_t k = 0; names[k]; k++)
        for (size_t i = 0; i < r->n_cells; i++)
            if (header_is(r, i, names[k]))
                return (long) i;
    return -1;
}

/* A column given by the user: a 1-based index or a header name. */
static long
user_column(const struct csv_reader *r, bool header, const char *arg, char *err, size_t errlen)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*arg && *end == '\0') {
        if (v < 1) {
            snprintf(err, errlen, "column %s: indexes start at 1", arg);
            return -2;
        }
        return v - 1;
    }
    for (size_t i = 0; header && i < r->n_cells; i++)
        if (header_is(r, i, arg))
            return (long) i;
    snprintf(err, errlen, "%s: no column named '%s'", r->name, arg);
    return -2;
}

bool
csv_find_columns(const struct csv_reader *r, bool header, const char *title_arg,
                 const char *category_arg, const char *brand_arg, const char *id_arg,
                 struct csv_columns *cols, char *err, size_t errlen)
{
    *cols = (struct csv_columns){ .title = -1, .brand = -1, .id = -1 };
    err[0] = '\0';

    if (title_arg) {
        if ((cols->title = user_column(r, header, title_arg, err, errlen)) < -1)
            return false;
    } else if (header) {
        cols->title = find_named(r, title_names);
    } else {
        cols->title = 0;   /* no header: the first column, unless told */
    }
    if (brand_arg) {
        if ((cols->brand = user_column(r, header, brand_arg, err, errlen)) < -1)
            return false;
    } else if (header) {
        cols->brand = find_named(r, brand_names);
    }
    if (id_arg) {
        if ((cols->id = user_column(r, header, id_arg, err, errlen)) < -1)
            return false;
    } else if (header) {
        cols->id = find_named(r, id_names);
    }
    if (category_arg) {
        long c = user_column(r, header, category_arg, err, errlen);
        if (c < -1)
            return false;
        cols->category[cols->n_category++] = c;
    } else if (header) {
        for (size_t k = 0; category_names[k] && cols->n_category < 3; k++) {
            long c = find_named(r, (const char *const[]){ category_names[k], NULL });
            if (c >= 0)
                cols->category[cols->n_category++] = c;
        }
    }
    if (cols->title < 0) {
        size_t len = (size_t) snprintf(err, errlen, "%s: no title column (商品标题, 商品名称, "
                                       "标题, title, product_title) in the header:", r->name);
        for (size_t i = 0; i < r->n_cells && len < errlen; i++)
            len += (size_t) snprintf(err + len, errlen - len, "%s %s", i ? "," : "",
                                     csv_cell(r, i));
        if (len < errlen)
            snprintf(err + len, errlen - len, "; name it with --column");
        return false;
    }
    return true;
}

char *
csv_row_category(const struct csv_reader *r, const struct csv_columns *cols, bool *oom)
{
    struct buf path = { 0 };

    *oom = false;
    for (size_t k = 0; k < cols->n_category; k++) {
        size_t n = csv_cell_len(r, (size_t) cols->category[k]);
        if (n && !(buf_append(&path, ">", path.len ? 1 : 0) &&
                   buf_append(&path, csv_cell(r, (size_t) cols->category[k]), n))) {
            free(path.data);
            *oom = true;
            return NULL;
        }
    }
    return path.data;
}

bool
csv_row_problem(const struct csv_reader *r, const struct csv_columns *cols, size_t n_header,
                bool en, char *why, size_t size)
{
    if (n_header && r->n_cells != n_header)
        snprintf(why, size, en ? "the row has %zu cells, the header %zu"
                               : "这一行有 %zu 个单元格，表头有 %zu 个", r->n_cells, n_header);
    else if (csv_cell_len(r, (size_t) cols->title) == 0)
        snprintf(why, size, "%s", en ? "empty title" : "标题为空");
    else
        return false;
    return true;
}
