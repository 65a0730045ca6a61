/* SPDX-License-Identifier: MIT */
/* Option values shared by several subcommands. */
#include <stdio.h>

#include <lerq/lerq.h>

#include "cli.h"

int cli_parse_now(const char *cmd, const char *arg, lerq_time_t *now)
{
	if (lerq_time_parse(arg, now) == LERQ_OK)
		return 0;
	fprintf(stderr, "%s: invalid --now value '%s': expected a date and time\n"
	        "with a time zone, such as 2026-03-01T09:30:00Z\n", cmd, arg);
	return -1;
}
