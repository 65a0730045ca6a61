/* SPDX-License-Identifier: MIT */
/*
 * PDF letters: rows onto pages.
 *
 * lerq__pdf_paginate() walks the rows once. A row goes on the current page when
 * it fits with whatever it must stay with (a heading with the start of
 * what follows it, a closing with the signature, a table header with its
 * first row); a paragraph or list item may break between lines, leaving
 * at least two lines on either side; any row taller than a whole page
 * breaks where it must. A page that continues a table starts with the
 * table's header row again. lerq__pdf_draw() (pdf/draw.c) then knows how many
 * pages there are, for "page N of M".
 */
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

/* Lines a paragraph keeps together at the foot or head of a page. */
#define ORPHANS 2

static double cell_height(const struct pdf_cell *c, size_t from, size_t to)
{
	if (from >= to)
		return 0;
	return c->lines[to - 1].bottom - c->lines[from].top;
}

/* The height of a row, whole (from == NULL) or lines [from, to). */
double lerq__pdf_row_height(const struct pdf_row *row, const size_t *from, const size_t *to)
{
	double h = 0;
	for (size_t i = 0; i < row->n_cells; i++) {
		const struct pdf_cell *c = &row->cells[i];
		double ch = from ? cell_height(c, from[i], to[i]) : c->height;
		if (ch > h)
			h = ch;
	}
	return row->pad_top + h + row->pad_bottom;
}

/* Space between two rows: the larger of their margins, as in CSS. */
static double gap_between(const struct pdf_row *a, const struct pdf_row *b)
{
	return a->space_after > b->space_before ? a->space_after : b->space_before;
}

static double body_height(const struct pdf_doc *d)
{
	return d->body_bottom - d->top;
}

/* The least of row i that must start on the same page as whatever keeps
 * with it: its first lines, if it may break; all of it otherwise; and,
 * through a chain of keeps, the start of the next one too. */
static double min_start(const struct pdf_doc *d, size_t i, int depth)
{
	const struct pdf_row *row = &d->rows[i];
	double h;
	if (row->breaks == PDF_BREAK_LINES) {
		double ch = 0;
		for (size_t k = 0; k < row->n_cells; k++) {
			const struct pdf_cell *c = &row->cells[k];
			size_t n = c->n_lines < ORPHANS ? c->n_lines : ORPHANS;
			if (cell_height(c, 0, n) > ch)
				ch = cell_height(c, 0, n);
		}
		h = row->pad_top + ch + row->pad_bottom;
	} else {
		h = lerq__pdf_row_height(row, NULL, NULL);
	}
	if (row->keep_with_next && i + 1 < d->n_rows && depth < 4)
		h += gap_between(row, &d->rows[i + 1]) + min_start(d, i + 1, depth + 1);
	return h;
}

static bool place(struct pdf_doc *d, size_t row, int page, double y, const size_t *from,
                  const size_t *to)
{
	if (d->n_places == d->cap_places) {
		size_t cap = d->cap_places ? 2 * d->cap_places : 64;
		struct pdf_place *p = realloc(d->places, cap * sizeof(*p));
		if (p == NULL) {
			d->oom = true;
			return false;
		}
		d->places = p;
		d->cap_places = cap;
	}
	struct pdf_place *p = &d->places[d->n_places];
	*p = (struct pdf_place){ .row = row, .page = page, .y = y };
	if (from != NULL) {
		size_t n = d->rows[row].n_cells;
		p->from = malloc(2 * n * sizeof(size_t));
		if (p->from == NULL) {
			d->oom = true;
			return false;
		}
		p->to = p->from + n;
		memcpy(p->from, from, n * sizeof(size_t));
		memcpy(p->to, to, n * sizeof(size_t));
	}
	d->n_places++;
	return true;
}

/*
 * The lines of the row (from *start on) that fit in room: to[] per cell.
 * False when nothing fits, or when a paragraph would leave fewer than
 * ORPHANS lines at the foot of the page or carry fewer to the next.
 */
