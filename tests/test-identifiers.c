/* SPDX-License-Identifier: MIT */
/* Identifier syntax (LERQ-R010) and the e-mail domain checks of LERQ-R001
 * and LERQ-R002. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "rules/identifiers.h"

typedef bool (*check_fn)(const char *s);

/* Runs fn over a NULL-terminated list and names the first value it gets
 * wrong, which a bare assert_true() would not. */
static void expect_all(check_fn fn, const char *const *values, bool expected)
{
	for (size_t i = 0; values[i] != NULL; i++) {
		if (fn(values[i]) != expected)
			fail_msg("\"%s\" should be %s", values[i],
				 expected ? "accepted" : "refused");
	}
	/* Every check refuses NULL instead of crashing. */
	assert_false(fn(NULL));
}

#define GOOD(fn, ...) expect_all(fn, (const char *const[]){ __VA_ARGS__, NULL }, true)
#define BAD(fn, ...) expect_all(fn, (const char *const[]){ __VA_ARGS__, NULL }, false)

static void test_ipv4(void **state)
{
	(void)state;
	GOOD(lerq__id_is_ipv4, "192.0.2.1", "0.0.0.0", "255.255.255.255", "10.0.0.0");
	/* Leading zeros are refused: other parsers read them as octal. */
	BAD(lerq__id_is_ipv4, "256.1.1.1", "1.2.3", "1.2.3.4.5", "", "192.168.01.1",
	    "01.2.3.4", "0x1.2.3.4", "1.2.3.4 ", " 1.2.3.4", "1.2.3.-4", "::1",
	    "a.b.c.d", "1..2.3");
}

static void test_ipv6(void **state)
{
	(void)state;
	GOOD(lerq__id_is_ipv6, "::", "::1", "2001:db8::1", "2001:DB8::A",
	     "2001:0db8:0000:0000:0000:0000:0000:0001", "1:2:3:4:5:6:7:8",
	     "::ffff:192.0.2.1", "1:2:3:4:5:6:1.2.3.4", "fe80::", "1:2:3:4:5:6:7::");
	BAD(lerq__id_is_ipv6, "", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::",
	    "fe80::1%eth0", "[::1]", "192.0.2.1", "g::1", "::ffff:256.0.0.1",
	    "1:2:3:4:5:6:7");
}

static void test_email(void **state)
{
	(void)state;
	GOOD(lerq__id_is_email, "anna@example.org", "Anna@GMAIL.COM",
	     "a.b.c@police.example.de", "x+tag@example.co.uk",
	     "!#$%&'*+-/=?^_`{|}~@example.org", "a@xn--bcher-kva.example",
	     "a@b.c");
	BAD(lerq__id_is_email, "", "anna", "@example.org", "anna@", "anna@localhost",
	    ".anna@example.org", "anna.@example.org", "an..na@example.org",
	    "an na@example.org", "a@b@example.org", "anna@example.org.",
	    "anna@-example.org", "anna@example..org", "anna@192.0.2.1",
	    "anna@[192.0.2.1]", "\"anna\"@example.org", "anna(x)@example.org",
	    "j\xc3\xbcrgen@example.org");

	/* Local part: 64 characters, not 65. */
	char s[400];
	memset(s, 'a', 64);
	strcpy(s + 64, "@example.org");
	assert_true(lerq__id_is_email(s));
	memset(s, 'a', 65);
	strcpy(s + 65, "@example.org");
	assert_false(lerq__id_is_email(s));

	/* 254 characters in all, not 255: "a@" then labels of 63 and dots. */
	strcpy(s, "a@");
	for (int i = 0; i < 3; i++) {
		memset(s + strlen(s), 'b', 63);
		s[2 + 64 * i + 63] = '\0';
		strcat(s, ".");
	}
	/* 2 + 192 = 194 so far; a last label of 60 makes 254. */
	size_t n = strlen(s);
	memset(s + n, 'c', 60);
	s[n + 60] = '\0';
	assert_int_equal(strlen(s), 254);
	assert_true(lerq__id_is_email(s));
	strcat(s, "c");
	assert_false(lerq__id_is_email(s));
}

