/* SPDX-License-Identifier: MIT */
/* Documents in memory (include/lerq/document.h): the table of the format's
 * vocabulary that every builder and reader call is checked against, and
 * what the document-*.c files share. Private to liblerq.
 *
 * A struct lerq_doc wraps an xmlDoc that lerq alone owns. Each lerq element
 * in it carries its row of the field table in node->_private, so a handle
 * (struct lerq_elem *, really the xmlNode) knows its name, type, children
 * and attributes without a lookup; the xmlDoc's own _private points back
 * to the struct lerq_doc, where the last error message is kept. */
#ifndef LERQ_DOCUMENT_PRIVATE_H
#define LERQ_DOCUMENT_PRIVATE_H

#include <stdbool.h>

#include "core/lerq-private.h"
#include "lerq/document.h"

#define LERQ_DSIG_NS "http://www.w3.org/2000/09/xmldsig#"

/* The value types of the format (spec section 1 and the schema's simple
 * types). Setters check a value against its field's type before it enters
 * the document. */
enum field_type {
	FT_ELEMENTS,     /* element content: children, no text of its own */
	FT_TEXT,         /* text: 1-4000 characters */
	FT_NAME,         /* name: 1-200 characters */
	FT_REF,          /* ref: 1-64 of A-Z a-z 0-9 / . _ : - */
	FT_POSTAL_CODE,  /* 1-16 characters */
	FT_DATETIME,     /* dateTime-tz */
	FT_DATE,         /* xs:date */
	FT_COUNTRY,      /* ISO 3166-1 alpha-2, as the schema enumerates */
	FT_JURISDICTION, /* a country or INT */
	FT_E164,         /* + then 6-15 digits */
	FT_EMAIL,        /* local@domain.tld, at most 254 characters */
	FT_HTTP_URI,     /* absolute http or https URI */
	FT_MEDIA_TYPE,   /* type/subtype */
	FT_SHA256,       /* 64 hex digits */
	FT_DAYS,         /* integer 1-365 */
	FT_PORT,         /* integer 0-65535 */
	FT_ID,           /* xs:ID: an NCName, unique in the document */
	FT_NCNAME,       /* an NCName (a reference to an Item's id) */
	FT_LANGUAGE,     /* xs:language (BCP 47 syntax) */
	FT_ENUM,         /* one of values[] */
	FT_FIXED,        /* always values[0] */
	FT_SIGNATURE,    /* ds:Signature: kept as it came, never built */
};

/* Which templates (lerq_doc_template) include an optional field. */
enum {
	T_DISCLOSURE = 1 << 0,
	T_PRESERVATION = 1 << 1,
	T_RELEASE = 1 << 2,
	T_RESPONSE = 1 << 3,
	T_REQUEST = T_DISCLOSURE | T_PRESERVATION | T_RELEASE,
	T_DATA = T_DISCLOSURE | T_PRESERVATION, /* requests that ask for data */
	T_ALL = T_REQUEST | T_RESPONSE,
};

/* One element or attribute of the format. Arrays of rows end with a row
 * whose name is NULL. Elements are listed in the schema's sequence order,
 * which is the order the builder keeps whatever order calls come in. */
struct field {
	const char *name;
	enum field_type type;
	const char *const *values;    /* FT_ENUM, FT_FIXED: NULL-terminated */
	unsigned int min, max;        /* occurrences; max 0 is unbounded. An
	                               * attribute is required when min is 1 */
	unsigned int choice;          /* rows with the same non-zero number
	                               * exclude each other (xs:choice) */
	unsigned int templates;       /* T_*: templates with this optional row */
	unsigned int mentions;        /* T_*: templates that describe this
	                               * optional row in a comment instead */
	const char *mention_when;     /* with mentions: when to add it */
	const struct field *children; /* element rows, or NULL */
	const struct field *attrs;    /* attribute rows, or NULL */
	const char *help;             /* what goes there, for templates */
	const char *ref;              /* guideline paragraphs, or NULL */
	const char *example;          /* a value that validates */
};

/* document/fields.c: the root rows. */
extern const struct field lerq__field_request;
extern const struct field lerq__field_response;

/* document/fields.c: ISO 3166-1 codes generated from the schema
 * (tools/xsd-enum.py), sorted for bsearch(). */
extern const char *const lerq__country_codes[];
extern const size_t lerq__country_codes_count;

