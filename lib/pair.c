/* SPDX-License-Identifier: MIT */
/* A request and its response together: LERQ-R201..R204, reported against
 * the response (spec section 4). Both documents are first validated on
 * their own; the pair rules then run when both passed the schema. */
#include <stdlib.h>
#include <string.h>

#include "core/lerq-private.h"
#include "profile/profile.h"

struct pair {
	xmlNodePtr request;  /* the Request element */
	xmlNodePtr response; /* the Response element */
	struct lerq_report *report; /* the response's */
};

static bool is_lerq(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST LERQ_NS) &&
	       xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNodePtr child(const xmlNode *parent, const char *name)
{
	for (xmlNodePtr n = parent->children; n; n = n->next)
		if (is_lerq(n, name))
			return n;
	return NULL;
}

/* An element's value as the schema sees it (xs:token): trimmed, inner runs
 * of blanks made one space. Caller frees. */
static char *token(const xmlNode *n)
{
	xmlChar *raw = n ? xmlNodeGetContent(n) : NULL;
	char *out = lerq__value_collapse(raw ? (const char *)raw : "");
	xmlFree(raw);
	return out;
}

/* An attribute's value as the schema sees it (xs:ID, xs:NCName collapse
 * whitespace): Result item=" i1 " names the Item "i1". NULL when absent
 * or out of memory; caller frees. */
static char *attr_token(const xmlNode *n, const char *name)
{
	xmlChar *raw = xmlGetNoNsProp(n, BAD_CAST name);
	if (raw == NULL)
		return NULL;
	char *out = lerq__value_collapse((const char *)raw);
	xmlFree(raw);
	return out;
}

static int finding(struct pair *p, enum lerq_code code, const xmlNode *node, char *message)
{
	if (message == NULL)
		return LERQ_ENOMEM;
	int r = lerq__report_add_code(p->report, code, node, 0, 0, message);
	free(message);
	return r;
}

/* R201: the response answers this request. */
static int check_reference(struct pair *p)
{
	xmlNodePtr in_response_to = child(p->response, "InResponseTo");
	char *theirs = token(in_response_to);
	char *ours = token(child(p->request, "RegistrationNumber"));
	int r = LERQ_OK;
	if (theirs == NULL || ours == NULL)
		r = LERQ_ENOMEM;
	else if (strcmp(theirs, ours) != 0)
		r = finding(p, LERQ_R201, in_response_to,
		            lerq__strdup_printf("InResponseTo is \"%s\" but the request's "
		                               "RegistrationNumber is \"%s\": the response must "
		                               "name the request it answers",
		                               theirs, ours));
	free(theirs);
	free(ours);
	return r;
}

static xmlNodePtr data_requested(const struct pair *p)
{
	return child(p->request, "DataRequested");
}

/* R202: every requested Item has its Result. */
static int check_items_answered(struct pair *p)
{
	xmlNodePtr data = data_requested(p);
	int r = LERQ_OK;
	for (xmlNodePtr item = data ? data->children : NULL; item && r == LERQ_OK; item = item->next) {
		if (!is_lerq(item, "Item"))
			continue;
		char *id = attr_token(item, "id");
		bool answered = false;
		for (xmlNodePtr res = p->response->children; res && id && !answered; res = res->next) {
			char *ref = is_lerq(res, "Result") ? attr_token(res, "item") : NULL;
			answered = ref && strcmp(ref, id) == 0;
			free(ref);
		}
		if (id && !answered)
			r = finding(p, LERQ_R202, p->response,
			            lerq__strdup_printf("The request's Item \"%s\" has no Result: "
			                               "answer every item requested, if only to say "
			                               "why it is not provided",
			                               id));
		free(id);
	}
	return r;
}

/* R203: every Result answers an Item of the request. */
static int check_results_known(struct pair *p)
{
	xmlNodePtr data = data_requested(p);
	int r = LERQ_OK;
	for (xmlNodePtr res = p->response->children; res && r == LERQ_OK; res = res->next) {
		if (!is_lerq(res, "Result"))
			continue;
		char *ref = attr_token(res, "item");
		bool known = false;
		for (xmlNodePtr item = data ? data->children : NULL; item && ref && !known;
		     item = item->next) {
			char *id = is_lerq(item, "Item") ? attr_token(item, "id") : NULL;
			known = id && strcmp(id, ref) == 0;
			free(id);
		}
		if (ref && !known)
			r = finding(p, LERQ_R203, res,
			            lerq__strdup_printf("Result item \"%s\" is not an Item of the request: "
			                               "use the id the request gave the item",
			                               ref));
		free(ref);
	}
	return r;
}

