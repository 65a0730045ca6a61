/* SPDX-License-Identifier: MIT */
/* The built `lerq` binary against the command-line contract (spec
 * section 5): exit statuses, text and JSON Lines output, stdin,
 * directories, unreadable inputs. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lerq-test.h"

struct run {
	int status;
	char *out;
	char *err;
};

static char *read_all(int fd)
{
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
	lseek(fd, 0, SEEK_SET);
	ssize_t n;
	while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (cap - len < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	buf[len] = '\0';
	return buf;
}

/* Runs lerq with argv (NULL-terminated), stdin from in_path (or
 * /dev/null). */
static struct run run_lerq(const char *in_path, const char *const *args)
{
	char out_t[] = "/tmp/lerq-out-XXXXXX", err_t[] = "/tmp/lerq-err-XXXXXX";
	int out = mkstemp(out_t), err = mkstemp(err_t);
	assert_true(out >= 0 && err >= 0);
	unlink(out_t);
	unlink(err_t);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int in = open(in_path ? in_path : "/dev/null", O_RDONLY);
		if (in < 0)
			_exit(127);
		dup2(in, 0);
		dup2(out, 1);
		dup2(err, 2);
		const char *argv[32] = { LERQ_CLI };
		size_t i = 1;
		for (; args[i - 1] && i < 31; i++)
			argv[i] = args[i - 1];
		argv[i] = NULL;
		setenv("NO_COLOR", "1", 1);
		execv(LERQ_CLI, (char *const *)argv);
		_exit(127);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	struct run r = { .status = WEXITSTATUS(st), .out = read_all(out), .err = read_all(err) };
	close(out);
	close(err);
	return r;
}

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

#define RUN(in, ...) run_lerq(in, (const char *const[]){ __VA_ARGS__, NULL })

static const char valid[] = DATA("schema/valid-minimal-request.xml");
static const char hostile[] = DATA("hostile/xxe-file.xml");

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void test_help_and_version(void **state)
{
	struct run r = RUN(NULL, "--help");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "validate"));
	run_free(&r);
	r = RUN(NULL, "validate", "--help");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "--json"));
	run_free(&r);
	r = RUN(NULL, "--version");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, LERQ_VERSION));
	run_free(&r);
}

static void test_usage_errors_exit_2(void **state)
{
	struct run r = RUN(NULL, "no-such-command");
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = RUN(NULL, "validate", "--no-such-option", valid);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = RUN(NULL, "validate");
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = RUN(NULL, "validate", "--now", "yesterday", valid);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "yesterday"));
	run_free(&r);
}

static void test_valid_exits_0_silently(void **state)
{
	struct run r = RUN(NULL, "validate", "--now", "2026-11-26T12:00:00Z", valid);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_free(&r);
	r = RUN(NULL, "validate", "--strict", valid);
	assert_int_equal(r.status, 0);
	run_free(&r);
}

static void test_refused_text_line(void **state)
{
	struct run r = RUN(NULL, "validate", hostile);
	assert_int_equal(r.status, 1);
	/* FILE:LINE:COL: SEVERITY: [CODE] MESSAGE */
	char prefix[512];
	snprintf(prefix, sizeof(prefix), "%s:3:", hostile);
	assert_memory_equal(r.out, prefix, strlen(prefix));
	assert_non_null(strstr(r.out, ": error: [LERQ-P002] "));
	assert_int_equal(count_lines(r.out), 1);
	run_free(&r);
}

static void test_json_lines(void **state)
{
	struct run r = RUN(NULL, "validate", "--json", valid, hostile);
	assert_int_equal(r.status, 1);
	assert_int_equal(count_lines(r.out), 3);
	char *first = r.out;
	char *second = strchr(first, '\n') + 1;
	char *third = strchr(second, '\n') + 1;
	/* Summary of the valid file first, then the hostile file's finding and
	 * its summary. */
	assert_non_null(strstr(first, "\"valid\": true") ? first : strstr(first, "\"valid\":true"));
	assert_true(strncmp(second, "{", 1) == 0);
	static const char *const keys[] = { "\"file\"", "\"line\"", "\"column\"", "\"severity\"",
	                                    "\"code\"", "\"message\"", "\"path\"", "\"ref\"" };
	for (size_t i = 0; i < 8; i++)
		assert_true(strstr(second, keys[i]) != NULL && strstr(second, keys[i]) < third);
	assert_non_null(strstr(second, "LERQ-P002"));
	assert_true(strstr(third, "\"valid\": false") || strstr(third, "\"valid\":false"));
	assert_true(strstr(third, "\"errors\": 1") || strstr(third, "\"errors\":1"));
	run_free(&r);
}

