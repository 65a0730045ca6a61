/* SPDX-License-Identifier: MIT */
/* Statistics (spec section 7): adding documents one at a time.
 *
 * Each document is validated and its facts read without the lock (that is
 * the costly part, and the context is shared read-only), then merged into
 * the counts under the stats object's mutex: threads reading an archive
 * share one context and one stats object.
 *
 * Choices the spec leaves open, made here and in figures.c (the report of
 * issue 16 lists them too):
 *  - Validity is the spec's: no finding of severity error, warnings
 *    allowed. The validation time of the rules (R003) is the stats' now.
 *  - "now" is fixed once, when the stats object is made (the clock then,
 *    unless given), so one run measures everything against one instant.
 *  - --since/--until select requests only: requests.*, delays, open and
 *    preservations count the selected requests. documents.* counts every
 *    document read; responses.* counts every valid response whatever the
 *    date, matched meaning its request is among the valid requests read
 *    (selected or not). Releases and follow-ups that cancel or continue a
 *    preservation count whatever their own date.
 *  - Two valid requests with one RegistrationNumber: both are counted in
 *    requests.*; matching, delays, open and preservations use the one
 *    with the later IssuedAt.
 *  - by_code counts the codes a report keeps (lerq_ctx_set_max_findings);
 *    a document's findings beyond that limit are counted but not named.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stats/stats.h"

LERQ_EXPORT int lerq_stats_new(const struct lerq_ctx *ctx, lerq_time_t now,
                               struct lerq_stats **out)
{
	if (ctx == NULL || out == NULL)
		return LERQ_EINVAL;
	struct lerq_stats *s = calloc(1, sizeof(*s));
	if (s == NULL)
		return LERQ_ENOMEM;
	if (pthread_mutex_init(&s->lock, NULL) != 0) {
		free(s);
		return LERQ_ENOMEM;
	}
	s->ctx = ctx;
	s->now = now == LERQ_NOW_CLOCK ? (lerq_time_t)time(NULL) : now;
	s->since_day = INT64_MIN;
	s->until_day = INT64_MAX;
	*out = s;
	return LERQ_OK;
}

LERQ_EXPORT void lerq_stats_free(struct lerq_stats *stats)
{
	if (stats == NULL)
		return;
	pthread_mutex_destroy(&stats->lock);
	lerq__tally_free(&stats->by_code);
	lerq__tally_free(&stats->by_authority_country);
	lerq__tally_free(&stats->by_provider_country);
	lerq__tally_free(&stats->by_month);
	free(stats->entries);
	free(stats->slots);
	free(stats);
}

static int parse_day(const char *text, int64_t *day)
{
	struct lerq_datetime dt;
	if (lerq__date_parse(text, &dt) != LERQ_OK)
		return LERQ_EINVAL;
	*day = lerq__days_from_civil(dt.year, dt.month, dt.day);
	return LERQ_OK;
}

LERQ_EXPORT int lerq_stats_set_period(struct lerq_stats *stats, const char *since,
                                      const char *until)
{
	int64_t from = INT64_MIN, to = INT64_MAX;
	if (stats == NULL || (since && parse_day(since, &from) != LERQ_OK) ||
	    (until && parse_day(until, &to) != LERQ_OK))
		return LERQ_EINVAL;
	pthread_mutex_lock(&stats->lock);
	bool started = stats->started;
	if (!started) {
		stats->since_day = from;
		stats->until_day = to;
	}
	pthread_mutex_unlock(&stats->lock);
	return started ? LERQ_EINVAL : LERQ_OK;
}

LERQ_EXPORT uint64_t lerq_stats_documents_read(const struct lerq_stats *stats)
{
	if (stats == NULL)
		return 0;
	struct lerq_stats *s = (struct lerq_stats *)(uintptr_t)stats;
	pthread_mutex_lock(&s->lock);
	uint64_t n = s->read;
	pthread_mutex_unlock(&s->lock);
	return n;
}

/* ---- the table of registration numbers ------------------------------ */

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int grow_slots(struct lerq_stats *s)
{
	size_t count = s->slot_count ? s->slot_count * 2 : 1024;
	uint32_t *slots = calloc(count, sizeof(*slots));
	if (slots == NULL)
		return LERQ_ENOMEM;
	for (size_t i = 0; i < s->entry_count; i++) {
		size_t j = hash(s->entries[i].number) & (count - 1);
		while (slots[j] != 0)
			j = (j + 1) & (count - 1);
		slots[j] = (uint32_t)(i + 1);
	}
	free(s->slots);
	s->slots = slots;
	s->slot_count = count;
	return LERQ_OK;
}

/* The entry of a registration number, made when absent; NULL when out of
 * memory. */
static struct entry *entry_for(struct lerq_stats *s, const char *number)
{
	if (s->slot_count == 0 || (s->entry_count + 1) * 2 > s->slot_count) {
		if (s->entry_count >= UINT32_MAX - 1 || grow_slots(s) != LERQ_OK)
			return NULL;
	}
	size_t j = hash(number) & (s->slot_count - 1);
	for (; s->slots[j] != 0; j = (j + 1) & (s->slot_count - 1)) {
		struct entry *e = &s->entries[s->slots[j] - 1];
		if (strcmp(e->number, number) == 0)
			return e;
	}
	if (s->entry_count == s->entry_cap) {
		size_t cap = s->entry_cap ? s->entry_cap * 2 : 512;
		struct entry *entries = realloc(s->entries, cap * sizeof(*entries));
		if (entries == NULL)
			return NULL;
		s->entries = entries;
		s->entry_cap = cap;
	}
	struct entry *e = &s->entries[s->entry_count];
	memset(e, 0, sizeof(*e));
	memcpy(e->number, number, strlen(number) + 1);
	e->respond_by = e->preserved_to = e->answered = INT64_MIN;
	s->slots[j] = (uint32_t)++s->entry_count;
	return e;
}

/* ---- merging one document ------------------------------------------- */

static int add_invalid(struct lerq_stats *s, const struct lerq_report *report)
{
	s->invalid++;
	/* Each code once per document, whatever its number of findings. */
	size_t n = lerq_report_count(report);
	for (size_t i = 0; i < n; i++) {
		const struct lerq_finding *f = lerq_report_get(report, i);
		if (lerq_finding_severity(f) != LERQ_SEVERITY_ERROR)
			continue;
		const char *code = lerq_finding_code(f);
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++) {
			const struct lerq_finding *g = lerq_report_get(report, k);
			seen = lerq_finding_severity(g) == LERQ_SEVERITY_ERROR &&
			       strcmp(lerq_finding_code(g), code) == 0;
		}
		if (!seen && lerq__tally_add(&s->by_code, code, 1) != LERQ_OK)
			return LERQ_ENOMEM;
	}
	return LERQ_OK;
}

static void add_words(uint64_t *to, const uint64_t *from, size_t n)
{
	for (size_t i = 0; i < n; i++)
		to[i] += from[i];
}

