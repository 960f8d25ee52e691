H/* enums in every style */
enum color { RED, GREEN = 5, BLUE };
enum sign { NEG = -2, ZERO = 0, POS = 2 };
enum flags { FLAG_A = 1, FLAG_B = 2, FLAG_C = 4 };
enum big { BIG_MAX = 0xffffffffu };
enum dup { DUP_A = 1, DUP_B = 1, DUP_C = 2 };
typedef enum { T_X, T_Y } tenum_t;
typedef enum named { N_A } named_t;
enum { ANON_ONE = 1, ANON_TWO };
enum __attribute__((packed)) small { S_A, S_B = 200 };
struct has_enum { enum color c; enum small s; };
