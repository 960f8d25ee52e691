/* emit_dyn.c — --dynamic-loading NAME: bindgen's dyngen (codegen/dyngen.rs
 * and its call sites in codegen/mod.rs). Functions and statics that would
 * be extern blocks are members of one struct NAME holding a
 * ::libloading::Library, loaded by NAME::new(path) / from_library(lib):
 * a function is a field Result<unsafe extern "ABI" fn(..), Error> (the bare
 * fn with --dynamic-link-require-all) and a method calling it (none for a
 * variadic function: its field is called directly); a static is a field
 * Result<*mut T, Error> (bare *mut T) and a method returning the pointer.
 * --wrap-unsafe-ops puts every unsafe call in an unsafe {} block.
 *
 * bindgen's text goes through rustfmt (default configuration); h2rs writes
 * it as rustfmt would. The functions below model the rustfmt rules these
 * shapes meet (types.rs format_function_type, expr.rs choose_rhs,
 * overflow.rs, chains.rs), with its "shapes": a block indent, the columns
 * already used after it, and the columns left. A text's first line carries
 * no indentation; its later lines carry their own. */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

#define W 100         /* rustfmt's max_width */
#define CHAIN_W 60    /* chain_width and fn_call_width (use_small_heuristics) */
#define STRUCT_LIT_W 18 /* struct_lit_width */
#define SHORT_ITEM 10 /* short_array_element_width_threshold */

struct shape {
	int indent; /* the block indent */
	int offset; /* columns used after it on the first line */
	int width;  /* columns left on the first line */
};

/* One library struct being written. */
struct dyn {
	struct emitter *e;    /* for emit_type (and the helper types it uses) */
	struct ctx *c;
	const char *std;      /* ::std or ::core (for Option) */
	bool req;             /* --dynamic-link-require-all */
	bool wrap;            /* --wrap-unsafe-ops */
	struct buf fields;    /* the struct's fields */
	struct buf inits;     /* from_library's let statements */
	struct buf methods;   /* the impl's methods */
	struct vec names;     /* the fields, in order (const char *) */
};

/* What a member's type is made of: a function pointer, a pointer to a
 * static's type, optionally inside Result<.., ::libloading::Error>. */
struct member_ty {
	const struct type *fn;  /* the function's type, or NULL */
	const char *abi;        /* its ABI */
	const struct type *var; /* the static's type (the member is *mut var) */
	bool result;            /* wrapped in Result<> */
};

static const char lib_error[] = "::libloading::Error";

/* ---- shapes and text ---- */

static struct shape indented(int indent)
{
	return (struct shape){indent, 0, W - indent};
}

/* The shape n columns further right, if there is room. */
static bool left(struct shape *s, int n)
{
	if (s->width < n)
		return false;
	s->width -= n;
	s->offset += n;
	return true;
}

static int first_len(const char *s)
{
	return (int)strcspn(s, "\n");
}

static int last_len(const char *s)
{
	const char *nl = strrchr(s, '\n');
	return (int)strlen(nl ? nl + 1 : s);
}

static int newlines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static bool multi(const char *s)
{
	return strchr(s, '\n') != NULL;
}


static void newline(struct buf *b, int indent)
{
	buf_putc(b, '\n');
	buf_indent(b, indent);
}

/* A type's one-line text. */
static void one_line(struct dyn *d, struct buf *b, const struct type *t)
{
	emit_type(d->e, b, t);
}

/* ---- types ---- */

static bool rw_fnptr(struct dyn *d, const char *abi, const struct type *f, struct shape s,
		     struct buf *out);

/* A type in shape s (rustfmt's Ty rewrite): a pointer is its prefix and
 * the pointee; Option<fn(..)> breaks inside the angle brackets; anything
 * else is one piece. False if it cannot fit. */
