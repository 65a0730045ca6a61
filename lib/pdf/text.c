/* SPDX-License-Identifier: MIT */
/*
 * PDF letters: text. The model's inline content becomes pango layouts
 * (text plus attributes, never pango markup, so that nothing a document
 * says can be read as markup), stacked in cells and measured line by line
 * for the page breaks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

const struct pdf_rgb lerq__pdf_black = { 0.067, 0.067, 0.067 };
const struct pdf_rgb lerq__pdf_text = { 0.102, 0.102, 0.102 };
const struct pdf_rgb lerq__pdf_grey = { 0.333, 0.333, 0.333 };
const struct pdf_rgb lerq__pdf_rule = { 0.784, 0.8, 0.824 };

/* Identifiers (IP addresses, checksums) are set in a monospaced face, as
 * in the HTML letter; fallbacks as for the running text. */
#define PDF_MONO "DejaVu Sans Mono, Liberation Mono, Noto Sans Mono, " \
                 "WenQuanYi Zen Hei Mono, Noto Sans Mono CJK SC, monospace"

/* ---- rich text ---- */

void lerq__pdf_rich_init(struct pdf_rich *r)
{
	memset(r, 0, sizeof(*r));
	r->attrs = pango_attr_list_new();
}

void lerq__pdf_rich_free(struct pdf_rich *r)
{
	free(r->text);
	if (r->attrs != NULL)
		pango_attr_list_unref(r->attrs);
	for (size_t i = 0; i < r->n_links; i++)
		free(r->links[i].uri);
	free(r->links);
	free(r->keeps);
	memset(r, 0, sizeof(*r));
}

static void put(struct pdf_rich *r, const char *s, size_t n)
{
	if (r->oom)
		return;
	if (r->len + n + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 64;
		while (r->len + n + 1 > cap)
			cap *= 2;
		char *t = realloc(r->text, cap);
		if (t == NULL) {
			r->oom = true;
			return;
		}
		r->text = t;
		r->cap = cap;
	}
	memcpy(r->text + r->len, s, n);
	r->len += n;
	r->text[r->len] = '\0';
}

/* White space seen before text is written as one space, and only between
 * words: none at the start. */
static void flush_space(struct pdf_rich *r)
{
	if (r->space && r->len > 0 && r->text[r->len - 1] != ' ')
		put(r, " ", 1);
	r->space = false;
}

void lerq__pdf_rich_add(struct pdf_rich *r, const char *utf8)
{
	const char *p = utf8;
	while (*p) {
		size_t run = strcspn(p, " \t\r\n");
		if (run > 0) {
			flush_space(r);
			put(r, p, run);
			p += run;
		}
		size_t ws = strspn(p, " \t\r\n");
		if (ws > 0) {
			r->space = true;
			p += ws;
		}
	}
}

bool lerq__pdf_rich_empty(const struct pdf_rich *r)
{
	return r->len == 0;
}

static void add_attr(struct pdf_rich *r, PangoAttribute *a, size_t start)
{
	if (a == NULL) {
		r->oom = true;
		return;
	}
	a->start_index = (guint)start;
	a->end_index = (guint)r->len;
	pango_attr_list_insert(r->attrs, a);
}

/* Text attributes for the bytes [start, len). */
static void style_range(struct pdf_rich *r, size_t start, unsigned flags)
{
	if (r->len == start)
		return;
	if (flags & PDF_BOLD)
		add_attr(r, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
	if (flags & PDF_ITALIC)
		add_attr(r, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
}

static bool ascii_prefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if ((*s | 0x20) != *prefix)
			return false;
	return true;
}

/*
 * A link for the schemes a letter needs (https, http, mailto, tel), as
 * cairo can take it. cairo 1.16 copies the URI into the PDF as a literal
 * string without escaping anything, so a ")" or a backslash would break
 * the file, and a "'" would end cairo's own attribute: those, spaces and
 * anything not ASCII are percent-encoded, which leaves the address the
 * same for a browser. Any other scheme, or control characters, give NULL:
 * the text stays, unlinked, as in the HTML letter.
 */
static char *link_uri(const char *href)
{
	while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
		href++;
	size_t n = strlen(href);
	while (n > 0 && strchr(" \t\r\n", href[n - 1]) != NULL)
		n--;
	if (n == 0 || n > 2048)
		return NULL;
	if (!ascii_prefix(href, "https:") && !ascii_prefix(href, "http:") &&
	    !ascii_prefix(href, "mailto:") && !ascii_prefix(href, "tel:"))
		return NULL;
	char *uri = malloc(3 * n + 1), *o = uri;
	if (uri == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)href[i];
		if (c < 0x20 || c == 0x7f) {
			free(uri);
			return NULL;
		}
		if (c > 0x7f || strchr(" '()\\<>\"{}|^`", c) != NULL)
			o += sprintf(o, "%%%02X", c);
		else
			*o++ = (char)c;
	}
	*o = '\0';
	return uri;
}

