// Unit tests of what h2rs-build decides without running h2rs.
use super::*;

#[test]
fn shell_splitting_follows_posix_quoting() {
    assert_eq!(split_shell("-I/a  -DX=\"a b\" 'c d' e\\ f").unwrap(), ["-I/a", "-DX=a b", "c d", "e f"]);
    assert_eq!(split_shell("\"x\\\"y\" ''").unwrap(), ["x\"y", ""]);
    assert!(split_shell("-DX='open").is_none());
    assert!(split_shell("").unwrap().is_empty());
}

#[test]
fn depfile_prerequisites_are_read_across_continuations() {
    let d = "out.rs: /a/b.h \\\n /c/d\\ e.h /f$$g.h\n/a/b.h:\n";
    assert_eq!(parse_depfile(d), ["/a/b.h", "/c/d e.h", "/f$g.h"]);
}

#[test]
fn rust_triples_become_clang_triples() {
    assert_eq!(rust_to_clang_target("riscv64gc-unknown-linux-gnu"), "riscv64-unknown-linux-gnu");
    assert_eq!(rust_to_clang_target("aarch64-apple-ios-sim"), "arm64-apple-ios-simulator");
    assert_eq!(rust_to_clang_target("x86_64-unknown-linux-gnu"), "x86_64-unknown-linux-gnu");
    assert_eq!(rust_to_clang_target("xtensa-esp32-espidf"), "xtensa-esp32-elf");
}

#[test]
fn rust_targets_parse_as_bindgen_parses_them() {
    assert_eq!("1.71".parse::<RustTarget>().unwrap().to_string(), "1.71.0");
    assert_eq!("1.71.1".parse::<RustTarget>().unwrap().to_string(), "1.71.1");
    assert_eq!("nightly".parse::<RustTarget>().unwrap(), RustTarget::nightly());
    assert!("2.0".parse::<RustTarget>().is_err());
    assert_eq!(RustTarget::stable(30, 0), Err(InvalidRustTarget::TooEarly));
}

#[test]
fn methods_become_h2rs_options() {
    let b = Builder::default()
        .header("a.h")
        .header("b.h")
        .rust_target(RustTarget::stable(77, 0).unwrap())
        .allowlist_function("f.*")
        .derive_default(true)
        .derive_copy(false)
        .layout_tests(false)
        .size_t_is_usize(true)
        .default_enum_style(EnumVariation::Rust { non_exhaustive: false })
        .wrap_static_fns(true)
        .wrap_static_fns_path("/o/extern")
        .clang_arg("-DX");
    let f = b.command_line_flags();
    let s = f.join(" ");
    assert!(s.starts_with("--macro-constants bindgen --rust-target 1.77.0 --default-enum-style rust "), "{s}");
    for want in ["--with-derive-default", "--no-derive-copy", "--no-layout-tests", "--wrap-static-fns --wrap-static-fns-path /o/extern", "--allowlist-function f.*"] {
        assert!(s.contains(want), "{want} missing in {s}");
    }
    assert!(!s.contains("size_t"), "{s}");
    // The last header is the main one; the others are -include'd.
    let dd = f.iter().position(|a| a == "--").unwrap();
    assert_eq!(f[dd - 1], "b.h");
    assert_eq!(&f[dd + 1..dd + 3], ["-include", "a.h"]);
}

#[derive(Debug, Default)]
struct Record(std::cell::RefCell<Vec<String>>);
impl ParseCallbacks for Record {
    fn read_env_var(&self, key: &str) {
        self.0.borrow_mut().push(key.to_owned());
    }
}

