//! bindgen's `Builder` for build scripts, generating the bindings with the
//! `h2rs` program instead of linking libclang into the build script.
//!
//! Switching a `-sys` crate from bindgen is one line in `build.rs`:
//!
//! ```ignore
//! use h2rs_build as bindgen;
//!
//! let bindings = bindgen::Builder::default()
//!     .header("wrapper.h")
//!     .parse_callbacks(Box::new(bindgen::CargoCallbacks::new()))
//!     .generate()
//!     .expect("Unable to generate bindings");
//! bindings
//!     .write_to_file(out_path.join("bindings.rs"))
//!     .expect("Couldn't write bindings!");
//! ```
//!
//! and `[build-dependencies] h2rs-build = { path = "…/rust/h2rs-build" }`
//! in `Cargo.toml`. The crate has no dependencies outside `std`.
//!
//! # The h2rs program
//!
//! `generate()` runs the program named by the `H2RS` environment variable,
//! else `h2rs` found on `PATH`; when neither exists it fails with an error
//! naming both. Every method becomes the h2rs (bindgen-compatible) command
//! line option of the same meaning; [`Builder::command_line_flags`] shows
//! them. Macro constants follow bindgen's rules (`--macro-constants
//! bindgen`), so the output is the one bindgen's library gives.
//!
//! # Environment, as bindgen reads it
//!
//! - `BINDGEN_EXTRA_CLANG_ARGS_<TARGET>`, then
//!   `BINDGEN_EXTRA_CLANG_ARGS_<TARGET with _ for ->`, then
//!   `BINDGEN_EXTRA_CLANG_ARGS`: split like a shell would (a string that
//!   does not split, such as one with an unbalanced quote, is one argument)
//!   and added after the builder's clang arguments.
//! - `TARGET` (set by cargo): when it differs from `HOST` and no
//!   `--target=`/`-target` is among the clang arguments, clang gets
//!   `--target=` with the triple as clang spells it (riscv64gc becomes
//!   riscv64, aarch64-apple becomes arm64-apple, …).
//! - `RUSTC`: in a build script the default [`RustTarget`] is the version
//!   of the compiler doing the build, as with bindgen.
//!
//! Parse callbacks are told of every variable read (`read_env_var`), every
//! input header (`header_file`) and every file the headers included
//! (`include_file`, from h2rs's `--depfile`). [`CargoCallbacks`](struct@CargoCallbacks) turns them
//! into `cargo:rerun-if-changed=` / `cargo:rerun-if-env-changed=` lines.
//!
//! # Out of scope
//!
//! - Callbacks that run inside the generator: [`callbacks::ParseCallbacks`]
//!   has only `header_file`, `include_file` and `read_env_var`, so an
//!   implementation of bindgen's other methods (`item_name`, `int_macro`,
//!   `add_derives`, `will_parse_macro`, …) does not compile here, rather
//!   than being silently ignored.
//! - C++ and Objective-C, `formatter` (h2rs writes rustfmt-shaped text
//!   itself), `with_codegen_config`, `override_abi`, `dynamic_library_name`
//!   and the rest of bindgen's long tail: use
//!   [`Builder::h2rs_arg`] to pass any h2rs option.
//! - `Bindings` holds text, not a token stream.

use std::cell::Cell;
use std::env;
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;
use std::str::FromStr;

pub mod callbacks {
    //! The callbacks h2rs-build can honour from outside the generator.

    /// Told about the files and environment variables that went into the
    /// bindings. bindgen's other methods are out of scope (see the crate
    /// documentation).
    pub trait ParseCallbacks: std::fmt::Debug {
        /// An input header was given to the builder.
        fn header_file(&self, _filename: &str) {}
        /// A file was included while reading the headers.
        fn include_file(&self, _filename: &str) {}
        /// An environment variable was read.
        fn read_env_var(&self, _key: &str) {}
    }
}

use callbacks::ParseCallbacks;

/// Emits `cargo:rerun-if-changed=` for every header read and
/// `cargo:rerun-if-env-changed=` for every environment variable read.
#[derive(Debug)]
pub struct CargoCallbacks {
    rerun_on_header_files: bool,
}

/// bindgen's older spelling, `Box::new(bindgen::CargoCallbacks)`: reruns on
/// included files only, not on the input headers.
#[deprecated = "Use `CargoCallbacks::new()` instead."]
#[allow(non_upper_case_globals)]
pub const CargoCallbacks: CargoCallbacks = CargoCallbacks { rerun_on_header_files: false };

