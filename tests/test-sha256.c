/* SPDX-License-Identifier: MIT */
/* lerq_sha256_hex() against the FIPS 180-4 examples (NIST's SHA-256 test
 * vectors) and every padding boundary (55, 56, 63, 64 bytes and the same
 * in the second block), whose digests come from Python's hashlib. */
#include "lerq-test.h"

static void check(const void *data, size_t size, const char *want)
{
	char out[65];
	memset(out, 'x', sizeof(out));
	assert_int_equal(lerq_sha256_hex(data, size, out), LERQ_OK);
	assert_string_equal(out, want);
}

static void test_fips_vectors(void **state)
{
	check("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check(NULL, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	static const char two_blocks[] =
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	check(two_blocks, strlen(two_blocks),
	      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	static const char long_message[] =
		"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
		"ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	check(long_message, strlen(long_message),
	      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	/* One million times "a". */
	char *a = malloc(1000000);
	assert_non_null(a);
	memset(a, 'a', 1000000);
	check(a, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

static void test_padding_boundaries(void **state)
{
	static const struct {
		size_t size;
		const char *digest;
	} cases[] = {
		{ 55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59" },
		{ 56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562" },
		{ 63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488" },
		{ 64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108" },
		{ 65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781" },
		{ 119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6" },
		{ 120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c" },
		{ 128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5" },
	};
	unsigned char data[128];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i % 251);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check(data, cases[i].size, cases[i].digest);
}

static void test_refused(void **state)
{
	char out[65] = "unchanged";
	assert_int_equal(lerq_sha256_hex(NULL, 1, out), LERQ_EINVAL);
	assert_string_equal(out, "unchanged");
	assert_int_equal(lerq_sha256_hex("abc", 3, NULL), LERQ_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fips_vectors),
		cmocka_unit_test(test_padding_boundaries),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
