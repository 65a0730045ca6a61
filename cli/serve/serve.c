/* SPDX-License-Identifier: MIT */
/*
 * lerq serve [--listen ADDR:PORT] [--threads N] [--profile FILE]...
 *            [--trust LIST [--require-signature]] [--max-size BYTES]
 *            [--timeout SECONDS] [--queue N]
 *
 * The daemon's life: read the options, build the one context and
 * renderer (which also does every libxml2/libxslt global set-up, before
 * any thread of libmicrohttpd exists), start the daemon, then wait in
 * the main thread for SIGTERM or SIGINT. Those signals are blocked in
 * every thread and taken with sigwait(), so no handler runs at a bad
 * moment. Stopping stops accepting, lets the requests in flight finish,
 * then stops the daemon.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <lerq/lerq.h>

#include "../cli.h"
#include "serve.h"

#define DEFAULT_LISTEN "127.0.0.1:8087"
#define DEFAULT_TIMEOUT 30u
#define DEFAULT_QUEUE 256u
/* Per connection: the request line and headers live in this pool (the
 * body does not: handler.c keeps it). */
#define CONNECTION_MEMORY (64u * 1024u)

enum {
	OPT_LISTEN = 0x100,
	OPT_THREADS,
	OPT_PROFILE,
	OPT_TRUST,
	OPT_REQUIRE_SIGNATURE,
	OPT_MAX_SIZE,
	OPT_TIMEOUT,
	OPT_QUEUE,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "listen", required_argument, NULL, OPT_LISTEN },
	{ "threads", required_argument, NULL, OPT_THREADS },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "trust", required_argument, NULL, OPT_TRUST },
	{ "require-signature", no_argument, NULL, OPT_REQUIRE_SIGNATURE },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "queue", required_argument, NULL, OPT_QUEUE },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	fputs("Usage: lerq serve [--listen ADDR:PORT] [--threads N] [--profile FILE]...\n"
	      "                  [--trust LIST [--require-signature]] [--max-size BYTES]\n"
	      "                  [--timeout SECONDS] [--queue N]\n"
	      "\n"
	      "Answer HTTP requests with lerq's checks and letters (one document per\n"
	      "request body):\n"
	      "  POST /validate[?now=DATETIME][&strict]   findings as JSON Lines\n"
	      "  POST /check-response                     multipart parts request, response\n"
	      "  POST /render?to=html|text|pdf            the letter\n"
	      "  POST /verify[?now=DATETIME][&strict]     with --trust: as lerq verify --json\n"
	      "  GET  /health                             {\"status\": \"ok\", ...}\n"
	      "\n"
	      "The service has no authentication of its own: keep it on the loopback\n"
	      "address behind your organisation's reverse proxy.\n"
	      "\n"
	      "Options:\n"
	      "      --listen ADDR:PORT  the address to listen on (default " DEFAULT_LISTEN ");\n"
	      "                          an IPv6 address in brackets, [::1]:8087; port 0\n"
	      "                          picks a free port\n"
	      "      --threads N         worker threads (default: the number of cores)\n"
	      "      --profile FILE      also apply a national profile; may be repeated\n"
	      "      --trust LIST        verify signatures against this trust list, in\n"
	      "                          every answer, and serve POST /verify\n"
	      "      --require-signature with --trust: an unsigned document is an error\n"
	      "      --max-size BYTES    the largest request body (default 16 MiB)\n"
	      "      --timeout SECONDS   time for a request to arrive in full, and for an\n"
	      "                          idle connection (default 30)\n"
	      "      --queue N           requests that may wait beyond the threads before\n"
	      "                          the next is answered 503 (default 256)\n"
	      "  -h, --help              show this help and exit\n"
	      "\n"
	      "SIGTERM or SIGINT stops the service once the requests in flight are\n"
	      "answered. Exit status: 0 after a clean stop, 2 when it cannot start.\n",
	      stdout);
}