impl CargoCallbacks {
    /// A `CargoCallbacks` that also reruns on the input headers.
    pub fn new() -> Self {
        CargoCallbacks { rerun_on_header_files: true }
    }

    /// Whether cargo reruns the build script when an input header changes.
    pub fn rerun_on_header_files(mut self, doit: bool) -> Self {
        self.rerun_on_header_files = doit;
        self
    }
}

impl Default for CargoCallbacks {
    fn default() -> Self {
        Self::new()
    }
}

impl ParseCallbacks for CargoCallbacks {
    fn header_file(&self, filename: &str) {
        if self.rerun_on_header_files {
            println!("cargo:rerun-if-changed={filename}");
        }
    }
    fn include_file(&self, filename: &str) {
        println!("cargo:rerun-if-changed={filename}");
    }
    fn read_env_var(&self, key: &str) {
        println!("cargo:rerun-if-env-changed={key}");
    }
}

/// How enums are written (`--default-enum-style`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum EnumVariation {
    /// A Rust enum (undefined behaviour if C passes a value it does not list).
    Rust {
        /// `#[non_exhaustive]`
        non_exhaustive: bool,
    },
    /// A newtype around the integer.
    NewType {
        /// with bitwise operators
        is_bitfield: bool,
        /// variants as module-level constants
        is_global: bool,
    },
    /// Constants (the default).
    #[default]
    Consts,
    /// A module of constants.
    ModuleConsts,
}

impl fmt::Display for EnumVariation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EnumVariation::Rust { non_exhaustive: false } => "rust",
            EnumVariation::Rust { non_exhaustive: true } => "rust_non_exhaustive",
            EnumVariation::NewType { is_bitfield: true, .. } => "bitfield",
            EnumVariation::NewType { is_bitfield: false, is_global: false } => "newtype",
            EnumVariation::NewType { is_bitfield: false, is_global: true } => "newtype_global",
            EnumVariation::Consts => "consts",
            EnumVariation::ModuleConsts => "moduleconsts",
        })
    }
}

impl FromStr for EnumVariation {
    type Err = io::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "rust" => EnumVariation::Rust { non_exhaustive: false },
            "rust_non_exhaustive" => EnumVariation::Rust { non_exhaustive: true },
            "bitfield" => EnumVariation::NewType { is_bitfield: true, is_global: false },
            "newtype" => EnumVariation::NewType { is_bitfield: false, is_global: false },
            "newtype_global" => EnumVariation::NewType { is_bitfield: false, is_global: true },
            "consts" => EnumVariation::Consts,
            "moduleconsts" => EnumVariation::ModuleConsts,
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{s} is not a valid enum variation"),
                ))
            }
        })
    }
}

/// The integer type of macro constants bindgen's rules do not fit.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum MacroTypeVariation {
    /// i32 / i64
    Signed,
    /// u32 / u64 (the default)
    #[default]
    Unsigned,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Version {
    Stable(u64, u64),
    Nightly,
}

/// The Rust version the bindings are written for (`--rust-target`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RustTarget(Version);

/// The newest Rust version bindgen 0.72.1 knows (the default outside build
/// scripts).
pub const LATEST_STABLE_RUST: RustTarget = RustTarget(Version::Stable(82, 0));
const EARLIEST_STABLE_RUST: RustTarget = RustTarget(Version::Stable(33, 0));

/// Why a Rust version was refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InvalidRustTarget {
    /// Older than bindgen supports (1.33).
    TooEarly,
}

impl fmt::Display for InvalidRustTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the earliest Rust version supported by bindgen is {EARLIEST_STABLE_RUST}")
    }
}

impl std::error::Error for InvalidRustTarget {}

impl RustTarget {
    /// Rust 1.`minor`.`patch`.
    pub fn stable(minor: u64, patch: u64) -> Result<Self, InvalidRustTarget> {
        let t = RustTarget(Version::Stable(minor, patch));
        if t < EARLIEST_STABLE_RUST {
            return Err(InvalidRustTarget::TooEarly);
        }
        Ok(t)
    }

    /// Nightly Rust.
    pub const fn nightly() -> Self {
        RustTarget(Version::Nightly)
    }

    /// The version of `$RUSTC` when run from a build script.
    fn current() -> Option<Self> {
        env::var_os("CARGO_CFG_TARGET_ARCH")?;
        let out = Command::new(env::var_os("RUSTC")?).arg("--version").output().ok()?;
        let text = String::from_utf8(out.stdout).ok()?;
        let line = text.lines().last()?;
        let rest = line.trim().strip_prefix("rustc ")?;
        rest.split([' ', '-', '+']).next()?.parse().ok()
    }
}

