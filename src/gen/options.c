/* options.c — the command line: bindgen's options with bindgen's meaning,
 * plus h2rs's own. Everything after "--" goes to libclang. */
#include "h2rs.h"

#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char usage_text[] =
	"usage: h2rs [OPTIONS] HEADER [-- CLANG_ARGS...]\n"
	"       h2rs doctor [--kernel DIR] [--config FILE] [--arch ARCH] [--json] [VAR=VALUE...]\n"
	"\n"
	"Writes Rust FFI bindings for a C header, shaped like rust-bindgen's output.\n"
	"\n"
	"Output:\n"
	"  -o, --output FILE              write to FILE (atomically) instead of stdout\n"
	"  --depfile FILE                 write a make depfile listing every header read\n"
	"  --raw-line TEXT                add TEXT as a line at the top of the output\n"
	"  --disable-header-comment       no \"automatically generated\" comment\n"
	"  --no-doc-comments              do not carry doc comments over\n"
	"  --no-layout-tests              no compile-time size/align/offset assertions\n"
	"  --use-core                     use ::core instead of ::std\n"
	"  --ctypes-prefix PREFIX         prefix for c_int etc. (default ::std::os::raw,\n"
	"                                 ::core::ffi with --use-core)\n"
	"  --rust-target VERSION          Rust version to write for: 1.N, 1.N.P or nightly\n"
	"                                 (default 1.82; unsafe extern blocks from 1.82)\n"
	"  --rust-edition EDITION         2018, 2021 or 2024 (default: the newest the target has)\n"
	"  --no-size_t-is-usize           keep size_t as its C typedef chain\n"
	"  --no-convert-floats            float/double as c_float/c_double, not f32/f64\n"
	"  --use-array-pointers-in-arguments\n"
	"                                 array parameters as *mut [T; N], not *mut T\n"
	"  --translate-enum-integer-types enum integer types as u32/i32…, not c_uint/c_int\n"
	"  --fit-macro-constant-types     macro constants in the smallest type (bindgen rules)\n"
	"  --anon-fields-prefix PREFIX    anonymous members PREFIX1, PREFIX2… (__bindgen_anon_)\n"
	"  --disable-nested-struct-naming nested named structs keep their own name\n"
	"  --explicit-padding             every gap in a struct as a __bindgen_padding_N field\n"
	"  --merge-extern-blocks          one extern block per ABI, after the other items\n"
	"  --sort-semantically            items ordered by kind (types, structs, consts, ...)\n"
	"  --prefix-link-name PREFIX      functions link to PREFIX + name\n"
	"  --override-abi REGEX=ABI       extern \"ABI\" for matching functions and fn typedefs\n"
	"  --wasm-import-module-name NAME #[link(wasm_import_module)] on function blocks\n"
	"  --must-use-type REGEX          #[must_use] on matching records and enums\n"
	"  --dynamic-loading NAME         functions and statics in a struct NAME that loads\n"
	"                                 them with libloading at run time, not extern blocks\n"
	"  --dynamic-link-require-all     with --dynamic-loading: every symbol must load\n"
	"  --wrap-unsafe-ops              unsafe calls in --dynamic-loading's methods in\n"
	"                                 unsafe {} blocks (helper types always have them)\n"
	"  --c-naming                     records and enums named struct_T, union_T, enum_T\n"
	"  --flexarray-dst                a struct ending in a flexible array member is generic\n"
	"                                 over it: T<FAM: ?Sized = [E; 0]>, usable as T<[E]>\n"
	"\n"
	"Unions whose members are not all Copy:\n"
	"  --default-non-copy-union-style bindgen_wrapper|manually_drop\n"
	"                                 a struct of __BindgenUnionField (default), or a Rust\n"
	"                                 union of ManuallyDrop members\n"
	"  --bindgen-wrapper-union REGEX  the wrapper for matching unions (wins)\n"
	"  --manually-drop-union REGEX    ManuallyDrop for matching unions\n"
	"  --disable-untagged-union       every union as the __BindgenUnionField struct\n"
	"\n"
	"Selecting items (REGEX is a POSIX extended regex matching the whole name):\n"
	"  --allowlist-type REGEX         emit only matching types (and what they need)\n"
	"  --allowlist-function REGEX     emit only matching functions\n"
	"  --allowlist-var REGEX          emit only matching variables and constants\n"
	"  --allowlist-item REGEX         emit only matching items of any kind\n"
	"  --allowlist-file REGEX         emit only items declared in matching files\n"
	"  --no-recursive-allowlist       do not pull in types that allowlisted items use\n"
	"  --blocklist-type REGEX         never emit matching types (you provide them)\n"
	"  --blocklist-function REGEX     never emit matching functions\n"
	"  --blocklist-var REGEX          never emit matching variables\n"
	"  --blocklist-item REGEX         never emit matching items of any kind\n"
	"  --blocklist-file REGEX         never emit items declared in matching files\n"
	"  --opaque-type REGEX            emit matching records as opaque blobs\n"
	"  --generate KINDS               only functions,types,vars (comma list)\n"
	"  --ignore-functions             no functions\n"
	"  --generate-inline-functions    declare inline functions that are not static\n"
	"\n"
	"Enums:\n"
	"  --default-enum-style STYLE     consts|moduleconsts|newtype|newtype_global|bitfield|\n"
	"                                 rust|rust_non_exhaustive (default consts)\n"
	"  --constified-enum REGEX        consts style for matching enums\n"
	"  --constified-enum-module REGEX moduleconsts style\n"
	"  --newtype-enum REGEX           newtype style\n"
	"  --newtype-global-enum REGEX    newtype style with module-level consts\n"
	"  --bitfield-enum REGEX          newtype with BitOr/BitAnd\n"
	"  --rustified-enum REGEX         Rust enum (UB if C passes an unlisted value)\n"
	"  --rustified-non-exhaustive-enum REGEX\n"
	"  --no-prepend-enum-name         consts are not prefixed with the enum name\n"
	"\n"
	"Macros:\n"
	"  --macro-constants MODE         full (default): every object-like macro that is a\n"
	"                                 C constant expression, with its C type; bindgen\n"
	"                                 (default when invoked as bindgen): literals and\n"
	"                                 arithmetic only, typed u32/i32/u64/i64 by value\n"
	"  --generate-cstr                string macros as &CStr instead of &[u8; N]\n"
	"  --default-macro-constant-type signed|unsigned\n"
	"                                 bindgen rules' integer type (default unsigned)\n"
	"  --clang-macro-fallback         bindgen rules: also the integer macros clang\n"
	"                                 evaluates in an expression statement after the\n"
	"                                 header (sizeof, casts, enumerators, builtins)\n"
	"  --clang-macro-fallback-build-dir DIR\n"
	"                                 accepted: h2rs writes no files for the fallback\n"
	"\n"
	"Wrappers (C functions for code that has no symbol):\n"
	"  --wrap-static-fns              wrap static inline functions; Rust calls the\n"
	"                                 wrapper through #[link_name]\n"
	"  --wrap-static-fns-path FILE    the C file of wrappers (default\n"
	"                                 $TMPDIR/bindgen/extern.c; .c is added if missing)\n"
	"  --wrap-static-fns-suffix S     wrapper name suffix (default __extern)\n"
	"  --wrap-macro 'PROTOTYPE'       wrap a function-like (or expression) macro, typed\n"
	"                                 by a C prototype: 'struct page *alloc_pages(gfp_t\n"
	"                                 gfp, unsigned int order);' (repeatable)\n"
	"  --wrap-macros-file FILE        one such prototype per line, # comments\n"
	"  --wrap-export MACRO            add MACRO(wrapper); after each wrapper\n"
	"  --wrap-list FILE               what to wrap, one per line: the name of a static\n"
	"                                 inline function (only those listed are wrapped),\n"
	"                                 or a macro's prototype as --wrap-macro takes it\n"
	"  --wrap-static-fns-prefix P     wrapper name prefix, e.g. rust_helper_ (the\n"
	"                                 suffix then defaults to none)\n"
	"  --wrap-attribute TEXT          TEXT before each wrapper, e.g. __rust_helper\n"
	"                                 (e.g. EXPORT_SYMBOL_GPL)\n"
	"\n"
	"Derives and attributes:\n"
	"  --no-derive-copy, --no-derive-debug\n"
	"  --with-derive-default, --with-derive-hash, --with-derive-partialeq, --with-derive-eq\n"
	"  --with-derive-partialord, --with-derive-ord (each implies the traits it needs)\n"
	"  --no-copy REGEX, --no-debug REGEX, --no-default REGEX, --no-hash REGEX,\n"
	"  --no-partialeq REGEX           per-type opt-outs\n"
	"  --with-derive-custom{,-struct,-union,-enum} REGEX=DERIVES\n"
	"  --with-attribute-custom{,-struct,-union,-enum} REGEX=ATTRIBUTE\n"
	"  --impl-debug                   impl Debug by hand where it cannot be derived\n"
	"  --impl-partialeq               impl PartialEq by hand where bindgen's analysis allows\n"
	"                                 it (with --with-derive-partialeq)\n"
	"  --enable-function-attribute-detection\n"
	"                                 warn_unused_result becomes #[must_use]\n"
	"\n"
	"h2rs only:\n"
	"  --explain NAME                 say what h2rs did with NAME and why, on stderr\n"
	"  --check-layout-with CC         compile libclang's layout of every emitted record\n"
	"                                 as static assertions with CC and the same flags;\n"
	"                                 fail, naming each mismatch (mixed GCC+LLVM builds);\n"
	"                                 also from the environment: H2RS_CHECK_LAYOUT_WITH=CC\n"
	"  --layout-probe PREFIX          also write PREFIX.c and PREFIX.rs, programs that\n"
	"                                 print every record's layout as gcc and rustc see it\n"
	"  --verbose                      list skipped items and dropped clang arguments\n"
	"  --stats                        a table at the end: items emitted by kind, opaque\n"
	"                                 records and skipped declarations by reason, macros\n"
	"  --time-phases                  print the time and memory of each phase\n"
	"  -V, --version                  print the version (as \"bindgen X.Y.Z\" when\n"
	"                                 invoked under the name bindgen)\n"
	"  -h, --help                     this text\n"
	"\n"
	"Accepted, no effect on C: bindgen's C++/Objective-C options, --experimental,\n"
	"--emit-diagnostics, --no-include-path-detection.\n"
	"bindgen options h2rs does not implement are errors naming them (see README).\n"
	"C++ and Objective-C input are not supported.\n"
	"\n"
	"After --: arguments for the C compiler (a clang or GCC command line; GCC-only\n"
	"options libclang does not know are dropped, -Wp,-MMD,FILE writes a depfile).\n";

