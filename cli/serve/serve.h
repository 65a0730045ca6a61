/* SPDX-License-Identifier: MIT */
/*
 * lerq serve: the HTTP service of format.md, section 8. Private to the
 * tool; like the rest of cli/ it uses only the public API of liblerq.
 *
 * serve.c owns the command line, the daemon's life and the signals;
 * handler.c answers requests; multipart.c reads the two documents of
 * POST /check-response.
 */
#ifndef LERQ_CLI_SERVE_H
#define LERQ_CLI_SERVE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include <microhttpd.h>

#include <lerq/lerq.h>

/* watchdog.c: the connections and the thread that cuts the late ones. */
struct watch;
struct watchdog {
	pthread_mutex_t lock;
	struct watch *head;
	pthread_t thread;
	atomic_bool stop;
};

/*
 * What every request shares. Set up before the daemon starts and
 * read-only afterwards, except for the two atomics: there is no lock on
 * the path of a request.
 */
struct server {
	/* The one context and renderer; both are safe to share. */
	const struct lerq_ctx *ctx;
	const struct lerq_renderer *renderer;
	/* The largest request body accepted (--max-size), in bytes. */
	size_t max_size;
	/* Seconds a request may take to arrive in full (--timeout). */
	unsigned int timeout;
	/* Requests accepted at once before the next gets 503: the worker
	 * threads plus the queue (--threads + --queue). */
	unsigned int max_in_flight;
	/* Whether POST /verify is served (--trust). */
	bool verify;
	/* Requests between their headers and their end (answer sent or
	 * connection lost). */
	atomic_uint in_flight;
	/* Set once SIGTERM or SIGINT arrived: answers then close their
	 * connection, so that keep-alive clients let the daemon stop. */
	atomic_bool stopping;
	/* Connections open: stopping waits for them to be answered. */
	atomic_uint connections;
	struct watchdog watchdog;
};

/* The MHD_AccessHandlerCallback of the daemon; @cls is the server. */
enum MHD_Result serve_access(void *cls, struct MHD_Connection *connection,
                             const char *url, const char *method,
                             const char *version, const char *upload_data,
                             size_t *upload_data_size, void **request_cls);

/* The MHD_RequestCompletedCallback: logs the request's line and frees
 * what serve_access() kept for it. */
void serve_completed(void *cls, struct MHD_Connection *connection,
                     void **request_cls, enum MHD_RequestTerminationCode toe);

/* Start and stop the watching thread. @return 0 or a negative errno. */
int watchdog_start(struct server *srv);
void watchdog_stop(struct watchdog *dog);

/* The MHD_NotifyConnectionCallback of the daemon; @cls is the server. */
void watchdog_notify(void *cls, struct MHD_Connection *connection,
                     void **socket_context, enum MHD_ConnectionNotificationCode toe);

/* The whole request must arrive within --timeout from now. */
void watchdog_arm(struct server *srv, struct MHD_Connection *connection);
/* The request is being answered: no deadline. */
void watchdog_disarm(struct MHD_Connection *connection);
/* The MHD_OPTION_URI_LOG_CALLBACK: a request has begun on @connection. */
void *watchdog_request_line(void *cls, const char *uri, struct MHD_Connection *connection);
/* Its answer is sent. */
void watchdog_answered(struct MHD_Connection *connection);
/* Whether the watchdog cut this connection. */
bool watchdog_cut(struct MHD_Connection *connection);

/* One part of a multipart/form-data body, pointing into the body. */
struct multipart_part {
	/* The name its Content-Disposition gives it. */
	const char *name;
	const char *data;
	size_t size;
	bool found;
};

/*
 * Find the parts named in @parts in a multipart/form-data @body (RFC
 * 7578) whose Content-Type header is @content_type. Every named part
 * must be present exactly once; parts with other names are ignored.
 * Nothing is copied: the parts point into @body.
 * @return NULL on success, or a static English sentence saying what is
 *         wrong with the body.
 */
const char *multipart_parse(const char *content_type, const char *body,
                            size_t size, struct multipart_part *parts,
                            size_t count);

#endif /* LERQ_CLI_SERVE_H */
