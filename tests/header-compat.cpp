/* SPDX-License-Identifier: MIT */
/* The public header compiles as C++ and links (extern "C"). */
#include <lerq/lerq.h>

int main()
{
	struct lerq_ctx *ctx = nullptr;
	lerq_ctx_free(ctx);
	return lerq_strerror(LERQ_OK)[0] == '\0';
}
