/* tests/unit/unit.c — unit tests of util/ (buf, vec, strmap) and of the
 * emitter's line breaking (open_item at rustfmt's width). Linked against
 * every object but main.o; prints "ok - sentence" / "not ok - sentence"
 * lines like the test scripts (tests/t05-unit.sh runs it). */
#include "gen/emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void expect(bool cond, const char *what)
{
	printf("%s - %s\n", cond ? "ok" : "not ok", what);
	failed |= !cond;
}

static void test_buf(void)
{
	struct buf b = {0};
	expect(buf_str(&b) && !strcmp(buf_str(&b), "") && b.len == 0,
	       "buf: a zeroed buffer is empty and buf_str gives \"\", not NULL");
	buf_puts(&b, "");
	expect(b.p && !strcmp(b.p, "") && b.len == 0, "buf: an empty append leaves \"\", not NULL");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	char *want = xstrdup("");
	for (int i = 0; i < 1000; i++) {
		char *n = xstrfmt("%s%d,", want, i);
		free(want);
		want = n;
	}
	expect(!strcmp(b.p, want) && b.len == strlen(want),
	       "buf: 1000 buf_printf calls equal the same text built with asprintf");
	expect(b.cap > b.len && b.p[b.len] == 0, "buf: the text stays NUL-terminated inside cap");
	char big[5000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = 0;
	buf_reset(&b);
	buf_printf(&b, "<%s>", big);
	expect(b.len == sizeof big + 1 && b.p[0] == '<' && b.p[b.len - 1] == '>',
	       "buf: one buf_printf longer than the free room is formatted whole");
	buf_reset(&b);
	expect(b.len == 0 && b.p && b.p[0] == 0, "buf: buf_reset keeps the storage, empties the text");
	buf_putn(&b, "a\0b", 3);
	expect(b.len == 3 && !memcmp(b.p, "a\0b", 4), "buf: buf_putn keeps embedded NULs");
	buf_reset(&b);
	buf_indent(&b, 8);
	buf_putc(&b, 'x');
	expect(!strcmp(b.p, "        x"), "buf: buf_indent writes that many spaces");
	buf_free(&b);
	expect(!strcmp(buf_str(&b), "") && b.len == 0 && b.cap == 0,
	       "buf: buf_free leaves an empty buffer that buf_str reads as \"\"");
	buf_puts(&b, "again");
	expect(!strcmp(buf_str(&b), "again"), "buf: a freed buffer can be appended to again");
	buf_free(&b);
	expect(!b.p && !b.len && !b.cap, "buf: buf_free leaves an empty buffer");
	free(want);
}

static void test_vec(void)
{
	struct vec v = {0};
	static int x[100];
	for (int i = 0; i < 100; i++)
		vec_push(&v, &x[i]);
	bool same = v.n == 100;
	for (int i = 0; i < 100 && same; i++)
		same = v.v[i] == &x[i];
	expect(same, "vec: 100 pushes keep their order");
}

static void test_strmap(void)
{
	struct strmap m = {0};
	expect(!strmap_get(&m, "x"), "strmap: a lookup in an empty map finds nothing");
	enum { N = 20000 };
	char **keys = xcalloc(N, sizeof *keys);
	for (int i = 0; i < N; i++) {
		keys[i] = xstrfmt("key%d", i);
		strmap_put(&m, keys[i], keys[i]);
	}
	bool all = m.n == N;
	for (int i = 0; i < N && all; i++) {
		char probe[32];
		snprintf(probe, sizeof probe, "key%d", i);
		all = strmap_get(&m, probe) == keys[i];
	}
	expect(all, "strmap: 20000 keys, each found by an equal string (not the same pointer)");
	expect(!strmap_get(&m, "key") && !strmap_get(&m, "key20000") && !strmap_get(&m, ""),
	       "strmap: prefixes and absent keys are not found");
	strmap_put(&m, "key7", "other");
	expect(m.n == N && !strcmp(strmap_get(&m, "key7"), "other"),
	       "strmap: putting an existing key replaces its value, the count stays");
	expect(m.cap >= 2 * m.n && (m.cap & (m.cap - 1)) == 0,
	       "strmap: the table stays at most half full, a power of two");
	strmap_free(&m);
	expect(!m.cap && !m.n && !strmap_get(&m, "key1"), "strmap: freed, it is an empty map");
	for (int i = 0; i < N; i++)
		free(keys[i]);
	free(keys);
}

/* rustfmt (max_width 100) keeps `pub struct NAME {` on one line while it
 * fits in 100 columns, and otherwise breaks before the brace; an impl
 * header that does not fit puts the type on a line of its own. */
static void test_open_item(void)
{
	struct buf b = {0};
	char name[128];
	/* "pub struct " is 11 columns, " {" is 2: a name of 87 fills 100 */
	memset(name, 'n', 87);
	name[87] = 0;
	open_item(&b, "pub struct", name, "{\n");
	expect(!strcmp(b.p, xstrfmt("pub struct %s {\n", name)),
	       "open_item: a 100-column opening stays on one line");
	buf_reset(&b);
	strcat(name, "n");
	open_item(&b, "pub struct", name, "{\n");
	expect(!strcmp(b.p, xstrfmt("pub struct %s\n{\n", name)),
	       "open_item: a 101-column opening breaks before the brace");
	buf_reset(&b);
	memset(name, 'n', 96); /* "impl " + 96 + " {" is 103 columns */
	name[96] = 0;
	open_item(&b, "impl", name, "{\n");
	expect(!strcmp(b.p, xstrfmt("impl\n    %s\n{\n", name)),
	       "open_item: a long impl header puts the type on its own line, indented");
	expect(!strcmp(emit_join(&b, "a", "", "bc", NULL), "abc") && !strcmp(emit_join(&b, NULL), ""),
	       "emit_join: concatenates its arguments into the buffer, \"\" for none");
	buf_free(&b);
}

/* regex_cost: small for the patterns people write, past the limit where
 * glibc's regcomp would expand repetitions into millions of states */
static void test_regex_cost(void)
{
	expect(regex_cost("foo_.*") <= REGEX_COST_LIMIT / 100, "regex_cost: foo_.* is small");
	expect(regex_cost("(a|b)+|[]{}(]*") <= REGEX_COST_LIMIT / 50,
	       "regex_cost: groups, brackets with ] and ( are small");
	expect(regex_cost("(a*)+{100}") > REGEX_COST_LIMIT && regex_cost("a*++++++") > REGEX_COST_LIMIT &&
	       regex_cost("S******+++") > REGEX_COST_LIMIT,
	       "regex_cost: copies of a loop over a nullable part are past the limit");
	expect(regex_cost("(a*)+{4}") <= REGEX_COST_LIMIT && regex_cost("(ab*)+{100}") <= REGEX_COST_LIMIT,
	       "regex_cost: a few such copies, or copies of a loop over a non-nullable part, are not");
	expect(regex_cost("[a-z]{1,1000}") >= 1000 && regex_cost("[a-z]{1,1000}") <= REGEX_COST_LIMIT,
	       "regex_cost: {1,1000} counts 1000 copies, under the limit");
	expect(regex_cost("a++++++++++++++++++++++++") > REGEX_COST_LIMIT,
	       "regex_cost: 24 stacked + double 24 times, past the limit");
	expect(regex_cost("((a{100}){100}){100}") > REGEX_COST_LIMIT,
	       "regex_cost: nested counts multiply, past the limit");
	expect(regex_cost("x{") <= 100 && regex_cost(")(") <= 100 && regex_cost("\\") <= 100,
	       "regex_cost: malformed patterns end the walk (regcomp rejects them)");
}

int main(void)
{
	test_buf();
	test_regex_cost();
	test_vec();
	test_strmap();
	test_open_item();
	return failed;
}
