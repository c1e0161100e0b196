//! Network addresses as iproute2 6.1.0 reads and writes them (lib/utils.c,
//! lib/rt_names.c scopes): shared by `ip address`, `ip route` and others.
//!
//! Reading:
//! - [`get_addr_1`] / [`get_prefix_1`]: parse quietly, `None` on error.
//! - [`get_addr`] / [`get_prefix`]: the same, but print iproute2's error
//!   (`Error: inet prefix is expected rather than "x".`) and exit 1.
//!
//! IPv4 is read in iproute2's own way (not inet_aton): each of up to four
//! parts is a C `strtoul(.., 0)` number (so `010` is octal, `0x1f` hex) and
//! missing parts are zero, `10.8` is 10.8.0.0. IPv6 goes through glibc's
//! `inet_pton` (any word with a `:`). `default`, `all` and `any` are the
//! unspecified prefix of the requested family. A `/PLEN` may be a number or
//! an IPv4 dotted netmask.
//!
//! Writing: [`rt_addr_n2a`] (inet_ntop / MPLS labels / link-layer bytes) and
//! [`format_host`] (the same, or a reverse DNS name under `-r`), both on
//! the stack formatter [`ABuf`]; [`ll_addr_n2a`] for a link's address.
//!
//! Matching (filters such as `to PREFIX`): [`get_addr_rta`] reads an address
//! attribute, [`inet_addr_match`] / [`inet_addr_match_rta`] compare prefixes.
//!
//! [`default_scope`] is ip address's scope for a new address (scope names
//! are in crate::names::tables).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::args::num::c_strtoull;
use crate::netlink::consts::{AF_BRIDGE, AF_INET, AF_INET6, AF_MPLS, AF_PACKET, AF_UNSPEC};

/// The `/PLEN` was written (or the word was `default`).
pub const PREFIXLEN_SPECIFIED: u32 = 1 << 0;
pub const ADDRTYPE_INET: u32 = 1 << 1;
pub const ADDRTYPE_UNSPEC: u32 = 1 << 2;
pub const ADDRTYPE_MULTI: u32 = 1 << 3;
pub const ADDRTYPE_INET_UNSPEC: u32 = ADDRTYPE_INET | ADDRTYPE_UNSPEC;
pub const ADDRTYPE_INET_MULTI: u32 = ADDRTYPE_INET | ADDRTYPE_MULTI;

pub const RT_SCOPE_UNIVERSE: u8 = 0;
pub const RT_SCOPE_SITE: u8 = 200;
pub const RT_SCOPE_LINK: u8 = 253;
pub const RT_SCOPE_HOST: u8 = 254;
pub const RT_SCOPE_NOWHERE: u8 = 255;

/// Size of inet_prefix's data (64 u32 words: room for 64 MPLS labels).
pub const PREFIX_DATA_LEN: usize = 256;

/// iproute2's `inet_prefix`: an address or prefix of some family.
///
/// `bitlen` is -1 for an address read without `/PLEN` by [`get_addr_1`], -2
/// for `default`/`all`/`any` before [`get_prefix_1`] settles it; after
/// [`get_prefix_1`] it is the prefix length (the family's full length when
/// none was written). `data` beyond `bytelen` is zero.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct InetPrefix {
    pub flags: u32,
    pub bytelen: u16,
    pub bitlen: i16,
    pub family: u8,
    pub data: [u8; PREFIX_DATA_LEN],
}

impl Default for InetPrefix {
    fn default() -> Self {
        InetPrefix { flags: 0, bytelen: 0, bitlen: 0, family: AF_UNSPEC, data: [0; PREFIX_DATA_LEN] }
    }
}

impl std::fmt::Debug for InetPrefix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InetPrefix")
            .field("family", &self.family)
            .field("bytelen", &self.bytelen)
            .field("bitlen", &self.bitlen)
            .field("flags", &self.flags)
            .field("data", &self.bytes())
            .finish()
    }
}

impl InetPrefix {
    /// The address bytes (network order), `bytelen` of them: what goes into
    /// an attribute (`addattr_l(.., &p.data, p.bytelen)`).
    pub fn bytes(&self) -> &[u8] {
        &self.data[..(self.bytelen as usize).min(PREFIX_DATA_LEN)]
    }

    /// The `/PLEN` was given explicitly.
    pub fn prefixlen_specified(&self) -> bool {
        self.flags & PREFIXLEN_SPECIFIED != 0
    }

    /// The first 32-bit word in host order (IPv4 address as a number).
    pub fn v4(&self) -> u32 {
        u32::from_be_bytes([self.data[0], self.data[1], self.data[2], self.data[3]])
    }

