/* SPDX-License-Identifier: MIT */
/* The corpus: documents made from lerq's examples, varied so that no two
 * are alike (reference numbers, item ids, identifiers, dates, number of
 * Items), each one checked by lerq before it is used, so that every phase
 * measures the work on valid documents. */
#define _GNU_SOURCE /* mkdtemp, scandir, alphasort, memrchr */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

const char *const template_names[TEMPLATE_COUNT] = {
	"disclosure-request",
	"preservation-request",
	"cross-border-request",
	"emergency-request",
	"release-request",
	"response",
};

/* A growable string. The benchmark stops on out-of-memory: there is no
 * figure worth reporting after that. */
struct buf {
	char *p;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 8192;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (p == NULL) {
			fputs("lerq-bench: out of memory\n", stderr);
			exit(2);
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3)))
static void buf_addf(struct buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		buf_add(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* xorshift64*: the same seed gives the same corpus on every machine. */
static uint64_t rnd_state;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 2685821657736338717ull;
}

static unsigned int rnd_below(unsigned int n)
{
	return (unsigned int)(rnd() % n);
}

/* ---- dates ---------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's
 * algorithms, exact for the proleptic Gregorian calendar). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is s[i..] a YYYY-MM-DD standing on its own? */
static bool date_at(const char *s, size_t n, size_t i)
{
	static const char shape[] = "dddd-dd-dd";
	if (i + 10 > n || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '-')))
		return false;
	for (size_t k = 0; k < 10; k++)
		if (shape[k] == 'd' ? !is_digit(s[i + k]) : s[i + k] != '-')
			return false;
	return i + 10 == n || !is_digit(s[i + 10]);
}

/* Moves every date and date-time of the document back by the same number
 * of days. Instants keep their written time zone, so every order and
 * distance the rules look at (IssuedAt before RespondBy, a Period's
 * length, a date against the date of IssuedAt) is unchanged. */
static void shift_dates(struct buf *out, const char *s, size_t n, long days)
{
	size_t i = 0, start = 0;
	while (i < n) {
		if (!date_at(s, n, i)) {
			i++;
			continue;
		}
		long y = strtol(s + i, NULL, 10);
		unsigned m = (unsigned)strtoul(s + i + 5, NULL, 10);
		unsigned d = (unsigned)strtoul(s + i + 8, NULL, 10);
		if (m < 1 || m > 12 || d < 1 || d > 31) {
			i += 10;
			continue;
		}
		buf_add(out, s + start, i - start);
		civil_from_days(days_from_civil(y, m, d) - days, &y, &m, &d);
		buf_addf(out, "%04ld-%02u-%02u", y, m, d);
		i += 10;
		start = i;
	}
	buf_add(out, s + start, n - start);
}

/* ---- elements --------------------------------------------------------- */

/* Writes a new start tag and value for an element of simple content. */
typedef void rewrite_fn(struct buf *out, const char *tag, size_t tag_len,
                        const char *value, size_t value_len);

/* Copies s to out, letting fn rewrite each <name ...>value</name>. Good
 * enough for our own templates; the result is validated anyway. */
static void rewrite_elements(struct buf *out, const char *s, size_t n,
                             const char *name, rewrite_fn *fn)
{
	char open[64], close[64];
	snprintf(open, sizeof(open), "<%s", name);
	snprintf(close, sizeof(close), "</%s>", name);
	size_t open_len = strlen(open);
	const char *p = s, *end = s + n;

	for (;;) {
		const char *tag = strstr(p, open);
		if (tag == NULL || tag >= end)
			break;
		char after = tag[open_len];
		const char *gt = strchr(tag, '>');
		const char *value_end = gt ? strstr(gt, close) : NULL;
		if ((after != ' ' && after != '>') || value_end == NULL || value_end >= end) {
			buf_add(out, p, (size_t)(tag + open_len - p));
			p = tag + open_len;
			continue;
		}
		buf_add(out, p, (size_t)(tag - p));
		fn(out, tag, (size_t)(gt + 1 - tag), gt + 1, (size_t)(value_end - gt - 1));
		buf_adds(out, close);
		p = value_end + strlen(close);
	}
	buf_add(out, p, (size_t)(end - p));
}

