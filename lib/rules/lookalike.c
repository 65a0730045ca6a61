/* SPDX-License-Identifier: MIT */
/*
 * Look-alike domains and invisible characters (issue 13).
 *
 * Rule LERQ-R001 compares e-mail domains after folding them as a mail
 * system would (fullwidth "ｇmail.com" and "gm<ZWSP>ail.com" reach Gmail);
 * LERQ-R023 refuses bidirectional controls and invisible characters in
 * identifiers, registration numbers, e-mail addresses and names, and names
 * with nothing visible in them; LERQ-R024 reports an e-mail domain or a
 * Website host that mixes scripts ("gmаil.com" with a Cyrillic а), is
 * written with compatibility characters, or (the Website's) holds
 * invisible characters.
 *
 * libunistring gives NFKC, the Default_Ignorable_Code_Point and
 * White_Space properties and scripts; libidn2 decodes xn-- labels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <idn2.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "core/lerq-private.h"
#include "rules/identifiers.h"
#include "rules/lookalike.h"
#include "rules/rules.h"

bool lerq__is_bidi_control(uint32_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

bool lerq__is_invisible(uint32_t c)
{
	return lerq__is_bidi_control(c) || uc_is_property_default_ignorable_code_point(c) ||
	       c == 0x2800 /* BRAILLE PATTERN BLANK */;
}

/* Most values are ASCII, where no character is invisible, a bidi control,
 * a compatibility form or of a script other than Latin and Common: the
 * Unicode work below is skipped for them (it was a third of validation). */
static bool is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* Calls fn on each character of s (well-formed UTF-8: it comes from
 * libxml2); stops when fn returns true, and returns that. */
static bool each_char(const char *s, bool (*fn)(uint32_t c, void *arg), void *arg)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);
	const uint8_t *end = p + n;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (fn(c, arg))
			return true;
		p += k > 0 ? k : 1;
	}
	return false;
}

struct first_invisible {
	bool allow_joiners;
	uint32_t found;
};

static bool check_invisible(uint32_t c, void *arg)
{
	struct first_invisible *fi = arg;
	if (fi->allow_joiners && (c == 0x200C || c == 0x200D))
		return false;
	if (!lerq__is_invisible(c))
		return false;
	fi->found = c;
	return true;
}

uint32_t lerq__first_invisible(const char *s, bool allow_joiners)
{
	struct first_invisible fi = { allow_joiners, 0 };
	if (s != NULL && !is_ascii(s, strlen(s)))
		each_char(s, check_invisible, &fi);
	return fi.found;
}

static bool is_visible(uint32_t c, void *arg)
{
	(void)arg;
	return !uc_is_property_white_space(c) && !lerq__is_invisible(c) &&
	       !uc_is_general_category(c, UC_CATEGORY_Cc);
}

bool lerq__ascii_visible(const char *s)
{
	bool visible = false;
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			return false;
		visible = visible || ((unsigned char)*s > ' ' && *s != 0x7F);
	}
	return visible;
}

bool lerq__has_visible(const char *s)
{
	if (s == NULL)
		return false;
	if (is_ascii(s, strlen(s))) {
		for (; *s != '\0'; s++)
			if ((unsigned char)*s > ' ' && *s != 0x7F)
				return true;
		return false;
	}
	return each_char(s, is_visible, NULL);
}

char *lerq__domain_fold(const char *domain)
{
	size_t n = strlen(domain);
	if (is_ascii(domain, n)) {
		char *lower = malloc(n + 1);
		if (lower == NULL)
			return NULL;
		for (size_t i = 0; i <= n; i++)
			lower[i] = domain[i] >= 'A' && domain[i] <= 'Z' ? (char)(domain[i] + 32)
			                                                : domain[i];
		return lower;
	}
	uint8_t *kept = malloc(n + 1);
	if (kept == NULL)
		return NULL;
	size_t len = 0;
	const uint8_t *p = (const uint8_t *)domain, *end = p + n;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (k <= 0)
			k = 1;
		if (c == 0x3002 || c == 0xFF61) {
			/* IDEOGRAPHIC and HALFWIDTH IDEOGRAPHIC FULL STOP: label
			 * separators in IDNA (UTS #46). */
			kept[len++] = '.';
		} else if (!lerq__is_invisible(c)) {
			memcpy(kept + len, p, (size_t)k);
			len += (size_t)k;
		}
		p += k;
	}
	if (len == 0) {
		kept[0] = '\0';
		return (char *)kept;
	}
	size_t out_len;
	uint8_t *out = u8_tolower(kept, len, NULL, UNINORM_NFKC, NULL, &out_len);
	free(kept);
	if (out == NULL)
		return NULL;
	char *res = realloc(out, out_len + 1);
	if (res == NULL) {
		free(out);
		return NULL;
	}
	res[out_len] = '\0';
	return res;
}

