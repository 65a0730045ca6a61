/* SPDX-License-Identifier: MIT */
/* The public headers compile as C++ and link (extern "C"), document.h also
 * on its own. */
#include <cstdlib>

#include <lerq/document.h>
#include <lerq/lerq.h>

int main()
{
	struct lerq_ctx *ctx = nullptr;
	lerq_ctx_free(ctx);
	struct lerq_doc *doc = nullptr;
	if (lerq_doc_new(LERQ_DOC_REQUEST_RELEASE, "en", &doc) == LERQ_OK)
		lerq_doc_free(doc);
	char *data = nullptr;
	size_t size = 0;
	if (lerq_doc_template(LERQ_DOC_RESPONSE, LERQ_TEMPLATE_BLANK, &data, &size) != LERQ_OK)
		return 1;
	std::free(data);
	return lerq_strerror(LERQ_OK)[0] == '\0';
}
