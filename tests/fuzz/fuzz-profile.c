/* SPDX-License-Identifier: MIT */
/* libFuzzer target: compile any bytes as a national profile and, when it
 * compiles, run it on a bundled example. Uses the profile engine directly
 * (internal API) so that one context serves every input: loading through
 * lerq_ctx_load_profile_memory() would pile the profiles up in it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "profile/profile.h"

static struct lerq_ctx *ctx;
static xmlDocPtr example;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (lerq_ctx_new(0, &ctx) != LERQ_OK)
		abort();
	struct lerq_report *report = NULL;
	char *bytes;
	size_t size;
	if (lerq__read_file(LERQ_FUZZ_SOURCE_ROOT "/examples/cross-border-request.xml",
	                   LERQ_DEFAULT_MAX_SIZE, &bytes, &size) != LERQ_OK ||
	    lerq__validate_doc(ctx, bytes, size, 1795694400, &report, &example) != LERQ_OK ||
	    example == NULL)
		abort();
	lerq_report_free(report);
	free(bytes);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lerq_report *problems = lerq__report_new();
	struct lerq_profile *profile = NULL;
	if (problems == NULL)
		return 0;
	int r = lerq__profile_compile(ctx, data, size, &profile, problems);
	if (r == LERQ_EINVAL && lerq_report_count(problems) == 0)
		abort(); /* a refusal always says why */
	if (r == LERQ_OK) {
		struct lerq_report *report = lerq__report_new();
		if (report != NULL) {
			r = lerq__profile_run(profile, example, report);
			if (r != LERQ_OK && r != LERQ_ENOMEM && r != LERQ_EINTERNAL)
				abort();
			lerq__profile_adjust(profile, report);
		}
		lerq_report_free(report);
	}
	lerq__profile_free(profile);
	lerq_report_free(problems);
	return 0;
}
