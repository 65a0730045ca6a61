/* SPDX-License-Identifier: MIT */
/*
 * Signatures and trust lists (format section 6): lerq_sign_memory(),
 * verification with a trust list on the context, LERQ-V001..V007, trust
 * lists refused whole, the letter's signature check, and
 * interoperability with the xmlsec1 command-line tool both ways.
 *
 * Keys and certificates are made at test time by tests/make-test-pki.sh
 * in a temporary directory (never committed): a CA, agency certificates
 * it issued (RSA and ECDSA), a provider's, another agency's, an expired
 * one, one valid only after the documents' IssuedAt, and an attacker's
 * self-signed look-alike with the agency's subject.
 */
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lerq-test.h"

#define AGENCY "Landeskriminalamt Nordrhein-Westfalen (State Criminal Police Office of North Rhine-Westphalia)"
#define PROVIDER "Rheinwelle Kommunikation GmbH"
#define VERIFY_NOW ((lerq_time_t)1795694400) /* 2026-11-26T12:00:00Z */

static char pki[64];
static char *request_xml, *response_xml;

static char *pki_path(const char *name)
{
	static char buf[8][256];
	static int next;
	char *b = buf[next++ % 8];
	snprintf(b, sizeof(buf[0]), "%s/%s", pki, name);
	return b;
}

static char *b64(const char *name)
{
	char file[64];
	snprintf(file, sizeof(file), "%s.b64", name);
	return test_slurp(pki_path(file), NULL);
}

/* A copy of s with the first `from` replaced by `to` (which must occur). */
static char *replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	if (at == NULL)
		fail_msg("'%s' not found", from);
	size_t n = strlen(s) - strlen(from) + strlen(to);
	char *out = malloc(n + 1);
	assert_non_null(out);
	size_t head = (size_t)(at - s);
	memcpy(out, s, head);
	strcpy(out + head, to);
	strcat(out, at + strlen(from));
	return out;
}

static int setup(void **state)
{
	strcpy(pki, "/tmp/lerq-test-sign-XXXXXX");
	if (mkdtemp(pki) == NULL)
		return -1;
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "sh %s/tests/make-test-pki.sh %s", LERQ_TEST_SOURCE_ROOT, pki);
	if (system(cmd) != 0)
		return -1;
	request_xml = test_slurp(EXAMPLE("disclosure-request.xml"), NULL);
	response_xml = test_slurp(EXAMPLE("response.xml"), NULL);
	return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int teardown(void **state)
{
	nftw(pki, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(request_xml);
	free(response_xml);
	return 0;
}

/* One Party of a trust list; NULL fields are left out. */
struct party {
	const char *name, *country, *cert, *website, *email_domain, *switchboard,
		*valid_until;
};

static char *trust_list(const struct party *parties, size_t count)
{
	size_t cap = 1 << 16, len = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	len += (size_t)snprintf(s + len, cap - len,
	                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                        "<TrustList xmlns=\"urn:lerq:trust:1\" version=\"1.0\">\n"
	                        "  <Owner>" PROVIDER ", Legal</Owner>\n"
	                        "  <IssuedAt>2026-09-01T09:00:00+02:00</IssuedAt>\n");
	for (size_t i = 0; i < count; i++) {
		const struct party *p = &parties[i];
		char *cert = b64(p->cert);
		len += (size_t)snprintf(s + len, cap - len, "  <Party>\n    <Name>%s</Name>\n"
		                        "    <Country>%s</Country>\n", p->name, p->country);
		if (p->website)
			len += (size_t)snprintf(s + len, cap - len, "    <Website>%s</Website>\n",
			                        p->website);
		if (p->email_domain)
			len += (size_t)snprintf(s + len, cap - len,
			                        "    <EmailDomain>%s</EmailDomain>\n", p->email_domain);
		if (p->switchboard)
			len += (size_t)snprintf(s + len, cap - len,
			                        "    <Switchboard>%s</Switchboard>\n", p->switchboard);
		len += (size_t)snprintf(s + len, cap - len, "    <Certificate>%s</Certificate>\n",
		                        cert);
		if (p->valid_until)
			len += (size_t)snprintf(s + len, cap - len,
			                        "    <ValidUntil>%s</ValidUntil>\n", p->valid_until);
		len += (size_t)snprintf(s + len, cap - len, "  </Party>\n");
		free(cert);
	}
	snprintf(s + len, cap - len, "</TrustList>\n");
	return s;
}

/* The usual list: the agency by its CA, with its website, e-mail domain
 * and switchboard; the provider by its own certificate. */
static const struct party usual[] = {
	{ AGENCY, "DE", "ca", "https://lka.polizei.nrw/", "polizei.nrw", "+492119390", NULL },
	{ PROVIDER, "DE", "provider", NULL, "rheinwelle.de", NULL, NULL },
};

static struct lerq_ctx *ctx_with(const struct party *parties, size_t count, unsigned flags)
{
	struct lerq_ctx *ctx = test_ctx();
	char *list = trust_list(parties, count);
	struct lerq_trust *trust = NULL;
	struct lerq_report *problems = NULL;
	int r = lerq_trust_load_memory(ctx, list, strlen(list), &trust, &problems);
	if (r != LERQ_OK && problems && lerq_report_count(problems) > 0)
		fail_msg("trust list refused: %s",
		         lerq_finding_message(lerq_report_get(problems, 0)));
	assert_int_equal(r, LERQ_OK);
	assert_int_equal(lerq_ctx_set_trust(ctx, trust, flags), LERQ_OK);
	free(list);
	return ctx;
}

static char *sign_with(const char *key, const char *doc)
{
	char k[64], c[64];
	snprintf(k, sizeof(k), "%s.key", key);
	snprintf(c, sizeof(c), "%s.pem", key);
	struct lerq_signer *signer = NULL;
	assert_int_equal(lerq_signer_new(pki_path(k), pki_path(c), NULL, &signer), LERQ_OK);
	struct lerq_ctx *ctx = test_ctx();
	char *out = NULL;
	size_t size = 0;
	struct lerq_report *report = NULL;
	int r = lerq_sign_memory(ctx, signer, doc, strlen(doc), VERIFY_NOW, &out, &size, &report);
	assert_int_equal(r, LERQ_OK);
	assert_int_equal(strlen(out), size);
	lerq_report_free(report);
	lerq_ctx_free(ctx);
	lerq_signer_free(signer);
	return out;
}

struct outcome {
	struct lerq_report *report;
	struct lerq_signature *sig;
};

static struct outcome verify(const struct lerq_ctx *ctx, const char *doc)
{
	struct outcome o = { NULL, NULL };
	assert_int_equal(lerq_verify_memory(ctx, doc, strlen(doc), VERIFY_NOW, &o.report, &o.sig),
	                 LERQ_OK);
	return o;
}

static void outcome_free(struct outcome *o)
{
	lerq_report_free(o->report);
	lerq_signature_free(o->sig);
}

/* The findings whose code starts "LERQ-V". */
static size_t v_count(const struct lerq_report *r)
{
	size_t n = 0;
	for (size_t i = 0; i < lerq_report_count(r); i++)
		if (strncmp(lerq_finding_code(lerq_report_get(r, i)), "LERQ-V", 6) == 0)
			n++;
	return n;
}

static const struct lerq_finding *find(const struct lerq_report *r, const char *code)
{
	for (size_t i = 0; i < lerq_report_count(r); i++)
		if (strcmp(lerq_finding_code(lerq_report_get(r, i)), code) == 0)
			return lerq_report_get(r, i);
	return NULL;
}

static void assert_v(const struct lerq_report *r, const char *code, enum lerq_severity sev,
                     const char *path)
{
	const struct lerq_finding *f = find(r, code);
	if (f == NULL)
		fail_msg("no %s finding (%zu findings, first %s)", code, lerq_report_count(r),
		         lerq_report_count(r) ? lerq_finding_code(lerq_report_get(r, 0)) : "-");
	assert_int_equal(lerq_finding_severity(f), sev);
	assert_string_equal(lerq_finding_path(f), path);
	assert_true(lerq_finding_line(f) > 0);
	assert_string_equal(lerq_finding_ref(f), strcmp(code, "LERQ-V005") == 0 ||
	                                         strcmp(code, "LERQ-V006") == 0 ? "G§24" : "G§51");
}

/* ---- sign, then verify ---- */

static void verified_request(const char *key)
{
	struct lerq_ctx *ctx = ctx_with(usual, 2, 0);
	char *signed_doc = sign_with(key, request_xml);
	struct outcome o = verify(ctx, signed_doc);
	assert_int_equal(v_count(o.report), 0);
	assert_true(lerq_report_is_valid(o.report));
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_VERIFIED);
	assert_string_equal(lerq_signature_signer(o.sig), AGENCY);
	assert_string_equal(lerq_signature_signer_country(o.sig), "DE");
	assert_string_equal(lerq_signature_switchboard(o.sig), "+492119390");
	assert_int_equal(lerq_signature_party(o.sig), 0);
	assert_string_equal(lerq_signature_list_owner(o.sig), PROVIDER ", Legal");
	assert_string_equal(lerq_signature_list_issued_at(o.sig), "2026-09-01T09:00:00+02:00");
	assert_string_equal(lerq_signature_reason(o.sig), "");
	assert_non_null(strstr(lerq_signature_subject(o.sig), "LKA NRW signing"));
	/* The signed document validates without a trust list too. */
	struct lerq_ctx *plain = test_ctx();
	struct lerq_report *r = validate_string(plain, signed_doc);
	assert_int_equal(lerq_report_count(r), 0);
	lerq_report_free(r);
	lerq_ctx_free(plain);
	outcome_free(&o);
	free(signed_doc);
	lerq_ctx_free(ctx);
}

