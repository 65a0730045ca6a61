/* SPDX-License-Identifier: MIT */
/*
 * lerq render [--to html|text|pdf] [--paper a4|letter] [--letterhead FILE]
 *             [--now DATETIME] [--profile FILE]... [--request REQUEST] [-o OUT] FILE
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
	OPT_TO = 0x100,
	OPT_LETTERHEAD,
	OPT_NOW,
	OPT_PROFILE,
	OPT_TRUST,
	OPT_REQUIRE_SIGNATURE,
	OPT_PAPER,
	OPT_REQUEST,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "to", required_argument, NULL, OPT_TO },
	{ "letterhead", required_argument, NULL, OPT_LETTERHEAD },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "trust", required_argument, NULL, OPT_TRUST },
	{ "require-signature", no_argument, NULL, OPT_REQUIRE_SIGNATURE },
	{ "paper", required_argument, NULL, OPT_PAPER },
	{ "request", required_argument, NULL, OPT_REQUEST },
	{ "output", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	fputs("Usage: lerq render [--to html|text|pdf] [--paper a4|letter] [--letterhead FILE]\n"
	      "                   [--now DATETIME] [--profile FILE]... [--trust LIST\n"
	      "                   [--require-signature]] [--request REQUEST] [-o OUT] FILE\n"
	      "\n"
	      "Render a valid request or response as a letter: HTML on the agency's\n"
	      "letterhead (one self-contained file, print-ready on A4), plain text\n"
	      "wrapped at 72 columns, or PDF. The letter is in the document's language\n"
	      "(xml:lang: en, fr, de or es; others fall back to English with a\n"
	      "warning). FILE may be '-' for standard input.\n"
	      "\n"
	      "The document is validated first, as 'lerq validate' does; its findings\n"
	      "are printed on standard error, and an invalid document gets no letter.\n"
	      "\n"
	      "Options:\n"
	      "      --to FORMAT        html (the default), text, or pdf\n"
	      "      --paper SIZE       paper of a PDF letter: a4 (the default) or letter\n"
	      "      --letterhead FILE  the agency's letterhead: a stylesheet that imports\n"
	      "                         res:///letter.xsl (see letterhead.md in lerq's\n"
	      "                         documentation, share/doc/lerq)\n"
	      "      --now DATETIME     the validation time, e.g. 2026-03-01T09:30:00Z\n"
	      "      --profile FILE     also apply a national profile; may be repeated\n"
	      "      --trust LIST       verify the signature against this trust list; the\n"
	      "                         letter then says whether it is verified, by whom,\n"
	      "                         and the list's number to call back\n"
	      "      --require-signature  with --trust: refuse an unsigned document\n"
	      "      --request REQUEST  FILE is a response to REQUEST: its letter shows, for\n"
	      "                         each result, what was asked for, and is addressed\n"
	      "                         to the requesting authority\n"
	      "  -o, --output OUT       write the letter to OUT (default: standard output):\n"
	      "                         a file is replaced through a temporary file and a\n"
	      "                         rename, a symbolic link is followed, a device or\n"
	      "                         FIFO is written into; OUT may not be an input\n"
	      "  -h, --help             show this help and exit\n"
	      "\n"
	      "Exit status: 0 when the letter was written, 1 when the document is\n"
	      "invalid, 2 on a usage error, a file that could not be read or written,\n"
	      "a letterhead that was refused, or a format this build does not have.\n", stdout);
}

static int usage_error(void)
{
	fputs("Run 'lerq render --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
}

static bool parse_format(const char *name, enum lerq_format *format)
{
	if (strcmp(name, "html") == 0)
		*format = LERQ_FORMAT_HTML;
	else if (strcmp(name, "text") == 0)
		*format = LERQ_FORMAT_TEXT;
	else if (strcmp(name, "pdf") == 0)
		*format = LERQ_FORMAT_PDF;
	else
		return false;
	return true;
}

static void print_findings(const char *file, const struct lerq_report *report)
{
	const struct output out = { .stream = stderr, .format = OUTPUT_TEXT,
	                            .colour = output_colour_wanted(stderr) };
	if (report != NULL)
		output_report(&out, file, report);
}

static int set_letterhead(struct lerq_renderer *renderer, const char *path)
{
	struct lerq_report *problems = NULL;
	int err = lerq_renderer_set_letterhead(renderer, path, &problems);

	if (err == LERQ_OK)
		return CLI_EXIT_OK;
	if (err == LERQ_EIO) {
		fprintf(stderr, "lerq: cannot read letterhead %s: %s\n", path, strerror(errno));
	} else if (problems != NULL) {
		print_findings(path, problems);
		fprintf(stderr, "lerq: letterhead %s refused\n", path);
	} else {
		fprintf(stderr, "lerq: cannot use letterhead %s: %s\n", path, lerq_strerror(err));
	}
	lerq_report_free(problems);
	return CLI_EXIT_TROUBLE;
}

/* Reads FILE, or standard input for "-", one byte past the default size
 * limit at most, so that the library can refuse oversized input. */
