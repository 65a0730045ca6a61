/* SPDX-License-Identifier: MIT */
/* libxml2's XSD messages, rewritten for the people who read findings:
 *   Element '{urn:lerq:xml:1}Foo': This element is not expected. Expected is ( {urn:lerq:xml:1}Bar ).
 * becomes
 *   Element Foo is not allowed here in Request; expected Bar.
 * Unknown message shapes fall back to the raw text with the namespaces
 * removed, so nothing is ever lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lerq-private.h"

/* What a field must look like, by element or attribute name: the format's
 * types (spec section 1) in words. */
static const struct {
	const char *name;
	const char *expected;
} formats[] = {
	{ "IssuedAt", "a date and time with its time zone, e.g. 2026-03-01T09:30:00+01:00" },
	{ "RespondBy", "a date and time with its time zone, e.g. 2026-03-01T09:30:00+01:00" },
	{ "ReceivedAt", "a date and time with its time zone, e.g. 2026-03-01T09:30:00+01:00" },
	{ "At", "a date and time with its time zone, e.g. 2026-03-01T09:30:00+01:00" },
	{ "Start", "a date and time with its time zone, e.g. 2026-03-01T09:30:00+01:00" },
	{ "End", "a date and time with its time zone, e.g. 2026-03-01T09:30:00+01:00" },
	{ "Until", "a date such as 2026-03-01" },
	{ "IssuedOn", "a date such as 2026-03-01" },
	{ "ValidUntil", "a date such as 2026-03-01" },
	{ "PreservedUntil", "a date such as 2026-03-01" },
	{ "Country", "an ISO 3166-1 country code in capitals, e.g. DE, FR or GB" },
	{ "jurisdiction", "an ISO 3166-1 country code in capitals (e.g. DE) or INT" },
	{ "Switchboard", "an international phone number: + then 6 to 15 digits, e.g. +4930123456" },
	{ "Phone", "an international phone number: + then 6 to 15 digits, e.g. +4930123456" },
	{ "Email", "an e-mail address such as name@agency.example" },
	{ "ContactPoint", "an e-mail address such as lawful-requests@provider.example" },
	{ "RegistrationNumber", "a reference of 1 to 64 letters, digits or / . _ : -" },
	{ "RelatesTo", "a registration number of 1 to 64 letters, digits or / . _ : -" },
	{ "InResponseTo", "a registration number of 1 to 64 letters, digits or / . _ : -" },
	{ "ResponseNumber", "a reference of 1 to 64 letters, digits or / . _ : -" },
	{ "CaseReference", "a file number of 1 to 64 letters, digits or / . _ : - (no spaces)" },
	{ "ServiceNumber", "a badge or service number of 1 to 64 letters, digits or / . _ : - (no spaces)" },
	{ "Website", "an absolute http or https address, e.g. https://police.example" },
	{ "Digest", "64 hexadecimal characters (a SHA-256 digest)" },
	{ "algorithm", "sha-256" },
	{ "MediaType", "a media type such as application/pdf" },
	{ "Days", "a whole number of days from 1 to 365" },
	{ "port", "a port number from 0 to 65535" },
	{ "id", "a name that starts with a letter or _ (letters, digits, - _ .), used once in the document" },
	{ "item", "the id of a requested Item (starts with a letter or _)" },
	{ "lang", "a language tag such as en or fr" },
	{ "PostalCode", "1 to 16 characters" },
};

static const char *expected_format(const char *name)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(formats[i].name, name) == 0)
			return formats[i].expected;
	return NULL;
}

/* A value from the document, cut to a readable length: a finding about a
 * 4000-character field need not repeat all of it. Cuts between UTF-8
 * sequences, never inside one. */
#define VALUE_SHOWN_MAX 80
static void put_value(struct lerq__buf *b, const char *s, size_t n)
{
	if (n <= VALUE_SHOWN_MAX) {
		lerq__buf_put(b, s, n);
		return;
	}
	size_t cut = VALUE_SHOWN_MAX;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	lerq__buf_put(b, s, cut);
	lerq__buf_put(b, "...", 3);
}

