/*
 * h2rs.h — every type that crosses files, grouped by the file that owns it.
 *
 * Pipeline: options.c (command line) → parse.c (libclang → IR, the only file
 * that walks cursors) → macros.c (macro constants, evaluated by clang) →
 * layout.c (Rust layout of every record: exact, or opaque with a reason) →
 * analyse.c (allow/block lists, derives) → emit_rust.c / probe.c (text).
 */
#ifndef H2RS_H
#define H2RS_H

#include <limits.h>
#include <regex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define H2RS_VERSION "0.1.0"
#define BINDGEN_COMPAT_VERSION "0.72.1"

#include "util/util.h"

/* ---- report.c: what a run reports besides its outputs ---- */

/* Declarations and macros left out of the output, and why (--verbose,
 * --explain). Both strings are borrowed: literals, or IR text that lives
 * until exit; nothing is formatted unless it is printed. */
struct skip {
	const char *name; /* the C name */
	const char *why;  /* the reason, e.g. "static variable, has no symbol" */
};
struct skips {
	struct skip *v; /* entries, in the order they were found */
	int n;          /* entries in use */
	int cap;        /* entries allocated */
};
void skip_push(struct skips *s, const char *name, const char *why);

struct options;
double now_seconds(void);
/* With --time-phases, print the time since *t under name; reset *t. */
void phase(const struct options *o, const char *name, double *t);

/* ---- options.c: the bindgen-compatible command line ---- */

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
	const char *wrap_path;    /* --wrap-static-fns-path (".c" added if missing) */
	const char *wrap_suffix;  /* --wrap-static-fns-suffix, default "__extern" ("" with a prefix) */
	const char *wrap_prefix;  /* --wrap-static-fns-prefix (h2rs: "rust_helper_"), default "" */
	const char *wrap_attribute; /* --wrap-attribute: text before each wrapper (__rust_helper) */
	struct strmap wrap_only;  /* --wrap-list names: the only static functions wrapped */
	int n_wrap_only;          /* names in wrap_only (0: --wrap-static-fns wraps all) */
	struct vec wrap_only_names; /* the same names (char *), in the list's order */
	struct vec wrap_macros;   /* --wrap-macro / --wrap-macros-file prototypes (char *) */
	struct vec wrap_exports;  /* --wrap-export MACRO (char *) */
	struct vec clang_args;    /* arguments after --, filtered (char *) */
	struct vec cc_args;       /* arguments after --, as given (for --check-layout-with) */
	const char *check_cc;     /* --check-layout-with CC */
	struct vec dropped_args;  /* GCC-only arguments libclang refused (char *) */
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

/* ---- parse.c: libclang → IR ---- */

enum ty_kind {
	TY_VOID,     /* void (only behind pointers or as a return type) */
	TY_PRIM,     /* a primitive: prim holds its Rust spelling */
	TY_PTR,      /* pointer: sub = pointee */
	TY_ARRAY,    /* [sub; len] */
	TY_FLEX,     /* zero-length or incomplete array (bindgen's Array(sub, 0)):
		      * [sub; 0usize], __IncompleteArrayField<sub> as a struct's
		      * own field type */
	TY_FUNC,     /* a function type: sub = return type, params */
	TY_ITEM,     /* a named item: record, enum or typedef */
	TY_BLOB,     /* raw bytes of size/align, for types Rust cannot name */
	TY_COMPLEX,  /* __BindgenComplex<sub> */
	TY_FLOAT16,  /* __BindgenFloat16 */
};

struct item;

/* bindgen's doc-comment annotations (ir/annotations.rs): the attributes of
 * every <div rustbindgen ...> start tag in the parsed doc comment (the tag's
 * first attribute must be rustbindgen; values as clang parses them, "" when
 * absent). parse.c reads them; NULL on an item, field or enumerator whose
 * comment has no such tag. */
