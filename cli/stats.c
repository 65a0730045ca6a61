/* SPDX-License-Identifier: MIT */
/*
 * lerq stats [--json | --html] [--now DATETIME] [--since DATE] [--until DATE]
 *            [--threads N] PATH...
 *
 * Figures over an archive (spec section 7). The inputs are listed as lerq
 * validate lists them (cli/inputs.c), then read by a few threads that
 * share one context and one stats object; the library keeps only the
 * figures, so the archive may be far larger than memory.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lerq/lerq.h>

#include "cli.h"
#include "inputs.h"

enum {
	OPT_JSON = 0x100,
	OPT_HTML,
	OPT_NOW,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_THREADS,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "html", no_argument, NULL, OPT_HTML },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "threads", required_argument, NULL, OPT_THREADS },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	fputs("Usage: lerq stats [--json | --html] [--now DATETIME] [--since DATE]\n"
	      "                  [--until DATE] [--threads N] PATH...\n"
	      "\n"
	      "Figures over an archive of requests and responses, for audits and\n"
	      "transparency reports (G§40, G§54, G§58): volumes by type, priority,\n"
	      "channel, country, category and month; responses by status, outcome and\n"
	      "refusal reason; delays from request to response (median, 90th\n"
	      "percentile, longest); open and overdue requests; preservations ending\n"
	      "within 14 days with no follow-up. Every document is validated; the\n"
	      "invalid ones are counted by error code and used for nothing else. The\n"
	      "output is aggregate only: no identifier, name or text of a document.\n"
	      "\n"
	      "Each PATH is a file, '-' for standard input, or a directory, whose *.xml\n"
	      "files are read recursively.\n"
	      "\n"
	      "Options:\n"
	      "      --json          one JSON object (the keys of the lerq format, section 7)\n"
	      "      --html          one self-contained HTML page with charts\n"
	      "      --now DATETIME  judge open, overdue and active as of this time, with\n"
	      "                      its zone (default: now); also the validation time\n"
	      "      --since DATE    only requests whose IssuedAt is on or after DATE\n"
	      "                      (YYYY-MM-DD, the date as the request writes it)\n"
	      "      --until DATE    only requests whose IssuedAt is on or before DATE\n"
	      "      --threads N     read with N threads (default: the processors, at\n"
	      "                      most 8)\n"
	      "  -h, --help          show this help and exit\n"
	      "\n"
	      "Exit status: 0 when at least one document was read, 2 on a usage error,\n"
	      "when nothing could be read, or when the output could not be written.\n",
	      stdout);
}

static int usage_error(void)
{
	fputs("Run 'lerq stats --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
}

struct work {
	struct lerq_stats *stats;
	const struct input_list *inputs;
	pthread_mutex_t lock; /* guards next and the messages on stderr */
	size_t next;
	bool failed; /* out of memory or a validator that could not run */
};

static int add_stdin(struct lerq_stats *stats)
{
	char *data = NULL;
	size_t size = 0;
	int err = input_read_stream(stdin, LERQ_DEFAULT_MAX_SIZE + 1, &data, &size);
	if (err < 0) {
		errno = -err;
		return LERQ_EIO;
	}
	err = lerq_stats_add_memory(stats, data, size);
	free(data);
	return err;
}

static void *reader(void *arg)
{
	struct work *w = arg;
	for (;;) {
		pthread_mutex_lock(&w->lock);
		size_t i = w->next++;
		pthread_mutex_unlock(&w->lock);
		if (i >= w->inputs->count)
			return NULL;
		const struct input *in = &w->inputs->items[i];
		int err, e = in->error;
		if (e != 0) {
			err = LERQ_EIO;
		} else {
			err = strcmp(in->path, INPUT_STDIN) == 0 ? add_stdin(w->stats)
			                                          : lerq_stats_add_file(w->stats, in->path);
			e = errno;
		}
		if (err == LERQ_OK)
			continue;
		pthread_mutex_lock(&w->lock);
		if (err == LERQ_EIO) {
			fprintf(stderr, "lerq stats: cannot read %s: %s\n", in->path, strerror(e));
		} else {
			fprintf(stderr, "lerq stats: %s: %s\n", in->path, lerq_strerror(err));
			w->failed = true;
		}
		pthread_mutex_unlock(&w->lock);
	}
}

