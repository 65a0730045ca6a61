/* SPDX-License-Identifier: MIT */
/* The external phases: (d) the lerq CLI on the directory, (e) xmllint
 * --schema and (f) plain xmllint on the same files, and (h) xsltproc with
 * lerq's stylesheets. Each pass times everything a user would wait for,
 * process start-up and schema or stylesheet compilation included: many
 * files go to each process, in batches that respect ARG_MAX. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

extern char **environ;

/* One command of a phase: fixed arguments, then (if files is not NULL)
 * as many of the files as fit, again and again until all are done; or
 * one file per process, as a script rendering one letter would. */
struct step {
	const char *argv[16]; /* NULL-terminated */
	size_t fixed;         /* how many of argv are the fixed part */
	char *const *files;   /* count files, or NULL */
	size_t count;
	bool one_per_file;
	bool discard_output;  /* standard output to /dev/null, not the log */
};

/* A phase: its steps, run one after the other in each pass. */
struct command {
	struct step step[3];
	size_t steps;
};

/* Bytes the kernel counts for an argument: the string and its pointer. */
static size_t arg_cost(const char *s)
{
	return strlen(s) + 1 + sizeof(char *);
}

/* What one exec may take in arguments: ARG_MAX less the environment,
 * halved to leave room for what the kernel adds (auxv, alignment). */
static size_t arg_budget(void)
{
	long max = sysconf(_SC_ARG_MAX);
	size_t budget = max > 0 ? (size_t)max : 131072;
	size_t env = 0;
	for (char **e = environ; *e; e++)
		env += arg_cost(*e);
	budget = budget > env ? budget - env : 0;
	budget /= 2;
	return budget > 65536 ? budget : 65536;
}

static struct step *new_step(struct command *cmd)
{
	struct step *st = &cmd->step[cmd->steps++];
	memset(st, 0, sizeof(*st));
	return st;
}

static void add_fixed(struct step *st, const char *arg)
{
	st->argv[st->fixed++] = arg;
	st->argv[st->fixed] = NULL;
}

/* (h) The two stages of a letter, as xsltproc runs them: stage 1
 * (letter.xsl) on the documents, stage 2 (html.xsl, then text.xsl) on
 * letter models. Stage 2 reads models lerq prepared beforehand (untimed;
 * byte for byte what xsltproc's stage 1 makes), because a batch of
 * xsltproc writes all its results to one output. Either one process per
 * stage and document, as a script making one letter at a time would run
 * it, or batches. Every letter is in English, the language of the
 * examples. */
static bool xsltproc_command(const struct bench *b, enum phase_id id, struct command *cmd,
                             char paths[3][4096])
{
	static const char *const sheets[] = { "letter.xsl", "html.xsl", "text.xsl" };
	for (size_t k = 0; k < 3; k++) {
		snprintf(paths[k], 4096, "%s/%s", b->stylesheets_dir, sheets[k]);
		struct step *st = new_step(cmd);
		add_fixed(st, b->xsltproc_path);
		add_fixed(st, "--nonet");
		if (k == 0) {
			add_fixed(st, "--stringparam");
			add_fixed(st, "lang");
			add_fixed(st, "en");
		}
		add_fixed(st, paths[k]);
		st->files = k == 0 ? b->paths : b->model_paths;
		st->count = phase_docs(b, id);
		st->one_per_file = id == PHASE_XSLTPROC;
		st->discard_output = true;
	}
	return true;
}

