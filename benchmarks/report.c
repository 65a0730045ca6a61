/* SPDX-License-Identifier: MIT */
/* The figures: a table for people, JSON for machines, with the facts of
 * the machine they were taken on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h> /* xmlParserVersion */

#include "bench.h"

#ifndef LERQ_BENCH_BUILDTYPE
#define LERQ_BENCH_BUILDTYPE "unknown"
#endif

/* The targets of issue 18. */
#define TARGET_CLI_VS_XMLLINT 1.15      /* (d) / (e), at most */
#define TARGET_ONE_VS_XMLLINT 1.3       /* (i) / (j), at most */
#define TARGET_VALIDATE_VS_LIBXML2 1.15 /* (c) / (b), at most */
#define TARGET_BATCH_VS_RENDER 3.0      /* (h-batch) / (g), at least */
#define TARGET_PROCESSES_VS_RENDER 3.0  /* (h) / (k), at least */

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double result_median(const struct phase_result *r)
{
	double s[BENCH_MAX_RUNS];
	if (r->runs == 0)
		return 0;
	memcpy(s, r->seconds, r->runs * sizeof(s[0]));
	qsort(s, r->runs, sizeof(s[0]), compare_double);
	return r->runs % 2 ? s[r->runs / 2] : (s[r->runs / 2 - 1] + s[r->runs / 2]) / 2;
}

static double best_of(const double *v, unsigned int n)
{
	double best = 0;
	for (unsigned int k = 0; k < n; k++)
		if (k == 0 || v[k] < best)
			best = v[k];
	return best;
}

double result_best(const struct phase_result *r)
{
	return best_of(r->seconds, r->runs);
}

/* The median pass: the figure to quote on a shared machine, where load
 * from elsewhere comes and goes; the spread says how much it did. The
 * best pass is in the JSON too. */
double result_seconds(const struct phase_result *r)
{
	return result_median(r);
}

static double median_of(const double *v, unsigned int n)
{
	double s[BENCH_MAX_RUNS];
	if (n == 0)
		return 0;
	memcpy(s, v, n * sizeof(s[0]));
	qsort(s, n, sizeof(s[0]), compare_double);
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/* CPU time is the steadier figure on a busy machine: waiting for a CPU
 * does not count. Wall time is what a user waits. Both are medians. */
double result_cpu_seconds(const struct phase_result *r)
{
	return median_of(r->cpu_seconds, r->runs);
}

double result_spread(const struct phase_result *r)
{
	double m = result_median(r);
	if (r->runs == 0 || m <= 0)
		return 0;
	double lo = r->seconds[0], hi = r->seconds[0];
	for (unsigned int k = 1; k < r->runs; k++) {
		lo = r->seconds[k] < lo ? r->seconds[k] : lo;
		hi = r->seconds[k] > hi ? r->seconds[k] : hi;
	}
	return (hi - lo) / m;
}

static bool measured(const struct phase_result *r)
{
	return r->available && r->ok && r->runs > 0 && result_seconds(r) > 0;
}

/* Seconds per document of phase id. */
static double per_doc(const struct phase_result *res, int id, double seconds)
{
	return res[id].docs ? seconds / (double)res[id].docs : 0;
}

/* Cost of phase x relative to phase ref (time per document), or 0 when
 * either is missing. Above 1 means x is slower. */
static double cost_ratio(const struct phase_result *res, int x, int ref)
{
	if (!measured(&res[x]) || !measured(&res[ref]))
		return 0;
	return per_doc(res, x, result_seconds(&res[x])) / per_doc(res, ref, result_seconds(&res[ref]));
}

/* The same in CPU time. */
static double cpu_ratio(const struct phase_result *res, int x, int ref)
{
	if (!measured(&res[x]) || !measured(&res[ref]) || result_cpu_seconds(&res[ref]) <= 0)
		return 0;
	return per_doc(res, x, result_cpu_seconds(&res[x])) /
	       per_doc(res, ref, result_cpu_seconds(&res[ref]));
}

/* ---- machine facts ------------------------------------------------ */

struct machine {
	char cpu[128];
	long cpus;
	long mem_mib;
	char kernel[256];
	char libxml2[32];
	char date[32];
};

static void read_field(const char *file, const char *key, char *out, size_t len)
{
	FILE *f = fopen(file, "r");
	char line[512];
	size_t key_len = strlen(key);
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, key_len) != 0)
			continue;
		const char *v = strchr(line, ':');
		if (v == NULL)
			continue;
		v += 1 + strspn(v + 1, " \t");
		snprintf(out, len, "%.*s", (int)strcspn(v, "\n"), v);
		break;
	}
	fclose(f);
}

