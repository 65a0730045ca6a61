/* SPDX-License-Identifier: MIT */
/*
 * Verifying a document's signature against the context's trust list
 * (format section 6). lerq's own profile checks come first (one
 * ds:Signature, the root's last child, one Reference with URI="", exactly
 * the enveloped and exclusive C14N transforms, SHA-256, RSA- or
 * ECDSA-SHA256, an X509 certificate, no Manifest or Object); then xmlsec
 * verifies on the very tree that was validated, restricted to the same
 * profile as a second guard; then the signer is matched to a Party.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/keyinfo.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/openssl/crypto.h>
#include <xmlsec/openssl/x509.h>

#include "sign/sign.h"

#define ALG_ENVELOPED "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
#define ALG_EXC_C14N "http://www.w3.org/2001/10/xml-exc-c14n#"
#define ALG_SHA256 "http://www.w3.org/2001/04/xmlenc#sha256"
#define ALG_RSA_SHA256 "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
#define ALG_ECDSA_SHA256 "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"

struct verification {
	const struct lerq_ctx *ctx;
	const struct lerq_trust *trust;
	xmlDocPtr doc;
	xmlNodePtr root;
	bool request;
	struct lerq_report *report;
	struct lerq_signature *sig;
	bool failed; /* a V001..V005 finding was made */
	int err;
};

/* A V finding, with the table's severity unless told otherwise. */
static void finding(struct verification *v, enum lerq_code code, const xmlNode *node,
                    int severity, const char *msg)
{
	if (v->err != LERQ_OK)
		return;
	if (code != LERQ_V006 && code != LERQ_V007)
		v->failed = true;
	if (v->sig->reason == NULL && code != LERQ_V006) {
		v->sig->code = lerq__code_info(code)->code;
		v->sig->reason = strdup(msg);
		if (v->sig->reason == NULL) {
			v->err = LERQ_ENOMEM;
			return;
		}
	}
	if (severity < 0) {
		v->err = lerq__report_add_code(v->report, code, node, 0, 0, msg);
		return;
	}
	const struct lerq__code_info *info = lerq__code_info(code);
	char *path = node ? lerq__node_path(node) : strdup("");
	if (path == NULL) {
		v->err = LERQ_ENOMEM;
		return;
	}
	unsigned long line = node ? (unsigned long)xmlGetLineNo(node) : 0;
	v->err = lerq__report_add(v->report, info->code, (enum lerq_severity)severity, msg,
	                          line, node ? lerq__node_column(node) : 0, path, info->ref);
	free(path);
}

static void findingf(struct verification *v, enum lerq_code code, const xmlNode *node,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void findingf(struct verification *v, enum lerq_code code, const xmlNode *node,
                     const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	finding(v, code, node, -1, msg);
}

static bool is_dsig(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       strcmp((const char *)n->ns->href, LERQ_DSIG_NS) == 0 &&
	       (name == NULL || strcmp((const char *)n->name, name) == 0);
}

static void collect_signatures(xmlNodePtr node, xmlNodePtr *first, xmlNodePtr *second,
                               size_t *count)
{
	for (xmlNodePtr c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_dsig(c, "Signature")) {
			if ((*count)++ == 0)
				*first = c;
			else if (*count == 2)
				*second = c;
		}
		collect_signatures(c, first, second, count);
	}
}

static bool has_dsig_descendant(const xmlNode *node, const char *name)
{
	for (xmlNodePtr c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_dsig(c, name) || has_dsig_descendant(c, name))
			return true;
	}
	return false;
}

static bool algorithm_is(const xmlNode *node, const char *alg)
{
	if (node == NULL)
		return false;
	xmlChar *a = xmlGetNoNsProp(node, BAD_CAST "Algorithm");
	bool ok = a != NULL && strcmp((const char *)a, alg) == 0;
	xmlFree(a);
	return ok;
}

/* The element children of node, in order, into kids (at most max);
 * returns their number (which may exceed max). */
