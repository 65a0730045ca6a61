/* SPDX-License-Identifier: MIT */
/* The rules beyond the schema, part one: the code table against the spec,
 * the source of a request (R001, R002, R018), the data requested
 * (R008-R012, R016), borders, law and priority (R013-R015, R020, R022), and
 * the runner
 * (document order, schema first, roots, threads). Times are in
 * test-rules-time.c, responses in test-rules-response.c.
 * For each rule, a document that triggers it and the nearest ones that
 * do not (tests/rules-test.h builds them from one valid base). */
#include <pthread.h>

#include "rules-test.h"

static void test_bases_are_clean(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "disclosure", REQ, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		{ "preservation", PRES, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		{ "release", REL, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		{ "response", RSP, { { 0 } }, NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

/* Every code of the spec's table, with its severity and ref. */
static void test_code_table_matches_spec(void **state)
{
	static const struct {
		enum lerq_code code;
		const char *name;
		enum lerq_severity severity;
		const char *ref;
	} spec[] = {
		{ LERQ_R001, "LERQ-R001", ERR, "G§24" },
		{ LERQ_R002, "LERQ-R002", WARN, "G§24" },
		{ LERQ_R003, "LERQ-R003", ERR, "G§25" },
		{ LERQ_R004, "LERQ-R004", ERR, "G§31" },
		{ LERQ_R005, "LERQ-R005", WARN, "G§31" },
		{ LERQ_R006, "LERQ-R006", ERR, "G§27" },
		{ LERQ_R007, "LERQ-R007", WARN, "G§27" },
		{ LERQ_R008, "LERQ-R008", ERR, "G§27" },
		{ LERQ_R009, "LERQ-R009", WARN, "G§27" },
		{ LERQ_R010, "LERQ-R010", ERR, "G§27" },
		{ LERQ_R011, "LERQ-R011", ERR, "C-Art 15" },
		{ LERQ_R012, "LERQ-R012", ERR, "C-Art 29.2" },
		{ LERQ_R013, "LERQ-R013", ERR, "C-Art 29.7" },
		{ LERQ_R014, "LERQ-R014", ERR, "G§36" },
		{ LERQ_R015, "LERQ-R015", ERR, "G§34" },
		{ LERQ_R015_WARNING, "LERQ-R015", WARN, "G§34" },
		{ LERQ_R016, "LERQ-R016", ERR, "G§35" },
		{ LERQ_R017, "LERQ-R017", ERR, "G§32" },
		{ LERQ_R018, "LERQ-R018", WARN, "G§24" },
		{ LERQ_R019, "LERQ-R019", ERR, "G§18" },
		{ LERQ_R020, "LERQ-R020", WARN, "G§26" },
		{ LERQ_R021, "LERQ-R021", WARN, "C-Art 16.2" },
		{ LERQ_R022, "LERQ-R022", WARN, "G§24, G§34" },
		{ LERQ_R023, "LERQ-R023", ERR, "G§27" },
		{ LERQ_R024, "LERQ-R024", ERR, "G§24" },
		{ LERQ_R101, "LERQ-R101", ERR, "G§57" },
		{ LERQ_R102, "LERQ-R102", ERR, "C-Art 29.7" },
		{ LERQ_R103, "LERQ-R103", ERR, "G§54" },
		{ LERQ_R104, "LERQ-R104", ERR, "G§53" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(spec) / sizeof(spec[0]); i++) {
		const struct lerq__code_info *info = lerq__code_info(spec[i].code);
		assert_string_equal(info->code, spec[i].name);
		assert_int_equal(info->severity, spec[i].severity);
		assert_string_equal(info->ref, spec[i].ref);
		assert_true(info->title != NULL && info->title[0] != '\0');
	}
	/* No hole in the table, and every rule of the table has a code. */
	for (int c = 0; c < LERQ_CODE_COUNT; c++)
		assert_non_null(lerq__code_info((enum lerq_code)c)->code);
	for (size_t i = 0; i < lerq__rule_table_count; i++)
		assert_true(lerq__rule_table[i].code < LERQ_CODE_COUNT);
}


static void test_r001_personal_mailbox(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "gmail", REQ, { { OWN, "anna.k@gmail.com" } },
		  "LERQ-R001", ERR, "G§24", EMAIL, "\"anna.k@gmail.com\"" },
		{ "upper-case domain", REQ, { { OWN, "Anna.K@GMAIL.COM" } },
		  "LERQ-R001", ERR, "G§24", EMAIL, "Anna.K@GMAIL.COM" },
		{ "yahoo under a two-level suffix", REQ, { { OWN, "anna@yahoo.co.uk" } },
		  "LERQ-R001", ERR, "G§24", EMAIL, "anna@yahoo.co.uk" },
		{ "whitespace around the value", REQ, { { OWN, "\n  anna@gmx.de  " } },
		  "LERQ-R001", ERR, "G§24", EMAIL, "\"anna@gmx.de\"" },
		{ "second contact", REQ,
		  { { "  </IssuingAuthority>",
		      "    <Contact><Name>B</Name><Phone>+4921100000</Phone>"
		      "<Email>duty@outlook.com</Email></Contact>\n  </IssuingAuthority>" } },
		  "LERQ-R001", ERR, "G§24", "/Request/IssuingAuthority/Contact[2]/Email",
		  "duty@outlook.com" },
		{ "own domain", REQ, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		{ "a name that only starts like a free-mail domain", REQ,
		  { { OWN, "anna@gmail.com.polizei.nrw" },
		    { "https://lka.polizei.nrw/", "https://gmail.com.polizei.nrw/" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

static void test_r002_contact_outside_website(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "other domain", REQ, { { OWN, "anna@polizei-nrw.de" } },
		  "LERQ-R002", WARN, "G§24", EMAIL, "\"anna@polizei-nrw.de\"" },
		{ "sibling host", REQ, { { OWN, "anna@bka.polizei.nrw" } },
		  "LERQ-R002", WARN, "G§24", EMAIL, "lka.polizei.nrw" },
		/* The spec's words: the host or a parent, so not a child. */
		{ "subdomain of the host", REQ,
		  { { "https://lka.polizei.nrw/", "https://polizei.nrw/" } },
		  "LERQ-R002", WARN, "G§24", EMAIL, "\"polizei.nrw\"" },
		{ "the host itself", REQ, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		{ "parent domain", REQ, { { OWN, "anna@polizei.nrw" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "upper-case domain", REQ, { { OWN, "Anna@LKA.Polizei.NRW" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "website with port and path", REQ,
		  { { "https://lka.polizei.nrw/", "https://www.polizei.nrw:443/lka/" },
		    { OWN, "anna@polizei.nrw" } }, NULL, 0, NULL, NULL, NULL },
		/* A personal mailbox is R001's alone (exactly one finding). */
		{ "free-mail reported once", REQ, { { OWN, "anna@web.de" } },
		  "LERQ-R001", ERR, "G§24", EMAIL, "anna@web.de" },
		/* Issue 13: tricky Website URLs. A browser goes to
		 * evil.example; the schema refuses the backslash and the
		 * credentials outright. */
		{ "backslash before an @ in the authority", REQ,
		  { { "https://lka.polizei.nrw/", "https://evil.example\\@lka.polizei.nrw/" } },
		  "LERQ-S001", ERR, "", "/Request/IssuingAuthority/Website", "Website" },
		{ "credentials in the authority", REQ,
		  { { "https://lka.polizei.nrw/", "https://user@lka.polizei.nrw/" } },
		  "LERQ-S001", ERR, "", "/Request/IssuingAuthority/Website", "Website" },
		{ "upper-case scheme and host", REQ,
		  { { "https://lka.polizei.nrw/", "HTTPS://LKA.Polizei.NRW/" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "trailing dot and port", REQ,
		  { { "https://lka.polizei.nrw/", "https://lka.polizei.nrw.:8443/x" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "IPv6 literal", REQ,
		  { { "https://lka.polizei.nrw/", "https://[2001:db8::1]/" } },
		  "LERQ-R002", WARN, "G§24", EMAIL, "2001:db8::1" },
		{ "host over 253 characters: within nothing, not skipped", REQ,
		  { { "https://lka.polizei.nrw/",
		      "https://a123456789a123456789a123456789a123456789a123456789a123456789."
		      "b123456789a123456789a123456789a123456789a123456789a123456789."
		      "c123456789a123456789a123456789a123456789a123456789a123456789."
		      "d123456789a123456789a123456789a123456789a123456789a123456789."
		      "e123456789a123456789.lka.polizei.nrw/" } },
		  "LERQ-R002", WARN, "G§24", EMAIL, "is not under the Website's host \"a123456789" },
	};
	RUN_CASES(state, cases);

	/* Rules alone (the schema refuses these): a host that cannot be
	 * read still gives R002, never silence. */
	static const char *const unreadable[] = {
		"https://evil.example\\@lka.polizei.nrw/",
		"https://user@lka.polizei.nrw/",
		"https://[2001:db8::1/",
	};
	for (size_t i = 0; i < 3; i++) {
		char *bad = document(REQ, (const struct edit[]){
			{ "https://lka.polizei.nrw/", unreadable[i] } }, 1);
		struct lerq_report *rr = run_one_rule(state, LERQ_R002, bad);
		assert_finding(assert_only_finding(rr, "LERQ-R002"), "LERQ-R002", WARN, "G§24",
		               EMAIL, "cannot be read");
		lerq_report_free(rr);
		free(bad);
	}

	/* A bare top-level domain is no parent; the schema refuses such an
	 * address, so only the rule runs here. */
	char *xml = document(REQ, (const struct edit[]){ { OWN, "anna@nrw" } }, 1);
	struct lerq_report *r = run_one_rule(state, LERQ_R002, xml);
	assert_finding(assert_only_finding(r, "LERQ-R002"), "LERQ-R002", WARN, "G§24",
	               EMAIL, "\"anna@nrw\"");
	lerq_report_free(r);
	free(xml);
}

static void test_r018_website_not_https(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "http", REQ, { { "https://lka", "http://lka" } }, "LERQ-R018", WARN,
		  "G§24", "/Request/IssuingAuthority/Website", "\"http://lka.polizei.nrw/\"" },
		{ "https", REQ, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		/* Schemes are case-insensitive (issue 13: HTTP:// was refused). */
		{ "upper-case http", REQ, { { "https://lka", "HTTP://lka" } }, "LERQ-R018", WARN,
		  "G§24", "/Request/IssuingAuthority/Website", "HTTP://lka.polizei.nrw/" },
	};
	RUN_CASES(state, cases);
}

static void test_r008_ip_without_time(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "ipv4 without At", REQ, { { "      " AT "\n", "" } },
		  "LERQ-R008", ERR, "G§27", ITEM1 "/Identifier[1]", "\"198.51.100.23\"" },
		{ "ipv6 without Period", REQ, { { "      <Period>@@</Period>\n", "" } },
		  "LERQ-R008", ERR, "G§27", ITEM2 "/Identifier[1]", "\"2001:db8::7a10\"" },
		{ "e-mail without time", REQ, { { 0 } }, NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

#define IPV4 "<Identifier type=\"ipv4\" port=\"51234\">198.51.100.23</Identifier>"

static void test_r009_ipv4_without_port(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "no port", REQ, { { " port=\"51234\"", "" } },
		  "LERQ-R009", WARN, "G§27", ITEM1 "/Identifier[1]", "\"198.51.100.23\"" },
		{ "port 0", REQ, { { "port=\"51234\"", "port=\"0\"" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "port 65535", REQ, { { "port=\"51234\"", "port=\"65535\"" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "ipv6 without port", REQ, { { 0 } }, NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

static void test_r010_identifier_malformed(void **state)
{
	/* IP addresses replace item i1's (it has At and port), the rest item
	 * i3's (content, no time needed). */
	static const struct {
		const char *type, *value;
		bool bad;
		const char *in_message;
	} cases[] = {
		{ "ipv4", "198.51.100.256", true, "IPv4" },
		{ "ipv4", "198.51.100.023", true, "leading zeros" },
		{ "ipv4", "  198.51.100.23 ", false, NULL },
		{ "ipv6", "2001:db8::7a10", false, NULL },
		{ "ipv6", "2001:0db8:0000:0000:0000:0000:0000:7a10", false, NULL },
		{ "ipv6", "::ffff:192.0.2.1", false, NULL },
		{ "ipv6", "2001:db8:::7a10", true, "IPv6" },
		{ "ipv6", "2001:db8::7a10::1", true, "IPv6" },
		{ "email", "j.krause@rheinwelle-mail.de", false, NULL },
		{ "email", "j.krause@localhost", true, "name@domain" },
		{ "phone", "+353871946052", false, NULL },
		{ "phone", "0049 30 123456", true, "+ and the country code" },
		{ "imei", "490154203237518", false, NULL },
		{ "imei", "490154203237519", true, "it is 8" },
		{ "imei", "49015420323751", true, "15 digits" },
		{ "imsi", "262011234567890", false, NULL },
		{ "imsi", "2620112345", true, "14 or 15 digits" },
		{ "mac", "00:1a:2b:3c:4d:5e", false, NULL },
		{ "mac", "00:1a:2b:3c:4d", true, "MAC" },
		{ "domain", "veilig-inloggen-bank.nl", false, NULL },
		{ "domain", "https://veilig-inloggen-bank.nl/", true, "without scheme" },
		{ "url", "https://veilig-inloggen-bank.nl/login", false, NULL },
		{ "url", "veilig-inloggen-bank.nl/login", true, "scheme" },
		{ "username", "any thing: at all!", false, NULL },
		{ "account", "4100-2287-5519 / old", false, NULL },
		{ "other", "whatever", false, NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool ip = strncmp(cases[i].type, "ip", 2) == 0;
		char repl[256];
		snprintf(repl, sizeof(repl), "<Identifier type=\"%s\"%s>%s</Identifier>",
		         cases[i].type, ip ? " port=\"51234\"" : "", cases[i].value);
		const char *old = ip ? IPV4
		                     : "<Identifier type=\"email\">j.krause.1984@rheinwelle-mail.de</Identifier>";
		char *xml = document(REQ, (const struct edit[]){ { old, repl } }, 1);
		struct lerq_report *r = validate_string(*state, xml);
		print_message("  %s %s\n", cases[i].type, cases[i].value);
		if (!cases[i].bad) {
			assert_no_findings(r);
		} else {
			const struct lerq_finding *f = assert_only_finding(r, "LERQ-R010");
			assert_finding(f, "LERQ-R010", ERR, "G§27",
			               ip ? ITEM1 "/Identifier[1]" : ITEM3 "/Identifier[1]",
			               cases[i].value);
			assert_non_null(strstr(lerq_finding_message(f), cases[i].in_message));
			assert_int_equal(lerq_finding_line(f), line_of(xml, repl));
		}
		lerq_report_free(r);
		free(xml);
	}
}

static void test_r011_content_without_court_order(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "prosecutorial order", REQ, { { "judicial-order", "prosecutorial-order" } },
		  "LERQ-R011", ERR, "C-Art 15", ITEM3, "Item \"i3\"" },
		{ "no authorisation", REQ, { { "    <Authorisation @@</Authorisation>\n", "" } },
		  "LERQ-R011", ERR, "C-Art 15", ITEM3, "judicial-order" },
		{ "kind with blanks", REQ, { { "\"judicial-order\"", "\" judicial-order \"" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "second authorisation judicial", REQ,
		  { { "judicial-order", "police-authorisation" },
		    { "    <Channel>",
		      "    <Authorisation kind=\"judicial-order\"><Reference>X 1/26</Reference>"
		      "<IssuedBy>Court</IssuedBy><IssuedOn>2026-10-30</IssuedOn>"
		      "</Authorisation>\n    <Channel>" } }, NULL, 0, NULL, NULL, NULL },
		{ "no content item", REQ,
		  { { "judicial-order", "other" }, { "\"content\"", "\"subscriber\"" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

#define RELEVANCE2 "      <Relevance>The phishing e-mails were sent from this address.</Relevance>\n"

static void test_r012_preservation_incomplete(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "no Preservation", PRES, { { "  <Preservation>@@</Preservation>\n", "" } },
		  "LERQ-R012", ERR, "C-Art 29.2", "/Request", "Preservation" },
		{ "no Summary", PRES, { { "    <Summary>@@</Summary>\n", "" } },
		  "LERQ-R012", ERR, "C-Art 29.2", "/Request/Investigation", "Summary" },
		{ "Item without Relevance", PRES, { { RELEVANCE2, "" } },
		  "LERQ-R012", ERR, "C-Art 29.2", ITEM2, "Item \"i2\"" },
		{ "disclosure needs none of them", REQ,
		  { { "  <Preservation>@@</Preservation>\n", "" },
		    { "    <Summary>@@</Summary>\n", "" }, { RELEVANCE2, "" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);

	/* Each problem once, on its own node, in document order. */
	char *xml = document(PRES, (const struct edit[]){
		{ "  <Preservation>@@</Preservation>\n", "" },
		{ "    <Summary>@@</Summary>\n", "" }, { RELEVANCE2, "" } }, 3);
	const char *codes[] = { "LERQ-R012", "LERQ-R012", "LERQ-R012" };
	struct lerq_report *r = expect_codes(state, xml, codes, 3);
	assert_string_equal(lerq_finding_path(lerq_report_get(r, 0)), "/Request");
	assert_string_equal(lerq_finding_path(lerq_report_get(r, 1)), "/Request/Investigation");
	assert_string_equal(lerq_finding_path(lerq_report_get(r, 2)), ITEM2);
	lerq_report_free(r);
	free(xml);
}

#define PROVIDER_DE "<Country>DE</Country>\n  </ServiceProvider>"
#define PROVIDER_FR { PROVIDER_DE, "<Country>FR</Country>\n  </ServiceProvider>" }
#define CHANNEL_247 { "<Channel>domestic", "<Channel>24-7-network" }

static void test_r013_cross_border_preservation_short(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "59 days abroad", PRES, { PROVIDER_FR, CHANNEL_247, { "<Days>90", "<Days>59" } },
		  "LERQ-R013", ERR, "C-Art 29.7", "/Request/Preservation/Days",
		  "Days \"59\" is too short: the provider is in \"FR\" and the authority in \"DE\"" },
		{ "exactly 60 days abroad", PRES,
		  { PROVIDER_FR, CHANNEL_247, { "<Days>90", "<Days>60" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "1 day at home", PRES, { { "<Days>90", "<Days>1" } }, NULL, 0, NULL, NULL, NULL },
		{ "59 days abroad, in a disclosure", REQ,
		  { PROVIDER_FR, CHANNEL_247, { "<Days>90", "<Days> 059 " } },
		  "LERQ-R013", ERR, "C-Art 29.7", "/Request/Preservation/Days", "\"059\"" },
	};
	RUN_CASES(state, cases);
}

static void test_r014_cross_border_domestic_channel(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "abroad, domestic channel", REQ, { PROVIDER_FR },
		  "LERQ-R014", ERR, "G§36", "/Request/LegalBasis/Channel", "\"FR\"" },
		{ "abroad, 24/7 network", REQ, { PROVIDER_FR, CHANNEL_247 },
		  NULL, 0, NULL, NULL, NULL },
		{ "same country with blanks", REQ,
		  { { PROVIDER_DE, "<Country> DE </Country>\n  </ServiceProvider>" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);
}

#define SUPERVISOR "<Supervisor><Name>Thomas Westermann</Name><Role>Head of unit</Role>" \
	"<Phone>+492119394100</Phone></Supervisor>"
#define EMERGENCY { "  <Confidentiality", \
	"  <Emergency><Justification>A life is at risk.</Justification>" SUPERVISOR \
	"</Emergency>\n  <Confidentiality" }
#define EMERGENCY_ALONE { "  <Confidentiality", \
	"  <Emergency><Justification>A life is at risk.</Justification></Emergency>\n" \
	"  <Confidentiality" }

static void test_r015_emergency_mismatch(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "Emergency with routine priority", REQ, { EMERGENCY },
		  "LERQ-R015", WARN, "G§34", "/Request/Emergency", "\"routine\"" },
		{ "Emergency with urgent priority", REQ,
		  { EMERGENCY, { "<Priority>routine", "<Priority>urgent" } },
		  "LERQ-R015", WARN, "G§34", "/Request/Emergency", "\"urgent\"" },
		{ "emergency with Emergency", REQ,
		  { EMERGENCY, { "<Priority>routine", "<Priority> emergency " } },
		  NULL, 0, NULL, NULL, NULL },
		/* R022 is about the priority: not without it. */
		{ "Emergency without Supervisor, routine priority", REQ, { EMERGENCY_ALONE },
		  "LERQ-R015", WARN, "G§34", "/Request/Emergency", "\"routine\"" },
	};
	RUN_CASES(state, cases);

	/* emergency without Emergency: the error, and R022 on the same node
	 * (nobody to call back either), in the table's order. */
	char *xml = document(REQ, (const struct edit[]){
		{ "<Priority>routine", "<Priority>emergency" } }, 1);
	const char *codes[] = { "LERQ-R015", "LERQ-R022" };
	struct lerq_report *r = expect_codes(state, xml, codes, 2);
	assert_finding(lerq_report_get(r, 0), "LERQ-R015", ERR, "G§34", "/Request/Priority",
	               "\"emergency\"");
	assert_finding(lerq_report_get(r, 1), "LERQ-R022", WARN, "G§24, G§34",
	               "/Request/Priority", "no Emergency Supervisor");
	assert_false(lerq_report_is_valid(r));
	lerq_report_free(r);
	free(xml);
}

#define PROVISION1 "/Request/LegalBasis/Provision[1]"
#define JURISDICTION(j) { "<Provision jurisdiction=\"DE\">", "<Provision jurisdiction=\"" j "\">" }
#define CHANNEL_MLA { "<Channel>domestic", "<Channel>mutual-legal-assistance" }
#define SECOND_PROVISION(j) { "    <Authorisation ", \
	"    <Provision jurisdiction=\"" j "\"><Instrument>Code pénal</Instrument>" \
	"<Article>60-1</Article></Provision>\n    <Authorisation " }

static void test_r020_foreign_provision(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "French law for a German authority", REQ, { JURISDICTION("FR") },
		  "LERQ-R020", WARN, "G§26", PROVISION1,
		  "LegalBasis Provision \"Code of Criminal Procedure (StPO)\" article \"100a\" has "
		  "jurisdiction \"FR\", neither INT nor the authority's country \"DE\"" },
		{ "the authority's own law", REQ, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		{ "own law, with blanks", REQ, { JURISDICTION(" DE ") }, NULL, 0, NULL, NULL, NULL },
		{ "INT", REQ, { JURISDICTION("INT") }, NULL, 0, NULL, NULL, NULL },
		{ "INT, provider abroad", REQ, { JURISDICTION("INT"), PROVIDER_FR, CHANNEL_247 },
		  NULL, 0, NULL, NULL, NULL },
		/* The provider's country is no excuse: only the channel is. */
		{ "provider's law on the 24/7 network", REQ,
		  { JURISDICTION("FR"), PROVIDER_FR, CHANNEL_247 },
		  "LERQ-R020", WARN, "G§26", PROVISION1, "\"FR\"" },
		{ "provider's law through mutual legal assistance", REQ,
		  { JURISDICTION("FR"), PROVIDER_FR, CHANNEL_MLA }, NULL, 0, NULL, NULL, NULL },
		{ "foreign law through mutual legal assistance, provider at home", REQ,
		  { JURISDICTION("US"), CHANNEL_MLA }, NULL, 0, NULL, NULL, NULL },
		{ "a second provision, foreign", REQ, { SECOND_PROVISION("FR") },
		  "LERQ-R020", WARN, "G§26", "/Request/LegalBasis/Provision[2]",
		  "\"Code pénal\" article \"60-1\" has jurisdiction \"FR\"" },
		{ "a second provision, INT", REQ, { SECOND_PROVISION("INT") },
		  NULL, 0, NULL, NULL, NULL },
		/* Confidentiality/Provision names a secrecy law, not the basis. */
		{ "a foreign secrecy provision", REQ,
		  { { "<Until>2027-05-02</Until>",
		      "<Until>2027-05-02</Until><Provision jurisdiction=\"FR\"><Instrument>Code des "
		      "postes</Instrument><Article>L34-1</Article></Provision>" } },
		  NULL, 0, NULL, NULL, NULL },
	};
	RUN_CASES(state, cases);

	/* One finding per foreign Provision, each on its own. */
	char *xml = document(REQ, (const struct edit[]){ JURISDICTION("NL"),
	                                                 SECOND_PROVISION("FR") }, 2);
	const char *codes[] = { "LERQ-R020", "LERQ-R020" };
	struct lerq_report *r = expect_codes(state, xml, codes, 2);
	assert_finding(lerq_report_get(r, 0), "LERQ-R020", WARN, "G§26", PROVISION1, "\"NL\"");
	assert_finding(lerq_report_get(r, 1), "LERQ-R020", WARN, "G§26",
	               "/Request/LegalBasis/Provision[2]", "\"FR\"");
	assert_int_equal(lerq_finding_line(lerq_report_get(r, 1)),
	                 line_of(xml, "<Provision jurisdiction=\"FR\""));
	assert_true(lerq_report_is_valid(r));
	lerq_report_free(r);
	free(xml);
}

static void test_r022_emergency_without_supervisor(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "emergency, no Supervisor", REQ,
		  { EMERGENCY_ALONE, { "<Priority>routine", "<Priority>emergency" } },
		  "LERQ-R022", WARN, "G§24, G§34", "/Request/Emergency",
		  "Priority is \"emergency\", but no Emergency Supervisor is given" },
		{ "emergency with a Supervisor", REQ,
		  { EMERGENCY, { "<Priority>routine", "<Priority>emergency" } },
		  NULL, 0, NULL, NULL, NULL },
		{ "urgent, no Supervisor", REQ, { { "<Priority>routine", "<Priority>urgent" } },
		  NULL, 0, NULL, NULL, NULL },
		/* A Contact is not a second officer. */
		{ "emergency, two Contacts, no Supervisor", REQ,
		  { EMERGENCY_ALONE, { "<Priority>routine", "<Priority>emergency" },
		    { "    </Contact>\n", "    </Contact>\n    <Contact><Name>B</Name>"
		      "<Phone>+492119394102</Phone><Email>b@lka.polizei.nrw</Email></Contact>\n" } },
		  "LERQ-R022", WARN, "G§24, G§34", "/Request/Emergency", "Supervisor" },
	};
	RUN_CASES(state, cases);
}

static void test_r016_request_type_shape(void **state)
{
	static const struct lerq_rule_case cases[] = {
		{ "release", REL, { { 0 } }, NULL, 0, NULL, NULL, NULL },
		{ "release without RelatesTo", REL, { { "  <RelatesTo @@</RelatesTo>\n", "" } },
		  "LERQ-R016", ERR, "G§35", "/Request", "\"releases\"" },
		{ "release relating otherwise", REL, { { "\"releases\"", "\"follows-up\"" } },
		  "LERQ-R016", ERR, "G§35", "/Request", "RelatesTo" },
		{ "release with blanks in the relation", REL,
		  { { "\"releases\"", "\" releases\"" } }, NULL, 0, NULL, NULL, NULL },
		{ "disclosure without DataRequested", REQ,
		  { { "  <DataRequested>@@</DataRequested>\n", "" } },
		  "LERQ-R016", ERR, "G§35", "/Request", "\"disclosure\"" },
	};
	RUN_CASES(state, cases);

	/* A release with DataRequested and without "releases": both. */
	char *xml = document(REQ, (const struct edit[]){
		{ "type=\"disclosure\"", "type=\"release\"" } }, 1);
	const char *codes[] = { "LERQ-R016", "LERQ-R016" };
	struct lerq_report *r = expect_codes(state, xml, codes, 2);
	assert_finding(lerq_report_get(r, 0), "LERQ-R016", ERR, "G§35", "/Request", "RelatesTo");
	assert_finding(lerq_report_get(r, 1), "LERQ-R016", ERR, "G§35",
	               "/Request/DataRequested", "DataRequested");
	lerq_report_free(r);
	free(xml);

	/* A preservation without DataRequested: R016, and R012 has no Item
	 * to complain about. */
	xml = document(PRES, (const struct edit[]){
		{ "  <DataRequested>@@</DataRequested>\n", "" } }, 1);
	r = validate_string(*state, xml);
	assert_finding(assert_only_finding(r, "LERQ-R016"), "LERQ-R016", ERR, "G§35",
	               "/Request", "\"preservation\"");
	lerq_report_free(r);
	free(xml);
}

/* ------------------------------------------------------------------ */
/* The runner */

static void test_findings_in_document_order(void **state)
{
	/* R017 runs before R018, but the Website comes first. */
	char *xml = document(REQ, (const struct edit[]){
		{ "<Until>2027-05-02</Until>", "<Until>2026-01-01</Until>" },
		{ "https://lka", "http://lka" } }, 2);
	const char *codes[] = { "LERQ-R018", "LERQ-R017" };
	struct lerq_report *r = expect_codes(state, xml, codes, 2);
	assert_int_equal(lerq_finding_line(lerq_report_get(r, 0)), line_of(xml, "<Website>"));
	assert_int_equal(lerq_finding_line(lerq_report_get(r, 1)), line_of(xml, "<Until>"));
	lerq_report_free(r);
	free(xml);
}

static void test_rules_need_a_schema_pass(void **state)
{
	/* A personal mailbox and a schema error: only the schema speaks. */
	char *xml = document(REQ, (const struct edit[]){
		{ OWN, "anna.k@gmail.com" }, { "<Priority>routine", "<Priority>soon" } }, 2);
	struct lerq_report *r = validate_string(*state, xml);
	assert_only_finding(r, "LERQ-S001");
	lerq_report_free(r);
	free(xml);
}

static void test_rules_by_root(void **state)
{
	/* R0xx do not apply to responses: a free-mail responder is fine. */
	char *xml = document(RSP, (const struct edit[]){
		{ "sabine.kraemer@rheinwelle.de", "sabine@gmail.com" } }, 1);
	struct lerq_report *r = validate_string(*state, xml);
	assert_no_findings(r);
	lerq_report_free(r);
	free(xml);

	/* Foreign and skeletal documents: no crash, nothing or little said. */
	r = run_one_rule(state, LERQ_R016, "<Request/>");
	assert_no_findings(r);
	lerq_report_free(r);
	const struct lerq_ctx *ctx = *state;
	static const char *const skeletons[] = {
		"<Request xmlns='urn:lerq:xml:1'/>",
		"<Response xmlns='urn:lerq:xml:1'><Status/><Result/></Response>",
		("<Request xmlns='urn:lerq:xml:1' type='release'><DataRequested><Item>"
		 "<Identifier/><Period/></Item></DataRequested><IssuedAt>x</IssuedAt></Request>"),
	};
	for (size_t i = 0; i < 3; i++) {
		xmlDocPtr doc = xmlReadMemory(skeletons[i], (int)strlen(skeletons[i]),
		                              NULL, NULL, 0);
		assert_non_null(doc);
		r = lerq__report_new();
		assert_int_equal(lerq__rules_run(ctx->rules, doc, TEST_NOW, r), LERQ_OK);
		for (size_t j = 0; j < lerq_report_count(r); j++)
			assert_true(lerq_finding_path(lerq_report_get(r, j))[0] == '/');
		lerq_report_free(r);
		xmlFreeDoc(doc);
	}
	lerq__rules_free(NULL);
	assert_int_equal(lerq__rules_run(NULL, NULL, 0, NULL), LERQ_EINVAL);
}

/* One rules object, many threads, documents with findings. */
struct thread_arg {
	const struct lerq_ctx *ctx;
	const char *xml;
	size_t expected;
	int failures;
};

static void *worker(void *p)
{
	struct thread_arg *a = p;
	for (int i = 0; i < 50; i++) {
		struct lerq_report *r = NULL;
		if (lerq_validate_memory(a->ctx, a->xml, strlen(a->xml), TEST_NOW, &r) != LERQ_OK ||
		    lerq_report_count(r) != a->expected)
			a->failures++;
		lerq_report_free(r);
	}
	return NULL;
}

static void test_rules_in_threads(void **state)
{
	char *req = document(REQ, (const struct edit[]){
		{ OWN, "anna@gmail.com" }, { " port=\"51234\"", "" },
		{ "https://lka", "http://lka" } }, 3);
	char *rsp = response_with("fulfilled", "pnsp");
	struct thread_arg args[4];
	pthread_t threads[4];
	for (int i = 0; i < 4; i++) {
		args[i] = (struct thread_arg){ *state, i % 2 ? rsp : req, i % 2 ? 1 : 3, 0 };
		assert_int_equal(pthread_create(&threads[i], NULL, worker, &args[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(threads[i], NULL);
		assert_int_equal(args[i].failures, 0);
	}
	free(req);
	free(rsp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bases_are_clean),
		cmocka_unit_test(test_code_table_matches_spec),
		cmocka_unit_test(test_r001_personal_mailbox),
		cmocka_unit_test(test_r002_contact_outside_website),
		cmocka_unit_test(test_r008_ip_without_time),
		cmocka_unit_test(test_r009_ipv4_without_port),
		cmocka_unit_test(test_r010_identifier_malformed),
		cmocka_unit_test(test_r011_content_without_court_order),
		cmocka_unit_test(test_r012_preservation_incomplete),
		cmocka_unit_test(test_r013_cross_border_preservation_short),
		cmocka_unit_test(test_r014_cross_border_domestic_channel),
		cmocka_unit_test(test_r015_emergency_mismatch),
		cmocka_unit_test(test_r016_request_type_shape),
		cmocka_unit_test(test_r020_foreign_provision),
		cmocka_unit_test(test_r022_emergency_without_supervisor),
		cmocka_unit_test(test_r018_website_not_https),
		cmocka_unit_test(test_findings_in_document_order),
		cmocka_unit_test(test_rules_need_a_schema_pass),
		cmocka_unit_test(test_rules_by_root),
		cmocka_unit_test(test_rules_in_threads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
