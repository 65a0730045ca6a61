/* SPDX-License-Identifier: MIT */
/*
 * Letters. A valid document goes through two stages: stage 1 (letter.xsl,
 * or an agency's letterhead that imports it) turns it into the letter
 * model, where everything the letter says is decided once, in the
 * letter's language; stage 2 lays the model out as HTML or text (and, in
 * a build with PDF support, as PDF). See doc/letter-model.md.
 *
 * The context and renderer are shared and read-only: each call parses its
 * own document, because libxslt writes into the document it transforms.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/lerq-private.h"
#include "pdf/module.h"

LERQ_EXPORT int lerq_renderer_new(const struct lerq_ctx *ctx, struct lerq_renderer **out)
{
	if (ctx == NULL || out == NULL)
		return LERQ_EINVAL;
	struct lerq_renderer *r = calloc(1, sizeof(*r));
	if (r == NULL)
		return LERQ_ENOMEM;
	int err = lerq__stylesheets_new(&r->stylesheets);
	if (err != LERQ_OK) {
		free(r);
		return err;
	}
	if (pthread_mutex_init(&r->pdf_lock, NULL) != 0) {
		lerq__stylesheets_free(r->stylesheets);
		free(r);
		return LERQ_ENOMEM;
	}
	r->ctx = ctx;
	*out = r;
	return LERQ_OK;
}

LERQ_EXPORT void lerq_renderer_free(struct lerq_renderer *renderer)
{
	if (renderer == NULL)
		return;
	xsltFreeStylesheet(renderer->letterhead);
	lerq__stylesheets_free(renderer->stylesheets);
	/* fonts exist only if the module was loaded to make them. */
	if (renderer->fonts != NULL)
		lerq__pdf_module_load()->fonts_free(renderer->fonts);
	pthread_mutex_destroy(&renderer->pdf_lock);
	free(renderer);
}

static int set_letterhead(struct lerq_renderer *renderer, const void *data, size_t size,
                          const char *url, struct lerq_report **problems)
{
	struct lerq_report *report = lerq__report_new();
	if (report == NULL)
		return LERQ_ENOMEM;
	xsltStylesheetPtr style = NULL;
	int r = lerq__letterhead_compile(renderer->ctx, data, size, url, &style, report);
	if (r == LERQ_OK && lerq_report_errors(report) > 0) {
		xsltFreeStylesheet(style);
		r = LERQ_EINVAL;
	}
	if (r == LERQ_OK) {
		xsltFreeStylesheet(renderer->letterhead);
		renderer->letterhead = style;
	}
	if (r == LERQ_EINVAL && problems != NULL)
		*problems = report;
	else
		lerq_report_free(report);
	return r;
}

LERQ_EXPORT int lerq_renderer_set_letterhead(struct lerq_renderer *renderer,
                                             const char *path,
                                             struct lerq_report **problems)
{
	if (problems != NULL)
		*problems = NULL;
	if (renderer == NULL || path == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size;
	int r = lerq__read_file(path, renderer->ctx->max_size, &data, &size);
	if (r != LERQ_OK)
		return r;
	r = set_letterhead(renderer, data, size, path, problems);
	free(data);
	return r;
}

LERQ_EXPORT int lerq_renderer_set_letterhead_memory(struct lerq_renderer *renderer,
                                                    const void *data, size_t size,
                                                    struct lerq_report **problems)
{
	if (problems != NULL)
		*problems = NULL;
	if (renderer == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	return set_letterhead(renderer, data, size, NULL, problems);
}

LERQ_EXPORT int lerq_renderer_set_paper(struct lerq_renderer *renderer, enum lerq_paper paper)
{
	if (renderer == NULL || (paper != LERQ_PAPER_A4 && paper != LERQ_PAPER_LETTER))
		return LERQ_EINVAL;
	renderer->paper = paper;
	return LERQ_OK;
}

/* ---- the letter model ---- */

/*
 * The letter's language: the primary subtag of the root's xml:lang, in
 * lower case ("fr" for "fr-BE"), when lerq has a catalogue for it;
 * otherwise English, with a LERQ-L001 warning.
 */
static int letter_language(xmlDocPtr doc, struct lerq_report *report, char lang[4])
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlChar *tag = xmlNodeGetLang(root);
	const char *t = tag ? (const char *)tag : "";
	size_t n = 0;

