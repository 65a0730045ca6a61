/* SPDX-License-Identifier: MIT */
/*
 * Letters (issue 4): every example in every format and in its language,
 * the fields a provider needs, escaping, other scripts, languages and
 * their fallback, -o that never leaves half a letter, threads. The letter
 * model and the catalogues are in test-render-model.c, letterheads and
 * their sandbox in test-render-letterhead.c.
 */
#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render-test.h"

/* Every line at most 72 characters (UTF-8 counted as characters), but
 * for a single word that no line could hold. */
static void assert_wrapped(const char *text)
{
	const char *line = text;
	while (*line) {
		const char *end = strchr(line, '\n');
		assert_non_null(end); /* every line ends with a newline */
		size_t chars = 0;
		for (const char *p = line; p < end; p++)
			chars += ((unsigned char)*p & 0xC0) != 0x80;
		if (chars > 72) {
			const char *word = line + strspn(line, " ");
			if (memchr(word, ' ', (size_t)(end - word)) != NULL)
				fail_msg("line of %zu characters: %.*s", chars, (int)(end - line), line);
		}
		line = end + 1;
	}
}

static void test_every_example_in_every_format(void **state)
{
	struct fixture *f = *state;
	DIR *d = opendir(EXAMPLE(""));
	assert_non_null(d);
	struct dirent *e;
	size_t rendered = 0;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		char path[1024], lang[32];
		snprintf(path, sizeof(path), "%s/%s", EXAMPLE(""), e->d_name);
		char *doc = slurp(path, NULL);
		const char *l = strstr(doc, "xml:lang=\"");
		assert_non_null(l);
		snprintf(lang, sizeof(lang), "<html lang=\"%.2s\"", l + 10);

		char *html = render_ok(f->renderer, doc, LERQ_FORMAT_HTML, NULL);
		assert_memory_equal(html, "<!DOCTYPE html>", 15);
		assert_contains(html, lang);
		/* Self-contained: nothing to fetch when it is opened. */
		assert_lacks(html, "<link");
		assert_lacks(html, "<script");
		assert_lacks(html, "src=\"http");
		assert_lacks(html, "url(");
		assert_contains(html, "@page");
		char *text = render_ok(f->renderer, doc, LERQ_FORMAT_TEXT, NULL);
		assert_wrapped(text);
		free(html);
		free(text);
		free(doc);
		rendered++;
	}
	closedir(d);
	assert_true(rendered >= 6);
}

/* The fields the issue lists, in the HTML as a reader sees it and in the
 * text. */
