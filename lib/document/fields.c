/* SPDX-License-Identifier: MIT */
/* The vocabulary of the lerq format (../shared/spec/format.md, sections 2
 * and 3, and the XSD files in schemas/) as data: which element may hold
 * which, in what order and how often, which attributes it has, and the type
 * of every value. The builder checks each call against these rows, the parser
 * labels each element of a received document with its row, and the
 * templates are printed from them, with the help text and the guideline
 * paragraph of each row as the comment. The tests check the rows against
 * the schema by building and parsing documents with every field. */
#include <string.h>

#include "document/document-private.h"

/* ---- enumerations (the schema's simple types) ---------------------- */

static const char *const request_types[] = { "disclosure", "preservation", "release", NULL };
static const char *const version_1_0[] = { "1.0", NULL };
static const char *const priorities[] = { "routine", "urgent", "emergency", NULL };
static const char *const relations[] = {
	"confirms-oral-request", "follows-up", "extends", "releases", NULL,
};
static const char *const authorisation_kinds[] = {
	"judicial-order", "prosecutorial-order", "police-authorisation", "other", NULL,
};
static const char *const channels[] = {
	"domestic", "24-7-network", "mutual-legal-assistance", "direct-cooperation", NULL,
};
static const char *const offence_categories[] = {
	"illegal-access", "illegal-interception", "data-interference",
	"system-interference", "misuse-of-devices", "computer-related-forgery",
	"computer-related-fraud", "child-sexual-abuse-material",
	"copyright-infringement", "other", NULL,
};
static const char *const item_categories[] = { "subscriber", "traffic", "content", NULL };
static const char *const identifier_types[] = {
	"ipv4", "ipv6", "email", "phone", "username", "account", "domain",
	"url", "imei", "imsi", "mac", "other", NULL,
};
static const char *const delivery_methods[] = {
	"secure-email", "portal", "physical-media", "other", NULL,
};
static const char *const threats[] = {
	"death", "serious-injury", "child-safety", "critical-infrastructure", "other", NULL,
};
static const char *const true_false[] = { "true", "false", NULL };
static const char *const sha_256[] = { "sha-256", NULL };
static const char *const statuses[] = {
	"fulfilled", "partially-fulfilled", "preserved", "rejected", "no-data", NULL,
};
static const char *const outcomes[] = { "provided", "not-provided", "preserved", NULL };
static const char *const reason_codes[] = {
	"no-records", "retention-expired", "not-specific", "not-our-service",
	"insufficient-legal-basis", "unverifiable-source", "legal-impediment",
	"other", NULL,
};

/* ---- shared by requests and responses ------------------------------ */

static const struct field postal_address[] = {
	{ "Line", FT_NAME, .min = 1, .max = 4, .example = "Example Street 1",
	  .help = "a line of the street address" },
	{ "PostalCode", FT_POSTAL_CODE, .max = 1, .templates = T_ALL, .example = "1011 AB",
	  .help = "the postal code as written in its country" },
	{ "Locality", FT_NAME, .min = 1, .max = 1, .example = "Amsterdam",
	  .help = "the city, town or village" },
	{ "Country", FT_COUNTRY, .min = 1, .max = 1, .example = "NL",
	  .help = "the country of the address" },
	{ .name = NULL },
};

static const struct field authority_contact[] = {
	{ "Name", FT_NAME, .min = 1, .max = 1, .example = "Jan de Vries",
	  .help = "the full name of an officer who can confirm the request", .ref = "G§24" },
	{ "Title", FT_NAME, .max = 1, .templates = T_ALL, .example = "Detective inspector",
	  .help = "the officer's rank, title or function", .ref = "G§24" },
	{ "Phone", FT_E164, .min = 1, .max = 1, .example = "+31201234568",
	  .help = "the officer's direct telephone number", .ref = "G§24" },
	{ "Email", FT_EMAIL, .min = 1, .max = 1, .example = "j.de.vries@police.example",
	  .help = "the officer's e-mail address at the authority's own domain, "
	          "never a free-mail address", .ref = "G§24" },
	{ "ServiceNumber", FT_REF, .max = 1, .templates = T_REQUEST, .example = "NL-4711",
	  .help = "the officer's badge or service number, with which the provider can call "
	          "the authority back and check the officer", .ref = "G§24" },
	{ .name = NULL },
};

