/* SPDX-License-Identifier: MIT */
/*
 * lerq validate [--json] [--now DATETIME] [--strict] [-j N] [--trust LIST
 *               [--require-signature]] PATH...
 * lerq verify --trust LIST [--require-signature] [--json] [--now DATETIME] [-j N] PATH...
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lerq/lerq.h>

#include "cli.h"
#include "inputs.h"
#include "jobs.h"
#include "output.h"

/* Long options without a short form. */
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
	{ "jobs", required_argument, NULL, 'j' },
	{ NULL, 0, NULL, 0 },
};

struct validation {
	const struct lerq_ctx *ctx;
	lerq_time_t now;
	bool strict;
	struct output out;
	unsigned threads;
	struct input_list inputs;
};

static void print_verify_help(void)
{
	fputs("Usage: lerq verify --trust LIST [--require-signature] [--json] [--now DATETIME]\n"
	      "                   [--strict] [--profile FILE]... PATH...\n"
	      "\n"
	      "Validate lerq requests and responses as 'lerq validate' does, and verify\n"
	      "each one's XML signature against your own trust list: findings\n"
	      "LERQ-V001..V007 join the rules' findings, in the same text or JSON Lines.\n"
	      "\n"
	      "Options:\n"
	      "      --trust LIST          the trust list (urn:lerq:trust:1) to verify\n"
	      "                            against; an unreadable or invalid list: exit 2\n"
	      "      --require-signature   an unsigned document is an error (LERQ-V007)\n"
	      "      --json, --now, --strict, --profile   as for 'lerq validate'\n"
	      "  -h, --help                show this help and exit\n"
	      "\n"
	      "Exit status: 0 when no input has an error, 1 when an input is invalid,\n"
	      "was refused or its signature did not verify, 2 on a usage error, an\n"
	      "unreadable input or trust list.\n", stdout);
}

static void print_help(void)
{
	fputs("Usage: lerq validate [--json] [--now DATETIME] [--strict] [--profile FILE]...\n"
	      "                     [-j N] [--trust LIST [--require-signature]] PATH...\n"
	      "\n"
	      "Check lerq requests and responses: safe parsing, the schema, then the\n"
	      "rules drawn from the Council of Europe guidelines and the Convention on\n"
	      "Cybercrime. Prints one line per finding:\n"
	      "  FILE:LINE:COL: SEVERITY: [CODE] MESSAGE (REF)\n"
	      "\n"
	      "Each PATH is a file, '-' for standard input, or a directory, whose *.xml\n"
	      "files are checked recursively, in sorted order.\n"
	      "\n"
	      "Options:\n"
	      "      --json          print JSON Lines: one object per finding, then one\n"
	      "                      summary object per input\n"
	      "      --now DATETIME  the validation time for rules that compare with the\n"
	      "                      present, e.g. 2026-03-01T09:30:00Z (default: now)\n"
	      "      --strict        count warnings as errors in the exit status\n"
	      "      --profile FILE  also apply a national profile (ISO Schematron\n"
	      "                      subset); may be given more than once\n"
	      "      --trust LIST    also verify signatures against this trust list\n"
	      "                      (findings LERQ-V001..V007; see 'lerq verify')\n"
	      "      --require-signature  with --trust: an unsigned document is an error\n"
	      "  -j, --jobs N        validate on N threads (default: one per processor);\n"
	      "                      the output is the same, in the same order, as with 1\n"
	      "  -h, --help          show this help and exit\n"
	      "\n"
	      "Exit status: 0 when no input has an error, 1 when an input is invalid\n"
	      "or was refused, 2 on a usage error or when an input could not be read\n"
	      "or the output not written.\n", stdout);
}

static int usage_error(const char *cmd)
{
	fprintf(stderr, "Run '%s --help' for usage.\n", cmd);
	return CLI_EXIT_TROUBLE;
}

/*
 * Reads all of standard input and validates it. Only the default size
 * limit is in force, and one byte more than it is enough for the library
 * to refuse oversized input (LERQ-P003) without our reading all of it.
 * @return as lerq_validate_file().
 */
