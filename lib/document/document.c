/* SPDX-License-Identifier: MIT */
/* Documents in memory: creating and freeing them, their error message, and
 * reading their elements. Building is in document/build.c, input and
 * output in document/io.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document/document-private.h"

void lerq__doc_clear_error(struct lerq_doc *doc)
{
	if (doc == NULL)
		return;
	free(doc->error);
	doc->error = NULL;
	doc->validity = LERQ_DOC_UNCHECKED;
}

int lerq__doc_fail(struct lerq_doc *doc, int err, const char *fmt, ...)
{
	if (doc == NULL)
		return err;
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (msg = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	free(doc->error);
	doc->error = msg;
	return err;
}

/* The document kind of a root element (Request and its type, or
 * Response). */
static enum lerq_doc_kind kind_of(const xmlNode *root)
{
	static const struct {
		const char *type;
		enum lerq_doc_kind kind;
	} types[] = {
		{ "disclosure", LERQ_DOC_REQUEST_DISCLOSURE },
		{ "preservation", LERQ_DOC_REQUEST_PRESERVATION },
		{ "release", LERQ_DOC_REQUEST_RELEASE },
	};
	if (root == NULL)
		return 0;
	if (strcmp((const char *)root->name, "Response") == 0)
		return LERQ_DOC_RESPONSE;
	const char *type = lerq_elem_attr(node_elem((xmlNodePtr)(uintptr_t)root), "type");
	for (size_t i = 0; type && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(type, types[i].type) == 0)
			return types[i].kind;
	return 0;
}

int lerq__xml_wrap(xmlDocPtr xml, struct lerq_doc **out)
{
	struct lerq_doc *doc = calloc(1, sizeof(*doc));
	if (doc == NULL) {
		xmlFreeDoc(xml);
		return LERQ_ENOMEM;
	}
	doc->xml = xml;
	xml->_private = doc;
	*out = doc;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_doc_new(enum lerq_doc_kind kind, const char *lang,
                             struct lerq_doc **out)
{
	static const char *const type_names[] = {
		[LERQ_DOC_REQUEST_DISCLOSURE] = "disclosure",
		[LERQ_DOC_REQUEST_PRESERVATION] = "preservation",
		[LERQ_DOC_REQUEST_RELEASE] = "release",
		[LERQ_DOC_RESPONSE] = NULL,
	};
	if (out == NULL || lang == NULL || kind < LERQ_DOC_REQUEST_DISCLOSURE ||
	    kind > LERQ_DOC_RESPONSE)
		return LERQ_EINVAL;
	int r = lerq__global_init();
	if (r != LERQ_OK)
		return r;
	const struct field *rf = kind == LERQ_DOC_RESPONSE ? &lerq__field_response
	                                                   : &lerq__field_request;
	const char *why;
	char *v = lerq__value_collapse(lang);
	if (v == NULL)
		return LERQ_ENOMEM;
	bool ok = lerq__value_check(lerq__field_attr(rf, "xml:lang"), v, &why);
	free(v);
	if (!ok)
		return LERQ_EINVAL;

	xmlDocPtr xml = xmlNewDoc(BAD_CAST "1.0");
	if (xml == NULL)
		return LERQ_ENOMEM;
	struct lerq_doc *doc;
	if (lerq__xml_wrap(xml, &doc) != LERQ_OK)
		return LERQ_ENOMEM;
	xmlNodePtr root = xmlNewDocNode(xml, NULL, BAD_CAST rf->name, NULL);
	if (root == NULL)
		goto oom;
	xmlDocSetRootElement(xml, root);
	root->_private = (void *)(uintptr_t)rf;
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST LERQ_NS, NULL);
	if (ns == NULL)
		goto oom;
	xmlSetNs(root, ns);
	struct lerq_elem *e = node_elem(root);
	r = lerq_elem_set_attr(e, "version", "1.0");
	if (r == LERQ_OK)
		r = lerq_elem_set_attr(e, "xml:lang", lang);
	if (r == LERQ_OK && type_names[kind] != NULL)
		r = lerq_elem_set_attr(e, "type", type_names[kind]);
	if (r != LERQ_OK) {
		lerq_doc_free(doc);
		return r;
	}
	*out = doc;
	return LERQ_OK;
oom:
	lerq_doc_free(doc);
	return LERQ_ENOMEM;
}

LERQ_EXPORT void lerq_doc_free(struct lerq_doc *doc)
{
	if (doc == NULL)
		return;
	xmlFreeDoc(doc->xml);
	free(doc->error);
	free(doc);
}

LERQ_EXPORT enum lerq_doc_kind lerq_doc_kind(const struct lerq_doc *doc)
{
	return doc ? kind_of(xmlDocGetRootElement(doc->xml)) : 0;
}