/* R204: answered in time. */
static int check_deadline(struct pair *p)
{
	xmlNodePtr respond_by = child(p->request, "RespondBy");
	xmlNodePtr issued = child(p->response, "IssuedAt");
	if (respond_by == NULL || issued == NULL)
		return LERQ_OK;
	char *by = token(respond_by);
	char *at = token(issued);
	struct lerq_datetime due, when;
	int r = LERQ_OK;
	if (by == NULL || at == NULL)
		r = LERQ_ENOMEM;
	else if (lerq__datetime_parse(by, &due) == LERQ_OK &&
	         lerq__datetime_parse(at, &when) == LERQ_OK && when.instant > due.instant)
		r = finding(p, LERQ_R204, issued,
		            lerq__strdup_printf("The response was issued at %s, after the request's "
		                               "RespondBy %s", at, by));
	free(by);
	free(at);
	return r;
}

/* The rules of a pair, in the order they report. Adding one: a row in
 * codes.c, a function here, a line in this table. */
static int (*const pair_rules[])(struct pair *) = {
	check_reference,
	check_items_answered,
	check_results_known,
	check_deadline,
};

/* A document given in the wrong place is not what check-response needs:
 * said with LERQ-S002 on its root, the only finding for it. */
static int wrong_root(struct lerq_report **report, xmlDocPtr doc, const char *want)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	struct lerq_report *r = lerq__report_new();
	if (r == NULL)
		return LERQ_ENOMEM;
	char *msg = lerq__strdup_printf("This document is a %s; a %s is expected here "
	                               "(check-response takes the request first, then "
	                               "the response)",
	                               (const char *)root->name, want);
	int err = msg ? lerq__report_add_code(r, LERQ_S002, root, 0, 0, msg) : LERQ_ENOMEM;
	free(msg);
	if (err != LERQ_OK) {
		lerq_report_free(r);
		return err;
	}
	lerq_report_free(*report);
	*report = r;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_check_response_memory(const struct lerq_ctx *ctx,
                                           const void *request, size_t request_size,
                                           const void *response, size_t response_size,
                                           lerq_time_t now,
                                           struct lerq_report **request_report,
                                           struct lerq_report **response_report)
{
	if (ctx == NULL || request_report == NULL || response_report == NULL ||
	    (request == NULL && request_size > 0) || (response == NULL && response_size > 0))
		return LERQ_EINVAL;
	if (now == LERQ__CLOCK_SENTINEL)
		now = lerq_now();

	struct lerq_report *req_report = NULL, *rsp_report = NULL;
	xmlDocPtr req = NULL, rsp = NULL;
	int r = lerq__validate_doc(ctx, request, request_size, now, &req_report, &req);
	if (r == LERQ_OK)
		r = lerq__validate_doc(ctx, response, response_size, now, &rsp_report, &rsp);

	if (r == LERQ_OK && req && !is_lerq(xmlDocGetRootElement(req), "Request")) {
		r = wrong_root(&req_report, req, "Request");
		xmlFreeDoc(req);
		req = NULL;
	}
	if (r == LERQ_OK && rsp && !is_lerq(xmlDocGetRootElement(rsp), "Response")) {
		r = wrong_root(&rsp_report, rsp, "Response");
		xmlFreeDoc(rsp);
		rsp = NULL;
	}
	if (r == LERQ_OK && req && rsp) {
		struct pair p = {
			.request = xmlDocGetRootElement(req),
			.response = xmlDocGetRootElement(rsp),
			.report = rsp_report,
		};
		for (size_t i = 0; r == LERQ_OK && i < sizeof(pair_rules) / sizeof(pair_rules[0]); i++)
			r = pair_rules[i](&p);
		for (size_t i = 0; r == LERQ_OK && i < ctx->profile_count; i++)
			lerq__profile_adjust(ctx->profiles[i], rsp_report);
	}
	xmlFreeDoc(req);
	xmlFreeDoc(rsp);
	if (r != LERQ_OK) {
		lerq_report_free(req_report);
		lerq_report_free(rsp_report);
		return r;
	}
	*request_report = req_report;
	*response_report = rsp_report;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_check_response_file(const struct lerq_ctx *ctx,
                                         const char *request_path,
                                         const char *response_path, lerq_time_t now,
                                         struct lerq_report **request_report,
                                         struct lerq_report **response_report)
{
	if (ctx == NULL || request_path == NULL || response_path == NULL)
		return LERQ_EINVAL;
	char *req = NULL, *rsp = NULL;
	size_t req_size, rsp_size;
	int r = lerq__read_file(request_path, ctx->max_size, &req, &req_size);
	if (r == LERQ_OK)
		r = lerq__read_file(response_path, ctx->max_size, &rsp, &rsp_size);
	if (r == LERQ_OK)
		r = lerq_check_response_memory(ctx, req, req_size, rsp, rsp_size, now,
		                               request_report, response_report);
	free(req);
	free(rsp);
	return r;
}
