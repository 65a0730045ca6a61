/* SPDX-License-Identifier: MIT */
/*
 * lerq: the command-line tool. main() reads the options that come before
 * the command name, then hands the rest of the command line to the
 * subcommand found in the table below.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

#include "cli.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;
};

static int cmd_help(int argc, char **argv);

static const struct command commands[] = {
	{ "validate", cmd_validate, "Check documents: schema and rules (text or JSON Lines)" },
	{ "check-response", cmd_check_response,
	  "Check a response against its request (text or JSON Lines)" },
	{ "new", cmd_new, "Write a template request or response (XML) to fill in" },
	{ "render", cmd_render, "Render requests or responses as letters (HTML, text or PDF)" },
	{ "sign", cmd_sign, "Sign a request or response (XML-DSig, enveloped)" },
	{ "verify", cmd_verify, "Validate and verify signatures against a trust list" },
	{ "trust", cmd_trust, "Keep a trust list: match a signed document, add an entry" },
	{ "serve", cmd_serve, "Answer HTTP requests: validate, check, render (section 8)" },
	{ "stats", cmd_stats, "Figures over an archive: volumes, delays, outcomes, open requests" },
	{ "help", cmd_help, "Show this help, or the help of a command" },
};

static void print_usage(FILE *stream)
{
	size_t i;

	fputs("Usage: lerq [--help] [--version] COMMAND [ARGS...]\n"
	      "\n"
	      "Check structured requests from law enforcement to internet service\n"
	      "providers, and the providers' responses.\n"
	      "\n"
	      "Options:\n"
	      "  -h, --help     show this help and exit\n"
	      "  -V, --version  show the version and exit\n"
	      "\n"
	      "Commands:\n", stream);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(stream, "  %-14s %s\n", commands[i].name, commands[i].help);
	fputs("\nRun 'lerq COMMAND --help' for the options of a command.\n", stream);
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	}
	return NULL;
}

static int unknown_command(const char *name)
{
	fprintf(stderr, "lerq: unknown command '%s'\n"
	        "Run 'lerq --help' for the list of commands.\n", name);
	return CLI_EXIT_TROUBLE;
}

/* Runs @cmd on argv[0..argc-1], argv[0] being the command's name. */
static int run_command(const struct command *cmd, int argc, char **argv)
{
	char name[64];

	/* getopt_long() names argv[0] in its messages: make that
	 * "lerq validate" rather than "validate". */
	snprintf(name, sizeof(name), "lerq %s", cmd->name);
	argv[0] = name;

	/* Start a fresh scan. 0 rather than 1: glibc and musl then also
	 * forget the '+' of main's option string and read the command's. */
	optind = 0;
	return cmd->run(argc, argv);
}

/* lerq help [COMMAND] */
static int cmd_help(int argc, char **argv)
{
	const struct command *cmd;
	char help_option[] = "--help";
	char *help_argv[3];

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_usage(stdout);
		return CLI_EXIT_OK;
	}
	if (argc > 2) {
		fputs("lerq help: too many arguments\n"
		      "Usage: lerq help [COMMAND]\n", stderr);
		return CLI_EXIT_TROUBLE;
	}

	cmd = find_command(argv[1]);
	if (cmd == NULL)
		return unknown_command(argv[1]);

	/* "lerq help validate" is "lerq validate --help". */
	help_argv[0] = argv[1];
	help_argv[1] = help_option;
	help_argv[2] = NULL;
	return run_command(cmd, 2, help_argv);
}

/*
 * Output goes through stdio buffers: a full disk or a closed pipe may
 * only show when they are flushed, so check once, at the end, for every
 * command.
 */
static int finish(int status)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	fprintf(stderr, "lerq: cannot write to standard output: %s\n",
	        errno != 0 ? strerror(errno) : "write error");
	return CLI_EXIT_TROUBLE;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	char progname[] = "lerq";
	const struct command *cmd;
	int c;

	/* Our own messages say "lerq:"; have getopt_long()'s say the same,
	 * whatever path the program was run by. */
	argv[0] = progname;

	/* '+': stop at the command name; what follows is the command's. */
	while ((c = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_usage(stdout);
			return finish(CLI_EXIT_OK);
		case 'V':
			printf("lerq %s\n", lerq_version());
			return finish(CLI_EXIT_OK);
		default:
			/* getopt_long() has said what was wrong. */
			fputs("Run 'lerq --help' for usage.\n", stderr);
			return CLI_EXIT_TROUBLE;
		}
	}

	if (optind >= argc) {
		print_usage(stderr);
		return CLI_EXIT_TROUBLE;
	}

	cmd = find_command(argv[optind]);
	if (cmd == NULL)
		return unknown_command(argv[optind]);

	return finish(run_command(cmd, argc - optind, argv + optind));
}
