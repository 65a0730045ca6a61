/* SPDX-License-Identifier: MIT */
/* Times and dates of a request: when it was issued, the deadline, the
 * moment or period of the data, and dates that must not have passed.
 * Instants compare as instants (time zones accounted for); "the date of
 * IssuedAt" is the calendar date as written, in its own time zone (spec
 * section 4), so date rules compare year-month-day fields. How long data
 * are preserved (R021) is here too; the 60 days of a cross-border
 * preservation (R013) are a matter of borders, in channel.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

/* Clocks drift: a request stamped a little ahead of the validator is not
 * from the future. */
#define CLOCK_SKEW (5 * MINUTE)
/* G§31: a routine request leaves the provider at least this long. */
#define ROUTINE_NOTICE (72 * HOUR)
/* G§27: a specific period, at most a (leap) year. */
#define PERIOD_MAX (366 * (int64_t)DAY)

/* The request's IssuedAt node and value; NULL when absent or malformed. */
static xmlNodePtr issued_at(struct lerq_rule_run *run, struct lerq_datetime *dt)
{
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_ISSUED_AT, NULL);
	return lerq__rule_datetime(run, node, dt) ? node : NULL;
}

/* LERQ-R003 */
int lerq__rule_issued_in_future(struct lerq_rule_run *run)
{
	struct lerq_datetime issued;
	xmlNodePtr node = issued_at(run, &issued);
	if (node != NULL && issued.instant > run->now + CLOCK_SKEW)
		lerq__rule_report(run, LERQ_R003, node,
		            "IssuedAt \"%s\" is %s after the validation time %s; give "
		            "the time at which the request was actually issued",
		            lerq__rule_text(run, node),
		            lerq__rule_duration(run, issued.instant - run->now),
		            lerq__rule_utc(run, run->now));
	return run->status;
}

/* LERQ-R004 */
int lerq__rule_respond_by_not_after_issue(struct lerq_rule_run *run)
{
	struct lerq_datetime issued, respond;
	xmlNodePtr issued_node = issued_at(run, &issued);
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_RESPOND_BY, NULL);
	if (issued_node != NULL && lerq__rule_datetime(run, node, &respond) &&
	    respond.instant <= issued.instant)
		lerq__rule_report(run, LERQ_R004, node,
		            "RespondBy \"%s\" is not after IssuedAt \"%s\"; give the "
		            "provider a deadline later than the time of issue",
		            lerq__rule_text(run, node), lerq__rule_text(run, issued_node));
	return run->status;
}

/* LERQ-R005. A deadline not after IssuedAt is R004's finding alone. */
int lerq__rule_routine_deadline_short(struct lerq_rule_run *run)
{
	struct lerq_datetime issued, respond;
	xmlNodePtr issued_node = issued_at(run, &issued);
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_RESPOND_BY, NULL);
	const char *priority = lerq__rule_text(run, lerq__rule_first(run, XP_REQ_PRIORITY, NULL));
	if (issued_node == NULL || !lerq__rule_datetime(run, node, &respond) ||
	    strcmp(priority, "routine") != 0)
		return run->status;
	int64_t notice = respond.instant - issued.instant;
	if (notice > 0 && notice < ROUTINE_NOTICE)
		lerq__rule_report(run, LERQ_R005, node,
		            "RespondBy \"%s\" leaves the provider only %s after IssuedAt "
		            "for a routine request; allow at least 72 hours or, if the "
		            "matter cannot wait, set Priority to urgent",
		            lerq__rule_text(run, node), lerq__rule_duration(run, notice));
	return run->status;
}

static const char *item_id(struct lerq_rule_run *run, xmlNodePtr item)
{
	const char *id = lerq__rule_attr(run, item, "id");
	return id ? lerq__rule_show(run, id) : "?";
}

/* A time of the data after IssuedAt. */
static void report_future(struct lerq_rule_run *run, xmlNodePtr item, xmlNodePtr node,
                          const char *field, xmlNodePtr issued_node)
{
	lerq__rule_report(run, LERQ_R006, node,
	            "%s \"%s\" of Item \"%s\" is after IssuedAt \"%s\"; ask only for data "
	            "that existed when the request was issued (data yet to come would "
	            "be interception)",
	            field, lerq__rule_text(run, node), item_id(run, item),
	            lerq__rule_text(run, issued_node));
}

/* LERQ-R006: at most one finding per time, the reversed period first. */
int lerq__rule_data_time_order(struct lerq_rule_run *run)
{
	struct lerq_datetime issued, t, start, end;
	xmlNodePtr issued_node = issued_at(run, &issued);
	struct lerq_rule_nodes items = lerq__rule_select(run, XP_REQ_ITEMS, NULL);
	for (size_t i = 0; i < items.count; i++) {
		xmlNodePtr item = items.node[i];
		xmlNodePtr at = lerq__rule_first(run, XP_ITEM_AT, item);
		if (issued_node && lerq__rule_datetime(run, at, &t) && t.instant > issued.instant)
			report_future(run, item, at, "At", issued_node);

		xmlNodePtr period = lerq__rule_first(run, XP_ITEM_PERIOD, item);
		if (period == NULL)
			continue;
		xmlNodePtr start_node = lerq__rule_first(run, XP_PERIOD_START, period);
		xmlNodePtr end_node = lerq__rule_first(run, XP_PERIOD_END, period);
		bool has_start = lerq__rule_datetime(run, start_node, &start);
		bool has_end = lerq__rule_datetime(run, end_node, &end);
		if (has_start && issued_node && start.instant > issued.instant)
			report_future(run, item, start_node, "Period Start", issued_node);
		if (has_start && has_end && end.instant <= start.instant)
			lerq__rule_report(run, LERQ_R006, end_node,
			            "Period End \"%s\" of Item \"%s\" is not after its Start "
			            "\"%s\"; give an end later than the start",
			            lerq__rule_text(run, end_node), item_id(run, item),
			            lerq__rule_text(run, start_node));
		else if (has_end && issued_node && end.instant > issued.instant)
			report_future(run, item, end_node, "Period End", issued_node);
	}
	return run->status;
}

