/* SPDX-License-Identifier: MIT */
/* Who sent the request (G§24): a provider must be able to trace a request
 * back to the issuing authority, so its contact addresses belong to the
 * agency's own domain and its website is served over https. */
#include <stdbool.h>
#include <stdlib.h>
#include <strings.h>

#include "rules/identifiers.h"
#include "rules/lookalike.h"
#include "rules/rules.h"

/* LERQ-R001: anyone can open a mailbox at a free-mail provider. */
int lerq__rule_contact_personal_mailbox(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes emails = lerq__rule_select(run, XP_REQ_CONTACT_EMAILS, NULL);
	for (size_t i = 0; i < emails.count; i++) {
		const char *email = lerq__rule_text(run, emails.node[i]);
		const char *domain = lerq__id_email_domain(email);
		if (domain == NULL)
			continue;
		/* As a mail system reaches it: fullwidth "ｇmail.com" and
		 * "gm<U+200B>ail.com" are Gmail (issue 13). */
		char *folded = lerq__domain_fold(domain);
		if (folded == NULL) {
			run->status = LERQ_ENOMEM;
			return run->status;
		}
		if (lerq__id_domain_is_freemail(folded))
			lerq__rule_report(run, LERQ_R001, emails.node[i],
			            "Contact e-mail \"%s\" is a personal mailbox (domain \"%s\"); "
			            "requests must come from an address the agency provides",
			            lerq__rule_show(run, email), lerq__rule_show(run, folded));
		free(folded);
	}
	return run->status;
}

/* LERQ-R002: an agency address lives under the agency's website, at the
 * same host or a parent domain of it (lerq__id_domain_is_within: never a
 * bare top-level domain). A personal mailbox is R001's finding alone. */
int lerq__rule_contact_outside_website(struct lerq_rule_run *run)
{
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_WEBSITE, NULL);
	if (node == NULL)
		return run->status;
	const char *website = lerq__rule_text(run, node);
	/* The schema refuses a Website with credentials or a backslash; one
	 * whose host still cannot be read (or is very long) does not turn
	 * the check off: no address is within it. */
	char *raw_host = lerq__url_host(website);
	/* Compared as a resolver reaches them (issue 13). */
	char *host = raw_host ? lerq__domain_fold(raw_host) : NULL;
	if (raw_host != NULL && host == NULL) {
		free(raw_host);
		run->status = LERQ_ENOMEM;
		return run->status;
	}
	free(raw_host);

	struct lerq_rule_nodes emails = lerq__rule_select(run, XP_REQ_CONTACT_EMAILS, NULL);
	for (size_t i = 0; i < emails.count; i++) {
		const char *email = lerq__rule_text(run, emails.node[i]);
		const char *raw = lerq__id_email_domain(email);
		char *domain = raw ? lerq__domain_fold(raw) : NULL;
		if (raw != NULL && domain == NULL) {
			run->status = LERQ_ENOMEM;
			break;
		}
		bool skip = domain == NULL || lerq__id_domain_is_freemail(domain) ||
		            (host != NULL && lerq__id_domain_is_within(domain, host));
		free(domain);
		if (skip)
			continue;
		if (host == NULL)
			lerq__rule_report(run, LERQ_R002, emails.node[i],
			            "Contact e-mail \"%s\" cannot be checked against the Website "
			            "\"%s\": its host cannot be read; give the agency's address "
			            "as https://host/ so that the provider can verify the source",
			            lerq__rule_show(run, email), lerq__rule_show(run, website));
		else
			lerq__rule_report(run, LERQ_R002, emails.node[i],
			            "Contact e-mail \"%s\" is not under the Website's host "
			            "\"%s\" or a parent domain of it; use an address of the agency's "
			            "own domain so that the provider can verify the source",
			            lerq__rule_show(run, email), lerq__rule_show(run, host));
	}
	free(host);
	return run->status;
}

/* LERQ-R018: over plain http, the page a provider checks the agency on
 * could be anyone's. */
int lerq__rule_website_not_https(struct lerq_rule_run *run)
{
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_WEBSITE, NULL);
	if (node == NULL)
		return run->status;
	const char *website = lerq__rule_text(run, node);
	/* Schemes are case-insensitive (RFC 3986 3.1). */
	if (strncasecmp(website, "https:", 6) != 0)
		lerq__rule_report(run, LERQ_R018, node,
		            "Website \"%s\" does not use https; give the agency's https "
		            "address so that the provider can verify the source",
		            lerq__rule_show(run, website));
	return run->status;
}
