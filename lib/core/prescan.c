/* SPDX-License-Identifier: MIT */
/*
 * What is checked on the raw bytes before libxml2 sees them.
 *
 * libxml2 2.9.14 handles the attributes of one start tag in quadratic
 * time (each one is compared with all before it, namespace declarations
 * too), and the schema check again: 80,000 attributes in a 795 KB
 * document took 19 s. No element of the format has more than a handful,
 * so a start tag with more than LERQ__MAX_ATTRIBUTES attributes and
 * namespace declarations together is refused, by one linear pass over
 * the bytes that knows enough XML to skip comments, CDATA sections,
 * processing instructions and attribute values.
 *
 * The XML declaration may name no encoding but UTF-8, however long the
 * declaration is (it used to be read only when under 256 bytes).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/lerq-private.h"

struct scan {
	const unsigned char *p;
	size_t size;
	size_t i;
};

static bool starts(const struct scan *s, const char *what, size_t n)
{
	return s->size - s->i >= n && memcmp(s->p + s->i, what, n) == 0;
}

static void advance(struct scan *s, size_t n)
{
	s->i = s->size - s->i > n ? s->i + n : s->size;
}

/* Moves past the next @what (n bytes); false (at the end) if there is
 * none. memchr() finds the candidates: this pass must cost little next to
 * parsing. */
