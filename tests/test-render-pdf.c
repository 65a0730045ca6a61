/* SPDX-License-Identifier: MIT */
/*
 * PDF letters (issue 8): every example renders; the text layer (read back
 * with poppler's pdftotext) says every word the text letter says; the
 * metadata, page size, language and links are there; a 300-item request
 * paginates with the table header on every page; names in other scripts
 * survive; the same document gives the same bytes, from any thread; and
 * the library prints nothing. Tests that need poppler-utils skip without
 * them (.ci/run installs them).
 */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>

#include <fontconfig/fontconfig.h>

#include "pdf-test.h"

/* ---- tests ---- */

/* The example letterhead is an agency's: it refuses a response. */
static bool agency_letterhead;

static int setup_agency(void **state)
{
	agency_letterhead = true;
	return setup_letterhead(state);
}

static int teardown_agency(void **state)
{
	agency_letterhead = false;
	return teardown(state);
}

/* Every example, with lerq's letterhead and the example one, as PDF that
 * says every word of the text letter; on the agency's letterhead, a
 * response is refused (issue 14: a letterhead belongs to its writer). */
static void test_every_example(void **state)
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
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", EXAMPLE(""), e->d_name);
		char *doc = slurp(path, NULL);
		size_t size;
		if (agency_letterhead && strstr(doc, "<Response") != NULL) {
			char *out = NULL;
			struct lerq_report *report = NULL;
			assert_int_equal(lerq_render_memory(f->renderer, doc, strlen(doc),
			                                    LERQ_FORMAT_PDF, TEST_NOW, &out, &size,
			                                    &report),
			                 LERQ_EINVAL);
			assert_null(out);
			const struct lerq_finding *w = assert_only_finding(report, "LERQ-L003");
			assert_contains(lerq_finding_message(w), "this letterhead is for requests");
			lerq_report_free(report);
			free(doc);
			rendered++;
			continue;
		}
		char *pdf = render_pdf(f->renderer, doc, &size);
		if (tool_found(LERQ_PDFTOTEXT)) {
			char *text = render_ok(f->renderer, doc, LERQ_FORMAT_TEXT, NULL);
			char *words = lerq__pdf_text(pdf, size);
			assert_says_what_text_says(words, text);
			assert_no_orphan_headings(words, text);
			free(words);
			free(text);
		}
		free(pdf);
		free(doc);
		rendered++;
	}
	closedir(d);
	assert_true(rendered >= 6);
}

/* The fields the letters issue lists, in the PDF's text layer. */
static void test_request_fields(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	static const char *const fields[] = {
		"Landeskriminalamt Nordrhein-Westfalen", "Cybercrime Competence Centre, Division 41",
		"Völklinger Straße 49", "40221 Düsseldorf", "+492119390", "https://lka.polizei.nrw/",
		"Rheinwelle Kommunikation GmbH", "Hohenzollernring 72", "50672 Köln",
		"behoerdenanfragen@rheinwelle.de", "Düsseldorf, 16 October 2026",
		("Request for the disclosure of subscriber and traffic data (ref. "
		 "LKA-NRW/41.3/2026/004187)"),
		"Code of Criminal Procedure (Strafprozessordnung, StPO), § 100j (1) and (2)",
		"Judicial order 502 Gs 1873/26 of 15 October 2026, valid until 14 January 2027",
		"Amtsgericht Köln (Local Court of Cologne), investigating judge",
		"Data espionage (section 202a Criminal Code, StGB)", "198.51.100.23",
		"IPv4 address, port 51234", "14 October 2026, 21:17:43 (UTC+02:00)",
		"2001:db8:4f2a:1c00:5d3e:91ff:fe2b:7a10", "j.krause.1984@rheinwelle-mail.de",
		"Please do not inform the subscriber", "Please send the data by secure e-mail.",
		"Please respond by 30 October 2026, 16:00 (UTC+01:00).",
		"e3dd18554d5466a71c4346aa2a50943ecb8fa71d56585553d3709f5c367e7138",
		"Julia Hartmann", "+492119394417", "julia.hartmann@polizei.nrw", "Thomas Westermann",
		"Head of the Cybercrime Competence Centre", "1. Legal basis", "3. Data requested",
		"Page 1 of 3", "Page 3 of 3",
	};
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	size_t size;
	char *pdf = render_pdf(f->renderer, doc, &size);
	char *words = lerq__pdf_text(pdf, size);
	char *flat = squeeze(words);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		char *field = squeeze(fields[i]);
		if (strstr(flat, field) == NULL)
			fail_msg("\"%s\" is not in the PDF", fields[i]);
		free(field);
	}
	/* The footer, with switchboard and website, on every page. */
	assert_int_equal(count(words, "Switchboard +492119390 \u00b7 https://lka.polizei.nrw/"), 3);
	/* Links for the website, e-mail addresses and telephone numbers. */
	assert_pdf_has(pdf, size, "/URI (https://lka.polizei.nrw/)");
	assert_pdf_has(pdf, size, "/URI (mailto:julia.hartmann@polizei.nrw)");
	assert_pdf_has(pdf, size, "/URI (tel:+492119394417)");
	free(flat);
	free(words);
	free(pdf);
	free(doc);
}

