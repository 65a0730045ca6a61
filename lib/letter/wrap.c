/* SPDX-License-Identifier: MIT */
/*
 * The text letter's last step: text.xsl lays the model out as a "text
 * plan" (namespace urn:lerq:text:1) and this file writes it as lines of
 * at most 72 columns, in one pass whose cost is linear in the letter.
 *
 *   <t:text>           the letter; its text children are written as they are
 *     <t:p first="..." indent="..." hang="..." align="right" rule="-">
 *       inline content of the model: text, <code> and <strong> (kept
 *       together: an identifier, a reference), other elements as their
 *       text; or the model's <line> elements, one paragraph each
 *     </t:p>
 *   </t:text>
 *
 * A paragraph's lines begin with FIRST, then INDENT. Lines break where
 * Unicode line breaking (UAX #14, libunistring) allows it and nothing is
 * added: after a space, and between the characters of Chinese, Japanese
 * and Korean text. Latin words are never cut, not even after a hyphen or
 * a slash: an identifier split in two cannot be told from two. A <t:k>
 * span breaks nowhere, except at its spaces when it is wider than a line.
 * A word too long for the room after FIRST starts a line of its own that
 * begins with HANG; a word longer than any line is written whole there. Columns are display columns (uc_width): a Chinese
 * character takes two.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "core/lerq-private.h"
#include "letter/letter.h"

#define TEXT_NS "urn:lerq:text:1"
#define LETTER_NS "urn:lerq:letter:1"
#define WIDTH 72

static void put_spaces(struct lerq__buf *b, size_t n)
{
	static const char sp[] = "                                ";
	while (n > 0) {
		size_t k = n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;
		lerq__buf_put(b, sp, k);
		n -= k;
	}
}

/* The display width of one character: 0 for controls and marks. */
static int char_width(ucs4_t c)
{
	int w = uc_width(c, "UTF-8");
	return w < 0 ? 0 : w;
}

static size_t str_width(const char *s, size_t n)
{
	size_t w = 0;
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		w += (size_t)char_width(c);
		p += k;
	}
	return w;
}

/* ---- one paragraph ---- */

/*
 * The paragraph's text, whitespace collapsed, with for each byte the
 * keep-together span it belongs to (0: none). Built once per paragraph
 * and reused: the buffers grow to the longest paragraph.
 */
struct para {
	struct lerq__buf text;
	unsigned *span;
	size_t span_cap;
	unsigned spans;
	bool space; /* the last byte written is a collapsed space */
	char *brk;
	size_t brk_cap;
	size_t *span_width; /* by span number */
	size_t span_width_cap;
};

static bool is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool span_fit(struct para *p)
{
	if (p->text.len <= p->span_cap)
		return true;
	size_t cap = p->span_cap ? p->span_cap : 1024;
	while (cap < p->text.len)
		cap *= 2;
	unsigned *q = realloc(p->span, cap * sizeof(*q));
	if (q == NULL) {
		p->text.oom = true;
		return false;
	}
	p->span = q;
	p->span_cap = cap;
	return true;
}

static void para_add(struct para *p, const char *s, unsigned span)
{
	for (; *s != '\0'; s++) {
		if (is_xml_space(*s)) {
			p->space = p->text.len > 0;
			continue;
		}
		size_t run = 1;
		while (s[run] != '\0' && !is_xml_space(s[run]))
			run++;
		if (p->space) {
			lerq__buf_put(&p->text, " ", 1);
			if (p->text.oom || !span_fit(p))
				return;
			/* A space between two parts of one span is inside it. */
			size_t at = p->text.len - 1;
			p->span[at] = span != 0 && at > 0 && p->span[at - 1] == span ? span : 0;
			p->space = false;
		}
		size_t at = p->text.len;
		lerq__buf_put(&p->text, s, run);
		if (p->text.oom || !span_fit(p))
			return;
		for (size_t i = at; i < p->text.len; i++)
			p->span[i] = span;
		s += run - 1;
	}
}

static void para_collect(struct para *p, xmlNodePtr node, unsigned span)
{
	for (xmlNodePtr n = node->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				para_add(p, (const char *)n->content, span);
		} else if (n->type == XML_ELEMENT_NODE) {
			unsigned s = span;
			if (span == 0 && (xmlStrEqual(n->name, BAD_CAST "k") ||
			                  xmlStrEqual(n->name, BAD_CAST "code") ||
			                  xmlStrEqual(n->name, BAD_CAST "strong")))
				s = ++p->spans;
			para_collect(p, n, s);
		}
	}
}

static const char *attr(xmlNodePtr n, const char *name, xmlChar **keep)
{
	*keep = xmlGetProp(n, BAD_CAST name);
	return *keep ? (const char *)*keep : "";
}

