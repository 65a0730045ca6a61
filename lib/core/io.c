/* SPDX-License-Identifier: MIT */
/* Reading the files lerq is given: documents and profiles. */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/lerq-private.h"

int lerq__read_file(const char *path, size_t limit, char **data, size_t *size)
{
	return lerq__read_file_sized(path, limit, data, size, NULL, NULL);
}

/* Reads at most limit + 1 bytes: enough to know the input is too large
 * without holding all of it. A regular file known to be larger is not
 * read at all. */
int lerq__read_file_sized(const char *path, size_t limit, char **data, size_t *size,
                         size_t *whole, bool *exact)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return LERQ_EIO;
	struct stat st;
	bool regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0;
	if (whole != NULL && regular && (uintmax_t)st.st_size > limit) {
		fclose(f);
		*data = NULL;
		*size = 0;
		*whole = (size_t)st.st_size;
		*exact = true;
		return LERQ_OK;
	}
	if (whole != NULL) {
		*whole = 0;
		*exact = regular;
	}
	/* A regular file's size is known: one buffer of that size (plus the
	 * byte that tells a file grown meanwhile), not doublings that copy. */
	size_t cap = regular && (uintmax_t)st.st_size <= limit ? (size_t)st.st_size + 1 : 65536;
	if (cap < 4096)
		cap = 4096;
	size_t len = 0;
	char *buf = malloc(cap);
	if (buf == NULL) {
		fclose(f);
		return LERQ_ENOMEM;
	}
	for (;;) {
		if (len == cap) {
			if (len > limit)
				break;
			size_t ncap = cap * 2;
			char *p = realloc(buf, ncap);
			if (p == NULL) {
				free(buf);
				fclose(f);
				return LERQ_ENOMEM;
			}
			buf = p;
			cap = ncap;
		}
		size_t want = cap - len;
		if (len + want > limit + 1)
			want = limit + 1 - len;
		if (want == 0)
			break;
		size_t n = fread(buf + len, 1, want, f);
		len += n;
		if (n < want) {
			if (ferror(f)) {
				int e = errno;
				free(buf);
				fclose(f);
				errno = e ? e : EIO;
				return LERQ_EIO;
			}
			break;
		}
	}
	fclose(f);
	/* Always NUL-terminated, one byte beyond size: callers that look
	 * for text in PEM files (sign/) rely on it. */
	if (len == cap) {
		char *p = realloc(buf, cap + 1);
		if (p == NULL) {
			free(buf);
			return LERQ_ENOMEM;
		}
		buf = p;
	}
	buf[len] = '\0';
	*data = buf;
	*size = len;
	if (whole != NULL)
		*whole = len; /* beyond limit: at least that much (a pipe, say) */
	return LERQ_OK;
}
