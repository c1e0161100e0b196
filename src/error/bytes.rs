//! Names and arguments are bytes (iproute2 reads argv, batch lines, file
//! names and kernel names as C strings), but rip's parsers work on `&str`.
//! The bridge is a lossless escape, applied where bytes enter (argv, batch
//! words, directory entries, kernel string attributes) and reversed where
//! they leave (netlink attributes, paths, system calls, and every byte
//! written to stdout and stderr):
//!
//! - valid UTF-8 stays as it is;
//! - each byte that is not part of valid UTF-8 becomes the private-use
//!   code point U+10FF00 + byte;
//! - so that the mapping is exactly reversible, each of the 4 bytes of a
//!   code point of that same range present in the input is escaped too.
//!
//! An escape code point is 4 bytes of UTF-8 (F4 8F BC..BF 80..BF); a
//! name's length in bytes is `len()`, not `str::len()`.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};

const BASE: u32 = 0x10FF00;

/// Whether `b` at `i` starts the UTF-8 of an escape code point.
#[inline]
fn escape_at(b: &[u8], i: usize) -> bool {
    b[i] == 0xF4
        && b.get(i + 1) == Some(&0x8F)
        && matches!(b.get(i + 2), Some(0xBC..=0xBF))
        && matches!(b.get(i + 3), Some(0x80..=0xBF))
}

/// Whether `s` holds an escape code point.
#[inline]
pub fn has_escape(s: &str) -> bool {
    has_escape_bytes(s.as_bytes())
}

/// Set once any escape code point has been made: until then no text in
/// the process holds one, and writers need not look (a printer writes
/// thousands of short pieces).
static MADE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether any text may hold an escape code point (see `MADE`).
#[inline]
pub fn any_made() -> bool {
    MADE.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn has_escape_bytes(b: &[u8]) -> bool {
    // Only 0xF4 can start one; most text has no byte of that value (and
    // contains() is a memchr).
    b.contains(&0xF4) && b.iter().enumerate().any(|(i, &c)| c == 0xF4 && escape_at(b, i))
}

fn push_escaped(out: &mut String, c: u8) {
    out.push(char::from_u32(BASE + c as u32).unwrap_or('\u{fffd}'));
}

/// The text standing for the bytes `b` (borrowed when they are UTF-8 with
/// no escape code point).
pub fn escape(b: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(b) {
        Ok(s) if !has_escape(s) => Cow::Borrowed(s),
        _ => Cow::Owned(escape_slow(b)),
    }
}

/// escape() of an owned buffer: no copy when it needs no escape.
pub fn escape_vec(b: Vec<u8>) -> String {
    match String::from_utf8(b) {
        Ok(s) if !has_escape(&s) => s,
        Ok(s) => escape_slow(s.as_bytes()),
        Err(e) => escape_slow(e.as_bytes()),
    }
}

/// escape() of an argv word or a file name.
pub fn escape_os(o: OsString) -> String {
    escape_vec(o.into_vec())
}

fn escape_slow(mut b: &[u8]) -> String {
    MADE.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut out = String::with_capacity(b.len() + 8);
    while !b.is_empty() {
        let (good, bad) = match std::str::from_utf8(b) {
            Ok(s) => (s, 0),
            Err(e) => {
                // SAFETY-free: valid_up_to() bytes are UTF-8.
                let s = std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or("");
                (s, e.error_len().unwrap_or(b.len() - e.valid_up_to()))
            }
        };
        // The valid part, with escape code points taken apart.
        let g = good.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < g.len() {
            if g[i] == 0xF4 && escape_at(g, i) {
                out.push_str(&good[start..i]);
                for &c in &g[i..i + 4] {
                    push_escaped(&mut out, c);
                }
                i += 4;
                start = i;
            } else {
                i += 1;
            }
        }
        out.push_str(&good[start..]);
        let rest = &b[g.len()..];
        for &c in &rest[..bad] {
            push_escaped(&mut out, c);
        }
        b = &rest[bad..];
    }
    out
}

/// The bytes `s` stands for (borrowed when it holds no escape).
pub fn unescape(s: &str) -> Cow<'_, [u8]> {
    unescape_bytes(s.as_bytes())
}

/// unescape() of text already taken as bytes (a writer's buffer).
pub fn unescape_bytes(b: &[u8]) -> Cow<'_, [u8]> {
    if !has_escape_bytes(b) {
        return Cow::Borrowed(b);
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == 0xF4 && escape_at(b, i) {
            // F4 8F 1011_11hh 10ll_llll: the byte is hh llllll.
            out.push(((b[i + 2] & 0x03) << 6) | (b[i + 3] & 0x3F));
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// unescape() as an OsStr (a path, an exec argument).
pub fn os(s: &str) -> Cow<'_, OsStr> {
    match unescape(s) {
        Cow::Borrowed(b) => Cow::Borrowed(OsStr::from_bytes(b)),
        Cow::Owned(v) => Cow::Owned(OsString::from_vec(v)),
    }
}

/// The length in bytes of what `s` stands for (C's strlen()).
pub fn len(s: &str) -> usize {
    let b = s.as_bytes();
    if !b.contains(&0xF4) {
        return b.len();
    }
    let n = b.iter().enumerate().filter(|&(i, &c)| c == 0xF4 && escape_at(b, i)).count();
    b.len() - 3 * n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(b: &[u8]) {
        let s = escape(b);
        assert_eq!(&*unescape(&s), b, "{:?}", b);
        assert_eq!(len(&s), b.len(), "{:?}", b);
        assert_eq!(escape_vec(b.to_vec()), *s);
    }

    #[test]
    fn utf8_is_kept() {
        assert!(matches!(escape(b"eth0"), Cow::Borrowed("eth0")));
        assert!(matches!(escape("vé".as_bytes()), Cow::Borrowed("vé")));
        assert!(matches!(unescape("eth0"), Cow::Borrowed(b"eth0")));
    }

    #[test]
    fn bad_bytes_escape() {
        assert_eq!(escape(b"v\xff"), "v\u{10ffff}");
        assert_eq!(&*unescape("v\u{10ffff}"), b"v\xff");
        // A present escape code point is taken apart byte by byte.
        let cp = "\u{10ff41}";
        assert_eq!(escape(cp.as_bytes()), "\u{10fff4}\u{10ff8f}\u{10ffbd}\u{10ff81}");
        round(cp.as_bytes());
        round(b"\xf4\x8f\xbc");
        round(b"\xf4\x8f\xbc\x80\xff\xc3");
        round(b"a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xed\xa0\x80\xc0\xaf");
    }

    #[test]
    fn every_byte_sequence_round_trips() {
        for a in 0..=255u8 {
            round(&[a]);
            for b in 0..=255u8 {
                round(&[a, b]);
            }
        }
        // Random sequences biased toward UTF-8 lead and escape bytes.
        let mut next = crate::testrng::xorshift(0x9E37_79B9_7F4A_7C15);
        let pool = [0xF4u8, 0x8F, 0xBC, 0xBF, 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0x41, 0x00, 0xFF];
        for _ in 0..200_000 {
            let x = next();
            let n = (x % 12) as usize;
            let mut v = Vec::with_capacity(n);
            let mut y = x;
            for _ in 0..n {
                y = y.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let r = (y >> 33) as u8;
                v.push(if r & 1 == 0 { pool[(r as usize >> 1) % pool.len()] } else { r });
            }
            round(&v);
        }
    }
}
