// greet_twice is static inline in C: Rust reaches it through the wrapper.
use greet_wrap_sys::*;

#[test]
fn static_inline_function_is_called_through_its_wrapper() {
    assert_eq!(unsafe { greet_twice(21) }, 42);
    assert_eq!(unsafe { greet_add(greet_twice(1), 1) }, 3);
}
