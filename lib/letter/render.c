/* SPDX-License-Identifier: MIT */
/*
 * Letters. A valid document goes through two stages: stage 1 (letter.xsl,
 * or an agency's letterhead that imports it) turns it into the letter
 * model, where everything the letter says is decided once, in the
 * letter's language; stage 2 lays the model out as HTML or text (and, in
 * a build with PDF support, as PDF). See doc/letter-model.md. This file
 * holds the renderer and stage 1; letter.c stage 2 and the letters.
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

#include <libxml/parserInternals.h>

#include "core/lerq-private.h"
#include "letter/letter.h"
#include "sign/sign.h"
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

/* Any string as an XPath string expression (a stylesheet parameter is
 * an expression): 'text', or "text", or concat() of both kinds when the
 * text holds both quotes. Caller frees. */
static char *xpath_string(const char *s)
{
	if (strchr(s, '\'') == NULL)
		return lerq__strdup_printf("'%s'", s);
	if (strchr(s, '"') == NULL)
		return lerq__strdup_printf("\"%s\"", s);
	/* concat('a', "'", 'b', ...): split at each apostrophe only, so
	 * that multibyte characters stay whole. */
	size_t n = strlen(s);
	char *out = malloc(n * 7 + 16);
	if (out == NULL)
		return NULL;
	char *o = out + sprintf(out, "concat(''");
	while (*s) {
		size_t run = strcspn(s, "'");
		if (run > 0) {
			o += sprintf(o, ",'%.*s'", (int)run, s);
			s += run;
		}
		if (*s == '\'') {
			o += sprintf(o, ",\"'\"");
			s++;
		}
	}
	strcpy(o, ")");
	return out;
}

/* The signature check's stylesheet parameters (letter-signature.xsl);
 * values[] receives what to free. Returns the number of strings put into
 * params (pairs), or -1 when out of memory. */
static int signature_params(const struct lerq_signature *sig, const char **params,
                            char **values)
{
	if (sig == NULL)
		return 0;
	const char *state = sig->state == LERQ_SIGNATURE_VERIFIED ? "verified"
	                    : sig->state == LERQ_SIGNATURE_FAILED ? "failed" : "unsigned";
	const char *pairs[][2] = {
		{ "signature", state },
		{ "signature-signer", sig->signer ? sig->signer : "" },
		{ "signature-owner", sig->owner ? sig->owner : "" },
		{ "signature-list-date", sig->issued_at ? sig->issued_at : "" },
		{ "signature-switchboard", sig->switchboard ? sig->switchboard : "" },
		{ "signature-code", sig->code ? sig->code : "LERQ-V001" },
	};
	int n = 0;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		values[i] = xpath_string(pairs[i][1]);
		if (values[i] == NULL)
			return -1;
		params[n++] = pairs[i][0];
		params[n++] = values[i];
	}
	return n;
}

/* Whatever made it (a letterhead is refused if it asks for it), no text
 * of the model reaches a letter unescaped: libxslt marks text made with
 * disable-output-escaping by its node name, and copies such text raw. */
static void escape_all(xmlNodePtr node)
{
	for (xmlNodePtr n = node; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->name == xmlStringTextNoenc)
			n->name = xmlStringText;
		else if (n->type == XML_ELEMENT_NODE)
			escape_all(n->children);
	}
}

int lerq__letter_model(const struct lerq_renderer *renderer, xmlDocPtr doc,
                      size_t input_size, struct lerq_report *report,
                      xmlDocPtr *model)
{
	return lerq__letter_model_with(renderer, doc, NULL, NULL, input_size, report, model);
}

/* Where a response's letter finds its request: a name no resource has. */
#define REQUEST_URL LERQ_RES_PREFIX "lerq-request.xml"

int lerq__letter_model_with(const struct lerq_renderer *renderer, xmlDocPtr doc,
                           xmlDocPtr request, const struct lerq_signature *sig,
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
	const char *params[24] = { "lang", quoted, NULL };
	size_t n = 2;
	/* A letterhead refuses the other side's documents (letter.xsl). */
	if (renderer->letterhead != NULL) {
		params[n++] = "with-letterhead";
		params[n++] = "true()";
	}
	if (request != NULL) {
		xmlFree((xmlChar *)request->URL);
		request->URL = xmlStrdup(BAD_CAST REQUEST_URL);
		if (request->URL == NULL)
			return LERQ_ENOMEM;
		params[n++] = "request-uri";
		params[n++] = "'" REQUEST_URL "'";
	}
	char *values[6] = { NULL };
	int added = signature_params(sig, params + n, values);
	if (added < 0) {
		for (size_t i = 0; i < 6; i++)
			free(values[i]);
		return LERQ_ENOMEM;
	}
	params[n + (size_t)added] = NULL;

	struct lerq_messages m = { 0 };
	xsltStylesheetPtr style = renderer->letterhead
	                                  ? renderer->letterhead
	                                  : lerq__stylesheet(ss, LERQ_STYLESHEET_LETTER);
	r = lerq__xslt_apply_letter(ss, style, doc, request, input_size, lang, params, &m, model);
	if (r == LERQ_EINTERNAL && renderer->letterhead != NULL)
		r = letterhead_failed(report, &m);
	if (r == LERQ_OK)
		escape_all(xmlDocGetRootElement(*model));
	lerq__messages_clear(&m);
	for (size_t i = 0; i < 6; i++)
		free(values[i]);
	return r;
}