// One test for everything that sets environment variables (tests run in
// threads of one process).
#[test]
fn environment_as_bindgen_reads_it() {
    let clang = |b: &Builder| {
        let f = b.command_line_flags();
        let dd = f.iter().position(|a| a == "--").unwrap();
        f[dd + 1..].to_vec()
    };
    env::remove_var("TARGET");
    env::remove_var("HOST");
    env::set_var("BINDGEN_EXTRA_CLANG_ARGS", "-DA='1 2' -DB");
    let b = Builder::default().header("x.h").clang_arg("-DZ");
    assert_eq!(clang(&b), ["-DZ", "-DA=1 2", "-DB"]);

    env::set_var("TARGET", "riscv64gc-unknown-linux-gnu");
    env::set_var("HOST", "x86_64-unknown-linux-gnu");
    assert_eq!(clang(&b)[0], "--target=riscv64-unknown-linux-gnu");
    env::set_var("BINDGEN_EXTRA_CLANG_ARGS_riscv64gc_unknown_linux_gnu", "-DU");
    assert_eq!(clang(&b), ["--target=riscv64-unknown-linux-gnu", "-DZ", "-DU"]);
    env::set_var("BINDGEN_EXTRA_CLANG_ARGS_riscv64gc-unknown-linux-gnu", "-DT");
    assert_eq!(clang(&b), ["--target=riscv64-unknown-linux-gnu", "-DZ", "-DT"]);
    // An explicit target wins; an unsplittable value is one argument.
    env::set_var("BINDGEN_EXTRA_CLANG_ARGS_riscv64gc-unknown-linux-gnu", "-D'open");
    let b2 = b.clone().clang_arg("--target=arm-none-eabi");
    assert_eq!(clang(&b2), ["-DZ", "--target=arm-none-eabi", "-D'open"]);

    // Host builds get no --target.
    env::set_var("TARGET", "x86_64-unknown-linux-gnu");
    assert!(!clang(&b).iter().any(|a| a.starts_with("--target")));

    // Callbacks hear every variable read.
    let rec = Rc::new(Record::default());
    let mut b3 = Builder::default().header("x.h");
    b3.callbacks.push(rec.clone());
    b3.command_line_flags();
    let keys = rec.0.borrow().clone();
    assert!(keys.contains(&"BINDGEN_EXTRA_CLANG_ARGS_x86_64-unknown-linux-gnu".to_owned()), "{keys:?}");
    assert!(keys.contains(&"TARGET".to_owned()));

    // No h2rs: the error names H2RS and PATH.
    env::remove_var("H2RS");
    let path = env::var_os("PATH");
    env::set_var("PATH", "/nonexistent");
    let e = find_h2rs(&[]).unwrap_err().to_string();
    assert!(e.contains("H2RS") && e.contains("PATH"), "{e}");
    env::set_var("H2RS", "/nonexistent/h2rs");
    let e = find_h2rs(&[]).unwrap_err().to_string();
    assert!(e.contains("H2RS=/nonexistent/h2rs") && e.contains("PATH"), "{e}");
    env::remove_var("H2RS");
    if let Some(p) = path {
        env::set_var("PATH", p);
    }
    for k in ["TARGET", "HOST", "BINDGEN_EXTRA_CLANG_ARGS", "BINDGEN_EXTRA_CLANG_ARGS_riscv64gc_unknown_linux_gnu", "BINDGEN_EXTRA_CLANG_ARGS_riscv64gc-unknown-linux-gnu"] {
        env::remove_var(k);
    }
}

#[test]
fn missing_headers_are_bindgen_errors() {
    let e = Builder::default().header("/nonexistent/x.h").generate().unwrap_err();
    assert_eq!(e, BindgenError::NotExist("/nonexistent/x.h".into()));
    let e = Builder::default().header("/").generate().unwrap_err();
    assert_eq!(e, BindgenError::FolderAsHeader("/".into()));
}

#[test]
#[allow(deprecated)]
fn the_deprecated_cargo_callbacks_constant_still_builds() {
    let b = Builder::default().header("x.h").parse_callbacks(Box::new(CargoCallbacks));
    assert_eq!(b.callbacks.len(), 1);
    assert!(!CargoCallbacks.rerun_on_header_files && CargoCallbacks::new().rerun_on_header_files);
}
