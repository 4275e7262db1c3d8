#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

TITLELINT_EXPORT const char *
titlelint_status_to_str(enum titlelint_status status)
{
    switch (status) {
    case TITLELINT_OK: return "success";
    case TITLELINT_ERROR_NOMEM: return "out of memory";
    case TITLELINT_ERROR_INVALID_ARG: return "invalid argument";
    case TITLELINT_ERROR_IO: return "cannot read a lexicon file or directory";
    case TITLELINT_ERROR_LEXICON: return "malformed lexicon";
    case TITLELINT_ERROR_PATTERN: return "invalid lexicon pattern";
    case TITLELINT_ERROR_ICU: return "ICU error (missing ICU data?)";
    case TITLELINT_ERROR_STATE: return "call not allowed in this state";
    }
    return "unknown status";
}

TITLELINT_EXPORT const char *
titlelint_severity_to_str(enum titlelint_severity severity)
{
    switch (severity) {
    case TITLELINT_SEVERITY_OFF: return "off";
    case TITLELINT_SEVERITY_INFO: return "info";
    case TITLELINT_SEVERITY_WARNING: return "warning";
    case TITLELINT_SEVERITY_ERROR: return "error";
    }
    return NULL;
}

TITLELINT_EXPORT const char *
titlelint_version(void)
{
    return TITLELINT_VERSION;
}

static void
default_log(void *ud, enum titlelint_log_level level, const char *message)
{
    (void) ud;
    fprintf(stderr, "titlelint: %s%s\n",
            level == TITLELINT_LOG_ERROR ? "error: " :
            level == TITLELINT_LOG_WARNING ? "warning: " : "", message);
}

TITLELINT_EXPORT struct titlelint_context *
titlelint_context_new(enum titlelint_context_flags flags)
{
    struct titlelint_context *ctx = calloc(1, sizeof(*ctx));

    if (!ctx)
        return NULL;
    atomic_init(&ctx->refcount, 1);
    ctx->flags = flags;
    ctx->log_fn = default_log;
    ctx->log_level = TITLELINT_LOG_WARNING;
    /* The environment may move the default directory (as XKB_CONFIG_ROOT
     * does for xkbcommon), e.g. for a relocated or staged install. */
    const char *dir = getenv("TITLELINT_LEXICON_DIR");
    if (!dir || !*dir)
        dir = TITLELINT_LEXICON_DIR;
    if (!(flags & TITLELINT_CONTEXT_NO_DEFAULT_LEXICONS) &&
        titlelint_context_append_lexicon_dir(ctx, dir) != TITLELINT_OK) {
        free(ctx);
        return NULL;
    }
    return ctx;
}

TITLELINT_EXPORT struct titlelint_context *
titlelint_context_ref(struct titlelint_context *ctx)
{
    /* Compiled contexts are shared across threads: atomic count. */
    if (ctx)
        atomic_fetch_add_explicit(&ctx->refcount, 1, memory_order_relaxed);
    return ctx;
}

TITLELINT_EXPORT void
titlelint_context_unref(struct titlelint_context *ctx)
{
    if (!ctx || atomic_fetch_sub_explicit(&ctx->refcount, 1, memory_order_acq_rel) > 1)
        return;
    for (size_t i = 0; i < ctx->n_dirs; i++)
        free(ctx->dirs[i]);
    free(ctx->dirs);
    tl_lexicon_free(ctx->lex);
    free(ctx);
}

TITLELINT_EXPORT void
titlelint_context_set_log_fn(struct titlelint_context *ctx, titlelint_log_fn fn,
                             void *userdata)
{
    ctx->log_fn = fn;
    ctx->log_ud = userdata;
}

TITLELINT_EXPORT void
titlelint_context_set_log_level(struct titlelint_context *ctx,
                                enum titlelint_log_level level)
{
    ctx->log_level = level;
}

TITLELINT_EXPORT enum titlelint_status
titlelint_context_append_lexicon_dir(struct titlelint_context *ctx,
                                     const char *path)
{
    if (!ctx || !path)
        return TITLELINT_ERROR_INVALID_ARG;
    if (ctx->lex)
        return TITLELINT_ERROR_STATE;
    char **dirs = realloc(ctx->dirs, (ctx->n_dirs + 1) * sizeof(char *));
    if (!dirs)
        return TITLELINT_ERROR_NOMEM;
    ctx->dirs = dirs;
    if (!(dirs[ctx->n_dirs] = strdup(path)))
        return TITLELINT_ERROR_NOMEM;
    ctx->n_dirs++;
    return TITLELINT_OK;
}

static void TL_PRINTF(3, 4)
lexicon_log(void *ud, int level, const char *fmt, ...)
{
    struct titlelint_context *ctx = ud;
    char msg[1024];
    va_list ap;

    if (!ctx->log_fn || level > (int) ctx->log_level)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    ctx->log_fn(ctx->log_ud, (enum titlelint_log_level) level, msg);
}

TITLELINT_EXPORT enum titlelint_status
titlelint_context_compile(struct titlelint_context *ctx)
{
    if (!ctx)
        return TITLELINT_ERROR_INVALID_ARG;
    if (ctx->lex)
        return TITLELINT_ERROR_STATE;
    int status = TITLELINT_OK;
    ctx->lex = tl_lexicon_load((const char *const *) ctx->dirs, ctx->n_dirs,
                               lexicon_log, ctx, &status);
    return (enum titlelint_status) status;
}

TITLELINT_EXPORT size_t
titlelint_context_get_entry_count(const struct titlelint_context *ctx)
{
    return ctx && ctx->lex ? ctx->lex->n_entries : 0;
}
