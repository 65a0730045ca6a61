/* SPDX-License-Identifier: MIT */
/*
 * The letter model (doc/letter-model.md), which the PDF typesetter of
 * issue 8 will lay out, and the stylesheets and catalogues it is made
 * with: private functions, so this test links the internal library.
 */
#include "core/lerq-private.h"
#include "letter/letter.h"
#include "render-test.h"

/* The model the PDF typesetter will lay out (doc/letter-model.md). */
static void test_letter_model(void **state)
{
	struct fixture *f = *state;
	size_t size;
	char *data = slurp(EXAMPLE("emergency-request.xml"), &size);
	struct lerq_report *report = NULL;
	xmlDocPtr doc = NULL;
	assert_int_equal(lerq__validate_doc(f->ctx, data, size, TEST_NOW, &report, &doc), LERQ_OK);
	assert_non_null(doc);
	xmlDocPtr model = NULL;
	assert_int_equal(lerq__letter_model(f->renderer, doc, size, report, &model), LERQ_OK);
	xmlNodePtr root = xmlDocGetRootElement(model);
	assert_string_equal((const char *)root->name, "letter");
	assert_string_equal((const char *)root->ns->href, "urn:lerq:letter:1");
	static const char *const expected[] = {
		"meta", "style", "letterhead", "notice", "recipient", "dateline", "references",
		"subject", "salutation", "para", "section", "closing", "signature", "footer",
	};
	size_t found = 0;
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		while (found < sizeof(expected) / sizeof(expected[0]) &&
		       strcmp((const char *)n->name, expected[found]) != 0)
			found++;
		if (found == sizeof(expected) / sizeof(expected[0]))
			fail_msg("<%s> out of order in the model", (const char *)n->name);
	}
	xmlChar *lang = xmlGetProp(root, BAD_CAST "lang");
	assert_string_equal((const char *)lang, "en");
	xmlFree(lang);
	xmlFreeDoc(model);
	xmlFreeDoc(doc);
	lerq_report_free(report);
	free(data);
}

static void make_model(struct fixture *f, const char *path)
{
	size_t size;
	char *data = slurp(path, &size);
	struct lerq_report *report = NULL;
	xmlDocPtr doc = NULL, model = NULL;
	assert_int_equal(lerq__validate_doc(f->ctx, data, size, TEST_NOW, &report, &doc), LERQ_OK);
	assert_int_equal(lerq__letter_model(f->renderer, doc, size, report, &model), LERQ_OK);
	xmlFreeDoc(model);
	xmlFreeDoc(doc);
	lerq_report_free(report);
	free(data);
}

/* A catalogue is parsed once per renderer, the first time a letter
 * needs it (issue 18), not once per letter. */
static void test_catalogues_parsed_once(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(lerq__stylesheets_catalogue_count(f->renderer->stylesheets), 0);
	make_model(f, EXAMPLE("emergency-request.xml"));
	make_model(f, EXAMPLE("response.xml"));
	assert_int_equal(lerq__stylesheets_catalogue_count(f->renderer->stylesheets), 1);
	make_model(f, EXAMPLE("cross-border-request.xml")); /* French, and English */
	make_model(f, EXAMPLE("cross-border-request.xml"));
	make_model(f, EXAMPLE("disclosure-request.xml"));
	assert_int_equal(lerq__stylesheets_catalogue_count(f->renderer->stylesheets), 2);
}

/* Every message of the English catalogue exists in French, German and
 * Spanish, with the same placeholders (date and time formats excepted). */
static void test_catalogues_complete(void **state)
{
	static const char *const langs[] = { "fr", "de", "es" };
	const struct lerq_resource *en = lerq__resource_find("l10n/en.xml");
	assert_non_null(en);
	xmlDocPtr english = xmlReadMemory((const char *)en->data, (int)en->size, NULL, NULL, 0);
	assert_non_null(english);
	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		char name[32];
		snprintf(name, sizeof(name), "l10n/%s.xml", langs[i]);
		const struct lerq_resource *res = lerq__resource_find(name);
		assert_non_null(res);
		xmlDocPtr other = xmlReadMemory((const char *)res->data, (int)res->size, NULL, NULL, 0);
		assert_non_null(other);
		size_t msgs = 0, countries = 0;
		for (xmlNodePtr m = xmlDocGetRootElement(english)->children; m; m = m->next) {
			if (m->type != XML_ELEMENT_NODE)
				continue;
			bool is_msg = xmlStrEqual(m->name, BAD_CAST "msg");
			const char *key = is_msg ? "id" : "code";
			xmlChar *id = xmlGetProp(m, BAD_CAST key);
			xmlChar *text = xmlNodeGetContent(m);
			bool ok = false;
			for (xmlNodePtr o = xmlDocGetRootElement(other)->children; o; o = o->next) {
				xmlChar *oid = o->type == XML_ELEMENT_NODE ? xmlGetProp(o, BAD_CAST key) : NULL;
				if (oid && xmlStrEqual(o->name, m->name) && xmlStrEqual(oid, id)) {
					xmlChar *otext = xmlNodeGetContent(o);
					ok = xmlStrlen(otext) > 0;
					/* Date and time formats pick the parts
					 * they need (format.time: {1} or {4}). */
					bool any = xmlStrncmp(id, BAD_CAST "format.", 7) == 0;
					for (int p = 1; ok && !any && p <= 5; p++) {
						char ph[4] = { '{', (char)('0' + p), '}', 0 };
						ok = (strstr((const char *)text, ph) != NULL) ==
						     (strstr((const char *)otext, ph) != NULL);
					}
					xmlFree(otext);
				}
				xmlFree(oid);
			}
			if (!ok)
				fail_msg("%s: %s \"%s\" is missing or has other placeholders", langs[i],
				         key, (const char *)id);
			if (is_msg)
				msgs++;
			else
				countries++;
			xmlFree(text);
			xmlFree(id);
		}
		assert_true(msgs > 150);
		assert_int_equal(countries, 249);
		xmlFreeDoc(other);
	}
	xmlFreeDoc(english);
}

/* "No disable-output-escaping anywhere", checked. */
static void test_no_disable_output_escaping(void **state)
{
	static const char *const names[] = {
		"letter.xsl", "letter-l10n.xsl", "letter-request.xsl", "letter-response.xsl",
		"html.xsl", "text.xsl",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct lerq_resource *res = lerq__resource_find(names[i]);
		assert_non_null(res);
		assert_lacks((const char *)res->data, "disable-output-escaping");
	}
	char *example = slurp(EXAMPLE("letterhead/letterhead.xsl"), NULL);
	assert_lacks(example, "disable-output-escaping");
	free(example);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_letter_model, setup, teardown),
		cmocka_unit_test_setup_teardown(test_catalogues_parsed_once, setup, teardown),
		cmocka_unit_test(test_catalogues_complete),
		cmocka_unit_test(test_no_disable_output_escaping),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
