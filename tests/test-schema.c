/* SPDX-License-Identifier: MIT */
/* LERQ-S001 and LERQ-S002: each with documents that trigger it and the
 * nearest ones that do not; messages in words, with line and path. */
#include <dirent.h>

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

/* The minimal valid request with the first `old` replaced by `new`. */
static char *minimal_with(const char *old, const char *new)
{
	char *src = test_slurp(DATA("schema/valid-minimal-request.xml"), NULL);
	char *p = strstr(src, old);
	if (p == NULL)
		fail_msg("'%s' not in the minimal request", old);
	size_t len = strlen(src) - strlen(old) + strlen(new) + 1;
	char *out = malloc(len);
	assert_non_null(out);
	snprintf(out, len, "%.*s%s%s", (int)(p - src), src, new, p + strlen(old));
	free(src);
	return out;
}

/* Line of the first occurrence of `needle` in `text`, 1-based. */
static unsigned long line_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	assert_non_null(p);
	unsigned long line = 1;
	for (const char *q = text; q < p; q++)
		line += *q == '\n';
	return line;
}

/* Every S001 message is written for people: no namespace URIs in braces,
 * none of libxml2's phrasing, a line and a path. */
static void assert_readable(const struct lerq_finding *f)
{
	const char *m = lerq_finding_message(f);
	assert_null(strstr(m, "{urn:"));
	assert_null(strstr(m, "Expected is"));
	assert_null(strstr(m, "atomic type"));
	assert_true(strlen(m) > 10);
	assert_true(lerq_finding_line(f) > 0);
	assert_true(lerq_finding_path(f)[0] == '/');
	assert_string_equal(lerq_finding_ref(f), "");
}

static void expect_s001(void **state, const char *file, const char *in_message)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", DATA("schema"), file);
	struct lerq_report *r = validate_path(*state, path);
	const struct lerq_finding *f = assert_has_finding(r, "LERQ-S001");
	for (size_t i = 0; i < lerq_report_count(r); i++) {
		assert_string_equal(lerq_finding_code(lerq_report_get(r, i)), "LERQ-S001");
		assert_readable(lerq_report_get(r, i));
	}
	if (strstr(lerq_finding_message(f), in_message) == NULL) {
		print_report(r);
		fail_msg("%s: message lacks '%s'", file, in_message);
	}
	assert_false(lerq_report_is_valid(r));
	lerq_report_free(r);
}

static void expect_clean(void **state, const char *file)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", DATA("schema"), file);
	struct lerq_report *r = validate_path(*state, path);
	assert_no_findings(r);
	assert_true(lerq_report_is_valid(r));
	lerq_report_free(r);
}

static void test_valid_documents(void **state)
{
	expect_clean(state, "valid-minimal-request.xml");
	expect_clean(state, "valid-minimal-response.xml");
	expect_clean(state, "valid-whitespace-country.xml");
	expect_clean(state, "valid-text-4000.xml");
}

static void test_s001_files(void **state)
{
	expect_s001(state, "s001-unknown-element.xml", "not allowed");
	expect_s001(state, "s001-missing-registration-number.xml", "RegistrationNumber");
	expect_s001(state, "s001-datetime-without-zone.xml", "time zone");
	expect_s001(state, "s001-bad-country-uk.xml", "\"UK\"");
	expect_s001(state, "s001-bad-e164.xml", "6 to 15 digits");
	expect_s001(state, "s001-wrong-order.xml", "expected");
	expect_s001(state, "s001-bad-enum-priority.xml", "one of");
	expect_s001(state, "s001-text-too-long.xml", "4001");
	expect_s001(state, "s001-missing-xml-lang.xml", "xml:lang");
	expect_s001(state, "s001-duplicate-item-id.xml", "id");
}

/* Every document in tests/data/schema is named for its verdict:
 * valid-* has no finding, s001-* only readable S001 findings, s002-*
 * exactly one S002. */
static void test_every_schema_document(void **state)
{
	DIR *d = opendir(DATA("schema"));
	assert_non_null(d);
	size_t n_valid = 0, n_s001 = 0, n_s002 = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		if (strncmp(name, "valid-", 6) == 0) {
			expect_clean(state, name);
			n_valid++;
		} else if (strncmp(name, "s001-", 5) == 0) {
			expect_s001(state, name, "");
			n_s001++;
		} else if (strncmp(name, "s002-", 5) == 0) {
			char path[512];
			snprintf(path, sizeof(path), "%s/%s", DATA("schema"), name);
			struct lerq_report *r = validate_path(*state, path);
			assert_only_finding(r, "LERQ-S002");
			lerq_report_free(r);
			n_s002++;
		}
	}
	closedir(d);
	assert_true(n_valid >= 4 && n_s001 >= 10 && n_s002 >= 4);
}