static void add_keep(struct pdf_rich *r, size_t start, size_t end)
{
	if (r->oom || end <= start)
		return;
	if (r->n_keeps == r->cap_keeps) {
		size_t cap = r->cap_keeps ? 2 * r->cap_keeps : 4;
		struct pdf_span *k = realloc(r->keeps, cap * sizeof(*k));
		if (k == NULL) {
			r->oom = true;
			return;
		}
		r->keeps = k;
		r->cap_keeps = cap;
	}
	r->keeps[r->n_keeps++] = (struct pdf_span){ start, end };
}

static void add_link(struct pdf_rich *r, size_t start, const char *href)
{
	if (r->len == start || r->oom)
		return;
	/* Addresses break without a hyphen of pango's, and stay on one
	 * line when they fit, as identifiers do. */
	add_attr(r, pango_attr_insert_hyphens_new(FALSE), start);
	if (r->len - start <= 60 && memchr(r->text + start, ' ', r->len - start) == NULL)
		add_keep(r, start, r->len);
	char *uri = link_uri(href);
	if (uri == NULL)
		return;
	if (r->n_links == r->cap_links) {
		size_t cap = r->cap_links ? 2 * r->cap_links : 4;
		struct pdf_link *l = realloc(r->links, cap * sizeof(*l));
		if (l == NULL) {
			free(uri);
			r->oom = true;
			return;
		}
		r->links = l;
		r->cap_links = cap;
	}
	r->links[r->n_links++] = (struct pdf_link){ (int)start, (int)r->len, uri };
}


void lerq__pdf_rich_add_inline(struct pdf_rich *r, const xmlNode *parent, unsigned flags)
{
	for (const xmlNode *n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			size_t start = r->len;
			lerq__pdf_rich_add(r, (const char *)n->content);
			/* A leading space written here belongs to no style. */
			if (start < r->len && r->text[start] == ' ')
				start++;
			style_range(r, start, flags);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (lerq__pdf_is(n, "strong")) {
			lerq__pdf_rich_add_inline(r, n, flags | PDF_BOLD);
		} else if (lerq__pdf_is(n, "code")) {
			flush_space(r);
			size_t start = r->len;
			lerq__pdf_rich_add_inline(r, n, flags);
			/* An identifier broken between two lines gets no
			 * hyphen that is not its own. */
			if (r->len > start)
				add_attr(r, pango_attr_insert_hyphens_new(FALSE), start);
			if (!(flags & PDF_PLAIN_CODE) && r->len > start) {
				add_attr(r, pango_attr_family_new(PDF_MONO), start);
				add_attr(r, pango_attr_scale_new(0.9), start);
			}
			/* An identifier that fits a line is not broken (not
			 * at its hyphens or slashes either: a break there
			 * could not be told from none); see keep(). */
			add_keep(r, start, r->len);
		} else if (lerq__pdf_is(n, "link")) {
			char *href = lerq__pdf_attr(n, "href");
			lerq__pdf_rich_add_link(r, n, href ? href : "", flags);
			xmlFree(href);
		}
		/* Elements a layout does not know are left out. */
	}
}

void lerq__pdf_rich_add_link(struct pdf_rich *r, const xmlNode *parent, const char *href,
                       unsigned flags)
{
	flush_space(r);
	size_t start = r->len;
	lerq__pdf_rich_add_inline(r, parent, flags);
	add_link(r, start, href);
}

/* ---- cells and pieces ---- */

void lerq__pdf_cell_init(struct pdf_cell *c, double x, double width)
{
	memset(c, 0, sizeof(*c));
	c->x = x;
	c->width = width > 1 ? width : 1;
}

