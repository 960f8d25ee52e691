/*
 * ir.h — the intermediate representation: what parse.c reads out of
 * libclang, and what the later phases add to it. Each field's comment
 * names the file that writes it where that is not parse.c (the parser's
 * files: parse.c, parse_type.c, parse_macro.c, parse_annot.c); after
 * analyse() the IR is read-only, and the emitters only read it.
 */
#ifndef H2RS_IR_H
#define H2RS_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "options.h"
#include "util/util.h"

/* Declarations and macros left out of the output, and why (report.c prints
 * them: --verbose, --explain). */
/* Both strings are borrowed: literals, or IR text that lives
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
	const char *name;      /* Rust name: parse.c's, made final (anonymous, nested,
				* keyword) by analyse.c; macros.c for IT_MACRO */
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
	bool emit;             /* analyse.c (derive.c for functions): item goes to the output */
	const char *skip_reason; /* analyse.c, derive.c: why it is not emitted (--explain) */

	/* IT_RECORD (parse.c) */
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

	/* IT_RECORD: layout.c's results (opaque: also --opaque-type, annotations) */
	bool laid_out;         /* layout computed */
	bool opaque;           /* emitted as a blob */
	const char *opaque_reason; /* why (NULL for --opaque-type) */
	int repr_packed;       /* 0, or N of packed(N) (1 = packed) */
	uint64_t repr_align;   /* 0, or N of align(N) */
	bool rs_has_align;     /* the Rust type (transitively) has repr(align) */
	struct rs_field *rs;   /* Rust fields */
	int nrs;               /* number of Rust fields */
	int nunits;            /* bitfield units */

	/* IT_ENUM (parse.c; nconsts: analyse.c drops hidden enumerators) */
	struct enumerator **consts; /* enumerators in order */
	int nconsts;                /* number of enumerators */
	struct type *int_type;      /* underlying integer type */
	enum enum_style style;      /* analyse.c: chosen style */
	struct item *int_alias;     /* analyse.c: the top-level integer typedef named like
				     * the tag (cbindgen's `enum E {..}; typedef int16_t E;`),
				     * or NULL */
	bool alias_same;            /* int_alias is the enum's own integer type (same size
				     * and signedness): uses of the enum may name it */

	/* IT_TYPEDEF (parse.c) */
	struct type *aliased;  /* the type it names (analyse.c: a blob for an opaque one) */
	bool int_typedef;      /* it names an integer type, through typedefs (not an enum) */

	/* IT_FUNC, IT_VAR (parse_type.c; IT_MACRO's type: macros.c) */
	struct type *type;     /* function type or variable type */
	bool is_const;         /* IT_VAR: const-qualified */
	bool from_const_list;  /* IT_VAR: a --const-list constant (replaces its macro) */
	bool has_value;        /* IT_VAR with a constant initialiser / IT_MACRO */
	bool must_use;         /* IT_FUNC: warn_unused_result */
	const char *abi;       /* IT_FUNC: its extern block's ABI (derive.c: --override-abi,
				* else clang's calling convention), NULL for "C" */
	int wrap;              /* IT_FUNC: 0, WRAP_STATIC (static inline) or WRAP_MACRO
				* (derive.c clears it for a function it does not wrap) */
	bool macro_is_fn;      /* WRAP_MACRO: the macro is function-like (call it) */
	const char *c_ret;     /* wrapped: C spelling of the return type */
	const char **c_params; /* wrapped: C spelling of each parameter type */
	const char *wrap_expr; /* WRAP_MACRO from 'PROTOTYPE = EXPR;': the C expression (or
				* statement, for void) the wrapper evaluates, in the
				* prototype's parameter names; NULL: call the macro */
	const char **c_param_names; /* with wrap_expr: the prototype's parameter names
				     * (also for a forwarding macro's wrapper) */
	const char *const_fn;  /* IT_MACRO of an integer function-like macro
				* (parse_constfn.c): the Rust const fn after its name,
				* "(x: i32) -> u64 { ... }" */
	const char *fwd_callee; /* IT_FUNC of a forwarding macro (parse_fwd.c,
				 * --wrap-fn-macros): the function its expansion calls */

	/* IT_VAR with has_value (parse_type.c), IT_MACRO (macros.c) */
	enum macro_kind vkind; /* value kind */
	bool vunsigned;        /* integer value is unsigned */
	int64_t ival;          /* integer value */
	uint64_t uval;         /* integer value as unsigned */
	double fval;           /* floating value */
	char *sval;            /* string bytes (with the trailing NUL) */
	size_t slen;           /* string length including NUL */
	const char *mtype;     /* IT_MACRO: Rust type chosen */

	/* allow/block lists (analyse.c), derives (derive.c: can, manual, can_done) */
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
	bool colons;         /* has a '::' token: not evaluated (no C constant has one,
			      * and libclang 19 never returns from '(::') */
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

/* The run. parse.c and its files fill it in unless a field says otherwise;
 * the later phases add to items' fields, not to these. */
struct ctx {
	const struct options *opt; /* command line (read-only once parsed) */
	struct vec items;      /* struct item *, in declaration order after parse
				* (macros.c adds the macro constants) */
	struct vec macros;     /* struct macro_def *, eligible macros */
	struct vec fallback_macros; /* struct fallback_macro *: --clang-macro-fallback */
	struct strmap object_macros; /* names of all object-like macros (probe.c) */
	struct strmap typedefs; /* typedef name → its item (full macro typing) */
	struct strmap fn_macros; /* names of function-like macros (wrappers) */
	const char *main_file;  /* the file libclang parsed as main (may be a wrapper) */
	struct vec clang_args; /* parse.c: opt's clang arguments less those libclang
				* refuses, plus warnings switched off (char *) */
	struct vec deps;       /* included files (char *), for depfiles */
	struct skips skipped;  /* what was left out, for --verbose/--explain (every
				* phase adds to it, through skip_push) */
	int nskipped_inline;   /* static inline functions skipped */
	int nskipped_abi;      /* functions skipped: a value Rust cannot pass as C does */
	unsigned u64_align;    /* Rust's alignment of u64 on the target (parse.c): 4 on
				* 32-bit x86 but Windows, else 8 */
	int n_obj_macros;      /* object-like macros with a body */
	int n_macro_not_const; /* of those: not constant expressions (clang / bindgen
				* rules; parse_macro.c, macros.c) */
	int n_macro_const_lost; /* of those: constant, but no Rust constant for the
				 * value (macros.c) */
	int64_t next_order;    /* declaration counter: top-level cursor << 32, then
				* one more for each item read under that cursor */
	int top_anon;          /* analyse.c: top-level _bindgen_ty_N counter */
	const char *clang_version; /* libclang version string */
	macro_type_fn *macro_value_type; /* parse.c: sets it before macros_start */
};

#endif /* H2RS_IR_H */
