/* SPDX-License-Identifier: MIT */
/*
 * lerq-bench: how fast lerq validates, next to libxml2's own parsing and
 * to xmllint. Generates a corpus of valid documents from the examples,
 * runs each phase in a process of its own (so each peak RSS is that
 * phase's), prints a table and writes the same figures as JSON.
 *
 * Run with defaults: meson compile -C build bench
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

const struct phase_info phase_table[PHASE_COUNT] = {
	[PHASE_PARSE] = { "a", "(a) libxml2 parse only", true },
	[PHASE_SCHEMA] = { "b", "(b) libxml2 parse + XSD", true },
	[PHASE_VALIDATE] = { "c", "(c) lerq full validation", true },
	[PHASE_THREADS_1] = { "threads-1", "(c) 1 thread", true },
	[PHASE_THREADS_N] = { "threads-n", "(c) N threads, one context", true },
	[PHASE_CLI] = { "d", "(d) lerq validate -j 1 DIR", false },
	[PHASE_XMLLINT_XSD] = { "e", "(e) xmllint --noout --schema", false },
	[PHASE_XMLLINT] = { "f", "(f) xmllint --noout", false },
	[PHASE_RENDER] = { "g", "(g) render HTML + text in-process", true },
	[PHASE_XSLTPROC] = { "h", "(h) xsltproc, a process per stage", false },
	[PHASE_XSLTPROC_BATCH] = { "h-batch", "(h) xsltproc, batched", false },
	[PHASE_CLI_ONE] = { "i", "(i) lerq validate FILE, each", false },
	[PHASE_XMLLINT_ONE] = { "j", "(j) xmllint --schema FILE, each", false },
	[PHASE_RENDER_ONE] = { "k", "(k) lerq render FILE, each", false },
};

/* Documents the one-process-per-document phases (i) to (k) start a
 * process for, at most, per pass. */
#define ONE_FILE_DOCS 50

static bool is_rendering(enum phase_id id)
{
	return id == PHASE_RENDER || id == PHASE_XSLTPROC || id == PHASE_XSLTPROC_BATCH ||
	       id == PHASE_RENDER_ONE;
}

size_t phase_docs(const struct bench *b, enum phase_id id)
{
	if (id == PHASE_CLI_ONE || id == PHASE_XMLLINT_ONE || id == PHASE_RENDER_ONE)
		return b->count < ONE_FILE_DOCS ? b->count : ONE_FILE_DOCS;
	if (is_rendering(id) && b->render_docs < b->count)
		return b->render_docs;
	return b->count;
}

size_t phase_bytes(const struct bench *b, enum phase_id id)
{
	size_t n = phase_docs(b, id), bytes = 0;
	if (n == b->count)
		return b->bytes;
	for (size_t i = 0; i < n; i++)
		bytes += b->sizes[i];
	return bytes;
}

double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double bench_cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		c += w;
		n -= (size_t)w;
	}
	return true;
}