static void add_regex(struct regex_list *l, const char *opt, const char *pat)
{
	if (regex_cost(pat) > REGEX_COST_LIMIT)
		error("%s: invalid regular expression '%s': too large (its repetitions expand "
		      "past %d states)", opt, pat, REGEX_COST_LIMIT);
	char *anch = xstrfmt("^(%s)$", pat);
	l->re = realloc(l->re, (l->n + 1) * sizeof *l->re);
	l->text = realloc(l->text, (l->n + 1) * sizeof *l->text);
	if (!l->re || !l->text)
		error("out of memory");
	int rc = regcomp(&l->re[l->n], anch, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char msg[256];
		regerror(rc, &l->re[l->n], msg, sizeof msg);
		error("%s: invalid regular expression '%s': %s", opt, pat, msg);
	}
	free(anch);
	l->text[l->n++] = pat;
}

bool regex_list_match(const struct regex_list *l, const char *name)
{
	for (int i = 0; i < l->n; i++)
		if (regexec(&l->re[i], name, 0, NULL, 0) == 0)
			return true;
	return false;
}

bool has_allowlist(const struct options *o)
{
	return o->allow_type.n || o->allow_function.n || o->allow_var.n || o->allow_item.n ||
	       o->allow_file.n;
}

static bool parse_enum_style(const char *s, enum enum_style *out)
{
	static const struct {
		const char *name;
		enum enum_style style;
	} styles[] = {
		{"consts", ENUM_CONSTS},       {"moduleconsts", ENUM_MODULE_CONSTS},
		{"newtype", ENUM_NEWTYPE},     {"newtype_global", ENUM_NEWTYPE_GLOBAL},
		{"bitfield", ENUM_BITFIELD},   {"rust", ENUM_RUST},
		{"rust_non_exhaustive", ENUM_RUST_NONEXHAUST},
	};
	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
		if (!strcmp(s, styles[i].name)) {
			*out = styles[i].style;
			return true;
		}
	return false;
}

