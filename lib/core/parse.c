/* SPDX-License-Identifier: MIT */
/* Safe parsing of untrusted documents (../shared/notes/libxml2-facts.md):
 * the size is capped before parsing; a DOCTYPE stops the parser before its
 * internal subset is read, so no entity is ever declared, expanded or
 * fetched; XInclude elements and deep nesting stop it too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "core/lerq-private.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

/* What stopped the parse: the first problem wins, later ones (often
 * consequences of xmlStopParser) are ignored. */
struct parse_state {
	const struct lerq_ctx *ctx;
	unsigned int depth;
	bool refused;
	enum lerq_code code;
	unsigned long line, column;
	char *message;
	bool oom;
	/* Column tracking (see record_facts): the input and a cursor that
	 * only moves forward, so the cost is linear in the input. */
	const unsigned char *data;
	size_t size;
	size_t cursor;
	unsigned long cursor_col;
	/* Per depth, the last child of each name under the element open
	 * there, for positions among same-named siblings (node-facts.c). */
	struct sibling_names *levels;
};

/* Real parents have a handful of child names; a parent with more gets
 * positions worked out later, the slow way. */
#define NAMES_PER_LEVEL 24
struct sibling_names {
	xmlNodePtr last[NAMES_PER_LEVEL];
	unsigned int count;
	bool overflow;
};

static void refuse(xmlParserCtxtPtr ctxt, enum lerq_code code, char *message)
{
	struct parse_state *st = ctxt->_private;

	if (!st->refused) {
		st->refused = true;
		st->code = code;
		st->message = message;
		if (message == NULL)
			st->oom = true;
		st->line = ctxt->input ? (unsigned long)ctxt->input->line : 0;
		st->column = ctxt->input ? (unsigned long)ctxt->input->col : 0;
	} else {
		free(message);
	}
	xmlStopParser(ctxt);
	/* Without this, libxml2 hands back an empty but non-NULL document. */
	ctxt->wellFormed = 0;
}

static void doctype_hook(void *user, const xmlChar *name,
                         const xmlChar *external_id, const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = user;
	refuse(ctxt, LERQ_P002,
	       lerq__strdup_printf("The document has a DOCTYPE declaration (<!DOCTYPE %s>); "
	                          "lerq refuses DTDs and entity declarations in received documents",
	                          name ? (const char *)name : ""));
}

bool lerq__parse_is_ours(const xmlParserCtxt *ctxt)
{
	return ctxt->sax != NULL && ctxt->sax->internalSubset == doctype_hook;
}

/* The byte offset the parser has reached in the input. lerq makes
 * libxml2 decode the input as UTF-8 (lerq__parse), and UTF-8 decoded as
 * UTF-8 keeps its length, so the offset is the raw bytes read less the
 * decoded bytes not yet parsed. xmlByteConsumed() works that out by
 * encoding those bytes again, on every call, and in libxml2 2.9.14 counts
 * at most 32000 of them, so on larger documents its offsets, and the
 * columns made from them, were wrong. */
static long byte_consumed(xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in = ctxt->input;
	if (in == NULL || in->buf == NULL || in->buf->encoder == NULL ||
	    in->buf->encoder->name == NULL || strcmp(in->buf->encoder->name, "UTF-8") != 0 ||
	    in->cur == NULL || in->end < in->cur)
		return xmlByteConsumed(ctxt);
	size_t unused = (size_t)(in->end - in->cur);
	if ((size_t)in->buf->rawconsumed < unused)
		return -1;
	return (long)((size_t)in->buf->rawconsumed - unused);
}

/* The column of the element's start tag. When an element starts, the
 * parser has just consumed its start tag, and a start tag holds no raw '<'
 * (attribute values may not), so the nearest '<' before the consumed
 * offset opens it. Columns count characters, as libxml2's do. */
static unsigned long start_column(xmlParserCtxtPtr ctxt, struct parse_state *st)
{
	long consumed = byte_consumed(ctxt);
	if (consumed <= 0 || (size_t)consumed > st->size)
		return 0;
	size_t lt = (size_t)consumed;
	while (lt > st->cursor && st->data[lt - 1] != '<')
		lt--;
	if (lt == st->cursor || st->data[lt - 1] != '<')
		return 0;
	lt--;
	/* Only the characters after the last newline before the tag count:
	 * find it walking back, then count what follows. This runs for every
	 * element, over all of the document's text, so the loops are tight. */
	const unsigned char *from = st->data + st->cursor;
	const unsigned char *p = st->data + lt;
	while (p > from && p[-1] != '\n')
		p--;
	if (p > from)
		st->cursor_col = 1;
	for (; p < st->data + lt; p++)
		st->cursor_col += (*p & 0xC0) != 0x80;
	st->cursor = lt;
	return st->cursor_col;
}

