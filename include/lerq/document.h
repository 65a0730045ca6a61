/* SPDX-License-Identifier: MIT */
/**
 * @file document.h
 * @brief Build, read and write lerq documents in memory.
 *
 * Case-management software creates a request or a response, sets its
 * fields, and writes it; a provider's system parses what it receives into
 * the same object and reads the fields. Nobody concatenates XML or writes
 * XPath.
 *
 * A document is a struct lerq_doc. Its elements are reached through
 * handles, struct lerq_elem, named by the element names of the lerq format
 * ("RegistrationNumber", "Contact", "Identifier"...). Every call checks
 * the name against the format's vocabulary at that place and every value
 * against the field's type (ref, name, text, e164, e-mail, country,
 * dateTime with time zone, date, the enumerations...), and refuses what
 * does not fit, so a document is always well-formed and its values always
 * of the right form. Elements always stand in the schema's order, whatever
 * the order of the calls; an element that may occur once cannot be added
 * twice. What the calls cannot see (a required element not yet added, the
 * rules that relate fields to each other) is checked when the document is
 * written: lerq_doc_write_memory() and lerq_doc_write_file() run the full
 * validation and refuse an invalid document with its report.
 *
 * Values are stored whitespace-collapsed, as the schema reads them
 * (xs:token): leading and trailing blanks go, and each run of blanks,
 * tabs and line breaks becomes one space.
 *
 * Ownership: a handle belongs to its document; it stays valid until the
 * element is removed (lerq_elem_remove() of it or of an ancestor) or the
 * document is freed. A returned `const char *` is borrowed from the
 * document: it stays valid until that value is changed or the document is
 * freed. A returned `char *` is the caller's to free().
 *
 * Errors: calls return LERQ_OK or a negative LERQ_E* code (LERQ_EINVAL
 * for a name or value the format refuses, LERQ_EDOCUMENT for an invalid
 * document written or parsed) and leave the document unchanged on
 * failure. lerq_doc_error() then says in one sentence what was wrong,
 * until the next call that changes or writes the document.
 *
 * Threads: a document and its handles belong to one thread at a time.
 * Different documents may be used in different threads at once, with one
 * shared struct lerq_ctx.
 */
#ifndef LERQ_DOCUMENT_H
#define LERQ_DOCUMENT_H

#include <stddef.h>

#include <lerq/lerq.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a document is: the root element and, for a request, its type. */
enum lerq_doc_kind {
	/** A Request of type "disclosure": produce data. */
	LERQ_DOC_REQUEST_DISCLOSURE = 1,
	/** A Request of type "preservation": expedited preservation. */
	LERQ_DOC_REQUEST_PRESERVATION = 2,
	/** A Request of type "release": preserved data no longer needed. */
	LERQ_DOC_REQUEST_RELEASE = 3,
	/** A Response, from the provider. */
	LERQ_DOC_RESPONSE = 4,
};

/** A request or a response in memory. Opaque. */
struct lerq_doc;

/** One element of a document. Opaque; owned by its document. */
struct lerq_elem;

/* ------------------------------------------------------------------ */
/** @name Documents */

/**
 * Create a document with only its root element: Request (with type,
 * version="1.0" and xml:lang) or Response (version and xml:lang).
 * @param kind what to create.
 * @param lang the language of the rendered letter, a BCP 47 tag such as
 *        "en" or "fr" (the root's xml:lang).
 * @param[out] out the new document, to be freed with lerq_doc_free().
 * @return LERQ_OK; LERQ_EINVAL for an unknown kind, a malformed @p lang
 *         or a NULL argument; LERQ_ENOMEM.
 * Thread-safety: may be called from any thread.
 */
int lerq_doc_new(enum lerq_doc_kind kind, const char *lang,
                 struct lerq_doc **out);

/** Free a document and all its elements; every handle and borrowed string
 *  of it becomes invalid. NULL is fine. */
void lerq_doc_free(struct lerq_doc *doc);

/**
 * The document's kind. A request's kind follows its type attribute, which
 * lerq_elem_set_attr() may change.
 * @return the kind, or 0 for a NULL document.
 */
enum lerq_doc_kind lerq_doc_kind(const struct lerq_doc *doc);