    pub fn is_inet(&self) -> bool {
        self.flags & ADDRTYPE_INET != 0
    }
    /// 0.0.0.0 or :: (read by get_addr_1).
    pub fn is_inet_unspec(&self) -> bool {
        self.flags & ADDRTYPE_INET_UNSPEC == ADDRTYPE_INET_UNSPEC
    }
    pub fn is_inet_multi(&self) -> bool {
        self.flags & ADDRTYPE_INET_MULTI == ADDRTYPE_INET_MULTI
    }
    /// is_addrtype_inet_not_unspec(): an address other than 0.0.0.0 / ::.
    pub fn is_inet_not_unspec(&self) -> bool {
        self.flags & ADDRTYPE_INET_UNSPEC == ADDRTYPE_INET
    }
    /// is_addrtype_inet_not_multi(): not multicast (0.0.0.0 / :: count).
    pub fn is_inet_not_multi(&self) -> bool {
        self.flags & ADDRTYPE_INET_MULTI == ADDRTYPE_INET
    }

    /// IN_MULTICAST / IN6_IS_ADDR_MULTICAST of the data (any family else false).
    pub fn is_multicast(&self) -> bool {
        match self.family {
            AF_INET => self.data[0] & 0xf0 == 0xe0,
            AF_INET6 => self.data[0] == 0xff,
            _ => false,
        }
    }
}

/// af_bit_len(): 32, 128, 20 (MPLS), else 0.
pub fn af_bit_len(af: u8) -> i32 {
    match af {
        AF_INET6 => 128,
        AF_INET => 32,
        AF_MPLS => 20,
        _ => 0,
    }
}

/// af_byte_len(): af_bit_len / 8.
pub fn af_byte_len(af: u8) -> i32 {
    af_bit_len(af) / 8
}

/// family_name(): inet, inet6, link, mpls, bridge, else "???".
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

/// family_name_verbose(): "any valid" for AF_UNSPEC (used in errors).
pub fn family_name_verbose(af: u8) -> &'static str {
    if af == AF_UNSPEC {
        "any valid"
    } else {
        family_name(af)
    }
}

/// read_family() of lib/utils.c as `ip route` reads `via FAMILY` (no
/// ipx/dnet); AF_UNSPEC for an unknown word.
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

/// get_addr_ipv4(), iproute2's IPv4 reader: up to four strtoul(.., 0)
/// parts of 0..255, separated by dots; the missing ones are zero.
pub fn get_addr_ipv4(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut cp = s;
    for (i, slot) in out.iter_mut().enumerate() {
        let (n, used, over) = c_strtoull(cp, 0);
        if over || n > 255 || used == 0 {
            return None;
        }
        *slot = n as u8;
        let rest = &cp[used..];
        if rest.is_empty() {
            break;
        }
        if i == 3 || !rest.starts_with('.') {
            return None;
        }
        cp = &rest[1..];
    }
    Some(out)
}

// inet_pton and inet_ntop as glibc 2.36 has them (resolv/inet_pton.c,
// inet_ntop.c), as rip's own code: musl's accept and spell some addresses
// differently, and rip's bytes must not depend on the C library.

/// inet_pton4() over `src` (the whole of it): the strict dotted quad, no
/// leading zeros, each part <= 255.
fn pton4(src: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let (mut saw_digit, mut octets, mut k) = (false, 0, 0usize);
    for &ch in src {
        if ch.is_ascii_digit() {
            let new = u32::from(out[k]) * 10 + u32::from(ch - b'0');
            if (saw_digit && out[k] == 0) || new > 255 {
                return None;
            }
            out[k] = new as u8;
            if !saw_digit {
                octets += 1;
                if octets > 4 {
                    return None;
                }
                saw_digit = true;
            }
        } else if ch == b'.' && saw_digit {
            if octets == 4 {
                return None;
            }
            k += 1;
            out[k] = 0;
            saw_digit = false;
        } else {
            return None;
        }
    }
    (octets == 4).then_some(out)
}

/// inet_pton6() over `src`: hex words of up to 4 digits, one `::`, an
/// embedded dotted quad at the end.
fn pton6(src: &[u8]) -> Option<[u8; 16]> {
    let mut tmp = [0u8; 16];
    let mut tp = 0usize;
    let mut colonp: Option<usize> = None;
    let mut s = 0usize;
    if src.is_empty() {
        return None;
    }
    if src[0] == b':' {
        s = 1;
        if src.get(1) != Some(&b':') {
            return None;
        }
    }
    let mut curtok = s;
    let (mut xdigits, mut val) = (0usize, 0u32);
    while s < src.len() {
        let ch = src[s];
        s += 1;
        if let Some(d) = (ch as char).to_digit(16) {
            if xdigits == 4 {
                return None;
            }
            val = (val << 4) | d;
            xdigits += 1;
            continue;
        }
        if ch == b':' {
            curtok = s;
            if xdigits == 0 {
                if colonp.is_some() {
                    return None;
                }
                colonp = Some(tp);
                continue;
            } else if s == src.len() {
                return None;
            }
            if tp + 2 > 16 {
                return None;
            }
            tmp[tp] = (val >> 8) as u8;
            tmp[tp + 1] = val as u8;
            tp += 2;
            xdigits = 0;
            val = 0;
            continue;
        }
        if ch == b'.' && tp + 4 <= 16 {
            if let Some(q) = pton4(&src[curtok..]) {
                tmp[tp..tp + 4].copy_from_slice(&q);
                tp += 4;
                xdigits = 0;
                break;
            }
        }
        return None;
    }
    if xdigits > 0 {
        if tp + 2 > 16 {
            return None;
        }
        tmp[tp] = (val >> 8) as u8;
        tmp[tp + 1] = val as u8;
        tp += 2;
    }
    if let Some(c) = colonp {
        if tp == 16 {
            return None;
        }
        let n = tp - c;
        tmp.copy_within(c..tp, 16 - n);
        tmp[c..16 - n].fill(0);
        tp = 16;
    }
    (tp == 16).then_some(tmp)
}

