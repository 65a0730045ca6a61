/* SPDX-License-Identifier: MIT */
/* Helpers of the PDF letter tests (test-render-pdf.c): renderings, and
 * poppler's tools to read them back. */
#ifndef LERQ_PDF_TEST_H
#define LERQ_PDF_TEST_H

#include <stdbool.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render-test.h"

static inline bool tool_found(const char *path)
{
	return path[0] != '\0' && access(path, X_OK) == 0;
}

#define NEED(tool)                                                                     \
	do {                                                                           \
		if (!tool_found(tool)) {                                               \
			print_message("%s not found: skipped\n", #tool);               \
			skip();                                                        \
		}                                                                      \
	} while (0)

static inline char *render_pdf(const struct lerq_renderer *r, const char *doc, size_t *size)
{
	char *out = NULL;
	struct lerq_report *rep = NULL;
	int e = lerq_render_memory(r, doc, strlen(doc), LERQ_FORMAT_PDF, TEST_NOW, &out, size, &rep);
	if (e != LERQ_OK) {
		print_report(rep);
		fail_msg("lerq_render_memory(PDF) returned %d (%s)", e, lerq_strerror(e));
	}
	lerq_report_free(rep);
	assert_true(*size > 1000);
	assert_memory_equal(out, "%PDF-", 5);
	assert_memory_equal(out + *size - 6, "%%EOF\n", 6);
	assert_int_equal(out[*size], '\0');
	return out;
}

/* Runs a poppler tool with args (up to 3) and the PDF; its standard
 * output, and (if err is not NULL) its standard error. */
static inline char *run_tool(const char *tool, const char *const *args, const char *pdf,
                             size_t size, char **err)
{
	char in_t[] = "/tmp/lerq-pdf-XXXXXX", out_t[] = "/tmp/lerq-out-XXXXXX",
	     err_t[] = "/tmp/lerq-err-XXXXXX";
	int in = mkstemp(in_t), out = mkstemp(out_t), errfd = mkstemp(err_t);
	assert_true(in >= 0 && out >= 0 && errfd >= 0);
	assert_int_equal(write(in, pdf, size), (ssize_t)size);
	close(in);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(out, 1);
		dup2(errfd, 2);
		const char *argv[8] = { tool };
		int i = 1;
		for (; args != NULL && args[i - 1] != NULL && i < 4; i++)
			argv[i] = args[i - 1];
		argv[i++] = in_t;
		if (strstr(tool, "pdftotext") != NULL)
			argv[i++] = "-";
		argv[i] = NULL;
		execv(tool, (char *const *)argv);
		_exit(127);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	close(out);
	close(errfd);
	char *text = slurp(out_t, NULL);
	if (err != NULL)
		*err = slurp(err_t, NULL);
	unlink(in_t);
	unlink(out_t);
	unlink(err_t);
	return text;
}

/* The PDF's bytes (binary: NULs in its streams) hold needle. */
#define assert_pdf_has(pdf, size, needle)                                              \
	do {                                                                           \
		if (memmem((pdf), (size), (needle), strlen(needle)) == NULL)           \
			fail_msg("expected \"%s\" in the PDF", (needle));              \
	} while (0)
#define assert_pdf_lacks(pdf, size, needle)                                            \
	do {                                                                           \
		if (memmem((pdf), (size), (needle), strlen(needle)) != NULL)           \
			fail_msg("did not expect \"%s\" in the PDF", (needle));        \
	} while (0)

static inline size_t count_bytes(const char *pdf, size_t size, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *p = pdf, *end = pdf + size;
	     (p = memmem(p, (size_t)(end - p), needle, len)) != NULL; p += len)
		n++;
	return n;
}

static inline char *lerq__pdf_text(const char *pdf, size_t size)
{
	/* -raw: in the order drawn, which keeps a cell's lines together. */
	static const char *const args[] = { "-raw", "-enc", "UTF-8", NULL };
	return run_tool(LERQ_PDFTOTEXT, args, pdf, size, NULL);
}

/* Text without white space (nor no-break spaces, nor the marks poppler
 * puts round right-to-left runs), so that a field found once however the
 * PDF broke its lines is found. */
static inline char *squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	assert_non_null(out);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\f' || *p == '\r') {
			p++;
		} else if (p[0] == 0xC2 && p[1] == 0xA0) {
			p += 2;
		} else if (p[0] == 0xE2 && p[1] == 0x80 &&
		           (p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE))) {
			p += 3;
		} else {
			*o++ = (char)*p++;
		}
	}
	*o = '\0';
	return out;
}

/*
 * Every word of the text letter is in the PDF's text layer: the two say
 * the same. Rules, bullets and the label suffix are the text layout's
 * own, not words of the letter.
 */
