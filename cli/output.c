/* SPDX-License-Identifier: MIT */
/*
 * Printing a report as text or as JSON Lines.
 *
 * Findings may quote the document's own text, and file names come from
 * the disk: both are untrusted. Text output therefore shows control
 * characters as \xHH, so that a document can neither send escape
 * sequences to a terminal nor break the one-line-per-finding format; JSON
 * output escapes them as JSON requires.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <lerq/lerq.h>

#include "output.h"

#define COLOUR_ERROR "\033[1;31m"
#define COLOUR_WARNING "\033[1;35m"
#define COLOUR_RESET "\033[0m"

bool output_colour_wanted(FILE *stream)
{
	const char *no_colour = getenv("NO_COLOR");

	if (no_colour != NULL && no_colour[0] != '\0')
		return false;
	return isatty(fileno(stream)) == 1;
}

/* ---- text ---- */

static void text_string(FILE *f, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else
			fputc(*p, f);
	}
}

static void text_finding(const struct output *out, const char *file,
                         const struct lerq_finding *finding)
{
	FILE *f = out->stream;
	enum lerq_severity severity = lerq_finding_severity(finding);
	const char *ref = lerq_finding_ref(finding);

	text_string(f, file);
	fprintf(f, ":%lu:%lu: ", lerq_finding_line(finding),
	        lerq_finding_column(finding));
	if (out->colour)
		fputs(severity == LERQ_SEVERITY_ERROR ? COLOUR_ERROR : COLOUR_WARNING, f);
	fputs(lerq_severity_name(severity), f);
	if (out->colour)
		fputs(COLOUR_RESET, f);
	fputs(": [", f);
	text_string(f, lerq_finding_code(finding));
	fputs("] ", f);
	text_string(f, lerq_finding_message(finding));
	if (ref[0] != '\0') {
		fputs(" (", f);
		text_string(f, ref);
		fputc(')', f);
	}
	fputc('\n', f);
}

/* ---- JSON ---- */

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

/*
 * A JSON string. UTF-8 passes through unchanged; a byte that is not part
 * of well-formed UTF-8 (possible in a file name) becomes U+FFFD, because
 * JSON text must be UTF-8 and one bad name must not spoil the stream.
 */
static void json_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	fputc('"', f);
	while (*p != '\0') {
		if (*p == '"' || *p == '\\') {
			fputc('\\', f);
			fputc(*p++, f);
		} else if (*p < 0x20) {
			switch (*p) {
			case '\b': fputs("\\b", f); break;
			case '\f': fputs("\\f", f); break;
			case '\n': fputs("\\n", f); break;
			case '\r': fputs("\\r", f); break;
			case '\t': fputs("\\t", f); break;
			default: fprintf(f, "\\u%04x", *p); break;
			}
			p++;
		} else if (*p < 0x80) {
			fputc(*p++, f);
		} else if ((n = utf8_length(p)) > 0) {
			fwrite(p, 1, n, f);
			p += n;
		} else {
			fputs("\\ufffd", f);
			p++;
		}
	}
	fputc('"', f);
}

static void json_key(FILE *f, const char *key, bool first)
{
	fputs(first ? "{" : ", ", f);
	json_string(f, key);
	fputs(": ", f);
}

static void json_finding(FILE *f, const char *file,
                         const struct lerq_finding *finding)
{
	json_key(f, "file", true);
	json_string(f, file);
	json_key(f, "line", false);
	fprintf(f, "%lu", lerq_finding_line(finding));
	json_key(f, "column", false);
	fprintf(f, "%lu", lerq_finding_column(finding));
	json_key(f, "severity", false);
	json_string(f, lerq_severity_name(lerq_finding_severity(finding)));
	json_key(f, "code", false);
	json_string(f, lerq_finding_code(finding));
	json_key(f, "message", false);
	json_string(f, lerq_finding_message(finding));
	json_key(f, "path", false);
	json_string(f, lerq_finding_path(finding));
	json_key(f, "ref", false);
	json_string(f, lerq_finding_ref(finding));
	fputs("}\n", f);
}

static void json_summary(FILE *f, const char *file,
                         const struct lerq_report *report)
{
	json_key(f, "file", true);
	json_string(f, file);
	json_key(f, "valid", false);
	fputs(lerq_report_is_valid(report) ? "true" : "false", f);
	json_key(f, "errors", false);
	fprintf(f, "%zu", lerq_report_errors(report));
	json_key(f, "warnings", false);
	fprintf(f, "%zu", lerq_report_warnings(report));
	fputs("}\n", f);
}

/* ---- both ---- */

void output_report(const struct output *out, const char *file,
                   const struct lerq_report *report)
{
	size_t i, count = lerq_report_count(report);

	for (i = 0; i < count; i++) {
		const struct lerq_finding *finding = lerq_report_get(report, i);

		if (out->format == OUTPUT_JSON)
			json_finding(out->stream, file, finding);
		else
			text_finding(out, file, finding);
	}
	/* The counts still include what the limit left out; say so, on
	 * standard error, so that the output keeps its format. */
	if (lerq_report_suppressed(report) > 0)
		fprintf(stderr, "lerq: %s: %zu more findings not shown\n", file,
		        lerq_report_suppressed(report));
	if (out->format == OUTPUT_JSON)
		json_summary(out->stream, file, report);
}