static void test_e164(void **state)
{
	(void)state;
	GOOD(lerq__id_is_e164, "+4930123456", "+123456", "+123456789012345");
	BAD(lerq__id_is_e164, "", "+", "+12345", "+1234567890123456", "4930123456",
	    "+0301234567", "+49 30 123456", "+49-30-123456", "++4930123456",
	    "+4930123456a", "00 4930123456");
}

static void test_imei(void **state)
{
	(void)state;
	GOOD(lerq__id_is_imei, "490154203237518", "356938035643809", "000000000000000");
	BAD(lerq__id_is_imei, "", "490154203237517", "490154203237519",
	    "49015420323751", "4901542032375180", "49015420323751a",
	    "49-015420-323751-8", "490154 203237518");
}

static void test_imsi(void **state)
{
	(void)state;
	GOOD(lerq__id_is_imsi, "26201123456789", "262011234567890");
	BAD(lerq__id_is_imsi, "", "2620112345678", "2620112345678901",
	    "26201123456789a", "+26201123456789", "262 011234567890");
}

static void test_mac(void **state)
{
	(void)state;
	GOOD(lerq__id_is_mac, "00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E",
	     "001a.2b3c.4d5e", "FF:FF:FF:FF:FF:FF");
	BAD(lerq__id_is_mac, "", "00:1a:2b:3c:4d", "00:1a:2b:3c:4d:5e:6f",
	    "00:1a-2b:3c:4d:5e", "00.1a.2b.3c.4d.5e", "001a2b3c4d5e",
	    "0:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5g", "001a.2b3c:4d5e",
	    "001a-2b3c-4d5e", "001a.2b3c.4d5", "00 1a 2b 3c 4d 5e");
}

static void test_domain(void **state)
{
	(void)state;
	GOOD(lerq__id_is_domain, "example.org", "police.example.de", "example.org.",
	     "a-b.example", "xn--bcher-kva.example", "example.xn--p1ai",
	     "1.example.org", "123.example", "EXAMPLE.ORG", "a1.b2");
	BAD(lerq__id_is_domain, "", ".", "org", "org.", "-example.org",
	    "example-.org", "example.-org", "example.org-", ".example.org",
	    "example..org", "example.org..", "exa_mple.org", "exa mple.org",
	    "192.0.2.1", "example.123", "b\xc3\xbc" "cher.example", "example.org/");

	/* Labels of 63, not 64; 253 characters, not 254 (one more with the
	 * root dot). */
	char s[300];
	memset(s, 'a', 63);
	strcpy(s + 63, ".example");
	assert_true(lerq__id_is_domain(s));
	memset(s, 'a', 64);
	strcpy(s + 64, ".example");
	assert_false(lerq__id_is_domain(s));

	s[0] = '\0';
	for (int i = 0; i < 3; i++) {
		size_t n = strlen(s);
		memset(s + n, 'a', 63);
		strcpy(s + n + 63, ".");
	}
	/* 192 so far; 61 more makes 253. */
	size_t n = strlen(s);
	memset(s + n, 'b', 61);
	s[n + 61] = '\0';
	assert_int_equal(strlen(s), 253);
	assert_true(lerq__id_is_domain(s));
	strcat(s, ".");
	assert_true(lerq__id_is_domain(s));
	s[253] = 'b';
	s[254] = '\0';
	assert_false(lerq__id_is_domain(s));
}

static void test_url(void **state)
{
	(void)state;
	GOOD(lerq__id_is_url, "https://x.example/a?b", "ftp://x", "mailto:a@b.c",
	     "http://example.org", "HTTPS://Example.ORG:8443/", "http://[2001:db8::1]/",
	     "http://user:pw@example.org/", "https://example.org:/", "urn:isbn:0451450523",
	     "svn+ssh://x/y", "https://example.org#frag", "tel:+4930123456",
	     "https://example.org/%C3%BC");
	BAD(lerq__id_is_url, "", "not a url", "http://", "https://", "http:",
	    "http:example.org", "http:///path", "http://user@/", "http://:80/",
	    "http://example.org:8o/", "http://[2001:db8::1/", "http://[::1]x/",
	    "https://exa mple.org/", "https://example.org/a b", "https://example.org/\t",
	    "1http://x", "+x:y", "example.org", "//example.org/", ":x",
	    "https://b\xc3\xbc" "cher.example/", "ht_tp://x");
}

