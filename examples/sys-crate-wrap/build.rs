// bindgen's build.rs for static inline functions: wrap_static_fns writes C
// wrappers, compiled here with the library (no `cc` crate offline).
use h2rs_build as bindgen;

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn cc(args: &[&str]) {
    let cc = env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let ok = Command::new(&cc).args(args).status().expect("failed to run the C compiler");
    assert!(ok.success(), "{cc} {args:?} failed");
}

fn main() {
    let out_path = PathBuf::from(env::var("OUT_DIR").unwrap());
    let out = out_path.to_str().unwrap();
    let csrc = "../sys-crate/csrc";

    let bindings = bindgen::Builder::default()
        .header(format!("{csrc}/greet.h"))
        .allowlist_function("greet_.*")
        .wrap_static_fns(true)
        .wrap_static_fns_path(out_path.join("extern"))
        .parse_callbacks(Box::new(bindgen::CargoCallbacks::new()))
        .generate()
        .expect("Unable to generate bindings");
    bindings
        .write_to_file(out_path.join("bindings.rs"))
        .expect("Couldn't write bindings!");

    // The wrappers #include the header; compile them with the library.
    cc(&["-c", "-O2", "-fPIC", &format!("-I{csrc}"), &format!("{csrc}/greet.c"), "-o", &format!("{out}/greet.o")]);
    cc(&["-c", "-O2", "-fPIC", &format!("-I{csrc}"), "-I.", &format!("{out}/extern.c"), "-o", &format!("{out}/extern.o")]);
    let ok = Command::new("ar")
        .args(["rcs", &format!("{out}/libgreet_wrap.a"), &format!("{out}/greet.o"), &format!("{out}/extern.o")])
        .status()
        .expect("failed to run ar");
    assert!(ok.success(), "ar failed");
    println!("cargo:rustc-link-search=native={out}");
    println!("cargo:rustc-link-lib=static=greet_wrap");
    println!("cargo:rerun-if-changed={csrc}/greet.c");
}
