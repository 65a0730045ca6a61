/* SPDX-License-Identifier: MIT */
/*
 * Answering one request (format.md, section 8).
 *
 * libmicrohttpd calls serve_access() first when a request's headers have
 * arrived, then once per piece of body, then once more when the body is
 * complete. Everything that can be refused without the body (unknown
 * path, wrong method, a full queue, a Content-Length over the limit) is
 * answered on the first call, so that the body is never read; the body
 * itself is kept in one buffer that never grows past --max-size.
 *
 * The answers reuse the tool's own JSON Lines writer (cli/output.c), so
 * POST /validate says byte for byte what `lerq validate --json -` says.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* asprintf */
#endif
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lerq/lerq.h>

#include "../output.h"
#include "serve.h"

#define JSON_LINES "application/x-ndjson; charset=utf-8"
#define JSON "application/json; charset=utf-8"

enum route {
	ROUTE_NONE,
	ROUTE_VALIDATE,
	ROUTE_CHECK_RESPONSE,
	ROUTE_RENDER,
	ROUTE_VERIFY,
	ROUTE_HEALTH,
};

static const struct {
	const char *path;
	enum route route;
	/* The method it takes, and the Allow header of a 405. */
	const char *method;
	const char *allow;
} routes[] = {
	{ "/validate", ROUTE_VALIDATE, "POST", "POST" },
	{ "/check-response", ROUTE_CHECK_RESPONSE, "POST", "POST" },
	{ "/render", ROUTE_RENDER, "POST", "POST" },
	{ "/verify", ROUTE_VERIFY, "POST", "POST" },
	{ "/health", ROUTE_HEALTH, "GET", "GET, HEAD" },
};

/* What is kept for one request between the calls of serve_access(). */
struct request {
	struct timespec start;
	enum route route;
	/* For the log line: the method and the path, control characters
	 * shown as \xHH (the path is percent-decoded, so it may hold a
	 * newline that would forge a log line). */
	char method[16];
	char path[160];
	/* The body: @size bytes kept of @capacity allocated. */
	char *body;
	size_t size, capacity;
	/* A chunked body that went past --max-size: the rest is read and
	 * dropped (@dropped bytes so far), then answered 413. */
	bool too_large;
	size_t dropped;
	/* Whether a response was queued, its status and its length. */
	bool answered;
	/* Cut off by the --timeout deadline. */
	bool timed_out;
	unsigned int status;
	size_t bytes;
};

/* ---- small helpers ---- */

static double elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) * 1e3 +
	       (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}

static void copy_printable(char *out, size_t out_size, const char *in)
{
	size_t n = 0;
	const unsigned char *p;

	for (p = (const unsigned char *)in; *p != '\0' && n + 5 < out_size; p++) {
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			n += (size_t)snprintf(out + n, out_size - n, "\\x%02x", *p);
		else
			out[n++] = (char)*p;
	}
	if (*p != '\0' && n + 4 <= out_size) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
}

/*
 * Queue @body (malloc()ed, or NULL when @size is 0; owned from here on) as
 * the answer, with one extra header when @header is not NULL.
 */
static enum MHD_Result answer(struct MHD_Connection *connection,
                              const struct server *srv, struct request *req,
                              unsigned int status, const char *type, char *body,
                              size_t size, const char *header, const char *value)
{
	struct MHD_Response *response;
	enum MHD_Result ret;

	response = MHD_create_response_from_buffer(size, body, MHD_RESPMEM_MUST_FREE);
	if (response == NULL) {
		free(body);
		return MHD_NO;
	}
	if (type != NULL)
		MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	if (header != NULL)
		MHD_add_response_header(response, header, value);
	/* Nothing here may be cached: each answer is about one body. */
	MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (atomic_load(&srv->stopping))
		MHD_add_response_header(response, MHD_HTTP_HEADER_CONNECTION, "close");
	ret = MHD_queue_response(connection, status, response);
	MHD_destroy_response(response);
	req->answered = true;
	req->status = status;
	req->bytes = size;
	return ret;
}

/* A JSON error object: {"status": N, "error": "..."}; @message is ours
 * (never the client's), so it needs no escaping. */