	t += strspn(t, " \t\r\n");
	while (n < 3 && ((t[n] >= 'a' && t[n] <= 'z') || (t[n] >= 'A' && t[n] <= 'Z'))) {
		lang[n] = (char)(t[n] | 0x20);
		n++;
	}
	lang[n] = '\0';
	bool whole = t[n] == '\0' || t[n] == '-' || t[n] == ' ';
	if (n >= 2 && whole) {
		char name[32];
		snprintf(name, sizeof(name), "l10n/%s.xml", lang);
		if (lerq__resource_find(name) != NULL) {
			xmlFree(tag);
			return LERQ_OK;
		}
	}
	char *m = lerq__strdup_printf("The document's language \"%s\" (xml:lang) has no letter "
	                             "catalogue in lerq; the letter is written in English "
	                             "(languages: de, en, es, fr)",
	                             tag ? (const char *)tag : "");
	xmlFree(tag);
	if (m == NULL)
		return LERQ_ENOMEM;
	strcpy(lang, "en");
	int r = lerq__report_add_code(report, LERQ_L001, root, 0, 0, m);
	free(m);
	return r;
}

/* A transform of a user's letterhead failed: say why, as a finding. The
 * line is the letterhead's, not the document's: it is left out. */
static int letterhead_failed(struct lerq_report *report, const struct lerq_messages *m)
{
	char *text = lerq__messages_summary(m, NULL);
	char *msg = text ? lerq__strdup_printf("The letterhead stylesheet failed while writing "
	                                      "the letter%s%s", *text ? ": " : "", text)
	                 : NULL;
	free(text);
	if (msg == NULL)
		return LERQ_ENOMEM;
	int r = lerq__report_add_code(report, LERQ_L003, NULL, 0, 0, msg);
	free(msg);
	return r == LERQ_OK ? LERQ_EINVAL : r;
}

int lerq__letter_model(const struct lerq_renderer *renderer, xmlDocPtr doc,
                      size_t input_size, struct lerq_report *report,
                      xmlDocPtr *model)
{
	const struct lerq_stylesheets *ss = renderer->stylesheets;
	char lang[4];
	char quoted[8];

	int r = letter_language(doc, report, lang);
	if (r != LERQ_OK)
		return r;
	/* A string parameter is an XPath expression: quote it. lang holds
	 * letters only. */
	snprintf(quoted, sizeof(quoted), "'%s'", lang);
	const char *params[] = { "lang", quoted, NULL };

	struct lerq_messages m = { 0 };
	xsltStylesheetPtr style = renderer->letterhead
	                                  ? renderer->letterhead
	                                  : lerq__stylesheet(ss, LERQ_STYLESHEET_LETTER);
	r = lerq__xslt_apply_letter(ss, style, doc, input_size, lang, params, &m, model);
	if (r == LERQ_EINTERNAL && renderer->letterhead != NULL)
		r = letterhead_failed(report, &m);
	lerq__messages_clear(&m);
	return r;
}

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
	if (r == LERQ_OK)
		r = lerq__xslt_serialize(style, result, out, size);
	xmlFreeDoc(result);
	return r;
}

static bool format_supported(enum lerq_format format)
{
	return format == LERQ_FORMAT_HTML || format == LERQ_FORMAT_TEXT ||
	       format == LERQ_FORMAT_PDF;
}

/* A letter whose model is made: what lerq_letter_render() lays out. */
struct lerq_letter {
	const struct lerq_renderer *renderer;
	xmlDocPtr model;
	size_t input_size;
};

int lerq__letter_new_xml(const struct lerq_renderer *renderer, xmlDocPtr doc,
                        size_t input_size, struct lerq_report *report,
                        struct lerq_letter **out)
{
	struct lerq_letter *letter = calloc(1, sizeof(*letter));
	if (letter == NULL)
		return LERQ_ENOMEM;
	int r = lerq__letter_model(renderer, doc, input_size, report, &letter->model);
	if (r != LERQ_OK) {
		free(letter);
		return r;
	}
	letter->renderer = renderer;
	letter->input_size = input_size;
	*out = letter;
	return LERQ_OK;
}

/* The report says why a letter was refused; it is kept for those. */
void lerq__letter_hand_over(int r, struct lerq_report *rep, struct lerq_report **report)
{
	if (report != NULL && (r == LERQ_OK || r == LERQ_EDOCUMENT || r == LERQ_EINVAL))
		*report = rep;
	else
		lerq_report_free(rep);
}

