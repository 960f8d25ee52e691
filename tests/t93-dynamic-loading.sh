#!/usr/bin/env bash
# --dynamic-loading NAME, --dynamic-link-require-all, --wrap-unsafe-ops:
# bindgen 0.72.1's dyngen (codegen/dyngen.rs, its call sites in
# codegen/mod.rs, the dynamic_loading_* expectation tests). Functions and
# statics that would be extern blocks become the fields of one struct NAME
# that loads them with libloading at run time, plus a method each. The
# text is checked against bindgen's, as rustfmt (default configuration)
# lays it out; the bindings are compiled with rustc against a minimal
# libloading crate written here (dlopen/dlsym/dlerror), and a Rust program
# loads a gcc-built shared library and calls it through the struct.
. "$(dirname "$0")/lib.sh"
d="$OUT/t93"
rm -rf "$d"
mkdir -p "$d"
H="$FIX/dynload.h"
base=(--disable-header-comment --no-layout-tests)

# The part of libloading's API the generated code calls: Library::new,
# Library::get::<T>(&self, &[u8]) -> Result<Symbol<T>, Error>, Symbol<T>:
# Deref<Target = T> (for `*sym`), Error (Display, for the panic message).
cat >"$d/libloading.rs" <<'R'
use std::ffi::{c_char, c_int, c_void, CStr, CString, OsStr};
use std::marker::PhantomData;
use std::ops::Deref;
use std::os::unix::ffi::OsStrExt;

unsafe extern "C" {
    fn dlopen(filename: *const c_char, flags: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *mut c_char;
    fn dlclose(handle: *mut c_void) -> c_int;
}
const RTLD_NOW: c_int = 2;

#[derive(Debug)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

fn dl_error(what: &str) -> Error {
    let e = unsafe { dlerror() };
    if e.is_null() {
        Error(what.to_string())
    } else {
        Error(unsafe { CStr::from_ptr(e) }.to_string_lossy().into_owned())
    }
}

pub struct Library(*mut c_void);

impl Library {
    pub unsafe fn new<P: AsRef<OsStr>>(filename: P) -> Result<Library, Error> {
        let name = CString::new(filename.as_ref().as_bytes()).map_err(|_| Error("NUL".into()))?;
        let h = unsafe { dlopen(name.as_ptr(), RTLD_NOW) };
        if h.is_null() { Err(dl_error("dlopen failed")) } else { Ok(Library(h)) }
    }

    pub unsafe fn get<T>(&self, symbol: &[u8]) -> Result<Symbol<'_, T>, Error> {
        assert_eq!(std::mem::size_of::<T>(), std::mem::size_of::<*mut c_void>());
        let name = CStr::from_bytes_with_nul(symbol).map_err(|_| Error("no NUL".into()))?;
        unsafe { dlerror() };
        let p = unsafe { dlsym(self.0, name.as_ptr()) };
        if p.is_null() { Err(dl_error("NULL symbol")) } else { Ok(Symbol { p, lib: PhantomData }) }
    }
}

impl Drop for Library {
    fn drop(&mut self) {
        unsafe { dlclose(self.0) };
    }
}

pub struct Symbol<'lib, T> {
    p: *mut c_void,
    lib: PhantomData<&'lib T>,
}

impl<T> Deref for Symbol<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        unsafe { &*(&self.p as *const *mut c_void as *const T) }
    }
}
R
if ! "$RUSTC" --edition 2021 --crate-type rlib --crate-name libloading -D warnings \
	"$d/libloading.rs" -o "$d/liblibloading.rlib" >"$d/libloading.err" 2>&1; then
	not_ok "the minimal libloading crate does not compile"; indent <"$d/libloading.err"
fi
LL=(--extern "libloading=$d/liblibloading.rlib")
gcc -shared -fPIC -I"$FIX" "$FIX/dynload.c" -o "$d/libdynload.so" ||
	not_ok "gcc cannot build the fixture library"

