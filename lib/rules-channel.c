/* SPDX-License-Identifier: MIT */
/* Borders, channel and priority: a provider abroad is reached through
 * international cooperation (G§36, C-Art 29, 35), and an emergency says
 * why it is one (G§34). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

/* C-Art 29.7: preserved for not less than 60 days, so that a request for
 * mutual assistance can follow. */
#define CROSS_BORDER_DAYS_MIN 60

struct countries {
	const char *authority; /* IssuingAuthority/PostalAddress/Country */
	const char *provider;  /* ServiceProvider/Country */
};

/* True when both countries are given and differ. */
static bool cross_border(struct rule_run *run, struct countries *c)
{
	c->authority = rule_text(run, rule_first(run, XP_REQ_AUTHORITY_COUNTRY, NULL));
	c->provider = rule_text(run, rule_first(run, XP_REQ_PROVIDER_COUNTRY, NULL));
	return c->authority[0] != '\0' && c->provider[0] != '\0' &&
	       strcmp(c->authority, c->provider) != 0;
}

/* LERQ-R013 */
int rule_cross_border_preservation_short(struct rule_run *run)
{
	struct countries c;
	xmlNodePtr node = rule_first(run, XP_REQ_PRESERVATION_DAYS, NULL);
	if (node == NULL || !cross_border(run, &c))
		return run->status;
	const char *text = rule_text(run, node);
	char *end;
	errno = 0;
	long long days = strtoll(text, &end, 10);
	/* Not a number: the schema's finding. */
	if (end == text || *end != '\0' || errno != 0)
		return run->status;
	if (days < CROSS_BORDER_DAYS_MIN)
		rule_report(run, LERQ_R013, node,
		            "Preservation Days \"%s\" is too short: the provider is in "
		            "\"%s\" and the authority in \"%s\"; preserve for at least 60 days so that a "
		            "request for mutual assistance can follow",
		            rule_show(run, text), rule_show(run, c.provider),
		            rule_show(run, c.authority));
	return run->status;
}

/* LERQ-R014 */
int rule_cross_border_domestic_channel(struct rule_run *run)
{
	struct countries c;
	xmlNodePtr node = rule_first(run, XP_REQ_CHANNEL, NULL);
	if (node == NULL || strcmp(rule_text(run, node), "domestic") != 0 ||
	    !cross_border(run, &c))
		return run->status;
	rule_report(run, LERQ_R014, node,
	            "Channel is \"domestic\", but the ServiceProvider is in \"%s\" "
	            "and the authority in \"%s\"; use 24-7-network, mutual-legal-assistance or "
	            "direct-cooperation",
	            rule_show(run, c.provider), rule_show(run, c.authority));
	return run->status;
}

/* LERQ-R015: the error when an emergency priority comes without its
 * justification, the warning (its own row in codes.c) when a
 * justification comes with a lower priority. */
int rule_emergency_mismatch(struct rule_run *run)
{
	xmlNodePtr priority = rule_first(run, XP_REQ_PRIORITY, NULL);
	xmlNodePtr emergency = rule_first(run, XP_REQ_EMERGENCY, NULL);
	if (priority == NULL)
		return run->status;
	const char *value = rule_text(run, priority);
	bool is_emergency = strcmp(value, "emergency") == 0;
	if (is_emergency && emergency == NULL)
		rule_report(run, LERQ_R015, priority,
		            "Priority is \"emergency\", but there is no Emergency element; "
		            "add Emergency with its Justification, or lower the Priority");
	else if (!is_emergency && emergency != NULL)
		rule_report(run, LERQ_R015_WARNING, emergency,
		            "Emergency is given, but Priority is \"%s\"; set Priority to "
		            "emergency, or remove Emergency",
		            rule_show(run, value));
	return run->status;
}