/// The string as C sees it: up to the first NUL.
fn c_str(s: &str) -> &[u8] {
    let b = s.as_bytes();
    &b[..b.iter().position(|&c| c == 0).unwrap_or(b.len())]
}

/// glibc inet_pton(AF_INET): the strict dotted quad.
pub fn inet4_pton(s: &str) -> Option<[u8; 4]> {
    if s.contains('\0') {
        return None;
    }
    pton4(c_str(s))
}

/// glibc inet_pton(AF_INET6) (exactly its rules: embedded IPv4, `::`).
pub fn inet6_pton(s: &str) -> Option<[u8; 16]> {
    if s.contains('\0') {
        return None;
    }
    pton6(c_str(s))
}

/// glibc inet_ntop() for AF_INET (4 bytes) or AF_INET6 (16 bytes); a short
/// buffer reads as zero-padded.
pub fn inet_ntop_str(af: u8, data: &[u8]) -> Option<String> {
    let need = match af {
        AF_INET => 4,
        AF_INET6 => 16,
        _ => return None,
    };
    let mut src = [0u8; 16];
    src[..need.min(data.len())].copy_from_slice(&data[..need.min(data.len())]);
    let mut b = fmt::ABuf::new();
    if af == AF_INET {
        b.push_ipv4(&src[..4]);
    } else {
        b.push_ipv6(&src);
    }
    Some(b.as_str().to_string())
}

/// mpls_pton(): labels `L1/L2/...` (strtoul base 0, < 2^20), bottom of
/// stack bit on the last. Returns false on error (after printing "Error:
/// too many labels." when there are more than fit).
fn mpls_pton(s: &str, out: &mut [u8]) -> bool {
    let maxlabels = out.len() / 4;
    let mut name = s;
    for count in 0..maxlabels {
        let (label, used, over) = c_strtoull(name, 0);
        if over || label >= (1 << 20) || used == 0 {
            return false;
        }
        let mut entry = (label as u32) << 12;
        let rest = &name[used..];
        if rest.is_empty() {
            entry |= 1 << 8;
            out[count * 4..count * 4 + 4].copy_from_slice(&entry.to_be_bytes());
            return true;
        }
        out[count * 4..count * 4 + 4].copy_from_slice(&entry.to_be_bytes());
        if !rest.starts_with('/') {
            return false;
        }
        name = &rest[1..];
    }
    crate::error::eprint_raw("Error: too many labels.\n");
    false
}

/// inet_ntop() of the first 4 (AF_INET) or 16 (AF_INET6) bytes of `b`;
/// None for another family or too few bytes.
pub fn ntop_prefix(af: u8, b: &[u8]) -> Option<String> {
    let need = match af {
        AF_INET => 4,
        AF_INET6 => 16,
        _ => return None,
    };
    inet_ntop_str(af, b.get(..need)?)
}

/// get_addr_1(): reads an address of `family` (AF_UNSPEC: any). No message.
pub fn get_addr_1(name: &str, family: u8) -> Option<InetPrefix> {
    let mut a = get_addr_raw(name, family)?;
    // set_address_type()
    match a.family {
        AF_INET => {
            a.flags |= if a.v4() == 0 {
                ADDRTYPE_INET_UNSPEC
            } else if a.is_multicast() {
                ADDRTYPE_INET_MULTI
            } else {
                ADDRTYPE_INET
            };
        }
        AF_INET6 => {
            a.flags |= if a.data[..16].iter().all(|&b| b == 0) {
                ADDRTYPE_INET_UNSPEC
            } else if a.is_multicast() {
                ADDRTYPE_INET_MULTI
            } else {
                ADDRTYPE_INET
            };
        }
        _ => {}
    }
    Some(a)
}

