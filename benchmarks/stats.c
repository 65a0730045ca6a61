/* SPDX-License-Identifier: MIT */
/*
 * lerq-stats-bench: lerq stats over a large generated archive (issue 16).
 * Not a test: it measures, it asserts nothing about speed.
 *
 *   lerq-stats-bench [-n DOCUMENTS] [-t THREADS] [--dir DIR] [--keep]
 *
 * 1. Writes DOCUMENTS files into DIR (default: a new directory under
 *    $TMPDIR), spread over subdirectories of 1000: about 70% requests of
 *    every type, priority, channel and month of 2026, 30% responses to
 *    them, 1% invalid. Timed on its own.
 * 2. Reads them with THREADS threads sharing one context and one stats
 *    object (lerq_stats_add_file()), and reports documents per second,
 *    the peak resident set size, and what it grew by while reading,
 *    per request kept.
 * 3. Prints the JSON figures' first lines as a check, and removes the
 *    files unless --keep.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <lerq/lerq.h>

#include "stats-archive.h"

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* Current resident set, from /proc (Linux); -1 elsewhere. */
static long rss_kib(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = -1, resident = -1;
	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
		resident = -1;
	fclose(f);
	return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static const char *const types[] = { "disclosure", "disclosure", "disclosure", "preservation",
                                     "release" };
static const char *const priorities[] = { "routine", "routine", "urgent", "emergency" };
static const char *const channels[] = { "domestic", "24-7-network" };
static const char *const countries[] = { "DE", "FR", "NL", "IE", "BE" };
static const char *const items[] = { "subscriber", "subscriber traffic", "traffic",
                                     "subscriber subscriber traffic" };
static const char *const offences[] = { "computer-related-fraud", "illegal-access",
                                        "child-sexual-abuse-material other",
                                        "misuse-of-devices" };

/* Document i of the archive, deterministic. Responses (i % 10 >= 7)
 * answer request i - 5 when that one is a disclosure or preservation. */
static char *document(size_t i)
{
	char number[32], answers[32], issued[40], respond_by[40], relates[32];
	unsigned month = 1 + (unsigned)(i / 7 % 11), day = 1 + (unsigned)(i % 27);
	unsigned hour = (unsigned)(i % 20);
	snprintf(number, sizeof(number), "B%zu", i);
	if (i % 100 == 99) /* 1%: a schema error */
		return stats_printf("<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\" "
		                    "xml:lang=\"en\" type=\"disclosure\"><Priority>soon</Priority>"
		                    "</Request>");
	if (i % 10 >= 7 && i >= 5 && strcmp(types[(i - 5) % 5], "release") != 0 &&
	    (i - 5) % 10 < 7) {
		size_t r = i - 5;
		unsigned rmonth = 1 + (unsigned)(r / 7 % 11), rday = 1 + (unsigned)(r % 27);
		snprintf(answers, sizeof(answers), "B%zu", r);
		snprintf(issued, sizeof(issued), "2026-%02u-%02uT%02u:15:00+01:00", rmonth,
		         rday < 27 ? rday + 1 : rday, (unsigned)(i % 24));
		bool preservation = strcmp(types[r % 5], "preservation") == 0;
		unsigned n = 1 + (unsigned)(strlen(items[r % 4]) > 12) + (r % 4 == 3);
		const char *outcome = preservation ? "provided" : i % 3 ? "provided"
		                                                         : "not-provided:no-records";
		char outcomes[128] = "";
		for (unsigned k = 0; k < n; k++) {
			strcat(outcomes, k ? " " : "");
			strcat(outcomes, outcome);
		}
		struct resp_spec p = { .answers = answers, .number = number, .issued = issued,
		                       .status = strncmp(outcome, "provided", 8) == 0 ? "fulfilled"
		                                                                     : "no-data",
		                       .outcomes = outcomes };
		return stats_response(&p);
	}
	snprintf(issued, sizeof(issued), "2026-%02u-%02uT%02u:00:00+01:00", month, day, hour);
	snprintf(respond_by, sizeof(respond_by), "2026-%02u-%02uT%02u:00:00+01:00", month,
	         day < 25 ? day + 3 : 28, hour);
	const char *type = types[i % 5];
	const char *priority = priorities[i / 5 % 4];
	const char *auth = countries[i % 5], *channel = channels[i / 3 % 2];
	struct req_spec r = {
		.number = number, .type = type, .priority = priority, .issued = issued,
		.respond_by = i % 2 ? respond_by : NULL, .authority = auth,
		.provider = strcmp(channel, "domestic") == 0 ? auth : countries[(i + 1) % 5],
		.channel = channel, .items = items[i / 5 % 4], .offences = offences[i % 4],
	};
	if (strcmp(type, "release") == 0) {
		snprintf(relates, sizeof(relates), "B%zu", i - 1); /* a preservation */
		r.relation = "releases";
		r.relates = relates;
	}
	return stats_request(&r);
}

struct work {
	struct lerq_stats *stats;
	const char *dir;
	size_t count;
	size_t next;
	pthread_mutex_t lock;
	int failed;
};

static void *reader(void *p)
{
	struct work *w = p;
	char path[4096];
	for (;;) {
		pthread_mutex_lock(&w->lock);
		size_t i = w->next++;
		pthread_mutex_unlock(&w->lock);
		if (i >= w->count)
			return NULL;
		int r = LERQ_EINVAL;
		if (snprintf(path, sizeof(path), "%s/%04zu/%zu.xml", w->dir, i / 1000, i) <
		    (int)sizeof(path))
			r = lerq_stats_add_file(w->stats, path);
		if (r != LERQ_OK) {
			fprintf(stderr, "lerq-stats-bench: %s: %s\n", path, lerq_strerror(r));
			w->failed = 1;
			return NULL;
		}
	}
}

static int write_archive(const char *dir, size_t count)
{
	char path[4096];
	for (size_t i = 0; i < count; i++) {
		if (i % 1000 == 0) {
			if (snprintf(path, sizeof(path), "%s/%04zu", dir, i / 1000) >=
			    (int)sizeof(path))
				return -1;
			if (mkdir(path, 0700) != 0 && errno != EEXIST)
				return -1;
		}
		if (snprintf(path, sizeof(path), "%s/%04zu/%zu.xml", dir, i / 1000, i) >=
		    (int)sizeof(path))
			return -1;
		FILE *f = fopen(path, "w");
		char *doc = document(i);
		int ok = f && fputs(doc, f) >= 0;
		free(doc);
		if (f == NULL || fclose(f) != 0 || !ok)
			return -1;
	}
	return 0;
}

static void remove_archive(const char *dir, size_t count)
{
	char path[4096];
	for (size_t i = 0; i < count; i++) {
		if (snprintf(path, sizeof(path), "%s/%04zu/%zu.xml", dir, i / 1000, i) <
		    (int)sizeof(path))
			unlink(path);
		if ((i % 1000 == 999 || i == count - 1) &&
		    snprintf(path, sizeof(path), "%s/%04zu", dir, i / 1000) < (int)sizeof(path))
			rmdir(path);
	}
	rmdir(dir);
}

int main(int argc, char **argv)
{
	size_t count = 100000;
	unsigned threads = 2;
	const char *dir_arg = NULL;
	int keep = 0;
	static const struct option options[] = {
		{ "documents", required_argument, NULL, 'n' },
		{ "threads", required_argument, NULL, 't' },
		{ "dir", required_argument, NULL, 'd' },
		{ "keep", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "n:t:h", options, NULL)) != -1) {
		switch (c) {
		case 'n': count = strtoull(optarg, NULL, 10); break;
		case 't': threads = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'd': dir_arg = optarg; break;
		case 'k': keep = 1; break;
		default:
			fputs("usage: lerq-stats-bench [-n DOCUMENTS] [-t THREADS] [--dir DIR] "
			      "[--keep]\n", c == 'h' ? stdout : stderr);
			return c == 'h' ? 0 : 2;
		}
	}
	if (count == 0 || threads < 1 || threads > 64) {
		fputs("lerq-stats-bench: -n at least 1, -t 1 to 64\n", stderr);
		return 2;
	}
	char tmpl[4096];
	const char *dir = dir_arg;
	if (dir == NULL) {
		const char *tmp = getenv("TMPDIR");
		snprintf(tmpl, sizeof(tmpl), "%s/lerq-stats-bench-XXXXXX", tmp ? tmp : "/tmp");
		if (mkdtemp(tmpl) == NULL) {
			perror("lerq-stats-bench: mkdtemp");
			return 2;
		}
		dir = tmpl;
	} else if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		perror(dir);
		return 2;
	}

	double t0 = seconds();
	if (write_archive(dir, count) != 0) {
		perror("lerq-stats-bench: writing the archive");
		return 2;
	}
	double t1 = seconds();
	printf("generated %zu documents in %s: %.1f s\n", count, dir, t1 - t0);

	struct lerq_ctx *ctx = NULL;
	struct lerq_stats *stats = NULL;
	/* The last instant of 2026: every document is in the past. */
	lerq_time_t now;
	lerq_time_parse("2026-12-31T23:59:59Z", &now);
	if (lerq_ctx_new(0, &ctx) != LERQ_OK || lerq_stats_new(ctx, now, &stats) != LERQ_OK) {
		fputs("lerq-stats-bench: no context\n", stderr);
		return 2;
	}
	long rss_before = rss_kib();
	struct work w = { .stats = stats, .dir = dir, .count = count };
	pthread_mutex_init(&w.lock, NULL);
	pthread_t tids[64];
	double t2 = seconds();
	for (unsigned i = 0; i < threads; i++)
		pthread_create(&tids[i], NULL, reader, &w);
	for (unsigned i = 0; i < threads; i++)
		pthread_join(tids[i], NULL);
	double t3 = seconds();
	long rss_after = rss_kib();
	char *json = NULL;
	size_t size;
	double t4 = seconds();
	int r = lerq_stats_to_json(stats, &json, &size);
	double t5 = seconds();
	if (w.failed || r != LERQ_OK) {
		fputs("lerq-stats-bench: reading failed\n", stderr);
		return 1;
	}
	const char *req = strstr(json, "\"requests\": ");
	unsigned long long requests = req ? strtoull(req + 12, NULL, 10) : 0;
	printf("read %zu documents with %u thread%s sharing one context: %.1f s, "
	       "%.0f documents/s\n", count, threads, threads == 1 ? "" : "s", t3 - t2,
	       (double)count / (t3 - t2));
	printf("figures (json) computed in %.3f s\n", t5 - t4);
	printf("peak RSS %ld KiB; RSS %ld KiB before reading, %ld KiB after: %.0f bytes "
	       "per valid request (%llu)\n", peak_rss_kib(), rss_before, rss_after,
	       requests ? (double)(rss_after - rss_before) * 1024.0 / (double)requests : 0.0,
	       requests);
	fwrite(json, 1, size < 400 ? size : 400, stdout);
	puts("...");
	free(json);
	lerq_stats_free(stats);
	lerq_ctx_free(ctx);
	if (!keep)
		remove_archive(dir, count);
	return 0;
}
