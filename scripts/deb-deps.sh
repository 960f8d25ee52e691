#!/bin/sh
# What `make test-deb` needs on Debian 12, installed when missing (as root):
# the package tools and the source package's Build-Depends.
set -u
missing=""
command -v dpkg-buildpackage >/dev/null 2>&1 || missing="$missing dpkg-dev"
command -v dh >/dev/null 2>&1 || missing="$missing debhelper"
command -v lintian >/dev/null 2>&1 || missing="$missing lintian"
command -v fakeroot >/dev/null 2>&1 || missing="$missing fakeroot"
dpkg -s libclang-dev >/dev/null 2>&1 || missing="$missing libclang-dev"
command -v gcc >/dev/null 2>&1 || missing="$missing gcc"
command -v make >/dev/null 2>&1 || missing="$missing make"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "h2rs: missing packages:$missing (run as root, or: apt-get install$missing)" >&2
	exit 1
fi
echo "h2rs: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