/* The same elements as authority_contact, with a provider's examples. */
static const struct field provider_contact[] = {
	{ "Name", FT_NAME, .min = 1, .max = 1, .example = "Eva Jansen",
	  .help = "the full name of the person at the provider who answers for the response",
	  .ref = "G§52" },
	{ "Title", FT_NAME, .max = 1, .templates = T_ALL, .example = "Law enforcement liaison",
	  .help = "the person's title or function", .ref = "G§52" },
	{ "Phone", FT_E164, .min = 1, .max = 1, .example = "+31307654321",
	  .help = "the person's direct telephone number", .ref = "G§52" },
	{ "Email", FT_EMAIL, .min = 1, .max = 1, .example = "le-requests@isp.example",
	  .help = "the person's or the desk's e-mail address", .ref = "G§52" },
	{ "ServiceNumber", FT_REF, .max = 1, .templates = T_RESPONSE, .example = "EH-0815",
	  .help = "the person's staff number, where the provider gives one", .ref = "G§52" },
	{ .name = NULL },
};

static const struct field digest_attrs[] = {
	{ "algorithm", FT_FIXED, sha_256, .min = 1, .help = "always sha-256" },
	{ .name = NULL },
};

static const struct field attachment[] = {
	{ "Title", FT_NAME, .min = 1, .max = 1, .example = "Order of the investigating judge",
	  .help = "what the attached document is", .ref = "G§25" },
	{ "MediaType", FT_MEDIA_TYPE, .min = 1, .max = 1, .example = "application/pdf",
	  .help = "the attached file's format", .ref = "G§25" },
	{ "Digest", FT_SHA256, .min = 1, .max = 1, .attrs = digest_attrs,
	  .example = "1e5ef81ac622a2487a060a11831318a244ea192f8dfef57e24b984bc6d030217",
	  .help = "the SHA-256 digest of the attached file, so that the recipient can "
	          "check it is the one meant", .ref = "G§25" },
	{ "Reference", FT_NAME, .min = 1, .max = 1, .example = "order-2026-0042.pdf",
	  .help = "the attached file's name or URI", .ref = "G§25" },
	{ .name = NULL },
};

/* ---- Request (format section 2) ------------------------------------ */

static const struct field relates_to_attrs[] = {
	{ "relation", FT_ENUM, relations, .min = 1, .example = "releases",
	  .help = "how this request relates to the earlier one "
	          "(a release request: releases)" },
	{ .name = NULL },
};

static const struct field authorised_by[] = {
	{ "Name", FT_NAME, .min = 1, .max = 1, .example = "Marloes Bakker",
	  .help = "the name of the superior who authorised the request", .ref = "G§22" },
	{ "Role", FT_NAME, .min = 1, .max = 1, .example = "Head of the Cybercrime Unit",
	  .help = "that person's role", .ref = "G§22" },
	{ .name = NULL },
};

static const struct field issuing_authority[] = {
	{ "AgencyName", FT_NAME, .min = 1, .max = 1, .example = "Example Police, National Unit",
	  .help = "the full official name of the issuing authority", .ref = "G§24" },
	{ "Unit", FT_NAME, .max = 1, .templates = T_REQUEST, .example = "Cybercrime Unit",
	  .help = "the unit or department within the authority", .ref = "G§24" },
	{ "PostalAddress", FT_ELEMENTS, .min = 1, .max = 1, .children = postal_address,
	  .help = "the authority's postal address", .ref = "G§24" },
	{ "Switchboard", FT_E164, .min = 1, .max = 1, .example = "+31201234567",
	  .help = "the authority's switchboard number, through which the provider can "
	          "call back to verify the request", .ref = "G§24" },
	{ "Website", FT_HTTP_URI, .min = 1, .max = 1, .example = "https://www.police.example/",
	  .help = "the authority's official website", .ref = "G§24" },
	{ "Contact", FT_ELEMENTS, .min = 1, .max = 0, .children = authority_contact,
	  .help = "a person the provider can contact about the request (one or more)",
	  .ref = "G§24" },
	{ "AuthorisedBy", FT_ELEMENTS, .max = 1, .templates = T_REQUEST, .children = authorised_by,
	  .help = "the superior who authorised the request, where the law asks for one",
	  .ref = "G§22" },
	{ .name = NULL },
};

