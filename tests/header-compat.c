/* SPDX-License-Identifier: MIT */
/* The public headers compile as strict C99, document.h also on its own. */
#include <lerq/document.h>
#include <lerq/lerq.h>

int main(void)
{
	enum lerq_doc_kind kind = LERQ_DOC_RESPONSE;
	lerq_doc_free(NULL);
	return lerq_strerror(LERQ_OK)[0] == '\0' || lerq_doc_root(NULL) != NULL ||
	       kind != LERQ_DOC_RESPONSE;
}
