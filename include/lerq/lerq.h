/* SPDX-License-Identifier: MIT */
/**
 * @file lerq.h
 * @brief lerq: structured requests from law enforcement to service providers.
 *
 * lerq parses untrusted request and response documents (namespace
 * `urn:lerq:xml:1`), validates them against the lerq schema and the
 * rules of the Council of Europe's 2008 Guidelines, and reports what it
 * finds as data.
 *
 * Conventions used throughout this header:
 *  - Functions returning `int` return 0 (LERQ_OK) on success and a
 *    negative LERQ_E* code on failure; objects come out through `**out`
 *    parameters, which are left untouched on failure.
 *  - A returned `const char *` is borrowed: it lives as long as the object
 *    it came from. A returned `char *` is the caller's to free().
 *  - Every `lerq_x_free()` accepts NULL and then does nothing.
 *  - The library never prints and never exits.
 *
 * Threads: a struct lerq_ctx, once configured, is read-only and may be
 * used by any number of threads at once. Configuration calls
 * (lerq_ctx_set_*) must happen before the context is shared. A report
 * belongs to the thread that holds it.
 */
#ifndef LERQ_LERQ_H
#define LERQ_LERQ_H

#include <stddef.h>
#include <stdint.h>

#include <lerq/version.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Return codes. Every failing call returns one of these, negated. */
enum lerq_status {
	LERQ_OK = 0,
	/** Out of memory. */
	LERQ_ENOMEM = -1,
	/** A bad argument: NULL where an object is needed, or a malformed value. */
	LERQ_EINVAL = -2,
	/** A file could not be read or written; errno says why. */
	LERQ_EIO = -3,
	/** A validator could not run (for example the schema did not compile).
	 *  The document's validity is unknown: never treat this as "valid". */
	LERQ_EINTERNAL = -4,
	/** The document is invalid or was refused: the report that comes
	 *  with it says why. Nothing was made from it (lerq_render_*). */
	LERQ_EDOCUMENT = -5,
	/** Not available in this build of lerq (PDF letters without PDF
	 *  support). */
	LERQ_ENOTSUP = -6,
};

/**
 * A short English description of a return code.
 * @return a static string; never NULL.
 */
const char *lerq_strerror(int status);

/** The library's version string, e.g. "0.1.0" (static). */
const char *lerq_version(void);

/* ------------------------------------------------------------------ */
/** @name Context */

/** Compiled schema, rules and limits. Opaque. */
struct lerq_ctx;

/** Flags for lerq_ctx_new(). None are defined yet: pass 0. */
enum lerq_ctx_flags {
	LERQ_CTX_DEFAULT = 0,
};

/** Default limit on input size: 16 MiB. */
#define LERQ_DEFAULT_MAX_SIZE ((size_t)16 * 1024 * 1024)
/** Default limit on element nesting. */
#define LERQ_DEFAULT_MAX_DEPTH 64u

/**
 * Create a context: compiles the built-in schema (nothing is read from
 * disk). Costly; create one and share it.
 * @param flags 0 (see enum lerq_ctx_flags).
 * @param[out] out the new context, to be freed with lerq_ctx_free().
 * @return LERQ_OK, LERQ_ENOMEM, LERQ_EINVAL (unknown flag or NULL out),
 *         or LERQ_EINTERNAL if the built-in schema does not compile.
 * Thread-safety: may be called from any thread.
 */
int lerq_ctx_new(unsigned int flags, struct lerq_ctx **out);

/** Free a context and everything it owns. NULL is fine. Reports made with
 *  the context remain valid after it is freed. */
void lerq_ctx_free(struct lerq_ctx *ctx);

/**
 * Set the largest input accepted, in bytes (default LERQ_DEFAULT_MAX_SIZE).
 * Larger input gets LERQ-P003 without being parsed.
 * @return LERQ_OK, or LERQ_EINVAL for a NULL ctx or a zero size.
 * Not thread-safe: call before sharing the context.
 */
int lerq_ctx_set_max_size(struct lerq_ctx *ctx, size_t bytes);

/**
 * Set the deepest element nesting accepted (default LERQ_DEFAULT_MAX_DEPTH,
 * the root element being depth 1). Deeper documents get LERQ-P003.
 * @return LERQ_OK, or LERQ_EINVAL for a NULL ctx, 0, or more than 256
 *         (libxml2's own ceiling).
 * Not thread-safe: call before sharing the context.
 */