static void test_s001_line_and_path(void **state)
{
	char *xml = minimal_with("<Switchboard>+", "<Switchboard>00");
	struct lerq_report *r = validate_string(*state, xml);
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-S001");
	assert_int_equal(lerq_finding_line(f), line_of(xml, "<Switchboard>"));
	assert_string_equal(lerq_finding_path(f), "/Request/IssuingAuthority/Switchboard");
	assert_int_equal(lerq_finding_column(f), 5); /* after four blanks */
	assert_non_null(strstr(lerq_finding_message(f), "Switchboard"));
	assert_non_null(strstr(lerq_finding_message(f), "+4930123456"));
	lerq_report_free(r);
	free(xml);

	/* An attribute error points at the attribute. */
	xml = minimal_with("type=\"disclosure\"", "type=\"interception\"");
	r = validate_string(*state, xml);
	f = assert_only_finding(r, "LERQ-S001");
	assert_string_equal(lerq_finding_path(f), "/Request/@type");
	assert_non_null(strstr(lerq_finding_message(f), "interception"));
	assert_non_null(strstr(lerq_finding_message(f), "preservation"));
	lerq_report_free(r);
	free(xml);

	/* Columns stay right far into a document (libxml2's own byte count
	 * stops at 32,000). */
	char *comment = malloc(50000);
	assert_non_null(comment);
	memcpy(comment, "<!--", 4);
	memset(comment + 4, 'x', 40000);
	strcpy(comment + 40004, "-->\n    <Switchboard>00");
	xml = minimal_with("<Switchboard>+", comment);
	free(comment);
	r = validate_string(*state, xml);
	f = assert_only_finding(r, "LERQ-S001");
	assert_int_equal(lerq_finding_line(f), line_of(xml, "<Switchboard>"));
	assert_int_equal(lerq_finding_column(f), 5);
	lerq_report_free(r);
	free(xml);

	/* Columns count characters, not bytes: "Düsseldorf" is 10 wide. */
	xml = minimal_with("</Locality>", "</Locality><Bogus/>");
	r = validate_string(*state, xml);
	f = assert_only_finding(r, "LERQ-S001");
	assert_int_equal(lerq_finding_line(f), line_of(xml, "<Bogus/>"));
	assert_int_equal(lerq_finding_column(f), 38);
	assert_string_equal(lerq_finding_path(f), "/Request/IssuingAuthority/PostalAddress/Bogus");
	lerq_report_free(r);
	free(xml);

	/* Positions among same-named siblings, as recorded while parsing. */
	xml = minimal_with("</Contact>",
		"</Contact><Contact><Name>B</Name><Phone>+492119394102</Phone>"
		"<Email>b@polizei.nrw</Email></Contact>\n<Contact><Name>C</Name>"
		"<Phone>+492119394103</Phone><Email>c at polizei.nrw</Email></Contact>");
	r = validate_string(*state, xml);
	f = assert_only_finding(r, "LERQ-S001");
	assert_string_equal(lerq_finding_path(f), "/Request/IssuingAuthority/Contact[3]/Email");
	assert_int_equal(lerq_finding_line(f), line_of(xml, "c at polizei"));
	lerq_report_free(r);
	free(xml);

	/* A repeatable element carries its position. */
	xml = minimal_with("<Email>", "<Email>not-an-address ");
	r = validate_string(*state, xml);
	f = assert_has_finding(r, "LERQ-S001");
	assert_string_equal(lerq_finding_path(f), "/Request/IssuingAuthority/Contact[1]/Email");
	lerq_report_free(r);
	free(xml);
}

static void test_s001_whitespace_collapsed(void **state)
{
	/* xs:token semantics: surrounding blanks do not matter, blank values
	 * are empty. */
	char *xml = minimal_with("<RegistrationNumber>", "<RegistrationNumber>\n   ");
	struct lerq_report *r = validate_string(*state, xml);
	assert_no_findings(r);
	lerq_report_free(r);
	free(xml);

	xml = minimal_with("<Offence category=\"computer-related-fraud\">",
	                   "<Offence category=\"computer-related-fraud\">   </Offence><Offence category=\"other\">");
	r = validate_string(*state, xml);
	const struct lerq_finding *f = assert_has_finding(r, "LERQ-S001");
	assert_non_null(strstr(lerq_finding_message(f), "empty"));
	lerq_report_free(r);
	free(xml);
}

static void expect_s002(void **state, const char *file)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", DATA("schema"), file);
	struct lerq_report *r = validate_path(*state, path);
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-S002");
	assert_true(lerq_finding_line(f) > 0);
	lerq_report_free(r);
}

static void test_s002(void **state)
{
	expect_s002(state, "s002-wrong-namespace.xml");
	expect_s002(state, "s002-wrong-root.xml");
	expect_s002(state, "s002-version-2.xml");
	expect_s002(state, "s002-no-version.xml");
	/* A plain XHTML page is not a lerq document either. */
	struct lerq_report *r = validate_string(*state,
		"<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>");
	assert_only_finding(r, "LERQ-S002");
	lerq_report_free(r);
	/* Nearest that passes: version with blanks around it. */
	char *xml = minimal_with("xmlns=\"urn:lerq:xml:1\" version=\"1.0\"",
	                         "xmlns=\"urn:lerq:xml:1\" version=\" 1.0 \"");
	r = validate_string(*state, xml);
	assert_no_findings(r);
	lerq_report_free(r);
	free(xml);
}

static void test_ignored_pi_and_schema_location(void **state)
{
	/* Never followed: an xml-stylesheet PI and xsi:schemaLocation. */
	char *xml = minimal_with("<Request ",
		"<?xml-stylesheet href=\"http://127.0.0.1:9/x.xsl\"?>\n"
		"<Request xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
		"xsi:schemaLocation=\"urn:lerq:xml:1 http://127.0.0.1:9/x.xsd\" ");
	struct lerq_report *r = validate_string(*state, xml);
	assert_no_findings(r);
	lerq_report_free(r);
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_documents),
		cmocka_unit_test(test_s001_files),
		cmocka_unit_test(test_every_schema_document),
		cmocka_unit_test(test_s001_line_and_path),
		cmocka_unit_test(test_s001_whitespace_collapsed),
		cmocka_unit_test(test_s002),
		cmocka_unit_test(test_ignored_pi_and_schema_location),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