bool lerq__domain_has_compat(const char *domain)
{
	size_t n = strlen(domain), nfc_len = 0, nfkc_len = 0;
	if (n == 0 || is_ascii(domain, n))
		return false;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)domain, n, NULL, &nfc_len);
	uint8_t *nfkc = u8_normalize(UNINORM_NFKC, (const uint8_t *)domain, n, NULL, &nfkc_len);
	bool differ = nfc != NULL && nfkc != NULL &&
	              (nfc_len != nfkc_len || memcmp(nfc, nfkc, nfc_len) != 0);
	free(nfc);
	free(nfkc);
	return differ;
}

/* Scripts that one writing system combines (UTS #39 5.2, "highly
 * restrictive"), beyond a single script. */
static bool scripts_allowed(const uc_script_t *const *set, size_t count)
{
	static const char *const combos[][4] = {
		{ "Latin", "Han", "Hiragana", "Katakana" },
		{ "Latin", "Han", "Bopomofo", NULL },
		{ "Latin", "Han", "Hangul", NULL },
	};
	if (count <= 1)
		return true;
	for (size_t k = 0; k < sizeof(combos) / sizeof(combos[0]); k++) {
		size_t in = 0;
		for (size_t i = 0; i < count; i++) {
			for (size_t j = 0; j < 4 && combos[k][j] != NULL; j++) {
				if (strcmp(set[i]->name, combos[k][j]) == 0) {
					in++;
					break;
				}
			}
		}
		if (in == count)
			return true;
	}
	return false;
}

/* One label (UTF-8, n bytes): whether its scripts clash. */
static bool label_mixes(const uint8_t *p, size_t n, const char **a, const char **b)
{
	const uc_script_t *set[8];
	size_t count = 0;
	const uint8_t *end = p + n;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		p += k > 0 ? k : 1;
		const uc_script_t *sc = uc_script(c);
		if (sc == NULL || strcmp(sc->name, "Common") == 0 ||
		    strcmp(sc->name, "Inherited") == 0)
			continue;
		size_t i = 0;
		while (i < count && set[i] != sc)
			i++;
		if (i < count)
			continue;
		if (count == sizeof(set) / sizeof(set[0])) {
			*a = set[0]->name;
			*b = sc->name;
			return true;
		}
		set[count++] = sc;
		if (!scripts_allowed(set, count)) {
			*a = set[0]->name;
			*b = sc->name;
			return true;
		}
	}
	return false;
}

bool lerq__domain_mixes_scripts(const char *domain, const char **script_a,
                                const char **script_b)
{
	const char *label = domain;
	for (;;) {
		size_t n = strcspn(label, ".");
		bool mixes;
		/* An xn-- label is checked as it shows in a browser. */
		if (n > 4 && strncasecmp(label, "xn--", 4) == 0) {
			char *ace = strndup(label, n);
			char *uni = NULL;
			if (ace != NULL && idn2_to_unicode_8z8z(ace, &uni, 0) == IDN2_OK && uni != NULL)
				mixes = label_mixes((const uint8_t *)uni, strlen(uni), script_a, script_b);
			else
				mixes = false;
			idn2_free(uni);
			free(ace);
		} else {
			mixes = !is_ascii(label, n) &&
			        label_mixes((const uint8_t *)label, n, script_a, script_b);
		}
		if (mixes)
			return true;
		if (label[n] == '\0')
			return false;
		label += n + 1;
	}
}

char *lerq__show_invisible(const char *s, size_t max)
{
	size_t cap = max + 32;
	char *out = malloc(cap);
	if (out == NULL)
		return NULL;
	size_t len = 0;
	const uint8_t *p = (const uint8_t *)s;
	const uint8_t *end = p + strlen(s);
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (k <= 0)
			k = 1;
		size_t need = (lerq__is_invisible(c) || (c != ' ' && uc_is_property_white_space(c)))
		                      ? 10 : (size_t)k;
		if (len + need >= max) {
			memcpy(out + len, "...", 4);
			return out;
		}
		if (need == 10)
			len += (size_t)snprintf(out + len, cap - len, "<U+%04X>", (unsigned)c);
		else {
			memcpy(out + len, p, (size_t)k);
			len += (size_t)k;
		}
		p += k;
	}
	out[len] = '\0';
	return out;
}

/* ---- the rules ---- */