static void test_request_rsa(void **state)
{
	verified_request("agency");
}

static void test_request_ecdsa(void **state)
{
	verified_request("agency-ec");
}

static void test_response_rsa(void **state)
{
	struct lerq_ctx *ctx = ctx_with(usual, 2, 0);
	char *signed_doc = sign_with("provider", response_xml);
	assert_non_null(strstr(signed_doc, "rsa-sha256"));
	struct outcome o = verify(ctx, signed_doc);
	assert_int_equal(v_count(o.report), 0);
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_VERIFIED);
	assert_string_equal(lerq_signature_signer(o.sig), PROVIDER);
	assert_int_equal(lerq_signature_party(o.sig), 1);
	outcome_free(&o);
	free(signed_doc);
	lerq_ctx_free(ctx);
}

/* A response signed by the agency's key names another party (V005). */
static void test_response_by_wrong_party(void **state)
{
	struct lerq_ctx *ctx = ctx_with(usual, 2, 0);
	char *signed_doc = sign_with("agency-ec", response_xml);
	assert_non_null(strstr(signed_doc, "ecdsa-sha256"));
	struct outcome o = verify(ctx, signed_doc);
	assert_v(o.report, "LERQ-V005", LERQ_SEVERITY_ERROR, "/Response/Responder/ProviderName");
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_FAILED);
	outcome_free(&o);
	free(signed_doc);
	lerq_ctx_free(ctx);
}

static void expect_one(const struct party *parties, size_t n, const char *doc,
                       const char *code, const char *path)
{
	struct lerq_ctx *ctx = ctx_with(parties, n, 0);
	struct outcome o = verify(ctx, doc);
	assert_v(o.report, code, LERQ_SEVERITY_ERROR, path);
	assert_int_equal(v_count(o.report), 1);
	assert_false(lerq_report_is_valid(o.report));
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_FAILED);
	assert_string_not_equal(lerq_signature_reason(o.sig), "");
	outcome_free(&o);
	lerq_ctx_free(ctx);
}