/* --json prints lerq_report_to_json()'s bytes, input after input. */
static void test_json_is_the_library_s(void **state)
{
	static const char *const paths[] = {
		EXAMPLE("preservation-request.xml"),
		EXAMPLE("response.xml"),
		DATA("schema/s001-bad-date.xml"),
		DATA("schema/s002-wrong-root.xml"),
		DATA("hostile/xxe-file.xml"),
		DATA("render/non-latin-names.xml"),
	};
	struct lerq_ctx *ctx;
	assert_int_equal(lerq_ctx_new(0, &ctx), LERQ_OK);
	size_t n = sizeof(paths) / sizeof(paths[0]), len = 0;
	char *want = NULL;
	for (size_t i = 0; i < n; i++) {
		struct lerq_report *report;
		char *json;
		size_t size;
		assert_int_equal(lerq_validate_file(ctx, paths[i], TEST_NOW, &report), LERQ_OK);
		assert_int_equal(lerq_report_to_json(report, paths[i], &json, &size), LERQ_OK);
		want = realloc(want, len + size + 1);
		assert_non_null(want);
		memcpy(want + len, json, size + 1);
		len += size;
		free(json);
		lerq_report_free(report);
	}
	struct run r = RUN(NULL, "validate", "--json", "--now", "2026-11-26T12:00:00Z", paths[0],
	                   paths[1], paths[2], paths[3], paths[4], paths[5]);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, want);
	run_free(&r);
	free(want);
	lerq_ctx_free(ctx);
}

static void test_stdin(void **state)
{
	struct run r = RUN(valid, "validate", "--json", "-");
	assert_int_equal(r.status, 0);
	assert_true(strstr(r.out, "\"file\": \"-\"") || strstr(r.out, "\"file\":\"-\""));
	run_free(&r);
	r = RUN(hostile, "validate", "-");
	assert_int_equal(r.status, 1);
	assert_memory_equal(r.out, "-:3:", 4);
	run_free(&r);
}

static void test_unreadable_input_exit_2(void **state)
{
	struct run r = RUN(NULL, "validate", "--json", DATA("no-such.xml"), valid);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no-such.xml"));
	assert_int_equal(count_lines(r.out), 1); /* only the readable file's summary */
	run_free(&r);
	/* 2 wins over 1. */
	r = RUN(NULL, "validate", DATA("no-such.xml"), hostile);
	assert_int_equal(r.status, 2);
	run_free(&r);
}

static void test_directory_sorted_recursive(void **state)
{
	struct run r = RUN(NULL, "validate", "--json", DATA("hostile"));
	assert_int_equal(r.status, 1);
	/* deep-65.xml and billion-laughs.xml...: one summary per .xml file,
	 * in sorted order. */
	const char *b = strstr(r.out, "billion-laughs.xml");
	const char *x = strstr(r.out, "xxe-file.xml");
	assert_true(b && x && b < x);
	run_free(&r);
}

/* -j N: threads sharing one context print what one thread prints, in
 * the same order, findings and messages alike (a missing file among the
 * inputs gives its message in its place). */
static void test_jobs_same_output(void **state)
{
	struct run one = RUN(NULL, "validate", "--json", "--now", "2026-11-26T12:00:00Z", "-j",
	                     "1", DATA(""), "/nonexistent/x.xml", EXAMPLE(""));
	assert_int_equal(one.status, 2);
	assert_true(count_lines(one.out) > 50);
	assert_non_null(strstr(one.err, "/nonexistent/x.xml"));
	for (int i = 0; i < 3; i++) {
		struct run four = RUN(NULL, "validate", "--json", "--now", "2026-11-26T12:00:00Z",
		                      "--jobs", "4", DATA(""), "/nonexistent/x.xml", EXAMPLE(""));
		assert_int_equal(four.status, one.status);
		assert_string_equal(four.out, one.out);
		assert_string_equal(four.err, one.err);
		run_free(&four);
	}
	run_free(&one);

	struct run bad = RUN(NULL, "validate", "-j", "0", valid);
	assert_int_equal(bad.status, 2);
	assert_non_null(strstr(bad.err, "-j"));
	run_free(&bad);
}

