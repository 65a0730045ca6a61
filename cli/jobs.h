/* SPDX-License-Identifier: MIT */
/*
 * Running one task per input on several threads while printing exactly
 * what one thread would print, in the same order (lerq validate -j N).
 */
#ifndef LERQ_CLI_JOBS_H
#define LERQ_CLI_JOBS_H

#include <stddef.h>
#include <stdio.h>

/*
 * A task: handles input @index, printing its output on @out and its
 * messages on @err (both in memory until their turn comes), and returns
 * an enum cli_exit value.
 */
typedef int (*job_fn)(void *data, size_t index, FILE *out, FILE *err);

/*
 * Run @fn for every index in [0, @count) on @threads threads (1: in turn,
 * on this thread, writing straight to @out and @err). Whatever a task
 * prints reaches @out and @err in index order, a task's whole output at
 * once; at most a few tasks per thread run ahead of the one printed, so
 * memory stays bounded however many inputs there are.
 * @return the highest status a task returned, or CLI_EXIT_TROUBLE when
 *         the threads or their buffers could not be made.
 */
int jobs_run(job_fn fn, void *data, size_t count, unsigned threads, FILE *out, FILE *err);

/* The number of processors online, at least 1. */
unsigned jobs_default_threads(void);

#endif /* LERQ_CLI_JOBS_H */