/**
 * The root element, Request or Response.
 * @return a handle owned by @p doc, or NULL for a NULL document.
 */
struct lerq_elem *lerq_doc_root(const struct lerq_doc *doc);

/**
 * Why the last call that changed or wrote this document failed, in one
 * English sentence naming the field, e.g.
 * "Phone: \"+49 30 1234\" is not valid: + then 6 to 15 digits...".
 * It refers to the most recent of the calls that change or write the
 * document (lerq_elem_add(), lerq_elem_add_text(), lerq_elem_set_*(),
 * lerq_elem_remove(), lerq_doc_set_*(), lerq_doc_add_*(),
 * lerq_doc_write_*()) on it or any of its elements: each of them clears
 * it on entry, so after a success it is "". Reading calls (lerq_elem_text(),
 * lerq_doc_find(), ...) leave it as it is. A call refused for a NULL
 * document or element has no document to record it in.
 * @return a string borrowed from @p doc, valid until the next such call
 *         or lerq_doc_free(); "" when the last such call succeeded or none
 *         was made; never NULL.
 */
const char *lerq_doc_error(const struct lerq_doc *doc);

/**
 * The element at an XPath-like path, in the form findings use
 * (lerq_finding_path()): "/Request/IssuingAuthority/Contact[2]/Email".
 * Each step is an element name, optionally with a 1-based position;
 * without one it is the first. Lets a program go from a finding to the
 * element concerned.
 * @return a handle owned by @p doc, or NULL when @p path is malformed,
 *         names something the format does not have, or nothing is there
 *         (a path ending in an attribute, "@name", also gives NULL).
 */
struct lerq_elem *lerq_doc_find(const struct lerq_doc *doc, const char *path);

/* ------------------------------------------------------------------ */
/** @name Building */

/**
 * Add a child element, at its place in the schema's sequence (after any
 * siblings of the same name). Its value, if it has one, is set afterwards
 * with lerq_elem_set_text() or lerq_elem_set_time(); an element left
 * without a value makes the document invalid when it is written.
 * A fixed attribute (Digest's algorithm) is set at once.
 * @param parent where to add it.
 * @param name the element's name in the format, e.g. "Contact".
 * @param[out] out the new element's handle (owned by the document), or
 *        NULL if the caller does not need it.
 * @return LERQ_OK; LERQ_EINVAL when @p name is not a child of @p parent
 *         in the format, when @p parent already has as many of it as the
 *         format allows, when it excludes a sibling already present (an
 *         Item's At and Period), for "Signature" (signatures are made by
 *         signing software), or for a NULL argument; LERQ_ENOMEM.
 */
int lerq_elem_add(struct lerq_elem *parent, const char *name,
                  struct lerq_elem **out);

/**
 * Add a child element and set its value in one call: nothing is added
 * when the value is refused.
 * @param parent where to add it.
 * @param name the element's name in the format, e.g. "Phone".
 * @param value its value, as for lerq_elem_set_text().
 * @param[out] out the new element's handle, or NULL if not needed.
 * @return as lerq_elem_add() and lerq_elem_set_text().
 */
int lerq_elem_add_text(struct lerq_elem *parent, const char *name,
                       const char *value, struct lerq_elem **out);

/**
 * Set (or replace) the value of an element that holds one, e.g.
 * "+4930123456" for a Phone. The value is whitespace-collapsed, then
 * checked against the field's type.
 * @param elem the element.
 * @param value UTF-8, NUL-terminated; copied.
 * @return LERQ_OK; LERQ_EINVAL when the element holds other elements
 *         rather than a value, when @p value is NULL, empty, too long, not
 *         UTF-8 or has characters XML forbids, is not of the field's type,
 *         or is an Item id already used in the document; LERQ_ENOMEM.
 */
int lerq_elem_set_text(struct lerq_elem *elem, const char *value);

/**
 * Set a date-and-time value (IssuedAt, RespondBy, At, Start...) from an
 * instant, written with a time-zone offset, e.g.
 * "2026-03-01T09:30:00+01:00". On a date field (IssuedOn, ValidUntil,
 * Until, PreservedUntil) the date at that offset is written,
 * "2026-03-01".
 * @param elem the element.
 * @param when seconds since the epoch; lerq_now() for now.
 * @param offset_minutes the offset from UTC to write, -840 to 840
 *        (0 writes "Z").
 * @return LERQ_OK; LERQ_EINVAL when the element is not a date or time
 *         field, the offset is out of range or the year is outside
 *         1-9999; LERQ_ENOMEM.
 */
