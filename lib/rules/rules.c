/* SPDX-License-Identifier: MIT */
/* The table of rules beyond the schema, the locations they use, the
 * runner (one walk down the document hands each rule its nodes) and the
 * helpers rule bodies share. The rule bodies live in rules/CONCERN.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xpathInternals.h>

#include "rules/rules.h"

/* The rules, in the order they run. The code says which findings a rule
 * makes; severity, ref and title come from codes.c. */
const struct lerq_rule_def lerq__rule_table[] = {
	{ LERQ_R001, RULE_REQUEST, lerq__rule_contact_personal_mailbox },
	{ LERQ_R002, RULE_REQUEST, lerq__rule_contact_outside_website },
	{ LERQ_R003, RULE_REQUEST, lerq__rule_issued_in_future },
	{ LERQ_R004, RULE_REQUEST, lerq__rule_respond_by_not_after_issue },
	{ LERQ_R005, RULE_REQUEST, lerq__rule_routine_deadline_short },
	{ LERQ_R006, RULE_REQUEST, lerq__rule_data_time_order },
	{ LERQ_R007, RULE_REQUEST, lerq__rule_period_too_long },
	{ LERQ_R008, RULE_REQUEST, lerq__rule_ip_without_time },
	{ LERQ_R009, RULE_REQUEST, lerq__rule_ipv4_without_port },
	{ LERQ_R010, RULE_REQUEST, lerq__rule_identifier_malformed },
	{ LERQ_R011, RULE_REQUEST, lerq__rule_content_without_court_order },
	{ LERQ_R012, RULE_REQUEST, lerq__rule_preservation_incomplete },
	{ LERQ_R013, RULE_REQUEST, lerq__rule_cross_border_preservation_short },
	{ LERQ_R014, RULE_REQUEST, lerq__rule_cross_border_domestic_channel },
	{ LERQ_R015, RULE_REQUEST, lerq__rule_emergency_mismatch },
	{ LERQ_R016, RULE_REQUEST, lerq__rule_request_type_shape },
	{ LERQ_R017, RULE_REQUEST, lerq__rule_confidentiality_ends_early },
	{ LERQ_R018, RULE_REQUEST, lerq__rule_website_not_https },
	{ LERQ_R019, RULE_REQUEST, lerq__rule_authorisation_expired },
	{ LERQ_R020, RULE_REQUEST, lerq__rule_foreign_provision },
	{ LERQ_R021, RULE_REQUEST, lerq__rule_preservation_beyond_90_days },
	{ LERQ_R022, RULE_REQUEST, lerq__rule_emergency_without_supervisor },
	{ LERQ_R023, RULE_REQUEST, lerq__rule_invisible_characters },
	{ LERQ_R024, RULE_REQUEST, lerq__rule_lookalike_domain },
	{ LERQ_R101, RULE_RESPONSE, lerq__rule_not_provided_without_reason },
	{ LERQ_R102, RULE_RESPONSE, lerq__rule_preserved_without_date },
	{ LERQ_R103, RULE_RESPONSE, lerq__rule_issued_before_received },
	{ LERQ_R104, RULE_RESPONSE, lerq__rule_status_contradicts_outcomes },
	{ LERQ_R023, RULE_RESPONSE, lerq__rule_invisible_characters },
	{ LERQ_R024, RULE_RESPONSE, lerq__rule_lookalike_domain },
};
const size_t lerq__rule_table_count = sizeof(lerq__rule_table) / sizeof(lerq__rule_table[0]);

/*
 * Every location a rule asks for is a fixed chain of child steps through
 * lerq elements: no XPath is needed to find them (issue 18). The absolute
 * ones (first step at the root) are all collected by one walk down the
 * document when the run starts, which visits only elements that are a
 * step on some path; a relative one (the children of one Item, Period,
 * Authorisation or Result of a given name) is a scan of that element's
 * children the first time a rule asks. Both give document order, as the
 * XPath location paths "/l:Request/l:IssuedAt" and "l:Identifier" did.
 */