static void assert_request_fields(const char *letter)
{
	static const char *const fields[] = {
		/* letterhead: agency, unit, postal address, switchboard, website */
		"Landeskriminalamt Nordrhein-Westfalen", "Cybercrime Competence Centre, Division 41",
		"Völklinger Straße 49", "40221 Düsseldorf", "+492119390", "https://lka.polizei.nrw/",
		/* recipient */
		"Rheinwelle Kommunikation GmbH", "Hohenzollernring 72", "50672 Köln",
		"behoerdenanfragen@rheinwelle.de",
		/* place and date; subject with the registration number and what */
		"Düsseldorf, 16 October 2026",
		"Request for the disclosure of subscriber and traffic data (ref. LKA-NRW/41.3/2026/004187)",
		/* legal basis and authorisation */
		"Code of Criminal Procedure (Strafprozessordnung, StPO), § 100j (1) and (2) (Germany)",
		"Judicial order 502 Gs 1873/26 of 15 October 2026, valid until 14 January 2027",
		"Amtsgericht Köln (Local Court of Cologne), investigating judge",
		"domestic request",
		/* offence and summary */
		"Data espionage (section 202a Criminal Code, StGB)", "illegal access",
		"ordered an instant transfer of EUR 9,850",
		/* data requested: identifiers with type and port, time with zone,
		 * fields */
		"198.51.100.23", "IPv4 address, port 51234", "14 October 2026, 21:17:43 (UTC+02:00)",
		"2001:db8:4f2a:1c00:5d3e:91ff:fe2b:7a10", "IPv6 address",
		"1 October 2026, 00:00 (UTC+02:00)", "8 October 2026, 23:59:59 (UTC+02:00)",
		"j.krause.1984@rheinwelle-mail.de", "customer number", "start and end of each session",
		"used to log in to the victim's online-banking account",
		/* confidentiality, delivery, deadline */
		"Please do not inform the subscriber", "16 April 2027", "suspects have not been identified",
		"Please send the data by secure e-mail.", "S/MIME encrypted",
		"Please respond by 30 October 2026, 16:00 (UTC+01:00).",
		/* attachment */
		"e3dd18554d5466a71c4346aa2a50943ecb8fa71d56585553d3709f5c367e7138",
		/* contacts with phone and e-mail, signature */
		"Julia Hartmann", "+492119394417", "julia.hartmann@polizei.nrw",
		"Detective Chief Inspector (Kriminalhauptkommissarin)",
		"Cybercrime Competence Centre duty desk", "cybercrime.lka@polizei.nrw",
		"Thomas Westermann", "Head of the Cybercrime Competence Centre",
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		assert_contains(letter, fields[i]);
}

/* Text wraps lines: compare with the line ends (and no-break spaces) as
 * spaces. */
static char *unwrapped(const char *text)
{
	char *lines = replace_all(text, "\n", " ");
	char *flat = replace_all(lines, "\u00a0", " ");
	free(lines);
	char *p;
	/* Continuation lines are indented: collapse the runs of spaces. */
	char *w = flat;
	for (p = flat; *p; p++)
		if (!(*p == ' ' && w > flat && w[-1] == ' '))
			*w++ = *p;
	*w = '\0';
	return flat;
}

static void test_request_fields(void **state)
{
	struct fixture *f = *state;
	char *html = render_file_ok(f->renderer, EXAMPLE("disclosure-request.xml"), LERQ_FORMAT_HTML);
	char *seen = visible_text(html);
	assert_request_fields(seen);
	char *text = render_file_ok(f->renderer, EXAMPLE("disclosure-request.xml"), LERQ_FORMAT_TEXT);
	char *flat = unwrapped(text);
	assert_request_fields(flat);
	free(flat);
	free(text);
	free(seen);
	free(html);
}

static void test_preservation_and_emergency_fields(void **state)
{
	struct fixture *f = *state;
	char *html = render_file_ok(f->renderer, EXAMPLE("emergency-request.xml"), LERQ_FORMAT_HTML);
	char *seen = visible_text(html);
	assert_contains(html, "notice-emergency");
	assert_contains(seen, "Emergency: threat to life.");
	assert_contains(seen, "There is an imminent risk to the lives");
	assert_contains(seen, "22 August 2026, 02:41 (UTC+01:00)");
	assert_contains(seen, "Aoife Kelly");
	assert_contains(seen, "confirms oral request GNCCB-ORAL-2026-0419");
	free(seen);
	free(html);

	html = render_file_ok(f->renderer, EXAMPLE("preservation-request.xml"), LERQ_FORMAT_HTML);
	seen = visible_text(html);
	assert_contains(seen, "Request for the expedited preservation of");
	assert_contains(seen, "Period of preservation");
	assert_contains(seen, "days");
	free(seen);
	free(html);

	html = render_file_ok(f->renderer, EXAMPLE("release-request.xml"), LERQ_FORMAT_HTML);
	seen = visible_text(html);
	assert_contains(seen, "Release of preserved data");
	assert_contains(seen, "releases the data preserved under request LE-THTC/2026/00731");
	free(seen);
	free(html);
}

static void test_response_fields(void **state)
{
	struct fixture *f = *state;
	static const char *const fields[] = {
		"Rheinwelle Kommunikation GmbH", "22 October 2026",
		"Your reference", "LKA-NRW/41.3/2026/004187", "Our reference", "RW-BA-2026-118204",
		"16 October 2026, 10:51:12 (UTC+02:00)", "partially fulfilled",
		"Response to request LKA-NRW/41.3/2026/004187: partially fulfilled",
		"Provided", "Not provided", "Retention period expired",
		"kept for seven days only", "Records provided",
		"customer number", "4100-2287-5519", "Dennis Vogt", "Bergheimer Straße 114",
		"IP address used for registration", "Sabine Krämer", "+4922120489310",
		"sabine.kraemer@rheinwelle.de",
	};
	char *html = render_file_ok(f->renderer, EXAMPLE("response.xml"), LERQ_FORMAT_HTML);
	char *seen = visible_text(html);
	char *text = render_file_ok(f->renderer, EXAMPLE("response.xml"), LERQ_FORMAT_TEXT);
	char *flat = unwrapped(text);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		assert_contains(seen, fields[i]);
		assert_contains(flat, fields[i]);
	}
	free(flat);
	free(text);
	free(seen);
	free(html);
}

static void test_markup_in_text_is_text(void **state)
{
	struct fixture *f = *state;
	char *html = render_file_ok(f->renderer, DATA("render/markup-in-text.xml"), LERQ_FORMAT_HTML);
	/* No element comes from the document... */
	assert_lacks(html, "<script");
	assert_lacks(html, "<img src=x");
	assert_lacks(html, "<b>bold");
	assert_lacks(html, "</td></tr></table> The mailbox");
	/* ...its text is escaped... */
	assert_contains(html, "&lt;script&gt;alert(\"summary\")&lt;/script&gt; Tom &amp; Jerry");
	assert_contains(html, "&amp;amp;");
	assert_contains(html, "Rheinwelle &amp; Söhne &lt;script&gt;GmbH");
	assert_contains(html, "&lt;img src=x onerror=alert(1)&gt; customer number &amp; tariff");
	/* ...and reads as written. */
	char *seen = visible_text(html);
	assert_contains(seen, "<script>alert(\"summary\")</script> Tom & Jerry <b>bold</b> &amp; Between");
	assert_contains(seen, "\"Quoted\" 'text' </td></tr></table> The mailbox");
	free(seen);
	free(html);

	char *text = render_file_ok(f->renderer, DATA("render/markup-in-text.xml"), LERQ_FORMAT_TEXT);
	char *flat = unwrapped(text);
	assert_contains(flat, "<script>alert(\"summary\")</script> Tom & Jerry <b>bold</b> &amp; Between");
	assert_contains(flat, "Rheinwelle & Söhne <script>GmbH");
	free(flat);
	free(text);
}

