/* SPDX-License-Identifier: MIT */
/* National profiles: evaluating a compiled profile on a document, and the
 * context's calls that load one (compile, then a trial run that finds
 * what compiling cannot). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "profile/profile.h"

/* ---- running ---- */

/* libxml2 2.9.14 prints some XPath errors (an unknown function or
 * variable) through its generic error handler, not the context's. That
 * handler is per thread: silence it for the duration of a call, then put
 * back whatever the application had. */
static void silent(void *ctx, const char *msg, ...)
{
}

struct quiet {
	xmlGenericErrorFunc func;
	void *ctx;
};

static struct quiet quiet_begin(void)
{
	struct quiet q = { xmlGenericError, xmlGenericErrorContext };
	xmlSetGenericErrorFunc(NULL, silent);
	return q;
}

static void quiet_end(struct quiet q)
{
	xmlSetGenericErrorFunc(q.ctx, q.func);
}

struct runner {
	/* First: the string functions of limits.c find it via userData. */
	struct lerq__profile_limits limits;
	unsigned long line; /* of the expression being evaluated */
	bool lets_over;     /* lets held over PROFILE_LET_BUDGET */
	const struct lerq_profile *p;
	xmlXPathContextPtr xpath;
	struct lerq_report *report;
	bool failed; /* an XPath evaluation raised an error */
	int error_code; /* the first one's */
	int status;
};

static void run_error(void *user, xmlErrorPtr err)
{
	struct runner *run = user;
	if (!run->failed)
		run->error_code = err->code;
	run->failed = true;
}

/* Evaluates each let from the current context node and binds it; later
 * lets see earlier ones, as in Schematron. */
static void bind_lets(struct runner *run, const struct let *lets, size_t count)
{
	for (size_t i = 0; i < count && run->status == LERQ_OK; i++) {
		run->line = lets[i].line;
		xmlXPathObjectPtr v = xmlXPathCompiledEval(lets[i].value, run->xpath);
		if (v == NULL || run->failed) {
			xmlXPathFreeObject(v);
			run->status = LERQ_EINTERNAL;
			return;
		}
		run->limits.let_bytes += lerq__profile_value_size(v);
		if (run->limits.let_bytes > PROFILE_LET_BUDGET) {
			xmlXPathFreeObject(v);
			run->lets_over = true;
			run->status = LERQ_EINTERNAL;
			return;
		}
		if (xmlXPathRegisterVariable(run->xpath, lets[i].name, v) != 0) {
			xmlXPathFreeObject(v);
			run->status = LERQ_ENOMEM;
		}
	}
}

static char *message(struct runner *run, const struct check *k, xmlNodePtr node)
{
	size_t len = 0, cap = 128;
	char *msg = malloc(cap);
	if (msg == NULL)
		return NULL;
	for (size_t i = 0; i < k->part_count; i++) {
		const struct part *part = &k->parts[i];
		xmlChar *value = NULL;
		const char *piece = part->text;
		char *text = NULL;
		if (part->kind == PART_VALUE_OF && run->limits.message_budget == 0) {
			/* The document's messages have read all they may. */
			piece = "...";
		} else if (part->kind != PART_TEXT) {
			if (part->expr) {
				run->line = part->line;
				xmlXPathObjectPtr v = xmlXPathCompiledEval(part->expr, run->xpath);
				if (v == NULL || run->failed) {
					xmlXPathFreeObject(v);
					free(msg);
					run->status = LERQ_EINTERNAL;
					return NULL;
				}
				if (part->kind == PART_VALUE_OF) {
					/* Cut as built-in messages cut values, and
					 * read no more than that. */
					text = lerq__profile_value_text(v, PROFILE_VALUE_MAX,
					                                &run->limits.message_budget);
					if (text == NULL) {
						xmlXPathFreeObject(v);
						free(msg);
						return NULL;
					}
				} else if (v->type == XPATH_NODESET && v->nodesetval &&
				           v->nodesetval->nodeNr > 0) {
					value = xmlStrdup(v->nodesetval->nodeTab[0]->name);
				}
				xmlXPathFreeObject(v);
			} else {
				value = xmlStrdup(node->name);
			}
			piece = text ? text : value ? (const char *)value : "";
		}
		size_t n = strlen(piece);
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			char *m = realloc(msg, cap);
			if (m == NULL) {
				xmlFree(value);
				free(text);
				free(msg);
				return NULL;
			}
			msg = m;
		}
		memcpy(msg + len, piece, n);
		len += n;
		xmlFree(value);
		free(text);
	}
	msg[len] = '\0';
	/* Collapse whitespace: the message is one sentence. */
	char *w = msg;
	bool space = true;
	for (char *r = msg; *r; r++) {
		bool blank = *r == ' ' || *r == '\t' || *r == '\n' || *r == '\r';
		if (blank && !space)
			*w++ = ' ';
		else if (!blank)
			*w++ = *r;
		space = blank;
	}
	if (w > msg && w[-1] == ' ')
		w--;
	*w = '\0';
	return msg;
}

