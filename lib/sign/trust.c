/* SPDX-License-Identifier: MIT */
/* Trust lists (format section 6): parsed like any untrusted document,
 * validated against the built-in lerq-trust.xsd, every certificate
 * decoded; a list that fails anything is refused whole. One xmlsec keys
 * manager per list holds its certificates as trusted. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <xmlsec/app.h>
#include <xmlsec/crypto.h>

#include "sign/sign.h"

/* ---- helpers shared with verify.c and sign.c ---- */

xmlNodePtr lerq__sign_child(const xmlNode *parent, const char *ns, const char *name)
{
	if (parent == NULL)
		return NULL;
	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->ns != NULL &&
		    strcmp((const char *)c->ns->href, ns) == 0 &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

char *lerq__sign_text(const xmlNode *node)
{
	if (node == NULL)
		return NULL;
	xmlChar *raw = xmlNodeGetContent(node);
	if (raw == NULL)
		return NULL;
	char *v = lerq__value_collapse((const char *)raw);
	xmlFree(raw);
	return v;
}

void lerq__ascii_lower(char *s)
{
	for (; s && *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s | 0x20);
}

char *lerq__uri_host(const char *uri)
{
	const char *p = strstr(uri, "://");
	if (p == NULL)
		return NULL;
	p += 3;
	size_t n = strcspn(p, "/?#");
	const char *at = memchr(p, '@', n);
	if (at != NULL) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	size_t h = n;
	if (n > 0 && p[0] == '[') {
		const char *close = memchr(p, ']', n);
		h = close ? (size_t)(close - p) + 1 : n;
	} else {
		const char *colon = memchr(p, ':', n);
		if (colon)
			h = (size_t)(colon - p);
	}
	if (h == 0)
		return NULL;
	char *host = strndup(p, h);
	if (host) {
		lerq__ascii_lower(host);
		/* "example.org." is "example.org". */
		size_t len = strlen(host);
		if (len > 1 && host[len - 1] == '.')
			host[len - 1] = '\0';
	}
	return host;
}

/* ---- freeing and reading ---- */

static void party_clear(struct lerq__party *p)
{
	free(p->name);
	free(p->country);
	for (size_t i = 0; i < p->website_count; i++)
		free(p->website_hosts[i]);
	free(p->website_hosts);
	for (size_t i = 0; i < p->email_domain_count; i++)
		free(p->email_domains[i]);
	free(p->email_domains);
	free(p->switchboard);
	for (size_t i = 0; i < p->cert_count; i++)
		X509_free(p->certs[i]);
	free(p->certs);
}

LERQ_EXPORT void lerq_trust_free(struct lerq_trust *trust)
{
	if (trust == NULL)
		return;
	for (size_t i = 0; i < trust->party_count; i++)
		party_clear(&trust->parties[i]);
	free(trust->parties);
	free(trust->owner);
	free(trust->issued_at);
	if (trust->mngr)
		xmlSecKeysMngrDestroy(trust->mngr);
	X509_STORE_free(trust->store);
	free(trust);
}

static bool push(char ***array, size_t *count, char *value)
{
	if (value == NULL)
		return false;
	char **n = realloc(*array, (*count + 1) * sizeof(**array));
	if (n == NULL) {
		free(value);
		return false;
	}
	n[(*count)++] = value;
	*array = n;
	return true;
}

/* Base64 DER to a certificate; NULL when it is not one. *der gets the
 * bytes (caller frees). */
static X509 *decode_cert(const char *b64, unsigned char **der_out, size_t *der_len)
{
	size_t n = strlen(b64);
	char *clean = malloc(n + 1);
	unsigned char *der = malloc(n / 4 * 3 + 3);
	X509 *cert = NULL;
	if (clean == NULL || der == NULL)
		goto out;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (b64[i] != ' ' && b64[i] != '\t' && b64[i] != '\r' && b64[i] != '\n')
			clean[k++] = b64[i];
	clean[k] = '\0';
	if (k == 0 || k % 4 != 0 || k > INT32_MAX)
		goto out;
	int len = EVP_DecodeBlock(der, (const unsigned char *)clean, (int)k);
	if (len < 0)
		goto out;
	/* EVP_DecodeBlock counts the padding as zero bytes. */
	if (k >= 1 && clean[k - 1] == '=')
		len--;
	if (k >= 2 && clean[k - 2] == '=')
		len--;
	const unsigned char *p = der;
	cert = d2i_X509(NULL, &p, len);
	if (cert != NULL && p != der + len) {
		X509_free(cert);
		cert = NULL;
	}
	if (cert != NULL) {
		*der_out = der;
		*der_len = (size_t)len;
		der = NULL;
	}
out:
	free(clean);
	free(der);
	return cert;
}

static long date_value(const xmlNode *node, int *err)
{
	if (node == NULL)
		return 0;
	char *text = lerq__sign_text(node);
	struct lerq_datetime dt;
	long v = 0;
	if (text == NULL)
		*err = LERQ_ENOMEM;
	else if (lerq__date_parse(text, &dt) == LERQ_OK)
		v = (long)(dt.year * 10000 + dt.month * 100 + dt.day);
	free(text);
	return v;
}

static int problem(struct lerq_report *report, const xmlNode *node, const char *msg)
{
	int r = lerq__report_add_code(report, LERQ_S001, node, 0, 0, msg);
	return r == LERQ_OK ? LERQ_EINVAL : r;
}

static int read_party(struct lerq_trust *t, xmlNodePtr node, struct lerq__party *p,
                      struct lerq_report *report)
{
	int err = LERQ_OK;
	for (xmlNodePtr c = node->children; c && err == LERQ_OK; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *n = (const char *)c->name;
		if (strcmp(n, "Name") == 0) {
			if ((p->name = lerq__sign_text(c)) == NULL)
				err = LERQ_ENOMEM;
		} else if (strcmp(n, "Country") == 0) {
			if ((p->country = lerq__sign_text(c)) == NULL)
				err = LERQ_ENOMEM;
		} else if (strcmp(n, "Switchboard") == 0) {
			if ((p->switchboard = lerq__sign_text(c)) == NULL)
				err = LERQ_ENOMEM;
		} else if (strcmp(n, "Website") == 0) {
			char *uri = lerq__sign_text(c);
			if (uri == NULL)
				return LERQ_ENOMEM;
			char *host = lerq__uri_host(uri);
			free(uri);
			if (host == NULL)
				err = problem(report, c, "Website of a trust-list Party has no host: "
				                         "write the agency's address, such as https://police.example");
			else if (!push(&p->website_hosts, &p->website_count, host))
				err = LERQ_ENOMEM;
		} else if (strcmp(n, "EmailDomain") == 0) {
			char *d = lerq__sign_text(c);
			lerq__ascii_lower(d);
			if (!push(&p->email_domains, &p->email_domain_count, d))
				err = LERQ_ENOMEM;
		} else if (strcmp(n, "Certificate") == 0) {
			char *b64 = lerq__sign_text(c);
			if (b64 == NULL)
				return LERQ_ENOMEM;
			unsigned char *der = NULL;
			size_t der_len = 0;
			X509 *cert = decode_cert(b64, &der, &der_len);
			free(b64);
			if (cert == NULL) {
				err = problem(report, c, "Certificate of a trust-list Party is not an "
				                         "X.509 certificate in base64-encoded DER");
				continue;
			}
			X509 **certs = realloc(p->certs, (p->cert_count + 1) * sizeof(*certs));
			if (certs == NULL) {
				X509_free(cert);
				free(der);
				return LERQ_ENOMEM;
			}
			p->certs = certs;
			certs[p->cert_count++] = cert;
			if (X509_STORE_add_cert(t->store, cert) != 1)
				ERR_clear_error(); /* a duplicate of another entry's: fine */
			if (xmlSecCryptoAppKeysMngrCertLoadMemory(t->mngr, der, (xmlSecSize)der_len,
			                                          xmlSecKeyDataFormatDer,
			                                          xmlSecKeyDataTypeTrusted) < 0)
				err = problem(report, c, "Certificate of a trust-list Party could not be "
				                         "used as a trust anchor");
			free(der);
		} else if (strcmp(n, "ValidFrom") == 0) {
			p->valid_from = date_value(c, &err);
		} else if (strcmp(n, "ValidUntil") == 0) {
			p->valid_until = date_value(c, &err);
		}
	}
	if (err == LERQ_OK && p->valid_from && p->valid_until && p->valid_until < p->valid_from)
		err = problem(report, lerq__sign_child(node, LERQ_TRUST_NS, "ValidUntil"),
		              "ValidUntil of a trust-list Party is before its ValidFrom");
	return err;
}

static int check_root(xmlDocPtr doc, struct lerq_report *report)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root->ns == NULL || strcmp((const char *)root->ns->href, LERQ_TRUST_NS) != 0 ||
	    strcmp((const char *)root->name, "TrustList") != 0) {
		int r = lerq__report_add_code(report, LERQ_S002, root, 0, 0,
		                             "The root element is not a TrustList in the namespace "
		                             LERQ_TRUST_NS "; this is not a lerq trust list");
		return r == LERQ_OK ? LERQ_EINVAL : r;
	}
	return LERQ_OK;
}