/* Continuation pages (issue 14): every page after the first begins with
 * the registration number and says that the letter continues; the
 * first does not. The HTML letter's print pages say the same. */
static void test_continuation_pages(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	static const struct {
		const char *lang, *head;
	} cases[] = {
		{ "en", "LKA-NRW/41.3/2026/004187 (continued)" },
		{ "de", "LKA-NRW/41.3/2026/004187 (Fortsetzung)" },
	};
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	for (size_t i = 0; i < 2; i++) {
		char attr[32];
		snprintf(attr, sizeof(attr), "xml:lang=\"%s\"", cases[i].lang);
		char *other = replace_all(doc, "xml:lang=\"en\"", attr);
		size_t size;
		char *pdf = render_pdf(f->renderer, other, &size);
		char *words = lerq__pdf_text(pdf, size);
		size_t pages = 0;
		for (char *save = NULL, *page = strtok_r(words, "\f", &save); page != NULL;
		     page = strtok_r(NULL, "\f", &save)) {
			if (*page == '\0' || *page == '\n')
				continue;
			pages++;
			if (pages == 1)
				assert_null(strstr(page, cases[i].head));
			else if (strncmp(page, cases[i].head, strlen(cases[i].head)) != 0)
				fail_msg("page %zu begins: %.60s", pages, page);
		}
		assert_true(pages >= 3);
		char *html = render_ok(f->renderer, other, LERQ_FORMAT_HTML, NULL);
		char css[128];
		snprintf(css, sizeof(css), "@top-right {\n    content: \"%s\"", cases[i].head);
		assert_contains(html, css);
		assert_contains(html, "@page :first {\n  @top-right { content: none; }");
		free(html);
		free(words);
		free(pdf);
		free(other);
	}
	free(doc);
}

/* A record split across pages repeats its heading (issue 14): every page
 * with fields of the record says whose they are. */
static void test_record_heading_repeats(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	char *doc = slurp(EXAMPLE("response.xml"), NULL);
	char fields[60 * 200] = "";
	for (int k = 0; k < 60; k++) {
		char field[200];
		snprintf(field, sizeof(field),
		         "<Field name=\"session %d\">2026-10-14 20:58:06 to 2026-10-15 04:12:50 "
		         "CEST from 198.51.100.23, source ports 51200-51263</Field>",
		         k);
		strcat(fields, field);
	}
	strcat(fields, "</Record>");
	/* The first record only: */
	const char *first = strstr(doc, "</Record>");
	assert_non_null(first);
	size_t n = strlen(doc) + strlen(fields) + 1;
	char *longer = malloc(n);
	assert_non_null(longer);
	snprintf(longer, n, "%.*s%s%s", (int)(first - doc), doc, fields, first + strlen("</Record>"));
	size_t size;
	char *pdf = render_pdf(f->renderer, longer, &size);
	char *words = lerq__pdf_text(pdf, size);
	size_t pages = 0;
	for (char *save = NULL, *page = strtok_r(words, "\f", &save); page != NULL;
	     page = strtok_r(NULL, "\f", &save)) {
		if (strstr(page, "session ") == NULL)
			continue;
		pages++;
		if (strstr(page, "Item i1") == NULL)
			fail_msg("a page of the record without its heading: %.80s", page);
	}
	assert_true(pages >= 2);
	free(words);
	free(pdf);
	free(longer);
	free(doc);
}

/* An emergency letter (issues 12 and 14): on page 1, right after the
 * introduction, the emergency and its threat, the contacts with the
 * officer's service number and the supervisor; the case reference in the
 * reference block; the banner says the threat. */