fn get_addr_raw(name: &str, family: u8) -> Option<InetPrefix> {
    let mut a = InetPrefix::default();
    if name == "default" {
        if family == AF_MPLS {
            return None;
        }
        a.family = family;
        a.bytelen = af_byte_len(family) as u16;
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
        let v = lladdr::ll_addr_a2n(name, a.data.len()).ok()?;
        // More parts than the buffer holds: C reports len + 1 bytes.
        let n = v.len();
        let k = n.min(a.data.len());
        a.data[..k].copy_from_slice(&v[..k]);
        a.family = AF_PACKET;
        a.bytelen = n as u16;
        a.bitlen = (n * 8) as i16;
        return Some(a);
    }
    if name.contains(':') {
        a.family = AF_INET6;
        if family != AF_UNSPEC && family != AF_INET6 {
            return None;
        }
        let d = inet6_pton(name)?;
        a.data[..16].copy_from_slice(&d);
        a.bytelen = 16;
        a.bitlen = -1;
        return Some(a);
    }
    if family == AF_MPLS {
        a.family = AF_MPLS;
        if !mpls_pton(name, &mut a.data) {
            return None;
        }
        a.bytelen = 4;
        a.bitlen = 20;
        for (i, chunk) in a.data.chunks_exact(4).enumerate() {
            if chunk[2] & 1 != 0 {
                a.bytelen = ((i + 1) * 4) as u16;
                break;
            }
        }
        return Some(a);
    }
    a.family = AF_INET;
    if family != AF_UNSPEC && family != AF_INET {
        return None;
    }
    let v4 = get_addr_ipv4(name)?;
    a.data[..4].copy_from_slice(&v4);
    a.bytelen = 4;
    a.bitlen = -1;
    Some(a)
}

/// mask2bits(): a contiguous netmask (network order) as a prefix length.
pub fn mask2bits(mask_be: [u8; 4]) -> Option<u32> {
    let mask = u32::from_be_bytes(mask_be);
    let host = !mask;
    if host & host.wrapping_add(1) != 0 {
        return None;
    }
    Some(mask.count_ones())
}

/// get_netmask(): a number (strtoul base 0) or a dotted IPv4 mask.
fn get_netmask(arg: &str) -> Option<u32> {
    if let Some(v) = crate::args::num::get_unsigned(arg, 0) {
        return Some(v);
    }
    let a = get_addr_1(arg, AF_INET)?;
    if a.family != AF_INET {
        return None;
    }
    mask2bits([a.data[0], a.data[1], a.data[2], a.data[3]])
}

/// get_prefix_1(): `ADDR[/PLEN]` of `family`. No message on error. The
/// address bits beyond PLEN are kept as written (not masked).
pub fn get_prefix_1(arg: &str, family: u8) -> Option<InetPrefix> {
    let (addr, plen) = match arg.find('/') {
        Some(i) => (&arg[..i], Some(&arg[i + 1..])),
        None => (arg, None),
    };
    let mut dst = get_addr_1(addr, family)?;
    let mut bitlen = af_bit_len(dst.family);
    match plen {
        Some(p) => {
            if dst.bitlen == -2 {
                return None;
            }
            let n = get_netmask(p)?;
            if n > bitlen as u32 {
                return None;
            }
            dst.flags |= PREFIXLEN_SPECIFIED;
            bitlen = n as i32;
        }
        None => {
            if dst.bitlen == -2 {
                bitlen = 0;
            }
        }
    }
    dst.bitlen = bitlen as i16;
    Some(dst)
}

/// get_addr(): as get_addr_1, or `Error: FAMILY address is expected rather
/// than "ARG".` and exit 1.
pub fn get_addr(arg: &str, family: u8) -> crate::error::Res<InetPrefix> {
    match get_addr_1(arg, family) {
        Some(a) => Ok(a),
        None => {
            // ll_addr_a2n() cuts its argument at the first ':' in place, so
            // a bad link address is quoted only up to there.
            let shown = match arg.split_once(':') {
                Some((head, _)) if family == AF_PACKET && !arg.contains('.') => head,
                _ => arg,
            };
            Err(crate::error::fail(
                1,
                &format!("Error: {} address is expected rather than \"{}\".\n", family_name_verbose(family), shown),
            ))
        }
    }
}

/// get_prefix(): as get_prefix_1, or `Error: FAMILY prefix is expected
/// rather than "ARG".` and exit 1 (link family: "may be inet prefix...").
pub fn get_prefix(arg: &str, family: u8) -> crate::error::Res<InetPrefix> {
    if family == AF_PACKET {
        return Err(crate::error::fail(
            1,
            &format!("Error: \"{}\" may be inet prefix, but it is not allowed in this context.\n", arg),
        ));
    }
    match get_prefix_1(arg, family) {
        Some(p) => Ok(p),
        None => Err(crate::error::fail(
            1,
            &format!("Error: {} prefix is expected rather than \"{}\".\n", family_name_verbose(family), arg),
        )),
    }
}

