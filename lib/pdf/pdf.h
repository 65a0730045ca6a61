/* SPDX-License-Identifier: MIT */
/*
 * PDF letters (issue 8): the letter model (doc/letter-model.md) typeset
 * with pango and drawn with cairo. Private to the library.
 *
 * The typesetter works in three steps, so that it knows the number of
 * pages before it draws the first one ("page 1 of 3"):
 *
 *  1. pdf/blocks.c and pdf/table.c turn the model into rows: a row is a
 *     band across the page made of cells side by side; a cell is a stack
 *     of pieces (a wrapped paragraph of text, or the logo), and a piece
 *     is made of lines. Everything is measured here, once.
 *  2. pdf/flow.c places the rows on pages: between rows, or between the
 *     lines of a row that may break (a paragraph) or must (one taller
 *     than a page); it keeps headings with what follows and repeats a
 *     table's header row on every page the table continues on.
 *  3. pdf/draw.c draws the placed rows, then the footer of each page.
 *
 * Units are PDF points (1/72 inch), y grows downwards, x is measured from
 * the left edge of the text area.
 */
#ifndef LERQ_PDF_H
#define LERQ_PDF_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "core/lerq-private.h"
#include "pdf/module.h"

#define PDF_MM(x) ((x) * 72.0 / 25.4)

struct pdf_rgb {
	double r, g, b;
};

/* A link in a piece of text: the bytes [start, end) of its layout's text
 * open uri (https, http, mailto or tel only). */
struct pdf_link {
	int start, end;
	char *uri;
};

/* A paragraph of text (layout) or an image, inside a cell. */
struct pdf_piece {
	PangoLayout *layout;    /* NULL for an image */
	cairo_surface_t *image; /* the logo, drawn image_w x image_h */
	double image_w, image_h;
	double x;               /* from the cell's left edge */
	struct pdf_rgb colour;  /* text colour, where no attribute says */
	bool bullet;            /* a bullet left of its first line */
	double leading;         /* space between its lines, and above it */
	struct pdf_link *links;
	size_t n_links;
};

/* A line of a cell: what a page break may fall between. */
struct pdf_line {
	size_t piece;
	int index;           /* in the piece's layout; 0 for an image */
	double top, bottom;  /* from the top of the cell */
	double baseline;     /* from the top of the cell */
	double x;            /* from the piece's left (centred text) */
};

struct pdf_cell {
	double x, width;     /* in the text area */
	bool middle;         /* centred vertically in an unbroken row */
	struct pdf_piece *pieces;
	size_t n_pieces, cap_pieces;
	struct pdf_line *lines;
	size_t n_lines, cap_lines;
	double height;       /* so far */
	double gap;          /* space before the next piece */
};

struct lerq__pdf_rule {
	double width;        /* 0: none */
	struct pdf_rgb colour;
};

enum pdf_break {
	PDF_BREAK_LINES,     /* between any lines (two kept at either end) */
	PDF_BREAK_IF_HUGE,   /* only if taller than a page */
};

struct pdf_row {
	struct pdf_cell *cells;
	size_t n_cells;
	double space_before, space_after; /* collapsed; none at a page top */
	double pad_top, pad_bottom;
	bool keep_with_next;
	enum pdf_break breaks;
	long header;         /* its table's header row, or -1 */
	struct lerq__pdf_rule rule_above, rule_below;
	bool fill;           /* a notice: tinted band with a bar on the left */
	struct pdf_rgb fill_colour, bar_colour;
};

/* Where a row, or part of it, went. from/to (per cell, NULL for the whole
 * row) are the lines drawn. */
struct pdf_place {
	size_t row;
	int page;
	double y;
	size_t *from, *to;
};

/* Text styles. Sizes are in points. */
enum {
	PDF_BOLD = 1 << 0,
	PDF_ITALIC = 1 << 1,
	PDF_PLAIN_CODE = 1 << 2, /* identifiers in the running font */
};

struct pdf_style {
	double size;
	unsigned flags;
	struct pdf_rgb colour;
	PangoAlignment align;
	double spacing;          /* line height / font size, as in CSS; 0: the font's */
	double tracking;         /* letter spacing, points */
};

struct pdf_span {
	size_t start, end;
};

/* A piece of text being made: UTF-8 with pango attributes and links.
 * White space is collapsed as it is added, never at the ends. */
struct pdf_rich {
	char *text;
	size_t len, cap;
	PangoAttrList *attrs;
	struct pdf_link *links;
	size_t n_links, cap_links;
	struct pdf_span *keeps;  /* identifiers kept on one line if they fit */
	size_t n_keeps, cap_keeps;
	bool space;              /* white space seen, not yet written */
	bool oom;
};

struct pdf_font_height {
	double size;
	unsigned flags;
	double height;
};

struct pdf_doc {
	cairo_t *cr;
	PangoContext *pango;
	const char *family;      /* the letter's typeface, with fallbacks */
	double page_w, page_h;
	double left, top, width; /* the text area */
	double body_bottom;      /* the footer starts below */
	struct pdf_rgb accent;
	char *suffix;            /* letter/@label-suffix */
	struct pdf_row *rows;
	size_t n_rows, cap_rows;
	struct pdf_cell footer;
	char *page_format;       /* footer/@page-format, or NULL */
	char *continued;         /* footer/@continued: pages 2 and on */
	double footer_top;
	struct pdf_place *places;
	size_t n_places, cap_places;
	int pages;
	bool oom;
	struct pdf_font_height heights[16]; /* measured so far */
	size_t n_heights;
};

extern const struct pdf_rgb lerq__pdf_black, lerq__pdf_text, lerq__pdf_grey, lerq__pdf_rule;

