/* SPDX-License-Identifier: MIT */
/*
 * Letterheads (issue 4): an agency's stylesheet changes how every format
 * looks; one that is not a letterhead is refused with LERQ-L002; and
 * whatever a letterhead tries, it reads no file, writes none, opens no
 * connection and cannot run for ever (LERQ-L003). Then the command line:
 * lerq render's exit statuses and messages.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render-test.h"

struct lh_fixture {
	struct lerq_ctx *ctx;
	struct lerq_renderer *renderer;
	char *doc;
};

static int lh_setup(void **state)
{
	struct lh_fixture *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	f->ctx = test_ctx();
	assert_int_equal(lerq_renderer_new(f->ctx, &f->renderer), LERQ_OK);
	f->doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	*state = f;
	return 0;
}

static int lh_teardown(void **state)
{
	struct lh_fixture *f = *state;
	lerq_renderer_free(f->renderer);
	lerq_ctx_free(f->ctx);
	free(f->doc);
	free(f);
	return 0;
}

static void test_override_takes_effect(void **state)
{
	struct lh_fixture *f = *state;
	struct lerq_report *problems = (struct lerq_report *)1;
	assert_int_equal(lerq_renderer_set_letterhead(f->renderer,
	                                              DATA("render/letterhead-override.xsl"),
	                                              &problems),
	                 LERQ_OK);
	assert_null(problems);

	char *html = render_ok(f->renderer, f->doc, LERQ_FORMAT_HTML, NULL);
	assert_contains(html, "--accent: #aa0033;");
	assert_contains(html, "<body class=\"font-sans\">");
	assert_contains(html, "letterhead layout-centre");
	assert_contains(html, "<img class=\"lh-logo\" src=\"data:image/png;base64,iVBORw0KGgo");
	assert_contains(html, "alt=\"Test emblem\"");
	assert_contains(html, "style=\"height: 15mm\"");
	assert_contains(html, "Above-the-name test line");
	/* The footer of every printed page. */
	assert_contains(html, "Footer test line (en)");
	/* What the letter says is unchanged. */
	char *seen = visible_text(html);
	assert_contains(seen, "Request for the disclosure of subscriber and traffic data");
	free(seen);

	char *text = render_ok(f->renderer, f->doc, LERQ_FORMAT_TEXT, NULL);
	assert_contains(text, "Above-the-name test line\nLandeskriminalamt");
	assert_contains(text, "Footer test line (en)\n");
	free(text);
	free(html);

	/* The example letterhead works too, and replaces this one. */
	assert_int_equal(lerq_renderer_set_letterhead(f->renderer,
	                                              EXAMPLE("letterhead/letterhead.xsl"), NULL),
	                 LERQ_OK);
	html = render_ok(f->renderer, f->doc, LERQ_FORMAT_HTML, NULL);
	assert_contains(html, "Ministry of the Interior");
	assert_contains(html, "letterhead layout-split");
	assert_lacks(html, "Above-the-name test line");
	free(html);
}

static void assert_refused(struct lerq_renderer *renderer, const char *path,
                           const char *code, const char *words, unsigned long line)
{
	struct lerq_report *problems = NULL;
	assert_int_equal(lerq_renderer_set_letterhead(renderer, path, &problems), LERQ_EINVAL);
	assert_non_null(problems);
	const struct lerq_finding *finding = assert_only_finding(problems, code);
	assert_contains(lerq_finding_message(finding), words);
	if (line != 0)
		assert_int_equal(lerq_finding_line(finding), line);
	lerq_report_free(problems);
}

