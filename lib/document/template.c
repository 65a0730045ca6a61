/* SPDX-License-Identifier: MIT */
/* Templates (lerq new): a document printed from the field table with
 * every required element, the optional ones the kind usually needs, and a
 * comment before each element saying what goes there, the form of the
 * value and the guideline paragraph. Printing them from the same rows the
 * builder checks against keeps templates and format from drifting apart;
 * LERQ_TEMPLATE_EXAMPLE fills in the rows' sample values, and the tests
 * check that the result validates, which shows the blank template is
 * complete once filled in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document/document-private.h"

/* A growing string; on allocation failure it stays NULL and further
 * appends do nothing, checked once at the end. */
struct text {
	char *s;
	size_t len, cap;
	bool oom;
};

static void text_add(struct text *t, const char *s)
{
	size_t n = strlen(s);
	if (t->oom)
		return;
	if (t->len + n + 1 > t->cap) {
		size_t cap = (t->len + n + 1) * 2;
		char *p = realloc(t->s, cap);
		if (p == NULL) {
			t->oom = true;
			return;
		}
		t->s = p;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n + 1);
	t->len += n;
}

static void text_add_values(struct text *t, const char *const *values)
{
	for (const char *const *v = values; *v; v++) {
		if (v != values)
			text_add(t, " | ");
		text_add(t, *v);
	}
}

/* What a value looks like: the list of an enumeration, else the type's
 * description. */
static void describe_value(struct text *t, const struct field *f)
{
	if (f->type == FT_ENUM) {
		text_add(t, "one of ");
		text_add_values(t, f->values);
	} else {
		text_add(t, lerq__value_description(f));
	}
}

/* The comment before an element of row f; ref is the row's guideline
 * paragraph or, when it has none, the nearest ancestor's. */
static xmlNodePtr comment_for(xmlDocPtr xml, const struct field *f, const char *ref)
{
	struct text t = { 0 };
	text_add(&t, " ");
	text_add(&t, f->name);
	text_add(&t, ": ");
	text_add(&t, f->help);
	text_add(&t, ".");
	if (lerq__field_has_value(f)) {
		text_add(&t, " Value: ");
		describe_value(&t, f);
		text_add(&t, ".");
	}
	for (const struct field *a = f->attrs; a && a->name; a++) {
		if (a->type == FT_FIXED)
			continue;
		text_add(&t, a->min ? " Attribute " : " Optional attribute ");
		text_add(&t, a->name);
		text_add(&t, ": ");
		text_add(&t, a->help);
		text_add(&t, " (");
		describe_value(&t, a);
		text_add(&t, ").");
	}
	if (f->min == 0)
		text_add(&t, " Optional: delete it if not needed.");
	if (f->max == 0) {
		text_add(&t, " Repeat it as needed.");
	} else if (f->max > 1) {
		char up_to[48];
		snprintf(up_to, sizeof(up_to), " Repeat it up to %u times in all.", f->max);
		text_add(&t, up_to);
	}
	if (ref != NULL) {
		text_add(&t, " (");
		text_add(&t, ref);
		text_add(&t, ")");
	}
	text_add(&t, " ");
	if (t.oom) {
		free(t.s);
		return NULL;
	}
	/* A comment may not hold "--"; the table's texts have none, but a
	 * slip there must not make the template malformed. */
	for (char *p = strstr(t.s, "--"); p; p = strstr(p, "--"))
		p[1] = ' ';
	xmlNodePtr c = xmlNewDocComment(xml, BAD_CAST t.s);
	free(t.s);
	return c;
}

/* The comment that stands for an optional element a template leaves out
 * (Emergency, which a routine request must not have): what it is, when to
 * add it, and what goes in it, so that the fields of its children are
 * found where they belong. */