/* Issue 13: a bidi control left open in the data never reorders the
 * letter around it. */
static void test_bidi_controls_isolated(void **state)
{
	struct fixture *f = *state;
	const char *doc = DATA("render/bidi-override-in-text.xml");
	char *html = render_file_ok(f->renderer, doc, LERQ_FORMAT_HTML);
	/* FSI ... RLO ... PDI: the override ends with the isolate. */
	assert_contains(html, "\xE2\x81\xA8" "Between \xE2\x80\xAE" "1 and 8 October");
	assert_contains(html, "ZAC NRW) conducts the investigation under file number 121 Js "
	                      "2044/26.\xE2\x81\xA9");
	assert_contains(html, "\xE2\x81\xA8" "Data espionage \xE2\x81\xA7");
	free(html);
	/* Text: the controls are shown, not obeyed. */
	char *text = render_file_ok(f->renderer, doc, LERQ_FORMAT_TEXT);
	char *flat = unwrapped(text);
	assert_contains(flat, "Between <U+202E>1 and 8 October");
	assert_contains(flat, "Data espionage <U+2067>(section 202a");
	assert_lacks(text, "\xE2\x80\xAE");
	assert_lacks(text, "\xE2\x81\xA7");
	free(flat);
	free(text);
#ifdef LERQ_HAVE_PDF
	/* PDF: pango (fribidi) applies the isolates; it renders. */
	char *xml = slurp(doc, NULL);
	char *pdf = NULL;
	size_t pdf_size = 0;
	assert_int_equal(lerq_render_memory(f->renderer, xml, strlen(xml), LERQ_FORMAT_PDF,
	                                    TEST_NOW, &pdf, &pdf_size, NULL),
	                 LERQ_OK);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(pdf);
	free(xml);
#endif
}

static void test_non_latin_names_survive(void **state)
{
	struct fixture *f = *state;
	static const char *const names[] = {
		"Иван Петрович Сидоров", "王小明", "Ελληνική Τηλεπικοινωνιακή Α.Ε. / 北京网络有限公司",
	};
	for (int format = LERQ_FORMAT_HTML; format <= LERQ_FORMAT_TEXT; format++) {
		char *letter = render_file_ok(f->renderer, DATA("render/non-latin-names.xml"),
		                              (enum lerq_format)format);
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			assert_contains(letter, names[i]);
		/* Still an English letter. */
		assert_contains(letter, "Dear Sir or Madam,");
		free(letter);
	}
}

/* Where @a is before @b in @s (both must be there). */
static bool before(const char *s, const char *a, const char *b)
{
	const char *x = strstr(s, a), *y = strstr(s, b);
	if (x == NULL || y == NULL)
		fail_msg("\"%s\" or \"%s\" is missing", a, b);
	return x < y;
}

/* Format revision 1.1 (issue 12): each new field where a reader expects
 * it, in every language, in HTML and text. */
static void test_revision_1_1_fields(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *lang, *case_label, *service, *threat, *supervisor, *provision;
	} cases[] = {
		{ "en", "Case reference", "Service number 41876D", "threat to life",
		  "Supervisor: call to confirm the emergency", "Telecommunications Act (Telekommunikationsgesetz, TKG), § 174 (Germany)" },
		{ "fr", "Référence de l'enquête", "Matricule 41876D", "menace pour la vie",
		  "Supérieur : à appeler", "Telecommunications Act (Telekommunikationsgesetz, TKG), § 174 (Allemagne)" },
		{ "de", "Aktenzeichen des Verfahrens", "Dienstnummer 41876D", "Lebensgefahr",
		  "Vorgesetzte Person:", "Telecommunications Act (Telekommunikationsgesetz, TKG), § 174 (Deutschland)" },
		{ "es", "Referencia de la investigación", "N.º de identificación profesional 41876D",
		  "amenaza para la vida", "Superior: llamen", "Telecommunications Act (Telekommunikationsgesetz, TKG), § 174 (Alemania)" },
	};
	char *emergency = slurp(EXAMPLE("emergency-request.xml"), NULL);
	char *disclosure = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char attr[32];
		snprintf(attr, sizeof(attr), "xml:lang=\"%s\"", cases[i].lang);
		char *e = replace_all(emergency, "xml:lang=\"en\"", attr);
		char *d = replace_all(disclosure, "xml:lang=\"en\"", attr);
		for (int format = LERQ_FORMAT_HTML; format <= LERQ_FORMAT_TEXT; format++) {
			char *le = render_ok(f->renderer, e, (enum lerq_format)format, NULL);
			char *ld = render_ok(f->renderer, d, (enum lerq_format)format, NULL);
			char *se = format == LERQ_FORMAT_HTML ? visible_text(le) : unwrapped(le);
			char *sd = format == LERQ_FORMAT_HTML ? visible_text(ld) : unwrapped(ld);
			/* The case reference in the reference block, after the
			 * address and before the letter's body. */
			assert_true(before(se, "Corrib Mobile Communications DAC", cases[i].case_label));
			assert_true(before(se, cases[i].case_label, "PULSE:26-4419781"));
			assert_true(before(se, "PULSE:26-4419781", "Aoife Kelly"));
			/* The service number with its officer. */
			assert_true(before(se, "Ciarán Byrne", cases[i].service));
			assert_true(before(se, cases[i].service, "+35316663751"));
			/* The threat in the banner and in the emergency section. */
			assert_true(before(se, cases[i].threat, "Corrib Mobile Communications DAC"));
			assert_non_null(strstr(strstr(se, "Corrib Mobile Communications DAC"), cases[i].threat));
			/* The supervisor with the contacts, after the officers. */
			assert_true(before(se, "gnccb.duty@garda.ie", "Deirdre Walsh"));
			assert_true(before(se, "Deirdre Walsh", cases[i].supervisor));
			assert_true(before(se, cases[i].supervisor, "+35316663710"));
			/* The confidentiality provision with the instruction. */
			/* (The same law is also in the legal basis.) */
			assert_non_null(strstr(strstr(sd, "Informing the subscriber or third parties"),
			                       cases[i].provision));
			free(se);
			free(sd);
			free(le);
			free(ld);
		}
		free(e);
		free(d);
	}
	free(emergency);
	free(disclosure);
}

