/*
 * options.h — the bindgen-compatible command line, as options.c parses it.
 * Once parse_options returns, the options are read-only: every later
 * phase sees them through a const pointer (ctx.opt).
 */
#ifndef H2RS_OPTIONS_H
#define H2RS_OPTIONS_H

#include <limits.h>
#include <regex.h>
#include <stdbool.h>

#include "util/util.h"

/* A list of POSIX extended regexes, each anchored to match a whole name. */
struct regex_list {
	regex_t *re;       /* compiled, anchored ^(...)$ */
	const char **text; /* the user's spelling, for --explain and errors */
	int n;             /* number of regexes */
};
bool regex_list_match(const struct regex_list *l, const char *name);

enum enum_style {
	ENUM_CONSTS,           /* pub type E = c_uint; pub const E_A: E = 0; */
	ENUM_MODULE_CONSTS,    /* pub mod E { pub type Type = ..; pub const A: Type = 0; } */
	ENUM_NEWTYPE,          /* #[repr(transparent)] pub struct E(pub c_uint); */
	ENUM_NEWTYPE_GLOBAL,   /* newtype with consts at module level */
	ENUM_BITFIELD,         /* newtype + BitOr/BitAnd impls */
	ENUM_RUST,             /* #[repr(u32)] pub enum E { A = 0 } */
	ENUM_RUST_NONEXHAUST,  /* as ENUM_RUST, #[non_exhaustive] */
};

/* How a typedef is written (--default-alias-style and the per-regex forms). */
enum alias_style {
	ALIAS_TYPE,          /* pub type T = U; */
	ALIAS_NEWTYPE,       /* #[repr(transparent)] pub struct T(pub U); */
	ALIAS_NEWTYPE_DEREF, /* the same with Deref and DerefMut impls */
};

/* A regex → text pair (--with-derive-custom, --with-attribute-custom). */
struct custom_attr {
	regex_t re;        /* anchored item-name regex */
	const char *text;  /* derive names or attribute text */
	int applies;       /* bit 1 struct, 2 union, 4 enum */
	bool is_derive;    /* derive list (true) or attribute (false) */
};

/* One --const-list line, 'TYPE NAME;' or 'TYPE NAME = EXPR;': the Rust
 * constant NAME, of C type TYPE, valued as C converts EXPR (or the macro
 * NAME) to it. */
struct const_line {
	char *type;  /* the C type, as written */
	char *name;  /* the constant's name */
	char *expr;  /* its C expression (the name itself when none is given) */
	int cond;    /* 1 + the index in wrap_conds of its #if section, 0 for none */
};