static xmlNodePtr mention_for(xmlDocPtr xml, const struct field *f, const char *ref)
{
	struct text t = { 0 };
	text_add(&t, " ");
	text_add(&t, f->name);
	text_add(&t, " (not in this template; add it here ");
	text_add(&t, f->mention_when ? f->mention_when : "if needed");
	text_add(&t, "): ");
	text_add(&t, f->help);
	text_add(&t, ". It holds, in this order:");
	for (const struct field *c = f->children; c && c->name; c++) {
		text_add(&t, c == f->children ? " " : "; ");
		text_add(&t, c->name);
		if (c->min == 0)
			text_add(&t, " (optional)");
		text_add(&t, ": ");
		text_add(&t, c->help);
		if (c->type == FT_ENUM) {
			text_add(&t, ", ");
			describe_value(&t, c);
		}
		for (const struct field *g = c->children; g && g->name; g++) {
			text_add(&t, g == c->children ? ", with " : g[1].name ? ", " : " and ");
			text_add(&t, g->name);
		}
		if (c->ref != NULL) {
			text_add(&t, " (");
			text_add(&t, c->ref);
			text_add(&t, ")");
		}
	}
	text_add(&t, ".");
	if (ref != NULL) {
		text_add(&t, " (");
		text_add(&t, ref);
		text_add(&t, ")");
	}
	text_add(&t, " ");
	if (t.oom) {
		free(t.s);
		return NULL;
	}
	for (char *p = strstr(t.s, "--"); p; p = strstr(p, "--"))
		p[1] = ' ';
	xmlNodePtr c = xmlNewDocComment(xml, BAD_CAST t.s);
	free(t.s);
	return c;
}

static unsigned int kind_bit(enum lerq_doc_kind kind)
{
	switch (kind) {
	case LERQ_DOC_REQUEST_DISCLOSURE:
		return T_DISCLOSURE;
	case LERQ_DOC_REQUEST_PRESERVATION:
		return T_PRESERVATION;
	case LERQ_DOC_REQUEST_RELEASE:
		return T_RELEASE;
	case LERQ_DOC_RESPONSE:
		return T_RESPONSE;
	}
	return 0;
}

static const char *kind_word(enum lerq_doc_kind kind)
{
	switch (kind) {
	case LERQ_DOC_REQUEST_DISCLOSURE:
		return "disclosure";
	case LERQ_DOC_REQUEST_PRESERVATION:
		return "preservation";
	case LERQ_DOC_REQUEST_RELEASE:
		return "release";
	case LERQ_DOC_RESPONSE:
		break;
	}
	return NULL;
}

struct build {
	xmlDocPtr xml;
	xmlNsPtr ns;
	enum lerq_doc_kind kind;
	bool example;
};

static int set_attrs(const struct build *b, xmlNodePtr node, const struct field *f)
{
	for (const struct field *a = f->attrs; a && a->name; a++) {
		if (a->min == 0)
			continue; /* optional attributes are described, not written */
		const char *v = b->example ? a->example : "";
		if (a->type == FT_FIXED)
			v = a->values[0];
		else if (f == &lerq__field_request && strcmp(a->name, "type") == 0)
			v = kind_word(b->kind);
		else if (a->type == FT_LANGUAGE)
			v = a->example; /* a language is always needed; English to start */
		xmlAttrPtr at;
		if (strcmp(a->name, "xml:lang") == 0)
			at = xmlSetNsProp(node, xmlSearchNsByHref(b->xml, node, XML_XML_NAMESPACE),
			                  BAD_CAST "lang", BAD_CAST v);
		else
			at = xmlSetNsProp(node, NULL, BAD_CAST a->name, BAD_CAST v);
		if (at == NULL)
			return LERQ_ENOMEM;
	}
	return LERQ_OK;
}

static int build_children(struct build *b, xmlNodePtr node, const struct field *f,
                          const char *ref);

