/*
 * titlelint lsp: a language server on stdin/stdout (JSON-RPC 2.0 with
 * Content-Length framing, LSP 3.17).  It lints open title files (.txt,
 * .titles: a title a line) and product exports (.csv, .tsv: the title cell
 * of each row, with the row's category and brand), publishes diagnostics,
 * and offers code actions: replace a title by its suggestion, fix every
 * title of the file, and add a name or word to .titlelint.ini.
 */
#ifndef TL_CLI_LSP_H
#define TL_CLI_LSP_H

#include <stdbool.h>
#include <stdio.h>

#include <titlelint/titlelint.h>

#include "cli.h"

/* The largest message body read; a larger one is skipped and answered
 * with an error (titlelint(1), LANGUAGE SERVER). */
#define LSP_MAX_MESSAGE (64u << 20)

/*
 * Serves one client reading @in and writing @out until the exit
 * notification or the end of @in.  @base are the lexicons of the command
 * line; a document whose .titlelint.ini names lexicon directories gets
 * its own.  The language of messages is @opt's when @lang_given, else the
 * document's configuration's.  Logs go to stderr.  Returns the exit status: 0 after shutdown
 * and exit, 1 when the input ended or exit came without shutdown.
 */
int lsp_serve(const struct options *opt, bool lang_given, struct titlelint_context *base,
              FILE *in, FILE *out);

#endif
