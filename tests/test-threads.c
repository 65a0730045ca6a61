/* SPDX-License-Identifier: MIT */
/* One context and one renderer shared by 8 threads, each validating and
 * rendering different documents 1000 times, and one context with a trust
 * list verifying signatures from 8 threads: every result must equal the
 * single-threaded one. The threading contract is in lerq.h. */
#include <pthread.h>
#include <stdbool.h>

#include "lerq-test.h"

#define THREADS 8
/* LERQ_TEST_ROUNDS overrides it: helgrind and ThreadSanitizer runs need
 * far fewer rounds to see every interleaving that matters. */
#define ROUNDS 1000
static size_t rounds = ROUNDS;

static const char *const docs[] = {
	EXAMPLE("disclosure-request.xml"),
	EXAMPLE("response.xml"),
	EXAMPLE("cross-border-request.xml"),
	EXAMPLE("emergency-request.xml"),
	DATA("hostile/billion-laughs.xml"),
	DATA("schema/s001-bad-e164.xml"),
	DATA("schema/s002-wrong-root.xml"),
	DATA("hostile/deep-65.xml"),
};
#define NDOCS (sizeof(docs) / sizeof(docs[0]))

struct expected {
	char *bytes;
	size_t size;
	size_t count;
	char first_code[16];
	unsigned long first_line;
	char *letter; /* the text letter, for valid documents */
	size_t letter_size;
};

static const struct lerq_ctx *shared;
static const struct lerq_renderer *shared_renderer;
static struct expected expected[NDOCS];

static void fingerprint(const struct lerq_report *r, struct expected *e)
{
	e->count = lerq_report_count(r);
	const struct lerq_finding *f = lerq_report_get(r, 0);
	snprintf(e->first_code, sizeof(e->first_code), "%s", f ? lerq_finding_code(f) : "");
	e->first_line = f ? lerq_finding_line(f) : 0;
}

static bool same(const struct expected *a, const struct expected *b)
{
	return a->count == b->count && a->first_line == b->first_line &&
	       strcmp(a->first_code, b->first_code) == 0;
}

static void *worker(void *arg)
{
	size_t id = (size_t)arg;
	for (size_t round = 0; round < rounds; round++) {
		const struct expected *want = &expected[(id + round) % NDOCS];
		struct lerq_report *r = NULL;
		if (lerq_validate_memory(shared, want->bytes, want->size, TEST_NOW, &r) != LERQ_OK)
			return (void *)"validate failed";
		struct expected got;
		fingerprint(r, &got);
		lerq_report_free(r);
		if (!same(&got, want))
			return (void *)"validation differs";

		/* Render every other round: the letter must be byte for byte the
		 * single-threaded one; invalid documents must be refused. */
		if (round % 2)
			continue;
		char *out = NULL;
		size_t size = 0;
		int rc = lerq_render_memory(shared_renderer, want->bytes, want->size,
		                            LERQ_FORMAT_TEXT, TEST_NOW, &out, &size, NULL);
		bool ok = want->letter ? rc == LERQ_OK && size == want->letter_size &&
		                                 memcmp(out, want->letter, size) == 0
		                       : rc == LERQ_EDOCUMENT;
		free(out);
		if (!ok)
			return (void *)"render differs";
	}
	return NULL;
}

static void test_shared_context_and_renderer(void **state)
{
	const char *env = getenv("LERQ_TEST_ROUNDS");
	if (env && atoi(env) > 0)
		rounds = (size_t)atoi(env);
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_renderer *renderer = NULL;
	assert_int_equal(lerq_renderer_new(ctx, &renderer), LERQ_OK);
	shared = ctx;
	shared_renderer = renderer;
	for (size_t i = 0; i < NDOCS; i++) {
		struct expected *e = &expected[i];
		e->bytes = test_slurp(docs[i], &e->size);
		struct lerq_report *r = validate_string(ctx, e->bytes);
		fingerprint(r, e);
		bool valid = lerq_report_is_valid(r);
		lerq_report_free(r);
		if (valid)
			assert_int_equal(lerq_render_memory(renderer, e->bytes, e->size,
			                                    LERQ_FORMAT_TEXT, TEST_NOW, &e->letter,
			                                    &e->letter_size, NULL),
			                 LERQ_OK);
	}
	assert_int_equal(expected[0].count, 0);
	assert_non_null(expected[0].letter);
	assert_string_equal(expected[4].first_code, "LERQ-P002");

	pthread_t t[THREADS];
	for (size_t i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker, (void *)i), 0);
	for (size_t i = 0; i < THREADS; i++) {
		void *res;
		assert_int_equal(pthread_join(t[i], &res), 0);
		if (res != NULL)
			fail_msg("thread %zu: %s", i, (const char *)res);
	}
	for (size_t i = 0; i < NDOCS; i++) {
		free(expected[i].bytes);
		free(expected[i].letter);
	}
	lerq_renderer_free(renderer);
	lerq_ctx_free(ctx);
}