static bool rw_type(struct dyn *d, const struct type *t, struct shape s, struct buf *out)
{
	if (t->kind == TY_PTR && !t->odd_size && type_is_fn(t->sub))
		return rw_type(d, t->sub, s, out);
	if (t->kind == TY_PTR && !t->odd_size) {
		const char *pre = t->is_const ? "*const " : "*mut ";
		if (!left(&s, (int)strlen(pre)))
			return false;
		buf_puts(out, pre);
		return rw_type(d, t->sub, s, out);
	}
	struct buf one = {0};
	one_line(d, &one, t);
	bool ok = one.len <= (size_t)s.width;
	if (ok || t->kind != TY_FUNC) {
		buf_puts(out, buf_str(&one));
		buf_free(&one);
		return ok;
	}
	buf_free(&one);
	/* overflow.rs: the one argument on its own line, one level in */
	struct shape n = indented(s.indent + 4);
	n.width -= 1; /* "," */
	struct buf fn = {0};
	ok = rw_fnptr(d, "C", t, n, &fn);
	buf_printf(out, "%s::option::Option<", d->std);
	newline(out, n.indent);
	buf_printf(out, "%s,", buf_str(&fn));
	newline(out, s.indent);
	buf_putc(out, '>');
	buf_free(&fn);
	return ok;
}

/* "name: T" in shape s. */
static bool rw_param(struct dyn *d, const struct param *p, struct shape s, struct buf *out)
{
	buf_printf(out, "%s: ", p->name);
	return left(&s, (int)strlen(p->name) + 2) && rw_type(d, p->type, s, out);
}

/* " -> R" (or nothing) for function type f in shape s. */
static bool rw_output(struct dyn *d, const struct type *f, struct shape s, struct buf *out)
{
	if (f->noreturn) {
		buf_puts(out, " -> !");
		return s.width >= 1;
	}
	if (type_is_void(f->sub))
		return true;
	buf_puts(out, " -> ");
	return rw_type(d, f->sub, s, out);
}

/* The items of a parameter list, each in shape s; "..." last if variadic. */
static bool rw_params(struct dyn *d, const struct type *f, struct shape s, struct vec *items)
{
	bool ok = true;
	for (int i = 0; i < f->nparams; i++) {
		struct buf *p = xcalloc(1, sizeof *p);
		ok = rw_param(d, &f->params[i], s, p) && ok;
		vec_push(items, p);
	}
	if (f->variadic) {
		struct buf *p = xcalloc(1, sizeof *p);
		buf_puts(p, "...");
		vec_push(items, p);
	}
	return ok;
}

static void free_items(struct vec *items)
{
	for (int i = 0; i < items->n; i++) {
		buf_free(items->v[i]);
		free(items->v[i]);
	}
	free(items->v);
	*items = (struct vec){0};
}

/* Whether items fit on one line in width columns, ", " between them
 * (lists.rs definitive_tactic, HorizontalVertical). */
static bool horizontal(const struct vec *items, int width)
{
	int total = items->n ? 2 * (items->n - 1) : 0;
	for (int i = 0; i < items->n; i++) {
		const char *s = buf_str(items->v[i]);
		if (multi(s))
			return false;
		total += (int)strlen(s);
	}
	return total <= width;
}

/* unsafe extern "ABI" fn(..) -> R in shape s: types.rs rewrite_fn_ptr and
 * format_function_type. Parameters one per line, one level in, when they
 * do not fit; the return type then follows ")" if it fits, else it goes on
 * a line of its own. */
static bool rw_fnptr(struct dyn *d, const char *abi, const struct type *f, struct shape s,
		     struct buf *out)
{
	struct buf pre = {0}, ret = {0};
	buf_printf(&pre, "unsafe extern \"%s\" fn", abi);
	struct shape fs = s, ts;
	bool ok = left(&fs, (int)pre.len);
	ts = fs;
	ok = ok && left(&ts, 4) && rw_output(d, f, ts, &ret);
	struct shape ls = indented(s.indent + 4);
	struct vec items = {0};
	ok = rw_params(d, f, ls, &items) && ok;
	buf_puts(out, buf_str(&pre));
	bool horiz = !items.n || (!multi(buf_str(&ret)) &&
				  horizontal(&items, fs.width - 2 - (int)ret.len));
	struct buf args = {0};
	buf_putc(&args, '(');
	for (int i = 0; i < items.n; i++) {
		if (horiz) {
			buf_printf(&args, "%s%s", i ? ", " : "", buf_str(items.v[i]));
			continue;
		}
		newline(&args, ls.indent);
		buf_puts(&args, buf_str(items.v[i]));
		if (i + 1 < items.n || !f->variadic) /* no trailing comma after ... */
			buf_putc(&args, ',');
	}
	if (!horiz)
		newline(&args, s.indent);
	buf_putc(&args, ')');
	buf_puts(out, buf_str(&args));
	if (!ret.len || last_len(buf_str(&args)) + first_len(buf_str(&ret)) <= fs.width) {
		buf_puts(out, buf_str(&ret));
	} else {
		newline(out, ls.indent);
		buf_puts(out, buf_str(&ret) + 1);
	}
	free_items(&items);
	buf_free(&pre);
	buf_free(&ret);
	buf_free(&args);
	return ok;
}

