H/* functions, variadic, noreturn, must_use, function pointers */
#include <stddef.h>
struct point { int x, y; };
int add(int a, int b);
int sum_all(int count, ...);
void takes_array(int values[4], const char names[]);
_Noreturn void die(int code);
void fatal(const char *msg) __attribute__((noreturn));
__attribute__((warn_unused_result)) int must_check(void);
typedef int (*binop_t)(int lhs, int rhs);
int apply(binop_t op, int a, int b);
void register_cb(void (*cb)(void *ctx, int event), void *ctx);
struct point make_point(int x, int y);
size_t count(const struct point *pts, size_t n);
int no_proto();
extern int global_counter;
extern const int global_limit;
extern struct point origin;
extern int table[];
const int five = 5;
const unsigned long big = 0xffffffffffUL;
const double pi = 3.25;
const _Bool yes = 1;
static inline int not_a_symbol(int a) { return a; }