enum annot_vis { AV_UNSET, AV_PRIVATE, AV_PUBLIC };
enum annot_accessor { AA_UNSET, AA_NONE, AA_REGULAR, AA_UNSAFE, AA_IMMUTABLE };
struct annot {
	bool opaque;          /* opaque: records and typedefs as a blob of their layout */
	bool hide;            /* hide: items as if blocklisted; enumerators left out */
	bool nocopy;          /* nocopy: no Copy/Clone derive */
	bool nodebug;         /* nodebug: no Debug derive */
	bool nodefault;       /* nodefault: no Default derive or impl */
	bool must_use;        /* mustusetype: as --must-use-type names it */
	bool constant;        /* constant (enumerators): also a constant, placed last */
	const char *replaces; /* replaces="A::B": emitted as A_B; a type so named is
			       * replaced by this one */
	enum annot_vis vis;   /* private (AV_PRIVATE), private="false" (AV_PUBLIC):
			       * records (all fields) and fields */
	enum annot_accessor accessor; /* accessor[="unsafe"|"immutable"|"false"]:
				       * records (all fields) and fields */
	struct vec derives;   /* derive="..." in order (char *), repeatable */
	struct vec attrs;     /* attribute="..." in order (char *), repeatable */
};

struct param {
	const char *name;  /* Rust parameter name (argN when C has none) */
	struct type *type; /* its type, arrays decayed to pointers */
};

struct type {
	enum ty_kind kind;  /* what this is */
	const char *prim;   /* TY_PRIM: Rust name ("c_int", "u128", "bool") */
	bool ctype;         /* TY_PRIM: prim lives under the ctypes prefix */
	bool is_const;      /* TY_PTR: the pointee is const-qualified */
	bool odd_size;      /* TY_PTR: not the target's pointer size (__ptr32):
			     * emitted as bytes of its size, as bindgen does */
	struct type *sub;   /* pointee, element, or return type */
	uint64_t len;       /* TY_ARRAY: number of elements */
	struct item *item;  /* TY_ITEM: the referenced item */
	struct param *params; /* TY_FUNC: parameters */
	int nparams;        /* TY_FUNC: number of parameters */
	bool variadic;      /* TY_FUNC: ends with ... */
	bool noreturn;      /* TY_FUNC: never returns (-> !) */
	const char *abi;    /* TY_FUNC: Rust ABI of clang's calling convention
			     * ("stdcall", "win64", ...), NULL for "C" */
	const char *abi_why; /* TY_FUNC: why Rust cannot call it so (no such ABI on
			      * this target or --rust-target), or NULL: a function
			      * is skipped, a pointer to it is an opaque integer */
	bool ffi_blob;      /* TY_BLOB: bindgen's to_opaque (helpers::blob, ffi_safe): one
			     * integer bare, more as __BindgenOpaqueArray<uN, K> */
	uint64_t size;      /* C size in bytes (TY_BLOB, TY_PRIM; TY_FUNC: of a pointer) */
	uint64_t align;     /* C alignment in bytes (TY_BLOB, TY_PRIM; TY_FUNC: of a pointer) */
};

enum item_kind { IT_RECORD, IT_ENUM, IT_TYPEDEF, IT_FUNC, IT_VAR, IT_MACRO };

struct field {
	const char *cname;   /* C field name, NULL for an anonymous member */
	const char *name;    /* Rust field name (type_, __bindgen_anon_1) */
	struct type *type;   /* field type */
	uint64_t bit_offset; /* offset from the record start, in bits */
	int bit_width;       /* bitfield width, -1 when not a bitfield */
	bool is_signed;      /* bitfield: the declared type is signed */
	const char *doc;     /* doc comment, or NULL */
	const struct annot *annot; /* its annotations (private, accessor), or NULL */
};

struct enumerator {
	const char *cname; /* C name */
	int64_t value;     /* value (as signed) */
	uint64_t uvalue;   /* value (as unsigned) */
	const char *doc;   /* doc comment, or NULL */
	const struct annot *annot; /* its annotations (hide, constant, replaces), or NULL */
	const char *name;  /* analyse.c: its Rust name, the C name or replaces= */
	const char *rname; /* analyse.c: its module-level Rust constant's name, or NULL
			    * where the enum's style puts it inside the type */
	bool skip;         /* its Rust name is taken by an earlier item */
};

