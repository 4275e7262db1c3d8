/*
 * libFuzzer harness: the language server (src/cli/lsp.c) over a session.
 * The input's first byte picks the layout: bit 0 set, the rest goes to
 * the server as it is (the Content-Length framing itself); clear, the
 * rest is split at 0x1E bytes into message bodies, each sent with a
 * correct header (the JSON-RPC and LSP handling).  Bit 1 sends an
 * initialize request first, so that the document methods are reached.
 *
 * Whatever comes in, what goes out must be well-framed JSON: every
 * message a Content-Length header and that many bytes of valid JSON.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <titlelint/titlelint.h>

#include "cli.h"
#include "fuzz-lexicons.h"
#include "lsp.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct titlelint_context *ctx;
static struct options opt;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
    ctx = fuzz_real_lexicons("fuzz-lsp");
    opt.lang = TITLELINT_LANG_ZH;
    opt.no_config = true;       /* no file of the machine is read or edited */
    return 0;
}

static void
frame(FILE *f, const char *body, size_t len)
{
    fprintf(f, "Content-Length: %zu\r\n\r\n", len);
    fwrite(body, 1, len, f);
}

/* Every message of @out is a header and as many bytes of valid JSON. */
static void
check_output(const char *out, size_t len)
{
    const char *p = out, *end = out + len;
    while (p < end) {
        size_t n;
        int used = 0;
        if (sscanf(p, "Content-Length: %zu\r\n\r\n%n", &n, &used) != 1 || used == 0 ||
            n > (size_t) (end - p - used))
            abort();
        p += used;
        json_error_t err;
        json_t *msg = json_loadb(p, n, 0, &err);
        if (!msg || !json_is_object(msg))
            abort();
        json_decref(msg);
        p += n;
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    char *in_buf = NULL, *out_buf = NULL;
    size_t in_len = 0, out_len = 0;
    FILE *in = open_memstream(&in_buf, &in_len);
    if (!in)
        abort();
    if (data[0] & 2) {
        static const char init[] =
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"capabilities\":"
            "{\"general\":{\"positionEncodings\":[\"utf-32\",\"utf-8\"]}}}}";
        frame(in, init, strlen(init));
    }
    const char *rest = (const char *) data + 1;
    size_t n = size - 1;
    if (data[0] & 1) {
        fwrite(rest, 1, n, in);
    } else {
        while (n) {
            const char *sep = memchr(rest, 0x1E, n);
            size_t part = sep ? (size_t) (sep - rest) : n;
            frame(in, rest, part);
            rest += part + (sep != NULL);
            n -= part + (sep != NULL);
        }
    }
    fclose(in);

    FILE *src = fmemopen(in_buf, in_len ? in_len : 1, "r");
    FILE *out = open_memstream(&out_buf, &out_len);
    if (!src || !out)
        abort();
    if (in_len == 0)
        fgetc(src);     /* an empty session: at its end at once */
    lsp_serve(&opt, true, ctx, src, out);
    fclose(src);
    fclose(out);
    check_output(out_buf, out_len);
    free(in_buf);
    free(out_buf);
    return 0;
}