static void add_custom(struct options *o, const char *opt, const char *val, int applies,
		       bool is_derive)
{
	const char *eq = strchr(val, '=');
	if (!eq)
		error("%s: expected REGEX=%s, got '%s'", opt, is_derive ? "DERIVES" : "ATTRIBUTE",
		      val);
	struct custom_attr *ca = xcalloc(1, sizeof *ca);
	char *pat = xstrfmt("^(%.*s)$", (int)(eq - val), val);
	if (regex_cost(pat) > REGEX_COST_LIMIT)
		error("%s: invalid regular expression in '%s': too large (its repetitions expand "
		      "past %d states)", opt, val, REGEX_COST_LIMIT);
	int rc = regcomp(&ca->re, pat, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char msg[256];
		regerror(rc, &ca->re, msg, sizeof msg);
		error("%s: invalid regular expression in '%s': %s", opt, val, msg);
	}
	free(pat);
	ca->text = eq + 1;
	ca->applies = applies;
	ca->is_derive = is_derive;
	vec_push(&o->customs, ca);
}

static void print_version(const struct options *o)
{
	if (o->bindgen_name) {
		printf("bindgen %s\n", BINDGEN_COMPAT_VERSION);
	} else {
		CXString v = clang_getClangVersion();
		printf("h2rs %s (bindgen %s compatible; %s)\n", H2RS_VERSION,
		       BINDGEN_COMPAT_VERSION, clang_getCString(v));
		clang_disposeString(v);
	}
	exit(0);
}

/* Options that take a regex and add it to a list. */
struct list_opt {
	const char *name;
	size_t off;
};
#define L(n, f) {n, offsetof(struct options, f)}
static const struct list_opt list_opts[] = {
	L("--allowlist-type", allow_type),       L("--allowlist-function", allow_function),
	L("--allowlist-var", allow_var),         L("--allowlist-item", allow_item),
	L("--allowlist-file", allow_file),       L("--blocklist-type", block_type),
	L("--blocklist-function", block_function), L("--blocklist-var", block_var),
	L("--blocklist-item", block_item),       L("--blocklist-file", block_file),
	L("--opaque-type", opaque_type),         L("--no-copy", no_copy),
	L("--no-debug", no_debug),               L("--no-default", no_default),
	L("--no-hash", no_hash),                 L("--no-partialeq", no_partialeq),
	L("--rustified-enum", enum_rust),        L("--rustified-non-exhaustive-enum", enum_rust_nonexhaust),
	L("--newtype-enum", enum_newtype),       L("--newtype-global-enum", enum_newtype_global),
	L("--bitfield-enum", enum_bitfield),     L("--constified-enum", enum_consts),
	L("--constified-enum-module", enum_module),
	L("--must-use-type", must_use_type),
	L("--normal-alias", alias_normal),       L("--new-type-alias", alias_newtype),
	L("--new-type-alias-deref", alias_newtype_deref),
	L("--manually-drop-union", manually_drop_union),
	L("--bindgen-wrapper-union", bindgen_wrapper_union),
};
#undef L

/* Flags without a value: name → bool field and the value to store. */
struct flag_opt {
	const char *name;
	size_t off;
	bool value;
};
#define F(n, f, v) {n, offsetof(struct options, f), v}
static const struct flag_opt flag_opts[] = {
	F("--use-core", use_core, true),
	F("--no-layout-tests", layout_tests, false),
	F("--no-doc-comments", doc_comments, false),
	F("--no-prepend-enum-name", prepend_enum_name, false),
	F("--disable-header-comment", header_comment, false),
	F("--no-derive-copy", derive_copy, false),
	F("--no-derive-debug", derive_debug, false),
	F("--no-derive-default", derive_default, false),
	F("--with-derive-default", derive_default, true),
	F("--with-derive-hash", derive_hash, true),
	F("--with-derive-partialeq", derive_partialeq, true),
	F("--with-derive-eq", derive_eq, true),
	F("--with-derive-partialord", derive_partialord, true),
	F("--with-derive-ord", derive_ord, true),
	F("--enable-function-attribute-detection", fn_attr_detection, true),
	F("--verbose", verbose, true),
	F("--stats", stats, true),
	F("--time-phases", time_phases, true),
	F("--no-size_t-is-usize", size_t_is_usize, false),
	F("--size_t-is-usize", size_t_is_usize, true),
	F("--no-recursive-allowlist", recursive_allowlist, false),
	F("--generate-cstr", generate_cstr, true),
	F("--wrap-static-fns", wrap_static_fns, true),
	F("--disable-nested-struct-naming", no_nested_naming, true),
	F("--no-convert-floats", no_convert_floats, true),
	F("--fit-macro-constant-types", fit_macro_types, true),
	F("--use-array-pointers-in-arguments", array_pointers, true),
	F("--translate-enum-integer-types", translate_enum_ints, true),
	F("--explicit-padding", explicit_padding, true),
	F("--experimental", experimental, true),
	F("--generate-inline-functions", generate_inline_functions, true),
	F("--merge-extern-blocks", merge_extern_blocks, true),
	F("--sort-semantically", sort_semantically, true),
	F("--impl-debug", impl_debug, true),
	F("--impl-partialeq", impl_partialeq, true),
	F("--flexarray-dst", flexarray_dst, true),
	F("--c-naming", c_naming, true),
	F("--disable-untagged-union", untagged_union, false),
	F("--dynamic-link-require-all", dynamic_require_all, true),
	F("--wrap-unsafe-ops", wrap_unsafe_ops, true),
	F("--clang-macro-fallback", clang_macro_fallback, true),
};
#undef F


