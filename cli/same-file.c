/* SPDX-License-Identifier: MIT */
/*
 * Refusing an output that is one of the inputs: `lerq render -o req.xml
 * req.xml` would replace the received request with its letter.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "inputs.h"

int cli_output_check_distinct(const char *cmd, const char *output,
                              const char *const *inputs, size_t count)
{
	struct stat out, in;

	/* No output file, or one that does not exist yet: nothing to lose.
	 * stat() follows a symbolic link, as writing does. */
	if (output == NULL || strcmp(output, "-") == 0 || stat(output, &out) != 0)
		return CLI_EXIT_OK;
	for (size_t i = 0; i < count; i++) {
		const char *name = inputs[i];
		int r;

		if (name == NULL)
			continue;
		/* Standard input counts when it is a file (`< req.xml`). */
		if (strcmp(name, INPUT_STDIN) == 0)
			r = fstat(STDIN_FILENO, &in) == 0 && S_ISREG(in.st_mode) ? 0 : -1;
		else
			r = stat(name, &in);
		if (r == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
			fprintf(stderr, "%s: the output %s is the input %s: refusing to "
			        "overwrite it\n", cmd, output,
			        strcmp(name, INPUT_STDIN) == 0 ? "(standard input)" : name);
			return CLI_EXIT_TROUBLE;
		}
	}
	return CLI_EXIT_OK;
}
