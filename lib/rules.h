/* SPDX-License-Identifier: MIT */
/* The rules beyond the schema (spec section 4): what a rule body sees and
 * the helpers the bodies share. Private to liblerq.
 *
 * A rule is one function `int rule_x(struct rule_run *run)` in a
 * rules-CONCERN.c file, listed once in the table of rules.c with the code
 * it reports and the root it applies to; code, severity, ref and title
 * come from the code table (codes.c). Adding a rule: a row in codes.c and
 * enum lerq_code, the function, its row in rules.c, and, if it needs a new
 * path, a name in enum rule_xpath with its expression in rules.c.
 *
 * Rule bodies never free anything: strings and node lists they get from
 * the helpers belong to the run and are released after each rule. Errors
 * are sticky: the first failure (out of memory, an XPath evaluation that
 * failed) is kept in run->status, every later helper call returns an empty
 * answer, and the runner discards the findings. So a body just returns
 * run->status, and a failure can never pass for "no finding". */
#ifndef LERQ_RULES_H
#define LERQ_RULES_H

#include <stdbool.h>

#include <libxml/xpath.h>

#include "lerq-private.h"

/* Every location the rules look at, compiled once per context. "l" is the
 * lerq namespace. Paths starting with "/" are absolute; the others are
 * relative to the node passed as `from`. */
enum rule_xpath {
	/* Request */
	XP_REQ_ISSUED_AT,
	XP_REQ_PRIORITY,
	XP_REQ_RESPOND_BY,
	XP_REQ_RELATES_TO,
	XP_REQ_WEBSITE,
	XP_REQ_CONTACT_EMAILS,
	XP_REQ_AUTHORITY_COUNTRY,
	XP_REQ_PROVIDER_COUNTRY,
	XP_REQ_AUTHORISATIONS,
	XP_REQ_CHANNEL,
	XP_REQ_INVESTIGATION,
	XP_REQ_SUMMARY,
	XP_REQ_DATA_REQUESTED,
	XP_REQ_ITEMS,
	XP_REQ_PRESERVATION,
	XP_REQ_PRESERVATION_DAYS,
	XP_REQ_EMERGENCY,
	XP_REQ_CONFIDENTIALITY_UNTIL,
	/* Relative to an Item */
	XP_ITEM_IDENTIFIERS,
	XP_ITEM_AT,
	XP_ITEM_PERIOD,
	XP_ITEM_RELEVANCE,
	/* Relative to a Period */
	XP_PERIOD_START,
	XP_PERIOD_END,
	/* Relative to an Authorisation */
	XP_AUTH_REFERENCE,
	XP_AUTH_VALID_UNTIL,
	/* Response */
	XP_RSP_RECEIVED_AT,
	XP_RSP_ISSUED_AT,
	XP_RSP_STATUS,
	XP_RSP_RESULTS,
	/* Relative to a Result */
	XP_RESULT_REASON,
	XP_RESULT_PRESERVED_UNTIL,
	XP_COUNT
};

/* Which documents a rule applies to. The request+response rules
 * (R201-R204) live in pair.c; should they move here, they get a RULE_PAIR
 * scope, a second document and XPath context in struct rule_run, and a
 * runner of their own that takes both documents. */
enum rule_scope {
	RULE_REQUEST,
	RULE_RESPONSE,
};

struct rule_finding;

/* One rule run on one document; lives on the runner's stack. */
struct rule_run {
	const struct lerq_rules *rules;
	xmlDocPtr doc;
	xmlNodePtr root;
	xmlXPathContextPtr xpath; /* the document's own, fresh per run */
	lerq_time_t now;
	int status; /* LERQ_OK until the first failure */

	/* Findings, sorted into document order when the run ends. */
	struct rule_finding *findings;
	size_t finding_count, finding_alloc;
	size_t sequence;

	/* What the helpers handed out to the current rule. */
	void **owned_strings;
	size_t owned_string_count, owned_string_alloc;
	xmlXPathObjectPtr *owned_results;
	size_t owned_result_count, owned_result_alloc;
};

typedef int (*rule_fn)(struct rule_run *run);

struct rule_def {
	enum lerq_code code; /* the code it reports (R015 also its warning) */
	enum rule_scope scope;
	rule_fn check;
};

/* The rule table (rules.c), in the order the rules run; for tests. */
extern const struct rule_def lerq_rule_table[];
extern const size_t lerq_rule_table_count;

