/* SPDX-License-Identifier: MIT */
/* libFuzzer target: parse and validate any bytes from memory. Nothing may
 * crash, leak or hang; every run gives a report or a clean error code. */
#include <stdint.h>
#include <stdlib.h>

#include <lerq/lerq.h>

static struct lerq_ctx *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (lerq_ctx_new(0, &ctx) != LERQ_OK)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lerq_report *report = NULL;
	/* A fixed "now": the same input always takes the same path. */
	int r = lerq_validate_memory(ctx, data, size, 1795694400, &report);
	if (r == LERQ_OK) {
		/* Touch every finding: a dangling string would show here. */
		size_t n = lerq_report_count(report);
		for (size_t i = 0; i < n; i++) {
			const struct lerq_finding *f = lerq_report_get(report, i);
			if (!lerq_finding_code(f)[0] || !lerq_finding_message(f)[0])
				abort();
			(void)lerq_finding_path(f)[0];
			(void)lerq_finding_ref(f)[0];
		}
		if (lerq_report_errors(report) + lerq_report_warnings(report) < n)
			abort();
	} else if (r != LERQ_ENOMEM) {
		abort(); /* only allocation failure may stop a validation */
	}
	lerq_report_free(report);
	return 0;
}
