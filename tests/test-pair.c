/* SPDX-License-Identifier: MIT */
/* A request and its response together: LERQ-R201..R204, each with the
 * pair that triggers it and the nearest that does not. The base pair is
 * the disclosure example and the response to it. */
#include "lerq-test.h"

static int setup(void **state)
{
	*state = test_ctx();
	return 0;
}

static int teardown(void **state)
{
	lerq_ctx_free(*state);
	return 0;
}

/* `text` with the first `old` replaced by `new` (or unchanged: old NULL). */
static char *with(const char *text, const char *old, const char *new)
{
	if (old == NULL)
		return strdup(text);
	const char *p = strstr(text, old);
	if (p == NULL)
		fail_msg("'%s' not found", old);
	size_t len = strlen(text) - strlen(old) + strlen(new) + 1;
	char *out = malloc(len);
	assert_non_null(out);
	snprintf(out, len, "%.*s%s%s", (int)(p - text), text, new, p + strlen(old));
	return out;
}

struct pair_result {
	struct lerq_report *request;
	struct lerq_report *response;
};

/* Checks the example pair, each side changed by one replacement. */
static struct pair_result check(void **state, const char *req_old, const char *req_new,
                                const char *rsp_old, const char *rsp_new)
{
	char *req_src = test_slurp(EXAMPLE("disclosure-request.xml"), NULL);
	char *rsp_src = test_slurp(EXAMPLE("response.xml"), NULL);
	char *req = with(req_src, req_old, req_new);
	char *rsp = with(rsp_src, rsp_old, rsp_new);
	struct pair_result r = { NULL, NULL };
	assert_int_equal(lerq_check_response_memory(*state, req, strlen(req), rsp, strlen(rsp),
	                                            TEST_NOW, &r.request, &r.response),
	                 LERQ_OK);
	free(req);
	free(rsp);
	free(req_src);
	free(rsp_src);
	return r;
}

static void pair_free(struct pair_result *r)
{
	lerq_report_free(r->request);
	lerq_report_free(r->response);
}

static void test_example_pair_is_clean(void **state)
{
	struct pair_result r = check(state, NULL, NULL, NULL, NULL);
	assert_no_findings(r.request);
	assert_no_findings(r.response);
	pair_free(&r);

	/* The file variant agrees. */
	assert_int_equal(lerq_check_response_file(*state, EXAMPLE("disclosure-request.xml"),
	                                          EXAMPLE("response.xml"), TEST_NOW,
	                                          &r.request, &r.response),
	                 LERQ_OK);
	assert_no_findings(r.response);
	pair_free(&r);
}

static void test_r201_wrong_reference(void **state)
{
	struct pair_result r = check(state, NULL, NULL,
	                             "<InResponseTo>LKA-NRW/41.3/2026/004187",
	                             "<InResponseTo>LKA-NRW/41.3/2026/004188");
	const struct lerq_finding *f = assert_only_finding(r.response, "LERQ-R201");
	assert_string_equal(lerq_finding_ref(f), "G§52");
	assert_string_equal(lerq_finding_path(f), "/Response/InResponseTo");
	assert_int_equal(lerq_finding_line(f), 11);
	assert_non_null(strstr(lerq_finding_message(f), "004188"));
	assert_no_findings(r.request);
	pair_free(&r);

	/* Nearest: the same reference with blanks around it. */
	r = check(state, NULL, NULL, "<InResponseTo>LKA-NRW/41.3/2026/004187",
	          "<InResponseTo>\n   LKA-NRW/41.3/2026/004187  ");
	assert_no_findings(r.response);
	pair_free(&r);
}

static void test_r202_item_without_result(void **state)
{
	struct pair_result r = check(state, NULL, NULL, "<Result item=\"i3\"", "<Result item=\"i1\"");
	/* i3 has no Result now; and i1 has two, which is no pair finding. */
	const struct lerq_finding *f = assert_only_finding(r.response, "LERQ-R202");
	assert_int_equal(lerq_finding_severity(f), LERQ_SEVERITY_ERROR);
	assert_string_equal(lerq_finding_ref(f), "G§57");
	assert_non_null(strstr(lerq_finding_message(f), "\"i3\""));
	assert_string_equal(lerq_finding_path(f), "/Response");
	pair_free(&r);
}

