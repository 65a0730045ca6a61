/* SPDX-License-Identifier: MIT */
/*
 * Validate a lerq document and print its findings.
 *
 *   validate-file [FILE]
 *
 * FILE defaults to preservation-request.xml, one of the examples in this
 * folder. Prints one line per finding, then the verdict; exits 0 when the
 * document is valid (warnings allowed), 1 when it is not, 2 when it could
 * not be checked.
 *
 * Build: cc validate-file.c $(pkg-config --cflags --libs lerq)
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <lerq/lerq.h>

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "preservation-request.xml";
	struct lerq_ctx *ctx = NULL;
	struct lerq_report *report = NULL;
	int err;

	if (argc > 2) {
		fputs("usage: validate-file [FILE]\n", stderr);
		return 2;
	}
	/* One context compiles the schema and rules; share it for every
	 * document (and every thread) of the program. */
	err = lerq_ctx_new(0, &ctx);
	if (err < 0) {
		fprintf(stderr, "validate-file: %s\n", lerq_strerror(err));
		return 2;
	}
	err = lerq_validate_file(ctx, path, lerq_now(), &report);
	if (err < 0) {
		fprintf(stderr, "validate-file: %s: %s\n", path,
		        err == LERQ_EIO ? strerror(errno) : lerq_strerror(err));
		lerq_ctx_free(ctx);
		return 2;
	}

	for (size_t i = 0; i < lerq_report_count(report); i++) {
		const struct lerq_finding *f = lerq_report_get(report, i);
		printf("%s:%lu:%lu: %s: [%s] %s", path, lerq_finding_line(f),
		       lerq_finding_column(f), lerq_severity_name(lerq_finding_severity(f)),
		       lerq_finding_code(f), lerq_finding_message(f));
		if (lerq_finding_ref(f)[0] != '\0')
			printf(" (%s)", lerq_finding_ref(f));
		printf("\n");
	}
	int valid = lerq_report_is_valid(report);
	printf("%s: %s, %zu error(s), %zu warning(s)\n", path, valid ? "valid" : "invalid",
	       lerq_report_errors(report), lerq_report_warnings(report));

	lerq_report_free(report);
	lerq_ctx_free(ctx);
	return valid ? 0 : 1;
}
