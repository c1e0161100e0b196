//! Reading and writing rtattrs without allocation: messages are walked in
//! place, attributes are borrowed slices, and every length is checked, so a
//! malformed reply ends a walk instead of crashing.

pub const NLMSG_HDRLEN: usize = 16;
pub const NLA_TYPE_MASK: u16 = 0x3fff;
/// The nested flag of an attribute type.
pub const NLA_F_NESTED: u16 = 1 << 15;

#[inline]
pub fn align4(n: usize) -> usize {
    (n + 3) & !3
}

/// One netlink message, borrowed from a receive buffer.
#[derive(Debug, Clone, Copy)]
pub struct Msg<'a> {
    pub ty: u16,
    pub flags: u16,
    pub seq: u32,
    pub pid: u32,
    /// Everything after the 16-byte header.
    pub payload: &'a [u8],
    /// The whole message, header included.
    pub raw: &'a [u8],
}

/// Walks the messages of one datagram (NLMSG_OK / NLMSG_NEXT).
pub struct MsgIter<'a> {
    buf: &'a [u8],
}

pub fn msgs(buf: &[u8]) -> MsgIter<'_> {
    MsgIter { buf }
}

impl<'a> Iterator for MsgIter<'a> {
    type Item = Msg<'a>;
    fn next(&mut self) -> Option<Msg<'a>> {
        let b = self.buf;
        if b.len() < NLMSG_HDRLEN {
            return None;
        }
        let len = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as usize;
        if len < NLMSG_HDRLEN || len > b.len() {
            self.buf = &[];
            return None;
        }
        let m = Msg {
            ty: u16::from_ne_bytes([b[4], b[5]]),
            flags: u16::from_ne_bytes([b[6], b[7]]),
            seq: u32::from_ne_bytes([b[8], b[9], b[10], b[11]]),
            pid: u32::from_ne_bytes([b[12], b[13], b[14], b[15]]),
            payload: &b[NLMSG_HDRLEN..len],
            raw: &b[..len],
        };
        let next = align4(len).min(b.len());
        self.buf = &b[next..];
        Some(m)
    }
}

/// Walks the attributes of a buffer (RTA_OK / RTA_NEXT); yields
/// (type without the nested/byteorder flags, payload).
#[derive(Clone)]
pub struct AttrIter<'a> {
    buf: &'a [u8],
}

pub fn attrs(buf: &[u8]) -> AttrIter<'_> {
    AttrIter { buf }
}

impl<'a> Iterator for AttrIter<'a> {
    type Item = (u16, &'a [u8]);
    #[cfg_attr(rip_static, optimize(speed))]
    fn next(&mut self) -> Option<(u16, &'a [u8])> {
        let b = self.buf;
        if b.len() < 4 {
            return None;
        }
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let ty = u16::from_ne_bytes([b[2], b[3]]) & NLA_TYPE_MASK;
        if len < 4 || len > b.len() {
            self.buf = &[];
            return None;
        }
        let data = &b[4..len];
        let next = align4(len).min(b.len());
        self.buf = &b[next..];
        Some((ty, data))
    }
}

/// An attribute table indexed by type, as iproute2's parse_rtattr() fills
/// `tb[]`: the first attribute of a type wins; types past the end are ignored.
/// The table lives on the stack (a dump parses one per message, and a heap
/// table per message was a measurable share of a 10k-entry dump): a slot
/// holds the attribute's offset in `buf` plus one, 0 when absent.
pub struct Tb<'a> {
    buf: &'a [u8],
    slots: [u32; TB_CAP],
}

/// One more than the largest `max` any table is parsed with (IFLA_MAX = 70).
pub const TB_CAP: usize = 72;