static bool rw_inner(struct dyn *d, const struct member_ty *m, struct shape s, struct buf *out)
{
	if (m->fn)
		return rw_fnptr(d, m->abi, m->fn, s, out);
	return left(&s, 5) && (buf_puts(out, "*mut "), rw_type(d, m->var, s, out));
}

/* A member's type in shape s; Result<A, E> breaks with A and E one per
 * line, one level in (overflow.rs: neither can overflow). */
static bool rw_member(struct dyn *d, const struct member_ty *m, struct shape s, struct buf *out)
{
	if (!m->result)
		return rw_inner(d, m, s, out);
	struct buf a = {0};
	struct shape one = s;
	bool ok = left(&one, 7) && rw_inner(d, m, one, &a) && !multi(buf_str(&a)) &&
		  7 + (int)a.len + 2 + (int)strlen(lib_error) + 1 <= s.width;
	if (ok) {
		buf_printf(out, "Result<%s, %s>", buf_str(&a), lib_error);
		buf_free(&a);
		return true;
	}
	buf_reset(&a);
	struct shape n = indented(s.indent + 4);
	n.width -= 1;
	ok = rw_inner(d, m, n, &a);
	buf_puts(out, "Result<");
	newline(out, n.indent);
	buf_printf(out, "%s,", buf_str(&a));
	newline(out, n.indent);
	buf_printf(out, "%s,", lib_error);
	newline(out, s.indent);
	buf_putc(out, '>');
	buf_free(&a);
	return ok;
}

/* Whether a text put on the next line fits (utils.rs filtered_str_fits). */
static bool str_fits(const char *t, struct shape s)
{
	if (first_len(t) > s.width)
		return false;
	if (!multi(t))
		return true;
	for (const char *l = strchr(t, '\n') + 1;; l = strchr(l, '\n') + 1) {
		if (first_len(l) > W)
			return false;
		if (!strchr(l, '\n'))
			break;
	}
	return last_len(t) <= s.indent + s.offset + s.width;
}

/* expr.rs prefer_next_line. */
static bool prefer_next_line(const char *orig, const char *next)
{
	static const char opens[] = "({[";
	if (!multi(next) || newlines(orig) > newlines(next) + 1)
		return true;
	int fo = first_len(orig), fn = first_len(next);
	for (int k = 0; k < 3; k++)
		if (fo && orig[fo - 1] == opens[k] && !(fn && next[fn - 1] == opens[k]))
			return true;
	return false;
}

/* lead + " " + the member's type, or the type on the next line one level
 * in: expr.rs rewrite_assign_rhs and choose_rhs. s is the whole item's
 * shape (its width without the trailing comma). */
static void assign_member(struct dyn *d, struct buf *b, const char *lead,
			  const struct member_ty *m, struct shape s)
{
	struct buf orig = {0}, next = {0};
	struct shape os = s;
	if (!left(&os, (int)strlen(lead) + 1))
		os.width = 0;
	bool ook = rw_member(d, m, os, &orig);
	buf_puts(b, lead);
	if (ook && !multi(buf_str(&orig)) && (int)orig.len <= os.width) {
		buf_printf(b, " %s", buf_str(&orig));
		goto out;
	}
	struct shape ns = indented(s.indent + 4);
	ns.width -= W - (os.indent + os.offset + os.width); /* rhs_overhead */
	bool nok = rw_member(d, m, ns, &next);
	bool use_next = nok && (!ook || (str_fits(buf_str(&next), ns) &&
					 prefer_next_line(buf_str(&orig), buf_str(&next))));
	if (use_next) {
		newline(b, ns.indent);
		buf_puts(b, buf_str(&next));
	} else {
		buf_printf(b, " %s", buf_str(&orig)); /* as good as it gets */
	}
out:
	buf_free(&orig);
	buf_free(&next);
}

