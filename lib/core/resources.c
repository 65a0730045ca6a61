/* SPDX-License-Identifier: MIT */
/* Files compiled into the library, served to libxml2 as res:///NAME, and
 * the external entity loader that keeps lerq's own parses from reaching
 * anything else. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>

#include "core/lerq-private.h"

extern const struct lerq_resource lerq__resources[];

const struct lerq_resource *lerq__resource_find(const char *name)
{
	for (const struct lerq_resource *r = lerq__resources; r->name; r++)
		if (strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

struct cursor {
	const struct lerq_resource *res;
	size_t pos;
};

static bool is_res_uri(const char *uri)
{
	return uri && strncmp(uri, LERQ_RES_PREFIX, strlen(LERQ_RES_PREFIX)) == 0;
}

static int res_match(const char *uri)
{
	return is_res_uri(uri) &&
	       lerq__resource_find(uri + strlen(LERQ_RES_PREFIX)) != NULL;
}

static void *res_open(const char *uri)
{
	const struct lerq_resource *res = lerq__resource_find(uri + strlen(LERQ_RES_PREFIX));
	if (res == NULL)
		return NULL;
	struct cursor *c = calloc(1, sizeof(*c));
	if (c)
		c->res = res;
	return c;
}

static int res_read(void *context, char *buf, int len)
{
	struct cursor *c = context;
	size_t n = c->res->size - c->pos;
	if (len < 0)
		return -1;
	if (n > (size_t)len)
		n = (size_t)len;
	memcpy(buf, c->res->data + c->pos, n);
	c->pos += n;
	return (int)n;
}

static int res_close(void *context)
{
	free(context);
	return 0;
}

static xmlExternalEntityLoader previous_loader;

/* lerq's document parser installs this hook (parse.c); a context that
 * carries it is one of ours and may load nothing but res:///. Other
 * parsers in the host process keep the loader they had. */
static xmlParserInputPtr loader(const char *url, const char *id,
                                xmlParserCtxtPtr ctxt)
{
	if (is_res_uri(url))
		return res_match(url) ? xmlNewInputFromFile(ctxt, url) : NULL;
	if (ctxt != NULL && lerq__parse_is_ours(ctxt))
		return NULL;
	return previous_loader ? previous_loader(url, id, ctxt) : NULL;
}

int lerq__resources_install(void)
{
	if (xmlRegisterInputCallbacks(res_match, res_open, res_read, res_close) < 0)
		return LERQ_EINTERNAL;
	previous_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(loader);
	return LERQ_OK;
}
