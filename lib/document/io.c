/* SPDX-License-Identifier: MIT */
/* Documents in and out: serialising, validating what is written, writing
 * a file so that a failure never leaves half a document, and parsing a
 * received document into a struct lerq_doc through the safe parser and
 * the full validation. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlsave.h>

#include "document/document-private.h"

int lerq__xml_serialise(xmlDocPtr xml, bool no_empty, char **data, size_t *size)
{
	xmlBufferPtr buf = xmlBufferCreate();
	if (buf == NULL)
		return LERQ_ENOMEM;
	int options = XML_SAVE_FORMAT | (no_empty ? XML_SAVE_NO_EMPTY : 0);
	xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", options);
	if (save == NULL) {
		xmlBufferFree(buf);
		return LERQ_ENOMEM;
	}
	long written = xmlSaveDoc(save, xml);
	int closed = xmlSaveClose(save);
	int r = LERQ_ENOMEM;
	size_t len = (size_t)xmlBufferLength(buf);
	/* A copy, so that the caller frees it with free() whatever
	 * allocator the host gave libxml2 (xmlMemSetup). */
	char *out = written >= 0 && closed >= 0 && len > 0 ? malloc(len + 1) : NULL;
	if (out != NULL) {
		memcpy(out, xmlBufferContent(buf), len);
		out[len] = '\0';
		*data = out;
		*size = len;
		r = LERQ_OK;
	}
	xmlBufferFree(buf);
	return r;
}

/* The first error finding, for lerq_doc_error(). */
static void note_invalid(struct lerq_doc *doc, const struct lerq_report *report)
{
	for (size_t i = 0; i < lerq_report_count(report); i++) {
		const struct lerq_finding *f = lerq_report_get(report, i);
		if (lerq_finding_severity(f) != LERQ_SEVERITY_ERROR)
			continue;
		size_t errors = lerq_report_errors(report);
		lerq__doc_fail(doc, LERQ_EDOCUMENT,
		              "The document is not valid (%zu error%s); the first: [%s] %s (%s)",
		              errors, errors == 1 ? "" : "s", lerq_finding_code(f),
		              lerq_finding_message(f), lerq_finding_path(f));
		return;
	}
}

static void hand_over(struct lerq_report *report, struct lerq_report **out)
{
	if (out != NULL)
		*out = report;
	else
		lerq_report_free(report);
}

LERQ_EXPORT int lerq_doc_write_memory(const struct lerq_ctx *ctx, struct lerq_doc *doc,
                                      lerq_time_t now, char **data, size_t *size,
                                      struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (ctx == NULL || doc == NULL || data == NULL || size == NULL)
		return LERQ_EINVAL;
	lerq__doc_clear_error(doc);
	char *buf;
	size_t len;
	int r = lerq__xml_serialise(doc->xml, false, &buf, &len);
	if (r != LERQ_OK)
		return lerq__doc_fail(doc, r, "Out of memory");
	/* Exactly the bytes handed out are validated, by the same path as
	 * any received document. */
	struct lerq_report *rep;
	r = lerq_validate_memory(ctx, buf, len, now, &rep);
	if (r != LERQ_OK) {
		free(buf);
		return lerq__doc_fail(doc, r, "The document could not be validated: %s",
		                     lerq_strerror(r));
	}
	doc->validity = lerq__doc_verdict(rep);
	if (!lerq_report_is_valid(rep)) {
		note_invalid(doc, rep);
		free(buf);
		hand_over(rep, report);
		return LERQ_EDOCUMENT;
	}
	lerq__doc_mark_valid(doc, ctx, len);
	*data = buf;
	*size = len;
	hand_over(rep, report);
	return LERQ_OK;
}

