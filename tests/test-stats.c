/* SPDX-License-Identifier: MIT */
/* Statistics (spec section 7, lib/stats/): every figure of the JSON
 * object on a small archive built here, with the edge cases of issue 16
 * (several responses to one request, a response whose request is absent,
 * RespondBy past and unanswered, preservations released, extended and
 * ending in 13, 14 and 15 days, invalid documents counted by code and not
 * used, --since/--until at their boundaries and time zones, nearest-rank
 * median and p90 on 1, 2 and 10 delays); the same figures from threads;
 * the text and HTML outputs; `lerq stats` itself; and no text of any
 * document in any output. */
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lerq-test.h"
#include "stats-archive.h"

/* TEST_NOW is 2026-11-26T12:00:00Z. */
static const struct req_spec requests[] = {
	/* Two responses, the later one (54 h) counts; answered in time. */
	{ .number = "1", .type = "disclosure", .priority = "routine",
	  .issued = "2026-11-01T10:00:00+01:00", .respond_by = "2026-11-10T10:00:00+01:00",
	  .items = "subscriber traffic" },
	/* RespondBy past, unanswered: overdue. */
	{ .number = "2", .type = "disclosure", .priority = "urgent",
	  .issued = "2026-11-20T08:00:00Z", .respond_by = "2026-11-22T08:00:00Z",
	  .authority = "NL", .provider = "NL", .items = "traffic", .offences = "illegal-access" },
	/* Written 2026-11-25 at -05:00, 2026-11-26 in UTC; RespondBy still to
	 * come; two offences; cross-border on the 24/7 network. */
	{ .number = "3", .type = "disclosure", .priority = "emergency",
	  .issued = "2026-11-25T23:30:00-05:00", .respond_by = "2026-11-27T00:00:00Z",
	  .provider = "IE", .channel = "24-7-network",
	  .offences = "computer-related-fraud other" },
	/* Written 2026-11-01 at +01:00, 2026-10-31 in UTC; answered 120 h
	 * later, after its RespondBy; valid with a warning (R005: routine,
	 * but RespondBy within 72 hours). */
	{ .number = "4", .type = "disclosure", .priority = "routine",
	  .issued = "2026-11-01T00:30:00+01:00", .respond_by = "2026-11-02T00:00:00Z" },
	/* Preservations, ending at IssuedAt + Days: P1 is released; P2 ends in
	 * 13 days but is extended by P2X; P3 ends in 13 days, P5 in exactly
	 * 14, P4 in 15; P6 has ended. */
	{ .number = "P1", .type = "preservation", .priority = "routine",
	  .issued = "2026-09-01T12:00:00Z" },
	{ .number = "P2", .type = "preservation", .priority = "routine",
	  .issued = "2026-09-10T12:00:00Z" },
	{ .number = "P2X", .type = "preservation", .priority = "routine",
	  .issued = "2026-11-25T12:00:00Z", .relation = "extends", .relates = "P2" },
	{ .number = "P3", .type = "preservation", .priority = "routine",
	  .issued = "2026-09-10T12:00:00Z" },
	{ .number = "P4", .type = "preservation", .priority = "routine",
	  .issued = "2026-09-12T12:00:00Z" },
	{ .number = "P5", .type = "preservation", .priority = "routine",
	  .issued = "2026-09-11T12:00:00Z" },
	{ .number = "P6", .type = "preservation", .priority = "routine",
	  .issued = "2026-06-01T12:00:00Z", .days = 60 },
	{ .number = "RL", .type = "release", .priority = "routine",
	  .issued = "2026-11-24T12:00:00Z", .relation = "releases", .relates = "P1" },
};

/* Invalid: counted by code, used for nothing else. */
static const struct req_spec invalid_requests[] = {
	/* Two free-mail contacts: R001 twice, one document. */
	{ .number = "I2", .type = "disclosure", .priority = "routine",
	  .issued = "2026-11-02T10:00:00Z", .email = "zqxmark@gmail.com",
	  .email2 = "zqxmark2@gmail.com" },
	{ .number = "I4", .type = "disclosure", .priority = "urgent",
	  .issued = "2026-11-03T10:00:00Z", .email = "zqxmark@gmail.com" },
	/* A schema error. */
	{ .number = "I3", .type = "disclosure", .priority_raw = "<Priority>soon</Priority>",
	  .issued = "2026-11-03T10:00:00Z" },
};

