/* SPDX-License-Identifier: MIT */
/*
 * PDF letters (issue 8): the letter model typeset with pango and written
 * by cairo into memory. See pdf.h for how the work is split.
 *
 * Threads: every call makes its own cairo surface, cairo context, pango
 * context and layouts, and takes a pango font map that no other call
 * uses meanwhile from the renderer's pool (a font map is not
 * thread-safe; pango's per-thread default would do, but it lives until
 * its thread ends, which for the main thread is never: valgrind reports
 * it lost, and lerq would hold state nobody can free). A font map keeps
 * the fonts it has matched, so later letters are quicker; the pool is
 * freed with the renderer. fontconfig (2.14), cairo (1.16) and HarfBuzz
 * lock what they share. So one renderer serves any number of threads;
 * tests/test-render-pdf.c renders from four at once and compares the
 * bytes.
 *
 * Nothing is printed: text is set with pango attributes (no markup to
 * fail on), the fonts are checked for before anything is laid out
 * (pango warns on stderr when it has no font at all), and cairo's PNG
 * reader gives libpng handlers that stay quiet.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

/* The letter's typefaces, as in the HTML letter, then fonts that have the
 * scripts DejaVu lacks (Arabic for the serif, Chinese, Japanese and
 * Korean for both). Fontconfig falls back beyond the list for any other
 * character. */
#define SERIF "DejaVu Serif, Liberation Serif, Noto Serif, DejaVu Sans, " \
              "Noto Naskh Arabic, WenQuanYi Zen Hei, Noto Serif CJK SC, " \
              "Noto Sans CJK SC, serif"
#define SANS "DejaVu Sans, Liberation Sans, Noto Sans, Noto Sans Arabic, " \
             "WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif"

struct lerq_pdf_fonts {
	pthread_mutex_t lock;
	PangoFontMap **idle;
	size_t n, cap;
	FcCharSet *coverage; /* every installed font's characters, once asked */
	bool covered;
};

int lerq__pdf_fonts_new(struct lerq_pdf_fonts **out)
{
	struct lerq_pdf_fonts *f = calloc(1, sizeof(*f));
	if (f == NULL)
		return LERQ_ENOMEM;
	if (pthread_mutex_init(&f->lock, NULL) != 0) {
		free(f);
		return LERQ_ENOMEM;
	}
	*out = f;
	return LERQ_OK;
}

void lerq__pdf_fonts_free(struct lerq_pdf_fonts *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->n; i++)
		g_object_unref(f->idle[i]);
	free(f->idle);
	if (f->coverage != NULL)
		FcCharSetDestroy(f->coverage);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

/* The characters the installed fonts have, listed on first use (a few
 * milliseconds) and kept: NULL when fontconfig cannot say. */
static const FcCharSet *coverage(struct lerq_pdf_fonts *f)
{
	pthread_mutex_lock(&f->lock);
	if (!f->covered) {
		f->coverage = lerq__pdf_coverage_new();
		f->covered = true;
	}
	const FcCharSet *c = f->coverage;
	pthread_mutex_unlock(&f->lock);
	return c;
}

int lerq__pdf_check_fonts(struct lerq_pdf_fonts *pool, xmlDocPtr doc, lerq__pdf_warn_fn warn,
                          void *data)
{
	return lerq__pdf_check_glyphs(coverage(pool), doc, warn, data);
}

/* A font map for this call alone: an idle one, or a new one. */
static PangoFontMap *take_fonts(struct lerq_pdf_fonts *f)
{
	PangoFontMap *map = NULL;
	pthread_mutex_lock(&f->lock);
	if (f->n > 0)
		map = f->idle[--f->n];
	pthread_mutex_unlock(&f->lock);
	return map ? map : pango_cairo_font_map_new();
}

static void give_back(struct lerq_pdf_fonts *f, PangoFontMap *map)
{
	pthread_mutex_lock(&f->lock);
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 4;
		PangoFontMap **idle = realloc(f->idle, cap * sizeof(*idle));
		if (idle != NULL) {
			f->idle = idle;
			f->cap = cap;
		}
	}
	if (f->n < f->cap) {
		f->idle[f->n++] = map;
		map = NULL;
	}
	pthread_mutex_unlock(&f->lock);
	if (map != NULL)
		g_object_unref(map);
}

struct buffer {
	char *data;
	size_t size, cap;
	bool oom;
};