/* ---- the members ---- */

bool dyn_item(const struct ctx *c, const struct item *it)
{
	if (!c->opt->dynamic_library)
		return false;
	/* bindgen's Function codegen (every C function) and Var codegen (a
	 * variable without a constant value) */
	return it->kind == IT_FUNC || (it->kind == IT_VAR && !(it->has_value && it->is_const));
}

/* The symbol a member loads. Functions: --prefix-link-name's name (the
 * PrefixLinkNameCallback's link_name), else the C name; statics: the same,
 * since push_var takes Var codegen's symbol, which is the callback's name.
 * A wrapped function loads its wrapper: bindgen 0.72.1 loads the static
 * function's own name (which no library exports) and puts #[link_name] on
 * the method, where rustc ignores it with a warning. */
static const char *symbol(const struct dyn *d, const struct item *it)
{
	const struct options *o = d->c->opt;
	if (o->prefix_link_name && it->wrap != WRAP_MACRO)
		return xstrfmt("%s%s", o->prefix_link_name, it->cname);
	if (it->kind == IT_FUNC && it->wrap)
		return wrapper_name(d->c, it);
	return it->cname;
}

/* pub NAME: TYPE, */
static void push_field(struct dyn *d, const char *name, const struct member_ty *m)
{
	char *lead = xstrfmt("    pub %s:", name);
	struct shape s = indented(4);
	s.width -= 1; /* "," */
	struct buf line = {0};
	assign_member(d, &line, lead + 4, m, s);
	buf_printf(&d->fields, "    %s,\n", buf_str(&line));
	buf_free(&line);
	free(lead);
	vec_push(&d->names, (void *)name);
}

/* Call arguments after a callee whose last line is last (with its
 * indentation), at statement indent ind: overflow.rs. On one line if they
 * fit in fn_call_width and the line; else one level in, several to a line
 * when every one is short, one per line otherwise. multi_line: the callee
 * spans lines, which narrows what is left (rustfmt counts its indentation
 * twice) and can leave the one-line list on a line of its own. */
static void call_args(struct buf *b, const char *last, const char *const *args, int nargs,
		      int ind, bool multi_line)
{
	struct buf a = {0};
	bool short_items = true;
	for (int i = 0; i < nargs; i++) {
		buf_printf(&a, "%s%s", i ? ", " : "", args[i]);
		short_items = short_items && strlen(args[i]) <= SHORT_ITEM;
	}
	/* one argument: only the line limits it (overflow.rs) */
	int n = (int)a.len, l = (int)strlen(last), lim = nargs == 1 ? W : CHAIN_W;
	if (!multi_line && n <= lim && l + 2 + n <= W) {
		buf_printf(b, "(%s)", buf_str(&a));
		goto out;
	}
	if (multi_line && n <= lim && n <= (W - ind) - (l - ind + 2)) {
		if (n + 1 <= (W - ind) - l) {
			buf_printf(b, "(%s)", buf_str(&a));
		} else {
			buf_putc(b, '(');
			newline(b, ind + 4);
			buf_puts(b, buf_str(&a));
			newline(b, ind);
			buf_putc(b, ')');
		}
		goto out;
	}
	buf_putc(b, '(');
	int used = 0, width = W - (ind + 4) - 1; /* the nested shape keeps a column for "," */
	for (int i = 0; i < nargs; i++) {
		int k = (int)strlen(args[i]) + 1;
		if (!short_items || !used || used + 1 + k > width) {
			newline(b, ind + 4);
			used = 0;
		} else {
			buf_putc(b, ' ');
			used++;
		}
		buf_printf(b, "%s,", args[i]);
		used += k;
	}
	newline(b, ind);
	buf_putc(b, ')');
out:
	buf_free(&a);
}

/* ".get::<*mut T>(b"SYM\0")" (T only for a static) in shape s: chains.rs
 * rewrite_method_call: the type, then the argument as any call's. */