void lerq__pdf_cell_free(struct pdf_cell *c)
{
	for (size_t i = 0; i < c->n_pieces; i++) {
		struct pdf_piece *p = &c->pieces[i];
		if (p->layout != NULL)
			g_object_unref(p->layout);
		if (p->image != NULL)
			cairo_surface_destroy(p->image);
		for (size_t k = 0; k < p->n_links; k++)
			free(p->links[k].uri);
		free(p->links);
	}
	free(c->pieces);
	free(c->lines);
	memset(c, 0, sizeof(*c));
}

static struct pdf_piece *new_piece(struct pdf_doc *d, struct pdf_cell *c)
{
	if (c->n_pieces == c->cap_pieces) {
		size_t cap = c->cap_pieces ? 2 * c->cap_pieces : 4;
		struct pdf_piece *p = realloc(c->pieces, cap * sizeof(*p));
		if (p == NULL) {
			d->oom = true;
			return NULL;
		}
		c->pieces = p;
		c->cap_pieces = cap;
	}
	struct pdf_piece *p = &c->pieces[c->n_pieces++];
	memset(p, 0, sizeof(*p));
	return p;
}

static bool add_line(struct pdf_doc *d, struct pdf_cell *c, struct pdf_line line)
{
	if (c->n_lines == c->cap_lines) {
		size_t cap = c->cap_lines ? 2 * c->cap_lines : 8;
		struct pdf_line *l = realloc(c->lines, cap * sizeof(*l));
		if (l == NULL) {
			d->oom = true;
			return false;
		}
		c->lines = l;
		c->cap_lines = cap;
	}
	c->lines[c->n_lines++] = line;
	return true;
}

static PangoFontDescription *font_for(struct pdf_doc *d, const struct pdf_style *st)
{
	PangoFontDescription *f = pango_font_description_new();
	pango_font_description_set_family(f, d->family);
	pango_font_description_set_size(f, (gint)(st->size * PANGO_SCALE));
	if (st->flags & PDF_BOLD)
		pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
	if (st->flags & PDF_ITALIC)
		pango_font_description_set_style(f, PANGO_STYLE_ITALIC);
	return f;
}

/* The font's own line height (ascent and descent), remembered per size
 * and weight: pango measures it by shaping a sample text. */
static double font_height(struct pdf_doc *d, const struct pdf_style *st,
                          const PangoFontDescription *f)
{
	unsigned flags = st->flags & (PDF_BOLD | PDF_ITALIC);
	for (size_t i = 0; i < d->n_heights; i++)
		if (d->heights[i].size == st->size && d->heights[i].flags == flags)
			return d->heights[i].height;
	PangoFontMetrics *m = pango_context_get_metrics(d->pango, f, NULL);
	double h = (double)(pango_font_metrics_get_ascent(m) + pango_font_metrics_get_descent(m)) /
	           PANGO_SCALE;
	pango_font_metrics_unref(m);
	if (d->n_heights < sizeof(d->heights) / sizeof(d->heights[0]))
		d->heights[d->n_heights++] = (struct pdf_font_height){ st->size, flags, h };
	return h;
}

/* Space between lines, so that they are spacing x size apart as with
 * CSS's line-height; the same space goes between the pieces of a cell. */
static double leading(struct pdf_doc *d, const struct pdf_style *st, const PangoFontDescription *f)
{
	if (st->spacing <= 0)
		return 0;
	double extra = st->spacing * st->size - font_height(d, st, f);
	return extra > 0 ? extra : 0;
}

/* A time's zone, "(UTC+02:00)", is kept together too. */
static void keep_time_zones(struct pdf_rich *r)
{
	static const char zone[] = "(UTC+00:00)";
	const size_t n = sizeof(zone) - 1;
	for (const char *p = r->text; (p = strstr(p, "(UTC")) != NULL; p += 4) {
		size_t at = (size_t)(p - r->text);
		if (r->len - at < n || (p[4] != '+' && p[4] != '-') || p[n - 1] != ')')
			continue;
		add_keep(r, at, at + n);
	}
}

/*
 * pango's allow_breaks=FALSE keeps a span on one line even when it is
 * wider than the line (it then runs into the margin). So the spans are
 * kept only if the layout still fits its width with them; otherwise the
 * identifiers may break (between any two characters, adding nothing).
 */