static xmlNodePtr build_element(struct build *b, const struct field *f, const char *ref,
                                int *r)
{
	xmlNodePtr node = xmlNewDocNode(b->xml, b->ns, BAD_CAST f->name, NULL);
	*r = LERQ_ENOMEM;
	if (node == NULL)
		return NULL;
	if (b->ns == NULL) {
		/* The root: it declares the namespace its descendants use. */
		xmlDocSetRootElement(b->xml, node);
		b->ns = xmlNewNs(node, BAD_CAST LERQ_NS, NULL);
		if (b->ns == NULL)
			return NULL; /* freed with the document */
		xmlSetNs(node, b->ns);
	}
	*r = set_attrs(b, node, f);
	if (*r == LERQ_OK && !lerq__field_has_value(f)) {
		*r = build_children(b, node, f, ref);
	} else if (*r == LERQ_OK && b->example) {
		xmlNodePtr text = xmlNewDocText(b->xml, BAD_CAST f->example);
		if (text != NULL)
			xmlAddChild(node, text);
		else
			*r = LERQ_ENOMEM;
	}
	if (*r != LERQ_OK) {
		if (node->parent == NULL)
			xmlFreeNode(node);
		return NULL;
	}
	return node;
}

static int build_children(struct build *b, xmlNodePtr node, const struct field *f,
                          const char *ref)
{
	unsigned int bit = kind_bit(b->kind);
	for (const struct field *c = f->children; c && c->name; c++) {
		const char *cref = c->ref ? c->ref : ref;
		if (c->min == 0 && !(c->templates & bit) && (c->mentions & bit)) {
			xmlNodePtr mention = mention_for(b->xml, c, cref);
			if (mention == NULL)
				return LERQ_ENOMEM;
			xmlAddChild(node, mention);
			continue;
		}
		if (c->type == FT_SIGNATURE || (c->min == 0 && !(c->templates & bit)))
			continue;
		xmlNodePtr comment = comment_for(b->xml, c, cref);
		if (comment == NULL)
			return LERQ_ENOMEM;
		xmlAddChild(node, comment);
		int r;
		xmlNodePtr child = build_element(b, c, cref, &r);
		if (child == NULL)
			return r;
		xmlAddChild(node, child);
	}
	return LERQ_OK;
}

LERQ_EXPORT int lerq_doc_template(enum lerq_doc_kind kind, unsigned int flags,
                                  char **data, size_t *size)
{
	if (kind_bit(kind) == 0 || (flags & ~(unsigned int)LERQ_TEMPLATE_EXAMPLE) != 0 ||
	    data == NULL || size == NULL)
		return LERQ_EINVAL;
	int r = lerq__global_init();
	if (r != LERQ_OK)
		return r;
	struct build b = {
		.xml = xmlNewDoc(BAD_CAST "1.0"),
		.kind = kind,
		.example = (flags & LERQ_TEMPLATE_EXAMPLE) != 0,
	};
	if (b.xml == NULL)
		return LERQ_ENOMEM;
	const struct field *rf = kind == LERQ_DOC_RESPONSE ? &lerq__field_response
	                                                   : &lerq__field_request;
	const char *type = kind_word(kind);
	char what[32];
	snprintf(what, sizeof(what), "%s%s", type ? type : "response", type ? " request" : "");
	char *intro = b.example
		? lerq__strdup_printf(" An example lerq %s: every name, number and address in "
		                     "it is made up. Start from 'lerq new %s' for a real one. ",
		                     what, type ? type : "response")
		: lerq__strdup_printf(" A lerq %s, version 1, to fill in. Put a value in every "
		                     "empty element and attribute, delete the optional elements "
		                     "that do not apply, then check it with: lerq validate FILE ",
		                     what);
	xmlNodePtr comment = intro ? xmlNewDocComment(b.xml, BAD_CAST intro) : NULL;
	free(intro);
	xmlNodePtr root = comment ? build_element(&b, rf, rf->ref, &r) : NULL;
	if (comment == NULL)
		r = LERQ_ENOMEM;
	if (root != NULL) {
		xmlAddPrevSibling(root, comment);
		r = lerq__xml_serialise(b.xml, !b.example, data, size);
	} else {
		xmlFreeNode(comment);
	}
	xmlFreeDoc(b.xml);
	return r;
}
