/* SPDX-License-Identifier: MIT */
/* Documents in memory (include/lerq/document.h): the builder makes valid
 * documents of every kind, the reader reads them back, a round trip keeps
 * every example equivalent, writing a file is all or nothing, and the
 * templates are complete. The refusals of bad values are in
 * test-document-setters.c. */
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "document-test.h"
#include "document/document-private.h"

static const enum lerq_doc_kind kinds[] = {
	LERQ_DOC_REQUEST_DISCLOSURE, LERQ_DOC_REQUEST_PRESERVATION,
	LERQ_DOC_REQUEST_RELEASE, LERQ_DOC_RESPONSE,
};

static void test_builder_every_kind_validates(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	for (size_t i = 0; i < 4; i++) {
		struct lerq_doc *doc = kinds[i] == LERQ_DOC_RESPONSE ? build_response()
		                                                     : build_request(kinds[i]);
		assert_int_equal(lerq_doc_kind(doc), kinds[i]);
		char *data = write_valid(ctx, doc, NULL);
		/* Whitespace collapsed, schema order kept whatever the calls'. */
		if (kinds[i] != LERQ_DOC_RESPONSE) {
			assert_non_null(strstr(data, "<Summary>A phishing site collects bank "
			                             "credentials."));
			assert_true(strstr(data, "<RegistrationNumber>") <
			            strstr(data, "<IssuedAt>"));
			assert_true(strstr(data, "<IssuingAuthority>") <
			            strstr(data, "<ServiceProvider>"));
			assert_true(strstr(data, "<AgencyName>") <
			            strstr(data, "<PostalAddress>"));
			assert_non_null(strstr(data, "<Country>NL</Country>"));
			assert_non_null(strstr(data, "<IssuedAt>2026-11-16T13:00:00+01:00<"));
		}
		free(data);
		lerq_doc_free(doc);
	}
	lerq_ctx_free(ctx);
}

/* Every element and attribute of the format, in one request and one
 * response: the table and the schema agree on all of them. */