static void set_attributes(PangoLayout *layout, struct pdf_rich *r, double width)
{
	if (r->n_keeps == 0) {
		pango_layout_set_attributes(layout, r->attrs);
		return;
	}
	PangoAttrList *kept = pango_attr_list_copy(r->attrs);
	for (size_t i = 0; kept != NULL && i < r->n_keeps; i++) {
		PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
		if (a == NULL)
			break;
		a->start_index = (guint)r->keeps[i].start;
		a->end_index = (guint)r->keeps[i].end;
		pango_attr_list_insert(kept, a);
	}
	if (kept == NULL) {
		pango_layout_set_attributes(layout, r->attrs);
		return;
	}
	pango_layout_set_attributes(layout, kept);
	pango_attr_list_unref(kept);
	PangoRectangle ink, logical;
	pango_layout_get_extents(layout, &ink, &logical);
	if ((double)logical.width / PANGO_SCALE <= width + 0.5)
		return;
	/* Too wide: the identifiers may break, but not after a hyphen of
	 * their own (the line would seem to end with a hyphen pango added),
	 * so pango breaks them between two characters where the line is
	 * full, as the "no character added" allows. */
	PangoAttrList *loose = pango_attr_list_copy(r->attrs);
	for (size_t i = 0; loose != NULL && i < r->n_keeps; i++) {
		for (size_t h = r->keeps[i].start; h + 1 < r->keeps[i].end; h++) {
			if (r->text[h] != '-')
				continue;
			PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
			if (a == NULL)
				break;
			a->start_index = (guint)h;
			a->end_index = (guint)(h + 2);
			pango_attr_list_insert(loose, a);
		}
	}
	pango_layout_set_attributes(layout, loose ? loose : r->attrs);
	if (loose != NULL)
		pango_attr_list_unref(loose);
}

static PangoLayout *new_layout(struct pdf_doc *d, const struct pdf_style *st, double width,
                               double *lead)
{
	PangoLayout *l = pango_layout_new(d->pango);
	PangoFontDescription *f = font_for(d, st);
	pango_layout_set_font_description(l, f);
	double extra = leading(d, st, f);
	pango_layout_set_spacing(l, (int)(extra * PANGO_SCALE));
	if (lead != NULL)
		*lead = extra;
	pango_font_description_free(f);
	/* Long identifiers and URLs that fit no line break between any two
	 * characters rather than run into the margin. */
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (width > 0)
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_alignment(l, st->align);
	/* Every language lerq writes runs left to right; a name in Arabic
	 * must not turn a whole cell round. */
	pango_layout_set_auto_dir(l, FALSE);
	return l;
}

/* The piece's lines, appended to the cell's, below what is there. */
static void measure(struct pdf_doc *d, struct pdf_cell *c, size_t index)
{
	struct pdf_piece *p = &c->pieces[index];
	double top = c->height + (c->n_lines > 0 ? c->gap + p->leading : 0);
	c->gap = 0;
	if (p->layout == NULL) {
		add_line(d, c, (struct pdf_line){ index, 0, top, top + p->image_h, top + p->image_h, 0 });
		c->height = top + p->image_h;
		return;
	}
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	int i = 0;
	double bottom = top;
	do {
		int y0, y1;
		PangoRectangle where;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &where);
		struct pdf_line line = {
			.piece = index,
			.index = i++,
			.top = top + (double)y0 / PANGO_SCALE,
			.bottom = top + (double)y1 / PANGO_SCALE,
			.baseline = top + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE,
			.x = (double)where.x / PANGO_SCALE,
		};
		if (!add_line(d, c, line))
			break;
		bottom = line.bottom;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	int w, h;
	pango_layout_get_size(p->layout, &w, &h);
	if (top + (double)h / PANGO_SCALE > bottom)
		bottom = top + (double)h / PANGO_SCALE;
	if (c->n_lines > 0)
		c->lines[c->n_lines - 1].bottom = bottom;
	c->height = bottom;
}

