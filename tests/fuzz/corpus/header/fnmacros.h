H#define F(x) ((x) << 2)
int g(int);
#define G(a) g((a))
#define S(x) #x
#define R(x) R(x)
