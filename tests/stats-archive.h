/* SPDX-License-Identifier: MIT */
/* Requests and responses made to measure, for the statistics tests
 * (test-stats.c) and the statistics benchmark (benchmarks/stats.c).
 * Every text field, name and identifier carries STATS_MARKER, so a test
 * can check that none of it reaches an output. */
#ifndef LERQ_STATS_ARCHIVE_H
#define LERQ_STATS_ARCHIVE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATS_MARKER "ZQXMARK"

struct req_spec {
	const char *number;     /* after "ZQXMARK-" */
	const char *type;       /* disclosure, preservation, release */
	const char *priority;
	const char *issued;     /* dateTime-tz */
	const char *respond_by; /* or NULL */
	const char *relation;   /* RelatesTo relation, or NULL */
	const char *relates;    /* its number after "ZQXMARK-" */
	const char *authority;  /* country, default DE */
	const char *provider;   /* country, default DE */
	const char *channel;    /* default domestic */
	const char *items;      /* categories, "subscriber traffic"; default subscriber */
	const char *offences;   /* categories; default computer-related-fraud */
	int days;               /* Preservation/Days, default 90 */
	const char *email;      /* the contact's e-mail, default at the website */
	const char *email2;     /* a second contact's, or NULL */
	const char *priority_raw; /* replaces Priority's element whole, or NULL */
};

struct resp_spec {
	const char *answers;  /* InResponseTo after "ZQXMARK-" */
	const char *number;   /* ResponseNumber after "ZQXMARK-" */
	const char *issued;   /* also its ReceivedAt */
	const char *status;
	const char *outcomes; /* "provided not-provided:no-records ..." per item */
};

static inline char *stats_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static inline char *stats_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = malloc((size_t)n + 1);
	if (s == NULL)
		abort();
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* s1 + s2, freeing s1. */
static inline char *stats_cat(char *s1, const char *s2)
{
	char *s = stats_printf("%s%s", s1, s2);
	free(s1);
	return s;
}