/* The value of attribute name in a start tag, or NULL. */
static const char *attr_value(const char *tag, size_t tag_len, const char *name,
                              size_t *len)
{
	char key[64];
	snprintf(key, sizeof(key), " %s=\"", name);
	size_t key_len = strlen(key);
	for (const char *p = tag; p + key_len < tag + tag_len; p++) {
		if (strncmp(p, key, key_len) != 0)
			continue;
		const char *v = p + key_len;
		const char *q = memchr(v, '"', (size_t)(tag + tag_len - v));
		if (q == NULL)
			return NULL;
		*len = (size_t)(q - v);
		return v;
	}
	return NULL;
}

/* A reference number with its trailing digits drawn anew, same width:
 * LKA-NRW/41.3/2026/004187 becomes LKA-NRW/41.3/2026/730512. */
static void new_reference(struct buf *out, const char *tag, size_t tag_len,
                          const char *value, size_t value_len)
{
	size_t digits = 0;
	while (digits < value_len && is_digit(value[value_len - 1 - digits]))
		digits++;
	buf_add(out, tag, tag_len);
	buf_add(out, value, value_len - digits);
	for (size_t k = 0; k < digits; k++)
		buf_addf(out, "%u", rnd_below(10));
}

/* An identifier of the same type with a different value, still
 * well-formed for its type (rule LERQ-R010); a port, if any, changes too. */
static void new_identifier(struct buf *out, const char *tag, size_t tag_len,
                           const char *value, size_t value_len)
{
	size_t type_len = 0, port_len = 0;
	const char *type = attr_value(tag, tag_len, "type", &type_len);
	const char *port = attr_value(tag, tag_len, "port", &port_len);
	char t[16] = "";
	if (type != NULL && type_len < sizeof(t)) {
		memcpy(t, type, type_len);
		t[type_len] = '\0';
	}

	if (port != NULL) {
		buf_add(out, tag, (size_t)(port - tag));
		buf_addf(out, "%u", 1024 + rnd_below(64512));
		buf_add(out, port + port_len, (size_t)(tag + tag_len - port - port_len));
	} else {
		buf_add(out, tag, tag_len);
	}

	const char *cut = NULL;
	if (strcmp(t, "ipv4") == 0 && (cut = memrchr(value, '.', value_len)) != NULL) {
		buf_add(out, value, (size_t)(cut + 1 - value));
		buf_addf(out, "%u", 1 + rnd_below(254));
	} else if (strcmp(t, "ipv6") == 0 && (cut = memrchr(value, ':', value_len)) != NULL) {
		buf_add(out, value, (size_t)(cut + 1 - value));
		buf_addf(out, "%x", 1 + rnd_below(0xffff));
	} else if (strcmp(t, "phone") == 0 && value_len > 8) {
		buf_add(out, value, value_len - 4);
		buf_addf(out, "%04u", rnd_below(10000));
	} else if (strcmp(t, "email") == 0 && (cut = memchr(value, '@', value_len)) != NULL) {
		buf_add(out, value, (size_t)(cut - value));
		buf_addf(out, ".%u", rnd_below(1000));
		buf_add(out, cut, (size_t)(value + value_len - cut));
	} else {
		buf_add(out, value, value_len);
	}
}

/* ---- Items and Results ------------------------------------------------ */

/* One block (an Item of a request, a Result of a response) written as
 * copy number copy: a fresh id, fresh identifiers. */