static size_t read_all(int fd, void *p, size_t n)
{
	char *c = p;
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, c + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

int run_child(int (*fn)(const struct bench *b, const void *arg, void *out),
              const struct bench *b, const void *arg, void *out, size_t size,
              long *maxrss_kib, char *err, size_t err_len)
{
	int fd[2];
	if (pipe(fd) != 0) {
		snprintf(err, err_len, "pipe: %s", strerror(errno));
		return -1;
	}
	/* Nothing buffered may be written twice, once by each process. */
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, err_len, "fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		close(fd[0]);
		int rc = fn(b, arg, out);
		bool sent = write_all(fd[1], out, size);
		_exit(rc == 0 && sent ? 0 : 1);
	}
	close(fd[1]);
	size_t got = read_all(fd[0], out, size);
	close(fd[0]);

	int status = 0;
	struct rusage ru;
	memset(&ru, 0, sizeof(ru));
	while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
		;
	*maxrss_kib = ru.ru_maxrss;
	if (got != size) {
		if (WIFSIGNALED(status))
			snprintf(err, err_len, "the child process was killed by signal %d",
			         WTERMSIG(status));
		else
			snprintf(err, err_len, "the child process exited (status %d) without a result",
			         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	return 0;
}

/* Paths known at build time (meson.build), overridable by options. */
#ifndef LERQ_BENCH_EXAMPLES
#define LERQ_BENCH_EXAMPLES "examples"
#endif
#ifndef LERQ_BENCH_SCHEMA
#define LERQ_BENCH_SCHEMA "schemas/lerq.xsd"
#endif
#ifndef LERQ_BENCH_STYLESHEETS
#define LERQ_BENCH_STYLESHEETS "stylesheets"
#endif
#ifndef LERQ_BENCH_CLI
#define LERQ_BENCH_CLI "lerq"
#endif
#ifndef LERQ_BENCH_XMLLINT
#define LERQ_BENCH_XMLLINT ""
#endif
#ifndef LERQ_BENCH_XSLTPROC
#define LERQ_BENCH_XSLTPROC ""
#endif

/* Late enough that no generated document is "issued in the future"
 * (LERQ-R003), and fixed, so that every run checks the same thing. */
#define DEFAULT_NOW "2027-01-01T00:00:00Z"

enum {
	OPT_QUICK = 0x100,
	OPT_SEED,
	OPT_NOW,
	OPT_KEEP,
	OPT_LERQ,
	OPT_XMLLINT,
	OPT_XSLTPROC,
	OPT_EXAMPLES,
	OPT_SCHEMA,
	OPT_STYLESHEETS,
	OPT_ONLY,
	OPT_RENDER_DOCS,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "documents", required_argument, NULL, 'n' },
	{ "output", required_argument, NULL, 'o' },
	{ "repeats", required_argument, NULL, 'r' },
	{ "threads", required_argument, NULL, 't' },
	{ "render-docs", required_argument, NULL, OPT_RENDER_DOCS },
	{ "quick", no_argument, NULL, OPT_QUICK },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "keep", no_argument, NULL, OPT_KEEP },
	{ "lerq", required_argument, NULL, OPT_LERQ },
	{ "xmllint", required_argument, NULL, OPT_XMLLINT },
	{ "xsltproc", required_argument, NULL, OPT_XSLTPROC },
	{ "examples", required_argument, NULL, OPT_EXAMPLES },
	{ "schema", required_argument, NULL, OPT_SCHEMA },
	{ "stylesheets", required_argument, NULL, OPT_STYLESHEETS },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	fputs("Usage: lerq-bench [OPTION]...\n"
	      "\n"
	      "Generate valid lerq documents from the examples and measure, each phase\n"
	      "in a process of its own: (a) libxml2 parsing, (b) lerq parsing + XSD,\n"
	      "(c) lerq full validation (also from 1 and N threads), (d) the lerq CLI,\n"
	      "(e) xmllint --schema, (f) xmllint, (g) rendering HTML and text letters\n"
	      "in-process, (h) the same with xsltproc. Prints a table; -o writes the\n"
	      "same figures as JSON.\n"
	      "\n"
	      "Options:\n"
	      "  -n, --documents N   documents to generate (default 10000)\n"
	      "  -o, --output FILE   write the results as JSON to FILE\n"
	      "  -r, --repeats N     timed passes per phase; the median is shown, with\n"
	      "                      the spread\n"
	      "                      (default 5, at most 16)\n"
	      "  -t, --threads N     threads for the threaded phase (default 2)\n"
	      "      --render-docs N documents the rendering phases use (default 300:\n"
	      "                      xsltproc then starts 900 processes per pass)\n"
	      "      --quick         one pass per phase (a smoke test, not a measurement)\n"
	      "      --seed N        seed of the generator (default 1)\n"
	      "      --now DATETIME  validation time (default " DEFAULT_NOW ")\n"
	      "      --only LIST     only these phases, e.g. a,b,c,threads,d,e,f,g,h\n"
	      "      --keep          keep the generated documents\n"
	      "      --lerq PATH, --xmllint PATH, --xsltproc PATH\n"
	      "                      the programs to measure\n"
	      "      --examples DIR, --schema FILE, --stylesheets DIR\n"
	      "                      lerq's examples, XSD and stylesheets\n"
	      "  -h, --help          show this help\n", stdout);
}

static bool parse_count(const char *s, unsigned long min, unsigned long max,
                        unsigned long *out)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || s[0] == '-' || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* --only a,b,threads: "threads" stands for both threaded phases, "h"
 * for both xsltproc phases. */
static bool parse_only(const char *list, struct bench *b)
{
	char *copy = strdup(list), *save = NULL;
	bool ok = copy != NULL;
	for (char *t = copy ? strtok_r(copy, ",", &save) : NULL; t; t = strtok_r(NULL, ",", &save)) {
		bool found = false;
		for (int id = 0; id < PHASE_COUNT; id++) {
			const char *key = phase_table[id].key;
			if (strcmp(t, key) == 0 ||
			    (strcmp(t, "threads") == 0 && strncmp(key, "threads-", 8) == 0) ||
			    (strcmp(t, "h") == 0 && strncmp(key, "h-", 2) == 0)) {
				b->only[id] = true;
				found = true;
			}
		}
		ok = ok && found;
	}
	free(copy);
	return ok;
}

