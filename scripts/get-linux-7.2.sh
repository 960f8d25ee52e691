#!/usr/bin/env bash
# Unpack Linux 7.2's source (Debian unstable's linux-source-7.2, an
# all-architecture package holding only the tarball) into DIR, downloading it
# without adding unstable to the system: a private sources list for suite sid
# built from the URI and keyring of the system's own Debian source, private
# package lists, and `apt-get download` (nothing from unstable is installed).
# The .deb is cached in CACHE (default: DIR/..).  Prints the tree's path.
#   usage: scripts/get-linux-7.2.sh DIR [CACHE]
set -euo pipefail
dest=${1:?usage: get-linux-7.2.sh DIR [CACHE]}
cache=${2:-$(dirname "$dest")}
mkdir -p "$dest" "$cache"
dest=$(cd "$dest" && pwd)
cache=$(cd "$cache" && pwd)
tree=$dest/linux-source-7.2
if [ -f "$tree/Makefile" ]; then echo "$tree"; exit 0; fi

deb=$(ls "$cache"/linux-source-7.2_*_all.deb 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$deb" ]; then
	# the first deb822 stanza of the system's Debian source (or a one-line
	# sources.list entry): its URI and its keyring
	uri="" key=""
	if [ -f /etc/apt/sources.list.d/debian.sources ]; then
		uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
		key=$(awk '/^Signed-By:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
	fi
	if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
		uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
	fi
	[ -n "$uri" ] || { echo "get-linux-7.2: no Debian source URI found in /etc/apt" >&2; exit 1; }
	[ -n "$key" ] || key=/usr/share/keyrings/debian-archive-keyring.gpg
	st=$cache/apt-sid
	mkdir -p "$st/lists/partial" "$st/archives/partial"
	echo "deb [signed-by=$key] $uri sid main" >"$st/sources.list"
	opts=(-o "Dir::Etc::sourcelist=$st/sources.list" -o Dir::Etc::sourceparts=-
		-o "Dir::State::Lists=$st/lists" -o "Dir::Cache::archives=$st/archives"
		-o APT::Get::List-Cleanup=0)
	echo "get-linux-7.2: downloading linux-source-7.2 from sid (package lists only, nothing installed)" >&2
	apt-get -qq "${opts[@]}" update >&2
	(cd "$cache" && apt-get -qq "${opts[@]}" download linux-source-7.2 >&2)
	deb=$(ls "$cache"/linux-source-7.2_*_all.deb | sort -V | tail -n1)
fi
x=$cache/linux-source-7.2.deb.d
rm -rf "$x"
dpkg -x "$deb" "$x"
tar -C "$dest" -xf "$x"/usr/src/linux-source-7.2.tar.xz
rm -rf "$x"
[ -f "$tree/Makefile" ] || { echo "get-linux-7.2: $deb did not unpack to $tree" >&2; exit 1; }
echo "$tree"