static int usage_error(void)
{
	fputs("Run 'lerq serve --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
}

/* A whole number in [@min, @max]. @return 0, or -1. */
static int parse_number(const char *text, unsigned long long min,
                        unsigned long long max, unsigned long long *out)
{
	char *end;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	*out = strtoull(text, &end, 10);
	if (errno != 0 || *end != '\0' || *out < min || *out > max)
		return -1;
	return 0;
}

/*
 * "127.0.0.1:8087" or "[::1]:8087" into @addr.
 * @return 0, or -1 for something else.
 */
static int parse_listen(const char *text, struct sockaddr_storage *addr)
{
	char host[INET6_ADDRSTRLEN + 1];
	const char *colon;
	unsigned long long port;
	size_t len;
	bool v6 = text[0] == '[';

	if (v6) {
		const char *close = strchr(text, ']');

		if (close == NULL || close[1] != ':')
			return -1;
		colon = close + 1;
		text++;
		len = (size_t)(close - text);
	} else {
		colon = strrchr(text, ':');
		if (colon == NULL)
			return -1;
		len = (size_t)(colon - text);
	}
	if (len == 0 || len >= sizeof(host) ||
	    parse_number(colon + 1, 0, 65535, &port) < 0)
		return -1;
	memcpy(host, text, len);
	host[len] = '\0';

	memset(addr, 0, sizeof(*addr));
	if (v6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)addr;

		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		return inet_pton(AF_INET6, host, &in6->sin6_addr) == 1 ? 0 : -1;
	} else {
		struct sockaddr_in *in4 = (struct sockaddr_in *)addr;

		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		return inet_pton(AF_INET, host, &in4->sin_addr) == 1 ? 0 : -1;
	}
}

/* libmicrohttpd's own messages (a refused connection, say), on the log. */
__attribute__((format(printf, 2, 0)))
static void mhd_log(void *cls, const char *format, va_list ap)
{
	char line[512];
	int n = snprintf(line, sizeof(line), "lerq serve: microhttpd: ");

	if (n > 0 && (size_t)n < sizeof(line))
		n += vsnprintf(line + n, sizeof(line) - (size_t)n, format, ap);
	if (n <= 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = (int)sizeof(line) - 1;
	if (line[n - 1] != '\n')
		line[n++] = '\n';
	if (write(STDERR_FILENO, line, (size_t)n) < 0) {
		/* Nowhere left to say it. */
	}
}

static void print_listening(const struct sockaddr_storage *addr, unsigned int port,
                            unsigned int threads)
{
	char host[INET6_ADDRSTRLEN];

	if (addr->ss_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)addr)->sin6_addr, host,
		          sizeof(host));
	else
		inet_ntop(AF_INET, &((const struct sockaddr_in *)addr)->sin_addr, host,
		          sizeof(host));
	fprintf(stderr, "lerq serve: listening on http://%s%s%s:%u/ with %u threads\n",
	        addr->ss_family == AF_INET6 ? "[" : "", host,
	        addr->ss_family == AF_INET6 ? "]" : "", port, threads);
}

/*
 * Stop: no new connections; the requests in flight finish, each answer
 * closing its connection, and idle keep-alive connections are closed
 * (watchdog.c); after the time a request may take plus a margin, or on a
 * second signal, the rest are cut. Then the daemon and its threads go.
 * Waiting for the connections rather than for the requests counted in
 * flight matters: a request already sent, on a connection whose thread is
 * still busy with another, has not been counted yet.
 */
