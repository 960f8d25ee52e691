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

/* usage.txt: the --help text, embedded at build time (scripts/embed.sh) */
extern const char gen_usage[];

static void add_regex(struct regex_list *l, const char *opt, const char *given)
{
	const char *pat = regex_posix(given);
	if (regex_cost(pat) > REGEX_COST_LIMIT)
		error("%s: invalid regular expression '%s': too large (its repetitions expand "
		      "past %d states)", opt, given, REGEX_COST_LIMIT);
	char *anch = xstrfmt("^(%s)$", pat);
	l->re = realloc(l->re, (l->n + 1) * sizeof *l->re);
	l->text = realloc(l->text, (l->n + 1) * sizeof *l->text);
	if (!l->re || !l->text)
		error("out of memory");
	int rc = regcomp(&l->re[l->n], anch, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char msg[256];
		regerror(rc, &l->re[l->n], msg, sizeof msg);
		error("%s: invalid regular expression '%s': %s", opt, given, msg);
	}
	free(anch);
	l->text[l->n++] = given;
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
	char *given = xstrfmt("%.*s", (int)(eq - val), val);
	char *pat = xstrfmt("^(%s)$", regex_posix(given));
	free(given);
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
	char *given = xstrfmt("%.*s", (int)(eq - val), val);
	char *pat = xstrfmt("^(%s)$", regex_posix(given));
	free(given);
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

/* The command line, one table. Each option is a flag that sets a bool, a
 * regex added to a list, a string, a string pushed on a vector, a handler
 * for its value, a flag accepted with nothing to do, or one h2rs does not
 * implement (an error naming it, never a silent difference). */
enum opt_kind {
	OPT_FLAG,        /* no value: *(bool *)field = flag */
	OPT_REGEX,       /* a value: added to the struct regex_list at field */
	OPT_STRING,      /* a value: *(const char **)field = value (the last one wins) */
	OPT_PUSH,        /* a value: pushed on the struct vec at field */
	OPT_HANDLER,     /* a value: handler(state, name, value) */
	OPT_FLAG_HANDLER, /* no value: handler(state, name, NULL) */
	OPT_ACCEPTED,    /* no value, nothing to do in C bindings (see README) */
	OPT_UNSUPPORTED, /* an error: "NAME is not supported by h2rs yet (why)" */
};

/* What the handlers see: the options, and what only parse_options needs. */
struct cli {
	struct options *o;
	bool macros_set;       /* --macro-constants was given */
	bool ignore_functions; /* --ignore-functions (applied after --generate) */
	bool emit_diagnostics; /* --emit-diagnostics (needs --experimental) */
	bool no_rustfmt;       /* --no-rustfmt-bindings (conflicts with --formatter) */
	struct strmap seen;    /* the single-valued options given (opt_def.once) */
};

struct opt_def {
	const char *name;     /* the spelling, e.g. "--allowlist-type" */
	enum opt_kind kind;   /* what it does */
	size_t field;         /* OPT_FLAG, OPT_REGEX, OPT_STRING, OPT_PUSH: offset in options */
	bool flag;            /* OPT_FLAG: the value it stores */
	void (*handler)(struct cli *s, const char *name, const char *val); /* OPT_*HANDLER */
	const char *why;      /* OPT_UNSUPPORTED: what h2rs does instead */
	const char *once;     /* single-valued in bindgen's CLI (clap rejects a second use):
			       * the name that use is reported under; NULL if repeatable */
};

static void set_rust_target(struct cli *s, const char *name, const char *val)
{
	parse_rust_target(s->o, val);
}

static void set_rust_edition(struct cli *s, const char *name, const char *val)
{
	s->o->rust_edition = parse_rust_edition(val);
}

static void add_wrap_file(struct cli *s, const char *name, const char *val)
{
	read_wrap_file(s->o, name, val, !strcmp(name, "--wrap-list"), !strcmp(name, "--const-list"));
}

static void set_macro_constants(struct cli *s, const char *name, const char *val)
{
	if (strcmp(val, "bindgen") && strcmp(val, "full"))
		error("--macro-constants: expected 'bindgen' or 'full', got '%s'", val);
	s->o->macros_full = !strcmp(val, "full");
	s->macros_set = true;
}

static void set_enum_style(struct cli *s, const char *name, const char *val)
{
	if (!parse_enum_style(val, &s->o->default_enum_style))
		error("--default-enum-style: unknown style '%s' (expected consts, moduleconsts, "
		      "newtype, newtype_global, bitfield, rust or rust_non_exhaustive)", val);
}

static void set_macro_type(struct cli *s, const char *name, const char *val)
{
	if (strcmp(val, "unsigned") && strcmp(val, "signed"))
		error("invalid value '%s' for '--default-macro-constant-type <TYPE>': "
		      "expected 'signed' or 'unsigned'", val);
	s->o->macro_signed = !strcmp(val, "signed");
}

static void set_generate(struct cli *s, const char *name, const char *val)
{
	s->o->generate = parse_generate(val);
}

static void add_override_abi(struct cli *s, const char *name, const char *val)
{
	add_abi_override(s->o, val);
}

static void set_alias_style(struct cli *s, const char *name, const char *val)
{
	if (strcmp(val, "type_alias") && strcmp(val, "new_type") && strcmp(val, "new_type_deref"))
		error("invalid value '%s' for '--default-alias-style <STYLE>': expected "
		      "type_alias, new_type or new_type_deref", val);
	s->o->default_alias_style = !strcmp(val, "new_type")	   ? ALIAS_NEWTYPE
				    : !strcmp(val, "new_type_deref") ? ALIAS_NEWTYPE_DEREF
								     : ALIAS_TYPE;
}

/* bindgen's NonCopyUnionStyle::from_str (codegen/mod.rs) */
static void set_union_style(struct cli *s, const char *name, const char *val)
{
	if (strcmp(val, "bindgen_wrapper") && strcmp(val, "manually_drop"))
		error("invalid value '%s' for '--default-non-copy-union-style <STYLE>': "
		      "expected bindgen_wrapper or manually_drop", val);
	s->o->union_manually_drop = !strcmp(val, "manually_drop");
}

/* bindgen's FieldVisibilityKind: fields, bitfield units, padding and
 * bitfield accessors */
static void set_visibility(struct cli *s, const char *name, const char *val)
{
	if (!strcmp(val, "public"))
		s->o->field_vis = "pub ";
	else if (!strcmp(val, "crate"))
		s->o->field_vis = "pub(crate) ";
	else if (!strcmp(val, "private"))
		s->o->field_vis = "";
	else
		error("invalid value '%s' for '--default-visibility <VISIBILITY>': "
		      "expected private, crate or public", val);
}

static void set_dynamic_loading(struct cli *s, const char *name, const char *val)
{
	s->o->dynamic_library = rust_lib_name(val);
}

/* h2rs always writes rustfmt-shaped text itself */
static void check_formatter(struct cli *s, const char *name, const char *val)
{
	if (strcmp(val, "none") && strcmp(val, "rustfmt") && strcmp(val, "prettyplease"))
		error("--formatter: unknown formatter '%s'", val);
}

/* --with-derive-custom[-struct|-union|-enum], --with-attribute-custom[...] */
static void add_custom_opt(struct cli *s, const char *name, const char *val)
{
	int applies = strstr(name, "-struct") ? 1 : strstr(name, "-union") ? 2
		      : strstr(name, "-enum")  ? 4 : 7;
	add_custom(s->o, name, val, applies, strstr(name, "derive") != NULL);
}

static void set_ignore_functions(struct cli *s, const char *name, const char *val)
{
	s->ignore_functions = true;
}

/* bindgen's regex reports: nothing to do for h2rs */
static void set_emit_diagnostics(struct cli *s, const char *name, const char *val)
{
	s->emit_diagnostics = true;
}

#define OFF(f) offsetof(struct options, f)
#define F(n, f, v) {n, OPT_FLAG, OFF(f), v, NULL, NULL, NULL}
#define R(n, f) {n, OPT_REGEX, OFF(f), false, NULL, NULL, NULL}
#define S(n, f) {n, OPT_STRING, OFF(f), false, NULL, NULL, NULL}
#define S1(n, f, o) {n, OPT_STRING, OFF(f), false, NULL, NULL, o} /* single-valued */
#define P(n, f) {n, OPT_PUSH, OFF(f), false, NULL, NULL, NULL}
#define H(n, h) {n, OPT_HANDLER, 0, false, h, NULL, NULL}
#define H1(n, h) {n, OPT_HANDLER, 0, false, h, NULL, n} /* single-valued */
#define FH(n, h) {n, OPT_FLAG_HANDLER, 0, false, h, NULL, NULL}
#define A(n) {n, OPT_ACCEPTED, 0, false, NULL, NULL, NULL}
#define U(n, w) {n, OPT_UNSUPPORTED, 0, false, NULL, w, NULL}
static const struct opt_def opt_defs[] = {
	/* flags */
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
	F("--wrap-static-fns", wrap_static_fns, true), F("--wrap-fn-macros", wrap_fn_macros, true),
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
	FH("--ignore-functions", set_ignore_functions),
	FH("--emit-diagnostics", set_emit_diagnostics),
	/* regex lists */
	R("--allowlist-type", allow_type),
	R("--allowlist-function", allow_function),
	R("--allowlist-var", allow_var),
	R("--allowlist-item", allow_item),
	R("--allowlist-file", allow_file),
	R("--blocklist-type", block_type),
	R("--blocklist-function", block_function),
	R("--blocklist-var", block_var),
	R("--blocklist-item", block_item),
	R("--blocklist-file", block_file),
	R("--opaque-type", opaque_type),
	R("--no-copy", no_copy),
	R("--no-debug", no_debug),
	R("--no-default", no_default),
	R("--no-hash", no_hash),
	R("--no-partialeq", no_partialeq),
	R("--rustified-enum", enum_rust),
	R("--rustified-non-exhaustive-enum", enum_rust_nonexhaust),
	R("--newtype-enum", enum_newtype),
	R("--newtype-global-enum", enum_newtype_global),
	R("--bitfield-enum", enum_bitfield),
	R("--constified-enum", enum_consts),
	R("--constified-enum-module", enum_module),
	R("--must-use-type", must_use_type),
	R("--normal-alias", alias_normal),
	R("--new-type-alias", alias_newtype),
	R("--new-type-alias-deref", alias_newtype_deref),
	R("--manually-drop-union", manually_drop_union),
	R("--bindgen-wrapper-union", bindgen_wrapper_union),
	/* strings */
	S1("-o", output, "--output"), S1("--output", output, "--output"), S1("--depfile", depfile, "--depfile"),
	S1("--ctypes-prefix", ctypes_prefix, "--ctypes-prefix"), S("--layout-probe", layout_probe),
	S("--explain", explain), S("--check-layout-with", check_cc),
	S1("--wrap-static-fns-path", wrap_path, "--wrap-static-fns-path"), S1("--wrap-static-fns-suffix", wrap_suffix, "--wrap-static-fns-suffix"),
	S("--wrap-static-fns-prefix", wrap_prefix), S("--wrap-attribute", wrap_attribute),
	S1("--anon-fields-prefix", anon_prefix, "--anon-fields-prefix"), S1("--prefix-link-name", prefix_link_name, "--prefix-link-name"),
	S1("--wasm-import-module-name", wasm_import_module, "--wasm-import-module-name"),
	S1("--clang-macro-fallback-build-dir", macro_fallback_dir, "--clang-macro-fallback-build-dir"),
	/* repeatable strings */
	P("--raw-line", raw_lines), P("--wrap-macro", wrap_macros), P("--wrap-export", wrap_exports),
	/* values with their own rules */
	H1("--rust-target", set_rust_target), H1("--rust-edition", set_rust_edition),
	H("--wrap-macros-file", add_wrap_file), H("--wrap-list", add_wrap_file),
	H("--const-list", add_wrap_file),
	H("--macro-constants", set_macro_constants), H1("--default-enum-style", set_enum_style),
	H1("--default-macro-constant-type", set_macro_type), H1("--generate", set_generate),
	H("--override-abi", add_override_abi), H1("--default-alias-style", set_alias_style),
	H1("--default-non-copy-union-style", set_union_style),
	H1("--default-visibility", set_visibility), H1("--dynamic-loading", set_dynamic_loading),
	H1("--formatter", check_formatter),
	H("--with-derive-custom", add_custom_opt), H("--with-derive-custom-struct", add_custom_opt),
	H("--with-derive-custom-union", add_custom_opt), H("--with-derive-custom-enum", add_custom_opt),
	H("--with-attribute-custom", add_custom_opt),
	H("--with-attribute-custom-struct", add_custom_opt),
	H("--with-attribute-custom-union", add_custom_opt),
	H("--with-attribute-custom-enum", add_custom_opt),
	/* flags that change nothing in C bindings (bindgen's meaning is for
	 * C++, Objective-C, or bindgen's own diagnostics), or whose behaviour
	 * h2rs always has; README's option table says which is which */
	A("--no-rustfmt-bindings"), /* no formatter is ever run */
	A("--no-include-path-detection"), /* libclang's own search path is all h2rs uses */
	A("--no-record-matches"), /* only for bindgen's unused-regex report */
	A("--ignore-methods"), /* C++: methods */
	A("--enable-cxx-namespaces"), A("--disable-name-namespacing"),
	A("--conservative-inline-namespaces"), A("--respect-cxx-access-specs"),
	A("--distrust-clang-mangling"), A("--use-specific-virtual-function-receiver"),
	A("--use-distinct-char16-t"), A("--represent-cxx-operators"), A("--vtable-generation"),
	A("--generate-deleted-functions"), A("--generate-pure-virtual-functions"),
	A("--generate-private-functions"), /* C++ only */
	A("--objc-extern-crate"), A("--block-extern-crate"), /* Objective-C, blocks */
	/* bindgen options h2rs does not implement */
	U("--generate-block", "block pointers stay *mut c_void"),
	U("--builtins", "builtin definitions are not emitted"),
	U("--emit-clang-ast", "no AST dump"),
	U("--emit-ir", "no IR dump"),
	U("--emit-ir-graphviz", "no IR dump"),
	U("--dump-preprocessed-input", "no preprocessed dump"),
	U("--module-raw-line", "h2rs writes no modules"),
	U("--rustfmt-configuration-file", "h2rs runs no formatter"),
	U("--generate-shell-completions", "no shell completions"),
};
#undef OFF
#undef F
#undef R
#undef S
#undef S1
#undef P
#undef H
#undef H1
#undef FH
#undef A
#undef U

/* A second use of a single-valued option is an error, as in bindgen's
 * CLI; --no-rustfmt-bindings is remembered for its conflict. */
static void note_once(struct cli *s, const struct opt_def *d)
{
	s->no_rustfmt |= !strcmp(d->name, "--no-rustfmt-bindings");
	if (!d->once)
		return;
	if (strmap_get(&s->seen, d->once))
		error("the argument '%s' cannot be used multiple times", d->once);
	strmap_put(&s->seen, d->once, (void *)d);
}

static const struct opt_def *find_opt(const char *name)
{
	for (size_t k = 0; k < sizeof opt_defs / sizeof opt_defs[0]; k++)
		if (!strcmp(name, opt_defs[k].name))
			return &opt_defs[k];
	return NULL;
}

static bool takes_value(const struct opt_def *d)
{
	return d->kind == OPT_REGEX || d->kind == OPT_STRING || d->kind == OPT_PUSH ||
	       d->kind == OPT_HANDLER;
}

/* Apply one option (val: its value, NULL for a flag). */
static void apply_opt(struct cli *s, const struct opt_def *d, const char *val)
{
	char *o = (char *)s->o;
	switch (d->kind) {
	case OPT_FLAG: *(bool *)(o + d->field) = d->flag; break;
	case OPT_REGEX: add_regex((struct regex_list *)(o + d->field), d->name, val); break;
	case OPT_STRING: *(const char **)(o + d->field) = val; break;
	case OPT_PUSH: vec_push((struct vec *)(o + d->field), (void *)val); break;
	case OPT_HANDLER:
	case OPT_FLAG_HANDLER: d->handler(s, d->name, val); break;
	case OPT_ACCEPTED: break;
	case OPT_UNSUPPORTED: error("%s is not supported by h2rs yet (%s)", d->name, d->why);
	}
}

/* What the options imply once all are read: defaults that depend on
 * others, and the checks across options. */
static void settle_options(struct options *o, const struct cli *st)
{
	/* bindgen's CLI (clap's conflicts_with) */
	if (st->no_rustfmt && strmap_get(&st->seen, "--formatter"))
		error("the argument '--formatter <FORMATTER>' cannot be used with "
		      "'--no-rustfmt-bindings'");
	/* bindgen's CLI: --emit-diagnostics requires --experimental (clap) */
	if (st->emit_diagnostics && !o->experimental)
		error("the following required arguments were not provided: --experimental "
		      "(--emit-diagnostics needs it)");
	/* bindgen applies --generate, then --ignore-functions */
	if (st->ignore_functions)
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
	if (!st->macros_set)
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
}

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
	struct cli st = {.o = o};
	o->generate = GEN_ALL;

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		char name[64];
		if (!strcmp(arg, "--")) {
			take_clang_args(o, i + 1, argc, argv);
			break;
		}
		if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
			fputs(gen_usage, stdout);
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
		const struct opt_def *d = find_opt(name);
		if (d && d->kind == OPT_UNSUPPORTED)
			apply_opt(&st, d, NULL);
		if (!d || (val && !takes_value(d)))
			error("unknown option '%s' (see h2rs --help)", arg);
		if (takes_value(d) && !val) {
			if (i + 1 >= argc)
				error("option '%s' needs a value", name);
			val = argv[++i];
		}
		note_once(&st, d);
		apply_opt(&st, d, val);
	}
	settle_options(o, &st);
	reject_non_c(o);
}
