/* SPDX-License-Identifier: MIT */
/*
 * Build an expedited preservation request with liblerq and write it.
 *
 *   build-preservation [FILE]
 *
 * Without FILE the request goes to standard output. With FILE it is
 * written there whole or not at all (a temporary file, then rename). The
 * library validates what it writes: an invalid request is refused with
 * its findings, printed here on standard error.
 *
 * Build: cc build-preservation.c $(pkg-config --cflags --libs lerq)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <lerq/lerq.h>

#define DAY 86400

/* Adds a child element, with a value unless it is NULL. After a failure
 * it does nothing more, so that the first one is the one reported
 * (lerq_doc_error() says which field and why). */
static struct lerq_elem *put(struct lerq_elem *parent, const char *name, const char *value,
                             int *err)
{
	struct lerq_elem *e = NULL;
	if (*err == 0)
		*err = value ? lerq_elem_add_text(parent, name, value, &e)
		             : lerq_elem_add(parent, name, &e);
	return e;
}

static int build(struct lerq_doc *doc, time_t now)
{
	struct lerq_elem *root = lerq_doc_root(doc), *e, *item, *period, *contact = NULL;
	int err = lerq_doc_set_registration_number(doc, "POL-CYB/2026/00731");
	if (err == 0)
		err = lerq_doc_set_issued_at(doc, now, 60);
	put(root, "Priority", "urgent", &err);

	if (err == 0)
		err = lerq_doc_add_contact(doc, "Ruben de Vries", "Digital investigator",
		                           "+31886621742", "ruben.de.vries@police.example",
		                           &contact);
	/* The officer's service number, for the provider's call back. */
	put(contact, "ServiceNumber", "THTC-208714", &err);
	e = lerq_elem_child(root, "IssuingAuthority", 0);
	put(e, "AgencyName", "Example Police, National Unit", &err);
	struct lerq_elem *address = put(e, "PostalAddress", NULL, &err);
	put(address, "Line", "Hoofdstraat 54", &err);
	put(address, "Locality", "Driebergen", &err);
	put(address, "Country", "NL", &err);
	put(e, "Switchboard", "+31343578844", &err);
	put(e, "Website", "https://www.police.example/", &err);

	e = put(root, "ServiceProvider", NULL, &err);
	put(e, "Name", "Polderhost B.V.", &err);
	put(e, "Country", "NL", &err);

	e = put(root, "LegalBasis", NULL, &err);
	struct lerq_elem *provision = put(e, "Provision", NULL, &err);
	if (err == 0)
		err = lerq_elem_set_attr(provision, "jurisdiction", "NL");
	put(provision, "Instrument", "Code of Criminal Procedure", &err);
	put(provision, "Article", "126ni", &err);
	put(e, "Channel", "domestic", &err);

	e = put(root, "Investigation", NULL, &err);
	struct lerq_elem *offence = put(e, "Offence", "Fraud (article 326 Criminal Code)",
	                                &err);
	if (err == 0)
		err = lerq_elem_set_attr(offence, "category", "computer-related-fraud");
	put(e, "Summary", "A phishing site hosted by the provider collects "
	                       "online-banking credentials.", &err);
	put(e, "CaseReference", "ON-THTC-2026-0412", &err);

	item = put(put(root, "DataRequested", NULL, &err), "Item", NULL, &err);
	if (err == 0)
		err = lerq_elem_set_attr(item, "id", "p1");
	if (err == 0)
		err = lerq_elem_set_attr(item, "category", "traffic");
	e = put(item, "Identifier", "203.0.113.77", &err);
	if (err == 0)
		err = lerq_elem_set_attr(e, "type", "ipv4");
	if (err == 0)
		err = lerq_elem_set_attr(e, "port", "443");
	/* The week before the request: data that already exist (G§27). */
	period = put(item, "Period", NULL, &err);
	if (err == 0)
		err = lerq_elem_set_time(put(period, "Start", NULL, &err), now - 8 * DAY, 60);
	if (err == 0)
		err = lerq_elem_set_time(put(period, "End", NULL, &err), now - DAY, 60);
	put(item, "Relevance", "The access logs show who used the phishing site.", &err);

	e = put(root, "Preservation", NULL, &err);
	put(e, "Days", "90", &err);
	put(e, "Necessity", "The provider deletes access logs after 14 days.", &err);
	put(e, "FollowUp", "A production order will follow within four weeks.", &err);
	return err;
}

static void print_findings(const struct lerq_report *report)
{
	for (size_t i = 0; report && i < lerq_report_count(report); i++) {
		const struct lerq_finding *f = lerq_report_get(report, i);
		fprintf(stderr, "%s: [%s] %s (%s)\n",
		        lerq_severity_name(lerq_finding_severity(f)), lerq_finding_code(f),
		        lerq_finding_message(f), lerq_finding_path(f));
	}
}

int main(int argc, char **argv)
{
	struct lerq_ctx *ctx = NULL;
	struct lerq_doc *doc = NULL;
	struct lerq_report *report = NULL;
	int status = 1, err;

	if (argc > 2) {
		fputs("usage: build-preservation [FILE]\n", stderr);
		return 2;
	}
	err = lerq_ctx_new(0, &ctx);
	if (err == 0)
		err = lerq_doc_new(LERQ_DOC_REQUEST_PRESERVATION, "en", &doc);
	if (err == 0)
		err = build(doc, time(NULL));
	if (err < 0) {
		fprintf(stderr, "build-preservation: %s\n",
		        doc && lerq_doc_error(doc)[0] ? lerq_doc_error(doc) : lerq_strerror(err));
		goto out;
	}

	if (argc == 2) {
		err = lerq_doc_write_file(ctx, doc, argv[1], LERQ_NOW_CLOCK, &report);
	} else {
		char *data;
		size_t size;
		err = lerq_doc_write_memory(ctx, doc, LERQ_NOW_CLOCK, &data, &size, &report);
		if (err == 0) {
			fwrite(data, 1, size, stdout);
			free(data);
		}
	}
	print_findings(report);
	if (err == 0)
		status = fflush(stdout) == 0 ? 0 : 2;
	else
		fprintf(stderr, "build-preservation: %s\n", lerq_doc_error(doc));
out:
	lerq_report_free(report);
	lerq_doc_free(doc);
	lerq_ctx_free(ctx);
	return status;
}
