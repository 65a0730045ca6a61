/* SPDX-License-Identifier: MIT */
/* libFuzzer target: validate and verify any bytes against the example
 * trust list (signatures, format section 6). Nothing may crash, leak or
 * hang; every run gives a report or a clean error code, and a result
 * says "verified" only with no signature error. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

static struct lerq_ctx *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct lerq_trust *trust = NULL;
	if (lerq_ctx_new(0, &ctx) != LERQ_OK ||
	    lerq_trust_load(ctx, LERQ_FUZZ_SOURCE_ROOT "/examples/signatures/trust-list.trust",
	                    &trust, NULL) != LERQ_OK ||
	    lerq_ctx_set_trust(ctx, trust, 0) != LERQ_OK)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lerq_report *report = NULL;
	struct lerq_signature *sig = NULL;
	int r = lerq_verify_memory(ctx, data, size, 1795694400, &report, &sig);
	if (r == LERQ_OK) {
		size_t n = lerq_report_count(report);
		int v_errors = 0;
		for (size_t i = 0; i < n; i++) {
			const struct lerq_finding *f = lerq_report_get(report, i);
			const char *code = lerq_finding_code(f);
			if (!code[0] || !lerq_finding_message(f)[0])
				abort();
			if (strncmp(code, "LERQ-V00", 8) == 0 && code[8] >= '1' && code[8] <= '5')
				v_errors++;
		}
		if (sig != NULL) {
			enum lerq_signature_state st = lerq_signature_state(sig);
			if (st == LERQ_SIGNATURE_VERIFIED && v_errors > 0)
				abort();
			if (st == LERQ_SIGNATURE_FAILED && v_errors == 0)
				abort();
			(void)lerq_signature_reason(sig)[0];
			(void)lerq_signature_list_owner(sig)[0];
		}
	} else if (r != LERQ_ENOMEM) {
		abort();
	}
	lerq_signature_free(sig);
	lerq_report_free(report);
	return 0;
}
