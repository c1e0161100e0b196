//! Address formatting for `ip route` (rt_addr_n2a into a stack buffer, glibc
//! inet_ntop's IPv6 text): no allocation per route. Parsing and matching
//! are the shared ones of crate::inet, re-exported here.

use std::fmt;

use crate::netlink::consts::*;

pub use crate::inet::{
    addr_match, af_bit_len, family_name, get_addr, get_prefix, InetPrefix as Prefix, PREFIXLEN_SPECIFIED,
};

/// read_family() of lib/utils.c (route's `via FAMILY`): no ipx/dnet.
pub fn read_family(name: &str) -> u8 {
    match name {
        "inet" => AF_INET,
        "inet6" => AF_INET6,
        "link" => AF_PACKET,
        "mpls" => AF_MPLS,
        "bridge" => AF_BRIDGE,
        _ => AF_UNSPEC,
    }
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
        self.buf[self.len..end].copy_from_slice(&s.as_bytes()[..n]);
        self.len = end;
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
        if self.len + n <= self.buf.len() {
            self.buf[self.len..self.len + n].copy_from_slice(&d[..n]);
            self.len += n;
        }
    }
    pub fn push_u32(&mut self, mut v: u32) {
        if v < 256 {
            self.push_dec_u8(v as u8);
            return;
        }
        let mut t = [0u8; 10];
        let mut i = t.len();
        loop {
            i -= 1;
            t[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        for &c in &t[i..] {
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
        let mut w = [0u16; 8];
        for (i, x) in w.iter_mut().enumerate() {
            *x = u16::from_be_bytes([a.get(2 * i).copied().unwrap_or(0), a.get(2 * i + 1).copied().unwrap_or(0)]);
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
                self.push_ipv4(&a[12..16.min(a.len())]);
                return;
            }
            self.push_hex16(w[i]);
            i += 1;
        }
        if best != usize::MAX && best + blen == 8 {
            self.push_byte(b':');
        }
    }
    /// rt_addr_n2a_r(af, len, addr)
    pub fn push_addr(&mut self, af: u8, a: &[u8]) {
        match af {
            AF_INET => {
                if a.len() >= 4 {
                    self.push_ipv4(a)
                } else {
                    self.push_ipv4(&[a.first().copied().unwrap_or(0), a.get(1).copied().unwrap_or(0), a.get(2).copied().unwrap_or(0), a.get(3).copied().unwrap_or(0)])
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
            _ => self.push_str("???"),
        }
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

/// gethostbyaddr() for `-r`: the name, if any (only whole IPv4/IPv6
/// addresses are looked up).
pub fn resolve(af: u8, a: &[u8]) -> Option<String> {
    let len = match af {
        AF_INET if a.len() >= 4 => 4,
        AF_INET6 if a.len() >= 16 => 16,
        _ => return None,
    };
    crate::inet::resolve_address(af, &a[..len])
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
}
