/* SPDX-License-Identifier: MIT */
/* The rules on responses: R101-R104.
 * For each rule, a document that triggers it and the nearest ones that
 * do not (tests/rules-test.h builds them from one valid base). */
#include "rules-test.h"

static void test_r101_not_provided_without_reason(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "no Reason", RSP, { { "    <Reason @@</Reason>\n", "" } },
		  "LERQ-R101", ERR, "G§57", "/Response/Result[2]", "item \"i2\"" },
		{ "with Reason", RSP, { { 0 } }, NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

static void test_r102_preserved_without_date(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "no PreservedUntil", RSP, { { "    <PreservedUntil>@@</PreservedUntil>\n", "" } },
		  "LERQ-R102", ERR, "C-Art 29.7", "/Response/Result[3]", "item \"i3\"" },
		{ "with PreservedUntil", RSP, { { 0 } }, NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

#define RECEIVED "<ReceivedAt>2026-11-02T09:41:00+01:00</ReceivedAt>"
#define RSP_ISSUED "<IssuedAt>2026-11-04T15:00:00+01:00</IssuedAt>"

static void test_r103_issued_before_received(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "one second before", RSP,
		  { { RSP_ISSUED, "<IssuedAt>2026-11-02T08:40:59Z</IssuedAt>" } },
		  "LERQ-R103", ERR, "G§54", "/Response/IssuedAt",
		  "\"2026-11-02T08:40:59Z\" is before ReceivedAt \"2026-11-02T09:41:00+01:00\"" },
		{ "the same instant, another zone", RSP,
		  { { RSP_ISSUED, "<IssuedAt>2026-11-02T08:41:00Z</IssuedAt>" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

static void test_r104_status_contradicts_outcomes(void **state)
{
	static const struct {
		const char *status, *outcomes;
		const char *in_message; /* NULL: no finding */
	} cases[] = {
		{ "fulfilled", "pp", NULL },
		{ "fulfilled", "pn", "item \"i2\" is \"not-provided\"; use partially-fulfilled" },
		{ "fulfilled", "ps", "item \"i2\" is \"preserved\"" },
		{ "preserved", "ss", NULL },
		{ "preserved", "sp", "item \"i2\" is \"provided\"" },
		{ "rejected", "nn", NULL },
		{ "rejected", "np", "item \"i2\"" },
		{ "no-data", "n", NULL },
		{ "no-data", "s", "use preserved" },
		{ "partially-fulfilled", "pn", NULL },
		{ "partially-fulfilled", "sn", NULL },
		{ "partially-fulfilled", "pns", NULL },
		{ "partially-fulfilled", "pp", "none is not-provided; use fulfilled" },
		{ "partially-fulfilled", "nn", "every Result is not-provided; use rejected or no-data" },
		{ "partially-fulfilled", "ps", "no Status fits" },
		{ " fulfilled ", "p", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *xml = response_with(cases[i].status, cases[i].outcomes);
		struct lerq_report *r = validate_string(*state, xml);
		print_message("  %s %s\n", cases[i].status, cases[i].outcomes);
		if (cases[i].in_message == NULL)
			assert_no_findings(r);
		else
			assert_finding(assert_only_finding(r, "LERQ-R104"), "LERQ-R104", ERR,
			               "G§53", "/Response/Status", cases[i].in_message);
		lerq_report_free(r);
		free(xml);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_r101_not_provided_without_reason),
		cmocka_unit_test(test_r102_preserved_without_date),
		cmocka_unit_test(test_r103_issued_before_received),
		cmocka_unit_test(test_r104_status_contradicts_outcomes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
