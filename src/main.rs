//! The `rip` multicall binary: `ip`, `bridge`, `sysctl` and `brctl` in one file.
//! Dispatch is on the exact basename of argv[0] (never a suffix match:
//! `rip` must not be taken for `ip`).
//!
//! `no_main`: the C runtime calls `main` directly, skipping std's start-up
//! (which reads /proc/self/maps for a stack guard, installs a signal stack
//! and ignores SIGPIPE). Start-up is most of the cost of a short `ip`
//! command, and iproute2 dies of SIGPIPE (`ip ... | head`), so the default
//! disposition is what we want anyway. The arguments are read from main's
//! own argc/argv (as bytes): with `no_main`, std only sees them where glibc
//! hands argv to .init_array functions, which musl does not.
#![no_main]

use std::ffi::{CStr, OsString};
use std::os::unix::ffi::OsStringExt;

// Called by the C runtime only, with its own argc/argv.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
#[no_mangle]
pub extern "C" fn main(argc: libc::c_int, argv: *const *const libc::c_char) -> libc::c_int {
    let n = usize::try_from(argc).unwrap_or(0);
    let mut args: Vec<OsString> = Vec::with_capacity(n);
    for i in 0..n {
        // SAFETY: the C runtime passes argc valid pointers in argv, each a
        // NUL-terminated string; a null entry ends the list early.
        let p = unsafe { *argv.add(i) };
        if p.is_null() {
            break;
        }
        args.push(OsString::from_vec(unsafe { CStr::from_ptr(p) }.to_bytes().to_vec()));
    }
    rip::sys::set_args(&args);
    let code = rip::run(args);
    // exit() flushes C stdio like ip's own exit path; rip's own buffers are
    // flushed by the front ends before they return.
    std::process::exit(code)
}
