/* SPDX-License-Identifier: MIT */
/* Helpers shared by the letter tests (test-render*.c). */
#ifndef LERQ_RENDER_TEST_H
#define LERQ_RENDER_TEST_H

#include <errno.h>
#include <stdbool.h>

#include "lerq-test.h"

/* A whole file, NUL-terminated. */
static inline char *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("cannot open %s: %s", path, strerror(errno));
	size_t cap = 65536, len = 0, n;
	char *buf = malloc(cap);
	assert_non_null(buf);
	while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	fclose(f);
	buf[len] = '\0';
	if (size)
		*size = len;
	return buf;
}

/* A copy of s with every occurrence of from replaced by to. */
static inline char *replace_all(const char *s, const char *from, const char *to)
{
	size_t count = 0, lf = strlen(from), lt = strlen(to);
	for (const char *p = s; (p = strstr(p, from)) != NULL; p += lf)
		count++;
	char *out = malloc(strlen(s) + count * lt + 1);
	assert_non_null(out);
	char *o = out;
	const char *p;
	while ((p = strstr(s, from)) != NULL) {
		memcpy(o, s, (size_t)(p - s));
		o += p - s;
		memcpy(o, to, lt);
		o += lt;
		s = p + lf;
	}
	strcpy(o, s);
	return out;
}

/* Renders a document that must render; the report is checked for errors
 * and returned through report when that is not NULL. */
static inline char *render_ok(const struct lerq_renderer *renderer, const char *doc,
                              enum lerq_format format, struct lerq_report **report)
{
	char *out = NULL;
	size_t size = 0;
	struct lerq_report *rep = NULL;
	int r = lerq_render_memory(renderer, doc, strlen(doc), format, TEST_NOW, &out, &size, &rep);
	if (r != LERQ_OK) {
		print_report(rep);
		fail_msg("lerq_render_memory returned %d (%s)", r, lerq_strerror(r));
	}
	assert_non_null(out);
	assert_int_equal(strlen(out), size);
	assert_non_null(rep);
	assert_int_equal(lerq_report_errors(rep), 0);
	if (report)
		*report = rep;
	else
		lerq_report_free(rep);
	return out;
}

static inline char *render_file_ok(const struct lerq_renderer *renderer, const char *path,
                                   enum lerq_format format)
{
	char *doc = slurp(path, NULL);
	char *out = render_ok(renderer, doc, format, NULL);
	free(doc);
	return out;
}

/*
 * What a reader of an HTML letter sees: the text without tags, the five
 * predefined entities decoded, the <style> element left out. Pieces of an
 * identifier (separate inline blocks) join up again, as on screen.
 */
static inline char *visible_text(const char *html)
{
	char *out = malloc(strlen(html) + 1);
	assert_non_null(out);
	char *o = out;
	const char *p = html;
	while (*p) {
		if (strncmp(p, "<style", 6) == 0) {
			const char *end = strstr(p, "</style>");
			assert_non_null(end);
			p = end + 8;
		} else if (*p == '<') {
			const char *end = strchr(p, '>');
			assert_non_null(end);
			/* Block ends become spaces, so that words stay apart. */
			if (strncmp(p, "</span", 6) != 0 && strncmp(p, "<span", 5) != 0 &&
			    strncmp(p, "<code", 5) != 0 && strncmp(p, "</code", 6) != 0 &&
			    strncmp(p, "<strong", 7) != 0 && strncmp(p, "</strong", 8) != 0 &&
			    strncmp(p, "<a ", 3) != 0 && strncmp(p, "</a", 3) != 0)
				*o++ = ' ';
			p = end + 1;
		} else if (*p == '&') {
			static const struct { const char *entity, *c; } entities[] = {
				{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
				{ "&quot;", "\"" }, { "&#39;", "'" },
			};
			size_t i;
			for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
				if (strncmp(p, entities[i].entity, strlen(entities[i].entity)) == 0)
					break;
			assert_true(i < sizeof(entities) / sizeof(entities[0]));
			*o++ = entities[i].c[0];
			p += strlen(entities[i].entity);
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	/* No-break spaces read as spaces. */
	for (char *r = out, *q = out;; r++) {
		if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0) {
			*q++ = ' ';
			r++;
		} else if ((*q++ = *r) == '\0') {
			break;
		}
	}
	/* Collapse runs of white space, as a browser does. */
	char *w = out;
	bool space = false;
	for (const char *r = out; *r; r++) {
		if (*r == ' ' || *r == '\n' || *r == '\t') {
			space = true;
			continue;
		}
		if (space && w != out)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	return out;
}

/* A context and a renderer with lerq's own letterhead. */
struct fixture {
	struct lerq_ctx *ctx;
	struct lerq_renderer *renderer;
};

static inline int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	f->ctx = test_ctx();
	assert_int_equal(lerq_renderer_new(f->ctx, &f->renderer), LERQ_OK);
	*state = f;
	return 0;
}

static inline int teardown(void **state)
{
	struct fixture *f = *state;
	lerq_renderer_free(f->renderer);
	lerq_ctx_free(f->ctx);
	free(f);
	return 0;
}

#define assert_contains(haystack, needle)                                              \
	do {                                                                           \
		if (strstr((haystack), (needle)) == NULL)                              \
			fail_msg("expected to find \"%s\"", (needle));                 \
	} while (0)

#define assert_lacks(haystack, needle)                                                 \
	do {                                                                           \
		if (strstr((haystack), (needle)) != NULL)                              \
			fail_msg("did not expect to find \"%s\"", (needle));           \
	} while (0)

#endif