static size_t element_children(const xmlNode *node, xmlNodePtr *kids, size_t max)
{
	size_t n = 0;
	for (xmlNodePtr c = node ? node->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			if (n < max)
				kids[n] = c;
			n++;
		}
	return n;
}

/* lerq's profile, checked on the tree before xmlsec sees it. Returns
 * false (with a V002 finding) when the signature is outside it. */
static bool check_profile(struct verification *v, xmlNodePtr sig)
{
	xmlNodePtr last = NULL;
	for (xmlNodePtr c = v->root->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			last = c;
	if (sig->parent != v->root || sig != last) {
		finding(v, LERQ_V002, sig, -1,
		        "The signature (ds:Signature) is not the last child of the root element; "
		        "lerq accepts only an enveloped signature placed last");
		return false;
	}
	if (has_dsig_descendant(sig, "Manifest")) {
		finding(v, LERQ_V002, sig, -1,
		        "The signature contains a ds:Manifest; lerq never processes manifests");
		return false;
	}
	if (has_dsig_descendant(sig, "Object")) {
		finding(v, LERQ_V002, sig, -1,
		        "The signature contains a ds:Object; lerq's signature profile has none");
		return false;
	}
	xmlNodePtr si = lerq__sign_child(sig, LERQ_DSIG_NS, "SignedInfo");
	if (si == NULL) {
		finding(v, LERQ_V002, sig, -1, "The signature has no ds:SignedInfo");
		return false;
	}
	if (!algorithm_is(lerq__sign_child(si, LERQ_DSIG_NS, "CanonicalizationMethod"),
	                  ALG_EXC_C14N)) {
		finding(v, LERQ_V002, si, -1,
		        "The signature's CanonicalizationMethod is not exclusive C14N "
		        "(" ALG_EXC_C14N ")");
		return false;
	}
	xmlNodePtr sm = lerq__sign_child(si, LERQ_DSIG_NS, "SignatureMethod");
	if (!algorithm_is(sm, ALG_RSA_SHA256) && !algorithm_is(sm, ALG_ECDSA_SHA256)) {
		finding(v, LERQ_V002, sm ? sm : si, -1,
		        "The signature's SignatureMethod is neither RSA-SHA256 nor ECDSA-SHA256");
		return false;
	}
	size_t refs = 0;
	xmlNodePtr ref = NULL;
	for (xmlNodePtr c = si->children; c; c = c->next)
		if (is_dsig(c, "Reference") && refs++ == 0)
			ref = c;
	if (refs != 1) {
		findingf(v, LERQ_V002, si,
		         "The signature has %zu references (ds:Reference); lerq accepts exactly "
		         "one, with URI=\"\" (the whole document)", refs);
		return false;
	}
	xmlChar *uri = xmlGetNoNsProp(ref, BAD_CAST "URI");
	bool empty = uri != NULL && uri[0] == '\0';
	if (!empty) {
		findingf(v, LERQ_V002, ref,
		         "The signature's reference has URI=\"%s\"; lerq accepts only URI=\"\" "
		         "(the whole document), never a reference to part of it",
		         uri ? (const char *)uri : "(none)");
		xmlFree(uri);
		return false;
	}
	xmlFree(uri);
	xmlNodePtr tr[3];
	size_t ntr = element_children(lerq__sign_child(ref, LERQ_DSIG_NS, "Transforms"), tr, 3);
	if (ntr != 2 || !algorithm_is(tr[0], ALG_ENVELOPED) || !algorithm_is(tr[1], ALG_EXC_C14N) ||
	    element_children(tr[0], tr + 2, 1) != 0 || element_children(tr[1], tr + 2, 1) > 1) {
		finding(v, LERQ_V002, ref, -1,
		        "The signature's reference does not have exactly the transforms "
		        "enveloped-signature then exclusive C14N (an XPath or other transform "
		        "could leave part of the document unsigned)");
		return false;
	}
	if (!algorithm_is(lerq__sign_child(ref, LERQ_DSIG_NS, "DigestMethod"), ALG_SHA256)) {
		finding(v, LERQ_V002, ref, -1, "The signature's DigestMethod is not SHA-256");
		return false;
	}
	xmlNodePtr x509 = lerq__sign_child(
		lerq__sign_child(lerq__sign_child(sig, LERQ_DSIG_NS, "KeyInfo"), LERQ_DSIG_NS,
		                 "X509Data"),
		LERQ_DSIG_NS, "X509Certificate");
	if (x509 == NULL) {
		finding(v, LERQ_V002, sig, -1,
		        "The signature carries no X509 certificate (ds:KeyInfo/ds:X509Data/"
		        "ds:X509Certificate); a key given any other way is never used");
		return false;
	}
	return true;
}

/* The document's IssuedAt, for certificate times and the entry's dates. */
static bool issued_at(struct verification *v, struct lerq_datetime *dt)
{
	char *text = lerq__sign_text(lerq__sign_child(v->root, LERQ_NS, "IssuedAt"));
	bool ok = text != NULL && lerq__datetime_parse(text, dt) == LERQ_OK;
	if (text == NULL)
		v->err = LERQ_ENOMEM;
	free(text);
	return ok;
}

static bool run_xmlsec(struct verification *v, xmlNodePtr sig, time_t at, xmlSecKeyPtr *key)
{
	xmlSecDSigCtxPtr d = xmlSecDSigCtxCreate(v->trust->mngr);
	if (d == NULL) {
		v->err = LERQ_ENOMEM;
		return false;
	}
	bool ok = true;
	/* Only a key from an X509 certificate: 1.2.37 otherwise trusts a key
	 * that the signature carries in ds:KeyValue. */
	if (xmlSecPtrListAdd(&d->keyInfoReadCtx.enabledKeyData, (void *)xmlSecKeyDataX509Id) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(d, xmlSecTransformEnvelopedId) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(d, xmlSecTransformExclC14NId) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(d, xmlSecTransformSha256Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(d, xmlSecTransformExclC14NId) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(d, xmlSecTransformRsaSha256Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(d, xmlSecTransformEcdsaSha256Id) < 0) {
		xmlSecDSigCtxDestroy(d);
		v->err = LERQ_ENOMEM;
		return false;
	}
	/* xmlsec takes the signer's key from the certificate that issues no
	 * other in ds:X509Data; lerq then verifies that very certificate's
	 * chain itself (check_chain), because xmlsec 1.2.37's store refuses a
	 * party's own, CA-issued certificate as an anchor (no partial
	 * chains). STOP_ON_INVALID_CERT stays: a certificate that does not
	 * even parse stops verification. */
	d->keyInfoReadCtx.flags |= XMLSEC_KEYINFO_FLAGS_X509DATA_STOP_ON_INVALID_CERT |
	                           XMLSEC_KEYINFO_FLAGS_X509DATA_DONT_VERIFY_CERTS;
	d->keyInfoReadCtx.certsVerificationTime = at;
	d->enabledReferenceUris = xmlSecTransformUriTypeEmpty;
	d->flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;

	lerq__sign_errors_reset();
	lerq__sign_xmlsec_lock();
	int rc = xmlSecDSigCtxVerify(d, sig);
	lerq__sign_xmlsec_unlock();
	if (rc < 0) {
		ok = false;
		const char *why = lerq__sign_errors_first();
		if (lerq__sign_errors_have(XMLSEC_ERRORS_R_CERT_HAS_EXPIRED) ||
		    lerq__sign_errors_have(XMLSEC_ERRORS_R_CERT_NOT_YET_VALID))
			finding(v, LERQ_V004, sig, -1,
			        "The signer's certificate (or one of its chain) was not valid at "
			        "the document's IssuedAt");
		else if (lerq__sign_errors_have(XMLSEC_ERRORS_R_CERT_VERIFY_FAILED) ||
		         lerq__sign_errors_have(XMLSEC_ERRORS_R_CERT_NOT_FOUND) ||
		         lerq__sign_errors_have(XMLSEC_ERRORS_R_CERT_ISSUER_FAILED) ||
		         lerq__sign_errors_have(XMLSEC_ERRORS_R_CERT_REVOKED) ||
		         lerq__sign_errors_have(XMLSEC_ERRORS_R_KEY_NOT_FOUND))
			finding(v, LERQ_V003, sig, -1,
			        "The signer's certificate is not in the trust list and not issued "
			        "by one of its certificates, or its chain does not verify");
		else if (lerq__sign_errors_have(XMLSEC_ERRORS_R_TRANSFORM_DISABLED) ||
		         lerq__sign_errors_have(XMLSEC_ERRORS_R_INVALID_URI_TYPE))
			finding(v, LERQ_V002, sig, -1,
			        "The signature uses a reference or transform outside lerq's profile");
		else
			findingf(v, LERQ_V001, sig,
			         "The signature could not be checked%s%s; treat the document as "
			         "unverified", *why ? ": " : "", why);
	} else if (d->status != xmlSecDSigStatusSucceeded) {
		/* 0 means that processing ran: the verdict is the status. */
		ok = false;
		finding(v, LERQ_V001, sig, -1,
		        "The signature does not verify: the document was changed after it was "
		        "signed, or the signature value is wrong");
	} else {
		/* Exactly one reference processed, URI="", and it verified. */
		xmlSecDSigReferenceCtxPtr r = NULL;
		if (xmlSecPtrListGetSize(&d->signedInfoReferences) == 1)
			r = xmlSecPtrListGetItem(&d->signedInfoReferences, 0);
		if (r == NULL || r->status != xmlSecDSigStatusSucceeded || r->uri == NULL ||
		    r->uri[0] != '\0') {
			ok = false;
			finding(v, LERQ_V002, sig, -1,
			        "The signature does not cover exactly the whole document "
			        "(one reference with URI=\"\")");
		}
	}
	if (ok) {
		*key = d->signKey;
		d->signKey = NULL; /* ours now */
	}
	xmlSecDSigCtxDestroy(d);
	return ok;
}

/* The signer's chain, checked by lerq at the document's IssuedAt against
 * the trust list's certificates, a party's own certificate being an
 * anchor too (X509_V_FLAG_PARTIAL_CHAIN). Returns the Party of the
 * anchor nearest the signer, or -1 with a V003/V004 finding. */
static long check_chain(struct verification *v, xmlNodePtr sig, xmlSecKeyDataPtr data,
                        X509 *cert, time_t at)
{
	STACK_OF(X509) *untrusted = sk_X509_new_null();
	X509_STORE_CTX *xsc = X509_STORE_CTX_new();
	long party = -1;
	if (untrusted == NULL || xsc == NULL) {
		v->err = LERQ_ENOMEM;
		goto out;
	}
	xmlSecSize n = xmlSecOpenSSLKeyDataX509GetCertsSize(data);
	for (xmlSecSize j = 0; j < n; j++) {
		X509 *c = xmlSecOpenSSLKeyDataX509GetCert(data, j);
		if (c != NULL && X509_cmp(c, cert) != 0 && !sk_X509_push(untrusted, c)) {
			v->err = LERQ_ENOMEM;
			goto out;
		}
	}
	if (X509_STORE_CTX_init(xsc, v->trust->store, cert, untrusted) != 1) {
		v->err = LERQ_ENOMEM;
		goto out;
	}
	X509_STORE_CTX_set_flags(xsc, X509_V_FLAG_PARTIAL_CHAIN | X509_V_FLAG_X509_STRICT);
	X509_STORE_CTX_set_time(xsc, 0, at);
	if (X509_verify_cert(xsc) != 1) {
		int e = X509_STORE_CTX_get_error(xsc);
		if (e == X509_V_ERR_CERT_HAS_EXPIRED || e == X509_V_ERR_CERT_NOT_YET_VALID)
			findingf(v, LERQ_V004, sig,
			         "The signer's certificate (or one of its chain) was not valid at the "
			         "document's IssuedAt: %s", X509_verify_cert_error_string(e));
		else
			findingf(v, LERQ_V003, sig,
			         "The signer's certificate is not in the trust list and not issued by "
			         "one of its certificates, or its chain does not verify: %s",
			         X509_verify_cert_error_string(e));
		goto out;
	}
	STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(xsc);
	for (int i = 0; chain != NULL && i < sk_X509_num(chain) && party < 0; i++) {
		X509 *c = sk_X509_value(chain, i);
		for (size_t p = 0; p < v->trust->party_count && party < 0; p++)
			for (size_t k = 0; k < v->trust->parties[p].cert_count; k++)
				if (X509_cmp(v->trust->parties[p].certs[k], c) == 0) {
					party = (long)p;
					break;
				}
	}
	if (party < 0)
		finding(v, LERQ_V003, sig, -1,
		        "The signer's certificate is not in the trust list and not issued by one "
		        "of its certificates");
out:
	X509_STORE_CTX_free(xsc);
	sk_X509_free(untrusted);
	return party;
}

static bool same_name(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

static char *path_text(const xmlNode *from, const char *a, const char *b, const char *c)
{
	const xmlNode *n = lerq__sign_child(from, LERQ_NS, a);
	if (b)
		n = lerq__sign_child(n, LERQ_NS, b);
	if (c)
		n = lerq__sign_child(n, LERQ_NS, c);
	return n ? lerq__sign_text(n) : NULL;
}

/* V005: the entry must name the document's party. */
static void check_names(struct verification *v, const struct lerq__party *p)
{
	if (v->request) {
		xmlNodePtr ia = lerq__sign_child(v->root, LERQ_NS, "IssuingAuthority");
		char *name = path_text(ia, "AgencyName", NULL, NULL);
		char *country = path_text(ia, "PostalAddress", "Country", NULL);
		if (!same_name(name, p->name))
			findingf(v, LERQ_V005, lerq__sign_child(ia, LERQ_NS, "AgencyName"),
			         "The signer's trust-list entry is \"%s\", but the request names "
			         "\"%s\" as the issuing agency (AgencyName)",
			         p->name, name ? name : "");
		else if (!same_name(country, p->country))
			findingf(v, LERQ_V005,
			         lerq__sign_child(lerq__sign_child(ia, LERQ_NS, "PostalAddress"),
			                          LERQ_NS, "Country"),
			         "The signer's trust-list entry is in %s, but the request's agency "
			         "is in %s (PostalAddress/Country)", p->country, country ? country : "");
		free(name);
		free(country);
	} else {
		xmlNodePtr rs = lerq__sign_child(v->root, LERQ_NS, "Responder");
		char *name = path_text(rs, "ProviderName", NULL, NULL);
		if (!same_name(name, p->name))
			findingf(v, LERQ_V005, lerq__sign_child(rs, LERQ_NS, "ProviderName"),
			         "The signer's trust-list entry is \"%s\", but the response names "
			         "\"%s\" as the provider (Responder/ProviderName)",
			         p->name, name ? name : "");
		free(name);
	}
}

static bool in_list(char *const *list, size_t n, const char *value)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(list[i], value) == 0)
			return true;
	return false;
}

/* V006, one finding each, only for what the entry lists. */
static void check_contacts(struct verification *v, const struct lerq__party *p)
{
	xmlNodePtr holder = lerq__sign_child(v->root, LERQ_NS,
	                                     v->request ? "IssuingAuthority" : "Responder");
	if (holder == NULL)
		return;
	if (v->request && p->website_count > 0) {
		xmlNodePtr w = lerq__sign_child(holder, LERQ_NS, "Website");
		char *uri = lerq__sign_text(w);
		char *host = uri ? lerq__uri_host(uri) : NULL;
		if (w != NULL && (host == NULL || !in_list(p->website_hosts, p->website_count, host)))
			findingf(v, LERQ_V006, w,
			         "The Website host \"%s\" is not the one the signer's trust-list entry "
			         "lists (%s)", host ? host : "", p->website_hosts[0]);
		free(uri);
		free(host);
	}
	if (p->email_domain_count > 0) {
		for (xmlNodePtr c = holder->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "Contact") != 0)
				continue;
			xmlNodePtr e = lerq__sign_child(c, LERQ_NS, "Email");
			char *mail = lerq__sign_text(e);
			const char *at = mail ? strrchr(mail, '@') : NULL;
			if (at != NULL) {
				char *domain = strdup(at + 1);
				lerq__ascii_lower(domain);
				if (domain && !in_list(p->email_domains, p->email_domain_count, domain))
					findingf(v, LERQ_V006, e,
					         "The e-mail domain \"%s\" is not one the signer's "
					         "trust-list entry lists (%s)", domain, p->email_domains[0]);
				free(domain);
			}
			free(mail);
		}
	}
	if (v->request && p->switchboard != NULL) {
		xmlNodePtr s = lerq__sign_child(holder, LERQ_NS, "Switchboard");
		char *sw = lerq__sign_text(s);
		if (s != NULL && (sw == NULL || strcmp(sw, p->switchboard) != 0))
			findingf(v, LERQ_V006, s,
			         "The Switchboard %s is not the number the signer's trust-list entry "
			         "lists (%s): call back on the trust list's number",
			         sw ? sw : "", p->switchboard);
		free(sw);
	}
}