/* Flags that change nothing in C bindings (bindgen's meaning is for C++,
 * Objective-C, or bindgen's own diagnostics), or whose behaviour h2rs
 * always has. README's option table says which is which. */
static const char *const accepted_flags[] = {
	"--no-rustfmt-bindings",      /* no formatter is ever run */
	"--no-include-path-detection", /* libclang's own search path is all h2rs uses */
	"--no-record-matches",        /* only for bindgen's unused-regex report */
	"--ignore-methods",           /* C++: methods */
	"--enable-cxx-namespaces", "--disable-name-namespacing",
	"--conservative-inline-namespaces", "--respect-cxx-access-specs",
	"--distrust-clang-mangling", "--use-specific-virtual-function-receiver",
	"--use-distinct-char16-t", "--represent-cxx-operators", "--vtable-generation",
	"--generate-deleted-functions", "--generate-pure-virtual-functions",
	"--generate-private-functions", /* C++ only */
	"--objc-extern-crate", "--block-extern-crate", /* Objective-C, blocks */
};

/* bindgen options h2rs does not implement: an error naming the option,
 * never a silent difference. */
static const struct {
	const char *name;
	const char *why;
} unsupported_opts[] = {
	{"--generate-block", "block pointers stay *mut c_void"},
	{"--builtins", "builtin definitions are not emitted"},
	{"--emit-clang-ast", "no AST dump"},
	{"--emit-ir", "no IR dump"},
	{"--emit-ir-graphviz", "no IR dump"},
	{"--dump-preprocessed-input", "no preprocessed dump"},
	{"--module-raw-line", "h2rs writes no modules"},
	{"--rustfmt-configuration-file", "h2rs runs no formatter"},
	{"--generate-shell-completions", "no shell completions"},
};

/* Split "--opt=value"; returns the value or NULL. */
static const char *split_eq(const char *arg, char *name, size_t namesz)
{
	const char *eq = strchr(arg, '=');
	if (!eq || strncmp(arg, "--", 2) || (size_t)(eq - arg) >= namesz) {
		snprintf(name, namesz, "%s", arg);
		return NULL;
	}
	snprintf(name, namesz, "%.*s", (int)(eq - arg), arg);
	return eq + 1;
}

/* One C prototype per line; blank lines and # comments are skipped. With
 * names (--wrap-list), a line without '(' is the name of a static inline
 * function to wrap. */
static void read_wrap_file(struct options *o, const char *opt, const char *path, bool names)
{
	FILE *f = fopen(path, "r");
	if (!f)
		error("%s: cannot read '%s': %s", opt, path, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
			line[--n] = 0;
		const char *s = line + strspn(line, " \t");
		if (!*s || *s == '#')
			continue;
		if (names && !strchr(s, '(')) {
			if (s[strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")])
				error("%s: %s: '%s' is neither a function name nor a prototype", opt,
				      path, s);
			if (!strmap_get(&o->wrap_only, s)) {
				char *k = xstrdup(s);
				strmap_put(&o->wrap_only, k, k);
				vec_push(&o->wrap_only_names, k);
				o->n_wrap_only++;
			}
			continue;
		}
		vec_push(&o->wrap_macros, xstrdup(s));
	}
	free(line);
	fclose(f);
}

static void take_clang_args(struct options *o, int i, int argc, char **argv)
{
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (!strncmp(a, "-Wp,-MMD,", 9) || !strncmp(a, "-Wp,-MD,", 8)) {
			o->mmd_depfile = strchr(a + 4, ',') + 1;
			continue;
		}
		if (!strcmp(a, "-MD") || !strcmp(a, "-MMD") || !strcmp(a, "-MP"))
			continue;
		if ((!strcmp(a, "-MF") || !strcmp(a, "-MT") || !strcmp(a, "-MQ")) && i + 1 < argc) {
			if (!strcmp(a, "-MF"))
				o->mmd_depfile = argv[i + 1];
			else if (!o->mmd_target) { /* the rule's target, as the compiler's */
				o->mmd_target = argv[i + 1];
				o->mmd_target_quoted = !strcmp(a, "-MQ");
			}
			i++;
			continue;
		}
		vec_push(&o->clang_args, argv[i]);
		vec_push(&o->cc_args, argv[i]);
	}
}

/* Rust's u64::from_str: an optional '+', then decimal digits, no overflow. */
static bool parse_u64(const char *s, size_t n, unsigned long long *out)
{
	if (n && *s == '+')
		s++, n--;
	if (!n)
		return false;
	unsigned long long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]) || v > (ULLONG_MAX - (s[i] - '0')) / 10)
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return true;
}

/* A --rust-target error in the words bindgen's command line (clap around
 * RustTarget::from_str, features.rs) uses: Meson's probe looks for "is not
 * a valid Rust target" to drop a target bindgen does not know. */
static _Noreturn void bad_rust_target(const char *v, const char *why)
{
	error("invalid value '%s' for '--rust-target <RUST_TARGET>': \"%s\" is not a valid Rust "
	      "target, %s", v, v, why);
}