static int read_input(const char *path, char **data, size_t *size)
{
	bool is_stdin = strcmp(path, INPUT_STDIN) == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (f == NULL)
		return -errno;
	int err = input_read_stream(f, LERQ_DEFAULT_MAX_SIZE + 1, data, size);
	if (!is_stdin)
		fclose(f);
	return err;
}

struct job {
	const struct lerq_ctx *ctx;
	const struct lerq_renderer *renderer;
	enum lerq_format format;
	lerq_time_t now;
	const char *input;
	const char *request; /* NULL: none */
	const char *output;  /* NULL: standard output */
};

/* Reads and validates the request a response answers, printing its
 * findings; CLI_EXIT_OK when it is valid. */
static int read_request(const struct job *job, char **data, size_t *size)
{
	int err = read_input(job->request, data, size);
	if (err < 0) {
		fprintf(stderr, "lerq: cannot read %s: %s\n", job->request, strerror(-err));
		return CLI_EXIT_TROUBLE;
	}
	struct lerq_report *report = NULL;
	err = lerq_validate_memory(job->ctx, *data, *size, job->now,
	                           &report);
	print_findings(job->request, report);
	bool valid = err == LERQ_OK && lerq_report_is_valid(report);
	lerq_report_free(report);
	if (!valid) {
		fprintf(stderr, "lerq: %s is invalid: no letter written\n", job->request);
		free(*data);
		*data = NULL;
		return CLI_EXIT_INVALID;
	}
	return CLI_EXIT_OK;
}

static int render(const struct job *job)
{
	struct lerq_report *report = NULL;
	char *data = NULL, *letter = NULL;
	size_t size = 0, letter_size = 0;
	int err;

	err = read_input(job->input, &data, &size);
	if (err < 0) {
		fprintf(stderr, "lerq: cannot read %s: %s\n",
		        strcmp(job->input, INPUT_STDIN) == 0 ? "standard input" : job->input,
		        strerror(-err));
		return CLI_EXIT_TROUBLE;
	}

	char *request = NULL;
	size_t request_size = 0;
	if (job->request != NULL) {
		int status = read_request(job, &request, &request_size);
		if (status != CLI_EXIT_OK) {
			free(data);
			return status;
		}
	}

	if (job->output != NULL && request != NULL)
		err = lerq_render_response_to_file(job->renderer, data, size, request,
		                                   request_size, job->format, job->now,
		                                   job->output, &report);
	else if (job->output != NULL)
		err = lerq_render_to_file(job->renderer, data, size, job->format, job->now,
		                          job->output, &report);
	else if (request != NULL)
		err = lerq_render_response_memory(job->renderer, data, size, request,
		                                  request_size, job->format, job->now, &letter,
		                                  &letter_size, &report);
	else
		err = lerq_render_memory(job->renderer, data, size, job->format, job->now,
		                         &letter, &letter_size, &report);
	int saved_errno = errno;
	free(data);
	free(request);

	/* Findings go to standard error: standard output is the letter's. */
	print_findings(job->input, report);
	/* With --trust, a signature that did not verify is an error yet the
	 * letter is written: saying so is what it is for. */
	bool signature_failed = err == LERQ_OK && report != NULL && !lerq_report_is_valid(report);
	size_t errors = lerq_report_errors(report);
	lerq_report_free(report);

	int status = CLI_EXIT_OK;
	switch (err) {
	case LERQ_OK:
		if (letter != NULL)
			fwrite(letter, 1, letter_size, stdout);
		if (signature_failed) {
			fprintf(stderr, "lerq: %s: the signature is not verified; the letter says "
			        "so\n", job->input);
			status = CLI_EXIT_INVALID;
		}
		break;
	case LERQ_EDOCUMENT:
		fprintf(stderr, "lerq: %s is invalid: no letter written\n", job->input);
		status = CLI_EXIT_INVALID;
		break;
	case LERQ_ENOTSUP:
		/* Or, rarely, a system with no font at all. */
		fputs("lerq render: this build of lerq has no PDF support (or no font is "
		      "installed); use --to html or --to text\n", stderr);
		status = CLI_EXIT_TROUBLE;
		break;
	case LERQ_EINVAL:
		/* Arguments are checked here: only a letterhead that failed
		 * while rendering, or a request that is not the one answered,
		 * comes back as this. */
		if (job->request != NULL && errors == 0)
			fprintf(stderr, "lerq: %s is not a response to %s (its InResponseTo is "
			                "not the request's RegistrationNumber): no letter written\n",
			        job->input, job->request);
		else
			fprintf(stderr, "lerq: the letterhead failed: no letter written\n");
		status = CLI_EXIT_TROUBLE;
		break;
	case LERQ_EIO:
		fprintf(stderr, "lerq: cannot write %s: %s\n", job->output ? job->output : "",
		        strerror(saved_errno));
		status = CLI_EXIT_TROUBLE;
		break;
	default:
		fprintf(stderr, "lerq: cannot render %s: %s\n", job->input, lerq_strerror(err));
		status = CLI_EXIT_TROUBLE;
		break;
	}
	free(letter);
	return status;
}

