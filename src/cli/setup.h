/* Setting up lexicons and checkers from the options and the configuration
 * file, the same way for a linting run and for the language server. */
#ifndef TL_CLI_SETUP_H
#define TL_CLI_SETUP_H

#include <stdbool.h>

#include <titlelint/titlelint.h>

#include "cli.h"
#include "configfile.h"

/* Says "out of memory" and exits with status 2. */
_Noreturn void die_nomem(void);

/* The rule named @name (a name or a code); else says which rules there
 * are and exits with status 2. */
const struct titlelint_rule *find_rule_or_die(const char *name);

/* "error", "warning", "info"; anything else is off. */
enum titlelint_severity severity_from_str(const char *s);

/*
 * The compiled lexicons: the build tree's when run from it, else the
 * installed ones (unless --no-default-lexicons), then the directories of
 * @cfg and of the command line.  NULL, after saying why on stderr, when
 * they cannot be loaded.
 */
struct titlelint_context *setup_context(const struct options *opt, const struct config *cfg);

/* What configure_checker() applies. */
struct setup {
    const struct options *opt;
    const struct config *cfg;
    bool said;              /* lexicon-name warnings were said already */
};

/*
 * Configures @chk from the configuration file, then the command line over
 * it (@arg is a struct setup).  An unknown rule name on the command line
 * ends the program with a usage error.
 */
void configure_checker(struct titlelint_checker *chk, void *arg);

#endif
