/* SPDX-License-Identifier: MIT */
/* The figures of section 7 that need the whole archive: matching,
 * delays, open requests, preservations. Computed from the entries when an
 * output is asked for.
 *
 * Choices the spec leaves open (see also stats.c):
 *  - A delay is the response's IssuedAt minus the request's, in hours
 *    rounded to 0.1 (half away from zero); the nearest-rank median and p90
 *    pick a value of the sorted list, so rounding first changes nothing.
 *    A response issued before its request gives a negative delay, kept.
 *  - open.unanswered counts every selected request without a matched
 *    response, release requests included (the spec makes no exception);
 *    overdue those whose RespondBy is strictly before now.
 *  - A preservation ends at IssuedAt + Days x 24 hours; it is active
 *    when that is strictly after now, and expiring when it is at most 14
 *    x 24 hours after now.
 */
#include <stdlib.h>

#include "stats/stats.h"

static int compare(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Hours from request to response in tenths, rounded half away from
 * zero. */
static int64_t tenths_of_hours(lerq_time_t seconds)
{
	if (seconds >= 0)
		return (seconds + 180) / 360;
	return -((-seconds + 180) / 360);
}

int64_t lerq__stats_rank(const struct delays *d, unsigned num, unsigned den)
{
	/* rank = ceil(num / den * count), 1-based, at least 1 */
	size_t rank = ((size_t)num * d->count + den - 1) / den;
	if (rank < 1)
		rank = 1;
	return d->tenths[rank - 1];
}

void lerq__stats_figures_free(struct figures *fig)
{
	free(fig->all.tenths);
	for (size_t i = 0; i < PRIORITY_COUNT; i++)
		free(fig->by_priority[i].tenths);
}

int lerq__stats_figures(const struct lerq_stats *s, struct figures *fig)
{
	*fig = (struct figures){ 0 };
	size_t pairs = 0, per_priority[PRIORITY_COUNT] = { 0 };
	for (size_t i = 0; i < s->entry_count; i++) {
		const struct entry *e = &s->entries[i];
		if (!(e->flags & ENTRY_REQUEST))
			continue;
		fig->matched += e->responses;
		if ((e->flags & ENTRY_SELECTED) && e->responses > 0) {
			pairs++;
			per_priority[e->priority]++;
		}
	}
	fig->unmatched = s->responses - fig->matched;
	fig->all.tenths = malloc((pairs ? pairs : 1) * sizeof(int64_t));
	bool oom = fig->all.tenths == NULL;
	for (size_t p = 0; p < PRIORITY_COUNT; p++) {
		fig->by_priority[p].tenths = malloc((per_priority[p] ? per_priority[p] : 1) *
		                                    sizeof(int64_t));
		oom = oom || fig->by_priority[p].tenths == NULL;
	}
	if (oom) {
		lerq__stats_figures_free(fig);
		return LERQ_ENOMEM;
	}
	const lerq_time_t now = s->now, horizon = s->now + 14 * 86400;
	for (size_t i = 0; i < s->entry_count; i++) {
		const struct entry *e = &s->entries[i];
		if ((e->flags & (ENTRY_REQUEST | ENTRY_SELECTED)) != (ENTRY_REQUEST | ENTRY_SELECTED))
			continue;
		if (e->responses > 0) {
			int64_t t = tenths_of_hours(e->answered - e->issued);
			fig->all.tenths[fig->all.count++] = t;
			struct delays *d = &fig->by_priority[e->priority];
			d->tenths[d->count++] = t;
			if (e->respond_by != INT64_MIN && e->answered > e->respond_by)
				fig->answered_late++;
		} else {
			fig->unanswered++;
			if (e->respond_by != INT64_MIN && e->respond_by < now)
				fig->overdue++;
		}
		if (e->preserved_to != INT64_MIN && e->preserved_to > now &&
		    !(e->flags & ENTRY_RELEASED)) {
			fig->active++;
			if (e->preserved_to <= horizon && !(e->flags & ENTRY_FOLLOWED))
				fig->expiring++;
		}
	}
	qsort(fig->all.tenths, fig->all.count, sizeof(int64_t), compare);
	for (size_t p = 0; p < PRIORITY_COUNT; p++)
		qsort(fig->by_priority[p].tenths, fig->by_priority[p].count, sizeof(int64_t),
		      compare);
	return LERQ_OK;
}