struct lerq_doc {
	xmlDocPtr xml;
	char *error; /* message of the last failure, or NULL */
	/* The verdict of the last parse or write; LERQ_DOC_UNCHECKED since
	 * any building call (lerq__doc_clear_error()). */
	enum lerq_doc_validity validity;
	/* Every change through build.c counts one. A document found valid by
	 * context valid_ctx when changes was valid_changes (parsed, written,
	 * rendered) is rendered without validating it again (lib/render.c). */
	unsigned long changes, valid_changes;
	const struct lerq_ctx *valid_ctx;
	size_t valid_size; /* bytes of the form validated (for CPU caps) */
};

/* Records that ctx found doc valid as it is now, in a form of size bytes. */
static inline void lerq__doc_mark_valid(struct lerq_doc *doc, const struct lerq_ctx *ctx,
                                        size_t size)
{
	doc->valid_ctx = ctx;
	doc->valid_changes = doc->changes;
	doc->valid_size = size;
}

/* Handles are the xmlNodes themselves. */
static inline xmlNodePtr elem_node(const struct lerq_elem *elem)
{
	return (xmlNodePtr)(uintptr_t)elem;
}

static inline struct lerq_elem *node_elem(xmlNodePtr node)
{
	return (struct lerq_elem *)node;
}

static inline const struct field *node_field(const xmlNode *node)
{
	return node->_private;
}

static inline struct lerq_doc *node_doc(const xmlNode *node)
{
	return node->doc->_private;
}

/* document.c: records why a call failed, for lerq_doc_error(); returns
 * err so that callers can write `return lerq__doc_fail(...)`. Never fails:
 * out of memory, the message is simply not recorded. */
int lerq__doc_fail(struct lerq_doc *doc, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Forgets the last failure and the last verdict (lerq_doc_validity()):
 * every public call that changes or writes the document calls it first,
 * so that lerq_doc_error() always speaks of the last such call. (Rollbacks inside a failing call must not use a public
 * call that would clear the message just recorded.) NULL is fine. */
void lerq__doc_clear_error(struct lerq_doc *doc);

/* document/fields.c: the row of the child element or attribute called name
 * (for attributes "xml:lang" is the one with a prefix), or NULL. */
const struct field *lerq__field_child(const struct field *parent, const char *name);
const struct field *lerq__field_attr(const struct field *parent, const char *name);
/* Position of a child row in its parent's sequence. */
size_t lerq__field_index(const struct field *parent, const struct field *child);
/* True for rows whose element holds a value (neither FT_ELEMENTS nor
 * FT_SIGNATURE). */
bool lerq__field_has_value(const struct field *f);

/* document/values.c */
/* Checks an already collapsed value against row f's type. On failure
 * returns false and sets *why to a static phrase: what is expected, or
 * "the value is empty" and the like, for the caller's message. */
bool lerq__value_check(const struct field *f, const char *value, const char **why);
/* What a value of row f looks like, in a few words (static, or NULL). */
const char *lerq__value_description(const struct field *f);
/* value cut to at most 60 characters for a message; caller frees. */
char *lerq__value_show(const char *value);
/* Writes "2026-03-01T09:30:00+01:00" (or "...Z"), or the date part only,
 * of instant t seen at offset_minutes from UTC into buf. Returns
 * LERQ_EINVAL for an offset beyond 14 hours or a year outside 1-9999. */
int lerq__value_format_time(lerq_time_t t, int offset_minutes, bool date_only,
                           char buf[32]);

/* document/io.c: the verdict of a report on a document not refused. */
enum lerq_doc_validity lerq__doc_verdict(const struct lerq_report *report);

/* document.c: wraps an xmlDoc (ownership passes) into a new lerq_doc. */
int lerq__xml_wrap(xmlDocPtr xml, struct lerq_doc **out);

/* document/io.c: serialises xml, formatted, with the XML declaration, as
 * a malloc()ed NUL-terminated buffer. no_empty writes empty elements as
 * <X></X>, ready to be filled in. */
int lerq__xml_serialise(xmlDocPtr xml, bool no_empty, char **data, size_t *size);

/* document/template.c: the template tree of lerq_doc_template(), before it
 * is serialised (document/response.c fills a response's from a request).
 * The caller frees *out with xmlFreeDoc(). */
int lerq__template_build(enum lerq_doc_kind kind, unsigned int flags, xmlDocPtr *out);

#endif