static int parse_options(int argc, char **argv, struct bench *b)
{
	unsigned long v;
	int c;

	while ((c = getopt_long(argc, argv, "hn:o:r:t:", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			exit(0);
		case 'n':
			if (!parse_count(optarg, 1, 10000000, &v))
				goto bad;
			b->count = v;
			break;
		case 'o':
			b->json_path = optarg;
			break;
		case 'r':
			if (!parse_count(optarg, 1, BENCH_MAX_RUNS, &v))
				goto bad;
			b->repeats = (unsigned int)v;
			break;
		case 't':
			if (!parse_count(optarg, 1, 64, &v))
				goto bad;
			b->threads = (unsigned int)v;
			break;
		case OPT_QUICK:
			b->repeats = 1;
			break;
		case OPT_SEED:
			if (!parse_count(optarg, 0, ~0ul, &v))
				goto bad;
			b->seed = v;
			break;
		case OPT_NOW:
			b->now_text = optarg;
			break;
		case OPT_KEEP:
			b->keep = true;
			break;
		case OPT_LERQ:
			b->lerq_path = optarg;
			break;
		case OPT_XMLLINT:
			b->xmllint_path = optarg;
			break;
		case OPT_XSLTPROC:
			b->xsltproc_path = optarg;
			break;
		case OPT_EXAMPLES:
			b->examples_dir = optarg;
			break;
		case OPT_SCHEMA:
			b->schema_path = optarg;
			break;
		case OPT_STYLESHEETS:
			b->stylesheets_dir = optarg;
			break;
		case OPT_RENDER_DOCS:
			if (!parse_count(optarg, 1, 10000000, &v))
				goto bad;
			b->render_docs = v;
			break;
		case OPT_ONLY:
			if (!parse_only(optarg, b))
				goto bad;
			break;
		default:
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "lerq-bench: unexpected argument '%s'\n", argv[optind]);
		return -1;
	}
	if (lerq_time_parse(b->now_text, &b->now) != LERQ_OK) {
		fprintf(stderr, "lerq-bench: --now wants a date-time with a zone, such as "
		        DEFAULT_NOW "\n");
		return -1;
	}
	return 0;
bad:
	fprintf(stderr, "lerq-bench: bad value '%s'\n", optarg);
	return -1;
}

int main(int argc, char **argv)
{
	struct bench b = {
		.count = 10000,
		.seed = 1,
		.repeats = 5,
		.threads = 2,
		.render_docs = 300,
		.now_text = DEFAULT_NOW,
		.examples_dir = LERQ_BENCH_EXAMPLES,
		.schema_path = LERQ_BENCH_SCHEMA,
		.stylesheets_dir = LERQ_BENCH_STYLESHEETS,
		.lerq_path = LERQ_BENCH_CLI,
		.xmllint_path = LERQ_BENCH_XMLLINT,
		.xsltproc_path = LERQ_BENCH_XSLTPROC,
	};
	struct phase_result res[PHASE_COUNT];

	if (parse_options(argc, argv, &b) != 0) {
		fputs("Run 'lerq-bench --help' for usage.\n", stderr);
		return 2;
	}

	fprintf(stderr, "lerq-bench: generating %zu documents...\n", b.count);
	if (generate_corpus(&b) != 0) {
		b.keep = true;
		remove_corpus(&b);
		return 1;
	}

	bool any = false;
	for (int id = 0; id < PHASE_COUNT; id++)
		any = any || b.only[id];
	for (int id = 0; id < PHASE_COUNT; id++)
		b.only[id] = any ? b.only[id] : true;
	if ((b.only[PHASE_XSLTPROC] || b.only[PHASE_XSLTPROC_BATCH]) &&
	    b.xsltproc_path[0] != '\0') {
		fprintf(stderr, "lerq-bench: writing letter models for xsltproc...\n");
		if (prepare_letter_models(&b) != 0) {
			b.keep = true;
			remove_corpus(&b);
			return 1;
		}
	}

	/* Pass by pass, each phase in turn: a burst of load from elsewhere
	 * on the machine then hits one pass of every phase, not every pass
	 * of one. */
	memset(res, 0, sizeof(res));
	for (int id = 0; id < PHASE_COUNT; id++) {
		res[id].docs = phase_docs(&b, (enum phase_id)id);
		res[id].bytes = phase_bytes(&b, (enum phase_id)id);
	}
	bool failed = false;
	for (unsigned int run = 0; run < b.repeats; run++) {
		fprintf(stderr, "lerq-bench: pass %u of %u:", run + 1, b.repeats);
		for (int id = 0; id < PHASE_COUNT; id++) {
			struct phase_result *r = &res[id];
			if (!b.only[id] || (run > 0 && !(r->available && r->ok)))
				continue;
			fprintf(stderr, " %s", phase_table[id].key);
			if (phase_table[id].in_process)
				run_in_process(&b, (enum phase_id)id, r);
			else
				run_external(&b, (enum phase_id)id, r);
			if (r->available && !r->ok) {
				fprintf(stderr, "\nlerq-bench: FAILED %s: %s\n", phase_table[id].name,
				        r->error);
				failed = true;
			}
		}
		fputc('\n', stderr);
	}
	for (int id = 0; id < PHASE_COUNT; id++)
		if (!b.only[id])
			snprintf(res[id].error, sizeof(res[id].error), "not run (--only)");

	print_table(&b, res);
	if (b.json_path != NULL && write_json(&b, res, b.json_path) != 0) {
		fprintf(stderr, "lerq-bench: cannot write %s: %s\n", b.json_path, strerror(errno));
		failed = true;
	}
	/* After a failure the documents and the tools' output tell why. */
	if (failed)
		b.keep = true;
	remove_corpus(&b);
	return failed ? 1 : 0;
}