/* lerq_letter_new(); *release (when not NULL) is freed as soon as the
 * document is parsed, before its letter model is made: at the size limit
 * that is 16 MiB less at the peak. */
static int letter_new(const struct lerq_renderer *renderer, const void *data, size_t size,
                      lerq_time_t now, struct lerq_letter **out, struct lerq_report **report,
                      char **release)
{
	struct lerq_report *rep = NULL;
	xmlDocPtr doc = NULL;
	int r = lerq__validate_doc(renderer->ctx, data, size, now, &rep, &doc);
	if (release != NULL) {
		free(*release);
		*release = NULL;
	}
	if (r != LERQ_OK)
		return r;
	if (doc == NULL || !lerq_report_is_valid(rep))
		r = LERQ_EDOCUMENT;
	else
		r = lerq__letter_new_xml(renderer, doc, size, rep, out);
	xmlFreeDoc(doc);
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
	return letter_new(renderer, data, size, now, out, report, NULL);
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
		r = letter_new(renderer, data, size, now, out, report, &data);
	}
	free(data);
	return r;
}

LERQ_EXPORT void lerq_letter_free(struct lerq_letter *letter)
{
	if (letter == NULL)
		return;
	xmlFreeDoc(letter->model);
	free(letter);
}

LERQ_EXPORT int lerq_letter_render(struct lerq_letter *letter, enum lerq_format format,
                                   char **out, size_t *out_size)
{
	if (letter == NULL || out == NULL || out_size == NULL || !format_supported(format))
		return LERQ_EINVAL;
	if (format == LERQ_FORMAT_PDF && lerq__pdf_module_load() == NULL)
		return LERQ_ENOTSUP;
	return lay_out(letter->renderer, letter->model, letter->input_size, format, out,
	               out_size);
}

LERQ_EXPORT int lerq_render_memory(const struct lerq_renderer *renderer,
                                   const void *data, size_t size,
                                   enum lerq_format format, lerq_time_t now,
                                   char **out, size_t *out_size,
                                   struct lerq_report **report)
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
	int r = lerq_letter_new(renderer, data, size, now, &letter, &rep);
	if (r == LERQ_OK)
		r = lerq_letter_render(letter, format, out, out_size);
	lerq_letter_free(letter);
	lerq__letter_hand_over(r, rep, report);
	return r;
}

/*
 * Never half a letter: the bytes go to a new file next to @path, which is
 * flushed to disk and then renamed over @path. A file that is replaced
 * keeps its permissions; a new one is readable by its owner only (mode
 * 0600, as mkstemp() makes it), since letters are confidential.
 */
static int write_atomically(const char *path, const char *data, size_t size)
{
	char *tmp = lerq__strdup_printf("%s.XXXXXX", path);
	if (tmp == NULL)
		return LERQ_ENOMEM;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return LERQ_EIO;
	}
	struct stat st;
	int err = 0;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && fchmod(fd, st.st_mode & 07777) != 0)
		err = errno;
	for (size_t done = 0; err == 0 && done < size;) {
		ssize_t n = write(fd, data + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			err = n < 0 ? errno : EIO;
		else
			done += (size_t)n;
	}
	if (err == 0 && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && err == 0)
		err = errno;
	if (err == 0 && rename(tmp, path) != 0)
		err = errno;
	if (err != 0)
		unlink(tmp);
	free(tmp);
	errno = err;
	return err == 0 ? LERQ_OK : LERQ_EIO;
}

LERQ_EXPORT int lerq_render_to_file(const struct lerq_renderer *renderer,
                                    const void *data, size_t size,
                                    enum lerq_format format, lerq_time_t now,
                                    const char *path, struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (path == NULL)
		return LERQ_EINVAL;
	char *letter = NULL;
	size_t letter_size = 0;
	int r = lerq_render_memory(renderer, data, size, format, now, &letter, &letter_size,
	                           report);
	if (r == LERQ_OK)
		r = write_atomically(path, letter, letter_size);
	int e = errno;
	free(letter);
	errno = e;
	return r;
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
		r = write_atomically(path, bytes, size);
	int e = errno;
	free(bytes);
	errno = e;
	return r;
}
