//! The printer's output buffer: `BufWriter`'s behaviour (same flush
//! points, same errors, the unwritten rest kept after a failed write) with
//! a copy that suits what a listing writes — a few bytes at a time. Small
//! pieces are copied with two overlapping loads and stores instead of a
//! call to memcpy, which was a tenth of a 4000-link listing.
//!
//! What is written through `Write` is text whose escape code points stand
//! for bytes (crate::error::bytes): they go out as those bytes. Only once
//! the process has made an escape is anything looked at. `write_bin`
//! writes bytes as they are (binary streams, file contents).

use std::io::{self, Write};

/// Copies `n` bytes from `src` to `dst`: under 16 bytes with two
/// overlapping loads and stores (no call), else with memcpy.
///
/// # Safety
/// `src` is readable and `dst` writable for `n` bytes; they do not overlap.
#[inline(always)]
pub(crate) unsafe fn copy_small(src: *const u8, dst: *mut u8, n: usize) {
    // SAFETY: every load is within src[0..n], every store within dst[0..n].
    unsafe {
        if n >= 16 {
            std::ptr::copy_nonoverlapping(src, dst, n);
        } else if n >= 8 {
            let a = (src as *const u64).read_unaligned();
            let z = (src.add(n - 8) as *const u64).read_unaligned();
            (dst as *mut u64).write_unaligned(a);
            (dst.add(n - 8) as *mut u64).write_unaligned(z);
        } else if n >= 4 {
            let a = (src as *const u32).read_unaligned();
            let z = (src.add(n - 4) as *const u32).read_unaligned();
            (dst as *mut u32).write_unaligned(a);
            (dst.add(n - 4) as *mut u32).write_unaligned(z);
        } else if n > 0 {
            *dst = *src;
            *dst.add(n / 2) = *src.add(n / 2);
            *dst.add(n - 1) = *src.add(n - 1);
        }
    }
}

pub struct Out {
    buf: Vec<u8>,
    inner: Box<dyn Write>,
    /// A write straight to `inner` is under way (BufWriter's `panicked`:
    /// no flush from Drop then).
    panicked: bool,
}

impl Out {
    pub fn with_capacity(cap: usize, inner: Box<dyn Write>) -> Out {
        Out { buf: Vec::with_capacity(cap.max(1)), inner, panicked: false }
    }

    #[inline(always)]
    fn spare(&self) -> usize {
        self.buf.capacity() - self.buf.len()
    }

    /// Appends `b`; the caller has checked `b.len() <= self.spare()`.
    #[inline(always)]
    fn put(&mut self, b: &[u8]) {
        let n = b.len();
        debug_assert!(n <= self.spare());
        let len = self.buf.len();
        // SAFETY: `n` bytes fit the spare capacity (checked by every caller).
        unsafe {
            copy_small(b.as_ptr(), self.buf.as_mut_ptr().add(len), n);
            self.buf.set_len(len + n);
        }
    }

    /// Writes the buffer out; what could not be written stays buffered.
    fn flush_buf(&mut self) -> io::Result<()> {
        let mut written = 0;
        let mut ret = Ok(());
        while written < self.buf.len() {
            self.panicked = true;
            let r = self.inner.write(&self.buf[written..]);
            self.panicked = false;
            match r {
                Ok(0) => {
                    ret = Err(io::Error::new(io::ErrorKind::WriteZero, "failed to write the buffered data"));
                    break;
                }
                Ok(n) => written += n,
                Err(ref e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    ret = Err(e);
                    break;
                }
            }
        }
        if written > 0 {
            self.buf.drain(..written);
        }
        ret
    }

    /// write() past the fast path: as write_all() except that a piece too
    /// big for the buffer goes to `inner` in one write(), which may be short.
    #[cold]
    fn write_cold(&mut self, b: &[u8]) -> io::Result<usize> {
        if b.len() > self.spare() {
            self.flush_buf()?;
        }
        if b.len() >= self.buf.capacity() {
            return self.direct(|w| w.write(b));
        }
        self.put(b);
        Ok(b.len())
    }

    /// A write straight to `inner`, marked as under way meanwhile.
    fn direct<R>(&mut self, f: impl FnOnce(&mut Box<dyn Write>) -> R) -> R {
        self.panicked = true;
        let r = f(&mut self.inner);
        self.panicked = false;
        r
    }

