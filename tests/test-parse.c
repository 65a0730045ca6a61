/* SPDX-License-Identifier: MIT */
/* Safe parsing: LERQ-P001..P003 and every hostile construct, each refused
 * with its code and with nothing read or fetched. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lerq-test.h"

static int setup(void **state)
{
	*state = test_ctx();
	return 0;
}

static int teardown(void **state)
{
	lerq_ctx_free(*state);
	return 0;
}

/* A minimal, valid request used as the "nearest document that does not
 * trigger" for the P codes. */
static const char minimal[] = DATA("schema/valid-minimal-request.xml");

static void test_valid_minimal_has_no_finding(void **state)
{
	struct lerq_report *r = validate_path(*state, minimal);
	assert_no_findings(r);
	assert_true(lerq_report_is_valid(r));
	lerq_report_free(r);
}

static void expect_refusal(void **state, const char *path, const char *code)
{
	struct lerq_report *r = validate_path(*state, path);
	const struct lerq_finding *f = assert_only_finding(r, code);
	assert_int_equal(lerq_finding_severity(f), LERQ_SEVERITY_ERROR);
	assert_false(lerq_report_is_valid(r));
	/* Nothing from /etc/passwd or /etc/hostname may reach the report. */
	assert_null(strstr(lerq_finding_message(f), "root:"));
	lerq_report_free(r);
}

static void test_p001_empty(void **state)
{
	struct lerq_report *r = NULL;
	assert_int_equal(lerq_validate_memory(*state, NULL, 0, TEST_NOW, &r), LERQ_OK);
	assert_only_finding(r, "LERQ-P001");
	lerq_report_free(r);
	r = validate_string(*state, "   \n");
	assert_only_finding(r, "LERQ-P001");
	lerq_report_free(r);
}

static void test_p001_truncated(void **state)
{
	size_t size;
	char *xml = test_slurp(minimal, &size);
	struct lerq_report *r = NULL;
	assert_int_equal(lerq_validate_memory(*state, xml, size / 2, TEST_NOW, &r), LERQ_OK);
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-P001");
	assert_true(lerq_finding_line(f) > 1);
	lerq_report_free(r);
	free(xml);
}

static void test_p001_mismatched_tag_line(void **state)
{
	struct lerq_report *r = validate_string(*state,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<Request xmlns=\"urn:lerq:xml:1\">\n"
		"  <RegistrationNumber>x</Registration>\n"
		"</Request>\n");
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-P001");
	assert_int_equal(lerq_finding_line(f), 3);
	assert_true(lerq_finding_column(f) > 0);
	assert_non_null(strstr(lerq_finding_message(f), "RegistrationNumber"));
	lerq_report_free(r);
}

static void test_p001_latin1_declared(void **state)
{
	/* Pure ASCII content, but the declaration names another encoding:
	 * refused even though it would decode the same. */
	struct lerq_report *r = validate_string(*state,
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
		"<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\"/>\n");
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-P001");
	assert_non_null(strstr(lerq_finding_message(f), "ISO-8859-1"));
	lerq_report_free(r);
}

static void test_p001_invalid_utf8(void **state)
{
	struct lerq_report *r = validate_string(*state,
		"<?xml version=\"1.0\"?>\n"
		"<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\">M\xfcller</Request>\n");
	assert_only_finding(r, "LERQ-P001");
	lerq_report_free(r);
}

static void test_p001_utf16(void **state)
{
	static const char utf16[] = "\xff\xfe<\0R\0/\0>\0";
	struct lerq_report *r = NULL;
	assert_int_equal(lerq_validate_memory(*state, utf16, sizeof(utf16) - 1, TEST_NOW, &r), LERQ_OK);
	assert_only_finding(r, "LERQ-P001");
	lerq_report_free(r);
}

static void test_utf8_bom_and_declaration_accepted(void **state)
{
	size_t size;
	char *xml = test_slurp(minimal, &size);
	char *bom = malloc(size + 4);
	assert_non_null(bom);
	memcpy(bom, "\xef\xbb\xbf", 3);
	memcpy(bom + 3, xml, size + 1);
	struct lerq_report *r = validate_string(*state, bom);
	assert_no_findings(r);
	lerq_report_free(r);
	free(bom);
	free(xml);
}

