/* SPDX-License-Identifier: MIT */
/* Keeping a trust list (lerq trust add): a Party from a certificate,
 * added to a list that is valid before and after. */
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "sign/sign.h"

/* The certificate of a PEM file as base64 DER, on one line. */
static int cert_base64(const char *path, char **out)
{
	char *pem = NULL;
	size_t size = 0;
	int r = lerq__read_file(path, 1024 * 1024, &pem, &size);
	if (r != LERQ_OK)
		return r;
	BIO *b = BIO_new_mem_buf(pem, (int)size);
	X509 *x = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
	unsigned char *der = NULL;
	int len = x ? i2d_X509(x, &der) : -1;
	r = LERQ_EINVAL;
	if (len > 0) {
		char *b64 = malloc((size_t)len / 3 * 4 + 8);
		if (b64 == NULL) {
			r = LERQ_ENOMEM;
		} else {
			EVP_EncodeBlock((unsigned char *)b64, der, len);
			*out = b64;
			r = LERQ_OK;
		}
	}
	OPENSSL_free(der);
	X509_free(x);
	BIO_free(b);
	free(pem);
	return r;
}

static xmlNodePtr add_text_child(xmlNodePtr parent, xmlNsPtr ns, const char *indent,
                                 const char *name, const char *value)
{
	xmlAddChild(parent, xmlNewText(BAD_CAST indent));
	return xmlNewTextChild(parent, ns, BAD_CAST name, BAD_CAST value);
}

LERQ_EXPORT int lerq_trust_add_party(const struct lerq_ctx *ctx, const void *list, size_t size,
                                     const char *name, const char *country,
                                     const char *cert_pem_path, char **out, size_t *out_size,
                                     struct lerq_report **problems)
{
	int crypto = lerq__sign_crypto_init();
	if (crypto != LERQ_OK)
		return crypto;
	if (problems)
		*problems = NULL;
	if (ctx == NULL || list == NULL || name == NULL || country == NULL ||
	    cert_pem_path == NULL || out == NULL || out_size == NULL)
		return LERQ_EINVAL;
	/* The list as it is must be valid: never edit a list lerq refuses. */
	struct lerq_trust *t = NULL;
	int r = lerq_trust_load_memory(ctx, list, size, &t, problems);
	lerq_trust_free(t);
	t = NULL;
	if (r != LERQ_OK)
		return r;
	char *b64 = NULL;
	r = cert_base64(cert_pem_path, &b64);
	if (r != LERQ_OK)
		return r;

	struct lerq_report *scratch = lerq__report_new();
	xmlDocPtr doc = NULL;
	if (scratch == NULL)
		r = LERQ_ENOMEM;
	else
		r = lerq__parse(ctx, list, size, &doc, scratch);
	lerq_report_free(scratch);
	if (r == LERQ_OK && doc == NULL)
		r = LERQ_EINVAL;
	if (r != LERQ_OK) {
		free(b64);
		return r;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr after = NULL;
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			after = c; /* the last Party, or IssuedAt when there is none */
	xmlNodePtr party = xmlNewNode(root->ns, BAD_CAST "Party");
	if (party == NULL || after == NULL) {
		xmlFreeNode(party);
		r = LERQ_ENOMEM;
	} else {
		add_text_child(party, root->ns, "\n    ", "Name", name);
		add_text_child(party, root->ns, "\n    ", "Country", country);
		add_text_child(party, root->ns, "\n    ", "Certificate", b64);
		xmlAddChild(party, xmlNewText(BAD_CAST "\n  "));
		xmlNodePtr placed = xmlAddNextSibling(after, party);
		xmlAddPrevSibling(placed, xmlNewText(BAD_CAST "\n  "));
		xmlChar *buf = NULL;
		int len = 0;
		xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
		if (buf == NULL) {
			r = LERQ_ENOMEM;
		} else {
			/* The new list must load too: a bad name or country refuses it. */
			r = lerq_trust_load_memory(ctx, buf, (size_t)len, &t, problems);
			lerq_trust_free(t);
			if (r == LERQ_OK) {
				*out = malloc((size_t)len + 1);
				if (*out == NULL) {
					r = LERQ_ENOMEM;
				} else {
					memcpy(*out, buf, (size_t)len);
					(*out)[len] = '\0';
					*out_size = (size_t)len;
				}
			}
			xmlFree(buf);
		}
	}
	xmlFreeDoc(doc);
	free(b64);
	return r;
}