static void stop(struct MHD_Daemon *daemon, struct server *srv,
                 const sigset_t *signals)
{
	const struct timespec tick = { 0, 10 * 1000 * 1000 };
	struct timespec start, now;
	MHD_socket listener;

	atomic_store(&srv->stopping, true);
	listener = MHD_quiesce_daemon(daemon);
	if (listener != MHD_INVALID_SOCKET)
		close(listener);
	fprintf(stderr, "lerq serve: stopping; %u requests in flight, %u connections\n",
	        atomic_load(&srv->in_flight), atomic_load(&srv->connections));

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (atomic_load(&srv->connections) > 0) {
		if (sigtimedwait(signals, NULL, &tick) > 0) {
			fputs("lerq serve: second signal: stopping now\n", stderr);
			break;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec > (time_t)srv->timeout + 5) {
			fputs("lerq serve: requests still in flight: stopping now\n", stderr);
			break;
		}
	}
	MHD_stop_daemon(daemon);
	fputs("lerq serve: stopped\n", stderr);
}

/* Builds the context and renderer, runs the daemon until a signal. */
static int run(struct server *srv, const struct sockaddr_storage *addr,
               unsigned int threads, const char *const *profiles, size_t profile_count,
               const char *trust, bool require_signature)
{
	struct lerq_ctx *ctx = NULL;
	struct lerq_renderer *renderer = NULL;
	struct MHD_Daemon *daemon = NULL;
	const union MHD_DaemonInfo *info;
	sigset_t signals;
	unsigned int flags;
	int status = CLI_EXIT_TROUBLE, err, sig;
	bool watching = false;

	/* Everything global in libxml2 and libxslt is set up here, in one
	 * thread, before the daemon starts its own. */
	err = lerq_ctx_new(0, &ctx);
	if (err < 0) {
		fprintf(stderr, "lerq serve: cannot set up the validator: %s\n", lerq_strerror(err));
		goto out;
	}
	if (lerq_ctx_set_max_size(ctx, srv->max_size) < 0)
		goto out;
	for (size_t i = 0; i < profile_count; i++) {
		if (cli_load_profile(ctx, profiles[i]) != CLI_EXIT_OK)
			goto out;
	}
	/* Read once, here: a request never makes the service read a file. */
	if (trust != NULL && cli_load_trust(ctx, trust, require_signature) != CLI_EXIT_OK)
		goto out;
	err = lerq_renderer_new(ctx, &renderer);
	if (err < 0) {
		fprintf(stderr, "lerq serve: cannot set up the letters: %s\n", lerq_strerror(err));
		goto out;
	}
	srv->ctx = ctx;
	srv->renderer = renderer;

	/* Blocked here, so in every thread libmicrohttpd starts: only
	 * sigwait() below takes them. SIGPIPE: a client that goes away is
	 * the daemon's business, never a reason to die. */
	sigemptyset(&signals);
	sigaddset(&signals, SIGTERM);
	sigaddset(&signals, SIGINT);
	{
		sigset_t blocked = signals;

		sigaddset(&blocked, SIGPIPE);
		if (pthread_sigmask(SIG_BLOCK, &blocked, NULL) != 0)
			goto out;
	}

	err = watchdog_start(srv);
	if (err < 0) {
		fprintf(stderr, "lerq serve: cannot start a thread: %s\n", strerror(-err));
		goto out;
	}
	watching = true;

	flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (addr->ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	daemon = MHD_start_daemon(flags, 0, NULL, NULL, serve_access, srv,
		/* First, or the options before it log with MHD's own. */
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)addr,
		MHD_OPTION_THREAD_POOL_SIZE, threads,
		MHD_OPTION_CONNECTION_TIMEOUT, srv->timeout,
		/* Beyond this libmicrohttpd closes new connections at once;
		 * below it, handler.c answers 503 past max_in_flight. */
		MHD_OPTION_CONNECTION_LIMIT, srv->max_in_flight + 64u,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
		MHD_OPTION_NOTIFY_COMPLETED, serve_completed, srv,
		MHD_OPTION_NOTIFY_CONNECTION, watchdog_notify, srv,
		MHD_OPTION_URI_LOG_CALLBACK, watchdog_request_line, srv,
		MHD_OPTION_END);
	if (daemon == NULL) {
		fprintf(stderr, "lerq serve: cannot listen on the address given: %s\n",
		        strerror(errno));
		goto out;
	}
	info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
	print_listening(addr, info != NULL ? info->port : 0, threads);

	do {
		err = sigwait(&signals, &sig);
	} while (err == EINTR);
	fprintf(stderr, "lerq serve: %s\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	stop(daemon, srv, &signals);
	status = CLI_EXIT_OK;

out:
	if (watching)
		watchdog_stop(&srv->watchdog);
	lerq_renderer_free(renderer);
	lerq_ctx_free(ctx);
	return status;
}

int serve_main(int argc, char **argv)
{
	struct server srv = {
		.max_size = LERQ_DEFAULT_MAX_SIZE,
		.timeout = DEFAULT_TIMEOUT,
		.verify = false,
	};
	struct sockaddr_storage addr;
	const char *listen = DEFAULT_LISTEN;
	const char *trust = NULL;
	bool require_signature = false;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned int threads = cores > 0 && cores < 1024 ? (unsigned int)cores : 1u;
	unsigned int queue = DEFAULT_QUEUE;
	const char **profiles = calloc((size_t)argc, sizeof(*profiles));
	size_t profile_count = 0;
	unsigned long long n;
	int c, status;

	if (profiles == NULL) {
		fprintf(stderr, "lerq: %s\n", lerq_strerror(LERQ_ENOMEM));
		return CLI_EXIT_TROUBLE;
	}
	atomic_init(&srv.in_flight, 0);
	atomic_init(&srv.stopping, false);
	atomic_init(&srv.connections, 0);

	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			free(profiles);
			return CLI_EXIT_OK;
		case OPT_LISTEN:
			listen = optarg;
			break;
		case OPT_THREADS:
			if (parse_number(optarg, 1, 1024, &n) < 0) {
				fprintf(stderr, "%s: --threads takes a number from 1 to 1024\n", argv[0]);
				goto usage;
			}
			threads = (unsigned int)n;
			break;
		case OPT_PROFILE:
			profiles[profile_count++] = optarg;
			break;
		case OPT_TRUST:
			trust = optarg;
			break;
		case OPT_REQUIRE_SIGNATURE:
			require_signature = true;
			break;
		case OPT_MAX_SIZE:
			if (parse_number(optarg, 1, SIZE_MAX / 2, &n) < 0) {
				fprintf(stderr, "%s: --max-size takes a number of bytes\n", argv[0]);
				goto usage;
			}
			srv.max_size = (size_t)n;
			break;
		case OPT_TIMEOUT:
			if (parse_number(optarg, 1, 3600, &n) < 0) {
				fprintf(stderr, "%s: --timeout takes seconds, from 1 to 3600\n", argv[0]);
				goto usage;
			}
			srv.timeout = (unsigned int)n;
			break;
		case OPT_QUEUE:
			if (parse_number(optarg, 0, 65536, &n) < 0) {
				fprintf(stderr, "%s: --queue takes a number from 0 to 65536\n", argv[0]);
				goto usage;
			}
			queue = (unsigned int)n;
			break;
		default:
			goto usage;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "%s: unexpected argument '%s'\n", argv[0], argv[optind]);
		goto usage;
	}
	if (parse_listen(listen, &addr) < 0) {
		fprintf(stderr, "%s: --listen takes ADDR:PORT, e.g. 127.0.0.1:8087 or [::1]:8087\n",
		        argv[0]);
		goto usage;
	}
	if (require_signature && trust == NULL) {
		fprintf(stderr, "%s: --require-signature needs --trust LIST\n", argv[0]);
		goto usage;
	}
	srv.max_in_flight = threads + queue;
	srv.verify = trust != NULL;

	status = run(&srv, &addr, threads, profiles, profile_count, trust, require_signature);
	free(profiles);
	return status;

usage:
	free(profiles);
	return usage_error();
}