static void test_p002_doctype_internal(void **state)
{
	struct lerq_report *r = validate_string(*state,
		"<?xml version=\"1.0\"?>\n<!DOCTYPE Request>\n"
		"<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\"/>\n");
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-P002");
	assert_int_equal(lerq_finding_line(f), 2);
	lerq_report_free(r);
}

/* The templates below are literals at every call site. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Each hostile file is refused with its code, and the files it names are
 * never opened: inotify sees every open of the target. */
static void refuse_without_touching(void **state, const char *doc_template,
                                    const char *code)
{
	char dir[] = "/tmp/lerq-test-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char target[128];
	snprintf(target, sizeof(target), "%s/secret.txt", dir);
	FILE *f = fopen(target, "w");
	assert_non_null(f);
	fputs("root:x:0:0:secret\n", f);
	fclose(f);

	int in = inotify_init1(IN_NONBLOCK);
	assert_true(in >= 0);
	assert_true(inotify_add_watch(in, target, IN_OPEN | IN_ACCESS) >= 0);

	char xml[2048];
	snprintf(xml, sizeof(xml), doc_template, target);
	struct lerq_report *r = validate_string(*state, xml);
	assert_only_finding(r, code);
	lerq_report_free(r);

	char ev[4096];
	ssize_t n = read(in, ev, sizeof(ev));
	assert_true(n < 0 && errno == EAGAIN); /* no event: never opened */
	close(in);
	unlink(target);
	rmdir(dir);
}

static void test_p002_xxe_not_read(void **state)
{
	refuse_without_touching(state,
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE Request [ <!ENTITY xxe SYSTEM \"file://%s\"> ]>\n"
		"<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\">&xxe;</Request>\n",
		"LERQ-P002");
}

static void test_p002_parameter_entity_not_read(void **state)
{
	refuse_without_touching(state,
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE Request [ <!ENTITY %% p SYSTEM \"%s\"> %%p; ]>\n"
		"<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\"/>\n",
		"LERQ-P002");
}

static void test_p002_external_dtd_not_read(void **state)
{
	refuse_without_touching(state,
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE Request SYSTEM \"%s\">\n"
		"<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\"/>\n",
		"LERQ-P002");
}

static void test_p002_xinclude_not_read(void **state)
{
	refuse_without_touching(state,
		"<?xml version=\"1.0\"?>\n"
		"<Request xmlns=\"urn:lerq:xml:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" version=\"1.0\">"
		"<xi:include href=\"%s\" parse=\"text\"/></Request>\n",
		"LERQ-P002");
}

/* An external DTD over http: a listening socket on loopback must see no
 * connection. */
static void test_p002_external_dtd_http_not_fetched(void **state)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	assert_true(s >= 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof(a)), 0);
	socklen_t len = sizeof(a);
	assert_int_equal(getsockname(s, (struct sockaddr *)&a, &len), 0);
	assert_int_equal(listen(s, 4), 0);

	char xml[512];
	snprintf(xml, sizeof(xml),
	         "<?xml version=\"1.0\"?>\n"
	         "<!DOCTYPE Request SYSTEM \"http://127.0.0.1:%u/lerq.dtd\">\n"
	         "<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\"/>\n",
	         ntohs(a.sin_port));
	struct lerq_report *r = validate_string(*state, xml);
	assert_only_finding(r, "LERQ-P002");
	lerq_report_free(r);

	int c = accept(s, NULL, NULL);
	assert_true(c < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
	close(s);
}

static void test_p002_hostile_files(void **state)
{
	expect_refusal(state, DATA("hostile/xxe-file.xml"), "LERQ-P002");
	expect_refusal(state, DATA("hostile/billion-laughs.xml"), "LERQ-P002");
	expect_refusal(state, DATA("hostile/external-dtd-http.xml"), "LERQ-P002");
	expect_refusal(state, DATA("hostile/parameter-entity.xml"), "LERQ-P002");
	expect_refusal(state, DATA("hostile/xinclude.xml"), "LERQ-P002");
	expect_refusal(state, DATA("hostile/undeclared-entity.xml"), "LERQ-P002");
}

/* A request whose root (or its first child, when @on_child) carries @n
 * attributes (or namespace declarations, when @xmlns). */
static char *many_attributes(size_t n, bool xmlns, bool on_child)
{
	size_t cap = 256 + n * 32;
	char *buf = malloc(cap);
	assert_non_null(buf);
	size_t len = (size_t)snprintf(buf, cap,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<Request xmlns=\"urn:lerq:xml:1\" version=\"1.0\"%s",
		on_child ? ">\n<Summary" : "");
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, cap - len,
		                        xmlns ? " xmlns:p%zu=\"urn:x:%zu\"" : " a%zu=\"%zu\"", i, i);
	snprintf(buf + len, cap - len, "%s", on_child ? "/>\n</Request>\n" : "/>\n");
	return buf;
}

