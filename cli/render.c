/* SPDX-License-Identifier: MIT */
/*
 * lerq render [--to html|text|pdf[,...]] [--paper a4|letter] [--letterhead FILE]
 *             [--now DATETIME] [--profile FILE]... [--trust LIST
 *             [--require-signature]] [--request REQUEST] [-o OUT] FILE...
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lerq/lerq.h>

#include "cli.h"
#include "inputs.h"
#include "output.h"

enum {
	OPT_TO = 0x100,
	OPT_LETTERHEAD,
	OPT_NOW,
	OPT_PROFILE,
	OPT_PAPER,
	OPT_TRUST,
	OPT_REQUIRE_SIGNATURE,
	OPT_REQUEST,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "to", required_argument, NULL, OPT_TO },
	{ "letterhead", required_argument, NULL, OPT_LETTERHEAD },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "paper", required_argument, NULL, OPT_PAPER },
	{ "trust", required_argument, NULL, OPT_TRUST },
	{ "require-signature", no_argument, NULL, OPT_REQUIRE_SIGNATURE },
	{ "request", required_argument, NULL, OPT_REQUEST },
	{ "output", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	fputs("Usage: lerq render [--to FORMAT[,FORMAT]...] [--paper a4|letter]\n"
	      "                   [--letterhead FILE] [--now DATETIME] [--profile FILE]...\n"
	      "                   [--trust LIST [--require-signature]] [--request REQUEST]\n"
	      "                   [-o OUT] FILE...\n"
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
	      "Several FILEs, a directory (its *.xml files, recursively) or several\n"
	      "formats make a batch: -o names a directory (made if need be, mode 0700)\n"
	      "that receives NAME.html, NAME.txt or NAME.pdf for each input NAME.xml.\n"
	      "Each document is validated once and its letter made once for all the\n"
	      "formats.\n"
	      "\n"
	      "Options:\n"
	      "      --to FORMAT        html (the default), text or pdf; several may be\n"
	      "                         given, separated by commas or repeated\n"
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
	      "                         to the requesting authority (one FILE only)\n"
	      "  -o, --output OUT       write the letter to OUT (default: standard output):\n"
	      "                         a file is replaced through a temporary file and a\n"
	      "                         rename, a symbolic link is followed, a device or\n"
	      "                         FIFO is written into; OUT may not be an input; for\n"
	      "                         a batch, or when OUT is a directory, the directory\n"
	      "  -h, --help             show this help and exit\n"
	      "\n"
	      "Exit status: 0 when every letter was written, 1 when a document is\n"
	      "invalid, 2 on a usage error, a file that could not be read or written,\n"
	      "a letterhead that was refused, or a format this build does not have.\n", stdout);
}

static int usage_error(void)
{
	fputs("Run 'lerq render --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
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

/* The formats asked for, in the order html, text, pdf. */
static const struct {
	enum lerq_format format;
	const char *name, *extension;
} formats[] = {
	{ LERQ_FORMAT_HTML, "html", "html" },
	{ LERQ_FORMAT_TEXT, "text", "txt" },
	{ LERQ_FORMAT_PDF, "pdf", "pdf" },
};
#define FORMAT_COUNT (sizeof(formats) / sizeof(formats[0]))
#define PDF_INDEX 2

struct job {
	const struct lerq_ctx *ctx;
	const struct lerq_renderer *renderer;
	const char *request; /* --request: the request a response answers, or NULL */
	bool want[FORMAT_COUNT];
	size_t format_count;
	lerq_time_t now;
	const char *output; /* a file, or the directory of a batch; NULL: stdout */
	bool batch;         /* output is a directory: NAME.EXT per input and format */
};

/* --to html,text,pdf (or repeated): every format named joins the job. */
static bool parse_formats(const char *list, struct job *job)
{
	const char *p = list;
	do {
		size_t n = strcspn(p, ",");
		size_t i = 0;
		while (i < FORMAT_COUNT &&
		       (strlen(formats[i].name) != n || strncmp(formats[i].name, p, n) != 0))
			i++;
		if (i == FORMAT_COUNT)
			return false;
		if (!job->want[i])
			job->format_count++;
		job->want[i] = true;
		p += n;
	} while (*p++ == ',');
	return true;
}