static void get_child(struct dyn *d, struct buf *b, const struct type *var, const char *arg,
		      struct shape s)
{
	struct buf callee = {0};
	buf_puts(&callee, ".get");
	if (var) {
		struct shape ts = s; /* the child's shape, not counting ".get::<" */
		buf_puts(&callee, "::<*mut ");
		if (!left(&ts, 5))
			ts.width = 0;
		rw_type(d, var, ts, &callee);
		buf_putc(&callee, '>');
	}
	buf_puts(b, buf_str(&callee));
	bool m = multi(buf_str(&callee));
	char *last = m ? xstrdup(strrchr(buf_str(&callee), '\n') + 1)
		       : xstrfmt("%*s%s", s.indent + s.offset, "", buf_str(&callee));
	call_args(b, last, &arg, 1, s.indent, m);
	free(last);
	buf_free(&callee);
}

static int lines(const char *s)
{
	return newlines(s) + 1;
}

/* "__library.get(..)" inside an unsafe block broken over lines, at
 * indent ind: chains.rs with one child, which stays on the parent's line
 * (breaking inside) unless it takes fewer lines on a line of its own. */
static void get_in_block(struct dyn *d, struct buf *b, const struct type *var, const char *arg,
			 int ind)
{
	struct buf rw = {0}, own = {0};
	buf_puts(&rw, "__library");
	get_child(d, &rw, var, arg, (struct shape){ind, 9, W - ind - 9});
	if (!multi(buf_str(&rw)) && ind + (int)rw.len <= W) {
		buf_puts(b, buf_str(&rw));
		goto out;
	}
	get_child(d, &own, var, arg, indented(ind + 4));
	bool could_fit = first_len(buf_str(&rw)) <= W - ind;
	if ((could_fit && lines(buf_str(&rw)) >= 5) ||
	    (could_fit && lines(buf_str(&own)) >= lines(buf_str(&rw)))) {
		buf_puts(b, buf_str(&rw));
	} else {
		buf_puts(b, "__library");
		newline(b, ind + 4);
		buf_puts(b, buf_str(&own));
	}
out:
	buf_free(&rw);
	buf_free(&own);
}

/* One let of from_library being written. */
struct init {
	const char *lead;     /* "let NAME = " */
	const char *arg;      /* b"SYM\0" */
	const struct type *var; /* a static's type (the turbofish is *mut var), or NULL */
	struct buf get;       /* __library.get::<T>(b"SYM\0") on one line */
	struct buf block;     /* unsafe { that } */
	const char *tail;     /* ".map(|sym| *sym)" and "?" with require-all */
	int x;                /* 1 with require-all: the try operator */
};

#define LET_INDENT 8

/* The let without unsafe blocks: one line if the chain fits chain_width
 * and the line; else the chain after "=" on the next line if that fits;
 * else one child per line. */
static void init_chain(struct dyn *d, struct buf *b, const struct init *in)
{
	const int I = LET_INDENT, lead_n = (int)strlen(in->lead), x = in->x;
	int chain = (int)in->get.len + (int)strlen(in->tail);
	if (chain + x <= CHAIN_W && I + lead_n + chain + 1 + 2 * x <= W) {
		buf_printf(b, "%s%s%s;\n", in->lead, buf_str(&in->get), in->tail);
	} else if (chain + x <= CHAIN_W && I + 4 + chain + 1 + 2 * x <= W) {
		buf_putn(b, in->lead, lead_n - 1);
		newline(b, I + 4);
		buf_printf(b, "%s%s;\n", buf_str(&in->get), in->tail);
	} else {
		buf_printf(b, "%s__library", in->lead);
		newline(b, I + 4);
		get_child(d, b, in->var, in->arg, indented(I + 4));
		newline(b, I + 4);
		buf_printf(b, "%s;\n", in->tail);
	}
}

/* The let with --wrap-unsafe-ops: unsafe { get }.map(..) on one line, or
 * on the next line; then broken after the block (on this line or the
 * next); else the block over three lines and .map(..) after its brace. */
