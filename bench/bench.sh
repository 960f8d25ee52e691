#!/usr/bin/env bash
# h2rs benchmark: wall time and peak memory, side by side in one run, of
#
#   clang-V -fsyntax-only   (V = the LLVM version h2rs's libclang comes from)
#   bench/api-floor.c       (built here against h2rs's libclang: the parse plus
#                            only the C API reads bindings need, no output;
#                            what h2rs would cost if its own work were free)
#   h2rs                    (default options, with --no-layout-tests, and with
#                            --macro-constants bindgen: bindgen's macro rules)
#   bindgen                 (Debian's 0.60.1 with libclang 14, when installed;
#                            as run by default, i.e. with rustfmt, and with
#                            --no-rustfmt-bindings), next to clang-14
#
# on (a) every /usr/include/linux uapi header that parses together in one
# translation unit (bench/uapi-list.sh computes the set) and (b) Linux 6.12's
# rust/bindings/bindings_helper.h with the kernel's own flags, when a prepared
# kernel tree is given (KBUILD_DIR=objtree and/or KSRC=source tree).
#
# Every tool gets the same header and the same clang arguments.  The runs are
# interleaved (tool 1, tool 2, ..., tool 1, ...) N times after one untimed
# warm-up round; the table shows the median wall time and the median peak RSS
# (/usr/bin/time %M), and their ratios to clang.
#
#   bench/bench.sh [-n N] [uapi] [kernel]     (default: N=5, both cases)
#
# Environment: H2RS (default ./h2rs), CLANG (default clang-V), BINDGEN
# (default bindgen), KBUILD_DIR, KSRC.  Outputs and the results table go to
# bench/out/ (results.txt, and results.md: the same as a Markdown table).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
OUT=$here/out
N=${N:-5}
cases=()
while [ $# -gt 0 ]; do
	case $1 in
	-n) N=$2; shift 2 ;;
	-n*) N=${1#-n}; shift ;;
	uapi | kernel) cases+=("$1"); shift ;;
	-h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "bench: unknown argument '$1' (usage: bench/bench.sh [-n N] [uapi] [kernel])" >&2; exit 2 ;;
	esac