/* LERQ-R007. A reversed period is R006's. */
int lerq__rule_period_too_long(struct lerq_rule_run *run)
{
	struct lerq_datetime start, end;
	struct lerq_rule_nodes items = lerq__rule_select(run, XP_REQ_ITEMS, NULL);
	for (size_t i = 0; i < items.count; i++) {
		xmlNodePtr period = lerq__rule_first(run, XP_ITEM_PERIOD, items.node[i]);
		if (period == NULL)
			continue;
		xmlNodePtr start_node = lerq__rule_first(run, XP_PERIOD_START, period);
		xmlNodePtr end_node = lerq__rule_first(run, XP_PERIOD_END, period);
		if (!lerq__rule_datetime(run, start_node, &start) ||
		    !lerq__rule_datetime(run, end_node, &end) ||
		    end.instant - start.instant <= PERIOD_MAX)
			continue;
		lerq__rule_report(run, LERQ_R007, period,
		            "Period of Item \"%s\", from \"%s\" to \"%s\", lasts %s; ask "
		            "for at most 366 days, or split it and explain each part",
		            item_id(run, items.node[i]), lerq__rule_text(run, start_node),
		            lerq__rule_text(run, end_node),
		            lerq__rule_duration(run, end.instant - start.instant));
	}
	return run->status;
}

/* A date before the date of IssuedAt as written. */
static bool before_issue_date(struct lerq_rule_run *run, xmlNodePtr node,
                              const struct lerq_datetime *issued)
{
	struct lerq_datetime date;
	return lerq__rule_date(run, node, &date) &&
	       lerq__rule_calendar_day(&date) < lerq__rule_calendar_day(issued);
}

/* The calendar date as written: "2026-03-01". */
static const char *issue_date(struct lerq_rule_run *run, const struct lerq_datetime *dt)
{
	return lerq__rule_format(run, "%04lld-%02d-%02d", (long long)dt->year, dt->month,
	                   dt->day);
}

/* LERQ-R017 */
int lerq__rule_confidentiality_ends_early(struct lerq_rule_run *run)
{
	struct lerq_datetime issued;
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_CONFIDENTIALITY_UNTIL, NULL);
	if (issued_at(run, &issued) && before_issue_date(run, node, &issued))
		lerq__rule_report(run, LERQ_R017, node,
		            "Confidentiality Until \"%s\" is before the date of "
		            "IssuedAt, %s; give a date on or after it",
		            lerq__rule_text(run, node), issue_date(run, &issued));
	return run->status;
}

/* LERQ-R019 */
int lerq__rule_authorisation_expired(struct lerq_rule_run *run)
{
	struct lerq_datetime issued;
	if (!issued_at(run, &issued))
		return run->status;
	struct lerq_rule_nodes auths = lerq__rule_select(run, XP_REQ_AUTHORISATIONS, NULL);
	for (size_t i = 0; i < auths.count; i++) {
		xmlNodePtr node = lerq__rule_first(run, XP_AUTH_VALID_UNTIL, auths.node[i]);
		if (!before_issue_date(run, node, &issued))
			continue;
		const char *ref = lerq__rule_text(run, lerq__rule_first(run, XP_AUTH_REFERENCE, auths.node[i]));
		lerq__rule_report(run, LERQ_R019, node,
		            "Authorisation \"%s\" was valid until \"%s\", before the "
		            "date of IssuedAt, %s; base the request on an "
		            "authorisation in force",
		            lerq__rule_show(run, ref), lerq__rule_text(run, node),
		            issue_date(run, &issued));
	}
	return run->status;
}

/* C-Art 16.2: preservation "for a period as long as necessary, up to a
 * maximum of ninety days", which a Party may renew. */
#define PRESERVATION_DAYS_MAX 90

/* LERQ-R021. The schema allows up to 365 days (revision 1.0 documents
 * ask for that); beyond 90 the request should be renewed instead, so a
 * longer one is a warning, not an error. */
int lerq__rule_preservation_beyond_90_days(struct lerq_rule_run *run)
{
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_PRESERVATION_DAYS, NULL);
	if (node == NULL)
		return run->status;
	const char *text = lerq__rule_text(run, node);
	char *end;
	errno = 0;
	long long days = strtoll(text, &end, 10);
	/* Not a number: the schema's finding. */
	if (end == text || *end != '\0' || errno != 0 || days <= PRESERVATION_DAYS_MAX)
		return run->status;
	lerq__rule_report(run, LERQ_R021, node,
	            "Preservation Days \"%s\" is more than 90: the Convention foresees "
	            "preservation for up to 90 days, then a renewal; ask for 90 days at most and "
	            "renew with a new request that relates to this one as \"extends\"",
	            lerq__rule_show(run, text));
	return run->status;
}