/* Emergencies first (issue 14): the emergency section, the contacts and
 * the supervisor come before the legal basis; the banner says no more
 * than the document: a threat it names, or that the reasons follow. */
static void test_emergency_first(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(EXAMPLE("emergency-request.xml"), NULL);
	for (int format = LERQ_FORMAT_HTML; format <= LERQ_FORMAT_TEXT; format++) {
		char *letter = render_ok(f->renderer, doc, (enum lerq_format)format, NULL);
		char *seen = format == LERQ_FORMAT_HTML ? visible_text(letter) : unwrapped(letter);
		assert_true(before(seen, "Dear Sir or Madam,", "1. Emergency"));
		assert_true(before(seen, "1. Emergency", "2. Verification and contact"));
		assert_true(before(seen, "Deirdre Walsh", "3. Legal basis"));
		assert_lacks(seen, "life or limb");
		free(seen);
		free(letter);
	}
	char *child = replace_all(doc, "<Threat>death</Threat>", "<Threat>child-safety</Threat>");
	char *letter = render_ok(f->renderer, child, LERQ_FORMAT_TEXT, NULL);
	char *seen = unwrapped(letter);
	assert_contains(seen, "*** Emergency: a child's safety is at risk.");
	assert_lacks(seen, "threat to life");
	free(seen);
	free(letter);
	char *none = replace_all(doc, "<Threat>death</Threat>", "");
	letter = render_ok(f->renderer, none, LERQ_FORMAT_TEXT, NULL);
	seen = unwrapped(letter);
	assert_contains(seen, "*** Emergency: please deal with this request immediately. The reasons "
	                      "are given in this letter.");
	assert_lacks(seen, "life");
	assert_lacks(seen, "Nature of the threat");
	free(seen);
	free(letter);
	/* A disclosure request that is not an emergency keeps its order. */
	letter = render_file_ok(f->renderer, EXAMPLE("disclosure-request.xml"), LERQ_FORMAT_TEXT);
	assert_true(before(letter, "1. Legal basis", "Verification and contact"));
	free(letter);
	free(none);
	free(child);
	free(doc);
}

/* Legal citations as the law writes them (issue 14): an Article as
 * given, a bare number with the jurisdiction's designation. */
static void test_citations(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *jurisdiction, *article, *lang, *expect;
	} cases[] = {
		{ "DE", "100j", "en", "Code, § 100j (Germany)" },
		{ "AT", "76a", "de", "Code, § 76a (Österreich)" },
		{ "CH", "273", "fr", "Code, § 273 (Suisse)" },
		{ "IE", "6", "en", "Code, section 6 (Ireland)" },
		{ "GB", "22", "es", "Code, section 22 (Reino Unido)" },
		{ "FR", "60-1 et 60-1-2", "fr", "Code, article 60-1 et 60-1-2 (France)" },
		{ "ES", "588 ter j", "es", "Code, artículo 588 ter j (España)" },
		{ "INT", "29", "en", "Code, article 29 (international instrument)" },
		{ "DE", "§ 100j StPO", "de", "Code, § 100j StPO (Deutschland)" },
		{ "NL", "Art. 126nc", "en", "Code, Art. 126nc (Netherlands)" },
		{ "IE", "section 6(1)(a)", "fr", "Code, section 6(1)(a) (Irlande)" },
	};
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	const char *p = strstr(doc, "<Provision jurisdiction=\"DE\">");
	assert_non_null(p);
	const char *end = strstr(p, "</Provision>") + strlen("</Provision>");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char provision[256], attr[32];
		snprintf(provision, sizeof(provision),
		         "<Provision jurisdiction=\"%s\"><Instrument>Code</Instrument>"
		         "<Article>%s</Article></Provision>",
		         cases[i].jurisdiction, cases[i].article);
		size_t n = strlen(doc) + strlen(provision) + 1;
		char *other = malloc(n);
		assert_non_null(other);
		snprintf(other, n, "%.*s%s%s", (int)(p - doc), doc, provision, end);
		snprintf(attr, sizeof(attr), "xml:lang=\"%s\"", cases[i].lang);
		char *lang = replace_all(other, "xml:lang=\"en\"", attr);
		/* Foreign law warns (R020) and still renders. */
		char *letter = render_ok(f->renderer, lang, LERQ_FORMAT_TEXT, NULL);
		char *flat = unwrapped(letter);
		assert_contains(flat, cases[i].expect);
		free(flat);
		free(letter);
		free(lang);
		free(other);
	}
	free(doc);
}