static bool wide(const uint8_t *s, size_t n, size_t at, bool before)
{
	ucs4_t c;
	if (before) {
		const uint8_t *prev = u8_prev(&c, s + at, s);
		if (prev == NULL)
			return false;
	} else {
		if (at >= n)
			return false;
		u8_mbtouc(&c, s + at, n - at);
	}
	return char_width(c) == 2;
}

/*
 * May the line break before byte @i? Where UAX #14 allows it, and then
 * only after a space, next to a wide (CJK) character, or after a
 * character outside ASCII that is not a dash: never inside a Latin word
 * or an identifier, whatever hyphen or slash it holds.
 */
static bool may_break(const struct para *p, size_t i, size_t line_room)
{
	const uint8_t *s = (const uint8_t *)p->text.data;
	size_t n = p->text.len;
	if (i == 0 || i >= n || p->brk[i] != UC_BREAK_POSSIBLE)
		return false;
	unsigned a = p->span[i - 1], b = p->span[i];
	bool after_space = s[i - 1] == ' ';
	if (a != 0 && a == b)
		return after_space && p->span_width[a] > line_room;
	/* A space that ends a span or begins one is outside it. */
	if (after_space)
		return true;
	if (a != 0 || b != 0)
		return false;
	if (wide(s, n, i, true) || wide(s, n, i, false))
		return true;
	ucs4_t c;
	u8_prev(&c, s + i, s);
	return c >= 0x80 && !(c >= 0x2010 && c <= 0x2015) && c != 0x00AD;
}

static size_t rtrim_len(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

static void put_line(struct lerq__buf *out, const char *prefix, const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* An empty line has no trailing spaces either. */
	if (n == 0)
		lerq__buf_put(out, prefix, rtrim_len(prefix, strlen(prefix)));
	else
		lerq__buf_puts(out, prefix);
	lerq__buf_put(out, s, n);
	lerq__buf_put(out, "\n", 1);
}

static void free_props(xmlChar **props, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xmlFree(props[i]);
}

/* One paragraph: the text of @node after @lead, as lines that begin with
 * @first, then @indent; a rule under them as wide as the widest. */
static int wrap_text(struct para *p, xmlNodePtr node, const char *lead, const char *first,
                     const char *indent, const char *hang, const char *align,
                     const char *rule, struct lerq__buf *out)
{
	p->text.len = 0;
	p->spans = 0;
	p->space = false;
	para_add(p, lead, 0);
	para_collect(p, node, 0);
	size_t n = p->text.len;
	if (!p->text.oom && n + 1 > p->brk_cap) {
		char *q = realloc(p->brk, n + 1);
		if (q == NULL)
			p->text.oom = true;
		else {
			p->brk = q;
			p->brk_cap = n + 1;
		}
	}
	if (!p->text.oom && p->spans + 1 > p->span_width_cap) {
		size_t *q = realloc(p->span_width, (p->spans + 1) * sizeof(*q));
		if (q == NULL)
			p->text.oom = true;
		else {
			p->span_width = q;
			p->span_width_cap = p->spans + 1;
		}
	}
	if (p->text.oom)
		return LERQ_ENOMEM;
	const char *s = p->text.data ? p->text.data : "";
	const uint8_t *u = (const uint8_t *)s;
	memset(p->span_width, 0, (p->spans + 1) * sizeof(*p->span_width));
	if (n > 0)
		u8_possible_linebreaks(u, n, "UTF-8", p->brk);
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, u + i, n - i);
		p->span_width[p->span[i]] += (size_t)char_width(c);
		i += (size_t)k;
	}

	size_t first_w = str_width(first, strlen(first));
	size_t indent_w = str_width(indent, strlen(indent));
	size_t hang_w = str_width(hang, strlen(hang));
	size_t widest = 0;
	bool done = false;

	if (strcmp(align, "right") == 0) {
		size_t w = str_width(s, n);
		if (w < WIDTH) {
			put_spaces(out, WIDTH - w);
			put_line(out, "", s, n);
			widest = WIDTH;
			done = true;
		}
	}

	const char *prefix = first;
	size_t prefix_w = first_w;
	bool first_line = true, hung = false;
	size_t pos = 0;
	if (!done && n == 0)
		put_line(out, prefix, "", 0);
	while (!done && pos < n) {
		size_t room = prefix_w < WIDTH ? WIDTH - prefix_w : 0;
		size_t w = 0, w_ns = 0; /* w_ns: without trailing spaces */
		size_t last = pos, last_w = 0, end = n, end_w;
		size_t i = pos;
		for (;;) {
			if (i >= n) {
				if (w_ns <= room || last == pos) {
					end = n;
					end_w = w_ns;
				} else {
					end = last;
					end_w = last_w;
				}
				break;
			}
			if (i > pos && may_break(p, i, WIDTH - indent_w)) {
				if (w_ns <= room) {
					last = i;
					last_w = w_ns;
				} else {
					/* Break at the last point that fits; a word
					 * wider than the room goes whole. */
					end = last > pos ? last : i;
					end_w = last > pos ? last_w : w_ns;
					break;
				}
			}
			ucs4_t c;
			int k = u8_mbtouc(&c, u + i, n - i);
			w += (size_t)char_width(c);
			if (c != ' ')
				w_ns = w;
			i += (size_t)k;
		}
		/* A word that does not fit after the line's prefix starts
		 * after HANG, where it fits or sticks out least: on a line of
		 * its own after a first line's label, in place of blank
		 * padding otherwise. */
		if (!hung && end_w > room && hang_w < prefix_w) {
			if (first_line && strspn(prefix, " ") != strlen(prefix)) {
				lerq__buf_put(out, prefix, rtrim_len(prefix, strlen(prefix)));
				lerq__buf_put(out, "\n", 1);
				first_line = false;
			}
			prefix = hang;
			prefix_w = hang_w;
			hung = true;
			continue;
		}
		hung = false;
		put_line(out, prefix, s + pos, end - pos);
		if (prefix_w + end_w > widest)
			widest = prefix_w + end_w;
		pos = end;
		while (pos < n && s[pos] == ' ')
			pos++;
		first_line = false;
		prefix = indent;
		prefix_w = indent_w;
	}
	if (*rule != '\0') {
		size_t w = widest < WIDTH ? widest : WIDTH;
		for (size_t j = 0; j < w; j++)
			lerq__buf_put(out, rule, 1);
		lerq__buf_put(out, "\n", 1);
	}
	return out->oom ? LERQ_ENOMEM : LERQ_OK;
}

