/* SPDX-License-Identifier: MIT */
/* Validation in the spec's order (section 4): size, parsing, root and
 * version, schema, rules. A refusal is the only finding for its document. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lerq-private.h"

LERQ_EXPORT int lerq_validate_memory(const struct lerq_ctx *ctx, const void *data,
                                     size_t size, lerq_time_t now,
                                     struct lerq_report **out)
{
	if (ctx == NULL || out == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	if (now == LERQ_NOW_CLOCK)
		now = (lerq_time_t)time(NULL);

	struct lerq_report *report = lerq_report_new();
	if (report == NULL)
		return LERQ_ENOMEM;

	xmlDocPtr doc = NULL;
	int r = lerq_parse(ctx, data, size, &doc, report);
	if (r == LERQ_OK && doc != NULL && lerq_check_root(doc, report, &r))
		r = lerq_schema_validate(ctx, doc, report);
	/* Rules (issue 3) run here, on documents without schema errors. */
	xmlFreeDoc(doc);

	if (r != LERQ_OK) {
		lerq_report_free(report);
		return r;
	}
	*out = report;
	return LERQ_OK;
}

/* Reads at most limit + 1 bytes: enough to know the input is too large
 * without holding all of it. */
static int read_file(const char *path, size_t limit, char **data, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return LERQ_EIO;
	size_t cap = 65536, len = 0;
	char *buf = malloc(cap);
	if (buf == NULL) {
		fclose(f);
		return LERQ_ENOMEM;
	}
	for (;;) {
		if (len == cap) {
			if (len > limit)
				break;
			size_t ncap = cap * 2;
			char *p = realloc(buf, ncap);
			if (p == NULL) {
				free(buf);
				fclose(f);
				return LERQ_ENOMEM;
			}
			buf = p;
			cap = ncap;
		}
		size_t want = cap - len;
		if (len + want > limit + 1)
			want = limit + 1 - len;
		if (want == 0)
			break;
		size_t n = fread(buf + len, 1, want, f);
		len += n;
		if (n < want) {
			if (ferror(f)) {
				int e = errno;
				free(buf);
				fclose(f);
				errno = e ? e : EIO;
				return LERQ_EIO;
			}
			break;
		}
	}
	fclose(f);
	*data = buf;
	*size = len;
	return LERQ_OK;
}

LERQ_EXPORT int lerq_validate_file(const struct lerq_ctx *ctx, const char *path,
                                   lerq_time_t now, struct lerq_report **out)
{
	if (ctx == NULL || path == NULL || out == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size;
	int r = read_file(path, ctx->max_size, &data, &size);
	if (r != LERQ_OK)
		return r;
	r = lerq_validate_memory(ctx, data, size, now, out);
	free(data);
	return r;
}
