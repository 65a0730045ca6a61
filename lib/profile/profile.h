/* SPDX-License-Identifier: MIT */
/* National profiles: a subset of ISO Schematron that lerq evaluates itself
 * on compiled XPath 1.0 (libxml2 2.9.14's own Schematron cannot: see
 * ../shared/notes/libxml2-facts.md). Private to liblerq. */
#ifndef LERQ_PROFILE_H
#define LERQ_PROFILE_H

#include <libxml/xpath.h>

#include "core/lerq-private.h"

#define SCH_NS "http://purl.oclc.org/dsdl/schematron"
#define LERQ_PROFILE_NS "urn:lerq:profile:1"

/* Bounds the work one profile may do on one document. */
#define PROFILE_XPATH_OP_LIMIT 50000000UL

/* Bounds its memory and its messages (limits.c, issue 13): no string an
 * expression builds over 1 MiB; no more than 64 MiB held by lets; a
 * <value-of> cut at 80 bytes, as built-in messages cut values; and the
 * values of one document's messages read at most 1 Mi bytes and nodes in
 * all (then they show as "..."). At most 256 lets in a profile. */
#define PROFILE_STRING_MAX ((size_t)1 << 20)
#define PROFILE_LET_BUDGET ((size_t)64 << 20)
#define PROFILE_VALUE_MAX 80
#define PROFILE_MESSAGE_BUDGET ((size_t)1 << 20)
#define PROFILE_LETS_MAX 256

/* What an evaluation context's userData points to first (struct runner
 * in run.c starts with it). */
struct lerq__profile_limits {
	bool too_big;       /* a string over PROFILE_STRING_MAX was refused */
	size_t let_bytes;   /* held by lets */
	size_t message_budget; /* left for message values */
};

/* limits.c: about how many bytes v holds. */
size_t lerq__profile_value_size(const xmlXPathObject *v);
/* limits.c: v as a string (a node-set: its first node's string value),
 * read up to max bytes and then "...", paying for the bytes and nodes
 * read from *budget; the caller frees it. NULL when memory ran out. */
char *lerq__profile_value_text(const xmlXPathObject *v, size_t max, size_t *budget);

struct let {
	xmlChar *name;
	xmlXPathCompExprPtr value;
	unsigned long line;
};

/* A message is text with holes: <value-of select="..."/> and <name/>. */
enum part_kind { PART_TEXT, PART_VALUE_OF, PART_NAME };
struct part {
	enum part_kind kind;
	char *text;
	xmlXPathCompExprPtr expr; /* value-of, or name/@path; may be NULL */
	unsigned long line;
};

struct check {
	bool is_report; /* report fires when the test is true, assert when false */
	xmlXPathCompExprPtr test;
	unsigned long line;
	char *code;
	char *ref;
	enum lerq_severity severity;
	struct part *parts;
	size_t part_count;
};

struct rule {
	xmlXPathCompExprPtr context;
	unsigned long line;
	struct let *lets;
	size_t let_count;
	struct check *checks;
	size_t check_count;
};

struct pattern {
	struct let *lets;
	size_t let_count;
	struct rule *rules;
	size_t rule_count;
};

struct override {
	char *code;
	enum lerq_severity severity;
};

struct lerq_profile {
	xmlChar **ns; /* prefix, uri, prefix, uri, ... */
	size_t ns_count;
	struct let *lets;
	size_t let_count;
	struct pattern *patterns;
	size_t pattern_count;
	struct override *overrides;
	size_t override_count;
};

struct lerq_profile;

/* Compiles a profile from its bytes. On a profile that does not compile,
 * returns LERQ_EINVAL with the reasons as LERQ-C001 findings (line and
 * path in the profile) in `problems`, which the caller frees either way. */
int lerq__profile_compile(const struct lerq_ctx *ctx, const void *data, size_t size,
                         struct lerq_profile **out, struct lerq_report *problems);
void lerq__profile_free(struct lerq_profile *profile);

/* Runs the profile's patterns on a document that passed the schema,
 * adding its findings to report. Safe to call from many threads at once. */
int lerq__profile_run(const struct lerq_profile *profile, xmlDocPtr doc,
                     struct lerq_report *report);

/* Applies the profile's severity changes for built-in codes to report. */
void lerq__profile_adjust(const struct lerq_profile *profile,
                         struct lerq_report *report);

/* profile/compile.c: what an XPath error code means, in words (libxml2
 * 2.9.14 leaves the message of XPath errors empty). */
const char *lerq__xpath_error_text(int code);

/* Frees the profiles a context holds (ctx.c). */
void lerq__profiles_free(struct lerq_ctx *ctx);

#endif
