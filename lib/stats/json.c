/* SPDX-License-Identifier: MIT */
/* The --json object of section 7: keys fixed and in the spec's order;
 * maps list only the values that occur (a count above 0), enumerated
 * words in the format's order, countries, months and codes sorted. Every
 * key is a word of the format, a country code, a month lerq wrote or a
 * finding code: nothing of a document's own text. */
#include <stdlib.h>

#include "stats/stats.h"

static void words_map(struct lerq__buf *b, const char *const *words, const uint64_t *counts,
                      size_t n)
{
	lerq__buf_puts(b, "{");
	const char *sep = "";
	for (size_t i = 0; i < n; i++) {
		if (counts[i] == 0)
			continue;
		lerq__buf_printf(b, "%s\"%s\": %llu", sep, words[i], (unsigned long long)counts[i]);
		sep = ", ";
	}
	lerq__buf_puts(b, "}");
}

/* The keys of a tally are codes, countries and months: plain ASCII
 * without quotes or backslashes (the schema and lerq made them), escaped
 * all the same. */
static void json_string(struct lerq__buf *b, const char *s)
{
	lerq__buf_puts(b, "\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			lerq__buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			lerq__buf_printf(b, "\\u%04x", c);
		else
			lerq__buf_printf(b, "%c", c);
	}
	lerq__buf_puts(b, "\"");
}

static void tally_map(struct lerq__buf *b, const struct tally *t)
{
	lerq__buf_puts(b, "{");
	for (size_t i = 0; i < t->n; i++) {
		if (i > 0)
			lerq__buf_puts(b, ", ");
		json_string(b, t->keys[i]);
		lerq__buf_printf(b, ": %llu", (unsigned long long)t->counts[i]);
	}
	lerq__buf_puts(b, "}");
}

static void delays(struct lerq__buf *b, const struct delays *d)
{
	lerq__buf_printf(b, "{\"count\": %zu", d->count);
	if (d->count > 0) {
		lerq__buf_puts(b, ", \"median\": ");
		lerq__stats_tenths(b, lerq__stats_rank(d, 1, 2));
		lerq__buf_puts(b, ", \"p90\": ");
		lerq__stats_tenths(b, lerq__stats_rank(d, 9, 10));
		lerq__buf_puts(b, ", \"max\": ");
		lerq__stats_tenths(b, d->tenths[d->count - 1]);
	}
	lerq__buf_puts(b, "}");
}

static void write_json(struct lerq__buf *b, const struct lerq_stats *s, const struct figures *f)
{
	lerq__buf_printf(b, "{\"documents\": {\"read\": %llu, \"invalid\": %llu, "
	                  "\"requests\": %llu, \"responses\": %llu, \"by_code\": ",
	                  (unsigned long long)s->read, (unsigned long long)s->invalid,
	                  (unsigned long long)s->requests, (unsigned long long)s->responses);
	tally_map(b, &s->by_code);
	lerq__buf_puts(b, "},\n \"requests\": {\"by_type\": ");
	words_map(b, lerq__stats_types, s->by_type, TYPE_COUNT);
	lerq__buf_puts(b, ", \"by_priority\": ");
	words_map(b, lerq__stats_priorities, s->by_priority, PRIORITY_COUNT);
	lerq__buf_puts(b, ", \"by_channel\": ");
	words_map(b, lerq__stats_channels, s->by_channel, CHANNEL_COUNT);
	lerq__buf_puts(b, ",\n              \"by_authority_country\": ");
	tally_map(b, &s->by_authority_country);
	lerq__buf_puts(b, ", \"by_provider_country\": ");
	tally_map(b, &s->by_provider_country);
	lerq__buf_puts(b, ",\n              \"by_item_category\": ");
	words_map(b, lerq__stats_item_categories, s->by_item_category, ITEM_CATEGORY_COUNT);
	lerq__buf_puts(b, ", \"by_offence_category\": ");
	words_map(b, lerq__stats_offence_categories, s->by_offence_category,
	          OFFENCE_CATEGORY_COUNT);
	lerq__buf_puts(b, ", \"by_month\": ");
	tally_map(b, &s->by_month);
	lerq__buf_printf(b, "},\n \"responses\": {\"matched\": %llu, \"unmatched\": %llu, "
	                  "\"by_status\": ", (unsigned long long)f->matched,
	                  (unsigned long long)f->unmatched);
	words_map(b, lerq__stats_statuses, s->by_status, STATUS_COUNT);
	lerq__buf_puts(b, ", \"by_outcome\": ");
	words_map(b, lerq__stats_outcomes, s->by_outcome, OUTCOME_COUNT);
	lerq__buf_puts(b, ", \"by_reason\": ");
	words_map(b, lerq__stats_reasons, s->by_reason, REASON_COUNT);
	lerq__buf_puts(b, "},\n \"delays\": {\"all\": ");
	delays(b, &f->all);
	lerq__buf_puts(b, ", \"by_priority\": {");
	const char *sep = "";
	for (size_t p = 0; p < PRIORITY_COUNT; p++) {
		if (f->by_priority[p].count == 0)
			continue;
		lerq__buf_printf(b, "%s\"%s\": ", sep, lerq__stats_priorities[p]);
		delays(b, &f->by_priority[p]);
		sep = ", ";
	}
	lerq__buf_printf(b, "}},\n \"open\": {\"unanswered\": %llu, \"overdue\": %llu, "
	                  "\"answered_late\": %llu},\n \"preservations\": {\"active\": %llu, "
	                  "\"expiring_14_days\": %llu}}\n",
	                  (unsigned long long)f->unanswered, (unsigned long long)f->overdue,
	                  (unsigned long long)f->answered_late, (unsigned long long)f->active,
	                  (unsigned long long)f->expiring);
}

int lerq__stats_output(const struct lerq_stats *stats,
                       void (*write)(struct lerq__buf *, const struct lerq_stats *,
                                     const struct figures *),
                       char **out, size_t *size)
{
	if (stats == NULL || out == NULL || size == NULL)
		return LERQ_EINVAL;
	struct lerq_stats *s = (struct lerq_stats *)(uintptr_t)stats;
	pthread_mutex_lock(&s->lock);
	struct figures fig;
	int r = lerq__stats_figures(s, &fig);
	struct lerq__buf b = { 0 };
	if (r == LERQ_OK) {
		write(&b, s, &fig);
		lerq__stats_figures_free(&fig);
		r = lerq__buf_finish(&b, out, size);
	}
	pthread_mutex_unlock(&s->lock);
	return r;
}

LERQ_EXPORT int lerq_stats_to_json(const struct lerq_stats *stats, char **out, size_t *size)
{
	return lerq__stats_output(stats, write_json, out, size);
}