# gen OUT [OPTS...]: bindings of the fixture
gen() { local out=$1; shift; "$H2RS" "$H" "${base[@]}" -o "$d/$out.rs" "$@" 2>"$d/$out.err" || { echo "# h2rs failed:"; indent <"$d/$out.err"; }; }

# dyn_prog NAME BINDINGS MAIN.rs [RUSTC ARGS...]: rust_prog with the
# libloading crate; the program gets the library's path as its argument
dyn_prog() {
	local name=$1 rs=$2 main=$3
	shift 3
	local p
	p=$(mktemp -d "$OUT/prog.XXXXXX")
	{ printf '%s\nmod b {\n    include!("%s");\n}\n' "$ALLOWS" "$rs"; cat "$main"; } >"$p/main.rs"
	if ! "$RUSTC" --edition 2021 -D warnings "$p/main.rs" -o "$p/main" "${LL[@]}" "$@" >"$p/err" 2>&1; then
		not_ok "$name: does not compile"; indent 30 <"$p/err"; return 1
	fi
	if ! "$p/main" "$d/libdynload.so" >"$p/run" 2>&1; then
		not_ok "$name: program failed"; indent <"$p/run"; return 1
	fi
	ok "$name"
}

# ---- 1. the text, against bindgen's ----
# dyngen.rs get_tokens/push_func/push_var as bindgen writes them for this
# header, in rustfmt's layout (bindgen's own expectation files are
# prettyplease output at 80 columns; a user's bindgen runs rustfmt):
# a field Result<fn, Error> per function, Result<*mut T, Error> per
# static (a const one too); one let per member in from_library, in order;
# a method per function that is not variadic (#[must_use] first, then the
# doc comment) and per static; constants stay constants; no extern block.
cat >"$d/small.h" <<'C'
/** Squares. */
__attribute__((warn_unused_result)) int sq(int x);
int vsum(int n, ...);
void reset(void);
extern int hits;
extern const int cap;
const int seven = 7;
C
small() { local out=$1; shift; "$H2RS" "$d/small.h" "${base[@]}" --dynamic-loading Small -o "$d/$out.rs" "$@" 2>"$d/$out.err" || { echo "# h2rs failed:"; indent <"$d/$out.err"; }; }
small small --enable-function-attribute-detection
cat >"$d/small.want" <<'W'
pub const seven: ::std::os::raw::c_int = 7;
pub struct Small {
    __library: ::libloading::Library,
    pub sq: Result<
        unsafe extern "C" fn(x: ::std::os::raw::c_int) -> ::std::os::raw::c_int,
        ::libloading::Error,
    >,
    pub vsum: Result<
        unsafe extern "C" fn(n: ::std::os::raw::c_int, ...) -> ::std::os::raw::c_int,
        ::libloading::Error,
    >,
    pub reset: Result<unsafe extern "C" fn(), ::libloading::Error>,
    pub hits: Result<*mut ::std::os::raw::c_int, ::libloading::Error>,
    pub cap: Result<*mut ::std::os::raw::c_int, ::libloading::Error>,
}
impl Small {
    pub unsafe fn new<P>(path: P) -> Result<Self, ::libloading::Error>
    where
        P: AsRef<::std::ffi::OsStr>,
    {
        let library = ::libloading::Library::new(path)?;
        Self::from_library(library)
    }
    pub unsafe fn from_library<L>(library: L) -> Result<Self, ::libloading::Error>
    where
        L: Into<::libloading::Library>,
    {
        let __library = library.into();
        let sq = __library.get(b"sq\0").map(|sym| *sym);
        let vsum = __library.get(b"vsum\0").map(|sym| *sym);
        let reset = __library.get(b"reset\0").map(|sym| *sym);
        let hits = __library
            .get::<*mut ::std::os::raw::c_int>(b"hits\0")
            .map(|sym| *sym);
        let cap = __library
            .get::<*mut ::std::os::raw::c_int>(b"cap\0")
            .map(|sym| *sym);
        Ok(Small {
            __library,
            sq,
            vsum,
            reset,
            hits,
            cap,
        })
    }
    #[must_use]
    #[doc = " Squares."]
    pub unsafe fn sq(&self, x: ::std::os::raw::c_int) -> ::std::os::raw::c_int {
        (self.sq.as_ref().expect("Expected function, got error."))(x)
    }
    pub unsafe fn reset(&self) {
        (self.reset.as_ref().expect("Expected function, got error."))()
    }
    pub unsafe fn hits(&self) -> *mut ::std::os::raw::c_int {
        *self.hits.as_ref().expect("Expected variable, got error.")
    }
    pub unsafe fn cap(&self) -> *mut ::std::os::raw::c_int {
        *self.cap.as_ref().expect("Expected variable, got error.")
    }
}
W
check "dyngen text: Result<> fields for functions and statics, lets in order, methods (none for the variadic one), #[must_use] then #[doc], constants stay constants, no extern block" \
	test_cmp "$d/small.want" "$d/small.rs"

