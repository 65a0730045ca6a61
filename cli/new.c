/* SPDX-License-Identifier: MIT */
/*
 * lerq new [--example] TYPE
 *
 * Writes a template document to standard output. The template comes from
 * the library (lerq_doc_template()), which prints it from the same table
 * of the format that its builder checks against.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

#include "cli.h"

enum {
	OPT_EXAMPLE = 0x100,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "example", no_argument, NULL, OPT_EXAMPLE },
	{ NULL, 0, NULL, 0 },
};

static const struct {
	const char *name;
	enum lerq_doc_kind kind;
} types[] = {
	{ "disclosure", LERQ_DOC_REQUEST_DISCLOSURE },
	{ "preservation", LERQ_DOC_REQUEST_PRESERVATION },
	{ "release", LERQ_DOC_REQUEST_RELEASE },
	{ "response", LERQ_DOC_RESPONSE },
};

static void print_help(void)
{
	fputs("Usage: lerq new [--example] TYPE\n"
	      "\n"
	      "Write a template document to standard output: every required element,\n"
	      "the optional ones the type usually needs, and before each element a\n"
	      "comment saying what goes there and which guideline paragraph asks for it.\n"
	      "Emergency (for an emergency priority only) is described in a comment.\n"
	      "Fill in every empty value, delete what does not apply, then run\n"
	      "'lerq validate' on the result.\n"
	      "\n"
	      "TYPE is one of:\n"
	      "  disclosure    a request to produce data\n"
	      "  preservation  a request for expedited preservation of data\n"
	      "  release       a request that releases preserved data\n"
	      "  response      a provider's response to a request\n"
	      "\n"
	      "Options:\n"
	      "      --example  fill in made-up sample values: a document that validates\n"
	      "  -h, --help     show this help and exit\n"
	      "\n"
	      "Exit status: 0 on success, 2 on a usage error or when the output could\n"
	      "not be written.\n", stdout);
}

static int usage_error(void)
{
	fputs("Run 'lerq new --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
}

int cmd_new(int argc, char **argv)
{
	unsigned int flags = LERQ_TEMPLATE_BLANK;
	int c;

	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			return CLI_EXIT_OK;
		case OPT_EXAMPLE:
			flags = LERQ_TEMPLATE_EXAMPLE;
			break;
		default:
			return usage_error();
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "lerq new: %s\n",
		        optind >= argc ? "missing TYPE" : "too many arguments");
		return usage_error();
	}

	const char *name = argv[optind];
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcmp(types[i].name, name) != 0)
			continue;
		char *data;
		size_t size;
		int err = lerq_doc_template(types[i].kind, flags, &data, &size);
		if (err < 0) {
			fprintf(stderr, "lerq new: %s\n", lerq_strerror(err));
			return CLI_EXIT_TROUBLE;
		}
		/* A short write shows in the stream's error indicator, which
		 * main() checks when it flushes. */
		fwrite(data, 1, size, stdout);
		free(data);
		return CLI_EXIT_OK;
	}
	fprintf(stderr, "lerq new: unknown type '%s'; use disclosure, preservation, "
	        "release or response\n", name);
	return usage_error();
}
