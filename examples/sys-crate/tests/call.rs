// Calls into the C library through the generated bindings.
use greet_sys::*;

#[test]
fn add_is_c_addition() {
    assert_eq!(unsafe { greet_add(40, 2) }, 42);
}

#[test]
fn format_writes_through_a_buffer() {
    let mut buf = [0u8; GREET_MAX_NAME as usize];
    let name = b"rust\0";
    let n = unsafe {
        greet_format(buf.as_mut_ptr().cast(), buf.len(), name.as_ptr().cast(), greet_mood::GREET_LOUD)
    };
    assert_eq!(&buf[..n], b"HELLO, RUST");
}

#[test]
fn struct_layout_matches_c() {
    let p = greet_point { x: 1, y: 1 << 40, tag: 3 };
    assert_eq!(unsafe { greet_point_sum(&p) }, (1 << 40) + 4);
    assert_eq!(greet_point::default().y, 0);
}