static const struct field service_provider[] = {
	{ "Name", FT_NAME, .min = 1, .max = 1, .example = "Example Hosting B.V.",
	  .help = "the legal name of the service provider addressed", .ref = "G§36" },
	{ "PostalAddress", FT_ELEMENTS, .max = 1, .children = postal_address,
	  .help = "the provider's postal address", .ref = "G§36" },
	{ "Country", FT_COUNTRY, .min = 1, .max = 1, .example = "NL",
	  .help = "the country where the provider is established; another country than the "
	          "authority's makes the request cross-border", .ref = "G§36" },
	{ "ContactPoint", FT_EMAIL, .max = 1, .templates = T_REQUEST,
	  .example = "law-enforcement@hosting.example",
	  .help = "the provider's designated address for law enforcement requests",
	  .ref = "G§47" },
	{ .name = NULL },
};

static const struct field provision_attrs[] = {
	{ "jurisdiction", FT_JURISDICTION, .min = 1, .example = "NL",
	  .help = "where the law applies" },
	{ .name = NULL },
};

static const struct field provision[] = {
	{ "Instrument", FT_NAME, .min = 1, .max = 1, .example = "Code of Criminal Procedure",
	  .help = "the law or treaty", .ref = "G§26" },
	{ "Article", FT_NAME, .min = 1, .max = 1, .example = "126nc",
	  .help = "the article or section that empowers the request", .ref = "G§26" },
	{ .name = NULL },
};

static const struct field authorisation_attrs[] = {
	{ "kind", FT_ENUM, authorisation_kinds, .min = 1, .example = "prosecutorial-order",
	  .help = "who authorised it" },
	{ .name = NULL },
};

static const struct field authorisation[] = {
	{ "Reference", FT_NAME, .min = 1, .max = 1, .example = "OvJ 2026/0042",
	  .help = "the order's or authorisation's own reference", .ref = "G§26" },
	{ "IssuedBy", FT_NAME, .min = 1, .max = 1,
	  .example = "Public prosecutor, District Public Prosecutor's Office, Amsterdam",
	  .help = "who issued it", .ref = "G§26" },
	{ "IssuedOn", FT_DATE, .min = 1, .max = 1, .example = "2026-01-14",
	  .help = "the day it was issued", .ref = "G§26" },
	{ "ValidUntil", FT_DATE, .max = 1, .templates = T_DATA, .example = "2026-04-14",
	  .help = "the last day it is valid; not before the request's date", .ref = "G§18" },
	{ .name = NULL },
};

static const struct field legal_basis[] = {
	{ "Provision", FT_ELEMENTS, .min = 1, .max = 0, .children = provision,
	  .attrs = provision_attrs,
	  .help = "a legal provision the request rests on (one or more)", .ref = "G§26" },
	{ "Authorisation", FT_ELEMENTS, .max = 0, .templates = T_DATA, .children = authorisation,
	  .attrs = authorisation_attrs,
	  .help = "an order or authorisation behind the request; content data need a "
	          "judicial-order", .ref = "G§26, C-Art 15" },
	{ "Channel", FT_ENUM, channels, .min = 1, .max = 1, .example = "domestic",
	  .help = "the way the request travels; domestic only when the provider is in the "
	          "authority's country", .ref = "G§36, G§37, C-Art 35" },
	{ .name = NULL },
};

static const struct field offence_attrs[] = {
	{ "category", FT_ENUM, offence_categories, .min = 1, .example = "computer-related-fraud",
	  .help = "the offence's title in the Convention on Cybercrime" },
	{ .name = NULL },
};

static const struct field investigation[] = {
	{ "Offence", FT_TEXT, .min = 1, .max = 0, .attrs = offence_attrs,
	  .example = "Computer-related fraud (article 326 Criminal Code)",
	  .help = "an offence under investigation, as the national law names it (one or more)",
	  .ref = "G§28" },
	{ "Summary", FT_TEXT, .max = 1, .templates = T_REQUEST,
	  .example = "Since 5 January 2026 a phishing site hosted by the provider has "
	             "collected online-banking credentials; the account holder is unknown.",
	  .help = "a short summary of the facts; required in a preservation request",
	  .ref = "G§28, C-Art 29" },
	{ "CaseReference", FT_REF, .max = 1, .templates = T_REQUEST,
	  .example = "OPS-2026-0117",
	  .help = "the investigation's own file number, when it differs from the "
	          "RegistrationNumber", .ref = "G§28, C-Art 29" },
	{ .name = NULL },
};

