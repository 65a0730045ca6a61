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

void lerq__stats_tenths(struct lerq__buf *b, int64_t tenths)
{
	uint64_t a = tenths < 0 ? (uint64_t)0 - (uint64_t)tenths : (uint64_t)tenths;
	lerq__buf_printf(b, "%s%llu.%llu", tenths < 0 ? "-" : "", (unsigned long long)(a / 10),
	                  (unsigned long long)(a % 10));
}
