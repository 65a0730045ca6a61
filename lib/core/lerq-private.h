/* SPDX-License-Identifier: MIT */
/* Declarations shared by the library's own sources; never installed. */
#ifndef LERQ_PRIVATE_H
#define LERQ_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxslt/xsltInternals.h>

#include "lerq/lerq.h"

#define LERQ_EXPORT __attribute__((visibility("default")))

#define LERQ_NS "urn:lerq:xml:1"

struct lerq_ctx {
	xmlDocPtr schema_doc; /* the compiled schema points into it */
	xmlSchemaPtr schema;
	struct lerq_rules *rules; /* compiled rule XPaths (rules.c) */
	size_t max_size;
	unsigned int max_depth;
	unsigned int max_findings;
	struct lerq_profile **profiles; /* national profiles (profile.c) */
	size_t profile_count;
	struct lerq_trust *trust;   /* trust list (sign/trust.c), or NULL */
	unsigned int verify_flags;  /* enum lerq_verify_flags */
};

/* buffer.c: a growable string; after a failed allocation it stays as it
 * was and oom is set, checked once by lerq__buf_finish(). Start from
 * { 0 }. */
struct lerq__buf {
	char *data;
	size_t len, cap;
	bool oom;
};
void lerq__buf_put(struct lerq__buf *b, const char *s, size_t n);
void lerq__buf_puts(struct lerq__buf *b, const char *s);
void lerq__buf_printf(struct lerq__buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hands the string (NUL-terminated) to *out and its length to *size (may
 * be NULL): LERQ_OK; or frees it: LERQ_ENOMEM. Leaves b empty. */
int lerq__buf_finish(struct lerq__buf *b, char **out, size_t *size);

/* One-time, process-wide libxml2 set-up (pthread_once inside). */
int lerq__global_init(void);

/* resources.c: files compiled into the library, reachable as res:///NAME. */
#define LERQ_RES_PREFIX "res:///"
struct lerq_resource {
	const char *name;
	const unsigned char *data;
	size_t size;
};
const struct lerq_resource *lerq__resource_find(const char *name);
/* Installs the res:/// input callbacks and the external entity loader that
 * refuses everything else. Called once from lerq__global_init(). */
int lerq__resources_install(void);

/* codes.c: the one table of finding codes. */
enum lerq_code {
	LERQ_P001,
	LERQ_P002,
	LERQ_P003,
	LERQ_S001,
	LERQ_S002,
	/* Rules beyond the schema (rules.c). LERQ_R015 has two rows: the
	 * error form and LERQ_R015_WARNING, both with code "LERQ-R015". */
	LERQ_R001,
	LERQ_R002,
	LERQ_R003,
	LERQ_R004,
	LERQ_R005,
	LERQ_R006,
	LERQ_R007,
	LERQ_R008,
	LERQ_R009,
	LERQ_R010,
	LERQ_R011,
	LERQ_R012,
	LERQ_R013,
	LERQ_R014,
	LERQ_R015,
	LERQ_R015_WARNING,
	LERQ_R016,
	LERQ_R017,
	LERQ_R018,
	LERQ_R019,
	LERQ_R020,
	LERQ_R021,
	LERQ_R022,
	/* Invisible characters and look-alike domains (rules/lookalike.c). */
	LERQ_R023,
	LERQ_R024,
	LERQ_R101,
	LERQ_R102,
	LERQ_R103,
	LERQ_R104,
	/* A request and its response together (pair.c). */
	LERQ_R201,
	LERQ_R202,
	LERQ_R203,
	LERQ_R204,
	/* Signatures and trust lists (lib/sign/, format section 6). */
	LERQ_V001,
	LERQ_V002,
	LERQ_V003,
	LERQ_V004,
	LERQ_V005,
	LERQ_V006,
	LERQ_V007,
	/* A national profile that does not compile (profile.c). */
	LERQ_C001,
	/* Letters (render.c, letterhead.c). */
	LERQ_L001,
	LERQ_L002,
	LERQ_L003,
	LERQ_L004,
	LERQ_CODE_COUNT,
};
struct lerq__code_info {
	const char *code;
	enum lerq_severity severity;
	const char *ref;
	const char *title;
};
const struct lerq__code_info *lerq__code_info(enum lerq_code code);

/* report.c */
struct lerq_report *lerq__report_new(void);
/* Keeps at most `limit` findings; later ones are only counted. */
void lerq__report_set_limit(struct lerq_report *report, size_t limit);
/* Adds a finding; copies every string. Returns LERQ_OK or LERQ_ENOMEM. */
int lerq__report_add(struct lerq_report *report, const char *code,
                    enum lerq_severity severity, const char *message,
                    unsigned long line, unsigned long column,
                    const char *path, const char *ref);
/* Adds a finding for a built-in code, taking severity and ref from the table;
 * the node gives line and path (node may be NULL). */
int lerq__report_add_code(struct lerq_report *report, enum lerq_code code,
                         const xmlNode *node, unsigned long line,
                         unsigned long column, const char *message);

/* Gives every finding with this code the severity (national profiles). */
void lerq__report_set_severity(struct lerq_report *report, const char *code,
                              enum lerq_severity severity);

/* validate.c: lerq_validate_memory() that also hands back the parsed
 * document when it passed the schema (the rules may still have found
 * errors), for callers that go on to use it (pairs, letters, the reader).
 * *doc_out is NULL otherwise; the caller frees it with xmlFreeDoc(). */
int lerq__validate_doc(const struct lerq_ctx *ctx, const void *data, size_t size,
                      lerq_time_t now, struct lerq_report **out, xmlDocPtr *doc_out);
/* As lerq__validate_doc(), but *doc_out is also handed back when the
 * document failed the schema (well-formed, with a lerq root and version:
 * never a refused one); *schema_passed says which. */
int lerq__validate_doc_any(const struct lerq_ctx *ctx, const void *data, size_t size,
                          lerq_time_t now, struct lerq_report **out, xmlDocPtr *doc_out,
                          bool *schema_passed);
/* As lerq__validate_doc(); when the context has a trust list and the
 * document passed the schema, *sig_out (if not NULL) receives the
 * verification result (sign/sign.h), else NULL. Caller frees it with
 * lerq_signature_free(). */
int lerq__validate_doc_sig(const struct lerq_ctx *ctx, const void *data, size_t size,
                          lerq_time_t now, struct lerq_report **out, xmlDocPtr *doc_out,
                          struct lerq_signature **sig_out);

/* io.c: reads a whole file, or limit + 1 bytes of a larger one (enough
 * to refuse it without holding it all). LERQ_EIO with errno set. */
/* The bytes are NUL-terminated (one byte beyond *size). */
int lerq__read_file(const char *path, size_t limit, char **data, size_t *size);
/* As lerq__read_file(), also giving the file's size in *whole: when it is
 * more than limit, the file is refused by its size, so nothing is read
 * (*data NULL) from a regular file, whose size *exact says is known; from
 * anything else (a pipe) limit + 1 bytes are, and *whole is that much. */
int lerq__read_file_sized(const char *path, size_t limit, char **data, size_t *size,
                         size_t *whole, bool *exact);
/* validate.c: the report of an input refused for its size (LERQ-P003),
 * whole bytes (exactly, or at least), as lerq__validate_doc() makes it. */
int lerq__validate_oversize(const struct lerq_ctx *ctx, size_t whole, bool exact,
                           struct lerq_report **out);

/* prescan.c: the most attributes and namespace declarations together on
 * one start tag (libxml2 2.9.14 handles them in quadratic time; no element
 * of the format has more than a handful). */
#define LERQ__MAX_ATTRIBUTES 32u

/* prescan.c: one linear pass over the bytes (comments, CDATA, PIs and
 * attribute values skipped): 1 when a start tag has more than @limit
 * attributes and namespace declarations together, with its line and
 * column; 0 otherwise (malformed input is left to the parser). */
int lerq__prescan_attributes(const void *data, size_t size, unsigned int limit,
                             unsigned long *line, unsigned long *column);

/* prescan.c: why the input is not UTF-8 (NUL bytes, or an XML
 * declaration, of any length, naming another encoding), or NULL when it
 * may be; the caller frees the message. */
char *lerq__encoding_problem(const void *data, size_t size);

/* xpath-limits.c: registers on xpath, over the built-ins, string
 * functions (concat, string, substring, substring-before/-after,
 * normalize-space, translate) that refuse, with XPATH_MEMORY_ERROR and a
 * message to the generic error handler, to build a string over the cap
 * set on the calling thread by lerq__xpath_limits_begin(); without a cap
 * they are the built-ins. */
int lerq__xpath_limit_functions(xmlXPathContextPtr xpath);
void lerq__xpath_limits_begin(size_t string_max);
/* Ends the capped section; whether a string was refused in it. */
bool lerq__xpath_limits_end(void);

/* write.c: writes a file so that nothing is lost. A regular file (or a
 * new one) is replaced through a temporary file in its directory and a
 * rename: a replaced file keeps its mode, a new one gets 0666 less the
 * umask. A device or a FIFO is written into, never replaced. A symbolic
 * link is followed: its target is written as above and the link stays.
 * A directory or a dangling link is refused. LERQ_EIO with errno set. */
int lerq__write_file(const char *path, const void *data, size_t size);

/* path.c: "/Request/IssuingAuthority/Contact[1]/Email"; caller frees. */
char *lerq__node_path(const xmlNode *node);
/* Column of the node's start tag as recorded by lerq__parse(), 0 if unknown
 * (a document lerq did not parse itself). */
unsigned long lerq__node_column(const xmlNode *node);

/* node-facts.c: what lerq__parse() records on each element. */
struct lerq__node_facts {
	unsigned long column;   /* 1-based; 0 unknown */
	unsigned long position; /* among same-named siblings, 1-based */
	bool has_later_twin;    /* a later sibling has the same name */
};
/* False when the element carries no facts (not parsed by lerq). */
bool lerq__node_facts(const xmlNode *node, struct lerq__node_facts *out);
void lerq__node_set_facts(xmlNode *node, const struct lerq__node_facts *facts);

/* parse.c: safe parsing. On refusal, *doc is NULL and the report holds the
 * single P00x finding. Returns LERQ_OK (parsed or refused) or an error. */
/* True for a parser context made by lerq__parse(). */
bool lerq__parse_is_ours(const xmlParserCtxt *ctxt);
int lerq__parse(const struct lerq_ctx *ctx, const void *data, size_t size,
               xmlDocPtr *doc, struct lerq_report *report);

/* schema.c */
int lerq__schema_compile(xmlDocPtr *doc, xmlSchemaPtr *schema);
/* Compiles the embedded schema res:///NAME (the trust list's, say). */
int lerq__schema_compile_named(const char *name, xmlDocPtr *doc, xmlSchemaPtr *schema);
/* Validates doc against schema, S001 findings into report. */
int lerq__schema_validate_with(xmlSchemaPtr schema, xmlDocPtr doc,
                              struct lerq_report *report);
/* Checks root and version (S002). Returns true when the document may go
 * on to the schema. */
bool lerq__check_root(xmlDocPtr doc, struct lerq_report *report, int *err);
int lerq__schema_validate(const struct lerq_ctx *ctx, xmlDocPtr doc,
                         struct lerq_report *report);

/* schema-messages.c: libxml2's XSD message rewritten for people; caller
 * frees. */
char *lerq__schema_message(const char *raw, const xmlNode *node);

/* What LERQ_NOW_CLOCK was before lerq_now() (INT64_MIN, never a time of
 * the years 1-9999): programs built against that header still pass it, so
 * the calls that take a time still read it as "the clock". */
#define LERQ__CLOCK_SENTINEL INT64_MIN

/* time.c: a parsed xs:dateTime (with zone) or xs:date. The fields are the
 * value as written; instant is UTC seconds (for a date: its midnight UTC). */
struct lerq_datetime {
	int64_t year;
	int month, day, hour, minute, second;
	int offset_minutes;
	lerq_time_t instant;
};
int lerq__datetime_parse(const char *text, struct lerq_datetime *dt);
int lerq__date_parse(const char *text, struct lerq_datetime *dt);
int64_t lerq__days_from_civil(int64_t y, int m, int d);



/* sha256.c: the SHA-256 digest of data (FIPS 180-4). */
void lerq__sha256(const void *data, size_t size, unsigned char digest[32]);

/* text.c: small string helpers */
/* Collapses whitespace as xs:token does (tabs, newlines and runs of
 * spaces become one space; leading and trailing ones go). Caller frees;
 * NULL when out of memory. */
char *lerq__value_collapse(const char *value);
char *lerq__strdup_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif
