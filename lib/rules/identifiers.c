/* SPDX-License-Identifier: MIT */
/* Syntax checks for identifier values and e-mail domains.
 *
 * Character classes are spelled out in ASCII instead of <ctype.h>, whose
 * answers depend on the locale, and there are no regular expressions, so
 * each check reads like the standard it follows. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "rules/identifiers.h"

#define LABEL_MAX 63	/* RFC 1035 2.3.4 */
#define DOMAIN_MAX 253	/* 255 octets on the wire, less length bytes and root */
#define LOCAL_MAX 64	/* RFC 5321 4.5.3.1.1 */
#define EMAIL_MAX 254	/* RFC 5321 path of 256, less the angle brackets */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_xdigit(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static char to_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* True when s[0..n) is non-empty and all digits. */
static bool all_digits(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return false;
	}
	return true;
}

static bool all_xdigits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_xdigit(s[i]))
			return false;
	}
	return true;
}

static bool equal_nocase(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (to_lower(a[i]) != to_lower(b[i]))
			return false;
	}
	return true;
}

static bool has_prefix_nocase(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return strlen(s) >= n && equal_nocase(s, prefix, n);
}

/* Length of a domain name without its root dot, if written. */
static size_t strip_root(const char *s)
{
	size_t len = strlen(s);
	if (len > 0 && s[len - 1] == '.')
		len--;
	return len;
}

bool lerq__id_is_ipv4(const char *s)
{
	struct in_addr addr;
	return s != NULL && inet_pton(AF_INET, s, &addr) == 1;
}

bool lerq__id_is_ipv6(const char *s)
{
	struct in6_addr addr;
	return s != NULL && inet_pton(AF_INET6, s, &addr) == 1;
}

