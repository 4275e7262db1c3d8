/* Small helpers shared by the library's stages: a growable byte buffer and
 * array growth.  Nothing here knows about titles. */
#ifndef TL_UTIL_H
#define TL_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define TL_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define TL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TL_PRINTF(f, a)
#endif

struct strbuf {
    char *data;     /* always NUL-terminated once anything was appended */
    size_t len;
    size_t cap;
};

bool strbuf_reserve(struct strbuf *sb, size_t extra);
bool strbuf_append(struct strbuf *sb, const char *s, size_t n);
bool strbuf_append_str(struct strbuf *sb, const char *s);
bool strbuf_printf(struct strbuf *sb, const char *fmt, ...) TL_PRINTF(2, 3);
bool strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap) TL_PRINTF(2, 0);
void strbuf_reset(struct strbuf *sb);
void strbuf_finish(struct strbuf *sb);

/*
 * Makes room for @need elements of @size bytes in *@array (capacity in
 * *@cap), growing geometrically.  Returns false when out of memory, leaving
 * the array as it was.
 */
bool grow_array(void *array, size_t *cap, size_t need, size_t size);

/* A tl_lexicon_load() log function for tools and tests: the message on
 * stderr, a line, after @ud ("gen-variants: ") when it is not NULL. */
void tl_log_to_stderr(void *ud, int level, const char *fmt, ...) TL_PRINTF(3, 4);

/*
 * qsort(3) and bsearch(3) that take an empty array as NULL: the C library
 * declares their array never NULL, even with no elements, and an array
 * that never grew is NULL (found by UBSan, fuzzing the lexicon loader).
 */
static inline void
tl_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

static inline void *
tl_bsearch(const void *key, const void *base, size_t n, size_t size,
           int (*cmp)(const void *, const void *))
{
    return n ? bsearch(key, base, n, size, cmp) : NULL;
}

/* The number of code points in @len bytes of valid UTF-8 at @s. */
size_t utf8_count(const char *s, size_t len);

#endif