# --dynamic-link-require-all: bare fields, `?` after each get, the field
# called directly; --wrap-unsafe-ops: unsafe {} around Library::new,
# from_library, each get and each call, not around a static's pointer
small small_req --dynamic-link-require-all --wrap-unsafe-ops
cat >"$d/small_req.want" <<'W'
pub const seven: ::std::os::raw::c_int = 7;
pub struct Small {
    __library: ::libloading::Library,
    pub sq: unsafe extern "C" fn(x: ::std::os::raw::c_int) -> ::std::os::raw::c_int,
    pub vsum: unsafe extern "C" fn(n: ::std::os::raw::c_int, ...) -> ::std::os::raw::c_int,
    pub reset: unsafe extern "C" fn(),
    pub hits: *mut ::std::os::raw::c_int,
    pub cap: *mut ::std::os::raw::c_int,
}
impl Small {
    pub unsafe fn new<P>(path: P) -> Result<Self, ::libloading::Error>
    where
        P: AsRef<::std::ffi::OsStr>,
    {
        let library = unsafe { ::libloading::Library::new(path) }?;
        unsafe { Self::from_library(library) }
    }
    pub unsafe fn from_library<L>(library: L) -> Result<Self, ::libloading::Error>
    where
        L: Into<::libloading::Library>,
    {
        let __library = library.into();
        let sq = unsafe { __library.get(b"sq\0") }.map(|sym| *sym)?;
        let vsum = unsafe { __library.get(b"vsum\0") }.map(|sym| *sym)?;
        let reset = unsafe { __library.get(b"reset\0") }.map(|sym| *sym)?;
        let hits =
            unsafe { __library.get::<*mut ::std::os::raw::c_int>(b"hits\0") }.map(|sym| *sym)?;
        let cap =
            unsafe { __library.get::<*mut ::std::os::raw::c_int>(b"cap\0") }.map(|sym| *sym)?;
        Ok(Small {
            __library,
            sq,
            vsum,
            reset,
            hits,
            cap,
        })
    }
    #[doc = " Squares."]
    pub unsafe fn sq(&self, x: ::std::os::raw::c_int) -> ::std::os::raw::c_int {
        unsafe { (self.sq)(x) }
    }
    pub unsafe fn reset(&self) {
        unsafe { (self.reset)() }
    }
    pub unsafe fn hits(&self) -> *mut ::std::os::raw::c_int {
        self.hits
    }
    pub unsafe fn cap(&self) -> *mut ::std::os::raw::c_int {
        self.cap
    }
}
W
check "dyngen text with --dynamic-link-require-all --wrap-unsafe-ops: bare fields, get()?, unsafe {} blocks, no #[must_use] without attribute detection, the doc comment kept" \
	test_cmp "$d/small_req.want" "$d/small_req.rs"

