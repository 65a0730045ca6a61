/* SPDX-License-Identifier: MIT */
/* lerq-serve: the service program `lerq serve` runs (serve/exec.c). Run
 * directly, it is `lerq serve` under another name. */
#include <string.h>

#include "cli.h"

int main(int argc, char **argv)
{
	/* Messages say "lerq serve", whoever started the program. */
	static char name[] = "lerq serve";
	if (argc > 0 && strcmp(argv[0], name) != 0)
		argv[0] = name;
	return serve_main(argc, argv);
}
