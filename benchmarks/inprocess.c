/* SPDX-License-Identifier: MIT */
/* The in-process phases: (a) libxml2 parsing, (b) libxml2 parsing and XSD,
 * (c) lerq's full validation, alone and from threads sharing one context,
 * and (g) rendering letters. Each phase runs in a child process of its
 * own, holding the whole corpus in memory so that no file I/O is timed. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>

#include "bench.h"
#include "core/lerq-private.h"
#include "letter/letter.h"

/* The documents, one after the other in one block. */
struct corpus {
	char *data;
	size_t *offset;
	size_t *size;
	size_t count;
	const struct bench *b; /* for file names in messages */
};

static int load_corpus(const struct bench *b, struct corpus *c, char *err, size_t err_len)
{
	c->b = b;
	c->count = b->count;
	c->data = malloc(b->bytes ? b->bytes : 1);
	c->offset = calloc(b->count + 1, sizeof(*c->offset));
	c->size = calloc(b->count + 1, sizeof(*c->size));
	if (c->data == NULL || c->offset == NULL || c->size == NULL) {
		snprintf(err, err_len, "out of memory loading the corpus");
		return -1;
	}
	size_t at = 0;
	for (size_t i = 0; i < b->count; i++) {
		FILE *f = fopen(b->paths[i], "rb");
		size_t got = f ? fread(c->data + at, 1, b->bytes - at, f) : 0;
		if (f == NULL || ferror(f)) {
			snprintf(err, err_len, "cannot read %s: %s", b->paths[i], strerror(errno));
			if (f)
				fclose(f);
			return -1;
		}
		fclose(f);
		c->offset[i] = at;
		c->size[i] = got;
		at += got;
	}
	return 0;
}

static void free_corpus(struct corpus *c)
{
	free(c->data);
	free(c->offset);
	free(c->size);
}

/* Resident set size now, in KiB, from /proc/self/status; 0 if unknown. */
static long current_rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = 0;
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			kib = strtol(line + 6, NULL, 10);
	fclose(f);
	return kib;
}

/* A pass over some documents; the first error goes to err. */
struct pass {
	const struct lerq_ctx *ctx;
	xmlSchemaPtr schema; /* (b): lerq.xsd, compiled by libxml2 */
	const struct lerq_renderer *renderer;
	const struct bench *b;
	const struct corpus *c;
	size_t first, step, end; /* documents first, first + step, ... < end */
	char err[BENCH_ERROR_LEN];
	int status;
};

static void pass_fail(struct pass *p, size_t i, const char *what)
{
	if (p->status == 0)
		snprintf(p->err, sizeof(p->err), "%s: %s", p->b->paths[i], what);
	p->status = -1;
}

/* (a) What libxml2 alone costs: the options lerq's parser uses
 * (lib/core/parse.c), a parser context per document as lerq makes one, but none
 * of lerq's hooks (DOCTYPE refusal, depth, columns). */
