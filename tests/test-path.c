/* SPDX-License-Identifier: MIT */
/* XPaths of nodes, as findings show them. */
#include "lerq-test.h"
#include "core/lerq-private.h"

static const char doc_text[] =
	"<Request xmlns='urn:lerq:xml:1' xml:lang='en' type='disclosure'>"
	"<IssuingAuthority><Contact><Email>a@b.example</Email></Contact>"
	"<Contact><Email>c@b.example</Email></Contact></IssuingAuthority>"
	"<Investigation><Offence>x</Offence><Summary>y</Summary></Investigation>"
	"</Request>";

static void test_paths(void **state)
{
	xmlDocPtr doc = xmlReadMemory(doc_text, (int)strlen(doc_text), NULL, NULL, 0);
	assert_non_null(doc);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *p = lerq__node_path(root);
	assert_string_equal(p, "/Request");
	free(p);

	xmlNodePtr authority = root->children;
	xmlNodePtr contact2 = authority->children->next;
	p = lerq__node_path(contact2->children);
	assert_string_equal(p, "/Request/IssuingAuthority/Contact[2]/Email");
	free(p);
	/* A repeatable element keeps its position even when alone. */
	xmlNodePtr offence = authority->next->children;
	p = lerq__node_path(offence);
	assert_string_equal(p, "/Request/Investigation/Offence[1]");
	free(p);
	p = lerq__node_path(offence->next);
	assert_string_equal(p, "/Request/Investigation/Summary");
	free(p);

	p = lerq__node_path((xmlNodePtr)xmlHasProp(root, BAD_CAST "type"));
	assert_string_equal(p, "/Request/@type");
	free(p);
	p = lerq__node_path((xmlNodePtr)root->properties);
	assert_string_equal(p, "/Request/@xml:lang");
	free(p);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