int lerq_ctx_set_max_depth(struct lerq_ctx *ctx, unsigned int depth);

/** Default limit on the findings a report keeps. */
#define LERQ_DEFAULT_MAX_FINDINGS 1000u

/**
 * Set how many findings one report keeps (default
 * LERQ_DEFAULT_MAX_FINDINGS). Findings beyond it are still counted by
 * lerq_report_errors() and lerq_report_warnings() and decide validity,
 * but are not kept: lerq_report_suppressed() says how many. A hostile
 * document with a million faults then costs a million counts, not a
 * million messages.
 * @return LERQ_OK, or LERQ_EINVAL for a NULL ctx or 0.
 * Not thread-safe: call before sharing the context.
 */
int lerq_ctx_set_max_findings(struct lerq_ctx *ctx, unsigned int count);

/* ------------------------------------------------------------------ */
/** @name Time */

/** Seconds since 1970-01-01T00:00:00Z. */
typedef int64_t lerq_time_t;

/** Pass as "now" to use the system clock at the time of the call. */
#define LERQ_NOW_CLOCK INT64_MIN

/**
 * Parse an xs:dateTime with a mandatory time zone, such as
 * "2026-03-01T09:30:00+01:00" or "2026-03-01T08:30:00Z" (fractional
 * seconds allowed, leading and trailing whitespace ignored).
 * @param text the value, NUL-terminated.
 * @param[out] out the instant, in seconds since the epoch; untouched on
 *        failure.
 * @return LERQ_OK, or LERQ_EINVAL if @p text is not such a value.
 */
int lerq_time_parse(const char *text, lerq_time_t *out);

/* ------------------------------------------------------------------ */
/** @name Findings and reports */

/** How serious a finding is. A document is valid when it has no error. */
enum lerq_severity {
	/** The document must not be sent or acted upon as it is. */
	LERQ_SEVERITY_ERROR = 0,
	/** Worth a look; the document stays valid (lerq validate --strict
	 *  counts warnings as errors). */
	LERQ_SEVERITY_WARNING = 1,
};

/** "error" or "warning" (static). */
const char *lerq_severity_name(enum lerq_severity severity);

/** One finding. Opaque; owned by its report. */
struct lerq_finding;

/** The findings about one document. Opaque. */
struct lerq_report;

/** Free a report and its findings. NULL is fine. */
void lerq_report_free(struct lerq_report *report);

/** Number of findings, errors and warnings together. */
size_t lerq_report_count(const struct lerq_report *report);

/** Number of findings of severity error. */
size_t lerq_report_errors(const struct lerq_report *report);

/** Number of findings of severity warning. */
size_t lerq_report_warnings(const struct lerq_report *report);

/** Number of findings counted but not kept, beyond the context's limit
 *  (lerq_ctx_set_max_findings()). */
size_t lerq_report_suppressed(const struct lerq_report *report);

/** 1 when the report has no error finding (warnings allowed), else 0. */
int lerq_report_is_valid(const struct lerq_report *report);

/**
 * The @p index th finding, in document order within each stage
 * (parse, schema, rules).
 * @return a finding borrowed from @p report, or NULL if out of range.
 */
const struct lerq_finding *lerq_report_get(const struct lerq_report *report,
                                           size_t index);

/** Rule code, e.g. "LERQ-S001" (borrowed, never NULL). */
const char *lerq_finding_code(const struct lerq_finding *finding);
/** Severity of the finding. */
enum lerq_severity lerq_finding_severity(const struct lerq_finding *finding);
/** One sentence naming the field (borrowed, UTF-8, never NULL). */
const char *lerq_finding_message(const struct lerq_finding *finding);
/** Line of the offending node, 1-based; 0 when unknown. */
unsigned long lerq_finding_line(const struct lerq_finding *finding);
/** Column of the offending node, 1-based; 0 when unknown. */
unsigned long lerq_finding_column(const struct lerq_finding *finding);
/** XPath of the node, e.g. "/Request/IssuingAuthority/Contact[1]/Email";
 *  "" when unknown (borrowed, never NULL). */
const char *lerq_finding_path(const struct lerq_finding *finding);
/** Guideline or Convention source, e.g. "G§24"; "" where none
 *  (borrowed, never NULL). */
const char *lerq_finding_ref(const struct lerq_finding *finding);

/* ------------------------------------------------------------------ */
/** @name Validation */

