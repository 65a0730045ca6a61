/* SPDX-License-Identifier: MIT */
/* National profiles in a subset of ISO Schematron, compiled once per
 * context and evaluated by lerq on compiled XPath 1.0:
 *
 *   schema / ns / let / pattern / rule / assert / report / value-of / name,
 *   assert/@id as the finding's code, @flag (error|warning) as its
 *   severity, @see as its ref; in each pattern the first rule whose
 *   context matches a node wins, as ISO says.
 *
 * plus one element of lerq's own, <lerq:severity code="LERQ-R009"
 * flag="error"/> (namespace urn:lerq:profile:1), that changes the severity
 * of a built-in rule, as KoSIT's scenarios do for XRechnung. Anything else
 * from the Schematron namespace is refused with its line: a profile that
 * lerq would only half understand must not pass for applied. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "profile.h"

#define SCH_NS "http://purl.oclc.org/dsdl/schematron"
#define LERQ_PROFILE_NS "urn:lerq:profile:1"

/* Bounds the work one profile may do on one document. */
#define PROFILE_XPATH_OP_LIMIT 50000000UL

struct let {
	xmlChar *name;
	xmlXPathCompExprPtr value;
	unsigned long line;
};

/* A message is text with holes: <value-of select="..."/> and <name/>. */
enum part_kind { PART_TEXT, PART_VALUE_OF, PART_NAME };
struct part {
	enum part_kind kind;
	char *text;
	xmlXPathCompExprPtr expr; /* value-of, or name/@path; may be NULL */
	unsigned long line;
};

struct check {
	bool is_report; /* report fires when the test is true, assert when false */
	xmlXPathCompExprPtr test;
	unsigned long line;
	char *code;
	char *ref;
	enum lerq_severity severity;
	struct part *parts;
	size_t part_count;
};

struct rule {
	xmlXPathCompExprPtr context;
	unsigned long line;
	struct let *lets;
	size_t let_count;
	struct check *checks;
	size_t check_count;
};

struct pattern {
	struct let *lets;
	size_t let_count;
	struct rule *rules;
	size_t rule_count;
};

struct override {
	char *code;
	enum lerq_severity severity;
};

struct lerq_profile {
	xmlChar **ns; /* prefix, uri, prefix, uri, ... */
	size_t ns_count;
	struct let *lets;
	size_t let_count;
	struct pattern *patterns;
	size_t pattern_count;
	struct override *overrides;
	size_t override_count;
};

/* ---- compiling ---- */

struct compiler {
	struct lerq_profile *p;
	struct lerq_report *problems;
	xmlXPathContextPtr xpath; /* for compiling, with an error hook */
	char xpath_error[256];
	int status;
};

/* Appends one zeroed element; false (and status ENOMEM) when out of
 * memory. Compiling goes on after a problem, to report them all. */
static bool grow(void **array, size_t *count, size_t size, struct compiler *c)
{
	void *n = realloc(*array, (*count + 1) * size);
	if (n == NULL) {
		c->status = LERQ_ENOMEM;
		return false;
	}
	memset((char *)n + *count * size, 0, size);
	*array = n;
	(*count)++;
	return true;
}
#define GROW(arr, cnt, c) \
	(grow((void **)&(arr), &(cnt), sizeof(*(arr)), (c)) ? &(arr)[(cnt) - 1] : NULL)

static void problem(struct compiler *c, const xmlNode *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct compiler *c, const xmlNode *node, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (c->status == LERQ_OK)
		c->status = LERQ_EINVAL;
	if (lerq_report_add_code(c->problems, LERQ_C001, node, 0, 0, msg) != LERQ_OK)
		c->status = LERQ_ENOMEM;
}

/* libxml2 2.9.14 leaves the message of XPath errors empty: say it from
 * the code. */