static void test_builder_every_field(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_doc *doc = build_request(LERQ_DOC_REQUEST_DISCLOSURE);
	struct lerq_elem *root = lerq_doc_root(doc), *e, *f;

	OK(doc, lerq_elem_set_text(lerq_elem_child(root, "Priority", 0), "emergency"));
	OK(doc, lerq_elem_set_time(add(doc, root, "RespondBy"), ISSUED + 3600, 60));
	OK(doc, lerq_elem_set_attr(add_text(doc, root, "RelatesTo", "POL-CYB/2026/00041"),
	                           "relation", "confirms-oral-request"));
	struct lerq_elem *ia = lerq_doc_find(doc, "/Request/IssuingAuthority");
	add_text(doc, ia, "Unit", "Cybercrime Unit");
	add_text(doc, lerq_elem_child(ia, "PostalAddress", 0), "PostalCode", "1011 AB");
	add_text(doc, lerq_elem_child(ia, "PostalAddress", 0), "Line", "Building B");
	OK(doc, lerq_doc_add_contact(doc, "Eva de Wit", "Inspector", "+31201234569",
	                             "e.de.wit@police.example", &e));
	add_text(doc, e, "ServiceNumber", "NL-4711");
	e = add(doc, ia, "AuthorisedBy");
	add_text(doc, e, "Role", "Head of unit");
	add_text(doc, e, "Name", "Marloes Bakker");
	struct lerq_elem *sp = lerq_elem_child(root, "ServiceProvider", 0);
	add_text(doc, sp, "ContactPoint", "le@hosting.example");
	e = add(doc, sp, "PostalAddress");
	add_text(doc, e, "Line", "Archimedesbaan 12");
	add_text(doc, e, "Locality", "Nieuwegein");
	add_text(doc, e, "Country", "NL");
	struct lerq_elem *lb = lerq_elem_child(root, "LegalBasis", 0);
	e = add(doc, lb, "Authorisation");
	OK(doc, lerq_elem_set_attr(e, "kind", "judicial-order"));
	add_text(doc, e, "Reference", "RC 2026/17");
	add_text(doc, e, "IssuedBy", "Investigating judge, Amsterdam");
	OK(doc, lerq_elem_set_time(add(doc, e, "IssuedOn"), ISSUED - 86400, 60));
	OK(doc, lerq_elem_set_time(add(doc, e, "ValidUntil"), ISSUED + 90 * 86400, 60));
	e = add(doc, lerq_doc_find(doc, "/Request/DataRequested"), "Item");
	OK(doc, lerq_elem_set_attr(e, "id", "i2"));
	OK(doc, lerq_elem_set_attr(e, "category", "content"));
	OK(doc, lerq_elem_set_attr(add_text(doc, e, "Identifier", "holder@mail.example"),
	                           "type", "email"));
	OK(doc, lerq_elem_set_time(add(doc, e, "At"), ISSUED - 7200, 0));
	f = add(doc, e, "Fields");
	add_text(doc, f, "Field", "stored messages");
	add_text(doc, f, "Field", "attachments");
	add_text(doc, lerq_elem_child(root, "Investigation", 0), "CaseReference", "OPS-2026-0117");
	e = add(doc, root, "Emergency");
	add_text(doc, e, "Justification", "A life is at risk.");
	add_text(doc, e, "Threat", "serious-injury");
	f = add(doc, e, "OralRequest");
	OK(doc, lerq_elem_set_time(add(doc, f, "At"), ISSUED - 600, 60));
	add_text(doc, f, "ReceivedBy", "Eva Jansen");
	f = add(doc, e, "Supervisor");
	add_text(doc, f, "Name", "Marloes Bakker");
	add_text(doc, f, "Role", "Duty officer");
	add_text(doc, f, "Phone", "+31201234500");
	e = add(doc, root, "Confidentiality");
	OK(doc, lerq_elem_set_attr(e, "notify-subscriber", "false"));
	OK(doc, lerq_elem_set_time(add(doc, e, "Until"), ISSUED + 180 * 86400, 60));
	add_text(doc, e, "Reason", "Evidence would be destroyed.");
	f = add(doc, e, "Provision");
	OK(doc, lerq_elem_set_attr(f, "jurisdiction", "NL"));
	add_text(doc, f, "Instrument", "Wetboek van Strafvordering");
	add_text(doc, f, "Article", "126bb");
	e = add(doc, root, "Delivery");
	add_text(doc, e, "Method", "secure-email");
	add_text(doc, e, "Address", "returns@police.example");
	e = add(doc, root, "Attachment");
	add_text(doc, e, "Title", "Order of the investigating judge");
	add_text(doc, e, "MediaType", "application/pdf");
	f = add_text(doc, e, "Digest",
	             "1e5ef81ac622a2487a060a11831318a244ea192f8dfef57e24b984bc6d030217");
	assert_string_equal(lerq_elem_attr(f, "algorithm"), "sha-256");
	add_text(doc, e, "Reference", "order.pdf");
	free(write_valid(ctx, doc, NULL));
	lerq_doc_free(doc);

	doc = build_response();
	root = lerq_doc_root(doc);
	OK(doc, lerq_elem_set_text(lerq_elem_child(root, "Status", 0), "partially-fulfilled"));
	e = add(doc, root, "Result");
	OK(doc, lerq_elem_set_attr(e, "item", "i2"));
	OK(doc, lerq_elem_set_attr(e, "outcome", "not-provided"));
	OK(doc, lerq_elem_set_attr(add_text(doc, e, "Reason", "No such account."), "code",
	                           "no-records"));
	e = add(doc, root, "Result");
	OK(doc, lerq_elem_set_attr(e, "item", "i3"));
	OK(doc, lerq_elem_set_attr(e, "outcome", "preserved"));
	OK(doc, lerq_elem_set_time(add(doc, e, "PreservedUntil"), ISSUED + 90 * 86400, 0));
	e = add(doc, root, "Attachment");
	add_text(doc, e, "Reference", "export.csv");
	add_text(doc, e, "Digest",
	         "1E5EF81AC622A2487A060A11831318A244EA192F8DFEF57E24B984BC6D030217");
	add_text(doc, e, "MediaType", "text/csv");
	add_text(doc, e, "Title", "Export of the records");
	add_text(doc, lerq_doc_find(doc, "/Response/Responder/Contact"), "ServiceNumber", "EH-0815");
	assert_string_equal(lerq_elem_attr(root, "xml:lang"), "fr");
	free(write_valid(ctx, doc, NULL));
	lerq_doc_free(doc);
	lerq_ctx_free(ctx);
}

/* What a reader sees of a document, as one string: every element's path,
 * its attributes and its collapsed text; comments and blank text left
 * out. Two documents are equivalent when their strings are equal. */
static void canonical(xmlNodePtr node, char *path, size_t plen, char **out, size_t *len,
                      size_t *cap)
{
	for (xmlNodePtr n = node; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		char *p = lerq__strdup_printf("%.*s/%s", (int)plen, path, (const char *)n->name);
		xmlChar *text = NULL;
		bool leaf = true;
		for (xmlNodePtr c = n->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				leaf = false;
		if (leaf)
			text = xmlNodeGetContent(n);
		char *v = lerq__value_collapse(text ? (const char *)text : "");
		xmlFree(text);
		char *line = lerq__strdup_printf("%s {%s}%s=%s\n", p,
		                                n->ns ? (const char *)n->ns->href : "",
		                                leaf ? "" : "+", v);
		for (xmlAttrPtr a = n->properties; a; a = a->next) {
			xmlChar *av = xmlNodeListGetString(n->doc, a->children, 1);
			char *cv = lerq__value_collapse((const char *)av);
			char *l2 = lerq__strdup_printf("%s  @%s=%s\n", line, (const char *)a->name,
			                              cv);
			free(line);
			line = l2;
			free(cv);
			xmlFree(av);
		}
		size_t ll = strlen(line);
		while (*len + ll + 1 > *cap) {
			*cap *= 2;
			*out = realloc(*out, *cap);
			assert_non_null(*out);
		}
		memcpy(*out + *len, line, ll + 1);
		*len += ll;
		canonical(n->children, p, strlen(p), out, len, cap);
		free(p);
		free(line);
		free(v);
	}
}

static char *canonical_of(const char *data, size_t size)
{
	xmlDocPtr xml = xmlReadMemory(data, (int)size, NULL, NULL, XML_PARSE_NONET);
	assert_non_null(xml);
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);
	assert_non_null(out);
	out[0] = '\0';
	canonical(xmlDocGetRootElement(xml), "", 0, &out, &len, &cap);
	xmlFreeDoc(xml);
	return out;
}

