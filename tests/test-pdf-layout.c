/* SPDX-License-Identifier: MIT */
/*
 * PDF line breaking (issue 14, item 2), on pango's layouts themselves:
 * pango draws a hyphen where it breaks a word, which the PDF's text layer
 * does not show (pdftotext reads the identifier intact), so the test
 * counts the glyphs of every line against its characters.
 */
#include "lerq-test.h"

#include <hb.h>

#include "pdf/pdf.h"

struct fx {
	PangoFontMap *map;
	struct pdf_doc d;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	f->map = pango_cairo_font_map_new();
	f->d.pango = pango_font_map_create_context(f->map);
	pango_cairo_context_set_resolution(f->d.pango, 72);
	f->d.family = "DejaVu Serif, WenQuanYi Zen Hei, serif";
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	g_object_unref(f->d.pango);
	g_object_unref(f->map);
	free(f);
	return 0;
}

/* Hyphens drawn beyond those of the text: hyphens pango added (it draws
 * U+2010, or "-" in a font without it). Also counts the lines. */
static int added_glyphs(PangoLayout *layout, int *lines)
{
	int added = 0;
	*lines = pango_layout_get_line_count(layout);
	const char *text = pango_layout_get_text(layout);
	for (int i = 0; i < *lines; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(layout, i);
		for (GSList *r = line->runs; r != NULL; r = r->next) {
			PangoGlyphItem *run = r->data;
			hb_font_t *hb = pango_font_get_hb_font(run->item->analysis.font);
			hb_codepoint_t hyphen = 0, minus = 0;
			hb_font_get_nominal_glyph(hb, 0x2010, &hyphen);
			hb_font_get_nominal_glyph(hb, '-', &minus);
			for (int g = 0; g < run->glyphs->num_glyphs; g++) {
				PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
				if (glyph == hyphen || glyph == minus)
					added++;
			}
			const char *t = text + run->item->offset, *end = t + run->item->length;
			for (; t < end; t = g_utf8_next_char(t)) {
				gunichar c = g_utf8_get_char(t);
				if (c == '-' || c == 0x2010)
					added--;
			}
		}
	}
	return added;
}

/* The first line starting inside [from, to) of the text, or -1. */
static int line_inside(PangoLayout *layout, int from, int to)
{
	for (int i = 1; i < pango_layout_get_line_count(layout); i++) {
		int start = pango_layout_get_line_readonly(layout, i)->start_index;
		if (start > from && start < to)
			return i;
	}
	return -1;
}

static xmlDocPtr model_line(const char *inner)
{
	char xml[1024];
	snprintf(xml, sizeof(xml), "<line xmlns=\"urn:lerq:letter:1\">%s</line>", inner);
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	return doc;
}

/* An item id in a narrow column, a word wider than its column, and a
 * column head: pango would hyphenate each (checked first, so that the
 * test can fail); lerq's layouts add no glyph. */
static void test_no_hyphen_is_drawn(void **state)
{
	struct fx *f = *state;
	static const char *const cases[] = {
		"<strong><code>subscriber-record-0001</code></strong>",
		"<strong>Telekommunikationsüberwachungsverordnung</strong>",
		"Positionsbezeichnung",
		"<link href=\"mailto:a.schmidt@lka.musterland.example\">a.schmidt@lka.musterland.example</link>",
	};
	const struct pdf_style st = { .size = 9, .colour = { 0, 0, 0 }, .align = PANGO_ALIGN_LEFT };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		xmlDocPtr doc = model_line(cases[i]);
		struct pdf_cell c;
		lerq__pdf_cell_init(&c, 0, 40);
		struct pdf_piece *p = lerq__pdf_cell_text(&f->d, &c, xmlDocGetRootElement(doc), &st, 0);
		assert_non_null(p);
		int lines;
		assert_int_equal(added_glyphs(p->layout, &lines), 0);
		if (lines < 2)
			fail_msg("case %zu: %d line(s), width %d", i, lines, pango_layout_get_width(p->layout));

		/* pango's default, for the same text in the same width. */
		PangoLayout *plain = pango_layout_new(f->d.pango);
		PangoFontDescription *fd = pango_font_description_from_string("DejaVu Serif 9");
		pango_layout_set_font_description(plain, fd);
		pango_layout_set_wrap(plain, PANGO_WRAP_WORD_CHAR);
		pango_layout_set_width(plain, 40 * PANGO_SCALE);
		pango_layout_set_text(plain, pango_layout_get_text(p->layout), -1);
		int plain_lines;
		if (i < 3) /* pango hyphenates words; the address it breaks after its dots */
			assert_true(added_glyphs(plain, &plain_lines) > 0);
		pango_font_description_free(fd);
		g_object_unref(plain);
		lerq__pdf_cell_free(&c);
		xmlFreeDoc(doc);
	}
}

/* An identifier that fits a line is not broken, not even after its
 * hyphens; a time zone stays whole. */
static void test_identifiers_and_zones_stay_whole(void **state)
{
	struct fx *f = *state;
	const struct pdf_style st = { .size = 9, .colour = { 0, 0, 0 }, .align = PANGO_ALIGN_LEFT };
	xmlDocPtr doc = model_line("confirms oral request <code>GNCCB-ORAL-2026-0419</code> "
	                           "of 14 October 2026, 21:17:43 (UTC+02:00) and (UTC-11:30)");
	/* From a width that holds the reference (about 98 points). */
	for (double width = 105; width <= 300; width += 7) {
		struct pdf_cell c;
		lerq__pdf_cell_init(&c, 0, width);
		struct pdf_piece *p = lerq__pdf_cell_text(&f->d, &c, xmlDocGetRootElement(doc), &st, 0);
		assert_non_null(p);
		const char *text = pango_layout_get_text(p->layout);
		const char *id = strstr(text, "GNCCB-ORAL-2026-0419");
		assert_non_null(id);
		int from = (int)(id - text);
		int line = line_inside(p->layout, from, from + (int)strlen("GNCCB-ORAL-2026-0419"));
		if (line >= 0)
			fail_msg("width %.0f: the reference breaks at line %d", width, line);
		for (const char *z = text; (z = strstr(z, "(UTC")) != NULL; z++) {
			from = (int)(z - text);
			line = line_inside(p->layout, from, from + 11);
			if (line >= 0)
				fail_msg("width %.0f: a time zone breaks at line %d", width, line);
		}
		int lines;
		assert_int_equal(added_glyphs(p->layout, &lines), 0);
		lerq__pdf_cell_free(&c);
	}
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_hyphen_is_drawn, setup, teardown),
		cmocka_unit_test_setup_teardown(test_identifiers_and_zones_stay_whole, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