static int load(const struct lerq_ctx *ctx, const void *data, size_t size,
                struct lerq_trust **out, struct lerq_report *report)
{
	xmlDocPtr doc = NULL;
	int r = LERQ_OK;
	if (size > ctx->max_size) {
		r = lerq__report_add_code(report, LERQ_P003, NULL, 0, 0,
		                         "The trust list is larger than the size limit");
		return r == LERQ_OK ? LERQ_EINVAL : r;
	}
	r = lerq__parse(ctx, data, size, &doc, report);
	if (r != LERQ_OK)
		return r;
	if (doc == NULL)
		return LERQ_EINVAL;
	r = check_root(doc, report);
	if (r == LERQ_OK) {
		xmlDocPtr sdoc = NULL;
		xmlSchemaPtr schema = NULL;
		r = lerq__schema_compile_named("lerq-trust.xsd", &sdoc, &schema);
		if (r == LERQ_OK)
			r = lerq__schema_validate_with(schema, doc, report);
		xmlSchemaFree(schema);
		xmlFreeDoc(sdoc);
		if (r == LERQ_OK && lerq_report_errors(report) > 0)
			r = LERQ_EINVAL;
	}
	struct lerq_trust *t = NULL;
	if (r == LERQ_OK) {
		t = calloc(1, sizeof(*t));
		if (t == NULL)
			r = LERQ_ENOMEM;
	}
	if (r == LERQ_OK) {
		t->mngr = xmlSecKeysMngrCreate();
		t->store = X509_STORE_new();
		if (t->mngr == NULL || t->store == NULL ||
		    xmlSecCryptoAppDefaultKeysMngrInit(t->mngr) < 0)
			r = LERQ_EINTERNAL;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (r == LERQ_OK) {
		t->owner = lerq__sign_text(lerq__sign_child(root, LERQ_TRUST_NS, "Owner"));
		t->issued_at = lerq__sign_text(lerq__sign_child(root, LERQ_TRUST_NS, "IssuedAt"));
		if (t->owner == NULL || t->issued_at == NULL)
			r = LERQ_ENOMEM;
	}
	for (xmlNodePtr c = root->children; r == LERQ_OK && c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "Party") != 0)
			continue;
		struct lerq__party *ps = realloc(t->parties, (t->party_count + 1) * sizeof(*ps));
		if (ps == NULL) {
			r = LERQ_ENOMEM;
			break;
		}
		t->parties = ps;
		memset(&ps[t->party_count], 0, sizeof(*ps));
		r = read_party(t, c, &ps[t->party_count++], report);
		/* Go on after a bad certificate, to say what else is wrong. */
		if (r == LERQ_EINVAL) {
			for (c = c->next; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE &&
				    strcmp((const char *)c->name, "Party") == 0) {
					struct lerq__party scratch = { 0 };
					int e = read_party(t, c, &scratch, report);
					party_clear(&scratch);
					if (e != LERQ_OK && e != LERQ_EINVAL) {
						r = e;
						break;
					}
				}
			break;
		}
	}
	xmlFreeDoc(doc);
	ERR_clear_error();
	if (r != LERQ_OK) {
		lerq_trust_free(t);
		return r;
	}
	*out = t;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_trust_load_memory(const struct lerq_ctx *ctx, const void *data,
                                       size_t size, struct lerq_trust **out,
                                       struct lerq_report **problems)
{
	int crypto = lerq__sign_crypto_init();
	if (crypto != LERQ_OK)
		return crypto;
	if (problems)
		*problems = NULL;
	if (ctx == NULL || out == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	struct lerq_report *report = lerq__report_new();
	if (report == NULL)
		return LERQ_ENOMEM;
	lerq__report_set_limit(report, ctx->max_findings);
	int r = load(ctx, data, size, out, report);
	if (r == LERQ_OK && lerq_report_errors(report) > 0)
		r = LERQ_EINVAL; /* never reached: load() refuses first */
	if (r == LERQ_EINVAL && problems)
		*problems = report;
	else
		lerq_report_free(report);
	return r;
}

LERQ_EXPORT int lerq_trust_load(const struct lerq_ctx *ctx, const char *path,
                                struct lerq_trust **out, struct lerq_report **problems)
{
	int crypto = lerq__sign_crypto_init();
	if (crypto != LERQ_OK)
		return crypto;
	if (problems)
		*problems = NULL;
	if (ctx == NULL || path == NULL || out == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size;
	int r = lerq__read_file(path, ctx->max_size, &data, &size);
	if (r != LERQ_OK)
		return r;
	r = lerq_trust_load_memory(ctx, data, size, out, problems);
	free(data);
	return r;
}

LERQ_EXPORT const char *lerq_trust_owner(const struct lerq_trust *trust)
{
	return trust ? trust->owner : NULL;
}

LERQ_EXPORT const char *lerq_trust_issued_at(const struct lerq_trust *trust)
{
	return trust ? trust->issued_at : NULL;
}

LERQ_EXPORT size_t lerq_trust_party_count(const struct lerq_trust *trust)
{
	return trust ? trust->party_count : 0;
}

LERQ_EXPORT const char *lerq_trust_party_name(const struct lerq_trust *trust, size_t index)
{
	return trust && index < trust->party_count ? trust->parties[index].name : NULL;
}

LERQ_EXPORT const char *lerq_trust_party_country(const struct lerq_trust *trust, size_t index)
{
	return trust && index < trust->party_count ? trust->parties[index].country : NULL;
}

LERQ_EXPORT int lerq_ctx_set_trust(struct lerq_ctx *ctx, struct lerq_trust *trust,
                                   unsigned int flags)
{
	if (ctx == NULL || (flags & ~(unsigned int)LERQ_VERIFY_REQUIRE_SIGNATURE) != 0) {
		lerq_trust_free(trust);
		return LERQ_EINVAL;
	}
	lerq_trust_free(ctx->trust);
	ctx->trust = trust;
	ctx->verify_flags = flags;
	return LERQ_OK;
}