static const struct resp_spec responses[] = {
	/* The later response first: the order of reading does not matter. */
	{ .answers = "1", .number = "A2", .issued = "2026-11-03T16:00:00+01:00",
	  .status = "partially-fulfilled", .outcomes = "provided not-provided:no-records" },
	{ .answers = "1", .number = "A1", .issued = "2026-11-02T10:00:00+01:00",
	  .status = "fulfilled", .outcomes = "provided provided" },
	{ .answers = "4", .number = "A4", .issued = "2026-11-06T00:30:00+01:00",
	  .status = "rejected", .outcomes = "not-provided:insufficient-legal-basis" },
	/* Its request is not in the archive. */
	{ .answers = "GONE", .number = "U1", .issued = "2026-11-10T10:00:00Z",
	  .status = "no-data", .outcomes = "not-provided:no-records" },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The archive: every document as text, in reading order. */
struct archive {
	char *docs[64];
	size_t n;
};

static void archive_build(struct archive *a)
{
	a->n = 0;
	for (size_t i = 0; i < COUNT(requests); i++)
		a->docs[a->n++] = stats_request(&requests[i]);
	for (size_t i = 0; i < COUNT(responses); i++)
		a->docs[a->n++] = stats_response(&responses[i]);
	for (size_t i = 0; i < COUNT(invalid_requests); i++)
		a->docs[a->n++] = stats_request(&invalid_requests[i]);
	a->docs[a->n++] = strdup("<Request xmlns=\"urn:lerq:xml:1\" " STATS_MARKER);
}

static void archive_free(struct archive *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->docs[i]);
}

static struct lerq_stats *stats_of(const struct lerq_ctx *ctx, const struct archive *a,
                                   const char *since, const char *until)
{
	struct lerq_stats *s = NULL;
	assert_int_equal(lerq_stats_new(ctx, TEST_NOW, &s), LERQ_OK);
	assert_int_equal(lerq_stats_set_period(s, since, until), LERQ_OK);
	for (size_t i = 0; i < a->n; i++)
		assert_int_equal(lerq_stats_add_memory(s, a->docs[i], strlen(a->docs[i])), LERQ_OK);
	return s;
}

static char *json_of(const struct lerq_stats *s)
{
	char *out = NULL;
	size_t n = 0;
	assert_int_equal(lerq_stats_to_json(s, &out, &n), LERQ_OK);
	assert_int_equal(strlen(out), n);
	return out;
}

#define EXPECTED_ALL                                                                       \
	"{\"documents\": {\"read\": 20, \"invalid\": 4, \"requests\": 12, \"responses\": 4, "     \
	"\"by_code\": {\"LERQ-P001\": 1, \"LERQ-R001\": 2, \"LERQ-S001\": 1}},\n"                  \
	" \"requests\": {\"by_type\": {\"disclosure\": 4, \"preservation\": 7, \"release\": 1}, " \
	"\"by_priority\": {\"routine\": 10, \"urgent\": 1, \"emergency\": 1}, "                   \
	"\"by_channel\": {\"domestic\": 11, \"24-7-network\": 1},\n"                               \
	"              \"by_authority_country\": {\"DE\": 11, \"NL\": 1}, "                        \
	"\"by_provider_country\": {\"DE\": 10, \"IE\": 1, \"NL\": 1},\n"                           \
	"              \"by_item_category\": {\"subscriber\": 10, \"traffic\": 2}, "               \
	"\"by_offence_category\": {\"illegal-access\": 1, \"computer-related-fraud\": 11, "       \
	"\"other\": 1}, \"by_month\": {\"2026-06\": 1, \"2026-09\": 5, \"2026-11\": 6}},\n"        \
	" \"responses\": {\"matched\": 3, \"unmatched\": 1, \"by_status\": {\"fulfilled\": 1, "   \
	"\"partially-fulfilled\": 1, \"rejected\": 1, \"no-data\": 1}, \"by_outcome\": "          \
	"{\"provided\": 3, \"not-provided\": 3}, \"by_reason\": {\"no-records\": 2, "             \
	"\"insufficient-legal-basis\": 1}},\n"                                                     \
	" \"delays\": {\"all\": {\"count\": 2, \"median\": 54.0, \"p90\": 120.0, \"max\": 120.0}, " \
	"\"by_priority\": {\"routine\": {\"count\": 2, \"median\": 54.0, \"p90\": 120.0, "         \
	"\"max\": 120.0}}},\n"                                                                     \
	" \"open\": {\"unanswered\": 10, \"overdue\": 1, \"answered_late\": 1},\n"                 \
	" \"preservations\": {\"active\": 5, \"expiring_14_days\": 2}}\n"

