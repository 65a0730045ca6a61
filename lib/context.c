/* SPDX-License-Identifier: MIT */
/* The context: compiled schema and limits, shared read-only by threads. */
#include <pthread.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <libxml/xmlschemastypes.h>

#include "core/lerq-private.h"
#include "profile/profile.h"
#include "rules/rules.h"
#include "sign/sign.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_status = LERQ_EINTERNAL;

static void global_init(void)
{
	xmlInitParser();
	/* Lazy and unlocked in libxml2 2.9.14: run it once before any thread
	 * validates (../shared/notes/libxml2-facts.md). */
	xmlSchemaInitTypes();
	/* xmlsec before lerq's entity loader: xmlSecInit installs its no-XXE
	 * loader, which lerq's then chains to for parsers not its own. */
	init_status = lerq__sign_global_init();
	if (init_status == LERQ_OK)
		init_status = lerq__resources_install();
}

int lerq__global_init(void)
{
	if (pthread_once(&init_once, global_init) != 0)
		return LERQ_EINTERNAL;
	return init_status;
}

LERQ_EXPORT int lerq_ctx_new(unsigned int flags, struct lerq_ctx **out)
{
	if (out == NULL || flags != LERQ_CTX_DEFAULT)
		return LERQ_EINVAL;
	int r = lerq__global_init();
	if (r != LERQ_OK)
		return r;
	struct lerq_ctx *ctx = calloc(1, sizeof(*ctx));
	if (ctx == NULL)
		return LERQ_ENOMEM;
	ctx->max_size = LERQ_DEFAULT_MAX_SIZE;
	ctx->max_depth = LERQ_DEFAULT_MAX_DEPTH;
	ctx->max_findings = LERQ_DEFAULT_MAX_FINDINGS;
	r = lerq__schema_compile(&ctx->schema_doc, &ctx->schema);
	if (r != LERQ_OK) {
		free(ctx);
		return r;
	}
	r = lerq__rules_new(&ctx->rules);
	if (r != LERQ_OK) {
		lerq_ctx_free(ctx);
		return r;
	}
	*out = ctx;
	return LERQ_OK;
}

LERQ_EXPORT void lerq_ctx_free(struct lerq_ctx *ctx)
{
	if (ctx == NULL)
		return;
	lerq__profiles_free(ctx);
	lerq_trust_free(ctx->trust);
	lerq__rules_free(ctx->rules);
	xmlSchemaFree(ctx->schema);
	xmlFreeDoc(ctx->schema_doc);
	free(ctx);
}

LERQ_EXPORT int lerq_ctx_set_max_size(struct lerq_ctx *ctx, size_t bytes)
{
	if (ctx == NULL || bytes == 0)
		return LERQ_EINVAL;
	ctx->max_size = bytes;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_ctx_set_max_depth(struct lerq_ctx *ctx, unsigned int depth)
{
	if (ctx == NULL || depth == 0 || depth > 256)
		return LERQ_EINVAL;
	ctx->max_depth = depth;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_ctx_set_max_findings(struct lerq_ctx *ctx, unsigned int count)
{
	if (ctx == NULL || count == 0)
		return LERQ_EINVAL;
	ctx->max_findings = count;
	return LERQ_OK;
}
