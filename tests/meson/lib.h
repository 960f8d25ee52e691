/* A library header with a static inline function: it has no symbol, so
 * Rust calls it through the wrapper bindgen's --wrap-static-fns writes. */
#ifndef H2RS_MESON
#error "H2RS_MESON is defined by meson.build's c_args"
#endif
struct pair {
	int a;
	int b;
};
int lib_scale(int x);
static inline int pair_sum(const struct pair *p)
{
	return p->a + p->b + H2RS_MESON - 1;
}