static bool same_name(const xmlNode *a, const xmlNode *b)
{
	if (a->name != b->name && !xmlStrEqual(a->name, b->name))
		return false;
	const xmlChar *na = a->ns ? a->ns->href : NULL;
	const xmlChar *nb = b->ns ? b->ns->href : NULL;
	return na == nb || xmlStrEqual(na, nb);
}

/* Records column and position of the element just created at depth
 * st->depth (node-facts.c). */
static void record_facts(xmlParserCtxtPtr ctxt, struct parse_state *st)
{
	xmlNodePtr node = ctxt->node;
	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return;
	struct lerq__node_facts facts = { .column = start_column(ctxt, st), .position = 0 };
	struct sibling_names *level = &st->levels[st->depth - 1];
	unsigned int i;
	for (i = 0; i < level->count && !same_name(level->last[i], node); i++)
		;
	if (i < level->count) {
		struct lerq__node_facts prev;
		if (lerq__node_facts(level->last[i], &prev)) {
			prev.has_later_twin = true;
			lerq__node_set_facts(level->last[i], &prev);
			facts.position = prev.position + 1;
		}
		level->last[i] = node;
	} else if (level->count < NAMES_PER_LEVEL && !level->overflow) {
		level->last[level->count++] = node;
		facts.position = 1;
	} else {
		level->overflow = true;
	}
	lerq__node_set_facts(node, &facts);
	/* Its children start a new level. */
	st->levels[st->depth].count = 0;
	st->levels[st->depth].overflow = false;
}

static void start_element(void *user, const xmlChar *localname,
                          const xmlChar *prefix, const xmlChar *uri,
                          int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, int nb_defaulted,
                          const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = user;
	struct parse_state *st = ctxt->_private;

	if (uri && (xmlStrEqual(uri, BAD_CAST XINCLUDE_NS_2001) ||
	            xmlStrEqual(uri, BAD_CAST XINCLUDE_NS_2003))) {
		refuse(ctxt, LERQ_P002,
		       lerq__strdup_printf("The document contains an XInclude element <%s%s%s>; "
		                          "lerq never includes or fetches external content",
		                          prefix ? (const char *)prefix : "", prefix ? ":" : "",
		                          (const char *)localname));
		return;
	}
	if (++st->depth > st->ctx->max_depth) {
		refuse(ctxt, LERQ_P003,
		       lerq__strdup_printf("Element <%s> is nested %u levels deep; the limit is %u",
		                          (const char *)localname, st->depth, st->ctx->max_depth));
		return;
	}
	xmlSAX2StartElementNs(user, localname, prefix, uri, nb_namespaces,
	                      namespaces, nb_attributes, nb_defaulted, attributes);
	record_facts(ctxt, st);
}

static void end_element(void *user, const xmlChar *localname,
                        const xmlChar *prefix, const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = user;
	struct parse_state *st = ctxt->_private;

	if (st->depth > 0)
		st->depth--;
	xmlSAX2EndElementNs(user, localname, prefix, uri);
}

static bool is_entity_error(int code)
{
	switch (code) {
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
	case XML_ERR_UNPARSED_ENTITY:
	case XML_ERR_ENTITY_LOOP:
	case XML_ERR_ENTITY_BOUNDARY:
	case XML_ERR_ENTITY_PE_INTERNAL:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
	case XML_ERR_EXT_ENTITY_STANDALONE:
	case XML_ERR_ENTITY_IS_EXTERNAL:
	case XML_ERR_ENTITY_IS_PARAMETER:
		return true;
	default:
		return false;
	}
}

/* libxml2's messages end with a newline and start in lower or upper case
 * at random; make them one clean clause. */
static char *clean_message(const char *raw)
{
	char *m = strdup(raw ? raw : "unknown error");
	if (m == NULL)
		return NULL;
	size_t n = strlen(m);
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' ' || m[n - 1] == '.'))
		m[--n] = '\0';
	if (m[0] >= 'A' && m[0] <= 'Z')
		m[0] = (char)(m[0] - 'A' + 'a');
	return m;
}