# the struct is small enough for struct_lit_width (18): Ok(T { __library, a })
printf 'int ab(void);\n' >"$d/one.h"
"$H2RS" "$d/one.h" "${base[@]}" --dynamic-loading T -o "$d/one.rs" 2>/dev/null
test_expect "from_library's Ok(T { __library, ab }) stays on one line within rustfmt's struct_lit_width" '
	test_grep -qxF "        Ok(T { __library, ab })" "$d/one.rs"'

# ---- 2. calling a shared library through the struct ----
gen dyn --dynamic-loading DynLib --enable-function-attribute-detection
test_expect "--dynamic-loading writes no extern block for functions or statics" '
	test_grep ! "extern \"C\" {" "$d/dyn.rs"'
cat >"$d/dyn_free.rs" <<'R'
fn main() {
    unsafe { b::dl_add(1, 2) };
}
R
rust_fails "--dynamic-loading: dl_add is no free function, only the struct's method" \
	"$d/dyn.rs" "$d/dyn_free.rs" 'cannot find function `dl_add`' "${LL[@]}"
cat >"$d/dyn_main.rs" <<'R'
use std::ffi::CStr;
use std::os::raw::{c_char, c_int};
unsafe extern "C" fn twice(v: c_int) -> c_int {
    v * 2
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let lib = unsafe { b::DynLib::new(&path) }.expect("the library loads");
    unsafe {
        assert_eq!(lib.dl_add(2, 40), 42);
        // variadic: no method, the field is called
        assert_eq!((lib.dl_sum.as_ref().unwrap())(4, 1, 2, 3, 4), 10);
        assert_eq!(CStr::from_ptr(lib.dl_name()).to_str().unwrap(), "dynload");
        let mut buf = [0 as c_char; 8];
        assert_eq!(lib.dl_copy(buf.as_mut_ptr(), c"truncated".as_ptr(), buf.len()), 7);
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_str().unwrap(), "truncat");
        assert_eq!(lib.dl_apply(Some(twice), 20), 41);
        let m = lib.dl_mirror(b::dl_point { x: 1, y: 2 });
        assert_eq!((m.x, m.y), (2, 1));
        assert_eq!(lib.dl_checked(5), 15);
        assert_eq!(lib.dl_mode_of(11), b::dl_mode_DL_SLOW);
        // a keyword-named function: method and field type_, symbol "type"
        assert_eq!(lib.type_(10), 9);
        assert_eq!(lib.dl_scale(1.5, 4.0), 6.0);
        // statics: the method gives the variable's address in the library
        assert_eq!(*lib.dl_counter(), 7);
        lib.dl_set(99);
        assert_eq!(*lib.dl_counter(), 99);
        *lib.dl_counter() = 5;
        assert_eq!(*lib.dl_counter(), 5);
        assert_eq!(*lib.dl_limit(), 100);
        assert_eq!(CStr::from_ptr(*lib.dl_greeting()).to_str().unwrap(), "hello");
        assert_eq!((*lib.dl_table())[2], 30);
        assert_eq!(b::dl_five, 5);
        // a symbol the library lacks: its field is the loader's error ...
        let e = lib.dl_missing.as_ref().err().expect("dl_missing is not in the library");
        assert!(e.to_string().contains("dl_missing"), "{e}");
        // ... and its method panics with bindgen's message
        std::panic::set_hook(Box::new(|_| {}));
        let p = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lib.dl_missing(1)));
        let msg = p.err().and_then(|e| e.downcast::<String>().ok()).expect("it panics");
        assert!(msg.starts_with("Expected function, got error."), "{msg}");
    }
    // a library that is not there: new() fails
    assert!(unsafe { b::DynLib::new("/nonexistent/libnone.so") }.is_err());
}
R
dyn_prog "the struct loads the gcc-built library: 11 functions (a struct by value, a callback, a keyword name, a variadic one through its field), 4 statics read and written; the missing symbol is an Err field and its method panics" \
	"$d/dyn.rs" "$d/dyn_main.rs"

