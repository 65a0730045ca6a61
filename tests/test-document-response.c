/* SPDX-License-Identifier: MIT */
/* A response from the request it answers (document/response.c, spec
 * section 7): the object and the commented template have InResponseTo,
 * the request's language and provider, one Result per Item with its item
 * set and no outcome; once the provider fills in the rest, the response
 * validates and passes the request+response rules. */
#include "document-test.h"

static struct lerq_doc *parse_example(const struct lerq_ctx *ctx, const char *path,
                                      char **bytes, size_t *size)
{
	*bytes = test_slurp(path, size);
	struct lerq_doc *doc = NULL;
	assert_int_equal(lerq_doc_parse_memory(ctx, *bytes, *size, TEST_NOW, 0, &doc, NULL),
	                 LERQ_OK);
	return doc;
}

/* The provider's part: everything but what the request gave. */
static void fill_in(struct lerq_doc *doc, const char *outcome)
{
	struct lerq_elem *root = lerq_doc_root(doc);
	OK(doc, lerq_doc_set_registration_number(doc, "ISP-2026-0815"));
	OK(doc, lerq_elem_set_time(add(doc, root, "ReceivedAt"), TEST_NOW - 7200, 0));
	OK(doc, lerq_doc_set_issued_at(doc, TEST_NOW - 3600, 60));
	add_text(doc, root, "Status", strcmp(outcome, "provided") == 0 ? "fulfilled" : "no-data");
	OK(doc, lerq_doc_add_contact(doc, "Eva Jansen", NULL, "+31307654321",
	                             "le@isp.example", NULL));
	for (size_t i = 0; i < lerq_elem_count(root, "Result"); i++) {
		struct lerq_elem *r = lerq_elem_child(root, "Result", i);
		OK(doc, lerq_elem_set_attr(r, "outcome", outcome));
		if (strcmp(outcome, "not-provided") == 0)
			OK(doc, lerq_elem_set_attr(add_text(doc, r, "Reason", "No such account."),
			                           "code", "no-records"));
	}
}

static void test_object_from_example(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	char *bytes;
	size_t size;
	struct lerq_doc *req = parse_example(ctx, EXAMPLE("disclosure-request.xml"), &bytes,
	                                     &size);
	struct lerq_doc *resp = NULL;
	assert_int_equal(lerq_doc_new_response(req, &resp), LERQ_OK);
	assert_int_equal(lerq_doc_kind(resp), LERQ_DOC_RESPONSE);
	struct lerq_elem *root = lerq_doc_root(resp);
	assert_string_equal(lerq_elem_text(lerq_elem_child(root, "InResponseTo", 0)),
	                    "LKA-NRW/41.3/2026/004187");
	assert_string_equal(lerq_elem_attr(root, "xml:lang"),
	                    lerq_elem_attr(lerq_doc_root(req), "xml:lang"));
	assert_string_equal(lerq_elem_text(lerq_doc_find(resp, "/Response/Responder/ProviderName")),
	                    "Rheinwelle Kommunikation GmbH");
	struct lerq_elem *dr = lerq_doc_find(req, "/Request/DataRequested");
	size_t items = lerq_elem_count(dr, "Item");
	assert_true(items >= 2);
	assert_int_equal(lerq_elem_count(root, "Result"), items);
	for (size_t i = 0; i < items; i++) {
		struct lerq_elem *r = lerq_elem_child(root, "Result", i);
		assert_string_equal(lerq_elem_attr(r, "item"),
		                    lerq_elem_attr(lerq_elem_child(dr, "Item", i), "id"));
		assert_null(lerq_elem_attr(r, "outcome")); /* to be chosen */
	}
	/* Not yet a response: the provider has not filled it in. */
	char *out = NULL;
	size_t n;
	assert_int_equal(lerq_doc_write_memory(ctx, resp, TEST_NOW, &out, &n, NULL),
	                 LERQ_EDOCUMENT);

	fill_in(resp, "provided");
	out = write_valid(ctx, resp, &n);
	struct lerq_report *rq = NULL, *rs = NULL;
	assert_int_equal(lerq_check_response_memory(ctx, bytes, size, out, n, TEST_NOW, &rq, &rs),
	                 LERQ_OK);
	assert_int_equal(lerq_report_errors(rq), 0);
	/* R201-R203 agree: right number, every item, no other (R204, late,
	 * is a warning the example's early RespondBy may give). */
	assert_int_equal(lerq_report_errors(rs), 0);
	lerq_report_free(rq);
	lerq_report_free(rs);
	free(out);
	free(bytes);
	lerq_doc_free(resp);
	lerq_doc_free(req);
	lerq_ctx_free(ctx);
}

