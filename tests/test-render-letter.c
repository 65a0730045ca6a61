/* SPDX-License-Identifier: MIT */
/*
 * Letters made once (issues 11 and 18): one validation and one letter
 * model serve every format, byte for byte what lerq_render_memory()
 * gives; a document built or parsed in memory is rendered without being
 * validated again, unless it changed; lerq render serves a batch.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render-test.h"

static const enum lerq_format all_formats[] = {
	LERQ_FORMAT_HTML, LERQ_FORMAT_TEXT,
#ifdef LERQ_HAVE_PDF
	LERQ_FORMAT_PDF,
#endif
};
#define ALL_FORMATS (sizeof(all_formats) / sizeof(all_formats[0]))

/* A moment before the examples' IssuedAt (2026-09-08): validating then
 * finds LERQ-R003 (issued in the future), an error. */
#define BEFORE_ISSUE ((lerq_time_t)1788220800) /* 2026-09-01T00:00:00Z */

static char *render_bytes(const struct lerq_renderer *renderer, const char *doc, size_t size,
                          enum lerq_format format, size_t *out_size)
{
	char *out = NULL;
	assert_int_equal(lerq_render_memory(renderer, doc, size, format, TEST_NOW, &out,
	                                    out_size, NULL),
	                 LERQ_OK);
	return out;
}

static void assert_letter_is(struct lerq_letter *letter, enum lerq_format format,
                             const char *want, size_t want_size)
{
	char *got = NULL;
	size_t got_size = 0;
	assert_int_equal(lerq_letter_render(letter, format, &got, &got_size), LERQ_OK);
	assert_int_equal(got_size, want_size);
	assert_memory_equal(got, want, want_size);
	free(got);
}

static void test_one_letter_every_format(void **state)
{
	struct fixture *f = *state;
	size_t size;
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), &size);
	struct lerq_letter *letter = NULL;
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_letter_new(f->renderer, doc, size, TEST_NOW, &letter, &report),
	                 LERQ_OK);
	assert_non_null(letter);
	assert_true(lerq_report_is_valid(report));
	lerq_report_free(report);
	/* Twice each, in any order: the model is not used up. */
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < ALL_FORMATS; i++) {
			size_t want_size;
			char *want = render_bytes(f->renderer, doc, size, all_formats[i], &want_size);
			assert_letter_is(letter, all_formats[i], want, want_size);
			free(want);
		}
	}
	char *out = NULL;
	size_t out_size = 0;
	assert_int_equal(lerq_letter_render(letter, (enum lerq_format)42, &out, &out_size),
	                 LERQ_EINVAL);
	assert_int_equal(lerq_letter_render(NULL, LERQ_FORMAT_HTML, &out, &out_size),
	                 LERQ_EINVAL);
	lerq_letter_free(letter);
	lerq_letter_free(NULL);
	free(doc);
}

static void test_invalid_document_gets_no_letter(void **state)
{
	struct fixture *f = *state;
	size_t size;
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), &size);
	struct lerq_letter *letter = NULL;
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_letter_new(f->renderer, doc, size, BEFORE_ISSUE, &letter, &report),
	                 LERQ_EDOCUMENT);
	assert_null(letter);
	assert_non_null(report);
	assert_string_equal(lerq_finding_code(lerq_report_get(report, 0)), "LERQ-R003");
	lerq_report_free(report);
	free(doc);
}

/* A parsed valid document is rendered as it is: not validated again (the
 * time that would now make it invalid does not matter), until it
 * changes. */