/* Preservation with dates (issue 14): the period, its first day (the
 * request's date, in its own time zone) and its last, and the intro no
 * longer open-ended. */
static void test_preservation_dates(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *issued, *days, *lang, *expect;
	} cases[] = {
		{ "2026-09-08T14:20:00+02:00", "90", "en", "90 days, from 8 September 2026 until 6 December 2026" },
		/* 04:30 on 9 September in UTC: the date is the request's own. */
		{ "2026-09-08T23:30:00-05:00", "60", "en", "60 days, from 8 September 2026 until 6 November 2026" },
		{ "2026-09-08T18:00:00Z", "24", "de", "24 Tage, vom 8. September 2026 bis zum 1. Oktober 2026" },
		{ "2026-09-08T13:42:00+02:00", "1", "fr", "1 jour, du 8 septembre 2026 au 8 septembre 2026" },
		{ "2026-09-08T13:42:00+02:00", "365", "es", "365 días, del 8 de septiembre de 2026 al 7 de septiembre de 2027" },
	};
	char *doc = slurp(EXAMPLE("preservation-request.xml"), NULL);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char issued[96], days[64], lang[32];
		snprintf(issued, sizeof(issued), "<IssuedAt>%s</IssuedAt>", cases[i].issued);
		snprintf(days, sizeof(days), "<Days>%s</Days>", cases[i].days);
		snprintf(lang, sizeof(lang), "xml:lang=\"%s\"", cases[i].lang);
		char *a = replace_all(doc, "<IssuedAt>2026-09-08T14:20:00+02:00</IssuedAt>", issued);
		char *b = replace_all(a, "<Days>90</Days>", days);
		char *c = replace_all(b, "xml:lang=\"en\"", lang);
		/* A document issued in the future is not refused for that: the
		 * tests' clock is in November 2026. */
		struct lerq_report *report = NULL;
		char *out = NULL;
		size_t size;
		int r = lerq_render_memory(f->renderer, c, strlen(c), LERQ_FORMAT_TEXT,
		                           (lerq_time_t)1893456000 /* 2030 */, &out, &size, &report);
		if (r != LERQ_OK) {
			print_report(report);
			fail_msg("case %zu: %d", i, r);
		}
		char *flat = unwrapped(out);
		assert_contains(flat, cases[i].expect);
		if (i == 0) {
			assert_lacks(flat, "until a request for their disclosure follows");
			assert_contains(flat, "Measure that will follow");
		}
		free(flat);
		free(out);
		lerq_report_free(report);
		free(c);
		free(b);
		free(a);
	}
	free(doc);
}

/* Responses readable on their own (issue 14): with the request, each
 * result shows what was asked and the letter is addressed to the
 * authority; without it, the letter says whose items they are; both say
 * that they hold personal data. A request that is not the one answered,
 * or no request, is refused. */
static void test_response_with_request(void **state)
{
	struct fixture *f = *state;
	size_t size, request_size;
	char *response = slurp(EXAMPLE("response.xml"), &size);
	char *request = slurp(EXAMPLE("disclosure-request.xml"), &request_size);
	char *out = NULL;
	size_t out_size;
	struct lerq_report *report = NULL;
	for (int format = LERQ_FORMAT_HTML; format <= LERQ_FORMAT_TEXT; format++) {
		assert_int_equal(lerq_render_response_memory(f->renderer, response, size, request,
		                                             request_size, (enum lerq_format)format,
		                                             TEST_NOW, &out, &out_size, &report),
		                 LERQ_OK);
		char *seen = format == LERQ_FORMAT_HTML ? visible_text(out) : unwrapped(out);
		assert_true(before(seen, "Landeskriminalamt Nordrhein-Westfalen", "Your reference"));
		/* The place: the provider's address in the request. */
		assert_contains(seen, "Köln, 22 October 2026");
		assert_contains(seen, "Asked for: 198.51.100.23 (IPv4 address), 14 October 2026, "
		                      "21:17:43 (UTC+02:00)");
		assert_contains(seen, "Asked for: j.krause.1984@rheinwelle-mail.de (e-mail address)");
		assert_contains(seen, "from 1 October 2026, 00:00 (UTC+02:00) to 8 October 2026");
		assert_contains(seen, "Contains personal data");
		assert_lacks(seen, "The items are those of your request");
		free(seen);
		free(out);
		lerq_report_free(report);
	}
	char *alone = render_ok(f->renderer, response, LERQ_FORMAT_TEXT, NULL);
	char *flat = unwrapped(alone);
	assert_contains(flat, "The items are those of your request LKA-NRW/41.3/2026/004187.");
	assert_contains(flat, "Contains personal data");
	assert_lacks(flat, "Asked for");
	free(flat);
	free(alone);

	char *other = slurp(EXAMPLE("emergency-request.xml"), NULL);
	out = NULL;
	assert_int_equal(lerq_render_response_memory(f->renderer, response, size, other,
	                                             strlen(other), LERQ_FORMAT_HTML, TEST_NOW,
	                                             &out, &out_size, &report),
	                 LERQ_EINVAL);
	assert_null(out);
	lerq_report_free(report);
	assert_int_equal(lerq_render_response_memory(f->renderer, response, size, NULL, 0,
	                                             LERQ_FORMAT_HTML, TEST_NOW, &out, &out_size,
	                                             &report),
	                 LERQ_EINVAL);
	assert_null(report);
	/* A request as the response: refused, whatever the second is. */
	assert_int_equal(lerq_render_response_memory(f->renderer, request, request_size, request,
	                                             request_size, LERQ_FORMAT_TEXT, TEST_NOW,
	                                             &out, &out_size, &report),
	                 LERQ_EINVAL);
	lerq_report_free(report);
	free(other);
	free(request);
	free(response);
}