/// get_addr32(): an IPv4 address (network-order bytes), or `Error: an IP
/// address is expected rather than "ARG"` and exit 1.
pub fn get_addr32(arg: &str) -> crate::error::Res<[u8; 4]> {
    match get_addr_1(arg, AF_INET) {
        Some(a) => Ok([a.data[0], a.data[1], a.data[2], a.data[3]]),
        None => Err(crate::error::fail(1, &format!("Error: an IP address is expected rather than \"{}\"\n", arg))),
    }
}

/// inet_addr_match(): whether the first `bits` bits of `a` and `b` agree
/// (0 = match, as in C; nonzero = differ).
pub fn inet_addr_match(a: &InetPrefix, b: &InetPrefix, bits: i32) -> i32 {
    let bits = bits.min((PREFIX_DATA_LEN * 8) as i32);
    if addr_match(&a.data, &b.data, bits) {
        0
    } else {
        -1
    }
}

/// The bit comparison of inet_addr_match() on raw network-order bytes:
/// true when the first `bits` bits agree. Bytes missing from a slice fail
/// a whole-word comparison and count as zero in the partial last word.
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
        let w =
            |s: &[u8]| -> u32 { s.get(nb..nb + 4).map(|x| u32::from_be_bytes([x[0], x[1], x[2], x[3]])).unwrap_or(0) };
        let mask = 0xffff_ffffu32 << (32 - rem);
        if (w(a) ^ w(b)) & mask != 0 {
            return false;
        }
    }
    true
}

/// get_addr_rta(): an address attribute (4 bytes: IPv4, 16: IPv6) as an
/// InetPrefix with bitlen -1. Err(-1) for another length, Err(-2) when
/// `family` is given and differs.
pub fn get_addr_rta(data: &[u8], family: u8) -> Result<InetPrefix, i32> {
    let mut dst = InetPrefix::default();
    match data.len() {
        4 => {
            dst.family = AF_INET;
            dst.bytelen = 4;
            dst.data[..4].copy_from_slice(data);
        }
        16 => {
            dst.family = AF_INET6;
            dst.bytelen = 16;
            dst.data[..16].copy_from_slice(data);
        }
        _ => return Err(-1),
    }
    if family != AF_UNSPEC && family != dst.family {
        return Err(-2);
    }
    dst.bitlen = -1;
    dst.flags = 0;
    match dst.family {
        AF_INET => {
            dst.flags |= if dst.v4() == 0 {
                ADDRTYPE_INET_UNSPEC
            } else if dst.is_multicast() {
                ADDRTYPE_INET_MULTI
            } else {
                ADDRTYPE_INET
            };
        }
        _ => {
            dst.flags |= if dst.data[..16].iter().all(|&b| b == 0) {
                ADDRTYPE_INET_UNSPEC
            } else if dst.is_multicast() {
                ADDRTYPE_INET_MULTI
            } else {
                ADDRTYPE_INET
            };
        }
    }
    Ok(dst)
}

/// inet_addr_match_rta(): 0 when the attribute's address lies in prefix
/// `m` (or `m` selects nothing: no family or no length), else nonzero.
pub fn inet_addr_match_rta(m: &InetPrefix, rta: Option<&[u8]>) -> i32 {
    let Some(data) = rta else { return 0 };
    if m.family == AF_UNSPEC || m.bitlen <= 0 {
        return 0;
    }
    match get_addr_rta(data, m.family) {
        Ok(dst) => inet_addr_match(&dst, m, m.bitlen as i32),
        Err(_) => -1,
    }
}

/// rt_addr_n2a() on the stack: for printers of many entries.
#[inline]
pub fn rt_addr_buf(af: u8, data: &[u8]) -> ABuf {
    let mut b = ABuf::new();
    b.push_addr(af, data);
    b
}

/// rt_addr_n2a(): an address as text (see [`ABuf::push_addr`]).
pub fn rt_addr_n2a(af: u8, data: &[u8]) -> String {
    let mut b = ABuf::new();
    b.push_addr(af, data);
    b.as_str().to_string()
}

/// Reverse lookups done so far, misses included: (family, address) -> name.
type HostCache = HashMap<(u8, Vec<u8>), Option<String>>;

thread_local! {
    static HOSTS: RefCell<HostCache> = RefCell::new(HashMap::new());
}

/// resolve_address(): gethostbyaddr (glibc's, as [`netdb::gethostbyaddr`]) with a cache of answers and misses;
/// a v4-mapped IPv6 address is looked up as IPv4.
pub fn resolve_address(af: u8, data: &[u8]) -> Option<String> {
    let (af, data) = if af == AF_INET6
        && data.len() >= 16
        && data[..10].iter().all(|&b| b == 0)
        && data[10] == 0xff
        && data[11] == 0xff
    {
        (AF_INET, &data[12..16])
    } else {
        (af, data)
    };
    let key = (af, data.to_vec());
    if let Some(hit) = HOSTS.with(|h| h.borrow().get(&key).cloned()) {
        return hit;
    }
    // glibc's gethostbyaddr (rip's own, netdb): /etc/hosts, no DNS answer.
    let name = netdb::gethostbyaddr(data, i32::from(af));
    HOSTS.with(|h| h.borrow_mut().insert(key, name.clone()));
    name
}

