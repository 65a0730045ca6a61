/* SPDX-License-Identifier: MIT */
/* libFuzzer target: compile any bytes as a national profile and, when it
 * compiles, run it on the bundled examples. */
#include <stdint.h>
#include <stdlib.h>

#include <lerq/lerq.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lerq_ctx *ctx = NULL;
	if (lerq_ctx_new(0, &ctx) != LERQ_OK)
		abort();
	struct lerq_report *problems = NULL;
	int r = lerq_ctx_load_profile_memory(ctx, data, size, &problems);
	if (r == LERQ_EINVAL && problems == NULL)
		abort(); /* a refusal always says why */
	lerq_report_free(problems);
	if (r == LERQ_OK) {
		struct lerq_report *report = NULL;
		r = lerq_validate_file(ctx, LERQ_FUZZ_SOURCE_ROOT "/examples/disclosure-request.xml",
		                       1795694400, &report);
		if (r != LERQ_OK && r != LERQ_ENOMEM && r != LERQ_EINTERNAL)
			abort();
		lerq_report_free(report);
	}
	lerq_ctx_free(ctx);
	return 0;
}
