/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes as a letterhead, rendering the disclosure
 * example in HTML and text (issue 13: letterheads were never fuzzed). A
 * letterhead is refused when loaded (LERQ_EINVAL with its findings, or a
 * parse refusal), fails while rendering (LERQ_EINVAL with LERQ-L003), or
 * gives a letter; it never reads or writes a file, crashes, leaks, hangs
 * or grows without bound. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <lerq/lerq.h>

#ifndef LERQ_FUZZ_SOURCE_ROOT
#define LERQ_FUZZ_SOURCE_ROOT "."
#endif

static struct lerq_ctx *ctx;
static char *doc;
static size_t doc_size;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (lerq_ctx_new(0, &ctx) != LERQ_OK)
		abort();
	FILE *f = fopen(LERQ_FUZZ_SOURCE_ROOT "/examples/disclosure-request.xml", "rb");
	if (f == NULL)
		abort();
	doc = malloc(1 << 20);
	if (doc == NULL)
		abort();
	doc_size = fread(doc, 1, 1 << 20, f);
	fclose(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lerq_renderer *renderer = NULL;
	if (lerq_renderer_new(ctx, &renderer) != LERQ_OK)
		abort();
	struct lerq_report *problems = NULL;
	int r = lerq_renderer_set_letterhead_memory(renderer, data, size, &problems);
	if (r == LERQ_EINVAL && problems == NULL)
		abort(); /* a refused letterhead says why */
	if (r != LERQ_OK && r != LERQ_EINVAL && r != LERQ_ENOMEM)
		abort();
	lerq_report_free(problems);
	static const enum lerq_format formats[] = { LERQ_FORMAT_HTML, LERQ_FORMAT_TEXT };
	for (size_t i = 0; r == LERQ_OK && i < sizeof(formats) / sizeof(formats[0]); i++) {
		char *out = NULL;
		size_t out_size = 0;
		struct lerq_report *report = NULL;
		int e = lerq_render_memory(renderer, doc, doc_size, formats[i], 1795694400, &out,
		                           &out_size, &report);
		if (e == LERQ_OK && out == NULL)
			abort();
		if (e == LERQ_EINVAL && report == NULL)
			abort(); /* a letterhead that failed says why (LERQ-L003) */
		if (e != LERQ_OK && e != LERQ_EINVAL && e != LERQ_ENOMEM)
			abort();
		free(out);
		lerq_report_free(report);
	}
	lerq_renderer_free(renderer);
	return 0;
}
