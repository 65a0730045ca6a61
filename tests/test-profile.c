/* SPDX-License-Identifier: MIT */
/* National profiles: every supported Schematron construct, the severity
 * change of a built-in rule, and profiles that are refused with their
 * line. */
#include "lerq-test.h"

#define SCH_OPEN "<schema xmlns='http://purl.oclc.org/dsdl/schematron' " \
                 "xmlns:lerq='urn:lerq:profile:1'><ns prefix='l' uri='urn:lerq:xml:1'/>"
#define SCH_CLOSE "</schema>"

static struct lerq_ctx *ctx_with(const char *profile)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_report *problems = NULL;
	int r = lerq_ctx_load_profile_memory(ctx, profile, strlen(profile), &problems);
	if (r != LERQ_OK) {
		if (problems)
			print_report(problems);
		fail_msg("profile refused: %s", lerq_strerror(r));
	}
	assert_null(problems);
	return ctx;
}

/* The report of the minimal request under a profile. */
static struct lerq_report *run_minimal(const char *profile)
{
	struct lerq_ctx *ctx = ctx_with(profile);
	struct lerq_report *r = validate_path(ctx, DATA("schema/valid-minimal-request.xml"));
	lerq_ctx_free(ctx);
	return r;
}

static const struct lerq_finding *only(const struct lerq_report *r, const char *code)
{
	return assert_only_finding(r, code);
}

static void test_example_profile(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_report *problems = NULL;
	assert_int_equal(lerq_ctx_load_profile(ctx, EXAMPLE("national-profile.sch"), &problems),
	                 LERQ_OK);
	assert_null(problems);

	/* The cross-border example asks for traffic data without a judicial
	 * order: the profile's NAT-001, on the Item, with its own ref. */
	struct lerq_report *r = validate_path(ctx, EXAMPLE("cross-border-request.xml"));
	const struct lerq_finding *f = assert_has_finding(r, "NAT-001");
	assert_int_equal(lerq_finding_severity(f), LERQ_SEVERITY_ERROR);
	assert_string_equal(lerq_finding_ref(f), "StPO §100g");
	assert_non_null(strstr(lerq_finding_path(f), "/Request/DataRequested/Item["));
	assert_true(lerq_finding_line(f) > 0 && lerq_finding_column(f) > 0);
	assert_non_null(strstr(lerq_finding_message(f), "Item x1 asks for traffic data"));
	assert_false(lerq_report_is_valid(r));
	lerq_report_free(r);

	/* The disclosure example has its court order and a RespondBy. */
	r = validate_path(ctx, EXAMPLE("disclosure-request.xml"));
	assert_no_findings(r);
	lerq_report_free(r);
	lerq_ctx_free(ctx);
}

static void test_assert_and_report(void **state)
{
	/* assert fires when its test is false, report when true. */
	struct lerq_report *r = run_minimal(SCH_OPEN
		"<pattern><rule context='l:Request'>"
		"<assert id='A-1' test='l:RespondBy'>needs RespondBy</assert>"
		"<assert id='A-2' test='l:RegistrationNumber'>never</assert>"
		"<report id='A-3' flag='warning' test='l:Priority = \"routine\"'>routine</report>"
		"<report id='A-4' test='l:Priority = \"urgent\"'>never</report>"
		"</rule></pattern>" SCH_CLOSE);
	assert_int_equal(lerq_report_count(r), 2);
	const struct lerq_finding *a1 = lerq_report_get(r, 0);
	const struct lerq_finding *a3 = lerq_report_get(r, 1);
	assert_string_equal(lerq_finding_code(a1), "A-1");
	assert_int_equal(lerq_finding_severity(a1), LERQ_SEVERITY_ERROR); /* no flag */
	assert_string_equal(lerq_finding_message(a1), "needs RespondBy");
	assert_string_equal(lerq_finding_path(a1), "/Request");
	assert_string_equal(lerq_finding_ref(a1), "");
	assert_string_equal(lerq_finding_code(a3), "A-3");
	assert_int_equal(lerq_finding_severity(a3), LERQ_SEVERITY_WARNING);
	assert_int_equal(lerq_report_errors(r), 1);
	assert_int_equal(lerq_report_warnings(r), 1);
	lerq_report_free(r);
}