static void test_changed_after_signing(void **state)
{
	char *signed_doc = sign_with("agency", request_xml);
	char *changed = replace(signed_doc, "<Priority>routine</Priority>",
	                        "<Priority>urgent</Priority>");
	expect_one(usual, 2, changed, "LERQ-V001", "/Request/Signature");
	free(changed);
	/* Whitespace inside an element's content counts too. */
	changed = replace(signed_doc, "julia.hartmann@polizei.nrw", "julia.hartmann@polizei.nrw ");
	expect_one(usual, 2, changed, "LERQ-V001", "/Request/Signature");
	free(changed);
	free(signed_doc);
}

/* The signed original inside a ds:Object of a forged document's
 * signature: the signature is outside the profile. */
static void test_wrapped_in_object(void **state)
{
	char *signed_doc = sign_with("agency", request_xml);
	const char *root = strstr(signed_doc, "<Request ");
	char *original = strndup(root, strlen(root));
	char *forged = replace(signed_doc, "<Priority>routine</Priority>",
	                       "<Priority>emergency</Priority>");
	char *obj = malloc(strlen(original) + 64);
	sprintf(obj, "<ds:Object>%s</ds:Object></ds:Signature>", original);
	char *wrapped = replace(forged, "</ds:Signature>", obj);
	/* The original's signature is a second one, inside the first. */
	expect_one(usual, 2, wrapped, "LERQ-V002", "/Request/Signature/Object/Request/Signature");
	free(wrapped);
	free(obj);
	free(forged);
	free(original);
	free(signed_doc);
}

/* A forged root carrying the original's signature: the digest fails. */
static void test_forged_root(void **state)
{
	char *signed_doc = sign_with("agency", request_xml);
	char *forged = replace(signed_doc, "<RespondBy>2026-10-30T16:00:00+01:00</RespondBy>",
	                       "<RespondBy>2026-10-17T16:00:00+01:00</RespondBy>");
	expect_one(usual, 2, forged, "LERQ-V001", "/Request/Signature");
	free(forged);
	free(signed_doc);
}

static void test_id_reference(void **state)
{
	char *signed_doc = sign_with("agency", request_xml);
	char *ref = replace(signed_doc, "URI=\"\"", "URI=\"#item-1\"");
	expect_one(usual, 2, ref, "LERQ-V002", "/Request/Signature/SignedInfo/Reference");
	free(ref);
	free(signed_doc);
}

/* A signature whose only key is a KeyValue: never used. */
static void test_keyvalue_only(void **state)
{
	char *signed_doc = sign_with("attacker", request_xml);
	const char *a = strstr(signed_doc, "<ds:X509Data>");
	const char *b = strstr(signed_doc, "</ds:X509Data>");
	assert_non_null(a);
	assert_non_null(b);
	char *x509 = strndup(a, (size_t)(b - a) + strlen("</ds:X509Data>"));
	char *kv = replace(signed_doc, x509,
	                   "<ds:KeyValue><ds:RSAKeyValue><ds:Modulus>AQAB</ds:Modulus>"
	                   "<ds:Exponent>AQAB</ds:Exponent></ds:RSAKeyValue></ds:KeyValue>");
	expect_one(usual, 2, kv, "LERQ-V002", "/Request/Signature");
	free(kv);
	free(x509);
	free(signed_doc);
}

/* An attacker adds the agency's (public) certificate next to their own:
 * whichever xmlsec takes the key from is the one whose chain lerq
 * checks, so the signature never verifies. */
static void test_borrowed_certificate(void **state)
{
	char *doc = sign_with("attacker", request_xml);
	char *agency = b64("agency");
	char *cert = malloc(strlen(agency) + 64);
	sprintf(cert, "<ds:X509Certificate>%s</ds:X509Certificate><ds:X509Certificate>", agency);
	char *before = replace(doc, "<ds:X509Certificate>", cert);
	sprintf(cert, "</ds:X509Certificate><ds:X509Certificate>%s</ds:X509Certificate>", agency);
	char *after = replace(doc, "</ds:X509Certificate>", cert);
	struct lerq_ctx *ctx = ctx_with(usual, 2, 0);
	struct outcome o = verify(ctx, before);
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_FAILED);
	assert_false(lerq_report_is_valid(o.report));
	outcome_free(&o);
	o = verify(ctx, after);
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_FAILED);
	assert_false(lerq_report_is_valid(o.report));
	outcome_free(&o);
	lerq_ctx_free(ctx);
	free(after);
	free(before);
	free(cert);
	free(agency);
	free(doc);
}

static void test_two_signatures(void **state)
{
	char *signed_doc = sign_with("agency", request_xml);
	const char *a = strstr(signed_doc, "<ds:Signature");
	char *sig = strndup(a, (size_t)(strstr(a, "</ds:Signature>") - a) + 15);
	/* Two side by side: the schema allows one (S001, no V finding). */
	char *twice = malloc(strlen(signed_doc) + strlen(sig) + 1);
	strcpy(twice, signed_doc);
	char *end = strstr(twice, "</Request>");
	strcpy(end, sig);
	strcat(twice, "</Request>\n");
	struct lerq_ctx *ctx = ctx_with(usual, 2, 0);
	struct outcome o = verify(ctx, twice);
	assert_non_null(find(o.report, "LERQ-S001"));
	assert_int_equal(v_count(o.report), 0);
	assert_null(o.sig);
	outcome_free(&o);
	lerq_ctx_free(ctx);
	/* One inside the other, where the schema does not look: V002. */
	char *inner = malloc(strlen(sig) + 32);
	sprintf(inner, "%s</ds:SignatureValue>", sig);
	char *nested = replace(signed_doc, "</ds:SignatureValue>", inner);
	expect_one(usual, 2, nested, "LERQ-V002",
	           "/Request/Signature/SignatureValue/Signature");
	free(nested);
	free(inner);
	free(twice);
	free(sig);
	free(signed_doc);
}

