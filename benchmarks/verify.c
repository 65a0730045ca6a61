/* SPDX-License-Identifier: MIT */
/*
 * lerq-bench-verify: the cost of verifying one signed request next to
 * validating it (format section 6). Validates examples/signed-request.xml
 * with a context without a trust list, then verifies it with a context
 * that has examples/signatures/trust-list.trust, ROUNDS times each, and
 * prints the time per document. Not a test: nothing asserts speed.
 *
 * Run: meson compile -C build bench-verify   (or build/benchmarks/lerq-bench-verify [ROUNDS])
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <lerq/lerq.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = malloc(1 << 20);
	*size = buf ? fread(buf, 1, 1 << 20, f) : 0;
	fclose(f);
	return buf;
}

static double run(const struct lerq_ctx *ctx, const char *doc, size_t size, int rounds,
                  int verify)
{
	double t0 = now();
	for (int i = 0; i < rounds; i++) {
		struct lerq_report *r = NULL;
		struct lerq_signature *sig = NULL;
		int rc = verify ? lerq_verify_memory(ctx, doc, size, LERQ_NOW_CLOCK, &r, &sig)
		                : lerq_validate_memory(ctx, doc, size, LERQ_NOW_CLOCK, &r);
		if (rc != LERQ_OK || !lerq_report_is_valid(r)) {
			fprintf(stderr, "lerq-bench-verify: the example does not %s\n",
			        verify ? "verify" : "validate");
			exit(1);
		}
		lerq_signature_free(sig);
		lerq_report_free(r);
	}
	return (now() - t0) / rounds;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 500;
	if (rounds <= 0)
		rounds = 500;
	size_t size = 0, unsigned_size = 0;
	char *doc = slurp(LERQ_BENCH_EXAMPLES "/signed-request.xml", &size);
	char *plain = slurp(LERQ_BENCH_EXAMPLES "/disclosure-request.xml", &unsigned_size);
	struct lerq_ctx *validating = NULL, *verifying = NULL;
	struct lerq_trust *trust = NULL;
	if (doc == NULL || plain == NULL || lerq_ctx_new(0, &validating) != LERQ_OK ||
	    lerq_ctx_new(0, &verifying) != LERQ_OK ||
	    lerq_trust_load(verifying, LERQ_BENCH_EXAMPLES "/signatures/trust-list.trust", &trust,
	                    NULL) != LERQ_OK ||
	    lerq_ctx_set_trust(verifying, trust, 0) != LERQ_OK) {
		fputs("lerq-bench-verify: cannot set up\n", stderr);
		return 2;
	}
	/* Warm up: first calls pay for lazy set-up. */
	run(validating, doc, size, 10, 0);
	run(verifying, doc, size, 10, 1);
	double unsigned_validate = run(validating, plain, unsigned_size, rounds, 0);
	double validate = run(validating, doc, size, rounds, 0);
	double verify = run(verifying, doc, size, rounds, 1);
	printf("lerq-bench-verify: %d rounds each, one thread\n", rounds);
	printf("  validate unsigned request (%zu bytes)   %8.1f us\n", unsigned_size,
	       unsigned_validate * 1e6);
	printf("  validate signed request (%zu bytes)     %8.1f us\n", size, validate * 1e6);
	printf("  validate + verify signed request       %8.1f us\n", verify * 1e6);
	printf("  verification alone                     %8.1f us (x%.2f of validating)\n",
	       (verify - validate) * 1e6, verify / validate);
	lerq_ctx_free(validating);
	lerq_ctx_free(verifying);
	free(doc);
	free(plain);
	return 0;
}
