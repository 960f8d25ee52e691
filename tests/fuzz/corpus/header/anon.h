H/* anonymous members, nested several levels, and nested named records */
struct anon_deep {
	int kind;
	union {
		struct { unsigned char a, b; };
		struct {
			union { short s; unsigned short us; };
			struct { char c1; long l1; };
		};
		double d;
	};
	struct { int z; } named_a, named_b;
	struct node { struct node *next; int v; } head;
	union { int i; } arr_of_anon[3];
};
union anon_in_union {
	struct { int x, y; };
	struct { long long wide; };
	char bytes[16];
};
typedef struct {
	struct { int p; } first;
	union { float f; int i; };
} typedef_anon_t;
struct two_anon_unions {
	union { int a1; float a2; };
	union { long b1; double b2; };
	struct { char c1; };
};
struct ptr_to_anon { struct { int q; } *p; };