/* Signatures: one trust list (one xmlsec keys manager) on one context,
 * verified from 8 threads; xmlsec's error callback is process-wide, the
 * reasons lerq keeps are per thread. */
#define SIGNED_DOCS 3
static struct {
	char *bytes;
	size_t size;
	enum lerq_signature_state state;
	char code[16]; /* the first V finding, or "" */
	size_t count;
} signed_docs[SIGNED_DOCS];

static void signature_fingerprint(const struct lerq_report *r, const struct lerq_signature *sig,
                                  enum lerq_signature_state *state, char code[16], size_t *count)
{
	*state = lerq_signature_state(sig);
	*count = lerq_report_count(r);
	code[0] = '\0';
	for (size_t i = 0; i < lerq_report_count(r); i++) {
		const char *c = lerq_finding_code(lerq_report_get(r, i));
		if (strncmp(c, "LERQ-V", 6) == 0) {
			snprintf(code, 16, "%s", c);
			break;
		}
	}
}

static void *verify_worker(void *arg)
{
	size_t id = (size_t)arg;
	for (size_t round = 0; round < rounds; round++) {
		size_t i = (id + round) % SIGNED_DOCS;
		struct lerq_report *r = NULL;
		struct lerq_signature *sig = NULL;
		if (lerq_verify_memory(shared, signed_docs[i].bytes, signed_docs[i].size, TEST_NOW,
		                       &r, &sig) != LERQ_OK)
			return (void *)"verify failed";
		enum lerq_signature_state state;
		char code[16];
		size_t count;
		signature_fingerprint(r, sig, &state, code, &count);
		lerq_report_free(r);
		lerq_signature_free(sig);
		if (state != signed_docs[i].state || count != signed_docs[i].count ||
		    strcmp(code, signed_docs[i].code) != 0)
			return (void *)"verification differs";
	}
	return NULL;
}

static void test_shared_trust_list(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_trust *trust = NULL;
	assert_int_equal(lerq_trust_load(ctx, EXAMPLE("signatures/trust-list.trust"), &trust, NULL),
	                 LERQ_OK);
	assert_int_equal(lerq_ctx_set_trust(ctx, trust, 0), LERQ_OK);
	shared = ctx;
	signed_docs[0].bytes = test_slurp(EXAMPLE("signed-request.xml"), &signed_docs[0].size);
	/* The same, changed after signing. */
	signed_docs[1].bytes = strdup(signed_docs[0].bytes);
	char *p = strstr(signed_docs[1].bytes, "<Priority>routine");
	assert_non_null(p);
	/* Same length: "routine" becomes "urgent " (collapsed: valid). */
	memcpy(p + 10, "urgent ", 7);
	signed_docs[1].size = strlen(signed_docs[1].bytes);
	signed_docs[2].bytes = test_slurp(EXAMPLE("disclosure-request.xml"), &signed_docs[2].size);
	for (size_t i = 0; i < SIGNED_DOCS; i++) {
		struct lerq_report *r = NULL;
		struct lerq_signature *sig = NULL;
		assert_int_equal(lerq_verify_memory(ctx, signed_docs[i].bytes, signed_docs[i].size,
		                                    TEST_NOW, &r, &sig), LERQ_OK);
		signature_fingerprint(r, sig, &signed_docs[i].state, signed_docs[i].code,
		                      &signed_docs[i].count);
		lerq_report_free(r);
		lerq_signature_free(sig);
	}
	assert_int_equal(signed_docs[0].state, LERQ_SIGNATURE_VERIFIED);
	assert_string_equal(signed_docs[1].code, "LERQ-V001");
	assert_string_equal(signed_docs[2].code, "LERQ-V007");

	pthread_t t[THREADS];
	for (size_t i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, verify_worker, (void *)i), 0);
	for (size_t i = 0; i < THREADS; i++) {
		void *res;
		assert_int_equal(pthread_join(t[i], &res), 0);
		if (res != NULL)
			fail_msg("thread %zu: %s", i, (const char *)res);
	}
	for (size_t i = 0; i < SIGNED_DOCS; i++)
		free(signed_docs[i].bytes);
	lerq_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_context_and_renderer),
		cmocka_unit_test(test_shared_trust_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
