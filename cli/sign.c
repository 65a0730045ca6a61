/* SPDX-License-Identifier: MIT */
/*
 * lerq sign --key KEY.pem --cert CERT.pem [--chain FILE.pem] [-o OUT] FILE
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
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
	OPT_KEY = 0x100,
	OPT_CERT,
	OPT_CHAIN,
	OPT_NOW,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "key", required_argument, NULL, OPT_KEY },
	{ "cert", required_argument, NULL, OPT_CERT },
	{ "chain", required_argument, NULL, OPT_CHAIN },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "output", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	fputs("Usage: lerq sign --key KEY.pem --cert CERT.pem [--chain FILE.pem]\n"
	      "                 [--now DATETIME] [-o OUT] FILE\n"
	      "\n"
	      "Sign a valid request or response with an enveloped XML signature of\n"
	      "lerq's profile (format section 6): the whole document (URI=\"\"),\n"
	      "exclusive C14N, SHA-256, RSA-SHA256 or ECDSA-SHA256 by the key's type,\n"
	      "the certificate (and chain) in ds:X509Data. An invalid document, or\n"
	      "one already signed, is refused with its findings.\n"
	      "\n"
	      "Options:\n"
	      "      --key KEY.pem      the private key (PEM, RSA or EC, unencrypted)\n"
	      "      --cert CERT.pem    its certificate (PEM)\n"
	      "      --chain FILE.pem   intermediate certificates to include (PEM)\n"
	      "      --now DATETIME     the validation time, e.g. 2026-03-01T09:30:00Z\n"
	      "  -o, --output OUT       write to OUT through a temporary file and a\n"
	      "                         rename (default: standard output)\n"
	      "  -h, --help             show this help and exit\n"
	      "\n"
	      "Exit status: 0 signed, 1 the document is invalid or already signed,\n"
	      "2 on a usage error, an unreadable file or key, or an unwritable output.\n",
	      stdout);
}

static int usage_error(void)
{
	fputs("Run 'lerq sign --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
}

/* Through the library's writer: a file is replaced through a temporary
 * file and a rename, a device or FIFO written into, a link followed. */
int cli_write_atomically(const char *path, const char *data, size_t size)
{
	int err = lerq_write_file(path, data, size);
	if (err == LERQ_EIO)
		return errno != 0 ? -errno : -EIO;
	return err == LERQ_OK ? 0 : -ENOMEM;
}

int cmd_sign(int argc, char **argv)
{
	const char *key = NULL, *cert = NULL, *chain = NULL, *output = NULL;
	lerq_time_t now = LERQ_NOW_CLOCK;
	int c;

	while ((c = getopt_long(argc, argv, "ho:", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			return CLI_EXIT_OK;
		case OPT_KEY:
			key = optarg;
			break;
		case OPT_CERT:
			cert = optarg;
			break;
		case OPT_CHAIN:
			chain = optarg;
			break;
		case OPT_NOW:
			if (cli_parse_now(argv[0], optarg, &now) < 0)
				return usage_error();
			break;
		case 'o':
			output = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		default:
			return usage_error();
		}
	}
	if (key == NULL || cert == NULL) {
		fprintf(stderr, "%s: --key and --cert are required\n", argv[0]);
		return usage_error();
	}
	if (argc - optind != 1) {
		fprintf(stderr, "%s: %s\n", argv[0], optind >= argc ? "missing FILE" : "one FILE at a time");
		return usage_error();
	}
	const char *file = argv[optind];
	/* Never the signed document over what it was made from. */
	const char *reads[] = { file, key, cert, chain };
	int status = cli_output_check_distinct(argv[0], output, reads, 4);
	if (status != CLI_EXIT_OK)
		return status;

	struct lerq_signer *signer = NULL;
	int err = lerq_signer_new(key, cert, chain, &signer);
	if (err == LERQ_EIO) {
		fprintf(stderr, "lerq: cannot read the key or certificate: %s\n", strerror(errno));
		return CLI_EXIT_TROUBLE;
	}
	if (err < 0) {
		fprintf(stderr, "lerq: cannot use %s with %s%s%s: %s (an unencrypted RSA or EC key "
		        "in PEM and its own certificate are needed)\n", key, cert,
		        chain ? " and " : "", chain ? chain : "", lerq_strerror(err));
		return CLI_EXIT_TROUBLE;
	}
	char *data = NULL;
	size_t size = 0;
	err = input_read_path(file, &data, &size);
	if (err < 0) {
		fprintf(stderr, "lerq: cannot read %s: %s\n", file, strerror(-err));
		lerq_signer_free(signer);
		return CLI_EXIT_TROUBLE;
	}
	struct lerq_ctx *ctx = NULL;
	struct lerq_report *report = NULL;
	char *signed_doc = NULL;
	size_t signed_size = 0;
	status = CLI_EXIT_OK;
	err = lerq_ctx_new(0, &ctx);
	if (err == LERQ_OK)
		err = lerq_sign_memory(ctx, signer, data, size, now, &signed_doc, &signed_size,
		                       &report);
	if (err == LERQ_EDOCUMENT) {
		const struct output out = { .stream = stderr, .format = OUTPUT_TEXT,
		                            .colour = output_colour_wanted(stderr) };
		output_report(&out, file, report);
		fprintf(stderr, "lerq: %s not signed\n", file);
		status = CLI_EXIT_INVALID;
	} else if (err < 0) {
		fprintf(stderr, "lerq: cannot sign %s: %s\n", file, lerq_strerror(err));
		status = CLI_EXIT_TROUBLE;
	} else if (output == NULL) {
		if (fwrite(signed_doc, 1, signed_size, stdout) != signed_size)
			status = CLI_EXIT_TROUBLE;
	} else {
		err = cli_write_atomically(output, signed_doc, signed_size);
		if (err < 0) {
			fprintf(stderr, "lerq: cannot write %s: %s\n", output, strerror(-err));
			status = CLI_EXIT_TROUBLE;
		}
	}
	free(signed_doc);
	free(data);
	lerq_report_free(report);
	lerq_ctx_free(ctx);
	lerq_signer_free(signer);
	return status;
}
