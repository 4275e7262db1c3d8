/*
 * Stage 3b: matching.  An Aho-Corasick automaton over the bytes of UTF-8
 * text finds every occurrence of every lexicon term in one pass (a valid
 * UTF-8 term can only match at character boundaries of valid UTF-8 text),
 * and a set of PCRE2 patterns, JIT-compiled, finds specs, model numbers,
 * phone numbers and the like.  Both are built once and read-only after.
 */
#ifndef TL_MATCH_H
#define TL_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tl_ac;

/* Builds the automaton over @n distinct non-empty patterns; NULL on ENOMEM. */
struct tl_ac *tl_ac_build(const char *const *patterns, const uint32_t *lens,
                          size_t n);
void tl_ac_free(struct tl_ac *ac);
size_t tl_ac_node_count(const struct tl_ac *ac);

/* Called for each occurrence [start, end) of pattern @pattern, in order of
 * end offset.  Return false to stop the scan. */
typedef bool (*tl_match_fn)(void *ud, uint32_t id, size_t start, size_t end);

void tl_ac_scan(const struct tl_ac *ac, const char *text, size_t len,
                tl_match_fn fn, void *ud);

/* The same, without the occurrences that end inside an ASCII word or
 * number (a letter or digit followed by one of its kind), which a term
 * may not: the same hits for a caller that drops those, without walking
 * every suffix of "aaaa...a" at every letter when a lexicon holds a, aa,
 * aaa ... (10,000 of them made one title take seconds). */
void tl_ac_scan_words(const struct tl_ac *ac, const char *text, size_t len,
                      tl_match_fn fn, void *ud);

struct tl_regex_set;
struct tl_regex_scratch;

struct tl_regex_set *tl_regex_set_new(void);
void tl_regex_set_free(struct tl_regex_set *set);
size_t tl_regex_set_count(const struct tl_regex_set *set);

/* Compiles @pattern (UTF, UCP, caseless) for entry @id.  On a syntax error
 * returns false and writes the message and offset to @err. */
bool tl_regex_set_add(struct tl_regex_set *set, const char *pattern,
                      uint32_t id, char *err, size_t errlen);

/* Builds the start-character table of the set once every pattern is in:
 * patterns then run only where a match can start (see match.c).  Before,
 * scans are right but slow; after, no pattern may be added.  false on
 * ENOMEM (the set stays usable, unfinished). */
bool tl_regex_set_finish(struct tl_regex_set *set);

/* Per-thread match data, for a finished set (or one never finished);
 * NULL on ENOMEM. */
struct tl_regex_scratch *tl_regex_scratch_new(const struct tl_regex_set *set);
void tl_regex_scratch_free(struct tl_regex_scratch *scratch);

/* Why a pattern gave up on a text. */
enum tl_regex_gave_up {
    TL_REGEX_GAVE_UP_MATCH_LIMIT,   /* TL_REGEX_MATCH_LIMIT steps */
    TL_REGEX_GAVE_UP_DEPTH_LIMIT,   /* TL_REGEX_DEPTH_LIMIT nesting */
    TL_REGEX_GAVE_UP_OTHER,         /* another matching error (memory) */
};

/* Called for a pattern @id that gave up on the text, and @why. */
typedef void (*tl_limit_fn)(void *ud, uint32_t id, enum tl_regex_gave_up why);

/* Bounds that stop a catastrophic pattern from a user lexicon: a match
 * attempt gives up after this many backtracking steps or this depth of
 * nested backtracking (the depth limit binds the interpreter only). */
#define TL_REGEX_MATCH_LIMIT 200000
#define TL_REGEX_DEPTH_LIMIT 5000

/* Reports every non-overlapping match of every pattern, and through
 * @limit (may be NULL) each pattern that gave up (its later matches in
 * the text are lost).  Returns the number of patterns that gave up. */
size_t tl_regex_scan(const struct tl_regex_set *set,
                     struct tl_regex_scratch *scratch, const char *text,
                     size_t len, tl_match_fn fn, tl_limit_fn limit, void *ud);

#endif