static bool is_line(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "line") &&
	       n->ns != NULL && xmlStrEqual(n->ns->href, BAD_CAST LETTER_NS);
}

/*
 * One <t:p>. When it holds the model's <line> elements (a table cell, a
 * field's value), each is a paragraph of its own: the first begins with
 * FIRST, the others with INDENT; a line of role "item" is a bulleted
 * entry, "- " and its continuation indented by two more.
 */
static int wrap_para(struct para *p, xmlNodePtr node, struct lerq__buf *out)
{
	xmlChar *props[5];
	const char *first = attr(node, "first", &props[0]);
	const char *indent = attr(node, "indent", &props[1]);
	props[2] = xmlGetProp(node, BAD_CAST "hang");
	const char *hang = props[2] ? (const char *)props[2] : indent;
	const char *align = attr(node, "align", &props[3]);
	const char *rule = attr(node, "rule", &props[4]);
	int r = LERQ_OK;

	xmlNodePtr line = node->children;
	while (line != NULL && line->type != XML_ELEMENT_NODE)
		line = line->next;
	if (line == NULL || !is_line(line)) {
		r = wrap_text(p, node, "", first, indent, hang, align, rule, out);
		free_props(props, 5);
		return r;
	}
	char *deeper = lerq__strdup_printf("%s  ", indent);
	if (deeper == NULL)
		r = LERQ_ENOMEM;
	bool at_first = true;
	for (xmlNodePtr n = node->children; n != NULL && r == LERQ_OK; n = n->next) {
		if (!is_line(n))
			continue;
		xmlChar *role = xmlGetProp(n, BAD_CAST "role");
		bool item = role != NULL && xmlStrEqual(role, BAD_CAST "item");
		xmlFree(role);
		r = wrap_text(p, n, item ? "- " : "", at_first ? first : indent,
		              item ? deeper : indent, hang, "", "", out);
		at_first = false;
	}
	free(deeper);
	free_props(props, 5);
	return r;
}

int lerq__text_write(xmlDocPtr plan, char **out, size_t *size)
{
	xmlNodePtr root = xmlDocGetRootElement(plan);
	if (root == NULL || root->ns == NULL || !xmlStrEqual(root->ns->href, BAD_CAST TEXT_NS))
		return LERQ_EINTERNAL;
	struct lerq__buf b = { 0 };
	struct para p = { 0 };
	int r = LERQ_OK;
	for (xmlNodePtr n = root->children; n != NULL && r == LERQ_OK; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			lerq__buf_puts(&b, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "p"))
			r = wrap_para(&p, n, &b);
	}
	free(p.text.data);
	free(p.span);
	free(p.brk);
	free(p.span_width);
	if (r == LERQ_OK && b.oom)
		r = LERQ_ENOMEM;
	if (r == LERQ_OK && b.data == NULL) {
		b.data = calloc(1, 1);
		if (b.data == NULL)
			r = LERQ_ENOMEM;
	}
	if (r != LERQ_OK) {
		free(b.data);
		return r;
	}
	*out = b.data;
	*size = b.len;
	return LERQ_OK;
}