static void test_emergency_on_page_one(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	char *doc = slurp(EXAMPLE("emergency-request.xml"), NULL);
	size_t size;
	char *pdf = render_pdf(f->renderer, doc, &size);
	char *words = lerq__pdf_text(pdf, size);
	char *end = strchr(words, '\f');
	assert_non_null(end);
	*end = '\0';
	char *page1 = squeeze(words);
	static const char *const first[] = {
		"Emergency:threattolife.", "Casereference", "PULSE:26-4419781", "1.Emergency",
		"Natureofthethreat", "threattolife", "2.Verificationandcontact", "CiaránByrne",
		"Servicenumber41876D", "DeirdreWalsh", "+35316663710", "Supervisor:",
	};
	for (size_t i = 0; i < sizeof(first) / sizeof(first[0]); i++)
		if (strstr(page1, first[i]) == NULL)
			fail_msg("\"%s\" is not on page 1", first[i]);
	assert_null(strstr(page1, "lifeorlimb"));
	free(page1);
	free(words);
	free(pdf);
	/* In every language, though French, German and Spanish take more
	 * room. */
	static const char *const langs[] = { "xml:lang=\"fr\"", "xml:lang=\"de\"",
		                             "xml:lang=\"es\"" };
	for (size_t i = 0; i < 3; i++) {
		char *other = replace_all(doc, "xml:lang=\"en\"", langs[i]);
		pdf = render_pdf(f->renderer, other, &size);
		words = lerq__pdf_text(pdf, size);
		end = strchr(words, '\f');
		assert_non_null(end);
		*end = '\0';
		page1 = squeeze(words);
		assert_non_null(strstr(page1, "PULSE:26-4419781"));
		assert_non_null(strstr(page1, "41876D"));
		assert_non_null(strstr(page1, "CiaránByrne"));
		assert_non_null(strstr(page1, "DeirdreWalsh"));
		assert_non_null(strstr(page1, "+35316663710"));
		free(page1);
		free(words);
		free(pdf);
		free(other);
	}
	free(doc);
}

/* Column heads are never broken inside a word (issue 14: "Posi-/tion",
 * "Éléme-/nt"): the narrow item column widens for its head. */
static void test_column_heads_whole(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	static const struct {
		const char *lang, *head;
	} cases[] = {
		{ "xml:lang=\"fr\"", "Élément" },
		{ "xml:lang=\"de\"", "Position" },
		{ "xml:lang=\"es\"", "Elemento" },
	};
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	for (size_t i = 0; i < 3; i++) {
		char *other = replace_all(doc, "xml:lang=\"en\"", cases[i].lang);
		size_t size;
		char *pdf = render_pdf(f->renderer, other, &size);
		char *words = lerq__pdf_text(pdf, size);
		assert_contains(words, cases[i].head);
		free(words);
		free(pdf);
		free(other);
	}
	free(doc);
}

static void test_metadata(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFINFO);
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	size_t size;
	char *pdf = render_pdf(f->renderer, doc, &size);
	char *err = NULL;
	char *info = run_tool(LERQ_PDFINFO, NULL, pdf, size, &err);
	/* poppler has nothing to complain of (the /Lang update included). */
	assert_string_equal(err, "");
	assert_info(info, "Title:", "Request for the disclosure of subscriber and traffic data "
	                            "(ref. LKA-NRW/41.3/2026/004187)");
	assert_info(info, "Author:", "Landeskriminalamt Nordrhein-Westfalen (State Criminal "
	                             "Police Office of North Rhine-Westphalia)");
	assert_info(info, "Subject:", "Request for the disclosure of subscriber and traffic data "
	                              "(ref. LKA-NRW/41.3/2026/004187)");
	assert_info(info, "Keywords:", "LKA-NRW/41.3/2026/004187");
	/* IssuedAt 2026-10-16T10:42:00+02:00, never the clock. */
	assert_info(info, "CreationDate:", "Fri Oct 16 08:42:00 2026 UTC");
	assert_info(info, "ModDate:", "Fri Oct 16 08:42:00 2026 UTC");
	assert_info(info, "Pages:", "3");
	assert_info(info, "Page size:", "595.276 x 841.89 pts (A4)");
	assert_pdf_has(pdf, size, "/Lang (en)");
	free(info);
	free(err);
	free(pdf);

	/* US Letter, on request; a French letter says so. */
	assert_int_equal(lerq_renderer_set_paper(f->renderer, LERQ_PAPER_LETTER), LERQ_OK);
	char *fr = replace_all(doc, "xml:lang=\"en\"", "xml:lang=\"fr\"");
	pdf = render_pdf(f->renderer, fr, &size);
	info = run_tool(LERQ_PDFINFO, NULL, pdf, size, NULL);
	assert_info(info, "Page size:", "612 x 792 pts (letter)");
	assert_pdf_has(pdf, size, "/Lang (fr)");
	assert_int_equal(lerq_renderer_set_paper(f->renderer, (enum lerq_paper)2), LERQ_EINVAL);
	assert_int_equal(lerq_renderer_set_paper(NULL, LERQ_PAPER_A4), LERQ_EINVAL);
	free(info);
	free(pdf);
	free(fr);
	free(doc);
}