static void test_parsed_document_not_validated_again(void **state)
{
	struct fixture *f = *state;
	size_t size;
	char *bytes = slurp(EXAMPLE("preservation-request.xml"), &size);
	struct lerq_doc *doc = NULL;
	assert_int_equal(lerq_doc_parse_memory(f->ctx, bytes, size, TEST_NOW, 0, &doc, NULL),
	                 LERQ_OK);

	for (size_t i = 0; i < ALL_FORMATS; i++) {
		char *out = NULL;
		size_t out_size = 0;
		struct lerq_report *report = NULL;
		assert_int_equal(lerq_render_doc(f->renderer, doc, all_formats[i], BEFORE_ISSUE,
		                                 &out, &out_size, &report),
		                 LERQ_OK);
		assert_non_null(report);
		assert_int_equal(lerq_report_count(report), 0);
		lerq_report_free(report);
		size_t want_size;
		char *want = render_bytes(f->renderer, bytes, size, all_formats[i], &want_size);
		if (all_formats[i] != LERQ_FORMAT_PDF) {
			assert_int_equal(out_size, want_size);
			assert_memory_equal(out, want, want_size);
		} else {
			assert_memory_equal(out, "%PDF-", 5);
		}
		free(want);
		free(out);
	}

	/* A change, even to the same value: validated again, at BEFORE_ISSUE. */
	const char *number = lerq_elem_text(lerq_doc_find(doc, "/Request/RegistrationNumber"));
	char *copy = strdup(number);
	assert_int_equal(lerq_doc_set_registration_number(doc, copy), LERQ_OK);
	free(copy);
	char *out = NULL;
	size_t out_size = 0;
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_render_doc(f->renderer, doc, LERQ_FORMAT_TEXT, BEFORE_ISSUE, &out,
	                                 &out_size, &report),
	                 LERQ_EDOCUMENT);
	assert_null(out);
	assert_non_null(report);
	assert_string_equal(lerq_finding_code(lerq_report_get(report, 0)), "LERQ-R003");
	assert_non_null(strstr(lerq_doc_error(doc), "not valid"));
	lerq_report_free(report);

	/* Valid again at TEST_NOW, and then remembered as valid. */
	assert_int_equal(lerq_render_doc(f->renderer, doc, LERQ_FORMAT_TEXT, TEST_NOW, &out,
	                                 &out_size, NULL),
	                 LERQ_OK);
	free(out);
	assert_int_equal(lerq_render_doc(f->renderer, doc, LERQ_FORMAT_TEXT, BEFORE_ISSUE, &out,
	                                 &out_size, NULL),
	                 LERQ_OK);
	free(out);
	lerq_doc_free(doc);
	free(bytes);
}

/* A document built in memory: one validation, one letter in every
 * format, and the letter outlives the document. */
static void test_built_document(void **state)
{
	struct fixture *f = *state;
	char *bytes = NULL;
	size_t size = 0;
	assert_int_equal(lerq_doc_template(LERQ_DOC_REQUEST_PRESERVATION, LERQ_TEMPLATE_EXAMPLE,
	                                   &bytes, &size),
	                 LERQ_OK);
	/* A template is text with comments; parsing it with KEEP_INVALID
	 * would validate it. Build from it instead: the document as the
	 * builder made it, never validated. */
	struct lerq_doc *doc = NULL;
	assert_int_equal(lerq_doc_new(LERQ_DOC_REQUEST_PRESERVATION, "en", &doc), LERQ_OK);
	struct lerq_letter *letter = NULL;
	struct lerq_report *report = NULL;
	/* Empty: invalid, and said so. */
	assert_int_equal(lerq_letter_new_doc(f->renderer, doc, TEST_NOW, &letter, &report),
	                 LERQ_EDOCUMENT);
	assert_null(letter);
	assert_true(lerq_report_errors(report) > 0);
	lerq_report_free(report);
	lerq_doc_free(doc);

	/* The example template, parsed: valid, a letter in every format. */
	assert_int_equal(lerq_doc_parse_memory(f->ctx, bytes, size, LERQ_NOW_CLOCK, 0, &doc, NULL),
	                 LERQ_OK);
	assert_int_equal(lerq_letter_new_doc(f->renderer, doc, LERQ_NOW_CLOCK, &letter, &report),
	                 LERQ_OK);
	lerq_report_free(report);
	lerq_doc_free(doc);
	for (size_t i = 0; i < ALL_FORMATS; i++) {
		char *out = NULL;
		size_t out_size = 0;
		assert_int_equal(lerq_letter_render(letter, all_formats[i], &out, &out_size),
		                 LERQ_OK);
		assert_true(out_size > 100);
		free(out);
	}
	lerq_letter_free(letter);
	free(bytes);
	assert_int_equal(lerq_render_doc(f->renderer, NULL, LERQ_FORMAT_HTML, TEST_NOW,
	                                 &bytes, &size, NULL),
	                 LERQ_EINVAL);
}