static enum MHD_Result answer_error(struct MHD_Connection *connection,
                                    const struct server *srv, struct request *req,
                                    unsigned int status, const char *message,
                                    const char *header, const char *value)
{
	char *body = NULL;
	int n = asprintf(&body, "{\"status\": %u, \"error\": \"%s\"}\n", status, message);

	if (n < 0)
		return MHD_NO;
	return answer(connection, srv, req, status, JSON, body, (size_t)n, header, value);
}

static enum MHD_Result answer_failure(struct MHD_Connection *connection,
                                      const struct server *srv, struct request *req,
                                      int err)
{
	if (err == LERQ_ENOTSUP)
		return answer_error(connection, srv, req, MHD_HTTP_NOT_IMPLEMENTED,
		                    lerq_strerror(err), NULL, NULL);
	return answer_error(connection, srv, req, MHD_HTTP_INTERNAL_SERVER_ERROR,
	                    lerq_strerror(err), NULL, NULL);
}

/* ---- query ---- */

/*
 * The value of the query parameter @key: *found says whether it was
 * given at all, and the value is NULL for "?key" without "=".
 */
static const char *query(struct MHD_Connection *connection, const char *key,
                         bool *found)
{
	const char *value = NULL;
	size_t value_size = 0;

	*found = MHD_lookup_connection_value_n(connection, MHD_GET_ARGUMENT_KIND, key,
	                                       strlen(key), &value, &value_size) == MHD_YES;
	return *found ? value : NULL;
}

/* ?strict, ?strict=1, ?strict=true: yes; absent, 0, false: no.
 * @return 0, or -1 for another value. */
static int query_strict(struct MHD_Connection *connection, bool *strict)
{
	bool found;
	const char *value = query(connection, "strict", &found);

	*strict = false;
	if (!found)
		return 0;
	if (value == NULL || value[0] == '\0' || strcmp(value, "1") == 0 ||
	    strcmp(value, "true") == 0) {
		*strict = true;
		return 0;
	}
	if (strcmp(value, "0") == 0 || strcmp(value, "false") == 0)
		return 0;
	return -1;
}

/* ?now=DATETIME, as --now; the clock when absent.
 * @return 0, or -1 for a bad value. */
static int query_now(struct MHD_Connection *connection, lerq_time_t *now)
{
	bool found;
	const char *value = query(connection, "now", &found);

	*now = LERQ_NOW_CLOCK;
	if (!found)
		return 0;
	if (value == NULL || lerq_time_parse(value, now) < 0)
		return -1;
	return 0;
}

/* ---- the paths ---- */

static bool verdict(const struct lerq_report *report, bool strict)
{
	if (!lerq_report_is_valid(report))
		return false;
	return !(strict && lerq_report_warnings(report) > 0);
}

/* The JSON Lines of @count reports, named @names, as the tool prints them. */
static int json_lines(const struct lerq_report *const *reports,
                      const char *const *names, size_t count,
                      char **body, size_t *size)
{
	struct output out = { .stream = NULL, .format = OUTPUT_JSON, .colour = false };
	size_t i;
	int bad;

	*body = NULL;
	*size = 0;
	out.stream = open_memstream(body, size);
	if (out.stream == NULL)
		return LERQ_ENOMEM;
	for (i = 0; i < count; i++)
		output_report(&out, names[i], reports[i]);
	bad = ferror(out.stream);
	if (fclose(out.stream) != 0 || bad) {
		free(*body);
		*body = NULL;
		return LERQ_ENOMEM;
	}
	return LERQ_OK;
}

static enum MHD_Result answer_reports(struct MHD_Connection *connection,
                                      const struct server *srv, struct request *req,
                                      unsigned int status,
                                      const struct lerq_report *const *reports,
                                      const char *const *names, size_t count)
{
	char *body;
	size_t size;
	int err = json_lines(reports, names, count, &body, &size);

	if (err < 0)
		return answer_failure(connection, srv, req, err);
	return answer(connection, srv, req, status, JSON_LINES, body, size, NULL, NULL);
}

