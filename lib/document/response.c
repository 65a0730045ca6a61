/* SPDX-License-Identifier: MIT */
/* A response from the request it answers (spec section 7, lerq new
 * response --for): InResponseTo is the request's RegistrationNumber, one
 * Result per requested Item with its item attribute set and the outcome
 * left for the provider to choose, and the response in the request's
 * language, since it goes back to the requester. Two forms: a struct
 * lerq_doc to fill in with the builder calls, and the commented template
 * of lerq new (document/template.c) filled in the same way. */
#include <stdlib.h>
#include <string.h>

#include "document/document-private.h"

/* The request's facts a response starts from, borrowed from it. */
struct answered {
	const char *number;   /* RegistrationNumber */
	const char *lang;     /* xml:lang */
	const char *provider; /* ServiceProvider/Name, or NULL */
	const struct lerq_elem *data_requested;
	size_t items;
};

/* A release asks for no data, so it has no Item to answer: a response to
 * it could never pass the request+response rules (R202, R203), and it is
 * refused rather than given a Result that names nothing. */
static int read_request(const struct lerq_doc *request, struct answered *a)
{
	enum lerq_doc_kind kind = lerq_doc_kind(request);
	if (kind != LERQ_DOC_REQUEST_DISCLOSURE && kind != LERQ_DOC_REQUEST_PRESERVATION)
		return LERQ_EINVAL;
	const struct lerq_elem *root = lerq_doc_root(request);
	a->number = lerq_elem_text(lerq_elem_child(root, "RegistrationNumber", 0));
	a->lang = lerq_elem_attr(root, "xml:lang");
	a->provider = lerq_elem_text(
		lerq_elem_child(lerq_elem_child(root, "ServiceProvider", 0), "Name", 0));
	a->data_requested = lerq_elem_child(root, "DataRequested", 0);
	a->items = lerq_elem_count(a->data_requested, "Item");
	if (a->number == NULL || a->lang == NULL || a->items == 0)
		return LERQ_EINVAL;
	for (size_t i = 0; i < a->items; i++)
		if (lerq_elem_attr(lerq_elem_child(a->data_requested, "Item", i), "id") == NULL)
			return LERQ_EINVAL;
	return LERQ_OK;
}

static const char *item_attr(const struct answered *a, size_t i, const char *name)
{
	return lerq_elem_attr(lerq_elem_child(a->data_requested, "Item", i), name);
}

LERQ_EXPORT int lerq_doc_new_response(const struct lerq_doc *request, struct lerq_doc **out)
{
	struct answered a;
	if (request == NULL || out == NULL || read_request(request, &a) != LERQ_OK)
		return LERQ_EINVAL;
	struct lerq_doc *doc;
	int r = lerq_doc_new(LERQ_DOC_RESPONSE, a.lang, &doc);
	if (r != LERQ_OK)
		return r;
	struct lerq_elem *root = lerq_doc_root(doc);
	r = lerq_elem_add_text(root, "InResponseTo", a.number, NULL);
	if (r == LERQ_OK && a.provider != NULL) {
		struct lerq_elem *responder;
		r = lerq_elem_add(root, "Responder", &responder);
		if (r == LERQ_OK)
			r = lerq_elem_add_text(responder, "ProviderName", a.provider, NULL);
	}
	for (size_t i = 0; r == LERQ_OK && i < a.items; i++) {
		struct lerq_elem *result;
		r = lerq_elem_add(root, "Result", &result);
		if (r == LERQ_OK)
			r = lerq_elem_set_attr(result, "item", item_attr(&a, i, "id"));
	}
	if (r != LERQ_OK) {
		lerq_doc_free(doc);
		return r;
	}
	*out = doc;
	return LERQ_OK;
}

/* ---- the commented template ---------------------------------------- */

