/* SPDX-License-Identifier: MIT */
/* What rule bodies read and write: the values of elements and attributes,
 * whitespace-collapsed as xs:token does, dates and times, durations and
 * messages, each kept by the run until it ends (rules.c). */
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rules/rules.h"

/* The first failure of the run is the one it reports. */
static void fail(struct lerq_rule_run *run, int status)
{
	if (run->status == LERQ_OK)
		run->status = status;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* xs:token: trim, and make every inner run of blanks one space. */
static void collapse(char *s)
{
	char *w = s;
	bool pending = false;
	for (const char *r = s; *r; r++) {
		if (is_blank(*r)) {
			pending = w != s;
			continue;
		}
		if (pending)
			*w++ = ' ';
		pending = false;
		*w++ = *r;
	}
	*w = '\0';
}

static const char *own_xml_value(struct lerq_rule_run *run, xmlChar *value)
{
	if (value == NULL) {
		fail(run, LERQ_ENOMEM);
		return "";
	}
	char *s = strdup((const char *)value);
	xmlFree(value);
	s = lerq__rule_own(run, s);
	if (s == NULL)
		return "";
	collapse(s);
	return s;
}

const char *lerq__rule_text(struct lerq_rule_run *run, xmlNodePtr node)
{
	if (node == NULL || run->status != LERQ_OK)
		return "";
	return own_xml_value(run, xmlNodeGetContent(node));
}

const char *lerq__rule_attr(struct lerq_rule_run *run, xmlNodePtr element, const char *name)
{
	if (element == NULL || run->status != LERQ_OK)
		return NULL;
	if (!xmlHasNsProp(element, BAD_CAST name, NULL))
		return NULL;
	return own_xml_value(run, xmlGetNoNsProp(element, BAD_CAST name));
}

/* Enough to recognise a value, short enough for one sentence. */
#define SHOW_MAX 80

const char *lerq__rule_show(struct lerq_rule_run *run, const char *value)
{
	size_t len = strlen(value);
	if (len <= SHOW_MAX)
		return value;
	size_t cut = SHOW_MAX;
	/* Never cut a UTF-8 sequence: back up to the start of a character. */
	while (cut > 0 && ((unsigned char)value[cut] & 0xC0) == 0x80)
		cut--;
	return lerq__rule_format(run, "%.*s...", (int)cut, value);
}

bool lerq__rule_datetime(struct lerq_rule_run *run, xmlNodePtr node, struct lerq_datetime *dt)
{
	return node != NULL && lerq__datetime_parse(lerq__rule_text(run, node), dt) == LERQ_OK;
}

bool lerq__rule_date(struct lerq_rule_run *run, xmlNodePtr node, struct lerq_datetime *dt)
{
	return node != NULL && lerq__date_parse(lerq__rule_text(run, node), dt) == LERQ_OK;
}

int64_t lerq__rule_calendar_day(const struct lerq_datetime *dt)
{
	return lerq__days_from_civil(dt->year, dt->month, dt->day);
}

static void add_unit(char *buf, size_t size, int64_t n, const char *unit,
                     bool last)
{
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%s%lld %s%s",
	         len == 0 ? "" : last ? " and " : ", ", (long long)n, unit,
	         n == 1 ? "" : "s");
}

const char *lerq__rule_duration(struct lerq_rule_run *run, int64_t seconds)
{
	const char *unit[] = { "day", "hour", "minute", "second" };
	int64_t part[4];
	bool negative = seconds < 0;
	int64_t s = negative ? -seconds : seconds;
	part[0] = s / 86400;
	part[1] = s / 3600 % 24;
	part[2] = s / 60 % 60;
	part[3] = s % 60;
	int shown = 0, last = -1;
	for (int i = 0; i < 4; i++) {
		if (part[i] != 0) {
			shown++;
			last = i;
		}
	}
	char buf[160] = "";
	if (shown == 0)
		snprintf(buf, sizeof(buf), "0 seconds");
	for (int i = 0; i < 4; i++)
		if (part[i] != 0)
			add_unit(buf, sizeof(buf), part[i], unit[i], i == last);
	return lerq__rule_format(run, "%s%s", negative ? "minus " : "", buf);
}

const char *lerq__rule_format(struct lerq_rule_run *run, const char *fmt, ...)
{
	if (run->status != LERQ_OK)
		return "";
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (s != NULL) {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	s = lerq__rule_own(run, s);
	return s ? s : "";
}

const char *lerq__rule_utc(struct lerq_rule_run *run, lerq_time_t t)
{
	/* Civil date from days (H. Hinnant's civil_from_days), so that no
	 * time_t range or gmtime_r() matters. */
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - days * 86400;
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	int64_t y = yoe + era * 400 + (m <= 2);
	return lerq__rule_format(run, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
	                   (long long)y, (long long)m, (long long)d,
	                   (long long)(secs / 3600), (long long)(secs / 60 % 60),
	                   (long long)(secs % 60));
}

