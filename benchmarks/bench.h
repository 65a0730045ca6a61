/* SPDX-License-Identifier: MIT */
/* lerq-bench: declarations shared by the benchmark's files. */
#ifndef LERQ_BENCH_H
#define LERQ_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "lerq/lerq.h"

/* Timed passes per phase, at most; the table shows their median. */
#define BENCH_MAX_RUNS 16

/* The phases, in the order of the table. */
enum phase_id {
	PHASE_PARSE,        /* (a) libxml2 parse only */
	PHASE_SCHEMA,       /* (b) plain libxml2: parse + xmlSchemaValidateDoc */
	PHASE_VALIDATE,     /* (c) lerq full validation */
	PHASE_THREADS_1,    /* (c) through pthreads, 1 thread */
	PHASE_THREADS_N,    /* (c) through pthreads, N threads, one context */
	PHASE_CLI,          /* (d) lerq validate DIR */
	PHASE_XMLLINT_XSD,  /* (e) xmllint --noout --schema */
	PHASE_XMLLINT,      /* (f) xmllint --noout */
	PHASE_RENDER,       /* (g) rendering in-process */
	PHASE_XSLTPROC,     /* (h) xsltproc, one process per stage and letter */
	PHASE_XSLTPROC_BATCH, /* (h) xsltproc, many documents per process */
	PHASE_CLI_ONE,      /* (i) lerq validate FILE, a process per document */
	PHASE_XMLLINT_ONE,  /* (j) xmllint --noout --schema FILE, the same */
	PHASE_RENDER_ONE,   /* (k) lerq render --to html,text FILE, the same */
	PHASE_COUNT,
};

/* The templates: lerq's examples, by file name. */
#define TEMPLATE_COUNT 6

/* What the run was asked to do, and where the corpus lives. */
struct bench {
	size_t count;         /* documents to generate */
	unsigned long seed;   /* of the generator's random numbers */
	unsigned int repeats; /* timed passes per phase */
	bool only[PHASE_COUNT]; /* phases to run */
	unsigned int threads; /* the threaded phase uses 1 and this many */
	size_t render_docs;   /* documents the rendering phases use, at most */
	const char *now_text; /* validation time, as given to the CLI */
	lerq_time_t now;
	const char *examples_dir;
	const char *schema_path;      /* for xmllint --schema */
	const char *stylesheets_dir;  /* for xsltproc */
	const char *lerq_path;        /* the lerq CLI */
	const char *xmllint_path;     /* "" when not found */
	const char *xsltproc_path;    /* "" when not found */
	const char *json_path;        /* NULL: no JSON file */
	bool keep;                    /* keep the generated documents */

	/* Filled in by the generator. */
	char *dir;      /* temporary directory: the tools' logs */
	char *docs_dir; /* dir/docs: the documents, nothing else */
	char **paths;   /* count paths, in docs_dir, in sorted order */
	size_t *sizes;  /* the size of each */
	size_t bytes;  /* total size of the documents */
	size_t by_template[TEMPLATE_COUNT];
	size_t warnings; /* warnings lerq found in the corpus (no errors allowed) */

	/* Filled in by prepare_letter_models(), for xsltproc's stage 2. */
	char *models_dir;   /* dir/models */
	char *letters_dir;  /* dir/letters: what (k) writes */
	char **model_paths; /* the letter model of each document, or NULL */
};

/* Why a phase failed: one line, shown to the user and put in the JSON. */
#define BENCH_ERROR_LEN 512

/* One phase's measurements, a pass at a time. */
struct phase_result {
	bool available;
	bool ok;
	size_t docs, bytes; /* what each pass works on */
	char error[BENCH_ERROR_LEN];
	unsigned int runs;
	double seconds[BENCH_MAX_RUNS]; /* wall time of each pass */
	double cpu_seconds[BENCH_MAX_RUNS]; /* CPU time (user + system) of each */
	long peak_rss_kib;     /* ru_maxrss of the phase's process(es) */
	long rss_before_kib;   /* in-process: VmRSS when the clock started */
	unsigned int processes; /* external: processes started per pass */
};

struct phase_info {
	const char *key;   /* "a".."h", for JSON, --only and log files */
	const char *name;  /* for the table */
	bool in_process;
};
extern const struct phase_info phase_table[PHASE_COUNT];

/* The templates' file names, without ".xml". */
extern const char *const template_names[TEMPLATE_COUNT];

/* generate.c: writes b->count valid documents to a new temporary directory
 * and fills in b->dir, b->paths, b->bytes, b->by_template. Every document
 * is validated by lerq; one with an error stops the run (return -1 with
 * the reason on stderr). */
int generate_corpus(struct bench *b);
/* Removes the documents and the directory (unless b->keep). */
void remove_corpus(struct bench *b);

/* inprocess.c: runs one timed pass of an in-process phase in a fresh
 * child process and adds it to *res. */
void run_in_process(const struct bench *b, enum phase_id id,
                    struct phase_result *res);

/* inprocess.c: writes the letter model (stage 1 of rendering) of every
 * document to b->models_dir, so that xsltproc's stage 2 can be timed on
 * its own input. Untimed. Returns 0, or -1 with the reason on stderr. */
int prepare_letter_models(struct bench *b);

/* external.c: runs one timed pass of an external phase (the tool on
 * every document) and adds it to *res. */
void run_external(const struct bench *b, enum phase_id id,
                  struct phase_result *res);

/* report.c */
double result_median(const struct phase_result *r);
double result_best(const struct phase_result *r);
/* The figure the table and the ratios use: the median pass. */
double result_seconds(const struct phase_result *r);
/* The same for CPU time. */
double result_cpu_seconds(const struct phase_result *r);
/* The spread of the passes' wall times: (max - min) / median. */
double result_spread(const struct phase_result *r);

/* CPU time this process has used, all threads, in seconds. */
double bench_cpu_now(void);
void print_table(const struct bench *b, const struct phase_result *res);
int write_json(const struct bench *b, const struct phase_result *res,
               const char *path);

/* bench.c: runs fn(b, arg, out) in a child process, so that its peak
 * RSS is its own; the child's *out (size bytes) comes back through a pipe.
 * Returns 0 with *maxrss_kib set, or -1 (reason in err) if the child could
 * not be run or did not send a whole result. The child's own failures are
 * fn's to put in *out. */
int run_child(int (*fn)(const struct bench *b, const void *arg, void *out),
              const struct bench *b, const void *arg, void *out, size_t size,
              long *maxrss_kib, char *err, size_t err_len);

/* Documents a phase works on, and their bytes: all of them, or the
 * first b->render_docs for the rendering phases (bench.c). */
size_t phase_docs(const struct bench *b, enum phase_id id);
size_t phase_bytes(const struct bench *b, enum phase_id id);

/* Monotonic time in seconds. */
double bench_now(void);

#endif
