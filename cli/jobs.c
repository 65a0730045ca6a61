/* SPDX-License-Identifier: MIT */
/*
 * Ordered parallel tasks. Every thread, this one included, claims the next
 * index, runs the task into memory streams and marks its slot done; the
 * thread that completes the slot next in line prints it, and any done
 * after it, so no thread waits on another but when it is more than
 * WINDOW_PER_THREAD * threads indexes ahead of the printing (each wake-up
 * costs more than a small document's validation in a VM).
 */
#define _GNU_SOURCE /* open_memstream is POSIX 2008; sysconf name below */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "jobs.h"

#define WINDOW_PER_THREAD 8

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
	FILE *out, *err;
	pthread_mutex_t lock;
	pthread_cond_t room;  /* printed moved on */
	unsigned waiting;     /* threads waiting for room */
	size_t next;          /* the next index to claim */
	size_t printed;       /* indexes below this one are printed and freed */
	int status;           /* the highest so far */
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

/* Under the lock: prints the done slots next in line. */
static void print_ready(struct pool *p)
{
	size_t before = p->printed;
	while (p->printed < p->count && p->slots[p->printed].done) {
		struct slot *s = &p->slots[p->printed];
		/* As one thread prints: a task's messages, then its output. */
		if (s->err_len > 0)
			fwrite(s->err, 1, s->err_len, p->err);
		if (s->out_len > 0)
			fwrite(s->out, 1, s->out_len, p->out);
		free(s->out);
		free(s->err);
		s->out = s->err = NULL;
		p->status = s->status > p->status ? s->status : p->status;
		p->printed++;
	}
	if (p->printed != before && p->waiting > 0)
		pthread_cond_broadcast(&p->room);
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->next < p->count && p->next >= p->printed + p->window) {
			p->waiting++;
			pthread_cond_wait(&p->room, &p->lock);
			p->waiting--;
		}
		if (p->next >= p->count)
			break;
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		run_one(p, i);
		pthread_mutex_lock(&p->lock);
		p->slots[i].done = true;
		print_ready(p);
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
		.fn = fn, .data = data, .count = count, .out = out, .err = err,
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
	pthread_cond_init(&p.room, NULL);
	/* This thread is one of the workers. */
	unsigned started = 0;
	while (started + 1 < threads && pthread_create(&tids[started], NULL, worker, &p) == 0)
		started++;
	worker(&p);
	for (unsigned t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	pthread_cond_destroy(&p.room);
	pthread_mutex_destroy(&p.lock);
	free(tids);
	free(p.slots);
	return p.status;
}

unsigned jobs_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}