static void test_refused_letterheads(void **state)
{
	struct lh_fixture *f = *state;
	assert_refused(f->renderer, DATA("render/letterhead-not-xslt.xsl"), "LERQ-L002",
	               "not an XSLT stylesheet", 4);
	assert_refused(f->renderer, DATA("render/letterhead-no-import.xsl"), "LERQ-L002",
	               "does not import res:///letter.xsl", 0);
	assert_refused(f->renderer, DATA("render/letterhead-import-file.xsl"), "LERQ-L002",
	               "file:///etc/passwd", 7);
	assert_refused(f->renderer, DATA("render/letterhead-import-relative.xsl"), "LERQ-L002",
	               "letterhead-override.xsl", 6);
	assert_refused(f->renderer, DATA("render/letterhead-doctype.xsl"), "LERQ-P002",
	               "DOCTYPE", 0);
	assert_refused(f->renderer, DATA("render/letterhead-broken.xsl"), "LERQ-L002",
	               "count((", 8);
	/* Issue 13: nothing that emits unescaped text. */
	assert_refused(f->renderer, DATA("render/letterhead-doe-text.xsl"), "LERQ-L002",
	               "disable-output-escaping", 7);
	assert_refused(f->renderer, DATA("render/letterhead-doe-value-of.xsl"), "LERQ-L002",
	               "<xsl:value-of> uses disable-output-escaping", 7);
	assert_refused(f->renderer, DATA("render/letterhead-output-text.xsl"), "LERQ-L002",
	               "<xsl:output>", 6);

	/* Refused letterheads leave the renderer as it was: lerq's own. */
	char *html = render_ok(f->renderer, f->doc, LERQ_FORMAT_HTML, NULL);
	assert_contains(html, "letterhead layout-left");
	free(html);

	struct lerq_report *problems = (struct lerq_report *)1;
	errno = 0;
	assert_int_equal(lerq_renderer_set_letterhead(f->renderer, DATA("render/no-such.xsl"),
	                                              &problems),
	                 LERQ_EIO);
	assert_int_equal(errno, ENOENT);
	assert_null(problems);
	assert_int_equal(lerq_renderer_set_letterhead(NULL, "x", NULL), LERQ_EINVAL);
}

/* A letterhead from memory, made of one hook's body, with @attrs on its
 * xsl:stylesheet; the problems of a refused one in *problems (or NULL). */
static int use_hook_with(struct lerq_renderer *renderer, const char *attrs, const char *body,
                         struct lerq_report **problems)
{
	char *xsl = NULL;
	int n = asprintf(&xsl,
	                 "<xsl:stylesheet version='1.1' "
	                 "xmlns:xsl='http://www.w3.org/1999/XSL/Transform' "
	                 "xmlns:exsl='http://exslt.org/common' "
	                 "xmlns:saxon='http://icl.com/saxon' %s "
	                 "xmlns='urn:lerq:letter:1'>"
	                 "<xsl:import href='res:///letter.xsl'/>"
	                 "<xsl:template name='letterhead-above'>%s</xsl:template>"
	                 "</xsl:stylesheet>",
	                 attrs, body);
	assert_true(n > 0);
	int r = lerq_renderer_set_letterhead_memory(renderer, xsl, strlen(xsl), problems);
	free(xsl);
	return r;
}

static int use_hook(struct lerq_renderer *renderer, const char *body)
{
	return use_hook_with(renderer, "", body, NULL);
}

/* Refused when loaded, with LERQ-L002 saying @words. */
static void assert_hook_refused(struct lh_fixture *f, const char *attrs, const char *body,
                                const char *words)
{
	struct lerq_report *problems = NULL;
	assert_int_equal(use_hook_with(f->renderer, attrs, body, &problems), LERQ_EINVAL);
	assert_contains(lerq_finding_message(assert_only_finding(problems, "LERQ-L002")), words);
	lerq_report_free(problems);
}

/* The letterhead is accepted, but rendering with it fails with LERQ-L003
 * and gives no letter. */
static void assert_stopped(struct lh_fixture *f, const char *body, const char *words)
{
	assert_int_equal(use_hook(f->renderer, body), LERQ_OK);
	for (int format = LERQ_FORMAT_HTML; format <= LERQ_FORMAT_TEXT; format++) {
		char *out = NULL;
		size_t size = 0;
		struct lerq_report *report = NULL;
		assert_int_equal(lerq_render_memory(f->renderer, f->doc, strlen(f->doc),
		                                    (enum lerq_format)format, TEST_NOW, &out, &size,
		                                    &report),
		                 LERQ_EINVAL);
		assert_null(out);
		const struct lerq_finding *finding = assert_only_finding(report, "LERQ-L003");
		assert_contains(lerq_finding_message(finding), words);
		lerq_report_free(report);
	}
}