static const struct field identifier_attrs[] = {
	{ "type", FT_ENUM, identifier_types, .min = 1, .example = "email",
	  .help = "what kind of identifier it is" },
	{ "port", FT_PORT, .example = "443",
	  .help = "the source port, needed for an IPv4 address behind carrier-grade NAT" },
	{ .name = NULL },
};

static const struct field period[] = {
	{ "Start", FT_DATETIME, .min = 1, .max = 1, .example = "2026-01-05T00:00:00+01:00",
	  .help = "the start of the period", .ref = "G§27" },
	{ "End", FT_DATETIME, .min = 1, .max = 1, .example = "2026-01-12T00:00:00+01:00",
	  .help = "the end of the period, after its start and not after IssuedAt",
	  .ref = "G§27" },
	{ .name = NULL },
};

static const struct field fields[] = {
	{ "Field", FT_NAME, .min = 1, .max = 0,
	  .example = "name and postal address of the account holder",
	  .help = "one kind of record wanted, e.g. postal address (one or more)", .ref = "G§27" },
	{ .name = NULL },
};

static const struct field item_attrs[] = {
	{ "id", FT_ID, .min = 1, .example = "i1",
	  .help = "a name for the item, unique in the document, e.g. i1; the response "
	          "answers each item by it" },
	{ "category", FT_ENUM, item_categories, .min = 1, .example = "subscriber",
	  .help = "the kind of data" },
	{ .name = NULL },
};

static const struct field item[] = {
	{ "Identifier", FT_NAME, .min = 1, .max = 0, .attrs = identifier_attrs,
	  .example = "holder@mail.example",
	  .help = "what identifies the data: an address, number, account or name (one or more)",
	  .ref = "G§27" },
	{ "At", FT_DATETIME, .max = 1, .choice = 1, .example = "2026-01-10T21:14:05+01:00",
	  .help = "the moment the identifier was seen (or a Period instead)", .ref = "G§27" },
	{ "Period", FT_ELEMENTS, .max = 1, .choice = 1, .templates = T_DATA, .children = period,
	  .help = "the time span the data are wanted for (or an At instead); needed for "
	          "IP addresses", .ref = "G§27" },
	{ "Fields", FT_ELEMENTS, .max = 1, .templates = T_DATA, .children = fields,
	  .help = "the records wanted", .ref = "G§27" },
	{ "Relevance", FT_TEXT, .max = 1, .templates = T_DATA,
	  .example = "The account rents the server that hosts the phishing site; its holder "
	             "may be the offender.",
	  .help = "how the data relate to the offence; required in a preservation request",
	  .ref = "C-Art 29.2.c" },
	{ .name = NULL },
};

static const struct field data_requested[] = {
	{ "Item", FT_ELEMENTS, .min = 1, .max = 0, .children = item, .attrs = item_attrs,
	  .help = "one specific piece of data wanted (one or more)", .ref = "G§27" },
	{ .name = NULL },
};

static const struct field preservation[] = {
	{ "Days", FT_DAYS, .min = 1, .max = 1, .example = "90",
	  .help = "for how many days the data are to be kept, 1 to 365; at least 60 across "
	          "borders", .ref = "C-Art 16, C-Art 29.7" },
	{ "Necessity", FT_TEXT, .min = 1, .max = 1,
	  .example = "The account holder can delete the server and its logs at any time.",
	  .help = "why the data risk being lost or changed", .ref = "C-Art 29.2" },
	{ "FollowUp", FT_TEXT, .min = 1, .max = 1,
	  .example = "A production order will follow within four weeks.",
	  .help = "the measure that will follow to obtain the data", .ref = "C-Art 29.2" },
	{ .name = NULL },
};

static const struct field oral_request[] = {
	{ "At", FT_DATETIME, .min = 1, .max = 1, .example = "2026-01-15T08:05:00+01:00",
	  .help = "when the request was made orally", .ref = "G§25" },
	{ "ReceivedBy", FT_NAME, .min = 1, .max = 1, .example = "Eva Jansen",
	  .help = "who at the provider received it", .ref = "G§25" },
	{ .name = NULL },
};

