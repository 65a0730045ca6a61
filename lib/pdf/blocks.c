/* SPDX-License-Identifier: MIT */
/*
 * PDF letters: the blocks of the letter model as rows, in the order and
 * with the spacing of the HTML letter (stylesheets/html.xsl and its CSS):
 * letterhead, notices, the recipient beside the references, the date
 * line, the subject, then the body in document order. Elements this
 * layout does not know are left out, as every layout does.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>

#include "pdf/pdf.h"

#define LETTER_NS "urn:lerq:letter:1"

bool lerq__pdf_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       strcmp((const char *)n->ns->href, LETTER_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

const xmlNode *lerq__pdf_child(const xmlNode *parent, const char *name)
{
	for (const xmlNode *n = parent ? parent->children : NULL; n != NULL; n = n->next)
		if (lerq__pdf_is(n, name))
			return n;
	return NULL;
}

char *lerq__pdf_attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

/* As XPath's number(@name), as the HTML layout reads it: NaN when it is
 * not a number. (strtod() would follow the program's locale.) */
double lerq__pdf_attr_number(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	double x = v ? xmlXPathCastStringToNumber(v) : xmlXPathNAN;
	xmlFree(v);
	return x;
}

struct pdf_row *lerq__pdf_row_new(struct pdf_doc *d, size_t n)
{
	if (d->oom)
		return NULL;
	if (d->n_rows == d->cap_rows) {
		size_t cap = d->cap_rows ? 2 * d->cap_rows : 64;
		struct pdf_row *rows = realloc(d->rows, cap * sizeof(*rows));
		if (rows == NULL) {
			d->oom = true;
			return NULL;
		}
		d->rows = rows;
		d->cap_rows = cap;
	}
	struct pdf_cell *cells = calloc(n ? n : 1, sizeof(*cells));
	if (cells == NULL) {
		d->oom = true;
		return NULL;
	}
	struct pdf_row *row = &d->rows[d->n_rows++];
	memset(row, 0, sizeof(*row));
	row->cells = cells;
	row->n_cells = n;
	row->header = -1;
	row->breaks = PDF_BREAK_IF_HUGE;
	for (size_t i = 0; i < n; i++)
		lerq__pdf_cell_init(&cells[i], 0, d->width);
	return row;
}

void lerq__pdf_rows_free(struct pdf_doc *d)
{
	for (size_t i = 0; i < d->n_rows; i++) {
		for (size_t k = 0; k < d->rows[i].n_cells; k++)
			lerq__pdf_cell_free(&d->rows[i].cells[k]);
		free(d->rows[i].cells);
	}
	free(d->rows);
	d->rows = NULL;
	d->n_rows = d->cap_rows = 0;
	lerq__pdf_cell_free(&d->footer);
}

static struct pdf_style style(double size, unsigned flags, struct pdf_rgb colour)
{
	return (struct pdf_style){ .size = size, .flags = flags, .colour = colour,
		                   .align = PANGO_ALIGN_LEFT, .spacing = 1.42 };
}

/* A row of one cell across the text area holding the element's text. */
static struct pdf_row *text_row(struct pdf_doc *d, const xmlNode *n, struct pdf_style st,
                                double before, double after)
{
	struct pdf_row *row = lerq__pdf_row_new(d, 1);
	if (row == NULL)
		return NULL;
	row->space_before = before;
	row->space_after = after;
	row->breaks = PDF_BREAK_LINES;
	lerq__pdf_cell_text(d, &row->cells[0], n, &st, 0);
	return row;
}

/* ---- letterhead ---- */

/* The logo's size: @height in millimetres (5 to 60, default 18), the
 * width in proportion but no wider than 80 mm. */
static void logo_size(const xmlNode *logo, cairo_surface_t *img, double *w, double *h)
{
	double mm = lerq__pdf_attr_number(logo, "height");
	if (!(mm >= 5 && mm <= 60))
		mm = 18;
	*h = PDF_MM(mm);
	*w = *h * cairo_image_surface_get_width(img) / cairo_image_surface_get_height(img);
	if (*w > PDF_MM(80)) {
		*h *= PDF_MM(80) / *w;
		*w = PDF_MM(80);
	}
}