#define PATH_STEPS 4
struct path {
	bool absolute;
	const char *step[PATH_STEPS]; /* local names in LERQ_NS, NULL-ended */
	/* An alternative row's name (rows below XP_COUNT: 0, their own). */
	enum lerq_rule_xpath also;
};

/* The first XP_COUNT rows are the paths by name; the rows after them add
 * alternatives to a name whose nodes come from several paths (an XPath
 * union): the one walk meets them in document order whatever the row. */
static const struct path paths[] = {
	[XP_REQ_ISSUED_AT] = { .absolute = true, .step = { "Request", "IssuedAt" } },
	[XP_REQ_PRIORITY] = { .absolute = true, .step = { "Request", "Priority" } },
	[XP_REQ_RESPOND_BY] = { .absolute = true, .step = { "Request", "RespondBy" } },
	[XP_REQ_RELATES_TO] = { .absolute = true, .step = { "Request", "RelatesTo" } },
	[XP_REQ_WEBSITE] = { .absolute = true, .step = { "Request", "IssuingAuthority", "Website" } },
	[XP_REQ_CONTACT_EMAILS] = { .absolute = true, .step = { "Request", "IssuingAuthority", "Contact", "Email" } },
	[XP_REQ_AUTHORITY_COUNTRY] = { .absolute = true, .step = { "Request", "IssuingAuthority", "PostalAddress",
	                                       "Country" } },
	[XP_REQ_PROVIDER_COUNTRY] = { .absolute = true, .step = { "Request", "ServiceProvider", "Country" } },
	[XP_REQ_AUTHORISATIONS] = { .absolute = true, .step = { "Request", "LegalBasis", "Authorisation" } },
	[XP_REQ_CHANNEL] = { .absolute = true, .step = { "Request", "LegalBasis", "Channel" } },
	[XP_REQ_INVESTIGATION] = { .absolute = true, .step = { "Request", "Investigation" } },
	[XP_REQ_SUMMARY] = { .absolute = true, .step = { "Request", "Investigation", "Summary" } },
	[XP_REQ_DATA_REQUESTED] = { .absolute = true, .step = { "Request", "DataRequested" } },
	[XP_REQ_ITEMS] = { .absolute = true, .step = { "Request", "DataRequested", "Item" } },
	[XP_REQ_PRESERVATION] = { .absolute = true, .step = { "Request", "Preservation" } },
	[XP_REQ_PRESERVATION_DAYS] = { .absolute = true, .step = { "Request", "Preservation", "Days" } },
	[XP_REQ_EMERGENCY] = { .absolute = true, .step = { "Request", "Emergency" } },
	[XP_REQ_CONFIDENTIALITY_UNTIL] = { .absolute = true, .step = { "Request", "Confidentiality", "Until" } },
	[XP_REQ_PROVISIONS] = { .absolute = true, .step = { "Request", "LegalBasis", "Provision" } },
	[XP_REQ_EMERGENCY_SUPERVISOR] = { .absolute = true, .step = { "Request", "Emergency", "Supervisor" } },
	/* Identifiers, numbers, addresses and names (R023), either root. */
	[XP_TEXT_FIELDS] = { .absolute = true, .step = { "Request", "RegistrationNumber" } },
	/* Every e-mail address (R024). */
	[XP_ALL_EMAILS] = { .absolute = true, .step = { "Request", "IssuingAuthority", "Contact", "Email" } },
	[XP_ITEM_IDENTIFIERS] = { .absolute = false, .step = { "Identifier" } },
	[XP_ITEM_AT] = { .absolute = false, .step = { "At" } },
	[XP_ITEM_PERIOD] = { .absolute = false, .step = { "Period" } },
	[XP_ITEM_RELEVANCE] = { .absolute = false, .step = { "Relevance" } },
	[XP_PERIOD_START] = { .absolute = false, .step = { "Start" } },
	[XP_PERIOD_END] = { .absolute = false, .step = { "End" } },
	[XP_PROVISION_INSTRUMENT] = { .absolute = false, .step = { "Instrument" } },
	[XP_PROVISION_ARTICLE] = { .absolute = false, .step = { "Article" } },
	[XP_AUTH_REFERENCE] = { .absolute = false, .step = { "Reference" } },
	[XP_AUTH_VALID_UNTIL] = { .absolute = false, .step = { "ValidUntil" } },
	[XP_RSP_RECEIVED_AT] = { .absolute = true, .step = { "Response", "ReceivedAt" } },
	[XP_RSP_ISSUED_AT] = { .absolute = true, .step = { "Response", "IssuedAt" } },
	[XP_RSP_STATUS] = { .absolute = true, .step = { "Response", "Status" } },
	[XP_RSP_RESULTS] = { .absolute = true, .step = { "Response", "Result" } },
	[XP_RESULT_REASON] = { .absolute = false, .step = { "Reason" } },
	[XP_RESULT_PRESERVED_UNTIL] = { .absolute = false, .step = { "PreservedUntil" } },
	{ true, { "Request", "RelatesTo" }, XP_TEXT_FIELDS },
	{ true, { "Request", "IssuingAuthority", "AgencyName" }, XP_TEXT_FIELDS },
	{ true, { "Request", "IssuingAuthority", "Unit" }, XP_TEXT_FIELDS },
	{ true, { "Request", "IssuingAuthority", "Contact", "Name" }, XP_TEXT_FIELDS },
	{ true, { "Request", "IssuingAuthority", "Contact", "Email" }, XP_TEXT_FIELDS },
	{ true, { "Request", "IssuingAuthority", "Contact", "ServiceNumber" }, XP_TEXT_FIELDS },
	{ true, { "Request", "IssuingAuthority", "AuthorisedBy", "Name" }, XP_TEXT_FIELDS },
	{ true, { "Request", "ServiceProvider", "Name" }, XP_TEXT_FIELDS },
	{ true, { "Request", "ServiceProvider", "ContactPoint" }, XP_TEXT_FIELDS },
	{ true, { "Request", "Investigation", "CaseReference" }, XP_TEXT_FIELDS },
	{ true, { "Request", "DataRequested", "Item", "Identifier" }, XP_TEXT_FIELDS },
	{ true, { "Request", "Emergency", "OralRequest", "ReceivedBy" }, XP_TEXT_FIELDS },
	{ true, { "Request", "Emergency", "Supervisor", "Name" }, XP_TEXT_FIELDS },
	{ true, { "Response", "InResponseTo" }, XP_TEXT_FIELDS },
	{ true, { "Response", "ResponseNumber" }, XP_TEXT_FIELDS },
	{ true, { "Response", "Responder", "ProviderName" }, XP_TEXT_FIELDS },
	{ true, { "Response", "Responder", "Contact", "Name" }, XP_TEXT_FIELDS },
	{ true, { "Response", "Responder", "Contact", "Email" }, XP_TEXT_FIELDS },
	{ true, { "Response", "Responder", "Contact", "ServiceNumber" }, XP_TEXT_FIELDS },
	{ true, { "Request", "ServiceProvider", "ContactPoint" }, XP_ALL_EMAILS },
	{ true, { "Response", "Responder", "Contact", "Email" }, XP_ALL_EMAILS },
};