/* Render @doc as text, white space collapsed. */
static char *flat_text(const struct lerq_renderer *renderer, const char *doc)
{
	char *text = render_ok(renderer, doc, LERQ_FORMAT_TEXT, NULL);
	char *flat = unwrapped(text);
	free(text);
	return flat;
}

/* Words (issue 14, item 9): country names in letter form (no inverted
 * "Taiwan, Chinesische Provinz"), articles ("Erlassen durch:"), the
 * register of a requisition in French, agreement, the Convention's
 * titles, no "Item item-1", a release letter that is no request. */
static void test_words(void **state)
{
	struct fixture *f = *state;
	static const char *const langs[] = { "en", "fr", "de", "es" };
	for (size_t i = 0; i < 4; i++) {
		char path[1024];
		snprintf(path, sizeof(path), LERQ_TEST_SOURCE_ROOT "/stylesheets/l10n/%s.xml",
		         langs[i]);
		char *cat = slurp(path, NULL);
		size_t countries = 0;
		for (const char *p = cat; (p = strstr(p, "<country code=")) != NULL; p++) {
			const char *name = strchr(p, '>') + 1, *end = strchr(name, '<');
			if (memchr(name, ',', (size_t)(end - name)) != NULL)
				fail_msg("%s: %.*s", langs[i], (int)(end - p), p);
			countries++;
		}
		assert_true(countries > 240);
		free(cat);
	}

	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	char *de = replace_all(doc, "xml:lang=\"en\"", "xml:lang=\"de\"");
	char *flat = flat_text(f->renderer, de);
	assert_contains(flat, "Erlassen durch: Amtsgericht Köln");
	free(flat);
	char *fr = replace_all(doc, "xml:lang=\"en\"", "xml:lang=\"fr\"");
	flat = flat_text(f->renderer, fr);
	assert_contains(flat, "Nous vous prions de bien vouloir");
	assert_lacks(flat, "Merci de");
	assert_lacks(flat, "merci de");
	assert_contains(flat, "Délivrée par : Amtsgericht Köln");
	free(flat);
	char *es = replace_all(doc, "xml:lang=\"en\"", "xml:lang=\"es\"");
	flat = flat_text(f->renderer, es);
	assert_contains(flat, "Expedida por: Amtsgericht Köln");
	free(flat);
	/* The Convention's own titles of articles 9 and 10. */
	char *csam = replace_all(doc, "category=\"illegal-access\"",
	                         "category=\"child-sexual-abuse-material\"");
	char *both = replace_all(csam, "category=\"computer-related-fraud\"",
	                         "category=\"copyright-infringement\"");
	flat = flat_text(f->renderer, both);
	assert_contains(flat, "Convention on Cybercrime: offences related to child pornography");
	assert_contains(flat, "Convention on Cybercrime: offences related to infringements of "
	                      "copyright and related rights");
	free(flat);

	/* Agreement with "Date et heure" / "Fecha y hora". */
	char *emergency = slurp(EXAMPLE("emergency-request.xml"), NULL);
	char *efr = replace_all(emergency, "xml:lang=\"en\"", "xml:lang=\"fr\"");
	flat = flat_text(f->renderer, efr);
	assert_contains(flat, "non précisées");
	free(flat);
	char *ees = replace_all(emergency, "xml:lang=\"en\"", "xml:lang=\"es\"");
	flat = flat_text(f->renderer, ees);
	assert_contains(flat, "no indicadas");
	free(flat);

	/* A release letter is no request. */
	char *release = slurp(EXAMPLE("release-request.xml"), NULL);
	flat = flat_text(f->renderer, release);
	assert_lacks(flat, "This request is made under");
	assert_contains(flat, "This letter is sent under the following provisions:");
	free(flat);

	/* "item-1", not "Item item-1". */
	char *response = slurp(EXAMPLE("response.xml"), NULL);
	char *renamed = replace_all(response, "item=\"i1\"", "item=\"item-1\"");
	flat = flat_text(f->renderer, renamed);
	assert_lacks(flat, "Item item-1");
	assert_contains(flat, " item-1 customer number");
	free(flat);

	free(renamed);
	free(response);
	free(release);
	free(ees);
	free(efr);
	free(emergency);
	free(both);
	free(csam);
	free(es);
	free(fr);
	free(de);
	free(doc);
}