static const struct field supervisor[] = {
	{ "Name", FT_NAME, .min = 1, .max = 1, .example = "Marloes Bakker",
	  .help = "the supervising officer's full name", .ref = "G§24, G§34" },
	{ "Role", FT_NAME, .min = 1, .max = 1, .example = "Duty officer, Cybercrime Unit",
	  .help = "that officer's rank or function", .ref = "G§24, G§34" },
	{ "Phone", FT_E164, .min = 1, .max = 1, .example = "+31201234500",
	  .help = "a number on which that officer answers now", .ref = "G§24, G§34" },
	{ .name = NULL },
};

static const struct field emergency[] = {
	{ "Justification", FT_TEXT, .min = 1, .max = 1,
	  .example = "A person's life is in danger.",
	  .help = "why there is an immediate danger to life or limb", .ref = "G§34" },
	{ "Threat", FT_ENUM, threats, .max = 1, .example = "death",
	  .help = "what kind of danger it is", .ref = "G§34" },
	{ "OralRequest", FT_ELEMENTS, .max = 1, .children = oral_request,
	  .help = "the oral request this document confirms", .ref = "G§25" },
	{ "Supervisor", FT_ELEMENTS, .max = 1, .children = supervisor,
	  .help = "a second officer the provider can call to confirm the emergency before it "
	          "discloses; an emergency request without one gets a warning",
	  .ref = "G§24, G§34" },
	{ .name = NULL },
};

static const struct field confidentiality_attrs[] = {
	{ "notify-subscriber", FT_ENUM, true_false, .min = 1, .example = "false",
	  .help = "whether the provider may tell the subscriber: true or false" },
	{ .name = NULL },
};

/* The same elements as provision, for the law that imposes secrecy. */
static const struct field secrecy_provision[] = {
	{ "Instrument", FT_NAME, .min = 1, .max = 1, .example = "Telecommunications Act",
	  .help = "the law or treaty", .ref = "G§32, C-Art 16.3" },
	{ "Article", FT_NAME, .min = 1, .max = 1, .example = "13.2a",
	  .help = "the article or section that forbids telling the subscriber",
	  .ref = "G§32, C-Art 16.3" },
	{ .name = NULL },
};

static const struct field confidentiality[] = {
	{ "Until", FT_DATE, .max = 1, .templates = T_DATA, .example = "2026-07-15",
	  .help = "the last day of confidentiality; not before the request's date",
	  .ref = "G§32" },
	{ "Reason", FT_TEXT, .max = 1, .templates = T_DATA,
	  .example = "Telling the account holder would let the offenders destroy evidence.",
	  .help = "why the subscriber must not be told", .ref = "G§32, C-Art 16.3" },
	{ "Provision", FT_ELEMENTS, .max = 0, .templates = T_DATA,
	  .children = secrecy_provision, .attrs = provision_attrs,
	  .help = "the law that forbids telling the subscriber, as in LegalBasis (none or more)",
	  .ref = "G§32, C-Art 16.3" },
	{ .name = NULL },
};

static const struct field delivery[] = {
	{ "Method", FT_ENUM, delivery_methods, .min = 1, .max = 1, .example = "secure-email",
	  .help = "how the data are to be delivered" },
	{ "Address", FT_TEXT, .max = 1, .templates = T_DISCLOSURE,
	  .example = "returns.cybercrime@police.example",
	  .help = "where to deliver them, with any instructions" },
	{ .name = NULL },
};

