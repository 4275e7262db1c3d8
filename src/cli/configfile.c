#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ini.h>
#include <titlelint/titlelint.h>

#include "configfile.h"

#define CONFIG_NAME ".titlelint.ini"

void
config_init(struct config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->min_valid_chars = -1;
    cfg->max_chars = -1;
}

static void
list_free(struct string_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

void
config_finish(struct config *cfg)
{
    free(cfg->path);
    free(cfg->lang);
    free(cfg->fail_level);
    free(cfg->select);
    free(cfg->ignore);
    list_free(&cfg->lexicon_dirs);
    list_free(&cfg->own);
    list_free(&cfg->authorized);
    list_free(&cfg->allowed);
    for (size_t i = 0; i < cfg->n_severities; i++) {
        free(cfg->severities[i].rule);
        free(cfg->severities[i].severity);
    }
    free(cfg->severities);
    config_init(cfg);
}

char *
config_find(const char *dir)
{
    char path[PATH_MAX + 32], cur[PATH_MAX];

    if (!realpath(dir, cur))
        return NULL;
    for (;;) {
        snprintf(path, sizeof(path), "%s/%s", strcmp(cur, "/") ? cur : "", CONFIG_NAME);
        if (access(path, R_OK) == 0)
            return strdup(path);
        if (strcmp(cur, "/") == 0)
            return NULL;
        char *slash = strrchr(cur, '/');
        if (slash == cur)
            cur[1] = '\0';
        else
            *slash = '\0';
    }
}

struct parse_state {
    struct config *cfg;
    char dir[PATH_MAX];      /* the config file's directory */
    char error[256];         /* the first error; its line comes from inih */
};

static bool
push(struct string_list *l, const char *s, size_t n)
{
    char **items = realloc(l->items, (l->n + 1) * sizeof(char *));
    if (!items)
        return false;
    l->items = items;
    if (!(items[l->n] = strndup(s, n)))
        return false;
    l->n++;
    return true;
}

/* Adds each comma-separated item of @value, trimmed, to @l; relative
 * paths are made relative to @base when it is given. */
static bool
push_list(struct string_list *l, const char *value, const char *base)
{
    for (const char *p = value; *p;) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t) (end - p) : strlen(p);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        if (n) {
            char buf[PATH_MAX];
            if (base && p[0] != '/') {
                snprintf(buf, sizeof(buf), "%s/%.*s", base, (int) n, p);
                if (!push(l, buf, strlen(buf)))
                    return false;
            } else if (!push(l, p, n)) {
                return false;
            }
        }
        if (!end)
            break;
        p = end + 1;
    }
    return true;
}

/* Every item of a comma-separated rule list names a rule; the first that
 * does not is copied to @bad. */
static bool
rules_known(const char *list, char *bad, size_t size)
{
    char copy[1024], *save = NULL;

    snprintf(copy, sizeof(copy), "%s", list);
    for (char *r = strtok_r(copy, ", \t", &save); r; r = strtok_r(NULL, ", \t", &save)) {
        if (!titlelint_rule_find(r)) {
            snprintf(bad, size, "%s", r);
            return false;
        }
    }
    return true;
}

static bool
set_string(char **field, const char *value)
{
    free(*field);
    *field = strdup(value);
    return *field != NULL;
}

static bool
set_number(long *field, const char *value)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (*value == '\0' || *end != '\0' || v < 0 || v > 100000)
        return false;
    *field = v;
    return true;
}

/* Keeps the first error's message (inih gives its line) and stops the
 * handler's success: evaluates to 0. */
#define FAIL(st, ...) \
    ((st)->error[0] ? 0 : (snprintf((st)->error, sizeof((st)->error), __VA_ARGS__), 0))