/* The example request in another language. */
static char *in_language(const char *lang)
{
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	char attr[64];
	snprintf(attr, sizeof(attr), "xml:lang=\"%s\"", lang);
	char *other = replace_all(doc, "xml:lang=\"en\"", attr);
	free(doc);
	return other;
}

static void test_languages(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *lang, *html_lang;
		const char *words[4];
	} cases[] = {
		{ "fr", "fr", { "Madame, Monsieur,", "Düsseldorf, le 16 octobre 2026",
		                "16 octobre 2026 à 10 h 42 (UTC+02:00)", "Fondement juridique" } },
		{ "fr-BE", "fr", { "Madame, Monsieur,", "Données demandées", "1er octobre 2026",
		                   "21 h 17 min 43 s" } },
		{ "de", "de", { "Sehr geehrte Damen und Herren,", "Düsseldorf, 16. Oktober 2026",
		                "30. Oktober 2026, 16:00 Uhr (UTC+01:00)", "Bestands- und Verkehrsdaten" } },
		{ "es", "es", { "Estimados señores:", "16 de octubre de 2026",
		                "Datos solicitados", "datos de abonado y de tráfico" } },
		{ "EN-gb", "en", { "Dear Sir or Madam,", "Legal basis", "16 October 2026", "Yours faithfully," } },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *doc = in_language(cases[i].lang);
		struct lerq_report *report = NULL;
		char *html = render_ok(f->renderer, doc, LERQ_FORMAT_HTML, &report);
		assert_int_equal(lerq_report_count(report), 0);
		char expect[64];
		snprintf(expect, sizeof(expect), "<html lang=\"%s\"", cases[i].html_lang);
		assert_contains(html, expect);
		char *seen = visible_text(html);
		char *text = render_ok(f->renderer, doc, LERQ_FORMAT_TEXT, NULL);
		char *flat = unwrapped(text);
		for (size_t w = 0; w < 4; w++) {
			assert_contains(seen, cases[i].words[w]);
			assert_contains(flat, cases[i].words[w]);
		}
		free(flat);
		free(text);
		free(seen);
		free(html);
		lerq_report_free(report);
		free(doc);
	}
}

static void test_unsupported_language_falls_back(void **state)
{
	struct fixture *f = *state;
	static const char *const langs[] = { "nl", "x-klingon", "zh-Hant-TW" };
	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		char *doc = in_language(langs[i]);
		struct lerq_report *report = NULL;
		char *html = render_ok(f->renderer, doc, LERQ_FORMAT_HTML, &report);
		const struct lerq_finding *w = assert_only_finding(report, "LERQ-L001");
		assert_int_equal(lerq_finding_severity(w), LERQ_SEVERITY_WARNING);
		assert_contains(lerq_finding_message(w), langs[i]);
		assert_string_equal(lerq_finding_path(w), "/Request");
		assert_true(lerq_report_is_valid(report));
		assert_contains(html, "<html lang=\"en\"");
		assert_contains(html, "Dear Sir or Madam,");
		free(html);
		lerq_report_free(report);
		free(doc);
	}
}

static void test_invalid_document_gets_no_letter(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	/* A free-mail address for the contact officer: LERQ-R001. */
	char *bad = replace_all(doc, "julia.hartmann@polizei.nrw", "julia.hartmann@gmail.com");
	char *out = (char *)"untouched";
	size_t size = 7;
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_render_memory(f->renderer, bad, strlen(bad), LERQ_FORMAT_HTML,
	                                    TEST_NOW, &out, &size, &report),
	                 LERQ_EDOCUMENT);
	assert_string_equal(out, "untouched");
	assert_int_equal(size, 7);
	assert_non_null(report);
	assert_has_finding(report, "LERQ-R001");
	assert_false(lerq_report_is_valid(report));
	lerq_report_free(report);

	/* Not even XML: refused, with its P001. */
	assert_int_equal(lerq_render_memory(f->renderer, "<Request", 8, LERQ_FORMAT_TEXT, TEST_NOW,
	                                    &out, &size, &report),
	                 LERQ_EDOCUMENT);
	assert_only_finding(report, "LERQ-P001");
	lerq_report_free(report);
	free(bad);
	free(doc);
}

