/*
 * h2rs.h — the generator's phases: the functions each file gives the
 * others, grouped by the file that owns them. The types they pass are in
 * options.h (the command line) and ir.h (the IR and the run's context).
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
#include "options.h"
#include "ir.h"

/* ---- report.c: what a run reports besides its outputs ---- */
void skip_push(struct skips *s, const char *name, const char *why);

struct options;
double now_seconds(void);
/* With --time-phases, print the time since *t under name; reset *t. */
void phase(const struct options *o, const char *name, double *t);

/* ---- parse_fwd.c ---- */
/* A forwarding macro's wrapper prototype, as --wrap-macro would take it. */
char *fwd_prototype(const struct item *it);

/* ---- parse.c ---- */
void parse_header(struct ctx *c);

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
/* --opaque-type or an opaque annotation (bindgen's Item::is_opaque). */
bool user_opaque(const struct options *o, const struct item *it);
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


/* ---- emit_c.c ---- */
/* The C wrappers' text into b; their path, or NULL if none are asked for. */
const char *emit_wrappers(struct ctx *c, struct buf *b);
const char *wrapper_name(const struct ctx *c, const struct item *it);

/* ---- probe.c ---- */
/* --layout-probe PREFIX: the probe's C and Rust text, and their paths. */
void emit_layout_probe(struct ctx *c, struct buf *cf, struct buf *rf, char **cpath,
		       char **rpath);
void check_layout_with(struct ctx *c, const char *cc);

/* ---- stats.c ---- */
void stats_report(const struct ctx *c); /* --stats: the figures table, on stderr */

/* ---- report.c ---- */
/* --verbose: every skipped declaration with its reason (and the macro
 * statistics); otherwise one note counting them. */
void report_skipped(struct ctx *c);

/* ---- output.c: every file a run writes, in one order ---- */
/* One file to write: its text in parts, written one after the other. */
struct output {
	const char *what;  /* for the error: "cannot write WHAT 'PATH'" */
	const char *path;  /* NULL: standard output */
	struct buf *parts; /* the text */
	int nparts;        /* parts in it */
	bool make_dirs;    /* make the directories above path first */
};
#define OUTPUTS_MAX 8
struct outputs {
	struct output v[OUTPUTS_MAX]; /* in the order they are written */
	int n;                        /* entries in use */
};
/* Add a file to write after those already added. */
struct output *output_add(struct outputs *o, const char *what, const char *path,
			  struct buf *parts, int n);
/* Write them all, in order; the first failure is an error (exit 1). */
void output_write_all(const struct outputs *o);

/* ---- gen.c: the generator's driver ---- */
void explain(struct ctx *c, const char *name);
/* The generator: bindgen's command line in argv; the exit status. */
int gen_main(int argc, char **argv);

#endif
