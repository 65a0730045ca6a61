/* SPDX-License-Identifier: MIT */
/* Every setter refuses bad input (NULL, empty, too long, malformed
 * identifiers, phone numbers, e-mail addresses, dates...) with
 * LERQ_EINVAL, a message naming the field, and the document unchanged;
 * misuse of the API (NULL handles, names the format does not have, one
 * element too many) is refused the same way. */
#include "document-test.h"
#include "document/document-private.h"

/* The document as bytes, without validation: what "unchanged" means. */
static char *snapshot(const struct lerq_doc *doc)
{
	char *data;
	size_t n;
	assert_int_equal(lerq__xml_serialise(doc->xml, false, &data, &n), LERQ_OK);
	return data;
}

static char *repeat(char c, size_t n)
{
	char *s = malloc(n + 1);
	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

struct bad {
	const char *path; /* of the element, in a document from build_full() */
	const char *attr; /* NULL: the element's value */
	const char *value;
};

/* A request with an Attachment, an Authorisation and a Preservation, so
 * that every type of value has an element to try it on. */
static struct lerq_doc *build_full(void)
{
	struct lerq_doc *doc = build_request(LERQ_DOC_REQUEST_PRESERVATION);
	struct lerq_elem *root = lerq_doc_root(doc), *e;
	e = add(doc, root, "Attachment");
	add_text(doc, e, "Title", "Order");
	add_text(doc, e, "MediaType", "application/pdf");
	add_text(doc, e, "Digest",
	         "1e5ef81ac622a2487a060a11831318a244ea192f8dfef57e24b984bc6d030217");
	add_text(doc, e, "Reference", "order.pdf");
	e = add(doc, lerq_elem_child(root, "LegalBasis", 0), "Authorisation");
	OK(doc, lerq_elem_set_attr(e, "kind", "judicial-order"));
	add_text(doc, e, "IssuedOn", "2026-11-15");
	e = add(doc, lerq_doc_find(doc, "/Request/DataRequested"), "Item");
	OK(doc, lerq_elem_set_attr(e, "id", "i2"));
	OK(doc, lerq_elem_set_attr(add(doc, root, "Confidentiality"), "notify-subscriber",
	                           "false"));
	add_text(doc, lerq_doc_find(doc, "/Request/IssuingAuthority/PostalAddress"), "PostalCode",
	         "1011 AB");
	return doc;
}

static void test_bad_values(void **state)
{
	char *ref65 = repeat('A', 65), *name201 = repeat('n', 201), *text4001 = repeat('t', 4001);
	char *code17 = repeat('1', 17), *hex63 = repeat('a', 63);
	char *long_local = repeat('a', 250);
	char email255[300];
	snprintf(email255, sizeof(email255), "%s@x.de", long_local); /* 255 characters */
	const struct bad bad[] = {
		{ "/Request/RegistrationNumber", NULL, NULL },
		{ "/Request/RegistrationNumber", NULL, "" },
		{ "/Request/RegistrationNumber", NULL, " \t\n " },
		{ "/Request/RegistrationNumber", NULL, "POL 2026 42" },
		{ "/Request/RegistrationNumber", NULL, "POL-\xc3\xa9" },
		{ "/Request/RegistrationNumber", NULL, "POL<42>" },
		{ "/Request/RegistrationNumber", NULL, ref65 },
		{ "/Request/IssuedAt", NULL, "2026-03-01T09:30:00" },
		{ "/Request/IssuedAt", NULL, "2026-02-30T09:30:00Z" },
		{ "/Request/IssuedAt", NULL, "2026-03-01" },
		{ "/Request/IssuedAt", NULL, "2026-03-01T25:00:00Z" },
		{ "/Request/IssuedAt", NULL, "2026-03-01T09:30:00+15:00" },
		{ "/Request/IssuedAt", NULL, "yesterday" },
		{ "/Request/Priority", NULL, "Urgent" },
		{ "/Request/Priority", NULL, "urgent, please" },
		{ "/Request/IssuingAuthority/AgencyName", NULL, name201 },
		{ "/Request/IssuingAuthority/AgencyName", NULL, "bad \xff byte" },
		{ "/Request/IssuingAuthority/AgencyName", NULL, "overlong \xc0\xaf" },
		{ "/Request/IssuingAuthority/AgencyName", NULL, "surrogate \xed\xa0\x80" },
		{ "/Request/IssuingAuthority/AgencyName", NULL, "not a char \xef\xbf\xbe" },
		{ "/Request/IssuingAuthority/AgencyName", NULL, "control \x01 char" },
		{ "/Request/IssuingAuthority/AgencyName", NULL, "cut \xe2\x82" },
		{ "/Request/IssuingAuthority/PostalAddress/PostalCode", NULL, code17 },
		{ "/Request/IssuingAuthority/PostalAddress/Country", NULL, "UK" },
		{ "/Request/IssuingAuthority/PostalAddress/Country", NULL, "de" },
		{ "/Request/IssuingAuthority/PostalAddress/Country", NULL, "XX" },
		{ "/Request/IssuingAuthority/PostalAddress/Country", NULL, "DEU" },
		{ "/Request/IssuingAuthority/Switchboard", NULL, "+49 30 1234567" },
		{ "/Request/IssuingAuthority/Switchboard", NULL, "004930123456" },
		{ "/Request/IssuingAuthority/Switchboard", NULL, "+12345" },
		{ "/Request/IssuingAuthority/Switchboard", NULL, "+1234567890123456" },
		{ "/Request/IssuingAuthority/Switchboard", NULL, "+49-30-1234567" },
		{ "/Request/IssuingAuthority/Website", NULL, "ftp://police.example/" },
		{ "/Request/IssuingAuthority/Website", NULL, "www.police.example" },
		{ "/Request/IssuingAuthority/Website", NULL, "https://" },
		{ "/Request/IssuingAuthority/Website", NULL, "https://police example/" },
		{ "/Request/IssuingAuthority/Contact/Email", NULL, "jan@localhost" },
		{ "/Request/IssuingAuthority/Contact/Email", NULL, "jan de vries@police.example" },
		{ "/Request/IssuingAuthority/Contact/Email", NULL, "@police.example" },
		{ "/Request/IssuingAuthority/Contact/Email", NULL, "jan@@police.example" },
		{ "/Request/IssuingAuthority/Contact/Email", NULL, "jan@police..example" },
		{ "/Request/IssuingAuthority/Contact/Email", NULL, "jan@police.example." },
		{ "/Request/IssuingAuthority/Contact/Email", NULL, email255 },
		{ "/Request/Investigation/Summary", NULL, text4001 },
		{ "/Request/Preservation/Days", NULL, "0" },
		{ "/Request/Preservation/Days", NULL, "366" },
		{ "/Request/Preservation/Days", NULL, "ninety" },
		{ "/Request/Preservation/Days", NULL, "1.5" },
		{ "/Request/Preservation/Days", NULL, "99999999999999999999" },
		{ "/Request/Attachment/Digest", NULL, hex63 },
		{ "/Request/Attachment/Digest", NULL,
		  "ge5ef81ac622a2487a060a11831318a244ea192f8dfef57e24b984bc6d030217" },
		{ "/Request/Attachment/MediaType", NULL, "pdf" },
		{ "/Request/Attachment/MediaType", NULL, "application/" },
		{ "/Request/LegalBasis/Authorisation/IssuedOn", NULL, "2026-13-01" },
		{ "/Request/LegalBasis/Authorisation/IssuedOn", NULL, "01.03.2026" },
		{ "/Request/LegalBasis/Channel", NULL, "interpol" },
		{ "/Request/IssuingAuthority", NULL, "text in element content" },
		{ "/Request/DataRequested/Item/Identifier", "port", "-1" },
		{ "/Request/DataRequested/Item/Identifier", "port", "65536" },
		{ "/Request/DataRequested/Item/Identifier", "port", "https" },
		{ "/Request/DataRequested/Item/Identifier", "type", "ip" },
		{ "/Request/DataRequested/Item/Identifier", "type", NULL },
		{ "/Request/DataRequested/Item", "id", "1abc" },
		{ "/Request/DataRequested/Item", "id", "a b" },
		{ "/Request/DataRequested/Item", "id", "i1:x" },
		{ "/Request/DataRequested/Item", "id", "i2" }, /* the other Item's */
		{ "/Request/DataRequested/Item", "category", "Subscriber" },
		{ "/Request/DataRequested/Item", "colour", "blue" },
		{ "/Request/Confidentiality", "notify-subscriber", "1" },
		{ "/Request/LegalBasis/Provision", "jurisdiction", "EU" },
		{ "/Request/LegalBasis/Authorisation", "kind", "court" },
		{ "/Request/Attachment/Digest", "algorithm", "md5" },
		{ "/Request", "version", "2.0" },
		{ "/Request", "xml:lang", "english please" },
		{ "/Request", "xml:lang", "" },
		{ "/Request", "type", "emergency" },
		{ "/Request", "lang", "en" },
	};
	struct lerq_doc *doc = build_full();
	char *before = snapshot(doc);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct lerq_elem *e = lerq_doc_find(doc, bad[i].path);
		if (e == NULL)
			fail_msg("no element %s", bad[i].path);
		int r = bad[i].attr ? lerq_elem_set_attr(e, bad[i].attr, bad[i].value)
		                    : lerq_elem_set_text(e, bad[i].value);
		if (r != LERQ_EINVAL)
			fail_msg("case %zu: %s %s = \"%.40s\" gave %d", i, bad[i].path,
			         bad[i].attr ? bad[i].attr : "",
			         bad[i].value ? bad[i].value : "(NULL)", r);
		/* The message names the field. */
		const char *msg = lerq_doc_error(doc);
		const char *field = strrchr(bad[i].path, '/') + 1;
		if (strstr(msg, field) == NULL ||
		    (bad[i].attr && strstr(msg, bad[i].attr) == NULL))
			fail_msg("case %zu: message \"%s\"", i, msg);
		/* The same value in lerq_elem_add_text() adds nothing. */
		if (!bad[i].attr && strcmp(field, "IssuingAuthority") != 0) {
			struct lerq_elem *parent = lerq_doc_find(doc, bad[i].path);
			char parent_path[256];
			snprintf(parent_path, sizeof(parent_path), "%.*s",
			         (int)(strrchr(bad[i].path, '/') - bad[i].path), bad[i].path);
			parent = lerq_doc_find(doc, parent_path);
			assert_int_equal(lerq_elem_add_text(parent, field, bad[i].value, NULL),
			                 LERQ_EINVAL);
		}
		char *after = snapshot(doc);
		if (strcmp(before, after) != 0)
			fail_msg("case %zu changed the document", i);
		free(after);
	}
	assert_non_null(strstr(lerq_doc_error(doc), "lang"));
	struct lerq_elem *sw = lerq_doc_find(doc, "/Request/IssuingAuthority/Switchboard");
	assert_int_equal(lerq_elem_set_text(sw, "+49 30 1234567"), LERQ_EINVAL);
	assert_string_equal(lerq_doc_error(doc),
	                    "Switchboard \"+49 30 1234567\" is not valid: expected + then 6 to 15 "
	                    "digits, no spaces, e.g. +4930123456");
	assert_int_equal(lerq_elem_set_text(lerq_doc_find(doc, "/Request/Priority"), "Urgent"),
	                 LERQ_EINVAL);
	assert_string_equal(lerq_doc_error(doc), "Priority \"Urgent\" is not valid: expected one "
	                                         "of routine, urgent or emergency");
	free(before);
	lerq_doc_free(doc);
	free(ref65);
	free(name201);
	free(text4001);
	free(code17);
	free(hex63);
	free(long_local);
}

