/* SPDX-License-Identifier: MIT */
/*
 * PDF letters: placed rows onto paper. Each line of text is drawn with
 * pango_cairo_show_layout_line(), which gives cairo the glyphs with the
 * text they came from: the PDF's text can be selected, searched and
 * copied. Links are cairo tags with the rectangles the linked text takes
 * on each line, so a wrapped address links on both lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

/* A coordinate for cairo's attributes, with a decimal point whatever
 * the program's locale says ("%f" might write a comma). */
static void coordinate(char out[32], double v)
{
	long hundredths = (long)(v * 100 + (v < 0 ? -0.5 : 0.5));
	snprintf(out, 32, "%s%ld.%02ld", hundredths < 0 ? "-" : "", labs(hundredths) / 100,
	         labs(hundredths) % 100);
}

/* Links over one drawn line: a rectangle per visual run of each link. */
static void draw_links(struct pdf_doc *d, const struct pdf_piece *p, PangoLayoutLine *line,
                       double x, double top, double height)
{
	for (size_t i = 0; i < p->n_links; i++) {
		const struct pdf_link *k = &p->links[i];
		if (k->end <= line->start_index || k->start >= line->start_index + line->length)
			continue;
		int *ranges = NULL, n = 0;
		pango_layout_line_get_x_ranges(line, k->start, k->end, &ranges, &n);
		for (int j = 0; j < n; j++) {
			double x0 = x + (double)ranges[2 * j] / PANGO_SCALE;
			double w = (double)(ranges[2 * j + 1] - ranges[2 * j]) / PANGO_SCALE;
			if (w <= 0)
				continue;
			char xs[32], ys[32], ws[32], hs[32];
			coordinate(xs, x0);
			coordinate(ys, top);
			coordinate(ws, w);
			coordinate(hs, height);
			char *attrs = lerq__strdup_printf("uri='%s' rect=[%s %s %s %s]", k->uri, xs,
			                                 ys, ws, hs);
			if (attrs == NULL) {
				d->oom = true;
				break;
			}
			cairo_tag_begin(d->cr, CAIRO_TAG_LINK, attrs);
			cairo_tag_end(d->cr, CAIRO_TAG_LINK);
			free(attrs);
		}
		g_free(ranges);
	}
}

static void draw_bullet(struct pdf_doc *d, const struct pdf_piece *p, double x, double baseline)
{
	PangoLayout *l = pango_layout_new(d->pango);
	pango_layout_set_font_description(l, pango_layout_get_font_description(p->layout));
	pango_layout_set_text(l, "\u2022", -1);
	cairo_set_source_rgb(d->cr, 0.467, 0.467, 0.467);
	cairo_move_to(d->cr, x, baseline);
	pango_cairo_show_layout_line(d->cr, pango_layout_get_line_readonly(l, 0));
	g_object_unref(l);
}

/* Lines [from, to) of the cell, the first one's top at y on the page. */
void lerq__pdf_draw_lines(struct pdf_doc *d, const struct pdf_cell *c, size_t from, size_t to,
                    double y)
{
	if (from >= to)
		return;
	double shift = y - c->lines[from].top;
	for (size_t i = from; i < to; i++) {
		const struct pdf_line *ln = &c->lines[i];
		const struct pdf_piece *p = &c->pieces[ln->piece];
		double x = d->left + c->x + p->x;
		if (p->image != NULL) {
			double sx = p->image_w / cairo_image_surface_get_width(p->image);
			double sy = p->image_h / cairo_image_surface_get_height(p->image);
			cairo_save(d->cr);
			cairo_translate(d->cr, x, ln->top + shift);
			cairo_scale(d->cr, sx, sy);
			cairo_set_source_surface(d->cr, p->image, 0, 0);
			cairo_paint(d->cr);
			cairo_restore(d->cr);
			continue;
		}
		PangoLayoutLine *line = pango_layout_get_line_readonly(p->layout, ln->index);
		PangoRectangle logical;
		pango_layout_line_get_extents(line, NULL, &logical);
		double lx = x + ln->x;
		double baseline = ln->baseline + shift;
		if (p->bullet && ln->index == 0)
			draw_bullet(d, p, x - PDF_MM(3.5), baseline);
		cairo_set_source_rgb(d->cr, p->colour.r, p->colour.g, p->colour.b);
		cairo_move_to(d->cr, lx, baseline);
		pango_cairo_show_layout_line(d->cr, line);
		draw_links(d, p, line, x, baseline + (double)logical.y / PANGO_SCALE,
		           (double)logical.height / PANGO_SCALE);
	}
}

static void rule(struct pdf_doc *d, const struct lerq__pdf_rule *r, double y)
{
	if (r->width <= 0)
		return;
	cairo_set_source_rgb(d->cr, r->colour.r, r->colour.g, r->colour.b);
	cairo_set_line_width(d->cr, r->width);
	cairo_move_to(d->cr, d->left, y);
	cairo_line_to(d->cr, d->left + d->width, y);
	cairo_stroke(d->cr);
}