int cmd_render(int argc, char **argv)
{
	struct job job = {
		.format = LERQ_FORMAT_HTML,
		.now = lerq_now(),
	};
	const char *letterhead = NULL;
	enum lerq_paper paper = LERQ_PAPER_A4;
	const char *trust = NULL;
	bool require_signature = false;
	const char **profiles = NULL;
	size_t profile_count = 0;
	struct lerq_ctx *ctx = NULL;
	struct lerq_renderer *renderer = NULL;
	int c, err, status = CLI_EXIT_OK;

	while ((c = getopt_long(argc, argv, "ho:", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			free(profiles);
			return CLI_EXIT_OK;
		case OPT_TO:
			if (!parse_format(optarg, &job.format)) {
				fprintf(stderr, "%s: unknown format '%s': expected html, text or pdf\n",
				        argv[0], optarg);
				free(profiles);
				return usage_error();
			}
			break;
		case OPT_LETTERHEAD:
			letterhead = optarg;
			break;
		case OPT_REQUEST:
			job.request = optarg;
			break;
		case OPT_PAPER:
			if (strcmp(optarg, "a4") == 0 || strcmp(optarg, "A4") == 0) {
				paper = LERQ_PAPER_A4;
			} else if (strcmp(optarg, "letter") == 0) {
				paper = LERQ_PAPER_LETTER;
			} else {
				fprintf(stderr, "%s: unknown paper '%s': expected a4 or letter\n",
				        argv[0], optarg);
				free(profiles);
				return usage_error();
			}
			break;
		case OPT_NOW:
			if (cli_parse_now(argv[0], optarg, &job.now) < 0) {
				free(profiles);
				return usage_error();
			}
			break;
		case OPT_TRUST:
			trust = optarg;
			break;
		case OPT_REQUIRE_SIGNATURE:
			require_signature = true;
			break;
		case OPT_PROFILE: {
			const char **p = realloc(profiles, (profile_count + 1) * sizeof(*p));
			if (p == NULL) {
				free(profiles);
				fprintf(stderr, "lerq: %s\n", lerq_strerror(LERQ_ENOMEM));
				return CLI_EXIT_TROUBLE;
			}
			profiles = p;
			profiles[profile_count++] = optarg;
			break;
		}
		case 'o':
			/* "-o -" is standard output, like no -o at all. */
			job.output = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		default:
			/* getopt_long() has said what was wrong. */
			free(profiles);
			return usage_error();
		}
	}

	if (optind >= argc) {
		fprintf(stderr, "%s: missing FILE\n", argv[0]);
		free(profiles);
		return usage_error();
	}
	if (argc - optind > 1) {
		fprintf(stderr, "%s: one FILE at a time\n", argv[0]);
		free(profiles);
		return usage_error();
	}
	if (require_signature && trust == NULL) {
		fprintf(stderr, "%s: --require-signature needs --trust LIST\n", argv[0]);
		free(profiles);
		return usage_error();
	}
	job.input = argv[optind];

	/* Everything read: the document, the letterhead, the profiles. */
	const char **reads = calloc(profile_count + 2, sizeof(*reads));
	if (reads == NULL) {
		free(profiles);
		fprintf(stderr, "lerq: %s\n", lerq_strerror(LERQ_ENOMEM));
		return CLI_EXIT_TROUBLE;
	}
	reads[0] = job.input;
	reads[1] = letterhead;
	for (size_t i = 0; i < profile_count; i++)
		reads[i + 2] = profiles[i];
	status = cli_output_check_distinct(argv[0], job.output, reads, profile_count + 2);
	free(reads);
	if (status != CLI_EXIT_OK) {
		free(profiles);
		return status;
	}

	err = lerq_ctx_new(0, &ctx);
	if (err == LERQ_OK)
		err = lerq_renderer_new(ctx, &renderer);
	if (err == LERQ_OK)
		err = lerq_renderer_set_paper(renderer, paper);
	if (err < 0) {
		fprintf(stderr, "lerq: cannot set up the renderer: %s\n", lerq_strerror(err));
		status = CLI_EXIT_TROUBLE;
	}
	for (size_t i = 0; status == CLI_EXIT_OK && i < profile_count; i++)
		status = cli_load_profile(ctx, profiles[i]);
	if (status == CLI_EXIT_OK && trust != NULL)
		status = cli_load_trust(ctx, trust, require_signature);
	if (status == CLI_EXIT_OK && letterhead != NULL)
		status = set_letterhead(renderer, letterhead);
	if (status == CLI_EXIT_OK) {
		job.ctx = ctx;
		job.renderer = renderer;
		status = render(&job);
	}

	free(profiles);
	lerq_renderer_free(renderer);
	lerq_ctx_free(ctx);
	return status;
}