/* Every figure at once: the whole object, byte for byte. */
static void test_every_figure(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct archive a;
	archive_build(&a);
	struct lerq_stats *s = stats_of(ctx, &a, NULL, NULL);
	assert_int_equal(lerq_stats_documents_read(s), 20);
	char *json = json_of(s);
	assert_string_equal(json, EXPECTED_ALL);
	free(json);
	lerq_stats_free(s);
	archive_free(&a);
	lerq_ctx_free(ctx);
}

static void assert_contains(const char *haystack, const char *needle)
{
	if (strstr(haystack, needle) == NULL)
		fail_msg("expected \"%s\" in:\n%s", needle, haystack);
}

/* --since and --until select requests by the date of IssuedAt as
 * written (inclusive), whatever the date in UTC; responses are counted
 * whatever their date. */
static void test_period(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct archive a;
	archive_build(&a);

	/* 1 and 4 are written 2026-11-01 (4 is 2026-10-31 in UTC); 3 is
	 * written 2026-11-25 (2026-11-26 in UTC): all in. */
	struct lerq_stats *s = stats_of(ctx, &a, "2026-11-01", "2026-11-25");
	char *json = json_of(s);
	assert_contains(json, "\"by_type\": {\"disclosure\": 4, \"preservation\": 1, "
	                      "\"release\": 1}");
	assert_contains(json, "\"by_month\": {\"2026-11\": 6}");
	assert_contains(json, "\"documents\": {\"read\": 20, \"invalid\": 4, \"requests\": 12, "
	                      "\"responses\": 4,");
	assert_contains(json, "\"responses\": {\"matched\": 3, \"unmatched\": 1, \"by_status\": "
	                      "{\"fulfilled\": 1, \"partially-fulfilled\": 1, \"rejected\": 1, "
	                      "\"no-data\": 1}");
	assert_contains(json, "\"all\": {\"count\": 2, \"median\": 54.0, \"p90\": 120.0, "
	                      "\"max\": 120.0}");
	assert_contains(json, "\"open\": {\"unanswered\": 4, \"overdue\": 1, "
	                      "\"answered_late\": 1}");
	assert_contains(json, "\"preservations\": {\"active\": 1, \"expiring_14_days\": 0}");
	free(json);
	lerq_stats_free(s);

	/* One day in at each end: 1, 4 (written 11-01) and 3, P2X (written
	 * 11-25) are out. No delay left. */
	s = stats_of(ctx, &a, "2026-11-02", "2026-11-24");
	json = json_of(s);
	assert_contains(json, "\"by_type\": {\"disclosure\": 1, \"release\": 1}");
	assert_contains(json, "\"delays\": {\"all\": {\"count\": 0}, \"by_priority\": {}}");
	assert_contains(json, "\"open\": {\"unanswered\": 2, \"overdue\": 1, "
	                      "\"answered_late\": 0}");
	assert_contains(json, "\"matched\": 3, \"unmatched\": 1");
	free(json);
	lerq_stats_free(s);

	/* Until 2026-10-31: request 4 is 2026-10-31 in UTC but written
	 * 2026-11-01, so it stays out; the preservations of June and
	 * September are in. */
	s = stats_of(ctx, &a, NULL, "2026-10-31");
	json = json_of(s);
	assert_contains(json, "\"by_type\": {\"preservation\": 6}");
	assert_contains(json, "\"by_month\": {\"2026-06\": 1, \"2026-09\": 5}");
	assert_contains(json, "\"preservations\": {\"active\": 4, \"expiring_14_days\": 2}");
	free(json);
	lerq_stats_free(s);

	/* Since 2026-11-25 with no end: 3 (written 11-25) and P2X. */
	s = stats_of(ctx, &a, "2026-11-25", NULL);
	json = json_of(s);
	assert_contains(json, "\"by_type\": {\"disclosure\": 1, \"preservation\": 1}");
	free(json);
	lerq_stats_free(s);

	/* Bad dates and a period set too late are refused. */
	assert_int_equal(lerq_stats_new(ctx, TEST_NOW, &s), LERQ_OK);
	assert_int_equal(lerq_stats_set_period(s, "2026-13-01", NULL), LERQ_EINVAL);
	assert_int_equal(lerq_stats_set_period(s, NULL, "yesterday"), LERQ_EINVAL);
	assert_int_equal(lerq_stats_add_memory(s, a.docs[0], strlen(a.docs[0])), LERQ_OK);
	assert_int_equal(lerq_stats_set_period(s, "2026-01-01", NULL), LERQ_EINVAL);
	lerq_stats_free(s);
	archive_free(&a);
	lerq_ctx_free(ctx);
}

