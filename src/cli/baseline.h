/*
 * Baselines: the accepted findings of a catalog, keyed by product id (a
 * title's own text when it has none) and rule code, so that they survive
 * rows moving between exports.  With --baseline only new findings count
 * toward the exit status, and entries no longer found are listed as stale.
 */
#ifndef TL_CLI_BASELINE_H
#define TL_CLI_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

struct string_set {
    char **keys;                  /* open addressing; NULL = empty slot */
    bool *seen;
    size_t n, cap;
};

/* "id\x1fTL501": the key of a finding. */
char *baseline_key(const char *id, const char *code);

bool set_add(struct string_set *s, const char *key);   /* copies @key */
/* The slot of @key, or -1; safe from many threads while nobody adds. */
long set_find(const struct string_set *s, const char *key);
void set_free(struct string_set *s);

/* Reads a baseline file; false with a message (file:line for JSON errors). */
bool baseline_load(struct string_set *s, const char *path, char *err, size_t errlen);
/* Writes the set as a baseline file, sorted, atomically. */
bool baseline_write(const struct string_set *s, const char *path, char *err, size_t errlen);

#endif