static const char *xpath_error_text(int code)
{
	switch (code) {
	case XML_XPATH_NUMBER_ERROR: return "a malformed number";
	case XML_XPATH_UNFINISHED_LITERAL_ERROR: return "a string without its closing quote";
	case XML_XPATH_START_LITERAL_ERROR: return "a string without its opening quote";
	case XML_XPATH_VARIABLE_REF_ERROR: return "a malformed variable reference";
	case XML_XPATH_UNDEF_VARIABLE_ERROR: return "an undefined variable";
	case XML_XPATH_INVALID_PREDICATE_ERROR: return "an invalid predicate";
	case XML_XPATH_EXPR_ERROR: return "an invalid expression";
	case XML_XPATH_UNCLOSED_ERROR: return "an unclosed bracket or parenthesis";
	case XML_XPATH_UNKNOWN_FUNC_ERROR: return "an unknown function";
	case XML_XPATH_INVALID_OPERAND: return "an invalid operand";
	case XML_XPATH_INVALID_TYPE: return "a value of the wrong type";
	case XML_XPATH_INVALID_ARITY: return "a function called with the wrong number of arguments";
	case XML_XPATH_UNDEF_PREFIX_ERROR: return "a namespace prefix that no <ns> declares";
	case XML_XPATH_INVALID_CHAR_ERROR: return "an invalid character";
	default: return "an XPath error";
	}
}

static void xpath_error(void *user, xmlErrorPtr err)
{
	struct compiler *c = user;
	if (c->xpath_error[0] == '\0')
		snprintf(c->xpath_error, sizeof(c->xpath_error), "%s",
		         xpath_error_text(err->code));
}

