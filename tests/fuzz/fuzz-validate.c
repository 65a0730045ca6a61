/* SPDX-License-Identifier: MIT */
/* libFuzzer target: parse and validate any bytes from memory. Nothing may
 * crash, leak or hang; every run gives a report or a clean error code.
 * The same bytes are then read as a document, invalid ones kept
 * (LERQ_PARSE_KEEP_SCHEMA_INVALID, the lenient reader), walked, and
 * written again; and the report becomes JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

static struct lerq_ctx *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (lerq_ctx_new(0, &ctx) != LERQ_OK)
		abort();
	return 0;
}

/* Every element under elem, through the reader's calls. */
static void walk(const struct lerq_elem *elem, unsigned int depth)
{
	static const char *const names[] = {
		"RegistrationNumber", "IssuedAt", "IssuingAuthority", "AgencyName", "Contact",
		"Name", "Phone", "Email", "DataRequested", "Item", "Identifier", "Period",
		"Start", "Result", "Attachment", "Digest", "Signature", "PostalAddress",
	};
	if (elem == NULL || depth > 8)
		return;
	(void)lerq_elem_name(elem);
	(void)lerq_elem_text(elem);
	(void)lerq_elem_attr(elem, "type");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t n = lerq_elem_count(elem, names[i]);
		for (size_t j = 0; j < n && j < 4; j++)
			walk(lerq_elem_child(elem, names[i], j), depth + 1);
	}
}

static void read_document(const uint8_t *data, size_t size)
{
	struct lerq_doc *doc = NULL;
	struct lerq_report *report = NULL;
	int r = lerq_doc_parse_memory(ctx, data, size, 1795694400,
	                              LERQ_PARSE_KEEP_SCHEMA_INVALID, &doc, &report);
	if (r == LERQ_OK) {
		if (doc == NULL)
			abort();
		walk(lerq_doc_root(doc), 0);
		char *out = NULL;
		size_t out_size;
		if (lerq_doc_write_memory(ctx, doc, 1795694400, &out, &out_size, NULL) == LERQ_OK &&
		    lerq_doc_validity(doc) != LERQ_DOC_VALID)
			abort();
		free(out);
		lerq_doc_free(doc);
	} else if (doc != NULL) {
		abort();
	}
	if (report != NULL) {
		char *json = NULL;
		size_t json_size = 0;
		if (lerq_report_to_json(report, "fuzz", &json, &json_size) == LERQ_OK &&
		    strlen(json) != json_size)
			abort();
		free(json);
	}
	lerq_report_free(report);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lerq_report *report = NULL;
	/* A fixed "now": the same input always takes the same path. */
	int r = lerq_validate_memory(ctx, data, size, 1795694400, &report);
	if (r == LERQ_OK) {
		/* Touch every finding: a dangling string would show here. */
		size_t n = lerq_report_count(report);
		for (size_t i = 0; i < n; i++) {
			const struct lerq_finding *f = lerq_report_get(report, i);
			if (!lerq_finding_code(f)[0] || !lerq_finding_message(f)[0])
				abort();
			(void)lerq_finding_path(f)[0];
			(void)lerq_finding_ref(f)[0];
		}
		if (lerq_report_errors(report) + lerq_report_warnings(report) < n)
			abort();
	} else if (r != LERQ_ENOMEM) {
		abort(); /* only allocation failure may stop a validation */
	}
	lerq_report_free(report);
	read_document(data, size);
	return 0;
}
