/* SPDX-License-Identifier: MIT */
/*
 * lerq trust match --trust LIST [--now DATETIME] FILE...
 * lerq trust add --trust LIST --name NAME --country CC --cert CERT.pem [-o OUT]
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lerq/lerq.h>

#include "cli.h"
#include "inputs.h"
#include "output.h"

enum {
	OPT_TRUST = 0x100,
	OPT_NAME,
	OPT_COUNTRY,
	OPT_CERT,
	OPT_NOW,
};

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "trust", required_argument, NULL, OPT_TRUST },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "country", required_argument, NULL, OPT_COUNTRY },
	{ "cert", required_argument, NULL, OPT_CERT },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "output", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 },
};

static void print_help(void)
{
	fputs("Usage: lerq trust match --trust LIST [--now DATETIME] FILE...\n"
	      "       lerq trust add --trust LIST --name NAME --country CC --cert CERT.pem\n"
	      "                      [-o OUT]\n"
	      "\n"
	      "Keep a trust list (urn:lerq:trust:1, format section 6).\n"
	      "\n"
	      "  match  for each signed FILE, the trust-list entry its signer matches\n"
	      "         (by certificate), and whether the signature verifies:\n"
	      "           FILE: verified|failed|unsigned: Party N \"NAME\" (CC) ...\n"
	      "  add    add a Party with NAME, country CC and the certificate of\n"
	      "         CERT.pem (its own, or the CA that issues its certificates);\n"
	      "         writes the new list to OUT (through a temporary file and a\n"
	      "         rename; OUT may be LIST) or to standard output. Check the\n"
	      "         entry yourself, then add Website, EmailDomain, Switchboard and\n"
	      "         Checked to it.\n"
	      "\n"
	      "Exit status: 0 done (match: every FILE verified), 1 a FILE not\n"
	      "verified or invalid, 2 on a usage error or an unreadable or invalid\n"
	      "LIST.\n", stdout);
}

static int usage_error(void)
{
	fputs("Run 'lerq trust --help' for usage.\n", stderr);
	return CLI_EXIT_TROUBLE;
}

static const char *state_name(enum lerq_signature_state s)
{
	switch (s) {
	case LERQ_SIGNATURE_VERIFIED: return "verified";
	case LERQ_SIGNATURE_FAILED: return "failed";
	default: return "unsigned";
	}
}

static int match(const char *list, lerq_time_t now, int count, char **files)
{
	struct lerq_ctx *ctx = NULL;
	int err = lerq_ctx_new(0, &ctx);
	if (err < 0) {
		fprintf(stderr, "lerq: cannot set up the validator: %s\n", lerq_strerror(err));
		return CLI_EXIT_TROUBLE;
	}
	int status = cli_load_trust(ctx, list, false);
	for (int i = 0; status != CLI_EXIT_TROUBLE && i < count; i++) {
		struct lerq_report *report = NULL;
		struct lerq_signature *sig = NULL;
		err = lerq_verify_file(ctx, files[i], now, &report, &sig);
		if (err == LERQ_EIO) {
			fprintf(stderr, "lerq: cannot read %s: %s\n", files[i], strerror(errno));
			status = CLI_EXIT_TROUBLE;
		} else if (err < 0) {
			fprintf(stderr, "lerq: cannot verify %s: %s\n", files[i], lerq_strerror(err));
			status = CLI_EXIT_TROUBLE;
		} else if (sig == NULL) {
			printf("%s: invalid: the document does not pass the schema "
			       "(run lerq validate)\n", files[i]);
			status = CLI_EXIT_INVALID;
		} else {
			enum lerq_signature_state st = lerq_signature_state(sig);
			printf("%s: %s", files[i], state_name(st));
			if (lerq_signature_party(sig) >= 0)
				printf(": Party %ld \"%s\" (%s)", lerq_signature_party(sig) + 1,
				       lerq_signature_signer(sig), lerq_signature_signer_country(sig));
			else if (st != LERQ_SIGNATURE_UNSIGNED)
				fputs(": no entry matches", stdout);
			if (lerq_signature_subject(sig))
				printf(", certificate %s", lerq_signature_subject(sig));
			if (st != LERQ_SIGNATURE_VERIFIED)
				printf(" (%s)", lerq_signature_reason(sig));
			putchar('\n');
			if (st != LERQ_SIGNATURE_VERIFIED && status == CLI_EXIT_OK)
				status = CLI_EXIT_INVALID;
		}
		lerq_signature_free(sig);
		lerq_report_free(report);
	}
	lerq_ctx_free(ctx);
	return status;
}

static int add(const char *list, const char *name, const char *country, const char *cert,
               const char *output)
{
	/* OUT may be LIST (the list is edited in place, read whole first),
	 * never the certificate. */
	const char *reads[] = { cert };
	if (cli_output_check_distinct("lerq trust add", output, reads, 1) != CLI_EXIT_OK)
		return CLI_EXIT_TROUBLE;
	char *data = NULL;
	size_t size = 0;
	int err = input_read_path(list, &data, &size);
	if (err < 0) {
		fprintf(stderr, "lerq: cannot read trust list %s: %s\n", list, strerror(-err));
		return CLI_EXIT_TROUBLE;
	}
	struct lerq_ctx *ctx = NULL;
	struct lerq_report *problems = NULL;
	char *out = NULL;
	size_t out_size = 0;
	int status = CLI_EXIT_OK;
	err = lerq_ctx_new(0, &ctx);
	if (err == LERQ_OK)
		err = lerq_trust_add_party(ctx, data, size, name, country, cert, &out, &out_size,
		                           &problems);
	if (err == LERQ_EIO) {
		fprintf(stderr, "lerq: cannot read certificate %s: %s\n", cert, strerror(errno));
		status = CLI_EXIT_TROUBLE;
	} else if (err == LERQ_EINVAL && problems != NULL) {
		const struct output o = { .stream = stderr, .format = OUTPUT_TEXT,
		                          .colour = output_colour_wanted(stderr) };
		output_report(&o, list, problems);
		fprintf(stderr, "lerq: trust list %s refused, or the new entry is invalid\n", list);
		status = CLI_EXIT_TROUBLE;
	} else if (err == LERQ_EINVAL) {
		fprintf(stderr, "lerq: %s is not a PEM certificate\n", cert);
		status = CLI_EXIT_TROUBLE;
	} else if (err < 0) {
		fprintf(stderr, "lerq: cannot add to %s: %s\n", list, lerq_strerror(err));
		status = CLI_EXIT_TROUBLE;
	} else if (output == NULL) {
		if (fwrite(out, 1, out_size, stdout) != out_size)
			status = CLI_EXIT_TROUBLE;
	} else if ((err = cli_write_atomically(output, out, out_size)) < 0) {
		fprintf(stderr, "lerq: cannot write %s: %s\n", output, strerror(-err));
		status = CLI_EXIT_TROUBLE;
	}
	free(out);
	free(data);
	lerq_report_free(problems);
	lerq_ctx_free(ctx);
	return status;
}

