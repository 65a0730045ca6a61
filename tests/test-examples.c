/* SPDX-License-Identifier: MIT */
/* Every bundled example is a valid document with no finding at all. */
#include <dirent.h>

#include "lerq-test.h"

static void test_every_example_is_clean(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	DIR *d = opendir(EXAMPLE(""));
	assert_non_null(d);
	size_t checked = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", EXAMPLE(""), e->d_name);
		struct lerq_report *r = validate_path(ctx, path);
		if (lerq_report_count(r) != 0) {
			print_report(r);
			fail_msg("%s has findings", e->d_name);
		}
		lerq_report_free(r);
		checked++;
	}
	closedir(d);
	/* One of each request type, an emergency, a cross-border request and
	 * a response at least. */
	assert_true(checked >= 6);
	lerq_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_example_is_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
