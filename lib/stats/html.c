/* SPDX-License-Identifier: MIT */
/* lerq stats --html: one self-contained page, made from the same figures
 * as the JSON object. Charts are inline SVG drawn here; the page has its
 * style inline, no script, and nothing that is fetched (no link, image,
 * font or frame). Every text written is escaped, though all of it is
 * lerq's own words, numbers, country codes and finding codes. */
#include <stdlib.h>
#include <time.h>

#include "stats/stats.h"

static void esc(struct lerq__buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': lerq__buf_puts(b, "&amp;"); break;
		case '<': lerq__buf_puts(b, "&lt;"); break;
		case '>': lerq__buf_puts(b, "&gt;"); break;
		case '"': lerq__buf_puts(b, "&quot;"); break;
		case '\'': lerq__buf_puts(b, "&#39;"); break;
		default: lerq__buf_printf(b, "%c", *s);
		}
	}
}

/* One bar chart: a label, a bar and the count per row. */
struct bars {
	const char *labels[64];
	uint64_t counts[64];
	size_t n;
};

static void bars_words(struct bars *bs, const char *const *words, const uint64_t *counts,
                       size_t n, bool zeros)
{
	bs->n = 0;
	for (size_t i = 0; i < n && bs->n < 64; i++) {
		if (counts[i] == 0 && !zeros)
			continue;
		bs->labels[bs->n] = words[i];
		bs->counts[bs->n++] = counts[i];
	}
}

static void draw_bars(struct lerq__buf *b, const char *title, const struct bars *bs,
                      const char *colour)
{
	lerq__buf_puts(b, "<figure><figcaption>");
	esc(b, title);
	lerq__buf_puts(b, "</figcaption>");
	if (bs->n == 0) {
		lerq__buf_puts(b, "<p class=\"none\">none</p></figure>\n");
		return;
	}
	uint64_t max = 1;
	for (size_t i = 0; i < bs->n; i++)
		if (bs->counts[i] > max)
			max = bs->counts[i];
	const unsigned row = 22, label_w = 190, bar_w = 250;
	lerq__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" "
	                  "height=\"%zu\" role=\"img\">", label_w + bar_w + 70,
	                  bs->n * row + 4);
	for (size_t i = 0; i < bs->n; i++) {
		unsigned y = (unsigned)i * row;
		unsigned w = (unsigned)((double)bs->counts[i] / (double)max * bar_w);
		/* A zero gets no bar at all; a small count at least a sliver. */
		lerq__buf_printf(b, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">", label_w - 6,
		                  y + 15);
		esc(b, bs->labels[i]);
		lerq__buf_printf(b, "</text><rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" "
		                  "fill=\"%s\"/><text x=\"%u\" y=\"%u\">%llu</text>", label_w,
		                  y + 3, w || !bs->counts[i] ? w : 1, row - 6, colour, label_w + w + 6,
		                  y + 15, (unsigned long long)bs->counts[i]);
	}
	lerq__buf_puts(b, "</svg></figure>\n");
}

/* Maps show the values that occur, as the JSON does. */
static void chart_words(struct lerq__buf *b, const char *title, const char *const *words,
                        const uint64_t *counts, size_t n, const char *colour)
{
	struct bars bs;
	bars_words(&bs, words, counts, n, false);
	draw_bars(b, title, &bs, colour);
}

/* Fixed figures (open, preservations): a 0 there is news, shown too. */
static void chart_figures(struct lerq__buf *b, const char *title, const char *const *words,
                          const uint64_t *counts, size_t n, const char *colour)
{
	struct bars bs;
	bars_words(&bs, words, counts, n, true);
	draw_bars(b, title, &bs, colour);
}

/* A tally may have more rows than a chart shows (months of many years,
 * every country): the chart takes 64 rows at most, and says so. */
static void chart_tally(struct lerq__buf *b, const char *title, const struct tally *t,
                        const char *colour)
{
	struct bars bs = { .n = 0 };
	size_t first = t->n > 64 ? t->n - 64 : 0;
	for (size_t i = first; i < t->n; i++) {
		bs.labels[bs.n] = t->keys[i];
		bs.counts[bs.n++] = t->counts[i];
	}
	draw_bars(b, title, &bs, colour);
	if (first > 0)
		lerq__buf_printf(b, "<p class=\"none\">%zu more not shown (see --json)</p>\n", first);
}

static void hours(struct lerq__buf *b, int64_t tenths)
{
	lerq__stats_tenths(b, tenths);
	lerq__buf_puts(b, " h");
}

/* The histogram of all delays, with the median and the 90th percentile
 * marked by vertical lines. */
