/* SPDX-License-Identifier: MIT */
/* libFuzzer target: render any bytes as a PDF letter (issue 13: the
 * other targets never reached lib/pdf/). Invalid input must be refused
 * with its report, valid input give a PDF; nothing may crash, leak or
 * hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

static struct lerq_ctx *ctx;
static struct lerq_renderer *renderer;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (lerq_ctx_new(0, &ctx) != LERQ_OK || lerq_renderer_new(ctx, &renderer) != LERQ_OK)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Both papers: the first input byte chooses. */
	lerq_renderer_set_paper(renderer, size > 0 && (data[0] & 1) ? LERQ_PAPER_LETTER
	                                                              : LERQ_PAPER_A4);
	char *out = NULL;
	size_t out_size = 0;
	struct lerq_report *report = NULL;
	int r = lerq_render_memory(renderer, data, size, LERQ_FORMAT_PDF, 1795694400, &out,
	                           &out_size, &report);
	if (r == LERQ_OK && (out == NULL || out_size < 5 || memcmp(out, "%PDF-", 5) != 0))
		abort();
	if (r == LERQ_EDOCUMENT && (report == NULL || lerq_report_is_valid(report)))
		abort(); /* a refusal says why */
	/* ENOTSUP: a machine without any font. */
	if (r != LERQ_OK && r != LERQ_EDOCUMENT && r != LERQ_ENOMEM && r != LERQ_ENOTSUP)
		abort();
	free(out);
	lerq_report_free(report);
	return 0;
}
