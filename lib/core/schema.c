/* SPDX-License-Identifier: MIT */
/* The built-in XSD: compiled once per context, applied per document with a
 * validation context of its own, so one compiled schema serves all
 * threads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lerq-private.h"

static void quiet(void *user, xmlErrorPtr err)
{
	/* The schema is ours and compiled at start-up: an error here is a
	 * build defect, reported as LERQ_EINTERNAL by the caller. */
}

int lerq__schema_compile(xmlDocPtr *doc_out, xmlSchemaPtr *schema_out)
{
	return lerq__schema_compile_named("lerq.xsd", doc_out, schema_out);
}

int lerq__schema_compile_named(const char *name, xmlDocPtr *doc_out, xmlSchemaPtr *schema_out)
{
	const struct lerq_resource *res = lerq__resource_find(name);
	if (res == NULL)
		return LERQ_EINTERNAL;
	char url[128];
	snprintf(url, sizeof(url), LERQ_RES_PREFIX "%s", name);
	/* The base URI lets xs:include and xs:import resolve to res:///. */
	xmlDocPtr doc = xmlReadMemory((const char *)res->data, (int)res->size,
	                              url, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                      XML_PARSE_NOWARNING);
	if (doc == NULL)
		return LERQ_EINTERNAL;
	xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewDocParserCtxt(doc);
	if (pctxt == NULL) {
		xmlFreeDoc(doc);
		return LERQ_ENOMEM;
	}
	xmlSchemaSetParserStructuredErrors(pctxt, quiet, NULL);
	xmlSchemaPtr schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	if (schema == NULL) {
		xmlFreeDoc(doc);
		return LERQ_EINTERNAL;
	}
	*doc_out = doc;
	*schema_out = schema;
	return LERQ_OK;
}

/* Root and version before the schema (spec section 4): a document that is
 * not lerq's gets one clear finding instead of a page of schema errors. */
bool lerq__check_root(xmlDocPtr doc, struct lerq_report *report, int *err)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	const char *name = (const char *)root->name;
	const char *ns = root->ns ? (const char *)root->ns->href : NULL;
	char *msg = NULL;

	*err = LERQ_OK;
	if (ns == NULL || strcmp(ns, LERQ_NS) != 0 ||
	    (strcmp(name, "Request") != 0 && strcmp(name, "Response") != 0)) {
		msg = lerq__strdup_printf(
			"The root element is <%s>%s%s%s; a lerq document is a Request or a "
			"Response in the namespace " LERQ_NS,
			name, ns ? " in the namespace " : " in no namespace",
			ns ? ns : "", "");
	} else {
		xmlChar *version = xmlGetNoNsProp(root, BAD_CAST "version");
		if (version == NULL) {
			msg = lerq__strdup_printf("%s has no version attribute; it must say version=\"1.0\"",
			                         name);
		} else {
			/* Compared after whitespace collapsing, like the schema would. */
			const char *v = (const char *)version;
			v += strspn(v, " \t\r\n");
			size_t n = strcspn(v, " \t\r\n");
			bool ok = n == 3 && strncmp(v, "1.0", 3) == 0 && v[3 + strspn(v + 3, " \t\r\n")] == '\0';
			if (!ok)
				msg = lerq__strdup_printf(
					"%s has version \"%s\"; this lerq reads version 1.0 only",
					name, (const char *)version);
			xmlFree(version);
			if (ok)
				return true;
		}
	}
	if (msg == NULL) {
		*err = LERQ_ENOMEM;
		return false;
	}
	*err = lerq__report_add_code(report, LERQ_S002, root, 0, 0, msg);
	free(msg);
	return false;
}

/* libxml2 reports attribute errors on the element, naming the attribute in
 * the text ("Element 'X', attribute 'Y': ..."); point at the attribute
 * itself so that the path ends in /@Y. */
static const xmlNode *attribute_of(const xmlNode *node, const char *raw)
{
	static const char key[] = "', attribute '";
	if (node == NULL || node->type != XML_ELEMENT_NODE || raw == NULL)
		return node;
	const char *a = strstr(raw, key);
	const char *colon = strstr(raw, "': ");
	if (a == NULL || colon == NULL || a > colon)
		return node;
	a += sizeof(key) - 1;
	const char *close = strchr(a, '}');
	if (close != NULL && *a == '{' && close < colon)
		a = close + 1;
	size_t n = (size_t)(colon - a);
	for (const xmlAttr *at = node->properties; at; at = at->next)
		if (strlen((const char *)at->name) == n && strncmp((const char *)at->name, a, n) == 0)
			return (const xmlNode *)at;
	return node;
}

struct schema_run {
	struct lerq_report *report;
	int err;
};

static void schema_error(void *user, xmlErrorPtr e)
{
	struct schema_run *run = user;

	if (run->err != LERQ_OK || e->level < XML_ERR_ERROR)
		return;
	if (e->code == XML_ERR_NO_MEMORY) {
		run->err = LERQ_ENOMEM;
		return;
	}
	const xmlNode *node = attribute_of(e->node, e->message);
	char *msg = lerq__schema_message(e->message, node);
	if (msg == NULL) {
		run->err = LERQ_ENOMEM;
		return;
	}
	unsigned long line = e->line > 0 ? (unsigned long)e->line : 0;
	run->err = lerq__report_add_code(run->report, LERQ_S001, node, line, 0, msg);
	free(msg);
}

int lerq__schema_validate(const struct lerq_ctx *ctx, xmlDocPtr doc,
                         struct lerq_report *report)
{
	return lerq__schema_validate_with(ctx->schema, doc, report);
}

int lerq__schema_validate_with(xmlSchemaPtr schema, xmlDocPtr doc,
                              struct lerq_report *report)
{
	xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema);
	if (v == NULL)
		return LERQ_ENOMEM;
	struct schema_run run = { .report = report, .err = LERQ_OK };
	size_t before = lerq_report_count(report);
	xmlSchemaSetValidStructuredErrors(v, schema_error, &run);
	int rc = xmlSchemaValidateDoc(v, doc);
	xmlSchemaFreeValidCtxt(v);

	if (run.err != LERQ_OK)
		return run.err;
	if (rc < 0)
		return LERQ_EINTERNAL;
	if (rc > 0 && lerq_report_count(report) == before)
		/* Invalid without a message: never let that pass as valid. */
		return lerq__report_add_code(report, LERQ_S001, NULL, 0, 0,
		                            "The document does not match the lerq schema");
	return LERQ_OK;
}
