#!/bin/sh
# examples/linux-7.2/mkpatch.sh TREE > PATCH: the change apply.sh makes to
# a pristine Linux 7.2 tree, as one git-format patch (for `patch -p1` or
# `git am`). The committed 0001-*.patch is this script's output on 7.2.13
# (tests/kernel/run.sh checks that it still is).
set -eu
src=${1:?usage: mkpatch.sh LINUX_7.2_TREE}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/a" "$tmp/b"
cp -a "$src/rust" "$tmp/a/rust"
cp -a "$src/rust" "$tmp/b/rust"
# apply.sh wants a tree: the Makefile is the only other file it reads
cp "$src/Makefile" "$tmp/b/Makefile"
mkdir -p "$tmp/b/rust/helpers"
"$here/apply.sh" "$tmp/b" >"$tmp/apply.log"
rm "$tmp/b/Makefile"
cat <<EOF
From: h2rs <h2rs@localhost>
Subject: [PATCH] rust: generate the helpers and the RUST_CONST_HELPER_ constants with h2rs

Delete the rust/helpers functions that h2rs can write and list them in
rust/helpers/helpers.list instead; at build time \$(BINDGEN), which must be
h2rs, writes rust/helpers_generated.c from the list with the kernel's own C
flags, and helpers.c includes it. The RUST_CONST_HELPER_ variables, their
sed and their --blocklist-item lines give way to rust/bindings/consts.list
(h2rs --const-list). Made by h2rs's examples/linux-7.2/mkpatch.sh:
$(sed 's/^apply.sh: //' "$tmp/apply.log").

---
EOF
cd "$tmp"
# git's own diff format (deleted files as such), paths a/rust and b/rust
git diff --no-index --no-color --src-prefix= --dst-prefix= a/rust b/rust || [ $? = 1 ]
echo "-- "
echo "h2rs"