/* One field of the Rust struct that layout.c decides on. */
struct rs_field {
	enum { RF_FIELD, RF_PADDING, RF_BITFIELD_ALIGN, RF_BITFIELD_UNIT } kind;
	const char *name;      /* Rust field name */
	struct field *cfield;  /* RF_FIELD: the C field */
	uint64_t offset;       /* byte offset in the C record */
	uint64_t bytes;        /* padding / unit size in bytes */
	uint64_t align;        /* RF_BITFIELD_ALIGN: forced alignment */
	int unit;              /* RF_BITFIELD_*: unit number (1-based) */
	struct field **bits;   /* RF_BITFIELD_UNIT: the bitfields in it */
	int nbits;             /* number of bitfields in the unit */
};

/* Macro constant value (macros.c fills it in). */
enum macro_kind { MV_NONE, MV_INT, MV_FLOAT, MV_STR, MV_CHAR };

struct item {
	enum item_kind kind;   /* record, enum, typedef, function, var, macro */
	const char *cname;     /* C spelling: tag, typedef or symbol; NULL if unnamed */
	const char *name;      /* final Rust name */
	struct item *parent;   /* enclosing record (nested types), or NULL */
	struct vec nested;     /* emit_rust.c: the emitted types declared inside this record,
				* which it writes itself (bindgen's order), in order */
	const char *file;      /* file of the declaration ("" for builtins) */
	unsigned line, col;    /* location of the declaration */
	const char *doc;       /* doc comment, or NULL */
	const struct annot *annot; /* its <div rustbindgen> annotations, or NULL (a
				    * typedef's are those of the record or enum it
				    * names, if that definition has some) */
	int64_t order;         /* declaration order (position of the definition) */
	int anon_count;        /* records: unnamed nested types seen so far */
	bool emit;             /* analyse.c: item goes to the output */
	const char *skip_reason; /* why it is not emitted (for --explain) */

	/* IT_RECORD */
	bool is_union;         /* union rather than struct */
	bool complete;         /* has a definition */
	bool unnamed;          /* C has no tag for it */
	bool anon_member;      /* is an anonymous struct/union member */
	bool named_by_typedef; /* took its name from a typedef (typedef struct {..} T) */
	bool packed_attr;      /* __attribute__((packed)) seen on the record */
	struct field **fields; /* C fields in order */
	int nfields;           /* number of C fields */
	uint64_t size, align;  /* C layout in bytes (typedefs: of the type they name) */
	bool bad_bitfield;     /* a bitfield whose width clang cannot give */
	uint64_t typedef_align; /* alignment its typedef asks for and Rust cannot give */

	/* layout.c results for records */
	bool laid_out;         /* layout computed */
	bool opaque;           /* emitted as a blob */
	const char *opaque_reason; /* why (NULL for --opaque-type) */
	int repr_packed;       /* 0, or N of packed(N) (1 = packed) */
	uint64_t repr_align;   /* 0, or N of align(N) */
	bool rs_has_align;     /* the Rust type (transitively) has repr(align) */
	struct rs_field *rs;   /* Rust fields */
	int nrs;               /* number of Rust fields */
	int nunits;            /* bitfield units */

	/* IT_ENUM */
	struct enumerator **consts; /* enumerators in order */
	int nconsts;                /* number of enumerators */
	struct type *int_type;      /* underlying integer type */
	enum enum_style style;      /* chosen style */
	struct item *int_alias;     /* analyse.c: the top-level integer typedef named like
				     * the tag (cbindgen's `enum E {..}; typedef int16_t E;`),
				     * or NULL */
	bool alias_same;            /* int_alias is the enum's own integer type (same size
				     * and signedness): uses of the enum may name it */