/* Every language the letters have, in words and in the metadata. */
static void test_languages(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	static const struct {
		const char *lang, *tag, *page;
	} cases[] = {
		{ "de", "/Lang (de)", "Seite 1 von 3" },
		{ "es", "/Lang (es)", "Página 1 de 3" },
		{ "fr-BE", "/Lang (fr)", "Page 1 sur 3" },
	};
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char attr[32];
		snprintf(attr, sizeof(attr), "xml:lang=\"%s\"", cases[i].lang);
		char *other = replace_all(doc, "xml:lang=\"en\"", attr);
		size_t size;
		char *pdf = render_pdf(f->renderer, other, &size);
		char *text = render_ok(f->renderer, other, LERQ_FORMAT_TEXT, NULL);
		char *words = lerq__pdf_text(pdf, size);
		assert_says_what_text_says(words, text);
		assert_no_orphan_headings(words, text);
		assert_contains(words, cases[i].page);
		assert_pdf_has(pdf, size, cases[i].tag);
		free(words);
		free(text);
		free(pdf);
		free(other);
	}
	free(doc);
}

/* A request of 300 items: one long table over many pages, its header row
 * at the top of each, every item there once. */
static char *many_items(size_t n)
{
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	char *start = strstr(doc, "    <Item id=\"i1\"");
	char *end = strstr(doc, "  </DataRequested>");
	assert_non_null(start);
	assert_non_null(end);
	char *first_end = strstr(start, "</Item>\n") + strlen("</Item>\n");
	size_t item_len = (size_t)(first_end - start);
	char *out = malloc(strlen(doc) + n * (item_len + 16) + 1);
	assert_non_null(out);
	size_t len = (size_t)(start - doc);
	memcpy(out, doc, len);
	for (size_t i = 1; i <= n; i++) {
		char id[32];
		snprintf(id, sizeof(id), "id=\"i%zu\"", i);
		char item[4096];
		assert_true(item_len < sizeof(item));
		memcpy(item, start, item_len);
		item[item_len] = '\0';
		char *renamed = replace_all(item, "id=\"i1\"", id);
		len += (size_t)sprintf(out + len, "%s", renamed);
		free(renamed);
	}
	strcpy(out + len, end);
	free(doc);
	return out;
}

static void test_300_items(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	char *doc = many_items(300);
	size_t size;
	char *pdf = render_pdf(f->renderer, doc, &size);
	char *words = lerq__pdf_text(pdf, size);
	const char *header = "Item Identifier Date and time Data requested";
	size_t pages = 0, with_rows = 0;
	for (char *save = NULL, *page = strtok_r(words, "\f", &save); page != NULL;
	     page = strtok_r(NULL, "\f", &save)) {
		pages++;
		size_t rows = count(page, "Relevance:");
		if (rows == 0)
			continue;
		with_rows++;
		/* Each page with rows starts them under one header row. */
		if (count(page, header) != 1)
			fail_msg("page %zu has %zu rows and %zu header rows", pages, rows,
			         count(page, header));
		assert_true(strstr(page, header) < strstr(page, "Relevance:"));
	}
	assert_true(pages > 20);
	assert_true(with_rows > 20);
	free(words);

	/* Every item once, in order, and the page count in the footer. */
	words = lerq__pdf_text(pdf, size);
	const char *p = words;
	for (int i = 1; i <= 300; i++) {
		char id[16];
		snprintf(id, sizeof(id), "\ni%d ", i);
		const char *at = strstr(p, id);
		if (at == NULL)
			fail_msg("item i%d missing or out of order", i);
		p = at + 1;
	}
	/* "Page N of M" counts to the end. */
	const char *of = strstr(words, "Page 1 of ");
	assert_non_null(of);
	int total = atoi(of + strlen("Page 1 of "));
	assert_true(total > 20);
	char last[32];
	snprintf(last, sizeof(last), "Page %d of %d", total, total);
	assert_contains(words, last);
	free(words);
	free(pdf);
	free(doc);
}