static xmlNodePtr child_named(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/* Replaces the content of node with value, as text (never parsed as
 * markup or entity references). */
static int set_text(xmlNodePtr node, const char *value)
{
	if (node == NULL)
		return LERQ_EINTERNAL;
	xmlNodePtr text = xmlNewDocText(node->doc, BAD_CAST value);
	if (text == NULL)
		return LERQ_ENOMEM;
	xmlNodePtr old = node->children;
	node->children = node->last = NULL;
	xmlFreeNodeList(old);
	xmlAddChild(node, text);
	return LERQ_OK;
}

/* A copied element redeclares the namespace it was found in (it had no
 * parent to inherit it from); pointing it at the root's declaration keeps
 * the template as clean as lerq new writes it. */
static void use_root_ns(xmlNodePtr node, xmlNsPtr ns)
{
	if (node->nsDef != NULL) {
		xmlFreeNsList(node->nsDef);
		node->nsDef = NULL;
	}
	node->ns = ns;
	for (xmlNodePtr c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			use_root_ns(c, ns);
}

/* One Result (with the comment before it) per Item, in the request's
 * order; the template's single Result is the model and goes. */
static int fill_results(xmlNodePtr root, const struct answered *a)
{
	xmlNodePtr model = child_named(root, "Result");
	xmlNodePtr comment = model ? model->prev : NULL;
	if (model == NULL || comment == NULL || comment->type != XML_COMMENT_NODE)
		return LERQ_EINTERNAL;
	xmlNodePtr after = model;
	for (size_t i = 0; i < a->items; i++) {
		const char *category = item_attr(a, i, "category");
		/* Item ids are NCNames and categories words of the format:
		 * neither can hold "--", which a comment may not. */
		char *note = lerq__strdup_printf("%sThis Result answers the request's Item "
		                                 "%s (%s). ",
		                                 (const char *)comment->content,
		                                 item_attr(a, i, "id"),
		                                 category ? category : "?");
		xmlNodePtr c = note ? xmlNewDocComment(root->doc, BAD_CAST note) : NULL;
		free(note);
		xmlNodePtr copy = c ? xmlDocCopyNode(model, root->doc, 1) : NULL;
		if (copy == NULL ||
		    xmlSetProp(copy, BAD_CAST "item", BAD_CAST item_attr(a, i, "id")) == NULL) {
			xmlFreeNode(c);
			xmlFreeNode(copy);
			return LERQ_ENOMEM;
		}
		use_root_ns(copy, model->ns);
		after = xmlAddNextSibling(after, c);
		after = xmlAddNextSibling(after, copy);
	}
	xmlUnlinkNode(comment);
	xmlFreeNode(comment);
	xmlUnlinkNode(model);
	xmlFreeNode(model);
	return LERQ_OK;
}

LERQ_EXPORT int lerq_doc_response_template(const struct lerq_doc *request, unsigned int flags,
                                           char **data, size_t *size)
{
	struct answered a;
	if (request == NULL || data == NULL || size == NULL ||
	    (flags & ~(unsigned int)LERQ_TEMPLATE_EXAMPLE) != 0 ||
	    read_request(request, &a) != LERQ_OK)
		return LERQ_EINVAL;
	xmlDocPtr xml;
	int r = lerq__template_build(LERQ_DOC_RESPONSE, flags, &xml);
	if (r != LERQ_OK)
		return r;
	xmlNodePtr root = xmlDocGetRootElement(xml);
	if (xmlSetNsProp(root, xmlSearchNsByHref(xml, root, XML_XML_NAMESPACE),
	                 BAD_CAST "lang", BAD_CAST a.lang) == NULL)
		r = LERQ_ENOMEM;
	if (r == LERQ_OK)
		r = set_text(child_named(root, "InResponseTo"), a.number);
	if (r == LERQ_OK && a.provider != NULL)
		r = set_text(child_named(child_named(root, "Responder"), "ProviderName"),
		             a.provider);
	if (r == LERQ_OK)
		r = fill_results(root, &a);
	if (r == LERQ_OK)
		r = lerq__xml_serialise(xml, !(flags & LERQ_TEMPLATE_EXAMPLE), data, size);
	xmlFreeDoc(xml);
	return r;
}