/* Fills in cmd for a phase; false with why in err when it cannot run. */
static bool command_for(const struct bench *b, enum phase_id id, struct command *cmd,
                        char paths[3][4096], char *err, size_t err_len)
{
	struct step *st;
	memset(cmd, 0, sizeof(*cmd));
	switch (id) {
	case PHASE_CLI:
		/* As a provider would run it: the whole directory, one process;
		 * one thread, as xmllint (e) has (threads: the (c) phases). */
		st = new_step(cmd);
		add_fixed(st, b->lerq_path);
		add_fixed(st, "validate");
		add_fixed(st, "-j");
		add_fixed(st, "1");
		add_fixed(st, "--now");
		add_fixed(st, b->now_text);
		add_fixed(st, b->docs_dir);
		return true;
	case PHASE_XMLLINT_XSD:
	case PHASE_XMLLINT:
		if (b->xmllint_path[0] == '\0') {
			snprintf(err, err_len, "xmllint not found");
			return false;
		}
		st = new_step(cmd);
		add_fixed(st, b->xmllint_path);
		add_fixed(st, "--noout");
		if (id == PHASE_XMLLINT_XSD) {
			add_fixed(st, "--schema");
			add_fixed(st, b->schema_path);
		}
		st->files = b->paths;
		st->count = b->count;
		return true;
	case PHASE_CLI_ONE:
		/* A script checking one document at a time: a process each. */
		st = new_step(cmd);
		add_fixed(st, b->lerq_path);
		add_fixed(st, "validate");
		add_fixed(st, "--now");
		add_fixed(st, b->now_text);
		st->files = b->paths;
		st->count = phase_docs(b, id);
		st->one_per_file = true;
		return true;
	case PHASE_XMLLINT_ONE:
		if (b->xmllint_path[0] == '\0') {
			snprintf(err, err_len, "xmllint not found");
			return false;
		}
		st = new_step(cmd);
		add_fixed(st, b->xmllint_path);
		add_fixed(st, "--noout");
		add_fixed(st, "--schema");
		add_fixed(st, b->schema_path);
		st->files = b->paths;
		st->count = phase_docs(b, id);
		st->one_per_file = true;
		return true;
	case PHASE_RENDER_ONE:
		/* One document's HTML and text letters, one process: what
		 * (h) makes with three xsltproc processes per document. */
		st = new_step(cmd);
		add_fixed(st, b->lerq_path);
		add_fixed(st, "render");
		add_fixed(st, "--now");
		add_fixed(st, b->now_text);
		add_fixed(st, "--to");
		add_fixed(st, "html,text");
		add_fixed(st, "-o");
		add_fixed(st, b->letters_dir);
		st->files = b->paths;
		st->count = phase_docs(b, id);
		st->one_per_file = true;
		return true;
	case PHASE_XSLTPROC:
	case PHASE_XSLTPROC_BATCH:
		if (b->xsltproc_path[0] == '\0') {
			snprintf(err, err_len, "xsltproc not found");
			return false;
		}
		if (b->model_paths == NULL) {
			snprintf(err, err_len, "no letter models");
			return false;
		}
		return xsltproc_command(b, id, cmd, paths);
	default:
		snprintf(err, err_len, "not an external phase");
		return false;
	}
}

#ifndef LERQ_BENCH_SPAWN
#define LERQ_BENCH_SPAWN "lerq-bench-spawn"
#endif

/* What one tool process cost, as lerq-bench-spawn measured it. */
struct usage {
	double wall, cpu;
	long maxrss_kib;
};

/* Starts argv through lerq-bench-spawn (spawn.c: why), with its standard
 * output in out and its errors in log, and waits. Returns the exit
 * status with *u filled in, or -1 with errno. */
static int run_process(const char *const *argv, const char *out, const char *log,
                       struct usage *u)
{
	int fd[2];
	if (pipe(fd) != 0)
		return -1;

	size_t n = 0;
	while (argv[n])
		n++;
	const char **full = calloc(n + 3, sizeof(*full));
	if (full == NULL) {
		close(fd[0]);
		close(fd[1]);
		errno = ENOMEM;
		return -1;
	}
	full[0] = LERQ_BENCH_SPAWN;
	full[1] = "3"; /* the report goes to descriptor 3 */
	memcpy(full + 2, argv, (n + 1) * sizeof(*full));