/* bindgen's RustTarget::from_str (features.rs): "nightly", "1.N" or
 * "1.N.P", no earlier than EARLIEST_STABLE_RUST (1.33). Sets the minor
 * version (INT_MAX for nightly) and the patch. */
static void parse_rust_target(struct options *o, const char *v)
{
	o->rust_patch = 0;
	if (!strcmp(v, "nightly")) {
		o->rust_minor = INT_MAX;
		return;
	}
	const char *dot = strchr(v, '.');
	if (!dot)
		bad_rust_target(v, "accepted values are of the form \"1.71\", \"1.71.1\" or "
				   "\"nightly\".");
	if (dot - v != 1 || v[0] != '1')
		bad_rust_target(v, "The largest major version of Rust released is \"1\"");
	const char *tail = dot + 1, *dot2 = strchr(tail, '.');
	unsigned long long minor, patch = 0;
	if (!parse_u64(tail, dot2 ? (size_t)(dot2 - tail) : strlen(tail), &minor))
		bad_rust_target(v, "the minor version number must be an unsigned 64-bit integer");
	if (dot2 && !parse_u64(dot2 + 1, strlen(dot2 + 1), &patch))
		bad_rust_target(v, "the patch version number must be an unsigned 64-bit integer");
	if (minor < 33)
		bad_rust_target(v, "the earliest Rust version supported by bindgen is 1.33.0");
	/* any newer minor enables every feature h2rs knows */
	o->rust_minor = minor > 100000 ? 100000 : (int)minor;
	o->rust_patch = patch > 100000 ? 100000 : (int)patch;
}

/* bindgen's RustEdition (features.rs): 2018 (Rust 1.31), 2021 (1.56),
 * 2024 (1.85). */
static const int editions[][2] = {{2018, 31}, {2021, 56}, {2024, 85}};

static int parse_rust_edition(const char *v)
{
	for (size_t i = 0; i < sizeof editions / sizeof editions[0]; i++)
		if (atoi(v) == editions[i][0] && strlen(v) == 4)
			return editions[i][0];
	error("invalid value '%s' for '--rust-edition <EDITION>': \"%s\" is not a valid Rust "
	      "edition", v, v);
}

/* The edition bindgen defaults to, RustTarget::latest_edition: the newest
 * the target has; an edition given must be available to it (bindgen's
 * Builder::generate fails with UnsupportedEdition otherwise). */
static void settle_edition(struct options *o)
{
	int newest = 0, need = 0;
	for (size_t i = 0; i < sizeof editions / sizeof editions[0]; i++) {
		if (editions[i][1] <= o->rust_minor)
			newest = editions[i][0];
		if (editions[i][0] == o->rust_edition)
			need = editions[i][1];
	}
	if (!o->rust_edition)
		o->rust_edition = newest;
	else if (need > o->rust_minor)
		error("Unable to generate bindings: edition %d is not available on Rust 1.%d.%d "
		      "(it needs 1.%d)", o->rust_edition, o->rust_minor, o->rust_patch, need);
}

bool rust_has(const struct options *o, int minor)
{
	return o->rust_minor >= minor;
}

/* bindgen's parse_codegen_config (options/cli.rs): a comma list of item
 * kinds. methods, constructors and destructors exist only in C++. */
static unsigned parse_generate(const char *v)
{
	static const struct {
		const char *name;
		unsigned bits;
	} kinds[] = {
		{"functions", GEN_FUNCTIONS}, {"types", GEN_TYPES}, {"vars", GEN_VARS},
		{"methods", 0}, {"constructors", 0}, {"destructors", 0},
	};
	unsigned bits = 0;
	const char *p = v;
	for (;;) {
		size_t n = strcspn(p, ",");
		size_t k = 0;
		while (k < sizeof kinds / sizeof kinds[0] &&
		       (strlen(kinds[k].name) != n || strncmp(p, kinds[k].name, n)))
			k++;
		if (k == sizeof kinds / sizeof kinds[0])
			error("invalid value '%s' for '--generate <GENERATE>': Unknown codegen item "
			      "kind: %.*s", v, (int)n, p);
		bits |= kinds[k].bits;
		if (!p[n])
			return bits;
		p += n + 1;
	}
}

/* bindgen's Abi::from_str (ir/function.rs) and the Rust versions
 * RustFeatures gives each (features.rs; vectorcall: nightly only). */
static const struct {
	const char *name;
	int minor; /* the Rust 1.N it needs; 0: any */
} abis[] = {
	{"C", 0}, {"stdcall", 0}, {"efiapi", 68}, {"fastcall", 0}, {"thiscall", 73},
	{"vectorcall", INT_MAX}, {"aapcs", 0}, {"win64", 0}, {"C-unwind", 71}, {"system", 0},
};

/* --override-abi REGEX=ABI; bindgen splits at the last '='. */
static void add_abi_override(struct options *o, const char *val)
{
	const char *eq = strrchr(val, '=');
	if (!eq)
		error("invalid value '%s' for '--override-abi <OVERRIDE>': Missing `=`", val);
	size_t k = 0;
	while (k < sizeof abis / sizeof abis[0] && strcmp(abis[k].name, eq + 1))
		k++;
	if (k == sizeof abis / sizeof abis[0])
		error("invalid value '%s' for '--override-abi <OVERRIDE>': Invalid or unknown ABI "
		      "\"%s\"", val, eq + 1);
	struct abi_override *ao = xcalloc(1, sizeof *ao);
	char *pat = xstrfmt("^(%.*s)$", (int)(eq - val), val);
	if (regex_cost(pat) > REGEX_COST_LIMIT)
		error("--override-abi: invalid regular expression in '%s': too large (its "
		      "repetitions expand past %d states)", val, REGEX_COST_LIMIT);
	int rc = regcomp(&ao->re, pat, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char msg[256];
		regerror(rc, &ao->re, msg, sizeof msg);
		error("--override-abi: invalid regular expression in '%s': %s", val, msg);
	}
	free(pat);
	ao->abi = abis[k].name;
	vec_push(&o->abi_overrides, ao);
}

