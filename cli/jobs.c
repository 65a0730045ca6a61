/* SPDX-License-Identifier: MIT */
/*
 * Ordered parallel tasks. Workers claim the next index, run the task into
 * memory streams and mark the slot done; this thread prints the slots in
 * index order as they complete. A worker waits before claiming an index
 * more than WINDOW_PER_THREAD * threads ahead of the next one to print.
 */
#define _GNU_SOURCE /* open_memstream is POSIX 2008; sysconf name below */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "jobs.h"

#define WINDOW_PER_THREAD 4

struct slot {
	char *out, *err;
	size_t out_len, err_len;
	int status;
	bool done;
};

struct pool {
	job_fn fn;
	void *data;
	size_t count;
	size_t window;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	size_t next;    /* the next index to claim */
	size_t printed; /* indexes below this one are printed and freed */
	struct slot *slots;
};

static void run_one(struct pool *p, size_t i)
{
	struct slot *s = &p->slots[i];
	FILE *out = open_memstream(&s->out, &s->out_len);
	FILE *err = open_memstream(&s->err, &s->err_len);
	if (out != NULL && err != NULL) {
		s->status = p->fn(p->data, i, out, err);
	} else {
		fprintf(stderr, "lerq: out of memory\n");
		s->status = CLI_EXIT_TROUBLE;
	}
	if (out != NULL && fclose(out) != 0)
		s->status = CLI_EXIT_TROUBLE;
	if (err != NULL && fclose(err) != 0)
		s->status = CLI_EXIT_TROUBLE;
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->next < p->count && p->next >= p->printed + p->window)
			pthread_cond_wait(&p->changed, &p->lock);
		if (p->next >= p->count)
			break;
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		run_one(p, i);
		pthread_mutex_lock(&p->lock);
		p->slots[i].done = true;
		pthread_cond_broadcast(&p->changed);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

int jobs_run(job_fn fn, void *data, size_t count, unsigned threads, FILE *out, FILE *err)
{
	int status = CLI_EXIT_OK;
	if (threads > count)
		threads = (unsigned)count;
	if (threads <= 1) {
		for (size_t i = 0; i < count; i++) {
			int s = fn(data, i, out, err);
			status = s > status ? s : status;
		}
		return status;
	}

	struct pool p = {
		.fn = fn, .data = data, .count = count,
		.window = (size_t)threads * WINDOW_PER_THREAD,
		.slots = calloc(count, sizeof(struct slot)),
	};
	pthread_t *tids = calloc(threads, sizeof(*tids));
	if (p.slots == NULL || tids == NULL || pthread_mutex_init(&p.lock, NULL) != 0) {
		free(p.slots);
		free(tids);
		fprintf(err, "lerq: out of memory\n");
		return CLI_EXIT_TROUBLE;
	}
	pthread_cond_init(&p.changed, NULL);
	unsigned started = 0;
	while (started < threads && pthread_create(&tids[started], NULL, worker, &p) == 0)
		started++;
	if (started == 0) {
		/* No thread at all: this one does the work. */
		worker(&p);
	}

	pthread_mutex_lock(&p.lock);
	for (size_t i = 0; i < count; i++) {
		while (!p.slots[i].done)
			pthread_cond_wait(&p.changed, &p.lock);
		pthread_mutex_unlock(&p.lock);
		struct slot *s = &p.slots[i];
		/* As one thread prints: a task's messages, then its output. */
		if (s->err_len > 0)
			fwrite(s->err, 1, s->err_len, err);
		if (s->out_len > 0)
			fwrite(s->out, 1, s->out_len, out);
		free(s->out);
		free(s->err);
		status = s->status > status ? s->status : status;
		pthread_mutex_lock(&p.lock);
		p.printed = i + 1;
		pthread_cond_broadcast(&p.changed);
	}
	pthread_mutex_unlock(&p.lock);

	for (unsigned t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	pthread_cond_destroy(&p.changed);
	pthread_mutex_destroy(&p.lock);
	free(tids);
	free(p.slots);
	return status;
}

unsigned jobs_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}