LERQ_EXPORT int lerq_doc_write_file(const struct lerq_ctx *ctx, struct lerq_doc *doc,
                                    const char *path, lerq_time_t now,
                                    struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (ctx == NULL || doc == NULL || path == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size;
	int r = lerq_doc_write_memory(ctx, doc, now, &data, &size, report);
	if (r != LERQ_OK)
		return r;
	r = lerq__write_file(path, data, size);
	free(data);
	if (r != LERQ_OK) {
		int e = errno;
		if (report != NULL) {
			lerq_report_free(*report);
			*report = NULL;
		}
		lerq__doc_fail(doc, r, "%s: cannot write: %s", path, strerror(e));
		errno = e;
	}
	return r;
}

/* ---- parsing ----------------------------------------------------------- */

/* A received document becomes one that the builder could have made: each
 * lerq element labelled with its row, comments and blank text between
 * elements gone, each value one collapsed text node. When the schema has
 * passed, every element has a row; one without is a gap in the table,
 * reported as LERQ_EINTERNAL rather than guessed at. A document that
 * failed the schema is adopted leniently: what the format does not have
 * there (elements, attributes) is dropped, since no handle could reach
 * it, and the rest is kept as it came, in its order, values unchecked. */
static int adopt_value(xmlNodePtr node)
{
	xmlChar *raw = xmlNodeGetContent(node);
	if (raw == NULL)
		return LERQ_ENOMEM;
	char *v = lerq__value_collapse((const char *)raw);
	xmlFree(raw);
	if (v == NULL)
		return LERQ_ENOMEM;
	xmlNodePtr text = xmlNewDocText(node->doc, BAD_CAST v);
	free(v);
	if (text == NULL)
		return LERQ_ENOMEM;
	xmlNodePtr old = node->children;
	node->children = node->last = NULL;
	xmlFreeNodeList(old);
	xmlAddChild(node, text);
	return LERQ_OK;
}

static int adopt_attrs(xmlNodePtr node, const struct field *f, bool lenient)
{
	xmlAttrPtr next;
	for (xmlAttrPtr a = node->properties; a; a = next) {
		next = a->next;
		bool xml_ns = a->ns && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE);
		if (a->ns != NULL && !xml_ns)
			continue; /* xsi:schemaLocation and the like: ignored, kept */
		const char *name = xml_ns ? "xml:lang" : (const char *)a->name;
		if ((xml_ns && !xmlStrEqual(a->name, BAD_CAST "lang")) ||
		    lerq__field_attr(f, name) == NULL) {
			if (!lenient)
				return LERQ_EINTERNAL;
			xmlRemoveProp(a);
			continue;
		}
		/* The validator registered xs:ID values; lerq keeps no ID
		 * table (document-private.h), so the attribute is plain. */
		a->atype = 0;
		xmlChar *raw = xmlNodeListGetString(node->doc, a->children, 1);
		char *v = raw ? lerq__value_collapse((const char *)raw) : strdup("");
		xmlFree(raw);
		if (v == NULL || xmlSetNsProp(node, a->ns, a->name, BAD_CAST v) == NULL) {
			free(v);
			return LERQ_ENOMEM;
		}
		free(v);
	}
	return LERQ_OK;
}

