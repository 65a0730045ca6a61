/* SPDX-License-Identifier: MIT */
/*
 * XSLT made safe (../shared/notes/libxml2-facts.md, "XSLT safety"):
 * lerq's stylesheets are compiled once per context from the copies inside
 * the library; every transform runs with security preferences that forbid
 * reading or writing files and opening connections (only res:/// may be
 * read), with CPU caps, and with its messages collected, never printed.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlIO.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "core/lerq-private.h"
#include "letter/letter.h"

/* CPU caps, in proportion to the input: lerq's stylesheets need about
 * 0.5 XSLT and 4 XPath operations per byte of document (measured on a
 * 1.6 MB request of 3000 items), plus a few thousand for the frame. Ten
 * times that stops a runaway letterhead in a fraction of a second on an
 * ordinary letter, and never a real one. */
#define XSLT_OPS_BASE 1000000UL
#define XSLT_OPS_PER_BYTE 4UL
#define XPATH_OPS_BASE 10000000UL
#define XPATH_OPS_PER_BYTE 40UL
#define TEMPLATE_DEPTH_LIMIT 2000

/* Memory caps for a letterhead's transform (issue 13: a 3.7 KB letterhead
 * that doubled a string with concat($a, $a) in 30 variables reached
 * 15.4 GB). No string an XPath expression builds may pass STRING_MAX
 * (core/xpath-limits.c), and what the transform reads back from its
 * variables and parameters, strings and result tree fragments (the other
 * way to double: <xsl:value-of select="$a"/> twice in a variable), may
 * not pass LOOKUP_BUDGET in all. Both grow with the input, which a real
 * letter copies from, never by doubling. */
#define STRING_MAX_BASE ((size_t)1 << 20)
#define STRING_MAX_PER_BYTE 2
#define LOOKUP_BUDGET_BASE ((size_t)64 << 20)
#define LOOKUP_BUDGET_PER_BYTE 16

/* The message catalogues letters have needed so far, parsed once. */
#define CATALOGUES_MAX 16

struct lerq_stylesheets {
	xsltSecurityPrefsPtr security;
	xsltStylesheetPtr letter;
	xsltStylesheetPtr html;
	xsltStylesheetPtr text;
	pthread_mutex_t lock; /* guards the catalogues' list, not the documents */
	struct catalogue {
		char lang[4];
		xmlDocPtr doc;
	} catalogues[CATALOGUES_MAX];
	size_t catalogue_count;
};

/* ---- messages ---- */

__attribute__((format(printf, 2, 0)))
static void messages_vadd(struct lerq_messages *m, const char *fmt, va_list ap)
{
	char buf[1024];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n < 0)
		return;
	size_t len = (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1;
	/* Enough to say what went wrong; a runaway stylesheet may say it a
	 * million times. */
	if (m->len + len > 16384)
		return;
	if (m->len + len + 1 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 1024;
		while (cap < m->len + len + 1)
			cap *= 2;
		char *p = realloc(m->text, cap);
		if (p == NULL) {
			m->oom = true;
			return;
		}
		m->text = p;
		m->cap = cap;
	}
	memcpy(m->text + m->len, buf, len);
	m->len += len;
	m->text[m->len] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void collect(void *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	messages_vadd(ctx, fmt, ap);
	va_end(ap);
}

static void collect_structured(void *ctx, xmlErrorPtr err)
{
	if (err != NULL && err->message != NULL)
		collect(ctx, "%s", err->message);
}

void lerq__messages_clear(struct lerq_messages *m)
{
	free(m->text);
	memset(m, 0, sizeof(*m));
}

/* libxslt says "compilation error: file X line N element E" before the
 * message itself. */
static unsigned long first_line_number(const char *text)
{
	const char *p = strstr(text, " line ");
	return p ? strtoul(p + 6, NULL, 10) : 0;
}

char *lerq__messages_summary(const struct lerq_messages *m, unsigned long *line)
{
	const char *text = m->text ? m->text : "";
	/* The first lines say what went wrong; what follows (a template
	 * stack, the same refusal again) only repeats it. */
	size_t keep = 0;
	for (int lines = 0; lines < 3 && text[keep] != '\0'; lines++) {
		keep += strcspn(text + keep, "\n");
		if (text[keep] == '\n')
			keep++;
	}
	if (keep > 400) {
		keep = 400;
		/* Never half a UTF-8 character. */
		while (keep > 0 && ((unsigned char)text[keep] & 0xC0) == 0x80)
			keep--;
	}
	char *s = malloc(keep + 4);
	if (s == NULL)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < keep; i++) {
		char c = text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i];
		if (c == ' ' && (n == 0 || s[n - 1] == ' '))
			continue;
		s[n++] = c;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (text[keep] != '\0' && n > 0) {
		memcpy(s + n, "...", 3);
		n += 3;
	}
	s[n] = '\0';
	if (line != NULL)
		*line = first_line_number(text);
	return s;
}