#define PATH_COUNT (sizeof(paths) / sizeof(paths[0]))

/* The name whose list a path's nodes join. */
static enum lerq_rule_xpath path_name(size_t i)
{
	return i < XP_COUNT ? (enum lerq_rule_xpath)i : paths[i].also;
}

/* The set of paths still matching during the walk: one bit per path. */
typedef uint64_t path_set;
_Static_assert(PATH_COUNT <= 64, "path_set holds one bit per path");

/* Nothing to compile any more; the context still owns the (empty) rule
 * set, so that a later compiled form has its place. */
struct lerq_rules {
	path_set absolute; /* the paths the walk collects */
};

struct lerq_rule_finding {
	enum lerq_code code;
	xmlNodePtr node;
	char *message;
	size_t sequence; /* ties keep the order the rules made them in */
};

int lerq__rules_new(struct lerq_rules **out)
{
	if (out == NULL)
		return LERQ_EINVAL;
	struct lerq_rules *rules = calloc(1, sizeof(*rules));
	if (rules == NULL)
		return LERQ_ENOMEM;
	for (size_t i = 0; i < PATH_COUNT; i++) {
		if (paths[i].step[0] == NULL) { /* a name without its path */
			free(rules);
			return LERQ_EINTERNAL;
		}
		if (paths[i].absolute)
			rules->absolute |= (path_set)1 << i;
	}
	*out = rules;
	return LERQ_OK;
}