static void parse_pass(struct pass *p)
{
	for (size_t i = p->first; i < p->end; i += p->step) {
		xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
		if (ctxt == NULL) {
			pass_fail(p, i, "out of memory");
			return;
		}
		xmlDocPtr doc = xmlCtxtReadMemory(ctxt, p->c->data + p->c->offset[i],
		                                  (int)p->c->size[i], NULL, "UTF-8",
		                                  XML_PARSE_NONET | XML_PARSE_BIG_LINES |
		                                          XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
		if (doc == NULL || !ctxt->wellFormed)
			pass_fail(p, i, "libxml2 did not parse it");
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
	}
}

/* libxml2's structured errors, dropped: (b) counts failures itself. */
static void quiet_error(void *data, xmlErrorPtr error)
{
	(void)data;
	(void)error;
}

/* (b) What plain libxml2 costs for what lerq's schema stage does, with
 * nothing of lerq's: xmlReadMemory() with lerq's parser options, then
 * xmlSchemaValidateDoc() against schemas/lerq.xsd compiled once from the
 * file (before the clock starts), a validation context per document as
 * any careful user makes one. The yardstick of lerq_validate_memory(). */
static void schema_pass(struct pass *p)
{
	for (size_t i = p->first; i < p->end; i += p->step) {
		xmlDocPtr doc = xmlReadMemory(p->c->data + p->c->offset[i], (int)p->c->size[i], NULL,
		                              "UTF-8",
		                              XML_PARSE_NONET | XML_PARSE_BIG_LINES |
		                                      XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
		                                      XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		xmlSchemaValidCtxtPtr v = doc ? xmlSchemaNewValidCtxt(p->schema) : NULL;
		if (v != NULL)
			xmlSchemaSetValidStructuredErrors(v, quiet_error, NULL);
		if (doc == NULL)
			pass_fail(p, i, "libxml2 did not parse it");
		else if (v == NULL)
			pass_fail(p, i, "out of memory");
		else if (xmlSchemaValidateDoc(v, doc) != 0)
			pass_fail(p, i, "libxml2 found it invalid against the schema");
		xmlSchemaFreeValidCtxt(v);
		xmlFreeDoc(doc);
	}
}

/* (c) lerq_validate_memory(): parsing, XSD and every rule. */
static void validate_pass(struct pass *p)
{
	for (size_t i = p->first; i < p->end; i += p->step) {
		struct lerq_report *report = NULL;
		int r = lerq_validate_memory(p->ctx, p->c->data + p->c->offset[i], p->c->size[i],
		                             p->b->now, &report);
		if (r != LERQ_OK)
			pass_fail(p, i, lerq_strerror(r));
		else if (!lerq_report_is_valid(report))
			pass_fail(p, i, "lerq found an error");
		lerq_report_free(report);
	}
}

/* (g) Every document as an HTML and a text letter, through the public
 * API with the stylesheets the renderer compiled once: one validation
 * and one letter model per document (lerq_letter_new()), laid out in
 * both formats. */
static void render_pass(struct pass *p)
{
	static const enum lerq_format formats[] = { LERQ_FORMAT_HTML, LERQ_FORMAT_TEXT };
	for (size_t i = p->first; i < p->end; i += p->step) {
		struct lerq_letter *l = NULL;
		int r = lerq_letter_new(p->renderer, p->c->data + p->c->offset[i], p->c->size[i],
		                        p->b->now, &l, NULL);
		if (r != LERQ_OK) {
			pass_fail(p, i, lerq_strerror(r));
			continue;
		}
		for (size_t k = 0; k < sizeof(formats) / sizeof(formats[0]); k++) {
			char *letter = NULL;
			size_t len = 0;
			r = lerq_letter_render(l, formats[k], &letter, &len);
			if (r != LERQ_OK)
				pass_fail(p, i, lerq_strerror(r));
			else if (len == 0)
				pass_fail(p, i, "an empty letter");
			free(letter);
		}
		lerq_letter_free(l);
	}
}

static void *thread_main(void *arg)
{
	validate_pass(arg);
	return NULL;
}

/* (c) again, split over n threads that share one context: document i goes
 * to thread i mod n, so no thread waits for another. */
static void threads_pass(struct pass *p, unsigned int n)
{
	pthread_t tid[64];
	struct pass part[64];
	unsigned int started = 0;

	if (n > 64)
		n = 64;
	for (unsigned int k = 0; k < n; k++) {
		part[k] = *p;
		part[k].first = k;
		part[k].step = n;
		if (pthread_create(&tid[k], NULL, thread_main, &part[k]) != 0) {
			pass_fail(p, 0, "cannot start a thread");
			break;
		}
		started++;
	}
	for (unsigned int k = 0; k < started; k++) {
		pthread_join(tid[k], NULL);
		if (part[k].status != 0 && p->status == 0) {
			memcpy(p->err, part[k].err, sizeof(p->err));
			p->status = -1;
		}
	}
}

static void run_pass(enum phase_id id, const struct bench *b, struct pass *p)
{
	switch (id) {
	case PHASE_PARSE:
		parse_pass(p);
		break;
	case PHASE_SCHEMA:
		schema_pass(p);
		break;
	case PHASE_VALIDATE:
		validate_pass(p);
		break;
	case PHASE_THREADS_1:
		threads_pass(p, 1);
		break;
	case PHASE_THREADS_N:
		threads_pass(p, b->threads);
		break;
	case PHASE_RENDER:
		render_pass(p);
		break;
	default:
		pass_fail(p, 0, "not an in-process phase");
		break;
	}
}

/* What a child sends back for one pass. */
struct pass_out {
	bool ok;
	double seconds, cpu_seconds;
	long rss_before_kib;
	char error[BENCH_ERROR_LEN];
};

/* Documents warmed up on before the clock starts (a tenth of the phase's,
 * at most this many): the first allocations of a fresh process (malloc
 * arenas, libxml2's dictionaries) are not what a long-running validator
 * pays per document. */
#define WARM_UP_DOCUMENTS 100

static int in_process_child(const struct bench *b, const void *arg, void *out_arg)
{
	enum phase_id id = *(const enum phase_id *)arg;
	struct pass_out *out = out_arg;
	struct corpus c = { 0 };
	struct lerq_ctx *ctx = NULL;
	struct lerq_renderer *renderer = NULL;

	if (load_corpus(b, &c, out->error, sizeof(out->error)) != 0) {
		free_corpus(&c);
		return -1;
	}
	/* The context is made before the clock starts, as any long-lived
	 * user (the CLI, a server) makes it once. */
	int r = lerq_ctx_new(0, &ctx);
	if (r == LERQ_OK)
		r = lerq_renderer_new(ctx, &renderer);
	if (r != LERQ_OK) {
		snprintf(out->error, sizeof(out->error), "cannot set lerq up: %s", lerq_strerror(r));
		lerq_ctx_free(ctx);
		free_corpus(&c);
		return -1;
	}

	/* (b)'s schema, compiled by libxml2 from the file, as xmllint does. */
	xmlSchemaPtr schema = NULL;
	if (id == PHASE_SCHEMA) {
		xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(b->schema_path);
		schema = pc ? xmlSchemaParse(pc) : NULL;
		xmlSchemaFreeParserCtxt(pc);
		if (schema == NULL) {
			snprintf(out->error, sizeof(out->error), "libxml2 cannot compile %s",
			         b->schema_path);
			lerq_renderer_free(renderer);
			lerq_ctx_free(ctx);
			free_corpus(&c);
			return -1;
		}
	}

	size_t warm_docs = phase_docs(b, id) / 10 + 1;
	struct pass warm = { .ctx = ctx, .schema = schema, .renderer = renderer, .b = b, .c = &c,
	                     .first = 0,
	                     .step = 1,
	                     .end = warm_docs < WARM_UP_DOCUMENTS ? warm_docs : WARM_UP_DOCUMENTS };
	run_pass(id, b, &warm);
	out->rss_before_kib = current_rss_kib();

	struct pass p = { .ctx = ctx, .schema = schema, .renderer = renderer, .b = b, .c = &c,
	                  .first = 0,
	                  .step = 1, .end = phase_docs(b, id) };
	double t0 = bench_now(), cpu0 = bench_cpu_now();
	run_pass(id, b, &p);
	out->seconds = bench_now() - t0;
	out->cpu_seconds = bench_cpu_now() - cpu0;
	if (warm.status != 0)
		p = warm;
	if (p.status != 0)
		memcpy(out->error, p.err, sizeof(out->error));
	out->ok = p.status == 0;
	xmlSchemaFree(schema);
	lerq_renderer_free(renderer);
	lerq_ctx_free(ctx);
	free_corpus(&c);
	return out->ok ? 0 : -1;
}

void run_in_process(const struct bench *b, enum phase_id id, struct phase_result *res)
{
	res->available = true;
	res->processes = 1;

	struct pass_out out;
	char err[BENCH_ERROR_LEN];
	long rss = 0;
	memset(&out, 0, sizeof(out));
	if (run_child(in_process_child, b, &id, &out, sizeof(out), &rss, err, sizeof(err)) != 0) {
		res->ok = false;
		snprintf(res->error, sizeof(res->error), "%s", err);
		return;
	}
	if (!out.ok) {
		res->ok = false;
		memcpy(res->error, out.error, sizeof(res->error));
		return;
	}
	res->ok = true;
	res->seconds[res->runs] = out.seconds;
	res->cpu_seconds[res->runs++] = out.cpu_seconds;
	if (rss > res->peak_rss_kib)
		res->peak_rss_kib = rss;
	if (out.rss_before_kib > res->rss_before_kib)
		res->rss_before_kib = out.rss_before_kib;
}

/* ---- letter models for xsltproc (external.c) ------------------------- */

struct models_out {
	bool ok;
	char error[BENCH_ERROR_LEN];
};

/* Stage 1 of every letter, saved: the input of xsltproc's stage 2. */
static int models_child(const struct bench *b, const void *arg, void *out_arg)
{
	struct models_out *out = out_arg;
	struct lerq_ctx *ctx = NULL;
	struct lerq_renderer *renderer = NULL;
	int r = lerq_ctx_new(0, &ctx);
	if (r == LERQ_OK)
		r = lerq_renderer_new(ctx, &renderer);
	for (size_t i = 0; r == LERQ_OK && i < phase_docs(b, PHASE_XSLTPROC); i++) {
		char *data = NULL;
		size_t size = 0;
		struct lerq_report *report = NULL;
		xmlDocPtr doc = NULL, model = NULL;
		r = lerq__read_file(b->paths[i], LERQ_DEFAULT_MAX_SIZE, &data, &size);
		if (r == LERQ_OK)
			r = lerq__validate_doc(ctx, data, size, b->now, &report, &doc);
		if (r == LERQ_OK && doc == NULL)
			r = LERQ_EDOCUMENT;
		if (r == LERQ_OK)
			r = lerq__letter_model(renderer, doc, size, report, &model);
		if (r == LERQ_OK && xmlSaveFile(b->model_paths[i], model) < 0)
			r = LERQ_EIO;
		if (r != LERQ_OK)
			snprintf(out->error, sizeof(out->error), "%s: %s", b->paths[i],
			         lerq_strerror(r));
		xmlFreeDoc(model);
		xmlFreeDoc(doc);
		lerq_report_free(report);
		free(data);
	}
	lerq_renderer_free(renderer);
	lerq_ctx_free(ctx);
	out->ok = r == LERQ_OK;
	return out->ok ? 0 : -1;
}

int prepare_letter_models(struct bench *b)
{
	size_t n = strlen(b->dir) + sizeof("/models");
	b->models_dir = malloc(n);
	b->model_paths = calloc(b->count + 1, sizeof(*b->model_paths));
	if (b->models_dir == NULL || b->model_paths == NULL)
		return -1;
	snprintf(b->models_dir, n, "%s/models", b->dir);
	if (mkdir(b->models_dir, 0700) != 0) {
		fprintf(stderr, "lerq-bench: cannot create %s: %s\n", b->models_dir, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < phase_docs(b, PHASE_XSLTPROC); i++) {
		const char *name = strrchr(b->paths[i], '/');
		size_t len = strlen(b->models_dir) + strlen(name) + 1;
		b->model_paths[i] = malloc(len);
		if (b->model_paths[i] == NULL)
			return -1;
		snprintf(b->model_paths[i], len, "%s%s", b->models_dir, name);
	}
	struct models_out out;
	char err[BENCH_ERROR_LEN];
	long rss;
	memset(&out, 0, sizeof(out));
	if (run_child(models_child, b, NULL, &out, sizeof(out), &rss, err, sizeof(err)) != 0 ||
	    !out.ok) {
		fprintf(stderr, "lerq-bench: cannot make the letter models: %s\n",
		        out.ok ? err : out.error);
		return -1;
	}
	return 0;
}