static char *dup_or_null(const char *s, int *err)
{
	if (s == NULL)
		return NULL;
	char *d = strdup(s);
	if (d == NULL)
		*err = LERQ_ENOMEM;
	return d;
}

static void signer_checks(struct verification *v, xmlNodePtr sig, xmlSecKeyPtr key,
                          const struct lerq_datetime *at)
{
	xmlSecKeyDataPtr data = xmlSecKeyGetData(key, xmlSecOpenSSLKeyDataX509Id);
	X509 *cert = data ? xmlSecOpenSSLKeyDataX509GetKeyCert(data) : NULL;
	if (cert == NULL) {
		finding(v, LERQ_V002, sig, -1,
		        "The signature's key does not come from an X509 certificate");
		return;
	}
	char subject[512];
	X509_NAME_oneline(X509_get_subject_name(cert), subject, sizeof(subject));
	v->sig->subject = dup_or_null(subject, &v->err);
	long i = check_chain(v, sig, data, cert, (time_t)at->instant);
	if (i < 0)
		return;
	const struct lerq__party *p = &v->trust->parties[i];
	v->sig->party = i;
	v->sig->signer = dup_or_null(p->name, &v->err);
	v->sig->country = dup_or_null(p->country, &v->err);
	v->sig->switchboard = dup_or_null(p->switchboard, &v->err);
	long day = (long)(at->year * 10000 + at->month * 100 + at->day);
	if ((p->valid_from && day < p->valid_from) || (p->valid_until && day > p->valid_until)) {
		findingf(v, LERQ_V004, lerq__sign_child(v->root, LERQ_NS, "IssuedAt"),
		         "The signer's trust-list entry (\"%s\") was not valid on the document's "
		         "IssuedAt date (ValidFrom/ValidUntil)", p->name);
		return;
	}
	check_names(v, p);
	check_contacts(v, p);
}

