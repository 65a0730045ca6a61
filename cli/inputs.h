/* SPDX-License-Identifier: MIT */
/*
 * Turning PATH arguments into the list of inputs to validate.
 */
#ifndef LERQ_CLI_INPUTS_H
#define LERQ_CLI_INPUTS_H

#include <stddef.h>
#include <stdio.h>

/* The PATH argument that names standard input. */
#define INPUT_STDIN "-"
/* Standard input as a file, where the system has it (Linux, the BSDs). */
#define STDIN_PATH "/dev/stdin"

struct input {
	/* As given, or joined from a directory walk; INPUT_STDIN for
	 * standard input. Owned by the list. */
	char *path;
	/* 0, or the errno of a directory that could not be read: such an
	 * entry is reported, in its place, instead of being validated. */
	int error;
};

struct input_list {
	struct input *items;
	size_t count;
	size_t capacity;
};

/*
 * Append the inputs named by one PATH argument: "-" (standard input), a
 * directory (its *.xml files, recursively, sorted with strcmp on the full
 * path; symbolic links to directories are not followed), or anything
 * else, which is taken as a file: if it cannot be read, validating it
 * says why.
 * @return 0, or -ENOMEM.
 */
int input_list_add(struct input_list *list, const char *arg);

/* Free the entries and empty the list, ready for reuse. */
void input_list_clear(struct input_list *list);

/*
 * Read @stream to its end, but no more than @limit bytes.
 * @param[out] data a malloc()ed buffer, to be freed by the caller (NULL
 *             when *size is 0).
 * @return 0, or a negative errno value.
 */
int input_read_stream(FILE *stream, size_t limit, char **data, size_t *size);

/*
 * Read the file @path, or standard input for "-", one byte past the
 * library's default size limit at most, so that the library can refuse
 * (and name) an input that is too large.
 * @param[out] data as for input_read_stream().
 * @return 0, or a negative errno value.
 */
int input_read_path(const char *path, char **data, size_t *size);

#endif /* LERQ_CLI_INPUTS_H */
