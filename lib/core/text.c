/* SPDX-License-Identifier: MIT */
/* Small string helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lerq-private.h"

char *lerq__strdup_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

char *lerq__value_collapse(const char *value)
{
	char *out = malloc(strlen(value) + 1);
	if (out == NULL)
		return NULL;
	char *p = out;
	bool space = false;
	for (const char *s = value; *s; s++) {
		if ((*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
			space = p != out;
			continue;
		}
		if (space)
			*p++ = ' ';
		space = false;
		*p++ = *s;
	}
	*p = '\0';
	return out;
}