static enum MHD_Result do_validate(struct MHD_Connection *connection,
                                   const struct server *srv, struct request *req)
{
	static const char *const names[] = { "-" };
	struct lerq_report *report = NULL;
	lerq_time_t now;
	bool strict;
	enum MHD_Result ret;
	int err;

	if (query_now(connection, &now) < 0)
		return answer_error(connection, srv, req, MHD_HTTP_BAD_REQUEST,
		                    "now must be a dateTime with a time zone", NULL, NULL);
	if (query_strict(connection, &strict) < 0)
		return answer_error(connection, srv, req, MHD_HTTP_BAD_REQUEST,
		                    "strict must be 1, true, 0 or false", NULL, NULL);

	err = lerq_validate_memory(srv->ctx, req->body, req->size, now, &report);
	if (err < 0)
		return answer_failure(connection, srv, req, err);
	ret = answer_reports(connection, srv, req,
	                     verdict(report, strict) ? MHD_HTTP_OK : MHD_HTTP_UNPROCESSABLE_CONTENT,
	                     (const struct lerq_report *const *)&report, names, 1);
	lerq_report_free(report);
	return ret;
}

static enum MHD_Result do_check_response(struct MHD_Connection *connection,
                                         const struct server *srv, struct request *req)
{
	static const char *const names[] = { "request", "response" };
	struct multipart_part parts[2] = { { .name = "request" }, { .name = "response" } };
	struct lerq_report *reports[2] = { NULL, NULL };
	const char *content_type, *problem;
	lerq_time_t now;
	bool strict;
	enum MHD_Result ret;
	int err;

	if (query_now(connection, &now) < 0)
		return answer_error(connection, srv, req, MHD_HTTP_BAD_REQUEST,
		                    "now must be a dateTime with a time zone", NULL, NULL);
	if (query_strict(connection, &strict) < 0)
		return answer_error(connection, srv, req, MHD_HTTP_BAD_REQUEST,
		                    "strict must be 1, true, 0 or false", NULL, NULL);

	content_type = MHD_lookup_connection_value(connection, MHD_HEADER_KIND,
	                                           MHD_HTTP_HEADER_CONTENT_TYPE);
	problem = multipart_parse(content_type, req->body, req->size, parts, 2);
	if (problem != NULL)
		return answer_error(connection, srv, req, MHD_HTTP_BAD_REQUEST, problem,
		                    NULL, NULL);

	err = lerq_check_response_memory(srv->ctx, parts[0].data, parts[0].size,
	                                 parts[1].data, parts[1].size, now,
	                                 &reports[0], &reports[1]);
	if (err < 0)
		return answer_failure(connection, srv, req, err);
	ret = answer_reports(connection, srv, req,
	                     verdict(reports[0], strict) && verdict(reports[1], strict)
	                             ? MHD_HTTP_OK : MHD_HTTP_UNPROCESSABLE_CONTENT,
	                     (const struct lerq_report *const *)reports, names, 2);
	lerq_report_free(reports[0]);
	lerq_report_free(reports[1]);
	return ret;
}

static enum MHD_Result do_render(struct MHD_Connection *connection,
                                 const struct server *srv, struct request *req)
{
	static const char *const names[] = { "-" };
	static const struct {
		const char *name;
		enum lerq_format format;
		const char *type;
	} formats[] = {
		{ "html", LERQ_FORMAT_HTML, "text/html; charset=utf-8" },
		{ "text", LERQ_FORMAT_TEXT, "text/plain; charset=utf-8" },
		{ "pdf", LERQ_FORMAT_PDF, "application/pdf" },
	};
	struct lerq_report *report = NULL;
	const char *to;
	char *letter = NULL;
	size_t i, size = 0;
	lerq_time_t now;
	bool found;
	enum MHD_Result ret;
	int err;

	to = query(connection, "to", &found);
	for (i = 0; to != NULL && i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(to, formats[i].name) == 0)
			break;
	}
	if (to == NULL || i == sizeof(formats) / sizeof(formats[0]))
		return answer_error(connection, srv, req, MHD_HTTP_BAD_REQUEST,
		                    "to must be html, text or pdf", NULL, NULL);
	if (query_now(connection, &now) < 0)
		return answer_error(connection, srv, req, MHD_HTTP_BAD_REQUEST,
		                    "now must be a dateTime with a time zone", NULL, NULL);

	err = lerq_render_memory(srv->renderer, req->body, req->size, formats[i].format,
	                         now, &letter, &size, &report);
	if (err == LERQ_EDOCUMENT) {
		ret = answer_reports(connection, srv, req, MHD_HTTP_UNPROCESSABLE_CONTENT,
		                     (const struct lerq_report *const *)&report, names, 1);
	} else if (err < 0) {
		ret = answer_failure(connection, srv, req, err);
	} else {
		ret = answer(connection, srv, req, MHD_HTTP_OK, formats[i].type, letter,
		             size, NULL, NULL);
	}
	lerq_report_free(report);
	return ret;
}