/* Runs only the rules whose table code is `code` (tests: a rule on its
 * own, or on a document the schema would refuse). As lerq_rules_run(). */
int lerq_rules_run_code(const struct lerq_rules *rules, enum lerq_code code,
                        xmlDocPtr doc, lerq_time_t now,
                        struct lerq_report *report);

/* ---- helpers for rule bodies (rules.c) ---- */

/* A node list, valid until the rule returns. */
struct rule_nodes {
	xmlNodePtr *node;
	size_t count;
};

/* The nodes `xp` selects, from `from` (NULL: the root element). */
struct rule_nodes rule_select(struct rule_run *run, enum rule_xpath xp,
                              xmlNodePtr from);
/* The first of them, or NULL. */
xmlNodePtr rule_first(struct rule_run *run, enum rule_xpath xp, xmlNodePtr from);

/* An element's text, whitespace-collapsed as xs:token (trimmed, inner
 * runs of blanks made one space); "" for NULL or on failure. */
const char *rule_text(struct rule_run *run, xmlNodePtr node);
/* An unqualified attribute's value, collapsed; NULL when absent. */
const char *rule_attr(struct rule_run *run, xmlNodePtr element, const char *name);
/* A value cut to a length fit for a one-sentence message, with "..." */
const char *rule_show(struct rule_run *run, const char *value);

/* The node's value as xs:dateTime with zone, or as xs:date (the fields as
 * written). False when node is NULL or the value does not parse (the
 * schema reports that, so the rule stays silent). */
bool rule_datetime(struct rule_run *run, xmlNodePtr node, struct lerq_datetime *dt);
bool rule_date(struct rule_run *run, xmlNodePtr node, struct lerq_datetime *dt);

/* Days since 1970-01-01 of the calendar date as written (not of the UTC
 * instant): "the date of IssuedAt" in the spec. */
int64_t rule_calendar_day(const struct lerq_datetime *dt);

/* A string made from fmt, owned by the run ("" on failure). */
const char *rule_format(struct rule_run *run, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "2 days, 3 hours and 1 second"; owned by the run. */
const char *rule_duration(struct rule_run *run, int64_t seconds);
/* An instant as "2026-11-26T12:00:00Z"; owned by the run. */
const char *rule_utc(struct rule_run *run, lerq_time_t t);

/* Records a finding of `code` on node (its line and path) with a message
 * made from fmt. */
void rule_report(struct rule_run *run, enum lerq_code code, xmlNodePtr node,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ---- the rules ---- */

/* rules-source.c: who sent the request (G§24) */
int rule_contact_personal_mailbox(struct rule_run *run);  /* R001 */
int rule_contact_outside_website(struct rule_run *run);   /* R002 */
int rule_website_not_https(struct rule_run *run);         /* R018 */

/* rules-time.c: times and dates */
int rule_issued_in_future(struct rule_run *run);          /* R003 */
int rule_respond_by_not_after_issue(struct rule_run *run); /* R004 */
int rule_routine_deadline_short(struct rule_run *run);    /* R005 */
int rule_data_time_order(struct rule_run *run);           /* R006 */
int rule_period_too_long(struct rule_run *run);           /* R007 */
int rule_confidentiality_ends_early(struct rule_run *run); /* R017 */
int rule_authorisation_expired(struct rule_run *run);     /* R019 */

/* rules-data.c: the data requested */
int rule_ip_without_time(struct rule_run *run);           /* R008 */
int rule_ipv4_without_port(struct rule_run *run);         /* R009 */
int rule_identifier_malformed(struct rule_run *run);      /* R010 */
int rule_content_without_court_order(struct rule_run *run); /* R011 */
int rule_preservation_incomplete(struct rule_run *run);   /* R012 */
int rule_request_type_shape(struct rule_run *run);        /* R016 */

/* rules-channel.c: channel, borders and priority */
int rule_cross_border_preservation_short(struct rule_run *run); /* R013 */
int rule_cross_border_domestic_channel(struct rule_run *run);   /* R014 */
int rule_emergency_mismatch(struct rule_run *run);        /* R015 */

/* rules-response.c: responses */
int rule_not_provided_without_reason(struct rule_run *run); /* R101 */
int rule_preserved_without_date(struct rule_run *run);    /* R102 */
int rule_issued_before_received(struct rule_run *run);    /* R103 */
int rule_status_contradicts_outcomes(struct rule_run *run); /* R104 */

#endif
