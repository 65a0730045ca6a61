/* SPDX-License-Identifier: MIT */
/* Borders, channel and priority: a provider abroad is reached through
 * international cooperation (G§36, C-Art 29, 35), and an emergency says
 * why it is one (G§34). */
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