void lerq__rules_free(struct lerq_rules *rules)
{
	free(rules);
}

/* ---- ownership of what helpers hand out ---- */

static void fail(struct lerq_rule_run *run, int status)
{
	if (run->status == LERQ_OK)
		run->status = status;
}

static bool grow(void **array, size_t *alloc, size_t count, size_t size)
{
	if (count < *alloc)
		return true;
	size_t n = *alloc ? *alloc * 2 : 16;
	void *p = realloc(*array, n * size);
	if (p == NULL)
		return false;
	*array = p;
	*alloc = n;
	return true;
}

/* Takes s (malloc'd) into the run; frees it and fails on no room. */
char *lerq__rule_own(struct lerq_rule_run *run, char *s)
{
	if (s == NULL) {
		fail(run, LERQ_ENOMEM);
		return NULL;
	}
	if (!grow((void **)&run->owned_strings, &run->owned_string_alloc,
	          run->owned_string_count, sizeof(*run->owned_strings))) {
		free(s);
		fail(run, LERQ_ENOMEM);
		return NULL;
	}
	run->owned_strings[run->owned_string_count++] = s;
	return s;
}

static void release_owned(struct lerq_rule_run *run)
{
	for (size_t i = 0; i < run->owned_string_count; i++)
		free(run->owned_strings[i]);
	run->owned_string_count = 0;
}

/* ---- helpers ---- */

/* The children of one element a relative path selected, kept until the
 * run ends (nodes is NULL when there are none). */
struct lerq_rule_selection {
	enum lerq_rule_xpath xp;
	xmlNodePtr from;
	xmlNodePtr *nodes;
	size_t count;
};

static bool in_lerq_ns(const xmlNode *node)
{
	return node->ns != NULL && node->ns->href != NULL &&
	       strcmp((const char *)node->ns->href, LERQ_NS) == 0;
}

static bool is_lerq_element(const xmlNode *node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE && in_lerq_ns(node) &&
	       strcmp((const char *)node->name, name) == 0;
}

static bool append_node(struct lerq_rule_nodes *list, size_t *alloc, xmlNodePtr node)
{
	if (!grow((void **)&list->node, alloc, list->count, sizeof(*list->node)))
		return false;
	list->node[list->count++] = node;
	return true;
}

/* The walk: the elements under parent that are step `depth` of one of
 * the paths in live. Where a path ends, the element joins its list;
 * where it goes on, the walk goes down. */
static void walk(struct lerq_rule_run *run, xmlNodePtr parent, size_t depth, path_set live)
{
	for (xmlNodePtr c = parent->children; c != NULL && run->status == LERQ_OK; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !in_lerq_ns(c))
			continue;
		path_set deeper = 0;
		for (path_set m = live; m != 0; m &= m - 1) {
			unsigned i = (unsigned)__builtin_ctzll(m);
			if (strcmp((const char *)c->name, paths[i].step[depth]) != 0)
				continue;
			if (depth + 1 < PATH_STEPS && paths[i].step[depth + 1] != NULL)
				deeper |= (path_set)1 << i;
			else if (!append_node(&run->found[path_name(i)], &run->found_alloc[path_name(i)],
			                      c))
				fail(run, LERQ_ENOMEM);
		}
		if (deeper != 0)
			walk(run, c, depth + 1, deeper);
	}
}

static size_t selection_hash(enum lerq_rule_xpath xp, const xmlNode *from, size_t size)
{
	uint64_t h = (uint64_t)(uintptr_t)from * 0x9E3779B97F4A7C15u ^ (uint64_t)xp;
	h ^= h >> 29;
	return (size_t)h & (size_t)(size - 1);
}

