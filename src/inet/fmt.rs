//! Addresses as text (rt_addr_n2a, format_host of lib/utils.c), written
//! into a stack buffer: route listings print millions of them, so no
//! allocation per address. glibc inet_ntop's IPv6 spelling is reproduced
//! here rather than called.

use std::fmt;

use crate::netlink::consts::*;

use super::resolve_address;

/// format_host()'s lookup: a name for the first af_byte_len bytes (all of
/// `a` when the family has no fixed length), if the resolver has one.
fn host_name(af: u8, a: &[u8]) -> Option<String> {
    let len = if a.is_empty() { super::af_byte_len(af) as usize } else { a.len() };
    if len == 0 || a.len() < len {
        return None;
    }
    resolve_address(af, &a[..len])
}

/// "0".."255": up to three digits and their count.
const DEC3: [[u8; 4]; 256] = {
    let mut t = [[0u8; 4]; 256];
    let mut i = 0;
    while i < 256 {
        let (h, te, o) = ((i / 100) as u8, ((i / 10) % 10) as u8, (i % 10) as u8);
        t[i] = if i >= 100 {
            [b'0' + h, b'0' + te, b'0' + o, 3]
        } else if i >= 10 {
            [b'0' + te, b'0' + o, 0, 2]
        } else {
            [b'0' + o, 0, 0, 1]
        };
        i += 1;
    }
    t
};

/// Each byte's two lower-case hex digits.
static HEX_PAIRS: [[u8; 2]; 256] = {
    let hex = b"0123456789abcdef";
    let mut t = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = [hex[i >> 4], hex[i & 15]];
        i += 1;
    }
    t
};

/// A formatted address on the stack.
#[derive(Clone, Copy)]
pub struct ABuf {
    buf: [u8; 128],
    len: usize,
    /// Only ASCII was written, so the bytes are UTF-8 without checking.
    ascii: bool,
}

impl Default for ABuf {
    fn default() -> Self {
        ABuf::new()
    }
}

