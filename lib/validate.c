/* SPDX-License-Identifier: MIT */
/* Validation in the spec's order (section 4): size, parsing, root and
 * version, schema, rules. A refusal is the only finding for its document. */
#include <stdlib.h>

#include "core/lerq-private.h"
#include "profile/profile.h"
#include "rules/rules.h"
#include "sign/sign.h"

/* The built-in rules, then each national profile's. */
static int run_rules(const struct lerq_ctx *ctx, xmlDocPtr doc, lerq_time_t now,
                     struct lerq_report *report)
{
	int r = LERQ_OK;
	/* Rules (issue 3) run here, on documents without schema errors. */
	r = lerq__rules_run(ctx->rules, doc, now, report);
	for (size_t i = 0; r == LERQ_OK && i < ctx->profile_count; i++)
		r = lerq__profile_run(ctx->profiles[i], doc, report);
	return r;
}

int lerq__validate_doc(const struct lerq_ctx *ctx, const void *data, size_t size,
                      lerq_time_t now, struct lerq_report **out, xmlDocPtr *doc_out)
{
	return lerq__validate_doc_sig(ctx, data, size, now, out, doc_out, NULL);
}

static int validate_full(const struct lerq_ctx *ctx, const void *data, size_t size,
                         lerq_time_t now, struct lerq_report **out, xmlDocPtr *doc_out,
                         bool *schema_passed_out, struct lerq_signature **sig_out);

int lerq__validate_doc_sig(const struct lerq_ctx *ctx, const void *data, size_t size,
                          lerq_time_t now, struct lerq_report **out, xmlDocPtr *doc_out,
                          struct lerq_signature **sig_out)
{
	bool schema_passed;
	int r = validate_full(ctx, data, size, now, out, doc_out, &schema_passed, sig_out);
	if (r == LERQ_OK && doc_out != NULL && *doc_out != NULL && !schema_passed) {
		xmlFreeDoc(*doc_out);
		*doc_out = NULL;
	}
	return r;
}

int lerq__validate_doc_any(const struct lerq_ctx *ctx, const void *data, size_t size,
                          lerq_time_t now, struct lerq_report **out, xmlDocPtr *doc_out,
                          bool *schema_passed_out)
{
	return validate_full(ctx, data, size, now, out, doc_out, schema_passed_out, NULL);
}

static int validate_full(const struct lerq_ctx *ctx, const void *data, size_t size,
                         lerq_time_t now, struct lerq_report **out, xmlDocPtr *doc_out,
                         bool *schema_passed_out, struct lerq_signature **sig_out)
{
	if (doc_out)
		*doc_out = NULL;
	if (schema_passed_out)
		*schema_passed_out = false;
	if (sig_out)
		*sig_out = NULL;
	if (ctx == NULL || out == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	if (now == LERQ__CLOCK_SENTINEL)
		now = lerq_now();

	struct lerq_report *report = lerq__report_new();
	if (report == NULL)
		return LERQ_ENOMEM;
	lerq__report_set_limit(report, ctx->max_findings);

	xmlDocPtr doc = NULL;
	bool schema_passed = false, root_ok = false;
	int r = lerq__parse(ctx, data, size, &doc, report);
	if (r == LERQ_OK && doc != NULL && (root_ok = lerq__check_root(doc, report, &r)))
		r = lerq__schema_validate(ctx, doc, report);
	/* The rules run only on documents that pass the schema (a schema
	 * error may hide what they look for). */
	if (r == LERQ_OK && doc != NULL && lerq_report_count(report) == 0) {
		schema_passed = true;
		r = run_rules(ctx, doc, now, report);
		/* V findings with the rules' (format section 6), on the very
		 * tree that was validated. */
		if (r == LERQ_OK && ctx->trust != NULL)
			r = lerq__verify(ctx, doc, report, sig_out);
	}
	for (size_t i = 0; r == LERQ_OK && i < ctx->profile_count; i++)
		lerq__profile_adjust(ctx->profiles[i], report);

	if (r != LERQ_OK) {
		xmlFreeDoc(doc);
		lerq_report_free(report);
		if (sig_out) {
			lerq_signature_free(*sig_out);
			*sig_out = NULL;
		}
		return r;
	}
	/* A refused document (P00x, S002) is never handed out. */
	if (doc_out && root_ok) {
		*doc_out = doc;
		if (schema_passed_out)
			*schema_passed_out = schema_passed;
	} else {
		xmlFreeDoc(doc);
	}
	*out = report;
	return LERQ_OK;
}

int lerq__validate_oversize(const struct lerq_ctx *ctx, size_t whole, bool exact,
                           struct lerq_report **out)
{
	struct lerq_report *report = lerq__report_new();
	if (report == NULL)
		return LERQ_ENOMEM;
	lerq__report_set_limit(report, ctx->max_findings);
	/* The file's own size, not the bytes read before stopping. */
	char *m = lerq__strdup_printf(exact ? "The file is %zu bytes; the limit is %zu bytes"
	                                    : "The input is more than %zu bytes; the limit is "
	                                      "%zu bytes",
	                             exact ? whole : ctx->max_size, ctx->max_size);
	int r = m ? lerq__report_add_code(report, LERQ_P003, NULL, 0, 0, m) : LERQ_ENOMEM;
	free(m);
	for (size_t i = 0; r == LERQ_OK && i < ctx->profile_count; i++)
		lerq__profile_adjust(ctx->profiles[i], report);
	if (r != LERQ_OK) {
		lerq_report_free(report);
		return r;
	}
	*out = report;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_validate_memory(const struct lerq_ctx *ctx, const void *data,
                                     size_t size, lerq_time_t now,
                                     struct lerq_report **out)
{
	return lerq__validate_doc(ctx, data, size, now, out, NULL);
}

LERQ_EXPORT int lerq_validate_file(const struct lerq_ctx *ctx, const char *path,
                                   lerq_time_t now, struct lerq_report **out)
{
	if (ctx == NULL || path == NULL || out == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size, whole;
	bool exact;
	int r = lerq__read_file_sized(path, ctx->max_size, &data, &size, &whole, &exact);
	if (r != LERQ_OK)
		return r;
	if (whole > ctx->max_size)
		r = lerq__validate_oversize(ctx, whole, exact, out);
	else
		r = lerq_validate_memory(ctx, data, size, now, out);
	free(data);
	return r;
}

LERQ_EXPORT int lerq_verify_memory(const struct lerq_ctx *ctx, const void *data, size_t size,
                                   lerq_time_t now, struct lerq_report **report,
                                   struct lerq_signature **signature)
{
	if (signature)
		*signature = NULL;
	if (ctx == NULL || ctx->trust == NULL || report == NULL)
		return LERQ_EINVAL;
	return lerq__validate_doc_sig(ctx, data, size, now, report, NULL, signature);
}

LERQ_EXPORT int lerq_verify_file(const struct lerq_ctx *ctx, const char *path, lerq_time_t now,
                                 struct lerq_report **report, struct lerq_signature **signature)
{
	if (signature)
		*signature = NULL;
	if (ctx == NULL || path == NULL || ctx->trust == NULL || report == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size;
	int r = lerq__read_file(path, ctx->max_size, &data, &size);
	if (r != LERQ_OK)
		return r;
	r = lerq_verify_memory(ctx, data, size, now, report, signature);
	free(data);
	return r;
}