static void init_block(struct dyn *d, struct buf *b, const struct init *in)
{
	const int I = LET_INDENT, lead_n = (int)strlen(in->lead), x = in->x;
	int u = (int)in->block.len, m = (int)strlen(in->tail);
	if (I + lead_n + u + m + 1 + 2 * x <= W) {
		buf_printf(b, "%s%s%s;\n", in->lead, buf_str(&in->block), in->tail);
	} else if (I + 4 + u + m + 1 + 2 * x <= W) {
		buf_putn(b, in->lead, lead_n - 1);
		newline(b, I + 4);
		buf_printf(b, "%s%s;\n", buf_str(&in->block), in->tail);
	} else if (I + lead_n + u < W) {
		buf_printf(b, "%s%s", in->lead, buf_str(&in->block));
		newline(b, I + 4);
		buf_printf(b, "%s;\n", in->tail);
	} else if (I + 4 + u < W) {
		buf_putn(b, in->lead, lead_n - 1);
		newline(b, I + 4);
		buf_puts(b, buf_str(&in->block));
		newline(b, I + 8);
		buf_printf(b, "%s;\n", in->tail);
	} else {
		buf_printf(b, "%sunsafe {", in->lead);
		newline(b, I + 4);
		get_in_block(d, b, in->var, in->arg, I + 4);
		newline(b, I);
		buf_putc(b, '}');
		newline(b, I);
		buf_printf(b, "%s;\n", in->tail);
	}
}

/* let NAME = __library.get(b"SYM\0").map(|sym| *sym)?; (dyngen.rs
 * push_func / push_var) as rustfmt breaks it at indent 8: chains.rs and
 * choose_rhs, measured against rustfmt 1.9, where the try operator counts
 * twice more against the line and once more against chain_width. */
static void push_init(struct dyn *d, const char *name, const char *sym, const struct type *var)
{
	struct buf *b = &d->inits;
	struct init in = {.var = var, .x = d->req};
	char *arg = xstrfmt("b\"%s\\0\"", sym), *lead = xstrfmt("let %s = ", name);
	char *tail = xstrfmt(".map(|sym| *sym)%s", d->req ? "?" : "");
	in.arg = arg;
	in.lead = lead;
	in.tail = tail;
	buf_puts(&in.get, "__library.get");
	if (var) {
		buf_puts(&in.get, "::<*mut ");
		one_line(d, &in.get, var);
		buf_putc(&in.get, '>');
	}
	buf_printf(&in.get, "(%s)", arg);
	buf_printf(&in.block, "unsafe { %s }", buf_str(&in.get));
	buf_indent(b, LET_INDENT);
	if (LET_INDENT + 8 + (int)strlen(arg) + 1 > W) /* rustfmt leaves such a line as it is */
		buf_printf(b, "%s%s%s;\n", lead, d->wrap ? buf_str(&in.block) : buf_str(&in.get), tail);
	else if (d->wrap)
		init_block(d, b, &in);
	else
		init_chain(d, b, &in);
	buf_free(&in.get);
	buf_free(&in.block);
	free(arg);
	free(lead);
	free(tail);
}

/* ---- the methods ---- */

/* The parameters' names, the arguments of a method's call. */
static const char **arg_names(const struct type *f)
{
	const char **v = xcalloc(f->nparams + 1, sizeof *v);
	for (int i = 0; i < f->nparams; i++)
		v[i] = f->params[i].name;
	return v;
}

/* The body of a function's method at indent ind: (self.f..)(args). */
static void fn_body(struct dyn *d, struct buf *b, const struct item *it, int ind)
{
	const char *expect = ".expect(\"Expected function, got error.\")";
	const char **args = arg_names(it->type);
	struct buf head = {0};
	if (d->req)
		buf_printf(&head, "(self.%s)", it->name);
	else
		buf_printf(&head, "self.%s.as_ref()%s", it->name, expect);
	buf_indent(b, ind);
	if (d->req || (head.len <= CHAIN_W && ind + (int)head.len + 2 <= W)) {
		if (!d->req) {
			buf_reset(&head);
			buf_printf(&head, "(self.%s.as_ref()%s)", it->name, expect);
		}
		buf_puts(b, buf_str(&head));
		char *last = xstrfmt("%*s%s", ind, "", buf_str(&head));
		call_args(b, last, args, it->type->nparams, ind, false);
		free(last);
	} else {
		buf_puts(b, "(self");
		newline(b, ind + 4);
		buf_printf(b, ".%s", it->name);
		newline(b, ind + 4);
		buf_puts(b, ".as_ref()");
		newline(b, ind + 4);
		buf_printf(b, "%s)", expect);
		char *last = xstrfmt("%*s%s)", ind + 4, "", expect);
		call_args(b, last, args, it->type->nparams, ind, true);
		free(last);
	}
	buf_putc(b, '\n');
	buf_free(&head);
	free(args);
}

