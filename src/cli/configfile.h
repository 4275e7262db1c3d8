/*
 * The configuration file, .titlelint.ini (titlelint.ini(5)), read with
 * inih.  A front-end matter: the library only sees its effects (own and
 * authorized brands, allowed words, rule severities, limits).
 */
#ifndef TL_CLI_CONFIGFILE_H
#define TL_CLI_CONFIGFILE_H

#include <stdbool.h>
#include <stddef.h>

struct string_list {
    char **items;
    size_t n;
};

struct rule_setting {
    char *rule;         /* name or code */
    char *severity;     /* error, warning, info or off */
};

struct config {
    char *path;                       /* the file read, or NULL */
    char *lang, *fail_level, *select, *ignore;
    struct string_list lexicon_dirs;  /* made relative to the file's directory */
    struct string_list own, authorized, allowed;
    struct rule_setting *severities;
    size_t n_severities;
    long min_valid_chars, max_chars;  /* -1 when not set */
};

void config_init(struct config *cfg);
void config_finish(struct config *cfg);

/* The nearest .titlelint.ini in @dir or one of its parents, or NULL.
 * Caller frees. */
char *config_find(const char *dir);

/*
 * Reads @path into @cfg.  Returns true, or false with a message naming the
 * file and line ("cfg.ini:7: unknown key 'colour' in [titlelint]") in @err.
 */
bool config_load(struct config *cfg, const char *path, char *err, size_t errlen);

#endif
