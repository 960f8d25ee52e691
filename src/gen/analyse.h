/*
 * analyse.h — what analyse.c (names, allow/block lists, annotations) and
 * derive.c (derives, bindgen's rules) share, grouped by the file that owns it.
 */
#ifndef H2RS_ANALYSE_H
#define H2RS_ANALYSE_H

#include "h2rs.h"

/* bindgen's CanDerive (ir/derive.rs) for every trait at once: the traits
 * that can be derived (Yes) and those that cannot but may be implemented by
 * hand (Manually); a trait in neither is No. */
struct can {
	unsigned yes;    /* DERIVE_* bits: CanDerive::Yes */
	unsigned manual; /* DERIVE_* bits: CanDerive::Manually */
};

/* ---- derive.c ---- */
struct can item_derive(struct ctx *c, struct item *it);
void function_options(struct ctx *c, struct item *it);
void warn_opaque_fn(struct ctx *c, const struct item *it);

#endif