/* Names in Cyrillic, Greek, Chinese and Arabic: in the text layer, and
 * set in a font that has them (no empty boxes). */
static void test_non_latin_names(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	char *doc = slurp(DATA("render/non-latin-names.xml"), NULL);
	char *arabic = replace_all(doc, "Иван Петрович Сидоров", "Иван Петрович Сидоров / "
	                                                          "محمد عبد الله");
	size_t size;
	char *pdf = render_pdf(f->renderer, arabic, &size);
	char *words = lerq__pdf_text(pdf, size);
	char *flat = squeeze(words);
	static const char *const names[] = {
		"ИванПетровичСидоров", "王小明", "ΕλληνικήΤηλεπικοινωνιακήΑ.Ε./北京网络有限公司",
		"Dear Sir or Madam,",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *name = squeeze(names[i]);
		if (strstr(flat, name) == NULL)
			fail_msg("\"%s\" is not in the PDF", names[i]);
		free(name);
	}
	/* Arabic is stored in visual order; it is there, whichever way
	 * poppler reads it back. */
	assert_true(strstr(flat, "محمد") != NULL || strstr(flat, "دمحم") != NULL);
	if (tool_found(LERQ_PDFFONTS)) {
		/* DejaVu has no Chinese: another font was found for it. */
		char *fonts = run_tool(LERQ_PDFFONTS, NULL, pdf, size, NULL);
		bool other = false;
		for (char *save = NULL, *l = strtok_r(fonts, "\n", &save); l != NULL;
		     l = strtok_r(NULL, "\n", &save))
			if (strchr(l, '+') != NULL && strstr(l, "DejaVu") == NULL &&
			    strstr(l, "Liberation") == NULL)
				other = true;
		assert_true(other);
		free(fonts);
	}
	free(flat);
	free(words);
	free(pdf);
	free(arabic);
	free(doc);
}

/* Renders to PDF and hands back the report. */
static char *render_pdf_report(const struct lerq_renderer *r, const char *doc,
                               struct lerq_report **report)
{
	char *out = NULL;
	size_t size = 0;
	int e = lerq_render_memory(r, doc, strlen(doc), LERQ_FORMAT_PDF, TEST_NOW, &out, &size,
	                           report);
	if (e != LERQ_OK) {
		print_report(*report);
		fail_msg("lerq_render_memory(PDF) returned %d (%s)", e, lerq_strerror(e));
	}
	assert_memory_equal(out, "%PDF-", 5);
	return out;
}

/* No silent loss (issue 14): Chinese, Cyrillic, Greek and Arabic have
 * fonts (tools/install-deps.sh installs them) and give no warning; a
 * character that no installed font has is a LERQ-L004 warning naming the
 * field, with its line, and the letter is still written. */
static void test_missing_glyph_is_a_warning(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(DATA("render/non-latin-names.xml"), NULL);
	struct lerq_report *report = NULL;
	char *pdf = render_pdf_report(f->renderer, doc, &report);
	assert_no_findings(report);
	lerq_report_free(report);
	free(pdf);

	/* Linear A: in no font lerq installs. */
	FcPattern *pat = FcPatternCreate();
	FcCharSet *cs = FcCharSetCreate();
	FcCharSetAddChar(cs, 0x10600);
	FcPatternAddCharSet(pat, FC_CHARSET, cs);
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, NULL);
	FcFontSet *having = FcFontList(NULL, pat, os);
	bool covered = having != NULL && having->nfont > 0;
	if (having)
		FcFontSetDestroy(having);
	FcObjectSetDestroy(os);
	FcCharSetDestroy(cs);
	FcPatternDestroy(pat);
	if (covered) {
		free(doc);
		print_message("a font has U+10600: skipped\n");
		skip();
	}
	char *example = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	char *lost = replace_all(example, "The mailbox sent", "The mailbox \xF0\x90\x98\x80 sent");
	pdf = render_pdf_report(f->renderer, lost, &report);
	const struct lerq_finding *w = assert_only_finding(report, "LERQ-L004");
	assert_int_equal(lerq_finding_severity(w), LERQ_SEVERITY_WARNING);
	assert_contains(lerq_finding_message(w), "Relevance");
	assert_contains(lerq_finding_message(w), "U+10600");
	assert_string_equal(lerq_finding_path(w), "/Request/DataRequested/Item[3]/Relevance");
	assert_true(lerq_finding_line(w) > 0);
	lerq_report_free(report);
	free(pdf);
	/* HTML and text letters are not checked: the reader's fonts decide. */
	char *html = render_ok(f->renderer, lost, LERQ_FORMAT_HTML, &report);
	assert_no_findings(report);
	lerq_report_free(report);
	free(html);
	free(lost);
	free(example);
	free(doc);
}

