H/* Shapes from Linux 7.2 that bindgen 0.72.1's rules decide (t68). */
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
typedef unsigned long __kernel_size_t; /* blocklisted, as the kernel does */
typedef long __kernel_ssize_t;
struct iovec { void *iov_base; __kernel_size_t iov_len; };
struct iov_by_ptr { struct iovec *p; int x; };   /* a pointer is always Copy */
struct iov_by_arr { struct iovec v[2]; };        /* an array is not */
struct stdint_user { uint32_t a; size_t n; ssize_t s; ptrdiff_t d; intptr_t i; uintptr_t u; };
enum lru_status { LRU_REMOVED, LRU_ROTATE };
struct iov_iter {
	unsigned char iter_type;
	size_t iov_offset;
	union {
		struct iovec __ubuf_iovec;
		struct {
			union { const struct iovec *__iov; void *ubuf; };
			size_t count;
		};
	};
	union { unsigned long nr_segs; unsigned char folioq_slot; };
};
size_t iov_total(uint64_t n);
void iov_iter_init(struct iov_iter *i, size_t count);
#define GREETING "hi\n"
