/* SPDX-License-Identifier: MIT */
/*
 * Cutting connections whose request does not arrive in time.
 *
 * libmicrohttpd's connection timeout is an idle timeout: every byte
 * received restarts it, so a client that sends its headers a byte a
 * second (slowloris) would hold a connection, and a worker's slot, for as
 * long as it likes; and the access handler only runs once the headers are
 * complete, too late to refuse them. So each connection carries a
 * deadline: --timeout after it opened, or after its previous answer, or
 * after its request's headers, for the whole request to arrive; none
 * while the request is being answered. A thread looks every quarter of a
 * second and shuts down the socket of any connection past its deadline;
 * libmicrohttpd then sees the connection end and closes it as usual.
 *
 * The list of connections has a mutex, taken when a connection opens or
 * closes and by the watching thread, never per request: requests only
 * store their deadline, atomically. libmicrohttpd reports a connection
 * closed before it closes its socket, and removing it from the list takes
 * the mutex, so the thread never shuts down a socket number that has
 * been closed and reused.
 */
#include <errno.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "serve.h"

struct watch {
	struct watch *prev, *next;
	MHD_socket fd;
	/* CLOCK_MONOTONIC milliseconds, or 0 for none. */
	atomic_llong deadline;
	/* Set when the thread cut the connection. */
	atomic_bool cut;
	/* From its request line to its answer. */
	atomic_bool requesting;
};

static long long now_ms(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* The connection's watch, or NULL once it is closed (or was never
 * watched: out of memory when it opened). */
static struct watch *watch_of(struct MHD_Connection *connection)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return info != NULL ? info->socket_context : NULL;
}

void watchdog_arm(struct server *srv, struct MHD_Connection *connection)
{
	struct watch *w = watch_of(connection);

	if (w != NULL)
		atomic_store(&w->deadline, now_ms() + (long long)srv->timeout * 1000);
}

void watchdog_disarm(struct MHD_Connection *connection)
{
	struct watch *w = watch_of(connection);

	if (w != NULL)
		atomic_store(&w->deadline, 0);
}

void *watchdog_request_line(void *cls, const char *uri, struct MHD_Connection *connection)
{
	struct watch *w = watch_of(connection);

	if (w != NULL)
		atomic_store(&w->requesting, true);
	return NULL;
}

void watchdog_answered(struct MHD_Connection *connection)
{
	struct watch *w = watch_of(connection);

	if (w != NULL)
		atomic_store(&w->requesting, false);
}

bool watchdog_cut(struct MHD_Connection *connection)
{
	struct watch *w = watch_of(connection);

	return w != NULL && atomic_load(&w->cut);
}

void watchdog_notify(void *cls, struct MHD_Connection *connection,
                     void **socket_context, enum MHD_ConnectionNotificationCode toe)
{
	struct server *srv = cls;
	struct watchdog *dog = &srv->watchdog;
	struct watch *w;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *info =
			MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);

		atomic_fetch_add(&srv->connections, 1);
		*socket_context = NULL;
		if (info == NULL)
			return;
		w = calloc(1, sizeof(*w));
		if (w == NULL)
			return; /* Unwatched: the idle timeout still applies. */
		w->fd = info->connect_fd;
		atomic_init(&w->deadline, now_ms() + (long long)srv->timeout * 1000);
		atomic_init(&w->cut, false);
		atomic_init(&w->requesting, false);
		pthread_mutex_lock(&dog->lock);
		w->next = dog->head;
		if (dog->head != NULL)
			dog->head->prev = w;
		dog->head = w;
		pthread_mutex_unlock(&dog->lock);
		*socket_context = w;
		return;
	}

	atomic_fetch_sub(&srv->connections, 1);
	w = *socket_context;
	if (w == NULL)
		return;
	pthread_mutex_lock(&dog->lock);
	if (w->prev != NULL)
		w->prev->next = w->next;
	else
		dog->head = w->next;
	if (w->next != NULL)
		w->next->prev = w->prev;
	pthread_mutex_unlock(&dog->lock);
	free(w);
	*socket_context = NULL;
}

/*
 * Whether a connection waits for a request that has not begun: no request
 * line seen, nothing unread in the socket. When stopping, such a
 * connection is closed rather than waited for.
 */
static bool idle(struct watch *w)
{
	int unread = 0;

	if (atomic_load(&w->requesting) || atomic_load(&w->deadline) == 0)
		return false;
	return ioctl(w->fd, FIONREAD, &unread) == 0 && unread == 0;
}

static void *watch(void *arg)
{
	struct server *srv = arg;
	struct watchdog *dog = &srv->watchdog;
	const struct timespec quarter = { 0, 250 * 1000 * 1000 };
	static const char message[] =
		"lerq serve: connection cut: no complete request within --timeout\n";

	while (!atomic_load(&dog->stop)) {
		long long now;

		nanosleep(&quarter, NULL);
		now = now_ms();
		pthread_mutex_lock(&dog->lock);
		for (struct watch *w = dog->head; w != NULL; w = w->next) {
			long long deadline = atomic_load(&w->deadline);

			if (atomic_load(&w->cut))
				continue;
			if (atomic_load(&srv->stopping) && idle(w)) {
				/* Keep-alive, nothing asked: nothing to finish. */
				atomic_store(&w->cut, true);
				shutdown(w->fd, SHUT_RDWR);
				continue;
			}
			if (deadline == 0 || now <= deadline)
				continue;
			atomic_store(&w->cut, true);
			shutdown(w->fd, SHUT_RDWR);
			if (write(STDERR_FILENO, message, sizeof(message) - 1) < 0) {
				/* Nowhere left to say it. */
			}
		}
		pthread_mutex_unlock(&dog->lock);
	}
	return NULL;
}

int watchdog_start(struct server *srv)
{
	struct watchdog *dog = &srv->watchdog;
	int err;

	dog->head = NULL;
	atomic_init(&dog->stop, false);
	err = pthread_mutex_init(&dog->lock, NULL);
	if (err != 0)
		return -err;
	err = pthread_create(&dog->thread, NULL, watch, srv);
	if (err != 0) {
		pthread_mutex_destroy(&dog->lock);
		return -err;
	}
	return 0;
}

void watchdog_stop(struct watchdog *dog)
{
	atomic_store(&dog->stop, true);
	pthread_join(dog->thread, NULL);
	pthread_mutex_destroy(&dog->lock);
}
