/* SPDX-License-Identifier: MIT */
/* Helpers shared by the cmocka tests. */
#ifndef LERQ_TEST_H
#define LERQ_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lerq/lerq.h"

/* Paths come from meson (tests/meson.build). */
#define DATA(rel) LERQ_TEST_SOURCE_ROOT "/tests/data/" rel
#define EXAMPLE(rel) LERQ_TEST_SOURCE_ROOT "/examples/" rel

/* A fixed "now" so that date rules give the same answer every day. */
#define TEST_NOW ((lerq_time_t)1795694400) /* 2026-11-26T12:00:00Z */

static inline struct lerq_ctx *test_ctx(void)
{
	struct lerq_ctx *ctx = NULL;
	assert_int_equal(lerq_ctx_new(0, &ctx), LERQ_OK);
	assert_non_null(ctx);
	return ctx;
}

/* A file's bytes, NUL-terminated; size (may be NULL) excludes the NUL. */
static inline char *test_slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = '\0';
	fclose(f);
	if (size)
		*size = n;
	return buf;
}

static inline struct lerq_report *validate_path(const struct lerq_ctx *ctx,
                                                const char *path)
{
	struct lerq_report *report = NULL;
	int r = lerq_validate_file(ctx, path, TEST_NOW, &report);
	if (r != LERQ_OK)
		fail_msg("lerq_validate_file(%s) returned %d (%s)", path, r, lerq_strerror(r));
	assert_non_null(report);
	return report;
}

static inline struct lerq_report *validate_string(const struct lerq_ctx *ctx,
                                                  const char *xml)
{
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_validate_memory(ctx, xml, strlen(xml), TEST_NOW, &report), LERQ_OK);
	assert_non_null(report);
	return report;
}

static inline void print_report(const struct lerq_report *report)
{
	for (size_t i = 0; i < lerq_report_count(report); i++) {
		const struct lerq_finding *f = lerq_report_get(report, i);
		print_message("  %lu:%lu %s [%s] %s {%s} (%s)\n", lerq_finding_line(f),
		              lerq_finding_column(f),
		              lerq_severity_name(lerq_finding_severity(f)),
		              lerq_finding_code(f), lerq_finding_message(f),
		              lerq_finding_path(f), lerq_finding_ref(f));
	}
}

/* The report has exactly one finding, with this code. */
static inline const struct lerq_finding *
assert_only_finding(const struct lerq_report *report, const char *code)
{
	if (lerq_report_count(report) != 1 ||
	    strcmp(lerq_finding_code(lerq_report_get(report, 0)), code) != 0) {
		print_report(report);
		fail_msg("expected exactly one finding %s, got %zu", code,
		         lerq_report_count(report));
	}
	return lerq_report_get(report, 0);
}

/* The report has at least one finding with this code; returns the first. */
static inline const struct lerq_finding *
assert_has_finding(const struct lerq_report *report, const char *code)
{
	for (size_t i = 0; i < lerq_report_count(report); i++) {
		const struct lerq_finding *f = lerq_report_get(report, i);
		if (strcmp(lerq_finding_code(f), code) == 0)
			return f;
	}
	print_report(report);
	fail_msg("expected a finding %s", code);
	return NULL;
}

static inline void assert_no_findings(const struct lerq_report *report)
{
	if (lerq_report_count(report) != 0) {
		print_report(report);
		fail_msg("expected no findings, got %zu", lerq_report_count(report));
	}
}

#endif
