//! The `sysctl` front end (procps-ng 4.0.2 src/sysctl.c). Owned by issue 8.

use std::ffi::OsString;

pub fn main(_argv: Vec<OsString>) -> i32 {
    crate::error::eprint_raw("rip: sysctl is not implemented yet\n");
    1
}
