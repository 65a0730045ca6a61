/* SPDX-License-Identifier: MIT */
/*
 * A small multipart/form-data reader (RFC 7578, RFC 2046 section 5.1)
 * over a body already held in memory and capped by --max-size. It copies
 * nothing and allocates nothing, so a hostile body costs at most a scan
 * of itself; MHD_PostProcessor would have meant a second buffer per part
 * and one more parser to bound.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "serve.h"

/* RFC 2046: a boundary is 1 to 70 characters. */
#define BOUNDARY_MAX 70

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Copy into @out (BOUNDARY_MAX + 3 bytes) "--" and the boundary
 * parameter of @content_type.
 * @return the length of @out, or 0 when there is no usable boundary.
 */
static size_t find_boundary(const char *content_type, char *out)
{
	const char *p = content_type;
	size_t n = 0;

	if (strncasecmp(p, "multipart/form-data", 19) != 0)
		return 0;
	p += 19;
	while (*p != '\0') {
		while (is_space(*p) || *p == ';')
			p++;
		if (strncasecmp(p, "boundary=", 9) == 0) {
			bool quoted;

			p += 9;
			quoted = *p == '"';
			if (quoted)
				p++;
			out[n++] = '-';
			out[n++] = '-';
			while (*p != '\0' && n < BOUNDARY_MAX + 2) {
				if (quoted ? *p == '"' : (*p == ';' || is_space(*p)))
					break;
				out[n++] = *p++;
			}
			if (quoted && *p != '"')
				return 0;
			if (!quoted && *p != '\0' && *p != ';' && !is_space(*p))
				return 0; /* longer than 70 */
			out[n] = '\0';
			return n > 2 ? n : 0;
		}
		while (*p != '\0' && *p != ';')
			p++;
	}
	return 0;
}

/*
 * The name parameter of the Content-Disposition header among @headers
 * (CRLF-separated, @size bytes): its start in *name, its length returned;
 * 0 when there is none.
 */
static size_t part_name(const char *headers, size_t size, const char **name)
{
	const char *end = headers + size;
	const char *line = headers;

	while (line < end) {
		const char *eol = memmem(line, (size_t)(end - line), "\r\n", 2);
		const char *p;

		if (eol == NULL)
			eol = end;
		if ((size_t)(eol - line) > 20 &&
		    strncasecmp(line, "Content-Disposition:", 20) == 0) {
			p = line + 20;
			while (p < eol) {
				const char *start;

				while (p < eol && (is_space(*p) || *p == ';'))
					p++;
				if ((size_t)(eol - p) > 5 && strncasecmp(p, "name=", 5) == 0) {
					p += 5;
					if (p < eol && *p == '"') {
						start = ++p;
						while (p < eol && *p != '"')
							p++;
						if (p == eol)
							return 0;
					} else {
						start = p;
						while (p < eol && *p != ';' && !is_space(*p))
							p++;
					}
					*name = start;
					return (size_t)(p - start);
				}
				/* Another parameter (form-data, filename="..."):
				 * skip it, quotes and all. */
				while (p < eol && *p != ';') {
					if (*p == '"') {
						p++;
						while (p < eol && *p != '"')
							p++;
					}
					if (p < eol)
						p++;
				}
			}
		}
		line = eol + 2;
	}
	return 0;
}

/*
 * The next delimiter (@delimiter, CRLF "--" boundary, @size bytes) in
 * [@p, @end): one followed by "--" or by blanks and CRLF. A line that only
 * begins with it ("--boundaryX") is content.
 */
static const char *find_delimiter(const char *p, const char *end,
                                  const char *delimiter, size_t size)
{
	while (p < end) {
		const char *q, *found = memmem(p, (size_t)(end - p), delimiter, size);

		if (found == NULL)
			return NULL;
		q = found + size;
		if (end - q >= 2 && q[0] == '-' && q[1] == '-')
			return found;
		while (q < end && is_space(*q))
			q++;
		if (end - q >= 2 && q[0] == '\r' && q[1] == '\n')
			return found;
		p = found + 1;
	}
	return NULL;
}

const char *multipart_parse(const char *content_type, const char *body,
                            size_t size, struct multipart_part *parts,
                            size_t count)
{
	char delimiter[BOUNDARY_MAX + 5]; /* CRLF "--" boundary NUL */
	const char *end = body + size;
	const char *p;
	size_t dlen, i;

	for (i = 0; i < count; i++)
		parts[i].found = false;
	if (content_type == NULL)
		return "POST /check-response takes multipart/form-data";
	delimiter[0] = '\r';
	delimiter[1] = '\n';
	dlen = find_boundary(content_type, delimiter + 2);
	if (dlen == 0)
		return "POST /check-response takes multipart/form-data with a boundary";

	/* The first delimiter may open the body, without a CRLF before it. */
	if (size >= dlen && memcmp(body, delimiter + 2, dlen) == 0) {
		p = body + dlen;
	} else {
		p = find_delimiter(body, end, delimiter, dlen + 2);
		if (p == NULL)
			return "the multipart body has no part";
		p += dlen + 2;
	}

	for (;;) {
		const char *headers, *content, *next, *name = NULL;
		size_t header_size, name_size;

		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break; /* the close delimiter */
		while (p < end && is_space(*p))
			p++; /* transport padding */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return "the multipart body is malformed";
		p += 2;

		headers = p;
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			header_size = 0;
			content = p + 2;
		} else {
			const char *blank = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);

			if (blank == NULL)
				return "the multipart body is malformed";
			header_size = (size_t)(blank - p);
			content = blank + 4;
		}
		next = find_delimiter(content, end, delimiter, dlen + 2);
		if (next == NULL)
			return "the multipart body ends inside a part";

		name_size = part_name(headers, header_size, &name);
		for (i = 0; i < count; i++) {
			if (name_size == strlen(parts[i].name) &&
			    memcmp(name, parts[i].name, name_size) == 0) {
				if (parts[i].found)
					return "a part is given twice";
				parts[i].found = true;
				parts[i].data = content;
				parts[i].size = (size_t)(next - content);
			}
		}
		p = next + dlen + 2;
	}

	for (i = 0; i < count; i++) {
		if (!parts[i].found)
			return "the parts 'request' and 'response' are both needed";
	}
	return NULL;
}
