//! The `bridge` front end (bridge/bridge.c, 6.1.0). Owned by issue 8.

use std::ffi::OsString;

pub fn main(_argv: Vec<OsString>) -> i32 {
    crate::error::eprint_raw("rip: bridge is not implemented yet\n");
    1
}
