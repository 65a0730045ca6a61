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

/** Seconds since 1970-01-01T00:00:00Z. Every call that takes a time
 *  ("now", "when") takes it in this unit. */
typedef int64_t lerq_time_t;

/**
 * The current time from the system clock, in seconds since the epoch: pass
 * it where a call asks for "now" (lerq_validate_memory(), ...) or "when"
 * (lerq_doc_set_issued_at()). It is an ordinary time, so
 * `lerq_now() + 90 * 86400` is ninety days from now.
 * Thread-safety: may be called from any thread.
 */
lerq_time_t lerq_now(void);

/** Deprecated: write lerq_now(). Kept so that older programs compile; it
 *  now is lerq_now() itself, so arithmetic on it means what it says. */
#define LERQ_NOW_CLOCK (lerq_now())

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
/** @name Digests */

/**
 * The SHA-256 digest (FIPS 180-4) of @p size bytes, as 64 lower-case
 * hexadecimal digits: the value of an Attachment's Digest, whose
 * algorithm is "sha-256" (lerq_doc_add_attachment() computes it itself).
 * @param data the bytes; may be NULL only when @p size is 0.
 * @param size their number.
 * @param[out] out 65 chars: the digits and a NUL.
 * @return LERQ_OK, or LERQ_EINVAL for a NULL @p out or NULL data with a
 *         size.
 * Thread-safety: may be called from any thread.
 */
int lerq_sha256_hex(const void *data, size_t size, char out[65]);

/**
 * Write bytes to a file as lerq writes every output, so that nothing is
 * lost: a regular file is replaced through a temporary file in the same
 * directory, flushed and renamed over it (its readers see the old content
 * or the new, never a part; a replaced file keeps its mode, a new one
 * gets 0666 less the umask); a device or a FIFO is written into, never
 * renamed over; a symbolic link is followed, and its target gets the new
 * content; a dangling link or a directory is refused.
 * @param path the file.
 * @param data the bytes; may be NULL only when @p size is 0.
 * @param size their number.
 * @return LERQ_OK; LERQ_EIO when it cannot be written (errno says why,
 *         e.g. ENOSPC); LERQ_EINVAL for a NULL @p path; LERQ_ENOMEM.
 * Thread-safety: may be called from any thread.
 */
int lerq_write_file(const char *path, const void *data, size_t size);

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

/**
 * The report as JSON Lines, exactly the bytes `lerq validate --json`
 * prints for one input (lerq's format specification, section 5): one
 * object per kept finding, with the keys "file", "line", "column",
 * "severity", "code", "message", "path" and "ref", then one summary
 * object {"file": ..., "valid": true|false, "errors": N, "warnings": N}
 * (the counts include suppressed findings), each followed by "\n".
 * Strings are escaped as JSON requires; bytes of @p file that are not
 * well-formed UTF-8 become U+FFFD.
 * @param report the report.
 * @param file the name to give as "file", e.g. the path that was
 *        validated or "-"; UTF-8, NUL-terminated.
 * @param[out] out the text, NUL-terminated, the caller's to free().
 *        Set only on LERQ_OK.
 * @param[out] out_size its length in bytes, without the NUL; may be NULL.
 * @return LERQ_OK, LERQ_EINVAL for a NULL argument, LERQ_ENOMEM.
 * Thread-safety: a report may be read by several threads at once.
 */
int lerq_report_to_json(const struct lerq_report *report, const char *file,
                        char **out, size_t *out_size);

/* ------------------------------------------------------------------ */
/** @name The code table
 *
 * Every code a finding can carry, with its severity, its guideline or
 * Convention reference and a short title: the catalogue a binding or a
 * user interface can show. LERQ-R015 has two rows, one per severity (an
 * error for emergency priority without Emergency, a warning the other
 * way round); every other code has one. National profiles' own codes are
 * not in it. The order is stable within a version of lerq but not
 * across versions: look codes up by name.
 */

/** The number of rows of the code table (static). */
size_t lerq_code_count(void);

/**
 * One row of the code table.
 * @param index 0 to lerq_code_count() - 1.
 * @param[out] code e.g. "LERQ-R001" (static); any out pointer may be NULL.
 * @param[out] severity its severity (national profiles may change it).
 * @param[out] ref e.g. "G§24", "C-Art 29.7"; "" where none (static).
 * @param[out] title a few English words, e.g. "IssuedAt in the future"
 *        (static).
 * @return LERQ_OK, or LERQ_EINVAL for an index out of range (nothing set).
 * Thread-safety: may be called from any thread.
 */
