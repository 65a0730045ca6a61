/* SPDX-License-Identifier: MIT */
/*
 * No silent loss of characters (issue 14): a character that no installed
 * font has is drawn by pango as an empty box, and a provider cannot search
 * for an identifier it cannot read. Before a PDF is typeset, every text
 * node and attribute of the document is checked against the characters
 * the installed fonts cover (the union of every font fontconfig knows,
 * which is what pango's fallback can reach); each field with a missing
 * character gets one LERQ-L004 warning naming it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "pdf/pdf.h"

/* Enough to say what is wrong; a document in an unknown script would
 * otherwise give a warning per field. */
#define MAX_FINDINGS 20

/* The characters of every installed font; NULL when none is. */
FcCharSet *lerq__pdf_coverage_new(void)
{
	FcPattern *all = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_CHARSET, (char *)NULL);
	FcFontSet *set = all && os ? FcFontList(NULL, all, os) : NULL;
	/* No font at all: nothing can be said per character (and no PDF
	 * can be made: the renderer says so). */
	FcCharSet *cover = set && set->nfont > 0 ? FcCharSetCreate() : NULL;
	for (int i = 0; cover != NULL && i < set->nfont; i++) {
		FcCharSet *cs = NULL;
		if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch &&
		    !FcCharSetMerge(cover, cs, NULL)) {
			FcCharSetDestroy(cover);
			cover = NULL;
		}
	}
	if (set)
		FcFontSetDestroy(set);
	if (os)
		FcObjectSetDestroy(os);
	if (all)
		FcPatternDestroy(all);
	return cover;
}

/* Characters no font needs a glyph for: controls, format characters
 * (bidi marks, joiners, the soft hyphen), separators, variation
 * selectors. */
static bool needs_glyph(gunichar c)
{
	switch (g_unichar_type(c)) {
	case G_UNICODE_CONTROL:
	case G_UNICODE_FORMAT:
	case G_UNICODE_SPACE_SEPARATOR:
	case G_UNICODE_LINE_SEPARATOR:
	case G_UNICODE_PARAGRAPH_SEPARATOR:
	case G_UNICODE_SURROGATE:
	case G_UNICODE_UNASSIGNED:
		return false;
	default:
		break;
	}
	return !(c >= 0xFE00 && c <= 0xFE0F) && !(c >= 0xE0100 && c <= 0xE01EF);
}

/* The first character of s no font has, or 0. */
static gunichar missing(const FcCharSet *cover, const char *s)
{
	if (!g_utf8_validate(s, -1, NULL))
		return 0;
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c >= 0x80 && needs_glyph(c) && !FcCharSetHasChar(cover, c))
			return c;
	}
	return 0;
}

struct walk {
	const FcCharSet *cover;
	lerq__pdf_warn_fn warn;
	void *data;
	size_t found;
	int error;
};

static void report_missing(struct walk *w, const xmlNode *element, const xmlChar *attr, gunichar c)
{
	if (w->error != LERQ_OK || w->found++ >= MAX_FINDINGS)
		return;
	char ch[8] = { 0 };
	g_unichar_to_utf8(c, ch);
	char *m = lerq__strdup_printf("%s%s%s contains \"%s\" (U+%04X), a character that no "
	                             "installed font has: the PDF letter shows an empty box in "
	                             "its place; install a font that has it, or check the value",
	                             (const char *)element->name, attr ? "/@" : "",
	                             attr ? (const char *)attr : "", ch, (unsigned)c);
	if (m == NULL) {
		w->error = LERQ_ENOMEM;
		return;
	}
	/* The module has no report of its own: liblerq adds the finding. */
	w->error = w->warn(w->data, element, m);
	free(m);
}

static void walk(struct walk *w, const xmlNode *element)
{
	for (const xmlAttr *a = element->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
		gunichar c = v ? missing(w->cover, (const char *)v) : 0;
		xmlFree(v);
		if (c != 0)
			report_missing(w, element, a->name, c);
	}
	bool warned = false;
	for (const xmlNode *n = element->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			walk(w, n);
		} else if (!warned && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
		           n->content != NULL) {
			gunichar c = missing(w->cover, (const char *)n->content);
			if (c != 0) {
				report_missing(w, element, NULL, c);
				warned = true;
			}
		}
	}
}

int lerq__pdf_check_glyphs(const FcCharSet *cover, xmlDocPtr doc, lerq__pdf_warn_fn warn,
                           void *data)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (cover == NULL || root == NULL)
		return LERQ_OK;
	struct walk w = { cover, warn, data, 0, LERQ_OK };
	walk(&w, root);
	return w.error;
}