/// format_host(): under `-r` (`resolve`), the host name of an address if
/// it has one, else (and without `-r`) [`rt_addr_n2a`]. The one spelling
/// of an address in ip's output ([`ABuf::push_host`] without allocating).
pub fn format_host(af: u8, data: &[u8], resolve: bool) -> String {
    let mut b = ABuf::new();
    b.push_host(af, data, resolve);
    b.as_str().to_string()
}

/// default_scope() of `ip address add`: host for 127.x.x.x, else global.
pub fn default_scope(lcl: &InetPrefix) -> u8 {
    if lcl.family == AF_INET && lcl.bytelen >= 1 && lcl.data[0] == 127 {
        return RT_SCOPE_HOST;
    }
    RT_SCOPE_UNIVERSE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(s: &str) -> Option<[u8; 4]> {
        get_addr_1(s, AF_UNSPEC).map(|a| [a.data[0], a.data[1], a.data[2], a.data[3]])
    }

    #[test]
    fn ipv4_parts() {
        assert_eq!(v4("10.1.1.1"), Some([10, 1, 1, 1]));
        assert_eq!(v4("10.8"), Some([10, 8, 0, 0]));
        assert_eq!(v4("10"), Some([10, 0, 0, 0]));
        assert_eq!(v4("010.0x10.1.1"), Some([8, 16, 1, 1]));
        assert_eq!(v4("256.1.1.1"), None);
        assert_eq!(v4("1.2.3.4.5"), None);
        assert_eq!(v4("1.2.3."), None);
        assert_eq!(v4("1..2"), None);
        assert_eq!(v4("abc"), None);
        assert_eq!(v4("-1"), None);
        assert_eq!(v4(" 1.2.3.4"), Some([1, 2, 3, 4]));
        let a = get_addr_1("10.0.0.1", AF_UNSPEC).unwrap();
        assert_eq!((a.family, a.bytelen, a.bitlen), (AF_INET, 4, -1));
        assert!(get_addr_1("10.0.0.1", AF_INET6).is_none());
        assert!(get_addr_1("::1", AF_INET).is_none());
    }

    #[test]
    fn address_types() {
        assert!(get_addr_1("0.0.0.0", AF_UNSPEC).unwrap().is_inet_unspec());
        assert!(get_addr_1("224.1.1.1", AF_UNSPEC).unwrap().is_inet_multi());
        assert!(get_addr_1("ff02::1", AF_UNSPEC).unwrap().is_inet_multi());
        assert!(get_addr_1("::", AF_UNSPEC).unwrap().is_inet_unspec());
        let a = get_addr_1("10.0.0.1", AF_UNSPEC).unwrap();
        assert!(a.is_inet() && !a.is_inet_multi() && !a.is_inet_unspec());
    }

    #[test]
    fn ipv6() {
        let a = get_addr_1("2001:db8::1", AF_UNSPEC).unwrap();
        assert_eq!((a.family, a.bytelen, a.bitlen), (AF_INET6, 16, -1));
        assert_eq!(&a.bytes()[..4], &[0x20, 0x01, 0x0d, 0xb8]);
        assert_eq!(a.bytes()[15], 1);
        assert!(get_addr_1("::ffff:1.2.3.4", AF_UNSPEC).is_some());
        assert!(get_addr_1("2001:db8:::1", AF_UNSPEC).is_none());
        assert!(get_addr_1("12345::", AF_UNSPEC).is_none());
    }

    #[test]
    fn prefixes() {
        let p = get_prefix_1("192.168.1.100/24", AF_UNSPEC).unwrap();
        assert_eq!((p.bitlen, p.prefixlen_specified()), (24, true));
        assert_eq!(p.bytes(), &[192, 168, 1, 100]);
        let p = get_prefix_1("10.0.0.1", AF_UNSPEC).unwrap();
        assert_eq!((p.bitlen, p.prefixlen_specified()), (32, false));
        let p = get_prefix_1("10.0.0.1/255.255.0.0", AF_UNSPEC).unwrap();
        assert_eq!(p.bitlen, 16);
        let p = get_prefix_1("10.0.0.1/0x18", AF_UNSPEC).unwrap();
        assert_eq!(p.bitlen, 24);
        assert!(get_prefix_1("1.2.3.4/33", AF_UNSPEC).is_none());
        assert!(get_prefix_1("1.2.3.4/255.0.255.0", AF_UNSPEC).is_none());
        assert!(get_prefix_1("1.2.3.4/", AF_UNSPEC).is_none());
        let p = get_prefix_1("2001:db8::/64", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bitlen), (AF_INET6, 64));
        assert!(get_prefix_1("2001:db8::/129", AF_UNSPEC).is_none());
        let p = get_prefix_1("default", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bytelen, p.bitlen, p.prefixlen_specified()), (AF_UNSPEC, 0, 0, true));
        let p = get_prefix_1("default", AF_INET).unwrap();
        assert_eq!((p.family, p.bytelen, p.bitlen), (AF_INET, 4, 0));
        let p = get_prefix_1("any", AF_INET6).unwrap();
        assert_eq!((p.family, p.bytelen, p.bitlen, p.prefixlen_specified()), (AF_INET6, 0, 0, false));
        assert!(get_prefix_1("default/8", AF_UNSPEC).is_none());
    }

    #[test]
    fn mpls_and_link() {
        let a = get_addr_1("100/200", AF_MPLS).unwrap();
        assert_eq!(a.bytelen, 8);
        assert_eq!(rt_addr_n2a(AF_MPLS, a.bytes()), "100/200");
        assert!(get_addr_1("1048576", AF_MPLS).is_none());
        let l = get_addr_1("aa:bb:0c", AF_PACKET).unwrap();
        assert_eq!(l.bytes(), &[0xaa, 0xbb, 0x0c]);
    }

    #[test]
    fn formatting() {
        assert_eq!(rt_addr_n2a(AF_INET, &[10, 0, 0, 1]), "10.0.0.1");
        let a = get_addr_1("2001:db8:0:0:1:0:0:1", AF_UNSPEC).unwrap();
        assert_eq!(rt_addr_n2a(AF_INET6, a.bytes()), "2001:db8::1:0:0:1");
        let a = get_addr_1("::ffff:1.2.3.4", AF_UNSPEC).unwrap();
        assert_eq!(rt_addr_n2a(AF_INET6, a.bytes()), "::ffff:1.2.3.4");
        assert_eq!(rt_addr_n2a(AF_PACKET, &[0, 0x11]), "00:11");
        assert_eq!(rt_addr_n2a(99, &[1]), "???");
        assert_eq!(format_host(AF_INET, &[10, 0, 0, 1], false), "10.0.0.1");
    }

    #[test]
    fn matching() {
        let m = get_prefix_1("10.1.0.0/16", AF_UNSPEC).unwrap();
        let a = get_addr_rta(&[10, 1, 2, 3], AF_UNSPEC).unwrap();
        assert_eq!(inet_addr_match(&a, &m, 16), 0);
        assert_ne!(inet_addr_match(&a, &m, 24), 0);
        assert_eq!(inet_addr_match_rta(&m, Some(&[10, 1, 9, 9])), 0);
        assert_ne!(inet_addr_match_rta(&m, Some(&[10, 2, 9, 9])), 0);
        assert_eq!(inet_addr_match_rta(&m, None), 0);
        assert_ne!(inet_addr_match_rta(&m, Some(&[0u8; 16])), 0);
        let m6 = get_prefix_1("2001:db8::/33", AF_UNSPEC).unwrap();
        let a6 = get_addr_1("2001:db8:7fff::1", AF_UNSPEC).unwrap();
        let b6 = get_addr_1("2001:db8:8000::1", AF_UNSPEC).unwrap();
        assert_eq!(inet_addr_match(&a6, &m6, 33), 0);
        assert_ne!(inet_addr_match(&b6, &m6, 33), 0);
        assert!(get_addr_rta(&[1, 2, 3], AF_UNSPEC).is_err());
        assert_eq!(get_addr_rta(&[1, 2, 3, 4], AF_INET6).err(), Some(-2));
    }

    #[test]
    fn scopes() {
        assert_eq!(default_scope(&get_prefix_1("127.0.0.2/8", AF_UNSPEC).unwrap()), RT_SCOPE_HOST);
        assert_eq!(default_scope(&get_prefix_1("10.0.0.2/8", AF_UNSPEC).unwrap()), RT_SCOPE_UNIVERSE);
    }

    #[test]
    fn route_prefixes() {
        let p = get_prefix_1("10.8/16", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bitlen, p.bytelen), (AF_INET, 16, 4));
        assert_eq!(&p.data[..4], &[10, 8, 0, 0]);
        let p = get_prefix_1("10.0.0.0/255.255.0.0", AF_UNSPEC).unwrap();
        assert_eq!(p.bitlen, 16);
        assert!(get_prefix_1("1.2.3.4/33", AF_UNSPEC).is_none());
        assert!(get_prefix_1("default/0", AF_UNSPEC).is_none());
        let p = get_prefix_1("default", AF_UNSPEC).unwrap();
        assert_eq!(p.bitlen, 0);
        assert!(p.prefixlen_specified());
        let p = get_prefix_1("all", AF_INET).unwrap();
        assert_eq!((p.bitlen, p.bytelen), (0, 0));
        assert!(!p.prefixlen_specified());
        assert!(get_prefix_1("1.2.3.256", AF_UNSPEC).is_none());
        assert!(get_prefix_1("::1", AF_INET).is_none());
        let p = get_prefix_1("2001:db8::/32", AF_UNSPEC).unwrap();
        assert_eq!((p.family, p.bitlen), (AF_INET6, 32));
        let p = get_addr_1("0x0a.010.1", AF_UNSPEC).unwrap();
        assert_eq!(&p.data[..4], &[10, 8, 1, 0]);
    }

    #[test]
    fn raw_matching() {
        assert!(addr_match(&[10, 1, 2, 3], &[10, 1, 0, 0], 16));
        assert!(!addr_match(&[10, 2, 2, 3], &[10, 1, 0, 0], 16));
        assert!(addr_match(&[1], &[2], 0));
    }
}