static int validate_stdin(const struct validation *v, struct lerq_report **report)
{
	char *data;
	size_t size;
	int err;

	/* Through the library's file reader where the system names standard
	 * input: a file too large is then refused by its own size, and a
	 * pipe as "more than" the limit, never by the bytes read. */
	if (access(STDIN_PATH, R_OK) == 0)
		return lerq_validate_file(v->ctx, STDIN_PATH, v->now, report);

	err = input_read_stream(stdin, LERQ_DEFAULT_MAX_SIZE + 1, &data, &size);
	if (err == -ENOMEM)
		return LERQ_ENOMEM;
	if (err < 0) {
		errno = -err;
		return LERQ_EIO;
	}

	err = lerq_validate_memory(v->ctx, data, size, v->now, report);
	free(data);
	return err;
}

/* @return the enum cli_exit value for this input. Findings go to out,
 * messages to err. */
static int validate_input(const struct validation *v, const struct input *in, FILE *out,
                          FILE *err_stream)
{
	bool is_stdin = strcmp(in->path, INPUT_STDIN) == 0;
	const char *name = is_stdin ? "standard input" : in->path;
	struct lerq_report *report = NULL;
	int status, err;

	if (in->error != 0) {
		fprintf(err_stream, "lerq: cannot read %s: %s\n", name, strerror(in->error));
		return CLI_EXIT_TROUBLE;
	}

	if (is_stdin)
		err = validate_stdin(v, &report);
	else
		err = lerq_validate_file(v->ctx, in->path, v->now, &report);

	if (err == LERQ_EIO) {
		fprintf(err_stream, "lerq: cannot read %s: %s\n", name, strerror(errno));
		return CLI_EXIT_TROUBLE;
	}
	if (err < 0) {
		/* No verdict: never count this as valid, nor as invalid. */
		fprintf(err_stream, "lerq: cannot validate %s: %s\n", name, lerq_strerror(err));
		return CLI_EXIT_TROUBLE;
	}

	struct output o = v->out;
	o.stream = out;
	output_report(&o, in->path, report);

	if (!lerq_report_is_valid(report))
		status = CLI_EXIT_INVALID;
	else if (v->strict && lerq_report_warnings(report) > 0)
		status = CLI_EXIT_INVALID;
	else
		status = CLI_EXIT_OK;

	lerq_report_free(report);
	return status;
}

/* A profile that does not compile is a usage error: its problems go to
 * standard error in the findings' own format, and nothing is validated. */
int cli_load_profile(struct lerq_ctx *ctx, const char *path)
{
	struct lerq_report *problems = NULL;
	int err = lerq_ctx_load_profile(ctx, path, &problems);

	if (err == LERQ_OK)
		return CLI_EXIT_OK;
	if (err == LERQ_EIO) {
		fprintf(stderr, "lerq: cannot read profile %s: %s\n", path, strerror(errno));
	} else if (problems != NULL) {
		const struct output out = { .stream = stderr, .format = OUTPUT_TEXT,
		                            .colour = output_colour_wanted(stderr) };
		output_report(&out, path, problems);
		fprintf(stderr, "lerq: profile %s refused\n", path);
	} else {
		fprintf(stderr, "lerq: cannot load profile %s: %s\n", path, lerq_strerror(err));
	}
	lerq_report_free(problems);
	return CLI_EXIT_TROUBLE;
}

/* A trust list that cannot be read or is invalid is refused whole, and
 * is a usage error (format section 6): exit 2. */
int cli_load_trust(struct lerq_ctx *ctx, const char *path, bool require_signature)
{
	struct lerq_report *problems = NULL;
	struct lerq_trust *trust = NULL;
	int err = lerq_trust_load(ctx, path, &trust, &problems);

	if (err == LERQ_OK) {
		err = lerq_ctx_set_trust(ctx, trust, require_signature
		                                             ? LERQ_VERIFY_REQUIRE_SIGNATURE : 0);
		if (err == LERQ_OK)
			return CLI_EXIT_OK;
		fprintf(stderr, "lerq: cannot use trust list %s: %s\n", path, lerq_strerror(err));
	} else if (err == LERQ_EIO) {
		fprintf(stderr, "lerq: cannot read trust list %s: %s\n", path, strerror(errno));
	} else if (problems != NULL) {
		const struct output out = { .stream = stderr, .format = OUTPUT_TEXT,
		                            .colour = output_colour_wanted(stderr) };
		output_report(&out, path, problems);
		fprintf(stderr, "lerq: trust list %s refused\n", path);
	} else {
		fprintf(stderr, "lerq: cannot load trust list %s: %s\n", path, lerq_strerror(err));
	}
	lerq_report_free(problems);
	return CLI_EXIT_TROUBLE;
}

static int validate_job(void *data, size_t index, FILE *out, FILE *err)
{
	const struct validation *v = data;
	return validate_input(v, &v->inputs.items[index], out, err);
}

