/* SPDX-License-Identifier: MIT */
/*
 * lerq-bench-spawn FD PROGRAM [ARG]...
 *
 * Runs PROGRAM, waits for it and writes one line to file descriptor FD:
 *   "STATUS WALL_NS MAXRSS_KIB USER_US SYSTEM_US\n"
 * (STATUS as from a shell: the exit status, or 128 + the signal).
 *
 * Why a separate program: Linux counts the memory of the process that
 * calls exec into the peak RSS (ru_maxrss) of what it becomes. lerq-bench
 * maps libxml2, libxslt and lerq itself, some 9 MiB, so every tool it
 * started directly would seem to use at least that much. This program is
 * small, and PROGRAM is its child, not its exec: the figure is PROGRAM's.
 * PROGRAM's wall time is measured here, too, so that starting this helper
 * is not counted against the tool.
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: lerq-bench-spawn FD PROGRAM [ARG]...\n", stderr);
		return 2;
	}
	int fd = atoi(argv[1]);
	FILE *report = fdopen(fd, "w");
	if (report == NULL) {
		perror("lerq-bench-spawn: report descriptor");
		return 2;
	}

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("lerq-bench-spawn: fork");
		return 2;
	}
	if (pid == 0) {
		/* The tool must not see the report descriptor. */
		close(fd);
		execv(argv[2], argv + 2);
		perror("lerq-bench-spawn: exec");
		_exit(127);
	}

	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("lerq-bench-spawn: wait4");
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);

	int code = WIFEXITED(status) ? WEXITSTATUS(status)
	                             : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	long long wall_ns = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL +
	                    (t1.tv_nsec - t0.tv_nsec);
	fprintf(report, "%d %lld %ld %lld %lld\n", code, wall_ns, ru.ru_maxrss,
	        (long long)ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec,
	        (long long)ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec);
	return fclose(report) == 0 ? 0 : 2;
}
