/* SPDX-License-Identifier: MIT */
/*
 * Letters of documents built or parsed in memory (document.h): the
 * document is validated at most once (not again when its context found
 * it valid and it has not changed since), and its letter model made once
 * for every format (issues 11 and 18).
 */
#include <stdlib.h>

#include "document/document-private.h"
#include "letter/letter.h"

LERQ_EXPORT int lerq_letter_new_doc(const struct lerq_renderer *renderer, struct lerq_doc *doc,
                                    lerq_time_t now, struct lerq_letter **out,
                                    struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (renderer == NULL || doc == NULL || out == NULL)
		return LERQ_EINVAL;
	const struct lerq_ctx *ctx = renderer->ctx;
	struct lerq_report *rep = NULL;
	xmlDocPtr xml = NULL;
	size_t size = 0;
	int r;

	if (doc->valid_ctx == ctx && doc->valid_changes == doc->changes) {
		/* Valid as it is: a copy, since libxslt writes into what it
		 * transforms and the document may be read meanwhile. */
		rep = lerq__report_new();
		xml = xmlCopyDoc(doc->xml, 1);
		if (rep == NULL || xml == NULL) {
			lerq_report_free(rep);
			xmlFreeDoc(xml);
			return LERQ_ENOMEM;
		}
		size = doc->valid_size;
		r = LERQ_OK;
	} else {
		/* The bytes lerq_doc_write_memory() would write, validated as
		 * any received document. */
		char *bytes;
		r = lerq__xml_serialise(doc->xml, false, &bytes, &size);
		if (r != LERQ_OK)
			return lerq__doc_fail(doc, r, "Out of memory");
		r = lerq__validate_doc(ctx, bytes, size, now, &rep, &xml);
		free(bytes);
		if (r != LERQ_OK)
			return lerq__doc_fail(doc, r, "The document could not be validated: %s",
			                     lerq_strerror(r));
		if (xml == NULL || !lerq_report_is_valid(rep)) {
			r = lerq__doc_fail(doc, LERQ_EDOCUMENT,
			                  "The document is not valid (%zu errors); see the report",
			                  lerq_report_errors(rep));
		} else {
			lerq__doc_mark_valid(doc, ctx, size);
		}
	}
	if (r == LERQ_OK) {
		r = lerq__letter_new_xml(renderer, xml, size, rep, out);
		xml = NULL; /* taken */
	}
	xmlFreeDoc(xml);
	lerq__letter_hand_over(r, rep, report);
	return r;
}

LERQ_EXPORT int lerq_render_doc(const struct lerq_renderer *renderer, struct lerq_doc *doc,
                                enum lerq_format format, lerq_time_t now, char **out,
                                size_t *out_size, struct lerq_report **report)
{
	if (report != NULL)
		*report = NULL;
	if (out == NULL || out_size == NULL)
		return LERQ_EINVAL;
	struct lerq_letter *letter = NULL;
	struct lerq_report *rep = NULL;
	int r = lerq_letter_new_doc(renderer, doc, now, &letter, &rep);
	if (r == LERQ_OK)
		r = lerq_letter_render(letter, format, out, out_size);
	lerq_letter_free(letter);
	lerq__letter_hand_over(r, rep, report);
	return r;
}