static inline char *stats_request(const struct req_spec *r)
{
	const char *auth = r->authority ? r->authority : "DE";
	char *out = stats_printf(
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\" xml:lang=\"en\" type=\"%s\">\n"
		"<RegistrationNumber>" STATS_MARKER "-%s</RegistrationNumber>\n"
		"<IssuedAt>%s</IssuedAt>\n",
		r->type, r->number, r->issued);
	char *part = r->priority_raw ? stats_printf("%s\n", r->priority_raw)
	                             : stats_printf("<Priority>%s</Priority>\n", r->priority);
	out = stats_cat(out, part);
	free(part);
	if (r->respond_by) {
		part = stats_printf("<RespondBy>%s</RespondBy>\n", r->respond_by);
		out = stats_cat(out, part);
		free(part);
	}
	if (r->relation) {
		part = stats_printf("<RelatesTo relation=\"%s\">" STATS_MARKER "-%s</RelatesTo>\n",
		                    r->relation, r->relates);
		out = stats_cat(out, part);
		free(part);
	}
	part = stats_printf(
		"<IssuingAuthority><AgencyName>" STATS_MARKER " Police</AgencyName>"
		"<Unit>" STATS_MARKER " Unit</Unit>"
		"<PostalAddress><Line>1 " STATS_MARKER " Street</Line><Locality>" STATS_MARKER
		" City</Locality><Country>%s</Country></PostalAddress>"
		"<Switchboard>+31201234567</Switchboard>"
		"<Website>https://zqxmark-police.example</Website>"
		"<Contact><Name>" STATS_MARKER " Officer</Name><Title>" STATS_MARKER
		" Inspector</Title><Phone>+31201234568</Phone><Email>%s</Email></Contact>",
		auth, r->email ? r->email : "zqxmark.officer@zqxmark-police.example");
	out = stats_cat(out, part);
	free(part);
	if (r->email2) {
		part = stats_printf("<Contact><Name>" STATS_MARKER " Second</Name>"
		                    "<Phone>+31201234569</Phone><Email>%s</Email></Contact>",
		                    r->email2);
		out = stats_cat(out, part);
		free(part);
	}
	part = stats_printf(
		"</IssuingAuthority>\n"
		"<ServiceProvider><Name>" STATS_MARKER " Provider</Name><Country>%s</Country>"
		"</ServiceProvider>\n"
		"<LegalBasis><Provision jurisdiction=\"%s\"><Instrument>" STATS_MARKER
		" Code</Instrument><Article>" STATS_MARKER "-1</Article></Provision>"
		"<Channel>%s</Channel></LegalBasis>\n<Investigation>",
		r->provider ? r->provider : "DE", auth, r->channel ? r->channel : "domestic");
	out = stats_cat(out, part);
	free(part);
	char words[256];
	snprintf(words, sizeof(words), "%s", r->offences ? r->offences : "computer-related-fraud");
	for (char *save, *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		part = stats_printf("<Offence category=\"%s\">" STATS_MARKER " offence</Offence>", w);
		out = stats_cat(out, part);
		free(part);
	}
	out = stats_cat(out, "<Summary>" STATS_MARKER " summary.</Summary></Investigation>\n");
	if (strcmp(r->type, "release") != 0) {
		out = stats_cat(out, "<DataRequested>");
		snprintf(words, sizeof(words), "%s", r->items ? r->items : "subscriber");
		int i = 1;
		for (char *save, *w = strtok_r(words, " ", &save); w;
		     w = strtok_r(NULL, " ", &save), i++) {
			part = stats_printf("<Item id=\"i%d\" category=\"%s\"><Identifier type=\"email\">"
			                    "zqxmark%d@mail.example</Identifier><Fields><Field>"
			                    STATS_MARKER " field</Field></Fields><Relevance>"
			                    STATS_MARKER " relevance.</Relevance></Item>", i, w, i);
			out = stats_cat(out, part);
			free(part);
		}
		out = stats_cat(out, "</DataRequested>\n");
	}
	if (strcmp(r->type, "preservation") == 0) {
		part = stats_printf("<Preservation><Days>%d</Days><Necessity>" STATS_MARKER
		                    " necessity.</Necessity><FollowUp>" STATS_MARKER
		                    " follow-up.</FollowUp></Preservation>\n",
		                    r->days ? r->days : 90);
		out = stats_cat(out, part);
		free(part);
	}
	if (r->priority && strcmp(r->priority, "emergency") == 0)
		out = stats_cat(out, "<Emergency><Justification>" STATS_MARKER
		                     " justification.</Justification></Emergency>\n");
	return stats_cat(out, "</Request>\n");
}

static inline char *stats_response(const struct resp_spec *r)
{
	char *out = stats_printf(
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<Response xmlns=\"urn:lerq:xml:1\" version=\"1.0\" xml:lang=\"en\">\n"
		"<InResponseTo>" STATS_MARKER "-%s</InResponseTo>\n"
		"<ResponseNumber>" STATS_MARKER "-%s</ResponseNumber>\n"
		"<ReceivedAt>%s</ReceivedAt><IssuedAt>%s</IssuedAt><Status>%s</Status>\n"
		"<Responder><ProviderName>" STATS_MARKER " Provider</ProviderName>"
		"<Contact><Name>" STATS_MARKER " Clerk</Name><Phone>+31301234567</Phone>"
		"<Email>zqxmark@zqxmark-isp.example</Email></Contact></Responder>\n",
		r->answers, r->number, r->issued, r->issued, r->status);
	char words[256];
	snprintf(words, sizeof(words), "%s", r->outcomes);
	int i = 1;
	for (char *save, *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save), i++) {
		char *reason = strchr(w, ':');
		if (reason)
			*reason++ = '\0';
		char *part;
		if (reason)
			part = stats_printf("<Result item=\"i%d\" outcome=\"%s\"><Reason code=\"%s\">"
			                    STATS_MARKER " reason.</Reason></Result>\n", i, w, reason);
		else
			part = stats_printf("<Result item=\"i%d\" outcome=\"%s\"><Record><Field name=\""
			                    STATS_MARKER "\">" STATS_MARKER " value</Field></Record>"
			                    "</Result>\n", i, w);
		out = stats_cat(out, part);
		free(part);
	}
	return stats_cat(out, "</Response>\n");
}

#endif
