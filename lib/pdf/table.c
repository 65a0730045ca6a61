/* SPDX-License-Identifier: MIT */
/*
 * PDF letters: lists, label/value fields and tables, as rows. A table is
 * a header row and a row per model row, each followed by its notes; the
 * data rows point at their header row, which pdf/flow.c repeats at the
 * top of every page the table continues on. A row and its notes are kept
 * together, as the HTML letter keeps a <tbody>.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

static struct pdf_style table_style(double size, unsigned flags, struct pdf_rgb colour)
{
	return (struct pdf_style){ .size = size, .flags = flags, .colour = colour,
		                   .align = PANGO_ALIGN_LEFT, .spacing = 1.35 };
}

void lerq__pdf_build_list(struct pdf_doc *d, const xmlNode *list)
{
	struct pdf_style st = table_style(10, 0, lerq__pdf_text);
	st.spacing = 1.42;
	size_t first = d->n_rows;
	for (const xmlNode *item = list->children; item != NULL; item = item->next) {
		if (!lerq__pdf_is(item, "item"))
			continue;
		struct pdf_row *row = lerq__pdf_row_new(d, 1);
		if (row == NULL)
			return;
		lerq__pdf_cell_init(&row->cells[0], PDF_MM(6), d->width - PDF_MM(6));
		lerq__pdf_cell_lines(d, &row->cells[0], item, &st);
		if (row->cells[0].n_pieces > 0)
			row->cells[0].pieces[0].bullet = true;
		row->breaks = PDF_BREAK_LINES;
		row->space_after = PDF_MM(1.2);
	}
	/* Rows move when more are added: the last one is found by index. */
	if (d->n_rows > first)
		d->rows[d->n_rows - 1].space_after = PDF_MM(3);
}

void lerq__pdf_build_fields(struct pdf_doc *d, const xmlNode *fields)
{
	lerq__pdf_build_fields_under(d, fields, -1);
}

void lerq__pdf_build_fields_under(struct pdf_doc *d, const xmlNode *fields, long header)
{
	struct pdf_style label = table_style(10, 0, lerq__pdf_grey), value = table_style(10, 0, lerq__pdf_text);
	double lw = d->width * 0.32;
	size_t first = d->n_rows;
	for (const xmlNode *f = fields->children; f != NULL; f = f->next) {
		if (!lerq__pdf_is(f, "field"))
			continue;
		struct pdf_row *row = lerq__pdf_row_new(d, 2);
		if (row == NULL)
			return;
		lerq__pdf_cell_init(&row->cells[0], 0, lw - PDF_MM(4));
		lerq__pdf_cell_init(&row->cells[1], lw, d->width - lw);
		const xmlNode *l = lerq__pdf_child(f, "label"), *v = lerq__pdf_child(f, "value");
		if (l != NULL)
			lerq__pdf_cell_text(d, &row->cells[0], l, &label, 0);
		if (v != NULL)
			lerq__pdf_cell_lines(d, &row->cells[1], v, &value);
		row->pad_top = row->pad_bottom = PDF_MM(0.8);
		row->header = header;
	}
	if (d->n_rows > first)
		d->rows[d->n_rows - 1].space_after = PDF_MM(3);
}

/* Column widths in points: @width is a share in per cent; columns
 * without one share what is left; shares are scaled to fill the width. */
static double *column_widths(struct pdf_doc *d, const xmlNode *columns, size_t n)
{
	double *w = calloc(n, sizeof(*w));
	if (w == NULL) {
		d->oom = true;
		return NULL;
	}
	double given = 0;
	size_t unset = 0, i = 0;
	for (const xmlNode *c = lerq__pdf_child(columns, "column"); c && i < n; c = c->next) {
		if (!lerq__pdf_is(c, "column"))
			continue;
		double v = lerq__pdf_attr_number(c, "width");
		if (v > 0 && v <= 100) {
			w[i] = v;
			given += v;
		} else {
			unset++;
		}
		i++;
	}
	double rest = given < 100 ? 100 - given : 0;
	for (i = 0; i < n; i++)
		if (w[i] == 0)
			w[i] = unset > 0 && rest > 0 ? rest / (double)unset : 100.0 / (double)n;
	double total = 0;
	for (i = 0; i < n; i++)
		total += w[i];
	for (i = 0; i < n; i++)
		w[i] = d->width * w[i] / total;
	return w;
}

/* The width of the longest word of a column's head ("Position",
 * "Élément"), padded as a cell is. */
static double head_need(struct pdf_doc *d, const xmlNode *column, const struct pdf_style *st)
{
	xmlChar *text = xmlNodeGetContent(column);
	if (text == NULL)
		return 0;
	double need = 0;
	char *save = NULL;
	for (char *word = strtok_r((char *)text, " \t\n\r", &save); word != NULL;
	     word = strtok_r(NULL, " \t\n\r", &save)) {
		double w = lerq__pdf_text_width(d, word, st);
		if (w > need)
			need = w;
	}
	xmlFree(text);
	return need > 0 ? need + PDF_MM(4) + 1 : 0;
}

/* A column's head is never broken inside a word (issue 14: "Posi-/tion",
 * "Éléme-/nt"): a column too narrow for its longest word takes the room
 * from the widest column that can spare it. */
