/* SPDX-License-Identifier: MIT */
/* The rules on times and dates: R003-R007, R017, R019, and how long data
 * are preserved, R021. Instants compare
 * across time zones; "the date of IssuedAt" is the date as written.
 * For each rule, a document that triggers it and the nearest ones that
 * do not (tests/rules-test.h builds them from one valid base). */
#include "rules-test.h"

#define NO_RESPOND_BY { "  <RespondBy>@@</RespondBy>\n", "" }

static void test_r003_issued_in_future(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "5 min 1 s ahead", REQ,
		  { NO_RESPOND_BY, { ISSUED, "<IssuedAt>2026-11-26T12:05:01Z</IssuedAt>" } },
		  "LERQ-R003", ERR, "G§25", "/Request/IssuedAt", "\"2026-11-26T12:05:01Z\"" },
		{ "ahead, in another zone", REQ,
		  { NO_RESPOND_BY,
		    { ISSUED, "<IssuedAt>2026-11-26T13:05:01+01:00</IssuedAt>" } },
		  "LERQ-R003", ERR, "G§25", "/Request/IssuedAt", "2026-11-26T12:00:00Z" },
		{ "exactly 5 min ahead", REQ,
		  { NO_RESPOND_BY, { ISSUED, "<IssuedAt>2026-11-26T12:05:00Z</IssuedAt>" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "exactly 5 min ahead, another zone", REQ,
		  { NO_RESPOND_BY,
		    { ISSUED, "<IssuedAt>2026-11-26T07:05:00-05:00</IssuedAt>" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

#define RESPOND_BY "<RespondBy>2026-11-16T00:30:00+01:00</RespondBy>"

static void test_r004_respond_by_not_after_issue(void **state)
{
	static const struct lerq_rule_case cases[] = {
		/* Equal: R004 alone, not R005 too. */
		{ "equal", REQ, { { RESPOND_BY, "<RespondBy>2026-11-02T00:30:00+01:00</RespondBy>" } },
		  "LERQ-R004", ERR, "G§31", "/Request/RespondBy", "\"2026-11-02T00:30:00+01:00\"" },
		{ "equal, another zone", REQ,
		  { { RESPOND_BY, "<RespondBy>2026-11-01T23:30:00Z</RespondBy>" } },
		  "LERQ-R004", ERR, "G§31", "/Request/RespondBy", "2026-11-01T23:30:00Z" },
		{ "before", REQ, { { RESPOND_BY, "<RespondBy>2026-11-01T09:00:00+01:00</RespondBy>" } },
		  "LERQ-R004", ERR, "G§31", "/Request/RespondBy", "2026-11-01T09:00:00+01:00" },
		{ "one second after (urgent)", REQ,
		  { { RESPOND_BY, "<RespondBy>2026-11-02T00:30:01+01:00</RespondBy>" },
		    { "routine", "urgent" } }, NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

static void test_r005_routine_deadline_short(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "72 h less 1 s", REQ,
		  { { RESPOND_BY, "<RespondBy>2026-11-05T00:29:59+01:00</RespondBy>" } },
		  "LERQ-R005", WARN, "G§31", "/Request/RespondBy",
		  "\"2026-11-05T00:29:59+01:00\" leaves the provider only 2 days, 23 hours, "
		  "59 minutes and 59 seconds" },
		{ "one second", REQ,
		  { { RESPOND_BY, "<RespondBy>2026-11-02T00:30:01+01:00</RespondBy>" } },
		  "LERQ-R005", WARN, "G§31", "/Request/RespondBy", "only 1 second" },
		{ "exactly 72 h", REQ,
		  { { RESPOND_BY, "<RespondBy>2026-11-05T00:30:00+01:00</RespondBy>" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "exactly 72 h, another zone", REQ,
		  { { RESPOND_BY, "<RespondBy>2026-11-04T23:30:00Z</RespondBy>" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "urgent", REQ,
		  { { RESPOND_BY, "<RespondBy>2026-11-02T02:30:00+01:00</RespondBy>" },
		    { "routine", "urgent" } }, NULL, 0, NULL, NULL, NULL },
		{ "no RespondBy", REQ, { NO_RESPOND_BY }, NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

#define START "<Start>2026-10-01T00:00:00+02:00</Start>"
#define END "<End>2026-10-31T00:00:00+01:00</End>"

static void test_r006_data_time_order(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "At 1 s after IssuedAt", REQ, { { AT, "<At>2026-11-01T23:30:01Z</At>" } },
		  "LERQ-R006", ERR, "G§27", ITEM1 "/At", "At \"2026-11-01T23:30:01Z\"" },
		{ "At equal to IssuedAt", REQ, { { AT, "<At>2026-11-02T00:30:00+01:00</At>" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "End equal to Start", REQ, { { END, "<End>2026-09-30T22:00:00Z</End>" } },
		  "LERQ-R006", ERR, "G§27", ITEM2 "/Period/End", "not after its Start" },
		{ "End before Start", REQ, { { END, "<End>2026-09-01T00:00:00+02:00</End>" } },
		  "LERQ-R006", ERR, "G§27", ITEM2 "/Period/End", "2026-09-01T00:00:00+02:00" },
		{ "End after IssuedAt", REQ, { { END, "<End>2026-11-03T00:00:00+01:00</End>" } },
		  "LERQ-R006", ERR, "G§27", ITEM2 "/Period/End", "Period End \"2026-11-03" },
		{ "End equal to IssuedAt", REQ, { { END, "<End>2026-11-02T00:30:00+01:00</End>" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);

	/* A period wholly after IssuedAt: its Start and its End. */
	char *xml = document(REQ, (const struct edit[]){
		{ START, "<Start>2026-11-10T00:00:00+01:00</Start>" },
		{ END, "<End>2026-11-11T00:00:00+01:00</End>" } }, 2);
	const char *codes[] = { "LERQ-R006", "LERQ-R006" };
	struct lerq_report *r = expect_codes(state, xml, codes, 2);
	assert_finding(lerq_report_get(r, 0), "LERQ-R006", ERR, "G§27",
	               ITEM2 "/Period/Start", "Period Start \"2026-11-10T00:00:00+01:00\"");
	assert_finding(lerq_report_get(r, 1), "LERQ-R006", ERR, "G§27",
	               ITEM2 "/Period/End", "interception");
	assert_int_equal(lerq_finding_line(lerq_report_get(r, 0)), line_of(xml, "<Start>"));
	lerq_report_free(r);
	free(xml);
}

static void test_r007_period_too_long(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "366 days and 1 s", REQ,
		  { { START, "<Start>2025-10-30T23:59:59Z</Start>" },
		    { END, "<End>2026-11-01T00:00:00Z</End>" } },
		  "LERQ-R007", WARN, "G§27", ITEM2 "/Period", "366 days and 1 second" },
		{ "exactly 366 days", REQ,
		  { { START, "<Start>2025-10-31T00:00:00Z</Start>" },
		    { END, "<End>2026-11-01T00:00:00Z</End>" } }, NULL, 0, NULL, NULL, NULL },
		/* 366 days in UTC, though the dates as written are 367 apart. */
		{ "exactly 366 days across zones", REQ,
		  { { START, "<Start>2025-10-30T23:00:00-01:00</Start>" },
		    { END, "<End>2026-11-01T01:00:00+01:00</End>" } }, NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

static void test_r017_confidentiality_ends_early(void **state)
{
	static const struct lerq_rule_case cases[] = {
		/* IssuedAt 2026-11-02T00:30+01:00 is 2026-11-01 in UTC. */
		{ "the day before, as written", REQ,
		  { { "<Until>2027-05-02</Until>", "<Until>2026-11-01</Until>" } },
		  "LERQ-R017", ERR, "G§32", "/Request/Confidentiality/Until",
		  "Until \"2026-11-01\" is before the date of IssuedAt, 2026-11-02" },
		{ "the same day as written", REQ,
		  { { "<Until>2027-05-02</Until>", "<Until>2026-11-02</Until>" } },
		  NULL, 0, NULL, NULL, NULL },
		/* 2026-11-01T23:30-01:00 is 2026-11-02 in UTC, 2026-11-01 as written. */
		{ "west of UTC, same day", REQ,
		  { { ISSUED, "<IssuedAt>2026-11-01T23:30:00-01:00</IssuedAt>" },
		    { "<Until>2027-05-02</Until>", "<Until>2026-11-01</Until>" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "west of UTC, day before", REQ,
		  { { ISSUED, "<IssuedAt>2026-11-01T23:30:00-01:00</IssuedAt>" },
		    { "<Until>2027-05-02</Until>", "<Until>2026-10-31</Until>" } },
		  "LERQ-R017", ERR, "G§32", "/Request/Confidentiality/Until", "2026-10-31" },
	};
	RUN_CASES(state, cases);

	/* The spec's own example: 2026-03-01T00:30:00+01:00 is dated
	 * 2026-03-01. The rest of the base would trip R006 at this date, so
	 * only R017 runs. */
	static const char *const until[] = { "2026-03-01", "2026-02-28" };
	for (size_t i = 0; i < 2; i++) {
		char repl[64];
		snprintf(repl, sizeof(repl), "<Until>%s</Until>", until[i]);
		char *xml = document(REQ, (const struct edit[]){
			{ ISSUED, "<IssuedAt>2026-03-01T00:30:00+01:00</IssuedAt>" },
			{ "<Until>2027-05-02</Until>", repl } }, 2);
		struct lerq_report *r = run_one_rule(state, LERQ_R017, xml);
		if (i == 0)
			assert_no_findings(r);
		else
			assert_finding(assert_only_finding(r, "LERQ-R017"), "LERQ-R017", ERR,
			               "G§32", "/Request/Confidentiality/Until", "2026-02-28");
		lerq_report_free(r);
		free(xml);
	}
}

static void test_r019_authorisation_expired(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "the day before", REQ,
		  { { "<ValidUntil>2027-01-29", "<ValidUntil>2026-11-01" } },
		  "LERQ-R019", ERR, "G§18", "/Request/LegalBasis/Authorisation[1]/ValidUntil",
		  "Authorisation \"502 Gs 1873/26\" was valid until \"2026-11-01\"" },
		{ "the same day", REQ,
		  { { "<ValidUntil>2027-01-29", "<ValidUntil>2026-11-02" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "no ValidUntil", REQ, { { "      <ValidUntil>2027-01-29</ValidUntil>\n", "" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

#define PROVIDER_FR { "<Country>DE</Country>\n  </ServiceProvider>", \
	"<Country>FR</Country>\n  </ServiceProvider>" }
#define CHANNEL_247 { "<Channel>domestic", "<Channel>24-7-network" }

static void test_r021_preservation_beyond_90_days(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "91 days", PRES, { { "<Days>90", "<Days>91" } },
		  "LERQ-R021", WARN, "C-Art 16.2", "/Request/Preservation/Days",
		  "Preservation Days \"91\" is more than 90" },
		{ "exactly 90 days", PRES, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		{ "89 days", PRES, { { "<Days>90", "<Days>89" } }, NULL, 0, NULL, NULL, NULL },
		{ "the schema's 365 days", PRES, { { "<Days>90", "<Days>365" } },
		  "LERQ-R021", WARN, "C-Art 16.2", "/Request/Preservation/Days", "\"365\"" },
		{ "91 days with blanks and a zero", PRES, { { "<Days>90", "<Days> 091 " } },
		  "LERQ-R021", WARN, "C-Art 16.2", "/Request/Preservation/Days", "\"091\"" },
		/* Not R013: 91 days are more than the 60 a cross-border one needs. */
		{ "91 days abroad", PRES, { PROVIDER_FR, CHANNEL_247, { "<Days>90", "<Days>91" } },
		  "LERQ-R021", WARN, "C-Art 16.2", "/Request/Preservation/Days", "\"91\"" },
		/* Preservation terms in a disclosure request count too. */
		{ "120 days in a disclosure", REQ, { { "<Days>90", "<Days>120" } },
		  "LERQ-R021", WARN, "C-Art 16.2", "/Request/Preservation/Days", "\"120\"" },
		{ "no Preservation", REQ, { { "  <Preservation>@@</Preservation>\n", "" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);

	/* A value the schema refuses: the rule alone stays silent. */
	char *xml = document(PRES, (const struct edit[]){ { "<Days>90", "<Days>ninety" } }, 1);
	struct lerq_report *r = run_one_rule(state, LERQ_R021, xml);
	assert_no_findings(r);
	lerq_report_free(r);
	free(xml);
	xml = document(PRES, (const struct edit[]){ { "<Days>90", "<Days>99999999999999999999" } },
	               1);
	r = run_one_rule(state, LERQ_R021, xml);
	assert_no_findings(r);
	lerq_report_free(r);
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_r003_issued_in_future),
		cmocka_unit_test(test_r004_respond_by_not_after_issue),
		cmocka_unit_test(test_r005_routine_deadline_short),
		cmocka_unit_test(test_r006_data_time_order),
		cmocka_unit_test(test_r007_period_too_long),
		cmocka_unit_test(test_r017_confidentiality_ends_early),
		cmocka_unit_test(test_r019_authorisation_expired),
		cmocka_unit_test(test_r021_preservation_beyond_90_days),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
