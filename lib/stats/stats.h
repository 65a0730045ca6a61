/* SPDX-License-Identifier: MIT */
/* Statistics over an archive of requests and responses (spec section 7):
 * what lib/stats/ shares. Private to liblerq.
 *
 * Documents are read one at a time (extract.c turns each validated tree
 * into a few facts, then the tree is freed); what is kept is the counts of
 * the maps and, per registration number, one struct entry of about a
 * hundred bytes: enough to match responses to requests, to measure the
 * delays and to tell open requests and preservations at the end
 * (figures.c). The outputs (json.c, text.c, html.c) are made from one
 * struct figures, so they cannot say different things. */
#ifndef LERQ_STATS_H
#define LERQ_STATS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/lerq-private.h"

/* The format's own words, in the spec's order, for the maps whose keys
 * the schema enumerates. Counts are kept per index. */
enum { TYPE_COUNT = 3, PRIORITY_COUNT = 3, CHANNEL_COUNT = 4, ITEM_CATEGORY_COUNT = 3,
       OFFENCE_CATEGORY_COUNT = 10, STATUS_COUNT = 5, OUTCOME_COUNT = 3, REASON_COUNT = 8,
       RELATION_COUNT = 4 };
extern const char *const lerq__stats_types[TYPE_COUNT];
extern const char *const lerq__stats_priorities[PRIORITY_COUNT];
extern const char *const lerq__stats_channels[CHANNEL_COUNT];
extern const char *const lerq__stats_item_categories[ITEM_CATEGORY_COUNT];
extern const char *const lerq__stats_offence_categories[OFFENCE_CATEGORY_COUNT];
extern const char *const lerq__stats_statuses[STATUS_COUNT];
extern const char *const lerq__stats_outcomes[OUTCOME_COUNT];
extern const char *const lerq__stats_reasons[REASON_COUNT];
extern const char *const lerq__stats_relations[RELATION_COUNT];
enum { TYPE_PRESERVATION = 1, TYPE_RELEASE = 2, RELATION_FOLLOWS_UP = 1,
       RELATION_EXTENDS = 2 };

/* A count per string key (countries, months, finding codes): keys kept
 * sorted, so lookups are binary searches and outputs come out in order.
 * Few keys: at most the countries, months and codes that occur. */
struct tally {
	char **keys;
	uint64_t *counts;
	size_t n, cap;
};
int lerq__tally_add(struct tally *t, const char *key, uint64_t count);
void lerq__tally_free(struct tally *t);

/* A registration number: 1-64 characters (ref), NUL-terminated. */
#define NUMBER_SIZE 65

/* extract.c: the facts of one valid document. */
struct reference {
	char number[NUMBER_SIZE];
	int relation; /* index in lerq__stats_relations, or -1 */
};
struct facts {
	bool is_response;
	char number[NUMBER_SIZE]; /* RegistrationNumber, or InResponseTo */
	lerq_time_t issued;
	int64_t issued_day;       /* the date of IssuedAt as written, in days */
	int issued_year, issued_month;
	/* Request */
	int type, priority, channel; /* indexes; -1 unknown */
	char authority_country[4], provider_country[4];
	lerq_time_t respond_by; /* INT64_MIN: none */
	int days;               /* Preservation/Days, 0 when none */
	uint64_t items[ITEM_CATEGORY_COUNT];
	uint64_t offences[OFFENCE_CATEGORY_COUNT];
	struct reference *relates; /* malloc()ed, relates_count of them */
	size_t relates_count;
	/* Response */
	int status;
	uint64_t outcomes[OUTCOME_COUNT];
	uint64_t reasons[REASON_COUNT];
};
/* Reads the facts from a document that passed validation; LERQ_ENOMEM or
 * LERQ_OK. The caller frees f->relates. */
int lerq__stats_extract(xmlDocPtr doc, struct facts *f);
/* Index of word in words[n], or -1. */
int lerq__stats_word(const char *const *words, size_t n, const char *word);

/* What is kept per registration number: the request (if one was read),
 * the latest response to it, and whether other requests release or
 * follow it up. */
enum {
	ENTRY_REQUEST = 1 << 0,  /* a valid request with this number was read */
	ENTRY_SELECTED = 1 << 1, /* ... and its IssuedAt is within since/until */
	ENTRY_RELEASED = 1 << 2, /* a release request names it */
	ENTRY_FOLLOWED = 1 << 3, /* another request follows it up or extends it */
};
struct entry {
	char number[NUMBER_SIZE];
	uint8_t flags;
	uint8_t type, priority;
	uint32_t responses;       /* valid responses naming it */
	lerq_time_t issued;       /* the request's IssuedAt */
	lerq_time_t respond_by;   /* INT64_MIN: none */
	lerq_time_t preserved_to; /* IssuedAt + Days; INT64_MIN: not a preservation */
	lerq_time_t answered;     /* the latest response's IssuedAt */
};

struct lerq_stats {
	const struct lerq_ctx *ctx;
	lerq_time_t now;
	int64_t since_day, until_day; /* INT64_MIN / INT64_MAX: open */
	pthread_mutex_t lock;         /* guards everything below */
	bool started;                 /* a document was added: no more settings */
	uint64_t read, invalid, requests, responses;
	struct tally by_code;
	uint64_t by_type[TYPE_COUNT], by_priority[PRIORITY_COUNT], by_channel[CHANNEL_COUNT];
	struct tally by_authority_country, by_provider_country, by_month;
	uint64_t by_item_category[ITEM_CATEGORY_COUNT];
	uint64_t by_offence_category[OFFENCE_CATEGORY_COUNT];
	uint64_t by_status[STATUS_COUNT], by_outcome[OUTCOME_COUNT], by_reason[REASON_COUNT];
	struct entry *entries;
	size_t entry_count, entry_cap;
	uint32_t *slots; /* open addressing: entry index + 1, 0 empty */
	size_t slot_count;
};

/* figures.c: the figures of section 7, computed from the entries. Delays
 * are in tenths of an hour, sorted. */
struct delays {
	int64_t *tenths;
	size_t count;
};
struct figures {
	uint64_t matched, unmatched;
	struct delays all, by_priority[PRIORITY_COUNT];
	uint64_t unanswered, overdue, answered_late;
	uint64_t active, expiring;
};
int lerq__stats_figures(const struct lerq_stats *stats, struct figures *fig);
void lerq__stats_figures_free(struct figures *fig);
/* The nearest-rank percentile num/den of a sorted list (rank
 * ceil(num/den * count)); count must not be 0. */
int64_t lerq__stats_rank(const struct delays *d, unsigned num, unsigned den);

/* "12.5", "-0.3": tenths of an hour as a number with one decimal. */
void lerq__stats_tenths(struct lerq__buf *b, int64_t tenths);

/* json.c: locks the stats, computes the figures and has write() put an
 * output into a string for the caller (the lerq_stats_to_* calls). */
int lerq__stats_output(const struct lerq_stats *stats,
                       void (*write)(struct lerq__buf *, const struct lerq_stats *,
                                     const struct figures *),
                       char **out, size_t *size);

#endif