static const struct lerq_rule_selection *selection_find(const struct lerq_rule_run *run,
                                                        enum lerq_rule_xpath xp,
                                                        const xmlNode *from)
{
	if (run->selection_index_size == 0)
		return NULL;
	for (size_t i = selection_hash(xp, from, run->selection_index_size);;
	     i = (i + 1) & (run->selection_index_size - 1)) {
		size_t slot = run->selection_index[i];
		if (slot == 0)
			return NULL;
		const struct lerq_rule_selection *sel = &run->selections[slot - 1];
		if (sel->xp == xp && sel->from == from)
			return sel;
	}
}

/* Rebuilds the index at twice the size when it is half full. */
static bool selection_reindex(struct lerq_rule_run *run)
{
	size_t size = run->selection_index_size ? run->selection_index_size * 2 : 64;
	size_t *index = calloc(size, sizeof(*index));
	if (index == NULL)
		return false;
	for (size_t n = 0; n < run->selection_count; n++) {
		const struct lerq_rule_selection *sel = &run->selections[n];
		size_t i = selection_hash(sel->xp, sel->from, size);
		while (index[i] != 0)
			i = (i + 1) & (size - 1);
		index[i] = n + 1;
	}
	free(run->selection_index);
	run->selection_index = index;
	run->selection_index_size = size;
	return true;
}

/* Takes sel (its nodes) into the run; false (sel's nodes not taken) when
 * out of memory. */
static bool selection_add(struct lerq_rule_run *run, struct lerq_rule_selection sel)
{
	if (!grow((void **)&run->selections, &run->selection_alloc, run->selection_count,
	          sizeof(*run->selections)))
		return false;
	run->selections[run->selection_count++] = sel;
	if (2 * run->selection_count > run->selection_index_size) {
		if (selection_reindex(run))
			return true;
		run->selection_count--; /* the caller frees the nodes */
		return false;
	}
	size_t i = selection_hash(sel.xp, sel.from, run->selection_index_size);
	while (run->selection_index[i] != 0)
		i = (i + 1) & (run->selection_index_size - 1);
	run->selection_index[i] = run->selection_count;
	return true;
}

/* The children of from that a relative path names, selected once per
 * (path, element): several rules ask for the same ones. */
static struct lerq_rule_nodes select_children(struct lerq_rule_run *run,
                                              enum lerq_rule_xpath xp, xmlNodePtr from)
{
	struct lerq_rule_nodes none = { NULL, 0 };
	const struct lerq_rule_selection *found = selection_find(run, xp, from);
	if (found != NULL)
		return (struct lerq_rule_nodes){ found->nodes, found->count };

	struct lerq_rule_nodes list = { NULL, 0 };
	size_t alloc = 0;
	for (xmlNodePtr c = from->children; c != NULL; c = c->next) {
		if (is_lerq_element(c, paths[xp].step[0]) && !append_node(&list, &alloc, c)) {
			free(list.node);
			fail(run, LERQ_ENOMEM);
			return none;
		}
	}
	struct lerq_rule_selection sel = { .xp = xp, .from = from, .nodes = list.node,
		                           .count = list.count };
	if (!selection_add(run, sel)) {
		free(list.node);
		fail(run, LERQ_ENOMEM);
		return none;
	}
	return list;
}

struct lerq_rule_nodes lerq__rule_select(struct lerq_rule_run *run, enum lerq_rule_xpath xp,
                              xmlNodePtr from)
{
	struct lerq_rule_nodes none = { NULL, 0 };
	if (run->status != LERQ_OK || xp >= XP_COUNT)
		return none;
	/* Rules never change the document, so what the walk collected is
	 * still the answer. */
	if (paths[xp].absolute)
		return run->found[xp].count ? run->found[xp] : none;
	return select_children(run, xp, from != NULL ? from : run->root);
}

xmlNodePtr lerq__rule_first(struct lerq_rule_run *run, enum lerq_rule_xpath xp, xmlNodePtr from)
{
	struct lerq_rule_nodes nodes = lerq__rule_select(run, xp, from);
	return nodes.count ? nodes.node[0] : NULL;
}

