/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the multipart/form-data reader of lerq serve
 * (cli/serve/multipart.c), the part of the HTTP request handling that
 * lerq wrote itself (libmicrohttpd reads the HTTP). The input is the
 * Content-Type header, up to the first newline, then the body. The body
 * is copied into a buffer of exactly its size, so that any read past it
 * is caught by AddressSanitizer. Nothing may crash or read outside the
 * body; a success finds both parts, inside the body, not overlapping. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t type_size = nl != NULL ? (size_t)(nl - data) : size;
	size_t body_size = nl != NULL ? size - type_size - 1 : 0;
	char *type = malloc(type_size + 1);
	char *body = malloc(body_size > 0 ? body_size : 1);
	struct multipart_part parts[2] = { { .name = "request" }, { .name = "response" } };
	const char *problem;

	if (type == NULL || body == NULL)
		abort();
	memcpy(type, data, type_size);
	type[type_size] = '\0';
	if (body_size > 0)
		memcpy(body, nl + 1, body_size);
	/* A missing header (no newline at all) is a case of its own. */
	problem = multipart_parse(nl != NULL ? type : NULL, body, body_size, parts, 2);
	if (problem != NULL) {
		if (problem[0] == '\0')
			abort();
	} else {
		for (size_t i = 0; i < 2; i++) {
			if (!parts[i].found || parts[i].data < body ||
			    parts[i].size > body_size ||
			    (size_t)(parts[i].data - body) > body_size - parts[i].size)
				abort();
		}
		if (parts[0].data < parts[1].data + parts[1].size &&
		    parts[1].data < parts[0].data + parts[0].size)
			abort(); /* two parts share bytes */
	}
	free(type);
	free(body);
	return 0;
}
