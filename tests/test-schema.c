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

/* A test document with the first `old` replaced by `new`. */
static char *file_with(const char *path, const char *old, const char *new)
{
	char *src = test_slurp(path, NULL);
	char *p = strstr(src, old);
	if (p == NULL)
		fail_msg("'%s' not in %s", old, path);
	size_t len = strlen(src) - strlen(old) + strlen(new) + 1;
	char *out = malloc(len);
	assert_non_null(out);
	snprintf(out, len, "%.*s%s%s", (int)(p - src), src, new, p + strlen(old));
	free(src);
	return out;
}

/* The minimal valid request with the first `old` replaced by `new`. */
static char *minimal_with(const char *old, const char *new)
{
	return file_with(DATA("schema/valid-minimal-request.xml"), old, new);
}

/* The request with every optional element, revision 1.1 ones included. */
static char *all_with(const char *old, const char *new)
{
	return file_with(DATA("schema/valid-all-optional-elements.xml"), old, new);
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


/* Revision 1.1: the five new elements, each where section 2 puts it. */
static void test_revision_1_1_valid(void **state)
{
	expect_clean(state, "valid-all-optional-elements.xml");
	expect_clean(state, "valid-all-optional-response.xml");

	/* Every new element is optional: the 1.0 document with all optional
	 * elements is still valid; its only finding is R022, a warning. */
	struct lerq_report *r = validate_path(*state, DATA("schema/revision-1.0-all-optional.xml"));
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-R022");
	assert_int_equal(lerq_finding_severity(f), LERQ_SEVERITY_WARNING);
	assert_string_equal(lerq_finding_path(f), "/Request/Emergency");
	assert_true(lerq_report_is_valid(r));
	lerq_report_free(r);

	/* A Contact with a ServiceNumber, in the minimal request too. */
	char *xml = minimal_with("</Email>", "</Email>\n      <ServiceNumber> 4711 </ServiceNumber>");
	r = validate_string(*state, xml);
	assert_no_findings(r);
	lerq_report_free(r);
	free(xml);

	/* Each Threat value. */
	static const char *const threats[] = {
		"death", "serious-injury", "child-safety", "critical-infrastructure", "other",
	};
	for (size_t i = 0; i < sizeof(threats) / sizeof(threats[0]); i++) {
		char t[64];
		snprintf(t, sizeof(t), "<Threat>%s</Threat>", threats[i]);
		xml = all_with("<Threat>death</Threat>", t);
		r = validate_string(*state, xml);
		assert_no_findings(r);
		lerq_report_free(r);
		free(xml);
	}
}

/* An S001 finding on the modified document, with its path and words. */
static void expect_s001_at(void **state, char *xml, const char *path, const char *needle,
                           const char *needle2)
{
	struct lerq_report *r = validate_string(*state, xml);
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-S001");
	assert_readable(f);
	if (strcmp(lerq_finding_path(f), path) != 0 ||
	    strstr(lerq_finding_message(f), needle) == NULL ||
	    (needle2 && strstr(lerq_finding_message(f), needle2) == NULL)) {
		print_report(r);
		fail_msg("expected S001 at %s naming '%s'%s%s", path, needle,
		         needle2 ? " and " : "", needle2 ? needle2 : "");
	}
	lerq_report_free(r);
	free(xml);
}

/* Lines of valid-all-optional-elements.xml, moved or changed below. */
#define EMAIL_LINE "      <Email>anna.becker@polizei.nrw</Email>\n"
#define SERVICE_NUMBER_LINE "      <ServiceNumber>NRW-4711/B</ServiceNumber>\n"
#define SUMMARY_LINE "    <Summary>Phishing e-mails were sent from the mailbox below.</Summary>\n"
#define CASE_REFERENCE_LINE "    <CaseReference>LKA-NRW:EV/2026/118</CaseReference>\n"
#define JUSTIFICATION_LINE "    <Justification>A life is at risk.</Justification>\n"
#define THREAT_LINE "    <Threat>death</Threat>\n"
#define SUPERVISOR_ROLE_LINE "      <Role>Head of the Cybercrime Competence Centre</Role>\n"
#define REASON_LINE \
	"    <Reason>Informing the subscriber would endanger the investigation.</Reason>\n"
#define SECRECY_PROVISION(j) \
	"<Provision jurisdiction=\"" j "\">\n      <Instrument>Telecommunications"

static void test_revision_1_1_refused(void **state)
{
	/* ServiceNumber is the last child of Contact. */
	expect_s001_at(state,
		all_with(EMAIL_LINE SERVICE_NUMBER_LINE, SERVICE_NUMBER_LINE EMAIL_LINE),
		"/Request/IssuingAuthority/Contact[1]/ServiceNumber",
		"ServiceNumber is not allowed here in Contact", "Email");
	/* A ref: no spaces, at most 64 characters. */
	expect_s001_at(state, all_with("NRW-4711/B", "NRW 4711 B"),
		"/Request/IssuingAuthority/Contact[1]/ServiceNumber",
		"\"NRW 4711 B\" is not a badge or service number", NULL);
	expect_s001_at(state,
		all_with("NRW-4711/B",
		         "A1234567890123456789012345678901234567890123456789012345678901234"),
		"/Request/IssuingAuthority/Contact[1]/ServiceNumber",
		"ServiceNumber (in Contact)", "service number");
	/* Only one per Contact. */
	expect_s001_at(state,
		all_with(SERVICE_NUMBER_LINE, SERVICE_NUMBER_LINE "<ServiceNumber>2</ServiceNumber>"),
		"/Request/IssuingAuthority/Contact[1]/ServiceNumber[2]",
		"ServiceNumber is not allowed here in Contact", NULL);
	/* In a response's Responder too. */
	expect_s001_at(state,
		file_with(DATA("schema/valid-all-optional-response.xml"), "ARO-17", "ARO 17"),
		"/Response/Responder/Contact[1]/ServiceNumber",
		"\"ARO 17\" is not a badge or service number", NULL);

	/* CaseReference follows Summary, and is a ref. */
	expect_s001_at(state,
		all_with(SUMMARY_LINE CASE_REFERENCE_LINE, CASE_REFERENCE_LINE SUMMARY_LINE),
		"/Request/Investigation/Summary",
		"Summary is not allowed here in Investigation", NULL);
	expect_s001_at(state, all_with("LKA-NRW:EV/2026/118", "EV 2026 118"),
		"/Request/Investigation/CaseReference",
		"\"EV 2026 118\" is not a file number", NULL);

	/* Threat: one of five words, between Justification and OralRequest. */
	expect_s001_at(state, all_with("<Threat>death</Threat>", "<Threat>kidnapping</Threat>"),
		"/Request/Emergency/Threat", "\"kidnapping\" is not allowed",
		"death, serious-injury, child-safety, critical-infrastructure, other");
	expect_s001_at(state,
		all_with(JUSTIFICATION_LINE THREAT_LINE, THREAT_LINE JUSTIFICATION_LINE),
		"/Request/Emergency/Threat", "Threat is not allowed here in Emergency",
		"Justification");
	{
		char *xml = all_with("    <Threat>death</Threat>\n", "");
		char *moved = NULL;
		const char *p = strstr(xml, "    </OralRequest>\n");
		assert_non_null(p);
		p += strlen("    </OralRequest>\n");
		assert_true(asprintf(&moved, "%.*s    <Threat>death</Threat>\n%s", (int)(p - xml),
		                     xml, p) > 0);
		free(xml);
		expect_s001_at(state, moved, "/Request/Emergency/Threat",
		               "Threat is not allowed here in Emergency", "Supervisor");
	}

	/* Supervisor follows OralRequest and has Name, Role and Phone. */
	{
		char *xml = all_with("    <OralRequest>\n"
		                     "      <At>2026-11-02T08:55:00+01:00</At>\n"
		                     "      <ReceivedBy>Sabine Krämer</ReceivedBy>\n"
		                     "    </OralRequest>\n", "");
		char *moved = NULL;
		const char *p = strstr(xml, "    </Supervisor>\n");
		assert_non_null(p);
		p += strlen("    </Supervisor>\n");
		assert_true(asprintf(&moved, "%.*s    <OralRequest><At>2026-11-02T08:55:00+01:00</At>"
		                     "<ReceivedBy>Sabine Krämer</ReceivedBy></OralRequest>\n%s",
		                     (int)(p - xml), xml, p) > 0);
		free(xml);
		expect_s001_at(state, moved, "/Request/Emergency/OralRequest",
		               "OralRequest is not allowed here in Emergency", NULL);
	}
	expect_s001_at(state, all_with("      <Phone>+492119394100</Phone>\n", ""),
		"/Request/Emergency/Supervisor", "Supervisor is incomplete", "Phone");
	expect_s001_at(state, all_with(SUPERVISOR_ROLE_LINE "      <Phone>+492119394100</Phone>",
	                               "      <Phone>+492119394100</Phone>"),
		"/Request/Emergency/Supervisor/Phone", "Phone is not allowed here in Supervisor",
		"Role");
	expect_s001_at(state, all_with("+492119394100", "0211 939 4100"),
		"/Request/Emergency/Supervisor/Phone", "Phone (in Supervisor)", "6 to 15 digits");
	/* (AuthorisedBy has the same Name and Role; the Phone tells them apart.) */
	expect_s001_at(state, all_with("<Name>Thomas Westermann</Name>\n" SUPERVISOR_ROLE_LINE
	                               "      <Phone>",
	                               "<Name> </Name>\n" SUPERVISOR_ROLE_LINE "      <Phone>"),
		"/Request/Emergency/Supervisor/Name", "Name (in Supervisor) is empty", NULL);

	/* Confidentiality/Provision follows Reason and is a LegalBasis provision. */
	{
		char *xml = all_with(REASON_LINE, "");
		char *moved = NULL;
		const char *p = strstr(xml, "  </Confidentiality>\n");
		assert_non_null(p);
		assert_true(asprintf(&moved, "%.*s" REASON_LINE "%s", (int)(p - xml), xml, p) > 0);
		free(xml);
		expect_s001_at(state, moved, "/Request/Confidentiality/Reason",
		               "Reason is not allowed here in Confidentiality", "Provision");
	}
	expect_s001_at(state, all_with(SECRECY_PROVISION("DE"), SECRECY_PROVISION("EU")),
		"/Request/Confidentiality/Provision[1]/@jurisdiction", "\"EU\"", "INT");
	expect_s001_at(state, all_with(SECRECY_PROVISION("DE"),
	                               "<Provision>\n      <Instrument>Telecommunications"),
		"/Request/Confidentiality/Provision[1]",
		"lacks its required attribute jurisdiction",
		NULL);
	expect_s001_at(state, all_with("      <Article>174(8)</Article>\n", ""),
		"/Request/Confidentiality/Provision[1]", "Provision is incomplete", "Article");
	/* Not before Until either. */
	expect_s001_at(state, all_with("    <Until>2027-05-02</Until>\n",
	                               "    <Provision jurisdiction=\"DE\"><Instrument>TKG"
	                               "</Instrument><Article>174</Article></Provision>\n"
	                               "    <Until>2027-05-02</Until>\n"),
		"/Request/Confidentiality/Until", "Until is not allowed here in Confidentiality",
		NULL);
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
		cmocka_unit_test(test_revision_1_1_valid),
		cmocka_unit_test(test_revision_1_1_refused),
		cmocka_unit_test(test_ignored_pi_and_schema_location),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
