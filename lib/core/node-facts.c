/* SPDX-License-Identifier: MIT */
/* What lerq__parse() learns about each element while it is read, and
 * libxml2's DOM does not keep: its column, and its position among the
 * siblings of the same name. Findings need both (a column and an XPath
 * such as Item[3]); working them out afterwards costs a walk over the
 * siblings per finding, which is quadratic on a document with many Items.
 *
 * The facts live in the element's _private field: the document is lerq's
 * own and libxml2 leaves that field to applications. Packed in 64 bits:
 *   bits 0..30   column (1-based)
 *   bits 31..61  position among same-named siblings (1-based)
 *   bit 62       a later sibling has the same name
 *   bit 63       set: the facts are known
 * Where a pointer has 32 bits the facts are not kept and both are worked
 * out the slow way. */
#include <stdint.h>

#include "core/lerq-private.h"

#if UINTPTR_MAX > 0xffffffffu
#define FACTS_KNOWN ((uint64_t)1 << 63)
#define FACTS_TWIN ((uint64_t)1 << 62)
#define FIELD_MASK (((uint64_t)1 << 31) - 1)

bool lerq__node_facts(const xmlNode *node, struct lerq__node_facts *out)
{
	uint64_t v = (uint64_t)(uintptr_t)node->_private;
	if (node->type != XML_ELEMENT_NODE || !(v & FACTS_KNOWN))
		return false;
	out->column = (unsigned long)(v & FIELD_MASK);
	out->position = (unsigned long)((v >> 31) & FIELD_MASK);
	out->has_later_twin = (v & FACTS_TWIN) != 0;
	return true;
}

void lerq__node_set_facts(xmlNode *node, const struct lerq__node_facts *facts)
{
	uint64_t column = facts->column <= FIELD_MASK ? facts->column : 0;
	uint64_t position = facts->position;
	if (position == 0 || position > FIELD_MASK) {
		/* Unknown position: keep only what is known. */
		node->_private = NULL;
		return;
	}
	uint64_t v = FACTS_KNOWN | column | (position << 31) |
	             (facts->has_later_twin ? FACTS_TWIN : 0);
	node->_private = (void *)(uintptr_t)v;
}
#else
bool lerq__node_facts(const xmlNode *node, struct lerq__node_facts *out)
{
	return false;
}

void lerq__node_set_facts(xmlNode *node, const struct lerq__node_facts *facts)
{
}
#endif
