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

/* A growing buffer; once out of memory it stays failed. */
struct json_buf {
	char *data;
	size_t len, cap;
	bool oom;
};

static void put(struct json_buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->data, cap);
		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void puts_(struct json_buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void printf_(struct json_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void printf_(struct json_buf *b, const char *fmt, ...)
{
	char tmp[64];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0 && (size_t)n < sizeof(tmp))
		put(b, tmp, (size_t)n);
	else
		b->oom = true; /* never: only numbers are formatted */
}

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

static void json_string(struct json_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	put(b, "\"", 1);
	while (*p != '\0') {
		if (*p == '"' || *p == '\\') {
			char esc[2] = { '\\', (char)*p++ };
			put(b, esc, 2);
		} else if (*p < 0x20) {
			switch (*p) {
			case '\b': puts_(b, "\\b"); break;
			case '\f': puts_(b, "\\f"); break;
			case '\n': puts_(b, "\\n"); break;
			case '\r': puts_(b, "\\r"); break;
			case '\t': puts_(b, "\\t"); break;
			default: printf_(b, "\\u%04x", *p); break;
			}
			p++;
		} else if (*p < 0x80) {
			put(b, (const char *)p++, 1);
		} else if ((n = utf8_length(p)) > 0) {
			put(b, (const char *)p, n);
			p += n;
		} else {
			puts_(b, "\\ufffd");
			p++;
		}
	}
	put(b, "\"", 1);
}

static void json_key(struct json_buf *b, const char *key, bool first)
{
	puts_(b, first ? "{" : ", ");
	json_string(b, key);
	puts_(b, ": ");
}

static void json_finding(struct json_buf *b, const char *file,
                         const struct lerq_finding *finding)
{
	json_key(b, "file", true);
	json_string(b, file);
	json_key(b, "line", false);
	printf_(b, "%lu", lerq_finding_line(finding));
	json_key(b, "column", false);
	printf_(b, "%lu", lerq_finding_column(finding));
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
	puts_(b, "}\n");
}

static void json_summary(struct json_buf *b, const char *file,
                         const struct lerq_report *report)
{
	json_key(b, "file", true);
	json_string(b, file);
	json_key(b, "valid", false);
	puts_(b, lerq_report_is_valid(report) ? "true" : "false");
	json_key(b, "errors", false);
	printf_(b, "%zu", lerq_report_errors(report));
	json_key(b, "warnings", false);
	printf_(b, "%zu", lerq_report_warnings(report));
	puts_(b, "}\n");
}

LERQ_EXPORT int lerq_report_to_json(const struct lerq_report *report, const char *file,
                                    char **out, size_t *out_size)
{
	if (report == NULL || file == NULL || out == NULL)
		return LERQ_EINVAL;
	struct json_buf b = { 0 };
	for (size_t i = 0; i < lerq_report_count(report); i++)
		json_finding(&b, file, lerq_report_get(report, i));
	json_summary(&b, file, report);
	if (b.oom) {
		free(b.data);
		return LERQ_ENOMEM;
	}
	*out = b.data;
	if (out_size != NULL)
		*out_size = b.len;
	return LERQ_OK;
}