/* The largest values allowed, and values that are only badly spaced. */
static void test_good_values(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_doc *doc = build_full();
	char *ref64 = repeat('A', 64), *name200 = repeat('n', 200), *text4000 = repeat('t', 4000);
	char *code16 = repeat('1', 16), *long_local = repeat('a', 247);
	char email254[300];
	snprintf(email254, sizeof(email254), "%s@x.de", long_local);
	OK(doc, lerq_doc_set_registration_number(doc, ref64));
	OK(doc, lerq_elem_set_text(lerq_doc_find(doc, "/Request/IssuingAuthority/AgencyName"),
	                           name200));
	OK(doc, lerq_elem_set_text(lerq_doc_find(doc, "/Request/Investigation/Summary"),
	                           text4000));
	OK(doc, lerq_elem_set_text(lerq_doc_find(doc, "/Request/IssuingAuthority/PostalAddress/"
	                                              "PostalCode"), code16));
	OK(doc, lerq_elem_set_text(lerq_doc_find(doc, "/Request/ServiceProvider/Name"),
	                           "  Caf\xc3\xa9   \xe2\x82\xac\t\n Host \xf0\x9f\x98\x80 "));
	assert_string_equal(lerq_elem_text(lerq_doc_find(doc, "/Request/ServiceProvider/Name")),
	                    "Caf\xc3\xa9 \xe2\x82\xac Host \xf0\x9f\x98\x80");
	OK(doc, lerq_doc_add_contact(doc, "A", NULL, "+123456", email254, NULL));
	OK(doc, lerq_elem_set_attr(lerq_doc_find(doc, "/Request/DataRequested/Item[1]/Identifier"),
	                           "port", " 0 "));
	OK(doc, lerq_elem_set_attr(lerq_doc_find(doc, "/Request/DataRequested/Item[1]"), "id",
	                           "i1")); /* its own id again */
	OK(doc, lerq_elem_set_attr(lerq_doc_root(doc), "version", "1.0"));
	OK(doc, lerq_elem_set_attr(lerq_doc_root(doc), "xml:lang", "de-CH"));
	OK(doc, lerq_elem_set_text(lerq_doc_find(doc, "/Request/Preservation/Days"), "365"));
	OK(doc, lerq_elem_set_attr(lerq_doc_find(doc, "/Request/LegalBasis/Provision"),
	                           "jurisdiction", "INT"));
	/* The second Item still needs its Identifier and category. */
	struct lerq_elem *item = lerq_doc_find(doc, "/Request/DataRequested/Item[2]");
	OK(doc, lerq_elem_set_attr(item, "category", "subscriber"));
	OK(doc, lerq_elem_set_attr(add_text(doc, item, "Identifier", "holder@mail.example"),
	                           "type", "email"));
	add_text(doc, item, "Relevance", "The holder is a suspect.");
	struct lerq_elem *auth = lerq_doc_find(doc, "/Request/LegalBasis/Authorisation");
	OK(doc, lerq_elem_set_text(lerq_elem_child(auth, "IssuedOn", 0), "2026-11-15"));
	add_text(doc, auth, "IssuedBy", "Judge");
	add_text(doc, auth, "Reference", "RC 1");
	free(write_valid(ctx, doc, NULL));
	lerq_doc_free(doc);
	free(ref64);
	free(name200);
	free(text4000);
	free(code16);
	free(long_local);
	lerq_ctx_free(ctx);
}