/* n requests, each answered after delays_s[i] seconds. */
static char *delays_json(const struct lerq_ctx *ctx, const long *delays_s, size_t n,
                         const char *priority)
{
	struct lerq_stats *s = NULL;
	assert_int_equal(lerq_stats_new(ctx, TEST_NOW, &s), LERQ_OK);
	for (size_t i = 0; i < n; i++) {
		char number[24], answer[24], issued[64];
		snprintf(number, sizeof(number), "D%zu", i);
		snprintf(answer, sizeof(answer), "R%zu", i);
		/* Requests at 2026-11-01T00:00:00Z; responses delays_s later. */
		long t = delays_s[i];
		snprintf(issued, sizeof(issued), "2026-11-%02ldT%02ld:%02ld:%02ldZ", 1 + t / 86400,
		         t % 86400 / 3600, t % 3600 / 60, t % 60);
		struct req_spec r = { .number = number, .type = "disclosure",
		                      .priority = priority, .issued = "2026-11-01T00:00:00Z" };
		struct resp_spec p = { .answers = number, .number = answer, .issued = issued,
		                       .status = "fulfilled", .outcomes = "provided" };
		char *req = stats_request(&r), *resp = stats_response(&p);
		assert_int_equal(lerq_stats_add_memory(s, resp, strlen(resp)), LERQ_OK);
		assert_int_equal(lerq_stats_add_memory(s, req, strlen(req)), LERQ_OK);
		free(req);
		free(resp);
	}
	char *json = json_of(s);
	lerq_stats_free(s);
	return json;
}

/* Nearest rank: the value at rank ceil(p * N) of the sorted list;
 * hours rounded to 0.1. */
static void test_nearest_rank(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	/* One delay of 4 h 15 min: 4.25 h rounds to 4.3. */
	const long one[] = { 4 * 3600 + 15 * 60 };
	char *json = delays_json(ctx, one, 1, "routine");
	assert_contains(json, "\"all\": {\"count\": 1, \"median\": 4.3, \"p90\": 4.3, "
	                      "\"max\": 4.3}, \"by_priority\": {\"routine\": {\"count\": 1, "
	                      "\"median\": 4.3, \"p90\": 4.3, \"max\": 4.3}}");
	free(json);
	/* Two: the median is the first (rank ceil(1) = 1), p90 the second
	 * (rank ceil(1.8) = 2). 3 h 2 min 59 s is 3.05 h less a second: 3.0. */
	const long two[] = { 7 * 3600, 3 * 3600 + 2 * 60 + 59 };
	json = delays_json(ctx, two, 2, "urgent");
	assert_contains(json, "\"all\": {\"count\": 2, \"median\": 3.0, \"p90\": 7.0, "
	                      "\"max\": 7.0}, \"by_priority\": {\"urgent\": {\"count\": 2,");
	free(json);
	/* Ten, given out of order: median rank 5, p90 rank 9. */
	const long ten[] = { 10, 3, 7, 1, 9, 2, 8, 4, 6, 5 };
	long ten_s[10];
	for (size_t i = 0; i < 10; i++)
		ten_s[i] = ten[i] * 3600 + 1800; /* x.5 h */
	json = delays_json(ctx, ten_s, 10, "emergency");
	assert_contains(json, "\"all\": {\"count\": 10, \"median\": 5.5, \"p90\": 9.5, "
	                      "\"max\": 10.5}, \"by_priority\": {\"emergency\": {\"count\": 10, "
	                      "\"median\": 5.5, \"p90\": 9.5, \"max\": 10.5}}");
	free(json);
	lerq_ctx_free(ctx);
}

