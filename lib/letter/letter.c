/* SPDX-License-Identifier: MIT */
/*
 * Letters: a document validated once and its letter model made once
 * (render.c), then laid out in each format asked for (stage 2: html.xsl,
 * text.xsl and the text wrapper, or the PDF module); the lerq_letter_*
 * and lerq_render_* calls.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parserInternals.h>

#include "core/lerq-private.h"
#include "letter/letter.h"
#include "sign/sign.h"
#include "pdf/module.h"

/* A PDF letter: the module is opened on the first one of the process,
 * the renderer's font pool made on its first one. The renderer is shared
 * by threads; the pool is the one thing it makes late, under pdf_lock. */
static int pdf_render(const struct lerq_renderer *renderer, xmlDocPtr model, char **out,
                      size_t *size)
{
	const struct lerq__pdf_module *pdf = lerq__pdf_module_load();
	if (pdf == NULL)
		return LERQ_ENOTSUP;
	struct lerq_renderer *r = (struct lerq_renderer *)renderer;
	int err = LERQ_OK;
	pthread_mutex_lock(&r->pdf_lock);
	if (r->fonts == NULL)
		err = pdf->fonts_new(&r->fonts);
	pthread_mutex_unlock(&r->pdf_lock);
	if (err != LERQ_OK)
		return err;
	return pdf->render(model, renderer->paper, r->fonts, out, size);
}

/* Stage 2: the model laid out as bytes. */
static int lay_out(const struct lerq_renderer *renderer, xmlDocPtr model,
                   size_t input_size, enum lerq_format format, char **out,
                   size_t *size)
{
	/* PDF is typeset in C from the same model, by the PDF module. */
	if (format == LERQ_FORMAT_PDF)
		return pdf_render(renderer, model, out, size);
	const struct lerq_stylesheets *ss = renderer->stylesheets;
	xsltStylesheetPtr style = lerq__stylesheet(ss, format == LERQ_FORMAT_TEXT
	                                                      ? LERQ_STYLESHEET_TEXT
	                                                      : LERQ_STYLESHEET_HTML);
	struct lerq_messages m = { 0 };
	xmlDocPtr result = NULL;

	int r = lerq__xslt_apply(ss, style, model, input_size, NULL, &m, &result);
	lerq__messages_clear(&m);
	if (r == LERQ_OK && format == LERQ_FORMAT_TEXT)
		r = lerq__text_write(result, out, size);
	else if (r == LERQ_OK)
		r = lerq__xslt_serialize(style, result, out, size);
	xmlFreeDoc(result);
	return r;
}

/* No error but signature findings (LERQ-V): with a trust list, a
 * signature that did not verify still gets its letter, which says so in
 * place of "Signature verified" (format section 6); any other error
 * refuses the letter. */
static bool only_signature_errors(const struct lerq_report *report)
{
	if (lerq_report_is_valid(report))
		return true;
	if (lerq_report_suppressed(report) > 0)
		return false;
	for (size_t i = 0; i < lerq_report_count(report); i++) {
		const struct lerq_finding *f = lerq_report_get(report, i);
		if (lerq_finding_severity(f) == LERQ_SEVERITY_ERROR &&
		    strncmp(lerq_finding_code(f), "LERQ-V", 6) != 0)
			return false;
	}
	return true;
}

static bool format_supported(enum lerq_format format)
{
	return format == LERQ_FORMAT_HTML || format == LERQ_FORMAT_TEXT ||
	       format == LERQ_FORMAT_PDF;
}

/* The root element's name, when it is in lerq's namespace. */
static const char *root_name(xmlDocPtr doc)
{
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || root->ns == NULL || !xmlStrEqual(root->ns->href, BAD_CAST LERQ_NS))
		return "";
	return (const char *)root->name;
}

/* The text of the root's child @name, white space collapsed as the
 * schema's token type does, or NULL; xmlFree() it. */
static xmlChar *child_text(xmlDocPtr doc, const char *name)
{
	for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST name))
			continue;
		xmlChar *v = xmlNodeGetContent(n);
		if (v == NULL)
			return NULL;
		xmlChar *o = v;
		bool space = false;
		for (const xmlChar *p = v; *p; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
				space = o > v;
				continue;
			}
			if (space)
				*o++ = ' ';
			space = false;
			*o++ = *p;
		}
		*o = '\0';
		return v;
	}
	return NULL;
}

/* The request @data, valid, a Request, the one @doc (a Response) answers:
 * parsed into *out; LERQ_EINVAL otherwise. */
