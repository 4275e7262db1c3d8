/*
 * libFuzzer harness: one title through the public API, as a program
 * linking libtitlelint would: check, suggestion, missing kinds, template,
 * and the report in every format.  The input is TITLE[\x1fBRAND[\x1fCATEGORY]];
 * its first byte's low bit also picks the language.
 *
 * The lexicons are the real ones (the source tree's and the generated
 * variants), loaded once; TITLELINT_FUZZ_LEXICONS (directories separated
 * by ':') overrides them.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <titlelint/titlelint.h>

#include "fuzz-lexicons.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct titlelint_checker *checker;

static int
sink(void *ud, const char *data, size_t len)
{
    /* touch every byte, so that ASan sees a read past the end */
    size_t *sum = ud;
    for (size_t i = 0; i < len; i++)
        *sum += (unsigned char) data[i];
    return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
    struct titlelint_context *ctx = fuzz_real_lexicons("fuzz-title");
    checker = titlelint_checker_new(ctx);
    titlelint_context_unref(ctx);   /* the checker holds its own reference */
    if (!checker)
        abort();
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Copies of exactly the input's size: ASan catches a read past it. */
    const char *title = (const char *) data;
    const uint8_t *sep = memchr(data, 0x1f, size);
    size_t title_len = sep ? (size_t) (sep - data) : size;
    char *brand = NULL, *category = NULL;
    if (sep) {
        const uint8_t *rest = sep + 1, *end = data + size;
        const uint8_t *sep2 = memchr(rest, 0x1f, (size_t) (end - rest));
        brand = strndup((const char *) rest, (size_t) ((sep2 ? sep2 : end) - rest));
        if (sep2)
            category = strndup((const char *) sep2 + 1, (size_t) (end - sep2 - 1));
    }
    char *copy = malloc(title_len ? title_len : 1);
    if (title_len)
        memcpy(copy, title, title_len);

    titlelint_checker_set_lang(checker, size && (data[0] & 1) ? TITLELINT_LANG_EN
                                                              : TITLELINT_LANG_ZH);
    if (titlelint_checker_check(checker, copy, title_len, brand, category) == TITLELINT_OK) {
        size_t sum = 0;
        for (size_t i = 0; i < titlelint_checker_get_diagnostic_count(checker); i++) {
            const struct titlelint_diagnostic *d = titlelint_checker_get_diagnostic(checker, i);
            struct titlelint_position start, end;
            titlelint_diagnostic_get_span(d, &start, &end);
            if (start.bytes > end.bytes || end.bytes > title_len)
                abort();
            sink(&sum, titlelint_diagnostic_get_message(d),
                 strlen(titlelint_diagnostic_get_message(d)));
            sink(&sum, titlelint_diagnostic_get_text(d), strlen(titlelint_diagnostic_get_text(d)));
            sink(&sum, titlelint_diagnostic_get_canonical(d),
                 strlen(titlelint_diagnostic_get_canonical(d)));
        }
        const char *s = titlelint_suggest(checker);
        if (s)
            sink(&sum, s, strlen(s));
        for (size_t i = 0; i < titlelint_suggestion_get_missing_count(checker); i++)
            if ((s = titlelint_suggestion_get_missing(checker, i)))
                sink(&sum, s, strlen(s));
        if ((s = titlelint_suggestion_get_template(checker)))
            sink(&sum, s, strlen(s));
        titlelint_checker_write_report(checker, TITLELINT_FORMAT_TEXT,
                                       TITLELINT_REPORT_SUGGEST, "fuzz.txt", 1, sink, &sum);
        titlelint_checker_write_report(checker, TITLELINT_FORMAT_JSON,
                                       TITLELINT_REPORT_NO_FLAGS, "fuzz.txt", 1, sink, &sum);
        titlelint_checker_write_row_report(checker, TITLELINT_FORMAT_JSONL,
                                           TITLELINT_REPORT_NO_FLAGS, "fuzz.csv", 2, brand,
                                           sink, &sum);
    }
    free(copy);
    free(brand);
    free(category);
    return 0;
}