/* Above-lines, name and unit, in a cell. */
static void names(struct pdf_doc *d, struct pdf_cell *c, const xmlNode *lh, PangoAlignment align)
{
	struct pdf_style above = style(8.5, 0, lerq__pdf_grey), name = style(15, PDF_BOLD, d->accent),
	                 unit = style(10.5, 0, (struct pdf_rgb){ 0.2, 0.2, 0.2 });
	above.tracking = 0.5;
	above.align = name.align = unit.align = align;
	for (const xmlNode *l = lerq__pdf_child(lerq__pdf_child(lh, "above"), "line"); l; l = l->next)
		if (lerq__pdf_is(l, "line"))
			lerq__pdf_cell_text(d, c, l, &above, 0);
	name.spacing = unit.spacing = 1.2;
	const xmlNode *n = lerq__pdf_child(lh, "name");
	if (n != NULL)
		lerq__pdf_cell_text(d, c, n, &name, 0);
	c->gap = PDF_MM(0.5);
	if ((n = lerq__pdf_child(lh, "unit")) != NULL)
		lerq__pdf_cell_text(d, c, n, &unit, 0);
}

/* "Switchboard +49..." with the number as a link. */
static void contact(struct pdf_rich *r, const xmlNode *c)
{
	char *label = lerq__pdf_attr(c, "label"), *href = lerq__pdf_attr(c, "href");
	if (label != NULL && *label) {
		size_t start = r->len;
		lerq__pdf_rich_add(r, label);
		PangoAttribute *a = pango_attr_foreground_new(0x6666, 0x6666, 0x6666);
		a->start_index = (guint)start;
		a->end_index = (guint)r->len;
		pango_attr_list_insert(r->attrs, a);
		lerq__pdf_rich_add(r, " ");
	}
	lerq__pdf_rich_add_link(r, c, href ? href : "", 0);
	xmlFree(label);
	xmlFree(href);
}

static void separator(struct pdf_rich *r)
{
	if (lerq__pdf_rich_empty(r))
		return;
	size_t start = r->len;
	lerq__pdf_rich_add(r, " \u00b7 ");
	PangoAttribute *a = pango_attr_foreground_new(0x9999, 0x9999, 0x9999);
	a->start_index = (guint)start;
	a->end_index = (guint)r->len;
	pango_attr_list_insert(r->attrs, a);
}

/* Address and contacts: on a line each (left, centre) or one per line
 * (split). */
static void details(struct pdf_doc *d, struct pdf_cell *c, const xmlNode *lh, bool split,
                    PangoAlignment align)
{
	struct pdf_style st = style(8.5, 0, (struct pdf_rgb){ 0.2, 0.2, 0.2 });
	st.align = align;
	st.spacing = 1.45;
	struct pdf_rich r;
	lerq__pdf_rich_init(&r);
	for (const xmlNode *l = lerq__pdf_child(lerq__pdf_child(lh, "address"), "line"); l; l = l->next) {
		if (!lerq__pdf_is(l, "line"))
			continue;
		if (split) {
			lerq__pdf_cell_text(d, c, l, &st, 0);
			continue;
		}
		separator(&r);
		lerq__pdf_rich_add_inline(&r, l, 0);
	}
	lerq__pdf_cell_rich(d, c, &r, &st, 0);
	c->gap = split ? PDF_MM(1.5) : 0;
	for (const xmlNode *k = lerq__pdf_child(lh, "contact"); k; k = k->next) {
		if (!lerq__pdf_is(k, "contact"))
			continue;
		if (!split)
			separator(&r);
		contact(&r, k);
		if (split)
			lerq__pdf_cell_rich(d, c, &r, &st, 0);
	}
	lerq__pdf_cell_rich(d, c, &r, &st, 0);
	lerq__pdf_rich_free(&r);
}

/* How wide the cell's text is, its longest line. */
static double natural_width(const struct pdf_cell *c)
{
	double w = 0;
	for (size_t i = 0; i < c->n_pieces; i++) {
		PangoRectangle r;
		if (c->pieces[i].layout == NULL)
			continue;
		pango_layout_get_extents(c->pieces[i].layout, NULL, &r);
		if ((double)r.width / PANGO_SCALE > w)
			w = (double)r.width / PANGO_SCALE;
	}
	return w;
}