static void test_value_of_and_name(void **state)
{
	struct lerq_report *r = run_minimal(SCH_OPEN
		"<pattern><rule context='l:Contact'>"
		"<report id='V-1' test='true()'>  <name/> of\n <name path='..'/>:"
		" <value-of select='l:Name'/> ( <value-of select='string-length(l:Email)'/> )</report>"
		"</rule></pattern>" SCH_CLOSE);
	const struct lerq_finding *f = only(r, "V-1");
	/* Whitespace collapsed into one sentence. */
	assert_string_equal(lerq_finding_message(f), "Contact of IssuingAuthority: Anna Becker ( 23 )");
	assert_string_equal(lerq_finding_path(f), "/Request/IssuingAuthority/Contact[1]");
	lerq_report_free(r);
}

static void test_let_at_every_level(void **state)
{
	struct lerq_report *r = run_minimal(SCH_OPEN
		"<let name='country' value='string(//l:IssuingAuthority//l:Country)'/>"
		"<pattern><let name='items' value='count(//l:Item)'/>"
		"<rule context='l:ServiceProvider'>"
		"<let name='here' value='string(l:Country)'/>"
		"<let name='same' value='$here = $country'/>"
		"<report id='L-1' test='$same and $items = 1'>"
		"<value-of select='$country'/>/<value-of select='$here'/>/<value-of select='$items'/>"
		"</report></rule></pattern>" SCH_CLOSE);
	assert_string_equal(lerq_finding_message(only(r, "L-1")), "DE/DE/1");
	lerq_report_free(r);
}

static void test_first_matching_rule_wins(void **state)
{
	/* Both rules match the one Item; only the first applies to it, and
	 * the second still applies to what the first did not take. A
	 * predicate and a union in the contexts. */
	struct lerq_report *r = run_minimal(SCH_OPEN
		"<pattern>"
		"<rule context='l:Item[@category = \"subscriber\"]'>"
		"<report id='F-1' test='true()'>first</report></rule>"
		"<rule context='l:Item | l:Offence'>"
		"<report id='F-2' test='true()'><name/></report></rule>"
		"</pattern>"
		"<pattern><rule context='l:Item'><report id='F-3' test='true()'>other pattern</report>"
		"</rule></pattern>" SCH_CLOSE);
	assert_int_equal(lerq_report_count(r), 3);
	assert_string_equal(lerq_finding_code(lerq_report_get(r, 0)), "F-1");
	assert_string_equal(lerq_finding_code(lerq_report_get(r, 1)), "F-2");
	assert_string_equal(lerq_finding_message(lerq_report_get(r, 1)), "Offence");
	assert_string_equal(lerq_finding_code(lerq_report_get(r, 2)), "F-3");
	lerq_report_free(r);
}

static void test_profiles_skip_invalid_documents(void **state)
{
	/* Like the rules, a profile runs only on documents that pass the
	 * schema. */
	struct lerq_ctx *ctx = ctx_with(SCH_OPEN
		"<pattern><rule context='/*'><report id='Z-1' test='true()'>x</report></rule>"
		"</pattern>" SCH_CLOSE);
	struct lerq_report *r = validate_path(ctx, DATA("schema/s001-bad-e164.xml"));
	only(r, "LERQ-S001");
	lerq_report_free(r);
	lerq_ctx_free(ctx);
}

static struct lerq_report *refused(const char *profile, size_t expected_problems)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_report *problems = NULL;
	assert_int_equal(lerq_ctx_load_profile_memory(ctx, profile, strlen(profile), &problems),
	                 LERQ_EINVAL);
	assert_non_null(problems);
	if (lerq_report_count(problems) != expected_problems) {
		print_report(problems);
		fail_msg("expected %zu problems", expected_problems);
	}
	/* A refused profile changes nothing. */
	struct lerq_report *r = validate_path(ctx, DATA("schema/valid-minimal-request.xml"));
	assert_no_findings(r);
	lerq_report_free(r);
	lerq_ctx_free(ctx);
	return problems;
}