impl ABuf {
    pub fn new() -> ABuf {
        ABuf { buf: [0; 128], len: 0, ascii: true }
    }
    pub fn as_str(&self) -> &str {
        let b = &self.buf[..self.len];
        if self.ascii {
            // SAFETY: every byte written so far was ASCII (checked in the
            // push functions), and ASCII is valid UTF-8.
            return unsafe { std::str::from_utf8_unchecked(b) };
        }
        match std::str::from_utf8(b) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or(""),
        }
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn clear(&mut self) {
        self.len = 0;
        self.ascii = true;
    }
    pub fn push_str(&mut self, s: &str) {
        if !s.is_ascii() {
            self.ascii = false;
        }
        let end = (self.len + s.len()).min(self.buf.len());
        let n = end - self.len;
        // SAFETY: n bytes are readable from s and writable at buf[len..end].
        unsafe { crate::print::out::copy_small(s.as_ptr(), self.buf.as_mut_ptr().add(self.len), n) };
        self.len = end;
    }
    /// Bytes as lower-case hex pairs joined by ':' (a link-layer address);
    /// nothing when they do not fit.
    #[cfg_attr(rip_static, optimize(speed))]
    pub fn push_hex_colon(&mut self, a: &[u8]) {
        let need = (a.len() * 3).saturating_sub(1);
        let Some(out) = self.buf.get_mut(self.len..self.len + need) else { return };
        // Three bytes an input byte ("hh:"), the last chunk without ':'.
        for (c, v) in out.chunks_mut(3).zip(a) {
            let h = &HEX_PAIRS[*v as usize];
            if let [x, y, rest @ ..] = c {
                *x = h[0];
                *y = h[1];
                if let [colon] = rest {
                    *colon = b':';
                }
            }
        }
        self.len += need;
    }
    pub fn push_byte(&mut self, c: u8) {
        if !c.is_ascii() {
            self.ascii = false;
        }
        if self.len < self.buf.len() {
            self.buf[self.len] = c;
            self.len += 1;
        }
    }
    /// A byte in decimal, from a table (addresses are most of the output).
    #[inline]
    fn push_dec_u8(&mut self, v: u8) {
        let d = &DEC3[v as usize];
        let n = d[3] as usize;
        // Three bytes stored whatever the count (a fixed-size copy, not a
        // call to memcpy); what lies past the digits is overwritten next.
        if let Some(out) = self.buf.get_mut(self.len..self.len + 3) {
            out.copy_from_slice(&d[..3]);
            self.len += n;
        } else if self.len + n <= self.buf.len() {
            self.buf[self.len..self.len + n].copy_from_slice(&d[..n]);
            self.len += n;
        }
    }
    pub fn push_u32(&mut self, v: u32) {
        if v < 256 {
            self.push_dec_u8(v as u8);
            return;
        }
        let mut t = [0u8; 20];
        for &c in crate::print::fmt::dec(v as u64, &mut t) {
            self.push_byte(c);
        }
    }
    fn push_hex16(&mut self, v: u16) {
        const H: &[u8; 16] = b"0123456789abcdef";
        let mut started = false;
        for sh in [12, 8, 4, 0] {
            let d = (v >> sh) & 0xf;
            if d != 0 || started || sh == 0 {
                started = true;
                self.push_byte(H[d as usize]);
            }
        }
    }
    pub fn push_ipv4(&mut self, a: &[u8]) {
        // The usual case in fixed-size stores: each byte's table entry
        // (digits and count) goes in whole, and the next piece overwrites
        // what lies past the digits.
        if let (Some(a), Some(out)) = (a.get(..4), self.buf.get_mut(self.len..self.len + 16)) {
            let mut at = 0;
            for (i, &b) in a.iter().enumerate() {
                let d = &DEC3[b as usize];
                out[at..at + 4].copy_from_slice(d);
                at += d[3] as usize;
                if i < 3 {
                    out[at] = b'.';
                    at += 1;
                }
            }
            self.len += at;
            return;
        }
        self.push_ipv4_bounded(a)
    }
    /// A dotted quad piece by piece: what does not fit is left out (a short
    /// attribute gives fewer parts).
    fn push_ipv4_bounded(&mut self, a: &[u8]) {
        for (i, b) in a.iter().take(4).enumerate() {
            if i > 0 {
                self.push_byte(b'.');
            }
            self.push_dec_u8(*b);
        }
    }
    /// glibc inet_ntop(AF_INET6): the longest run (>= 2) of zero words
    /// becomes "::"; ::a.b.c.d and ::ffff:a.b.c.d keep the dotted form.
    pub fn push_ipv6(&mut self, a: &[u8]) {
        // A short attribute reads as zero-padded (inet_ntop would read past it).
        let mut full = [0u8; 16];
        let n = a.len().min(16);
        full[..n].copy_from_slice(&a[..n]);
        let a = &full;
        let mut w = [0u16; 8];
        for (i, x) in w.iter_mut().enumerate() {
            *x = u16::from_be_bytes([a[2 * i], a[2 * i + 1]]);
        }
        let (mut best, mut blen) = (usize::MAX, 0usize);
        let (mut cur, mut clen) = (usize::MAX, 0usize);
        for (i, x) in w.iter().enumerate() {
            if *x == 0 {
                if cur == usize::MAX {
                    cur = i;
                    clen = 1;
                } else {
                    clen += 1;
                }
            } else if cur != usize::MAX {
                if best == usize::MAX || clen > blen {
                    best = cur;
                    blen = clen;
                }
                cur = usize::MAX;
            }
        }
        if cur != usize::MAX && (best == usize::MAX || clen > blen) {
            best = cur;
            blen = clen;
        }
        if best != usize::MAX && blen < 2 {
            best = usize::MAX;
        }
        let mut i = 0;
        while i < 8 {
            if best != usize::MAX && i >= best && i < best + blen {
                if i == best {
                    self.push_byte(b':');
                }
                i += 1;
                continue;
            }
            if i != 0 {
                self.push_byte(b':');
            }
            if i == 6 && best == 0 && (blen == 6 || (blen == 5 && w[5] == 0xffff)) {
                self.push_ipv4(&a[12..16]);
                return;
            }
            self.push_hex16(w[i]);
            i += 1;
        }
        if best != usize::MAX && best + blen == 8 {
            self.push_byte(b':');
        }
    }
    /// rt_addr_n2a_r(af, len, addr): inet_ntop for IPv4/IPv6 (a short
    /// attribute zero-padded), labels for MPLS (up to the bottom of stack),
    /// `aa:bb` for link addresses, a sockaddr's address for AF_BRIDGE, else
    /// "???".
    pub fn push_addr(&mut self, af: u8, a: &[u8]) {
        match af {
            AF_INET => {
                if a.len() >= 4 {
                    self.push_ipv4(a)
                } else {
                    self.push_ipv4(&[
                        a.first().copied().unwrap_or(0),
                        a.get(1).copied().unwrap_or(0),
                        a.get(2).copied().unwrap_or(0),
                        a.get(3).copied().unwrap_or(0),
                    ])
                }
            }
            AF_INET6 => self.push_ipv6(a),
            AF_MPLS => {
                let mut first = true;
                for c in a.chunks_exact(4) {
                    let e = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
                    if !first {
                        self.push_byte(b'/');
                    }
                    first = false;
                    self.push_u32(e >> 12);
                    if e & (1 << 8) != 0 {
                        break;
                    }
                }
            }
            AF_PACKET => {
                const H: &[u8; 16] = b"0123456789abcdef";
                for (i, b) in a.iter().enumerate() {
                    if i > 0 {
                        self.push_byte(b':');
                    }
                    self.push_byte(H[(b >> 4) as usize]);
                    self.push_byte(H[(b & 15) as usize]);
                }
            }
            AF_BRIDGE => {
                // struct sockaddr_in / sockaddr_in6: family (u16, host order)
                // then port, then the address at offset 4 (v4) or 8 (v6).
                let fam = a.get(..2).map(|b| u16::from_ne_bytes([b[0], b[1]])).unwrap_or(0);
                match (fam, a.get(4..8), a.get(8..24)) {
                    (f, Some(v4), _) if f == AF_INET as u16 => self.push_ipv4(v4),
                    (f, _, Some(v6)) if f == AF_INET6 as u16 => self.push_ipv6(v6),
                    _ => self.push_str("???"),
                }
            }
            _ => self.push_str("???"),
        }
    }