	posix_spawn_file_actions_t fa;
	pid_t pid;
	int rc = posix_spawn_file_actions_init(&fa);
	if (rc == 0) {
		posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
		posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out,
		                                 O_WRONLY | O_CREAT | O_APPEND, 0600);
		posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, log,
		                                 O_WRONLY | O_CREAT | O_APPEND, 0600);
		posix_spawn_file_actions_adddup2(&fa, fd[1], 3);
		/* posix_spawn wants char *const[]; it does not write to them. */
		rc = posix_spawn(&pid, full[0], &fa, NULL, (char *const *)full, environ);
		posix_spawn_file_actions_destroy(&fa);
	}
	free(full);
	close(fd[1]);
	if (rc != 0) {
		close(fd[0]);
		errno = rc;
		return -1;
	}

	char line[128] = "";
	FILE *report = fdopen(fd[0], "r");
	if (report == NULL || fgets(line, sizeof(line), report) == NULL)
		line[0] = '\0';
	if (report != NULL)
		fclose(report);
	else
		close(fd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;

	int code;
	long long wall_ns, user_us, system_us;
	if (sscanf(line, "%d %lld %ld %lld %lld", &code, &wall_ns, &u->maxrss_kib, &user_us,
	           &system_us) != 5) {
		errno = EPROTO;
		return -1;
	}
	u->wall = (double)wall_ns / 1e9;
	u->cpu = (double)(user_us + system_us) / 1e6;
	return code;
}

/* One step of a pass: every file once. Returns 0, or -1 with err set. */
static int run_step(const struct step *st, const char *log,
                    struct phase_result *res, struct usage *total, unsigned int *processes,
                    char *err, size_t err_len)
{
	const char **argv = calloc(st->fixed + st->count + 1, sizeof(*argv));
	if (argv == NULL) {
		snprintf(err, err_len, "out of memory");
		return -1;
	}
	memcpy(argv, st->argv, st->fixed * sizeof(*argv));
	size_t fixed_cost = 0;
	for (size_t k = 0; k < st->fixed; k++)
		fixed_cost += arg_cost(st->argv[k]);
	size_t budget = arg_budget();
	const char *out = st->discard_output ? "/dev/null" : log;

	int status = 0;
	size_t next = 0;
	do {
		size_t n = st->fixed, cost = fixed_cost;
		while (st->files && next < st->count &&
		       (n == st->fixed ||
		        (!st->one_per_file && cost + arg_cost(st->files[next]) <= budget))) {
			cost += arg_cost(st->files[next]);
			argv[n++] = st->files[next++];
		}
		argv[n] = NULL;
		struct usage u = { 0 };
		int rc = run_process(argv, out, log, &u);
		(*processes)++;
		total->wall += u.wall;
		total->cpu += u.cpu;
		if (u.maxrss_kib > res->peak_rss_kib)
			res->peak_rss_kib = u.maxrss_kib;
		if (rc != 0) {
			if (rc < 0)
				snprintf(err, err_len, "cannot run %.200s: %s", argv[0],
				         strerror(errno));
			else
				snprintf(err, err_len, "%.200s exited with status %d (its output: %.200s)",
				         argv[0], rc, log);
			status = -1;
		}
	} while (status == 0 && st->files && next < st->count);
	free(argv);
	return status;
}

void run_external(const struct bench *b, enum phase_id id, struct phase_result *res)
{
	struct command cmd;
	char paths[3][4096];
	if (!command_for(b, id, &cmd, paths, res->error, sizeof(res->error)))
		return;
	res->available = true;

	/* Only the last pass's output is kept: enough to see why it failed. */
	char log[4096];
	snprintf(log, sizeof(log), "%s/%s.log", b->dir, phase_table[id].key);
	if (truncate(log, 0) != 0 && errno != ENOENT)
		fprintf(stderr, "lerq-bench: cannot truncate %s: %s\n", log, strerror(errno));

	/* The pass takes what its processes took, one after the other. */
	struct usage total = { 0 };
	unsigned int processes = 0;
	int status = 0;
	for (size_t k = 0; k < cmd.steps && status == 0; k++)
		status = run_step(&cmd.step[k], log, res, &total, &processes, res->error,
		                  sizeof(res->error));
	res->processes = processes;
	res->ok = status == 0;
	if (res->ok) {
		res->seconds[res->runs] = total.wall;
		res->cpu_seconds[res->runs++] = total.cpu;
	}
}
