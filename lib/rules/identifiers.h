/* SPDX-License-Identifier: MIT */
/* Syntax of identifier values (rule LERQ-R010) and the e-mail domain checks
 * of rules LERQ-R001 and LERQ-R002. Private to liblerq: never installed.
 *
 * Every check takes a NUL-terminated, already whitespace-collapsed string,
 * returns false for NULL, looks only at ASCII (no locale) and keeps no
 * state, so all of it is safe to call from any thread. */
#ifndef LERQ_IDENTIFIERS_H
#define LERQ_IDENTIFIERS_H

#include <stdbool.h>
#include <stddef.h>

/* Dotted quad, as inet_pton(AF_INET) reads it: four decimal parts 0-255.
 * glibc, musl and the BSDs (all the ISC code) refuse leading zeros
 * ("192.168.01.1"), which other parsers read as octal. */
bool lerq__id_is_ipv4(const char *s);
/* Any form inet_pton(AF_INET6) reads: full, compressed ("::"), with an
 * embedded IPv4 address ("::ffff:192.0.2.1"). No zone ("%eth0"). */
bool lerq__id_is_ipv6(const char *s);
/* local@domain: the local part a dot-atom of 1-64 characters (RFC 5322, no
 * quoted strings), the domain as lerq__id_is_domain() without a trailing
 * dot (no address literals), at most 254 characters in all. ASCII only. */
bool lerq__id_is_email(const char *s);
/* "+" then 6-15 digits, the first not 0 (no country code starts with 0). */
bool lerq__id_is_e164(const char *s);
/* Exactly 15 digits whose last is the Luhn check digit of the other 14. */
bool lerq__id_is_imei(const char *s);
/* 14 or 15 digits. */
bool lerq__id_is_imsi(const char *s);
/* 00:1a:2b:3c:4d:5e or 00-1a-2b-3c-4d-5e (one separator throughout), or
 * the Cisco form 001a.2b3c.4d5e; hex digits in either case. */
bool lerq__id_is_mac(const char *s);
/* A host name of at least two labels: letters, digits and hyphens (so IDNA
 * "xn--" labels too), 1-63 characters each, no hyphen at either end, the
 * last label not all digits, at most 253 characters plus an optional
 * trailing dot. */
bool lerq__id_is_domain(const char *s);
/* An absolute URI (RFC 3986): a scheme, ":", and a non-empty rest of
 * printable ASCII without spaces. For http and https, "//" and a non-empty
 * host must follow, with only digits in a port. */
bool lerq__id_is_url(const char *s);

/* The domain of an e-mail address: a pointer into email just after its
 * last '@' (borrowed from email, possibly ""), or NULL when there is none. */
const char *lerq__id_email_domain(const char *email);

/* True when domain is a free-mail or personal mailbox domain (rule
 * LERQ-R001): listed in lerq__freemail_domains, a subdomain of a listed one
 * (mail.gmail.com), or matching a "name.*" entry under a top-level domain or
 * a common two-level suffix (yahoo.de, yahoo.co.uk). Case-insensitive; a
 * trailing dot is ignored. gmail.com.example.org is not free-mail. */
bool lerq__id_domain_is_freemail(const char *domain);

/* True when domain is host or a parent domain of it (rule LERQ-R002):
 * "police.example.de" and "example.de" are within "www.police.example.de",
 * "other.de" is not, and a bare top-level domain ("de") never is.
 * Case-insensitive; trailing dots are ignored. A domain whose last label
 * is all digits is an address, not a domain, and is within nothing
 * ("2.1" is no parent of "192.0.2.1"). A host longer than a DNS name
 * (253) has nothing within it. */
bool lerq__id_domain_is_within(const char *domain, const char *host);

/* The host of an http or https URL (scheme in any case), lower-cased,
 * without port, path, query or fragment, and without the brackets of an
 * IPv6 literal, however long; the caller frees it. The authority ends at
 * '/', '?', '#' or a backslash, as browsers read it (WHATWG URL). NULL
 * when url is not http(s), has no host, has a userinfo ("user@": it makes
 * the host hard to see) or a backslash in its authority (RFC 3986 parsers
 * and browsers disagree on its host), or memory ran out. */
char *lerq__url_host(const char *url);

/* Generated from lib/data/freemail.txt by tools/embed-text.py: lower-case
 * entries in strcmp() order without duplicates, then NULL; "name.*" is a
 * wildcard entry. */
extern const char *const lerq__freemail_domains[];
extern const size_t lerq__freemail_domains_count;

#endif