struct options {
	const char *header;       /* the input header or .c file */
	const char *output;       /* -o FILE, NULL for stdout */
	const char *depfile;      /* --depfile FILE */
	const char *mmd_depfile;  /* -Wp,-MMD,FILE / -MD -MF FILE after -- */
	const char *mmd_target;   /* -MT/-MQ TARGET after --: that depfile's target */
	bool mmd_target_quoted;   /* it came with -MQ: quoted for make */
	const char *ctypes_prefix;/* --ctypes-prefix, NULL for the default */
	int rust_minor;           /* --rust-target 1.N: N (default 82; nightly: INT_MAX) */
	int rust_patch;           /* --rust-target 1.N.P: P (for messages) */
	int rust_edition;         /* --rust-edition, or the newest the target has */
	bool generate_inline_functions; /* --generate-inline-functions: declare inline ones */
	bool experimental;        /* --experimental (Meson passes it with --wrap-static-fns) */
	bool merge_extern_blocks; /* --merge-extern-blocks: one extern block, last */
	bool sort_semantically;   /* --sort-semantically: items ordered by kind */
	unsigned generate;        /* --generate / --ignore-functions: GEN_* bits */
	const char *prefix_link_name; /* --prefix-link-name: functions' #[link_name] prefix */
	const char *wasm_import_module; /* --wasm-import-module-name */
	const char *dynamic_library; /* --dynamic-loading NAME (as a Rust identifier): functions
				      * and statics go into struct NAME (emit_dyn.c), or NULL */
	bool dynamic_require_all; /* --dynamic-link-require-all: every symbol must load */
	bool wrap_unsafe_ops;     /* --wrap-unsafe-ops: unsafe {} in the dynamic struct's methods */
	bool clang_macro_fallback; /* --clang-macro-fallback: bindgen rules' macros plus the
				    * integers clang evaluates after the header (macros.c) */
	const char *macro_fallback_dir; /* --clang-macro-fallback-build-dir (no files are written) */
	bool macro_signed;        /* --default-macro-constant-type signed */
	enum alias_style default_alias_style; /* --default-alias-style */
	struct regex_list alias_normal, alias_newtype, alias_newtype_deref; /* per-typedef styles */
	const char *field_vis;    /* --default-visibility: "pub ", "pub(crate) ", "" (NULL: pub) */
	struct vec abi_overrides; /* --override-abi REGEX=ABI (struct abi_override *) */
	struct regex_list must_use_type; /* --must-use-type */
	const char *layout_probe; /* --layout-probe PREFIX: write PREFIX.c/.rs */
	const char *explain;      /* --explain NAME */
	bool use_core;            /* --use-core */
	bool layout_tests;        /* not --no-layout-tests */
	bool doc_comments;        /* not --no-doc-comments */
	bool prepend_enum_name;   /* not --no-prepend-enum-name */
	bool header_comment;      /* not --disable-header-comment */
	bool derive_copy;         /* not --no-derive-copy */
	bool derive_debug;        /* not --no-derive-debug */
	bool derive_default;      /* --with-derive-default */
	bool derive_hash;         /* --with-derive-hash */
	bool derive_partialeq;    /* --with-derive-partialeq */
	bool derive_eq;           /* --with-derive-eq */
	bool derive_partialord;   /* --with-derive-partialord (implies partialeq) */
	bool derive_ord;          /* --with-derive-ord (implies partialord, eq, partialeq) */
	bool fn_attr_detection;   /* --enable-function-attribute-detection */
	bool verbose;             /* --verbose */
	bool stats;               /* --stats: the table of figures at the end (stats.c) */
	bool time_phases;         /* --time-phases */
	bool one_thread;          /* H2RS_THREADS=1: no helper threads */
	const char *anon_prefix;  /* --anon-fields-prefix (default __bindgen_anon_) */
	bool no_nested_naming;    /* --disable-nested-struct-naming */
	bool no_convert_floats;   /* --no-convert-floats: c_float/c_double, not f32/f64 */
	bool fit_macro_types;     /* --fit-macro-constant-types (bindgen's rules) */
	bool array_pointers;      /* --use-array-pointers-in-arguments */
	bool translate_enum_ints; /* --translate-enum-integer-types */
	bool explicit_padding;    /* --explicit-padding: every gap as a __bindgen_padding_N field */
	bool bindgen_name;        /* invoked as "bindgen" */
	bool size_t_is_usize;     /* not --no-size_t-is-usize */
	bool recursive_allowlist; /* not --no-recursive-allowlist */
	bool macros_full;         /* --macro-constants=full: every constant, C types */
	bool generate_cstr;       /* --generate-cstr: string macros as &CStr */
	bool impl_debug;          /* --impl-debug: impl Debug where it cannot be derived */
	bool impl_partialeq;      /* --impl-partialeq: impl PartialEq where bindgen's
				   * analysis says CanDerive::Manually */
	bool flexarray_dst;       /* --flexarray-dst: a struct ending in a flexible array
				   * member is generic over it (FAM: ?Sized = [T; 0]) */
	bool c_naming;            /* --c-naming: records and enums are struct_T, union_T,
				   * enum_T; typedefs keep their names */
	bool untagged_union;      /* not --disable-untagged-union: unions may be Rust unions */
	bool union_manually_drop; /* --default-non-copy-union-style manually_drop */
	struct regex_list manually_drop_union; /* --manually-drop-union: that style per union */
	struct regex_list bindgen_wrapper_union; /* --bindgen-wrapper-union: the wrapper
						   * per union (wins over the one above) */
	enum enum_style default_enum_style; /* --default-enum-style */
	struct regex_list allow_type, allow_function, allow_var, allow_item, allow_file;
	struct regex_list block_type, block_function, block_var, block_item, block_file;
	struct regex_list opaque_type;
	struct regex_list no_copy, no_debug, no_default, no_hash, no_partialeq;
	struct regex_list enum_rust, enum_rust_nonexhaust, enum_newtype, enum_newtype_global,
		enum_bitfield, enum_consts, enum_module;
	struct vec raw_lines;     /* --raw-line text (char *) */
	struct vec customs;       /* struct custom_attr * */
	bool wrap_static_fns;     /* --wrap-static-fns */
	bool wrap_fn_macros;      /* --wrap-fn-macros: forwarding macros get wrappers */
	const char *wrap_path;    /* --wrap-static-fns-path (".c" added if missing) */
	const char *wrap_suffix;  /* --wrap-static-fns-suffix, default "__extern" ("" with a prefix) */
	const char *wrap_prefix;  /* --wrap-static-fns-prefix (h2rs: "rust_helper_"), default "" */
	const char *wrap_attribute; /* --wrap-attribute: text before each wrapper (__rust_helper) */
	struct strmap wrap_only;  /* --wrap-list names: the only static functions wrapped */
	int n_wrap_only;          /* names in wrap_only (0: --wrap-static-fns wraps all) */
	struct vec wrap_only_names; /* the same names (char *), in the list's order */
	struct vec wrap_macros;   /* --wrap-macro / --wrap-macros-file prototypes (char *) */
	struct vec wrap_macro_cond; /* per wrap_macros entry: 1 + the index in wrap_conds of
				     * the #if section it is under, 0 for none (intptr_t) */
	struct strmap wrap_only_cond; /* --wrap-list name under #if sections → the same
				       * index (intptr_t; absent: unconditional) */
	struct vec const_lines;   /* --const-list lines (struct const_line *) */
	struct vec wrap_conds;    /* --wrap-list: the conditions of its #if sections (char *,
				   * C expressions); a line under one is wrapped only where
				   * it holds in the unit libclang parses */
	struct vec wrap_exports;  /* --wrap-export MACRO (char *) */
	struct vec clang_args;    /* arguments after -- (char *), as clang's (ctx.clang_args
				   * is what libclang is given) */
	struct vec cc_args;       /* arguments after --, as given (for --check-layout-with) */
	const char *check_cc;     /* --check-layout-with CC */
};