/* Not the last child: the schema's sequence refuses it (S001). */
static void test_not_last_child(void **state)
{
	char *signed_doc = sign_with("agency", request_xml);
	const char *a = strstr(signed_doc, "<ds:Signature");
	char *sig = strndup(a, (size_t)(strstr(a, "</ds:Signature>") - a) + 15);
	char *without = replace(signed_doc, sig, "");
	char *moved_sig = malloc(strlen(sig) + 16);
	sprintf(moved_sig, "%s<Attachment>", sig);
	char *moved = replace(without, "<Attachment>", moved_sig);
	struct lerq_ctx *ctx = ctx_with(usual, 2, 0);
	struct outcome o = verify(ctx, moved);
	assert_non_null(find(o.report, "LERQ-S001"));
	assert_int_equal(v_count(o.report), 0);
	outcome_free(&o);
	lerq_ctx_free(ctx);
	free(moved);
	free(moved_sig);
	free(without);
	free(sig);
	free(signed_doc);
}

static void test_manifest(void **state)
{
	char *signed_doc = sign_with("agency", request_xml);
	char *m = replace(signed_doc, "</ds:Signature>",
	                  "<ds:Object><ds:Manifest><ds:Reference URI=\"https://example.org/x\">"
	                  "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
	                  "<ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:Manifest>"
	                  "</ds:Object></ds:Signature>");
	expect_one(usual, 2, m, "LERQ-V002", "/Request/Signature");
	free(m);
	free(signed_doc);
}

static void test_certificate_times(void **state)
{
	/* Valid now (2026-12) but not at IssuedAt (2026-10-16). */
	char *late = sign_with("late", request_xml);
	expect_one(usual, 2, late, "LERQ-V004", "/Request/Signature");
	free(late);
	char *expired = sign_with("expired", request_xml);
	expect_one(usual, 2, expired, "LERQ-V004", "/Request/Signature");
	free(expired);
	/* The entry's own ValidUntil, before IssuedAt. */
	struct party ended = usual[0];
	ended.valid_until = "2026-10-15";
	char *doc = sign_with("agency", request_xml);
	expect_one(&ended, 1, doc, "LERQ-V004", "/Request/IssuedAt");
	ended.valid_until = "2026-10-16"; /* the day itself is still valid */
	struct lerq_ctx *ctx = ctx_with(&ended, 1, 0);
	struct outcome o = verify(ctx, doc);
	assert_int_equal(v_count(o.report), 0);
	outcome_free(&o);
	lerq_ctx_free(ctx);
	free(doc);
}

static void test_lookalike_attacker(void **state)
{
	char *doc = sign_with("attacker", request_xml);
	expect_one(usual, 2, doc, "LERQ-V003", "/Request/Signature");
	free(doc);
	/* An agency listed by its own certificate only: the CA's other
	 * certificates are not trusted for it. */
	static const struct party own[] = {
		{ AGENCY, "DE", "agency", NULL, NULL, NULL, NULL },
	};
	doc = sign_with("other", request_xml);
	expect_one(own, 1, doc, "LERQ-V003", "/Request/Signature");
	free(doc);
}

/* A trusted signer whose entry names another agency. */
static void test_entry_names_other_agency(void **state)
{
	static const struct party parties[] = {
		{ "Other Agency", "FR", "other", NULL, NULL, NULL, NULL },
		{ AGENCY, "DE", "agency", NULL, NULL, NULL, NULL },
	};
	char *doc = sign_with("other", request_xml);
	expect_one(parties, 2, doc, "LERQ-V005", "/Request/IssuingAuthority/AgencyName");
	free(doc);
	/* Same name, another country. */
	static const struct party country[] = {
		{ AGENCY, "AT", "agency", NULL, NULL, NULL, NULL },
	};
	doc = sign_with("agency", request_xml);
	expect_one(country, 1, doc, "LERQ-V005",
	           "/Request/IssuingAuthority/PostalAddress/Country");
	free(doc);
}

/* The entry's website, e-mail domain and switchboard: one V006 each,
 * and the signature still counts as verified. */
static void test_changed_contacts(void **state)
{
	static const struct party moved[] = {
		{ AGENCY, "DE", "ca", "https://www.polizei.example/", "polizei.example", "+492119999",
		  NULL },
	};
	char *doc = sign_with("agency", request_xml);
	struct lerq_ctx *ctx = ctx_with(moved, 1, 0);
	struct outcome o = verify(ctx, doc);
	assert_v(o.report, "LERQ-V006", LERQ_SEVERITY_WARNING, "/Request/IssuingAuthority/Website");
	size_t sw = 0, mail = 0;
	for (size_t i = 0; i < lerq_report_count(o.report); i++) {
		const struct lerq_finding *f = lerq_report_get(o.report, i);
		if (strcmp(lerq_finding_code(f), "LERQ-V006") != 0)
			continue;
		if (strcmp(lerq_finding_path(f), "/Request/IssuingAuthority/Switchboard") == 0)
			sw++;
		if (strstr(lerq_finding_path(f), "/Email") != NULL)
			mail++;
	}
	assert_int_equal(sw, 1);
	assert_int_equal(mail, 2); /* the example has two contacts */
	assert_int_equal(v_count(o.report), 4);
	assert_true(lerq_report_is_valid(o.report));
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_VERIFIED);
	/* The number to call back is the list's, not the document's. */
	assert_string_equal(lerq_signature_switchboard(o.sig), "+492119999");
	outcome_free(&o);
	lerq_ctx_free(ctx);
	/* Only what the entry lists is compared. */
	static const struct party bare[] = { { AGENCY, "DE", "ca", NULL, NULL, NULL, NULL } };
	ctx = ctx_with(bare, 1, 0);
	o = verify(ctx, doc);
	assert_int_equal(v_count(o.report), 0);
	assert_null(lerq_signature_switchboard(o.sig));
	outcome_free(&o);
	lerq_ctx_free(ctx);
	free(doc);
}

