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

#include "profile/profile.h"

/* ---- compiling ---- */

struct compiler {
	struct lerq_profile *p;
	struct lerq_report *problems;
	xmlXPathContextPtr xpath; /* for compiling, with an error hook */
	char xpath_error[256];
	int status;
	size_t let_total; /* lets in the whole profile */
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
	if (lerq__report_add_code(c->problems, LERQ_C001, node, 0, 0, msg) != LERQ_OK)
		c->status = LERQ_ENOMEM;
}

/* libxml2 2.9.14 leaves the message of XPath errors empty: say it from
 * the code. */
const char *lerq__xpath_error_text(int code)
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
		         lerq__xpath_error_text(err->code));
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
	char *full = lerq__strdup_printf("%s%s", prefix, (const char *)text);
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
	if (++c->let_total == PROFILE_LETS_MAX + 1)
		problem(c, n, "more than %d <let> elements: lerq allows at most %d in a profile",
		        PROFILE_LETS_MAX, PROFILE_LETS_MAX);
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
	else if (xmlStrncasecmp(id, BAD_CAST "LERQ-", 5) == 0)
		/* A profile could otherwise pass its findings off as lerq's
		 * own (issue 13); it changes their severity with
		 * <lerq:severity> instead. */
		problem(c, n, "id=\"%s\": codes starting with LERQ- are lerq's own; give the "
		        "profile's findings codes of their own (use <lerq:severity> to change "
		        "the severity of a built-in code)", (const char *)id);
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

void lerq__profile_free(struct lerq_profile *p)
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

int lerq__profile_compile(const struct lerq_ctx *ctx, const void *data, size_t size,
                         struct lerq_profile **out, struct lerq_report *problems)
{
	/* A profile is parsed as safely as any document: it may come from
	 * elsewhere too. */
	xmlDocPtr doc = NULL;
	size_t before = lerq_report_count(problems);
	int r = lerq__parse(ctx, data, size, &doc, problems);
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
		lerq__profile_free(c.p);
		return c.status;
	}
	*out = c.p;
	return LERQ_OK;
}
