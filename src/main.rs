//! The `rip` multicall binary: `ip`, `bridge` and `sysctl` in one file.
//! Dispatch is on the exact basename of argv[0] (never a suffix match:
//! `rip` must not be taken for `ip`).

fn main() {
    // Rust ignores SIGPIPE by default; iproute2 dies of it (`ip ... | head`).
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let code = rip::run(args);
    std::process::exit(code);
}