/* ---- lerq render with many files ---- */

static int run_cli(const char *const *args)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		const char *argv[16] = { LERQ_CLI };
		size_t i = 1;
		for (; args[i - 1] != NULL && i < 15; i++)
			argv[i] = args[i - 1];
		argv[i] = NULL;
		execv(LERQ_CLI, (char *const *)argv);
		_exit(127);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}
#define CLI(...) run_cli((const char *const[]){ __VA_ARGS__, NULL })

static void test_cli_batch(void **state)
{
	struct fixture *f = *state;
	char dir[] = "/tmp/lerq-batch-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char out[64];
	snprintf(out, sizeof(out), "%s/letters", dir);

	/* A directory of examples, two formats: NAME.html and NAME.txt each,
	 * in a directory made readable by its owner only. */
	assert_int_equal(CLI("render", "--now", "2026-11-26T12:00:00Z", "--to", "html,text",
	                     "-o", out, EXAMPLE("")),
	                 0);
	struct stat st;
	assert_int_equal(stat(out, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	size_t files = 0;
	DIR *d = opendir(out);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		files += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(files, 14); /* seven examples, two formats */

	/* The same bytes as one letter rendered alone. */
	size_t size;
	char *doc = slurp(EXAMPLE("response.xml"), &size);
	char path[128];
	snprintf(path, sizeof(path), "%s/response.txt", out);
	size_t got_size;
	char *got = slurp(path, &got_size);
	size_t want_size;
	char *want = render_bytes(f->renderer, doc, size, LERQ_FORMAT_TEXT, &want_size);
	assert_int_equal(got_size, want_size);
	assert_memory_equal(got, want, want_size);
	free(got);
	free(want);
	free(doc);

	/* Two files into an existing directory; -o a directory for one file. */
	assert_int_equal(CLI("render", "--now", "2026-11-26T12:00:00Z", "-o", dir,
	                     EXAMPLE("response.xml"), EXAMPLE("release-request.xml")),
	                 0);
	snprintf(path, sizeof(path), "%s/release-request.html", dir);
	assert_int_equal(access(path, F_OK), 0);

	/* Several inputs without -o, standard input in a batch, and two
	 * inputs of one name: usage errors or refusals, nothing written. */
	assert_int_equal(CLI("render", EXAMPLE("response.xml"), EXAMPLE("release-request.xml")),
	                 2);
	assert_int_equal(CLI("render", "--to", "html,pdf", EXAMPLE("response.xml")), 2);
	assert_int_equal(CLI("render", "-o", dir, "-", EXAMPLE("response.xml")), 2);
	assert_int_equal(CLI("render", "--to", "html,word", "-o", dir, EXAMPLE("response.xml")), 2);
	char clash[64];
	snprintf(clash, sizeof(clash), "%s/clash", dir);
	assert_int_equal(CLI("render", "-o", clash, EXAMPLE("response.xml"),
	                     EXAMPLE("response.xml")),
	                 2);
	assert_int_not_equal(access(clash, F_OK), 0);

	/* An invalid document among valid ones: status 1, the others written. */
	char bad[64];
	snprintf(bad, sizeof(bad), "%s/bad", dir);
	assert_int_equal(CLI("render", "--now", "2026-09-01T00:00:00Z", "-o", bad,
	                     EXAMPLE("response.xml"), EXAMPLE("release-request.xml")),
	                 1);

	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_one_letter_every_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_document_gets_no_letter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parsed_document_not_validated_again, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_built_document, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cli_batch, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
