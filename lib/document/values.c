/* SPDX-License-Identifier: MIT */
/* The values of a document: whitespace collapsing, the check of a value
 * against its field's type, and dates written from instants.
 *
 * A setter checks what the schema will check, so that a refusal comes at
 * the call that caused it, naming the field, rather than as a schema error
 * when the document is written. Where libxml2 has the XML Schema built-in
 * type (dateTime, date, language, NCName, integer, anyURI), its own
 * validator decides, so the builder and the schema cannot disagree; the
 * patterns and lengths of lerq's own types are written out here. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemastypes.h>

#include "document/document-private.h"

/* Decodes one UTF-8 sequence: its length, or 0 when it is malformed,
 * overlong, a surrogate or beyond U+10FFFF. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((s[0] & 0xE0) == 0xC0)
		n = 2, c = s[0] & 0x1F, min = 0x80;
	else if ((s[0] & 0xF0) == 0xE0)
		n = 3, c = s[0] & 0x0F, min = 0x800;
	else if ((s[0] & 0xF8) == 0xF0)
		n = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* XML 1.0's Char production: what may appear in a document at all. */
static bool is_xml_char(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Number of characters of s, or SIZE_MAX when s is not UTF-8 made of
 * characters XML allows. */
static size_t xml_length(const char *s)
{
	size_t count = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t c;
		size_t n = utf8_decode(p, &c);
		if (n == 0 || !is_xml_char(c))
			return SIZE_MAX;
		p += n;
		count++;
	}
	return count;
}

static bool is_ascii_alnum(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* [A-Za-z0-9/._:\-]{1,64} */
static bool is_ref(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 64)
		return false;
	for (; *s; s++)
		if (!is_ascii_alnum(*s) && strchr("/._:-", *s) == NULL)
			return false;
	return true;
}

/* \+[0-9]{6,15} */
static bool is_e164(const char *s)
{
	if (*s++ != '+')
		return false;
	size_t n = strlen(s);
	if (n < 6 || n > 15)
		return false;
	for (; *s; s++)
		if (!is_digit(*s))
			return false;
	return true;
}

/* [^@\s]+@[^@\s.]+(\.[^@\s.]+)+ : one @, a non-empty local part, and a
 * domain of at least two non-empty labels. A collapsed value has no blank
 * but the space. */
static bool is_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL || strchr(s, ' ') != NULL)
		return false;
	const char *d = at + 1;
	size_t labels = 0, len = 0;
	for (;; d++) {
		if (*d == '.' || *d == '\0') {
			if (len == 0)
				return false;
			labels++;
			len = 0;
			if (*d == '\0')
				break;
		} else {
			len++;
		}
	}
	return labels >= 2;
}

static bool builtin_valid(xmlSchemaValType type, const char *s)
{
	xmlSchemaTypePtr t = xmlSchemaGetBuiltInType(type);
	return t != NULL && xmlSchemaValidatePredefinedType(t, BAD_CAST s, NULL) == 0;
}

/* https?://[^\s/?#]+([/?#]\S*)? and an xs:anyURI. */
static bool is_http_uri(const char *s)
{
	const char *p;
	if (strncmp(s, "http://", 7) == 0)
		p = s + 7;
	else if (strncmp(s, "https://", 8) == 0)
		p = s + 8;
	else
		return false;
	size_t host = strcspn(p, " /?#");
	if (host == 0 || strchr(p, ' ') != NULL)
		return false;
	return builtin_valid(XML_SCHEMAS_ANYURI, s);
}

