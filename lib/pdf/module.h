/* SPDX-License-Identifier: MIT */
/*
 * The PDF typesetter as a module of its own (liblerq-pdf.so), so that a
 * program that only validates never loads cairo, pango and fontconfig
 * (issue 18). liblerq opens it on the first PDF letter (letter/pdf.c)
 * and finds everything through the one table below; the module brings
 * its own copies of the few core helpers it uses (text.c, time.c), so it
 * needs no symbol of liblerq and works under the static library too.
 *
 * This header includes no cairo or pango header: liblerq is built
 * without them.
 */
#ifndef LERQ_PDF_MODULE_H
#define LERQ_PDF_MODULE_H

#include "core/lerq-private.h"

/* pdf/pdf.c, in the PDF module: a pool of pango font maps, so that each
 * PDF letter has one to itself and later ones find fonts quicker. */
struct lerq_pdf_fonts;
int lerq__pdf_fonts_new(struct lerq_pdf_fonts **out);
void lerq__pdf_fonts_free(struct lerq_pdf_fonts *fonts);

/* The module's one exported symbol: a function returning its table. */
#define LERQ_PDF_MODULE_ENTRY "lerq__pdf_module"

/* Called for each field with a character no installed font has: element
 * is the field, message says which character; returns LERQ_OK or an
 * error that stops the check. */
typedef int (*lerq__pdf_warn_fn)(void *data, const xmlNode *element, const char *message);

struct lerq__pdf_module {
	/* LERQ_VERSION of the build that made the module: liblerq refuses a
	 * module of another version (the table's layout may differ). */
	const char *version;
	int (*fonts_new)(struct lerq_pdf_fonts **out);
	void (*fonts_free)(struct lerq_pdf_fonts *fonts);
	int (*render)(xmlDocPtr model, enum lerq_paper paper, struct lerq_pdf_fonts *pool,
	              char **out, size_t *size);
	/* No silent loss (issue 14): warn of every field of doc with a
	 * character no installed font has. */
	int (*check_fonts)(struct lerq_pdf_fonts *pool, xmlDocPtr doc, lerq__pdf_warn_fn warn,
	                   void *data);
};

/* In the module (pdf/module.c). */
const struct lerq__pdf_module *lerq__pdf_module(void);

/* In liblerq (letter/pdf.c): the module, opened once for the process on
 * first use, or NULL when it cannot be (not built, not installed, of
 * another version). Thread-safe. The path is LERQ_PDF_MODULE from the
 * environment when set (the build tree's tests), else where meson
 * installs it (libdir/lerq/liblerq-pdf.so). */
const struct lerq__pdf_module *lerq__pdf_module_load(void);

#endif
