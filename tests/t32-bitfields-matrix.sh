#!/usr/bin/env bash
# Bitfield round trip over a matrix: for every bitfield of every struct in
# fixtures/*.spec, on a background of all-zero and all-one bits, every
# interesting value (0, 1, all ones, min, max, alternating bits): Rust sets it
# (setter, raw setter) and C reads it back, C sets it and Rust reads it
# (getter, raw getter), and no neighbouring field changes.
. "$(dirname "$0")/lib.sh"
d="$OUT/bitfield-matrix"
rm -rf "$d"; mkdir -p "$d"

# gen SPEC HEADER NAME: write NAME.c and NAME.rs from the spec
gen() {
	local spec=$1 hdr=$2 n=$3
	awk -v hdr="$hdr" -v cfile="$d/$n.c" -v rfile="$d/$n.main.rs" '
	/^#/ || NF < 5 { next }
	{
		s = $1
		if (!(s in idx)) { idx[s] = ns; order[ns++] = s; kind[s] = $2; nf[s] = 0 }
		i = nf[s]++
		fname[s, i] = $3; width[s, i] = $4; ty[s, i] = $5; pre[s, i] = (NF >= 6 ? $6 "." : "")
	}
	END {
		print "#include \"" hdr "\"" > cfile
		print "long long cget(int s, const void *p, int f);" > cfile
		print "void cset(int s, void *p, int f, long long v);" > cfile
		print "long long cget(int s, const void *p, int f) {\n\tswitch (s) {" > cfile
		for (k = 0; k < ns; k++) {
			s = order[k]
			printf "\tcase %d: { const %s %s *q = p; switch (f) {\n", k, kind[s], s > cfile
			for (i = 0; i < nf[s]; i++) printf "\t\tcase %d: return q->%s;\n", i, fname[s, i] > cfile
			print "\t\t} break; }" > cfile
		}
		print "\t}\n\treturn 0x7777;\n}" > cfile
		print "void cset(int s, void *p, int f, long long v) {\n\tswitch (s) {" > cfile
		for (k = 0; k < ns; k++) {
			s = order[k]
			printf "\tcase %d: { %s %s *q = p; switch (f) {\n", k, kind[s], s > cfile
			for (i = 0; i < nf[s]; i++) printf "\t\tcase %d: q->%s = v; break;\n", i, fname[s, i] > cfile
			print "\t\t} break; }" > cfile
		}
		print "\t}\n}" > cfile

		print "#[allow(unused_unsafe)]" > rfile
		print "mod gen {\nuse super::b::*;\nuse super::Ops;" > rfile
		for (k = 0; k < ns; k++) {
			s = order[k]
			printf "unsafe fn get_%s(s: &%s, f: i32) -> i64 { unsafe { match f {\n", s, s > rfile
			for (i = 0; i < nf[s]; i++) printf "    %d => s.%s%s() as i64,\n", i, pre[s, i], fname[s, i] > rfile
			print "    _ => unreachable!() } } }" > rfile
			printf "unsafe fn set_%s(s: &mut %s, f: i32, v: i64) { unsafe { match f {\n", s, s > rfile
			for (i = 0; i < nf[s]; i++)
				printf "    %d => s.%sset_%s(%s),\n", i, pre[s, i], fname[s, i], (ty[s, i] == "b" ? "v != 0" : "v as _") > rfile
			print "    _ => unreachable!() } } }" > rfile
			printf "unsafe fn getraw_%s(s: *const %s, f: i32) -> Option<i64> { unsafe { match f {\n", s, s > rfile
			for (i = 0; i < nf[s]; i++)
				if (pre[s, i] == "") printf "    %d => Some(%s::%s_raw(s) as i64),\n", i, s, fname[s, i] > rfile
			print "    _ => None } } }" > rfile
			printf "unsafe fn setraw_%s(s: *mut %s, f: i32, v: i64) -> bool { unsafe { match f {\n", s, s > rfile
			for (i = 0; i < nf[s]; i++)
				if (pre[s, i] == "") printf "    %d => { %s::set_%s_raw(s, %s); true }\n", i, s, fname[s, i], (ty[s, i] == "b" ? "v != 0" : "v as _") > rfile
			print "    _ => false } } }" > rfile
		}
		print "pub unsafe fn all(checks: &mut u64, fails: &mut u64) { unsafe {" > rfile
		for (k = 0; k < ns; k++) {
			s = order[k]
			printf "    super::run::<%s>(&Ops { name: \"%s\", sidx: %d, union_: %s, fields: &[", s, s, k, (kind[s] == "union" ? "true" : "false") > rfile
			for (i = 0; i < nf[s]; i++) printf "(\"%s\", %d, b'\''%s'\''), ", fname[s, i], width[s, i], ty[s, i] > rfile
			printf "], get: get_%s, set: set_%s, getraw: getraw_%s, setraw: setraw_%s }, checks, fails);\n", s, s, s, s > rfile
		}
		print "} }\n}" > rfile
	}' "$spec"
	cat >>"$d/$n.main.rs" <<'R'
extern "C" {
    fn cget(s: i32, p: *const std::ffi::c_void, f: i32) -> i64;
    fn cset(s: i32, p: *mut std::ffi::c_void, f: i32, v: i64);
}
pub struct Ops<S: 'static> {
    name: &'static str,
    sidx: i32,
    union_: bool,
    fields: &'static [(&'static str, u32, u8)],
    get: unsafe fn(&S, i32) -> i64,
    set: unsafe fn(&mut S, i32, i64),
    getraw: unsafe fn(*const S, i32) -> Option<i64>,
    setraw: unsafe fn(*mut S, i32, i64) -> bool,
}
fn values(w: u32, t: u8) -> Vec<i64> {
    match t {
        b'b' => vec![0, 1],
        b's' => {
            let min = -(1i64 << (w - 1));
            let max = (1i64 << (w - 1)) - 1;
            let mut v = vec![0, -1, min, max];
            if w > 2 { v.push(1); v.push(min + 1); v.push(-0x5555_5555_5555_5556i64 >> (64 - w)); }
            v
        }
        _ => {
            let all = if w == 64 { -1 } else { (1i64 << w) - 1 };
            vec![0, 1, all, 0x5555_5555_5555_5555 & all, 1i64 << (w - 1), all - 1]
        }
    }
}
fn background(w: u32, t: u8, bg: u8) -> i64 {
    if bg == 0 { return 0; }
    match t { b'b' => 1, b's' => -1, _ => (1i64 << w) - 1 }
}
unsafe fn fresh<S>(bg: u8) -> S {
    let mut s: S = unsafe { std::mem::zeroed() };
    unsafe { std::ptr::write_bytes(&mut s as *mut S as *mut u8, bg, std::mem::size_of::<S>()) };
    s
}
pub unsafe fn run<S>(o: &Ops<S>, checks: &mut u64, fails: &mut u64) {
    let mut report = |what: &str, f: &str, bg: u8, v: i64, got: i64| {
        *fails += 1;
        if *fails <= 20 { println!("{}.{}: {} (background {:#x}): wrote {} read {}", o.name, f, what, bg, v, got); }
    };
    for (fi, &(fname, w, t)) in o.fields.iter().enumerate() {
        for bg in [0u8, 0xff] {
            for v in values(w, t) {
                unsafe {
                    // Rust writes with the setter, C reads
                    let mut s: S = fresh(bg);
                    (o.set)(&mut s, fi as i32, v);
                    let got = cget(o.sidx, &s as *const S as *const _, fi as i32);
                    *checks += 1;
                    if got != v { report("set_f(), C reads", fname, bg, v, got); }
                    if !o.union_ {
                        for (gi, &(gname, gw, gt)) in o.fields.iter().enumerate() {
                            if gi == fi { continue; }
                            let g = cget(o.sidx, &s as *const S as *const _, gi as i32);
                            *checks += 1;
                            if g != background(gw, gt, bg) { report(&format!("neighbour {} changed by set_{}()", gname, fname), gname, bg, background(gw, gt, bg), g); }
                        }
                    }
                    // C writes, Rust reads with the getter
                    let mut s: S = fresh(bg);
                    cset(o.sidx, &mut s as *mut S as *mut _, fi as i32, v);
                    let got = (o.get)(&s, fi as i32);
                    *checks += 1;
                    if got != v { report("C writes, f() reads", fname, bg, v, got); }
                    if !o.union_ {
                        for (gi, &(gname, gw, gt)) in o.fields.iter().enumerate() {
                            if gi == fi { continue; }
                            let g = (o.get)(&s, gi as i32);
                            *checks += 1;
                            if g != background(gw, gt, bg) { report(&format!("neighbour {} read wrong after C wrote {}", gname, fname), gname, bg, background(gw, gt, bg), g); }
                        }
                    }
                    // raw accessors, both ways
                    if let Some(got) = (o.getraw)(&s, fi as i32) {
                        *checks += 1;
                        if got != v { report("C writes, f_raw() reads", fname, bg, v, got); }
                    }
                    let mut s: S = fresh(bg);
                    if (o.setraw)(&mut s, fi as i32, v) {
                        let got = cget(o.sidx, &s as *const S as *const _, fi as i32);
                        *checks += 1;
                        if got != v { report("set_f_raw(), C reads", fname, bg, v, got); }
                    }
                }
            }
        }
    }
}
fn main() {
    let (mut checks, mut fails) = (0u64, 0u64);
    unsafe { gen::all(&mut checks, &mut fails) };
    println!("{} checks, {} failed", checks, fails);
    if fails > 0 || checks == 0 { std::process::exit(1); }
}
R
}

