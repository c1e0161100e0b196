//! The `rip` multicall binary: `ip`, `bridge`, `sysctl` and `brctl` in one file.
//! Dispatch is on the exact basename of argv[0] (never a suffix match:
//! `rip` must not be taken for `ip`).
//!
//! `no_main`: the C runtime calls `main` directly, skipping std's start-up
//! (which reads /proc/self/maps for a stack guard, installs a signal stack
//! and ignores SIGPIPE). Start-up is most of the cost of a short `ip`
//! command, and iproute2 dies of SIGPIPE (`ip ... | head`), so the default
//! disposition is what we want anyway. std still works: glibc hands argv to
//! std through .init_array.
#![no_main]

#[no_mangle]
pub extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let code = rip::run(args);
    // exit() flushes C stdio like ip's own exit path; rip's own buffers are
    // flushed by the front ends before they return.
    std::process::exit(code)
}