static enum MHD_Result do_health(struct MHD_Connection *connection,
                                 const struct server *srv, struct request *req)
{
	char *body = NULL;
	int n = asprintf(&body, "{\"status\": \"ok\", \"version\": \"%s\"}\n", lerq_version());

	if (n < 0)
		return MHD_NO;
	return answer(connection, srv, req, MHD_HTTP_OK, JSON, body, (size_t)n, NULL, NULL);
}

/* ---- the first call: everything decided from the headers ---- */

static enum MHD_Result begin(struct MHD_Connection *connection, struct server *srv,
                             struct request *req, const char *url, const char *method)
{
	const char *length;
	size_t i;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		if (strcmp(url, routes[i].path) == 0)
			break;
	}
	/* Without --trust there is no /verify at all. */
	if (i == sizeof(routes) / sizeof(routes[0]) ||
	    (routes[i].route == ROUTE_VERIFY && !srv->verify))
		return answer_error(connection, srv, req, MHD_HTTP_NOT_FOUND, "no such path",
		                    NULL, NULL);
	if (strcmp(method, routes[i].method) != 0 &&
	    !(routes[i].route == ROUTE_HEALTH && strcmp(method, "HEAD") == 0))
		return answer_error(connection, srv, req, MHD_HTTP_METHOD_NOT_ALLOWED,
		                    "method not allowed", MHD_HTTP_HEADER_ALLOW,
		                    routes[i].allow);
	req->route = routes[i].route;

	/*
	 * libmicrohttpd's own connection limit just closes the socket; a
	 * client deserves to be told to come back. Counting the requests
	 * between their headers and their end gives that answer while the
	 * body is still unread.
	 */
	if (atomic_load(&srv->in_flight) > srv->max_in_flight)
		return answer_error(connection, srv, req, MHD_HTTP_SERVICE_UNAVAILABLE,
		                    "busy, try again", MHD_HTTP_HEADER_RETRY_AFTER, "1");

	if (req->route == ROUTE_HEALTH)
		return do_health(connection, srv, req);

	length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND,
	                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (length != NULL) {
		char *end;
		unsigned long long n;

		errno = 0;
		n = strtoull(length, &end, 10);
		if (errno == ERANGE || n > srv->max_size)
			return answer_error(connection, srv, req, MHD_HTTP_CONTENT_TOO_LARGE,
			                    "body over the size limit", MHD_HTTP_HEADER_CONNECTION,
			                    "close");
		if (end != length && n > 0) {
			/* Known in advance: one allocation, of the right size. */
			req->body = malloc((size_t)n);
			if (req->body == NULL)
				return answer_failure(connection, srv, req, LERQ_ENOMEM);
			req->capacity = (size_t)n;
		}
	}
	return MHD_YES;
}

/* Append a piece of body, within --max-size. @return 0, or -1 when out of
 * memory. */
static int take(const struct server *srv, struct request *req, const char *data,
                size_t size)
{
	if (req->too_large || size > srv->max_size - req->size) {
		req->too_large = true;
		req->dropped += size;
		return 0;
	}
	if (req->size + size > req->capacity) {
		size_t capacity = req->capacity < 4096 ? 4096 : req->capacity;
		char *body;

		while (capacity < req->size + size)
			capacity = capacity > srv->max_size / 2 ? srv->max_size : capacity * 2;
		body = realloc(req->body, capacity);
		if (body == NULL)
			return -1;
		req->body = body;
		req->capacity = capacity;
	}
	memcpy(req->body + req->size, data, size);
	req->size += size;
	return 0;
}