static cairo_status_t write_buffer(void *closure, const unsigned char *data, unsigned int n)
{
	struct buffer *b = closure;
	if (b->size + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		while (b->size + n + 1 > cap)
			cap *= 2;
		char *p = realloc(b->data, cap);
		if (p == NULL) {
			b->oom = true;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->size, data, n);
	b->size += n;
	return CAIRO_STATUS_SUCCESS;
}

/* #rgb or #rrggbb, as the HTML layout accepts; the default otherwise. */
static struct pdf_rgb accent(const xmlNode *letter)
{
	struct pdf_rgb c = { 0x1f / 255.0, 0x3a / 255.0, 0x5f / 255.0 };
	const xmlNode *st = lerq__pdf_child(letter, "style");
	char *v = st ? lerq__pdf_attr(st, "colour") : NULL;
	const char *s = v ? v : "";
	while (*s == ' ')
		s++;
	size_t n = strcspn(s, " ");
	unsigned h[6];
	bool ok = s[0] == '#' && (n == 4 || n == 7) && s[n + strspn(s + n, " ")] == '\0';
	for (size_t i = 1; ok && i < n; i++) {
		char ch = (char)(s[i] | 0x20);
		ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
		h[i - 1] = ch <= '9' ? (unsigned)(ch - '0') : (unsigned)(ch - 'a' + 10);
	}
	if (ok && n == 4)
		c = (struct pdf_rgb){ h[0] * 17 / 255.0, h[1] * 17 / 255.0, h[2] * 17 / 255.0 };
	else if (ok)
		c = (struct pdf_rgb){ (h[0] * 16 + h[1]) / 255.0, (h[2] * 16 + h[3]) / 255.0,
			              (h[4] * 16 + h[5]) / 255.0 };
	xmlFree(v);
	return c;
}

static const char *family(const xmlNode *letter)
{
	const xmlNode *st = lerq__pdf_child(letter, "style");
	char *v = st ? lerq__pdf_attr(st, "font") : NULL;
	bool sans = v != NULL && strcmp(v, "sans") == 0;
	xmlFree(v);
	return sans ? SANS : SERIF;
}

/* A font for the letter's typeface that has Latin letters and digits:
 * without any font, pango would set nothing but empty boxes (and may
 * warn on standard error). */
static bool have_fonts(PangoContext *pango, const char *family)
{
	PangoLayout *l = pango_layout_new(pango);
	PangoFontDescription *f = pango_font_description_from_string(family);
	pango_font_description_set_size(f, 10 * PANGO_SCALE);
	pango_layout_set_font_description(l, f);
	pango_layout_set_text(l, "Aa0", -1);
	bool ok = pango_layout_get_unknown_glyphs_count(l) == 0;
	pango_font_description_free(f);
	g_object_unref(l);
	return ok;
}

/* The page: A4 or US Letter; margins as the HTML letter's @page. */
static void page_setup(struct pdf_doc *d, enum lerq_paper paper)
{
	d->page_w = paper == LERQ_PAPER_LETTER ? 612 : PDF_MM(210);
	d->page_h = paper == LERQ_PAPER_LETTER ? 792 : PDF_MM(297);
	d->left = PDF_MM(22);
	d->top = PDF_MM(18);
	d->width = d->page_w - d->left - PDF_MM(18);
}

/* The footer sits on the bottom margin; the text stops above it. */
static void footer_setup(struct pdf_doc *d)
{
	double h = d->footer.height > PDF_MM(3) ? d->footer.height : PDF_MM(3);
	d->footer_top = d->page_h - PDF_MM(10) - h;
	d->body_bottom = d->footer_top - PDF_MM(6);
}

static void typeset(struct pdf_doc *d, const xmlNode *letter)
{
	lerq__pdf_build_letter(d, letter);
	if (d->oom)
		return;
	footer_setup(d);
	lerq__pdf_paginate(d);
	if (!d->oom)
		lerq__pdf_draw(d);
}

static void doc_free(struct pdf_doc *d)
{
	lerq__pdf_rows_free(d);
	for (size_t i = 0; i < d->n_places; i++)
		free(d->places[i].from);
	free(d->places);
	xmlFree(d->page_format);
	xmlFree(d->continued);
	xmlFree(d->suffix);
}

static int status_error(cairo_status_t s)
{
	return s == CAIRO_STATUS_NO_MEMORY ? LERQ_ENOMEM : LERQ_EINTERNAL;
}

int lerq__pdf_render(xmlDocPtr model, enum lerq_paper paper, struct lerq_pdf_fonts *pool,
                    char **out, size_t *size)
{
	const xmlNode *letter = xmlDocGetRootElement(model);
	if (letter == NULL || !lerq__pdf_is(letter, "letter"))
		return LERQ_EINTERNAL;

	struct pdf_doc d = { 0 };
	struct buffer b = { 0 };
	page_setup(&d, paper);
	cairo_surface_t *surface =
		cairo_pdf_surface_create_for_stream(write_buffer, &b, d.page_w, d.page_h);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		int r = status_error(cairo_surface_status(surface));
		cairo_surface_destroy(surface);
		return r;
	}
	lerq__pdf_set_metadata(surface, letter);
	d.cr = cairo_create(surface);
	PangoFontMap *fonts = take_fonts(pool);
	d.pango = pango_font_map_create_context(fonts);
	pango_cairo_update_context(d.cr, d.pango);
	/* Sizes in points: one pango point is one unit of PDF space. */
	pango_cairo_context_set_resolution(d.pango, 72);
	pango_context_set_base_dir(d.pango, PANGO_DIRECTION_LTR);
	char *lang = lerq__pdf_attr(letter, "lang");
	if (lang != NULL)
		pango_context_set_language(d.pango, pango_language_from_string(lang));
	d.family = family(letter);
	d.accent = accent(letter);
	d.suffix = lerq__pdf_attr(letter, "label-suffix");

	int r = LERQ_OK;
	if (!have_fonts(d.pango, d.family))
		r = LERQ_ENOTSUP;
	else
		typeset(&d, letter);
	if (r == LERQ_OK && d.oom)
		r = LERQ_ENOMEM;
	doc_free(&d);
	g_object_unref(d.pango);
	give_back(pool, fonts);
	cairo_destroy(d.cr);
	cairo_surface_finish(surface);
	if (r == LERQ_OK && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
		r = b.oom ? LERQ_ENOMEM : status_error(cairo_surface_status(surface));
	cairo_surface_destroy(surface);
	if (r == LERQ_OK)
		r = lerq__pdf_add_language(&b.data, &b.size, &b.cap, lang);
	xmlFree(lang);
	if (r != LERQ_OK) {
		free(b.data);
		return r;
	}
	b.data[b.size] = '\0';
	*out = b.data;
	*size = b.size;
	return LERQ_OK;
}
