/* SPDX-License-Identifier: MIT */
/* Look-alike domains and invisible characters (issue 13): R001 after
 * NFKC, R023 and R024, and the Unicode helpers behind them. */
#include "rules-test.h"

#include "rules/lookalike.h"

#define WEBSITE "/Request/IssuingAuthority/Website"
#define CONTACT_NAME "/Request/IssuingAuthority/Contact[1]/Name"
#define ID3 "/Request/DataRequested/Item[3]/Identifier[1]"

struct codes_case {
	const char *name;
	enum base base;
	struct edit edits[2];
	const char *codes[3]; /* the findings, in order; NULL-terminated */
	const char *path;     /* of the last finding */
	const char *in_message;
};

static void run_codes(void **state, const struct codes_case *c)
{
	char *xml = document(c->base, c->edits, 2);
	size_t n = 0;
	while (n < 3 && c->codes[n] != NULL)
		n++;
	print_message("  %s\n", c->name);
	struct lerq_report *r = expect_codes(state, xml, c->codes, n);
	if (n > 0) {
		/* The finding at c->path says what is wrong. */
		bool seen = false;
		for (size_t i = 0; i < n; i++) {
			const struct lerq_finding *f = lerq_report_get(r, i);
			if (strcmp(lerq_finding_path(f), c->path) != 0 ||
			    strstr(lerq_finding_message(f), c->in_message) == NULL)
				continue;
			assert_int_equal(lerq_finding_severity(f), LERQ_SEVERITY_ERROR);
			seen = true;
		}
		if (!seen) {
			print_report(r);
			fail_msg("no finding at %s saying '%s'", c->path, c->in_message);
		}
	}
	lerq_report_free(r);
	free(xml);
}

