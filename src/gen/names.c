/* names.c — Rust naming: names that clash with Rust keywords or primitive
 * types get a trailing underscore, exactly as bindgen does. */
#include "h2rs.h"

#include <stdlib.h>
#include <string.h>

/* bindgen's list (rust_mangle): keywords, reserved words and primitives. */
static const char *const reserved[] = {
	"Self", "_", "abstract", "alignof", "as", "async", "await", "become", "bool", "box",
	"break", "char", "const", "continue", "crate", "do", "dyn", "else", "enum", "extern",
	"f32", "f64", "false", "final", "fn", "for", "i128", "i16", "i32", "i64", "i8",
	"if", "impl", "in", "isize", "let", "loop", "macro", "match", "mod", "move", "mut",
	"offsetof", "override", "priv", "proc", "pub", "pure", "ref", "return", "self",
	"sizeof", "static", "str", "struct", "super", "trait", "true", "try", "type", "typeof",
	"u128", "u16", "u32", "u64", "u8", "unsafe", "unsized", "use", "usize", "virtual",
	"where", "while", "yield",
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool is_rust_reserved(const char *name)
{
	return bsearch(&name, reserved, sizeof reserved / sizeof reserved[0], sizeof reserved[0],
		       cmp_str) != NULL;
}

const char *rust_ident(const char *name)
{
	if (is_rust_reserved(name))
		return xstrfmt("%s_", name);
	return name;
}