static void parse_error(void *user, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = user;
	struct parse_state *st;

	if (ctxt == NULL || (st = ctxt->_private) == NULL)
		return;
	if (err->level < XML_ERR_ERROR || st->refused)
		return;
	/* libxml2's own limits (a text node over 10 MB, a name or attribute
	 * value too long, a comment too big) are limits, not malformed input; the text node one
	 * even comes as an allocation failure. */
	if (err->message && (strstr(err->message, "huge text node") ||
	                     strstr(err->message, "too long") ||
	                     strstr(err->message, "too big"))) {
		char *clean = clean_message(err->message);
		refuse(ctxt, LERQ_P003,
		       lerq__strdup_printf("The document exceeds a parser limit: %s",
		                          clean ? clean : ""));
		free(clean);
		return;
	}
	if (err->code == XML_ERR_NO_MEMORY) {
		st->oom = true;
		refuse(ctxt, LERQ_P001, NULL);
		return;
	}

	char *clean = clean_message(err->message);
	char *msg;
	enum lerq_code code = LERQ_P001;
	if (is_entity_error(err->code)) {
		code = LERQ_P002;
		msg = lerq__strdup_printf("The document uses an entity reference (%s); "
		                         "lerq refuses entities in received documents",
		                         clean ? clean : "");
	} else if (err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING ||
	           err->code == XML_ERR_UNKNOWN_ENCODING || err->code == XML_ERR_UNSUPPORTED_ENCODING) {
		msg = lerq__strdup_printf("The document is not valid UTF-8 text (%s)",
		                         clean ? clean : "");
	} else if (err->code == XML_ERR_DOCUMENT_EMPTY) {
		msg = strdup("The document is empty: no root element was found");
	} else {
		msg = lerq__strdup_printf("The document is not well-formed XML: %s",
		                         clean ? clean : "");
	}
	free(clean);
	refuse(ctxt, code, msg);
	if (err->line > 0) {
		st->line = (unsigned long)err->line;
		st->column = err->int2 > 0 ? (unsigned long)err->int2 : 0;
	}
}

static int report_refusal(struct lerq_report *report, enum lerq_code code,
                          unsigned long line, unsigned long column,
                          const char *message)
{
	return lerq__report_add_code(report, code, NULL, line, column, message);
}

int lerq__parse(const struct lerq_ctx *ctx, const void *data, size_t size,
               xmlDocPtr *doc, struct lerq_report *report)
{
	*doc = NULL;

	if (size > ctx->max_size) {
		char *m = lerq__strdup_printf("The input is %zu bytes; the limit is %zu bytes",
		                             size, ctx->max_size);
		if (m == NULL)
			return LERQ_ENOMEM;
		int r = report_refusal(report, LERQ_P003, 0, 0, m);
		free(m);
		return r;
	}
	if (size == 0 || size > (size_t)INT32_MAX)
		return report_refusal(report, LERQ_P001, 0, 0, "The input is empty");

	/* Anything but UTF-8 is refused before libxml2 sees it, "even when
	 * the declared encoding is harmless" (spec section 4). */
	char *enc = lerq__encoding_problem(data, size);
	if (enc != NULL) {
		int r = report_refusal(report, LERQ_P001, 1, 1, enc);
		free(enc);
		return r;
	}
	unsigned long tag_line, tag_column;
	if (lerq__prescan_attributes(data, size, LERQ__MAX_ATTRIBUTES, &tag_line,
	                             &tag_column) != 0) {
		char *m = lerq__strdup_printf("A start tag has more than %u attributes and "
		                             "namespace declarations together, the limit (no "
		                             "element of the format has more than a handful)",
		                             LERQ__MAX_ATTRIBUTES);
		if (m == NULL)
			return LERQ_ENOMEM;
		int r = report_refusal(report, LERQ_P003, tag_line, tag_column, m);
		free(m);
		return r;
	}

	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		return LERQ_ENOMEM;
	struct parse_state st = { .ctx = ctx, .data = data, .size = size, .cursor_col = 1 };
	/* One level per depth, and one for the children of the deepest. */
	st.levels = calloc((size_t)ctx->max_depth + 1, sizeof(*st.levels));
	if (st.levels == NULL) {
		xmlFreeParserCtxt(ctxt);
		return LERQ_ENOMEM;
	}
	ctxt->_private = &st;
	/* The context's SAX handler is its own copy: changing it touches no
	 * other parser in the process. */
	ctxt->sax->internalSubset = doctype_hook;
	ctxt->sax->startElementNs = start_element;
	ctxt->sax->endElementNs = end_element;
	ctxt->sax->serror = parse_error;
	ctxt->sax->error = NULL;
	ctxt->sax->warning = NULL;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;

	/* Not NOBLANKS, although the indentation between elements is a
	 * third of a large request's DOM: a signature covers that white
	 * space (exclusive C14N keeps it), and a profile's value-of reads
	 * it; the tree must be the document as it was sent. */
	xmlDocPtr d = xmlCtxtReadMemory(ctxt, data, (int)size, NULL, "UTF-8",
	                                XML_PARSE_NONET | XML_PARSE_BIG_LINES |
	                                        XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
	int r = LERQ_OK;
	if (st.oom) {
		r = LERQ_ENOMEM;
	} else if (st.refused || d == NULL || !ctxt->wellFormed || xmlDocGetRootElement(d) == NULL) {
		r = report_refusal(report, st.refused ? st.code : LERQ_P001, st.line,
		                   st.column,
		                   st.message ? st.message
		                              : "The document is not well-formed XML");
		xmlFreeDoc(d);
		d = NULL;
	}
	free(st.message);
	free(st.levels);
	ctxt->_private = NULL;
	xmlFreeParserCtxt(ctxt);
	*doc = d;
	return r;
}