static void test_unsigned(void **state)
{
	struct lerq_ctx *ctx = ctx_with(usual, 2, 0);
	struct outcome o = verify(ctx, request_xml);
	assert_v(o.report, "LERQ-V007", LERQ_SEVERITY_WARNING, "/Request");
	assert_true(lerq_report_is_valid(o.report));
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_UNSIGNED);
	outcome_free(&o);
	lerq_ctx_free(ctx);

	ctx = ctx_with(usual, 2, LERQ_VERIFY_REQUIRE_SIGNATURE);
	o = verify(ctx, request_xml);
	assert_v(o.report, "LERQ-V007", LERQ_SEVERITY_ERROR, "/Request");
	assert_false(lerq_report_is_valid(o.report));
	outcome_free(&o);
	lerq_ctx_free(ctx);

	/* No trust list: no V finding at all, and verify needs one. */
	ctx = test_ctx();
	struct lerq_report *r = validate_string(ctx, request_xml);
	assert_int_equal(v_count(r), 0);
	lerq_report_free(r);
	struct outcome none = { NULL, NULL };
	assert_int_equal(lerq_verify_memory(ctx, request_xml, strlen(request_xml), VERIFY_NOW,
	                                    &none.report, &none.sig), LERQ_EINVAL);
	lerq_ctx_free(ctx);
}

/* V findings only on documents that pass the schema. */
static void test_invalid_document_no_v(void **state)
{
	struct lerq_ctx *ctx = ctx_with(usual, 2, LERQ_VERIFY_REQUIRE_SIGNATURE);
	char *bad = replace(request_xml, "<Priority>routine</Priority>", "<Priority>soon</Priority>");
	struct outcome o = verify(ctx, bad);
	assert_non_null(find(o.report, "LERQ-S001"));
	assert_int_equal(v_count(o.report), 0);
	assert_null(o.sig);
	outcome_free(&o);
	lerq_ctx_free(ctx);
	free(bad);
}

/* ---- signing refuses ---- */

static void test_sign_refuses(void **state)
{
	struct lerq_signer *signer = NULL;
	assert_int_equal(lerq_signer_new(pki_path("agency.key"), pki_path("agency.pem"), NULL,
	                                 &signer), LERQ_OK);
	struct lerq_ctx *ctx = test_ctx();
	char *out = NULL;
	size_t size = 0;
	struct lerq_report *report = NULL;
	char *signed_doc = sign_with("agency", request_xml);
	assert_int_equal(lerq_sign_memory(ctx, signer, signed_doc, strlen(signed_doc), VERIFY_NOW,
	                                  &out, &size, &report), LERQ_EDOCUMENT);
	assert_null(out);
	assert_v(report, "LERQ-V002", LERQ_SEVERITY_ERROR, "/Request/Signature");
	lerq_report_free(report);
	char *bad = replace(request_xml, "<Priority>routine</Priority>", "");
	assert_int_equal(lerq_sign_memory(ctx, signer, bad, strlen(bad), VERIFY_NOW, &out, &size,
	                                  &report), LERQ_EDOCUMENT);
	assert_non_null(find(report, "LERQ-S001"));
	lerq_report_free(report);
	free(bad);
	free(signed_doc);
	lerq_ctx_free(ctx);
	lerq_signer_free(signer);
	/* A key with another key's certificate. */
	assert_int_equal(lerq_signer_new(pki_path("agency.key"), pki_path("other.pem"), NULL,
	                                 &signer), LERQ_EINVAL);
	assert_int_equal(lerq_signer_new(pki_path("nonexistent.key"), pki_path("other.pem"), NULL,
	                                 &signer), LERQ_EIO);
}

/* An intermediate in --chain goes into the signature after the signer's
 * certificate. */
static void test_chain(void **state)
{
	struct lerq_signer *signer = NULL;
	assert_int_equal(lerq_signer_new(pki_path("agency.key"), pki_path("agency.pem"),
	                                 pki_path("ca.pem"), &signer), LERQ_OK);
	struct lerq_ctx *ctx = test_ctx();
	char *out = NULL;
	size_t size = 0;
	assert_int_equal(lerq_sign_memory(ctx, signer, request_xml, strlen(request_xml),
	                                  VERIFY_NOW, &out, &size, NULL), LERQ_OK);
	const char *first = strstr(out, "<ds:X509Certificate>");
	assert_non_null(first);
	assert_non_null(strstr(first + 1, "<ds:X509Certificate>"));
	lerq_ctx_free(ctx);
	lerq_signer_free(signer);
	ctx = ctx_with(usual, 2, 0);
	struct outcome o = verify(ctx, out);
	assert_int_equal(v_count(o.report), 0);
	outcome_free(&o);
	lerq_ctx_free(ctx);
	free(out);
}

/* A chain file's bytes are not a C string: a file whose last
 * certificate is cut (BEGIN, no END), or that ends right after an END,
 * is searched within its size only (ASan saw strstr read past it). */
static void test_chain_unterminated(void **state)
{
	(void)state;
	char *ca = test_slurp(pki_path("ca.pem"), NULL);
	size_t n = strlen(ca);
	while (n > 0 && (ca[n - 1] == '\n' || ca[n - 1] == '\r'))
		n--;
	static const char cut[] = "\n-----BEGIN CERTIFICATE-----\nMIIB";
	/* Past the 4096 bytes read_file gives any file at least. */
	size_t pad = 5000;
	char *path = strdup(pki_path("chain-cut.pem"));
	struct lerq_signer *signer = NULL;
	for (int ends_with_end = 0; ends_with_end < 2; ends_with_end++) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		for (size_t i = 0; i < pad; i++)
			fputc(i % 64 == 63 ? '\n' : 'x', f);
		fputc('\n', f);
		fwrite(ca, 1, n, f);
		if (!ends_with_end)
			fwrite(cut, 1, sizeof(cut) - 1, f);
		assert_int_equal(fclose(f), 0);
		assert_int_equal(lerq_signer_new(pki_path("agency.key"), pki_path("agency.pem"),
		                                 path, &signer), LERQ_OK);
		lerq_signer_free(signer);
		signer = NULL;
	}
	free(path);
	free(ca);
}

/* ---- trust lists ---- */

