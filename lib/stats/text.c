/* SPDX-License-Identifier: MIT */
/* The readable summary of lerq stats: the same figures as the JSON
 * object, one section per group, words of the format as labels. */
#include "stats/stats.h"

static void words_lines(struct lerq__buf *b, const char *title, const char *const *words,
                        const uint64_t *counts, size_t n)
{
	lerq__buf_printf(b, "  %s:", title);
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (counts[i] == 0)
			continue;
		lerq__buf_printf(b, "%s %s %llu", any ? "," : "", words[i],
		                  (unsigned long long)counts[i]);
		any = true;
	}
	lerq__buf_puts(b, any ? "\n" : " none\n");
}

static void tally_lines(struct lerq__buf *b, const char *title, const struct tally *t)
{
	lerq__buf_printf(b, "  %s:", title);
	for (size_t i = 0; i < t->n; i++)
		lerq__buf_printf(b, "%s %s %llu", i ? "," : "", t->keys[i],
		                  (unsigned long long)t->counts[i]);
	lerq__buf_puts(b, t->n ? "\n" : " none\n");
}

static void delay_line(struct lerq__buf *b, const char *title, const struct delays *d)
{
	lerq__buf_printf(b, "  %-10s %zu answered", title, d->count);
	if (d->count > 0) {
		lerq__buf_puts(b, "; median ");
		lerq__stats_tenths(b, lerq__stats_rank(d, 1, 2));
		lerq__buf_puts(b, " h, 90th percentile ");
		lerq__stats_tenths(b, lerq__stats_rank(d, 9, 10));
		lerq__buf_puts(b, " h, longest ");
		lerq__stats_tenths(b, d->tenths[d->count - 1]);
		lerq__buf_puts(b, " h");
	}
	lerq__buf_puts(b, "\n");
}

static void write_text(struct lerq__buf *b, const struct lerq_stats *s, const struct figures *f)
{
	lerq__buf_printf(b, "Documents: %llu read, %llu invalid (not used), %llu valid requests, "
	                  "%llu valid responses\n",
	                  (unsigned long long)s->read, (unsigned long long)s->invalid,
	                  (unsigned long long)s->requests, (unsigned long long)s->responses);
	tally_lines(b, "documents with each error", &s->by_code);
	lerq__buf_puts(b, "\nRequests (selected by the date of IssuedAt):\n");
	words_lines(b, "by type", lerq__stats_types, s->by_type, TYPE_COUNT);
	words_lines(b, "by priority", lerq__stats_priorities, s->by_priority, PRIORITY_COUNT);
	words_lines(b, "by channel", lerq__stats_channels, s->by_channel, CHANNEL_COUNT);
	tally_lines(b, "by authority country", &s->by_authority_country);
	tally_lines(b, "by provider country", &s->by_provider_country);
	words_lines(b, "items by category", lerq__stats_item_categories, s->by_item_category,
	            ITEM_CATEGORY_COUNT);
	words_lines(b, "offences by category", lerq__stats_offence_categories,
	            s->by_offence_category, OFFENCE_CATEGORY_COUNT);
	tally_lines(b, "by month", &s->by_month);
	lerq__buf_printf(b, "\nResponses: %llu matched to a request read, %llu not\n",
	                  (unsigned long long)f->matched, (unsigned long long)f->unmatched);
	words_lines(b, "by status", lerq__stats_statuses, s->by_status, STATUS_COUNT);
	words_lines(b, "results by outcome", lerq__stats_outcomes, s->by_outcome, OUTCOME_COUNT);
	words_lines(b, "refusal reasons", lerq__stats_reasons, s->by_reason, REASON_COUNT);
	lerq__buf_puts(b, "\nDelays, request to (latest) response, in hours:\n");
	delay_line(b, "all", &f->all);
	for (size_t p = 0; p < PRIORITY_COUNT; p++)
		if (f->by_priority[p].count > 0)
			delay_line(b, lerq__stats_priorities[p], &f->by_priority[p]);
	lerq__buf_printf(b, "\nOpen: %llu unanswered, of which %llu overdue; %llu answered "
	                  "after RespondBy\n", (unsigned long long)f->unanswered,
	                  (unsigned long long)f->overdue, (unsigned long long)f->answered_late);
	lerq__buf_printf(b, "Preservations: %llu active, %llu ending within 14 days with no "
	                  "follow-up\n", (unsigned long long)f->active,
	                  (unsigned long long)f->expiring);
}

LERQ_EXPORT int lerq_stats_to_text(const struct lerq_stats *stats, char **out, size_t *size)
{
	return lerq__stats_output(stats, write_text, out, size);
}