int lerq_elem_set_time(struct lerq_elem *elem, lerq_time_t when,
                       int offset_minutes);

/**
 * Set (or replace) an attribute, e.g. "port" on an Identifier, "category"
 * on an Item, "xml:lang" on the root. The value is whitespace-collapsed,
 * then checked against the attribute's type.
 * @return LERQ_OK; LERQ_EINVAL when the element has no such attribute in
 *         the format, the value is not of its type, an Item id is already
 *         used, a fixed attribute (version, algorithm) would change, or an
 *         argument is NULL; LERQ_ENOMEM.
 */
int lerq_elem_set_attr(struct lerq_elem *elem, const char *name,
                       const char *value);

/**
 * Remove an element and everything in it. Its handle and those of its
 * descendants become invalid. Removing a required element is allowed (to
 * replace it); writing the document then fails until it is added again.
 * @return LERQ_OK, or LERQ_EINVAL for NULL or the root element.
 */
int lerq_elem_remove(struct lerq_elem *elem);

/**
 * Set the document's own number: RegistrationNumber of a request,
 * ResponseNumber of a response (a ref: 1-64 of A-Z a-z 0-9 / . _ : -).
 * Adds the element or replaces its value.
 * @return as lerq_elem_set_text(); LERQ_EINVAL for a NULL document.
 */
int lerq_doc_set_registration_number(struct lerq_doc *doc,
                                     const char *number);

/**
 * Set the document's IssuedAt (G§25, G§54), as lerq_elem_set_time()
 * writes it. Adds the element or replaces its value.
 * @param doc the request or response.
 * @param when seconds since the epoch (lerq_now() for now).
 * @param offset_minutes the offset from UTC to write, -840 to 840.
 * @return as lerq_elem_set_time(); LERQ_EINVAL for a NULL document.
 */
int lerq_doc_set_issued_at(struct lerq_doc *doc, lerq_time_t when,
                           int offset_minutes);

/**
 * Add a Contact, the person the recipient can call or write to (G§24,
 * G§52), to a request's IssuingAuthority or a response's Responder
 * (either is created when absent). Either all of it is added or nothing.
 * @param doc the request or response.
 * @param name the person's name (name: 1-200 characters).
 * @param title the person's title or role, or NULL to leave it out.
 * @param phone a direct line, "+" then 6 to 15 digits.
 * @param email an e-mail address at the authority or provider.
 * @param[out] out the Contact's handle, or NULL if not needed. Its
 *        optional ServiceNumber (the officer's badge or service number,
 *        format revision 1.1) is added to it with lerq_elem_add_text(out,
 *        "ServiceNumber", number, NULL).
 * @return LERQ_OK; LERQ_EINVAL when a value is refused (see
 *         lerq_doc_error()) or a required argument is NULL; LERQ_ENOMEM.
 */
int lerq_doc_add_contact(struct lerq_doc *doc, const char *name,
                         const char *title, const char *phone,
                         const char *email, struct lerq_elem **out);

/**
 * Add an Attachment (G§25): a document sent with the request or response,
 * described by its title, media type and file name or URI, with the
 * SHA-256 digest of its bytes computed here, so that the recipient can
 * check the file is the one meant. The bytes themselves are not put in
 * the document. Either all of it is added or nothing.
 * @param doc the request or response.
 * @param title what the attached document is (name: 1-200 characters),
 *        e.g. "Order of the investigating judge".
 * @param media_type its format, "type/subtype", e.g. "application/pdf".
 * @param reference its file name or URI (name), e.g. "order-0042.pdf".
 * @param data, size the attached file's bytes; data may be NULL only when
 *        size is 0.
 * @param[out] out the Attachment's handle, or NULL if not needed.
 * @return LERQ_OK; LERQ_EINVAL when a value is refused (see
 *         lerq_doc_error()) or a required argument is NULL; LERQ_ENOMEM.
 */
int lerq_doc_add_attachment(struct lerq_doc *doc, const char *title,
                            const char *media_type, const char *reference,
                            const void *data, size_t size, struct lerq_elem **out);