static bool is_sch(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST SCH_NS) &&
	       (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

static xmlChar *attr(const xmlNode *n, const char *name)
{
	return xmlGetNoNsProp(n, BAD_CAST name);
}

/* Compiles an attribute's XPath; a missing or broken one is a problem. */
static xmlXPathCompExprPtr compile_attr(struct compiler *c, const xmlNode *n,
                                        const char *name, const char *prefix)
{
	xmlChar *text = attr(n, name);
	if (text == NULL) {
		problem(c, n, "<%s> needs a %s attribute", (const char *)n->name, name);
		return NULL;
	}
	char *full = lerq_strdup_printf("%s%s", prefix, (const char *)text);
	c->xpath_error[0] = '\0';
	xmlXPathCompExprPtr e = full ? xmlXPathCtxtCompile(c->xpath, BAD_CAST full) : NULL;
	if (full == NULL)
		c->status = LERQ_ENOMEM;
	else if (e == NULL)
		problem(c, n, "<%s %s=\"%s\">: not an XPath 1.0 expression lerq can compile (%s)",
		        (const char *)n->name, name, (const char *)text,
		        c->xpath_error[0] ? c->xpath_error : "syntax error");
	free(full);
	xmlFree(text);
	return e;
}

/* A rule context is an XSLT match pattern ("l:Item", "l:Item | l:Result"):
 * every node it can select from anywhere in the document. Each branch of
 * a union that is not absolute is searched for at any depth. */
static char *context_expression(const char *pattern)
{
	size_t len = strlen(pattern);
	char *out = malloc(len * 3 + 3);
	if (out == NULL)
		return NULL;
	char *o = out;
	int depth = 0;
	char quote = 0;
	bool branch_start = true;
	for (const char *p = pattern; *p; p++) {
		if (branch_start && *p != ' ' && *p != '\t' && *p != '\n') {
			if (*p != '/') {
				memcpy(o, "//", 2);
				o += 2;
			}
			branch_start = false;
		}
		if (quote) {
			quote = *p == quote ? 0 : quote;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '[' || *p == '(') {
			depth++;
		} else if (*p == ']' || *p == ')') {
			depth--;
		} else if (*p == '|' && depth == 0) {
			branch_start = true;
		}
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

static void compile_let(struct compiler *c, const xmlNode *n, struct let **lets,
                        size_t *count)
{
	struct let *l = GROW(*lets, *count, c);
	if (l == NULL)
		return;
	l->line = (unsigned long)xmlGetLineNo(n);
	l->name = attr(n, "name");
	if (l->name == NULL)
		problem(c, n, "<let> needs a name attribute");
	l->value = compile_attr(c, n, "value", "");
}

static void add_part(struct compiler *c, struct check *k, enum part_kind kind,
                     const char *text, xmlXPathCompExprPtr expr)
{
	struct part *part = GROW(k->parts, k->part_count, c);
	if (part == NULL) {
		xmlXPathFreeCompExpr(expr);
		return;
	}
	part->kind = kind;
	part->expr = expr;
	part->line = k->line;
	if (text && (part->text = strdup(text)) == NULL)
		c->status = LERQ_ENOMEM;
}

static void compile_check(struct compiler *c, const xmlNode *n, struct rule *r)
{
	struct check *k = GROW(r->checks, r->check_count, c);
	if (k == NULL)
		return;
	k->is_report = xmlStrEqual(n->name, BAD_CAST "report");
	k->line = (unsigned long)xmlGetLineNo(n);
	k->test = compile_attr(c, n, "test", "");

	xmlChar *id = attr(n, "id");
	if (id == NULL)
		problem(c, n, "<%s> needs an id: lerq reports it as the finding's code",
		        (const char *)n->name);
	else if ((k->code = strdup((const char *)id)) == NULL)
		c->status = LERQ_ENOMEM;
	xmlFree(id);

	xmlChar *see = attr(n, "see");
	if ((k->ref = strdup(see ? (const char *)see : "")) == NULL)
		c->status = LERQ_ENOMEM;
	xmlFree(see);

	xmlChar *flag = attr(n, "flag");
	if (flag == NULL || xmlStrEqual(flag, BAD_CAST "error"))
		k->severity = LERQ_SEVERITY_ERROR;
	else if (xmlStrEqual(flag, BAD_CAST "warning"))
		k->severity = LERQ_SEVERITY_WARNING;
	else
		problem(c, n, "flag=\"%s\": lerq knows the flags error and warning",
		        (const char *)flag);
	xmlFree(flag);

	for (const xmlNode *m = n->children; m && c->status != LERQ_ENOMEM; m = m->next) {
		if (m->type == XML_TEXT_NODE || m->type == XML_CDATA_SECTION_NODE) {
			add_part(c, k, PART_TEXT, (const char *)m->content, NULL);
		} else if (is_sch(m, "value-of")) {
			add_part(c, k, PART_VALUE_OF, NULL, compile_attr(c, m, "select", ""));
		} else if (is_sch(m, "name")) {
			xmlChar *path = attr(m, "path");
			xmlFree(path);
			add_part(c, k, PART_NAME, NULL,
			         path ? compile_attr(c, m, "path", "") : NULL);
		} else if (m->type == XML_ELEMENT_NODE) {
			problem(c, m, "<%s> inside <%s> is not part of lerq's Schematron subset "
			        "(text, value-of and name are)", (const char *)m->name,
			        (const char *)n->name);
		}
	}
}

static void compile_rule(struct compiler *c, const xmlNode *n, struct pattern *pat)
{
	struct rule *r = GROW(pat->rules, pat->rule_count, c);
	if (r == NULL)
		return;
	r->line = (unsigned long)xmlGetLineNo(n);
	xmlChar *context = attr(n, "context");
	if (context == NULL) {
		problem(c, n, "<rule> needs a context attribute (abstract rules are not supported)");
	} else {
		char *expr = context_expression((const char *)context);
		if (expr == NULL) {
			c->status = LERQ_ENOMEM;
		} else {
			c->xpath_error[0] = '\0';
			r->context = xmlXPathCtxtCompile(c->xpath, BAD_CAST expr);
			if (r->context == NULL)
				problem(c, n, "<rule context=\"%s\">: not a pattern lerq can compile (%s)",
				        (const char *)context,
				        c->xpath_error[0] ? c->xpath_error : "syntax error");
			free(expr);
		}
		xmlFree(context);
	}
	for (const xmlNode *m = n->children; m && c->status != LERQ_ENOMEM; m = m->next) {
		if (is_sch(m, "let"))
			compile_let(c, m, &r->lets, &r->let_count);
		else if (is_sch(m, "assert") || is_sch(m, "report"))
			compile_check(c, m, r);
		else if (is_sch(m, "title") || is_sch(m, "p"))
			continue;
		else if (is_sch(m, NULL))
			problem(c, m, "<%s> is not part of lerq's Schematron subset",
			        (const char *)m->name);
	}
}

static void compile_pattern(struct compiler *c, const xmlNode *n)
{
	struct pattern *pat = GROW(c->p->patterns, c->p->pattern_count, c);
	if (pat == NULL)
		return;
	xmlChar *abstract = attr(n, "abstract");
	xmlChar *is_a = attr(n, "is-a");
	if (abstract || is_a)
		problem(c, n, "abstract patterns are not part of lerq's Schematron subset");
	xmlFree(abstract);
	xmlFree(is_a);
	for (const xmlNode *m = n->children; m && c->status != LERQ_ENOMEM; m = m->next) {
		if (is_sch(m, "let"))
			compile_let(c, m, &pat->lets, &pat->let_count);
		else if (is_sch(m, "rule"))
			compile_rule(c, m, pat);
		else if (is_sch(m, "title") || is_sch(m, "p"))
			continue;
		else if (is_sch(m, NULL))
			problem(c, m, "<%s> is not part of lerq's Schematron subset",
			        (const char *)m->name);
	}
}

static void compile_ns(struct compiler *c, const xmlNode *n)
{
	xmlChar *prefix = attr(n, "prefix");
	xmlChar *uri = attr(n, "uri");
	if (prefix == NULL || uri == NULL) {
		problem(c, n, "<ns> needs prefix and uri attributes");
		xmlFree(prefix);
		xmlFree(uri);
		return;
	}
	xmlChar **slot = realloc(c->p->ns, (c->p->ns_count + 2) * sizeof(*slot));
	if (slot == NULL) {
		c->status = LERQ_ENOMEM;
		xmlFree(prefix);
		xmlFree(uri);
		return;
	}
	c->p->ns = slot;
	slot[c->p->ns_count++] = prefix;
	slot[c->p->ns_count++] = uri;
}

static void compile_severity(struct compiler *c, const xmlNode *n)
{
	xmlChar *code = attr(n, "code");
	xmlChar *flag = attr(n, "flag");
	enum lerq_severity sev = LERQ_SEVERITY_ERROR;
	if (code == NULL || flag == NULL)
		problem(c, n, "<lerq:severity> needs code and flag attributes");
	else if (xmlStrncmp(code, BAD_CAST "LERQ-R", 6) != 0)
		problem(c, n, "code=\"%s\": only the severity of rules (LERQ-R...) can change",
		        (const char *)code);
	else if (xmlStrEqual(flag, BAD_CAST "warning"))
		sev = LERQ_SEVERITY_WARNING;
	else if (!xmlStrEqual(flag, BAD_CAST "error"))
		problem(c, n, "flag=\"%s\": lerq knows the flags error and warning",
		        (const char *)flag);
	if (c->status != LERQ_ENOMEM && code != NULL && flag != NULL) {
		struct override *o = GROW(c->p->overrides, c->p->override_count, c);
		if (o && (o->code = strdup((const char *)code)) == NULL)
			c->status = LERQ_ENOMEM;
		if (o)
			o->severity = sev;
	}
	xmlFree(code);
	xmlFree(flag);
}

static void compile_schema(struct compiler *c, const xmlNode *root)
{
	if (!is_sch(root, "schema")) {
		problem(c, root, "the root element is <%s>; a profile is an ISO Schematron "
		        "<schema> in the namespace " SCH_NS, (const char *)root->name);
		return;
	}
	xmlChar *binding = attr(root, "queryBinding");
	if (binding && !xmlStrEqual(binding, BAD_CAST "xslt") &&
	    !xmlStrEqual(binding, BAD_CAST "xpath") && !xmlStrEqual(binding, BAD_CAST "exslt"))
		problem(c, root, "queryBinding=\"%s\": lerq evaluates XPath 1.0 (xslt, exslt or xpath)",
		        (const char *)binding);
	xmlFree(binding);

	for (const xmlNode *n = root->children; n && c->status != LERQ_ENOMEM; n = n->next) {
		if (is_sch(n, "ns"))
			compile_ns(c, n);
		else if (is_sch(n, "let"))
			compile_let(c, n, &c->p->lets, &c->p->let_count);
		else if (is_sch(n, "pattern"))
			compile_pattern(c, n);
		else if (is_sch(n, "title") || is_sch(n, "p"))
			continue;
		else if (is_sch(n, NULL))
			problem(c, n, "<%s> is not part of lerq's Schematron subset",
			        (const char *)n->name);
		else if (n->type == XML_ELEMENT_NODE && n->ns &&
		         xmlStrEqual(n->ns->href, BAD_CAST LERQ_PROFILE_NS)) {
			if (xmlStrEqual(n->name, BAD_CAST "severity"))
				compile_severity(c, n);
			else
				problem(c, n, "<%s> is not an element of lerq profiles", (const char *)n->name);
		}
	}
}

static void free_lets(struct let *lets, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		xmlFree(lets[i].name);
		xmlXPathFreeCompExpr(lets[i].value);
	}
	free(lets);
}

void lerq_profile_free(struct lerq_profile *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->ns_count; i++)
		xmlFree(p->ns[i]);
	free(p->ns);
	free_lets(p->lets, p->let_count);
	for (size_t i = 0; i < p->pattern_count; i++) {
		struct pattern *pat = &p->patterns[i];
		free_lets(pat->lets, pat->let_count);
		for (size_t j = 0; j < pat->rule_count; j++) {
			struct rule *r = &pat->rules[j];
			xmlXPathFreeCompExpr(r->context);
			free_lets(r->lets, r->let_count);
			for (size_t k = 0; k < r->check_count; k++) {
				struct check *ck = &r->checks[k];
				xmlXPathFreeCompExpr(ck->test);
				free(ck->code);
				free(ck->ref);
				for (size_t m = 0; m < ck->part_count; m++) {
					free(ck->parts[m].text);
					xmlXPathFreeCompExpr(ck->parts[m].expr);
				}
				free(ck->parts);
			}
			free(r->checks);
		}
		free(pat->rules);
	}
	free(p->patterns);
	for (size_t i = 0; i < p->override_count; i++)
		free(p->overrides[i].code);
	free(p->overrides);
	free(p);
}

int lerq_profile_compile(const struct lerq_ctx *ctx, const void *data, size_t size,
                         struct lerq_profile **out, struct lerq_report *problems)
{
	/* A profile is parsed as safely as any document: it may come from
	 * elsewhere too. */
	xmlDocPtr doc = NULL;
	size_t before = lerq_report_count(problems);
	int r = lerq_parse(ctx, data, size, &doc, problems);
	if (r != LERQ_OK)
		return r;
	if (doc == NULL)
		return lerq_report_count(problems) > before ? LERQ_EINVAL : LERQ_EINTERNAL;

	struct compiler c = { .problems = problems, .status = LERQ_OK };
	c.p = calloc(1, sizeof(*c.p));
	c.xpath = xmlXPathNewContext(doc);
	if (c.p == NULL || c.xpath == NULL) {
		c.status = LERQ_ENOMEM;
	} else {
		c.xpath->error = xpath_error;
		c.xpath->userData = &c;
		compile_schema(&c, xmlDocGetRootElement(doc));
	}
	xmlXPathFreeContext(c.xpath);
	xmlFreeDoc(doc);
	if (c.status != LERQ_OK) {
		lerq_profile_free(c.p);
		return c.status;
	}
	*out = c.p;
	return LERQ_OK;
}

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
		xmlXPathObjectPtr v = xmlXPathCompiledEval(lets[i].value, run->xpath);
		if (v == NULL || run->failed) {
			xmlXPathFreeObject(v);
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
		if (part->kind != PART_TEXT) {
			if (part->expr) {
				xmlXPathObjectPtr v = xmlXPathCompiledEval(part->expr, run->xpath);
				if (v == NULL || run->failed) {
					xmlXPathFreeObject(v);
					free(msg);
					run->status = LERQ_EINTERNAL;
					return NULL;
				}
				if (part->kind == PART_VALUE_OF) {
					value = xmlXPathCastToString(v);
				} else if (v->type == XPATH_NODESET && v->nodesetval &&
				           v->nodesetval->nodeNr > 0) {
					value = xmlStrdup(v->nodesetval->nodeTab[0]->name);
				}
				xmlXPathFreeObject(v);
			} else {
				value = xmlStrdup(node->name);
			}
			piece = value ? (const char *)value : "";
		}
		size_t n = strlen(piece);
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			char *m = realloc(msg, cap);
			if (m == NULL) {
				xmlFree(value);
				free(msg);
				return NULL;
			}
			msg = m;
		}
		memcpy(msg + len, piece, n);
		len += n;
		xmlFree(value);
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
		char *path = lerq_node_path(node);
		run->status = path ? lerq_report_add(run->report, k->code, k->severity, msg,
		                                     (unsigned long)xmlGetLineNo(node),
		                                     lerq_node_column(node), path, k->ref)
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
			bind_lets(run, r->lets, r->let_count);
			run_checks(run, r, node);
		}
		if (run->status == LERQ_OK && fired_count)
			run->status = set_add_sorted(&taken, fired, fired_count);
		free(fired);
		xmlXPathFreeObject(set);
	}
	free(taken.node);
}

