/* SPDX-License-Identifier: MIT */
/* The few facts statistics need from one valid document, read straight
 * from the tree the validator built: the schema has passed, so every
 * element is where the format puts it and every enumerated value is one
 * of its words (after whitespace collapsing, as xs:token reads it). No
 * identifier, name or free text is taken: only numbers, dates, the
 * format's words, country codes and registration numbers (kept to match
 * responses to requests, never written out). */
#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"

const char *const lerq__stats_types[TYPE_COUNT] = { "disclosure", "preservation", "release" };
const char *const lerq__stats_priorities[PRIORITY_COUNT] = { "routine", "urgent",
                                                             "emergency" };
const char *const lerq__stats_channels[CHANNEL_COUNT] = {
	"domestic", "24-7-network", "mutual-legal-assistance", "direct-cooperation",
};
const char *const lerq__stats_item_categories[ITEM_CATEGORY_COUNT] = { "subscriber",
                                                                       "traffic", "content" };
const char *const lerq__stats_offence_categories[OFFENCE_CATEGORY_COUNT] = {
	"illegal-access", "illegal-interception", "data-interference",
	"system-interference", "misuse-of-devices", "computer-related-forgery",
	"computer-related-fraud", "child-sexual-abuse-material", "copyright-infringement",
	"other",
};
const char *const lerq__stats_statuses[STATUS_COUNT] = {
	"fulfilled", "partially-fulfilled", "preserved", "rejected", "no-data",
};
const char *const lerq__stats_outcomes[OUTCOME_COUNT] = { "provided", "not-provided",
                                                          "preserved" };
const char *const lerq__stats_reasons[REASON_COUNT] = {
	"no-records", "retention-expired", "not-specific", "not-our-service",
	"insufficient-legal-basis", "unverifiable-source", "legal-impediment", "other",
};
const char *const lerq__stats_relations[RELATION_COUNT] = {
	"confirms-oral-request", "follows-up", "extends", "releases",
};

int lerq__stats_word(const char *const *words, size_t n, const char *word)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(words[i], word) == 0)
			return (int)i;
	return -1;
}