static void histogram(struct lerq__buf *b, const struct delays *d)
{
	lerq__buf_puts(b, "<figure><figcaption>Delays from request to response, all "
	               "priorities (hours)</figcaption>");
	if (d->count == 0) {
		lerq__buf_puts(b, "<p class=\"none\">no request was answered</p></figure>\n");
		return;
	}
	enum { BINS = 24 };
	const int64_t lo = d->tenths[0] < 0 ? d->tenths[0] : 0, hi = d->tenths[d->count - 1];
	int64_t width = (hi - lo) / BINS + 1;
	uint64_t bins[BINS] = { 0 }, top = 1;
	for (size_t i = 0; i < d->count; i++) {
		size_t k = (size_t)((d->tenths[i] - lo) / width);
		if (k >= BINS)
			k = BINS - 1;
		if (++bins[k] > top)
			top = bins[k];
	}
	const unsigned left = 50, plot_w = 600, plot_h = 200, bin_w = plot_w / BINS;
	lerq__buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" "
	                  "height=\"%u\" role=\"img\">", left + plot_w + 20, plot_h + 70);
	for (size_t k = 0; k < BINS; k++) {
		unsigned h = (unsigned)((double)bins[k] / (double)top * plot_h);
		if (bins[k] > 0)
			lerq__buf_printf(b, "<rect x=\"%zu\" y=\"%u\" width=\"%u\" height=\"%u\" "
			                  "fill=\"#4a78a8\"><title>%llu</title></rect>",
			                  left + k * bin_w + 1, 20 + plot_h - h, bin_w - 2, h ? h : 1,
			                  (unsigned long long)bins[k]);
	}
	lerq__buf_printf(b, "<line x1=\"%u\" y1=\"%u\" x2=\"%u\" y2=\"%u\" stroke=\"#333\"/>",
	                  left, 20 + plot_h, left + plot_w, 20 + plot_h);
	lerq__buf_printf(b, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">%llu</text>"
	                  "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">0</text>",
	                  left - 6, 30, (unsigned long long)top, left - 6, 20 + plot_h);
	lerq__buf_printf(b, "<text x=\"%u\" y=\"%u\">", left, plot_h + 38);
	hours(b, lo);
	lerq__buf_printf(b, "</text><text x=\"%u\" y=\"%u\" text-anchor=\"end\">",
	                  left + plot_w, plot_h + 38);
	hours(b, lo + width * BINS);
	lerq__buf_puts(b, "</text>");
	const struct {
		const char *name;
		int64_t value;
		const char *colour;
		unsigned y;
	} marks[] = {
		{ "median", lerq__stats_rank(d, 1, 2), "#c0392b", 14 },
		{ "p90", lerq__stats_rank(d, 9, 10), "#8e44ad", plot_h + 60 },
	};
	for (size_t m = 0; m < 2; m++) {
		unsigned x = left + (unsigned)((double)(marks[m].value - lo) /
		                               (double)(width * BINS) * plot_w);
		lerq__buf_printf(b, "<line x1=\"%u\" y1=\"18\" x2=\"%u\" y2=\"%u\" stroke=\"%s\" "
		                  "stroke-width=\"2\" stroke-dasharray=\"5,3\"/>"
		                  "<text x=\"%u\" y=\"%u\" fill=\"%s\">%s ", x, x, plot_h + 46,
		                  marks[m].colour, x + 4, marks[m].y, marks[m].colour, marks[m].name);
		hours(b, marks[m].value);
		lerq__buf_puts(b, "</text>");
	}
	lerq__buf_puts(b, "</svg></figure>\n");
}

static void delay_row(struct lerq__buf *b, const char *name, const struct delays *d)
{
	lerq__buf_puts(b, "<tr><th>");
	esc(b, name);
	lerq__buf_printf(b, "</th><td>%zu</td>", d->count);
	if (d->count == 0) {
		lerq__buf_puts(b, "<td></td><td></td><td></td></tr>\n");
		return;
	}
	lerq__buf_puts(b, "<td>");
	hours(b, lerq__stats_rank(d, 1, 2));
	lerq__buf_puts(b, "</td><td>");
	hours(b, lerq__stats_rank(d, 9, 10));
	lerq__buf_puts(b, "</td><td>");
	hours(b, d->tenths[d->count - 1]);
	lerq__buf_puts(b, "</td></tr>\n");
}

