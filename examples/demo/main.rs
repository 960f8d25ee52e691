// The h2rs demo: calls the C library `shapes` through bindings that h2rs
// generated from shapes.h (see Makefile).  Nothing here is hand-written FFI.

#[allow(non_camel_case_types, non_upper_case_globals, non_snake_case, dead_code)]
mod ffi {
    include!("bindings.rs");
}

use std::ffi::CStr;
use std::os::raw::{c_char, c_void};

fn name_of(s: &ffi::shape) -> String {
    unsafe { CStr::from_ptr(s.name.as_ptr() as *const c_char) }
        .to_string_lossy()
        .into_owned()
}

fn kind_name(k: ffi::shape_kind) -> String {
    unsafe { CStr::from_ptr(ffi::shape_kind_name(k)) }
        .to_string_lossy()
        .into_owned()
}

// A Rust function C calls back through `shape_visitor`.
unsafe extern "C" fn visit(s: *const ffi::shape, area: f64, user: *mut c_void) {
    let total = &mut *(user as *mut f64);
    *total += area;
    let s = &*s;
    println!(
        "  visit: {:<8} {:<7} layer={} color=#{:06x} area={:.3}",
        name_of(s),
        kind_name(s.kind),
        s.layer(),
        s.color(),
        area
    );
}

fn main() {
    println!("shapes library version {} (name buffer {} bytes)", ffi::SHAPES_VERSION, ffi::SHAPES_NAME_LEN);
    println!(
        "sizeof(struct shape) = {}, alignof = {}",
        std::mem::size_of::<ffi::shape>(),
        std::mem::align_of::<ffi::shape>()
    );

    let mut shapes: [ffi::shape; 3] = unsafe { std::mem::zeroed() };
    unsafe {
        ffi::shape_init_circle(&mut shapes[0], c"disc".as_ptr(), 0.0, 0.0, 2.0);
        ffi::shape_init_rect(&mut shapes[1], c"door".as_ptr(), 1.0, 1.0, 3.0, 4.0);
        ffi::shape_init_rect(&mut shapes[2], c"hidden".as_ptr(), 5.0, 5.0, 10.0, 10.0);
    }

    // C set the bitfields; Rust reads them through the generated accessors.
    assert_eq!(shapes[0].visible(), 1);
    assert_eq!(shapes[0].color(), 0x336699);
    assert_eq!(shapes[1].kind, ffi::shape_kind_SHAPE_RECT);
    assert_eq!(unsafe { shapes[1].u.rect.h }, 4.0);

    // Rust sets bitfields; C reads them (shapes_visit skips invisible shapes).
    shapes[1].set_layer(ffi::SHAPES_MAX_LAYER as u32);
    shapes[1].set_color(0xff8800);
    shapes[2].set_visible(0);

    let mut total = 0.0f64;
    let n = unsafe {
        ffi::shapes_visit(
            shapes.as_ptr(),
            shapes.len(),
            Some(visit),
            &mut total as *mut f64 as *mut c_void,
        )
    };
    println!("visited {} of {} shapes, total area {:.3}", n, shapes.len(), total);
    assert_eq!(n, 2);
    assert!((total - (std::f64::consts::PI * 4.0 + 12.0)).abs() < 1e-9);

    let square = [
        ffi::point { x: 0.0, y: 0.0 },
        ffi::point { x: 2.0, y: 0.0 },
        ffi::point { x: 2.0, y: 2.0 },
        ffi::point { x: 0.0, y: 2.0 },
    ];
    let a = unsafe { ffi::polygon_area(square.as_ptr(), square.len()) };
    println!("polygon_area(2x2 square) = {:.1}", a);
    assert_eq!(a, 4.0);
    println!("kind {} is {:?}", ffi::shape_kind_SHAPE_POLYGON, kind_name(ffi::shape_kind_SHAPE_POLYGON));

    let created = unsafe { ffi::shapes_created };
    println!("shapes_created (a C global) = {}", created);
    assert_eq!(created, 3);
    println!("demo OK");
}