impl Default for RustTarget {
    fn default() -> Self {
        RustTarget::current().unwrap_or(LATEST_STABLE_RUST)
    }
}

impl fmt::Display for RustTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Version::Stable(minor, patch) => write!(f, "1.{minor}.{patch}"),
            Version::Nightly => f.write_str("nightly"),
        }
    }
}

impl FromStr for RustTarget {
    type Err = io::Error;
    /// "1.71", "1.71.1", "1.71.1-beta", "1.71.1-nightly" or "nightly".
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let bad = || {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("\"{input}\" is not a valid Rust target, accepted values are of the form \"1.71\", \"1.71.1\" or \"nightly\""),
            )
        };
        if input == "nightly" {
            return Ok(RustTarget::nightly());
        }
        let (version, pre) = input.split_once('-').unwrap_or((input, ""));
        if !(pre.is_empty() || pre == "beta" || pre.starts_with("beta.") || pre == "nightly") {
            return Err(bad());
        }
        let tail = version.strip_prefix("1.").ok_or_else(bad)?;
        let (minor, patch) = match tail.split_once('.') {
            Some((m, p)) => (m.parse::<u64>().map_err(|_| bad())?, p.parse::<u64>().map_err(|_| bad())?),
            None => (tail.parse::<u64>().map_err(|_| bad())?, 0),
        };
        // A nightly 1.N is the newest 1.(N-1).
        let (minor, patch) = if pre == "nightly" { (minor.saturating_sub(1), u64::MAX) } else { (minor, patch) };
        RustTarget::stable(minor, patch).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))
    }
}

/// The Rust edition the bindings are written for (`--rust-edition`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RustEdition {
    /// 2018
    Edition2018,
    /// 2021
    Edition2021,
    /// 2024
    Edition2024,
}

impl fmt::Display for RustEdition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RustEdition::Edition2018 => "2018",
            RustEdition::Edition2021 => "2021",
            RustEdition::Edition2024 => "2024",
        })
    }
}

/// Why `generate()` failed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BindgenError {
    /// The header was a folder.
    FolderAsHeader(PathBuf),
    /// Permissions to read the header is insufficient.
    InsufficientPermissions(PathBuf),
    /// The header does not exist.
    NotExist(PathBuf),
    /// h2rs reported an error (its messages).
    ClangDiagnostic(String),
    /// The h2rs program could not be found or run.
    Program(String),
}