static int
handler(void *user, const char *section, const char *name, const char *value)
{
    struct parse_state *st = user;
    struct config *cfg = st->cfg;

    if (strcmp(section, "titlelint") == 0) {
        bool ok;
        if (strcmp(name, "lang") == 0)
            ok = (strcmp(value, "zh") == 0 || strcmp(value, "en") == 0) &&
                 set_string(&cfg->lang, value);
        else if (strcmp(name, "fail-level") == 0)
            ok = (strcmp(value, "error") == 0 || strcmp(value, "warning") == 0 ||
                  strcmp(value, "info") == 0) && set_string(&cfg->fail_level, value);
        else if (strcmp(name, "select") == 0 || strcmp(name, "ignore") == 0) {
            char bad[64];
            if (!rules_known(value, bad, sizeof(bad)))
                return FAIL(st, "unknown rule '%s' in '%s'", bad, name);
            ok = set_string(strcmp(name, "select") == 0 ? &cfg->select : &cfg->ignore, value);
        }
        else if (strcmp(name, "lexicon-dirs") == 0)
            ok = push_list(&cfg->lexicon_dirs, value, st->dir);
        else if (strcmp(name, "min-valid-chars") == 0)
            ok = set_number(&cfg->min_valid_chars, value);
        else if (strcmp(name, "max-chars") == 0)
            ok = set_number(&cfg->max_chars, value);
        else
            return FAIL(st, "unknown key '%s' in [%s]", name, section);
        return ok ? 1 : FAIL(st, "invalid value for '%s' in [%s]", name, section);
    }
    if (strcmp(section, "brands") == 0) {
        if (strcmp(name, "own") != 0)
            return FAIL(st, "unknown key '%s' in [%s] (expected own)", name, section);
        return push_list(&cfg->own, value, NULL) ? 1 : FAIL(st, "out of memory at '%s' in [%s]", name, section);
    }
    if (strcmp(section, "authorized") == 0) {
        /* name = proof: the proof is for people, the name for us. */
        if (!value[0])
            return FAIL(st, "'%s' in [%s] needs its proof (name = licence or contract)", name, section);
        return push(&cfg->authorized, name, strlen(name)) ? 1 : FAIL(st, "out of memory at '%s' in [%s]", name, section);
    }
    if (strcmp(section, "allowed") == 0) {
        if (strcmp(name, "words") != 0)
            return FAIL(st, "unknown key '%s' in [%s] (expected words)", name, section);
        return push_list(&cfg->allowed, value, NULL) ? 1 : FAIL(st, "out of memory at '%s' in [%s]", name, section);
    }
    if (strcmp(section, "severity") == 0) {
        if (!titlelint_rule_find(name))
            return FAIL(st, "unknown rule '%s' in [%s]", name, section);
        if (strcmp(value, "error") && strcmp(value, "warning") && strcmp(value, "info") &&
            strcmp(value, "off"))
            return FAIL(st, "invalid severity for '%s' in [%s] (error, warning, info or off)", name, section);
        struct rule_setting *s = realloc(cfg->severities,
                                         (cfg->n_severities + 1) * sizeof(*s));
        if (!s)
            return FAIL(st, "out of memory at '%s' in [%s]", name, section);
        cfg->severities = s;
        s[cfg->n_severities].rule = strdup(name);
        s[cfg->n_severities].severity = strdup(value);
        cfg->n_severities++;
        return 1;
    }
    return FAIL(st, "unknown section [%s] (expected titlelint, brands, authorized, allowed or severity)",
                section);
}

bool
config_load(struct config *cfg, const char *path, char *err, size_t errlen)
{
    struct parse_state st = { .cfg = cfg };
    char copy[PATH_MAX];

    snprintf(copy, sizeof(copy), "%s", path);
    snprintf(st.dir, sizeof(st.dir), "%s", dirname(copy));
    FILE *f = fopen(path, "re");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open the configuration file: %s", path,
                 strerror(errno));
        return false;
    }
    int line = ini_parse_file(f, handler, &st);
    fclose(f);
    if (line != 0) {
        snprintf(err, errlen, "%s:%d: %s", path, line > 0 ? line : 0,
                 st.error[0] ? st.error : "malformed line (expected [section] or key = value)");
        return false;
    }
    cfg->path = strdup(path);
    return true;
}