/**
 * Validate a document held in memory: size limit, safe parsing (no DTD,
 * no entities, no XInclude, nothing fetched), root and version, schema,
 * then the rules.
 * @param ctx a context (shared, read-only).
 * @param data the document's bytes; need not be NUL-terminated. May be
 *        NULL only when @p size is 0 (empty input, reported as LERQ-P001).
 * @param size number of bytes.
 * @param now the validation time for rules that compare with the present,
 *        or LERQ_NOW_CLOCK.
 * @param[out] out the report, to be freed with lerq_report_free(). A
 *        report is produced whenever validation ran, valid or not.
 * @return LERQ_OK when the document was checked (see the report for the
 *         verdict); LERQ_EINVAL, LERQ_ENOMEM or LERQ_EINTERNAL otherwise,
 *         with no report.
 * Thread-safety: safe to call concurrently on one context.
 */
int lerq_validate_memory(const struct lerq_ctx *ctx, const void *data,
                         size_t size, lerq_time_t now,
                         struct lerq_report **out);

/**
 * Validate a file: reads it (at most the context's size limit plus one
 * byte) and calls lerq_validate_memory(). "-" is not special here.
 * @return as lerq_validate_memory(), and LERQ_EIO when the file cannot be
 *         read (errno is left as the failing call set it).
 */
int lerq_validate_file(const struct lerq_ctx *ctx, const char *path,
                       lerq_time_t now, struct lerq_report **out);

/* ------------------------------------------------------------------ */
/** @name A request and its response */

/**
 * Check a response against the request it answers: validates each
 * document on its own (as lerq_validate_memory()), then, when both passed
 * the schema, applies the request+response rules LERQ-R201..R204, whose
 * findings go into the response's report. A document in the wrong place
 * (a Response given as the request, say) gets LERQ-S002.
 * @param ctx a context (shared, read-only).
 * @param request the request's bytes.
 * @param request_size their number.
 * @param response the response's bytes.
 * @param response_size their number.
 * @param now the validation time, or LERQ_NOW_CLOCK.
 * @param[out] request_report the request's findings.
 * @param[out] response_report the response's findings, pair rules
 *        included. Both are the caller's to free with lerq_report_free();
 *        on failure neither is set.
 * @return LERQ_OK when both were checked; LERQ_EINVAL, LERQ_ENOMEM or
 *         LERQ_EINTERNAL otherwise.
 * Thread-safety: safe to call concurrently on one context.
 */
int lerq_check_response_memory(const struct lerq_ctx *ctx,
                               const void *request, size_t request_size,
                               const void *response, size_t response_size,
                               lerq_time_t now,
                               struct lerq_report **request_report,
                               struct lerq_report **response_report);

/**
 * As lerq_check_response_memory(), reading both files.
 * @return as lerq_check_response_memory(), and LERQ_EIO when either file
 *         cannot be read (errno says why; read them yourself and use
 *         lerq_check_response_memory() to tell which).
 */
int lerq_check_response_file(const struct lerq_ctx *ctx, const char *request_path,
                             const char *response_path, lerq_time_t now,
                             struct lerq_report **request_report,
                             struct lerq_report **response_report);

/* ------------------------------------------------------------------ */
/** @name National profiles */

/**
 * Load a national profile into the context: rules of a deployment's own,
 * written in ISO Schematron (the subset lerq evaluates is described in
 * doc/profiles.md), and severity changes for built-in rules. Its findings
 * appear in every later report of the context, after the built-in rules.
 * Several profiles may be loaded; each is compiled once, here.
 * @param ctx the context; not yet shared with other threads.
 * @param path the profile file. Parsed as safely as a document: no DTD,
 *        no entities, nothing fetched.
 * @param[out] problems may be NULL. On LERQ_EINVAL, when non-NULL, receives
 *        a report whose LERQ-C001 findings (and LERQ-P00x, for a profile
 *        that is not even well-formed) say what is wrong and on which line
 *        of the profile; the caller frees it with lerq_report_free().
 *        Otherwise set to NULL.
 * @return LERQ_OK; LERQ_EINVAL for a profile that does not compile (it is
 *         refused, never half applied) or a NULL argument; LERQ_EIO when the
 *         file cannot be read (errno says why); LERQ_ENOMEM.
 * Not thread-safe: call before sharing the context.
 */
int lerq_ctx_load_profile(struct lerq_ctx *ctx, const char *path,
                          struct lerq_report **problems);

