/* SPDX-License-Identifier: MIT */
/* The rules beyond the schema (spec section 4): what a rule body sees and
 * the helpers the bodies share. Private to liblerq.
 *
 * A rule is one function `int lerq_rule_x(struct lerq_rule_run *run)` in a
 * rules/CONCERN.c file, listed once in the table of rules.c with the code
 * it reports and the root it applies to; code, severity, ref and title
 * come from the code table (codes.c). Adding a rule: a row in codes.c and
 * enum lerq_code, the function, its row in rules.c, and, if it needs a new
 * location, a name in enum lerq_rule_xpath with its steps in rules.c.
 *
 * Rule bodies never free anything: strings and node lists they get from
 * the helpers belong to the run (strings are released after each rule,
 * node lists when the run ends). Errors are sticky: the first failure
 * (out of memory, say) is kept in run->status, every later helper call returns an empty
 * answer, and the runner discards the findings. So a body just returns
 * run->status, and a failure can never pass for "no finding". */
#ifndef LERQ_RULES_H
#define LERQ_RULES_H

#include <stdbool.h>

#include <libxml/xpath.h>

#include "core/lerq-private.h"

/* ---- rules.c (issue 3): the rules no schema can express ------------ */
/* Compiled XPath expressions of every rule; read-only once made, so one
 * object serves any number of threads. */
struct lerq_rules;
/* Returns LERQ_OK, LERQ_ENOMEM, or LERQ_EINTERNAL if an expression of the
 * rule table does not compile. */
int lerq__rules_new(struct lerq_rules **out);
void lerq__rules_free(struct lerq_rules *rules);
/* Runs the rules that apply to doc's root (R0xx on a Request, R1xx on a
 * Response; nothing on anything else) and adds their findings to report,
 * in document order. Meant for documents that passed the schema. Numbers
 * the document's elements for XPath (xmlXPathOrderDocElems), so doc must
 * not be in use by another thread. Returns LERQ_OK, LERQ_ENOMEM, or
 * LERQ_EINTERNAL when an XPath evaluation failed: never "no finding"; on
 * failure the caller discards the report. */
int lerq__rules_run(const struct lerq_rules *rules, xmlDocPtr doc,
                   lerq_time_t now, struct lerq_report *report);

/* Every location the rules look at: chains of lerq elements (rules.c).
 * The absolute ones start at the root element; the others are children
 * of the node passed as `from`. */
enum lerq_rule_xpath {
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
	XP_REQ_PROVISIONS,
	XP_REQ_EMERGENCY_SUPERVISOR,
	/* Either root: identifiers, numbers, addresses and names (R023);
	 * every e-mail address (R024) */
	XP_TEXT_FIELDS,
	XP_ALL_EMAILS,
	/* Relative to an Item */
	XP_ITEM_IDENTIFIERS,
	XP_ITEM_AT,
	XP_ITEM_PERIOD,
	XP_ITEM_RELEVANCE,
	/* Relative to a Period */
	XP_PERIOD_START,
	XP_PERIOD_END,
	/* Relative to a Provision */
	XP_PROVISION_INSTRUMENT,
	XP_PROVISION_ARTICLE,
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
 * scope, a second document and its walk in struct lerq_rule_run, and a
 * runner of their own that takes both documents. */
enum lerq_rule_scope {
	RULE_REQUEST,
	RULE_RESPONSE,
};

struct lerq_rule_finding;

/* A node list, valid until the run ends. */
struct lerq_rule_nodes {
	xmlNodePtr *node;
	size_t count;
};

/* One rule run on one document; lives on the runner's stack. */
struct lerq_rule_run {
	const struct lerq_rules *rules;
	xmlDocPtr doc;
	xmlNodePtr root;
	lerq_time_t now;
	int status; /* LERQ_OK until the first failure */

	/* Findings, sorted into document order when the run ends. */
	struct lerq_rule_finding *findings;
	size_t finding_count, finding_alloc;
	size_t sequence;

