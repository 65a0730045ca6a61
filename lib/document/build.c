/* SPDX-License-Identifier: MIT */
/* Building documents: adding, setting and removing elements, each call
 * checked against the field table (document/fields.c), so that a document
 * is always well-formed, in the schema's order, and made of values of the
 * right type; and the few calls every program makes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document/document-private.h"

static int fail_oom(struct lerq_doc *doc)
{
	return lerq__doc_fail(doc, LERQ_ENOMEM, "Out of memory");
}

/* "routine, urgent or emergency" */
static char *enum_words(const char *const *values)
{
	size_t len = 1;
	for (const char *const *v = values; *v; v++)
		len += strlen(*v) + 4;
	char *out = malloc(len);
	if (out == NULL)
		return NULL;
	out[0] = '\0';
	for (const char *const *v = values; *v; v++) {
		if (v != values)
			strcat(out, v[1] ? ", " : " or ");
		strcat(out, *v);
	}
	return out;
}

/* Collapses value and checks it against row f; label names the field in
 * the message ("Phone", "Identifier/@port", "Contact/Email"). On success
 * *out, if out is not NULL, is the collapsed copy, the caller's to free. */
static int check_value(struct lerq_doc *doc, const char *label, const struct field *f,
                       const char *value, char **out)
{
	if (value == NULL)
		return lerq__doc_fail(doc, LERQ_EINVAL, "%s: no value given (NULL)", label);
	char *v = lerq__value_collapse(value);
	if (v == NULL)
		return fail_oom(doc);
	const char *why;
	if (lerq__value_check(f, v, &why)) {
		if (out != NULL)
			*out = v;
		else
			free(v);
		return LERQ_OK;
	}
	free(v);
	char *shown = lerq__value_show(value);
	char *words = f->type == FT_ENUM || f->type == FT_FIXED ? enum_words(f->values) : NULL;
	if (shown == NULL)
		lerq__doc_fail(doc, LERQ_EINVAL, "%s: the value was refused", label);
	else if (strncmp(why, "the value", 9) == 0 || strncmp(why, "this element", 12) == 0)
		lerq__doc_fail(doc, LERQ_EINVAL, "%s: %s", label, why);
	else
		lerq__doc_fail(doc, LERQ_EINVAL, "%s \"%s\" is not valid: expected %s%s", label,
		              shown, words ? (f->type == FT_FIXED ? "always " : "one of ") : "",
		              words ? words : why);
	free(shown);
	free(words);
	return LERQ_EINVAL;
}

/* check_value() for the element node itself (attr NULL) or its attribute
 * attr. */
static int prepare_value(xmlNodePtr node, const struct field *attr, const char *value,
                         char **out)
{
	const struct field *f = node_field(node);
	char *label = attr ? lerq__strdup_printf("%s/@%s", f->name, attr->name) : strdup(f->name);
	if (label == NULL)
		return fail_oom(node_doc(node));
	int r = check_value(node_doc(node), label, attr ? attr : f, value, out);
	free(label);
	return r;
}

/* ---- structure ------------------------------------------------------ */

static size_t count_children(const xmlNode *parent, const struct field *f)
{
	size_t n = 0;
	for (const xmlNode *c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && node_field(c) == f)
			n++;
	return n;
}

/* Inserts node (a new, unlinked child element of row f) under parent at
 * its place in the schema's sequence, after any siblings of its name. */
static void insert(xmlNodePtr parent, xmlNodePtr node, const struct field *f)
{
	const struct field *pf = node_field(parent);
	size_t index = lerq__field_index(pf, f);
	xmlNodePtr after = NULL;
	node_doc(parent)->changes++;
	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && lerq__field_index(pf, node_field(c)) <= index)
			after = c;
	if (after != NULL)
		xmlAddNextSibling(after, node);
	else if (parent->children != NULL)
		xmlAddPrevSibling(parent->children, node);
	else
		xmlAddChild(parent, node);
}

/* Checks that parent may take one more child of row f. */
static int check_room(xmlNodePtr parent, const struct field *f)
{
	struct lerq_doc *doc = node_doc(parent);
	const char *pname = node_field(parent)->name;
	if (f->type == FT_SIGNATURE)
		return lerq__doc_fail(doc, LERQ_EINVAL,
		                     "%s: a Signature is made by signing software, not built",
		                     pname);
	size_t n = count_children(parent, f);
	if (f->max != 0 && n >= f->max)
		return lerq__doc_fail(doc, LERQ_EINVAL,
		                     "%s already has %zu %s; the format allows %u", pname, n,
		                     f->name, f->max);
	if (f->choice == 0)
		return LERQ_OK;
	for (xmlNodePtr c = parent->children; c; c = c->next) {
		const struct field *cf = c->type == XML_ELEMENT_NODE ? node_field(c) : NULL;
		if (cf && cf != f && cf->choice == f->choice)
			return lerq__doc_fail(doc, LERQ_EINVAL,
			                     "%s already has %s; %s and %s exclude each other",
			                     pname, cf->name, cf->name, f->name);
	}
	return LERQ_OK;
}

