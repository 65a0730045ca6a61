/* SPDX-License-Identifier: MIT */
/* Small containers of the statistics: counts per string key, and the
 * growing string the outputs are written into. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"

int lerq__tally_add(struct tally *t, const char *key, uint64_t count)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t->keys[mid], key);
		if (c == 0) {
			t->counts[mid] += count;
			return LERQ_OK;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **keys = realloc(t->keys, cap * sizeof(*keys));
		if (keys == NULL)
			return LERQ_ENOMEM;
		t->keys = keys;
		uint64_t *counts = realloc(t->counts, cap * sizeof(*counts));
		if (counts == NULL)
			return LERQ_ENOMEM;
		t->counts = counts;
		t->cap = cap;
	}
	char *k = strdup(key);
	if (k == NULL)
		return LERQ_ENOMEM;
	memmove(t->keys + lo + 1, t->keys + lo, (t->n - lo) * sizeof(*t->keys));
	memmove(t->counts + lo + 1, t->counts + lo, (t->n - lo) * sizeof(*t->counts));
	t->keys[lo] = k;
	t->counts[lo] = count;
	t->n++;
	return LERQ_OK;
}

void lerq__tally_free(struct tally *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->counts);
	memset(t, 0, sizeof(*t));
}

static void sbuf_append(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->s, cap);
		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void lerq__sbuf_add(struct sbuf *b, const char *s)
{
	sbuf_append(b, s, strlen(s));
}

void lerq__sbuf_printf(struct sbuf *b, const char *fmt, ...)
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
		sbuf_append(b, small, (size_t)n);
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
	sbuf_append(b, big, (size_t)n);
	free(big);
}

int lerq__sbuf_finish(struct sbuf *b, char **out, size_t *size)
{
	if (b->oom || b->s == NULL) {
		free(b->s);
		return LERQ_ENOMEM;
	}
	*out = b->s;
	*size = b->len;
	return LERQ_OK;
}

void lerq__sbuf_tenths(struct sbuf *b, int64_t tenths)
{
	uint64_t a = tenths < 0 ? (uint64_t)0 - (uint64_t)tenths : (uint64_t)tenths;
	lerq__sbuf_printf(b, "%s%llu.%llu", tenths < 0 ? "-" : "", (unsigned long long)(a / 10),
	                  (unsigned long long)(a % 10));
}