impl<'a> Tb<'a> {
    #[cfg_attr(rip_static, optimize(speed))]
    pub fn parse(buf: &'a [u8], max: usize) -> Tb<'a> {
        debug_assert!(max < TB_CAP, "Tb::parse: max {max} needs a larger TB_CAP");
        let max = max.min(TB_CAP - 1);
        let mut slots = [0u32; TB_CAP];
        let mut off = 0usize;
        // RTA_OK / RTA_NEXT over buf, as AttrIter walks it.
        while let Some(h) = buf.get(off..off + 4) {
            let len = u16::from_ne_bytes([h[0], h[1]]) as usize;
            let t = (u16::from_ne_bytes([h[2], h[3]]) & NLA_TYPE_MASK) as usize;
            if len < 4 || off + len > buf.len() {
                break;
            }
            if t <= max && slots[t] == 0 {
                slots[t] = off as u32 + 1;
            }
            off += align4(len);
        }
        Tb { buf, slots }
    }

    #[cfg_attr(rip_static, optimize(speed))]
    #[inline]
    pub fn get(&self, ty: u16) -> Option<&'a [u8]> {
        let off = (*self.slots.get(ty as usize)? as usize).checked_sub(1)?;
        let h = self.buf.get(off..off + 2)?;
        let len = u16::from_ne_bytes([h[0], h[1]]) as usize;
        self.buf.get(off + 4..off + len)
    }

    #[inline]
    pub fn has(&self, ty: u16) -> bool {
        self.get(ty).is_some()
    }

    pub fn u8(&self, ty: u16) -> Option<u8> {
        self.get(ty).and_then(get_u8)
    }
    pub fn u16(&self, ty: u16) -> Option<u16> {
        self.get(ty).and_then(get_u16)
    }
    #[cfg_attr(rip_static, optimize(speed))]
    pub fn u32(&self, ty: u16) -> Option<u32> {
        self.get(ty).and_then(get_u32)
    }
    pub fn i32(&self, ty: u16) -> Option<i32> {
        self.get(ty).and_then(get_u32).map(|v| v as i32)
    }
    pub fn u64(&self, ty: u16) -> Option<u64> {
        self.get(ty).and_then(get_u64)
    }
    pub fn str(&self, ty: u16) -> Option<std::borrow::Cow<'a, str>> {
        self.get(ty).map(get_str)
    }
    /// A nested table.
    pub fn nested(&self, ty: u16, max: usize) -> Option<Tb<'a>> {
        self.get(ty).map(|d| Tb::parse(d, max))
    }
}

// iproute2's rta_getattr_*() read native-endian values; a short attribute
// reads as absent here instead of past its end.
pub fn get_u8(d: &[u8]) -> Option<u8> {
    d.first().copied()
}
pub fn get_u16(d: &[u8]) -> Option<u16> {
    Some(u16::from_ne_bytes(d.get(..2)?.try_into().ok()?))
}
pub fn get_u32(d: &[u8]) -> Option<u32> {
    Some(u32::from_ne_bytes(d.get(..4)?.try_into().ok()?))
}
pub fn get_u64(d: &[u8]) -> Option<u64> {
    Some(u64::from_ne_bytes(d.get(..8)?.try_into().ok()?))
}
pub fn get_be16(d: &[u8]) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(..2)?.try_into().ok()?))
}
pub fn get_be32(d: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(..4)?.try_into().ok()?))
}
/// A NUL-terminated string attribute, as text (bytes that are not UTF-8
/// escaped as crate::args::bytes does; borrowed when none is).
#[inline]
#[cfg_attr(rip_static, optimize(speed))]
pub fn get_str(d: &[u8]) -> std::borrow::Cow<'_, str> {
    let end = d.iter().position(|&c| c == 0).unwrap_or(d.len());
    let s = &d[..end];
    // Names are short ASCII (never an escape): is_ascii's word test skips
    // from_utf8's setup.
    if s.is_ascii() {
        // SAFETY: every byte is ASCII, which is valid UTF-8.
        return std::borrow::Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(s) });
    }
    crate::args::bytes::escape(s)
}

/// Reads a native-endian u32 at `off` of a fixed header.
pub fn hdr_u32(d: &[u8], off: usize) -> u32 {
    d.get(off..off + 4).and_then(get_u32).unwrap_or(0)
}
pub fn hdr_u16(d: &[u8], off: usize) -> u16 {
    d.get(off..off + 2).and_then(get_u16).unwrap_or(0)
}
pub fn hdr_u8(d: &[u8], off: usize) -> u8 {
    d.get(off).copied().unwrap_or(0)
}