/* Names may hold ZWNJ and ZWJ, which Persian and the Indic scripts need
 * inside words; identifiers, numbers and addresses may not. */
static bool is_name(const xmlNode *node)
{
	const char *n = (const char *)node->name;
	return strcmp(n, "Identifier") != 0 && strcmp(n, "Email") != 0 &&
	       strcmp(n, "ContactPoint") != 0 && strcmp(n, "RegistrationNumber") != 0 &&
	       strcmp(n, "RelatesTo") != 0 && strcmp(n, "InResponseTo") != 0 &&
	       strcmp(n, "ResponseNumber") != 0;
}

/* LERQ-R023: a right-to-left override makes a letter show
 * "j.krause.1984@..." while the data holds the string reversed; a
 * zero-width space makes two values that look the same differ; a name of
 * no-break spaces looks filled in. */
int lerq__rule_invisible_characters(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes nodes = lerq__rule_select(run, XP_TEXT_FIELDS, NULL);
	for (size_t i = 0; i < nodes.count; i++) {
		/* Most fields are one text node of ASCII: read in place, with
		 * no copy, they pass at once (this rule reads every name and
		 * identifier of the document). */
		const xmlNode *only = nodes.node[i]->children;
		if (only != NULL && only->next == NULL && only->type == XML_TEXT_NODE &&
		    only->content != NULL && lerq__ascii_visible((const char *)only->content))
			continue;
		const char *value = lerq__rule_text(run, nodes.node[i]);
		const char *field = (const char *)nodes.node[i]->name;
		uint32_t c = lerq__first_invisible(value, is_name(nodes.node[i]));
		if (c == 0 && lerq__has_visible(value))
			continue;
		char *shown = lerq__show_invisible(value, 120);
		if (shown == NULL) {
			run->status = LERQ_ENOMEM;
			return run->status;
		}
		if (c != 0)
			lerq__rule_report(run, LERQ_R023, nodes.node[i],
			            "%s \"%s\" holds the %s character U+%04X; what a reader "
			            "sees would not be what the data says: remove it",
			            field, shown,
			            lerq__is_bidi_control(c) ? "bidirectional control" : "invisible",
			            (unsigned)c);
		else
			lerq__rule_report(run, LERQ_R023, nodes.node[i],
			            "%s \"%s\" has no visible character", field, shown);
		free(shown);
	}
	return run->status;
}

/* What is wrong with a domain, or NULL; @invisible: report invisible
 * characters too (an e-mail address has R023 for that). */
static const char *domain_problem(struct lerq_rule_run *run, const char *domain,
                                  bool invisible)
{
	uint32_t c = lerq__first_invisible(domain, false);
	if (c != 0)
		return invisible ? lerq__rule_format(run, "holds the invisible character U+%04X",
		                                     (unsigned)c)
		                 : NULL;
	const char *a, *b;
	if (lerq__domain_mixes_scripts(domain, &a, &b))
		return lerq__rule_format(run, "mixes the scripts %s and %s in one label", a, b);
	if (lerq__domain_has_compat(domain))
		return "is written with compatibility characters (such as fullwidth letters) "
		       "that stand for others";
	return NULL;
}

/* LERQ-R024: "gmаil.com" with a Cyrillic а is not gmail.com, but reads as
 * it; the provider checks the source by what it reads (G§24). */
int lerq__rule_lookalike_domain(struct lerq_rule_run *run)
{
	struct lerq_rule_nodes emails = lerq__rule_select(run, XP_ALL_EMAILS, NULL);
	for (size_t i = 0; i < emails.count; i++) {
		const char *email = lerq__rule_text(run, emails.node[i]);
		const char *domain = lerq__id_email_domain(email);
		const char *problem = domain ? domain_problem(run, domain, false) : NULL;
		if (problem != NULL)
			lerq__rule_report(run, LERQ_R024, emails.node[i],
			            "The domain of e-mail \"%s\" %s; a reader may take it for "
			            "another domain", lerq__rule_show(run, email), problem);
	}
	xmlNodePtr website = lerq__rule_first(run, XP_REQ_WEBSITE, NULL);
	if (website == NULL)
		return run->status;
	const char *url = lerq__rule_text(run, website);
	char *host = lerq__url_host(url);
	const char *problem = host ? domain_problem(run, host, true) : NULL;
	if (problem != NULL) {
		char *shown = lerq__show_invisible(url, 120);
		lerq__rule_report(run, LERQ_R024, website,
		            "The host of Website \"%s\" %s; a reader may take it for another "
		            "domain", shown ? shown : "", problem);
		free(shown);
	}
	free(host);
	return run->status;
}
