/* SPDX-License-Identifier: MIT */
/*
 * An agency's letterhead: a small XSLT stylesheet that imports lerq's
 * res:///letter.xsl and overrides its letterhead hooks (doc/letterhead.md).
 * The caller decides to trust the file by naming it; lerq still parses it
 * as safely as a document, lets it import nothing but lerq's own embedded
 * stylesheets, and runs it under the same security preferences as its own.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "core/lerq-private.h"
#include "letter/letter.h"

#define XSLT_NS "http://www.w3.org/1999/XSL/Transform"
#define LETTER_XSL LERQ_RES_PREFIX "letter.xsl"

static bool is_xslt(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
	       xmlStrEqual(node->ns->href, BAD_CAST XSLT_NS) &&
	       xmlStrEqual(node->name, BAD_CAST name);
}

static int refuse(struct lerq_report *problems, const xmlNode *node, const char *message)
{
	int r = lerq__report_add_code(problems, LERQ_L002, NULL,
	                             node ? (unsigned long)xmlGetLineNo(node) : 0, 0, message);
	return r == LERQ_OK ? LERQ_EINVAL : r;
}

/*
 * xsl:import and xsl:include are read while compiling, before any
 * security preference applies: allow only lerq's embedded stylesheets, and
 * require res:///letter.xsl, without which the letterhead would not be
 * a letterhead but a letter of its own.
 */
static int check_imports(xmlDocPtr doc, struct lerq_report *problems)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	bool imports_letter = false;

	for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
		if (!is_xslt(n, "import") && !is_xslt(n, "include"))
			continue;
		xmlChar *href = xmlGetNoNsProp(n, BAD_CAST "href");
		xmlChar *uri = href ? xmlBuildURI(href, doc->URL) : NULL;
		const char *u = (const char *)uri;
		bool ours = u != NULL && strncmp(u, LERQ_RES_PREFIX, strlen(LERQ_RES_PREFIX)) == 0 &&
		            lerq__resource_find(u + strlen(LERQ_RES_PREFIX)) != NULL;
		if (ours && is_xslt(n, "import") && strcmp(u, LETTER_XSL) == 0)
			imports_letter = true;
		int r = LERQ_OK;
		if (!ours) {
			char *m = lerq__strdup_printf(
				"The letterhead's <xsl:%s> names \"%s\"; a letterhead may import "
				"only lerq's own stylesheets, such as " LETTER_XSL,
				(const char *)n->name, href ? (const char *)href : "");
			r = m ? refuse(problems, n, m) : LERQ_ENOMEM;
			free(m);
		}
		xmlFree(uri);
		xmlFree(href);
		if (r != LERQ_OK)
			return r;
	}
	if (!imports_letter)
		return refuse(problems, root,
		              "The letterhead does not import " LETTER_XSL
		              " (<xsl:import href=\"" LETTER_XSL "\"/>)");
	return LERQ_OK;
}

/*
 * A letterhead makes the letter's model, which lerq lays out and escapes
 * itself: nothing in it may emit unescaped text (SECURITY.md). Refused:
 * disable-output-escaping (on xsl:text and xsl:value-of, libxslt marks
 * the text it makes so that html.xsl would copy it raw into the letter:
 * <script> in an HTML letter); extension elements (an
 * extension-element-prefixes declaration: exsl:document, saxon:output and
 * the like write documents of their own); and xsl:output, whose settings
 * (method="text", cdata-section-elements) a letterhead has no use for,
 * since its result is never serialised as it says.
 */
static int check_escaping(xmlDocPtr doc, const xmlNode *node, struct lerq_report *problems)
{
	for (const xmlNode *n = node; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *why = NULL;
		if (is_xslt(n, "output"))
			why = "uses <xsl:output>: a letterhead makes the letter's model, which lerq "
			      "lays out itself";
		for (const xmlAttr *a = n->properties; a != NULL && why == NULL; a = a->next) {
			bool xslt_ns = a->ns != NULL && xmlStrEqual(a->ns->href, BAD_CAST XSLT_NS);
			bool on_xslt = n->ns != NULL && xmlStrEqual(n->ns->href, BAD_CAST XSLT_NS);
			if (xmlStrEqual(a->name, BAD_CAST "disable-output-escaping") &&
			    (a->ns == NULL || xslt_ns)) {
				xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
				bool no = v != NULL && xmlStrEqual(v, BAD_CAST "no");
				xmlFree(v);
				if (!no)
					why = "uses disable-output-escaping: the letter would hold "
					      "unescaped text";
			} else if (xmlStrEqual(a->name, BAD_CAST "extension-element-prefixes") &&
			           ((a->ns == NULL && on_xslt) || xslt_ns)) {
				why = "declares extension elements (extension-element-prefixes): a "
				      "letterhead may use XSLT 1.0 elements only";
			}
		}
		if (why != NULL) {
			char *m = lerq__strdup_printf("The letterhead's <%s%s%s> %s",
			                             n->ns && n->ns->prefix ? (const char *)n->ns->prefix : "",
			                             n->ns && n->ns->prefix ? ":" : "",
			                             (const char *)n->name, why);
			int r = m ? refuse(problems, n, m) : LERQ_ENOMEM;
			free(m);
			return r;
		}
		int r = check_escaping(doc, n->children, problems);
		if (r != LERQ_OK)
			return r;
	}
	return LERQ_OK;
}

int lerq__letterhead_compile(const struct lerq_ctx *ctx, const void *data, size_t size,
                            const char *url, xsltStylesheetPtr *out,
                            struct lerq_report *problems)
{
	xmlDocPtr doc = NULL;

	/* Parsed like a received document: no DTD, no entities, nothing
	 * fetched. A refusal leaves its P00x finding in the report. */
	int r = lerq__parse(ctx, data, size, &doc, problems);
	if (r != LERQ_OK)
		return r;
	if (doc == NULL)
		return LERQ_EINVAL;

	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!is_xslt(root, "stylesheet") && !is_xslt(root, "transform")) {
		char *m = lerq__strdup_printf("The letterhead is not an XSLT stylesheet: its root "
		                             "element is <%s>, not <xsl:stylesheet>",
		                             (const char *)root->name);
		r = m ? refuse(problems, root, m) : LERQ_ENOMEM;
		free(m);
		xmlFreeDoc(doc);
		return r;
	}
	if (url != NULL) {
		/* For messages, and so that relative names resolve against the
		 * file (where nothing may be read) rather than res:///. */
		xmlFree((xmlChar *)doc->URL);
		doc->URL = xmlPathToURI(BAD_CAST url);
		if (doc->URL == NULL) {
			xmlFreeDoc(doc);
			return LERQ_ENOMEM;
		}
	}
	r = check_imports(doc, problems);
	if (r == LERQ_OK)
		r = check_escaping(doc, root, problems);
	if (r != LERQ_OK) {
		xmlFreeDoc(doc);
		return r;
	}

	struct lerq_messages m = { 0 };
	r = lerq__xslt_compile(doc, &m, out);
	if (r == LERQ_EINVAL) {
		unsigned long line;
		char *text = lerq__messages_summary(&m, &line);
		char *msg = text ? lerq__strdup_printf("The letterhead stylesheet does not "
		                                      "compile%s%s", *text ? ": " : "", text)
		                 : NULL;
		r = msg ? lerq__report_add_code(problems, LERQ_L002, NULL, line, 0, msg)
		        : LERQ_ENOMEM;
		if (r == LERQ_OK)
			r = LERQ_EINVAL;
		free(text);
		free(msg);
	}
	lerq__messages_clear(&m);
	return r;
}
