/* SPDX-License-Identifier: MIT */
/*
 * Declarations shared by the lerq command-line tool. The tool uses only the
 * public API in <lerq/lerq.h>.
 *
 * Adding a subcommand: write cli/NAME.c with `int cmd_NAME(int argc,
 * char **argv)`, declare it here, add one line to the table in lerq.c and
 * the file to cli/meson.build.
 */
#ifndef LERQ_CLI_H
#define LERQ_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include <lerq/lerq.h>

/* Exit statuses shared by every subcommand (format.md, section 5). */
enum cli_exit {
	CLI_EXIT_OK = 0,
	/* At least one input is invalid or was refused. */
	CLI_EXIT_INVALID = 1,
	/* A usage error, an input that could not be read or an output
	 * that could not be written. */
	CLI_EXIT_TROUBLE = 2,
};

/*
 * A subcommand. It is called with argv[0] set to "lerq NAME", so that
 * getopt_long()'s own messages name the command, and with getopt's state
 * reset; it returns an enum cli_exit value.
 */
int cmd_validate(int argc, char **argv);
int cmd_check_response(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_sign(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_trust(int argc, char **argv);
/* lerq serve: runs the service program lerq-serve (serve/exec.c). */
int cmd_serve(int argc, char **argv);
/* The service itself, in lerq-serve (serve/serve.c). */
int serve_main(int argc, char **argv);
int cmd_stats(int argc, char **argv);

/*
 * Parse the value of --now (a dateTime with its zone); on a bad value,
 * say so on standard error in the name of @cmd.
 * @return 0, or -1 for a bad value.
 */
int cli_parse_now(const char *cmd, const char *arg, lerq_time_t *now);

struct lerq_ctx;
/*
 * Load a national profile into @ctx (validate.c). A profile that does not
 * compile has its problems printed on standard error.
 * @return an enum cli_exit value: CLI_EXIT_OK or CLI_EXIT_TROUBLE.
 */
int cli_load_profile(struct lerq_ctx *ctx, const char *path);

/*
 * Load a trust list into @ctx (validate.c) for --trust; an unreadable or
 * invalid list has its problems printed on standard error.
 * @return CLI_EXIT_OK or CLI_EXIT_TROUBLE.
 */
int cli_load_trust(struct lerq_ctx *ctx, const char *path, bool require_signature);

/*
 * Write @size bytes to @path as lerq_write_file() does (sign.c): a file
 * through a temporary file and a rename, a device or FIFO written into,
 * a symbolic link followed.
 * @return 0 or a negative errno value.
 */
int cli_write_atomically(const char *path, const char *data, size_t size);


/*
 * Every command that writes a file (-o OUT) calls this before it writes:
 * an OUT that is the same file (device and inode, links followed) as one
 * of the @count @inputs (files it reads: the document, letterhead,
 * profiles, keys...; NULL entries are skipped, "-" is standard input when
 * that is a regular file) is refused with a message on standard error in
 * the name of @cmd. @output may be NULL or "-" (standard output).
 * @return CLI_EXIT_OK, or CLI_EXIT_TROUBLE when OUT is an input.
 */
int cli_output_check_distinct(const char *cmd, const char *output,
                              const char *const *inputs, size_t count);

#endif /* LERQ_CLI_H */
