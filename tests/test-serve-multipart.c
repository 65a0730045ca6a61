/* SPDX-License-Identifier: MIT */
/*
 * The multipart/form-data reader of lerq serve (cli/serve/multipart.c):
 * the parts it finds, and every malformed body it refuses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "serve/serve.h"

#define FORM "multipart/form-data; boundary=XyZ"

struct parsed {
	struct multipart_part parts[2];
	const char *problem;
};

static struct parsed parse(const char *content_type, const char *body)
{
	struct parsed p = { .parts = { { .name = "request" }, { .name = "response" } } };

	p.problem = multipart_parse(content_type, body, strlen(body), p.parts, 2);
	return p;
}

static void assert_part(const struct multipart_part *part, const char *want)
{
	assert_true(part->found);
	assert_int_equal(part->size, strlen(want));
	assert_memory_equal(part->data, want, part->size);
}

static void test_two_parts(void **state)
{
	struct parsed p = parse(FORM,
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"request\"; filename=\"r.xml\"\r\n"
		"Content-Type: application/xml\r\n"
		"\r\n"
		"<Request/>\r\n"
		"--XyZ\r\n"
		"content-disposition: form-data; name=response\r\n"
		"\r\n"
		"<Response>\r\n--XyZX not a delimiter\r\n</Response>\r\n"
		"--XyZ--\r\n");

	(void)state;
	assert_null(p.problem);
	assert_part(&p.parts[0], "<Request/>");
	assert_part(&p.parts[1], "<Response>\r\n--XyZX not a delimiter\r\n</Response>");
}

static void test_preamble_epilogue_padding_others(void **state)
{
	struct parsed p = parse("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"",
		"preamble, ignored\r\n"
		"--a b  \r\n"
		"Content-Disposition: form-data; filename=\"request\"; name=\"note\"\r\n"
		"\r\n"
		"hello\r\n"
		"--a b\r\n"
		"Content-Disposition: form-data; name=\"response\"\r\n"
		"\r\n"
		"\r\n"
		"--a b\r\n"
		"Content-Disposition: form-data; name=\"request\"\r\n"
		"\r\n"
		"R\r\n"
		"--a b--\r\n"
		"epilogue, ignored");

	(void)state;
	assert_null(p.problem);
	assert_part(&p.parts[0], "R");
	/* An empty part is found; the service answers 400 for it. */
	assert_part(&p.parts[1], "");
}

static void test_refused(void **state)
{
	static const struct {
		const char *content_type;
		const char *body;
	} cases[] = {
		{ NULL, "--XyZ--" },
		{ "application/xml", "--XyZ--" },
		{ "multipart/form-data", "--XyZ--" },
		{ "multipart/form-data; boundary=", "----" },
		{ "multipart/form-data; boundary=\"XyZ", "--XyZ--" },
		/* 71 characters: over RFC 2046's 70. */
		{ "multipart/form-data; boundary="
		  "12345678901234567890123456789012345678901234567890123456789012345678901",
		  "--x" },
		{ FORM, "" },
		{ FORM, "no delimiter at all" },
		{ FORM, "--XyZ--\r\n" },
		{ FORM, "--XyZ\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\nR" },
		{ FORM, "--XyZ\r\nContent-Disposition: form-data; name=\"request\"" },
		{ FORM, "--XyZ junk\r\n\r\nR\r\n--XyZ--" },
		{ FORM, "--XyZ\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\nR\r\n"
		        "--XyZ\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\nR\r\n"
		        "--XyZ\r\nContent-Disposition: form-data; name=\"response\"\r\n\r\nS\r\n"
		        "--XyZ--" },
		{ FORM, "--XyZ\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\nR\r\n"
		        "--XyZ--" },
		{ FORM, "--XyZ\r\nContent-Disposition: form-data; name=\"request\r\n\r\nR\r\n"
		        "--XyZ--" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct parsed p = parse(cases[i].content_type, cases[i].body);

		if (p.problem == NULL)
			fail_msg("case %zu was accepted", i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_parts),
		cmocka_unit_test(test_preamble_epilogue_padding_others),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