/* Parses path and serialises it again: the result is equivalent to the
 * original, and serialising its parse gives the same bytes. Documents
 * that break a rule are parsed with LERQ_PARSE_KEEP_INVALID and
 * serialised without validation. */
static void round_trip(const struct lerq_ctx *ctx, const char *path)
{
	size_t size;
	char *orig = test_slurp(path, &size);
	struct lerq_doc *doc = NULL;
	struct lerq_report *report = NULL;
	int r = lerq_doc_parse_memory(ctx, orig, size, TEST_NOW, LERQ_PARSE_KEEP_INVALID, &doc,
	                              &report);
	if (r != LERQ_OK) {
		if (report)
			print_report(report);
		fail_msg("%s: parse returned %d", path, r);
	}
	bool valid = lerq_report_is_valid(report);
	lerq_report_free(report);
	char *once, *twice;
	size_t n1, n2;
	if (valid) {
		once = write_valid(ctx, doc, &n1);
	} else {
		assert_int_equal(lerq__xml_serialise(doc->xml, false, &once, &n1), LERQ_OK);
	}
	lerq_doc_free(doc);
	char *a = canonical_of(orig, size), *b = canonical_of(once, n1);
	if (strcmp(a, b) != 0)
		fail_msg("%s: not equivalent after a round trip:\n%s\n---\n%s", path, a, b);
	assert_int_equal(lerq_doc_parse_memory(ctx, once, n1, TEST_NOW, LERQ_PARSE_KEEP_INVALID,
	                                       &doc, NULL), LERQ_OK);
	assert_int_equal(lerq__xml_serialise(doc->xml, false, &twice, &n2), LERQ_OK);
	assert_int_equal(n1, n2);
	assert_memory_equal(once, twice, n1);
	lerq_doc_free(doc);
	free(a);
	free(b);
	free(once);
	free(twice);
	free(orig);
}

static size_t round_trip_dir(const struct lerq_ctx *ctx, const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t done = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0 ||
		    strncmp(e->d_name, prefix, strlen(prefix)) != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		round_trip(ctx, path);
		done++;
	}
	closedir(d);
	return done;
}

static void test_round_trip_examples(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	assert_true(round_trip_dir(ctx, EXAMPLE(""), "") >= 6);
	/* The schema's valid documents use every optional element, a
	 * signature, an international jurisdiction and odd whitespace. */
	assert_true(round_trip_dir(ctx, DATA("schema"), "valid-") >= 8);
	lerq_ctx_free(ctx);
}

