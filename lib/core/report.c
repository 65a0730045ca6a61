/* SPDX-License-Identifier: MIT */
/* Reports: a growable array of findings, each owning its strings. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/lerq-private.h"

struct lerq_finding {
	char *code;
	char *message;
	char *path;
	char *ref;
	unsigned long line;
	unsigned long column;
	enum lerq_severity severity;
};

struct lerq_report {
	struct lerq_finding *findings;
	size_t count;
	size_t alloc;
	size_t errors;
	size_t warnings;
	size_t limit;      /* findings kept at most */
	size_t suppressed; /* counted beyond the limit */
};

struct lerq_report *lerq__report_new(void)
{
	struct lerq_report *r = calloc(1, sizeof(struct lerq_report));
	if (r)
		r->limit = SIZE_MAX;
	return r;
}

void lerq__report_set_limit(struct lerq_report *report, size_t limit)
{
	report->limit = limit;
}

static void finding_clear(struct lerq_finding *f)
{
	free(f->code);
	free(f->message);
	free(f->path);
	free(f->ref);
}

LERQ_EXPORT void lerq_report_free(struct lerq_report *report)
{
	if (report == NULL)
		return;
	for (size_t i = 0; i < report->count; i++)
		finding_clear(&report->findings[i]);
	free(report->findings);
	free(report);
}

int lerq__report_add(struct lerq_report *report, const char *code,
                    enum lerq_severity severity, const char *message,
                    unsigned long line, unsigned long column,
                    const char *path, const char *ref)
{
	if (report->count >= report->limit) {
		report->suppressed++;
		if (severity == LERQ_SEVERITY_ERROR)
			report->errors++;
		else
			report->warnings++;
		return LERQ_OK;
	}
	if (report->count == report->alloc) {
		size_t n = report->alloc ? report->alloc * 2 : 8;
		struct lerq_finding *p = realloc(report->findings, n * sizeof(*p));
		if (p == NULL)
			return LERQ_ENOMEM;
		report->findings = p;
		report->alloc = n;
	}
	struct lerq_finding f = {
		.code = strdup(code),
		.message = strdup(message ? message : ""),
		.path = strdup(path ? path : ""),
		.ref = strdup(ref ? ref : ""),
		.line = line,
		.column = column,
		.severity = severity,
	};
	if (!f.code || !f.message || !f.path || !f.ref) {
		finding_clear(&f);
		return LERQ_ENOMEM;
	}
	report->findings[report->count++] = f;
	if (severity == LERQ_SEVERITY_ERROR)
		report->errors++;
	else
		report->warnings++;
	return LERQ_OK;
}

int lerq__report_add_code(struct lerq_report *report, enum lerq_code code,
                         const xmlNode *node, unsigned long line,
                         unsigned long column, const char *message)
{
	const struct lerq__code_info *info = lerq__code_info(code);
	char *path = NULL;

	if (node != NULL) {
		path = lerq__node_path(node);
		if (path == NULL)
			return LERQ_ENOMEM;
		if (line == 0)
			line = (unsigned long)xmlGetLineNo(node);
		if (column == 0)
			column = lerq__node_column(node);
	}
	int r = lerq__report_add(report, info->code, info->severity, message,
	                        line, column, path, info->ref);
	free(path);
	return r;
}

LERQ_EXPORT size_t lerq_report_count(const struct lerq_report *report)
{
	return report ? report->count : 0;
}

LERQ_EXPORT size_t lerq_report_errors(const struct lerq_report *report)
{
	return report ? report->errors : 0;
}

LERQ_EXPORT size_t lerq_report_warnings(const struct lerq_report *report)
{
	return report ? report->warnings : 0;
}

LERQ_EXPORT size_t lerq_report_suppressed(const struct lerq_report *report)
{
	return report ? report->suppressed : 0;
}

LERQ_EXPORT int lerq_report_is_valid(const struct lerq_report *report)
{
	return report != NULL && report->errors == 0;
}

LERQ_EXPORT const struct lerq_finding *
lerq_report_get(const struct lerq_report *report, size_t index)
{
	if (report == NULL || index >= report->count)
		return NULL;
	return &report->findings[index];
}

LERQ_EXPORT const char *lerq_finding_code(const struct lerq_finding *f)
{
	return f ? f->code : "";
}

LERQ_EXPORT enum lerq_severity
lerq_finding_severity(const struct lerq_finding *f)
{
	return f ? f->severity : LERQ_SEVERITY_ERROR;
}

LERQ_EXPORT const char *lerq_finding_message(const struct lerq_finding *f)
{
	return f ? f->message : "";
}

LERQ_EXPORT unsigned long lerq_finding_line(const struct lerq_finding *f)
{
	return f ? f->line : 0;
}

LERQ_EXPORT unsigned long lerq_finding_column(const struct lerq_finding *f)
{
	return f ? f->column : 0;
}

LERQ_EXPORT const char *lerq_finding_path(const struct lerq_finding *f)
{
	return f ? f->path : "";
}

LERQ_EXPORT const char *lerq_finding_ref(const struct lerq_finding *f)
{
	return f ? f->ref : "";
}

LERQ_EXPORT const char *lerq_severity_name(enum lerq_severity severity)
{
	return severity == LERQ_SEVERITY_WARNING ? "warning" : "error";
}

void lerq__report_set_severity(struct lerq_report *report, const char *code,
                              enum lerq_severity severity)
{
	for (size_t i = 0; i < report->count; i++) {
		struct lerq_finding *f = &report->findings[i];
		if (strcmp(f->code, code) != 0 || f->severity == severity)
			continue;
		if (severity == LERQ_SEVERITY_ERROR) {
			report->warnings--;
			report->errors++;
		} else {
			report->errors--;
			report->warnings++;
		}
		f->severity = severity;
	}
}
