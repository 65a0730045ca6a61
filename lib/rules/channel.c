/* SPDX-License-Identifier: MIT */
/* Borders, channel and priority: a provider abroad is reached through
 * international cooperation (G§36, C-Art 29, 35), a request rests on its
 * own country's law (G§26), and an emergency says why it is one and whom
 * to call to confirm it (G§24, G§34). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

/* C-Art 29.7: preserved for not less than 60 days, so that a request for
 * mutual assistance can follow. */
#define CROSS_BORDER_DAYS_MIN 60

struct countries {
	const char *authority; /* IssuingAuthority/PostalAddress/Country */
	const char *provider;  /* ServiceProvider/Country */
};

/* True when both countries are given and differ. */
static bool cross_border(struct lerq_rule_run *run, struct countries *c)
{
	c->authority = lerq__rule_text(run, lerq__rule_first(run, XP_REQ_AUTHORITY_COUNTRY, NULL));
	c->provider = lerq__rule_text(run, lerq__rule_first(run, XP_REQ_PROVIDER_COUNTRY, NULL));
	return c->authority[0] != '\0' && c->provider[0] != '\0' &&
	       strcmp(c->authority, c->provider) != 0;
}

/* LERQ-R013 */
int lerq__rule_cross_border_preservation_short(struct lerq_rule_run *run)
{
	struct countries c;
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_PRESERVATION_DAYS, NULL);
	if (node == NULL || !cross_border(run, &c))
		return run->status;
	const char *text = lerq__rule_text(run, node);
	char *end;
	errno = 0;
	long long days = strtoll(text, &end, 10);
	/* Not a number: the schema's finding. */
	if (end == text || *end != '\0' || errno != 0)
		return run->status;
	if (days < CROSS_BORDER_DAYS_MIN)
		lerq__rule_report(run, LERQ_R013, node,
		            "Preservation Days \"%s\" is too short: the provider is in "
		            "\"%s\" and the authority in \"%s\"; preserve for at least 60 days so that a "
		            "request for mutual assistance can follow",
		            lerq__rule_show(run, text), lerq__rule_show(run, c.provider),
		            lerq__rule_show(run, c.authority));
	return run->status;
}

/* LERQ-R014 */
int lerq__rule_cross_border_domestic_channel(struct lerq_rule_run *run)
{
	struct countries c;
	xmlNodePtr node = lerq__rule_first(run, XP_REQ_CHANNEL, NULL);
	if (node == NULL || strcmp(lerq__rule_text(run, node), "domestic") != 0 ||
	    !cross_border(run, &c))
		return run->status;
	lerq__rule_report(run, LERQ_R014, node,
	            "Channel is \"domestic\", but the ServiceProvider is in \"%s\" "
	            "and the authority in \"%s\"; use 24-7-network, mutual-legal-assistance or "
	            "direct-cooperation",
	            lerq__rule_show(run, c.provider), lerq__rule_show(run, c.authority));
	return run->status;
}

/* LERQ-R015: the error when an emergency priority comes without its
 * justification, the warning (its own row in codes.c) when a
 * justification comes with a lower priority. */
int lerq__rule_emergency_mismatch(struct lerq_rule_run *run)
{
	xmlNodePtr priority = lerq__rule_first(run, XP_REQ_PRIORITY, NULL);
	xmlNodePtr emergency = lerq__rule_first(run, XP_REQ_EMERGENCY, NULL);
	if (priority == NULL)
		return run->status;
	const char *value = lerq__rule_text(run, priority);
	bool is_emergency = strcmp(value, "emergency") == 0;
	if (is_emergency && emergency == NULL)
		lerq__rule_report(run, LERQ_R015, priority,
		            "Priority is \"emergency\", but there is no Emergency element; "
		            "add Emergency with its Justification, or lower the Priority");
	else if (!is_emergency && emergency != NULL)
		lerq__rule_report(run, LERQ_R015_WARNING, emergency,
		            "Emergency is given, but Priority is \"%s\"; set Priority to "
		            "emergency, or remove Emergency",
		            lerq__rule_show(run, value));
	return run->status;
}

/* LERQ-R020: a request rests on the law of the authority's own country, or
 * on an international instrument; another country's law is what forged
 * requests often cite (G§26). Through mutual legal assistance the
 * requested state's law may rightly be cited, so that channel is exempt.
 * Only LegalBasis/Provision, as the spec says: a Confidentiality/Provision
 * (revision 1.1) names a secrecy law, which may well be the provider's
 * country's. One finding per Provision, on the Provision. */
int lerq__rule_foreign_provision(struct lerq_rule_run *run)
{
	const char *authority =
		lerq__rule_text(run, lerq__rule_first(run, XP_REQ_AUTHORITY_COUNTRY, NULL));
	const char *channel = lerq__rule_text(run, lerq__rule_first(run, XP_REQ_CHANNEL, NULL));
	if (authority[0] == '\0' || strcmp(channel, "mutual-legal-assistance") == 0)
		return run->status;
	struct lerq_rule_nodes provisions = lerq__rule_select(run, XP_REQ_PROVISIONS, NULL);
	for (size_t i = 0; i < provisions.count; i++) {
		const char *jurisdiction = lerq__rule_attr(run, provisions.node[i], "jurisdiction");
		if (jurisdiction == NULL || strcmp(jurisdiction, "INT") == 0 ||
		    strcmp(jurisdiction, authority) == 0)
			continue;
		xmlNodePtr p = provisions.node[i];
		const char *instrument =
			lerq__rule_text(run, lerq__rule_first(run, XP_PROVISION_INSTRUMENT, p));
		const char *article =
			lerq__rule_text(run, lerq__rule_first(run, XP_PROVISION_ARTICLE, p));
		lerq__rule_report(run, LERQ_R020, provisions.node[i],
		            "LegalBasis Provision \"%s\" article \"%s\" has jurisdiction \"%s\", "
		            "neither INT nor the authority's country \"%s\"; forged requests often "
		            "cite another country's law: cite the law that empowers the authority, "
		            "or use the mutual-legal-assistance channel",
		            lerq__rule_show(run, instrument), lerq__rule_show(run, article),
		            lerq__rule_show(run, jurisdiction), lerq__rule_show(run, authority));
	}
	return run->status;
}

/* LERQ-R022: before it discloses in an emergency, a provider calls a
 * second officer to confirm it (G§24, G§34). Reported on Emergency, where
 * the Supervisor goes; without Emergency (R015's error) on Priority, as
 * the spec's condition is the priority alone. */
int lerq__rule_emergency_without_supervisor(struct lerq_rule_run *run)
{
	xmlNodePtr priority = lerq__rule_first(run, XP_REQ_PRIORITY, NULL);
	if (priority == NULL || strcmp(lerq__rule_text(run, priority), "emergency") != 0 ||
	    lerq__rule_first(run, XP_REQ_EMERGENCY_SUPERVISOR, NULL) != NULL)
		return run->status;
	xmlNodePtr emergency = lerq__rule_first(run, XP_REQ_EMERGENCY, NULL);
	lerq__rule_report(run, LERQ_R022, emergency ? emergency : priority,
	            "Priority is \"emergency\", but no Emergency Supervisor is given: the "
	            "provider has nobody but the requester to call back; add %s with the "
	            "Name, Role and Phone of a second officer who can confirm the emergency",
	            emergency ? "a Supervisor to Emergency" : "Emergency and its Supervisor");
	return run->status;
}