static void test_reader(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_doc *doc = NULL;
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_doc_parse_file(ctx, EXAMPLE("preservation-request.xml"), TEST_NOW,
	                                     0, &doc, &report), LERQ_OK);
	assert_no_findings(report);
	lerq_report_free(report);
	assert_int_equal(lerq_doc_kind(doc), LERQ_DOC_REQUEST_PRESERVATION);
	struct lerq_elem *root = lerq_doc_root(doc);
	assert_string_equal(lerq_elem_name(root), "Request");
	assert_string_equal(lerq_elem_attr(root, "xml:lang"), "en");
	assert_string_equal(lerq_elem_attr(root, "version"), "1.0");
	assert_string_equal(lerq_elem_text(lerq_elem_child(root, "RegistrationNumber", 0)),
	                    "LE-THTC/2026/00731");
	assert_int_equal(lerq_elem_count(lerq_elem_child(root, "IssuingAuthority", 0), "Contact"),
	                 1);
	assert_string_equal(lerq_elem_text(lerq_doc_find(doc, "/Request/IssuingAuthority/"
	                                                      "Contact[1]/Email")),
	                    "ruben.de.vries@politie.nl");
	struct lerq_elem *id = lerq_doc_find(doc, "/Request/DataRequested/Item[2]/Identifier");
	assert_string_equal(lerq_elem_attr(id, "port"), "443");
	assert_string_equal(lerq_elem_attr(id, "type"), "ipv4");
	assert_null(lerq_elem_attr(lerq_doc_find(doc, "/Request/DataRequested/Item[1]/"
	                                              "Identifier"), "port"));
	const char *summary = lerq_elem_text(lerq_doc_find(doc, "/Request/Investigation/Summary"));
	assert_non_null(summary);
	assert_null(strchr(summary, '\n'));
	assert_int_equal(strncmp(summary, "Since 1 September 2026 text messages", 36), 0);
	/* Handles of element content have no text; chains through NULL. */
	assert_null(lerq_elem_text(lerq_elem_child(root, "IssuingAuthority", 0)));
	assert_null(lerq_elem_text(lerq_elem_child(lerq_elem_child(root, "Nope", 0), "X", 0)));
	assert_int_equal(lerq_elem_count(root, "Attachment"), 1);
	assert_int_equal(lerq_elem_count(root, "Nope"), 0);
	assert_null(lerq_elem_child(root, "Attachment", 1));

	static const char *const bad_paths[] = {
		"", "Request", "/", "/Response", "/Request/Nope", "/Request//IssuedAt",
		"/Request/IssuingAuthority/Contact[2]", "/Request/IssuingAuthority/Contact[0]",
		"/Request/IssuingAuthority/Contact[x]", "/Request/IssuingAuthority/Contact[1",
		"/Request/DataRequested/Item[1]/@id", "/Request[2]", "/Request/IssuedAt/",
	};
	for (size_t i = 0; i < sizeof(bad_paths) / sizeof(bad_paths[0]); i++)
		if (lerq_doc_find(doc, bad_paths[i]) != NULL)
			fail_msg("lerq_doc_find(\"%s\") found something", bad_paths[i]);
	assert_ptr_equal(lerq_doc_find(doc, "/Request"), root);
	assert_ptr_equal(lerq_doc_find(doc, "/Request/IssuedAt"),
	                 lerq_doc_find(doc, "/Request/IssuedAt[1]"));

	/* A parsed document is edited like a built one. */
	OK(doc, lerq_elem_set_text(lerq_elem_child(root, "Priority", 0), "routine"));
	OK(doc, lerq_elem_remove(lerq_elem_child(root, "Attachment", 0)));
	OK(doc, lerq_doc_add_contact(doc, "Second Officer", NULL, "+31886621743",
	                             "second.officer@politie.nl", NULL));
	OK(doc, lerq_elem_set_attr(root, "xml:lang", "nl"));
	char *data = write_valid(ctx, doc, NULL);
	assert_null(strstr(data, "<Attachment>"));
	assert_non_null(strstr(data, "xml:lang=\"nl\""));
	assert_non_null(strstr(data, "<Name>Second Officer</Name>"));
	free(data);
	lerq_doc_free(doc);
	lerq_ctx_free(ctx);
}

static void test_parse_refusals(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_doc *doc = NULL;
	struct lerq_report *report = NULL;

	assert_int_equal(lerq_doc_parse_file(ctx, DATA("hostile/xxe-file.xml"), TEST_NOW, 0, &doc,
	                                     &report), LERQ_EDOCUMENT);
	assert_null(doc);
	assert_only_finding(report, "LERQ-P002");
	lerq_report_free(report);

	/* Schema errors give no document, even with KEEP_INVALID. */
	assert_int_equal(lerq_doc_parse_file(ctx, DATA("schema/s001-bad-e164.xml"), TEST_NOW,
	                                     LERQ_PARSE_KEEP_INVALID, &doc, &report),
	                 LERQ_EDOCUMENT);
	assert_null(doc);
	assert_has_finding(report, "LERQ-S001");
	lerq_report_free(report);

	/* A rule error (IssuedAt in the future of "now"): no document unless
	 * asked for, then the document and its report. */
	lerq_time_t long_ago = 1577836800; /* 2020-01-01 */
	assert_int_equal(lerq_doc_parse_file(ctx, EXAMPLE("disclosure-request.xml"), long_ago, 0,
	                                     &doc, &report), LERQ_EDOCUMENT);
	assert_null(doc);
	assert_has_finding(report, "LERQ-R003");
	lerq_report_free(report);
	assert_int_equal(lerq_doc_parse_file(ctx, EXAMPLE("disclosure-request.xml"), long_ago,
	                                     LERQ_PARSE_KEEP_INVALID, &doc, &report), LERQ_OK);
	assert_non_null(doc);
	assert_false(lerq_report_is_valid(report));
	lerq_report_free(report);
	lerq_doc_free(doc);
	doc = NULL;

	/* Unreadable, empty, bad arguments. */
	errno = 0;
	assert_int_equal(lerq_doc_parse_file(ctx, DATA("no/such/file.xml"), TEST_NOW, 0, &doc,
	                                     &report), LERQ_EIO);
	assert_int_equal(errno, ENOENT);
	assert_null(report);
	assert_int_equal(lerq_doc_parse_memory(ctx, "", 0, TEST_NOW, 0, &doc, &report),
	                 LERQ_EDOCUMENT);
	assert_only_finding(report, "LERQ-P001");
	lerq_report_free(report);
	assert_int_equal(lerq_doc_parse_memory(ctx, NULL, 0, TEST_NOW, 0, &doc, NULL),
	                 LERQ_EDOCUMENT); /* empty input, as lerq_validate_memory() */
	assert_int_equal(lerq_doc_parse_memory(NULL, "<a/>", 4, TEST_NOW, 0, &doc, NULL),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_doc_parse_memory(ctx, NULL, 4, TEST_NOW, 0, &doc, NULL),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_doc_parse_memory(ctx, "<a/>", 4, TEST_NOW, 0, NULL, NULL),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_doc_parse_memory(ctx, "<a/>", 4, TEST_NOW, 4, &doc, NULL),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_doc_parse_file(ctx, NULL, TEST_NOW, 0, &doc, NULL), LERQ_EINVAL);
	assert_null(doc);
	lerq_ctx_free(ctx);
}