int lerq_profile_run(const struct lerq_profile *p, xmlDocPtr doc,
                     struct lerq_report *report)
{
	struct runner run = { .p = p, .report = report, .status = LERQ_OK };
	run.xpath = xmlXPathNewContext(doc);
	if (run.xpath == NULL)
		return LERQ_ENOMEM;
	struct quiet q = quiet_begin();
	run.xpath->error = run_error;
	run.xpath->userData = &run;
	run.xpath->opLimit = PROFILE_XPATH_OP_LIMIT;
	for (size_t i = 0; i + 1 < p->ns_count; i += 2)
		if (xmlXPathRegisterNs(run.xpath, p->ns[i], p->ns[i + 1]) != 0)
			run.status = LERQ_ENOMEM;
	run.xpath->node = (xmlNodePtr)doc;
	bind_lets(&run, p->lets, p->let_count);
	for (size_t i = 0; i < p->pattern_count && run.status == LERQ_OK; i++)
		run_pattern(&run, &p->patterns[i]);
	xmlXPathRegisteredVariablesCleanup(run.xpath);
	xmlXPathFreeContext(run.xpath);
	quiet_end(q);
	return run.status;
}

void lerq_profile_adjust(const struct lerq_profile *p, struct lerq_report *report)
{
	for (size_t i = 0; i < p->override_count; i++)
		lerq_report_set_severity(report, p->overrides[i].code, p->overrides[i].severity);
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
	char *msg = lerq_strdup_printf("An XPath expression of the profile cannot be "
	                               "evaluated: it uses %s",
	                               xpath_error_text(t->run.error_code));
	int r = msg ? lerq_report_add_code(t->problems, LERQ_C001, NULL, line, 0, msg)
	            : LERQ_ENOMEM;
	free(msg);
	t->status = r == LERQ_OK ? LERQ_EINVAL : r;
}