static void expect_refused(const char *list, const char *code, const char *path)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_trust *trust = NULL;
	struct lerq_report *problems = NULL;
	assert_int_equal(lerq_trust_load_memory(ctx, list, strlen(list), &trust, &problems),
	                 LERQ_EINVAL);
	assert_null(trust);
	assert_non_null(problems);
	const struct lerq_finding *f = find(problems, code);
	if (f == NULL)
		fail_msg("no %s", code);
	assert_string_equal(lerq_finding_path(f), path);
	assert_true(lerq_finding_line(f) > 0);
	lerq_report_free(problems);
	lerq_ctx_free(ctx);
}

static void test_trust_list_refused(void **state)
{
	char *good = trust_list(usual, 2);
	char *s;
	s = replace(good, "<Country>DE</Country>", "<Country>XX</Country>");
	expect_refused(s, "LERQ-S001", "/TrustList/Party[1]/Country");
	free(s);
	s = replace(good, "<Owner>", "<Owner>  </Owner><Owner>");
	expect_refused(s, "LERQ-S001", "/TrustList/Owner[1]");
	free(s);
	s = replace(good, "<Certificate>", "<Certificate>AAAA");
	expect_refused(s, "LERQ-S001", "/TrustList/Party[1]/Certificate");
	free(s);
	s = replace(good, "urn:lerq:trust:1", "urn:lerq:xml:1");
	expect_refused(s, "LERQ-S002", "/TrustList");
	free(s);
	s = replace(good, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	            "<!DOCTYPE TrustList [<!ENTITY x \"y\">]>");
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_trust *trust = NULL;
	struct lerq_report *problems = NULL;
	assert_int_equal(lerq_trust_load_memory(ctx, s, strlen(s), &trust, &problems), LERQ_EINVAL);
	assert_string_equal(lerq_finding_code(lerq_report_get(problems, 0)), "LERQ-P002");
	lerq_report_free(problems);
	free(s);
	assert_int_equal(lerq_trust_load(ctx, "/nonexistent/list.xml", &trust, NULL), LERQ_EIO);
	/* The good one loads, with its parties. */
	assert_int_equal(lerq_trust_load_memory(ctx, good, strlen(good), &trust, NULL), LERQ_OK);
	assert_int_equal(lerq_trust_party_count(trust), 2);
	assert_string_equal(lerq_trust_party_name(trust, 1), PROVIDER);
	assert_string_equal(lerq_trust_party_country(trust, 0), "DE");
	assert_null(lerq_trust_party_name(trust, 2));
	assert_string_equal(lerq_trust_owner(trust), PROVIDER ", Legal");
	lerq_trust_free(trust);
	lerq_ctx_free(ctx);
	free(good);
}

static void test_trust_add_party(void **state)
{
	char *list = trust_list(usual, 1);
	struct lerq_ctx *ctx = test_ctx();
	char *out = NULL;
	size_t size = 0;
	assert_int_equal(lerq_trust_add_party(ctx, list, strlen(list), "Other Agency", "FR",
	                                      pki_path("other.pem"), &out, &size, NULL), LERQ_OK);
	struct lerq_trust *trust = NULL;
	assert_int_equal(lerq_trust_load_memory(ctx, out, size, &trust, NULL), LERQ_OK);
	assert_int_equal(lerq_trust_party_count(trust), 2);
	assert_string_equal(lerq_trust_party_name(trust, 1), "Other Agency");
	assert_int_equal(lerq_ctx_set_trust(ctx, trust, 0), LERQ_OK);
	char *doc = sign_with("other", request_xml);
	struct outcome o = verify(ctx, doc);
	assert_int_equal(lerq_signature_party(o.sig), 1);
	assert_v(o.report, "LERQ-V005", LERQ_SEVERITY_ERROR, "/Request/IssuingAuthority/AgencyName");
	outcome_free(&o);
	free(doc);
	free(out);
	/* A country the schema refuses: the list is not changed. */
	struct lerq_report *problems = NULL;
	out = NULL;
	assert_int_equal(lerq_trust_add_party(ctx, list, strlen(list), "X", "UK",
	                                      pki_path("other.pem"), &out, &size, &problems),
	                 LERQ_EINVAL);
	assert_null(out);
	assert_non_null(find(problems, "LERQ-S001"));
	lerq_report_free(problems);
	lerq_ctx_free(ctx);
	free(list);
}

/* ---- letters ---- */

static char *render_text(const struct lerq_ctx *ctx, const char *doc, int expect)
{
	struct lerq_renderer *rd = NULL;
	assert_int_equal(lerq_renderer_new(ctx, &rd), LERQ_OK);
	char *out = NULL;
	size_t size = 0;
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_render_memory(rd, doc, strlen(doc), LERQ_FORMAT_TEXT, VERIFY_NOW,
	                                    &out, &size, &report), expect);
	lerq_report_free(report);
	lerq_renderer_free(rd);
	return out;
}

static void test_letter(void **state)
{
	static const struct party listed[] = {
		{ AGENCY, "DE", "ca", NULL, NULL, "+4921100000", NULL },
	};
	char *doc = sign_with("agency", request_xml);
	struct lerq_ctx *ctx = ctx_with(listed, 1, 0);
	char *letter = render_text(ctx, doc, LERQ_OK);
	assert_non_null(strstr(letter, "Signature verified"));
	assert_non_null(strstr(letter, "+4921100000")); /* the list's number */
	assert_non_null(strstr(letter, "September"));
	free(letter);
	/* Changed: the letter is written and says why, never "verified". */
	char *changed = replace(doc, "<Priority>routine</Priority>", "<Priority>urgent</Priority>");
	letter = render_text(ctx, changed, LERQ_OK);
	assert_null(strstr(letter, "Signature verified"));
	assert_non_null(strstr(letter, "Signature not verified"));
	assert_non_null(strstr(letter, "changed after it was signed"));
	free(letter);
	free(changed);
	letter = render_text(ctx, request_xml, LERQ_OK);
	assert_non_null(strstr(letter, "Not signed"));
	assert_null(strstr(letter, "Signature verified"));
	free(letter);
	lerq_ctx_free(ctx);
	/* Without a trust list, nothing about signatures. */
	ctx = test_ctx();
	letter = render_text(ctx, doc, LERQ_OK);
	assert_null(strstr(letter, "Signature"));
	assert_null(strstr(letter, "verified"));
	assert_null(strstr(letter, "trust list"));
	free(letter);
	lerq_ctx_free(ctx);
	/* In French, quotes in the list's owner survive the parameters. */
	char *fr = replace(request_xml, "xml:lang=\"en\"", "xml:lang=\"fr\"");
	char *frs = sign_with("agency", fr);
	ctx = ctx_with(listed, 1, 0);
	letter = render_text(ctx, frs, LERQ_OK);
	assert_non_null(strstr(letter, "Signature vérifiée"));
	free(letter);
	lerq_ctx_free(ctx);
	free(frs);
	free(fr);
	free(doc);
}

