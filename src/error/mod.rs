//! Errors are values: the message is written to stderr where it arises (as
//! iproute2 does with fprintf), and `Exit(code)` carries the status up to
//! `main`, which flushes stdout and exits. `Exit` is ip's `exit()`: it ends a
//! batch too. A command's ordinary failure is an `Ok(rc)` instead.

use std::io::Write;

pub mod catalogue;
pub use catalogue::*;
mod strerror;
pub use strerror::{hstrerror, strerror};

/// Ends the process with this status (after flushing stdout).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit(pub i32);

pub type Res<T> = Result<T, Exit>;

thread_local! {
    /// Set while a golden replay captures what would go to stderr.
    static CAPTURE: std::cell::RefCell<Option<Vec<u8>>> = const { std::cell::RefCell::new(None) };
}

/// Writes `msg` to stderr verbatim (unbuffered, as C's stderr).
pub fn eprint_raw(msg: &str) {
    eprint_bytes(msg.as_bytes())
}

/// eprint_raw() for messages that carry argv bytes (not always UTF-8).
pub fn eprint_bytes(msg: &[u8]) {
    let captured = CAPTURE.with(|c| {
        if let Some(buf) = c.borrow_mut().as_mut() {
            buf.extend_from_slice(msg);
            true
        } else {
            false
        }
    });
    // Unit tests read stderr through capture_stderr(); what they do not
    // capture is the expected noise of error-path tests, not a failure, and
    // stays out of `cargo test`'s output.
    if !captured && !cfg!(test) {
        let stderr = std::io::stderr();
        let mut h = stderr.lock();
        let _ = h.write_all(msg);
    }
}

/// Runs `f` with stderr output collected instead of written (for replays).
pub fn capture_stderr<R>(f: impl FnOnce() -> R) -> (R, Vec<u8>) {
    CAPTURE.with(|c| *c.borrow_mut() = Some(Vec::new()));
    let r = f();
    let out = CAPTURE.with(|c| c.borrow_mut().take()).unwrap_or_default();
    (r, out)
}

/// Prints `msg` to stderr and returns `Exit(code)`.
pub fn fail(code: i32, msg: &str) -> Exit {
    eprint_raw(msg);
    Exit(code)
}

/// Writes to stderr with format arguments.
#[macro_export]
macro_rules! eprintf {
    ($($arg:tt)*) => {
        $crate::error::eprint_raw(&format!($($arg)*))
    };
}

/// Prints to stderr and returns `Err(Exit(code))` from the function.
#[macro_export]
macro_rules! bail {
    ($code:expr, $($arg:tt)*) => {
        return Err($crate::error::fail($code, &format!($($arg)*)))
    };
}