static void test_letterhead_reads_no_file(void **state)
{
	struct lh_fixture *f = *state;
	char secret[] = "/tmp/lerq-secret-XXXXXX";
	int fd = mkstemp(secret);
	assert_true(fd >= 0);
	static const char marker[] = "<s>TOP-SECRET-MARKER</s>";
	assert_int_equal(write(fd, marker, sizeof(marker) - 1), (ssize_t)(sizeof(marker) - 1));
	close(fd);

	char body[512];
	snprintf(body, sizeof(body), "<line><xsl:value-of select=\"document('file://%s')\"/></line>",
	         secret);
	assert_stopped(f, body, "refused");
	snprintf(body, sizeof(body), "<line><xsl:value-of select=\"document('%s')\"/></line>", secret);
	assert_stopped(f, body, "refused");
	assert_stopped(f, "<line><xsl:value-of select=\"document('/etc/passwd')\"/></line>",
	               "refused");
	/* Relative to a letterhead in memory: still a file. */
	assert_stopped(f, "<line><xsl:value-of select=\"document('etc/passwd')\"/></line>",
	               "refused");
	/* Any scheme but res:/// is network, and refused. */
	assert_stopped(f, "<line><xsl:value-of select=\"document('http://127.0.0.1:9/x.xml')\"/></line>",
	               "refused");
	assert_stopped(f, "<line><xsl:value-of select=\"document('ftp://127.0.0.1/x.xml')\"/></line>",
	               "refused");
	/* lerq's own resources may be read: harmless, and how letter.xsl
	 * reads its catalogues. */
	assert_int_equal(use_hook(f->renderer, "<line><xsl:value-of select=\"count(document("
	                                       "'res:///l10n/en.xml')/*/*)\"/></line>"),
	                 LERQ_OK);
	char *html = render_ok(f->renderer, f->doc, LERQ_FORMAT_HTML, NULL);
	assert_lacks(html, "TOP-SECRET-MARKER");
	free(html);
	assert_int_equal(unlink(secret), 0);
}

static void test_letterhead_writes_no_file(void **state)
{
	struct lh_fixture *f = *state;
	char dir[] = "/tmp/lerq-write-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char body[512], path[256];
	snprintf(path, sizeof(path), "%s/pwned.txt", dir);

	snprintf(body, sizeof(body), "<xsl:document href='%s' method='text'>x</xsl:document>", path);
	assert_stopped(f, body, "refused");
	/* Extension elements are refused when the letterhead is loaded
	 * (issue 13); without the declaration they are literal elements. */
	snprintf(body, sizeof(body), "<exsl:document href='%s' method='text'>x</exsl:document>", path);
	assert_hook_refused(f, "extension-element-prefixes='exsl saxon'", body, "extension");
	snprintf(body, sizeof(body), "<saxon:output href='%s' method='text'>x</saxon:output>", path);
	assert_hook_refused(f, "extension-element-prefixes='saxon'", body, "extension");
	snprintf(body, sizeof(body), "<line xsl:extension-element-prefixes='exsl'><exsl:document "
	         "href='%s' method='text'>x</exsl:document></line>", path);
	assert_hook_refused(f, "", body, "extension");
	assert_int_equal(use_hook(f->renderer, body), LERQ_EINVAL);
	snprintf(body, sizeof(body), "<xsl:document href='%s/new/dir/x.txt'>x</xsl:document>", dir);
	assert_stopped(f, body, "refused");
	assert_stopped(f, "<xsl:document href='http://127.0.0.1:9/x'>x</xsl:document>", "refused");

	struct stat st;
	assert_int_equal(stat(path, &st), -1);
	snprintf(path, sizeof(path), "%s/new", dir);
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(rmdir(dir), 0);
}

/* Issue 13: a letterhead's memory is bounded: 30 doublings reached
 * 15.4 GB and exited 0. Stopped with LERQ-L003 (no timing asserted). */
