// bindgen's usual build.rs, with `bindgen::` coming from h2rs-build.
use h2rs_build as bindgen;

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out_path = PathBuf::from(env::var("OUT_DIR").unwrap());

    // The C library, with the system compiler (no `cc` crate offline).
    let cc = env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let obj = out_path.join("greet.o");
    let ok = Command::new(&cc)
        .args(["-c", "-O2", "-fPIC", "-Icsrc", "csrc/greet.c", "-o"])
        .arg(&obj)
        .status()
        .expect("failed to run the C compiler");
    assert!(ok.success(), "compiling csrc/greet.c failed");
    let ok = Command::new("ar")
        .arg("rcs")
        .arg(out_path.join("libgreet.a"))
        .arg(&obj)
        .status()
        .expect("failed to run ar");
    assert!(ok.success(), "ar failed");
    println!("cargo:rustc-link-search=native={}", out_path.display());
    println!("cargo:rustc-link-lib=static=greet");
    println!("cargo:rerun-if-changed=csrc/greet.c");

    let bindings = bindgen::Builder::default()
        .header("csrc/greet.h")
        .allowlist_function("greet_.*")
        .allowlist_type("greet_.*")
        .allowlist_var("GREET_.*")
        .rustified_enum("greet_mood")
        .derive_default(true)
        .parse_callbacks(Box::new(bindgen::CargoCallbacks::new()))
        .generate()
        .expect("Unable to generate bindings");

    bindings
        .write_to_file(out_path.join("bindings.rs"))
        .expect("Couldn't write bindings!");
}
