H/* object-like macros: edge values, escapes, chained and typed */
#include <stdbool.h>
#include <limits.h>
#define E_NEG1 (-1)
#define E_NOTU (~0U)
#define E_TERN (1 ? 2 : 3)
#define E_UCHAR ((unsigned char)300)
#define E_SCHAR ((signed char)-1)
#define E_SHIFT31 (1U << 31)
#define E_INTMIN (-2147483647 - 1)
#define E_LONG 10000000000
#define E_LLMAX 0x7FFFFFFFFFFFFFFFLL
#define E_LLMIN (-9223372036854775807LL - 1)
#define E_U32MAX 0xFFFFFFFF
#define E_CHARP ('x' + 1)
#define E_TRUE true
#define E_SIZEOF2 (sizeof(int) * 2)
#define E_CHAIN1 E_U32MAX
#define E_CHAIN2 (E_CHAIN1 - E_NEG1)
#define E_INTMAX INT_MAX
#define E_ULONGMAX ULONG_MAX
#define E_CHARBIT CHAR_BIT
#define E_DIV (7 / 2)
#define E_MOD (-7 % 3)
#define E_LOGIC (3 && 0 || 5)
#define E_CMP (3 > 2)
#define E_BITS (0xF0 ^ 0x3C | 0x100 & 0x1FF)
#define E_ESC_CHAR '\n'
#define E_HEX_CHAR '\xff'
#define E_DBL 1e10
#define E_HEXF 0x1p3
#define E_THIRD (1.0 / 3)
#define E_NEGF (-2.5f)
#define E_STR_ESC "a\x01\n\"q\\"
#define E_STR_EMPTY ""
#define E_STR_UTF8 "h\303\251"