static void test_r203_result_for_unknown_item(void **state)
{
	/* The request's i3 is renamed: the response's i3 answers nothing, and
	 * the request's i9 has no answer. */
	struct pair_result r = check(state, "<Item id=\"i3\"", "<Item id=\"i9\"", NULL, NULL);
	assert_int_equal(lerq_report_count(r.response), 2);
	const struct lerq_finding *f = assert_has_finding(r.response, "LERQ-R203");
	assert_string_equal(lerq_finding_ref(f), "G§55");
	assert_string_equal(lerq_finding_path(f), "/Response/Result[3]");
	assert_non_null(strstr(lerq_finding_message(f), "\"i3\""));
	f = assert_has_finding(r.response, "LERQ-R202");
	assert_non_null(strstr(lerq_finding_message(f), "\"i9\""));
	pair_free(&r);

	/* Issue 13: blanks around the ids are the schema's to collapse, not
	 * a different id: no false R202/R203, on either side. */
	r = check(state, NULL, NULL, "<Result item=\"i1\"", "<Result item=\" i1 \"");
	assert_no_findings(r.response);
	pair_free(&r);
	r = check(state, "<Item id=\"i2\"", "<Item id=\"\n\ti2  \"", "<Result item=\"i3\"",
	          "<Result item=\"\ti3\n\"");
	assert_no_findings(r.request);
	assert_no_findings(r.response);
	pair_free(&r);
}

static void test_r204_late_response(void **state)
{
	/* RespondBy 2026-10-30T16:00:00+01:00 is 15:00Z. Issued exactly then
	 * (written in another zone): in time. */
	struct pair_result r = check(state, NULL, NULL, "<IssuedAt>2026-10-22T14:05:00+02:00",
	                             "<IssuedAt>2026-10-30T17:00:00+02:00");
	assert_no_findings(r.response);
	pair_free(&r);

	/* One second later: a warning, and the document stays valid. */
	r = check(state, NULL, NULL, "<IssuedAt>2026-10-22T14:05:00+02:00",
	          "<IssuedAt>2026-10-30T17:00:01+02:00");
	const struct lerq_finding *f = assert_only_finding(r.response, "LERQ-R204");
	assert_int_equal(lerq_finding_severity(f), LERQ_SEVERITY_WARNING);
	assert_string_equal(lerq_finding_ref(f), "G§54");
	assert_string_equal(lerq_finding_path(f), "/Response/IssuedAt");
	assert_true(lerq_report_is_valid(r.response));
	pair_free(&r);

	/* No RespondBy: no deadline to miss. */
	r = check(state, "<RespondBy>2026-10-30T16:00:00+01:00</RespondBy>", "", NULL, NULL);
	assert_no_findings(r.response);
	pair_free(&r);
}

static void test_pair_rules_need_valid_documents(void **state)
{
	/* A schema error in the response: no pair findings, only its S001. */
	struct pair_result r = check(state, NULL, NULL, "<InResponseTo>LKA-NRW/41.3/2026/004187",
	                             "<InResponseTo>not a ref");
	assert_only_finding(r.response, "LERQ-S001");
	pair_free(&r);
}

static void test_swapped_documents(void **state)
{
	char *rsp = test_slurp(EXAMPLE("response.xml"), NULL);
	char *req = test_slurp(EXAMPLE("disclosure-request.xml"), NULL);
	struct pair_result r;
	assert_int_equal(lerq_check_response_memory(*state, rsp, strlen(rsp), req, strlen(req),
	                                            TEST_NOW, &r.request, &r.response),
	                 LERQ_OK);
	assert_only_finding(r.request, "LERQ-S002");
	assert_only_finding(r.response, "LERQ-S002");
	pair_free(&r);
	free(rsp);
	free(req);
}

static void test_bad_arguments(void **state)
{
	struct lerq_report *a = NULL, *b = NULL;
	assert_int_equal(lerq_check_response_memory(NULL, "x", 1, "y", 1, TEST_NOW, &a, &b),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_check_response_memory(*state, NULL, 1, "y", 1, TEST_NOW, &a, &b),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_check_response_memory(*state, "x", 1, "y", 1, TEST_NOW, NULL, &b),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_check_response_file(*state, DATA("missing.xml"),
	                                          EXAMPLE("response.xml"), TEST_NOW, &a, &b),
	                 LERQ_EIO);
	assert_null(a);
	assert_null(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_pair_is_clean),
		cmocka_unit_test(test_r201_wrong_reference),
		cmocka_unit_test(test_r202_item_without_result),
		cmocka_unit_test(test_r203_result_for_unknown_item),
		cmocka_unit_test(test_r204_late_response),
		cmocka_unit_test(test_pair_rules_need_valid_documents),
		cmocka_unit_test(test_swapped_documents),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