pub mod fmt;
pub mod lladdr;
pub mod netdb;
pub mod nettools;
pub use fmt::ABuf;
pub use lladdr::{ll_addr, ll_addr_n2a};

/// The own inet_pton/inet_ntop against the C library's, where that is glibc.
#[cfg(all(test, target_env = "gnu"))]
mod vs_glibc {
    use super::*;

    extern "C" {
        fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
        fn inet_ntop(
            af: libc::c_int,
            src: *const libc::c_void,
            dst: *mut libc::c_char,
            size: libc::socklen_t,
        ) -> *const libc::c_char;
    }

    fn c_pton<const N: usize>(af: i32, s: &str) -> Option<[u8; N]> {
        let c = std::ffi::CString::new(s).ok()?;
        let mut out = [0u8; N];
        (unsafe { inet_pton(af, c.as_ptr(), out.as_mut_ptr() as *mut libc::c_void) } == 1).then_some(out)
    }

    fn c_ntop(af: i32, a: &[u8; 16]) -> String {
        let mut buf = [0 as libc::c_char; 64];
        let p = unsafe { inet_ntop(af, a.as_ptr() as *const libc::c_void, buf.as_mut_ptr(), 64) };
        assert!(!p.is_null());
        unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_string_lossy().into_owned()
    }