# --dynamic-link-require-all: one missing symbol makes new() fail with it
gen req --dynamic-loading DynLib --dynamic-link-require-all
cat >"$d/req_main.rs" <<'R'
fn main() {
    let path = std::env::args().nth(1).unwrap();
    match unsafe { b::DynLib::new(&path) } {
        Ok(_) => panic!("new() succeeded without dl_missing"),
        Err(e) => assert!(e.to_string().contains("dl_missing"), "{e}"),
    }
}
R
dyn_prog "--dynamic-link-require-all: new() fails with the loader's error for the one missing symbol" \
	"$d/req.rs" "$d/req_main.rs"

# ... and without it, every field is the bare pointer
gen req2 --dynamic-loading DynLib --dynamic-link-require-all --blocklist-function dl_missing
cat >"$d/req2_main.rs" <<'R'
use std::os::raw::c_int;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let lib = unsafe { b::DynLib::new(&path) }.expect("every symbol loads");
    let f: unsafe extern "C" fn(c_int, c_int) -> c_int = lib.dl_add;
    let sum: unsafe extern "C" fn(c_int, ...) -> c_int = lib.dl_sum;
    let counter: *mut c_int = lib.dl_counter;
    unsafe {
        assert_eq!(f(1, 2), 3);
        assert_eq!(lib.dl_add(3, 4), 7);
        assert_eq!(sum(2, 20, 22), 42);
        assert_eq!(*counter, 7);
        assert_eq!(lib.dl_counter(), counter);
    }
}
R
dyn_prog "--dynamic-link-require-all: fields are the bare fn and *mut T, new() loads all and calls work" \
	"$d/req2.rs" "$d/req2_main.rs"

# --wrap-unsafe-ops: the output needs no unsafe_op_in_unsafe_fn allowance
# in edition 2024 (rustc -D warnings); bindgen's output without it warns
# there, and h2rs's does the same
gen w24 --dynamic-loading DynLib --wrap-unsafe-ops --rust-target 1.85
gen n24 --dynamic-loading DynLib --rust-target 1.85
printf '%s\ninclude!("%s");\n' "$ALLOWS" "$d/w24.rs" >"$d/w24_lib.rs"
printf '%s\ninclude!("%s");\n' "$ALLOWS" "$d/n24.rs" >"$d/n24_lib.rs"
check "--wrap-unsafe-ops: the struct compiles in edition 2024 with -D warnings" \
	"$RUSTC" --edition 2024 --crate-type lib --emit=metadata -D warnings "${LL[@]}" "$d/w24_lib.rs" -o "$d/w24.rmeta"
"$RUSTC" --edition 2024 --crate-type lib --emit=metadata "${LL[@]}" "$d/n24_lib.rs" \
	-o "$d/n24.rmeta" >"$d/n24.rustc" 2>&1
n=$(grep -c 'unsafe_op_in_unsafe_fn\|call to unsafe function .* is unsafe and requires unsafe block' "$d/n24.rustc")
test_expect "without --wrap-unsafe-ops, edition 2024 warns about the unsafe calls, as with bindgen's text ($n warning lines)" '
	test_grep "unsafe_op_in_unsafe_fn\|call to unsafe function .* is unsafe and requires unsafe block" "$d/n24.rustc" &&
	test_grep "unsafe extern \"C\" fn(" "$d/n24.rs" && test_grep ! "unsafe {" "$d/n24.rs"'
cat >"$d/w_main.rs" <<'R'
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let lib = unsafe { b::DynLib::new(&path) }.unwrap();
    assert_eq!(unsafe { lib.dl_add(20, 22) }, 42);
    assert_eq!(unsafe { *lib.dl_limit() }, 100);
}
R
gen w --dynamic-loading DynLib --wrap-unsafe-ops
dyn_prog "--wrap-unsafe-ops: the wrapped calls work" "$d/w.rs" "$d/w_main.rs"

