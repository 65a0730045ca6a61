/* SPDX-License-Identifier: MIT */
/* The entry of liblerq-pdf.so: its table of functions (pdf/module.h). */
#include "lerq/version.h"
#include "pdf/module.h"
#include "pdf/pdf.h"

static const struct lerq__pdf_module table = {
	.version = LERQ_VERSION,
	.fonts_new = lerq__pdf_fonts_new,
	.fonts_free = lerq__pdf_fonts_free,
	.render = lerq__pdf_render,
	.check_fonts = lerq__pdf_check_fonts,
};

LERQ_EXPORT const struct lerq__pdf_module *lerq__pdf_module(void)
{
	return &table;
}