static void write_block(struct buf *out, const char *s, size_t n, const char *id_attr,
                        unsigned int doc_tag, size_t copy)
{
	const char *gt = memchr(s, '>', n);
	size_t tag_len = gt ? (size_t)(gt + 1 - s) : n;
	size_t id_len = 0;
	const char *id = attr_value(s, tag_len, id_attr, &id_len);
	const char *rest = s;
	if (id != NULL) {
		/* Same id for an Item and the Result that answers it. */
		buf_add(out, s, (size_t)(id - s) + id_len);
		buf_addf(out, "-%u-%zu", doc_tag, copy + 1);
		rest = id + id_len;
	}
	rewrite_elements(out, rest, (size_t)(s + n - rest), "Identifier", new_identifier);
}

/* The template with its Items (or Results) written out again: all of the
 * template's, then up to three copies, so the documents differ in size
 * the way real ones do. Copies keep every property the rules look at. */
static void expand_blocks(struct buf *out, const char *s, size_t n, bool response)
{
	const char *open = response ? "<Result " : "<Item ";
	const char *close = response ? "</Result>" : "</Item>";
	const char *id_attr = response ? "item" : "id";
	const char *first = strstr(s, open);
	if (first == NULL) {
		buf_add(out, s, n);
		return;
	}

	enum { MAX_BLOCKS = 16 };
	const char *block[MAX_BLOCKS];
	size_t block_len[MAX_BLOCKS], count = 0;
	const char *p = first;
	while (count < MAX_BLOCKS && strncmp(p, open, strlen(open)) == 0) {
		const char *e = strstr(p, close);
		if (e == NULL)
			break;
		e += strlen(close);
		block[count] = p;
		block_len[count++] = (size_t)(e - p);
		p = e + strspn(e, " \t\r\n");
	}
	if (count == 0) {
		buf_add(out, s, n);
		return;
	}
	const char *last_end = block[count - 1] + block_len[count - 1];
	/* The indentation between two blocks, e.g. "\n\n  " or "\n    ". */
	const char *sep = last_end;
	size_t sep_len = (size_t)(p - last_end);
	if (count > 1) {
		sep = block[0] + block_len[0];
		sep_len = (size_t)(block[1] - sep);
	}

	size_t total = count + rnd_below(4);
	unsigned int doc_tag = rnd_below(1000);
	buf_add(out, s, (size_t)(first - s));
	for (size_t k = 0; k < total; k++) {
		if (k > 0)
			buf_add(out, sep, sep_len);
		write_block(out, block[k % count], block_len[k % count], id_attr, doc_tag, k);
	}
	buf_add(out, last_end, (size_t)(s + n - last_end));
}

/* ---- the corpus --------------------------------------------------------- */

static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct buf b = { 0 };
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, got);
	bool bad = ferror(f);
	fclose(f);
	if (bad || b.p == NULL) {
		free(b.p);
		return NULL;
	}
	*len = b.len;
	return b.p;
}

/* One document from template t, in *doc (reused from call to call). */
static void make_document(struct buf *doc, const char *text, size_t len, size_t t)
{
	struct buf a = { 0 }, c = { 0 };
	expand_blocks(&a, text, len, strcmp(template_names[t], "response") == 0);
	static const char *const references[] = {
		"RegistrationNumber", "RelatesTo", "InResponseTo", "ResponseNumber",
	};
	for (size_t k = 0; k < sizeof(references) / sizeof(references[0]); k++) {
		c.len = 0;
		rewrite_elements(&c, a.p, a.len, references[k], new_reference);
		struct buf swap = a;
		a = c;
		c = swap;
	}
	doc->len = 0;
	shift_dates(doc, a.p, a.len, (long)rnd_below(366));
	free(a.p);
	free(c.p);
}

static void print_findings(const struct lerq_report *report, const char *path)
{
	for (size_t k = 0; k < lerq_report_count(report) && k < 10; k++) {
		const struct lerq_finding *f = lerq_report_get(report, k);
		fprintf(stderr, "  %s:%lu: %s: [%s] %s\n", path, lerq_finding_line(f),
		        lerq_severity_name(lerq_finding_severity(f)), lerq_finding_code(f),
		        lerq_finding_message(f));
	}
}