static void test_bad_arguments_and_pdf(void **state)
{
	struct fixture *f = *state;
	char *out = NULL;
	size_t size = 0;
	struct lerq_report *report = (struct lerq_report *)1;
	const char *doc = "<x/>";

	assert_int_equal(lerq_renderer_new(NULL, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_render_memory(NULL, doc, 4, LERQ_FORMAT_HTML, TEST_NOW, &out, &size,
	                                    &report),
	                 LERQ_EINVAL);
	assert_null(report);
	assert_int_equal(lerq_render_memory(f->renderer, doc, 4, (enum lerq_format)7, TEST_NOW,
	                                    &out, &size, NULL),
	                 LERQ_EINVAL);
#ifdef LERQ_HAVE_PDF
	/* PDF is built in: <x/> is no document (test-render-pdf.c renders
	 * real ones). */
	assert_int_equal(lerq_render_memory(f->renderer, doc, 4, LERQ_FORMAT_PDF, TEST_NOW, &out,
	                                    &size, NULL),
	                 LERQ_EDOCUMENT);
#else
	assert_int_equal(lerq_render_memory(f->renderer, doc, 4, LERQ_FORMAT_PDF, TEST_NOW, &out,
	                                    &size, NULL),
	                 LERQ_ENOTSUP);
#endif
	assert_null(out);
	assert_string_equal(lerq_strerror(LERQ_ENOTSUP), "not supported by this build of lerq");
	lerq_renderer_free(NULL);
}

/* The letter is dated by the document, not the clock: same bytes. */
static void test_reproducible(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(EXAMPLE("cross-border-request.xml"), NULL);
	char *a = render_ok(f->renderer, doc, LERQ_FORMAT_HTML, NULL);
	char *out = NULL;
	size_t size;
	assert_int_equal(lerq_render_memory(f->renderer, doc, strlen(doc), LERQ_FORMAT_HTML,
	                                    lerq_now(), &out, &size, NULL),
	                 LERQ_OK);
	assert_string_equal(a, out);
	free(out);
	free(a);
	free(doc);
}

/* ---- -o: a temporary file and a rename ---- */

static size_t count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void test_to_file_is_atomic(void **state)
{
	struct fixture *f = *state;
	char dir[] = "/tmp/lerq-render-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256], sub[256], missing[256];
	snprintf(path, sizeof(path), "%s/letter.html", dir);
	snprintf(sub, sizeof(sub), "%s/a-directory", dir);
	snprintf(missing, sizeof(missing), "%s/no/such/dir/letter.html", dir);
	size_t size;
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), &size);

	/* A new letter: the same bytes as in memory, with the umask's mode
	 * (issue 14: it was 0600 whatever the umask), alone. */
	mode_t old_mask = umask(077);
	assert_int_equal(lerq_render_to_file(f->renderer, doc, size, LERQ_FORMAT_HTML, TEST_NOW,
	                                     path, NULL),
	                 LERQ_OK);
	umask(old_mask);
	char *written = slurp(path, NULL);
	char *expected = render_ok(f->renderer, doc, LERQ_FORMAT_HTML, NULL);
	assert_string_equal(written, expected);
	free(written);
	free(expected);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(count_entries(dir), 1);

	/* Replacing it keeps its permissions. */
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(lerq_render_to_file(f->renderer, doc, size, LERQ_FORMAT_TEXT, TEST_NOW,
	                                     path, NULL),
	                 LERQ_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);

	/* An invalid document leaves the old letter as it was. */
	char *before = slurp(path, NULL);
	char *bad = replace_all(doc, "<Priority>routine</Priority>", "<Priority>soon</Priority>");
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_render_to_file(f->renderer, bad, strlen(bad), LERQ_FORMAT_HTML,
	                                     TEST_NOW, path, &report),
	                 LERQ_EDOCUMENT);
	assert_has_finding(report, "LERQ-S001");
	lerq_report_free(report);
	char *after = slurp(path, NULL);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(bad);

	/* Unwritable places: LERQ_EIO with errno, and nothing left behind. */
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(lerq_render_to_file(f->renderer, doc, size, LERQ_FORMAT_HTML, TEST_NOW,
	                                     sub, NULL),
	                 LERQ_EIO);
	assert_int_equal(errno, EISDIR);
	assert_int_equal(lerq_render_to_file(f->renderer, doc, size, LERQ_FORMAT_HTML, TEST_NOW,
	                                     missing, NULL),
	                 LERQ_EIO);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(count_entries(dir), 2); /* letter.html and a-directory */
	assert_int_equal(count_entries(sub), 0);

	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	free(doc);
}

/* ---- one renderer, several threads ---- */

struct job {
	const struct lerq_renderer *renderer;
	const char *doc;
	const char *expected;
	int failures;
};

static void *render_many(void *arg)
{
	struct job *job = arg;
	for (int i = 0; i < 8; i++) {
		char *out = NULL;
		size_t size;
		if (lerq_render_memory(job->renderer, job->doc, strlen(job->doc), LERQ_FORMAT_HTML,
		                       TEST_NOW, &out, &size, NULL) != LERQ_OK ||
		    strcmp(out, job->expected) != 0)
			job->failures++;
		free(out);
	}
	return NULL;
}

static void test_threads_share_a_renderer(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(EXAMPLE("cross-border-request.xml"), NULL);
	char *expected = render_ok(f->renderer, doc, LERQ_FORMAT_HTML, NULL);
	pthread_t threads[4];
	struct job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){ f->renderer, doc, expected, 0 };
		assert_int_equal(pthread_create(&threads[i], NULL, render_many, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(threads[i], NULL), 0);
		assert_int_equal(jobs[i].failures, 0);
	}
	free(expected);
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_example_in_every_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_request_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_preservation_and_emergency_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_response_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markup_in_text_is_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bidi_controls_isolated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_non_latin_names_survive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_languages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revision_1_1_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_emergency_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_citations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_preservation_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_response_with_request, setup, teardown),
		cmocka_unit_test_setup_teardown(test_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unsupported_language_falls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_document_gets_no_letter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_arguments_and_pdf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reproducible, setup, teardown),
		cmocka_unit_test_setup_teardown(test_to_file_is_atomic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_threads_share_a_renderer, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
