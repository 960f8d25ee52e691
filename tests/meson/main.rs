#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case, dead_code)]
include!("bindings.rs");

fn sum(a: i32, b: i32) -> i32 {
    let p = pair { a, b };
    unsafe { pair_sum(&p) }
}

fn main() {
    let s = sum(2, 3);
    let t = unsafe { lib_scale(s) };
    println!("pair_sum = {s}, lib_scale = {t}");
    assert_eq!((s, t), (5, 50));
}

#[cfg(test)]
mod tests {
    #[test]
    fn calls_the_wrapped_static_inline_function() {
        assert_eq!(super::sum(40, 2), 42);
    }
}