static bool has_code_prefix(const struct lerq_report *r, const char *prefix)
{
	for (size_t i = 0; i < lerq_report_count(r); i++)
		if (strncmp(lerq_finding_code(lerq_report_get(r, i)), prefix, strlen(prefix)) == 0)
			return true;
	return false;
}

/* Issue 13: libxml2 handles a start tag's attributes in quadratic time;
 * more than 32 are refused before it sees them. */
static void test_p003_attributes(void **state)
{
	/* 80,000 attributes (795 KB, 19 s before): refused, on line 3. */
	char *xml = many_attributes(80000, false, true);
	struct lerq_report *r = validate_string(*state, xml);
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-P003");
	assert_int_equal(lerq_finding_line(f), 3);
	assert_int_equal(lerq_finding_column(f), 1);
	assert_non_null(strstr(lerq_finding_message(f), "32"));
	lerq_report_free(r);
	free(xml);
	/* 160,000 namespace declarations (valid before): refused. */
	xml = many_attributes(160000, true, false);
	r = validate_string(*state, xml);
	f = assert_only_finding(r, "LERQ-P003");
	assert_int_equal(lerq_finding_line(f), 2);
	lerq_report_free(r);
	free(xml);
	/* 32 together is the limit: 2 on the root + 30 is not refused
	 * (the schema refuses the unknown attributes), 31 is. */
	xml = many_attributes(30, false, false);
	r = validate_string(*state, xml);
	assert_false(has_code_prefix(r, "LERQ-P"));
	lerq_report_free(r);
	free(xml);
	xml = many_attributes(31, false, false);
	r = validate_string(*state, xml);
	assert_only_finding(r, "LERQ-P003");
	lerq_report_free(r);
	free(xml);
	expect_refusal(state, DATA("hostile/attributes-33.xml"), "LERQ-P003");
	expect_refusal(state, DATA("hostile/xmlns-40.xml"), "LERQ-P003");
	/* Look-alikes in comments, PIs, CDATA and attribute values do not
	 * count. */
	r = validate_path(*state, DATA("parse/attributes-hidden.xml"));
	assert_false(has_code_prefix(r, "LERQ-P"));
	assert_true(lerq_report_count(r) > 0); /* the unknown attribute "note" */
	lerq_report_free(r);
}

/* Issue 13: a declaration of 256 bytes or more was not read. */
static void test_p001_long_declaration(void **state)
{
	static const char *const files[] = {
		DATA("hostile/long-declaration-iso-8859-1.xml"),
		DATA("hostile/long-declaration-utf-16.xml"),
		DATA("hostile/long-declaration-utf-7.xml"),
	};
	static const char *const names[] = { "ISO-8859-1", "UTF-16", "UTF-7" };
	for (size_t i = 0; i < 3; i++) {
		struct lerq_report *r = validate_path(*state, files[i]);
		const struct lerq_finding *f = assert_only_finding(r, "LERQ-P001");
		assert_non_null(strstr(lerq_finding_message(f), names[i]));
		lerq_report_free(r);
	}
	/* 100,000 bytes of white space inside the declaration. */
	size_t pad = 100000;
	char *xml = malloc(pad + 200);
	assert_non_null(xml);
	strcpy(xml, "<?xml version=\"1.0\"");
	memset(xml + strlen(xml), ' ', pad);
	strcpy(xml + 19 + pad, " encoding='latin1'?><Request xmlns=\"urn:lerq:xml:1\"/>");
	struct lerq_report *r = validate_string(*state, xml);
	assert_only_finding(r, "LERQ-P001");
	lerq_report_free(r);
	/* A long declaration naming UTF-8 is fine. */
	size_t size;
	char *minimal_xml = test_slurp(minimal, &size);
	char *long_decl = malloc(size + pad + 1);
	assert_non_null(long_decl);
	memcpy(long_decl, "<?xml version=\"1.0\"", 19);
	memset(long_decl + 19, ' ', pad);
	memcpy(long_decl + 19 + pad, minimal_xml + 19, size - 19 + 1);
	r = validate_string(*state, long_decl);
	assert_no_findings(r);
	lerq_report_free(r);
	free(long_decl);
	free(minimal_xml);
	free(xml);
}

