/* SPDX-License-Identifier: MIT */
/* xmlsec's process-wide set-up (upstream examples/verify4.c order) and its
 * quiet error callback. Never the examples' xmlSubstituteEntitiesDefault(1)
 * or DTD-loading defaults: lerq loads no DTD and expands no entity. */
#include <stdio.h>
#include <string.h>

#include <xmlsec/xmlsec.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/transforms.h>
#include <libxslt/security.h>

#include <pthread.h>

#include "sign/sign.h"

/* What xmlsec reported in this thread since the last reset. The callback
 * is global; the record is per thread, so concurrent verifications do
 * not see each other's reasons. */
#define REASON_MAX 128
static _Thread_local struct {
	unsigned char seen[REASON_MAX];
	char first[160];
} errors;

static void quiet(const char *file, int line, const char *func, const char *object,
                  const char *subject, int reason, const char *msg)
{
	if (reason >= 0 && reason < REASON_MAX)
		errors.seen[reason] = 1;
	if (errors.first[0] == '\0' && reason != XMLSEC_ERRORS_R_XMLSEC_FAILED) {
		const char *text = NULL;
		for (xmlSecSize i = 0; xmlSecErrorsGetMsg(i) != NULL; i++)
			if (xmlSecErrorsGetCode(i) == reason) {
				text = xmlSecErrorsGetMsg(i);
				break;
			}
		if (text != NULL)
			snprintf(errors.first, sizeof(errors.first), "%s", text);
	}
}

void lerq__sign_errors_reset(void)
{
	memset(&errors, 0, sizeof(errors));
}

bool lerq__sign_errors_have(int reason)
{
	return reason >= 0 && reason < REASON_MAX && errors.seen[reason];
}

const char *lerq__sign_errors_first(void)
{
	return errors.first;
}

#ifndef XMLSEC_NO_XSLT
/* xmlsec's XSLT transform is never enabled (verify.c allows only
 * enveloped, exclusive C14N and SHA-256); should it ever run, it may
 * read and write nothing: the second guard. Lives as long as the
 * process, like xmlsec's own set-up. */
/* volatile: only ever written, and the store must stay so that the
 * memory stays reachable (valgrind, LeakSanitizer). */
static xsltSecurityPrefsPtr volatile xslt_prefs;

static int forbid_xslt_io(void)
{
	xsltSecurityPrefsPtr prefs = xsltNewSecurityPrefs();
	if (prefs == NULL)
		return LERQ_ENOMEM;
	static const xsltSecurityOption options[] = {
		XSLT_SECPREF_READ_FILE, XSLT_SECPREF_WRITE_FILE, XSLT_SECPREF_CREATE_DIRECTORY,
		XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK,
	};
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		if (xsltSetSecurityPrefs(prefs, options[i], xsltSecurityForbid) != 0) {
			xsltFreeSecurityPrefs(prefs);
			return LERQ_EINTERNAL;
		}
	xmlSecTransformXsltSetDefaultSecurityPrefs(prefs);
	xslt_prefs = prefs; /* kept, as xmlsec does not own it */
	return LERQ_OK;
}
#endif

int lerq__sign_global_init(void)
{
	xmlSecErrorsSetCallback(quiet);
	if (xmlSecInit() < 0)
		return LERQ_EINTERNAL;
#ifndef XMLSEC_NO_XSLT
	if (forbid_xslt_io() != LERQ_OK)
		return LERQ_EINTERNAL;
#endif
	/* Headers and library must agree (the macro passes our version). */
	if (xmlSecCheckVersion() != 1)
		return LERQ_EINTERNAL;
	return LERQ_OK;
}

/* OpenSSL's own set-up is a tenth of a one-file `lerq validate`, which
 * never signs or verifies: it runs once, on the first trust list or
 * signer (pthread_once, so from any thread). It touches no libxml2 state:
 * xmlSecInit() and the entity loaders stay in the one-time set-up above. */
static pthread_once_t crypto_once = PTHREAD_ONCE_INIT;
static int crypto_status = LERQ_EINTERNAL;

static void crypto_init(void)
{
	/* This build links OpenSSL directly (XMLSEC_NO_CRYPTO_DYNAMIC_LOADING):
	 * the thread-unsafe ltdl loader never runs. */
	if (xmlSecCryptoAppInit(NULL) < 0 || xmlSecCryptoInit() < 0)
		return;
	xmlSecErrorsSetCallback(quiet);
	crypto_status = LERQ_OK;
}

int lerq__sign_crypto_init(void)
{
	/* xmlsec itself first (lerq's one-time set-up calls xmlSecInit()). */
	int r = lerq__global_init();
	if (r != LERQ_OK)
		return r;
	pthread_once(&crypto_once, crypto_init);
	return crypto_status;
}

/*
 * xmlsec 1.2.37's OpenSSL back end turns a certificate's times into time_t
 * with gmtime() and mktime() (xmlSecOpenSSLX509CertGetTime): gmtime()
 * returns a buffer shared by the whole process, so two verifications at
 * once can read each other's times (ThreadSanitizer saw it in the 8-thread
 * test). xmlsec's part of signing and verifying therefore runs one at a
 * time; everything else (parsing, the schema, the rules, lerq's own chain
 * check) stays parallel. About 1.5 ms per signed document.
 */
static pthread_mutex_t xmlsec_lock = PTHREAD_MUTEX_INITIALIZER;

void lerq__sign_xmlsec_lock(void)
{
	pthread_mutex_lock(&xmlsec_lock);
}

void lerq__sign_xmlsec_unlock(void)
{
	pthread_mutex_unlock(&xmlsec_lock);
}