	/* IT_TYPEDEF */
	struct type *aliased;  /* the type it names */
	bool int_typedef;      /* it names an integer type, through typedefs (not an enum) */

	/* IT_FUNC, IT_VAR */
	struct type *type;     /* function type or variable type */
	bool is_const;         /* IT_VAR: const-qualified */
	bool has_value;        /* IT_VAR with a constant initialiser / IT_MACRO */
	bool must_use;         /* IT_FUNC: warn_unused_result */
	const char *abi;       /* IT_FUNC: its extern block's ABI (analyse.c: --override-abi,
				* else clang's calling convention), NULL for "C" */
	int wrap;              /* IT_FUNC: 0, WRAP_STATIC (static inline) or WRAP_MACRO */
	bool macro_is_fn;      /* WRAP_MACRO: the macro is function-like (call it) */
	const char *c_ret;     /* wrapped: C spelling of the return type */
	const char **c_params; /* wrapped: C spelling of each parameter type */

	/* IT_VAR with has_value, IT_MACRO */
	enum macro_kind vkind; /* value kind */
	bool vunsigned;        /* integer value is unsigned */
	int64_t ival;          /* integer value */
	uint64_t uval;         /* integer value as unsigned */
	double fval;           /* floating value */
	char *sval;            /* string bytes (with the trailing NUL) */
	size_t slen;           /* string length including NUL */
	const char *mtype;     /* IT_MACRO: Rust type chosen */

	/* derives (analyse.c) */
	struct item *replaced_by; /* the type whose replaces= annotation names this one */
	bool outside;          /* blocklisted, or not reached from the allowlist:
				* bindgen assumes it implements no trait */
	const char *stdint;    /* IT_TYPEDEF: the Rust primitive bindgen writes for a
				* <stdint.h> name at each use (u32, usize), or NULL */
	unsigned can;          /* DERIVE_* bits that are possible */
	unsigned manual;       /* DERIVE_* bits bindgen's analysis calls CanDerive::Manually:
				* not derivable, but an impl may be written by hand */
	bool can_done;         /* can and manual computed */
};

enum { WRAP_NONE, WRAP_STATIC, WRAP_MACRO };

enum {
	DERIVE_COPY = 1, DERIVE_DEBUG = 2, DERIVE_DEFAULT = 4, DERIVE_HASH = 8,
	DERIVE_PARTIALEQ = 16, DERIVE_EQ = 32, DERIVE_PARTIALORD = 64, DERIVE_ORD = 128,
	DERIVE_CLONE = 256, /* Clone without Copy (enums always derive it) */
};

/* An eligible macro found while parsing, before evaluation. */
struct macro_def {
	const char *name;   /* macro name */
	char *body;         /* replacement list, tokens joined by spaces */
	bool single_char;   /* the body is one character literal */
	bool single_token;  /* the body is one token */
	bool referenced;    /* another eligible macro's body names it */
	bool self_contained; /* only literals, keywords and such macros: no header needed */
	bool redefines;     /* bindgen rules: an earlier entry has this name (see macro_entry) */
	bool is_string;     /* the body is string literals only */
	char *str;          /* is_string: its bytes as h2rs reads the literals (embedded
			     * NULs kept; no final NUL), or NULL if not read */
	size_t str_len;     /* bytes in str */
	bool is_float;      /* contains a floating literal */
	const char *file;   /* where it is defined */
	unsigned line, col; /* location */
	const char *doc;    /* doc comment */
	int64_t order;      /* declaration order */
};

/* An object-like macro --clang-macro-fallback may evaluate (parse.c records
 * every one; macros.c evaluates those bindgen's rules leave out). */