static void test_refused_with_lines(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_report *p = NULL;
	assert_int_equal(lerq_ctx_load_profile(ctx, DATA("profile/bad-constructs.sch"), &p),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_report_count(p), 6);
	static const unsigned long lines[] = { 6, 8, 12, 13, 14, 15 };
	static const char *const words[] = { "<phase>", "l:Item[", "needs an id", "fatal",
	                                     "count(l:Item)", "<emph>" };
	for (size_t i = 0; i < 6; i++) {
		const struct lerq_finding *f = lerq_report_get(p, i);
		assert_string_equal(lerq_finding_code(f), "LERQ-C001");
		assert_int_equal(lerq_finding_line(f), lines[i]);
		assert_non_null(strstr(lerq_finding_message(f), words[i]));
	}
	lerq_report_free(p);

	assert_int_equal(lerq_ctx_load_profile(ctx, DATA("profile/undefined-prefix.sch"), &p),
	                 LERQ_EINVAL);
	assert_non_null(strstr(lerq_finding_message(lerq_report_get(p, 0)), "namespace prefix"));
	assert_int_equal(lerq_finding_line(lerq_report_get(p, 0)), 6);
	lerq_report_free(p);

	/* A profile is parsed as safely as a document. */
	assert_int_equal(lerq_ctx_load_profile(ctx, DATA("hostile/xxe-file.xml"), &p), LERQ_EINVAL);
	assert_only_finding(p, "LERQ-P002");
	lerq_report_free(p);

	assert_int_equal(lerq_ctx_load_profile(ctx, DATA("profile/missing.sch"), &p), LERQ_EIO);
	assert_null(p);
	lerq_ctx_free(ctx);

	lerq_report_free(refused("<schema xmlns='http://purl.oclc.org/dsdl/schematron' "
	                         "queryBinding='xslt2'/>", 1));
	lerq_report_free(refused("<rules/>", 1));
	lerq_report_free(refused(SCH_OPEN "<lerq:severity code='LERQ-R009'/>" SCH_CLOSE, 1));
	lerq_report_free(refused(SCH_OPEN "<lerq:severity code='LERQ-S001' flag='warning'/>"
	                         SCH_CLOSE, 1));
	lerq_report_free(refused(SCH_OPEN "<pattern><rule context='l:Item'>"
	                         "<assert id='U-1' test='no-such-function()'>x</assert>"
	                         "</rule></pattern>" SCH_CLOSE, 0 + 1));
}

/* Issue 13: profiles may not pass findings off as lerq's, and a let
 * that uses itself or a later let is refused when loaded. */
static void test_refused_hostile(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_report *p = NULL;
	assert_int_equal(lerq_ctx_load_profile(ctx, DATA("profile/hostile-builtin-code.sch"), &p),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_report_count(p), 2);
	assert_int_equal(lerq_finding_line(lerq_report_get(p, 0)), 8);
	assert_non_null(strstr(lerq_finding_message(lerq_report_get(p, 0)), "LERQ-P002"));
	assert_int_equal(lerq_finding_line(lerq_report_get(p, 1)), 9);
	lerq_report_free(p);

	assert_int_equal(lerq_ctx_load_profile(ctx, DATA("profile/hostile-let-recursion.sch"), &p),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_report_count(p), 2);
	assert_string_equal(lerq_finding_code(lerq_report_get(p, 0)), "LERQ-C001");
	assert_int_equal(lerq_finding_line(lerq_report_get(p, 0)), 6);
	assert_non_null(strstr(lerq_finding_message(lerq_report_get(p, 0)), "never itself"));
	assert_int_equal(lerq_finding_line(lerq_report_get(p, 1)), 8);
	lerq_report_free(p);
	lerq_ctx_free(ctx);

	/* <lerq:severity> is still the way to change a built-in code. */
	struct lerq_report *r = run_minimal(SCH_OPEN "<lerq:severity code='LERQ-R018' "
	                                    "flag='error'/>" SCH_CLOSE);
	assert_no_findings(r);
	lerq_report_free(r);

	/* At most 256 lets. */
	size_t cap = 300 * 64 + 256;
	char *big = malloc(cap);
	assert_non_null(big);
	size_t len = (size_t)snprintf(big, cap, "%s", SCH_OPEN);
	for (int i = 0; i < 300; i++)
		len += (size_t)snprintf(big + len, cap - len, "<let name='v%d' value='1'/>", i);
	snprintf(big + len, cap - len, "%s", SCH_CLOSE);
	p = refused(big, 1);
	assert_non_null(strstr(lerq_finding_message(lerq_report_get(p, 0)), "at most 256"));
	lerq_report_free(p);
	free(big);
}

/* Issue 13: a profile's memory is bounded (30 doublings reached 3.1 GB),
 * and stopping it says so instead of "internal error". */