static void test_url_host(void **state)
{
	(void)state;
	/* Issue 13: what a browser (WHATWG URL) takes as the host, or NULL
	 * where lerq refuses to guess. */
	static const struct {
		const char *url, *host;
	} table[] = {
		{ "https://WWW.Police.Example.DE/contact", "www.police.example.de" },
		{ "HTTPS://Polizei.NRW/", "polizei.nrw" },
		{ "HtTp://polizei.nrw", "polizei.nrw" },
		{ "https://[2001:DB8::1]:443/", "2001:db8::1" },
		{ "https://example.org?q", "example.org" },
		{ "https://example.org#f", "example.org" },
		{ "https://example.org.", "example.org." },
		{ "https://polizei.nrw:8443/a", "polizei.nrw" },
		{ "https://polizei.nrw:/", "polizei.nrw" },
		{ "https://xn--bcher-kva.example/", "xn--bcher-kva.example" },
		{ "https://b\xc3\xbc" "cher.example/", "b\xc3\xbc" "cher.example" },
		/* Browsers go to evil.example: refused. */
		{ "https://evil.example\\@polizei.nrw/", NULL },
		{ "https://evil.example\\polizei.nrw/", NULL },
		{ "https://polizei.nrw\\", NULL },
		/* Credentials hide the host. */
		{ "https://user@host.example/", NULL },
		{ "https://user:pw@host.example/", NULL },
		{ "http://user:p@ss@example.org:8080/a@b?c#d", NULL },
		{ "https://polizei.nrw@evil.example/", NULL },
		/* An '@' after the authority is the path's. */
		{ "https://polizei.nrw/@evil.example", "polizei.nrw" },
		{ "ftp://example.org/", NULL },
		{ "mailto:a@example.org", NULL },
		{ "https://", NULL },
		{ "https://:443/", NULL },
		{ "https://example.org:8o/", NULL },
		{ "https://[2001:db8::1/", NULL },
		{ NULL, NULL },
	};
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		char *host = lerq__url_host(table[i].url);
		print_message("  %s\n", table[i].url ? table[i].url : "(null)");
		if (table[i].host == NULL)
			assert_null(host);
		else
			assert_string_equal(host, table[i].host);
		free(host);
	}
	/* However long the host. */
	char url[1100] = "https://";
	memset(url + 8, 'a', 1000);
	strcpy(url + 1008, ".example/");
	char *host = lerq__url_host(url);
	assert_non_null(host);
	assert_int_equal(strlen(host), 1008);
	free(host);
}

static void test_email_domain(void **state)
{
	(void)state;
	const char *email = "anna@police.example.de";
	assert_ptr_equal(lerq__id_email_domain(email), email + 5);
	assert_string_equal(lerq__id_email_domain("a@b@example.org"), "example.org");
	assert_string_equal(lerq__id_email_domain("anna@"), "");
	assert_null(lerq__id_email_domain("anna"));
	assert_null(lerq__id_email_domain(NULL));
}

static void test_freemail(void **state)
{
	(void)state;
	GOOD(lerq__id_domain_is_freemail, "gmail.com", "GMAIL.COM", "Gmail.Com.",
	     "googlemail.com", "mail.gmail.com", "yahoo.com", "yahoo.de", "yahoo.co.uk",
	     "YAHOO.CO.UK", "yahoo.com.ar", "mail.yahoo.co.jp", "hotmail.fr",
	     "hotmail.co.uk", "outlook.com", "outlook.de", "live.com", "gmx.net",
	     "gmx.de", "gmx.at", "web.de", "mail.ru", "yandex.ru", "yandex.com.tr",
	     "ya.ru", "proton.me", "protonmail.com", "icloud.com", "aol.com",
	     "t-online.de", "163.com", "uol.com.br");
	BAD(lerq__id_domain_is_freemail, "", ".", "example.org", "police.example.de",
	    "gmail.com.example.org", "mygmail.com", "gmail.co", "gmail",
	    "yahoo", "yahoo.example.org", "yahoo.example.de", "yahoo.com.example.org",
	    "yahoo.co.example", "notyahoo.com", "yahoo-inc.com", "com", "co.uk",
	    "gmx.police.uk", "mail.police.uk");

	/* Through the e-mail address, as rule LERQ-R001 uses it. */
	assert_true(lerq__id_domain_is_freemail(lerq__id_email_domain("Anna@GMAIL.COM")));
	assert_false(lerq__id_domain_is_freemail(lerq__id_email_domain("anna@police.example.de")));

	/* Longer than any domain name: refused, not overflowed. */
	char s[600];
	memset(s, 'a', sizeof(s) - 12);
	strcpy(s + sizeof(s) - 12, ".gmail.com");
	assert_false(lerq__id_domain_is_freemail(s));
}