/* pdf.c: the model as a PDF, into a malloc()ed, NUL-terminated buffer,
 * with a font map from the renderer's pool. LERQ_OK, LERQ_ENOMEM,
 * LERQ_ENOTSUP (no font at all), LERQ_EINTERNAL. */
int lerq__pdf_render(xmlDocPtr model, enum lerq_paper paper, struct lerq_pdf_fonts *pool,
                    char **out, size_t *size);

/* pdf/glyphs.c: the characters of every installed font (NULL when none
 * is; FcCharSetDestroy() it), and LERQ-L004 for each field of doc with a
 * character outside them. */
FcCharSet *lerq__pdf_coverage_new(void);
/* pdf.c: the check of the module's table, on the pool's coverage. */
int lerq__pdf_check_fonts(struct lerq_pdf_fonts *pool, xmlDocPtr doc, lerq__pdf_warn_fn warn,
                          void *data);
int lerq__pdf_check_glyphs(const FcCharSet *cover, xmlDocPtr doc, lerq__pdf_warn_fn warn,
                           void *data);

/* pdf/text.c: rich text, pieces, cells. */
void lerq__pdf_rich_init(struct pdf_rich *r);
void lerq__pdf_rich_free(struct pdf_rich *r);
void lerq__pdf_rich_add(struct pdf_rich *r, const char *utf8);
/* Inline content of the model (text, strong, code, link) under parent. */
void lerq__pdf_rich_add_inline(struct pdf_rich *r, const xmlNode *parent, unsigned flags);
/* The inline content of parent as a link to href, when href may be one. */
void lerq__pdf_rich_add_link(struct pdf_rich *r, const xmlNode *parent, const char *href,
                       unsigned flags);
bool lerq__pdf_rich_empty(const struct pdf_rich *r);

void lerq__pdf_cell_init(struct pdf_cell *c, double x, double width);
void lerq__pdf_cell_free(struct pdf_cell *c);
/* Adds the text as a piece at x in the cell (the rich text is emptied);
 * nothing for empty text. Returns the piece or NULL. */
struct pdf_piece *lerq__pdf_cell_rich(struct pdf_doc *d, struct pdf_cell *c, struct pdf_rich *r,
                                const struct pdf_style *st, double x);
struct pdf_piece *lerq__pdf_cell_text(struct pdf_doc *d, struct pdf_cell *c, const xmlNode *parent,
                                const struct pdf_style *st, double x);
struct pdf_piece *lerq__pdf_cell_string(struct pdf_doc *d, struct pdf_cell *c, const char *utf8,
                                  const struct pdf_style *st, double x);
/* A value, cell or item: one piece per <line> (details smaller and grey,
 * items with a bullet), or its inline content. */
void lerq__pdf_cell_lines(struct pdf_doc *d, struct pdf_cell *c, const xmlNode *parent,
                    const struct pdf_style *st);
void lerq__pdf_cell_image(struct pdf_doc *d, struct pdf_cell *c, cairo_surface_t *image,
                    double w, double h, double x);
/* Lines up the next pieces of the cells below the taller of them. */
void lerq__pdf_cells_sync(struct pdf_cell *cells, size_t n, double gap);
/* The width of one line of text, unwrapped. */
double lerq__pdf_text_width(struct pdf_doc *d, const char *utf8, const struct pdf_style *st);

/* pdf/blocks.c: the model as rows; the footer. */
void lerq__pdf_build_letter(struct pdf_doc *d, const xmlNode *letter);
/* A row of n empty cells, appended; NULL when out of memory. */
struct pdf_row *lerq__pdf_row_new(struct pdf_doc *d, size_t n);
void lerq__pdf_rows_free(struct pdf_doc *d);
/* Model helpers. */
bool lerq__pdf_is(const xmlNode *n, const char *name);
const xmlNode *lerq__pdf_child(const xmlNode *parent, const char *name);
char *lerq__pdf_attr(const xmlNode *n, const char *name); /* xmlFree() it */
double lerq__pdf_attr_number(const xmlNode *n, const char *name);

/* pdf/table.c: blocks inside a section. */
void lerq__pdf_build_list(struct pdf_doc *d, const xmlNode *list);
void lerq__pdf_build_fields(struct pdf_doc *d, const xmlNode *fields);
/* Fields under a sub-heading (row @header, or -1): a page they go on to
 * starts with the sub-heading again, as a table with its header row. */
void lerq__pdf_build_fields_under(struct pdf_doc *d, const xmlNode *fields, long header);
void lerq__pdf_build_table(struct pdf_doc *d, const xmlNode *table);

/* pdf/flow.c */
void lerq__pdf_paginate(struct pdf_doc *d);
double lerq__pdf_row_height(const struct pdf_row *row, const size_t *from, const size_t *to);

/* pdf/draw.c: lines [from, to) of a cell, the first one's top at y on
 * the page; every page with its footer. */
void lerq__pdf_draw_lines(struct pdf_doc *d, const struct pdf_cell *c, size_t from, size_t to,
                    double y);
void lerq__pdf_draw(struct pdf_doc *d);

/* pdf/logo.c: a data:image/png;base64 URI as an image, or NULL. */
cairo_surface_t *lerq__pdf_logo_load(const char *src);

/* pdf/meta.c */
void lerq__pdf_set_metadata(cairo_surface_t *surface, const xmlNode *letter);
/* Adds /Lang to the document catalogue of a finished PDF by an
 * incremental update (cairo 1.16 cannot); leaves it alone if that cannot
 * be done. Returns LERQ_OK or LERQ_ENOMEM. */
int lerq__pdf_add_language(char **pdf, size_t *size, size_t *cap, const char *lang);

#endif
