/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the builder's setters. The input is a script, one
 * operation per line, applied to a new document whose kind the first byte
 * chooses:
 *   A PATH|NAME|VALUE   add child NAME with VALUE under the element at PATH
 *   E PATH|NAME         add an empty child
 *   S PATH|VALUE        set the element's value
 *   T PATH|ATTR|VALUE   set an attribute
 *   R PATH              remove the element
 * (PATH as in findings, e.g. /Request/IssuingAuthority/Contact[1]). Any
 * call may refuse; none may crash. A document that writes (so is valid)
 * must parse back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

static struct lerq_ctx *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (lerq_ctx_new(0, &ctx) != LERQ_OK)
		abort();
	return 0;
}

/* Splits s at the first '|' (NUL-terminating the first part). */
static char *field(char *s)
{
	char *bar = s ? strchr(s, '|') : NULL;
	if (bar == NULL)
		return NULL;
	*bar = '\0';
	return bar + 1;
}

static void apply(struct lerq_doc *doc, char *line)
{
	char op = line[0];
	if (op == '\0' || line[1] != ' ')
		return;
	char *path = line + 2;
	char *a = field(path);
	char *b = field(a);
	struct lerq_elem *elem = lerq_doc_find(doc, path);
	switch (op) {
	case 'A':
		if (a && b)
			lerq_elem_add_text(elem, a, b, NULL);
		break;
	case 'E':
		if (a)
			lerq_elem_add(elem, a, NULL);
		break;
	case 'S':
		lerq_elem_set_text(elem, a);
		break;
	case 'T':
		if (a && b)
			lerq_elem_set_attr(elem, a, b);
		break;
	case 'R':
		lerq_elem_remove(elem);
		return; /* the handle is gone */
	}
	/* Reading back must never fail on a live handle. */
	(void)lerq_elem_name(elem);
	(void)lerq_elem_text(elem);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct lerq_doc *doc = NULL;
	if (lerq_doc_new((enum lerq_doc_kind)(data[0] % 4 + 1), "en", &doc) != LERQ_OK)
		return 0;
	char *script = malloc(size);
	if (script == NULL) {
		lerq_doc_free(doc);
		return 0;
	}
	memcpy(script, data + 1, size - 1);
	script[size - 1] = '\0';
	for (char *line = strtok(script, "\n"); line; line = strtok(NULL, "\n"))
		apply(doc, line);
	free(script);

	char *out = NULL;
	size_t out_size = 0;
	struct lerq_report *report = NULL;
	int r = lerq_doc_write_memory(ctx, doc, 1795694400, &out, &out_size, &report);
	if (r == LERQ_OK) {
		struct lerq_doc *back = NULL;
		if (lerq_doc_parse_memory(ctx, out, out_size, 1795694400, 0, &back, NULL) != LERQ_OK)
			abort(); /* what lerq writes, lerq reads */
		lerq_doc_free(back);
	} else if (r != LERQ_EDOCUMENT && r != LERQ_ENOMEM) {
		abort();
	}
	free(out);
	lerq_report_free(report);
	lerq_doc_free(doc);
	return 0;
}
