/* SPDX-License-Identifier: MIT */
/*
 * The PDF typesetter is a module opened on the first PDF letter (issue
 * 18): validating, and rendering HTML or text, never maps cairo, pango
 * or the module itself into the process; the first PDF letter does. The
 * tests run in order in one process, which /proc/self/maps describes;
 * the tool is checked the same way under LD_DEBUG=files.
 */
#include <stdbool.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lerq-test.h"

/* True when a file whose name contains needle is mapped. */
static bool mapped(const char *needle)
{
	FILE *f = fopen("/proc/self/maps", "r");
	assert_non_null(f);
	char line[4096];
	bool found = false;
	while (!found && fgets(line, sizeof(line), f) != NULL)
		found = strstr(line, needle) != NULL;
	fclose(f);
	return found;
}

static void assert_no_pdf_libraries(void)
{
	assert_false(mapped("liblerq-pdf"));
	assert_false(mapped("libcairo"));
	assert_false(mapped("libpango"));
	assert_false(mapped("libfontconfig"));
}

static void test_validation_loads_no_pdf_library(void **state)
{
	(void)state;
	assert_no_pdf_libraries();
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_report *report = validate_path(ctx, EXAMPLE("preservation-request.xml"));
	assert_true(lerq_report_is_valid(report));
	lerq_report_free(report);
	assert_no_pdf_libraries();

	/* Nor does a renderer, nor an HTML or a text letter. */
	struct lerq_renderer *renderer = NULL;
	assert_int_equal(lerq_renderer_new(ctx, &renderer), LERQ_OK);
	size_t size;
	char *doc = test_slurp(EXAMPLE("preservation-request.xml"), &size);
	for (int format = LERQ_FORMAT_HTML; format <= LERQ_FORMAT_TEXT; format++) {
		char *out = NULL;
		size_t out_size = 0;
		assert_int_equal(lerq_render_memory(renderer, doc, size, (enum lerq_format)format,
		                                    TEST_NOW, &out, &out_size, NULL),
		                 LERQ_OK);
		free(out);
	}
	assert_no_pdf_libraries();

#ifdef LERQ_HAVE_PDF
	/* The first PDF letter opens the module, which brings cairo. */
	char *pdf = NULL;
	size_t pdf_size = 0;
	assert_int_equal(lerq_render_memory(renderer, doc, size, LERQ_FORMAT_PDF, TEST_NOW, &pdf,
	                                    &pdf_size, NULL),
	                 LERQ_OK);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(pdf);
	assert_true(mapped("liblerq-pdf"));
	assert_true(mapped("libcairo"));
#endif
	free(doc);
	lerq_renderer_free(renderer);
	lerq_ctx_free(ctx);
}

/* `lerq validate FILE` under LD_DEBUG=files: the dynamic loader names
 * every object it opens; none is cairo's, pango's or the module. */
static void test_tool_validates_without_pdf_libraries(void **state)
{
	(void)state;
	char log[] = "/tmp/lerq-ld-debug-XXXXXX";
	int fd = mkstemp(log);
	assert_true(fd >= 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fd, 2);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		setenv("LD_DEBUG", "files", 1);
		execl(LERQ_CLI, LERQ_CLI, "validate", EXAMPLE("preservation-request.xml"),
		      (char *)NULL);
		_exit(127);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	close(fd);
	char *text = test_slurp(log, NULL);
	unlink(log);
	assert_non_null(strstr(text, "libxml2")); /* LD_DEBUG did report */
	assert_null(strstr(text, "libcairo"));
	assert_null(strstr(text, "libpango"));
	assert_null(strstr(text, "liblerq-pdf"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validation_loads_no_pdf_library),
		cmocka_unit_test(test_tool_validates_without_pdf_libraries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