/* A document's markup and a hostile href are text; nothing else links. */
static void test_markup_is_text(void **state)
{
	struct fixture *f = *state;
	NEED(LERQ_PDFTOTEXT);
	char *doc = slurp(DATA("render/markup-in-text.xml"), NULL);
	size_t size;
	char *pdf = render_pdf(f->renderer, doc, &size);
	char *words = lerq__pdf_text(pdf, size);
	char *flat = squeeze(words);
	char *expect = squeeze("<script>alert(\"summary\")</script> Tom & Jerry <b>bold</b> &amp;");
	assert_contains(flat, expect);
	free(expect);
	free(flat);
	free(words);
	free(pdf);
	free(doc);
}

/* A letterhead's links: only https, http, mailto and tel link; quotes
 * in a URI cannot end cairo's attribute; a logo that is no PNG, or one
 * too big, is left out. */
static void test_hostile_letterhead(void **state)
{
	struct fixture *f = *state;
	static const char lh[] =
		"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
		" xmlns='urn:lerq:letter:1'>"
		"<xsl:import href='res:///letter.xsl'/>"
		"<xsl:template name='letterhead-logo'>"
		"<logo height='500' src='data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAw1AAAMNQ'/>"
		"<logo src='data:image/svg+xml;base64,PHN2Zy8+'/>"
		"</xsl:template>"
		"<xsl:template name='letterhead-footer'>"
		"<line><link href='javascript:alert(1)'>run me</link><xsl:text> </xsl:text>"
		"<link href=\"https://example.org/a'b\\c) uri='x\">quoted</link>"
		"<xsl:text> </xsl:text><link href='file:///etc/passwd'>file</link></line>"
		"</xsl:template>"
		"</xsl:stylesheet>";
	assert_int_equal(lerq_renderer_set_letterhead_memory(f->renderer, lh, strlen(lh), NULL),
	                 LERQ_OK);
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	size_t size;
	char *pdf = render_pdf(f->renderer, doc, &size);
	assert_pdf_lacks(pdf, size, "javascript");
	assert_pdf_lacks(pdf, size, "file:");
	/* Percent-encoded: cairo 1.16 would write ) and a backslash as is. */
	assert_pdf_has(pdf, size, "/URI (https://example.org/a%27b%5Cc%29%20uri=%27x)");
	assert_pdf_lacks(pdf, size, "/Subtype /Image");
	if (tool_found(LERQ_PDFINFO)) {
		char *err = NULL;
		free(run_tool(LERQ_PDFINFO, NULL, pdf, size, &err));
		assert_string_equal(err, "");
		free(err);
	}
	if (tool_found(LERQ_PDFTOTEXT)) {
		char *words = lerq__pdf_text(pdf, size);
		assert_contains(words, "run me quoted file");
		free(words);
	}
	free(pdf);
	free(doc);
}

/* The example letterhead's emblem is in the PDF, as an image. */
static void test_logo(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	size_t size;
	char *pdf = render_pdf(f->renderer, doc, &size);
	assert_true(count_bytes(pdf, size, "/Subtype /Image") >= 1);
	free(pdf);
	free(doc);
}

