#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "baseline.h"

char *
baseline_key(const char *id, const char *code)
{
    size_t a = strlen(id), b = strlen(code);
    char *k = malloc(a + b + 2);
    if (k) {
        memcpy(k, id, a);
        k[a] = '\x1f';
        memcpy(k + a + 1, code, b + 1);
    }
    return k;
}

static uint64_t
hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (uint8_t) *s;
        h *= 1099511628211ULL;
    }
    return h;
}

long
set_find(const struct string_set *s, const char *key)
{
    if (!s->cap)
        return -1;
    for (size_t i = hash(key) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->keys[i])
            return -1;
        if (strcmp(s->keys[i], key) == 0)
            return (long) i;
    }
}

static bool
grow(struct string_set *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    char **keys = calloc(cap, sizeof(char *));
    bool *seen = calloc(cap, sizeof(bool));
    if (!keys || !seen) {
        free(keys);
        free(seen);
        return false;
    }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->keys[i])
            continue;
        size_t j = hash(s->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = s->keys[i];
        seen[j] = s->seen[i];
    }
    free(s->keys);
    free(s->seen);
    s->keys = keys;
    s->seen = seen;
    s->cap = cap;
    return true;
}

bool
set_add(struct string_set *s, const char *key)
{
    if (set_find(s, key) >= 0)
        return true;
    if ((s->n + 1) * 2 > s->cap && !grow(s))
        return false;
    size_t i = hash(key) & (s->cap - 1);
    while (s->keys[i])
        i = (i + 1) & (s->cap - 1);
    if (!(s->keys[i] = strdup(key)))
        return false;
    s->n++;
    return true;
}

void
set_free(struct string_set *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->keys[i]);
    free(s->keys);
    free(s->seen);
    memset(s, 0, sizeof(*s));
}

bool
baseline_load(struct string_set *s, const char *path, char *err, size_t errlen)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) {
        snprintf(err, errlen, "%s:%d: %s", path, je.line, je.text);
        return false;
    }
    json_t *findings = json_object_get(root, "findings");
    bool ok = json_is_array(findings);
    for (size_t i = 0; ok && i < json_array_size(findings); i++) {
        json_t *f = json_array_get(findings, i);
        const char *id = json_string_value(json_object_get(f, "id"));
        const char *rule = json_string_value(json_object_get(f, "rule"));
        if (!id || !rule) {
            snprintf(err, errlen, "%s: finding %zu lacks its \"id\" or \"rule\"", path, i + 1);
            ok = false;
            break;
        }
        char *k = baseline_key(id, rule);
        ok = k && set_add(s, k);
        free(k);
        if (!ok)
            snprintf(err, errlen, "%s: out of memory", path);
    }
    if (!json_is_array(findings))
        snprintf(err, errlen, "%s: not a titlelint baseline (no \"findings\" array)", path);
    json_decref(root);
    return ok;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

bool
baseline_write(const struct string_set *s, const char *path, char *err, size_t errlen)
{
    char **keys = malloc((s->n + 1) * sizeof(char *));
    size_t n = 0;
    if (!keys) {
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    for (size_t i = 0; i < s->cap; i++)
        if (s->keys[i])
            keys[n++] = s->keys[i];
    qsort(keys, n, sizeof(char *), cmp_str);
    json_t *findings = json_array();
    for (size_t i = 0; i < n; i++) {
        char *sep = strchr(keys[i], '\x1f');
        json_array_append_new(findings, json_pack("{s:s%, s:s}", "id", keys[i],
                                                  (size_t) (sep - keys[i]), "rule", sep + 1));
    }
    free(keys);
    json_t *root = json_pack("{s:s, s:i, s:o}", "tool", "titlelint", "version", 1,
                             "findings", findings);
    char tmp[4096];
    snprintf(tmp, sizeof(tmp), "%s.titlelint-XXXXXX", path);
    int fd = mkstemp(tmp);
    bool ok = fd >= 0 && json_dumpfd(root, fd, JSON_INDENT(2)) == 0 && write(fd, "\n", 1) == 1 &&
              fsync(fd) == 0;
    if (fd >= 0)
        ok &= close(fd) == 0;
    ok = ok && rename(tmp, path) == 0;
    if (!ok) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        if (fd >= 0)
            unlink(tmp);
    }
    json_decref(root);
    return ok;
}
