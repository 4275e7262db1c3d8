/* The real lexicons, compiled once for a harness: the source tree's and
 * the generated variants (FUZZ_LEXICON_DIRS, set by meson), or the
 * directories of TITLELINT_FUZZ_LEXICONS, separated by ':'.  Aborts when
 * they do not load. */
#ifndef TL_FUZZ_LEXICONS_H
#define TL_FUZZ_LEXICONS_H

#include <titlelint/titlelint.h>

struct titlelint_context *fuzz_real_lexicons(const char *harness);

#endif