struct thread_arg {
	struct lerq_stats *stats;
	const struct archive *archive;
	size_t first, step;
};

static void *add_some(void *p)
{
	struct thread_arg *t = p;
	for (size_t i = t->first; i < t->archive->n; i += t->step) {
		const char *d = t->archive->docs[i];
		if (lerq_stats_add_memory(t->stats, d, strlen(d)) != LERQ_OK)
			return p;
	}
	return NULL;
}

/* Four threads share one context and one stats object: the same figures
 * as one thread reading in order. */
static void test_threads(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct archive a;
	archive_build(&a);
	for (int round = 0; round < 5; round++) {
		struct lerq_stats *s = NULL;
		assert_int_equal(lerq_stats_new(ctx, TEST_NOW, &s), LERQ_OK);
		pthread_t tids[4];
		struct thread_arg args[4];
		for (size_t t = 0; t < 4; t++) {
			args[t] = (struct thread_arg){ s, &a, t, 4 };
			assert_int_equal(pthread_create(&tids[t], NULL, add_some, &args[t]), 0);
		}
		for (size_t t = 0; t < 4; t++) {
			void *failed;
			pthread_join(tids[t], &failed);
			assert_null(failed);
		}
		char *json = json_of(s);
		assert_string_equal(json, EXPECTED_ALL);
		free(json);
		lerq_stats_free(s);
	}
	archive_free(&a);
	lerq_ctx_free(ctx);
}

static bool has_marker(const char *text)
{
	return strcasestr(text, STATS_MARKER) != NULL;
}

/* Text and HTML say the same figures; HTML is self-contained: no script,
 * nothing to fetch. No output carries a document's text. */