static void bind_empty(struct trial *t, const struct let *lets, size_t count)
{
	for (size_t i = 0; i < count; i++) {
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
	struct quiet q = quiet_begin();
	t.xpath->opLimit = PROFILE_XPATH_OP_LIMIT;
	for (size_t i = 0; i + 1 < p->ns_count; i += 2)
		if (xmlXPathRegisterNs(t.xpath, p->ns[i], p->ns[i + 1]) != 0)
			t.status = LERQ_ENOMEM;
	/* Bind every name first: a let may use one declared after it in an
	 * enclosing scope only by mistake, but evaluation order is not ours to
	 * prove here. */
	bind_empty(&t, p->lets, p->let_count);
	for (size_t i = 0; i < p->pattern_count; i++) {
		const struct pattern *pat = &p->patterns[i];
		bind_empty(&t, pat->lets, pat->let_count);
		for (size_t j = 0; j < pat->rule_count; j++)
			bind_empty(&t, pat->rules[j].lets, pat->rules[j].let_count);
	}
	for (size_t i = 0; i < p->let_count; i++)
		try_expr(&t, p->lets[i].value, p->lets[i].line);
	for (size_t i = 0; i < p->pattern_count; i++) {
		const struct pattern *pat = &p->patterns[i];
		for (size_t j = 0; j < pat->let_count; j++)
			try_expr(&t, pat->lets[j].value, pat->lets[j].line);
		for (size_t j = 0; j < pat->rule_count; j++) {
			const struct rule *r = &pat->rules[j];
			try_expr(&t, r->context, r->line);
			for (size_t k = 0; k < r->let_count; k++)
				try_expr(&t, r->lets[k].value, r->lets[k].line);
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
	struct lerq_report *report = lerq_report_new();
	if (report == NULL)
		return LERQ_ENOMEM;
	struct lerq_profile *p = NULL;
	int r = lerq_profile_compile(ctx, data, size, &p, report);
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
	lerq_profile_free(p);
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
	int r = lerq_read_file(path, ctx->max_size, &data, &size);
	if (r != LERQ_OK)
		return r;
	r = lerq_ctx_load_profile_memory(ctx, data, size, problems);
	free(data);
	return r;
}

void lerq_profiles_free(struct lerq_ctx *ctx)
{
	for (size_t i = 0; i < ctx->profile_count; i++)
		lerq_profile_free(ctx->profiles[i]);
	free(ctx->profiles);
}
