H/* object-like macros of every kind */
#include <stdint.h>
#include <sys/ioctl.h>
typedef unsigned int gfp_t;
enum { BIT_IO = 6, BIT_FS = 7 };
struct point { int x, y; };
#define BIT(n) (1UL << (n))
#define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (63 - (h))))
#define M_DEC 42
#define M_HEX 0x1F
#define M_OCT 0755
#define M_NEG -7
#define M_ARITH ((M_DEC * 2 + M_HEX) << 2)
#define M_BIG 0xFFFFFFFFFFULL
#define M_UMAX 0xFFFFFFFFFFFFFFFFULL
#define M_SUFFIX 5UL
#define M_CHAR 'x'
#define M_FLOAT 1.5
#define M_FLOATF 2.25f
#define M_STR "hello"
#define M_JOINED "con" "cat"
#define M_CAST ((gfp_t)0x400)
#define M_GFP ((gfp_t)BIT(BIT_IO) | (gfp_t)BIT(BIT_FS))
#define M_SIZEOF sizeof(struct point)
#define M_ALIGNOF _Alignof(double)
#define M_OFFSETOF __builtin_offsetof(struct point, y)
#define M_ENUM BIT_FS
#define M_IOR _IOR('h', 1, int)
#define M_U32C UINT32_C(7)
#define M_GENMASK GENMASK(7, 4)
#define M_INT32MIN INT32_MIN
#define M_NOT_CONST some_function()
#define M_STMT do { } while (0)
int some_function(void);