enum MHD_Result serve_access(void *cls, struct MHD_Connection *connection,
                             const char *url, const char *method,
                             const char *version, const char *upload_data,
                             size_t *upload_data_size, void **request_cls)
{
	struct server *srv = cls;
	struct request *req = *request_cls;
	enum MHD_Result ret;

	if (req == NULL) {
		req = calloc(1, sizeof(*req));
		if (req == NULL)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &req->start);
		copy_printable(req->method, sizeof(req->method), method);
		copy_printable(req->path, sizeof(req->path), url);
		atomic_fetch_add(&srv->in_flight, 1);
		*request_cls = req;
		/* From the headers, the body has --timeout to arrive. */
		watchdog_arm(srv, connection);
		ret = begin(connection, srv, req, url, method);
		if (req->answered)
			watchdog_disarm(connection);
		return ret;
	}

	if (*upload_data_size > 0) {
		size_t size = *upload_data_size;

		*upload_data_size = 0;
		if (req->answered)
			return MHD_YES;
		/* A body that trickles in (a byte a second, say) would hold
		 * its connection for ever under an idle timeout alone. */
		if (elapsed_ms(&req->start) > srv->timeout * 1e3) {
			req->timed_out = true;
			return MHD_NO;
		}
		if (take(srv, req, upload_data, size) < 0)
			return MHD_NO;
		/* Past the limit the body is dropped; one that goes on for as
		 * much again is not worth an answer: the connection is cut. */
		if (req->too_large && req->dropped > srv->max_size)
			return MHD_NO;
		return MHD_YES;
	}

	if (req->answered)
		return MHD_YES;
	/* All here: answering it has no deadline (a PDF may take a while). */
	watchdog_disarm(connection);
	if (req->too_large)
		return answer_error(connection, srv, req, MHD_HTTP_CONTENT_TOO_LARGE,
		                    "body over the size limit", MHD_HTTP_HEADER_CONNECTION,
		                    "close");
	if (req->size == 0)
		return answer_error(connection, srv, req, MHD_HTTP_BAD_REQUEST,
		                    "the body is empty: send the document", NULL, NULL);
	switch (req->route) {
	case ROUTE_VALIDATE:
	case ROUTE_VERIFY:
		/* The context verifies signatures when --trust gave it a
		 * list, as for `lerq verify`; without one /verify is 404. */
		return do_validate(connection, srv, req);
	case ROUTE_CHECK_RESPONSE:
		return do_check_response(connection, srv, req);
	case ROUTE_RENDER:
		return do_render(connection, srv, req);
	case ROUTE_HEALTH:
	case ROUTE_NONE:
		break;
	}
	return answer_failure(connection, srv, req, LERQ_EINTERNAL);
}

void serve_completed(void *cls, struct MHD_Connection *connection,
                     void **request_cls, enum MHD_RequestTerminationCode toe)
{
	struct server *srv = cls;
	struct request *req = *request_cls;
	char line[512];
	int n;

	watchdog_answered(connection);
	if (req == NULL)
		return;
	if (watchdog_cut(connection))
		req->timed_out = true;
	/* Keep-alive: the next request has --timeout to arrive. */
	watchdog_arm(srv, connection);
	/* One write(2) per line: lines of concurrent requests never mix,
	 * and no lock is taken. */
	if (req->answered && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
		n = snprintf(line, sizeof(line), "lerq serve: %s %s %u %zu %.1f ms\n",
		             req->method, req->path, req->status, req->bytes,
		             elapsed_ms(&req->start));
	else
		n = snprintf(line, sizeof(line), "lerq serve: %s %s %u %zu %.1f ms (%s)\n",
		             req->method, req->path, req->answered ? req->status : 0u,
		             req->answered ? req->bytes : (size_t)0, elapsed_ms(&req->start),
		             req->timed_out || toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? "timed out"
		             : toe == MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN ? "cut by shutdown"
		             : toe == MHD_REQUEST_TERMINATED_CLIENT_ABORT ? "client went away"
		             : "connection closed");
	if (n > 0) {
		if ((size_t)n >= sizeof(line))
			n = (int)sizeof(line) - 1;
		if (write(STDERR_FILENO, line, (size_t)n) < 0) {
			/* Nowhere left to say it. */
		}
	}
	free(req->body);
	free(req);
	*request_cls = NULL;
	atomic_fetch_sub(&srv->in_flight, 1);
}