/* A static's method body at indent 8: the pointer. */
static void var_body(struct dyn *d, struct buf *b, const struct item *it)
{
	const char *expect = ".expect(\"Expected variable, got error.\")";
	char *chain = xstrfmt("self.%s.as_ref()%s", it->name, expect);
	if (d->req)
		buf_printf(b, "        self.%s\n", it->name);
	else if (strlen(chain) <= CHAIN_W && 8 + 1 + strlen(chain) <= W)
		buf_printf(b, "        *%s\n", chain);
	else
		buf_printf(b, "        *self\n            .%s\n            .as_ref()\n            %s\n",
			   it->name, expect);
	free(chain);
}

/* A method's body wrapped in unsafe {} (--wrap-unsafe-ops): on one line
 * when the body is one line that fits, else the block over three. */
static void wrap_unsafe(struct buf *b, const struct buf *body)
{
	const char *s = buf_str(body);
	int n = (int)strlen(s);
	if (newlines(s) == 1 && 8 + 9 + (n - 13) + 2 <= W) {
		buf_printf(b, "        unsafe { %.*s }\n", n - 13, s + 12);
		return;
	}
	buf_puts(b, "        unsafe {\n");
	buf_puts(b, s);
	buf_puts(b, "        }\n");
}

/* "-> R" of a method in shape s (FnRetTy's rewrite: the type after "-> "). */
static bool ret_str(struct dyn *d, const struct type *f, const struct type *var, struct shape s,
		    struct buf *out)
{
	if (f && f->noreturn) {
		buf_puts(out, "-> !");
		return true;
	}
	if (f && type_is_void(f->sub))
		return true;
	buf_puts(out, var ? "-> *mut " : "-> ");
	return left(&s, var ? 8 : 3) && rw_type(d, var ? var : f->sub, s, out);
}

/* pub unsafe fn NAME(&self, params) -> R {: items.rs rewrite_fn_base. One
 * line if it fits; else one parameter per line, the return type after
 * ")" (laid out again there if it spans lines), and the brace on a line of
 * its own when " {" would pass the visitor's width (rewrite_fn_before_block). */
static void method_head(struct dyn *d, struct buf *b, const char *name, const struct type *f,
			const struct type *var)
{
	struct buf one = {0}, ret = {0};
	buf_printf(&one, "    pub unsafe fn %s(&self", name);
	for (int i = 0; f && i < f->nparams; i++) {
		buf_printf(&one, ", %s: ", f->params[i].name);
		one_line(d, &one, f->params[i].type);
	}
	buf_putc(&one, ')');
	ret_str(d, f, var, indented(4), &ret);
	if (!multi(buf_str(&ret)) && one.len + (ret.len ? 1 + ret.len : 0) + 2 <= W) {
		buf_printf(b, "%s%s%s {\n", buf_str(&one), ret.len ? " " : "", buf_str(&ret));
		goto out;
	}
	buf_printf(b, "    pub unsafe fn %s(\n        &self,\n", name);
	struct shape ps = indented(8);
	ps.width -= 1;
	for (int i = 0; f && i < f->nparams; i++) {
		struct buf p = {0};
		rw_param(d, &f->params[i], ps, &p);
		buf_printf(b, "        %s,\n", buf_str(&p));
		buf_free(&p);
	}
	if (multi(buf_str(&ret))) {
		buf_reset(&ret);
		ret_str(d, f, var, (struct shape){4, 6, W - 10}, &ret);
	}
	struct buf last = {0};
	buf_printf(&last, "    )%s%s", ret.len ? " " : "", buf_str(&ret));
	buf_puts(b, buf_str(&last));
	buf_puts(b, last_len(buf_str(&last)) + 2 > W - 4 ? "\n    {\n" : " {\n");
	buf_free(&last);
out:
	buf_free(&one);
	buf_free(&ret);
}

/* A function's field, its let in from_library and (not variadic) its
 * method: dyngen.rs push_func. */