/* Same document, same bytes: whatever the clock says. */
static void test_reproducible(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(EXAMPLE("emergency-request.xml"), NULL);
	size_t a_size, b_size;
	char *a = render_pdf(f->renderer, doc, &a_size);
	char *b = NULL;
	assert_int_equal(lerq_render_memory(f->renderer, doc, strlen(doc), LERQ_FORMAT_PDF,
	                                    lerq_now(), &b, &b_size, NULL),
	                 LERQ_OK);
	assert_int_equal(a_size, b_size);
	assert_memory_equal(a, b, a_size);
	/* IssuedAt 2026-08-22T03:40:00+01:00 (cairo 1.16 writes no "D:"). */
	assert_pdf_has(a, a_size, "/CreationDate (20260822034000+01'00)");
	free(b);

	/* And to a file, through the same atomic path as the other formats. */
	char path[] = "/tmp/lerq-pdf-file-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(lerq_render_to_file(f->renderer, doc, strlen(doc), LERQ_FORMAT_PDF,
	                                     TEST_NOW, path, NULL),
	                 LERQ_OK);
	b = slurp(path, &b_size);
	assert_int_equal(a_size, b_size);
	assert_memory_equal(a, b, a_size);
	unlink(path);
	free(b);
	free(a);
	free(doc);
}

/* The library writes nothing on standard error (fontconfig, pango). */
static void test_prints_nothing(void **state)
{
	struct fixture *f = *state;
	char path[] = "/tmp/lerq-stderr-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	fflush(stderr);
	int saved = dup(2);
	dup2(fd, 2);
	static const char *const docs[] = {
		EXAMPLE("response.xml"), DATA("render/non-latin-names.xml"),
		DATA("render/markup-in-text.xml"),
	};
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		char *doc = slurp(docs[i], NULL);
		size_t size;
		char *pdf = render_pdf(f->renderer, doc, &size);
		free(pdf);
		free(doc);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	size_t size;
	char *err = slurp(path, &size);
	unlink(path);
	assert_string_equal(err, "");
	free(err);
}

/* A system without fonts: no PDF of empty boxes, but LERQ_ENOTSUP, said
 * clearly by the tool, and nothing from fontconfig or pango. */
static void test_no_fonts(void **state)
{
	(void)state;
	char dir[] = "/tmp/lerq-nofonts-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char conf[256], err_path[256];
	snprintf(conf, sizeof(conf), "%s/fonts.conf", dir);
	snprintf(err_path, sizeof(err_path), "%s/stderr", dir);
	FILE *c = fopen(conf, "w");
	assert_non_null(c);
	fprintf(c, "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>%s</cachedir></fontconfig>\n",
	        dir);
	fclose(c);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int null = open("/dev/null", O_WRONLY);
		if (fd < 0 || null < 0)
			_exit(127);
		dup2(null, 1);
		dup2(fd, 2);
		setenv("FONTCONFIG_FILE", conf, 1);
		execl(LERQ_CLI, LERQ_CLI, "render", "--to", "pdf", "--now", "2026-11-26T12:00:00Z",
		      EXAMPLE("response.xml"), (char *)NULL);
		_exit(127);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 2);
	char *err = slurp(err_path, NULL);
	assert_string_equal(err, "lerq render: this build of lerq has no PDF support (or no font "
	                         "is installed); use --to html or --to text\n");
	free(err);
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* ---- one renderer, several threads ---- */

struct job {
	const struct lerq_renderer *renderer;
	const char *doc;
	const char *expected;
	size_t size;
	int failures;
};

static void *render_many(void *arg)
{
	struct job *job = arg;
	for (int i = 0; i < 3; i++) {
		char *out = NULL;
		size_t size = 0;
		if (lerq_render_memory(job->renderer, job->doc, strlen(job->doc), LERQ_FORMAT_PDF,
		                       TEST_NOW, &out, &size, NULL) != LERQ_OK ||
		    size != job->size || memcmp(out, job->expected, size) != 0)
			job->failures++;
		free(out);
	}
	return NULL;
}

static void test_threads(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(EXAMPLE("cross-border-request.xml"), NULL);
	size_t size;
	char *expected = render_pdf(f->renderer, doc, &size);
	pthread_t threads[4];
	struct job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){ f->renderer, doc, expected, size, 0 };
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
		cmocka_unit_test_setup_teardown(test_every_example, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_example, setup_agency, teardown_agency),
		cmocka_unit_test_setup_teardown(test_request_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_metadata, setup, teardown),
		cmocka_unit_test_setup_teardown(test_continuation_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_heading_repeats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_emergency_on_page_one, setup, teardown),
		cmocka_unit_test_setup_teardown(test_column_heads_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_languages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_300_items, setup, teardown),
		cmocka_unit_test_setup_teardown(test_non_latin_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_glyph_is_a_warning, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markup_is_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_logo, setup_letterhead, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_letterhead, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reproducible, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prints_nothing, setup, teardown),
		cmocka_unit_test(test_no_fonts),
		cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