static void test_lookalike_domains(void **state)
{
	static const struct codes_case cases[] = {
		/* Fullwidth ｇ: reaches gmail.com. */
		{ "fullwidth gmail", REQ, { { OWN, "anna@\xef\xbd\x87mail.com" } },
		  { "LERQ-R001", "LERQ-R024" }, EMAIL, "compatibility characters" },
		/* A zero-width space inside the domain. */
		{ "zero-width space in gmail", REQ, { { OWN, "anna@gm\xe2\x80\x8b" "ail.com" } },
		  { "LERQ-R001", "LERQ-R023" }, EMAIL, "U+200B" },
		/* A Cyrillic а: not gmail.com, but reads as it. */
		{ "Cyrillic a in gmail", REQ, { { OWN, "anna@gm\xd0\xb0il.com" } },
		  { "LERQ-R002", "LERQ-R024" }, EMAIL, "Latin and Cyrillic" },
		/* The same as an xn-- label. */
		{ "Cyrillic a, punycode", REQ, { { OWN, "anna@xn--gmil-63d.com" } },
		  { "LERQ-R002", "LERQ-R024" }, EMAIL, "Latin and Cyrillic" },
		/* A Website host with a Cyrillic о. */
		{ "Cyrillic o in the Website", REQ,
		  { { "https://lka.polizei.nrw/", "https://lka.p\xd0\xbelizei.nrw/" } },
		  { "LERQ-R024", "LERQ-R002" }, WEBSITE, "Latin and Cyrillic" },
		/* A zero-width space in the Website host: R002 compares it
		 * as a resolver reads it, R024 says what is there. */
		{ "zero-width space in the Website", REQ,
		  { { "https://lka.polizei.nrw/", "https://lka.poli\xe2\x80\x8bzei.nrw/" } },
		  { "LERQ-R024" }, WEBSITE, "<U+200B>" },
		/* Fullwidth Website host and ASCII address: the same domain. */
		{ "fullwidth Website", REQ,
		  { { "https://lka.polizei.nrw/", "https://lka.\xef\xbd\x90olizei.nrw/" } },
		  { "LERQ-R024" }, WEBSITE, "compatibility characters" },
		/* Real internationalised domains pass. */
		{ "German IDN", REQ,
		  { { "https://lka.polizei.nrw/", "https://polizei.m\xc3\xbcnchen.de/" },
		    { OWN, "anna@polizei.m\xc3\xbcnchen.de" } },
		  { NULL }, NULL, NULL },
		{ "Japanese IDN (Han and Hiragana)", REQ,
		  { { "https://lka.polizei.nrw/", "https://\xe8\xad\xa6\xe5\xaf\x9f\xe3\x81\xa1\xe3\x82\x87\xe3\x81\x86.jp/" },
		    { OWN, "anna@\xe8\xad\xa6\xe5\xaf\x9f\xe3\x81\xa1\xe3\x82\x87\xe3\x81\x86.jp" } },
		  { NULL }, NULL, NULL },
		{ "Cyrillic domain under .com", REQ,
		  { { "https://lka.polizei.nrw/", "https://\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb8\xd1\x8f.com/" },
		    { OWN, "anna@\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xb8\xd1\x86\xd0\xb8\xd1\x8f.com" } },
		  { NULL }, NULL, NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_codes(state, &cases[i]);
}

static void test_invisible_characters(void **state)
{
	static const struct codes_case cases[] = {
		/* The right-to-left override of the report: the letter would
		 * show j.krause.1984@... while the data holds it reversed. */
		{ "RLO in an identifier", REQ,
		  { { "j.krause.1984@rheinwelle-mail.de",
		      "\xe2\x80\xae" "ed.liam-ellewniehr@4891.esuark.j" } },
		  { "LERQ-R010", "LERQ-R023" }, ID3, "bidirectional control character U+202E" },
		{ "zero-width space in a name", REQ,
		  { { "<Name>Anna Becker</Name>", "<Name>Anna\xe2\x80\x8b Becker</Name>" } },
		  { "LERQ-R023" }, CONTACT_NAME, "<U+200B>" },
		{ "a name of no-break spaces", REQ,
		  { { "<Name>Anna Becker</Name>", "<Name>\xc2\xa0\xc2\xa0\xc2\xa0</Name>" } },
		  { "LERQ-R023" }, CONTACT_NAME, "no visible character" },
		{ "a name of ideographic spaces and a word joiner", REQ,
		  { { "<Name>Anna Becker</Name>", "<Name>\xe3\x80\x80\xe2\x81\xa0</Name>" } },
		  { "LERQ-R023" }, CONTACT_NAME, "U+2060" },
		{ "RLM in the provider's name", REQ,
		  { { "Rheinwelle Kommunikation GmbH", "Rheinwelle\xe2\x80\x8f Kommunikation GmbH" } },
		  { "LERQ-R023" }, "/Request/ServiceProvider/Name", "U+200F" },
		/* Persian needs ZWNJ inside words: allowed in names. */
		{ "ZWNJ in a Persian name", REQ,
		  { { "<Name>Anna Becker</Name>",
		      "<Name>\xd9\x85\xd9\x87\xd8\xb3\xd8\xa7 \xd8\xb2\xd8\xa7\xe2\x80\x8c\xd8\xaf\xd9\x87</Name>" } },
		  { NULL }, NULL, NULL },
		{ "a name with an accent", REQ,
		  { { "<Name>Anna Becker</Name>", "<Name>Ren\xc3\xa9\x65 M\xc3\xbcller</Name>" } },
		  { NULL }, NULL, NULL },
		/* Responses too. */
		{ "RLO in a response contact", RSP,
		  { { "<Name>Sabine Kr\xc3\xa4mer</Name>", "<Name>Sabine \xe2\x80\xaeKr\xc3\xa4mer</Name>" } },
		  { "LERQ-R023" }, "/Response/Responder/Contact[1]/Name", "U+202E" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_codes(state, &cases[i]);
}

static void test_helpers(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} folds[] = {
		{ "GMAIL.COM", "gmail.com" },
		{ "\xef\xbd\x87mail.com", "gmail.com" },              /* fullwidth g */
		{ "gm\xe2\x80\x8b" "ail.com", "gmail.com" },          /* ZWSP */
		{ "gmail\xe3\x80\x82" "com", "gmail.com" },           /* ideographic stop */
		{ "gmail\xef\xbc\x8e" "com", "gmail.com" },           /* fullwidth stop */
		{ "g\xc2\xad" "mail.com", "gmail.com" },              /* soft hyphen */
		{ "gm\xd0\xb0il.com", "gm\xd0\xb0il.com" },           /* Cyrillic stays */
		{ "M\xc3\x9cNCHEN.DE", "m\xc3\xbcnchen.de" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof(folds) / sizeof(folds[0]); i++) {
		char *f = lerq__domain_fold(folds[i].in);
		assert_string_equal(f, folds[i].out);
		free(f);
	}
	const char *a, *b;
	assert_true(lerq__domain_mixes_scripts("paypal.com.\xd0\xb0\xd0\xb1", &a, &b) == false);
	assert_true(lerq__domain_mixes_scripts("p\xd0\xb0ypal.com", &a, &b));
	assert_string_equal(a, "Latin");
	assert_string_equal(b, "Cyrillic");
	assert_false(lerq__domain_mixes_scripts("xn--bcher-kva.example", &a, &b));
	assert_false(lerq__domain_mixes_scripts("a-1.example", &a, &b));
	assert_true(lerq__domain_mixes_scripts("\xce\xb1" "b.example", &a, &b)); /* Greek α */
	assert_int_equal(lerq__first_invisible("a\xe2\x80\x8c" "b", true), 0);
	assert_int_equal(lerq__first_invisible("a\xe2\x80\x8c" "b", false), 0x200C);
	assert_int_equal(lerq__first_invisible("a\xef\xbb\xbf", false), 0xFEFF);
	assert_false(lerq__has_visible("\xc2\xa0\xe2\x80\xaf\xe2\x80\x87"));
	assert_true(lerq__has_visible("\xc2\xa0x"));
	assert_false(lerq__domain_has_compat("polizei.nrw"));
	assert_true(lerq__domain_has_compat("\xef\xbd\x90olizei.nrw"));
	char *shown = lerq__show_invisible("a\xe2\x80\xae" "b\xc2\xa0" "c", 100);
	assert_string_equal(shown, "a<U+202E>b<U+00A0>c");
	free(shown);
	shown = lerq__show_invisible("abcdefghijkl", 8);
	assert_string_equal(shown, "abcdefg...");
	free(shown);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookalike_domains),
		cmocka_unit_test(test_invisible_characters),
		cmocka_unit_test(test_helpers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