static void test_memory_bounded(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_report *p = NULL;
	assert_int_equal(lerq_ctx_load_profile(ctx, DATA("profile/hostile-doubling.sch"), &p),
	                 LERQ_OK);
	struct lerq_report *r = validate_path(ctx, DATA("schema/valid-minimal-request.xml"));
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-C001");
	assert_int_equal(lerq_finding_severity(f), LERQ_SEVERITY_ERROR);
	/* a17 is the first over 1 MiB (16 bytes * 2^17). */
	assert_non_null(strstr(lerq_finding_message(f), "line 23"));
	assert_non_null(strstr(lerq_finding_message(f), "over 1 MiB"));
	assert_false(lerq_report_is_valid(r));
	lerq_report_free(r);
	lerq_ctx_free(ctx);

	/* One concat of many big arguments stops before it allocates. */
	r = run_minimal(SCH_OPEN "<let name='a' value='concat(/, /, /, /)'/>"
	                "<let name='b' value='substring(concat($a, $a), 1, 2)'/>"
	                "<pattern><rule context='l:Request'>"
	                "<report id='X-1' test='$b = \"\"'>x</report></rule></pattern>" SCH_CLOSE);
	/* The document is small: nothing is over the cap. */
	assert_no_findings(r);
	lerq_report_free(r);
	char *many = malloc(70000);
	assert_non_null(many);
	size_t len = (size_t)snprintf(many, 70000, "%s<let name='a' value=\"concat('%0*d'",
	                              SCH_OPEN, 60000, 0);
	len += (size_t)snprintf(many + len, 70000 - len, ", '')\"/>");
	len += (size_t)snprintf(many + len, 70000 - len,
	                        "<let name='b' value='concat($a,$a,$a,$a,$a,$a,$a,$a,$a,$a,"
	                        "$a,$a,$a,$a,$a,$a,$a,$a,$a,$a)'/>%s", SCH_CLOSE);
	r = run_minimal(many);
	f = assert_only_finding(r, "LERQ-C001");
	assert_non_null(strstr(lerq_finding_message(f), "over 1 MiB"));
	lerq_report_free(r);
	free(many);
}

/* Issue 13: <value-of select="/"/> on every node was quadratic; each
 * value is cut at 80 bytes and the document's messages share a budget. */
static void test_messages_bounded(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_report *p = NULL;
	assert_int_equal(lerq_ctx_load_profile(ctx, DATA("profile/hostile-value-of-root.sch"), &p),
	                 LERQ_OK);
	struct lerq_report *r = validate_path(ctx, EXAMPLE("disclosure-request.xml"));
	assert_true(lerq_report_count(r) > 50);
	for (size_t i = 0; i < lerq_report_count(r); i++) {
		const struct lerq_finding *f = lerq_report_get(r, i);
		assert_string_equal(lerq_finding_code(f), "X-1");
		/* 80 bytes and "...". */
		assert_true(strlen(lerq_finding_message(f)) <= 83);
		assert_non_null(strstr(lerq_finding_message(f), "..."));
	}
	lerq_report_free(r);
	lerq_ctx_free(ctx);

	/* A short value is whole, and a string value reads its text in
	 * document order. */
	r = run_minimal(SCH_OPEN "<pattern><rule context='l:Request'><report id='X-1' "
	                "test='true()'>[<value-of select='l:ServiceProvider'/>]"
	                "[<value-of select='count(l:*)'/>]</report></rule></pattern>" SCH_CLOSE);
	const struct lerq_finding *f = only(r, "X-1");
	assert_string_equal(lerq_finding_message(f), "[ Rheinwelle Kommunikation GmbH DE ][8]");
	lerq_report_free(r);
}

static void test_bad_arguments(void **state)
{
	struct lerq_report *p = (struct lerq_report *)1;
	assert_int_equal(lerq_ctx_load_profile(NULL, "x", &p), LERQ_EINVAL);
	assert_null(p);
	struct lerq_ctx *ctx = test_ctx();
	assert_int_equal(lerq_ctx_load_profile(ctx, NULL, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_ctx_load_profile_memory(ctx, NULL, 3, NULL), LERQ_EINVAL);
	lerq_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_profile),
		cmocka_unit_test(test_assert_and_report),
		cmocka_unit_test(test_value_of_and_name),
		cmocka_unit_test(test_let_at_every_level),
		cmocka_unit_test(test_first_matching_rule_wins),
		cmocka_unit_test(test_profiles_skip_invalid_documents),
		cmocka_unit_test(test_refused_with_lines),
		cmocka_unit_test(test_refused_hostile),
		cmocka_unit_test(test_memory_bounded),
		cmocka_unit_test(test_messages_bounded),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
