/* SPDX-License-Identifier: MIT */
/*
 * A bidirectional control in the data never reorders the letter around it
 * (issue 13). A right-to-left override left open in a free-text field
 * would reverse the rest of its paragraph, catalogue text included, so
 * that the letter shows what the data does not say.
 *
 * Before the letter model is built, every text node of the document that
 * holds a bidirectional control is wrapped in FIRST STRONG ISOLATE (U+2068)
 * and POP DIRECTIONAL ISOLATE (U+2069): by the Unicode bidirectional
 * algorithm (UAX #9, X6a) the PDI closes every embedding and override
 * opened inside, and the isolate is neutral to the text around it. HTML
 * (browsers) and PDF (pango with fribidi) apply it. A text letter has no
 * renderer that can be trusted to: there each control is written as a
 * visible <U+XXXX> instead.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/lerq-private.h"
#include "letter/letter.h"

/* The bidi control at p (UTF-8), as its code point, or 0. All are three
 * bytes: U+061C is D8 9C (two); U+200E/F E2 80 8E/8F; U+202A-E
 * E2 80 AA-AE; U+2066-9 E2 81 A6-A9. *len gets the sequence's length. */
static uint32_t bidi_at(const unsigned char *p, size_t *len)
{
	if (p[0] == 0xD8 && p[1] == 0x9C) {
		*len = 2;
		return 0x061C;
	}
	if (p[0] != 0xE2 || p[1] == '\0')
		return 0;
	*len = 3;
	if (p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE)))
		return 0x2000u + (uint32_t)(p[2] & 0x3F);
	if (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
		return 0x2040u + (uint32_t)(p[2] & 0x3F);
	return 0;
}

static bool has_bidi(const unsigned char *s)
{
	for (const unsigned char *p = s; *p != '\0'; p++) {
		size_t len;
		if ((*p == 0xD8 || *p == 0xE2) && bidi_at(p, &len) != 0)
			return true;
	}
	return false;
}

/* s with each control written as <U+XXXX>; the caller frees it. */
static xmlChar *escaped(const unsigned char *s)
{
	size_t n = strlen((const char *)s);
	/* At most 8 bytes for each 2-byte control. */
	xmlChar *out = xmlMalloc(n * 4 + 1);
	if (out == NULL)
		return NULL;
	size_t o = 0;
	for (const unsigned char *p = s; *p != '\0';) {
		size_t len = 0;
		uint32_t c = (*p == 0xD8 || *p == 0xE2) ? bidi_at(p, &len) : 0;
		if (c != 0) {
			o += (size_t)snprintf((char *)out + o, 9, "<U+%04X>", (unsigned)c);
			p += len;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
	return out;
}

static int walk(xmlNodePtr node, bool escape)
{
	for (xmlNodePtr n = node; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL && has_bidi(n->content)) {
			xmlChar *value;
			if (escape) {
				value = escaped(n->content);
			} else {
				value = xmlStrdup(BAD_CAST "\xE2\x81\xA8");
				value = value ? xmlStrcat(value, n->content) : NULL;
				value = value ? xmlStrcat(value, BAD_CAST "\xE2\x81\xA9") : NULL;
			}
			if (value == NULL)
				return LERQ_ENOMEM;
			xmlNodeSetContent(n, value);
			xmlFree(value);
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			int r = walk(n->children, escape);
			if (r != LERQ_OK)
				return r;
		}
	}
	return LERQ_OK;
}

int lerq__letter_isolate_bidi(xmlDocPtr doc, bool escape)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	return root != NULL ? walk(root, escape) : LERQ_OK;
}

static bool any_bidi(const xmlNode *node)
{
	for (const xmlNode *n = node; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL && has_bidi(n->content))
			return true;
		if (n->type == XML_ELEMENT_NODE && any_bidi(n->children))
			return true;
	}
	return false;
}

bool lerq__letter_has_bidi(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	return root != NULL && any_bidi(root);
}