static int answered_request(const struct lerq_renderer *renderer, xmlDocPtr doc,
                            const void *data, size_t size, lerq_time_t now, xmlDocPtr *out)
{
	struct lerq_report *rep = NULL;
	xmlDocPtr request = NULL;
	int r = lerq__validate_doc(renderer->ctx, data, size, now, &rep, &request);
	if (r == LERQ_OK && (request == NULL || !lerq_report_is_valid(rep) ||
	                     strcmp(root_name(request), "Request") != 0 ||
	                     strcmp(root_name(doc), "Response") != 0))
		r = LERQ_EINVAL;
	lerq_report_free(rep);
	if (r == LERQ_OK) {
		xmlChar *number = child_text(request, "RegistrationNumber");
		xmlChar *answers = child_text(doc, "InResponseTo");
		if (number == NULL || answers == NULL || !xmlStrEqual(number, answers))
			r = LERQ_EINVAL;
		xmlFree(number);
		xmlFree(answers);
	}
	if (r != LERQ_OK) {
		xmlFreeDoc(request);
		return r;
	}
	*out = request;
	return LERQ_OK;
}

/* A letter whose model is made: what lerq_letter_render() lays out. */
struct lerq_letter {
	const struct lerq_renderer *renderer;
	xmlDocPtr doc;        /* the validated document, for the font check */
	xmlDocPtr model;      /* bidi controls isolated (HTML, PDF) */
	xmlDocPtr text_model; /* bidi controls shown (text), or NULL: model */
	size_t input_size;
	bool fonts_checked;
};

/* The model of doc (and of its answered request), with the bidi controls
 * of the data isolated (escape false) or shown (escape true). doc and
 * request are written into. */
static int letter_model(const struct lerq_renderer *renderer, xmlDocPtr doc, xmlDocPtr request,
                        const struct lerq_signature *sig, size_t input_size, bool escape,
                        struct lerq_report *report, xmlDocPtr *model)
{
	int r = lerq__letter_isolate_bidi(doc, escape);
	if (r == LERQ_OK && request != NULL)
		r = lerq__letter_isolate_bidi(request, escape);
	if (r == LERQ_OK)
		r = lerq__letter_model_with(renderer, doc, request, sig, input_size, report, model);
	return r;
}

/* Takes doc and request (may be NULL), borrows sig (may be NULL). */
static int letter_make(const struct lerq_renderer *renderer, xmlDocPtr doc, xmlDocPtr request,
                       const struct lerq_signature *sig, size_t input_size,
                       struct lerq_report *report, struct lerq_letter **out)
{
	struct lerq_letter *letter = calloc(1, sizeof(*letter));
	int r = letter != NULL ? LERQ_OK : LERQ_ENOMEM;
	/* A text letter shows each bidirectional control of the data where
	 * HTML and PDF isolate it: only a document that holds one needs a
	 * second model, made from a copy. */
	if (r == LERQ_OK && (lerq__letter_has_bidi(doc) ||
	                     (request != NULL && lerq__letter_has_bidi(request)))) {
		xmlDocPtr d = xmlCopyDoc(doc, 1);
		xmlDocPtr q = request != NULL ? xmlCopyDoc(request, 1) : NULL;
		if (d == NULL || (request != NULL && q == NULL))
			r = LERQ_ENOMEM;
		else
			r = letter_model(renderer, d, q, sig, input_size, true, report,
			                 &letter->text_model);
		xmlFreeDoc(d);
		xmlFreeDoc(q);
	}
	if (r == LERQ_OK)
		r = letter_model(renderer, doc, request, sig, input_size, false, report,
		                 &letter->model);
	xmlFreeDoc(request);
	if (r != LERQ_OK) {
		xmlFreeDoc(doc);
		if (letter != NULL)
			xmlFreeDoc(letter->text_model);
		free(letter);
		return r;
	}
	/* Kept for the font check, which reads the data's text: the isolates
	 * added are format characters, which need no glyph. */
	letter->renderer = renderer;
	letter->doc = doc;
	letter->input_size = input_size;
	*out = letter;
	return LERQ_OK;
}

int lerq__letter_new_xml(const struct lerq_renderer *renderer, xmlDocPtr doc,
                        size_t input_size, struct lerq_report *report,
                        struct lerq_letter **out)
{
	return letter_make(renderer, doc, NULL, NULL, input_size, report, out);
}

/* The report says why a letter was refused; it is kept for those. */
void lerq__letter_hand_over(int r, struct lerq_report *rep, struct lerq_report **report)
{
	if (report != NULL && (r == LERQ_OK || r == LERQ_EDOCUMENT || r == LERQ_EINVAL))
		*report = rep;
	else
		lerq_report_free(rep);
}