static int add_request(struct lerq_stats *s, const struct facts *f)
{
	s->requests++;
	bool selected = f->issued_day >= s->since_day && f->issued_day <= s->until_day;
	if (selected) {
		char month[32];
		snprintf(month, sizeof(month), "%04d-%02d", f->issued_year, f->issued_month);
		if (f->type >= 0)
			s->by_type[f->type]++;
		if (f->priority >= 0)
			s->by_priority[f->priority]++;
		if (f->channel >= 0)
			s->by_channel[f->channel]++;
		add_words(s->by_item_category, f->items, ITEM_CATEGORY_COUNT);
		add_words(s->by_offence_category, f->offences, OFFENCE_CATEGORY_COUNT);
		if (lerq__tally_add(&s->by_month, month, 1) != LERQ_OK ||
		    (f->authority_country[0] &&
		     lerq__tally_add(&s->by_authority_country, f->authority_country, 1) != LERQ_OK) ||
		    (f->provider_country[0] &&
		     lerq__tally_add(&s->by_provider_country, f->provider_country, 1) != LERQ_OK))
			return LERQ_ENOMEM;
	}
	for (size_t i = 0; i < f->relates_count; i++) {
		const struct reference *r = &f->relates[i];
		if (strcmp(r->number, f->number) == 0)
			continue; /* "another" request: not itself */
		bool releases = f->type == TYPE_RELEASE;
		bool follows = r->relation == RELATION_FOLLOWS_UP || r->relation == RELATION_EXTENDS;
		if (!releases && !follows)
			continue;
		struct entry *e = entry_for(s, r->number);
		if (e == NULL)
			return LERQ_ENOMEM;
		e->flags |= (releases ? ENTRY_RELEASED : 0) | (follows ? ENTRY_FOLLOWED : 0);
	}
	struct entry *e = entry_for(s, f->number);
	if (e == NULL)
		return LERQ_ENOMEM;
	if ((e->flags & ENTRY_REQUEST) && e->issued >= f->issued)
		return LERQ_OK; /* a later request with this number was read */
	e->flags = (uint8_t)((e->flags & ~ENTRY_SELECTED) | ENTRY_REQUEST |
	                     (selected ? ENTRY_SELECTED : 0));
	e->type = (uint8_t)(f->type >= 0 ? f->type : 0);
	e->priority = (uint8_t)(f->priority >= 0 ? f->priority : 0);
	e->issued = f->issued;
	e->respond_by = f->respond_by;
	e->preserved_to = f->type == TYPE_PRESERVATION && f->days > 0
	                          ? f->issued + (lerq_time_t)f->days * 86400
	                          : INT64_MIN;
	return LERQ_OK;
}

static int add_response(struct lerq_stats *s, const struct facts *f)
{
	s->responses++;
	if (f->status >= 0)
		s->by_status[f->status]++;
	add_words(s->by_outcome, f->outcomes, OUTCOME_COUNT);
	add_words(s->by_reason, f->reasons, REASON_COUNT);
	struct entry *e = entry_for(s, f->number);
	if (e == NULL)
		return LERQ_ENOMEM;
	if (e->responses < UINT32_MAX)
		e->responses++;
	if (f->issued > e->answered)
		e->answered = f->issued;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_stats_add_memory(struct lerq_stats *stats, const void *data, size_t size)
{
	if (stats == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	struct lerq_report *report;
	xmlDocPtr doc;
	int r = lerq__validate_doc(stats->ctx, data, size, stats->now, &report, &doc);
	if (r != LERQ_OK)
		return r;
	bool valid = lerq_report_is_valid(report);
	struct facts facts;
	if (valid && doc != NULL)
		r = lerq__stats_extract(doc, &facts);
	xmlFreeDoc(doc); /* the tree goes at once: only the facts are kept */
	if (r != LERQ_OK) {
		lerq_report_free(report);
		return r;
	}
	pthread_mutex_lock(&stats->lock);
	stats->started = true;
	stats->read++;
	if (!valid || doc == NULL)
		r = add_invalid(stats, report);
	else if (facts.is_response)
		r = add_response(stats, &facts);
	else
		r = add_request(stats, &facts);
	pthread_mutex_unlock(&stats->lock);
	if (valid && doc != NULL)
		free(facts.relates);
	lerq_report_free(report);
	return r;
}

LERQ_EXPORT int lerq_stats_add_file(struct lerq_stats *stats, const char *path)
{
	if (stats == NULL || path == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size;
	int r = lerq__read_file(path, stats->ctx->max_size, &data, &size);
	if (r != LERQ_OK)
		return r;
	r = lerq_stats_add_memory(stats, data, size);
	int e = errno;
	free(data);
	errno = e;
	return r;
}
