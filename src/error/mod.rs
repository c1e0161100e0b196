//! Errors are values: the message is written to stderr where it arises (as
//! iproute2 does with fprintf), and `Exit(code)` carries the status up to
//! `main`, which flushes stdout and exits. `Exit` is ip's `exit()`: it ends a
//! batch too. A command's ordinary failure is an `Ok(rc)` instead.

use std::io::Write;

pub mod bytes;
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
/// Escape code points (crate::args::bytes) are written as the bytes they
/// stand for.
pub fn eprint_raw(msg: &str) {
    eprint_bytes(&self::bytes::unescape(msg))
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

/// Writes formatted text to stderr as eprint_raw() does, without building
/// the whole message first (a word of the message may be huge): short
/// pieces are gathered, so a message is one write as C's stderr makes it.
pub fn eprint_fmt(a: std::fmt::Arguments) {
    if let Some(s) = a.as_str() {
        return eprint_raw(s);
    }
    struct E(Vec<u8>);
    impl std::fmt::Write for E {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            if self.0.len() + s.len() > 8192 {
                eprint_bytes(&self.0);
                self.0.clear();
            }
            if s.len() > 8192 {
                eprint_raw(s);
            } else {
                self.0.extend_from_slice(&self::bytes::unescape(s));
            }
            Ok(())
        }
    }
    let mut e = E(Vec::new());
    let _ = std::fmt::write(&mut e, a);
    if !e.0.is_empty() {
        eprint_bytes(&e.0);
    }
}

/// Writes to stderr with format arguments.
#[macro_export]
macro_rules! eprintf {
    ($($arg:tt)*) => {
        $crate::error::eprint_fmt(format_args!($($arg)*))
    };
}

/// Prints to stderr and returns `Err(Exit(code))` from the function.
#[macro_export]
macro_rules! bail {
    ($code:expr, $($arg:tt)*) => {{
        $crate::error::eprint_fmt(format_args!($($arg)*));
        return Err($crate::error::Exit($code));
    }};
}
