/* SPDX-License-Identifier: MIT */
/*
 * Bounded memory and messages for national profiles (issue 13).
 *
 * A 1.4 KB profile that doubled a string with concat($a, $a) in 30 lets
 * reached 3.1 GB: no string an expression builds may be over
 * PROFILE_STRING_MAX (core/xpath-limits.c), and what lets hold is
 * counted (PROFILE_LET_BUDGET).
 *
 * A message's <value-of> is cut to PROFILE_VALUE_MAX bytes, as built-in
 * messages cut values, and read without building the whole string value
 * (a <value-of select="/"/> on every node made validation quadratic); all
 * the values of one document's messages share PROFILE_MESSAGE_BUDGET.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xpathInternals.h>

#include "profile/profile.h"

size_t lerq__profile_value_size(const xmlXPathObject *v)
{
	if (v == NULL)
		return 0;
	if (v->type == XPATH_STRING && v->stringval != NULL)
		return strlen((const char *)v->stringval);
	if (v->type == XPATH_NODESET && v->nodesetval != NULL)
		return (size_t)v->nodesetval->nodeNr * sizeof(xmlNodePtr);
	return sizeof(*v);
}

/* ---- bounded string values for messages ---- */

struct text {
	char *buf;
	size_t len;
	size_t max;
	size_t *budget;
	bool cut;
};

static void add_text(struct text *t, const xmlChar *s)
{
	if (s == NULL || t->cut)
		return;
	size_t n = strlen((const char *)s);
	size_t room = t->max - t->len;
	if (n > room) {
		n = room;
		/* Never cut a UTF-8 sequence. */
		while (n > 0 && (s[n] & 0xC0) == 0x80)
			n--;
		t->cut = true;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	*t->budget = *t->budget > n ? *t->budget - n : 0;
}

/* The string value of node (XPath 1.0, 5), read up to t->max bytes: the
 * text of its descendants in document order, without building it all. */
static void node_text(struct text *t, const xmlNode *node)
{
	switch (node->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
	case XML_COMMENT_NODE:
	case XML_PI_NODE:
		add_text(t, node->content);
		return;
	case XML_NAMESPACE_DECL:
		add_text(t, ((const xmlNs *)node)->href);
		return;
	case XML_ELEMENT_NODE:
	case XML_ATTRIBUTE_NODE:
	case XML_DOCUMENT_NODE:
		break;
	default:
		return;
	}
	/* Iterative, so that depth costs no stack; every node visited is
	 * paid for from the budget. */
	const xmlNode *n = node->children;
	while (n != NULL && !t->cut && *t->budget > 0) {
		(*t->budget)--;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			add_text(t, n->content);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL) {
			n = n->parent;
			if (n == node)
				return;
		}
		if (n != NULL)
			n = n->next;
	}
	if (n != NULL)
		t->cut = true;
}

char *lerq__profile_value_text(const xmlXPathObject *v, size_t max, size_t *budget)
{
	struct text t = { .buf = malloc(max + 4), .max = max, .budget = budget };
	if (t.buf == NULL)
		return NULL;
	if (v->type == XPATH_NODESET) {
		/* The first node in document order. */
		const xmlNodeSet *set = v->nodesetval;
		const xmlNode *first = NULL;
		if (set != NULL && set->nodeNr > 0) {
			*budget = *budget > (size_t)set->nodeNr ? *budget - (size_t)set->nodeNr : 0;
			first = set->nodeTab[0];
			for (int i = 1; i < set->nodeNr; i++)
				if (xmlXPathCmpNodes((xmlNodePtr)first, set->nodeTab[i]) == -1)
					first = set->nodeTab[i];
		}
		if (first != NULL)
			node_text(&t, first);
	} else {
		xmlChar *s = xmlXPathCastToString((xmlXPathObjectPtr)v);
		if (s == NULL) {
			free(t.buf);
			return NULL;
		}
		add_text(&t, s);
		xmlFree(s);
	}
	if (t.cut) {
		memcpy(t.buf + t.len, "...", 3);
		t.len += 3;
	}
	t.buf[t.len] = '\0';
	return t.buf;
}