static void letterhead(struct pdf_doc *d, const xmlNode *lh, const char *layout)
{
	const xmlNode *logo = lerq__pdf_child(lh, "logo");
	char *src = logo ? lerq__pdf_attr(logo, "src") : NULL;
	cairo_surface_t *img = src ? lerq__pdf_logo_load(src) : NULL;
	xmlFree(src);
	double lw = 0, lh_ = 0, gap = PDF_MM(5);
	if (img != NULL)
		logo_size(logo, img, &lw, &lh_);
	bool has_details = lerq__pdf_child(lh, "address") || lerq__pdf_child(lh, "contact");
	struct pdf_row *row;

	if (strcmp(layout, "centre") == 0) {
		if (img != NULL && (row = lerq__pdf_row_new(d, 1)) != NULL) {
			lerq__pdf_cell_image(d, &row->cells[0], img, lw, lh_, (d->width - lw) / 2);
			row->keep_with_next = true;
			row->space_after = PDF_MM(2);
			img = NULL;
		}
		if ((row = lerq__pdf_row_new(d, 1)) == NULL)
			goto out;
		names(d, &row->cells[0], lh, PANGO_ALIGN_CENTER);
		if (has_details) {
			row->keep_with_next = true;
			row->space_after = PDF_MM(2.5);
			if ((row = lerq__pdf_row_new(d, 1)) == NULL)
				goto out;
			details(d, &row->cells[0], lh, false, PANGO_ALIGN_CENTER);
		}
	} else {
		bool split = strcmp(layout, "split") == 0 && has_details;
		size_t n = 1 + (img != NULL) + split;
		if ((row = lerq__pdf_row_new(d, n)) == NULL)
			goto out;
		struct pdf_cell *c = row->cells;
		/* Split: the details on the right, no wider than they need
		 * (62 mm at most), and the name takes the rest. */
		double right = 0;
		if (split) {
			c = &row->cells[n - 1];
			lerq__pdf_cell_init(c, d->width - PDF_MM(62), PDF_MM(62));
			details(d, c, lh, true, PANGO_ALIGN_RIGHT);
			right = natural_width(c);
			c = row->cells;
		}
		if (img != NULL) {
			lerq__pdf_cell_init(c, 0, lw);
			c->middle = true;
			lerq__pdf_cell_image(d, c++, img, lw, lh_, 0);
			img = NULL;
		}
		double x = lw > 0 ? lw + gap : 0;
		lerq__pdf_cell_init(c, x, d->width - x - (right > 0 ? right + PDF_MM(8) : 0));
		c->middle = true;
		names(d, c, lh, PANGO_ALIGN_LEFT);
		if (!split && has_details) {
			row->keep_with_next = true;
			row->space_after = PDF_MM(2.5);
			if ((row = lerq__pdf_row_new(d, 1)) == NULL)
				goto out;
			details(d, &row->cells[0], lh, false, PANGO_ALIGN_LEFT);
		}
	}
	/* The rule under the letterhead, then the letter. */
	row->pad_bottom = PDF_MM(4);
	row->rule_below = (struct lerq__pdf_rule){ 1.5, d->accent };
	row->space_after = PDF_MM(9);
out:
	if (img != NULL)
		cairo_surface_destroy(img);
}

/* ---- the top of the letter ---- */

static void notice(struct pdf_doc *d, const xmlNode *n)
{
	char *level = lerq__pdf_attr(n, "level");
	bool emergency = level != NULL && strcmp(level, "emergency") == 0;
	xmlFree(level);
	struct pdf_rgb ink = emergency ? (struct pdf_rgb){ 0.545, 0, 0 }
	                               : (struct pdf_rgb){ 0.478, 0.294, 0 };
	struct pdf_row *row = lerq__pdf_row_new(d, 1);
	if (row == NULL)
		return;
	lerq__pdf_cell_init(&row->cells[0], PDF_MM(5), d->width - PDF_MM(9));
	struct pdf_style st = style(10, PDF_BOLD, ink);
	lerq__pdf_cell_text(d, &row->cells[0], n, &st, 0);
	row->fill = true;
	row->fill_colour = emergency ? (struct pdf_rgb){ 1, 0.925, 0.925 }
	                             : (struct pdf_rgb){ 1, 0.965, 0.878 };
	row->bar_colour = emergency ? (struct pdf_rgb){ 0.753, 0, 0 }
	                            : (struct pdf_rgb){ 0.831, 0.541, 0 };
	row->pad_top = row->pad_bottom = PDF_MM(2.5);
	row->space_after = PDF_MM(7);
}

/* The recipient on the left (room for a window envelope), the references
 * on the right, their labels in a column as wide as the widest. */