/* ---- the xmlsec1 command-line tool, both ways ---- */

static int run(const char *cmd)
{
	int r = system(cmd);
	return WIFEXITED(r) ? WEXITSTATUS(r) : -1;
}

static void write_file(const char *path, const char *data)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, strlen(data), f), strlen(data));
	fclose(f);
}

static void test_xmlsec1_verifies_lerq(void **state)
{
	if (run("xmlsec1 --version >/dev/null 2>&1") != 0)
		skip();
	char *doc = sign_with("agency", request_xml);
	write_file(pki_path("by-lerq.xml"), doc);
	char cmd[1024];
	snprintf(cmd, sizeof(cmd),
	         "xmlsec1 --verify --enabled-reference-uris empty --enabled-key-data x509 "
	         "--trusted-pem %s --verification-gmt-time '2026-10-16 08:42:00' %s "
	         ">/dev/null 2>&1", pki_path("ca.pem"), pki_path("by-lerq.xml"));
	assert_int_equal(run(cmd), 0);
	/* And xmlsec1 says no to the same document changed. */
	char *changed = replace(doc, "<Priority>routine</Priority>", "<Priority>urgent</Priority>");
	write_file(pki_path("by-lerq.xml"), changed);
	assert_int_not_equal(run(cmd), 0);
	free(changed);
	free(doc);
}

#define TEMPLATE_HEAD \
	"<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>" \
	"<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>" \
	"<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>" \
	"<ds:Reference URI=\"\"><ds:Transforms>" \
	"<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
#define TEMPLATE_TAIL \
	"<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>" \
	"<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>" \
	"<ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/>" \
	"<ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo>" \
	"</ds:Signature></Request>"

static char *xmlsec1_sign(const char *transforms)
{
	char *tmpl_tail = malloc(4096);
	snprintf(tmpl_tail, 4096, "%s%s%s", TEMPLATE_HEAD, transforms, TEMPLATE_TAIL);
	char *tmpl = replace(request_xml, "</Request>", tmpl_tail);
	write_file(pki_path("template.xml"), tmpl);
	char cmd[1024];
	snprintf(cmd, sizeof(cmd),
	         "xmlsec1 --sign --privkey-pem %s,%s --output %s %s >/dev/null 2>&1",
	         pki_path("agency.key"), pki_path("agency.pem"), pki_path("by-xmlsec1.xml"),
	         pki_path("template.xml"));
	assert_int_equal(run(cmd), 0);
	free(tmpl);
	free(tmpl_tail);
	return test_slurp(pki_path("by-xmlsec1.xml"), NULL);
}

static void test_lerq_verifies_xmlsec1(void **state)
{
	if (run("xmlsec1 --version >/dev/null 2>&1") != 0)
		skip();
	char *doc = xmlsec1_sign("");
	struct lerq_ctx *ctx = ctx_with(usual, 2, 0);
	struct outcome o = verify(ctx, doc);
	assert_int_equal(v_count(o.report), 0);
	assert_int_equal(lerq_signature_state(o.sig), LERQ_SIGNATURE_VERIFIED);
	outcome_free(&o);
	lerq_ctx_free(ctx);
	free(doc);
}

/* An XPath filter that leaves RespondBy unsigned: refused as it is, and
 * with RespondBy edited. */
static void test_xpath_filter(void **state)
{
	if (run("xmlsec1 --version >/dev/null 2>&1") != 0)
		skip();
	char *doc = xmlsec1_sign(
		"<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">"
		"<ds:XPath xmlns:q=\"urn:lerq:xml:1\">not(ancestor-or-self::q:RespondBy)</ds:XPath>"
		"</ds:Transform>");
	expect_one(usual, 2, doc, "LERQ-V002", "/Request/Signature/SignedInfo/Reference");
	char *edited = replace(doc, "2026-10-30T16:00:00+01:00", "2026-10-16T18:00:00+02:00");
	expect_one(usual, 2, edited, "LERQ-V002", "/Request/Signature/SignedInfo/Reference");
	free(edited);
	free(doc);
}

/* The shipped example verifies against the shipped list. */
static void test_examples(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_trust *trust = NULL;
	assert_int_equal(lerq_trust_load(ctx, EXAMPLE("signatures/trust-list.trust"), &trust, NULL),
	                 LERQ_OK);
	assert_int_equal(lerq_ctx_set_trust(ctx, trust, LERQ_VERIFY_REQUIRE_SIGNATURE), LERQ_OK);
	struct lerq_report *report = NULL;
	struct lerq_signature *sig = NULL;
	assert_int_equal(lerq_verify_file(ctx, EXAMPLE("signed-request.xml"), VERIFY_NOW, &report,
	                                  &sig), LERQ_OK);
	assert_int_equal(lerq_report_count(report), 0);
	assert_int_equal(lerq_signature_state(sig), LERQ_SIGNATURE_VERIFIED);
	assert_string_equal(lerq_signature_switchboard(sig), "+492119390");
	lerq_report_free(report);
	lerq_signature_free(sig);
	lerq_ctx_free(ctx);
}

/* ---- the tool: an invalid trust list is exit status 2 ---- */