static void push_func(struct dyn *d, const struct item *it)
{
	const char *abi = abi_override_for(d->c->opt, it->cname);
	struct member_ty m = {.fn = it->type, .abi = abi ? abi : "C", .result = !d->req};
	push_field(d, it->name, &m);
	push_init(d, it->name, symbol(d, it), NULL);
	if (it->type->variadic)
		return; /* the field is called directly */
	struct buf *b = &d->methods;
	if (fn_must_use(d->c, it))
		buf_puts(b, "    #[must_use]\n");
	emit_doc(d->c, b, 4, it->doc);
	method_head(d, b, it->name, it->type, NULL);
	struct buf body = {0};
	fn_body(d, &body, it, d->wrap ? 12 : 8);
	if (d->wrap)
		wrap_unsafe(b, &body);
	else
		buf_puts(b, buf_str(&body));
	buf_free(&body);
	buf_puts(b, "    }\n");
}

/* A static's field, let and method: dyngen.rs push_var (no attributes:
 * its doc comment and link name are not passed on). */
static void push_var(struct dyn *d, const struct item *it)
{
	struct member_ty m = {.var = it->type, .result = !d->req};
	push_field(d, it->name, &m);
	push_init(d, it->name, symbol(d, it), it->type);
	method_head(d, &d->methods, it->name, NULL, it->type);
	var_body(d, &d->methods, it);
	buf_puts(&d->methods, "    }\n");
}

/* ---- the struct ---- */

/* Ok(NAME { __library, a, b }) at indent 8, on one line when the fields
 * fit struct_lit_width; else one field per line. */
static void ok_literal(struct dyn *d, struct buf *b, const char *lib)
{
	int total = (int)strlen("__library");
	for (int i = 0; i < d->names.n; i++)
		total += 2 + (int)strlen(d->names.v[i]);
	int line = 8 + 3 + (int)strlen(lib) + 3 + total + 3;
	if (total <= STRUCT_LIT_W && line <= W) {
		buf_printf(b, "        Ok(%s { __library", lib);
		for (int i = 0; i < d->names.n; i++)
			buf_printf(b, ", %s", (const char *)d->names.v[i]);
		buf_puts(b, " })\n");
		return;
	}
	buf_printf(b, "        Ok(%s {\n            __library,\n", lib);
	for (int i = 0; i < d->names.n; i++)
		buf_printf(b, "            %s,\n", (const char *)d->names.v[i]);
	buf_puts(b, "        })\n");
}

/* dyngen.rs get_tokens: the struct, new, from_library, the methods. */
static void write_struct(struct dyn *d, struct buf *out)
{
	const char *lib = d->c->opt->dynamic_library;
	buf_printf(out, "pub struct %s {\n    __library: ::libloading::Library,\n%s}\n", lib,
		   buf_str(&d->fields));
	buf_printf(out, "impl %s {\n", lib);
	buf_puts(out, "    pub unsafe fn new<P>(path: P) -> Result<Self, ::libloading::Error>\n"
		      "    where\n        P: AsRef<::std::ffi::OsStr>,\n    {\n");
	if (d->wrap)
		buf_puts(out, "        let library = unsafe { ::libloading::Library::new(path) }?;\n"
			      "        unsafe { Self::from_library(library) }\n");
	else
		buf_puts(out, "        let library = ::libloading::Library::new(path)?;\n"
			      "        Self::from_library(library)\n");
	buf_puts(out, "    }\n"
		      "    pub unsafe fn from_library<L>(library: L) -> Result<Self, ::libloading::Error>\n"
		      "    where\n        L: Into<::libloading::Library>,\n    {\n"
		      "        let __library = library.into();\n");
	buf_puts(out, buf_str(&d->inits));
	ok_literal(d, out, lib);
	buf_printf(out, "    }\n%s}\n", buf_str(&d->methods));
}

void emit_dynamic(struct emitter *e, struct buf *out)
{
	struct ctx *c = e->c;
	struct dyn d = {.e = e, .c = c, .std = c->opt->use_core ? "::core" : "::std",
			.req = c->opt->dynamic_require_all, .wrap = c->opt->wrap_unsafe_ops};
	for (int i = 0; i < c->items.n; i++) {
		const struct item *it = c->items.v[i];
		if (!it->emit || !generated(c->opt, it) || !dyn_item(c, it))
			continue;
		if (it->kind == IT_FUNC)
			push_func(&d, it);
		else
			push_var(&d, it);
	}
	write_struct(&d, out);
	buf_free(&d.fields);
	buf_free(&d.inits);
	buf_free(&d.methods);
	free(d.names.v);
}