static void test_outputs(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct archive a;
	archive_build(&a);
	/* The marker really is in every document, and every text field. */
	for (size_t i = 0; i < a.n; i++)
		assert_true(has_marker(a.docs[i]));
	struct lerq_stats *s = stats_of(ctx, &a, NULL, NULL);
	char *text = NULL, *html = NULL, *json = json_of(s);
	size_t n;
	assert_int_equal(lerq_stats_to_text(s, &text, &n), LERQ_OK);
	assert_int_equal(strlen(text), n);
	assert_int_equal(lerq_stats_to_html(s, &html, &n), LERQ_OK);
	assert_int_equal(strlen(html), n);
	assert_false(has_marker(json));
	assert_false(has_marker(text));
	assert_false(has_marker(html));

	assert_contains(text, "Documents: 20 read, 4 invalid (not used), 12 valid requests, "
	                      "4 valid responses");
	assert_contains(text, "by type: disclosure 4, preservation 7, release 1");
	assert_contains(text, "median 54.0 h, 90th percentile 120.0 h, longest 120.0 h");
	assert_contains(text, "Open: 10 unanswered, of which 1 overdue; 1 answered");
	assert_contains(text, "Preservations: 5 active, 2 ending within 14 days");

	assert_true(strncmp(html, "<!DOCTYPE html>", 15) == 0);
	assert_contains(html, "<svg");
	assert_contains(html, ">median 54.0 h</text>");
	assert_contains(html, ">p90 120.0 h</text>");
	assert_contains(html, ">insufficient-legal-basis</text>");
	assert_contains(html, ">2026-09</text>");
	assert_contains(html, "2 preservations end within 14 days without a follow-up");
	const char *forbidden[] = { "<script", "src=", "href=", "url(", "@import", "<link",
	                            "<img", "<iframe", "<object", "<embed", "onload", "onerror",
	                            "onclick" };
	for (size_t i = 0; i < COUNT(forbidden); i++)
		if (strcasestr(html, forbidden[i]) != NULL)
			fail_msg("the HTML has \"%s\"", forbidden[i]);
	free(json);
	free(text);
	free(html);
	lerq_stats_free(s);

	/* With nothing valid: empty maps, {"count": 0}, still a page. */
	assert_int_equal(lerq_stats_new(ctx, TEST_NOW, &s), LERQ_OK);
	assert_int_equal(lerq_stats_add_memory(s, "", 0), LERQ_OK);
	json = json_of(s);
	assert_string_equal(json,
		"{\"documents\": {\"read\": 1, \"invalid\": 1, \"requests\": 0, \"responses\": 0, "
		"\"by_code\": {\"LERQ-P001\": 1}},\n"
		" \"requests\": {\"by_type\": {}, \"by_priority\": {}, \"by_channel\": {},\n"
		"              \"by_authority_country\": {}, \"by_provider_country\": {},\n"
		"              \"by_item_category\": {}, \"by_offence_category\": {}, "
		"\"by_month\": {}},\n"
		" \"responses\": {\"matched\": 0, \"unmatched\": 0, \"by_status\": {}, "
		"\"by_outcome\": {}, \"by_reason\": {}},\n"
		" \"delays\": {\"all\": {\"count\": 0}, \"by_priority\": {}},\n"
		" \"open\": {\"unanswered\": 0, \"overdue\": 0, \"answered_late\": 0},\n"
		" \"preservations\": {\"active\": 0, \"expiring_14_days\": 0}}\n");
	assert_int_equal(lerq_stats_to_html(s, &html, &n), LERQ_OK);
	assert_contains(html, "no request was answered");
	free(html);
	free(json);
	lerq_stats_free(s);
	archive_free(&a);
	lerq_ctx_free(ctx);
}