static void test_doubling_letterhead_is_stopped(void **state)
{
	struct lh_fixture *f = *state;
	static const struct {
		const char *file, *words;
	} cases[] = {
		{ DATA("render/letterhead-doubling.xsl"), "would build a string of more than" },
		{ DATA("render/letterhead-rtf-doubling.xsl"), "read more than" },
	};
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(lerq_renderer_set_letterhead(f->renderer, cases[i].file, NULL),
		                 LERQ_OK);
		char *out = NULL;
		size_t size;
		struct lerq_report *report = NULL;
		assert_int_equal(lerq_render_memory(f->renderer, f->doc, strlen(f->doc),
		                                    LERQ_FORMAT_HTML, TEST_NOW, &out, &size, &report),
		                 LERQ_EINVAL);
		assert_null(out);
		assert_contains(lerq_finding_message(assert_only_finding(report, "LERQ-L003")),
		                cases[i].words);
		lerq_report_free(report);
	}
	/* A real letterhead is not affected. */
	assert_int_equal(lerq_renderer_set_letterhead(f->renderer,
	                                              EXAMPLE("letterhead/letterhead.xsl"), NULL),
	                 LERQ_OK);
	char *html = render_ok(f->renderer, f->doc, LERQ_FORMAT_HTML, NULL);
	free(html);
}

static void test_runaway_letterhead_is_stopped(void **state)
{
	struct lh_fixture *f = *state;
	assert_int_equal(lerq_renderer_set_letterhead(f->renderer,
	                                              DATA("render/letterhead-recursion.xsl"), NULL),
	                 LERQ_OK);
	char *out = NULL;
	size_t size;
	struct lerq_report *report = NULL;
	assert_int_equal(lerq_render_memory(f->renderer, f->doc, strlen(f->doc), LERQ_FORMAT_HTML,
	                                    TEST_NOW, &out, &size, &report),
	                 LERQ_EINVAL);
	assert_contains(lerq_finding_message(assert_only_finding(report, "LERQ-L003")),
	                "recursion");
	lerq_report_free(report);

	assert_int_equal(lerq_renderer_set_letterhead(f->renderer,
	                                              DATA("render/letterhead-busy.xsl"), NULL),
	                 LERQ_OK);
	assert_int_equal(lerq_render_memory(f->renderer, f->doc, strlen(f->doc), LERQ_FORMAT_TEXT,
	                                    TEST_NOW, &out, &size, &report),
	                 LERQ_EINVAL);
	assert_contains(lerq_finding_message(assert_only_finding(report, "LERQ-L003")),
	                "limit");
	lerq_report_free(report);

	/* xsl:message is a message too: no letter from a letterhead that
	 * complains. */
	assert_stopped(f, "<xsl:message>hello</xsl:message>", "hello");
}

/* ---- the command line ---- */

struct run {
	int status;
	char *out;
	char *err;
};

