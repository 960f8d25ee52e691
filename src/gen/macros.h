/*
 * macros.h — what macros.c (macro evaluation) and macros_fallback.c
 * (--clang-macro-fallback) share, grouped by the file that owns it.
 */
#ifndef H2RS_MACROS_H
#define H2RS_MACROS_H

#include "h2rs.h"

#include <clang-c/Index.h>

/* What one evaluation unit produced, kept apart from the run until
 * macros_finish adds it (the unit may have been read on another thread). */
struct macro_out {
	struct vec items;     /* struct item *: the constants */
	struct skips skipped; /* macros that are not constants, and why */
	int not_const;        /* added to ctx.n_macro_not_const */
	int const_lost;       /* added to ctx.n_macro_const_lost */
	struct vec warnings;  /* char *: printed by the main thread, in order */
};

/* ---- macros.c ---- */
enum CXChildVisitResult macros_first_child(CXCursor c, CXCursor parent, CXClientData d);
void macros_push_int(struct macro_out *o, struct macro_def *m, uint64_t u);
void macros_eval_bindgen(const struct ctx *c, void *index, struct macro_out *out);
void macros_add_out(struct ctx *c, struct macro_out *o);

#endif
