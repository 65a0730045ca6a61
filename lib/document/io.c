/* SPDX-License-Identifier: MIT */
/* Documents in and out: serialising, validating what is written, writing
 * a file so that a failure never leaves half a document, and parsing a
 * received document into a struct lerq_doc through the safe parser and
 * the full validation. */
/* realpath() is XSI, beyond the POSIX level the project asks for. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlsave.h>

#include "document/document-private.h"

int lerq__xml_serialise(xmlDocPtr xml, bool no_empty, char **data, size_t *size)
{
	xmlBufferPtr buf = xmlBufferCreate();
	if (buf == NULL)
		return LERQ_ENOMEM;
	int options = XML_SAVE_FORMAT | (no_empty ? XML_SAVE_NO_EMPTY : 0);
	xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", options);
	if (save == NULL) {
		xmlBufferFree(buf);
		return LERQ_ENOMEM;
	}
	long written = xmlSaveDoc(save, xml);
	int closed = xmlSaveClose(save);
	int r = LERQ_ENOMEM;
	size_t len = (size_t)xmlBufferLength(buf);
	/* A copy, so that the caller frees it with free() whatever
	 * allocator the host gave libxml2 (xmlMemSetup). */
	char *out = written >= 0 && closed >= 0 && len > 0 ? malloc(len + 1) : NULL;
	if (out != NULL) {
		memcpy(out, xmlBufferContent(buf), len);
		out[len] = '\0';
		*data = out;
		*size = len;
		r = LERQ_OK;
	}
	xmlBufferFree(buf);
	return r;
}

/* The first error finding, for lerq_doc_error(). */
static void note_invalid(struct lerq_doc *doc, const struct lerq_report *report)
{
	for (size_t i = 0; i < lerq_report_count(report); i++) {
		const struct lerq_finding *f = lerq_report_get(report, i);
		if (lerq_finding_severity(f) != LERQ_SEVERITY_ERROR)
			continue;
		size_t errors = lerq_report_errors(report);
		lerq__doc_fail(doc, LERQ_EDOCUMENT,
		              "The document is not valid (%zu error%s); the first: [%s] %s (%s)",
		              errors, errors == 1 ? "" : "s", lerq_finding_code(f),
		              lerq_finding_message(f), lerq_finding_path(f));
		return;
	}
}

static void hand_over(struct lerq_report *report, struct lerq_report **out)
{
	if (out != NULL)
		*out = report;
	else
		lerq_report_free(report);
}

LERQ_EXPORT int lerq_doc_write_memory(const struct lerq_ctx *ctx, struct lerq_doc *doc,
                                      lerq_time_t now, char **data, size_t *size,
                                      struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (ctx == NULL || doc == NULL || data == NULL || size == NULL)
		return LERQ_EINVAL;
	char *buf;
	size_t len;
	int r = lerq__xml_serialise(doc->xml, false, &buf, &len);
	if (r != LERQ_OK)
		return lerq__doc_fail(doc, r, "Out of memory");
	/* Exactly the bytes handed out are validated, by the same path as
	 * any received document. */
	struct lerq_report *rep;
	r = lerq_validate_memory(ctx, buf, len, now, &rep);
	if (r != LERQ_OK) {
		free(buf);
		return lerq__doc_fail(doc, r, "The document could not be validated: %s",
		                     lerq_strerror(r));
	}
	if (!lerq_report_is_valid(rep)) {
		note_invalid(doc, rep);
		free(buf);
		hand_over(rep, report);
		return LERQ_EDOCUMENT;
	}
	lerq__doc_mark_valid(doc, ctx, len);
	*data = buf;
	*size = len;
	hand_over(rep, report);
	return LERQ_OK;
}

/* A name for the temporary file that is hard to guess, without global
 * state: the clock, the process and the stack, mixed (splitmix64). */