/* The message, or NULL when memory ran out. */
static char *finish(struct lerq__buf *b)
{
	char *out = NULL;
	return lerq__buf_finish(b, &out, NULL) == LERQ_OK ? out : NULL;
}

/* Copies text, dropping "{urn:lerq:xml:1}" and writing the XML namespace
 * as "xml:"; stops at end (or NUL). */
static void put_clean(struct lerq__buf *b, const char *s, const char *end)
{
	static const char lerq_ns[] = "{" LERQ_NS "}";
	static const char xml_ns[] = "{http://www.w3.org/XML/1998/namespace}";
	while (s < end && *s) {
		if (strncmp(s, lerq_ns, sizeof(lerq_ns) - 1) == 0) {
			s += sizeof(lerq_ns) - 1;
		} else if (strncmp(s, xml_ns, sizeof(xml_ns) - 1) == 0) {
			lerq__buf_puts(b, "xml:");
			s += sizeof(xml_ns) - 1;
		} else {
			lerq__buf_put(b, s, 1);
			s++;
		}
	}
}

/* The text between the quotes that follow key, e.g. the value in
 * "The value 'abc' is ..." */
static bool quoted_after(const char *msg, const char *key, const char **start,
                         const char **end)
{
	const char *p = strstr(msg, key);
	if (p == NULL)
		return false;
	p += strlen(key);
	const char *q = strchr(p, '\'');
	if (q == NULL)
		return false;
	/* Values may contain quotes: take the last quote of the message. */
	const char *close = strrchr(q + 1, '\'');
	if (close == NULL)
		return false;
	*start = q + 1;
	*end = close;
	return true;
}