static void write_html(struct lerq__buf *b, const struct lerq_stats *s, const struct figures *f)
{
	char now[32] = "";
	time_t t = (time_t)s->now;
	struct tm tm;
	if (gmtime_r(&t, &tm) != NULL)
		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	lerq__buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	               "'none'; style-src 'unsafe-inline'\">"
	               "<title>lerq statistics</title><style>"
	               "body{font-family:sans-serif;margin:2em;color:#222;max-width:1100px}"
	               "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}"
	               "figure{display:inline-block;vertical-align:top;margin:0.5em 2em 1em 0}"
	               "figcaption{font-weight:bold;margin-bottom:0.3em}"
	               "svg text{font-size:13px;font-family:sans-serif}"
	               ".none{color:#777;font-style:italic}"
	               "table{border-collapse:collapse;margin:0.5em 0}"
	               "td,th{border:1px solid #ccc;padding:0.25em 0.7em;text-align:right}"
	               "th{text-align:left;background:#f3f3f3}"
	               ".big{font-size:1.4em;font-weight:bold}"
	               "</style></head><body>\n<h1>Requests and responses: statistics</h1>\n");
	lerq__buf_puts(b, "<p>As of ");
	esc(b, now);
	lerq__buf_puts(b, " (UTC). Aggregate figures only (Guidelines G§40, G§54, G§58): "
	               "no identifier, name or text of any document.</p>\n");
	lerq__buf_printf(b, "<h2>Documents</h2><table><tr><th>read</th><td>%llu</td></tr>"
	                  "<tr><th>invalid (not used)</th><td>%llu</td></tr>"
	                  "<tr><th>valid requests</th><td>%llu</td></tr>"
	                  "<tr><th>valid responses</th><td>%llu</td></tr></table>\n",
	                  (unsigned long long)s->read, (unsigned long long)s->invalid,
	                  (unsigned long long)s->requests, (unsigned long long)s->responses);
	chart_tally(b, "Invalid documents by error code", &s->by_code, "#b03a2e");

	lerq__buf_puts(b, "<h2>Volumes</h2>\n");
	chart_words(b, "Requests by type", lerq__stats_types, s->by_type, TYPE_COUNT, "#4a78a8");
	chart_words(b, "Requests by priority", lerq__stats_priorities, s->by_priority,
	            PRIORITY_COUNT, "#4a78a8");
	chart_words(b, "Requests by channel", lerq__stats_channels, s->by_channel,
	            CHANNEL_COUNT, "#4a78a8");
	chart_words(b, "Items requested by category", lerq__stats_item_categories,
	            s->by_item_category, ITEM_CATEGORY_COUNT, "#3c8d6e");
	chart_words(b, "Offences by category", lerq__stats_offence_categories,
	            s->by_offence_category, OFFENCE_CATEGORY_COUNT, "#3c8d6e");
	chart_tally(b, "Requests by month of IssuedAt", &s->by_month, "#4a78a8");
	chart_tally(b, "Requests by country of the authority", &s->by_authority_country,
	            "#7a6a9a");
	chart_tally(b, "Requests by country of the provider", &s->by_provider_country,
	            "#7a6a9a");

	lerq__buf_puts(b, "<h2>Delays</h2>\n");
	histogram(b, &f->all);
	lerq__buf_puts(b, "<table><tr><th>priority</th><th>answered</th><th>median</th>"
	               "<th>90th percentile</th><th>longest</th></tr>\n");
	delay_row(b, "all", &f->all);
	for (size_t p = 0; p < PRIORITY_COUNT; p++)
		delay_row(b, lerq__stats_priorities[p], &f->by_priority[p]);
	lerq__buf_puts(b, "</table>\n");

	lerq__buf_printf(b, "<h2>Outcomes</h2>\n<p>Responses matched to a request read: %llu; "
	                  "not matched: %llu.</p>\n", (unsigned long long)f->matched,
	                  (unsigned long long)f->unmatched);
	chart_words(b, "Responses by status", lerq__stats_statuses, s->by_status, STATUS_COUNT,
	            "#3c8d6e");
	chart_words(b, "Results by outcome", lerq__stats_outcomes, s->by_outcome, OUTCOME_COUNT,
	            "#3c8d6e");
	chart_words(b, "Refusal reasons", lerq__stats_reasons, s->by_reason, REASON_COUNT,
	            "#b03a2e");

	lerq__buf_puts(b, "<h2>Open and overdue requests</h2>\n");
	static const char *const open_words[] = { "unanswered", "of which overdue",
	                                          "answered after RespondBy" };
	const uint64_t open[] = { f->unanswered, f->overdue, f->answered_late };
	chart_figures(b, "Requests", open_words, open, 3, "#d68910");

	lerq__buf_puts(b, "<h2>Preservations</h2>\n");
	static const char *const pres_words[] = { "active",
	                                          "ending within 14 days" };
	const uint64_t pres[] = { f->active, f->expiring };
	chart_figures(b, "Preservation requests (G§35)", pres_words, pres, 2, "#d68910");
	lerq__buf_printf(b, "<p class=\"big\">%llu preservation%s end%s within 14 days without "
	                  "a follow-up.</p>\n", (unsigned long long)f->expiring,
	                  f->expiring == 1 ? "" : "s", f->expiring == 1 ? "s" : "");
	lerq__buf_puts(b, "</body></html>\n");
}

LERQ_EXPORT int lerq_stats_to_html(const struct lerq_stats *stats, char **out, size_t *size)
{
	return lerq__stats_output(stats, write_html, out, size);
}
