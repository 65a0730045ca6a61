/* SPDX-License-Identifier: MIT */
/* Return codes in words, and the version. */
#include "core/lerq-private.h"

LERQ_EXPORT const char *lerq_strerror(int status)
{
	switch (status) {
	case LERQ_OK:
		return "success";
	case LERQ_ENOMEM:
		return "out of memory";
	case LERQ_EINVAL:
		return "invalid argument";
	case LERQ_EIO:
		return "input/output error";
	case LERQ_EINTERNAL:
		return "internal error: a validator could not run";
	case LERQ_EDOCUMENT:
		return "the document is invalid";
	case LERQ_ENOTSUP:
		return "not supported by this build of lerq";
	default:
		return "unknown error";
	}
}

LERQ_EXPORT const char *lerq_version(void)
{
	return LERQ_VERSION;
}