impl fmt::Display for BindgenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BindgenError::FolderAsHeader(h) => write!(f, "'{}' is a folder", h.display()),
            BindgenError::InsufficientPermissions(h) => {
                write!(f, "insufficient permissions to read '{}'", h.display())
            }
            BindgenError::NotExist(h) => write!(f, "header '{}' does not exist.", h.display()),
            BindgenError::ClangDiagnostic(m) => write!(f, "clang diagnosed error: {m}"),
            BindgenError::Program(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for BindgenError {}

/// The error type of `generate()` (bindgen's `BindgenError`).
pub type Error = BindgenError;

/// Generated Rust bindings (their text).
#[derive(Debug, Clone)]
pub struct Bindings {
    text: String,
}

impl Bindings {
    /// Write the bindings to a file (created or truncated).
    pub fn write_to_file<P: AsRef<Path>>(&self, path: P) -> io::Result<()> {
        fs::write(path, self.text.as_bytes())
    }

    /// Write the bindings to any writer.
    pub fn write(&self, mut writer: impl Write) -> io::Result<()> {
        writer.write_all(self.text.as_bytes())
    }
}

impl fmt::Display for Bindings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Build up the options, then `generate()`.
#[derive(Debug, Default, Clone)]
pub struct Builder {
    headers: Vec<String>,
    contents: Vec<(String, String)>,
    clang_args: Vec<String>,
    /// h2rs options in call order (regex lists, prefixes, raw lines, …)
    args: Vec<String>,
    callbacks: Vec<Rc<dyn ParseCallbacks>>,
    rust_target: Option<RustTarget>,
    rust_edition: Option<RustEdition>,
    enum_style: EnumVariation,
    macro_type: MacroTypeVariation,
    /// off/on switches, named by the h2rs option they turn on
    no_layout_tests: bool,
    no_derive_copy: bool,
    no_derive_debug: bool,
    derive_default: bool,
    derive_hash: bool,
    derive_partialeq: bool,
    derive_eq: bool,
    derive_partialord: bool,
    derive_ord: bool,
    impl_debug: bool,
    impl_partialeq: bool,
    use_core: bool,
    no_size_t_is_usize: bool,
    no_doc_comments: bool,
    no_prepend_enum_name: bool,
    no_recursive_allowlist: bool,
    generate_cstr: bool,
    inline_functions: bool,
    fit_macro_constants: bool,
    merge_extern_blocks: bool,
    sort_semantically: bool,
    explicit_padding: bool,
    enum_integer_types: bool,
    array_pointers: bool,
    c_naming: bool,
    flexarray_dst: bool,
    wrap_unsafe_ops: bool,
    ignore_functions: bool,
    header_comment_off: bool,
    nested_naming_off: bool,
    macro_fallback: bool,
    wrap_static_fns: bool,
    wrap_static_fns_path: Option<PathBuf>,
    wrap_static_fns_suffix: Option<String>,
}

/// A new [`Builder`].
pub fn builder() -> Builder {
    Builder::default()
}

macro_rules! regex_methods {
    ($($(#[$doc:meta])* $name:ident => $flag:literal,)*) => {
        $(
            $(#[$doc])*
            pub fn $name<T: AsRef<str>>(mut self, arg: T) -> Builder {
                self.args.push($flag.to_owned());
                self.args.push(arg.as_ref().to_owned());
                self
            }
        )*
    };
}

macro_rules! string_methods {
    ($($(#[$doc:meta])* $name:ident => $flag:literal,)*) => {
        $(
            $(#[$doc])*
            pub fn $name<T: Into<String>>(mut self, arg: T) -> Builder {
                self.args.push($flag.to_owned());
                self.args.push(arg.into());
                self
            }
        )*
    };
}

macro_rules! bool_methods {
    ($($(#[$doc:meta])* $name:ident => $field:ident = $on:expr,)*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, doit: bool) -> Self {
                self.$field = doit == $on;
                self
            }
        )*
    };
}

impl Builder {
    /// Add an input header. With several, the last is the main one and the
    /// others are `-include`d before it, as bindgen does.
    pub fn header<T: Into<String>>(mut self, header: T) -> Builder {
        self.headers.push(header.into());
        self
    }

    /// Add a header given as text, under `name`.
    pub fn header_contents(mut self, name: &str, contents: &str) -> Builder {
        self.contents.push((name.to_owned(), contents.to_owned()));
        self
    }

    /// Add an argument for clang.
    pub fn clang_arg<T: Into<String>>(mut self, arg: T) -> Builder {
        self.clang_args.push(arg.into());
        self
    }

    /// Add several arguments for clang.
    pub fn clang_args<I: IntoIterator>(mut self, args: I) -> Builder
    where
        I::Item: AsRef<str>,
    {
        self.clang_args.extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Pass an h2rs command line option (one word) that has no method here.
    pub fn h2rs_arg<T: Into<String>>(mut self, arg: T) -> Builder {
        self.args.push(arg.into());
        self
    }

    regex_methods! {
        /// Emit only matching types (and what they need).
        allowlist_type => "--allowlist-type",
        /// Emit only matching functions.
        allowlist_function => "--allowlist-function",
        /// Emit only matching variables and constants.
        allowlist_var => "--allowlist-var",
        /// Emit only matching items of any kind.
        allowlist_item => "--allowlist-item",
        /// Emit only items declared in matching files.
        allowlist_file => "--allowlist-file",
        /// Never emit matching types.
        blocklist_type => "--blocklist-type",
        /// Never emit matching functions.
        blocklist_function => "--blocklist-function",
        /// Never emit matching variables.
        blocklist_var => "--blocklist-var",
        /// Never emit matching items.
        blocklist_item => "--blocklist-item",
        /// Never emit items declared in matching files.
        blocklist_file => "--blocklist-file",
        /// Emit matching records as opaque blobs.
        opaque_type => "--opaque-type",
        /// Matching enums as Rust enums.
        rustified_enum => "--rustified-enum",
        /// Matching enums as `#[non_exhaustive]` Rust enums.
        rustified_non_exhaustive_enum => "--rustified-non-exhaustive-enum",
        /// Matching enums as constants.
        constified_enum => "--constified-enum",
        /// Matching enums as modules of constants.
        constified_enum_module => "--constified-enum-module",
        /// Matching enums as newtypes with bitwise operators.
        bitfield_enum => "--bitfield-enum",
        /// Matching enums as newtypes.
        newtype_enum => "--newtype-enum",
        /// Matching enums as newtypes with module-level constants.
        newtype_global_enum => "--newtype-global-enum",
    }

    string_methods! {
        /// The prefix of `c_int` and the other C types.
        ctypes_prefix => "--ctypes-prefix",
        /// A line at the top of the bindings.
        raw_line => "--raw-line",
        /// The prefix of anonymous members' names.
        anon_fields_prefix => "--anon-fields-prefix",
        /// No `Copy` for matching types.
        no_copy => "--no-copy",
        /// No `Debug` for matching types.
        no_debug => "--no-debug",
        /// No `Default` for matching types.
        no_default => "--no-default",
        /// No `Hash` for matching types.
        no_hash => "--no-hash",
        /// No `PartialEq` for matching types.
        no_partialeq => "--no-partialeq",
        /// `#[must_use]` on matching types.
        must_use_type => "--must-use-type",
    }

    bool_methods! {
        /// Layout assertions (default on).
        layout_tests => no_layout_tests = false,
        /// Derive `Copy` (default on).
        derive_copy => no_derive_copy = false,
        /// Derive `Debug` (default on).
        derive_debug => no_derive_debug = false,
        /// Derive `Default`.
        derive_default => derive_default = true,
        /// Derive `Hash`.
        derive_hash => derive_hash = true,
        /// Derive `PartialEq`.
        derive_partialeq => derive_partialeq = true,
        /// Derive `Eq`.
        derive_eq => derive_eq = true,
        /// Derive `PartialOrd`.
        derive_partialord => derive_partialord = true,
        /// Derive `Ord`.
        derive_ord => derive_ord = true,
        /// `impl Debug` by hand where it cannot be derived.
        impl_debug => impl_debug = true,
        /// `impl PartialEq` by hand where it cannot be derived.
        impl_partialeq => impl_partialeq = true,
        /// `size_t` as `usize` (default on).
        size_t_is_usize => no_size_t_is_usize = false,
        /// Carry doc comments over (default on).
        generate_comments => no_doc_comments = false,
        /// Prefix constified enum constants with the enum's name (default on).
        prepend_enum_name => no_prepend_enum_name = false,
        /// Pull in the types allowlisted items use (default on).
        allowlist_recursively => no_recursive_allowlist = false,
        /// String macros as `&CStr`.
        generate_cstr => generate_cstr = true,
        /// Declare inline functions that are not static.
        generate_inline_functions => inline_functions = true,
        /// Macro constants in the smallest type.
        fit_macro_constants => fit_macro_constants = true,
        /// One extern block per ABI.
        merge_extern_blocks => merge_extern_blocks = true,
        /// Items ordered by kind.
        sort_semantically => sort_semantically = true,
        /// Every gap in a struct as a padding field.
        explicit_padding => explicit_padding = true,
        /// Enum integer types as `u32`/`i32`….
        translate_enum_integer_types => enum_integer_types = true,
        /// Array parameters as pointers to arrays.
        array_pointers_in_arguments => array_pointers = true,
        /// Records and enums named `struct_T`, `union_T`, `enum_T`.
        c_naming => c_naming = true,
        /// Structs ending in a flexible array member generic over it.
        flexarray_dst => flexarray_dst = true,
        /// Unsafe calls in `unsafe {}` blocks.
        wrap_unsafe_ops => wrap_unsafe_ops = true,
        /// C wrappers for `static inline` functions.
        wrap_static_fns => wrap_static_fns = true,
    }

    /// Accepted for bindgen's sake: h2rs always finds clang's include paths.
    pub fn detect_include_paths(self, _doit: bool) -> Self {
        self
    }

    /// `::core` instead of `::std`.
    pub fn use_core(mut self) -> Builder {
        self.use_core = true;
        self
    }

    /// No functions.
    pub fn ignore_functions(mut self) -> Builder {
        self.ignore_functions = true;
        self
    }

    /// No "automatically generated" comment.
    pub fn disable_header_comment(mut self) -> Self {
        self.header_comment_off = true;
        self
    }

    /// Nested named structs keep their own names.
    pub fn disable_nested_struct_naming(mut self) -> Builder {
        self.nested_naming_off = true;
        self
    }

    /// Integer macros clang evaluates, too.
    pub fn clang_macro_fallback(mut self) -> Self {
        self.macro_fallback = true;
        self
    }

    /// The style of enums no per-enum method matches.
    pub fn default_enum_style(mut self, arg: EnumVariation) -> Builder {
        self.enum_style = arg;
        self
    }

    /// The integer type of macro constants.
    pub fn default_macro_constant_type(mut self, arg: MacroTypeVariation) -> Builder {
        self.macro_type = arg;
        self
    }

    /// The Rust version to write for (default: the compiler of the build).
    pub fn rust_target(mut self, rust_target: RustTarget) -> Self {
        self.rust_target = Some(rust_target);
        self
    }

    /// The Rust edition to write for (default: the newest the target has).
    pub fn rust_edition(mut self, rust_edition: RustEdition) -> Self {
        self.rust_edition = Some(rust_edition);
        self
    }

    /// The C file of the wrappers (`.c` is added when missing).
    pub fn wrap_static_fns_path<T: AsRef<Path>>(mut self, path: T) -> Self {
        self.wrap_static_fns_path = Some(path.as_ref().to_owned());
        self
    }

    /// The suffix of the wrappers' names (default `__extern`).
    pub fn wrap_static_fns_suffix<T: AsRef<str>>(mut self, suffix: T) -> Self {
        self.wrap_static_fns_suffix = Some(suffix.as_ref().to_owned());
        self
    }

    /// Add a callback (see [`callbacks::ParseCallbacks`]).
    pub fn parse_callbacks(mut self, cb: Box<dyn ParseCallbacks>) -> Self {
        self.callbacks.push(Rc::from(cb));
        self
    }

    /// The h2rs options (without headers and clang arguments) this builder
    /// stands for.
    fn options(&self) -> Vec<String> {
        let mut v: Vec<String> = vec!["--macro-constants".into(), "bindgen".into()];
        let target = self.rust_target.unwrap_or_default();
        v.push("--rust-target".into());
        v.push(target.to_string());
        if let Some(e) = self.rust_edition {
            v.push("--rust-edition".into());
            v.push(e.to_string());
        }
        if self.enum_style != EnumVariation::Consts {
            v.push("--default-enum-style".into());
            v.push(self.enum_style.to_string());
        }
        if self.macro_type == MacroTypeVariation::Signed {
            v.push("--default-macro-constant-type".into());
            v.push("signed".into());
        }
        let switches = [
            (self.no_layout_tests, "--no-layout-tests"),
            (self.no_derive_copy, "--no-derive-copy"),
            (self.no_derive_debug, "--no-derive-debug"),
            (self.derive_default, "--with-derive-default"),
            (self.derive_hash, "--with-derive-hash"),
            (self.derive_partialeq, "--with-derive-partialeq"),
            (self.derive_eq, "--with-derive-eq"),
            (self.derive_partialord, "--with-derive-partialord"),
            (self.derive_ord, "--with-derive-ord"),
            (self.impl_debug, "--impl-debug"),
            (self.impl_partialeq, "--impl-partialeq"),
            (self.use_core, "--use-core"),
            (self.no_size_t_is_usize, "--no-size_t-is-usize"),
            (self.no_doc_comments, "--no-doc-comments"),
            (self.no_prepend_enum_name, "--no-prepend-enum-name"),
            (self.no_recursive_allowlist, "--no-recursive-allowlist"),
            (self.generate_cstr, "--generate-cstr"),
            (self.inline_functions, "--generate-inline-functions"),
            (self.fit_macro_constants, "--fit-macro-constant-types"),
            (self.merge_extern_blocks, "--merge-extern-blocks"),
            (self.sort_semantically, "--sort-semantically"),
            (self.explicit_padding, "--explicit-padding"),
            (self.enum_integer_types, "--translate-enum-integer-types"),
            (self.array_pointers, "--use-array-pointers-in-arguments"),
            (self.c_naming, "--c-naming"),
            (self.flexarray_dst, "--flexarray-dst"),
            (self.wrap_unsafe_ops, "--wrap-unsafe-ops"),
            (self.ignore_functions, "--ignore-functions"),
            (self.header_comment_off, "--disable-header-comment"),
            (self.nested_naming_off, "--disable-nested-struct-naming"),
            (self.macro_fallback, "--clang-macro-fallback"),
            (self.wrap_static_fns, "--wrap-static-fns"),
        ];
        v.extend(switches.iter().filter(|s| s.0).map(|s| s.1.to_owned()));
        if self.wrap_static_fns {
            if let Some(p) = &self.wrap_static_fns_path {
                v.push("--wrap-static-fns-path".into());
                v.push(p.display().to_string());
            }
            if let Some(s) = &self.wrap_static_fns_suffix {
                v.push("--wrap-static-fns-suffix".into());
                v.push(s.clone());
            }
        }
        v.extend(self.args.iter().cloned());
        v
    }

    /// Clang's arguments: the builder's, `BINDGEN_EXTRA_CLANG_ARGS`, and
    /// `--target=` when cross compiling.
    fn full_clang_args(&self) -> Vec<String> {
        let mut args = self.clang_args.clone();
        if let Some(extra) = target_env_var(&self.callbacks, "BINDGEN_EXTRA_CLANG_ARGS") {
            args.extend(split_shell(&extra).unwrap_or_else(|| vec![extra.clone()]));
        }
        let explicit = args.iter().any(|a| a.starts_with("--target=") || a == "-target");
        if !explicit {
            let target = env_var(&self.callbacks, "TARGET");
            let host = env::var("HOST").ok();
            if let (Some(t), Some(h)) = (target, host) {
                let t = rust_to_clang_target(&t);
                if t != rust_to_clang_target(&h) {
                    args.insert(0, format!("--target={t}"));
                }
            }
        }
        args
    }

    /// The command line h2rs gets: options, the headers, `--`, clang's
    /// arguments (header_contents appear under their names).
    pub fn command_line_flags(&self) -> Vec<String> {
        let mut v = self.options();
        let mut headers: Vec<String> = self.headers.clone();
        headers.extend(self.contents.iter().map(|c| c.0.clone()));
        let main = headers.pop();
        v.extend(main);
        v.push("--".into());
        for h in headers {
            v.push("-include".into());
            v.push(h);
        }
        v.extend(self.full_clang_args());
        v
    }

    /// Run h2rs with the options built up so far.
    pub fn generate(self) -> Result<Bindings, BindgenError> {
        for h in &self.headers {
            check_header(Path::new(h))?;
        }
        for h in &self.headers {
            for cb in &self.callbacks {
                cb.header_file(h);
            }
        }
        let program = find_h2rs(&self.callbacks)?;
        let work = Scratch::new()?;
        // header_contents: real files (kept for the wrappers' #include).
        let mut headers = self.headers.clone();
        for (name, text) in &self.contents {
            let p = work.contents_dir.join(name.trim_start_matches('/'));
            if let Some(d) = p.parent() {
                fs::create_dir_all(d).map_err(|e| io_error(&p, e))?;
            }
            fs::write(&p, text).map_err(|e| io_error(&p, e))?;
            headers.push(p.display().to_string());
        }
        let main = headers.pop().ok_or_else(|| BindgenError::Program("h2rs-build: no header given".into()))?;
        let out = work.dir.join("bindings.rs");
        let dep = work.dir.join("bindings.d");
        let mut cmd = Command::new(&program);
        cmd.args(self.options());
        cmd.arg("-o").arg(&out).arg("--depfile").arg(&dep).arg(&main).arg("--");
        for h in &headers {
            cmd.arg("-include").arg(h);
        }
        cmd.args(self.full_clang_args());
        let output = cmd.output().map_err(|e| {
            BindgenError::Program(format!("h2rs-build: cannot run {}: {e}", program.to_string_lossy()))
        })?;
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        eprint!("{stderr}");
        if !output.status.success() {
            let msg = stderr.trim_end().to_owned();
            return Err(BindgenError::ClangDiagnostic(if msg.is_empty() {
                format!("h2rs exited with {}", output.status)
            } else {
                msg
            }));
        }
        let text = fs::read_to_string(&out).map_err(|e| io_error(&out, e))?;
        if let Ok(d) = fs::read_to_string(&dep) {
            for f in parse_depfile(&d) {
                let own = f == main || headers.contains(&f) || Path::new(&f).starts_with(&work.contents_dir);
                if !own {
                    for cb in &self.callbacks {
                        cb.include_file(&f);
                    }
                }
            }
        }
        Ok(Bindings { text })
    }
}

fn io_error(p: &Path, e: io::Error) -> BindgenError {
    BindgenError::Program(format!("h2rs-build: {}: {e}", p.display()))
}

fn check_header(p: &Path) -> Result<(), BindgenError> {
    match fs::metadata(p) {
        Ok(m) if m.is_dir() => Err(BindgenError::FolderAsHeader(p.into())),
        Ok(_) => match fs::File::open(p) {
            Ok(_) => Ok(()),
            Err(_) => Err(BindgenError::InsufficientPermissions(p.into())),
        },
        Err(_) => Err(BindgenError::NotExist(p.into())),
    }
}

fn env_var(cbs: &[Rc<dyn ParseCallbacks>], key: &str) -> Option<String> {
    for cb in cbs {
        cb.read_env_var(key);
    }
    env::var(key).ok()
}

/// `VAR_<TARGET>`, then `VAR_<TARGET with _>`, then `VAR`.
fn target_env_var(cbs: &[Rc<dyn ParseCallbacks>], var: &str) -> Option<String> {
    if let Some(t) = env_var(cbs, "TARGET") {
        if let Some(v) = env_var(cbs, &format!("{var}_{t}")) {
            return Some(v);
        }
        if let Some(v) = env_var(cbs, &format!("{var}_{}", t.replace('-', "_"))) {
            return Some(v);
        }
    }
    env_var(cbs, var)
}

/// `$H2RS`, else `h2rs` on `PATH`.
fn find_h2rs(cbs: &[Rc<dyn ParseCallbacks>]) -> Result<OsString, BindgenError> {
    for cb in cbs {
        cb.read_env_var("H2RS");
    }
    if let Some(p) = env::var_os("H2RS").filter(|p| !p.is_empty()) {
        if Path::new(&p).is_file() {
            return Ok(p);
        }
        return Err(BindgenError::Program(format!(
            "h2rs-build: H2RS={} is not a file (set H2RS to the h2rs program, or unset it to use h2rs on PATH)",
            p.to_string_lossy()
        )));
    }
    if let Some(path) = env::var_os("PATH") {
        for d in env::split_paths(&path) {
            let p = d.join("h2rs");
            if p.is_file() {
                return Ok(p.into_os_string());
            }
        }
    }
    Err(BindgenError::Program(
        "h2rs-build: cannot find the h2rs program: H2RS is not set and there is no h2rs on PATH".into(),
    ))
}

/// A directory for h2rs's output and depfile (removed when dropped), and
/// one for header_contents' files (kept: wrappers #include them).
struct Scratch {
    dir: PathBuf,
    contents_dir: PathBuf,
}

thread_local! {
    static RUNS: Cell<u32> = const { Cell::new(0) };
}

impl Scratch {
    fn new() -> Result<Scratch, BindgenError> {
        let base = env::var_os("OUT_DIR").map(PathBuf::from).unwrap_or_else(env::temp_dir);
        let n = RUNS.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        let dir = base.join(format!(".h2rs-build-{}-{n}", std::process::id()));
        let contents_dir = base.join("h2rs-build-contents");
        fs::create_dir_all(&dir).map_err(|e| io_error(&dir, e))?;
        Ok(Scratch { dir, contents_dir })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Split like a POSIX shell (quotes and backslashes; no expansions). None
/// when a quote is left open or the text ends in a backslash.
fn split_shell(s: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut it = s.chars();
    while let Some(c) = it.next() {
        match c {
            ' ' | '\t' | '\n' => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '\\' => {
                match it.next()? {
                    '\n' => {}
                    n => cur.push(n),
                }
                in_word = true;
            }
            '\'' => {
                in_word = true;
                loop {
                    match it.next()? {
                        '\'' => break,
                        n => cur.push(n),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match it.next()? {
                        '"' => break,
                        '\\' => match it.next()? {
                            n @ ('$' | '`' | '"' | '\\') => cur.push(n),
                            '\n' => {}
                            n => {
                                cur.push('\\');
                                cur.push(n);
                            }
                        },
                        n => cur.push(n),
                    }
                }
            }
            c => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    Some(words)
}

/// The prerequisites of a make depfile (`target: a b \` lines, `\ ` for a
/// space, `$$` for `$`).
fn parse_depfile(text: &str) -> Vec<String> {
    let joined = text.replace("\\\r\n", " ").replace("\\\n", " ");
    let mut files = Vec::new();
    for line in joined.lines() {
        // The target ends at the first ": " not escaped.
        let Some(pos) = line.find(": ").or_else(|| line.strip_suffix(':').map(|l| l.len())) else {
            continue;
        };
        let mut cur = String::new();
        let mut it = line[pos + 1..].chars().peekable();
        while let Some(c) = it.next() {
            match c {
                '\\' if it.peek() == Some(&' ') => {
                    cur.push(' ');
                    it.next();
                }
                '$' if it.peek() == Some(&'$') => {
                    cur.push('$');
                    it.next();
                }
                ' ' | '\t' => {
                    if !cur.is_empty() {
                        files.push(std::mem::take(&mut cur));
                    }
                }
                c => cur.push(c),
            }
        }
        if !cur.is_empty() {
            files.push(cur);
        }
    }
    files.dedup();
    files
}

/// A Rust target triple as clang spells it (bindgen's list).
fn rust_to_clang_target(rust: &str) -> String {
    let mut t: Vec<&str> = rust.split_terminator('-').collect();
    t.resize(4, "");
    if t[0].starts_with("riscv32") {
        t[0] = "riscv32";
    } else if t[0].starts_with("riscv64") {
        t[0] = "riscv64";
    }
    if t[1] == "apple" {
        if t[0] == "aarch64" {
            t[0] = "arm64";
        }
        if t[3] == "sim" {
            t[3] = "simulator";
        }
    }
    if t[2] == "espidf" {
        t[2] = "elf";
    }
    t.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests;
