/* SPDX-License-Identifier: MIT */
/*
 * A byte cap for XPath (issue 13). libxml2 2.9.14 caps XPath work by
 * steps (opLimit), not by bytes: a letterhead or a profile that doubles a
 * string with concat($a, $a) in 30 variables reached 15 GB. Strings grow
 * only through XPath's string functions, so a context gets versions of
 * them (registered over the built-ins: a compiled expression looks a
 * function up in the context it is evaluated in, and keeps what it found)
 * that compute what the built-ins do but refuse to build a string over
 * the cap of the evaluation running on the calling thread, concat()
 * before it allocates. Outside lerq__xpath_limits_begin() ... _end() they
 * are the built-ins.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpathInternals.h>

#include "core/lerq-private.h"

/* The cap of the evaluation running on this thread (0: none) and
 * whether it refused something. Evaluation is synchronous, so a thread's
 * own cap is the one of whatever it evaluates. */
static _Thread_local size_t cap;
static _Thread_local bool hit;

void lerq__xpath_limits_begin(size_t string_max)
{
	cap = string_max;
	hit = false;
}

bool lerq__xpath_limits_end(void)
{
	bool was = hit;
	cap = 0;
	hit = false;
	return was;
}

static void too_big(xmlXPathParserContextPtr ctxt)
{
	hit = true;
	/* Said in words for whoever collects the messages (letterheads). */
	xmlGenericError(xmlGenericErrorContext,
	                "lerq: an XPath expression would build a string of more than "
	                "%zu bytes: stopped\n", cap);
	xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
}

/* After a built-in: its string result may not be over the cap. */
static void check_result(xmlXPathParserContextPtr ctxt)
{
	if (cap > 0 && ctxt->error == 0 && ctxt->value != NULL &&
	    ctxt->value->type == XPATH_STRING &&
	    ctxt->value->stringval != NULL &&
	    strlen((const char *)ctxt->value->stringval) > cap) {
		xmlXPathFreeObject(valuePop(ctxt));
		too_big(ctxt);
	}
}

#define CAPPED(name, builtin) \
	static void name(xmlXPathParserContextPtr ctxt, int nargs) \
	{ \
		builtin(ctxt, nargs); \
		check_result(ctxt); \
	}
/* Their results are no longer than their arguments, which are bounded
 * (strings built here, or a node's string value, which the document's
 * size bounds); checked all the same. */
CAPPED(capped_string, xmlXPathStringFunction)
CAPPED(capped_substring, xmlXPathSubstringFunction)
CAPPED(capped_substring_before, xmlXPathSubstringBeforeFunction)
CAPPED(capped_substring_after, xmlXPathSubstringAfterFunction)
CAPPED(capped_normalize, xmlXPathNormalizeFunction)
CAPPED(capped_translate, xmlXPathTranslateFunction)

/* concat(): as the built-in, adding one argument at a time and stopping
 * before the result passes the cap. */
static void capped_concat(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs < 2) {
		xmlXPathErr(ctxt, XPATH_INVALID_ARITY);
		return;
	}
	if (ctxt->valueNr < ctxt->valueFrame + nargs) {
		xmlXPathErr(ctxt, XPATH_STACK_ERROR);
		return;
	}
	/* The first argument is deepest on the stack. */
	xmlXPathObjectPtr *args = malloc((size_t)nargs * sizeof(*args));
	if (args == NULL) {
		xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	for (int i = nargs - 1; i >= 0; i--)
		args[i] = valuePop(ctxt);
	xmlChar *result = xmlStrdup(BAD_CAST "");
	size_t len = 0;
	bool over = false;
	for (int i = 0; i < nargs && result != NULL && !over; i++) {
		xmlChar *s = xmlXPathCastToString(args[i]);
		size_t n = s ? strlen((const char *)s) : 0;
		if (cap > 0 && len + n > cap) {
			over = true;
		} else if (n > 0) {
			result = xmlStrncat(result, s, (int)n);
			len += n;
		}
		xmlFree(s);
	}
	for (int i = 0; i < nargs; i++)
		xmlXPathFreeObject(args[i]);
	free(args);
	if (over) {
		xmlFree(result);
		too_big(ctxt);
	} else if (result == NULL) {
		xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
	} else {
		valuePush(ctxt, xmlXPathWrapString(result));
	}
}

int lerq__xpath_limit_functions(xmlXPathContextPtr xpath)
{
	static const struct {
		const char *name;
		xmlXPathFunction fn;
	} fns[] = {
		{ "concat", capped_concat },
		{ "string", capped_string },
		{ "substring", capped_substring },
		{ "substring-before", capped_substring_before },
		{ "substring-after", capped_substring_after },
		{ "normalize-space", capped_normalize },
		{ "translate", capped_translate },
	};
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		/* Registering adds; the built-in must go first. */
		xmlXPathRegisterFunc(xpath, BAD_CAST fns[i].name, NULL);
		if (xmlXPathRegisterFunc(xpath, BAD_CAST fns[i].name, fns[i].fn) != 0)
			return LERQ_ENOMEM;
	}
	return LERQ_OK;
}