struct fallback_macro {
	const char *name;    /* macro name */
	const char *file;    /* where it is defined */
	unsigned line, col;  /* location */
	int64_t order;       /* declaration order */
	char *body;          /* its tokens joined by spaces, comments dropped */
	int ntokens;         /* their number */
	bool unbalanced;     /* brackets do not pair up: not evaluated (it would
			      * swallow the rest of the evaluation unit) */
	bool cexpr_shape;    /* only literals, the operators of bindgen's rules and
			      * identifiers: the rules take it if they know each identifier */
	bool has_str, has_other, is_float; /* as in struct macro_def */
	const char **idents; /* the identifiers it names */
	int nidents;         /* their number */
};

/* The type of a macro's value as an evaluation unit sees it (cxtype: a
 * CXType *), NULL if Rust has no constant of it: parse.c's conversion,
 * handed to macros.c through ctx (macros.c does not call back into parse.c). */
typedef struct type *macro_type_fn(const struct strmap *typedefs, const void *cxtype);

struct ctx {
	struct options *opt;   /* command line */
	struct vec items;      /* struct item *, in declaration order after parse */
	struct vec macros;     /* struct macro_def *, eligible macros */
	struct vec fallback_macros; /* struct fallback_macro *: --clang-macro-fallback */
	struct strmap object_macros; /* names of all object-like macros (probe.c) */
	struct strmap typedefs; /* typedef name → its item (full macro typing) */
	struct strmap fn_macros; /* names of function-like macros (wrappers) */
	const char *main_file;  /* the file libclang parsed as main (may be a wrapper) */
	struct vec deps;       /* included files (char *), for depfiles */
	struct skips skipped;  /* what was left out, for --verbose/--explain */
	int nskipped_inline;   /* static inline functions skipped */
	int nskipped_abi;      /* functions skipped: a value Rust cannot pass as C does */
	unsigned u64_align;    /* Rust's alignment of u64 on the target (parse.c): 4 on
				* 32-bit x86 but Windows, else 8 */
	int n_obj_macros;      /* object-like macros with a body */
	int n_macro_not_const; /* of those: not constant expressions (clang / bindgen rules) */
	int n_macro_const_lost; /* of those: constant, but no Rust constant for the value */
	int64_t next_order;    /* declaration counter: top-level cursor << 32, then
				* one more for each item read under that cursor */
	int top_anon;          /* top-level _bindgen_ty_N counter */
	bool need_bitfield_unit, need_incomplete_array, need_complex, need_float16;
	bool need_union_field; /* emit_rust.c: the __BindgenUnionField prelude is used */
	bool need_opaque_array; /* emit_rust.c: the __BindgenOpaqueArray prelude is used */
	const char *clang_version; /* libclang version string */
	macro_type_fn *macro_value_type; /* parse.c: sets it before macros_start */
};

void parse_header(struct ctx *c);
const char *ctypes(const struct ctx *c);

/* ---- macros.c ---- */
/* Macro evaluation, split around the declaration walk: macros_start
 * (after the macro walk) starts the longest unit on a thread of its own:
 * bindgen's rules, the one unit (parsed and evaluated there); full mode,
 * the unit that includes the header (only parsed there). macros_finish
 * (after the declaration walk) evaluates full mode's self-contained unit
 * meanwhile, waits, evaluates the header unit with the header's typedefs
 * and adds the results to the run. job may be NULL (no macros). */
struct macro_job;
struct macro_job *macros_start(struct ctx *c);
/* Append the bytes of the C string literal token tok ("..." with escapes,
 * as bindgen's cexpr reads it) to out; false if it is not one h2rs reads. */
bool c_string_bytes(struct buf *out, const char *tok);
void macros_finish(struct ctx *c, struct macro_job *job);
/* --clang-macro-fallback under bindgen's rules, after macros_finish: the
 * integer macros clang evaluates after the header (bindgen's
 * parse_macro_clang_fallback), and those the rules then take. */
void macros_fallback(struct ctx *c);

/* ---- names.c ---- */
const char *rust_ident(const char *name); /* keyword → name_ */
bool is_rust_reserved(const char *name);

