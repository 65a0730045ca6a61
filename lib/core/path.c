/* SPDX-License-Identifier: MIT */
/* XPaths for findings, built from local names: libxml2's xmlGetNodePath
 * numbers anonymous steps for default-namespace documents, which nobody
 * can read. */
#include <stdlib.h>
#include <string.h>

#include "core/lerq-private.h"

/* Elements the format lets repeat: their paths always carry a position,
 * as in the spec's "/Request/IssuingAuthority/Contact[1]/Email", so that a
 * path names the same node whether or not it has siblings. */
static const char *const repeatable[] = {
	"Attachment", "Authorisation", "Contact", "Field", "Identifier",
	"Item", "Line", "Offence", "Provision", "Record", "RelatesTo",
	"Result", NULL,
};

static bool is_repeatable(const xmlChar *name)
{
	for (size_t i = 0; repeatable[i]; i++)
		if (strcmp((const char *)name, repeatable[i]) == 0)
			return true;
	return false;
}

static bool same_name(const xmlNode *a, const xmlNode *b)
{
	if (b->type != XML_ELEMENT_NODE || !xmlStrEqual(a->name, b->name))
		return false;
	const xmlChar *na = a->ns ? a->ns->href : NULL;
	const xmlChar *nb = b->ns ? b->ns->href : NULL;
	return xmlStrEqual(na, nb);
}

/* One step: "Name", "Name[2]", "@attr" or "text()". */
static char *step(const xmlNode *node)
{
	if (node->type == XML_ATTRIBUTE_NODE)
		return lerq__strdup_printf("@%s%s",
		                          (node->ns && node->ns->prefix &&
		                           xmlStrEqual(node->ns->prefix, BAD_CAST "xml"))
		                                  ? "xml:" : "",
		                          (const char *)node->name);
	if (node->type != XML_ELEMENT_NODE)
		return strdup("text()");

	size_t pos = 1, total = 1;
	struct lerq__node_facts facts;
	if (lerq__node_facts(node, &facts)) {
		pos = facts.position;
		total = pos + facts.has_later_twin;
	} else {
		for (const xmlNode *s = node->prev; s; s = s->prev)
			if (same_name(node, s))
				pos++, total++;
		for (const xmlNode *s = node->next; s; s = s->next)
			if (same_name(node, s))
				total++;
	}
	if (total > 1 || is_repeatable(node->name))
		return lerq__strdup_printf("%s[%zu]", (const char *)node->name, pos);
	return strdup((const char *)node->name);
}

char *lerq__node_path(const xmlNode *node)
{
	size_t depth = 0;
	for (const xmlNode *n = node; n && n->type != XML_DOCUMENT_NODE; n = n->parent)
		depth++;
	if (depth == 0)
		return strdup("/");

	char **steps = calloc(depth, sizeof(*steps));
	if (steps == NULL)
		return NULL;
	size_t len = 1, i = depth;
	char *out = NULL;
	for (const xmlNode *n = node; n && n->type != XML_DOCUMENT_NODE; n = n->parent) {
		/* The root never takes a position: a document has one. */
		steps[--i] = (n->parent && n->parent->type == XML_DOCUMENT_NODE)
		                     ? strdup((const char *)n->name)
		                     : step(n);
		if (steps[i] == NULL)
			goto out;
		len += strlen(steps[i]) + 1;
	}
	out = malloc(len);
	if (out == NULL)
		goto out;
	char *p = out;
	for (i = 0; i < depth; i++) {
		*p++ = '/';
		size_t l = strlen(steps[i]);
		memcpy(p, steps[i], l);
		p += l;
	}
	*p = '\0';
out:
	for (i = 0; i < depth; i++)
		free(steps[i]);
	free(steps);
	return out;
}

unsigned long lerq__node_column(const xmlNode *node)
{
	/* An attribute is reported at its element. */
	if (node->type == XML_ATTRIBUTE_NODE)
		node = node->parent;
	struct lerq__node_facts facts;
	if (node == NULL || !lerq__node_facts(node, &facts))
		return 0;
	return facts.column;
}
