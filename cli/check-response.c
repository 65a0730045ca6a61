/* SPDX-License-Identifier: MIT */
/*
 * lerq check-response [--json] [--now DATETIME] [--strict] [--profile FILE]...
 *                     REQUEST RESPONSE
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
	OPT_JSON = 0x100,
	OPT_NOW,
	OPT_STRICT,
	OPT_PROFILE,
	OPT_TRUST,
	OPT_REQUIRE_SIGNATURE,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "trust", required_argument, NULL, OPT_TRUST },
	{ "require-signature", no_argument, NULL, OPT_REQUIRE_SIGNATURE },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	fputs("Usage: lerq check-response [--json] [--now DATETIME] [--strict]\n"
	      "                           [--profile FILE]... [--trust LIST [--require-signature]]\n"
	      "                           REQUEST RESPONSE\n"
	      "\n"
	      "Check a provider's response against the request it answers: each\n"
	      "document on its own, as 'lerq validate' does, then the two together\n"
	      "(LERQ-R201..R204, reported against the response): the response names\n"
	      "the request, answers every item and only those, in time.\n"
	      "Either file may be '-' for standard input.\n"
	      "\n"
	      "Options:\n"
	      "      --json          print JSON Lines, as 'lerq validate --json'\n"
	      "      --now DATETIME  the validation time, e.g. 2026-03-01T09:30:00Z\n"
	      "      --strict        count warnings as errors in the exit status\n"
	      "      --profile FILE  also apply a national profile; may be repeated\n"
	      "      --trust LIST    also verify both signatures against this trust list\n"
	      "      --require-signature  with --trust: an unsigned document is an error\n"
	      "  -h, --help          show this help and exit\n"
	      "\n"
	      "Exit status: 0 when neither document has an error, 1 when one is\n"
	      "invalid, 2 on a usage error or a file that could not be read.\n", stdout);
}

static int verdict(const struct lerq_report *report, bool strict)
{
	if (!lerq_report_is_valid(report))
		return CLI_EXIT_INVALID;
	if (strict && lerq_report_warnings(report) > 0)
		return CLI_EXIT_INVALID;
	return CLI_EXIT_OK;
}

int cmd_check_response(int argc, char **argv)
{
	struct output out = { .stream = stdout, .format = OUTPUT_TEXT, .colour = false };
	lerq_time_t now = lerq_now();
	bool strict = false;
	const char *trust = NULL;
	bool require_signature = false;
	const char **profiles = calloc((size_t)argc, sizeof(*profiles));
	size_t profile_count = 0;
	int c;

	if (profiles == NULL) {
		fprintf(stderr, "lerq: %s\n", lerq_strerror(LERQ_ENOMEM));
		return CLI_EXIT_TROUBLE;
	}
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			free(profiles);
			return CLI_EXIT_OK;
		case OPT_JSON:
			out.format = OUTPUT_JSON;
			break;
		case OPT_NOW:
			if (cli_parse_now(argv[0], optarg, &now) < 0) {
				goto usage;
			}
			break;
		case OPT_STRICT:
			strict = true;
			break;
		case OPT_TRUST:
			trust = optarg;
			break;
		case OPT_REQUIRE_SIGNATURE:
			require_signature = true;
			break;
		case OPT_PROFILE:
			profiles[profile_count++] = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (argc - optind != 2) {
		fprintf(stderr, "%s: expected REQUEST and RESPONSE\n", argv[0]);
		goto usage;
	}
	if (require_signature && trust == NULL) {
		fprintf(stderr, "%s: --require-signature needs --trust LIST\n", argv[0]);
		goto usage;
	}
	if (out.format == OUTPUT_TEXT)
		out.colour = output_colour_wanted(out.stream);

	const char *paths[2] = { argv[optind], argv[optind + 1] };
	char *data[2] = { NULL, NULL };
	size_t size[2] = { 0, 0 };
	int status = CLI_EXIT_OK;
	for (int i = 0; i < 2; i++) {
		int err = input_read_path(paths[i], &data[i], &size[i]);
		if (err < 0) {
			fprintf(stderr, "lerq: cannot read %s: %s\n",
			        strcmp(paths[i], INPUT_STDIN) == 0 ? "standard input" : paths[i],
			        strerror(-err));
			status = CLI_EXIT_TROUBLE;
		}
	}

	struct lerq_ctx *ctx = NULL;
	if (status == CLI_EXIT_OK) {
		int err = lerq_ctx_new(0, &ctx);
		if (err < 0) {
			fprintf(stderr, "lerq: cannot set up the validator: %s\n", lerq_strerror(err));
			status = CLI_EXIT_TROUBLE;
		}
	}
	for (size_t i = 0; status == CLI_EXIT_OK && i < profile_count; i++)
		status = cli_load_profile(ctx, profiles[i]);
	if (status == CLI_EXIT_OK && trust != NULL)
		status = cli_load_trust(ctx, trust, require_signature);

	if (status == CLI_EXIT_OK) {
		struct lerq_report *reports[2] = { NULL, NULL };
		int err = lerq_check_response_memory(ctx, data[0], size[0], data[1], size[1], now,
		                                     &reports[0], &reports[1]);
		if (err < 0) {
			fprintf(stderr, "lerq: cannot check %s against %s: %s\n", paths[1],
			        paths[0], lerq_strerror(err));
			status = CLI_EXIT_TROUBLE;
		}
		for (int i = 0; err == LERQ_OK && i < 2; i++) {
			output_report(&out, paths[i], reports[i]);
			int s = verdict(reports[i], strict);
			if (s > status)
				status = s;
			lerq_report_free(reports[i]);
		}
	}
	lerq_ctx_free(ctx);
	free(data[0]);
	free(data[1]);
	free(profiles);
	return status;

usage:
	free(profiles);
	fputs("Run 'lerq check-response --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
}
