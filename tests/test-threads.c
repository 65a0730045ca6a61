/* SPDX-License-Identifier: MIT */
/* One context shared by several threads, each validating different
 * documents many times: every result must equal the single-threaded one. */
#include <pthread.h>

#include "lerq-test.h"

#define THREADS 4
#define ROUNDS 100

static const char *const docs[] = {
	EXAMPLE("disclosure-request.xml"),
	EXAMPLE("response.xml"),
	DATA("hostile/billion-laughs.xml"),
	DATA("schema/s001-bad-e164.xml"),
	DATA("schema/s002-wrong-root.xml"),
	DATA("hostile/deep-65.xml"),
};
#define NDOCS (sizeof(docs) / sizeof(docs[0]))

struct expected {
	size_t count;
	char first_code[16];
	unsigned long first_line;
};

static const struct lerq_ctx *shared;
static struct expected expected[NDOCS];

static void fingerprint(const struct lerq_report *r, struct expected *e)
{
	e->count = lerq_report_count(r);
	const struct lerq_finding *f = lerq_report_get(r, 0);
	snprintf(e->first_code, sizeof(e->first_code), "%s", f ? lerq_finding_code(f) : "");
	e->first_line = f ? lerq_finding_line(f) : 0;
}

static void *worker(void *arg)
{
	size_t id = (size_t)arg;
	for (size_t round = 0; round < ROUNDS; round++) {
		size_t i = (id + round) % NDOCS;
		struct lerq_report *r = NULL;
		if (lerq_validate_file(shared, docs[i], TEST_NOW, &r) != LERQ_OK)
			return (void *)1;
		struct expected got;
		fingerprint(r, &got);
		lerq_report_free(r);
		if (got.count != expected[i].count || got.first_line != expected[i].first_line ||
		    strcmp(got.first_code, expected[i].first_code) != 0)
			return (void *)1;
	}
	return NULL;
}

static void test_shared_context(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	shared = ctx;
	for (size_t i = 0; i < NDOCS; i++) {
		struct lerq_report *r = validate_path(ctx, docs[i]);
		fingerprint(r, &expected[i]);
		lerq_report_free(r);
	}
	assert_int_equal(expected[0].count, 0);
	assert_string_equal(expected[2].first_code, "LERQ-P002");

	pthread_t t[THREADS];
	for (size_t i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker, (void *)i), 0);
	for (size_t i = 0; i < THREADS; i++) {
		void *res;
		assert_int_equal(pthread_join(t[i], &res), 0);
		assert_null(res);
	}
	lerq_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_context),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