struct gen_result {
	bool ok;
	size_t warnings;
	size_t by_template[TEMPLATE_COUNT];
};

/* Runs in a child process, so that the generator's memory does not end up
 * in the peak RSS of the phases forked after it. */
static int generate_child(const struct bench *b, const void *arg, void *out)
{
	struct gen_result *res = out;
	char *text[TEMPLATE_COUNT];
	size_t len[TEMPLATE_COUNT];
	struct lerq_ctx *ctx = NULL;
	int err;

	memset(res, 0, sizeof(*res));
	for (size_t t = 0; t < TEMPLATE_COUNT; t++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s.xml", b->examples_dir, template_names[t]);
		text[t] = read_whole(path, &len[t]);
		if (text[t] == NULL) {
			fprintf(stderr, "lerq-bench: cannot read the template %s: %s\n", path,
			        strerror(errno));
			return -1;
		}
	}
	err = lerq_ctx_new(0, &ctx);
	if (err < 0) {
		fprintf(stderr, "lerq-bench: lerq_ctx_new: %s\n", lerq_strerror(err));
		return -1;
	}

	rnd_state = b->seed * 0x9E3779B97F4A7C15ull + 1;
	struct buf doc = { 0 };
	int status = 0;
	for (size_t i = 0; i < b->count && status == 0; i++) {
		size_t t = rnd_below(TEMPLATE_COUNT);
		make_document(&doc, text[t], len[t], t);

		char path[4096];
		snprintf(path, sizeof(path), "%s/%06zu-%s.xml", b->docs_dir, i, template_names[t]);
		FILE *f = fopen(path, "wb");
		if (f == NULL || fwrite(doc.p, 1, doc.len, f) != doc.len || fclose(f) != 0) {
			fprintf(stderr, "lerq-bench: cannot write %s: %s\n", path, strerror(errno));
			status = -1;
			break;
		}

		struct lerq_report *report = NULL;
		err = lerq_validate_memory(ctx, doc.p, doc.len, b->now, &report);
		if (err < 0) {
			fprintf(stderr, "lerq-bench: cannot validate %s: %s\n", path, lerq_strerror(err));
			status = -1;
		} else if (!lerq_report_is_valid(report)) {
			fprintf(stderr, "lerq-bench: generated document %s is INVALID; the generator is "
			        "broken, no figure would mean anything:\n", path);
			print_findings(report, path);
			fprintf(stderr, "lerq-bench: the document is kept in %s\n", b->docs_dir);
			status = -1;
		} else {
			res->warnings += lerq_report_warnings(report);
			res->by_template[t]++;
		}
		lerq_report_free(report);
	}
	free(doc.p);
	lerq_ctx_free(ctx);
	for (size_t t = 0; t < TEMPLATE_COUNT; t++)
		free(text[t]);
	res->ok = status == 0;
	return status;
}

static int is_document(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0;
}

/* The file list, in the sorted order the CLI also uses. */
static int list_corpus(struct bench *b)
{
	struct dirent **names = NULL;
	int n = scandir(b->docs_dir, &names, is_document, alphasort);
	if (n < 0) {
		fprintf(stderr, "lerq-bench: cannot list %s: %s\n", b->docs_dir, strerror(errno));
		return -1;
	}
	b->paths = calloc((size_t)n + 1, sizeof(*b->paths));
	b->sizes = calloc((size_t)n + 1, sizeof(*b->sizes));
	b->bytes = 0;
	int status = b->paths && b->sizes ? 0 : -1;
	for (int i = 0; i < n; i++) {
		struct stat st;
		size_t len = strlen(b->docs_dir) + strlen(names[i]->d_name) + 2;
		char *path = status == 0 ? malloc(len) : NULL;
		if (path != NULL) {
			snprintf(path, len, "%s/%s", b->docs_dir, names[i]->d_name);
			b->paths[i] = path;
			if (stat(path, &st) == 0) {
				b->sizes[i] = (size_t)st.st_size;
				b->bytes += (size_t)st.st_size;
			} else
				status = -1;
		} else {
			status = -1;
		}
		free(names[i]);
	}
	free(names);
	if (status == 0 && (size_t)n != b->count) {
		fprintf(stderr, "lerq-bench: %d documents in %s, expected %zu\n", n, b->docs_dir,
		        b->count);
		status = -1;
	}
	return status;
}

