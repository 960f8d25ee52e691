# h2rs — C headers in, bindgen-shaped Rust FFI bindings out.
# Needs only cc, make and a libclang-dev (14..19).

PREFIX  ?= /usr/local
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter
STD     := -std=gnu11

# Pick the newest libclang we can find (19 down to 14); LLVM_CONFIG= or
# LLVM_DIR= override.
ifdef LLVM_CONFIG
LLVM_INC := $(shell $(LLVM_CONFIG) --includedir)
LLVM_LIB := $(shell $(LLVM_CONFIG) --libdir)
else
LLVM_DIR ?= $(firstword $(foreach v,19 18 17 16 15 14,$(if $(wildcard /usr/lib/llvm-$(v)/include/clang-c/Index.h),/usr/lib/llvm-$(v))))
LLVM_INC := $(LLVM_DIR)/include
LLVM_LIB := $(LLVM_DIR)/lib
endif

CPPFLAGS += -I$(LLVM_INC) -D_GNU_SOURCE
LDFLAGS  += -L$(LLVM_LIB) -Wl,-rpath,$(LLVM_LIB)
LDLIBS   += -lclang -lpthread

SRCS := $(wildcard src/*.c)
OBJS := $(SRCS:src/%.c=build/%.o)
ASAN_OBJS := $(SRCS:src/%.c=build/asan/%.o)
SAN  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

all: h2rs

check-libclang:
	@test -f "$(LLVM_INC)/clang-c/Index.h" || { echo "h2rs: error: no libclang-dev found (install libclang-19-dev or libclang-14-dev, or set LLVM_CONFIG=)" >&2; exit 1; }

h2rs: check-libclang $(OBJS)
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDFLAGS) $(LDLIBS)

h2rs-asan: check-libclang $(ASAN_OBJS)
	$(CC) $(CFLAGS) $(SAN) -o $@ $(ASAN_OBJS) $(LDFLAGS) $(LDLIBS)

build/%.o: src/%.c src/h2rs.h | build
	$(CC) $(STD) $(WARN) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c src/h2rs.h | build/asan
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SAN) $(CPPFLAGS) -c -o $@ $<

build build/asan:
	mkdir -p $@

install: h2rs
	install -D -m 755 h2rs $(DESTDIR)$(PREFIX)/bin/h2rs

# Installs missing build/test packages (apt-get, as root) on Debian 12.
deps:
	@scripts/deps.sh

# The bundled example: a small C library, its bindings, a Rust program.
# (A sub-make after deps, so a freshly installed libclang is found.)
demo: deps
	$(MAKE) h2rs
	$(MAKE) -C examples/demo H2RS=$(CURDIR)/h2rs

# The test suite runs the sanitized binary (ASan + UBSan).
test: deps
	$(MAKE) h2rs h2rs-asan
	H2RS=$(CURDIR)/h2rs-asan H2RS_FAST=$(CURDIR)/h2rs tests/run.sh

# Random records against gcc (tests/gen/recgen.c): N on x86-64 and N with
# -m32 (make test runs 600 and 300).
N ?= 10000
test-records: h2rs h2rs-asan
	RECORDS=$(N) RECORDS32=$(N) H2RS=$(CURDIR)/h2rs-asan H2RS_FAST=$(CURDIR)/h2rs \
		tests/run.sh t86-random-records.sh

bench: h2rs
	bench/bench.sh

test-doctor: h2rs
	tests/doctor/run.sh

# Linux 6.12 and 7.2 built with h2rs as BINDGEN, booted in QEMU: x86_64
# with GCC and LLVM=-19, 7.2 on arm64 and riscv64 with LLVM (CI runs this).
test-kernel: h2rs
	tests/kernel/run.sh ci

# The rest of 7.2's Rust architectures (arm, loongarch, um, s390), the GCC
# cross builds, 6.12 with LLVM, and x86_64 with the kernel crate's KUnit
# doctests.
test-kernel-all: h2rs
	tests/kernel/run.sh all

clean:
	rm -rf build h2rs h2rs-asan tests/out

.PHONY: all check-libclang deps install demo test test-records bench test-doctor test-kernel test-kernel-all clean