static int adopt(xmlNodePtr node, const struct field *f, bool lenient)
{
	node->_private = (void *)(uintptr_t)f;
	node->content = NULL; /* the rules' document-order numbers */
	if (f->type == FT_SIGNATURE)
		return LERQ_OK; /* kept as it came */
	int r = adopt_attrs(node, f, lenient);
	if (r != LERQ_OK)
		return r;
	if (lerq__field_has_value(f))
		return adopt_value(node);
	xmlNodePtr next;
	for (xmlNodePtr c = node->children; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		const char *ns = c->ns ? (const char *)c->ns->href : "";
		const struct field *cf = lerq__field_child(f, (const char *)c->name);
		bool want_dsig = cf && cf->type == FT_SIGNATURE;
		if (cf == NULL || strcmp(ns, want_dsig ? LERQ_DSIG_NS : LERQ_NS) != 0) {
			if (!lenient)
				return LERQ_EINTERNAL;
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		r = adopt(c, cf, lenient);
		if (r != LERQ_OK)
			return r;
	}
	return LERQ_OK;
}

/* The verdict a report gives on a document that was not refused. */
enum lerq_doc_validity lerq__doc_verdict(const struct lerq_report *report)
{
	if (lerq_report_is_valid(report))
		return LERQ_DOC_VALID;
	for (size_t i = 0; i < lerq_report_count(report); i++) {
		const char *code = lerq_finding_code(lerq_report_get(report, i));
		if (strncmp(code, "LERQ-P", 6) == 0 || strncmp(code, "LERQ-S", 6) == 0)
			return LERQ_DOC_SCHEMA_INVALID;
	}
	return LERQ_DOC_RULES_INVALID;
}

LERQ_EXPORT int lerq_doc_parse_memory(const struct lerq_ctx *ctx, const void *data,
                                      size_t size, lerq_time_t now, unsigned int flags,
                                      struct lerq_doc **out, struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	const unsigned int known = LERQ_PARSE_KEEP_INVALID | LERQ_PARSE_KEEP_SCHEMA_INVALID;
	if (ctx == NULL || out == NULL || (data == NULL && size > 0) || (flags & ~known) != 0)
		return LERQ_EINVAL;
	struct lerq_report *rep;
	xmlDocPtr xml;
	bool schema_passed;
	int r = lerq__validate_doc_any(ctx, data, size, now, &rep, &xml, &schema_passed);
	if (r != LERQ_OK)
		return r;
	/* xml is NULL for a refused document (P00x, S002): never given. */
	enum lerq_doc_validity verdict = schema_passed ? lerq__doc_verdict(rep)
	                                               : LERQ_DOC_SCHEMA_INVALID;
	bool wanted = xml != NULL &&
	              (verdict == LERQ_DOC_VALID ||
	               (verdict == LERQ_DOC_RULES_INVALID && (flags & known) != 0) ||
	               (verdict == LERQ_DOC_SCHEMA_INVALID &&
	                (flags & LERQ_PARSE_KEEP_SCHEMA_INVALID) != 0));
	if (!wanted) {
		xmlFreeDoc(xml);
		hand_over(rep, report);
		return LERQ_EDOCUMENT;
	}
	if (xml->ids != NULL) {
		xmlFreeIDTable(xml->ids);
		xml->ids = NULL;
	}
	xmlNodePtr root = xmlDocGetRootElement(xml);
	const struct field *rf = strcmp((const char *)root->name, "Response") == 0
	                                 ? &lerq__field_response
	                                 : &lerq__field_request;
	r = adopt(root, rf, !schema_passed);
	/* Nothing but the root element at the top: comments and processing
	 * instructions around it are not part of the document's data. */
	xmlNodePtr next;
	for (xmlNodePtr c = xml->children; r == LERQ_OK && c; c = next) {
		next = c->next;
		if (c != root && c->type != XML_DTD_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
	struct lerq_doc *doc = NULL;
	if (r == LERQ_OK)
		r = lerq__xml_wrap(xml, &doc);
	else
		xmlFreeDoc(xml);
	if (r != LERQ_OK) {
		lerq_report_free(rep);
		return r;
	}
	doc->validity = verdict;
	if (lerq_report_is_valid(rep))
		lerq__doc_mark_valid(doc, ctx, size);
	*out = doc;
	hand_over(rep, report);
	return LERQ_OK;
}

LERQ_EXPORT int lerq_doc_parse_file(const struct lerq_ctx *ctx, const char *path,
                                    lerq_time_t now, unsigned int flags,
                                    struct lerq_doc **out, struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (ctx == NULL || path == NULL || out == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size, whole;
	bool exact;
	int r = lerq__read_file_sized(path, ctx->max_size, &data, &size, &whole, &exact);
	if (r != LERQ_OK)
		return r;
	if (whole > ctx->max_size) {
		struct lerq_report *rep;
		r = lerq__validate_oversize(ctx, whole, exact, &rep);
		if (r == LERQ_OK) {
			hand_over(rep, report);
			r = LERQ_EDOCUMENT;
		}
	} else {
		r = lerq_doc_parse_memory(ctx, data, size, now, flags, out, report);
	}
	free(data);
	return r;
}