int cmd_trust(int argc, char **argv)
{
	const char *list = NULL, *name = NULL, *country = NULL, *cert = NULL, *output = NULL;
	lerq_time_t now = LERQ_NOW_CLOCK;
	int c;

	while ((c = getopt_long(argc, argv, "ho:", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			return CLI_EXIT_OK;
		case OPT_TRUST: list = optarg; break;
		case OPT_NAME: name = optarg; break;
		case OPT_COUNTRY: country = optarg; break;
		case OPT_CERT: cert = optarg; break;
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
	if (optind >= argc) {
		fprintf(stderr, "%s: missing ACTION (match or add)\n", argv[0]);
		return usage_error();
	}
	const char *action = argv[optind++];
	if (list == NULL) {
		fprintf(stderr, "%s: --trust LIST is required\n", argv[0]);
		return usage_error();
	}
	if (strcmp(action, "match") == 0) {
		if (optind >= argc) {
			fprintf(stderr, "%s: missing FILE\n", argv[0]);
			return usage_error();
		}
		return match(list, now, argc - optind, argv + optind);
	}
	if (strcmp(action, "add") == 0) {
		if (name == NULL || country == NULL || cert == NULL || optind < argc) {
			fprintf(stderr, "%s: add needs --name, --country and --cert, and no FILE\n",
			        argv[0]);
			return usage_error();
		}
		return add(list, name, country, cert, output);
	}
	fprintf(stderr, "%s: unknown action '%s' (match or add)\n", argv[0], action);
	return usage_error();
}
