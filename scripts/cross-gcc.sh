#!/bin/sh
# cross-gcc.sh TRIPLET DIR: Debian 12's cross gcc for TRIPLET, unpacked
# under DIR (downloaded with apt-get download and dpkg -x, never installed:
# an installed cross gcc conflicts with gcc-multilib, which make test's -m32
# tests need).  Prints the directory to put first on PATH; the cross
# binutils also need DIR/usr/lib/x86_64-linux-gnu on LD_LIBRARY_PATH (their
# libbfd is private to them).  Kernel builds need only the compiler, cpp,
# binutils and libgcc (the kernel is built -nostdinc, without a libc).
set -eu
t=$1 dir=$2
case $t in
aarch64-linux-gnu) a=arm64 ;;
arm-linux-gnueabi) a=armel ;;
s390x-linux-gnu) a=s390x ;;
riscv64-linux-gnu) a=riscv64 ;;
*) echo "cross-gcc: no Debian 12 cross gcc known for $t" >&2; exit 1 ;;
esac
root=$dir/$t
if [ ! -x "$root/usr/bin/$t-gcc" ]; then
	mkdir -p "$dir/debs-$t"
	pkgs="gcc-12-$t cpp-12-$t binutils-$t gcc-$t cpp-$t libgcc-12-dev-$a-cross"
	# shellcheck disable=SC2086
	( cd "$dir/debs-$t" && apt-get download -q $pkgs >/dev/null 2>&1 ) ||
		( apt-get update -qq && cd "$dir/debs-$t" && apt-get download -q $pkgs >/dev/null ) || {
		echo "cross-gcc: apt-get download of the $t cross gcc failed" >&2
		exit 1
	}
	rm -rf "$root.tmp"
	for f in "$dir/debs-$t"/*.deb; do dpkg -x "$f" "$root.tmp"; done
	rm -rf "$root" && mv "$root.tmp" "$root"
fi
echo "$root/usr/bin"
