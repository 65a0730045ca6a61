/* SPDX-License-Identifier: MIT */
/*
 * `lerq serve` runs the service program, lerq-serve, in place of the
 * tool: libmicrohttpd and the TLS libraries it brings (GnuTLS, p11-kit,
 * nettle, GMP...) are then loaded by the service alone, never by `lerq
 * validate` and the other commands, whose start-up costs what theirs
 * costs (issue 18). The service program is looked for next to the tool
 * (the build tree), then where meson installs it (libexecdir/lerq).
 */
#define _GNU_SOURCE /* PATH_MAX */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* DIR/lerq-serve for the directory of the running tool, or NULL. */
static char *beside_tool(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return NULL;
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	size_t size = strlen(self) + sizeof("/lerq-serve");
	char *path = malloc(size);
	if (path != NULL)
		snprintf(path, size, "%s/lerq-serve", self);
	return path;
}

int cmd_serve(int argc, char **argv)
{
	(void)argc;
	char *beside = beside_tool();
	if (beside != NULL && access(beside, X_OK) == 0)
		execv(beside, argv);
	free(beside);
	execv(LERQ_SERVE_PROGRAM, argv);
	fprintf(stderr, "lerq serve: cannot run the service program %s: %s\n",
	        LERQ_SERVE_PROGRAM, strerror(errno));
	return CLI_EXIT_TROUBLE;
}