const char *abi_override_for(const struct options *o, const char *name)
{
	for (int i = 0; i < o->abi_overrides.n; i++) {
		const struct abi_override *ao = o->abi_overrides.v[i];
		if (regexec(&ao->re, name, 0, NULL, 0) == 0)
			return ao->abi;
	}
	return NULL;
}

/* The Rust 1.N an --override-abi ABI needs (INT_MAX: nightly). */
int abi_min_rust(const char *abi)
{
	for (size_t k = 0; k < sizeof abis / sizeof abis[0]; k++)
		if (!strcmp(abis[k].name, abi))
			return abis[k].minor;
	return 0;
}

static bool ends_with_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && !strcasecmp(s + n - m, suffix);
}

/* What makes clang read the input as C++ or Objective-C: bindgen's
 * file_is_cpp and args_are_cpp (lib.rs), the extensions clang itself
 * takes as C++/Objective-C, and -std=c++NN / gnu++NN. NULL for C. */
static const char *non_c_reason(const struct options *o)
{
	static const char *const exts[] = {".hpp", ".hxx", ".hh", ".h++", ".cpp", ".cxx",
					   ".cc", ".c++", ".C", ".H", ".ii", ".m", ".mm"};
	for (size_t k = 0; k < sizeof exts / sizeof exts[0]; k++) {
		size_t n = strlen(o->header), m = strlen(exts[k]);
		bool hit = isupper((unsigned char)exts[k][1])
				   ? n > m && !strcmp(o->header + n - m, exts[k])
				   : ends_with_ci(o->header, exts[k]);
		if (hit)
			return xstrfmt("the input '%s' is a C++ or Objective-C file", o->header);
	}
	const char *const *a = (const char *const *)o->clang_args.v;
	for (int i = 0; i < o->clang_args.n; i++) {
		const char *lang = NULL;
		if (!strncmp(a[i], "-x", 2) && a[i][2])
			lang = a[i] + 2;
		else if (!strcmp(a[i], "-x") && i + 1 < o->clang_args.n)
			lang = a[i + 1];
		else if (!strncmp(a[i], "--language=", 11))
			lang = a[i] + 11;
		if (lang && (strstr(lang, "c++") || strstr(lang, "objective")))
			return xstrfmt("'-x %s' was given after --", lang);
		if ((!strncmp(a[i], "-std=", 5) || !strncmp(a[i], "--std=", 6)) && strstr(a[i], "++"))
			return xstrfmt("'%s' was given after --", a[i]);
		if (!strcmp(a[i], "-include") && i + 1 < o->clang_args.n &&
		    (ends_with_ci(a[i + 1], ".hpp") || ends_with_ci(a[i + 1], ".hxx") ||
		     ends_with_ci(a[i + 1], ".hh") || ends_with_ci(a[i + 1], ".h++")))
			return xstrfmt("'-include %s' is a C++ header", a[i + 1]);
	}
	return NULL;
}

/* h2rs reads C only: C++ or Objective-C input fails at once, rather than
 * as a pile of parse errors or an empty file. */
static void reject_non_c(const struct options *o)
{
	const char *why = non_c_reason(o);
	if (why)
		error("C++ and Objective-C input are not supported (%s); h2rs generates bindings "
		      "for C headers only", why);
}

/* --dynamic-loading NAME: the struct's name, an identifier (bindgen's
 * rust_ident panics on anything else); a keyword gets bindgen's '_'. */
static const char *rust_lib_name(const char *v)
{
	bool ok = *v && !isdigit((unsigned char)*v);
	for (const char *p = v; *p; p++)
		ok = ok && (isalnum((unsigned char)*p) || *p == '_');
	if (!ok)
		error("--dynamic-loading: '%s' is not a Rust identifier (it names the library "
		      "struct)", v);
	return rust_ident(v);
}

/* bindgen's options that take one value: clap rejects a second use */
static const char *const once_opts[] = {
	"--output", "--depfile", "--ctypes-prefix", "--rust-target", "--rust-edition",
	"--default-enum-style", "--default-macro-constant-type", "--default-alias-style",
	"--default-non-copy-union-style", "--default-visibility", "--formatter",
	"--wrap-static-fns-path", "--wrap-static-fns-suffix", "--anon-fields-prefix",
	"--generate", "--prefix-link-name", "--wasm-import-module-name",
	"--clang-macro-fallback-build-dir", "--dynamic-loading",
};

