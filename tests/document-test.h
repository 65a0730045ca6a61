/* SPDX-License-Identifier: MIT */
/* Helpers shared by the tests of documents in memory (test-document*.c):
 * complete documents of every kind built through the public API. */
#ifndef LERQ_DOCUMENT_TEST_H
#define LERQ_DOCUMENT_TEST_H

#include "lerq-test.h"

/* The call must succeed; otherwise fail with the document's message. */
#define OK(doc, expr)                                                               \
	do {                                                                        \
		int ok_r_ = (expr);                                                 \
		if (ok_r_ != LERQ_OK)                                               \
			fail_msg("%s returned %d: %s", #expr, ok_r_,                \
			         lerq_doc_error(doc));                              \
	} while (0)

/* Ten days before TEST_NOW: the documents' IssuedAt. */
#define ISSUED (TEST_NOW - 10 * 86400)

static inline struct lerq_elem *add(struct lerq_doc *doc, struct lerq_elem *parent,
                                    const char *name)
{
	struct lerq_elem *e = NULL;
	OK(doc, lerq_elem_add(parent, name, &e));
	assert_non_null(e);
	return e;
}

static inline struct lerq_elem *add_text(struct lerq_doc *doc, struct lerq_elem *parent,
                                         const char *name, const char *value)
{
	struct lerq_elem *e = NULL;
	OK(doc, lerq_elem_add_text(parent, name, value, &e));
	return e;
}

/* A request of each type with what the schema and the rules ask for,
 * added in a muddled order: the builder keeps the schema's. */
static inline struct lerq_doc *build_request(enum lerq_doc_kind kind)
{
	struct lerq_doc *doc = NULL;
	assert_int_equal(lerq_doc_new(kind, "en", &doc), LERQ_OK);
	struct lerq_elem *root = lerq_doc_root(doc), *e;

	if (kind == LERQ_DOC_REQUEST_PRESERVATION) {
		e = add(doc, root, "Preservation");
		add_text(doc, e, "FollowUp", "A production order will follow.");
		add_text(doc, e, "Necessity", "The logs are deleted after 14 days.");
		add_text(doc, e, "Days", "90");
	}
	if (kind != LERQ_DOC_REQUEST_RELEASE) {
		struct lerq_elem *item = add(doc, add(doc, root, "DataRequested"), "Item");
		OK(doc, lerq_elem_set_attr(item, "category", "traffic"));
		OK(doc, lerq_elem_set_attr(item, "id", "i1"));
		add_text(doc, item, "Relevance", "The address was used to log in.");
		struct lerq_elem *period = add(doc, item, "Period");
		OK(doc, lerq_elem_set_time(add(doc, period, "End"), ISSUED - 86400, 60));
		OK(doc, lerq_elem_set_time(add(doc, period, "Start"), ISSUED - 8 * 86400, 60));
		e = add_text(doc, item, "Identifier", "192.0.2.17");
		OK(doc, lerq_elem_set_attr(e, "port", "51200"));
		OK(doc, lerq_elem_set_attr(e, "type", "ipv4"));
	} else {
		e = add_text(doc, root, "RelatesTo", "POL-CYB/2026/00007");
		OK(doc, lerq_elem_set_attr(e, "relation", "releases"));
	}

	e = add(doc, root, "Investigation");
	add_text(doc, e, "Summary", "A phishing site collects\n\tbank credentials.");
	OK(doc, lerq_elem_set_attr(add_text(doc, e, "Offence", "Computer fraud"), "category",
	                           "computer-related-fraud"));

	e = add(doc, root, "LegalBasis");
	add_text(doc, e, "Channel", "domestic");
	struct lerq_elem *prov = add(doc, e, "Provision");
	OK(doc, lerq_elem_set_attr(prov, "jurisdiction", "NL"));
	add_text(doc, prov, "Article", "126nc");
	add_text(doc, prov, "Instrument", "Code of Criminal Procedure");

	e = add(doc, root, "ServiceProvider");
	add_text(doc, e, "Country", " NL ");
	add_text(doc, e, "Name", "Example Hosting B.V.");

	OK(doc, lerq_doc_add_contact(doc, "Jan de Vries", NULL, "+31201234568",
	                             "j.de.vries@police.example", NULL));
	struct lerq_elem *ia = lerq_elem_child(root, "IssuingAuthority", 0);
	assert_non_null(ia);
	add_text(doc, ia, "Website", "https://www.police.example/");
	add_text(doc, ia, "Switchboard", "+31201234567");
	struct lerq_elem *pa = add(doc, ia, "PostalAddress");
	add_text(doc, pa, "Country", "NL");
	add_text(doc, pa, "Locality", "Amsterdam");
	add_text(doc, pa, "Line", "Example Street 1");
	add_text(doc, ia, "AgencyName", "Example Police");

	add_text(doc, root, "Priority", "routine");
	OK(doc, lerq_doc_set_issued_at(doc, ISSUED, 60));
	OK(doc, lerq_doc_set_registration_number(doc, "POL-CYB/2026/00042"));
	return doc;
}

static inline struct lerq_doc *build_response(void)
{
	struct lerq_doc *doc = NULL;
	assert_int_equal(lerq_doc_new(LERQ_DOC_RESPONSE, "fr", &doc), LERQ_OK);
	struct lerq_elem *root = lerq_doc_root(doc);

	struct lerq_elem *result = add(doc, root, "Result");
	OK(doc, lerq_elem_set_attr(result, "outcome", "provided"));
	OK(doc, lerq_elem_set_attr(result, "item", "i1"));
	struct lerq_elem *field = add_text(doc, add(doc, result, "Record"), "Field", "A. Example");
	OK(doc, lerq_elem_set_attr(field, "name", "name"));
	OK(doc, lerq_doc_add_contact(doc, "Eva Jansen", "Liaison", "+31307654321",
	                             "le@isp.example", NULL));
	add_text(doc, lerq_elem_child(root, "Responder", 0), "ProviderName", "Example B.V.");
	add_text(doc, root, "Status", "fulfilled");
	OK(doc, lerq_doc_set_issued_at(doc, ISSUED, 0));
	OK(doc, lerq_elem_set_time(add(doc, root, "ReceivedAt"), ISSUED - 3600, 0));
	OK(doc, lerq_doc_set_registration_number(doc, "ISP-2026-0815"));
	add_text(doc, root, "InResponseTo", "POL-CYB/2026/00042");
	return doc;
}

/* Writes doc, which must be valid with no error (warnings allowed, and
 * printed); returns the bytes. */
static inline char *write_valid(const struct lerq_ctx *ctx, struct lerq_doc *doc,
                                size_t *size)
{
	char *data = NULL;
	size_t n = 0;
	struct lerq_report *report = NULL;
	int r = lerq_doc_write_memory(ctx, doc, TEST_NOW, &data, &n, &report);
	if (r != LERQ_OK) {
		if (report)
			print_report(report);
		fail_msg("lerq_doc_write_memory: %d: %s", r, lerq_doc_error(doc));
	}
	assert_non_null(report);
	assert_int_equal(lerq_report_errors(report), 0);
	lerq_report_free(report);
	assert_non_null(data);
	assert_int_equal(strlen(data), n);
	if (size)
		*size = n;
	return data;
}

#endif
