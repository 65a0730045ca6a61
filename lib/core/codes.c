/* SPDX-License-Identifier: MIT */
/* The one table of finding codes: code, severity, source and title
 * (../shared/spec/format.md, section 4). Everything else refers to it. */
#include "core/lerq-private.h"

static const struct lerq__code_info codes[] = {
	[LERQ_P001] = { "LERQ-P001", LERQ_SEVERITY_ERROR, "",
	                "not well-formed XML, not UTF-8, or empty" },
	[LERQ_P002] = { "LERQ-P002", LERQ_SEVERITY_ERROR, "",
	                "DOCTYPE, entity, XInclude or other external reference" },
	[LERQ_P003] = { "LERQ-P003", LERQ_SEVERITY_ERROR, "",
	                "a size or nesting limit exceeded" },
	[LERQ_S001] = { "LERQ-S001", LERQ_SEVERITY_ERROR, "",
	                "schema violation" },
	[LERQ_S002] = { "LERQ-S002", LERQ_SEVERITY_ERROR, "",
	                "not a lerq document, or not version 1.0" },

	/* Requests (rules-*.c). */
	[LERQ_R001] = { "LERQ-R001", LERQ_SEVERITY_ERROR, "G§24",
	                "contact e-mail on a free-mail or personal domain" },
	[LERQ_R002] = { "LERQ-R002", LERQ_SEVERITY_WARNING, "G§24",
	                "contact e-mail outside the Website's domain" },
	[LERQ_R003] = { "LERQ-R003", LERQ_SEVERITY_ERROR, "G§25",
	                "IssuedAt in the future" },
	[LERQ_R004] = { "LERQ-R004", LERQ_SEVERITY_ERROR, "G§31",
	                "RespondBy not after IssuedAt" },
	[LERQ_R005] = { "LERQ-R005", LERQ_SEVERITY_WARNING, "G§31",
	                "routine request with less than 72 hours to respond" },
	[LERQ_R006] = { "LERQ-R006", LERQ_SEVERITY_ERROR, "G§27",
	                "period reversed, or data time after IssuedAt" },
	[LERQ_R007] = { "LERQ-R007", LERQ_SEVERITY_WARNING, "G§27",
	                "period longer than 366 days" },
	[LERQ_R008] = { "LERQ-R008", LERQ_SEVERITY_ERROR, "G§27",
	                "IP address without At or Period" },
	[LERQ_R009] = { "LERQ-R009", LERQ_SEVERITY_WARNING, "G§27",
	                "IPv4 address without port" },
	[LERQ_R010] = { "LERQ-R010", LERQ_SEVERITY_ERROR, "G§27",
	                "identifier malformed for its type" },
	[LERQ_R011] = { "LERQ-R011", LERQ_SEVERITY_ERROR, "C-Art 15",
	                "content data without a judicial order" },
	[LERQ_R012] = { "LERQ-R012", LERQ_SEVERITY_ERROR, "C-Art 29.2",
	                "preservation request incomplete" },
	[LERQ_R013] = { "LERQ-R013", LERQ_SEVERITY_ERROR, "C-Art 29.7",
	                "cross-border preservation shorter than 60 days" },
	[LERQ_R014] = { "LERQ-R014", LERQ_SEVERITY_ERROR, "G§36",
	                "cross-border request on the domestic channel" },
	/* One rule, two severities (spec section 4): the same code twice, so
	 * that the severity still comes from this table alone. */
	[LERQ_R015] = { "LERQ-R015", LERQ_SEVERITY_ERROR, "G§34",
	                "emergency priority without Emergency" },
	[LERQ_R015_WARNING] = { "LERQ-R015", LERQ_SEVERITY_WARNING, "G§34",
	                        "Emergency without emergency priority" },
	[LERQ_R016] = { "LERQ-R016", LERQ_SEVERITY_ERROR, "G§35",
	                "DataRequested or RelatesTo wrong for the request type" },
	[LERQ_R017] = { "LERQ-R017", LERQ_SEVERITY_ERROR, "G§32",
	                "confidentiality ends before the request's date" },
	[LERQ_R018] = { "LERQ-R018", LERQ_SEVERITY_WARNING, "G§24",
	                "Website not https" },
	[LERQ_R019] = { "LERQ-R019", LERQ_SEVERITY_ERROR, "G§18",
	                "authorisation expired before the request's date" },
	/* Format revision 1.1. */
	[LERQ_R020] = { "LERQ-R020", LERQ_SEVERITY_WARNING, "G§26",
	                "legal provision of neither INT nor the authority's country" },
	[LERQ_R021] = { "LERQ-R021", LERQ_SEVERITY_WARNING, "C-Art 16.2",
	                "preservation longer than 90 days" },
	[LERQ_R022] = { "LERQ-R022", LERQ_SEVERITY_WARNING, "G§24, G§34",
	                "emergency without a supervisor to call back" },
	[LERQ_R023] = { "LERQ-R023", LERQ_SEVERITY_ERROR, "G§27",
	                "bidirectional control or invisible character in an identifier, "
	                "number, e-mail address or name, or a name with nothing visible" },
	[LERQ_R024] = { "LERQ-R024", LERQ_SEVERITY_ERROR, "G§24",
	                "look-alike domain: an e-mail domain or Website host that mixes "
	                "scripts, uses compatibility characters or holds invisible ones" },

	/* Responses (rules/response.c). */
	[LERQ_R101] = { "LERQ-R101", LERQ_SEVERITY_ERROR, "G§57",
	                "data not provided without a reason" },
	[LERQ_R102] = { "LERQ-R102", LERQ_SEVERITY_ERROR, "C-Art 29.7",
	                "data preserved without PreservedUntil" },
	[LERQ_R103] = { "LERQ-R103", LERQ_SEVERITY_ERROR, "G§54",
	                "response issued before the request was received" },
	[LERQ_R104] = { "LERQ-R104", LERQ_SEVERITY_ERROR, "G§53",
	                "Status contradicts the outcomes" },

	/* A request and its response together (pair.c), reported against
	 * the response. */
	[LERQ_R201] = { "LERQ-R201", LERQ_SEVERITY_ERROR, "G§52",
	                "InResponseTo is not the request's registration number" },
	[LERQ_R202] = { "LERQ-R202", LERQ_SEVERITY_ERROR, "G§57",
	                "a requested Item has no Result" },
	[LERQ_R203] = { "LERQ-R203", LERQ_SEVERITY_ERROR, "G§55",
	                "a Result names an item the request does not have" },
	[LERQ_R204] = { "LERQ-R204", LERQ_SEVERITY_WARNING, "G§54",
	                "response issued after the request's RespondBy" },

	/* Signatures and trust lists (lib/sign/, format section 6). */
	[LERQ_V001] = { "LERQ-V001", LERQ_SEVERITY_ERROR, "G§51",
	                "the signature does not verify" },
	[LERQ_V002] = { "LERQ-V002", LERQ_SEVERITY_ERROR, "G§51",
	                "a signature outside lerq's signature profile" },
	[LERQ_V003] = { "LERQ-V003", LERQ_SEVERITY_ERROR, "G§51",
	                "the signer's certificate is not trusted by the trust list" },
	[LERQ_V004] = { "LERQ-V004", LERQ_SEVERITY_ERROR, "G§51",
	                "the signer's certificate or trust-list entry not valid at IssuedAt" },
	[LERQ_V005] = { "LERQ-V005", LERQ_SEVERITY_ERROR, "G§24",
	                "the signer's trust-list entry names another party" },
	[LERQ_V006] = { "LERQ-V006", LERQ_SEVERITY_WARNING, "G§24",
	                "website, e-mail domain or switchboard differs from the trust list" },
	[LERQ_V007] = { "LERQ-V007", LERQ_SEVERITY_WARNING, "G§51",
	                "the document is not signed" },

	/* Configuration: not about a document. */
	[LERQ_C001] = { "LERQ-C001", LERQ_SEVERITY_ERROR, "",
	                "a national profile that does not compile" },

	/* Letters (render.c, letterhead.c). */
	[LERQ_L001] = { "LERQ-L001", LERQ_SEVERITY_WARNING, "",
	                "no letter catalogue for the document's language: written in English" },
	[LERQ_L002] = { "LERQ-L002", LERQ_SEVERITY_ERROR, "",
	                "a letterhead that is refused or does not compile" },
	[LERQ_L003] = { "LERQ-L003", LERQ_SEVERITY_ERROR, "",
	                "a letterhead that failed while writing a letter" },
	[LERQ_L004] = { "LERQ-L004", LERQ_SEVERITY_WARNING, "",
	                "a character that no installed font has: a PDF letter would show a box" },
};

_Static_assert(sizeof(codes) / sizeof(codes[0]) == LERQ_CODE_COUNT,
               "every enum lerq_code has a row");

const struct lerq__code_info *lerq__code_info(enum lerq_code code)
{
	return &codes[code];
}

LERQ_EXPORT size_t lerq_code_count(void)
{
	return LERQ_CODE_COUNT;
}

LERQ_EXPORT int lerq_code_get(size_t index, const char **code,
                              enum lerq_severity *severity, const char **ref,
                              const char **title)
{
	if (index >= LERQ_CODE_COUNT)
		return LERQ_EINVAL;
	const struct lerq__code_info *info = &codes[index];
	if (code != NULL)
		*code = info->code;
	if (severity != NULL)
		*severity = info->severity;
	if (ref != NULL)
		*ref = info->ref;
	if (title != NULL)
		*title = info->title;
	return LERQ_OK;
}