static void machine_facts(struct machine *m)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->cpu, sizeof(m->cpu), "unknown");
	read_field("/proc/cpuinfo", "model name", m->cpu, sizeof(m->cpu));
	m->cpus = sysconf(_SC_NPROCESSORS_ONLN);
	char mem[64] = "";
	read_field("/proc/meminfo", "MemTotal", mem, sizeof(mem));
	m->mem_mib = strtol(mem, NULL, 10) / 1024;
	struct utsname u;
	if (uname(&u) == 0)
		snprintf(m->kernel, sizeof(m->kernel), "%.60s %.120s %.60s", u.sysname, u.release,
		         u.machine);
	/* The library the program runs with, not the headers it was built
	 * with: "20914" is 2.9.14. */
	int v = atoi(xmlParserVersion);
	snprintf(m->libxml2, sizeof(m->libxml2), "%d.%d.%d", v / 10000, v / 100 % 100, v % 100);
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(m->date, sizeof(m->date), "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- the table ---------------------------------------------------- */

static const char *phase_label(const struct bench *b, int id, char *buf, size_t len)
{
	if (id == PHASE_THREADS_N) {
		snprintf(buf, len, "(c) %u threads, one context", b->threads);
		return buf;
	}
	return phase_table[id].name;
}

static void print_ratio(double r)
{
	if (r > 0)
		printf(" %8.2f", r);
	else
		printf(" %8s", "-");
}

static bool target_met(double ratio, double limit, bool at_most)
{
	return at_most ? ratio <= limit : ratio >= limit;
}

static void print_target(const char *what, double ratio, double cpu, const char *op,
                         double limit, bool at_most)
{
	printf("  %-44s", what);
	if (ratio <= 0) {
		printf(" n/a (not measured)\n");
		return;
	}
	printf(" %6.3f %s %.2f  %-6s  (CPU time: %.3f, %s)\n", ratio, op, limit,
	       target_met(ratio, limit, at_most) ? "met" : "MISSED", cpu,
	       target_met(cpu, limit, at_most) ? "met" : "missed");
}

void print_table(const struct bench *b, const struct phase_result *res)
{
	struct machine m;
	machine_facts(&m);
	char label[64];

	printf("\nlerq-bench %s, %s\n", lerq_version(), m.date);
	printf("machine: %s, %ld CPUs, %ld MiB, %s\n", m.cpu, m.cpus, m.mem_mib, m.kernel);
	printf("libxml2 %s, gcc %s, buildtype %s\n", m.libxml2, __VERSION__, LERQ_BENCH_BUILDTYPE);
	printf("corpus: %zu documents, %.2f MB (%zu bytes on average), seed %lu, "
	       "%zu lerq warnings, 0 errors\n",
	       b->count, (double)b->bytes / 1e6, b->count ? b->bytes / b->count : 0, b->seed,
	       b->warnings);
	printf("        ");
	for (size_t t = 0; t < TEMPLATE_COUNT; t++)
		printf("%s%s %zu", t ? ", " : "", template_names[t], b->by_template[t]);
	printf("\nfigures: median of %u pass%s (spread: (max - min) / median of the wall "
	       "times);\n         MB = 10^6 bytes; cost = time per document\n\n",
	       b->repeats, b->repeats == 1 ? "" : "es");
	printf("%-34s %8s %7s %9s %10s %7s %8s %8s\n", "phase", "docs/s", "MB/s", "CPU us/doc",
	       "peak RSS", "spread", "cost/(a)", "cost/(e)");
	for (int id = 0; id < PHASE_COUNT; id++) {
		const struct phase_result *r = &res[id];
		printf("%-34s", phase_label(b, id, label, sizeof(label)));
		if (!r->available) {
			printf(" n/a (%s)\n", r->error);
			continue;
		}
		if (!measured(r)) {
			printf(" FAILED: %s\n", r->error);
			continue;
		}
		double s = result_seconds(r);
		printf(" %8.0f %7.2f %9.1f %6.1f MiB %6.0f%%", (double)r->docs / s,
		       (double)r->bytes / 1e6 / s, result_cpu_seconds(r) * 1e6 / (double)r->docs,
		       (double)r->peak_rss_kib / 1024, 100 * result_spread(r));
		print_ratio(cost_ratio(res, id, PHASE_PARSE));
		print_ratio(cost_ratio(res, id, PHASE_XMLLINT_XSD));
		printf("\n");
	}
	printf("\nIn-process phases hold the whole corpus in memory (%.1f MiB of their peak "
	       "RSS);\nexternal phases count process start-up, and their peak RSS is the "
	       "largest of their processes.\nRendering phases use the first %zu documents, "
	       "two letters (HTML and text) each;\n(g) and (k) validate each document once and "
	       "make its letter model once, xsltproc validates nothing.\n",
	       (double)b->bytes / (1024.0 * 1024.0), res[PHASE_RENDER].docs);

	double speedup = cost_ratio(res, PHASE_THREADS_1, PHASE_THREADS_N);
	if (speedup > 0)
		printf("Threads: %u threads sharing one context validate %.2fx as many "
		       "documents per second as 1 thread.\n", b->threads, speedup);

	printf("\nThe ratios of issue 18 (cost per document, medians; wall time, and CPU "
	       "time):\n");
	print_target("lerq validate DIR (d) / xmllint --schema (e)",
	             cost_ratio(res, PHASE_CLI, PHASE_XMLLINT_XSD),
	             cpu_ratio(res, PHASE_CLI, PHASE_XMLLINT_XSD), "<=",
	             TARGET_CLI_VS_XMLLINT, true);
	print_target("one file: lerq validate (i) / xmllint (j)",
	             cost_ratio(res, PHASE_CLI_ONE, PHASE_XMLLINT_ONE),
	             cpu_ratio(res, PHASE_CLI_ONE, PHASE_XMLLINT_ONE), "<=",
	             TARGET_ONE_VS_XMLLINT, true);
	print_target("lerq_validate_memory (c) / libxml2 + XSD (b)",
	             cost_ratio(res, PHASE_VALIDATE, PHASE_SCHEMA),
	             cpu_ratio(res, PHASE_VALIDATE, PHASE_SCHEMA), "<=",
	             TARGET_VALIDATE_VS_LIBXML2, true);
	print_target("letters: xsltproc batched (h) / in-process (g)",
	             cost_ratio(res, PHASE_XSLTPROC_BATCH, PHASE_RENDER),
	             cpu_ratio(res, PHASE_XSLTPROC_BATCH, PHASE_RENDER), ">=",
	             TARGET_BATCH_VS_RENDER, false);
	print_target("letters: xsltproc per stage (h) / render (k)",
	             cost_ratio(res, PHASE_XSLTPROC, PHASE_RENDER_ONE),
	             cpu_ratio(res, PHASE_XSLTPROC, PHASE_RENDER_ONE), ">=",
	             TARGET_PROCESSES_VS_RENDER, false);
	printf("  (text letters of 10,000 items and the peak RSS at the 16 MiB limit are "
	       "not measured here)\n");
	fflush(stdout);
}

/* ---- JSON ----------------------------------------------------------- */

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* A number, or null when there is none (JSON has no NaN). */
static void json_number(FILE *f, double v, bool present)
{
	if (present)
		fprintf(f, "%.6g", v);
	else
		fputs("null", f);
}

static void json_target(FILE *f, const char *name, double ratio, double cpu,
                        const char *op, double limit, bool at_most, bool last)
{
	fputs("    {\"name\": ", f);
	json_string(f, name);
	fprintf(f, ", \"ratio\": ");
	json_number(f, ratio, ratio > 0);
	fprintf(f, ", \"cpu_ratio\": ");
	json_number(f, cpu, cpu > 0);
	fprintf(f, ", \"operator\": \"%s\", \"limit\": %.2f, \"met\": ", op, limit);
	if (ratio <= 0)
		fputs("null", f);
	else
		fputs((at_most ? ratio <= limit : ratio >= limit) ? "true" : "false", f);
	fprintf(f, "}%s\n", last ? "" : ",");
}

static void json_phase(FILE *f, const struct bench *b, const struct phase_result *res, int id)
{
	const struct phase_result *r = &res[id];
	bool ok = measured(r);
	double s = ok ? result_seconds(r) : 0;
	char label[64];

	fprintf(f, "    {\"id\": \"%s\", \"name\": ", phase_table[id].key);
	json_string(f, phase_label(b, id, label, sizeof(label)));
	fprintf(f, ", \"documents\": %zu, \"bytes\": %zu", r->docs, r->bytes);
	fprintf(f, ", \"in_process\": %s, \"available\": %s, \"ok\": %s",
	        phase_table[id].in_process ? "true" : "false", r->available ? "true" : "false",
	        ok ? "true" : "false");
	if (!ok) {
		fputs(", \"note\": ", f);
		json_string(f, r->error);
		fputs("}", f);
		return;
	}
	fprintf(f, ",\n     \"docs_per_s\": %.1f, \"mb_per_s\": %.3f, \"seconds_best\": %.6f, "
	        "\"seconds_median\": %.6f, \"spread\": %.4f,\n     \"seconds\": [",
	        (double)r->docs / s, (double)r->bytes / 1e6 / s, result_best(r), s,
	        result_spread(r));
	for (unsigned int k = 0; k < r->runs; k++)
		fprintf(f, "%s%.6f", k ? ", " : "", r->seconds[k]);
	fprintf(f, "],\n     \"cpu_us_per_doc\": %.2f, \"cpu_seconds\": [",
	        result_cpu_seconds(r) * 1e6 / (double)r->docs);
	for (unsigned int k = 0; k < r->runs; k++)
		fprintf(f, "%s%.6f", k ? ", " : "", r->cpu_seconds[k]);
	fprintf(f, "],\n     \"peak_rss_kib\": %ld, \"processes_per_pass\": %u",
	        r->peak_rss_kib, r->processes);
	if (r->rss_before_kib > 0)
		fprintf(f, ", \"rss_before_timing_kib\": %ld", r->rss_before_kib);
	double vs_a = cost_ratio(res, id, PHASE_PARSE), vs_e = cost_ratio(res, id, PHASE_XMLLINT_XSD);
	fputs(",\n     \"cost_vs_parse_only\": ", f);
	json_number(f, vs_a, vs_a > 0);
	fputs(", \"cost_vs_xmllint_schema\": ", f);
	json_number(f, vs_e, vs_e > 0);
	double cpu_a = cpu_ratio(res, id, PHASE_PARSE), cpu_e = cpu_ratio(res, id, PHASE_XMLLINT_XSD);
	fputs(",\n     \"cpu_cost_vs_parse_only\": ", f);
	json_number(f, cpu_a, cpu_a > 0);
	fputs(", \"cpu_cost_vs_xmllint_schema\": ", f);
	json_number(f, cpu_e, cpu_e > 0);
	fputs("}", f);
}

int write_json(const struct bench *b, const struct phase_result *res, const char *path)
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	struct machine m;
	machine_facts(&m);

	fputs("{\n  \"benchmark\": \"lerq-bench\",\n  \"lerq\": ", f);
	json_string(f, lerq_version());
	fputs(",\n  \"date\": ", f);
	json_string(f, m.date);
	fputs(",\n  \"machine\": {\"cpu\": ", f);
	json_string(f, m.cpu);
	fprintf(f, ", \"cpus\": %ld, \"memory_mib\": %ld, \"kernel\": ", m.cpus, m.mem_mib);
	json_string(f, m.kernel);
	fputs(", \"libxml2\": ", f);
	json_string(f, m.libxml2);
	fputs(", \"compiler\": ", f);
	json_string(f, "gcc " __VERSION__);
	fputs(", \"buildtype\": ", f);
	json_string(f, LERQ_BENCH_BUILDTYPE);
	fprintf(f, "},\n  \"corpus\": {\"documents\": %zu, \"bytes\": %zu, \"seed\": %lu, "
	        "\"lerq_warnings\": %zu, \"lerq_errors\": 0, \"now\": ",
	        b->count, b->bytes, b->seed, b->warnings);
	json_string(f, b->now_text);
	fputs(", \"by_template\": {", f);
	for (size_t t = 0; t < TEMPLATE_COUNT; t++) {
		fputs(t ? ", " : "", f);
		json_string(f, template_names[t]);
		fprintf(f, ": %zu", b->by_template[t]);
	}
	fprintf(f, "}},\n  \"method\": {\"passes\": %u, "
	        "\"clock\": \"CLOCK_MONOTONIC\", \"figures_from\": \"median pass\", \"mb\": 1000000, "
	        "\"rss\": \"ru_maxrss from wait4() of the phase's own process; for external "
	        "tools the largest of their processes, each started by lerq-bench-spawn\", "
	        "\"external_time\": \"sum of the tools' processes\", \"threads\": %u},\n",
	        b->repeats, b->threads);

	fputs("  \"phases\": [\n", f);
	for (int id = 0; id < PHASE_COUNT; id++) {
		json_phase(f, b, res, id);
		fputs(id + 1 < PHASE_COUNT ? ",\n" : "\n", f);
	}
	fputs("  ],\n", f);

	double speedup = cost_ratio(res, PHASE_THREADS_1, PHASE_THREADS_N);
	fprintf(f, "  \"threads\": {\"threads\": %u, \"speedup\": ", b->threads);
	json_number(f, speedup, speedup > 0);
	fputs("},\n  \"targets\": [\n", f);
	json_target(f, "lerq validate DIR (d) / xmllint --schema (e)",
	            cost_ratio(res, PHASE_CLI, PHASE_XMLLINT_XSD),
	            cpu_ratio(res, PHASE_CLI, PHASE_XMLLINT_XSD), "<=",
	            TARGET_CLI_VS_XMLLINT, true, false);
	json_target(f, "one file: lerq validate (i) / xmllint (j)",
	            cost_ratio(res, PHASE_CLI_ONE, PHASE_XMLLINT_ONE),
	            cpu_ratio(res, PHASE_CLI_ONE, PHASE_XMLLINT_ONE), "<=",
	            TARGET_ONE_VS_XMLLINT, true, false);
	json_target(f, "lerq_validate_memory (c) / libxml2 + XSD (b)",
	            cost_ratio(res, PHASE_VALIDATE, PHASE_SCHEMA),
	            cpu_ratio(res, PHASE_VALIDATE, PHASE_SCHEMA), "<=",
	            TARGET_VALIDATE_VS_LIBXML2, true, false);
	json_target(f, "letters: xsltproc batched (h) / in-process (g)",
	            cost_ratio(res, PHASE_XSLTPROC_BATCH, PHASE_RENDER),
	            cpu_ratio(res, PHASE_XSLTPROC_BATCH, PHASE_RENDER), ">=",
	            TARGET_BATCH_VS_RENDER, false, false);
	json_target(f, "letters: xsltproc per stage (h) / render (k)",
	            cost_ratio(res, PHASE_XSLTPROC, PHASE_RENDER_ONE),
	            cpu_ratio(res, PHASE_XSLTPROC, PHASE_RENDER_ONE), ">=",
	            TARGET_PROCESSES_VS_RENDER, false, true);
	fputs("  ]\n}\n", f);
	return fclose(f) == 0 ? 0 : -1;
}