/* A request built in C, answered with a refusal for each item. */
static void test_object_from_built_request(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_doc *req = build_request(LERQ_DOC_REQUEST_PRESERVATION);
	struct lerq_doc *resp = NULL;
	assert_int_equal(lerq_doc_new_response(req, &resp), LERQ_OK);
	assert_int_equal(lerq_elem_count(lerq_doc_root(resp), "Result"), 1);
	fill_in(resp, "not-provided");
	free(write_valid(ctx, resp, NULL));
	lerq_doc_free(resp);
	lerq_doc_free(req);
	lerq_ctx_free(ctx);
}

static void test_refusals(void **state)
{
	struct lerq_doc *release = build_request(LERQ_DOC_REQUEST_RELEASE);
	struct lerq_doc *response = build_response();
	struct lerq_doc *out = NULL;
	char *data = NULL;
	size_t size;
	/* A release asks for no data: there is no Item to answer. */
	assert_int_equal(lerq_doc_new_response(release, &out), LERQ_EINVAL);
	assert_int_equal(lerq_doc_new_response(response, &out), LERQ_EINVAL);
	assert_int_equal(lerq_doc_new_response(NULL, &out), LERQ_EINVAL);
	assert_int_equal(lerq_doc_response_template(release, 0, &data, &size), LERQ_EINVAL);
	assert_int_equal(lerq_doc_response_template(response, 0, &data, &size), LERQ_EINVAL);
	struct lerq_doc *req = build_request(LERQ_DOC_REQUEST_DISCLOSURE);
	assert_int_equal(lerq_doc_new_response(req, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_doc_response_template(req, 4, &data, &size), LERQ_EINVAL);
	assert_int_equal(lerq_doc_response_template(req, 0, NULL, &size), LERQ_EINVAL);
	assert_null(out);
	assert_null(data);
	lerq_doc_free(req);
	lerq_doc_free(release);
	lerq_doc_free(response);
}

static void test_template(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	char *bytes;
	size_t size;
	struct lerq_doc *req = parse_example(ctx, EXAMPLE("disclosure-request.xml"), &bytes,
	                                     &size);
	char *data = NULL;
	size_t n;
	assert_int_equal(lerq_doc_response_template(req, LERQ_TEMPLATE_BLANK, &data, &n), LERQ_OK);
	assert_int_equal(strlen(data), n);
	assert_non_null(strstr(data, "<InResponseTo>LKA-NRW/41.3/2026/004187</InResponseTo>"));
	assert_non_null(strstr(data, "<ProviderName>Rheinwelle Kommunikation GmbH<"));
	assert_non_null(strstr(data, "<!-- InResponseTo: "));
	assert_non_null(strstr(data, "<ResponseNumber></ResponseNumber>"));
	assert_non_null(strstr(data, "<IssuedAt></IssuedAt>"));
	const char *i1 = strstr(data, "This Result answers the request's Item i1 (");
	const char *i2 = strstr(data, "This Result answers the request's Item i2 (");
	assert_non_null(i1);
	assert_non_null(i2);
	assert_true(i1 < i2);
	assert_non_null(strstr(i1, "<Result item=\"i1\" outcome=\"\">"));
	/* One namespace declaration, on the root. */
	assert_null(strstr(strstr(data, "xmlns=") + 1, "xmlns="));
	/* Blank: invalid until filled in. */
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_validate_memory(ctx, data, n, TEST_NOW, &report), LERQ_OK);
	assert_false(lerq_report_is_valid(report));
	lerq_report_free(report);
	free(data);

	/* With sample values it is a response that passes with its request. */
	assert_int_equal(lerq_doc_response_template(req, LERQ_TEMPLATE_EXAMPLE, &data, &n),
	                 LERQ_OK);
	struct lerq_report *rq = NULL, *rs = NULL;
	assert_int_equal(lerq_check_response_memory(ctx, bytes, size, data, n, TEST_NOW, &rq,
	                                            &rs), LERQ_OK);
	if (lerq_report_errors(rs) != 0)
		print_report(rs);
	assert_int_equal(lerq_report_errors(rs), 0);
	lerq_report_free(rq);
	lerq_report_free(rs);
	free(data);
	free(bytes);
	lerq_doc_free(req);
	lerq_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_object_from_example),
		cmocka_unit_test(test_object_from_built_request),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_template),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
