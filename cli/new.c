/* SPDX-License-Identifier: MIT */
/*
 * lerq new [--example] TYPE
 * lerq new [--example] [--now DATETIME] response --for REQUEST
 *
 * Writes a template document to standard output. The template comes from
 * the library (lerq_doc_template(), lerq_doc_response_template()), which
 * prints it from the same table of the format that its builder checks
 * against. With --for, the response is started from a received request
 * (spec section 7), which must be valid.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

#include "cli.h"
#include "inputs.h"
#include "output.h"

enum {
	OPT_EXAMPLE = 0x100,
	OPT_FOR,
	OPT_NOW,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "example", no_argument, NULL, OPT_EXAMPLE },
	{ "for", required_argument, NULL, OPT_FOR },
	{ "now", required_argument, NULL, OPT_NOW },
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
	      "       lerq new [--example] [--now DATETIME] response --for REQUEST\n"
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
	      "With --for, the response answers the request in the file REQUEST\n"
	      "('-' for standard input): InResponseTo is its RegistrationNumber, the\n"
	      "language and provider name are the request's, and there is one Result\n"
	      "per requested Item with its item set and its outcome to be chosen.\n"
	      "An invalid REQUEST is refused with its findings.\n"
	      "\n"
	      "Options:\n"
	      "      --example       fill in made-up sample values: a document that\n"
	      "                      validates\n"
	      "      --for REQUEST   start the response from this request (TYPE response)\n"
	      "      --now DATETIME  validate REQUEST as of this time (with its zone)\n"
	      "  -h, --help          show this help and exit\n"
	      "\n"
	      "Exit status: 0 on success, 1 when REQUEST is invalid or is a release\n"
	      "(which asks for no data), 2 on a usage error, a REQUEST that could not\n"
	      "be read or an output that could not be written.\n", stdout);
}

static int usage_error(void)
{
	fputs("Run 'lerq new --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
}

static int new_response_for(const char *path, unsigned int flags, lerq_time_t now)
{
	char *input = NULL;
	size_t input_size = 0;
	int err = input_read_path(path, &input, &input_size);
	if (err < 0) {
		fprintf(stderr, "lerq new: cannot read %s: %s\n", path, strerror(-err));
		return CLI_EXIT_TROUBLE;
	}
	struct lerq_ctx *ctx = NULL;
	struct lerq_doc *request = NULL;
	struct lerq_report *report = NULL;
	int status = CLI_EXIT_TROUBLE;
	err = lerq_ctx_new(0, &ctx);
	if (err == LERQ_OK)
		err = lerq_doc_parse_memory(ctx, input, input_size, now, LERQ_PARSE_DEFAULT,
		                            &request, &report);
	free(input);
	if (err == LERQ_EDOCUMENT) {
		const struct output out = { .stream = stderr, .format = OUTPUT_TEXT,
		                            .colour = output_colour_wanted(stderr) };
		output_report(&out, path, report);
		fprintf(stderr, "lerq new: %s is not a valid request; no response made\n", path);
		status = CLI_EXIT_INVALID;
	} else if (err < 0) {
		fprintf(stderr, "lerq new: %s: %s\n", path, lerq_strerror(err));
	} else if (lerq_doc_kind(request) == LERQ_DOC_RESPONSE ||
	           lerq_doc_kind(request) == LERQ_DOC_REQUEST_RELEASE) {
		fprintf(stderr, "lerq new: %s is %s; only a disclosure or preservation "
		        "request has Items to answer\n", path,
		        lerq_doc_kind(request) == LERQ_DOC_RESPONSE ? "a response"
		                                                   : "a release request");
		status = CLI_EXIT_INVALID;
	} else {
		char *data;
		size_t size;
		err = lerq_doc_response_template(request, flags, &data, &size);
		if (err < 0) {
			fprintf(stderr, "lerq new: %s\n", lerq_strerror(err));
		} else {
			fwrite(data, 1, size, stdout);
			free(data);
			status = CLI_EXIT_OK;
		}
	}
	lerq_report_free(report);
	lerq_doc_free(request);
	lerq_ctx_free(ctx);
	return status;
}

int cmd_new(int argc, char **argv)
{
	unsigned int flags = LERQ_TEMPLATE_BLANK;
	const char *request = NULL;
	lerq_time_t now = LERQ_NOW_CLOCK;
	int c;

	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			return CLI_EXIT_OK;
		case OPT_EXAMPLE:
			flags = LERQ_TEMPLATE_EXAMPLE;
			break;
		case OPT_FOR:
			request = optarg;
			break;
		case OPT_NOW:
			if (cli_parse_now("lerq new", optarg, &now) < 0)
				return usage_error();
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
	if (request != NULL) {
		if (strcmp(name, "response") != 0) {
			fprintf(stderr, "lerq new: --for makes a response; TYPE must be response\n");
			return usage_error();
		}
		return new_response_for(request, flags, now);
	}
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