    const INPUTS: &[&str] = &[
        "",
        "1.2.3.4",
        "0.0.0.0",
        "255.255.255.255",
        "256.1.1.1",
        "01.2.3.4",
        "1.2.3",
        "1.2.3.4.5",
        "1..2.3",
        "1.2.3.4.",
        ".1.2.3",
        "1.2.3.04",
        "1.2.3.0",
        "a.b.c.d",
        " 1.2.3.4",
        "1.2.3.4 ",
        "::",
        "::1",
        "1::",
        "1::2",
        ":1::2",
        "1:::2",
        "1::2::3",
        "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7::",
        "::1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7::8",
        "::ffff:1.2.3.4",
        "::1.2.3.4",
        "1.2.3.4::",
        "::ffff:1.2.3",
        "::ffff:1.2.3.4.5",
        "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4",
        "fe80::1",
        "FE80::ABCD",
        "12345::",
        "0000:0000::",
        "00000::",
        "1:",
        ":",
        ":::",
        "::1.2.3.04",
        "2001:db8::1.2.3.4",
        "g::",
        "1::2:",
        "::2:",
        "1:2:3:4:5:6:7:",
        "1::2.3.4.5",
    ];

    #[test]
    fn pton_as_glibc() {
        for s in INPUTS {
            assert_eq!(inet4_pton(s), c_pton::<4>(libc::AF_INET, s), "AF_INET {:?}", s);
            assert_eq!(inet6_pton(s), c_pton::<16>(libc::AF_INET6, s), "AF_INET6 {:?}", s);
        }
    }

    #[test]
    fn ntop_as_glibc() {
        let mut addrs: Vec<[u8; 16]> = INPUTS.iter().filter_map(|s| inet6_pton(s)).collect();
        // Every pattern of zero and nonzero words, some with ffff in word 5.
        for m in 0..256u32 {
            let mut a = [0u8; 16];
            for w in 0..8 {
                if m & (1 << w) != 0 {
                    a[2 * w + 1] = (w as u8) + 1;
                }
            }
            addrs.push(a);
            let mut b = a;
            b[10] = 0xff;
            b[11] = 0xff;
            addrs.push(b);
        }
        for a in &addrs {
            assert_eq!(inet_ntop_str(AF_INET6, a).unwrap(), c_ntop(libc::AF_INET6, a), "{:?}", a);
            let mut v4 = [0u8; 16];
            v4[..4].copy_from_slice(&a[12..16]);
            assert_eq!(inet_ntop_str(AF_INET, &a[12..16]).unwrap(), c_ntop(libc::AF_INET, &v4));
        }
    }
}
