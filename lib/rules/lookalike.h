/* SPDX-License-Identifier: MIT */
/* Unicode checks on names and domains (issue 13): look-alike domains
 * compared after NFKC, invisible and bidirectional characters. Private to
 * liblerq; thread-safe (no state). */
#ifndef LERQ_LOOKALIKE_H
#define LERQ_LOOKALIKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A domain as a resolver or a mail system reaches it: default-ignorable
 * code points (zero-width space, joiners, bidi controls, soft hyphen...)
 * removed, the ideographic full stops read as ".", lower-cased and NFKC
 * normalised (fullwidth "ｇmail.com" is "gmail.com"). The caller frees it;
 * NULL when memory ran out. */
char *lerq__domain_fold(const char *domain);

/* A bidirectional formatting character: LRM, RLM, ALM, LRE...RLO, PDF,
 * LRI...PDI. */
bool lerq__is_bidi_control(uint32_t c);
/* A character that shows nothing: a default-ignorable code point (the
 * bidi controls among them), or a blank such as U+2800. */
bool lerq__is_invisible(uint32_t c);

/* The first invisible character of s (UTF-8), or 0 if none. With
 * allow_joiners, ZWNJ and ZWJ (which some scripts need inside words) are
 * not counted. */
uint32_t lerq__first_invisible(const char *s, bool allow_joiners);
/* True when s holds at least one character that is neither white space
 * (any Unicode space, no-break spaces included) nor invisible. */
bool lerq__has_visible(const char *s);
/* Whether s is ASCII only, with a visible character: nothing for R023. */
bool lerq__ascii_visible(const char *s);

/* The first label of domain (xn-- labels decoded first) that mixes
 * scripts beyond what one writing system uses (UTS #39 "highly
 * restrictive": one script, or Latin with Han, Hiragana and Katakana, with
 * Han and Bopomofo, or with Han and Hangul; Common and Inherited
 * characters such as digits and hyphens count for none). Writes the two
 * clashing script names (static strings) and returns true. */
bool lerq__domain_mixes_scripts(const char *domain, const char **script_a,
                                const char **script_b);

/* True when NFKC changes domain (ignoring case): it is written with
 * compatibility characters such as fullwidth letters. */
bool lerq__domain_has_compat(const char *domain);

/* s with every invisible character and every space but U+0020 shown as
 * <U+XXXX>, cut after about max bytes; the caller frees it. */
char *lerq__show_invisible(const char *s, size_t max);

#endif