# --wrap-static-fns with --dynamic-loading: the member loads the wrapper.
# (bindgen 0.72.1 loads the static function's own name, which no library
# exports, and puts #[link_name = "f__extern"] on the method, where rustc
# warns that it does nothing; h2rs loads "f__extern" and writes no attribute.)
cat >"$d/inl.h" <<'C'
static inline int twice_inline(int v) { return 2 * v; }
int plain(int v);
C
printf '#include "inl.h"\nint plain(int v) { return v + 1; }\n' >"$d/inl.c"
"$H2RS" "$d/inl.h" "${base[@]}" --dynamic-loading Inl --wrap-static-fns \
	--wrap-static-fns-path "$d/inl_wrap.c" -o "$d/inl.rs" 2>"$d/inl.err"
gcc -shared -fPIC -I"$d" "$d/inl.c" "$d/inl_wrap.c" -o "$d/libinl.so" 2>"$d/inl.gcc"
cat >"$d/inl_main.rs" <<'R'
fn main() {
    let lib = unsafe { b::Inl::new(std::env::args().nth(2).unwrap()) }.unwrap();
    assert_eq!(unsafe { lib.twice_inline(21) }, 42);
    assert_eq!(unsafe { lib.plain(41) }, 42);
}
R
test_expect "--wrap-static-fns: the member loads twice_inline__extern, no #[link_name] on the method" '
	test_grep -F "b\"twice_inline__extern\\0\"" "$d/inl.rs" && test_grep ! link_name "$d/inl.rs"'
sed -i 's|std::env::args().nth(2)|Some("'"$d"'/libinl.so".to_string())|' "$d/inl_main.rs"
dyn_prog "--wrap-static-fns: a static inline function called through the struct and its C wrapper" \
	"$d/inl.rs" "$d/inl_main.rs"

# --prefix-link-name: both kinds of member load PREFIX + name (the callback's
# link name is push_func's and Var codegen's symbol)
gen pfx --dynamic-loading DynLib --prefix-link-name pre_ --allowlist-function dl_add --allowlist-var dl_counter
test_expect "--prefix-link-name: the function and the static load pre_dl_add and pre_dl_counter" '
	test_grep -F "__library.get(b\"pre_dl_add\\0\")" "$d/pfx.rs" &&
	test_grep -F "(b\"pre_dl_counter\\0\")" "$d/pfx.rs" && test_grep ! link_name "$d/pfx.rs"'

# --override-abi: the field's fn type has the ABI
gen abi --dynamic-loading DynLib --override-abi 'dl_add=C-unwind' --allowlist-function dl_add
cat >"$d/abi_main.rs" <<'R'
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let lib = unsafe { b::DynLib::new(&path) }.unwrap();
    let f: unsafe extern "C-unwind" fn(i32, i32) -> i32 = *lib.dl_add.as_ref().unwrap();
    assert_eq!(unsafe { f(20, 22) }, 42);
}
R
dyn_prog "--override-abi: the member's type is unsafe extern \"C-unwind\" fn, called from the loaded library" \
	"$d/abi.rs" "$d/abi_main.rs"

# --sort-semantically: the struct among the structs, its impl among impls
gen sorted --dynamic-loading DynLib --sort-semantically
# the first of each, in order; the file ends with the impl
test_expect "--sort-semantically: struct DynLib after the other structs, before the constants; impl DynLib with the impls" '
	grep -oE "^(pub struct dl_point|pub struct DynLib|pub const|impl DynLib)" "$d/sorted.rs" | awk "!seen[\$0]++" |
		test_cmp <(printf "%s\n" "pub struct dl_point" "pub struct DynLib" "pub const" "impl DynLib") - &&
	tail -1 "$d/sorted.rs" | test_grep -qx "}" -'

# --dynamic-link-require-all alone changes nothing (bindgen: no-op)
gen plain
gen plain_req --dynamic-link-require-all
check "--dynamic-link-require-all without --dynamic-loading changes nothing" test_cmp "$d/plain.rs" "$d/plain_req.rs"