static void address_row(struct pdf_doc *d, const xmlNode *recipient, const xmlNode *refs)
{
	struct pdf_row *row = lerq__pdf_row_new(d, 3);
	if (row == NULL)
		return;
	double refs_w = PDF_MM(86), gap = PDF_MM(8);
	struct pdf_style body = style(10, 0, lerq__pdf_text), small = style(8.5, 0, lerq__pdf_text);
	struct pdf_style label = style(8.5, 0, lerq__pdf_grey);
	small.spacing = label.spacing = 1.35;

	lerq__pdf_cell_init(&row->cells[0], 0, d->width - refs_w - gap);
	for (const xmlNode *l = lerq__pdf_child(recipient, "line"); l; l = l->next) {
		if (!lerq__pdf_is(l, "line"))
			continue;
		char *role = lerq__pdf_attr(l, "role");
		bool detail = role != NULL && strcmp(role, "detail") == 0;
		xmlFree(role);
		struct pdf_style st = body;
		if (detail) {
			st.size = 9;
			st.colour = lerq__pdf_grey;
			row->cells[0].gap = PDF_MM(2);
		}
		lerq__pdf_cell_text(d, &row->cells[0], l, &st, 0);
	}
	/* The window of an envelope, when there is an address for it. */
	if (recipient != NULL && row->cells[0].height < PDF_MM(30))
		row->cells[0].height = PDF_MM(30);

	double widest = 0;
	for (const xmlNode *f = lerq__pdf_child(refs, "field"); f; f = f->next) {
		if (!lerq__pdf_is(f, "field") || !lerq__pdf_child(f, "label"))
			continue;
		xmlChar *t = xmlNodeGetContent(lerq__pdf_child(f, "label"));
		double w = t ? lerq__pdf_text_width(d, (const char *)t, &label) : 0;
		xmlFree(t);
		if (w > widest)
			widest = w;
	}
	if (widest > refs_w * 0.45)
		widest = refs_w * 0.45;
	double x = d->width - refs_w;
	lerq__pdf_cell_init(&row->cells[1], x, widest + 1);
	lerq__pdf_cell_init(&row->cells[2], x + widest + PDF_MM(3), refs_w - widest - PDF_MM(3));
	for (const xmlNode *f = lerq__pdf_child(refs, "field"); f; f = f->next) {
		if (!lerq__pdf_is(f, "field"))
			continue;
		const xmlNode *l = lerq__pdf_child(f, "label"), *v = lerq__pdf_child(f, "value");
		if (l != NULL)
			lerq__pdf_cell_text(d, &row->cells[1], l, &label, 0);
		if (v != NULL)
			lerq__pdf_cell_lines(d, &row->cells[2], v, &small);
		lerq__pdf_cells_sync(row->cells + 1, 2, PDF_MM(0.6));
	}
	row->space_after = PDF_MM(8);
}

/* ---- the body ---- */

static void section(struct pdf_doc *d, const xmlNode *s, int number)
{
	struct pdf_row *row = lerq__pdf_row_new(d, 2);
	if (row == NULL)
		return;
	struct pdf_style h = style(11, PDF_BOLD, d->accent);
	char num[16];
	snprintf(num, sizeof(num), "%d.", number);
	lerq__pdf_cell_init(&row->cells[0], 0, PDF_MM(7));
	lerq__pdf_cell_string(d, &row->cells[0], num, &h, 0);
	lerq__pdf_cell_init(&row->cells[1], PDF_MM(7), d->width - PDF_MM(7));
	const xmlNode *heading = lerq__pdf_child(s, "heading");
	if (heading != NULL)
		lerq__pdf_cell_text(d, &row->cells[1], heading, &h, 0);
	row->space_before = PDF_MM(5);
	row->space_after = PDF_MM(2);
	row->keep_with_next = true;

	struct pdf_style body = style(10, 0, lerq__pdf_text);
	long subheading = -1; /* the row of a sub-heading just before */
	for (const xmlNode *n = s->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (lerq__pdf_is(n, "para")) {
			struct pdf_row *r = text_row(d, n, body, 0, PDF_MM(3));
			/* A paragraph that introduces a list, fields or a
			 * table ("Offences under investigation:") stays with
			 * its start. */
			const xmlNode *next = xmlNextElementSibling((xmlNode *)n);
			if (r != NULL && (lerq__pdf_is(next, "list") || lerq__pdf_is(next, "fields") ||
			                  lerq__pdf_is(next, "table")))
				r->keep_with_next = true;
		} else if (lerq__pdf_is(n, "subheading")) {
			struct pdf_row *r = text_row(d, n, style(10.5, PDF_BOLD, lerq__pdf_black),
			                             PDF_MM(3), PDF_MM(1.5));
			if (r != NULL)
				r->keep_with_next = true;
			subheading = r != NULL ? (long)(d->n_rows - 1) : -1;
			continue;
		} else if (lerq__pdf_is(n, "list")) {
			lerq__pdf_build_list(d, n);
		} else if (lerq__pdf_is(n, "fields")) {
			/* A record's fields repeat its heading on the next
			 * page (issue 14). */
			lerq__pdf_build_fields_under(d, n, subheading);
		} else if (lerq__pdf_is(n, "table")) {
			lerq__pdf_build_table(d, n);
		}
		subheading = -1;
	}
}

