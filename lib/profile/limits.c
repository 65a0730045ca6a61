/* SPDX-License-Identifier: MIT */
/*
 * Bounded memory and messages for national profiles (issue 13).
 *
 * libxml2 2.9.14 caps XPath work by steps (opLimit), not by bytes: a
 * 1.4 KB profile that doubles a string with concat($a, $a) in 30 lets
 * reached 3.1 GB. Strings grow only through XPath's string functions, so
 * each evaluation context gets its own versions of them (registered over
 * the built-ins; a compiled expression looks functions up in the context
 * it is evaluated in): they compute what the built-ins do, but refuse to
 * build a string over PROFILE_STRING_MAX, concat() before it allocates.
 * What lets hold is counted too (PROFILE_LET_BUDGET).
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

static struct lerq__profile_limits *limits_of(xmlXPathParserContextPtr ctxt)
{
	return ctxt->context ? ctxt->context->userData : NULL;
}

static void too_big(xmlXPathParserContextPtr ctxt)
{
	struct lerq__profile_limits *l = limits_of(ctxt);
	if (l != NULL)
		l->too_big = true;
	xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
}

/* After a built-in: its string result may not be over the cap. */
static void check_result(xmlXPathParserContextPtr ctxt)
{
	if (ctxt->error == 0 && ctxt->value != NULL && ctxt->value->type == XPATH_STRING &&
	    ctxt->value->stringval != NULL &&
	    strlen((const char *)ctxt->value->stringval) > PROFILE_STRING_MAX) {
		xmlXPathFreeObject(valuePop(ctxt));
		too_big(ctxt);
	}
}

#define CAPPED(name, builtin) \
	static void name(xmlXPathParserContextPtr ctxt, int nargs) \
	{ \
		builtin(ctxt, nargs); \
		check_result(ctxt); \
	}
/* Their results are no longer than their arguments, which are bounded
 * (strings built here, or a node's string value, which the document's
 * size bounds); checked all the same. */
CAPPED(capped_string, xmlXPathStringFunction)
CAPPED(capped_substring, xmlXPathSubstringFunction)
CAPPED(capped_substring_before, xmlXPathSubstringBeforeFunction)
CAPPED(capped_substring_after, xmlXPathSubstringAfterFunction)
CAPPED(capped_normalize, xmlXPathNormalizeFunction)
CAPPED(capped_translate, xmlXPathTranslateFunction)

/* concat(): as the built-in, adding one argument at a time and stopping
 * before the result passes the cap. */
static void capped_concat(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs < 2) {
		xmlXPathErr(ctxt, XPATH_INVALID_ARITY);
		return;
	}
	if (ctxt->valueNr < ctxt->valueFrame + nargs) {
		xmlXPathErr(ctxt, XPATH_STACK_ERROR);
		return;
	}
	/* The first argument is deepest on the stack. */
	xmlXPathObjectPtr *args = malloc((size_t)nargs * sizeof(*args));
	if (args == NULL) {
		xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	for (int i = nargs - 1; i >= 0; i--)
		args[i] = valuePop(ctxt);
	xmlChar *result = xmlStrdup(BAD_CAST "");
	size_t len = 0;
	bool over = false;
	for (int i = 0; i < nargs && result != NULL && !over; i++) {
		xmlChar *s = xmlXPathCastToString(args[i]);
		size_t n = s ? strlen((const char *)s) : 0;
		if (len + n > PROFILE_STRING_MAX) {
			over = true;
		} else if (n > 0) {
			result = xmlStrncat(result, s, (int)n);
			len += n;
		}
		xmlFree(s);
	}
	for (int i = 0; i < nargs; i++)
		xmlXPathFreeObject(args[i]);
	free(args);
	if (over) {
		xmlFree(result);
		too_big(ctxt);
	} else if (result == NULL) {
		xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
	} else {
		valuePush(ctxt, xmlXPathWrapString(result));
	}
}

int lerq__profile_limit_functions(xmlXPathContextPtr xpath)
{
	static const struct {
		const char *name;
		xmlXPathFunction fn;
	} fns[] = {
		{ "concat", capped_concat },
		{ "string", capped_string },
		{ "substring", capped_substring },
		{ "substring-before", capped_substring_before },
		{ "substring-after", capped_substring_after },
		{ "normalize-space", capped_normalize },
		{ "translate", capped_translate },
	};
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		/* Registering adds; the built-in must go first. */
		xmlXPathRegisterFunc(xpath, BAD_CAST fns[i].name, NULL);
		if (xmlXPathRegisterFunc(xpath, BAD_CAST fns[i].name, fns[i].fn) != 0)
			return LERQ_ENOMEM;
	}
	return LERQ_OK;
}

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
