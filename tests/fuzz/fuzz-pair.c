/* SPDX-License-Identifier: MIT */
/* libFuzzer target: a request and a response checked together. The input
 * is split at its first NUL byte (no NUL: the whole input is the
 * response, checked against the bundled disclosure example). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

static struct lerq_ctx *ctx;
static char *example;
static size_t example_size;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (lerq_ctx_new(0, &ctx) != LERQ_OK)
		abort();
	FILE *f = fopen(LERQ_FUZZ_SOURCE_ROOT "/examples/disclosure-request.xml", "rb");
	if (f == NULL)
		abort();
	example = malloc(1 << 20);
	if (example == NULL)
		abort();
	example_size = fread(example, 1, 1 << 20, f);
	fclose(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	const void *req = example, *rsp = data;
	size_t req_size = example_size, rsp_size = size;
	if (nul != NULL) {
		req = data;
		req_size = (size_t)(nul - data);
		rsp = nul + 1;
		rsp_size = size - req_size - 1;
	}
	struct lerq_report *a = NULL, *b = NULL;
	int r = lerq_check_response_memory(ctx, req, req_size, rsp, rsp_size, 1795694400, &a, &b);
	if (r != LERQ_OK && r != LERQ_ENOMEM)
		abort();
	lerq_report_free(a);
	lerq_report_free(b);
	return 0;
}