/* ------------------------------------------------------------------ */
/** @name Reading */

/**
 * The element's name in the format, e.g. "Contact" ("Signature" for a
 * ds:Signature).
 * @return a static string, or NULL for a NULL handle.
 */
const char *lerq_elem_name(const struct lerq_elem *elem);

/**
 * The element's value, whitespace-collapsed.
 * @return a string borrowed from the document, valid until the value
 *         changes or the document is freed; NULL for a NULL handle, for an
 *         element that holds other elements, or for one whose value was
 *         never set.
 */
const char *lerq_elem_text(const struct lerq_elem *elem);

/**
 * An attribute's value, e.g. lerq_elem_attr(identifier, "port").
 * @return a string borrowed from the document, valid until the attribute
 *         changes or the document is freed; NULL when the attribute is
 *         absent, not in the format, or an argument is NULL.
 */
const char *lerq_elem_attr(const struct lerq_elem *elem, const char *name);

/**
 * The number of children called @p name, e.g. the Contacts of an
 * IssuingAuthority.
 * @return the count; 0 when there is none, @p name is not a child of the
 *         element in the format, or an argument is NULL.
 */
size_t lerq_elem_count(const struct lerq_elem *parent, const char *name);

/**
 * The @p index th child called @p name, counted from 0.
 * @return a handle owned by the document, or NULL when there is no such
 *         child, @p name is not in the format there, or an argument is
 *         NULL. Passing NULL as @p parent is allowed and gives NULL, so
 *         calls can be chained.
 */
struct lerq_elem *lerq_elem_child(const struct lerq_elem *parent,
                                  const char *name, size_t index);

/* ------------------------------------------------------------------ */
/** @name Writing and parsing */

/**
 * Serialise a document as UTF-8 XML (with the XML declaration, indented),
 * after validating exactly those bytes as lerq_validate_memory() does:
 * schema and rules. An invalid document is not written.
 * @param ctx a context (shared, read-only).
 * @param doc the document. Not changed, except for its error message.
 * @param now the validation time for rules that compare with the
 *        present, e.g. lerq_now().
 * @param[out] data the document, NUL-terminated, to be freed with free().
 *        Set only on success.
 * @param[out] size its length in bytes, without the NUL.
 * @param[out] report if not NULL, receives the report (to be freed with
 *        lerq_report_free()) whenever validation ran: on success it may
 *        hold warnings; on LERQ_EDOCUMENT it holds the errors. Set to NULL
 *        otherwise.
 * @return LERQ_OK; LERQ_EDOCUMENT when the document is invalid (the
 *         report says why; lerq_doc_error() gives the first error);
 *         LERQ_EINVAL for a NULL argument; LERQ_ENOMEM; LERQ_EINTERNAL when
 *         validation could not run.
 * Thread-safety: @p ctx may be shared; @p doc must not be in use by
 * another thread.
 */
int lerq_doc_write_memory(const struct lerq_ctx *ctx, struct lerq_doc *doc,
                          lerq_time_t now, char **data, size_t *size,
                          struct lerq_report **report);

/**
 * Validate and write a document to a file, as lerq_doc_write_memory().
 * The bytes go to a new temporary file in the same directory, which is
 * flushed to disk and then renamed over @p path, so @p path holds either
 * its old content or the whole new document, never a part; on any failure
 * the temporary file is removed and @p path is untouched. A new file gets
 * the mode 0666 less the umask; a replaced file keeps its mode. A symbolic
 * link at @p path is followed (its target is replaced, the link stays);
 * a device or a FIFO at @p path is written into, never replaced; a
 * directory is refused.
 * @param ctx a context (shared, read-only).
 * @param doc the document. Not changed, except for its error message.
 * @param path where to write it.
 * @param now the validation time, e.g. lerq_now().
 * @param[out] report as for lerq_doc_write_memory(); NULL when the file
 *        could not be written.
 * @return as lerq_doc_write_memory(), and LERQ_EIO when the file cannot be
 *         written (errno says why).
 */
int lerq_doc_write_file(const struct lerq_ctx *ctx, struct lerq_doc *doc,
                        const char *path, lerq_time_t now,
                        struct lerq_report **report);