int generate_corpus(struct bench *b)
{
	const char *tmp = getenv("TMPDIR");
	char templ[4096];
	snprintf(templ, sizeof(templ), "%s/lerq-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(templ) == NULL) {
		fprintf(stderr, "lerq-bench: cannot create a directory %s: %s\n", templ,
		        strerror(errno));
		return -1;
	}
	b->dir = strdup(templ);
	size_t n = strlen(templ) + sizeof("/docs");
	b->docs_dir = malloc(n);
	size_t n_letters = strlen(templ) + sizeof("/letters");
	b->letters_dir = malloc(n_letters);
	if (b->dir == NULL || b->docs_dir == NULL || b->letters_dir == NULL)
		return -1;
	snprintf(b->docs_dir, n, "%s/docs", templ);
	snprintf(b->letters_dir, n_letters, "%s/letters", templ);
	if (mkdir(b->docs_dir, 0700) != 0) {
		fprintf(stderr, "lerq-bench: cannot create %s: %s\n", b->docs_dir, strerror(errno));
		return -1;
	}

	struct gen_result res;
	char err[BENCH_ERROR_LEN];
	long rss;
	if (run_child(generate_child, b, NULL, &res, sizeof(res), &rss, err, sizeof(err)) != 0) {
		fprintf(stderr, "lerq-bench: generating the corpus failed: %s\n", err);
		return -1;
	}
	if (!res.ok)
		return -1;
	b->warnings = res.warnings;
	for (size_t t = 0; t < TEMPLATE_COUNT; t++)
		b->by_template[t] = res.by_template[t];
	return list_corpus(b);
}

static void free_list(char **list)
{
	for (size_t i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
}

void remove_corpus(struct bench *b)
{
	if (b->dir == NULL)
		return;
	if (b->keep) {
		printf("Documents kept in %s\n", b->dir);
	} else {
		for (size_t i = 0; b->paths && b->paths[i]; i++)
			unlink(b->paths[i]);
		if (b->docs_dir != NULL)
			rmdir(b->docs_dir);
		for (size_t i = 0; b->model_paths && b->model_paths[i]; i++)
			unlink(b->model_paths[i]);
		if (b->models_dir != NULL)
			rmdir(b->models_dir);
		/* What (k) wrote: NAME.html and NAME.txt per document. */
		for (size_t i = 0; b->letters_dir && b->paths && b->paths[i]; i++) {
			static const char *const ext[] = { "html", "txt" };
			const char *base = strrchr(b->paths[i], '/');
			base = base ? base + 1 : b->paths[i];
			for (size_t k = 0; k < 2; k++) {
				char path[4096];
				snprintf(path, sizeof(path), "%s/%.*s.%s", b->letters_dir,
				         (int)strlen(base) - 4, base, ext[k]);
				unlink(path);
			}
		}
		if (b->letters_dir != NULL)
			rmdir(b->letters_dir);
		/* The tools' logs (external.c). */
		for (int k = 0; k < PHASE_COUNT; k++) {
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s.log", b->dir, phase_table[k].key);
			unlink(path);
		}
		if (rmdir(b->dir) != 0)
			fprintf(stderr, "lerq-bench: could not remove %s: %s\n", b->dir,
			        strerror(errno));
	}
	free_list(b->paths);
	free_list(b->model_paths);
	free(b->sizes);
	free(b->models_dir);
	free(b->letters_dir);
	free(b->docs_dir);
	free(b->dir);
	b->paths = b->model_paths = NULL;
	b->sizes = NULL;
	b->dir = b->docs_dir = b->models_dir = b->letters_dir = NULL;
}
