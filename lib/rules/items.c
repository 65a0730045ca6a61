/* SPDX-License-Identifier: MIT */
/* The data requested (G§27): identifiers a provider can look up without
 * guessing, the authorisation content data need, what a preservation
 * request must say, and which request types carry DataRequested. */
#include <string.h>

#include "rules/identifiers.h"
#include "rules/rules.h"

static const char *item_id(struct lerq_rule_run *run, xmlNodePtr item)
{
	const char *id = lerq__rule_attr(run, item, "id");
	return id ? lerq__rule_show(run, id) : "?";
}

static const char *identifier_type(struct lerq_rule_run *run, xmlNodePtr identifier)
{
	const char *type = lerq__rule_attr(run, identifier, "type");
	return type ? type : "";
}

static bool is_ip(const char *type)
{
	return strcmp(type, "ipv4") == 0 || strcmp(type, "ipv6") == 0;
}

/* LERQ-R008: an IP address is assigned to different subscribers over
 * time, so without a time it names nobody. */
int lerq__rule_ip_without_time(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes items = lerq__rule_select(run, XP_REQ_ITEMS, NULL);
	for (size_t i = 0; i < items.count; i++) {
		xmlNodePtr item = items.node[i];
		if (lerq__rule_first(run, XP_ITEM_AT, item) || lerq__rule_first(run, XP_ITEM_PERIOD, item))
			continue;
		struct lerq_rule_nodes ids = lerq__rule_select(run, XP_ITEM_IDENTIFIERS, item);
		for (size_t j = 0; j < ids.count; j++) {
			const char *type = identifier_type(run, ids.node[j]);
			if (is_ip(type))
				lerq__rule_report(run, LERQ_R008, ids.node[j],
				            "Identifier \"%s\" (%s) of Item \"%s\" has no time; add "
				            "At or Period to the Item, because an IP address "
				            "belongs to different subscribers at different times",
				            lerq__rule_show(run, lerq__rule_text(run, ids.node[j])), type,
				            item_id(run, item));
		}
	}
	return run->status;
}

/* LERQ-R009: behind carrier-grade NAT many subscribers share one IPv4
 * address at the same moment; the source port tells them apart. A port of
 * 0 is a port given. */
int lerq__rule_ipv4_without_port(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes items = lerq__rule_select(run, XP_REQ_ITEMS, NULL);
	for (size_t i = 0; i < items.count; i++) {
		xmlNodePtr item = items.node[i];
		if (!lerq__rule_first(run, XP_ITEM_AT, item) && !lerq__rule_first(run, XP_ITEM_PERIOD, item))
			continue; /* R008's case */
		struct lerq_rule_nodes ids = lerq__rule_select(run, XP_ITEM_IDENTIFIERS, item);
		for (size_t j = 0; j < ids.count; j++) {
			if (strcmp(identifier_type(run, ids.node[j]), "ipv4") != 0 ||
			    lerq__rule_attr(run, ids.node[j], "port") != NULL)
				continue;
			lerq__rule_report(run, LERQ_R009, ids.node[j],
			            "Identifier \"%s\" (ipv4) of Item \"%s\" has no port; add the "
			            "source port, because behind carrier-grade NAT many "
			            "subscribers share one address at the same time",
			            lerq__rule_show(run, lerq__rule_text(run, ids.node[j])),
			            item_id(run, item));
		}
	}
	return run->status;
}

/* How each checked type must look; username, account and other are free. */
static const struct identifier_form {
	const char *type;
	bool (*valid)(const char *value);
	const char *what;
	const char *how;
} forms[] = {
	{ "ipv4", lerq__id_is_ipv4, "an IPv4 address",
	  "write four numbers from 0 to 255 separated by dots, without leading "
	  "zeros, e.g. 192.0.2.1" },
	{ "ipv6", lerq__id_is_ipv6, "an IPv6 address",
	  "write eight groups of hexadecimal digits separated by colons, or "
	  "shorten zeros with ::, e.g. 2001:db8::1" },
	{ "email", lerq__id_is_email, "an e-mail address",
	  "write it as name@domain, e.g. user@provider.example" },
	{ "phone", lerq__id_is_e164, "an international telephone number",
	  "write + and the country code, 6 to 15 digits in all, without spaces, "
	  "e.g. +4930123456" },
	{ "imei", lerq__id_is_imei, "an IMEI",
	  "write its 15 digits, the last being the check digit" },
	{ "imsi", lerq__id_is_imsi, "an IMSI", "write its 14 or 15 digits" },
	{ "mac", lerq__id_is_mac, "a MAC address",
	  "write six pairs of hexadecimal digits separated by colons or hyphens, "
	  "e.g. 00:1a:2b:3c:4d:5e" },
	{ "domain", lerq__id_is_domain, "a domain name",
	  "write the name alone, without scheme or path, e.g. provider.example" },
	{ "url", lerq__id_is_url, "an absolute URL",
	  "write it with its scheme, e.g. https://provider.example/page" },
};

