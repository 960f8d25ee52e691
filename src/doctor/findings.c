/* findings.c — the report's data, which every check adds to: findings,
 * their fixes, and the names of the variables a user can set. doctor.c
 * prints them; the checks (tree.c, toolchain.c, checks.c) only add. */
#include "internal.h"

#include <stdarg.h>

const char *const var_names[NVAR] = {"CC", "LLVM", "RUSTC", "BINDGEN", "HOSTCC", "CROSS_COMPILE",
				     "RUST_LIB_SRC"};

/* Add one finding to the report; its text is formatted as printf. */
struct finding *finding_add(struct doctor *d, const char *section, enum status st,
			    const char *check, const char *fmt, ...)
{
	struct finding *f = xcalloc(1, sizeof(*f));
	va_list ap;

	f->section = section;
	f->st = st;
	f->check = check;
	va_start(ap, fmt);
	f->text = xvstrfmt(fmt, ap);
	va_end(ap);
	vec_push(&d->findings, f);
	return f;
}

void finding_fix(struct finding *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vec_push(&f->fixes, xvstrfmt(fmt, ap));
	va_end(ap);
}