/* A document that fails the schema is readable with
 * LERQ_PARSE_KEEP_SCHEMA_INVALID, marked so, with its report; refused
 * input still gives nothing. */
static void test_parse_keep_schema_invalid(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_doc *doc = NULL;
	struct lerq_report *report = NULL;
	const char *path = DATA("parse/schema-invalid-request.xml");

	/* Without the flag, or with KEEP_INVALID alone: no document. */
	for (unsigned int flags = 0; flags <= LERQ_PARSE_KEEP_INVALID; flags++) {
		assert_int_equal(lerq_doc_parse_file(ctx, path, TEST_NOW, flags, &doc, &report),
		                 LERQ_EDOCUMENT);
		assert_null(doc);
		assert_has_finding(report, "LERQ-S001");
		lerq_report_free(report);
	}

	assert_int_equal(lerq_doc_parse_file(ctx, path, TEST_NOW, LERQ_PARSE_KEEP_SCHEMA_INVALID,
	                                     &doc, &report), LERQ_OK);
	assert_non_null(doc);
	assert_int_equal(lerq_doc_validity(doc), LERQ_DOC_SCHEMA_INVALID);
	assert_false(lerq_report_is_valid(report));
	/* The report is the validator's: the first schema error, with its
	 * line and path. */
	const struct lerq_finding *f = lerq_report_get(report, 0);
	assert_string_equal(lerq_finding_code(f), "LERQ-S001");
	assert_int_equal(lerq_finding_line(f), 7);
	assert_string_equal(lerq_finding_path(f), "/Request/@colour");
	assert_non_null(strstr(lerq_finding_message(f), "colour"));
	f = lerq_report_get(report, 1);
	assert_string_equal(lerq_finding_code(f), "LERQ-S001");
	assert_int_equal(lerq_finding_line(f), 8);
	assert_string_equal(lerq_finding_path(f), "/Request/IssuingAuthority");
	lerq_report_free(report);

	/* What the provider needs to answer it. */
	assert_int_equal(lerq_doc_kind(doc), LERQ_DOC_REQUEST_DISCLOSURE);
	struct lerq_elem *root = lerq_doc_root(doc);
	assert_string_equal(lerq_elem_text(lerq_elem_child(root, "RegistrationNumber", 0)),
	                    "LKA-NRW/41.3/2026/004187");
	assert_int_equal(lerq_elem_count(root, "RegistrationNumber"), 1); /* not the decoy */
	assert_string_equal(lerq_elem_text(lerq_doc_find(doc, "/Request/IssuingAuthority/"
	                                                      "AgencyName")),
	                    "Landeskriminalamt Nordrhein-Westfalen");
	struct lerq_elem *contact = lerq_doc_find(doc, "/Request/IssuingAuthority/Contact");
	assert_string_equal(lerq_elem_text(lerq_elem_child(contact, "Email", 0)),
	                    "julia.hartmann@polizei.nrw");
	/* A malformed value is kept as it came (collapsed), unchecked. */
	assert_string_equal(lerq_elem_text(lerq_elem_child(contact, "Phone", 0)), "0211 939 4417");
	/* What the format does not have is gone. */
	assert_null(lerq_elem_attr(root, "colour"));
	assert_string_equal(lerq_elem_attr(root, "xml:lang"), "en");
	assert_null(lerq_elem_child(root, "IssuedAt", 0));

	/* Written as it is, it is refused; made whole by the builder, it is
	 * written, and it is valid again. */
	char *data = NULL;
	size_t size;
	assert_int_equal(lerq_doc_write_memory(ctx, doc, TEST_NOW, &data, &size, NULL),
	                 LERQ_EDOCUMENT);
	assert_int_equal(lerq_doc_validity(doc), LERQ_DOC_SCHEMA_INVALID);
	for (xmlNodePtr c = xmlDocGetRootElement(doc->xml)->children; c; c = c->next)
		assert_string_not_equal((const char *)c->name, "Bogus");
	assert_null(lerq_elem_child(contact, "Pager", 0));
	assert_int_equal(lerq_elem_count(contact, "Phone"), 1);
	assert_int_equal(lerq_elem_set_text(lerq_elem_child(contact, "Phone", 0), "+492119394417"),
	                 LERQ_OK);
	assert_int_equal(lerq_doc_validity(doc), LERQ_DOC_UNCHECKED);
	lerq_doc_free(doc);
	doc = NULL;

	/* A document breaking a rule only, with this flag: kept, and marked
	 * as breaking a rule; a valid one is valid. */
	lerq_time_t long_ago = 1577836800; /* 2020-01-01: IssuedAt in the future */
	assert_int_equal(lerq_doc_parse_file(ctx, EXAMPLE("disclosure-request.xml"), long_ago,
	                                     LERQ_PARSE_KEEP_SCHEMA_INVALID, &doc, NULL),
	                 LERQ_OK);
	assert_int_equal(lerq_doc_validity(doc), LERQ_DOC_RULES_INVALID);
	lerq_doc_free(doc);
	assert_int_equal(lerq_doc_parse_file(ctx, EXAMPLE("disclosure-request.xml"), TEST_NOW, 0,
	                                     &doc, NULL), LERQ_OK);
	assert_int_equal(lerq_doc_validity(doc), LERQ_DOC_VALID);
	assert_int_equal(lerq_doc_set_registration_number(doc, "X-1"), LERQ_OK);
	assert_int_equal(lerq_doc_validity(doc), LERQ_DOC_UNCHECKED);
	assert_int_equal(lerq_doc_write_memory(ctx, doc, TEST_NOW, &data, &size, NULL), LERQ_OK);
	assert_int_equal(lerq_doc_validity(doc), LERQ_DOC_VALID);
	free(data);
	lerq_doc_free(doc);
	doc = NULL;
	assert_int_equal(lerq_doc_validity(NULL), LERQ_DOC_UNCHECKED);

	/* Refusals give no document, whatever the flags. */
	static const struct {
		const char *path, *code;
	} refused[] = {
		{ DATA("hostile/xxe-file.xml"), "LERQ-P002" },
		{ DATA("hostile/deep-65.xml"), "LERQ-P003" },
		{ DATA("schema/s002-wrong-root.xml"), "LERQ-S002" },
		{ DATA("schema/s002-version-2.xml"), "LERQ-S002" },
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		assert_int_equal(lerq_doc_parse_file(ctx, refused[i].path, TEST_NOW,
		                                     LERQ_PARSE_KEEP_SCHEMA_INVALID |
		                                             LERQ_PARSE_KEEP_INVALID,
		                                     &doc, &report),
		                 LERQ_EDOCUMENT);
		assert_null(doc);
		assert_only_finding(report, refused[i].code);
		lerq_report_free(report);
	}
	assert_int_equal(lerq_doc_parse_memory(ctx, "<Request", 8, TEST_NOW,
	                                       LERQ_PARSE_KEEP_SCHEMA_INVALID, &doc, &report),
	                 LERQ_EDOCUMENT);
	assert_null(doc);
	assert_only_finding(report, "LERQ-P001");
	lerq_report_free(report);
	lerq_ctx_free(ctx);
}

