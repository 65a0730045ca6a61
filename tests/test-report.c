/* SPDX-License-Identifier: MIT */
/* Reports as data for bindings: lerq_report_to_json() (the spec's JSON
 * Lines, section 5) and the code table (lerq_code_count(),
 * lerq_code_get()) against the spec's table of codes (section 4). That
 * the JSON is the CLI's own bytes is checked in test-cli.c. */
#include "lerq-test.h"
#include "core/lerq-private.h"

static char *to_json(const struct lerq_report *report, const char *file)
{
	char *json = NULL;
	size_t size = 0;
	assert_int_equal(lerq_report_to_json(report, file, &json, &size), LERQ_OK);
	assert_non_null(json);
	assert_int_equal(strlen(json), size);
	return json;
}

static void test_json_empty_report(void **state)
{
	struct lerq_report *report = lerq__report_new();
	assert_non_null(report);
	char *json = to_json(report, "a.xml");
	assert_string_equal(json, "{\"file\": \"a.xml\", \"valid\": true, \"errors\": 0, "
	                          "\"warnings\": 0}\n");
	free(json);
	lerq_report_free(report);
}

static void test_json_findings(void **state)
{
	struct lerq_report *report = lerq__report_new();
	assert_non_null(report);
	assert_int_equal(lerq__report_add(report, "LERQ-R001", LERQ_SEVERITY_ERROR,
	                                  "The Email \"x@gmail.com\" is\tfree\\mail.", 14, 7,
	                                  "/Request/IssuingAuthority/Contact[1]/Email", "G§24"),
	                 LERQ_OK);
	assert_int_equal(lerq__report_add(report, "LERQ-R018", LERQ_SEVERITY_WARNING,
	                                  "ctl \x01\x1f\n\r\b\f end", 0, 0, NULL, NULL),
	                 LERQ_OK);
	char *json = to_json(report, "dir/r\xc3\xa9q.xml");
	assert_string_equal(json,
		"{\"file\": \"dir/r\xc3\xa9q.xml\", \"line\": 14, \"column\": 7, "
		"\"severity\": \"error\", \"code\": \"LERQ-R001\", "
		"\"message\": \"The Email \\\"x@gmail.com\\\" is\\tfree\\\\mail.\", "
		"\"path\": \"/Request/IssuingAuthority/Contact[1]/Email\", \"ref\": \"G§24\"}\n"
		"{\"file\": \"dir/r\xc3\xa9q.xml\", \"line\": 0, \"column\": 0, "
		"\"severity\": \"warning\", \"code\": \"LERQ-R018\", "
		"\"message\": \"ctl \\u0001\\u001f\\n\\r\\b\\f end\", \"path\": \"\", \"ref\": \"\"}\n"
		"{\"file\": \"dir/r\xc3\xa9q.xml\", \"valid\": false, \"errors\": 1, "
		"\"warnings\": 1}\n");
	free(json);
	lerq_report_free(report);
}

/* A file name that is not UTF-8 (overlong, surrogate, stray continuation,
 * cut short) still gives valid UTF-8 JSON. */
static void test_json_bad_utf8_name(void **state)
{
	struct lerq_report *report = lerq__report_new();
	assert_non_null(report);
	char *json = to_json(report, "a\xc0\xaf\xed\xa0\x80\x80z\xe2\x82");
	assert_string_equal(json, "{\"file\": \"a\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffdz"
	                          "\\ufffd\\ufffd\", \"valid\": true, \"errors\": 0, "
	                          "\"warnings\": 0}\n");
	free(json);
	lerq_report_free(report);
}

/* Findings beyond the limit are not listed but still counted. */
static void test_json_suppressed(void **state)
{
	struct lerq_report *report = lerq__report_new();
	assert_non_null(report);
	lerq__report_set_limit(report, 1);
	for (int i = 0; i < 3; i++)
		assert_int_equal(lerq__report_add(report, "LERQ-S001", LERQ_SEVERITY_ERROR, "m", 1,
		                                  1, "/Request", ""),
		                 LERQ_OK);
	char *json = to_json(report, "-");
	/* The summary follows the one finding listed. */
	size_t second = strcspn(json, "\n") + 1;
	assert_string_equal(json + second, "{\"file\": \"-\", \"valid\": false, \"errors\": 3, "
	                                   "\"warnings\": 0}\n");
	free(json);
	lerq_report_free(report);
}

