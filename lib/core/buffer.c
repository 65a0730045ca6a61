/* SPDX-License-Identifier: MIT */
/*
 * The one growable string of the library (JSON Lines, readable schema
 * messages, text letters, statistics): bytes are appended, and a failed
 * allocation is remembered and checked once, at the end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lerq-private.h"

void lerq__buf_put(struct lerq__buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->data, cap);
		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void lerq__buf_puts(struct lerq__buf *b, const char *s)
{
	lerq__buf_put(b, s, strlen(s));
}

void lerq__buf_printf(struct lerq__buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		lerq__buf_put(b, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (big == NULL) {
		b->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	lerq__buf_put(b, big, (size_t)n);
	free(big);
}

int lerq__buf_finish(struct lerq__buf *b, char **out, size_t *size)
{
	if (b->oom || b->data == NULL) {
		free(b->data);
		*b = (struct lerq__buf){ 0 };
		return LERQ_ENOMEM;
	}
	*out = b->data;
	if (size != NULL)
		*size = b->len;
	*b = (struct lerq__buf){ 0 };
	return LERQ_OK;
}