/* "( a, b, c )" after "Expected is" as "a, b or c". */
static void put_expected_list(struct lerq__buf *b, const char *list)
{
	const char *open = strchr(list, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (open == NULL || close == NULL) {
		put_clean(b, list, list + strlen(list));
		return;
	}
	const char *p = open + 1;
	size_t count = 0;
	for (const char *q = p; q < close; q++)
		if (*q == ',')
			count++;
	size_t i = 0;
	while (p < close) {
		while (p < close && *p == ' ')
			p++;
		const char *e = p;
		while (e < close && *e != ',')
			e++;
		const char *t = e;
		while (t > p && t[-1] == ' ')
			t--;
		if (t > p) {
			if (i > 0)
				lerq__buf_puts(b, i == count ? " or " : ", ");
			put_clean(b, p, t);
			i++;
		}
		p = e + 1;
	}
}

static const char *local_name(const xmlNode *node)
{
	return node && node->name ? (const char *)node->name : NULL;
}

char *lerq__schema_message(const char *raw, const xmlNode *node)
{
	struct lerq__buf b = { 0 };
	if (raw == NULL)
		raw = "does not match the lerq schema";

	/* The subject: "Element '{ns}Foo'" and maybe ", attribute 'bar'". */
	const char *body = raw;
	const char *elem = NULL;
	char attr[128] = "";
	const xmlNode *el = node;
	if (node && node->type == XML_ATTRIBUTE_NODE) {
		snprintf(attr, sizeof(attr), "%s%s",
		         node->ns && node->ns->prefix ? "xml:" : "", (const char *)node->name);
		el = node->parent;
	}
	elem = local_name(el);
	const char *colon = strstr(raw, "': ");
	if (strncmp(raw, "Element '", 9) == 0 && colon != NULL)
		body = colon + 3;

	const char *parent = el && el->parent && el->parent->type == XML_ELEMENT_NODE
	                             ? (const char *)el->parent->name : NULL;
	/* How a value is named: "Email (in Contact)" or "Item attribute id". */
	char subject[300] = "A value";
	if (attr[0] && elem)
		snprintf(subject, sizeof(subject), "%s attribute %s", elem, attr);
	else if (elem && parent)
		snprintf(subject, sizeof(subject), "%s (in %s)", elem, parent);
	else if (elem)
		snprintf(subject, sizeof(subject), "%s", elem);
	const char *field = attr[0] ? attr : elem;
	const char *fmt_key = attr[0] ? (const char *)node->name : elem;
	const char *fmt = fmt_key ? expected_format(fmt_key) : NULL;
	const char *vs, *ve;

	if (strstr(body, "This element is not expected.") == body) {
		lerq__buf_puts(&b, "Element ");
		lerq__buf_puts(&b, elem ? elem : "?");
		lerq__buf_puts(&b, " is not allowed ");
		if (parent) {
			lerq__buf_puts(&b, "here in ");
			lerq__buf_puts(&b, parent);
		} else {
			lerq__buf_puts(&b, "here");
		}
		const char *exp = strstr(body, "Expected is");
		if (exp) {
			lerq__buf_puts(&b, strstr(exp, "one of") ? "; expected one of " : "; expected ");
			put_expected_list(&b, exp);
			lerq__buf_puts(&b, " at this point");
		} else if (parent) {
			lerq__buf_puts(&b, ": nothing more may follow at this point");
		}
	} else if (strstr(body, "Missing child element(s).") == body) {
		lerq__buf_puts(&b, elem ? elem : "An element");
		lerq__buf_puts(&b, " is incomplete: ");
		const char *exp = strstr(body, "Expected is");
		if (exp) {
			lerq__buf_puts(&b, strstr(exp, "one of") ? "one of " : "");
			put_expected_list(&b, exp);
			lerq__buf_puts(&b, " is missing");
		} else {
			lerq__buf_puts(&b, "a required element is missing");
		}
	} else if (strstr(body, "The attribute '") == body && strstr(body, "is required but missing")) {
		const char *s = body + strlen("The attribute '");
		const char *e = strchr(s, '\'');
		lerq__buf_puts(&b, elem ? elem : "An element");
		lerq__buf_puts(&b, " lacks its required attribute ");
		put_clean(&b, s, e ? e : s + strlen(s));
		attr[0] = '\0';
	} else if (strstr(body, "The attribute '") == body && strstr(body, "is not allowed")) {
		lerq__buf_puts(&b, elem ? elem : "An element");
		lerq__buf_puts(&b, " does not take the attribute ");
		lerq__buf_puts(&b, attr[0] ? attr : "given");
	} else if (strstr(body, "Character content other than whitespace is not allowed")) {
		lerq__buf_puts(&b, elem ? elem : "An element");
		lerq__buf_puts(&b, " must contain only elements, not text");
	} else if (strstr(body, "Element content is not allowed")) {
		lerq__buf_puts(&b, elem ? elem : "An element");
		lerq__buf_puts(&b, " must contain only a value, not elements");
	} else if (strstr(body, "[facet 'enumeration']") &&
	           quoted_after(body, "The value", &vs, &ve)) {
		/* "The value 'x' is not an element of the set {'a', 'b'}." */
		const char *set = strstr(body, "of the set {");
		const char *vend = set ? strstr(body, "' is not an element") : NULL;
		lerq__buf_puts(&b, subject);
		lerq__buf_puts(&b, " \"");
		put_value(&b, vs, vend ? (size_t)(vend - vs) : (size_t)(ve - vs));
		if (fmt) {
			lerq__buf_puts(&b, "\" is not ");
			lerq__buf_puts(&b, fmt);
		} else {
			lerq__buf_puts(&b, "\" is not allowed; use one of: ");
		}
		if (set && !fmt) {
			const char *p = set + strlen("of the set {");
			const char *close = strrchr(p, '}');
			for (; close && p < close; p++)
				if (*p != '\'')
					lerq__buf_put(&b, p, 1);
		}
	} else if (strstr(body, "[facet 'maxLength']") || strstr(body, "[facet 'minLength']") ||
	           strstr(body, "[facet 'length']")) {
		const char *len_s, *len_e;
		const char *lim_s, *lim_e;
		bool ok = quoted_after(body, "has a length of", &len_s, &len_e);
		const char *lim = strstr(body, "length of '");
		lim = lim ? strstr(lim + 11, "length of '") : NULL;
		if (ok && lim) {
			lim_s = lim + strlen("length of '");
			lim_e = strchr(lim_s, '\'');
			len_e = strchr(len_s, '\'');
		}
		if (ok && lim && lim_e && len_e) {
			bool empty = len_e - len_s == 1 && *len_s == '0';
			lerq__buf_puts(&b, subject);
			if (empty) {
				lerq__buf_puts(&b, " is empty; it needs a value");
			} else {
				lerq__buf_puts(&b, " is ");
				lerq__buf_put(&b, len_s, (size_t)(len_e - len_s));
				lerq__buf_puts(&b, strstr(body, "maxLength") ? " characters long; at most "
				                                    : " characters long; at least ");
				lerq__buf_put(&b, lim_s, (size_t)(lim_e - lim_s));
				lerq__buf_puts(&b, " are allowed");
			}
		} else {
			goto fallback;
		}
	} else if ((strstr(body, "[facet 'maxInclusive']") || strstr(body, "[facet 'minInclusive']")) &&
	           strstr(body, "The value '")) {
		const char *s = strstr(body, "The value '") + strlen("The value '");
		const char *e = strchr(s, '\'');
		const char *l = strstr(body, "allowed ('");
		const char *le = l ? strchr(l + 10, '\'') : NULL;
		if (!e || !l || !le)
			goto fallback;
		lerq__buf_puts(&b, subject);
		lerq__buf_puts(&b, " ");
		put_value(&b, s, (size_t)(e - s));
		lerq__buf_puts(&b, strstr(body, "maxInclusive") ? " is above the largest allowed value, "
		                                       : " is below the smallest allowed value, ");
		lerq__buf_put(&b, l + 10, (size_t)(le - (l + 10)));
		if (fmt) {
			lerq__buf_puts(&b, " (expected ");
			lerq__buf_puts(&b, fmt);
			lerq__buf_puts(&b, ")");
		}
	} else if (strstr(body, "does not match the fixed value constraint")) {
		const char *s = strstr(body, "constraint '");
		const char *e = s ? strchr(s + 12, '\'') : NULL;
		lerq__buf_puts(&b, subject);
		lerq__buf_puts(&b, " must be ");
		if (s && e)
			lerq__buf_put(&b, s + 12, (size_t)(e - (s + 12)));
		else
			lerq__buf_puts(&b, "its fixed value");
	} else if ((strstr(body, "[facet 'pattern']") && strstr(body, "The value '")) ||
	           (strstr(body, "is not a valid value of") && body[0] == '\'')) {
		const char *s, *e;
		if (body[0] == '\'') {
			s = body + 1;
			e = strstr(s, "' is not a valid value of");
		} else {
			s = strstr(body, "The value '") + strlen("The value '");
			e = strstr(s, "' is not accepted");
		}
		/* libxml2 cuts long messages: the value may have no end. */
		bool cut = e == NULL;
		if (cut)
			e = s + strlen(s);
		lerq__buf_puts(&b, subject);
		lerq__buf_puts(&b, " \"");
		put_value(&b, s, (size_t)(e - s));
		if (cut && (size_t)(e - s) <= VALUE_SHOWN_MAX)
			lerq__buf_puts(&b, "...");
		if (field && strcmp(field, "id") == 0) {
			lerq__buf_puts(&b, "\" is not a valid id or is used twice: each id must be ");
			lerq__buf_puts(&b, fmt);
		} else if (fmt) {
			lerq__buf_puts(&b, "\" is not ");
			lerq__buf_puts(&b, fmt);
		} else {
			lerq__buf_puts(&b, "\" is not valid here");
			const char *t = strstr(body, "type '");
			if (t) {
				const char *te = strchr(t + 6, '\'');
				if (te) {
					lerq__buf_puts(&b, " (expected a value of type ");
					put_clean(&b, t + 6, te);
					lerq__buf_puts(&b, ")");
				}
			}
		}
	} else {
		goto fallback;
	}
	return finish(&b);

fallback:
	free(b.data);
	b = (struct lerq__buf){ 0 };
	if (elem) {
		lerq__buf_puts(&b, elem);
		if (attr[0]) {
			lerq__buf_puts(&b, ", attribute ");
			lerq__buf_puts(&b, attr);
		}
		lerq__buf_puts(&b, ": ");
	}
	const char *end = body + strlen(body);
	while (end > body && (end[-1] == '\n' || end[-1] == '.'))
		end--;
	/* libxml2 may cut its own message short; cap what we repeat. */
	if (end - body > 400)
		end = body + 400;
	put_clean(&b, body, end);
	return finish(&b);
}
