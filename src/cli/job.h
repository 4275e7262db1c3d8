/*
 * Titles as jobs: the reader fills a batch, the workers (one checker each,
 * sharing the compiled context) check and format every job of it into the
 * job's own buffer, and the main thread writes the batch out in input
 * order.  The only shared state while working is an atomic job counter.
 */
#ifndef TL_CLI_JOB_H
#define TL_CLI_JOB_H

#include <pthread.h>
#include <stdatomic.h>

#include "baseline.h"
#include "cli.h"
#include "configfile.h"

#define MAX_RULES 32

struct job {
    /* what to check (owned) */
    struct buf title;
    char *brand, *category, *id;  /* NULL when unknown */
    size_t line;                  /* the line, or the row of a table */
    size_t phys_line;             /* the physical line where it starts */
    bool row;                     /* a row of a table (CSV) */
    char *invalid;                /* a front-end reason it cannot be checked */
    char *duplicate;              /* duplicate-title: the other rows, or NULL */
    struct buf raw;               /* a CSV record as read, without its end */
    const char *ending;           /* the line or record end */

    /* what came out */
    struct buf out;               /* the report */
    struct buf fixed;             /* --fix: what to write for this line or row */
    bool changed;                 /* --fix replaced the title */
    struct buf old_title;         /* --diff: the title before */
    enum titlelint_severity max_severity;
    enum titlelint_severity max_new_severity;  /* not in the baseline */
    size_t n_diags;
    uint32_t rule_hits[MAX_RULES];
    struct buf terms;             /* offending terms, NUL-separated */
    bool failed;                  /* the library failed (reported) */
    uint64_t key;                 /* keys_only: the title's duplicate key */
};

struct engine {
    const struct options *opt;
    const char *file;             /* of the jobs in the batch */
    char delim;                   /* of a CSV input */
    struct job *jobs;
    size_t n_jobs, cap_jobs;
    const struct string_set *baseline;  /* read-only while working, or NULL */
    bool keys_only;               /* compute each job's key, nothing else */

    struct titlelint_checker **checkers;
    int n_workers;
    pthread_t *threads;
    pthread_barrier_t start, done;
    atomic_size_t next;
    bool stop;
};

/*
 * Starts @n workers (none when @n <= 1: the main thread works), each with
 * a checker over @ctx set up by @configure.  Returns false on failure.
 */
bool engine_start(struct engine *e, const struct options *opt, struct titlelint_context *ctx,
                  int n, void (*configure)(struct titlelint_checker *, void *), void *arg);
void engine_stop(struct engine *e);

/* A new job at the end of the batch, cleared; NULL when out of memory. */
struct job *engine_add(struct engine *e);

/* Checks and formats every job of the batch; with keys_only, sets each
 * job's key (titlelint_title_key, 0 for an empty title) instead. */
void engine_run(struct engine *e);

/* Empties the batch (keeps the memory). */
void engine_clear(struct engine *e);

#endif