	/* What the helpers handed out to the current rule. */
	void **owned_strings;
	size_t owned_string_count, owned_string_alloc;
	/* The nodes of every absolute path, collected by one walk down the
	 * document when the run starts (rules.c). */
	struct lerq_rule_nodes found[XP_COUNT];
	size_t found_alloc[XP_COUNT];
	/* Children selected so far by relative paths, by path and element:
	 * several rules ask for the same ones, and each is selected once. */
	struct lerq_rule_selection *selections;
	size_t selection_count, selection_alloc;
	/* Open-addressing index over selections by (xpath, from): a request
	 * with 100,000 Items makes hundreds of thousands of selections, and a
	 * linear search would make the rules quadratic. Slots hold index+1. */
	size_t *selection_index;
	size_t selection_index_size; /* a power of two, or 0 */
};

typedef int (*lerq_rule_fn)(struct lerq_rule_run *run);

struct lerq_rule_def {
	enum lerq_code code; /* the code it reports (R015 also its warning) */
	enum lerq_rule_scope scope;
	lerq_rule_fn check;
};

/* The rule table (rules.c), in the order the rules run; for tests. */
extern const struct lerq_rule_def lerq__rule_table[];
extern const size_t lerq__rule_table_count;

/* Runs only the rules whose table code is `code` (tests: a rule on its
 * own, or on a document the schema would refuse). As lerq__rules_run(). */
int lerq__rules_run_code(const struct lerq_rules *rules, enum lerq_code code,
                        xmlDocPtr doc, lerq_time_t now,
                        struct lerq_report *report);

/* Takes s (malloc'd) into the run, which frees it when it ends; on no
 * room frees it, fails the run and returns NULL (rules.c). */
char *lerq__rule_own(struct lerq_rule_run *run, char *s);

/* ---- helpers for rule bodies (rules.c) ---- */

/* The nodes `xp` selects, from `from` (NULL: the root element). */
struct lerq_rule_nodes lerq__rule_select(struct lerq_rule_run *run, enum lerq_rule_xpath xp,
                              xmlNodePtr from);
/* The first of them, or NULL. */
xmlNodePtr lerq__rule_first(struct lerq_rule_run *run, enum lerq_rule_xpath xp, xmlNodePtr from);

/* An element's text, whitespace-collapsed as xs:token (trimmed, inner
 * runs of blanks made one space); "" for NULL or on failure. */
const char *lerq__rule_text(struct lerq_rule_run *run, xmlNodePtr node);
/* An unqualified attribute's value, collapsed; NULL when absent. */
const char *lerq__rule_attr(struct lerq_rule_run *run, xmlNodePtr element, const char *name);
/* A value cut to a length fit for a one-sentence message, with "..." */
const char *lerq__rule_show(struct lerq_rule_run *run, const char *value);

/* The node's value as xs:dateTime with zone, or as xs:date (the fields as
 * written). False when node is NULL or the value does not parse (the
 * schema reports that, so the rule stays silent). */
bool lerq__rule_datetime(struct lerq_rule_run *run, xmlNodePtr node, struct lerq_datetime *dt);
bool lerq__rule_date(struct lerq_rule_run *run, xmlNodePtr node, struct lerq_datetime *dt);

/* Days since 1970-01-01 of the calendar date as written (not of the UTC
 * instant): "the date of IssuedAt" in the spec. */
int64_t lerq__rule_calendar_day(const struct lerq_datetime *dt);

/* A string made from fmt, owned by the run ("" on failure). */
const char *lerq__rule_format(struct lerq_rule_run *run, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "2 days, 3 hours and 1 second"; owned by the run. */
const char *lerq__rule_duration(struct lerq_rule_run *run, int64_t seconds);
/* An instant as "2026-11-26T12:00:00Z"; owned by the run. */
const char *lerq__rule_utc(struct lerq_rule_run *run, lerq_time_t t);

/* Records a finding of `code` on node (its line and path) with a message
 * made from fmt. */
void lerq__rule_report(struct lerq_rule_run *run, enum lerq_code code, xmlNodePtr node,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ---- the rules ---- */

/* rules/source.c: who sent the request (G§24) */
int lerq__rule_contact_personal_mailbox(struct lerq_rule_run *run);  /* R001 */
int lerq__rule_contact_outside_website(struct lerq_rule_run *run);   /* R002 */
int lerq__rule_website_not_https(struct lerq_rule_run *run);         /* R018 */

/* rules/time.c: times and dates */
int lerq__rule_issued_in_future(struct lerq_rule_run *run);          /* R003 */
int lerq__rule_respond_by_not_after_issue(struct lerq_rule_run *run); /* R004 */
int lerq__rule_routine_deadline_short(struct lerq_rule_run *run);    /* R005 */
int lerq__rule_data_time_order(struct lerq_rule_run *run);           /* R006 */
int lerq__rule_period_too_long(struct lerq_rule_run *run);           /* R007 */
int lerq__rule_confidentiality_ends_early(struct lerq_rule_run *run); /* R017 */
int lerq__rule_authorisation_expired(struct lerq_rule_run *run);     /* R019 */
int lerq__rule_preservation_beyond_90_days(struct lerq_rule_run *run); /* R021 */

/* rules/items.c: the data requested */
int lerq__rule_ip_without_time(struct lerq_rule_run *run);           /* R008 */
int lerq__rule_ipv4_without_port(struct lerq_rule_run *run);         /* R009 */
int lerq__rule_identifier_malformed(struct lerq_rule_run *run);      /* R010 */
int lerq__rule_content_without_court_order(struct lerq_rule_run *run); /* R011 */
int lerq__rule_preservation_incomplete(struct lerq_rule_run *run);   /* R012 */
int lerq__rule_request_type_shape(struct lerq_rule_run *run);        /* R016 */

/* rules/channel.c: channel, borders and priority */
int lerq__rule_cross_border_preservation_short(struct lerq_rule_run *run); /* R013 */
int lerq__rule_cross_border_domestic_channel(struct lerq_rule_run *run);   /* R014 */
int lerq__rule_emergency_mismatch(struct lerq_rule_run *run);        /* R015 */
int lerq__rule_foreign_provision(struct lerq_rule_run *run);         /* R020 */
int lerq__rule_emergency_without_supervisor(struct lerq_rule_run *run); /* R022 */

/* rules/lookalike.c: invisible characters and look-alike domains */
int lerq__rule_invisible_characters(struct lerq_rule_run *run);      /* R023 */
int lerq__rule_lookalike_domain(struct lerq_rule_run *run);          /* R024 */

/* rules/response.c: responses */
int lerq__rule_not_provided_without_reason(struct lerq_rule_run *run); /* R101 */
int lerq__rule_preserved_without_date(struct lerq_rule_run *run);    /* R102 */
int lerq__rule_issued_before_received(struct lerq_rule_run *run);    /* R103 */
int lerq__rule_status_contradicts_outcomes(struct lerq_rule_run *run); /* R104 */

#endif