static const struct field request_children[] = {
	{ "RegistrationNumber", FT_REF, .min = 1, .max = 1, .example = "POL-CYB/2026/00042",
	  .help = "the number of this request in the authority's register; the provider "
	          "quotes it in its reply", .ref = "G§26" },
	{ "IssuedAt", FT_DATETIME, .min = 1, .max = 1, .example = "2026-01-15T10:30:00+01:00",
	  .help = "when the request was issued", .ref = "G§25" },
	{ "Priority", FT_ENUM, priorities, .min = 1, .max = 1, .example = "routine",
	  .help = "how urgent the request is; emergency also needs the Emergency element",
	  .ref = "G§30, G§34" },
	{ "RespondBy", FT_DATETIME, .max = 1, .templates = T_DATA,
	  .example = "2026-01-29T17:00:00+01:00",
	  .help = "the time by which an answer is needed: after IssuedAt, and at least 72 "
	          "hours after it for a routine request", .ref = "G§31" },
	{ "RelatesTo", FT_REF, .max = 0, .templates = T_RELEASE, .attrs = relates_to_attrs,
	  .example = "POL-CYB/2025/00917",
	  .help = "the registration number of an earlier request this one relates to; a "
	          "release request names the preservation request it releases",
	  .ref = "G§25, G§35" },
	{ "IssuingAuthority", FT_ELEMENTS, .min = 1, .max = 1, .children = issuing_authority,
	  .help = "the authority that issues the request, with what the provider needs to "
	          "verify it", .ref = "G§20-24" },
	{ "ServiceProvider", FT_ELEMENTS, .min = 1, .max = 1, .children = service_provider,
	  .help = "the provider the request is addressed to", .ref = "G§36, G§47" },
	{ "LegalBasis", FT_ELEMENTS, .min = 1, .max = 1, .children = legal_basis,
	  .help = "the legal basis of the request", .ref = "G§26" },
	{ "Investigation", FT_ELEMENTS, .min = 1, .max = 1, .children = investigation,
	  .help = "the investigation the request serves", .ref = "G§28, C-Art 29" },
	{ "DataRequested", FT_ELEMENTS, .max = 1, .templates = T_DATA, .children = data_requested,
	  .help = "the specific data wanted; in every request but a release",
	  .ref = "G§26, G§27" },
	{ "Preservation", FT_ELEMENTS, .max = 1, .templates = T_PRESERVATION,
	  .children = preservation,
	  .help = "the terms of an expedited preservation; required in a preservation request",
	  .ref = "C-Art 16, C-Art 29" },
	{ "Emergency", FT_ELEMENTS, .max = 1, .children = emergency, .mentions = T_DATA,
	  .mention_when = "only when Priority is emergency",
	  .help = "the justification of an emergency request", .ref = "G§25, G§34" },
	{ "Confidentiality", FT_ELEMENTS, .max = 1, .templates = T_DATA,
	  .children = confidentiality, .attrs = confidentiality_attrs,
	  .help = "whether and until when the subscriber must not be told",
	  .ref = "G§32, C-Art 16.3" },
	{ "Delivery", FT_ELEMENTS, .max = 1, .templates = T_DISCLOSURE, .children = delivery,
	  .help = "how and where to deliver the data",
	  .ref = "format section 2, element 14; no guideline paragraph" },
	{ "Attachment", FT_ELEMENTS, .max = 0, .children = attachment,
	  .help = "a document sent with the request, such as a court order", .ref = "G§25" },
	{ "Signature", FT_SIGNATURE, .max = 1,
	  .help = "an enveloped XML signature, made by signing software", .ref = "G§24, G§51" },
	{ .name = NULL },
};

static const struct field request_attrs[] = {
	{ "version", FT_FIXED, version_1_0, .min = 1, .help = "always 1.0" },
	{ "xml:lang", FT_LANGUAGE, .min = 1, .example = "en",
	  .help = "the language of the rendered letter, e.g. en or fr" },
	{ "type", FT_ENUM, request_types, .min = 1, .example = "disclosure",
	  .help = "disclosure, preservation or release" },
	{ .name = NULL },
};

const struct field lerq__field_request = {
	"Request", FT_ELEMENTS, .min = 1, .max = 1, .children = request_children,
	.attrs = request_attrs,
	.help = "a request from a law enforcement authority to a service provider",
	.ref = "G§20-37",
};

/* ---- Response (format section 3) ----------------------------------- */

static const struct field responder[] = {
	{ "ProviderName", FT_NAME, .min = 1, .max = 1, .example = "Example Hosting B.V.",
	  .help = "the legal name of the responding provider", .ref = "G§52" },
	{ "Contact", FT_ELEMENTS, .min = 1, .max = 0, .children = provider_contact,
	  .help = "a person the authority can contact about the response (one or more)",
	  .ref = "G§52" },
	{ .name = NULL },
};

static const struct field reason_attrs[] = {
	{ "code", FT_ENUM, reason_codes, .min = 1, .example = "no-records",
	  .help = "the reason as a code" },
	{ .name = NULL },
};

static const struct field record_field_attrs[] = {
	{ "name", FT_NAME, .min = 1, .example = "name",
	  .help = "what the value is, preferably a Field name of the request's Item" },
	{ .name = NULL },
};

