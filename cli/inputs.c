/* SPDX-License-Identifier: MIT */
/*
 * Expanding PATH arguments: files, standard input and directory trees.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lerq/lerq.h>

#include "inputs.h"

enum entry_kind {
	ENTRY_SKIP,
	ENTRY_FILE,
	ENTRY_DIRECTORY,
};

/* Takes ownership of @path, even on failure. NULL means malloc failed. */
static int append(struct input_list *list, char *path, int error)
{
	if (path == NULL)
		return -ENOMEM;

	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? 2 * list->capacity : 16;
		struct input *items;

		items = realloc(list->items, capacity * sizeof(*items));
		if (items == NULL) {
			free(path);
			return -ENOMEM;
		}
		list->items = items;
		list->capacity = capacity;
	}

	list->items[list->count].path = path;
	list->items[list->count].error = error;
	list->count++;
	return 0;
}

void input_list_clear(struct input_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		free(list->items[i].path);
	free(list->items);
	list->items = NULL;
	list->count = 0;
	list->capacity = 0;
}

static bool has_xml_suffix(const char *name)
{
	size_t n = strlen(name);

	/* Like the shell's *.xml, a bare ".xml" is a hidden file, not a
	 * match. */
	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	bool slash = n > 0 && dir[n - 1] == '/';
	char *path = malloc(n + !slash + strlen(name) + 1);

	if (path != NULL)
		sprintf(path, "%s%s%s", dir, slash ? "" : "/", name);
	return path;
}

static enum entry_kind classify(const char *path, const char *name)
{
	struct stat st;

	/* Vanished or unreadable: if it looks like an input, validating it
	 * will report why it cannot be read. */
	if (lstat(path, &st) != 0)
		return has_xml_suffix(name) ? ENTRY_FILE : ENTRY_SKIP;
	if (S_ISDIR(st.st_mode))
		return ENTRY_DIRECTORY;
	if (!has_xml_suffix(name))
		return ENTRY_SKIP;

	/* A link to a file is followed, a link to a directory is not (the
	 * walk above only sees real directories), so a loop of links
	 * cannot make the walk endless. A dangling link is reported. */
	if (S_ISLNK(st.st_mode) && stat(path, &st) != 0)
		return ENTRY_FILE;

	/* Only regular files: reading a FIFO or a device named *.xml could
	 * block or never end. */
	return S_ISREG(st.st_mode) ? ENTRY_FILE : ENTRY_SKIP;
}

/* Files of @dir go to @files, its subdirectories to @pending. */
static int scan_directory(struct input_list *files,
                          struct input_list *pending, const char *dir)
{
	struct dirent *entry;
	DIR *d;
	int err = 0;

	d = opendir(dir);
	if (d == NULL)
		return append(files, strdup(dir), errno);

	while (err == 0) {
		char *path;

		errno = 0;
		entry = readdir(d);
		if (entry == NULL) {
			if (errno != 0)
				err = append(files, strdup(dir), errno);
			break;
		}
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;

		path = join_path(dir, entry->d_name);
		if (path == NULL) {
			err = -ENOMEM;
			break;
		}
		switch (classify(path, entry->d_name)) {
		case ENTRY_FILE:
			err = append(files, path, 0);
			break;
		case ENTRY_DIRECTORY:
			err = append(pending, path, 0);
			break;
		case ENTRY_SKIP:
			free(path);
			break;
		}
	}

	closedir(d);
	return err;
}

static int compare_paths(const void *a, const void *b)
{
	const struct input *x = a, *y = b;

	return strcmp(x->path, y->path);
}

/*
 * Walks with a list of directories still to scan rather than by
 * recursion, so that only one directory is open at a time however deep
 * the tree is.
 */
static int add_directory(struct input_list *list, const char *root)
{
	struct input_list pending = { NULL, 0, 0 };
	size_t first = list->count;
	int err;

	err = append(&pending, strdup(root), 0);
	while (err == 0 && pending.count > 0) {
		char *dir = pending.items[--pending.count].path;

		err = scan_directory(list, &pending, dir);
		free(dir);
	}
	input_list_clear(&pending);

	/* The order of readdir() is the file system's: sort for output
	 * that does not depend on it. */
	if (list->count > first)
		qsort(list->items + first, list->count - first,
		      sizeof(*list->items), compare_paths);
	return err;
}

int input_list_add(struct input_list *list, const char *arg)
{
	struct stat st;

	/* "-" is standard input, even where a file of that name exists
	 * ("./-" names the file). */
	if (strcmp(arg, INPUT_STDIN) != 0 && stat(arg, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return add_directory(list, arg);

	return append(list, strdup(arg), 0);
}

int input_read_stream(FILE *stream, size_t limit, char **data, size_t *size)
{
	char *buffer = NULL;
	size_t used = 0, allocated = 0;

	while (used < limit) {
		size_t n;

		if (used == allocated) {
			size_t grown = allocated ? 2 * allocated : 64 * 1024;
			char *p;

			if (grown > limit)
				grown = limit;
			p = realloc(buffer, grown);
			if (p == NULL) {
				free(buffer);
				return -ENOMEM;
			}
			buffer = p;
			allocated = grown;
		}

		n = fread(buffer + used, 1, allocated - used, stream);
		used += n;
		if (n == 0) {
			if (ferror(stream)) {
				int err = errno != 0 ? errno : EIO;

				free(buffer);
				return -err;
			}
			break;
		}
	}

	if (used == 0) {
		free(buffer);
		buffer = NULL;
	}
	*data = buffer;
	*size = used;
	return 0;
}

int input_read_path(const char *path, char **data, size_t *size)
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