static bool skip_past(struct scan *s, const char *what, size_t n)
{
	while (s->i < s->size) {
		const unsigned char *c = memchr(s->p + s->i, what[0], s->size - s->i);
		if (c == NULL)
			break;
		s->i = (size_t)(c - s->p);
		if (starts(s, what, n)) {
			s->i += n;
			return true;
		}
		s->i++;
	}
	s->i = s->size;
	return false;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void skip_space(struct scan *s)
{
	while (s->i < s->size && is_space(s->p[s->i]))
		s->i++;
}

/* A name ends at white space, '=', '>', '/' or a quote. */
static void skip_name(struct scan *s)
{
	while (s->i < s->size) {
		unsigned char c = s->p[s->i];
		if (is_space(c) || c == '=' || c == '>' || c == '/' || c == '"' || c == '\'' ||
		    c == '<')
			break;
		s->i++;
	}
}

enum tag_result { TAG_OK, TAG_MALFORMED, TAG_TOO_MANY };

/* At the '<' of a start tag: counts its attributes, moving past its '>'. */
static enum tag_result start_tag(struct scan *s, unsigned int limit)
{
	unsigned int count = 0;
	advance(s, 1);
	skip_name(s);
	for (;;) {
		skip_space(s);
		if (s->i >= s->size)
			return TAG_MALFORMED;
		if (s->p[s->i] == '>') {
			advance(s, 1);
			return TAG_OK;
		}
		if (starts(s, "/>", 2)) {
			advance(s, 2);
			return TAG_OK;
		}
		size_t before = s->i;
		skip_name(s);
		if (s->i == before)
			return TAG_MALFORMED;
		if (++count > limit)
			return TAG_TOO_MANY;
		skip_space(s);
		if (s->i >= s->size || s->p[s->i] != '=')
			return TAG_MALFORMED;
		advance(s, 1);
		skip_space(s);
		if (s->i >= s->size || (s->p[s->i] != '"' && s->p[s->i] != '\''))
			return TAG_MALFORMED;
		char quote = (char)s->p[s->i];
		advance(s, 1);
		if (!skip_past(s, &quote, 1))
			return TAG_MALFORMED;
	}
}

/* Line and column (in bytes, from 1) of offset at: counted only for the
 * one tag reported. */
static void position(const unsigned char *p, size_t at, unsigned long *line,
                     unsigned long *column)
{
	unsigned long l = 1;
	size_t start = 0;
	for (const unsigned char *nl = p; (nl = memchr(nl, '\n', at - (size_t)(nl - p))) != NULL;
	     nl++) {
		l++;
		start = (size_t)(nl - p) + 1;
	}
	*line = l;
	*column = (unsigned long)(at - start) + 1;
}

int lerq__prescan_attributes(const void *data, size_t size, unsigned int limit,
                             unsigned long *line, unsigned long *column)
{
	struct scan s = { .p = data, .size = size };
	while (s.i < s.size) {
		const unsigned char *lt = memchr(s.p + s.i, '<', s.size - s.i);
		if (lt == NULL)
			return 0;
		s.i = (size_t)(lt - s.p);
		unsigned char next = s.size - s.i > 1 ? s.p[s.i + 1] : '\0';
		if (next == '!' && starts(&s, "<!--", 4)) {
			if (!skip_past(&s, "-->", 3))
				return 0;
		} else if (next == '!' && starts(&s, "<![CDATA[", 9)) {
			if (!skip_past(&s, "]]>", 3))
				return 0;
		} else if (next == '?') {
			if (!skip_past(&s, "?>", 2))
				return 0;
		} else if (next == '!') {
			/* A DOCTYPE, refused by the parser before any element;
			 * anything else here is not well-formed. */
			return 0;
		} else if (next == '/') {
			if (!skip_past(&s, ">", 1))
				return 0;
		} else {
			size_t tag = s.i;
			switch (start_tag(&s, limit)) {
			case TAG_OK:
				break;
			case TAG_MALFORMED:
				/* The parser says what is wrong, in its words. */
				return 0;
			case TAG_TOO_MANY:
				position(s.p, tag, line, column);
				return 1;
			}
		}
	}
	return 0;
}

/* Whether the bytes at @p (@n of them) hold "encoding", '=' and a quoted
 * value that is not UTF-8; *value and *len say which. */
static bool other_encoding(const unsigned char *p, size_t n, const unsigned char **value,
                           size_t *len)
{
	static const char key[] = "encoding";
	size_t k = sizeof(key) - 1;
	for (size_t i = 0; i + k <= n; i++) {
		if (memcmp(p + i, key, k) != 0)
			continue;
		size_t j = i + k;
		while (j < n && is_space(p[j]))
			j++;
		if (j >= n || p[j] != '=')
			continue;
		j++;
		while (j < n && is_space(p[j]))
			j++;
		if (j >= n || (p[j] != '"' && p[j] != '\''))
			continue;
		unsigned char quote = p[j++];
		const unsigned char *close = memchr(p + j, quote, n - j);
		if (close == NULL)
			continue;
		size_t l = (size_t)(close - (p + j));
		if ((l == 5 && strncasecmp((const char *)p + j, "UTF-8", 5) == 0) ||
		    (l == 4 && strncasecmp((const char *)p + j, "UTF8", 4) == 0))
			continue;
		*value = p + j;
		*len = l;
		return true;
	}
	return false;
}

char *lerq__encoding_problem(const void *data, size_t size)
{
	const unsigned char *p = data;
	if (memchr(p, 0, size) != NULL)
		return strdup("The document is not UTF-8: it contains NUL bytes "
		              "(UTF-16 or UTF-32?); lerq documents must be UTF-8");
	size_t off = 0;
	if (size >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		off = 3;
	if (size - off < 6 || memcmp(p + off, "<?xml", 5) != 0 || !is_space(p[off + 5]))
		return NULL;
	/* The declaration runs to its "?>"; with none, to the end (the
	 * parser refuses it, but not before it read the encoding). */
	size_t n = size - off;
	for (size_t i = 0; i + 1 < size - off; i++) {
		if (p[off + i] == '?' && p[off + i + 1] == '>') {
			n = i;
			break;
		}
	}
	const unsigned char *value;
	size_t len;
	if (!other_encoding(p + off, n, &value, &len))
		return NULL;
	/* The value is the sender's: at most 64 bytes of it in the message,
	 * and no control characters (the report escapes them anyway). */
	return lerq__strdup_printf("The document declares the encoding \"%.*s\"%s; "
	                          "lerq documents must be UTF-8",
	                          (int)(len > 64 ? 64 : len), (const char *)value,
	                          len > 64 ? "..." : "");
}