static int child_field(const struct lerq_elem *parent, const char *name,
                       const struct field **out)
{
	*out = NULL; /* set on every path: callers read it only on LERQ_OK */
	if (parent == NULL || name == NULL)
		return LERQ_EINVAL;
	xmlNodePtr p = elem_node(parent);
	const struct field *f = lerq__field_child(node_field(p), name);
	if (f == NULL)
		return lerq__doc_fail(node_doc(p), LERQ_EINVAL,
		                     "%s has no element %s in the lerq format",
		                     node_field(p)->name, name);
	*out = f;
	return LERQ_OK;
}

static int set_value(xmlNodePtr node, const char *collapsed)
{
	xmlNodePtr text = xmlNewDocText(node->doc, BAD_CAST collapsed);
	if (text == NULL)
		return fail_oom(node_doc(node));
	node_doc(node)->changes++;
	xmlNodePtr old = node->children;
	node->children = node->last = NULL;
	xmlFreeNodeList(old);
	xmlAddChild(node, text);
	return LERQ_OK;
}

/* Takes back an element a failing call added, keeping its message. */
static void discard(struct lerq_elem *elem)
{
	xmlNodePtr node = elem_node(elem);
	xmlUnlinkNode(node);
	xmlFreeNode(node);
}

LERQ_EXPORT int lerq_elem_add(struct lerq_elem *parent, const char *name,
                              struct lerq_elem **out)
{
	if (parent != NULL)
		lerq__doc_clear_error(node_doc(elem_node(parent)));
	const struct field *f;
	int r = child_field(parent, name, &f);
	if (r != LERQ_OK)
		return r;
	xmlNodePtr p = elem_node(parent);
	r = check_room(p, f);
	if (r != LERQ_OK)
		return r;
	xmlNodePtr node = xmlNewDocNode(p->doc, p->ns, BAD_CAST f->name, NULL);
	if (node == NULL)
		return fail_oom(node_doc(p));
	node->_private = (void *)(uintptr_t)f;
	for (const struct field *a = f->attrs; a && a->name; a++) {
		if (a->type == FT_FIXED &&
		    xmlSetNsProp(node, NULL, BAD_CAST a->name, BAD_CAST a->values[0]) == NULL) {
			xmlFreeNode(node);
			return fail_oom(node_doc(p));
		}
	}
	insert(p, node, f);
	if (out != NULL)
		*out = node_elem(node);
	return LERQ_OK;
}

LERQ_EXPORT int lerq_elem_set_text(struct lerq_elem *elem, const char *value)
{
	if (elem == NULL)
		return LERQ_EINVAL;
	xmlNodePtr node = elem_node(elem);
	lerq__doc_clear_error(node_doc(node));
	const struct field *f = node_field(node);
	if (!lerq__field_has_value(f))
		return lerq__doc_fail(node_doc(node), LERQ_EINVAL,
		                     "%s holds other elements, not a value", f->name);
	char *v;
	int r = prepare_value(node, NULL, value, &v);
	if (r != LERQ_OK)
		return r;
	r = set_value(node, v);
	free(v);
	return r;
}