void parse_options(struct options *o, int argc, char **argv)
{
	char *a0 = xstrdup(argv[0]);
	o->bindgen_name = !strcmp(basename(a0), "bindgen");
	free(a0);
	o->layout_tests = o->doc_comments = o->prepend_enum_name = o->header_comment = true;
	o->derive_copy = o->derive_debug = o->size_t_is_usize = o->recursive_allowlist = true;
	o->untagged_union = true;
	o->default_enum_style = ENUM_CONSTS;
	/* the CLI's default target: LATEST_STABLE_RUST (features.rs) */
	o->rust_minor = 82;
	bool macros_set = false, ignore_functions = false, emit_diagnostics = false;
	bool no_rustfmt = false;
	struct strmap seen = {0}; /* the once_opts given */
	o->generate = GEN_ALL;

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		char name[64];
		if (!strcmp(arg, "--")) {
			take_clang_args(o, i + 1, argc, argv);
			break;
		}
		if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
			fputs(usage_text, stdout);
			exit(0);
		}
		if (!strcmp(arg, "-V") || !strcmp(arg, "--version"))
			print_version(o);
		if (arg[0] != '-' || !arg[1]) {
			if (o->header)
				error("more than one input header: '%s' and '%s'", o->header, arg);
			o->header = arg;
			continue;
		}
		const char *val = split_eq(arg, name, sizeof name);
		bool found = false;
		for (size_t k = 0; k < sizeof flag_opts / sizeof flag_opts[0]; k++)
			if (!strcmp(name, flag_opts[k].name) && !val) {
				*(bool *)((char *)o + flag_opts[k].off) = flag_opts[k].value;
				found = true;
			}
		for (size_t k = 0; k < sizeof accepted_flags / sizeof accepted_flags[0]; k++)
			found |= !val && !strcmp(name, accepted_flags[k]);
		for (size_t k = 0; k < sizeof unsupported_opts / sizeof unsupported_opts[0]; k++)
			if (!strcmp(name, unsupported_opts[k].name))
				error("%s is not supported by h2rs yet (%s)", name, unsupported_opts[k].why);
		if (!val && !strcmp(name, "--ignore-functions")) {
			ignore_functions = true;
			found = true;
		}
		no_rustfmt |= !val && !strcmp(name, "--no-rustfmt-bindings");
		if (!val && !strcmp(name, "--emit-diagnostics")) {
			emit_diagnostics = true; /* bindgen's regex reports: nothing to do for h2rs */
			found = true;
		}
		if (found)
			continue;
		/* every remaining option takes a value */
		bool takes_value = !strcmp(name, "-o");
		for (size_t k = 0; k < sizeof list_opts / sizeof list_opts[0]; k++)
			takes_value |= !strcmp(name, list_opts[k].name);
		static const char *const value_opts[] = {
			"--output", "--depfile", "--ctypes-prefix", "--rust-target", "--raw-line",
			"--default-enum-style", "--layout-probe", "--explain",
			"--with-derive-custom", "--with-derive-custom-struct",
			"--with-derive-custom-union", "--with-derive-custom-enum",
			"--with-attribute-custom", "--with-attribute-custom-struct",
			"--with-attribute-custom-union", "--with-attribute-custom-enum",
			"--rust-edition", "--default-macro-constant-type", "--formatter",
			"--check-layout-with", "--macro-constants",
			"--wrap-static-fns-path", "--wrap-static-fns-suffix", "--wrap-macro",
			"--wrap-macros-file", "--wrap-export", "--anon-fields-prefix",
			"--wrap-list", "--wrap-static-fns-prefix", "--wrap-attribute",
			"--generate", "--prefix-link-name", "--wasm-import-module-name",
			"--override-abi", "--default-alias-style",
			"--default-non-copy-union-style",
			"--clang-macro-fallback-build-dir", "--default-visibility",
			"--dynamic-loading",
		};
		for (size_t k = 0; k < sizeof value_opts / sizeof value_opts[0]; k++)
			takes_value |= !strcmp(name, value_opts[k]);
		if (!takes_value)
			error("unknown option '%s' (see h2rs --help)", arg);
		if (!val) {
			if (i + 1 >= argc)
				error("option '%s' needs a value", name);
			val = argv[++i];
		}
		found = false;
		for (size_t k = 0; k < sizeof list_opts / sizeof list_opts[0]; k++)
			if (!strcmp(name, list_opts[k].name)) {
				add_regex((struct regex_list *)((char *)o + list_opts[k].off), name, val);
				found = true;
			}
		if (found)
			continue;
		const char *key = !strcmp(name, "-o") ? "--output" : name;
		for (size_t k = 0; k < sizeof once_opts / sizeof once_opts[0]; k++)
			if (!strcmp(key, once_opts[k])) {
				if (strmap_get(&seen, once_opts[k]))
					error("the argument '%s' cannot be used multiple times", key);
				strmap_put(&seen, once_opts[k], (void *)once_opts[k]);
			}
		if (!strcmp(name, "-o") || !strcmp(name, "--output"))
			o->output = val;
		else if (!strcmp(name, "--depfile"))
			o->depfile = val;
		else if (!strcmp(name, "--ctypes-prefix"))
			o->ctypes_prefix = val;
		else if (!strcmp(name, "--rust-target"))
			parse_rust_target(o, val);
		else if (!strcmp(name, "--rust-edition"))
			o->rust_edition = parse_rust_edition(val);
		else if (!strcmp(name, "--raw-line"))
			vec_push(&o->raw_lines, (void *)val);
		else if (!strcmp(name, "--layout-probe"))
			o->layout_probe = val;
		else if (!strcmp(name, "--explain"))
			o->explain = val;
		else if (!strcmp(name, "--check-layout-with"))
			o->check_cc = val;
		else if (!strcmp(name, "--wrap-static-fns-path"))
			o->wrap_path = val;
		else if (!strcmp(name, "--wrap-static-fns-suffix"))
			o->wrap_suffix = val;
		else if (!strcmp(name, "--wrap-macro"))
			vec_push(&o->wrap_macros, (void *)val);
		else if (!strcmp(name, "--wrap-macros-file"))
			read_wrap_file(o, "--wrap-macros-file", val, false);
		else if (!strcmp(name, "--wrap-list"))
			read_wrap_file(o, "--wrap-list", val, true);
		else if (!strcmp(name, "--wrap-static-fns-prefix"))
			o->wrap_prefix = val;
		else if (!strcmp(name, "--wrap-attribute"))
			o->wrap_attribute = val;
		else if (!strcmp(name, "--wrap-export"))
			vec_push(&o->wrap_exports, (void *)val);
		else if (!strcmp(name, "--anon-fields-prefix"))
			o->anon_prefix = val;
		else if (!strcmp(name, "--macro-constants")) {
			if (strcmp(val, "bindgen") && strcmp(val, "full"))
				error("--macro-constants: expected 'bindgen' or 'full', got '%s'", val);
			o->macros_full = !strcmp(val, "full");
			macros_set = true;
		}
		else if (!strcmp(name, "--default-enum-style")) {
			if (!parse_enum_style(val, &o->default_enum_style))
				error("--default-enum-style: unknown style '%s' (expected consts, "
				      "moduleconsts, newtype, newtype_global, bitfield, rust or "
				      "rust_non_exhaustive)", val);
		} else if (!strcmp(name, "--default-macro-constant-type")) {
			if (strcmp(val, "unsigned") && strcmp(val, "signed"))
				error("invalid value '%s' for '--default-macro-constant-type <TYPE>': "
				      "expected 'signed' or 'unsigned'", val);
			o->macro_signed = !strcmp(val, "signed");
		} else if (!strcmp(name, "--generate")) {
			o->generate = parse_generate(val);
		} else if (!strcmp(name, "--prefix-link-name")) {
			o->prefix_link_name = val;
		} else if (!strcmp(name, "--wasm-import-module-name")) {
			o->wasm_import_module = val;
		} else if (!strcmp(name, "--override-abi")) {
			add_abi_override(o, val);
		} else if (!strcmp(name, "--default-alias-style")) {
			if (strcmp(val, "type_alias") && strcmp(val, "new_type") &&
			    strcmp(val, "new_type_deref"))
				error("invalid value '%s' for '--default-alias-style <STYLE>': expected "
				      "type_alias, new_type or new_type_deref", val);
			o->default_alias_style = !strcmp(val, "new_type")	  ? ALIAS_NEWTYPE
						 : !strcmp(val, "new_type_deref") ? ALIAS_NEWTYPE_DEREF
										  : ALIAS_TYPE;
		} else if (!strcmp(name, "--default-non-copy-union-style")) {
			/* bindgen's NonCopyUnionStyle::from_str (codegen/mod.rs) */
			if (strcmp(val, "bindgen_wrapper") && strcmp(val, "manually_drop"))
				error("invalid value '%s' for '--default-non-copy-union-style <STYLE>': "
				      "expected bindgen_wrapper or manually_drop", val);
			o->union_manually_drop = !strcmp(val, "manually_drop");
		} else if (!strcmp(name, "--default-visibility")) {
			/* bindgen's FieldVisibilityKind: fields, bitfield units,
			 * padding and bitfield accessors */
			if (!strcmp(val, "public"))
				o->field_vis = "pub ";
			else if (!strcmp(val, "crate"))
				o->field_vis = "pub(crate) ";
			else if (!strcmp(val, "private"))
				o->field_vis = "";
			else
				error("invalid value '%s' for '--default-visibility <VISIBILITY>': "
				      "expected private, crate or public", val);
		} else if (!strcmp(name, "--clang-macro-fallback-build-dir")) {
			o->macro_fallback_dir = val;
		} else if (!strcmp(name, "--dynamic-loading")) {
			o->dynamic_library = rust_lib_name(val);
		} else if (!strcmp(name, "--formatter")) {
			if (strcmp(val, "none") && strcmp(val, "rustfmt") && strcmp(val, "prettyplease"))
				error("--formatter: unknown formatter '%s'", val);
			/* h2rs always writes rustfmt-shaped text itself */
		} else {
			bool derive = strstr(name, "derive") != NULL;
			int applies = strstr(name, "-struct") ? 1 : strstr(name, "-union") ? 2
				      : strstr(name, "-enum") ? 4 : 7;
			add_custom(o, name, val, applies, derive);
		}
	}
	/* bindgen's CLI (clap's conflicts_with) */
	if (no_rustfmt && strmap_get(&seen, "--formatter"))
		error("the argument '--formatter <FORMATTER>' cannot be used with "
		      "'--no-rustfmt-bindings'");
	/* bindgen's CLI: --emit-diagnostics requires --experimental (clap) */
	if (emit_diagnostics && !o->experimental)
		error("the following required arguments were not provided: --experimental "
		      "(--emit-diagnostics needs it)");
	/* bindgen applies --generate, then --ignore-functions */
	if (ignore_functions)
		o->generate &= ~(unsigned)GEN_FUNCTIONS;
	settle_edition(o);
	if (o->layout_tests && !rust_has(o, RUST_OFFSET_OF))
		warning("--rust-target 1.%d: bindgen writes layout tests before Rust 1.77 as #[test] "
			"functions; h2rs's use offset_of!, which needs 1.77 (or pass "
			"--no-layout-tests)", o->rust_minor);
	if (!o->wrap_suffix)
		o->wrap_suffix = o->wrap_prefix ? "" : "__extern";
	if (!o->wrap_prefix)
		o->wrap_prefix = "";
	if (o->n_wrap_only)
		o->wrap_static_fns = true; /* --wrap-list names the static functions to wrap */
	if (!o->anon_prefix)
		o->anon_prefix = "__bindgen_anon_";
	/* build systems that call us as bindgen cannot add options: Kbuild users
	 * say H2RS_CHECK_LAYOUT_WITH=gcc make ... instead */
	if (!o->check_cc && getenv("H2RS_CHECK_LAYOUT_WITH") && *getenv("H2RS_CHECK_LAYOUT_WITH"))
		o->check_cc = getenv("H2RS_CHECK_LAYOUT_WITH");
	if (!macros_set)
		o->macros_full = !o->bindgen_name; /* under the name bindgen, bindgen's rules */
	/* Ord needs Eq and PartialOrd, PartialOrd and Eq need PartialEq: the
	 * options imply what their traits need, so the output compiles */
	o->derive_partialord |= o->derive_ord;
	o->derive_eq |= o->derive_ord;
	o->derive_partialeq |= o->derive_partialord || o->derive_eq;
	/* H2RS_THREADS=1: everything on one thread (the output is the same) */
	o->one_thread = getenv("H2RS_THREADS") && !strcmp(getenv("H2RS_THREADS"), "1");
	if (!o->header)
		error("no input header given (usage: h2rs [OPTIONS] HEADER [-- CLANG_ARGS...])");
	reject_non_c(o);
}