static void run_checks(struct runner *run, const struct rule *r, xmlNodePtr node)
{
	for (size_t i = 0; i < r->check_count && run->status == LERQ_OK; i++) {
		const struct check *k = &r->checks[i];
		run->xpath->node = node;
		run->line = k->line;
		int t = xmlXPathCompiledEvalToBoolean(k->test, run->xpath);
		if (t < 0 || run->failed) {
			run->status = LERQ_EINTERNAL;
			return;
		}
		if ((t != 0) != k->is_report)
			continue;
		char *msg = message(run, k, node);
		if (msg == NULL) {
			if (run->status == LERQ_OK)
				run->status = LERQ_ENOMEM;
			return;
		}
		char *path = lerq__node_path(node);
		run->status = path ? lerq__report_add(run->report, k->code, k->severity, msg,
		                                     (unsigned long)xmlGetLineNo(node),
		                                     lerq__node_column(node), path, k->ref)
		                   : LERQ_ENOMEM;
		free(path);
		free(msg);
	}
}

/* A small set of nodes: which ones a rule of the current pattern took. */
struct node_set {
	const xmlNode **node;
	size_t count, cap;
};

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t) * (const xmlNode *const *)a;
	uintptr_t y = (uintptr_t) * (const xmlNode *const *)b;
	return x < y ? -1 : x > y;
}

static bool set_has(const struct node_set *s, const xmlNode *n)
{
	return s->count && bsearch(&n, s->node, s->count, sizeof(*s->node), cmp_ptr);
}

static int set_add_sorted(struct node_set *s, const xmlNode **add, size_t n)
{
	if (s->count + n > s->cap) {
		size_t cap = (s->count + n) * 2;
		const xmlNode **p = realloc(s->node, cap * sizeof(*p));
		if (p == NULL)
			return LERQ_ENOMEM;
		s->node = p;
		s->cap = cap;
	}
	memcpy(s->node + s->count, add, n * sizeof(*add));
	s->count += n;
	qsort(s->node, s->count, sizeof(*s->node), cmp_ptr);
	return LERQ_OK;
}

static void run_pattern(struct runner *run, const struct pattern *pat)
{
	struct node_set taken = { 0 };
	run->xpath->node = (xmlNodePtr)run->xpath->doc;
	bind_lets(run, pat->lets, pat->let_count);
	for (size_t i = 0; i < pat->rule_count && run->status == LERQ_OK; i++) {
		const struct rule *r = &pat->rules[i];
		run->xpath->node = (xmlNodePtr)run->xpath->doc;
		run->line = r->line;
		xmlXPathObjectPtr set = xmlXPathCompiledEval(r->context, run->xpath);
		if (set == NULL || run->failed) {
			xmlXPathFreeObject(set);
			run->status = LERQ_EINTERNAL;
			break;
		}
		xmlNodeSetPtr nodes = set->type == XPATH_NODESET ? set->nodesetval : NULL;
		size_t n = nodes ? (size_t)nodes->nodeNr : 0;
		const xmlNode **fired = n ? malloc(n * sizeof(*fired)) : NULL;
		size_t fired_count = 0;
		if (n && fired == NULL)
			run->status = LERQ_ENOMEM;
		for (size_t j = 0; j < n && run->status == LERQ_OK; j++) {
			xmlNodePtr node = nodes->nodeTab[j];
			if (set_has(&taken, node))
				continue; /* an earlier rule of this pattern had it */
			fired[fired_count++] = node;
			run->xpath->node = node;
			/* A rule's lets are bound again for each node, each
			 * value replacing the last. */
			size_t held = run->limits.let_bytes;
			bind_lets(run, r->lets, r->let_count);
			run_checks(run, r, node);
			run->limits.let_bytes = held;
		}
		if (run->status == LERQ_OK && fired_count)
			run->status = set_add_sorted(&taken, fired, fired_count);
		free(fired);
		xmlXPathFreeObject(set);
	}
	free(taken.node);
}

/* A profile stopped by a limit (or an expression that failed on this
 * document) leaves the document unchecked: say so with LERQ-C001, an
 * error, rather than fail the whole validation with "internal error". */