LERQ_EXPORT int lerq_elem_add_text(struct lerq_elem *parent, const char *name,
                                   const char *value, struct lerq_elem **out)
{
	if (parent != NULL)
		lerq__doc_clear_error(node_doc(elem_node(parent)));
	const struct field *f;
	int r = child_field(parent, name, &f);
	if (r != LERQ_OK)
		return r;
	xmlNodePtr p = elem_node(parent);
	if (!lerq__field_has_value(f))
		return lerq__doc_fail(node_doc(p), LERQ_EINVAL,
		                     "%s holds other elements, not a value", f->name);
	/* Check the value first, so that a refused one adds nothing. */
	r = check_value(node_doc(p), f->name, f, value, NULL);
	if (r != LERQ_OK)
		return r;
	struct lerq_elem *e;
	r = lerq_elem_add(parent, name, &e);
	if (r != LERQ_OK)
		return r;
	r = lerq_elem_set_text(e, value);
	if (r != LERQ_OK) {
		discard(e);
		return r;
	}
	if (out != NULL)
		*out = e;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_elem_set_time(struct lerq_elem *elem, lerq_time_t when,
                                   int offset_minutes)
{
	if (elem == NULL)
		return LERQ_EINVAL;
	xmlNodePtr node = elem_node(elem);
	lerq__doc_clear_error(node_doc(node));
	const struct field *f = node_field(node);
	if (f->type != FT_DATETIME && f->type != FT_DATE)
		return lerq__doc_fail(node_doc(node), LERQ_EINVAL,
		                     "%s is not a date or time field", f->name);
	if (when == LERQ__CLOCK_SENTINEL)
		when = lerq_now();
	char buf[32];
	if (lerq__value_format_time(when, offset_minutes, f->type == FT_DATE, buf) != LERQ_OK)
		return lerq__doc_fail(node_doc(node), LERQ_EINVAL,
		                     "%s: the time is outside the years 1 to 9999 or the offset "
		                     "beyond 14 hours", f->name);
	return lerq_elem_set_text(elem, buf);
}

/* Whether an element other than self has an FT_ID attribute named name
 * with this value (xs:ID values are unique in the document). */
static bool id_in_use(const xmlNode *node, const xmlNode *self, const char *name,
                      const char *value)
{
	for (const xmlNode *c = node; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || node_field(c)->type == FT_SIGNATURE)
			continue;
		if (c != self) {
			const char *v = lerq_elem_attr(node_elem((xmlNodePtr)(uintptr_t)c), name);
			const struct field *a = lerq__field_attr(node_field(c), name);
			if (a && a->type == FT_ID && v && strcmp(v, value) == 0)
				return true;
		}
		if (id_in_use(c->children, self, name, value))
			return true;
	}
	return false;
}

LERQ_EXPORT int lerq_elem_set_attr(struct lerq_elem *elem, const char *name,
                                   const char *value)
{
	if (elem == NULL || name == NULL)
		return LERQ_EINVAL;
	xmlNodePtr node = elem_node(elem);
	struct lerq_doc *doc = node_doc(node);
	lerq__doc_clear_error(doc);
	const struct field *a = lerq__field_attr(node_field(node), name);
	if (a == NULL)
		return lerq__doc_fail(doc, LERQ_EINVAL, "%s has no attribute %s in the lerq format",
		                     node_field(node)->name, name);
	char *v;
	int r = prepare_value(node, a, value, &v);
	if (r != LERQ_OK)
		return r;
	if (a->type == FT_ID && id_in_use(xmlDocGetRootElement(node->doc), node, a->name, v)) {
		r = lerq__doc_fail(doc, LERQ_EINVAL,
		                  "%s/@%s \"%s\" is already used in this document",
		                  node_field(node)->name, a->name, v);
		free(v);
		return r;
	}
	xmlNsPtr ns = NULL;
	const char *local = a->name;
	if (strcmp(a->name, "xml:lang") == 0) {
		ns = xmlSearchNsByHref(node->doc, node, XML_XML_NAMESPACE);
		local = "lang";
	}
	doc->changes++;
	if ((ns == NULL && local != a->name) ||
	    xmlSetNsProp(node, ns, BAD_CAST local, BAD_CAST v) == NULL)
		r = fail_oom(doc);
	free(v);
	return r;
}

LERQ_EXPORT int lerq_elem_remove(struct lerq_elem *elem)
{
	if (elem == NULL)
		return LERQ_EINVAL;
	xmlNodePtr node = elem_node(elem);
	lerq__doc_clear_error(node_doc(node));
	if (node->parent == NULL || node->parent->type == XML_DOCUMENT_NODE)
		return lerq__doc_fail(node_doc(node), LERQ_EINVAL,
		                     "%s is the root element and cannot be removed",
		                     node_field(node)->name);
	node_doc(node)->changes++;
	xmlUnlinkNode(node);
	xmlFreeNode(node);
	return LERQ_OK;
}

/* ---- the calls everybody makes --------------------------------------- */

/* Sets the value of parent's only child called name, adding it if absent. */
static int set_child_value(struct lerq_elem *parent, const char *name, const char *value)
{
	struct lerq_elem *e = lerq_elem_child(parent, name, 0);
	return e ? lerq_elem_set_text(e, value) : lerq_elem_add_text(parent, name, value, NULL);
}

LERQ_EXPORT int lerq_doc_set_registration_number(struct lerq_doc *doc, const char *number)
{
	if (doc == NULL)
		return LERQ_EINVAL;
	lerq__doc_clear_error(doc);
	const char *name = lerq_doc_kind(doc) == LERQ_DOC_RESPONSE ? "ResponseNumber"
	                                                             : "RegistrationNumber";
	return set_child_value(lerq_doc_root(doc), name, number);
}