/* A warning in report for each field of the letter's document with a
 * character no installed font has (issue 14: no silent loss). */
static int add_font_warning(void *data, const xmlNode *element, const char *message)
{
	return lerq__report_add_code(data, LERQ_L004, (xmlNodePtr)element, 0, 0, message);
}

static int check_fonts(struct lerq_letter *letter, struct lerq_report *report)
{
	const struct lerq__pdf_module *pdf = lerq__pdf_module_load();
	if (pdf == NULL)
		return LERQ_ENOTSUP;
	struct lerq_renderer *r = (struct lerq_renderer *)letter->renderer;
	int err = LERQ_OK;
	pthread_mutex_lock(&r->pdf_lock);
	if (r->fonts == NULL)
		err = pdf->fonts_new(&r->fonts);
	pthread_mutex_unlock(&r->pdf_lock);
	if (err == LERQ_OK && !letter->fonts_checked)
		err = pdf->check_fonts(r->fonts, letter->doc, add_font_warning, report);
	letter->fonts_checked = true;
	return err;
}

LERQ_EXPORT int lerq_letter_check_fonts(struct lerq_letter *letter, struct lerq_report *report)
{
	if (letter == NULL || report == NULL)
		return LERQ_EINVAL;
	return check_fonts(letter, report);
}

/* lerq_letter_new() and its response form; *release (when not NULL) is
 * freed as soon as the document is parsed, before its letter model is
 * made: at the size limit that is 16 MiB less at the peak. */
static int letter_new(const struct lerq_renderer *renderer, const void *data, size_t size,
                      const void *request_data, size_t request_size, lerq_time_t now,
                      struct lerq_letter **out, struct lerq_report **report, char **release)
{
	struct lerq_report *rep = NULL;
	xmlDocPtr doc = NULL, request = NULL;
	struct lerq_signature *sig = NULL;
	int r = lerq__validate_doc_sig(renderer->ctx, data, size, now, &rep, &doc, &sig);
	if (release != NULL) {
		free(*release);
		*release = NULL;
	}
	if (r != LERQ_OK)
		return r;
	/* With a trust list, a signature that did not verify still gets its
	 * letter, which says so (format section 6). */
	if (doc == NULL || !only_signature_errors(rep))
		r = LERQ_EDOCUMENT;
	if (r == LERQ_OK && request_data != NULL)
		r = answered_request(renderer, doc, request_data, request_size, now, &request);
	if (r == LERQ_OK) {
		r = letter_make(renderer, doc, request, sig, size, rep, out);
		doc = NULL;
	}
	xmlFreeDoc(doc);
	lerq_signature_free(sig);
	lerq__letter_hand_over(r, rep, report);
	return r;
}

