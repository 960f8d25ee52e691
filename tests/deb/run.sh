#!/usr/bin/env bash
# make test-deb: the Debian package from debian/, built with
# `dpkg-buildpackage -us -uc -b` in a copy of the tree (under tests/out/deb,
# so the .deb lands there), checked by lintian (errors must be zero),
# installed with apt-get, run (h2rs --version, the bindgen link, man -w, the
# demo built against /usr/bin/h2rs), then purged. Needs root; installs its
# tools with scripts/deb-deps.sh. Ends with "N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-$root/tests/out}/deb
passed=0
failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }
indent() { sed 's/^/    /' | tail -n "${1:-25}"; }
finish() { echo "deb: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
start=$(date +%s)

if [ "$(id -u)" != 0 ]; then
	not_ok "make test-deb runs as root (it installs and purges the package)"
	finish
fi
if dpkg -s h2rs 2>/dev/null | grep -q '^Status: install ok installed'; then
	not_ok "no h2rs package is installed before the test (found one; not touching it)"
	finish
fi
"$root/scripts/deb-deps.sh" || { not_ok "scripts/deb-deps.sh installs the package tools"; finish; }
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"

rm -rf "$out"
src="$out/h2rs-0.1.0"
mkdir -p "$src"
# The tree without build products (what a source package would hold).
tar -C "$root" --exclude=./.git --exclude=./build --exclude=./tests/out --exclude=./h2rs \
	--exclude=./h2rs-asan --exclude='./examples/*/build' --exclude=./examples/demo/bindings.rs \
	--exclude='*/target' -cf - . | tar -C "$src" -xf -

if (cd "$src" && nice dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1; then
	ok "dpkg-buildpackage -us -uc -b builds the package"
else
	not_ok "dpkg-buildpackage -us -uc -b builds the package"
	indent 40 <"$out/build.log"
	finish
fi
deb=$(ls "$out"/h2rs_*.deb | head -n1)
changes=$(ls "$out"/h2rs_*.changes | head -n1)
lintian --no-cfg "$changes" >"$out/lintian.log" 2>&1
errors=$(grep -c '^E: ' "$out/lintian.log")
warnings=$(grep -c '^W: ' "$out/lintian.log")
if [ "$errors" -eq 0 ]; then
	ok "lintian: 0 errors ($warnings warnings)"
else
	not_ok "lintian: $errors errors"
fi
indent <"$out/lintian.log"
# The same lintian run sees a broken copy of the package (no copyright file).
bad="$out/bad"
dpkg-deb -R "$deb" "$bad" && rm "$bad/usr/share/doc/h2rs/copyright" &&
	dpkg-deb -b "$bad" "$out/bad.deb" >/dev/null
if lintian --no-cfg "$out/bad.deb" 2>&1 | grep -q '^E: h2rs: no-copyright-file'; then
	ok "lintian reports the error of a broken copy (no copyright file)"
else
	not_ok "lintian reports the error of a broken copy (no copyright file)"
fi
rm -rf "$bad" "$out/bad.deb"
deps=$(dpkg-deb -f "$deb" Depends)
if grep -Eq 'libclang1-[0-9]+ \(>= ' <<<"$deps" && grep -Eq 'libclang-common-[0-9]+-dev' <<<"$deps"; then
	ok "Depends names the libclang it was built against: $deps"
else
	not_ok "Depends names the libclang it was built against: $deps"
fi

if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$out/install.log" 2>&1; then
	ok "apt-get installs $(basename "$deb")"
else
	not_ok "apt-get installs $(basename "$deb")"
	indent <"$out/install.log"
	finish
fi
v=$(/usr/bin/h2rs --version 2>&1)
b=$(/usr/libexec/h2rs/bindgen --version 2>&1)
if [[ $v == "h2rs "* ]] && [ "$b" = "bindgen 0.72.1" ]; then
	ok "installed: h2rs --version ($v); /usr/libexec/h2rs/bindgen --version ($b)"
else
	not_ok "installed: h2rs --version, /usr/libexec/h2rs/bindgen --version"
	printf '%s\n%s\n' "$v" "$b" | indent
fi
if [ "$(man -w h2rs 2>&1)" = /usr/share/man/man1/h2rs.1.gz ] && man -w h2rs-doctor >/dev/null 2>&1; then
	ok "man h2rs and man h2rs-doctor find the installed pages"
else
	not_ok "man h2rs and man h2rs-doctor find the installed pages ($(man -w h2rs 2>&1))"
fi
demo="$out/demo"
cp -r "$root/examples/demo" "$demo"
rm -rf "$demo/build" "$demo/bindings.rs"
if make -C "$demo" H2RS=/usr/bin/h2rs >"$out/demo.log" 2>&1 && grep -q '/usr/bin/h2rs shapes.h' "$out/demo.log"; then
	ok "the demo runs against the installed /usr/bin/h2rs"
else
	not_ok "the demo runs against the installed /usr/bin/h2rs"
	indent <"$out/demo.log"
fi
if DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq h2rs >"$out/purge.log" 2>&1 &&
	[ ! -e /usr/bin/h2rs ] && [ ! -e /usr/libexec/h2rs ] && ! dpkg -s h2rs >/dev/null 2>&1; then
	ok "apt-get purge h2rs removes it (no /usr/bin/h2rs, no /usr/libexec/h2rs)"
else
	not_ok "apt-get purge h2rs removes it"
	indent <"$out/purge.log"
fi
echo "deb: took $(( $(date +%s) - start ))s"
finish