static void test_predefined_and_char_references_accepted(void **state)
{
	/* &amp; and &#233; are not entities in the DTD sense: they stay. */
	size_t size;
	char *xml = test_slurp(minimal, &size);
	char *p = strstr(xml, "</Offence>");
	assert_non_null(p);
	char buf[8192];
	snprintf(buf, sizeof(buf), "%.*s &amp; caf&#233; &#x41;%s", (int)(p - xml), xml, p);
	struct lerq_report *r = validate_string(*state, buf);
	assert_no_findings(r);
	lerq_report_free(r);
	free(xml);
}

static void test_p003_depth(void **state)
{
	expect_refusal(state, DATA("hostile/deep-65.xml"), "LERQ-P003");
	/* 64 levels is within the limit: it gets past the parser (to S001). */
	struct lerq_report *r = validate_path(*state, DATA("parse/deep-64.xml"));
	assert_has_finding(r, "LERQ-S001");
	for (size_t i = 0; i < lerq_report_count(r); i++)
		assert_string_not_equal(lerq_finding_code(lerq_report_get(r, i)), "LERQ-P003");
	lerq_report_free(r);
}

static void test_p003_depth_configurable(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	assert_int_equal(lerq_ctx_set_max_depth(ctx, 3), LERQ_OK);
	struct lerq_report *r = validate_path(ctx, minimal);
	assert_only_finding(r, "LERQ-P003");
	lerq_report_free(r);
	assert_int_equal(lerq_ctx_set_max_depth(ctx, 0), LERQ_EINVAL);
	assert_int_equal(lerq_ctx_set_max_depth(ctx, 257), LERQ_EINVAL);
	lerq_ctx_free(ctx);
}

static void test_p003_size(void **state)
{
	/* 16 MiB + 1 byte of otherwise harmless XML. */
	size_t size = LERQ_DEFAULT_MAX_SIZE + 1;
	char *big = malloc(size);
	assert_non_null(big);
	memset(big, ' ', size);
	memcpy(big, "<a>", 3);
	memcpy(big + size - 4, "</a>", 4);
	struct lerq_report *r = NULL;
	assert_int_equal(lerq_validate_memory(*state, big, size, TEST_NOW, &r), LERQ_OK);
	assert_only_finding(r, "LERQ-P003");
	lerq_report_free(r);
	/* Exactly the limit is parsed (and found to be no lerq document). */
	assert_int_equal(lerq_validate_memory(*state, big + 1, size - 1, TEST_NOW, &r), LERQ_OK);
	assert_int_not_equal(strcmp(lerq_finding_code(lerq_report_get(r, 0)), "LERQ-P003"), 0);
	lerq_report_free(r);
	free(big);
}

/* A file over the limit is refused by its own size, named in the message
 * (not the bytes read before stopping), by every call that reads files. */