static bool is_space(xmlChar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends s to buf (of size n, holding *len bytes), collapsing white space
 * as xs:token does; *pending_space says a blank run is waiting. What does
 * not fit is cut: every value read here is short (a ref is at most 64
 * characters), so a cut value is one that matters to nothing. */
static void collapse_into(const xmlChar *s, char *buf, size_t n, size_t *len,
                          bool *pending_space)
{
	for (; s && *s; s++) {
		if (is_space(*s)) {
			*pending_space = *len > 0;
			continue;
		}
		if (*pending_space && *len + 1 < n)
			buf[(*len)++] = ' ';
		*pending_space = false;
		if (*len + 1 < n)
			buf[(*len)++] = (char)*s;
	}
	buf[*len] = '\0';
}

/* The collapsed value of an element (its text and CDATA, comments
 * skipped) or of an attribute's text. */
static const char *value_of(xmlNodePtr first_child, char *buf, size_t n)
{
	size_t len = 0;
	bool space = false;
	buf[0] = '\0';
	for (xmlNodePtr c = first_child; c; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			collapse_into(c->content, buf, n, &len, &space);
	return buf;
}

static const char *element_value(xmlNodePtr node, char *buf, size_t n)
{
	buf[0] = '\0';
	return node ? value_of(node->children, buf, n) : buf;
}

static const char *attr_value(xmlNodePtr node, const char *name, char *buf, size_t n)
{
	xmlAttrPtr a = node ? xmlHasNsProp(node, BAD_CAST name, NULL) : NULL;
	buf[0] = '\0';
	return a ? value_of(a->children, buf, n) : buf;
}

static bool named(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

static int word(const char *const *words, size_t n, xmlNodePtr node)
{
	char buf[64];
	return lerq__stats_word(words, n, element_value(node, buf, sizeof(buf)));
}

static void copy_number(char dst[NUMBER_SIZE], xmlNodePtr node)
{
	element_value(node, dst, NUMBER_SIZE);
}

static void read_issued(xmlNodePtr node, struct facts *f)
{
	char buf[80];
	struct lerq_datetime dt;
	/* The schema checked the value; lerq's own parser reads it. */
	if (lerq__datetime_parse(element_value(node, buf, sizeof(buf)), &dt) != LERQ_OK)
		return;
	f->issued = dt.instant;
	f->issued_day = lerq__days_from_civil(dt.year, dt.month, dt.day);
	f->issued_year = (int)dt.year;
	f->issued_month = dt.month;
}

static void count_words(const char *const *words, size_t n, uint64_t *counts,
                        xmlNodePtr node, const char *attr)
{
	char buf[64];
	int i = lerq__stats_word(words, n, attr_value(node, attr, buf, sizeof(buf)));
	if (i >= 0)
		counts[i]++;
}

static int read_relates(xmlNodePtr root, struct facts *f)
{
	size_t n = 0;
	for (xmlNodePtr c = root->children; c; c = c->next)
		n += named(c, "RelatesTo");
	if (n == 0)
		return LERQ_OK;
	f->relates = calloc(n, sizeof(*f->relates));
	if (f->relates == NULL)
		return LERQ_ENOMEM;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (!named(c, "RelatesTo"))
			continue;
		struct reference *r = &f->relates[f->relates_count++];
		char buf[64];
		copy_number(r->number, c);
		r->relation = lerq__stats_word(lerq__stats_relations, RELATION_COUNT,
		                               attr_value(c, "relation", buf, sizeof(buf)));
	}
	return LERQ_OK;
}

static int read_request(xmlNodePtr root, struct facts *f)
{
	char buf[80];
	f->type = lerq__stats_word(lerq__stats_types, TYPE_COUNT,
	                           attr_value(root, "type", buf, sizeof(buf)));
	copy_number(f->number, child(root, "RegistrationNumber"));
	read_issued(child(root, "IssuedAt"), f);
	f->priority = word(lerq__stats_priorities, PRIORITY_COUNT, child(root, "Priority"));
	xmlNodePtr rb = child(root, "RespondBy");
	struct lerq_datetime dt;
	if (rb && lerq__datetime_parse(element_value(rb, buf, sizeof(buf)), &dt) == LERQ_OK)
		f->respond_by = dt.instant;
	element_value(child(child(child(root, "IssuingAuthority"), "PostalAddress"), "Country"),
	              f->authority_country, sizeof(f->authority_country));
	element_value(child(child(root, "ServiceProvider"), "Country"), f->provider_country,
	              sizeof(f->provider_country));
	f->channel = word(lerq__stats_channels, CHANNEL_COUNT,
	                  child(child(root, "LegalBasis"), "Channel"));
	xmlNodePtr inv = child(root, "Investigation");
	for (xmlNodePtr c = inv ? inv->children : NULL; c; c = c->next)
		if (named(c, "Offence"))
			count_words(lerq__stats_offence_categories, OFFENCE_CATEGORY_COUNT,
			            f->offences, c, "category");
	xmlNodePtr dr = child(root, "DataRequested");
	for (xmlNodePtr c = dr ? dr->children : NULL; c; c = c->next)
		if (named(c, "Item"))
			count_words(lerq__stats_item_categories, ITEM_CATEGORY_COUNT, f->items, c,
			            "category");
	xmlNodePtr days = child(child(root, "Preservation"), "Days");
	if (days != NULL)
		f->days = atoi(element_value(days, buf, sizeof(buf)));
	return read_relates(root, f);
}

static void read_response(xmlNodePtr root, struct facts *f)
{
	f->is_response = true;
	copy_number(f->number, child(root, "InResponseTo"));
	read_issued(child(root, "IssuedAt"), f);
	f->status = word(lerq__stats_statuses, STATUS_COUNT, child(root, "Status"));
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (!named(c, "Result"))
			continue;
		count_words(lerq__stats_outcomes, OUTCOME_COUNT, f->outcomes, c, "outcome");
		xmlNodePtr reason = child(c, "Reason");
		if (reason != NULL)
			count_words(lerq__stats_reasons, REASON_COUNT, f->reasons, reason, "code");
	}
}

int lerq__stats_extract(xmlDocPtr doc, struct facts *f)
{
	memset(f, 0, sizeof(*f));
	f->type = f->priority = f->channel = f->status = -1;
	f->respond_by = INT64_MIN;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (named(root, "Response")) {
		read_response(root, f);
		return LERQ_OK;
	}
	return read_request(root, f);
}