static int stopped(struct runner *run)
{
	const char *why;
	if (run->limits.too_big)
		why = "an expression would build a string over 1 MiB";
	else if (run->lets_over)
		why = "its lets would hold over 64 MiB";
	else if (run->error_code == XML_XPATH_UNDEF_VARIABLE_ERROR)
		why = "an expression uses a variable that is not bound yet";
	else if (run->error_code == XML_XPATH_EXPRESSION_OK + XPATH_OP_LIMIT_EXCEEDED)
		why = "it took more XPath steps than a profile may on one document";
	else
		why = lerq__xpath_error_text(run->error_code);
	char *msg = lerq__strdup_printf("The national profile was stopped at its line %lu and "
	                               "could not check this document: %s",
	                               run->line, why);
	if (msg == NULL)
		return LERQ_ENOMEM;
	int r = lerq__report_add_code(run->report, LERQ_C001, NULL, 0, 0, msg);
	free(msg);
	return r;
}

int lerq__profile_run(const struct lerq_profile *p, xmlDocPtr doc,
                     struct lerq_report *report)
{
	struct runner run = { .p = p, .report = report, .status = LERQ_OK };
	run.limits.message_budget = PROFILE_MESSAGE_BUDGET;
	run.xpath = xmlXPathNewContext(doc);
	if (run.xpath == NULL)
		return LERQ_ENOMEM;
	if (lerq__xpath_limit_functions(run.xpath) != LERQ_OK) {
		xmlXPathFreeContext(run.xpath);
		return LERQ_ENOMEM;
	}
	struct quiet q = quiet_begin();
	run.xpath->error = run_error;
	run.xpath->userData = &run;
	run.xpath->opLimit = PROFILE_XPATH_OP_LIMIT;
	for (size_t i = 0; i + 1 < p->ns_count; i += 2)
		if (xmlXPathRegisterNs(run.xpath, p->ns[i], p->ns[i + 1]) != 0)
			run.status = LERQ_ENOMEM;
	run.xpath->node = (xmlNodePtr)doc;
	lerq__xpath_limits_begin(PROFILE_STRING_MAX);
	bind_lets(&run, p->lets, p->let_count);
	for (size_t i = 0; i < p->pattern_count && run.status == LERQ_OK; i++)
		run_pattern(&run, &p->patterns[i]);
	run.limits.too_big = lerq__xpath_limits_end();
	xmlXPathRegisteredVariablesCleanup(run.xpath);
	xmlXPathFreeContext(run.xpath);
	quiet_end(q);
	if (run.status == LERQ_EINTERNAL && (run.failed || run.lets_over))
		return stopped(&run);
	return run.status;
}

void lerq__profile_adjust(const struct lerq_profile *p, struct lerq_report *report)
{
	for (size_t i = 0; i < p->override_count; i++)
		lerq__report_set_severity(report, p->overrides[i].code, p->overrides[i].severity);
}

/* ---- the context's profiles ---- */

/* Compiling cannot see a prefix no <ns> declares, an unknown function or
 * an undefined variable: libxml2 finds those when it evaluates. So every
 * expression is evaluated once, on an empty request with every let bound
 * to "", and what fails is refused with its line. */
struct trial {
	xmlXPathContextPtr xpath;
	struct runner run;
	struct lerq_report *problems;
	int status;
};

static void try_expr(struct trial *t, xmlXPathCompExprPtr e, unsigned long line)
{
	if (e == NULL || t->status == LERQ_ENOMEM)
		return;
	t->run.failed = false;
	t->xpath->node = xmlDocGetRootElement(t->xpath->doc);
	xmlXPathFreeObject(xmlXPathCompiledEval(e, t->xpath));
	if (!t->run.failed || t->run.error_code == XML_XPATH_INVALID_TYPE)
		return; /* wrong types on an empty document prove nothing */
	char *msg;
	if (t->run.error_code == XML_XPATH_UNDEF_VARIABLE_ERROR)
		/* Lets are bound in order: a let that uses itself, or one
		 * below it, would fail on every document (issue 13). */
		msg = strdup("An XPath expression of the profile uses a variable that is not "
		             "defined above it: a <let> may use only the lets before it, never "
		             "itself or a later one");
	else
		msg = lerq__strdup_printf("An XPath expression of the profile cannot be "
		                         "evaluated: it uses %s",
		                         lerq__xpath_error_text(t->run.error_code));
	int r = msg ? lerq__report_add_code(t->problems, LERQ_C001, NULL, line, 0, msg)
	            : LERQ_ENOMEM;
	free(msg);
	t->status = r == LERQ_OK ? LERQ_EINVAL : r;
}