LERQ_EXPORT int lerq_doc_set_issued_at(struct lerq_doc *doc, lerq_time_t when,
                                       int offset_minutes)
{
	if (doc == NULL)
		return LERQ_EINVAL;
	lerq__doc_clear_error(doc);
	char buf[32];
	if (when == LERQ__CLOCK_SENTINEL)
		when = lerq_now();
	if (lerq__value_format_time(when, offset_minutes, false, buf) != LERQ_OK)
		return lerq__doc_fail(doc, LERQ_EINVAL,
		                     "IssuedAt: the time is outside the years 1 to 9999 or "
		                     "the offset beyond 14 hours");
	return set_child_value(lerq_doc_root(doc), "IssuedAt", buf);
}

/* Checks one value of a Contact before anything is added. */
static int check_contact_value(struct lerq_doc *doc, const struct field *contact,
                               const char *name, const char *value)
{
	char label[32];
	snprintf(label, sizeof(label), "Contact/%s", name);
	return check_value(doc, label, lerq__field_child(contact, name), value, NULL);
}

LERQ_EXPORT int lerq_doc_add_contact(struct lerq_doc *doc, const char *name,
                                     const char *title, const char *phone,
                                     const char *email, struct lerq_elem **out)
{
	if (doc == NULL)
		return LERQ_EINVAL;
	lerq__doc_clear_error(doc);
	struct lerq_elem *root = lerq_doc_root(doc);
	const char *holder = lerq_doc_kind(doc) == LERQ_DOC_RESPONSE ? "Responder"
	                                                               : "IssuingAuthority";
	const struct field *hf = lerq__field_child(node_field(elem_node(root)), holder);
	const struct field *cf = lerq__field_child(hf, "Contact");
	int r = check_contact_value(doc, cf, "Name", name);
	if (r == LERQ_OK && title != NULL)
		r = check_contact_value(doc, cf, "Title", title);
	if (r == LERQ_OK)
		r = check_contact_value(doc, cf, "Phone", phone);
	if (r == LERQ_OK)
		r = check_contact_value(doc, cf, "Email", email);
	if (r != LERQ_OK)
		return r;

	/* Every value is good: what fails now is memory, and then whatever
	 * was added goes again. */
	struct lerq_elem *parent = lerq_elem_child(root, holder, 0), *contact = NULL;
	bool created = parent == NULL;
	if (created && (r = lerq_elem_add(root, holder, &parent)) != LERQ_OK)
		return r;
	r = lerq_elem_add(parent, "Contact", &contact);
	if (r == LERQ_OK)
		r = lerq_elem_add_text(contact, "Name", name, NULL);
	if (r == LERQ_OK && title != NULL)
		r = lerq_elem_add_text(contact, "Title", title, NULL);
	if (r == LERQ_OK)
		r = lerq_elem_add_text(contact, "Phone", phone, NULL);
	if (r == LERQ_OK)
		r = lerq_elem_add_text(contact, "Email", email, NULL);
	if (r != LERQ_OK) {
		discard(created ? parent : contact);
		return r;
	}
	if (out != NULL)
		*out = contact;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_doc_add_attachment(struct lerq_doc *doc, const char *title,
                                        const char *media_type, const char *reference,
                                        const void *data, size_t size,
                                        struct lerq_elem **out)
{
	if (doc == NULL)
		return LERQ_EINVAL;
	lerq__doc_clear_error(doc);
	if (data == NULL && size > 0)
		return lerq__doc_fail(doc, LERQ_EINVAL, "Attachment: no data but a size of %zu",
		                     size);
	struct lerq_elem *root = lerq_doc_root(doc);
	const struct field *af = lerq__field_child(node_field(elem_node(root)), "Attachment");
	char digest[65];
	lerq_sha256_hex(data, size, digest);
	static const char *const names[] = { "Title", "MediaType", "Reference" };
	const char *values[] = { title, media_type, reference };
	for (size_t i = 0; i < 3; i++) {
		char label[32];
		snprintf(label, sizeof(label), "Attachment/%s", names[i]);
		int r = check_value(doc, label, lerq__field_child(af, names[i]), values[i], NULL);
		if (r != LERQ_OK)
			return r;
	}

	/* Every value is good: what fails now is memory, and then the
	 * Attachment goes again. */
	struct lerq_elem *att = NULL;
	int r = lerq_elem_add(root, "Attachment", &att);
	if (r != LERQ_OK)
		return r;
	r = lerq_elem_add_text(att, "Title", title, NULL);
	if (r == LERQ_OK)
		r = lerq_elem_add_text(att, "MediaType", media_type, NULL);
	if (r == LERQ_OK)
		r = lerq_elem_add_text(att, "Digest", digest, NULL);
	if (r == LERQ_OK)
		r = lerq_elem_add_text(att, "Reference", reference, NULL);
	if (r != LERQ_OK) {
		discard(att);
		return r;
	}
	if (out != NULL)
		*out = att;
	return LERQ_OK;
}