static void widen_for_heads(struct pdf_doc *d, const xmlNode *columns, double *w, size_t n,
                            const struct pdf_style *st)
{
	double *need = calloc(n, sizeof(*need));
	if (need == NULL) {
		d->oom = true;
		return;
	}
	size_t i = 0;
	for (const xmlNode *c = lerq__pdf_child(columns, "column"); c && i < n; c = c->next)
		if (lerq__pdf_is(c, "column"))
			need[i++] = head_need(d, c, st);
	for (i = 0; i < n; i++) {
		if (w[i] >= need[i])
			continue;
		size_t widest = n;
		for (size_t j = 0; j < n; j++)
			if (j != i && (widest == n || w[j] - need[j] > w[widest] - need[widest]))
				widest = j;
		if (widest == n)
			break;
		double spare = w[widest] - need[widest], give = need[i] - w[i];
		if (give > spare)
			give = spare > 0 ? spare : 0;
		w[widest] -= give;
		w[i] += give;
	}
	free(need);
}

/* A row of the table's grid: each cell padded 2 mm left and right. */
static struct pdf_row *grid_row(struct pdf_doc *d, const double *widths, size_t n)
{
	struct pdf_row *row = lerq__pdf_row_new(d, n);
	if (row == NULL)
		return NULL;
	double x = 0;
	for (size_t i = 0; i < n; i++) {
		lerq__pdf_cell_init(&row->cells[i], x + PDF_MM(2), widths[i] - PDF_MM(4));
		x += widths[i];
	}
	return row;
}

/* "Relevance: ..." under a row, across the table. */
static void note(struct pdf_doc *d, const xmlNode *n, long header)
{
	struct pdf_row *row = lerq__pdf_row_new(d, 1);
	if (row == NULL)
		return;
	lerq__pdf_cell_init(&row->cells[0], PDF_MM(2), d->width - PDF_MM(4));
	struct pdf_rich r;
	lerq__pdf_rich_init(&r);
	char *label = lerq__pdf_attr(n, "label");
	if (label != NULL && *label) {
		lerq__pdf_rich_add(&r, label);
		if (r.len > 0) {
			PangoAttribute *a = pango_attr_style_new(PANGO_STYLE_ITALIC);
			a->start_index = 0;
			a->end_index = (guint)r.len;
			pango_attr_list_insert(r.attrs, a);
			a = pango_attr_foreground_new(0x5555, 0x5555, 0x5555);
			a->start_index = 0;
			a->end_index = (guint)r.len;
			pango_attr_list_insert(r.attrs, a);
		}
		/* The suffix may start with a no-break space (" :" in
		 * French): it is text, not white space to collapse. */
		if (d->suffix != NULL)
			lerq__pdf_rich_add(&r, d->suffix);
		lerq__pdf_rich_add(&r, " ");
	}
	xmlFree(label);
	lerq__pdf_rich_add_inline(&r, n, 0);
	struct pdf_style st = table_style(9, 0, (struct pdf_rgb){ 0.2, 0.2, 0.2 });
	lerq__pdf_cell_rich(d, &row->cells[0], &r, &st, 0);
	lerq__pdf_rich_free(&r);
	row->pad_bottom = PDF_MM(1.5);
	row->header = header;
}

void lerq__pdf_build_table(struct pdf_doc *d, const xmlNode *table)
{
	const xmlNode *columns = lerq__pdf_child(table, "columns");
	size_t n = 0;
	for (const xmlNode *c = lerq__pdf_child(columns, "column"); c; c = c->next)
		n += lerq__pdf_is(c, "column");
	if (n == 0)
		return;
	double *widths = column_widths(d, columns, n);
	if (widths == NULL)
		return;

	struct pdf_style head = table_style(9.5, PDF_BOLD, d->accent);
	struct pdf_style body = table_style(9.5, 0, lerq__pdf_text);
	widen_for_heads(d, columns, widths, n, &head);
	struct pdf_row *row = grid_row(d, widths, n);
	if (row == NULL)
		goto out;
	long header = (long)(d->n_rows - 1);
	size_t i = 0;
	for (const xmlNode *c = lerq__pdf_child(columns, "column"); c && i < n; c = c->next)
		if (lerq__pdf_is(c, "column"))
			lerq__pdf_cell_text(d, &row->cells[i++], c, &head, 0);
	row->pad_top = row->pad_bottom = PDF_MM(1.2);
	row->rule_below = (struct lerq__pdf_rule){ 1.1, d->accent };
	row->space_before = PDF_MM(1);
	row->keep_with_next = true;

	for (const xmlNode *r = table->children; r != NULL; r = r->next) {
		if (!lerq__pdf_is(r, "row"))
			continue;
		if ((row = grid_row(d, widths, n)) == NULL)
			goto out;
		i = 0;
		bool notes = false;
		for (const xmlNode *c = r->children; c != NULL; c = c->next) {
			if (lerq__pdf_is(c, "cell") && i < n)
				lerq__pdf_cell_lines(d, &row->cells[i++], c, &body);
			notes = notes || lerq__pdf_is(c, "note");
		}
		row->pad_top = PDF_MM(1.5);
		row->pad_bottom = notes ? PDF_MM(1) : PDF_MM(1.5);
		row->rule_above = (struct lerq__pdf_rule){ 0.4, lerq__pdf_rule };
		row->header = header;
		row->keep_with_next = notes;
		size_t index = d->n_rows - 1;
		for (const xmlNode *c = r->children; c != NULL; c = c->next)
			if (lerq__pdf_is(c, "note"))
				note(d, c, header);
		/* Every note but the last keeps with the next one. */
		for (size_t k = index + 1; k + 1 < d->n_rows; k++)
			d->rows[k].keep_with_next = true;
	}
	d->rows[d->n_rows - 1].space_after = PDF_MM(3);
out:
	free(widths);
}