/**
 * As lerq_ctx_load_profile(), from a profile held in memory.
 */
int lerq_ctx_load_profile_memory(struct lerq_ctx *ctx, const void *data,
                                 size_t size, struct lerq_report **problems);

/* ------------------------------------------------------------------ */
/** @name Rendering
 *
 * A valid Request or Response rendered as a letter: HTML on the agency's
 * letterhead (one self-contained page, print-ready on A4), plain text
 * wrapped at 72 columns, or (in a build with PDF support) PDF. Every
 * format says the same: the content is decided once, in a letter model
 * that each format only lays out. The letter is in the document's
 * xml:lang (en, fr, de and es; other languages fall back to English with
 * a LERQ-L001 warning) and dated by its IssuedAt, never by the clock: the
 * same document gives the same letter. Every value from the document is
 * escaped; rendering reads no file and opens no connection, whatever the
 * document or a letterhead asks. The stylesheets are compiled into the
 * library (and once per context): nothing needs to be installed.
 */

/** Output formats of lerq_render_memory() and lerq_render_to_file(). */
enum lerq_format {
	/** One HTML file: inline CSS, embedded images, nothing fetched. */
	LERQ_FORMAT_HTML = 0,
	/** UTF-8 text wrapped at 72 columns, for e-mail bodies and archives. */
	LERQ_FORMAT_TEXT = 1,
	/** PDF, typeset in the library (cairo and pango): the same content as
	 *  the HTML letter, on A4 unless lerq_renderer_set_paper() says
	 *  otherwise, with selectable text, links, document metadata and the
	 *  same bytes for the same document. The typesetter is a module of
	 *  its own (libdir/lerq/liblerq-pdf.so, or the file the environment
	 *  variable LERQ_PDF_MODULE names), opened on the first PDF letter,
	 *  so that a program that only validates never loads cairo or pango.
	 *  LERQ_ENOTSUP in a build without PDF support or when the module
	 *  cannot be opened. */
	LERQ_FORMAT_PDF = 2,
};

/** Paper sizes of PDF letters (lerq_renderer_set_paper()). */
enum lerq_paper {
	/** ISO A4, 210 x 297 mm: the default. */
	LERQ_PAPER_A4 = 0,
	/** US Letter, 8.5 x 11 inches. */
	LERQ_PAPER_LETTER = 1,
};

/** What letters are rendered with: a context and, optionally, an agency's
 *  letterhead. Opaque. */
struct lerq_renderer;

/**
 * Create a renderer with lerq's plain letterhead. It compiles lerq's
 * letter stylesheets (built into the library): costly, so create one and
 * share it; a context used only to validate never pays for them.
 * @param ctx the context; it must outlive the renderer.
 * @param[out] out the renderer, to be freed with lerq_renderer_free().
 * @return LERQ_OK, LERQ_EINVAL (NULL argument), LERQ_ENOMEM, or
 *         LERQ_EINTERNAL if the built-in stylesheets do not compile.
 * Thread-safety: a configured renderer is read-only and may be used by
 * any number of threads at once; lerq_renderer_set_* must be called
 * before it is shared.
 */
int lerq_renderer_new(const struct lerq_ctx *ctx, struct lerq_renderer **out);

/** Free a renderer and its letterhead. NULL is fine. */
void lerq_renderer_free(struct lerq_renderer *renderer);

/**
 * Use an agency's letterhead: an XSLT stylesheet that imports lerq's
 * "res:///letter.xsl" and overrides its letterhead hooks (logo, colour,
 * typeface, layout, lines above the name and in the footer; see
 * doc/letterhead.md). It is compiled once, here, and replaces any
 * letterhead set before.
 *
 * Naming the file is the caller's decision to trust it; lerq still parses
 * it as safely as a document (no DTD, no entities), lets it import only
 * lerq's own embedded stylesheets, and runs it under the same rules as
 * its own: no file or network access, CPU caps.
 * @param renderer a renderer not yet shared with other threads.
 * @param path the stylesheet's file.
 * @param[out] problems may be NULL. On LERQ_EINVAL, when non-NULL,
 *        receives a report whose LERQ-L002 findings (or LERQ-P00x, for a
 *        file that is not even well-formed) say what is wrong; the caller
 *        frees it with lerq_report_free(). Otherwise set to NULL.
 * @return LERQ_OK; LERQ_EINVAL for a letterhead that is refused or does
 *         not compile (the renderer keeps the letterhead it had) or a NULL
 *         argument; LERQ_EIO when the file cannot be read (errno says
 *         why); LERQ_ENOMEM.
 */