/* Names in dir other than . and .., joined by spaces. */
static char *list_dir(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	char *out = calloc(1, 4096);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		strcat(out, e->d_name);
		strcat(out, " ");
	}
	closedir(d);
	return out;
}

static void test_write_file(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	char dir[] = "/tmp/lerq-doc-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256], sub[256];
	snprintf(path, sizeof(path), "%s/request.xml", dir);
	snprintf(sub, sizeof(sub), "%s/no-such-dir/request.xml", dir);

	struct lerq_doc *doc = build_request(LERQ_DOC_REQUEST_PRESERVATION);
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_doc_write_file(ctx, doc, path, TEST_NOW, &report), LERQ_OK);
	assert_non_null(report);
	lerq_report_free(report);
	size_t n;
	char *expected = write_valid(ctx, doc, &n);
	char *written = test_slurp(path, NULL);
	assert_string_equal(written, expected);
	free(written);
	char *names = list_dir(dir);
	assert_string_equal(names, "request.xml ");
	free(names);

	/* An invalid document: refused, the old file untouched, nothing left. */
	OK(doc, lerq_elem_remove(lerq_elem_child(lerq_doc_root(doc), "Preservation", 0)));
	assert_int_equal(lerq_doc_write_file(ctx, doc, path, TEST_NOW, &report), LERQ_EDOCUMENT);
	assert_has_finding(report, "LERQ-R012");
	lerq_report_free(report);
	assert_non_null(strstr(lerq_doc_error(doc), "LERQ-R012"));
	written = test_slurp(path, NULL);
	assert_string_equal(written, expected);
	free(written);
	names = list_dir(dir);
	assert_string_equal(names, "request.xml ");
	free(names);

	/* Unwritable places: LERQ_EIO, errno kept, no report, nothing left. */
	struct lerq_doc *ok = build_request(LERQ_DOC_REQUEST_DISCLOSURE);
	errno = 0;
	assert_int_equal(lerq_doc_write_file(ctx, ok, sub, TEST_NOW, &report), LERQ_EIO);
	assert_int_equal(errno, ENOENT);
	assert_null(report);
	assert_non_null(strstr(lerq_doc_error(ok), "cannot write"));
	assert_int_equal(lerq_doc_write_file(ctx, ok, dir, TEST_NOW, NULL), LERQ_EIO);
	snprintf(sub, sizeof(sub), "%s/", dir);
	assert_int_equal(lerq_doc_write_file(ctx, ok, sub, TEST_NOW, NULL), LERQ_EIO);
	names = list_dir(dir);
	assert_string_equal(names, "request.xml ");
	free(names);

	/* Replacing a file keeps its mode; a link is followed, and stays. */
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(lerq_doc_write_file(ctx, ok, path, TEST_NOW, NULL), LERQ_OK);
	written = test_slurp(path, NULL);
	assert_non_null(strstr(written, "type=\"disclosure\""));
	free(written);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	char link[256];
	snprintf(link, sizeof(link), "%s/link.xml", dir);
	assert_int_equal(symlink("request.xml", link), 0);
	assert_int_equal(lerq_doc_write_file(ctx, ok, link, TEST_NOW, NULL), LERQ_OK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	names = list_dir(dir);
	assert_true(strcmp(names, "request.xml link.xml ") == 0 ||
	            strcmp(names, "link.xml request.xml ") == 0);
	free(names);
	unlink(link);
	/* Not a regular file: written into, never replaced (issue 13). */
	assert_int_equal(lerq_doc_write_file(ctx, ok, "/dev/null", TEST_NOW, NULL), LERQ_OK);
	assert_int_equal(lstat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	/* A new file gets 0666 less the umask. */
	char fresh[256];
	snprintf(fresh, sizeof(fresh), "%s/fresh.xml", dir);
	mode_t old_mask = umask(027);
	assert_int_equal(lerq_doc_write_file(ctx, ok, fresh, TEST_NOW, NULL), LERQ_OK);
	umask(old_mask);
	assert_int_equal(stat(fresh, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(unlink(fresh), 0);
	char cwd[1024];
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(lerq_doc_write_file(ctx, ok, "relative.xml", TEST_NOW, NULL), LERQ_OK);
	assert_int_equal(chdir(cwd), 0);

	assert_int_equal(lerq_doc_write_file(NULL, ok, path, TEST_NOW, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_doc_write_file(ctx, NULL, path, TEST_NOW, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_doc_write_file(ctx, ok, NULL, TEST_NOW, NULL), LERQ_EINVAL);
	char *data;
	assert_int_equal(lerq_doc_write_memory(ctx, ok, TEST_NOW, NULL, &n, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_doc_write_memory(ctx, ok, TEST_NOW, &data, NULL, NULL),
	                 LERQ_EINVAL);

	snprintf(sub, sizeof(sub), "%s/relative.xml", dir);
	unlink(sub);
	unlink(path);
	assert_int_equal(rmdir(dir), 0);
	free(expected);
	lerq_doc_free(ok);
	lerq_doc_free(doc);
	lerq_ctx_free(ctx);
}

/* Every element child of node is preceded by a comment that names it
 * and gives a source in parentheses; returns the number of elements. */
static size_t check_comments(xmlNodePtr node)
{
	size_t count = 0;
	for (xmlNodePtr c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		xmlNodePtr prev = c->prev;
		while (prev && prev->type == XML_TEXT_NODE)
			prev = prev->prev;
		if (prev == NULL || prev->type != XML_COMMENT_NODE)
			fail_msg("<%s> has no comment before it", (const char *)c->name);
		char start[80];
		snprintf(start, sizeof(start), " %s: ", (const char *)c->name);
		const char *text = (const char *)prev->content;
		if (strncmp(text, start, strlen(start)) != 0 || strstr(text, " (") == NULL ||
		    text[strlen(text) - 2] != ')')
			fail_msg("<%s>: comment \"%s\"", (const char *)c->name, text);
		count += 1 + check_comments(c);
	}
	return count;
}

static void test_templates(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	for (size_t i = 0; i < 4; i++) {
		char *blank, *example;
		size_t nb, ne;
		assert_int_equal(lerq_doc_template(kinds[i], LERQ_TEMPLATE_BLANK, &blank, &nb),
		                 LERQ_OK);
		assert_int_equal(strlen(blank), nb);
		assert_int_equal(lerq_doc_template(kinds[i], LERQ_TEMPLATE_EXAMPLE, &example, &ne),
		                 LERQ_OK);

		/* Blank: well-formed, a commented element for every row
		 * included, and invalid only for its empty values. */
		struct lerq_report *report = validate_string(ctx, blank);
		assert_false(lerq_report_is_valid(report));
		for (size_t k = 0; k < lerq_report_count(report); k++)
			assert_string_equal(lerq_finding_code(lerq_report_get(report, k)),
			                    "LERQ-S001");
		lerq_report_free(report);
		xmlDocPtr xb = xmlReadMemory(blank, (int)nb, NULL, NULL, 0);
		xmlDocPtr xe = xmlReadMemory(example, (int)ne, NULL, NULL, 0);
		assert_non_null(xb);
		assert_non_null(xe);
		size_t elements = check_comments(xmlDocGetRootElement(xb));
		assert_int_equal(check_comments(xmlDocGetRootElement(xe)), elements);
		assert_true(elements >= 15);
		/* Revision 1.1: a comment on each new element where the kind
		 * has it; Emergency, left out, is described where it goes. */
		bool data_kind = kinds[i] == LERQ_DOC_REQUEST_DISCLOSURE ||
		                 kinds[i] == LERQ_DOC_REQUEST_PRESERVATION;
		assert_non_null(strstr(blank, kinds[i] == LERQ_DOC_RESPONSE
		                                      ? "<!-- ServiceNumber: the person's staff"
		                                      : "<!-- ServiceNumber: the officer's badge"));
		assert_true((strstr(blank, "<!-- CaseReference: ") != NULL) ==
		            (kinds[i] != LERQ_DOC_RESPONSE));
		assert_true((strstr(blank, "<!-- Provision: the law that forbids telling the "
		                           "subscriber") != NULL) == data_kind);
		const char *mention = strstr(blank, "<!-- Emergency (not in this template; add it "
		                                    "here only when Priority is emergency)");
		assert_true((mention != NULL) == data_kind);
		if (mention) {
			assert_non_null(strstr(mention, "Threat (optional): what kind of danger it "
			                                "is, one of death | serious-injury | "
			                                "child-safety | critical-infrastructure | "
			                                "other (G§34)"));
			assert_non_null(strstr(mention, "Supervisor (optional): a second officer"));
			assert_non_null(strstr(mention, "with Name, Role and Phone (G§24, G§34)"));
			assert_true(mention < strstr(blank, "<!-- Confidentiality: "));
			assert_null(strstr(blank, "<Emergency>"));
		}
		xmlFreeDoc(xb);
		xmlFreeDoc(xe);

		/* Filled in: valid, no finding at all, and of the right kind. */
		struct lerq_doc *doc = NULL;
		report = NULL;
		int r = lerq_doc_parse_memory(ctx, example, ne, TEST_NOW, 0, &doc, &report);
		if (r != LERQ_OK || lerq_report_count(report) != 0) {
			print_report(report);
			fail_msg("example template %zu: %d", i, r);
		}
		assert_int_equal(lerq_doc_kind(doc), kinds[i]);
		/* The same elements, filled in. */
		char *cb = canonical_of(blank, nb), *ce = canonical_of(example, ne);
		for (char *p = cb, *q = ce; *p || *q;) {
			size_t lp = strcspn(p, "="), lq = strcspn(q, "=");
			assert_int_equal(lp, lq);
			assert_memory_equal(p, q, lp);
			p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != '\0');
			q += strcspn(q, "\n") + (q[strcspn(q, "\n")] != '\0');
		}
		free(cb);
		free(ce);
		lerq_report_free(report);
		lerq_doc_free(doc);
		free(blank);
		free(example);
	}
	char *data;
	size_t n;
	assert_int_equal(lerq_doc_template(0, 0, &data, &n), LERQ_EINVAL);
	assert_int_equal(lerq_doc_template(5, 0, &data, &n), LERQ_EINVAL);
	assert_int_equal(lerq_doc_template(LERQ_DOC_RESPONSE, 4, &data, &n), LERQ_EINVAL);
	assert_int_equal(lerq_doc_template(LERQ_DOC_RESPONSE, 0, NULL, &n), LERQ_EINVAL);
	assert_int_equal(lerq_doc_template(LERQ_DOC_RESPONSE, 0, &data, NULL), LERQ_EINVAL);
	lerq_ctx_free(ctx);
}

/* A parsed signature is kept as it came, whatever is inside. */
static void test_signature_kept(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_doc *doc = NULL;
	const char *path = DATA("schema/valid-signature-content-skipped.xml");
	assert_int_equal(lerq_doc_parse_file(ctx, path, TEST_NOW, LERQ_PARSE_KEEP_INVALID, &doc,
	                                     NULL), LERQ_OK);
	struct lerq_elem *sig = lerq_elem_child(lerq_doc_root(doc), "Signature", 0);
	assert_non_null(sig);
	assert_string_equal(lerq_elem_name(sig), "Signature");
	assert_null(lerq_elem_text(sig));
	assert_int_equal(lerq_elem_add(sig, "SignedInfo", NULL), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_text(sig, "x"), LERQ_EINVAL);
	char *data;
	size_t n;
	assert_int_equal(lerq__xml_serialise(doc->xml, false, &data, &n), LERQ_OK);
	assert_non_null(strstr(data, "http://www.w3.org/2000/09/xmldsig#"));
	free(data);
	OK(doc, lerq_elem_remove(sig));
	assert_null(lerq_elem_child(lerq_doc_root(doc), "Signature", 0));
	lerq_doc_free(doc);
	lerq_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builder_every_kind_validates),
		cmocka_unit_test(test_builder_every_field),
		cmocka_unit_test(test_round_trip_examples),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_parse_refusals),
		cmocka_unit_test(test_parse_keep_schema_invalid),
		cmocka_unit_test(test_write_file),
		cmocka_unit_test(test_templates),
		cmocka_unit_test(test_signature_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