/* Reads and validates the request a response answers, printing its
 * findings; CLI_EXIT_OK when it is valid. */
static int read_request(const struct job *job, char **data, size_t *size)
{
	int err = input_read_path(job->request, data, size);
	if (err < 0) {
		fprintf(stderr, "lerq: cannot read %s: %s\n", job->request, strerror(-err));
		return CLI_EXIT_TROUBLE;
	}
	struct lerq_report *report = NULL;
	err = lerq_validate_memory(job->ctx, *data, *size, job->now, &report);
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

/* Says why a letter was not made; returns the exit status. */
static int render_failed(const struct job *job, const char *input, const char *output, int err,
                         int saved_errno)
{
	switch (err) {
	case LERQ_EDOCUMENT:
		fprintf(stderr, "lerq: %s is invalid: no letter written\n", input);
		return CLI_EXIT_INVALID;
	case LERQ_ENOTSUP:
		/* Or, rarely, a system with no font at all. */
		fputs("lerq render: this build of lerq has no PDF support (or no font is "
		      "installed); use --to html or --to text\n", stderr);
		return CLI_EXIT_TROUBLE;
	case LERQ_EINVAL:
		/* Arguments are checked here: only a letterhead that failed
		 * while rendering, or a request that is not the one answered,
		 * comes back as this. */
		if (job->request != NULL)
			fprintf(stderr, "lerq: %s is not a response to %s (its InResponseTo is "
			                "not the request's RegistrationNumber), or the letterhead "
			                "failed: no letter written\n", input, job->request);
		else
			fprintf(stderr, "lerq: the letterhead failed: no letter written\n");
		return CLI_EXIT_TROUBLE;
	case LERQ_EIO:
		fprintf(stderr, "lerq: cannot write %s: %s\n", output ? output : "",
		        strerror(saved_errno));
		return CLI_EXIT_TROUBLE;
	default:
		fprintf(stderr, "lerq: cannot render %s: %s\n", input, lerq_strerror(err));
		return CLI_EXIT_TROUBLE;
	}
}

/* DIR/NAME.EXT for input DIR/.../NAME.xml (or NAME without .xml). */
static char *batch_path(const char *dir, const char *input, const char *extension)
{
	const char *base = strrchr(input, '/');
	base = base ? base + 1 : input;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
		n -= 4;
	size_t size = strlen(dir) + 1 + n + 1 + strlen(extension) + 1;
	char *path = malloc(size);
	if (path != NULL)
		snprintf(path, size, "%s/%.*s.%s", dir, (int)n, base, extension);
	return path;
}

/* One input: validated and its letter model made once, then laid out in
 * each format asked for. */
static int render(const struct job *job, const char *input)
{
	const char *name = strcmp(input, INPUT_STDIN) == 0 ? "standard input" : input;
	struct lerq_report *report = NULL;
	struct lerq_letter *letter = NULL;
	char *data = NULL;
	size_t size = 0;

	int err;
	bool is_stdin = strcmp(input, INPUT_STDIN) == 0;
	if (job->request != NULL) {
		char *request = NULL;
		size_t request_size = 0;
		err = input_read_path(input, &data, &size);
		if (err < 0) {
			fprintf(stderr, "lerq: cannot read %s: %s\n", name, strerror(-err));
			return CLI_EXIT_TROUBLE;
		}
		int status = read_request(job, &request, &request_size);
		if (status != CLI_EXIT_OK) {
			free(data);
			return status;
		}
		err = lerq_letter_new_response(job->renderer, data, size, request, request_size,
		                               job->now, &letter, &report);
		free(request);
		free(data);
	} else if (is_stdin && access(STDIN_PATH, R_OK) != 0) {
		err = input_read_path(input, &data, &size);
		if (err < 0) {
			fprintf(stderr, "lerq: cannot read %s: %s\n", name, strerror(-err));
			return CLI_EXIT_TROUBLE;
		}
		err = lerq_letter_new(job->renderer, data, size, job->now, &letter, &report);
		free(data);
	} else {
		/* A file too large is refused by its size, unread. */
		err = lerq_letter_new_file(job->renderer, is_stdin ? STDIN_PATH : input, job->now,
		                           &letter, &report);
		if (err == LERQ_EIO) {
			fprintf(stderr, "lerq: cannot read %s: %s\n", name, strerror(errno));
			return CLI_EXIT_TROUBLE;
		}
	}
	/* No silent loss: a character no installed font has is a warning. */
	if (err == LERQ_OK && job->want[PDF_INDEX])
		err = lerq_letter_check_fonts(letter, report);
	/* Findings go to standard error: standard output is the letter's. */
	print_findings(input, report);
	/* With --trust, a signature that did not verify is an error yet the
	 * letter is written: saying so is what it is for. */
	bool signature_failed = err == LERQ_OK && report != NULL && !lerq_report_is_valid(report);
	lerq_report_free(report);
	if (err != LERQ_OK) {
		lerq_letter_free(letter);
		return render_failed(job, name, NULL, err, 0);
	}

	int status = CLI_EXIT_OK;
	if (signature_failed) {
		fprintf(stderr, "lerq: %s: the signature is not verified; the letter says so\n",
		        name);
		status = CLI_EXIT_INVALID;
	}
	for (size_t i = 0; i < FORMAT_COUNT; i++) {
		if (!job->want[i])
			continue;
		char *path = NULL;
		if (job->batch) {
			path = batch_path(job->output, input, formats[i].extension);
			if (path == NULL) {
				err = LERQ_ENOMEM;
				status = render_failed(job, name, NULL, err, 0);
				break;
			}
		}
		const char *out = job->batch ? path : job->output;
		char *bytes = NULL;
		size_t n = 0;
		if (out != NULL) {
			err = lerq_letter_write(letter, formats[i].format, out);
		} else {
			err = lerq_letter_render(letter, formats[i].format, &bytes, &n);
			if (err == LERQ_OK)
				fwrite(bytes, 1, n, stdout);
		}
		int saved_errno = errno;
		free(bytes);
		if (err != LERQ_OK) {
			int s = render_failed(job, name, out, err, saved_errno);
			status = s > status ? s : status;
		}
		free(path);
	}
	lerq_letter_free(letter);
	return status;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Two inputs of one name (a/x.xml, b/x.xml) would write one letter over
 * the other in a batch: refused before anything is written. */
static bool names_clash(const struct input_list *inputs)
{
	char **names = calloc(inputs->count ? inputs->count : 1, sizeof(*names));
	bool clash = names == NULL;
	for (size_t i = 0; !clash && i < inputs->count; i++) {
		names[i] = batch_path(".", inputs->items[i].path, "");
		clash = names[i] == NULL;
	}
	if (!clash)
		qsort(names, inputs->count, sizeof(*names), compare_strings);
	for (size_t i = 1; !clash && i < inputs->count; i++) {
		if (strcmp(names[i - 1], names[i]) == 0) {
			fprintf(stderr, "lerq render: two inputs are called %.*s: their letters "
			        "would overwrite each other in the output directory\n",
			        (int)strlen(names[i] + 2) - 1, names[i] + 2);
			clash = true;
		}
	}
	for (size_t i = 0; names && i < inputs->count; i++)
		free(names[i]);
	free(names);
	return clash;
}

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The inputs of the FILE arguments, each validated once and rendered in
 * every format asked for. */
static int render_paths(struct job *job, int count, char **paths)
{
	struct input_list inputs = { NULL, 0, 0 };
	bool any_directory = false;
	for (int i = 0; i < count; i++) {
		any_directory = any_directory || is_directory(paths[i]);
		if (input_list_add(&inputs, paths[i]) < 0) {
			fprintf(stderr, "lerq: %s\n", lerq_strerror(LERQ_ENOMEM));
			input_list_clear(&inputs);
			return CLI_EXIT_TROUBLE;
		}
	}
	job->batch = count > 1 || any_directory || job->format_count > 1 ||
	             (job->output != NULL && is_directory(job->output));
	int status = CLI_EXIT_OK;
	if (job->batch && job->output == NULL) {
		fputs("lerq render: several inputs or formats need -o DIRECTORY\n", stderr);
		status = usage_error();
	}
	for (size_t i = 0; job->batch && status == CLI_EXIT_OK && i < inputs.count; i++) {
		if (strcmp(inputs.items[i].path, INPUT_STDIN) == 0) {
			fputs("lerq render: standard input cannot be rendered into a directory\n",
			      stderr);
			status = usage_error();
		}
	}
	if (job->batch && status == CLI_EXIT_OK && names_clash(&inputs))
		status = CLI_EXIT_TROUBLE;
	/* The directory is made if need be, readable by its owner only:
	 * letters are confidential. */
	if (job->batch && status == CLI_EXIT_OK && !is_directory(job->output) &&
	    mkdir(job->output, 0700) != 0) {
		fprintf(stderr, "lerq: cannot make the directory %s: %s\n", job->output,
		        strerror(errno));
		status = CLI_EXIT_TROUBLE;
	}
	int worst = status;
	for (size_t i = 0; status == CLI_EXIT_OK && i < inputs.count; i++) {
		int s;
		if (inputs.items[i].error != 0) {
			fprintf(stderr, "lerq: cannot read %s: %s\n", inputs.items[i].path,
			        strerror(inputs.items[i].error));
			s = CLI_EXIT_TROUBLE;
		} else {
			s = render(job, inputs.items[i].path);
		}
		/* Trouble (2) outranks invalid (1), which outranks 0. */
		worst = s > worst ? s : worst;
	}
	input_list_clear(&inputs);
	return worst;
}

int cmd_render(int argc, char **argv)
{
	struct job job = {
		.now = lerq_now(),
	};
	const char *trust = NULL;
	bool require_signature = false;
	const char *letterhead = NULL;
	enum lerq_paper paper = LERQ_PAPER_A4;
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
			if (!parse_formats(optarg, &job)) {
				fprintf(stderr, "%s: unknown format '%s': expected html, text or pdf\n",
				        argv[0], optarg);
				free(profiles);
				return usage_error();
			}
			break;
		case OPT_LETTERHEAD:
			letterhead = optarg;
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
		case OPT_TRUST:
			trust = optarg;
			break;
		case OPT_REQUIRE_SIGNATURE:
			require_signature = true;
			break;
		case OPT_REQUEST:
			job.request = optarg;
			break;
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
	if (job.format_count == 0) {
		job.want[0] = true; /* html */
		job.format_count = 1;
	}
	if (job.request != NULL && argc - optind > 1) {
		fprintf(stderr, "%s: --request goes with one FILE, the response\n", argv[0]);
		free(profiles);
		return usage_error();
	}
	if (require_signature && trust == NULL) {
		fprintf(stderr, "%s: --require-signature needs --trust LIST\n", argv[0]);
		free(profiles);
		return usage_error();
	}

	/* Nothing read may be written over: the documents, the request, the
	 * letterhead, the profiles, the trust list. */
	size_t nreads = (size_t)(argc - optind) + profile_count + 3;
	const char **reads = calloc(nreads, sizeof(*reads));
	if (reads == NULL) {
		free(profiles);
		fprintf(stderr, "lerq: %s\n", lerq_strerror(LERQ_ENOMEM));
		return CLI_EXIT_TROUBLE;
	}
	size_t n = 0;
	for (int i = optind; i < argc; i++)
		reads[n++] = argv[i];
	reads[n++] = job.request;
	reads[n++] = letterhead;
	reads[n++] = trust;
	for (size_t i = 0; i < profile_count; i++)
		reads[n++] = profiles[i];
	status = cli_output_check_distinct(argv[0], job.output, reads, n);
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
		status = render_paths(&job, argc - optind, argv + optind);
	}

	free(profiles);
	lerq_renderer_free(renderer);
	lerq_ctx_free(ctx);
	return status;
}