matrix() { # NAME HEADER SPEC
	local n=$1 hdr=$2 spec=$3
	if ! "$H2RS" "$hdr" -o "$d/$n.rs" 2>"$d/$n.h2rs.err"; then not_ok "bitfield matrix $n: h2rs failed"; indent <"$d/$n.h2rs.err"; return; fi
	gen "$spec" "$hdr" "$n"
	if ! gcc -Wall -Werror -Wno-overflow -c "$d/$n.c" -o "$d/$n.o" 2>"$d/$n.gcc.err"; then not_ok "bitfield matrix $n: C side"; indent <"$d/$n.gcc.err"; return; fi
	ar rcs "$d/lib$n.a" "$d/$n.o"
	{ printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$d/$n.rs"; cat "$d/$n.main.rs"; } >"$d/${n}_full.rs"
	if ! "$RUSTC" --edition 2021 -A warnings "$d/${n}_full.rs" -o "$d/$n.bin" -L "$d" -l static="$n" >"$d/$n.rustc.err" 2>&1; then
		not_ok "bitfield matrix $n: the accessors f(), set_f(), f_raw(), set_f_raw() do not compile for every field"; indent 30 <"$d/$n.rustc.err"; return
	fi
	"$d/$n.bin" >"$d/$n.run" 2>&1
	local rc=$? fields structs
	fields=$(grep -vc '^#' "$spec")
	structs=$(grep -v '^#' "$spec" | awk '{print $1}' | sort -u | wc -l)
	if [ $rc = 0 ]; then
		ok "bitfield matrix $n: $fields bitfields of $structs records agree between C and Rust both ways, with raw accessors and untouched neighbours ($(tail -n1 "$d/$n.run"))"
	else
		not_ok "bitfield matrix $n: C and Rust disagree ($(tail -n1 "$d/$n.run"))"; indent <"$d/$n.run"
	fi
}
matrix basic "$FIX/bitfields.h" "$FIX/bitfields.spec"
matrix shapes "$FIX/bitfields_more.h" "$FIX/bitfields_more.spec"
