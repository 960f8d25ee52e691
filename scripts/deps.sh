#!/bin/sh
# Install what `make test` and `make demo` need on Debian 12, only if it is
# missing: a libclang development package (14..19), gcc, rustc, meson and
# ninja-build, and the headers of the real-world test sets. As root it runs
# apt-get; otherwise it says what to install and fails.
set -u
missing=""
have_libclang=no
for v in 19 18 17 16 15 14; do
	[ -f /usr/lib/llvm-$v/include/clang-c/Index.h ] && have_libclang=yes
done
[ -n "${LLVM_CONFIG:-}" ] && have_libclang=yes
[ "$have_libclang" = yes ] || missing="$missing libclang-19-dev"
command -v gcc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
[ -f /usr/include/zlib.h ] || missing="$missing zlib1g-dev"
[ -f /usr/include/sqlite3.h ] || missing="$missing libsqlite3-dev"
[ -x /usr/bin/time ] || missing="$missing time"
# headers of the further real-world sets (tests/t62-real-more.sh)
for pair in X11/Xlib.h:libx11-dev expat.h:libexpat1-dev bzlib.h:libbz2-dev \
	ncurses.h:libncurses-dev libelf.h:libelf-dev jpeglib.h:libjpeg-dev png.h:libpng-dev \
	libxml2/libxml/parser.h:libxml2-dev freetype2/ft2build.h:libfreetype-dev \
	gcrypt.h:libgcrypt20-dev gnutls/gnutls.h:libgnutls28-dev; do
	[ -f "/usr/include/${pair%%:*}" ] || missing="$missing ${pair#*:}"
done
# the -m32 test (tests/t66-m32.sh): gcc -m32, and Debian's rustc with the
# sources of its own core (built there for i686)
[ -x /usr/bin/rustc ] || missing="$missing rustc-web"
ls -d /usr/src/rustc-*/library/core >/dev/null 2>&1 || missing="$missing rust-web-src"
# (gcc-multilib also gives /usr/include/asm, which -m32 builds of the POSIX
# set need; installing a cross gcc removes it), and qemu-i386 to run the
# i386 layout probe where the kernel cannot run 32-bit programs (no
# IA32 emulation, as on some CI machines)
{ [ -f /usr/lib32/crt1.o ] && [ -e /usr/include/asm ]; } || missing="$missing gcc-multilib"
[ -x /usr/bin/qemu-i386 ] || missing="$missing qemu-user"
# the Meson project (tests/t92-meson.sh): rust.bindgen() with h2rs as bindgen
command -v meson >/dev/null 2>&1 || missing="$missing meson"
command -v ninja >/dev/null 2>&1 || missing="$missing ninja-build"
# cargo for rust/h2rs-build's test (tests/t98-cargo.sh): rustup's, or
# Debian's cargo-web (it goes with rustc-web; Debian 12's cargo is too old)
{ command -v cargo >/dev/null 2>&1 || [ -x "$HOME/.cargo/bin/cargo" ]; } || missing="$missing cargo-web"
# csmith, whose random programs' records tests/t87-csmith.sh (and make
# test-csmith) check against gcc
command -v csmith >/dev/null 2>&1 || missing="$missing csmith libcsmith-dev"
# the libFuzzer targets (tests/fuzz; tests/t88-fuzz-replay.sh replays their
# corpora): clang-19 and its sanitizer and fuzzer runtimes
command -v clang-19 >/dev/null 2>&1 || missing="$missing clang-19"
[ -f /usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.fuzzer-x86_64.a ] || missing="$missing libclang-rt-19-dev"
# the man pages' lint (tests/t96-man.sh)
command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
# man itself (man --warnings and man -w in tests/t96 and t97; groff with it)
command -v man >/dev/null 2>&1 || missing="$missing man-db"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "h2rs: missing packages:$missing (run as root, or: apt-get install$missing)" >&2
	exit 1
fi
echo "h2rs: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