struct pdf_piece *lerq__pdf_cell_rich(struct pdf_doc *d, struct pdf_cell *c, struct pdf_rich *r,
                                const struct pdf_style *st, double x)
{
	if (r->oom)
		d->oom = true;
	if (r->oom || r->len == 0) {
		lerq__pdf_rich_free(r);
		lerq__pdf_rich_init(r);
		return NULL;
	}
	struct pdf_piece *p = new_piece(d, c);
	if (p == NULL) {
		lerq__pdf_rich_free(r);
		lerq__pdf_rich_init(r);
		return NULL;
	}
	double width = c->width - x;
	p->layout = new_layout(d, st, width > 1 ? width : 1, &p->leading);
	p->x = x;
	p->colour = st->colour;
	pango_layout_set_text(p->layout, r->text, (int)r->len);
	if (st->tracking > 0) {
		PangoAttribute *a = pango_attr_letter_spacing_new((int)(st->tracking * PANGO_SCALE));
		pango_attr_list_insert_before(r->attrs, a);
	}
	/* pango (1.44 and later) draws a hyphen where it breaks a word; on
	 * the page it could not be told from a hyphen of an identifier's
	 * own, although the text layer has none. A line breaks only where
	 * that adds no character (issue 14). */
	PangoAttribute *nohyphens = pango_attr_insert_hyphens_new(FALSE);
	pango_attr_list_insert_before(r->attrs, nohyphens);
	keep_time_zones(r);
	set_attributes(p->layout, r, width > 1 ? width : 1);
	p->links = r->links;
	p->n_links = r->n_links;
	r->links = NULL;
	r->n_links = 0;
	lerq__pdf_rich_free(r);
	lerq__pdf_rich_init(r);
	measure(d, c, (size_t)(p - c->pieces));
	return p;
}

struct pdf_piece *lerq__pdf_cell_text(struct pdf_doc *d, struct pdf_cell *c, const xmlNode *parent,
                                const struct pdf_style *st, double x)
{
	struct pdf_rich r;
	lerq__pdf_rich_init(&r);
	lerq__pdf_rich_add_inline(&r, parent, st->flags & PDF_PLAIN_CODE);
	struct pdf_piece *p = lerq__pdf_cell_rich(d, c, &r, st, x);
	lerq__pdf_rich_free(&r);
	return p;
}

struct pdf_piece *lerq__pdf_cell_string(struct pdf_doc *d, struct pdf_cell *c, const char *utf8,
                                  const struct pdf_style *st, double x)
{
	struct pdf_rich r;
	lerq__pdf_rich_init(&r);
	lerq__pdf_rich_add(&r, utf8);
	struct pdf_piece *p = lerq__pdf_cell_rich(d, c, &r, st, x);
	lerq__pdf_rich_free(&r);
	return p;
}

void lerq__pdf_cell_lines(struct pdf_doc *d, struct pdf_cell *c, const xmlNode *parent,
                    const struct pdf_style *st)
{
	bool lines = false;
	for (const xmlNode *n = parent->children; n != NULL; n = n->next)
		if (lerq__pdf_is(n, "line"))
			lines = true;
	if (!lines) {
		lerq__pdf_cell_text(d, c, parent, st, 0);
		return;
	}
	for (const xmlNode *n = parent->children; n != NULL; n = n->next) {
		if (!lerq__pdf_is(n, "line"))
			continue;
		char *role = lerq__pdf_attr(n, "role");
		struct pdf_style s = *st;
		double x = 0;
		if (role != NULL && strcmp(role, "detail") == 0) {
			s.size = st->size * 0.9;
			s.colour = lerq__pdf_grey;
		}
		bool item = role != NULL && strcmp(role, "item") == 0;
		if (item)
			x = PDF_MM(3.5);
		xmlFree(role);
		struct pdf_piece *p = lerq__pdf_cell_text(d, c, n, &s, x);
		if (p != NULL)
			p->bullet = item;
	}
}

void lerq__pdf_cell_image(struct pdf_doc *d, struct pdf_cell *c, cairo_surface_t *image,
                    double w, double h, double x)
{
	struct pdf_piece *p = new_piece(d, c);
	if (p == NULL) {
		cairo_surface_destroy(image);
		return;
	}
	p->image = image;
	p->image_w = w;
	p->image_h = h;
	p->x = x;
	measure(d, c, (size_t)(p - c->pieces));
}

void lerq__pdf_cells_sync(struct pdf_cell *cells, size_t n, double gap)
{
	double bottom = 0;
	for (size_t i = 0; i < n; i++)
		if (cells[i].height > bottom)
			bottom = cells[i].height;
	for (size_t i = 0; i < n; i++) {
		/* measure() adds the gap only below a line: an empty cell
		 * starts lower by its height instead. */
		cells[i].gap = bottom - cells[i].height + gap;
		if (cells[i].n_lines == 0)
			cells[i].height = bottom + gap;
	}
}

double lerq__pdf_text_width(struct pdf_doc *d, const char *utf8, const struct pdf_style *st)
{
	PangoLayout *l = new_layout(d, st, -1, NULL);
	pango_layout_set_text(l, utf8, -1);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	g_object_unref(l);
	return (double)w / PANGO_SCALE;
}