/* One side of type/subtype: [A-Za-z0-9][A-Za-z0-9!#$&\-^_.+]{0,126} */
static bool media_part(const char *s, size_t n)
{
	if (n < 1 || n > 127 || !is_ascii_alnum(s[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!is_ascii_alnum(s[i]) && strchr("!#$&-^_.+", s[i]) == NULL)
			return false;
	return true;
}

static bool is_media_type(const char *s)
{
	const char *slash = strchr(s, '/');
	return slash != NULL && media_part(s, (size_t)(slash - s)) &&
	       media_part(slash + 1, strlen(slash + 1));
}

static bool is_sha256(const char *s)
{
	if (strlen(s) != 64)
		return false;
	for (; *s; s++)
		if (!is_hex(*s))
			return false;
	return true;
}

/* An xs:integer from lo to hi. */
static bool is_integer_in(const char *s, long lo, long hi)
{
	if (!builtin_valid(XML_SCHEMAS_INTEGER, s))
		return false;
	const char *p = s;
	bool neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	long v = 0;
	for (; *p; p++) {
		v = v * 10 + (*p - '0');
		if (v > 1000000)
			return false; /* far beyond any range here; no overflow */
	}
	if (neg)
		v = -v;
	return v >= lo && v <= hi;
}

static int compare_code(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static bool is_country(const char *s)
{
	return bsearch(s, lerq__country_codes, lerq__country_codes_count,
	               sizeof(lerq__country_codes[0]), compare_code) != NULL;
}

static bool in_list(const char *const *values, const char *s)
{
	for (; values && *values; values++)
		if (strcmp(*values, s) == 0)
			return true;
	return false;
}

static bool is_datetime(const char *s)
{
	struct lerq_datetime dt;
	/* lerq__datetime_parse() insists on the time zone; libxml2 decides
	 * the rest exactly as the schema will. */
	return lerq__datetime_parse(s, &dt) == LERQ_OK &&
	       builtin_valid(XML_SCHEMAS_DATETIME, s);
}

static bool is_date(const char *s)
{
	struct lerq_datetime dt;
	return lerq__date_parse(s, &dt) == LERQ_OK && builtin_valid(XML_SCHEMAS_DATE, s);
}

const char *lerq__value_description(const struct field *f)
{
	switch (f->type) {
	case FT_TEXT:
		return "text of 1 to 4000 characters";
	case FT_NAME:
		return "text of 1 to 200 characters";
	case FT_REF:
		return "1 to 64 characters among A-Z a-z 0-9 / . _ : and hyphen, no spaces";
	case FT_POSTAL_CODE:
		return "1 to 16 characters";
	case FT_DATETIME:
		return "a date and time with its time zone, e.g. 2026-03-01T09:30:00+01:00";
	case FT_DATE:
		return "a date, e.g. 2026-03-01";
	case FT_COUNTRY:
		return "an ISO 3166-1 country code in capitals, e.g. DE "
		       "(GB for the United Kingdom)";
	case FT_JURISDICTION:
		return "an ISO 3166-1 country code in capitals, or INT for an "
		       "international instrument";
	case FT_E164:
		return "+ then 6 to 15 digits, no spaces, e.g. +4930123456";
	case FT_EMAIL:
		return "an e-mail address, local@domain.tld, at most 254 characters";
	case FT_HTTP_URI:
		return "an http or https address, e.g. https://www.police.example/";
	case FT_MEDIA_TYPE:
		return "a media type, e.g. application/pdf";
	case FT_SHA256:
		return "64 hexadecimal digits";
	case FT_DAYS:
		return "a whole number from 1 to 365";
	case FT_PORT:
		return "a whole number from 0 to 65535";
	case FT_ID:
		return "a name unique in the document: a letter or _ then letters, digits, "
		       "dots, hyphens or _, e.g. i1";
	case FT_NCNAME:
		return "the id of an Item of the request, e.g. i1";
	case FT_LANGUAGE:
		return "a language tag, e.g. en or fr";
	case FT_ENUM:
		return "one of the listed words";
	case FT_FIXED:
		return "a fixed value";
	case FT_ELEMENTS:
	case FT_SIGNATURE:
		break;
	}
	return NULL;
}

bool lerq__value_check(const struct field *f, const char *s, const char **why)
{
	size_t chars = xml_length(s);
	*why = lerq__value_description(f);
	if (chars == SIZE_MAX) {
		*why = "the value is not UTF-8 text, or has characters XML does not allow";
		return false;
	}
	if (chars == 0) {
		*why = "the value is empty";
		return false;
	}
	switch (f->type) {
	case FT_TEXT:
		return chars <= 4000;
	case FT_NAME:
		return chars <= 200;
	case FT_REF:
		return is_ref(s);
	case FT_POSTAL_CODE:
		return chars <= 16;
	case FT_DATETIME:
		return is_datetime(s);
	case FT_DATE:
		return is_date(s);
	case FT_COUNTRY:
		return is_country(s);
	case FT_JURISDICTION:
		return strcmp(s, "INT") == 0 || is_country(s);
	case FT_E164:
		return is_e164(s);
	case FT_EMAIL:
		return chars <= 254 && is_email(s);
	case FT_HTTP_URI:
		return is_http_uri(s);
	case FT_MEDIA_TYPE:
		return is_media_type(s);
	case FT_SHA256:
		return is_sha256(s);
	case FT_DAYS:
		return is_integer_in(s, 1, 365);
	case FT_PORT:
		return is_integer_in(s, 0, 65535);
	case FT_ID:
	case FT_NCNAME:
		return builtin_valid(XML_SCHEMAS_NCNAME, s);
	case FT_LANGUAGE:
		return builtin_valid(XML_SCHEMAS_LANGUAGE, s);
	case FT_ENUM:
	case FT_FIXED:
		return in_list(f->values, s);
	case FT_ELEMENTS:
	case FT_SIGNATURE:
		*why = "this element holds other elements, not a value";
		return false;
	}
	return false;
}

char *lerq__value_show(const char *value)
{
	enum { MAX_CHARS = 60 };
	size_t len = strlen(value);
	char *out = malloc((len < MAX_CHARS * 4 ? len : MAX_CHARS * 4) + 4);
	if (out == NULL)
		return NULL;
	const unsigned char *p = (const unsigned char *)value;
	char *o = out;
	size_t chars = 0;
	while (*p && chars < MAX_CHARS) {
		uint32_t c;
		size_t n = utf8_decode(p, &c);
		if (n == 0 || c < 0x20 || c == 0x7F) {
			/* Keep the message one clean line of UTF-8. */
			*o++ = '?';
			p++;
		} else {
			memcpy(o, p, n);
			o += n;
			p += n;
		}
		chars++;
	}
	if (*p)
		memcpy(o, "...", 3), o += 3;
	*o = '\0';
	return out;
}

/* Date of a count of days since 1970-01-01 (H. Hinnant's
 * civil_from_days, the inverse of lerq__days_from_civil()). */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

int lerq__value_format_time(lerq_time_t t, int offset_minutes, bool date_only, char buf[32])
{
	/* Years 1 to 9999, with room for the offset: beyond that neither
	 * the arithmetic below nor four-digit years hold. */
	if (offset_minutes < -14 * 60 || offset_minutes > 14 * 60 ||
	    t < INT64_C(-62135596800) || t > INT64_C(253402300799))
		return LERQ_EINVAL;
	int64_t local = t + (int64_t)offset_minutes * 60;
	int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	int64_t secs = local - days * 86400;
	int64_t year;
	int month, day;
	civil_from_days(days, &year, &month, &day);
	if (year < 1 || year > 9999)
		return LERQ_EINVAL;
	if (date_only) {
		snprintf(buf, 32, "%04d-%02d-%02d", (int)year, month, day);
		return LERQ_OK;
	}
	int n = snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02d", (int)year, month, day,
	                 (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
	if (offset_minutes == 0)
		snprintf(buf + n, (size_t)(32 - n), "Z");
	else
		snprintf(buf + n, (size_t)(32 - n), "%c%02d:%02d",
		         offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
	return LERQ_OK;
}