/*
 * libxslt reports what goes wrong while compiling a stylesheet through a
 * process-wide function. lerq replaces it once with one that hands the
 * message to the operation running on the calling thread, and passes the
 * messages of anything else in the process on to the function it had.
 */
static _Thread_local struct lerq_messages *current;
static xmlGenericErrorFunc previous_error;
static void *previous_error_ctx;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

__attribute__((format(printf, 2, 3)))
static void dispatch(void *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (current != NULL) {
		messages_vadd(current, fmt, ap);
	} else if (previous_error != NULL) {
		char buf[1024];
		vsnprintf(buf, sizeof(buf), fmt, ap);
		previous_error(previous_error_ctx, "%s", buf);
	}
	va_end(ap);
}

static void init(void)
{
	previous_error = xsltGenericError;
	previous_error_ctx = xsltGenericErrorContext;
	xsltSetGenericErrorFunc(NULL, dispatch);
}

/* Sends everything libxml2 and libxslt say on this thread to @m until
 * quiet_end(). */
struct quiet {
	struct lerq_messages *current;
	xmlGenericErrorFunc generic;
	void *generic_ctx;
	xmlStructuredErrorFunc structured;
	void *structured_ctx;
};

static void quiet_begin(struct quiet *q, struct lerq_messages *m)
{
	q->current = current;
	q->generic = xmlGenericError;
	q->generic_ctx = xmlGenericErrorContext;
	q->structured = xmlStructuredError;
	q->structured_ctx = xmlStructuredErrorContext;
	current = m;
	xmlSetGenericErrorFunc(m, collect);
	xmlSetStructuredErrorFunc(m, collect_structured);
}

static void quiet_end(const struct quiet *q)
{
	xmlSetStructuredErrorFunc(q->structured_ctx, q->structured);
	xmlSetGenericErrorFunc(q->generic_ctx, q->generic);
	current = q->current;
}

/* ---- compiling ---- */

int lerq__xslt_compile(xmlDocPtr doc, struct lerq_messages *m, xsltStylesheetPtr *out)
{
	struct quiet q;

	if (pthread_once(&init_once, init) != 0)
		return LERQ_EINTERNAL;
	quiet_begin(&q, m);
	xsltStylesheetPtr style = xsltParseStylesheetDoc(doc);
	if (style != NULL && style->errors > 0) {
		/* The document now belongs to the stylesheet. */
		xsltFreeStylesheet(style);
		style = NULL;
		doc = NULL;
	}
	quiet_end(&q);
	if (style == NULL) {
		xmlFreeDoc(doc);
		return m->oom ? LERQ_ENOMEM : LERQ_EINVAL;
	}
	*out = style;
	return LERQ_OK;
}

/* The base URI res:///NAME lets xsl:include and document() find the other
 * embedded files. */