static uint64_t temp_suffix(unsigned int attempt)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
	             ((uint64_t)getpid() << 16) ^ (uint64_t)(uintptr_t)&ts ^
	             ((uint64_t)attempt * UINT64_C(0x9E3779B97F4A7C15));
	x = (x ^ (x >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	x = (x ^ (x >> 27)) * UINT64_C(0x94D049BB133111EB);
	return x ^ (x >> 31);
}

static int write_all(int fd, const char *data, size_t size)
{
	while (size > 0) {
		ssize_t n = write(fd, data, size);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		size -= (size_t)n;
	}
	return 0;
}

/* Where the document goes: path itself, or the file a symbolic link at
 * path points to (so that the link survives). *mode is the mode of the
 * file replaced, or -1 for a new one. Anything but a regular file is
 * refused: renaming over a device or a directory is never what is meant. */
static int target_of(const char *path, char **target, int *mode)
{
	struct stat st;
	*mode = -1;
	*target = NULL;
	if (lstat(path, &st) < 0)
		return errno == ENOENT ? LERQ_OK : LERQ_EIO;
	if (S_ISLNK(st.st_mode)) {
		*target = realpath(path, NULL);
		if (*target == NULL || stat(*target, &st) < 0) {
			int e = errno;
			free(*target);
			*target = NULL;
			errno = e;
			return LERQ_EIO;
		}
	}
	if (!S_ISREG(st.st_mode)) {
		free(*target);
		*target = NULL;
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return LERQ_EIO;
	}
	*mode = (int)(st.st_mode & 07777);
	return LERQ_OK;
}

/* Writes data to a new file next to path, flushes it to disk and renames
 * it over path: readers of path see the old document or the new one,
 * never a part. O_EXCL refuses to follow a link planted under the
 * temporary name. A new file gets the mode 0666 less the umask, as any
 * new file; a replaced one keeps its mode, so that a request readable by
 * its owner alone does not become readable by all when it is rewritten. */
static int write_replace(const char *path, const char *data, size_t size)
{
	char *target;
	int mode;
	int r = target_of(path, &target, &mode);
	if (r != LERQ_OK)
		return r;
	if (target != NULL)
		path = target;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	if (*base == '\0') {
		free(target);
		errno = EISDIR;
		return LERQ_EIO;
	}
	size_t cap = strlen(path) + 32;
	char *tmp = malloc(cap);
	if (tmp == NULL) {
		free(target);
		return LERQ_ENOMEM;
	}
	int fd = -1, e = 0;
	for (unsigned int attempt = 0; attempt < 100 && fd < 0; attempt++) {
		/* At most 200 bytes of the name: with the suffix, still
		 * within any file system's NAME_MAX. */
		snprintf(tmp, cap, "%.*s.%.200s.%016llx", dirlen, path, base,
		         (unsigned long long)temp_suffix(attempt));
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		e = errno;
		free(tmp);
		free(target);
		errno = e;
		return LERQ_EIO;
	}
	bool failed = (mode >= 0 && fchmod(fd, (mode_t)mode) < 0) ||
	              write_all(fd, data, size) < 0 || fsync(fd) < 0;
	e = errno;
	if (close(fd) < 0 && !failed) {
		failed = true;
		e = errno;
	}
	if (!failed && rename(tmp, path) < 0) {
		failed = true;
		e = errno;
	}
	if (failed)
		unlink(tmp);
	free(tmp);
	if (!failed) {
		/* Make the rename itself durable; the file is complete
		 * already, so a directory that cannot be synced is no reason
		 * to fail. */
		char *dir = dirlen ? strndup(path, (size_t)dirlen) : strdup(".");
		int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
		free(dir);
	}
	free(target);
	errno = e;
	return failed ? LERQ_EIO : LERQ_OK;
}

LERQ_EXPORT int lerq_doc_write_file(const struct lerq_ctx *ctx, struct lerq_doc *doc,
                                    const char *path, lerq_time_t now,
                                    struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (ctx == NULL || doc == NULL || path == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size;
	int r = lerq_doc_write_memory(ctx, doc, now, &data, &size, report);
	if (r != LERQ_OK)
		return r;
	r = write_replace(path, data, size);
	free(data);
	if (r != LERQ_OK) {
		int e = errno;
		if (report != NULL) {
			lerq_report_free(*report);
			*report = NULL;
		}
		lerq__doc_fail(doc, r, "%s: cannot write: %s", path, strerror(e));
		errno = e;
	}
	return r;
}

/* ---- parsing ----------------------------------------------------------- */

/* A received document becomes one that the builder could have made: each
 * lerq element labelled with its row, comments and blank text between
 * elements gone, each value one collapsed text node. The schema has
 * passed, so every element has a row; one without is a gap in the table,
 * reported as LERQ_EINTERNAL rather than guessed at. */
static int adopt_value(xmlNodePtr node)
{
	xmlChar *raw = xmlNodeGetContent(node);
	if (raw == NULL)
		return LERQ_ENOMEM;
	char *v = lerq__value_collapse((const char *)raw);
	xmlFree(raw);
	if (v == NULL)
		return LERQ_ENOMEM;
	xmlNodePtr text = xmlNewDocText(node->doc, BAD_CAST v);
	free(v);
	if (text == NULL)
		return LERQ_ENOMEM;
	xmlNodePtr old = node->children;
	node->children = node->last = NULL;
	xmlFreeNodeList(old);
	xmlAddChild(node, text);
	return LERQ_OK;
}

static int adopt_attrs(xmlNodePtr node, const struct field *f)
{
	for (xmlAttrPtr a = node->properties; a; a = a->next) {
		bool xml_ns = a->ns && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE);
		if (a->ns != NULL && !xml_ns)
			continue; /* xsi:schemaLocation and the like: ignored, kept */
		const char *name = xml_ns ? "xml:lang" : (const char *)a->name;
		if (xml_ns && !xmlStrEqual(a->name, BAD_CAST "lang"))
			return LERQ_EINTERNAL;
		if (lerq__field_attr(f, name) == NULL)
			return LERQ_EINTERNAL;
		/* The validator registered xs:ID values; lerq keeps no ID
		 * table (document-private.h), so the attribute is plain. */
		a->atype = 0;
		xmlChar *raw = xmlNodeListGetString(node->doc, a->children, 1);
		char *v = raw ? lerq__value_collapse((const char *)raw) : strdup("");
		xmlFree(raw);
		if (v == NULL || xmlSetNsProp(node, a->ns, a->name, BAD_CAST v) == NULL) {
			free(v);
			return LERQ_ENOMEM;
		}
		free(v);
	}
	return LERQ_OK;
}

static int adopt(xmlNodePtr node, const struct field *f)
{
	node->_private = (void *)(uintptr_t)f;
	node->content = NULL; /* the rules' document-order numbers */
	if (f->type == FT_SIGNATURE)
		return LERQ_OK; /* kept as it came */
	int r = adopt_attrs(node, f);
	if (r != LERQ_OK)
		return r;
	if (lerq__field_has_value(f))
		return adopt_value(node);
	xmlNodePtr next;
	for (xmlNodePtr c = node->children; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		const char *ns = c->ns ? (const char *)c->ns->href : "";
		const struct field *cf = lerq__field_child(f, (const char *)c->name);
		bool want_dsig = cf && cf->type == FT_SIGNATURE;
		if (cf == NULL || strcmp(ns, want_dsig ? LERQ_DSIG_NS : LERQ_NS) != 0)
			return LERQ_EINTERNAL;
		r = adopt(c, cf);
		if (r != LERQ_OK)
			return r;
	}
	return LERQ_OK;
}

static bool is_structure_finding(const struct lerq_report *report)
{
	for (size_t i = 0; i < lerq_report_count(report); i++) {
		const char *code = lerq_finding_code(lerq_report_get(report, i));
		if (strncmp(code, "LERQ-P", 6) == 0 || strncmp(code, "LERQ-S", 6) == 0)
			return true;
	}
	return false;
}

LERQ_EXPORT int lerq_doc_parse_memory(const struct lerq_ctx *ctx, const void *data,
                                      size_t size, lerq_time_t now, unsigned int flags,
                                      struct lerq_doc **out, struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (ctx == NULL || out == NULL || (data == NULL && size > 0) ||
	    (flags & ~(unsigned int)LERQ_PARSE_KEEP_INVALID) != 0)
		return LERQ_EINVAL;
	struct lerq_report *rep;
	xmlDocPtr xml;
	int r = lerq__validate_doc(ctx, data, size, now, &rep, &xml);
	if (r != LERQ_OK)
		return r;
	bool wanted = xml != NULL && !is_structure_finding(rep) &&
	              (lerq_report_is_valid(rep) || (flags & LERQ_PARSE_KEEP_INVALID));
	if (!wanted) {
		xmlFreeDoc(xml);
		hand_over(rep, report);
		return LERQ_EDOCUMENT;
	}
	if (xml->ids != NULL) {
		xmlFreeIDTable(xml->ids);
		xml->ids = NULL;
	}
	xmlNodePtr root = xmlDocGetRootElement(xml);
	const struct field *rf = strcmp((const char *)root->name, "Response") == 0
	                                 ? &lerq__field_response
	                                 : &lerq__field_request;
	r = adopt(root, rf);
	/* Nothing but the root element at the top: comments and processing
	 * instructions around it are not part of the document's data. */
	xmlNodePtr next;
	for (xmlNodePtr c = xml->children; r == LERQ_OK && c; c = next) {
		next = c->next;
		if (c != root && c->type != XML_DTD_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
	struct lerq_doc *doc = NULL;
	if (r == LERQ_OK)
		r = lerq__xml_wrap(xml, &doc);
	else
		xmlFreeDoc(xml);
	if (r != LERQ_OK) {
		lerq_report_free(rep);
		return r;
	}
	if (lerq_report_is_valid(rep))
		lerq__doc_mark_valid(doc, ctx, size);
	*out = doc;
	hand_over(rep, report);
	return LERQ_OK;
}

LERQ_EXPORT int lerq_doc_parse_file(const struct lerq_ctx *ctx, const char *path,
                                    lerq_time_t now, unsigned int flags,
                                    struct lerq_doc **out, struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (ctx == NULL || path == NULL || out == NULL)
		return LERQ_EINVAL;
	char *data;
	size_t size, whole;
	bool exact;
	int r = lerq__read_file_sized(path, ctx->max_size, &data, &size, &whole, &exact);
	if (r != LERQ_OK)
		return r;
	if (whole > ctx->max_size) {
		struct lerq_report *rep;
		r = lerq__validate_oversize(ctx, whole, exact, &rep);
		if (r == LERQ_OK) {
			hand_over(rep, report);
			r = LERQ_EDOCUMENT;
		}
	} else {
		r = lerq_doc_parse_memory(ctx, data, size, now, flags, out, report);
	}
	free(data);
	return r;
}
