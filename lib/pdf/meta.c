/* SPDX-License-Identifier: MIT */
/*
 * PDF letters: document metadata, and the language.
 *
 * The title is the subject line (with the registration number), the
 * author the agency (or provider), the subject the subject line as the
 * letter shows it, the keywords the reference. The creation date is the
 * document's IssuedAt: without it cairo would write the clock's time and
 * no two renderings would be the same bytes. (cairo 1.16 writes the date
 * it is given without the "D:" prefix of PDF dates; readers such as
 * poppler accept it, and cairo 1.17.2 fixes it.)
 *
 * cairo 1.16 has no call for the document's language (/Lang in the
 * catalogue, which screen readers and text extraction use), so it is
 * added to the finished file by an incremental update: a new version of
 * the catalogue, its cross-reference section and trailer appended to the
 * bytes, which PDF readers apply as they would an edit. Nothing cairo
 * wrote moves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

/* The date as cairo takes it, "YYYY-MM-DDThh:mm:ss+hh:mm"; or a string
 * that cairo refuses, so that it writes no date at all rather than the
 * clock's. */
static void creation_date(const char *iso, char out[40])
{
	struct lerq_datetime dt;
	strcpy(out, "none");
	if (iso == NULL || lerq__datetime_parse(iso, &dt) != LERQ_OK || dt.year < 0 ||
	    dt.year > 9999)
		return;
	int off = dt.offset_minutes < 0 ? -dt.offset_minutes : dt.offset_minutes;
	snprintf(out, 40, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", (int)dt.year, dt.month,
	         dt.day, dt.hour, dt.minute, dt.second, dt.offset_minutes < 0 ? '-' : '+',
	         off / 60, off % 60);
}

static void set(cairo_surface_t *s, cairo_pdf_metadata_t what, const char *value)
{
	if (value != NULL && *value)
		cairo_pdf_surface_set_metadata(s, what, value);
}

void lerq__pdf_set_metadata(cairo_surface_t *surface, const xmlNode *letter)
{
	const xmlNode *meta = lerq__pdf_child(letter, "meta");
	char *title = meta ? lerq__pdf_attr(meta, "title") : NULL;
	char *author = meta ? lerq__pdf_attr(meta, "author") : NULL;
	char *date = meta ? lerq__pdf_attr(meta, "date") : NULL;
	char *reference = meta ? lerq__pdf_attr(meta, "reference") : NULL;
	const xmlNode *subject = lerq__pdf_child(letter, "subject");

	set(surface, CAIRO_PDF_METADATA_TITLE, title);
	set(surface, CAIRO_PDF_METADATA_AUTHOR, author);
	if (subject != NULL) {
		struct pdf_rich r;
		lerq__pdf_rich_init(&r);
		lerq__pdf_rich_add_inline(&r, subject, 0);
		if (!r.oom && r.text != NULL)
			set(surface, CAIRO_PDF_METADATA_SUBJECT, r.text);
		lerq__pdf_rich_free(&r);
	}
	set(surface, CAIRO_PDF_METADATA_KEYWORDS, reference);
	set(surface, CAIRO_PDF_METADATA_CREATOR, "lerq " LERQ_VERSION);
	char when[40];
	creation_date(date, when);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, when);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, when);
	xmlFree(title);
	xmlFree(author);
	xmlFree(date);
	xmlFree(reference);
}

/* ---- /Lang by incremental update ---- */

static const char *find(const char *from, const char *end, const char *what)
{
	size_t n = strlen(what);
	for (const char *p = from; p + n <= end; p++)
		if (memcmp(p, what, n) == 0)
			return p;
	return NULL;
}

static const char *find_last(const char *start, const char *end, const char *what)
{
	size_t n = strlen(what);
	for (const char *p = end - n; p >= start; p--)
		if (memcmp(p, what, n) == 0)
			return p;
	return NULL;
}