done
[ ${#cases[@]} -gt 0 ] || cases=(uapi kernel)
case $N in '' | *[!0-9]* | 0) echo "bench: -n wants a positive number" >&2; exit 2 ;; esac
mkdir -p "$OUT"

# One run at a time: two at once would share bench/out and each other's CPU.
exec 9>"$OUT/.lock"
if ! flock -n 9; then
	echo "bench: another bench run holds $OUT/.lock; waiting for it" >&2
	flock 9
fi

die() { echo "bench: error: $*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------
H2RS=${H2RS:-$repo/h2rs}
[ -x "$H2RS" ] || die "no h2rs at $H2RS (run 'make h2rs' or set H2RS=)"
H2RS=$(cd "$(dirname "$H2RS")" && pwd)/$(basename "$H2RS")
[ -x /usr/bin/time ] || die "GNU time is needed for peak memory: apt-get install time"

# h2rs's default macro mode evaluates more macros than bindgen does; the
# bindgen-equivalent mode (what h2rs does when invoked as bindgen) gets a row.
h2rs_has_macro_modes=0
case $("$H2RS" --help 2>/dev/null || true) in *--macro-constants*) h2rs_has_macro_modes=1 ;; esac

# The clang whose parse h2rs is compared with: the one matching its libclang.
llvm=$(ldd "$H2RS" | sed -nE 's/.*libclang-([0-9]+)\.so.*/\1/p' | head -n1)
if [ -z "$llvm" ]; then
	lib=$(ldd "$H2RS" | awk '/libclang/ {print $3; exit}')
	llvm=$(sed -nE 's|.*/llvm-([0-9]+)/.*|\1|p' <<<"$lib")
fi
[ -n "$llvm" ] || die "cannot tell which libclang $H2RS uses (ldd shows no libclang)"
CLANG=${CLANG:-$(command -v "clang-$llvm" || echo "/usr/lib/llvm-$llvm/bin/clang")}
[ -x "$CLANG" ] || die "no clang for LLVM $llvm (apt-get install clang-$llvm, or set CLANG=)"

# The C API floor, built against the libclang h2rs runs on.
FLOOR=$OUT/api-floor
have_floor=0
libdir=$(dirname "$(ldd "$H2RS" | awk '/libclang/ {print $3; exit}')")
if cc -O2 -I"/usr/lib/llvm-$llvm/include" "$here/api-floor.c" -o "$FLOOR" \
	-L"$libdir" -Wl,-rpath,"$libdir" -lclang 2>"$OUT/api-floor.build.err"; then
	have_floor=1
else
	echo "bench: bench/api-floor.c did not build (see $OUT/api-floor.build.err): floor row skipped" >&2
fi

BINDGEN=${BINDGEN:-bindgen}
have_bindgen=0
CLANG14=
if command -v "$BINDGEN" >/dev/null 2>&1 && [ -d /usr/lib/llvm-14/lib ]; then
	have_bindgen=1
	BINDGEN=$(command -v "$BINDGEN")
	CLANG14=$(command -v clang-14 || echo /usr/lib/llvm-14/bin/clang)
	[ -x "$CLANG14" ] || { echo "bench: no clang-14: bindgen skipped" >&2; have_bindgen=0; }
else
	echo "bench: bindgen or libclang 14 not installed: bindgen rows skipped (apt-get install bindgen libclang1-14)" >&2
fi

# --- cases ------------------------------------------------------------------
# Each case sets: C_HDR (the input), C_CWD (where the tools run), C_ARGS (clang
# arguments, after --), C_OPTS (bindgen-style options given to h2rs and
# bindgen), C_DESC (one line for the table).

setup_uapi() {
	C_HDR=$("$here/uapi-list.sh" "$CLANG" "$OUT")
	C_CWD=$OUT
	C_ARGS=()
	C_OPTS=()
	local n
	n=$(grep -c '^#include' "$C_HDR")
	C_DESC="uapi: $n /usr/include/linux headers in one TU ($(basename "$C_HDR"))"
}

# The kernel: take bindgen's command line from the kernel's own build record
# (rust/bindings/.bindings_generated.rs.cmd) when there is one; otherwise
# rebuild it from the GCC-build template of a prepared objtree (needs
# include/generated/autoconf.h).  Only the depfile option (-Wp,-MMD,…) is
# removed, so the kernel's own depfile is not overwritten, plus any argument
# that CLANG's driver rejects (reported), so all tools get the same arguments.
setup_kernel() {
	local ksrc=${KSRC:-} obj=${KBUILD_DIR:-}
	if [ -z "$ksrc" ] && [ -z "$obj" ]; then
		echo "bench: kernel case skipped: set KBUILD_DIR=<objtree> and/or KSRC=<Linux 6.12 source> (a prepared tree)" >&2
		return 1
	fi
	[ -n "$obj" ] || obj=$ksrc
	if [ -z "$ksrc" ]; then
		if [ -d "$obj/source" ]; then ksrc=$(readlink -f "$obj/source"); else ksrc=$obj; fi
	fi
	ksrc=$(readlink -f "$ksrc")
	obj=$(readlink -f "$obj")
	local helper=$ksrc/rust/bindings/bindings_helper.h
	[ -f "$helper" ] || { echo "bench: kernel case skipped: no $helper" >&2; return 1; }

	local cmdfile=$obj/rust/bindings/.bindings_generated.rs.cmd words=() i
	if [ -f "$cmdfile" ]; then
		local line
		line=$(sed -n 's/^savedcmd_[^ ]* := //p; s/^cmd_[^ ]* := //p' "$cmdfile" | head -n1)
		line=${line%%; sed *}
		eval "words=( $line )"
		C_DESC="kernel: bindings_helper.h, flags from $(basename "$cmdfile")"
	else
		[ -f "$obj/include/generated/autoconf.h" ] || {
			echo "bench: kernel case skipped: $obj is not a prepared kernel tree (no include/generated/autoconf.h; run make prepare)" >&2
			return 1
		}
		local params
		params=$(grep -Ev '^#|^$' "$ksrc/rust/bindgen_parameters" | tr '\n' ' ')
		local K=$ksrc trivial=
		# What the kernel adds when the libclang it is given is older than 16.
		[ "$llvm" -ge 16 ] || trivial=-enable-trivial-auto-var-init-zero-knowing-it-will-be-removed-from-clang
		eval "words=( bindgen $helper $params --rust-target 1.68 --use-core --with-derive-default \
			--ctypes-prefix ffi --no-layout-tests --no-debug '.*' --enable-function-attribute-detection \
			-o rust/bindings/bindings_generated.rs -- \
			-nostdinc -I$K/arch/x86/include -I./arch/x86/include/generated -I$K/include -I./include \
			-I$K/arch/x86/include/uapi -I./arch/x86/include/generated/uapi -I$K/include/uapi \
			-I./include/generated/uapi -include $K/include/linux/compiler-version.h \
			-include $K/include/linux/kconfig.h -include $K/include/linux/compiler_types.h \
			-D__KERNEL__ -fmacro-prefix-map=$K/= -std=gnu11 -fshort-wchar -funsigned-char -fno-common \
			-fno-PIE -fno-strict-aliasing -mno-sse -mno-mmx -mno-sse2 -mno-3dnow -mno-avx \
			-fcf-protection=branch -fno-jump-tables -m64 -mno-80387 -mtune=generic -mno-red-zone \
			-mcmodel=kernel -Wno-sign-compare -fno-asynchronous-unwind-tables \
			-fno-delete-null-pointer-checks -Os -fno-stack-protector -fomit-frame-pointer \
			-ftrivial-auto-var-init=zero -falign-functions=16 -fno-strict-overflow -fno-stack-check \
			-fno-builtin-wcslen -fno-builtin-wcslen -Wall -Wextra -Wundef \
			-Werror=implicit-function-declaration -Werror=implicit-int -Werror=return-type \
			-Werror=strict-prototypes -Wno-format-security -Wno-trigraphs -Wno-frame-address \
			-Wno-address-of-packed-member -Wmissing-declarations -Wmissing-prototypes \
			-Wframe-larger-than=1024 -Wno-main -Wno-dangling-pointer -Wvla -Wno-pointer-sign \
			-Wcast-function-type -Wno-array-bounds -Wno-stringop-overflow -Wno-alloc-size-larger-than \
			-Wimplicit-fallthrough=5 -Werror=date-time -Werror=incompatible-pointer-types \
			-Werror=designated-init -Wenum-conversion -Wunused -Wno-unused-but-set-variable \
			-Wno-unused-const-variable -Wno-packed-not-aligned -Wno-format-overflow \
			-Wno-format-truncation -Wno-stringop-truncation -Wno-override-init \
			-Wno-missing-field-initializers -Wno-type-limits -Wno-shift-negative-value \
			-Wno-maybe-uninitialized -Wno-sign-compare -Wno-unused-parameter -I$K/rust -Irust \
			-DKBUILD_MODFILE='\"rust/bindings_generated\"' -DKBUILD_BASENAME='\"bindings_generated\"' \
			-DKBUILD_MODNAME='\"bindings_generated\"' -D__KBUILD_MODNAME=kmod_bindings_generated \
			-w --target=x86_64-linux-gnu $trivial -fno-builtin -D__BINDGEN__ -DMODULE )"
		C_DESC="kernel: bindings_helper.h, flags from the 6.12 GCC-build template"
	fi

	# words = bindgen HEADER OPTS... -- CLANG_ARGS...
	C_HDR=${words[1]}
	C_OPTS=()
	C_ARGS=()
	local seen=0 skip=0
	for ((i = 2; i < ${#words[@]}; i++)); do
		local w=${words[i]}
		if [ $seen = 0 ]; then
			if [ "$w" = -- ]; then seen=1; continue; fi
			if [ $skip = 1 ]; then skip=0; continue; fi
			case $w in -o | --output) skip=1; continue ;; esac
			C_OPTS+=("$w")
		else
			case $w in -Wp,-MMD,* | -Wp,-MD,*) continue ;; esac
			C_ARGS+=("$w")
		fi
	done
	C_CWD=$obj
	case $C_HDR in /*) ;; *) C_HDR=$obj/$C_HDR ;; esac

	# Drop what this clang driver rejects, so that all tools get the same list.
	local tries=0 bad dropped=()
	while ! (cd "$C_CWD" && "$CLANG" -fsyntax-only "${C_ARGS[@]}" "$C_HDR") >/dev/null 2>"$OUT/kernel-clang.err"; do
		bad=$(sed -nE "s/.*(unknown argument|unsupported option|unknown warning option)[^']*'([^']*)'.*/\2/p" "$OUT/kernel-clang.err" | head -n1)
		tries=$((tries + 1))
		if [ -z "$bad" ] || [ $tries -gt 50 ]; then
			echo "bench: kernel case skipped: $CLANG -fsyntax-only fails on it:" >&2
			head -n 20 "$OUT/kernel-clang.err" >&2
			return 1
		fi
		bad=${bad%%=*}
		local kept=()
		for w in "${C_ARGS[@]}"; do
			case $w in "$bad" | "$bad"=*) ;; *) kept+=("$w") ;; esac
		done
		C_ARGS=("${kept[@]}")
		dropped+=("$bad")
	done
	[ ${#dropped[@]} -eq 0 ] || echo "bench: kernel: dropped for $(basename "$CLANG"): ${dropped[*]}" >&2
	return 0
}

# --- measuring ----------------------------------------------------------------
# Tools are rows; each one is run by run_tool TOOL CASE, which leaves
# "MS KB" in $OUT/.last.time (or returns non-zero).
tools_for_case() {
	T=(clang)
	[ $have_floor = 0 ] || T+=(floor)
	T+=(h2rs h2rs-nolt)
	[ $h2rs_has_macro_modes = 0 ] || T+=(h2rs-bgmacros)
	if [ $have_bindgen = 1 ]; then
		if [ "$CLANG" -ef "$CLANG14" ]; then T+=(bindgen bindgen-nofmt); else T+=(clang14 bindgen bindgen-nofmt); fi
	fi
}

tool_label() {
	case $1 in
	clang) echo "$(basename "$CLANG") -fsyntax-only" ;;
	clang14) echo "$(basename "$CLANG14") -fsyntax-only" ;;
	floor) echo "libclang C API floor (no output)" ;;
	h2rs) echo "h2rs (libclang $llvm)" ;;
	h2rs-nolt) echo "h2rs --no-layout-tests" ;;
	h2rs-bgmacros) echo "h2rs --macro-constants bindgen" ;;
	bindgen) echo "bindgen $bindgen_ver (libclang 14)" ;;
	bindgen-nofmt) echo "bindgen --no-rustfmt-bindings" ;;
	esac
}

