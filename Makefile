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

# src/main.c dispatches; src/gen/ is the generator, src/doctor/ `h2rs
# doctor`, src/util/ what both share. -MMD: each object's header
# dependencies, in build/**.d.
SRCS := $(wildcard src/*.c src/util/*.c src/gen/*.c src/doctor/*.c)
# Files the program carries as data, each a real file in the tree
# (scripts/embed.sh turns FILE into build/embed/NAME.c defining NAME[]).
EMBEDS := doctor_kconfig_dump_c:src/doctor/embed/kconfig_dump.c \
	  doctor_mk:src/doctor/embed/doctor.mk \
	  gen_usage:src/gen/usage.txt \
	  $(foreach f,bitfield_unit opaque_array incomplete_array union_field complex float16,\
		rs_$(f):src/gen/rs/$(f).rs)
EMBED_NAMES := $(foreach e,$(EMBEDS),$(firstword $(subst :, ,$(e))))
OBJS := $(SRCS:src/%.c=build/%.o) $(EMBED_NAMES:%=build/embed/%.o)
ASAN_OBJS := $(SRCS:src/%.c=build/asan/%.o) $(EMBED_NAMES:%=build/embed/%.o)
SAN  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CPPFLAGS += -Isrc
DEPFLAGS := -MMD -MP

all: h2rs

check-libclang:
	@test -f "$(LLVM_INC)/clang-c/Index.h" || { echo "h2rs: error: no libclang-dev found (install libclang-19-dev or libclang-14-dev, or set LLVM_CONFIG=)" >&2; exit 1; }

h2rs: check-libclang $(OBJS)
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDFLAGS) $(LDLIBS)

h2rs-asan: check-libclang $(ASAN_OBJS)
	$(CC) $(CFLAGS) $(SAN) -o $@ $(ASAN_OBJS) $(LDFLAGS) $(LDLIBS)

build/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEPFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SAN) $(CPPFLAGS) $(DEPFLAGS) -c -o $@ $<

# The C unit tests (tests/unit/unit.c): every object but main.o.
build/unit: tests/unit/unit.c $(filter-out build/main.o,$(OBJS))
	$(CC) $(STD) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

build/asan/unit: tests/unit/unit.c $(filter-out build/asan/main.o,$(ASAN_OBJS))
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SAN) $(CPPFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

embed_file = $(word 2,$(subst :, ,$(filter $(1):%,$(EMBEDS))))
.SECONDEXPANSION:
build/embed/%.c: $$(call embed_file,%) scripts/embed.sh
	@mkdir -p $(@D)
	scripts/embed.sh $* $< >$@.tmp && mv $@.tmp $@

build/embed/%.o: build/embed/%.c
	$(CC) $(STD) $(WARN) $(CFLAGS) -c -o $@ $<

-include $(SRCS:src/%.c=build/%.d) $(SRCS:src/%.c=build/asan/%.d) $(SRCS:src/%.c=build/fuzz/%.d)

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
	$(MAKE) h2rs h2rs-asan build/asan/unit fuzz-build
	H2RS=$(CURDIR)/h2rs-asan H2RS_FAST=$(CURDIR)/h2rs H2RS_UNIT=$(CURDIR)/build/asan/unit \
		tests/run.sh

# Identity check: h2rs at BASE (default main) and the current tree over the
# fixtures, the POSIX and uapi sets in every output mode, byte for byte.
BASE ?= main
check-identical:
	scripts/same-output.sh $(BASE)

# Random records against gcc (tests/gen/recgen.c): N on x86-64 and N with
# -m32 (make test runs 600 and 300).
N ?= 10000
test-records: h2rs h2rs-asan
	RECORDS=$(N) RECORDS32=$(N) H2RS=$(CURDIR)/h2rs-asan H2RS_FAST=$(CURDIR)/h2rs \
		tests/run.sh t86-random-records.sh

# csmith's random records against gcc (tests/csmith/run.sh): seeds
# 1..SEEDS (make test runs 50, tests/t87-csmith.sh).
SEEDS ?= 1000
test-csmith: deps
	$(MAKE) h2rs-asan
	SEEDS=$(SEEDS) JOBS=$(or $(JOBS),2) H2RS=$(CURDIR)/h2rs-asan OUT=$(CURDIR)/tests/out tests/csmith/run.sh

# libFuzzer targets (tests/fuzz/README): built with clang-19 and
# -fsanitize=fuzzer,address,undefined from every object but main.o and
# diag.o (tests/fuzz/diag_jmp.c replaces it); `make fuzz FUZZ_SECONDS=N`
# runs each for N seconds (default 60) over its corpus in tests/fuzz/corpus.
FUZZ_CC      ?= clang-19
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_TARGETS := options c_string header
FUZZ_SECONDS ?= 60
FUZZ_OBJS := $(filter-out build/fuzz/main.o build/fuzz/util/diag.o,$(SRCS:src/%.c=build/fuzz/%.o)) \
	$(EMBED_NAMES:%=build/embed/%.o) build/fuzz/diag_jmp.o

build/fuzz/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(STD) -Wall -Wextra -Wno-unused-parameter -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(CPPFLAGS) $(DEPFLAGS) -c -o $@ $<

build/fuzz/diag_jmp.o: tests/fuzz/diag_jmp.c tests/fuzz/fuzz.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(STD) -Wall -Wextra -O1 -g $(FUZZ_SAN) $(CPPFLAGS) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(STD) -Wall -Wextra -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer $(CPPFLAGS) -o $@ $< $(FUZZ_OBJS) $(LDFLAGS) -Wl,--wrap=regcomp $(LDLIBS)

# the objects are kept (they would be intermediates of fuzz_%)
.SECONDARY: $(FUZZ_OBJS)

fuzz-build: check-libclang $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

fuzz: deps
	$(MAKE) fuzz-build
	tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

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

.PHONY: all check-libclang check-identical deps install demo test test-records test-csmith fuzz fuzz-build bench test-doctor test-kernel test-kernel-all clean

# --- install, man pages, Debian package (issue 15) ---------------------------
# `make install PREFIX=/usr DESTDIR=/tmp/stage`: the program, a link named
# bindgen under libexec/h2rs/ (BINDGEN= and Meson can point there without
# shadowing a real bindgen on PATH), the man pages.
BINDIR     ?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec
MANDIR     ?= $(PREFIX)/share/man
MANPAGES   := doc/h2rs.1 doc/h2rs-doctor.1

install: h2rs
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBEXECDIR)/h2rs $(DESTDIR)$(MANDIR)/man1
	install -m 755 h2rs $(DESTDIR)$(BINDIR)/h2rs
	ln -sfr $(DESTDIR)$(BINDIR)/h2rs $(DESTDIR)$(LIBEXECDIR)/h2rs/bindgen
	install -m 644 $(MANPAGES) $(DESTDIR)$(MANDIR)/man1/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/h2rs $(DESTDIR)$(LIBEXECDIR)/h2rs/bindgen
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MANPAGES)))
	rmdir $(DESTDIR)$(LIBEXECDIR)/h2rs 2>/dev/null || true

# The Debian package: built with dpkg-buildpackage, checked by lintian,
# installed, run (h2rs --version, the demo), purged. Not part of `make test`.
test-deb:
	tests/deb/run.sh

.PHONY: install uninstall test-deb