static void test_times(void **state)
{
	struct lerq_doc *doc = build_full();
	struct lerq_elem *issued = lerq_doc_find(doc, "/Request/IssuedAt");
	struct lerq_elem *on = lerq_doc_find(doc, "/Request/LegalBasis/Authorisation/IssuedOn");
	static const struct {
		lerq_time_t t;
		int offset;
		const char *datetime, *date;
	} cases[] = {
		{ 0, 0, "1970-01-01T00:00:00Z", "1970-01-01" },
		{ -1, 0, "1969-12-31T23:59:59Z", "1969-12-31" },
		{ TEST_NOW, 60, "2026-11-26T13:00:00+01:00", "2026-11-26" },
		{ TEST_NOW, -330, "2026-11-26T06:30:00-05:30", "2026-11-26" },
		{ TEST_NOW + 11 * 3600, 840, "2026-11-27T13:00:00+14:00", "2026-11-27" },
		{ TEST_NOW, -840, "2026-11-25T22:00:00-14:00", "2026-11-25" },
		{ 951782400, 0, "2000-02-29T00:00:00Z", "2000-02-29" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		OK(doc, lerq_elem_set_time(issued, cases[i].t, cases[i].offset));
		assert_string_equal(lerq_elem_text(issued), cases[i].datetime);
		OK(doc, lerq_elem_set_time(on, cases[i].t, cases[i].offset));
		assert_string_equal(lerq_elem_text(on), cases[i].date);
	}
	OK(doc, lerq_doc_set_issued_at(doc, LERQ_NOW_CLOCK, 0));
	lerq_time_t t;
	assert_int_equal(lerq_time_parse(lerq_elem_text(issued), &t), LERQ_OK);
	assert_true(t > TEST_NOW - 86400 * 365 * 10);

	assert_int_equal(lerq_elem_set_time(issued, TEST_NOW, 841), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_time(issued, TEST_NOW, -841), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_time(issued, INT64_C(253402300800), 0), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_time(issued, INT64_C(-62135596801), 0), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_time(issued, INT64_MAX, 0), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_time(issued, INT64_MIN + 1, 0), LERQ_EINVAL);
	assert_int_equal(lerq_doc_set_issued_at(doc, TEST_NOW, 900), LERQ_EINVAL);
	assert_non_null(strstr(lerq_doc_error(doc), "IssuedAt"));
	assert_int_equal(lerq_elem_set_time(lerq_doc_find(doc, "/Request/Priority"), 0, 0),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_time(lerq_doc_find(doc, "/Request/LegalBasis"), 0, 0),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_time(NULL, 0, 0), LERQ_EINVAL);
	assert_string_equal(lerq_elem_text(issued), lerq_elem_text(issued));
	lerq_doc_free(doc);
}

static void test_structure_refusals(void **state)
{
	struct lerq_doc *doc = build_full();
	struct lerq_elem *root = lerq_doc_root(doc), *e = NULL;
	struct lerq_elem *item = lerq_doc_find(doc, "/Request/DataRequested/Item[1]");
	struct lerq_elem *pa = lerq_doc_find(doc, "/Request/IssuingAuthority/PostalAddress");
	char *before = snapshot(doc);

	assert_int_equal(lerq_elem_add(root, "Foo", &e), LERQ_EINVAL);
	assert_non_null(strstr(lerq_doc_error(doc), "Foo"));
	assert_int_equal(lerq_elem_add(root, "Contact", &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add(root, "RegistrationNumber", &e), LERQ_EINVAL);
	assert_non_null(strstr(lerq_doc_error(doc), "RegistrationNumber"));
	assert_int_equal(lerq_elem_add(root, "Signature", &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add(root, "Response", &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add(root, "", &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add(item, "At", &e), LERQ_EINVAL); /* it has a Period */
	assert_non_null(strstr(lerq_doc_error(doc), "Period"));
	assert_int_equal(lerq_elem_add_text(root, "IssuingAuthority", "x", &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add_text(root, "Priority", "urgent", &e), LERQ_EINVAL);
	assert_null(e);
	assert_int_equal(lerq_elem_remove(root), LERQ_EINVAL);
	char *after = snapshot(doc);
	assert_string_equal(before, after);
	free(after);

	/* Four address lines, not five. */
	add_text(doc, pa, "Line", "2");
	add_text(doc, pa, "Line", "3");
	add_text(doc, pa, "Line", "4");
	assert_int_equal(lerq_elem_add_text(pa, "Line", "5", NULL), LERQ_EINVAL);
	assert_int_equal(lerq_elem_count(pa, "Line"), 4);
	assert_string_equal(lerq_elem_text(lerq_elem_child(pa, "Line", 3)), "4");

	/* NULL everywhere. */
	assert_int_equal(lerq_elem_add(NULL, "Unit", &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add(root, NULL, &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add_text(NULL, "Unit", "x", &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add_text(root, NULL, "x", &e), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_text(NULL, "x"), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_attr(NULL, "id", "x"), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_attr(item, NULL, "x"), LERQ_EINVAL);
	assert_int_equal(lerq_elem_remove(NULL), LERQ_EINVAL);
	assert_null(lerq_elem_name(NULL));
	assert_null(lerq_elem_text(NULL));
	assert_null(lerq_elem_attr(NULL, "id"));
	assert_null(lerq_elem_attr(item, NULL));
	assert_null(lerq_elem_attr(item, "colour"));
	assert_int_equal(lerq_elem_count(NULL, "Item"), 0);
	assert_int_equal(lerq_elem_count(item, NULL), 0);
	assert_null(lerq_elem_child(NULL, "Item", 0));
	assert_null(lerq_elem_child(item, NULL, 0));
	assert_null(lerq_doc_root(NULL));
	assert_null(lerq_doc_find(NULL, "/Request"));
	assert_null(lerq_doc_find(doc, NULL));
	assert_int_equal(lerq_doc_kind(NULL), 0);
	assert_string_equal(lerq_doc_error(NULL), "");
	assert_int_equal(lerq_doc_set_registration_number(NULL, "X"), LERQ_EINVAL);
	assert_int_equal(lerq_doc_set_registration_number(doc, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_doc_set_issued_at(NULL, 0, 0), LERQ_EINVAL);
	assert_int_equal(lerq_doc_add_contact(NULL, "A", NULL, "+123456", "a@b.de", NULL),
	                 LERQ_EINVAL);
	lerq_doc_free(NULL);
	free(before);
	lerq_doc_free(doc);

	struct lerq_doc *d = NULL;
	assert_int_equal(lerq_doc_new(0, "en", &d), LERQ_EINVAL);
	assert_int_equal(lerq_doc_new(5, "en", &d), LERQ_EINVAL);
	assert_int_equal(lerq_doc_new(LERQ_DOC_RESPONSE, NULL, &d), LERQ_EINVAL);
	assert_int_equal(lerq_doc_new(LERQ_DOC_RESPONSE, "", &d), LERQ_EINVAL);
	assert_int_equal(lerq_doc_new(LERQ_DOC_RESPONSE, "not a language", &d), LERQ_EINVAL);
	assert_int_equal(lerq_doc_new(LERQ_DOC_RESPONSE, "en", NULL), LERQ_EINVAL);
	assert_null(d);
	assert_int_equal(lerq_doc_new(LERQ_DOC_RESPONSE, "en", &d), LERQ_OK);
	assert_string_equal(lerq_doc_error(d), "");
	/* Request-only names do not exist in a response. */
	assert_int_equal(lerq_elem_add(lerq_doc_root(d), "Priority", NULL), LERQ_EINVAL);
	assert_int_equal(lerq_elem_set_attr(lerq_doc_root(d), "type", "disclosure"), LERQ_EINVAL);
	lerq_doc_free(d);
}

/* A contact is added whole or not at all. */
static void test_add_contact_atomic(void **state)
{
	struct lerq_doc *doc = NULL;
	assert_int_equal(lerq_doc_new(LERQ_DOC_REQUEST_DISCLOSURE, "en", &doc), LERQ_OK);
	struct lerq_elem *root = lerq_doc_root(doc), *c = NULL;
	static const char *const args[][4] = {
		{ NULL, NULL, "+31201234568", "a@police.example" },
		{ "", NULL, "+31201234568", "a@police.example" },
		{ "A", "", "+31201234568", "a@police.example" },
		{ "A", NULL, NULL, "a@police.example" },
		{ "A", NULL, "020 123 4568", "a@police.example" },
		{ "A", NULL, "+31201234568", NULL },
		{ "A", NULL, "+31201234568", "a.police.example" },
	};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++) {
		assert_int_equal(lerq_doc_add_contact(doc, args[i][0], args[i][1], args[i][2],
		                                      args[i][3], &c), LERQ_EINVAL);
		assert_null(c);
		assert_int_equal(lerq_elem_count(root, "IssuingAuthority"), 0);
		assert_non_null(strstr(lerq_doc_error(doc), "Contact/"));
	}
	OK(doc, lerq_doc_add_contact(doc, "A", "Officer", "+31201234568", "a@police.example", &c));
	assert_string_equal(lerq_elem_name(c), "Contact");
	assert_string_equal(lerq_elem_text(lerq_elem_child(c, "Title", 0)), "Officer");
	assert_int_equal(lerq_doc_add_contact(doc, "B", NULL, "+31201234568", "b@", NULL),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_elem_count(lerq_elem_child(root, "IssuingAuthority", 0), "Contact"),
	                 1);
	lerq_doc_free(doc);
}

/* Format revision 1.1: ServiceNumber, CaseReference, Threat, Supervisor
 * and Confidentiality/Provision are built like every other field, refused
 * like them when malformed, and kept in the schema's order. */
static void test_revision_1_1_fields(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_doc *doc = build_request(LERQ_DOC_REQUEST_DISCLOSURE);
	struct lerq_elem *root = lerq_doc_root(doc), *e = NULL;
	char *ref65 = repeat('7', 65);
	OK(doc, lerq_elem_set_text(lerq_elem_child(root, "Priority", 0), "emergency"));

	/* ServiceNumber: a ref, once per Contact. */
	struct lerq_elem *contact = lerq_doc_find(doc, "/Request/IssuingAuthority/Contact[1]");
	char *before = snapshot(doc);
	static const char *const bad_refs[] = { "NL 4711", "NL-4711#", "" };
	for (size_t i = 0; i < sizeof(bad_refs) / sizeof(bad_refs[0]); i++) {
		assert_int_equal(lerq_elem_add_text(contact, "ServiceNumber", bad_refs[i], &e),
		                 LERQ_EINVAL);
		assert_null(e);
		assert_non_null(strstr(lerq_doc_error(doc), "ServiceNumber"));
	}
	assert_int_equal(lerq_elem_add_text(contact, "ServiceNumber", ref65, NULL), LERQ_EINVAL);
	char *after = snapshot(doc);
	assert_string_equal(before, after);
	free(after);
	free(before);
	e = add_text(doc, contact, "ServiceNumber", "  NL-4711/B ");
	assert_string_equal(lerq_elem_text(e), "NL-4711/B");
	assert_int_equal(lerq_elem_add_text(contact, "ServiceNumber", "2", NULL), LERQ_EINVAL);
	assert_non_null(strstr(lerq_doc_error(doc), "ServiceNumber"));
	/* Not a child of the authority itself, nor of AuthorisedBy. */
	assert_int_equal(lerq_elem_add_text(lerq_elem_child(root, "IssuingAuthority", 0),
	                                    "ServiceNumber", "1", NULL), LERQ_EINVAL);

	/* CaseReference: a ref, after Summary whatever the order of calls. */
	struct lerq_elem *inv = lerq_elem_child(root, "Investigation", 0);
	assert_int_equal(lerq_elem_add_text(inv, "CaseReference", "case 17", NULL), LERQ_EINVAL);
	assert_non_null(strstr(lerq_doc_error(doc), "CaseReference"));
	add_text(doc, inv, "CaseReference", "OPS-2026-0117");

	/* Emergency, its children added backwards. */
	struct lerq_elem *em = add(doc, root, "Emergency");
	struct lerq_elem *sup = add(doc, em, "Supervisor");
	assert_int_equal(lerq_elem_add(em, "Supervisor", NULL), LERQ_EINVAL);
	assert_int_equal(lerq_elem_add_text(sup, "Phone", "020 123 4500", NULL), LERQ_EINVAL);
	assert_non_null(strstr(lerq_doc_error(doc), "Phone"));
	add_text(doc, sup, "Phone", "+31201234500");
	add_text(doc, sup, "Role", "Duty officer");
	add_text(doc, sup, "Name", "Marloes Bakker");
	assert_int_equal(lerq_elem_add_text(sup, "Email", "m@police.example", NULL), LERQ_EINVAL);
	struct lerq_elem *oral = add(doc, em, "OralRequest");
	add_text(doc, oral, "ReceivedBy", "Eva Jansen");
	OK(doc, lerq_elem_set_time(add(doc, oral, "At"), ISSUED - 600, 60));
	assert_int_equal(lerq_elem_add_text(em, "Threat", "kidnapping", NULL), LERQ_EINVAL);
	assert_string_equal(lerq_doc_error(doc),
	                    "Threat \"kidnapping\" is not valid: expected one of death, "
	                    "serious-injury, child-safety, critical-infrastructure or other");
	struct lerq_elem *threat = add_text(doc, em, "Threat", " child-safety ");
	add_text(doc, em, "Justification", "A child is in danger.");
	OK(doc, lerq_elem_set_text(threat, "death"));
	assert_int_equal(lerq_elem_set_text(threat, "Death"), LERQ_EINVAL);
	assert_string_equal(lerq_elem_text(threat), "death");

	/* Confidentiality/Provision: repeated, with a jurisdiction. */
	struct lerq_elem *conf = add(doc, root, "Confidentiality");
	OK(doc, lerq_elem_set_attr(conf, "notify-subscriber", "false"));
	for (int i = 0; i < 2; i++) {
		e = add(doc, conf, "Provision");
		assert_int_equal(lerq_elem_set_attr(e, "jurisdiction", "EU"), LERQ_EINVAL);
		assert_non_null(strstr(lerq_doc_error(doc), "jurisdiction"));
		OK(doc, lerq_elem_set_attr(e, "jurisdiction", i ? "INT" : "NL"));
		add_text(doc, e, "Article", i ? "16.3" : "126bb");
		add_text(doc, e, "Instrument",
		         i ? "Convention on Cybercrime" : "Wetboek van Strafvordering");
	}
	add_text(doc, conf, "Reason", "Evidence would be destroyed.");
	assert_int_equal(lerq_elem_count(conf, "Provision"), 2);

	/* Valid, with no finding at all (R022 is satisfied by the Supervisor),
	 * and in the schema's order. */
	char *data = NULL;
	size_t n = 0;
	struct lerq_report *report = NULL;
	OK(doc, lerq_doc_write_memory(ctx, doc, TEST_NOW, &data, &n, &report));
	assert_no_findings(report);
	lerq_report_free(report);
	const char *order[] = {
		"<Email>", "<ServiceNumber>NL-4711/B</ServiceNumber>", "</Contact>",
		"<Summary>", "<CaseReference>OPS-2026-0117</CaseReference>", "</Investigation>",
		"<Justification>", "<Threat>death</Threat>", "<OralRequest>", "<Supervisor>",
		"<Name>Marloes Bakker</Name>", "<Role>Duty officer</Role>",
		"<Phone>+31201234500</Phone>", "</Emergency>",
		"<Reason>", "<Provision jurisdiction=\"NL\">", "<Instrument>Wetboek",
		"<Article>126bb</Article>", "<Provision jurisdiction=\"INT\">", "</Confidentiality>",
	};
	const char *at = data;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const char *p = strstr(at, order[i]);
		if (p == NULL)
			fail_msg("\"%s\" missing or out of order in:\n%s", order[i], data);
		at = p;
	}
	lerq_doc_free(doc);

	/* Read back. */
	report = NULL;
	OK(doc, lerq_doc_parse_memory(ctx, data, n, TEST_NOW, 0, &doc, &report));
	assert_no_findings(report);
	lerq_report_free(report);
#define TEXT_AT(path) lerq_elem_text(lerq_doc_find(doc, path))
	assert_string_equal(TEXT_AT("/Request/Emergency/Supervisor/Phone"), "+31201234500");
	assert_string_equal(TEXT_AT("/Request/Emergency/Threat"), "death");
	assert_string_equal(TEXT_AT("/Request/Investigation/CaseReference"), "OPS-2026-0117");
	assert_string_equal(TEXT_AT("/Request/IssuingAuthority/Contact[1]/ServiceNumber"),
	                    "NL-4711/B");
#undef TEXT_AT
	assert_string_equal(lerq_elem_attr(lerq_doc_find(doc, "/Request/Confidentiality/Provision[2]"),
	                                   "jurisdiction"), "INT");
	lerq_doc_free(doc);
	free(data);

	/* A response's Contact takes a ServiceNumber too. */
	doc = build_response();
	contact = lerq_doc_find(doc, "/Response/Responder/Contact[1]");
	assert_int_equal(lerq_elem_add_text(contact, "ServiceNumber", "EH 0815", NULL), LERQ_EINVAL);
	add_text(doc, contact, "ServiceNumber", "EH-0815");
	data = write_valid(ctx, doc, NULL);
	assert_non_null(strstr(data, "</Email>\n      <ServiceNumber>EH-0815</ServiceNumber>"));
	/* Revision 1.1 names in a response stop at the Contact. */
	assert_int_equal(lerq_elem_add(lerq_doc_root(doc), "Emergency", NULL), LERQ_EINVAL);
	free(data);
	lerq_doc_free(doc);
	free(ref65);
	lerq_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_good_values),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_structure_refusals),
		cmocka_unit_test(test_add_contact_atomic),
		cmocka_unit_test(test_revision_1_1_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