static char *read_fd(int fd)
{
	lseek(fd, 0, SEEK_SET);
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
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

static struct run run_lerq(const char *stdin_path, const char *const *args)
{
	char out_t[] = "/tmp/lerq-out-XXXXXX", err_t[] = "/tmp/lerq-err-XXXXXX";
	int out = mkstemp(out_t), err = mkstemp(err_t);
	assert_true(out >= 0 && err >= 0);
	unlink(out_t);
	unlink(err_t);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int in = open(stdin_path ? stdin_path : "/dev/null", O_RDONLY);
		if (in < 0)
			_exit(127);
		dup2(in, 0);
		dup2(out, 1);
		dup2(err, 2);
		const char *argv[16] = { LERQ_CLI };
		size_t i = 1;
		for (; args[i - 1] && i < 15; i++)
			argv[i] = args[i - 1];
		argv[i] = NULL;
		setenv("NO_COLOR", "1", 1);
		execv(LERQ_CLI, (char *const *)argv);
		_exit(127);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	struct run r = { WEXITSTATUS(st), read_fd(out), read_fd(err) };
	close(out);
	close(err);
	return r;
}

#define RUN(in, ...) run_lerq(in, (const char *const[]){ __VA_ARGS__, NULL })
#define NOW "--now", "2026-11-26T12:00:00Z"

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

static void test_cli(void **state)
{
	struct run r = RUN(NULL, "render", "--help");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "--letterhead");
	run_free(&r);

	/* HTML on standard output, quietly. */
	r = RUN(NULL, "render", NOW, EXAMPLE("response.xml"));
	assert_int_equal(r.status, 0);
	assert_memory_equal(r.out, "<!DOCTYPE html>", 15);
	assert_string_equal(r.err, "");
	run_free(&r);

	/* Text from standard input. */
	r = RUN(EXAMPLE("cross-border-request.xml"), "render", NOW, "--to", "text", "-");
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "Madame, Monsieur,");
	run_free(&r);

	/* An invalid document: its findings as lerq validate prints them, on
	 * standard error, and no letter. */
	r = RUN(NULL, "render", NOW, DATA("hostile/xxe-file.xml"));
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	assert_contains(r.err, ": error: [LERQ-P002] ");
	assert_contains(r.err, "xxe-file.xml:3:");
	run_free(&r);

	/* A language without catalogue: a warning, and the letter. */
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	char *dutch = replace_all(doc, "xml:lang=\"en\"", "xml:lang=\"nl\"");
	char in[] = "/tmp/lerq-nl-XXXXXX";
	int fd = mkstemp(in);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, dutch, strlen(dutch)), (ssize_t)strlen(dutch));
	close(fd);
	r = RUN(in, "render", NOW, "-");
	assert_int_equal(r.status, 0);
	assert_contains(r.err, "-:11:");
	assert_contains(r.err, ": warning: [LERQ-L001] ");
	assert_contains(r.out, "Dear Sir or Madam,");
	run_free(&r);
	unlink(in);
	free(dutch);
	free(doc);

#ifdef LERQ_HAVE_PDF
	/* A PDF on standard output, quietly (test-render-pdf.c checks it). */
	r = RUN(NULL, "render", NOW, "--to", "pdf", "--paper", "letter", EXAMPLE("response.xml"));
	assert_int_equal(r.status, 0);
	assert_memory_equal(r.out, "%PDF-", 5);
	assert_string_equal(r.err, "");
	run_free(&r);
#else
	/* No PDF in this build: said clearly, exit 2. */
	r = RUN(NULL, "render", NOW, "--to", "pdf", EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "no PDF support");
	assert_string_equal(r.out, "");
	run_free(&r);