static inline void assert_says_what_text_says(const char *pdf_words, const char *text)
{
	char *flat = squeeze(pdf_words);
	char *copy = replace_all(text, "\u00a0", " ");
	size_t checked = 0;
	for (char *save = NULL, *w = strtok_r(copy, " \n", &save); w != NULL;
	     w = strtok_r(NULL, " \n", &save)) {
		size_t n = strlen(w);
		while (n > 0 && w[n - 1] == ':')
			w[--n] = '\0';
		if (strspn(w, "-=*") == n || strcmp(w, "\u00b7") == 0)
			continue;
		if (strstr(flat, w) == NULL)
			fail_msg("the text letter's \"%s\" is not in the PDF", w);
		checked++;
	}
	assert_true(checked > 50);
	free(copy);
	free(flat);
}

/* The lines of a page of pdftotext's output, in an array of n. */
static inline char **page_lines(char *page, size_t *n)
{
	size_t cap = 64;
	char **lines = malloc(cap * sizeof(*lines));
	assert_non_null(lines);
	*n = 0;
	for (char *save = NULL, *l = strtok_r(page, "\n", &save); l != NULL;
	     l = strtok_r(NULL, "\n", &save)) {
		if (*n == cap) {
			cap *= 2;
			lines = realloc(lines, cap * sizeof(*lines));
			assert_non_null(lines);
		}
		lines[(*n)++] = l;
	}
	return lines;
}

static inline bool same_but_digits(const char *a, const char *b)
{
	for (;; a++, b++) {
		while (*a >= '0' && *a <= '9')
			a++;
		while (*b >= '0' && *b <= '9')
			b++;
		if (*a != *b)
			return false;
		if (*a == '\0')
			return true;
	}
}

/*
 * No page ends with a section heading: its text must not be the last
 * line above the footer. The headings are the text letter's underlined
 * lines; the footer is what every page ends with.
 */
static inline void assert_no_orphan_headings(const char *pdf_words, const char *text)
{
	char *words = strdup(pdf_words);
	char *pages[512];
	size_t n_pages = 0;
	for (char *save = NULL, *p = strtok_r(words, "\f", &save); p != NULL && n_pages < 512;
	     p = strtok_r(NULL, "\f", &save))
		if (strspn(p, " \n") < strlen(p))
			pages[n_pages++] = p;
	if (n_pages < 2) {
		free(words);
		return;
	}
	char **lines[512];
	size_t counts[512], footer = 0;
	for (size_t i = 0; i < n_pages; i++)
		lines[i] = page_lines(pages[i], &counts[i]);
	/* The footer's lines are the same on every page, but for the digits
	 * of the page number. */
	for (bool same = true; same; footer += same) {
		for (size_t i = 0; i < n_pages && same; i++)
			same = counts[i] > footer + 1 &&
			       same_but_digits(lines[i][counts[i] - 1 - footer],
			                       lines[0][counts[0] - 1 - footer]);
	}
	assert_true(footer > 0);
	for (size_t i = 0; i < n_pages; i++) {
		const char *last = lines[i][counts[i] - 1 - footer];
		const char *t = text;
		for (const char *rule; (rule = strstr(t, "\n---")) != NULL; t = rule + 4) {
			const char *start = rule;
			while (start > text && start[-1] != '\n')
				start--;
			if ((size_t)(rule - start) == strlen(last) &&
			    strncmp(start, last, strlen(last)) == 0)
				fail_msg("page %zu ends with the heading \"%s\"", i + 1, last);
		}
		free(lines[i]);
	}
	free(words);
}

static inline char *info_line(const char *info, const char *key)
{
	const char *p = strstr(info, key);
	if (p == NULL)
		fail_msg("pdfinfo has no %s", key);
	p += strlen(key);
	p += strspn(p, " ");
	size_t n = strcspn(p, "\n");
	char *v = malloc(n + 1);
	assert_non_null(v);
	memcpy(v, p, n);
	v[n] = '\0';
	return v;
}

static inline void assert_info(const char *info, const char *key, const char *value)
{
	char *v = info_line(info, key);
	if (strcmp(v, value) != 0)
		fail_msg("%s \"%s\", expected \"%s\"", key, v, value);
	free(v);
}

static inline size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

static inline int setup_letterhead(void **state)
{
	setup(state);
	struct fixture *f = *state;
	struct lerq_report *problems = NULL;
	assert_int_equal(lerq_renderer_set_letterhead(
	                         f->renderer, EXAMPLE("letterhead/letterhead.xsl"), &problems),
	                 LERQ_OK);
	return 0;
}

#endif