static unsigned default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 8 ? 8 : (unsigned)n;
}

static int run(struct lerq_stats *stats, const struct input_list *inputs, unsigned threads)
{
	struct work w = { .stats = stats, .inputs = inputs };
	pthread_t tids[64];
	unsigned started = 0;
	pthread_mutex_init(&w.lock, NULL);
	if (threads > inputs->count)
		threads = inputs->count ? (unsigned)inputs->count : 1;
	/* Standard input is read by one thread only, and "-" may appear once
	 * in practice; the first thread is this one. */
	for (unsigned t = 1; t < threads; t++)
		if (pthread_create(&tids[started], NULL, reader, &w) == 0)
			started++;
	reader(&w);
	for (unsigned t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	pthread_mutex_destroy(&w.lock);
	return w.failed ? -1 : 0;
}

int cmd_stats(int argc, char **argv)
{
	enum { TEXT, JSON, HTML } format = TEXT;
	lerq_time_t now = LERQ_NOW_CLOCK;
	const char *since = NULL, *until = NULL;
	unsigned threads = default_threads();
	int c;

	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			return CLI_EXIT_OK;
		case OPT_JSON:
		case OPT_HTML:
			if (format != TEXT) {
				fputs("lerq stats: give --json or --html, not both\n", stderr);
				return usage_error();
			}
			format = c == OPT_JSON ? JSON : HTML;
			break;
		case OPT_NOW:
			if (cli_parse_now("lerq stats", optarg, &now) < 0)
				return usage_error();
			break;
		case OPT_SINCE:
			since = optarg;
			break;
		case OPT_UNTIL:
			until = optarg;
			break;
		case OPT_THREADS: {
			char *end;
			unsigned long n = strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1 || n > 64) {
				fprintf(stderr, "lerq stats: --threads: '%s' is not 1 to 64\n", optarg);
				return usage_error();
			}
			threads = (unsigned)n;
			break;
		}
		default:
			return usage_error();
		}
	}
	if (optind >= argc) {
		fputs("lerq stats: missing PATH\n", stderr);
		return usage_error();
	}

	struct lerq_ctx *ctx = NULL;
	struct lerq_stats *stats = NULL;
	struct input_list inputs = { 0 };
	int status = CLI_EXIT_TROUBLE;
	int err = lerq_ctx_new(0, &ctx);
	if (err == LERQ_OK)
		err = lerq_stats_new(ctx, now, &stats);
	if (err != LERQ_OK) {
		fprintf(stderr, "lerq stats: %s\n", lerq_strerror(err));
		goto out;
	}
	if (lerq_stats_set_period(stats, since, until) != LERQ_OK) {
		fprintf(stderr, "lerq stats: --since and --until take a date, YYYY-MM-DD\n");
		status = usage_error();
		goto out;
	}
	for (int i = optind; i < argc; i++) {
		if (input_list_add(&inputs, argv[i]) < 0) {
			fputs("lerq stats: out of memory\n", stderr);
			goto out;
		}
	}
	if (run(stats, &inputs, threads) < 0)
		goto out;
	if (lerq_stats_documents_read(stats) == 0) {
		fputs("lerq stats: no document could be read\n", stderr);
		goto out;
	}
	char *text;
	size_t size;
	err = format == JSON ? lerq_stats_to_json(stats, &text, &size)
	    : format == HTML ? lerq_stats_to_html(stats, &text, &size)
	                     : lerq_stats_to_text(stats, &text, &size);
	if (err != LERQ_OK) {
		fprintf(stderr, "lerq stats: %s\n", lerq_strerror(err));
		goto out;
	}
	/* A short write shows in the stream's error indicator, which main()
	 * checks when it flushes. */
	fwrite(text, 1, size, stdout);
	free(text);
	status = CLI_EXIT_OK;
out:
	input_list_clear(&inputs);
	lerq_stats_free(stats);
	lerq_ctx_free(ctx);
	return status;
}