#endif
	r = RUN(NULL, "render", "--paper", "a5", EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "unknown paper");
	run_free(&r);

	/* Usage errors. */
	r = RUN(NULL, "render", "--to", "docx", EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = RUN(NULL, "render");
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = RUN(NULL, "render", EXAMPLE("response.xml"), EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	run_free(&r);

	/* Unreadable input, unwritable output, refused letterhead: 2. */
	r = RUN(NULL, "render", DATA("render/no-such.xml"));
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "no-such.xml");
	run_free(&r);
	r = RUN(NULL, "render", NOW, "-o", "/nonexistent-dir/letter.html", EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "cannot write /nonexistent-dir/letter.html");
	run_free(&r);
	r = RUN(NULL, "render", NOW, "--letterhead", DATA("render/letterhead-import-file.xsl"),
	        EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "[LERQ-L002]");
	assert_string_equal(r.out, "");
	run_free(&r);

	/* -o writes the file and nothing else. */
	char dir[] = "/tmp/lerq-cli-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof(path), "%s/letter.txt", dir);
	r = RUN(NULL, "render", NOW, "--to", "text", "--letterhead",
	        EXAMPLE("letterhead/letterhead.xsl"), "-o", path, EXAMPLE("disclosure-request.xml"));
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	char *text = slurp(path, NULL);
	assert_contains(text, "Ministry of the Interior\n");
	free(text);
	run_free(&r);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* A letterhead belongs to its writer (issue 14): one that declares
 * letterhead-for renders its side's documents and refuses the other's
 * with LERQ-L003; one that does not declare it is an authority's. The
 * tool exits with status 2. */
static void test_letterhead_for(void **state)
{
	struct lh_fixture *f = *state;
	char *response = slurp(EXAMPLE("response.xml"), NULL);
	char *request = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	static const struct {
		const char *declared;
		bool request_ok, response_ok;
	} cases[] = {
		{ "", true, false },
		{ "<xsl:variable name='letterhead-for' select=\"'requests'\"/>", true, false },
		{ "<xsl:variable name='letterhead-for' select=\"'responses'\"/>", false, true },
		{ "<xsl:variable name='letterhead-for' select=\"'both'\"/>", true, true },
		{ "<xsl:variable name='letterhead-for' select=\"'everyone'\"/>", false, false },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *xsl = NULL;
		assert_true(asprintf(&xsl,
		                     "<xsl:stylesheet version='1.0' "
		                     "xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
		                     "<xsl:import href='res:///letter.xsl'/>%s</xsl:stylesheet>",
		                     cases[i].declared) > 0);
		assert_int_equal(lerq_renderer_set_letterhead_memory(f->renderer, xsl, strlen(xsl),
		                                                     NULL),
		                 LERQ_OK);
		for (int which = 0; which < 2; which++) {
			const char *doc = which ? response : request;
			bool ok = which ? cases[i].response_ok : cases[i].request_ok;
			char *out = NULL;
			size_t size;
			struct lerq_report *report = NULL;
			int r = lerq_render_memory(f->renderer, doc, strlen(doc), LERQ_FORMAT_TEXT,
			                           TEST_NOW, &out, &size, &report);
			if (ok) {
				assert_int_equal(r, LERQ_OK);
			} else {
				assert_int_equal(r, LERQ_EINVAL);
				assert_only_finding(report, "LERQ-L003");
			}
			free(out);
			lerq_report_free(report);
		}
		free(xsl);
	}
	free(request);
	free(response);

	struct run run = RUN(NULL, "render", NOW, "--letterhead",
	                     EXAMPLE("letterhead/letterhead.xsl"), EXAMPLE("response.xml"));
	assert_int_equal(run.status, 2);
	assert_contains(run.err, "this letterhead is for requests");
	assert_string_equal(run.out, "");
	run_free(&run);
}

static size_t dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.' || (e->d_name[1] != '\0' && e->d_name[1] != '.');
	closedir(d);
	return n;
}

/* Issue 13: -o never renames over what is not a regular file, follows a
 * symbolic link, gives a new file the umask's mode, and never overwrites
 * an input. */