/// A request under construction: nlmsghdr, a fixed family header, then
/// attributes appended as iproute2's addattr_l() does (rta_len unpadded,
/// message length padded to 4).
///
/// Like iproute2's request structs, a request has a bound (`max`, the
/// `maxlen` addattr_l() is given: the struct's size): an attribute that
/// would take the message past it is left out with addattr_l()'s message
/// on stderr. No bound exceeds 65535, so no length ever needs truncating.
#[derive(Debug, Clone)]
pub struct Req {
    pub buf: Vec<u8>,
    max: usize,
}

/// The largest bound: every rta_len and nlmsg_len of a request fits 16 bits.
pub const REQ_MAX: usize = u16::MAX as usize;

/// sizeof() of iproute2 6.1.0's request structs (nlmsghdr + family header +
/// buffer), the bounds of their requests.
pub mod bound {
    /// struct iplink_req (ip/ip_common.h): ifinfomsg, buf[1024].
    pub const IPLINK_REQ: usize = 16 + 16 + 1024;
    /// What a link kind's parse_opt() passes to addattr*(): 1024.
    pub const LINK_KIND: usize = 1024;
    /// ipaddr_modify(): ifaddrmsg, buf[256].
    pub const IPADDR_MODIFY: usize = 16 + 8 + 256;
    /// iproute_modify(): rtmsg, buf[4096].
    pub const IPROUTE_MODIFY: usize = 16 + 12 + 4096;
    /// iproute_get(): rtmsg, buf[1024].
    pub const IPROUTE_GET: usize = 16 + 12 + 1024;
    /// iprule_modify(): fib_rule_hdr, buf[1024].
    pub const IPRULE_MODIFY: usize = 16 + 12 + 1024;
    /// ipneigh_modify(): ndmsg, buf[256].
    pub const IPNEIGH_MODIFY: usize = 16 + 12 + 256;
    /// ipnh_modify(): nhmsg, buf[1024].
    pub const IPNH_MODIFY: usize = 16 + 8 + 1024;
    /// ipaddrlabel_modify(): ifaddrlblmsg, buf[1024].
    pub const IPADDRLABEL_MODIFY: usize = 16 + 12 + 1024;
    /// ipntable_modify(): ndtmsg, buf[1024].
    pub const IPNTABLE_MODIFY: usize = 16 + 4 + 1024;
    /// iptoken_set(): ifinfomsg, buf[512].
    pub const IPTOKEN_SET: usize = 16 + 16 + 512;
    /// bridge fdb_modify(), fdb_flush(): ndmsg, buf[256].
    pub const FDB_MODIFY: usize = 16 + 12 + 256;
    /// bridge brlink_modify(): ifinfomsg, buf[512].
    pub const BRLINK_MODIFY: usize = 16 + 16 + 512;
    /// bridge mdb_modify(): br_port_msg, buf[1024].
    pub const MDB_MODIFY: usize = 16 + 8 + 1024;
    /// bridge vlan_modify(): ifinfomsg, buf[1024].
    pub const VLAN_MODIFY: usize = 16 + 16 + 1024;
    /// bridge vlan_option_set(), vlan_global_option_set(), vni_modify():
    /// br_vlan_msg / tunnel_msg, buf[1024].
    pub const VLAN_OPTION_SET: usize = 16 + 8 + 1024;
}

impl Req {
    pub fn new(ty: u16, flags: u16, header: &[u8]) -> Req {
        Req::bounded(ty, flags, header, REQ_MAX)
    }

    /// A request whose attributes must stay within `max` bytes (iproute2's
    /// sizeof(req)), at most REQ_MAX.
    pub fn bounded(ty: u16, flags: u16, header: &[u8], max: usize) -> Req {
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(&0u32.to_ne_bytes());
        buf.extend_from_slice(&ty.to_ne_bytes());
        buf.extend_from_slice(&flags.to_ne_bytes());
        buf.extend_from_slice(&0u32.to_ne_bytes());
        buf.extend_from_slice(&0u32.to_ne_bytes());
        buf.extend_from_slice(header);
        buf.resize(align4(buf.len()), 0);
        let mut r = Req { buf, max: max.min(REQ_MAX) };
        r.fix_len();
        r
    }

