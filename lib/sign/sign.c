/* SPDX-License-Identifier: MIT */
/* Signing (lerq sign): an enveloped signature of exactly lerq's profile,
 * appended as the root's last child of a valid, unsigned document. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <xmlsec/app.h>
#include <xmlsec/crypto.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>

#include "sign/sign.h"

struct lerq_signer {
	xmlSecKeyPtr key; /* the private key with its certificates */
	bool ecdsa;
};

LERQ_EXPORT void lerq_signer_free(struct lerq_signer *signer)
{
	if (signer == NULL)
		return;
	if (signer->key)
		xmlSecKeyDestroy(signer->key);
	free(signer);
}

/* The key must be RSA or EC and the certificate its own. */
/* xmlSecDSigCtxSign() under the xmlsec lock (init.c). */
static int xmlsec_sign(xmlSecDSigCtxPtr d, xmlNodePtr sig)
{
	lerq__sign_xmlsec_lock();
	int rc = xmlSecDSigCtxSign(d, sig);
	lerq__sign_xmlsec_unlock();
	return rc;
}

static int check_pair(const char *key, size_t key_size, const char *cert, size_t cert_size,
                      bool *ecdsa)
{
	int r = LERQ_EINVAL;
	BIO *kb = BIO_new_mem_buf(key, (int)key_size);
	BIO *cb = BIO_new_mem_buf(cert, (int)cert_size);
	EVP_PKEY *pkey = kb ? PEM_read_bio_PrivateKey(kb, NULL, NULL, NULL) : NULL;
	X509 *x = cb ? PEM_read_bio_X509(cb, NULL, NULL, NULL) : NULL;
	if (kb == NULL || cb == NULL)
		r = LERQ_ENOMEM;
	else if (pkey != NULL && x != NULL && X509_check_private_key(x, pkey) == 1) {
		int id = EVP_PKEY_base_id(pkey);
		if (id == EVP_PKEY_RSA || id == EVP_PKEY_EC) {
			*ecdsa = id == EVP_PKEY_EC;
			r = LERQ_OK;
		}
	}
	EVP_PKEY_free(pkey);
	X509_free(x);
	BIO_free(kb);
	BIO_free(cb);
	return r;
}

/* Each PEM certificate of a chain file, in order. */
static int add_chain(xmlSecKeyPtr key, const char *chain, size_t size)
{
	static const char begin[] = "-----BEGIN CERTIFICATE-----";
	static const char end[] = "-----END CERTIFICATE-----";
	const char *p = chain, *stop = chain + size;
	int added = 0;
	/* The file's bytes end at stop, with no NUL after them: search
	 * within them only. */
	while (p < stop) {
		const char *b = memmem(p, (size_t)(stop - p), begin, sizeof(begin) - 1);
		const char *e = b ? memmem(b, (size_t)(stop - b), end, sizeof(end) - 1) : NULL;
		if (b == NULL || e == NULL)
			break;
		e += sizeof(end) - 1;
		if (xmlSecCryptoAppKeyCertLoadMemory(key, (const xmlSecByte *)b, (xmlSecSize)(e - b),
		                                     xmlSecKeyDataFormatPem) < 0)
			return LERQ_EINVAL;
		added++;
		p = e;
	}
	return added > 0 ? LERQ_OK : LERQ_EINVAL;
}

LERQ_EXPORT int lerq_signer_new(const char *key_path, const char *cert_path,
                                const char *chain_path, struct lerq_signer **out)
{
	int crypto = lerq__sign_crypto_init();
	if (crypto != LERQ_OK)
		return crypto;
	if (key_path == NULL || cert_path == NULL || out == NULL)
		return LERQ_EINVAL;
	int r = lerq__global_init();
	if (r != LERQ_OK)
		return r;
	char *key = NULL, *cert = NULL, *chain = NULL;
	size_t key_size = 0, cert_size = 0, chain_size = 0;
	const size_t limit = 1024 * 1024;
	r = lerq__read_file(key_path, limit, &key, &key_size);
	if (r == LERQ_OK)
		r = lerq__read_file(cert_path, limit, &cert, &cert_size);
	if (r == LERQ_OK && chain_path != NULL)
		r = lerq__read_file(chain_path, limit, &chain, &chain_size);
	struct lerq_signer *s = NULL;
	if (r == LERQ_OK && (key_size > limit || cert_size > limit || chain_size > limit))
		r = LERQ_EINVAL;
	if (r == LERQ_OK) {
		s = calloc(1, sizeof(*s));
		r = s ? check_pair(key, key_size, cert, cert_size, &s->ecdsa) : LERQ_ENOMEM;
	}
	if (r == LERQ_OK) {
		lerq__sign_errors_reset();
		s->key = xmlSecCryptoAppKeyLoadMemory((const xmlSecByte *)key, (xmlSecSize)key_size,
		                                      xmlSecKeyDataFormatPem, NULL, NULL, NULL);
		if (s->key == NULL ||
		    xmlSecCryptoAppKeyCertLoadMemory(s->key, (const xmlSecByte *)cert,
		                                     (xmlSecSize)cert_size, xmlSecKeyDataFormatPem) < 0)
			r = LERQ_EINVAL;
	}
	if (r == LERQ_OK && chain != NULL)
		r = add_chain(s->key, chain, chain_size);
	if (key)
		memset(key, 0, key_size);
	free(key);
	free(cert);
	free(chain);
	ERR_clear_error();
	if (r != LERQ_OK) {
		lerq_signer_free(s);
		return r;
	}
	*out = s;
	return LERQ_OK;
}