LERQ_EXPORT int lerq_letter_new(const struct lerq_renderer *renderer, const void *data,
                                size_t size, lerq_time_t now, struct lerq_letter **out,
                                struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (renderer == NULL || out == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	return letter_new(renderer, data, size, NULL, 0, now, out, report, NULL);
}

LERQ_EXPORT int lerq_letter_new_response(const struct lerq_renderer *renderer,
                                         const void *data, size_t size,
                                         const void *request, size_t request_size,
                                         lerq_time_t now, struct lerq_letter **out,
                                         struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (renderer == NULL || out == NULL || (data == NULL && size > 0) || request == NULL)
		return LERQ_EINVAL;
	return letter_new(renderer, data, size, request, request_size, now, out, report, NULL);
}

LERQ_EXPORT int lerq_letter_new_file(const struct lerq_renderer *renderer, const char *path,
                                     lerq_time_t now, struct lerq_letter **out,
                                     struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (renderer == NULL || path == NULL || out == NULL)
		return LERQ_EINVAL;
	const struct lerq_ctx *ctx = renderer->ctx;
	char *data;
	size_t size, whole;
	bool exact;
	int r = lerq__read_file_sized(path, ctx->max_size, &data, &size, &whole, &exact);
	if (r != LERQ_OK)
		return r;
	if (whole > ctx->max_size) {
		struct lerq_report *rep = NULL;
		r = lerq__validate_oversize(ctx, whole, exact, &rep);
		if (r == LERQ_OK)
			r = LERQ_EDOCUMENT;
		lerq__letter_hand_over(r, rep, report);
	} else {
		r = letter_new(renderer, data, size, NULL, 0, now, out, report, &data);
	}
	free(data);
	return r;
}

LERQ_EXPORT void lerq_letter_free(struct lerq_letter *letter)
{
	if (letter == NULL)
		return;
	xmlFreeDoc(letter->doc);
	xmlFreeDoc(letter->model);
	xmlFreeDoc(letter->text_model);
	free(letter);
}

LERQ_EXPORT int lerq_letter_render(struct lerq_letter *letter, enum lerq_format format,
                                   char **out, size_t *out_size)
{
	if (letter == NULL || out == NULL || out_size == NULL || !format_supported(format))
		return LERQ_EINVAL;
	if (format == LERQ_FORMAT_PDF && lerq__pdf_module_load() == NULL)
		return LERQ_ENOTSUP;
	xmlDocPtr model = format == LERQ_FORMAT_TEXT && letter->text_model != NULL
	                          ? letter->text_model
	                          : letter->model;
	return lay_out(letter->renderer, model, letter->input_size, format, out, out_size);
}

static int render(const struct lerq_renderer *renderer, const void *data, size_t size,
                  const void *request_data, size_t request_size, enum lerq_format format,
                  lerq_time_t now, char **out, size_t *out_size, struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (renderer == NULL || out == NULL || out_size == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	if (!format_supported(format))
		return LERQ_EINVAL;
	/* Before validating: a letter that cannot be made costs nothing. */
	if (format == LERQ_FORMAT_PDF && lerq__pdf_module_load() == NULL)
		return LERQ_ENOTSUP;

	struct lerq_letter *letter = NULL;
	struct lerq_report *rep = NULL;
	int r = letter_new(renderer, data, size, request_data, request_size, now, &letter, &rep,
	                   NULL);
	/* No silent loss: a character no font has is a warning. */
	if (r == LERQ_OK && format == LERQ_FORMAT_PDF)
		r = check_fonts(letter, rep);
	if (r == LERQ_OK)
		r = lerq_letter_render(letter, format, out, out_size);
	lerq_letter_free(letter);
	lerq__letter_hand_over(r, rep, report);
	return r;
}

LERQ_EXPORT int lerq_render_memory(const struct lerq_renderer *renderer,
                                   const void *data, size_t size,
                                   enum lerq_format format, lerq_time_t now,
                                   char **out, size_t *out_size,
                                   struct lerq_report **report)
{
	return render(renderer, data, size, NULL, 0, format, now, out, out_size, report);
}

LERQ_EXPORT int lerq_render_response_memory(const struct lerq_renderer *renderer,
                                            const void *data, size_t size,
                                            const void *request, size_t request_size,
                                            enum lerq_format format, lerq_time_t now,
                                            char **out, size_t *out_size,
                                            struct lerq_report **report)
{
	if (request == NULL) {
		if (report != NULL)
			*report = NULL;
		return LERQ_EINVAL;
	}
	return render(renderer, data, size, request, request_size, format, now, out, out_size,
	              report);
}

static int render_to_file(const struct lerq_renderer *renderer, const void *data, size_t size,
                          const void *request, size_t request_size, enum lerq_format format,
                          lerq_time_t now, const char *path, struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (path == NULL)
		return LERQ_EINVAL;
	char *letter = NULL;
	size_t letter_size = 0;
	int r = render(renderer, data, size, request, request_size, format, now, &letter,
	               &letter_size, report);
	if (r == LERQ_OK)
		r = lerq__write_file(path, letter, letter_size);
	int e = errno;
	free(letter);
	errno = e;
	return r;
}

LERQ_EXPORT int lerq_render_to_file(const struct lerq_renderer *renderer,
                                    const void *data, size_t size,
                                    enum lerq_format format, lerq_time_t now,
                                    const char *path, struct lerq_report **report)
{
	return render_to_file(renderer, data, size, NULL, 0, format, now, path, report);
}

LERQ_EXPORT int lerq_render_response_to_file(const struct lerq_renderer *renderer,
                                             const void *data, size_t size,
                                             const void *request, size_t request_size,
                                             enum lerq_format format, lerq_time_t now,
                                             const char *path, struct lerq_report **report)
{
	if (request == NULL) {
		if (report != NULL)
			*report = NULL;
		return LERQ_EINVAL;
	}
	return render_to_file(renderer, data, size, request, request_size, format, now, path,
	                      report);
}

LERQ_EXPORT int lerq_letter_write(struct lerq_letter *letter, enum lerq_format format,
                                  const char *path)
{
	if (path == NULL)
		return LERQ_EINVAL;
	char *bytes = NULL;
	size_t size = 0;
	int r = lerq_letter_render(letter, format, &bytes, &size);
	if (r == LERQ_OK)
		r = lerq__write_file(path, bytes, size);
	int e = errno;
	free(bytes);
	errno = e;
	return r;
}