static void test_cli_output_targets(void **state)
{
	char dir[] = "/tmp/lerq-out-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256], sub[128], real[256], slink[256], fifo[256], copy[256];
	struct stat st;
	struct run r;

	/* A FIFO: its reader gets the letter, and it stays a FIFO. */
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	int rd = open(fifo, O_RDONLY | O_NONBLOCK);
	assert_true(rd >= 0);
	r = RUN(NULL, "render", NOW, "--to", "text", "-o", fifo, EXAMPLE("response.xml"));
	assert_int_equal(r.status, 0);
	run_free(&r);
	char buf[512];
	ssize_t got = read(rd, buf, sizeof(buf) - 1);
	assert_true(got > 0);
	close(rd);
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(unlink(fifo), 0);

	/* A symbolic link: followed; the target is replaced, in its own
	 * directory, keeping its mode; the link stays a link. */
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(real, sizeof(real), "%s/real.txt", sub);
	int fd = open(real, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "old", 3), 3);
	close(fd);
	assert_int_equal(chmod(real, 0640), 0);
	snprintf(slink, sizeof(slink), "%s/link.txt", dir);
	assert_int_equal(symlink("sub/real.txt", slink), 0);
	r = RUN(NULL, "render", NOW, "--to", "text", "-o", slink, EXAMPLE("response.xml"));
	assert_int_equal(r.status, 0);
	run_free(&r);
	assert_int_equal(lstat(slink, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(real, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_true(st.st_size > 3);
	assert_int_equal(dir_entries(dir), 2);
	assert_int_equal(dir_entries(sub), 1);

	/* A dangling link is refused: exit 2, nothing created. */
	snprintf(path, sizeof(path), "%s/dangling.txt", dir);
	assert_int_equal(symlink("sub/none.txt", path), 0);
	r = RUN(NULL, "render", NOW, "--to", "text", "-o", path, EXAMPLE("response.xml"));
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "cannot write");
	run_free(&r);
	assert_int_equal(dir_entries(sub), 1);
	assert_int_equal(unlink(path), 0);

	/* A new letter follows the umask (issue 14: it was 0600 always). */
	snprintf(path, sizeof(path), "%s/new.txt", dir);
	mode_t old_mask = umask(022);
	r = RUN(NULL, "render", NOW, "--to", "text", "-o", path, EXAMPLE("response.xml"));
	umask(old_mask);
	assert_int_equal(r.status, 0);
	run_free(&r);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	assert_int_equal(unlink(path), 0);

	/* The output is an input: refused, exit 2, the input untouched;
	 * through a hard link and a symbolic link too, and for the
	 * letterhead. */
	snprintf(copy, sizeof(copy), "%s/request.xml", dir);
	size_t size;
	char *orig = slurp(EXAMPLE("response.xml"), &size);
	fd = open(copy, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, orig, size), (ssize_t)size);
	close(fd);
	r = RUN(NULL, "render", NOW, "-o", copy, copy);
	assert_int_equal(r.status, 2);
	assert_contains(r.err, "is the input");
	run_free(&r);
	snprintf(path, sizeof(path), "%s/hard.xml", dir);
	assert_int_equal(link(copy, path), 0);
	r = RUN(NULL, "render", NOW, "-o", path, copy);
	assert_int_equal(r.status, 2);
	run_free(&r);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(symlink("request.xml", path), 0);
	r = RUN(NULL, "render", NOW, "-o", path, copy);
	assert_int_equal(r.status, 2);
	run_free(&r);
	r = RUN(copy, "render", NOW, "-o", copy, "-");
	assert_int_equal(r.status, 2);
	run_free(&r);
	assert_int_equal(unlink(path), 0);
	char *now_text = slurp(copy, NULL);
	assert_string_equal(now_text, orig);
	free(now_text);
	free(orig);
	snprintf(path, sizeof(path), "%s/lh.xsl", dir);
	orig = slurp(EXAMPLE("letterhead/letterhead.xsl"), &size);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, orig, size), (ssize_t)size);
	close(fd);
	free(orig);
	r = RUN(NULL, "render", NOW, "--letterhead", path, "-o", path, copy);
	assert_int_equal(r.status, 2);
	run_free(&r);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(unlink(copy), 0);

	/* /dev/full: written into, so ENOSPC, exit 2; and /dev/full is
	 * still the device (this used to replace it when run as root). */
	if (lstat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode)) {
		r = RUN(NULL, "render", NOW, "--to", "text", "-o", "/dev/full",
		        EXAMPLE("response.xml"));
		assert_int_equal(r.status, 2);
		assert_contains(r.err, "cannot write /dev/full");
		run_free(&r);
		assert_int_equal(lstat("/dev/full", &st), 0);
		assert_true(S_ISCHR(st.st_mode));
	}

	assert_int_equal(unlink(real), 0);
	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(unlink(slink), 0);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_override_takes_effect, lh_setup, lh_teardown),
		cmocka_unit_test_setup_teardown(test_refused_letterheads, lh_setup, lh_teardown),
		cmocka_unit_test_setup_teardown(test_letterhead_reads_no_file, lh_setup, lh_teardown),
		cmocka_unit_test_setup_teardown(test_letterhead_writes_no_file, lh_setup, lh_teardown),
		cmocka_unit_test_setup_teardown(test_runaway_letterhead_is_stopped, lh_setup, lh_teardown),
		cmocka_unit_test_setup_teardown(test_doubling_letterhead_is_stopped, lh_setup, lh_teardown),
		cmocka_unit_test(test_cli),
		cmocka_unit_test_setup_teardown(test_letterhead_for, lh_setup, lh_teardown),
		cmocka_unit_test(test_cli_output_targets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