/* The lookup binary-searches the generated table and only ever searches
 * lower case, so the table must be sorted, unique and lower case. */
static void test_freemail_table(void **state)
{
	(void)state;
	size_t n = 0;
	while (lerq__freemail_domains[n] != NULL)
		n++;
	assert_int_equal(n, lerq__freemail_domains_count);
	assert_true(n > 50);
	for (size_t i = 0; i < n; i++) {
		const char *e = lerq__freemail_domains[i];
		if (i > 0 && strcmp(lerq__freemail_domains[i - 1], e) >= 0)
			fail_msg("\"%s\" is out of order", e);
		if (strchr(e, '.') == NULL)
			fail_msg("\"%s\" has no dot", e);
		for (const char *p = e; *p != '\0'; p++) {
			if (*p >= 'A' && *p <= 'Z')
				fail_msg("\"%s\" is not lower case", e);
		}
		/* Every entry finds itself; "name.*" ones through name.com. */
		size_t len = strlen(e);
		char probe[300];
		if (len >= 2 && strcmp(e + len - 2, ".*") == 0) {
			memcpy(probe, e, len - 1);
			strcpy(probe + len - 1, "com");
		} else {
			strcpy(probe, e);
		}
		if (!lerq__id_domain_is_freemail(probe))
			fail_msg("\"%s\" is listed but not found", probe);
	}
}

static void test_within(void **state)
{
	(void)state;
	const char *host = "www.police.example.de";
	assert_true(lerq__id_domain_is_within("police.example.de", host));
	assert_true(lerq__id_domain_is_within("example.de", host));
	assert_true(lerq__id_domain_is_within("www.police.example.de", host));
	assert_true(lerq__id_domain_is_within("police.example.de.", host));
	assert_true(lerq__id_domain_is_within("police.example.de", "www.police.example.de."));
	assert_true(lerq__id_domain_is_within("Police.Example.DE", "WWW.police.example.de"));
	assert_false(lerq__id_domain_is_within("de", host));
	assert_false(lerq__id_domain_is_within("de.", host));
	assert_false(lerq__id_domain_is_within(".de", host));
	assert_false(lerq__id_domain_is_within("other.de", host));
	assert_false(lerq__id_domain_is_within("ample.de", host));
	assert_false(lerq__id_domain_is_within("xample.de", "example.de"));
	assert_false(lerq__id_domain_is_within("mail.police.example.de", host));
	assert_false(lerq__id_domain_is_within("www.police.example.de", "police.example.de"));
	assert_false(lerq__id_domain_is_within("", host));
	assert_false(lerq__id_domain_is_within("example.de", ""));
	assert_false(lerq__id_domain_is_within("2.1", "192.0.2.1"));
	assert_false(lerq__id_domain_is_within("192.0.2.1", "192.0.2.1"));
	assert_false(lerq__id_domain_is_within(NULL, host));
	assert_false(lerq__id_domain_is_within("example.de", NULL));

	/* As rule LERQ-R002 combines them. */
	char *buf = lerq__url_host("https://www.police.example.de/kontakt");
	assert_non_null(buf);
	assert_true(lerq__id_domain_is_within(
		lerq__id_email_domain("cybercrime@police.example.de"), buf));
	assert_false(lerq__id_domain_is_within(
		lerq__id_email_domain("cybercrime@police-example.de"), buf));
	free(buf);
	/* A host longer than any DNS name has nothing within it. */
	char long_host[400];
	memset(long_host, 'a', 300);
	strcpy(long_host + 300, ".police.example.de");
	assert_false(lerq__id_domain_is_within("police.example.de", long_host));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ipv4),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_e164),
		cmocka_unit_test(test_imei),
		cmocka_unit_test(test_imsi),
		cmocka_unit_test(test_mac),
		cmocka_unit_test(test_domain),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_url_host),
		cmocka_unit_test(test_email_domain),
		cmocka_unit_test(test_freemail),
		cmocka_unit_test(test_freemail_table),
		cmocka_unit_test(test_within),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
