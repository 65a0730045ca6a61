/* SPDX-License-Identifier: MIT */
/* Responses (G§52-57): every refusal gives its reason, every preservation
 * its end, the times are in order, and Status agrees with the outcomes. */
#include <string.h>

#include "rules/rules.h"

static const char *result_item(struct lerq_rule_run *run, xmlNodePtr result)
{
	const char *item = lerq__rule_attr(run, result, "item");
	return item ? lerq__rule_show(run, item) : "?";
}

static const char *outcome(struct lerq_rule_run *run, xmlNodePtr result)
{
	const char *o = lerq__rule_attr(run, result, "outcome");
	return o ? o : "";
}

/* LERQ-R101 */
int lerq__rule_not_provided_without_reason(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes results = lerq__rule_select(run, XP_RSP_RESULTS, NULL);
	for (size_t i = 0; i < results.count; i++) {
		xmlNodePtr r = results.node[i];
		if (strcmp(outcome(run, r), "not-provided") == 0 &&
		    lerq__rule_first(run, XP_RESULT_REASON, r) == NULL)
			lerq__rule_report(run, LERQ_R101, r,
			            "Result for item \"%s\" is \"not-provided\" but gives no "
			            "Reason; add a Reason with its code",
			            result_item(run, r));
	}
	return run->status;
}

/* LERQ-R102 */
int lerq__rule_preserved_without_date(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes results = lerq__rule_select(run, XP_RSP_RESULTS, NULL);
	for (size_t i = 0; i < results.count; i++) {
		xmlNodePtr r = results.node[i];
		if (strcmp(outcome(run, r), "preserved") == 0 &&
		    lerq__rule_first(run, XP_RESULT_PRESERVED_UNTIL, r) == NULL)
			lerq__rule_report(run, LERQ_R102, r,
			            "Result for item \"%s\" is \"preserved\" but has no "
			            "PreservedUntil; give the date until which the data "
			            "are kept", result_item(run, r));
	}
	return run->status;
}

/* LERQ-R103: equal times are fine (an answer given on receipt). */
int lerq__rule_issued_before_received(struct lerq_rule_run *run)
{
	struct lerq_datetime received, issued;
	xmlNodePtr received_node = lerq__rule_first(run, XP_RSP_RECEIVED_AT, NULL);
	xmlNodePtr issued_node = lerq__rule_first(run, XP_RSP_ISSUED_AT, NULL);
	if (lerq__rule_datetime(run, received_node, &received) &&
	    lerq__rule_datetime(run, issued_node, &issued) &&
	    issued.instant < received.instant)
		lerq__rule_report(run, LERQ_R103, issued_node,
		            "IssuedAt \"%s\" is before ReceivedAt \"%s\"; a response "
		            "cannot be issued before the request arrived, so correct "
		            "one of the two times",
		            lerq__rule_text(run, issued_node), lerq__rule_text(run, received_node));
	return run->status;
}

struct tally {
	size_t provided, not_provided, preserved, total;
	/* The first Result of each outcome, to name in a message. */
	xmlNodePtr first_provided, first_not_provided, first_preserved;
};

static void count_outcomes(struct lerq_rule_run *run, struct tally *t)
{
	memset(t, 0, sizeof(*t));
	struct lerq_rule_nodes results = lerq__rule_select(run, XP_RSP_RESULTS, NULL);
	for (size_t i = 0; i < results.count; i++) {
		xmlNodePtr r = results.node[i];
		const char *o = outcome(run, r);
		t->total++;
		if (strcmp(o, "provided") == 0) {
			t->provided++;
			t->first_provided = t->first_provided ? t->first_provided : r;
		} else if (strcmp(o, "not-provided") == 0) {
			t->not_provided++;
			t->first_not_provided = t->first_not_provided ? t->first_not_provided : r;
		} else if (strcmp(o, "preserved") == 0) {
			t->preserved++;
			t->first_preserved = t->first_preserved ? t->first_preserved : r;
		}
	}
}

/* The Status that fits the outcomes, for the message. */
static const char *fitting_status(const struct tally *t)
{
	if (t->provided == t->total)
		return "use fulfilled";
	if (t->preserved == t->total)
		return "use preserved";
	if (t->not_provided == t->total)
		return "use rejected or no-data";
	if (t->not_provided > 0)
		return "use partially-fulfilled";
	/* Provided and preserved, nothing refused: the spec has no Status
	 * for that mix. */
	return "no Status fits provided and preserved outcomes together, so "
	       "answer them in separate responses";
}

/* The first Result whose outcome is not `wanted`. */
static xmlNodePtr first_other(const struct tally *t, const char *wanted)
{
	xmlNodePtr candidates[3] = {
		strcmp(wanted, "provided") ? t->first_provided : NULL,
		strcmp(wanted, "not-provided") ? t->first_not_provided : NULL,
		strcmp(wanted, "preserved") ? t->first_preserved : NULL,
	};
	xmlNodePtr first = NULL;
	for (int i = 0; i < 3; i++)
		if (candidates[i] && (first == NULL || xmlXPathCmpNodes(candidates[i], first) == 1))
			first = candidates[i];
	return first;
}

/* LERQ-R104 */
int lerq__rule_status_contradicts_outcomes(struct lerq_rule_run *run)
{
	xmlNodePtr node = lerq__rule_first(run, XP_RSP_STATUS, NULL);
	if (node == NULL)
		return run->status;
	const char *status = lerq__rule_text(run, node);
	struct tally t;
	count_outcomes(run, &t);
	if (t.total == 0)
		return run->status;

	const char *wanted = NULL; /* the outcome every Result must have */
	if (strcmp(status, "fulfilled") == 0)
		wanted = "provided";
	else if (strcmp(status, "preserved") == 0)
		wanted = "preserved";
	else if (strcmp(status, "rejected") == 0 || strcmp(status, "no-data") == 0)
		wanted = "not-provided";

	if (wanted != NULL) {
		xmlNodePtr other = first_other(&t, wanted);
		if (other != NULL)
			lerq__rule_report(run, LERQ_R104, node,
			            "Status \"%s\" needs every Result %s, but the Result "
			            "for item \"%s\" is \"%s\"; %s, or correct the outcome",
			            status, wanted, result_item(run, other),
			            outcome(run, other), fitting_status(&t));
	} else if (strcmp(status, "partially-fulfilled") == 0 &&
	           (t.not_provided == 0 || t.not_provided == t.total)) {
		lerq__rule_report(run, LERQ_R104, node,
		            "Status \"partially-fulfilled\" needs at least one Result "
		            "not-provided and one provided or preserved, but %s; %s",
		            t.not_provided == 0 ? "none is not-provided"
		                                : "every Result is not-provided",
		            fitting_status(&t));
	}
	return run->status;
}
