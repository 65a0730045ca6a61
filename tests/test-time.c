/* SPDX-License-Identifier: MIT */
/* lerq_time_parse: xs:dateTime with a mandatory time zone. */
#include <time.h>

#include "lerq-test.h"

static lerq_time_t parse_ok(const char *s)
{
	lerq_time_t t = 0;
	if (lerq_time_parse(s, &t) != LERQ_OK)
		fail_msg("'%s' should parse", s);
	return t;
}

static void test_zones(void **state)
{
	assert_int_equal(parse_ok("1970-01-01T00:00:00Z"), 0);
	assert_int_equal(parse_ok("2026-11-26T12:00:00Z"), 1795694400);
	/* The same instant written in three zones. */
	assert_int_equal(parse_ok("2026-11-26T13:00:00+01:00"), 1795694400);
	assert_int_equal(parse_ok("2026-11-26T07:30:00-04:30"), 1795694400);
	/* An offset that moves the date across midnight. */
	assert_int_equal(parse_ok("2026-11-27T00:30:00+12:30"), 1795694400);
	assert_int_equal(parse_ok(" 2026-11-26T12:00:00.999Z \n"), 1795694400);
	assert_int_equal(parse_ok("2024-02-29T00:00:00Z"), 1709164800);
	assert_int_equal(parse_ok("2026-11-26T24:00:00Z"), 1795737600);
}

/* lerq_now() is the system clock, in the unit every call takes. */
static void test_now(void **state)
{
	lerq_time_t before = (lerq_time_t)time(NULL);
	lerq_time_t now = lerq_now();
	lerq_time_t after = (lerq_time_t)time(NULL);
	assert_in_range(now, before, after);
	/* The old name is the same call, so arithmetic on it is a time. */
	lerq_time_t later = LERQ_NOW_CLOCK + 90 * 86400;
	assert_in_range(later - 90 * 86400, before, (lerq_time_t)time(NULL));
}

static void test_refused(void **state)
{
	static const char *const bad[] = {
		"2026-11-26T12:00:00",       /* no zone */
		"2026-11-26",                /* no time */
		"2026-11-26 12:00:00Z",      /* space for T */
		"2026-02-29T12:00:00Z",      /* not a leap year */
		"2026-13-01T12:00:00Z",
		"2026-11-26T12:60:00Z",
		"2026-11-26T24:00:01Z",
		"2026-11-26T12:00:00+1:00",
		"2026-11-26T12:00:00+15:00",
		"2026-11-26T12:00:00Zjunk",
		"26-11-26T12:00:00Z",
		"",
		"now",
	};
	lerq_time_t t = 42;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (lerq_time_parse(bad[i], &t) != LERQ_EINVAL)
			fail_msg("'%s' should be refused", bad[i]);
	assert_int_equal(t, 42); /* untouched on failure */
	assert_int_equal(lerq_time_parse(NULL, &t), LERQ_EINVAL);
	assert_int_equal(lerq_time_parse("2026-11-26T12:00:00Z", NULL), LERQ_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zones),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
