/* SPDX-License-Identifier: MIT */
/*
 * Opens the PDF typesetter module (pdf/module.h) on the first PDF letter.
 * A process that never makes a PDF never maps cairo, pango, fontconfig,
 * HarfBuzz or GLib: `lerq validate` loads what validation needs.
 *
 * The module is opened once for the process and never closed (fontconfig
 * and GLib cannot be unloaded cleanly). Its path is fixed at build time
 * (LERQ_PDF_MODULE_PATH, libdir/lerq/liblerq-pdf.so); the environment
 * variable LERQ_PDF_MODULE replaces it, for the build tree's tests and
 * for relocated installs. It is ignored in a set-user-ID or
 * set-group-ID process (secure_getenv).
 */
#define _GNU_SOURCE /* secure_getenv */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lerq/version.h"
#include "pdf/module.h"
#include "letter/letter.h"

#ifdef LERQ_HAVE_PDF

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const struct lerq__pdf_module *module;

static void load(void)
{
	const char *path = secure_getenv("LERQ_PDF_MODULE");
	if (path == NULL || *path == '\0')
		path = LERQ_PDF_MODULE_PATH;
	/* RTLD_LOCAL: cairo's and pango's names stay out of the program's
	 * global scope. */
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL)
		return;
	const struct lerq__pdf_module *(*entry)(void);
	*(void **)&entry = dlsym(handle, LERQ_PDF_MODULE_ENTRY);
	const struct lerq__pdf_module *m = entry ? entry() : NULL;
	if (m == NULL || m->version == NULL || strcmp(m->version, LERQ_VERSION) != 0) {
		dlclose(handle);
		return;
	}
	module = m;
}

const struct lerq__pdf_module *lerq__pdf_module_load(void)
{
	pthread_once(&once, load);
	return module;
}

#else

const struct lerq__pdf_module *lerq__pdf_module_load(void)
{
	return NULL;
}

#endif
