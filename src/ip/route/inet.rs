//! inet_prefix parsing and address formatting for `ip route`
//! (lib/utils.c get_addr_1/get_prefix_1/rt_addr_n2a, glibc inet_ntop).
//! Formatting writes into a stack buffer: no allocation per route.

use std::fmt;

use crate::netlink::consts::*;
use crate::util::c_strtoull;

pub const PREFIXLEN_SPECIFIED: u32 = 1;

/// iproute2's inet_prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    pub family: u8,
    pub bytelen: usize,
    pub bitlen: i32,
    pub flags: u32,
    pub data: [u8; 64],
}

impl Default for Prefix {
    fn default() -> Prefix {
        Prefix { family: 0, bytelen: 0, bitlen: 0, flags: 0, data: [0; 64] }
    }
}

pub fn af_bit_len(af: u8) -> i32 {
    match af {
        AF_INET6 => 128,
        AF_INET => 32,
        AF_MPLS => 20,
        _ => 0,
    }
}

pub fn family_name(af: u8) -> &'static str {
    match af {
        AF_INET => "inet",
        AF_INET6 => "inet6",
        AF_PACKET => "link",
        AF_MPLS => "mpls",
        AF_BRIDGE => "bridge",
        _ => "???",
    }
}

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

/// get_addr_ipv4(): up to four strtoul(base 0) parts; "10.8" is 10.8.0.0.
fn get_addr_ipv4(s: &str, out: &mut [u8]) -> bool {
    let mut cp = s;
    for (i, slot) in out.iter_mut().take(4).enumerate() {
        let (n, used, over) = c_strtoull(cp, 0);
        if over || n > 255 || used == 0 {
            return false;
        }
        *slot = n as u8;
        let rest = &cp[used..];
        if rest.is_empty() {
            return true;
        }
        if i == 3 || !rest.starts_with('.') {
            return false;
        }
        cp = &rest[1..];
    }
    true
}

/// mpls_pton(): labels separated by '/', the last gets the BOS bit.
fn mpls_pton(s: &str, out: &mut [u8; 64]) -> Option<usize> {
    let mut n = 0;
    let mut cp = s;
    loop {
        let (v, used, over) = c_strtoull(cp, 0);
        if used == 0 || over || v > 0xfffff || n + 4 > out.len() {
            return None;
        }
        let rest = &cp[used..];
        let last = rest.is_empty();
        let entry: u32 = ((v as u32) << 12) | if last { 1 << 8 } else { 0 };
        out[n..n + 4].copy_from_slice(&entry.to_be_bytes());
        n += 4;
        if last {
            return Some(n);
        }
        if !rest.starts_with('/') {
            return None;
        }
        cp = &rest[1..];
    }
}

/// get_addr_1(): Ok with the parsed address, Err for -1.
pub fn get_addr_1(name: &str, family: u8) -> Option<Prefix> {
    let mut a = Prefix::default();
    if name == "default" {
        if family == AF_MPLS {
            return None;
        }
        a.family = family;
        a.bytelen = (af_bit_len(family) / 8) as usize;
        a.bitlen = -2;
        a.flags |= PREFIXLEN_SPECIFIED;
        return Some(a);
    }
    if name == "all" || name == "any" {
        if family == AF_MPLS {
            return None;
        }
        a.family = family;
        a.bytelen = 0;
        a.bitlen = -2;
        return Some(a);
    }
    if family == AF_PACKET {
        let bytes = parse_lladdr(name)?;
        a.family = AF_PACKET;
        a.bytelen = bytes.len().min(64);
        a.data[..a.bytelen].copy_from_slice(&bytes[..a.bytelen]);
        a.bitlen = (a.bytelen * 8) as i32;
        return Some(a);
    }
    if name.contains(':') {
        a.family = AF_INET6;
        if family != AF_UNSPEC && family != AF_INET6 {
            return None;
        }
        let v: std::net::Ipv6Addr = name.parse().ok()?;
        a.data[..16].copy_from_slice(&v.octets());
        a.bytelen = 16;
        a.bitlen = -1;
        return Some(a);
    }
    if family == AF_MPLS {
        a.family = AF_MPLS;
        a.bytelen = mpls_pton(name, &mut a.data)?;
        a.bitlen = 20;
        return Some(a);
    }
    a.family = AF_INET;
    if family != AF_UNSPEC && family != AF_INET {
        return None;
    }
    if !get_addr_ipv4(name, &mut a.data[..4]) {
        return None;
    }
    a.bytelen = 4;
    a.bitlen = -1;
    Some(a)
}

/// ll_addr_a2n(): "aa:bb:..." hex bytes.
fn parse_lladdr(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for part in s.split(':') {
        let (v, used, _) = c_strtoull(part, 16);
        if used == 0 || used != part.len() || v > 255 {
            return None;
        }
        out.push(v as u8);
    }
    Some(out)
}

fn mask2bits(mask: u32) -> Option<u32> {
    let host = !mask;
    if host & host.wrapping_add(1) != 0 {
        return None;
    }
    Some(mask.leading_ones())
}

/// get_netmask(): a number, or a dotted netmask.
fn get_netmask(s: &str) -> Option<u32> {
    if let Some(v) = crate::util::get_unsigned(s, 0) {
        return Some(v);
    }
    let a = get_addr_1(s, AF_INET)?;
    if a.family == AF_INET {
        return mask2bits(u32::from_be_bytes([a.data[0], a.data[1], a.data[2], a.data[3]]));
    }
    None
}

