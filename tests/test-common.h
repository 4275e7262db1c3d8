/* Helpers shared by the unit tests. */
#ifndef TL_TEST_COMMON_H
#define TL_TEST_COMMON_H

#include <check.h>
#include <stddef.h>

#include <titlelint/titlelint.h>

/* Path of a file under tests/ of the source tree (from $top_srcdir);
 * returns a static buffer. */
const char *test_path(const char *rel);

/* A compiled context over tests/data/lexicons only (aborts on failure). */
struct titlelint_context *test_context(void);

/* A fresh temporary directory (mkdtemp), holding @n files: names[i] with
 * contents[i].  Returns a static buffer; remove it with test_rmdir(). */
const char *test_mkdir(size_t n, const char *const *names, const char *const *contents);
void test_rmdir(const char *dir);

/* Log messages captured by test_capture_log, joined by newlines. */
extern char test_log[8192];
void test_capture_log(void *ud, enum titlelint_log_level level, const char *message);

/* Runs a suite; returns the process exit status. */
int test_run(Suite *s);

#endif
