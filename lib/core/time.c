/* SPDX-License-Identifier: MIT */
/* xs:dateTime with a mandatory time zone, and xs:date, as instants.
 * Written by hand because strptime() knows no time-zone offsets with a
 * colon and timegm() is not in POSIX. */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "core/lerq-private.h"

static bool digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int64_t y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
int64_t lerq__days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return p;
}

/* YYYY-MM-DD, with an optional minus sign and more than four year digits
 * as xs:date allows. */
static bool parse_date_part(const char **pp, struct lerq_datetime *dt)
{
	const char *p = *pp;
	bool neg = false;
	if (*p == '-') {
		neg = true;
		p++;
	}
	int64_t year = 0;
	int n = 0;
	while (isdigit((unsigned char)*p) && n < 9) {
		year = year * 10 + (*p - '0');
		p++, n++;
	}
	if (n < 4 || (n > 4 && *(p - n) == '0') || *p != '-')
		return false;
	p++;
	if (!digits(&p, 2, &dt->month) || *p++ != '-' || !digits(&p, 2, &dt->day))
		return false;
	dt->year = neg ? -year : year;
	if (dt->month < 1 || dt->month > 12 || dt->day < 1 ||
	    dt->day > days_in_month(dt->year, dt->month))
		return false;
	*pp = p;
	return true;
}

int lerq__datetime_parse(const char *text, struct lerq_datetime *dt)
{
	memset(dt, 0, sizeof(*dt));
	const char *p = skip_space(text);
	if (!parse_date_part(&p, dt) || *p++ != 'T')
		return LERQ_EINVAL;
	if (!digits(&p, 2, &dt->hour) || *p++ != ':' || !digits(&p, 2, &dt->minute) ||
	    *p++ != ':' || !digits(&p, 2, &dt->second))
		return LERQ_EINVAL;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return LERQ_EINVAL;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (dt->minute > 59 || dt->second > 59)
		return LERQ_EINVAL;
	/* 24:00:00 is the end of the day in XML Schema. */
	if (dt->hour > 24 || (dt->hour == 24 && (dt->minute || dt->second)))
		return LERQ_EINVAL;

	if (*p == 'Z') {
		p++;
		dt->offset_minutes = 0;
	} else if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1;
		int oh, om;
		if (!digits(&p, 2, &oh) || *p++ != ':' || !digits(&p, 2, &om))
			return LERQ_EINVAL;
		if (om > 59 || oh > 14 || (oh == 14 && om != 0))
			return LERQ_EINVAL;
		dt->offset_minutes = sign * (oh * 60 + om);
	} else {
		return LERQ_EINVAL; /* no time zone */
	}
	if (*skip_space(p) != '\0')
		return LERQ_EINVAL;

	int64_t days = lerq__days_from_civil(dt->year, dt->month, dt->day);
	dt->instant = days * 86400 + dt->hour * 3600 + dt->minute * 60 + dt->second -
	              (int64_t)dt->offset_minutes * 60;
	return LERQ_OK;
}

int lerq__date_parse(const char *text, struct lerq_datetime *dt)
{
	memset(dt, 0, sizeof(*dt));
	const char *p = skip_space(text);
	if (!parse_date_part(&p, dt))
		return LERQ_EINVAL;
	/* xs:date may carry a time zone; a calendar date is compared as
	 * written, so it is accepted and ignored. */
	int oh, om;
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		p++;
		if (!digits(&p, 2, &oh) || *p++ != ':' || !digits(&p, 2, &om))
			return LERQ_EINVAL;
	}
	if (*skip_space(p) != '\0')
		return LERQ_EINVAL;
	dt->instant = lerq__days_from_civil(dt->year, dt->month, dt->day) * 86400;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_time_parse(const char *text, lerq_time_t *out)
{
	struct lerq_datetime dt;
	if (text == NULL || out == NULL)
		return LERQ_EINVAL;
	int r = lerq__datetime_parse(text, &dt);
	if (r == LERQ_OK)
		*out = dt.instant;
	return r;
}

LERQ_EXPORT lerq_time_t lerq_now(void)
{
	return (lerq_time_t)time(NULL);
}