/* RFC 5322 3.2.3 atext. */
static bool is_atext(char c)
{
	return is_alpha(c) || is_digit(c) ||
	       (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

bool lerq__id_is_email(const char *s)
{
	if (s == NULL || strlen(s) > EMAIL_MAX)
		return false;
	const char *at = strchr(s, '@');
	if (at == NULL || at == s || (size_t)(at - s) > LOCAL_MAX)
		return false;
	/* A dot-atom: runs of atext joined by single dots. */
	for (const char *p = s; p < at; p++) {
		if (*p == '.') {
			if (p == s || p + 1 == at || p[1] == '.')
				return false;
		} else if (!is_atext(*p)) {
			return false;
		}
	}
	/* A second '@' fails the domain check. Addresses carry no root dot
	 * (RFC 5321 4.1.2), so "a@example.org." is refused. */
	const char *domain = at + 1;
	return strip_root(domain) == strlen(domain) && lerq__id_is_domain(domain);
}

bool lerq__id_is_e164(const char *s)
{
	if (s == NULL || s[0] != '+' || s[1] == '0')
		return false;
	size_t n = strlen(s + 1);
	return n >= 6 && n <= 15 && all_digits(s + 1, n);
}

bool lerq__id_is_imei(const char *s)
{
	if (s == NULL || strlen(s) != 15 || !all_digits(s, 15))
		return false;
	/* Luhn: from the right, the check digit first, double every second
	 * digit (subtracting 9 from a two-digit product); the sum must end
	 * in 0. */
	int sum = 0;
	for (int i = 0; i < 15; i++) {
		int d = s[14 - i] - '0';
		if (i % 2 == 1) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return sum % 10 == 0;
}

bool lerq__id_is_imsi(const char *s)
{
	if (s == NULL)
		return false;
	size_t n = strlen(s);
	return (n == 14 || n == 15) && all_digits(s, n);
}

bool lerq__id_is_mac(const char *s)
{
	if (s == NULL)
		return false;
	size_t len = strlen(s);
	if (len == 17) {
		/* Six pairs; the first separator sets the one for all five. */
		char sep = s[2];
		if (sep != ':' && sep != '-')
			return false;
		for (size_t i = 0; i < 17; i += 3) {
			if (!all_xdigits(s + i, 2))
				return false;
			if (i + 2 < 17 && s[i + 2] != sep)
				return false;
		}
		return true;
	}
	if (len == 14) {
		/* Cisco: three groups of four. */
		return all_xdigits(s, 4) && s[4] == '.' && all_xdigits(s + 5, 4) &&
		       s[9] == '.' && all_xdigits(s + 10, 4);
	}
	return false;
}

/* RFC 1123 2.1 letters-digits-hyphen label. IDNA A-labels ("xn--...") are
 * LDH labels, so they need no case of their own. */
static bool is_ldh_label(const char *s, size_t n)
{
	if (n == 0 || n > LABEL_MAX || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-')
			return false;
	}
	return true;
}

bool lerq__id_is_domain(const char *s)
{
	if (s == NULL)
		return false;
	size_t len = strip_root(s);
	if (len == 0 || len > DOMAIN_MAX)
		return false;
	const char *end = s + len;
	const char *label = s;
	size_t labels = 0;
	for (;;) {
		const char *dot = memchr(label, '.', (size_t)(end - label));
		const char *label_end = dot != NULL ? dot : end;
		if (!is_ldh_label(label, (size_t)(label_end - label)))
			return false;
		labels++;
		if (dot == NULL)
			break;
		label = dot + 1;
	}
	/* No top-level domain is all digits; "192.0.2.1" is an address. */
	return labels >= 2 && !all_digits(label, (size_t)(end - label));
}

/* The host of an http or https URL, found in place: after "//" and any
 * userinfo, before the port, path, query or fragment, inside the brackets
 * of an IPv6 literal. The authority ends at '/', '?', '#' or '\\', as the
 * WHATWG URL standard reads http(s) URLs, so that "https://evil.example\\
 * @polizei.nrw/" has the host a browser goes to: evil.example. *userinfo
 * says whether there was a userinfo ("user@"). False for other schemes, a
 * missing or empty host, or a port that is not all digits. */
static bool http_host(const char *url, const char **host, size_t *host_len,
                      bool *userinfo)
{
	const char *p;
	if (has_prefix_nocase(url, "http://"))
		p = url + strlen("http://");
	else if (has_prefix_nocase(url, "https://"))
		p = url + strlen("https://");
	else
		return false;

	const char *end = p + strcspn(p, "/?#\\");
	/* RFC 3986 allows '@' in userinfo only percent-encoded, but people
	 * write passwords raw; the host follows the last '@'. */
	*userinfo = false;
	for (const char *q = end; q > p; q--) {
		if (q[-1] == '@') {
			p = q;
			*userinfo = true;
			break;
		}
	}

	const char *start = p;
	const char *stop;
	const char *port;
	if (*p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));
		if (close == NULL)
			return false;
		start = p + 1;
		stop = close;
		port = close + 1;
		if (port < end && *port != ':')
			return false;
	} else {
		stop = memchr(p, ':', (size_t)(end - p));
		if (stop == NULL)
			stop = end;
		port = stop;
	}
	/* RFC 3986 3.2.3: port = *DIGIT, so an empty port ("host:/") is
	 * allowed. */
	for (const char *q = port + 1; q < end; q++) {
		if (!is_digit(*q))
			return false;
	}
	if (stop == start)
		return false;
	*host = start;
	*host_len = (size_t)(stop - start);
	return true;
}

bool lerq__id_is_url(const char *s)
{
	if (s == NULL || !is_alpha(s[0]))
		return false;
	/* RFC 3986 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
	const char *p = s + 1;
	while (is_alpha(*p) || is_digit(*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	if (*p != ':' || p[1] == '\0')
		return false;
	/* A URI is printable ASCII: no spaces, controls or raw UTF-8 (an IRI
	 * must be written with xn-- labels and percent-encoding). */
	for (const char *q = p + 1; *q != '\0'; q++) {
		if ((unsigned char)*q <= 0x20 || (unsigned char)*q >= 0x7f)
			return false;
	}
	size_t scheme_len = (size_t)(p - s);
	if ((scheme_len == 4 && equal_nocase(s, "http", 4)) ||
	    (scheme_len == 5 && equal_nocase(s, "https", 5))) {
		const char *host;
		size_t host_len;
		bool userinfo;
		return http_host(s, &host, &host_len, &userinfo);
	}
	return true;
}

char *lerq__url_host(const char *url)
{
	const char *host;
	size_t host_len;
	bool userinfo;
	if (url == NULL || !http_host(url, &host, &host_len, &userinfo) || userinfo)
		return NULL;
	/* A backslash anywhere before the path: browsers and RFC 3986
	 * parsers disagree on where the host is. */
	const char *authority_end = host + host_len + strcspn(host + host_len, "/?#");
	if (memchr(url, '\\', (size_t)(authority_end - url)) != NULL)
		return NULL;
	char *buf = malloc(host_len + 1);
	if (buf == NULL)
		return NULL;
	for (size_t i = 0; i < host_len; i++)
		buf[i] = to_lower(host[i]);
	buf[host_len] = '\0';
	return buf;
}

const char *lerq__id_email_domain(const char *email)
{
	if (email == NULL)
		return NULL;
	const char *at = strrchr(email, '@');
	return at != NULL ? at + 1 : NULL;
}

static int compare_entry(const void *key, const void *entry)
{
	return strcmp(key, *(const char *const *)entry);
}

static bool freemail_listed(const char *name)
{
	return bsearch(name, lerq__freemail_domains, lerq__freemail_domains_count,
		       sizeof(lerq__freemail_domains[0]), compare_entry) != NULL;
}

/* What may follow the name of a "name.*" entry: a top-level domain
 * (yahoo.fr), or a country code under one of the generic second levels
 * registries offer (yahoo.co.uk, yahoo.com.ar, yahoo.co.jp). Anything else
 * is somebody's own domain: yahoo.example.org is not Yahoo. */
static bool is_wildcard_suffix(const char *s)
{
	static const char *const second_levels[] = {
		"co", "com", "net", "org", "ne", "or", NULL,
	};
	const char *dot = strchr(s, '.');
	if (dot == NULL)
		return s[0] != '\0';
	if (strlen(dot + 1) != 2 || !is_alpha(dot[1]) || !is_alpha(dot[2]))
		return false;
	size_t n = (size_t)(dot - s);
	for (size_t i = 0; second_levels[i] != NULL; i++) {
		if (strlen(second_levels[i]) == n && memcmp(s, second_levels[i], n) == 0)
			return true;
	}
	return false;
}

bool lerq__id_domain_is_freemail(const char *domain)
{
	char name[DOMAIN_MAX + 1];
	if (domain == NULL)
		return false;
	size_t len = strip_root(domain);
	if (len == 0 || len > DOMAIN_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		name[i] = to_lower(domain[i]);
	name[len] = '\0';

	/* Walk up the parents: mail.yahoo.co.uk, yahoo.co.uk, co.uk, uk. Each
	 * step is two binary searches, so the cost grows with the number of
	 * labels times the log of the list's length. */
	const char *p = name;
	for (;;) {
		if (freemail_listed(p))
			return true;
		const char *dot = strchr(p, '.');
		if (dot == NULL)
			return false;
		size_t n = (size_t)(dot - p);
		if (n > 0 && n <= LABEL_MAX && is_wildcard_suffix(dot + 1)) {
			char wildcard[LABEL_MAX + sizeof(".*")];
			memcpy(wildcard, p, n);
			memcpy(wildcard + n, ".*", sizeof(".*"));
			if (freemail_listed(wildcard))
				return true;
		}
		p = dot + 1;
	}
}

bool lerq__id_domain_is_within(const char *domain, const char *host)
{
	if (domain == NULL || host == NULL)
		return false;
	size_t domain_len = strip_root(domain);
	size_t host_len = strip_root(host);
	/* Longer than any DNS name: nothing is within it. */
	if (host_len > DOMAIN_MAX)
		return false;
	const char *last_dot = NULL;
	for (size_t i = 0; i < domain_len; i++) {
		if (domain[i] == '.')
			last_dot = domain + i;
	}
	/* A bare top-level domain spans every site under it, and a numeric
	 * last label makes an address, whose "parents" mean nothing. */
	if (last_dot == NULL || domain[0] == '.' ||
	    all_digits(last_dot + 1, domain_len - (size_t)(last_dot + 1 - domain)))
		return false;
	if (domain_len == host_len)
		return equal_nocase(domain, host, domain_len);
	if (domain_len > host_len)
		return false;
	/* Cut at a label boundary: example.de is not a parent of myexample.de. */
	const char *tail = host + host_len - domain_len;
	return tail[-1] == '.' && equal_nocase(domain, tail, domain_len);
}