/* Tries each let in the order the run binds them, then binds it to "":
 * so a let that uses itself or a later let fails here. */
static void try_lets(struct trial *t, const struct let *lets, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		try_expr(t, lets[i].value, lets[i].line);
		xmlXPathObjectPtr v = xmlXPathNewCString("");
		if (v == NULL || xmlXPathRegisterVariable(t->xpath, lets[i].name, v) != 0) {
			xmlXPathFreeObject(v);
			t->status = LERQ_ENOMEM;
		}
	}
}

static int trial_run(const struct lerq_profile *p, struct lerq_report *problems)
{
	static const char empty[] = "<Request xmlns='" LERQ_NS "' version='1.0'/>";
	xmlDocPtr doc = xmlReadMemory(empty, sizeof(empty) - 1, NULL, NULL, XML_PARSE_NONET);
	struct trial t = { .problems = problems, .status = LERQ_OK };
	t.xpath = doc ? xmlXPathNewContext(doc) : NULL;
	if (t.xpath == NULL) {
		xmlFreeDoc(doc);
		return LERQ_ENOMEM;
	}
	t.xpath->error = run_error;
	t.xpath->userData = &t.run;
	/* The same functions as the run: a compiled expression keeps the
	 * function it found on its first evaluation. */
	if (lerq__xpath_limit_functions(t.xpath) != LERQ_OK)
		t.status = LERQ_ENOMEM;
	struct quiet q = quiet_begin();
	t.xpath->opLimit = PROFILE_XPATH_OP_LIMIT;
	for (size_t i = 0; i + 1 < p->ns_count; i += 2)
		if (xmlXPathRegisterNs(t.xpath, p->ns[i], p->ns[i + 1]) != 0)
			t.status = LERQ_ENOMEM;
	/* In the order of a run: the profile's lets, then each pattern's,
	 * then each rule's context, lets and checks. */
	try_lets(&t, p->lets, p->let_count);
	for (size_t i = 0; i < p->pattern_count; i++) {
		const struct pattern *pat = &p->patterns[i];
		try_lets(&t, pat->lets, pat->let_count);
		for (size_t j = 0; j < pat->rule_count; j++) {
			const struct rule *r = &pat->rules[j];
			try_expr(&t, r->context, r->line);
			try_lets(&t, r->lets, r->let_count);
			for (size_t k = 0; k < r->check_count; k++) {
				const struct check *ck = &r->checks[k];
				try_expr(&t, ck->test, ck->line);
				for (size_t m = 0; m < ck->part_count; m++)
					try_expr(&t, ck->parts[m].expr, ck->parts[m].line);
			}
		}
	}
	quiet_end(q);
	xmlXPathRegisteredVariablesCleanup(t.xpath);
	xmlXPathFreeContext(t.xpath);
	xmlFreeDoc(doc);
	return t.status;
}

LERQ_EXPORT int lerq_ctx_load_profile_memory(struct lerq_ctx *ctx, const void *data,
                                             size_t size, struct lerq_report **problems)
{
	if (problems)
		*problems = NULL;
	if (ctx == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	struct lerq_report *report = lerq__report_new();
	if (report == NULL)
		return LERQ_ENOMEM;
	struct lerq_profile *p = NULL;
	int r = lerq__profile_compile(ctx, data, size, &p, report);
	if (r == LERQ_OK)
		r = trial_run(p, report);
	if (r == LERQ_OK) {
		struct lerq_profile **list =
			realloc(ctx->profiles, (ctx->profile_count + 1) * sizeof(*list));
		if (list == NULL) {
			r = LERQ_ENOMEM;
		} else {
			ctx->profiles = list;
			list[ctx->profile_count++] = p;
			p = NULL;
		}
	}
	lerq__profile_free(p);
	if (r == LERQ_EINVAL && problems)
		*problems = report;
	else
		lerq_report_free(report);
	return r;
}

LERQ_EXPORT int lerq_ctx_load_profile(struct lerq_ctx *ctx, const char *path,
                                      struct lerq_report **problems)
{
	if (problems)
		*problems = NULL;
	if (ctx == NULL || path == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size;
	int r = lerq__read_file(path, ctx->max_size, &data, &size);
	if (r != LERQ_OK)
		return r;
	r = lerq_ctx_load_profile_memory(ctx, data, size, problems);
	free(data);
	return r;
}

void lerq__profiles_free(struct lerq_ctx *ctx)
{
	for (size_t i = 0; i < ctx->profile_count; i++)
		lerq__profile_free(ctx->profiles[i]);
	free(ctx->profiles);
}
