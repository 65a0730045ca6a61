/* SPDX-License-Identifier: MIT */
/* The one table of finding codes: code, severity, source and title
 * (../shared/spec/format.md, section 4). Everything else refers to it. */
#include "lerq-private.h"

static const struct lerq_code_info codes[] = {
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
};

const struct lerq_code_info *lerq_code_info(enum lerq_code code)
{
	return &codes[code];
}