/* ---- layout.c ---- */
void layout_record(struct ctx *c, struct item *it);
void rs_type_layout(struct ctx *c, const struct type *t, uint64_t *size, uint64_t *align);
bool type_has_align_repr(struct ctx *c, const struct type *t);

/* ---- analyse.c ---- */
void analyse(struct ctx *c);
unsigned type_can(struct ctx *c, const struct type *t);
unsigned type_manual(struct ctx *c, const struct type *t);
unsigned item_derives(struct ctx *c, struct item *it);
unsigned enum_derives(struct ctx *c, const struct item *it);
bool enum_anonymous(const struct item *it);
struct item *resolve_typedef(struct item *it);
bool user_opaque(const struct options *o, const struct item *it);
bool item_must_use(const struct options *o, const struct item *it);
bool union_wrapper(struct ctx *c, struct item *it);
bool union_manually_drop(struct ctx *c, struct item *it);
bool opaque_rust_union(struct ctx *c, struct item *it);
struct rs_field *flex_array_member(const struct ctx *c, const struct item *it);
bool type_is_fn(const struct type *t);
bool type_is_void(const struct type *t);
/* Whether --generate / --ignore-functions let the item's kind through. */
bool generated(const struct options *o, const struct item *it);
/* A primitive (through typedefs) that is signed: i*, c_char, c_int, … */
bool prim_signed(const struct type *t);

/* ---- emit_rust.c ---- */
/* The bindings in EMIT_PARTS parts (prelude, first half, second half),
 * to be written one after the other. */
#define EMIT_PARTS 3
void emit_rust(struct ctx *c, struct buf out[EMIT_PARTS]);
/* postprocess.c: --merge-extern-blocks and --sort-semantically on the
 * items' text (not the header comment or --raw-line text). */
void postprocess(const struct options *o, struct buf *text);

void emit_type(struct ctx *c, struct buf *b, const struct type *t);

/* ---- emit_impls.c: hand-written trait impls, flexible array impls ---- */
/* --impl-debug: impl Debug for a record that does not derive it (derives:
 * its derives), for the type impl_ty (NAME, or NAME<[T; 0]>). */
void emit_debug_impl(struct ctx *c, struct buf *b, struct item *it, unsigned derives,
		     const char *impl_ty);
/* --impl-partialeq: impl PartialEq where the analysis says Manually. */
void emit_partialeq_impl(struct ctx *c, struct buf *b, struct item *it, const char *impl_ty);
/* --flexarray-dst: impl NAME<[T]> and impl NAME<[T; 0]> (elem: T's text). */
void emit_flexarray_impls(struct ctx *c, struct buf *b, const struct item *it, const char *elem);

/* emit_rust.c, for emit_dyn.c */
void emit_doc(struct ctx *c, struct buf *b, int indent, const char *doc);
bool fn_must_use(const struct ctx *c, const struct item *it);

/* ---- emit_dyn.c: --dynamic-loading (bindgen's codegen/dyngen.rs) ---- */
/* Whether the item is a member of the library struct instead of an extern
 * block: a function, or a static that is not a constant. */
bool dyn_item(const struct ctx *c, const struct item *it);
/* Append the library struct and its impl (after every other item). */
void emit_dynamic(struct ctx *c, struct buf *out);

/* ---- emit_c.c ---- */
void emit_wrappers(struct ctx *c);
const char *wrapper_name(const struct ctx *c, const struct item *it);

/* ---- probe.c ---- */
void write_layout_probe(struct ctx *c);
void check_layout_with(struct ctx *c, const char *cc);

/* ---- stats.c ---- */
void stats_report(const struct ctx *c); /* --stats: the figures table, on stderr */

/* ---- report.c ---- */
/* --verbose: every skipped declaration with its reason (and the macro
 * statistics); otherwise one note counting them. */
void report_skipped(struct ctx *c);

/* ---- gen.c: the generator's driver ---- */
void explain(struct ctx *c, const char *name);
/* The generator: bindgen's command line in argv; the exit status. */
int gen_main(int argc, char **argv);

#endif
