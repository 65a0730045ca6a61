/* SPDX-License-Identifier: MIT */
/* Signatures and trust lists (format section 6), on xmlsec1 with OpenSSL
 * (../shared/notes/xmlsec1-and-microhttpd-facts.md). Private to liblerq;
 * includes core only. */
#ifndef LERQ_SIGN_H
#define LERQ_SIGN_H

#include <openssl/x509.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/keysmngr.h>

#include "core/lerq-private.h"

#define LERQ_TRUST_NS "urn:lerq:trust:1"
#define LERQ_DSIG_NS "http://www.w3.org/2000/09/xmldsig#"

/* One Party of a trust list, values whitespace-collapsed. */
struct lerq__party {
	char *name;
	char *country;
	char **website_hosts; /* lower case */
	size_t website_count;
	char **email_domains; /* lower case */
	size_t email_domain_count;
	char *switchboard;    /* or NULL */
	X509 **certs;
	size_t cert_count;
	long valid_from;      /* yyyymmdd, 0 when absent */
	long valid_until;     /* yyyymmdd, 0 when absent */
};

struct lerq_trust {
	char *owner;
	char *issued_at;
	struct lerq__party *parties;
	size_t party_count;
	/* One keys manager per list, every certificate of every party as a
	 * trusted certificate; read-only once loaded, shared by threads. */
	xmlSecKeysMngrPtr mngr;
	/* The same certificates for lerq's own chain check (verify.c), which
	 * accepts a party's own certificate as an anchor (partial chain):
	 * xmlsec 1.2.37's store offers no way to allow that. Read-only. */
	X509_STORE *store;
};

struct lerq_signature {
	enum lerq_signature_state state;
	char *reason;
	const char *code; /* the code of the reason ("LERQ-V003"), static */
	long party;
	char *subject;
	/* Copies, so that a result outlives the trust list. */
	char *signer, *country, *switchboard;
	char *owner, *issued_at;
};

/* init.c: xmlsec and its crypto, once, from lerq__global_init(), before
 * lerq installs its entity loader (which then chains to xmlsec's). */
int lerq__sign_global_init(void);
/* OpenSSL and xmlsec's crypto, set up once on first use (init.c): every
 * call that loads keys or certificates calls it first. */
int lerq__sign_crypto_init(void);
/* Around every call into xmlsec's signing or verifying (init.c says why). */
void lerq__sign_xmlsec_lock(void);
void lerq__sign_xmlsec_unlock(void);

/* Thread-local record of what xmlsec complained about during one call
 * (the error callback is process-wide and quiet). */
void lerq__sign_errors_reset(void);
bool lerq__sign_errors_have(int reason);
const char *lerq__sign_errors_first(void);

/* verify.c: verifies doc (which passed the schema) against the
 * context's trust list, adding V findings to report. *out (may be NULL)
 * receives the result. Returns LERQ_OK, LERQ_ENOMEM, LERQ_EINTERNAL. */
int lerq__verify(const struct lerq_ctx *ctx, xmlDocPtr doc, struct lerq_report *report,
                struct lerq_signature **out);

/* Small helpers shared by trust.c, verify.c and sign.c. */
xmlNodePtr lerq__sign_child(const xmlNode *parent, const char *ns, const char *name);
/* Collapsed text content, caller frees; NULL for a NULL node or OOM. */
char *lerq__sign_text(const xmlNode *node);
/* Host of an absolute URI, lower case; caller frees; NULL if none. */
char *lerq__uri_host(const char *uri);
void lerq__ascii_lower(char *s);

#endif
