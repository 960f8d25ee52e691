/*
 * parse.h — what the parser's files share: the parser state, and each
 * file's functions the others call, grouped by the file that owns them.
 */
#ifndef H2RS_PARSE_H
#define H2RS_PARSE_H

#include "h2rs.h"

#include <clang-c/Documentation.h>
#include <clang-c/Index.h>

/* Map from canonical cursor to item. */
struct cursor_map {
	CXCursor *keys; /* canonical cursors */
	struct item **vals; /* their items */
	size_t cap;     /* slots (a power of two) */
	size_t n;       /* slots in use */
};

#define PRIM_CACHE 64 /* CXType_FirstBuiltin .. CXType_LastBuiltin, with room */

struct parser {
	struct ctx *c;          /* the run */
	CXTranslationUnit tu;   /* the parsed header */
	struct cursor_map map;  /* declarations seen */
	CXFile last_file;       /* cache for file names */
	const char *last_name;  /* name of last_file */
	struct strmap macro_names; /* name → struct macro_def *, eligible macros */
	struct strmap seen_macros; /* object-like macro names seen (--verbose statistics) */
	struct strmap wrapped;  /* names the --wrap-macro prototypes give */
	struct strmap wrap_exprs; /* name → EXPR of a 'PROTOTYPE = EXPR;' prototype */
	struct strmap wrap_cond; /* listed name or prototype's name → 1 + the index in
				  * opt->wrap_conds of its #if section (intptr_t) */
	struct strmap colon_names; /* macros whose body has a '::' token, and (after
				    * macro_colon_closure) those that expand to one */
	bool colon_fn;          /* a function-like macro's text has '::' */
	struct vec fwd_macros;  /* --wrap-fn-macros / --explain: function-like macros
				 * (parse_fwd.c's struct fwd_macro *) */
	struct strmap fn_decls; /* the same: function name → its first CXCursor * */
	bool *cond_holds;       /* per opt->wrap_conds: it holds in this unit (the
				 * unit's __h2rs_live_N macros, read by top_macros) */
	int top_index;          /* the top-level cursor being read (1-based) */
	struct buf body;        /* scratch: the macro body being read */
	struct type *prims[PRIM_CACHE]; /* builtin types by CXTypeKind, made once */
	long long ptr_bytes;    /* the target's pointer size */
	bool x86_64;            /* the target is x86-64 (Rust's win64, sysv64) */
	bool arm_hard_float;    /* the target is 32-bit arm with the VFP variant of
				 * AAPCS as its C convention (eabihf, -mfloat-abi=hard) */
};

struct attr_scan {
	bool noreturn;   /* saw noreturn */
	bool must_use;   /* saw warn_unused_result */
	bool packed;     /* saw packed */
	CXTranslationUnit tu; /* for tokens */
};

/* ---- parse_cx.c ---- */
char *cxstr(CXString s);
const char *file_name(struct parser *p, CXFile f);
const char *doc_of(struct parser *p, CXCursor cur);

/* ---- parse.c ---- */
struct item *cursor_map_get(struct parser *p, CXCursor k);
struct item *new_item(struct parser *p, enum item_kind kind, CXCursor cur);
enum CXChildVisitResult scan_attr(CXCursor c, CXCursor parent, CXClientData d);
bool cursor_noreturn(CXCursor cur);
struct item *record_item(struct parser *p, CXCursor cur, struct item *parent);
struct item *enum_item(struct parser *p, CXCursor cur, struct item *parent);
struct item *typedef_item(struct parser *p, CXCursor cur);
bool wrapper_types(struct item *it, CXType ft);
/* A type's C spelling for a wrapper, or NULL (anonymous types). */
const char *wrapper_spelling(CXType t);
void skip_function(struct parser *p, const char *name, const char *why);

/* ---- parse_wrap.c ---- */
/* The name a prototype whose macro this configuration lacks is checked
 * under (a declaration nobody wraps). */
#define WRAP_CHECK_PREFIX "__h2rs_check_"
/* The name a prototype line is declared under (in the #ifdef NAME branch). */
#define WRAP_EXPR_PREFIX "__h2rs_expr_"
/* The name a --const-list constant is declared under. */
#define WRAP_CONST_PREFIX "__h2rs_const_"
/* The macro that says a --wrap-list #if condition holds (__h2rs_live_N). */
#define WRAP_LIVE_PREFIX "__h2rs_live_"
/* The unit's source: the header, a marker for each #if condition that
 * holds, then each prototype (fills p->wrapped, p->wrap_exprs and
 * p->wrap_cond). */
void wrap_macro_source(struct parser *p, struct buf *b);
/* Whether a macro of the unit is a condition's marker (recorded if so). */
bool wrap_live_marker(struct parser *p, const char *name);
/* Whether a listed name or prototype's name is under an #if section whose
 * condition does not hold here (the condition if so, else NULL). */
const char *wrap_dead(const struct parser *p, const char *name);
void check_wrap_list(struct parser *p);
/* After the macros: --const-list constants replace their macros. */
void check_const_list(struct ctx *c);

/* ---- parse_fwd.c ---- */
/* One function-like macro, as noted by the macro walk. */
struct fwd_macro {
	char *name;       /* the macro */
	CXCursor cur;     /* its definition (valid while the unit is) */
	int64_t order;    /* its position among the top-level cursors */
	int nparams;      /* its parameters */
	char **params;    /* their names */
	int ntoks;        /* body tokens, comments left out */
	char **toks;      /* their spellings */
	bool variadic;    /* ends with ... */
};

void fwd_note_macro(struct parser *p, CXCursor cur, int64_t order);
/* parse_macro.c, after the macro walk: every macro that expands to '::'
 * (libclang 19 never returns from '(::') is kept out of every unit. */
void macro_colon_closure(struct parser *p, CXCursor top);
void fwd_note_function(struct parser *p, const char *name, CXCursor cur);
/* After the walk: forwarding macros become functions (or are told about). */
void fwd_infer(struct parser *p);

/* ---- parse_constfn.c ---- */
/* --wrap-fn-macros: the macros of v (n of them, not forwarding: why[i]
 * says why) that clang types as integer expressions of int parameters
 * become Rust const fns; the others are skipped with their reason. */
void constfn_infer(struct parser *p, struct fwd_macro **v, const char **why, int n);

/* ---- parse_annot.c ---- */
const struct annot *annot_of(CXCursor cur);
const struct annot *typedef_annot(CXCursor cur);
const char *typedef_doc(struct parser *p, CXCursor cur);

/* ---- parse_type.c ---- */
struct type *prim_type(const char *name, bool ctype, CXType t);
struct type *item_type(struct item *it);
struct type *conv_type(struct parser *p, CXType t, CXCursor names);
struct type *macro_value_type(const struct strmap *typedefs, const void *cxtype);
void read_function(struct parser *p, CXCursor cur);
void read_var(struct parser *p, CXCursor cur);

/* ---- parse_macro.c ---- */
void read_macro(struct parser *p, CXCursor cur);
void note_fallback_macro(struct parser *p, CXCursor cur);

#endif