    /// format_host_r(): under `-r` (`resolve`) the host name of the
    /// address when it has one, else the address as [`ABuf::push_addr`].
    pub fn push_host(&mut self, af: u8, a: &[u8], resolve: bool) {
        if resolve {
            if let Some(n) = host_name(af, a) {
                self.push_str(&n);
                return;
            }
        }
        self.push_addr(af, a);
    }
}

impl fmt::Write for ABuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

impl fmt::Display for ABuf {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(s: &str) -> String {
        let a: std::net::Ipv6Addr = s.parse().unwrap();
        let mut b = ABuf::new();
        b.push_ipv6(&a.octets());
        b.as_str().to_string()
    }

    #[test]
    fn ntop6() {
        assert_eq!(v6("::"), "::");
        assert_eq!(v6("::1"), "::1");
        assert_eq!(v6("2001:db8::1"), "2001:db8::1");
        assert_eq!(v6("fe80::"), "fe80::");
        assert_eq!(v6("1:0:0:1:0:0:0:1"), "1:0:0:1::1");
        assert_eq!(v6("1:0:1:1:1:1:1:1"), "1:0:1:1:1:1:1:1");
        assert_eq!(v6("::ffff:1.2.3.4"), "::ffff:1.2.3.4");
        assert_eq!(v6("::1.2.3.4"), "::1.2.3.4");
        assert_eq!(v6("ff02::1:ff00:1"), "ff02::1:ff00:1");
    }

    #[test]
    fn decimal() {
        let mut b = ABuf::new();
        b.push_ipv4(&[0, 9, 10, 255]);
        b.push_byte(b' ');
        b.push_u32(256);
        b.push_byte(b' ');
        b.push_u32(4294967295);
        assert_eq!(b.as_str(), "0.9.10.255 256 4294967295");
    }

    /// Dotted quads as std writes them; after any prefix, up to a full
    /// buffer, the same as the piece-by-piece path.
    #[test]
    fn ipv4_every_byte_and_offset() {
        for pre in 0..=128usize {
            for v in [[0u8, 9, 10, 255], [100, 99, 1, 0], [255, 255, 255, 255], [7, 70, 170, 17]] {
                let (mut b, mut slow) = (ABuf::new(), ABuf::new());
                b.push_str(&"x".repeat(pre));
                slow.push_str(&"x".repeat(pre));
                b.push_ipv4(&v);
                slow.push_ipv4_bounded(&v);
                assert_eq!(b.as_str(), slow.as_str(), "prefix {pre}");
                if pre + 15 <= 128 {
                    assert_eq!(b.as_str(), format!("{}{}", "x".repeat(pre), std::net::Ipv4Addr::from(v)));
                }
            }
        }
        for x in 0..=255u8 {
            let mut b = ABuf::new();
            b.push_ipv4(&[x, 255 - x, x / 3, x.wrapping_mul(7)]);
            assert_eq!(b.as_str(), std::net::Ipv4Addr::new(x, 255 - x, x / 3, x.wrapping_mul(7)).to_string());
        }
        let mut b = ABuf::new();
        b.push_ipv4(&[1, 2, 3]);
        assert_eq!(b.as_str(), "1.2.3");
    }
}