/// get_prefix_1()
pub fn get_prefix_1(arg: &str, family: u8) -> Option<Prefix> {
    let (addr, plen) = match arg.find('/') {
        Some(i) => (&arg[..i], Some(&arg[i + 1..])),
        None => (arg, None),
    };
    let mut d = get_addr_1(addr, family)?;
    let mut bitlen = af_bit_len(d.family);
    match plen {
        Some(p) => {
            if d.bitlen == -2 {
                return None;
            }
            let n = get_netmask(p)?;
            if n as i64 > bitlen as i64 {
                return None;
            }
            d.flags |= PREFIXLEN_SPECIFIED;
            bitlen = n as i32;
        }
        None => {
            if d.bitlen == -2 {
                bitlen = 0;
            }
        }
    }
    d.bitlen = bitlen;
    Some(d)
}

fn family_name_verbose(f: u8) -> &'static str {
    if f == AF_UNSPEC {
        "any valid"
    } else {
        family_name(f)
    }
}

/// get_addr(): exit(1) with iproute2's message on failure.
pub fn get_addr(arg: &str, family: u8) -> crate::error::Res<Prefix> {
    match get_addr_1(arg, family) {
        Some(a) => Ok(a),
        None => Err(crate::error::fail(
            1,
            &format!("Error: {} address is expected rather than \"{}\".\n", family_name_verbose(family), arg),
        )),
    }
}

/// get_prefix(): exit(1) with iproute2's message on failure.
pub fn get_prefix(arg: &str, family: u8) -> crate::error::Res<Prefix> {
    if family == AF_PACKET {
        return Err(crate::error::fail(
            1,
            &format!("Error: \"{}\" may be inet prefix, but it is not allowed in this context.\n", arg),
        ));
    }
    match get_prefix_1(arg, family) {
        Some(a) => Ok(a),
        None => Err(crate::error::fail(
            1,
            &format!("Error: {} prefix is expected rather than \"{}\".\n", family_name_verbose(family), arg),
        )),
    }
}

/// inet_addr_match(): 0 (false) when the first `bits` bits agree.
pub fn addr_match(a: &[u8], b: &[u8], bits: i32) -> bool {
    if bits <= 0 {
        return true;
    }
    let bits = bits as usize;
    let words = bits >> 5;
    let nb = words * 4;
    if nb > 0 {
        match (a.get(..nb), b.get(..nb)) {
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
    let rem = bits & 31;
    if rem != 0 {
        let w = |s: &[u8]| -> u32 {
            s.get(nb..nb + 4).map(|x| u32::from_be_bytes([x[0], x[1], x[2], x[3]])).unwrap_or(0)
        };
        let mask = 0xffff_ffffu32 << (32 - rem);
        if (w(a) ^ w(b)) & mask != 0 {
            return false;
        }
    }
    true
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

/// gethostbyaddr() for `-r`: the name, if any.
pub fn resolve(af: u8, a: &[u8]) -> Option<String> {
    let (af, a) = if af == AF_INET6 && a.len() >= 16 && a[..10].iter().all(|&b| b == 0) && a[10] == 0xff && a[11] == 0xff {
        (AF_INET, &a[12..16])
    } else {
        (af, a)
    };
    // SAFETY: gethostbyaddr reads `len` bytes of `a`; the result is a static
    // struct that is copied before the next call.
    unsafe {
        let len = match af {
            AF_INET if a.len() >= 4 => 4,
            AF_INET6 if a.len() >= 16 => 16,
            _ => return None,
        };
        let h = gethostbyaddr(a.as_ptr() as *const libc::c_void, len, af as libc::c_int);
        if h.is_null() || (*h).h_name.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr((*h).h_name).to_string_lossy().into_owned())
    }
}

#[repr(C)]
struct HostEnt {
    h_name: *mut libc::c_char,
    h_aliases: *mut *mut libc::c_char,
    h_addrtype: libc::c_int,
    h_length: libc::c_int,
    h_addr_list: *mut *mut libc::c_char,
}

extern "C" {
    fn gethostbyaddr(addr: *const libc::c_void, len: libc::socklen_t, ty: libc::c_int) -> *mut HostEnt;
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
    fn prefixes() {
        let p = get_prefix_1("10.8/16", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bitlen, p.bytelen), (AF_INET, 16, 4));
        assert_eq!(&p.data[..4], &[10, 8, 0, 0]);
        let p = get_prefix_1("10.0.0.0/255.255.0.0", AF_UNSPEC).unwrap();
        assert_eq!(p.bitlen, 16);
        assert!(get_prefix_1("1.2.3.4/33", AF_UNSPEC).is_none());
        assert!(get_prefix_1("default/0", AF_UNSPEC).is_none());
        let p = get_prefix_1("default", AF_UNSPEC).unwrap();
        assert_eq!((p.bitlen, p.flags), (0, PREFIXLEN_SPECIFIED));
        let p = get_prefix_1("all", AF_INET).unwrap();
        assert_eq!((p.bitlen, p.bytelen, p.flags), (0, 0, 0));
        assert!(get_prefix_1("1.2.3.256", AF_UNSPEC).is_none());
        assert!(get_prefix_1("::1", AF_INET).is_none());
        let p = get_prefix_1("2001:db8::/32", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bitlen), (AF_INET6, 32));
        let p = get_addr_1("0x0a.010.1", AF_UNSPEC).unwrap();
        assert_eq!(&p.data[..4], &[10, 8, 1, 0]);
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

    #[test]
    fn matching() {
        assert!(addr_match(&[10, 1, 2, 3], &[10, 1, 0, 0], 16));
        assert!(!addr_match(&[10, 2, 2, 3], &[10, 1, 0, 0], 16));
        assert!(addr_match(&[1], &[2], 0));
    }
}
