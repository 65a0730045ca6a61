/* SPDX-License-Identifier: MIT */
/*
 * Opens the PDF typesetter module (pdf/module.h) on the first PDF letter.
 * A process that never makes a PDF never maps cairo, pango, fontconfig,
 * HarfBuzz or GLib: `lerq validate` loads what validation needs.
 *
 * The module is opened once for the process and never closed (fontconfig
 * and GLib cannot be unloaded cleanly). Its path is fixed at build time
 * (LERQ_PDF_MODULE_PATH, libdir/lerq/liblerq-pdf.so), then next to
 * liblerq itself (a relocated install, or the build tree); the
 * environment variable LERQ_PDF_MODULE replaces them all, for the build
 * tree's tests. It is ignored in a set-user-ID or set-group-ID process
 * (secure_getenv).
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

/* The module at path, of this very version, or NULL. */
static const struct lerq__pdf_module *open_module(const char *path)
{
	/* RTLD_LOCAL: cairo's and pango's names stay out of the program's
	 * global scope. */
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL)
		return NULL;
	const struct lerq__pdf_module *(*entry)(void);
	*(void **)&entry = dlsym(handle, LERQ_PDF_MODULE_ENTRY);
	const struct lerq__pdf_module *m = entry ? entry() : NULL;
	if (m == NULL || m->version == NULL || strcmp(m->version, LERQ_VERSION) != 0) {
		dlclose(handle);
		return NULL;
	}
	return m;
}

/* Next to liblerq itself: DIR/lerq/liblerq-pdf.so, as installed in a
 * prefix other than the configured one, or DIR/liblerq-pdf.so, as in the
 * build tree (so that ./build/cli/lerq makes PDFs before installing).
 * The directory liblerq was loaded from is as trusted as liblerq. */
static const struct lerq__pdf_module *open_beside_library(void)
{
	Dl_info info;
	if (dladdr((void *)open_beside_library, &info) == 0 || info.dli_fname == NULL)
		return NULL;
	const char *slash = strrchr(info.dli_fname, '/');
	if (slash == NULL)
		return NULL;
	static const char *const names[] = { "/lerq/liblerq-pdf.so", "/liblerq-pdf.so" };
	const struct lerq__pdf_module *m = NULL;
	for (size_t i = 0; m == NULL && i < sizeof(names) / sizeof(names[0]); i++) {
		char *path = lerq__strdup_printf("%.*s%s", (int)(slash - info.dli_fname),
		                                 info.dli_fname, names[i]);
		if (path == NULL)
			return NULL;
		m = open_module(path);
		free(path);
	}
	return m;
}

static void load(void)
{
	const char *path = secure_getenv("LERQ_PDF_MODULE");
	if (path != NULL && *path != '\0') {
		module = open_module(path);
		return;
	}
	module = open_module(LERQ_PDF_MODULE_PATH);
	if (module == NULL)
		module = open_beside_library();
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