static void test_json_refusals(void **state)
{
	struct lerq_report *report = lerq__report_new();
	char *json = NULL;
	assert_int_equal(lerq_report_to_json(NULL, "a", &json, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_report_to_json(report, NULL, &json, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_report_to_json(report, "a", NULL, NULL), LERQ_EINVAL);
	assert_null(json);
	/* out_size may be NULL. */
	assert_int_equal(lerq_report_to_json(report, "a", &json, NULL), LERQ_OK);
	free(json);
	lerq_report_free(report);
}

#define ERR LERQ_SEVERITY_ERROR
#define WARN LERQ_SEVERITY_WARNING

/* The spec's table of codes (format.md, sections 4 and 6), and lerq's
 * own configuration and letter codes (CONTRIBUTING.md). Rows marked
 * later are the format 1.1 codes other work adds: checked when present. */
static const struct {
	const char *code;
	enum lerq_severity severity;
	const char *ref;
	bool later;
} spec_codes[] = {
	{ "LERQ-P001", ERR, "", false },
	{ "LERQ-P002", ERR, "", false },
	{ "LERQ-P003", ERR, "", false },
	{ "LERQ-S001", ERR, "", false },
	{ "LERQ-S002", ERR, "", false },
	{ "LERQ-R001", ERR, "G§24", false },
	{ "LERQ-R002", WARN, "G§24", false },
	{ "LERQ-R003", ERR, "G§25", false },
	{ "LERQ-R004", ERR, "G§31", false },
	{ "LERQ-R005", WARN, "G§31", false },
	{ "LERQ-R006", ERR, "G§27", false },
	{ "LERQ-R007", WARN, "G§27", false },
	{ "LERQ-R008", ERR, "G§27", false },
	{ "LERQ-R009", WARN, "G§27", false },
	{ "LERQ-R010", ERR, "G§27", false },
	{ "LERQ-R011", ERR, "C-Art 15", false },
	{ "LERQ-R012", ERR, "C-Art 29.2", false },
	{ "LERQ-R013", ERR, "C-Art 29.7", false },
	{ "LERQ-R014", ERR, "G§36", false },
	{ "LERQ-R015", ERR, "G§34", false },
	{ "LERQ-R015", WARN, "G§34", false },
	{ "LERQ-R016", ERR, "G§35", false },
	{ "LERQ-R017", ERR, "G§32", false },
	{ "LERQ-R018", WARN, "G§24", false },
	{ "LERQ-R019", ERR, "G§18", false },
	{ "LERQ-R020", WARN, "G§26", true },
	{ "LERQ-R021", WARN, "C-Art 16.2", true },
	{ "LERQ-R022", WARN, "G§24, G§34", true },
	{ "LERQ-R101", ERR, "G§57", false },
	{ "LERQ-R102", ERR, "C-Art 29.7", false },
	{ "LERQ-R103", ERR, "G§54", false },
	{ "LERQ-R104", ERR, "G§53", false },
	{ "LERQ-R201", ERR, "G§52", false },
	{ "LERQ-R202", ERR, "G§57", false },
	{ "LERQ-R203", ERR, "G§55", false },
	{ "LERQ-R204", WARN, "G§54", false },
	{ "LERQ-V001", ERR, "G§51", true },
	{ "LERQ-V002", ERR, "G§51", true },
	{ "LERQ-V003", ERR, "G§51", true },
	{ "LERQ-V004", ERR, "G§51", true },
	{ "LERQ-V005", ERR, "G§24", true },
	{ "LERQ-V006", WARN, "G§24", true },
	{ "LERQ-V007", WARN, "G§51", true },
	{ "LERQ-C001", ERR, "", false },
	{ "LERQ-L001", WARN, "", false },
	{ "LERQ-L002", ERR, "", false },
	{ "LERQ-L003", ERR, "", false },
};
#define SPEC_COUNT (sizeof(spec_codes) / sizeof(spec_codes[0]))

static bool well_formed_code(const char *code)
{
	return strlen(code) == 9 && strncmp(code, "LERQ-", 5) == 0 &&
	       strchr("PSRCLV", code[5]) != NULL && code[6] >= '0' && code[6] <= '9' &&
	       code[7] >= '0' && code[7] <= '9' && code[8] >= '0' && code[8] <= '9';
}

static void test_code_table_matches_spec(void **state)
{
	size_t n = lerq_code_count();
	bool seen[SPEC_COUNT] = { false };
	assert_true(n >= 37); /* the rows of format 1.0 */
	for (size_t i = 0; i < n; i++) {
		const char *code = NULL, *ref = NULL, *title = NULL;
		enum lerq_severity severity = 99;
		assert_int_equal(lerq_code_get(i, &code, &severity, &ref, &title), LERQ_OK);
		assert_non_null(code);
		assert_non_null(ref);
		assert_non_null(title);
		if (!well_formed_code(code))
			fail_msg("row %zu: code \"%s\"", i, code);
		assert_true(severity == ERR || severity == WARN);
		assert_true(title[0] != '\0');
		/* The public rows are the one internal table. */
		const struct lerq__code_info *info = lerq__code_info((enum lerq_code)i);
		assert_ptr_equal(info->code, code);
		assert_ptr_equal(info->title, title);
		/* A code the spec lists has the spec's severity and ref. */
		bool listed = false;
		for (size_t s = 0; s < SPEC_COUNT; s++) {
			if (strcmp(spec_codes[s].code, code) != 0 || spec_codes[s].severity != severity)
				continue;
			if (strcmp(spec_codes[s].ref, ref) != 0)
				fail_msg("%s: ref \"%s\", the spec says \"%s\"", code, ref,
				         spec_codes[s].ref);
			assert_false(seen[s]);
			seen[s] = listed = true;
		}
		/* Codes added later than this test (R023, L004...) at least
		 * have a known letter and an error or warning; the spec rows
		 * with this code must agree on the severity. */
		if (!listed) {
			for (size_t s = 0; s < SPEC_COUNT; s++)
				if (strcmp(spec_codes[s].code, code) == 0)
					fail_msg("%s: severity %s, not the spec's", code,
					         lerq_severity_name(severity));
		}
	}
	for (size_t s = 0; s < SPEC_COUNT; s++)
		if (!seen[s] && !spec_codes[s].later)
			fail_msg("%s (%s) is not in the code table", spec_codes[s].code,
			         lerq_severity_name(spec_codes[s].severity));

	/* Out of range: refused, nothing set; NULL outs are fine. */
	const char *code = "unchanged";
	assert_int_equal(lerq_code_get(n, &code, NULL, NULL, NULL), LERQ_EINVAL);
	assert_string_equal(code, "unchanged");
	assert_int_equal(lerq_code_get(SIZE_MAX, NULL, NULL, NULL, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_code_get(0, NULL, NULL, NULL, NULL), LERQ_OK);
}

/* The man page lists every code of the table. */
static void test_man_page_lists_every_code(void **state)
{
	size_t size;
	char *page = test_slurp(LERQ_TEST_SOURCE_ROOT "/doc/lerq.1.scd", &size);
	for (size_t i = 0; i < lerq_code_count(); i++) {
		const char *code;
		enum lerq_severity severity;
		char entry[64];
		assert_int_equal(lerq_code_get(i, &code, &severity, NULL, NULL), LERQ_OK);
		snprintf(entry, sizeof(entry), "*%s* (%s)", code, lerq_severity_name(severity));
		if (strstr(page, entry) == NULL)
			fail_msg("doc/lerq.1.scd does not list %s", entry);
	}
	free(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_empty_report),
		cmocka_unit_test(test_json_findings),
		cmocka_unit_test(test_json_bad_utf8_name),
		cmocka_unit_test(test_json_suppressed),
		cmocka_unit_test(test_json_refusals),
		cmocka_unit_test(test_code_table_matches_spec),
		cmocka_unit_test(test_man_page_lists_every_code),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