/* Validates the inputs of the PATH arguments, in order, on v->threads
 * threads sharing the one context. */
static int validate_paths(struct validation *v, int count, char **paths)
{
	int status = CLI_EXIT_OK;
	for (int i = 0; i < count; i++) {
		if (input_list_add(&v->inputs, paths[i]) < 0) {
			fprintf(stderr, "lerq: %s\n", lerq_strerror(LERQ_ENOMEM));
			status = CLI_EXIT_TROUBLE;
			break;
		}
	}
	if (status == CLI_EXIT_OK)
		status = jobs_run(validate_job, v, v->inputs.count, v->threads, stdout, stderr);
	input_list_clear(&v->inputs);
	return status;
}

/* -j N: 1 to 1024 threads. */
static bool parse_threads(const char *cmd, const char *arg, unsigned *threads)
{
	char *end;
	errno = 0;
	long n = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || n < 1 || n > 1024) {
		fprintf(stderr, "%s: -j wants a number of threads from 1 to 1024, not '%s'\n",
		        cmd, arg);
		return false;
	}
	*threads = (unsigned)n;
	return true;
}

static int run(int argc, char **argv, bool verify)
{
	const char *trust = NULL;
	bool require_signature = false;
	struct validation v = {
		.ctx = NULL,
		.now = lerq_now(),
		.strict = false,
		.out = { .stream = stdout, .format = OUTPUT_TEXT, .colour = false },
		.threads = jobs_default_threads(),
	};
	struct lerq_ctx *ctx;
	int c, err, status;
	char **profiles = calloc((size_t)argc, sizeof(*profiles));
	size_t profile_count = 0;

	if (profiles == NULL) {
		fprintf(stderr, "lerq: %s\n", lerq_strerror(LERQ_ENOMEM));
		return CLI_EXIT_TROUBLE;
	}

	while ((c = getopt_long(argc, argv, "hj:", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			if (verify)
				print_verify_help();
			else
				print_help();
			free(profiles);
			return CLI_EXIT_OK;
		case OPT_JSON:
			v.out.format = OUTPUT_JSON;
			break;
		case OPT_NOW:
			if (cli_parse_now(argv[0], optarg, &v.now) < 0) {
				free(profiles);
				return usage_error(argv[0]);
			}
			break;
		case OPT_STRICT:
			v.strict = true;
			break;
		case OPT_PROFILE:
			profiles[profile_count++] = optarg;
			break;
		case OPT_TRUST:
			trust = optarg;
			break;
		case OPT_REQUIRE_SIGNATURE:
			require_signature = true;
			break;
		case 'j':
			if (!parse_threads(argv[0], optarg, &v.threads)) {
				free(profiles);
				return usage_error(argv[0]);
			}
			break;
		default:
			/* getopt_long() has said what was wrong. */
			free(profiles);
			return usage_error(argv[0]);
		}
	}

	if (optind >= argc) {
		fprintf(stderr, "%s: missing PATH\n", argv[0]);
		free(profiles);
		return usage_error(argv[0]);
	}
	if (trust == NULL && (verify || require_signature)) {
		fprintf(stderr, "%s: %s needs --trust LIST\n", argv[0],
		        verify ? "verifying" : "--require-signature");
		free(profiles);
		return usage_error(argv[0]);
	}

	if (v.out.format == OUTPUT_TEXT)
		v.out.colour = output_colour_wanted(v.out.stream);

	/* One context for the whole run: compiling the schema is costly. */
	err = lerq_ctx_new(0, &ctx);
	if (err < 0) {
		fprintf(stderr, "lerq: cannot set up the validator: %s\n", lerq_strerror(err));
		free(profiles);
		return CLI_EXIT_TROUBLE;
	}
	v.ctx = ctx;

	status = CLI_EXIT_OK;
	for (size_t i = 0; i < profile_count && status == CLI_EXIT_OK; i++)
		status = cli_load_profile(ctx, profiles[i]);
	if (status == CLI_EXIT_OK && trust != NULL)
		status = cli_load_trust(ctx, trust, require_signature);
	free(profiles);
	if (status == CLI_EXIT_OK)
		status = validate_paths(&v, argc - optind, argv + optind);

	lerq_ctx_free(ctx);
	return status;
}

int cmd_validate(int argc, char **argv)
{
	return run(argc, argv, false);
}

int cmd_verify(int argc, char **argv)
{
	return run(argc, argv, true);
}
