/* SPDX-License-Identifier: MIT */
/* Letters (render.c, xslt.c, letterhead.c, bidi.c, wrap.c): declarations
 * shared by lib/letter/ and the files at the top of lib/ that compose it
 * (render.c); never installed. */
#ifndef LERQ_LETTER_H
#define LERQ_LETTER_H

#include <pthread.h>
#include <stdbool.h>

#include "core/lerq-private.h"

struct lerq_signature; /* sign/sign.h */

/* Messages collected from libxml2 and libxslt during one operation, so
 * that the library never prints them. */
struct lerq_messages {
	char *text;
	size_t len, cap;
	bool oom;
};
void lerq__messages_clear(struct lerq_messages *m);
/* The first few messages as one line, for a finding; *line (if not NULL)
 * gets the stylesheet line they name, or 0. Caller frees. */
char *lerq__messages_summary(const struct lerq_messages *m, unsigned long *line);

/* xslt.c: lerq's built-in stylesheets, compiled once per context from
 * the stylesheets embedded under res:///, and the security preferences every transform
 * runs with (no file, no network, res:/// only). */
struct lerq_stylesheets;
enum lerq__stylesheet {
	LERQ_STYLESHEET_LETTER, /* stage 1: document -> letter model */
	LERQ_STYLESHEET_HTML,   /* stage 2: letter model -> HTML */
	LERQ_STYLESHEET_TEXT,   /* stage 2: letter model -> text */
};
int lerq__stylesheets_new(struct lerq_stylesheets **out);
void lerq__stylesheets_free(struct lerq_stylesheets *ss);
xsltStylesheetPtr lerq__stylesheet(const struct lerq_stylesheets *ss,
                                  enum lerq__stylesheet which);
/* Compiles a stylesheet document, which it takes over (freed on failure).
 * Returns LERQ_OK, LERQ_EINVAL when it does not compile (m says why),
 * LERQ_ENOMEM. */
int lerq__xslt_compile(xmlDocPtr doc, struct lerq_messages *m, xsltStylesheetPtr *out);
/* Applies style to doc (which libxslt writes into: one thread per doc)
 * with lerq's security preferences and CPU caps in proportion to
 * input_size, the size in bytes of the document the letter comes from;
 * params as for xsltApplyStylesheet(). Any message means failure:
 * LERQ_EINTERNAL with m saying why; LERQ_ENOMEM. The result is the
 * caller's (xmlFreeDoc). */
int lerq__xslt_apply(const struct lerq_stylesheets *ss, xsltStylesheetPtr style,
                    xmlDocPtr doc, size_t input_size, const char **params,
                    struct lerq_messages *m, xmlDocPtr *result);
/* How many message catalogues ss has parsed (each once; tests). */
size_t lerq__stylesheets_catalogue_count(const struct lerq_stylesheets *ss);
/* As lerq__xslt_apply(), with the message catalogues of English and of
 * lang (res:///l10n/LANG.xml), parsed once per renderer, handed to the
 * transform (a copy each) as already loaded: document() finds them
 * without parsing; @extra (may be NULL, the caller's: a response's
 * request) is readable as document() of its URL. */
int lerq__xslt_apply_letter(const struct lerq_stylesheets *ss, xsltStylesheetPtr style,
                           xmlDocPtr doc, xmlDocPtr extra, size_t input_size,
                           const char *lang, const char **params, struct lerq_messages *m,
                           xmlDocPtr *result);
/* Serialises a result as its stylesheet's xsl:output says, into a
 * malloc()ed, NUL-terminated buffer. */
int lerq__xslt_serialize(xsltStylesheetPtr style, xmlDocPtr result, char **out,
                        size_t *size);

/* The text letter: text.xsl's plan (urn:lerq:text:1) written as lines of
 * at most 72 columns (letter/wrap.c). *out is the caller's to free. */
int lerq__text_write(xmlDocPtr plan, char **out, size_t *size);

/* letterhead.c: compiles an agency's letterhead stylesheet (which must
 * import res:///letter.xsl and nothing but lerq's own files). url, which
 * may be NULL, is the file's path. Returns LERQ_OK; LERQ_EINVAL with
 * LERQ-L002 or LERQ-P00x findings in problems; LERQ_ENOMEM. */
int lerq__letterhead_compile(const struct lerq_ctx *ctx, const void *data, size_t size,
                            const char *url, xsltStylesheetPtr *out,
                            struct lerq_report *problems);

/* render.c */
struct lerq_renderer {
	const struct lerq_ctx *ctx;
	/* lerq's own stylesheets (xslt.c), compiled with the renderer: a
	 * context that only validates never pays for them. */
	struct lerq_stylesheets *stylesheets;
	xsltStylesheetPtr letterhead; /* stage 1 of the agency, or NULL */
	enum lerq_paper paper;        /* of PDF letters (pdf.c) */
	/* Font maps PDF letters take turns with, made by the PDF module on
	 * the renderer's first PDF letter (letter/pdf.c): NULL until then.
	 * pdf_lock guards the making. */
	pthread_mutex_t pdf_lock;
	struct lerq_pdf_fonts *fonts;
};
struct lerq_pdf_fonts; /* pdf/module.h */
/* The letter model (doc/letter-model.md) of a document that passed
 * validation, as the renderer's stage 1 makes it: everything the letter
 * says, in its language, with dates written out. The PDF typesetter lays
 * out this and nothing else. input_size (the document's size in bytes)
 * sets the CPU caps. A language without catalogue falls back to
 * English and adds LERQ-L001 to report; a letterhead that fails adds
 * LERQ-L003 and returns LERQ_EINVAL. doc is written into (one thread per
 * doc). On LERQ_OK *model is the caller's (xmlFreeDoc). */
int lerq__letter_model(const struct lerq_renderer *renderer, xmlDocPtr doc,
                      size_t input_size, struct lerq_report *report,
                      xmlDocPtr *model);
/* As lerq__letter_model(), for a response with the request it answers
 * (a valid Request, or NULL: the letter then shows what was asked for),
 * and with the signature check of a context with a trust list (sig NULL:
 * nothing is said about signatures). */
int lerq__letter_model_with(const struct lerq_renderer *renderer, xmlDocPtr doc,
                           xmlDocPtr request, const struct lerq_signature *sig,
                           size_t input_size, struct lerq_report *report,
                           xmlDocPtr *model);
/* letter/bidi.c: before the model is built, every text node of doc that
 * holds a bidirectional control is wrapped in FSI ... PDI (HTML and PDF),
 * or, with escape (text letters), has each control written as <U+XXXX>,
 * so that no control of the data reorders the letter around it. */
int lerq__letter_isolate_bidi(xmlDocPtr doc, bool escape);
/* Whether a text node of doc holds a bidirectional control (bidi.c). */
bool lerq__letter_has_bidi(xmlDocPtr doc);
/* A letter (render.c) of doc, a document that passed validation: its
 * model is made (report as for lerq__letter_model()); doc is taken, also
 * on failure. input_size sets the CPU caps of every stage. */
int lerq__letter_new_xml(const struct lerq_renderer *renderer, xmlDocPtr doc,
                        size_t input_size, struct lerq_report *report,
                        struct lerq_letter **out);
/* Hands rep to *report when r says why a letter was refused (or made),
 * frees it otherwise; report may be NULL. */
void lerq__letter_hand_over(int r, struct lerq_report *rep, struct lerq_report **report);

#endif