static void draw_place(struct pdf_doc *d, const struct pdf_place *p, const struct pdf_place *prev)
{
	const struct pdf_row *row = &d->rows[p->row];
	double h = lerq__pdf_row_height(row, p->from, p->to);
	if (row->fill) {
		cairo_set_source_rgb(d->cr, row->fill_colour.r, row->fill_colour.g,
		                     row->fill_colour.b);
		cairo_rectangle(d->cr, d->left, p->y, d->width, h);
		cairo_fill(d->cr);
		cairo_set_source_rgb(d->cr, row->bar_colour.r, row->bar_colour.g,
		                     row->bar_colour.b);
		cairo_rectangle(d->cr, d->left, p->y, PDF_MM(1.1), h);
		cairo_fill(d->cr);
	}
	/* Under a header row its own, stronger rule shows. */
	bool under_header = prev != NULL && prev->page == p->page && row->header >= 0 &&
	                    prev->row == (size_t)row->header;
	if (!under_header && !(prev == NULL || prev->page != p->page))
		rule(d, &row->rule_above, p->y);
	for (size_t i = 0; i < row->n_cells; i++) {
		const struct pdf_cell *c = &row->cells[i];
		size_t from = p->from ? p->from[i] : 0, to = p->to ? p->to[i] : c->n_lines;
		double y = p->y + row->pad_top;
		if (c->middle && p->from == NULL)
			y += (h - row->pad_top - row->pad_bottom - c->height) / 2;
		lerq__pdf_draw_lines(d, c, from, to, y);
	}
	rule(d, &row->rule_below, p->y + h);
}

/* "Page {1} of {2}" with the numbers put in. */
static char *page_number(const char *format, int page, int pages)
{
	size_t n = strlen(format);
	char *out = malloc(n + 64), *o = out;
	if (out == NULL)
		return NULL;
	bool one = false, two = false;
	for (const char *p = format; *p;) {
		if (strncmp(p, "{1}", 3) == 0 && !one) {
			o += sprintf(o, "%d", page);
			one = true;
			p += 3;
		} else if (strncmp(p, "{2}", 3) == 0 && !two) {
			o += sprintf(o, "%d", pages);
			two = true;
			p += 3;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

static void draw_footer(struct pdf_doc *d, int page)
{
	double y = d->footer_top;
	cairo_set_source_rgb(d->cr, lerq__pdf_rule.r, lerq__pdf_rule.g, lerq__pdf_rule.b);
	cairo_set_line_width(d->cr, 0.4);
	cairo_move_to(d->cr, d->left, y - PDF_MM(2));
	cairo_line_to(d->cr, d->left + d->width, y - PDF_MM(2));
	cairo_stroke(d->cr);
	lerq__pdf_draw_lines(d, &d->footer, 0, d->footer.n_lines, y);
	if (d->page_format == NULL)
		return;
	char *text = page_number(d->page_format, page, d->pages);
	if (text == NULL) {
		d->oom = true;
		return;
	}
	struct pdf_cell c;
	lerq__pdf_cell_init(&c, d->width - PDF_MM(30), PDF_MM(30));
	struct pdf_style st = { .size = 7.5, .colour = lerq__pdf_grey, .align = PANGO_ALIGN_RIGHT };
	lerq__pdf_cell_string(d, &c, text, &st, 0);
	lerq__pdf_draw_lines(d, &c, 0, c.n_lines, y);
	lerq__pdf_cell_free(&c);
	free(text);
}

/* A page after the first says whose letter it continues, above the
 * text, small and grey, on the right. */
static void draw_continued(struct pdf_doc *d, int page)
{
	if (page < 2 || d->continued == NULL || d->continued[0] == '\0')
		return;
	struct pdf_cell c;
	lerq__pdf_cell_init(&c, 0, d->width);
	struct pdf_style st = { .size = 7.5, .colour = lerq__pdf_grey, .align = PANGO_ALIGN_RIGHT };
	lerq__pdf_cell_string(d, &c, d->continued, &st, 0);
	lerq__pdf_draw_lines(d, &c, 0, c.n_lines, d->top - PDF_MM(8));
	lerq__pdf_cell_free(&c);
}

void lerq__pdf_draw(struct pdf_doc *d)
{
	size_t k = 0;
	for (int page = 1; page <= d->pages && !d->oom; page++) {
		const struct pdf_place *prev = NULL;
		draw_continued(d, page);
		for (; k < d->n_places && d->places[k].page == page; k++) {
			draw_place(d, &d->places[k], prev);
			prev = &d->places[k];
		}
		draw_footer(d, page);
		cairo_show_page(d->cr);
	}
}