static void test_cli(void **state)
{
	char *doc = sign_with("agency", request_xml);
	write_file(pki_path("cli.xml"), doc);
	char *list = trust_list(usual, 2);
	write_file(pki_path("trust.xml"), list);
	char *bad = replace(list, "<Country>DE</Country>", "<Country>UK</Country>");
	write_file(pki_path("bad-trust.xml"), bad);
	char cmd[1024];
#define CLI(fmt, ...) (snprintf(cmd, sizeof(cmd), "%s " fmt " >/dev/null 2>&1", LERQ_CLI, __VA_ARGS__), run(cmd))
	assert_int_equal(CLI("verify --trust %s %s", pki_path("trust.xml"), pki_path("cli.xml")), 0);
	assert_int_equal(CLI("verify --trust %s %s", pki_path("bad-trust.xml"), pki_path("cli.xml")), 2);
	assert_int_equal(CLI("verify --trust %s %s", pki_path("missing.xml"), pki_path("cli.xml")), 2);
	assert_int_equal(CLI("validate --trust %s %s", pki_path("bad-trust.xml"), pki_path("cli.xml")), 2);
	assert_int_equal(CLI("render --trust %s %s", pki_path("bad-trust.xml"), pki_path("cli.xml")), 2);
	assert_int_equal(CLI("verify %s", pki_path("cli.xml")), 2);
	assert_int_equal(CLI("verify --trust %s --require-signature %s", pki_path("trust.xml"),
	                     EXAMPLE("response.xml")), 1);
	assert_int_equal(CLI("validate --trust %s %s", pki_path("trust.xml"),
	                     EXAMPLE("response.xml")), 0);
	assert_int_equal(CLI("check-response --trust %s --require-signature %s %s",
	                     pki_path("trust.xml"), pki_path("cli.xml"), EXAMPLE("response.xml")), 1);
	/* sign: an already signed document is refused (1); -o through a rename. */
	assert_int_equal(CLI("sign --key %s --cert %s %s", pki_path("agency.key"),
	                     pki_path("agency.pem"), pki_path("cli.xml")), 1);
	assert_int_equal(CLI("sign --key %s --cert %s -o %s %s", pki_path("agency.key"),
	                     pki_path("agency.pem"), pki_path("cli-signed.xml"),
	                     EXAMPLE("disclosure-request.xml")), 0);
	assert_int_equal(CLI("trust match --trust %s %s", pki_path("trust.xml"),
	                     pki_path("cli-signed.xml")), 0);
	assert_int_equal(CLI("trust add --trust %s --name 'Other Agency' --country FR --cert %s -o %s",
	                     pki_path("trust.xml"), pki_path("other.pem"), pki_path("trust2.xml")), 0);
	assert_int_equal(CLI("trust add --trust %s --name X --country FR --cert %s",
	                     pki_path("bad-trust.xml"), pki_path("other.pem")), 2);
	/* No output over an input (issue 13): the document signed, the key,
	 * the certificate; trust add may rewrite LIST, not the certificate. */
	assert_int_equal(CLI("sign --key %s --cert %s -o %s %s", pki_path("agency.key"),
	                     pki_path("agency.pem"), EXAMPLE("disclosure-request.xml"),
	                     EXAMPLE("disclosure-request.xml")), 2);
	assert_int_equal(CLI("sign --key %s --cert %s -o %s %s", pki_path("agency.key"),
	                     pki_path("agency.pem"), pki_path("agency.key"),
	                     EXAMPLE("disclosure-request.xml")), 2);
	assert_int_equal(CLI("trust add --trust %s --name 'Other Agency' --country FR --cert %s -o %s",
	                     pki_path("trust.xml"), pki_path("other.pem"), pki_path("other.pem")),
	                 2);
	/* A FIFO at OUT is written into, not replaced by a regular file. */
	char *fifo = pki_path("out.fifo");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	snprintf(cmd, sizeof(cmd),
	         "cat '%s' > '%s.copy' & '%s' sign --key '%s' --cert '%s' -o '%s' '%s'; s=$?; "
	         "wait; exit $s",
	         fifo, fifo, LERQ_CLI, pki_path("agency.key"), pki_path("agency.pem"), fifo,
	         EXAMPLE("disclosure-request.xml"));
	assert_int_equal(run(cmd), 0);
	struct stat st;
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	char copy[300];
	snprintf(copy, sizeof(copy), "%.250s.copy", fifo);
	char *through = test_slurp(copy, NULL);
	assert_non_null(strstr(through, "<ds:Signature"));
	free(through);
	unlink(copy);
	unlink(fifo);
#undef CLI
	free(bad);
	free(list);
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request_rsa),
		cmocka_unit_test(test_request_ecdsa),
		cmocka_unit_test(test_response_rsa),
		cmocka_unit_test(test_response_by_wrong_party),
		cmocka_unit_test(test_changed_after_signing),
		cmocka_unit_test(test_wrapped_in_object),
		cmocka_unit_test(test_forged_root),
		cmocka_unit_test(test_id_reference),
		cmocka_unit_test(test_keyvalue_only),
		cmocka_unit_test(test_borrowed_certificate),
		cmocka_unit_test(test_two_signatures),
		cmocka_unit_test(test_not_last_child),
		cmocka_unit_test(test_manifest),
		cmocka_unit_test(test_certificate_times),
		cmocka_unit_test(test_lookalike_attacker),
		cmocka_unit_test(test_entry_names_other_agency),
		cmocka_unit_test(test_changed_contacts),
		cmocka_unit_test(test_unsigned),
		cmocka_unit_test(test_invalid_document_no_v),
		cmocka_unit_test(test_sign_refuses),
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_chain_unterminated),
		cmocka_unit_test(test_trust_list_refused),
		cmocka_unit_test(test_trust_add_party),
		cmocka_unit_test(test_letter),
		cmocka_unit_test(test_xmlsec1_verifies_lerq),
		cmocka_unit_test(test_lerq_verifies_xmlsec1),
		cmocka_unit_test(test_xpath_filter),
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_cli),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