int lerq__verify(const struct lerq_ctx *ctx, xmlDocPtr doc, struct lerq_report *report,
                struct lerq_signature **out)
{
	struct lerq_signature *s = calloc(1, sizeof(*s));
	if (s == NULL)
		return LERQ_ENOMEM;
	s->party = -1;
	s->owner = strdup(ctx->trust->owner);
	s->issued_at = strdup(ctx->trust->issued_at);
	struct verification v = {
		.ctx = ctx, .trust = ctx->trust, .doc = doc, .root = xmlDocGetRootElement(doc),
		.report = report, .sig = s, .err = LERQ_OK,
	};
	if (s->owner == NULL || s->issued_at == NULL)
		v.err = LERQ_ENOMEM;
	v.request = strcmp((const char *)v.root->name, "Request") == 0;

	xmlNodePtr first = NULL, second = NULL;
	size_t count = 0;
	collect_signatures(v.root, &first, &second, &count);
	struct lerq_datetime at;
	xmlSecKeyPtr key = NULL;
	if (v.err != LERQ_OK) {
		/* nothing */
	} else if (count == 0) {
		s->state = LERQ_SIGNATURE_UNSIGNED;
		bool required = ctx->verify_flags & LERQ_VERIFY_REQUIRE_SIGNATURE;
		finding(&v, LERQ_V007, v.root, required ? LERQ_SEVERITY_ERROR : LERQ_SEVERITY_WARNING,
		        "The document is not signed: its source cannot be verified against the "
		        "trust list; call the agency back on a number you obtained yourself");
	} else if (count > 1) {
		findingf(&v, LERQ_V002, second,
		         "The document has %zu signatures (ds:Signature); lerq accepts exactly one, "
		         "the last child of the root", count);
	} else if (!check_profile(&v, first)) {
		/* finding made */
	} else if (!issued_at(&v, &at)) {
		if (v.err == LERQ_OK)
			finding(&v, LERQ_V001, first, -1, "The document's IssuedAt cannot be read");
	} else if (run_xmlsec(&v, first, (time_t)at.instant, &key)) {
		signer_checks(&v, first, key, &at);
	}
	if (key)
		xmlSecKeyDestroy(key);
	/* Leave no OpenSSL error of ours in the caller's thread's queue. */
	ERR_clear_error();
	if (count > 0)
		s->state = v.failed ? LERQ_SIGNATURE_FAILED : LERQ_SIGNATURE_VERIFIED;
	if (v.err == LERQ_OK && s->reason == NULL)
		v.err = (s->reason = strdup("")) ? LERQ_OK : LERQ_ENOMEM;
	if (v.err != LERQ_OK || out == NULL) {
		lerq_signature_free(s);
		if (out)
			*out = NULL;
		return v.err;
	}
	*out = s;
	return LERQ_OK;
}