static int compile_resource(const char *name, xsltStylesheetPtr *out)
{
	const struct lerq_resource *res = lerq__resource_find(name);
	struct lerq_messages m = { 0 };

	if (res == NULL)
		return LERQ_EINTERNAL;
	char *url = lerq__strdup_printf(LERQ_RES_PREFIX "%s", name);
	if (url == NULL)
		return LERQ_ENOMEM;
	xmlDocPtr doc = xmlReadMemory((const char *)res->data, (int)res->size, url, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOCDATA |
	                                      XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(url);
	if (doc == NULL)
		return LERQ_EINTERNAL;
	int r = lerq__xslt_compile(doc, &m, out);
	lerq__messages_clear(&m);
	/* Ours and built in: if it does not compile, lerq is broken. */
	return r == LERQ_EINVAL ? LERQ_EINTERNAL : r;
}

/* Reading res:/// is all a transform may do beyond its input. */
static int allow_resources(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tc,
                           const char *value)
{
	return value != NULL &&
	       strncmp(value, LERQ_RES_PREFIX, strlen(LERQ_RES_PREFIX)) == 0;
}

int lerq__stylesheets_new(struct lerq_stylesheets **out)
{
	if (pthread_once(&init_once, init) != 0)
		return LERQ_EINTERNAL;
	struct lerq_stylesheets *ss = calloc(1, sizeof(*ss));
	if (ss == NULL)
		return LERQ_ENOMEM;
	int r = LERQ_ENOMEM;
	if (pthread_mutex_init(&ss->lock, NULL) != 0) {
		free(ss);
		return LERQ_ENOMEM;
	}
	ss->security = xsltNewSecurityPrefs();
	if (ss->security == NULL)
		goto fail;
	/* Any scheme but file counts as network for libxslt: the check lets
	 * res:/// through and nothing else. */
	if (xsltSetSecurityPrefs(ss->security, XSLT_SECPREF_READ_FILE, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(ss->security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(ss->security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(ss->security, XSLT_SECPREF_READ_NETWORK, allow_resources) != 0 ||
	    xsltSetSecurityPrefs(ss->security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) != 0) {
		r = LERQ_EINTERNAL;
		goto fail;
	}
	r = compile_resource("letter.xsl", &ss->letter);
	if (r == LERQ_OK)
		r = compile_resource("html.xsl", &ss->html);
	if (r == LERQ_OK)
		r = compile_resource("text.xsl", &ss->text);
	if (r != LERQ_OK)
		goto fail;
	*out = ss;
	return LERQ_OK;
fail:
	lerq__stylesheets_free(ss);
	return r;
}

void lerq__stylesheets_free(struct lerq_stylesheets *ss)
{
	if (ss == NULL)
		return;
	xsltFreeStylesheet(ss->letter);
	xsltFreeStylesheet(ss->html);
	xsltFreeStylesheet(ss->text);
	xsltFreeSecurityPrefs(ss->security);
	for (size_t i = 0; i < ss->catalogue_count; i++)
		xmlFreeDoc(ss->catalogues[i].doc);
	pthread_mutex_destroy(&ss->lock);
	free(ss);
}

xsltStylesheetPtr lerq__stylesheet(const struct lerq_stylesheets *ss, enum lerq__stylesheet which)
{
	switch (which) {
	case LERQ_STYLESHEET_LETTER:
		return ss->letter;
	case LERQ_STYLESHEET_HTML:
		return ss->html;
	case LERQ_STYLESHEET_TEXT:
		return ss->text;
	}
	return NULL;
}

/* ---- transforming ---- */

/* What reading a variable costs: the bytes of a string, or the text of a
 * result tree fragment (what <xsl:value-of> or <xsl:copy-of> would copy).
 * Node-sets of the input cost nothing: they copy no text. */
static size_t tree_text(const xmlNode *n, size_t stop)
{
	size_t total = 0;
	for (; n != NULL && total <= stop; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			total += n->content ? strlen((const char *)n->content) : 0;
		else if (n->type == XML_ELEMENT_NODE)
			total += 16 + tree_text(n->children, stop - total);
	}
	return total;
}

static size_t lookup_cost(const xmlXPathObject *v, size_t stop)
{
	if (v->type == XPATH_STRING)
		return v->stringval ? strlen((const char *)v->stringval) : 0;
	if ((v->type != XPATH_XSLT_TREE && v->type != XPATH_NODESET) || v->nodesetval == NULL)
		return 0;
	size_t total = 0;
	for (int i = 0; i < v->nodesetval->nodeNr && total <= stop; i++) {
		const xmlNode *n = v->nodesetval->nodeTab[i];
		const xmlDoc *doc = n ? n->doc : NULL;
		/* A result tree fragment (or a node in one): libxslt marks
		 * its container document with a name starting with a space. */
		if (doc != NULL && doc->name != NULL && doc->name[0] == ' ')
			total += n->type == XML_DOCUMENT_NODE ? tree_text(n->children, stop - total)
			                                      : tree_text(n, stop - total);
	}
	return total;
}

struct lookups {
	xmlXPathVariableLookupFunc func;
	void *data;
	size_t left;
	size_t budget;
	bool over;
};

static xmlXPathObjectPtr budgeted_lookup(void *data, const xmlChar *name, const xmlChar *ns)
{
	struct lookups *l = data;
	xmlXPathObjectPtr v = l->func(l->data, name, ns);
	if (v == NULL || l->over)
		return v;
	size_t cost = lookup_cost(v, l->left);
	if (cost > l->left) {
		l->over = true;
		xmlGenericError(xmlGenericErrorContext,
		                "lerq: the letterhead read more than %zu bytes from its variables "
		                "(variable $%s): stopped\n", l->budget, (const char *)name);
		xmlXPathFreeObject(v);
		/* Taken as an undefined variable: the expression fails. */
		return NULL;
	}
	l->left -= cost;
	return v;
}

/* The transform: extra (may be NULL, the caller's) readable as document()
 * of its URL, and copies of the documents of loaded (NULL entries skipped)
 * known to it as already loaded. */
static int apply(const struct lerq_stylesheets *ss, xsltStylesheetPtr style, xmlDocPtr doc,
                 xmlDocPtr extra, size_t input_size, const char **params,
                 const xmlDocPtr *loaded, size_t loaded_count, struct lerq_messages *m,
                 xmlDocPtr *result)
{
	struct quiet q;

	xsltTransformContextPtr tc = xsltNewTransformContext(style, doc);
	if (tc == NULL)
		return LERQ_ENOMEM;
	/* document(extra's URL) finds it among the transform's documents
	 * before anything would be read; "main" leaves it to the caller. */
	if (extra != NULL) {
		xsltDocumentPtr d = xsltNewDocument(tc, extra);
		if (d == NULL) {
			xsltFreeTransformContext(tc);
			return LERQ_ENOMEM;
		}
		d->main = 1;
	}
	for (size_t i = 0; i < loaded_count; i++) {
		if (loaded[i] == NULL)
			continue;
		/* A copy per transform: building a key writes into the nodes
		 * it indexes (node->psvi), so no two transforms may share a
		 * document. Copying costs a fraction of parsing. */
		xmlDocPtr copy = xmlCopyDoc(loaded[i], 1);
		if (copy != NULL)
			xmlXPathOrderDocElems(copy);
		xsltDocumentPtr d = copy ? xsltNewDocument(tc, copy) : NULL;
		if (d == NULL) {
			xmlFreeDoc(copy);
			xsltFreeTransformContext(tc);
			return LERQ_ENOMEM;
		}
	}
	xsltSetCtxtSecurityPrefs(ss->security, tc);
	/* document() would otherwise parse with NOENT and DTDLOAD. */
	xsltSetCtxtParseOptions(tc, XML_PARSE_NONET);
	xsltSetTransformErrorFunc(tc, m, collect);
	tc->maxTemplateDepth = TEMPLATE_DEPTH_LIMIT;
	/* input_size is at most the context's size limit: no overflow. */
	tc->opLimit = XSLT_OPS_BASE + XSLT_OPS_PER_BYTE * (unsigned long)input_size;
	if (tc->xpathCtxt != NULL)
		tc->xpathCtxt->opLimit = XPATH_OPS_BASE + XPATH_OPS_PER_BYTE * (unsigned long)input_size;

	/* A letterhead (any stylesheet but lerq's own) is bounded in memory
	 * too. input_size is at most the context's size limit: no overflow. */
	bool ours = style == ss->letter || style == ss->html || style == ss->text;
	struct lookups lookups = { 0 };
	if (!ours && tc->xpathCtxt != NULL) {
		if (lerq__xpath_limit_functions(tc->xpathCtxt) != LERQ_OK) {
			xsltFreeTransformContext(tc);
			return LERQ_ENOMEM;
		}
		lookups.func = tc->xpathCtxt->varLookupFunc;
		lookups.data = tc->xpathCtxt->varLookupData;
		lookups.budget = LOOKUP_BUDGET_BASE + LOOKUP_BUDGET_PER_BYTE * input_size;
		lookups.left = lookups.budget;
		if (lookups.func != NULL)
			xmlXPathRegisterVariableLookup(tc->xpathCtxt, budgeted_lookup, &lookups);
	}

	quiet_begin(&q, m);
	if (!ours)
		lerq__xpath_limits_begin(STRING_MAX_BASE + STRING_MAX_PER_BYTE * input_size);
	xmlDocPtr res = xsltApplyStylesheetUser(style, doc, params, NULL, NULL, tc);
	if (!ours)
		lerq__xpath_limits_end(); /* what was refused is said in m */
	quiet_end(&q);

	bool failed = res == NULL || tc->state != XSLT_STATE_OK || m->len > 0 || m->oom;
	xsltFreeTransformContext(tc);
	if (failed) {
		xmlFreeDoc(res);
		return m->oom ? LERQ_ENOMEM : LERQ_EINTERNAL;
	}
	*result = res;
	return LERQ_OK;
}

/*
 * The message catalogues (issue 18): letter-l10n.xsl reads them with
 * document(), which parsed them again for every letter (12-19% of an HTML
 * letter). Each is now parsed once per renderer, the first time a letter
 * needs it, and made ready as libxslt's own loader would (xsltLoadDocument:
 * white space stripped as the letter stylesheet says). A transform is
 * handed a copy as a document already loaded, which libxslt finds without
 * parsing and frees with the transform: a copy, because building a key
 * writes into the nodes it indexes (node->psvi), so two transforms on two
 * threads must not share one. Copying costs about a third of parsing; the
 * keys are still built per transform.
 */
static xmlDocPtr catalogue_parse(const struct lerq_stylesheets *ss, const char *lang)
{
	char name[32], url[48];
	snprintf(name, sizeof(name), "l10n/%s.xml", lang);
	snprintf(url, sizeof(url), LERQ_RES_PREFIX "%s", name);
	const struct lerq_resource *res = lerq__resource_find(name);
	if (res == NULL)
		return NULL;
	xmlDocPtr doc = xmlReadMemory((const char *)res->data, (int)res->size, url, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                      XML_PARSE_NOWARNING);
	if (doc == NULL)
		return NULL;
	xsltTransformContextPtr tc = xsltNewTransformContext(ss->letter, doc);
	if (tc == NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	if (xsltNeedElemSpaceHandling(tc))
		xsltApplyStripSpaces(tc, xmlDocGetRootElement(doc));
	xsltFreeTransformContext(tc);
	return doc;
}

/* The catalogue of lang, parsed on first use; NULL when lerq has none
 * (or out of memory: the transform then parses it itself). */
static xmlDocPtr catalogue(const struct lerq_stylesheets *ss, const char *lang)
{
	struct lerq_stylesheets *w = (struct lerq_stylesheets *)ss;
	xmlDocPtr doc = NULL;
	pthread_mutex_lock(&w->lock);
	for (size_t i = 0; doc == NULL && i < w->catalogue_count; i++)
		if (strcmp(w->catalogues[i].lang, lang) == 0)
			doc = w->catalogues[i].doc;
	if (doc == NULL && w->catalogue_count < CATALOGUES_MAX && strlen(lang) < 4 &&
	    (doc = catalogue_parse(ss, lang)) != NULL) {
		struct catalogue *c = &w->catalogues[w->catalogue_count++];
		strcpy(c->lang, lang);
		c->doc = doc;
	}
	pthread_mutex_unlock(&w->lock);
	return doc;
}

size_t lerq__stylesheets_catalogue_count(const struct lerq_stylesheets *ss)
{
	struct lerq_stylesheets *w = (struct lerq_stylesheets *)ss;
	pthread_mutex_lock(&w->lock);
	size_t n = w->catalogue_count;
	pthread_mutex_unlock(&w->lock);
	return n;
}

int lerq__xslt_apply_letter(const struct lerq_stylesheets *ss, xsltStylesheetPtr style,
                           xmlDocPtr doc, xmlDocPtr extra, size_t input_size,
                           const char *lang, const char **params, struct lerq_messages *m,
                           xmlDocPtr *result)
{
	xmlDocPtr loaded[2] = { catalogue(ss, "en"), strcmp(lang, "en") != 0
	                                                     ? catalogue(ss, lang)
	                                                     : NULL };
	return apply(ss, style, doc, extra, input_size, params, loaded, 2, m, result);
}

int lerq__xslt_apply(const struct lerq_stylesheets *ss, xsltStylesheetPtr style,
                    xmlDocPtr doc, size_t input_size, const char **params,
                    struct lerq_messages *m, xmlDocPtr *result)
{
	return apply(ss, style, doc, NULL, input_size, params, NULL, 0, m, result);
}

/* ---- serialising ---- */

/* libxml2's output goes into a growable string (core/buffer.c). */
static int sink_write(void *context, const char *buf, int len)
{
	struct lerq__buf *s = context;
	if (len < 0)
		return -1;
	lerq__buf_put(s, buf, (size_t)len);
	return s->oom ? -1 : len;
}

static int sink_close(void *context)
{
	return 0;
}

int lerq__xslt_serialize(xsltStylesheetPtr style, xmlDocPtr result, char **out, size_t *size)
{
	struct lerq__buf s = { 0 };

	xmlOutputBufferPtr buf = xmlOutputBufferCreateIO(sink_write, sink_close, &s, NULL);
	if (buf == NULL)
		return LERQ_ENOMEM;
	int n = xsltSaveResultTo(buf, result, style);
	int closed = xmlOutputBufferClose(buf);
	if (n < 0 || closed < 0 || s.oom) {
		free(s.data);
		return s.oom ? LERQ_ENOMEM : LERQ_EINTERNAL;
	}
	/* An empty result is still a NUL-terminated string. */
	lerq__buf_put(&s, "", 0);
	return lerq__buf_finish(&s, out, size);
}
