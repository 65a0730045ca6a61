/* SPDX-License-Identifier: MIT */
/*
 * Printing a report: text for people, JSON Lines for programs
 * (format.md, section 5).
 */
#ifndef LERQ_CLI_OUTPUT_H
#define LERQ_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include <lerq/lerq.h>

enum output_format {
	/* FILE:LINE:COL: SEVERITY: [CODE] MESSAGE (REF), one line per finding. */
	OUTPUT_TEXT,
	/* One object per finding, then a summary object, one per line. */
	OUTPUT_JSON,
};

struct output {
	FILE *stream;
	enum output_format format;
	/* Colour the severity words; text format only. */
	bool colour;
};

/*
 * Whether text written to @stream may be coloured: only on a terminal,
 * and never when NO_COLOR is set to a non-empty value (no-color.org).
 */
bool output_colour_wanted(FILE *stream);

/*
 * Print the findings of @report about the input named @file; in JSON,
 * follow them with the input's summary object. Write errors are left in
 * the stream's error indicator, for the caller to check once at the end.
 */
void output_report(const struct output *out, const char *file,
                   const struct lerq_report *report);

#endif /* LERQ_CLI_OUTPUT_H */