/* What --generate lets through (bindgen's CodegenConfig, C's share). */
enum {
	GEN_FUNCTIONS = 1, /* functions */
	GEN_TYPES = 2,     /* records, enums, typedefs */
	GEN_VARS = 4,      /* variables and macro constants */
	GEN_ALL = 7,
};

/* --override-abi REGEX=ABI: functions whose name matches get extern "ABI". */
struct abi_override {
	regex_t re;      /* anchored function-name regex */
	const char *abi; /* bindgen's spelling: C, stdcall, C-unwind, ... */
};

void parse_options(struct options *o, int argc, char **argv);
/* options_list.c: one list file (--wrap-list with names, --wrap-macros-file,
 * --const-list with consts) into o; opt names the option for messages. */
void read_wrap_file(struct options *o, const char *opt, const char *path, bool names,
		    bool consts);
/* The ABI --override-abi gives the function NAME ("C" too), or NULL if none. */
const char *abi_override_for(const struct options *o, const char *name);
/* The Rust 1.N that ABI needs (INT_MAX: nightly only; 0: any). */
int abi_min_rust(const char *abi);
/* bindgen's RustFeatures (features.rs) that change C bindings: the minor
 * Rust version each needs. */
enum {
	RUST_LARGER_ARRAYS = 47, /* derives on arrays longer than 32 */
	RUST_CONST_GENERICS = 51, /* min_const_generics: __BindgenOpaqueArray */
	RUST_CONST_CSTR = 59,    /* --generate-cstr: &CStr constants */
	RUST_CORE_FFI_C = 64,    /* --use-core: ::core::ffi::c_int */
	RUST_OFFSET_OF = 77,     /* offset_of! in layout tests; c"" literals (2021+) */
	RUST_UNSAFE_EXTERN = 82, /* unsafe extern "C" { ... } */
	RUST_PTR_METADATA = INT_MAX, /* ptr_metadata and layout_for_ptr: nightly only
				      * (--flexarray-dst's helper methods) */
};
bool rust_has(const struct options *o, int minor);
bool has_allowlist(const struct options *o);

#endif /* H2RS_OPTIONS_H */
