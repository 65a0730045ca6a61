/* SPDX-License-Identifier: MIT */
/* libFuzzer target: render any bytes as a letter, in HTML and in text.
 * Invalid input must be refused with its report, valid input give a
 * letter; nothing may crash, leak or hang. */
#include <stdint.h>
#include <stdlib.h>

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
	static const enum lerq_format formats[] = { LERQ_FORMAT_HTML, LERQ_FORMAT_TEXT };
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		char *out = NULL;
		size_t out_size = 0;
		struct lerq_report *report = NULL;
		int r = lerq_render_memory(renderer, data, size, formats[i], 1795694400, &out,
		                           &out_size, &report);
		if (r == LERQ_OK && (out == NULL || out_size == 0))
			abort();
		if (r == LERQ_EDOCUMENT && (report == NULL || lerq_report_is_valid(report)))
			abort(); /* a refusal says why */
		if (r != LERQ_OK && r != LERQ_EDOCUMENT && r != LERQ_ENOMEM)
			abort();
		free(out);
		lerq_report_free(report);
	}
	return 0;
}