/* "/Key N G R" in the trailer: N and G. */
static bool reference(const char *dict, const char *end, const char *key, unsigned long *num,
                      unsigned long *gen)
{
	const char *p = find(dict, end, key);
	if (p == NULL)
		return false;
	char *e;
	*num = strtoul(p + strlen(key), &e, 10);
	*gen = strtoul(e, &e, 10);
	while (e < end && *e == ' ')
		e++;
	return e < end && *e == 'R' && *num > 0;
}

static bool language_ok(const char *lang)
{
	size_t n = strlen(lang);
	if (n == 0 || n > 35)
		return false;
	for (const char *p = lang; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

static bool append(char **pdf, size_t *size, size_t *cap, const char *s, size_t n)
{
	if (*size + n + 1 > *cap) {
		size_t c = *cap * 2 > *size + n + 1 ? *cap * 2 : *size + n + 1;
		char *p = realloc(*pdf, c);
		if (p == NULL)
			return false;
		*pdf = p;
		*cap = c;
	}
	memcpy(*pdf + *size, s, n);
	*size += n;
	(*pdf)[*size] = '\0';
	return true;
}

int lerq__pdf_add_language(char **pdf, size_t *size, size_t *cap, const char *lang)
{
	const char *start = *pdf, *end = *pdf + *size;
	if (lang == NULL || !language_ok(lang))
		return LERQ_OK;
	const char *sx = find_last(start, end, "startxref");
	const char *trailer = sx ? find_last(start, sx, "trailer") : NULL;
	if (trailer == NULL)
		return LERQ_OK;
	unsigned long prev = strtoul(sx + strlen("startxref"), NULL, 10);
	unsigned long root, root_gen, info = 0, info_gen = 0, count;
	const char *sz = find(trailer, sx, "/Size ");
	if (prev >= *size || strncmp(start + prev, "xref", 4) != 0 || sz == NULL ||
	    !reference(trailer, sx, "/Root ", &root, &root_gen))
		return LERQ_OK;
	count = strtoul(sz + strlen("/Size "), NULL, 10);
	bool has_info = reference(trailer, sx, "/Info ", &info, &info_gen);

	/* The catalogue as cairo wrote it: "N G obj\n<< ... >>\nendobj". */
	char head[48];
	snprintf(head, sizeof(head), "\n%lu %lu obj", root, root_gen);
	const char *obj = find(start, end, head);
	const char *open = obj ? find(obj, end, "<<") : NULL;
	const char *close = open ? find(open, end, "endobj") : NULL;
	if (close == NULL || find(open, close, "/Lang") != NULL)
		return LERQ_OK;

	size_t offset = *size + 1; /* after the newline below */
	/* The new catalogue: /Lang, then the rest of the old one. */
	char *update = lerq__strdup_printf("\n%lu %lu obj\n<< /Lang (%s)%.*s", root, root_gen,
	                                  lang, (int)(close - open - 2), open + 2);
	if (update == NULL)
		return LERQ_ENOMEM;
	bool ok = append(pdf, size, cap, update, strlen(update));
	free(update);
	char tail[256];
	char info_ref[48] = "";
	if (has_info)
		snprintf(info_ref, sizeof(info_ref), " /Info %lu %lu R", info, info_gen);
	size_t xref = *size + strlen("endobj\n");
	int n = snprintf(tail, sizeof(tail),
	                 "endobj\nxref\n%lu 1\n%010zu %05lu n \ntrailer\n"
	                 "<< /Size %lu /Root %lu %lu R%s /Prev %lu >>\nstartxref\n%zu\n%%%%EOF\n",
	                 root, offset, root_gen, count, root, root_gen, info_ref, prev, xref);
	ok = ok && n > 0 && (size_t)n < sizeof(tail) && append(pdf, size, cap, tail, (size_t)n);
	return ok ? LERQ_OK : LERQ_ENOMEM;
}