static void test_arguments(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	struct lerq_stats *s = NULL;
	char *out;
	size_t n;
	assert_int_equal(lerq_stats_new(NULL, TEST_NOW, &s), LERQ_EINVAL);
	assert_int_equal(lerq_stats_new(ctx, TEST_NOW, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_stats_new(ctx, LERQ_NOW_CLOCK, &s), LERQ_OK);
	assert_int_equal(lerq_stats_add_memory(NULL, "", 0), LERQ_EINVAL);
	assert_int_equal(lerq_stats_add_memory(s, NULL, 4), LERQ_EINVAL);
	assert_int_equal(lerq_stats_add_file(s, "/nonexistent/lerq.xml"), LERQ_EIO);
	assert_int_equal(lerq_stats_documents_read(s), 0); /* not read, not counted */
	assert_int_equal(lerq_stats_add_file(s, EXAMPLE("response.xml")), LERQ_OK);
	assert_int_equal(lerq_stats_documents_read(s), 1);
	assert_int_equal(lerq_stats_to_json(NULL, &out, &n), LERQ_EINVAL);
	assert_int_equal(lerq_stats_to_text(s, NULL, &n), LERQ_EINVAL);
	assert_int_equal(lerq_stats_to_html(s, &out, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_stats_documents_read(NULL), 0);
	lerq_stats_free(s);
	lerq_stats_free(NULL);
	lerq_ctx_free(ctx);
}

/* ---- lerq stats ------------------------------------------------------ */

struct run {
	int status;
	char *out;
	char *err;
};

static char *read_fd(int fd)
{
	struct stat st;
	assert_int_equal(fstat(fd, &st), 0);
	char *buf = malloc((size_t)st.st_size + 1);
	assert_non_null(buf);
	assert_int_equal(pread(fd, buf, (size_t)st.st_size, 0), st.st_size);
	buf[st.st_size] = '\0';
	return buf;
}

static struct run run_lerq(const char *const *args)
{
	char out_t[] = "/tmp/lerq-out-XXXXXX", err_t[] = "/tmp/lerq-err-XXXXXX";
	int out = mkstemp(out_t), err = mkstemp(err_t);
	assert_true(out >= 0 && err >= 0);
	unlink(out_t);
	unlink(err_t);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		dup2(in, 0);
		dup2(out, 1);
		dup2(err, 2);
		const char *argv[32] = { LERQ_CLI };
		size_t i = 1;
		for (; args[i - 1] && i < 31; i++)
			argv[i] = args[i - 1];
		argv[i] = NULL;
		execv(LERQ_CLI, (char *const *)argv);
		_exit(127);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	struct run r = { WEXITSTATUS(status), read_fd(out), read_fd(err) };
	close(out);
	close(err);
	return r;
}

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* The archive in a directory tree, read by the tool: the same figures,
 * in each format, with no text of the documents. */
static void test_cli(void **state)
{
	char dir[] = "/tmp/lerq-stats-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char sub[64], path[128];
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	struct archive a;
	archive_build(&a);
	for (size_t i = 0; i < a.n; i++) {
		snprintf(path, sizeof(path), "%s/%s%02zu.xml", i % 2 ? sub : dir, "doc", i);
		write_file(path, a.docs[i]);
	}
	snprintf(path, sizeof(path), "%s/notes.txt", dir); /* not *.xml: not read */
	write_file(path, "ZQXMARK");

	struct run r = run_lerq((const char *[]){ "stats", "--json", "--now",
	                                          "2026-11-26T12:00:00Z", dir, NULL });
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, EXPECTED_ALL);
	run_free(&r);
	r = run_lerq((const char *[]){ "stats", "--json", "--threads", "1", "--now",
	                               "2026-11-26T13:00:00+01:00", dir, NULL });
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, EXPECTED_ALL);
	run_free(&r);
	r = run_lerq((const char *[]){ "stats", "--now", "2026-11-26T12:00:00Z", "--since",
	                               "2026-11-02", "--until", "2026-11-24", "--json", dir,
	                               NULL });
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "\"by_type\": {\"disclosure\": 1, \"release\": 1}");
	run_free(&r);
	const char *formats[] = { "--html", "--json", NULL };
	for (size_t i = 0; i < COUNT(formats); i++) {
		r = run_lerq((const char *[]){ "stats", "--now", "2026-11-26T12:00:00Z",
		                               formats[i] ? formats[i] : dir, dir, NULL });
		assert_int_equal(r.status, 0);
		assert_true(strlen(r.out) > 100);
		assert_false(has_marker(r.out));
		assert_false(has_marker(r.err));
		run_free(&r);
	}
	/* An unreadable input among readable ones: a message, exit 0. */
	r = run_lerq((const char *[]){ "stats", "/nonexistent/x.xml", dir, NULL });
	assert_int_equal(r.status, 0);
	assert_contains(r.err, "/nonexistent/x.xml");
	run_free(&r);
	/* Nothing read: exit 2. */
	r = run_lerq((const char *[]){ "stats", "/nonexistent/x.xml", NULL });
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	run_free(&r);
	/* Usage errors. */
	const char *const bad[][6] = {
		{ "stats", NULL },
		{ "stats", "--json", "--html", dir, NULL },
		{ "stats", "--since", "2026-11", dir, NULL },
		{ "stats", "--until", "tomorrow", dir, NULL },
		{ "stats", "--now", "2026-11-26", dir, NULL },
		{ "stats", "--threads", "0", dir, NULL },
	};
	for (size_t i = 0; i < COUNT(bad); i++) {
		r = run_lerq(bad[i]);
		assert_int_equal(r.status, 2);
		assert_string_equal(r.out, "");
		assert_true(r.err[0] != '\0');
		run_free(&r);
	}
	r = run_lerq((const char *[]){ "stats", "--help", NULL });
	assert_int_equal(r.status, 0);
	assert_contains(r.out, "Usage: lerq stats");
	run_free(&r);

	for (size_t i = 0; i < a.n; i++) {
		snprintf(path, sizeof(path), "%s/%s%02zu.xml", i % 2 ? sub : dir, "doc", i);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	unlink(path);
	rmdir(sub);
	rmdir(dir);
	archive_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_figure),
		cmocka_unit_test(test_period),
		cmocka_unit_test(test_nearest_rank),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_outputs),
		cmocka_unit_test(test_arguments),
		cmocka_unit_test(test_cli),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
