/* SPDX-License-Identifier: MIT */
/* National profiles: a subset of ISO Schematron that lerq evaluates itself
 * on compiled XPath 1.0 (libxml2 2.9.14's own Schematron cannot: see
 * ../shared/notes/libxml2-facts.md). Private to liblerq. */
#ifndef LERQ_PROFILE_H
#define LERQ_PROFILE_H

#include "lerq-private.h"

struct lerq_profile;

/* Compiles a profile from its bytes. On a profile that does not compile,
 * returns LERQ_EINVAL with the reasons as LERQ-C001 findings (line and
 * path in the profile) in `problems`, which the caller frees either way. */
int lerq_profile_compile(const struct lerq_ctx *ctx, const void *data, size_t size,
                         struct lerq_profile **out, struct lerq_report *problems);
void lerq_profile_free(struct lerq_profile *profile);

/* Runs the profile's patterns on a document that passed the schema,
 * adding its findings to report. Safe to call from many threads at once. */
int lerq_profile_run(const struct lerq_profile *profile, xmlDocPtr doc,
                     struct lerq_report *report);

/* Applies the profile's severity changes for built-in codes to report. */
void lerq_profile_adjust(const struct lerq_profile *profile,
                         struct lerq_report *report);

/* Frees the profiles a context holds (ctx.c). */
void lerq_profiles_free(struct lerq_ctx *ctx);

#endif
