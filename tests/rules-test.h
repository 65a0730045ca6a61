/* SPDX-License-Identifier: MIT */
/* Helpers of the rule tests (test-rules*.c): documents made from one valid
 * base by small edits (tests/data/rules/), checked through the public
 * validation call with a fixed "now", or by one rule alone on a document
 * the schema would refuse. */
#ifndef LERQ_RULES_TEST_H
#define LERQ_RULES_TEST_H

#include <stdbool.h>

#include "lerq-test.h"

#include "core/lerq-private.h"
#include "rules/rules.h"

#define ERR LERQ_SEVERITY_ERROR
#define WARN LERQ_SEVERITY_WARNING

enum base { REQ, PRES, REL, RSP };

/* "old" -> "new", first occurrence; "@@" in old stands for anything up
 * to what follows it ("<Preservation>@@</Preservation>" cuts the block). */
struct edit {
	const char *old, *new;
};

struct lerq_rule_case {
	const char *name;
	enum base base;
	struct edit edits[4];
	const char *code; /* NULL: no finding at all */
	enum lerq_severity severity;
	const char *ref;
	const char *path;
	const char *in_message; /* the offending value */
};

static inline int setup(void **state)
{
	*state = test_ctx();
	return 0;
}

static inline int teardown(void **state)
{
	lerq_ctx_free(*state);
	return 0;
}

static inline char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	char *buf = malloc(1 << 16);
	assert_non_null(buf);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Applies one edit to xml (freed) and returns the new document. */
static inline char *edit(char *xml, const char *old, const char *new)
{
	const char *wild = strstr(old, "@@");
	size_t head = wild ? (size_t)(wild - old) : strlen(old);
	char *start = NULL;
	const char *end = NULL;
	for (char *p = xml; *p; p++) {
		if (strncmp(p, old, head) != 0)
			continue;
		if (wild == NULL) {
			end = p + head;
		} else {
			const char *tail = strstr(p + head, wild + 2);
			end = tail ? tail + strlen(wild + 2) : NULL;
		}
		start = p;
		break;
	}
	if (start == NULL || end == NULL)
		fail_msg("'%s' is not in the document", old);
	size_t len = strlen(xml) - (size_t)(end - start) + strlen(new) + 1;
	char *out = malloc(len);
	assert_non_null(out);
	snprintf(out, len, "%.*s%s%s", (int)(start - xml), xml, new, end);
	free(xml);
	return out;
}

static inline char *base_document(enum base base)
{
	if (base == RSP)
		return slurp(DATA("rules/response.xml"));
	char *xml = slurp(DATA("rules/request.xml"));
	if (base == PRES)
		xml = edit(xml, "type=\"disclosure\"", "type=\"preservation\"");
	if (base == REL) {
		xml = edit(xml, "type=\"disclosure\"", "type=\"release\"");
		xml = edit(xml, "  <IssuingAuthority>",
		           "  <RelatesTo relation=\"releases\">CC-2026-0042</RelatesTo>\n"
		           "  <IssuingAuthority>");
		xml = edit(xml, "  <DataRequested>@@</DataRequested>\n", "");
	}
	return xml;
}

static inline char *document(enum base base, const struct edit *edits, size_t n)
{
	char *xml = base_document(base);
	for (size_t i = 0; i < n && edits[i].old; i++)
		xml = edit(xml, edits[i].old, edits[i].new);
	return xml;
}

/* Line of the first occurrence of needle, 1-based. */
static inline unsigned long line_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	assert_non_null(p);
	unsigned long line = 1;
	for (const char *q = text; q < p; q++)
		line += *q == '\n';
	return line;
}

static inline void assert_finding(const struct lerq_finding *f, const char *code,
                           enum lerq_severity severity, const char *ref,
                           const char *path, const char *in_message)
{
	assert_string_equal(lerq_finding_code(f), code);
	assert_int_equal(lerq_finding_severity(f), severity);
	assert_string_equal(lerq_finding_ref(f), ref);
	assert_string_equal(lerq_finding_path(f), path);
	assert_true(lerq_finding_line(f) > 0);
	if (strstr(lerq_finding_message(f), in_message) == NULL)
		fail_msg("message '%s' lacks '%s'", lerq_finding_message(f), in_message);
}

static inline void run_case(void **state, const struct lerq_rule_case *c)
{
	char *xml = document(c->base, c->edits, 4);
	struct lerq_report *r = validate_string(*state, xml);
	print_message("  %s\n", c->name);
	if (c->code == NULL) {
		assert_no_findings(r);
	} else {
		const struct lerq_finding *f = assert_only_finding(r, c->code);
		assert_finding(f, c->code, c->severity, c->ref, c->path, c->in_message);
	}
	lerq_report_free(r);
	free(xml);
}

#define RUN_CASES(state, cases) \
	for (size_t i_ = 0; i_ < sizeof(cases) / sizeof(cases[0]); i_++) \
		run_case(state, &cases[i_])

/* The report's findings, in order, are exactly these codes. */
static inline struct lerq_report *expect_codes(void **state, const char *xml,
                                        const char *const *codes, size_t n)
{
	struct lerq_report *r = validate_string(*state, xml);
	if (lerq_report_count(r) != n) {
		print_report(r);
		fail_msg("expected %zu findings, got %zu", n, lerq_report_count(r));
	}
	for (size_t i = 0; i < n; i++)
		assert_string_equal(lerq_finding_code(lerq_report_get(r, i)), codes[i]);
	return r;
}

/* Parses without validating and runs one rule: for documents the schema
 * would refuse. */
static inline struct lerq_report *run_one_rule(void **state, enum lerq_code code,
                                        const char *xml)
{
	const struct lerq_ctx *ctx = *state;
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	struct lerq_report *r = lerq__report_new();
	assert_non_null(r);
	assert_int_equal(lerq__rules_run_code(ctx->rules, code, doc, TEST_NOW, r), LERQ_OK);
	xmlFreeDoc(doc);
	return r;
}

#define EMAIL "/Request/IssuingAuthority/Contact[1]/Email"
#define OWN "anna.becker@lka.polizei.nrw"
#define ISSUED "<IssuedAt>2026-11-02T00:30:00+01:00</IssuedAt>"
#define AT "<At>2026-10-14T21:17:43+02:00</At>"
#define ITEM1 "/Request/DataRequested/Item[1]"
#define ITEM2 "/Request/DataRequested/Item[2]"
#define ITEM3 "/Request/DataRequested/Item[3]"

/* A response with these outcomes (p provided, n not-provided, s
 * preserved) and this Status. */
static inline char *response_with(const char *status, const char *outcomes)
{
	char results[2048] = "";
	for (size_t i = 0; outcomes[i]; i++) {
		size_t len = strlen(results);
		bool n = outcomes[i] == 'n', s = outcomes[i] == 's';
		snprintf(results + len, sizeof(results) - len,
		         "  <Result item=\"i%zu\" outcome=\"%s\">%s</Result>\n", i + 1,
		         n ? "not-provided" : s ? "preserved" : "provided",
		         n ? "<Reason code=\"no-records\">None.</Reason>"
		           : s ? "<PreservedUntil>2027-02-04</PreservedUntil>" : "");
	}
	strcat(results, "</Response>");
	char status_elem[64];
	snprintf(status_elem, sizeof(status_elem), "<Status>%s</Status>", status);
	char *xml = edit(base_document(RSP), "  <Result @@</Response>", results);
	return edit(xml, "<Status>partially-fulfilled</Status>", status_elem);
}

#endif