static void test_p003_names_file_size(void **state)
{
	char path[] = "/tmp/lerq-big-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	/* 17 MiB + 123 bytes, sparse: nothing is written. */
	size_t size = 17 * 1024 * 1024 + 123;
	assert_int_equal(ftruncate(fd, (off_t)size), 0);
	close(fd);
	char want[64];
	snprintf(want, sizeof(want), "The file is %zu bytes; the limit is %zu bytes", size,
	         (size_t)LERQ_DEFAULT_MAX_SIZE);

	struct lerq_report *r = NULL;
	assert_int_equal(lerq_validate_file(*state, path, TEST_NOW, &r), LERQ_OK);
	assert_only_finding(r, "LERQ-P003");
	assert_string_equal(lerq_finding_message(lerq_report_get(r, 0)), want);
	lerq_report_free(r);

	struct lerq_doc *doc = NULL;
	assert_int_equal(lerq_doc_parse_file(*state, path, TEST_NOW, 0, &doc, &r), LERQ_EDOCUMENT);
	assert_null(doc);
	assert_only_finding(r, "LERQ-P003");
	assert_string_equal(lerq_finding_message(lerq_report_get(r, 0)), want);
	lerq_report_free(r);

	struct lerq_renderer *renderer = NULL;
	assert_int_equal(lerq_renderer_new(*state, &renderer), LERQ_OK);
	struct lerq_letter *letter = NULL;
	assert_int_equal(lerq_letter_new_file(renderer, path, TEST_NOW, &letter, &r),
	                 LERQ_EDOCUMENT);
	assert_null(letter);
	assert_string_equal(lerq_finding_message(lerq_report_get(r, 0)), want);
	lerq_report_free(r);
	lerq_renderer_free(renderer);
	unlink(path);
}

static void test_p003_size_configurable_and_file(void **state)
{
	struct lerq_ctx *ctx = test_ctx();
	assert_int_equal(lerq_ctx_set_max_size(ctx, 100), LERQ_OK);
	struct lerq_report *r = validate_path(ctx, minimal);
	assert_only_finding(r, "LERQ-P003");
	lerq_report_free(r);
	assert_int_equal(lerq_ctx_set_max_size(ctx, 0), LERQ_EINVAL);
	lerq_ctx_free(ctx);
}

/* libxml2's own limits are limits: P003, not "malformed" or "out of
 * memory". And a huge value is never repeated whole in a message. */
static void test_p003_parser_limits(void **state)
{
	size_t size;
	char *xml = test_slurp(minimal, &size);
	size_t big = 11 * 1000 * 1000;
	char *doc = malloc(size + big + 1);
	assert_non_null(doc);
	char *p = strstr(xml, "\"disclosure\"");
	assert_non_null(p);
	size_t head = (size_t)(p - xml) + 1;
	memcpy(doc, xml, head);
	memset(doc + head, 'a', big);
	strcpy(doc + head + big, p + 1 + strlen("disclosure"));
	struct lerq_report *r = validate_string(*state, doc);
	assert_only_finding(r, "LERQ-P003");
	lerq_report_free(r);

	/* The same length as a text value gets past the parser; the schema
	 * finding shows only the start of it. */
	p = strstr(xml, "CC-2026-0001");
	assert_non_null(p);
	head = (size_t)(p - xml);
	memcpy(doc, xml, head);
	memset(doc + head, 'A', big);
	strcpy(doc + head + big, p + strlen("CC-2026-0001"));
	r = validate_string(*state, doc);
	const struct lerq_finding *f = assert_only_finding(r, "LERQ-S001");
	assert_true(strlen(lerq_finding_message(f)) < 400);
	assert_non_null(strstr(lerq_finding_message(f), "RegistrationNumber"));
	lerq_report_free(r);
	free(doc);
	free(xml);
}

/* A document with many faults: the report keeps the first findings up to
 * the context's limit and counts the rest. */