/* ---- the result, as data ---- */

LERQ_EXPORT void lerq_signature_free(struct lerq_signature *s)
{
	if (s == NULL)
		return;
	free(s->reason);
	free(s->subject);
	free(s->signer);
	free(s->country);
	free(s->switchboard);
	free(s->owner);
	free(s->issued_at);
	free(s);
}

LERQ_EXPORT enum lerq_signature_state lerq_signature_state(const struct lerq_signature *s)
{
	return s ? s->state : LERQ_SIGNATURE_UNSIGNED;
}

LERQ_EXPORT const char *lerq_signature_reason(const struct lerq_signature *s)
{
	return s && s->reason ? s->reason : "";
}

LERQ_EXPORT long lerq_signature_party(const struct lerq_signature *s)
{
	return s ? s->party : -1;
}

LERQ_EXPORT const char *lerq_signature_signer(const struct lerq_signature *s)
{
	return s ? s->signer : NULL;
}

LERQ_EXPORT const char *lerq_signature_signer_country(const struct lerq_signature *s)
{
	return s ? s->country : NULL;
}

LERQ_EXPORT const char *lerq_signature_switchboard(const struct lerq_signature *s)
{
	return s ? s->switchboard : NULL;
}

LERQ_EXPORT const char *lerq_signature_subject(const struct lerq_signature *s)
{
	return s ? s->subject : NULL;
}

LERQ_EXPORT const char *lerq_signature_list_owner(const struct lerq_signature *s)
{
	return s && s->owner ? s->owner : "";
}

LERQ_EXPORT const char *lerq_signature_list_issued_at(const struct lerq_signature *s)
{
	return s && s->issued_at ? s->issued_at : "";
}
