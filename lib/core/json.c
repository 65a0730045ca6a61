/* SPDX-License-Identifier: MIT */
/*
 * A report as the spec's JSON Lines (format.md, section 5): one object per
 * finding, then the summary object, each on its own line. These are the
 * bytes `lerq validate --json` prints, so every binding gets the same
 * stream as the tool without writing its own.
 *
 * Messages may quote the document and file names come from the disk:
 * both are untrusted. Every string is escaped as JSON requires, and a
 * byte that is not part of well-formed UTF-8 becomes U+FFFD, because JSON
 * text must be UTF-8 and one bad name must not spoil the stream.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lerq-private.h"

/*
 * Length of the well-formed UTF-8 sequence that starts at @p (whose
 * first byte is 0x80 or more), or 0 if it is not one (Unicode, table
 * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF). Stops
 * at the string's NUL, which is never a continuation byte.
 */
static size_t utf8_length(const unsigned char *p)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;
		else if (p[0] == 0xed)
			hi = 0x9f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		if (p[0] == 0xf0)
			lo = 0x90;
		else if (p[0] == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}

	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++) {
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	}
	return n;
}

static void json_string(struct lerq__buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	lerq__buf_put(b, "\"", 1);
	while (*p != '\0') {
		if (*p == '"' || *p == '\\') {
			char esc[2] = { '\\', (char)*p++ };
			lerq__buf_put(b, esc, 2);
		} else if (*p < 0x20) {
			switch (*p) {
			case '\b': lerq__buf_puts(b, "\\b"); break;
			case '\f': lerq__buf_puts(b, "\\f"); break;
			case '\n': lerq__buf_puts(b, "\\n"); break;
			case '\r': lerq__buf_puts(b, "\\r"); break;
			case '\t': lerq__buf_puts(b, "\\t"); break;
			default: lerq__buf_printf(b, "\\u%04x", *p); break;
			}
			p++;
		} else if (*p < 0x80) {
			lerq__buf_put(b, (const char *)p++, 1);
		} else if ((n = utf8_length(p)) > 0) {
			lerq__buf_put(b, (const char *)p, n);
			p += n;
		} else {
			lerq__buf_puts(b, "\\ufffd");
			p++;
		}
	}
	lerq__buf_put(b, "\"", 1);
}

static void json_key(struct lerq__buf *b, const char *key, bool first)
{
	lerq__buf_puts(b, first ? "{" : ", ");
	json_string(b, key);
	lerq__buf_puts(b, ": ");
}

static void json_finding(struct lerq__buf *b, const char *file,
                         const struct lerq_finding *finding)
{
	json_key(b, "file", true);
	json_string(b, file);
	json_key(b, "line", false);
	lerq__buf_printf(b, "%lu", lerq_finding_line(finding));
	json_key(b, "column", false);
	lerq__buf_printf(b, "%lu", lerq_finding_column(finding));
	json_key(b, "severity", false);
	json_string(b, lerq_severity_name(lerq_finding_severity(finding)));
	json_key(b, "code", false);
	json_string(b, lerq_finding_code(finding));
	json_key(b, "message", false);
	json_string(b, lerq_finding_message(finding));
	json_key(b, "path", false);
	json_string(b, lerq_finding_path(finding));
	json_key(b, "ref", false);
	json_string(b, lerq_finding_ref(finding));
	lerq__buf_puts(b, "}\n");
}

static void json_summary(struct lerq__buf *b, const char *file,
                         const struct lerq_report *report)
{
	json_key(b, "file", true);
	json_string(b, file);
	json_key(b, "valid", false);
	lerq__buf_puts(b, lerq_report_is_valid(report) ? "true" : "false");
	json_key(b, "errors", false);
	lerq__buf_printf(b, "%zu", lerq_report_errors(report));
	json_key(b, "warnings", false);
	lerq__buf_printf(b, "%zu", lerq_report_warnings(report));
	lerq__buf_puts(b, "}\n");
}

LERQ_EXPORT int lerq_report_to_json(const struct lerq_report *report, const char *file,
                                    char **out, size_t *out_size)
{
	if (report == NULL || file == NULL || out == NULL)
		return LERQ_EINVAL;
	struct lerq__buf b = { 0 };
	for (size_t i = 0; i < lerq_report_count(report); i++)
		json_finding(&b, file, lerq_report_get(report, i));
	json_summary(&b, file, report);
	return lerq__buf_finish(&b, out, out_size);
}