/* The Luhn check digit of 14 digits, for a more helpful IMEI message. */
static int luhn_digit(const char *digits14)
{
	int sum = 0;
	for (int i = 0; i < 14; i++) {
		int d = digits14[i] - '0';
		if (i % 2 == 1) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return (10 - sum % 10) % 10;
}

static bool all_digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* LERQ-R010 */
int lerq__rule_identifier_malformed(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes items = lerq__rule_select(run, XP_REQ_ITEMS, NULL);
	for (size_t i = 0; i < items.count; i++) {
		struct lerq_rule_nodes ids = lerq__rule_select(run, XP_ITEM_IDENTIFIERS, items.node[i]);
		for (size_t j = 0; j < ids.count; j++) {
			const char *type = identifier_type(run, ids.node[j]);
			const char *value = lerq__rule_text(run, ids.node[j]);
			for (size_t k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
				const struct identifier_form *f = &forms[k];
				if (strcmp(type, f->type) != 0 || f->valid(value))
					continue;
				if (strcmp(type, "imei") == 0 && all_digits(value, 15))
					lerq__rule_report(run, LERQ_R010, ids.node[j],
					            "Identifier \"%s\" (imei) has a wrong check "
					            "digit: for these first 14 digits it is %d; "
					            "check the number for a typing error",
					            value, luhn_digit(value));
				else
					lerq__rule_report(run, LERQ_R010, ids.node[j],
					            "Identifier \"%s\" is not %s, as its type \"%s\" "
					            "says; %s",
					            lerq__rule_show(run, value), f->what, type, f->how);
			}
		}
	}
	return run->status;
}

/* LERQ-R011: C-Art 15 conditions; content data are the most intrusive, so
 * lerq asks for a court order behind them. */
int lerq__rule_content_without_court_order(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes auths = lerq__rule_select(run, XP_REQ_AUTHORISATIONS, NULL);
	for (size_t i = 0; i < auths.count; i++) {
		const char *kind = lerq__rule_attr(run, auths.node[i], "kind");
		if (kind != NULL && strcmp(kind, "judicial-order") == 0)
			return run->status;
	}
	struct lerq_rule_nodes items = lerq__rule_select(run, XP_REQ_ITEMS, NULL);
	for (size_t i = 0; i < items.count; i++) {
		const char *category = lerq__rule_attr(run, items.node[i], "category");
		if (category != NULL && strcmp(category, "content") == 0)
			lerq__rule_report(run, LERQ_R011, items.node[i],
			            "Item \"%s\" asks for content data, but LegalBasis has no "
			            "Authorisation of kind judicial-order; add the court "
			            "order that allows it, or ask for other data",
			            item_id(run, items.node[i]));
	}
	return run->status;
}

static bool request_type_is(struct lerq_rule_run *run, const char *type)
{
	const char *t = lerq__rule_attr(run, run->root, "type");
	return t != NULL && strcmp(t, type) == 0;
}

/* LERQ-R012: C-Art 29.2 lists what a preservation request specifies. One
 * finding per missing piece, on the element that should hold it. */
int lerq__rule_preservation_incomplete(struct lerq_rule_run *run)
{
	if (!request_type_is(run, "preservation"))
		return run->status;
	if (lerq__rule_first(run, XP_REQ_PRESERVATION, NULL) == NULL)
		lerq__rule_report(run, LERQ_R012, run->root,
		            "Preservation request has no Preservation element; add it "
		            "with Days, Necessity and FollowUp");
	xmlNodePtr investigation = lerq__rule_first(run, XP_REQ_INVESTIGATION, NULL);
	if (investigation != NULL && lerq__rule_first(run, XP_REQ_SUMMARY, NULL) == NULL)
		lerq__rule_report(run, LERQ_R012, investigation,
		            "Investigation of a preservation request has no Summary; "
		            "add a brief summary of the facts");
	struct lerq_rule_nodes items = lerq__rule_select(run, XP_REQ_ITEMS, NULL);
	for (size_t i = 0; i < items.count; i++) {
		if (lerq__rule_first(run, XP_ITEM_RELEVANCE, items.node[i]) == NULL)
			lerq__rule_report(run, LERQ_R012, items.node[i],
			            "Item \"%s\" of a preservation request has no Relevance; "
			            "say how the data relate to the offence",
			            item_id(run, items.node[i]));
	}
	return run->status;
}

/* LERQ-R016: a release names the preservation it ends (G§35) and asks for
 * nothing; every other request asks for something. */
int lerq__rule_request_type_shape(struct lerq_rule_run *run)
{
	xmlNodePtr data = lerq__rule_first(run, XP_REQ_DATA_REQUESTED, NULL);
	if (!request_type_is(run, "release")) {
		if (data == NULL) {
			const char *type = lerq__rule_attr(run, run->root, "type");
			lerq__rule_report(run, LERQ_R016, run->root,
			            "Request of type \"%s\" has no DataRequested; add the "
			            "Items wanted", type ? lerq__rule_show(run, type) : "");
		}
		return run->status;
	}
	bool releases = false;
	struct lerq_rule_nodes rel = lerq__rule_select(run, XP_REQ_RELATES_TO, NULL);
	for (size_t i = 0; i < rel.count && !releases; i++) {
		const char *relation = lerq__rule_attr(run, rel.node[i], "relation");
		releases = relation != NULL && strcmp(relation, "releases") == 0;
	}
	if (!releases)
		lerq__rule_report(run, LERQ_R016, run->root,
		            "Release request has no RelatesTo with relation \"releases\"; "
		            "add one naming the registration number of the preservation "
		            "request it ends");
	if (data != NULL)
		lerq__rule_report(run, LERQ_R016, data,
		            "Release request contains DataRequested; remove it, since a "
		            "release asks for no data");
	return run->status;
}