/** Flags for lerq_doc_parse_memory() and lerq_doc_parse_file(). */
enum lerq_parse_flags {
	LERQ_PARSE_DEFAULT = 0,
	/** Also give back a document that passes the schema but breaks a rule
	 *  (its report has errors), for example to read its
	 *  RegistrationNumber and answer it with a rejection. Refused input
	 *  and schema errors still give no document (for those, see
	 *  LERQ_PARSE_KEEP_SCHEMA_INVALID). */
	LERQ_PARSE_KEEP_INVALID = 1 << 0,
	/** Also give back a document that fails the schema, as long as it is
	 *  well-formed, safely parsed and a lerq Request or Response of
	 *  version 1.0, for example to read the RegistrationNumber and the
	 *  sender of a malformed request and answer it "rejected" (G§57).
	 *  Implies LERQ_PARSE_KEEP_INVALID. Such a document is read
	 *  leniently: elements and attributes the format does not have at
	 *  their place are dropped (no handle could reach them), the rest is
	 *  kept in its order with its values unchecked, so required elements
	 *  may be missing and values malformed. lerq_doc_validity() says
	 *  LERQ_DOC_SCHEMA_INVALID. Refused input (LERQ-P00x, LERQ-S002)
	 *  still gives no document. */
	LERQ_PARSE_KEEP_SCHEMA_INVALID = 1 << 1,
};

/** What lerq knows of a document's validity (lerq_doc_validity()). */
enum lerq_doc_validity {
	/** Not validated since it was created or last changed: built in
	 *  memory, or changed by a building call (even a refused one) after
	 *  it was parsed or written. */
	LERQ_DOC_UNCHECKED = 0,
	/** Passed the schema and the rules when it was last parsed or
	 *  written (warnings allowed). */
	LERQ_DOC_VALID = 1,
	/** Passed the schema but broke a rule (LERQ_PARSE_KEEP_INVALID, or a
	 *  write that was refused). */
	LERQ_DOC_RULES_INVALID = 2,
	/** Failed the schema (LERQ_PARSE_KEEP_SCHEMA_INVALID, or a write that
	 *  was refused): fields may be missing, misplaced or malformed. */
	LERQ_DOC_SCHEMA_INVALID = 3,
};

/**
 * The verdict of the last validation of @p doc: when it was parsed
 * (lerq_doc_parse_memory()) or last written (lerq_doc_write_memory(),
 * lerq_doc_write_file()). Any building call since makes it
 * LERQ_DOC_UNCHECKED. A program that keeps invalid documents checks this
 * before acting on one.
 * @return the verdict; LERQ_DOC_UNCHECKED for NULL.
 */
enum lerq_doc_validity lerq_doc_validity(const struct lerq_doc *doc);

/**
 * Parse a received document into a struct lerq_doc, through the same
 * safe parser and full validation as lerq_validate_memory(). Values are
 * whitespace-collapsed; comments and blank text between elements are
 * dropped; a ds:Signature is kept as it came (but re-serialising changes
 * the bytes it signs, so it will no longer verify). Writing the document
 * again gives an equivalent one.
 * @param ctx a context (shared, read-only).
 * @param data the document's bytes; need not be NUL-terminated.
 * @param size number of bytes.
 * @param now the validation time, e.g. lerq_now().
 * @param flags 0, LERQ_PARSE_KEEP_INVALID or LERQ_PARSE_KEEP_SCHEMA_INVALID.
 * @param[out] out the document, to be freed with lerq_doc_free(); set
 *        only on success. With a LERQ_PARSE_KEEP_* flag it may be invalid:
 *        lerq_doc_validity() says so, and the report says why.
 * @param[out] report if not NULL, receives the report whenever validation
 *        ran (to be freed with lerq_report_free()); NULL otherwise.
 * @return LERQ_OK; LERQ_EDOCUMENT when the document was refused, or is
 *         invalid and @p flags do not ask to keep it (see the report);
 *         LERQ_EINVAL when an argument or flag is wrong;
 *         LERQ_ENOMEM; LERQ_EINTERNAL.
 * Thread-safety: safe to call concurrently on one context.
 */
int lerq_doc_parse_memory(const struct lerq_ctx *ctx, const void *data,
                          size_t size, lerq_time_t now, unsigned int flags,
                          struct lerq_doc **out, struct lerq_report **report);