int lerq_code_get(size_t index, const char **code, enum lerq_severity *severity,
                  const char **ref, const char **title);

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
 *        e.g. lerq_now().
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
 * @param now the validation time, e.g. lerq_now().
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
 *        e.g. lerq_now(). The letter itself is dated by its IssuedAt
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
 * With a trust list on the context (lerq_ctx_set_trust()), the letter
 * says near the sender's contact block whether the signature is
 * verified, by whom (as the list names the signer), by whose list, and
 * the list's number to call back; or why it is not verified, or that the
 * document is not signed. Signature errors (LERQ-V00x) alone do not stop
 * the letter: it is written, LERQ_OK is returned, and @p report holds
 * those errors (the document is not valid). Without a trust list the
 * letter says nothing about signatures.
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
 * As lerq_render_memory(), for a response (@p data) together with the
 * request it answers (@p request, @p request_size): the letter shows, for
 * each result, the identifiers and the time asked for, and is addressed
 * to the requesting authority. Without the request, a response's letter
 * says only that the items are those of the request it names.
 * @return as lerq_render_memory(), and LERQ_EINVAL when @p request is
 *         NULL, not a valid Request, or not the one the response answers
 *         (its RegistrationNumber is not the response's InResponseTo), or
 *         when @p data is not a Response. @p request is validated with the
 *         same @p now; its findings are not reported (validate it first
 *         to show them).
 * Thread-safety: safe to call concurrently on one renderer.
 */
int lerq_render_response_memory(const struct lerq_renderer *renderer,
                                const void *data, size_t size,
                                const void *request, size_t request_size,
                                enum lerq_format format, lerq_time_t now,
                                char **out, size_t *out_size,
                                struct lerq_report **report);

/**
 * As lerq_render_memory(), writing the letter to the file @p path. The
 * letter is written to a temporary file in the same directory and renamed
 * over @p path once complete, so @p path never holds half a letter, and
 * nothing is left behind on failure. A replaced file keeps its
 * permissions; a new one gets the mode 0666 less the umask (set a umask
 * of 077 to keep letters private). A symbolic link at @p path is followed
 * (its target is replaced, the link stays); a device or a FIFO at @p path
 * is written into, never replaced; a directory is refused.
 * @return as lerq_render_memory(), and LERQ_EIO when the file cannot be
 *         written (errno says why).
 */
int lerq_render_to_file(const struct lerq_renderer *renderer,
                        const void *data, size_t size, enum lerq_format format,
                        lerq_time_t now, const char *path,
                        struct lerq_report **report);

/* ------------------------------------------------------------------ */
/** @name Signatures and trust lists (format section 6)
 *
 * A Request or Response may carry one enveloped XML-DSig signature as the
 * last child of its root. A provider verifies it against its own trust
 * list (namespace `urn:lerq:trust:1`): once a trust list is set on the
 * context, every validation (lerq_validate_*, lerq_check_response_*,
 * lerq_render_*) also verifies signatures and reports LERQ-V001..V007
 * with the rules' findings, on documents that pass the schema.
 * Verification uses xmlsec1 (OpenSSL) restricted to lerq's profile:
 * URI="" only, enveloped + exclusive C14N + SHA-256, RSA-SHA256 or
 * ECDSA-SHA256, the key only from an X509 certificate, no manifest,
 * nothing fetched, certificates checked at the document's IssuedAt.
 */

/** A loaded trust list: its parties and one keys manager built from
 *  their certificates. Opaque; read-only once loaded, so one list serves
 *  any number of threads. */
struct lerq_trust;

/**
 * Load a trust list. It is parsed as safely as a document (no DTD, no
 * entities, nothing fetched), validated against lerq's trust-list schema
 * (schemas/lerq-trust.xsd, built in), and every Certificate must decode
 * as an X.509 certificate: a list that fails any of this is refused as a
 * whole, never half used.
 * @param ctx a context (for the size and nesting limits).
 * @param path the file.
 * @param[out] out the list, to be freed with lerq_trust_free() (or handed
 *        to lerq_ctx_set_trust()).
 * @param[out] problems may be NULL. On LERQ_EINVAL, when non-NULL,
 *        receives a report (P00x, S001, or S002 findings) saying what is
 *        wrong and where; the caller frees it. Otherwise set to NULL.
 * @return LERQ_OK; LERQ_EINVAL (refused list or NULL argument); LERQ_EIO
 *         (unreadable file, errno says why); LERQ_ENOMEM; LERQ_EINTERNAL.
 * Thread-safety: may be called from any thread.
 */
int lerq_trust_load(const struct lerq_ctx *ctx, const char *path,
                    struct lerq_trust **out, struct lerq_report **problems);

/** As lerq_trust_load(), from a list held in memory. */
int lerq_trust_load_memory(const struct lerq_ctx *ctx, const void *data,
                           size_t size, struct lerq_trust **out,
                           struct lerq_report **problems);

/** Free a trust list. NULL is fine. Never free a list a context owns. */
void lerq_trust_free(struct lerq_trust *trust);

/** The list's Owner, whitespace-collapsed (borrowed from @p trust). */
const char *lerq_trust_owner(const struct lerq_trust *trust);
/** The list's IssuedAt as written, collapsed (borrowed). */
const char *lerq_trust_issued_at(const struct lerq_trust *trust);
/** Number of Party entries. */
size_t lerq_trust_party_count(const struct lerq_trust *trust);
/** The @p index th Party's Name (borrowed), or NULL if out of range. */
const char *lerq_trust_party_name(const struct lerq_trust *trust, size_t index);
/** The @p index th Party's Country (borrowed), or NULL if out of range. */
const char *lerq_trust_party_country(const struct lerq_trust *trust, size_t index);

/** Flags of lerq_ctx_set_trust(). */
enum lerq_verify_flags {
	LERQ_VERIFY_DEFAULT = 0,
	/** An unsigned document is an error (LERQ-V007 as error), not a
	 *  warning. */
	LERQ_VERIFY_REQUIRE_SIGNATURE = 1,
};

/**
 * Verify signatures in every later validation of the context against
 * @p trust, which the context takes over (it frees it, and a trust list
 * set before). NULL removes the list: no signature is then checked and no
 * V finding made.
 * @param flags 0 or LERQ_VERIFY_REQUIRE_SIGNATURE.
 * @return LERQ_OK, or LERQ_EINVAL for a NULL ctx or an unknown flag (the
 *         list is then freed all the same).
 * Not thread-safe: call before sharing the context. To use a new list,
 * make a new context (or set it before the context is shared again).
 */
int lerq_ctx_set_trust(struct lerq_ctx *ctx, struct lerq_trust *trust,
                       unsigned int flags);

/** What verification concluded about a document. */
enum lerq_signature_state {
	/** The document carries no signature (LERQ-V007). */
	LERQ_SIGNATURE_UNSIGNED = 0,
	/** Verified, trusted signer, entry valid and naming the document's
	 *  party (V001..V005 absent; V006 warnings may remain). */
	LERQ_SIGNATURE_VERIFIED = 1,
	/** Signed, but not verified: lerq_signature_reason() says why. */
	LERQ_SIGNATURE_FAILED = 2,
};

/** The verification result of one document, as data (for a letter, or
 *  to show which trust-list entry signed it). Opaque. */
struct lerq_signature;

/**
 * Validate a document and verify its signature against the context's
 * trust list (lerq_ctx_set_trust()).
 * @param ctx a context with a trust list (shared, read-only).
 * @param data, size the document's bytes.
 * @param now the validation time, or LERQ_NOW_CLOCK.
 * @param[out] report the findings, V findings included; caller frees.
 * @param[out] signature may be NULL. The verification result, or NULL
 *        when none was made (the document was refused or failed the
 *        schema); caller frees with lerq_signature_free().
 * @return as lerq_validate_memory(); LERQ_EINVAL also when the context
 *         has no trust list.
 * Thread-safety: safe to call concurrently on one context.
 */
int lerq_verify_memory(const struct lerq_ctx *ctx, const void *data, size_t size,
                       lerq_time_t now, struct lerq_report **report,
                       struct lerq_signature **signature);

/** As lerq_verify_memory(), reading a file (LERQ_EIO when it cannot be
 *  read). */
int lerq_verify_file(const struct lerq_ctx *ctx, const char *path, lerq_time_t now,
                     struct lerq_report **report, struct lerq_signature **signature);

/** Free a verification result. NULL is fine. */
void lerq_signature_free(struct lerq_signature *signature);

/** The verdict. */
enum lerq_signature_state lerq_signature_state(const struct lerq_signature *signature);

/** Why the signature is not verified (the V finding's message), "" when
 *  it is (borrowed, never NULL). */
const char *lerq_signature_reason(const struct lerq_signature *signature);

/** The index of the trust-list Party whose certificate the signer's
 *  chains to, or -1 when none. */
long lerq_signature_party(const struct lerq_signature *signature);

/** The signer's name as the trust list gives it (Party/Name), or NULL
 *  when no entry matched (borrowed). */
const char *lerq_signature_signer(const struct lerq_signature *signature);

/** The signer's Party/Country, or NULL (borrowed). */
const char *lerq_signature_signer_country(const struct lerq_signature *signature);

/** The signer's Party/Switchboard: the number to call back, obtained
 *  independently of the document; NULL when the entry has none or no
 *  entry matched (borrowed). */
const char *lerq_signature_switchboard(const struct lerq_signature *signature);

/** The signer certificate's subject in OpenSSL's one-line form
 *  ("/C=DE/O=.../CN=..."), or NULL when the signature had no usable
 *  certificate (borrowed). */
const char *lerq_signature_subject(const struct lerq_signature *signature);

/** The trust list's Owner and IssuedAt (borrowed, never NULL). */
const char *lerq_signature_list_owner(const struct lerq_signature *signature);
const char *lerq_signature_list_issued_at(const struct lerq_signature *signature);

/** A signing key and certificate (and chain) loaded once. Opaque. */
struct lerq_signer;

/**
 * Load a signer: a private key (PEM; RSA or EC, unencrypted), its
 * certificate (PEM) and optionally intermediate certificates (one PEM
 * file, any number), which go into the signature after the signer's.
 * @param[out] out the signer, to be freed with lerq_signer_free().
 * @return LERQ_OK; LERQ_EIO (a file cannot be read, errno says why);
 *         LERQ_EINVAL (NULL argument, or a key or certificate that does
 *         not load or do not belong together); LERQ_ENOMEM.
 * Thread-safety: a signer is read-only once loaded.
 */
int lerq_signer_new(const char *key_path, const char *cert_path,
                    const char *chain_path, struct lerq_signer **out);
/** Free a signer. NULL is fine. */
void lerq_signer_free(struct lerq_signer *signer);

/**
 * Sign a document: validates it (an invalid one is refused with its
 * findings, LERQ_EDOCUMENT), refuses one that already carries a
 * ds:Signature (LERQ_EDOCUMENT, with a LERQ-V002 finding), then appends an
 * enveloped signature of lerq's profile as the root's last child.
 * @param[out] out the signed document (UTF-8, NUL-terminated, NUL not
 *        counted); caller frees with free(). Set only on LERQ_OK.
 * @param[out] report may be NULL. The document's findings; caller frees.
 * @return LERQ_OK; LERQ_EDOCUMENT; LERQ_EINVAL; LERQ_ENOMEM;
 *         LERQ_EINTERNAL (xmlsec failed to sign).
 * Thread-safety: safe to call concurrently.
 */
int lerq_sign_memory(const struct lerq_ctx *ctx, const struct lerq_signer *signer,
                     const void *data, size_t size, lerq_time_t now,
                     char **out, size_t *out_size, struct lerq_report **report);

/**
 * Add a Party to a trust list held in memory (which must be valid):
 * Name, Country and the certificate (PEM file), inserted after the last
 * Party. The result is validated again before it is returned.
 * @param[out] out the new list (NUL-terminated); caller frees.
 * @param[out] problems as lerq_trust_load() (for the new list).
 * @return LERQ_OK; LERQ_EINVAL (invalid list, or an entry that would make
 *         it invalid); LERQ_EIO (certificate unreadable); LERQ_ENOMEM.
 */
int lerq_trust_add_party(const struct lerq_ctx *ctx, const void *list, size_t size,
                         const char *name, const char *country,
                         const char *cert_pem_path, char **out, size_t *out_size,
                         struct lerq_report **problems);
/** @name Statistics (spec section 7)
 *
 * Figures over an archive of requests and responses, for the audits and
 * transparency reports G§40, G§54 and G§58 ask for: volumes, delays,
 * outcomes and refusal reasons, open and overdue requests, preservations
 * about to end. Documents are added one at a time; each is validated and
 * only a few facts are kept (per request about a hundred bytes: its
 * registration number, dates, type, priority), never the tree, so memory
 * grows with the number of requests and time linearly. The outputs are
 * aggregate only: no identifier, name or free text of a document ever
 * appears in them.
 *
 * Threads: lerq_stats_add_memory() and lerq_stats_add_file() may be called
 * from any number of threads at once on one stats object (a mutex inside
 * guards the counts; validation runs outside it) with one shared context.
 */

/** Figures being gathered. Opaque. */
struct lerq_stats;

/**
 * Start gathering figures.
 * @param ctx the context documents are validated with; it must outlive
 *        the stats object.
 * @param now the time "open", "overdue" and "active" are judged at, and
 *        the validation time of the rules; LERQ_NOW_CLOCK takes the clock
 *        once, here.
 * @param[out] out the stats object, to be freed with lerq_stats_free().
 * @return LERQ_OK, LERQ_EINVAL (NULL argument) or LERQ_ENOMEM.
 */
int lerq_stats_new(const struct lerq_ctx *ctx, lerq_time_t now, struct lerq_stats **out);

/** Free a stats object. NULL is fine. */
void lerq_stats_free(struct lerq_stats *stats);

/**
 * Select requests by the date of their IssuedAt, as written in its own
 * time zone, inclusive at both ends (lerq stats --since, --until).
 * Responses are not selected: every valid response counts in the
 * responses figures.
 * @param stats a stats object to which nothing was added yet.
 * @param since an xs:date such as "2026-01-01", or NULL for no bound.
 * @param until an xs:date, or NULL for no bound.
 * @return LERQ_OK; LERQ_EINVAL for a malformed date, a NULL stats or a
 *         stats object that already has documents.
 */
int lerq_stats_set_period(struct lerq_stats *stats, const char *since, const char *until);

/**
 * Validate one document held in memory (as lerq_validate_memory()) and
 * count it: an invalid one in documents.invalid and by its error codes
 * only, a valid one in every figure it concerns.
 * @return LERQ_OK when the document was counted, valid or not;
 *         LERQ_EINVAL, LERQ_ENOMEM or LERQ_EINTERNAL (nothing counted).
 * Thread-safety: see the section's introduction.
 */
int lerq_stats_add_memory(struct lerq_stats *stats, const void *data, size_t size);

/**
 * As lerq_stats_add_memory(), reading the file @p path.
 * @return as lerq_stats_add_memory(), and LERQ_EIO when the file cannot
 *         be read (errno says why): it is then not counted as read.
 */
int lerq_stats_add_file(struct lerq_stats *stats, const char *path);

/** Number of documents counted so far (documents.read). */
uint64_t lerq_stats_documents_read(const struct lerq_stats *stats);

/**
 * The figures as the JSON object of spec section 7 (keys fixed; maps
 * list only the values that occur; hours as numbers with one decimal),
 * followed by a newline.
 * @param[out] out the text, NUL-terminated, the caller's to free().
 * @param[out] size its length without the NUL.
 * @return LERQ_OK, LERQ_EINVAL (NULL argument) or LERQ_ENOMEM.
 */
int lerq_stats_to_json(const struct lerq_stats *stats, char **out, size_t *size);

/** The same figures as a readable summary in English; as
 *  lerq_stats_to_json(). */
int lerq_stats_to_text(const struct lerq_stats *stats, char **out, size_t *size);

/**
 * The same figures as one self-contained HTML page: inline style, SVG
 * charts (volumes by type, priority, channel, category, month and country;
 * a histogram of delays with the median and 90th percentile marked;
 * statuses, outcomes and refusal reasons; open and overdue requests;
 * preservations ending without a follow-up), no script and nothing to
 * fetch. As lerq_stats_to_json().
 */
int lerq_stats_to_html(const struct lerq_stats *stats, char **out, size_t *size);

/**
 * As lerq_render_response_memory(), writing the letter to the file
 * @p path as lerq_render_to_file() does.
 */
int lerq_render_response_to_file(const struct lerq_renderer *renderer,
                                 const void *data, size_t size,
                                 const void *request, size_t request_size,
                                 enum lerq_format format, lerq_time_t now,
                                 const char *path, struct lerq_report **report);

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
 * As lerq_letter_new(), for a response with the request it answers (as
 * lerq_render_response_memory()): the letter shows, for each result,
 * what was asked for, and is addressed to the requesting authority.
 * @return as lerq_letter_new(); LERQ_EINVAL also when @p request is NULL,
 *         invalid, or not the request the response answers.
 */
int lerq_letter_new_response(const struct lerq_renderer *renderer, const void *data,
                             size_t size, const void *request, size_t request_size,
                             lerq_time_t now, struct lerq_letter **out,
                             struct lerq_report **report);

/**
 * Check that the installed fonts can draw every character of the
 * letter's document, as a PDF letter needs (no silent loss: an empty box
 * in place of an identifier's character). Adds one LERQ-L004 warning to
 * @p report for each field with a character no installed font has;
 * lerq_render_memory() and lerq_render_to_file() do this themselves for
 * PDF. Opens the PDF module. Checks once per letter.
 * @param letter the letter.
 * @param report the report the letter was made with (lerq_letter_new());
 *        the warnings are added to it.
 * @return LERQ_OK; LERQ_ENOTSUP without PDF support; LERQ_EINVAL;
 *         LERQ_ENOMEM.
 * Thread-safety: as lerq_letter_render().
 */
int lerq_letter_check_fonts(struct lerq_letter *letter, struct lerq_report *report);

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
 * lerq_render_to_file() does (never half a letter; a new file follows
 * the umask; a device or FIFO is written into, a symbolic link followed).
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