static const struct field record[] = {
	{ "Field", FT_TEXT, .min = 1, .max = 0, .attrs = record_field_attrs,
	  .example = "A. Example",
	  .help = "one named value of the record (one or more)", .ref = "G§55" },
	{ .name = NULL },
};

static const struct field result_attrs[] = {
	{ "item", FT_NCNAME, .min = 1, .example = "i1",
	  .help = "the id of the request's Item this result answers" },
	{ "outcome", FT_ENUM, outcomes, .min = 1, .example = "provided",
	  .help = "what was done: provided, not-provided or preserved" },
	{ .name = NULL },
};

static const struct field result[] = {
	{ "Reason", FT_TEXT, .max = 1, .attrs = reason_attrs,
	  .example = "No account matches the identifier.",
	  .help = "why the item was not provided; required when the outcome is not-provided",
	  .ref = "G§57" },
	{ "PreservedUntil", FT_DATE, .max = 1, .example = "2026-04-15",
	  .help = "the last day the data will be kept; required when the outcome is preserved",
	  .ref = "C-Art 29.7" },
	{ "Record", FT_ELEMENTS, .max = 0, .templates = T_RESPONSE, .children = record,
	  .help = "one record found for the item, e.g. one subscriber (none or more)",
	  .ref = "G§55" },
	{ .name = NULL },
};

static const struct field response_children[] = {
	{ "InResponseTo", FT_REF, .min = 1, .max = 1, .example = "POL-CYB/2026/00042",
	  .help = "the RegistrationNumber of the request answered", .ref = "G§52" },
	{ "ResponseNumber", FT_REF, .min = 1, .max = 1, .example = "EH-LE-2026-0815",
	  .help = "the provider's own reference for this response", .ref = "G§52" },
	{ "ReceivedAt", FT_DATETIME, .min = 1, .max = 1, .example = "2026-01-15T11:02:00+01:00",
	  .help = "when the request reached the provider", .ref = "G§54" },
	{ "IssuedAt", FT_DATETIME, .min = 1, .max = 1, .example = "2026-01-20T16:45:00+01:00",
	  .help = "when the response was issued, not before ReceivedAt", .ref = "G§54" },
	{ "Status", FT_ENUM, statuses, .min = 1, .max = 1, .example = "fulfilled",
	  .help = "the overall result, which must agree with the Results' outcomes",
	  .ref = "G§53" },
	{ "Responder", FT_ELEMENTS, .min = 1, .max = 1, .children = responder,
	  .help = "the responding provider and its contacts", .ref = "G§52" },
	{ "Result", FT_ELEMENTS, .min = 1, .max = 0, .children = result, .attrs = result_attrs,
	  .help = "the result for one requested Item; one for every Item of the request",
	  .ref = "G§55, G§57" },
	{ "Attachment", FT_ELEMENTS, .max = 0, .children = attachment,
	  .help = "a document sent with the response", .ref = "G§25" },
	{ "Signature", FT_SIGNATURE, .max = 1,
	  .help = "an enveloped XML signature, made by signing software", .ref = "G§24, G§51" },
	{ .name = NULL },
};

static const struct field response_attrs[] = {
	{ "version", FT_FIXED, version_1_0, .min = 1, .help = "always 1.0" },
	{ "xml:lang", FT_LANGUAGE, .min = 1, .example = "en",
	  .help = "the language of the rendered letter, e.g. en or fr" },
	{ .name = NULL },
};

const struct field lerq__field_response = {
	"Response", FT_ELEMENTS, .min = 1, .max = 1, .children = response_children,
	.attrs = response_attrs,
	.help = "a service provider's response to a request", .ref = "G§52-57",
};

/* ---- lookups ------------------------------------------------------- */

const struct field *lerq__field_child(const struct field *parent, const char *name)
{
	if (parent == NULL || parent->children == NULL || name == NULL)
		return NULL;
	for (const struct field *f = parent->children; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

const struct field *lerq__field_attr(const struct field *parent, const char *name)
{
	if (parent == NULL || parent->attrs == NULL || name == NULL)
		return NULL;
	for (const struct field *f = parent->attrs; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

size_t lerq__field_index(const struct field *parent, const struct field *child)
{
	return (size_t)(child - parent->children);
}

bool lerq__field_has_value(const struct field *f)
{
	return f->type != FT_ELEMENTS && f->type != FT_SIGNATURE;
}