static void test_check_response(void **state)
{
	struct run r = RUN(NULL, "check-response", "--now", "2026-11-26T12:00:00Z",
	                   EXAMPLE("disclosure-request.xml"), EXAMPLE("response.xml"));
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_free(&r);

	/* A response to another request: R201..R203 against the response. */
	r = RUN(NULL, "check-response", "--json", EXAMPLE("preservation-request.xml"),
	        EXAMPLE("response.xml"));
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "LERQ-R201"));
	assert_non_null(strstr(r.out, "LERQ-R203"));
	/* Two summaries: the request's (valid) then the response's. */
	const char *req = strstr(r.out, "\"valid\": true");
	const char *rsp = strstr(r.out, "\"valid\": false");
	assert_true(req && rsp && req < rsp);
	run_free(&r);

	/* The request from standard input. */
	r = RUN(EXAMPLE("disclosure-request.xml"), "check-response", "-", EXAMPLE("response.xml"));
	assert_int_equal(r.status, 0);
	run_free(&r);

	r = RUN(NULL, "check-response", EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = RUN(NULL, "check-response", DATA("missing.xml"), EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "missing.xml"));
	run_free(&r);
	r = RUN(NULL, "check-response", "--help");
	assert_int_equal(r.status, 0);
	run_free(&r);
}

static void test_profile_option(void **state)
{
	/* The cross-border example breaks the example profile's NAT-001. */
	struct run r = RUN(NULL, "validate", "--profile", EXAMPLE("national-profile.sch"),
	                   EXAMPLE("cross-border-request.xml"));
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "[NAT-001]"));
	run_free(&r);
	/* A broken profile is a usage error, named with its line. */
	r = RUN(NULL, "validate", "--profile", DATA("profile/bad-constructs.sch"),
	        EXAMPLE("cross-border-request.xml"));
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "bad-constructs.sch:6:"));
	assert_string_equal(r.out, "");
	run_free(&r);
}

static void test_unwritable_output_exit_2(void **state)
{
	int fd = open("/dev/full", O_WRONLY);
	if (fd < 0)
		skip();
	close(fd);
	pid_t pid = fork();
	if (pid == 0) {
		int full = open("/dev/full", O_WRONLY);
		int null = open("/dev/null", O_WRONLY);
		dup2(full, 1);
		dup2(null, 2);
		execl(LERQ_CLI, LERQ_CLI, "validate", hostile, (char *)NULL);
		_exit(127);
	}
	int st;
	waitpid(pid, &st, 0);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 2);
}

/* lerq render --request (issue 14): the response's letter with what was
 * asked; a request that is not the one answered is refused (exit 2), an
 * invalid one gives its findings (exit 1). */
static void test_render_response_with_request(void **state)
{
	struct run r = RUN(NULL, "render", "--to", "text", "--now", "2026-11-26T12:00:00Z",
	                   "--request", EXAMPLE("disclosure-request.xml"), EXAMPLE("response.xml"));
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Asked for: 198.51.100.23 (IPv4 address)"));
	assert_non_null(strstr(r.out, "\nLandeskriminalamt Nordrhein-Westfalen"));
	run_free(&r);
	char out[] = "/tmp/lerq-letter-XXXXXX";
	int fd = mkstemp(out);
	assert_true(fd >= 0);
	close(fd);
	r = RUN(NULL, "render", "--to", "html", "--now", "2026-11-26T12:00:00Z", "-o", out,
	        "--request", EXAMPLE("disclosure-request.xml"), EXAMPLE("response.xml"));
	assert_int_equal(r.status, 0);
	run_free(&r);
	unlink(out);
	r = RUN(NULL, "render", "--now", "2026-11-26T12:00:00Z", "--request",
	        EXAMPLE("emergency-request.xml"), EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "is not a response to"));
	assert_string_equal(r.out, "");
	run_free(&r);
	r = RUN(NULL, "render", "--now", "2026-11-26T12:00:00Z", "--request", hostile,
	        EXAMPLE("response.xml"));
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "is invalid"));
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help_and_version),
		cmocka_unit_test(test_usage_errors_exit_2),
		cmocka_unit_test(test_valid_exits_0_silently),
		cmocka_unit_test(test_refused_text_line),
		cmocka_unit_test(test_json_lines),
		cmocka_unit_test(test_json_is_the_library_s),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_unreadable_input_exit_2),
		cmocka_unit_test(test_directory_sorted_recursive),
		cmocka_unit_test(test_jobs_same_output),
		cmocka_unit_test(test_check_response),
		cmocka_unit_test(test_profile_option),
		cmocka_unit_test(test_unwritable_output_exit_2),
		cmocka_unit_test(test_render_response_with_request),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