# a name that is not an identifier: one error, no output
test_expect "--dynamic-loading with a name that is not an identifier is one error, nothing written" '
	! "$H2RS" "$H" --dynamic-loading my-lib -o "$d/bad.rs" 2>"$d/bad.err" && [ ! -e "$d/bad.rs" ] &&
	test_count 1 "" "$d/bad.err" && test_grep "^h2rs: error: --dynamic-loading: '\''my-lib'\''" "$d/bad.err"'

# ---- 3. the layout is rustfmt's ----
# Names of every length from 1 to 70 put each rule at its edge: fields
# broken inside Result<> and inside fn(..), lets broken as chains or moved
# after `=`, unsafe blocks on one line or three, methods' parameters one per
# line, call arguments several to a line, the chain self.f.as_ref().expect(..)
# past chain_width, symbols longer than their names (--prefix-link-name).
if ! command -v rustfmt >/dev/null 2>&1; then
	echo "ok - # SKIP no rustfmt on PATH"
else
	awk 'BEGIN {
		s = "abcdefghijklmnopqrstuvwxyz_0123456789abcdefghijklmnopqrstuvwxyz_0123456789"
		split("int|unsigned long|const char *|void *|double|struct dl_point *", ty, "|")
		print "struct dl_point { int x, y; };"
		for (n = 1; n <= 70; n++) {
			name = "f" substr(s, 1, n)
			np = n % 9
			args = ""
			for (k = 0; k < np; k++) {
				pl = (n * 7 + k * 5) % 19 + 1
				args = args (k ? ", " : "") ty[(n + k) % 6 + 1] " p" k substr(s, 1, pl)
			}
			if (n % 11 == 0 && np) args = args ", ..."
			print ty[n % 6 + 1] " " name "(" (args == "" ? "void" : args) ");"
			if (n % 3 == 0)
				print "extern " ty[(n + 1) % 6 + 1] " v" substr(s, 1, n) ";"
		}
	}' >"$d/lengths.h"
	bad=0 total=0
	for opts in "" "--dynamic-link-require-all" "--wrap-unsafe-ops" \
		"--dynamic-link-require-all --wrap-unsafe-ops" \
		"--prefix-link-name a_rather_long_prefix_for_symbols_ --wrap-unsafe-ops" \
		"--use-core --override-abi f.*=C-unwind --enable-function-attribute-detection"; do
		for h in "$d/lengths.h" "$H"; do
			# shellcheck disable=SC2086
			"$H2RS_FAST" "$h" "${base[@]}" --dynamic-loading Lengths $opts -o "$d/fmt.rs" 2>/dev/null
			cp "$d/fmt.rs" "$d/fmt2.rs"
			rustfmt --edition 2021 "$d/fmt2.rs" 2>/dev/null
			total=$((total + $(wc -l <"$d/fmt.rs")))
			if ! cmp -s "$d/fmt.rs" "$d/fmt2.rs"; then
				bad=1
				not_ok "rustfmt changes the --dynamic-loading output of $(basename "$h") with '$opts'"
				diff "$d/fmt.rs" "$d/fmt2.rs" | indent 30
			fi
		done
	done
	[ $bad = 0 ] && ok "rustfmt changes nothing in the --dynamic-loading output (70 name lengths and the fixture, 6 option sets, $total lines)"
fi
# and the generated struct compiles (-D warnings) in both field shapes
for opts in "" "--dynamic-link-require-all --wrap-unsafe-ops"; do
	# shellcheck disable=SC2086
	"$H2RS" "$d/lengths.h" "${base[@]}" --dynamic-loading Lengths $opts -o "$d/len.rs" 2>/dev/null
	printf '%s\ninclude!("%s");\n' "$ALLOWS" "$d/len.rs" >"$d/len_lib.rs"
	check "the 70-function struct compiles with rustc -D warnings ('$opts')" \
		"$RUSTC" --edition 2021 --crate-type lib --emit=metadata -D warnings "${LL[@]}" "$d/len_lib.rs" -o "$d/len.rmeta"
done