void lerq__rule_report(struct lerq_rule_run *run, enum lerq_code code, xmlNodePtr node,
                 const char *fmt, ...)
{
	if (run->status != LERQ_OK)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *message = NULL;
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (message = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(message, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	if (message == NULL ||
	    !grow((void **)&run->findings, &run->finding_alloc, run->finding_count,
	          sizeof(*run->findings))) {
		free(message);
		fail(run, LERQ_ENOMEM);
		return;
	}
	run->findings[run->finding_count++] = (struct lerq_rule_finding){
		.code = code, .node = node, .message = message,
		.sequence = run->sequence++,
	};
}

/* ---- the runner ---- */

static int document_order(const void *a, const void *b)
{
	const struct lerq_rule_finding *fa = a, *fb = b;
	if (fa->node != fb->node && fa->node != NULL && fb->node != NULL) {
		/* 1 when fa's node comes first; fast on numbered elements. */
		int c = xmlXPathCmpNodes(fa->node, fb->node);
		if (c == 1)
			return -1;
		if (c == -1)
			return 1;
	}
	return fa->sequence < fb->sequence ? -1 : fa->sequence > fb->sequence;
}

static void clear_run(struct lerq_rule_run *run)
{
	release_owned(run);
	free(run->owned_strings);
	for (size_t i = 0; i < run->selection_count; i++)
		free(run->selections[i].nodes);
	free(run->selections);
	free(run->selection_index);
	for (size_t i = 0; i < XP_COUNT; i++)
		free(run->found[i].node);
	for (size_t i = 0; i < run->finding_count; i++)
		free(run->findings[i].message);
	free(run->findings);
}

/* Runs the rules of the root's scope; all of them when only_code is
 * LERQ_CODE_COUNT, else those of that code. */
static int run_rules(const struct lerq_rules *rules, enum lerq_code only_code,
                     xmlDocPtr doc, lerq_time_t now, struct lerq_report *report)
{
	if (rules == NULL || doc == NULL || report == NULL)
		return LERQ_EINVAL;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	enum lerq_rule_scope scope;
	if (is_lerq_element(root, "Request"))
		scope = RULE_REQUEST;
	else if (is_lerq_element(root, "Response"))
		scope = RULE_RESPONSE;
	else
		return LERQ_OK;
	if (now == LERQ__CLOCK_SENTINEL)
		now = lerq_now();

	/* Document-order numbers make XPath's sorting and ours cheap (this is
	 * what libxslt does too; it writes into element->content, which
	 * elements do not use). */
	(void)xmlXPathOrderDocElems(doc);

	struct lerq_rule_run run = {
		.rules = rules, .doc = doc, .root = root, .now = now,
	};
	/* One walk hands every rule the nodes of its absolute paths. */
	walk(&run, (xmlNodePtr)doc, 0, rules->absolute);
	for (size_t i = 0; i < lerq__rule_table_count && run.status == LERQ_OK; i++) {
		const struct lerq_rule_def *def = &lerq__rule_table[i];
		if (def->scope != scope || (only_code != LERQ_CODE_COUNT && def->code != only_code))
			continue;
		int r = def->check(&run);
		if (r != LERQ_OK)
			fail(&run, r);
		release_owned(&run);
	}

	int status = run.status;
	if (status == LERQ_OK) {
		if (run.finding_count > 1) /* qsort() takes no NULL array */
			qsort(run.findings, run.finding_count, sizeof(*run.findings),
			      document_order);
		for (size_t i = 0; i < run.finding_count && status == LERQ_OK; i++)
			status = lerq__report_add_code(report, run.findings[i].code,
			                              run.findings[i].node, 0, 0,
			                              run.findings[i].message);
	}
	clear_run(&run);
	return status;
}

int lerq__rules_run(const struct lerq_rules *rules, xmlDocPtr doc,
                   lerq_time_t now, struct lerq_report *report)
{
	return run_rules(rules, LERQ_CODE_COUNT, doc, now, report);
}

int lerq__rules_run_code(const struct lerq_rules *rules, enum lerq_code code,
                        xmlDocPtr doc, lerq_time_t now,
                        struct lerq_report *report)
{
	if (code >= LERQ_CODE_COUNT)
		return LERQ_EINVAL;
	return run_rules(rules, code, doc, now, report);
}