static bool has_signature(const xmlNode *node, const xmlNode **found)
{
	for (const xmlNode *c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns && strcmp((const char *)c->ns->href, LERQ_DSIG_NS) == 0 &&
		    strcmp((const char *)c->name, "Signature") == 0) {
			*found = c;
			return true;
		}
		if (has_signature(c, found))
			return true;
	}
	return false;
}

static int append_signature(const struct lerq_signer *signer, xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr sig = xmlSecTmplSignatureCreateNsPref(
		doc, xmlSecTransformExclC14NId,
		signer->ecdsa ? xmlSecTransformEcdsaSha256Id : xmlSecTransformRsaSha256Id, NULL,
		BAD_CAST "ds");
	if (sig == NULL)
		return LERQ_ENOMEM;
	xmlAddChild(root, sig);
	xmlNodePtr ref = xmlSecTmplSignatureAddReference(sig, xmlSecTransformSha256Id, NULL,
	                                                 BAD_CAST "", NULL);
	xmlNodePtr ki = NULL, x509 = NULL;
	if (ref == NULL || xmlSecTmplReferenceAddTransform(ref, xmlSecTransformEnvelopedId) == NULL ||
	    xmlSecTmplReferenceAddTransform(ref, xmlSecTransformExclC14NId) == NULL ||
	    (ki = xmlSecTmplSignatureEnsureKeyInfo(sig, NULL)) == NULL ||
	    (x509 = xmlSecTmplKeyInfoAddX509Data(ki)) == NULL ||
	    xmlSecTmplX509DataAddCertificate(x509) == NULL)
		return LERQ_ENOMEM;

	xmlSecDSigCtxPtr d = xmlSecDSigCtxCreate(NULL);
	if (d == NULL)
		return LERQ_ENOMEM;
	d->signKey = xmlSecKeyDuplicate(signer->key);
	int r = LERQ_OK;
	lerq__sign_errors_reset();
	if (d->signKey == NULL)
		r = LERQ_ENOMEM;
	else if (xmlsec_sign(d, sig) < 0)
		r = LERQ_EINTERNAL;
	xmlSecDSigCtxDestroy(d);
	ERR_clear_error();
	return r;
}

LERQ_EXPORT int lerq_sign_memory(const struct lerq_ctx *ctx, const struct lerq_signer *signer,
                                 const void *data, size_t size, lerq_time_t now,
                                 char **out, size_t *out_size, struct lerq_report **report)
{
	int crypto = lerq__sign_crypto_init();
	if (crypto != LERQ_OK)
		return crypto;
	if (report)
		*report = NULL;
	if (ctx == NULL || signer == NULL || out == NULL || out_size == NULL ||
	    (data == NULL && size > 0))
		return LERQ_EINVAL;
	struct lerq_report *rep = NULL;
	xmlDocPtr doc = NULL;
	int r = lerq__validate_doc(ctx, data, size, now, &rep, &doc);
	if (r != LERQ_OK)
		return r;
	const xmlNode *old = NULL;
	if (doc == NULL || !lerq_report_is_valid(rep)) {
		r = LERQ_EDOCUMENT;
	} else if (has_signature(xmlDocGetRootElement(doc), &old)) {
		r = lerq__report_add_code(rep, LERQ_V002, old, 0, 0,
		                         "The document is already signed (ds:Signature); lerq "
		                         "signs unsigned documents only, since lerq accepts one "
		                         "signature per document");
		if (r == LERQ_OK)
			r = LERQ_EDOCUMENT;
	} else {
		r = append_signature(signer, doc);
	}
	if (r == LERQ_OK) {
		xmlChar *buf = NULL;
		int len = 0;
		xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
		if (buf == NULL) {
			r = LERQ_ENOMEM;
		} else {
			char *copy = malloc((size_t)len + 1);
			if (copy == NULL) {
				r = LERQ_ENOMEM;
			} else {
				memcpy(copy, buf, (size_t)len);
				copy[len] = '\0';
				*out = copy;
				*out_size = (size_t)len;
			}
			xmlFree(buf);
		}
	}
	xmlFreeDoc(doc);
	if (report && (r == LERQ_OK || r == LERQ_EDOCUMENT))
		*report = rep;
	else
		lerq_report_free(rep);
	return r;
}