LERQ_EXPORT struct lerq_elem *lerq_doc_root(const struct lerq_doc *doc)
{
	return doc ? node_elem(xmlDocGetRootElement(doc->xml)) : NULL;
}

LERQ_EXPORT enum lerq_doc_validity lerq_doc_validity(const struct lerq_doc *doc)
{
	return doc ? doc->validity : LERQ_DOC_UNCHECKED;
}

LERQ_EXPORT const char *lerq_doc_error(const struct lerq_doc *doc)
{
	return doc && doc->error ? doc->error : "";
}

/* ---- reading -------------------------------------------------------- */

LERQ_EXPORT const char *lerq_elem_name(const struct lerq_elem *elem)
{
	return elem ? node_field(elem_node(elem))->name : NULL;
}

LERQ_EXPORT const char *lerq_elem_text(const struct lerq_elem *elem)
{
	if (elem == NULL)
		return NULL;
	xmlNodePtr node = elem_node(elem);
	if (!lerq__field_has_value(node_field(node)) || node->children == NULL ||
	    node->children->type != XML_TEXT_NODE)
		return NULL;
	return (const char *)node->children->content;
}

LERQ_EXPORT const char *lerq_elem_attr(const struct lerq_elem *elem, const char *name)
{
	if (elem == NULL || name == NULL)
		return NULL;
	xmlNodePtr node = elem_node(elem);
	if (lerq__field_attr(node_field(node), name) == NULL)
		return NULL;
	xmlAttrPtr attr = strcmp(name, "xml:lang") == 0
	                          ? xmlHasNsProp(node, BAD_CAST "lang", XML_XML_NAMESPACE)
	                          : xmlHasNsProp(node, BAD_CAST name, NULL);
	if (attr == NULL)
		return NULL;
	/* Values are set whole (xmlSetNsProp) or made one text node when a
	 * document is parsed, so the first child is all of it. */
	if (attr->children == NULL || attr->children->type != XML_TEXT_NODE)
		return "";
	return (const char *)attr->children->content;
}

LERQ_EXPORT size_t lerq_elem_count(const struct lerq_elem *parent, const char *name)
{
	if (parent == NULL || name == NULL)
		return 0;
	xmlNodePtr p = elem_node(parent);
	const struct field *f = lerq__field_child(node_field(p), name);
	size_t n = 0;
	for (xmlNodePtr c = p->children; f && c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && node_field(c) == f)
			n++;
	return n;
}

LERQ_EXPORT struct lerq_elem *lerq_elem_child(const struct lerq_elem *parent,
                                              const char *name, size_t index)
{
	if (parent == NULL || name == NULL)
		return NULL;
	xmlNodePtr p = elem_node(parent);
	const struct field *f = lerq__field_child(node_field(p), name);
	if (f == NULL)
		return NULL;
	for (xmlNodePtr c = p->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && node_field(c) == f && index-- == 0)
			return node_elem(c);
	return NULL;
}

/* One step of a path: "Name" or "Name[n]". Returns the position (1 when
 * there is none) and copies the name into buf, or 0 when malformed. */
static size_t path_step(const char **pp, char *buf, size_t bufsize)
{
	const char *p = *pp;
	size_t n = strcspn(p, "[/");
	if (n == 0 || n >= bufsize)
		return 0;
	memcpy(buf, p, n);
	buf[n] = '\0';
	p += n;
	size_t pos = 1;
	if (*p == '[') {
		char *end;
		p++;
		if (*p < '1' || *p > '9')
			return 0;
		unsigned long v = strtoul(p, &end, 10);
		if (*end != ']' || v > 1000000)
			return 0;
		pos = v;
		p = end + 1;
	}
	if (*p != '/' && *p != '\0')
		return 0;
	*pp = p;
	return pos;
}

LERQ_EXPORT struct lerq_elem *lerq_doc_find(const struct lerq_doc *doc, const char *path)
{
	if (doc == NULL || path == NULL || *path != '/')
		return NULL;
	char name[64];
	const char *p = path + 1;
	xmlNodePtr root = xmlDocGetRootElement(doc->xml);
	if (path_step(&p, name, sizeof(name)) != 1 || strcmp(name, (const char *)root->name) != 0)
		return NULL;
	struct lerq_elem *e = node_elem(root);
	while (*p == '/' && e != NULL) {
		p++;
		size_t pos = path_step(&p, name, sizeof(name));
		if (pos == 0)
			return NULL;
		e = lerq_elem_child(e, name, pos - 1);
	}
	return *p == '\0' ? e : NULL;
}