    #[cold]
    fn write_all_cold(&mut self, b: &[u8]) -> io::Result<()> {
        if b.len() > self.spare() {
            self.flush_buf()?;
        }
        if b.len() >= self.buf.capacity() {
            return self.direct(|w| w.write_all(b));
        }
        self.put(b);
        Ok(())
    }
}

impl Out {
    /// Whether `n` more bytes fit the buffer now (flushing it first when
    /// needed), for a writer that then appends them with `push`. False
    /// sends the caller to the general path: an escape was made (text must
    /// be decoded), `n` is as big as the buffer, or the flush failed (the
    /// general path meets and reports the error).
    #[inline(always)]
    pub fn room(&mut self, n: usize) -> bool {
        if crate::error::bytes::any_made() {
            return false;
        }
        n < self.spare() || self.room_cold(n)
    }

    #[cold]
    #[inline(never)]
    fn room_cold(&mut self, n: usize) -> bool {
        n < self.buf.capacity() && self.flush_buf().is_ok() && n < self.spare()
    }

    /// Appends `b` within the room `room` granted (past it, as write_all
    /// would: a caller's miscount costs a flush, never memory safety).
    #[inline(always)]
    pub fn push(&mut self, b: &[u8]) {
        if b.len() <= self.spare() {
            self.put(b)
        } else {
            let _ = self.write_all_cold(b);
        }
    }

    /// Appends one byte within the room `room` granted.
    #[inline(always)]
    pub fn push_byte(&mut self, c: u8) {
        self.push(&[c])
    }

    /// Bytes as they are, never decoded.
    #[inline(always)]
    pub fn write_bin(&mut self, b: &[u8]) -> io::Result<()> {
        if b.len() < self.spare() {
            self.put(b);
            Ok(())
        } else {
            self.write_all_cold(b)
        }
    }

    #[cold]
    #[inline(never)]
    fn write_decoded(&mut self, b: &[u8]) -> io::Result<()> {
        let d = crate::error::bytes::unescape_bytes(b);
        self.write_bin(&d)
    }
}

impl Write for Out {
    #[inline]
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        if crate::error::bytes::any_made() && crate::error::bytes::has_escape_bytes(b) {
            // Each write is whole text (a &str or an ASCII piece of a format).
            self.write_decoded(b)?;
            return Ok(b.len());
        }
        if b.len() < self.spare() {
            self.put(b);
            Ok(b.len())
        } else {
            self.write_cold(b)
        }
    }

    #[inline(always)]
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        if crate::error::bytes::any_made() && crate::error::bytes::has_escape_bytes(b) {
            return self.write_decoded(b);
        }
        self.write_bin(b)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_buf()?;
        self.inner.flush()
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        if !self.panicked {
            let _ = self.flush_buf();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::Captured;

    #[test]
    fn every_length_and_boundary_is_copied_exactly() {
        let cap = Captured::default();
        let mut want = Vec::new();
        {
            let mut o = Out::with_capacity(64, Box::new(cap.clone()));
            let src: Vec<u8> = (0..200u32).map(|i| (i * 7 + 3) as u8).collect();
            for n in 0..100 {
                let piece = &src[n % 50..n % 50 + n];
                o.write_all(piece).unwrap();
                want.extend_from_slice(piece);
                let k = o.write(&src[..n % 70]).unwrap();
                want.extend_from_slice(&src[..k]);
            }
            o.flush().unwrap();
        }
        assert_eq!(cap.bytes(), want);
    }

    /// A failed write keeps the rest buffered and reports the error, as
    /// BufWriter does (sysctl and ip report it at the end).
    #[test]
    fn a_failed_write_keeps_the_rest() {
        struct Full(usize);
        impl Write for Full {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                if self.0 == 0 {
                    return Err(io::Error::from_raw_os_error(libc::ENOSPC));
                }
                let n = b.len().min(self.0);
                self.0 -= n;
                Ok(n)
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut o = Out::with_capacity(8, Box::new(Full(5)));
        o.write_all(b"abcdef").unwrap();
        let e = o.write_all(b"ghi").unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOSPC));
        assert_eq!(o.buf, b"f");
    }
}