# bindgen 0.60.1 accepts --rust-target only up to 1.47.
bindgen_opts() {
	local o prev=
	B_OPTS=()
	for o in "${C_OPTS[@]}"; do
		if [ "$prev" = --rust-target ]; then o=1.47; fi
		B_OPTS+=("$o")
		prev=$o
	done
}

# Arguments for the libclang-14 tools (clang-14, bindgen): like the kernel,
# which adds this flag when bindgen reports a libclang older than 16.
args14() {
	A14=("${C_ARGS[@]}")
	local w need=0
	for w in "${C_ARGS[@]}"; do
		case $w in
		-ftrivial-auto-var-init=zero) need=1 ;;
		-enable-trivial-auto-var-init-zero-knowing-it-will-be-removed-from-clang) return 0 ;;
		esac
	done
	[ $need = 0 ] || A14+=(-enable-trivial-auto-var-init-zero-knowing-it-will-be-removed-from-clang)
}

run_tool() {
	local tool=$1 name=$2 cmd=()
	case $tool in
	clang) cmd=("$CLANG" -fsyntax-only "${C_ARGS[@]}" "$C_HDR") ;;
	clang14) args14; cmd=("$CLANG14" -fsyntax-only "${A14[@]}" "$C_HDR") ;;
	floor) cmd=("$FLOOR" "$C_HDR" "${C_ARGS[@]}") ;;
	h2rs) cmd=("$H2RS" "${C_OPTS[@]}" "$C_HDR" -o "$OUT/$name.h2rs.rs" -- "${C_ARGS[@]}") ;;
	h2rs-nolt) cmd=("$H2RS" "${C_OPTS[@]}" --no-layout-tests "$C_HDR" -o "$OUT/$name.h2rs-nolt.rs" -- "${C_ARGS[@]}") ;;
	h2rs-bgmacros) cmd=("$H2RS" "${C_OPTS[@]}" --macro-constants bindgen "$C_HDR" -o "$OUT/$name.h2rs-bgmacros.rs" -- "${C_ARGS[@]}") ;;
	bindgen) bindgen_opts; args14; cmd=(env LIBCLANG_PATH=/usr/lib/llvm-14/lib "$BINDGEN" "${B_OPTS[@]}" "$C_HDR" -o "$OUT/$name.bindgen.rs" -- "${A14[@]}") ;;
	bindgen-nofmt) bindgen_opts; args14; cmd=(env LIBCLANG_PATH=/usr/lib/llvm-14/lib "$BINDGEN" --no-rustfmt-bindings "${B_OPTS[@]}" "$C_HDR" -o "$OUT/$name.bindgen-nofmt.rs" -- "${A14[@]}") ;;
	esac
	# The exact command, to rerun one by hand: bash bench/out/CASE.TOOL.cmd
	(printf 'cd %q &&' "$C_CWD"; printf ' %q' "${cmd[@]}"; echo) >"$OUT/$name.$tool.cmd"
	local t0 t1 rc=0
	t0=$(date +%s%N)
	(cd "$C_CWD" && exec /usr/bin/time -f '%e %M' -o "$OUT/.last.rusage" "${cmd[@]}") >"$OUT/$name.$tool.out" 2>"$OUT/$name.$tool.err" || rc=$?
	t1=$(date +%s%N)
	[ $rc -eq 0 ] || return $rc
	# Wall time from our own clock (ns; %e has only 10 ms resolution);
	# peak RSS from GNU time (KB).
	echo "$(( (t1 - t0) / 1000000 )) $(awk '{print $2}' "$OUT/.last.rusage" | tail -n1)" >"$OUT/.last.time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bindgen_ver=