static void signature(struct pdf_doc *d, const xmlNode *sig)
{
	struct pdf_row *row = lerq__pdf_row_new(d, 1);
	if (row == NULL)
		return;
	struct pdf_style name = style(10, PDF_BOLD, lerq__pdf_text), other = style(10, 0, lerq__pdf_black);
	for (const xmlNode *n = sig->children; n != NULL; n = n->next) {
		if (lerq__pdf_is(n, "name"))
			lerq__pdf_cell_text(d, &row->cells[0], n, &name, 0);
		else if (lerq__pdf_is(n, "role") || lerq__pdf_is(n, "organisation"))
			lerq__pdf_cell_text(d, &row->cells[0], n, &other, 0);
	}
	/* Room for a handwritten signature above the name. */
	row->space_before = PDF_MM(16);
}

static void footer(struct pdf_doc *d, const xmlNode *f)
{
	/* The page number takes the right of the footer. */
	lerq__pdf_cell_init(&d->footer, 0, d->width - PDF_MM(30));
	struct pdf_style st = style(7.5, 0, lerq__pdf_grey);
	st.spacing = 1.3;
	for (const xmlNode *l = lerq__pdf_child(f, "line"); l; l = l->next)
		if (lerq__pdf_is(l, "line"))
			lerq__pdf_cell_text(d, &d->footer, l, &st, 0);
	d->page_format = lerq__pdf_attr(f, "page-format");
	d->continued = lerq__pdf_attr(f, "continued");
}

void lerq__pdf_build_letter(struct pdf_doc *d, const xmlNode *letter)
{
	const xmlNode *st = lerq__pdf_child(letter, "style");
	char *layout = st ? lerq__pdf_attr(st, "layout") : NULL;
	const char *how = "left";
	if (layout != NULL && (strcmp(layout, "centre") == 0 || strcmp(layout, "split") == 0))
		how = layout;
	for (const xmlNode *n = lerq__pdf_child(letter, "letterhead"); n; n = n->next)
		if (lerq__pdf_is(n, "letterhead"))
			letterhead(d, n, how);
	xmlFree(layout);
	for (const xmlNode *n = lerq__pdf_child(letter, "notice"); n; n = n->next)
		if (lerq__pdf_is(n, "notice"))
			notice(d, n);
	const xmlNode *recipient = lerq__pdf_child(letter, "recipient");
	const xmlNode *refs = lerq__pdf_child(letter, "references");
	if (recipient != NULL || refs != NULL)
		address_row(d, recipient, refs);

	struct pdf_style date = style(10, 0, lerq__pdf_text);
	date.align = PANGO_ALIGN_RIGHT;
	const xmlNode *n = lerq__pdf_child(letter, "dateline");
	if (n != NULL)
		text_row(d, n, date, 0, PDF_MM(5));
	struct pdf_style subject = style(11.5, PDF_BOLD | PDF_PLAIN_CODE, lerq__pdf_black);
	if ((n = lerq__pdf_child(letter, "subject")) != NULL)
		text_row(d, n, subject, 0, PDF_MM(5));

	struct pdf_style body = style(10, 0, lerq__pdf_text);
	int number = 0;
	for (n = letter->children; n != NULL; n = n->next) {
		struct pdf_row *row = NULL;
		if (lerq__pdf_is(n, "salutation")) {
			row = text_row(d, n, body, PDF_MM(1), PDF_MM(3));
		} else if (lerq__pdf_is(n, "para")) {
			row = text_row(d, n, body, 0, PDF_MM(3));
		} else if (lerq__pdf_is(n, "section")) {
			section(d, n, ++number);
		} else if (lerq__pdf_is(n, "closing")) {
			/* Never the closing words alone at the foot of a page. */
			if ((row = text_row(d, n, body, PDF_MM(6), PDF_MM(3))) != NULL)
				row->keep_with_next = true;
		} else if (lerq__pdf_is(n, "signature")) {
			signature(d, n);
		}
	}
	if ((n = lerq__pdf_child(letter, "footer")) != NULL)
		footer(d, n);
	else
		lerq__pdf_cell_init(&d->footer, 0, d->width - PDF_MM(30));
}