int lerq_renderer_set_letterhead(struct lerq_renderer *renderer, const char *path,
                                 struct lerq_report **problems);

/**
 * As lerq_renderer_set_letterhead(), from a stylesheet held in memory.
 */
int lerq_renderer_set_letterhead_memory(struct lerq_renderer *renderer,
                                        const void *data, size_t size,
                                        struct lerq_report **problems);

/**
 * Choose the paper of PDF letters; A4 until this is called. HTML letters
 * print on A4 and text has no paper, whatever this says. Accepted in a
 * build without PDF support too (it then changes nothing).
 * @param renderer a renderer not yet shared with other threads.
 * @param paper LERQ_PAPER_A4 or LERQ_PAPER_LETTER.
 * @return LERQ_OK, or LERQ_EINVAL for a NULL renderer or another value.
 */
int lerq_renderer_set_paper(struct lerq_renderer *renderer, enum lerq_paper paper);

/**
 * Render a document held in memory as a letter. The document is validated
 * first, exactly as lerq_validate_memory() does; an invalid one gives its
 * report and no letter.
 * @param renderer the renderer (shared, read-only).
 * @param data, size the document's bytes.
 * @param format LERQ_FORMAT_HTML, LERQ_FORMAT_TEXT or LERQ_FORMAT_PDF.
 * @param now the validation time for rules that compare with the present,
 *        or LERQ_NOW_CLOCK. The letter itself is dated by its IssuedAt
 *        (so is a PDF's creation date): the same document gives the same
 *        bytes.
 * @param[out] out the letter, NUL-terminated (the NUL is not counted in
 *        @p out_size; a PDF is binary and may hold NULs of its own); the
 *        caller frees it with free(). Set only on LERQ_OK.
 * @param[out] out_size its length in bytes.
 * @param[out] report may be NULL. Receives the document's findings (its
 *        warnings, and LERQ-L001 when its language fell back to English)
 *        on LERQ_OK, its errors on LERQ_EDOCUMENT, and a LERQ-L003
 *        finding when the letterhead failed (LERQ_EINVAL); the caller
 *        frees it with lerq_report_free(). Otherwise set to NULL.
 * @return LERQ_OK; LERQ_EDOCUMENT for an invalid or refused document;
 *         LERQ_ENOTSUP for LERQ_FORMAT_PDF in a build without PDF support,
 *         when the PDF module cannot be opened or on a system with no
 *         font installed;
 *         LERQ_EINVAL for a bad argument or a letterhead that failed
 *         while rendering (reading a file, say); LERQ_ENOMEM;
 *         LERQ_EINTERNAL.
 * Thread-safety: safe to call concurrently on one renderer.
 */
int lerq_render_memory(const struct lerq_renderer *renderer,
                       const void *data, size_t size, enum lerq_format format,
                       lerq_time_t now, char **out, size_t *out_size,
                       struct lerq_report **report);

/**
 * As lerq_render_memory(), writing the letter to the file @p path. The
 * letter is written to a temporary file in the same directory and renamed
 * over @p path once complete, so @p path never holds half a letter, and
 * nothing is left behind on failure. A replaced file keeps its
 * permissions; a new one is readable and writable by its owner only
 * (0600), as befits a confidential letter.
 * @return as lerq_render_memory(), and LERQ_EIO when the file cannot be
 *         written (errno says why).
 */
int lerq_render_to_file(const struct lerq_renderer *renderer,
                        const void *data, size_t size, enum lerq_format format,
                        lerq_time_t now, const char *path,
                        struct lerq_report **report);

/**
 * @name Letters made once, rendered in several formats
 *
 * Validating a document and making its letter model (everything the
 * letter says, in its language) are most of a letter's cost, and the
 * same for every format. A struct lerq_letter holds that work done once:
 * make it from bytes (lerq_letter_new()) or from a document built or
 * parsed with document.h (lerq_letter_new_doc()), then lay it out in as
 * many formats as wanted with lerq_letter_render(); each gives exactly
 * the bytes lerq_render_memory() gives.
 */
struct lerq_letter;
struct lerq_doc;