static void test_findings_limit(void **state)
{
	size_t size;
	char *xml = test_slurp(minimal, &size);
	char *p = strstr(xml, "<Item ");
	char *q = strstr(xml, "</DataRequested>");
	assert_true(p && q);
	size_t items = 50;
	char *doc = malloc(size + items * 200);
	assert_non_null(doc);
	size_t n = (size_t)(p - xml);
	memcpy(doc, xml, n);
	for (size_t i = 0; i < items; i++)
		n += (size_t)sprintf(doc + n, "<Item id=\"x%zu\" category=\"traffic\">"
		                     "<Identifier type=\"ipv4\">192.0.2.%zu</Identifier></Item>",
		                     i, i);
	strcpy(doc + n, q);

	/* Each Item: an IPv4 address without At or Period (R008, error). */
	struct lerq_report *r = validate_string(*state, doc);
	assert_int_equal(lerq_report_count(r), items);
	assert_int_equal(lerq_report_suppressed(r), 0);
	lerq_report_free(r);

	struct lerq_ctx *ctx = test_ctx();
	assert_int_equal(lerq_ctx_set_max_findings(ctx, 10), LERQ_OK);
	assert_int_equal(lerq_ctx_set_max_findings(ctx, 0), LERQ_EINVAL);
	r = validate_string(ctx, doc);
	assert_int_equal(lerq_report_count(r), 10);
	assert_int_equal(lerq_report_suppressed(r), items - 10);
	assert_int_equal(lerq_report_errors(r) + lerq_report_warnings(r), items);
	assert_false(lerq_report_is_valid(r));
	lerq_report_free(r);
	lerq_ctx_free(ctx);
	free(doc);
	free(xml);
}

static void test_unreadable_file(void **state)
{
	struct lerq_report *r = NULL;
	errno = 0;
	assert_int_equal(lerq_validate_file(*state, DATA("no-such-file.xml"), TEST_NOW, &r), LERQ_EIO);
	assert_int_equal(errno, ENOENT);
	assert_null(r);
	assert_int_equal(lerq_validate_file(*state, DATA("hostile"), TEST_NOW, &r), LERQ_EIO);
	assert_null(r);
}

static void test_bad_arguments(void **state)
{
	struct lerq_report *r = NULL;
	assert_int_equal(lerq_validate_memory(NULL, "x", 1, TEST_NOW, &r), LERQ_EINVAL);
	assert_int_equal(lerq_validate_memory(*state, NULL, 1, TEST_NOW, &r), LERQ_EINVAL);
	assert_int_equal(lerq_validate_memory(*state, "x", 1, TEST_NOW, NULL), LERQ_EINVAL);
	assert_int_equal(lerq_validate_file(*state, NULL, TEST_NOW, &r), LERQ_EINVAL);
	assert_null(r);
	assert_int_equal(lerq_ctx_new(0, NULL), LERQ_EINVAL);
	struct lerq_ctx *ctx = NULL;
	assert_int_equal(lerq_ctx_new(0x100, &ctx), LERQ_EINVAL);
	assert_null(ctx);
	lerq_ctx_free(NULL);
	lerq_report_free(NULL);
	assert_int_equal(lerq_report_count(NULL), 0);
	assert_null(lerq_report_get(NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_minimal_has_no_finding),
		cmocka_unit_test(test_p001_empty),
		cmocka_unit_test(test_p001_truncated),
		cmocka_unit_test(test_p001_mismatched_tag_line),
		cmocka_unit_test(test_p001_latin1_declared),
		cmocka_unit_test(test_p001_invalid_utf8),
		cmocka_unit_test(test_p001_utf16),
		cmocka_unit_test(test_utf8_bom_and_declaration_accepted),
		cmocka_unit_test(test_p002_doctype_internal),
		cmocka_unit_test(test_p002_xxe_not_read),
		cmocka_unit_test(test_p002_parameter_entity_not_read),
		cmocka_unit_test(test_p002_external_dtd_not_read),
		cmocka_unit_test(test_p002_xinclude_not_read),
		cmocka_unit_test(test_p002_external_dtd_http_not_fetched),
		cmocka_unit_test(test_p002_hostile_files),
		cmocka_unit_test(test_predefined_and_char_references_accepted),
		cmocka_unit_test(test_p003_depth),
		cmocka_unit_test(test_p003_depth_configurable),
		cmocka_unit_test(test_p003_size),
		cmocka_unit_test(test_p003_names_file_size),
		cmocka_unit_test(test_p003_size_configurable_and_file),
		cmocka_unit_test(test_p003_parser_limits),
		cmocka_unit_test(test_p003_attributes),
		cmocka_unit_test(test_p001_long_declaration),
		cmocka_unit_test(test_findings_limit),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