static bool cut(const struct pdf_row *row, const size_t *start, double room, bool force,
                size_t *to)
{
	double inner = room - row->pad_top - row->pad_bottom;
	bool some = false;
	for (size_t i = 0; i < row->n_cells; i++) {
		const struct pdf_cell *c = &row->cells[i];
		size_t k = start[i];
		while (k < c->n_lines && cell_height(c, start[i], k + 1) <= inner)
			k++;
		if (k == start[i] && k < c->n_lines && force)
			k++; /* a line taller than a page: it goes anyway */
		if (row->breaks == PDF_BREAK_LINES && !force && k < c->n_lines) {
			size_t taken = k - start[i], left = c->n_lines - k;
			if (taken < ORPHANS)
				k = start[i];
			else if (left < ORPHANS && taken - (ORPHANS - left) >= ORPHANS)
				k -= ORPHANS - left;
			else if (left < ORPHANS)
				k = start[i];
		}
		to[i] = k;
		some = some || k > start[i];
	}
	return some;
}

static bool done(const struct pdf_row *row, const size_t *at)
{
	for (size_t i = 0; i < row->n_cells; i++)
		if (at[i] < row->cells[i].n_lines)
			return false;
	return true;
}

struct cursor {
	int page;
	double y;
	bool fresh;       /* nothing on the page but a repeated header row */
	double after;     /* space after the last row placed */
};

static void new_page(struct pdf_doc *d, struct cursor *c, size_t next)
{
	c->page++;
	c->y = d->top;
	c->fresh = true;
	c->after = 0;
	/* A table that goes on starts the page with its header row. */
	long h = next < d->n_rows ? d->rows[next].header : -1;
	if (h >= 0 && (size_t)h != next) {
		place(d, (size_t)h, c->page, c->y, NULL, NULL);
		c->y += lerq__pdf_row_height(&d->rows[h], NULL, NULL);
	}
}

/* Row i, or lines from/to of it, at the cursor. */
static void put(struct pdf_doc *d, struct cursor *c, size_t i, double gap, const size_t *from,
                const size_t *to)
{
	const struct pdf_row *row = &d->rows[i];
	place(d, i, c->page, c->y + gap, from, to);
	c->y += gap + lerq__pdf_row_height(row, from, to);
	c->fresh = false;
	c->after = row->space_after;
}

void lerq__pdf_paginate(struct pdf_doc *d)
{
	struct cursor c = { 1, d->top, true, 0 };
	size_t max = 1;
	for (size_t i = 0; i < d->n_rows; i++)
		if (d->rows[i].n_cells > max)
			max = d->rows[i].n_cells;
	size_t *from = calloc(2 * max, sizeof(size_t));
	if (from == NULL) {
		d->oom = true;
		return;
	}
	size_t *to = from + max;

	for (size_t i = 0; i < d->n_rows && !d->oom; i++) {
		const struct pdf_row *row = &d->rows[i];
		double gap = c.fresh ? 0 : (row->space_before > c.after ? row->space_before : c.after);
		double room = d->body_bottom - c.y - gap;
		double whole = lerq__pdf_row_height(row, NULL, NULL);
		double need = whole;
		if (row->keep_with_next && i + 1 < d->n_rows)
			need += gap_between(row, &d->rows[i + 1]) + min_start(d, i + 1, 0);
		if (need > body_height(d))
			need = whole;
		/* On a new page, keeping with the next row gains nothing. */
		if (need <= room || (c.fresh && whole <= room)) {
			put(d, &c, i, gap, NULL, NULL);
			continue;
		}
		/* It does not fit here: break it, or start a new page. */
		memset(from, 0, row->n_cells * sizeof(size_t));
		bool may_break = row->breaks == PDF_BREAK_LINES || whole > body_height(d);
		if (!may_break || !cut(row, from, room, false, to)) {
			if (!c.fresh) {
				new_page(d, &c, i);
				gap = 0;
				room = d->body_bottom - c.y;
			}
			if (whole <= room) {
				put(d, &c, i, gap, NULL, NULL);
				continue;
			}
			if (!cut(row, from, room, false, to))
				cut(row, from, room, true, to);
		}
		/* Part by part, a page each; every part takes a line at least. */
		for (;;) {
			put(d, &c, i, gap, from, to);
			memcpy(from, to, row->n_cells * sizeof(size_t));
			if (done(row, from) || d->oom)
				break;
			new_page(d, &c, i);
			gap = 0;
			room = d->body_bottom - c.y;
			if (!cut(row, from, room, false, to))
				cut(row, from, room, true, to);
		}
	}
	d->pages = c.page;
	free(from);
}
