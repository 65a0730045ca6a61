/* SPDX-License-Identifier: MIT */
/*
 * Writing the files lerq makes (documents, letters) so that nothing is
 * lost: a regular file is replaced through a temporary file and a rename,
 * so that its readers see the old content or the new, never a part; what
 * is not a regular file (a device, a FIFO) is written into, never renamed
 * over; a symbolic link is followed, so that the link survives and its
 * target gets the new content.
 */
/* realpath() is XSI, beyond the POSIX level the project asks for. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/lerq-private.h"

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
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		data += n;
		size -= (size_t)n;
	}
	return 0;
}

enum kind { KIND_NEW, KIND_REGULAR, KIND_OTHER };

/* Where the bytes go: path itself, or the file a symbolic link at path
 * points to (*target, which the caller frees). *mode is the mode of the
 * regular file replaced. A directory is refused; a dangling link too
 * (creating its target would write where the link's maker chose). */
static int target_of(const char *path, char **target, enum kind *kind, int *mode)
{
	struct stat st;
	*kind = KIND_NEW;
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
	if (S_ISDIR(st.st_mode)) {
		free(*target);
		*target = NULL;
		errno = EISDIR;
		return LERQ_EIO;
	}
	*kind = S_ISREG(st.st_mode) ? KIND_REGULAR : KIND_OTHER;
	*mode = (int)(st.st_mode & 07777);
	return LERQ_OK;
}

/* Into a device or a FIFO: opened as it is (no O_CREAT, no O_TRUNC), so
 * that it stays what it is. *regular is set, and nothing written, if a
 * regular file took its place meanwhile. */
static int write_into(const char *path, const char *data, size_t size, bool *regular)
{
	*regular = false;
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return LERQ_EIO;
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return LERQ_EIO;
	}
	if (S_ISREG(st.st_mode)) {
		close(fd);
		*regular = true;
		return LERQ_OK;
	}
	int e = 0;
	if (write_all(fd, data, size) < 0)
		e = errno;
	if (close(fd) < 0 && e == 0)
		e = errno;
	errno = e;
	return e == 0 ? LERQ_OK : LERQ_EIO;
}

/* A regular file: a new file next to path, flushed to disk and renamed
 * over path. O_EXCL refuses to follow a link planted under the temporary
 * name. A new file gets the mode 0666 less the umask, as any new file; a
 * replaced one keeps its mode, so that a file readable by its owner alone
 * does not become readable by all when it is rewritten. */
static int replace(const char *path, const char *data, size_t size, int mode)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	if (*base == '\0') {
		errno = EISDIR;
		return LERQ_EIO;
	}
	size_t cap = strlen(path) + 32;
	char *tmp = malloc(cap);
	if (tmp == NULL)
		return LERQ_ENOMEM;
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
		errno = e;
		return LERQ_EIO;
	}
	bool failed = (mode >= 0 && fchmod(fd, (mode_t)mode) < 0) ||
	              write_all(fd, data, size) < 0 || fsync(fd) < 0;
	e = failed ? errno : 0;
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
	errno = e;
	return failed ? LERQ_EIO : LERQ_OK;
}

int lerq__write_file(const char *path, const void *data, size_t size)
{
	char *target;
	enum kind kind;
	int mode;
	int r = target_of(path, &target, &kind, &mode);
	if (r != LERQ_OK)
		return r;
	const char *where = target != NULL ? target : path;
	if (kind == KIND_OTHER) {
		bool regular;
		r = write_into(where, data, size, &regular);
		if (r != LERQ_OK || !regular) {
			int e = errno;
			free(target);
			errno = e;
			return r;
		}
		mode = -1;
	}
	r = replace(where, data, size, mode);
	int e = errno;
	free(target);
	errno = e;
	return r;
}

LERQ_EXPORT int lerq_write_file(const char *path, const void *data, size_t size)
{
	if (path == NULL || (data == NULL && size > 0))
		return LERQ_EINVAL;
	return lerq__write_file(path, data, size);
}
