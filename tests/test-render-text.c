/* SPDX-License-Identifier: MIT */
/*
 * The text letter's layout (text.xsl and letter/wrap.c): 72 display
 * columns in every language, Chinese text wrapped by Unicode line
 * breaking, identifiers and references never cut.
 */
#include <dirent.h>

#include <unistr.h>
#include <uniwidth.h>

#include "render-test.h"

#define COLUMNS 72

/* Every line ends with a newline and takes at most 72 display columns (a
 * Chinese character takes two), but for a line that is one word wider
 * than @longest_word allows. */
static void assert_columns(const char *text, size_t longest_word)
{
	const char *line = text;
	while (*line) {
		const char *end = strchr(line, '\n');
		assert_non_null(end);
		size_t cols = 0;
		const uint8_t *p = (const uint8_t *)line;
		while (p < (const uint8_t *)end) {
			ucs4_t c;
			p += u8_mbtouc(&c, p, (size_t)((const uint8_t *)end - p));
			int w = uc_width(c, "UTF-8");
			cols += w > 0 ? (size_t)w : 0;
		}
		if (cols > COLUMNS) {
			const char *word = line + strspn(line, " ");
			if ((size_t)(end - word) <= longest_word ||
			    memchr(word, ' ', (size_t)(end - word)) != NULL)
				fail_msg("line of %zu columns: %.*s", cols, (int)(end - line), line);
		}
		assert_false(end > line && end[-1] == ' '); /* no trailing spaces */
		line = end + 1;
	}
}

static char *with_language(const char *doc, const char *lang)
{
	const char *l = strstr(doc, "xml:lang=\"");
	assert_non_null(l);
	char from[32], to[32];
	snprintf(from, sizeof(from), "xml:lang=\"%.*s\"", (int)strcspn(l + 10, "\""), l + 10);
	snprintf(to, sizeof(to), "xml:lang=\"%s\"", lang);
	return replace_all(doc, from, to);
}

/* Every example in English, French, German and Spanish: no line wider
 * than 72 columns (the Spanish SHA-256 checksum was on a line of 94). */
static void test_every_language_keeps_to_72_columns(void **state)
{
	struct fixture *f = *state;
	static const char *const langs[] = { "en", "fr", "de", "es" };
	DIR *d = opendir(EXAMPLE(""));
	assert_non_null(d);
	struct dirent *e;
	size_t rendered = 0;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", EXAMPLE(""), e->d_name);
		char *doc = slurp(path, NULL);
		for (size_t i = 0; i < 4; i++) {
			char *other = with_language(doc, langs[i]);
			char *text = render_ok(f->renderer, other, LERQ_FORMAT_TEXT, NULL);
			/* The examples have no word of more than 66 columns: all
			 * fit after the deepest indentation. */
			assert_columns(text, 0);
			free(text);
			free(other);
			rendered++;
		}
		free(doc);
	}
	closedir(d);
	assert_true(rendered >= 24);
}

static const char chinese[] =
        "该地址和源端口被用于登录受害人的网上银行账户并下达欺诈性转账指令，"
        "随后资金被转入境外账户，调查人员需要确认该用户的身份以及注册时提供的全部资料，"
        "包括姓名、地址、出生日期和付款方式。";

/* Chinese has no spaces: it breaks between characters, each two columns
 * wide, and loses none of them. */
static void test_chinese_is_wrapped(void **state)
{
	struct fixture *f = *state;
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	char *a = replace_all(doc, "The address and source port were used to log in to the "
	                           "victim's online-banking account and to order the fraudulent "
	                           "transfer.", chinese);
	char *b = replace_all(a, "j.krause.1984@rheinwelle-mail.de</Identifier>",
	                      "j.krause.1984@rheinwelle-mail.de</Identifier>"
	                      "<Identifier type=\"username\">王小明_1984</Identifier>");
	char *text = render_ok(f->renderer, b, LERQ_FORMAT_TEXT, NULL);
	assert_columns(text, 0);
	/* The identifier whole, on a line of its own. */
	assert_contains(text, "王小明_1984\n");
	/* The relevance over several lines, every character in order. */
	const char *at = strstr(text, "该地址");
	assert_non_null(at);
	char joined[4096];
	size_t n = 0, lines = 1;
	for (const char *p = at; *p && n + 1 < sizeof(joined); p++) {
		if (*p == '\n') {
			lines++;
			p += strspn(p + 1, " ");
			continue;
		}
		joined[n++] = *p;
		if (n >= strlen(chinese))
			break;
	}
	joined[n] = '\0';
	assert_string_equal(joined, chinese);
	assert_true(lines >= 3);
	free(text);
	free(b);
	free(a);
	free(doc);
}

/* An identifier, an item id, a reference and a time zone are never cut,
 * at a hyphen, a slash or a colon: only whole. */
static void test_identifiers_are_never_cut(void **state)
{
	struct fixture *f = *state;
	static const char *const whole[] = {
		"very-long.mailbox-name.of-the-suspect@sub-domain.mail-provider.example",
		"subscriber-record-2026-10-14-0001",
		"https://files.lka.nrw.example/cases/2026/10/evidence-bundle-0001.zip",
		"(UTC+02:00)",
	};
	char *doc = slurp(EXAMPLE("disclosure-request.xml"), NULL);
	char *a = replace_all(doc, "j.krause.1984@rheinwelle-mail.de", whole[0]);
	char *b = replace_all(a, "id=\"i3\"", "id=\"subscriber-record-2026-10-14-0001\"");
	for (size_t l = 0; l < 4; l++) {
		static const char *const langs[] = { "en", "fr", "de", "es" };
		char *other = with_language(b, langs[l]);
		char *text = render_ok(f->renderer, other, LERQ_FORMAT_TEXT, NULL);
		assert_columns(text, 66);
		for (size_t i = 0; i < 2; i++)
			assert_contains(text, whole[i]);
		/* Every time zone whole. */
		size_t zones = 0, whole_zones = 0;
		for (const char *p = text; (p = strstr(p, "(UTC")) != NULL; p++) {
			zones++;
			whole_zones += strncmp(p + 4, "+02:00)", 7) == 0 || strncmp(p + 4, "+01:00)", 7) == 0;
		}
		assert_true(zones > 0);
		assert_int_equal(zones, whole_zones);
		free(text);
		free(other);
	}
	free(b);
	free(a);
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_language_keeps_to_72_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chinese_is_wrapped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_identifiers_are_never_cut, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