[ $have_bindgen = 0 ] || bindgen_ver=$("$BINDGEN" --version 2>/dev/null | awk '{print $2}')

results=$OUT/results.txt
{
	echo "h2rs bench, $(date -u '+%Y-%m-%d %H:%M UTC'), N=$N interleaved runs, medians"
	echo "machine: $(nproc) cpus, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	echo "h2rs: $H2RS ($(ldd "$H2RS" | awk '/libclang/ {print $3; exit}'))"
	echo "clang: $("$CLANG" --version | head -n1)"
	[ $have_bindgen = 0 ] || echo "bindgen: $("$BINDGEN" --version | head -n1), LIBCLANG_PATH=/usr/lib/llvm-14/lib; clang-14: $("$CLANG14" --version | head -n1)"
} | tee "$results"

md=$OUT/results.md
{
	echo "<!-- bench/bench.sh -n $N, $(date -u '+%Y-%m-%d'), h2rs on libclang $llvm -->"
	echo "| case | tool | time (s) | peak RSS (MiB) | time × clang | RSS × clang |"
	echo "|---|---|---|---|---|---|"
} >"$md"

status=0
for name in "${cases[@]}"; do
	"setup_$name" || continue
	tools_for_case
	echo | tee -a "$results"
	echo "== $C_DESC" | tee -a "$results"
	declare -A failed=()
	for t in "${T[@]}"; do : >"$OUT/$name.$t.samples"; rm -f "$OUT/$name.$t.cmd" "$OUT/$name.$t.rs"; done
	for ((r = 0; r <= N; r++)); do
		for t in "${T[@]}"; do
			[ -z "${failed[$t]:-}" ] || continue
			if run_tool "$t" "$name"; then
				# Round 0 is the warm-up (page cache, dynamic loader).
				[ $r -eq 0 ] || cat "$OUT/.last.time" >>"$OUT/$name.$t.samples"
			else
				failed[$t]=1
				echo "bench: $name: $(tool_label "$t") FAILED (command in $OUT/$name.$t.cmd):" >&2
				head -n 15 "$OUT/$name.$t.err" >&2
				case $t in h2rs*) status=1 ;; esac
			fi
		done
	done

	# Table.  Ratios: h2rs rows and clang-14 rows against CLANG; bindgen rows
	# against clang-14 (the libclang bindgen runs on).
	declare -A ms=() kb=()
	for t in "${T[@]}"; do
		[ -z "${failed[$t]:-}" ] || continue
		ms[$t]=$(awk '{print $1}' "$OUT/$name.$t.samples" | median)
		kb[$t]=$(awk '{print $2}' "$OUT/$name.$t.samples" | median)
	done
	mdcase="$C_DESC"
	{
		printf '%-36s %9s %9s %8s %8s  %s\n' tool "time(s)" "RSS(MiB)" "time×" "RSS×" "out KiB"
		for t in "${T[@]}"; do
			base=clang
			case $t in bindgen*) [ -n "${ms[clang14]:-}" ] && base=clang14 ;; esac
			if [ -n "${failed[$t]:-}" ]; then
				printf '%-36s %9s\n' "$(tool_label "$t")" FAILED
				printf '| %s | %s | FAILED | | | |\n' "$mdcase" "$(tool_label "$t")" >>"$md"
				mdcase=
				continue
			fi
			if [ -z "${ms[$base]:-}" ]; then rt=-; rm=-; else
				rt=$(awk -v a="${ms[$t]}" -v b="${ms[$base]}" 'BEGIN { printf "%.2f", a / b }')
				rm=$(awk -v a="${kb[$t]}" -v b="${kb[$base]}" 'BEGIN { printf "%.2f", a / b }')
			fi
			lines=
			if [ -f "$OUT/$name.$t.rs" ]; then lines=$(( ($(wc -c <"$OUT/$name.$t.rs") + 1023) / 1024 )); fi
			printf '%-36s %9.3f %9.1f %8s %8s  %s\n' "$(tool_label "$t")" \
				"$(awk -v a="${ms[$t]}" 'BEGIN { print a / 1000 }')" \
				"$(awk -v a="${kb[$t]}" 'BEGIN { print a / 1024 }')" "$rt" "$rm" "$lines"
			printf '| %s | %s | %.3f | %.0f | %s | %s |\n' "$mdcase" "$(tool_label "$t")" \
				"$(awk -v a="${ms[$t]}" 'BEGIN { print a / 1000 }')" \
				"$(awk -v a="${kb[$t]}" 'BEGIN { print a / 1024 }')" "$rt" "$rm" >>"$md"
			mdcase=
		done
		echo "(time× and RSS× are against $(basename "$CLANG") -fsyntax-only; bindgen rows against $(basename "${CLANG14:-$CLANG}") -fsyntax-only)"
		if [ -n "${ms[h2rs]:-}" ] && [ -n "${ms[clang]:-}" ]; then
			awk -v t="${ms[h2rs]}" -v c="${ms[clang]}" -v m="${kb[h2rs]}" -v k="${kb[clang]}" 'BEGIN {
				printf "target h2rs <= 1.3x clang: time %.2fx %s, memory %.2fx %s\n", t / c, (t / c <= 1.3 ? "MET" : "MISSED"), m / k, (m / k <= 1.3 ? "MET" : "MISSED") }'
		fi
		if [ -n "${ms[h2rs-bgmacros]:-}" ] && [ -n "${ms[clang]:-}" ]; then
			awk -v t="${ms[h2rs-bgmacros]}" -v c="${ms[clang]}" -v m="${kb[h2rs-bgmacros]}" -v k="${kb[clang]}" 'BEGIN {
				printf "target with bindgen'"'"'s macro rules: time %.2fx %s, memory %.2fx %s\n", t / c, (t / c <= 1.3 ? "MET" : "MISSED"), m / k, (m / k <= 1.3 ? "MET" : "MISSED") }'
		fi
		if [ -n "${ms[floor]:-}" ]; then
			echo "libclang C API floor, last run: $(cat "$OUT/$name.floor.out")"
		fi
	} | tee -a "$results"
	unset failed ms kb
done
echo
echo "bench: results in $results and $md"
exit $status
