/* SPDX-License-Identifier: MIT */
/*
 * Printing a report as text or as JSON Lines.
 *
 * Findings may quote the document's own text, and file names come from
 * the disk: both are untrusted. Text output therefore shows control
 * characters as \xHH, so that a document can neither send escape
 * sequences to a terminal nor break the one-line-per-finding format; JSON
 * output is the library's (lerq_report_to_json()), escaped as JSON
 * requires.
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

/* ---- both ---- */

void output_report(const struct output *out, const char *file,
                   const struct lerq_report *report)
{
	size_t i, count = lerq_report_count(report);

	if (out->format == OUTPUT_JSON) {
		/* The library's writer: the same bytes any binding gets. */
		char *json;
		size_t size;
		int err = lerq_report_to_json(report, file, &json, &size);

		if (err == LERQ_OK) {
			fwrite(json, 1, size, out->stream);
			free(json);
		} else {
			fprintf(stderr, "lerq: %s: %s\n", file, lerq_strerror(err));
		}
	} else {
		for (i = 0; i < count; i++)
			text_finding(out, file, lerq_report_get(report, i));
	}
	/* The counts still include what the limit left out; say so, on
	 * standard error, so that the output keeps its format. */
	if (lerq_report_suppressed(report) > 0)
		fprintf(stderr, "lerq: %s: %zu more findings not shown\n", file,
		        lerq_report_suppressed(report));
}