/**
 * Validate a document held in memory, as lerq_render_memory() does, and
 * make its letter.
 * @param renderer the renderer (shared, read-only); it must outlive the
 *        letter.
 * @param data, size, now as for lerq_render_memory().
 * @param[out] out the letter, to be freed with lerq_letter_free(); set
 *        only on LERQ_OK.
 * @param[out] report as for lerq_render_memory().
 * @return LERQ_OK; LERQ_EDOCUMENT for an invalid or refused document;
 *         LERQ_EINVAL for a bad argument or a letterhead that failed;
 *         LERQ_ENOMEM; LERQ_EINTERNAL.
 * Thread-safety: safe to call concurrently on one renderer.
 */
int lerq_letter_new(const struct lerq_renderer *renderer, const void *data, size_t size,
                    lerq_time_t now, struct lerq_letter **out,
                    struct lerq_report **report);

/**
 * Read a file (at most the context's size limit; a larger one is refused
 * by its size, LERQ-P003, without being read) and make its letter as
 * lerq_letter_new() does.
 * @return as lerq_letter_new(), and LERQ_EIO when the file cannot be read
 *         (errno says why).
 */
int lerq_letter_new_file(const struct lerq_renderer *renderer, const char *path,
                         lerq_time_t now, struct lerq_letter **out,
                         struct lerq_report **report);

/**
 * Make the letter of a document built or parsed with document.h, without
 * writing it out. A document this renderer's context already found valid
 * as it is now (lerq_doc_parse_memory() of a valid document,
 * lerq_doc_write_memory(), or an earlier call of this function, with no
 * change since) is not validated again; any other is validated once, as
 * lerq_doc_write_memory() validates it, and remembered as valid.
 * @param renderer the renderer (shared, read-only); it must outlive the
 *        letter.
 * @param doc the document; not changed, but for its error message and
 *        the record that it was found valid. The letter does not refer
 *        to it: it may be changed or freed afterwards.
 * @param now the validation time, as for lerq_render_memory() (unused
 *        when the document is not validated again).
 * @param[out] out the letter, to be freed with lerq_letter_free(); set
 *        only on LERQ_OK.
 * @param[out] report may be NULL. The findings as for
 *        lerq_render_memory(); when validation did not run again, only
 *        the letter's own (LERQ-L001, LERQ-L003).
 * @return as lerq_letter_new().
 * Thread-safety: safe to call concurrently on one renderer, each thread
 * with its own document.
 */
int lerq_letter_new_doc(const struct lerq_renderer *renderer, struct lerq_doc *doc,
                        lerq_time_t now, struct lerq_letter **out,
                        struct lerq_report **report);

/**
 * Lay a letter out in one format; call it again for another.
 * @param letter the letter.
 * @param format LERQ_FORMAT_HTML, LERQ_FORMAT_TEXT or LERQ_FORMAT_PDF.
 * @param[out] out, out_size as for lerq_render_memory().
 * @return LERQ_OK; LERQ_ENOTSUP as for lerq_render_memory(); LERQ_EINVAL
 *         for a bad argument; LERQ_ENOMEM; LERQ_EINTERNAL.
 * Thread-safety: one letter is laid out by one thread at a time (libxslt
 * writes into the model it transforms); different letters of one
 * renderer may be laid out at once.
 */
int lerq_letter_render(struct lerq_letter *letter, enum lerq_format format, char **out,
                       size_t *out_size);

/**
 * As lerq_letter_render(), writing the letter to the file @p path as
 * lerq_render_to_file() does (never half a letter; a new file is 0600).
 * @return as lerq_letter_render(), and LERQ_EIO when the file cannot be
 *         written (errno says why).
 */
int lerq_letter_write(struct lerq_letter *letter, enum lerq_format format,
                      const char *path);

/** Free a letter; NULL is allowed. */
void lerq_letter_free(struct lerq_letter *letter);

/**
 * Render a document built or parsed with document.h in one format:
 * lerq_letter_new_doc(), then lerq_letter_render(). For several formats,
 * make the letter once instead.
 * @return as lerq_letter_new_doc() and lerq_letter_render().
 * Thread-safety: as lerq_letter_new_doc().
 */
int lerq_render_doc(const struct lerq_renderer *renderer, struct lerq_doc *doc,
                    enum lerq_format format, lerq_time_t now, char **out,
                    size_t *out_size, struct lerq_report **report);

#ifdef __cplusplus
}
#endif

#include <lerq/document.h> /* building, reading and writing documents */

#endif /* LERQ_LERQ_H */