    /// A message as it is (a dump entry sent back, a saved request).
    pub fn from_raw(buf: Vec<u8>) -> Req {
        Req { buf, max: REQ_MAX }
    }

    fn fix_len(&mut self) {
        let n = self.buf.len() as u32;
        self.buf[0..4].copy_from_slice(&n.to_ne_bytes());
    }

    /// Sets the bound later attributes are checked against (a nested
    /// parser passing its own maxlen); returns the previous one.
    pub fn set_bound(&mut self, max: usize) -> usize {
        std::mem::replace(&mut self.max, max.min(REQ_MAX))
    }

    pub fn len(&self) -> usize {
        self.buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub fn flags(&self) -> u16 {
        hdr_u16(&self.buf, 6)
    }

    pub fn set_flags(&mut self, f: u16) {
        self.buf[6..8].copy_from_slice(&f.to_ne_bytes());
    }

    pub fn set_seq(&mut self, seq: u32) {
        self.buf[8..12].copy_from_slice(&seq.to_ne_bytes());
    }

    pub fn seq(&self) -> u32 {
        hdr_u32(&self.buf, 8)
    }

    /// The family header (after nlmsghdr), mutable.
    pub fn header_mut(&mut self) -> &mut [u8] {
        &mut self.buf[NLMSG_HDRLEN..]
    }

    /// addattr_l(): type, payload; the payload's own length in rta_len.
    /// An attribute past the bound is left out, with addattr_l()'s message
    /// (iproute2's callers mostly ignore its -1; try_attr() tells).
    pub fn attr(&mut self, ty: u16, data: &[u8]) {
        self.try_attr(ty, data);
    }

    /// attr(), false when the attribute was left out.
    pub fn try_attr(&mut self, ty: u16, data: &[u8]) -> bool {
        let len = 4 + data.len();
        let rta_len = match u16::try_from(len) {
            Ok(l) if align4(self.buf.len()) + align4(len) <= self.max => l,
            _ => {
                crate::error::eprint_raw(&format!("addattr_l ERROR: message exceeded bound of {}\n", self.max));
                return false;
            }
        };
        self.buf.extend_from_slice(&rta_len.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        self.buf.extend_from_slice(data);
        self.buf.resize(align4(self.buf.len()), 0);
        self.fix_len();
        true
    }

    pub fn attr_u8(&mut self, ty: u16, v: u8) {
        self.attr(ty, &[v]);
    }
    pub fn attr_u16(&mut self, ty: u16, v: u16) {
        self.attr(ty, &v.to_ne_bytes());
    }
    pub fn attr_u32(&mut self, ty: u16, v: u32) {
        self.attr(ty, &v.to_ne_bytes());
    }
    pub fn attr_u64(&mut self, ty: u16, v: u64) {
        self.attr(ty, &v.to_ne_bytes());
    }
    /// addattrstrz / addattr_l(strlen+1): the string and its NUL.
    /// `s` is text standing for bytes (crate::args::bytes): the bytes go.
    pub fn attr_str(&mut self, ty: u16, s: &str) {
        // Short strings are copied with their NUL; a long one is checked
        // against the bound before anything is copied.
        let n = crate::args::bytes::len(s);
        if n < 64 {
            let b = crate::args::bytes::unescape(s);
            let mut v = [0u8; 64];
            v[..n].copy_from_slice(&b);
            self.attr(ty, &v[..n + 1]);
            return;
        }
        let len = 4 + n + 1;
        if u16::try_from(len).is_err() || align4(self.buf.len()) + align4(len) > self.max {
            crate::error::eprint_raw(&format!("addattr_l ERROR: message exceeded bound of {}\n", self.max));
            return;
        }
        let mut v = Vec::with_capacity(n + 1);
        v.extend_from_slice(&crate::args::bytes::unescape(s));
        v.push(0);
        self.attr(ty, &v);
    }

    /// addattr_nest(): returns the offset to pass to nest_end().
    pub fn nest(&mut self, ty: u16) -> usize {
        let at = self.buf.len();
        self.attr(ty, &[]);
        at
    }

    /// addattr_nest_end(): the nest's length covers everything since. A
    /// nest that did not fit has no header in the message to fix; the
    /// bound keeps every length within 16 bits.
    pub fn nest_end(&mut self, at: usize) {
        let Some(len) = self.buf.len().checked_sub(at).and_then(|l| u16::try_from(l).ok()) else { return };
        if let Some(slot) = self.buf.get_mut(at..at + 2) {
            slot.copy_from_slice(&len.to_ne_bytes());
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_and_walk() {
        let mut r = Req::new(16, 5, &[0u8; 16]);
        r.attr_str(3, "veth0");
        let n = r.nest(18);
        r.attr_str(1, "veth");
        r.nest_end(n);
        r.attr_u32(4, 1500);
        let m: Vec<_> = msgs(r.bytes()).collect();
        assert_eq!(m.len(), 1);
        let tb = Tb::parse(&m[0].payload[16..], 20);
        assert_eq!(tb.str(3).as_deref(), Some("veth0"));
        assert_eq!(tb.u32(4), Some(1500));
        let li = tb.nested(18, 5).unwrap();
        assert_eq!(li.str(1).as_deref(), Some("veth"));
    }

    #[test]
    fn bound_leaves_attributes_out_never_truncates() {
        let mut r = Req::bounded(16, 5, &[0u8; 16], bound::IPLINK_REQ);
        assert!(!r.try_attr(3, &vec![b'1'; 10010]));
        assert_eq!(r.len(), 32);
        assert!(r.try_attr(3, &[b'x'; 1020]));
        assert!(!r.try_attr(4, &[0; 4]));
        // Unbounded requests stop at 16-bit lengths.
        let mut r = Req::new(16, 5, &[0u8; 16]);
        let n = r.nest(18);
        assert!(!r.try_attr(3, &vec![0; 70000]));
        r.nest_end(n);
        assert_eq!(hdr_u16(r.bytes(), 32), 4);
        assert_eq!(r.len(), 36);
    }

    /// The table holds what a walk finds first for each type, on buffers
    /// of well-formed, short, overlong and truncated attributes.
    #[test]
    fn parse_agrees_with_the_walk() {
        let mut next = crate::testrng::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let mut b = Vec::new();
            for _ in 0..next() % 8 {
                let r = next();
                let len = match r % 10 {
                    0 => (r >> 8) as u16,
                    1 => (r >> 8) as u16 % 4,
                    _ => 4 + (r >> 8) as u16 % 12,
                };
                let ty = ((r >> 24) as u16 % 12) | if r & (1 << 40) != 0 { 0x8000 } else { 0 };
                b.extend_from_slice(&len.to_ne_bytes());
                b.extend_from_slice(&ty.to_ne_bytes());
                b.extend((0..(len as usize).saturating_sub(4).min(16)).map(|i| i as u8));
                b.resize(align4(b.len()), 0);
            }
            b.truncate(b.len() - (next() % 3) as usize * (b.len() / 7));
            let max = (next() % 12) as usize;
            let tb = Tb::parse(&b, max);
            for t in 0..=max as u16 {
                assert_eq!(tb.get(t), attrs(&b).find(|(ty, _)| *ty == t).map(|(_, d)| d), "{b:?} type {t}");
            }
        }
    }

    #[test]
    fn malformed_never_panics() {
        let bad: &[&[u8]] = &[&[], &[1], &[0xff, 0xff, 0, 0, 1], &[4, 0, 1, 0], &[3, 0, 1, 0, 9, 9]];
        for b in bad {
            let _ = attrs(b).count();
            let _ = msgs(b).count();
            let tb = Tb::parse(b, 4);
            let _ = tb.u64(1);
        }
    }
}