/**
 * Read a file (at most the context's size limit) and parse it as
 * lerq_doc_parse_memory() does.
 * @return as lerq_doc_parse_memory(), and LERQ_EIO when the file cannot
 *         be read (errno says why).
 */
int lerq_doc_parse_file(const struct lerq_ctx *ctx, const char *path,
                        lerq_time_t now, unsigned int flags,
                        struct lerq_doc **out, struct lerq_report **report);

/* ------------------------------------------------------------------ */
/** @name Templates */

/** Flags for lerq_doc_template(). */
enum lerq_template_flags {
	/** Empty values, to be filled in: invalid until they are. */
	LERQ_TEMPLATE_BLANK = 0,
	/** Fictitious sample values: a document that validates. */
	LERQ_TEMPLATE_EXAMPLE = 1 << 0,
};

/**
 * A template document of the given kind, as UTF-8 XML: every required
 * element, the optional ones that kind usually needs, and before each
 * element an XML comment saying what goes there, the form of the value
 * and the guideline paragraph that asks for it. An optional element a
 * kind must not usually have (Emergency, which a routine request may not
 * carry) is described in a comment where it goes, with its children
 * (Justification, Threat, OralRequest, Supervisor), instead of written.
 * @param kind the document to make a template of.
 * @param flags LERQ_TEMPLATE_BLANK or LERQ_TEMPLATE_EXAMPLE.
 * @param[out] data the template, NUL-terminated, to be freed with free().
 * @param[out] size its length in bytes, without the NUL.
 * @return LERQ_OK; LERQ_EINVAL for an unknown kind or flag or a NULL
 *         argument; LERQ_ENOMEM.
 * Thread-safety: may be called from any thread.
 */
int lerq_doc_template(enum lerq_doc_kind kind, unsigned int flags,
                      char **data, size_t *size);

/* ------------------------------------------------------------------ */
/** @name Answering a request (spec section 7) */

/**
 * Start the response to a received request: a Response in the request's
 * xml:lang with InResponseTo set to its RegistrationNumber, a Responder
 * whose ProviderName is the request's ServiceProvider/Name, and one
 * Result per requested Item, in the request's order, with its item
 * attribute set and no outcome yet. The provider adds ResponseNumber,
 * ReceivedAt, IssuedAt, Status, a Contact and each Result's outcome (and
 * Reason, PreservedUntil, Records) with the builder calls; the document
 * is invalid until then.
 * @param request a parsed request (lerq_doc_parse_memory()), usually a
 *        valid one; it is only read.
 * @param[out] out the new response, to be freed with lerq_doc_free().
 * @return LERQ_OK; LERQ_EINVAL for a NULL argument, a Response, a release
 *         request (it asks for no data, so it has no Item to answer) or a
 *         request without RegistrationNumber, xml:lang or Item ids;
 *         LERQ_ENOMEM.
 * Thread-safety: @p request must not be changed meanwhile by another
 * thread.
 */
int lerq_doc_new_response(const struct lerq_doc *request, struct lerq_doc **out);

/**
 * The template of lerq_doc_template(LERQ_DOC_RESPONSE, ...), as UTF-8
 * XML with a comment before each element, filled in from @p request as
 * lerq_doc_new_response() does: xml:lang, InResponseTo, ProviderName, and
 * one Result per Item (its comment naming the Item's id and category) with
 * the item attribute set and the outcome empty (LERQ_TEMPLATE_BLANK) or
 * "provided" (LERQ_TEMPLATE_EXAMPLE, with sample values elsewhere).
 * @param request a parsed request; only read.
 * @param flags LERQ_TEMPLATE_BLANK or LERQ_TEMPLATE_EXAMPLE.
 * @param[out] data the template, NUL-terminated, to be freed with free().
 * @param[out] size its length in bytes, without the NUL.
 * @return LERQ_OK; LERQ_EINVAL as for lerq_doc_new_response() or for an
 *         unknown flag; LERQ_ENOMEM.
 */
int lerq_doc_response_template(const struct lerq_doc *request, unsigned int flags,
                               char **data, size_t *size);

#ifdef __cplusplus
}
#endif

#endif /* LERQ_DOCUMENT_H */
